"""ZXROS first-hop redundancy and DHCP relay: the `vrrp` view and `ip dhcp relay server group`
+ `dhcp` views ([SW] VRRP, [CTN] DHCP relay).

Both name the interface again inside their own global view; the parser merges them back into
the model interface by name.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import DeviceConfig, FhrpGroup, Interface, item_key
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule, set_field
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import (
    Writer,
    all_fields,
    get_interface,
    ifname,
    read_secret,
    write_secret,
)

# --- VRRP ----------------------------------------------------------------------------------------


def p_vrrp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        dispatch(ctx, child, VRRP_RULES)


def v_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ifc = get_interface(ctx, m.group(1))
    for child in line.children:
        dispatch(ctx, child, VRRP_IF_RULES, ifc)


def _group(ifc: Interface, vrid: int, line: Line) -> FhrpGroup:
    for group in ifc.fhrp:
        if group.protocol == "vrrp" and group.group == vrid:
            return group
    group = FhrpGroup(protocol="vrrp", group=vrid)
    group.at(line.n)
    ifc.fhrp.append(group)
    ifc.at(line.n, "fhrp")
    return group


def v_statement(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    group = _group(ifc, int(m.group(2)), line)
    negated, words = m.group(1) is not None, m.group(3).split()
    head = words[0]
    if head == "ipv4" and len(words) >= 2:
        group.virtual_ip.append(words[1])
        group.at(line.n, "virtual_ip")
    elif head == "priority":
        set_field(group, line, "priority", int(words[1]))
    elif head == "preempt":
        set_field(group, line, "preempt", not negated)
        if "delay" in words:
            set_field(group, line, "preempt_delay", int(words[words.index("delay") + 1]))
    elif words[:2] == ["timers", "advertise"]:
        set_field(group, line, "hello", int(words[2]))
    elif head == "authentication":
        group.auth_md5 = words[1:2] == ["md5"]
        group.auth = read_secret(ctx, line, words[-1])
        group.at(line.n, "auth", "auth_md5")
    elif words[:2] == ["track", "interface"] and len(words) >= 3:
        decrement = int(words[words.index("decrement") + 1]) if "decrement" in words else 10
        group.track.append((ifname(words[2]), decrement))
        group.at(line.n, "track")
    else:
        ctx.report.unsupported(line, f"VRRP option {head!r} is not translated")


VRRP_RULES: list[Rule] = [rule(r"interface (\S+)", v_interface)]
VRRP_IF_RULES: list[Rule] = [rule(r"(no )?vrrp (\d+) (.+)", v_statement)]


def render_vrrp(w: Writer, config: DeviceConfig) -> None:
    owners = [i for i in config.interfaces.values() if i.fhrp]
    if not owners:
        return
    out = w.out
    with w.section("vrrp"), w.view("vrrp"):
        for ifc in owners:
            with w.view(f"interface {ifc.name}", ifc, "fhrp"):
                for g in ifc.fhrp:
                    if g.protocol != "vrrp":
                        out.unsupported(g, *all_fields(g), reason="only VRRP exists on ZXROS")
                        continue
                    _render_group(w, g)


def _render_group(w: Writer, g: FhrpGroup) -> None:
    n = g.group
    w.out.mark(g, "", "protocol")  # every line names the group: `vrrp N ...`
    for i, vip in enumerate(g.virtual_ip):
        text = f"vrrp {n} ipv4 {vip}" + (" secondary" if i else "")
        w.line(text, g, item_key("virtual_ip", vip))
    if not g.virtual_ip:
        w.out.ignore(g, "", rule="a VRRP group without a virtual address does nothing")
    if g.priority is not None:
        w.line(f"vrrp {n} priority {g.priority}", g, "priority")
    if g.preempt is False:
        w.line(f"no vrrp {n} preempt", g, "preempt")
    elif g.preempt or g.preempt_delay is not None:
        delay = f" delay {g.preempt_delay}" if g.preempt_delay is not None else ""
        w.line(f"vrrp {n} preempt{delay}", g, "preempt", "preempt_delay")
    if g.hello is not None:
        w.line(f"vrrp {n} timers advertise {g.hello}", g, "hello")
    if g.hold is not None:
        w.out.ignore(g, "hold", rule="VRRP derives its hold time from the advertisement timer")
    if g.auth is not None:
        md5 = "md5 " if g.auth_md5 else ""
        w.line(f"vrrp {n} authentication {md5}{write_secret(g.auth)}", g, "auth", "auth_md5")
    for target, decrement in g.track:
        text = f"vrrp {n} track interface {target} decrement {decrement}"
        w.line(text, g, item_key("track", target))
    for name in ("version", "name"):
        if getattr(g, name) is not None:
            w.out.unsupported(g, name, reason=f"VRRP {name} is not translated to ZXROS")


# --- DHCP relay ----------------------------------------------------------------------------------


def p_relay_group(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    servers: list[str] = ctx.state.setdefault("relay_groups", {}).setdefault(m.group(1), [])
    for child in line.children:
        server = re.fullmatch(r"server \d+ (\S+)", child.text)
        if server:
            servers.append(server.group(1))
            ctx.state.setdefault("relay_lines", {}).setdefault(m.group(1), []).append(child.n)
            ctx.report.parsed(child)
        else:
            ctx.report.unsupported(child, "DHCP relay server option not translated")


def p_dhcp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        if child.text == "enable":
            ctx.report.ignored(child, "DHCP is enabled with the relay interfaces below")
        elif child.text.startswith("interface "):
            ctx.report.parsed(child)
            ifc = get_interface(ctx, child.words[1])
            for grand in child.children:
                dispatch(ctx, grand, DHCP_IF_RULES, ifc)
        else:
            ctx.report.unsupported(child, "DHCP statement not translated")


def d_group(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ctx.state.setdefault("relay_bindings", []).append((ifc, m.group(1), line.n))


DHCP_IF_RULES: list[Rule] = [
    rule(r"mode relay", ignore="the relay mode follows from the relay server group"),
    rule(r"relay server group (\d+)", d_group),
    rule(r"relay agent \S+", ignore="the relay agent address is the interface's own address"),
]


def render_dhcp_relay(w: Writer, config: DeviceConfig) -> None:
    relays = [i for i in config.interfaces.values() if i.helper_addresses]
    if not relays:
        return
    groups: list[tuple[str, ...]] = []
    for ifc in relays:
        key = tuple(ifc.helper_addresses)
        if key not in groups:
            groups.append(key)
    with w.section("dhcp-relay"):
        for number, servers in enumerate(groups, start=1):
            owner = next(i for i in relays if tuple(i.helper_addresses) == servers)
            with w.view(f"ip dhcp relay server group {number}"):
                for k, server in enumerate(servers, start=1):
                    w.line(f"server {k} {server}", owner, item_key("helper_addresses", server))
        with w.view("dhcp"):
            w.plain("enable")
            for ifc in relays:
                number = groups.index(tuple(ifc.helper_addresses)) + 1
                with w.view(f"interface {ifc.name}"):
                    w.plain("mode relay")
                    w.line(f"relay server group {number}", ifc, "helper_addresses")
                    primary = next((a for a in ifc.ipv4 if not a.secondary), None)
                    if primary is not None:
                        w.plain(f"relay agent {primary.address.ip}")


def relay_helpers(ctx: Ctx) -> None:
    """Relay servers are listed in numbered groups; an interface names its group."""
    groups: dict[str, list[str]] = ctx.state.get("relay_groups", {})
    for ifc, number, n in ctx.state.get("relay_bindings", []):
        ifc.helper_addresses.extend(groups.get(number, []))
        ifc.at(n, "helper_addresses")
        for server_line in ctx.state.get("relay_lines", {}).get(number, []):
            ifc.at(server_line, "helper_addresses")

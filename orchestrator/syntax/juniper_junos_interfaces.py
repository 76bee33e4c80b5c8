"""Junos `interfaces` → model interfaces: ports, units, addresses, VRRP, LAG membership.

A Junos port holds its layer-3 and layer-2 settings in logical units; the model holds them on
the interface (see `juniper_junos_index` for the naming; layer 2 is in `juniper_junos_switching`).
The LACP mode of a member is set on its `ae`, which may come later in the file: it is settled in
`finish_interfaces`.
"""

from __future__ import annotations

import re
from ipaddress import IPv4Interface, IPv6Interface
from typing import Any

from orchestrator.model import Address4, Address6, FhrpGroup, Interface
from orchestrator.syntax.juniper_junos_index import (
    claim,
    ifd_unsupported,
    interface,
    junos,
    prefix,
    secret_kind,
    sub,
)
from orchestrator.syntax.juniper_junos_switching import IfScope, i_native, u_switching
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, unquote, values
from orchestrator.syntax.rules import Ctx, Handler, Rule, rule
from orchestrator.syntax.text import Line


def _speed(text: str) -> str | None:
    """Junos speeds (`1g`, `100m`, `10g`, `auto`) as the model's Mbit/s text."""
    m = re.fullmatch(r"(\d+)([mMgG])", text)
    if m:
        return str(int(m.group(1)) * (1000 if m.group(2) in "gG" else 1))
    return "auto" if text in ("auto", "auto-negotiation") else None


def h_interface(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    ifd, rest = m.group(1), m.group(2) or ""
    reason = ifd_unsupported(ifd)
    if reason is not None:
        ctx.report.unsupported(line, reason)
        return
    idx = junos(ctx).index
    um = re.fullmatch(r"unit (\S+)(?: (.*))?", rest)
    if um is None:
        ifc = interface(ctx, ifd)
        claim(ctx, stmt, 2, ifc)
        if not rest:
            ifc.at(line.n)
            return
        sub(ctx, stmt, rest, IFD_RULES, IfScope(stmt, ifc, ifd, None), f"interface {ifd}")
        return
    unit, tail = um.group(1), um.group(2) or ""
    if ifd in ("irb", "vlan") and f"{ifd}.{unit}" not in idx.l3_vlan:
        ctx.report.unsupported(
            line,
            f"{ifd}.{unit} is the layer-3 interface of no VLAN "
            "(no `vlans ... l3-interface`): it carries no traffic",
        )
        return
    name = idx.unit_name(ifd, unit)
    ifc = interface(ctx, name)
    if name != ifd and ifd not in ("irb", "vlan", "lo0", "st0"):
        claim(ctx, stmt, 2, interface(ctx, ifd))
        vid = idx.unit_vlan.get((ifd, unit))
        if ifc.kind == "subinterface" and vid is not None and ifc.encapsulation_vlan is None:
            ifc.encapsulation_vlan = vid
    elif name == ifd:
        claim(ctx, stmt, 2, ifc)
    claim(ctx, stmt, 4, ifc)
    if not tail:
        ifc.at(line.n)
        return
    sub(ctx, stmt, tail, UNIT_RULES, IfScope(stmt, ifc, ifd, unit), f"unit {unit} of {ifd}")


# --- port level ---------------------------------------------------------------------------


def _set(field: str, value: Any = None, conv: Any = None) -> Handler:
    """A handler setting ``field`` of the interface to ``value``, or to group 1 converted."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
        setattr(s.ifc, field, conv(m.group(1)) if conv is not None else value)
        s.ifc.at(line.n, field)

    return handler


def i_description(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    text = unquote(m.group(1))
    earlier = s.ifc.src.get("description")
    if s.ifc.description is not None and earlier:
        # a description on the port wins over one on its unit 0 (they name the same thing)
        if s.unit is not None:
            ctx.report.unsupported(
                line, f"the port already has a description (line {earlier[0]}); one is kept"
            )
            return
        for n in earlier:
            ctx.report.unsupported(n, f"the port's own description (line {line.n}) is kept")
        s.ifc.src.lines["description"] = []
    s.ifc.description = text
    s.ifc.at(line.n, "description")


def i_speed(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    speed = _speed(m.group(1))
    if speed is None:
        ctx.report.unsupported(line, f"speed {m.group(1)} is not understood")
        return
    s.ifc.speed = speed
    s.ifc.at(line.n, "speed")


def i_duplex(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    s.ifc.duplex = "full" if m.group(1).startswith("full") else "half"
    s.ifc.at(line.n, "duplex")


def i_lag_member(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    s.ifc.lag_group = int(m.group(1))
    s.ifc.at(line.n, "lag_group", "lag_mode")


def i_lacp(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    junos(ctx).bucket("lacp")[s.ifd] = (m.group(1), line.n)


def i_lacp_rate(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    s.ifc.lacp_rate = "fast" if m.group(1) == "fast" else "normal"
    s.ifc.at(line.n, "lacp_rate")


IFD_RULES: list[Rule] = [
    rule(r"description (.+)", i_description),
    rule(r"disable", _set("shutdown", True)),
    rule(r"enable", _set("shutdown", False)),
    rule(r"mtu (\d+)", _set("mtu", conv=int)),
    rule(r"mac (\S+)", _set("mac_address", conv=lambda v: _mac(v))),
    rule(r"(?:ether-options |gigether-options )?speed (\S+)", i_speed),
    rule(r"(?:ether-options )?link-mode (full-duplex|half-duplex)", i_duplex),
    rule(r"(?:ether|gigether)-options (?:ieee-)?802\.3ad ae(\d+)", i_lag_member),
    rule(r"aggregated-ether-options lacp (active|passive)", i_lacp),
    rule(r"aggregated-ether-options lacp periodic (fast|slow)", i_lacp_rate),
    rule(
        r"(?:ether|gigether)-options auto-negotiation",
        ignore="autonegotiation is on by default on every target",
    ),
    rule(
        r"(?:vlan-tagging|flexible-vlan-tagging)",
        ignore="802.1Q tagging is implied by the sub-interfaces, which carry their own VLAN tags",
    ),
    rule(r"native-vlan-id (\S+)", i_native),
    rule(r"traceoptions(?: .*)?", ignore="Junos trace (debug) file settings"),
    rule(
        r"(?:ether|gigether)-options no-auto-negotiation",
        unsupported="fixed speed without autonegotiation is not carried by the model",
    ),
    rule(r"aggregated-ether-options minimum-links (\d+)", _set("lag_min_links", conv=int)),
    rule(
        r"aggregated-ether-options link-speed \S+",
        unsupported="LAG member speed is not carried by the model",
    ),
    rule(r"hold-time .+", unsupported="link up/down hold timers are not carried by the model"),
    rule(r"encapsulation .+", unsupported="interface encapsulation other than Ethernet"),
]


# --- unit level ---------------------------------------------------------------------------


def u_vlan_id(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    if s.ifc.kind != "subinterface":
        ctx.report.unsupported(line, "vlan-id on a unit that is not a sub-interface")
        return
    s.ifc.encapsulation_vlan = int(m.group(1))
    s.ifc.at(line.n, "encapsulation_vlan")


def u_routed(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    if m.group(1) == "inet6":
        s.ifc.ipv6_enabled = True
        s.ifc.at(line.n, "ipv6_enabled")
        return
    s.ifc.routed = True
    s.ifc.at(line.n, "routed")


def u_address(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    address = prefix(m.group(1))
    tail = m.group(2) or ""
    if not isinstance(address, IPv4Interface):
        ctx.report.unsupported(line, "an IPv6 address under family inet")
        return
    entry = next((a for a in s.ifc.ipv4 if a.address == address), None)
    if entry is None:
        entry = Address4(address=address)
        entry.secondary = bool(s.ifc.ipv4)
        s.ifc.ipv4.append(entry)
    entry.at(line.n)
    s.ifc.at(line.n, "ipv4")
    claim(ctx, s.stmt, _depth_of(s.stmt, m.group(1)), entry)
    if not tail:
        return
    if tail == "primary":
        # the primary address goes first; the others are secondaries on the targets
        s.ifc.ipv4.remove(entry)
        s.ifc.ipv4.insert(0, entry)
        for i, other in enumerate(s.ifc.ipv4):
            other.secondary = i > 0
        entry.at(line.n, "secondary")
        return
    if tail == "preferred":
        ctx.report.ignored(
            line,
            "source-address preference among a unit's addresses: the "
            "targets take the primary address",
        )
        return
    vrrp = re.fullmatch(r"vrrp-group (\d+)(?: (.+))?", tail)
    if vrrp:
        _vrrp(ctx, line, s.ifc, int(vrrp.group(1)), vrrp.group(2) or "")
        return
    gateway = re.fullmatch(r"virtual-gateway-address (\S+)", tail)
    if gateway is not None:
        if gateway.group(1) not in s.ifc.anycast_gateway:
            s.ifc.anycast_gateway.append(gateway.group(1))
        s.ifc.at(line.n, "anycast_gateway")
        return
    ctx.report.unsupported(line, f"address option `{tail}` is not translated")


def _depth_of(stmt: Stmt, word: str) -> int:
    return stmt.words.index(word) + 1 if word in stmt.words else 0


def _vrrp(ctx: Ctx, line: Line, ifc: Interface, group_id: int, rest: str) -> None:
    group = next((g for g in ifc.fhrp if g.protocol == "vrrp" and g.group == group_id), None)
    if group is None:
        group = FhrpGroup(protocol="vrrp", group=group_id)
        ifc.fhrp.append(group)
        ifc.at(line.n, "fhrp")
    group.at(line.n)
    words = tokens(rest)
    if not words:
        return
    key, args = words[0], values(words[1:])
    if key == "virtual-address":
        for address in args:
            if address not in group.virtual_ip:
                group.virtual_ip.append(address)
            group.at_item(line.n, "virtual_ip", address)
    elif key == "priority" and args:
        group.priority = int(args[0])
        group.at(line.n, "priority")
    elif key in ("preempt", "no-preempt"):
        group.preempt = key == "preempt"
        group.at(line.n, "preempt")
        if args[:1] == ["hold-time"] and len(args) > 1:
            group.preempt_delay = int(args[1])
            group.at(line.n, "preempt_delay")
    elif key == "advertise-interval" and args:
        group.hello = int(args[0])
        group.at(line.n, "hello")
    elif key == "authentication-key" and args:
        group.auth = ctx.secret(line, secret_kind(args[0]), args[0])
        group.at(line.n, "auth")
    elif key == "authentication-type" and args:
        group.auth_md5 = args[0] == "md5"
        group.at(line.n, "auth_md5")
    elif key == "track" and args[:1] == ["interface"] and "priority-cost" in args:
        target = junos(ctx).index.ifname(args[1])
        group.track.append((target, int(args[args.index("priority-cost") + 1])))
        group.at_item(line.n, "track", target)
    elif key in ("accept-data", "no-accept-data") and not args:
        group.accept_data = key == "accept-data"
        group.at(line.n, "accept_data")
    else:
        ctx.report.unsupported(line, f"VRRP option `{key}` is not translated")


def u_address6(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    address = prefix(m.group(1))
    if not isinstance(address, IPv6Interface):
        ctx.report.unsupported(line, "an IPv4 address under family inet6")
        return
    kind = "eui-64" if m.group(2) else ("link-local" if address.is_link_local else "global")
    entry = Address6(address=address, kind=kind)  # type: ignore[arg-type]
    entry.at(line.n)
    s.ifc.ipv6.append(entry)
    s.ifc.at(line.n, "ipv6")
    claim(ctx, s.stmt, _depth_of(s.stmt, m.group(1)), entry)


def u_filter(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    family, direction, name = m.group(1), m.group(2), unquote(m.group(3))
    field = ("ipv6_acl_" if family == "inet6" else "acl_") + (
        "in" if direction == "input" else "out"
    )
    setattr(s.ifc, field, name)
    s.ifc.at(line.n, field)


def u_unnumbered(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    s.ifc.ipv4_unnumbered = junos(ctx).index.ifname(m.group(1))
    s.ifc.at(line.n, "ipv4_unnumbered")


UNIT_RULES: list[Rule] = [
    rule(r"description (.+)", i_description),
    rule(r"disable", _set("shutdown", True)),
    rule(r"vlan-id (\d+)", u_vlan_id),
    rule(r"family (inet|inet6)", u_routed),
    rule(r"family inet address (\S+)(?: (.+))?", u_address),
    rule(r"family inet6 address (\S+)(?: (eui-64))?", u_address6),
    rule(r"family (inet|inet6) filter (input|output) (\S+)", u_filter),
    rule(r"family inet (?:dhcp|dhcp-client)(?: .*)?", _set("ipv4_dhcp", True)),
    rule(r"family inet unnumbered-address (\S+)(?: .*)?", u_unnumbered),
    rule(r"family (?:ethernet-switching|bridge)(?: (.+))?", u_switching),
    rule(r"family inet no-redirects", _set("redirects", False)),
    rule(r"proxy-arp(?: .*)?", _set("proxy_arp", True)),
    rule(r"bandwidth (\S+)", _set("bandwidth", conv=lambda v: _kbits(v))),
    rule(r"family inet mtu (\d+)", _set("ip_mtu", conv=int)),
    rule(r"family inet6 mtu (\d+)", _set("ipv6_mtu", conv=int)),
    rule(
        r"family (?:mpls|iso|ccc|vpls|inet-vpn|tcc|evpn)(?: .*)?",
        unsupported="this protocol family on the interface is not translated",
    ),
    rule(r"family inet6 (?:dad-disable|nd6-.*)", unsupported="IPv6 ND tuning not translated"),
    rule(r"encapsulation .+", unsupported="unit encapsulation other than Ethernet/802.1Q"),
    rule(r"vlan-tags .+", unsupported="stacked (QinQ) VLAN tags are not translated"),
    rule(r"traceoptions(?: .*)?", ignore="Junos trace (debug) file settings"),
]


# --- settling ------------------------------------------------------------------------------


def finish_interfaces(ctx: Ctx) -> None:
    """Settle what needed the whole file: LACP mode of LAG members, the LAGs themselves, the
    MTU of tagged ports."""
    state = junos(ctx)
    _tagged_mtu(ctx)
    lacp: dict[str, tuple[str, int]] = state.bucket("lacp")
    for ifc in list(ctx.config.interfaces.values()):
        if ifc.lag_group is None:
            continue
        ae = f"ae{ifc.lag_group}"
        mode, n = lacp.get(ae, ("on", 0))
        ifc.lag_mode = mode  # type: ignore[assignment]
        if n:
            ifc.at(n, "lag_mode")
        interface(ctx, ae)
    for ae, (_, n) in lacp.items():
        if not any(
            i.lag_group is not None and f"ae{i.lag_group}" == ae
            for i in ctx.config.interfaces.values()
        ):
            ctx.report.ignored(n, f"LACP mode of {ae}, which has no member port")


def _tagged_mtu(ctx: Ctx) -> None:
    """Hold a tagged port's MTU in the 14-byte convention of `JuniperJunos.mtu_overhead`.

    Junos counts the VLAN tags of a tagged port in its `mtu` too (IP MTU = mtu - 18 with
    vlan-tagging, - 22 with two tags), so the port's value less its tag bytes is what the
    generic conversion (`adapt._mtu`, 14 bytes) must start from; the report says so.
    """
    idx = junos(ctx).index
    for name, tags in idx.tag_bytes.items():
        ifc = ctx.config.interfaces.get(name)
        if ifc is None or ifc.mtu is None:
            continue
        ifc.mtu -= tags
        ctx.report.warnings.append(
            f"{name}: mtu {ifc.mtu + tags} counts the Ethernet header and {tags} bytes of VLAN "
            f"tags (IP MTU {ifc.mtu - 14}); held as {ifc.mtu}, the untagged 14-byte convention"
        )


def _mac(text: str) -> str:
    digits = re.sub(r"[^0-9a-fA-F]", "", text).lower()
    return f"{digits[0:4]}.{digits[4:8]}.{digits[8:12]}"


def _kbits(text: str) -> int:
    m = re.fullmatch(r"(\d+)([kmg]?)", text.lower())
    if m is None:
        raise ValueError(f"bandwidth {text}")
    scale = {"": 0.001, "k": 1, "m": 1000, "g": 1_000_000}[m.group(2)]
    return int(int(m.group(1)) * scale)


INTERFACE_TOP: list[Rule] = [
    rule(r"interfaces traceoptions(?: .*)?", ignore="Junos trace (debug) file settings"),
    rule(r"interfaces (\S+)(?: (.+))?", h_interface),
]

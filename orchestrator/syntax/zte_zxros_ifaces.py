"""ZXROS interfaces: `interface X` views, VLANs and switch ports (`switchvlan-configuration`),
dot1q sub-interfaces (`vlan-configuration`), smartgroups (`lacp`), VRRP (`vrrp`), DHCP relay
(`ip dhcp relay server group` + `dhcp`) and ACL bindings (`ipv4-access-group interface`).

ZXROS keeps most per-port features in their own global views that name the interface again,
so one model interface renders into several views; the parser merges them back by name.
"""

from __future__ import annotations

import re
from ipaddress import IPv6Interface
from typing import Any

from orchestrator import ports
from orchestrator.model import (
    Address6,
    DeviceConfig,
    Interface,
)
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    const_field,
    dispatch,
    int_field,
    ipv4_address,
    prefixlen_to_mask,
    rule,
    set_field,
    str_field,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import Writer, get_interface, ifname, quote, unquote
from orchestrator.syntax.zte_zxros_fhrp import (
    p_dhcp,
    p_relay_group,
    p_vrrp,
    relay_helpers,
    render_dhcp_relay,
    render_vrrp,
)
from orchestrator.syntax.zte_zxros_ifextra import (
    EXTRA_TOP,
    IFEXTRA_RULES,
    account_extras,
    render_arp,
    render_if_extras,
)
from orchestrator.syntax.zte_zxros_switching import (
    p_lacp,
    p_switchvlan,
    render_lacp,
    render_switchvlan,
)

# --- interface views ----------------------------------------------------------------------------


def p_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ifc = get_interface(ctx, m.group(1))
    ifc.at(line.n)
    for child in line.children:
        dispatch(ctx, child, INTERFACE_RULES, ifc)


def i_description(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.description = unquote(m.group(1))
    ifc.at(line.n, "description")


def i_shutdown(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.shutdown = m.group(1) is None
    ifc.at(line.n, "shutdown")


def i_ipv6_address(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    kind = {"eui-64": "eui-64", "link-local": "link-local"}.get(m.group(2) or "", "global")
    entry = Address6(address=IPv6Interface(m.group(1)), kind=kind)  # type: ignore[arg-type]
    entry.at(line.n)
    ifc.ipv6.append(entry)
    ifc.at(line.n, "ipv6")


def i_vrf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.vrf = m.group(1)
    ifc.at(line.n, "vrf")


def i_unnumbered(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv4_unnumbered = ifname(m.group(1))
    ifc.at(line.n, "ipv4_unnumbered")


def i_speed(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    value, unit = int(m.group(1)), m.group(2)
    ifc.speed = str(value * 1000 if unit == "G" else value)
    ifc.at(line.n, "speed")


def i_negotiation(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    if m.group(1) == "auto":
        ifc.speed = ifc.speed or "auto"
        ifc.at(line.n, "speed")
    else:
        ctx.report.ignored(line, "forced speed is implied by the `speed` statement")


def i_switch(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.routed = False
    ifc.at(line.n, "routed")


INTERFACE_RULES: list[Rule] = [
    rule(r"description (.+)", i_description),
    rule(r"(no )?shutdown", i_shutdown),
    rule(r"ip address (\S+) (\S+?)( secondary)?", ipv4_address),
    rule(r"ip address (\S+)(/\d+)( secondary)?", ipv4_address),
    rule(r"ipv6 address (\S+/\d+)(?: (eui-64|link-local))?", i_ipv6_address),
    rule(r"ipv6 enable", const_field("ipv6_enabled")),
    rule(r"ip vrf forwarding (\S+)", i_vrf),
    rule(r"ip unnumbered (\S+)", i_unnumbered),
    rule(r"mtu (\d+)", int_field("mtu")),
    rule(r"speed speed-(\d+)([GM])", i_speed),
    rule(r"negotiation negotiation-(auto|force)", i_negotiation),
    rule(r"duplex (auto|full|half)", str_field("duplex")),
    rule(r"switch attribute enable", i_switch),
    rule(r"ip address dhcp", const_field("ipv4_dhcp")),
    rule(r"ip mtu (\d+)", int_field("ip_mtu")),
    rule(r"mpls mtu \d+", unsupported="MPLS is not translated"),
    rule(r"name \S+", unsupported="OLT ONU names are not translated"),
    *IFEXTRA_RULES,
]


def _speed_words(speed: str) -> str | None:
    if not speed.isdigit():
        return None
    value = int(speed)
    return f"speed-{value // 1000}G" if value >= 1000 and value % 1000 == 0 else f"speed-{value}M"


def _render_interface(w: Writer, ifc: Interface) -> None:
    out = w.out
    with w.view(f"interface {ifc.name}", ifc):
        out.mark(ifc, "kind")  # the name says the kind
        if ifc.description:
            w.line(f"description {quote(ifc.description)}", ifc, "description")
        elif ifc.description == "":
            out.ignore(ifc, "description", rule="an empty description says nothing")
        if ifc.routed is False or ifc.switchport is not None:
            w.line("switch attribute enable", ifc, "routed" if ifc.routed is False else "")
            if ifc.routed is False and ifc.switchport is not None:
                out.result.dropped.append((id(ifc), "routed"))
        elif ifc.routed is True:
            out.ignore(ifc, "routed", rule="ZXROS NG ports route unless given `switch attribute`")
        if ifc.vrf is not None:
            w.line(f"ip vrf forwarding {ifc.vrf}", ifc, "vrf")
        if ifc.mtu is not None:
            w.line(f"mtu {ifc.mtu}", ifc, "mtu")
        if ifc.ip_mtu is not None:
            w.line(f"ip mtu {ifc.ip_mtu}", ifc, "ip_mtu")
        if ifc.speed == "auto":
            w.line("negotiation negotiation-auto", ifc, "speed")
        elif ifc.speed is not None:
            words = _speed_words(ifc.speed)
            if words is None:
                out.unsupported(ifc, "speed", reason=f"speed {ifc.speed!r} has no ZXROS spelling")
            else:
                w.line(f"speed {words}", ifc, "speed")
        if ifc.duplex is not None:
            w.line(f"duplex {ifc.duplex}", ifc, "duplex")
        for addr in ifc.ipv4:
            text = (
                f"ip address {addr.address.ip} {prefixlen_to_mask(addr.address.network.prefixlen)}"
            )
            w.item(text + (" secondary" if addr.secondary else ""), addr, "address", "secondary")
        if ifc.ipv4_dhcp:
            w.line("ip address dhcp", ifc, "ipv4_dhcp")
        if ifc.ipv4_unnumbered is not None:
            w.line(f"ip unnumbered {ifc.ipv4_unnumbered}", ifc, "ipv4_unnumbered")
        if ifc.ipv6_enabled:
            w.line("ipv6 enable", ifc, "ipv6_enabled")
        for addr6 in ifc.ipv6:
            suffix = "" if addr6.kind == "global" else f" {addr6.kind}"
            w.item(f"ipv6 address {addr6.address}{suffix}", addr6, "address", "kind")
        render_if_extras(w, ifc)
        if ifc.shutdown is not None:
            w.line("shutdown" if ifc.shutdown else "no shutdown", ifc, "shutdown")
    account_extras(out, ifc)


# --- switch ports and VLANs ---------------------------------------------------------------------


# --- sub-interfaces: vlan-configuration ---------------------------------------------------------


def p_vlan_configuration(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        dispatch(ctx, child, VLANCONF_RULES)


def vc_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ifc = get_interface(ctx, m.group(1))
    for child in line.children:
        dispatch(ctx, child, VLANCONF_IF_RULES, ifc)


VLANCONF_RULES: list[Rule] = [rule(r"interface (\S+)", vc_interface)]
VLANCONF_IF_RULES: list[Rule] = [
    rule(r"encapsulation-dot1q (\d+)", int_field("encapsulation_vlan")),
    rule(r"qinq .+", unsupported="QinQ sub-interfaces are not translated"),
]


def _render_vlan_configuration(w: Writer, config: DeviceConfig) -> None:
    subs = [i for i in config.interfaces.values() if i.encapsulation_vlan is not None]
    if not subs:
        return
    with w.section("vlan-configuration"), w.view("vlan-configuration"):
        for ifc in subs:
            with w.view(f"interface {ifc.name}"):
                w.line(f"encapsulation-dot1q {ifc.encapsulation_vlan}", ifc, "encapsulation_vlan")


# --- smartgroups: the lacp view -----------------------------------------------------------------


# --- ACL bindings --------------------------------------------------------------------------------


def p_access_group(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    family, name, direction, acl = m.group(1), m.group(2), m.group(3), m.group(4)
    ifc = get_interface(ctx, name)
    field = {"4": "acl", "6": "ipv6_acl"}[family] + ("_in" if direction == "ingress" else "_out")
    set_field(ifc, line, field, acl)


def _render_bindings(w: Writer, config: DeviceConfig) -> None:
    for ifc in config.interfaces.values():
        for field, family, direction in (
            ("acl_in", "4", "ingress"),
            ("acl_out", "4", "egress"),
            ("ipv6_acl_in", "6", "ingress"),
            ("ipv6_acl_out", "6", "egress"),
        ):
            acl = getattr(ifc, field)
            if acl is not None:
                text = f"ipv{family}-access-group interface {ifc.name} {direction} {acl}"
                w.line(text, ifc, field)


# --- entry points --------------------------------------------------------------------------------

IFACE_TOP: list[Rule] = [
    rule(r"interface (\S+)", p_interface),
    rule(r"switchvlan-configuration", p_switchvlan),
    rule(r"vlan-configuration", p_vlan_configuration),
    rule(r"lacp", p_lacp),
    rule(r"vrrp", p_vrrp),
    rule(r"ip dhcp relay server group (\d+)", p_relay_group),
    rule(r"dhcp", p_dhcp),
    rule(r"ipv(4|6)-access-group interface (\S+) (ingress|egress) (\S+)", p_access_group),
    *EXTRA_TOP,
]


def finish_interfaces(ctx: Ctx) -> None:
    """Fill what follows from the whole file: smartgroups named by members, relay servers."""
    config = ctx.config
    relay_helpers(ctx)
    for ifc in list(config.interfaces.values()):
        if ifc.lag_group is not None and f"smartgroup{ifc.lag_group}" not in config.interfaces:
            config.interface(f"smartgroup{ifc.lag_group}").kind = "lag"
        if ifc.switchport is not None and ifc.routed is False:
            ifc.routed = None  # `switch attribute enable` is implied by the switch port settings
        if ifc.kind == "subinterface" and ifc.encapsulation_vlan is None:
            parsed = ports.parse_name("zte_zxros", ifc.name)
            if parsed is not None and parsed.sub is not None and not ifc.src.lines:
                continue


def render_interfaces(out: Emitter, config: DeviceConfig) -> None:
    w = Writer(out)
    with w.section("if-intf"):
        for ifc in config.interfaces.values():
            _render_interface(w, ifc)
    _render_vlan_configuration(w, config)
    render_switchvlan(w, config)
    render_lacp(w, config)
    render_vrrp(w, config)
    render_dhcp_relay(w, config)
    render_arp(w, config)


def render_acl_bindings(out: Emitter, config: DeviceConfig) -> None:
    _render_bindings(Writer(out), config)

"""Cisco IOS interface statements: addressing, switching, OSPF, FHRP, filters and the per-port
housekeeping lines that mean nothing on another vendor's box (each with its reason).

`INTERFACE_RULES` is the full table: the lead's core statements plus the security, WAN and IPv6
tables of their own modules, so `cisco_ios.p_interface` dispatches one list.
"""

from __future__ import annotations

import re
from ipaddress import IPv6Interface
from typing import Any

from orchestrator import ports
from orchestrator.model import (
    Address6,
    Interface,
    InterfaceOspf,
    SecretKind,
    Switchport,
)
from orchestrator.syntax.cisco_fhrp import FHRP_RULES
from orchestrator.syntax.cisco_ipv6 import IPV6_INTERFACE_RULES
from orchestrator.syntax.cisco_security import SECURITY_INTERFACE_RULES
from orchestrator.syntax.cisco_wan import WAN_INTERFACE_RULES
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    area_dotted,
    dispatch_children,
    flag_field,
    int_field,
    ipv4_address,
    rule,
    str_field,
    vlan_list,
)
from orchestrator.syntax.text import Line

# --- interfaces -------------------------------------------------------------------------------


def _ifc(ctx: Ctx, name: str) -> Interface:
    canonical = ports.canonical_name(ctx.platform, name)
    ifc = ctx.config.interface(canonical)
    ifc.kind = ports.interface_kind(ctx.platform, canonical)
    return ifc


def p_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ifc = _ifc(ctx, m.group(1).replace(" ", ""))
    ifc.at(line.n)
    if m.group(2):
        ifc.point_to_point = m.group(2) == "point-to-point"
        ifc.at(line.n, "point_to_point")
    dispatch_children(ctx, line, INTERFACE_RULES, ifc)
    version = ctx.state.get("hsrp_version", {}).get(ifc.name)
    if version is not None:
        for group in ifc.fhrp:
            if group.protocol == "hsrp":
                group.version = version[0]
                group.at(version[1], "version")


def i_description(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.description = (m.group(1) or "").strip()
    ifc.at(line.n, "description")


def i_shutdown(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.shutdown = m.group(1) is None
    ifc.at(line.n, "shutdown")


def i_ip_dhcp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv4_dhcp = True
    ifc.at(line.n, "ipv4_dhcp")


def i_unnumbered(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv4_unnumbered = ports.canonical_name(ctx.platform, m.group(1))
    ifc.at(line.n, "ipv4_unnumbered")


def i_ipv6_address(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    kind = {"eui-64": "eui-64", "link-local": "link-local"}.get(m.group(2) or "", "global")
    entry = Address6(address=IPv6Interface(m.group(1)), kind=kind)  # type: ignore[arg-type]
    entry.at(line.n)
    ifc.ipv6.append(entry)
    ifc.at(line.n, "ipv6")


def i_ipv6_enable(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv6_enabled = True
    ifc.at(line.n, "ipv6_enabled")


def i_vrf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.vrf = m.group(1)
    ifc.at(line.n, "vrf")


def i_switchport(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.routed = m.group(1) is not None
    ifc.at(line.n, "routed")


def _switchport(ifc: Interface) -> Switchport:
    if ifc.switchport is None:
        ifc.switchport = Switchport()
    return ifc.switchport


def i_sw_mode(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.mode = m.group(1)  # type: ignore[assignment]
    sw.at(line.n, "mode")


def i_sw_access(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.access_vlan = int(m.group(1))
    sw.at(line.n, "access_vlan")


def i_sw_allowed(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    verb, vlans = m.group(1), m.group(2)
    if vlans == "all":
        sw.trunk_allowed = None
    elif vlans == "none":
        sw.trunk_allowed = []
    elif verb == "add":
        sw.trunk_allowed = sorted(set((sw.trunk_allowed or []) + vlan_list(vlans)))
    elif verb == "remove":
        base = sw.trunk_allowed if sw.trunk_allowed is not None else list(range(1, 4095))
        sw.trunk_allowed = [v for v in base if v not in set(vlan_list(vlans))]
    elif verb == "except":
        sw.trunk_allowed = [v for v in range(1, 4095) if v not in set(vlan_list(vlans))]
    else:
        sw.trunk_allowed = vlan_list(vlans)
    sw.at(line.n, "trunk_allowed")


def i_sw_native(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.native_vlan = int(m.group(1))
    sw.at(line.n, "native_vlan")


def i_sw_voice(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.voice_vlan = int(m.group(1))
    sw.at(line.n, "voice_vlan")


def i_sw_nonegotiate(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.nonegotiate = True
    sw.at(line.n, "nonegotiate")


def i_channel_group(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.lag_group = int(m.group(1))
    ifc.lag_mode = m.group(2)  # type: ignore[assignment]
    ifc.at(line.n, "lag_group", "lag_mode")


def i_lacp_rate(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.lacp_rate = m.group(1)  # type: ignore[assignment]
    ifc.at(line.n, "lacp_rate")


def i_lldp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`[no] lldp transmit` / `[no] lldp receive`: the model has one per-port switch."""
    ifc.lldp = m.group(1) is None
    ifc.at(line.n, "lldp")


def i_bfd(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.bfd_interval = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    ifc.at(line.n, "bfd_interval")


def i_storm(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.storm_control[m.group(1)] = m.group(2)
    ifc.at_item(line.n, "storm_control", m.group(1))


def i_ospf_flag(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
        ospf = _ospf(ifc)
        setattr(ospf, field, True)
        ospf.at(line.n, field)

    return handler


def i_encapsulation(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.encapsulation_vlan = int(m.group(1))
    ifc.at(line.n, "encapsulation_vlan")


def _ospf(ifc: Interface) -> InterfaceOspf:
    if ifc.ospf is None:
        ifc.ospf = InterfaceOspf()
    return ifc.ospf


def i_ospf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc)
    what, value = m.group(1), m.group(2)
    if what == "cost":
        ospf.cost = int(value)
        ospf.at(line.n, "cost")
    elif what == "network":
        ospf.network_type = {"point-to-multipoint": "p2mp", "non-broadcast": "nbma"}.get(
            value, value
        )  # type: ignore[assignment]
        ospf.at(line.n, "network_type")
    elif what == "priority":
        ospf.priority = int(value)
        ospf.at(line.n, "priority")
    elif what == "hello-interval":
        ospf.hello = int(value)
        ospf.at(line.n, "hello")
    elif what == "dead-interval":
        ospf.dead = int(value)
        ospf.at(line.n, "dead")


def i_ospf_area(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:

    ospf = _ospf(ifc)
    ospf.process = m.group(1)
    ospf.area = area_dotted(m.group(2))
    ospf.at(line.n, "process", "area")


def i_ospf_auth(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc)
    ospf.auth = "md5" if m.group(1) == "message-digest" else ("null" if m.group(1) else "simple")
    ospf.at(line.n, "auth")


def i_ospf_md5_key(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc)
    ospf.auth_key_id = int(m.group(1))
    kind: SecretKind = "cisco7" if m.group(2) == "7" else "plain"
    ospf.auth_key = ctx.secret(line, kind, m.group(3))
    ospf.at(line.n, "auth_key_id", "auth_key")


def i_ospf_auth_key(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc)
    kind: SecretKind = "cisco7" if m.group(1) == "7" else "plain"
    ospf.auth_key = ctx.secret(line, kind, m.group(2))
    ospf.at(line.n, "auth_key")


def i_access_group(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    field = "acl_in" if m.group(2) == "in" else "acl_out"
    setattr(ifc, field, m.group(1))
    ifc.at(line.n, field)


def i_ipv6_filter(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    field = "ipv6_acl_in" if m.group(2) == "in" else "ipv6_acl_out"
    setattr(ifc, field, m.group(1))
    ifc.at(line.n, field)


def i_helper(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.helper_addresses.append(m.group(1))
    ifc.at_item(line.n, "helper_addresses", m.group(1))


def i_mac(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.mac_address = m.group(1).lower()
    ifc.at(line.n, "mac_address")


def i_nat(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.nat = m.group(1)  # type: ignore[assignment]
    ifc.at(line.n, "nat")


def i_service_policy(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    field = "service_policy_in" if m.group(1) == "input" else "service_policy_out"
    setattr(ifc, field, m.group(2))
    ifc.at(line.n, field)


def i_portfast(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.stp_edge = m.group(1) is None
    ifc.at(line.n, "stp_edge")


def i_bpduguard(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.stp_bpdu_guard = m.group(1) != "disable"
    ifc.at(line.n, "stp_bpdu_guard")


def i_speed(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.speed = m.group(1)
    ifc.at(line.n, "speed")


def i_duplex(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.duplex = m.group(1)  # type: ignore[assignment]
    ifc.at(line.n, "duplex")


CORE_INTERFACE_RULES: list[Rule] = [
    rule(r"description(?: (.*))?", i_description),
    rule(r"(no )?shutdown", i_shutdown),
    rule(r"ip address (\S+) (\S+)( secondary)?", ipv4_address),
    rule(r"ip address dhcp", i_ip_dhcp),
    rule(r"ip unnumbered (\S+)", i_unnumbered),
    rule(r"no ip address", ignore="no IPv4 address is every target's default"),
    rule(r"ipv6 address (\S+/\d+)(?: (eui-64|link-local))?", i_ipv6_address),
    rule(r"ipv6 enable", i_ipv6_enable),
    rule(r"mtu (\d+)", int_field("mtu")),
    rule(r"(?:ip )?vrf forwarding (\S+)", i_vrf),
    rule(r"(no )?switchport", i_switchport),
    rule(r"switchport mode (access|trunk|dot1q-tunnel)", i_sw_mode),
    rule(r"switchport access vlan (\d+)", i_sw_access),
    rule(r"switchport trunk allowed vlan (?:(add|remove|except) )?(\S+)", i_sw_allowed),
    rule(r"switchport trunk native vlan (\d+)", i_sw_native),
    rule(r"switchport voice vlan (\d+)", i_sw_voice),
    rule(r"switchport nonegotiate", i_sw_nonegotiate),
    rule(
        r"switchport trunk encapsulation dot1q",
        ignore="802.1Q is the only trunk encapsulation on the targets",
    ),
    rule(r"channel-group (\d+)(?: mode (active|passive|on))?", i_channel_group),
    rule(r"lacp rate (fast|normal)", i_lacp_rate),
    rule(r"(no )?lldp (?:transmit|receive)", i_lldp),
    rule(r"bfd interval (\d+) min_rx (\d+) multiplier (\d+)", i_bfd),
    rule(r"storm-control (broadcast|multicast|unicast) level (.+)", i_storm),
    rule(r"ip ospf bfd", i_ospf_flag("bfd")),
    rule(r"ip ospf demand-circuit", i_ospf_flag("demand_circuit")),
    rule(r"ip ospf flood-reduction", i_ospf_flag("flood_reduction")),
    rule(r"encapsulation dot1[qQ] (\d+)", i_encapsulation),
    rule(r"ip ospf (cost|priority|hello-interval|dead-interval) (\d+)", i_ospf),
    rule(r"ip ospf (network) (point-to-point|broadcast|non-broadcast|point-to-multipoint)", i_ospf),
    rule(r"ip ospf (\d+) area (\S+)", i_ospf_area),
    rule(r"ip ospf authentication(?: (message-digest|null))?", i_ospf_auth),
    rule(r"ip ospf message-digest-key (\d+) md5 (?:(\d) )?(\S+)", i_ospf_md5_key),
    rule(r"ip ospf authentication-key (?:(\d) )?(\S+)", i_ospf_auth_key),
    rule(r"ip access-group (\S+) (in|out)", i_access_group),
    rule(r"ipv6 traffic-filter (\S+) (in|out)", i_ipv6_filter),
    rule(r"ip helper-address (\S+)", i_helper),
    rule(r"(no )?ip proxy-arp", flag_field("proxy_arp")),
    rule(r"(no )?ip redirects", flag_field("redirects")),
    rule(r"(no )?ip unreachables", flag_field("unreachables")),
    rule(r"mac-address (\S+)", i_mac),
    rule(r"ip nat (inside|outside)", i_nat),
    rule(r"service-policy (input|output) (\S+)", i_service_policy),
    rule(r"(no )?spanning-tree portfast(?: edge)?(?: trunk)?", i_portfast),
    rule(r"spanning-tree bpduguard (enable|disable)", i_bpduguard),
    rule(r"spanning-tree cost (\d+)", int_field("stp_cost")),
    rule(r"spanning-tree port-priority (\d+)", int_field("stp_port_priority")),
    rule(r"(no )?cdp enable", flag_field("cdp")),
    rule(r"speed (auto|\d+)", i_speed),
    rule(r"duplex (auto|full|half)", i_duplex),
    rule(r"(full|half)-duplex", i_duplex),
    rule(r"bandwidth (\d+)", int_field("bandwidth")),
    rule(r"delay (\d+)", int_field("delay")),
    rule(r"load-interval (\d+)", int_field("load_interval")),
    rule(r"keepalive (\d+)", int_field("keepalive")),
    *FHRP_RULES,
    rule(r"no ip route-cache(?: .*)?", ignore="IOS switching-path tuning; targets have none"),
    rule(r"ip route-cache(?: .*)?", ignore="IOS switching-path tuning; targets have none"),
    rule(r"no mop enabled", ignore="DECnet MOP exists only on IOS"),
    rule(r"no mop sysid", ignore="DECnet MOP exists only on IOS"),
    rule(r"no keepalive", ignore="IOS keepalive on Ethernet; targets use link state"),
    rule(r"media-type \S+", ignore="media selection is fixed by the target port's hardware"),
    rule(r"negotiation auto", ignore="autonegotiation is on by default on every target"),
    rule(r"(no )?negotiation auto", flag_field("autonegotiation")),
    rule(r"no ip directed-broadcast", ignore="directed broadcast is off by default on targets"),
    rule(r"no ip mroute-cache", ignore="IOS multicast switching-path tuning"),
    rule(
        r"hold-queue \d+ (?:in|out)",
        ignore="IOS interface queue depth; targets size their own queues",
    ),
    rule(r"tunnel source (\S+)", str_field("tunnel_source")),
    rule(r"tunnel destination (\S+)", str_field("tunnel_destination")),
    rule(r"tunnel mode (.+)", str_field("tunnel_mode")),
]

#: every statement of interface mode: the core table first, its catch-alls are narrow
INTERFACE_RULES: list[Rule] = [
    *CORE_INTERFACE_RULES,
    *SECURITY_INTERFACE_RULES,
    *WAN_INTERFACE_RULES,
    *IPV6_INTERFACE_RULES,
]

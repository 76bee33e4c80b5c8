"""VRP interfaces: addressing, switching, Eth-Trunk membership, OSPF, VRRP, filters, services.

VRP5 (S/AR) and VRP8 (CloudEngine, NE40E) spellings are both read: `mode lacp` and
`mode lacp-static`, `preempt-mode` and `preempt`, `reduced` and `reduce`, `dot1q termination
vid` and `vlan-type dot1q`. Trunk ports carry VLAN 1 unless `undo port trunk allow-pass vlan 1`
says otherwise, so the allowed list is completed when the interface block ends.
"""

from __future__ import annotations

import re
from ipaddress import IPv6Interface
from typing import Any

from orchestrator import ports
from orchestrator.model import (
    Address6,
    Interface,
    Switchport,
)
from orchestrator.syntax.huawei_common import ifname
from orchestrator.syntax.huawei_parse_dial import i_dialer, i_ppp, i_pvc
from orchestrator.syntax.huawei_parse_firewall import i_zone
from orchestrator.syntax.huawei_parse_ifc_l3 import (
    i_filter,
    i_flag,
    i_mac,
    i_nat_one_to_one,
    i_nat_outbound,
    i_nat_static,
    i_ospf,
    i_ospf_auth,
    i_ospf_bfd,
    i_ospf_enable,
    i_ospf_network,
    i_ospfv3,
    i_relay_server,
    i_stp_edge,
    i_traffic_policy,
    i_tunnel,
    i_vrrp,
)
from orchestrator.syntax.huawei_parse_ipsec import i_protection
from orchestrator.syntax.huawei_parse_ipv6 import i_dhcp6_server, i_nd
from orchestrator.syntax.huawei_parse_overlay import i_m_lag, i_peer_link
from orchestrator.syntax.rules import Ctx, Rule, dispatch, ipv4_address, rule
from orchestrator.syntax.text import Line
from orchestrator.syntax.vrp_family import vlan_words

ALL_VLANS = list(range(1, 4095))


def interface_node(ctx: Ctx, name: str) -> Interface:
    canonical = ifname(ctx, name)
    ifc = ctx.config.interface(canonical)
    ifc.kind = ports.interface_kind(ctx.platform, canonical)
    return ifc


def p_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if m.group(2):
        ctx.report.unsupported_tree(
            line, "Layer 2 sub-interfaces (bridge domains) are not translated"
        )
        return
    ifc = interface_node(ctx, m.group(1))
    ifc.at(line.n)
    if m.group(3):
        ifc.point_to_point = m.group(3) == "p2p"
        ifc.at(line.n, "point_to_point")
    state: dict[str, Any] = {"allow": None, "undo1": False, "link_type": False, "hybrid": None}
    ctx.state["ifc"] = state
    for child in line.children:
        if child.text.startswith(("access-type", "authentication-method")):
            ctx.report.unsupported(child, "subscriber access settings are not translated")
            continue
        dispatch(ctx, child, INTERFACE_RULES, ifc)
    _finish_switchport(ifc, state)


def _finish_switchport(ifc: Interface, state: dict[str, Any]) -> None:
    sw = ifc.switchport
    if sw is not None and not state["link_type"] and state["hybrid"] is not None:
        sw.mode = "hybrid"  # hybrid settings on a port of the default (hybrid) link type
        sw.at(state["hybrid"], "mode")
    if sw is None or sw.mode != "trunk":
        return
    allow = state["allow"]
    if allow == "all":
        sw.trunk_allowed = None
        return
    vlans = set(allow or [])
    if not state["undo1"]:
        vlans.add(1)
    sw.trunk_allowed = None if vlans >= set(ALL_VLANS) else sorted(vlans)


def _switchport(ifc: Interface) -> Switchport:
    if ifc.switchport is None:
        ifc.switchport = Switchport()
    return ifc.switchport


def i_description(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.description = m.group(1)
    ifc.at(line.n, "description")


def i_shutdown(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.shutdown = m.group(1) is None
    ifc.at(line.n, "shutdown")


def i_int(field: str, scale: int = 1) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
        setattr(ifc, field, int(m.group(1)) * scale)
        ifc.at(line.n, field)

    return handler


def i_negotiation(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.autonegotiation = m.group(1) is None
    ifc.at(line.n, "autonegotiation")


def i_speed(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.speed = m.group(1)
    ifc.at(line.n, "speed")


def i_duplex(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.duplex = m.group(1)  # type: ignore[assignment]
    ifc.at(line.n, "duplex")


def i_encapsulation(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.encapsulation = "ppp"
    ifc.at(line.n, "encapsulation")


def i_vrf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.vrf = m.group(1)
    ifc.at(line.n, "vrf")


def i_unnumbered(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv4_unnumbered = ifname(ctx, m.group(1))
    ifc.at(line.n, "ipv4_unnumbered")


def i_dhcp_client(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv4_dhcp = True
    ifc.at(line.n, "ipv4_dhcp")


def i_ipv6_enable(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv6_enabled = True
    ifc.at(line.n, "ipv6_enabled")


def i_ipv6_address(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    text, suffix = m.group(1), m.group(2)
    if suffix == "link-local":
        entry = Address6(address=IPv6Interface(f"{text}/64"), kind="link-local")
    else:
        entry = Address6(
            address=IPv6Interface(text.replace(" ", "/")),
            kind="eui-64" if suffix == "eui-64" else "global",
        )
    entry.at(line.n)
    ifc.ipv6.append(entry)
    ifc.at(line.n, "ipv6")


def i_portswitch(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.routed = m.group(1) is not None
    ifc.at(line.n, "routed")


def i_link_type(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.mode = m.group(1)  # type: ignore[assignment]
    sw.at(line.n, "mode")
    ctx.state["ifc"]["link_type"] = True
    if sw.mode == "trunk":
        sw.at(line.n, "trunk_allowed")


def i_default_vlan(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.access_vlan = int(m.group(1))
    sw.at(line.n, "access_vlan")


def i_trunk_allow(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    state = ctx.state["ifc"]
    if m.group(1) == "all":
        state["allow"] = "all"
    elif state["allow"] != "all":
        state["allow"] = (state["allow"] or []) + vlan_words(m.group(1).split())
    sw.at(line.n, "trunk_allowed")


def i_trunk_undo1(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ctx.state["ifc"]["undo1"] = True
    _switchport(ifc).at(line.n, "trunk_allowed")


def i_pvid(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    if "hybrid" in line.text and ctx.state["ifc"]["hybrid"] is None:
        ctx.state["ifc"]["hybrid"] = line.n
    sw.native_vlan = int(m.group(1))
    sw.at(line.n, "native_vlan")


def i_hybrid(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    if ctx.state["ifc"]["hybrid"] is None:
        ctx.state["ifc"]["hybrid"] = line.n
    field = "hybrid_tagged" if m.group(1) == "tagged" else "hybrid_untagged"
    current: list[int] = getattr(sw, field)
    setattr(sw, field, sorted(set(current) | set(vlan_words(m.group(2).split()))))
    sw.at(line.n, field)


def i_voice_vlan(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.voice_vlan = int(m.group(1))
    sw.at(line.n, "voice_vlan")


def i_eth_trunk(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.lag_group = int(m.group(1))
    ifc.at(line.n, "lag_group", "lag_mode")


def i_lag_mode(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    mode = "on" if m.group(1).startswith("manual") else "active"
    ctx.state.setdefault("lag_modes", {})[ifc.name] = (mode, line.n)


def i_lacp_timeout(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ctx.state.setdefault("lag_rates", {})[ifc.name] = (
        "fast" if m.group(1) == "fast" else "normal",
        line.n,
    )


def i_storm(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    kind = "unicast" if m.group(1) == "unknown-unicast" else m.group(1)
    ifc.storm_control[kind] = f"{m.group(2)}.00"  # the model keeps IOS's percent spelling
    ifc.at(line.n, "storm_control")


def i_dot1q(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.encapsulation_vlan = int(m.group(1))
    ifc.at(line.n, "encapsulation_vlan")


INTERFACE_RULES: list[Rule] = [
    rule(r"description (.+)", i_description),
    rule(r"(undo )?shutdown", i_shutdown),
    rule(r"mtu (\d+)", i_int("mtu")),
    rule(r"ipv6 mtu (\d+)", i_int("ipv6_mtu")),
    rule(r"tcp adjust-mss (\d+)", i_int("tcp_mss")),
    rule(r"speed (\d+|auto)", i_speed),
    rule(r"duplex (full|half|auto)", i_duplex),
    rule(r"(undo )?negotiation auto", i_negotiation),
    rule(r"negotiation (disable)", i_negotiation),
    rule(r"ip binding vpn-instance (\S+)", i_vrf),
    rule(r"ip address (\d+\.\d+\.\d+\.\d+) (\S+)( sub)?", ipv4_address),
    rule(r"ip address unnumbered interface (.+)", i_unnumbered),
    rule(r"ip address dhcp-alloc", i_dhcp_client),
    rule(r"ip address ppp-negotiate", i_flag("ipv4_negotiated", True)),
    rule(r"link-protocol ppp", i_encapsulation),
    rule(r"ppp (?:authentication-mode|chap|pap) .+", i_ppp),
    rule(r"(?:dialer bundle|dialer-group|dialer timer idle) \d+", i_dialer),
    rule(r"pvc (\d+)/(\d+)", i_pvc),
    rule(r"ipv6 enable", i_ipv6_enable),
    rule(r"ipv6 address (\S+(?: \d+)?)(?: (eui-64))?", i_ipv6_address),
    rule(r"ipv6 address (\S+) (link-local)", i_ipv6_address),
    rule(r"(undo )?portswitch", i_portswitch),
    rule(r"port link-type (access|trunk|hybrid|dot1q-tunnel)", i_link_type),
    rule(r"port default vlan (\d+)", i_default_vlan),
    rule(r"port trunk allow-pass vlan (all|[\d to]+)", i_trunk_allow),
    rule(r"undo port trunk allow-pass vlan 1", i_trunk_undo1),
    rule(r"port (?:trunk|hybrid) pvid vlan (\d+)", i_pvid),
    rule(r"port hybrid (tagged|untagged) vlan ([\d to]+)", i_hybrid),
    rule(r"voice-vlan (\d+) enable(?: .*)?", i_voice_vlan),
    rule(r"eth-trunk (\d+)", i_eth_trunk),
    rule(r"mode (lacp|lacp-static|manual load-balance|manual)", i_lag_mode),
    rule(r"lacp timeout (fast|slow)", i_lacp_timeout),
    rule(r"dot1q termination vid (\d+)", i_dot1q),
    rule(r"vlan-type dot1q (\d+)", i_dot1q),
    rule(
        r"arp broadcast enable",
        ignore="written with every dot1q termination: the sub-interface answers ARP",
    ),
    rule(r"ospf (cost|dr-priority|timer hello|timer dead) (\d+)", i_ospf),
    rule(r"ospf network-type (p2p|broadcast|nbma|p2mp)", i_ospf_network),
    rule(r"ospf authentication-mode (.+)", i_ospf_auth),
    rule(r"ospf enable (?:(\d+) )?area (\S+)", i_ospf_enable),
    rule(r"ospf bfd enable", i_ospf_bfd),
    rule(r"vrrp vrid (\d+) (.+)", i_vrrp),
    rule(r"traffic-filter (inbound|outbound) (ipv6 )?acl (?:name )?(\S+)", i_filter),
    rule(r"traffic-policy (\S+) (inbound|outbound)", i_traffic_policy),
    rule(r"dhcp select relay", ignore="relaying follows from the relay server addresses"),
    rule(r"dhcp select global", ignore="serving from a global pool follows from the pools"),
    rule(r"dhcp relay server-ip (\S+)", i_relay_server),
    rule(r"(?:arp-proxy|arp proxy) enable", i_flag("proxy_arp", True)),
    rule(r"undo icmp redirect send", i_flag("redirects", False)),
    rule(r"undo icmp host-unreachable send", i_flag("unreachables", False)),
    rule(r"stp edged-port (enable|disable)", i_stp_edge),
    rule(r"stp cost (\d+)", i_int("stp_cost")),
    rule(r"stp port priority (\d+)", i_int("stp_port_priority")),
    rule(r"(?:lldp disable|undo lldp enable)", i_flag("lldp", False)),
    rule(r"lldp enable", i_flag("lldp", True)),
    rule(r"bandwidth (\d+)", i_int("bandwidth", 1000)),
    rule(r"mac-address (\S+)", i_mac),
    rule(r"nat outbound (\S+)(?: address-group (\S+)( no-pat)?)?", i_nat_outbound),
    rule(
        r"nat server protocol (tcp|udp) global (\S+) (\d+) inside (\S+) (\d+)(?: .*)?", i_nat_static
    ),
    rule(r"nat static global (\S+) inside (\S+)", i_nat_one_to_one),
    rule(r"source (\S+)", i_tunnel("tunnel_source")),
    rule(r"destination (\S+)", i_tunnel("tunnel_destination")),
    rule(r"tunnel-protocol (.+)", i_tunnel("tunnel_mode")),
    rule(r"ipsec (profile|policy) (\S+)", i_protection),
    rule(
        r"(?:bpdu enable|ntdp enable|ndp enable)",
        ignore="Huawei cluster management (NDP/NTDP) and BPDU sending have no meaning elsewhere",
    ),
    rule(r"statistic enable", ignore="interface statistics collection is a monitoring setting"),
    rule(r"alias .+", ignore="an alias is a display label"),
    rule(r"service-manage .+", unsupported="firewall management-access policy is not translated"),
    rule(
        r"(?:gvrp|port-isolate .+|loopback-detect .+|port-security .+)",
        unsupported="this switching feature is not translated",
    ),
    rule(r"ospfv3 (.+)", i_ospfv3),
    rule(
        r"(?:isis .+|mpls.*|rip .+|pim .+|igmp .+)",
        unsupported="routing protocols other than OSPF and BGP are not translated",
    ),
    rule(r"(?:undo )?ipv6 nd (?:ra|autoconfig) .+", i_nd),
    rule(r"zone (\S+)", i_zone),
    rule(r"(broadcast|multicast|unicast)-suppression (\d+)", i_storm),
    rule(r"storm suppression (broadcast|multicast|unknown-unicast) (\d+)", i_storm),
    rule(r"peer-link \d+", i_peer_link),
    rule(r"dfs-group \d+ m-lag (\d+)", i_m_lag),
    rule(r"dhcpv6 server (\S+)", i_dhcp6_server),
    rule(
        r"(?:vrrp6 .+|ipv6 nd .+|undo ipv6 nd .+|dhcpv6 .+)",
        unsupported="IPv6 neighbour discovery, DHCPv6 and VRRPv3 for IPv6 are not translated",
    ),
    rule(
        r"(?:ipsec policy .+|qos .+|keepalive .+|gre key .+|link-protocol .+|clock .+|"
        r"ip address dhcp-alloc .+)",
        unsupported="WAN, IPsec and interface QoS settings are not translated",
    ),
    rule(
        r"(?:dcn|bas|user-vlan .+|remote-backup-profile .+|admin-vrrp .+|"
        r"arp generate-rd-table .+|vxlan .+|dhcp select interface|dhcp server .+|"
        r"rewrite .+|bridge-domain .+|encapsulation .+)",
        unsupported="carrier, subscriber and overlay features are not translated",
    ),
]

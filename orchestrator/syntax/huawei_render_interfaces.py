"""VRP interfaces: one `interface` view each, Eth-Trunks before their members."""

from __future__ import annotations

import re

from orchestrator.model import (
    DeviceConfig,
    Interface,
    NatRule,
    Switchport,
    item_key,
)
from orchestrator.syntax.huawei_render_base import Writer
from orchestrator.syntax.huawei_render_dial import render_atm, render_ppp
from orchestrator.syntax.huawei_render_firewall import zone_member_lines
from orchestrator.syntax.huawei_render_ifc_l2 import (
    render_link_figures,
    render_storm,
    render_stp_port,
)
from orchestrator.syntax.huawei_render_ifc_routing import (
    render_ospf_settings,
    render_ospfv3_settings,
    render_vrrp,
)
from orchestrator.syntax.huawei_render_ipv6 import render_dhcp6_server, render_nd
from orchestrator.syntax.huawei_render_overlay import dfs_interface_lines
from orchestrator.syntax.vrp_family import vlan_text

_ORDER = {
    "svi": 0,
    "lag": 1,
    "ethernet": 2,
    "management": 2,
    "subinterface": 3,
    "loopback": 4,
    "tunnel": 5,
    "null": 6,
    "other": 7,
}


def interface_order(ifc: Interface) -> tuple[int, str, tuple[int, ...]]:
    """The order VRP prints interfaces in (zone member lists follow it)."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", ifc.name))
    rank = _ORDER.get(ifc.kind, 7)
    if ifc.kind == "subinterface" and ifc.name.startswith(("Atm", "Serial")):
        rank = _ORDER["other"]  # WAN sub-interfaces follow their parents
    return (rank, re.sub(r"[\d/.:]+", "", ifc.name), numbers)


def render_interfaces(
    config: DeviceConfig,
    w: Writer,
    acl_policies: dict[str, str],
    nat: dict[str, list[tuple[NatRule, str]]],
) -> None:
    members: dict[int, list[Interface]] = {}
    for ifc in config.interfaces.values():
        if ifc.lag_group is not None:
            members.setdefault(ifc.lag_group, []).append(ifc)
    for ifc in sorted(config.interfaces.values(), key=interface_order):
        opener = f"interface {ifc.name}"
        fields: tuple[str, ...] = ("", "name", "kind")
        if ifc.point_to_point is not None and ifc.name.startswith("Atm"):
            opener += " p2p" if ifc.point_to_point else " p2mp"
            fields += ("point_to_point",)
        with w.view(opener, ifc, *fields):
            _interface(config, ifc, w, members, acl_policies)
            for rule, text in nat.get(ifc.name, []):
                w.line_multi(text, [(rule, ""), (ifc, "nat")])
                w.mark(
                    rule,
                    "kind",
                    "acl",
                    "pool",
                    "interface",
                    "overload",
                    "protocol",
                    "inside_address",
                    "inside_port",
                    "outside_address",
                    "outside_port",
                )
        w.sep()


def _interface(
    config: DeviceConfig,
    ifc: Interface,
    w: Writer,
    members: dict[int, list[Interface]],
    acl_policies: dict[str, str],
) -> None:
    plat = w.platform
    if ifc.description:
        w.line(f"description {ifc.description}", ifc, "description")
    elif ifc.description is not None:
        w.ignore(ifc, "description", rule="an empty description says nothing")
    if ifc.routed is True and ifc.kind in ("ethernet", "lag"):
        w.line("undo portswitch", ifc, "routed")
    elif ifc.routed is False:
        w.line("portswitch", ifc, "routed")
    elif ifc.routed is True:
        w.ignore(ifc, "routed", rule=f"a {ifc.kind} interface is routed on VRP")
    if ifc.lag_group is not None:
        w.line(f"eth-trunk {ifc.lag_group}", ifc, "lag_group", "lag_mode")
        if ifc.switchport is not None:
            w.ignore(
                ifc,
                "switchport",
                rule="an Eth-Trunk member takes its switching settings from the Eth-Trunk",
            )
        if ifc.lacp_rate is not None:
            w.mark(ifc, "lacp_rate")
    elif ifc.switchport is not None:
        _switchport(ifc, ifc.switchport, w)
    if ifc.kind == "lag":
        number = int(re.sub(r"\D", "", ifc.name) or 0)
        _lag(ifc, members.get(number, []), w)
    dfs_interface_lines(config, ifc, w)
    if ifc.encapsulation_vlan is not None:
        w.line(f"dot1q termination vid {ifc.encapsulation_vlan}", ifc, "encapsulation_vlan")
        if not plat.vpn_ipv4_family:
            w.line("arp broadcast enable", ifc, "encapsulation_vlan")
    if ifc.vrf is not None:
        w.line(f"ip binding vpn-instance {ifc.vrf}", ifc, "vrf")
    for address in sorted(ifc.ipv4, key=lambda a: a.secondary):
        net = address.address
        sub = " sub" if address.secondary else ""
        w.line(f"ip address {net.ip} {net.netmask}{sub}", address, "", "address", "secondary")
    if ifc.ipv4_unnumbered is not None:
        w.line(f"ip address unnumbered interface {ifc.ipv4_unnumbered}", ifc, "ipv4_unnumbered")
    if ifc.ipv4_dhcp:
        w.line("ip address dhcp-alloc", ifc, "ipv4_dhcp")
    if ifc.encapsulation == "ppp":
        w.line("link-protocol ppp", ifc, "encapsulation")
    if ifc.ipv4_negotiated:
        w.line("ip address ppp-negotiate", ifc, "ipv4_negotiated")
    render_ppp(ifc, w)
    if ifc.ipv6_enabled:
        w.line("ipv6 enable", ifc, "ipv6_enabled")
    for address6 in ifc.ipv6:
        if address6.kind == "link-local":
            text = f"{str(address6.address.ip).upper()} link-local"
        elif address6.kind == "eui-64":
            text = f"{str(address6.address.network).upper()} eui-64"
        else:
            text = str(address6.address).upper()
        w.line(f"ipv6 address {text}", address6, "", "address", "kind")
    render_nd(ifc, w)
    render_dhcp6_server(config, ifc, w)
    if ifc.mtu is not None:
        w.line(f"mtu {ifc.mtu}", ifc, "mtu")
    if ifc.ipv6_mtu is not None:
        w.line(f"ipv6 mtu {ifc.ipv6_mtu}", ifc, "ipv6_mtu")
    _speed(ifc, w)
    if ifc.ospf is not None:
        render_ospf_settings(ifc, ifc.ospf, w)
    if ifc.ospfv3 is not None:
        render_ospfv3_settings(config, ifc.ospfv3, w)
    for group in ifc.fhrp:
        render_vrrp(group, w)
    _filters(ifc, w, acl_policies)
    pools = [
        p
        for p in config.services.dhcp_pools.values()
        if p.network is not None and any(a.address.network == p.network for a in ifc.ipv4)
    ]
    if pools and not ifc.helper_addresses:
        w.line_multi("dhcp select global", [(p, "") for p in pools])
    if ifc.helper_addresses:
        w.line("dhcp select relay", ifc, "helper_addresses")
        for server in ifc.helper_addresses:
            w.line(f"dhcp relay server-ip {server}", ifc, item_key("helper_addresses", server))
    if ifc.proxy_arp:
        w.line("arp proxy enable" if plat.vpn_ipv4_family else "arp-proxy enable", ifc, "proxy_arp")
    elif ifc.proxy_arp is False:
        w.ignore(ifc, "proxy_arp", rule="proxy ARP is off by default on VRP")
    for field, word in (("redirects", "redirect"), ("unreachables", "host-unreachable")):
        value = getattr(ifc, field)
        if value is True:
            w.ignore(ifc, field, rule=f"VRP sends ICMP {word} messages by default")
        elif value is False:
            if plat.vpn_ipv4_family:
                w.unsupported(
                    ifc,
                    field,
                    reason=f"CloudEngine has no per-interface switch for ICMP {word} messages",
                )
            else:
                w.line(f"undo icmp {word} send", ifc, field)
    if ifc.mac_address is not None:
        digits = ifc.mac_address.replace(".", "")
        w.line(f"mac-address {digits[0:4]}-{digits[4:8]}-{digits[8:12]}", ifc, "mac_address")
    render_stp_port(ifc, w)
    render_storm(ifc, w)
    if ifc.lldp is False:
        w.line("lldp disable" if plat.vpn_ipv4_family else "undo lldp enable", ifc, "lldp")
    elif ifc.lldp:
        w.ignore(ifc, "lldp", rule="LLDP runs on every port once it is enabled globally")
    render_link_figures(ifc, w)
    if ifc.tcp_mss is not None:
        if plat.vpn_ipv4_family:
            w.unsupported(
                ifc,
                "tcp_mss",
                reason="CloudEngine clamps the TCP MSS on Eth-Trunks "
                "only (`tcp adjust-mss N inbound`)",
            )
        else:
            w.line(f"tcp adjust-mss {ifc.tcp_mss}", ifc, "tcp_mss")
    _tunnel(ifc, w)
    zone_member_lines(config, w, ifc.name)
    if ifc.nat == "inside":
        w.ignore(ifc, "nat", rule="VRP NAT is configured on the outside interface only")
    if ifc.shutdown is True:
        w.line("shutdown", ifc, "shutdown")
    elif ifc.shutdown is False:
        w.line("undo shutdown", ifc, "shutdown")
    if ifc.cdp is not None:
        w.ignore(ifc, "cdp", rule="CDP is Cisco-only")
    render_atm(ifc, w)  # the PVC view closes the interface view


def _switchport(ifc: Interface, sw: Switchport, w: Writer) -> None:
    w.line(f"port link-type {sw.mode}", sw, "mode")
    if sw.mode in ("access", "dot1q-tunnel"):
        if sw.access_vlan is not None:
            w.line(f"port default vlan {sw.access_vlan}", sw, "access_vlan")
        for field in ("trunk_allowed", "native_vlan"):
            if getattr(sw, field) is not None:
                w.ignore(sw, field, rule="trunk settings do not apply to an access port")
    elif sw.mode == "trunk":
        if sw.native_vlan is not None and sw.native_vlan != 1:
            w.line(f"port trunk pvid vlan {sw.native_vlan}", sw, "native_vlan")
        elif sw.native_vlan == 1:
            w.ignore(sw, "native_vlan", rule="VLAN 1 is the default PVID of a VRP trunk")
        allowed = sw.trunk_allowed
        if allowed is None:
            w.line("port trunk allow-pass vlan all", sw, "trunk_allowed", "mode")
        else:
            if 1 not in allowed:
                w.line("undo port trunk allow-pass vlan 1", sw, "trunk_allowed")
            rest = [v for v in allowed if v != 1]
            for chunk in vlan_text(rest) if rest else []:
                w.line(f"port trunk allow-pass vlan {chunk}", sw, "trunk_allowed")
            w.mark(sw, "trunk_allowed")
        if sw.access_vlan is not None:
            w.ignore(sw, "access_vlan", rule="the access VLAN does not apply to a trunk port")
    elif sw.mode == "hybrid":
        if sw.native_vlan is not None:
            w.line(f"port hybrid pvid vlan {sw.native_vlan}", sw, "native_vlan")
        for field, word in (("hybrid_tagged", "tagged"), ("hybrid_untagged", "untagged")):
            for chunk in vlan_text(getattr(sw, field)) if getattr(sw, field) else []:
                w.line(f"port hybrid {word} vlan {chunk}", sw, field)
    if sw.voice_vlan is not None:
        if w.platform.voice_vlan:
            w.line(f"voice-vlan {sw.voice_vlan} enable", sw, "voice_vlan")
            w.change(
                sw,
                "voice_vlan",
                note="VRP recognises phones by OUI or LLDP; check "
                "`voice-vlan mac-address` entries for the phones in use",
            )
        else:
            w.unsupported(sw, "voice_vlan", reason="CloudEngine switches have no voice VLAN")
    if sw.nonegotiate:
        w.ignore(sw, "nonegotiate", rule="VRP trunks never negotiate (no DTP)")


def _lag(ifc: Interface, members: list[Interface], w: Writer) -> None:
    lacp = [m for m in members if m.lag_mode in ("active", "passive")]
    if lacp:
        w.line_multi(w.platform.lacp_mode, [(m, "lag_mode") for m in lacp])
    rates = [m for m in members if m.lacp_rate == "fast"]
    if rates or ifc.lacp_rate == "fast":
        parts = [(m, "lacp_rate") for m in rates] + (
            [(ifc, "lacp_rate")] if ifc.lacp_rate == "fast" else []
        )
        w.line_multi("lacp timeout fast", parts)
    slow = [m for m in members if m.lacp_rate == "normal"]
    for member in slow:
        w.ignore(member, "lacp_rate", rule="slow LACP timeouts are the VRP default")
    if ifc.lacp_rate == "normal":
        w.ignore(ifc, "lacp_rate", rule="slow LACP timeouts are the VRP default")


def _speed(ifc: Interface, w: Writer) -> None:
    cloudengine = w.platform.vpn_ipv4_family
    if ifc.speed == "auto":
        w.ignore(ifc, "speed", rule="VRP ports autonegotiate by default")
    elif ifc.speed is not None:
        w.line(
            "negotiation disable" if cloudengine else "undo negotiation auto",
            ifc,
            "speed",
            "autonegotiation",
        )
        w.line(f"speed {ifc.speed}", ifc, "speed")
    if ifc.duplex == "auto":
        w.ignore(ifc, "duplex", rule="VRP ports autonegotiate by default")
    elif ifc.duplex is not None:
        if cloudengine and ifc.duplex == "full":
            w.ignore(ifc, "duplex", rule="CloudEngine ports run full duplex")
        elif cloudengine:
            w.unsupported(ifc, "duplex", reason="CloudEngine ports have no half duplex")
        else:
            w.line(f"duplex {ifc.duplex}", ifc, "duplex")
    if ifc.autonegotiation is True:
        w.ignore(ifc, "autonegotiation", rule="VRP ports autonegotiate by default")
    elif ifc.autonegotiation is False and ifc.speed is None:
        w.line(
            "negotiation disable" if cloudengine else "undo negotiation auto",
            ifc,
            "autonegotiation",
        )
    elif ifc.autonegotiation is False:
        w.mark(ifc, "autonegotiation")


def _filters(ifc: Interface, w: Writer, acl_policies: dict[str, str]) -> None:
    plat = w.platform
    for field, policy_field, direction in (
        ("acl_in", "service_policy_in", "inbound"),
        ("acl_out", "service_policy_out", "outbound"),
        ("ipv6_acl_in", "service_policy_in", "inbound"),
        ("ipv6_acl_out", "service_policy_out", "outbound"),
    ):
        acl = getattr(ifc, field)
        if acl is None:
            continue
        if ifc.kind == "management" and not plat.traffic_filter:
            w.unsupported(
                ifc, field, reason="the CloudEngine management port takes no traffic policy"
            )
        elif plat.traffic_filter:
            ipv6 = "ipv6 " if field.startswith("ipv6") else ""
            ref = acl if acl.isdigit() else f"name {acl}"
            w.line(f"traffic-filter {direction} {ipv6}acl {ref}", ifc, field)
        elif getattr(ifc, policy_field) is not None:
            w.unsupported(
                ifc,
                field,
                reason="VRP8 applies an ACL through a traffic policy; "
                "the interface already has one in this direction",
            )
        else:
            w.line(f"traffic-policy {acl_policies[acl]} {direction}", ifc, field)
    for field, direction in (("service_policy_in", "inbound"), ("service_policy_out", "outbound")):
        policy = getattr(ifc, field)
        if policy is not None:
            w.line(f"traffic-policy {policy} {direction}", ifc, field)


def _tunnel(ifc: Interface, w: Writer) -> None:
    if ifc.kind != "tunnel":
        if ifc.keepalive is not None:
            w.ignore(
                ifc,
                "keepalive",
                rule="Ethernet keepalives are Cisco-only; VRP follows the link state",
            )
        return
    mode = ifc.tunnel_mode
    if mode in (None, "gre", "gre ip"):
        if ifc.tunnel_source or ifc.tunnel_destination or mode or ifc.tunnel_protection:
            w.line("tunnel-protocol gre", ifc, "tunnel_mode")
        if mode is not None:
            w.ignore(ifc, "tunnel_mode", rule="GRE over IPv4 is what `tunnel-protocol gre` runs")
    elif mode == "ipsec ipv4":
        w.line("tunnel-protocol ipsec", ifc, "tunnel_mode")
    else:
        w.unsupported(ifc, "tunnel_mode", reason=f"tunnel mode {mode!r} is not translated")
    if ifc.tunnel_source:
        w.line(f"source {ifc.tunnel_source}", ifc, "tunnel_source")
    if ifc.tunnel_destination:
        w.line(f"destination {ifc.tunnel_destination}", ifc, "tunnel_destination")
    if ifc.tunnel_protection is not None:
        if not w.platform.vpn_ipv4_family:
            w.line(f"ipsec profile {ifc.tunnel_protection}", ifc, "tunnel_protection")
        elif mode == "ipsec ipv4":
            w.line(f"ipsec policy {ifc.tunnel_protection}", ifc, "tunnel_protection")
        else:
            w.unsupported(
                ifc, "tunnel_protection", reason="NE40E protects IPsec tunnels, not GRE tunnels"
            )
    if ifc.keepalive is not None:
        w.unsupported(ifc, "keepalive", reason="GRE keepalives are not translated")

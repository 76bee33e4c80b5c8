"""Render the statements inside one Comware 7 interface view: addressing, switching,
aggregation, OSPF, VRRP, filters and port features."""

from __future__ import annotations

from orchestrator.model import DeviceConfig, Interface, Switchport, item_key
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_drni import drni_port_lines
from orchestrator.syntax.hp_comware_render_overlay import overlay_interface_lines
from orchestrator.syntax.hp_comware_render_port_l3 import (
    atm_lines,
    nd_lines,
    ospf_lines,
    ppp_lines,
    vrrp_lines,
)
from orchestrator.syntax.hp_comware_render_services import render_interface_nat
from orchestrator.syntax.vrp_family import vlan_text


def _layer3(ifc: Interface) -> bool:
    """Whether `mtu` (layer 3) or `jumboframe enable` (layer-2 frames) sets the MTU.

    Serial, ATM, dialer and virtual-template interfaces (kind "other") route.
    """
    if ifc.kind == "ethernet":
        return ifc.routed is True
    if ifc.kind == "lag":
        return ifc.name.startswith("Route-Aggregation")
    return True


def render_port(config: DeviceConfig, ifc: Interface, out: Emitter) -> None:
    e = out.emit
    _link_mode(ifc, out)
    if ifc.description:
        e(f" description {ifc.description}", ifc, "description")
    elif ifc.description is not None:
        out.ignore(ifc, "description", rule="an empty description says nothing")
    for name in ("speed", "duplex"):
        value = getattr(ifc, name)
        if value == "auto":
            out.ignore(ifc, name, rule="ports negotiate speed and duplex by default")
        elif value is not None:
            e(f" {name} {value}", ifc, name)
    if (
        ifc.autonegotiation is False
        and ifc.speed not in (None, "auto")
        and (ifc.duplex in ("full", "half"))
    ):
        out.ignore(ifc, "autonegotiation", rule="a fixed speed and duplex turn negotiation off")
    elif ifc.autonegotiation is True:
        out.ignore(ifc, "autonegotiation", rule="ports negotiate by default")
    elif ifc.autonegotiation is False:
        out.unsupported(
            ifc,
            "autonegotiation",
            reason="Comware turns negotiation off only by fixing both speed and duplex",
        )
    if ifc.mtu is not None:
        e(f" mtu {ifc.mtu}" if _layer3(ifc) else f" jumboframe enable {ifc.mtu}", ifc, "mtu")
    if ifc.bandwidth is not None:
        e(f" bandwidth {ifc.bandwidth}", ifc, "bandwidth")
    if ifc.load_interval is not None:
        if ifc.load_interval % 5 == 0 and 5 <= ifc.load_interval <= 300:
            e(f" flow-interval {ifc.load_interval}", ifc, "load_interval")
        else:
            out.unsupported(
                ifc, "load_interval", reason="Comware measures load over 5-300 s in steps of 5"
            )
    if ifc.encapsulation_vlan is not None:
        e(f" vlan-type dot1q vid {ifc.encapsulation_vlan}", ifc, "encapsulation_vlan")
    if ifc.tunnel_source is not None:
        e(f" source {ifc.tunnel_source}", ifc, "tunnel_source")
    if ifc.tunnel_destination is not None:
        e(f" destination {ifc.tunnel_destination}", ifc, "tunnel_destination")
    if ifc.keepalive is not None:
        if ifc.kind == "tunnel":
            e(f" keepalive {ifc.keepalive}", ifc, "keepalive")
        else:
            out.ignore(
                ifc,
                "keepalive",
                rule="Ethernet keepalives are an IOS mechanism; Comware follows the link state",
            )
    _addresses(ifc, out)
    overlay_interface_lines(config, ifc, out)
    ppp_lines(ifc, out)
    atm_lines(ifc, out)
    nd_lines(config, ifc, out)
    if ifc.switchport is not None:
        _switchport(ifc, ifc.switchport, out)
    _aggregation(config, ifc, out)
    if ifc.ospf is not None:
        ospf_lines(ifc, ifc.ospf, out, "ospf")
    if ifc.ospfv3 is not None:
        ospf_lines(ifc, ifc.ospfv3, out, "ospfv3")
    vrrp_lines(config, ifc, out)
    _filters(config, ifc, out)
    render_interface_nat(config, ifc, out)
    _features(ifc, out)
    if ifc.shutdown is not None:
        e(" shutdown" if ifc.shutdown else " undo shutdown", ifc, "shutdown")


def _link_mode(ifc: Interface, out: Emitter) -> None:
    if ifc.kind == "ethernet":
        if ifc.routed is True:
            out.emit(" port link-mode route", ifc, "routed")
        elif ifc.routed is False:
            out.emit(" port link-mode bridge", ifc, "routed")
    elif ifc.routed is not None:
        if ifc.kind == "lag" and ifc.name.startswith("Bridge-Aggregation") and ifc.routed:
            out.unsupported(
                ifc,
                "routed",
                reason="a Bridge-Aggregation cannot route; map it to a Route-Aggregation",
            )
        else:
            out.ignore(
                ifc,
                "routed",
                rule=f"a {ifc.kind} interface is layer 3 or layer 2 by its type on Comware",
            )


def _addresses(ifc: Interface, out: Emitter) -> None:
    e = out.emit
    if ifc.vrf is not None:
        e(f" ip binding vpn-instance {ifc.vrf}", ifc, "vrf")
    for addr in sorted(ifc.ipv4, key=lambda a: a.secondary):
        sub = " sub" if addr.secondary else ""
        e(f" ip address {addr.address.ip} {addr.address.netmask}{sub}", addr)
        out.mark(addr, "secondary")
    if ifc.ipv4_dhcp:
        e(" ip address dhcp-alloc", ifc, "ipv4_dhcp")
    if ifc.ipv4_unnumbered is not None:
        e(f" ip address unnumbered interface {ifc.ipv4_unnumbered}", ifc, "ipv4_unnumbered")
    if ifc.ipv6_enabled:
        e(" ipv6 address auto link-local", ifc, "ipv6_enabled")
    if ifc.ipv6_autoconfig:
        e(" ipv6 address auto", ifc, "ipv6_autoconfig")
    for addr6 in ifc.ipv6:
        if addr6.kind == "link-local":
            e(f" ipv6 address {addr6.address.ip} link-local", addr6)
        elif addr6.kind == "eui-64":
            e(f" ipv6 address {addr6.address.network} eui-64", addr6)
        else:
            e(f" ipv6 address {addr6.address}", addr6)
        out.mark(addr6, "kind")


def _switchport(ifc: Interface, sw: Switchport, out: Emitter) -> None:
    e = out.emit
    mode = "access" if sw.mode == "dot1q-tunnel" else sw.mode
    e(f" port link-type {mode}", sw, "mode")
    inert = "settings of another port mode have no effect"
    if sw.mode in ("access", "dot1q-tunnel"):
        if sw.access_vlan is not None:
            e(f" port access vlan {sw.access_vlan}", sw, "access_vlan")
        if sw.mode == "dot1q-tunnel":
            e(" qinq enable", sw, "mode")
        for name in ("trunk_allowed", "native_vlan", "hybrid_tagged", "hybrid_untagged"):
            if getattr(sw, name):
                out.ignore(sw, name, rule=inert)
    elif sw.mode == "trunk":
        allowed = sw.trunk_allowed
        if allowed is None:
            e(" port trunk permit vlan all", sw, "trunk_allowed")
        else:
            if 1 not in allowed:
                e(" undo port trunk permit vlan 1", sw, "trunk_allowed")
            for chunk in vlan_text(allowed):
                e(f" port trunk permit vlan {chunk}", sw, "trunk_allowed")
        if sw.native_vlan is not None:
            e(f" port trunk pvid vlan {sw.native_vlan}", sw, "native_vlan")
        for name in ("access_vlan", "hybrid_tagged", "hybrid_untagged"):
            if getattr(sw, name):
                out.ignore(sw, name, rule=inert)
    else:  # hybrid
        for chunk in vlan_text(sw.hybrid_tagged):
            e(f" port hybrid vlan {chunk} tagged", sw, "hybrid_tagged")
        for chunk in vlan_text(sw.hybrid_untagged):
            e(f" port hybrid vlan {chunk} untagged", sw, "hybrid_untagged")
        if sw.native_vlan is not None:
            e(f" port hybrid pvid vlan {sw.native_vlan}", sw, "native_vlan")
        for name in ("access_vlan", "trunk_allowed"):
            if getattr(sw, name) is not None:
                out.unsupported(
                    sw, name, reason="a hybrid port carries its VLANs as tagged/untagged lists"
                )
    if sw.voice_vlan is not None:
        e(f" voice-vlan {sw.voice_vlan} enable", sw, "voice_vlan")
        out.change(
            sw,
            "voice_vlan",
            note="Comware puts phones in the voice VLAN by their OUI or LLDP-MED, not by CDP",
        )
    if sw.nonegotiate:
        out.ignore(sw, "nonegotiate", rule="Comware runs no trunk negotiation (DTP)")


def _aggregation(config: DeviceConfig, ifc: Interface, out: Emitter) -> None:
    if ifc.kind == "lag":
        members = [
            m
            for m in config.interfaces.values()
            if m.lag_group is not None
            and _lag_of(m) == ifc.name
            and m.lag_mode in ("active", "passive")
        ]
        if members:
            out.emit(" link-aggregation mode dynamic", members[0], "lag_mode")
    if ifc.lag_group is not None:
        out.emit(f" port link-aggregation group {ifc.lag_group}", ifc, "lag_group", "lag_mode")
        if ifc.lag_mode == "passive":
            out.emit(" lacp mode passive", ifc, "lag_mode")
    if ifc.lag_min_links is not None:
        if ifc.kind == "lag":
            out.emit(
                f" link-aggregation selected-port minimum {ifc.lag_min_links}",
                ifc,
                "lag_min_links",
            )
        else:
            out.unsupported(
                ifc, "lag_min_links", reason="only an aggregate interface has member links"
            )
    drni_port_lines(config, ifc, out)
    if ifc.lacp_rate == "fast":
        out.emit(" lacp period short", ifc, "lacp_rate")
    elif ifc.lacp_rate == "normal":
        out.ignore(ifc, "lacp_rate", rule="slow LACP timers are the Comware default")


def _lag_of(member: Interface) -> str:
    kind = "Route-Aggregation" if member.routed else "Bridge-Aggregation"
    return f"{kind}{member.lag_group}"


def _filters(config: DeviceConfig, ifc: Interface, out: Emitter) -> None:
    for field, v6, direction in (
        ("acl_in", "", "inbound"),
        ("acl_out", "", "outbound"),
        ("ipv6_acl_in", "ipv6 ", "inbound"),
        ("ipv6_acl_out", "ipv6 ", "outbound"),
    ):
        acl = getattr(ifc, field)
        if acl is not None:
            ref = acl if acl.isdigit() else f"name {acl}"
            out.emit(f" packet-filter {v6}{ref} {direction}", ifc, field)
    if ifc.ipv6_dhcp_server is not None:
        if ifc.ipv6_dhcp_server in config.services.dhcp6_pools:
            out.emit(" ipv6 dhcp select server", ifc, "ipv6_dhcp_server")
            out.emit(
                f" ipv6 dhcp server apply pool {ifc.ipv6_dhcp_server}", ifc, "ipv6_dhcp_server"
            )
        else:
            out.unsupported(
                ifc, "ipv6_dhcp_server", reason=f"no DHCPv6 pool {ifc.ipv6_dhcp_server}"
            )
    if ifc.helper_addresses:
        out.emit(" dhcp select relay", ifc, "helper_addresses")
        for address in ifc.helper_addresses:
            out.emit(
                f" dhcp relay server-address {address}", ifc, item_key("helper_addresses", address)
            )
    for field, direction in (("service_policy_in", "inbound"), ("service_policy_out", "outbound")):
        policy = getattr(ifc, field)
        if policy is not None:
            out.emit(f" qos apply policy {policy} {direction}", ifc, field)


def _features(ifc: Interface, out: Emitter) -> None:
    e = out.emit
    if ifc.proxy_arp is True:
        e(" proxy-arp enable", ifc, "proxy_arp")
    elif ifc.proxy_arp is False:
        out.ignore(ifc, "proxy_arp", rule="Comware answers no proxy ARP unless enabled")
    for field in ("redirects", "unreachables", "ipv6_redirects", "ipv6_unreachables"):
        value = getattr(ifc, field)
        if value is False:
            out.ignore(
                ifc,
                field,
                rule="Comware sends no ICMP redirects or unreachables unless enabled globally",
            )
        elif value is True:
            out.unsupported(
                ifc, field, reason="Comware enables ICMP error messages globally, not per interface"
            )
    if ifc.mac_address is not None:
        digits = ifc.mac_address.replace(".", "")
        e(f" mac-address {digits[0:4]}-{digits[4:8]}-{digits[8:12]}", ifc, "mac_address")
    if ifc.stp_edge is not None:
        e(" stp edged-port" if ifc.stp_edge else " undo stp edged-port", ifc, "stp_edge")
    if ifc.stp_bpdu_guard is not None:
        word = "enable" if ifc.stp_bpdu_guard else "disable"
        e(f" stp port bpdu-protection {word}", ifc, "stp_bpdu_guard")
    if ifc.stp_cost is not None:
        e(f" stp cost {ifc.stp_cost}", ifc, "stp_cost")
    if ifc.stp_port_priority is not None:
        e(f" stp port priority {ifc.stp_port_priority}", ifc, "stp_port_priority")
    for vlan, cost in sorted(ifc.stp_vlan_cost.items()):
        e(f" stp vlan {vlan} cost {cost}", ifc, item_key("stp_vlan_cost", vlan))
    if ifc.lldp is not None:
        e(" lldp enable" if ifc.lldp else " undo lldp enable", ifc, "lldp")
    if ifc.bfd_interval is not None:
        tx, rx, multiplier = ifc.bfd_interval
        e(f" bfd min-transmit-interval {tx}", ifc, "bfd_interval")
        e(f" bfd min-receive-interval {rx}", ifc, "bfd_interval")
        e(f" bfd detect-multiplier {multiplier}", ifc, "bfd_interval")
    if ifc.storm_control:
        levels = {
            k: v
            for k, v in ifc.storm_control.items()
            if k in ("broadcast", "multicast", "unicast") and v.endswith(".00")
        }
        if len(levels) != len(ifc.storm_control):
            out.unsupported(
                ifc,
                "storm_control",
                reason="Comware suppresses storms in whole percents of "
                "broadcast, multicast or unknown unicast traffic",
            )
        else:
            for kind, level in levels.items():
                e(f" {kind}-suppression {int(float(level))}", ifc, "storm_control")
    if ifc.delay is not None:
        out.ignore(
            ifc, "delay", rule="interface delay only feeds EIGRP metrics; Comware runs no EIGRP"
        )
    if ifc.tcp_mss is not None:
        e(f" tcp mss {ifc.tcp_mss}", ifc, "tcp_mss")
    if ifc.ipv6_mtu is not None:
        e(f" ipv6 mtu {ifc.ipv6_mtu}", ifc, "ipv6_mtu")
    if ifc.ntp_broadcast_client:
        e(" ntp-service broadcast-client", ifc, "ntp_broadcast_client")
    for field, direction in (("inspect_in", "inbound"), ("inspect_out", "outbound")):
        policy = getattr(ifc, field)
        if policy is not None:
            e(f" aspf apply policy {policy} {direction}", ifc, field)
    if ifc.tunnel_protection is not None:
        e(f" tunnel protection ipsec profile {ifc.tunnel_protection}", ifc, "tunnel_protection")

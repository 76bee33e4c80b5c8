"""Cisco IOS renderer: interfaces, VLANs and VRFs.

Each statement is written in the form `cisco_ios` parses back to the same model; what IOS
cannot express is declared unsupported with the reason.
"""

from __future__ import annotations

from orchestrator.model import (
    DeviceConfig,
    FhrpGroup,
    Interface,
    InterfaceOspf,
    Switchport,
    Vrf,
    item_key,
)
from orchestrator.syntax.cisco_render_common import Writer, mask, ranges, secret
from orchestrator.syntax.cisco_render_wan import render_ipv6, render_wan

_NETWORK_TYPES = {"p2mp": "point-to-multipoint", "nbma": "non-broadcast"}


def render_vlans(w: Writer, config: DeviceConfig) -> None:
    for vlan in config.vlans.values():
        with w.view(f"vlan {vlan.id}", vlan, "id"):
            if vlan.name is not None:
                w.line(f" name {vlan.name}", vlan, "name")
            if vlan.shutdown is not None:
                w.line(" shutdown" if vlan.shutdown else " no shutdown", vlan, "shutdown")
            if vlan.description is not None:
                w.unsupported(
                    vlan, "description", reason="IOS VLANs have a name but no description"
                )
        w.plain("!")


def render_vrfs(w: Writer, config: DeviceConfig) -> None:
    for vrf in config.vrfs.values():
        with w.view(f"vrf definition {vrf.name}", vrf, "name"):
            if vrf.description is not None:
                w.line(f" description {vrf.description}", vrf, "description")
            if vrf.rd is not None:
                w.line(f" rd {vrf.rd}", vrf, "rd")
            families = [f for f in ("ipv4", "ipv6") if getattr(vrf, f)]
            if not families:
                w.unsupported(vrf, "ipv4", reason="a VRF with no address family")
            for i, family in enumerate(families):
                with w.view(f" address-family {family}", vrf, family):
                    if i == 0:
                        _vrf_targets(w, vrf)
                    w.plain(" exit-address-family")
        w.plain("!")


def _vrf_targets(w: Writer, vrf: Vrf) -> None:
    for target in vrf.export_targets:
        w.line(f"  route-target export {target}", vrf, item_key("export_targets", target))
    for target in vrf.import_targets:
        w.line(f"  route-target import {target}", vrf, item_key("import_targets", target))
    if vrf.import_map is not None:
        w.line(f"  import map {vrf.import_map}", vrf, "import_map")
    if vrf.export_map is not None:
        w.line(f"  export map {vrf.export_map}", vrf, "export_map")


def render_interfaces(w: Writer, config: DeviceConfig) -> None:
    for ifc in config.interfaces.values():
        opener = f"interface {ifc.name}"
        if ifc.point_to_point is not None:
            opener += " point-to-point" if ifc.point_to_point else " multipoint"
        with w.view(opener, ifc, "name", "kind", "point_to_point"):
            _interface(w, config, ifc)
        w.plain("!")


def _interface(w: Writer, config: DeviceConfig, ifc: Interface) -> None:
    if ifc.description is not None:
        text = f" description {ifc.description}" if ifc.description else " description"
        w.line(text, ifc, "description")
    if ifc.encapsulation_vlan is not None:
        w.line(f" encapsulation dot1Q {ifc.encapsulation_vlan}", ifc, "encapsulation_vlan")
    if ifc.vrf is not None:
        w.line(f" vrf forwarding {ifc.vrf}", ifc, "vrf")
    _layer2(w, ifc)
    _addresses(w, ifc)
    _filters(w, ifc)
    if ifc.ospf is not None:
        _ospf(w, ifc.ospf)
    for group in _fhrp_order(ifc):
        _fhrp(w, ifc, group)
    render_wan(w, ifc)
    render_ipv6(w, ifc)
    _physical(w, ifc)
    if ifc.shutdown is not None:
        w.line(" shutdown" if ifc.shutdown else " no shutdown", ifc, "shutdown")


def _layer2(w: Writer, ifc: Interface) -> None:
    if ifc.routed is not None:
        w.line(" no switchport" if ifc.routed else " switchport", ifc, "routed")
    if ifc.switchport is not None:
        if ifc.switchport.mode == "hybrid":
            w.unsupported(
                ifc, "switchport", reason="IOS has no hybrid ports: use a trunk with a native VLAN"
            )
        else:
            _switchport(w, ifc.switchport)
    if ifc.lag_group is not None:
        mode = f" mode {ifc.lag_mode}" if ifc.lag_mode else ""
        w.line(f" channel-group {ifc.lag_group}{mode}", ifc, "lag_group", "lag_mode")
    if ifc.lacp_rate is not None:
        w.line(f" lacp rate {ifc.lacp_rate}", ifc, "lacp_rate")
    if ifc.stp_edge is not None:
        w.line(
            " spanning-tree portfast" if ifc.stp_edge else " no spanning-tree portfast",
            ifc,
            "stp_edge",
        )
    if ifc.stp_bpdu_guard is not None:
        state = "enable" if ifc.stp_bpdu_guard else "disable"
        w.line(f" spanning-tree bpduguard {state}", ifc, "stp_bpdu_guard")
    if ifc.stp_cost is not None:
        w.line(f" spanning-tree cost {ifc.stp_cost}", ifc, "stp_cost")
    if ifc.stp_port_priority is not None:
        w.line(f" spanning-tree port-priority {ifc.stp_port_priority}", ifc, "stp_port_priority")
    for vlan, cost in ifc.stp_vlan_cost.items():
        w.line(f" spanning-tree vlan {vlan} cost {cost}", ifc, item_key("stp_vlan_cost", vlan))
    for source in ifc.monitor_sources:
        w.line(f" port monitor {source}", ifc, item_key("monitor_sources", source))
    for kind, level in ifc.storm_control.items():
        w.line(f" storm-control {kind} level {level}", ifc, item_key("storm_control", kind))
    if ifc.mlag_id is not None:
        w.unsupported(ifc, "mlag_id", reason="IOS has no multi-chassis LAG (vPC)")


def _switchport(w: Writer, sw: Switchport) -> None:
    w.line(f" switchport mode {sw.mode}", sw, "mode")
    if sw.access_vlan is not None:
        w.line(f" switchport access vlan {sw.access_vlan}", sw, "access_vlan")
    if sw.native_vlan is not None:
        w.line(f" switchport trunk native vlan {sw.native_vlan}", sw, "native_vlan")
    if sw.trunk_allowed is not None:
        allowed = ranges(sw.trunk_allowed) if sw.trunk_allowed else "none"
        w.line(f" switchport trunk allowed vlan {allowed}", sw, "trunk_allowed")
    elif sw.src.get("trunk_allowed"):
        w.ignore(sw, "trunk_allowed", rule="an IOS trunk carries every VLAN unless told otherwise")
    if sw.voice_vlan is not None:
        w.line(f" switchport voice vlan {sw.voice_vlan}", sw, "voice_vlan")
    if sw.nonegotiate:
        w.line(" switchport nonegotiate", sw, "nonegotiate")


def _addresses(w: Writer, ifc: Interface) -> None:
    for addr in ifc.ipv4:
        suffix = " secondary" if addr.secondary else ""
        text = f" ip address {addr.address.ip} {mask(addr.address.network.prefixlen)}{suffix}"
        w.item(text, addr, "address", "secondary")
    if ifc.ipv4_dhcp:
        w.line(" ip address dhcp", ifc, "ipv4_dhcp")
    if ifc.ipv4_negotiated:
        w.line(" ip address negotiated", ifc, "ipv4_negotiated")
    if ifc.ipv4_unnumbered is not None:
        w.line(f" ip unnumbered {ifc.ipv4_unnumbered}", ifc, "ipv4_unnumbered")
    for flag, text in (
        ("proxy_arp", "ip proxy-arp"),
        ("redirects", "ip redirects"),
        ("unreachables", "ip unreachables"),
    ):
        value = getattr(ifc, flag)
        if value is not None:
            w.line(f" {text}" if value else f" no {text}", ifc, flag)
    for helper in ifc.helper_addresses:
        w.line(f" ip helper-address {helper}", ifc, item_key("helper_addresses", helper))
    for addr6 in ifc.ipv6:
        if addr6.kind == "link-local":
            text = f" ipv6 address {addr6.address.ip} link-local"
            if addr6.address.network.prefixlen != 64:
                w.change(addr6, "address", note="IOS link-local addresses have no length")
        elif addr6.kind == "eui-64":
            text = f" ipv6 address {addr6.address.with_prefixlen} eui-64"
        else:
            text = f" ipv6 address {addr6.address.with_prefixlen}"
        w.item(text, addr6, "address", "kind")
    if ifc.ipv6_enabled:
        w.line(" ipv6 enable", ifc, "ipv6_enabled")


def _filters(w: Writer, ifc: Interface) -> None:
    pairs = (
        ("acl_in", "ip access-group {} in"),
        ("acl_out", "ip access-group {} out"),
        ("ipv6_acl_in", "ipv6 traffic-filter {} in"),
        ("ipv6_acl_out", "ipv6 traffic-filter {} out"),
        ("inspect_in", "ip inspect {} in"),
        ("inspect_out", "ip inspect {} out"),
        ("service_policy_in", "service-policy input {}"),
        ("service_policy_out", "service-policy output {}"),
    )
    for field, text in pairs:
        value = getattr(ifc, field)
        if value is not None:
            w.line(" " + text.format(value), ifc, field)
    if ifc.nat is not None:
        w.line(f" ip nat {ifc.nat}", ifc, "nat")


def _ospf(w: Writer, ospf: InterfaceOspf) -> None:
    if ospf.area is not None:
        if ospf.process is None:
            w.unsupported(
                ospf,
                "area",
                reason="IOS assigns an interface to an area of a "
                "numbered OSPF process; this one names none",
            )
        else:
            w.line(f" ip ospf {ospf.process} area {ospf.area}", ospf, "process", "area")
    elif ospf.process is not None:
        w.unsupported(ospf, "process", reason="an OSPF process without an area")
    for field, word in (
        ("cost", "cost"),
        ("priority", "priority"),
        ("hello", "hello-interval"),
        ("dead", "dead-interval"),
    ):
        value = getattr(ospf, field)
        if value is not None:
            w.line(f" ip ospf {word} {value}", ospf, field)
    if ospf.network_type is not None:
        kind = _NETWORK_TYPES.get(ospf.network_type, ospf.network_type)
        w.line(f" ip ospf network {kind}", ospf, "network_type")
    if ospf.auth is not None:
        suffix = {"md5": " message-digest", "null": " null", "simple": ""}[ospf.auth]
        w.line(f" ip ospf authentication{suffix}", ospf, "auth")
    if ospf.auth_key is not None:
        if ospf.auth_key_id is not None:
            w.line(
                f" ip ospf message-digest-key {ospf.auth_key_id} md5 {secret(ospf.auth_key)}",
                ospf,
                "auth_key_id",
                "auth_key",
            )
        else:
            w.line(f" ip ospf authentication-key {secret(ospf.auth_key)}", ospf, "auth_key")
    elif ospf.auth_key_id is not None:
        w.unsupported(ospf, "auth_key_id", reason="an OSPF key id without a key")
    for field, word in (
        ("bfd", "bfd"),
        ("demand_circuit", "demand-circuit"),
        ("flood_reduction", "flood-reduction"),
    ):
        if getattr(ospf, field):
            w.line(f" ip ospf {word}", ospf, field)
    if ospf.bfd is False:
        w.ignore(ospf, "bfd", rule="BFD for OSPF is off unless enabled")
    if ospf.passive is not None:
        w.unsupported(
            ospf,
            "passive",
            reason="IOS makes interfaces passive under the OSPF "
            "process (`passive-interface`), not on the interface",
        )
    if ospf.ipsec_spi is not None:
        w.unsupported(
            ospf,
            "ipsec_spi",
            "ipsec_encryption",
            "ipsec_auth",
            "ipsec_key",
            reason="IPsec protection exists for OSPFv3 only",
        )


def _fhrp_order(ifc: Interface) -> list[FhrpGroup]:
    return [g for g in ifc.fhrp if g.protocol == "hsrp"] + [
        g for g in ifc.fhrp if g.protocol == "vrrp"
    ]


def _fhrp(w: Writer, ifc: Interface, group: FhrpGroup) -> None:
    cmd = "standby" if group.protocol == "hsrp" else "vrrp"
    head = f" {cmd} {group.group}"
    w.done(group, "protocol", "group")
    if group.version is not None:
        if group.protocol == "vrrp":
            w.unsupported(group, "version", reason="IOS runs VRRPv2 here; version is not set")
        elif group is next(g for g in ifc.fhrp if g.protocol == "hsrp"):
            w.line(f" standby version {group.version}", group, "version")
        else:
            w.done(group, "version")
    for address in group.virtual_ip:
        w.item(f"{head} ip {address}", group, "virtual_ip")
    for address in group.virtual_ipv6:
        w.line(f"{head} ipv6 {address}", group, item_key("virtual_ipv6", address))
    if group.priority is not None:
        w.line(f"{head} priority {group.priority}", group, "priority")
    if group.preempt:
        delay = f" delay minimum {group.preempt_delay}" if group.preempt_delay else ""
        w.line(f"{head} preempt{delay}", group, "preempt", "preempt_delay")
    elif group.preempt is False:
        w.line(f" no {cmd} {group.group} preempt", group, "preempt")
    if group.preempt_delay is not None and not group.preempt:
        w.unsupported(group, "preempt_delay", reason="a preemption delay without preemption")
    if group.hello is not None:
        if group.protocol == "vrrp":
            w.line(f"{head} timers advertise {group.hello}", group, "hello")
        elif group.hold is not None:
            w.line(f"{head} timers {group.hello} {group.hold}", group, "hello", "hold")
        else:
            w.line(f"{head} timers {group.hello}", group, "hello")
    if group.hold is not None and (group.protocol == "vrrp" or group.hello is None):
        w.unsupported(
            group, "hold", reason="IOS sets a hold time only with the hello time of an HSRP group"
        )
    if group.auth is not None:
        form = "md5 key-string" if group.auth_md5 else "text"
        w.line(f"{head} authentication {form} {secret(group.auth)}", group, "auth", "auth_md5")
    for name, decrement in group.track:
        w.line(f"{head} track {name} decrement {decrement}", group, item_key("track", name))
    if group.name is not None:
        w.line(f"{head} name {group.name}", group, "name")


def _physical(w: Writer, ifc: Interface) -> None:
    for field, word in (
        ("mtu", "mtu"),
        ("bandwidth", "bandwidth"),
        ("delay", "delay"),
        ("load_interval", "load-interval"),
        ("keepalive", "keepalive"),
    ):
        value = getattr(ifc, field)
        if value is not None:
            w.line(f" {word} {value}", ifc, field)
    if ifc.mac_address is not None:
        w.line(f" mac-address {ifc.mac_address}", ifc, "mac_address")
    if ifc.speed is not None:
        w.line(f" speed {ifc.speed}", ifc, "speed")
    if ifc.duplex is not None:
        w.line(f" duplex {ifc.duplex}", ifc, "duplex")
    if ifc.autonegotiation is False:
        w.line(" no negotiation auto", ifc, "autonegotiation")
    elif ifc.autonegotiation:
        w.ignore(ifc, "autonegotiation", rule="autonegotiation is on by default on IOS")
    if ifc.cdp is not None:
        w.line(" cdp enable" if ifc.cdp else " no cdp enable", ifc, "cdp")
    if ifc.lldp is not None:
        prefix = " " if ifc.lldp else " no "
        w.line(f"{prefix}lldp transmit", ifc, "lldp")
        w.line(f"{prefix}lldp receive", ifc, "lldp")
    if ifc.bfd_interval is not None:
        tx, rx, multiplier = ifc.bfd_interval
        w.line(f" bfd interval {tx} min_rx {rx} multiplier {multiplier}", ifc, "bfd_interval")

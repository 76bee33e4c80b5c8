"""Comware 7 interface view statements (the routing side is in `hp_comware_parse_ifc_l3`)."""

from __future__ import annotations

import re
from ipaddress import IPv6Interface
from typing import Any

from orchestrator import ports
from orchestrator.model import (
    Address6,
    AtmPvc,
    Interface,
    Switchport,
)
from orchestrator.syntax.hp_comware_common import PLATFORM_NAME, ifname, is_ipv4
from orchestrator.syntax.hp_comware_drni import DRNI_INTERFACE_RULES
from orchestrator.syntax.hp_comware_parse_ifc_l3 import (
    i_nd,
    i_ospf,
    i_ospf_area,
    i_ospf_auth,
    i_ospf_bfd,
    i_ppp,
    i_undo_preempt,
    i_vrrp,
    i_vrrp_version,
)
from orchestrator.syntax.hp_comware_parse_overlay import INTERFACE_OVERLAY_RULES
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    dispatch,
    flag_field,
    int_field,
    ipv4_address,
    rule,
    str_field,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.vrp_family import vlan_words

#: `interface Tunnel1 mode <mode>` → the model's tunnel mode (IOS words); GRE over IPv4 is the
#: default on both sides, so it is None
TUNNEL_MODES: dict[str, str | None] = {
    "gre": None,
    "gre-ipv6": "gre ipv6",
    "ipsec": "ipsec ipv4",
    "ipv6-ipv4": "ipv6ip",
}


def p_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = ifname(m.group(1))
    ifc = ctx.config.interface(name)
    ifc.kind = ports.interface_kind(PLATFORM_NAME, name)
    ifc.at(line.n)
    if m.group(2):
        mode = " ".join(m.group(2).split())
        if mode not in TUNNEL_MODES:
            ctx.report.unsupported(line, f"tunnel mode {mode!r} is not translated")
        else:
            ifc.tunnel_mode = TUNNEL_MODES[mode]
            ifc.at(line.n, "tunnel_mode")
    if m.group(3):
        ifc.point_to_point = m.group(3) == "p2p"
        ifc.at(line.n, "point_to_point")
    for child in line.children:
        if child.text.startswith("pvc "):
            i_pvc(ctx, child, ifc)
            continue
        dispatch(ctx, child, INTERFACE_RULES, ifc)


def i_pvc(ctx: Ctx, line: Line, ifc: Interface) -> None:
    """`pvc VPI/VCI` and its service category and encapsulation."""
    m = re.fullmatch(r"pvc (\d+)/(\d+)", line.text)
    if m is None:
        ctx.report.unsupported_tree(line, "named PVCs are not translated")
        return
    pvc = AtmPvc(vpi=int(m.group(1)), vci=int(m.group(2)))
    pvc.at(line.n)
    ctx.report.parsed(line)
    ifc.atm_pvc = pvc
    ifc.at(line.n, "atm_pvc")
    for child in line.children:
        words = child.words
        if words[:2] == ["service", "vbr-nrt"] and len(words) == 5:
            pvc.vbr_nrt = tuple(int(w) for w in words[2:])
            pvc.at(child.n, "vbr_nrt")
        elif words[:2] == ["service", "ubr"] and len(words) == 3:
            pvc.ubr = int(words[2])
            pvc.at(child.n, "ubr")
        elif words[:1] == ["encapsulation"] and len(words) == 2:
            pvc.encapsulation = words[1]
            pvc.at(child.n, "encapsulation")
        else:
            ctx.report.unsupported(child, "PVC setting not translated")
            continue
        ctx.report.parsed(child)


def i_link_mode(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.routed = m.group(1) == "route"
    ifc.at(line.n, "routed")


def i_dhcp_alloc(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv4_dhcp = True
    ifc.at(line.n, "ipv4_dhcp")


def i_unnumbered(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv4_unnumbered = ifname(m.group(1))
    ifc.at(line.n, "ipv4_unnumbered")


def i_ipv6(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    kind = "eui-64" if m.group(2) == "eui-64" else "link-local" if m.group(2) else "global"
    text = m.group(1) if kind != "link-local" else f"{m.group(1)}/64"  # fe80::/64 addresses
    entry = Address6(address=IPv6Interface(text), kind=kind)  # type: ignore[arg-type]
    entry.at(line.n)
    ifc.ipv6.append(entry)
    ifc.at(line.n, "ipv6")


def _switchport(ifc: Interface) -> Switchport:
    if ifc.switchport is None:
        ifc.switchport = Switchport()
    return ifc.switchport


def i_link_type(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.mode = m.group(1)  # type: ignore[assignment]
    if sw.mode == "trunk" and sw.trunk_allowed is None:
        sw.trunk_allowed = [1]  # a Comware trunk carries VLAN 1 until told otherwise
    sw.at(line.n, "mode")


def i_access_vlan(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.access_vlan = int(m.group(1))
    sw.at(line.n, "access_vlan")


def i_trunk_permit(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    current = set(sw.trunk_allowed if sw.trunk_allowed is not None else [1])
    if m.group(2) == "all":
        sw.trunk_allowed = None if m.group(1) is None else []
    else:
        vlans = set(vlan_words(m.group(2).split()))
        current = current - vlans if m.group(1) else current | vlans
        sw.trunk_allowed = sorted(current)
    sw.at(line.n, "trunk_allowed")


def i_pvid(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.native_vlan = int(m.group(1))
    sw.at(line.n, "native_vlan")


def i_hybrid(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    vlans = vlan_words(m.group(1).split())
    name = "hybrid_tagged" if m.group(2) == "tagged" else "hybrid_untagged"
    setattr(sw, name, sorted(set(getattr(sw, name)) | set(vlans)))
    sw.at(line.n, name)


def i_qinq(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.mode = "dot1q-tunnel"
    sw.at(line.n, "mode")


def i_voice(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    sw = _switchport(ifc)
    sw.voice_vlan = int(m.group(1))
    sw.at(line.n, "voice_vlan")


def i_lag(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.lag_group = int(m.group(1))
    ifc.at(line.n, "lag_group")


def i_lag_dynamic(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`link-aggregation mode dynamic` on the aggregate: its members run LACP."""
    ctx.state.setdefault("lacp_lags", {})[ifc.name] = line.n


def i_lacp_passive(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.lag_mode = "passive"
    ifc.at(line.n, "lag_mode")


def i_lacp_short(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.lacp_rate = "fast"
    ifc.at(line.n, "lacp_rate")


def i_packet_filter(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ipv6 = "ipv6_" if m.group(1) else ""
    name = f"{ipv6}acl_in" if m.group(3) == "inbound" else f"{ipv6}acl_out"
    setattr(ifc, name, m.group(2))
    ifc.at(line.n, name)


def i_relay_server(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.helper_addresses.append(m.group(1))
    ifc.at(line.n, "helper_addresses")


def i_relay_select(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.at(line.n, "helper_addresses")


def i_mac(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    digits = m.group(1).replace("-", "").replace(".", "").lower()
    ifc.mac_address = f"{digits[0:4]}.{digits[4:8]}.{digits[8:12]}"
    ifc.at(line.n, "mac_address")


def i_qos_policy(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    name = "service_policy_in" if m.group(2) == "inbound" else "service_policy_out"
    setattr(ifc, name, m.group(1))
    ifc.at(line.n, name)


def i_lldp_status(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.lldp = m.group(1) != "disable"
    ifc.at(line.n, "lldp")


def i_cdp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.cdp = m.group(1) == "txrx"
    ifc.at(line.n, "cdp")


def i_bfd(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ctx.state.setdefault("bfd", {}).setdefault(ifc.name, {})[m.group(1)] = (int(m.group(2)), line.n)


def i_bpdu(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.stp_bpdu_guard = m.group(1) == "enable"
    ifc.at(line.n, "stp_bpdu_guard")


def i_stp_vlan_cost(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.stp_vlan_cost[int(m.group(1))] = int(m.group(2))
    ifc.at(line.n, "stp_vlan_cost")


def i_speed(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.speed = m.group(1)
    ifc.at(line.n, "speed")


def i_storm(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.storm_control[m.group(1)] = f"{int(m.group(2))}.00"
    ifc.at(line.n, "storm_control")


def i_tunnel_end(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    name = "tunnel_source" if m.group(1) == "source" else "tunnel_destination"
    value = m.group(2) if is_ipv4(m.group(2)) or ":" in m.group(2) else ifname(m.group(2))
    setattr(ifc, name, value)
    ifc.at(line.n, name)


def i_aspf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    name = "inspect_in" if m.group(2) == "inbound" else "inspect_out"
    setattr(ifc, name, m.group(1))
    ifc.at(line.n, name)


def i_vrf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.vrf = m.group(1)
    ifc.at(line.n, "vrf")


def i_nat(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """NAT statements of an outside interface; read once the whole file is known."""
    ifc.nat = "outside"
    ifc.at(line.n, "nat")
    ctx.state.setdefault("nat_lines", []).append((ifc, line, m.group(0)))


INTERFACE_RULES: list[Rule] = [
    rule(r"ipv6 mtu (\d+)", int_field("ipv6_mtu")),
    rule(r"link-aggregation selected-port minimum (\d+)", int_field("lag_min_links")),
    rule(r"ntp-service broadcast-client", flag_field("ntp_broadcast_client", None)),
    *INTERFACE_OVERLAY_RULES,
    *DRNI_INTERFACE_RULES,
    rule(r"description (.+)", str_field("description")),
    rule(r"(undo )?shutdown", flag_field("shutdown")),
    rule(r"port link-mode (route|bridge)", i_link_mode),
    rule(r"mtu (\d+)", int_field("mtu")),
    rule(r"jumboframe enable (\d+)", int_field("mtu")),
    rule(r"jumboframe enable", ignore="jumbo frames are accepted by default"),
    rule(r"undo jumboframe enable", unsupported="refusing jumbo frames is not in the model"),
    rule(r"tcp mss (\d+)", int_field("tcp_mss")),
    rule(r"speed (auto|\d+)", i_speed),
    rule(r"duplex (auto|full|half)", str_field("duplex")),
    rule(r"bandwidth (\d+)", int_field("bandwidth")),
    rule(r"flow-interval (\d+)", int_field("load_interval")),
    rule(r"ip binding vpn-instance (\S+)", i_vrf),
    rule(r"ip address (\d+\.\d+\.\d+\.\d+) (\S+)( sub)?", ipv4_address),
    rule(r"ip address dhcp-alloc", i_dhcp_alloc),
    rule(r"ip address unnumbered interface (\S+)", i_unnumbered),
    rule(r"ipv6 address (\S+/\d+)(?: (eui-64))?", i_ipv6),
    rule(r"ipv6 address auto link-local", flag_field("ipv6_enabled", None)),
    rule(r"ipv6 address (\S+) (link-local)", i_ipv6),
    rule(r"ipv6 address auto", flag_field("ipv6_autoconfig", None)),
    rule(r"undo ipv6 nd ra halt", lambda c, ln, m, i: i.at(ln.n, "ipv6")),
    rule(r"ipv6 nd .+", i_nd),
    rule(r"link-protocol (ppp|hdlc)", str_field("encapsulation")),
    rule(r"ip address ppp-negotiate", flag_field("ipv4_negotiated", None)),
    rule(r"ppp .+", i_ppp),
    rule(r"dialer-group (\d+)", int_field("dialer_group")),
    rule(r"dialer timer idle (\d+)", int_field("dialer_idle_timeout")),
    rule(
        r"(?:ipv6 )?dhcp client (?:identifier|duid) .+",
        ignore="DHCP client identifier derived from the box's own MAC address",
    ),
    rule(r"port link-type (access|trunk|hybrid)", i_link_type),
    rule(r"port access vlan (\d+)", i_access_vlan),
    rule(r"(undo )?port trunk permit vlan (.+)", i_trunk_permit),
    rule(r"port (?:trunk|hybrid) pvid vlan (\d+)", i_pvid),
    rule(r"port hybrid vlan ([\d to]+) (tagged|untagged)", i_hybrid),
    rule(r"qinq enable", i_qinq),
    rule(r"voice-vlan (\d+) enable", i_voice),
    rule(r"port link-aggregation group (\d+)", i_lag),
    rule(r"link-aggregation mode dynamic", i_lag_dynamic),
    rule(r"lacp mode passive", i_lacp_passive),
    rule(r"lacp period short", i_lacp_short),
    rule(r"vlan-type dot1q vid (\d+)", int_field("encapsulation_vlan")),
    rule(r"ospf(?:v3)? (cost|dr-priority|timer hello|timer dead) (\d+)", i_ospf),
    rule(r"ospf(?:v3)? (network-type) (p2p|broadcast|nbma|p2mp)", i_ospf),
    rule(r"ospf(?:v3)? (\d+) area (\S+)", i_ospf_area),
    rule(
        r"ospf authentication-mode (?:hmac-)?(md5|simple)(?: (\d+))? (cipher|plain) (\S+)",
        i_ospf_auth,
    ),
    rule(r"ospf(?:v3)? bfd enable", i_ospf_bfd),
    rule(r"undo vrrp vrid (\d+) preempt-mode", i_undo_preempt),
    rule(r"vrrp vrid (\d+) (.+)", i_vrrp),
    rule(r"vrrp version ([23])", i_vrrp_version),
    rule(r"packet-filter (ipv6 )?(?:name )?(\S+) (inbound|outbound)", i_packet_filter),
    rule(r"dhcp select relay", i_relay_select),
    rule(r"ipv6 dhcp select server", lambda c, ln, m, i: i.at(ln.n, "ipv6_dhcp_server")),
    rule(r"ipv6 dhcp server apply pool (\S+)", str_field("ipv6_dhcp_server")),
    rule(r"dhcp relay server-address (\S+)", i_relay_server),
    rule(r"(undo )?proxy-arp enable", flag_field("proxy_arp")),
    rule(r"mac-address (\S+)", i_mac),
    rule(r"qos apply policy (\S+) (inbound|outbound)", i_qos_policy),
    rule(r"(undo )?stp edged-port(?: enable)?", flag_field("stp_edge")),
    rule(r"stp port bpdu-protection (enable|disable)", i_bpdu),
    rule(r"stp cost (\d+)", int_field("stp_cost")),
    rule(r"stp vlan (\d+) cost (\d+)", i_stp_vlan_cost),
    rule(r"stp port priority (\d+)", int_field("stp_port_priority")),
    rule(r"(undo )?lldp enable", flag_field("lldp")),
    rule(r"lldp admin-status (disable|rx|tx|txrx)", i_lldp_status),
    rule(r"lldp compliance admin-status cdp (txrx|disable)", i_cdp),
    rule(
        r"lldp agent (?:nearest-customer|nearest-nontpmr) .+",
        unsupported="LLDP agents other than nearest-bridge are not in the model",
    ),
    rule(r"bfd (min-transmit-interval|min-receive-interval|detect-multiplier) (\d+)", i_bfd),
    rule(r"(broadcast|multicast|unicast)-suppression (\d+)", i_storm),
    rule(r"(source|destination) (\S+)", i_tunnel_end),
    rule(r"keepalive (\d+)(?: \d+)?", int_field("keepalive")),
    rule(r"nat (?:outbound|server|static enable).*", i_nat),
    rule(r"aspf apply policy (\d+) (inbound|outbound)", i_aspf),
    rule(r"tunnel protection ipsec profile (\S+)", str_field("tunnel_protection")),
    rule(
        r"undo (?:enable snmp trap updown|enable log updown)",
        unsupported="per-port link trap and log switches are not in the model",
    ),
    rule(r"ipv6 address dhcp-alloc", unsupported="IPv6 addresses by DHCPv6 are not in the model"),
    rule(r"port up-mode", unsupported="forcing a port up without a link is not in the model"),
    rule(r"sflow .+", unsupported="sFlow sampling is not in the model"),
    rule(
        r"qos (?:trust|wrr|wfq|sp|bandwidth queue|gts|lr) .+",
        unsupported="port queue scheduling and trust settings are not in the model",
    ),
    rule(r"pim .+|igmp .+", unsupported="multicast routing is not in the model"),
]

"""Comware 7 interface view statements, VLANs, VPN instances, static routes and track entries."""

from __future__ import annotations

import re
from ipaddress import IPv4Interface, IPv6Interface, IPv6Network, ip_network
from typing import Any

from orchestrator import ports
from orchestrator.model import (
    Address4,
    Address6,
    FhrpGroup,
    Interface,
    InterfaceOspf,
    Ipv6Nd,
    NdPrefix,
    Ppp,
    StaticRoute,
    Switchport,
    Vlan,
    Vrf,
)
from orchestrator.syntax.hp_comware_common import (
    PLATFORM_NAME,
    flag_field,
    ifname,
    int_field,
    is_ipv4,
    mask_or_length,
    read_secret,
    str_field,
    vlan_words,
)
from orchestrator.syntax.rules import Ctx, Rule, area_dotted, dispatch, rule
from orchestrator.syntax.text import Line

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
    for child in line.children:
        dispatch(ctx, child, INTERFACE_RULES, ifc)


def i_link_mode(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.routed = m.group(1) == "route"
    ifc.at(line.n, "routed")


def i_ip_address(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    address = IPv4Interface(f"{m.group(1)}/{mask_or_length(m.group(2))}")
    entry = Address4(address=address, secondary=m.group(3) is not None)
    entry.at(line.n)
    ifc.ipv4.append(entry)
    ifc.at(line.n, "ipv4")


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


def _ospf(ifc: Interface, v3: bool = False) -> InterfaceOspf:
    if v3:
        if ifc.ospfv3 is None:
            ifc.ospfv3 = InterfaceOspf()
        return ifc.ospfv3
    if ifc.ospf is None:
        ifc.ospf = InterfaceOspf()
    return ifc.ospf


_NETWORK_TYPES = {"p2p": "point-to-point", "broadcast": "broadcast", "nbma": "nbma", "p2mp": "p2mp"}


def i_ospf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc, line.words[0] == "ospfv3")
    what, value = m.group(1), m.group(2)
    if what == "network-type":
        ospf.network_type = _NETWORK_TYPES[value]  # type: ignore[assignment]
        ospf.at(line.n, "network_type")
        return
    name = {
        "cost": "cost",
        "dr-priority": "priority",
        "timer hello": "hello",
        "timer dead": "dead",
    }[what]
    setattr(ospf, name, int(value))
    ospf.at(line.n, name)


def i_ospf_area(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc, line.words[0] == "ospfv3")
    ospf.process = m.group(1)
    ospf.area = area_dotted(m.group(2))
    ospf.at(line.n, "process", "area")


def i_ospf_auth(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ospf authentication-mode md5|hmac-md5 K cipher|plain X` or `simple cipher|plain X`."""
    ospf = _ospf(ifc)
    ospf.auth = "simple" if m.group(1) == "simple" else "md5"
    if m.group(2):
        ospf.auth_key_id = int(m.group(2))
    form = "cipher" if m.group(3) == "cipher" else "simple"
    ospf.auth_key = read_secret(ctx, line, m.group(4), form)
    ospf.at(line.n, "auth", "auth_key_id", "auth_key")


def i_ospf_bfd(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc, line.words[0] == "ospfv3")
    ospf.bfd = True
    ospf.at(line.n, "bfd")


def _vrrp(ifc: Interface, vrid: int, line: Line) -> FhrpGroup:
    group = next((g for g in ifc.fhrp if g.group == vrid), None)
    if group is None:
        group = FhrpGroup(protocol="vrrp", group=vrid)
        group.at(line.n)
        ifc.fhrp.append(group)
        ifc.at(line.n, "fhrp")
    return group


def i_vrrp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`vrrp vrid N virtual-ip|priority|preempt-mode|timer advertise|authentication-mode|
    track ...`; Comware counts the advertisement timer and preempt delay in centiseconds."""
    group = _vrrp(ifc, int(m.group(1)), line)
    words = m.group(2).split()
    head = words[0]
    if head == "virtual-ip" and len(words) == 2:
        group.virtual_ip.append(words[1])
        group.at(line.n, "virtual_ip")
    elif head == "priority" and len(words) == 2:
        group.priority = int(words[1])
        group.at(line.n, "priority")
    elif head == "preempt-mode":
        group.preempt = True
        group.at(line.n, "preempt")
        if words[1:2] == ["delay"] and len(words) == 3:
            group.preempt_delay = int(words[2]) // 100
            group.at(line.n, "preempt_delay")
    elif words[:2] == ["timer", "advertise"] and len(words) == 3:
        group.hello = int(words[2]) // 100
        group.at(line.n, "hello")
    elif head == "authentication-mode" and len(words) == 4:
        group.auth_md5 = words[1] == "md5"
        group.auth = read_secret(ctx, line, words[3], words[2])
        group.at(line.n, "auth", "auth_md5")
    elif head == "track" and len(words) == 5 and words[2:4] == ["priority", "reduced"]:
        ctx.state.setdefault("vrrp_tracks", []).append(
            (group, int(words[1]), int(words[4]), line.n)
        )
    else:
        ctx.report.unsupported(line, f"VRRP option {head!r} is not translated")


def i_undo_preempt(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    group = _vrrp(ifc, int(m.group(1)), line)
    group.preempt = False
    group.at(line.n, "preempt")


def i_vrrp_version(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ctx.state.setdefault("vrrp_versions", []).append((ifc, int(m.group(1)), line.n))


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


def _nd(ifc: Interface) -> Ipv6Nd:
    if ifc.ipv6_nd is None:
        ifc.ipv6_nd = Ipv6Nd()
    return ifc.ipv6_nd


def i_nd(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ipv6 nd ...` router advertisement settings."""
    words = line.words[2:]
    if words == ["ra", "halt"]:
        _nd(ifc).ra_suppress = "all"
        _nd(ifc).at(line.n, "ra_suppress")
    elif words[:2] == ["autoconfig", "managed-address-flag"]:
        _nd(ifc).managed_config = True
        _nd(ifc).at(line.n, "managed_config")
    elif words[:2] == ["autoconfig", "other-flag"]:
        _nd(ifc).other_config = True
        _nd(ifc).at(line.n, "other_config")
    elif words[:2] == ["ra", "router-lifetime"]:
        _nd(ifc).ra_lifetime = int(words[2])
        _nd(ifc).at(line.n, "ra_lifetime")
    elif words[:2] == ["ra", "interval"]:
        _nd(ifc).ra_interval = int(words[2])
        _nd(ifc).at(line.n, "ra_interval")
    elif words[:2] == ["ra", "prefix"] and len(words) >= 5 and "/" in words[2]:
        entry = NdPrefix(
            prefix=IPv6Network(words[2], strict=False),
            valid=int(words[3]),
            preferred=int(words[4]),
            autoconfig="no-autoconfig" not in words,
            onlink="off-link" not in words,
        )
        entry.at(line.n)
        _nd(ifc).prefixes.append(entry)
        _nd(ifc).at(line.n, "prefixes")
    else:
        ctx.report.unsupported(line, "IPv6 ND setting not translated")


def _ppp(ifc: Interface) -> Ppp:
    if ifc.ppp is None:
        ifc.ppp = Ppp()
    return ifc.ppp


def i_ppp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ppp authentication-mode|chap user|chap password|pap local-user ...`."""
    words = line.words[1:]
    ppp = _ppp(ifc)
    if words[0] == "authentication-mode":
        ppp.authentication = [w for w in words[1:] if w != "call-in"]
        ppp.auth_callin = "call-in" in words
        ppp.at(line.n, "authentication", "auth_callin")
    elif words[:2] == ["chap", "user"] and len(words) == 3:
        ppp.chap_hostname = words[2]
        ppp.at(line.n, "chap_hostname")
    elif words[:2] == ["chap", "password"] and len(words) == 4:
        ppp.chap_password = read_secret(ctx, line, words[3], words[2])
        ppp.at(line.n, "chap_password")
    elif words[:2] == ["pap", "local-user"] and len(words) == 6 and words[3] == "password":
        ppp.pap_username = words[2]
        ppp.pap_password = read_secret(ctx, line, words[5], words[4])
        ppp.at(line.n, "pap_username", "pap_password")
    else:
        ctx.report.unsupported(line, "PPP setting not translated")


def i_vrf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.vrf = m.group(1)
    ifc.at(line.n, "vrf")


def i_nat(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """NAT statements of an outside interface; read once the whole file is known."""
    ifc.nat = "outside"
    ifc.at(line.n, "nat")
    ctx.state.setdefault("nat_lines", []).append((ifc, line, m.group(0)))


INTERFACE_RULES: list[Rule] = [
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
    rule(r"ip address (\d+\.\d+\.\d+\.\d+) (\S+)( sub)?", i_ip_address),
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


# --- VLANs and VPN instances ----------------------------------------------------------------


def p_vlan(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for vid in vlan_words(m.group(1).split()):
        vlan = ctx.config.vlans.get(vid) or Vlan(id=vid)
        ctx.config.vlans[vid] = vlan
        vlan.at(line.n)
        for child in line.children:
            dispatch(ctx, child, VLAN_RULES, vlan)


VLAN_RULES: list[Rule] = [
    rule(r"name (.+)", str_field("name")),
    rule(r"description (.+)", str_field("description")),
]


def p_vrf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    vrf = ctx.config.vrfs.get(m.group(1)) or Vrf(name=m.group(1))
    ctx.config.vrfs[vrf.name] = vrf
    vrf.at(line.n)
    for child in line.children:
        if child.text in ("address-family ipv4", "address-family ipv6"):
            ctx.report.parsed(child)
            if child.text.endswith("ipv6"):
                vrf.ipv6 = True
                vrf.at(child.n, "ipv6")
            for grandchild in child.children:
                dispatch(ctx, grandchild, VRF_RULES, vrf)
        else:
            dispatch(ctx, child, VRF_RULES, vrf)


def f_target(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    direction = m.group(2) or "both"
    for value in m.group(1).split():
        if direction in ("import-extcommunity", "both") and value not in vrf.import_targets:
            vrf.import_targets.append(value)
            vrf.at(line.n, "import_targets")
        if direction in ("export-extcommunity", "both") and value not in vrf.export_targets:
            vrf.export_targets.append(value)
            vrf.at(line.n, "export_targets")


VRF_RULES: list[Rule] = [
    rule(r"route-distinguisher (\S+)", str_field("rd")),
    rule(r"description (.+)", str_field("description")),
    rule(r"vpn-target (.+?)(?: (import-extcommunity|export-extcommunity|both))?", f_target),
    rule(r"import route-policy (\S+)", str_field("import_map")),
    rule(r"export route-policy (\S+)", str_field("export_map")),
]


# --- static routes and track entries --------------------------------------------------------


def p_route(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ip route-static [vpn-instance V] DEST MASK|LEN [IFC] [NH | vpn-instance D NH | NH
    public] [permanent] [track N] [preference P] [tag T] [description TEXT]`."""
    words = m.group(2).split()
    route = StaticRoute(prefix=ip_network("0.0.0.0/0"))
    if words[:1] == ["vpn-instance"]:
        route.vrf = words[1]
        words = words[2:]
    if m.group(1):
        route.prefix = ip_network(f"{words[0]}/{words[1]}", strict=False)
    else:
        route.prefix = ip_network(f"{words[0]}/{mask_or_length(words[1])}", strict=False)
    words = words[2:]
    while words:
        word = words.pop(0)
        if word == "vpn-instance" and len(words) >= 2:
            route.next_hop_vrf, route.next_hop = words.pop(0), words.pop(0)
        elif word == "public":
            route.next_hop_vrf = "global"
        elif word == "permanent":
            route.permanent = True
        elif word in ("track", "preference", "tag") and words:
            value = int(words.pop(0))
            name = {"track": "track", "preference": "distance", "tag": "tag"}[word]
            setattr(route, name, value)
        elif word == "description":
            route.name = " ".join(words)
            words = []
        elif is_ipv4(word) or ":" in word:
            route.next_hop = word
        elif route.interface is None and route.next_hop is None and word[0].isalpha():
            route.interface = ifname(word)
        else:
            ctx.report.unsupported(line, f"static route option {word!r} is not translated")
            return
    route.at(line.n)
    ctx.config.static_routes.append(route)


def p_track(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`track N interface IFC`: VRRP tracks interfaces through these entries."""
    ctx.state.setdefault("tracks", {})[int(m.group(1))] = (ifname(m.group(2)), line.n)


IFC_TOP: list[Rule] = [
    rule(r"interface (\S+)(?: mode (.+))?", p_interface),
    rule(r"vlan (\d+(?: to \d+)?)", p_vlan),
    rule(r"ip vpn-instance (\S+)", p_vrf),
    rule(r"ip(v6)? route-static (.+)", p_route),
    rule(r"track (\d+) interface (\S+)(?: protocol ipv4)?", p_track),
]

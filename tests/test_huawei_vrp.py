"""Huawei VRP5 (`huawei_vrp`): real corpus lines into model values, reviewed rendered text,
round trips over every area of the model, secrets, detection and translation from IOS."""

from __future__ import annotations

import copy
from ipaddress import IPv4Interface, IPv4Network
from pathlib import Path

import pytest
from conftest import corpus_files, shared_dir
from huawei_models import branch_router, campus_switch, shaped_render
from huawei_models import roundtrip as shaped_roundtrip

from orchestrator.adapt import Notes
from orchestrator.detect import detect_platform
from orchestrator.model import DeviceConfig, Node, Secret
from orchestrator.model.walk import differences, normalise, to_plain
from orchestrator.syntax.base import Rendered
from orchestrator.syntax.huawei_vrp import PLATFORM
from orchestrator.syntax.text import read_config
from orchestrator.translate import render_and_check, translate_text

HUAWEI = sorted((shared_dir() / "corpus" / "huawei").glob("*.cfg"))
#: measured share of counted lines parsed or ignored with a rule, per file (less a margin);
#: the rest are firewall, MPLS/EVPN, subscriber and IPv6-ND statements, reported unsupported
FLOORS = {
    "01": 0.45,
    "02": 0.95,
    "03": 0.78,
    "04": 0.78,
    "05": 0.55,
    "06": 0.18,
    "07": 0.28,
    "08": 0.45,
    "09": 0.55,
    "10": 0.48,
}


def corpus(prefix: str) -> Path:
    return next(p for p in HUAWEI if p.name.startswith(prefix))


def parse_file(prefix: str) -> DeviceConfig:
    return PLATFORM.parse(read_config(corpus(prefix)).text, path=prefix).config


def roundtrip(config: DeviceConfig, target: str = "huawei_vrp") -> list[str]:
    """Differences between ``config`` and the parse of its rendering (the pipeline's check)."""
    return shaped_roundtrip(config, target)


def render(config: DeviceConfig) -> Rendered:
    return shaped_render(config, "huawei_vrp")


# --- the corpus -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", HUAWEI, ids=[p.name[:12] for p in HUAWEI])
def test_corpus_file_parses_every_counted_line_once(path: Path) -> None:
    text = read_config(path).text
    parsed = PLATFORM.parse(text, path=str(path))
    counted = {ln.n for ln in PLATFORM.counted_lines(text)}
    assert set(parsed.report.lines) == counted
    counts = parsed.report.counts()
    understood = counts.get("parsed", 0) + counts.get("ignored", 0) + counts.get("block", 0)
    assert understood / len(counted) >= FLOORS[path.name[:2]]
    for entry in parsed.report.lines.values():
        assert entry.outcome == "parsed" or entry.reason


@pytest.mark.parametrize("path", HUAWEI, ids=[p.name[:12] for p in HUAWEI])
def test_corpus_file_survives_its_own_round_trip(path: Path) -> None:
    config = PLATFORM.parse(read_config(path).text, path=str(path)).config
    from orchestrator.adapt import adapt

    adapted = adapt(
        copy.deepcopy(config), "huawei_vrp", "huawei_vrp", {n: n for n in config.interfaces}
    )
    check = render_and_check(adapted, "huawei_vrp")[1]
    assert check.ok, check.differences


def test_campus_switch_export_reads_into_the_model() -> None:
    c = parse_file("03")
    assert c.system.hostname == "HX-SW01"
    assert c.system.logging.enabled is False
    assert {10, 20, 100, 101, 200, 208} <= set(c.vlans) and len(c.vlans) == 22
    svi = c.interfaces["Vlanif10"]
    assert [a.address for a in svi.ipv4] == [IPv4Interface("192.168.10.252/24")]
    assert str(svi.ipv6[0].address) == "2001:192:168:10::fffb/64" and svi.ipv6_enabled
    group = svi.fhrp[0]
    assert (group.protocol, group.group, group.virtual_ip, group.priority) == (
        "vrrp",
        1,
        ["192.168.10.254"],
        130,
    )
    assert group.track == [("GigabitEthernet0/0/5", 100)]
    assert svi.ospf is not None and (svi.ospf.priority, svi.ospf.hello) == (100, 4)
    assert svi.helper_addresses == ["192.168.101.1"]
    trunk = c.interfaces["Eth-Trunk1"]
    assert trunk.kind == "lag" and trunk.switchport is not None
    assert (trunk.switchport.mode, trunk.switchport.trunk_allowed) == ("trunk", None)
    members = {n: (i.lag_group, i.lag_mode) for n, i in c.interfaces.items() if i.lag_group}
    assert members == {
        "GigabitEthernet0/0/23": (1, "active"),
        "GigabitEthernet0/0/24": (1, "active"),
    }
    pvid = c.interfaces["GigabitEthernet0/0/22"].switchport
    assert pvid is not None and (pvid.native_vlan, pvid.trunk_allowed) == (200, None)
    hybrid = c.interfaces["GigabitEthernet0/0/11"].switchport
    assert hybrid is not None
    assert (hybrid.mode, hybrid.native_vlan, hybrid.hybrid_untagged) == ("hybrid", 201, [10, 201])
    assert c.interfaces["GigabitEthernet0/0/6"].acl_in == "2001"
    assert c.interfaces["GigabitEthernet0/0/2"].acl_out == "3002"
    ospf = c.ospf["1"]
    assert (ospf.router_id, ospf.bfd_all) == ("1.1.1.1", True)
    assert ospf.passive[:2] == ["Vlanif10", "Vlanif20"] and len(ospf.passive) == 10
    area = ospf.areas["0.0.0.0"]
    assert area.auth == "simple" and area.auth_key == Secret("plain", "123456")
    assert IPv4Network("1.1.1.1/32") in area.networks and len(area.networks) == 14
    acl = c.acls["2001"]
    assert (acl.kind, acl.description, len(acl.entries)) == ("standard", "permit FW106", 7)
    assert acl.entries[0].seq is None  # VRP's own numbering (5, 10, ...) reads as unnumbered
    # a packet filter forwards what no rule matches: the model says so with a final permit
    last = acl.entries[-1]
    assert (last.action, last.source, last.protocol) == ("permit", None, None)
    assert c.acls["3002"].entries[0].time_range == "SAT_LATE"
    users = c.system.users
    assert users["admin"].secret == Secret("plain", "admin")
    assert users["huawei"].secret is not None and users["huawei"].secret.kind == "huawei_cipher"
    assert users["huawei"].privilege == 15
    vty = c.system.lines[1]
    assert (vty.kind, vty.first, vty.last, vty.login, vty.transport_input) == (
        "vty",
        0,
        4,
        "aaa",
        ["ssh"],
    )
    assert c.system.ssh_server is True and c.services.dhcp_enabled is True


def test_lines_that_have_no_model_say_why() -> None:
    parsed = PLATFORM.parse(read_config(corpus("03")).text)
    by_text = {e.text: e for e in parsed.report.lines.values()}
    assert by_text["return"].outcome == "ignored"
    assert "MSTP regions" in (by_text["stp region-configuration"].reason or "")
    assert by_text["ospfv3 1 area 0.0.0.0"].outcome == "parsed"
    assert by_text["undo ipv6 nd ra halt"].outcome == "parsed"
    assert by_text["ssh user huawei"].outcome == "ignored"


def test_old_switch_export_with_implicit_vlan_1_on_trunks() -> None:
    c = parse_file("02")
    assert sorted(c.vlans) == [1, 1000, 1001]
    uplink = c.interfaces["Ethernet0/0/1"].switchport
    assert uplink is not None and uplink.trunk_allowed == [1, 1000]  # VLAN 1 unless undone
    access = c.interfaces["Ethernet0/0/2"].switchport
    assert access is not None and (access.mode, access.access_vlan) == ("access", 1001)
    root = c.system.users["root"]
    assert root.privilege == 15 and root.secret is not None
    assert root.secret.kind == "huawei_cipher"
    assert c.static_routes[0].prefix == IPv4Network("0.0.0.0/0")
    assert c.static_routes[0].next_hop == "172.31.1.1"


def test_gbk_router_export_reads_with_warnings() -> None:
    decoded = read_config(corpus("01"))
    assert decoded.warnings
    parsed = PLATFORM.parse(decoded.text)
    c = parsed.config
    assert c.system.hostname == "router-2811"
    assert c.system.users["admin"].secret == Secret("plain", "密码")
    assert c.interfaces["Ethernet0/1"].nat == "outside"
    assert c.services.nat_rules[0].acl == "2001" and c.services.nat_rules[0].overload
    texts = {e.text: e for e in parsed.report.lines.values()}
    assert "depth-first" in (texts["acl number 3100 match-order auto"].reason or "")


# --- rendering reviewed text ----------------------------------------------------------------

CAMPUS_VRP5 = """\
#
sysname R1
dns resolve
dns domain example.net
dns server 192.0.2.53
dns server 192.0.2.54 vpn-instance MGMT
clock timezone CET add 01:00:00
#
info-center loghost source LoopBack0
info-center loghost 192.0.2.10 facility local6
info-center source default channel loghost log level warning
vlan batch 10 20 99
#
vlan 10
 name USERS
#
vlan 20
 description Voice
#
stp mode rstp
stp priority 8192
stp bpdu-protection
lldp enable
#
ip vpn-instance CUST
 description Customer A
 route-distinguisher 65000:1
 vpn-target 65000:1 export-extcommunity
 vpn-target 65000:1 import-extcommunity
#
acl number 2010
 rule 5 permit source 192.0.2.0 0.0.0.255
#
acl number 3001
 rule 5 permit tcp destination 10.0.10.5 0 destination-port eq 443
 rule 5 description web to the server
 rule 10 permit udp source 10.0.10.0 0.0.0.255 destination-port range 1000 2000
 rule 15 deny ip logging
#
acl name MGMT-IN advance
 rule 10 permit icmp icmp-type echo
 rule 20 deny ip
#
ip ip-prefix OURS index 10 permit 10.0.0.0 8 less-equal 24
#
ip community-filter basic CL permit 65000:100 no-export
ip as-path-filter AP permit ^64512_
#
dhcp enable
#
ip pool USERS
 gateway-list 10.0.20.1
 network 10.0.20.0 mask 255.255.255.0
 excluded-ip-address 10.0.20.1 10.0.20.20
 dns-list 192.0.2.53
 lease day 1 hour 0 minute 0
#
hwtacacs-server template TAC
 hwtacacs-server shared-key cipher {{secret:tacacs.key}}
 hwtacacs-server authentication 192.0.2.49
 hwtacacs-server authorization 192.0.2.49
 hwtacacs-server accounting 192.0.2.49
#
aaa
 authentication-scheme default
  authentication-mode hwtacacs local
 domain default_admin
  authentication-scheme default
  hwtacacs-server TAC
 local-user admin password irreversible-cipher {{secret:users.admin}}
 local-user admin privilege level 15
 local-user admin service-type terminal ssh
#
interface Vlanif10
 description users
 ip address 10.0.10.2 255.255.255.0
 ip address 10.0.11.2 255.255.255.0 sub
 ipv6 enable
 ipv6 address 2001:DB8:10::2/64
 ospf cost 10
 ospf network-type broadcast
 ospf timer hello 5
 ospf timer dead 20
 ospf authentication-mode md5 1 cipher {{secret:ospf.vlanif10}}
 vrrp vrid 10 virtual-ip 10.0.10.1
 vrrp vrid 10 priority 120
 vrrp vrid 10 preempt-mode timer delay 30
 vrrp vrid 10 timer advertise 2
 vrrp vrid 10 track interface GigabitEthernet0/0/1 reduced 30
 traffic-filter inbound acl 3001
 dhcp select relay
 dhcp relay server-ip 192.0.2.67
 arp-proxy enable
#
interface Eth-Trunk1
 description uplink
 port link-type trunk
 port trunk pvid vlan 99
 undo port trunk allow-pass vlan 1
 port trunk allow-pass vlan 10 20 99
 mode lacp
 lacp timeout fast
#
interface GigabitEthernet0/0/1
 description member 1
 eth-trunk 1
#
interface GigabitEthernet0/0/2
 description member 2
 eth-trunk 1
#
interface GigabitEthernet0/0/3
 port link-type access
 port default vlan 10
 stp edged-port enable
 undo lldp enable
 undo shutdown
#
interface GigabitEthernet0/0/4
 undo portswitch
 ip binding vpn-instance CUST
 ip address 198.51.100.1 255.255.255.252
 mtu 1500
 ospf network-type p2p
 arp-proxy enable
 shutdown
#
interface GigabitEthernet0/0/5.100
 dot1q termination vid 100
 arp broadcast enable
 ip address 203.0.113.1 255.255.255.252
 arp-proxy enable
#
interface LoopBack0
 ip address 192.0.2.1 255.255.255.255
#
ospf 1 router-id 192.0.2.1
 silent-interface all
 undo silent-interface Vlanif10
 bandwidth-reference 10000
 import-route static cost 20 type 1 route-policy STATIC-TO-OSPF
 default-route-advertise always
 area 0.0.0.0
  network 10.0.10.0 0.0.0.255
  network 192.0.2.1 0.0.0.0
 area 0.0.0.1
  abr-summary 10.1.0.0 255.255.0.0
  nssa no-summary
#
bgp 65000
 router-id 192.0.2.1
 timer keepalive 10 hold 30
 group IBGP internal
 peer IBGP connect-interface LoopBack0
 peer IBGP password cipher {{secret:bgp.ibgp}}
 peer 192.0.2.2 group IBGP
 peer 198.51.100.9 as-number 64512
 peer 198.51.100.9 description transit
 peer 198.51.100.9 ebgp-max-hop 2
 #
 ipv4-family unicast
  network 10.0.0.0 255.255.0.0
  aggregate 10.0.0.0 255.0.0.0 detail-suppressed
  import-route direct route-policy CONN
  peer IBGP enable
  peer IBGP next-hop-local
  peer IBGP reflect-client
  peer IBGP advertise-community
  peer IBGP advertise-ext-community
  peer 192.0.2.2 enable
  peer 198.51.100.9 enable
  peer 198.51.100.9 route-policy TRANSIT-IN import
  peer 198.51.100.9 ip-prefix OURS export
  peer 198.51.100.9 route-limit 1000 idle-forever
 #
 ipv4-family vpn-instance CUST
  peer 198.51.100.2 as-number 64600
  import-route direct
  peer 198.51.100.2 enable
#
route-policy TRANSIT-IN permit node 10
 if-match as-path-filter AP
 apply local-preference 200
 apply community 65000:200 additive
#
route-policy TRANSIT-IN deny node 20
#
ip route-static vpn-instance CUST 0.0.0.0 0.0.0.0 198.51.100.2 preference 250 tag 7 description dflt
ip route-static 10.99.0.0 255.255.0.0 NULL0
#
snmp-agent sys-info version v2c
snmp-agent community read cipher {{secret:snmp.ro}} acl 2010
snmp-agent target-host trap address udp-domain 192.0.2.9 params securityname cipher {{secret:t}} v2c
snmp-agent sys-info location Lab rack 4
snmp-agent sys-info contact noc@example.net
snmp-agent trap source LoopBack0
snmp-agent trap enable
#
ntp-service authentication enable
ntp-service authentication-keyid 1 authentication-mode md5 cipher {{secret:system.ntp.keys.1}}
ntp-service reliable authentication-keyid 1
ntp-service source-interface LoopBack0
ntp-service unicast-server 192.0.2.123 authentication-keyid 1
ntp-service unicast-server 192.0.2.124 preference
#
stelnet server enable
ssh authentication-type default password
undo telnet server enable
#
header login information "Authorised access only"
#
user-interface con 0
 authentication-mode aaa
user-interface vty 0 4
 authentication-mode aaa
 idle-timeout 10 0
 protocol inbound ssh
 acl 2010 inbound
#
return
"""

BRANCH_VRP5 = """\
#
sysname BR1
#
acl number 2001
 rule 5 permit source 10.1.1.0 0.0.0.255
#
acl number 3100
 rule 5 permit tcp tcp-flag established
 rule 10 permit udp source-port eq 53
 rule 15 deny ip
#
traffic classifier VOICE operator or
 if-match dscp ef
#
traffic behavior MARK-VOICE
 remark dscp ef
#
traffic policy MARK
 classifier VOICE behavior MARK-VOICE
#
dhcp enable
#
ip pool LAN
 gateway-list 10.1.1.1
 network 10.1.1.0 mask 255.255.255.0
 domain-name branch.example.net
#
nat address-group 1 198.51.100.8 198.51.100.15
#
interface GigabitEthernet0/0/1
 ip address 10.1.1.1 255.255.255.0
 traffic-policy MARK inbound
 dhcp select global
 arp-proxy enable
 undo icmp redirect send
#
interface GigabitEthernet0/0/2
 ip address 198.51.100.2 255.255.255.252
 undo negotiation auto
 speed 100
 duplex full
 traffic-filter outbound acl 3100
 arp-proxy enable
 nat outbound 2001 address-group 1
 nat server protocol tcp global 198.51.100.2 8080 inside 10.1.1.10 80
#
interface Tunnel0
 ip address 172.16.0.1 255.255.255.252
 tunnel-protocol gre
 source GigabitEthernet0/0/2
 destination 203.0.113.9
#
ip route-static 0.0.0.0 0.0.0.0 198.51.100.1
#
return
"""


def test_campus_switch_renders_reviewed_vrp5_text() -> None:
    assert render(campus_switch()).text == CAMPUS_VRP5


def test_branch_router_renders_reviewed_vrp5_text() -> None:
    assert render(branch_router()).text == BRANCH_VRP5


def test_every_rendered_line_names_its_view() -> None:
    rendered = render(campus_switch())
    views = {e.text.strip(): e.view for e in rendered.emissions}
    assert views["peer IBGP enable"] == ("bgp 65000", "ipv4-family unicast")
    assert views["network 10.0.10.0 0.0.0.255"] == ("ospf 1 router-id 192.0.2.1", "area 0.0.0.0")
    assert views["port default vlan 10"] == ("interface GigabitEthernet0/0/3",)
    assert views["sysname R1"] == ()


# --- prepare shapes, render writes ----------------------------------------------------------


def _ported(path: Path, source: str, target: str) -> tuple[DeviceConfig, Notes]:
    """A corpus file parsed and adapted for ``target`` (which runs the target's `prepare`)."""
    from orchestrator.adapt import adapt
    from orchestrator.syntax import get_platform
    from orchestrator.translate import plan_port_names

    parsed = get_platform(source).parse(read_config(path).text, path=str(path))
    names = plan_port_names(parsed, target)
    adapted = adapt(parsed.config, source, target, names)
    return adapted.config, adapted.notes


@pytest.mark.parametrize("target", ["huawei_vrp", "huawei_vrpv8"])
@pytest.mark.parametrize("source", ["cisco_ios", "cisco_nxos", "juniper_junos"])
def test_render_writes_the_prepared_model_without_changing_it(source: str, target: str) -> None:
    from orchestrator.model.walk import comparable
    from orchestrator.syntax import get_platform

    for _, path in corpus_files(source):
        config, _ = _ported(path, source, target)
        before = comparable(config)
        provenance = [dict(node.src.lines) for node in _nodes(config)]
        get_platform(target).render(config)
        assert comparable(config) == before, path.name
        assert [dict(node.src.lines) for node in _nodes(config)] == provenance, path.name


def _nodes(node: object) -> list[Node]:
    from orchestrator.model.base import node_fields

    found: list[Node] = []
    if isinstance(node, Node):
        found.append(node)
        for f in node_fields(type(node)):
            found.extend(_nodes(getattr(node, f.name)))
    elif isinstance(node, (list, tuple)):
        for item in node:
            found.extend(_nodes(item))
    elif isinstance(node, dict):
        for item in node.values():
            found.extend(_nodes(item))
    return found


def test_prepare_leaves_inline_route_filters_to_adapt() -> None:
    """Junos inline route filters are converted once, by `adapt`, for every target."""
    text = """\
set policy-options policy-statement IMPORT term LOOPS from route-filter 10.0.0.0/8 orlonger
set policy-options policy-statement IMPORT term LOOPS then accept
"""
    result = translate_text(text, "huawei_vrp", source="juniper_junos")
    assert result.roundtrip.ok, result.roundtrip.differences
    assert "ip ip-prefix IMPORT-LOOPS index 5 permit 10.0.0.0 8 less-equal 32" in (
        result.target_config
    )
    assert "if-match ip-prefix IMPORT-LOOPS" in result.target_config


# --- round trips ----------------------------------------------------------------------------


@pytest.mark.parametrize("build", [campus_switch, branch_router])
def test_hand_built_models_survive_the_round_trip(build: object) -> None:
    config = build()  # type: ignore[operator]
    assert roundtrip(config) == []


def test_round_trip_is_exact_on_the_model_areas() -> None:
    config = campus_switch()
    rendered = render(config)
    back = PLATFORM.parse(rendered.text).config
    assert not [
        e for e in PLATFORM.parse(rendered.text).report.lines.values() if e.outcome == "unsupported"
    ]
    for area in (
        "system",
        "interfaces",
        "vlans",
        "vrfs",
        "static_routes",
        "ospf",
        "bgp",
        "acls",
        "prefix_lists",
        "community_lists",
        "as_path_lists",
        "route_maps",
        "services",
    ):
        expected = normalise(to_plain(getattr(config, area)), area)
        assert differences(expected, normalise(to_plain(getattr(back, area)), area)) == [], area


def test_what_vrp_cannot_hold_is_reported_not_dropped() -> None:
    config = campus_switch()
    config.interfaces["Vlanif10"].load_interval = 30
    config.system.telnet_tos = "E0"
    config.interfaces["Vlanif10"].ospf.demand_circuit = True  # type: ignore[union-attr]
    config.interfaces["Vlanif10"].at(7, "load_interval")
    config.system.at(8, "telnet_tos")
    rendered = render(config)
    assert rendered.ignored[7].startswith("the traffic statistics interval")
    assert rendered.unsupported[8] == "huawei_vrp has no form for DeviceConfig.system.telnet_tos"
    assert roundtrip(config) == []  # dropped fields are left out of the comparison


# --- shaping for VRP ------------------------------------------------------------------------


def test_cisco_numbered_acls_get_vrp_numbers_and_references_follow() -> None:
    config = DeviceConfig()
    config.acls["10"] = copy.deepcopy(campus_switch().acls["2010"])
    config.acls["10"].name = "10"
    ifc = config.interface("GigabitEthernet0/0/1")
    ifc.acl_in = "10"
    config.system.snmp.communities = copy.deepcopy(campus_switch().system.snmp.communities)
    config.system.snmp.communities[0].acl = "10"
    text = render(config).text
    assert "acl number 2010\n rule 5 permit source 192.0.2.0 0.0.0.255\n rule 10 deny\n" in text
    assert " traffic-filter inbound acl 2010\n" in text
    assert "acl 2010\n" in text.split("snmp-agent community")[1]


def test_ios_translation_accounts_for_vrp_differences() -> None:
    ios = """\
hostname EDGE
banner motd ^CAuthorised only^C
interface GigabitEthernet0/1
 ip address 10.0.0.2 255.255.255.0
 standby 1 ip 10.0.0.1
 standby 1 priority 110
 ip access-group 101 in
!
access-list 101 permit tcp any host 10.0.0.5 eq 22
line vty 0 15
 login local
 transport input ssh
!
end
"""
    result = translate_text(ios, "huawei_vrp", source="cisco_ios")
    assert result.roundtrip.ok, result.roundtrip.differences
    text = result.target_config
    assert "interface GigabitEthernet0/0/1\n" in text
    assert " vrrp vrid 1 virtual-ip 10.0.0.1\n vrrp vrid 1 priority 110\n" in text
    assert (
        "acl number 3101\n rule 5 permit tcp destination 10.0.0.5 0 destination-port eq 22\n"
        " rule 10 deny ip\n" in text
    )
    assert "user-interface vty 0 14\n authentication-mode aaa\n protocol inbound ssh\n" in text
    assert 'header login information "Authorised only"' in text
    assert "stelnet server enable" in text
    status = {ln.text.strip(): ln for ln in result.lines}
    assert status["standby 1 ip 10.0.0.1"].status == "translated-with-change"
    assert "3101" in (status["access-list 101 permit tcp any host 10.0.0.5 eq 22"].reason or "")
    assert "implicit deny" in (status["ip access-group 101 in"].reason or "")
    assert "0-14" in (status["line vty 0 15"].reason or "")


def test_ios_defaults_vrp_lacks_are_made_explicit() -> None:
    """IOS answers proxy ARP and resolves names by default; VRP does neither unless told."""
    ios = """\
hostname EDGE
ip name-server 192.0.2.53
interface GigabitEthernet0/1
 ip address 10.0.0.2 255.255.255.0
interface GigabitEthernet0/2
 ip address 10.0.1.2 255.255.255.0
 no ip proxy-arp
interface Loopback0
 ip address 10.255.0.1 255.255.255.255
end
"""
    result = translate_text(ios, "huawei_vrp", source="cisco_ios")
    assert result.roundtrip.ok, result.roundtrip.differences
    text = result.target_config
    assert "dns resolve\n" in text
    assert (
        "interface GigabitEthernet0/0/1\n ip address 10.0.0.2 255.255.255.0\n arp-proxy enable\n"
        in text
    )
    assert "interface GigabitEthernet0/0/2\n ip address 10.0.1.2 255.255.255.0\n#" in text
    assert "interface LoopBack0\n ip address 10.255.0.1 255.255.255.255\n#" in text
    status = {ln.text.strip(): ln for ln in result.lines}
    assert status["ip name-server 192.0.2.53"].target == ["dns resolve", "dns server 192.0.2.53"]
    assert "made explicit" in (status["ip name-server 192.0.2.53"].reason or "")
    first = status["ip address 10.0.0.2 255.255.255.0"]
    assert first.status == "translated-with-change" and "proxy ARP" in (first.reason or "")
    assert status["no ip proxy-arp"].status == "ignored"


# --- secrets and detection ------------------------------------------------------------------


def test_secrets_read_as_their_native_kind_and_references_read_back() -> None:
    text = """\
#
aaa
 local-user a password irreversible-cipher $1a$abc$def
 local-user b password cipher %^%#abcdefgh%^%#
 local-user c password irreversible-cipher {{secret:users.c}}
#
return
"""
    parsed = PLATFORM.parse(text)
    users = parsed.config.system.users
    assert users["a"].secret is not None and users["a"].secret.kind == "huawei_hash"
    assert users["b"].secret is not None and users["b"].secret.kind == "huawei_cipher"
    assert users["c"].secret == Secret("ref", "users.c")
    assert "%^%#abcdefgh%^%#" not in parsed.report.shown_text(4)


def test_vrp5_exports_are_detected_as_vrp5() -> None:
    for prefix in ("02", "03", "04", "05"):
        assert detect_platform(read_config(corpus(prefix)).text) == "huawei_vrp", prefix

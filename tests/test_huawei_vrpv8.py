"""Huawei VRP8 (`huawei_vrpv8`, CloudEngine CE6800 / NetEngine NE40E): NE40E corpus lines into
model values, the VRP8 differences in reviewed rendered text, round trips, every rendered line
against Huawei's command reference, and translation from IOS with CloudEngine port names."""

from __future__ import annotations

import copy
from ipaddress import IPv4Interface, IPv4Network
from pathlib import Path

import pytest
from conftest import shared_dir
from huawei_models import branch_router, campus_switch, shaped_render
from huawei_models import roundtrip as shaped_roundtrip

from orchestrator.adapt import adapt
from orchestrator.detect import detect_platform
from orchestrator.model import Address4, DeviceConfig, MgmtLine
from orchestrator.syntax.base import Rendered
from orchestrator.syntax.huawei_vrpv8 import PLATFORM
from orchestrator.syntax.text import read_config
from orchestrator.translate import render_and_check, translate_text

HUAWEI = sorted((shared_dir() / "corpus" / "huawei").glob("*.cfg"))


def corpus(prefix: str) -> Path:
    return next(p for p in HUAWEI if p.name.startswith(prefix))


def parse_file(prefix: str) -> DeviceConfig:
    return PLATFORM.parse(read_config(corpus(prefix)).text, path=prefix).config


def roundtrip(config: DeviceConfig) -> list[str]:
    return shaped_roundtrip(config, PLATFORM.name)


def render(config: DeviceConfig) -> Rendered:
    return shaped_render(config, PLATFORM.name)


# --- the corpus (08-10 are NE40E examples; VRP5 exports must parse too) ------------------------


@pytest.mark.parametrize("path", HUAWEI, ids=[p.name[:12] for p in HUAWEI])
def test_every_huawei_export_parses_and_survives_its_round_trip(path: Path) -> None:
    text = read_config(path).text
    parsed = PLATFORM.parse(text, path=str(path))
    counted = {ln.n for ln in PLATFORM.counted_lines(text)}
    assert set(parsed.report.lines) == counted
    config = parsed.config
    adapted = adapt(
        copy.deepcopy(config), PLATFORM.name, PLATFORM.name, {n: n for n in config.interfaces}
    )
    check = render_and_check(adapted, PLATFORM.name)[1]
    assert check.ok, check.differences


def test_ne40e_l3vpn_pe_reads_into_the_model() -> None:
    c = parse_file("08")
    assert c.system.hostname == "PE1"
    vpna = c.vrfs["vpna"]
    assert (vpna.rd, vpna.import_targets, vpna.export_targets, vpna.ipv4) == (
        "100:1",
        ["111:1"],
        ["111:1"],
        True,
    )
    ge = c.interfaces["GigabitEthernet0/1/1"]  # NE40E spelling kept, canonical on VRP8
    assert (ge.kind, ge.vrf, ge.shutdown) == ("ethernet", "vpna", False)
    assert ge.ipv4[0].address == IPv4Interface("10.1.1.2/24")
    assert c.interfaces["Tunnel10"].ipv4_unnumbered == "LoopBack1"
    bgp = c.bgp
    assert bgp is not None and bgp.asn == "100"
    peer = bgp.neighbors["3.3.3.9"]
    assert (peer.remote_as, peer.update_source) == ("100", "LoopBack1")
    assert bgp.vrfs["vpna"].neighbors["10.1.1.1"].remote_as == "65410"
    families = {(af.afi, af.vrf): af for af in bgp.address_families}
    assert list(families[("vpnv4", None)].peers) == ["3.3.3.9"]
    assert families[("ipv4", None)].synchronization is False
    assert [r.protocol for r in families[("ipv4", "vpna")].redistribute] == ["connected"]


def test_ne40e_vxlan_gateway_reads_its_policies() -> None:
    c = parse_file("09")
    assert c.interfaces["Vbdif10"].kind == "svi" and c.interfaces["Vbdif10"].vrf == "vpn1"
    assert c.interfaces["Vbdif10"].mac_address == "00e0.fc00.0002"
    route = c.static_routes[0]
    assert (route.prefix, route.vrf, route.interface, route.tag) == (
        IPv4Network("0.0.0.0/0"),
        "vpn1",
        "NULL0",
        2000,
    )
    entry = c.prefix_lists["lp"].entries[0]
    assert (entry.seq, entry.action, entry.prefix) == (10, "permit", IPv4Network("33.33.33.33/32"))
    nodes = c.route_maps["dp"].entries
    assert [(n.seq, n.action) for n in nodes] == [(10, "permit"), (15, "permit"), (20, "deny")]
    assert nodes[0].matches[0].kind == "tag" and nodes[1].matches[0].values == ["lp"]
    assert c.bgp is not None
    vrf_af = c.bgp.family("ipv4", "unicast", "vpn1")
    assert vrf_af.peers["5.5.5.5"].route_map_out == "p1"
    assert [str(n.prefix) for n in vrf_af.networks] == ["0.0.0.0/0"]


def test_ne40e_bras_reads_radius_groups_and_dot1q_subinterfaces() -> None:
    c = parse_file("10")
    sub = c.interfaces["GigabitEthernet0/3/6.1"]
    assert (sub.kind, sub.encapsulation_vlan) == ("subinterface", 400)
    assert (sub.fhrp[0].group, sub.fhrp[0].virtual_ip, sub.fhrp[0].priority) == (
        1,
        ["10.24.0.100"],
        120,
    )
    aaa = c.system.aaa
    assert aaa.groups == {"rd2": ["192.168.8.249"], "rd1": ["192.168.7.249"]}
    server = next(s for s in aaa.servers if s.address == "192.168.7.249")
    assert (server.port, server.acct_port) == (1812, 1813)
    assert server.key is not None and server.key.kind == "huawei_cipher"
    assert c.route_maps["rui"].entries[0].sets[0].values == ["10"]


def test_ne40e_examples_are_detected_as_vrp8() -> None:
    for prefix in ("08", "09", "10"):
        assert detect_platform(read_config(corpus(prefix)).text) == "huawei_vrpv8", prefix


# --- rendering: the VRP8 differences --------------------------------------------------------

CAMPUS_VRP8 = """\
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
 ipv4-family
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
traffic classifier acl-3001 type or
 if-match acl 3001
#
traffic behavior acl-3001
 permit
#
traffic policy acl-3001
 classifier acl-3001 behavior acl-3001
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
 local-user admin privilege level 3
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
 vrrp vrid 10 preempt timer delay 30
 vrrp vrid 10 timer advertise 2
 vrrp vrid 10 track interface GE1/0/1 reduce 30
 traffic-policy acl-3001 inbound
 dhcp select relay
 dhcp relay server-ip 192.0.2.67
 arp proxy enable
#
interface Eth-Trunk1
 description uplink
 port link-type trunk
 port trunk pvid vlan 99
 undo port trunk allow-pass vlan 1
 port trunk allow-pass vlan 10 20 99
 mode lacp-static
 lacp timeout fast
#
interface GE1/0/1
 description member 1
 eth-trunk 1
#
interface GE1/0/2
 description member 2
 eth-trunk 1
#
interface GE1/0/3
 port link-type access
 port default vlan 10
 stp edged-port enable
 lldp disable
 undo shutdown
#
interface GE1/0/4
 undo portswitch
 ip binding vpn-instance CUST
 ip address 198.51.100.1 255.255.255.252
 mtu 1500
 ospf network-type p2p
 arp proxy enable
 shutdown
#
interface GE1/0/5.100
 dot1q termination vid 100
 ip address 203.0.113.1 255.255.255.252
 arp proxy enable
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
ntp authentication enable
ntp authentication-keyid 1 authentication-mode md5 cipher {{secret:system.ntp.keys.1}}
ntp trusted authentication-keyid 1
ntp server source-interface LoopBack0
ntp unicast-server 192.0.2.123 authentication-keyid 1
ntp unicast-server 192.0.2.124 preferred
#
stelnet server enable
ssh authentication-type default password
telnet server disable
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


def test_campus_switch_renders_reviewed_vrp8_text() -> None:
    assert render(campus_switch("GE1/0/")).text == CAMPUS_VRP8


def test_vrp8_filters_with_traffic_policies_and_reads_them_back_as_acls() -> None:
    config = campus_switch("GE1/0/")
    text = render(config).text
    assert "traffic-filter" not in text
    assert " traffic-policy acl-3001 inbound\n" in text
    back = PLATFORM.parse(text).config
    assert back.interfaces["Vlanif10"].acl_in == "3001"
    assert back.interfaces["Vlanif10"].service_policy_in is None
    assert "acl-3001" not in back.services.policy_maps


def test_cloudengine_ports_with_addresses_are_routed() -> None:
    config = DeviceConfig()
    ifc = config.interface("GE1/0/7")
    ifc.ipv4 = [Address4(address=IPv4Interface("192.0.2.9/31"))]
    text = render(config).text
    assert "interface GE1/0/7\n undo portswitch\n ip address 192.0.2.9 255.255.255.254\n" in text
    assert config.interfaces["GE1/0/7"].routed is True  # shaped, and read back the same
    assert roundtrip(config) == []


def test_cloudengine_console_takes_the_authentication_mode_only() -> None:
    config = DeviceConfig()
    config.system.lines = [
        MgmtLine(kind="console", first=0, login="aaa", exec_timeout=300, privilege=15)
    ]
    config.system.lines[0].at(3, "exec_timeout")
    config.system.lines[0].at(4, "privilege")
    rendered = render(config)
    assert "user-interface con 0\n authentication-mode aaa\n#\n" in rendered.text
    assert rendered.unsupported[3].startswith("the CloudEngine console view")
    assert rendered.ignored[4] == "with AAA login the user's own level applies"
    assert roundtrip(config) == []


def test_branch_router_features_vrp8_lacks_are_reported() -> None:
    config = branch_router()
    config.services.nat_rules[0].at(21)
    rendered = render(config)
    assert "nat outbound" not in rendered.text
    assert "do not translate addresses" in rendered.unsupported[21]
    assert roundtrip(branch_router()) == []


@pytest.mark.parametrize("port", ["GE1/0/", "GigabitEthernet0/1/"])
def test_campus_switch_round_trip(port: str) -> None:
    assert roundtrip(campus_switch(port)) == []


# --- every rendered line against Huawei's reference ------------------------------------------


def test_campus_switch_lines_are_in_the_command_reference() -> None:
    import huawei_reference
    import huawei_views

    ref = huawei_reference.reference()
    tracker = huawei_views.ViewTracker(ports_layer2=True)
    failures = []
    for emission in render(campus_switch("GE1/0/")).emissions:
        line = " ".join(emission.text.split())
        if line in ("#", "return"):
            continue
        views = tracker.views(emission.view)
        tracker.observe(emission.view, line)
        results = [ref.match(line, view) for view in views if view is not None]
        if not any(r.matched for r in results):
            failures.append((line, emission.view))
    assert failures == []


# --- translation from IOS ---------------------------------------------------------------------


def test_ios_router_to_cloudengine() -> None:
    ios = """\
hostname CORE
interface GigabitEthernet0/1
 no switchport
 ip address 10.0.0.1 255.255.255.252
 ip ospf cost 20
!
interface GigabitEthernet0/2
 switchport mode trunk
 switchport trunk allowed vlan 10,20
!
router ospf 1
 network 10.0.0.0 0.0.0.3 area 0
!
end
"""
    result = translate_text(ios, PLATFORM.name, source="cisco_ios")
    assert result.roundtrip.ok, result.roundtrip.differences
    text = result.target_config
    assert (
        "interface GE0/0/1\n undo portswitch\n ip address 10.0.0.1 255.255.255.252\n ospf cost 20\n"
    ) in text
    assert (
        "interface GE0/0/2\n port link-type trunk\n undo port trunk allow-pass vlan 1\n"
        " port trunk allow-pass vlan 10 20\n"
    ) in text
    assert "ospf 1\n area 0.0.0.0\n  network 10.0.0.0 0.0.0.3\n" in text

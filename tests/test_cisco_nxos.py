"""Cisco NX-OS parser: real corpus snippets → model values checked by hand, the corpus as a whole,
detection against IOS, and the NX-OS OSPF reference bandwidth made explicit for other targets."""

from __future__ import annotations

import copy
import textwrap
from ipaddress import IPv4Interface, IPv4Network

import pytest
from conftest import corpus_files

from orchestrator.adapt import adapt
from orchestrator.model import Secret
from orchestrator.syntax.base import Parsed
from orchestrator.syntax.cisco_ios import PLATFORM as IOS
from orchestrator.syntax.cisco_nxos import PLATFORM as NXOS
from orchestrator.syntax.text import read_config
from orchestrator.translate import plan_port_names

NX_FILES = corpus_files("cisco_nxos")
IOS_FILES = corpus_files("cisco_ios")


def parse(text: str) -> Parsed:
    return NXOS.parse(textwrap.dedent(text).lstrip("\n"))


def outcome(parsed: Parsed, text: str) -> tuple[str, str | None]:
    """The outcome and reason of the first counted line reading ``text``."""
    entry = next(e for e in parsed.report.lines.values() if e.text == text)
    return entry.outcome, entry.reason


# --- the corpus -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [p for _, p in NX_FILES], ids=lambda p: p.name)
def test_corpus_file_parses_and_every_line_has_a_verdict(path: object) -> None:
    parsed = NXOS.parse(read_config(path).text, path=str(path))  # type: ignore[arg-type]
    vague = [
        (e.n, e.text)
        for e in parsed.report.lines.values()
        if e.outcome == "unsupported" and (e.reason or "").startswith("not understood")
    ]
    assert vague == []


def test_corpus_share_parsed_or_ignored() -> None:
    counted = accounted = 0
    for _, path in NX_FILES:
        counts = NXOS.parse(read_config(path).text).report.counts()
        counted += sum(counts.values())
        accounted += sum(counts.get(k, 0) for k in ("parsed", "ignored", "block"))
    # measured 0.942; what is left is FEX (82 lines), NetFlow, ERSPAN, NX-API, single lines
    assert accounted / counted >= 0.94


@pytest.mark.parametrize("path", [p for _, p in NX_FILES], ids=lambda p: p.name)
def test_detection_tells_nxos_from_ios(path: object) -> None:
    text = read_config(path).text  # type: ignore[arg-type]
    assert NXOS.detect_score(text) > IOS.detect_score(text)


@pytest.mark.parametrize("path", [p for _, p in IOS_FILES], ids=lambda p: p.name)
def test_detection_leaves_ios_to_ios(path: object) -> None:
    text = read_config(path).text  # type: ignore[arg-type]
    assert IOS.detect_score(text) > NXOS.detect_score(text)


def test_platform_is_an_ios_variant() -> None:
    assert NXOS.name == "cisco_nxos"
    assert NXOS.family == "cisco"
    assert NXOS.features == IOS.features
    assert NXOS.ospf_reference_bandwidth == 40000
    assert NXOS.renders is False


# --- interfaces -------------------------------------------------------------------------------

HSRP = """
track 2 interface Ethernet3/31 line-protocol
interface Vlan249
  description
  no shutdown
  no ip redirects
  ip address 10.249.255.253/16
  hsrp 2
    authentication text HSRPAUTH
    preempt
    priority 105 forwarding-threshold lower 1 upper 105
    ip 10.249.0.1
    track 2
interface Vlan3237
  vrf member KILO
  ip address 10.223.137.3/24
  hsrp 2
    preempt delay reload 180
    timers msec 250 msec 750
    ip 10.223.137.1
"""


def test_hsrp_block_with_track_object() -> None:
    parsed = parse(HSRP)
    ifc = parsed.config.interfaces["Vlan249"]
    assert ifc.kind == "svi"
    assert ifc.ipv4[0].address == IPv4Interface("10.249.255.253/16")
    assert ifc.shutdown is False and ifc.redirects is False and ifc.description is None
    (group,) = ifc.fhrp
    assert (group.protocol, group.group, group.virtual_ip) == ("hsrp", 2, ["10.249.0.1"])
    assert (group.priority, group.preempt) == (105, True)
    assert group.auth == Secret("plain", "HSRPAUTH")
    # `track 2` names the object on line 1: the group tracks that interface, decrement 10
    assert group.track == [("Ethernet3/31", 10)]
    assert set(group.src.get("track")) == {1, 12}
    assert outcome(parsed, "description")[0] == "ignored"
    assert "HSRPAUTH" not in parsed.report.shown_text(6)


def test_hsrp_reload_delay_and_msec_timers() -> None:
    parsed = parse(HSRP)
    ifc = parsed.config.interfaces["Vlan3237"]
    assert ifc.vrf == "KILO"
    (group,) = ifc.fhrp
    assert (group.preempt, group.preempt_delay) == (True, 180)
    assert group.hello is None
    assert outcome(parsed, "timers msec 250 msec 750")[0] == "unsupported"


def test_hsrp_version_applies_to_the_groups_of_the_interface() -> None:
    parsed = parse(
        """
        interface Vlan10
          no shutdown
          ip address 10.1.10.2/24
          hsrp version 2
          hsrp 10
            priority 120 forwarding-threshold lower 1 upper 120
            ip 10.1.10.1
        """
    )
    (group,) = parsed.config.interfaces["Vlan10"].fhrp
    assert (group.version, group.priority, group.virtual_ip) == (2, 120, ["10.1.10.1"])


def test_routed_ports_mgmt_and_speed_class() -> None:
    parsed = parse(
        """
        interface mgmt0
          vrf member management
          ip address 10.0.0.71/24
        interface Ethernet2/2
          no switchport
          mac-address 2cc2.604f.feb2
          ip address 10.100.100.1/24
          ipv6 address 2001::db8:1010:200c:1/64
          no shutdown
        interface Ethernet1/5
          speed 1000
          switchport mode trunk
          switchport trunk native vlan 5
          switchport trunk allowed vlan 1-50
        interface loopback0
          ip address 1.1.1.3/32
          ip address 1.1.1.112/32 secondary
        """
    )
    ifcs = parsed.config.interfaces
    assert (ifcs["mgmt0"].kind, ifcs["mgmt0"].vrf) == ("management", "management")
    eth = ifcs["Ethernet2/2"]
    assert (eth.kind, eth.routed, eth.mac_address) == ("ethernet", True, "2cc2.604f.feb2")
    assert [str(a.address) for a in eth.ipv6] == ["2001::db8:1010:200c:1/64"]
    trunk = ifcs["Ethernet1/5"].switchport
    assert trunk is not None and trunk.mode == "trunk"
    assert (trunk.native_vlan, trunk.trunk_allowed) == (5, list(range(1, 51)))
    assert [(str(a.address), a.secondary) for a in ifcs["loopback0"].ipv4] == [
        ("1.1.1.3/32", False),
        ("1.1.1.112/32", True),
    ]
    # NX-OS `Ethernet` is a 10G port unless `speed` says otherwise
    names = plan_port_names(parsed, "huawei_vrp")
    assert names["Ethernet2/2"] == "XGigabitEthernet2/0/2"
    assert names["Ethernet1/5"] == "GigabitEthernet1/0/5"


def test_channel_group_without_mode_is_static() -> None:
    parsed = parse(
        """
        interface Ethernet7/23
          channel-group 80 mode active
        interface Ethernet2/1
          switchport
          switchport mode fex-fabric
          fex associate 112
          channel-group 112
        """
    )
    ifcs = parsed.config.interfaces
    assert (ifcs["Ethernet7/23"].lag_group, ifcs["Ethernet7/23"].lag_mode) == (80, "active")
    assert (ifcs["Ethernet2/1"].lag_group, ifcs["Ethernet2/1"].lag_mode) == (112, "on")
    assert ifcs["port-channel80"].kind == "lag"
    status, reason = outcome(parsed, "fex associate 112")
    assert status == "unsupported" and "FEX" in (reason or "")


def test_vpc_domain_peer_link_and_legs() -> None:
    parsed = parse(
        """
        vpc domain 100
          role priority 1000
          system-priority 2000
          peer-keepalive destination 10.1.20.3 source 10.1.20.2 vrf keepalive
          peer-gateway
        interface port-channel12
          switchport mode trunk
          spanning-tree port type network
          vpc peer-link
        interface port-channel50
          switchport
          switchport mode trunk
          vpc 50
        """
    )
    mlag = parsed.config.mlag
    assert mlag is not None
    assert (mlag.domain, mlag.role_priority, mlag.system_priority) == (100, 1000, 2000)
    assert (mlag.keepalive_destination, mlag.keepalive_source, mlag.keepalive_vrf) == (
        "10.1.20.3",
        "10.1.20.2",
        "keepalive",
    )
    assert mlag.peer_gateway is True
    assert mlag.peer_link == "port-channel12"
    assert parsed.config.interfaces["port-channel50"].mlag_id == 50
    assert outcome(parsed, "spanning-tree port type network")[0] == "unsupported"


# --- VRFs, static routes, OSPF ------------------------------------------------------------------


def test_vrf_context_routes_and_next_hop_vrf() -> None:
    parsed = parse(
        """
        ip route 0.0.0.0/0 10.1.100.1 vrf management
        ip route 7.7.7.7/32 10.10.50.1
        vrf context CHARLIE
          ip route 192.0.2.0/24 port-channel80.1 10.10.200.134
        vrf context management
          ip domain-name cisconxapi.com
          ip name-server 8.8.8.8
          ip route 0.0.0.0/0 10.1.100.1
        """
    )
    leak, plain, charlie, mgmt = parsed.config.static_routes
    assert (leak.prefix, leak.vrf, leak.next_hop_vrf) == (
        IPv4Network("0.0.0.0/0"),
        None,
        "management",
    )
    assert (plain.prefix, plain.next_hop) == (IPv4Network("7.7.7.7/32"), "10.10.50.1")
    assert (charlie.vrf, charlie.interface, charlie.next_hop) == (
        "CHARLIE",
        "port-channel80.1",
        "10.10.200.134",
    )
    assert (mgmt.vrf, mgmt.next_hop) == ("management", "10.1.100.1")
    assert set(parsed.config.vrfs) == {"CHARLIE", "management"}
    (dns,) = parsed.config.system.dns_servers
    assert (dns.address, dns.vrf) == ("8.8.8.8", "management")
    # a domain name only for the management VRF: the model has one, global, domain
    assert outcome(parsed, "ip domain-name cisconxapi.com")[0] == "unsupported"


def test_interface_mode_ospf_and_reference_bandwidth() -> None:
    parsed = parse(
        """
        interface loopback10
          ip address 1.1.1.1/32
          ip router ospf 10 area 0.0.0.5
          ip ospf passive-interface
        router ospf 10
          router-id 1.1.1.1
          passive-interface default
          auto-cost reference-bandwidth 100 Gbps
          log-adjacency-changes
        router ospf myospf
        """
    )
    ospf = parsed.config.interfaces["loopback10"].ospf
    assert ospf is not None
    assert (ospf.process, ospf.area, ospf.passive) == ("10", "0.0.0.5", True)
    process = parsed.config.ospf["10"]
    assert (process.router_id, process.passive_default) == ("1.1.1.1", True)
    assert (process.reference_bandwidth, process.log_adjacency) == (100000, True)
    assert parsed.config.ospf["myospf"].reference_bandwidth is None


def test_nxos_reference_bandwidth_is_made_explicit_for_a_target() -> None:
    parsed = parse(
        """
        interface Ethernet2/1
          no switchport
          ip address 10.10.10.1/24
          ip router ospf 10 area 0.0.0.5
        router ospf 10
        """
    )
    names = {name: name for name in parsed.config.interfaces}
    adapted = adapt(copy.deepcopy(parsed.config), "cisco_nxos", "cisco_ios", names)
    assert adapted.config.ospf["10"].reference_bandwidth == 40000
    changes = adapted.notes.result.changes
    assert any("40000" in note for notes in changes.values() for note in notes)


# --- BGP --------------------------------------------------------------------------------------

BGP = """
interface loopback1
  ip address 10.10.200.253/32
router bgp 65001
  router-id loopback1
  log-neighbor-changes
  address-family ipv4 unicast
    redistribute direct route-map internal
  neighbor 10.10.200.242 remote-as 65001
    password 3 a667d47acc18ea6b
    shutdown
    address-family ipv4 unicast
      soft-reconfiguration inbound
  neighbor 10.138.200.242 remote-as 65001
    shutdown
  vrf GOLF
    address-family ipv4 unicast
      redistribute static route-map internal
    neighbor 10.152.201.130 remote-as 65301
      bfd
      address-family ipv4 unicast
        next-hop-self
"""


def test_bgp_neighbor_blocks_and_vrfs() -> None:
    parsed = parse(BGP)
    bgp = parsed.config.bgp
    assert bgp is not None
    assert (bgp.asn, bgp.router_id, bgp.log_neighbor_changes) == ("65001", "10.10.200.253", True)
    assert bgp.default_ipv4_unicast is False  # NX-OS activates only where the block says so
    peer = bgp.neighbors["10.10.200.242"]
    assert (peer.remote_as, peer.shutdown) == ("65001", True)
    assert peer.password == Secret("nxos3", "a667d47acc18ea6b")
    glob = bgp.family("ipv4", "unicast")
    (redist,) = glob.redistribute
    assert (redist.protocol, redist.route_map) == ("connected", "internal")
    assert glob.peers["10.10.200.242"].soft_reconfiguration is True
    # a neighbor without an address-family block does not run IPv4 unicast
    assert "10.138.200.242" not in glob.peers
    vrf_peer = bgp.vrfs["GOLF"].neighbors["10.152.201.130"]
    assert (vrf_peer.remote_as, vrf_peer.bfd) == ("65301", True)
    golf = bgp.family("ipv4", "unicast", "GOLF")
    assert golf.peers["10.152.201.130"].next_hop_self is True
    assert [r.protocol for r in golf.redistribute] == ["static"]
    assert "a667d47acc18ea6b" not in parsed.report.shown_text(7)


def test_bgp_templates_are_peer_groups() -> None:
    parsed = parse(
        """
        router bgp 65000
          router-id 1.1.1.1
          address-family ipv4 unicast
            network 1.1.1.1/32
          address-family l2vpn evpn
            retain route-target all
          template peer LEAF
            remote-as 65000
            address-family ipv4 unicast
              disable-peer-as-check
              route-reflector-client
              send-community
              send-community extended
          neighbor 10.10.11.2
            inherit peer LEAF
          neighbor 10.10.100.2
            remote-as 65000
            address-family l2vpn evpn
              send-community extended
              route-map permitall out
        """
    )
    bgp = parsed.config.bgp
    assert bgp is not None
    assert bgp.peer_groups["LEAF"].remote_as == "65000"
    assert bgp.neighbors["10.10.11.2"].peer_group == "LEAF"
    leaf = bgp.family("ipv4", "unicast").peers["LEAF"]
    assert (leaf.route_reflector_client, leaf.send_community) == (True, "both")
    assert [str(n.prefix) for n in bgp.family("ipv4", "unicast").networks] == ["1.1.1.1/32"]
    evpn = bgp.family("l2vpn-evpn", "evpn")
    assert evpn.retain_route_target_all is True
    assert evpn.peers["10.10.100.2"].route_map_out == "permitall"
    assert evpn.peers["10.10.100.2"].send_community == "extended"
    assert outcome(parsed, "disable-peer-as-check")[0] == "unsupported"
    assert outcome(parsed, "neighbor 10.10.11.2")[0] == "block"


# --- VXLAN / EVPN -------------------------------------------------------------------------------


def test_vxlan_evpn_leaf() -> None:
    parsed = parse(
        """
        nv overlay evpn
        feature nv overlay
        vlan 10
          vn-segment 10010
        vrf context vrf1
          vni 100333
          rd auto
          address-family ipv4 unicast
            route-target both auto
            route-target both auto evpn
        interface nve1
          no shutdown
          host-reachability protocol bgp
          source-interface loopback0
          member vni 10010
            suppress-arp
            ingress-replication protocol bgp
          member vni 100333 associate-vrf
        evpn
          vni 10010 l2
            rd auto
            route-target import auto
            route-target export auto
        """
    )
    config = parsed.config
    assert config.vlans[10].vni == 10010
    vrf = config.vrfs["vrf1"]
    assert (vrf.vni, vrf.evpn_import_targets, vrf.evpn_export_targets) == (
        100333,
        ["auto"],
        ["auto"],
    )
    assert vrf.rd is None and vrf.import_targets == []
    assert outcome(parsed, "rd auto")[0] == "unsupported"  # the VRF's; the EVPN one is parsed
    nve = config.nve["nve1"]
    assert (nve.shutdown, nve.source_interface, nve.bgp_evpn) == (False, "loopback0", True)
    l2, l3 = nve.vnis[10010], nve.vnis[100333]
    assert (l2.suppress_arp, l2.replication, l2.l3) == (True, "bgp", False)
    assert l3.l3 is True
    evpn = config.evpn_vnis[10010]
    assert (evpn.rd, evpn.import_targets, evpn.export_targets) == ("auto", ["auto"], ["auto"])
    assert outcome(parsed, "nv overlay evpn")[0] == "ignored"
    assert outcome(parsed, "evpn")[0] == "block"


# --- system -------------------------------------------------------------------------------------

SYSTEM = """
version 9.3(3) Bios:version
hostname jcy-spine-01
vdc jcy-spine-01 id 1
  limit-resource vlan minimum 16 maximum 4094
feature telnet
feature bgp
feature lldp
cfs eth distribute
banner motd #
This is a test,
banner message.
#
logging level aaa 4
no password strength-check
{admin}
username ntc passphrase  lifetime 99999 warntime 14 gracetime 3
username viewer password 5 $1$nGd5VWnS$LJ/a9ztNEt6xruMCG2Erl/  role network-operator
ip domain-lookup
ip name-server 8.8.8.8 8.8.4.4 use-vrf management
copp profile strict
{snmp_ntc}
{snmp_admin}
rmon event 1 description FATAL(1) owner PMON@FATAL
snmp-server community secure group network-admin
snmp-server community networktocode group network-operator
snmp-server community secure use-acl my_acl
ntp server 10.1.1.1 use-vrf default
ntp server 10.2.2.2 prefer use-vrf management
clock summer-time CEST 5 Sun Mar 02:00 5 Sun Oct 03:00 60
logging server 10.125.1.171 6 port 7008 use-vrf management
logging source-interface loopback 1
line console
line vty
  session-limit 16
  exec-timeout 30
boot nxos bootflash:/nxos.9.3.3.bin sup-1
""".format(
    # the corpus lines that do not fit in 100 columns
    admin="username admin password 5 $5$aH4ttsPk$kNH7qXBaegskBUekuymPzaL5Q0Vh/mQVSdw4tQ0AcU7 "
    " role network-admin",
    snmp_ntc="snmp-server user ntc network-admin auth md5 0xe15d7e7768418903040d565987788402 "
    "priv 0xe15d7e7768418903040d565987788402 localizedkey",
    snmp_admin="snmp-server user admin auth md5 0x3c0c5d5139941831378b36418799e1cc priv aes-128 "
    "0x3c0c5d5139941831378b36418799e1cc localizedkey engineID 128:0:0:9:3:82:208:168:0:27:1",
)


def test_system_statements() -> None:
    parsed = parse(SYSTEM)
    system = parsed.config.system
    assert system.hostname == "jcy-spine-01"
    assert (system.telnet_server, system.lldp, system.domain_lookup) == (True, True, True)
    assert system.banners["motd"] == "This is a test,\nbanner message."
    assert [(s.address, s.vrf) for s in system.dns_servers] == [
        ("8.8.8.8", "management"),
        ("8.8.4.4", "management"),
    ]
    ntp = system.ntp.servers
    assert (ntp["10.1.1.1"].vrf, ntp["10.2.2.2"].vrf, ntp["10.2.2.2"].prefer) == (
        None,
        "management",
        True,
    )
    syslog = system.logging.hosts["10.125.1.171"]
    assert (syslog.level, syslog.port, syslog.vrf) == ("informational", 7008, "management")
    assert system.logging.source_interface == "loopback1"
    assert system.summer_time is not None
    assert (system.summer_time.start, system.summer_time.end) == (
        ("last", "Sun", "Mar", "02:00"),
        ("last", "Sun", "Oct", "03:00"),
    )
    (vty,) = system.lines  # `line console` with nothing under it sets nothing
    assert (vty.kind, vty.exec_timeout) == ("vty", 1800)


def test_users_roles_and_hashes() -> None:
    users = parse(SYSTEM).config.system.users
    admin, viewer = users["admin"], users["viewer"]
    assert (admin.role, admin.privilege) == ("network-admin", 15)
    assert admin.secret is not None and admin.secret.kind == "unix_hash"
    assert (viewer.role, viewer.privilege) == ("network-operator", 1)
    assert "ntc" not in users  # the passphrase line is NX-OS's default password aging


def test_snmp_users_and_communities() -> None:
    snmp = parse(SYSTEM).config.system.snmp
    ntc, admin = snmp.users["ntc"], snmp.users["admin"]
    assert (ntc.group, ntc.auth, ntc.priv) == ("network-admin", "md5", "des")
    assert ntc.auth_key == Secret("snmp_localized", "0xe15d7e7768418903040d565987788402")
    # no group: NX-OS gives the user network-operator
    assert (admin.group, admin.priv) == ("network-operator", "aes128")
    communities = {c.name.value: c for c in snmp.communities}
    assert (communities["secure"].access, communities["secure"].acl) == ("rw", "my_acl")
    assert communities["networktocode"].access == "ro"


def test_housekeeping_rules() -> None:
    parsed = parse(SYSTEM)
    for text in (
        "version 9.3(3) Bios:version",
        "limit-resource vlan minimum 16 maximum 4094",
        "feature bgp",
        "cfs eth distribute",
        "logging level aaa 4",
        "copp profile strict",
        "rmon event 1 description FATAL(1) owner PMON@FATAL",
        "username ntc passphrase  lifetime 99999 warntime 14 gracetime 3",
        "line console",
        "boot nxos bootflash:/nxos.9.3.3.bin sup-1",
    ):
        assert outcome(parsed, text)[0] == "ignored", text
    _, reason = outcome(parsed, "logging level aaa 4")
    assert "per-process" in (reason or "")
    system = parsed.config.system
    assert system.password_strength_check is False
    assert system.lines[0].max_sessions == 16
    shown = [parsed.report.shown_text(n) for n in parsed.report.lines]
    assert not any("0xe15d7e" in t or "networktocode" in t for t in shown)


def test_aaa_groups_in_a_vrf() -> None:
    parsed = parse(
        """
        errdisable recovery interval 120
        errdisable recovery cause all
        ip host pm.ntc.com 10.3.50.149
        logging monitor 4
        tacacs-server key 7 02050D4808095E731F
        ip tacacs source-interface loopback1
        tacacs-server host 10.10.6.165
        aaa group server tacacs+ tacacs
            server 10.10.6.165
            use-vrf management
        aaa authentication login default group tacacs
        aaa authorization config-commands default group tacacs
        """
    )
    system = parsed.config.system
    assert (system.errdisable_recovery_interval, system.errdisable_recovery_causes) == (
        120,
        ["all"],
    )
    assert system.ip_hosts == {"pm.ntc.com": ["10.3.50.149"]}
    assert system.logging.monitor_level == "warnings"
    aaa = system.aaa
    assert aaa.tacacs_source_interface == "loopback1"
    (server,) = aaa.servers
    assert (server.address, server.vrf) == ("10.10.6.165", "management")
    assert server.key == Secret("cisco7", "02050D4808095E731F")
    assert aaa.groups == {"tacacs": ["10.10.6.165"]}
    assert [(m.service, m.methods) for m in aaa.method_lists] == [
        ("login", ["group:tacacs"]),
        ("commands", ["group:tacacs"]),
    ]


def test_port_profile_and_span() -> None:
    parsed = parse(
        """
        port-profile type ethernet XenApp
          switchport
          switchport mode trunk
          state enabled
        monitor session 1
          source interface Ethernet3/30 both
          destination interface Ethernet3/2
          no shut
        """
    )
    status, reason = outcome(parsed, "switchport mode trunk")
    assert status == "ignored" and "inherited by no interface" in (reason or "")
    assert parsed.config.interfaces["Ethernet3/2"].monitor_sources == ["Ethernet3/30"]
    assert outcome(parsed, "no shut")[0] == "parsed"

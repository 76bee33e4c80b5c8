"""ZTE ZXROS: parsing real ZXROS lines, rendering reviewed text, and round trips over the model."""

from __future__ import annotations

from ipaddress import IPv4Interface, IPv4Network, IPv6Interface, ip_network

import pytest
from conftest import corpus_files

from orchestrator.adapt import Adapted, Notes
from orchestrator.model import (
    AaaMethodList,
    AaaServer,
    Acl,
    AclEntry,
    Address4,
    Address6,
    AddrMatch,
    AsPathEntry,
    AsPathList,
    Bgp,
    BgpAfPeer,
    BgpNeighbor,
    BgpNetwork,
    BgpPeerGroup,
    BgpVrf,
    CommunityList,
    CommunityListEntry,
    DeviceConfig,
    DhcpPool,
    FhrpGroup,
    InterfaceOspf,
    LocalUser,
    MgmtLine,
    Ospf,
    OspfArea,
    PortMatch,
    PrefixList,
    PrefixListEntry,
    Redistribution,
    RouteMap,
    RouteMapEntry,
    RouteMapMatch,
    RouteMapSet,
    Secret,
    Server,
    SnmpCommunity,
    SnmpHost,
    StaticRoute,
    Switchport,
    Vlan,
    Vrf,
)
from orchestrator.syntax.zte_zxros import PLATFORM
from orchestrator.translate import render_and_check


def ref(key: str) -> Secret:
    return Secret("ref", key)


def roundtrip(config: DeviceConfig) -> tuple[str, list[str]]:
    rendered, result = render_and_check(Adapted(config, Notes("zte_zxros")), "zte_zxros")
    return rendered.text, result.differences


# --- parsing real ZXROS text ------------------------------------------------------------------


@pytest.mark.parametrize("path", [p for _, p in corpus_files("zte_zxros")], ids=lambda p: p.name)
def test_corpus_parses(path: object) -> None:
    from pathlib import Path

    assert isinstance(path, Path)
    parsed = PLATFORM.parse_bytes(path.read_bytes(), path=str(path))
    config = parsed.config
    assert config.system.hostname == "ZTE"
    assert config.system.timezone == ("KIEV", 3, 0)
    assert config.interfaces["xgei-1/4/1"].description == "Uplink"
    assert config.interfaces["xgei-1/4/1"].shutdown is False
    assert config.interfaces["vlan502"].ipv4[0].address == IPv4Interface("10.1.2.3/24")
    assert config.interfaces["mgmt_eth"].kind == "management"
    assert config.system.ntp.servers["10.1.2.1"].prefer is True
    assert config.system.ssh_server is True
    assert config.system.login_block == (900, 30, 120)
    assert config.static_routes[0].prefix == IPv4Network("0.0.0.0/0")
    assert config.static_routes[0].next_hop == "10.1.2.1"
    assert config.system.banners["incoming"].startswith("Support: noc@golden.net.ua")
    users = config.system.users
    assert users["service"].privilege == 15
    assert users["service"].secret is not None and users["service"].secret.kind == "zte_encrypted"
    # the password wrapped at 80 columns is read whole
    assert users["service"].secret.value.endswith("ew9AdE+v57z")
    assert config.system.aaa.method_lists[0].methods == ["local"]
    outcomes = parsed.report.counts()
    assert outcomes.get("parsed", 0) > 90
    assert "ew9AdE" not in parsed.report.shown_text(131)


ZXROS_SAMPLE = """\
!<if-intf>
interface xgei-1/1/0/1
  description "to core"
  mtu 9000
  ip address 10.0.0.1 255.255.255.252
  no shutdown
$
interface xgei-1/1/0/1.201
  ip vrf forwarding S1
  ip address 10.10.10.249 255.255.255.252
$
interface smartgroup1
$
!</if-intf>
vlan-configuration
  interface xgei-1/1/0/1.201
    encapsulation-dot1q 201
  $
$
switchvlan-configuration
  vlan 10
    name USERS
  $
  interface smartgroup1
    switchport mode trunk
    switchport trunk vlan 2-40,100-110
    switchport trunk vlan 1801
    switchport trunk native vlan 1801
  $
$
lacp
  interface smartgroup1
    lacp mode 802.3ad
  $
  interface gei-0/2/0/5
    smartgroup 1 mode active
    lacp timeout short
  $
$
ipv4-access-list 120
  rule 5 permit ip 192.168.32.247 0.0.0.0 any
  rule 10 deny tcp any any eq 135
  rule 1000 deny any
$
router ospf 10
  router-id 1.1.1.1
  passive-interface default
  passive-interface xgei-1/1/0/1 disable
  auto-cost reference-bandwidth 100000
  area 0.0.0.0
    interface xgei-1/1/0/1
      network point-to-point
      cost 10
    $
  $
$
router bgp 65000
  bgp router-id 1.1.1.1
  synchronization disable
  network 1.1.1.1 255.255.255.255 route-map MARK
  neighbor CSG peer-group
  neighbor CSG remote-as 65000
  neighbor CSG update-source loopback100
  neighbor CSG next-hop-self
  neighbor 10.0.0.2 peer-group CSG
  address-family vpnv4
    neighbor CSG activate
    neighbor CSG send-community
  $
$
"""


def test_zxros_sample_statements() -> None:
    parsed = PLATFORM.parse(ZXROS_SAMPLE)
    config = parsed.config
    assert [e.outcome for e in parsed.report.lines.values()].count("unsupported") == 0
    up = config.interfaces["xgei-1/1/0/1"]
    assert (up.description, up.mtu, up.shutdown) == ("to core", 9000, False)
    sub = config.interfaces["xgei-1/1/0/1.201"]
    assert (sub.kind, sub.vrf, sub.encapsulation_vlan) == ("subinterface", "S1", 201)
    sw = config.interfaces["smartgroup1"].switchport
    assert sw is not None and sw.mode == "trunk" and sw.native_vlan == 1801
    assert sw.trunk_allowed == [*range(2, 41), *range(100, 111), 1801]
    member = config.interfaces["gei-0/2/0/5"]
    assert (member.lag_group, member.lag_mode, member.lacp_rate) == (1, "active", "fast")
    assert config.vlans[10].name == "USERS"
    acl = config.acls["120"]
    assert acl.entries[0].source == AddrMatch("192.168.32.247", "0.0.0.0")
    assert acl.entries[1].destination_port == PortMatch("eq", (135,))
    assert acl.entries[2].protocol is None and acl.entries[2].source is None
    ospf = config.ospf["10"]
    assert ospf.passive_default and ospf.active == ["xgei-1/1/0/1"]
    assert ospf.reference_bandwidth == 100000
    s = up.ospf
    assert s is not None and (s.process, s.area, s.cost, s.network_type) == (
        "10",
        "0.0.0.0",
        10,
        "point-to-point",
    )
    bgp = config.bgp
    assert bgp is not None and bgp.router_id == "1.1.1.1"
    assert bgp.peer_groups["CSG"].remote_as == "65000"
    assert bgp.neighbors["10.0.0.2"].peer_group == "CSG"
    main = bgp.family()
    assert main.networks[0].prefix == IPv4Network("1.1.1.1/32")
    assert main.networks[0].route_map == "MARK" and main.synchronization is False
    assert main.peers["CSG"].next_hop_self
    vpn = bgp.family("vpnv4", "vpn")
    assert vpn.peers["CSG"].send_community == "standard"


# --- rendering reviewed text ------------------------------------------------------------------


def test_render_interface_and_switching() -> None:
    config = DeviceConfig()
    config.system.hostname = "SW1"
    up = config.interface("gei-1/1/0/1")
    up.description = "uplink to core"
    up.lag_group, up.lag_mode = 1, "active"
    lag = config.interface("smartgroup1")
    lag.kind = "lag"
    lag.switchport = Switchport(mode="trunk", trunk_allowed=[10, 11, 12, 20], native_vlan=10)
    svi = config.interface("vlan10")
    svi.kind = "svi"
    svi.ipv4.append(Address4(address=IPv4Interface("10.1.1.2/24")))
    svi.fhrp.append(FhrpGroup(protocol="vrrp", group=1, virtual_ip=["10.1.1.1"], priority=110))
    svi.helper_addresses.append("10.9.9.9")
    svi.acl_in = "MGMT"
    config.vlans[10] = Vlan(id=10, name="USERS")
    text, diffs = roundtrip(config)
    assert diffs == []
    lines = text.splitlines()
    expected_blocks = [
        ["hostname SW1"],
        ["interface gei-1/1/0/1", '  description "uplink to core"', "$"],
        ["interface smartgroup1", "  switch attribute enable", "$"],
        ["interface vlan10", "  ip address 10.1.1.2 255.255.255.0", "$"],
        [
            "switchvlan-configuration",
            "  vlan 10",
            "    name USERS",
            "  $",
            "  interface smartgroup1",
            "    switchport mode trunk",
            "    switchport trunk vlan 10-12,20",
            "    switchport trunk native vlan 10",
            "  $",
            "$",
        ],
        [
            "lacp",
            "  interface smartgroup1",
            "    lacp mode 802.3ad",
            "  $",
            "  interface gei-1/1/0/1",
            "    smartgroup 1 mode active",
            "  $",
            "$",
        ],
        [
            "vrrp",
            "  interface vlan10",
            "    vrrp 1 ipv4 10.1.1.1",
            "    vrrp 1 priority 110",
            "  $",
            "$",
        ],
        ["ip dhcp relay server group 1", "  server 1 10.9.9.9", "$"],
        [
            "dhcp",
            "  enable",
            "  interface vlan10",
            "    mode relay",
            "    relay server group 1",
            "    relay agent 10.1.1.2",
            "  $",
            "$",
        ],
        ["ipv4-access-group interface vlan10 ingress MGMT"],
    ]
    for block in expected_blocks:
        start = lines.index(block[0])
        assert lines[start : start + len(block)] == block, block


def test_render_acl_port_operators() -> None:
    config = DeviceConfig()
    acl = config.acls["EDGE"] = Acl(name="EDGE")
    acl.entries += [
        AclEntry(
            seq=10,
            action="permit",
            protocol="tcp",
            source=AddrMatch("10.0.0.0", "0.0.0.255"),
            destination=None,
            destination_port=PortMatch("gt", (1023,)),
            established=True,
        ),
        AclEntry(seq=20, action="deny", protocol="udp", destination_port=PortMatch("lt", (1024,))),
        AclEntry(seq=30, action="permit", protocol="icmp", icmp_type="echo", log=True),
        AclEntry(seq=40, action="deny", protocol="tcp", destination_port=PortMatch("neq", (23,))),
    ]
    rendered, result = render_and_check(Adapted(config, Notes("zte_zxros")), "zte_zxros")
    lines = rendered.text.splitlines()
    start = lines.index("ipv4-access-list EDGE")
    assert lines[start : start + 5] == [
        "ipv4-access-list EDGE",
        "  rule 10 permit tcp 10.0.0.0 0.0.0.255 any ge 1024 established",
        "  rule 20 deny udp any any le 1023",
        "  rule 30 permit icmp any any echo log",
        "$",
    ]
    assert result.differences == []
    assert id(acl.entries[3]) in {i for i, _ in rendered.dropped}


# --- round trips over every model area -----------------------------------------------------------


def full_model() -> DeviceConfig:
    c = DeviceConfig()
    s = c.system
    s.hostname = "R1"
    s.domain_name = "example.net"
    s.dns_servers.append(Server(address="10.0.0.53"))
    s.timezone = ("BRZ", -3, 0)
    s.banners = {"motd": "Authorised access only\nAll access is logged", "login": "hello"}
    s.enable_secret = ref("system.enable_secret")
    s.ntp.servers["10.0.0.123"] = Server(address="10.0.0.123", prefer=True, key_id=6)
    s.ntp.servers["10.0.1.123"] = Server(address="10.0.1.123")
    s.ntp.source_interface = "loopback0"
    s.ntp.authenticate = True
    s.ntp.keys[6] = ref("ntp.6")
    s.ntp.trusted_keys.append(6)
    s.logging.hosts["10.0.0.514"] = Server(address="10.0.0.514", port=1514)
    s.logging.facility = "local5"
    s.logging.source_interface = "loopback0"
    s.logging.trap_level = "warnings"
    s.snmp.communities.append(SnmpCommunity(name=ref("snmp.ro"), access="ro", acl="SNMP"))
    s.snmp.communities.append(SnmpCommunity(name=ref("snmp.rw"), access="rw", view="LIMITED"))
    s.snmp.hosts.append(SnmpHost(address="10.0.0.162", community=ref("snmp.trap")))
    s.snmp.location, s.snmp.contact = "Rack 4, room 2", "noc@example.net"
    s.snmp.traps_enabled = True
    s.snmp.source_interface = "loopback0"
    s.aaa.servers.append(AaaServer(protocol="tacacs", address="10.0.0.49", key=ref("tac")))
    s.aaa.servers.append(AaaServer(protocol="radius", address="10.0.0.18", key=ref("rad")))
    s.aaa.groups["ACS"] = ["10.0.0.49"]
    s.aaa.source_interface = "loopback0"
    s.aaa.method_lists.append(AaaMethodList(service="login", methods=["group:ACS", "local"]))
    s.aaa.method_lists.append(AaaMethodList(service="exec", methods=["group:tacacs", "none"]))
    s.aaa.method_lists.append(AaaMethodList(service="accounting", methods=["group:radius"]))
    s.users["admin"] = LocalUser(name="admin", secret=ref("u.admin"), privilege=15)
    s.users["ops"] = LocalUser(name="ops", secret=ref("u.ops"), privilege=1)
    s.lines.append(MgmtLine(kind="console", exec_timeout=600))
    s.lines.append(MgmtLine(kind="vty", exec_timeout=300, transport_input=["ssh"], acl_in="VTY"))
    s.ssh_server, s.ssh_version = True, 2
    s.lldp = True
    s.stp_mode = "mstp"
    s.stp_priority[0] = 4096

    lo = c.interface("loopback0")
    lo.kind = "loopback"
    lo.ipv4.append(Address4(address=IPv4Interface("1.1.1.1/32")))
    up = c.interface("xgei-1/1/0/1")
    up.description, up.mtu, up.shutdown, up.speed = "core", 9000, False, "10000"
    up.ipv4.append(Address4(address=IPv4Interface("10.0.0.1/30")))
    up.ipv4.append(Address4(address=IPv4Interface("10.0.9.1/24"), secondary=True))
    up.ipv6_enabled = True
    up.ipv6.append(Address6(address=IPv6Interface("2001:db8::1/64")))
    up.ospf = InterfaceOspf(
        process="1",
        area="0.0.0.0",
        cost=10,
        network_type="point-to-point",
        auth="md5",
        auth_key_id=1,
        auth_key=ref("ospf.k"),
        hello=5,
        dead=20,
    )
    up.acl_in, up.ipv6_acl_out = "EDGE", "EDGE6"
    sub = c.interface("xgei-1/1/0/2.100")
    sub.kind, sub.encapsulation_vlan, sub.vrf = "subinterface", 100, "CUST"
    sub.ipv4.append(Address4(address=IPv4Interface("192.168.100.1/24")))
    sub.ospf = InterfaceOspf(cost=50, priority=0)
    for name in ("gei-1/1/0/10", "gei-1/1/0/11"):
        m = c.interface(name)
        m.lag_group, m.lag_mode, m.lacp_rate = 5, "active", "fast"
    lag = c.interface("smartgroup5")
    lag.kind = "lag"
    lag.switchport = Switchport(mode="trunk", trunk_allowed=[10, 20], native_vlan=10)
    acc = c.interface("gei-1/1/0/3")
    acc.switchport = Switchport(mode="access", access_vlan=10)
    acc.routed = False
    svi = c.interface("vlan10")
    svi.kind = "svi"
    svi.ipv4.append(Address4(address=IPv4Interface("10.10.10.2/24")))
    svi.fhrp.append(
        FhrpGroup(
            protocol="vrrp",
            group=10,
            virtual_ip=["10.10.10.1"],
            priority=120,
            preempt=True,
            preempt_delay=30,
            hello=2,
            auth=ref("vrrp"),
            track=[("xgei-1/1/0/1", 20)],
        )
    )
    svi.helper_addresses = ["10.0.0.67", "10.0.1.67"]
    c.vlans[10] = Vlan(id=10, name="USERS")
    c.vlans[20] = Vlan(id=20, name="VOICE", description="phones")

    c.vrfs["CUST"] = Vrf(
        name="CUST",
        rd="65000:1",
        description="customer A",
        import_targets=["65000:1", "65000:99"],
        export_targets=["65000:1"],
        ipv6=True,
    )
    c.static_routes.append(
        StaticRoute(
            prefix=IPv4Network("0.0.0.0/0"),
            next_hop="10.0.0.2",
            distance=250,
            tag=7,
            name="default",
        )
    )
    c.static_routes.append(StaticRoute(prefix=IPv4Network("10.99.0.0/16"), interface="null1"))
    c.static_routes.append(
        StaticRoute(prefix=IPv4Network("172.16.0.0/12"), vrf="CUST", next_hop="192.168.100.254")
    )
    c.static_routes.append(
        StaticRoute(prefix=ip_network("2001:db8:9::/48"), next_hop="2001:db8::2")
    )
    c.interface("null1").kind = "null"

    ospf = c.ospf["1"] = Ospf(
        process="1",
        router_id="1.1.1.1",
        reference_bandwidth=100000,
        passive_default=True,
        active=["xgei-1/1/0/1"],
        default_originate=True,
        default_originate_always=True,
        default_originate_metric=10,
        maximum_paths=4,
        max_metric_on_startup=240,
        spf_timers=(10, 100, 1000),
    )
    ospf.areas["0.0.0.0"] = OspfArea(
        area="0.0.0.0", networks=[IPv4Network("1.1.1.1/32")], auth="md5"
    )
    ospf.areas["0.0.0.1"] = OspfArea(
        area="0.0.0.1",
        kind="nssa",
        no_summary=True,
        default_cost=5,
        ranges=[(IPv4Network("10.1.0.0/16"), True), (IPv4Network("10.2.0.0/16"), False)],
    )
    ospf.redistribute.append(
        Redistribution(protocol="static", metric=20, metric_type=1, route_map="STATIC")
    )
    ospf.redistribute.append(Redistribution(protocol="connected"))
    ospf.redistribute.append(Redistribution(protocol="ospf", process="2"))
    c.ospf["2"] = Ospf(process="2", vrf="CUST", passive=["xgei-1/1/0/2.100"])

    bgp = c.bgp = Bgp(
        asn="65000", router_id="1.1.1.1", graceful_restart=True, keepalive=10, hold=30
    )
    bgp.peer_groups["RR"] = BgpPeerGroup(
        name="RR", remote_as="65000", update_source="loopback0", password=ref("bgp.rr")
    )
    bgp.neighbors["10.0.0.2"] = BgpNeighbor(
        address="10.0.0.2", remote_as="65001", description="transit A", ebgp_multihop=2
    )
    bgp.neighbors["1.1.1.2"] = BgpNeighbor(address="1.1.1.2", peer_group="RR")
    main = bgp.family()
    main.networks.append(BgpNetwork(prefix=IPv4Network("10.0.0.0/8"), route_map="OUT"))
    main.redistribute.append(Redistribution(protocol="connected", route_map="CONN"))
    main.maximum_paths = 2
    main.peers["10.0.0.2"] = BgpAfPeer(
        route_map_in="IN",
        route_map_out="OUT",
        prefix_list_in="BOGONS",
        maximum_prefix=1000,
        send_community="both",
        soft_reconfiguration=True,
    )
    main.peers["RR"] = BgpAfPeer(next_hop_self=True, route_reflector_client=True)
    vpn = bgp.family("vpnv4", "vpn")
    vpn.peers["RR"] = BgpAfPeer(send_community="extended")
    bgp.vrfs["CUST"] = BgpVrf(
        name="CUST",
        neighbors={"192.168.100.2": BgpNeighbor(address="192.168.100.2", remote_as="65100")},
    )
    cust = bgp.family("ipv4", "unicast", "CUST")
    cust.peers["192.168.100.2"] = BgpAfPeer(allowas_in=2, default_originate=True)
    cust.redistribute.append(Redistribution(protocol="static"))

    acl = c.acls["EDGE"] = Acl(name="EDGE")
    acl.entries += [
        AclEntry(remark="allow management"),
        AclEntry(
            seq=10,
            action="permit",
            protocol="tcp",
            source=AddrMatch("10.0.0.0", "0.0.0.255"),
            destination=AddrMatch("1.1.1.1"),
            destination_port=PortMatch("eq", (22,)),
        ),
        AclEntry(
            seq=20,
            action="permit",
            protocol="udp",
            source_port=PortMatch("range", (1000, 2000)),
            dscp="ef",
        ),
        AclEntry(seq=30, action="deny", protocol="ip", log=True),
    ]
    c.acls["SNMP"] = Acl(
        name="SNMP",
        kind="standard",
        entries=[
            AclEntry(seq=5, action="permit", source=AddrMatch("10.0.0.0", "0.255.255.255")),
            AclEntry(seq=10, action="deny", source=None),
        ],
    )
    c.acls["VTY"] = Acl(
        name="VTY",
        entries=[
            AclEntry(
                seq=10, action="permit", protocol="ip", source=AddrMatch("10.0.0.0", "0.0.0.255")
            )
        ],
    )
    c.acls["EDGE6"] = Acl(
        name="EDGE6",
        kind="ipv6",
        entries=[
            AclEntry(
                seq=10,
                action="deny",
                protocol="tcp",
                source=AddrMatch("2001:db8::", "/32"),
                destination_port=PortMatch("eq", (23,)),
            )
        ],
    )
    c.prefix_lists["BOGONS"] = PrefixList(
        name="BOGONS",
        entries=[
            PrefixListEntry(seq=5, action="deny", prefix=IPv4Network("10.0.0.0/8"), le=32),
            PrefixListEntry(seq=10, action="permit", prefix=IPv4Network("0.0.0.0/0"), le=24, ge=8),
        ],
    )
    c.prefix_lists["V6"] = PrefixList(
        name="V6",
        afi="ipv6",
        entries=[PrefixListEntry(seq=5, action="permit", prefix=ip_network("2001:db8::/32"))],
    )
    c.community_lists["CUST"] = CommunityList(
        name="CUST",
        entries=[CommunityListEntry(action="permit", communities=["65000:100", "no-export"])],
    )
    c.community_lists["RE"] = CommunityList(
        name="RE", kind="expanded", entries=[CommunityListEntry(action="deny", regex="^65000:.*")]
    )
    c.as_path_lists["1"] = AsPathList(name="1", entries=[AsPathEntry(action="permit", regex="^$")])
    c.as_path_lists["TRANSIT"] = AsPathList(
        name="TRANSIT", entries=[AsPathEntry(action="deny", regex="_65001_")]
    )
    c.route_maps["IN"] = RouteMap(
        name="IN",
        entries=[
            RouteMapEntry(
                seq=10,
                action="permit",
                description="customer routes",
                matches=[
                    RouteMapMatch(kind="ip-address-prefix-list", values=["BOGONS"]),
                    RouteMapMatch(kind="community", values=["CUST"]),
                    RouteMapMatch(kind="as-path", values=["1"]),
                ],
                sets=[
                    RouteMapSet(kind="local-preference", values=["200"]),
                    RouteMapSet(kind="community", values=["65000:1"], additive=True),
                    RouteMapSet(kind="as-path-prepend", values=["65000", "65000"]),
                ],
                continue_to=20,
            ),
            RouteMapEntry(
                seq=20,
                action="deny",
                matches=[RouteMapMatch(kind="ip-address-acl", values=["SNMP"])],
            ),
        ],
    )
    c.route_maps["OUT"] = RouteMap(
        name="OUT",
        entries=[
            RouteMapEntry(
                seq=10,
                action="permit",
                sets=[
                    RouteMapSet(kind="metric", values=["50"]),
                    RouteMapSet(kind="origin", values=["igp"]),
                    RouteMapSet(kind="tag", values=["9"]),
                    RouteMapSet(kind="next-hop", values=["10.0.0.9"]),
                ],
            )
        ],
    )
    c.services.dhcp_pools["USERS"] = DhcpPool(
        name="USERS",
        network=IPv4Network("10.10.10.0/24"),
        default_routers=["10.10.10.1"],
        dns_servers=["10.0.0.53", "10.0.1.53"],
        domain_name="example.net",
    )
    return c


def test_full_model_round_trip() -> None:
    text, diffs = roundtrip(full_model())
    assert diffs == [], "\n".join(diffs) + "\n" + text


def test_full_model_render_samples() -> None:
    text, _ = roundtrip(full_model())
    for expected in [
        "ip domain name example.net",
        "clock timezone BRZ -3",
        "ntp server 10.0.0.123 priority 1 key 6",
        "ntp authentication-key 6 md5 clear {{secret:ntp.6}}",
        "syslog-server host 10.0.0.514 fport 1514",
        "syslog-server facility local5",
        "syslog level warnings",
        "snmp-server community {{secret:snmp.ro}} view AllView ro ipv4-access-list SNMP",
        "snmp-server host 10.0.0.162 trap version 2c {{secret:snmp.trap}} udp-port 162",
        "tacacs-server host 10.0.0.49 key {{secret:tac}}",
        "tacplus group-server all-tacacs",
        "tacacs-client source-interface loopback0",
        "line console idle-timeout 10",
        "line telnet idle-timeout 5",
        "line telnet server disable",
        "ssh server access-class ipv4 VTY",
        "ssh server version 2",
        "ip vrf CUST",
        "  address-family ipv4",
        "    route-target import 65000:99",
        "ip route 0.0.0.0 0.0.0.0 10.0.0.2 250 tag 7 name default",
        "ip route vrf CUST 172.16.0.0 255.240.0.0 192.168.100.254",
        "router ospf 1",
        "  passive-interface xgei-1/1/0/1 disable",
        "  redistribute static metric 20 metric-type ext-1 route-map STATIC",
        "  redistribute ospf-int 2",
        "  area 0.0.0.0",
        "    network 1.1.1.1 0.0.0.0",
        "    interface xgei-1/1/0/1",
        "      message-digest-key 1 md5 {{secret:ospf.k}}",
        "router bgp 65000",
        "  neighbor RR peer-group",
        "  network 10.0.0.0 255.0.0.0 route-map OUT",
        "  neighbor 10.0.0.2 prefix-list BOGONS in",
        "  address-family ipv4 vrf CUST",
        '  description rule 10 "allow management"',
        "  rule 10 permit tcp 10.0.0.0 0.0.0.255 1.1.1.1 0.0.0.0 eq 22",
        "  rule 5 permit 10.0.0.0 0.255.255.255",
        "ip prefix-list BOGONS seq 10 permit 0.0.0.0/0 ge 8 le 24",
        "ip community-list basic CUST permit 65000:100 no-export",
        "ip as-path access-list name TRANSIT deny _65001_",
        "route-map IN permit 10",
        "  match community-list name CUST",
        "  set community additive 65000:1",
        "  continue sequence 20",
    ]:
        assert expected in text.splitlines(), expected


def test_unsupported_and_ignored_are_declared() -> None:
    c = DeviceConfig()
    ifc = c.interface("gei-1/1/0/1")
    ifc.nat = "inside"
    ifc.at(3, "nat")
    ifc.load_interval = 30
    ifc.at(4, "load_interval")
    rendered = PLATFORM.render(c)
    assert rendered.unsupported[3].startswith("interface NAT")
    # a statistics interval has meaning on the target; with no known spelling it is reported
    assert rendered.unsupported[4].startswith("interface statistics interval")


# --- round two: prepare, QoS, interface extras --------------------------------------------------


def _translate(text: str, source: str = "cisco_ios") -> object:
    from orchestrator.translate import translate_text

    return translate_text(text, "zte_zxros", source=source)


IOS_QOS = """\
hostname R1
ip access-list extended EDGE
 remark web servers
 remark (second remark line)
 permit tcp any host 10.0.0.80 eq 80
 remark everything else
 deny ip any any
class-map match-all PREC
 match ip precedence 5  2
class-map match-any ALL
 match any
class-map match-all WEB
 match access-group name EDGE
policy-map CHILD
 class PREC
  priority percent 10
 class WEB
  bandwidth percent 40
  queue-limit 100
 class class-default
  bandwidth remaining percent 20
  set dscp af11
policy-map PARENT
 class ALL
  shape average 2000000
  service-policy CHILD
interface GigabitEthernet0/1
 mac-address 0011.2233.4455
 ip address 192.0.2.1 255.255.255.0
 no ip redirects
 no ip unreachables
 no ip proxy-arp
 ip proxy-arp
 service-policy output PARENT
interface GigabitEthernet0/2
 ip address 198.51.100.1 255.255.255.0
 no ip proxy-arp
 no lldp transmit
"""


def test_ios_qos_acl_remarks_and_interface_extras() -> None:
    from orchestrator.translate import Translation

    result = _translate(IOS_QOS)
    assert isinstance(result, Translation)
    assert result.roundtrip.ok, result.roundtrip.differences
    lines = result.target_config.splitlines()
    expected_blocks = [
        [
            "ipv4-access-list EDGE",
            '  description rule 10 "web servers / (second remark line)"',
            "  rule 10 permit tcp any 10.0.0.80 0.0.0.0 eq 80",
            '  description rule 20 "everything else"',
            "  rule 20 deny ip any any",
            "$",
        ],
        ["class-map PREC match-all", "  match ipv4 precedence 2,5", "$"],
        ["class-map ALL match-any", "  match precedence 0-7", "$"],
        ["class-map WEB match-all", "  match ipv4-access-list EDGE", "$"],
        [
            "policy-map CHILD",
            "  class PREC",
            "    priority-llq",
            "  $",
            "  class WEB",
            "    bandwidth percent 40",
            "  $",
            "  class class-default",
            "    bandwidth-remaining percent 20",
            "    set dscp 10",
            "  $",
            "$",
        ],
        [
            "policy-map PARENT",
            "  class ALL",
            "    shape average 2000",
            "    service-policy CHILD",
            "  $",
            "$",
        ],
        [
            "interface gei-1/1/0/1",
            "  ip address 192.0.2.1 255.255.255.0",
            "  mac-address 0011.2233.4455",
            "  no ip redirects",
            "  no ip unreachables",
            "$",
        ],
        ["arp", "  interface gei-1/1/0/1", "    proxy", "  $", "$"],
        ["service-policy gei-1/1/0/1 output PARENT"],
    ]
    for block in expected_blocks:
        start = lines.index(block[0])
        assert lines[start : start + len(block)] == block, block
    by_text = {line.text: line for line in result.lines}
    assert by_text["queue-limit 100"].status == "unsupported"
    assert "7, 16, 24, 64, 512, 2000, 8000" in (by_text["queue-limit 100"].reason or "")
    assert by_text["match any"].status == "translated-with-change"
    assert by_text["priority percent 10"].status == "translated-with-change"
    assert by_text["remark (second remark line)"].status == "translated-with-change"
    assert by_text["bandwidth percent 40"].target == ["bandwidth percent 40"]
    # IOS `no ip proxy-arp` is what ZXROS does unless told otherwise
    gi2 = [ln for ln in result.lines if ln.text == "no ip proxy-arp"]
    assert gi2[-1].status == "ignored"


def test_qos_and_extras_parse_back() -> None:
    text = "\n".join(
        [
            "class-map C1 match-any",
            "  match dscp range not 10,46",
            "  match out-vlan 10-12",
            "$",
            "policy-map P1",
            "  class C1",
            "    police cir 8000 conform-action transmit exceed-action drop violate-action drop",
            "    random-detect enable",
            "  $",
            "$",
            "service-policy gei-1/1/0/2 input P1",
            "interface gei-1/1/0/2",
            "  mac-address 00aa.bbcc.ddee",
            "  no ipv6 redirects",
            "$",
            "lldp",
            "  lldp enable",
            "  interface gei-1/1/0/2",
            "    lldp disable",
            "  $",
            "$",
        ]
    )
    parsed = PLATFORM.parse(text)
    assert [e.outcome for e in parsed.report.lines.values()].count("unsupported") == 0
    cfg = parsed.config
    cmap = cfg.services.class_maps["C1"]
    assert (cmap.match, cmap.matches) == ("any", [("not-dscp", "10 46"), ("vlan", "10 11 12")])
    cls = cfg.services.policy_maps["P1"].classes[0]
    assert cls.actions == [("random-detect", "")]
    assert cls.police is not None
    assert (cls.police.cir, cls.police.conform, cls.police.exceed, cls.police.violate) == (
        8_000_000,
        "transmit",
        "drop",
        None,
    )
    port = cfg.interfaces["gei-1/1/0/2"]
    assert (port.service_policy_in, port.mac_address, port.ipv6_redirects) == (
        "P1",
        "00aa.bbcc.ddee",
        False,
    )
    assert (cfg.system.lldp, port.lldp) == (True, False)
    again, diffs = roundtrip(cfg)
    assert diffs == []
    assert "    police cir 8000 conform-action transmit exceed-action drop violate-action drop" in (
        again.splitlines()
    )


IOS_SYSTEM = """\
hostname R2
clock timezone CET 1 0
clock summer-time CEST recurring last Sun Mar 2:00 last Sun Oct 3:00
logging facility local6
logging host 192.0.2.10
logging buffered 4096
snmp-server user ops OPS v3 auth sha AuthKey123 priv aes 128 PrivKey123
aaa new-model
aaa group server radius EMPTY
aaa group server radius ONE
 server 192.0.2.20 auth-port 1812 acct-port 1813
line aux 0
 exec-timeout 5 0
line vty 0 4
 exec-timeout 10 0
 transport input ssh
line vty 5 15
 exec-timeout 10 0
 transport input ssh
router bgp 65001
 bgp dampening 15 750 2000 60
 neighbor 192.0.2.2 remote-as 65002
 neighbor 192.0.2.2 fall-over bfd
"""


def test_ios_system_services_translation() -> None:
    from orchestrator.translate import Translation

    result = _translate(IOS_SYSTEM)
    assert isinstance(result, Translation)
    assert result.roundtrip.ok, result.roundtrip.differences
    lines = result.target_config.splitlines()
    for expected in [
        "clock summer-time CEST recurring last Sun Mar 2:00 last Sun Oct 3:00 60",
        "syslog-server host 192.0.2.10",
        "syslog-server facility local6",
        "snmp-server group OPS v3 priv",
        "snmp-server user ops OPS v3 auth sha {{secret:system.snmp.users.ops.auth_key}} "
        "priv aes128 {{secret:system.snmp.users.ops.priv_key}}",
        "radius authentication-group EMPTY",
        "  bgp dampening 15 750 2000 60",
        "  neighbor 192.0.2.2 fall-over bfd",
        "line telnet idle-timeout 10",
    ]:
        assert expected in lines, expected
    start = lines.index("radius authentication-group ONE")
    assert lines[start : start + 3] == [
        "radius authentication-group ONE",
        "  server 1 192.0.2.20",
        "$",
    ]
    by_text = {line.text: line for line in result.lines}
    # the vty 5 15 block repeats vty 0 4: its lines become the same ZXROS lines
    vty = [ln for ln in result.lines if ln.text == "exec-timeout 10 0"]
    assert [ln.status for ln in vty] == ["translated", "translated"]
    assert by_text["line vty 5 15"].target == vty[0].target
    assert by_text["line aux 0"].status == "unsupported"
    assert by_text["logging buffered 4096"].status == "unsupported"
    user_line = "snmp-server user ops OPS v3 auth sha <redacted> priv aes 128 <redacted>"
    assert by_text[user_line].status == "translated-with-change"


def test_syslog_facility_shared_by_hosts_becomes_global() -> None:
    config = DeviceConfig()
    for n, address in enumerate(("192.0.2.1", "192.0.2.2"), start=1):
        host = Server(address=address, facility="local3")
        host.at(n)
        host.at(n, "facility")
        config.system.logging.hosts[address] = host
    from orchestrator.syntax.zte_zxros_prepare import prepare

    notes = Notes("zte_zxros")
    prepare(config, notes)
    logging = config.system.logging
    assert logging.facility == "local3"
    assert [h.facility for h in logging.hosts.values()] == [None, None]
    assert logging.src.get("facility") == (1, 2)
    text, diffs = roundtrip(config)
    assert diffs == []
    assert text.splitlines().count("syslog-server facility local3") == 1


def test_system_statements_parse_back() -> None:
    text = "\n".join(
        [
            "clock summer-time EDT date 9 Mar 2025 2:00 2 Nov 2025 2:00 60",
            "snmp-server group RO v3 noauth",
            "snmp-server user watcher RO v3",
            "radius authentication-group EMPTY",
            "$",
            "router bgp 1",
            "  bgp dampening",
            "$",
        ]
    )
    parsed = PLATFORM.parse(text)
    assert [e.outcome for e in parsed.report.lines.values()].count("unsupported") == 0
    system = parsed.config.system
    summer = system.summer_time
    assert summer is not None
    assert (summer.zone, summer.mode, summer.start, summer.end, summer.offset) == (
        "EDT",
        "date",
        ("9", "Mar", "2025", "2:00"),
        ("2", "Nov", "2025", "2:00"),
        60,
    )
    user = system.snmp.users["watcher"]
    assert (user.group, user.auth, user.priv) == ("RO", None, None)
    assert system.aaa.groups == {"EMPTY": []}
    assert system.aaa.group_protocols == {"EMPTY": "radius"}
    bgp = parsed.config.bgp
    assert bgp is not None and bgp.family().dampening and bgp.family().dampening_params is None
    _, diffs = roundtrip(parsed.config)
    assert diffs == []

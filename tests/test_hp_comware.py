"""H3C Comware 7 (`hp_comware`): real corpus lines read into model values checked by hand,
hand-built models rendered into text reviewed line by line, the round trip over every model
area, and IOS configurations translated to Comware."""

from __future__ import annotations

import textwrap
from ipaddress import IPv4Interface, IPv4Network
from pathlib import Path

import pytest
from conftest import corpus_files

from orchestrator.detect import detect_platform
from orchestrator.model import (
    AaaMethodList,
    AaaServer,
    Acl,
    AclEntry,
    Address4,
    AddrMatch,
    AsPathEntry,
    AsPathList,
    Bgp,
    BgpAfPeer,
    BgpNeighbor,
    BgpNetwork,
    BgpPeerGroup,
    ClassMap,
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
    PolicyClass,
    PolicyMap,
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
from orchestrator.model.walk import differences, normalise, to_plain
from orchestrator.syntax.base import Emitter, Parsed, Rendered
from orchestrator.syntax.hp_comware import PLATFORM as COMWARE
from orchestrator.syntax.text import read_config
from orchestrator.translate import translate_text

H3C_FILES = [p for _, p in corpus_files("hp_comware")]


def corpus(name: str) -> Parsed:
    path = next(p for p in H3C_FILES if p.name.startswith(name))
    return COMWARE.parse(read_config(path).text, path=str(path))


def parse(text: str) -> Parsed:
    return COMWARE.parse(textwrap.dedent(text).lstrip("\n"))


def outcome(parsed: Parsed, text: str) -> tuple[str, str | None]:
    entry = next(e for e in parsed.report.lines.values() if e.text == text)
    return entry.outcome, entry.reason


def ref(key: str) -> Secret:
    return Secret("ref", key)


# --- the corpus ---------------------------------------------------------------------------

#: share of counted lines each file's parse understands (parsed or ignored by a rule), at least
PARSED_FLOOR = {"01": 0.78, "02": 0.89, "03": 0.20, "04": 0.97, "05": 0.99, "06": 0.51}


@pytest.mark.parametrize("path", H3C_FILES, ids=[p.name[:24] for p in H3C_FILES])
def test_corpus_file_parses_with_a_reason_for_every_line(path: Path) -> None:
    parsed = COMWARE.parse(read_config(path).text, path=str(path))
    lines = parsed.report.lines.values()
    assert all(e.reason for e in lines if e.outcome in ("ignored", "unsupported"))
    understood = sum(e.outcome != "unsupported" for e in lines) / len(lines)
    assert understood >= PARSED_FLOOR[path.name[:2]]


#: file 03 holds only syntax Comware shares with VRP (a VLAN, an RSA key): no platform says it
DETECTABLE = [p for p in H3C_FILES if not p.name.startswith("03")]


@pytest.mark.parametrize("path", DETECTABLE, ids=[p.name[:24] for p in DETECTABLE])
def test_corpus_file_is_detected_as_comware(path: Path) -> None:
    assert detect_platform(read_config(path).text) == "hp_comware"


def test_huawei_corpus_is_not_taken_for_comware() -> None:
    for _, path in corpus_files("huawei_vrp"):
        assert detect_platform(read_config(path).text) != "hp_comware", path.name


def test_corpus_full_config_values() -> None:
    """netutils hp_comware_full_sent: VPN instances, trunks, BGP in a VPN, AAA, users."""
    parsed = corpus("01")
    config = parsed.config
    system = config.system
    assert system.hostname == "NTC123456"
    assert system.timezone == ("EST", -5, 0)
    assert config.vrfs["vpn1"].rd == "65001:1"
    assert config.vrfs["vpn1"].import_targets == config.vrfs["vpn1"].export_targets == ["65001:1"]
    assert config.vlans[101].name == "Test-Vlan-101"
    assert config.vlans[101].description == "Test Vlan 101"
    port = config.interfaces["Ten-GigabitEthernet1/0/1"]
    assert port.routed is False and port.stp_edge is True
    assert port.switchport is not None
    assert port.switchport.mode == "trunk"
    assert port.switchport.trunk_allowed == [101, 102, 104, 105]  # VLAN 1 removed first
    assert port.switchport.native_vlan == 103
    svi = config.interfaces["Vlan-interface102"]
    assert (svi.vrf, svi.shutdown, str(svi.ipv4[0].address)) == ("vpn2", True, "192.0.2.2/32")
    assert [(s.address, s.vrf) for s in system.dns_servers[:2]] == [
        ("192.0.2.47", "internal"),
        ("192.0.2.15", "internal"),
    ]
    bgp = config.bgp
    assert bgp is not None
    assert (bgp.asn, bgp.router_id, bgp.keepalive, bgp.hold) == ("65003", "192.0.2.31", 5, 15)
    peer = bgp.vrfs["vpn2"].neighbors["192.0.2.61"]
    assert (peer.remote_as, peer.update_source, peer.ebgp_multihop) == ("65006", "LoopBack1", 3)
    assert peer.password is not None and peer.password.kind == "huawei_cipher"
    family = bgp.family("ipv4", "unicast", "vpn2")
    assert len(family.networks) == 7
    assert family.peers["192.0.2.61"].next_hop_self and family.peers["192.0.2.61"].activate
    route = config.static_routes[1]
    assert (str(route.prefix), route.next_hop, route.vrf, route.name) == (
        "192.0.2.61/32",
        "192.0.2.68",
        "vpn2",
        "Test-Peer-2",
    )
    assert system.logging.source_interface == "M-GigabitEthernet0/0/0"
    assert system.logging.hosts["192.0.2.132"].vrf == "internal"
    assert system.snmp.communities[0].acl == "1234"
    assert "ntp.example.com" in system.ntp.servers
    assert system.banners["motd"].splitlines()[1].startswith("Unauthorized Access")
    # the HWTACACS scheme is a server group; the default domain's lists are `default`
    assert system.aaa.groups == {"NTC-HWTACACS-Scheme": ["192.0.2.112", "192.0.2.11"]}
    assert all(s.key is not None and s.key.kind == "huawei_cipher" for s in system.aaa.servers)
    login = system.aaa.method_lists[0]
    assert (login.service, login.name, login.methods) == (
        "login",
        "default",
        ["group:NTC-HWTACACS-Scheme", "local"],
    )
    admin = system.users["NTC-Admin"]
    assert admin.secret is not None and admin.secret.kind == "huawei_hash"
    assert (admin.privilege, admin.role) == (15, "network-admin")
    vty = system.lines[1]
    assert (vty.kind, vty.first, vty.last) == ("vty", 0, 4)
    assert (vty.login, vty.privilege, vty.exec_timeout, vty.transport_input) == (
        "aaa",
        15,
        3600,
        ["ssh"],
    )
    assert system.stp_mode == "pvst" and system.stp_priority[4094] == 16384
    assert outcome(parsed, "irf member 1 priority 32")[0] == "ignored"
    assert outcome(parsed, "qos wfq weight") == (
        "unsupported",
        "port queue scheduling and trust settings are not in the model",
    )


def test_corpus_comware5_bgp_dhcp_and_banner() -> None:
    """hp_comware_sent: Comware 5 style BGP, a DHCP pool, an ACL without protocols, a banner
    that ends on a text line with `#` as its delimiter."""
    parsed = corpus("02")
    config = parsed.config
    pool = config.services.dhcp_pools["CKP"]
    assert (pool.default_routers, pool.domain_name, pool.lease) == (
        ["10.10.10.1"],
        "intra.data.co.id",
        (30, 0, 0),
    )
    assert config.services.dhcp_enabled is True
    assert config.services.dhcp_excluded == [("10.10.10.1", "10.10.10.100")]
    bgp = config.bgp
    assert bgp is not None and bgp.graceful_restart is True
    family = bgp.family("ipv4", "unicast")
    peer = family.peers["10.30.240.1"]
    assert (peer.route_map_in, peer.route_map_out, peer.activate) == (
        "P2P-FirstTry",
        "P2P-FirstTry",
        True,
    )
    assert family.maximum_paths == family.maximum_paths_ibgp == 4
    acl = config.acls["HPE"]
    assert acl.kind == "extended"
    first = acl.entries[0]
    assert (first.seq, first.protocol, first.source, first.destination) == (
        1,
        "ip",
        AddrMatch("10.180.50.254", "0.0.0.0"),
        AddrMatch("10.1.0.249", "0.0.0.0"),
    )
    banner = config.system.banners["motd"].split("\n")
    assert banner[0] == "==================================================="
    assert banner[1] == ""  # a blank line inside the banner is kept
    assert banner[-1] == "=================================================="


def test_corpus_indentation_and_comments() -> None:
    parsed = corpus("03")
    assert parsed.config.vlans[10].name == "management"
    assert parsed.config.system.hostname == "NTC-Router"
    assert outcome(parsed, "rsa peer-public-key 192.0.2.5") == (
        "unsupported",
        "peer public keys are not translated",
    )


def test_corpus_switch_with_ospf_over_svis() -> None:
    config = corpus("04").config
    ospf = config.ospf["1"]
    assert ospf.router_id == "2.2.2.2"
    assert ospf.areas["0.0.0.0"].networks == [
        IPv4Network("1.1.1.1/32"),
        IPv4Network("10.1.0.0/31"),
        IPv4Network("10.1.0.2/31"),
        IPv4Network("10.1.0.8/31"),
    ]
    assert config.interfaces["Vlan-interface1"].ipv4_dhcp is True
    trunk = config.interfaces["Ten-GigabitEthernet1/0/25"].switchport
    assert trunk is not None and trunk.trunk_allowed == [1, 50]
    access = config.interfaces["Ten-GigabitEthernet1/0/10"].switchport
    assert access is not None and (access.mode, access.access_vlan) == ("access", 10)


def test_corpus_routed_aggregates_and_tacacs_template() -> None:
    parsed = corpus("06")
    config = parsed.config
    lag = config.interfaces["Route-Aggregation1"]
    assert lag.kind == "lag"
    assert lag.ospf is not None
    assert (lag.ospf.network_type, lag.ospf.auth, lag.ospf.auth_key_id) == (
        "point-to-point",
        "md5",
        1,
    )
    assert lag.ospf.auth_key is not None and lag.ospf.auth_key.kind == "huawei_cipher"
    for name in ("Ten-GigabitEthernet1/0/1", "Ten-GigabitEthernet2/0/1"):
        member = config.interfaces[name]
        assert (member.lag_group, member.lag_mode, member.routed) == (1, "active", True)
    assert config.ospf["1"].reference_bandwidth == 100000
    aaa = config.system.aaa
    assert {s.address for s in aaa.servers} == {"100.114.64.1", "100.114.65.2"}
    assert aaa.groups == {}  # the scheme named `tacacs` holds the group-less servers
    assert all(s.key is not None and s.key.kind == "plain" for s in aaa.servers)
    assert {(e.service, e.name, e.scope) for e in aaa.method_lists} == {
        ("login", "default", None),
        ("exec", "default", None),
        ("accounting", "default", "exec"),
        ("commands", "default", "commands 15"),
        ("accounting", "default", "commands 15"),
    }
    user = config.system.users["HPE"]
    assert user.secret is not None and user.secret.kind == "plain"
    assert "jamesdelancey" not in str(
        parsed.report.shown_text(
            next(n for n, e in parsed.report.lines.items() if e.text.startswith("password simple"))
        )
    )
    # template placeholders stay unsupported lines, they do not break the parse
    assert outcome(parsed, "pim sm")[0] == "unsupported"


# --- hand-built models: rendered text and the round trip ----------------------------------


def rich_model() -> DeviceConfig:
    """A campus core: every area of the model Comware can hold, secrets as references."""
    config = DeviceConfig()
    system = config.system
    system.hostname = "core-1"
    system.timezone = ("CET", 1, 0)
    system.domain_name = "example.net"
    system.domain_search = ["corp.example.net"]
    system.dns_servers = [Server(address="192.0.2.53"), Server(address="192.0.2.54", vrf="MGMT")]
    system.ntp.servers = {"192.0.2.123": Server(address="192.0.2.123", prefer=True, key_id=1)}
    system.ntp.source_interface = "LoopBack0"
    system.ntp.authenticate = True
    system.ntp.keys = {1: ref("ntp.1")}
    system.ntp.trusted_keys = [1]
    system.logging.hosts = {"192.0.2.10": Server(address="192.0.2.10", facility="local6")}
    system.logging.source_interface = "LoopBack0"
    system.logging.trap_level = "informational"
    system.logging.console_level = "disable"
    system.snmp.communities = [SnmpCommunity(name=ref("snmp.ro"), access="ro", acl="2001")]
    system.snmp.hosts = [SnmpHost(address="192.0.2.20", community=ref("snmp.trap"))]
    system.snmp.location = "DC1 row 4"
    system.snmp.contact = "noc@example.net"
    system.snmp.traps_enabled = True
    system.snmp.source_interface = "LoopBack0"
    system.aaa.servers = [
        AaaServer(protocol="tacacs", address="192.0.2.30", key=ref("tac.1")),
        AaaServer(protocol="tacacs", address="192.0.2.31", key=ref("tac.2")),
    ]
    system.aaa.method_lists = [
        AaaMethodList(service="login", methods=["group:tacacs", "local"]),
        AaaMethodList(service="exec", methods=["group:tacacs", "local"]),
    ]
    system.users = {"admin": LocalUser(name="admin", secret=ref("user.admin"), privilege=15)}
    system.enable_secret = ref("enable")
    system.banners = {"motd": "Authorised access only\n100% monitored"}
    system.lines = [
        MgmtLine(kind="console", exec_timeout=600, login="aaa"),
        MgmtLine(
            kind="vty",
            last=4,
            exec_timeout=900,
            login="aaa",
            transport_input=["ssh"],
            acl_in="2001",
        ),
    ]
    system.ssh_server, system.ssh_version, system.telnet_server = True, 2, False
    system.lldp = True
    system.stp_mode, system.stp_priority = "mstp", {0: 4096}
    config.vlans = {
        10: Vlan(id=10, name="users"),
        20: Vlan(id=20, name="voice", description="IP phones"),
    }
    config.vrfs = {
        "MGMT": Vrf(
            name="MGMT", rd="65000:99", import_targets=["65000:99"], export_targets=["65000:99"]
        )
    }
    loopback = config.interface("LoopBack0")
    loopback.kind = "loopback"
    loopback.ipv4 = [Address4(address=IPv4Interface("10.255.0.1/32"))]
    uplink = config.interface("Ten-GigabitEthernet1/0/49")
    uplink.description, uplink.routed, uplink.mtu = "to core-2", True, 9000
    uplink.ipv4 = [Address4(address=IPv4Interface("10.0.0.1/31"))]
    uplink.ospf = InterfaceOspf(
        cost=10, network_type="point-to-point", auth="md5", auth_key_id=1, auth_key=ref("ospf.key")
    )
    access = config.interface("GigabitEthernet1/0/1")
    access.switchport = Switchport(mode="access", access_vlan=10, voice_vlan=20)
    access.stp_edge = access.stp_bpdu_guard = True
    access.shutdown = False
    access.service_policy_in = "EDGE"
    member = config.interface("GigabitEthernet1/0/2")
    member.switchport = Switchport(mode="trunk", trunk_allowed=[10, 20], native_vlan=10)
    member.lag_group, member.lag_mode = 1, "active"
    lag = config.interface("Bridge-Aggregation1")
    lag.kind, lag.description = "lag", "to access-1"
    lag.switchport = Switchport(mode="trunk", trunk_allowed=[10, 20], native_vlan=10)
    svi = config.interface("Vlan-interface10")
    svi.kind = "svi"
    svi.ipv4 = [
        Address4(address=IPv4Interface("192.168.10.2/24")),
        Address4(address=IPv4Interface("192.168.11.2/24"), secondary=True),
    ]
    svi.fhrp = [
        FhrpGroup(
            protocol="vrrp",
            group=10,
            virtual_ip=["192.168.10.1"],
            priority=120,
            preempt=True,
            preempt_delay=30,
            hello=2,
            track=[("Ten-GigabitEthernet1/0/49", 30)],
        )
    ]
    svi.helper_addresses = ["192.0.2.67"]
    svi.acl_in = "3100"
    mgmt = config.interface("M-GigabitEthernet0/0/0")
    mgmt.kind, mgmt.vrf = "management", "MGMT"
    mgmt.ipv4 = [Address4(address=IPv4Interface("172.16.0.10/24"))]
    config.static_routes = [
        StaticRoute(prefix=IPv4Network("0.0.0.0/0"), next_hop="172.16.0.1", vrf="MGMT"),
        StaticRoute(
            prefix=IPv4Network("10.10.0.0/16"),
            next_hop="10.0.0.0",
            distance=200,
            tag=7,
            name="backup",
        ),
    ]
    ospf = Ospf(
        process="1",
        router_id="10.255.0.1",
        reference_bandwidth=100000,
        passive_default=True,
        active=["Ten-GigabitEthernet1/0/49"],
        log_adjacency=True,
        default_originate=True,
    )
    ospf.areas = {
        "0.0.0.0": OspfArea(
            area="0.0.0.0", networks=[IPv4Network("10.0.0.0/31"), IPv4Network("10.255.0.1/32")]
        ),
        "0.0.0.1": OspfArea(
            area="0.0.0.1", kind="nssa", no_summary=True, networks=[IPv4Network("192.168.10.0/24")]
        ),
    }
    ospf.redistribute = [Redistribution(protocol="static", metric=20, metric_type=1, subnets=True)]
    config.ospf = {"1": ospf}
    bgp = Bgp(asn="65000", router_id="10.255.0.1", log_neighbor_changes=True)
    bgp.peer_groups = {
        "IBGP": BgpPeerGroup(name="IBGP", remote_as="65000", update_source="LoopBack0")
    }
    bgp.neighbors = {
        "10.255.0.2": BgpNeighbor(address="10.255.0.2", peer_group="IBGP", description="core-2"),
        "203.0.113.1": BgpNeighbor(
            address="203.0.113.1", remote_as="64500", password=ref("bgp.isp"), ebgp_multihop=2
        ),
    }
    family = bgp.family("ipv4", "unicast")
    family.networks = [BgpNetwork(prefix=IPv4Network("198.51.100.0/24"))]
    family.peers = {
        "IBGP": BgpAfPeer(next_hop_self=True, send_community="both"),
        "203.0.113.1": BgpAfPeer(
            route_map_in="ISP-IN", prefix_list_out="OURS", maximum_prefix=1000
        ),
    }
    config.bgp = bgp
    config.acls = {
        "2001": Acl(
            name="2001",
            kind="standard",
            entries=[AclEntry(seq=5, action="permit", source=AddrMatch("192.0.2.0", "0.0.0.255"))],
        ),
        "3100": Acl(
            name="3100",
            kind="extended",
            entries=[
                AclEntry(remark="web"),
                AclEntry(
                    seq=10,
                    action="permit",
                    protocol="tcp",
                    destination=AddrMatch("192.168.10.5"),
                    destination_port=PortMatch("eq", (443,)),
                ),
                AclEntry(seq=20, action="deny", protocol="ip", log=True),
            ],
        ),
    }
    config.prefix_lists = {
        "OURS": PrefixList(
            name="OURS",
            entries=[
                PrefixListEntry(seq=10, action="permit", prefix=IPv4Network("198.51.100.0/24"))
            ],
        )
    }
    config.community_lists = {
        "CUST": CommunityList(
            name="CUST", entries=[CommunityListEntry(action="permit", communities=["65000:100"])]
        )
    }
    config.as_path_lists = {
        "10": AsPathList(name="10", entries=[AsPathEntry(action="permit", regex="^64500$")])
    }
    config.route_maps = {
        "ISP-IN": RouteMap(
            name="ISP-IN",
            entries=[
                RouteMapEntry(
                    seq=10,
                    action="permit",
                    matches=[RouteMapMatch(kind="as-path", values=["10"])],
                    sets=[
                        RouteMapSet(kind="local-preference", values=["200"]),
                        RouteMapSet(kind="community", values=["65000:100"], additive=True),
                    ],
                ),
                RouteMapEntry(seq=20, action="deny"),
            ],
        )
    }
    services = config.services
    services.dhcp_pools = {
        "USERS": DhcpPool(
            name="USERS",
            network=IPv4Network("192.168.20.0/24"),
            default_routers=["192.168.20.1"],
            dns_servers=["192.0.2.53"],
            domain_name="example.net",
            lease=(1, 0, 0),
        )
    }
    services.dhcp_excluded = [("192.168.20.1", "192.168.20.10")]
    services.class_maps = {"VOICE": ClassMap(name="VOICE", matches=[("dscp", "ef")])}
    services.policy_maps = {
        "EDGE": PolicyMap(
            name="EDGE", classes=[PolicyClass(class_name="VOICE", actions=[("priority", "1000")])]
        )
    }
    return config


def render(config: DeviceConfig) -> Rendered:
    """What `translate` does after adapting: Comware's own shaping, then the renderer."""
    COMWARE.prepare(config, Emitter("hp_comware"))
    return COMWARE.render(config)


def block(rendered: Rendered, opener: str) -> list[str]:
    """The lines of the view that ``opener`` opens (opener included)."""
    lines = rendered.text.splitlines()
    start = lines.index(opener)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == "#")
    return lines[start:end]


def round_trip(config: DeviceConfig) -> tuple[Rendered, list[str]]:
    rendered = render(config)
    reparsed = COMWARE.parse(rendered.text)
    expected = normalise(to_plain(config, frozenset(rendered.dropped)))
    got = normalise(to_plain(reparsed.config))
    problems = differences(expected, got)
    problems += [
        f"{e.n}: {e.text}" for e in reparsed.report.lines.values() if e.outcome == "unsupported"
    ]
    return rendered, problems


def test_rich_model_round_trips_with_nothing_left_out() -> None:
    rendered, problems = round_trip(rich_model())
    assert problems == []
    assert rendered.dropped == [] and rendered.unsupported == {} and rendered.ignored == {}


def test_render_writes_the_prepared_model_without_changing_it() -> None:
    config = rich_model()
    COMWARE.prepare(config, Emitter("hp_comware"))
    before = normalise(to_plain(config))
    COMWARE.render(config)
    assert normalise(to_plain(config)) == before


def test_prepare_marks_a_switched_port_and_makes_the_aggregate() -> None:
    config = DeviceConfig()
    port = config.interface("GigabitEthernet1/0/3")
    port.switchport = Switchport(mode="access", access_vlan=10)
    port.lag_group = 7
    notes = Emitter("hp_comware")
    COMWARE.prepare(config, notes)
    assert port.routed is False and port.lag_mode == "on"
    assert config.interfaces["Bridge-Aggregation7"].kind == "lag"


def test_rendered_switch_ports_and_aggregate() -> None:
    rendered = render(rich_model())
    assert block(rendered, "interface Bridge-Aggregation1") == [
        "interface Bridge-Aggregation1",
        " description to access-1",
        " port link-type trunk",
        " undo port trunk permit vlan 1",
        " port trunk permit vlan 10 20",
        " port trunk pvid vlan 10",
        " link-aggregation mode dynamic",
    ]
    assert block(rendered, "interface GigabitEthernet1/0/1") == [
        "interface GigabitEthernet1/0/1",
        " port link-mode bridge",
        # an access port takes no tagged voice traffic: a trunk with the PC's VLAN as PVID
        " port link-type trunk",
        " undo port trunk permit vlan 1",
        " port trunk permit vlan 10 20",
        " port trunk pvid vlan 10",
        " voice-vlan 20 enable",
        " qos apply policy EDGE inbound",
        " stp edged-port",
        " stp port bpdu-protection enable",
        " undo shutdown",
    ]
    assert block(rendered, "interface GigabitEthernet1/0/2")[-1] == (
        " port link-aggregation group 1"
    )


def test_rendered_routed_port_svi_and_vrrp() -> None:
    rendered = render(rich_model())
    assert block(rendered, "interface Ten-GigabitEthernet1/0/49") == [
        "interface Ten-GigabitEthernet1/0/49",
        " port link-mode route",
        " description to core-2",
        " mtu 9000",
        " ip address 10.0.0.1 255.255.255.254",
        " ospf cost 10",
        " ospf network-type p2p",
        " ospf authentication-mode md5 1 plain {{secret:ospf.key}}",
    ]
    # VRRP timers in centiseconds; the tracked uplink through track entry 1
    assert block(rendered, "interface Vlan-interface10") == [
        "interface Vlan-interface10",
        " ip address 192.168.10.2 255.255.255.0",
        " ip address 192.168.11.2 255.255.255.0 sub",
        " vrrp vrid 10 virtual-ip 192.168.10.1",
        " vrrp vrid 10 priority 120",
        " vrrp vrid 10 preempt-mode delay 3000",
        " vrrp vrid 10 timer advertise 200",
        " vrrp vrid 10 track 1 priority reduced 30",
        " packet-filter 3100 inbound",
        " dhcp select relay",
        " dhcp relay server-address 192.0.2.67",
    ]
    assert " track 1 interface Ten-GigabitEthernet1/0/49" in rendered.text.splitlines()


def test_rendered_routing() -> None:
    rendered = render(rich_model())
    assert block(rendered, "ospf 1 router-id 10.255.0.1") == [
        "ospf 1 router-id 10.255.0.1",
        " silent-interface all",
        " undo silent-interface Ten-GigabitEthernet1/0/49",
        " bandwidth-reference 100000",
        " default-route-advertise",
        " import-route static cost 20 type 1",
        " log-peer-change",
        " area 0.0.0.0",
        "  network 10.0.0.0 0.0.0.1",
        "  network 10.255.0.1 0.0.0.0",
        " area 0.0.0.1",
        "  network 192.168.10.0 0.0.0.255",
        "  nssa no-summary",
    ]
    lines = rendered.text.splitlines()
    bgp = lines[lines.index("bgp 65000") : lines.index("hwtacacs scheme tacacs") - 1]
    assert bgp == [
        "bgp 65000",
        " router-id 10.255.0.1",
        " log-peer-change",
        " group IBGP internal",
        " peer IBGP connect-interface LoopBack0",
        " peer 10.255.0.2 group IBGP",
        " peer 10.255.0.2 description core-2",
        " peer 203.0.113.1 as-number 64500",
        " peer 203.0.113.1 ebgp-max-hop 2",
        " peer 203.0.113.1 password simple {{secret:bgp.isp}}",
        " #",
        " address-family ipv4 unicast",
        "  network 198.51.100.0 255.255.255.0",
        "  peer IBGP enable",
        "  peer IBGP next-hop-local",
        "  peer IBGP advertise-community",
        "  peer IBGP advertise-ext-community",
        "  peer 203.0.113.1 enable",
        "  peer 203.0.113.1 route-policy ISP-IN import",
        "  peer 203.0.113.1 prefix-list OURS export",
        "  peer 203.0.113.1 route-limit 1000",
    ]
    assert "ip route-static 10.10.0.0 16 10.0.0.0 preference 200 tag 7 description backup" in lines
    assert "ip route-static vpn-instance MGMT 0.0.0.0 0 172.16.0.1" in lines


def test_rendered_filters_and_policies() -> None:
    rendered = render(rich_model())
    assert block(rendered, "acl advanced 3100") == [
        "acl advanced 3100",
        " rule 10 permit tcp destination 192.168.10.5 0 destination-port eq 443",
        " rule 10 comment web",
        " rule 20 deny ip logging",
    ]
    assert block(rendered, "route-policy ISP-IN permit node 10") == [
        "route-policy ISP-IN permit node 10",
        " if-match as-path 10",
        " apply local-preference 200",
        " apply community 65000:100 additive",
    ]
    lines = rendered.text.splitlines()
    assert " ip prefix-list OURS index 10 permit 198.51.100.0 24" in lines
    assert " ip community-list basic CUST permit 65000:100" in lines
    assert block(rendered, "qos policy EDGE") == [
        "qos policy EDGE",
        " classifier VOICE behavior EDGE_VOICE",
    ]


def test_rendered_management() -> None:
    rendered = render(rich_model())
    assert block(rendered, "hwtacacs scheme tacacs")[1:4] == [
        " primary authentication 192.0.2.30 key simple {{secret:tac.1}}",
        " primary authorization 192.0.2.30 key simple {{secret:tac.1}}",
        " primary accounting 192.0.2.30 key simple {{secret:tac.1}}",
    ]
    assert block(rendered, "domain system") == [
        "domain system",
        " authentication login hwtacacs-scheme tacacs local",
        " authorization login hwtacacs-scheme tacacs local",
    ]
    assert block(rendered, "local-user admin class manage") == [
        "local-user admin class manage",
        " password simple {{secret:user.admin}}",
        " service-type ssh telnet terminal",
        " authorization-attribute user-role level-15",
    ]
    assert block(rendered, "line vty 0 4") == [
        "line vty 0 4",
        " authentication-mode scheme",
        " idle-timeout 15 0",
        " protocol inbound ssh",
    ]
    lines = rendered.text.splitlines()
    assert [x for x in lines if "server acl" in x] == [
        " ssh server acl 2001",
        " telnet server acl 2001",
    ]
    target = (
        " snmp-agent target-host trap address udp-domain 192.0.2.20 params securityname "
        "{{secret:snmp.trap}} v2c"
    )
    assert target in lines
    assert " ntp-service unicast-server 192.0.2.123 authentication-keyid 1 priority" in lines
    assert " info-center loghost 192.0.2.10 facility local6" in lines
    # the banner holds `%`, so another delimiter closes it
    assert block(rendered, " header motd @")[1:] == [
        "Authorised access only",
        "100% monitored",
        "@",
    ]


# --- IOS configurations translated --------------------------------------------------------

IOS_BRANCH = """\
hostname br-1
ip domain-name example.net
spanning-tree mode rapid-pvst
vlan 10
 name users
interface GigabitEthernet0/1
 description uplink
 no switchport
 ip address 10.0.0.2 255.255.255.252
 ip ospf cost 50
interface GigabitEthernet0/2
 switchport mode trunk
 switchport trunk allowed vlan 10,20-22
 channel-group 1 mode active
interface Port-channel1
 switchport mode trunk
 switchport trunk allowed vlan 10,20-22
interface Vlan10
 ip address 192.168.10.2 255.255.255.0
 ip access-group 10 in
 standby 1 ip 192.168.10.1
 standby 1 priority 110
 standby 1 preempt
router ospf 1
 router-id 10.255.0.9
 passive-interface default
 no passive-interface GigabitEthernet0/1
 network 10.0.0.0 0.0.0.3 area 0
router bgp 65010
 neighbor 10.0.0.1 remote-as 65000
 network 192.168.10.0 mask 255.255.255.0
access-list 10 permit 192.168.10.0 0.0.0.255
line vty 0 4
 transport input ssh
 login local
username ops privilege 15 secret 0 Cleartext1
end
"""


def test_ios_branch_translates_with_notes() -> None:
    result = translate_text(IOS_BRANCH, "hp_comware", source="cisco_ios")
    assert result.roundtrip.ok, result.roundtrip.differences
    lines = result.target_config.splitlines()
    # ports renumbered for Comware; a routed port says so; LACP on the aggregate
    assert "interface GigabitEthernet1/0/1" in lines
    assert " port link-mode route" in lines
    assert "interface Bridge-Aggregation1" in lines
    assert " link-aggregation mode dynamic" in lines
    assert " port trunk permit vlan 10 20 to 22" in lines
    # the numbered standard ACL gets a Comware number, and its users follow
    assert "acl basic 2010" in lines and " packet-filter 2010 inbound" in lines
    # HSRP becomes VRRP with a note; rapid PVST becomes Comware's PVST
    assert " vrrp vrid 1 virtual-ip 192.168.10.1" in lines
    assert " stp mode pvst" in lines
    # IOS activates BGP neighbors in IPv4 unicast implicitly; Comware needs it said
    assert "  peer 10.0.0.1 enable" in lines
    # SSH logins need the SSH server on
    assert " ssh server enable" in lines
    by_text = {line.text.strip(): line for line in result.lines}
    assert by_text["standby 1 ip 192.168.10.1"].status == "translated-with-change"
    assert by_text["access-list 10 permit 192.168.10.0 0.0.0.255"].status == (
        "translated-with-change"
    )
    assert "2010" in (by_text["access-list 10 permit 192.168.10.0 0.0.0.255"].reason or "")
    assert by_text["spanning-tree mode rapid-pvst"].target == ["stp mode pvst", "stp global enable"]
    assert by_text["no passive-interface GigabitEthernet0/1"].target == [
        "undo silent-interface GigabitEthernet1/0/1"
    ]
    assert "Cleartext1" not in result.target_config
    assert result.coverage() == 1.0


def test_secret_reference_with_an_interface_in_its_key_reads_back() -> None:
    key = "interfaces.GigabitEthernet1/0/1.ospf.auth_key"
    parsed = parse(f"""
        interface GigabitEthernet1/0/1
         ospf authentication-mode md5 1 plain {{{{secret:{key}}}}}
        """)
    ospf = parsed.config.interfaces["GigabitEthernet1/0/1"].ospf
    assert ospf is not None
    assert ospf.auth_key == Secret("ref", key)


def test_return_and_separators() -> None:
    parsed = parse("""
        #
         sysname R1
        #
        vlan 5
        #
         lldp global enable
        #
        return
        """)
    assert parsed.config.system.lldp is True  # not a child of `vlan 5`: `#` closed the view
    assert outcome(parsed, "return") == ("ignored", "end of the Comware configuration")

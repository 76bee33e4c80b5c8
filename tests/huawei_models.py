"""Hand-built models for the Huawei platform tests: one per area of the model.

`campus_switch` is a layer-3 switch (VLANs, SVIs, VRRP, Eth-Trunk, OSPF, BGP, VPN instance,
ACLs, routing policy, DHCP, AAA, management); `branch_router` an AR-style router (NAT, QoS,
GRE tunnel, DHCP server, port speed). Secrets are references, as `adapt` hands them over.
"""

from __future__ import annotations

from ipaddress import IPv4Interface, IPv4Network, IPv6Interface

from orchestrator.adapt import Adapted, Notes, shape_for_target
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
    BgpAggregate,
    BgpNeighbor,
    BgpNetwork,
    BgpPeerGroup,
    BgpVrf,
    ClassMap,
    CommunityList,
    CommunityListEntry,
    DeviceConfig,
    DhcpPool,
    FhrpGroup,
    InterfaceOspf,
    LocalUser,
    MgmtLine,
    NatPool,
    NatRule,
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
from orchestrator.syntax import get_platform
from orchestrator.syntax.base import Rendered
from orchestrator.translate import render_and_check

SOURCE = "cisco_ios"
"""The hand-built models stand for parsed IOS configs: `shape_for_target` converts from it."""


def ref(key: str) -> Secret:
    return Secret("ref", key)


def campus_switch(port: str = "GigabitEthernet0/0/") -> DeviceConfig:
    """A layer-3 campus switch; ``port`` is the prefix of its physical port names."""
    c = DeviceConfig()
    s = c.system
    s.hostname = "R1"
    s.domain_name = "example.net"
    s.domain_lookup = True
    s.dns_servers = [Server(address="192.0.2.53"), Server(address="192.0.2.54", vrf="MGMT")]
    s.timezone = ("CET", 1, 0)
    s.ntp.servers["192.0.2.123"] = Server(address="192.0.2.123", key_id=1)
    s.ntp.servers["192.0.2.124"] = Server(address="192.0.2.124", prefer=True)
    s.ntp.authenticate = True
    s.ntp.keys[1] = ref("system.ntp.keys.1")
    s.ntp.trusted_keys = [1]
    s.ntp.source_interface = "LoopBack0"
    s.logging.hosts["192.0.2.10"] = Server(address="192.0.2.10", facility="local6")
    s.logging.source_interface = "LoopBack0"
    s.logging.trap_level = "warnings"
    s.snmp.communities = [SnmpCommunity(name=ref("snmp.ro"), access="ro", acl="2010")]
    s.snmp.hosts = [SnmpHost(address="192.0.2.9", community=ref("t"))]
    s.snmp.location = "Lab rack 4"
    s.snmp.contact = "noc@example.net"
    s.snmp.traps_enabled = True
    s.snmp.source_interface = "LoopBack0"
    s.aaa.servers = [AaaServer(protocol="tacacs", address="192.0.2.49", key=ref("tacacs.key"))]
    s.aaa.groups = {"TAC": ["192.0.2.49"]}
    s.aaa.method_lists = [
        AaaMethodList(service="login", name="default", methods=["group:TAC", "local"])
    ]
    s.users["admin"] = LocalUser(name="admin", secret=ref("users.admin"), privilege=15)
    s.banners = {"login": "Authorised access only"}
    s.lines = [
        MgmtLine(kind="console", first=0, login="aaa"),
        MgmtLine(
            kind="vty",
            first=0,
            last=4,
            login="aaa",
            transport_input=["ssh"],
            acl_in="2010",
            exec_timeout=600,
        ),
    ]
    s.ssh_server = True
    s.telnet_server = False
    s.lldp = True
    s.stp_mode = "rstp"
    s.stp_priority = {0: 8192}
    c.vlans = {10: Vlan(id=10, name="USERS"), 20: Vlan(id=20, description="Voice"), 99: Vlan(id=99)}
    c.vrfs["CUST"] = Vrf(
        name="CUST",
        rd="65000:1",
        import_targets=["65000:1"],
        export_targets=["65000:1"],
        description="Customer A",
    )
    svi = c.interface("Vlanif10")
    svi.kind = "svi"
    svi.description = "users"
    svi.ipv4 = [
        Address4(address=IPv4Interface("10.0.10.2/24")),
        Address4(address=IPv4Interface("10.0.11.2/24"), secondary=True),
    ]
    svi.fhrp = [
        FhrpGroup(
            protocol="vrrp",
            group=10,
            virtual_ip=["10.0.10.1"],
            priority=120,
            preempt=True,
            preempt_delay=30,
            hello=2,
            track=[(port + "1", 30)],
        )
    ]
    svi.helper_addresses = ["192.0.2.67"]
    svi.ospf = InterfaceOspf(
        cost=10,
        network_type="broadcast",
        hello=5,
        dead=20,
        auth="md5",
        auth_key_id=1,
        auth_key=ref("ospf.vlanif10"),
    )
    svi.acl_in = "3001"
    svi.ipv6 = [Address6(address=IPv6Interface("2001:db8:10::2/64"))]
    svi.ipv6_enabled = True
    trunk = c.interface("Eth-Trunk1")
    trunk.kind = "lag"
    trunk.description = "uplink"
    trunk.switchport = Switchport(mode="trunk", native_vlan=99, trunk_allowed=[10, 20, 99])
    for n in (1, 2):
        member = c.interface(f"{port}{n}")
        member.lag_group, member.lag_mode, member.lacp_rate = 1, "active", "fast"
        member.description = f"member {n}"
    access = c.interface(f"{port}3")
    access.switchport = Switchport(mode="access", access_vlan=10)
    access.stp_edge, access.stp_bpdu_guard, access.shutdown, access.lldp = True, True, False, False
    routed = c.interface(f"{port}4")
    routed.routed, routed.vrf, routed.mtu, routed.shutdown = True, "CUST", 1500, True
    routed.ipv4 = [Address4(address=IPv4Interface("198.51.100.1/30"))]
    routed.ospf = InterfaceOspf(network_type="point-to-point")
    sub = c.interface(f"{port}5.100")
    sub.kind = "subinterface"
    sub.encapsulation_vlan = 100
    sub.ipv4 = [Address4(address=IPv4Interface("203.0.113.1/30"))]
    loop = c.interface("LoopBack0")
    loop.kind = "loopback"
    loop.ipv4 = [Address4(address=IPv4Interface("192.0.2.1/32"))]
    c.static_routes = [
        StaticRoute(
            prefix=IPv4Network("0.0.0.0/0"),
            next_hop="198.51.100.2",
            vrf="CUST",
            distance=250,
            tag=7,
            name="dflt",
        ),
        StaticRoute(prefix=IPv4Network("10.99.0.0/16"), interface="NULL0"),
    ]
    ospf = Ospf(
        process="1",
        router_id="192.0.2.1",
        reference_bandwidth=10000,
        passive_default=True,
        active=["Vlanif10"],
    )
    ospf.areas["0.0.0.0"] = OspfArea(
        area="0.0.0.0", networks=[IPv4Network("10.0.10.0/24"), IPv4Network("192.0.2.1/32")]
    )
    ospf.areas["0.0.0.1"] = OspfArea(
        area="0.0.0.1", kind="nssa", no_summary=True, ranges=[(IPv4Network("10.1.0.0/16"), True)]
    )
    ospf.redistribute = [
        Redistribution(protocol="static", metric=20, metric_type=1, route_map="STATIC-TO-OSPF")
    ]
    ospf.default_originate, ospf.default_originate_always = True, True
    c.ospf["1"] = ospf
    bgp = Bgp(asn="65000", router_id="192.0.2.1", keepalive=10, hold=30)
    bgp.peer_groups["IBGP"] = BgpPeerGroup(
        name="IBGP", remote_as="65000", update_source="LoopBack0", password=ref("bgp.ibgp")
    )
    bgp.neighbors["192.0.2.2"] = BgpNeighbor(address="192.0.2.2", peer_group="IBGP")
    bgp.neighbors["198.51.100.9"] = BgpNeighbor(
        address="198.51.100.9", remote_as="64512", description="transit", ebgp_multihop=2
    )
    af = bgp.family("ipv4", "unicast")
    af.networks = [BgpNetwork(prefix=IPv4Network("10.0.0.0/16"))]
    af.aggregates = [BgpAggregate(prefix=IPv4Network("10.0.0.0/8"), summary_only=True)]
    af.redistribute = [Redistribution(protocol="connected", route_map="CONN")]
    af.peers["IBGP"] = BgpAfPeer(
        next_hop_self=True, route_reflector_client=True, send_community="both"
    )
    af.peers["192.0.2.2"] = BgpAfPeer()
    af.peers["198.51.100.9"] = BgpAfPeer(
        route_map_in="TRANSIT-IN", prefix_list_out="OURS", maximum_prefix=1000
    )
    vrf_af = bgp.family("ipv4", "unicast", "CUST")
    bgp.vrfs["CUST"] = BgpVrf(
        name="CUST",
        neighbors={"198.51.100.2": BgpNeighbor(address="198.51.100.2", remote_as="64600")},
    )
    vrf_af.peers["198.51.100.2"] = BgpAfPeer()
    vrf_af.redistribute = [Redistribution(protocol="connected")]
    c.bgp = bgp
    c.acls["2010"] = Acl(
        name="2010",
        kind="standard",
        entries=[AclEntry(action="permit", source=AddrMatch("192.0.2.0", "0.0.0.255"))],
    )
    c.acls["3001"] = Acl(
        name="3001",
        kind="extended",
        entries=[
            AclEntry(remark="web to the server"),
            AclEntry(
                action="permit",
                protocol="tcp",
                destination=AddrMatch("10.0.10.5"),
                destination_port=PortMatch("eq", (443,)),
            ),
            AclEntry(
                action="permit",
                protocol="udp",
                source=AddrMatch("10.0.10.0", "0.0.0.255"),
                destination_port=PortMatch("range", (1000, 2000)),
            ),
            AclEntry(action="deny", protocol="ip", log=True),
        ],
    )
    c.acls["MGMT-IN"] = Acl(
        name="MGMT-IN",
        entries=[
            AclEntry(seq=10, action="permit", protocol="icmp", icmp_type="echo"),
            AclEntry(seq=20, action="deny", protocol="ip"),
        ],
    )
    c.prefix_lists["OURS"] = PrefixList(
        name="OURS",
        entries=[PrefixListEntry(seq=10, action="permit", prefix=IPv4Network("10.0.0.0/8"), le=24)],
    )
    c.community_lists["CL"] = CommunityList(
        name="CL",
        entries=[CommunityListEntry(action="permit", communities=["65000:100", "no-export"])],
    )
    c.as_path_lists["AP"] = AsPathList(
        name="AP", entries=[AsPathEntry(action="permit", regex="^64512_")]
    )
    c.route_maps["TRANSIT-IN"] = RouteMap(
        name="TRANSIT-IN",
        entries=[
            RouteMapEntry(
                seq=10,
                action="permit",
                matches=[RouteMapMatch(kind="as-path", values=["AP"])],
                sets=[
                    RouteMapSet(kind="local-preference", values=["200"]),
                    RouteMapSet(kind="community", values=["65000:200"], additive=True),
                ],
            ),
            RouteMapEntry(seq=20, action="deny"),
        ],
    )
    c.services.dhcp_pools["USERS"] = DhcpPool(
        name="USERS",
        network=IPv4Network("10.0.20.0/24"),
        default_routers=["10.0.20.1"],
        dns_servers=["192.0.2.53"],
        lease=(1, 0, 0),
    )
    c.services.dhcp_excluded = [("10.0.20.1", "10.0.20.20")]
    return c


def branch_router() -> DeviceConfig:
    """An AR-style branch router: NAT to the Internet, a DHCP pool, QoS marking, a GRE tunnel."""
    c = DeviceConfig()
    c.system.hostname = "BR1"
    lan = c.interface("GigabitEthernet0/0/1")
    lan.ipv4 = [Address4(address=IPv4Interface("10.1.1.1/24"))]
    lan.nat = "inside"
    lan.service_policy_in = "MARK"
    lan.proxy_arp = True
    lan.redirects = False
    wan = c.interface("GigabitEthernet0/0/2")
    wan.ipv4 = [Address4(address=IPv4Interface("198.51.100.2/30"))]
    wan.nat = "outside"
    wan.speed, wan.duplex = "100", "full"
    wan.autonegotiation = False
    wan.acl_out = "3100"
    tunnel = c.interface("Tunnel0")
    tunnel.kind = "tunnel"
    tunnel.ipv4 = [Address4(address=IPv4Interface("172.16.0.1/30"))]
    tunnel.tunnel_source, tunnel.tunnel_destination = "GigabitEthernet0/0/2", "203.0.113.9"
    c.static_routes = [StaticRoute(prefix=IPv4Network("0.0.0.0/0"), next_hop="198.51.100.1")]
    c.acls["2001"] = Acl(
        name="2001",
        kind="standard",
        entries=[AclEntry(action="permit", source=AddrMatch("10.1.1.0", "0.0.0.255"))],
    )
    c.acls["3100"] = Acl(
        name="3100",
        entries=[
            AclEntry(action="permit", protocol="tcp", established=True),
            AclEntry(action="permit", protocol="udp", source_port=PortMatch("eq", (53,))),
        ],
    )
    services = c.services
    services.nat_pools["1"] = NatPool(name="1", start="198.51.100.8", end="198.51.100.15")
    services.nat_rules = [
        NatRule(kind="dynamic", acl="2001", pool="1", overload=True),
        NatRule(
            kind="static",
            protocol="tcp",
            inside_address="10.1.1.10",
            inside_port=80,
            outside_address="198.51.100.2",
            outside_port=8080,
        ),
    ]
    services.dhcp_enabled = True
    services.dhcp_pools["LAN"] = DhcpPool(
        name="LAN",
        network=IPv4Network("10.1.1.0/24"),
        default_routers=["10.1.1.1"],
        domain_name="branch.example.net",
    )
    services.class_maps["VOICE"] = ClassMap(name="VOICE", match="any", matches=[("dscp", "ef")])
    services.policy_maps["MARK"] = PolicyMap(
        name="MARK", classes=[PolicyClass(class_name="VOICE", actions=[("set-dscp", "ef")])]
    )
    return c


def shaped_render(config: DeviceConfig, target: str) -> Rendered:
    """What `translate` does after adapting: the target's own shaping, then its renderer."""
    platform = get_platform(target)
    shape_for_target(config, get_platform(SOURCE), platform, Notes(target))
    return platform.render(config)


def roundtrip(config: DeviceConfig, target: str) -> list[str]:
    """Differences between ``config`` (shaped for ``target``) and the parse of its rendering,
    as the pipeline checks them."""
    notes = Notes(target)
    shape_for_target(config, get_platform(SOURCE), get_platform(target), notes)
    return render_and_check(Adapted(config=config, notes=notes), target)[1].differences

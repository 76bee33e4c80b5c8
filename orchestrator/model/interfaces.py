"""Interfaces, their addresses, switching settings, first-hop redundancy; VLANs and VRFs."""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import IPv4Interface, IPv6Interface, IPv6Network
from typing import Literal

from orchestrator.model.base import IFLIST, IFREF, Node, Secret

InterfaceKind = Literal[
    "ethernet",  # a physical port of any speed
    "lag",  # port-channel / Eth-Trunk / Bridge- or Route-Aggregation / smartgroup
    "svi",  # Vlan100 / Vlanif100 / Vlan-interface100
    "loopback",
    "tunnel",
    "null",
    "management",  # out-of-band management port
    "subinterface",  # a dot1q sub-interface of an ethernet or lag
    "other",  # serial, ATM, dialer, BVI, ...: kept, translated only by name
]


@dataclass(kw_only=True)
class Address4(Node):
    address: IPv4Interface
    secondary: bool = False


@dataclass(kw_only=True)
class Address6(Node):
    address: IPv6Interface  # link-local addresses carry /64 (they live in fe80::/64)
    kind: Literal["global", "link-local", "eui-64"] = "global"


@dataclass(kw_only=True)
class FhrpGroup(Node):
    """One HSRP or VRRP group on an interface. Targets know only VRRP: HSRP is converted."""

    protocol: Literal["hsrp", "vrrp"]
    group: int
    virtual_ip: list[str] = field(default_factory=list)
    priority: int | None = None
    preempt: bool | None = None
    preempt_delay: int | None = None  # seconds
    hello: int | None = None  # seconds between advertisements
    hold: int | None = None
    auth: Secret | None = None
    auth_md5: bool = False
    track: list[tuple[str, int]] = field(default_factory=list)  # (interface, decrement)
    version: int | None = None
    name: str | None = None
    virtual_ipv6: list[str] = field(default_factory=list)  # addresses; "autoconfig": EUI-64
    #: the master accepts packets addressed to the virtual address (VRRPv3 accept mode,
    #: Junos `accept-data`); None: the platform default (Junos, IOS: not accepted unless owner)
    accept_data: bool | None = None


@dataclass(kw_only=True)
class InterfaceOspf(Node):
    """OSPF settings that live on the interface."""

    process: str | None = None  # interface-mode area assignment (NX-OS `ip router ospf 1 area 0`)
    area: str | None = None  # dotted form, e.g. "0.0.0.0"
    cost: int | None = None
    network_type: Literal["point-to-point", "broadcast", "nbma", "p2mp"] | None = None
    priority: int | None = None
    hello: int | None = None
    dead: int | None = None
    auth: Literal["md5", "simple", "null"] | None = None
    auth_key_id: int | None = None
    auth_key: Secret | None = None
    passive: bool | None = None  # interface-level passive (Junos `passive`, NX-OS)
    bfd: bool | None = None
    demand_circuit: bool = False  # suppress periodic hellos and LSA refresh (RFC 1793)
    flood_reduction: bool = False  # no periodic LSA refresh flooding on this interface
    #: OSPFv3 IPsec protection (RFC 4552): SPI, ESP encryption ("null", "aes-cbc 128", ...),
    #: authentication ("md5", "sha1") and the key
    ipsec_spi: int | None = None
    ipsec_encryption: str | None = None
    ipsec_auth: str | None = None
    ipsec_key: Secret | None = None


@dataclass(kw_only=True)
class Switchport(Node):
    mode: Literal["access", "trunk", "hybrid", "dot1q-tunnel"] = "access"
    access_vlan: int | None = None
    trunk_allowed: list[int] | None = None  # None: all VLANs
    native_vlan: int | None = None
    voice_vlan: int | None = None
    nonegotiate: bool = False
    hybrid_tagged: list[int] = field(default_factory=list)  # VRP/Comware hybrid ports
    hybrid_untagged: list[int] = field(default_factory=list)


@dataclass(kw_only=True)
class Interface(Node):
    name: str
    kind: InterfaceKind = "ethernet"
    description: str | None = None
    shutdown: bool | None = None  # None: not said, the platform's default applies
    mtu: int | None = None
    speed: str | None = None  # "auto", "10", "100", "1000", "10000", ...
    duplex: Literal["auto", "full", "half"] | None = None
    vrf: str | None = None
    ipv4: list[Address4] = field(default_factory=list)
    ipv4_unnumbered: str | None = field(default=None, metadata=IFREF)
    ipv4_dhcp: bool = False
    ipv6: list[Address6] = field(default_factory=list)
    ipv6_enabled: bool = False
    routed: bool | None = None  # `no switchport` (True) on a switch port; None: not said
    switchport: Switchport | None = None
    lag_group: int | None = None  # member of this LAG number
    lag_mode: Literal["active", "passive", "on"] | None = None
    lacp_rate: Literal["fast", "normal"] | None = None  # on the member or the LAG
    encapsulation_vlan: int | None = None  # dot1q tag of a sub-interface
    ospf: InterfaceOspf | None = None
    fhrp: list[FhrpGroup] = field(default_factory=list)
    acl_in: str | None = None
    acl_out: str | None = None
    ipv6_acl_in: str | None = None
    ipv6_acl_out: str | None = None
    helper_addresses: list[str] = field(default_factory=list)  # DHCP relay servers
    proxy_arp: bool | None = None
    redirects: bool | None = None
    unreachables: bool | None = None
    mac_address: str | None = None  # normalised "aabb.ccdd.eeff"
    nat: Literal["inside", "outside"] | None = None
    service_policy_in: str | None = None
    service_policy_out: str | None = None
    stp_edge: bool | None = None  # portfast / stp edged-port
    stp_bpdu_guard: bool | None = None
    stp_cost: int | None = None
    stp_port_priority: int | None = None
    lldp: bool | None = None  # per-port LLDP/CDP state (CDP converts to LLDP)
    cdp: bool | None = None
    bfd_interval: tuple[int, int, int] | None = None  # tx ms, rx ms, multiplier
    load_interval: int | None = None
    bandwidth: int | None = None  # kbit/s
    delay: int | None = None  # tens of microseconds (IOS units)
    storm_control: dict[str, str] = field(default_factory=dict)  # broadcast/multicast -> level
    keepalive: int | None = None
    #: an address, or an interface name (renamed if it is one)
    tunnel_source: str | None = field(default=None, metadata=IFREF)
    tunnel_destination: str | None = None
    tunnel_mode: str | None = None
    tunnel_protection: str | None = None  # IPsec profile protecting the tunnel
    tcp_mss: int | None = None  # clamp the MSS of TCP SYNs crossing the interface (IPv4)
    ipv6_tcp_mss: int | None = None
    ip_mtu: int | None = None  # IPv4 MTU, when it differs from the interface MTU
    ipv6_mtu: int | None = None
    inspect_in: str | None = None  # stateful inspection policy (`Security.inspect_policies`)
    inspect_out: str | None = None
    ipv6_nd: Ipv6Nd | None = None  # router advertisement settings
    ipv6_redirects: bool | None = None
    ipv6_unreachables: bool | None = None
    ipv6_autoconfig: bool = False  # address by SLAAC
    ipv6_dhcp_server: str | None = None  # DHCPv6 pool served (`Services.dhcp6_pools`)
    ospfv3: InterfaceOspf | None = None  # OSPFv3 settings (process, area, cost, ...)
    ipv4_negotiated: bool = False  # address assigned by the PPP peer (IPCP)
    encapsulation: str | None = None  # layer-2 framing of serial/dialer links: "ppp", "hdlc"
    ppp: Ppp | None = None
    dialer_pool: int | None = None  # dialer interface: draws links from this pool
    dialer_group: int | None = None  # dialer interface: interesting traffic list number
    dialer_idle_timeout: int | None = None  # seconds of no interesting traffic before hang-up
    atm_pvc: AtmPvc | None = None
    point_to_point: bool | None = None  # sub-interface type: True point-to-point, False multipoint
    carrier_delay_ms: int | None = None  # link-down debounce
    ip_accounting: list[str] = field(default_factory=list)  # "access-violations", "output-packets"
    ntp_broadcast_client: bool = False  # take time from NTP broadcasts heard here
    bridge_group: int | None = None  # transparent bridging group (routed via BVI<n>)
    #: per-port bridge-group options, IOS names -> on/off: "source-learning",
    #: "unicast-flooding", "spanning-disabled", "subscriber-loop-control",
    #: "block-unknown-source"
    bridge_group_options: dict[str, bool] = field(default_factory=dict)
    stp_vlan_cost: dict[int, int] = field(default_factory=dict)  # per-VLAN STP port cost
    #: this port mirrors (SPAN destination of) these ports, both directions
    monitor_sources: list[str] = field(default_factory=list, metadata=IFLIST)
    mlag_id: int | None = None  # this LAG is leg N of the multi-chassis LAG pair (vPC N)
    autonegotiation: bool | None = None  # False: speed and duplex fixed, no negotiation
    #: EVPN distributed (anycast) gateway: IPv4 addresses every leaf of the fabric answers on
    #: this SVI, with a shared virtual MAC, besides the SVI's own addresses (Junos
    #: `virtual-gateway-address`; Huawei `arp distribute-gateway`, Comware `distributed-gateway
    #: local` and NX-OS `fabric forwarding mode anycast-gateway` use the SVI address itself)
    anycast_gateway: list[str] = field(default_factory=list)
    #: LAG: fewest member links that must be up for the LAG to be up (IOS `port-channel
    #: min-links`, Junos `minimum-links`, Huawei `least active-linknumber`)
    lag_min_links: int | None = None


@dataclass(kw_only=True)
class NdPrefix(Node):
    """Router advertisement options of one prefix (`ipv6 nd prefix`)."""

    prefix: IPv6Network | None = None  # None: `default`, every on-link prefix
    valid: int | None = None  # seconds; None: platform default; 4294967295: infinite
    preferred: int | None = None
    advertise: bool = True
    autoconfig: bool = True  # the A flag: hosts may use SLAAC
    onlink: bool = True  # the L flag


@dataclass(kw_only=True)
class Ipv6Nd(Node):
    """IPv6 router advertisement settings of an interface."""

    managed_config: bool = False  # M flag: addresses from DHCPv6
    other_config: bool = False  # O flag: other settings from DHCPv6
    ra_lifetime: int | None = None  # seconds; 0: not a default router
    ra_interval: int | None = None  # seconds between advertisements
    ra_suppress: Literal["periodic", "all"] | None = None  # "all": not even answers to RS
    prefixes: list[NdPrefix] = field(default_factory=list)


@dataclass(kw_only=True)
class Ppp(Node):
    """PPP link settings of a dialer, serial or virtual-template interface."""

    authentication: list[str] = field(default_factory=list)  # "chap", "pap", ... in order
    auth_callin: bool = False  # authenticate the peer on incoming calls only
    auth_optional: bool = False  # accept a peer that refuses to authenticate
    chap_hostname: str | None = None
    chap_password: Secret | None = None
    pap_username: str | None = None  # sent to the peer
    pap_password: Secret | None = None


@dataclass(kw_only=True)
class AtmPvc(Node):
    """An ATM permanent virtual circuit (DSL uplinks)."""

    vpi: int
    vci: int
    vbr_nrt: tuple[int, ...] | None = None  # (peak kbit/s, sustained kbit/s[, burst cells])
    ubr: int | None = None  # peak kbit/s
    encapsulation: str | None = None  # "aal5snap", "aal5mux ppp dialer", ...
    protocol: str | None = None  # "ppp dialer": PPP over ATM into a dialer pool
    dialer_pool_member: int | None = None


@dataclass(kw_only=True)
class BridgeGroup(Node):
    """A transparent bridging group, routed through interface BVI<id> (IOS IRB)."""

    id: int
    protocol: str | None = None  # spanning tree of the group: "ieee", "vlan-bridge"
    route: list[str] = field(default_factory=list)  # protocols routed through the BVI: "ip"


@dataclass(kw_only=True)
class Vlan(Node):
    id: int
    name: str | None = None
    description: str | None = None
    shutdown: bool | None = None
    vni: int | None = None  # VXLAN segment the VLAN is bridged into (NX-OS `vn-segment`)
    #: IGMP snooping in this VLAN; None: follows `System.igmp_snooping`
    igmp_snooping: bool | None = None


@dataclass(kw_only=True)
class Vrf(Node):
    name: str
    rd: str | None = None
    description: str | None = None
    import_targets: list[str] = field(default_factory=list)
    export_targets: list[str] = field(default_factory=list)
    ipv4: bool = True  # address family ipv4 enabled (VRP8 `ipv4-family`)
    ipv6: bool = False
    import_map: str | None = None
    export_map: str | None = None
    vni: int | None = None  # layer-3 VNI routing the VRF across a VXLAN fabric
    #: route targets of the VRF's EVPN (type-5) routes; "auto": AS number : layer-3 VNI
    evpn_import_targets: list[str] = field(default_factory=list)
    evpn_export_targets: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class MlagDomain(Node):
    """Two switches presenting LAGs as one: Cisco vPC, Huawei M-LAG, H3C DRNI.

    The pair talks over a peer link (a LAG between them) and checks that the peer is alive over
    a separate keepalive path; each member LAG with ``Interface.mlag_id`` N pairs with the LAG
    numbered N on the peer.
    """

    domain: int  # vPC domain / DFS group / DRNI system number
    role_priority: int | None = None  # lower is preferred as the primary of the pair
    system_priority: int | None = None  # LACP system priority the pair presents
    system_mac: str | None = None  # LACP system MAC the pair presents ("aabb.ccdd.eeff")
    peer_link: str | None = field(default=None, metadata=IFREF)  # the LAG between the pair
    keepalive_destination: str | None = None  # the peer's address for heartbeats
    keepalive_source: str | None = None  # this switch's address for heartbeats
    keepalive_vrf: str | None = None  # VRF the heartbeats travel in
    peer_gateway: bool = False  # also route frames sent to the peer's router MAC
    arp_sync: bool = False  # keep the pair's ARP tables synchronised
    auto_recovery: bool | None = None  # bring legs up when the peer never returns
    delay_restore: int | None = None  # seconds before legs come up after the peer link returns

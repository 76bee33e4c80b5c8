"""Static routes, OSPF and BGP."""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network
from typing import Literal

from orchestrator.model.base import IFLIST, IFREF, Node, Secret


@dataclass(kw_only=True)
class StaticRoute(Node):
    prefix: IPv4Network | IPv6Network
    next_hop: str | None = None
    interface: str | None = field(default=None, metadata=IFREF)
    vrf: str | None = None
    next_hop_vrf: str | None = None  # next hop resolved in another VRF (or "global")
    distance: int | None = None
    tag: int | None = None
    name: str | None = None  # description
    permanent: bool = False
    track: int | None = None
    bfd: bool = False


@dataclass(kw_only=True)
class Redistribution(Node):
    """`redistribute <protocol> [process] [metric] [route-map]` / `import-route`."""

    protocol: Literal["connected", "static", "ospf", "bgp", "rip", "isis", "eigrp"]
    process: str | None = None
    metric: int | None = None
    metric_type: int | None = None  # OSPF external type 1/2
    route_map: str | None = None
    subnets: bool = False  # IOS OSPF `subnets` (classless); always true on the targets


@dataclass(kw_only=True)
class OspfArea(Node):
    area: str  # dotted form
    kind: Literal["normal", "stub", "nssa"] = "normal"
    no_summary: bool = False
    default_cost: int | None = None
    auth: Literal["md5", "simple"] | None = None
    ranges: list[tuple[IPv4Network, bool]] = field(default_factory=list)  # (prefix, advertise)
    networks: list[IPv4Network] = field(default_factory=list)  # `network` statements
    nssa_default: bool = False
    auth_key_id: int | None = None  # area-wide key (VRP `authentication-mode md5 1 cipher K`)
    auth_key: Secret | None = None


@dataclass(kw_only=True)
class Ospf(Node):
    process: str  # "1"; Junos has no number: "1"
    vrf: str | None = None
    router_id: str | None = None
    areas: dict[str, OspfArea] = field(default_factory=dict)
    passive_default: bool = False
    passive: list[str] = field(default_factory=list, metadata=IFLIST)  # made passive
    active: list[str] = field(default_factory=list, metadata=IFLIST)  # `no passive-interface X`
    reference_bandwidth: int | None = None  # Mbit/s
    redistribute: list[Redistribution] = field(default_factory=list)
    default_originate: bool = False
    default_originate_always: bool = False
    default_originate_metric: int | None = None
    default_originate_metric_type: int | None = None
    default_originate_route_map: str | None = None
    log_adjacency: bool | None = None
    max_metric_on_startup: int | None = None  # seconds; 0 means always (drain)
    max_metric: bool = False  # router-lsa max-metric always (stub router)
    distance: int | None = None
    maximum_paths: int | None = None
    spf_timers: tuple[int, int, int] | None = None
    bfd_all: bool = False
    graceful_restart: bool | None = None
    default_metric: int | None = None  # metric of redistributed routes without their own


@dataclass(kw_only=True)
class BgpAfPeer(Node):
    """Per-address-family settings of a neighbor or peer group."""

    activate: bool = True
    route_map_in: str | None = None
    route_map_out: str | None = None
    prefix_list_in: str | None = None
    prefix_list_out: str | None = None
    filter_list_in: str | None = None  # AS-path access list
    filter_list_out: str | None = None
    next_hop_self: bool = False
    route_reflector_client: bool = False
    send_community: Literal["standard", "extended", "both"] | None = None
    soft_reconfiguration: bool = False
    default_originate: bool = False
    default_originate_route_map: str | None = None
    maximum_prefix: int | None = None
    maximum_prefix_warning_only: bool = False
    maximum_prefix_threshold: int | None = None  # percent of the maximum that raises a warning
    maximum_prefix_restart: int | None = None  # minutes before a session torn down comes back
    allowas_in: int | None = None  # 0: allowas-in without a count
    remove_private_as: bool = False
    weight: int | None = None
    as_override: bool = False
    unsuppress_map: str | None = None
    #: ADD-PATH: which of the selected paths this peer gets ("all", "best 3", "group-best")
    advertise_additional_paths: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class BgpPeer(Node):
    """Session settings shared by a neighbor and a peer group."""

    remote_as: str | None = None  # asplain or asdot as written; "internal"/"external" allowed
    description: str | None = None
    update_source: str | None = field(default=None, metadata=IFREF)
    ebgp_multihop: int | None = None
    password: Secret | None = None
    keepalive: int | None = None
    hold: int | None = None
    shutdown: bool = False
    local_as: str | None = None
    bfd: bool = False
    ttl_security: int | None = None
    peer_group: str | None = None  # the group a neighbor belongs to
    fall_over_bfd: bool = False
    #: BFD timers of the session: (transmit ms, receive ms, detect multiplier); None: the
    #: platform's BFD defaults (Junos `bfd-liveness-detection minimum-interval/multiplier`,
    #: Huawei `peer X bfd min-tx-interval/min-rx-interval/detect-multiplier`)
    bfd_interval: tuple[int, int, int] | None = None
    #: size the session's TCP segments by path-MTU discovery (True) or by the small default
    #: MSS (False); None: the platform default (Junos off, IOS on). Junos `mtu-discovery`, IOS
    #: `neighbor X transport path-mtu-discovery`, Huawei `peer X path-mtu auto-discovery`
    path_mtu_discovery: bool | None = None


@dataclass(kw_only=True)
class BgpNeighbor(BgpPeer):
    address: str


@dataclass(kw_only=True)
class BgpPeerGroup(BgpPeer):
    name: str


@dataclass(kw_only=True)
class BgpNetwork(Node):
    prefix: IPv4Network | IPv6Network
    route_map: str | None = None
    backdoor: bool = False


@dataclass(kw_only=True)
class BgpAggregate(Node):
    prefix: IPv4Network | IPv6Network
    summary_only: bool = False
    as_set: bool = False


@dataclass(kw_only=True)
class BgpAddressFamily(Node):
    afi: Literal["ipv4", "ipv6", "vpnv4", "vpnv6", "l2vpn-evpn"] = "ipv4"
    safi: Literal["unicast", "multicast", "vpn", "evpn"] = "unicast"
    vrf: str | None = None
    networks: list[BgpNetwork] = field(default_factory=list)
    aggregates: list[BgpAggregate] = field(default_factory=list)
    redistribute: list[Redistribution] = field(default_factory=list)
    peers: dict[str, BgpAfPeer] = field(default_factory=dict)  # neighbor address or group name
    maximum_paths: int | None = None
    maximum_paths_ibgp: int | None = None
    synchronization: bool | None = None
    auto_summary: bool | None = None
    default_information_originate: bool = False
    distance: tuple[int, int, int] | None = None  # external, internal, local
    maximum_paths_eibgp: int | None = None  # multipath across eBGP and iBGP paths (VPN)
    dampening: bool = False  # route flap dampening (RFC 2439)
    #: (half-life minutes, reuse, suppress, max suppress minutes); None: platform defaults
    dampening_params: tuple[int, int, int, int] | None = None
    additional_paths_select: str | None = None  # paths offered: "all", "best 2", "group-best"
    additional_paths_send: bool = False  # ADD-PATH capability (RFC 7911) advertised
    additional_paths_receive: bool = False
    advertise_evpn: bool = False  # the VRF's routes also go out as EVPN type-5 routes
    retain_route_target_all: bool = False  # keep VPN/EVPN routes no local VRF imports (RR)


@dataclass(kw_only=True)
class BgpVrf(Node):
    """Neighbors that live in a VRF (IOS `address-family ipv4 vrf X`, NX-OS `vrf X`)."""

    name: str
    router_id: str | None = None
    neighbors: dict[str, BgpNeighbor] = field(default_factory=dict)


@dataclass(kw_only=True)
class Bgp(Node):
    asn: str
    router_id: str | None = None
    log_neighbor_changes: bool | None = None
    default_ipv4_unicast: bool = True  # IOS `no bgp default ipv4-unicast` sets False
    always_compare_med: bool = False
    deterministic_med: bool = False
    bestpath_as_path_multipath_relax: bool = False
    graceful_restart: bool | None = None
    confederation_id: str | None = None
    confederation_peers: list[str] = field(default_factory=list)
    cluster_id: str | None = None
    keepalive: int | None = None
    hold: int | None = None
    neighbors: dict[str, BgpNeighbor] = field(default_factory=dict)
    peer_groups: dict[str, BgpPeerGroup] = field(default_factory=dict)
    address_families: list[BgpAddressFamily] = field(default_factory=list)
    vrfs: dict[str, BgpVrf] = field(default_factory=dict)
    fast_external_fallover: bool | None = None
    bestpath_compare_routerid: bool = False  # tie-break equal eBGP paths by router ID
    #: dynamic neighbors: sessions from any address in the prefix join the peer group
    listen_ranges: list[tuple[IPv4Network | IPv6Network, str]] = field(default_factory=list)

    def family(
        self, afi: str = "ipv4", safi: str = "unicast", vrf: str | None = None
    ) -> BgpAddressFamily:
        """The address family, created on first use so parsers need not check."""
        for af in self.address_families:
            if af.afi == afi and af.safi == safi and af.vrf == vrf:
                return af
        af = BgpAddressFamily(afi=afi, safi=safi, vrf=vrf)  # type: ignore[arg-type]
        self.address_families.append(af)
        return af

"""Interfaces, their addresses, switching settings, first-hop redundancy; VLANs and VRFs."""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import IPv4Interface, IPv6Interface
from typing import Literal

from orchestrator.model.base import IFREF, Node, Secret

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
    address: IPv6Interface
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
    tunnel_source: str | None = None  # an address, or an interface name (renamed if it is one)
    tunnel_destination: str | None = None
    tunnel_mode: str | None = None


@dataclass(kw_only=True)
class Vlan(Node):
    id: int
    name: str | None = None
    description: str | None = None
    shutdown: bool | None = None


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

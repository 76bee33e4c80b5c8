"""What a lab box can see of the network: the one narrow interface between the boxes and the
backend that computes it.

A persona (`lab/platforms/`) renders `show`/`display` output only from these records, never
from the topology's internals, so a second backend (FRR and lldpd in network namespaces) can
answer the same questions from real software. `lab/topology.py` computes them from the configs
at both ends of each cable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import IPv4Address, IPv4Interface, IPv4Network
from typing import Literal, Protocol

BgpStateName = Literal["Idle", "Connect", "Active", "OpenSent", "OpenConfirm", "Established"]
OspfStateName = Literal["Down", "Init", "2-Way", "ExStart", "Exchange", "Loading", "Full"]
RouteProtocol = Literal["connected", "local", "static", "ospf", "bgp"]


@dataclass(frozen=True)
class PortState:
    """One interface as the box sees it (`name` in the box's own spelling)."""

    name: str
    kind: str  # the model's InterfaceKind: ethernet, lag, vlan, loopback, subinterface, ...
    admin_up: bool
    oper_up: bool
    mac: str  # "aabb.ccdd.eeff"
    speed_mbps: int = 1000
    mtu: int = 1500
    description: str = ""
    ipv4: tuple[IPv4Interface, ...] = ()
    vrf: str | None = None
    lag: str | None = None  # the LAG this port is a member of
    members: tuple[str, ...] = ()  # a LAG's member ports
    switchport: Literal["access", "trunk", "hybrid"] | None = None
    access_vlan: int | None = None
    trunk_vlans: tuple[int, ...] = ()
    native_vlan: int | None = None
    counters: PortCounters = field(default_factory=lambda: PortCounters())


@dataclass(frozen=True)
class PortCounters:
    in_octets: int = 0
    out_octets: int = 0
    in_packets: int = 0
    out_packets: int = 0
    in_errors: int = 0
    out_errors: int = 0


@dataclass(frozen=True)
class LldpNeighbor:
    local_port: str
    remote_system: str
    remote_port: str
    remote_port_description: str
    remote_chassis_id: str  # "aabb.ccdd.eeff"
    remote_system_description: str
    remote_capabilities: tuple[str, ...] = ("router",)
    remote_mgmt_address: str = ""
    ttl: int = 120


@dataclass(frozen=True)
class BgpSession:
    neighbor: IPv4Address
    remote_as: int
    local_as: int
    state: BgpStateName
    local_address: IPv4Address | None = None
    router_id: IPv4Address | None = None
    remote_router_id: IPv4Address | None = None
    vrf: str | None = None
    description: str = ""
    uptime: int = 0  # seconds in the current state
    prefixes_received: int = 0
    prefixes_accepted: int = 0
    prefixes_sent: int = 0
    messages_received: int = 0
    messages_sent: int = 0
    reason: str = ""  # why a session is not Established, in plain words (lab only)


@dataclass(frozen=True)
class OspfNeighbor:
    router_id: IPv4Address
    address: IPv4Address
    interface: str
    area: str  # dotted
    state: OspfStateName
    priority: int = 1
    role: Literal["DR", "BDR", "DROther", ""] = ""
    dead_seconds: int = 35
    uptime: int = 0
    process: str = "1"


@dataclass(frozen=True)
class Route:
    prefix: IPv4Network
    protocol: RouteProtocol
    next_hop: IPv4Address | None
    interface: str | None
    distance: int
    metric: int = 0
    vrf: str | None = None
    age: int = 0  # seconds
    as_path: tuple[int, ...] = ()
    #: "" for connected/local/static; OSPF "intra-area", "inter-area", "external-1",
    #: "external-2"; BGP "ebgp", "ibgp"
    route_type: str = ""


@dataclass(frozen=True)
class ArpEntry:
    address: IPv4Address
    mac: str
    interface: str
    age: int = 0  # minutes; 0 for the box's own addresses
    vlan: int | None = None
    own: bool = False  # the box's own address (IOS shows age "-", VRP type "I")


@dataclass(frozen=True)
class MacEntry:
    mac: str
    vlan: int
    interface: str
    static: bool = False
    age: int = 0


@dataclass(frozen=True)
class VlanState:
    vlan: int
    name: str
    active: bool
    ports: tuple[str, ...] = ()  # untagged (access) ports
    tagged: tuple[str, ...] = ()  # trunk ports carrying it


class LabState(Protocol):
    """Everything a box's `show`/`display` commands report, given the configs and the cables."""

    def ports(self, device: str) -> list[PortState]: ...
    def lldp(self, device: str) -> list[LldpNeighbor]: ...
    def bgp(self, device: str) -> list[BgpSession]: ...
    def ospf(self, device: str) -> list[OspfNeighbor]: ...
    def routes(self, device: str) -> list[Route]: ...
    def arp(self, device: str) -> list[ArpEntry]: ...
    def macs(self, device: str) -> list[MacEntry]: ...
    def vlans(self, device: str) -> list[VlanState]: ...

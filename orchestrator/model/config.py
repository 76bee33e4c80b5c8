"""The vendor-neutral device configuration: everything a parser reads and a renderer writes."""

from __future__ import annotations

from dataclasses import dataclass, field

from orchestrator.model.base import Node
from orchestrator.model.interfaces import BridgeGroup, Interface, MlagDomain, Vlan, Vrf
from orchestrator.model.overlay import EvpnVni, Nve
from orchestrator.model.policy import Acl, AsPathList, CommunityList, PrefixList, RouteMap
from orchestrator.model.routing import Bgp, Ospf, StaticRoute
from orchestrator.model.security import Security
from orchestrator.model.services import Services
from orchestrator.model.system import System


@dataclass(kw_only=True)
class DeviceConfig(Node):
    """One device's configuration, independent of vendor syntax.

    Collections keyed by name compare without regard to order (a dict), lists keep the order
    that carries meaning (ACL entries, route-map entries, static routes as written).
    """

    system: System = field(default_factory=System)
    interfaces: dict[str, Interface] = field(default_factory=dict)
    vlans: dict[int, Vlan] = field(default_factory=dict)
    vrfs: dict[str, Vrf] = field(default_factory=dict)
    static_routes: list[StaticRoute] = field(default_factory=list)
    ospf: dict[str, Ospf] = field(default_factory=dict)  # process id -> process
    bgp: Bgp | None = None
    acls: dict[str, Acl] = field(default_factory=dict)
    prefix_lists: dict[str, PrefixList] = field(default_factory=dict)
    community_lists: dict[str, CommunityList] = field(default_factory=dict)
    as_path_lists: dict[str, AsPathList] = field(default_factory=dict)
    route_maps: dict[str, RouteMap] = field(default_factory=dict)
    services: Services = field(default_factory=Services)
    security: Security = field(default_factory=Security)
    ospfv3: dict[str, Ospf] = field(default_factory=dict)  # OSPFv3 processes (IPv6)
    bridge_irb: bool | None = None  # bridge groups may be routed through BVI interfaces
    bridge_groups: dict[int, BridgeGroup] = field(default_factory=dict)
    mlag: MlagDomain | None = None  # multi-chassis LAG pair this switch belongs to (vPC)
    nve: dict[str, Nve] = field(default_factory=dict)  # VXLAN tunnel endpoints by name
    evpn_vnis: dict[int, EvpnVni] = field(default_factory=dict)  # EVPN instances of L2 VNIs

    def interface_filters(self) -> dict[str, list[tuple[Interface, str]]]:
        """ACL name → the (interface, field) pairs that filter packets with it."""
        users: dict[str, list[tuple[Interface, str]]] = {}
        for ifc in self.interfaces.values():
            for name in ("acl_in", "acl_out", "ipv6_acl_in", "ipv6_acl_out"):
                value = getattr(ifc, name)
                if value is not None:
                    users.setdefault(value, []).append((ifc, name))
        return users

    def interface(self, name: str) -> Interface:
        """The interface called ``name``, created on first use."""
        found = self.interfaces.get(name)
        if found is None:
            found = self.interfaces[name] = Interface(name=name)
        return found

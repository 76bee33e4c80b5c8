"""VXLAN overlays with an EVPN control plane: tunnel endpoints (NVE) and EVPN instances.

A VLAN is bridged into a VXLAN segment by `Vlan.vni`; a VRF is routed across the fabric by its
layer-3 VNI (`Vrf.vni`). The tunnel endpoint (`Nve`) lists the VNIs it carries and how traffic
for unknown destinations reaches the other endpoints; `EvpnVni` holds the route distinguisher
and route targets of a layer-2 VNI. ``"auto"`` as an RD or route target means the box derives
it: RD = router ID : a per-VNI number, route target = AS number : VNI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from orchestrator.model.base import IFREF, Node


@dataclass(kw_only=True)
class NveVni(Node):
    """One VNI a tunnel endpoint carries."""

    vni: int
    l3: bool = False  # a VRF's layer-3 VNI (NX-OS `associate-vrf`), not a bridged segment
    suppress_arp: bool = False  # answer ARP from EVPN-learnt bindings instead of flooding it
    #: how broadcast/unknown/multicast traffic reaches the other endpoints: head-end copies to
    #: endpoints learnt from EVPN ("bgp"), to a static list ("static"), or an underlay group
    replication: Literal["bgp", "static", "multicast"] | None = None
    peers: list[str] = field(default_factory=list)  # static head-end replication list
    mcast_group: str | None = None  # underlay multicast group


@dataclass(kw_only=True)
class Nve(Node):
    """A VXLAN tunnel endpoint: NX-OS `interface nve1`, Huawei and H3C `interface Nve1`."""

    name: str  # as the source writes it ("nve1")
    shutdown: bool | None = None
    source_interface: str | None = field(default=None, metadata=IFREF)  # the VTEP address
    bgp_evpn: bool = False  # remote MAC/IP bindings are learnt from BGP EVPN, not by flooding
    vnis: dict[int, NveVni] = field(default_factory=dict)


@dataclass(kw_only=True)
class EvpnVni(Node):
    """The EVPN instance of one layer-2 VNI (NX-OS `evpn` / `vni N l2`)."""

    vni: int
    rd: str | None = None  # "auto": derived by the box
    import_targets: list[str] = field(default_factory=list)  # "auto": AS number : VNI
    export_targets: list[str] = field(default_factory=list)

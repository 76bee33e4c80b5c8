"""The computed backend of `LabState`: what each box sees, from the configs and the cables.

First cut: interface state and LLDP from the cables. BGP, OSPF, routes, ARP, MAC and VLAN
state are computed in `lab/routing.py` (being written); until then they are empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from orchestrator.lab.device import LabDevice
from orchestrator.lab.state import (
    ArpEntry,
    BgpSession,
    LldpNeighbor,
    MacEntry,
    OspfNeighbor,
    PortState,
    Route,
    VlanState,
)
from orchestrator.model import Interface

End = tuple[str, str]  # (device name, port name in that device's spelling)


@dataclass(frozen=True)
class Cable:
    a: End
    b: End


class Topology:
    """Implements `LabState` by computation. Results are cached until something changes."""

    def __init__(self, devices: dict[str, LabDevice], cables: list[Cable]) -> None:
        self.devices = devices
        self.cables = cables
        self.bgp_down: set[tuple[str, str]] = set()
        self._cache: dict[tuple[str, str], object] = {}

    def invalidate(self) -> None:
        self._cache.clear()

    def move_cable(self, end: End, to: End) -> None:
        for i, cable in enumerate(self.cables):
            if cable.a == end:
                self.cables[i] = Cable(to, cable.b)
                break
            if cable.b == end:
                self.cables[i] = Cable(cable.a, to)
                break
        else:
            raise KeyError(f"no cable at {end[0]} {end[1]}")
        self.invalidate()

    def fault_bgp(self, device: str, neighbor: str, down: bool) -> None:
        if down:
            self.bgp_down.add((device, neighbor))
        else:
            self.bgp_down.discard((device, neighbor))
        self.invalidate()

    def clear_faults(self) -> None:
        self.bgp_down.clear()
        self.invalidate()

    def peer(self, end: End) -> End | None:
        """The far end of the cable plugged in at ``end``."""
        for cable in self.cables:
            if cable.a == end:
                return cable.b
            if cable.b == end:
                return cable.a
        return None

    # -- LabState ----------------------------------------------------------------------------
    def ports(self, device: str) -> list[PortState]:
        box = self.devices[device]
        out: list[PortState] = []
        for index, ifc in enumerate(box.config.interfaces.values()):
            out.append(self._port(box, index, ifc))
        return out

    def _admin_up(self, box: LabDevice, ifc: Interface) -> bool:
        return not ifc.shutdown

    def _port(self, box: LabDevice, index: int, ifc: Interface) -> PortState:
        admin = self._admin_up(box, ifc)
        oper = admin
        if ifc.kind == "ethernet":
            far = self.peer((box.name, ifc.name))
            oper = admin and far is not None and self._far_admin_up(far)
        return PortState(
            name=ifc.name,
            kind=ifc.kind,
            admin_up=admin,
            oper_up=oper,
            mac=box.port_mac(index),
            mtu=ifc.mtu or 1500,
            description=ifc.description or "",
            ipv4=tuple(a.address for a in ifc.ipv4),
            vrf=ifc.vrf,
        )

    def _far_admin_up(self, end: End) -> bool:
        box = self.devices.get(end[0])
        if box is None:
            return False
        ifc = box.config.interfaces.get(end[1])
        return ifc is None or not ifc.shutdown

    def lldp(self, device: str) -> list[LldpNeighbor]:
        box = self.devices[device]
        out: list[LldpNeighbor] = []
        for port in self.ports(device):
            if not port.oper_up or port.kind != "ethernet":
                continue
            far = self.peer((box.name, port.name))
            if far is None:
                continue
            other = self.devices[far[0]]
            far_ifc = other.config.interfaces.get(far[1])
            out.append(
                LldpNeighbor(
                    local_port=port.name,
                    remote_system=other.hostname,
                    remote_port=far[1],
                    remote_port_description=(far_ifc.description if far_ifc else "") or "",
                    remote_chassis_id=other.mac,
                    remote_system_description=f"{other.platform} {other.version}",
                )
            )
        return out

    def bgp(self, device: str) -> list[BgpSession]:
        return []

    def ospf(self, device: str) -> list[OspfNeighbor]:
        return []

    def routes(self, device: str) -> list[Route]:
        return []

    def arp(self, device: str) -> list[ArpEntry]:
        return []

    def macs(self, device: str) -> list[MacEntry]:
        return []

    def vlans(self, device: str) -> list[VlanState]:
        return []

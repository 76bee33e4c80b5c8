"""The lab's boxes and their ports: which interfaces exist, and which are up.

Every interface of each box's config plus every cabled port the config does not mention (in its
default state); admin state from `shutdown` or the platform's default (`lab/defaults.py`); oper
state from the cable and the far end (physical), the members (LAG, at least `min-links` of them),
the VLAN's ports (SVI), the parent (sub-interface). Each wire end (a port that is no LAG member)
gets its switching mode: routed, or access/trunk/hybrid with its VLANs; a box is a switch when
its platform's ports switch by default or its config has switch ports or SVIs, and then an
unconfigured port is an access port in VLAN 1. MACs are stable per port name.

What is left out: LACP negotiation (a member is up when its link is), speed/duplex mismatches.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from ipaddress import IPv4Interface
from typing import Literal

from orchestrator.lab.common import parent_name, trailing_number
from orchestrator.lab.defaults import PlatformDefaults, platform_defaults
from orchestrator.lab.device import LabDevice
from orchestrator.model import DeviceConfig, Interface
from orchestrator.ports import canonical_name, interface_kind, port_speed

End = tuple[str, str]  # (device name, port name in that device's spelling)
Mode = Literal["routed", "access", "trunk", "hybrid"]

#: kinds that are a port on the front panel: they need a cable to be up
PHYSICAL = frozenset({"ethernet", "other"})
#: kinds a cable can plug into
CABLED = frozenset({"ethernet", "other", "management"})
#: kinds with hardware of their own (a MAC address of their own)
_HARDWARE = frozenset({"ethernet", "lag", "management", "other"})


@dataclass
class PortInfo:
    """One interface of one box while the network is computed."""

    device: str
    name: str
    kind: str
    ifc: Interface | None
    admin_up: bool
    oper_up: bool = False
    mac: str = ""
    speed: int = 1000
    far: End | None = None  # the cable's far end
    lag: str | None = None  # the LAG this port is a member of
    members: list[str] = field(default_factory=list)
    parent: str | None = None  # a sub-interface's port
    tag: int | None = None  # a sub-interface's 802.1Q tag
    mode: Mode | None = None  # how a wire end (a port that is no LAG member) treats frames
    access_vlan: int | None = None  # access VLAN, or a hybrid port's PVID
    native_vlan: int | None = None
    vlans: tuple[int, ...] = ()  # VLANs a trunk or hybrid port carries tagged
    explicit_trunk: bool = False  # the trunk lists its VLANs (False: all the box's VLANs)
    svi_vlan: int | None = None

    @property
    def addresses(self) -> list[IPv4Interface]:
        return [a.address for a in self.ifc.ipv4] if self.ifc else []

    @property
    def vrf(self) -> str | None:
        return self.ifc.vrf if self.ifc else None

    def carries(self, vlan: int) -> bool:
        """Whether this wire end passes frames of ``vlan``."""
        if self.mode == "access":
            return self.access_vlan == vlan
        if self.mode in ("trunk", "hybrid"):
            return vlan in self.vlans or vlan == self.access_vlan or vlan == self.native_vlan
        return False


@dataclass
class Box:
    """One lab device and what the computation derived from its config."""

    device: LabDevice
    config: DeviceConfig
    defaults: PlatformDefaults
    ports: dict[str, PortInfo] = field(default_factory=dict)
    is_switch: bool = False
    vlans: set[int] = field(default_factory=set)
    _names: dict[str, str] = field(default_factory=dict)  # lower-cased canonical → port name

    @property
    def name(self) -> str:
        return self.device.name

    def resolve(self, name: str) -> str:
        """The box's own spelling of port ``name`` (`gi0/1` → `GigabitEthernet0/1`)."""
        if name in self.ports:
            return name
        key = canonical_name(self.device.platform, name).lower()
        return self._names.get(key, canonical_name(self.device.platform, name))

    def port(self, name: str) -> PortInfo | None:
        return self.ports.get(self.resolve(name))


def _stable_macs(box: Box) -> None:
    """One MAC per hardware port, stable across config changes (a hash of the port name, the
    next free one on a clash); sub-interfaces take their port's, the rest the box's own."""
    taken: set[int] = set()
    for name in sorted(p.name for p in box.ports.values() if p.kind in _HARDWARE):
        digest = int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)
        index = 1 + digest % 4000
        while index in taken:
            index = index % 4000 + 1
        taken.add(index)
        box.ports[name].mac = box.device.port_mac(index)
    for port in box.ports.values():
        if port.ifc is not None and port.ifc.mac_address:
            port.mac = port.ifc.mac_address
        elif not port.mac:
            parent = box.ports.get(port.parent) if port.parent else None
            port.mac = parent.mac if parent and parent.mac else box.device.port_mac(0)


def _speed(platform: str, port: PortInfo) -> int:
    if port.ifc is not None and port.ifc.speed and port.ifc.speed.isdigit():
        return int(port.ifc.speed)
    return port_speed(platform, port.name) or 1000


def _admin(defaults: PlatformDefaults, kind: str, ifc: Interface | None) -> bool:
    if ifc is not None and ifc.shutdown is not None:
        return not ifc.shutdown
    return defaults.admin_up(kind)


def _make_box(device: LabDevice) -> Box:
    config = device.config
    defaults = platform_defaults(device.platform)
    box = Box(device, config, defaults)
    for ifc in config.interfaces.values():
        box.ports[ifc.name] = PortInfo(
            device.name, ifc.name, ifc.kind, ifc, _admin(defaults, ifc.kind, ifc)
        )
        box._names[canonical_name(device.platform, ifc.name).lower()] = ifc.name
    box.is_switch = defaults.switch_ports or any(
        (i.switchport is not None and i.routed is not True) or i.kind == "svi"
        for i in config.interfaces.values()
    )
    return box


def _add_cabled_port(box: Box, name: str) -> PortInfo:
    resolved = box.resolve(name)
    port = box.ports.get(resolved)
    if port is None:
        kind = interface_kind(box.device.platform, resolved)
        if kind == "other" and resolved == name.strip():
            kind = "ethernet"  # a name the naming table does not know: take it as a port
        port = PortInfo(box.name, resolved, kind, None, box.defaults.admin_up(kind))
        box.ports[resolved] = port
        box._names[canonical_name(box.device.platform, resolved).lower()] = resolved
    return port


def _link_lags(box: Box) -> None:
    lags = {trailing_number(p.name): p for p in box.ports.values() if p.kind == "lag"}
    for port in box.ports.values():
        if port.ifc is not None and port.ifc.lag_group is not None:
            lag = lags.get(port.ifc.lag_group)
            if lag is not None:
                port.lag = lag.name
                lag.members.append(port.name)
        if port.kind == "subinterface":
            port.parent = box.resolve(parent_name(port.name) or port.name)
            port.tag = port.ifc.encapsulation_vlan if port.ifc else None
        if port.kind == "svi":
            port.svi_vlan = trailing_number(port.name)


def _switching(box: Box) -> None:
    """Each wire end's mode and VLANs, and the box's VLAN set."""
    has_subs = {p.parent for p in box.ports.values() if p.parent}
    vlans: set[int] = set(box.config.vlans)
    if box.is_switch:
        vlans.add(1)
    for port in box.ports.values():
        if port.lag is not None or port.kind not in ("ethernet", "lag", "other", "management"):
            continue
        ifc = port.ifc
        sw = ifc.switchport if ifc else None
        if sw is not None and (ifc is None or ifc.routed is not True):
            if sw.mode in ("access", "dot1q-tunnel"):
                port.mode, port.access_vlan = "access", sw.access_vlan or 1
            elif sw.mode == "trunk":
                port.mode, port.native_vlan = "trunk", sw.native_vlan or 1
                port.explicit_trunk = sw.trunk_allowed is not None
                port.vlans = tuple(sw.trunk_allowed or ())
            else:
                port.mode = "hybrid"
                port.access_vlan = sw.native_vlan or sw.access_vlan or 1
                port.vlans = tuple(sorted(set(sw.hybrid_tagged)))
                port.explicit_trunk = True
            vlans.update(v for v in (port.access_vlan, port.native_vlan) if v is not None)
        elif ifc is not None and (ifc.ipv4 or ifc.routed or port.name in has_subs):
            port.mode = "routed"
        elif box.is_switch and port.kind in ("ethernet", "lag"):
            port.mode, port.access_vlan = "access", 1
        else:
            port.mode = "routed"
    box.vlans = vlans
    for port in box.ports.values():
        if port.mode == "trunk":
            carried = set(port.vlans) if port.explicit_trunk else set(vlans)
            port.vlans = tuple(sorted(carried & vlans))


def _oper(boxes: dict[str, Box]) -> None:
    def far_admin(end: End) -> bool:
        far_box = boxes.get(end[0])
        far = far_box.ports.get(end[1]) if far_box else None
        return far is not None and far.admin_up

    for box in boxes.values():
        for port in box.ports.values():
            if port.kind in PHYSICAL:
                port.oper_up = port.admin_up and port.far is not None and far_admin(port.far)
            elif port.kind == "management":
                # an unplugged management port is taken to sit on the out-of-band network
                port.oper_up = port.admin_up and (port.far is None or far_admin(port.far))
            elif port.kind in ("loopback", "null", "tunnel"):
                port.oper_up = port.admin_up
    for box in boxes.values():
        for port in box.ports.values():
            if port.kind == "lag":
                up = [box.ports[m] for m in port.members if box.ports[m].oper_up]
                least = (port.ifc.lag_min_links if port.ifc else None) or 1
                port.oper_up = port.admin_up and len(up) >= least
                speeds = [box.ports[m].speed for m in port.members]
                port.speed = sum(box.ports[m].speed for m in port.members if box.ports[m].oper_up)
                port.speed = port.speed or (sum(speeds) if speeds else 1000)
        for port in box.ports.values():
            if port.kind == "subinterface":
                parent = box.ports.get(port.parent or "")
                port.oper_up = port.admin_up and parent is not None and parent.oper_up
                port.speed = parent.speed if parent else port.speed
        for port in box.ports.values():
            if port.kind == "svi":
                vlan = port.svi_vlan
                port.oper_up = (
                    port.admin_up
                    and vlan is not None
                    and any(p.oper_up and p.carries(vlan) for p in box.ports.values() if p.mode)
                )


def build_ports(devices: dict[str, LabDevice], cables: list[tuple[End, End]]) -> dict[str, Box]:
    """Every box's ports with admin and oper state, MACs, speeds, LAGs and switching."""
    boxes = {name: _make_box(device) for name, device in devices.items()}
    for a, b in cables:
        if a[0] not in boxes or b[0] not in boxes:
            continue
        pa = _add_cabled_port(boxes[a[0]], a[1])
        pb = _add_cabled_port(boxes[b[0]], b[1])
        pa.far, pb.far = (b[0], pb.name), (a[0], pa.name)
    for box in boxes.values():
        _link_lags(box)
        for port in box.ports.values():
            port.speed = _speed(box.device.platform, port)
        _switching(box)
    _oper(boxes)
    for box in boxes.values():
        _stable_macs(box)
    return boxes

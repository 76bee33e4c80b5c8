"""Layer 2: which layer 3 interfaces share a segment, and what switches learn.

Segments by union-find over the ports of `lab/boxes.py`: a cable joins the wires at both ends (a
LAG member's wire is its LAG's), each wire carries untagged frames and one channel per 802.1Q
tag, and every end attaches its channels to what it has behind them: a routed port and its
dot1q sub-interfaces, or a switch's VLAN domains (access, trunk with its allowed list and native
VLAN, hybrid); an SVI joins its VLAN's domain. Two layer 3 interfaces are on one segment when
their nodes end up in one set. A switch learns, on each port and VLAN, the MACs of the layer 3
interfaces found by walking the VLAN graph away from it through that port.

What is left out: spanning tree (every path forwards, loops included), Q-in-Q, private VLANs,
VXLAN.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from ipaddress import IPv4Address, IPv4Interface

from orchestrator.lab.boxes import CABLED, Box, End, PortInfo, build_ports
from orchestrator.lab.common import UnionFind
from orchestrator.lab.device import LabDevice

Node = tuple[Hashable, ...]


@dataclass(frozen=True)
class L3If:
    """A layer 3 interface: where an address lives, on which segment."""

    device: str
    name: str
    vrf: str | None
    addresses: tuple[IPv4Interface, ...]
    mac: str
    up: bool
    segment: Hashable
    kind: str
    vlan: int | None = None  # an SVI's VLAN


@dataclass
class L2:
    """The result of `build_l2`: boxes with their ports, the segments, the VLAN graph."""

    boxes: dict[str, Box]
    l3: dict[tuple[str, str], L3If]
    segments: dict[Hashable, list[L3If]]
    graph: dict[Node, list[tuple[Node, str | None]]]  # layer 2 node → (node, via port)
    by_address: dict[IPv4Address, list[L3If]] = field(default_factory=dict)  # up ones only
    by_device: dict[str, list[L3If]] = field(default_factory=dict)

    def l3_of(self, device: str) -> Iterator[L3If]:
        yield from self.by_device.get(device, [])

    def owners(self, address: IPv4Address) -> list[L3If]:
        """The up interfaces that hold ``address``."""
        return self.by_address.get(address, [])


# -- segments --------------------------------------------------------------------------------


def _face(box: Box, port: PortInfo) -> PortInfo:
    """The wire end a port's frames belong to: its LAG, or itself."""
    if port.lag is not None:
        return box.ports[port.lag]
    return port


def build_l2(devices: dict[str, LabDevice], cables: list[tuple[End, End]]) -> L2:
    """Ports, segments and the VLAN graph of the whole lab."""
    boxes = build_ports(devices, cables)
    wires: UnionFind[Node] = UnionFind()
    for box in boxes.values():
        for port in box.ports.values():
            if port.far is None or not port.oper_up or port.kind not in CABLED:
                continue
            far_box = boxes[port.far[0]]
            far = far_box.ports[port.far[1]]
            if far.oper_up:
                wires.union(
                    ("w", box.name, _face(box, port).name),
                    ("w", far_box.name, _face(far_box, far).name),
                )

    uf: UnionFind[Node] = UnionFind()
    graph: dict[Node, list[tuple[Node, str | None]]] = {}

    def join(a: Node, b: Node, via: str | None = None) -> None:
        uf.union(a, b)
        graph.setdefault(a, []).append((b, via))
        graph.setdefault(b, []).append((a, None))

    for box in boxes.values():
        subs: dict[str, list[PortInfo]] = {}
        for port in box.ports.values():
            if port.parent is not None:
                subs.setdefault(port.parent, []).append(port)
        for port in box.ports.values():
            if port.mode is None or port.lag is not None or not port.oper_up:
                continue
            wire = wires.find(("w", box.name, port.name))

            def chan(tag: int | None, wire: Node = wire) -> Node:
                return ("c", wire, tag)

            if port.mode == "routed":
                join(("l3", box.name, port.name), chan(None))
                for sub in subs.get(port.name, []):
                    if sub.oper_up:
                        join(("l3", box.name, sub.name), chan(sub.tag))
                continue
            if port.access_vlan is not None:
                join(("v", box.name, port.access_vlan), chan(None), port.name)
            if port.mode == "trunk" and port.native_vlan in port.vlans:
                join(("v", box.name, port.native_vlan), chan(None), port.name)
            for vlan in port.vlans:
                if vlan not in (port.native_vlan, port.access_vlan):
                    join(("v", box.name, vlan), chan(vlan), port.name)
        for port in box.ports.values():
            if port.kind == "svi" and port.oper_up and port.svi_vlan is not None:
                join(("l3", box.name, port.name), ("v", box.name, port.svi_vlan))

    l3: dict[tuple[str, str], L3If] = {}
    segments: dict[Hashable, list[L3If]] = {}
    for box in boxes.values():
        for port in box.ports.values():
            if not port.addresses or port.lag is not None:
                continue
            node: Node = ("l3", box.name, port.name)
            segment = uf.find(node) if node in uf.parent else node
            item = L3If(
                box.name,
                port.name,
                port.vrf,
                tuple(port.addresses),
                port.mac,
                port.oper_up,
                segment,
                port.kind,
                port.svi_vlan,
            )
            l3[(box.name, port.name)] = item
            if item.up:
                segments.setdefault(segment, []).append(item)
    by_address: dict[IPv4Address, list[L3If]] = {}
    by_device: dict[str, list[L3If]] = {}
    for item in l3.values():
        by_device.setdefault(item.device, []).append(item)
        if item.up:
            for address in item.addresses:
                by_address.setdefault(address.ip, []).append(item)
    return L2(boxes, l3, segments, graph, by_address, by_device)


def learned_macs(l2: L2, device: str) -> list[tuple[str, int, str]]:
    """(MAC, VLAN, port) for each MAC a switch learns: the layer 3 interfaces behind each of
    its ports in each VLAN, found by walking the VLAN graph away from the switch."""
    box = l2.boxes[device]
    out: list[tuple[str, int, str]] = []
    for vlan in sorted(box.vlans):
        home: Node = ("v", device, vlan)
        for start, via in l2.graph.get(home, []):
            if via is None:
                continue
            seen: set[Node] = {home, start}
            queue: deque[Node] = deque([start])
            while queue:
                node = queue.popleft()
                if node[0] == "l3":
                    found = l2.l3.get((str(node[1]), str(node[2])))
                    if found is not None and found.up:
                        out.append((found.mac, vlan, via))
                for nxt, _ in l2.graph.get(node, []):
                    if nxt not in seen:
                        seen.add(nxt)
                        queue.append(nxt)
    return out

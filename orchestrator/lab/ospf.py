"""OSPF: which interfaces run it, which neighbors come up, and the shortest paths between routers.

An interface runs OSPF process P when P's VRF is the interface's and a `network` statement of
one of P's areas covers its address (the longest one wins), or when the interface names the area
itself (`ip ospf 1 area 0`, `ospf 1 area 0`, Junos `area X interface Y`). It is passive when
listed passive, when the process is passive by default and the interface is not made active, or
when the interface says so.

Two interfaces become neighbors when both are up and running OSPF, neither is passive, they
share a segment and a subnet, and they agree on the area (and its stub/NSSA kind), hello and
dead intervals, network type (broadcast/NBMA vs point-to-point/point-to-multipoint),
authentication type and key, and their router IDs differ. A mismatch keeps them from seeing
each other at all, as on a real box; `OspfResult.problems` says why for each such pair. An MTU
mismatch, on a platform that checks MTUs, leaves the pair in ExStart. On broadcast segments the
DR and BDR are elected by priority then router ID; two DROthers stay 2-Way. The model has no
OSPF process shutdown, so that check is left out.

The routes those paths give are in `lab/ospf_routes.py`.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable
from dataclasses import dataclass, field
from ipaddress import IPv4Address, IPv4Interface

from orchestrator.lab.boxes import Box, PortInfo
from orchestrator.lab.common import secret_key
from orchestrator.lab.l2 import L2
from orchestrator.lab.state import OspfNeighbor
from orchestrator.model import Interface, Ospf
from orchestrator.ports import canonical_name

RouterKey = tuple[str, str]  # (device, process)
_BROADCAST = frozenset({"broadcast", "nbma"})


@dataclass(frozen=True)
class OspfIf:
    """One interface running one OSPF process."""

    device: str
    process: str
    name: str
    vrf: str | None
    area: str
    area_kind: str
    address: IPv4Interface
    addresses: tuple[IPv4Interface, ...]
    kind: str
    up: bool
    passive: bool
    network_type: str
    hello: int
    dead: int
    priority: int
    cost: int
    auth: str | None
    auth_key_id: int | None
    auth_key: str | None
    mtu: int
    mtu_check: bool
    router_id: IPv4Address
    segment: Hashable

    @property
    def router(self) -> RouterKey:
        return (self.device, self.process)


@dataclass(frozen=True)
class Edge:
    to: RouterKey
    cost: int
    next_hop: IPv4Address
    interface: str


@dataclass
class OspfResult:
    interfaces: dict[RouterKey, list[OspfIf]] = field(default_factory=dict)
    neighbors: dict[str, list[OspfNeighbor]] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)
    edges: dict[RouterKey, list[Edge]] = field(default_factory=dict)
    router_ids: dict[RouterKey, IPv4Address] = field(default_factory=dict)
    #: shortest paths: router → reachable router → (distance, first hops)
    paths: dict[RouterKey, dict[RouterKey, tuple[int, frozenset[tuple[IPv4Address, str]]]]] = field(
        default_factory=dict
    )


def router_id(box: Box, vrf: str | None, configured: str | None) -> IPv4Address:
    """The configured router ID, else the highest up loopback address, else the highest up
    interface address of the VRF (the Cisco rule, which every platform here follows)."""
    if configured:
        try:
            return IPv4Address(configured)
        except ValueError:
            pass
    loopbacks: list[IPv4Address] = []
    others: list[IPv4Address] = []
    for port in box.ports.values():
        if port.oper_up and port.vrf == vrf:
            target = loopbacks if port.kind == "loopback" else others
            target.extend(a.ip for a in port.addresses)
    if loopbacks:
        return max(loopbacks)
    return max(others) if others else IPv4Address("0.0.0.0")


def _same(platform: str, a: str, b: str) -> bool:
    return a == b or canonical_name(platform, a).lower() == canonical_name(platform, b).lower()


def _area_of(ospf: Ospf, ifc: Interface, address: IPv4Interface) -> str | None:
    if ifc.ospf is not None and ifc.ospf.area is not None:
        if ifc.ospf.process in (None, ospf.process):
            return ifc.ospf.area
        return None
    best: tuple[int, str] | None = None
    for area in ospf.areas.values():
        for net in area.networks:
            if address.ip in net and (best is None or net.prefixlen > best[0]):
                best = (net.prefixlen, area.area)
    return best[1] if best else None


def _passive(box: Box, ospf: Ospf, ifc: Interface) -> bool:
    platform = box.device.platform
    if ifc.ospf is not None and ifc.ospf.passive is not None:
        return ifc.ospf.passive
    if any(_same(platform, name, ifc.name) for name in ospf.passive):
        return True
    if ospf.passive_default:
        return not any(_same(platform, name, ifc.name) for name in ospf.active)
    return False


def _cost(box: Box, ospf: Ospf, port: PortInfo) -> int:
    ifc = port.ifc
    if ifc is not None and ifc.ospf is not None and ifc.ospf.cost is not None:
        return ifc.ospf.cost
    if port.kind == "loopback":
        return box.defaults.ospf_loopback_cost
    reference = ospf.reference_bandwidth or box.defaults.ospf_reference_mbps
    mbps = ifc.bandwidth // 1000 if ifc is not None and ifc.bandwidth else port.speed
    return max(1, reference // max(1, mbps))


def _interfaces(l2: L2, box: Box, ospf: Ospf, rid: IPv4Address) -> list[OspfIf]:
    out: list[OspfIf] = []
    defaults = box.defaults
    for port in box.ports.values():
        ifc = port.ifc
        if ifc is None or not port.addresses or port.vrf != ospf.vrf or port.lag is not None:
            continue
        address = port.addresses[0]
        area = _area_of(ospf, ifc, address)
        if area is None:
            continue
        settings = ifc.ospf
        area_cfg = ospf.areas.get(area)
        kind = "loopback" if port.kind == "loopback" else "broadcast"
        if port.kind == "other":
            kind = "point-to-point"
        network_type = (settings.network_type if settings else None) or kind
        hello = settings.hello if settings and settings.hello else None
        if hello is None:
            hello = defaults.ospf_hello_nbma if network_type == "nbma" else defaults.ospf_hello
        dead = settings.dead if settings and settings.dead else 4 * hello
        auth = settings.auth if settings and settings.auth else None
        auth = auth or (area_cfg.auth if area_cfg else None)
        key = settings.auth_key if settings and settings.auth_key else None
        key = key or (area_cfg.auth_key if area_cfg else None)
        key_id = settings.auth_key_id if settings and settings.auth_key_id else None
        key_id = key_id or (area_cfg.auth_key_id if area_cfg else None)
        l3 = l2.l3.get((box.name, port.name))
        out.append(
            OspfIf(
                device=box.name,
                process=ospf.process,
                name=port.name,
                vrf=ospf.vrf,
                area=area,
                area_kind=area_cfg.kind if area_cfg else "normal",
                address=address,
                addresses=tuple(port.addresses),
                kind=port.kind,
                up=port.oper_up,
                passive=_passive(box, ospf, ifc),
                network_type=network_type,
                hello=hello,
                dead=dead,
                priority=settings.priority if settings and settings.priority is not None else 1,
                cost=_cost(box, ospf, port),
                auth=None if auth == "null" else auth,
                auth_key_id=key_id if auth == "md5" else None,
                auth_key=secret_key(key) if auth not in (None, "null") else None,
                mtu=ifc.ip_mtu or ifc.mtu or 1500,
                mtu_check=defaults.ospf_mtu_check,
                router_id=rid,
                segment=l3.segment if l3 else (box.name, port.name),
            )
        )
    return out


def mismatch(a: OspfIf, b: OspfIf) -> str | None:
    """Why ``a`` and ``b`` cannot become neighbors, from ``a``'s side; None if they can."""
    if a.area != b.area:
        return f"area {a.area} does not match the far end's area {b.area}"
    if a.address.network != b.address.network:
        return f"subnet {a.address.network} does not match the far end's {b.address.network}"
    if a.hello != b.hello:
        return f"hello interval {a.hello} does not match the far end's {b.hello}"
    if a.dead != b.dead:
        return f"dead interval {a.dead} does not match the far end's {b.dead}"
    if (a.network_type in _BROADCAST) != (b.network_type in _BROADCAST):
        return f"network type {a.network_type} does not match the far end's {b.network_type}"
    if a.auth != b.auth:
        return f"authentication {a.auth or 'none'} does not match the far end's {b.auth or 'none'}"
    if a.auth_key != b.auth_key or a.auth_key_id != b.auth_key_id:
        return "authentication key does not match the far end's"
    if a.area_kind != b.area_kind:
        return f"area kind {a.area_kind} does not match the far end's {b.area_kind}"
    if a.router_id == b.router_id:
        return f"both ends have router ID {a.router_id}"
    return None


def _elect(group: list[OspfIf]) -> tuple[OspfIf | None, OspfIf | None]:
    eligible = sorted(
        (i for i in group if i.priority > 0), key=lambda i: (i.priority, i.router_id), reverse=True
    )
    dr = eligible[0] if eligible else None
    bdr = eligible[1] if len(eligible) > 1 else None
    return dr, bdr


def _role(item: OspfIf, dr: OspfIf | None, bdr: OspfIf | None) -> str:
    if item.network_type not in _BROADCAST:
        return ""
    if item is dr:
        return "DR"
    if item is bdr:
        return "BDR"
    return "DROther"


def build_ospf(l2: L2) -> OspfResult:
    """Interfaces, neighbors and shortest paths of every OSPF process in the lab."""
    result = OspfResult()
    by_segment: dict[Hashable, list[OspfIf]] = {}
    for box in l2.boxes.values():
        for ospf in box.config.ospf.values():
            rid = router_id(box, ospf.vrf, ospf.router_id)
            key = (box.name, ospf.process)
            result.router_ids[key] = rid
            items = _interfaces(l2, box, ospf, rid)
            result.interfaces[key] = items
            result.edges[key] = []
            for item in items:
                if item.up and item.kind != "loopback":
                    by_segment.setdefault(item.segment, []).append(item)
    for group in by_segment.values():
        _segment(result, group)
    for key in result.edges:
        result.paths[key] = _dijkstra(result.edges, key)
    return result


def _segment(result: OspfResult, group: list[OspfIf]) -> None:
    talking = [i for i in group if not i.passive]
    for item in group:
        if item.passive:
            result.problems.setdefault(item.device, []).append(
                f"{item.name}: passive, no hellos sent or heard"
            )
    friends: dict[int, list[OspfIf]] = {}
    for a in talking:
        for b in talking:
            if a.device == b.device or a.address.ip not in b.address.network:
                continue
            reason = mismatch(a, b)
            if reason is not None:
                result.problems.setdefault(a.device, []).append(
                    f"{a.name}: no adjacency with {b.router_id} ({b.device} {b.name}): {reason}"
                )
                continue
            friends.setdefault(id(a), []).append(b)
    for a in talking:
        peers = friends.get(id(a), [])
        if not peers:
            continue
        dr, bdr = _elect([a, *peers]) if a.network_type in _BROADCAST else (None, None)
        for b in peers:
            if a.mtu != b.mtu and (a.mtu_check or b.mtu_check):
                state = "ExStart"
            elif a.network_type not in _BROADCAST or (
                dr is not None and (a in (dr, bdr) or b in (dr, bdr))
            ):
                state = "Full"
            else:
                state = "2-Way"
            result.neighbors.setdefault(a.device, []).append(
                OspfNeighbor(
                    router_id=b.router_id,
                    address=b.address.ip,
                    interface=a.name,
                    area=a.area,
                    state=state,  # type: ignore[arg-type]
                    priority=b.priority,
                    role=_role(b, dr, bdr),  # type: ignore[arg-type]
                    dead_seconds=max(1, a.dead - 5),
                    process=a.process,
                )
            )
            if state == "Full" or (state == "2-Way" and dr is not None):
                result.edges[a.router].append(Edge(b.router, a.cost, b.address.ip, a.name))


def _dijkstra(
    edges: dict[RouterKey, list[Edge]], source: RouterKey
) -> dict[RouterKey, tuple[int, frozenset[tuple[IPv4Address, str]]]]:
    dist: dict[RouterKey, int] = {source: 0}
    hops: dict[RouterKey, set[tuple[IPv4Address, str]]] = {source: set()}
    done: set[RouterKey] = set()
    heap: list[tuple[int, RouterKey]] = [(0, source)]
    while heap:
        d, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        for edge in edges.get(node, []):
            nd = d + edge.cost
            first = {(edge.next_hop, edge.interface)} if node == source else hops[node]
            if nd < dist.get(edge.to, 1 << 62):
                dist[edge.to] = nd
                hops[edge.to] = set(first)
                heapq.heappush(heap, (nd, edge.to))
            elif nd == dist[edge.to] and edge.to not in done:
                hops[edge.to] |= first
    return {k: (dist[k], frozenset(hops[k])) for k in dist if k != source}

"""Routing tables: connected and static routes, merging protocols by distance, lookups, and
tracing a packet hop by hop through the lab.

A routing instance is a box and a VRF (`Inst`, VRF None is the global table). Prefixes are held
as `Pfx` (network as an integer, length): `ipaddress` objects hash slowly and a 200-box lab
hashes millions of them. Each instance's
table (`Rib`) keeps, per prefix, the routes of the protocol with the lowest administrative
distance (several when they are equal-cost paths). Distances come from the platform's defaults
(`lab/defaults.py`) or the route's own (`ip route ... 250`, `preference 70`).

Static routes are installed when their next hop resolves in the table of the previous round
(recursively through any route but themselves), when their interface is up, or always for a
null interface or `permanent`. IPv6 is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from ipaddress import IPv4Address, IPv4Network

from orchestrator.lab.boxes import Box
from orchestrator.lab.l2 import L2, L3If
from orchestrator.ports import interface_kind

Inst = tuple[str, str | None]  # (device, VRF or None for the global table)
Pfx = tuple[int, int]  # (network address as an integer, prefix length)

MAX_HOPS = 255  # the largest IPv4 TTL
_MASKS = [(0xFFFFFFFF << (32 - n)) & 0xFFFFFFFF for n in range(33)]


def pfx(network: IPv4Network) -> Pfx:
    """The `Pfx` of ``network``.

    >>> pfx(IPv4Network("10.0.0.0/8"))
    (167772160, 8)
    """
    return (int(network.network_address), network.prefixlen)


def host(address: IPv4Address | int) -> Pfx:
    return (int(address), 32)


@lru_cache(maxsize=65536)
def network_of(prefix: Pfx) -> IPv4Network:
    """The `IPv4Network` of a `Pfx` (for records and messages)."""
    return IPv4Network(prefix)


def contains(prefix: Pfx, address: int) -> bool:
    return address & _MASKS[prefix[1]] == prefix[0]


def subnet_of(inner: Pfx, outer: Pfx) -> bool:
    """Whether ``inner`` lies inside ``outer`` (or is it)."""
    return inner[1] >= outer[1] and inner[0] & _MASKS[outer[1]] == outer[0]


@dataclass(frozen=True)
class RibRoute:
    prefix: Pfx
    protocol: str  # connected, local, static, ospf, bgp
    distance: int
    metric: int = 0
    next_hop: IPv4Address | None = None
    interface: str | None = None
    route_type: str = ""
    as_path: tuple[int, ...] = ()


class Rib:
    """One instance's table: the winning routes per prefix and a longest-match index."""

    def __init__(self, candidates: Iterable[RibRoute]) -> None:
        best: dict[Pfx, list[RibRoute]] = {}
        for route in candidates:
            held = best.get(route.prefix)
            if held is None or route.distance < held[0].distance:
                best[route.prefix] = [route]
            elif route.distance == held[0].distance and route not in held:
                if route.protocol == held[0].protocol:
                    held.append(route)
        self.routes = best
        self._lengths = sorted({length for _, length in best}, reverse=True)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rib) and self.routes == other.routes

    __hash__ = None  # type: ignore[assignment]

    def lookup(self, address: IPv4Address | int, skip: Pfx | None = None) -> list[RibRoute]:
        """The routes of the longest prefix holding ``address`` (not ``skip``), or []."""
        value = int(address)
        routes = self.routes
        for length in self._lengths:
            key = (value & _MASKS[length], length)
            found = routes.get(key)
            if found is not None and key != skip:
                return found
        return []

    def all(self) -> Iterable[RibRoute]:
        for routes in self.routes.values():
            yield from routes


EMPTY = Rib(())


class Tables:
    """Builds each instance's `Rib` from protocol route lists, reusing the table built last
    time when an instance's routes have not changed (most do not between rounds)."""

    def __init__(self) -> None:
        self._last: dict[Inst, tuple[list[RibRoute], Rib]] = {}

    def build(self, *parts: dict[Inst, list[RibRoute]]) -> dict[Inst, Rib]:
        merged: dict[Inst, list[RibRoute]] = {}
        for part in parts:
            for inst, routes in part.items():
                merged.setdefault(inst, []).extend(routes)
        out: dict[Inst, Rib] = {}
        for inst, routes in merged.items():
            held = self._last.get(inst)
            if held is not None and held[0] == routes:
                out[inst] = held[1]
            else:
                out[inst] = Rib(routes)
                self._last[inst] = (routes, out[inst])
        return out


def connected_routes(l2: L2) -> dict[Inst, list[RibRoute]]:
    """Connected and local routes of every up layer 3 interface."""
    out: dict[Inst, list[RibRoute]] = {}
    for item in l2.l3.values():
        if not item.up:
            continue
        routes = out.setdefault((item.device, item.vrf), [])
        distances = l2.boxes[item.device].defaults.distance
        for address in item.addresses:
            net = pfx(address.network)
            routes.append(RibRoute(net, "connected", distances["connected"], 0, None, item.name))
            if net[1] < 32:
                own = host(address.ip)
                routes.append(RibRoute(own, "local", distances["local"], 0, None, item.name))
    return out


_DISCARD = ("null", "dsc", "discard", "reject", "blackhole")


def _is_null(name: str, platform: str = "") -> bool:
    """A discard interface (`Null0`, `NULL0`, Junos `dsc`/`discard`)."""
    if platform and interface_kind(platform, name) == "null":
        return True
    return name.strip().lower().startswith(_DISCARD)


def static_routes(box: Box, ribs: dict[Inst, Rib]) -> dict[Inst, list[RibRoute]]:
    """The box's IPv4 static routes that can be installed, resolved in ``ribs``."""
    out: dict[Inst, list[RibRoute]] = {}
    distance = box.defaults.distance["static"]
    for static in box.config.static_routes:
        if not isinstance(static.prefix, IPv4Network):
            continue
        inst: Inst = (box.name, static.vrf)
        rib = ribs.get(inst, EMPTY)
        interface: str | None = None
        installed = static.permanent
        if static.interface is not None:
            port = box.port(static.interface)
            interface = port.name if port else static.interface
            null = _is_null(static.interface, box.device.platform)
            installed = installed or null or bool(port and port.oper_up)
            if static.next_hop is not None and port is not None and not port.oper_up:
                installed = static.permanent
        elif static.next_hop is not None:
            try:
                hop = IPv4Address(static.next_hop)
            except ValueError:
                continue
            via = rib.lookup(hop, skip=pfx(static.prefix))
            installed = installed or bool(via)
            if via and via[0].protocol in ("connected", "local"):
                interface = via[0].interface
        if not installed:
            continue
        next_hop = None
        if static.next_hop is not None:
            try:
                next_hop = IPv4Address(static.next_hop)
            except ValueError:
                next_hop = None
        out.setdefault(inst, []).append(
            RibRoute(
                pfx(static.prefix),
                "static",
                static.distance if static.distance is not None else distance,
                0,
                next_hop,
                interface,
            )
        )
    return out


@dataclass(frozen=True)
class Hop:
    """Where a packet leaves an instance: out of ``interface`` toward ``gateway``."""

    interface: str
    gateway: IPv4Address


def resolve(rib: Rib, address: IPv4Address, depth: int = 0) -> Hop | None:
    """The interface and directly connected gateway a packet to ``address`` leaves by."""
    routes = rib.lookup(address)
    if not routes or depth > 8:
        return None
    route = routes[0]
    if route.protocol in ("connected", "local"):
        return Hop(route.interface or "", address) if route.interface else None
    if route.next_hop is None:
        if route.interface is not None and not _is_null(route.interface):
            return Hop(route.interface, address)
        return None
    if route.interface is not None and route.protocol != "bgp":
        return Hop(route.interface, route.next_hop)
    return resolve(rib, route.next_hop, depth + 1)


@dataclass(frozen=True)
class Arrival:
    """Where a traced packet ended: the box and instance that holds the address."""

    device: str
    vrf: str | None
    interface: str


def _neighbor_on(l2: L2, device: str, interface: str, address: IPv4Address) -> L3If | None:
    item = l2.l3.get((device, interface))
    if item is None or not item.up:
        return None
    for other in l2.segments.get(item.segment, []):
        if other is not item and any(a.ip == address for a in other.addresses):
            return other
    return None


def trace(
    l2: L2, ribs: dict[Inst, Rib], start: Inst, address: IPv4Address
) -> tuple[Arrival | None, str]:
    """Follow a packet from ``start`` to ``address`` through the tables and segments.

    Returns where it arrived (the box holding the address), or None and why it did not.
    """
    inst = start
    seen: set[Inst] = set()
    for _ in range(MAX_HOPS):
        device, vrf = inst
        for item in l2.owners(address):
            if item.device == device and item.vrf == vrf:
                return Arrival(device, vrf, item.name), ""
        if inst in seen:
            return None, f"routing loop toward {address} at {device}"
        seen.add(inst)
        rib = ribs.get(inst, EMPTY)
        hop = resolve(rib, address)
        if hop is None:
            return None, f"{device} has no route to {address}"
        far = _neighbor_on(l2, device, hop.interface, hop.gateway)
        if far is None:
            what = "nothing answers" if hop.gateway == address else f"next hop {hop.gateway}"
            if hop.gateway == address:
                return None, f"{what} at {address} on {device} {hop.interface}"
            return None, f"{what} is not reachable on {device} {hop.interface}"
        inst = (far.device, far.vrf)
    return None, f"more than {MAX_HOPS} hops to {address}"

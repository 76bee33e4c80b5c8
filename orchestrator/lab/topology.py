"""The computed backend of `LabState`: what each box sees, from the configs and the cables.

The whole lab is computed at once (`lab/network.py`: ports in `lab/boxes.py`, segments in
`lab/l2.py`, OSPF in `lab/ospf.py` and `lab/ospf_routes.py`, tables in `lab/routing.py`, BGP in
`lab/bgp.py` and `lab/bgp_paths.py`, per-OS defaults in `lab/defaults.py`; `lab/records.py`
turns it into `LabState` records) the first time anything is asked after a change, and kept
until the next `invalidate()` (a config change, a cable move, a fault) or until a box's config
version moves. A box's records are then built once and handed out with their ages and
uptimes, which count from the change that brought each session, adjacency, route or ARP entry
into its state.

Route policies (route maps, prefix lists, filter lists and the like) are ignored everywhere:
every route a protocol would carry is carried.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from ipaddress import IPv4Address
from typing import TypeVar, cast

from orchestrator.lab import records
from orchestrator.lab.boxes import End
from orchestrator.lab.device import LabDevice
from orchestrator.lab.network import Network, compute
from orchestrator.lab.routing import pfx
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

__all__ = ["Cable", "End", "Topology"]

T = TypeVar("T")


@dataclass(frozen=True)
class Cable:
    a: End
    b: End


def _with(record: T, name: str, value: int) -> T:
    """A copy of the frozen record with one field changed (`dataclasses.replace` is ten
    times slower, and a box can have thousands of routes)."""
    new: T = object.__new__(type(record))
    new.__dict__.update(record.__dict__)
    new.__dict__[name] = value
    return new


def _address(text: str) -> str:
    try:
        return str(IPv4Address(text.strip()))
    except ValueError:
        return text.strip()


class Topology:
    """Implements `LabState` by computation. Results are cached until something changes.

    ``clock`` gives seconds (monotonic); tests pass their own to check uptimes.
    """

    def __init__(
        self,
        devices: dict[str, LabDevice],
        cables: list[Cable],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.devices = devices
        self.cables = cables
        self.bgp_down: set[tuple[str, str]] = set()
        self.clock = clock
        self._lock = threading.RLock()
        self._net: Network | None = None
        self._stamp: tuple[tuple[str, int], ...] = ()
        self._changed_at = clock()
        self._since: dict[Hashable, tuple[str, float]] = {}
        self._aged_cache: dict[tuple[str, str], tuple[Network, int, list[object]]] = {}

    # -- changes -----------------------------------------------------------------------------
    def invalidate(self) -> None:
        """Something changed (a config, a cable, a fault): recompute on the next question."""
        with self._lock:
            self._net = None
            self._changed_at = self.clock()

    def move_cable(self, end: End, to: End) -> None:
        """Unplug the cable at ``end`` and plug that end into ``to``."""
        with self._lock:
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

    def plug(self, a: End, b: End) -> None:
        """Add a cable between ``a`` and ``b`` (both ports must be free)."""
        with self._lock:
            for end in (a, b):
                if self.peer(end) is not None:
                    raise KeyError(f"{end[0]} {end[1]} already has a cable")
            self.cables.append(Cable(a, b))
            self.invalidate()

    def unplug(self, end: End) -> Cable:
        """Remove the cable plugged in at ``end``; returns it."""
        with self._lock:
            for i, cable in enumerate(self.cables):
                if end in (cable.a, cable.b):
                    del self.cables[i]
                    self.invalidate()
                    return cable
            raise KeyError(f"no cable at {end[0]} {end[1]}")

    def move_device(self, old: str, new: str, port_map: dict[str, str]) -> list[Cable]:
        """The swap: every cable plugged into ``old`` moves to ``new``, port ``p`` to
        ``port_map[p]`` (the same name if the map has none). Returns the moved cables."""
        with self._lock:
            moved: list[Cable] = []
            for i, cable in enumerate(self.cables):
                a, b = cable.a, cable.b
                if a[0] == old:
                    a = (new, port_map.get(a[1], a[1]))
                if b[0] == old:
                    b = (new, port_map.get(b[1], b[1]))
                if (a, b) != (cable.a, cable.b):
                    self.cables[i] = Cable(a, b)
                    moved.append(self.cables[i])
            self.invalidate()
            return moved

    def cables_of(self, device: str) -> list[Cable]:
        return [c for c in self.cables if device in (c.a[0], c.b[0])]

    def fault_bgp(self, device: str, neighbor: str, down: bool) -> None:
        with self._lock:
            key = (device, _address(neighbor))
            if down:
                self.bgp_down.add(key)
            else:
                self.bgp_down.discard(key)
            self.invalidate()

    def clear_faults(self) -> None:
        with self._lock:
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

    # -- the computation ---------------------------------------------------------------------
    def network(self) -> Network:
        """The current computation of the whole lab (computed now if anything changed)."""
        with self._lock:
            stamp = tuple((name, d.config_version) for name, d in self.devices.items())
            if self._net is not None and stamp == self._stamp:
                return self._net
            if self._net is not None:
                self._changed_at = self.clock()
            cables = [(c.a, c.b) for c in self.cables]
            net = compute(self.devices, cables, set(self.bgp_down))
            self._net, self._stamp = net, stamp
            self._remember(net)
            return net

    def _remember(self, net: Network) -> None:
        """Keep, for everything with a state, since when it has held that state."""
        now = self._changed_at
        since: dict[Hashable, tuple[str, float]] = {}

        def note(key: Hashable, state: str) -> None:
            held = self._since.get(key)
            since[key] = held if held is not None and held[0] == state else (state, now)

        for key, outcome in net.bgp.outcomes.items():
            note(("bgp", key), outcome.state)
        for device, neighbors in net.ospf.neighbors.items():
            for n in neighbors:
                note(("ospf", device, n.interface, n.router_id, n.address), n.state)
        for inst, rib in net.ribs.items():
            for r in rib.all():
                note(("route", inst, r.prefix, r.protocol, r.next_hop, r.interface), "up")
        for item in net.l2.l3.values():
            if item.up:
                for other in net.l2.segments.get(item.segment, []):
                    for a in other.addresses:
                        note(("arp", item.device, item.name, a.ip), other.mac)
        self._since = since

    def _age(self, key: Hashable) -> int:
        held = self._since.get(key)
        return max(0, int(self.clock() - held[1])) if held else 0

    def _cached(self, device: str, what: str, build: Callable[[Network, str], list[T]]) -> list[T]:
        return list(self._records(device, what, build)[1])

    def _records(
        self, device: str, what: str, build: Callable[[Network, str], list[T]]
    ) -> tuple[Network, list[T]]:
        """The network and ``device``'s records of kind ``what`` (built once per network)."""
        with self._lock:
            net = self.network()
            if device not in net.l2.boxes:
                raise KeyError(f"no device {device!r} in this lab")
            key = (device, what)
            found = net.records.get(key)
            if found is None:
                found = net.records[key] = build(net, device)
            return net, cast("list[T]", found)

    def _aged(
        self,
        device: str,
        what: str,
        build: Callable[[Network, str], list[T]],
        key: Callable[[T], Hashable | None],
        field: str,
        unit: int = 1,
    ) -> list[T]:
        """Records with ``field`` set to the seconds (or ``unit``s) since each came into its
        state; the aged list is reused within one second."""
        with self._lock:
            net, found = self._records(device, what, build)
            since_key = (device, what + "/since")
            since = cast("list[float | None] | None", net.records.get(since_key))
            if since is None:
                held = [self._since.get(k) if k is not None else None for k in map(key, found)]
                since = [h[1] if h is not None else None for h in held]
                net.records[since_key] = since
            now = self.clock()
            hit = self._aged_cache.get((device, what))
            if hit is not None and hit[0] is net and hit[1] == int(now):
                return list(cast("list[T]", hit[2]))
            aged = [
                item if t is None else _with(item, field, max(0, int(now - t)) // unit)
                for item, t in zip(found, since, strict=True)
            ]
            self._aged_cache[(device, what)] = (net, int(now), cast("list[object]", aged))
            return list(aged)

    # -- LabState ----------------------------------------------------------------------------
    def ports(self, device: str) -> list[PortState]:
        return self._cached(device, "ports", records.ports)

    def lldp(self, device: str) -> list[LldpNeighbor]:
        return self._cached(device, "lldp", lambda net, d: records.neighbors(net, d, "lldp"))

    def cdp(self, device: str) -> list[LldpNeighbor]:
        """CDP neighbors (Cisco boxes running CDP at both ends), as LLDP-like records."""
        return self._cached(device, "cdp", lambda net, d: records.neighbors(net, d, "cdp"))

    def bgp(self, device: str) -> list[BgpSession]:
        def key(s: BgpSession) -> Hashable:
            return ("bgp", (device, s.vrf, s.neighbor))

        return self._aged(device, "bgp", records.bgp, key, "uptime")

    def ospf(self, device: str) -> list[OspfNeighbor]:
        def key(n: OspfNeighbor) -> Hashable:
            return ("ospf", device, n.interface, n.router_id, n.address)

        def build(net: Network, name: str) -> list[OspfNeighbor]:
            return list(net.ospf.neighbors.get(name, []))

        return self._aged(device, "ospf", build, key, "uptime")

    def routes(self, device: str) -> list[Route]:
        def key(r: Route) -> Hashable:
            return ("route", (device, r.vrf), pfx(r.prefix), r.protocol, r.next_hop, r.interface)

        return self._aged(device, "routes", records.routes, key, "age")

    def arp(self, device: str) -> list[ArpEntry]:
        def key(e: ArpEntry) -> Hashable | None:
            return None if e.own else ("arp", device, e.interface, e.address)

        return self._aged(device, "arp", records.arp, key, "age", unit=60)

    def macs(self, device: str) -> list[MacEntry]:
        return self._cached(device, "macs", records.macs)

    def vlans(self, device: str) -> list[VlanState]:
        return self._cached(device, "vlans", records.vlans)

    # -- questions the lab's control API and checks ask ---------------------------------------
    def ping(self, device: str, address: str, vrf: str | None = None) -> bool:
        """Whether ``address`` answers ``device`` (a packet gets there and back)."""
        return self.path(device, address, vrf)[0]

    def path(self, device: str, address: str, vrf: str | None = None) -> tuple[bool, str]:
        """Whether ``address`` is reachable from ``device``, and if not, why."""
        net = self.network()
        target = IPv4Address(address)
        arrival, why = net.trace(device, vrf, target)
        if arrival is None:
            return False, why
        box = net.l2.boxes[device]
        sources = [
            a.ip
            for port in box.ports.values()
            if port.oper_up and port.vrf == vrf
            for a in port.addresses
        ]
        if arrival.device == device:
            return True, ""
        for source in sources:
            back, _ = net.trace(arrival.device, arrival.vrf, source)
            if back is not None and back.device == device:
                return True, ""
        return False, f"no return path from {arrival.device} to {device}"

    def diagnose(self, device: str) -> list[str]:
        """Why things are down on ``device``, in plain words: sessions not Established,
        OSPF neighbors not formed, cabled ports not up."""
        net = self.network()
        out: list[str] = []
        for port in net.l2.boxes[device].ports.values():
            if port.far is not None and not port.oper_up:
                why = "shut down" if not port.admin_up else "the far end is shut down"
                out.append(f"{port.name} is down: {why}")
        for session in self.bgp(device):
            if session.state != "Established":
                out.append(f"BGP {session.neighbor} is {session.state}: {session.reason}")
        out.extend(f"OSPF {line}" for line in net.ospf.problems.get(device, []))
        return out

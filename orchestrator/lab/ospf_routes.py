"""OSPF routes: shortest paths over the neighbor graph of `lab/ospf.py`, and externals.

Shortest paths by interface cost over the neighbor graph of each process, all areas of a
process taken as one graph (a prefix from an area the router has no interface in is reported
inter-area); stub prefixes are the addresses of the interfaces running OSPF (a loopback's as a
/32); redistributed connected, static and BGP routes and `default-information originate` become
type 1 or 2 externals. Left out: area ranges and summarisation, stub-area filtering of
externals, virtual links, NSSA translation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from ipaddress import IPv4Address

from orchestrator.lab.boxes import Box
from orchestrator.lab.l2 import L2
from orchestrator.lab.ospf import OspfResult, RouterKey
from orchestrator.lab.routing import EMPTY, Inst, Pfx, Rib, RibRoute, host, pfx
from orchestrator.model import Ospf


@dataclass(frozen=True)
class External:
    prefix: Pfx
    metric: int
    metric_type: int


def externals(
    box: Box, ospf: Ospf, rib: Rib, local: Iterable[RibRoute], own: set[Pfx]
) -> list[External]:
    """What process ``ospf`` of ``box`` redistributes, given the instance's table."""
    out: list[External] = []
    fallback = ospf.default_metric or box.defaults.ospf_external_metric
    wanted = {r.protocol for r in ospf.redistribute}
    by_protocol: dict[str, list[Pfx]] = {}
    if "connected" in wanted:
        by_protocol["connected"] = [r.prefix for r in local if r.protocol == "connected"]
    if wanted & {"static", "bgp"}:
        for route in rib.all():
            if route.protocol in ("static", "bgp"):
                by_protocol.setdefault(route.protocol, []).append(route.prefix)
    for redistribution in ospf.redistribute:
        prefixes = by_protocol.get(redistribution.protocol, [])
        metric = redistribution.metric if redistribution.metric is not None else fallback
        for prefix in dict.fromkeys(prefixes):
            if prefix not in own:
                out.append(External(prefix, metric, redistribution.metric_type or 2))
    if ospf.default_originate:
        default: Pfx = (0, 0)
        has_default = any(r.protocol != "ospf" for r in rib.routes.get(default, []))
        if ospf.default_originate_always or has_default:
            metric = ospf.default_originate_metric if ospf.default_originate_metric else 1
            out.append(External(default, metric, ospf.default_originate_metric_type or 2))
    return out


Hops = set[tuple[IPv4Address, str]]


def _stubs(result: OspfResult) -> dict[RouterKey, list[tuple[Pfx, int, str]]]:
    """What each router advertises of its own: its up OSPF interfaces' prefixes."""
    stubs: dict[RouterKey, list[tuple[Pfx, int, str]]] = {}
    for key, items in result.interfaces.items():
        for item in items:
            if not item.up:
                continue
            for address in item.addresses:
                prefix = host(address.ip) if item.kind == "loopback" else pfx(address.network)
                stubs.setdefault(key, []).append((prefix, item.cost, item.area))
    return stubs


def intra_routes(l2: L2, result: OspfResult) -> dict[Inst, list[RibRoute]]:
    """Every instance's routes to the prefixes of OSPF interfaces (they depend on nothing
    but the adjacencies, so they are computed once per network)."""
    stubs = _stubs(result)
    out: dict[Inst, list[RibRoute]] = {}
    for key, reach in result.paths.items():
        box = l2.boxes[key[0]]
        ospf = box.config.ospf[key[1]]
        areas = {i.area for i in result.interfaces.get(key, [])}
        mine = {pfx(a.network) for i in result.interfaces.get(key, []) if i.up for a in i.addresses}
        mine.update(p for p, _, _ in stubs.get(key, []))
        best: dict[Pfx, tuple[int, Hops, str]] = {}
        for router, (distance, hops) in reach.items():
            for prefix, cost, area in stubs.get(router, []):
                if prefix in mine or not hops:
                    continue
                total = distance + cost
                held = best.get(prefix)
                if held is None or total < held[0]:
                    best[prefix] = (total, set(hops), area)
                elif total == held[0]:
                    held[1].update(hops)
        distance_int = ospf.distance or box.defaults.distance["ospf"]
        routes = out.setdefault((box.name, ospf.vrf), [])
        for prefix, (total, hop_set, area) in best.items():
            kind = "intra-area" if area in areas else "inter-area"
            for hop, ifname in sorted(hop_set):
                routes.append(RibRoute(prefix, "ospf", distance_int, total, hop, ifname, kind))
    return out


def ospf_routes(
    l2: L2,
    result: OspfResult,
    intra: dict[Inst, list[RibRoute]],
    ribs: dict[Inst, Rib],
    connected: dict[Inst, list[RibRoute]],
) -> dict[Inst, list[RibRoute]]:
    """Every instance's OSPF routes: ``intra`` plus the externals redistributed from the
    tables in ``ribs``."""
    ext: dict[RouterKey, list[External]] = {}
    for key, items in result.interfaces.items():
        box = l2.boxes[key[0]]
        ospf = box.config.ospf[key[1]]
        if not ospf.redistribute and not ospf.default_originate:
            continue
        own = {pfx(a.network) for item in items if item.up for a in item.addresses}
        inst = (box.name, ospf.vrf)
        found = externals(box, ospf, ribs.get(inst, EMPTY), connected.get(inst, []), own)
        if found:
            ext[key] = found
    if not ext:
        return intra
    out = {inst: list(routes) for inst, routes in intra.items()}
    for key, reach in result.paths.items():
        box = l2.boxes[key[0]]
        ospf = box.config.ospf[key[1]]
        inst = (box.name, ospf.vrf)
        known = {r.prefix for r in intra.get(inst, [])}
        known.update(
            pfx(a.network) for i in result.interfaces.get(key, []) if i.up for a in i.addresses
        )
        outer: dict[Pfx, tuple[tuple[int, int], Hops, int]] = {}
        for router, (distance, hops) in reach.items():
            for item in ext.get(router, []):
                if item.prefix in known or not hops:
                    continue
                if item.metric_type == 2:
                    rank = (item.metric, distance)
                else:
                    rank = (item.metric + distance, 0)
                held = outer.get(item.prefix)
                if held is None or rank < held[0]:
                    outer[item.prefix] = (rank, set(hops), item.metric_type)
                elif rank == held[0]:
                    held[1].update(hops)
        distance_ext = ospf.distance or box.defaults.distance["ospf_external"]
        routes = out.setdefault(inst, [])
        for prefix, (rank, hop_set, metric_type) in outer.items():
            kind = f"external-{metric_type}"
            for hop, ifname in sorted(hop_set):
                routes.append(RibRoute(prefix, "ospf", distance_ext, rank[0], hop, ifname, kind))
    return out

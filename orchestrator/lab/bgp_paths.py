"""BGP routes: what established sessions (`lab/bgp.py`) carry, and each speaker's best paths.

A box originates its `network` prefixes that are in its table, and what it
redistributes (connected, static, OSPF); aggregates are originated when a more specific path
exists (`summary-only` suppresses those). It advertises its best paths to every established
peer whose address family is activated on both ends, except back to the peer a path came from;
paths learned over iBGP go only to eBGP peers, unless the box reflects them (from a client to
every iBGP peer, from a non-client to clients). eBGP prepends the session's AS (`local-as`
then the real AS) and sets the next hop to the session's address; iBGP keeps the next hop
unless the route is the box's own or `next-hop-self` is set. A receiver drops paths with its own
AS in the path (unless `allowas-in`) and paths whose next hop it cannot resolve. Best path:
own routes, then shortest AS path, eBGP over iBGP, lowest IGP metric to the next hop, lowest
peer router ID, lowest peer address. Learned routes enter the table at the platform's eBGP or
iBGP distance, or the address family's `distance bgp`. Route policies (route maps, prefix
lists, filter lists, communities, local preference, MED, weight) are ignored; so are
confederations, VPNv4/EVPN and IPv6.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from ipaddress import IPv4Address, IPv4Network

from orchestrator.lab.bgp import Outcome, Stmt, StmtKey, family
from orchestrator.lab.boxes import Box
from orchestrator.lab.l2 import L2
from orchestrator.lab.ospf import router_id
from orchestrator.lab.routing import EMPTY, Inst, Pfx, Rib, RibRoute, pfx, subnet_of

_REDISTRIBUTABLE = {"connected": ("connected",), "static": ("static",), "ospf": ("ospf",)}


@dataclass(frozen=True, slots=True)
class Path:
    """One path to a prefix as a speaker holds it (addresses as integers: they are hashed and
    compared a great many times)."""

    prefix: Pfx
    next_hop: int | None  # None: the box's own route
    as_path: tuple[int, ...]
    ibgp: bool
    source: int | None  # uid of our statement of the peer it came from; None: our own
    peer_rid: int
    peer_address: int = 0
    from_client: bool = False


@dataclass
class BgpResult:
    stmts: dict[StmtKey, Stmt] = field(default_factory=dict)
    outcomes: dict[StmtKey, Outcome] = field(default_factory=dict)
    best: dict[Inst, dict[Pfx, Path]] = field(default_factory=dict)
    received: dict[StmtKey, int] = field(default_factory=dict)
    sent: dict[StmtKey, int] = field(default_factory=dict)
    #: next hops some instance could not resolve: if one resolves later, BGP must run again
    unresolved: set[tuple[Inst, int]] = field(default_factory=set)


# -- routes ----------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _address(value: int) -> IPv4Address:
    return IPv4Address(value)


DEFAULT: Pfx = (0, 0)


def _originated(box: Box, vrf: str | None, rib: Rib, rid: int) -> dict[Pfx, Path]:
    bgp = box.config.bgp
    af = family(bgp, vrf) if bgp else None
    out: dict[Pfx, Path] = {}
    if af is None:
        return out
    for network in af.networks:
        if isinstance(network.prefix, IPv4Network):
            prefix = pfx(network.prefix)
            if any(r.protocol != "bgp" for r in rib.routes.get(prefix, [])):
                out[prefix] = Path(prefix, None, (), False, None, rid)
    for redistribution in af.redistribute:
        protocols = _REDISTRIBUTABLE.get(redistribution.protocol, ())
        for route in rib.all():
            if route.protocol in protocols and route.prefix not in out:
                out[route.prefix] = Path(route.prefix, None, (), False, None, rid)
    return out


@dataclass(frozen=True, slots=True)
class _Link:
    """An established session seen from one end, with what sending and receiving need."""

    ours: int  # uid of our statement
    theirs: int  # uid of the far end's statement
    far: int  # index of the far end's instance
    ebgp: bool
    prepend: tuple[int, ...]  # what eBGP puts in front of the AS path
    me: int  # our address on this session (the far end's neighbor address)
    activated: bool
    rr_client: bool  # the far end is our route-reflector client
    next_hop_self: bool
    default_originate: bool
    their_ases: tuple[int, int]  # the far end's AS and session AS: loop detection
    allowas_in: bool
    their_rr_client: bool  # we are the far end's client
    our_rid: int


def _link(ours: Stmt, theirs: Stmt, far: int) -> _Link:
    ebgp = ours.local_as != theirs.local_as
    prepend = (ours.local_as,) if ours.local_as == ours.asn else (ours.local_as, ours.asn)
    return _Link(
        ours=ours.uid,
        theirs=theirs.uid,
        far=far,
        ebgp=ebgp,
        prepend=prepend,
        me=int(theirs.address),
        activated=ours.activate and theirs.activate,
        rr_client=ours.rr_client,
        next_hop_self=ours.next_hop_self,
        default_originate=ours.default_originate,
        their_ases=(theirs.asn, theirs.local_as),
        allowas_in=theirs.allowas_in,
        their_rr_client=theirs.rr_client,
        our_rid=int(ours.router_id),
    )


def _send(
    link: _Link, prefix: Pfx, path: Path | None, suppressed: bool
) -> tuple[tuple[int, ...], int | None] | None:
    """What we advertise to the far end of ``link`` for ``prefix``: (AS path, next hop)."""
    if not link.activated:
        return None
    if prefix == DEFAULT and link.default_originate:
        return (link.prepend if link.ebgp else (), link.me)
    if path is None or suppressed or path.source == link.ours:
        return None
    if link.ebgp:
        return (link.prepend + path.as_path, link.me)
    if path.ibgp and not (path.from_client or link.rr_client):
        return None  # iBGP-learned: only a route reflector passes it on
    own = path.source is None or path.next_hop is None
    return (path.as_path, link.me if own or link.next_hop_self else path.next_hop)


def _receive(
    link: _Link, prefix: Pfx, sent: tuple[tuple[int, ...], int | None] | None
) -> Path | None:
    """What the far end keeps of ``sent``: nothing with its own AS in the path."""
    if sent is None:
        return None
    as_path, hop = sent
    if not link.allowas_in and (link.their_ases[0] in as_path or link.their_ases[1] in as_path):
        return None
    return Path(
        prefix,
        hop,
        as_path,
        not link.ebgp,
        link.theirs,
        link.our_rid,
        link.me,
        link.their_rr_client,
    )


class _Chooser:
    """Best path selection for one instance, with its next-hop resolutions remembered."""

    def __init__(self, rib: Rib, own: set[int]) -> None:
        self.rib = rib
        self.own = own
        self.hops: dict[int, int | None] = {}  # next hop → IGP metric, None: unresolvable

    def metric(self, hop: int) -> int | None:
        if hop not in self.hops:
            found: int | None = None
            if hop not in self.own:
                via = [r for r in self.rib.lookup(hop) if r.protocol != "bgp"]
                via = via or self.rib.lookup(hop)
                found = via[0].metric if via else None
            self.hops[hop] = found
        return self.hops[hop]

    def choose(self, candidates: list[Path]) -> Path | None:
        best: Path | None = None
        best_rank: tuple[int, ...] = ()
        for path in candidates:
            metric = 0
            if path.next_hop is not None:
                found = self.metric(path.next_hop)
                if found is None:
                    continue
                metric = found
            rank = (
                path.source is not None,
                len(path.as_path),
                path.ibgp,
                metric,
                path.peer_rid,
                path.peer_address,
            )
            if best is None or rank < best_rank:
                best, best_rank = path, rank
        return best


def _spread(
    prefix: Pfx,
    origins: dict[int, Path],
    starts: set[int],
    links: list[list[_Link]],
    choosers: list[_Chooser],
    suppressed: dict[int, set[Pfx]],
) -> tuple[dict[int, Path | None], dict[int, Path]]:
    """One prefix's propagation: each instance's best path, each statement's received path."""
    best: dict[int, Path | None] = {}
    adj: dict[int, Path] = {}
    queue = deque(sorted(set(origins) | starts))
    queued = set(queue)
    budget = 64 * (len(links) + 1)
    while queue and budget > 0:
        budget -= 1
        inst = queue.popleft()
        queued.discard(inst)
        candidates = [origins[inst]] if inst in origins else []
        for link in links[inst]:
            held = adj.get(link.ours)
            if held is not None:
                candidates.append(held)
        chosen = choosers[inst].choose(candidates)
        if inst in best and best[inst] == chosen:
            continue
        best[inst] = chosen
        hidden = prefix in suppressed.get(inst, ())
        for link in links[inst]:
            new = _receive(link, prefix, _send(link, prefix, chosen, hidden))
            if adj.get(link.theirs) != new:
                if new is None:
                    del adj[link.theirs]
                else:
                    adj[link.theirs] = new
                if link.far not in queued:
                    queue.append(link.far)
                    queued.add(link.far)
    return best, adj


def propagate(
    l2: L2,
    ribs: dict[Inst, Rib],
    stmts: dict[StmtKey, Stmt],
    outcomes: dict[StmtKey, Outcome],
    result: BgpResult,
) -> None:
    """Best paths of every BGP instance: each prefix spreads from where it is originated over
    the established sessions until nothing changes (prefixes are independent without
    policies; aggregates are settled in a second pass)."""
    rids: dict[Inst, IPv4Address] = {stmt.inst: stmt.router_id for stmt in stmts.values()}
    for box in l2.boxes.values():
        if box.config.bgp is not None:
            for af in box.config.bgp.address_families:
                inst = (box.name, af.vrf)
                if af.afi == "ipv4" and af.safi == "unicast" and inst not in rids:
                    rids[inst] = router_id(box, af.vrf, box.config.bgp.router_id)
    insts = sorted(rids, key=lambda i: (i[0], i[1] or ""))
    index = {inst: n for n, inst in enumerate(insts)}
    links: list[list[_Link]] = [[] for _ in insts]
    by_uid = {stmt.uid: stmt for stmt in stmts.values()}
    for key, outcome in outcomes.items():
        if outcome.state == "Established" and outcome.peer is not None:
            stmt = stmts[key]
            far = index[outcome.peer.inst]
            links[index[stmt.inst]].append(_link(stmt, outcome.peer, far))
    own: dict[Inst, set[int]] = {}
    for item in l2.l3.values():
        if item.up:
            own.setdefault((item.device, item.vrf), set()).update(int(a.ip) for a in item.addresses)
    choosers = [_Chooser(ribs.get(inst, EMPTY), own.get(inst, set())) for inst in insts]
    origins: dict[Pfx, dict[int, Path]] = {}
    for n, inst in enumerate(insts):
        rib = ribs.get(inst, EMPTY)
        for prefix, path in _originated(l2.boxes[inst[0]], inst[1], rib, int(rids[inst])).items():
            origins.setdefault(prefix, {})[n] = path
    defaults = {n for n, held in enumerate(links) if any(k.default_originate for k in held)}
    if defaults:
        origins.setdefault(DEFAULT, {})
    results: dict[Pfx, tuple[dict[int, Path | None], dict[int, Path]]] = {}
    for prefix, where in origins.items():
        starts = defaults if prefix == DEFAULT else set()
        results[prefix] = _spread(prefix, where, starts, links, choosers, {})
    suppressed = _aggregates(l2, insts, results, origins, rids)
    again = {p for held in suppressed.values() for p in held}
    again.update(p for p in origins if p not in results)
    for prefix in again:
        starts = defaults if prefix == DEFAULT else set()
        where = origins.get(prefix, {})
        results[prefix] = _spread(prefix, where, starts, links, choosers, suppressed)
    best: dict[Inst, dict[Pfx, Path]] = {inst: {} for inst in insts}
    received: dict[int, int] = {}
    sent: dict[int, int] = {}
    for prefix, (chosen, adj) in results.items():
        for n, choice in chosen.items():
            if choice is not None:
                best[insts[n]][prefix] = choice
            hidden = prefix in suppressed.get(n, ())
            for link in links[n]:
                if _send(link, prefix, choice, hidden) is not None:
                    sent[link.ours] = sent.get(link.ours, 0) + 1
        for uid in adj:
            received[uid] = received.get(uid, 0) + 1
    result.best = best
    result.unresolved = {
        (insts[n], hop)
        for n, chooser in enumerate(choosers)
        for hop, metric in chooser.hops.items()
        if metric is None
    }
    result.sent = {by_uid[uid].key: count for uid, count in sent.items()}
    result.received = {by_uid[uid].key: count for uid, count in received.items()}


def _aggregates(
    l2: L2,
    insts: list[Inst],
    results: dict[Pfx, tuple[dict[int, Path | None], dict[int, Path]]],
    origins: dict[Pfx, dict[int, Path]],
    rids: dict[Inst, IPv4Address],
) -> dict[int, set[Pfx]]:
    """Adds to ``origins`` the aggregates that have a more specific path; returns, per
    instance, the prefixes `summary-only` suppresses."""
    suppressed: dict[int, set[Pfx]] = {}
    for n, inst in enumerate(insts):
        bgp = l2.boxes[inst[0]].config.bgp
        af = family(bgp, inst[1]) if bgp else None
        if af is None or not af.aggregates:
            continue
        held = [p for p, (chosen, _) in results.items() if chosen.get(n) is not None]
        for aggregate in af.aggregates:
            if not isinstance(aggregate.prefix, IPv4Network):
                continue
            outer = pfx(aggregate.prefix)
            inner = [p for p in held if p != outer and subnet_of(p, outer)]
            if inner:
                path = Path(outer, None, (), False, None, int(rids[inst]))
                origins.setdefault(outer, {})[n] = path
                if aggregate.summary_only:
                    suppressed.setdefault(n, set()).update(inner)
    return suppressed


def bgp_routes(l2: L2, result: BgpResult) -> dict[Inst, list[RibRoute]]:
    """The learned best paths as routes for each instance's table."""
    out: dict[Inst, list[RibRoute]] = {}
    for inst, paths in result.best.items():
        box = l2.boxes[inst[0]]
        distances = {k: box.defaults.distance[k] for k in ("ebgp", "ibgp")}
        af = family(box.config.bgp, inst[1]) if box.config.bgp else None
        if af is not None and af.distance is not None:  # `distance bgp 20 200 200`
            distances = {"ebgp": af.distance[0], "ibgp": af.distance[1]}
        routes = out.setdefault(inst, [])
        for prefix, path in paths.items():
            if path.source is None:
                continue
            kind = "ibgp" if path.ibgp else "ebgp"
            hop = _address(path.next_hop) if path.next_hop is not None else None
            routes.append(
                RibRoute(prefix, "bgp", distances[kind], 0, hop, None, kind, path.as_path)
            )
    return out

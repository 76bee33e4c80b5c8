"""BGP: which configured sessions come up, and which routes they carry.

A session statement is a configured neighbor (settings from the neighbor, else its peer group)
in the global table or a VRF. It comes up when this side can reach the neighbor address (a
packet traced through the tables lands on the box holding it, and the answer finds its way
back) from its source address (the update-source interface's address, else the address of the
interface toward the neighbor), and the box holding the address has a neighbor statement for
that source address in that instance; or, the other way round, when the far end's attempt
reaches us at our configured neighbor address from its source address. Then both statements
must agree: each side's remote AS is the other's local AS (`local-as` overrides the box's AS),
passwords are equal, neither side is shut down, an eBGP neighbor that is not on a connected
subnet has `ebgp-multihop`, the router IDs differ, and no lab fault holds the session down.
Otherwise the session is Idle (this side will not try: shut down, no remote AS, a bad update
source, an eBGP neighbor out of reach of a single hop, a lab fault) or Active (it tries and
fails), with `reason` in plain words.

Routes: a box originates its `network` prefixes that are in its table, and what it
redistributes (connected, static, OSPF); aggregates are originated when a more specific path
exists (`summary-only` suppresses those). It advertises its best paths to every established
peer whose address family is activated on both ends, except back to the peer a path came from;
paths learned over iBGP go only to eBGP peers, unless the box reflects them (from a client to
every iBGP peer, from a non-client to clients). eBGP prepends the session's AS (`local-as`
then the real AS) and sets the next hop to the session's address; iBGP keeps the next hop
unless the route is the box's own or `next-hop-self` is set. A receiver drops paths with its own
AS in the path (unless `allowas-in`) and paths whose next hop it cannot resolve. Best path:
own routes, then shortest AS path, eBGP over iBGP, lowest IGP metric to the next hop, lowest
peer router ID, lowest peer address. Route policies (route maps, prefix lists, filter lists,
communities, local preference, MED, weight) are ignored; so are confederations, VPNv4/EVPN and
IPv6.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from functools import lru_cache
from ipaddress import IPv4Address, IPv4Network

from orchestrator.lab.common import parse_asn, secret_key
from orchestrator.lab.l2 import L2, Box
from orchestrator.lab.ospf import router_id
from orchestrator.lab.routing import (
    EMPTY,
    Arrival,
    Inst,
    Pfx,
    Rib,
    RibRoute,
    pfx,
    resolve,
    subnet_of,
    trace,
)
from orchestrator.model import Bgp, BgpAddressFamily, BgpAfPeer, BgpNeighbor, BgpPeerGroup

StmtKey = tuple[str, str | None, IPv4Address]  # (device, VRF, neighbor address)
_REDISTRIBUTABLE = {"connected": ("connected",), "static": ("static",), "ospf": ("ospf",)}


@dataclass(frozen=True)
class Stmt:
    """One configured BGP neighbor, its peer group's settings folded in."""

    device: str
    vrf: str | None
    address: IPv4Address
    remote_as: int | None
    external: bool  # `remote-as external`: any AS but ours
    local_as: int  # the AS this session speaks as
    asn: int  # the box's own AS
    update_source: str | None
    password: str | None  # `secret_key` of the password
    shutdown: bool
    multihop: bool
    description: str
    rr_client: bool
    next_hop_self: bool
    activate: bool
    default_originate: bool
    allowas_in: bool
    router_id: IPv4Address
    remote_as_text: str | None = None
    uid: int = 0  # a number of its own, for the route computation's tables

    @property
    def key(self) -> StmtKey:
        return (self.device, self.vrf, self.address)

    @property
    def inst(self) -> Inst:
        return (self.device, self.vrf)


@dataclass(frozen=True)
class Attempt:
    """What this side's own connection attempt gives."""

    state: str  # "ok", "Idle" (will not try) or "Active" (tries and fails)
    reason: str = ""
    source: IPv4Address | None = None
    arrival: Arrival | None = None


@dataclass(frozen=True)
class Outcome:
    state: str
    reason: str = ""
    local_address: IPv4Address | None = None
    peer: Stmt | None = None


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


# -- statements ------------------------------------------------------------------------------


def _family(bgp: Bgp, vrf: str | None) -> BgpAddressFamily | None:
    for af in bgp.address_families:
        if af.afi == "ipv4" and af.safi == "unicast" and af.vrf == vrf:
            return af
    return None


def _af_peer(af: BgpAddressFamily | None, address: str, group: str | None) -> BgpAfPeer | None:
    if af is None:
        return None
    return af.peers.get(address) or (af.peers.get(group) if group else None)


def _stmt(
    box: Box, bgp: Bgp, vrf: str | None, neighbor: BgpNeighbor, rid: IPv4Address
) -> Stmt | None:
    try:
        address = IPv4Address(neighbor.address)
    except ValueError:
        return None  # IPv6 neighbors are left out
    asn = parse_asn(bgp.asn)
    if asn is None:
        return None
    group: BgpPeerGroup | None = bgp.peer_groups.get(neighbor.peer_group or "")

    def pick(name: str) -> object:
        own = getattr(neighbor, name)
        if own not in (None, False) or group is None:
            return own
        return getattr(group, name)

    remote_text = pick("remote_as")
    remote_text = remote_text if isinstance(remote_text, str) else None
    external = remote_text == "external"
    remote = asn if remote_text == "internal" else parse_asn(remote_text)
    local = parse_asn(str(pick("local_as") or "")) or asn
    af = _family(bgp, vrf)
    af_peer = _af_peer(af, neighbor.address, neighbor.peer_group)
    if af_peer is not None:
        activate = af_peer.activate
    else:
        activate = bgp.default_ipv4_unicast or vrf is not None
    password = pick("password")
    multihop = pick("ebgp_multihop") or pick("ttl_security")
    return Stmt(
        device=box.name,
        vrf=vrf,
        address=address,
        remote_as=remote,
        external=external,
        local_as=local,
        asn=asn,
        update_source=str(pick("update_source")) if pick("update_source") else None,
        password=secret_key(password) if password is not None else None,  # type: ignore[arg-type]
        shutdown=bool(pick("shutdown")),
        multihop=bool(multihop),
        description=str(pick("description") or ""),
        rr_client=bool(af_peer and af_peer.route_reflector_client),
        next_hop_self=bool(af_peer and af_peer.next_hop_self),
        activate=activate,
        default_originate=bool(af_peer and af_peer.default_originate),
        allowas_in=bool(af_peer and af_peer.allowas_in is not None),
        router_id=rid,
        remote_as_text=remote_text,
    )


def statements(l2: L2) -> dict[StmtKey, Stmt]:
    """Every IPv4 BGP neighbor configured in the lab."""
    out: dict[StmtKey, Stmt] = {}
    for box in l2.boxes.values():
        bgp = box.config.bgp
        if bgp is None:
            continue
        tables: list[tuple[str | None, dict[str, BgpNeighbor], str | None]] = [
            (None, bgp.neighbors, bgp.router_id)
        ]
        for vrf in bgp.vrfs.values():
            tables.append((vrf.name, vrf.neighbors, vrf.router_id or bgp.router_id))
        for vrf_name, neighbors, configured in tables:
            rid = router_id(box, vrf_name, configured)
            for neighbor in neighbors.values():
                stmt = _stmt(box, bgp, vrf_name, neighbor, rid)
                if stmt is not None:
                    out[stmt.key] = replace(stmt, uid=len(out))
    return out


# -- sessions --------------------------------------------------------------------------------


def _is_ebgp(stmt: Stmt) -> bool:
    return stmt.external or stmt.remote_as != stmt.local_as


def _connected(l2: L2, stmt: Stmt) -> bool:
    for item in l2.l3_of(stmt.device):
        if item.up and item.vrf == stmt.vrf and item.kind != "loopback":
            if any(stmt.address in a.network for a in item.addresses):
                return True
    return False


def _attempt(l2: L2, ribs: dict[Inst, Rib], stmt: Stmt, faults: set[tuple[str, str]]) -> Attempt:
    box = l2.boxes[stmt.device]
    if stmt.shutdown:
        return Attempt("Idle", "the neighbor is administratively shut down")
    if (stmt.device, str(stmt.address)) in faults:
        return Attempt("Idle", "held down by a lab fault (clear the faults to restore it)")
    if stmt.remote_as is None and not stmt.external:
        return Attempt("Idle", "no remote AS is configured")
    source: IPv4Address | None = None
    if stmt.update_source is not None:
        port = box.port(stmt.update_source)
        if port is None:
            return Attempt("Idle", f"update-source {stmt.update_source} does not exist")
        if not port.oper_up:
            return Attempt("Idle", f"update-source {port.name} is down")
        if not port.addresses:
            return Attempt("Idle", f"update-source {port.name} has no IPv4 address")
        source = port.addresses[0].ip
    for port in box.ports.values():
        if port.vrf == stmt.vrf and not port.oper_up and port.kind != "loopback":
            if any(stmt.address in a.network for a in port.addresses):
                why = "shut down" if not port.admin_up else "down"
                return Attempt("Idle", f"{port.name} toward {stmt.address} is {why}")
    if _is_ebgp(stmt) and not stmt.multihop and not _connected(l2, stmt):
        return Attempt(
            "Idle",
            f"eBGP neighbor {stmt.address} is not on a connected subnet and ebgp-multihop "
            "is not set",
        )
    rib = ribs.get(stmt.inst, EMPTY)
    hop = resolve(rib, stmt.address)
    if hop is None:
        return Attempt("Active", f"no route to {stmt.address}")
    if source is None:
        item = l2.l3.get((stmt.device, hop.interface))
        if item is None or not item.addresses:
            return Attempt("Active", f"no source address toward {stmt.address}")
        matching = [a.ip for a in item.addresses if hop.gateway in a.network]
        source = matching[0] if matching else item.addresses[0].ip
    arrival, why = trace(l2, ribs, stmt.inst, stmt.address)
    if arrival is None:
        return Attempt("Active", why, source)
    back, why_back = trace(l2, ribs, (arrival.device, arrival.vrf), source)
    if back is None or (back.device, back.vrf) != stmt.inst:
        name = l2.boxes[arrival.device].device.hostname
        return Attempt("Active", f"no return path from {name} to {source}: {why_back}", source)
    return Attempt("ok", "", source, arrival)


def _hostname(l2: L2, device: str) -> str:
    return l2.boxes[device].device.hostname


def _no_peer_reason(l2: L2, stmts: dict[StmtKey, Stmt], stmt: Stmt, attempt: Attempt) -> str:
    if attempt.state != "ok" or attempt.arrival is None or attempt.source is None:
        return attempt.reason
    far = attempt.arrival
    name = _hostname(l2, far.device)
    if l2.boxes[far.device].config.bgp is None:
        return f"{name} runs no BGP"
    ours = {a.ip for item in l2.l3_of(stmt.device) for a in item.addresses}
    other = [
        s.address
        for s in stmts.values()
        if s.device == far.device and s.vrf == far.vrf and s.address in ours
    ]
    hint = f"; it peers with {other[0]} instead (check update-source)" if other else ""
    return f"{name} has no neighbor {attempt.source} (this side's source address){hint}"


def _agree(l2: L2, stmt: Stmt, peer: Stmt, attempts: dict[StmtKey, Attempt]) -> Outcome:
    far = _hostname(l2, peer.device)
    theirs = attempts[peer.key]
    if theirs.state == "Idle":
        return Outcome("Active", f"{far}: {theirs.reason}")
    if not stmt.external and stmt.remote_as != peer.local_as:
        return Outcome(
            "Active", f"remote AS {stmt.remote_as} does not match the far end's AS {peer.local_as}"
        )
    if stmt.external and peer.local_as == stmt.local_as:
        return Outcome("Active", f"remote-as external, but the far end is in AS {peer.local_as}")
    if not peer.external and peer.remote_as != stmt.local_as:
        return Outcome(
            "Active", f"{far} expects remote AS {peer.remote_as}, this side is AS {stmt.local_as}"
        )
    if peer.external and peer.local_as == stmt.local_as:
        return Outcome("Active", f"{far} expects an external AS, this side is {stmt.local_as}")
    if stmt.password != peer.password:
        if stmt.password is None or peer.password is None:
            side = "only this side" if peer.password is None else f"only {far}"
            return Outcome("Active", f"{side} sets a password (TCP MD5 authentication fails)")
        return Outcome("Active", "the passwords differ (TCP MD5 authentication fails)")
    if stmt.router_id == peer.router_id:
        return Outcome("Active", f"both ends have router ID {stmt.router_id}")
    return Outcome("Established", "", peer.address, peer)


def sessions(
    l2: L2, ribs: dict[Inst, Rib], stmts: dict[StmtKey, Stmt], faults: set[tuple[str, str]]
) -> dict[StmtKey, Outcome]:
    """The state of every configured session, given the tables in ``ribs``."""
    attempts = {key: _attempt(l2, ribs, stmt, faults) for key, stmt in stmts.items()}
    landing: dict[tuple[str, str | None, IPv4Address], StmtKey] = {}
    for key, attempt in attempts.items():
        if attempt.arrival is not None and attempt.source is not None:
            far = attempt.arrival
            landing.setdefault((far.device, far.vrf, attempt.source), key)
    out: dict[StmtKey, Outcome] = {}
    for key, stmt in stmts.items():
        attempt = attempts[key]
        if attempt.state == "Idle":
            out[key] = Outcome("Idle", attempt.reason)
            continue
        peer: Stmt | None = None
        if attempt.arrival is not None and attempt.source is not None:
            far = attempt.arrival
            peer = stmts.get((far.device, far.vrf, attempt.source))
        if peer is None:
            back = landing.get((stmt.device, stmt.vrf, stmt.address))
            peer = stmts.get(back) if back is not None else None
        if peer is None:
            out[key] = Outcome("Active", _no_peer_reason(l2, stmts, stmt, attempt))
            continue
        if (peer.device, str(peer.address)) in faults:
            out[key] = Outcome("Idle", "held down by a lab fault at the far end")
            continue
        out[key] = _agree(l2, stmt, peer, attempts)
    return out


# -- routes ----------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _address(value: int) -> IPv4Address:
    return IPv4Address(value)


DEFAULT: Pfx = (0, 0)


def _originated(box: Box, vrf: str | None, rib: Rib, rid: int) -> dict[Pfx, Path]:
    bgp = box.config.bgp
    af = _family(bgp, vrf) if bgp else None
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
        af = _family(bgp, inst[1]) if bgp else None
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
        af = _family(box.config.bgp, inst[1]) if box.config.bgp else None
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

"""BGP sessions: which configured neighbors come up, and in plain words why the others do not.

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

Routes are in `lab/bgp_paths.py`. IPv6 neighbors are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from ipaddress import IPv4Address

from orchestrator.lab.boxes import Box
from orchestrator.lab.common import parse_asn, secret_key
from orchestrator.lab.l2 import L2
from orchestrator.lab.ospf import router_id
from orchestrator.lab.routing import (
    EMPTY,
    Arrival,
    Inst,
    Rib,
    resolve,
    trace,
)
from orchestrator.model import Bgp, BgpAddressFamily, BgpAfPeer, BgpNeighbor, BgpPeerGroup

StmtKey = tuple[str, str | None, IPv4Address]  # (device, VRF, neighbor address)


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


# -- statements ------------------------------------------------------------------------------


def family(bgp: Bgp, vrf: str | None) -> BgpAddressFamily | None:
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
    af = family(bgp, vrf)
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

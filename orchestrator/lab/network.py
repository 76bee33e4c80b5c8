"""One computation of the whole lab: layer 2, OSPF, static routes and BGP to a fixed point.

Order within a round: static routes resolve in the previous round's tables; OSPF externals take
the statics and the previous round's BGP routes; sessions are judged on the tables with
connected, static, OSPF and the previous BGP routes (so loopback iBGP rides on OSPF in the first
round); BGP then propagates over the established sessions. Rounds repeat until the tables stop
changing (at most `MAX_ROUNDS`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import IPv4Address

from orchestrator.lab.bgp import Outcome, StmtKey, sessions, statements
from orchestrator.lab.bgp_paths import BgpResult, bgp_routes, propagate
from orchestrator.lab.boxes import End
from orchestrator.lab.device import LabDevice
from orchestrator.lab.l2 import L2, build_l2
from orchestrator.lab.ospf import OspfResult, build_ospf
from orchestrator.lab.ospf_routes import intra_routes, ospf_routes
from orchestrator.lab.routing import (
    EMPTY,
    Arrival,
    Inst,
    Rib,
    RibRoute,
    Tables,
    connected_routes,
    static_routes,
    trace,
)

MAX_ROUNDS = 8


@dataclass
class Network:
    """Everything computed from the configs and the cables, until the next change."""

    l2: L2
    ospf: OspfResult
    ribs: dict[Inst, Rib]
    bgp: BgpResult
    rounds: int
    records: dict[tuple[str, str], object] = field(default_factory=dict)  # per-device cache

    def trace(
        self, device: str, vrf: str | None, address: IPv4Address
    ) -> tuple[Arrival | None, str]:
        return trace(self.l2, self.ribs, (device, vrf), address)


def compute(
    devices: dict[str, LabDevice], cables: list[tuple[End, End]], faults: set[tuple[str, str]]
) -> Network:
    """Compute the lab's state from the configs, the cables and the BGP faults."""
    l2 = build_l2(devices, cables)
    ospf = build_ospf(l2)
    intra = intra_routes(l2, ospf)
    connected = connected_routes(l2)
    stmts = statements(l2)
    tables = Tables()
    ribs = tables.build(connected)
    learned: dict[Inst, list[RibRoute]] = {}
    result = BgpResult(stmts=stmts)
    judged: dict[Inst, Rib] | None = None
    inputs: tuple[dict[Inst, list[RibRoute]], ...] | None = None
    rounds = 0
    for rounds in range(1, MAX_ROUNDS + 1):  # noqa: B007 - the count is reported
        statics: dict[Inst, list[RibRoute]] = {}
        for box in l2.boxes.values():
            for inst, routes in static_routes(box, ribs).items():
                statics.setdefault(inst, []).extend(routes)
        igp = ospf_routes(l2, ospf, intra, ribs, connected)
        middle = tables.build(connected, statics, igp, learned)
        if judged is not None and _same(middle, judged):
            break  # what sessions and BGP were judged on has not changed: neither have they
        outcomes = sessions(l2, middle, stmts, faults)
        if not _bgp_unchanged(result, outcomes, middle, (statics, igp), inputs):
            result = BgpResult(stmts=stmts, outcomes=outcomes)
            propagate(l2, middle, stmts, outcomes, result)
            learned = bgp_routes(l2, result)
        inputs = (statics, igp)
        judged = middle
        final = tables.build(connected, statics, igp, learned)
        if _same(final, ribs):
            break
        ribs = final
    return Network(l2, ospf, ribs, result, rounds)


def _bgp_unchanged(
    result: BgpResult,
    outcomes: dict[StmtKey, Outcome],
    tables: dict[Inst, Rib],
    inputs: tuple[dict[Inst, list[RibRoute]], ...],
    before: tuple[dict[Inst, list[RibRoute]], ...] | None,
) -> bool:
    """Whether BGP would come out as it did last round: the same sessions, the same non-BGP
    routes to originate and resolve over, and no next hop that was unresolvable resolves now
    (through a BGP route)."""
    if before is None or outcomes != result.outcomes or inputs != before:
        return False
    return not any(tables.get(inst, EMPTY).lookup(hop) for inst, hop in result.unresolved)


def _same(a: dict[Inst, Rib], b: dict[Inst, Rib]) -> bool:
    """Whether two sets of tables are the same (`Tables` reuses unchanged ones)."""
    return a.keys() == b.keys() and all(a[k] is b[k] or a[k] == b[k] for k in a)


def session_key(key: StmtKey) -> tuple[str, str | None, str]:
    return (key[0], key[1], str(key[2]))

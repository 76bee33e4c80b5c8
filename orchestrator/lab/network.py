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

from orchestrator.lab.bgp import BgpResult, StmtKey, bgp_routes, propagate, sessions, statements
from orchestrator.lab.device import LabDevice
from orchestrator.lab.l2 import L2, End, build_l2
from orchestrator.lab.ospf import OspfResult, build_ospf, ospf_routes
from orchestrator.lab.routing import (
    Arrival,
    Inst,
    Rib,
    RibRoute,
    connected_routes,
    static_routes,
    trace,
)

MAX_ROUNDS = 8


def _tables(*parts: dict[Inst, list[RibRoute]]) -> dict[Inst, Rib]:
    merged: dict[Inst, list[RibRoute]] = {}
    for part in parts:
        for inst, routes in part.items():
            merged.setdefault(inst, []).extend(routes)
    return {inst: Rib(routes) for inst, routes in merged.items()}


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
    connected = connected_routes(l2)
    stmts = statements(l2)
    ribs = _tables(connected)
    learned: dict[Inst, list[RibRoute]] = {}
    result = BgpResult(stmts=stmts)
    rounds = 0
    for rounds in range(1, MAX_ROUNDS + 1):  # noqa: B007 - the count is reported
        statics: dict[Inst, list[RibRoute]] = {}
        for box in l2.boxes.values():
            for inst, routes in static_routes(box, ribs).items():
                statics.setdefault(inst, []).extend(routes)
        base = _tables(connected, statics, learned)
        igp = ospf_routes(l2, ospf, base, connected)
        middle = _tables(connected, statics, igp, learned)
        outcomes = sessions(l2, middle, stmts, faults)
        result = BgpResult(stmts=stmts, outcomes=outcomes)
        propagate(l2, middle, stmts, outcomes, result)
        learned = bgp_routes(l2, result)
        tables = _tables(connected, statics, igp, learned)
        if tables == ribs:
            break
        ribs = tables
    return Network(l2, ospf, ribs, result, rounds)


def session_key(key: StmtKey) -> tuple[str, str | None, str]:
    return (key[0], key[1], str(key[2]))

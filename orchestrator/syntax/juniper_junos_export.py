"""What a Junos export policy means for redistribution.

On Junos a routing protocol carries routes of another protocol only when an export policy
accepts them (`from protocol direct; then accept;`); on the targets that is `redistribute`. So
every export into OSPF or BGP that accepts a protocol's routes redistributes that protocol, with
the policy as route map. A policy that says nothing but "accept these protocols" is the
redistribution itself: no route map is needed where it is used that way, and its lines are
accounted on the redistribution (for BGP only when no final reject drops BGP's own routes, which
BGP exports by default).
"""

from __future__ import annotations

from orchestrator.model import Node, Redistribution
from orchestrator.syntax.juniper_junos_index import claim_line, junos
from orchestrator.syntax.juniper_junos_text import values
from orchestrator.syntax.rules import Ctx

LOAD_BALANCE_RULE = (
    "tells the Junos forwarding table to install every equal-cost next hop, which the targets "
    "do by default"
)
#: `from protocol` names → the model's protocol vocabulary (Redistribution).
PROTOCOLS = {
    "direct": "connected",
    "static": "static",
    "ospf": "ospf",
    "bgp": "bgp",
    "isis": "isis",
    "rip": "rip",
}


def load_balance_only(paths: list[tuple[str, ...]]) -> bool:
    """A policy that only says `then load-balance ...` (optionally for some routes)."""
    return bool(paths) and all(
        "load-balance" in p or ("from" in p and "then" not in p) for p in paths
    )


def _terms(paths: list[tuple[str, ...]]) -> dict[str | None, list[tuple[str, ...]]]:
    terms: dict[str | None, list[tuple[str, ...]]] = {}
    for p in paths:
        if p[:1] == ("term",) and len(p) >= 2:
            terms.setdefault(p[1], []).append(p[2:])
        else:
            terms.setdefault(None, []).append(p)
    return terms


def plain_export(paths: list[tuple[str, ...]]) -> tuple[list[str], bool] | None:
    """(protocols, ends in reject) for a policy that only accepts routes by protocol.

    Such a policy (`from protocol direct; then accept;`, perhaps a last `then reject`) says no
    more than "redistribute these protocols": exported into a protocol it is redistribution.
    """
    terms = list(_terms(paths).values())
    accepted: list[str] = []
    for i, clauses in enumerate(terms):
        kinds = {c[:2] for c in clauses}
        if set(clauses) == {("then", "reject")} and i == len(terms) - 1:
            return accepted, True
        if kinds != {("from", "protocol"), ("then", "accept")}:
            return None
        accepted.extend(p for c in clauses if c[:2] == ("from", "protocol") for p in values(c[2:]))
    return (accepted, False) if accepted else None


def route_targets(ctx: Ctx, name: str, use: str) -> list[str] | None:
    """The route targets a VRF import/export policy stands for, when that is all it says.

    An import policy of `from community <targets>; then accept;` terms imports those route
    targets; an export policy of `then { community add <targets>; accept; }` terms exports them
    (either may end in `then reject`). That is the VRF's import / export route-target list.
    """
    idx = junos(ctx).index
    terms = list(_terms(idx.policies.get(name, [])).values())
    found: list[str] = []
    for i, clauses in enumerate(terms):
        if set(clauses) == {("then", "reject")} and i == len(terms) - 1 and i:
            break
        accepts = ("then", "accept") in clauses
        if use == "vrf-import":
            named = [c[2:] for c in clauses if c[:2] == ("from", "community")]
            if not accepts or len(named) != 1 or len(clauses) != 2:
                return None
            for community in values(named[0]):
                members = idx.communities.get(community, [])
                if len(members) != 1 or not members[0].startswith("target:"):
                    return None  # several members must all be present: not a target list
                found.append(members[0][len("target:") :])
        else:
            adds = [c[3:] for c in clauses if c[:3] in (("then", "community", "add"),)]
            if not accepts or not adds or len(adds) + 1 != len(clauses):
                return None
            for add in adds:
                members = [m for v in values(add) for m in idx.communities.get(v, [""])]
                if not members or not all(m.startswith("target:") for m in members):
                    return None
                found.extend(m[len("target:") :] for m in members)
    return list(dict.fromkeys(found)) or None


def absorbed(ctx: Ctx, name: str, use: str) -> bool:
    """True when using ``name`` as ``use`` is wholly expressed by redistribution (or, for a
    VRF import/export policy, by the VRF's route targets)."""
    if use in ("vrf-import", "vrf-export"):
        return route_targets(ctx, name, use) is not None
    plain = plain_export(junos(ctx).index.policies.get(name, []))
    if plain is None:
        return False
    protocols, ends_in_reject = plain
    if use == "ospf-export":
        return True  # OSPF exports nothing by default: the policy adds, never removes
    # BGP exports its own routes by default: a final reject that drops them needs a route map
    return use == "bgp-export" and (not ends_in_reject or "bgp" in protocols)


def needs_route_map(ctx: Ctx, name: str) -> bool:
    uses = junos(ctx).index.policy_uses.get(name)
    return not uses or not all(absorbed(ctx, name, use) for use in uses)


def policy_lines(ctx: Ctx, name: str, node: Node, *fields: str) -> None:
    """Account the lines of a policy that needs no route map on ``fields`` of ``node``."""
    for line, opener in junos(ctx).bucket("policy_lines").get(name, []):
        if opener:
            claim_line(ctx, line, node, *fields)
        else:
            node.at(line, *fields)


def redistributions(
    ctx: Ctx, names: list[str], n: int, use: str
) -> tuple[list[Redistribution], bool]:
    """What exporting ``names`` into a routing protocol redistributes from other protocols,
    and whether that is all the export says (then no route map is applied)."""
    paths_of = junos(ctx).index.policies
    whole = len(names) == 1 and absorbed(ctx, names[0], use)
    out: list[Redistribution] = []
    for name in names:
        terms = _terms(paths_of.get(name, []))
        accepted: list[str] = []
        for clauses in terms.values():
            if ("then", "accept") in clauses:
                accepted.extend(
                    p for c in clauses if c[:2] == ("from", "protocol") for p in values(c[2:])
                )
        for proto in dict.fromkeys(accepted):
            model = PROTOCOLS.get(proto)
            if model is None or model == "bgp":
                continue
            item = Redistribution(protocol=model, route_map=None if whole else name)  # type: ignore[arg-type]
            item.at(n)
            if whole:
                policy_lines(ctx, name, item)
            out.append(item)
    return out, whole

"""Cisco MQC quality of service: `class-map` and `policy-map` (IOS; NX-OS reuses the grammar).

The model keeps IOS units (kbit/s for bandwidth and priority, bit/s for shaping and policing,
bytes for bursts); see `PolicyClass` and `ClassMap` for the vocabulary of kinds.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import ClassMap, Police, PolicyClass, PolicyMap
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule
from orchestrator.syntax.text import Line

#: `match <keywords>` → the model's match kind.
MATCH_KINDS: dict[str, str] = {
    "any": "any",
    "access-group": "access-group",
    "access-group name": "access-group",
    "ip precedence": "ip-precedence",
    "precedence": "precedence",
    "ip dscp": "ip-dscp",
    "dscp": "dscp",
    "cos": "cos",
    "protocol": "protocol",
    "class-map": "class-map",
    "vlan": "vlan",
}

#: the model's match kind → how IOS writes it (the reverse of `MATCH_KINDS`).
MATCH_WORDS: dict[str, str] = {
    "any": "any",
    "access-group": "access-group",
    "ip-precedence": "ip precedence",
    "precedence": "precedence",
    "ip-dscp": "ip dscp",
    "dscp": "dscp",
    "cos": "cos",
    "protocol": "protocol",
    "class-map": "class-map",
    "vlan": "vlan",
}

_MATCH = re.compile(
    r"match (?P<not>not )?(?P<kind>any|access-group name|access-group|ip precedence|precedence|"
    r"ip dscp|dscp|cos|protocol|class-map|vlan)(?: (?P<value>.+))?"
)


def p_class_map(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    cmap = ClassMap(name=m.group(2), match=(m.group(1) or "match-all")[6:])  # type: ignore[arg-type]
    cmap.at(line.n)
    cmap.at(line.n, "match")
    ctx.config.services.class_maps[cmap.name] = cmap
    ctx.config.services.at(line.n, "class_maps")
    for child in line.children:
        dispatch(ctx, child, CLASS_MAP_RULES, cmap)


def c_match(ctx: Ctx, line: Line, m: re.Match[str], cmap: ClassMap) -> None:
    found = _MATCH.fullmatch(line.text)
    if found is None:
        ctx.report.unsupported(line, "class-map match criterion not translated")
        return
    kind = MATCH_KINDS[found.group("kind")]
    value = " ".join((found.group("value") or "").split())
    if (kind == "any") != (not value):
        ctx.report.unsupported(line, "class-map match criterion not understood")
        return
    match = (("not-" if found.group("not") else "") + kind, value)
    cmap.matches.append(match)
    cmap.at_item(line.n, "matches", match)


CLASS_MAP_RULES: list[Rule] = [
    rule(r"match .+", c_match),
]


def p_policy_map(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pmap = PolicyMap(name=m.group(1))
    pmap.at(line.n)
    ctx.config.services.policy_maps[pmap.name] = pmap
    ctx.config.services.at(line.n, "policy_maps")
    for child in line.children:
        dispatch(ctx, child, POLICY_MAP_RULES, pmap)


def q_class(ctx: Ctx, line: Line, m: re.Match[str], pmap: PolicyMap) -> None:
    item = PolicyClass(class_name=m.group(1))
    item.at(line.n)
    pmap.classes.append(item)
    pmap.at(line.n, "classes")
    for child in line.children:
        dispatch(ctx, child, POLICY_CLASS_RULES, item)


POLICY_MAP_RULES: list[Rule] = [
    rule(r"class (\S+)", q_class),
]


def _action(kind: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], item: PolicyClass) -> None:
        value = " ".join((m.group(1) or "").split()) if m.groups() else ""
        item.actions.append((kind, value))
        item.at_item(line.n, "actions", (kind, value))

    return handler


_POLICE_ACTION = (
    r"(?:transmit|drop|set-dscp-transmit \S+|set-prec-transmit \S+|"
    r"set-cos-transmit \S+)"
)
_POLICE = re.compile(
    r"police(?: cir)? (?:percent (?P<pct>\d+)|(?P<cir>\d+))"
    r"(?: (?:bc )?(?P<bc>\d+))?(?: (?:be )?(?P<be>\d+))?(?: pir (?P<pir>\d+))?"
    rf"(?: conform-action (?P<conform>{_POLICE_ACTION}))?"
    rf"(?: exceed-action (?P<exceed>{_POLICE_ACTION}))?"
    rf"(?: violate-action (?P<violate>{_POLICE_ACTION}))?"
)


def q_police(ctx: Ctx, line: Line, m: re.Match[str], item: PolicyClass) -> None:
    found = _POLICE.fullmatch(line.text)
    if found is None:
        ctx.report.unsupported(line, "policer form not translated")
        return
    police = Police()
    police.at(line.n)
    for name in ("cir", "bc", "be", "pir"):
        if found.group(name):
            setattr(police, name, int(found.group(name)))
            police.at(line.n, name)
    if found.group("pct"):
        police.cir_percent = int(found.group("pct"))
        police.at(line.n, "cir_percent")
    for name in ("conform", "exceed", "violate"):
        if found.group(name):
            setattr(police, name, found.group(name))
            police.at(line.n, name)
    item.police = police
    item.at(line.n, "police")
    for child in line.children:
        dispatch(ctx, child, POLICE_RULES, police)


def r_police_action(ctx: Ctx, line: Line, m: re.Match[str], police: Police) -> None:
    name = m.group(1)
    setattr(police, name, m.group(2))
    police.at(line.n, name)


POLICE_RULES: list[Rule] = [
    rule(rf"(conform|exceed|violate)-action ({_POLICE_ACTION})", r_police_action),
]

POLICY_CLASS_RULES: list[Rule] = [
    rule(r"priority(?: ((?:percent )?\d+(?: \d+)?))?", _action("priority")),
    rule(r"bandwidth ((?:remaining )?(?:percent )?\d+)", _action("bandwidth")),
    rule(r"shape average ((?:percent )?\d+)", _action("shape-average")),
    rule(r"queue-limit (\d+)(?: packets)?", _action("queue-limit")),
    rule(r"fair-queue", _action("fair-queue")),
    rule(r"random-detect(?: (dscp-based|precedence-based))?", _action("random-detect")),
    rule(r"set (?:ip )?dscp (\S+)", _action("set-dscp")),
    rule(r"set (?:ip )?precedence (\S+)", _action("set-precedence")),
    rule(r"set cos (\S+)", _action("set-cos")),
    rule(r"service-policy (\S+)", _action("service-policy")),
    rule(r"police .+", q_police),
]

QOS_TOP: list[Rule] = [
    rule(r"class-map(?: (match-all|match-any))? (\S+)", p_class_map),
    rule(r"policy-map (\S+)", p_policy_map),
]

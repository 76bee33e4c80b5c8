"""ZXROS QoS: `class-map`, `policy-map` with `class` views, and `service-policy` bindings.

Source: [QOS] the ZXROS NG QoS command reference (Chinese, "ZXROSNG(config)#" examples):
`class-map NAME match-all|match-any` with `match ipv4 precedence R`, `match precedence R`,
`match ipv4 dscp range R`, `match dscp range R`, `match ipv4-access-list ACL`,
`match ipv6-access-list ACL`, `match out-8021p R`, `match out-vlan R` (R: up to four values or
ranges, comma separated, `not` before R negates dscp and precedence matches); `policy-map NAME`
with `class NAME|class-default` views holding `bandwidth percent N`, `bandwidth-remaining
percent N`, `priority-llq`, `shape average|peak KBPS|percentage N`, `queue-limit
7|16|24|64|512|2000|8000`, `random-detect enable`, `set dscp|precedence|8021p V`,
`service-policy CHILD` and `police cir KBPS [pir KBPS] [conform-action A exceed-action A
violate-action A]`; the binding is global: `service-policy IFNAME input|output POLICY`.

The model is shaped for this grammar by `zte_zxros_prepare` (value lists sorted and numeric,
`match any` as every IP precedence, LLQ without a rate); what the grammar cannot say is reported.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import ClassMap, DeviceConfig, Police, PolicyClass, PolicyMap, item_key
from orchestrator.syntax.rules import Ctx, Rule, rule, vlan_list, vlan_ranges
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import Writer, all_fields, get_interface

#: model match kind → ZXROS words before the value list
_MATCH_OUT = {
    "ip-precedence": "match ipv4 precedence",
    "precedence": "match precedence",
    "ip-dscp": "match ipv4 dscp range",
    "dscp": "match dscp range",
    "cos": "match out-8021p",
    "vlan": "match out-vlan",
}
_MATCH_IN = sorted(((v, k) for k, v in _MATCH_OUT.items()), key=lambda p: -len(p[0]))
_NEGATABLE = frozenset({"ip-precedence", "precedence", "ip-dscp", "dscp"})
#: ZXROS accepts at most this many values or ranges in one match
MAX_SEGMENTS = 4
QUEUE_LIMITS = frozenset({7, 16, 24, 64, 512, 2000, 8000})
_SETS = {"set-dscp": "dscp", "set-precedence": "precedence", "set-cos": "8021p"}
_POLICE_ACTION = re.compile(r"transmit|drop|set-(?:dscp|prec)-transmit \d+")


class QosError(ValueError):
    """A QoS statement this grammar cannot write; its lines are reported unsupported."""


def _ranges(values: str) -> str:
    numbers = [int(v) for v in values.split()]
    segments = vlan_ranges(numbers)
    if len(segments) > MAX_SEGMENTS:
        raise QosError(f"more than {MAX_SEGMENTS} values or ranges in one match")
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in segments)


def _values(text: str) -> str:
    return " ".join(str(v) for v in vlan_list(text.replace(",", " ")))


def match_text(kind: str, value: str, config: DeviceConfig) -> str:
    negated = kind.startswith("not-")
    base = kind[4:] if negated else kind
    if negated and base not in _NEGATABLE:
        raise QosError(f"negated {base} match")
    if base == "access-group":
        acl = config.acls.get(value)
        family = "ipv6" if acl is not None and acl.kind == "ipv6" else "ipv4"
        return f"match {family}-access-list {value}"
    if base not in _MATCH_OUT:
        raise QosError(f"class-map match {base}")
    if not all(v.isdigit() for v in value.split()):
        raise QosError(f"match {base} {value!r}: ZXROS takes numbers")
    return f"{_MATCH_OUT[base]} {'not ' if negated else ''}{_ranges(value)}"


def action_text(kind: str, value: str) -> str:
    if kind == "priority" and not value:
        return "priority-llq"
    if kind == "bandwidth":
        pm = re.fullmatch(r"(remaining )?percent (\d+)", value)
        if pm is None:
            raise QosError("ZXROS guarantees bandwidth as a percentage only")
        return f"bandwidth{'-remaining' if pm.group(1) else ''} percent {pm.group(2)}"
    if kind == "shape-average":
        pm = re.fullmatch(r"percent (\d+)", value)
        if pm is not None:
            return f"shape average percentage {pm.group(1)}"
        if not value.isdigit() or int(value) % 1000:
            raise QosError("ZXROS shapes in whole kbit/s")
        return f"shape average {int(value) // 1000}"
    if kind == "queue-limit":
        if not value.isdigit() or int(value) not in QUEUE_LIMITS:
            raise QosError(f"ZXROS queue depths are {', '.join(map(str, sorted(QUEUE_LIMITS)))}")
        return f"queue-limit {value}"
    if kind == "random-detect" and not value:
        return "random-detect enable"
    if kind in _SETS and value.isdigit():
        return f"set {_SETS[kind]} {value}"
    if kind == "service-policy":
        return f"service-policy {value}"
    raise QosError(f"policy action {kind} {value}".strip())


def police_text(p: Police) -> str:
    if p.bc is not None or p.be is not None:
        raise QosError("ZXROS police bursts are not IOS byte counts; not converted")
    if p.cir_percent is not None:
        # [CTN]: `police cir percentage 95` (a share of the interface rate)
        if p.pir is not None or p.cir is not None:
            raise QosError("a percentage rate with a peak rate is not translated")
        text = f"police cir percentage {p.cir_percent}"
    else:
        rates = [r for r in (p.cir, p.pir) if r is not None]
        if p.cir is None or any(r % 1000 for r in rates):
            raise QosError("ZXROS police takes rates in whole kbit/s")
        text = f"police cir {p.cir // 1000}"
        text += f" pir {p.pir // 1000}" if p.pir is not None else ""
    if p.conform is None and p.exceed is None and p.violate is None:
        return text
    actions = [p.conform or "transmit", p.exceed or "drop", p.violate or p.exceed or "drop"]
    if not all(_POLICE_ACTION.fullmatch(a) for a in actions):
        raise QosError("police action")
    return text + " conform-action {} exceed-action {} violate-action {}".format(*actions)


# --- parsing -------------------------------------------------------------------------------------


def p_class_map(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    cmap = ClassMap(name=m.group(1), match=m.group(2))  # type: ignore[arg-type]
    cmap.at(line.n)
    ctx.config.services.class_maps[cmap.name] = cmap
    ctx.config.services.at(line.n, "class_maps")
    for child in line.children:
        acl = re.fullmatch(r"match ipv[46]-access-list (\S+)", child.text)
        found = next((k for w, k in _MATCH_IN if child.text.startswith(w + " ")), None)
        if acl:
            cmap.matches.append(("access-group", acl.group(1)))
        elif found is not None:
            rest = child.text[len(_MATCH_OUT[found]) + 1 :]
            negated = rest.startswith("not ")
            values = _values(rest[4:] if negated else rest)
            cmap.matches.append((("not-" if negated else "") + found, values))
        else:
            ctx.report.unsupported(child, "class-map match not translated")
            continue
        ctx.report.parsed(child)
        cmap.at(child.n, "matches")


def p_policy_map(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pmap = PolicyMap(name=m.group(1))
    pmap.at(line.n)
    ctx.config.services.policy_maps[pmap.name] = pmap
    ctx.config.services.at(line.n, "policy_maps")
    for child in line.children:
        cm = re.fullmatch(r"class (\S+)", child.text)
        if cm is None:
            ctx.report.unsupported(child, "policy-map statement not translated")
            continue
        ctx.report.parsed(child)
        cls = PolicyClass(class_name=cm.group(1))
        cls.at(child.n)
        pmap.classes.append(cls)
        pmap.at(child.n, "classes")
        for grand in child.children:
            if _policy_action(grand, cls):
                ctx.report.parsed(grand)
            else:
                ctx.report.unsupported(grand, "policy action not translated")


_ACTIONS_IN: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"priority-llq"), "priority", ""),
    (re.compile(r"bandwidth percent (\d+)"), "bandwidth", "percent {0}"),
    (re.compile(r"bandwidth-remaining percent (\d+)"), "bandwidth", "remaining percent {0}"),
    (re.compile(r"shape average percentage (\d+)"), "shape-average", "percent {0}"),
    (re.compile(r"queue-limit (\d+)"), "queue-limit", "{0}"),
    (re.compile(r"random-detect enable"), "random-detect", ""),
    (re.compile(r"set dscp (\d+)"), "set-dscp", "{0}"),
    (re.compile(r"set precedence (\d+)"), "set-precedence", "{0}"),
    (re.compile(r"set 8021p (\d+)"), "set-cos", "{0}"),
    (re.compile(r"service-policy (\S+)"), "service-policy", "{0}"),
]


def _policy_action(line: Line, cls: PolicyClass) -> bool:
    text = line.text
    shape = re.fullmatch(r"shape average (\d+)", text)
    if shape:
        cls.actions.append(("shape-average", str(int(shape.group(1)) * 1000)))
        cls.at(line.n, "actions")
        return True
    for pattern, kind, value in _ACTIONS_IN:
        pm = pattern.fullmatch(text)
        if pm:
            cls.actions.append((kind, value.format(*pm.groups())))
            cls.at(line.n, "actions")
            return True
    pol = re.fullmatch(
        r"police cir (percentage )?(\d+)(?: pir (\d+))?"
        r"(?: conform-action (.+) exceed-action (.+) violate-action (.+))?",
        text,
    )
    if pol is None:
        return False
    percent, rate, pir, conform, exceed, violate = pol.groups()
    police = Police(cir_percent=int(rate)) if percent else Police(cir=int(rate) * 1000)
    if pir:
        police.pir = int(pir) * 1000
    if conform:
        police.conform, police.exceed = conform, exceed
        # without a peak rate, exceeding and violating are one state: IOS says it once
        police.violate = None if police.pir is None and violate == exceed else violate
    police.at(line.n)
    cls.police = police
    cls.at(line.n, "police")
    return True


def p_service_policy(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ifc = get_interface(ctx, m.group(1))
    field = "service_policy_in" if m.group(2) == "input" else "service_policy_out"
    setattr(ifc, field, m.group(3))
    ifc.at(line.n, field)


QOS_TOP: list[Rule] = [
    rule(r"class-map (\S+) match-(all|any)", p_class_map),
    rule(r"policy-map (\S+)", p_policy_map),
    rule(r"service-policy (\S+) (input|output) (\S+)", p_service_policy),
]


# --- rendering -----------------------------------------------------------------------------------


def render_qos(w: Writer, config: DeviceConfig) -> None:
    services = config.services
    bound = [
        (ifc, field, direction)
        for ifc in config.interfaces.values()
        for field, direction in (("service_policy_in", "input"), ("service_policy_out", "output"))
        if getattr(ifc, field) is not None
    ]
    if not (services.class_maps or services.policy_maps or bound):
        return
    with w.section("qos"):
        for cmap in services.class_maps.values():
            _render_class_map(w, cmap, config)
        for pmap in services.policy_maps.values():
            with w.view(f"policy-map {pmap.name}", pmap):
                for cls in pmap.classes:
                    _render_class(w, cls)
        for ifc, field, direction in bound:
            w.line(f"service-policy {ifc.name} {direction} {getattr(ifc, field)}", ifc, field)


def _render_class_map(w: Writer, cmap: ClassMap, config: DeviceConfig) -> None:
    texts: list[str] = []
    try:
        texts = [match_text(kind, value, config) for kind, value in cmap.matches]
    except QosError as exc:
        w.out.unsupported(cmap, *all_fields(cmap), reason=f"ZXROS class map: {exc}")
        return
    with w.view(f"class-map {cmap.name} match-{cmap.match}", cmap, "", "match"):
        for text, match in zip(texts, cmap.matches, strict=True):
            w.line(text, cmap, item_key("matches", match))


def _render_class(w: Writer, cls: PolicyClass) -> None:
    out = w.out
    with w.view(f"class {cls.class_name}", cls, ""):
        for kind, value in cls.actions:
            # prepare keeps only the actions this grammar writes
            w.line(action_text(kind, value), cls, item_key("actions", (kind, value)))
        if cls.police is not None:
            try:
                text = police_text(cls.police)
                w.item(
                    text, cls.police, "cir", "cir_percent", "pir", "conform", "exceed", "violate"
                )
            except QosError as exc:
                out.unsupported(cls.police, *all_fields(cls.police), reason=str(exc))
                out.unsupported(cls, "police", reason=str(exc))

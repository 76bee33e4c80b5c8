"""VRP OSPF: `ospf <process> [router-id R] [vpn-instance V]` with its areas; `import-route`
is shared with BGP."""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import Ospf, OspfArea, Redistribution
from orchestrator.syntax.huawei_common import ifname, read_secret
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    area_dotted,
    dispatch,
    mask_or_length,
    network,
    ospf_default_originate,
    rule,
    wildcard_to_prefixlen,
)
from orchestrator.syntax.text import Line


def p_ospf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ospf` and `ospfv3` processes (OSPFv3 sets its router ID inside the view)."""
    v3 = line.words[0] == "ospfv3"
    words = line.words[1:]
    process_id = words.pop(0) if words and words[0].isdigit() else "1"
    table = ctx.config.ospfv3 if v3 else ctx.config.ospf
    process = table.get(process_id) or Ospf(process=process_id)
    table[process_id] = process
    process.at(line.n)
    while words:
        word = words.pop(0)
        if word == "router-id" and words:
            process.router_id = words.pop(0)
            process.at(line.n, "router_id")
        elif word == "vpn-instance" and words:
            process.vrf = words.pop(0)
            process.at(line.n, "vrf")
    for child in line.children:
        dispatch(ctx, child, OSPFV3_RULES if v3 else OSPF_RULES, process)


def o_router_id(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    p.router_id = m.group(1)
    p.at(line.n, "router_id")


def o_silent(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    undo, target = m.group(1) is not None, m.group(2)
    if target == "all":
        p.passive_default = not undo
        p.at(line.n, "passive_default")
        return
    (p.active if undo else p.passive).append(ifname(ctx, target))
    p.at(line.n, "active" if undo else "passive")


def o_int(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
        setattr(p, field, int(m.group(1)))
        p.at(line.n, field)

    return handler


def o_flag(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
        setattr(p, field, True)
        p.at(line.n, field)

    return handler


_PROTOCOLS = {
    "direct": "connected",
    "static": "static",
    "ospf": "ospf",
    "bgp": "bgp",
    "rip": "rip",
    "isis": "isis",
}


def parse_import_route(ctx: Ctx, line: Line, text: str) -> Redistribution | None:
    """`import-route <protocol> [process] [cost|med N] [type T] [route-policy R] [tag T]`."""
    words = text.split()[1:]
    protocol = _PROTOCOLS.get(words.pop(0)) if words else None
    if protocol is None:
        ctx.report.unsupported(line, "route import from this protocol is not translated")
        return None
    item = Redistribution(protocol=protocol)  # type: ignore[arg-type]
    if words and words[0].isdigit():
        item.process = words.pop(0)
    while words:
        word = words.pop(0)
        if word in ("cost", "med") and words:
            item.metric = int(words.pop(0))
        elif word == "type" and words:
            item.metric_type = int(words.pop(0))
        elif word == "route-policy" and words:
            item.route_map = words.pop(0)
        elif word == "permit-ibgp":
            continue
        else:
            ctx.report.unsupported(line, f"import-route option {word!r} not translated")
            return None
    item.at(line.n)
    return item


def o_import(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    item = parse_import_route(ctx, line, line.text)
    if item is not None:
        p.redistribute.append(item)
        p.at(line.n, "redistribute")


def o_default(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    words = (m.group(1) or "").split()
    ospf_default_originate(p, line, words, "cost", "type", "route-policy")


def o_stub_router(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    if m.group(1) is not None:
        p.max_metric_on_startup = int(m.group(2) or 500)
        p.at(line.n, "max_metric_on_startup")
    else:
        p.max_metric = True
        p.at(line.n, "max_metric")


def o_spf(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    maximum, start, hold = int(m.group(1)), int(m.group(2)), int(m.group(3))
    p.spf_timers = (start, hold, maximum)
    p.at(line.n, "spf_timers")


def o_area(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    dotted = area_dotted(m.group(1))
    area = p.areas.get(dotted)
    if area is None:
        area = p.areas[dotted] = OspfArea(area=dotted)
    area.at(line.n)
    p.at(line.n, "areas")
    for child in line.children:
        dispatch(ctx, child, AREA_RULES, area)


def a_network(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    length = wildcard_to_prefixlen(m.group(2))
    if length is None:
        ctx.report.unsupported(line, "non-contiguous OSPF network wildcard")
        return
    area.networks.append(network(f"{m.group(1)}/{length}"))
    area.at(line.n, "networks")


def a_kind(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    words = (m.group(2) or "").split()
    area.kind = m.group(1)  # type: ignore[assignment]
    area.no_summary = "no-summary" in words
    area.nssa_default = m.group(1) == "nssa" and "default-route-advertise" in words
    area.at(line.n, "kind", "no_summary", "nssa_default")
    if any(w not in ("no-summary", "default-route-advertise") for w in words):
        ctx.report.unsupported(line, "stub/NSSA option not translated")


def a_default_cost(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    area.default_cost = int(m.group(1))
    area.at(line.n, "default_cost")


def a_auth(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    words = m.group(1).split()
    mode = words.pop(0)
    if mode == "simple":
        area.auth = "simple"
        if words:
            form = words.pop(0) if words[0] in ("plain", "cipher") else None
            area.auth_key = read_secret(ctx, line, words[0], form)
    elif mode in ("md5", "hmac-md5"):
        area.auth = "md5"
        if words:
            area.auth_key_id = int(words[0])
            form = words[1] if len(words) > 2 else None
            area.auth_key = read_secret(ctx, line, words[-1], form)
    else:
        ctx.report.unsupported(line, f"OSPF {mode} authentication is not translated")
        return
    area.at(line.n, "auth", "auth_key_id", "auth_key")


def a_summary(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    prefix = network(f"{m.group(1)}/{mask_or_length(m.group(2))}")
    area.ranges.append((prefix, m.group(3) is None))
    area.at(line.n, "ranges")


AREA_RULES: list[Rule] = [
    rule(r"network (\S+) (\S+)(?: description .*)?", a_network),
    rule(r"(stub|nssa)(?: (.+))?", a_kind),
    rule(r"default-cost (\d+)", a_default_cost),
    rule(r"authentication-mode (.+)", a_auth),
    rule(r"abr-summary (\S+) (\S+)( not-advertise)?", a_summary),
    rule(r"description .+", ignore="an area description is a label"),
    rule(r"mpls-te enable", unsupported="MPLS TE is not translated"),
]


OSPF_RULES: list[Rule] = [
    rule(r"(undo )?silent-interface (.+)", o_silent),
    rule(r"bandwidth-reference (\d+)", o_int("reference_bandwidth")),
    rule(r"import-route .+", o_import),
    rule(r"default-route-advertise(?: (.+))?", o_default),
    rule(r"stub-router( on-startup(?: (\d+))?)?", o_stub_router),
    rule(r"preference (\d+)", o_int("distance")),
    rule(r"maximum load-balancing (\d+)", o_int("maximum_paths")),
    rule(r"spf-schedule-interval intelligent-timer (\d+) (\d+) (\d+)", o_spf),
    rule(r"bfd all-interfaces enable", o_flag("bfd_all")),
    rule(r"graceful-restart", o_flag("graceful_restart")),
    rule(r"area (\S+)", o_area),
    rule(r"opaque-capability enable", ignore="opaque LSAs are on where the target needs them"),
    rule(r"description .+", ignore="a process description is a label"),
    rule(
        r"(?:default cost inherit-metric|hostname|vpn-instance-capability simple|"
        r"enable traffic-adjustment advertise)",
        unsupported="this OSPF option is not translated",
    ),
]

OSPFV3_RULES: list[Rule] = [rule(r"router-id (\S+)", o_router_id), *OSPF_RULES]

"""Cisco IOS `router ospf` (and `ipv6 router ospf`) and the redistribution statement that
OSPF and BGP share; NX-OS reuses these handlers."""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import (
    Ospf,
    OspfArea,
    Redistribution,
)
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    area_dotted,
    dispatch,
    mask_to_prefixlen,
    network,
    ospf_default_originate,
    rule,
    wildcard_to_prefixlen,
)
from orchestrator.syntax.text import Line

_REDIST_PROTOCOLS = {
    "connected": "connected",
    "direct": "connected",
    "static": "static",
    "ospf": "ospf",
    "bgp": "bgp",
    "rip": "rip",
    "isis": "isis",
    "eigrp": "eigrp",
}


def parse_redistribution(ctx: Ctx, line: Line, text: str) -> Redistribution | None:
    """`redistribute <protocol> [process] [metric N] [metric-type T] [subnets] [route-map R]`."""
    words = text.split()[1:]
    if not words or words[0] not in _REDIST_PROTOCOLS:
        ctx.report.unsupported(line, "redistribution source not translated")
        return None
    item = Redistribution(protocol=_REDIST_PROTOCOLS[words.pop(0)])  # type: ignore[arg-type]
    if words and (words[0].isdigit() or item.protocol in ("ospf", "eigrp", "isis")):
        if words[0] not in ("metric", "metric-type", "subnets", "route-map", "match", "tag"):
            item.process = words.pop(0)
    while words:
        word = words.pop(0)
        if word == "metric" and words:
            item.metric = int(words.pop(0))
        elif word == "metric-type" and words:
            item.metric_type = int(words.pop(0))
        elif word == "subnets":
            item.subnets = True
        elif word == "route-map" and words:
            item.route_map = words.pop(0)
        else:
            ctx.report.unsupported(line, f"redistribute option {word!r} not translated")
            return None
    item.at(line.n)
    return item


# --- OSPF -------------------------------------------------------------------------------------


def p_router_ospf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    process = Ospf(process=m.group(1), vrf=m.group(2))
    existing = ctx.config.ospf.get(process.process)
    if existing is not None:
        process = existing
    ctx.config.ospf[process.process] = process
    process.at(line.n)
    for child in line.children:
        dispatch(ctx, child, OSPF_RULES, process)


def _area(process: Ospf, area: str) -> OspfArea:
    dotted = area_dotted(area)
    found = process.areas.get(dotted)
    if found is None:
        found = process.areas[dotted] = OspfArea(area=dotted)
    return found


def o_router_id(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    p.router_id = m.group(1)
    p.at(line.n, "router_id")


def o_network(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    length = wildcard_to_prefixlen(m.group(2))
    if length is None:
        ctx.report.unsupported(line, "non-contiguous OSPF network wildcard")
        return
    area = _area(p, m.group(3))
    prefix = network(f"{m.group(1)}/{length}")
    area.networks.append(prefix)
    area.at_item(line.n, "networks", prefix)
    p.at(line.n, "areas")


def o_passive(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    negated, target = m.group(1) is not None, m.group(2)
    if target == "default":
        p.passive_default = not negated
        p.at(line.n, "passive_default")
        return
    name = ports.canonical_name(ctx.platform, target.replace(" ", ""))
    (p.active if negated else p.passive).append(name)
    p.at_item(line.n, "active" if negated else "passive", name)


def o_reference_bw(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    p.reference_bandwidth = int(m.group(1))
    p.at(line.n, "reference_bandwidth")


def o_redistribute(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    item = parse_redistribution(ctx, line, line.text)
    if item is not None:
        p.redistribute.append(item)
        p.at(line.n, "redistribute")


def o_default_info(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    # IOS writes `default-information originate <options>`; older files put options first
    words = [w for w in line.text.split()[1:] if w != "originate"]
    ospf_default_originate(p, line, words, "metric", "metric-type", "route-map")


def o_log_adjacency(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    p.log_adjacency = m.group(1) is None
    p.at(line.n, "log_adjacency")


def o_area(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    area = _area(p, m.group(1))
    words = m.group(2).split()
    head = words[0]
    if head in ("stub", "nssa"):
        area.kind = head  # type: ignore[assignment]
        area.no_summary = "no-summary" in words
        area.nssa_default = "default-information-originate" in words
        area.at(line.n, "kind", "no_summary", "nssa_default")
    elif head == "range" and len(words) >= 3:
        prefix = network(f"{words[1]}/{mask_to_prefixlen(words[2])}")
        item = (prefix, "not-advertise" not in words)
        area.ranges.append(item)
        area.at_item(line.n, "ranges", item)
    elif head == "authentication":
        area.auth = "md5" if "message-digest" in words else "simple"
        area.at(line.n, "auth")
    elif head == "default-cost" and len(words) == 2:
        area.default_cost = int(words[1])
        area.at(line.n, "default_cost")
    else:
        ctx.report.unsupported(line, f"OSPF area option {head!r} not translated")
        return
    p.at(line.n, "areas")


def o_max_metric(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    if m.group(1):
        p.max_metric_on_startup = int(m.group(1))
        p.at(line.n, "max_metric_on_startup")
    else:
        p.max_metric = True
        p.at(line.n, "max_metric")


def o_int(name: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
        setattr(p, name, int(m.group(1)))
        p.at(line.n, name)

    return handler


def o_spf(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    p.spf_timers = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    p.at(line.n, "spf_timers")


def o_flag(name: str, value: bool = True) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
        setattr(p, name, value)
        p.at(line.n, name)

    return handler


OSPF_RULES: list[Rule] = [
    rule(r"router-id (\S+)", o_router_id),
    rule(r"network (\S+) (\S+) area (\S+)", o_network),
    rule(r"(no )?passive-interface (\S+(?: \d\S*)?)", o_passive),
    rule(r"auto-cost reference-bandwidth (\d+)", o_reference_bw),
    rule(r"redistribute .+", o_redistribute),
    rule(r"default-information(?: .*)? originate(?: (.+))?", o_default_info),
    rule(r"default-metric (\d+)", o_int("default_metric")),
    rule(r"(no )?log-adjacency-changes(?: detail)?", o_log_adjacency),
    rule(r"area (\S+) (.+)", o_area),
    rule(r"max-metric router-lsa(?: on-startup (\d+))?", o_max_metric),
    rule(r"distance (\d+)", o_int("distance")),
    rule(r"maximum-paths (\d+)", o_int("maximum_paths")),
    rule(r"timers throttle spf (\d+) (\d+) (\d+)", o_spf),
    rule(r"bfd all-interfaces", o_flag("bfd_all")),
    rule(r"nsf(?: ietf| cisco)?", o_flag("graceful_restart")),
]

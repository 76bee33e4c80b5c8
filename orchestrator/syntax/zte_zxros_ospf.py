"""ZXROS OSPF: `router ospf P [vrf V]` with `area` views, interface settings in the protocol."""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    InterfaceOspf,
    Ospf,
    OspfArea,
    Redistribution,
)
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    area_dotted,
    dispatch,
    int_field,
    mask_to_prefixlen,
    network,
    rule,
    set_field,
    str_field,
    wildcard_to_prefixlen,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import get_interface, ifname, read_secret

_REDIST_IN = {
    "connected": "connected",
    "static": "static",
    "rip": "rip",
    "isis-1-2": "isis",
    "bgp-ext": "bgp",
    "ospf-int": "ospf",
    "ospf-ext": "ospf",
}


def parse_redistribution(
    ctx: Ctx, line: Line, words: list[str], target: list[Redistribution], owner: Any
) -> None:
    proto = words.pop(0)
    if proto not in _REDIST_IN:
        ctx.report.unsupported(line, f"redistribution of {proto} is not translated")
        return
    process = words.pop(0) if words and words[0].isdigit() else None
    entry = Redistribution(protocol=_REDIST_IN[proto], process=process)  # type: ignore[arg-type]
    while words:
        word = words.pop(0)
        if word == "metric" and words:
            entry.metric = int(words.pop(0))
        elif word == "metric-type" and words:
            entry.metric_type = 1 if words.pop(0) == "ext-1" else 2
        elif word == "route-map" and words:
            entry.route_map = words.pop(0)
        else:
            ctx.report.unsupported(line, f"redistribute option {word!r} not translated")
            return
    same = next((r for r in target if r.protocol == entry.protocol and r.process == process), None)
    if same is not None and entry.protocol == "ospf":
        same.at(line.n)  # ospf-int and ospf-ext of one process are one IOS redistribution
        return
    entry.at(line.n)
    target.append(entry)
    owner.at(line.n, "redistribute")


def p_ospf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ospf = ctx.config.ospf.setdefault(m.group(1), Ospf(process=m.group(1)))
    ospf.at(line.n)
    if m.group(2):
        set_field(ospf, line, "vrf", m.group(2))
    passive: list[tuple[str, int, bool]] = []
    for child in line.children:
        pm = re.fullmatch(r"passive-interface (\S+)( disable)?", child.text)
        am = re.fullmatch(r"area (\S+)", child.text)
        im = re.fullmatch(r"interface (\S+)", child.text)
        if pm and pm.group(1) == "default":
            ctx.report.parsed(child)
            set_field(ospf, child, "passive_default", True)
        elif pm:
            ctx.report.parsed(child)
            passive.append((ifname(pm.group(1)), child.n, bool(pm.group(2))))
        elif am:
            ctx.report.parsed(child)
            _area(ctx, child, ospf, area_dotted(am.group(1)))
        elif im:
            ctx.report.parsed(child)
            _ospf_interface(ctx, child, im.group(1), None, None)
        else:
            dispatch(ctx, child, OSPF_RULES, ospf)
    for name, n, disabled in passive:
        settings = ctx.config.interfaces.get(name)
        if (
            not disabled
            and settings is not None
            and settings.ospf is not None
            and (settings.ospf.area is not None and settings.ospf.process == ospf.process)
        ):
            settings.ospf.passive = True
            settings.ospf.at(n, "passive")
            continue
        field = "active" if disabled else "passive"
        getattr(ospf, field).append(name)
        ospf.at(n, field)


def _area(ctx: Ctx, line: Line, ospf: Ospf, name: str) -> None:
    """An `area` view; the area is a model area only when it sets something besides interfaces."""
    area = ospf.areas.get(name) or OspfArea(area=name)
    area.at(line.n)
    if any(not c.text.startswith("interface ") for c in line.children) or not line.children:
        ospf.areas[name] = area
        ospf.at(line.n, "areas")
    for child in line.children:
        im = re.fullmatch(r"interface (\S+)", child.text)
        if im:
            ctx.report.parsed(child)
            _ospf_interface(ctx, child, im.group(1), ospf.process, name)
        else:
            dispatch(ctx, child, AREA_RULES, area)


def _ospf_interface(ctx: Ctx, line: Line, name: str, process: str | None, area: str | None) -> None:
    ifc = get_interface(ctx, name)
    settings = ifc.ospf or InterfaceOspf()
    ifc.ospf = settings
    ifc.at(line.n, "ospf")
    settings.at(line.n)
    if area is not None:
        settings.process, settings.area = process, area
        settings.at(line.n, "process", "area")
    for child in line.children:
        dispatch(ctx, child, OSPF_IF_RULES, settings)


def a_network(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    length = wildcard_to_prefixlen(m.group(2))
    if length is None:
        ctx.report.unsupported(line, "non-contiguous wildcard")
        return
    area.networks.append(network(f"{m.group(1)}/{length}"))
    area.at(line.n, "networks")


def a_type(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    set_field(area, line, "kind", m.group(1))
    rest = (m.group(2) or "").split()
    if "no-summary" in rest:
        set_field(area, line, "no_summary", True)
    if "default-information-originate" in rest:
        set_field(area, line, "nssa_default", True)


def a_range(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    area.ranges.append((network(f"{m.group(1)}/{mask_to_prefixlen(m.group(2))}"), not m.group(3)))
    area.at(line.n, "ranges")


AREA_RULES: list[Rule] = [
    rule(r"network (\S+) (\S+)", a_network),
    rule(r"(stub|nssa)((?: no-summary| default-information-originate)*)", a_type),
    rule(r"default-cost (\d+)", int_field("default_cost")),
    rule(
        r"authentication( message-digest)?",
        lambda c, ln, m, a: set_field(a, ln, "auth", "md5" if m.group(1) else "simple"),
    ),
    rule(r"range (\S+) (\S+)( not-advertise)?", a_range),
]


_NET_TYPES = {
    "point-to-point": "point-to-point",
    "broadcast": "broadcast",
    "non-broadcast": "nbma",
    "point-to-multipoint": "p2mp",
}


def o_auth_key(ctx: Ctx, line: Line, m: re.Match[str], s: InterfaceOspf) -> None:
    if m.group(1):
        set_field(s, line, "auth_key_id", int(m.group(1)))
    s.auth_key = read_secret(ctx, line, m.group(3), encrypted=m.group(2) == "encrypted")
    s.at(line.n, "auth_key")


OSPF_IF_RULES: list[Rule] = [
    rule(r"cost (\d+)", int_field("cost")),
    rule(r"priority (\d+)", int_field("priority")),
    rule(r"hello-interval (\d+)", int_field("hello")),
    rule(r"dead-interval (\d+)", int_field("dead")),
    rule(
        r"network (point-to-point|broadcast|non-broadcast|point-to-multipoint)",
        lambda c, ln, m, s: set_field(s, ln, "network_type", _NET_TYPES[m.group(1)]),
    ),
    rule(
        r"authentication(?: (message-digest|null))?",
        lambda c, ln, m, s: set_field(
            s, ln, "auth", {"message-digest": "md5", "null": "null"}.get(m.group(1) or "", "simple")
        ),
    ),
    rule(r"message-digest-key (\d+) md5 (?:(encrypted|clear) )?(\S+)", o_auth_key),
    rule(r"authentication-key ()(?:(encrypted|clear) )?(\S+)", o_auth_key),
    rule(r"mtu-ignore", unsupported="OSPF MTU mismatch tolerance is not modelled"),
    rule(r"bfd(?: .*)?", unsupported="OSPF BFD timers are not translated"),
]


def o_default(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    words = (m.group(1) or "").split()
    ospf.default_originate = True
    ospf.at(line.n, "default_originate")
    while words:
        word = words.pop(0)
        if word == "always":
            set_field(ospf, line, "default_originate_always", True)
        elif word == "metric" and words:
            set_field(ospf, line, "default_originate_metric", int(words.pop(0)))
        elif word == "metric-type" and words:
            set_field(ospf, line, "default_originate_metric_type", int(words.pop(0)))
        elif word == "route-map" and words:
            set_field(ospf, line, "default_originate_route_map", words.pop(0))


def o_max_metric(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    if m.group(1):
        set_field(ospf, line, "max_metric_on_startup", int(m.group(1)))
    else:
        set_field(ospf, line, "max_metric", True)


OSPF_RULES: list[Rule] = [
    rule(r"router-id (\S+)", str_field("router_id")),
    rule(
        r"auto-cost reference-bandwidth (\d+)",
        int_field("reference_bandwidth"),
    ),
    rule(
        r"redistribute (.+)",
        lambda c, ln, m, o: parse_redistribution(c, ln, m.group(1).split(), o.redistribute, o),
    ),
    rule(r"default-information originate((?: \S+)*)", o_default),
    rule(
        r"maximum-paths (\d+)",
        int_field("maximum_paths"),
    ),
    rule(r"max-metric router-lsa(?: on-startup timeout (\d+))?", o_max_metric),
    rule(
        r"timers throttle spf (\d+) (\d+) (\d+)",
        lambda c, ln, m, o: set_field(
            o, ln, "spf_timers", (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        ),
    ),
    rule(r"bfd", lambda c, ln, m, o: set_field(o, ln, "bfd_all", True)),
    rule(r"nsf", lambda c, ln, m, o: set_field(o, ln, "graceful_restart", True)),
]


from orchestrator.syntax.zte_zxros_ospf_render import (  # noqa: E402
    render_ospf,
    render_redistribution,
)

__all__ = ["p_ospf", "parse_redistribution", "render_ospf", "render_redistribution"]

"""ZXROS OSPF: `router ospf P [vrf V]` with `area` views, interface settings in the protocol."""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    DeviceConfig,
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
    mask_to_prefixlen,
    network,
    prefixlen_to_mask,
    prefixlen_to_wildcard,
    rule,
    wildcard_to_prefixlen,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import (
    Writer,
    all_fields,
    get_interface,
    ifname,
    read_secret,
    write_secret,
)


def _set(node: Any, line: Line, name: str, value: object) -> None:
    setattr(node, name, value)
    node.at(line.n, name)


#: model protocol → ZXROS `redistribute` keywords; OSPF needs both internal and external routes.
_REDIST_OUT = {
    "connected": ["connected"],
    "static": ["static"],
    "rip": ["rip"],
    "isis": ["isis-1-2"],
    "bgp": ["bgp-ext"],
    "ospf": ["ospf-int", "ospf-ext"],
}


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


def render_redistribution(w: Writer, r: Redistribution, *, ospf_target: bool) -> None:
    out = w.out
    keywords = _REDIST_OUT.get(r.protocol)
    if keywords is None:
        out.unsupported(r, *all_fields(r), reason=f"ZXROS has no {r.protocol}")
        return
    options = f" metric {r.metric}" if r.metric is not None else ""
    if ospf_target and r.metric_type is not None:
        options += f" metric-type ext-{r.metric_type}"
    elif r.metric_type is not None:
        out.unsupported(r, "metric_type", reason="metric type outside OSPF")
    options += f" route-map {r.route_map}" if r.route_map else ""
    process = ""
    if r.protocol in ("ospf", "isis") and r.process is not None:
        process = f" {r.process}"
    elif r.process is not None:
        out.ignore(r, "process", rule="ZXROS redistributes its one BGP instance; AS is implicit")
    for word in keywords:
        w.line(f"redistribute {word}{process}{options}", r)
    if r.subnets:
        out.ignore(r, "subnets", rule="ZXROS always redistributes classless")


def p_ospf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ospf = ctx.config.ospf.setdefault(m.group(1), Ospf(process=m.group(1)))
    ospf.at(line.n)
    if m.group(2):
        _set(ospf, line, "vrf", m.group(2))
    passive: list[tuple[str, int, bool]] = []
    for child in line.children:
        pm = re.fullmatch(r"passive-interface (\S+)( disable)?", child.text)
        am = re.fullmatch(r"area (\S+)", child.text)
        im = re.fullmatch(r"interface (\S+)", child.text)
        if pm and pm.group(1) == "default":
            ctx.report.parsed(child)
            _set(ospf, child, "passive_default", True)
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
    _set(area, line, "kind", m.group(1))
    rest = (m.group(2) or "").split()
    if "no-summary" in rest:
        _set(area, line, "no_summary", True)
    if "default-information-originate" in rest:
        _set(area, line, "nssa_default", True)


def a_range(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    area.ranges.append((network(f"{m.group(1)}/{mask_to_prefixlen(m.group(2))}"), not m.group(3)))
    area.at(line.n, "ranges")


AREA_RULES: list[Rule] = [
    rule(r"network (\S+) (\S+)", a_network),
    rule(r"(stub|nssa)((?: no-summary| default-information-originate)*)", a_type),
    rule(r"default-cost (\d+)", lambda c, ln, m, a: _set(a, ln, "default_cost", int(m.group(1)))),
    rule(
        r"authentication( message-digest)?",
        lambda c, ln, m, a: _set(a, ln, "auth", "md5" if m.group(1) else "simple"),
    ),
    rule(r"range (\S+) (\S+)( not-advertise)?", a_range),
]


_NET_TYPES = {
    "point-to-point": "point-to-point",
    "broadcast": "broadcast",
    "non-broadcast": "nbma",
    "point-to-multipoint": "p2mp",
}


_NET_WORDS = {v: k for k, v in _NET_TYPES.items()}


def o_auth_key(ctx: Ctx, line: Line, m: re.Match[str], s: InterfaceOspf) -> None:
    if m.group(1):
        _set(s, line, "auth_key_id", int(m.group(1)))
    s.auth_key = read_secret(ctx, line, m.group(3), encrypted=m.group(2) == "encrypted")
    s.at(line.n, "auth_key")


OSPF_IF_RULES: list[Rule] = [
    rule(r"cost (\d+)", lambda c, ln, m, s: _set(s, ln, "cost", int(m.group(1)))),
    rule(r"priority (\d+)", lambda c, ln, m, s: _set(s, ln, "priority", int(m.group(1)))),
    rule(r"hello-interval (\d+)", lambda c, ln, m, s: _set(s, ln, "hello", int(m.group(1)))),
    rule(r"dead-interval (\d+)", lambda c, ln, m, s: _set(s, ln, "dead", int(m.group(1)))),
    rule(
        r"network (point-to-point|broadcast|non-broadcast|point-to-multipoint)",
        lambda c, ln, m, s: _set(s, ln, "network_type", _NET_TYPES[m.group(1)]),
    ),
    rule(
        r"authentication(?: (message-digest|null))?",
        lambda c, ln, m, s: _set(
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
            _set(ospf, line, "default_originate_always", True)
        elif word == "metric" and words:
            _set(ospf, line, "default_originate_metric", int(words.pop(0)))
        elif word == "metric-type" and words:
            _set(ospf, line, "default_originate_metric_type", int(words.pop(0)))
        elif word == "route-map" and words:
            _set(ospf, line, "default_originate_route_map", words.pop(0))


def o_max_metric(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    if m.group(1):
        _set(ospf, line, "max_metric_on_startup", int(m.group(1)))
    else:
        _set(ospf, line, "max_metric", True)


OSPF_RULES: list[Rule] = [
    rule(r"router-id (\S+)", lambda c, ln, m, o: _set(o, ln, "router_id", m.group(1))),
    rule(
        r"auto-cost reference-bandwidth (\d+)",
        lambda c, ln, m, o: _set(o, ln, "reference_bandwidth", int(m.group(1))),
    ),
    rule(
        r"redistribute (.+)",
        lambda c, ln, m, o: parse_redistribution(c, ln, m.group(1).split(), o.redistribute, o),
    ),
    rule(r"default-information originate((?: \S+)*)", o_default),
    rule(r"maximum-paths (\d+)", lambda c, ln, m, o: _set(o, ln, "maximum_paths", int(m.group(1)))),
    rule(r"max-metric router-lsa(?: on-startup timeout (\d+))?", o_max_metric),
    rule(
        r"timers throttle spf (\d+) (\d+) (\d+)",
        lambda c, ln, m, o: _set(
            o, ln, "spf_timers", (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        ),
    ),
    rule(r"bfd", lambda c, ln, m, o: _set(o, ln, "bfd_all", True)),
    rule(r"nsf", lambda c, ln, m, o: _set(o, ln, "graceful_restart", True)),
]


def render_ospf(w: Writer, config: DeviceConfig) -> None:
    if not config.ospf:
        return
    out = w.out
    first = next(iter(config.ospf))
    with w.section("ospfv2"):
        for ospf in config.ospf.values():
            if not ospf.process.isdigit():
                out.unsupported(
                    ospf,
                    *all_fields(ospf),
                    reason="ZXROS OSPF processes are "
                    f"numbered; process {ospf.process!r} needs a number",
                )
                continue
            vrf = f" vrf {ospf.vrf}" if ospf.vrf else ""
            with w.view(f"router ospf {ospf.process}{vrf}", ospf):
                _render_ospf_body(w, config, ospf, ospf.process == first)
            for name in ("distance", "log_adjacency"):
                if getattr(ospf, name) is not None:
                    if name == "log_adjacency":
                        out.ignore(
                            ospf,
                            name,
                            rule="logging preference only: ZXROS records "
                            "OSPF neighbour changes in its alarm log",
                        )
                    else:
                        out.unsupported(ospf, name, reason="OSPF administrative distance")


def _render_ospf_body(w: Writer, config: DeviceConfig, ospf: Ospf, first: bool) -> None:
    out = w.out
    if ospf.router_id:
        w.line(f"router-id {ospf.router_id}", ospf, "router_id")
    if ospf.reference_bandwidth is not None:
        w.line(
            f"auto-cost reference-bandwidth {ospf.reference_bandwidth}", ospf, "reference_bandwidth"
        )
    if ospf.passive_default:
        w.line("passive-interface default", ospf, "passive_default")
    for name in ospf.passive:
        w.line(f"passive-interface {name}", ospf, "passive")
    for name in ospf.active:
        w.line(f"passive-interface {name} disable", ospf, "active")
    for r in ospf.redistribute:
        render_redistribution(w, r, ospf_target=True)
    if ospf.default_originate:
        text = "default-information originate"
        text += " always" if ospf.default_originate_always else ""
        if ospf.default_originate_metric is not None:
            text += f" metric {ospf.default_originate_metric}"
        if ospf.default_originate_metric_type is not None:
            text += f" metric-type {ospf.default_originate_metric_type}"
        if ospf.default_originate_route_map:
            text += f" route-map {ospf.default_originate_route_map}"
        w.line(
            text,
            ospf,
            "default_originate",
            "default_originate_always",
            "default_originate_metric",
            "default_originate_metric_type",
            "default_originate_route_map",
        )
    if ospf.maximum_paths is not None:
        w.line(f"maximum-paths {ospf.maximum_paths}", ospf, "maximum_paths")
    if ospf.max_metric:
        w.line("max-metric router-lsa", ospf, "max_metric")
    if ospf.max_metric_on_startup is not None:
        w.line(
            f"max-metric router-lsa on-startup timeout {ospf.max_metric_on_startup}",
            ospf,
            "max_metric_on_startup",
        )
    if ospf.spf_timers is not None:
        a, b, c = ospf.spf_timers
        w.line(f"timers throttle spf {a} {b} {c}", ospf, "spf_timers")
    if ospf.bfd_all:
        w.line("bfd", ospf, "bfd_all")
    if ospf.graceful_restart:
        w.line("nsf", ospf, "graceful_restart")
    elif ospf.graceful_restart is False:
        out.ignore(ospf, "graceful_restart", rule="ZXROS OSPF graceful restart is off by default")
    mine = [i for i in config.interfaces.values() if i.ospf is not None]
    names = list(ospf.areas)
    for ifc in mine:
        s = ifc.ospf
        assert s is not None
        if s.area is not None and s.area not in names and s.process == ospf.process:
            names.append(s.area)
    for name in names:
        area = ospf.areas.get(name)
        with w.view(f"area {name}", area):
            if area is not None:
                before = len(out.result.emissions)
                _render_area(w, area)
                if len(out.result.emissions) == before:
                    out.ignore(area, "", rule="an area with no settings of its own")
            for ifc in mine:
                s = ifc.ospf
                assert s is not None
                in_area = s.process in ((None, ospf.process) if area else (ospf.process,))
                if s.area == name and in_area:
                    _render_ospf_interface(w, ifc.name, s)
    for ifc in mine:
        s = ifc.ospf
        assert s is not None
        if s.area is None and first:
            _render_ospf_interface(w, ifc.name, s)


def _render_area(w: Writer, area: OspfArea) -> None:
    for net in area.networks:
        w.line(
            f"network {net.network_address} {prefixlen_to_wildcard(net.prefixlen)}",
            area,
            "networks",
        )
    if area.kind != "normal":
        text = area.kind + (" no-summary" if area.no_summary else "")
        text += " default-information-originate" if area.nssa_default else ""
        w.line(text, area, "kind", "no_summary", "nssa_default")
    if area.default_cost is not None:
        w.line(f"default-cost {area.default_cost}", area, "default_cost")
    if area.auth is not None:
        w.line("authentication" + (" message-digest" if area.auth == "md5" else ""), area, "auth")
    for prefix, advertise in area.ranges:
        text = f"range {prefix.network_address} {prefixlen_to_mask(prefix.prefixlen)}"
        w.line(text + ("" if advertise else " not-advertise"), area, "ranges")


def _render_ospf_interface(w: Writer, name: str, s: InterfaceOspf) -> None:
    out = w.out
    if s.passive:
        if s.area is None:
            out.unsupported(s, "passive", reason="passive interface outside an area view")
        else:
            w.line(f"passive-interface {name}", s, "passive")
    with w.view(f"interface {name}", s, "", "process", "area"):
        if s.cost is not None:
            w.line(f"cost {s.cost}", s, "cost")
        if s.network_type is not None:
            w.line(f"network {_NET_WORDS[s.network_type]}", s, "network_type")
        if s.priority is not None:
            w.line(f"priority {s.priority}", s, "priority")
        if s.hello is not None:
            w.line(f"hello-interval {s.hello}", s, "hello")
        if s.dead is not None:
            w.line(f"dead-interval {s.dead}", s, "dead")
        if s.auth is not None:
            word = {"md5": " message-digest", "null": " null", "simple": ""}[s.auth]
            w.line(f"authentication{word}", s, "auth")
        if s.auth_key is not None:
            if s.auth_key_id is not None:
                w.line(
                    f"message-digest-key {s.auth_key_id} md5 {write_secret(s.auth_key)}",
                    s,
                    "auth_key",
                    "auth_key_id",
                )
            else:
                w.line(f"authentication-key {write_secret(s.auth_key)}", s, "auth_key")
        if s.bfd is not None:
            out.unsupported(s, "bfd", reason="OSPF interface BFD is not translated")

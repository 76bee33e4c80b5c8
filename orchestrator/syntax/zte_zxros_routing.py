"""ZXROS routing: `ip vrf` views, static routes, `router ospf` and `router bgp`.

OSPF on ZXROS puts interface settings in the protocol (`router ospf 1` → `area 0.0.0.0` →
`interface X` → `cost 10`), and BGP writes IPv4 unicast settings at the top of `router bgp`
with other families in `address-family` views; `network` takes a mask without `mask`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from ipaddress import ip_network
from typing import Any

from orchestrator.model import (
    Bgp,
    BgpAddressFamily,
    BgpAfPeer,
    BgpAggregate,
    BgpNeighbor,
    BgpNetwork,
    BgpPeer,
    BgpPeerGroup,
    DeviceConfig,
    InterfaceOspf,
    Ospf,
    OspfArea,
    Redistribution,
    StaticRoute,
    Vrf,
)
from orchestrator.syntax.base import Emitter
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
    quote,
    read_secret,
    unquote,
    write_secret,
)


def _set(node: Any, line: Line, name: str, value: object) -> None:
    setattr(node, name, value)
    node.at(line.n, name)


# --- VRFs ----------------------------------------------------------------------------------------


def p_vrf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    vrf = ctx.config.vrfs.setdefault(m.group(1), Vrf(name=m.group(1)))
    vrf.at(line.n)
    vrf.ipv4 = False
    for child in line.children:
        af = re.fullmatch(r"address-family (ipv4|ipv6)", child.text)
        if af:
            ctx.report.parsed(child)
            _set(vrf, child, af.group(1), True)
            for grand in child.children:
                dispatch(ctx, grand, VRF_RULES, vrf)
        else:
            dispatch(ctx, child, VRF_RULES, vrf)


def f_rt(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    field = "import_targets" if m.group(1) == "import" else "export_targets"
    getattr(vrf, field).append(m.group(2))
    vrf.at(line.n, field)


VRF_RULES: list[Rule] = [
    rule(r"rd (\S+)", lambda c, ln, m, v: _set(v, ln, "rd", m.group(1))),
    rule(r"description (.+)", lambda c, ln, m, v: _set(v, ln, "description", unquote(m.group(1)))),
    rule(r"route-target (import|export) (\S+)", f_rt),
    rule(r"mpls label mode per-vrf", ignore="per-VRF labels: an MPLS label allocation detail"),
]


def _render_vrfs(w: Writer, config: DeviceConfig) -> None:
    if not config.vrfs:
        return
    with w.section("vrf"):
        for vrf in config.vrfs.values():
            with w.view(f"ip vrf {vrf.name}", vrf):
                if vrf.description is not None:
                    w.line(f"description {quote(vrf.description)}", vrf, "description")
                if vrf.rd is not None:
                    w.line(f"rd {vrf.rd}", vrf, "rd")
                if vrf.ipv4:
                    with w.view("address-family ipv4", vrf, "ipv4"):
                        for rt in vrf.import_targets:
                            w.line(f"route-target import {rt}", vrf, "import_targets")
                        for rt in vrf.export_targets:
                            w.line(f"route-target export {rt}", vrf, "export_targets")
                elif vrf.import_targets or vrf.export_targets:
                    w.out.unsupported(
                        vrf,
                        "import_targets",
                        "export_targets",
                        reason="route targets of a VRF without IPv4",
                    )
                if vrf.ipv6:
                    with w.view("address-family ipv6", vrf, "ipv6"):
                        pass
                for name in ("import_map", "export_map"):
                    if getattr(vrf, name) is not None:
                        w.out.unsupported(vrf, name, reason="VRF import/export maps")


# --- static routes -------------------------------------------------------------------------------

_ROUTE = re.compile(
    r"ip route (?:vrf (?P<vrf>\S+) )?(?P<net>\S+) (?P<mask>\d+\.\d+\.\d+\.\d+)"
    r"(?: (?P<ifc>[a-z][\w/.:-]*))?(?: (?P<nh>\d+\.\d+\.\d+\.\d+))?(?: (?P<ifc2>[a-z][\w/.:-]*))?"
    r"(?: (?:metric )?(?P<dist>\d+))?(?: tag (?P<tag>\d+))?(?: name (?P<name>\S+))?"
)


def p_route(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    r = _ROUTE.fullmatch(line.text)
    if r is None or not (r.group("ifc") or r.group("nh") or r.group("ifc2")):
        ctx.report.unsupported(line, "static route form not understood")
        return
    ifc = r.group("ifc") or r.group("ifc2")
    route = StaticRoute(
        prefix=network(f"{r.group('net')}/{mask_to_prefixlen(r.group('mask'))}"),
        next_hop=r.group("nh"),
        interface=ifname(ifc) if ifc else None,
        vrf=r.group("vrf"),
        distance=int(r.group("dist")) if r.group("dist") else None,
        tag=int(r.group("tag")) if r.group("tag") else None,
        name=r.group("name"),
    )
    route.at(line.n)
    ctx.config.static_routes.append(route)


def p_route6(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    route = StaticRoute(prefix=ip_network(m.group(2), strict=False), vrf=m.group(1))
    for word in m.group(3).split():
        if ":" in word:
            route.next_hop = word
        elif word.isdigit():
            route.distance = int(word)
        else:
            route.interface = ifname(word)
    route.at(line.n)
    ctx.config.static_routes.append(route)


def _render_static(w: Writer, config: DeviceConfig) -> None:
    if not config.static_routes:
        return
    out = w.out
    with w.section("static"):
        for r in config.static_routes:
            vrf = f"vrf {r.vrf} " if r.vrf else ""
            if r.prefix.version == 4:
                mask = prefixlen_to_mask(r.prefix.prefixlen)
                text = f"ip route {vrf}{r.prefix.network_address} {mask}"
            else:
                text = f"ipv6 route {vrf}{r.prefix}"
            text += f" {r.interface}" if r.interface else ""
            text += f" {r.next_hop}" if r.next_hop else ""
            text += f" {r.distance}" if r.distance is not None else ""
            if r.prefix.version == 4:
                text += f" tag {r.tag}" if r.tag is not None else ""
                text += f" name {r.name}" if r.name else ""
            else:
                for name in ("tag", "name"):
                    if getattr(r, name) is not None:
                        out.unsupported(r, name, reason=f"IPv6 static route {name}")
            w.line(text, r)
            if r.permanent:
                out.unsupported(r, "permanent", reason="permanent static routes")
            if r.track is not None:
                out.unsupported(r, "track", reason="ZXROS tracks by name; tracked routes")
            if r.bfd:
                out.unsupported(r, "bfd", reason="BFD-checked static routes")
            if r.next_hop_vrf is not None:
                out.unsupported(r, "next_hop_vrf", reason="inter-VRF static routes")


# --- OSPF ----------------------------------------------------------------------------------------

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


def _redistribution(
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


def _redistribute_lines(w: Writer, r: Redistribution, *, ospf_target: bool) -> None:
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
    area = ospf.areas.setdefault(name, OspfArea(area=name))
    area.at(line.n)
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
        lambda c, ln, m, o: _redistribution(c, ln, m.group(1).split(), o.redistribute, o),
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


def _render_ospf(w: Writer, config: DeviceConfig) -> None:
    if not config.ospf:
        return
    out = w.out
    first = next(iter(config.ospf))
    with w.section("ospfv2"):
        for ospf in config.ospf.values():
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
        _redistribute_lines(w, r, ospf_target=True)
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
    for area in ospf.areas.values():
        with w.view(f"area {area.area}", area):
            _render_area(w, area)
            for ifc in mine:
                s = ifc.ospf
                assert s is not None
                if s.area == area.area and (s.process in (None, ospf.process)):
                    _render_ospf_interface(w, ifc.name, s)
    for ifc in mine:
        s = ifc.ospf
        assert s is not None
        if s.area is not None and s.area not in ospf.areas and s.process == ospf.process:
            with w.view(f"area {s.area}"):
                _render_ospf_interface(w, ifc.name, s)
        elif s.area is None and first:
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
    with w.view(f"interface {name}", s):
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


# --- BGP ---------------------------------------------------------------------------------------

_PEER_FLAGS = {
    "next-hop-self": "next_hop_self",
    "route-reflector-client": "route_reflector_client",
    "remove-private-as": "remove_private_as",
    "as-override": "as_override",
}


def p_bgp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    bgp = ctx.config.bgp or Bgp(asn=m.group(1))
    ctx.config.bgp = bgp
    bgp.at(line.n)
    for child in line.children:
        af = re.fullmatch(
            r"address-family (ipv4|ipv6|vpnv4|vpnv6|l2vpn evpn)(?: (unicast))?"
            r"(?: vrf (\S+))?",
            child.text,
        )
        if af:
            ctx.report.parsed(child)
            afi = af.group(1).replace("l2vpn evpn", "l2vpn-evpn")
            safi = {"vpnv4": "vpn", "vpnv6": "vpn", "l2vpn-evpn": "evpn"}.get(afi, "unicast")
            family = bgp.family(afi, safi, af.group(3))
            family.at(child.n)
            bgp.at(child.n, "address_families")
            for grand in child.children:
                _bgp_statement(ctx, grand, bgp, lambda f=family: f)  # type: ignore[misc]
        else:
            _bgp_statement(ctx, child, bgp, bgp.family)


def _peer(bgp: Bgp, family: BgpAddressFamily, name: str, line: Line) -> BgpPeer:
    vrf = family.vrf
    if vrf is not None:
        holder = bgp.vrfs.get(vrf)
        if holder is None:
            from orchestrator.model import BgpVrf

            holder = bgp.vrfs[vrf] = BgpVrf(name=vrf)
            holder.at(line.n)
        found = holder.neighbors.get(name)
        if found is None:
            found = holder.neighbors[name] = BgpNeighbor(address=name)
            found.at(line.n)
            holder.at(line.n, "neighbors")
        return found
    if name in bgp.peer_groups:
        return bgp.peer_groups[name]
    found = bgp.neighbors.get(name)
    if found is None:
        found = bgp.neighbors[name] = BgpNeighbor(address=name)
        found.at(line.n)
        bgp.at(line.n, "neighbors")
    return found


def _af_peer(family: BgpAddressFamily, name: str, line: Line) -> BgpAfPeer:
    found = family.peers.get(name)
    if found is None:
        found = family.peers[name] = BgpAfPeer()
        found.at(line.n)
        family.at(line.n, "peers")
    return found


def _bgp_statement(
    ctx: Ctx, line: Line, bgp: Bgp, family_of: Callable[[], BgpAddressFamily]
) -> None:
    """One statement of `router bgp` or of an address family (created only when needed)."""
    words = line.words
    text = line.text
    ctx.report.parsed(line)
    if words[0] == "neighbor" and len(words) >= 3:
        _neighbor(ctx, line, bgp, family_of, words[1], words[2:])
        return
    if words[0] in ("bgp", "timers") or text == "no bgp default ipv4-unicast":
        _bgp_global(ctx, line, bgp)
        return
    family = family_of()
    if words[0] == "no" and words[1:2] == ["neighbor"] and words[3:] == ["activate"]:
        _set(_af_peer(family, words[2], line), line, "activate", False)
    elif words[0] == "network" and len(words) >= 3:
        prefix = network(f"{words[1]}/{mask_to_prefixlen(words[2])}")
        net = BgpNetwork(prefix=prefix, route_map=words[4] if words[3:4] == ["route-map"] else None)
        net.at(line.n)
        family.networks.append(net)
        family.at(line.n, "networks")
    elif words[0] == "aggregate-address" and len(words) >= 3:
        agg = BgpAggregate(
            prefix=network(f"{words[1]}/{mask_to_prefixlen(words[2])}"),
            summary_only="summary-only" in words,
            as_set="as-set" in words,
        )
        agg.at(line.n)
        family.aggregates.append(agg)
        family.at(line.n, "aggregates")
    elif words[0] == "redistribute":
        _redistribution(ctx, line, words[1:], family.redistribute, family)
    elif text == "synchronization disable":
        _set(family, line, "synchronization", False)
    elif words[0] == "maximum-paths" and words[1:2] == ["ibgp"]:
        _set(family, line, "maximum_paths_ibgp", int(words[2]))
    elif words[0] == "maximum-paths":
        _set(family, line, "maximum_paths", int(words[1]))
    else:
        ctx.report.unsupported(line, "BGP statement not translated")


def _bgp_global(ctx: Ctx, line: Line, bgp: Bgp) -> None:
    words, text = line.words, line.text
    if words[:2] == ["bgp", "router-id"]:
        _set(bgp, line, "router_id", words[2])
    elif text == "bgp graceful-restart":
        _set(bgp, line, "graceful_restart", True)
    elif text == "bgp always-compare-med":
        _set(bgp, line, "always_compare_med", True)
    elif text == "bgp deterministic-med":
        _set(bgp, line, "deterministic_med", True)
    elif text == "no bgp default ipv4-unicast":
        _set(bgp, line, "default_ipv4_unicast", False)
    elif words[:2] == ["bgp", "cluster-id"]:
        _set(bgp, line, "cluster_id", words[2])
    elif words[:3] == ["bgp", "confederation", "identifier"]:
        _set(bgp, line, "confederation_id", words[3])
    elif words[:3] == ["bgp", "confederation", "peers"]:
        bgp.confederation_peers.extend(words[3:])
        bgp.at(line.n, "confederation_peers")
    elif words[:2] == ["timers", "bgp"] and len(words) == 4:
        bgp.keepalive, bgp.hold = int(words[2]), int(words[3])
        bgp.at(line.n, "keepalive", "hold")
    else:
        ctx.report.unsupported(line, "BGP statement not translated")


def _neighbor(
    ctx: Ctx,
    line: Line,
    bgp: Bgp,
    family_of: Callable[[], BgpAddressFamily],
    name: str,
    rest: list[str],
) -> None:
    head = rest[0]
    if head == "peer-group" and len(rest) == 1:
        group = bgp.peer_groups.setdefault(name, BgpPeerGroup(name=name))
        group.at(line.n)
        bgp.at(line.n, "peer_groups")
        return
    session = {
        "remote-as",
        "description",
        "update-source",
        "ebgp-multihop",
        "password",
        "timers",
        "shutdown",
        "local-as",
        "peer-group",
        "fall-over",
    }
    family = family_of()
    if head in session:
        peer = _peer(bgp, family, name, line)
        value = " ".join(rest[1:])
        if head == "remote-as":
            _set(peer, line, "remote_as", value)
        elif head == "description":
            _set(peer, line, "description", unquote(value))
        elif head == "update-source":
            _set(peer, line, "update_source", ifname(value))
        elif head == "ebgp-multihop":
            _set(peer, line, "ebgp_multihop", int(rest[1]) if len(rest) > 1 else 255)
        elif head == "password":
            encrypted = rest[1] == "encrypted" and len(rest) > 2
            _set(peer, line, "password", read_secret(ctx, line, rest[-1], encrypted=encrypted))
        elif head == "timers" and len(rest) == 3:
            peer.keepalive, peer.hold = int(rest[1]), int(rest[2])
            peer.at(line.n, "keepalive", "hold")
        elif head == "shutdown":
            _set(peer, line, "shutdown", True)
        elif head == "local-as":
            _set(peer, line, "local_as", rest[1])
        elif head == "peer-group":
            _set(peer, line, "peer_group", rest[1])
        elif rest == ["fall-over", "bfd"]:
            _set(peer, line, "fall_over_bfd", True)
        else:
            ctx.report.unsupported(line, "neighbor option not translated")
        return
    afp = _af_peer(family, name, line)
    if head == "activate":
        _set(afp, line, "activate", True)
    elif head in _PEER_FLAGS:
        _set(afp, line, _PEER_FLAGS[head], True)
    elif head in ("route-map", "prefix-list", "filter-list") and len(rest) == 3:
        field = head.replace("-", "_") + ("_in" if rest[2] == "in" else "_out")
        _set(afp, line, field, rest[1])
    elif head == "send-community":
        _set(afp, line, "send_community", rest[1] if len(rest) > 1 else "standard")
    elif rest == ["soft-reconfiguration", "inbound"]:
        _set(afp, line, "soft_reconfiguration", True)
    elif head == "default-originate":
        _set(afp, line, "default_originate", True)
        if len(rest) == 3 and rest[1] == "route-map":
            _set(afp, line, "default_originate_route_map", rest[2])
    elif head == "maximum-prefix":
        _set(afp, line, "maximum_prefix", int(rest[1]))
        if "warning-only" in rest:
            _set(afp, line, "maximum_prefix_warning_only", True)
    elif head == "allowas-in":
        _set(afp, line, "allowas_in", int(rest[1]) if len(rest) > 1 else 0)
    elif head == "weight":
        _set(afp, line, "weight", int(rest[1]))
    else:
        ctx.report.unsupported(line, f"neighbor option {head!r} not translated")


def _render_bgp(w: Writer, config: DeviceConfig) -> None:
    bgp = config.bgp
    if bgp is None:
        return
    out = w.out
    with w.section("bgp"), w.view(f"router bgp {bgp.asn}", bgp):
        if bgp.router_id:
            w.line(f"bgp router-id {bgp.router_id}", bgp, "router_id")
        for flag, word in (
            ("graceful_restart", "bgp graceful-restart"),
            ("always_compare_med", "bgp always-compare-med"),
            ("deterministic_med", "bgp deterministic-med"),
        ):
            if getattr(bgp, flag):
                w.line(word, bgp, flag)
        if bgp.graceful_restart is False:
            out.ignore(bgp, "graceful_restart", rule="BGP graceful restart is off by default")
        if not bgp.default_ipv4_unicast:
            w.line("no bgp default ipv4-unicast", bgp, "default_ipv4_unicast")
        if bgp.cluster_id:
            w.line(f"bgp cluster-id {bgp.cluster_id}", bgp, "cluster_id")
        if bgp.confederation_id:
            w.line(f"bgp confederation identifier {bgp.confederation_id}", bgp, "confederation_id")
        if bgp.confederation_peers:
            w.line(
                "bgp confederation peers " + " ".join(bgp.confederation_peers),
                bgp,
                "confederation_peers",
            )
        if bgp.keepalive is not None and bgp.hold is not None:
            w.line(f"timers bgp {bgp.keepalive} {bgp.hold}", bgp, "keepalive", "hold")
        if bgp.log_neighbor_changes is not None:
            out.ignore(
                bgp,
                "log_neighbor_changes",
                rule="logging preference only: ZXROS records BGP session changes in its alarm log",
            )
        if bgp.fast_external_fallover is not None:
            out.unsupported(bgp, "fast_external_fallover", reason="fast external fallover")
        if bgp.bestpath_as_path_multipath_relax:
            out.unsupported(bgp, "bestpath_as_path_multipath_relax", reason="multipath relax")
        for group in bgp.peer_groups.values():
            w.line(f"neighbor {group.name} peer-group", group)
            _render_session(w, group.name, group)
        for neighbor in bgp.neighbors.values():
            _render_session(w, neighbor.address, neighbor)
        main = next(
            (
                f
                for f in bgp.address_families
                if f.afi == "ipv4" and f.safi == "unicast" and f.vrf is None
            ),
            None,
        )
        if main is not None:
            _render_family_body(w, main)
        vrf_names = list(bgp.vrfs) + [
            f.vrf for f in bgp.address_families if f.vrf and f.vrf not in bgp.vrfs
        ]
        for family in bgp.address_families:
            if family is main or family.vrf is not None:
                continue
            words = {"vpn": family.afi, "evpn": "l2vpn evpn"}.get(family.safi, family.afi)
            if family.safi == "multicast":
                out.unsupported(family, *all_fields(family), reason="multicast BGP")
                continue
            with w.view(f"address-family {words}", family):
                _render_family_body(w, family)
        for vrf in vrf_names:
            holder = bgp.vrfs.get(vrf)
            family = next((f for f in bgp.address_families if f.vrf == vrf), None)
            with w.view(f"address-family ipv4 vrf {vrf}", holder or family):
                if holder is not None:
                    if holder.router_id:
                        out.unsupported(holder, "router_id", reason="per-VRF BGP router ID")
                    for neighbor in holder.neighbors.values():
                        _render_session(w, neighbor.address, neighbor)
                if family is not None:
                    _render_family_body(w, family)


def _render_session(w: Writer, name: str, p: BgpPeer) -> None:
    out = w.out
    pre = f"neighbor {name}"
    if p.remote_as is not None:
        if p.remote_as in ("internal", "external"):
            out.unsupported(p, "remote_as", reason=f"remote-as {p.remote_as}")
        else:
            w.line(f"{pre} remote-as {p.remote_as}", p, "remote_as")
    if isinstance(p, BgpNeighbor) and p.peer_group:
        w.line(f"{pre} peer-group {p.peer_group}", p, "peer_group")
    if p.description is not None:
        w.line(f"{pre} description {quote(p.description)}", p, "description")
    if p.update_source is not None:
        w.line(f"{pre} update-source {p.update_source}", p, "update_source")
    if p.ebgp_multihop is not None:
        w.line(f"{pre} ebgp-multihop {p.ebgp_multihop}", p, "ebgp_multihop")
    if p.password is not None:
        w.line(f"{pre} password {write_secret(p.password)}", p, "password")
    if p.keepalive is not None and p.hold is not None:
        w.line(f"{pre} timers {p.keepalive} {p.hold}", p, "keepalive", "hold")
    if p.shutdown:
        w.line(f"{pre} shutdown", p, "shutdown")
    if p.local_as is not None:
        w.line(f"{pre} local-as {p.local_as}", p, "local_as")
    if p.fall_over_bfd:
        w.line(f"{pre} fall-over bfd", p, "fall_over_bfd")
    if p.bfd:
        out.unsupported(p, "bfd", reason="BGP BFD: ZXROS spelling not confirmed")
    if p.ttl_security is not None:
        out.unsupported(p, "ttl_security", reason="BGP TTL security is not translated")


def _render_family_body(w: Writer, f: BgpAddressFamily) -> None:
    out = w.out
    for net in f.networks:
        rm = f" route-map {net.route_map}" if net.route_map else ""
        if net.prefix.version == 4:
            w.line(
                f"network {net.prefix.network_address} "
                f"{prefixlen_to_mask(net.prefix.prefixlen)}{rm}",
                net,
            )
        else:
            out.unsupported(net, *all_fields(net), reason="IPv6 BGP networks are not translated")
        if net.backdoor:
            out.unsupported(net, "backdoor", reason="backdoor networks")
    for agg in f.aggregates:
        if agg.prefix.version != 4:
            out.unsupported(agg, *all_fields(agg), reason="IPv6 aggregates are not translated")
            continue
        mask = prefixlen_to_mask(agg.prefix.prefixlen)
        text = f"aggregate-address {agg.prefix.network_address} {mask}"
        text += " as-set" if agg.as_set else ""
        text += " summary-only" if agg.summary_only else ""
        w.line(text, agg)
    for r in f.redistribute:
        _redistribute_lines(w, r, ospf_target=False)
    if f.synchronization is False:
        w.line("synchronization disable", f, "synchronization")
    elif f.synchronization:
        out.unsupported(f, "synchronization", reason="BGP synchronization")
    if f.auto_summary is not None:
        if f.auto_summary:
            out.unsupported(f, "auto_summary", reason="classful auto-summary")
        else:
            out.ignore(f, "auto_summary", rule="ZXROS BGP never summarises to classful networks")
    if f.maximum_paths is not None:
        w.line(f"maximum-paths {f.maximum_paths}", f, "maximum_paths")
    if f.maximum_paths_ibgp is not None:
        w.line(f"maximum-paths ibgp {f.maximum_paths_ibgp}", f, "maximum_paths_ibgp")
    for name in ("default_information_originate", "distance"):
        if getattr(f, name):
            out.unsupported(f, name, reason=f"BGP {name.replace('_', ' ')} is not translated")
    for name, peer in f.peers.items():
        _render_af_peer(w, name, peer)


def _render_af_peer(w: Writer, name: str, p: BgpAfPeer) -> None:
    pre = f"neighbor {name}"
    w.line(f"{pre} activate" if p.activate else f"no {pre} activate", p, "activate")
    for field, word in (
        ("route_map", "route-map"),
        ("prefix_list", "prefix-list"),
        ("filter_list", "filter-list"),
    ):
        for direction in ("in", "out"):
            value = getattr(p, f"{field}_{direction}")
            if value is not None:
                w.line(f"{pre} {word} {value} {direction}", p, f"{field}_{direction}")
    for word, field in _PEER_FLAGS.items():
        if getattr(p, field):
            w.line(f"{pre} {word}", p, field)
    if p.send_community is not None:
        extra = "" if p.send_community == "standard" else f" {p.send_community}"
        w.line(f"{pre} send-community{extra}", p, "send_community")
    if p.soft_reconfiguration:
        w.line(f"{pre} soft-reconfiguration inbound", p, "soft_reconfiguration")
    if p.default_originate:
        rm = f" route-map {p.default_originate_route_map}" if p.default_originate_route_map else ""
        w.line(
            f"{pre} default-originate{rm}", p, "default_originate", "default_originate_route_map"
        )
    if p.maximum_prefix is not None:
        warn = " warning-only" if p.maximum_prefix_warning_only else ""
        w.line(
            f"{pre} maximum-prefix {p.maximum_prefix}{warn}",
            p,
            "maximum_prefix",
            "maximum_prefix_warning_only",
        )
    if p.allowas_in is not None:
        count = f" {p.allowas_in}" if p.allowas_in else ""
        w.line(f"{pre} allowas-in{count}", p, "allowas_in")
    if p.weight is not None:
        w.line(f"{pre} weight {p.weight}", p, "weight")
    if p.unsuppress_map is not None:
        w.out.unsupported(p, "unsuppress_map", reason="unsuppress maps are not translated")


# --- entry points ------------------------------------------------------------------------------

ROUTING_TOP: list[Rule] = [
    rule(r"ip vrf (\S+)", p_vrf),
    rule(r"ip route .+", p_route),
    rule(r"ipv6 route (?:vrf (\S+) )?(\S+) (.+)", p_route6),
    rule(r"router ospf (\d+)(?: vrf (\S+))?", p_ospf),
    rule(r"router bgp (\S+)", p_bgp),
]


def render_routing(out: Emitter, config: DeviceConfig, *, part: str) -> None:
    w = Writer(out)
    if part == "vrf":
        _render_vrfs(w, config)
        return
    _render_static(w, config)
    _render_ospf(w, config)
    _render_bgp(w, config)

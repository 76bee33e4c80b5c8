"""VRP VLANs, VPN instances, static routes and OSPF.

A VPN instance holds its route distinguisher and targets either directly (VRP5) or in an
`ipv4-family` view (VRP8, and VRP5 since V200R003); both read the same. On VRP8 the IPv4 family
exists only when `ipv4-family` is configured, so `Vrf.ipv4` follows that view there.
"""

from __future__ import annotations

import re
from ipaddress import ip_address, ip_network
from typing import Any

from orchestrator import ports
from orchestrator.model import Ospf, OspfArea, Redistribution, StaticRoute, Vlan, Vrf
from orchestrator.syntax.huawei_common import ifname, mask_or_length, read_secret, vrp_vlans
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    area_dotted,
    dispatch,
    network,
    rule,
    wildcard_to_prefixlen,
)
from orchestrator.syntax.text import Line

# --- VLANs --------------------------------------------------------------------------------------


def _vlan(ctx: Ctx, vid: int) -> Vlan:
    vlan = ctx.config.vlans.get(vid)
    if vlan is None:
        vlan = ctx.config.vlans[vid] = Vlan(id=vid)
    return vlan


def p_vlan_batch(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for vid in vrp_vlans(m.group(1).split()):
        _vlan(ctx, vid).at(line.n)


def p_vlan(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    vlan = _vlan(ctx, int(m.group(1)))
    vlan.at(line.n)
    for child in line.children:
        dispatch(ctx, child, VLAN_RULES, vlan)


def v_field(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], vlan: Vlan) -> None:
        setattr(vlan, field, m.group(1))
        vlan.at(line.n, field)

    return handler


def v_shutdown(ctx: Ctx, line: Line, m: re.Match[str], vlan: Vlan) -> None:
    vlan.shutdown = m.group(1) is None
    vlan.at(line.n, "shutdown")


VLAN_RULES: list[Rule] = [
    rule(r"name (.+)", v_field("name")),
    rule(r"description (.+)", v_field("description")),
    rule(r"(undo )?shutdown(?: vlan)?", v_shutdown),
]

# --- VPN instances ------------------------------------------------------------------------------


def p_vpn_instance(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    vrf = ctx.config.vrfs.get(name) or Vrf(name=name)
    ctx.config.vrfs[name] = vrf
    vrf.at(line.n)
    ctx.state.setdefault("vrf_families", {})[name] = set()
    for child in line.children:
        words = child.words
        if words[0] in ("ipv4-family", "ipv6-family") and len(words) == 1:
            ctx.state["vrf_families"][name].add(words[0])
            vrf.at(child.n, "ipv4" if words[0] == "ipv4-family" else "ipv6")
            ctx.report.parsed(child)
            for grandchild in child.children:
                if words[0] == "ipv6-family":
                    ctx.report.unsupported(grandchild, "IPv6 VPN settings are not translated")
                    continue
                dispatch(ctx, grandchild, VRF_RULES, vrf)
            continue
        if words[0] in ("route-distinguisher", "vpn-target"):
            ctx.state["vrf_families"][name].add("flat")
        dispatch(ctx, child, VRF_RULES, vrf)


def f_rd(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    vrf.rd = m.group(1)
    vrf.at(line.n, "rd")


def f_target(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    if m.group(3):
        ctx.report.unsupported(line, "EVPN route targets are not translated")
        return
    direction = m.group(2) or "both"
    for value in m.group(1).split():
        if direction in ("import-extcommunity", "both"):
            vrf.import_targets.append(value)
            vrf.at(line.n, "import_targets")
        if direction in ("export-extcommunity", "both"):
            vrf.export_targets.append(value)
            vrf.at(line.n, "export_targets")


def f_map(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    field = "import_map" if m.group(1) == "import" else "export_map"
    setattr(vrf, field, m.group(2))
    vrf.at(line.n, field)


def f_description(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    vrf.description = m.group(1)
    vrf.at(line.n, "description")


VRF_RULES: list[Rule] = [
    rule(r"route-distinguisher (\S+)", f_rd),
    rule(
        r"vpn-target ((?:\S+:\S+ ?)+?) ?(export-extcommunity|import-extcommunity|both)?"
        r"( evpn)?",
        f_target,
    ),
    rule(r"(import|export) route-policy (\S+)", f_map),
    rule(r"description (.+)", f_description),
    rule(
        r"(?:apply-label|tnl-policy|vxlan vni|export route-policy \S+ evpn) .*",
        unsupported="MPLS label, tunnel and VXLAN settings of a VPN are not translated",
    ),
]


def finish_vrfs(ctx: Ctx, vpn_families: bool) -> None:
    """On VRP8 a VPN instance has IPv4 only with `ipv4-family`; on VRP5 with any IPv4 setting."""
    for name, families in ctx.state.get("vrf_families", {}).items():
        vrf = ctx.config.vrfs[name]
        vrf.ipv6 = "ipv6-family" in families
        if vpn_families:
            vrf.ipv4 = "ipv4-family" in families
        else:
            vrf.ipv4 = bool(families - {"ipv6-family"}) or not families


# --- static routes ------------------------------------------------------------------------------

_ADDRESS = re.compile(r"\d+\.\d+\.\d+\.\d+$|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*$")


def p_route(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ip route-static [vpn-instance V] P M [vpn-instance W|public] [IF] [NH] [options]`."""
    ipv6 = m.group(1) == "ipv6"
    words = m.group(2).split()
    route_vrf = None
    if words[0] == "vpn-instance":
        route_vrf = words[1]
        words = words[2:]
    prefix_text, length = words[0], words[1]
    words = words[2:]
    if ipv6:
        prefix = ip_network(f"{prefix_text}/{length}", strict=False)
    else:
        prefix = network(f"{prefix_text}/{mask_or_length(length)}")
    route = StaticRoute(prefix=prefix, vrf=route_vrf)
    if words[:1] == ["vpn-instance"]:
        route.next_hop_vrf = words[1]
        words = words[2:]
    elif words[:1] == ["public"]:
        route.next_hop_vrf = "global"
        words = words[1:]
    if words and not _ADDRESS.match(words[0]) and words[0] not in _ROUTE_OPTIONS:
        name = words.pop(0)
        if (words and words[0].isdigit()) or (words and re.fullmatch(r"\d+(?:/\d+)+", words[0])):
            name += words.pop(0)
        if ports.parse_name(ctx.platform, name) is None:
            ctx.report.unsupported(
                line, f"next hop {name!r} is neither an address nor an interface"
            )
            return
        route.interface = ifname(ctx, name)
    if words and _ADDRESS.match(words[0]):
        route.next_hop = str(ip_address(words.pop(0)))
    while words:
        word = words.pop(0)
        if word == "preference" and words:
            route.distance = int(words.pop(0))
        elif word == "tag" and words:
            route.tag = int(words.pop(0))
        elif word == "description" and words:
            route.name = " ".join(words)
            words = []
        elif word == "permanent":
            route.permanent = True
        elif word == "bfd" and words[:1] == ["enable"]:
            words.pop(0)
            route.bfd = True
        else:
            ctx.report.unsupported(line, f"static route option {word!r} not translated")
            return
    if route.interface is None and route.next_hop is None and route.next_hop_vrf is None:
        ctx.report.unsupported(line, "static route without a next hop")
        return
    route.at(line.n)
    ctx.config.static_routes.append(route)


_ROUTE_OPTIONS = frozenset(
    {"preference", "tag", "description", "permanent", "bfd", "track", "detect-group"}
)

# --- OSPF ---------------------------------------------------------------------------------------


def p_ospf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = line.words[1:]
    process_id = words.pop(0) if words and words[0].isdigit() else "1"
    process = ctx.config.ospf.get(process_id) or Ospf(process=process_id)
    ctx.config.ospf[process_id] = process
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
        dispatch(ctx, child, OSPF_RULES, process)


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
    p.default_originate = True
    p.default_originate_always = "always" in words
    if "cost" in words:
        p.default_originate_metric = int(words[words.index("cost") + 1])
    if "type" in words:
        p.default_originate_metric_type = int(words[words.index("type") + 1])
    if "route-policy" in words:
        p.default_originate_route_map = words[words.index("route-policy") + 1]
    p.at(
        line.n,
        "default_originate",
        "default_originate_always",
        "default_originate_metric",
        "default_originate_metric_type",
        "default_originate_route_map",
    )


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

ROUTING_TOP: list[Rule] = [
    rule(r"vlan batch ([\d to]+)", p_vlan_batch),
    rule(r"vlan (\d+)", p_vlan),
    rule(r"ip vpn-instance (\S+)", p_vpn_instance),
    rule(r"(ip|ipv6) route-static (.+)", p_route),
    rule(r"ospf(?: .*)?", p_ospf),
]

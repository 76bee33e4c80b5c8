"""Junos `routing-options` and `routing-instances` → static routes, VRFs, router ID.

Routing instances of type ``vrf`` and ``virtual-router`` (and ``mgmt_junos``, which has no type)
become VRFs; their ``routing-options`` and ``protocols`` go through the same tables as the global
ones with the VRF as scope. A static route is one Junos statement per option (next hop,
preference, tag), so routes are assembled once the file is read (`finish_routes`); the global
router ID goes to every routing protocol that has none of its own (`finish_routing`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from ipaddress import ip_network
from typing import Any

from orchestrator.model import StaticRoute, Vrf
from orchestrator.syntax.juniper_junos_bgp import BGP_TOP, JUNOS_ECMP, h_bgp
from orchestrator.syntax.juniper_junos_export import (
    LOAD_BALANCE_RULE,
    load_balance_only,
    policy_lines,
    route_targets,
)
from orchestrator.syntax.juniper_junos_index import (
    claim,
    claim_line,
    interface,
    junos,
    sub,
)
from orchestrator.syntax.juniper_junos_ospf import h_ospf, h_ospf_in
from orchestrator.syntax.juniper_junos_overlay import h_instance_evpn
from orchestrator.syntax.juniper_junos_relay import relay_statement
from orchestrator.syntax.juniper_junos_text import Stmt, unquote, values
from orchestrator.syntax.rules import Ctx, Rule, add_route_targets, rule
from orchestrator.syntax.text import Line

VRF_TYPES = frozenset({"vrf", "virtual-router"})


@dataclass
class RScope:
    """Where a `routing-options` or `protocols` statement lives: global or in a VRF."""

    stmt: Stmt
    vrf: str | None
    base: int  # words up to and including `routing-options` / the protocol name


@dataclass
class RouteSpec:
    next_hops: list[tuple[str, int]] = field(default_factory=list)
    qualified: list[tuple[str, int | None, int]] = field(default_factory=list)
    discard: int | None = None
    distance: tuple[int, int] | None = None
    tag: tuple[int, int] | None = None
    bfd: int | None = None
    headers: list[int] = field(default_factory=list)
    resolve: int | None = None


# --- routing-options ------------------------------------------------------------------------


def ro_static(ctx: Ctx, line: Line, m: re.Match[str], s: RScope) -> None:
    rib, net, rest = m.group(1), m.group(2), m.group(3) or ""
    if rib is not None and not re.fullmatch(r"(?:\S+\.)?inet6?\.0", rib):
        ctx.report.unsupported(line, f"static routes in RIB {rib} are not translated")
        return
    ip_network(net, strict=False)  # a damaged prefix is this line's problem only
    routes: dict[tuple[str | None, str], RouteSpec] = junos(ctx).bucket("routes")
    spec = routes.setdefault((s.vrf, net), RouteSpec())
    depth = s.base + (5 if rib else 3)
    header = s.stmt.opener(depth)
    if header is not None and header.n not in spec.headers:
        spec.headers.append(header.n)
    words = values(rest)
    key = words[0] if words else ""
    if key == "next-hop" and len(words) >= 2:
        spec.next_hops.extend((nh, line.n) for nh in words[1:])
    elif (
        key == "qualified-next-hop" and len(words) in (2, 4) and words[2:3] in ([], ["preference"])
    ):
        spec.qualified.append((words[1], int(words[3]) if len(words) == 4 else None, line.n))
    elif key == "discard":
        spec.discard = line.n
    elif key == "preference" and len(words) == 2:
        spec.distance = (int(words[1]), line.n)
    elif key == "tag" and len(words) == 2:
        spec.tag = (int(words[1]), line.n)
    elif key == "bfd-liveness-detection":
        spec.bfd = line.n
    elif key == "no-readvertise":
        junos(ctx).bucket("no_readvertise")[line.n] = s.vrf
    elif key == "resolve":
        ctx.report.ignored(line, "the targets resolve static next hops recursively by default")
    elif key in ("retain", "no-retain"):
        ctx.report.ignored(line, "kept in the FIB across Junos routing-daemon restarts")
    elif key == "reject":
        ctx.report.unsupported(
            line,
            "reject routes (drop with ICMP unreachable) are not "
            "translated; a discard route would not send the unreachable",
        )
    else:
        ctx.report.unsupported(line, f"static route option `{rest}` is not translated")


def finish_routes(ctx: Ctx) -> None:
    routes: dict[tuple[str | None, str], RouteSpec] = junos(ctx).bucket("routes")
    idx = junos(ctx).index
    for (vrf, net), spec in routes.items():
        hops: list[tuple[str | None, str | None, int | None, int]] = []  # nh, ifc, pref, line
        if spec.discard is not None:
            hops.append((None, "dsc", None, spec.discard))
        for nh, n in spec.next_hops:
            if re.fullmatch(r"[\d.]+|[0-9a-fA-F:]+", nh):
                hops.append((nh, None, None, n))
            else:
                hops.append((None, idx.ifname(nh), None, n))
        hops.extend((q, None, pref, n) for q, pref, n in spec.qualified)
        for hop, ifname, pref, n in hops:
            route = StaticRoute(
                prefix=ip_network(net, strict=False), next_hop=hop, interface=ifname, vrf=vrf
            )
            route.at(n)
            for h in spec.headers:
                claim_line(ctx, h, route)
            if pref is not None:
                route.distance = pref
                route.at(n, "distance")
            elif spec.distance is not None:
                route.distance = spec.distance[0]
                route.at(spec.distance[1], "distance")
            if spec.tag is not None:
                route.tag = spec.tag[0]
                route.at(spec.tag[1], "tag")
            if spec.bfd is not None:
                route.bfd = True
                route.at(spec.bfd, "bfd")
            ctx.config.static_routes.append(route)
        if not hops:
            for x in (spec.distance, spec.tag):
                if x is not None:
                    ctx.report.unsupported(x[1], f"route {net} has no next hop in this file")


def ro_later(kind: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], s: RScope) -> None:
        junos(ctx).bucket(kind)[s.vrf] = (m.group(1) if m.groups() else "", line.n)

    return handler


def ro_fib_export(ctx: Ctx, line: Line, m: re.Match[str], s: RScope) -> None:
    idx = junos(ctx).index
    for name in values(m.group(1)):
        if not load_balance_only(idx.policies.get(name, [])):
            ctx.report.unsupported(line, f"forwarding-table policy {name} is not translated")
            return
    ctx.report.ignored(line, LOAD_BALANCE_RULE)


ROUTING_OPTIONS: list[Rule] = [
    rule(r"(?:rib (\S+) )?static route (\S+)(?: (.+))?", ro_static),
    rule(r"router-id (\S+)", ro_later("router_id")),
    rule(r"autonomous-system (\S+)(?: .*)?", ro_later("asn")),
    rule(r"graceful-restart", ro_later("graceful_restart")),
    rule(r"forwarding-table export (.+)", ro_fib_export),
    rule(
        r"forwarding-table ecmp-fast-reroute",
        ignore="ECMP fast reroute is a Junos "
        "forwarding optimisation; the targets repair ECMP groups on link loss themselves",
    ),
    rule(r"nonstop-routing", ignore="routing-engine redundancy of the Junos chassis"),
    rule(r"static defaults .+", unsupported="static route defaults are not translated"),
    rule(r"(?:aggregate|generate) .+", unsupported="aggregate/generated routes are not translated"),
    rule(
        r"auto-export",
        ignore="the targets import routes between local VRFs whose route targets match by default",
    ),
    rule(
        r"(?:rib-groups|interface-routes|instance-import|instance-export|auto-export)(?: .*)?",
        unsupported="route leaking between routing tables is not translated",
    ),
    rule(r"multipath", ro_later("vrf_multipath")),
    rule(r"(?:options|traceoptions)(?: .*)?", ignore="Junos routing-daemon logging"),
]


def h_routing_options(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    sub(ctx, stmt, m.group(1), ROUTING_OPTIONS, RScope(stmt, None, 1), "routing-options")


# --- routing instances -------------------------------------------------------------------


def h_instance(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2)
    kind = junos(ctx).index.instance_types.get(name, "mgmt" if name == "mgmt_junos" else "")
    if kind not in VRF_TYPES and kind != "mgmt":
        ctx.report.unsupported(
            line, f"routing instance {name} of type {kind or 'default'} is not translated"
        )
        return
    vrf = ctx.config.vrfs.get(name)
    if vrf is None:
        vrf = ctx.config.vrfs[name] = Vrf(name=name)
    claim(ctx, stmt, 2, vrf)
    words = rest.split(None, 1)
    key, arg = words[0], (words[1] if len(words) > 1 else "")
    if key == "instance-type":
        vrf.at(line.n)
    elif key == "interface":
        ifc = interface(ctx, junos(ctx).index.ifname(arg))
        ifc.vrf = name
        ifc.at(line.n, "vrf")
    elif key == "route-distinguisher":
        vrf.rd = arg
        vrf.at(line.n, "rd")
    elif key == "description":
        vrf.description = unquote(arg)
        vrf.at(line.n, "description")
    elif key == "vrf-target":
        _vrf_target(ctx, line, vrf, arg)
        junos(ctx).bucket("vrf_targets").setdefault(name, []).append(line.n)
    elif key in ("vrf-import", "vrf-export"):
        names = values(arg)
        if len(names) != 1:
            ctx.report.unsupported(line, f"{key} with a chain of policies is not translated")
            return
        junos(ctx).bucket("vrf_policies").setdefault(name, {})[key] = (names[0], line.n)
    elif key == "vrf-table-label":
        ctx.report.ignored(
            line,
            "MPLS label allocation (one label per VRF or per route) "
            "changes no forwarding result; the targets allocate their own way",
        )
    elif key == "routing-options":
        sub(ctx, stmt, arg, ROUTING_OPTIONS, RScope(stmt, name, 3), f"routing instance {name}")
    elif key == "protocols" and arg.startswith("bgp"):
        h_bgp(ctx, line, arg, stmt, name)
    elif key == "protocols" and re.fullmatch(r"ospf3?(?: .*)?", arg):
        v3 = arg.startswith("ospf3")
        h_ospf_in(ctx, line, arg[6 if v3 else 5 :], stmt, name, 4, v3)
    elif key == "forwarding-options" and re.match(r"(?:dhcp-relay|helpers bootp) ", arg):
        relay_statement(ctx, line, arg, name)
    elif key == "protocols" and arg.startswith("evpn "):
        h_instance_evpn(ctx, line, arg[5:], name)
    elif key == "protocols":
        ctx.report.unsupported(
            line, f"protocol {arg.split()[0]} in a routing instance is not translated"
        )
    else:
        ctx.report.unsupported(line, f"routing instance option `{key}` is not translated")


def _vrf_target(ctx: Ctx, line: Line, vrf: Vrf, arg: str) -> None:
    words = arg.split()
    direction = words[0] if words[0] in ("import", "export") else "both"
    target = words[-1]
    if not target.startswith("target:") or (len(words) > 1 and direction == "both"):
        ctx.report.unsupported(line, f"vrf-target {arg} is not translated")
        return
    add_route_targets(vrf, line, direction, target[len("target:") :])


def finish_vrfs(ctx: Ctx) -> None:
    """vrf-import/vrf-export: the VRF's route targets where the policy is only that (it then
    replaces what `vrf-target` gives in that direction, as on Junos), else route maps."""
    state = junos(ctx)
    for name, policies in state.bucket("vrf_policies").items():
        vrf = ctx.config.vrfs[name]
        for key, (policy, n) in policies.items():
            targets_field = "import_targets" if key == "vrf-import" else "export_targets"
            targets = route_targets(ctx, policy, key)
            if targets is None:
                map_field = "import_map" if key == "vrf-import" else "export_map"
                setattr(vrf, map_field, policy)
                vrf.at(n, map_field)
                continue
            vrf.src.forget(targets_field)
            setattr(vrf, targets_field, targets)
            vrf.at(n, targets_field)
            policy_lines(ctx, policy, vrf, targets_field)
        used = set(vrf.src.get("import_targets")) | set(vrf.src.get("export_targets"))
        for n in state.bucket("vrf_targets").get(name, []):
            if n not in used:
                ctx.report.ignored(
                    n,
                    "vrf-import and vrf-export policies replace the route "
                    "targets vrf-target would give",
                )


def finish_routing(ctx: Ctx) -> None:
    """OSPF `interface all` and exports, router ID and graceful restart (after BGP)."""
    state = junos(ctx)
    for vrf, (value, n) in state.bucket("router_id").items():
        used = False
        for process in ctx.config.ospf.values():
            if process.vrf == vrf and process.router_id is None:
                process.router_id = value
                process.at(n, "router_id")
                used = True
        bgp = ctx.config.bgp
        if bgp is not None and vrf is None:
            bgp.router_id = value
            bgp.at(n, "router_id")
            used = True
        elif bgp is not None and vrf in bgp.vrfs:
            bgp.vrfs[vrf].router_id = value
            bgp.vrfs[vrf].at(n, "router_id")
            used = True
        if not used:
            ctx.report.ignored(n, "a router ID that no routing protocol of this file uses")
    for vrf, (_, n) in state.bucket("vrf_multipath").items():
        bgp = ctx.config.bgp
        afs = (
            []
            if bgp is None
            else [af for af in bgp.address_families if af.vrf == vrf and af.afi == "ipv4"]
        )
        if not afs:
            ctx.report.unsupported(
                n,
                "VRF multipath applies to VPN/EVPN routes, which this "
                "VRF receives from no translated BGP session",
            )
        for af in afs:
            af.maximum_paths_eibgp = JUNOS_ECMP
            af.at(n, "maximum_paths_eibgp")
    for n, vrf in state.bucket("no_readvertise").items():
        into = [
            f"OSPF {p.process}"
            for p in ctx.config.ospf.values()
            if p.vrf == vrf and any(r.protocol == "static" for r in p.redistribute)
        ]
        bgp = ctx.config.bgp
        if bgp is not None and any(
            af.vrf == vrf and any(r.protocol == "static" for r in af.redistribute)
            for af in bgp.address_families
        ):
            into.append("BGP")
        if into:
            ctx.report.unsupported(
                n,
                f"static routes are redistributed into {', '.join(into)}: "
                "keeping this one out needs a route map on the target",
            )
        else:
            ctx.report.ignored(n, "no routing protocol of this file redistributes static routes")
    for vrf, (_, n) in state.bucket("graceful_restart").items():
        if ctx.config.bgp is not None and vrf is None:
            ctx.config.bgp.graceful_restart = True
            ctx.config.bgp.at(n, "graceful_restart")
        else:
            ctx.report.unsupported(n, "graceful restart for every protocol is not translated")


# --- protocols that are not translated ------------------------------------------------------


def p_protocol(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    ctx.report.unsupported(line, f"protocol {m.group(1)} is not translated")


PROTOCOLS_TOP: list[Rule] = [
    *BGP_TOP,
    rule(r"protocols (ospf3?)(?: (.+))?", h_ospf),
    rule(r"protocols (\S+)(?: .*)?", p_protocol),
    rule(r"routing-options (.+)", h_routing_options),
    rule(r"routing-instances (\S+) (.+)", h_instance),
]

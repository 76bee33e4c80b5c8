"""Junos `routing-options`, `routing-instances`, OSPF, LLDP and spanning tree → the model.

Routing instances of type ``vrf`` and ``virtual-router`` (and ``mgmt_junos``, which has no type)
become VRFs; their ``routing-options`` and ``protocols`` go through the same tables as the global
ones with the VRF as scope. A static route is one Junos statement per option (next hop,
preference, tag), so routes are assembled once the file is read (`finish_routing`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from ipaddress import ip_network
from typing import Any

from orchestrator.model import InterfaceOspf, Ospf, OspfArea, StaticRoute, Vrf
from orchestrator.syntax.juniper_junos_bgp import BGP_TOP, JUNOS_ECMP, h_bgp
from orchestrator.syntax.juniper_junos_index import (
    claim,
    claim_line,
    interface,
    junos,
    secret_kind,
    sub,
)
from orchestrator.syntax.juniper_junos_policy import (
    LOAD_BALANCE_RULE,
    load_balance_only,
    redistributions,
)
from orchestrator.syntax.juniper_junos_text import Stmt, unquote, values
from orchestrator.syntax.rules import Ctx, Rule, area_dotted, rule
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
    elif key in ("vrf-import", "vrf-export"):
        names = values(arg)
        if len(names) != 1:
            ctx.report.unsupported(line, f"{key} with a chain of policies is not translated")
            return
        field_name = "import_map" if key == "vrf-import" else "export_map"
        setattr(vrf, field_name, names[0])
        vrf.at(line.n, field_name)
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
    value = target[len("target:") :]
    if direction in ("import", "both"):
        vrf.import_targets.append(value)
        vrf.at(line.n, "import_targets")
    if direction in ("export", "both"):
        vrf.export_targets.append(value)
        vrf.at(line.n, "export_targets")


# --- OSPF ------------------------------------------------------------------------------------


def _table(ctx: Ctx, v3: bool) -> dict[str, Ospf]:
    return ctx.config.ospfv3 if v3 else ctx.config.ospf


def _process(ctx: Ctx, vrf: str | None, v3: bool = False) -> Ospf:
    """The global OSPF is process 1; each VRF's gets the next free number."""
    names: dict[str | None, str] = junos(ctx).bucket("ospf3_names" if v3 else "ospf_names")
    if vrf not in names:
        names[vrf] = "1" if vrf is None else str(len([k for k in names if k]) + 2)
    pid = names[vrf]
    table = _table(ctx, v3)
    process = table.get(pid)
    if process is None:
        process = table[pid] = Ospf(process=pid, vrf=vrf)
    return process


def _bandwidth_mbits(text: str) -> int:
    m = re.fullmatch(r"(\d+)([kmg]?)", text.lower())
    if m is None:
        raise ValueError(text)
    value = int(m.group(1))
    return {"": value // 1_000_000, "k": value // 1000, "m": value, "g": value * 1000}[m.group(2)]


def h_ospf(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    h_ospf_in(ctx, line, m.group(2) or "", stmt, None, 2, m.group(1) == "ospf3")


def h_ospf_in(
    ctx: Ctx, line: Line, rest: str, stmt: Stmt, vrf: str | None, base: int, v3: bool = False
) -> None:
    process = _process(ctx, vrf, v3)
    claim(ctx, stmt, base, process)
    if not rest:
        process.at(line.n)
        return
    am = re.fullmatch(r"area (\S+)(?: (.+))?", rest)
    if am is None:
        sub(ctx, stmt, rest, OSPF_RULES, (process, RScope(stmt, vrf, base)), "ospf")
        return
    area_id = area_dotted(am.group(1))
    area = process.areas.get(area_id)
    if area is None:
        area = process.areas[area_id] = OspfArea(area=area_id)
    claim(ctx, stmt, base + 2, area)
    area.at(line.n)
    tail = am.group(2) or ""
    im = re.fullmatch(r"interface (\S+)(?: (.+))?", tail)
    if im is not None:
        _ospf_interface(
            ctx, line, stmt, process, area_id, im.group(1), im.group(2) or "", base + 4, v3
        )
        return
    words = tail.split()
    if words[:1] in (["stub"], ["nssa"]):
        area.kind = words[0]  # type: ignore[assignment]
        area.at(line.n, "kind")
        if words[1:] == ["no-summaries"]:
            area.no_summary = True
            area.at(line.n, "no_summary")
        elif words[1:3] == ["default-lsa", "default-metric"] and len(words) == 4:
            area.default_cost = int(words[3])
            area.at(line.n, "default_cost")
        elif words[1:]:
            ctx.report.unsupported(line, f"area option `{tail}` is not translated")
    elif words[:1] == ["area-range"] and len(words) in (2, 3):
        advertise = words[2:] != ["restrict"]
        area.ranges.append((ip_network(words[1], strict=False), advertise))  # type: ignore[arg-type]
        area.at(line.n, "ranges")
    elif words[:1] == ["authentication-type"] and words[1:] in (["md5"], ["simple"]):
        area.auth = words[1]  # type: ignore[assignment]
        area.at(line.n, "auth")
    else:
        ctx.report.unsupported(line, f"area option `{tail}` is not translated")


def _ospf_interface(
    ctx: Ctx,
    line: Line,
    stmt: Stmt,
    process: Ospf,
    area: str,
    ref: str,
    rest: str,
    depth: int,
    v3: bool,
) -> None:
    if ref == "all":
        junos(ctx).bucket("ospf_all").setdefault((process.process, area, v3), []).append(
            (rest, line.n, stmt.opener(depth))
        )
        return
    ifc = interface(ctx, junos(ctx).index.ifname(ref))
    _ospf_settings(ctx, line, ifc.name, process, area, rest, stmt.opener(depth), v3)


def _ospf_settings(
    ctx: Ctx,
    line: Line,
    name: str,
    process: Ospf,
    area: str,
    rest: str,
    header: Line | None,
    v3: bool,
) -> None:
    ifc = ctx.config.interfaces[name]
    ospf = ifc.ospfv3 if v3 else ifc.ospf
    if ospf is None:
        ospf = InterfaceOspf()
        if v3:
            ifc.ospfv3 = ospf
        else:
            ifc.ospf = ospf
    ospf.process, ospf.area = process.process, area
    ospf.at(line.n)
    ospf.at(line.n, "process", "area")
    if header is not None:
        claim_line(ctx, header.n, ospf, "process", "area")
    words = values(rest)
    if not words:
        return
    key, args = words[0], words[1:]
    simple = {
        "metric": "cost",
        "hello-interval": "hello",
        "dead-interval": "dead",
        "priority": "priority",
    }
    if key in simple and len(args) == 1:
        setattr(ospf, simple[key], int(args[0]))
        ospf.at(line.n, simple[key])
    elif key == "passive" and not args:
        ospf.passive = True
        ospf.at(line.n, "passive")
    elif key == "interface-type" and args[:1] in (["p2p"], ["nbma"], ["p2mp"]):
        ospf.network_type = {"p2p": "point-to-point"}.get(args[0], args[0])  # type: ignore[assignment]
        ospf.at(line.n, "network_type")
    elif key == "authentication" and args[:1] == ["md5"] and len(args) >= 4 and args[2] == "key":
        ospf.auth, ospf.auth_key_id = "md5", int(args[1])
        ospf.auth_key = ctx.secret(line, secret_kind(args[3]), args[3])
        ospf.at(line.n, "auth", "auth_key_id", "auth_key")
    elif key == "authentication" and args[:1] == ["simple-password"] and len(args) == 2:
        ospf.auth = "simple"
        ospf.auth_key = ctx.secret(line, secret_kind(args[1]), args[1])
        ospf.at(line.n, "auth", "auth_key")
    elif key == "bfd-liveness-detection":
        ospf.bfd = True
        ospf.at(line.n, "bfd")
        if args[:1] != ["minimum-interval"] or len(args) != 2:
            ctx.report.unsupported(line, "OSPF BFD timers are not carried by the model")
    else:
        ctx.report.unsupported(line, f"OSPF interface option `{rest}` is not translated")


def o_process(field_name: str, conv: Any) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: tuple[Ospf, RScope]) -> None:
        process = scope[0]
        setattr(process, field_name, conv(m.group(1)) if m.groups() else conv(None))
        process.at(line.n, field_name)

    return handler


def o_export(ctx: Ctx, line: Line, m: re.Match[str], scope: tuple[Ospf, RScope]) -> None:
    exports = junos(ctx).bucket("ospf_export")
    exports.setdefault(id(scope[0]), (scope[0], []))[1].append((values(m.group(1)), line.n))


OSPF_RULES: list[Rule] = [
    rule(r"reference-bandwidth (\S+)", o_process("reference_bandwidth", _bandwidth_mbits)),
    rule(r"export (.+)", o_export),
    rule(r"overload", o_process("max_metric", lambda v: True)),
    rule(r"overload timeout (\d+)", o_process("max_metric_on_startup", int)),
    rule(r"graceful-restart", o_process("graceful_restart", lambda v: True)),
    rule(r"traceoptions(?: .*)?", ignore="Junos trace (debug) file settings"),
    rule(r"import .+", unsupported="OSPF import policies (RIB filtering) are not translated"),
]


def finish_routing(ctx: Ctx) -> None:
    """OSPF `interface all` and exports, router ID and graceful restart (after BGP)."""
    state = junos(ctx)
    for (pid, area, v3), entries in state.bucket("ospf_all").items():
        process = _table(ctx, v3)[pid]
        for rest, n, header in entries:
            for ifc in list(ctx.config.interfaces.values()):
                own = ifc.ospfv3 if v3 else ifc.ospf
                addresses = ifc.ipv6 if v3 else ifc.ipv4
                if ifc.vrf != process.vrf or not addresses or ifc.kind == "management":
                    continue
                if own is not None and own.area is not None:
                    continue
                _ospf_settings(ctx, Line(n, "", "", 0), ifc.name, process, area, rest, header, v3)
    for process, entries in state.bucket("ospf_export").values():
        for names, n in entries:
            for item in redistributions(ctx, names, n):
                process.redistribute.append(item)
                process.at(n, "redistribute")
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
    for vrf, (_, n) in state.bucket("graceful_restart").items():
        if ctx.config.bgp is not None and vrf is None:
            ctx.config.bgp.graceful_restart = True
            ctx.config.bgp.at(n, "graceful_restart")
        else:
            ctx.report.unsupported(n, "graceful restart for every protocol is not translated")


# --- LLDP, spanning tree, and protocols that are not translated --------------------------


def p_lldp(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    rest = m.group(1) or ""
    system = ctx.config.system
    words = rest.split()
    if not words or words == ["interface", "all"]:
        system.lldp = True
        system.at(line.n, "lldp")
    elif words in (["disable"], ["interface", "all", "disable"]):
        system.lldp = False
        system.at(line.n, "lldp")
    elif words[0] == "interface" and len(words) in (2, 3):
        ifc = interface(ctx, junos(ctx).index.ifname(words[1]))
        ifc.lldp = words[2:] != ["disable"]
        ifc.at(line.n, "lldp")
        if system.lldp is None:
            system.lldp = True
            system.at(line.n, "lldp")
    elif words[0] == "port-id-subtype" and words[1:] == ["interface-name"]:
        ctx.report.ignored(line, "the targets send the interface name as LLDP port ID")
    else:
        ctx.report.unsupported(line, f"LLDP setting `{rest}` is not carried by the model")


_STP_MODE = {"rstp": "rstp", "mstp": "mstp", "stp": "stp", "vstp": "rapid-pvst"}


def p_stp(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    system = ctx.config.system
    system.stp_mode = _STP_MODE[m.group(1)]  # type: ignore[assignment]
    system.at(line.n, "stp_mode")
    claim(ctx, stmt, 2, system, "stp_mode")
    words = (m.group(2) or "").split()
    if not words:
        return
    if words[0] == "bridge-priority" and len(words) == 2 and m.group(1) != "mstp":
        system.stp_priority[0] = _priority(words[1])
        system.at(line.n, "stp_priority")
    elif words[0] == "interface" and len(words) >= 3:
        ifc = interface(ctx, junos(ctx).index.ifname(words[1]))
        if words[2:] == ["edge"]:
            ifc.stp_edge = True
            ifc.at(line.n, "stp_edge")
        elif words[2] == "cost" and len(words) == 4:
            ifc.stp_cost = int(words[3])
            ifc.at(line.n, "stp_cost")
        elif words[2] == "priority" and len(words) == 4:
            ifc.stp_port_priority = int(words[3])
            ifc.at(line.n, "stp_port_priority")
        else:
            ctx.report.unsupported(line, f"spanning-tree port option `{' '.join(words[2:])}`")
    else:
        ctx.report.unsupported(line, f"spanning-tree option `{' '.join(words)}` is not translated")


def _priority(text: str) -> int:
    return int(text[:-1]) * 1024 if text.endswith("k") else int(text)


def p_protocol(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    ctx.report.unsupported(line, f"protocol {m.group(1)} is not translated")


PROTOCOLS_TOP: list[Rule] = [
    *BGP_TOP,
    rule(r"protocols (ospf3?)(?: (.+))?", h_ospf),
    rule(r"protocols lldp(?: (.+))?", p_lldp),
    rule(r"protocols (rstp|mstp|stp|vstp)(?: (.+))?", p_stp),
    rule(r"protocols (\S+)(?: .*)?", p_protocol),
    rule(r"routing-options (.+)", h_routing_options),
    rule(r"routing-instances (\S+) (.+)", h_instance),
]

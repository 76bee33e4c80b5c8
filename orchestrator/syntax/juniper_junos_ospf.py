"""Junos `protocols ospf` and `ospf3` → OSPF processes, areas and per-interface settings.

The global OSPF is process 1; OSPF inside a routing instance gets the next free number, with
the VRF set. Junos names the interfaces of an area (`interface ge-0/0/0.0 { metric 10; }`): the
model holds that on the interface (area, cost, passive, network type, authentication).
`interface all` is expanded to every interface with an address in the same routing table.
Export policies become redistribution (see `juniper_junos_policy.redistributions`).
"""

from __future__ import annotations

import re
from ipaddress import ip_network
from typing import Any

from orchestrator.model import InterfaceOspf, Ospf, OspfArea
from orchestrator.syntax.juniper_junos_export import redistributions
from orchestrator.syntax.juniper_junos_index import (
    claim,
    claim_line,
    interface,
    junos,
    secret_kind,
    sub,
)
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, values
from orchestrator.syntax.rules import Ctx, Rule, area_dotted, rule
from orchestrator.syntax.text import Line


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
        sub(ctx, stmt, rest, OSPF_RULES, process, "ospf")
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
    words = tokens(tail)
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
        item = (ip_network(words[1], strict=False), advertise)
        area.ranges.append(item)  # type: ignore[arg-type]
        area.at_item(line.n, "ranges", item)
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
    def handler(ctx: Ctx, line: Line, m: re.Match[str], process: Ospf) -> None:
        setattr(process, field_name, conv(m.group(1)) if m.groups() else conv(None))
        process.at(line.n, field_name)

    return handler


def o_export(ctx: Ctx, line: Line, m: re.Match[str], process: Ospf) -> None:
    exports = junos(ctx).bucket("ospf_export")
    exports.setdefault(id(process), (process, []))[1].append((values(m.group(1)), line.n))


OSPF_RULES: list[Rule] = [
    rule(r"reference-bandwidth (\S+)", o_process("reference_bandwidth", _bandwidth_mbits)),
    rule(r"export (.+)", o_export),
    rule(r"overload", o_process("max_metric", lambda v: True)),
    rule(r"overload timeout (\d+)", o_process("max_metric_on_startup", int)),
    rule(r"graceful-restart", o_process("graceful_restart", lambda v: True)),
    rule(r"traceoptions(?: .*)?", ignore="Junos trace (debug) file settings"),
    rule(r"import .+", unsupported="OSPF import policies (RIB filtering) are not translated"),
]


def finish_ospf(ctx: Ctx) -> None:
    """`interface all` once every interface is known; export policies as redistribution."""
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
            for item in redistributions(ctx, names, n, "ospf-export")[0]:
                process.redistribute.append(item)
                process.at(n, "redistribute")

"""Comware 7 routing protocols: `ospf N` / `ospfv3 N` with their areas; BGP is in
`hp_comware_parse_bgp`."""

from __future__ import annotations

import re
from ipaddress import IPv4Network
from typing import Any

from orchestrator.model import (
    Ospf,
    OspfArea,
)
from orchestrator.syntax.hp_comware_common import ifname, is_ipv4, read_secret
from orchestrator.syntax.hp_comware_parse_bgp import p_bgp
from orchestrator.syntax.hp_comware_parse_bgp_af import read_redistribution
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    area_dotted,
    dispatch,
    flag_field,
    int_field,
    mask_or_length,
    rule,
    str_field,
    wildcard_to_prefixlen,
)
from orchestrator.syntax.text import Line

# --- OSPF -----------------------------------------------------------------------------------


def p_ospf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    v3 = line.words[0] == "ospfv3"
    words = (m.group(1) or "").split()
    process = words.pop(0) if words and words[0].isdigit() else "1"
    ospf = Ospf(process=process)
    ospf.at(line.n)
    while words:
        word = words.pop(0)
        if word == "router-id" and words:
            ospf.router_id = words.pop(0)
            ospf.at(line.n, "router_id")
        elif word == "vpn-instance" and words:
            ospf.vrf = words.pop(0)
            ospf.at(line.n, "vrf")
        else:
            ctx.report.unsupported(line, f"OSPF process option {word!r} is not translated")
    (ctx.config.ospfv3 if v3 else ctx.config.ospf)[process] = ospf
    for child in line.children:
        dispatch(ctx, child, OSPF_RULES, ospf)


def o_area(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    name = area_dotted(m.group(1))
    area = ospf.areas.get(name) or OspfArea(area=name)
    ospf.areas[name] = area
    area.at(line.n)
    for child in line.children:
        dispatch(ctx, child, AREA_RULES, area)


def o_silent(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    if m.group(2) == "all":
        ospf.passive_default = m.group(1) is None
        ospf.at(line.n, "passive_default")
    elif m.group(1):
        ospf.active.append(ifname(m.group(2)))
        ospf.at(line.n, "active")
    else:
        ospf.passive.append(ifname(m.group(2)))
        ospf.at(line.n, "passive")


def o_import(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    entry = read_redistribution(m.group(1).split(), "cost")
    if entry is None:
        ctx.report.unsupported(line, "import-route form not understood")
        return
    entry.subnets = True  # OSPF on Comware always imports subnets
    entry.at(line.n)
    ospf.redistribute.append(entry)
    ospf.at(line.n, "redistribute")


def o_default_route(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    words = (m.group(1) or "").split()
    ospf.default_originate = True
    ospf.at(line.n, "default_originate")
    while words:
        word = words.pop(0)
        if word == "always":
            ospf.default_originate_always = True
            ospf.at(line.n, "default_originate_always")
        elif word in ("cost", "type", "route-policy") and words:
            name = {
                "cost": "default_originate_metric",
                "type": "default_originate_metric_type",
                "route-policy": "default_originate_route_map",
            }[word]
            value = words.pop(0)
            setattr(ospf, name, value if word == "route-policy" else int(value))
            ospf.at(line.n, name)
        else:
            ctx.report.unsupported(line, f"default-route-advertise option {word!r}")
            return


def o_stub_router(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    if m.group(1):
        ospf.max_metric_on_startup = int(m.group(1))
        ospf.at(line.n, "max_metric_on_startup")
    else:
        ospf.max_metric = True
        ospf.at(line.n, "max_metric")


def o_spf(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    """`spf-schedule-interval MAX-S [MIN-MS [INCR-MS]]` ↔ IOS throttle (start, hold, max) ms."""
    if not (m.group(2) and m.group(3)):
        ctx.report.unsupported(line, "SPF interval without minimum and increment")
        return
    ospf.spf_timers = (int(m.group(2)), int(m.group(3)), int(m.group(1)) * 1000)
    ospf.at(line.n, "spf_timers")


def o_log(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    flag_field("log_adjacency")(ctx, line, m, ospf)


def o_gr(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    ospf.graceful_restart = True
    ospf.at(line.n, "graceful_restart")


OSPF_RULES: list[Rule] = [
    rule(r"area (\S+)", o_area),
    rule(r"router-id (\S+)", str_field("router_id")),
    rule(r"(undo )?silent-interface (\S+)", o_silent),
    rule(r"bandwidth-reference (\d+)", int_field("reference_bandwidth")),
    rule(r"import-route (.+)", o_import),
    rule(r"default-route-advertise(?: (.+))?", o_default_route),
    rule(r"default cost (\d+)", int_field("default_metric")),
    rule(r"(undo )?log-peer-change", o_log),
    rule(r"stub-router(?: on-startup (\d+))?", o_stub_router),
    rule(r"preference (\d+)", int_field("distance")),
    rule(r"maximum load-balancing (\d+)", int_field("maximum_paths")),
    rule(r"spf-schedule-interval (\d+)(?: (\d+))?(?: (\d+))?", o_spf),
    rule(r"graceful-restart(?: ietf| nonstandard)?", o_gr),
    rule(
        r"enable (?:link-local-signaling|out-of-band-resynchronization)",
        unsupported="OSPF non-standard graceful restart signalling is not in the model",
    ),
]


def a_network(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    length = wildcard_to_prefixlen(m.group(2)) if is_ipv4(m.group(2)) else None
    if length is None:
        ctx.report.unsupported(line, "a non-contiguous wildcard cannot be translated")
        return
    area.networks.append(IPv4Network(f"{m.group(1)}/{length}", strict=False))
    area.at(line.n, "networks")


def a_stub(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    words = (m.group(2) or "").split()
    area.kind = m.group(1)  # type: ignore[assignment]
    area.at(line.n, "kind")
    for word in words:
        if word == "no-summary":
            area.no_summary = True
            area.at(line.n, "no_summary")
        elif word == "default-route-advertise" and area.kind == "nssa":
            area.nssa_default = True
            area.at(line.n, "nssa_default")
        else:
            ctx.report.unsupported(line, f"{area.kind} option {word!r} is not translated")


def a_summary(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    prefix = IPv4Network(f"{m.group(1)}/{mask_or_length(m.group(2))}", strict=False)
    area.ranges.append((prefix, m.group(3) is None))
    area.at(line.n, "ranges")


def a_auth(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    area.auth = "simple" if m.group(1) == "simple" else "md5"
    area.at(line.n, "auth")
    if m.group(4):
        if m.group(2):
            area.auth_key_id = int(m.group(2))
        form = "cipher" if m.group(3) == "cipher" else "simple"
        area.auth_key = read_secret(ctx, line, m.group(4), form)
        area.at(line.n, "auth_key_id", "auth_key")


AREA_RULES: list[Rule] = [
    rule(r"network (\S+) (\S+)", a_network),
    rule(r"(stub|nssa)(?: (.+))?", a_stub),
    rule(r"default-cost (\d+)", int_field("default_cost")),
    rule(r"abr-summary (\S+) (\S+)( not-advertise)?", a_summary),
    rule(
        r"authentication-mode (?:hmac-)?(md5|simple)(?: (\d+))?(?: (cipher|plain) (\S+))?", a_auth
    ),
    rule(r"description .+", ignore="an OSPF area description is a label only"),
]


ROUTING_TOP: list[Rule] = [
    rule(r"ospf(?:v3)?(?: (.+))?", p_ospf),
    rule(r"bgp (\d+(?:\.\d+)?)", p_bgp),
    rule(r"bgp \S+ instance \S+", unsupported="BGP instances are not translated", tree=True),
]

__all__ = ["ROUTING_TOP"]

"""ZXROS routing: `ip vrf` views, static routes, `router ospf` and `router bgp`.

OSPF on ZXROS puts interface settings in the protocol (`router ospf 1` → `area 0.0.0.0` →
`interface X` → `cost 10`), and BGP writes IPv4 unicast settings at the top of `router bgp`
with other families in `address-family` views; `network` takes a mask without `mask`.
"""

from __future__ import annotations

import re
from ipaddress import ip_network
from typing import Any

from orchestrator import ports
from orchestrator.model import (
    DeviceConfig,
    StaticRoute,
    Vrf,
    item_key,
)
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    dispatch,
    mask_to_prefixlen,
    network,
    prefixlen_to_mask,
    rule,
    set_field,
    str_field,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_bgp import p_bgp, render_bgp
from orchestrator.syntax.zte_zxros_common import (
    PLATFORM_NAME,
    Writer,
    all_fields,
    ifname,
    quote,
    unquote,
)

# --- VRFs ----------------------------------------------------------------------------------------


def p_vrf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    vrf = ctx.config.vrfs.setdefault(m.group(1), Vrf(name=m.group(1)))
    vrf.at(line.n)
    vrf.ipv4 = False
    for child in line.children:
        af = re.fullmatch(r"address-family (ipv4|ipv6)", child.text)
        if af:
            ctx.report.parsed(child)
            set_field(vrf, child, af.group(1), True)
            for grand in child.children:
                dispatch(ctx, grand, VRF_RULES, vrf)
        else:
            dispatch(ctx, child, VRF_RULES, vrf)


def f_rt(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    field = "import_targets" if m.group(1) == "import" else "export_targets"
    getattr(vrf, field).append(m.group(2))
    vrf.at(line.n, field)


VRF_RULES: list[Rule] = [
    rule(r"rd (\S+)", str_field("rd")),
    rule(
        r"description (.+)",
        lambda c, ln, m, v: set_field(v, ln, "description", unquote(m.group(1))),
    ),
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
                            w.line(f"route-target import {rt}", vrf, item_key("import_targets", rt))
                        for rt in vrf.export_targets:
                            w.line(f"route-target export {rt}", vrf, item_key("export_targets", rt))
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
            if r.interface is not None and ports.parse_name(PLATFORM_NAME, r.interface) is None:
                out.unsupported(r, *all_fields(r), reason=f"{r.interface} has no ZXROS name")
                continue
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
            w.item(text, r, "prefix", "vrf", "interface", "next_hop", "distance", "tag", "name")
            if r.permanent:
                out.unsupported(r, "permanent", reason="permanent static routes")
            if r.track is not None:
                out.unsupported(r, "track", reason="ZXROS tracks by name; tracked routes")
            if r.bfd:
                out.unsupported(r, "bfd", reason="BFD-checked static routes")
            if r.next_hop_vrf is not None:
                out.unsupported(r, "next_hop_vrf", reason="inter-VRF static routes")


# --- OSPF ----------------------------------------------------------------------------------------


# --- BGP ---------------------------------------------------------------------------------------


# --- entry points ------------------------------------------------------------------------------
from orchestrator.syntax.zte_zxros_ospf import p_ospf, render_ospf  # noqa: E402

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
    render_ospf(w, config)
    render_bgp(w, config)

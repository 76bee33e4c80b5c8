"""Comware 7 VLANs, VPN instances, static routes and track entries; the top-level table of
`interface` and these."""

from __future__ import annotations

import re
from ipaddress import ip_network
from typing import Any

from orchestrator.model import StaticRoute, Vlan, Vrf
from orchestrator.syntax.hp_comware_common import ifname, is_ipv4
from orchestrator.syntax.hp_comware_parse_ifc import p_interface
from orchestrator.syntax.hp_comware_parse_overlay import (
    OVERLAY_TOP,
    VLAN_OVERLAY_RULES,
    e_target,
)
from orchestrator.syntax.rules import Ctx, Rule, dispatch, mask_or_length, rule, str_field
from orchestrator.syntax.text import Line
from orchestrator.syntax.vrp_family import vlan_words


def p_vlan(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for vid in vlan_words(m.group(1).split()):
        vlan = ctx.config.vlans.get(vid) or Vlan(id=vid)
        ctx.config.vlans[vid] = vlan
        vlan.at(line.n)
        for child in line.children:
            dispatch(ctx, child, VLAN_RULES, vlan)


def v_snooping(ctx: Ctx, line: Line, m: re.Match[str], vlan: Vlan) -> None:
    vlan.igmp_snooping = True
    vlan.at(line.n, "igmp_snooping")


def t_snooping(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`igmp-snooping`: the switch-wide switch; VLANs snoop where they enable it."""
    ctx.state["igmp_snooping"] = line.n
    for child in line.children:
        ctx.report.unsupported(child, "IGMP snooping setting not translated")


def finish_snooping(ctx: Ctx) -> None:
    """Every VLAN snooping is the model's switch-wide flag."""
    n = ctx.state.get("igmp_snooping")
    if n is None:
        return
    vlans = list(ctx.config.vlans.values())
    if vlans and all(v.igmp_snooping for v in vlans):
        system = ctx.config.system
        system.igmp_snooping = True
        system.at(n, "igmp_snooping")
        for vlan in vlans:
            for line in vlan.src.get("igmp_snooping"):
                system.at(line, "igmp_snooping")
            vlan.igmp_snooping = None


VLAN_RULES: list[Rule] = [
    rule(r"name (.+)", str_field("name")),
    rule(r"igmp-snooping enable", v_snooping),
    rule(r"description (.+)", str_field("description")),
    *VLAN_OVERLAY_RULES,
]


def p_vrf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    vrf = ctx.config.vrfs.get(m.group(1)) or Vrf(name=m.group(1))
    ctx.config.vrfs[vrf.name] = vrf
    vrf.at(line.n)
    for child in line.children:
        if child.text == "address-family evpn":
            ctx.report.parsed(child)
            for grandchild in child.children:
                dispatch(ctx, grandchild, VRF_EVPN_RULES, vrf)
        elif child.text in ("address-family ipv4", "address-family ipv6"):
            ctx.report.parsed(child)
            if child.text.endswith("ipv6"):
                vrf.ipv6 = True
                vrf.at(child.n, "ipv6")
            for grandchild in child.children:
                dispatch(ctx, grandchild, VRF_RULES, vrf)
        else:
            dispatch(ctx, child, VRF_RULES, vrf)


def f_target(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    direction = m.group(2) or "both"
    for value in m.group(1).split():
        if direction in ("import-extcommunity", "both") and value not in vrf.import_targets:
            vrf.import_targets.append(value)
            vrf.at(line.n, "import_targets")
        if direction in ("export-extcommunity", "both") and value not in vrf.export_targets:
            vrf.export_targets.append(value)
            vrf.at(line.n, "export_targets")


VRF_RULES: list[Rule] = [
    rule(r"route-distinguisher (\S+)", str_field("rd")),
    rule(r"description (.+)", str_field("description")),
    rule(r"vpn-target (.+?)(?: (import-extcommunity|export-extcommunity|both))?", f_target),
    rule(r"import route-policy (\S+)", str_field("import_map")),
    rule(r"export route-policy (\S+)", str_field("export_map")),
]


VRF_EVPN_RULES: list[Rule] = [
    rule(r"vpn-target (.+?)(?: (import-extcommunity|export-extcommunity|both))?", e_target),
]


def p_route(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ip route-static [vpn-instance V] DEST MASK|LEN [IFC] [NH | vpn-instance D NH | NH
    public] [permanent] [track N] [preference P] [tag T] [description TEXT]`."""
    words = m.group(2).split()
    route = StaticRoute(prefix=ip_network("0.0.0.0/0"))
    if words[:1] == ["vpn-instance"]:
        route.vrf = words[1]
        words = words[2:]
    if m.group(1):
        route.prefix = ip_network(f"{words[0]}/{words[1]}", strict=False)
    else:
        route.prefix = ip_network(f"{words[0]}/{mask_or_length(words[1])}", strict=False)
    words = words[2:]
    while words:
        word = words.pop(0)
        if word == "vpn-instance" and len(words) >= 2:
            route.next_hop_vrf, route.next_hop = words.pop(0), words.pop(0)
        elif word == "public":
            route.next_hop_vrf = "global"
        elif word == "permanent":
            route.permanent = True
        elif word in ("track", "preference", "tag") and words:
            value = int(words.pop(0))
            name = {"track": "track", "preference": "distance", "tag": "tag"}[word]
            setattr(route, name, value)
        elif word == "description":
            route.name = " ".join(words)
            words = []
        elif is_ipv4(word) or ":" in word:
            route.next_hop = word
        elif route.interface is None and route.next_hop is None and word[0].isalpha():
            route.interface = ifname(word)
        else:
            ctx.report.unsupported(line, f"static route option {word!r} is not translated")
            return
    route.at(line.n)
    ctx.config.static_routes.append(route)


def p_track(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`track N interface IFC`: VRRP tracks interfaces through these entries."""
    ctx.state.setdefault("tracks", {})[int(m.group(1))] = (ifname(m.group(2)), line.n)


def p_mirroring(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`mirroring-group N local|mirroring-port X both|monitor-port Y`: Y monitors X."""
    groups = ctx.state.setdefault("mirroring", {})
    group = groups.setdefault(m.group(1), {"sources": [], "monitor": None, "lines": []})
    group["lines"].append(line.n)
    words = m.group(2).split()
    if words[0] == "mirroring-port" and words[-1] == "both":
        group["sources"].extend(ifname(w) for w in words[1:-1])
    elif words[0] == "monitor-port" and len(words) == 2:
        group["monitor"] = ifname(words[1])
    elif words != ["local"]:
        ctx.report.unsupported(line, "only local mirroring of both directions is translated")


def finish_mirroring(ctx: Ctx) -> None:
    for group in ctx.state.get("mirroring", {}).values():
        if group["monitor"] is None:
            continue
        ifc = ctx.config.interface(group["monitor"])
        ifc.monitor_sources.extend(group["sources"])
        for n in group["lines"]:
            ifc.at(n, "monitor_sources")


IFC_TOP: list[Rule] = [
    rule(r"mirroring-group (\d+) (.+)", p_mirroring),
    rule(r"interface (\S+)(?: mode (.+)| (p2p|p2mp))?", p_interface),
    rule(r"vlan (\d+(?: to \d+)?)", p_vlan),
    rule(r"ip vpn-instance (\S+)", p_vrf),
    rule(r"ip(v6)? route-static (.+)", p_route),
    rule(r"track (\d+) interface (\S+)(?: protocol ipv4)?", p_track),
    *OVERLAY_TOP,
    rule(r"igmp-snooping", t_snooping),
]

"""VRP VLANs, VPN instances and static routes (OSPF is `huawei_parse_ospf`).

A VPN instance holds its route distinguisher and targets either directly (VRP5) or in an
`ipv4-family` view (VRP8, and VRP5 since V200R003); both read the same. On VRP8 the IPv4 family
exists only when `ipv4-family` is configured, so `Vrf.ipv4` follows that view there.
"""

from __future__ import annotations

import re
from ipaddress import ip_address, ip_network
from typing import Any

from orchestrator import ports
from orchestrator.model import StaticRoute, Vlan, Vrf
from orchestrator.syntax.huawei_common import ifname
from orchestrator.syntax.huawei_parse_ospf import p_ospf
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    dispatch,
    mask_or_length,
    network,
    rule,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.vrp_family import vlan_words

# --- VLANs --------------------------------------------------------------------------------------


def _vlan(ctx: Ctx, vid: int) -> Vlan:
    vlan = ctx.config.vlans.get(vid)
    if vlan is None:
        vlan = ctx.config.vlans[vid] = Vlan(id=vid)
    return vlan


def p_vlan_batch(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for vid in vlan_words(m.group(1).split()):
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


def v_igmp(ctx: Ctx, line: Line, m: re.Match[str], vlan: Vlan) -> None:
    vlan.igmp_snooping = m.group(1) is None
    vlan.at(line.n, "igmp_snooping")


VLAN_RULES: list[Rule] = [
    rule(r"name (.+)", v_field("name")),
    rule(r"description (.+)", v_field("description")),
    rule(r"(undo )?shutdown(?: vlan)?", v_shutdown),
    rule(r"(undo )?igmp[- ]snooping enable", v_igmp),
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
    """`vpn-target X [export-extcommunity|import-extcommunity|both] [evpn]`."""
    direction = m.group(2) or "both"
    prefix = "evpn_" if m.group(3) else ""
    for value in m.group(1).split():
        if direction in ("import-extcommunity", "both"):
            getattr(vrf, prefix + "import_targets").append(value)
            vrf.at(line.n, prefix + "import_targets")
        if direction in ("export-extcommunity", "both"):
            getattr(vrf, prefix + "export_targets").append(value)
            vrf.at(line.n, prefix + "export_targets")


def f_vni(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    vrf.vni = int(m.group(1))
    vrf.at(line.n, "vni")


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
    rule(r"vxlan vni (\d+)", f_vni),
    rule(
        r"(?:apply-label|tnl-policy|export route-policy \S+ evpn) .*",
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

ROUTING_TOP: list[Rule] = [
    rule(r"vlan batch ([\d to]+)", p_vlan_batch),
    rule(r"vlan (\d+)", p_vlan),
    rule(r"ip vpn-instance (\S+)", p_vpn_instance),
    rule(r"(ip|ipv6) route-static (.+)", p_route),
    rule(r"ospf(?:v3)?(?: .*)?", p_ospf),
]

"""Cisco NX-OS routing: `vrf context`, `ip route A/len` and `router ospf <tag>`; `router bgp`
is in `cisco_nxos_bgp`. Statements that mean what they mean on IOS go to the IOS handlers.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import Ospf, Server, StaticRoute, Vrf
from orchestrator.syntax.cisco_nxos_bgp import p_router_bgp
from orchestrator.syntax.cisco_nxos_overlay import f_evpn_rt, f_vni
from orchestrator.syntax.cisco_routing import OSPF_RULES as IOS_OSPF_RULES
from orchestrator.syntax.cisco_routing import _area, o_flag
from orchestrator.syntax.rules import Ctx, Rule, add_route_targets, dispatch_children, network, rule
from orchestrator.syntax.text import Line

_IPV4 = re.compile(r"\d+\.\d+\.\d+\.\d+")

# --- VRFs -------------------------------------------------------------------------------------


def p_vrf_context(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    vrf = ctx.config.vrfs.get(name)
    if vrf is None:
        vrf = ctx.config.vrfs[name] = Vrf(name=name)
    vrf.at(line.n)
    dispatch_children(ctx, line, VRF_CONTEXT_RULES, vrf)


def f_rd(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    vrf.rd = m.group(1)
    vrf.at(line.n, "rd")


def f_description(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    vrf.description = m.group(1)
    vrf.at(line.n, "description")


def f_family(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    """`address-family ipv4|ipv6 unicast` in `vrf context`: IPv4 routes in every VRF without it,
    so for IPv4 the block only holds route targets; IPv6 must be turned on."""
    if m.group(1) == "ipv6":
        vrf.ipv6 = True
        vrf.at(line.n, "ipv6")
    elif line.children:
        ctx.report.block(line)
    else:
        ctx.report.ignored(line, "a VRF routes IPv4 without this block; empty, it sets nothing")
    dispatch_children(ctx, line, VRF_AF_RULES, vrf)


def f_rt(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    add_route_targets(vrf, line, m.group(1), m.group(2))


def f_map(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    field = f"{m.group(1)}_map"
    setattr(vrf, field, m.group(2))
    vrf.at(line.n, field)


def f_route(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    static_route(ctx, line, m.group(1), vrf.name)


def f_name_server(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    """`ip name-server A [B ...]` inside `vrf context X`: DNS servers reached in that VRF."""
    for address in m.group(1).split():
        server = Server(address=address, vrf=vrf.name)
        server.at(line.n)
        ctx.config.system.dns_servers.append(server)
    ctx.config.system.at(line.n, "dns_servers")


def f_domain_name(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    """A VRF's DNS domain: the model has one domain, so only a repeat of the global one reads."""
    system = ctx.config.system
    if system.domain_name != m.group(1):
        ctx.report.unsupported(line, "a per-VRF DNS domain name is not translated")
        return
    system.at(line.n, "domain_name")


_AUTO_RD = "an automatic RD (router ID : VRF number) is not translated: set an explicit RD"
_AUTO_RT = "automatic route targets (AS : VNI) belong to the VXLAN/EVPN fabric: not translated"

VRF_CONTEXT_RULES: list[Rule] = [
    rule(r"ip route (.+)", f_route),
    rule(r"rd auto", unsupported=_AUTO_RD),
    rule(r"rd (\S+)", f_rd),
    rule(r"description (.+)", f_description),
    rule(r"address-family (ipv4|ipv6) unicast", f_family),
    rule(r"vni (\d+)", f_vni),
    rule(r"ip name-server ((?:\S+ ?)+)", f_name_server),
    rule(r"ip domain-name (\S+)", f_domain_name),
]

VRF_AF_RULES: list[Rule] = [
    rule(r"route-target (import|export|both) (\S+) evpn", f_evpn_rt),
    rule(r"route-target (?:import|export|both) auto", unsupported=_AUTO_RT),
    rule(r"route-target (import|export|both) (\S+)", f_rt),
    rule(r"(import|export) map (\S+)", f_map),
]

# --- static routes ----------------------------------------------------------------------------


def static_route(ctx: Ctx, line: Line, text: str, vrf: str | None) -> None:
    """`ip route A/len [interface] [next hop] [vrf V] [name N] [tag T] [track K] [preference]`.

    `vrf V` after the next hop names the VRF the next hop is reached in (route leaking).
    """
    words = text.split()
    route = StaticRoute(prefix=network(words.pop(0)), vrf=vrf)
    while words:
        word = words.pop(0)
        if _IPV4.fullmatch(word.split("/")[0]) and route.next_hop is None:
            route.next_hop = word.split("/")[0]
        elif word == "vrf" and words:
            hop_vrf = words.pop(0)
            if hop_vrf != (vrf or "default"):
                route.next_hop_vrf = "global" if hop_vrf == "default" else hop_vrf
        elif word == "name" and words:
            route.name = words.pop(0)
        elif word == "tag" and words:
            route.tag = int(words.pop(0))
        elif word == "track" and words:
            route.track = int(words.pop(0))
        elif word.isdigit():
            route.distance = int(word)
        elif ports.parse_name(ctx.platform, word) is not None and route.interface is None:
            route.interface = ports.canonical_name(ctx.platform, word)
        else:
            ctx.report.unsupported(line, f"static route option {word!r} is not translated")
            return
    if route.next_hop is None and route.interface is None:
        ctx.report.unsupported(line, "a static route needs a next hop or an interface")
        return
    route.at(line.n)
    ctx.config.static_routes.append(route)


def p_route(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    static_route(ctx, line, m.group(1), None)


# --- OSPF -------------------------------------------------------------------------------------


def p_router_ospf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`router ospf <tag>`: NX-OS names processes with any word, `10` or `myospf`."""
    name = m.group(1)
    process = ctx.config.ospf.get(name)
    if process is None:
        process = ctx.config.ospf[name] = Ospf(process=name)
    process.at(line.n)
    dispatch_children(ctx, line, OSPF_RULES, process)


def o_reference_bw(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    """`auto-cost reference-bandwidth N [Gbps|Mbps]` (Mbit/s unless `Gbps`)."""
    p.reference_bandwidth = int(m.group(1)) * (1000 if m.group(2) == "Gbps" else 1)
    p.at(line.n, "reference_bandwidth")


def o_range(ctx: Ctx, line: Line, m: re.Match[str], p: Ospf) -> None:
    area = _area(p, m.group(1))
    item = (network(m.group(2)), m.group(3) is None)
    area.ranges.append(item)
    area.at_item(line.n, "ranges", item)
    p.at(line.n, "areas")


OSPF_RULES: list[Rule] = [
    rule(r"auto-cost reference-bandwidth (\d+)(?: (Gbps|Mbps))?", o_reference_bw),
    rule(r"area (\S+) range (\S+/\d+)( not-advertise)?", o_range),
    rule(r"bfd", o_flag("bfd_all")),
    rule(r"vrf \S+", unsupported="OSPF instances inside a VRF are not translated", tree=True),
    *IOS_OSPF_RULES,
]

ROUTING_TOP: list[Rule] = [
    rule(r"vrf context (\S+)", p_vrf_context),
    rule(r"ip route (\S+/\d+ .+)", p_route),
    rule(r"router ospf (\S+)", p_router_ospf),
    rule(r"router bgp (\S+)", p_router_bgp),
]

"""Cisco NX-OS VXLAN with EVPN: `vn-segment` on VLANs, `vni` on VRFs, the tunnel endpoint
(`interface nve1` and its `member vni` blocks) and the `evpn` block of layer-2 VNIs.

`rd auto` and `route-target ... auto` are kept as ``"auto"``: NX-OS derives them (route target
= AS number : VNI), and so can a target that has the same rule; see `orchestrator.model.overlay`.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import EvpnVni, Nve, NveVni, Vlan, Vrf
from orchestrator.syntax.rules import Ctx, Rule, add_route_targets, dispatch_children, rule
from orchestrator.syntax.text import Line


def v_vni(ctx: Ctx, line: Line, m: re.Match[str], vlan: Vlan) -> None:
    """`vn-segment N` in a VLAN: the VLAN is bridged into VXLAN segment N."""
    vlan.vni = int(m.group(1))
    vlan.at(line.n, "vni")


def f_vni(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    """`vni N` in `vrf context`: the VRF's layer-3 VNI."""
    vrf.vni = int(m.group(1))
    vrf.at(line.n, "vni")


def f_evpn_rt(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    """`route-target both auto evpn`: the route targets of the VRF's EVPN routes."""
    add_route_targets(
        vrf, line, m.group(1), m.group(2), ("evpn_import_targets", "evpn_export_targets")
    )


# --- the tunnel endpoint ----------------------------------------------------------------------


def p_nve(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    nve = ctx.config.nve.get(name)
    if nve is None:
        nve = ctx.config.nve[name] = Nve(name=name)
    nve.at(line.n)
    dispatch_children(ctx, line, NVE_RULES, nve)


def n_shutdown(ctx: Ctx, line: Line, m: re.Match[str], nve: Nve) -> None:
    nve.shutdown = m.group(1) is None
    nve.at(line.n, "shutdown")


def n_source(ctx: Ctx, line: Line, m: re.Match[str], nve: Nve) -> None:
    nve.source_interface = ports.canonical_name(ctx.platform, m.group(1))
    nve.at(line.n, "source_interface")


def n_bgp(ctx: Ctx, line: Line, m: re.Match[str], nve: Nve) -> None:
    nve.bgp_evpn = True
    nve.at(line.n, "bgp_evpn")


def n_member(ctx: Ctx, line: Line, m: re.Match[str], nve: Nve) -> None:
    member = NveVni(vni=int(m.group(1)), l3=m.group(2) is not None)
    member.at(line.n)
    nve.vnis[member.vni] = member
    nve.at(line.n, "vnis")
    dispatch_children(ctx, line, MEMBER_RULES, member)


def mv_suppress_arp(ctx: Ctx, line: Line, m: re.Match[str], member: NveVni) -> None:
    member.suppress_arp = True
    member.at(line.n, "suppress_arp")


def mv_replication(ctx: Ctx, line: Line, m: re.Match[str], member: NveVni) -> None:
    member.replication = m.group(1)  # type: ignore[assignment]
    member.at(line.n, "replication")
    for child in line.children:
        peer = re.fullmatch(r"peer-ip (\S+)", child.text)
        if peer is None:
            ctx.report.unsupported(child, "ingress-replication option not understood")
            continue
        member.peers.append(peer.group(1))
        member.at(child.n, "peers")
        ctx.report.parsed(child)


def mv_mcast(ctx: Ctx, line: Line, m: re.Match[str], member: NveVni) -> None:
    member.replication = "multicast"
    member.mcast_group = m.group(1)
    member.at(line.n, "replication", "mcast_group")


NVE_RULES: list[Rule] = [
    rule(r"(no )?shutdown", n_shutdown),
    rule(r"source-interface (\S+)", n_source),
    rule(r"host-reachability protocol bgp", n_bgp),
    rule(r"member vni (\d+)( associate-vrf)?", n_member),
]

MEMBER_RULES: list[Rule] = [
    rule(r"suppress-arp", mv_suppress_arp),
    rule(r"ingress-replication protocol (bgp|static)", mv_replication),
    rule(r"mcast-group (\S+)", mv_mcast),
]

# --- EVPN instances of layer-2 VNIs -----------------------------------------------------------


def p_evpn(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.report.block(line)
    dispatch_children(ctx, line, EVPN_RULES, None)


def e_vni(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    vni = ctx.config.evpn_vnis.get(int(m.group(1)))
    if vni is None:
        vni = ctx.config.evpn_vnis[int(m.group(1))] = EvpnVni(vni=int(m.group(1)))
    vni.at(line.n)
    dispatch_children(ctx, line, EVPN_VNI_RULES, vni)


def ev_rd(ctx: Ctx, line: Line, m: re.Match[str], vni: EvpnVni) -> None:
    vni.rd = m.group(1)
    vni.at(line.n, "rd")


def ev_rt(ctx: Ctx, line: Line, m: re.Match[str], vni: EvpnVni) -> None:
    add_route_targets(vni, line, m.group(1), m.group(2))


EVPN_RULES: list[Rule] = [rule(r"vni (\d+) l2", e_vni)]

EVPN_VNI_RULES: list[Rule] = [
    rule(r"rd (\S+)", ev_rd),
    rule(r"route-target (import|export|both) (\S+)", ev_rt),
]

OVERLAY_TOP: list[Rule] = [
    rule(r"interface (nve\d+)", p_nve),
    rule(r"evpn", p_evpn),
    rule(
        r"nv overlay evpn",
        ignore="turns on EVPN as the VXLAN control plane; carried by each tunnel endpoint's "
        "`host-reachability protocol bgp`",
    ),
]

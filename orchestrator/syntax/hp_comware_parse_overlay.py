"""Comware 7 VXLAN with EVPN → the model's overlay (see `hp_comware_prepare_overlay`).

Comware has no tunnel-endpoint interface; the model's one endpoint (`nve1`) is put together
once the whole file is read: `l2vpn enable` switches it on, `tunnel global source-address` is
the address of its source interface, each VSI with a VXLAN is a layer-2 VNI (flooded by EVPN
when the VSI has an EVPN instance), and `l3-vni` on a VSI interface is the layer-3 VNI of the
VPN instance the interface is bound to.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import EvpnVni, Interface, Nve, NveVni, Vlan, Vrf
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule
from orchestrator.syntax.text import Line

NVE_NAME = "nve1"


def _later(ctx: Ctx) -> dict[str, Any]:
    found: dict[str, Any] = ctx.state.setdefault("overlay", {"vsis": [], "l3": []})
    return found


def t_l2vpn(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    _later(ctx)["l2vpn"] = line.n


def t_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    _later(ctx)["source"] = (m.group(1), line.n)


def p_vsi(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    vsi: dict[str, Any] = {"line": line.n, "vxlan": None, "evi": None, "arp": None}
    vsi["gateway"] = None
    for child in line.children:
        dispatch(ctx, child, VSI_RULES, vsi)
    _later(ctx)["vsis"].append(vsi)


def s_vxlan(ctx: Ctx, line: Line, m: re.Match[str], vsi: dict[str, Any]) -> None:
    vsi["vxlan"] = (int(m.group(1)), line.n)


def s_gateway(ctx: Ctx, line: Line, m: re.Match[str], vsi: dict[str, Any]) -> None:
    vsi["gateway"] = (int(m.group(1)), line.n)


def s_arp(ctx: Ctx, line: Line, m: re.Match[str], vsi: dict[str, Any]) -> None:
    vsi["arp"] = line.n


def s_evpn(ctx: Ctx, line: Line, m: re.Match[str], vsi: dict[str, Any]) -> None:
    evi = EvpnVni(vni=0)  # numbered once the VSI's VXLAN is known
    evi.at(line.n)
    for child in line.children:
        dispatch(ctx, child, EVPN_RULES, evi)
    vsi["evi"] = (evi, line.n)


def e_rd(ctx: Ctx, line: Line, m: re.Match[str], evi: EvpnVni) -> None:
    evi.rd = m.group(1)
    evi.at(line.n, "rd")


def e_target(ctx: Ctx, line: Line, m: re.Match[str], node: EvpnVni | Vrf) -> None:
    """`vpn-target T... [import-extcommunity|export-extcommunity|both]` (both by default)."""
    direction = m.group(2) or "both"
    names = (
        ("import_targets", "export_targets")
        if isinstance(node, EvpnVni)
        else ("evpn_import_targets", "evpn_export_targets")
    )
    for value in m.group(1).split():
        for word, name in zip(("import-extcommunity", "export-extcommunity"), names, strict=True):
            targets: list[str] = getattr(node, name)
            if direction in (word, "both") and value not in targets:
                targets.append(value)
                node.at(line.n, name)


def v_vni(ctx: Ctx, line: Line, m: re.Match[str], vlan: Vlan) -> None:
    """`vxlan vni N` in a VLAN: the VLAN is bridged into VXLAN N (VLAN-based assignment)."""
    vlan.vni = int(m.group(1))
    vlan.at(line.n, "vni")


def i_l3vni(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    _later(ctx)["l3"].append((ifc, int(m.group(1)), line.n))


def finish_overlay(ctx: Ctx) -> None:
    """Build the tunnel endpoint, the VNIs and the EVPN instances from the whole file."""
    later = _later(ctx)
    vsis, l3 = later["vsis"], later["l3"]
    if not (vsis or l3 or "source" in later):
        if "l2vpn" in later:
            ctx.report.ignored(later["l2vpn"], "L2VPN is switched on, but no VXLAN uses it")
        return
    nve = ctx.config.nve[NVE_NAME] = Nve(name=NVE_NAME, bgp_evpn=bool(vsis or l3))
    if "l2vpn" in later:
        nve.shutdown = False
        nve.at(later["l2vpn"])
        nve.at(later["l2vpn"], "shutdown")
    if "source" in later:
        address, n = later["source"]
        owner = _owner_of(ctx, address)
        if owner is None:
            ctx.report.unsupported(n, f"no interface has address {address}")
        else:
            nve.source_interface = owner
            nve.at(n, "source_interface")
    for vsi in vsis:
        if vsi["vxlan"] is None:
            ctx.report.unsupported(vsi["line"], "a VSI without a VXLAN is not translated")
            continue
        vni, n = vsi["vxlan"]
        member = nve.vnis[vni] = NveVni(vni=vni)
        member.at(vsi["line"])
        member.at(n)
        nve.at(n, "vnis")
        if vsi["evi"] is not None:
            evi, evpn_line = vsi["evi"]
            evi.vni = vni
            ctx.config.evpn_vnis[vni] = evi
            member.replication = "bgp"
            member.at(evpn_line, "replication")
            nve.at(evpn_line, "bgp_evpn")
        if vsi["arp"] is not None:
            member.suppress_arp = True
            member.at(vsi["arp"], "suppress_arp")
        if vsi["gateway"] is not None:
            # the model routes a VSI through the VSI interface numbered like its VLAN
            number, n = vsi["gateway"]
            vlan = ctx.config.vlans.get(number)
            if vlan is None or vlan.vni != vni:
                ctx.report.unsupported(
                    n, f"gateway interface {number} is not numbered like a VLAN of VXLAN {vni}"
                )
    for ifc, vni, n in l3:
        vrf = ctx.config.vrfs.get(ifc.vrf or "")
        if vrf is None:
            ctx.report.unsupported(n, "l3-vni on an interface bound to no VPN instance")
            continue
        vrf.vni = vni
        vrf.at(n, "vni")
        member = nve.vnis[vni] = NveVni(vni=vni, l3=True)
        member.at(n)
        nve.at(n, "bgp_evpn")


def _owner_of(ctx: Ctx, address: str) -> str | None:
    """The interface whose primary address is ``address`` (a loopback first)."""
    owners = [
        ifc
        for ifc in ctx.config.interfaces.values()
        if any(str(a.address.ip) == address and not a.secondary for a in ifc.ipv4)
    ]
    owners.sort(key=lambda i: i.kind != "loopback")
    return owners[0].name if owners else None


VSI_RULES: list[Rule] = [
    rule(r"vxlan (\d+)", s_vxlan),
    rule(r"evpn encapsulation vxlan", s_evpn),
    rule(r"arp suppression enable", s_arp),
    rule(r"gateway vsi-interface (\d+)", s_gateway),
]

EVPN_RULES: list[Rule] = [
    rule(r"route-distinguisher (\S+)", e_rd),
    rule(r"vpn-target (.+?)(?: (import-extcommunity|export-extcommunity|both))?", e_target),
]

OVERLAY_TOP: list[Rule] = [
    rule(r"l2vpn enable", t_l2vpn),
    # VLANs are bridged into VXLANs by `vxlan vni` in the VLAN view; this makes that work
    rule(r"vxlan vlan-based", lambda c, ln, m, s: None),
    rule(r"tunnel global source-address (\S+)", t_source),
    rule(r"vsi (\S+)", p_vsi),
]

VLAN_OVERLAY_RULES: list[Rule] = [rule(r"vxlan vni (\d+)", v_vni)]

INTERFACE_OVERLAY_RULES: list[Rule] = [
    rule(r"l3-vni (\d+)", i_l3vni),
    # a VSI gateway of a VPN instance with a layer-3 VNI routes locally (symmetric IRB)
    rule(r"distributed-gateway local", lambda c, ln, m, s: None),
]

"""VXLAN with BGP EVPN and M-LAG on VRP switches, read into the model (see
`huawei_render_overlay` for the mapping). The VTEP address, the EVPN switch and the layer-3
VNIs of VPN instances are settled once the whole file is read (`finish_overlay`).
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import EvpnVni, Interface, MlagDomain, Nve, NveVni, Vlan
from orchestrator.syntax.rules import Ctx
from orchestrator.syntax.text import Line


def _state(ctx: Ctx) -> dict[str, Any]:
    state: dict[str, Any] = ctx.state.setdefault(
        "overlay", {"evpn": None, "suppress": {}, "sources": {}, "peer_link": None}
    )
    return state


def p_evpn_overlay(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    _state(ctx)["evpn"] = line.n


def p_bridge_domain(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    vlan_id: int | None = None
    vni: int | None = None
    evpn_line: Line | None = None
    suppress: int | None = None
    for child in line.children:
        words = child.words
        if words[:3] == ["l2", "binding", "vlan"] and len(words) == 4:
            vlan_id = int(words[3])
        elif words[:2] == ["vxlan", "vni"] and len(words) == 3:
            vni = int(words[2])
        elif words == ["arp", "broadcast-suppress", "enable"]:
            suppress = child.n
        elif words == ["evpn"]:
            evpn_line = child
            continue
        else:
            ctx.report.unsupported(child, "bridge domain setting not translated")
            continue
        ctx.report.parsed(child)
    if vlan_id is None or vni is None:
        ctx.report.unsupported_tree(line, "a bridge domain without a VLAN and a VNI")
        return
    vlan = ctx.config.vlans.get(vlan_id)
    if vlan is None:
        vlan = ctx.config.vlans[vlan_id] = Vlan(id=vlan_id)
        vlan.at(line.n)
    vlan.vni = vni
    for child in (line, *line.children):
        if child is not evpn_line and child.words[:1] != ["arp"]:
            vlan.at(child.n, "vni")
    if suppress is not None:
        _state(ctx)["suppress"][vni] = suppress
    if evpn_line is not None:
        _evpn(ctx, evpn_line, vni)


def _evpn(ctx: Ctx, line: Line, vni: int) -> None:
    evpn = EvpnVni(vni=vni)
    evpn.at(line.n)
    ctx.config.evpn_vnis[vni] = evpn
    ctx.report.parsed(line)
    for child in line.children:
        words = child.words
        if words[0] == "route-distinguisher" and len(words) == 2:
            evpn.rd = words[1]
            evpn.at(child.n, "rd")
        elif words == ["vpn-target", "auto"]:
            evpn.import_targets, evpn.export_targets = ["auto"], ["auto"]
            evpn.at(child.n, "import_targets", "export_targets")
        elif words[0] == "vpn-target" and len(words) >= 2:
            kind = words[-1] if words[-1].endswith(("extcommunity", "both")) else "both"
            targets = words[1:-1] if kind == words[-1] else words[1:]
            if kind in ("export-extcommunity", "both"):
                evpn.export_targets += targets
                evpn.at(child.n, "export_targets")
            if kind in ("import-extcommunity", "both"):
                evpn.import_targets += targets
                evpn.at(child.n, "import_targets")
        else:
            ctx.report.unsupported(child, "EVPN instance setting not translated")
            continue
        ctx.report.parsed(child)


def p_nve(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    nve = Nve(name=f"Nve{m.group(1)}")
    nve.at(line.n)
    ctx.config.nve[nve.name] = nve
    for child in line.children:
        words = child.words
        if words[0] == "source" and len(words) == 2:
            _state(ctx)["sources"][nve.name] = (words[1], child.n)
        elif words[0] == "vni" and len(words) >= 3 and words[1].isdigit():
            vni = NveVni(vni=int(words[1]))
            vni.at(child.n)
            rest = words[2:]
            if rest == ["head-end", "peer-list", "protocol", "bgp"]:
                vni.replication = "bgp"
            elif rest[:2] == ["head-end", "peer-list"] and len(rest) > 2:
                vni.replication, vni.peers = "static", rest[2:]
            elif rest[:1] == ["mcast-group"] and len(rest) == 2:
                vni.replication, vni.mcast_group = "multicast", rest[1]
            else:
                ctx.report.unsupported(child, "NVE VNI setting not translated")
                continue
            nve.vnis[vni.vni] = vni
            nve.at(child.n, "vnis")
        elif words in (["shutdown"], ["undo", "shutdown"]):
            nve.shutdown = words == ["shutdown"]
            nve.at(child.n, "shutdown")
        else:
            ctx.report.unsupported(child, "NVE setting not translated")
            continue
        ctx.report.parsed(child)


def p_dfs_group(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    mlag = MlagDomain(domain=int(m.group(1)))
    mlag.at(line.n)
    ctx.config.mlag = mlag
    for child in line.children:
        found = re.fullmatch(
            r"dual-active detection source ip (\S+)(?: vpn-instance (\S+))? peer (\S+)", child.text
        )
        if found is not None:
            mlag.keepalive_source, mlag.keepalive_vrf = found.group(1), found.group(2)
            mlag.keepalive_destination = found.group(3)
            mlag.at(child.n, "keepalive_source", "keepalive_destination", "keepalive_vrf")
        elif child.words[:2] == ["m-lag", "up-delay"] and len(child.words) == 3:
            mlag.delay_restore = int(child.words[2])
            mlag.at(child.n, "delay_restore")
        else:
            ctx.report.unsupported(child, "DFS group setting not translated")
            continue
        ctx.report.parsed(child)


def i_peer_link(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    _state(ctx)["peer_link"] = (ifc.name, line.n)


def i_m_lag(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.mlag_id = int(m.group(1))
    ifc.at(line.n, "mlag_id")


def finish_overlay(ctx: Ctx) -> None:
    state = ctx.state.get("overlay")
    if state is None:
        return
    config = ctx.config
    addresses = {str(a.address.ip): i.name for i in config.interfaces.values() for a in i.ipv4}
    for name, (address, n) in state["sources"].items():
        found = addresses.get(address)
        if found is None:
            ctx.report.unsupported(n, "no interface holds the VTEP address")
            continue
        config.nve[name].source_interface = found
        config.nve[name].at(n, "source_interface")
    for nve in config.nve.values():
        if state["evpn"] is not None:
            nve.bgp_evpn = True
            nve.at(state["evpn"], "bgp_evpn")
        for vni, n in state["suppress"].items():
            if vni in nve.vnis:
                nve.vnis[vni].suppress_arp = True
                nve.vnis[vni].at(n, "suppress_arp")
        for vrf in config.vrfs.values():
            if vrf.vni is not None and vrf.vni not in nve.vnis:
                entry = NveVni(vni=vrf.vni, l3=True)
                entry.src = vrf.src
                nve.vnis[vrf.vni] = entry
    if state["evpn"] is not None and not config.nve:
        ctx.report.ignored(state["evpn"], "BGP EVPN with no VXLAN tunnel endpoint carries nothing")
    if state["peer_link"] is not None:
        name, n = state["peer_link"]
        if config.mlag is None:
            ctx.report.unsupported(n, "a peer link without a DFS group")
        else:
            config.mlag.peer_link = name
            config.mlag.at(n, "peer_link")


__all__ = [
    "finish_overlay",
    "i_m_lag",
    "i_peer_link",
    "p_bridge_domain",
    "p_dfs_group",
    "p_evpn_overlay",
    "p_nve",
]

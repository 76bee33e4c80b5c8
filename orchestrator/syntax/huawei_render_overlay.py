"""VXLAN with BGP EVPN and M-LAG on VRP switches (CloudEngine; S-series on VRP5).

A VLAN bridged into a VXLAN segment becomes a bridge domain of the same number bound to the VLAN
(`bridge-domain N`, `l2 binding vlan N`, `vxlan vni V`), whose EVPN instance holds the route
distinguisher and targets (`evpn`). The tunnel endpoint is `interface Nve1` with the VTEP
address (`source`, the address of the source interface), each layer-2 VNI's flooding list
(`vni V head-end peer-list ...`); a VRF's layer-3 VNI sits in its VPN instance (`vxlan vni`),
and BGP EVPN is switched on with `evpn-overlay enable`. An M-LAG pair is DFS group 1: the
heartbeat (`dual-active detection source ip ... peer ...`), the peer link (`peer-link 1`) and
each member LAG (`dfs-group 1 m-lag N`).
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, EvpnVni, Interface, Nve, item_key
from orchestrator.syntax.huawei_render_base import Writer

#: the one DFS group a CloudEngine switch has
DFS_GROUP = 1


def nve_address(config: DeviceConfig, nve: Nve) -> str | None:
    """The VTEP address: the first IPv4 address of the NVE's source interface."""
    ifc = config.interfaces.get(nve.source_interface or "")
    if ifc is None or not ifc.ipv4:
        return None
    return str(ifc.ipv4[0].address.ip)


def render_overlay(config: DeviceConfig, w: Writer) -> None:
    """Bridge domains and EVPN instances; the global EVPN switch."""
    evpn_families = [
        af for af in (config.bgp.address_families if config.bgp else []) if af.afi == "l2vpn-evpn"
    ]
    if any(nve.bgp_evpn for nve in config.nve.values()):
        w.line_multi("evpn-overlay enable", [(n, "bgp_evpn") for n in config.nve.values()])
        w.sep()
    elif evpn_families and not config.nve:  # a fabric route reflector: EVPN without a VTEP
        w.line_multi("evpn-overlay enable", [(af, "") for af in evpn_families])
        w.sep()
    suppress = {
        vni.vni: vni for nve in config.nve.values() for vni in nve.vnis.values() if not vni.l3
    }
    for vlan in sorted(config.vlans.values(), key=lambda v: v.id):
        if vlan.vni is None:
            continue
        with w.view(f"bridge-domain {vlan.id}", vlan, "vni"):
            w.line(f"l2 binding vlan {vlan.id}", vlan, "vni")
            w.line(f"vxlan vni {vlan.vni}", vlan, "vni")
            entry = suppress.get(vlan.vni)
            if entry is not None and entry.suppress_arp:
                w.line("arp broadcast-suppress enable", entry, "suppress_arp")
            evpn = config.evpn_vnis.get(vlan.vni)
            if evpn is not None:
                with w.view("evpn", evpn, "", "vni"):
                    _evpn(evpn, w)
        w.sep()
    for vni, evpn in config.evpn_vnis.items():
        if not any(v.vni == vni for v in config.vlans.values()):
            w.unsupported(evpn, reason="an EVPN instance of a VNI no VLAN is bridged into")


def _evpn(evpn: EvpnVni, w: Writer) -> None:
    if evpn.rd is not None:
        w.line(f"route-distinguisher {evpn.rd}", evpn, "rd")
    both = evpn.import_targets == evpn.export_targets == ["auto"]
    if both:
        w.line("vpn-target auto", evpn, "import_targets", "export_targets")
        return
    for field, word in (
        ("export_targets", "export-extcommunity"),
        ("import_targets", "import-extcommunity"),
    ):
        for target in getattr(evpn, field):
            w.line(f"vpn-target {target} {word}", evpn, item_key(field, target))


def render_nve(config: DeviceConfig, w: Writer) -> None:
    for nve in config.nve.values():
        address = nve_address(config, nve)
        with w.view(f"interface {nve.name}", nve, "", "name"):
            if address is not None:
                w.line(f"source {address}", nve, "source_interface")
            elif nve.source_interface is not None:
                w.unsupported(
                    nve, "source_interface", reason="the VTEP source interface has no address"
                )
            for vni in nve.vnis.values():
                if vni.l3:
                    vrf = [v for v in config.vrfs.values() if v.vni == vni.vni]
                    if vrf:
                        w.mark(vni, "", "vni", "l3")
                    else:
                        w.unsupported(vni, reason="a layer-3 VNI no VRF routes")
                    continue
                if vni.replication == "bgp":
                    w.line(f"vni {vni.vni} head-end peer-list protocol bgp", vni, "", "replication")
                elif vni.replication == "static" and vni.peers:
                    peers = " ".join(vni.peers)
                    w.line(
                        f"vni {vni.vni} head-end peer-list {peers}", vni, "", "replication", "peers"
                    )
                elif vni.replication == "multicast" and vni.mcast_group:
                    w.line(
                        f"vni {vni.vni} mcast-group {vni.mcast_group}",
                        vni,
                        "",
                        "replication",
                        "mcast_group",
                    )
                elif vni.replication is None:
                    w.mark(vni, "", "vni")
                else:
                    w.unsupported(vni, "replication", reason="flooding without a peer list")
            if nve.shutdown:
                w.line("shutdown", nve, "shutdown")
            elif nve.shutdown is False:
                w.ignore(nve, "shutdown", rule="an NVE interface is up unless shut down")
        w.sep()


def render_dfs(config: DeviceConfig, w: Writer) -> None:
    mlag = config.mlag
    if mlag is None:
        return
    with w.view(f"dfs-group {DFS_GROUP}", mlag, "", "domain"):
        if mlag.keepalive_source and mlag.keepalive_destination:
            vpn = f" vpn-instance {mlag.keepalive_vrf}" if mlag.keepalive_vrf else ""
            w.line(
                f"dual-active detection source ip {mlag.keepalive_source}{vpn} "
                f"peer {mlag.keepalive_destination}",
                mlag,
                "keepalive_source",
                "keepalive_destination",
                "keepalive_vrf",
            )
        if mlag.delay_restore is not None:
            w.line(f"m-lag up-delay {mlag.delay_restore}", mlag, "delay_restore")
    w.sep()
    reasons = {
        "role_priority": "DFS priority is compared the other way round (higher wins) on another "
        "scale: set it on both switches of the pair",
        "system_priority": "the pair's LACP system priority is not translated",
        "system_mac": "the pair's LACP system MAC is not translated",
        "peer_gateway": "routing frames sent to the peer's MAC is not translated",
        "arp_sync": "ARP synchronisation of the pair is not translated",
    }
    for field, reason in reasons.items():
        if getattr(mlag, field) not in (None, False):
            w.unsupported(mlag, field, reason=reason)
    if mlag.auto_recovery is not None:
        w.unsupported(mlag, "auto_recovery", reason="auto-recovery is not translated")
    if mlag.peer_link is not None:
        w.mark(mlag, "peer_link")  # written as `peer-link 1` in the Eth-Trunk


def dfs_interface_lines(config: DeviceConfig, ifc: Interface, w: Writer) -> None:
    """`peer-link 1` on the pair's LAG, `dfs-group 1 m-lag N` on a member LAG."""
    mlag = config.mlag
    if mlag is not None and mlag.peer_link == ifc.name:
        w.line(f"peer-link {DFS_GROUP}", mlag, "peer_link")
    if ifc.mlag_id is not None:
        if mlag is None:
            w.unsupported(ifc, "mlag_id", reason="an M-LAG member without an M-LAG pair")
        elif not 1 <= ifc.mlag_id <= 2048:
            w.unsupported(
                ifc,
                "mlag_id",
                reason="M-LAG numbers are 1-2048: number this leg the same on both switches",
            )
        else:
            w.line(f"dfs-group {DFS_GROUP} m-lag {ifc.mlag_id}", ifc, "mlag_id")


__all__ = [
    "DFS_GROUP",
    "dfs_interface_lines",
    "nve_address",
    "render_dfs",
    "render_nve",
    "render_overlay",
]

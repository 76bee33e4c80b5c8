"""Render the BGP process in Comware 7 syntax: globals, peers and groups, address families,
VPN instances."""

from __future__ import annotations

from orchestrator.model import Bgp, BgpPeer, DeviceConfig
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_common import write_secret
from orchestrator.syntax.hp_comware_render_bgp_af import render_family


def render_bgp(config: DeviceConfig, out: Emitter) -> None:
    bgp = config.bgp
    if bgp is None:
        return
    _path_mtu(config, bgp, out)
    out.plain("#")
    with out.view(f"bgp {bgp.asn}", bgp, "", "asn"):
        _bgp_globals(bgp, out)
        for group in bgp.peer_groups.values():
            kind = (
                ""
                if group.remote_as is None
                else (" internal" if group.remote_as == bgp.asn else " external")
            )
            internal = group.remote_as == bgp.asn
            out.emit(f" group {group.name}{kind}", group, "", *(("remote_as",) if internal else ()))
            _session(bgp, group.name, group, out)
        for prefix, group_name in bgp.listen_ranges:
            if prefix.version == 4 and group_name in bgp.peer_groups:
                # dynamic peers: sessions from the subnet join the group
                out.emit(
                    f" peer {prefix.network_address} {prefix.prefixlen} group {group_name}",
                    bgp,
                    "listen_ranges",
                )
            else:
                out.unsupported(
                    bgp, "listen_ranges", reason="dynamic peers join an IPv4 peer group"
                )
        for neighbor in bgp.neighbors.values():
            _session(bgp, neighbor.address, neighbor, out)
        for af in bgp.address_families:
            if af.vrf is None:
                render_family(bgp, af, " ", out)
        for vrf in bgp.vrfs.values():
            out.plain(" #")
            with out.view(f" ip vpn-instance {vrf.name}", vrf):
                if vrf.router_id is not None:
                    out.emit(f"  router-id {vrf.router_id}", vrf, "router_id")
                for neighbor in vrf.neighbors.values():
                    _session(bgp, neighbor.address, neighbor, out, "  ")
                for af in bgp.address_families:
                    if af.vrf == vrf.name:
                        render_family(bgp, af, "  ", out)


def _path_mtu(config: DeviceConfig, bgp: Bgp, out: Emitter) -> None:
    """Comware discovers the path MTU for every TCP connection or for none."""
    peers: list[BgpPeer] = [
        *bgp.peer_groups.values(),
        *bgp.neighbors.values(),
        *(n for vrf in bgp.vrfs.values() for n in vrf.neighbors.values()),
    ]
    on = [p for p in peers if p.path_mtu_discovery]
    off = [p for p in peers if p.path_mtu_discovery is False]
    for peer in off:
        if on:
            out.unsupported(
                peer, "path_mtu_discovery", reason="path-MTU discovery is on for every session"
            )
        else:
            out.ignore(peer, "path_mtu_discovery", rule="TCP path-MTU discovery is off by default")
    if not on:
        return
    out.plain("#")
    out.emit(" tcp path-mtu-discovery", on[0], "path_mtu_discovery")
    for peer in on:
        out.also(peer, "path_mtu_discovery")
        out.carried(
            peer,
            "path_mtu_discovery",
            note="Comware discovers the path MTU for every TCP connection of the box, not per peer",
        )


def _bgp_globals(bgp: Bgp, out: Emitter) -> None:
    e = out.emit
    if bgp.router_id is not None:
        e(f" router-id {bgp.router_id}", bgp, "router_id")
    if bgp.keepalive is not None and bgp.hold is not None:
        e(f" timer keepalive {bgp.keepalive} hold {bgp.hold}", bgp, "keepalive", "hold")
    elif bgp.keepalive is not None or bgp.hold is not None:
        out.unsupported(bgp, "keepalive", reason="Comware sets keepalive and hold together")
        out.unsupported(bgp, "hold", reason="Comware sets keepalive and hold together")
    if bgp.graceful_restart:
        e(" graceful-restart", bgp, "graceful_restart")
    elif bgp.graceful_restart is False:
        out.ignore(bgp, "graceful_restart", rule="BGP graceful restart is off by default")
    if bgp.log_neighbor_changes is not None:
        e(
            " log-peer-change" if bgp.log_neighbor_changes else " undo log-peer-change",
            bgp,
            "log_neighbor_changes",
        )
    if not bgp.default_ipv4_unicast:
        out.ignore(
            bgp,
            "default_ipv4_unicast",
            rule="Comware never activates a peer in an address family it was not enabled in",
        )
    if bgp.always_compare_med:
        e(" compare-different-as-med", bgp, "always_compare_med")
    if bgp.deterministic_med:
        e(" bestroute compare-med", bgp, "deterministic_med")
    if bgp.bestpath_compare_routerid:
        out.unsupported(
            bgp,
            "bestpath_compare_routerid",
            reason="Comware, like IOS by default, keeps the current best among eBGP routes from "
            "peers with different router IDs; it has no switch to compare router IDs instead",
        )
    if bgp.cluster_id is not None:
        e(f" reflector cluster-id {bgp.cluster_id}", bgp, "cluster_id")
    if bgp.confederation_id is not None:
        e(f" confederation id {bgp.confederation_id}", bgp, "confederation_id")
    if bgp.confederation_peers:
        e(f" confederation peer-as {' '.join(bgp.confederation_peers)}", bgp, "confederation_peers")
    if bgp.fast_external_fallover is not None:
        word = "" if bgp.fast_external_fallover else "undo "
        e(f" {word}ebgp-interface-sensitive", bgp, "fast_external_fallover")


def _session(bgp: Bgp, name: str, peer: BgpPeer, out: Emitter, indent: str = " ") -> None:
    head = f"{indent}peer {name}"
    e = out.emit
    out.mark(peer)  # every line names the peer
    group = getattr(peer, "peer_group", None)
    if group is not None and name != group:
        remote = f" as-number {peer.remote_as}" if peer.remote_as is not None else ""
        e(f"{head} group {group}{remote}", peer, "peer_group", "remote_as")
    elif peer.remote_as in ("internal", "external"):
        out.unsupported(peer, "remote_as", reason="Comware peers need an AS number")
    elif peer.remote_as is not None and not (name in bgp.peer_groups and peer.remote_as == bgp.asn):
        e(f"{head} as-number {peer.remote_as}", peer, "remote_as")
    if peer.description is not None:
        e(f"{head} description {peer.description}", peer, "description")
    if peer.update_source is not None:
        e(f"{head} connect-interface {peer.update_source}", peer, "update_source")
    if peer.ebgp_multihop is not None:
        e(f"{head} ebgp-max-hop {peer.ebgp_multihop}", peer, "ebgp_multihop")
    if peer.password is not None:
        e(f"{head} password {write_secret(peer.password)}", peer, "password")
    if peer.keepalive is not None and peer.hold is not None:
        e(f"{head} timer keepalive {peer.keepalive} hold {peer.hold}", peer, "keepalive", "hold")
    elif peer.keepalive is not None or peer.hold is not None:
        out.unsupported(peer, "keepalive", reason="Comware sets keepalive and hold together")
        out.unsupported(peer, "hold", reason="Comware sets keepalive and hold together")
    if peer.shutdown:
        e(f"{head} ignore", peer, "shutdown")
    if peer.bfd:
        e(f"{head} bfd", peer, "bfd")
    if peer.local_as is not None:
        e(f"{head} fake-as {peer.local_as}", peer, "local_as")
    if peer.ttl_security is not None:
        e(f"{head} ttl-security hops {peer.ttl_security}", peer, "ttl_security")

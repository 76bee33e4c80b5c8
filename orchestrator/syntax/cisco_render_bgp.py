"""Cisco IOS renderer: `router bgp` with peer groups, neighbors, address families and VRFs.

Sessions are written at the top of the process (peer groups first, so members can join them);
per-family settings inside `address-family` blocks. A neighbor is always activated explicitly,
which IOS reads the same with or without `bgp default ipv4-unicast`.
"""

from __future__ import annotations

from ipaddress import IPv4Network

from orchestrator.model import (
    Bgp,
    BgpAddressFamily,
    BgpAfPeer,
    BgpPeer,
    DeviceConfig,
    item_key,
)
from orchestrator.syntax.cisco_render_common import Writer, net_mask, secret
from orchestrator.syntax.cisco_render_routing import _redistribute

_AF_NAMES = {
    ("ipv4", "unicast"): "ipv4",
    ("ipv4", "multicast"): "ipv4 multicast",
    ("ipv6", "unicast"): "ipv6",
    ("vpnv4", "unicast"): "vpnv4",
    ("vpnv6", "unicast"): "vpnv6",
    ("l2vpn-evpn", "evpn"): "l2vpn evpn",
}


def render_bgp(w: Writer, config: DeviceConfig) -> None:
    bgp = config.bgp
    if bgp is None:
        return
    with w.view(f"router bgp {bgp.asn}", bgp, "asn"):
        _globals(w, bgp)
        for name, group in bgp.peer_groups.items():
            w.line(f" neighbor {name} peer-group", group, "name")
            _session(w, name, group)
        for address, neighbor in bgp.neighbors.items():
            _neighbor(w, address, neighbor)
        for prefix, group_name in bgp.listen_ranges:
            w.line(
                f" bgp listen range {prefix} peer-group {group_name}",
                bgp,
                item_key("listen_ranges", (prefix, group_name)),
            )
        w.done(bgp, "neighbors", "peer_groups", "address_families", "vrfs")
        for af in bgp.address_families:
            _family(w, bgp, af)
        for vrf in bgp.vrfs.values():
            if vrf.router_id is None and not vrf.neighbors:
                w.ignore(
                    vrf,
                    rule="a BGP VRF with no settings of its own: its address family stands for it",
                )
            elif not any(af.vrf == vrf.name for af in bgp.address_families):
                w.unsupported(vrf, reason="a BGP VRF with no address family")
            else:
                w.done(vrf, "name", "neighbors")
    w.plain("!")


def _globals(w: Writer, bgp: Bgp) -> None:
    if bgp.router_id is not None:
        w.line(f" bgp router-id {bgp.router_id}", bgp, "router_id")
    if bgp.log_neighbor_changes is not None:
        prefix = " " if bgp.log_neighbor_changes else " no "
        w.line(f"{prefix}bgp log-neighbor-changes", bgp, "log_neighbor_changes")
    if not bgp.default_ipv4_unicast:
        w.line(" no bgp default ipv4-unicast", bgp, "default_ipv4_unicast")
    flags = (
        ("always_compare_med", "bgp always-compare-med"),
        ("deterministic_med", "bgp deterministic-med"),
        ("bestpath_as_path_multipath_relax", "bgp bestpath as-path multipath-relax"),
        ("bestpath_compare_routerid", "bgp bestpath compare-routerid"),
    )
    for field, text in flags:
        if getattr(bgp, field):
            w.line(f" {text}", bgp, field)
    if bgp.graceful_restart is not None:
        prefix = " " if bgp.graceful_restart else " no "
        w.line(f"{prefix}bgp graceful-restart", bgp, "graceful_restart")
    if bgp.fast_external_fallover is not None:
        prefix = " " if bgp.fast_external_fallover else " no "
        w.line(f"{prefix}bgp fast-external-fallover", bgp, "fast_external_fallover")
    if bgp.confederation_id is not None:
        w.line(f" bgp confederation identifier {bgp.confederation_id}", bgp, "confederation_id")
    if bgp.confederation_peers:
        w.line(
            " bgp confederation peers " + " ".join(bgp.confederation_peers),
            bgp,
            "confederation_peers",
        )
    if bgp.cluster_id is not None:
        w.line(f" bgp cluster-id {bgp.cluster_id}", bgp, "cluster_id")
    if bgp.keepalive is not None and bgp.hold is not None:
        w.line(f" timers bgp {bgp.keepalive} {bgp.hold}", bgp, "keepalive", "hold")
    elif bgp.keepalive is not None or bgp.hold is not None:
        w.unsupported(bgp, "keepalive", "hold", reason="IOS sets BGP keepalive and hold together")


def _neighbor(w: Writer, address: str, neighbor: BgpPeer, indent: str = " ") -> None:
    if neighbor.remote_as is None and neighbor.peer_group is None:
        w.unsupported(neighbor, reason="a neighbor with neither remote AS nor peer group")
        return
    w.done(neighbor, "address")
    if neighbor.remote_as is not None:
        w.line(f"{indent}neighbor {address} remote-as {neighbor.remote_as}", neighbor, "remote_as")
    if neighbor.peer_group is not None:
        w.line(
            f"{indent}neighbor {address} peer-group {neighbor.peer_group}", neighbor, "peer_group"
        )
    _session(w, address, neighbor, skip_remote_as=True, indent=indent)


def _session(
    w: Writer, name: str, peer: BgpPeer, skip_remote_as: bool = False, indent: str = " "
) -> None:
    head = f"{indent}neighbor {name}"
    if peer.remote_as is not None and not skip_remote_as:
        w.line(f"{head} remote-as {peer.remote_as}", peer, "remote_as")
    if peer.peer_group is not None and not skip_remote_as:
        w.unsupported(peer, "peer_group", reason="IOS peer groups do not nest")
    texts = (
        ("description", "description {}"),
        ("local_as", "local-as {}"),
        ("update_source", "update-source {}"),
        ("ebgp_multihop", "ebgp-multihop {}"),
        ("ttl_security", "ttl-security hops {}"),
    )
    for field, text in texts:
        value = getattr(peer, field)
        if value is not None:
            w.line(f"{head} " + text.format(value), peer, field)
    if peer.password is not None:
        w.line(f"{head} password 0 {secret(peer.password)}", peer, "password")
    if peer.keepalive is not None and peer.hold is not None:
        w.line(f"{head} timers {peer.keepalive} {peer.hold}", peer, "keepalive", "hold")
    elif peer.keepalive is not None or peer.hold is not None:
        w.unsupported(peer, "keepalive", "hold", reason="IOS sets keepalive and hold together")
    if peer.bfd:
        w.line(f"{head} fall-over bfd", peer, "bfd")
    if peer.fall_over_bfd:
        if peer.bfd:
            w.done(peer, "fall_over_bfd")
        else:
            w.unsupported(peer, "fall_over_bfd", reason="written as BFD for the session")
    if peer.shutdown:
        w.line(f"{head} shutdown", peer, "shutdown")


def _family(w: Writer, bgp: Bgp, af: BgpAddressFamily) -> None:
    name = _AF_NAMES.get((af.afi, af.safi))
    if name is None:
        w.unsupported(af, reason=f"BGP family {af.afi} {af.safi} has no IOS form")
        return
    vrf = f" vrf {af.vrf}" if af.vrf else ""
    with w.view(f" address-family {name}{vrf}", af, "afi", "safi", "vrf"):
        if af.vrf is not None and af.vrf in bgp.vrfs:
            bgp_vrf = bgp.vrfs[af.vrf]
            if bgp_vrf.router_id is not None:
                w.line(f"  bgp router-id {bgp_vrf.router_id}", bgp_vrf, "router_id")
            for address, neighbor in bgp_vrf.neighbors.items():
                _neighbor(w, address, neighbor, indent="  ")
        _family_body(w, af)
        defined = _defined(w, bgp, af.vrf)
        for peer_name, peer in af.peers.items():
            if peer_name in defined:
                _af_peer(w, peer_name, peer)
            else:
                w.unsupported(
                    peer, reason=f"settings of neighbor {peer_name}, which IOS cannot define"
                )
        w.done(af, "peers")
        w.plain(" exit-address-family")


def _defined(w: Writer, bgp: Bgp, vrf: str | None) -> set[str]:
    """The neighbors and peer groups written in the session part (IOS needs them first)."""
    if vrf is None:
        table = bgp.neighbors
    else:
        table = bgp.vrfs[vrf].neighbors if vrf in bgp.vrfs else {}
    dropped = set(w.out.result.dropped)
    return {a for a, n in table.items() if (id(n), "") not in dropped} | set(bgp.peer_groups)


def _family_body(w: Writer, af: BgpAddressFamily) -> None:
    if af.synchronization is not None:
        prefix = "  " if af.synchronization else "  no "
        w.line(f"{prefix}synchronization", af, "synchronization")
    if af.auto_summary is not None:
        prefix = "  " if af.auto_summary else "  no "
        w.line(f"{prefix}auto-summary", af, "auto_summary")
    if af.dampening:
        params = " " + " ".join(str(v) for v in af.dampening_params) if af.dampening_params else ""
        w.line(f"  bgp dampening{params}", af, "dampening", "dampening_params")
    if af.additional_paths_select is not None:
        w.line(
            f"  bgp additional-paths select {af.additional_paths_select}",
            af,
            "additional_paths_select",
        )
    if af.additional_paths_send or af.additional_paths_receive:
        words = [
            w_
            for w_, on in (
                ("send", af.additional_paths_send),
                ("receive", af.additional_paths_receive),
            )
            if on
        ]
        w.line(
            "  bgp additional-paths " + " ".join(words),
            af,
            "additional_paths_send",
            "additional_paths_receive",
        )
    for item in af.networks:
        if isinstance(item.prefix, IPv4Network):
            text = f"  network {item.prefix.network_address} mask {item.prefix.netmask}"
        else:
            text = f"  network {item.prefix.with_prefixlen}"
        text += f" route-map {item.route_map}" if item.route_map else ""
        text += " backdoor" if item.backdoor else ""
        w.item(text, item, "prefix", "route_map", "backdoor")
    for agg in af.aggregates:
        if isinstance(agg.prefix, IPv4Network):
            text = f"  aggregate-address {net_mask(agg.prefix)}"
        else:
            text = f"  aggregate-address {agg.prefix.with_prefixlen}"
        text += " as-set" if agg.as_set else ""
        text += " summary-only" if agg.summary_only else ""
        w.item(text, agg, "prefix", "as_set", "summary_only")
    for redistribution in af.redistribute:
        _redistribute(w, redistribution, indent="  ")
    w.done(af, "networks", "aggregates", "redistribute")
    if af.default_information_originate:
        w.line("  default-information originate", af, "default_information_originate")
    for field, word in (
        ("maximum_paths", "maximum-paths"),
        ("maximum_paths_ibgp", "maximum-paths ibgp"),
        ("maximum_paths_eibgp", "maximum-paths eibgp"),
    ):
        value = getattr(af, field)
        if value is not None:
            w.line(f"  {word} {value}", af, field)
    if af.distance is not None:
        w.line("  distance bgp {} {} {}".format(*af.distance), af, "distance")


def _af_peer(w: Writer, name: str, peer: BgpAfPeer) -> None:
    head = f"  neighbor {name}"
    w.line(
        f"{head} activate" if peer.activate else f"  no neighbor {name} activate", peer, "activate"
    )
    if peer.send_community is not None:
        word = "" if peer.send_community == "standard" else f" {peer.send_community}"
        w.line(f"{head} send-community{word}", peer, "send_community")
    texts = (
        ("route_reflector_client", "route-reflector-client"),
        ("next_hop_self", "next-hop-self"),
        ("remove_private_as", "remove-private-as"),
        ("as_override", "as-override"),
        ("soft_reconfiguration", "soft-reconfiguration inbound"),
    )
    for field, text in texts:
        if getattr(peer, field):
            w.line(f"{head} {text}", peer, field)
    if peer.default_originate:
        rmap = peer.default_originate_route_map
        text = f"{head} default-originate" + (f" route-map {rmap}" if rmap else "")
        w.line(text, peer, "default_originate", "default_originate_route_map")
    elif peer.default_originate_route_map is not None:
        w.unsupported(
            peer,
            "default_originate_route_map",
            reason="a default-route map without default-originate",
        )
    if peer.allowas_in is not None:
        count = f" {peer.allowas_in}" if peer.allowas_in else ""
        w.line(f"{head} allowas-in{count}", peer, "allowas_in")
    if peer.weight is not None:
        w.line(f"{head} weight {peer.weight}", peer, "weight")
    if peer.maximum_prefix is not None:
        threshold = (
            f" {peer.maximum_prefix_threshold}" if peer.maximum_prefix_threshold is not None else ""
        )
        if peer.maximum_prefix_restart is not None:
            tail = f" restart {peer.maximum_prefix_restart}"
        else:
            tail = " warning-only" if peer.maximum_prefix_warning_only else ""
        w.line(
            f"{head} maximum-prefix {peer.maximum_prefix}{threshold}{tail}",
            peer,
            "maximum_prefix",
            "maximum_prefix_warning_only",
            "maximum_prefix_threshold",
            "maximum_prefix_restart",
        )
    for field, word in (
        ("route_map", "route-map"),
        ("prefix_list", "prefix-list"),
        ("filter_list", "filter-list"),
    ):
        for direction in ("in", "out"):
            value = getattr(peer, f"{field}_{direction}")
            if value is not None:
                w.line(f"{head} {word} {value} {direction}", peer, f"{field}_{direction}")
    if peer.unsuppress_map is not None:
        w.line(f"{head} unsuppress-map {peer.unsuppress_map}", peer, "unsuppress_map")
    if peer.advertise_additional_paths:
        w.line(
            f"{head} advertise additional-paths " + " ".join(peer.advertise_additional_paths),
            peer,
            "advertise_additional_paths",
        )

"""VRP BGP: sessions in the `bgp` view, policy per address family view."""

from __future__ import annotations

from ipaddress import IPv4Network

from orchestrator.model import Bgp, BgpAddressFamily, BgpAfPeer, BgpPeer, BgpPeerGroup
from orchestrator.syntax.huawei_common import secret_text
from orchestrator.syntax.huawei_render_base import Writer
from orchestrator.syntax.huawei_render_routing import _import_route

_FAMILY_VIEWS = {
    ("ipv4", "unicast"): "ipv4-family unicast",
    ("ipv4", "multicast"): "ipv4-family multicast",
    ("vpnv4", "unicast"): "ipv4-family vpnv4",
    ("ipv6", "unicast"): "ipv6-family unicast",
    ("vpnv6", "unicast"): "ipv6-family vpnv6",
    ("l2vpn-evpn", "evpn"): "l2vpn-family evpn",
}


def render_bgp(bgp: Bgp, w: Writer) -> None:
    with w.view(f"bgp {bgp.asn}", bgp, "", "asn"):
        _globals(bgp, w)
        for group in bgp.peer_groups.values():
            _group(bgp, group, w)
        for neighbor in bgp.neighbors.values():
            if neighbor.remote_as is not None:
                w.line(
                    f"peer {neighbor.address} as-number {neighbor.remote_as}",
                    neighbor,
                    "",
                    "address",
                    "remote_as",
                )
            if neighbor.peer_group is not None:
                w.line(
                    f"peer {neighbor.address} group {neighbor.peer_group}",
                    neighbor,
                    "" if neighbor.remote_as is None else "peer_group",
                    "peer_group",
                )
            if neighbor.remote_as is None and neighbor.peer_group is None:
                w.unsupported(neighbor, reason="a BGP peer needs an AS number or a group")
                continue
            _session(neighbor.address, neighbor, w)
        vrf_families = {af.vrf: af for af in bgp.address_families if af.vrf is not None}
        for af in bgp.address_families:
            if af.vrf is not None:
                continue
            view = _FAMILY_VIEWS.get((af.afi, af.safi))
            if view is None:
                w.unsupported(af, reason=f"BGP {af.afi} {af.safi} is not translated")
                continue
            w.sep()
            with w.view(view, af, "", "afi", "safi"):
                _family(bgp, af, w)
        for name in sorted(set(bgp.vrfs) | set(vrf_families)):
            w.sep()
            vrf = bgp.vrfs.get(name)
            vrf_af = vrf_families.get(name)
            node = vrf_af if vrf_af is not None else vrf
            with w.view(f"ipv4-family vpn-instance {name}", node, "", "afi", "safi", "vrf"):
                if vrf is not None:
                    w.mark(vrf, "", "name")
                    if vrf.router_id:
                        w.line(f"router-id {vrf.router_id}", vrf, "router_id")
                    for neighbor in vrf.neighbors.values():
                        if neighbor.remote_as is None:
                            w.unsupported(neighbor, reason="a VPN peer needs an AS number")
                            continue
                        w.line(
                            f"peer {neighbor.address} as-number {neighbor.remote_as}",
                            neighbor,
                            "",
                            "address",
                            "remote_as",
                        )
                        if neighbor.peer_group is not None:
                            w.unsupported(
                                neighbor,
                                "peer_group",
                                reason="peer groups of a VPN instance are not translated",
                            )
                        _session(neighbor.address, neighbor, w)
                if vrf_af is not None:
                    _family(bgp, vrf_af, w)


def _globals(bgp: Bgp, w: Writer) -> None:
    if bgp.router_id:
        w.line(f"router-id {bgp.router_id}", bgp, "router_id")
    if not bgp.default_ipv4_unicast:
        w.line("undo default ipv4-unicast", bgp, "default_ipv4_unicast")
    for field, text in (
        ("always_compare_med", "compare-different-as-med"),
        ("deterministic_med", "deterministic-med"),
        ("bestpath_as_path_multipath_relax", "load-balancing as-path-ignore"),
    ):
        if getattr(bgp, field):
            w.line(text, bgp, field)
    if bgp.graceful_restart:
        w.line("graceful-restart", bgp, "graceful_restart")
    elif bgp.graceful_restart is False:
        w.ignore(bgp, "graceful_restart", rule="BGP graceful restart is off by default")
    if bgp.confederation_id:
        w.line(f"confederation id {bgp.confederation_id}", bgp, "confederation_id")
    if bgp.confederation_peers:
        w.line(
            f"confederation peer-as {' '.join(bgp.confederation_peers)}", bgp, "confederation_peers"
        )
    if bgp.cluster_id:
        w.line(f"reflector cluster-id {bgp.cluster_id}", bgp, "cluster_id")
    if bgp.keepalive is not None and bgp.hold is not None:
        w.line(f"timer keepalive {bgp.keepalive} hold {bgp.hold}", bgp, "keepalive", "hold")
    if bgp.log_neighbor_changes:
        w.ignore(bgp, "log_neighbor_changes", rule="VRP logs BGP neighbour changes by default")
    elif bgp.log_neighbor_changes is False:
        w.unsupported(bgp, "log_neighbor_changes", reason="VRP always logs neighbour changes")
    if bgp.fast_external_fallover:
        w.ignore(
            bgp,
            "fast_external_fallover",
            rule="VRP resets eBGP sessions on link down by default (ebgp-interface-sensitive)",
        )


def _group(bgp: Bgp, group: BgpPeerGroup, w: Writer) -> None:
    kind = ""
    if group.remote_as == bgp.asn:
        kind = " internal"
    elif group.remote_as == "external" or (group.remote_as and group.remote_as != "internal"):
        kind = " external"
    elif group.remote_as == "internal":
        kind = " internal"
    w.line(
        f"group {group.name}{kind}",
        group,
        "",
        "name",
        *(("remote_as",) if kind == " internal" else ()),
    )
    if group.remote_as not in (None, "internal", "external", bgp.asn):
        w.line(f"peer {group.name} as-number {group.remote_as}", group, "remote_as")
    else:
        w.mark(group, "remote_as")
        if group.remote_as == "internal":
            w.change(group, "remote_as", note="an internal group has the local AS number")
    if group.peer_group is not None:
        w.unsupported(group, "peer_group", reason="groups of groups do not exist on VRP")
    _session(group.name, group, w)


def _session(name: str, peer: BgpPeer, w: Writer) -> None:
    if peer.description is not None:
        w.line(f"peer {name} description {peer.description}", peer, "description")
    if peer.update_source is not None:
        w.line(f"peer {name} connect-interface {peer.update_source}", peer, "update_source")
    if peer.ebgp_multihop is not None:
        w.line(f"peer {name} ebgp-max-hop {peer.ebgp_multihop}", peer, "ebgp_multihop")
    if peer.password is not None:
        w.line(f"peer {name} password cipher {secret_text(peer.password)}", peer, "password")
    if peer.keepalive is not None and peer.hold is not None:
        w.line(
            f"peer {name} timer keepalive {peer.keepalive} hold {peer.hold}",
            peer,
            "keepalive",
            "hold",
        )
    if peer.shutdown:
        w.line(f"peer {name} ignore", peer, "shutdown")
    if peer.local_as is not None:
        w.line(f"peer {name} fake-as {peer.local_as}", peer, "local_as")
    if peer.path_mtu_discovery:
        w.line(f"peer {name} path-mtu auto-discovery", peer, "path_mtu_discovery")
    elif peer.path_mtu_discovery is False:
        w.ignore(
            peer,
            "path_mtu_discovery",
            rule="VRP sizes BGP segments without path-MTU discovery unless told",
        )
    if peer.bfd or peer.fall_over_bfd:
        w.line(f"peer {name} bfd enable", peer, "bfd", "fall_over_bfd")
        if peer.fall_over_bfd and not peer.bfd:
            w.change(peer, "fall_over_bfd", note="VRP tears the session down when BFD fails")
    if peer.ttl_security is not None:
        w.line(f"peer {name} valid-ttl-hops {peer.ttl_security}", peer, "ttl_security")
    if peer.bfd_interval is not None:
        tx, rx, multiplier = peer.bfd_interval
        w.line(
            f"peer {name} bfd min-tx-interval {tx} min-rx-interval {rx} "
            f"detect-multiplier {multiplier}",
            peer,
            "bfd_interval",
        )


def _family(bgp: Bgp, af: BgpAddressFamily, w: Writer) -> None:
    vrp8 = w.platform.vpn_ipv4_family
    if af.synchronization is False:
        if vrp8:
            w.ignore(af, "synchronization", rule="VRP8 has no BGP synchronization")
        else:
            w.line("undo synchronization", af, "synchronization")
    elif af.synchronization:
        w.unsupported(af, "synchronization", reason="BGP-IGP synchronization is not translated")
    if af.auto_summary:
        w.line("summary automatic", af, "auto_summary")
    elif af.auto_summary is False:
        w.ignore(af, "auto_summary", rule="VRP does not summarise automatically")
    if af.dampening and af.dampening_params is None:
        w.line("dampening", af, "dampening")
    elif af.dampening:
        w.unsupported(
            af,
            "dampening",
            "dampening_params",
            reason="VRP's fourth dampening "
            "value is a penalty ceiling, not a suppress time: set it by hand",
        )
    if af.default_information_originate:
        w.line("default-route imported", af, "default_information_originate")
    if af.advertise_evpn:
        if af.vrf is not None:
            w.line("advertise l2vpn evpn", af, "advertise_evpn")
        else:
            w.unsupported(af, "advertise_evpn", reason="EVPN type-5 routes come from a VPN")
    if af.retain_route_target_all:
        w.line("undo policy vpn-target", af, "retain_route_target_all")
    if af.distance is not None:
        w.line(f"preference {af.distance[0]} {af.distance[1]} {af.distance[2]}", af, "distance")
    for field, word in (("maximum_paths", "ebgp"), ("maximum_paths_ibgp", "ibgp")):
        value = getattr(af, field)
        if value is None:
            continue
        if af.afi == "l2vpn-evpn":
            w.unsupported(af, field, reason="VRP balances EVPN routes in the VPN instances")
        else:
            w.line(f"maximum load-balancing {word} {value}", af, field)
    if af.maximum_paths_eibgp is not None:
        if af.vrf is not None:
            w.line(
                f"maximum load-balancing eibgp {af.maximum_paths_eibgp}", af, "maximum_paths_eibgp"
            )
        else:
            w.unsupported(
                af,
                "maximum_paths_eibgp",
                reason="VRP balances across eBGP and iBGP paths in VPN instances only",
            )
    _add_path(af, w)
    for net in af.networks:
        policy = f" route-policy {net.route_map}" if net.route_map else ""
        mask = net.prefix.netmask if isinstance(net.prefix, IPv4Network) else net.prefix.prefixlen
        w.line(
            f"network {net.prefix.network_address} {mask}{policy}", net, "", "prefix", "route_map"
        )
        if net.backdoor:
            w.unsupported(net, "backdoor", reason="BGP backdoor routes are not translated")
    for agg in af.aggregates:
        words = [f"aggregate {agg.prefix.network_address} {agg.prefix.netmask}"]
        if agg.as_set:
            words.append("as-set")
        if agg.summary_only:
            words.append("detail-suppressed")
        w.line(" ".join(words), agg, "", "prefix", "summary_only", "as_set")
    for item in af.redistribute:
        _import_route(item, w, "med", ospf=False)
    for name, peer in af.peers.items():
        _af_peer(bgp, af, name, peer, w)


def _af_peer(bgp: Bgp, af: BgpAddressFamily, name: str, peer: BgpAfPeer, w: Writer) -> None:
    default_on = af.afi == "ipv4" and af.safi == "unicast" and af.vrf is None
    if peer.activate:
        w.line(f"peer {name} enable", peer, "", "activate")
    elif default_on and bgp.default_ipv4_unicast:
        w.line(f"undo peer {name} enable", peer, "", "activate")
    else:
        w.mark(peer, "", "activate")
    for field, word, direction in (
        ("route_map_in", "route-policy", "import"),
        ("route_map_out", "route-policy", "export"),
        ("prefix_list_in", "ip-prefix", "import"),
        ("prefix_list_out", "ip-prefix", "export"),
        ("filter_list_in", "as-path-filter", "import"),
        ("filter_list_out", "as-path-filter", "export"),
    ):
        value = getattr(peer, field)
        if value is not None:
            w.line(f"peer {name} {word} {value} {direction}", peer, field)
    for field, word in (
        ("next_hop_self", "next-hop-local"),
        ("route_reflector_client", "reflect-client"),
        ("soft_reconfiguration", "keep-all-routes"),
        ("remove_private_as", "public-as-only"),
        ("as_override", "substitute-as"),
    ):
        if getattr(peer, field):
            w.line(f"peer {name} {word}", peer, field)
    if peer.send_community in ("standard", "both"):
        w.line(f"peer {name} advertise-community", peer, "send_community")
    if peer.send_community in ("extended", "both"):
        w.line(f"peer {name} advertise-ext-community", peer, "send_community")
    if peer.default_originate:
        policy = (
            f" route-policy {peer.default_originate_route_map}"
            if peer.default_originate_route_map
            else ""
        )
        w.line(
            f"peer {name} default-route-advertise{policy}",
            peer,
            "default_originate",
            "default_originate_route_map",
        )
    if peer.maximum_prefix is not None:
        # without a keyword VRP brings the session back after 30 s; the source keeps it
        # down until it is cleared (idle-forever) or until its restart timer runs out
        threshold = peer.maximum_prefix_threshold
        text = f"peer {name} route-limit {peer.maximum_prefix}"
        text += f" {threshold}" if threshold is not None else ""
        if peer.maximum_prefix_warning_only:
            text += " alert-only"
        elif peer.maximum_prefix_restart is not None:
            text += f" idle-timeout {peer.maximum_prefix_restart}"
        else:
            text += " idle-forever"
        w.line(
            text,
            peer,
            "maximum_prefix",
            "maximum_prefix_warning_only",
            "maximum_prefix_threshold",
            "maximum_prefix_restart",
        )
    if peer.allowas_in is not None:
        count = f" {peer.allowas_in}" if peer.allowas_in else ""
        w.line(f"peer {name} allow-as-loop{count}", peer, "allowas_in")
        if not peer.allowas_in:
            w.change(
                peer,
                "allowas_in",
                note="VRP accepts the local AS once by default (Cisco three times)",
            )
    if peer.weight is not None:
        w.line(f"peer {name} preferred-value {peer.weight}", peer, "weight")
    if peer.advertise_additional_paths:
        paths = _path_count(peer.advertise_additional_paths)
        if paths is None:
            w.unsupported(
                peer,
                "advertise_additional_paths",
                reason="VRP advertises up to N paths per prefix (`advertise add-path "
                "path-number N`); "
                + " ".join(peer.advertise_additional_paths)
                + " has no such form",
            )
        else:
            w.line(
                f"peer {name} advertise add-path path-number {paths}",
                peer,
                "advertise_additional_paths",
            )
    if peer.unsuppress_map is not None:
        w.unsupported(peer, "unsuppress_map", reason="unsuppress maps are not translated")


def _path_count(paths: list[str]) -> int | None:
    """`best N` (2-64), the one ADD-PATH form VRP has."""
    if len(paths) != 1 or not paths[0].startswith("best "):
        return None
    count = paths[0][5:]
    return int(count) if count.isdigit() and 2 <= int(count) <= 64 else None


def _add_path(af: BgpAddressFamily, w: Writer) -> None:
    """ADD-PATH: paths selected per family; the capability is negotiated per peer on VRP."""
    if af.additional_paths_select is not None:
        count = _path_count([af.additional_paths_select])
        if count is None:
            w.unsupported(
                af,
                "additional_paths_select",
                reason=f"VRP selects 2-64 paths; {af.additional_paths_select} has no form",
            )
        else:
            w.line(f"bestroute add-path path-number {count}", af, "additional_paths_select")
    send, receive = af.additional_paths_send, af.additional_paths_receive
    if not (send or receive):
        return
    mode = "both" if send and receive else "send" if send else "receive"
    fields = [
        f
        for f, on in (("additional_paths_send", send), ("additional_paths_receive", receive))
        if on
    ]
    peers = [name for name, peer in af.peers.items() if peer.activate]
    if not peers:
        w.unsupported(af, *fields, reason="VRP negotiates ADD-PATH per peer; this family has none")
        return
    for name in peers:
        w.line(f"peer {name} capability-advertise add-path {mode}", af, *fields)
    w.change(af, *fields, note="VRP negotiates ADD-PATH with each peer of the family")

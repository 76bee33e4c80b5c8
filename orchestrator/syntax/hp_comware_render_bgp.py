"""Render the BGP process in Comware 7 syntax: globals, peers and groups, address families,
VPN instances."""

from __future__ import annotations

from orchestrator.model import Bgp, BgpAddressFamily, BgpAfPeer, BgpPeer, DeviceConfig
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_common import (
    add_sources,
    carried,
    drop,
    drop_node,
    sweep,
    write_secret,
)
from orchestrator.syntax.hp_comware_render_routing import import_route


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
                drop(out, bgp, "listen_ranges", "dynamic peers join an IPv4 peer group")
        for neighbor in bgp.neighbors.values():
            _session(bgp, neighbor.address, neighbor, out)
        for af in bgp.address_families:
            if af.vrf is None:
                _family(bgp, af, " ", out)
        for vrf in bgp.vrfs.values():
            out.plain(" #")
            with out.view(f" ip vpn-instance {vrf.name}", vrf):
                if vrf.router_id is not None:
                    out.emit(f"  router-id {vrf.router_id}", vrf, "router_id")
                for neighbor in vrf.neighbors.values():
                    _session(bgp, neighbor.address, neighbor, out, "  ")
                for af in bgp.address_families:
                    if af.vrf == vrf.name:
                        _family(bgp, af, "  ", out)
            sweep(out, vrf, ("name", "router_id", "neighbors"), "BGP VPN instance")


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
            drop(out, peer, "path_mtu_discovery", "path-MTU discovery is on for every session")
        else:
            out.ignore(peer, "path_mtu_discovery", rule="TCP path-MTU discovery is off by default")
    if not on:
        return
    out.plain("#")
    out.emit(" tcp path-mtu-discovery", on[0], "path_mtu_discovery")
    for peer in on:
        add_sources(out, peer, "path_mtu_discovery")
        carried(
            out,
            peer,
            "path_mtu_discovery",
            "Comware discovers the path MTU for every TCP connection of the box, not per peer",
        )


def _bgp_globals(bgp: Bgp, out: Emitter) -> None:
    e = out.emit
    if bgp.router_id is not None:
        e(f" router-id {bgp.router_id}", bgp, "router_id")
    if bgp.keepalive is not None and bgp.hold is not None:
        e(f" timer keepalive {bgp.keepalive} hold {bgp.hold}", bgp, "keepalive", "hold")
    elif bgp.keepalive is not None or bgp.hold is not None:
        drop(out, bgp, "keepalive", "Comware sets keepalive and hold together")
        drop(out, bgp, "hold", "Comware sets keepalive and hold together")
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
        drop(
            out,
            bgp,
            "bestpath_compare_routerid",
            "Comware, like IOS by default, keeps the current best among eBGP routes from "
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
    handled = (
        "asn",
        "router_id",
        "keepalive",
        "hold",
        "graceful_restart",
        "log_neighbor_changes",
        "default_ipv4_unicast",
        "always_compare_med",
        "deterministic_med",
        "cluster_id",
        "confederation_id",
        "confederation_peers",
        "fast_external_fallover",
        "neighbors",
        "peer_groups",
        "address_families",
        "vrfs",
        "bestpath_as_path_multipath_relax",
        "listen_ranges",
        "bestpath_compare_routerid",
    )
    sweep(out, bgp, handled, "BGP")


def _session(bgp: Bgp, name: str, peer: BgpPeer, out: Emitter, indent: str = " ") -> None:
    head = f"{indent}peer {name}"
    e = out.emit
    group = getattr(peer, "peer_group", None)
    if group is not None and name != group:
        remote = f" as-number {peer.remote_as}" if peer.remote_as is not None else ""
        e(f"{head} group {group}{remote}", peer, "peer_group", "remote_as")
    elif peer.remote_as in ("internal", "external"):
        drop(out, peer, "remote_as", "Comware peers need an AS number")
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
        drop(out, peer, "keepalive", "Comware sets keepalive and hold together")
        drop(out, peer, "hold", "Comware sets keepalive and hold together")
    if peer.shutdown:
        e(f"{head} ignore", peer, "shutdown")
    if peer.bfd:
        e(f"{head} bfd", peer, "bfd")
    if peer.local_as is not None:
        e(f"{head} fake-as {peer.local_as}", peer, "local_as")
    if peer.ttl_security is not None:
        e(f"{head} ttl-security hops {peer.ttl_security}", peer, "ttl_security")
    sweep(
        out,
        peer,
        (
            "address",
            "name",
            "remote_as",
            "description",
            "update_source",
            "ebgp_multihop",
            "password",
            "keepalive",
            "hold",
            "shutdown",
            "bfd",
            "local_as",
            "ttl_security",
            "peer_group",
            "fall_over_bfd",
            "path_mtu_discovery",
        ),
        "BGP peer",
    )


_AF_HEADERS = {
    ("ipv4", "unicast"): "ipv4 unicast",
    ("ipv6", "unicast"): "ipv6 unicast",
    ("ipv4", "multicast"): "ipv4 multicast",
    ("vpnv4", "vpn"): "vpnv4",
    ("vpnv6", "vpn"): "vpnv6",
    ("l2vpn-evpn", "evpn"): "l2vpn evpn",
}


def _family(bgp: Bgp, af: BgpAddressFamily, indent: str, out: Emitter) -> None:
    header = _AF_HEADERS.get((af.afi, af.safi))
    if header is None:
        drop_node(out, af, f"address family {af.afi} {af.safi} is not translated")
        return
    out.plain(f"{indent}#")
    inner = indent + " "
    e = out.emit
    with out.view(f"{indent}address-family {header}", af):
        if (
            af.afi == "ipv4"
            and af.safi == "unicast"
            and af.vrf is None
            and (bgp.bestpath_as_path_multipath_relax)
        ):
            e(f"{inner}balance as-path-relax", bgp, "bestpath_as_path_multipath_relax")
        if af.maximum_paths is not None and af.maximum_paths == af.maximum_paths_ibgp:
            e(f"{inner}balance {af.maximum_paths}", af, "maximum_paths", "maximum_paths_ibgp")
        else:
            for word, name in (("ebgp", "maximum_paths"), ("ibgp", "maximum_paths_ibgp")):
                if getattr(af, name) is not None:
                    e(f"{inner}balance {word} {getattr(af, name)}", af, name)
        if af.maximum_paths_eibgp is not None:
            e(f"{inner}balance eibgp {af.maximum_paths_eibgp}", af, "maximum_paths_eibgp")
        if af.distance is not None:
            e(f"{inner}preference {' '.join(str(d) for d in af.distance)}", af, "distance")
        if af.default_information_originate:
            e(f"{inner}default-route imported", af, "default_information_originate")
        if af.auto_summary:
            e(f"{inner}summary automatic", af, "auto_summary")
        elif af.auto_summary is False:
            out.ignore(af, "auto_summary", rule="Comware does not summarise automatically")
        if af.synchronization is False:
            out.ignore(af, "synchronization", rule="Comware has no BGP-IGP synchronisation")
        elif af.synchronization:
            drop(out, af, "synchronization", "Comware has no BGP-IGP synchronisation")
        if af.dampening and af.dampening_params is None:
            e(f"{inner}dampening", af, "dampening")
        elif af.dampening:
            drop(
                out,
                af,
                "dampening_params",
                "Comware dampening takes two half-lives and a penalty ceiling, not IOS parameters",
            )
            e(f"{inner}dampening", af, "dampening")
        for network in af.networks:
            mask = (
                network.prefix.netmask
                if network.prefix.version == 4
                else (network.prefix.prefixlen)
            )
            policy = f" route-policy {network.route_map}" if network.route_map else ""
            e(f"{inner}network {network.prefix.network_address} {mask}{policy}", network)
            sweep(out, network, ("prefix", "route_map"), "BGP network")
        for aggregate in af.aggregates:
            mask = (
                aggregate.prefix.netmask
                if aggregate.prefix.version == 4
                else (aggregate.prefix.prefixlen)
            )
            text = f"{inner}aggregate {aggregate.prefix.network_address} {mask}"
            if aggregate.as_set:
                text += " as-set"
            if aggregate.summary_only:
                text += " detail-suppressed"
            e(text, aggregate)
        for entry in af.redistribute:
            imported = import_route(entry, "med", out)
            if imported is not None:
                e(inner + imported, entry)
        select = af.additional_paths_select
        if select is not None and select.startswith("best "):
            e(
                f"{inner}additional-paths select-best {select.split()[1]}",
                af,
                "additional_paths_select",
            )
        elif select is not None:
            drop(
                out,
                af,
                "additional_paths_select",
                f"Comware selects the best N paths, not {select}",
            )
        _evpn_lines(af, inner, out)
        caps = [
            w
            for w, f in (("receive", "additional_paths_receive"), ("send", "additional_paths_send"))
            if getattr(af, f)
        ]
        if caps and not af.peers:
            for name in ("additional_paths_receive", "additional_paths_send"):
                drop(out, af, name, "Comware enables ADD-PATH per peer; this family has none")
            caps = []
        for name, peer in af.peers.items():
            _af_peer(f"{inner}peer {name}", peer, out)
            if caps:
                e(
                    f"{inner}peer {name} additional-paths {' '.join(caps)}",
                    af,
                    "additional_paths_receive",
                    "additional_paths_send",
                )
    sweep(
        out,
        af,
        (
            "afi",
            "safi",
            "vrf",
            "networks",
            "aggregates",
            "redistribute",
            "peers",
            "maximum_paths",
            "maximum_paths_ibgp",
            "maximum_paths_eibgp",
            "distance",
            "default_information_originate",
            "auto_summary",
            "synchronization",
            "dampening",
            "dampening_params",
            "additional_paths_select",
            "additional_paths_send",
            "additional_paths_receive",
            "advertise_evpn",
            "retain_route_target_all",
        ),
        "BGP address family",
    )


def _evpn_lines(af: BgpAddressFamily, inner: str, out: Emitter) -> None:
    """EVPN type-5 advertisement of a VPN instance; keeping routes no VPN instance imports."""
    if af.advertise_evpn:
        if af.vrf is not None and af.afi in ("ipv4", "ipv6") and af.safi == "unicast":
            out.emit(f"{inner}advertise l2vpn evpn", af, "advertise_evpn")
        else:
            drop(out, af, "advertise_evpn", "only a VPN instance's routes go out as EVPN routes")
    if af.retain_route_target_all:
        if af.afi in ("vpnv4", "vpnv6", "l2vpn-evpn"):
            out.emit(f"{inner}undo policy vpn-target", af, "retain_route_target_all")
        else:
            drop(
                out,
                af,
                "retain_route_target_all",
                "route target filtering applies to VPN and EVPN families only",
            )


def _af_peer(head: str, peer: BgpAfPeer, out: Emitter) -> None:
    e = out.emit
    if peer.activate:
        e(f"{head} enable", peer, "", "activate")
    for name, word, direction in (
        ("route_map_in", "route-policy", "import"),
        ("route_map_out", "route-policy", "export"),
        ("prefix_list_in", "prefix-list", "import"),
        ("prefix_list_out", "prefix-list", "export"),
        ("filter_list_in", "as-path-acl", "import"),
        ("filter_list_out", "as-path-acl", "export"),
    ):
        value = getattr(peer, name)
        if value is not None:
            e(f"{head} {word} {value} {direction}", peer, name)
    for name, word in (
        ("next_hop_self", "next-hop-local"),
        ("route_reflector_client", "reflect-client"),
        ("soft_reconfiguration", "keep-all-routes"),
        ("remove_private_as", "public-as-only"),
        ("as_override", "substitute-as"),
    ):
        if getattr(peer, name):
            e(f"{head} {word}", peer, name)
    if peer.send_community in ("standard", "both"):
        e(f"{head} advertise-community", peer, "send_community")
    if peer.send_community in ("extended", "both"):
        e(f"{head} advertise-ext-community", peer, "send_community")
    if peer.default_originate:
        policy = peer.default_originate_route_map
        text = f"{head} default-route-advertise" + (f" route-policy {policy}" if policy else "")
        e(text, peer, "default_originate", "default_originate_route_map")
    if peer.maximum_prefix is not None:
        alert = " alert-only" if peer.maximum_prefix_warning_only else ""
        e(
            f"{head} route-limit {peer.maximum_prefix}{alert}",
            peer,
            "maximum_prefix",
            "maximum_prefix_warning_only",
        )
    if peer.allowas_in is not None:
        e(f"{head} allow-as-loop {peer.allowas_in}", peer, "allowas_in")
    if peer.weight is not None:
        e(f"{head} preferred-value {peer.weight}", peer, "weight")
    for value in peer.advertise_additional_paths:
        if value.startswith("best "):
            e(f"{head} advertise additional-paths {value}", peer, "advertise_additional_paths")
        else:
            drop(
                out,
                peer,
                "advertise_additional_paths",
                f"Comware advertises the best N paths, not {value}",
            )
            break
    sweep(
        out,
        peer,
        (
            "activate",
            "route_map_in",
            "route_map_out",
            "prefix_list_in",
            "prefix_list_out",
            "filter_list_in",
            "filter_list_out",
            "next_hop_self",
            "route_reflector_client",
            "send_community",
            "soft_reconfiguration",
            "default_originate",
            "default_originate_route_map",
            "maximum_prefix",
            "maximum_prefix_warning_only",
            "allowas_in",
            "remove_private_as",
            "weight",
            "as_override",
            "advertise_additional_paths",
        ),
        "BGP peer",
    )

"""Render the address families of Comware 7 BGP: their settings and their peers' policies."""

from __future__ import annotations

from orchestrator.model import Bgp, BgpAddressFamily, BgpAfPeer
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_render_routing import import_route

_AF_HEADERS = {
    ("ipv4", "unicast"): "ipv4 unicast",
    ("ipv6", "unicast"): "ipv6 unicast",
    ("ipv4", "multicast"): "ipv4 multicast",
    ("vpnv4", "vpn"): "vpnv4",
    ("vpnv6", "vpn"): "vpnv6",
    ("l2vpn-evpn", "evpn"): "l2vpn evpn",
}


def render_family(bgp: Bgp, af: BgpAddressFamily, indent: str, out: Emitter) -> None:
    header = _AF_HEADERS.get((af.afi, af.safi))
    if header is None:
        out.unsupported(af, reason=f"address family {af.afi} {af.safi} is not translated")
        return
    out.plain(f"{indent}#")
    inner = indent + " "
    e = out.emit
    with out.view(f"{indent}address-family {header}", af):
        out.mark(af, "afi", "safi", "vrf")
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
            out.unsupported(af, "synchronization", reason="Comware has no BGP-IGP synchronisation")
        if af.dampening and af.dampening_params is None:
            e(f"{inner}dampening", af, "dampening")
        elif af.dampening:
            out.unsupported(
                af,
                "dampening_params",
                reason="Comware dampening takes two half-lives and a penalty ceiling, "
                "not IOS parameters",
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
            out.mark(network, "prefix", "route_map")
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
            out.mark(aggregate, "prefix", "as_set", "summary_only")
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
            out.unsupported(
                af,
                "additional_paths_select",
                reason=f"Comware selects the best N paths, not {select}",
            )
        _evpn_lines(af, inner, out)
        caps = [
            w
            for w, f in (("receive", "additional_paths_receive"), ("send", "additional_paths_send"))
            if getattr(af, f)
        ]
        if caps and not af.peers:
            for name in ("additional_paths_receive", "additional_paths_send"):
                out.unsupported(
                    af, name, reason="Comware enables ADD-PATH per peer; this family has none"
                )
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


def _evpn_lines(af: BgpAddressFamily, inner: str, out: Emitter) -> None:
    """EVPN type-5 advertisement of a VPN instance; keeping routes no VPN instance imports."""
    if af.advertise_evpn:
        if af.vrf is not None and af.afi in ("ipv4", "ipv6") and af.safi == "unicast":
            out.emit(f"{inner}advertise l2vpn evpn", af, "advertise_evpn")
        else:
            out.unsupported(
                af, "advertise_evpn", reason="only a VPN instance's routes go out as EVPN routes"
            )
    if af.retain_route_target_all:
        if af.afi in ("vpnv4", "vpnv6", "l2vpn-evpn"):
            out.emit(f"{inner}undo policy vpn-target", af, "retain_route_target_all")
        else:
            out.unsupported(
                af,
                "retain_route_target_all",
                reason="route target filtering applies to VPN and EVPN families only",
            )


def _af_peer(head: str, peer: BgpAfPeer, out: Emitter) -> None:
    e = out.emit
    out.mark(peer)  # every line names the peer
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
        # Comware 7: route-limit N [ alert-only | reconnect MINUTES ] [ PERCENT ]
        action = ""
        if peer.maximum_prefix_warning_only:
            action = " alert-only"
        elif peer.maximum_prefix_restart is not None:
            action = f" reconnect {peer.maximum_prefix_restart}"
        threshold = peer.maximum_prefix_threshold
        e(
            f"{head} route-limit {peer.maximum_prefix}{action}"
            + (f" {threshold}" if threshold is not None else ""),
            peer,
            "maximum_prefix",
            "maximum_prefix_warning_only",
            "maximum_prefix_restart",
            "maximum_prefix_threshold",
        )
    if peer.allowas_in is not None:
        e(f"{head} allow-as-loop {peer.allowas_in}", peer, "allowas_in")
    if peer.weight is not None:
        e(f"{head} preferred-value {peer.weight}", peer, "weight")
    for value in peer.advertise_additional_paths:
        if value.startswith("best "):
            e(f"{head} advertise additional-paths {value}", peer, "advertise_additional_paths")
        else:
            out.unsupported(
                peer,
                "advertise_additional_paths",
                reason=f"Comware advertises the best N paths, not {value}",
            )
            break

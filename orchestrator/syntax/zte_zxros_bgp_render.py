"""ZXROS BGP rendering: `router bgp` with IPv4 unicast settings at the top, other families and
VRFs in `address-family` views ([REF], [CTN]); the parser is `zte_zxros_bgp`."""

from __future__ import annotations

from orchestrator.model import BgpAddressFamily, BgpAfPeer, BgpNeighbor, BgpPeer, DeviceConfig
from orchestrator.syntax.rules import prefixlen_to_mask
from orchestrator.syntax.zte_zxros_common import Writer, all_fields, quote, write_secret
from orchestrator.syntax.zte_zxros_ospf_render import render_redistribution

#: per-family neighbor flags: ZXROS words → model field
PEER_FLAGS = {
    "next-hop-self": "next_hop_self",
    "route-reflector-client": "route_reflector_client",
    "remove-private-as": "remove_private_as",
    "as-override": "as_override",
}


def render_bgp(w: Writer, config: DeviceConfig) -> None:
    bgp = config.bgp
    if bgp is None:
        return
    out = w.out
    with w.section("bgp"), w.view(f"router bgp {bgp.asn}", bgp):
        if bgp.router_id:
            w.line(f"bgp router-id {bgp.router_id}", bgp, "router_id")
        for flag, word in (
            ("graceful_restart", "bgp graceful-restart"),
            ("always_compare_med", "bgp always-compare-med"),
            ("deterministic_med", "bgp deterministic-med"),
        ):
            if getattr(bgp, flag):
                w.line(word, bgp, flag)
        if bgp.graceful_restart is False:
            out.ignore(bgp, "graceful_restart", rule="BGP graceful restart is off by default")
        if not bgp.default_ipv4_unicast:
            w.line("no bgp default ipv4-unicast", bgp, "default_ipv4_unicast")
        if bgp.cluster_id:
            w.line(f"bgp cluster-id {bgp.cluster_id}", bgp, "cluster_id")
        if bgp.confederation_id:
            w.line(f"bgp confederation identifier {bgp.confederation_id}", bgp, "confederation_id")
        if bgp.confederation_peers:
            w.line(
                "bgp confederation peers " + " ".join(bgp.confederation_peers),
                bgp,
                "confederation_peers",
            )
        if bgp.keepalive is not None and bgp.hold is not None:
            w.line(f"timers bgp {bgp.keepalive} {bgp.hold}", bgp, "keepalive", "hold")
        if bgp.log_neighbor_changes is not None:
            out.ignore(
                bgp,
                "log_neighbor_changes",
                rule="logging preference only: ZXROS records BGP session changes in its alarm log",
            )
        if bgp.fast_external_fallover is not None:
            out.unsupported(bgp, "fast_external_fallover", reason="fast external fallover")
        if bgp.bestpath_as_path_multipath_relax:
            out.unsupported(bgp, "bestpath_as_path_multipath_relax", reason="multipath relax")
        for group in bgp.peer_groups.values():
            w.line(f"neighbor {group.name} peer-group", group)
            _render_session(w, group.name, group)
        for neighbor in bgp.neighbors.values():
            _render_session(w, neighbor.address, neighbor)
        main = next(
            (
                f
                for f in bgp.address_families
                if f.afi == "ipv4" and f.safi == "unicast" and f.vrf is None
            ),
            None,
        )
        if main is not None:
            _render_family_body(w, main)
            out.default(main, rule="ZXROS writes IPv4 unicast settings at the top of router bgp")
        vrf_names = list(bgp.vrfs) + [
            f.vrf for f in bgp.address_families if f.vrf and f.vrf not in bgp.vrfs
        ]
        for family in bgp.address_families:
            if family is main or family.vrf is not None:
                continue
            words = {"vpn": family.afi, "evpn": "l2vpn evpn"}.get(family.safi, family.afi)
            if family.safi == "multicast":
                out.unsupported(family, *all_fields(family), reason="multicast BGP")
                continue
            with w.view(f"address-family {words}", family):
                out.mark(family, "afi", "safi")
                _render_family_body(w, family)
        for vrf in vrf_names:
            holder = bgp.vrfs.get(vrf)
            vrf_family = next((f for f in bgp.address_families if f.vrf == vrf), None)
            with w.view(f"address-family ipv4 vrf {vrf}", holder or vrf_family):
                out.mark(vrf_family, "afi", "safi", "vrf")
                if holder is not None:
                    if not holder.neighbors and not holder.router_id:
                        out.ignore(holder, "", rule="the VRF's BGP settings are its family below")
                    if holder.router_id:
                        out.unsupported(holder, "router_id", reason="per-VRF BGP router ID")
                    for neighbor in holder.neighbors.values():
                        _render_session(w, neighbor.address, neighbor)
                if vrf_family is not None:
                    _render_family_body(w, vrf_family)


def _render_session(w: Writer, name: str, p: BgpPeer) -> None:
    out = w.out
    pre = f"neighbor {name}"
    out.mark(p)  # every line names the neighbor
    if p.remote_as is not None:
        if p.remote_as in ("internal", "external"):
            out.unsupported(p, "remote_as", reason=f"remote-as {p.remote_as}")
        else:
            w.line(f"{pre} remote-as {p.remote_as}", p, "remote_as")
    if isinstance(p, BgpNeighbor) and p.peer_group:
        w.line(f"{pre} peer-group {p.peer_group}", p, "peer_group")
    if p.description is not None:
        w.line(f"{pre} description {quote(p.description)}", p, "description")
    if p.update_source is not None:
        w.line(f"{pre} update-source {p.update_source}", p, "update_source")
    if p.ebgp_multihop is not None:
        w.line(f"{pre} ebgp-multihop {p.ebgp_multihop}", p, "ebgp_multihop")
    if p.password is not None:
        w.line(f"{pre} password {write_secret(p.password)}", p, "password")
    if p.keepalive is not None and p.hold is not None:
        w.line(f"{pre} timers {p.keepalive} {p.hold}", p, "keepalive", "hold")
    if p.shutdown:
        w.line(f"{pre} shutdown", p, "shutdown")
    if p.local_as is not None:
        w.line(f"{pre} local-as {p.local_as}", p, "local_as")
    if p.fall_over_bfd:
        w.line(f"{pre} fall-over bfd", p, "fall_over_bfd")
    if p.bfd:
        out.unsupported(p, "bfd", reason="BGP BFD: ZXROS spelling not confirmed")
    if p.ttl_security is not None:
        out.unsupported(p, "ttl_security", reason="BGP TTL security is not translated")


def _render_family_body(w: Writer, f: BgpAddressFamily) -> None:
    out = w.out
    for net in f.networks:
        rm = f" route-map {net.route_map}" if net.route_map else ""
        if net.prefix.version == 4:
            w.item(
                f"network {net.prefix.network_address} "
                f"{prefixlen_to_mask(net.prefix.prefixlen)}{rm}",
                net,
                "prefix",
                "route_map",
            )
        else:
            out.unsupported(net, *all_fields(net), reason="IPv6 BGP networks are not translated")
        if net.backdoor:
            out.unsupported(net, "backdoor", reason="backdoor networks")
    for agg in f.aggregates:
        if agg.prefix.version != 4:
            out.unsupported(agg, *all_fields(agg), reason="IPv6 aggregates are not translated")
            continue
        mask = prefixlen_to_mask(agg.prefix.prefixlen)
        text = f"aggregate-address {agg.prefix.network_address} {mask}"
        text += " as-set" if agg.as_set else ""
        text += " summary-only" if agg.summary_only else ""
        w.item(text, agg, "prefix", "as_set", "summary_only")
    for r in f.redistribute:
        render_redistribution(w, r, ospf_target=False)
    if f.dampening:
        params = " ".join(map(str, f.dampening_params)) if f.dampening_params else ""
        w.line(f"bgp dampening {params}".strip(), f, "dampening", "dampening_params")
    if f.synchronization is False:
        w.line("synchronization disable", f, "synchronization")
    elif f.synchronization:
        out.unsupported(f, "synchronization", reason="BGP synchronization")
    if f.auto_summary is not None:
        if f.auto_summary:
            out.unsupported(f, "auto_summary", reason="classful auto-summary")
        else:
            out.ignore(f, "auto_summary", rule="ZXROS BGP never summarises to classful networks")
    if f.maximum_paths is not None:
        w.line(f"maximum-paths {f.maximum_paths}", f, "maximum_paths")
    if f.maximum_paths_ibgp is not None:
        w.line(f"maximum-paths ibgp {f.maximum_paths_ibgp}", f, "maximum_paths_ibgp")
    for name in ("default_information_originate", "distance"):
        if getattr(f, name):
            out.unsupported(f, name, reason=f"BGP {name.replace('_', ' ')} is not translated")
    for name, peer in f.peers.items():
        _render_af_peer(w, name, peer)


def _render_af_peer(w: Writer, name: str, p: BgpAfPeer) -> None:
    pre = f"neighbor {name}"
    w.line(f"{pre} activate" if p.activate else f"no {pre} activate", p, "activate")
    for field, word in (
        ("route_map", "route-map"),
        ("prefix_list", "prefix-list"),
        ("filter_list", "filter-list"),
    ):
        for direction in ("in", "out"):
            value = getattr(p, f"{field}_{direction}")
            if value is not None:
                w.line(f"{pre} {word} {value} {direction}", p, f"{field}_{direction}")
    for word, field in PEER_FLAGS.items():
        if getattr(p, field):
            w.line(f"{pre} {word}", p, field)
    if p.send_community is not None:
        extra = "" if p.send_community == "standard" else f" {p.send_community}"
        w.line(f"{pre} send-community{extra}", p, "send_community")
    if p.soft_reconfiguration:
        w.line(f"{pre} soft-reconfiguration inbound", p, "soft_reconfiguration")
    if p.default_originate:
        rm = f" route-map {p.default_originate_route_map}" if p.default_originate_route_map else ""
        w.line(
            f"{pre} default-originate{rm}", p, "default_originate", "default_originate_route_map"
        )
    if p.maximum_prefix is not None:
        warn = " warning-only" if p.maximum_prefix_warning_only else ""
        w.line(
            f"{pre} maximum-prefix {p.maximum_prefix}{warn}",
            p,
            "maximum_prefix",
            "maximum_prefix_warning_only",
        )
    if p.allowas_in is not None:
        count = f" {p.allowas_in}" if p.allowas_in else ""
        w.line(f"{pre} allowas-in{count}", p, "allowas_in")
    if p.weight is not None:
        w.line(f"{pre} weight {p.weight}", p, "weight")
    if p.unsuppress_map is not None:
        w.out.unsupported(p, "unsuppress_map", reason="unsuppress maps are not translated")

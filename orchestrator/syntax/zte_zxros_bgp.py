"""ZXROS BGP: IPv4 unicast at the top of `router bgp`, other families in `address-family` views."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from orchestrator.model import (
    Bgp,
    BgpAddressFamily,
    BgpAfPeer,
    BgpAggregate,
    BgpNeighbor,
    BgpNetwork,
    BgpPeer,
    BgpPeerGroup,
    DeviceConfig,
)
from orchestrator.syntax.rules import (
    Ctx,
    mask_to_prefixlen,
    network,
    prefixlen_to_mask,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import (
    Writer,
    all_fields,
    ifname,
    quote,
    read_secret,
    unquote,
    write_secret,
)
from orchestrator.syntax.zte_zxros_ospf import parse_redistribution, render_redistribution


def _set(node: Any, line: Line, name: str, value: object) -> None:
    setattr(node, name, value)
    node.at(line.n, name)


_PEER_FLAGS = {
    "next-hop-self": "next_hop_self",
    "route-reflector-client": "route_reflector_client",
    "remove-private-as": "remove_private_as",
    "as-override": "as_override",
}


def p_bgp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    bgp = ctx.config.bgp or Bgp(asn=m.group(1))
    ctx.config.bgp = bgp
    bgp.at(line.n)
    for child in line.children:
        af = re.fullmatch(
            r"address-family (ipv4|ipv6|vpnv4|vpnv6|l2vpn evpn)(?: (unicast))?"
            r"(?: vrf (\S+))?",
            child.text,
        )
        if af:
            ctx.report.parsed(child)
            afi = af.group(1).replace("l2vpn evpn", "l2vpn-evpn")
            safi = {"vpnv4": "vpn", "vpnv6": "vpn", "l2vpn-evpn": "evpn"}.get(afi, "unicast")
            family = bgp.family(afi, safi, af.group(3))
            family.at(child.n)
            bgp.at(child.n, "address_families")
            for grand in child.children:
                _bgp_statement(ctx, grand, bgp, lambda f=family: f)  # type: ignore[misc]
        else:
            _bgp_statement(ctx, child, bgp, bgp.family)


def _peer(bgp: Bgp, family: BgpAddressFamily, name: str, line: Line) -> BgpPeer:
    vrf = family.vrf
    if vrf is not None:
        holder = bgp.vrfs.get(vrf)
        if holder is None:
            from orchestrator.model import BgpVrf

            holder = bgp.vrfs[vrf] = BgpVrf(name=vrf)
            holder.at(line.n)
        found = holder.neighbors.get(name)
        if found is None:
            found = holder.neighbors[name] = BgpNeighbor(address=name)
            found.at(line.n)
            holder.at(line.n, "neighbors")
        return found
    if name in bgp.peer_groups:
        return bgp.peer_groups[name]
    found = bgp.neighbors.get(name)
    if found is None:
        found = bgp.neighbors[name] = BgpNeighbor(address=name)
        found.at(line.n)
        bgp.at(line.n, "neighbors")
    return found


def _af_peer(family: BgpAddressFamily, name: str, line: Line) -> BgpAfPeer:
    found = family.peers.get(name)
    if found is None:
        found = family.peers[name] = BgpAfPeer()
        found.at(line.n)
        family.at(line.n, "peers")
    return found


def _bgp_statement(
    ctx: Ctx, line: Line, bgp: Bgp, family_of: Callable[[], BgpAddressFamily]
) -> None:
    """One statement of `router bgp` or of an address family (created only when needed)."""
    words = line.words
    text = line.text
    ctx.report.parsed(line)
    if words[0] == "neighbor" and len(words) >= 3:
        _neighbor(ctx, line, bgp, family_of, words[1], words[2:])
        return
    if words[:2] == ["bgp", "dampening"] and len(words) in (2, 6):
        family = family_of()
        _set(family, line, "dampening", True)
        if len(words) == 6:
            a, b, c, d = (int(w) for w in words[2:])
            _set(family, line, "dampening_params", (a, b, c, d))
        return
    if words[0] in ("bgp", "timers") or text == "no bgp default ipv4-unicast":
        _bgp_global(ctx, line, bgp)
        return
    family = family_of()
    if words[0] == "no" and words[1:2] == ["neighbor"] and words[3:] == ["activate"]:
        _set(_af_peer(family, words[2], line), line, "activate", False)
    elif words[0] == "network" and len(words) >= 3:
        prefix = network(f"{words[1]}/{mask_to_prefixlen(words[2])}")
        net = BgpNetwork(prefix=prefix, route_map=words[4] if words[3:4] == ["route-map"] else None)
        net.at(line.n)
        family.networks.append(net)
        family.at(line.n, "networks")
    elif words[0] == "aggregate-address" and len(words) >= 3:
        agg = BgpAggregate(
            prefix=network(f"{words[1]}/{mask_to_prefixlen(words[2])}"),
            summary_only="summary-only" in words,
            as_set="as-set" in words,
        )
        agg.at(line.n)
        family.aggregates.append(agg)
        family.at(line.n, "aggregates")
    elif words[0] == "redistribute":
        parse_redistribution(ctx, line, words[1:], family.redistribute, family)
    elif text == "synchronization disable":
        _set(family, line, "synchronization", False)
    elif words[0] == "maximum-paths" and words[1:2] == ["ibgp"]:
        _set(family, line, "maximum_paths_ibgp", int(words[2]))
    elif words[0] == "maximum-paths":
        _set(family, line, "maximum_paths", int(words[1]))
    else:
        ctx.report.unsupported(line, "BGP statement not translated")


def _bgp_global(ctx: Ctx, line: Line, bgp: Bgp) -> None:
    words, text = line.words, line.text
    if words[:2] == ["bgp", "router-id"]:
        _set(bgp, line, "router_id", words[2])
    elif text == "bgp graceful-restart":
        _set(bgp, line, "graceful_restart", True)
    elif text == "bgp always-compare-med":
        _set(bgp, line, "always_compare_med", True)
    elif text == "bgp deterministic-med":
        _set(bgp, line, "deterministic_med", True)
    elif text == "no bgp default ipv4-unicast":
        _set(bgp, line, "default_ipv4_unicast", False)
    elif words[:2] == ["bgp", "cluster-id"]:
        _set(bgp, line, "cluster_id", words[2])
    elif words[:3] == ["bgp", "confederation", "identifier"]:
        _set(bgp, line, "confederation_id", words[3])
    elif words[:3] == ["bgp", "confederation", "peers"]:
        bgp.confederation_peers.extend(words[3:])
        bgp.at(line.n, "confederation_peers")
    elif words[:2] == ["timers", "bgp"] and len(words) == 4:
        bgp.keepalive, bgp.hold = int(words[2]), int(words[3])
        bgp.at(line.n, "keepalive", "hold")
    else:
        ctx.report.unsupported(line, "BGP statement not translated")


def _neighbor(
    ctx: Ctx,
    line: Line,
    bgp: Bgp,
    family_of: Callable[[], BgpAddressFamily],
    name: str,
    rest: list[str],
) -> None:
    head = rest[0]
    if head == "peer-group" and len(rest) == 1:
        group = bgp.peer_groups.setdefault(name, BgpPeerGroup(name=name))
        group.at(line.n)
        bgp.at(line.n, "peer_groups")
        return
    session = {
        "remote-as",
        "description",
        "update-source",
        "ebgp-multihop",
        "password",
        "timers",
        "shutdown",
        "local-as",
        "peer-group",
        "fall-over",
    }
    family = family_of()
    if head in session:
        peer = _peer(bgp, family, name, line)
        value = " ".join(rest[1:])
        if head == "remote-as":
            _set(peer, line, "remote_as", value)
        elif head == "description":
            _set(peer, line, "description", unquote(value))
        elif head == "update-source":
            _set(peer, line, "update_source", ifname(value))
        elif head == "ebgp-multihop":
            _set(peer, line, "ebgp_multihop", int(rest[1]) if len(rest) > 1 else 255)
        elif head == "password":
            encrypted = rest[1] == "encrypted" and len(rest) > 2
            _set(peer, line, "password", read_secret(ctx, line, rest[-1], encrypted=encrypted))
        elif head == "timers" and len(rest) == 3:
            peer.keepalive, peer.hold = int(rest[1]), int(rest[2])
            peer.at(line.n, "keepalive", "hold")
        elif head == "shutdown":
            _set(peer, line, "shutdown", True)
        elif head == "local-as":
            _set(peer, line, "local_as", rest[1])
        elif head == "peer-group":
            _set(peer, line, "peer_group", rest[1])
        elif rest == ["fall-over", "bfd"]:
            _set(peer, line, "fall_over_bfd", True)
        else:
            ctx.report.unsupported(line, "neighbor option not translated")
        return
    afp = _af_peer(family, name, line)
    if head == "activate":
        _set(afp, line, "activate", True)
    elif head in _PEER_FLAGS:
        _set(afp, line, _PEER_FLAGS[head], True)
    elif head in ("route-map", "prefix-list", "filter-list") and len(rest) == 3:
        field = head.replace("-", "_") + ("_in" if rest[2] == "in" else "_out")
        _set(afp, line, field, rest[1])
    elif head == "send-community":
        _set(afp, line, "send_community", rest[1] if len(rest) > 1 else "standard")
    elif rest == ["soft-reconfiguration", "inbound"]:
        _set(afp, line, "soft_reconfiguration", True)
    elif head == "default-originate":
        _set(afp, line, "default_originate", True)
        if len(rest) == 3 and rest[1] == "route-map":
            _set(afp, line, "default_originate_route_map", rest[2])
    elif head == "maximum-prefix":
        _set(afp, line, "maximum_prefix", int(rest[1]))
        if "warning-only" in rest:
            _set(afp, line, "maximum_prefix_warning_only", True)
    elif head == "allowas-in":
        _set(afp, line, "allowas_in", int(rest[1]) if len(rest) > 1 else 0)
    elif head == "weight":
        _set(afp, line, "weight", int(rest[1]))
    else:
        ctx.report.unsupported(line, f"neighbor option {head!r} not translated")


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
            w.note_ignored(main, "ZXROS writes IPv4 unicast settings at the top of router bgp")
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
                _render_family_body(w, family)
        for vrf in vrf_names:
            holder = bgp.vrfs.get(vrf)
            vrf_family = next((f for f in bgp.address_families if f.vrf == vrf), None)
            with w.view(f"address-family ipv4 vrf {vrf}", holder or vrf_family):
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
            w.line(
                f"network {net.prefix.network_address} "
                f"{prefixlen_to_mask(net.prefix.prefixlen)}{rm}",
                net,
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
        w.line(text, agg)
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
    for word, field in _PEER_FLAGS.items():
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

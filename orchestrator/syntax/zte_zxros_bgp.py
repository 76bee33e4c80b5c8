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
)
from orchestrator.syntax.rules import (
    Ctx,
    mask_to_prefixlen,
    network,
    set_field,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_bgp_render import PEER_FLAGS as _PEER_FLAGS
from orchestrator.syntax.zte_zxros_bgp_render import render_bgp
from orchestrator.syntax.zte_zxros_common import ifname, read_secret, unquote
from orchestrator.syntax.zte_zxros_ospf import parse_redistribution


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
        set_field(family, line, "dampening", True)
        if len(words) == 6:
            a, b, c, d = (int(w) for w in words[2:])
            set_field(family, line, "dampening_params", (a, b, c, d))
        return
    if words[0] in ("bgp", "timers") or text == "no bgp default ipv4-unicast":
        _bgp_global(ctx, line, bgp)
        return
    family = family_of()
    if words[0] == "no" and words[1:2] == ["neighbor"] and words[3:] == ["activate"]:
        set_field(_af_peer(family, words[2], line), line, "activate", False)
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
        set_field(family, line, "synchronization", False)
    elif words[0] == "maximum-paths" and words[1:2] == ["ibgp"]:
        set_field(family, line, "maximum_paths_ibgp", int(words[2]))
    elif words[0] == "maximum-paths":
        set_field(family, line, "maximum_paths", int(words[1]))
    else:
        ctx.report.unsupported(line, "BGP statement not translated")


def _bgp_global(ctx: Ctx, line: Line, bgp: Bgp) -> None:
    words, text = line.words, line.text
    if words[:2] == ["bgp", "router-id"]:
        set_field(bgp, line, "router_id", words[2])
    elif text == "bgp graceful-restart":
        set_field(bgp, line, "graceful_restart", True)
    elif text == "bgp always-compare-med":
        set_field(bgp, line, "always_compare_med", True)
    elif text == "bgp deterministic-med":
        set_field(bgp, line, "deterministic_med", True)
    elif text == "no bgp default ipv4-unicast":
        set_field(bgp, line, "default_ipv4_unicast", False)
    elif words[:2] == ["bgp", "cluster-id"]:
        set_field(bgp, line, "cluster_id", words[2])
    elif words[:3] == ["bgp", "confederation", "identifier"]:
        set_field(bgp, line, "confederation_id", words[3])
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
            set_field(peer, line, "remote_as", value)
        elif head == "description":
            set_field(peer, line, "description", unquote(value))
        elif head == "update-source":
            set_field(peer, line, "update_source", ifname(value))
        elif head == "ebgp-multihop":
            set_field(peer, line, "ebgp_multihop", int(rest[1]) if len(rest) > 1 else 255)
        elif head == "password":
            encrypted = rest[1] == "encrypted" and len(rest) > 2
            set_field(peer, line, "password", read_secret(ctx, line, rest[-1], encrypted=encrypted))
        elif head == "timers" and len(rest) == 3:
            peer.keepalive, peer.hold = int(rest[1]), int(rest[2])
            peer.at(line.n, "keepalive", "hold")
        elif head == "shutdown":
            set_field(peer, line, "shutdown", True)
        elif head == "local-as":
            set_field(peer, line, "local_as", rest[1])
        elif head == "peer-group":
            set_field(peer, line, "peer_group", rest[1])
        elif rest == ["fall-over", "bfd"]:
            set_field(peer, line, "fall_over_bfd", True)
        else:
            ctx.report.unsupported(line, "neighbor option not translated")
        return
    afp = _af_peer(family, name, line)
    if head == "activate":
        set_field(afp, line, "activate", True)
    elif head in _PEER_FLAGS:
        set_field(afp, line, _PEER_FLAGS[head], True)
    elif head in ("route-map", "prefix-list", "filter-list") and len(rest) == 3:
        field = head.replace("-", "_") + ("_in" if rest[2] == "in" else "_out")
        set_field(afp, line, field, rest[1])
    elif head == "send-community":
        set_field(afp, line, "send_community", rest[1] if len(rest) > 1 else "standard")
    elif rest == ["soft-reconfiguration", "inbound"]:
        set_field(afp, line, "soft_reconfiguration", True)
    elif head == "default-originate":
        set_field(afp, line, "default_originate", True)
        if len(rest) == 3 and rest[1] == "route-map":
            set_field(afp, line, "default_originate_route_map", rest[2])
    elif head == "maximum-prefix":
        set_field(afp, line, "maximum_prefix", int(rest[1]))
        if "warning-only" in rest:
            set_field(afp, line, "maximum_prefix_warning_only", True)
    elif head == "allowas-in":
        set_field(afp, line, "allowas_in", int(rest[1]) if len(rest) > 1 else 0)
    elif head == "weight":
        set_field(afp, line, "weight", int(rest[1]))
    else:
        ctx.report.unsupported(line, f"neighbor option {head!r} not translated")


__all__ = ["p_bgp", "render_bgp"]

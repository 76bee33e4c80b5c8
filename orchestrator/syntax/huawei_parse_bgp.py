"""VRP BGP: sessions in the `bgp` view, routing policy per address family.

Session settings (`as-number`, `connect-interface`, `password`, timers) live in the `bgp` view
for the public network and in `ipv4-family vpn-instance V` for a VPN; per-family settings
(`enable`, route policies, `reflect-client`, ...) live in the family view. VRP5 also accepts
family settings directly in the `bgp` view: they belong to IPv4 unicast.
"""

from __future__ import annotations

import re
from ipaddress import ip_network
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
    BgpVrf,
)
from orchestrator.syntax.huawei_common import ifname, read_secret
from orchestrator.syntax.huawei_parse_ospf import parse_import_route
from orchestrator.syntax.rules import Ctx, Rule, dispatch, mask_or_length, rule
from orchestrator.syntax.text import Line

_FAMILIES = {
    "ipv4-family unicast": ("ipv4", "unicast"),
    "ipv4-family": ("ipv4", "unicast"),
    "ipv4-family multicast": ("ipv4", "multicast"),
    "ipv4-family vpnv4": ("vpnv4", "unicast"),
    "ipv4-family vpnv4 unicast": ("vpnv4", "unicast"),
    "ipv6-family unicast": ("ipv6", "unicast"),
    "ipv6-family": ("ipv6", "unicast"),
    "ipv6-family vpnv6": ("vpnv6", "unicast"),
    "l2vpn-family evpn": ("l2vpn-evpn", "evpn"),
}


def _bgp(ctx: Ctx) -> Bgp:
    assert ctx.config.bgp is not None
    return ctx.config.bgp


def p_bgp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if ctx.config.bgp is None:
        ctx.config.bgp = Bgp(asn=m.group(1))
    bgp = ctx.config.bgp
    bgp.at(line.n)
    default_af = bgp.family("ipv4", "unicast")
    for child in line.children:
        family = _FAMILIES.get(child.text)
        vrf_m = re.fullmatch(r"ipv4-family vpn-instance (\S+)", child.text)
        if family is not None or vrf_m is not None:
            _family(ctx, child, family or ("ipv4", "unicast"), vrf_m.group(1) if vrf_m else None)
            continue
        if child.text.startswith(("ipv4-family", "ipv6-family", "l2vpn-family", "evpn")):
            ctx.report.unsupported_tree(child, "this BGP address family is not translated")
            continue
        dispatch(ctx, child, BGP_RULES, default_af)
    _finish_add_path(ctx, default_af)
    if not (
        default_af.peers
        or default_af.networks
        or default_af.redistribute
        or default_af.aggregates
        or default_af.src.lines
        or default_af.maximum_paths is not None
    ):
        bgp.address_families.remove(default_af)


def _family(ctx: Ctx, line: Line, names: tuple[str, str], vrf: str | None) -> None:
    bgp = _bgp(ctx)
    af = bgp.family(names[0], names[1], vrf)
    af.at(line.n)
    ctx.report.parsed(line)
    if vrf is not None:
        found = bgp.vrfs.get(vrf)
        if found is None:
            found = bgp.vrfs[vrf] = BgpVrf(name=vrf)
        found.at(line.n)
    for child in line.children:
        dispatch(ctx, child, BGP_RULES, af)
    _finish_add_path(ctx, af)


def _finish_add_path(ctx: Ctx, af: BgpAddressFamily) -> None:
    """The ADD-PATH capability reads as the family's when every active peer has the same."""
    found: dict[str, tuple[str, Line]] = ctx.state.get("add_path", {}).pop(id(af), {})
    if not found:
        return
    active = {name for name, peer in af.peers.items() if peer.activate}
    modes = {mode for mode, _ in found.values()}
    if set(found) != active or len(modes) != 1:
        for _, line in found.values():
            ctx.report.unsupported(line, "ADD-PATH on some peers of a family only")
        return
    mode = modes.pop()
    for _, line in found.values():
        if mode in ("both", "send"):
            af.additional_paths_send = True
            af.at(line.n, "additional_paths_send")
        if mode in ("both", "receive"):
            af.additional_paths_receive = True
            af.at(line.n, "additional_paths_receive")


def _neighbors(ctx: Ctx, af: BgpAddressFamily) -> dict[str, BgpNeighbor]:
    bgp = _bgp(ctx)
    if af.vrf is None:
        return bgp.neighbors
    return bgp.vrfs[af.vrf].neighbors


def _peer(ctx: Ctx, name: str, af: BgpAddressFamily, line: Line, create: bool) -> BgpPeer | None:
    bgp = _bgp(ctx)
    if name in bgp.peer_groups:
        return bgp.peer_groups[name]
    table = _neighbors(ctx, af)
    peer = table.get(name)
    if peer is None and create:
        peer = table[name] = BgpNeighbor(address=name)
        peer.at(line.n)
    return peer


def _af_peer(af: BgpAddressFamily, name: str, line: Line) -> BgpAfPeer:
    peer = af.peers.get(name)
    if peer is None:
        peer = af.peers[name] = BgpAfPeer()
        peer.at(line.n)
    return peer


#: `peer X <keyword>` settings that belong to the address family: keyword → field
_AF_FLAGS = {
    "next-hop-local": "next_hop_self",
    "reflect-client": "route_reflector_client",
    "keep-all-routes": "soft_reconfiguration",
    "public-as-only": "remove_private_as",
    "substitute-as": "as_override",
}
_AF_FILTERS = {
    "route-policy": "route_map",
    "ip-prefix": "prefix_list",
    "as-path-filter": "filter_list",
}


def b_peer(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    name, words = m.group(1), m.group(2).split()
    key = words[0]
    if key == "as-number" and len(words) == 2:
        peer = _peer(ctx, name, af, line, create=True)
        assert peer is not None
        peer.remote_as = words[1]
        peer.at(line.n, "remote_as")
        return
    if key == "group" and len(words) >= 2:
        peer = _peer(ctx, name, af, line, create=True)
        assert peer is not None
        peer.peer_group = words[1]
        peer.at(line.n, "peer_group")
        if words[2:] == ["enable"]:
            _af_peer(af, name, line).at(line.n, "activate")
        return
    peer = _peer(ctx, name, af, line, create=False)
    if peer is None:
        ctx.report.unsupported(line, f"peer {name} is used before it is defined")
        return
    if _session(ctx, line, peer, words):
        return
    target = _af_peer(af, name, line)
    if key == "enable" and len(words) == 1:
        target.activate = True
        target.at(line.n, "activate")
    elif key in _AF_FLAGS and len(words) == 1:
        setattr(target, _AF_FLAGS[key], True)
        target.at(line.n, _AF_FLAGS[key])
    elif key in _AF_FILTERS and len(words) == 3 and words[2] in ("import", "export"):
        field = f"{_AF_FILTERS[key]}_{'in' if words[2] == 'import' else 'out'}"
        setattr(target, field, words[1])
        target.at(line.n, field)
    elif key == "advertise-community" and len(words) == 1:
        target.send_community = "both" if target.send_community == "extended" else "standard"
        target.at(line.n, "send_community")
    elif key == "advertise-ext-community" and len(words) == 1:
        target.send_community = "both" if target.send_community == "standard" else "extended"
        target.at(line.n, "send_community")
    elif key == "default-route-advertise":
        target.default_originate = True
        if words[1:2] == ["route-policy"] and len(words) >= 3:
            target.default_originate_route_map = words[2]
        target.at(line.n, "default_originate", "default_originate_route_map")
    elif key == "route-limit" and len(words) >= 2:
        rest = words[2:] if words[1] != "accept-prefix" else words[3:]
        target.maximum_prefix = int(words[1] if words[1] != "accept-prefix" else words[2])
        target.maximum_prefix_warning_only = "alert-only" in rest
        if rest[:1] and rest[0].isdigit():
            target.maximum_prefix_threshold = int(rest[0])
        if "idle-timeout" in rest and rest.index("idle-timeout") + 1 < len(rest):
            target.maximum_prefix_restart = int(rest[rest.index("idle-timeout") + 1])
        target.at(
            line.n,
            "maximum_prefix",
            "maximum_prefix_warning_only",
            "maximum_prefix_threshold",
            "maximum_prefix_restart",
        )
    elif key == "allow-as-loop":
        target.allowas_in = int(words[1]) if len(words) > 1 else 0
        target.at(line.n, "allowas_in")
    elif words[:3] == ["advertise", "add-path", "path-number"] and len(words) == 4:
        target.advertise_additional_paths = [f"best {words[3]}"]
        target.at(line.n, "advertise_additional_paths")
    elif words[:2] == ["capability-advertise", "add-path"] and len(words) == 3:
        ctx.state.setdefault("add_path", {}).setdefault(id(af), {})[name] = (words[2], line)
    elif key == "preferred-value" and len(words) == 2:
        target.weight = int(words[1])
        target.at(line.n, "weight")
    else:
        ctx.report.unsupported(line, f"peer option {key!r} not translated")


def _session(ctx: Ctx, line: Line, peer: BgpPeer, words: list[str]) -> bool:
    """Session settings shared by every family; True when ``words`` was one."""
    key = words[0]
    if key == "description" and len(words) >= 2:
        peer.description = line.text.split(" description ", 1)[1]
        peer.at(line.n, "description")
    elif key == "connect-interface" and len(words) >= 2:
        peer.update_source = ifname(ctx, "".join(words[1:]))
        peer.at(line.n, "update_source")
    elif key == "ebgp-max-hop":
        peer.ebgp_multihop = int(words[1]) if len(words) > 1 else 255
        peer.at(line.n, "ebgp_multihop")
    elif key == "password" and len(words) == 3:
        peer.password = read_secret(ctx, line, words[2], words[1])
        peer.at(line.n, "password")
    elif key == "timer" and words[1:2] == ["keepalive"] and len(words) >= 5:
        peer.keepalive, peer.hold = int(words[2]), int(words[4])
        peer.at(line.n, "keepalive", "hold")
    elif key == "ignore" and len(words) == 1:
        peer.shutdown = True
        peer.at(line.n, "shutdown")
    elif key == "fake-as" and len(words) >= 2:
        peer.local_as = words[1]
        peer.at(line.n, "local_as")
    elif key == "bfd" and words[1:] == ["enable"]:
        peer.bfd = True
        peer.at(line.n, "bfd")
    elif key == "bfd" and words[1:2] == ["min-tx-interval"] and len(words) == 7:
        peer.bfd_interval = (int(words[2]), int(words[4]), int(words[6]))
        peer.at(line.n, "bfd_interval")
    elif key == "valid-ttl-hops":
        peer.ttl_security = int(words[1]) if len(words) > 1 else 255
        peer.at(line.n, "ttl_security")
    elif key == "path-mtu" and words[1:] == ["auto-discovery"]:
        peer.path_mtu_discovery = True
        peer.at(line.n, "path_mtu_discovery")
    else:
        return False
    return True


def b_group(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    bgp = _bgp(ctx)
    group = bgp.peer_groups.get(m.group(1)) or BgpPeerGroup(name=m.group(1))
    bgp.peer_groups[group.name] = group
    group.at(line.n)
    if m.group(2) == "internal":
        group.remote_as = bgp.asn
        group.at(line.n, "remote_as")
    elif m.group(2) == "external" and group.remote_as is None:
        group.remote_as = "external"
        group.at(line.n, "remote_as")


def b_network(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    address, length, policy = m.group(1), m.group(2), m.group(3)
    if ":" in address:
        prefix = ip_network(f"{address}/{length or 128}", strict=False)
    else:
        prefix = ip_network(f"{address}/{mask_or_length(length) if length else 32}", strict=False)
    item = BgpNetwork(prefix=prefix, route_map=policy)
    item.at(line.n)
    af.networks.append(item)
    af.at(line.n, "networks")


def b_aggregate(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    words = (m.group(3) or "").split()
    prefix = ip_network(f"{m.group(1)}/{mask_or_length(m.group(2))}", strict=False)
    unknown = [w for w in words if w not in ("detail-suppressed", "as-set")]
    if unknown:
        ctx.report.unsupported(line, f"aggregate option {unknown[0]!r} not translated")
        return
    item = BgpAggregate(
        prefix=prefix, summary_only="detail-suppressed" in words, as_set="as-set" in words
    )
    item.at(line.n)
    af.aggregates.append(item)
    af.at(line.n, "aggregates")


def b_import(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    item = parse_import_route(ctx, line, line.text)
    if item is not None:
        af.redistribute.append(item)
        af.at(line.n, "redistribute")


def b_load_balancing(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    field = "maximum_paths_ibgp" if m.group(1) == "ibgp" else "maximum_paths"
    if m.group(1) == "ebgp":
        field = "maximum_paths"
    setattr(af, field, int(m.group(2)))
    af.at(line.n, field)


def b_eibgp(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.maximum_paths_eibgp = int(m.group(1))
    af.at(line.n, "maximum_paths_eibgp")


def b_add_path(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.additional_paths_select = f"best {m.group(1)}"
    af.at(line.n, "additional_paths_select")


def b_advertise_evpn(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.advertise_evpn = True
    af.at(line.n, "advertise_evpn")


def b_retain(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    """`undo policy vpn-target`: keep VPN/EVPN routes no local instance imports."""
    af.retain_route_target_all = True
    af.at(line.n, "retain_route_target_all")


def b_sync(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.synchronization = m.group(1) is None
    af.at(line.n, "synchronization")


def b_dampening(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.dampening = True
    af.at(line.n, "dampening")


def b_summary(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.auto_summary = True
    af.at(line.n, "auto_summary")


def b_default_imported(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.default_information_originate = True
    af.at(line.n, "default_information_originate")


def b_preference(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.distance = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    af.at(line.n, "distance")


def b_router_id(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    bgp = _bgp(ctx)
    if af.vrf is not None:
        bgp.vrfs[af.vrf].router_id = m.group(1)
        bgp.vrfs[af.vrf].at(line.n, "router_id")
    else:
        bgp.router_id = m.group(1)
        bgp.at(line.n, "router_id")


def b_global(field: str, value: Any = True) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
        bgp = _bgp(ctx)
        setattr(bgp, field, value if value is not None else m.group(1))
        bgp.at(line.n, field)

    return handler


def b_confed_peers(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    bgp = _bgp(ctx)
    bgp.confederation_peers.extend(m.group(1).split())
    bgp.at(line.n, "confederation_peers")


def b_timers(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    bgp = _bgp(ctx)
    bgp.keepalive, bgp.hold = int(m.group(1)), int(m.group(2))
    bgp.at(line.n, "keepalive", "hold")


def b_undo_enable(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    target = _af_peer(af, m.group(1), line)
    target.activate = False
    target.at(line.n, "activate")


BGP_RULES: list[Rule] = [
    rule(r"undo peer (\S+) enable", b_undo_enable),
    rule(r"peer (\S+) (.+)", b_peer),
    rule(r"group (\S+)(?: (internal|external))?", b_group),
    rule(r"network (\S+)(?: (\S+))?(?: route-policy (\S+))?", b_network),
    rule(r"aggregate (\S+) (\S+)(?: (.+))?", b_aggregate),
    rule(r"import-route .+", b_import),
    rule(r"maximum load-balancing (?:(ibgp|ebgp) )?(\d+)", b_load_balancing),
    rule(r"maximum load-balancing eibgp (\d+)", b_eibgp),
    rule(r"bestroute add-path path-number (\d+)", b_add_path),
    rule(r"(undo )?synchronization", b_sync),
    rule(r"summary automatic", b_summary),
    rule(r"dampening", b_dampening),
    rule(r"default-route imported", b_default_imported),
    rule(r"preference (\d+) (\d+) (\d+)", b_preference),
    rule(r"router-id (\S+)", b_router_id),
    rule(r"undo default ipv4-unicast", b_global("default_ipv4_unicast", False)),
    rule(r"compare-different-as-med", b_global("always_compare_med")),
    rule(r"deterministic-med", b_global("deterministic_med")),
    rule(r"load-balancing as-path-ignore", b_global("bestpath_as_path_multipath_relax")),
    rule(r"graceful-restart", b_global("graceful_restart")),
    rule(r"confederation id (\S+)", b_global("confederation_id", None)),
    rule(r"confederation peer-as (.+)", b_confed_peers),
    rule(r"reflector cluster-id (\S+)", b_global("cluster_id", None)),
    rule(r"timer keepalive (\d+) hold (\d+)", b_timers),
    rule(r"advertise l2vpn evpn", b_advertise_evpn),
    rule(r"undo policy vpn-target", b_retain),
    rule(r"policy vpn-target", ignore="VPN target filtering on a PE is the VRP default"),
    rule(
        r"(?:tnl-policy .+|apply-label .+)",
        unsupported="EVPN and MPLS label settings are not translated",
    ),
]

BGP_TOP: list[Rule] = [
    rule(r"bgp (\d+(?:\.\d+)?)", p_bgp),
]

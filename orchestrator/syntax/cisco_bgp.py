"""Cisco IOS `router bgp`: neighbors, peer groups, address families and VRFs; NX-OS reuses
these handlers for its own grammar."""

from __future__ import annotations

import re
from ipaddress import ip_network
from typing import Any

from orchestrator import ports
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
    SecretKind,
)
from orchestrator.syntax.cisco_ospf import parse_redistribution
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    dispatch,
    mask_to_prefixlen,
    network,
    rule,
)
from orchestrator.syntax.text import Line

#: neighbor keyword → (where, field, kind of value). where: "session" or "af".
_NEIGHBOR_FIELDS: dict[str, tuple[str, str, str]] = {
    "remote-as": ("session", "remote_as", "word"),
    "description": ("session", "description", "rest"),
    "update-source": ("session", "update_source", "interface"),
    "ebgp-multihop": ("session", "ebgp_multihop", "int_or_255"),
    "local-as": ("session", "local_as", "word"),
    "ttl-security": ("session", "ttl_security", "hops"),
    "shutdown": ("session", "shutdown", "flag"),
    "next-hop-self": ("af", "next_hop_self", "flag"),
    "route-reflector-client": ("af", "route_reflector_client", "flag"),
    "soft-reconfiguration": ("af", "soft_reconfiguration", "flag"),
    "remove-private-as": ("af", "remove_private_as", "flag"),
    "as-override": ("af", "as_override", "flag"),
    "weight": ("af", "weight", "int"),
    "allowas-in": ("af", "allowas_in", "int_or_0"),
    "unsuppress-map": ("af", "unsuppress_map", "word"),
}


def _bgp(ctx: Ctx) -> Bgp:
    assert ctx.config.bgp is not None
    return ctx.config.bgp


def _peer(ctx: Ctx, name: str, vrf: str | None, line: Line, create: bool) -> BgpPeer | None:
    bgp = _bgp(ctx)
    if name in bgp.peer_groups:
        return bgp.peer_groups[name]
    table = bgp.neighbors if vrf is None else _bgp_vrf(bgp, vrf).neighbors
    peer = table.get(name)
    if peer is None and create:
        peer = table[name] = BgpNeighbor(address=name)
        peer.at(line.n)
    return peer


def _bgp_vrf(bgp: Bgp, name: str) -> BgpVrf:
    found = bgp.vrfs.get(name)
    if found is None:
        found = bgp.vrfs[name] = BgpVrf(name=name)
    return found


def _af_peer(af: BgpAddressFamily, name: str, line: Line) -> BgpAfPeer:
    peer = af.peers.get(name)
    if peer is None:
        peer = af.peers[name] = BgpAfPeer()
        peer.at(line.n)
    return peer


def b_neighbor(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    name, words = m.group(1), m.group(2).split()
    key = words[0]
    bgp = _bgp(ctx)
    if key == "peer-group" and len(words) == 1:
        group = bgp.peer_groups.get(name) or BgpPeerGroup(name=name)
        bgp.peer_groups[name] = group
        group.at(line.n)
        return
    peer = _peer(ctx, name, af.vrf, line, create=key in ("remote-as", "peer-group"))
    if peer is None:
        ctx.report.unsupported(line, f"neighbor {name} is used before it is defined")
        return
    if key == "peer-group":
        peer.peer_group = words[1]
        peer.at(line.n, "peer_group")
        if bgp.default_ipv4_unicast and af.afi == "ipv4" and af.safi == "unicast":
            _af_peer(af, name, line).at(line.n, "activate")
        return
    if key == "password":
        secret_kind: SecretKind = "cisco7" if len(words) > 2 and words[1] == "7" else "plain"
        peer.password = ctx.secret(line, secret_kind, words[-1])
        peer.at(line.n, "password")
        return
    if key == "timers" and len(words) >= 3:
        peer.keepalive, peer.hold = int(words[1]), int(words[2])
        peer.at(line.n, "keepalive", "hold")
        return
    if key == "fall-over" and words[1:2] == ["bfd"]:
        peer.bfd = True
        peer.at(line.n, "bfd")
        return
    if key in ("version", "advertisement-interval") and len(words) == 2:
        ctx.report.ignored(line, f"neighbor {key} {words[1]} is the target default behaviour")
        return
    if key == "advertise" and words[1:2] == ["additional-paths"] and len(words) > 2:
        target = _af_peer(af, name, line)
        target.advertise_additional_paths = re.findall(
            r"all|best \d+|group-best", " ".join(words[2:])
        )
        target.at(line.n, "advertise_additional_paths")
        return
    if key == "activate":
        _af_peer(af, name, line).activate = True
        af.peers[name].at(line.n, "activate")
        return
    if key in ("route-map", "prefix-list", "filter-list") and len(words) == 3:
        direction = "in" if words[2] == "in" else "out"
        field = f"{key.replace('-', '_')}_{direction}"
        target = _af_peer(af, name, line)
        setattr(target, field, words[1])
        target.at(line.n, field)
        return
    if key == "send-community":
        target = _af_peer(af, name, line)
        target.send_community = words[1] if len(words) > 1 else "standard"  # type: ignore[assignment]
        target.at(line.n, "send_community")
        return
    if key == "default-originate":
        target = _af_peer(af, name, line)
        target.default_originate = True
        if len(words) == 3 and words[1] == "route-map":
            target.default_originate_route_map = words[2]
        target.at(line.n, "default_originate", "default_originate_route_map")
        return
    if key == "maximum-prefix" and len(words) >= 2:
        target = _af_peer(af, name, line)
        target.maximum_prefix = int(words[1])
        rest = words[2:]
        if rest and rest[0].isdigit():
            target.maximum_prefix_threshold = int(rest.pop(0))
        if rest[:1] == ["restart"] and len(rest) == 2:
            target.maximum_prefix_restart = int(rest[1])
            rest = []
        elif rest == ["warning-only"]:
            target.maximum_prefix_warning_only = True
            rest = []
        if rest:
            ctx.report.unsupported(line, f"maximum-prefix option {rest[0]!r} not translated")
            return
        target.at(
            line.n,
            "maximum_prefix",
            "maximum_prefix_warning_only",
            "maximum_prefix_threshold",
            "maximum_prefix_restart",
        )
        return
    spec = _NEIGHBOR_FIELDS.get(key)
    if spec is None:
        ctx.report.unsupported(line, f"neighbor option {key!r} not translated")
        return
    where, field, kind = spec
    node: Any = peer if where == "session" else _af_peer(af, name, line)
    args = words[1:]
    value: Any
    if kind == "flag":
        value = True
    elif kind == "word":
        value = args[0]
    elif kind == "rest":
        value = " ".join(line.text.split(None, 3)[3:]) if len(line.text.split()) > 3 else ""
    elif kind == "interface":
        value = ports.canonical_name(ctx.platform, "".join(args))
    elif kind == "int":
        value = int(args[0])
    elif kind == "int_or_255":
        value = int(args[0]) if args else 255
    elif kind == "int_or_0":
        value = int(args[0]) if args else 0
    else:  # hops
        value = int(args[-1])
    setattr(node, field, value)
    node.at(line.n, field)


def b_deactivate(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    peer = _af_peer(af, m.group(1), line)
    peer.activate = False
    peer.at(line.n, "activate")


def b_router_id(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    """`bgp router-id`: the process's, or inside `address-family ipv4 vrf V` that VRF's."""
    bgp = _bgp(ctx)
    if af.vrf is not None:
        vrf = _bgp_vrf(bgp, af.vrf)
        vrf.router_id = m.group(1)
        vrf.at(line.n, "router_id")
    else:
        bgp.router_id = m.group(1)
        bgp.at(line.n, "router_id")


def b_network(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    address, mask, rest = m.group(1), m.group(2), (m.group(3) or "").split()
    if "/" in address:
        prefix = ip_network(address, strict=False)
    elif mask:
        prefix = network(f"{address}/{mask_to_prefixlen(mask)}")
    else:
        first = int(address.split(".")[0])
        prefix = network(f"{address}/{8 if first < 128 else 16 if first < 192 else 24}")
    item = BgpNetwork(prefix=prefix)
    if "route-map" in rest:
        item.route_map = rest[rest.index("route-map") + 1]
    item.backdoor = "backdoor" in rest
    item.at(line.n)
    af.networks.append(item)
    af.at(line.n, "networks")


def b_aggregate(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    address, mask, rest = m.group(1), m.group(2), (m.group(3) or "").split()
    prefix = (
        ip_network(address, strict=False)
        if "/" in address
        else network(f"{address}/{mask_to_prefixlen(mask)}")
    )
    item = BgpAggregate(prefix=prefix, summary_only="summary-only" in rest, as_set="as-set" in rest)
    item.at(line.n)
    af.aggregates.append(item)
    af.at(line.n, "aggregates")


def b_redistribute(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    item = parse_redistribution(ctx, line, line.text)
    if item is not None:
        af.redistribute.append(item)
        af.at(line.n, "redistribute")


def b_maximum_paths(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    if m.group(1):
        af.maximum_paths_ibgp = int(m.group(2))
        af.at(line.n, "maximum_paths_ibgp")
    else:
        af.maximum_paths = int(m.group(2))
        af.at(line.n, "maximum_paths")


def b_af_flag(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
        setattr(af, field, m.group(1) is None)
        af.at(line.n, field)

    return handler


def b_dampening(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.dampening = True
    if m.group(1):
        half, reuse, suppress, top = (int(w) for w in m.group(1).split())
        af.dampening_params = (half, reuse, suppress, top)
    af.at(line.n, "dampening", "dampening_params")


def b_add_paths_select(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.additional_paths_select = m.group(1)
    af.at(line.n, "additional_paths_select")


def b_add_paths(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    words = m.group(1).split()
    af.additional_paths_send = "send" in words
    af.additional_paths_receive = "receive" in words
    af.at(line.n, "additional_paths_send", "additional_paths_receive")


def b_eibgp(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.maximum_paths_eibgp = int(m.group(1))
    af.at(line.n, "maximum_paths_eibgp")


def b_listen_range(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    bgp = _bgp(ctx)
    item = (ip_network(m.group(1), strict=True), m.group(2))
    bgp.listen_ranges.append(item)
    bgp.at_item(line.n, "listen_ranges", item)


def b_default_info(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.default_information_originate = True
    af.at(line.n, "default_information_originate")


def b_distance(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    af.distance = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    af.at(line.n, "distance")


def b_global(field: str, kind: str = "flag") -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
        bgp = _bgp(ctx)
        if kind == "flag":
            setattr(bgp, field, m.group(1) is None if m.groups() else True)
        elif kind == "words":
            setattr(bgp, field, m.group(1).split())
        else:
            setattr(bgp, field, m.group(1))
        bgp.at(line.n, field)

    return handler


def b_timers(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    bgp = _bgp(ctx)
    bgp.keepalive, bgp.hold = int(m.group(1)), int(m.group(2))
    bgp.at(line.n, "keepalive", "hold")


_AF_NAMES = {
    ("ipv4", None): ("ipv4", "unicast"),
    ("ipv4", "unicast"): ("ipv4", "unicast"),
    ("ipv4", "multicast"): ("ipv4", "multicast"),
    ("ipv6", None): ("ipv6", "unicast"),
    ("ipv6", "unicast"): ("ipv6", "unicast"),
    ("vpnv4", None): ("vpnv4", "unicast"),
    ("vpnv4", "unicast"): ("vpnv4", "unicast"),
    ("vpnv6", "unicast"): ("vpnv6", "unicast"),
    ("l2vpn", "evpn"): ("l2vpn-evpn", "evpn"),
}


def b_address_family(ctx: Ctx, line: Line, m: re.Match[str], scope: BgpAddressFamily) -> None:
    key = (m.group(1), m.group(2))
    names = _AF_NAMES.get(key)
    if names is None:
        ctx.report.unsupported_tree(line, f"BGP address family {m.group(0)!r} not translated")
        return
    vrf = m.group(3)
    af = _bgp(ctx).family(names[0], names[1], vrf)
    af.at(line.n)
    # the VRF's BgpVrf is made when a neighbor or router-id of the VRF needs one
    for child in line.children:
        dispatch(ctx, child, BGP_RULES, af)


def p_router_bgp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if ctx.config.bgp is None:
        ctx.config.bgp = Bgp(asn=m.group(1))
    bgp = ctx.config.bgp
    bgp.at(line.n)
    # `no bgp default ipv4-unicast` changes what the statements before it mean: read it first
    for child in line.children:
        if child.text == "no bgp default ipv4-unicast":
            bgp.default_ipv4_unicast = False
    default_af = bgp.family("ipv4", "unicast")
    for child in line.children:
        dispatch(ctx, child, BGP_RULES, default_af)
    if bgp.default_ipv4_unicast:
        # IOS activates every neighbor and peer group in IPv4 unicast unless told otherwise
        peers: list[tuple[str, BgpPeer]] = [*bgp.neighbors.items(), *bgp.peer_groups.items()]
        for name, peer in peers:
            if name not in default_af.peers:
                af_peer = default_af.peers[name] = BgpAfPeer()
                for n in peer.src.get("remote_as") or peer.src.get(""):
                    af_peer.at(n)
                    af_peer.at(n, "activate")
    if (
        not default_af.peers
        and not default_af.networks
        and not default_af.redistribute
        and not default_af.aggregates
        and default_af.maximum_paths is None
        and not default_af.src.lines
    ):
        bgp.address_families.remove(default_af)


def b_default_ipv4(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
    bgp = _bgp(ctx)
    bgp.at(line.n, "default_ipv4_unicast")


BGP_RULES: list[Rule] = [
    rule(r"no neighbor (\S+) activate", b_deactivate),
    rule(r"neighbor (\S+) (.+)", b_neighbor),
    rule(r"network (\S+)(?: mask (\S+))?(?: (.+))?", b_network),
    rule(r"aggregate-address (\S+)(?: (\d+\.\d+\.\d+\.\d+))?(?: (.+))?", b_aggregate),
    rule(r"redistribute .+", b_redistribute),
    rule(r"maximum-paths( ibgp)? (\d+)", b_maximum_paths),
    rule(r"(no )?synchronization", b_af_flag("synchronization")),
    rule(r"(no )?auto-summary", b_af_flag("auto_summary")),
    rule(r"default-information originate", b_default_info),
    rule(r"distance bgp (\d+) (\d+) (\d+)", b_distance),
    rule(
        r"address-family (ipv4|ipv6|vpnv4|vpnv6|l2vpn)(?: (unicast|multicast|evpn))?"
        r"(?: vrf (\S+))?",
        b_address_family,
    ),
    rule(r"exit-address-family", ignore="end of an address-family block"),
    rule(r"bgp router-id (\S+)", b_router_id),
    rule(r"(no )?bgp log-neighbor-changes", b_global("log_neighbor_changes")),
    rule(r"no bgp default ipv4-unicast", b_default_ipv4),
    rule(r"bgp always-compare-med", b_global("always_compare_med")),
    rule(r"bgp deterministic-med", b_global("deterministic_med")),
    rule(r"bgp bestpath as-path multipath-relax", b_global("bestpath_as_path_multipath_relax")),
    rule(r"(no )?bgp graceful-restart", b_global("graceful_restart")),
    rule(r"bgp confederation identifier (\S+)", b_global("confederation_id", "word")),
    rule(r"bgp confederation peers (.+)", b_global("confederation_peers", "words")),
    rule(r"bgp cluster-id (\S+)", b_global("cluster_id", "word")),
    rule(r"(no )?bgp fast-external-fallover", b_global("fast_external_fallover")),
    rule(r"timers bgp (\d+) (\d+)(?: \d+)?", b_timers),
    rule(r"bgp dampening(?: (\d+ \d+ \d+ \d+))?", b_dampening),
    rule(
        r"bgp additional-paths select ((?:all|best \d+|group-best)(?: (?:all|best \d+|"
        r"group-best))*)",
        b_add_paths_select,
    ),
    rule(r"bgp additional-paths ((?:send|receive)(?: receive)?)", b_add_paths),
    rule(r"maximum-paths eibgp (\d+)", b_eibgp),
    rule(r"bgp listen range (\S+) peer-group (\S+)", b_listen_range),
    rule(r"bgp bestpath compare-routerid", b_global("bestpath_compare_routerid")),
]

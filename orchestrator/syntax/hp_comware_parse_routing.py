"""Comware 7 routing protocols: `ospf N` with its areas, and `bgp N` with peers, groups,
address families and VPN instances.

Comware 5 wrote IPv4 unicast settings (`network`, `peer X route-policy`) straight under
`bgp`; such lines are read into the IPv4 unicast family, as Comware 7 would convert them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from ipaddress import IPv4Network, ip_network
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
    Ospf,
    OspfArea,
    Redistribution,
)
from orchestrator.syntax.hp_comware_common import (
    flag_field,
    ifname,
    int_field,
    is_ipv4,
    mask_or_length,
    read_secret,
    str_field,
)
from orchestrator.syntax.rules import Ctx, Rule, area_dotted, dispatch, rule, wildcard_to_prefixlen
from orchestrator.syntax.text import Line

#: Comware route source names → the model's
PROTOCOLS = {
    "direct": "connected",
    "static": "static",
    "ospf": "ospf",
    "bgp": "bgp",
    "rip": "rip",
    "isis": "isis",
}


def read_redistribution(words: list[str], metric_word: str) -> Redistribution | None:
    """`import-route PROTO [PROCESS] [cost|med N] [type T] [route-policy P]`, or None."""
    if not words or words[0] not in PROTOCOLS:
        return None
    entry = Redistribution(protocol=PROTOCOLS[words.pop(0)])  # type: ignore[arg-type]
    if words and words[0].isdigit():
        entry.process = words.pop(0)
    while words:
        word = words.pop(0)
        if word == metric_word and words:
            entry.metric = int(words.pop(0))
        elif word == "type" and words:
            entry.metric_type = int(words.pop(0))
        elif word == "route-policy" and words:
            entry.route_map = words.pop(0)
        else:
            return None
    return entry


# --- OSPF -----------------------------------------------------------------------------------


def p_ospf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    v3 = line.words[0] == "ospfv3"
    words = (m.group(1) or "").split()
    process = words.pop(0) if words and words[0].isdigit() else "1"
    ospf = Ospf(process=process)
    ospf.at(line.n)
    while words:
        word = words.pop(0)
        if word == "router-id" and words:
            ospf.router_id = words.pop(0)
            ospf.at(line.n, "router_id")
        elif word == "vpn-instance" and words:
            ospf.vrf = words.pop(0)
            ospf.at(line.n, "vrf")
        else:
            ctx.report.unsupported(line, f"OSPF process option {word!r} is not translated")
    (ctx.config.ospfv3 if v3 else ctx.config.ospf)[process] = ospf
    for child in line.children:
        dispatch(ctx, child, OSPF_RULES, ospf)


def o_area(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    name = area_dotted(m.group(1))
    area = ospf.areas.get(name) or OspfArea(area=name)
    ospf.areas[name] = area
    area.at(line.n)
    for child in line.children:
        dispatch(ctx, child, AREA_RULES, area)


def o_silent(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    if m.group(2) == "all":
        ospf.passive_default = m.group(1) is None
        ospf.at(line.n, "passive_default")
    elif m.group(1):
        ospf.active.append(ifname(m.group(2)))
        ospf.at(line.n, "active")
    else:
        ospf.passive.append(ifname(m.group(2)))
        ospf.at(line.n, "passive")


def o_import(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    entry = read_redistribution(m.group(1).split(), "cost")
    if entry is None:
        ctx.report.unsupported(line, "import-route form not understood")
        return
    entry.subnets = True  # OSPF on Comware always imports subnets
    entry.at(line.n)
    ospf.redistribute.append(entry)
    ospf.at(line.n, "redistribute")


def o_default_route(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    words = (m.group(1) or "").split()
    ospf.default_originate = True
    ospf.at(line.n, "default_originate")
    while words:
        word = words.pop(0)
        if word == "always":
            ospf.default_originate_always = True
            ospf.at(line.n, "default_originate_always")
        elif word in ("cost", "type", "route-policy") and words:
            name = {
                "cost": "default_originate_metric",
                "type": "default_originate_metric_type",
                "route-policy": "default_originate_route_map",
            }[word]
            value = words.pop(0)
            setattr(ospf, name, value if word == "route-policy" else int(value))
            ospf.at(line.n, name)
        else:
            ctx.report.unsupported(line, f"default-route-advertise option {word!r}")
            return


def o_stub_router(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    if m.group(1):
        ospf.max_metric_on_startup = int(m.group(1))
        ospf.at(line.n, "max_metric_on_startup")
    else:
        ospf.max_metric = True
        ospf.at(line.n, "max_metric")


def o_spf(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    """`spf-schedule-interval MAX-S [MIN-MS [INCR-MS]]` ↔ IOS throttle (start, hold, max) ms."""
    if not (m.group(2) and m.group(3)):
        ctx.report.unsupported(line, "SPF interval without minimum and increment")
        return
    ospf.spf_timers = (int(m.group(2)), int(m.group(3)), int(m.group(1)) * 1000)
    ospf.at(line.n, "spf_timers")


def o_log(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    flag_field("log_adjacency")(ctx, line, m, ospf)


def o_gr(ctx: Ctx, line: Line, m: re.Match[str], ospf: Ospf) -> None:
    ospf.graceful_restart = True
    ospf.at(line.n, "graceful_restart")


OSPF_RULES: list[Rule] = [
    rule(r"area (\S+)", o_area),
    rule(r"router-id (\S+)", str_field("router_id")),
    rule(r"(undo )?silent-interface (\S+)", o_silent),
    rule(r"bandwidth-reference (\d+)", int_field("reference_bandwidth")),
    rule(r"import-route (.+)", o_import),
    rule(r"default-route-advertise(?: (.+))?", o_default_route),
    rule(r"default cost (\d+)", int_field("default_metric")),
    rule(r"(undo )?log-peer-change", o_log),
    rule(r"stub-router(?: on-startup (\d+))?", o_stub_router),
    rule(r"preference (\d+)", int_field("distance")),
    rule(r"maximum load-balancing (\d+)", int_field("maximum_paths")),
    rule(r"spf-schedule-interval (\d+)(?: (\d+))?(?: (\d+))?", o_spf),
    rule(r"graceful-restart(?: ietf| nonstandard)?", o_gr),
    rule(
        r"enable (?:link-local-signaling|out-of-band-resynchronization)",
        unsupported="OSPF non-standard graceful restart signalling is not in the model",
    ),
]


def a_network(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    length = wildcard_to_prefixlen(m.group(2)) if is_ipv4(m.group(2)) else None
    if length is None:
        ctx.report.unsupported(line, "a non-contiguous wildcard cannot be translated")
        return
    area.networks.append(IPv4Network(f"{m.group(1)}/{length}", strict=False))
    area.at(line.n, "networks")


def a_stub(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    words = (m.group(2) or "").split()
    area.kind = m.group(1)  # type: ignore[assignment]
    area.at(line.n, "kind")
    for word in words:
        if word == "no-summary":
            area.no_summary = True
            area.at(line.n, "no_summary")
        elif word == "default-route-advertise" and area.kind == "nssa":
            area.nssa_default = True
            area.at(line.n, "nssa_default")
        else:
            ctx.report.unsupported(line, f"{area.kind} option {word!r} is not translated")


def a_summary(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    prefix = IPv4Network(f"{m.group(1)}/{mask_or_length(m.group(2))}", strict=False)
    area.ranges.append((prefix, m.group(3) is None))
    area.at(line.n, "ranges")


def a_auth(ctx: Ctx, line: Line, m: re.Match[str], area: OspfArea) -> None:
    area.auth = "simple" if m.group(1) == "simple" else "md5"
    area.at(line.n, "auth")
    if m.group(4):
        if m.group(2):
            area.auth_key_id = int(m.group(2))
        form = "cipher" if m.group(3) == "cipher" else "simple"
        area.auth_key = read_secret(ctx, line, m.group(4), form)
        area.at(line.n, "auth_key_id", "auth_key")


AREA_RULES: list[Rule] = [
    rule(r"network (\S+) (\S+)", a_network),
    rule(r"(stub|nssa)(?: (.+))?", a_stub),
    rule(r"default-cost (\d+)", int_field("default_cost")),
    rule(r"abr-summary (\S+) (\S+)( not-advertise)?", a_summary),
    rule(
        r"authentication-mode (?:hmac-)?(md5|simple)(?: (\d+))?(?: (cipher|plain) (\S+))?", a_auth
    ),
    rule(r"description .+", ignore="an OSPF area description is a label only"),
]


# --- BGP ------------------------------------------------------------------------------------


@dataclass
class BgpScope:
    """Where a BGP statement applies: the process, a VPN instance, an address family."""

    bgp: Bgp
    vrf: BgpVrf | None = None
    af: BgpAddressFamily | None = None

    def neighbors(self) -> dict[str, BgpNeighbor]:
        return self.vrf.neighbors if self.vrf is not None else self.bgp.neighbors

    def peer(self, name: str, create: bool = True) -> BgpPeer | None:
        if is_ipv4(name) or ":" in name:
            found = self.neighbors().get(name)
            if found is None and create:
                found = self.neighbors()[name] = BgpNeighbor(address=name)
            return found
        group = self.bgp.peer_groups.get(name)
        if group is None and create and self.vrf is None:
            group = self.bgp.peer_groups[name] = BgpPeerGroup(name=name)
        return group


_AF = re.compile(r"address-family (?:(ipv4|ipv6) (unicast|multicast)|(vpnv4|vpnv6)|l2vpn evpn)")


def p_bgp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if ctx.config.bgp is not None:
        ctx.report.unsupported_tree(line, "a second BGP instance is not translated")
        return
    bgp = Bgp(asn=m.group(1))
    bgp.at(line.n)
    ctx.config.bgp = bgp
    _bgp_children(ctx, line, BgpScope(bgp))


def _flat(line: Line) -> list[Line]:
    """The statements of a view; lines that files indent under a plain statement (a peer
    line followed by a deeper `address-family`) are taken as its siblings."""
    out: list[Line] = []
    for child in line.children:
        out.append(child)
        if child.children and not (_AF.fullmatch(child.text) or child.text.startswith("ip vpn")):
            out.extend(_flat(child))
            child.children = []
    return out


def _bgp_children(ctx: Ctx, line: Line, where: BgpScope) -> None:
    for child in _flat(line):
        af = _AF.fullmatch(child.text)
        if af is not None:
            if af.group(1):
                family = where.bgp.family(af.group(1), af.group(2), _vrf_name(where))
            elif af.group(3):
                family = where.bgp.family(af.group(3), "vpn", _vrf_name(where))
            else:
                family = where.bgp.family("l2vpn-evpn", "evpn", _vrf_name(where))
            family.at(child.n)
            ctx.report.parsed(child)
            inner = BgpScope(where.bgp, where.vrf, family)
            for grandchild in child.children:
                dispatch(ctx, grandchild, AF_RULES, inner)
            continue
        vrf = re.fullmatch(r"ip vpn-instance (\S+)", child.text)
        if vrf is not None and where.vrf is None:
            entry = where.bgp.vrfs.get(vrf.group(1)) or BgpVrf(name=vrf.group(1))
            where.bgp.vrfs[entry.name] = entry
            entry.at(child.n)
            ctx.report.parsed(child)
            _bgp_children(ctx, child, BgpScope(where.bgp, entry))
            continue
        if dispatch(ctx, child, BGP_RULES, where):
            continue
        # Comware 5 kept IPv4 unicast statements in the bgp view itself
        legacy = BgpScope(
            where.bgp, where.vrf, where.bgp.family("ipv4", "unicast", _vrf_name(where))
        )
        dispatch(ctx, child, AF_RULES, legacy)


def _legacy(where: BgpScope) -> BgpScope:
    """The IPv4 unicast family of ``where``, for Comware 5 statements in the `bgp` view."""
    family = where.bgp.family("ipv4", "unicast", _vrf_name(where))
    return BgpScope(where.bgp, where.vrf, family)


def _vrf_name(where: BgpScope) -> str | None:
    return where.vrf.name if where.vrf is not None else None


def b_global(name: str, transform: Any = None) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
        node: Any = where.vrf if (where.vrf is not None and name == "router_id") else where.bgp
        value = m.group(1) if m.groups() else True
        setattr(node, name, transform(value) if transform else value)
        node.at(line.n, name)

    return handler


def b_flag(name: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
        flag_field(name)(ctx, line, m, where.bgp)

    return handler


def b_timer(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    where.bgp.keepalive, where.bgp.hold = int(m.group(1)), int(m.group(2))
    where.bgp.at(line.n, "keepalive", "hold")


def b_confed_peers(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    where.bgp.confederation_peers.extend(m.group(1).split())
    where.bgp.at(line.n, "confederation_peers")


def b_group(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    if where.vrf is not None:
        ctx.report.unsupported(line, "peer groups inside a VPN instance are not in the model")
        return
    group = where.peer(m.group(1))
    assert group is not None
    group.at(line.n)
    if m.group(2) == "internal":
        group.remote_as = where.bgp.asn
        group.at(line.n, "remote_as")


def b_peer(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    """Session settings of a peer or group: `peer X as-number|group|description|...`."""
    words = m.group(2).split()
    head = words[0]
    if head in _AF_PEER_WORDS:
        legacy = BgpScope(
            where.bgp, where.vrf, where.bgp.family("ipv4", "unicast", _vrf_name(where))
        )
        if not dispatch(ctx, line, AF_RULES, legacy):
            ctx.report.unsupported(line, f"peer option {head!r} is not translated")
        return
    peer = where.peer(m.group(1))
    if peer is None:
        ctx.report.unsupported(line, "a peer group inside a VPN instance is not in the model")
        return
    peer.at(line.n)
    if head == "as-number" and len(words) == 2:
        peer.remote_as = words[1]
        peer.at(line.n, "remote_as")
    elif head == "group" and len(words) in (2, 4):
        peer.peer_group = words[1]
        peer.at(line.n, "peer_group")
        if len(words) == 4:
            peer.remote_as = words[3]
            peer.at(line.n, "remote_as")
    elif head == "description":
        peer.description = m.group(2).split(None, 1)[1]
        peer.at(line.n, "description")
    elif head == "connect-interface" and len(words) == 2:
        peer.update_source = ifname(words[1])
        peer.at(line.n, "update_source")
    elif head == "ebgp-max-hop":
        peer.ebgp_multihop = int(words[1]) if len(words) == 2 else 255
        peer.at(line.n, "ebgp_multihop")
    elif head == "password" and len(words) == 3:
        peer.password = read_secret(ctx, line, words[2], words[1])
        peer.at(line.n, "password")
    elif words[:2] == ["timer", "keepalive"] and len(words) == 5 and words[3] == "hold":
        peer.keepalive, peer.hold = int(words[2]), int(words[4])
        peer.at(line.n, "keepalive", "hold")
    elif head == "ignore" and len(words) == 1:
        peer.shutdown = True
        peer.at(line.n, "shutdown")
    elif head == "bfd" and len(words) == 1:
        peer.bfd = True
        peer.at(line.n, "bfd")
    elif head == "fake-as" and len(words) == 2:
        peer.local_as = words[1]
        peer.at(line.n, "local_as")
    elif words[:2] == ["ttl-security", "hops"] and len(words) == 3:
        peer.ttl_security = int(words[2])
        peer.at(line.n, "ttl_security")
    else:
        ctx.report.unsupported(line, f"peer option {head!r} is not translated")


BGP_RULES: list[Rule] = [
    rule(r"router-id (\S+)", b_global("router_id")),
    rule(r"timer keepalive (\d+) hold (\d+)", b_timer),
    rule(r"graceful-restart", b_global("graceful_restart")),
    rule(
        r"graceful-restart timer .+", unsupported="BGP graceful restart timers are not in the model"
    ),
    rule(r"(undo )?log-peer-change", b_flag("log_neighbor_changes")),
    rule(r"compare-different-as-med", b_global("always_compare_med")),
    rule(r"bestroute compare-med", b_global("deterministic_med")),
    rule(r"reflector cluster-id (\S+)", b_global("cluster_id")),
    rule(r"confederation id (\S+)", b_global("confederation_id")),
    rule(r"confederation peer-as (.+)", b_confed_peers),
    rule(r"(undo )?ebgp-interface-sensitive", b_flag("fast_external_fallover")),
    rule(r"group (\S+)(?: (internal|external))?", b_group),
    rule(r"peer (\S+) (.+)", b_peer),
]


# --- address families -----------------------------------------------------------------------


def _af_peer(where: BgpScope, name: str, line: Line) -> BgpAfPeer:
    assert where.af is not None
    entry = where.af.peers.get(name)
    if entry is None:
        entry = where.af.peers[name] = BgpAfPeer(activate=False)
        entry.at(line.n)
    return entry


_AF_PEER_FLAGS = {
    "next-hop-local": "next_hop_self",
    "reflect-client": "route_reflector_client",
    "keep-all-routes": "soft_reconfiguration",
    "public-as-only": "remove_private_as",
    "substitute-as": "as_override",
}
_AF_PEER_WORDS = {
    "additional-paths",
    "advertise",
    "enable",
    "route-policy",
    "prefix-list",
    "as-path-acl",
    "advertise-community",
    "advertise-ext-community",
    "default-route-advertise",
    "route-limit",
    "allow-as-loop",
    "preferred-value",
    *_AF_PEER_FLAGS,
}


def af_peer(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    entry = _af_peer(where, m.group(1), line)
    words = m.group(2).split()
    head = words[0]
    if head == "enable" and len(words) == 1:
        entry.activate = True
        entry.at(line.n, "activate")
    elif head in ("route-policy", "prefix-list", "as-path-acl") and len(words) == 3:
        kind = {
            "route-policy": "route_map",
            "prefix-list": "prefix_list",
            "as-path-acl": "filter_list",
        }[head]
        name = f"{kind}_{'in' if words[2] == 'import' else 'out'}"
        setattr(entry, name, words[1])
        entry.at(line.n, name)
    elif head in _AF_PEER_FLAGS and len(words) == 1:
        setattr(entry, _AF_PEER_FLAGS[head], True)
        entry.at(line.n, _AF_PEER_FLAGS[head])
    elif head in ("advertise-community", "advertise-ext-community") and len(words) == 1:
        extended = head == "advertise-ext-community"
        have = entry.send_community
        if have in ("standard", "extended") and have != ("extended" if extended else "standard"):
            entry.send_community = "both"
        else:
            entry.send_community = "extended" if extended else "standard"
        entry.at(line.n, "send_community")
    elif head == "default-route-advertise":
        entry.default_originate = True
        entry.at(line.n, "default_originate")
        if words[1:2] == ["route-policy"] and len(words) == 3:
            entry.default_originate_route_map = words[2]
            entry.at(line.n, "default_originate_route_map")
    elif head == "route-limit" and len(words) >= 2:
        entry.maximum_prefix = int(words[1])
        entry.at(line.n, "maximum_prefix")
        if "alert-only" in words:
            entry.maximum_prefix_warning_only = True
            entry.at(line.n, "maximum_prefix_warning_only")
    elif head == "allow-as-loop":
        entry.allowas_in = int(words[1]) if len(words) == 2 else 0
        entry.at(line.n, "allowas_in")
    elif head == "additional-paths" and set(words[1:]) <= {"send", "receive"}:
        assert where.af is not None
        for word in words[1:]:
            setattr(where.af, f"additional_paths_{word}", True)
            where.af.at(line.n, f"additional_paths_{word}")
    elif words[:3] == ["advertise", "additional-paths", "best"] and len(words) == 4:
        entry.advertise_additional_paths.append(f"best {words[3]}")
        entry.at(line.n, "advertise_additional_paths")
    elif head == "preferred-value" and len(words) == 2:
        entry.weight = int(words[1])
        entry.at(line.n, "weight")
    else:
        ctx.report.unsupported(line, f"peer option {head!r} is not translated")


def af_network(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    assert where.af is not None
    words = m.group(1).split()
    if ":" in words[0]:
        prefix = ip_network(f"{words[0]}/{words[1]}", strict=False)
    elif len(words) > 1 and words[1] != "route-policy":
        prefix = ip_network(f"{words[0]}/{mask_or_length(words[1])}", strict=False)
    else:
        prefix = ip_network(words[0], strict=False)
    entry = BgpNetwork(prefix=prefix)
    rest = words[2:] if len(words) > 1 and words[1] != "route-policy" else words[1:]
    if rest[:1] == ["route-policy"] and len(rest) == 2:
        entry.route_map = rest[1]
    elif rest:
        ctx.report.unsupported(line, f"network option {rest[0]!r} is not translated")
        return
    entry.at(line.n)
    where.af.networks.append(entry)
    where.af.at(line.n, "networks")


def af_import(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    assert where.af is not None
    entry = read_redistribution(m.group(1).split(), "med")
    if entry is None:
        ctx.report.unsupported(line, "import-route form not understood")
        return
    entry.at(line.n)
    where.af.redistribute.append(entry)
    where.af.at(line.n, "redistribute")


def af_aggregate(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    assert where.af is not None
    prefix = ip_network(f"{m.group(1)}/{mask_or_length(m.group(2))}", strict=False)
    words = (m.group(3) or "").split()
    entry = BgpAggregate(
        prefix=prefix, as_set="as-set" in words, summary_only="detail-suppressed" in words
    )
    if set(words) - {"as-set", "detail-suppressed"}:
        ctx.report.unsupported(line, "aggregate option not translated")
        return
    entry.at(line.n)
    where.af.aggregates.append(entry)
    where.af.at(line.n, "aggregates")


def af_balance(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    assert where.af is not None
    count = int(m.group(2))
    if m.group(1) == "eibgp":
        where.af.maximum_paths_eibgp = count
        where.af.at(line.n, "maximum_paths_eibgp")
    if m.group(1) in (None, "ebgp"):
        where.af.maximum_paths = count
        where.af.at(line.n, "maximum_paths")
    if m.group(1) in (None, "ibgp"):
        where.af.maximum_paths_ibgp = count
        where.af.at(line.n, "maximum_paths_ibgp")


def af_relax(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    where.bgp.bestpath_as_path_multipath_relax = True
    where.bgp.at(line.n, "bestpath_as_path_multipath_relax")


def af_preference(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    assert where.af is not None
    where.af.distance = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    where.af.at(line.n, "distance")


def af_field(name: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
        assert where.af is not None
        setattr(where.af, name, True)
        where.af.at(line.n, name)

    return handler


def af_dampening(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    assert where.af is not None
    where.af.dampening = True
    where.af.at(line.n, "dampening")
    if m.group(1):
        half, reuse, suppress, ceiling = (int(x) for x in m.group(1).split())
        where.af.dampening_params = (half, reuse, suppress, ceiling)
        where.af.at(line.n, "dampening_params")


def _select(line: Line, m: re.Match[str], where: BgpScope) -> None:
    assert where.af is not None
    where.af.additional_paths_select = f"best {m.group(1)}"
    where.af.at(line.n, "additional_paths_select")


AF_RULES: list[Rule] = [
    rule(r"peer (\S+) (.+)", af_peer),
    rule(r"network (.+)", af_network),
    rule(r"import-route (.+)", af_import),
    rule(r"aggregate (\S+) (\S+)(?: (.+))?", af_aggregate),
    rule(r"balance (?:(ebgp|ibgp|eibgp) )?(\d+)", af_balance),
    rule(r"balance as-path-relax", af_relax),
    rule(r"preference (\d+) (\d+) (\d+)", af_preference),
    rule(r"default-route imported", af_field("default_information_originate")),
    rule(r"summary automatic", af_field("auto_summary")),
    rule(r"dampening(?: (\d+ \d+ \d+ \d+))?", af_dampening),
    rule(r"additional-paths select-best (\d+)", lambda c, ln, m, w: _select(ln, m, w)),
]

ROUTING_TOP: list[Rule] = [
    rule(r"ospf(?:v3)?(?: (.+))?", p_ospf),
    rule(r"bgp (\d+(?:\.\d+)?)", p_bgp),
    rule(r"bgp \S+ instance \S+", unsupported="BGP instances are not translated", tree=True),
]

__all__ = ["ROUTING_TOP", "BgpScope", "str_field"]

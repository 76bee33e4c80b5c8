"""Cisco NX-OS `router bgp`: neighbors, templates and VRFs are blocks, not IOS's
`neighbor X <option>` lines, and a neighbor runs an address family only where its block says so.
Options that mean the same as on IOS are handed to the IOS handlers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from orchestrator import ports
from orchestrator.model import (
    Bgp,
    BgpAddressFamily,
    BgpAfPeer,
    BgpNeighbor,
    BgpPeer,
    BgpPeerGroup,
)
from orchestrator.syntax.cisco_routing import BGP_RULES as IOS_BGP_RULES
from orchestrator.syntax.cisco_routing import (
    _af_peer,
    _bgp,
    _bgp_vrf,
    b_aggregate,
    b_default_info,
    b_distance,
    b_global,
    b_maximum_paths,
    b_network,
    b_redistribute,
    b_timers,
)
from orchestrator.syntax.rules import Ctx, Rule, dispatch_as, dispatch_children, rule
from orchestrator.syntax.text import Line

_IPV4 = re.compile(r"\d+\.\d+\.\d+\.\d+")

# --- BGP --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    """Where a BGP statement sits: the global table or one VRF."""

    vrf: str | None = None


@dataclass(frozen=True)
class _PeerScope:
    """Inside a `neighbor` or `template peer` block."""

    peer: BgpPeer
    name: str  # neighbor address or template name: the key of its per-family settings
    vrf: str | None


@dataclass(frozen=True)
class _AfPeerScope:
    """Inside an `address-family` block of a neighbor or template."""

    af: BgpAddressFamily
    peer: BgpAfPeer
    name: str


_FAMILIES = {
    ("ipv4", "unicast"): ("ipv4", "unicast"),
    ("ipv4", "multicast"): ("ipv4", "multicast"),
    ("ipv6", "unicast"): ("ipv6", "unicast"),
    ("vpnv4", "unicast"): ("vpnv4", "unicast"),
    ("vpnv6", "unicast"): ("vpnv6", "unicast"),
    ("l2vpn", "evpn"): ("l2vpn-evpn", "evpn"),
}
_FAMILY = r"address-family (ipv4|ipv6|vpnv4|vpnv6|l2vpn) (unicast|multicast|evpn)"


def _family(ctx: Ctx, m: re.Match[str], vrf: str | None, line: Line) -> BgpAddressFamily | None:
    names = _FAMILIES.get((m.group(1), m.group(2)))
    if names is None:
        ctx.report.unsupported_tree(line, f"BGP {m.group(0)!r} is not translated")
        return None
    af = _bgp(ctx).family(names[0], names[1], vrf)
    if not af.src.lines:
        af.at(line.n)
    return af


def p_router_bgp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if ctx.config.bgp is None:
        ctx.config.bgp = Bgp(asn=m.group(1))
    bgp = ctx.config.bgp
    bgp.at(line.n)
    # NX-OS runs a neighbor in an address family only where its block has that family
    bgp.default_ipv4_unicast = False
    bgp.at(line.n, "default_ipv4_unicast")
    dispatch_children(ctx, line, BGP_RULES, _Where())


def _af_flag(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], af: BgpAddressFamily) -> None:
        setattr(af, field, True)
        af.at(line.n, field)

    return handler


def b_router_id(ctx: Ctx, line: Line, m: re.Match[str], where: _Where) -> None:
    """`router-id A`; an interface name is resolved to its address once all are read."""
    value = m.group(1)
    if not _IPV4.fullmatch(value):
        ctx.state.setdefault("bgp_router_id_interface", []).append((value, where.vrf, line))
        return
    set_router_id(ctx, value, where.vrf, line.n)


def set_router_id(ctx: Ctx, value: str, vrf: str | None, n: int) -> None:
    bgp = _bgp(ctx)
    node: Any = bgp if vrf is None else _bgp_vrf(bgp, vrf)
    node.router_id = value
    node.at(n, "router_id")


def b_log_changes(ctx: Ctx, line: Line, m: re.Match[str], where: _Where) -> None:
    if where.vrf is not None:
        ctx.report.unsupported(line, "per-VRF BGP neighbor-change logging is not translated")
        return
    bgp = _bgp(ctx)
    bgp.log_neighbor_changes = m.group(1) is None
    bgp.at(line.n, "log_neighbor_changes")


def b_af_block(ctx: Ctx, line: Line, m: re.Match[str], where: _Where) -> None:
    af = _family(ctx, m, where.vrf, line)
    if af is not None:
        if line.children:
            ctx.report.block(line)  # an opener: its statements are accounted on their own lines
        dispatch_children(ctx, line, AF_RULES, af)


def b_neighbor_block(ctx: Ctx, line: Line, m: re.Match[str], where: _Where) -> None:
    address = m.group(1)
    bgp = _bgp(ctx)
    table = bgp.neighbors if where.vrf is None else _bgp_vrf(bgp, where.vrf).neighbors
    peer = table.get(address)
    if peer is None:
        peer = table[address] = BgpNeighbor(address=address)
    peer.at(line.n)
    if m.group(2):
        peer.remote_as = m.group(2)
        peer.at(line.n, "remote_as")
    elif line.children:
        ctx.report.block(line)  # `neighbor A` alone opens the block its settings are in
    dispatch_children(ctx, line, PEER_RULES, _PeerScope(peer, address, where.vrf))


def b_template(ctx: Ctx, line: Line, m: re.Match[str], where: _Where) -> None:
    """`template peer NAME`: settings neighbors take with `inherit peer NAME` (a peer group)."""
    name = m.group(1)
    bgp = _bgp(ctx)
    group = bgp.peer_groups.get(name)
    if group is None:
        group = bgp.peer_groups[name] = BgpPeerGroup(name=name)
    group.at(line.n)
    dispatch_children(ctx, line, PEER_RULES, _PeerScope(group, name, where.vrf))


def b_vrf(ctx: Ctx, line: Line, m: re.Match[str], where: _Where) -> None:
    if where.vrf is not None:
        ctx.report.unsupported_tree(line, "a VRF inside a VRF is not BGP configuration")
        return
    _bgp_vrf(_bgp(ctx), m.group(1)).at(line.n)
    if line.children:
        ctx.report.block(line)  # the VRF's families and neighbors are accounted on their lines
    dispatch_children(ctx, line, BGP_RULES, _Where(m.group(1)))


def _session(field: str, kind: str = "word") -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: _PeerScope) -> None:
        value: Any = True
        if kind == "int":
            value = int(m.group(1))
        elif kind == "interface":
            value = ports.canonical_name(ctx.platform, m.group(1))
        elif kind == "word":
            value = m.group(1)
        setattr(scope.peer, field, value)
        scope.peer.at(line.n, field)

    return handler


def n_shutdown(ctx: Ctx, line: Line, m: re.Match[str], scope: _PeerScope) -> None:
    scope.peer.shutdown = m.group(1) is None
    scope.peer.at(line.n, "shutdown")


def n_timers(ctx: Ctx, line: Line, m: re.Match[str], scope: _PeerScope) -> None:
    scope.peer.keepalive, scope.peer.hold = int(m.group(1)), int(m.group(2))
    scope.peer.at(line.n, "keepalive", "hold")


#: NX-OS password types: 3 is encrypted with the box's own key, 7 is Cisco type 7
_PASSWORD_KINDS = {"0": "plain", "3": "nxos3", "7": "cisco7"}


def n_password(ctx: Ctx, line: Line, m: re.Match[str], scope: _PeerScope) -> None:
    kind = _PASSWORD_KINDS[m.group(1) or "0"]
    scope.peer.password = ctx.secret(line, kind, m.group(2))  # type: ignore[arg-type]
    scope.peer.at(line.n, "password")


def n_family(ctx: Ctx, line: Line, m: re.Match[str], scope: _PeerScope) -> None:
    """`address-family X` in a neighbor block: the neighbor runs that family (activate)."""
    af = _family(ctx, m, scope.vrf, line)
    if af is None:
        return
    peer = _af_peer(af, scope.name, line)
    peer.activate = True
    peer.at(line.n, "activate")
    dispatch_children(ctx, line, PEER_AF_RULES, _AfPeerScope(af, peer, scope.name))


def a_ios(ctx: Ctx, line: Line, m: re.Match[str], scope: _AfPeerScope) -> None:
    """A per-family option NX-OS writes inside the neighbor's block; IOS writes the same option
    as `neighbor <name> <option>` under the family, so the IOS table reads it."""
    dispatch_as(ctx, line, f"neighbor {scope.name} {line.text}", IOS_BGP_RULES, scope.af)


def a_send_community(ctx: Ctx, line: Line, m: re.Match[str], scope: _AfPeerScope) -> None:
    """`send-community` and `send-community extended` on two lines together mean both."""
    new = m.group(1) or "standard"
    old = scope.peer.send_community
    scope.peer.send_community = new if old in (None, new) else "both"  # type: ignore[assignment]
    scope.peer.at(line.n, "send_community")


BGP_RULES: list[Rule] = [
    rule(r"router-id (\S+)", b_router_id),
    rule(r"(no )?log-neighbor-changes", b_log_changes),
    rule(_FAMILY, b_af_block),
    rule(
        r"neighbor \S+/\d+(?: .*)?",
        unsupported="BGP neighbor ranges (dynamic neighbors) are not translated",
        tree=True,
    ),
    rule(r"neighbor (\S+)(?: remote-as (\S+))?", b_neighbor_block),
    rule(r"template peer (\S+)", b_template),
    rule(
        r"template peer-(?:session|policy) \S+",
        unsupported="NX-OS session and policy templates are not translated",
        tree=True,
    ),
    rule(r"vrf (\S+)", b_vrf),
    rule(r"bestpath as-path multipath-relax", b_global("bestpath_as_path_multipath_relax")),
    rule(r"bestpath always-compare-med", b_global("always_compare_med")),
    rule(r"(no )?graceful-restart", b_global("graceful_restart")),
    rule(r"(no )?fast-external-fallover", b_global("fast_external_fallover")),
    rule(r"confederation identifier (\S+)", b_global("confederation_id", "word")),
    rule(r"confederation peers (.+)", b_global("confederation_peers", "words")),
    rule(r"cluster-id (\S+)", b_global("cluster_id", "word")),
    rule(r"timers bgp (\d+) (\d+)", b_timers),
]

AF_RULES: list[Rule] = [
    rule(r"network (\S+)(?: mask (\S+))?(?: (.+))?", b_network),
    rule(r"aggregate-address (\S+)(?: (\d+\.\d+\.\d+\.\d+))?(?: (.+))?", b_aggregate),
    rule(r"redistribute .+", b_redistribute),
    rule(r"maximum-paths( ibgp)? (\d+)", b_maximum_paths),
    rule(r"default-information originate", b_default_info),
    rule(r"distance (\d+) (\d+) (\d+)", b_distance),
    rule(r"advertise l2vpn evpn", _af_flag("advertise_evpn")),
    rule(r"retain route-target all", _af_flag("retain_route_target_all")),
]

PEER_RULES: list[Rule] = [
    rule(r"remote-as (\S+)", _session("remote_as")),
    rule(r"description (.+)", _session("description")),
    rule(r"update-source (\S+)", _session("update_source", "interface")),
    rule(r"ebgp-multihop (\d+)", _session("ebgp_multihop", "int")),
    rule(r"local-as (\S+)", _session("local_as")),
    rule(r"inherit peer (\S+)", _session("peer_group")),
    rule(r"bfd", _session("bfd", "flag")),
    rule(r"(no )?shutdown", n_shutdown),
    rule(r"timers (\d+) (\d+)", n_timers),
    rule(r"password (?:([037]) )?(\S+)", n_password),
    rule(_FAMILY, n_family),
    rule(
        r"inherit peer-(?:session|policy) .+",
        unsupported="NX-OS session and policy templates are not translated",
    ),
]

PEER_AF_RULES: list[Rule] = [
    rule(r"send-community(?: (standard|extended|both))?", a_send_community),
    rule(r"(?:route-map|prefix-list|filter-list) \S+ (?:in|out)", a_ios),
    rule(r"next-hop-self(?: all)?", a_ios),
    rule(r"route-reflector-client", a_ios),
    rule(r"soft-reconfiguration inbound(?: always)?", a_ios),
    rule(r"allowas-in(?: \d+)?", a_ios),
    rule(r"maximum-prefix \d+(?: warning-only)?", a_ios),
    rule(r"default-originate(?: route-map \S+)?", a_ios),
    rule(r"(?:as-override|weight \d+|unsuppress-map \S+)", a_ios),
    rule(
        r"disable-peer-as-check",
        unsupported="advertising routes back to the AS they came "
        "from (disable-peer-as-check) is not translated",
    ),
    rule(r"inherit peer-policy .+", unsupported="NX-OS policy templates are not translated"),
]

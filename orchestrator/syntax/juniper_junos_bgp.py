"""Junos `protocols bgp` → BGP peer groups, neighbors and per-family peer settings.

A Junos group is a peer group: global groups become `BgpPeerGroup`s with their neighbors
pointing at them; groups inside a routing instance are flattened into that VRF's neighbors (the
model has no VRF peer groups). Settings given at the `protocols bgp` level are inherited by every
group that does not set them. A group's families default to IPv4 unicast; a group that names only
other families (EVPN) is deactivated in IPv4 unicast. ``type internal`` peers are in the local
AS (the group's ``local-as`` if it has one). Import/export policies become route maps on the
family peers; export policies that accept routes of another protocol (``from protocol direct``)
also redistribute that protocol, since on Junos that export is what puts them into BGP.

``multipath`` has no path count on Junos (the platform's ECMP limit applies): it becomes
``maximum-paths`` `JUNOS_ECMP`, the default maximum-ecmp of most Junos platforms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from orchestrator.model import (
    Bgp,
    BgpAfPeer,
    BgpNeighbor,
    BgpPeer,
    BgpPeerGroup,
    BgpVrf,
)
from orchestrator.syntax.juniper_junos_export import redistributions
from orchestrator.syntax.juniper_junos_index import claim, junos, secret_kind
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, unquote, values
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line

JUNOS_ECMP = 16

_FAMILIES = {
    ("inet", "unicast"): ("ipv4", "unicast"),
    ("inet6", "unicast"): ("ipv6", "unicast"),
    ("inet", "multicast"): ("ipv4", "multicast"),
    ("inet-vpn", "unicast"): ("vpnv4", "unicast"),
    ("inet6-vpn", "unicast"): ("vpnv6", "unicast"),
    ("evpn", "signaling"): ("l2vpn-evpn", "evpn"),
}


@dataclass
class PeerSpec:
    """What one group or neighbor says, before inheritance is settled."""

    peer: BgpPeer
    kind: tuple[str, int] | None = None
    imports: list[tuple[list[str], int]] = field(default_factory=list)
    exports: list[tuple[list[str], int]] = field(default_factory=list)
    families: list[tuple[str, str, int]] = field(default_factory=list)
    af_options: list[tuple[str, object, int]] = field(default_factory=list)
    cluster: tuple[str, int] | None = None
    multipath: list[tuple[bool, int]] = field(default_factory=list)


@dataclass
class GroupSpec(PeerSpec):
    name: str = ""
    vrf: str | None = None
    neighbors: dict[str, PeerSpec] = field(default_factory=dict)


def _groups(ctx: Ctx) -> dict[tuple[str | None, str], GroupSpec]:
    found: dict[tuple[str | None, str], GroupSpec] = junos(ctx).bucket("bgp_groups")
    return found


def _group(ctx: Ctx, vrf: str | None, name: str) -> GroupSpec:
    groups = _groups(ctx)
    key = (vrf, name)
    if key not in groups:
        groups[key] = GroupSpec(peer=BgpPeerGroup(name=name or "*"), name=name, vrf=vrf)
    return groups[key]


def h_bgp(ctx: Ctx, line: Line, text: str, stmt: Stmt, vrf: str | None) -> None:
    """``text`` starts with `bgp`; the statement sits globally or in routing instance ``vrf``."""
    base = 2 if vrf is None else 4
    rest = text[3:].strip()
    gm = re.fullmatch(r"group (\S+)(?: (.+))?", rest)
    if gm is None:
        _global(ctx, line, rest, stmt, vrf)
        return
    group = _group(ctx, vrf, unquote(gm.group(1)))
    claim(ctx, stmt, base + 2, group.peer)
    tail = gm.group(2) or ""
    if not tail:
        group.peer.at(line.n)
        return
    nm = re.fullmatch(r"neighbor (\S+)(?: (.+))?", tail)
    if nm is not None:
        address = nm.group(1)
        spec = group.neighbors.get(address)
        if spec is None:
            spec = group.neighbors[address] = PeerSpec(peer=BgpNeighbor(address=address))
        # `neighbor X` in a group declares the peer and its membership: on the targets that
        # is the peer's own line (`peer X group G`, `neighbor X peer-group G`)
        declared = ("", "peer_group") if vrf is None else ("", "remote_as")
        claim(ctx, stmt, base + 4, spec.peer, *declared)
        spec.peer.at(line.n, *declared)
        if nm.group(2):
            _peer_option(ctx, line, nm.group(2), spec, stmt)
        return
    tm = re.fullmatch(r"type (internal|external)", tail)
    if tm is not None:
        group.kind = (tm.group(1), line.n)
        group.peer.at(line.n)
        return
    _peer_option(ctx, line, tail, group, stmt)


def _global(ctx: Ctx, line: Line, rest: str, stmt: Stmt, vrf: str | None) -> None:
    words = tokens(rest)
    if not words:
        junos(ctx).bucket("bgp_lines")[line.n] = "bgp"
        return
    if words[0] == "local-as" and len(words) == 2 and vrf is None:
        if words[1] == junos(ctx).index.asn:
            junos(ctx).bucket("asn")["bgp"] = (words[1], line.n)
            return
    if words == ["log-updown"]:
        junos(ctx).bucket("bgp_flags")["log_neighbor_changes"] = line.n
        return
    if words == ["graceful-restart"]:
        junos(ctx).bucket("bgp_flags")["graceful_restart"] = line.n
        return
    if words[0] == "traceoptions":
        ctx.report.ignored(line, "Junos trace (debug) file settings")
        return
    _peer_option(ctx, line, rest, _group(ctx, vrf, ""), stmt)


def _peer_option(ctx: Ctx, line: Line, text: str, spec: PeerSpec, stmt: Stmt) -> None:
    peer = spec.peer
    words = tokens(text)
    key, args = words[0], values(words[1:])
    if key == "peer-as" and len(args) == 1:
        peer.remote_as = args[0]
        peer.at(line.n, "remote_as")
    elif key == "description":
        peer.description = " ".join(args)
        peer.at(line.n, "description")
    elif key == "local-address" and len(args) == 1:
        owner = junos(ctx).index.address_owner(args[0])
        peer.update_source = owner or args[0]
        peer.at(line.n, "update_source")
    elif key == "authentication-key" and len(args) == 1:
        peer.password = ctx.secret(line, secret_kind(args[0]), args[0])
        peer.at(line.n, "password")
    elif key == "multihop":
        ttl = args[1] if args[:1] == ["ttl"] and len(args) == 2 else None
        if args and ttl is None:
            ctx.report.unsupported(line, f"multihop option `{' '.join(args)}`")
            return
        peer.ebgp_multihop = int(ttl) if ttl else 64  # Junos multihop without ttl: 64
        peer.at(line.n, "ebgp_multihop")
    elif key == "hold-time" and len(args) == 1:
        peer.hold = int(args[0])
        peer.keepalive = int(args[0]) // 3
        peer.at(line.n, "hold", "keepalive")
    elif key == "local-as" and args:
        if args[1:]:
            ctx.report.unsupported(line, f"local-as option `{' '.join(args[1:])}`")
            return
        if args[0] == junos(ctx).index.asn:
            ctx.report.ignored(line, "local-as equal to the router's own AS has no effect")
            return
        peer.local_as = args[0]
        peer.at(line.n, "local_as")
    elif key in ("import", "export"):
        (spec.imports if key == "import" else spec.exports).append((args, line.n))
    elif key == "family" and len(args) >= 2 and (args[0], args[1]) in _FAMILIES:
        afi, safi = _FAMILIES[(args[0], args[1])]
        spec.families.append((afi, safi, line.n))
        if args[2:4] == ["prefix-limit", "maximum"] and len(args) == 5:
            spec.af_options.append(("maximum_prefix", int(args[4]), line.n))
        elif args[2:]:
            ctx.report.unsupported(line, f"family option `{' '.join(args[2:])}`")
    elif key == "cluster" and len(args) == 1:
        spec.cluster = (args[0], line.n)
    elif key == "multipath":
        if args and args != ["multiple-as"]:
            ctx.report.unsupported(line, f"multipath option `{' '.join(args)}`")
            return
        spec.multipath.append((bool(args), line.n))
    elif key == "remove-private" and not args:
        spec.af_options.append(("remove_private_as", True, line.n))
    elif key == "as-override" and not args:
        spec.af_options.append(("as_override", True, line.n))
    elif key == "bfd-liveness-detection":
        peer.bfd = True
        peer.at(line.n, "bfd")
        claim(ctx, stmt, stmt.words.index(key) + 1, peer, "bfd")
        if args == ["session-mode", "single-hop"]:
            ctx.report.ignored(
                line, "single-hop is how the targets run BFD for a directly connected peer"
            )
        elif args:
            _bfd_timer(ctx, line, peer, args)
    elif key == "traceoptions":
        ctx.report.ignored(line, "Junos trace (debug) file settings")
    elif key == "mtu-discovery" and not args:
        peer.path_mtu_discovery = True
        peer.at(line.n, "path_mtu_discovery")
    elif key == "vpn-apply-export" and not args:
        junos(ctx).bucket("vpn_apply_export")[line.n] = spec  # settled with the exports
    else:
        ctx.report.unsupported(line, f"BGP option `{text}` is not translated")


def _bfd_timer(ctx: Ctx, line: Line, peer: BgpPeer, args: list[str]) -> None:
    """`minimum-interval` (both directions), `minimum-receive-interval`, `transmit-interval
    minimum-interval`, `multiplier` (Junos default 3): one (tx, rx, multiplier) triple."""
    tx, rx, multiplier = peer.bfd_interval or (0, 0, 3)
    if len(args) == 2 and args[1].isdigit() and args[0] == "minimum-interval":
        tx = rx = int(args[1])
    elif len(args) == 2 and args[1].isdigit() and args[0] == "minimum-receive-interval":
        rx = int(args[1])
    elif len(args) == 2 and args[1].isdigit() and args[0] == "multiplier":
        multiplier = int(args[1])
    elif len(args) == 3 and args[:2] == ["transmit-interval", "minimum-interval"]:
        tx = int(args[2])
    else:
        ctx.report.unsupported(line, f"BFD option `{' '.join(args)}` is not translated")
        return
    peer.bfd_interval = (tx, rx, multiplier)
    peer.at(line.n, "bfd_interval")


# --- settling ------------------------------------------------------------------------------

_SESSION_FIELDS = [f.name for f in fields(BgpPeer) if f.name not in ("src", "peer_group")]


def _inherit(child: BgpPeer, parent: BgpPeer) -> None:
    """Copy the session settings ``child`` does not set itself, with their source lines."""
    for name in _SESSION_FIELDS:
        value = getattr(parent, name)
        default = getattr(BgpPeer(), name)
        if value != default and getattr(child, name) == default:
            setattr(child, name, value)
            for n in parent.src.get(name):
                child.at(n, name)


def _inherit_spec(child: PeerSpec, parent: PeerSpec, header: bool = False) -> None:
    """``header``: the parent is flattened into the child, its own lines become the child's."""
    _inherit(child.peer, parent.peer)
    if header:
        for n in parent.peer.src.get(""):
            child.peer.at(n, "", "remote_as")
    child.imports = child.imports or parent.imports
    child.exports = child.exports or parent.exports
    child.families = child.families or parent.families
    child.af_options = [*parent.af_options, *child.af_options]
    child.kind = child.kind or parent.kind
    child.cluster = child.cluster or parent.cluster
    child.multipath = child.multipath or parent.multipath


def finish_bgp(ctx: Ctx) -> None:
    state = junos(ctx)
    groups = _groups(ctx)
    real = {k: g for k, g in groups.items() if k[1]}
    asn_lines = [n for _, n in state.bucket("asn").values()]
    if not real:
        for _key, group in groups.items():
            for n in group.peer.src.every():
                ctx.report.ignored(n, "BGP settings without any BGP group: BGP does not run")
        for n in asn_lines:
            ctx.report.ignored(n, "the AS number is used only by BGP, which is not configured")
        return
    bgp = ctx.config.bgp = Bgp(asn=state.index.asn or "0")
    for n in [*state.index.asn_lines, *asn_lines]:
        bgp.at(n)  # the AS is what `router bgp <AS>` / `bgp <AS>` is made of
        bgp.at(n, "asn")
    for flag, n in state.bucket("bgp_flags").items():
        setattr(bgp, flag, True)
        bgp.at(n, flag)
    for (vrf, _name), group in real.items():
        top = groups.get((vrf, ""))
        if top is not None:
            _inherit_spec(group, top)
        if group.kind is not None and group.kind[0] == "internal":
            group.peer.remote_as = group.peer.local_as or bgp.asn
            group.peer.at(group.kind[1], "remote_as")
        _settle_group(ctx, bgp, group)
    for n, spec in state.bucket("vpn_apply_export").items():
        peers = [spec, *spec.neighbors.values()] if isinstance(spec, GroupSpec) else [spec]
        if any(p.exports for p in peers):
            ctx.report.unsupported(
                n,
                "vpn-apply-export (BGP export policy also applied to VPN "
                "routes, after the VRF's) is not translated",
            )
        else:
            ctx.report.ignored(
                n,
                "vpn-apply-export applies the BGP export policy to VPN routes: "
                "these sessions have none, so it changes nothing",
            )


def _settle_group(ctx: Ctx, bgp: Bgp, group: GroupSpec) -> None:
    vrf = group.vrf
    if vrf is None:
        assert isinstance(group.peer, BgpPeerGroup)
        bgp.peer_groups[group.name] = group.peer
        _families(ctx, bgp, group, group.name, None)
    for address, spec in group.neighbors.items():
        neighbor = spec.peer
        assert isinstance(neighbor, BgpNeighbor)
        if vrf is None:
            # the neighbor's entries carry only its own settings; the rest is its group's
            neighbor.peer_group = group.name
            bgp.neighbors[address] = neighbor
            spec.families = spec.families or group.families
            spec.kind = group.kind
        else:
            _inherit_spec(spec, group, header=True)
            table = bgp.vrfs.get(vrf)
            if table is None:
                table = bgp.vrfs[vrf] = BgpVrf(name=vrf)
            table.neighbors[address] = neighbor
        _families(ctx, bgp, spec, address, vrf)


def _families(ctx: Ctx, bgp: Bgp, spec: PeerSpec, key: str, vrf: str | None) -> None:
    """Per-family entries of a group or neighbor: activation, policies, RR client, multipath."""
    families = spec.families or [("ipv4", "unicast", 0)]
    header = spec.peer.src.get("")
    for afi, safi, n in families:
        af = bgp.family(afi, safi, vrf)
        peer = af.peers.get(key)
        if peer is None:
            peer = af.peers[key] = BgpAfPeer()
        for line in (n,) if n else header:
            peer.at(line)
            peer.at(line, "activate")
            af.at(line)
        _route_map(ctx, peer, "route_map_in", spec.imports)
        for names, line in spec.exports:
            items, whole = redistributions(ctx, names, line, "bgp-export")
            if not whole:
                _route_map(ctx, peer, "route_map_out", [(names, line)])
            if afi not in ("ipv4", "ipv6") or safi != "unicast":
                continue
            for item in items:
                same = [
                    r
                    for r in af.redistribute
                    if r.protocol == item.protocol and r.route_map == item.route_map
                ]
                if same:
                    for ln in item.src.every():
                        same[0].at(ln)
                else:
                    af.redistribute.append(item)
                af.at(line, "redistribute")
        if spec.cluster is not None:
            peer.route_reflector_client = True
            peer.at(spec.cluster[1], "route_reflector_client")
            bgp.cluster_id = spec.cluster[0]
            bgp.at(spec.cluster[1], "cluster_id")
        for option, value, line in spec.af_options:
            setattr(peer, option, value)
            peer.at(line, option)
        internal = spec.kind is not None and spec.kind[0] == "internal"
        for relax, line in spec.multipath:
            name = "maximum_paths_ibgp" if internal else "maximum_paths"
            setattr(af, name, JUNOS_ECMP)
            af.at(line, name)
            if relax:
                bgp.bestpath_as_path_multipath_relax = True
                bgp.at(line, "bestpath_as_path_multipath_relax")
    if not any(a == "ipv4" and s == "unicast" for a, s, _ in families):
        # only other families named: the session carries no IPv4 unicast routes
        af = bgp.family("ipv4", "unicast", vrf)
        off = af.peers[key] = BgpAfPeer(activate=False)
        for _, _, n in families:
            off.at(n, "activate")


def _route_map(ctx: Ctx, peer: BgpAfPeer, name: str, entries: list[tuple[list[str], int]]) -> None:
    for policies, line in entries:
        if len(policies) != 1:
            ctx.report.unsupported(
                line, "a chain of BGP policies is not translated (one route map per direction)"
            )
            continue
        setattr(peer, name, policies[0])
        peer.at(line, name)


def h_protocols_bgp(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    h_bgp(ctx, line, stmt.text[len("protocols ") :], stmt, None)


BGP_TOP: list[Rule] = [
    rule(r"protocols bgp(?: .+)?", h_protocols_bgp),
]

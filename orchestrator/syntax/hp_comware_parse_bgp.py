"""Comware 7 `bgp N`: peers, groups, address families and VPN instances.

Comware 5 wrote IPv4 unicast settings (`network`, `peer X route-policy`) straight under `bgp`;
such lines are read into the IPv4 unicast family, as Comware 7 would convert them.
"""

from __future__ import annotations

import re
from ipaddress import ip_network
from typing import Any

from orchestrator.model import (
    Bgp,
    BgpVrf,
)
from orchestrator.syntax.hp_comware_common import ifname, read_secret
from orchestrator.syntax.hp_comware_parse_bgp_af import (
    AF_PEER_WORDS,
    AF_RULES,
    BgpScope,
)
from orchestrator.syntax.rules import Ctx, Rule, dispatch, flag_field, rule
from orchestrator.syntax.text import Line

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
    if head in AF_PEER_WORDS:
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


def b_listen(ctx: Ctx, line: Line, m: re.Match[str], where: BgpScope) -> None:
    """`peer NET LEN group G`: sessions from any address in the subnet join group G."""
    prefix = ip_network(f"{m.group(1)}/{m.group(2)}", strict=False)
    where.bgp.listen_ranges.append((prefix, m.group(3)))
    where.bgp.at(line.n, "listen_ranges")


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
    rule(r"peer (\d+\.\d+\.\d+\.\d+) (\d+) group (\S+)", b_listen),
    rule(r"peer (\S+) (.+)", b_peer),
]

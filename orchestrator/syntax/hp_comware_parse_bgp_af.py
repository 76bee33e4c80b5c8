"""Comware 7 BGP address families: what a peer gets in a family, networks, imports,
aggregates, load balancing. Also the scope a BGP statement applies to."""

from __future__ import annotations

import re
from dataclasses import dataclass
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
    Redistribution,
)
from orchestrator.syntax.hp_comware_common import is_ipv4
from orchestrator.syntax.rules import Ctx, Rule, mask_or_length, rule
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


AF_PEER_WORDS = {
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
        # route-limit N [ alert-only | reconnect MINUTES ] [ PERCENT ]
        entry.maximum_prefix = int(words[1])
        entry.at(line.n, "maximum_prefix")
        rest = words[2:]
        if rest[:1] == ["alert-only"]:
            entry.maximum_prefix_warning_only = True
            entry.at(line.n, "maximum_prefix_warning_only")
            rest = rest[1:]
        elif rest[:1] == ["reconnect"] and len(rest) >= 2:
            entry.maximum_prefix_restart = int(rest[1])
            entry.at(line.n, "maximum_prefix_restart")
            rest = rest[2:]
        if rest and rest[0].isdigit():
            entry.maximum_prefix_threshold = int(rest[0])
            entry.at(line.n, "maximum_prefix_threshold")
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
    # a VPN instance's routes also go out as EVPN IP prefix (type-5) routes
    rule(r"advertise l2vpn evpn", af_field("advertise_evpn")),
    # keep VPN/EVPN routes no local VPN instance imports (route reflectors)
    rule(r"undo policy vpn-target", af_field("retain_route_target_all")),
]

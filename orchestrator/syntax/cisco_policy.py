"""Cisco routing policy: prefix lists, community and AS-path lists, route maps (IOS and NX-OS)."""

from __future__ import annotations

import re
from ipaddress import ip_network
from typing import Any

from orchestrator.model import (
    AsPathEntry,
    AsPathList,
    CommunityList,
    CommunityListEntry,
    PrefixList,
    PrefixListEntry,
    RouteMap,
    RouteMapEntry,
    RouteMapMatch,
    RouteMapSet,
)
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule, str_field
from orchestrator.syntax.text import Line

_PREFIX_ENTRY = re.compile(
    r"(?:seq (?P<seq>\d+) )?(?P<action>permit|deny) (?P<prefix>\S+)"
    r"(?: ge (?P<ge>\d+))?(?: le (?P<le>\d+))?(?: eq (?P<eq>\d+))?"
)


def p_prefix_list(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    afi, name, rest = m.group(1), m.group(2), m.group(3)
    plist = ctx.config.prefix_lists.get(name)
    if plist is None:
        plist = PrefixList(name=name, afi="ipv6" if afi == "ipv6" else "ipv4")
        ctx.config.prefix_lists[name] = plist
    plist.at(line.n)
    if rest.startswith("description "):
        plist.description = rest.split(" ", 1)[1]
        plist.at(line.n, "description")
        return
    entry_m = _PREFIX_ENTRY.fullmatch(rest)
    if entry_m is None:
        ctx.report.unsupported(line, "prefix-list entry form not understood")
        return
    ge = entry_m.group("ge") or entry_m.group("eq")
    le = entry_m.group("le") or entry_m.group("eq")
    entry = PrefixListEntry(
        seq=int(entry_m.group("seq")) if entry_m.group("seq") else None,
        action=entry_m.group("action"),  # type: ignore[arg-type]
        prefix=ip_network(entry_m.group("prefix"), strict=False),
        ge=int(ge) if ge else None,
        le=int(le) if le else None,
    )
    entry.at(line.n)
    plist.entries.append(entry)
    plist.at(line.n, "entries")


def p_community_list(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind, name, action, values = m.group(1), m.group(2), m.group(3), m.group(4)
    if kind is None:
        number = int(name) if name.isdigit() else 0
        kind = "expanded" if 100 <= number <= 500 else "standard"
    clist = ctx.config.community_lists.get(name)
    if clist is None:
        clist = CommunityList(name=name, kind=kind)  # type: ignore[arg-type]
        ctx.config.community_lists[name] = clist
    clist.at(line.n)
    if kind == "expanded":
        entry = CommunityListEntry(action=action, regex=values)  # type: ignore[arg-type]
    else:
        entry = CommunityListEntry(action=action, communities=values.split())  # type: ignore[arg-type]
    entry.at(line.n)
    clist.entries.append(entry)
    clist.at(line.n, "entries")


def p_extcommunity_list(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ip extcommunity-list standard NAME permit rt A:B ...`: a list of route targets."""
    name, action, words = m.group(1), m.group(2), m.group(3).split()
    if len(words) % 2 or any(word != "rt" for word in words[::2]):
        ctx.report.unsupported(line, "only route-target extended community lists are translated")
        return
    clist = ctx.config.community_lists.get(name)
    if clist is None:
        clist = ctx.config.community_lists[name] = CommunityList(name=name)
    clist.at(line.n)
    entry = CommunityListEntry(
        action=action,  # type: ignore[arg-type]
        communities=[f"target:{value}" for value in words[1::2]],
    )
    entry.at(line.n)
    clist.entries.append(entry)
    clist.at(line.n, "entries")


def p_as_path(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name, action, regex = m.group(1), m.group(2), m.group(3)
    alist = ctx.config.as_path_lists.get(name)
    if alist is None:
        alist = AsPathList(name=name)
        ctx.config.as_path_lists[name] = alist
    alist.at(line.n)
    entry = AsPathEntry(action=action, regex=regex.strip())  # type: ignore[arg-type]
    entry.at(line.n)
    alist.entries.append(entry)
    alist.at(line.n, "entries")


def p_route_map(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    action = m.group(2) or "permit"
    seq = int(m.group(3)) if m.group(3) else 10
    rmap = ctx.config.route_maps.get(name)
    if rmap is None:
        rmap = RouteMap(name=name)
        ctx.config.route_maps[name] = rmap
    rmap.at(line.n)
    entry = RouteMapEntry(seq=seq, action=action)  # type: ignore[arg-type]
    entry.at(line.n)
    rmap.entries.append(entry)
    rmap.at(line.n, "entries")
    for child in line.children:
        dispatch(ctx, child, ROUTE_MAP_RULES, entry)


def _match(kind: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
        values = m.group(1).split()
        item = RouteMapMatch(kind=kind, values=values)  # type: ignore[arg-type]
        item.at(line.n)
        entry.matches.append(item)
        entry.at(line.n, "matches")

    return handler


def _set(kind: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
        values = m.group(1).split()
        additive = "additive" in values
        values = [v for v in values if v != "additive"]
        item = RouteMapSet(kind=kind, values=values, additive=additive)  # type: ignore[arg-type]
        item.at(line.n)
        entry.sets.append(item)
        entry.at(line.n, "sets")

    return handler


def rm_continue(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    entry.continue_to = int(m.group(1)) if m.group(1) else 0
    entry.at(line.n, "continue_to")


ROUTE_MAP_RULES: list[Rule] = [
    rule(r"match ip address prefix-list (.+)", _match("ip-address-prefix-list")),
    rule(r"match ipv6 address prefix-list (.+)", _match("ipv6-address-prefix-list")),
    rule(r"match ip address (?!prefix-list)(.+)", _match("ip-address-acl")),
    rule(r"match ip next-hop prefix-list (.+)", _match("next-hop-prefix-list")),
    rule(r"match community (.+?)(?: exact-match)?", _match("community")),
    rule(r"match extcommunity (.+)", _match("community")),
    rule(r"match as-path (.+)", _match("as-path")),
    rule(r"match tag (.+)", _match("tag")),
    rule(r"match metric (\d+)", _match("metric")),
    rule(r"match interface (.+)", _match("interface")),
    rule(r"match route-type (.+)", _match("route-type")),
    rule(r"set local-preference (\d+)", _set("local-preference")),
    rule(r"set metric (\S+)", _set("metric")),
    rule(r"set metric-type (type-1|type-2|internal|external)", _set("metric-type")),
    rule(r"set weight (\d+)", _set("weight")),
    rule(r"set tag (\d+)", _set("tag")),
    rule(r"set origin (igp|egp|incomplete)", _set("origin")),
    rule(
        r"set ip next-hop unchanged",
        unsupported="keeping the next hop towards eBGP peers is a BGP peer setting on the "
        "targets (next-hop-invariable), not a route-policy action",
    ),
    rule(r"set ip next-hop (?!peer-address)(\S+)", _set("next-hop")),
    rule(r"set as-path prepend (.+)", _set("as-path-prepend")),
    rule(r"set community (.+)", _set("community")),
    rule(r"set comm-list (\S+) delete", _set("community-delete")),
    rule(r"set extcommunity rt (.+)", _set("extcommunity-rt")),
    rule(r"set ip precedence (\S+)", _set("ip-precedence")),
    rule(r"description (.+)", str_field("description")),
    rule(r"continue(?: (\d+))?", rm_continue),
]

POLICY_TOP: list[Rule] = [
    rule(r"(ip|ipv6) prefix-list (\S+) (.+)", p_prefix_list),
    rule(r"ip community-list (?:(standard|expanded) )?(\S+) (permit|deny) (.+)", p_community_list),
    rule(r"ip extcommunity-list (?:standard )?(\S+) (permit|deny) (.+)", p_extcommunity_list),
    rule(r"ip as-path access-list (\S+) (permit|deny) (.+)", p_as_path),
    rule(r"route-map (\S+)(?: (permit|deny))?(?: (\d+))?", p_route_map),
]

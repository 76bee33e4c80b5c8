"""VRP routing policy: ip-prefix lists, community and AS-path filters, route-policies; the
statement table of the ACL, policy and service parsers."""

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
from orchestrator.syntax.huawei_common import ifname
from orchestrator.syntax.huawei_parse_acl import p_acl
from orchestrator.syntax.huawei_parse_dial import p_dialer_rule
from orchestrator.syntax.huawei_parse_ipv6 import p_dhcp6_pool
from orchestrator.syntax.huawei_parse_services import (
    p_behavior,
    p_classifier,
    p_dhcp_enable,
    p_forbidden,
    p_ip_pool,
    p_nat_aging,
    p_nat_group,
    p_nqa,
    p_traffic_policy,
)
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule, str_field
from orchestrator.syntax.text import Line

# --- prefix lists, community and AS-path filters -----------------------------------------------


def p_ip_prefix(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    afi, name, rest = m.group(1), m.group(2), m.group(3)
    plist = ctx.config.prefix_lists.get(name)
    if plist is None:
        plist = PrefixList(name=name, afi="ipv6" if afi == "ipv6-prefix" else "ipv4")
        ctx.config.prefix_lists[name] = plist
    plist.at(line.n)
    if rest.startswith("description "):
        plist.description = rest.split(" ", 1)[1]
        plist.at(line.n, "description")
        return
    em = re.fullmatch(
        r"(?:index (\d+) )?(permit|deny) (\S+) (\d+)(?: match-network)?"
        r"(?: greater-equal (\d+))?(?: less-equal (\d+))?",
        rest,
    )
    if em is None:
        ctx.report.unsupported(line, "ip-prefix entry form not understood")
        return
    entry = PrefixListEntry(
        seq=int(em.group(1)) if em.group(1) else None,
        action=em.group(2),  # type: ignore[arg-type]
        prefix=ip_network(f"{em.group(3)}/{em.group(4)}", strict=False),
        ge=int(em.group(5)) if em.group(5) else None,
        le=int(em.group(6)) if em.group(6) else None,
    )
    entry.at(line.n)
    plist.entries.append(entry)
    plist.at(line.n, "entries")


_COMMUNITY_WORDS = {"no-export-subconfed": "local-AS"}


def p_community_filter(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    flavour, name, action, values = m.group(1), m.group(2), m.group(3), m.group(4)
    if flavour is None:
        number = int(name) if name.isdigit() else 0
        flavour = "advanced" if 100 <= number <= 199 else "basic"
    kind = "expanded" if flavour == "advanced" else "standard"
    clist = ctx.config.community_lists.get(name)
    if clist is None:
        clist = CommunityList(name=name, kind=kind)  # type: ignore[arg-type]
        ctx.config.community_lists[name] = clist
    clist.at(line.n)
    if kind == "expanded":
        entry = CommunityListEntry(action=action, regex=values)  # type: ignore[arg-type]
    else:
        communities = [_COMMUNITY_WORDS.get(v, v) for v in values.split()]
        entry = CommunityListEntry(action=action, communities=communities)  # type: ignore[arg-type]
    entry.at(line.n)
    clist.entries.append(entry)
    clist.at(line.n, "entries")


def p_extcommunity_filter(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ip extcommunity-filter basic NAME permit rt A:B ...`: a list of route targets."""
    name, action, values = m.group(1), m.group(2), m.group(3).split()
    if len(values) % 2 or any(word != "rt" for word in values[::2]):
        ctx.report.unsupported(line, "extended community filter form not understood")
        return
    clist = ctx.config.community_lists.get(name)
    if clist is None:
        clist = ctx.config.community_lists[name] = CommunityList(name=name, kind="standard")
    clist.at(line.n)
    targets = [f"target:{value}" for value in values[1::2]]
    entry = CommunityListEntry(action=action, communities=targets)  # type: ignore[arg-type]
    entry.at(line.n)
    clist.entries.append(entry)
    clist.at(line.n, "entries")


def p_as_path_filter(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name, action, regex = m.group(1), m.group(2), m.group(3)
    alist = ctx.config.as_path_lists.get(name)
    if alist is None:
        alist = ctx.config.as_path_lists[name] = AsPathList(name=name)
    alist.at(line.n)
    entry = AsPathEntry(action=action, regex=regex)  # type: ignore[arg-type]
    entry.at(line.n)
    alist.entries.append(entry)
    alist.at(line.n, "entries")


# --- route-policies -----------------------------------------------------------------------------


def p_route_policy(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name, action, node = m.group(1), m.group(2), int(m.group(3))
    rmap = ctx.config.route_maps.get(name)
    if rmap is None:
        rmap = ctx.config.route_maps[name] = RouteMap(name=name)
    rmap.at(line.n)
    entry = RouteMapEntry(seq=node, action=action)  # type: ignore[arg-type]
    entry.at(line.n)
    rmap.entries.append(entry)
    rmap.at(line.n, "entries")
    for child in line.children:
        dispatch(ctx, child, ROUTE_POLICY_RULES, entry)


def _match(kind: str, multi: bool = False, interface: bool = False) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
        values = m.group(1).split() if multi else [m.group(1)]
        if interface:
            values = [ifname(ctx, v) for v in values]
        item = RouteMapMatch(kind=kind, values=values)  # type: ignore[arg-type]
        item.at(line.n)
        entry.matches.append(item)
        entry.at(line.n, "matches")

    return handler


def _set(kind: str, additive_group: int | None = None) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
        item = RouteMapSet(kind=kind, values=m.group(1).split())  # type: ignore[arg-type]
        if additive_group is not None:
            item.additive = m.group(additive_group) is not None
        item.at(line.n)
        entry.sets.append(item)
        entry.at(line.n, "sets")

    return handler


def r_goto(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    entry.continue_to = int(m.group(1)) if m.group(1) else 0
    entry.at(line.n, "continue_to")


def r_cost_type(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    value = {
        "type-1": "type-1",
        "type-2": "type-2",
        "internal": "internal",
        "external": "external",
    }[m.group(1)]
    item = RouteMapSet(kind="metric-type", values=[value])
    item.at(line.n)
    entry.sets.append(item)
    entry.at(line.n, "sets")


def r_origin(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    item = RouteMapSet(kind="origin", values=m.group(1).split())
    item.at(line.n)
    entry.sets.append(item)
    entry.at(line.n, "sets")


def r_community(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    values = [_COMMUNITY_WORDS.get(v, v) for v in m.group(1).split()]
    item = RouteMapSet(kind="community", values=values, additive=m.group(2) is not None)
    item.at(line.n)
    entry.sets.append(item)
    entry.at(line.n, "sets")


def r_extcommunity(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    values = [v for v in m.group(1).split() if v != "rt"]
    item = RouteMapSet(kind="extcommunity-rt", values=values, additive=m.group(2) is not None)
    item.at(line.n)
    entry.sets.append(item)
    entry.at(line.n, "sets")


def r_protocol(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    values = ["connected" if v == "direct" else v for v in m.group(1).split()]
    item = RouteMapMatch(kind="protocol", values=values)
    item.at(line.n)
    entry.matches.append(item)
    entry.at(line.n, "matches")


ROUTE_POLICY_RULES: list[Rule] = [
    rule(r"description (.+)", str_field("description")),
    rule(r"if-match acl (\S+)", _match("ip-address-acl")),
    rule(r"if-match ip-prefix (\S+)", _match("ip-address-prefix-list")),
    rule(r"if-match ipv6 address prefix-list (\S+)", _match("ipv6-address-prefix-list")),
    rule(r"if-match ip next-hop ip-prefix (\S+)", _match("next-hop-prefix-list")),
    rule(r"if-match community-filter (.+)", _match("community", multi=True)),
    rule(r"if-match extcommunity-filter (\S+)", _match("community")),
    rule(r"if-match as-path-filter (.+)", _match("as-path", multi=True)),
    rule(r"if-match tag (\d+)", _match("tag")),
    rule(r"if-match cost (\d+)", _match("metric")),
    rule(r"if-match interface (.+)", _match("interface", multi=True, interface=True)),
    rule(r"if-match protocol (.+)", r_protocol),
    rule(r"apply local-preference (\d+)", _set("local-preference")),
    rule(r"apply cost (\d+)", _set("metric")),
    rule(r"apply cost-type (type-1|type-2|internal|external)", r_cost_type),
    rule(r"apply preferred-value (\d+)", _set("weight")),
    rule(r"apply tag (\d+)", _set("tag")),
    rule(r"apply origin (igp|incomplete|egp \d+)", r_origin),
    rule(r"apply ip-address next-hop (\S+)", _set("next-hop")),
    rule(r"apply as-path ((?:\d+ ?)+) additive", _set("as-path-prepend")),
    rule(r"apply community (.+?)( additive)?", r_community),
    rule(r"apply comm-filter (\S+) delete", _set("community-delete")),
    rule(r"apply extcommunity ((?:rt \S+ ?)+?)( additive)?", r_extcommunity),
    rule(r"apply ip-precedence (\S+)", _set("ip-precedence")),
    rule(r"goto next-node(?: (\d+))?", r_goto),
]

# --- QoS, NAT, DHCP -------------------------------------------------------------------------


POLICY_TOP: list[Rule] = [
    rule(r"acl .+", p_acl),
    rule(r"ip (ip-prefix|ipv6-prefix) (\S+) (.+)", p_ip_prefix),
    rule(
        r"ip community-filter (?:(basic|advanced) )?(\S+) (?:index \d+ )?(permit|deny) (.+)",
        p_community_filter,
    ),
    rule(
        r"ip extcommunity-filter (?:basic )?(\S+) (?:index \d+ )?(permit|deny) (.+)",
        p_extcommunity_filter,
    ),
    rule(r"ip as-path-filter (\S+) (?:index \d+ )?(permit|deny) (.+)", p_as_path_filter),
    rule(r"route-policy (\S+) (permit|deny) node (\d+)", p_route_policy),
    rule(r"traffic classifier (\S+)(?: (?:operator|type) (and|or))?", p_classifier),
    rule(r"traffic behavior (\S+)", p_behavior),
    rule(r"traffic policy (\S+)", p_traffic_policy),
    rule(r"nat address-group (\S+) (\d+\.\d+\.\d+\.\d+) (\d+\.\d+\.\d+\.\d+)", p_nat_group),
    rule(r"firewall-nat session (icmp) aging-time (\d+)", p_nat_aging),
    rule(r"ip pool (\S+)( .+)?", p_ip_pool),
    rule(r"dhcp enable", p_dhcp_enable),
    rule(r"dhcpv6 pool (\S+)", p_dhcp6_pool),
    rule(r"nqa test-instance (\S+) (\S+)", p_nqa),
    rule(r"dialer-rule", p_dialer_rule),
    rule(r"dhcp server forbidden-ip (\S+)(?: (\S+))?", p_forbidden),
]

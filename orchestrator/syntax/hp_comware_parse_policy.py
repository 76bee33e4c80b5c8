"""Comware 7 filters and policies: ACLs, prefix lists, community and AS-path lists, route
policies.

ACLs are numbered (basic 2000-2999, advanced 3000-3999) or named; a numbered ACL is called by
its number in the model, whatever name `acl number N name X` gives it, because that number is
what interfaces, SNMP and route policies refer to.
"""

from __future__ import annotations

import re
from ipaddress import ip_network
from typing import Any

from orchestrator.model import (
    Acl,
    AclEntry,
    AddrMatch,
    AsPathEntry,
    AsPathList,
    CommunityList,
    CommunityListEntry,
    PortMatch,
    PrefixList,
    PrefixListEntry,
    RouteMap,
    RouteMapEntry,
    RouteMapMatch,
    RouteMapSet,
)
from orchestrator.syntax.hp_comware_common import ifname
from orchestrator.syntax.rules import Ctx, Rule, dispatch, port_number, rule, str_field
from orchestrator.syntax.text import Line
from orchestrator.syntax.vrp_family import acl_kind_of_number

_ACL_HEAD = re.compile(
    r"acl(?: (ipv6))?(?: (basic|advanced|mac|number))?(?: (\d+))?(?: name (\S+))?"
    r"(?: match-order (?:auto|config))?"
)


def p_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    h = _ACL_HEAD.fullmatch(line.text)
    if h is None or not (h.group(3) or h.group(4)):
        ctx.report.unsupported_tree(line, "ACL form not understood")
        return
    number = int(h.group(3)) if h.group(3) else None
    if h.group(1):
        kind = "ipv6"
    elif h.group(2) in ("basic", "advanced", "mac"):
        kind = {"basic": "standard", "advanced": "extended", "mac": "mac"}[h.group(2)]
    else:
        kind = acl_kind_of_number(number) if number is not None else None  # type: ignore[assignment]
    if kind is None:
        ctx.report.unsupported_tree(line, "ACL number outside the basic and advanced ranges")
        return
    if kind == "mac":
        ctx.report.unsupported_tree(line, "layer-2 (MAC) ACLs are not translated")
        return
    name = str(number) if number is not None else h.group(4)
    acl = ctx.config.acls.get(name) or Acl(name=name, kind=kind)  # type: ignore[arg-type]
    ctx.config.acls[name] = acl
    acl.at(line.n)
    basic = h.group(2) == "basic" or (kind == "standard")
    for child in line.children:
        dispatch(ctx, child, ACL_RULES, (acl, basic))


def a_rule(ctx: Ctx, line: Line, m: re.Match[str], scope: tuple[Acl, bool]) -> None:
    acl, basic = scope
    entry = AclEntry(seq=int(m.group(1)) if m.group(1) else None, action=m.group(2))  # type: ignore[arg-type]
    words = (m.group(3) or "").split()
    if not basic:
        # a protocol is required, but hand-written files omit it for IP rules
        proto = "ip" if not words or words[0] in _OPTIONS else words.pop(0)
        entry.protocol = {"ipv6": "ip", "icmpv6": "icmp", "ipinip": "4"}.get(proto, proto)
    problem = _rule_options(entry, words, ipv6=acl.kind == "ipv6")
    if problem:
        ctx.report.unsupported(line, problem)
        return
    entry.at(line.n)
    acl.entries.append(entry)
    acl.at(line.n, "entries")


_OPTIONS = {
    "source",
    "destination",
    "source-port",
    "destination-port",
    "icmp-type",
    "dscp",
    "precedence",
    "fragment",
    "logging",
    "time-range",
    "counting",
    "established",
}


def _address(words: list[str], ipv6: bool) -> AddrMatch | None:
    value = words.pop(0)
    if value == "any":
        return None
    if ipv6:
        if "/" in value:
            address, length = value.split("/")
        else:
            address, length = value, words.pop(0)
        return AddrMatch(address, f"/{length}")
    wildcard = words.pop(0)
    return AddrMatch(value, "0.0.0.0" if wildcard == "0" else wildcard)


def _port(words: list[str]) -> PortMatch:
    op = words.pop(0)
    count = 2 if op == "range" else 1
    values = tuple(port_number(words.pop(0)) for _ in range(count))
    return PortMatch(op, values)  # type: ignore[arg-type]


def _rule_options(entry: AclEntry, words: list[str], ipv6: bool) -> str | None:
    """Fill ``entry`` from a rule's options; a reason when an option is not translated."""
    while words:
        word = words.pop(0)
        if word == "source":
            entry.source = _address(words, ipv6)
        elif word == "destination":
            entry.destination = _address(words, ipv6)
        elif word == "source-port":
            entry.source_port = _port(words)
        elif word == "destination-port":
            entry.destination_port = _port(words)
        elif word in ("icmp-type", "icmp6-type"):
            value = words.pop(0)
            if value.isdigit() and words and words[0].isdigit():
                value = f"{value}/{words.pop(0)}"
            entry.icmp_type = value
        elif word == "established":
            entry.established = True
        elif word == "dscp":
            entry.dscp = words.pop(0)
        elif word == "precedence":
            entry.precedence = words.pop(0)
        elif word == "fragment":
            entry.fragments = True
        elif word == "logging":
            entry.log = True
        elif word == "time-range":
            entry.time_range = words.pop(0)
        elif word == "counting":
            continue  # hit counters are statistics, not a match condition
        else:
            return f"ACL rule option {word!r} is not translated"
    return None


def a_comment(ctx: Ctx, line: Line, m: re.Match[str], scope: tuple[Acl, bool]) -> None:
    """`rule N comment TEXT` describes rule N: a remark entry just before it."""
    acl = scope[0]
    remark = AclEntry(remark=m.group(2))
    remark.at(line.n)
    seq = int(m.group(1))
    where = next((i for i, e in enumerate(acl.entries) if e.seq == seq and e.action), None)
    acl.entries.insert(len(acl.entries) if where is None else where, remark)
    acl.at(line.n, "entries")


def a_description(ctx: Ctx, line: Line, m: re.Match[str], scope: tuple[Acl, bool]) -> None:
    str_field("description")(ctx, line, m, scope[0])


ACL_RULES: list[Rule] = [
    rule(r"rule (\d+) comment (.+)", a_comment),
    rule(r"rule(?: (\d+))? (permit|deny)(?: (.+))?", a_rule),
    rule(r"description (.+)", a_description),
    rule(r"step \d+", ignore="rule numbering step: the rules carry their own numbers"),
]


# --- prefix, community and AS-path lists ----------------------------------------------------


def p_prefix_list(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    afi = "ipv6" if m.group(1) else "ipv4"
    name = m.group(2)
    plist = ctx.config.prefix_lists.get(name) or PrefixList(name=name, afi=afi)  # type: ignore[arg-type]
    ctx.config.prefix_lists[name] = plist
    plist.at(line.n)
    words = m.group(3).split()
    if words[0] == "description":
        plist.description = m.group(3).split(None, 1)[1]
        plist.at(line.n, "description")
        return
    seq = None
    if words[0] == "index":
        seq = int(words[1])
        words = words[2:]
    entry = PrefixListEntry(
        seq=seq,
        action=words[0],  # type: ignore[arg-type]
        prefix=ip_network(f"{words[1]}/{words[2]}", strict=False),
    )
    rest = words[3:]
    while rest:
        word = rest.pop(0)
        if word == "greater-equal" and rest:
            entry.ge = int(rest.pop(0))
        elif word == "less-equal" and rest:
            entry.le = int(rest.pop(0))
        else:
            ctx.report.unsupported(line, f"prefix list option {word!r} is not translated")
            return
    entry.at(line.n)
    plist.entries.append(entry)
    plist.at(line.n, "entries")


def p_community_list(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ip community-list basic|advanced NAME permit ...`, or numbered: 1-99 basic,
    100-199 advanced."""
    kind_word, name, action, rest = m.group(1), m.group(2), m.group(3), m.group(4) or ""
    if kind_word is None:
        kind = "standard" if int(name) < 100 else "expanded"
    else:
        kind = "standard" if kind_word == "basic" else "expanded"
    clist = ctx.config.community_lists.get(name) or CommunityList(name=name, kind=kind)  # type: ignore[arg-type]
    ctx.config.community_lists[name] = clist
    clist.at(line.n)
    entry = CommunityListEntry(action=action)  # type: ignore[arg-type]
    if kind == "standard":
        entry.communities = rest.split()
    else:
        entry.regex = rest
    entry.at(line.n)
    clist.entries.append(entry)
    clist.at(line.n, "entries")


def p_ext_community_list(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ip extcommunity-list N permit rt A rt B`: route targets (`target:A` in the model)."""
    words = m.group(3).split()
    if words[::2] != ["rt"] * len(words[1::2]) or len(words) % 2:
        ctx.report.unsupported(line, "only route-target extended communities are translated")
        return
    name = m.group(1)
    clist = ctx.config.community_lists.get(name) or CommunityList(name=name)
    ctx.config.community_lists[name] = clist
    clist.at(line.n)
    entry = CommunityListEntry(action=m.group(2))  # type: ignore[arg-type]
    entry.communities = [f"target:{v}" for v in words[1::2]]
    entry.at(line.n)
    clist.entries.append(entry)
    clist.at(line.n, "entries")


def p_as_path(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    aslist = ctx.config.as_path_lists.get(name) or AsPathList(name=name)
    ctx.config.as_path_lists[name] = aslist
    aslist.at(line.n)
    entry = AsPathEntry(action=m.group(2), regex=m.group(3))  # type: ignore[arg-type]
    entry.at(line.n)
    aslist.entries.append(entry)
    aslist.at(line.n, "entries")


# --- route policies -------------------------------------------------------------------------


def p_route_policy(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    policy = ctx.config.route_maps.get(name) or RouteMap(name=name)
    ctx.config.route_maps[name] = policy
    policy.at(line.n)
    entry = RouteMapEntry(seq=int(m.group(3)), action=m.group(2))  # type: ignore[arg-type]
    entry.at(line.n)
    policy.entries.append(entry)
    policy.at(line.n, "entries")
    for child in line.children:
        dispatch(ctx, child, ROUTE_POLICY_RULES, entry)


#: `if-match` forms → the model's match kinds
MATCHES: dict[str, str] = {
    "ip address prefix-list": "ip-address-prefix-list",
    "ip address acl": "ip-address-acl",
    "ipv6 address prefix-list": "ipv6-address-prefix-list",
    "ip next-hop prefix-list": "next-hop-prefix-list",
    "community": "community",
    "extcommunity": "community",
    "as-path": "as-path",
    "tag": "tag",
    "cost": "metric",
    "interface": "interface",
    "route-type": "route-type",
}


def r_match(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    text = m.group(1)
    for form, kind in MATCHES.items():
        if text.startswith(form + " "):
            values = text[len(form) + 1 :].split()
            if kind == "community" and "whole-match" in values:
                ctx.report.unsupported(line, "exact community matching is not in the model")
                return
            if kind == "community":
                values = [v for v in values if v != "name"]  # `name X`: a named list
            if kind == "interface":
                values = [ifname(v) for v in values]
            match = RouteMapMatch(kind=kind, values=values)  # type: ignore[arg-type]
            match.at(line.n)
            entry.matches.append(match)
            entry.at(line.n, "matches")
            return
    ctx.report.unsupported(line, "route-policy match not translated")


#: `apply` forms → the model's set kinds
APPLIES: dict[str, str] = {
    "local-preference": "local-preference",
    "cost-type": "metric-type",
    "cost": "metric",
    "preferred-value": "weight",
    "tag": "tag",
    "origin": "origin",
    "ip-address next-hop": "next-hop",
    "as-path": "as-path-prepend",
    "community": "community",
    "extcommunity": "extcommunity-rt",
}


def r_apply(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    text = m.group(1)
    deleted = re.fullmatch(r"comm-list (\S+) delete", text)
    if deleted is not None:
        entry.sets.append(_set(line, "community-delete", [deleted.group(1)]))
        entry.at(line.n, "sets")
        return
    for form, kind in APPLIES.items():
        if text.startswith(form + " "):
            values = text[len(form) + 1 :].split()
            additive = bool(values) and values[-1] == "additive"
            if additive:
                values.pop()
            if kind == "extcommunity-rt":
                if values[::2] != ["rt"] * len(values[1::2]) or len(values) % 2:
                    ctx.report.unsupported(line, "only route targets are translated")
                    return
                values = values[1::2]
            if kind == "as-path-prepend" and "replace" in values:
                ctx.report.unsupported(line, "replacing the AS path is not in the model")
                return
            item = _set(line, kind, values)
            item.additive = additive
            entry.sets.append(item)
            entry.at(line.n, "sets")
            return
    ctx.report.unsupported(line, "route-policy action not translated")


def _set(line: Line, kind: str, values: list[str]) -> RouteMapSet:
    item = RouteMapSet(kind=kind, values=values)  # type: ignore[arg-type]
    item.at(line.n)
    return item


def r_continue(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    entry.continue_to = int(m.group(1)) if m.group(1) else 0
    entry.at(line.n, "continue_to")


ROUTE_POLICY_RULES: list[Rule] = [
    rule(r"if-match (.+)", r_match),
    rule(r"apply (.+)", r_apply),
    rule(r"continue(?: (\d+))?", r_continue),
    rule(r"description (.+)", str_field("description")),
]

POLICY_TOP: list[Rule] = [
    rule(
        r"acl (?:ipv6 )?logging (?:interval|frequence) \d+",
        ignore="how often packet-filter logs are written; each rule's `logging` says what is",
    ),
    rule(r"acl .+", p_acl),
    rule(r"ip(v6)? prefix-list (\S+) (.+)", p_prefix_list),
    rule(
        r"ip community-list (?:(basic|advanced) )?(\S+) (permit|deny)(?: (.+))?", p_community_list
    ),
    rule(r"ip extcommunity-list (\d+) (permit|deny) (.+)", p_ext_community_list),
    rule(r"ip as-path (\S+) (permit|deny) (.+)", p_as_path),
    rule(r"route-policy (\S+) (permit|deny) node (\d+)", p_route_policy),
]

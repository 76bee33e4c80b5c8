"""Junos `policy-options` → prefix, community and AS-path lists and route maps.

A policy-statement is a route map: each term an entry (numbered 10, 20, ... in order, the
unnamed term of a policy last), `from` conditions its matches, `then` actions its sets, `accept`
/ `reject` its permit / deny. A term without either falls through to the next one (an entry that
continues). Inline `route-filter`s become the match's prefix entries; `target:` members of a
community set the route-target extended community.

A Junos policy chain ends in the protocol's default policy (a BGP export accepts BGP routes that
no term rejected); a route map ends in a deny. When a BGP export policy can fall through, the
report warns about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from ipaddress import IPv4Network, ip_network
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
from orchestrator.syntax.juniper_junos_export import (
    LOAD_BALANCE_RULE,
    PROTOCOLS,
    load_balance_only,
    needs_route_map,
)
from orchestrator.syntax.juniper_junos_index import claim, junos
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, unquote, values
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line

# --- lists ------------------------------------------------------------------------------------


def h_prefix_list(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2)
    plist = ctx.config.prefix_lists.get(name)
    if plist is None:
        plist = ctx.config.prefix_lists[name] = PrefixList(name=name)
    claim(ctx, stmt, 3, plist)
    plist.at(line.n)
    if rest is None:
        return
    if rest.startswith("apply-path"):
        ctx.report.unsupported(
            line, "apply-path prefix lists (built from other configuration) are not expanded"
        )
        return
    net = ip_network(unquote(rest), strict=False)
    afi = "ipv6" if net.version == 6 else "ipv4"
    if plist.entries and plist.afi != afi:
        ctx.report.unsupported(line, "a prefix list mixing IPv4 and IPv6 is not translated")
        return
    plist.afi = afi  # type: ignore[assignment]
    entry = PrefixListEntry(seq=None, action="permit", prefix=net)
    entry.at(line.n)
    plist.entries.append(entry)
    plist.at(line.n, "entries", "afi")


_REGEX = re.compile(r"[\^$*+?()\[\]|]|\.\*|\\")


def h_community(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2).split(None, 1)
    clist = ctx.config.community_lists.get(name)
    if clist is None:
        clist = ctx.config.community_lists[name] = CommunityList(name=name)
    claim(ctx, stmt, 3, clist)
    clist.at(line.n)
    if rest[0] != "members" or len(rest) < 2:
        ctx.report.unsupported(line, f"community option `{rest[0]}` is not translated")
        return
    members = values(rest[1])
    if any(_REGEX.search(v) for v in members):
        clist.kind = "expanded"
        entry = CommunityListEntry(action="permit", regex=" ".join(members))
    else:
        entry = CommunityListEntry(action="permit", communities=members)
    entry.at(line.n)
    clist.entries.append(entry)
    clist.at(line.n, "entries", "kind")


def h_as_path(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name = unquote(m.group(1))
    alist = ctx.config.as_path_lists.get(name)
    if alist is None:
        alist = ctx.config.as_path_lists[name] = AsPathList(name=name)
    alist.at(line.n)
    entry = AsPathEntry(action="permit", regex=unquote(m.group(2)))
    entry.at(line.n)
    alist.entries.append(entry)
    alist.at(line.n, "entries")


# --- policy statements ---------------------------------------------------------------------


@dataclass
class Term:
    entry: RouteMapEntry
    terminal: bool = False


@dataclass
class Policy:
    rmap: RouteMap
    terms: dict[str | None, Term] = field(default_factory=dict)


def h_policy(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2)
    idx = junos(ctx).index
    if name in idx.fib_policies and load_balance_only(idx.policies.get(name, [])):
        ctx.report.ignored(line, LOAD_BALANCE_RULE)
        return
    if not needs_route_map(ctx, name):
        # used only as an export that redistribution expresses whole: no route map
        lines = junos(ctx).bucket("policy_lines").setdefault(name, [])
        lines.append((line.n, False))
        for depth in (3, 5):
            opener = stmt.opener(depth)
            if opener is not None and (opener.n, True) not in lines and depth == 5:
                lines.append((opener.n, True))
        return
    policies: dict[str, Policy] = junos(ctx).bucket("policies")
    policy = policies.get(name)
    if policy is None:
        rmap = ctx.config.route_maps[name] = RouteMap(name=name)
        policy = policies[name] = Policy(rmap)
    policy.rmap.at(line.n)
    tm = re.fullmatch(r"term (\S+)(?: (.+))?", rest)
    term_name, clause = (unquote(tm.group(1)), tm.group(2)) if tm else (None, rest)
    term = policy.terms.get(term_name)
    if term is None:
        term = policy.terms[term_name] = Term(RouteMapEntry(seq=0, action="permit", name=term_name))
    entry = term.entry
    if tm:
        claim(ctx, stmt, 5, entry)
    entry.at(line.n)
    if clause is None:
        return
    words = clause.split(None, 1)
    kind, body = words[0], (words[1] if len(words) > 1 else "")
    if kind == "from" and body:
        _from(ctx, line, entry, body)
    elif kind == "then" and body:
        _then(ctx, line, term, body)
    else:
        ctx.report.unsupported(line, f"policy clause `{clause}` is not translated")


def _match(entry: RouteMapEntry, kind: str, line: Line) -> RouteMapMatch:
    for item in entry.matches:
        if item.kind == kind:
            break
    else:
        item = RouteMapMatch(kind=kind)  # type: ignore[arg-type]
        entry.matches.append(item)
    item.at(line.n)
    entry.at(line.n, "matches")
    return item


def _filter_entry(net: Any, how: str, line: Line) -> PrefixListEntry | None:
    """One route-filter: the prefix and its length condition as ge/le."""
    top = 32 if isinstance(net, IPv4Network) else 128
    words = how.split()
    ge: int | None = None
    le: int | None = None
    if words == ["exact"]:
        pass
    elif words == ["orlonger"]:
        le = top
    elif words == ["longer"]:
        ge, le = net.prefixlen + 1, top
    elif len(words) == 2 and words[0] == "upto":
        le = int(words[1].lstrip("/"))
    elif len(words) == 2 and words[0] == "prefix-length-range":
        lo, hi = words[1].split("-")
        ge, le = int(lo.lstrip("/")), int(hi.lstrip("/"))
    else:
        return None
    entry = PrefixListEntry(seq=None, action="permit", prefix=net, ge=ge, le=le)
    entry.at(line.n)
    return entry


def _from(ctx: Ctx, line: Line, entry: RouteMapEntry, body: str) -> None:
    words = tokens(body)
    key, args = words[0], words[1:]
    idx = junos(ctx).index
    simple = {
        "community": "community",
        "as-path": "as-path",
        "tag": "tag",
        "metric": "metric",
        "route-type": "route-type",
    }
    if key == "protocol":
        _match(entry, "protocol", line).values.extend(PROTOCOLS.get(p, p) for p in values(args))
    elif key in simple and args:
        _match(entry, simple[key], line).values.extend(values(args))
    elif key == "interface" and args:
        _match(entry, "interface", line).values.extend(idx.ifname(a) for a in values(args))
    elif key == "route-filter" and len(args) >= 2:
        item = _filter_entry(ip_network(args[0], strict=False), " ".join(args[1:]), line)
        if item is None:
            ctx.report.unsupported(line, f"route-filter `{' '.join(args[1:])}` is not translated")
            return
        _match(entry, "route-filter", line).prefixes.append(item)
    elif key == "prefix-list" and len(args) == 1:
        nets = idx.prefix_lists.get(args[0], [])
        six = bool(nets) and all(":" in n for n in nets)
        kind = "ipv6-address-prefix-list" if six else "ip-address-prefix-list"
        _match(entry, kind, line).values.append(args[0])
    elif key == "prefix-list-filter" and len(args) >= 2 and args[0] in idx.prefix_lists:
        match = _match(entry, "route-filter", line)
        for net in idx.prefix_lists[args[0]]:
            item = _filter_entry(ip_network(net, strict=False), " ".join(args[1:]), line)
            if item is None:
                ctx.report.unsupported(line, "prefix-list-filter condition is not translated")
                return
            match.prefixes.append(item)
    elif key == "family" and args == ["inet"]:
        ctx.report.ignored(line, "IPv4 routes only: what the translated route map sees")
    else:
        ctx.report.unsupported(line, f"policy condition `from {body}` is not translated")


def _set(
    entry: RouteMapEntry, kind: str, items: list[str], line: Line, additive: bool = False
) -> None:
    for item in entry.sets:
        if item.kind == kind and item.additive == additive:
            break
    else:
        item = RouteMapSet(kind=kind, additive=additive)  # type: ignore[arg-type]
        entry.sets.append(item)
    if kind == "as-path-prepend":
        item.values = list(items)  # repeats are the point of a prepend
    else:
        item.values.extend(v for v in items if v not in item.values)
    item.at(line.n)
    entry.at(line.n, "sets")


def _then(ctx: Ctx, line: Line, term: Term, body: str) -> None:
    entry = term.entry
    words = tokens(body)
    key, args = words[0], values(words[1:])
    simple = {
        "local-preference": "local-preference",
        "metric": "metric",
        "tag": "tag",
        "origin": "origin",
    }
    if key in ("accept", "reject") and not args:
        entry.action = "permit" if key == "accept" else "deny"
        entry.continue_to = None
        term.terminal = True
        entry.at(line.n, "action")
    elif key == "next" and args in (["term"], ["policy"]):
        term.terminal = False
        entry.continue_to = 0
        entry.at(line.n, "continue_to")
    elif key in simple and len(args) == 1 and args[0].isalnum():
        _set(entry, simple[key], args, line)
    elif key == "as-path-prepend" and args:
        _set(entry, "as-path-prepend", " ".join(args).split(), line)
    elif key == "next-hop" and len(args) == 1 and args[0] not in ("discard", "reject"):
        _set(entry, "next-hop", args, line)
    elif key == "external" and args[:1] == ["type"] and len(args) == 2:
        _set(entry, "metric-type", [f"type-{args[1]}"], line)
    elif key == "community" and len(args) == 2 and args[0] in ("add", "set", "delete"):
        _community(ctx, line, entry, args[0], args[1])
    else:
        ctx.report.unsupported(line, f"policy action `then {body}` is not translated")


def _community(ctx: Ctx, line: Line, entry: RouteMapEntry, verb: str, name: str) -> None:
    if verb == "delete":
        _set(entry, "community-delete", [name], line)
        return
    members = junos(ctx).index.communities.get(name)
    if not members or any(_REGEX.search(v) for v in members):
        ctx.report.unsupported(line, f"community {name} is not a list of values to set")
        return
    targets = [v[len("target:") :] for v in members if v.startswith("target:")]
    plain = [v for v in members if not v.startswith(("target:", "origin:"))]
    if len(targets) + len(plain) != len(members):
        ctx.report.unsupported(line, f"community {name} holds site-of-origin values")
        return
    if targets:
        _set(entry, "extcommunity-rt", targets, line, additive=verb == "add")
    if plain:
        _set(entry, "community", plain, line, additive=verb == "add")


def finish_policies(ctx: Ctx) -> None:
    """Number the entries (the unnamed term last); warn where a route map's deny differs."""
    policies: dict[str, Policy] = junos(ctx).bucket("policies")
    for name, policy in policies.items():
        order = [t for k, t in policy.terms.items() if k is not None]
        if None in policy.terms:
            order.append(policy.terms[None])
        policy.rmap.entries = []
        for i, term in enumerate(order, start=1):
            term.entry.seq = 10 * i
            if not term.terminal and term.entry.continue_to is None:
                term.entry.continue_to = 0  # Junos goes on to the next term
            policy.rmap.entries.append(term.entry)
            policy.rmap.at(next(iter(term.entry.src.every()), 0), "entries")
        last = order[-1] if order else None
        if name not in junos(ctx).index.policy_uses:
            continue
        if last is None or last.entry.matches:
            ctx.report.warnings.append(
                f"policy-statement {name}: a route that no term accepts or rejects goes on to "
                "the next policy or the protocol's default policy on Junos, but is denied by a "
                "route map: check where the translated policy is used"
            )


POLICY_TOP: list[Rule] = [
    rule(r"policy-options prefix-list (\S+)(?: (.+))?", h_prefix_list),
    rule(r"policy-options community (\S+) (.+)", h_community),
    rule(r"policy-options as-path (\S+) (.+)", h_as_path),
    rule(r"policy-options policy-statement (\S+) (.+)", h_policy),
    rule(
        r"policy-options (?:as-path-group|condition|route-filter-list|damping) .+",
        unsupported="this policy-options object is not translated",
    ),
]

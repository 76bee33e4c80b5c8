"""ZXROS filters and policies: `ipv4-access-list` / `ipv6-access-list` with `rule` entries, prefix
lists, community and AS-path lists, route maps, and the services the model holds (DHCP pools,
QoS through `zte_zxros_qos`; NAT is reported, not translated).

ZXROS ACL rules take port operators `eq`, `ge`, `le` and `range A-B` only ([REF] `rule`), so
IOS `gt N` / `lt N` become `ge N+1` / `le N-1` (same ports) and read back as `gt` / `lt`; `neq`
has no equivalent. One ZXROS list serves IOS standard and extended ACLs alike.
"""

from __future__ import annotations

import re
from ipaddress import IPv4Network, IPv6Network, ip_network
from typing import Any

from orchestrator.model import (
    AsPathEntry,
    AsPathList,
    CommunityList,
    CommunityListEntry,
    DeviceConfig,
    DhcpPool,
    PrefixList,
    PrefixListEntry,
    RouteMap,
    RouteMapEntry,
    RouteMapMatch,
    RouteMapSet,
)
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    mask_to_prefixlen,
    prefixlen_to_mask,
    rule,
    set_field,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_acl import p_acl, render_acls
from orchestrator.syntax.zte_zxros_common import Writer, all_fields, unquote
from orchestrator.syntax.zte_zxros_ifaces import render_acl_bindings
from orchestrator.syntax.zte_zxros_qos import QOS_TOP, render_qos

# --- ACLs ----------------------------------------------------------------------------------------


# --- prefix, community and AS-path lists ---------------------------------------------------------


def p_prefix_list(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    afi = "ipv6" if m.group(1) else "ipv4"
    name = m.group(2)
    plist = ctx.config.prefix_lists.setdefault(name, PrefixList(name=name, afi=afi))  # type: ignore[arg-type]
    plist.at(line.n)
    prefix: IPv4Network | IPv6Network = ip_network(m.group(5), strict=False)
    entry = PrefixListEntry(
        seq=int(m.group(3)) if m.group(3) else None,
        action=m.group(4),  # type: ignore[arg-type]
        prefix=prefix,
        ge=int(m.group(6)) if m.group(6) else None,
        le=int(m.group(7)) if m.group(7) else None,
    )
    entry.at(line.n)
    plist.entries.append(entry)
    plist.at(line.n, "entries")


def p_community(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind = "expanded" if m.group(1) == "advanced" else "standard"
    name = m.group(2)
    clist = ctx.config.community_lists.setdefault(name, CommunityList(name=name, kind=kind))  # type: ignore[arg-type]
    clist.at(line.n)
    entry = CommunityListEntry(action=m.group(3))  # type: ignore[arg-type]
    if kind == "expanded":
        entry.regex = m.group(4)
    else:
        entry.communities = m.group(4).split()
    entry.at(line.n)
    clist.entries.append(entry)
    clist.at(line.n, "entries")


def p_extcommunity(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    clist = ctx.config.community_lists.setdefault(name, CommunityList(name=name))
    clist.at(line.n)
    targets = ["target:" + w for w in m.group(3).split() if w != "rt-trans"]
    entry = CommunityListEntry(action=m.group(2), communities=targets)  # type: ignore[arg-type]
    entry.at(line.n)
    clist.entries.append(entry)
    clist.at(line.n, "entries")


def p_as_path(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1) or m.group(2)
    alist = ctx.config.as_path_lists.setdefault(name, AsPathList(name=name))
    alist.at(line.n)
    entry = AsPathEntry(action=m.group(3), regex=m.group(4))  # type: ignore[arg-type]
    entry.at(line.n)
    alist.entries.append(entry)
    alist.at(line.n, "entries")


def _render_lists(w: Writer, config: DeviceConfig) -> None:
    for plist in config.prefix_lists.values():
        family = "ipv6" if plist.afi == "ipv6" else "ip"
        w.out.mark(plist, "", "afi")  # every entry's line names the list
        for e in plist.entries:
            seq = f" seq {e.seq}" if e.seq is not None else ""
            ge = f" ge {e.ge}" if e.ge is not None else ""
            le = f" le {e.le}" if e.le is not None else ""
            text = f"{family} prefix-list {plist.name}{seq} {e.action} {e.prefix}{ge}{le}"
            w.item(text, e, "seq", "action", "prefix", "ge", "le")
        if plist.description is not None:
            w.out.unsupported(plist, "description", reason="prefix-list descriptions")
    for clist in config.community_lists.values():
        word = "advanced" if clist.kind == "expanded" else "basic"
        ext = clist.name in route_target_lists(config)
        w.out.mark(clist, "", "kind")
        for ce in clist.entries:
            if ext:
                targets = " ".join("rt-trans " + c.split(":", 1)[1] for c in ce.communities)
                w.item(f"ip extcommunity-list basic {clist.name} {ce.action} {targets}", ce)
                w.out.mark(ce, "action", "communities")
                continue
            value = ce.regex if clist.kind == "expanded" else " ".join(ce.communities)
            w.item(f"ip community-list {word} {clist.name} {ce.action} {value}", ce)
            w.out.mark(ce, "action", "communities", "regex")
    for alist in config.as_path_lists.values():
        name = alist.name if alist.name.isdigit() else f"name {alist.name}"
        w.out.mark(alist)
        for ae in alist.entries:
            w.item(f"ip as-path access-list {name} {ae.action} {ae.regex}", ae, "action", "regex")


# --- route maps ----------------------------------------------------------------------------------

#: model match kind → ZXROS words (values follow)
_MATCH_OUT = {
    "ip-address-acl": "match ip address",
    "ip-address-prefix-list": "match ip address prefix-list",
    "ipv6-address-prefix-list": "match ipv6 address prefix-list",
    "next-hop-prefix-list": "match ip next-hop prefix-list",
    "tag": "match tag",
    "metric": "match metric",
    "interface": "match interface",
}
_MATCH_IN = sorted(((v, k) for k, v in _MATCH_OUT.items()), key=lambda p: -len(p[0]))
_SET_OUT = {
    "local-preference": "set local-preference",
    "metric": "set metric",
    "tag": "set tag",
    "origin": "set origin",
    "next-hop": "set next-hop",
    "as-path-prepend": "set as-path prepend",
    "ip-precedence": "set ip precedence",
    "extcommunity-rt": "set extcommunity rt-trans",
}
_SET_IN = sorted(((v, k) for k, v in _SET_OUT.items()), key=lambda p: -len(p[0]))


def p_route_map(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    rmap = ctx.config.route_maps.setdefault(name, RouteMap(name=name))
    rmap.at(line.n)
    entry = RouteMapEntry(seq=int(m.group(3) or 10), action=m.group(2) or "permit")  # type: ignore[arg-type]
    entry.at(line.n)
    rmap.entries.append(entry)
    rmap.at(line.n, "entries")
    for child in line.children:
        ctx.report.parsed(child)
        if not _route_map_statement(ctx, child, entry):
            ctx.report.unsupported(child, "route-map statement not translated")


def _route_map_statement(ctx: Ctx, line: Line, entry: RouteMapEntry) -> bool:
    text = line.text
    words = text.split()
    for prefix, kind in _MATCH_IN:
        if text.startswith(prefix + " "):
            values = text[len(prefix) + 1 :].split()
            _add(entry, line, RouteMapMatch(kind=kind, values=values))  # type: ignore[arg-type]
            return True
    if words[:2] in (
        ["match", "community-list"],
        ["match", "as-path"],
        ["match", "extcommunity-list"],
    ):
        kind = "as-path" if words[1] == "as-path" else "community"
        values = words[3:] if words[2:3] == ["name"] else words[2:]
        _add(entry, line, RouteMapMatch(kind=kind, values=values))  # type: ignore[arg-type]
        return True
    if words[:2] == ["match", "route-type"]:
        _add(entry, line, RouteMapMatch(kind="route-type", values=words[2:]))
        return True
    if words[:2] == ["set", "community"]:
        additive = words[2:3] == ["additive"]
        if words[2:4] == ["delete", "name"]:
            _add(entry, line, RouteMapSet(kind="community-delete", values=words[4:]))
        else:
            values = words[3:] if additive else words[2:]
            _add(entry, line, RouteMapSet(kind="community", values=values, additive=additive))
        return True
    if words[:4] == ["set", "extcommunity", "rt-trans", "additive"]:
        _add(entry, line, RouteMapSet(kind="extcommunity-rt", values=words[4:], additive=True))
        return True
    if words[:3] == ["set", "ip", "metric-type"]:
        _add(entry, line, RouteMapSet(kind="metric-type", values=words[3:]))
        return True
    for prefix, kind in _SET_IN:
        if text.startswith(prefix + " "):
            values = text[len(prefix) + 1 :].split()
            _add(entry, line, RouteMapSet(kind=kind, values=values))  # type: ignore[arg-type]
            return True
    if words[0] == "continue":
        set_field(entry, line, "continue_to", 0 if words[1] == "next" else int(words[2]))
        return True
    if words[0] == "description":
        set_field(entry, line, "description", unquote(text.split(" ", 1)[1]))
        return True
    return False


def _add(entry: RouteMapEntry, line: Line, item: RouteMapMatch | RouteMapSet) -> None:
    item.at(line.n)
    if isinstance(item, RouteMapMatch):
        entry.matches.append(item)
        entry.at(line.n, "matches")
    else:
        entry.sets.append(item)
        entry.at(line.n, "sets")


def _render_route_maps(w: Writer, config: DeviceConfig) -> None:
    out = w.out
    for rmap in config.route_maps.values():
        out.mark(rmap)  # every entry's view names the map
        for e in rmap.entries:
            with w.view(f"route-map {rmap.name} {e.action} {e.seq}", e, "", "action", "seq"):
                if e.description is not None:
                    w.line(f"description {e.description}", e, "description")
                for mt in e.matches:
                    _render_match(w, mt, route_target_lists(config))
                for st in e.sets:
                    _render_set(w, st)
                if e.continue_to is not None:
                    text = (
                        "continue next"
                        if e.continue_to == 0
                        else f"continue sequence {e.continue_to}"
                    )
                    w.line(text, e, "continue_to")
            if e.name is not None:
                out.ignore(e, "name", rule="term names are labels only")
        if not rmap.entries:
            out.unsupported(rmap, *all_fields(rmap), reason="an empty route map")


def route_target_lists(config: DeviceConfig) -> set[str]:
    """Community lists of route targets only (Junos `target:` members): ZXROS extcommunity lists."""
    return {
        c.name
        for c in config.community_lists.values()
        if c.kind == "standard"
        and c.entries
        and all(
            e.communities and all(x.startswith("target:") for x in e.communities) for e in c.entries
        )
    }


def _render_match(w: Writer, mt: RouteMapMatch, ext: set[str]) -> None:
    values = " ".join(mt.values)
    if mt.kind == "community" and mt.values and all(v in ext for v in mt.values):
        if len(mt.values) == 1:
            w.item(f"match extcommunity-list name {values}", mt, "kind", "values")
            return
    if mt.kind in _MATCH_OUT and mt.values:
        w.item(f"{_MATCH_OUT[mt.kind]} {values}", mt, "kind", "values")
    elif mt.kind in ("community", "as-path") and mt.values:
        word = "community-list" if mt.kind == "community" else "as-path"
        named = not all(v.isdigit() for v in mt.values)
        if named and len(mt.values) > 1:
            w.out.unsupported(mt, *all_fields(mt), reason="several named lists in one match")
            return
        w.item(f"match {word} {'name ' if named else ''}{values}", mt, "kind", "values")
    elif mt.kind == "route-type" and mt.values:
        w.item(f"match route-type {values}", mt, "kind", "values")
    else:
        w.out.unsupported(mt, *all_fields(mt), reason=f"route-map match {mt.kind} not translated")


_SET_FIELDS = ("kind", "values", "additive")


def _render_set(w: Writer, st: RouteMapSet) -> None:
    values = " ".join(st.values)
    if st.kind == "community":
        w.item(f"set community {'additive ' if st.additive else ''}{values}", st, *_SET_FIELDS)
    elif st.kind == "community-delete":
        w.item(f"set community delete name {values}", st, "kind", "values")
    elif st.kind == "extcommunity-rt" and st.additive:
        w.item(f"set extcommunity rt-trans additive {values}", st, *_SET_FIELDS)
    elif st.kind == "metric-type":
        w.item(f"set ip metric-type {values}", st, "kind", "values")
    elif st.kind in _SET_OUT and st.values:
        w.item(f"{_SET_OUT[st.kind]} {values}", st, "kind", "values")
    else:
        w.out.unsupported(st, *all_fields(st), reason=f"route-map set {st.kind} not translated")


# --- services ------------------------------------------------------------------------------------


def p_pool(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pool = ctx.config.services.dhcp_pools.setdefault(m.group(1), DhcpPool(name=m.group(1)))
    pool.at(line.n)
    for child in line.children:
        words = child.words
        ctx.report.parsed(child)
        if words[0] == "network" and len(words) == 3:
            set_field(
                pool, child, "network", ip_network(f"{words[1]}/{mask_to_prefixlen(words[2])}")
            )
        elif words[0] == "default-router":
            pool.default_routers.extend(words[1:])
            pool.at(child.n, "default_routers")
        elif words[0] == "dns-server":
            pool.dns_servers.extend(words[1:])
            pool.at(child.n, "dns_servers")
        elif words[0] == "domain-name" and len(words) == 2:
            set_field(pool, child, "domain_name", words[1])
        else:
            ctx.report.unsupported(child, "DHCP pool statement not translated")


def _render_services(w: Writer, config: DeviceConfig) -> None:
    services = config.services
    out = w.out
    if services.dhcp_enabled is not None:
        if services.dhcp_enabled:
            out.ignore(services, "dhcp_enabled", rule="the DHCP server runs with its pools")
        else:
            out.unsupported(services, "dhcp_enabled", reason="turning the DHCP service off")
    if services.dhcp_excluded:
        out.unsupported(services, "dhcp_excluded", reason="excluded DHCP addresses")
    for pool in services.dhcp_pools.values():
        with w.view(f"ip pool {pool.name}", pool):
            if pool.network is not None:
                w.line(
                    f"network {pool.network.network_address} "
                    f"{prefixlen_to_mask(pool.network.prefixlen)}",
                    pool,
                    "network",
                )
            if pool.default_routers:
                w.line("default-router " + " ".join(pool.default_routers), pool, "default_routers")
            if pool.dns_servers:
                w.line("dns-server " + " ".join(pool.dns_servers), pool, "dns_servers")
            if pool.domain_name is not None:
                w.line(f"domain-name {pool.domain_name}", pool, "domain_name")
        if pool.lease is not None:
            out.unsupported(pool, "lease", reason="DHCP lease times are not translated")
    reason = "NAT is configured through ZXROS CGN instances; not translated"
    for nat_pool in services.nat_pools.values():
        out.unsupported(nat_pool, *all_fields(nat_pool), reason=reason)
    for nat_rule in services.nat_rules:
        out.unsupported(nat_rule, *all_fields(nat_rule), reason=reason)
    render_qos(w, config)


POLICY_TOP: list[Rule] = [
    rule(r"ipv(4|6)-access-list (\S+)", p_acl),
    rule(
        r"(?:ip|(ipv6)) prefix-list (\S+)(?: seq (\d+))? (permit|deny) (\S+)"
        r"(?: ge (\d+))?(?: le (\d+))?",
        p_prefix_list,
    ),
    rule(r"ip community-list (basic|advanced) (\S+) (permit|deny) (.+)", p_community),
    rule(r"ip extcommunity-list basic (\S+) (permit|deny) ((?:rt-trans \S+ ?)+)", p_extcommunity),
    rule(r"ip as-path access-list (?:(\d+)|name (\S+)) (permit|deny) (\S+)", p_as_path),
    rule(r"route-map (\S+)(?: (permit|deny))?(?: (\d+))?", p_route_map),
    rule(r"ip pool (\S+)", p_pool),
    *QOS_TOP,
]


def render_policy(out: Emitter, config: DeviceConfig) -> None:
    w = Writer(out)
    with w.section("acl"):
        render_acls(w, config)
        render_acl_bindings(out, config)
    with w.section("route-map"):
        _render_lists(w, config)
        _render_route_maps(w, config)
    _render_services(w, config)

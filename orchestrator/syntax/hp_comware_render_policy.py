"""Render ACLs, prefix lists, community and AS-path lists and route policies in Comware 7
syntax."""

from __future__ import annotations

from ipaddress import ip_address

from orchestrator.model import (
    ACL_RULE_FIELDS,
    Acl,
    AclEntry,
    AddrMatch,
    CommunityList,
    DeviceConfig,
    PortMatch,
    RouteMapEntry,
)
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_parse_policy import APPLIES, MATCHES

_MATCH_WORDS = {kind: form for form, kind in MATCHES.items()}
_APPLY_WORDS = {kind: form for form, kind in APPLIES.items()}
#: match kinds that take one value (several mean OR on IOS, AND as Comware clauses)
_SINGLE = {
    "ip-address-prefix-list",
    "ip-address-acl",
    "ipv6-address-prefix-list",
    "next-hop-prefix-list",
    "tag",
    "metric",
    "route-type",
}
_BASIC_FIELDS = {"seq", "action", "remark", "source", "fragments", "log", "time_range"}


def render_filters(config: DeviceConfig, out: Emitter) -> None:
    logged = [rule for acl in config.acls.values() for rule in acl.entries if rule.log]
    if logged:
        # rules with `logging` log nothing until this is set; IOS, like Comware at 5, logs a
        # flow's first packet at once and then a summary every 5 minutes
        out.plain("#")
        out.emit(" acl logging interval 5", logged[0])
        for rule in logged[1:]:
            out.also(rule)
    for acl in config.acls.values():
        _acl(acl, out)
    for plist in config.prefix_lists.values():
        out.plain("#")
        word = "ipv6 prefix-list" if plist.afi == "ipv6" else "ip prefix-list"
        if plist.description is not None:
            out.unsupported(
                plist, "description", reason="Comware prefix lists carry no description"
            )
        for entry in plist.entries:
            text = f" {word} {plist.name}"
            if entry.seq is not None:
                text += f" index {entry.seq}"
            text += f" {entry.action} {entry.prefix.network_address} {entry.prefix.prefixlen}"
            if entry.ge is not None:
                text += f" greater-equal {entry.ge}"
            if entry.le is not None:
                text += f" less-equal {entry.le}"
            out.emit(text, entry)
            out.mark(entry, "seq", "action", "prefix", "ge", "le")
        out.mark(plist, "", "afi")  # every entry's line names the list
        if not plist.entries:
            out.unsupported(plist, reason="an empty prefix list cannot be written on Comware")
    for clist in config.community_lists.values():
        out.plain("#")
        if is_extended(clist):
            _extended_list(clist, out)
            continue
        standard = clist.kind == "standard"
        numbered = clist.name.isdigit() and (
            1 <= int(clist.name) <= 99 if standard else 100 <= int(clist.name) <= 199
        )
        head = (
            f" ip community-list {clist.name}"
            if numbered
            else (f" ip community-list {'basic' if standard else 'advanced'} {clist.name}")
        )
        out.mark(clist, "", "kind")
        for centry in clist.entries:
            value = " ".join(centry.communities) if standard else (centry.regex or "")
            out.emit(f"{head} {centry.action}{' ' + value if value else ''}", centry)
            out.mark(centry, "action", "communities", "regex")
    for aslist in config.as_path_lists.values():
        out.plain("#")
        out.mark(aslist)
        for asentry in aslist.entries:
            out.emit(f" ip as-path {aslist.name} {asentry.action} {asentry.regex}", asentry)
            out.mark(asentry, "action", "regex")


def is_extended(clist: CommunityList) -> bool:
    """A list of route targets only: a (numbered) extended community list on Comware."""
    values = [c for e in clist.entries for c in e.communities]
    return (
        clist.kind == "standard" and bool(values) and all(c.startswith("target:") for c in values)
    )


def _extended_list(clist: CommunityList, out: Emitter) -> None:
    if not (clist.name.isdigit() and 1 <= int(clist.name) <= 199):
        out.unsupported(clist, reason="Comware numbers extended community lists (1-199)")
        return
    out.mark(clist, "", "kind")
    for centry in clist.entries:
        targets = " ".join(f"rt {c.removeprefix('target:')}" for c in centry.communities)
        out.emit(f" ip extcommunity-list {clist.name} {centry.action} {targets}", centry)
        out.mark(centry, "action", "communities")


def community_match(config: DeviceConfig, names: list[str]) -> str:
    """`if-match` words for community lists: numbered, by name, or extended (numbered)."""
    lists = [config.community_lists.get(n) for n in names]
    if names and all(c is not None and is_extended(c) for c in lists):
        return "extcommunity " + " ".join(names)
    return "community " + " ".join(n if n.isdigit() else f"name {n}" for n in names)


def _acl(acl: Acl, out: Emitter) -> None:
    rules = [e for e in acl.entries if e.action is not None]
    if acl.kind == "ipv6" and acl.name.isdigit():
        basic = 2000 <= int(acl.name) <= 2999
    elif acl.kind == "ipv6":
        basic = all(set(_set_fields(e)) <= _BASIC_FIELDS for e in rules)
    else:
        basic = acl.kind == "standard"
    if acl.kind == "mac":
        out.unsupported(acl, reason="layer-2 ACLs are not translated")
        return
    family = "ipv6 " if acl.kind == "ipv6" else ""
    ref = acl.name if acl.name.isdigit() else f"name {acl.name}"
    out.plain("#")
    with out.view(f"acl {family}{'basic' if basic else 'advanced'} {ref}", acl):
        out.mark(acl, "kind")
        if acl.description is not None:
            out.emit(f" description {acl.description}", acl, "description")
        pending: AclEntry | None = None
        for entry in acl.entries:
            if entry.action is None:
                if pending is not None:
                    out.unsupported(pending, reason="Comware keeps one comment per rule")
                pending = entry
                continue
            text = _rule(entry, basic, acl.kind == "ipv6", out)
            if text is None:
                continue
            out.emit(text, entry)
            out.mark(entry, *ACL_RULE_FIELDS)
            if pending is not None:
                if entry.seq is None:
                    out.unsupported(pending, reason="a comment needs a numbered rule")
                else:
                    out.emit(f" rule {entry.seq} comment {pending.remark}", pending)
                    out.mark(pending, "remark")
                pending = None
        if pending is not None:
            out.unsupported(pending, reason="a comment after the last rule has no rule to describe")


def _set_fields(entry: AclEntry) -> list[str]:
    return [f for f in ACL_RULE_FIELDS if getattr(entry, f) not in (None, False)]


def _address(match: AddrMatch, ipv6: bool) -> str:
    if ipv6:
        return f"{match.address}{match.wildcard}"
    return f"{match.address} {'0' if match.wildcard == '0.0.0.0' else match.wildcard}"


def _port(port: PortMatch) -> str:
    return f"{port.op} {' '.join(str(p) for p in port.ports)}"


def _valid(match: AddrMatch | None) -> bool:
    if match is None:
        return True
    try:
        ip_address(match.address)
    except ValueError:
        return False
    return True


def _rule(entry: AclEntry, basic: bool, ipv6: bool, out: Emitter) -> str | None:
    if basic and not set(_set_fields(entry)) <= _BASIC_FIELDS:
        out.unsupported(entry, reason="a basic ACL matches source addresses only")
        return None
    if not (_valid(entry.source) and _valid(entry.destination)):
        out.unsupported(entry, reason="the rule's address is not an IP address")
        return None
    text = " rule" + (f" {entry.seq}" if entry.seq is not None else "") + f" {entry.action}"
    if not basic:
        proto = entry.protocol or "ip"
        text += f" { ({'ip': 'ipv6', 'icmp': 'icmpv6'}.get(proto, proto) if ipv6 else proto) }"
    if entry.source is not None:
        text += f" source {_address(entry.source, ipv6)}"
    if entry.source_port is not None:
        text += f" source-port {_port(entry.source_port)}"
    if entry.destination is not None:
        text += f" destination {_address(entry.destination, ipv6)}"
    if entry.destination_port is not None:
        text += f" destination-port {_port(entry.destination_port)}"
    if entry.icmp_type is not None:
        word = "icmp6-type" if ipv6 else "icmp-type"
        text += f" {word} {entry.icmp_type.replace('/', ' ')}"
    if entry.established:
        text += " established"
    if entry.dscp is not None:
        text += f" dscp {entry.dscp}"
    if entry.precedence is not None:
        text += f" precedence {entry.precedence}"
    if entry.fragments:
        text += " fragment"
    if entry.log:
        text += " logging"
    if entry.time_range is not None:
        text += f" time-range {entry.time_range}"
    return text


def render_route_policies(config: DeviceConfig, out: Emitter) -> None:
    for policy in config.route_maps.values():
        out.mark(policy)  # every node's view names the policy
        for entry in policy.entries:
            out.plain("#")
            with out.view(f"route-policy {policy.name} {entry.action} node {entry.seq}", entry):
                out.mark(entry, "action", "seq")
                _policy_node(config, entry, out)
        if not policy.entries:
            out.unsupported(policy, reason="a route policy without nodes cannot be written")


def _policy_node(config: DeviceConfig, entry: RouteMapEntry, out: Emitter) -> None:
    for match in entry.matches:
        form = _MATCH_WORDS.get(match.kind)
        if form is None or match.prefixes:
            out.unsupported(match, reason=f"match on {match.kind} has no Comware if-match")
        elif match.kind in _SINGLE and len(match.values) != 1:
            out.unsupported(
                match,
                reason="several lists in one match mean OR; Comware if-match clauses mean AND",
            )
        elif match.kind == "community":
            out.emit(f" if-match {community_match(config, match.values)}", match)
        else:
            out.emit(f" if-match {form} {' '.join(match.values)}", match)
        out.mark(match, "kind", "values")
    for item in entry.sets:
        if item.kind == "community-delete" and len(item.values) == 1:
            out.emit(f" apply comm-list {item.values[0]} delete", item)
            out.mark(item, "kind", "values")
            continue
        form = _APPLY_WORDS.get(item.kind)
        single = item.kind in (
            "next-hop",
            "local-preference",
            "metric",
            "weight",
            "tag",
            "metric-type",
        )
        if (
            form is None
            or (single and len(item.values) != 1)
            or (item.kind == "as-path-prepend" and not all(v.isdigit() for v in item.values))
        ):
            out.unsupported(
                item, reason=f"set {item.kind} {' '.join(item.values)} has no Comware apply"
            )
            continue
        additive = " additive" if item.additive else ""
        if item.additive and item.kind not in ("community", "extcommunity-rt"):
            out.unsupported(item, "additive", reason="only communities are added to")
            additive = ""
        values = item.values
        if item.kind == "extcommunity-rt":  # each route target says `rt`
            form, values = "extcommunity", [f"rt {v}" for v in values]
        out.emit(f" apply {form} {' '.join(values)}{additive}", item)
        out.mark(item, "kind", "values", "additive")
    if entry.continue_to is not None:
        target = f" {entry.continue_to}" if entry.continue_to else ""
        out.emit(f" continue{target}", entry, "continue_to")
    if entry.description is not None:
        out.unsupported(
            entry, "description", reason="Comware route-policy nodes carry no description"
        )
    if entry.name is not None:
        out.ignore(entry, "name", rule="a policy term's name is a label only")

"""VRP filters and policies: ACLs, ip-prefix lists, community and AS-path filters, route-policies,
QoS classifiers/behaviors/policies, NAT address groups and DHCP pools.

ACL rules the device numbers itself (5, 10, 15, ... in steps of 5) read as unnumbered entries,
so that a list written without numbers comes back the same; any other numbering is kept.
"""

from __future__ import annotations

import re
from ipaddress import IPv4Network, ip_network
from typing import Any

from orchestrator.model import (
    Acl,
    AclEntry,
    AddrMatch,
    AsPathEntry,
    AsPathList,
    ClassMap,
    CommunityList,
    CommunityListEntry,
    DhcpPool,
    NatPool,
    PolicyClass,
    PolicyMap,
    PortMatch,
    PrefixList,
    PrefixListEntry,
    RouteMap,
    RouteMapEntry,
    RouteMapMatch,
    RouteMapSet,
)
from orchestrator.syntax.huawei_common import acl_kind_of_number, ifname, mask_or_length
from orchestrator.syntax.rules import Ctx, Rule, dispatch, port_number, prefixlen_to_wildcard, rule
from orchestrator.syntax.text import Line

#: the description the renderers put on the deny rule that stands for Cisco's implicit deny
IMPLICIT_DENY = "cutover: implicit deny of the source ACL"

# --- ACLs -------------------------------------------------------------------------------------


def p_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`acl [number] N`, `acl name X [basic|advance] [number N]`, `acl ipv6 ...`."""
    words = line.words[1:]
    ipv6 = words[:1] == ["ipv6"]
    if ipv6:
        words = words[1:]
    name: str | None = None
    kind: str | None = None
    number: int | None = None
    while words:
        word = words.pop(0)
        if word == "name" and words:
            name = words.pop(0)
        elif word == "number" and words:
            number = int(words.pop(0))
        elif word.isdigit():
            number = int(word)
        elif word in ("basic", "advance"):
            kind = "standard" if word == "basic" else "extended"
        elif word == "match-order" and words:
            if words.pop(0) == "auto":
                ctx.report.unsupported_tree(
                    line, "depth-first rule order (match-order auto) has no equivalent elsewhere"
                )
                return
    if number is not None and kind is None:
        kind = acl_kind_of_number(number)
    if kind is None and name is not None:
        kind = "extended"
    if kind is None or kind == "mac":
        ctx.report.unsupported_tree(line, "only IPv4/IPv6 basic and advanced ACLs are translated")
        return
    if ipv6:
        kind = "ipv6"
    key = name or str(number)
    acl = ctx.config.acls.get(key)
    if acl is None:
        acl = ctx.config.acls[key] = Acl(name=key, kind=kind)  # type: ignore[arg-type]
    acl.at(line.n)
    described: dict[int, tuple[str, Line]] = {}
    for child in line.children:
        text = child.text
        dm = re.fullmatch(r"rule (\d+) (?:description|remark) (.+)", text)
        if dm:
            described[int(dm.group(1))] = (dm.group(2), child)
            ctx.report.parsed(child)
            continue
        if text.startswith("description "):
            acl.description = text.split(" ", 1)[1]
            acl.at(child.n, "description")
            ctx.report.parsed(child)
            continue
        if text.startswith("step "):
            ctx.report.ignored(child, "rule numbering step only matters when adding rules")
            continue
        try:
            entry = parse_rule(ctx, text, acl.kind)
        except (ValueError, KeyError, IndexError) as exc:
            ctx.report.unsupported(child, f"ACL rule not translated: {exc}")
            continue
        entry.at(child.n)
        acl.entries.append(entry)
        acl.at(child.n, "entries")
        ctx.report.parsed(child)
    _attach_descriptions(acl, described)
    _normalise_numbers(acl)


def _attach_descriptions(acl: Acl, described: dict[int, tuple[str, Line]]) -> None:
    """`rule N description X` becomes a remark entry before rule N (dropped for our marker)."""
    out: list[AclEntry] = []
    for entry in acl.entries:
        found = described.get(entry.seq) if entry.seq is not None else None
        if found is not None and found[0] == IMPLICIT_DENY and entry is acl.entries[-1]:
            continue
        if found is not None:
            remark = AclEntry(remark=found[0])
            remark.at(found[1].n)
            out.append(remark)
        out.append(entry)
    acl.entries = out


def _normalise_numbers(acl: Acl) -> None:
    rules = [e for e in acl.entries if e.action is not None]
    if rules and all(e.seq == 5 * (i + 1) for i, e in enumerate(rules)):
        for entry in rules:
            entry.seq = None


_PROTOCOLS = {
    "ip": "ip",
    "ipv6": "ip",
    "tcp": "tcp",
    "udp": "udp",
    "icmp": "icmp",
    "icmpv6": "icmp",
    "ospf": "ospf",
    "gre": "gre",
    "igmp": "igmp",
    "ipinip": "4",
    "1": "icmp",
    "6": "tcp",
    "17": "udp",
    "47": "gre",
    "89": "ospf",
}
_VRP_PORTS = {
    "www": 80,
    "bgp": 179,
    "domain": 53,
    "ftp": 21,
    "ftp-data": 20,
    "smtp": 25,
    "telnet": 23,
    "snmp": 161,
    "snmptrap": 162,
    "ntp": 123,
    "tftp": 69,
    "bootps": 67,
    "bootpc": 68,
    "pop3": 110,
    "syslog": 514,
    "tacacs": 49,
    "http": 80,
    "https": 443,
    "ssh": 22,
}


def _port(word: str) -> int:
    return _VRP_PORTS[word] if word in _VRP_PORTS else port_number(word)


def _address(words: list[str], ipv6: bool) -> AddrMatch | None:
    word = words.pop(0)
    if word == "any":
        return None
    if ipv6:
        if "/" in word:
            address, length = word.split("/", 1)
            return AddrMatch(address, f"/{length}")
        if words and words[0].isdigit():
            return AddrMatch(word, f"/{words.pop(0)}")
        return AddrMatch(word, "/128")
    wildcard = words.pop(0) if words else "0"
    if wildcard == "0":
        wildcard = "0.0.0.0"
    elif wildcard.isdigit():
        wildcard = prefixlen_to_wildcard(int(wildcard))
    return AddrMatch(word, wildcard)


def _ports(words: list[str]) -> PortMatch:
    op = words.pop(0)
    if op == "range":
        return PortMatch("range", (_port(words.pop(0)), _port(words.pop(0))))
    if op not in ("eq", "lt", "gt", "neq"):
        raise ValueError(f"port operator {op!r}")
    return PortMatch(op, (_port(words.pop(0)),))  # type: ignore[arg-type]


def parse_rule(ctx: Ctx, text: str, kind: str) -> AclEntry:
    """`rule [N] permit|deny [protocol] [source ...] [destination ...] [options]`."""
    words = text.split()[1:]
    entry = AclEntry()
    if words and words[0].isdigit():
        entry.seq = int(words.pop(0))
    action = words.pop(0)
    if action not in ("permit", "deny"):
        raise ValueError(f"permit or deny expected, got {action!r}")
    entry.action = action  # type: ignore[assignment]
    ipv6 = kind == "ipv6"
    if kind != "standard" and words and words[0] not in ("source", "destination", "logging"):
        proto = words.pop(0)
        if proto not in _PROTOCOLS and not proto.isdigit():
            raise ValueError(f"protocol {proto!r}")
        entry.protocol = _PROTOCOLS.get(proto, proto)
    elif kind != "standard":
        entry.protocol = "ip"
    while words:
        word = words.pop(0)
        if word == "source":
            entry.source = _address(words, ipv6)
        elif word == "destination":
            entry.destination = _address(words, ipv6)
        elif word == "source-port":
            entry.source_port = _ports(words)
        elif word == "destination-port":
            entry.destination_port = _ports(words)
        elif word == "logging":
            entry.log = True
        elif word == "fragment" or (word == "fragment-type" and words.pop(0) == "fragment"):
            entry.fragments = True
        elif word == "time-range":
            entry.time_range = words.pop(0)
        elif word == "dscp":
            entry.dscp = words.pop(0)
        elif word == "precedence":
            entry.precedence = words.pop(0)
        elif word == "icmp-type":
            icmp = words.pop(0)
            if words and words[0].isdigit():
                icmp = f"{icmp}/{words.pop(0)}"
            entry.icmp_type = icmp
        elif word == "tcp-flag" and words[:1] == ["established"]:
            words.pop(0)
            entry.established = True
        else:
            raise ValueError(f"option {word!r}")
    return entry


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


def r_description(ctx: Ctx, line: Line, m: re.Match[str], entry: RouteMapEntry) -> None:
    entry.description = m.group(1)
    entry.at(line.n, "description")


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
    rule(r"description (.+)", r_description),
    rule(r"if-match acl (\S+)", _match("ip-address-acl")),
    rule(r"if-match ip-prefix (\S+)", _match("ip-address-prefix-list")),
    rule(r"if-match ipv6 address prefix-list (\S+)", _match("ipv6-address-prefix-list")),
    rule(r"if-match ip next-hop ip-prefix (\S+)", _match("next-hop-prefix-list")),
    rule(r"if-match community-filter (.+)", _match("community", multi=True)),
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


def p_classifier(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    cmap = ClassMap(name=m.group(1), match="all" if m.group(2) == "and" else "any")
    cmap.at(line.n)
    ctx.config.services.class_maps[cmap.name] = cmap
    ctx.config.services.at(line.n, "class_maps")
    for child in line.children:
        cm = re.fullmatch(
            r"if-match (acl|dscp|ip-precedence|8021p|vlan-id|any)(?: (.+))?", child.text
        )
        if cm is None:
            ctx.report.unsupported(child, "classifier match not translated")
            continue
        kind = {
            "acl": "access-group",
            "dscp": "dscp",
            "ip-precedence": "precedence",
            "8021p": "cos",
            "vlan-id": "vlan",
            "any": "any",
        }[cm.group(1)]
        value = (cm.group(2) or "").removeprefix("name ")
        cmap.matches.append((kind, value))
        cmap.at(child.n, "matches")
        ctx.report.parsed(child)


def p_behavior(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    actions: list[tuple[str, str]] = []
    for child in line.children:
        words = child.words
        if words[0] in ("deny", "permit") and len(words) == 1:
            actions.append((words[0], ""))
        elif words[:2] == ["remark", "dscp"] and len(words) == 3:
            actions.append(("set-dscp", words[2]))
        elif words[:2] == ["remark", "8021p"] and len(words) == 3:
            actions.append(("set-cos", words[2]))
        elif words[:2] == ["car", "cir"] and len(words) >= 3:
            actions.append(("police", words[2]))
        elif words == ["statistic", "enable"]:
            ctx.report.ignored(child, "per-behavior counters are a monitoring setting")
            continue
        else:
            ctx.report.unsupported(child, "traffic behavior action not translated")
            continue
        ctx.report.parsed(child)
    ctx.state.setdefault("behaviors", {})[m.group(1)] = (actions, line)


def p_traffic_policy(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pmap = PolicyMap(name=m.group(1))
    pmap.at(line.n)
    ctx.config.services.policy_maps[pmap.name] = pmap
    ctx.config.services.at(line.n, "policy_maps")
    for child in line.children:
        cm = re.fullmatch(r"classifier (\S+) behavior (\S+)(?: precedence \d+)?", child.text)
        if cm is None:
            ctx.report.unsupported(child, "traffic policy statement not translated")
            continue
        entry = PolicyClass(class_name=cm.group(1))
        ctx.state.setdefault("pending_behaviors", []).append((entry, cm.group(2)))
        entry.at(child.n)
        pmap.classes.append(entry)
        pmap.at(child.n, "classes")
        ctx.report.parsed(child)


def finish_behaviors(ctx: Ctx) -> None:
    """Copy each behavior's actions into the policy classes that name it."""
    behaviors = ctx.state.get("behaviors", {})
    for entry, name in ctx.state.get("pending_behaviors", []):
        found = behaviors.get(name)
        if found is not None:
            entry.actions = list(found[0])
            entry.at(found[1].n, "actions")


def p_nat_group(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pool = NatPool(name=m.group(1), start=m.group(2), end=m.group(3))
    pool.at(line.n)
    ctx.config.services.nat_pools[pool.name] = pool
    ctx.config.services.at(line.n, "nat_pools")


def p_ip_pool(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if m.group(2):
        ctx.report.unsupported_tree(line, "subscriber (BAS) address pools are not translated")
        return
    pool = DhcpPool(name=m.group(1))
    pool.at(line.n)
    services = ctx.config.services
    services.dhcp_pools[pool.name] = pool
    services.at(line.n, "dhcp_pools")
    for child in line.children:
        words = child.words
        head = words[0]
        if head == "network" and len(words) >= 2:
            length = mask_or_length(words[3]) if words[2:3] == ["mask"] else 32
            pool.network = IPv4Network(f"{words[1]}/{length}", strict=False)
            pool.at(child.n, "network")
        elif head == "gateway-list":
            pool.default_routers.extend(words[1:])
            pool.at(child.n, "default_routers")
        elif head == "dns-list":
            pool.dns_servers.extend(words[1:])
            pool.at(child.n, "dns_servers")
        elif head == "domain-name" and len(words) == 2:
            pool.domain_name = words[1]
            pool.at(child.n, "domain_name")
        elif head == "lease":
            lm = re.fullmatch(
                r"lease (?:day )?(\d+)(?: (?:hour )?(\d+))?(?: (?:minute )?(\d+))?", child.text
            )
            if lm is None:
                ctx.report.unsupported(child, "lease form not understood")
                continue
            pool.lease = (int(lm.group(1)), int(lm.group(2) or 0), int(lm.group(3) or 0))
            pool.at(child.n, "lease")
        elif head == "excluded-ip-address" and len(words) >= 2:
            services.dhcp_excluded.append((words[1], words[-1]))
            services.at(child.n, "dhcp_excluded")
        else:
            ctx.report.unsupported(child, "DHCP pool option not translated")
            continue
        ctx.report.parsed(child)


def p_dhcp_enable(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.services.dhcp_enabled = True
    ctx.config.services.at(line.n, "dhcp_enabled")


def p_forbidden(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.services.dhcp_excluded.append((m.group(1), m.group(2) or m.group(1)))
    ctx.config.services.at(line.n, "dhcp_excluded")


POLICY_TOP: list[Rule] = [
    rule(r"acl .+", p_acl),
    rule(r"ip (ip-prefix|ipv6-prefix) (\S+) (.+)", p_ip_prefix),
    rule(
        r"ip community-filter (?:(basic|advanced) )?(\S+) (?:index \d+ )?(permit|deny) (.+)",
        p_community_filter,
    ),
    rule(r"ip as-path-filter (\S+) (?:index \d+ )?(permit|deny) (.+)", p_as_path_filter),
    rule(r"route-policy (\S+) (permit|deny) node (\d+)", p_route_policy),
    rule(r"traffic classifier (\S+)(?: (?:operator|type) (and|or))?", p_classifier),
    rule(r"traffic behavior (\S+)", p_behavior),
    rule(r"traffic policy (\S+)", p_traffic_policy),
    rule(r"nat address-group (\S+) (\d+\.\d+\.\d+\.\d+) (\d+\.\d+\.\d+\.\d+)", p_nat_group),
    rule(r"ip pool (\S+)( .+)?", p_ip_pool),
    rule(r"dhcp enable", p_dhcp_enable),
    rule(r"dhcp server forbidden-ip (\S+)(?: (\S+))?", p_forbidden),
]

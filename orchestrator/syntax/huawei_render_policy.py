"""VRP filters and policies: ACLs, ip-prefix lists, community and AS-path filters,
route-policies, QoS classifiers/behaviors/policies, NAT address groups and DHCP pools."""

from __future__ import annotations

from ipaddress import IPv4Network

from orchestrator.model import Acl, AclEntry, AddrMatch, DeviceConfig, PortMatch, RouteMapEntry
from orchestrator.syntax.huawei_render_base import Writer
from orchestrator.syntax.rules import wildcard_to_prefixlen

_COMMUNITY_WORDS = {"local-AS": "no-export-subconfed", "local-as": "no-export-subconfed"}
_COMMUNITY_OK = {"internet", "no-export", "no-advertise", "no-export-subconfed"}


def acl_header(acl: Acl) -> str:
    ipv6 = "ipv6 " if acl.kind == "ipv6" else ""
    if acl.name.isdigit():
        return f"acl {ipv6}number {acl.name}"
    kind = "basic" if acl.kind == "standard" else "advance"
    return f"acl {ipv6}name {acl.name} {kind}"


def render_acls(config: DeviceConfig, w: Writer) -> None:
    for acl in config.acls.values():
        if acl.kind == "mac":
            w.unsupported(acl, reason="MAC ACLs are not translated")
            continue
        with w.view(acl_header(acl), acl, "", "name", "kind"):
            if acl.description is not None:
                w.line(f"description {acl.description}", acl, "description")
            _rules(acl, w)
        w.sep()


def _rules(acl: Acl, w: Writer) -> None:
    """Rules the source left unnumbered get VRP's own numbering (5, 10, ...), which the
    parser reads back as unnumbered; descriptions attach to the rule after the remark."""
    texts: dict[int, str] = {}
    for entry in acl.entries:
        if entry.action is not None:
            text = _rule_text(acl, entry, w)
            if text is not None:
                texts[id(entry)] = text
    actions = [e for e in acl.entries if id(e) in texts]
    numbered = any(e.seq is not None for e in actions)
    ids: dict[int, int | None] = {}
    for i, entry in enumerate(actions):
        ids[id(entry)] = entry.seq if numbered else 5 * (i + 1)
    pending: list[AclEntry] = []
    for entry in acl.entries:
        if entry.action is None:
            pending.append(entry)
            continue
        if id(entry) not in texts:
            continue
        rule_id = ids[id(entry)]
        text = texts[id(entry)]
        prefix = f"rule {rule_id} " if rule_id is not None else "rule "
        w.line(
            prefix + text,
            entry,
            "",
            "seq",
            "action",
            "protocol",
            "source",
            "source_port",
            "destination",
            "destination_port",
            "established",
            "icmp_type",
            "dscp",
            "precedence",
            "fragments",
            "log",
            "time_range",
        )
        for remark in pending:
            if rule_id is None or remark is not pending[-1]:
                w.unsupported(remark, reason="VRP keeps one description per numbered rule")
            else:
                w.line(f"rule {rule_id} description {remark.remark}", remark, "", "remark")
        pending = []
    for remark in pending:
        w.unsupported(remark, reason="a remark after the last rule has no rule to describe")


def _valid(match: AddrMatch | None, ipv6: bool) -> bool:
    from ipaddress import ip_address

    if match is None:
        return True
    try:
        ip_address(match.address)
        if not ipv6:
            ip_address(match.wildcard)
    except ValueError:
        return False
    return True


def _address(match: AddrMatch | None, ipv6: bool) -> str:
    if match is None:
        return "any"
    if ipv6:
        return (
            f"{match.address.upper()}{match.wildcard}"
            if match.wildcard.startswith("/")
            else match.address.upper()
        )
    if match.wildcard == "0.0.0.0":
        return f"{match.address} 0"
    return f"{match.address} {match.wildcard}"


def _ports(ports: PortMatch) -> str | None:
    if ports.op == "range" and len(ports.ports) == 2:
        return f"range {ports.ports[0]} {ports.ports[1]}"
    if ports.op in ("eq", "lt", "gt") and len(ports.ports) == 1:
        return f"{ports.op} {ports.ports[0]}"
    return None


def _rule_text(acl: Acl, entry: AclEntry, w: Writer) -> str | None:
    ipv6 = acl.kind == "ipv6"
    if not (_valid(entry.source, ipv6) and _valid(entry.destination, ipv6)):
        w.unsupported(entry, reason="the rule's address is not an address VRP can match")
        return None
    words: list[str] = [entry.action or "permit"]
    if acl.kind != "standard":
        proto = entry.protocol or "ip"
        if ipv6:
            proto = {"ip": "ipv6", "icmp": "icmpv6"}.get(proto, proto)
        words.append(proto)
    for field, word in (
        ("source", "source"),
        ("source_port", "source-port"),
        ("destination", "destination"),
        ("destination_port", "destination-port"),
    ):
        value = getattr(entry, field)
        if value is None:
            continue
        if isinstance(value, AddrMatch):
            words.append(f"{word} {_address(value, ipv6)}")
            continue
        text = _ports(value)
        if text is None:
            w.unsupported(
                entry,
                reason=f"VRP port conditions are eq/lt/gt/range of one port; "
                f"{value.op} {' '.join(map(str, value.ports))} is not",
            )
            return None
        words.append(f"{word} {text}")
    if entry.icmp_type is not None:
        words.append(f"icmp-type {entry.icmp_type.replace('/', ' ')}")
    if entry.established:
        words.append("tcp-flag established")
    if entry.dscp is not None:
        words.append(f"dscp {entry.dscp}")
    if entry.precedence is not None:
        words.append(f"precedence {entry.precedence}")
    if entry.fragments:
        words.append("fragment-type fragment" if w.platform.vpn_ipv4_family else "fragment")
    if entry.time_range is not None:
        words.append(f"time-range {entry.time_range}")
    if entry.log:
        words.append("logging")
    return " ".join(words)


def render_prefix_lists(config: DeviceConfig, w: Writer) -> None:
    for plist in config.prefix_lists.values():
        word = "ipv6-prefix" if plist.afi == "ipv6" else "ip-prefix"
        if plist.description is not None:
            w.line(f"ip {word} {plist.name} description {plist.description}", plist, "description")
        for entry in plist.entries:
            index = f" index {entry.seq}" if entry.seq is not None else ""
            address = str(entry.prefix.network_address)
            if plist.afi == "ipv6":
                address = address.upper()
            text = (
                f"ip {word} {plist.name}{index} {entry.action} {address} {entry.prefix.prefixlen}"
            )
            if entry.ge is not None:
                text += f" greater-equal {entry.ge}"
            if entry.le is not None:
                text += f" less-equal {entry.le}"
            w.line(text, entry, "", "seq", "action", "prefix", "ge", "le")
        w.mark(plist, "", "name", "afi")
    if config.prefix_lists:
        w.sep()


def render_community_lists(config: DeviceConfig, w: Writer) -> None:
    for clist in config.community_lists.values():
        numbered = clist.name.isdigit()
        if numbered and not (1 <= int(clist.name) <= 199):
            w.unsupported(clist, reason="VRP numbers community filters 1-199")
            continue
        if clist.kind == "expanded":
            head = (
                f"ip community-filter {clist.name}"
                if numbered and int(clist.name) >= 100
                else f"ip community-filter advanced {clist.name}"
            )
        else:
            head = (
                f"ip community-filter {clist.name}"
                if numbered and int(clist.name) < 100
                else f"ip community-filter basic {clist.name}"
            )
        if numbered and (clist.kind == "expanded") != (int(clist.name) >= 100):
            w.unsupported(
                clist, reason="VRP numbers basic community filters 1-99 and advanced ones 100-199"
            )
            continue
        for entry in clist.entries:
            if clist.kind == "expanded":
                w.line(f"{head} {entry.action} {entry.regex}", entry, "", "action", "regex")
                continue
            values = [_COMMUNITY_WORDS.get(c, c) for c in entry.communities]
            if not all(":" in v or v.isdigit() or v in _COMMUNITY_OK for v in values):
                w.unsupported(entry, reason="community value has no VRP form")
                continue
            w.line(f"{head} {entry.action} {' '.join(values)}", entry, "", "action", "communities")
        w.mark(clist, "", "name", "kind")
    for alist in config.as_path_lists.values():
        for path_entry in alist.entries:
            w.line(
                f"ip as-path-filter {alist.name} {path_entry.action} {path_entry.regex}",
                path_entry,
                "",
                "action",
                "regex",
            )
        w.mark(alist, "", "name")
    if config.community_lists or config.as_path_lists:
        w.sep()


_MATCHES = {
    "ip-address-acl": "if-match acl {}",
    "ip-address-prefix-list": "if-match ip-prefix {}",
    "ipv6-address-prefix-list": "if-match ipv6 address prefix-list {}",
    "next-hop-prefix-list": "if-match ip next-hop ip-prefix {}",
    "tag": "if-match tag {}",
    "metric": "if-match cost {}",
}
_PROTOCOLS = {"connected": "direct"}
_MULTI = {
    "community": "if-match community-filter {}",
    "as-path": "if-match as-path-filter {}",
    "interface": "if-match interface {}",
    "protocol": "if-match protocol {}",
}


def render_route_policies(config: DeviceConfig, w: Writer) -> None:
    for rmap in config.route_maps.values():
        for entry in rmap.entries:
            with w.view(
                f"route-policy {rmap.name} {entry.action} node {entry.seq}",
                entry,
                "",
                "seq",
                "action",
            ):
                _route_policy_node(entry, w)
            w.sep()
        w.mark(rmap, "", "name")


def _route_policy_node(entry: RouteMapEntry, w: Writer) -> None:
    if entry.description is not None:
        w.line(f"description {entry.description}", entry, "description")
    for match in entry.matches:
        if match.kind in _MATCHES:
            if len(match.values) != 1 or match.prefixes:
                w.unsupported(match, reason="VRP matches one list per if-match clause")
                continue
            w.line(_MATCHES[match.kind].format(match.values[0]), match, "", "kind", "values")
        elif match.kind in _MULTI and match.values and not match.prefixes:
            values = [_PROTOCOLS.get(v, v) if match.kind == "protocol" else v for v in match.values]
            w.line(_MULTI[match.kind].format(" ".join(values)), match, "", "kind", "values")
        else:
            w.unsupported(match, reason=f"route-policy match {match.kind} is not translated")
    for item in entry.sets:
        text = _apply(item.kind, item.values, item.additive)
        if text is None:
            w.unsupported(
                item,
                reason=f"route-policy action {item.kind} {' '.join(item.values)} is not translated",
            )
            continue
        w.line(text, item, "", "kind", "values", "additive")
    if entry.continue_to is not None:
        target = f" {entry.continue_to}" if entry.continue_to else ""
        w.line(f"goto next-node{target}", entry, "continue_to")
    if entry.name is not None:
        w.ignore(entry, "name", rule="a term name is a label; VRP numbers its nodes")


def _apply(kind: str, values: list[str], additive: bool) -> str | None:
    value = values[0] if values else ""
    if kind == "local-preference" and value.isdigit():
        return f"apply local-preference {value}"
    if kind == "metric" and value.isdigit() and len(values) == 1:
        return f"apply cost {value}"
    if kind == "metric-type" and value in ("type-1", "type-2", "internal", "external"):
        return f"apply cost-type {value}"
    if kind == "weight" and value.isdigit():
        return f"apply preferred-value {value}"
    if kind == "tag" and value.isdigit():
        return f"apply tag {value}"
    if kind == "origin" and value in ("igp", "incomplete", "egp"):
        return f"apply origin {' '.join(values)}"
    if kind == "next-hop" and len(values) == 1 and value[:1].isdigit():
        return f"apply ip-address next-hop {value}"
    if kind == "as-path-prepend" and values and all(v.isdigit() for v in values):
        return f"apply as-path {' '.join(values)} additive"
    if kind == "community" and values:
        words = [_COMMUNITY_WORDS.get(v, v) for v in values]
        if words == ["none"]:
            return "apply community none"
        if all(":" in v or v in _COMMUNITY_OK for v in words):
            return f"apply community {' '.join(words)}{' additive' if additive else ''}"
        return None
    if kind == "community-delete" and len(values) == 1:
        return f"apply comm-filter {value} delete"
    if kind == "extcommunity-rt" and values:
        targets = " ".join(f"rt {v}" for v in values)
        return f"apply extcommunity {targets}{' additive' if additive else ''}"
    return None


#: model QoS match kinds → VRP `if-match` words
_CLASS_MATCHES = {
    "access-group": "acl",
    "dscp": "dscp",
    "ip-dscp": "dscp",
    "precedence": "ip-precedence",
    "ip-precedence": "ip-precedence",
    "cos": "8021p",
    "vlan": "vlan-id",
    "any": "any",
}
#: model QoS action kinds → VRP behavior lines
_ACTIONS = {
    "set-dscp": "remark dscp {}",
    "set-cos": "remark 8021p {}",
    "permit": "permit",
    "deny": "deny",
    "drop": "deny",
}


def render_qos(config: DeviceConfig, w: Writer, acl_policies: dict[str, str]) -> None:
    services = config.services
    word = w.platform.classifier_operator
    for cmap in services.class_maps.values():
        operator = "and" if cmap.match == "all" else "or"
        with w.view(f"traffic classifier {cmap.name} {word} {operator}", cmap, "", "name", "match"):
            for kind, value in cmap.matches:
                vrp = _CLASS_MATCHES.get(kind)
                if vrp is None:
                    w.unsupported(
                        cmap, "matches", reason=f"classifier match {kind} is not translated"
                    )
                    continue
                w.line(f"if-match {vrp} {value}".rstrip(), cmap, "matches")
        w.sep()
    for pmap in services.policy_maps.values():
        for entry in pmap.classes:
            if not entry.actions:
                continue
            with w.view(
                f"traffic behavior {_behavior(pmap.name, entry.class_name)}", entry, "actions"
            ):
                for kind, value in entry.actions:
                    template = _ACTIONS.get(kind)
                    if template is None:
                        w.unsupported(
                            entry, "actions", reason=f"QoS action {kind} is not translated"
                        )
                        continue
                    w.line(template.format(value), entry, "actions")
            w.sep()
    for pmap in services.policy_maps.values():
        with w.view(f"traffic policy {pmap.name}", pmap, "", "name"):
            for entry in pmap.classes:
                behavior = _behavior(pmap.name, entry.class_name) if entry.actions else None
                if behavior is None:
                    w.unsupported(entry, reason="a traffic policy class needs a behavior")
                    continue
                w.line(
                    f"classifier {entry.class_name} behavior {behavior}", entry, "", "class_name"
                )
        w.sep()
    for acl, policy in acl_policies.items():
        with w.view(f"traffic classifier {policy} {word} or"):
            w.line(f"if-match acl {acl}")
        w.sep()
        with w.view(f"traffic behavior {policy}"):
            w.line("permit")
        w.sep()
        with w.view(f"traffic policy {policy}"):
            w.line(f"classifier {policy} behavior {policy}")
        w.sep()


def _behavior(policy: str, class_name: str) -> str:
    return f"{policy}-{class_name}"[:31]


def render_services(config: DeviceConfig, w: Writer) -> None:
    """DHCP (global switch, pools) and NAT address groups; NAT rules live on interfaces."""
    services = config.services
    if services.dhcp_enabled:
        w.line("dhcp enable", services, "dhcp_enabled")
        w.sep()
    elif services.dhcp_enabled is False:
        w.ignore(services, "dhcp_enabled", rule="DHCP is off on VRP unless enabled")
    placed: set[int] = set()
    for pool in services.dhcp_pools.values():
        with w.view(f"ip pool {pool.name}", pool, "", "name"):
            if pool.default_routers:
                w.line(f"gateway-list {' '.join(pool.default_routers)}", pool, "default_routers")
            if pool.network is not None:
                w.line(
                    f"network {pool.network.network_address} mask {pool.network.netmask}",
                    pool,
                    "network",
                )
                for i, (first, last) in enumerate(services.dhcp_excluded):
                    if _inside(first, pool.network) and _inside(last, pool.network):
                        w.line(f"excluded-ip-address {first} {last}", services, "dhcp_excluded")
                        placed.add(i)
            if pool.dns_servers:
                w.line(f"dns-list {' '.join(pool.dns_servers)}", pool, "dns_servers")
            if pool.domain_name:
                w.line(f"domain-name {pool.domain_name}", pool, "domain_name")
            if pool.lease is not None:
                days, hours, minutes = pool.lease
                w.line(f"lease day {days} hour {hours} minute {minutes}", pool, "lease")
        w.sep()
    if len(placed) != len(services.dhcp_excluded):
        w.unsupported(
            services,
            "dhcp_excluded",
            reason="VRP excludes addresses inside a pool; some excluded ranges lie in no pool",
        )
    if not w.platform.nat:
        return
    for nat_pool in services.nat_pools.values():
        w.line(
            f"nat address-group {nat_pool.name} {nat_pool.start} {nat_pool.end}",
            nat_pool,
            "",
            "name",
            "start",
            "end",
        )
        if nat_pool.prefix_length is not None:
            w.ignore(nat_pool, "prefix_length", rule="a VRP address group is a range of addresses")


def _inside(address: str, net: IPv4Network) -> bool:
    from ipaddress import IPv4Address

    try:
        return IPv4Address(address) in net
    except ValueError:
        return False


def filter_prefix(wildcard: str) -> int | None:
    return wildcard_to_prefixlen(wildcard)

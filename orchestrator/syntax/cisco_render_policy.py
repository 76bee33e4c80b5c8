"""Cisco IOS renderer: access lists, prefix lists, community and AS-path lists, route maps."""

from __future__ import annotations

from orchestrator.model import (
    Acl,
    AclEntry,
    AddrMatch,
    DeviceConfig,
    PortMatch,
    RouteMapEntry,
)
from orchestrator.syntax.cisco_render_common import Writer

#: model protocol → IOS keyword (others are written as numbers, which IOS takes too)
_PROTOCOL_WORDS = {
    "ip": "ip",
    "tcp": "tcp",
    "udp": "udp",
    "icmp": "icmp",
    "ospf": "ospf",
    "gre": "gre",
    "pim": "pim",
    "igmp": "igmp",
}

#: route-map match kind → IOS words
_MATCH_WORDS = {
    "ip-address-acl": "ip address",
    "ip-address-prefix-list": "ip address prefix-list",
    "ipv6-address-prefix-list": "ipv6 address prefix-list",
    "next-hop-prefix-list": "ip next-hop prefix-list",
    "community": "community",
    "as-path": "as-path",
    "tag": "tag",
    "metric": "metric",
    "interface": "interface",
    "route-type": "route-type",
}

#: route-map set kind → IOS words
_SET_WORDS = {
    "local-preference": "local-preference",
    "metric": "metric",
    "metric-type": "metric-type",
    "weight": "weight",
    "tag": "tag",
    "origin": "origin",
    "next-hop": "ip next-hop",
    "as-path-prepend": "as-path prepend",
    "community": "community",
    "extcommunity-rt": "extcommunity rt",
    "ip-precedence": "ip precedence",
}


def render_acls(w: Writer, config: DeviceConfig) -> None:
    for acl in config.acls.values():
        if acl.kind == "mac":
            w.unsupported(acl, reason="MAC access lists are not translated")
            continue
        family = "ipv6 access-list" if acl.kind == "ipv6" else f"ip access-list {acl.kind}"
        with w.view(f"{family} {acl.name}", acl, "name", "kind"):
            if acl.description is not None:
                w.unsupported(
                    acl, "description", reason="IOS access lists have remarks, not a description"
                )
            for entry in acl.entries:
                _entry(w, acl, entry)
            w.done(acl, "entries")
        w.plain("!")


def _address(match: AddrMatch | None, ipv6: bool) -> str:
    if match is None:
        return "any"
    if ipv6:
        if match.wildcard == "/128":
            return f"host {match.address}"
        return f"{match.address}{match.wildcard}"
    if match.wildcard == "0.0.0.0":
        return f"host {match.address}"
    return f"{match.address} {match.wildcard}"


def _ports(match: PortMatch | None) -> str:
    if match is None:
        return ""
    return f" {match.op} " + " ".join(str(p) for p in match.ports)


def _entry(w: Writer, acl: Acl, entry: AclEntry) -> None:
    seq = f"{entry.seq} " if entry.seq is not None else ""
    if entry.action is None:
        w.item(f" {seq}remark {entry.remark or ''}".rstrip(), entry, "seq", "remark")
        return
    ipv6 = acl.kind == "ipv6"
    if acl.kind == "standard":
        text = f" {seq}{entry.action} {_address(entry.source, False)}"
    else:
        protocol = entry.protocol or "ip"
        word = _PROTOCOL_WORDS.get(protocol, protocol)
        if ipv6 and word == "ip":
            word = "ipv6"
        text = (
            f" {seq}{entry.action} {word} {_address(entry.source, ipv6)}"
            f"{_ports(entry.source_port)} {_address(entry.destination, ipv6)}"
            f"{_ports(entry.destination_port)}"
        )
    if entry.icmp_type is not None:
        text += " " + entry.icmp_type.replace("/", " ")
    for flag, word in (("established", "established"), ("fragments", "fragments")):
        if getattr(entry, flag):
            text += f" {word}"
    for field in ("dscp", "precedence"):
        value = getattr(entry, field)
        if value is not None:
            text += f" {field} {value}"
    if entry.time_range is not None:
        text += f" time-range {entry.time_range}"
    if entry.log:
        text += " log"
    if entry.remark is not None:
        w.unsupported(entry, "remark", reason="a remark on a permit/deny entry")
    w.item(
        text,
        entry,
        "seq",
        "action",
        "protocol",
        "source",
        "source_port",
        "destination",
        "destination_port",
        "icmp_type",
        "established",
        "fragments",
        "dscp",
        "precedence",
        "time_range",
        "log",
    )


def render_prefix_lists(w: Writer, config: DeviceConfig) -> None:
    for plist in config.prefix_lists.values():
        head = f"{'ipv6' if plist.afi == 'ipv6' else 'ip'} prefix-list {plist.name}"
        w.done(plist, "name", "afi", "entries")
        if plist.description is not None:
            w.line(f"{head} description {plist.description}", plist, "description")
        for entry in plist.entries:
            seq = f" seq {entry.seq}" if entry.seq is not None else ""
            text = f"{head}{seq} {entry.action} {entry.prefix.with_prefixlen}"
            text += f" ge {entry.ge}" if entry.ge is not None else ""
            text += f" le {entry.le}" if entry.le is not None else ""
            w.item(text, entry, "seq", "action", "prefix", "ge", "le")
        if not plist.entries and plist.description is None:
            w.unsupported(plist, reason="an empty prefix list")


def render_community_lists(w: Writer, config: DeviceConfig) -> None:
    for clist in config.community_lists.values():
        w.done(clist, "name", "kind", "entries")
        kind = "" if clist.name.isdigit() else f"{clist.kind} "
        if clist.holds_route_targets:
            for entry in clist.entries:
                targets = " ".join(f"rt {c[len('target:') :]}" for c in entry.communities)
                w.item(
                    f"ip extcommunity-list {kind}{clist.name} {entry.action} {targets}",
                    entry,
                    "action",
                    "communities",
                )
            continue
        for entry in clist.entries:
            value = entry.regex if clist.kind == "expanded" else " ".join(entry.communities)
            w.item(
                f"ip community-list {kind}{clist.name} {entry.action} {value}",
                entry,
                "action",
                "communities",
                "regex",
            )
    for alist in config.as_path_lists.values():
        w.done(alist, "name", "entries")
        for item in alist.entries:
            w.item(
                f"ip as-path access-list {alist.name} {item.action} {item.regex}",
                item,
                "action",
                "regex",
            )


def render_route_maps(w: Writer, config: DeviceConfig) -> None:
    targets = {n for n, c in config.community_lists.items() if c.holds_route_targets}
    for rmap in config.route_maps.values():
        w.done(rmap, "name", "entries")
        for entry in rmap.entries:
            with w.view(
                f"route-map {rmap.name} {entry.action} {entry.seq}", entry, "action", "seq"
            ):
                _route_map_entry(w, entry, targets)
        w.plain("!")


def _route_map_entry(w: Writer, entry: RouteMapEntry, targets: set[str]) -> None:
    if entry.description is not None:
        w.line(f" description {entry.description}", entry, "description")
    if entry.name is not None:
        w.ignore(
            entry,
            "name",
            rule="IOS route-map entries are numbered; the entry's name is only a label",
        )
    for match in entry.matches:
        words = _MATCH_WORDS.get(match.kind)
        if match.kind == "community" and set(match.values) <= targets:
            words = "extcommunity"
        if words is None or match.prefixes:
            w.unsupported(match, reason=f"route-map match {match.kind!r} has no IOS form")
            continue
        w.item(f" match {words} " + " ".join(match.values), match, "kind", "values")
    for item in entry.sets:
        if item.kind == "community-delete":
            w.item(f" set comm-list {' '.join(item.values)} delete", item, "kind", "values")
            if item.additive:
                w.unsupported(item, "additive", reason="community deletion is not additive")
            continue
        words = _SET_WORDS.get(item.kind)
        if words is None:
            w.unsupported(item, reason=f"route-map set {item.kind!r} has no IOS form")
            continue
        text = f" set {words} " + " ".join(item.values)
        if item.additive:
            if item.kind in ("community", "extcommunity-rt"):
                text += " additive"
            else:
                w.unsupported(item, "additive", reason=f"`set {words}` is not additive")
        w.item(text, item, "kind", "values", "additive")
    w.done(entry, "matches", "sets")
    if entry.continue_to is not None:
        target = f" {entry.continue_to}" if entry.continue_to else ""
        w.line(f" continue{target}", entry, "continue_to")

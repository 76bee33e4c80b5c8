"""VRP routing policy: ip-prefix lists, community and AS-path filters, route-policies."""

from __future__ import annotations

from orchestrator.model import CommunityList, DeviceConfig, RouteMapEntry
from orchestrator.syntax.huawei_render_base import Writer

_COMMUNITY_WORDS = {"local-AS": "no-export-subconfed", "local-as": "no-export-subconfed"}
_COMMUNITY_OK = {"internet", "no-export", "no-advertise", "no-export-subconfed"}


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


def route_target_lists(config: DeviceConfig) -> set[str]:
    """Community lists that hold only route targets: VRP keeps those in extcommunity filters."""
    return {name for name, clist in config.community_lists.items() if clist.holds_route_targets}


def _render_route_targets(clist: CommunityList, w: Writer) -> None:
    numbered = clist.name.isdigit()
    if numbered and not 1 <= int(clist.name) <= 199:
        w.unsupported(clist, reason="VRP numbers extended community filters 1-199")
        return
    head = (
        f"ip extcommunity-filter {clist.name}"
        if numbered
        else f"ip extcommunity-filter basic {clist.name}"
    )
    for entry in clist.entries:
        targets = " ".join(f"rt {c[len('target:') :]}" for c in entry.communities)
        w.line(f"{head} {entry.action} {targets}", entry, "", "action", "communities")
    w.mark(clist, "", "name", "kind")


def render_community_lists(config: DeviceConfig, w: Writer) -> None:
    targets = route_target_lists(config)
    for clist in config.community_lists.values():
        if clist.name in targets:
            _render_route_targets(clist, w)
            continue
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
    targets = route_target_lists(config)
    for rmap in config.route_maps.values():
        for entry in rmap.entries:
            with w.view(
                f"route-policy {rmap.name} {entry.action} node {entry.seq}",
                entry,
                "",
                "seq",
                "action",
            ):
                _route_policy_node(entry, w, targets)
            w.sep()
        w.mark(rmap, "", "name")


def _route_policy_node(entry: RouteMapEntry, w: Writer, targets: set[str]) -> None:
    if entry.description is not None:
        w.line(f"description {entry.description}", entry, "description")
    for match in entry.matches:
        if match.kind == "community" and set(match.values) & targets:
            if len(match.values) != 1 or match.prefixes:
                w.unsupported(match, reason="VRP matches one extended community filter per clause")
                continue
            w.line(f"if-match extcommunity-filter {match.values[0]}", match, "", "kind", "values")
        elif match.kind in _MATCHES:
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

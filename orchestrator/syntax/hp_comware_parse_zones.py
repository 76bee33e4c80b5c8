"""Comware 7 zone-based firewall → the model (see `hp_comware_zones` for the mapping).

Object groups, object policies and zone pairs may come in any order, so they are collected and
put together once the whole file is read: a zone pair's policy becomes the zone policies of
that pair, or (towards `Local`, when it only passes `inbound-<service>` groups and then drops)
the zone's host-inbound services and protocols.
"""

from __future__ import annotations

import re
from ipaddress import ip_network
from typing import Any

from orchestrator.model import (
    SELF_ZONE,
    ApplicationTerm,
    Screen,
    SecurityAddress,
    SecurityAddressSet,
    SecurityApplication,
    SecurityApplicationSet,
    SecurityZone,
    ZonePolicy,
)
from orchestrator.syntax.hp_comware_common import ifname
from orchestrator.syntax.hp_comware_render_objects import SIGNATURES
from orchestrator.syntax.hp_comware_zones import INBOUND, LOCAL
from orchestrator.syntax.rules import Ctx, Rule, mask_or_length, rule
from orchestrator.syntax.text import Line

#: host-inbound names that are routing/control protocols (the rest are services)
PROTOCOLS = {"bgp", "ospf", "ospf3", "rip", "bfd", "vrrp", "pim", "igmp", "ldp"}
_SIGNATURE_CHECKS = {
    sig: check for check, sigs in SIGNATURES.items() if len(sigs) == 1 for sig in sigs
}
_RULE = re.compile(
    r"rule (\d+) (pass|drop)(?: source-ip (\S+))?(?: destination-ip (\S+))?(?: service (\S+))?"
    r"( logging)?( counting)?"
)


def _later(ctx: Ctx) -> dict[str, Any]:
    found: dict[str, Any] = ctx.state.setdefault("zones", {"policies": {}, "pairs": []})
    return found


def _zone_of(name: str) -> str:
    return SELF_ZONE if name == LOCAL else name


def p_screen(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    screen = Screen(name=m.group(1))
    screen.at(line.n)
    ctx.config.security.screens[screen.name] = screen
    previous: str | None = None
    for child in line.children:
        words = child.words
        signature = re.fullmatch(r"signature detect (.+) action drop logging", child.text)
        flood = re.fullmatch(
            r"(syn|icmp|udp)-flood (threshold (\d+)|detect non-specific|action drop logging)",
            child.text,
        )
        if signature is not None:
            name = signature.group(1)
            if (
                name == "ip-option strict-source-routing"
                and previous == "ip-option loose-source-routing"
            ):
                screen.checks[-1] = "ip-source-route"
            elif name in _SIGNATURE_CHECKS:
                screen.checks.append(_SIGNATURE_CHECKS[name])
            else:
                ctx.report.unsupported(child, f"signature {name} is not in the model")
                continue
            previous = name
            screen.at(child.n, "checks")
        elif words[:2] == ["signature", "large-icmp"] and words[2:] == ["max-length", "1024"]:
            screen.at(child.n, "checks")
        elif flood is not None:
            if flood.group(3):
                screen.floods[flood.group(1)] = int(flood.group(3))
            screen.at(child.n, "floods")
        else:
            ctx.report.unsupported(child, "attack-defense setting not translated")
            continue
        ctx.report.parsed(child)


def p_address_group(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(2)
    terms = [re.sub(r"^\d+ ", "", c.text) for c in line.children]
    security = ctx.config.security
    if terms and all(t.startswith("network group-object ") for t in terms):
        aset = SecurityAddressSet(name=name)
        aset.at(line.n)
        for child, term in zip(line.children, terms, strict=True):
            aset.addresses.append(term.split()[-1])
            aset.at(child.n, "addresses")
            ctx.report.parsed(child)
        ctx.state.setdefault("address_sets", []).append(aset)
        security.address_sets[name] = aset
        return
    address = SecurityAddress(name=name)
    address.at(line.n)
    if len(terms) != 1:
        ctx.report.unsupported_tree(line, "an address object holds one host, subnet or range")
        return
    words = terms[0].split()
    child = line.children[0]
    if words[:3] == ["network", "host", "address"]:
        address.prefix = ip_network(words[3])
        address.at(child.n, "prefix")
    elif words[:2] == ["network", "subnet"]:
        address.prefix = ip_network(f"{words[2]}/{mask_or_length(words[3])}", strict=False)
        address.at(child.n, "prefix")
    elif words[:2] == ["network", "range"]:
        address.range = (words[2], words[3])
        address.at(child.n, "range")
    elif words[:3] == ["network", "host", "name"]:
        address.dns_name = words[3]
        address.at(child.n, "dns_name")
    else:
        ctx.report.unsupported(child, "address term not translated")
        return
    ctx.report.parsed(child)
    security.addresses[name] = address


def p_service_group(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    terms = [re.sub(r"^\d+ ", "", c.text) for c in line.children]
    security = ctx.config.security
    if name.startswith("inbound-") and name[len("inbound-") :] in INBOUND:
        for child in line.children:
            ctx.report.parsed(child)  # written from the zones' host-inbound lists
        return
    if terms and all(t.startswith("service group-object ") for t in terms):
        appset = SecurityApplicationSet(name=name)
        appset.at(line.n)
        for child, term in zip(line.children, terms, strict=True):
            appset.applications.append(term.split()[-1])
            appset.at(child.n, "applications")
            ctx.report.parsed(child)
        security.application_sets[name] = appset
        return
    app = SecurityApplication(name=name)
    app.at(line.n)
    for child, term in zip(line.children, terms, strict=True):
        parsed = _service_term(term)
        if parsed is None:
            ctx.report.unsupported(child, "service term not translated")
            continue
        parsed.at(child.n)
        app.terms.append(parsed)
        app.at(child.n, "terms")
        ctx.report.parsed(child)
    security.applications[name] = app


def _service_term(term: str) -> ApplicationTerm | None:
    """`service tcp source eq 1024 destination range 80 81`, `service icmp 8 0`, `service 89`."""
    words = term.split()[1:]  # after `service`
    if not words:
        return None
    item = ApplicationTerm(protocol=words[0])
    rest = words[1:]
    if words[0] in ("icmp", "icmp6"):
        if len(rest) > 2:
            return None
        if rest:
            item.icmp_type = int(rest[0])
        if len(rest) == 2:
            item.icmp_code = int(rest[1])
        return item
    i = 0
    while i < len(rest):
        word, how = rest[i], rest[i + 1 : i + 2]
        if word not in ("source", "destination"):
            return None
        if how == ["eq"] and i + 2 < len(rest):
            ports = (int(rest[i + 2]), int(rest[i + 2]))
            i += 3
        elif how == ["range"] and i + 3 < len(rest):
            ports = (int(rest[i + 2]), int(rest[i + 3]))
            i += 4
        else:
            return None
        setattr(item, f"{word}_ports", ports)
    return item


def p_object_policy(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    rules: list[tuple[re.Match[str], Line]] = []
    for child in line.children:
        found = _RULE.fullmatch(child.text)
        if found is None:
            ctx.report.unsupported(child, "object-policy rule not translated")
            continue
        ctx.report.parsed(child)
        rules.append((found, child))
    _later(ctx)["policies"][m.group(1)] = (rules, line)


def p_zone(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    zone = ctx.config.security.zones.get(m.group(1)) or SecurityZone(name=m.group(1))
    ctx.config.security.zones[zone.name] = zone
    zone.at(line.n)
    for child in line.children:
        words = child.words
        if words[:2] == ["import", "interface"] and len(words) == 3:
            zone.interfaces.append(ifname(words[2]))
            zone.at(child.n, "interfaces")
        elif words[:3] == ["attack-defense", "apply", "policy"] and len(words) == 4:
            zone.screen = words[3]
            zone.at(child.n, "screen")
        else:
            ctx.report.unsupported(child, "security zone setting not translated")
            continue
        ctx.report.parsed(child)


def p_zone_pair(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        applied = re.fullmatch(r"object-policy apply ip (\S+)", child.text)
        if applied is None:
            ctx.report.unsupported(child, "zone-pair setting not translated")
            continue
        ctx.report.parsed(child)
        _later(ctx)["pairs"].append((m.group(1), m.group(2), applied.group(1)))


def finish_zones(ctx: Ctx) -> None:
    later = _later(ctx)
    security = ctx.config.security
    for source, destination, name in later["pairs"]:
        if name not in later["policies"]:
            continue
        rules, line = later["policies"][name]
        zone = security.zones.get(source)
        if destination == LOCAL and zone is not None and _inbound(zone, rules):
            continue
        for found, child in rules:
            number, action, src, dst, service, logging, counting = found.groups()
            policy = ZonePolicy(
                from_zone=_zone_of(source),
                to_zone=_zone_of(destination),
                name=number,
                action="permit" if action == "pass" else "deny",
                source_addresses=[src] if src else [],
                destination_addresses=[dst] if dst else [],
                applications=[service] if service else [],
                log_init=bool(logging),
                log_close=bool(logging),
                count=bool(counting),
            )
            policy.at(child.n)
            policy.at(line.n)
            security.zone_policies.append(policy)
            security.at(child.n, "zone_policies")
    for aset in ctx.state.get("address_sets", []):
        # members that are sets themselves: written alike, told apart by name
        nested = [a for a in aset.addresses if a in security.address_sets]
        aset.addresses = [a for a in aset.addresses if a not in nested]
        aset.address_sets = nested


def _inbound(zone: SecurityZone, rules: list[tuple[re.Match[str], Line]]) -> bool:
    """A policy to the box that passes `inbound-*` services and then drops: host-inbound."""
    last = rules[-1][0] if rules else None
    if last is None or last.group(2) != "drop" or any(last.groups()[2:5]) or len(rules) < 2:
        return False
    names = []
    for found, _ in rules[:-1]:
        service = found.group(5) or ""
        if found.group(2) != "pass" or found.group(3) or found.group(4):
            return False
        if not service.startswith("inbound-") or found.group(6) or found.group(7):
            return False
        names.append(service[len("inbound-") :])
    for (_, child), name in zip(rules, names, strict=False):
        field = "host_inbound_protocols" if name in PROTOCOLS else "host_inbound_services"
        getattr(zone, field).append(name)
        zone.at(child.n, field)
    zone.at(rules[-1][1].n, "host_inbound_services")
    return True


ZONE_TOP: list[Rule] = [
    rule(r"attack-defense policy (\S+)", p_screen),
    rule(r"object-group (ip|ipv6) address (\S+)", p_address_group),
    rule(r"object-group service (\S+)", p_service_group),
    rule(r"object-policy ip (\S+)", p_object_policy),
    rule(r"security-zone name (\S+)", p_zone),
    rule(r"zone-pair security source (\S+) destination (\S+)", p_zone_pair),
]

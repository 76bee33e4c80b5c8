"""Comware 7 services: NAT address groups and interface NAT, the DHCP server, QoS classifiers,
behaviours and policies.

Comware applies NAT on the outside interface (`nat outbound ACL address-group G`) where IOS
marks inside and outside interfaces and states the rule once; the rules are read from every
outside interface and kept once each.
"""

from __future__ import annotations

import re
from ipaddress import IPv4Network, IPv6Network
from typing import Any

from orchestrator.model import (
    ClassMap,
    Dhcp6Pool,
    DhcpPool,
    IpSla,
    NatPool,
    NatRule,
    Police,
    PolicyClass,
    PolicyMap,
)
from orchestrator.syntax.hp_comware_common import ifname
from orchestrator.syntax.rules import Ctx, Rule, dispatch, mask_or_length, rule
from orchestrator.syntax.text import Line

# --- NAT ------------------------------------------------------------------------------------


def p_address_group(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(2) or m.group(1)
    ctx.state.setdefault("nat_groups", {})[m.group(1)] = name
    for child in line.children:
        words = child.words
        if words[:1] == ["address"] and len(words) == 3:
            pool = NatPool(name=name, start=words[1], end=words[2])
            pool.at(line.n)
            pool.at(child.n, "start", "end")
            ctx.config.services.nat_pools[name] = pool
            ctx.config.services.at(line.n, "nat_pools")
            ctx.report.parsed(child)


def p_nat_static(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    entry = NatRule(kind="static", inside_address=m.group(1), outside_address=m.group(2))
    entry.at(line.n)
    ctx.config.services.nat_rules.append(entry)
    ctx.config.services.at(line.n, "nat_rules")


_OUTBOUND = re.compile(
    r"nat outbound(?: (?:name )?(?P<acl>[^\s]+?))?(?: address-group (?:name )?(?P<group>\S+))?"
    r"(?P<nopat> no-pat(?: reversible)?)?"
)
_SERVER = re.compile(
    r"nat server protocol (?P<proto>tcp|udp) global (?P<ga>\S+) (?P<gp>\d+) "
    r"inside (?P<la>\S+) (?P<lp>\d+)"
)


def finish_nat(ctx: Ctx) -> None:
    """Turn the NAT statements of outside interfaces into rules, each kept once."""
    groups: dict[str, str] = ctx.state.get("nat_groups", {})
    rules = ctx.config.services.nat_rules
    for ifc, line, text in ctx.state.get("nat_lines", []):
        if text == "nat static enable":
            continue
        entry: NatRule | None = None
        outbound = _OUTBOUND.fullmatch(text)
        server = _SERVER.fullmatch(text)
        if outbound is not None and (outbound.group("acl") or outbound.group("group")):
            group = outbound.group("group")
            entry = NatRule(kind="dynamic", acl=outbound.group("acl"))
            if group is not None:
                entry.pool = groups.get(group, group)
                entry.overload = outbound.group("nopat") is None
            else:
                entry.interface = ifc.name
                entry.overload = True
        elif server is not None:
            current = server.group("ga") == "current-interface"
            entry = NatRule(
                kind="static",
                protocol=server.group("proto"),  # type: ignore[arg-type]
                inside_address=server.group("la"),
                inside_port=int(server.group("lp")),
                outside_address=None if current else server.group("ga"),
                interface=ifc.name if current else None,
                outside_port=int(server.group("gp")),
            )
        if entry is None:
            ctx.report.unsupported(line, "NAT statement not translated")
            continue
        same = next((r for r in rules if r == entry), None)
        if same is None:
            rules.append(entry)
            same = entry
        same.at(line.n)
        ctx.config.services.at(line.n, "nat_rules")


# --- DHCP server ----------------------------------------------------------------------------


def p_forbidden(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.services.dhcp_excluded.append((m.group(1), m.group(2) or m.group(1)))
    ctx.config.services.at(line.n, "dhcp_excluded")


def p_pool(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pool = DhcpPool(name=m.group(1))
    pool.at(line.n)
    ctx.config.services.dhcp_pools[pool.name] = pool
    ctx.config.services.at(line.n, "dhcp_pools")
    for child in line.children:
        dispatch(ctx, child, POOL_RULES, pool)


def d_network(ctx: Ctx, line: Line, m: re.Match[str], pool: DhcpPool) -> None:
    pool.network = IPv4Network(f"{m.group(1)}/{mask_or_length(m.group(2))}", strict=False)
    pool.at(line.n, "network")


def d_list(name: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], pool: DhcpPool) -> None:
        getattr(pool, name).extend(m.group(1).split())
        pool.at(line.n, name)

    return handler


def d_domain(ctx: Ctx, line: Line, m: re.Match[str], pool: DhcpPool) -> None:
    pool.domain_name = m.group(1)
    pool.at(line.n, "domain_name")


def d_expired(ctx: Ctx, line: Line, m: re.Match[str], pool: DhcpPool) -> None:
    pool.lease = (int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0))
    pool.at(line.n, "lease")


POOL_RULES: list[Rule] = [
    rule(r"network (\S+) (?:mask )?(\S+)", d_network),
    rule(r"gateway-list (.+)", d_list("default_routers")),
    rule(r"dns-list (.+)", d_list("dns_servers")),
    rule(r"domain-name (\S+)", d_domain),
    rule(r"expired day (\d+)(?: hour (\d+)(?: minute (\d+))?)?", d_expired),
    rule(r"netbios-type .+", unsupported="NetBIOS node types are not in the model"),
]


# --- QoS ------------------------------------------------------------------------------------

#: `if-match` forms of a classifier → the model's match kinds
CLASSIFIER_MATCHES: dict[str, str] = {
    "acl name": "access-group",
    "acl": "access-group",
    "dscp": "dscp",
    "ip-precedence": "precedence",
    "service-dot1p": "cos",
    "customer-vlan-id": "vlan",
}


def p_classifier(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    cmap = ClassMap(name=m.group(1), match="any" if m.group(2) == "or" else "all")
    cmap.at(line.n)
    if m.group(2):
        cmap.at(line.n, "match")
    ctx.config.services.class_maps[cmap.name] = cmap
    ctx.config.services.at(line.n, "class_maps")
    for child in line.children:
        text = child.text
        if not text.startswith("if-match "):
            continue
        body = text[len("if-match ") :]
        negate = body.startswith("not ")
        if negate:
            body = body[4:]
        if body == "any":
            kind, value = "any", ""
        else:
            form = next((f for f in CLASSIFIER_MATCHES if body.startswith(f + " ")), None)
            if form is None:
                ctx.report.unsupported(child, "classifier match not translated")
                continue
            kind, value = CLASSIFIER_MATCHES[form], body[len(form) + 1 :]
        cmap.matches.append(("not-" + kind if negate else kind, value))
        cmap.at(child.n, "matches")
        ctx.report.parsed(child)


def _car(words: list[str]) -> Police | None:
    """`car cir K [cbs B] [ebs B] [pir K] [green A] [yellow A] [red A]` (kbit/s, bytes).

    With two colours red is what IOS calls exceed; with three, yellow is exceed and red
    violate."""
    police = Police()
    actions = {"pass": "transmit", "discard": "drop"}
    three = "yellow" in words
    while words:
        word = words.pop(0)
        if not words:
            return None
        value = words.pop(0)
        if word == "cir" and value == "percent" and words:
            police.cir_percent = int(words.pop(0))
        elif word == "cir":
            police.cir = int(value) * 1000
        elif word == "pir":
            police.pir = int(value) * 1000
        elif word == "cbs":
            police.bc = int(value)
        elif word == "ebs":
            police.be = int(value)
        elif word in ("green", "yellow", "red") and value in actions:
            name = {
                "green": "conform",
                "yellow": "exceed",
                "red": "violate" if three else "exceed",
            }[word]
            setattr(police, name, actions[value])
        else:
            return None
    return police


_BEHAVIOR_ACTIONS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"remark dscp (\S+)"), "set-dscp", "{0}"),
    (re.compile(r"remark ip-precedence (\S+)"), "set-precedence", "{0}"),
    (re.compile(r"remark dot1p (\S+)"), "set-cos", "{0}"),
    (re.compile(r"queue ef bandwidth (\d+)"), "priority", "{0}"),
    (re.compile(r"queue ef bandwidth pct (\d+)"), "priority", "percent {0}"),
    (re.compile(r"queue af bandwidth (\d+)"), "bandwidth", "{0}"),
    (re.compile(r"queue af bandwidth pct (\d+)"), "bandwidth", "percent {0}"),
    (re.compile(r"queue af bandwidth remaining-pct (\d+)"), "bandwidth", "remaining percent {0}"),
    (re.compile(r"queue wfq"), "fair-queue", ""),
    (re.compile(r"wred(?: (dscp|ip-precedence))?"), "random-detect", "{0}"),
]


def p_behavior(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """A behaviour's actions wait for the `qos policy` that pairs it with a classifier."""
    actions: list[tuple[str, str, int]] = []
    police: tuple[Police, int] | None = None
    for child in line.children:
        text = child.text
        if text.startswith("car "):
            found = _car(text.split()[1:])
            if found is None:
                ctx.report.unsupported(child, "policer form not translated")
                continue
            police = (found, child.n)
            ctx.report.parsed(child)
            continue
        for pattern, kind, template in _BEHAVIOR_ACTIONS:
            hit = pattern.fullmatch(text)
            if hit is not None:
                value = hit.group(1) if hit.groups() else None
                if kind == "random-detect":
                    value = {"dscp": "dscp-based", "ip-precedence": "precedence-based"}.get(
                        value or "", ""
                    )
                    actions.append((kind, value, child.n))
                else:
                    actions.append((kind, template.format(value or ""), child.n))
                ctx.report.parsed(child)
                break
        else:
            if text.startswith("gts cir "):
                words = text.split()
                actions.append(("shape-average", str(int(words[2]) * 1000), child.n))
                ctx.report.parsed(child)
    ctx.state.setdefault("behaviors", {})[m.group(1)] = (actions, police, line.n)


def p_qos_policy(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    policy = PolicyMap(name=m.group(1))
    policy.at(line.n)
    ctx.config.services.policy_maps[policy.name] = policy
    ctx.config.services.at(line.n, "policy_maps")
    behaviors = ctx.state.get("behaviors", {})
    for child in line.children:
        pair = re.fullmatch(r"classifier (\S+) behavior (\S+)(?: mode \S+)?", child.text)
        if pair is None:
            continue
        name = pair.group(1)
        entry = PolicyClass(class_name="class-default" if name == "default-class" else name)
        entry.at(child.n)
        found = behaviors.get(pair.group(2))
        if found is None:
            ctx.report.unsupported(child, "the behaviour is not defined before the policy")
            continue
        actions, police, opener = found
        for kind, value, n in actions:
            entry.actions.append((kind, value))
            entry.at(n, "actions")
        if police is not None:
            entry.police = police[0]
            entry.police.at(police[1])
            entry.at(police[1], "police")
        entry.at(opener)
        policy.classes.append(entry)
        policy.at(child.n, "classes")
        ctx.report.parsed(child)


# --- NQA (IP SLA) ---------------------------------------------------------------------------

_NQA_KINDS = {
    "icmp-echo": "icmp-echo",
    "udp-echo": "udp-echo",
    "tcp": "tcp-connect",
    "udp-jitter": "udp-jitter",
}


def p_nqa(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    probe = IpSla(id=int(m.group(1)))
    probe.at(line.n, "", "id")
    ctx.config.services.ip_slas[probe.id] = probe
    ctx.config.services.at(line.n, "ip_slas")
    for child in line.children:
        kind = re.fullmatch(r"type (\S+)", child.text)
        if kind is None or kind.group(1) not in _NQA_KINDS:
            continue
        probe.kind = _NQA_KINDS[kind.group(1)]
        probe.at(child.n, "kind")
        ctx.report.parsed(child)
        for item in child.children:
            dispatch(ctx, item, NQA_RULES, probe)


def _probe(name: str, convert: Any = str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], probe: IpSla) -> None:
        setattr(probe, name, convert(m.group(1)))
        probe.at(line.n, name)

    return handler


NQA_RULES: list[Rule] = [
    rule(r"destination ip (\S+)", _probe("target")),
    rule(r"destination port (\d+)", _probe("target_port", int)),
    rule(r"frequency (\d+)", _probe("frequency_s", lambda v: int(v) // 1000)),
    rule(r"probe timeout (\d+)", _probe("timeout_ms", int)),
    rule(r"source ip (\S+)", _probe("source_address")),
    rule(r"source interface (\S+)", _probe("source_interface", ifname)),
    rule(r"tos (\d+)", _probe("tos", int)),
    rule(r"vpn-instance (\S+)", _probe("vrf")),
]


def p_nqa_schedule(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    probe = ctx.config.services.ip_slas.get(int(m.group(1)))
    if probe is None:
        ctx.report.unsupported(line, "schedule of an NQA test that is not defined")
        return
    probe.schedule_start, probe.schedule_life = "now", m.group(2)
    probe.at(line.n, "schedule_start", "schedule_life")


def p_pool6(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pool = Dhcp6Pool(name=m.group(1))
    pool.at(line.n)
    ctx.config.services.dhcp6_pools[pool.name] = pool
    ctx.config.services.at(line.n, "dhcp6_pools")
    for child in line.children:
        words = child.words
        if words[:1] == ["network"] and len(words) == 6:
            preferred, valid = int(words[3]), int(words[5])
            pool.address_prefixes.append(
                (
                    IPv6Network(words[1], strict=False),
                    None if valid == INFINITE else valid,
                    None if preferred == INFINITE else preferred,
                )
            )
            pool.at(child.n, "address_prefixes")
        elif words[:1] == ["dns-server"] and len(words) == 2:
            pool.dns_servers.append(words[1])
            pool.at(child.n, "dns_servers")
        elif words[:1] == ["domain-name"] and len(words) == 2:
            pool.domain_name = words[1]
            pool.at(child.n, "domain_name")
        else:
            continue
        ctx.report.parsed(child)


#: a DHCPv6 lifetime of all ones is infinite (RFC 8415)
INFINITE = 4294967295


def p_dialer_rule(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    services = ctx.config.services
    services.dialer_lists.setdefault(int(m.group(1)), []).append((m.group(2), m.group(3)))
    services.at(line.n, "dialer_lists")


SERVICES_TOP: list[Rule] = [
    rule(r"dialer-group (\d+) rule (ip|ipv6) (permit|deny)", p_dialer_rule),
    rule(r"ipv6 dhcp pool (\S+)", p_pool6),
    rule(r"nqa entry admin (\d+)", p_nqa),
    rule(r"nqa schedule admin (\d+) start-time now lifetime (forever|\d+)", p_nqa_schedule),
    rule(r"nat address-group (\d+)(?: name (\S+))?", p_address_group),
    rule(r"nat static outbound (\S+) (\S+)", p_nat_static),
    rule(r"dhcp server forbidden-ip (\S+)(?: (\S+))?", p_forbidden),
    rule(r"dhcp server ip-pool (\S+)", p_pool),
    rule(
        r"dhcp server always-broadcast",
        unsupported="forcing broadcast DHCP replies is not in the model",
    ),
    rule(r"traffic classifier (\S+)(?: operator (and|or))?", p_classifier),
    rule(r"traffic behavior (\S+)", p_behavior),
    rule(r"qos policy (\S+)", p_qos_policy),
    rule(r"qos map-table .+", unsupported="QoS priority maps are not in the model", tree=True),
    rule(r"qos vlan-policy .+", unsupported="VLAN-wide QoS policies are not in the model"),
]

"""VRP services: QoS traffic classifiers, behaviors and policies, NAT address groups, DHCP."""

from __future__ import annotations

import copy
import re
from ipaddress import IPv4Network
from typing import Any

from orchestrator.model import (
    ClassMap,
    DhcpPool,
    NatPool,
    Police,
    PolicyClass,
    PolicyMap,
)
from orchestrator.syntax.rules import Ctx, mask_or_length
from orchestrator.syntax.text import Line


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
    police: Police | None = None
    for child in line.children:
        found = _behavior_line(child.words)
        if child.words == ["statistic", "enable"]:
            ctx.report.ignored(child, "per-behavior counters are a monitoring setting")
            continue
        if isinstance(found, Police):
            police = found
            police.at(child.n)
        elif found is not None:
            actions.append(found)
        else:
            ctx.report.unsupported(child, "traffic behavior action not translated")
            continue
        ctx.report.parsed(child)
    ctx.state.setdefault("behaviors", {})[m.group(1)] = (actions, police, line)


_QUEUES = {"ef": "priority", "af": "bandwidth"}


def _behavior_line(words: list[str]) -> tuple[str, str] | Police | None:
    """One behavior line as a model action, a policer, or None."""
    text = " ".join(words)
    simple = {"permit": ("permit", ""), "deny": ("deny", ""), "queue wfq": ("fair-queue", "")}
    if text in simple:
        return simple[text]
    if words[0] == "remark" and len(words) == 3:
        marks = {"dscp": "set-dscp", "8021p": "set-cos", "ip-precedence": "set-precedence"}
        return (marks[words[1]], words[2]) if words[1] in marks else None
    if words[0] == "queue" and words[1:2] in (["ef"], ["af"]) and words[2:3] == ["bandwidth"]:
        kind, rest = _QUEUES[words[1]], words[3:]
        if len(rest) == 2 and rest[0] == "pct":
            return kind, f"percent {rest[1]}"
        if len(rest) == 2 and rest[0] == "remaining-pct" and kind == "bandwidth":
            return kind, f"remaining percent {rest[1]}"
        return (kind, rest[0]) if len(rest) == 1 and rest[0].isdigit() else None
    if words[0] == "gts" and words[1:2] == ["cir"]:
        if len(words) == 4 and words[2] == "pct":
            return "shape-average", f"percent {words[3]}"
        return ("shape-average", str(int(words[2]) * 1000)) if len(words) == 3 else None
    if words[:2] == ["queue-length", "packets"] and len(words) == 3:
        return "queue-limit", words[2]
    if words[0] == "traffic-policy" and len(words) == 2:
        return "service-policy", words[1]
    if words[:2] == ["car", "cir"]:
        return _car(words[2:])
    return None


def _car(words: list[str]) -> Police | None:
    police = Police(conform="transmit", exceed="drop")  # VRP: green pass, red discard
    if words[:1] == ["pct"] and len(words) == 2:
        police.cir_percent = int(words[1])
        return police
    if not words or not words[0].isdigit():
        return None
    police.cir = int(words[0]) * 1000
    pairs = dict(zip(words[1::2], words[2::2], strict=False))
    if len(words) % 2 == 0 or set(pairs) - {"cbs", "pbs"}:
        return None
    if "cbs" in pairs:
        police.bc = int(pairs["cbs"])
    if "pbs" in pairs:
        police.be = int(pairs["pbs"])
    return police


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
    """Copy each behavior's actions and policer into the policy classes that name it."""
    behaviors = ctx.state.get("behaviors", {})
    for entry, name in ctx.state.get("pending_behaviors", []):
        found = behaviors.get(name)
        if found is None:
            continue
        actions, police, line = found
        entry.actions = list(actions)
        if actions:
            entry.at(line.n, "actions")
        if police is not None:
            entry.police = copy.deepcopy(police)
            entry.at(line.n, "police")


def p_nat_aging(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """AR `firewall-nat session icmp aging-time 60`: IOS `ip nat translation icmp-timeout`
    (tcp, udp and dns aging is read as the firewall's session timers: the table is shared)."""
    services = ctx.config.services
    key = f"{m.group(1)}-timeout"
    services.nat_timeouts[key] = int(m.group(2))
    services.at_item(line.n, "nat_timeouts", key)


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


def p_nqa(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`nqa test-instance ADMIN ID`: a probe, numbered by its test name."""
    from orchestrator.model import IpSla
    from orchestrator.syntax.huawei_render_monitor import NQA_TYPES

    if not m.group(2).isdigit():
        ctx.report.unsupported_tree(line, "NQA tests with names are not translated")
        return
    probe = IpSla(id=int(m.group(2)))
    probe.at(line.n)
    services = ctx.config.services
    services.ip_slas[probe.id] = probe
    services.at(line.n, "ip_slas")
    kinds = {v: k for k, v in NQA_TYPES.items()}
    for child in line.children:
        words = child.words
        head = words[0]
        if head == "test-type" and len(words) == 2 and words[1] in kinds:
            probe.kind = kinds[words[1]]
            probe.at(child.n, "kind")
        elif head == "destination-address" and len(words) == 3:
            probe.target = words[2]
            probe.at(child.n, "target")
        elif head == "destination-port" and len(words) == 2:
            probe.target_port = int(words[1])
            probe.at(child.n, "target_port")
        elif head == "source-address" and len(words) == 3:
            probe.source_address = words[2]
            probe.at(child.n, "source_address")
        elif head == "source-interface" and len(words) >= 2:
            from orchestrator.syntax.huawei_common import ifname

            probe.source_interface = ifname(ctx, "".join(words[1:]))
            probe.at(child.n, "source_interface")
        elif head == "vpn-instance" and len(words) == 2:
            probe.vrf = words[1]
            probe.at(child.n, "vrf")
        elif head == "frequency" and len(words) == 2:
            probe.frequency_s = int(words[1])
            probe.at(child.n, "frequency_s")
        elif head == "timeout" and len(words) == 2:
            probe.timeout_ms = int(words[1]) * 1000
            probe.at(child.n, "timeout_ms")
        elif words[:2] == ["threshold", "rtd"] and len(words) == 3:
            probe.threshold_ms = int(words[2])
            probe.at(child.n, "threshold_ms")
        elif head == "tos" and len(words) == 2:
            probe.tos = int(words[1])
            probe.at(child.n, "tos")
        elif words == ["start", "now"]:
            probe.schedule_start, probe.schedule_life = "now", "forever"
            probe.at(child.n, "schedule_start", "schedule_life")
        else:
            ctx.report.unsupported(child, "NQA test setting not translated")
            continue
        ctx.report.parsed(child)

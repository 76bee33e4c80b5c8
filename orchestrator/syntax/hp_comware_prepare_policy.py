"""Shape filters and policies for Comware: ACL numbers and names, rule options Comware spells
differently, ASPF policy numbers, QoS actions it has, NAT timeouts as session aging times."""

from __future__ import annotations

import re

from orchestrator.model import Acl, AclEntry, DeviceConfig
from orchestrator.syntax import vrp_family as family
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_prepare_acl import ICMP6_FROM_IOS

#: IOS ICMP names Comware lacks → Comware name or "type[/code]" (the family's, and Comware
#: writes IOS's `timestamp-request` under its own name)
ICMP_FROM_IOS = {**family.ICMP_FROM_IOS, "timestamp-request": "timestamp-request"}


_NAME = re.compile(r"[A-Za-z][\w.-]{0,62}")


def acl_names(config: DeviceConfig, out: Emitter) -> None:
    """Numbered ACLs of other vendors get Comware numbers; names must start with a letter."""

    def name_ok(name: str) -> bool:
        return bool(_NAME.fullmatch(name)) and name.lower() != "all"

    renames = family.rename_acls(config, out, "Comware", name_ok)
    if renames:
        family.rename_acl_references(config, lambda name: renames.get(name, name))


def inspect_names(config: DeviceConfig, out: Emitter) -> None:
    """ASPF policies are numbered: a named inspection policy gets the next free number."""
    policies = config.security.inspect_policies
    taken = {int(n) for n in policies if n.isdigit()}
    renames: dict[str, str] = {}
    for name, policy in list(policies.items()):
        if name.isdigit():
            continue
        number = next(n for n in range(1, 257) if n not in taken)
        taken.add(number)
        renames[name] = policy.name = str(number)
        out.change(policy, "", note=f"inspection policy {name} is ASPF policy {number}")
    if renames:
        config.security.inspect_policies = {renames.get(k, k): v for k, v in policies.items()}
        for ifc in config.interfaces.values():
            for field in ("inspect_in", "inspect_out"):
                value = getattr(ifc, field)
                if value is not None:
                    setattr(ifc, field, renames.get(value, value))


def acl_entries(config: DeviceConfig, out: Emitter) -> None:
    for acl in config.acls.values():
        _acl_protocols(acl)
        if any(e.remark is not None for e in acl.entries):
            _merge_remarks(acl, out)
            _number_rules(acl)


def _acl_protocols(acl: Acl) -> None:
    for entry in acl.entries:
        proto = entry.protocol
        if proto is not None and proto not in family.ACL_PROTOCOLS and not proto.isdigit():
            entry.protocol = family.PROTOCOL_NUMBERS.get(proto, proto)
        icmp = entry.icmp_type
        if icmp is not None and acl.kind != "ipv6" and icmp not in family.ICMP_NAMES:
            entry.icmp_type = ICMP_FROM_IOS.get(icmp, icmp.replace(" ", "/"))
        elif icmp is not None and acl.kind == "ipv6":
            entry.icmp_type = ICMP6_FROM_IOS.get(icmp, icmp)


def _merge_remarks(acl: Acl, out: Emitter) -> None:
    """Comware keeps one comment per rule: consecutive remarks become one."""
    merged: list[AclEntry] = []
    for entry in acl.entries:
        last = merged[-1] if merged else None
        if entry.action is None and last is not None and last.action is None:
            last.remark = f"{last.remark} / {entry.remark}"
            for n in entry.src.every():
                last.at(n)
            out.change(last, "", note="consecutive remarks join into one rule comment")
            continue
        merged.append(entry)
    acl.entries = merged


def _number_rules(acl: Acl) -> None:
    """Comments attach to numbered rules: number the rules that have no number (step 10)."""
    last = 0
    for entry in acl.entries:
        if entry.action is None:
            continue
        if entry.seq is None:
            entry.seq = last + 10
        last = entry.seq


def qos(config: DeviceConfig, out: Emitter) -> None:
    """Leave out the QoS actions and class matches Comware has no form for, with a note."""
    from orchestrator.syntax.hp_comware_render_services import action_text, classifier_match

    for policy in config.services.policy_maps.values():
        for entry in policy.classes:
            kept = [(k, v) for k, v in entry.actions if action_text(k, v) is not None]
            for kind, value in entry.actions:
                if (kind, value) not in kept:
                    out.change(
                        entry,
                        "actions",
                        note=f"QoS action {kind} {value} has no Comware form: left out",
                    )
            entry.actions = kept
    for cmap in config.services.class_maps.values():
        kept = [(k, v) for k, v in cmap.matches if classifier_match(k, v) is not None]
        for kind, value in cmap.matches:
            if (kind, value) not in kept:
                out.change(
                    cmap,
                    "matches",
                    note=f"class match {kind} {value} has no Comware if-match: left out",
                )
        cmap.matches = kept


def extended_lists(config: DeviceConfig, out: Emitter) -> None:
    """Route-target community lists are extended community lists, which Comware numbers
    (1-199); the route policies that match them follow the new number."""
    from orchestrator.syntax.hp_comware_render_policy import is_extended

    taken = {int(n) for n in config.community_lists if n.isdigit()}
    renames: dict[str, str] = {}
    for name, clist in config.community_lists.items():
        if not is_extended(clist) or (name.isdigit() and 1 <= int(name) <= 199):
            continue
        number = next((n for n in range(1, 200) if n not in taken), None)
        if number is None:
            continue  # the renderer reports it
        taken.add(number)
        renames[name] = clist.name = str(number)
        out.change(clist, "", note=f"extended community list {name} is number {number}")
    if not renames:
        return
    config.community_lists = {renames.get(k, k): v for k, v in config.community_lists.items()}
    for route_map in config.route_maps.values():
        for entry in route_map.entries:
            for match in entry.matches:
                if match.kind == "community":
                    match.values = [renames.get(v, v) for v in match.values]
            for item in entry.sets:
                if item.kind == "community-delete":
                    item.values = [renames.get(v, v) for v in item.values]


#: IOS NAT translation timeouts → the session-aging setting of the model that Comware 7 writes
#: as `session aging-time state ...` (see `hp_comware_render_security`)
NAT_TIMEOUT_AGING = {
    "tcp-timeout": "tcp_idle_time",
    "udp-timeout": "udp_idle_time",
    "syn-timeout": "tcp_synwait_time",
    "finrst-timeout": "tcp_finwait_time",
}


def nat_timeouts(config: DeviceConfig, out: Emitter) -> None:
    """Comware 7 NAT entries live as long as their sessions: per-protocol translation timeouts
    become the session aging times of those states (shared with stateful inspection)."""
    services, aging = config.services, config.security.inspect
    timeouts = services.nat_timeouts
    if not timeouts:
        return
    lines = services.src.get("nat_timeouts")
    paired = len(lines) == len(timeouts)
    for i, (key, seconds) in enumerate(timeouts.items()):
        where = NAT_TIMEOUT_AGING.get(key)
        n = lines[i] if paired else None
        if n is None:
            out.unsupported(services, "nat_timeouts", reason="a NAT timeout is given twice")
            break
        current = getattr(aging, where) if where is not None else None
        if where is None:
            out.result.unsupported.setdefault(n, f"Comware 7 has no session state for {key}")
        elif current is not None and current != seconds:
            out.result.unsupported.setdefault(
                n, f"the session aging time of this state is already {current} s (inspection)"
            )
        else:
            setattr(aging, where, seconds)
            aging.at(n, where)
            out.result.changes.setdefault(n, []).append(
                "Comware 7 ages NAT entries with their sessions: this aging time applies to "
                "every session in that state, translated or not"
            )
    services.nat_timeouts = {}


def policies(config: DeviceConfig) -> None:
    """Spellings Comware has one word for: community names, DSCP/precedence matches."""
    for clist in config.community_lists.values():
        for entry in clist.entries:
            entry.communities = [
                "no-export-subconfed" if c.lower() == "local-as" else c for c in entry.communities
            ]
    for cmap in config.services.class_maps.values():
        cmap.matches = [
            (
                {
                    "ip-dscp": "dscp",
                    "ip-precedence": "precedence",
                    "not-ip-dscp": "not-dscp",
                    "not-ip-precedence": "not-precedence",
                }.get(kind, kind),
                value,
            )
            for kind, value in cmap.matches
        ]

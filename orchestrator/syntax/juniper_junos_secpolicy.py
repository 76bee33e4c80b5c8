"""SRX security policies → `ZonePolicy` rules.

``security policies from-zone A to-zone B policy P`` becomes one `ZonePolicy`, in file order
(Junos tries the policies of one zone pair in that order, first match wins). ``any`` matches
become empty lists; the zone ``junos-host`` (the box itself) is the model's `SELF_ZONE`.
Built-in Junos applications a policy names (``junos-http``, ``junos-icmp-all``, ...) are
written out as predefined `SecurityApplication` objects (`juniper_junos_apps`), so a target can
use its own built-in service or define it. A policy with any statement the model cannot hold,
or naming an object that is not translated, is left out whole, every line of it unsupported:
half a rule would let through what the source drops, or drop what it lets through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestrator.model import SELF_ZONE, ZonePolicy
from orchestrator.syntax.juniper_junos_apps import JUNOS_APPLICATIONS, builtin
from orchestrator.syntax.juniper_junos_index import claim_line, junos
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, unquote, values
from orchestrator.syntax.juniper_junos_zones import JUNOS_HOST
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line


def _zone(name: str) -> str:
    return SELF_ZONE if name == JUNOS_HOST else name


# --- policies --------------------------------------------------------------------------------


@dataclass
class PSpec:
    """One policy as written, before its names are resolved."""

    policy: ZonePolicy
    lines: list[int] = field(default_factory=list)
    headers: list[int] = field(default_factory=list)
    apps: list[tuple[str, int]] = field(default_factory=list)
    bad: str | None = None


def h_policy(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    key = (_zone(unquote(m.group(1))), _zone(unquote(m.group(2))), unquote(m.group(3)))
    specs: dict[tuple[str, str, str], PSpec] = junos(ctx).bucket("zone policies")
    spec = specs.get(key)
    if spec is None:
        spec = specs[key] = PSpec(ZonePolicy(from_zone=key[0], to_zone=key[1], name=key[2]))
    spec.lines.append(line.n)
    header = stmt.opener(8)
    if header is not None and header.n not in spec.headers:
        spec.headers.append(header.n)
    policy = spec.policy
    policy.at(line.n)
    words = tokens(m.group(4) or "")
    if not words:
        return
    what = " ".join(words)
    args = values(words[2:])
    if words[0] == "match" and len(words) > 2 and words[1] in _ADDRESS_FIELDS:
        _addresses(spec, line.n, words[1], args)
    elif words[0] == "match" and len(words) > 2 and words[1] == "application":
        spec.apps.extend((a, line.n) for a in args)
        policy.at(line.n, "applications")
    elif words[0] == "match" and what in _NEGATE:
        setattr(policy, _NEGATE[what], True)
        policy.at(line.n, _NEGATE[what])
    elif words[0] == "then" and what in ("then permit", "then deny", "then reject"):
        policy.action = words[1]  # type: ignore[assignment]
        policy.at(line.n, "action")
    elif what in ("then log session-init", "then log session-close"):
        name = "log_init" if words[2] == "session-init" else "log_close"
        setattr(policy, name, True)
        policy.at(line.n, name)
    elif what == "then count":
        policy.count = True
        policy.at(line.n, "count")
    elif words[0] == "description":
        policy.description = " ".join(values(words[1:]))
        policy.at(line.n, "description")
    else:
        spec.lines.remove(line.n)
        ctx.report.unsupported(line, f"policy statement `{what}` is not translated")
        spec.bad = spec.bad or f"`{what}` (line {line.n}) is not translated"


_ADDRESS_FIELDS = {
    "source-address": "source_addresses",
    "destination-address": "destination_addresses",
}
_NEGATE = {
    "match source-address-excluded": "source_negate",
    "match destination-address-excluded": "destination_negate",
}


def _addresses(spec: PSpec, n: int, key: str, names: list[str]) -> None:
    target: list[str] = getattr(spec.policy, _ADDRESS_FIELDS[key])
    for name in names:
        if name in ("any-ipv4", "any-ipv6"):
            spec.bad = spec.bad or f"{name} (one address family only) is not translated"
        elif name != "any" and name not in target:
            target.append(name)
    spec.policy.at(n, _ADDRESS_FIELDS[key])


def h_default_policy(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    security = ctx.config.security
    security.zone_default_action = "permit" if m.group(1) == "permit-all" else "deny"
    security.at(line.n, "zone_default_action")


def finish_zone_policies(ctx: Ctx) -> None:
    """Resolve the names each policy uses; settle the default action of zone traffic."""
    security = ctx.config.security
    for name, n in junos(ctx).bucket("bad applications").items():
        # an application missing one of its settings would match more than the source's
        dropped = security.applications.pop(name)
        for line in sorted(dropped.src.every()):
            ctx.report.unsupported(line, f"application {name}: line {n} is not translated")
    specs: dict[tuple[str, str, str], PSpec] = junos(ctx).bucket("zone policies")
    for spec in specs.values():
        policy = spec.policy
        if spec.bad is None:
            spec.bad = _resolve(ctx, spec)
        if spec.bad is None and not policy.src.get("action"):
            spec.bad = "the policy has no `then permit|deny|reject`"
        if spec.bad is not None:
            for n in spec.lines + spec.headers:
                ctx.report.unsupported(
                    n, f"policy {policy.name} ({policy.from_zone} → {policy.to_zone}): {spec.bad}"
                )
            continue
        for n in spec.headers:
            claim_line(ctx, n, policy)
        security.zone_policies.append(policy)
        security.at(spec.lines[0], "zone_policies")
    if security.zone_default_action is None and (security.zones or security.zone_policies):
        security.zone_default_action = "deny"  # Junos default-policy deny-all


def _resolve(ctx: Ctx, spec: PSpec) -> str | None:
    security = ctx.config.security
    for name in spec.policy.source_addresses + spec.policy.destination_addresses:
        missing = _missing_address(ctx, name, set())
        if missing is not None:
            return f"address {missing} is not translated or not defined in this file"
    for name, n in spec.apps:
        if name == "any":
            continue
        if name not in security.applications and name not in security.application_sets:
            if name not in JUNOS_APPLICATIONS:
                return f"application {name}: not translated, or a Junos built-in not known"
            security.applications[name] = builtin(name)
        missing = _missing_application(ctx, name, set())
        if missing is not None:
            return f"application {missing} is not translated or not defined in this file"
        node = security.applications.get(name) or security.application_sets.get(name)
        if node is not None:
            node.at(n)
        security.at(n, "applications")
        if name not in spec.policy.applications:
            spec.policy.applications.append(name)
    return None


def _missing_address(ctx: Ctx, name: str, seen: set[str]) -> str | None:
    """The first name under ``name`` (an address or a set, nested) that is not in the model."""
    security = ctx.config.security
    if name in security.addresses or name in seen:
        return None
    found = security.address_sets.get(name)
    if found is None:
        return name
    seen.add(name)
    for member in found.addresses + found.address_sets:
        missing = _missing_address(ctx, member, seen)
        if missing is not None:
            return missing
    return None


def _missing_application(ctx: Ctx, name: str, seen: set[str]) -> str | None:
    """The first application under ``name`` (nested sets too) that is not in the model."""
    security = ctx.config.security
    if name in security.applications or name in seen:
        return None
    found = security.application_sets.get(name)
    if found is None:
        return name
    seen.add(name)
    for member in found.applications + found.application_sets:
        missing = _missing_application(ctx, member, seen)
        if missing is not None:
            return missing
    return None


SECPOLICY_TOP: list[Rule] = [
    rule(r"security policies from-zone (\S+) to-zone (\S+) policy (\S+)(?: (.+))?", h_policy),
    rule(r"security policies default-policy (deny-all|permit-all)", h_default_policy),
    rule(
        r"security policies (?:global|policy-rematch)(?: .*)?",
        unsupported="global policies and policy re-match are not translated",
    ),
]

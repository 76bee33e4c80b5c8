"""SRX security policies and applications → `ZonePolicy` rules and service objects.

``security policies from-zone A to-zone B policy P`` becomes one `ZonePolicy`, in file order
(Junos tries the policies of one zone pair in that order, first match wins). ``any`` matches
become empty lists; the zone ``junos-host`` (the box itself) is the model's `SELF_ZONE`.
Built-in Junos applications a policy names (``junos-http``, ``junos-icmp-all``, ...) are
written out as predefined `SecurityApplication` objects, so a target can use its own built-in
service or define it. A policy with any statement the model cannot hold is left out whole,
every line of it unsupported: half a rule would let through what the source drops, or drop what
it lets through.

``applications application`` / ``application-set`` → `SecurityApplication` (one term per Junos
term, or one for a term-less application) and `SecurityApplicationSet`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestrator.model import (
    SELF_ZONE,
    ApplicationTerm,
    SecurityApplication,
    SecurityApplicationSet,
    ZonePolicy,
)
from orchestrator.syntax.juniper_junos_filter import JUNOS_PORTS
from orchestrator.syntax.juniper_junos_index import claim, claim_line, junos
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, unquote, values
from orchestrator.syntax.juniper_junos_zones import JUNOS_HOST
from orchestrator.syntax.rules import PORT_NAMES, Ctx, Rule, rule
from orchestrator.syntax.text import Line

#: Junos built-in applications: name → (protocol, destination port, ALG, ICMP type)
JUNOS_APPLICATIONS: dict[str, tuple[str, int | None, str | None, int | None]] = {
    "junos-ftp": ("tcp", 21, "ftp", None),
    "junos-tftp": ("udp", 69, "tftp", None),
    "junos-pptp": ("tcp", 1723, "pptp", None),
    "junos-ssh": ("tcp", 22, None, None),
    "junos-telnet": ("tcp", 23, None, None),
    "junos-smtp": ("tcp", 25, None, None),
    "junos-dns-udp": ("udp", 53, None, None),
    "junos-dns-tcp": ("tcp", 53, None, None),
    "junos-http": ("tcp", 80, None, None),
    "junos-https": ("tcp", 443, None, None),
    "junos-pop3": ("tcp", 110, None, None),
    "junos-nntp": ("tcp", 119, None, None),
    "junos-imap": ("tcp", 143, None, None),
    "junos-imaps": ("tcp", 993, None, None),
    "junos-ident": ("tcp", 113, None, None),
    "junos-ntp": ("udp", 123, None, None),
    "junos-syslog": ("udp", 514, None, None),
    "junos-bgp": ("tcp", 179, None, None),
    "junos-ldap": ("tcp", 389, None, None),
    "junos-ldp-tcp": ("tcp", 646, None, None),
    "junos-ldp-udp": ("udp", 646, None, None),
    "junos-radius": ("udp", 1812, None, None),
    "junos-radacct": ("udp", 1813, None, None),
    "junos-snmp-agentx": ("tcp", 705, None, None),
    "junos-ms-sql": ("tcp", 1433, None, None),
    "junos-ike": ("udp", 500, None, None),
    "junos-ike-nat": ("udp", 4500, None, None),
    "junos-dhcp-client": ("udp", 68, None, None),
    "junos-dhcp-server": ("udp", 67, None, None),
    "junos-xnm-ssl": ("tcp", 3220, None, None),
    "junos-xnm-clear-text": ("tcp", 3221, None, None),
    "junos-ping": ("icmp", None, None, 8),
    "junos-icmp-all": ("icmp", None, None, None),
    "junos-icmp6-all": ("icmp6", None, None, None),
    "junos-gre": ("gre", None, None, None),
    "junos-ospf": ("ospf", None, None, None),
}
#: IP protocol numbers the model spells by name
PROTOCOL_NAMES = {
    "1": "icmp",
    "6": "tcp",
    "17": "udp",
    "47": "gre",
    "50": "esp",
    "51": "ah",
    "58": "icmp6",
    "89": "ospf",
}
ICMP_TYPES = {
    "echo-reply": 0,
    "unreachable": 3,
    "source-quench": 4,
    "redirect": 5,
    "echo-request": 8,
    "router-advertisement": 9,
    "router-solicit": 10,
    "time-exceeded": 11,
    "parameter-problem": 12,
    "timestamp": 13,
    "timestamp-reply": 14,
}


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
        if name not in security.addresses and name not in security.address_sets:
            return f"address {name} is not defined in this file"
    for name, n in spec.apps:
        if name == "any":
            continue
        if name not in security.applications and name not in security.application_sets:
            if name not in JUNOS_APPLICATIONS:
                return f"application {name} is a Junos built-in cutover does not know"
            security.applications[name] = _builtin(name)
        node = security.applications.get(name) or security.application_sets.get(name)
        if node is not None:
            node.at(n)
        security.at(n, "applications")
        if name not in spec.policy.applications:
            spec.policy.applications.append(name)
    return None


def _builtin(name: str) -> SecurityApplication:
    protocol, port, alg, icmp = JUNOS_APPLICATIONS[name]
    term = ApplicationTerm(
        protocol=protocol,
        destination_ports=(port, port) if port is not None else None,
        icmp_type=icmp,
        alg=alg,
    )
    return SecurityApplication(name=name, terms=[term], predefined=True)


# --- applications ------------------------------------------------------------------------------


def h_application(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2) or ""
    apps = ctx.config.security.applications
    app = apps.get(name)
    if app is None:
        app = apps[name] = SecurityApplication(name=name)
    app.at(line.n)
    ctx.config.security.at(line.n, "applications")
    claim(ctx, stmt, 3, app)
    if not rest:
        return
    words = tokens(rest)
    if words[0] == "description":
        app.description = " ".join(values(words[1:]))
        app.at(line.n, "description")
        return
    term_name = ""
    depth = 3
    if words[0] == "term" and len(words) >= 2:
        term_name, words, depth = unquote(words[1]), words[2:], 5
    terms: dict[tuple[str, str], ApplicationTerm] = junos(ctx).bucket("application terms")
    term = terms.get((name, term_name))
    if term is None:
        term = terms[(name, term_name)] = ApplicationTerm()
        app.terms.append(term)
    term.at(line.n)
    app.at(line.n, "terms")
    if depth == 5:
        claim(ctx, stmt, 5, term)
    # a term may set several things on one line: `term t1 protocol udp destination-port 53`
    pairs = values(words)
    if len(pairs) % 2:
        ctx.report.unsupported(line, f"application setting `{' '.join(words)}` is not translated")
        return
    for key, arg in zip(pairs[::2], pairs[1::2], strict=True):
        reason = _term_setting(term, line.n, key, arg)
        if reason is not None:
            ctx.report.unsupported(line, reason)
            return


def _term_setting(term: ApplicationTerm, n: int, key: str, arg: str) -> str | None:
    """Set one application setting; the reason when it cannot be held."""
    if key == "protocol":
        term.protocol = PROTOCOL_NAMES.get(arg, arg)
        term.at(n, "protocol")
    elif key in ("destination-port", "source-port"):
        field_name = key.replace("-port", "_ports")
        setattr(term, field_name, _ports(arg))
        term.at(n, field_name)
    elif key in ("icmp-type", "icmp6-type"):
        term.icmp_type = int(arg) if arg.isdigit() else ICMP_TYPES[arg]
        term.at(n, "icmp_type")
    elif key in ("icmp-code", "icmp6-code") and arg.isdigit():
        term.icmp_code = int(arg)
        term.at(n, "icmp_code")
    elif key == "inactivity-timeout" and arg.isdigit():
        term.inactivity_timeout = int(arg)
        term.at(n, "inactivity_timeout")
    elif key in ("application-protocol", "alg") and arg != "ignore":
        term.alg = arg
        term.at(n, "alg")
    else:
        return f"application setting `{key} {arg}` is not translated"
    return None


def _ports(text: str) -> tuple[int, int]:
    """``80``, ``1024-65535``, ``http`` → (first, last)."""

    def number(word: str) -> int:
        return int(word) if word.isdigit() else JUNOS_PORTS.get(word) or PORT_NAMES[word]

    if text in JUNOS_PORTS or text in PORT_NAMES or text.isdigit():
        port = number(text)
        return (port, port)
    lo, hi = text.split("-", 1)
    return (number(lo), number(hi))


def h_application_set(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, kind, member = unquote(m.group(1)), m.group(2), unquote(m.group(3))
    sets = ctx.config.security.application_sets
    entry = sets.get(name)
    if entry is None:
        entry = sets[name] = SecurityApplicationSet(name=name)
    entry.at(line.n)
    ctx.config.security.at(line.n, "application_sets")
    claim(ctx, stmt, 3, entry)
    if kind == "description":
        entry.description = member
        entry.at(line.n, "description")
        return
    if kind == "application" and member.startswith("junos-") and member not in JUNOS_APPLICATIONS:
        ctx.report.unsupported(line, f"{member} is a Junos built-in cutover does not know")
        return
    field_name = "applications" if kind == "application" else "application_sets"
    target: list[str] = getattr(entry, field_name)
    target.append(member)
    entry.at(line.n, field_name)
    if kind == "application" and member in JUNOS_APPLICATIONS:
        apps = ctx.config.security.applications
        apps.setdefault(member, _builtin(member)).at(line.n)


SECPOLICY_TOP: list[Rule] = [
    rule(r"security policies from-zone (\S+) to-zone (\S+) policy (\S+)(?: (.+))?", h_policy),
    rule(r"security policies default-policy (deny-all|permit-all)", h_default_policy),
    rule(
        r"security policies (?:global|policy-rematch)(?: .*)?",
        unsupported="global policies and policy re-match are not translated",
    ),
    rule(r"applications application (\S+)(?: (.+))?", h_application),
    rule(
        r"applications application-set (\S+) (application|application-set|description) (.+)",
        h_application_set,
    ),
]

"""Cisco NX-OS SNMP: SNMPv3 users with localized keys, communities bound to a role
(`group network-operator` is read-only, `network-admin` read-write), `use-vrf` on hosts.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import SnmpCommunity, SnmpUser
from orchestrator.syntax.cisco_system import s_snmp_host
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line

# --- SNMP -------------------------------------------------------------------------------------


def s_snmp_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`snmp-server user NAME [GROUP] auth md5|sha KEY [priv [aes-128] KEY] [localizedkey]`.

    Keys NX-OS shows are localized to its engine ID (one-way): the target needs them again.
    """
    words = line.words[2:]
    user = SnmpUser(name=words.pop(0))
    if words and words[0] not in ("auth", "use-ipv4acl", "engineID"):
        user.group = words.pop(0)
    localized = "localizedkey" in words or "localizedV2key" in words
    kind = "snmp_localized" if localized else "plain"
    while words:
        word = words.pop(0)
        if word == "auth" and len(words) >= 2 and words[0] in ("md5", "sha"):
            user.auth = words.pop(0)  # type: ignore[assignment]
            user.auth_key = ctx.secret(line, kind, words.pop(0))  # type: ignore[arg-type]
        elif word == "priv" and words:
            user.priv = "des"
            if words[0] in ("aes-128", "des"):
                user.priv = "aes128" if words.pop(0) == "aes-128" else "des"
            user.priv_key = ctx.secret(line, kind, words.pop(0))  # type: ignore[arg-type]
        elif word in ("localizedkey", "localizedV2key"):
            continue
        elif word == "engineID" and words:
            words.pop(0)  # the keys are bound to it; re-keying on the target replaces both
        else:
            ctx.report.unsupported(line, f"snmp-server user option {word!r} is not translated")
            return
    if user.group is None:
        user.group = "network-operator"  # the role NX-OS gives a user named without one
    user.at(line.n)
    ctx.config.system.snmp.users[user.name] = user
    ctx.config.system.snmp.at(line.n, "users")


def _community(ctx: Ctx, name: str) -> SnmpCommunity | None:
    return next((c for c in ctx.config.system.snmp.communities if c.name.value == name), None)


def s_snmp_community(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`snmp-server community NAME group network-operator|network-admin` (or `ro`/`rw`)."""
    access = {"network-operator": "ro", "ro": "ro", "network-admin": "rw", "rw": "rw"}
    if m.group(2) not in access:
        ctx.report.unsupported(line, f"SNMP community group {m.group(2)!r} is not translated")
        return
    community = _community(ctx, m.group(1))
    if community is None:
        community = SnmpCommunity(name=ctx.secret(line, "plain", m.group(1)))
        ctx.config.system.snmp.communities.append(community)
    ctx.report.redact(line, m.group(1))
    community.access = access[m.group(2)]  # type: ignore[assignment]
    community.at(line.n)
    ctx.config.system.snmp.at(line.n, "communities")


def s_snmp_community_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.report.redact(line, m.group(1))
    community = _community(ctx, m.group(1))
    if community is None:
        ctx.report.unsupported(line, "an ACL for an SNMP community that is not configured")
        return
    community.acl = m.group(2)
    community.at(line.n, "acl")


def s_snmp_host_vrf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    hosts = [h for h in ctx.config.system.snmp.hosts if h.address == m.group(1)]
    if not hosts:
        ctx.report.unsupported(line, "use-vrf for an SNMP host that is not configured")
        return
    for host in hosts:
        host.vrf = None if m.group(2) == "default" else m.group(2)
        host.at(line.n, "vrf")


def s_snmp_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """Trap and inform source: the model has one source interface for notifications."""
    snmp = ctx.config.system.snmp
    name = ports.canonical_name(ctx.platform, m.group(1))
    if snmp.source_interface not in (None, name):
        ctx.report.unsupported(line, "different trap and inform source interfaces")
        return
    snmp.source_interface = name
    snmp.at(line.n, "source_interface")


SNMP_TOP: list[Rule] = [
    rule(r"snmp-server user \S+(?: .+)?", s_snmp_user),
    rule(r"snmp-server community (\S+) group (\S+)", s_snmp_community),
    rule(r"snmp-server community (\S+) (ro|rw)", s_snmp_community),
    rule(r"snmp-server community (\S+) use-(?:ipv4)?acl (\S+)", s_snmp_community_acl),
    rule(r"snmp-server host (\S+) use-vrf (\S+)", s_snmp_host_vrf),
    rule(
        r"snmp-server host \S+ source-interface \S+",
        unsupported="a per-host SNMP source interface is not translated",
    ),
    rule(r"snmp-server host (\S+ (?:traps|informs) .+)", s_snmp_host),
    rule(r"snmp-server source-interface (?:traps?|informs?) (\S+)", s_snmp_source),
    rule(r"snmp-server context \S+", unsupported="SNMP contexts are not translated"),
]

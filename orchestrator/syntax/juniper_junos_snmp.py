"""Junos `snmp` → communities (with their client restrictions), trap targets, views, location.

A trap group's name is the community its traps carry; `clients` of a community become a
standard ACL on the community, the way the targets restrict SNMP access.
"""

from __future__ import annotations

import re
from ipaddress import ip_network

from orchestrator.model import Acl, AclEntry, AddrMatch, SnmpCommunity, SnmpHost
from orchestrator.syntax.juniper_junos_index import claim, junos
from orchestrator.syntax.juniper_junos_text import Stmt, unquote, values
from orchestrator.syntax.rules import Ctx, Handler, Rule, prefixlen_to_wildcard, rule
from orchestrator.syntax.text import Line


def n_community(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    snmp = ctx.config.system.snmp
    name = unquote(m.group(1))
    found = [c for c in snmp.communities if c.name.value == name]
    if found:
        community = found[0]
        ctx.report.redact(line, name)
    else:
        community = SnmpCommunity(name=ctx.secret(line, "plain", name))
        snmp.communities.append(community)
    community.at(line.n)
    snmp.at(line.n, "communities")
    claim(ctx, stmt, 3, community)
    rest = (m.group(2) or "").split(None, 1)
    if not rest:
        return
    key, arg = rest[0], (rest[1] if len(rest) > 1 else "")
    if key == "authorization":
        community.access = "rw" if arg == "read-write" else "ro"
        community.at(line.n, "access")
    elif key == "view":
        community.view = unquote(arg)
        community.at(line.n, "view")
    elif key == "clients":
        _snmp_client(ctx, line, community, arg)
    else:
        ctx.report.unsupported(line, f"SNMP community option `{key}` is not translated")


def _snmp_client(ctx: Ctx, line: Line, community: SnmpCommunity, arg: str) -> None:
    """`clients` restricts the community to addresses: a standard ACL on the target."""
    words = values(arg)
    net = ip_network(words[0], strict=False)
    if net.version != 4:
        ctx.report.unsupported(line, "IPv6 SNMP clients are not translated")
        return
    snmp = ctx.config.system.snmp
    if community.acl is None:
        community.acl = f"SNMP-CLIENTS-{snmp.communities.index(community) + 1}"
    acl = ctx.config.acls.get(community.acl)
    if acl is None:
        acl = ctx.config.acls[community.acl] = Acl(name=community.acl, kind="standard")
    entry = AclEntry(
        seq=10 * (len(acl.entries) + 1),
        action="deny" if "restrict" in words else "permit",
        source=AddrMatch(str(net.network_address), prefixlen_to_wildcard(net.prefixlen)),
    )
    entry.at(line.n)
    acl.entries.append(entry)
    acl.at(line.n)
    community.at(line.n, "acl")


def n_trap_group(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    """A trap group's name is the community its traps carry."""
    snmp = ctx.config.system.snmp
    name, rest = unquote(m.group(1)), m.group(2).split(None, 1)
    key, arg = rest[0], (rest[1] if len(rest) > 1 else "")
    groups: dict[str, list[SnmpHost]] = junos(ctx).bucket("trap_groups")
    if key == "targets":
        for address in values(arg):
            host = SnmpHost(address=address, community=ctx.secret(line, "plain", name))
            host.at(line.n)
            snmp.hosts.append(host)
            groups.setdefault(name, []).append(host)
        snmp.traps_enabled = True
        snmp.at(line.n, "hosts", "traps_enabled")
    elif key == "version" and arg in ("v1", "v2", "all"):
        junos(ctx).bucket("trap_versions")[name] = ("1" if arg == "v1" else "2c", line.n)
    elif key == "categories":
        ctx.report.unsupported(
            line, "trap categories are not carried: the target sends its default set of traps"
        )
    else:
        ctx.report.unsupported(line, f"trap-group option `{key}` is not translated")


def finish_snmp(ctx: Ctx) -> None:
    state = junos(ctx)
    for name, (version, n) in state.bucket("trap_versions").items():
        for host in state.bucket("trap_groups").get(name, []):
            host.version = version
            host.at(n, "version")


def n_view(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    snmp = ctx.config.system.snmp
    oid = m.group(2).lstrip(".")
    view = unquote(m.group(1))
    snmp.views.setdefault(view, []).append((oid, m.group(3) != "exclude"))
    snmp.at_item(line.n, "views", (view, oid))


def n_field(field: str) -> Handler:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
        setattr(ctx.config.system.snmp, field, unquote(m.group(1)))
        ctx.config.system.snmp.at(line.n, field)

    return handler


SNMP_TOP: list[Rule] = [
    rule(r"snmp community (\S+)(?: (.+))?", n_community),
    rule(r"snmp trap-group (\S+) (.+)", n_trap_group),
    rule(r"snmp location (.+)", n_field("location")),
    rule(r"snmp contact (.+)", n_field("contact")),
    rule(r"snmp view (\S+) oid (\S+)(?: (include|exclude))?", n_view),
    rule(r"snmp (?:description|name) .+", unsupported="SNMP system name/description override"),
    rule(
        r"snmp (?:filter-interfaces|interface|engine-id|health-monitor)(?: .*)?",
        unsupported="this SNMP agent setting is not translated",
    ),
    rule(r"snmp v3 .+", unsupported="SNMPv3 users are not translated from Junos"),
]

"""Cisco IOS system statements: identity, DNS, time, logging, SNMP, AAA, lines, banners, and
the housekeeping lines that mean nothing on another vendor's box (each with its reason)."""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import Server, SnmpCommunity, SnmpHost
from orchestrator.syntax.cisco_aaa import (
    LINE_RULES,
    l_acl,
    l_exec_timeout,
    l_login,
    l_no_login,
    l_password,
    l_privilege,
    l_transport,
    s_aaa_group,
    s_aaa_method,
    s_aaa_new_model,
    s_aaa_server_block,
    s_aaa_server_key,
    s_aaa_server_legacy,
    s_enable_secret,
    s_line,
)
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line

_SECRET_KINDS = {
    "0": "plain",
    "4": "cisco5",
    "5": "cisco5",
    "7": "cisco7",
    "8": "cisco8",
    "9": "cisco9",
}


_BANNER = re.compile(r"banner (motd|login|exec|incoming|prompt-timeout|slip-ppp) (\S)(.*)$")


def banner_start(text: str) -> tuple[str, str, str] | None:
    """`banner <kind> <delim>[text]` → (kind, delimiter, text after it); IOS writes `^C`."""
    m = _BANNER.match(text)
    if m is None:
        return None
    first, rest = m.group(2), m.group(3)
    delim = "^C" if first == "^" and rest.startswith("C") else first
    return m.group(1), delim, rest[1:] if delim == "^C" else rest


def banner_body_numbers(lines: list[Line]) -> set[int]:
    """Numbers of the lines inside banners: they count even when they start with `!`."""
    inside: set[int] = set()
    i = 0
    while i < len(lines):
        start = banner_start(lines[i].text)
        i += 1
        if start is None or start[1] in start[2]:
            continue
        while i < len(lines):
            inside.add(lines[i].n)
            i += 1
            if start[1] in lines[i - 1].raw:
                break
    return inside


def collect_banners(ctx: Ctx, lines: list[Line]) -> list[Line]:
    """Take `banner <kind> <delim>...<delim>` blocks out of ``lines``; return the rest.

    A banner's text spans lines that are not statements, so it must not reach the tree builder.
    Blank lines of the text are not counted lines: the gaps in line numbers bring them back.
    """
    rest: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        start = banner_start(line.text)
        if start is None:
            rest.append(line)
            i += 1
            continue
        kind, delim, body_start = start
        body: list[str] = []
        block = [line]
        i += 1
        if delim in body_start:
            body.append(body_start.split(delim, 1)[0])
        else:
            if body_start:
                body.append(body_start)
            while i < len(lines):
                current = lines[i]
                body.extend([""] * (current.n - block[-1].n - 1))
                block.append(current)
                i += 1
                if delim in current.raw:
                    tail = current.raw.split(delim, 1)[0].rstrip()
                    if tail:
                        body.append(tail)
                    break
                body.append(current.raw.rstrip())
        ctx.config.system.banners[kind] = "\n".join(body)
        for member in block:
            ctx.report.parsed(member)
            ctx.config.system.at(member.n, "banners")
    return rest


def _sys(field: str, transform: Any = None) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        value = m.group(1)
        setattr(ctx.config.system, field, transform(value) if transform else value)
        ctx.config.system.at(line.n, field)

    return handler


def _sys_flag(field: str) -> Any:
    """`[no] <statement>`: group 1 captures the optional `no `."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        setattr(ctx.config.system, field, m.group(1) is None)
        ctx.config.system.at(line.n, field)

    return handler


def s_name_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(1).split()
    vrf = None
    if words[0] == "vrf":
        vrf, words = words[1], words[2:]
    for address in words:
        server = Server(address=address, vrf=vrf)
        server.at(line.n)
        ctx.config.system.dns_servers.append(server)
    ctx.config.system.at(line.n, "dns_servers")


def s_domain_list(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.domain_search.append(m.group(1))
    ctx.config.system.at_item(line.n, "domain_search", m.group(1))


def s_timezone(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    hours = int(m.group(2))
    minutes = int(m.group(3) or 0)
    ctx.config.system.timezone = (m.group(1), hours, minutes)
    ctx.config.system.at(line.n, "timezone")


def s_ntp_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(2).split()
    server = Server(address=words.pop(0), vrf=m.group(1))
    while words:
        word = words.pop(0)
        if word == "prefer":
            server.prefer = True
        elif word == "key" and words:
            server.key_id = int(words.pop(0))
        elif word == "source" and words:
            ntp = ctx.config.system.ntp
            ntp.source_interface = ports.canonical_name(ctx.platform, words.pop(0))
            ntp.at(line.n, "source_interface")
        elif word == "version" and words:
            words.pop(0)
        else:
            ctx.report.unsupported(line, f"ntp server option {word!r} not translated")
            return
    server.at(line.n)
    ctx.config.system.ntp.servers[server.address] = server
    ctx.config.system.ntp.at(line.n, "servers")


def s_ntp_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.source_interface = ports.canonical_name(ctx.platform, m.group(1))
    ntp.at(line.n, "source_interface")


def s_ntp_auth(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.ntp.authenticate = True
    ctx.config.system.ntp.at(line.n, "authenticate")


def s_ntp_key(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind = _SECRET_KINDS.get(m.group(3) or "0", "plain")
    ntp = ctx.config.system.ntp
    ntp.keys[int(m.group(1))] = ctx.secret(line, kind, m.group(2))  # type: ignore[arg-type]
    ntp.at_item(line.n, "keys", int(m.group(1)))


def s_ntp_trusted(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.trusted_keys.append(int(m.group(1)))
    ntp.at_item(line.n, "trusted_keys", int(m.group(1)))


def s_logging_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(1).split()
    vrf = None
    if words[0] == "vrf":
        vrf, words = words[1], words[2:]
    server = Server(address=words.pop(0), vrf=vrf)
    while words:
        word = words.pop(0)
        if word == "vrf" and words:
            server.vrf = words.pop(0)
        elif word == "transport" and len(words) >= 3 and words[1] == "port":
            words.pop(0)
            words.pop(0)
            server.port = int(words.pop(0))
        else:
            ctx.report.unsupported(line, f"logging host option {word!r} not translated")
            return
    server.at(line.n)
    ctx.config.system.logging.hosts[server.address] = server
    ctx.config.system.logging.at(line.n, "hosts")


def s_logging_field(field: str, group: int = 1) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        logging = ctx.config.system.logging
        value: Any = m.group(group)
        if field == "source_interface":
            value = ports.canonical_name(ctx.platform, value)
        setattr(logging, field, value)
        logging.at(line.n, field)

    return handler


def s_logging_off(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    logging = ctx.config.system.logging
    logging.console_level = "disable"
    logging.at(line.n, "console_level")


def s_logging_buffered(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    logging = ctx.config.system.logging
    if m.group(1):
        logging.buffered_size = int(m.group(1))
        logging.at(line.n, "buffered_size")
    if m.group(2):
        logging.buffered_level = m.group(2)
        logging.at(line.n, "buffered_level")


def s_snmp_community(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(2).split() if m.group(2) else []
    community = SnmpCommunity(name=ctx.secret(line, "plain", m.group(1)))
    while words:
        word = words.pop(0)
        if word.upper() in ("RO", "RW"):
            community.access = word.lower()  # type: ignore[assignment]
        elif word == "view" and words:
            community.view = words.pop(0)
        elif word == "ipv6" and words:
            words.pop(0)
            ctx.report.unsupported(line, "IPv6 ACL on an SNMP community not translated")
            return
        else:
            community.acl = word
    community.at(line.n)
    ctx.config.system.snmp.communities.append(community)
    ctx.config.system.snmp.at(line.n, "communities")


def s_snmp_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(1).split()
    address = words.pop(0)
    host = SnmpHost(address=address, community=ctx.secret(line, "plain", "?"))
    community: str | None = None
    while words:
        word = words.pop(0)
        if word == "vrf" and words:
            host.vrf = words.pop(0)
        elif word in ("traps", "informs", "trap", "inform"):
            host.kind = word.rstrip("s") + "s"  # type: ignore[assignment]
        elif word == "version" and words:
            host.version = words.pop(0)  # type: ignore[assignment]
            if host.version == "3" and words:
                ctx.report.unsupported(line, "SNMPv3 notification host not translated")
                return
        elif community is None:
            community = word
            break  # the rest names the notification types: all are sent on the targets
    if community is None:
        ctx.report.unsupported(line, "snmp-server host without a community")
        return
    host.community = ctx.secret(line, "plain", community)
    host.at(line.n)
    ctx.config.system.snmp.hosts.append(host)
    ctx.config.system.snmp.at(line.n, "hosts")


def s_snmp_field(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        snmp = ctx.config.system.snmp
        value = m.group(1).strip()
        if field == "source_interface":
            value = ports.canonical_name(ctx.platform, value)
        setattr(snmp, field, value)
        snmp.at(line.n, field)

    return handler


def s_snmp_traps(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    snmp = ctx.config.system.snmp
    snmp.traps_enabled = True
    snmp.at(line.n, "traps_enabled")


SYSTEM_TOP: list[Rule] = [
    rule(r"hostname (\S+)", _sys("hostname")),
    rule(r"ip domain[ -]name (\S+)", _sys("domain_name")),
    rule(r"ip domain[ -]list (\S+)", s_domain_list),
    rule(r"(no )?ip domain[ -]lookup", _sys_flag("domain_lookup")),
    rule(r"ip name-server (.+)", s_name_server),
    rule(r"clock timezone (\S+) (-?\d+)(?: (\d+))?", s_timezone),
    rule(r"ntp server (?:vrf (\S+) )?(.+)", s_ntp_server),
    rule(r"ntp source (\S+)", s_ntp_source),
    rule(r"ntp authenticate", s_ntp_auth),
    rule(r"ntp authentication-key (\d+) md5 (\S+)(?: (\d))?", s_ntp_key),
    rule(r"ntp trusted-key (\d+)", s_ntp_trusted),
    rule(r"logging (?:host )?(\d+\.\d+\.\d+\.\d+(?: .*)?)", s_logging_host),
    rule(r"logging host (.+)", s_logging_host),
    rule(r"logging source-interface (\S+)", s_logging_field("source_interface")),
    rule(r"logging trap (\S+)", s_logging_field("trap_level")),
    rule(r"logging console (\S+)", s_logging_field("console_level")),
    rule(r"no logging (console)", s_logging_off),
    rule(r"logging buffered(?: (\d+))?(?: (\S+))?", s_logging_buffered),
    rule(r"snmp-server community (\S+)(?: (.+))?", s_snmp_community),
    rule(r"snmp-server host (.+)", s_snmp_host),
    rule(r"snmp-server location (.+)", s_snmp_field("location")),
    rule(r"snmp-server contact (.+)", s_snmp_field("contact")),
    rule(
        r"snmp-server (?:trap-source|source-interface (?:traps|informs)) (\S+)",
        s_snmp_field("source_interface"),
    ),
    rule(r"snmp-server enable traps(?: .*)?", s_snmp_traps),
    rule(r"enable (secret|password) (?:(\d) )?(\S+)", s_enable_secret),
    rule(r"(no )?aaa new-model", s_aaa_new_model),
    rule(r"aaa (authentication|authorization|accounting) (\S+ \S+ .+)", s_aaa_method),
    rule(r"(tacacs-server|radius-server) key (?:(\d) )?(\S+)", s_aaa_server_key),
    rule(r"(tacacs-server|radius-server) host (.+)", s_aaa_server_legacy),
    rule(r"aaa group server (tacacs\+|radius) (\S+)", s_aaa_group),
    rule(r"(tacacs|radius) server (\S+)", s_aaa_server_block),
    rule(r"line (con|console|vty|aux) (\d+)(?: (\d+))?", s_line),
    rule(r"(no )?cdp run", _sys_flag("cdp")),
    rule(r"(no )?lldp run", _sys_flag("lldp")),
    rule(r"ip ssh version (\d)", _sys("ssh_version", int)),
    rule(r"ip ssh time-out (\d+)", _sys("ssh_timeout", int)),
    rule(r"(no )?ip http server", _sys_flag("http_server")),
    rule(r"(no )?ip http secure-server", _sys_flag("https_server")),
    rule(r"(no )?ip routing", _sys_flag("ip_routing")),
    rule(r"(no )?ipv6 unicast-routing", _sys_flag("ipv6_routing")),
    rule(
        r"spanning-tree mode (pvst|rapid-pvst|mst)",
        _sys("stp_mode", lambda v: "mstp" if v == "mst" else v),
    ),
]

__all__ = [
    "LINE_RULES",
    "SYSTEM_TOP",
    "banner_body_numbers",
    "banner_start",
    "collect_banners",
    "l_acl",
    "l_exec_timeout",
    "l_login",
    "l_no_login",
    "l_password",
    "l_privilege",
    "l_transport",
    "s_aaa_group",
    "s_aaa_method",
    "s_aaa_new_model",
    "s_aaa_server_block",
    "s_aaa_server_key",
    "s_aaa_server_legacy",
    "s_enable_secret",
    "s_line",
    "s_logging_host",
    "s_name_server",
    "s_ntp_server",
    "s_snmp_community",
    "s_snmp_host",
]

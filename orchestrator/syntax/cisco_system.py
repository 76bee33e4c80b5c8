"""Cisco IOS system statements: identity, DNS, time, logging, SNMP, AAA, lines, banners, and
the housekeeping lines that mean nothing on another vendor's box (each with its reason)."""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import AaaMethodList, AaaServer, MgmtLine, Server, SnmpCommunity, SnmpHost
from orchestrator.syntax.cisco_mgmt import MGMT_LINE_RULES
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule
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
    ctx.config.system.at(line.n, "domain_search")


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
    ntp.at(line.n, "keys")


def s_ntp_trusted(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.trusted_keys.append(int(m.group(1)))
    ntp.at(line.n, "trusted_keys")


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


def s_enable_secret(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    default = "cisco5" if m.group(1) == "secret" else "plain"
    kind = _SECRET_KINDS.get(m.group(2), default) if m.group(2) else default
    ctx.config.system.enable_secret = ctx.secret(line, kind, m.group(3))  # type: ignore[arg-type]
    ctx.config.system.at(line.n, "enable_secret")


def s_aaa_new_model(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.aaa.new_model = m.group(1) is None
    ctx.config.system.aaa.at(line.n, "new_model")


def s_aaa_method(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind, words = m.group(1), m.group(2).split()
    service, scope_of = words.pop(0), None
    if service == "commands" and words and words[0].isdigit():
        scope_of = f"commands {words.pop(0)}"  # commands of one privilege level
    elif kind == "accounting":
        scope_of = service
    if kind == "accounting":
        service = "accounting"
    if len(words) < 2:
        ctx.report.unsupported(line, "AAA method list without methods")
        return
    name, methods = words[0], words[1:]
    normalised: list[str] = []
    i = 0
    while i < len(methods):
        word = methods[i]
        if word == "group" and i + 1 < len(methods):
            normalised.append("group:" + methods[i + 1].rstrip("+"))
            i += 2
            continue
        if word in (
            "start-stop",
            "stop-only",
            "none",
            "local",
            "local-case",
            "enable",
            "if-authenticated",
            "line",
        ):
            normalised.append(word)
            i += 1
            continue
        ctx.report.unsupported(line, f"AAA method {word!r} not translated")
        return
    if service not in ("login", "enable", "exec", "commands", "network", "accounting"):
        ctx.report.unsupported(line, f"AAA service {service!r} not translated")
        return
    entry = AaaMethodList(
        service=service,  # type: ignore[arg-type]
        name=name,
        methods=normalised,
        scope=scope_of,
    )
    entry.at(line.n)
    ctx.config.system.aaa.method_lists.append(entry)
    ctx.config.system.aaa.at(line.n, "method_lists")


def s_aaa_server_legacy(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    protocol = "tacacs" if m.group(1) == "tacacs-server" else "radius"
    words = m.group(2).split()
    server = AaaServer(protocol=protocol, address=words.pop(0))  # type: ignore[arg-type]
    while words:
        word = words.pop(0)
        if word == "key" and words:
            kind = "plain"
            if words[0] in _SECRET_KINDS and len(words) > 1:
                kind = _SECRET_KINDS[words.pop(0)]
            server.key = ctx.secret(line, kind, words.pop(0))  # type: ignore[arg-type]
        elif word in ("port", "auth-port") and words:
            server.port = int(words.pop(0))
        elif word == "acct-port" and words:
            server.acct_port = int(words.pop(0))
        elif word == "timeout" and words:
            server.timeout = int(words.pop(0))
        else:
            ctx.report.unsupported(line, f"{m.group(1)} option {word!r} not translated")
            return
    server.at(line.n)
    ctx.config.system.aaa.servers.append(server)
    ctx.config.system.aaa.at(line.n, "servers")


def s_aaa_server_key(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`tacacs-server key X`: the key of every server of that protocol."""
    protocol = "tacacs" if m.group(1) == "tacacs-server" else "radius"
    kind = _SECRET_KINDS.get(m.group(2) or "0", "plain")
    secret = ctx.secret(line, kind, m.group(3))  # type: ignore[arg-type]
    ctx.state.setdefault("default_keys", {})[protocol] = (secret, line.n)


def s_aaa_group(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(2)
    members: list[str] = []
    aaa = ctx.config.system.aaa
    for child in line.children:
        words = child.words
        if words[:1] == ["server"] and len(words) == 2:
            members.append(words[1])
            aaa.at(child.n, "groups")
            ctx.report.parsed(child)
        elif (
            words[:1] == ["server"]
            and len(words) == 6
            and words[2::2] == ["auth-port", "acct-port"]
        ):
            # the ports name which server entry is meant; `finish` checks they exist
            members.append(words[1])
            ctx.state.setdefault("group_ports", []).append(
                (child.n, words[1], int(words[3]), int(words[5]))
            )
            aaa.at(child.n, "groups")
            ctx.report.parsed(child)
        elif words[:2] == ["server", "name"] and len(words) == 3:
            members.append(words[2])
            aaa.at(child.n, "groups")
            ctx.report.parsed(child)
        elif words[:1] == ["ip"] and "source-interface" in words:
            aaa.source_interface = ports.canonical_name(ctx.platform, words[-1])
            aaa.at(child.n, "source_interface")
            ctx.report.parsed(child)
        elif words[:1] == ["server-private"] and len(words) >= 2:
            server = AaaServer(
                protocol="tacacs" if m.group(1) == "tacacs+" else "radius", address=words[1]
            )
            if "key" in words:
                rest = words[words.index("key") + 1 :]
                kind = _SECRET_KINDS.get(rest[0], "plain") if len(rest) > 1 else "plain"
                server.key = ctx.secret(child, kind, rest[-1])  # type: ignore[arg-type]
            server.at(child.n)
            aaa.servers.append(server)
            members.append(words[1])
            aaa.at(child.n, "groups")
            ctx.report.parsed(child)
    aaa.groups[name] = members
    aaa.at(line.n, "groups")


def s_aaa_server_block(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """IOS-XE `tacacs server NAME` / `radius server NAME` blocks."""
    protocol = "tacacs" if m.group(1) == "tacacs" else "radius"
    server = AaaServer(protocol=protocol, address="", name=m.group(2))  # type: ignore[arg-type]
    server.at(line.n)
    for child in line.children:
        words = child.words
        if words[:2] == ["address", "ipv4"] and len(words) >= 3:
            server.address = words[2]
            server.at(child.n, "address")
            ctx.report.parsed(child)
            rest = words[3:]
            if rest[:1] == ["auth-port"] and len(rest) >= 2:
                server.port = int(rest[1])
                server.at(child.n, "port")
                rest = rest[2:]
            if rest[:1] == ["acct-port"] and len(rest) >= 2:
                server.acct_port = int(rest[1])
                server.at(child.n, "acct_port")
                rest = rest[2:]
            if rest:
                ctx.report.unsupported(child, f"server address option {rest[0]!r} not translated")
        elif words[:1] == ["key"] and len(words) >= 2:
            kind = _SECRET_KINDS.get(words[1], "plain") if len(words) > 2 else "plain"
            server.key = ctx.secret(child, kind, words[-1])  # type: ignore[arg-type]
            server.at(child.n, "key")
            ctx.report.parsed(child)
        elif words[:1] in (["port"], ["timeout"]) and len(words) == 2:
            field = "port" if words[0] == "port" else "timeout"
            setattr(server, field, int(words[1]))
            server.at(child.n, field)
            ctx.report.parsed(child)
    ctx.config.system.aaa.servers.append(server)
    ctx.config.system.aaa.at(line.n, "servers")


def s_line(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind = {"con": "console", "console": "console", "vty": "vty", "aux": "aux"}[m.group(1)]
    entry = MgmtLine(
        kind=kind,  # type: ignore[arg-type]
        first=int(m.group(2)),
        last=int(m.group(3)) if m.group(3) else None,
    )
    entry.at(line.n)
    ctx.config.system.lines.append(entry)
    ctx.config.system.at(line.n, "lines")
    for child in line.children:
        dispatch(ctx, child, LINE_RULES, entry)


def l_exec_timeout(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.exec_timeout = int(m.group(1)) * 60 + int(m.group(2) or 0)
    entry.at(line.n, "exec_timeout")


def l_transport(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.transport_input = m.group(1).split()
    if entry.transport_input == ["all"]:
        entry.transport_input = ["ssh", "telnet"]
    entry.at(line.n, "transport_input")


def l_acl(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.acl_in = m.group(1)
    entry.at(line.n, "acl_in")


def l_login(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.login = {"local": "local", None: "password", "authentication": "aaa"}.get(
        m.group(1), "aaa"
    )  # type: ignore[assignment]
    entry.at(line.n, "login")
    if entry.login == "aaa" and m.group(1).split()[1] != "default":
        entry.login_list = m.group(1).split()[1]
        entry.at(line.n, "login_list")


def l_no_login(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.login = "none"
    entry.at(line.n, "login")


def l_password(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    kind = _SECRET_KINDS.get(m.group(1) or "0", "plain")
    entry.password = ctx.secret(line, kind, m.group(2))  # type: ignore[arg-type]
    entry.at(line.n, "password")


def l_privilege(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.privilege = int(m.group(1))
    entry.at(line.n, "privilege")


LINE_RULES: list[Rule] = [
    *MGMT_LINE_RULES,
    rule(r"exec-timeout (\d+)(?: (\d+))?", l_exec_timeout),
    rule(r"transport input (.+)", l_transport),
    rule(r"access-class (\S+) in(?: vrf-also)?", l_acl),
    rule(r"login(?: (local|authentication \S+))?", l_login),
    rule(r"no login", l_no_login),
    rule(r"password (?:(\d) )?(\S+)", l_password),
    rule(r"privilege level (\d+)", l_privilege),
    rule(
        r"logging synchronous(?: .*)?",
        ignore="IOS console redraw setting; targets do not interleave logs with typing",
    ),
    rule(r"stopbits \d", ignore="serial console framing is fixed on the targets"),
    rule(r"transport output .+", ignore="outgoing connections from the box are a target default"),
    rule(r"transport preferred .+", ignore="IOS shell shortcut behaviour"),
    rule(r"length \d+", ignore="terminal paging is a per-session setting on the targets"),
    rule(r"width \d+", ignore="terminal width is a per-session setting on the targets"),
    rule(r"history size \d+", ignore="command history depth is a shell setting"),
    rule(r"exec prompt timestamp", ignore="IOS shell setting"),
    rule(r"speed \d+", ignore="console baud rate is set on the target's console port"),
    rule(r"flowcontrol .+", ignore="console flow control is fixed on the targets"),
    rule(r"session-timeout \d+", ignore="IOS session timeout; exec-timeout is carried over"),
    rule(r"motd-banner|no motd-banner", ignore="IOS banner display toggle"),
    rule(r"modem .+", unsupported="modem settings are not translated"),
    rule(r"location .+", ignore="a free-text label for the line"),
]

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
    # housekeeping: meaningful only on the source box
    rule(r"version \S+", ignore="software version of the source; the target runs its own"),
    rule(
        r"(?:no )?service .+",
        ignore="IOS service flags (timestamps, password-encryption, "
        "pad, tcp-keepalives) are IOS-internal or target defaults",
    ),
    rule(r"boot-(?:start|end)-marker", ignore="IOS boot image markers"),
    rule(r"boot (?:system|host|network|config) .+", ignore="boot image of the source hardware"),
    rule(r"end", ignore="end of the IOS configuration"),
    rule(r"Building configuration\.\.\.", ignore="header line of a `show running-config` capture"),
    rule(
        r"Current configuration : \d+ bytes",
        ignore="header line of a `show running-config` capture",
    ),
    rule(r"ip cef", ignore="CEF is IOS's forwarding path; targets always forward in hardware"),
    rule(r"ip classless", ignore="classless routing is the only behaviour on the targets"),
    rule(r"ip subnet-zero", ignore="subnet zero is always usable on the targets"),
    rule(r"(?:no )?ip source-route", ignore="source routing is off on the targets by default"),
    rule(r"(?:no )?ip gratuitous-arps", ignore="gratuitous ARP handling is a target default"),
    rule(r"(?:no )?ip bootp server", ignore="BOOTP server is off on the targets by default"),
    rule(r"ip forward-protocol nd", ignore="IOS default for ND protocol forwarding"),
    rule(r"control-plane", ignore="IOS control-plane policing anchor (empty)", tree=False),
    rule(r"multilink bundle-name authenticated", ignore="IOS default PPP multilink naming"),
    rule(r"license udi .+", ignore="source hardware licence"),
    rule(r"(?:no )?license .+", ignore="source hardware licence"),
    rule(r"memory-size .+", ignore="source hardware memory tuning"),
    rule(
        r"redundancy",
        ignore="supervisor redundancy of the source chassis (IOS anchor, mode and sync settings)",
        tree=True,
    ),
    rule(r"diagnostic bootup level .+", ignore="source hardware self-test"),
    rule(r"(?:no )?platform .+", ignore="IOS-XE platform tuning for the source hardware"),
    rule(
        r"spanning-tree extend system-id", ignore="extended system ID is always used on the targets"
    ),
    rule(r"vtp mode (?:transparent|off)", ignore="VTP is Cisco-only; targets keep VLANs locally"),
    rule(r"(?:no )?mmi .+", ignore="IOS MIB polling tuning"),
    rule(r"no network-clock-participate .+", ignore="source hardware clocking"),
    rule(
        r"ip tcp (?:synwait-time|selective-ack|timestamp|window-size|queuemax|path-mtu-discovery)"
        r"(?: .*)?",
        ignore="IOS TCP stack tuning; the targets tune their own stack",
    ),
    rule(r"subscriber templating", ignore="IOS-XE subscriber feature anchor (unused)"),
    rule(r"memory statistics history table \d+", ignore="IOS memory statistics depth"),
    rule(r"no aaa new-model", ignore="AAA off is the IOS default"),
    rule(r"aaa session-id .+", ignore="IOS accounting session-id scope"),
    rule(r"(?:no )?scheduler .+", ignore="IOS process scheduler tuning"),
]

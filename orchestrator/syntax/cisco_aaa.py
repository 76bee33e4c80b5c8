"""Cisco IOS AAA (servers, groups, method lists), the enable secret and management lines
(`line con|aux|vty`); NX-OS reuses these handlers."""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import AaaMethodList, AaaServer, MgmtLine, item_key
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
    # per-group provenance (the group's header, then its members) lets a renderer cite one
    # group's own lines
    group = item_key("groups", name)
    aaa.at(line.n, "groups", group)
    aaa.group_protocols[name] = "tacacs" if m.group(1) == "tacacs+" else "radius"
    aaa.at(line.n, "group_protocols")
    for child in line.children:
        words = child.words
        if words[:1] == ["server"] and len(words) == 2:
            members.append(words[1])
            aaa.at(child.n, "groups", group)
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
            aaa.at(child.n, "groups", group)
            ctx.report.parsed(child)
        elif words[:2] == ["server", "name"] and len(words) == 3:
            members.append(words[2])
            aaa.at(child.n, "groups", group)
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
            aaa.at(child.n, "groups", group)
            ctx.report.parsed(child)
    aaa.groups[name] = members


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

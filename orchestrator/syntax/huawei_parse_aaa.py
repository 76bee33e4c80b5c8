"""VRP AAA: the `aaa` view (local users, schemes, domains), HWTACACS/RADIUS server templates,
and the management lines (`user-interface`)."""

from __future__ import annotations

import re
from typing import Any, Literal

from orchestrator.model import (
    AaaMethodList,
    AaaServer,
    LocalUser,
    MgmtLine,
)
from orchestrator.syntax.huawei_common import read_secret
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule
from orchestrator.syntax.text import Line


def _user(ctx: Ctx, name: str, line: Line) -> LocalUser:
    users = ctx.config.system.users
    user = users.get(name)
    if user is None:
        user = users[name] = LocalUser(name=name)
        user.at(line.n)
    return user


def a_local_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name, words = m.group(1), m.group(2).split()
    user = _user(ctx, name, line)
    key = words[0]
    if key == "password" and len(words) >= 3:
        user.secret = read_secret(ctx, line, words[2], words[1])
        user.at(line.n, "secret")
        rest = words[3:]
        if rest[:2] == ["privilege", "level"] and len(rest) >= 3:
            user.privilege = int(rest[2])
            user.at(line.n, "privilege")
    elif key == "privilege" and len(words) == 3:
        user.privilege = int(words[2])
        user.at(line.n, "privilege")
    elif key == "level" and len(words) == 2:
        user.privilege = int(words[1])
        user.at(line.n, "privilege")
    elif key in ("service-type", "ftp-directory", "state", "access-limit", "idle-timeout"):
        ctx.report.ignored(
            line, "login services and account limits follow from the management lines on the target"
        )
    else:
        ctx.report.unsupported(line, f"local-user option {key!r} not translated")


_SCHEME_SERVICE = {"authentication": "login", "authorization": "exec", "accounting": "accounting"}


_METHODS = {
    "hwtacacs": "group:tacacs",
    "radius": "group:radius",
    "local": "local",
    "none": "none",
    "if-authenticated": "if-authenticated",
}


def a_scheme(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`authentication-scheme X` with `authentication-mode hwtacacs local` inside."""
    service, name = _SCHEME_SERVICE[m.group(1)], m.group(2)
    methods: list[str] = []
    entry = AaaMethodList(service=service, name=name)  # type: ignore[arg-type]
    for child in line.children:
        words = child.words
        if len(words) >= 2 and words[0] == f"{m.group(1)}-mode":
            found = [_METHODS.get(w) for w in words[1:]]
            if all(found):
                methods.extend(x for x in found if x)
                entry.at(child.n, "methods")
                ctx.report.parsed(child)
                continue
        ctx.report.unsupported(child, "AAA scheme option not translated")
    if not methods:
        ctx.report.ignored(line, "a scheme without methods uses the default (local)")
        return
    entry.methods = methods
    entry.at(line.n)
    ctx.config.system.aaa.method_lists.append(entry)
    ctx.config.system.aaa.at(line.n, "method_lists")


def a_domain(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`domain D` binds schemes to server templates: kept to name the server group later."""
    schemes: list[tuple[str, str]] = []
    templates: dict[str, str] = {}
    for child in line.children:
        words = child.words
        if len(words) == 2 and words[0].endswith("-scheme"):
            schemes.append((words[0][:-7], words[1]))
        elif words[0] in ("radius-server", "hwtacacs-server") and len(words) in (2, 3):
            templates["radius" if words[0] == "radius-server" else "tacacs"] = words[-1]
        else:
            ctx.report.unsupported(child, "AAA domain option not translated")
            continue
        ctx.report.parsed(child)
    if not line.children:
        ctx.report.ignored(line, "an empty AAA domain uses the default schemes")
    ctx.state.setdefault("aaa_domains", []).append((schemes, templates))


def finish_aaa(ctx: Ctx) -> None:
    """Name the server group a scheme uses after the template its domain binds; the TACACS+
    source address back to the interface that holds it."""
    aaa = ctx.config.system.aaa
    for address, line in ctx.state.get("tacacs_source", []):
        owner = next(
            (
                ifc.name
                for ifc in ctx.config.interfaces.values()
                if any(str(a.address.ip) == address for a in ifc.ipv4)
            ),
            None,
        )
        if owner is None:
            ctx.report.unsupported(line, f"no interface holds the source address {address}")
            continue
        aaa.tacacs_source_interface = owner
        aaa.at(line.n, "tacacs_source_interface")
        ctx.report.parsed(line)
    for schemes, templates in ctx.state.get("aaa_domains", []):
        for kind, name in schemes:
            service = _SCHEME_SERVICE.get(kind)
            for entry in ctx.config.system.aaa.method_lists:
                if entry.service != service or entry.name != name:
                    continue
                entry.methods = [
                    f"group:{templates[m[6:]]}"
                    if m.startswith("group:")
                    and m[6:] in templates
                    and templates[m[6:]] != "default"
                    else m
                    for m in entry.methods
                ]


def p_aaa(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.report.block(line)
    for child in line.children:
        dispatch(ctx, child, AAA_RULES, None)


def a_lockout(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`local-aaa-user wrong-password retry-interval M retry-time N block-time M` (minutes)."""
    system = ctx.config.system
    system.login_block = (int(m.group(3)) * 60, int(m.group(2)), int(m.group(1)) * 60)
    system.at(line.n, "login_block")


AAA_RULES: list[Rule] = [
    rule(r"local-user (\S+) (.+)", a_local_user),
    rule(
        r"local-aaa-user wrong-password retry-interval (\d+) retry-time (\d+) block-time (\d+)",
        a_lockout,
    ),
    rule(r"(authentication|authorization|accounting)-scheme (\S+)", a_scheme),
    rule(r"domain (\S+)", a_domain),
    rule(
        r"(?:manager-user|role|bind manager-user) .+",
        unsupported="firewall administrator accounts and roles are not translated",
        tree=True,
    ),
    rule(
        r"(?:default-user-name|default-password) .+",
        unsupported="subscriber access defaults are not translated",
    ),
]


def p_aaa_template(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`hwtacacs-server template T` / `radius-server template T`: a server group."""
    protocol = "tacacs" if m.group(1) == "hwtacacs" else "radius"
    name = m.group(2)
    aaa = ctx.config.system.aaa
    members: list[str] = []
    shared = None
    shared_line = line.n
    found: dict[str, AaaServer] = {}
    for child in line.children:
        words = child.words
        if words[1:2] == ["shared-key-cipher"] and len(words) == 3:
            words = [words[0], "shared-key", "cipher", words[2]]  # NE40E RADIUS group spelling
        if words[1:2] == ["source-ip"] and len(words) == 3 and protocol == "tacacs":
            ctx.state.setdefault("tacacs_source", []).append((words[2], child))
            continue
        if len(words) >= 2 and words[1] == "shared-key" and words[2:3] == ["cipher"]:
            shared = read_secret(ctx, child, words[3], "cipher")
            ctx.report.parsed(child)
            shared_line = child.n
            continue
        if len(words) >= 3 and words[1] in ("authentication", "authorization", "accounting"):
            address = words[2]
            server = found.get(address)
            if server is None:
                known = next(
                    (s for s in aaa.servers if s.address == address and s.protocol == protocol),
                    None,
                )
                server = found[address] = known or AaaServer(
                    protocol=protocol,  # type: ignore[arg-type]
                    address=address,
                )
                members.append(address)
            server.at(child.n)
            rest = words[3:]
            while rest:
                word = rest.pop(0)
                if word.isdigit() and words[1] == "authentication":
                    server.port = int(word)
                    server.at(child.n, "port")
                elif word.isdigit() and words[1] == "accounting" and protocol == "radius":
                    server.acct_port = int(word)
                    server.at(child.n, "acct_port")
                elif word.isdigit():
                    continue
                elif word == "vpn-instance" and rest:
                    server.vrf = rest.pop(0)
                    server.at(child.n, "vrf")
                elif word == "shared-key" and len(rest) >= 2:
                    server.key = read_secret(ctx, child, rest[1], rest[0])
                    server.at(child.n, "key")
                    rest = rest[2:]
                elif word in ("secondary", "third", "fourth", "weight", "public-net"):
                    if word == "weight" and rest:
                        rest.pop(0)
                else:
                    ctx.report.unsupported(child, f"server option {word!r} not translated")
                    break
            else:
                ctx.report.parsed(child)
            continue
        ctx.report.unsupported(child, "server template option not translated")
    for server in found.values():
        if server.key is None and shared is not None:
            server.key = shared
            server.at(shared_line, "key")
        if not any(s is server for s in aaa.servers):
            aaa.servers.append(server)
    if name != "default":
        aaa.groups[name] = members
        aaa.at(line.n, "groups")
        if not members:  # an empty template: only its type tells the protocol
            aaa.group_protocols[name] = protocol  # type: ignore[assignment]
            aaa.at(line.n, "group_protocols")
    aaa.at(line.n, "servers")


def p_radius_group(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """NE40E `radius-server group G`: servers with a shared key."""
    p_aaa_template(ctx, line, re.match(r"(radius)-server group (\S+)", line.text), scope)  # type: ignore[arg-type]


def p_user_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kinds: dict[str, Literal["console", "aux", "vty"]] = {
        "con": "console",
        "console": "console",
        "vty": "vty",
        "aux": "aux",
    }
    entry = MgmtLine(
        kind=kinds[m.group(1)],
        first=int(m.group(2)),
        last=int(m.group(3)) if m.group(3) else None,
    )
    entry.at(line.n)
    ctx.config.system.lines.append(entry)
    ctx.config.system.at(line.n, "lines")
    for child in line.children:
        dispatch(ctx, child, LINE_RULES, entry)


def l_timeout(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.exec_timeout = int(m.group(1)) * 60 + int(m.group(2) or 0)
    entry.at(line.n, "exec_timeout")


def l_protocol(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    value = m.group(1)
    entry.transport_input = ["ssh", "telnet"] if value == "all" else [value]
    entry.at(line.n, "transport_input")


def l_acl(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.acl_in = m.group(1)
    entry.at(line.n, "acl_in")


def l_acl6(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.ipv6_acl_in = m.group(1)
    entry.at(line.n, "ipv6_acl_in")


def l_no_shell(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.exec = False
    entry.at(line.n, "exec")


def l_auth(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.login = m.group(1)  # type: ignore[assignment]
    entry.at(line.n, "login")


def l_password(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.password = read_secret(ctx, line, m.group(2), m.group(1))
    entry.at(line.n, "password")


def l_privilege(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.privilege = int(m.group(1))
    entry.at(line.n, "privilege")


LINE_RULES: list[Rule] = [
    rule(r"idle-timeout (\d+)(?: (\d+))?", l_timeout),
    rule(r"protocol inbound (all|ssh|telnet)", l_protocol),
    rule(r"acl ipv6 (\S+) inbound", l_acl6),
    rule(r"acl (\S+) inbound", l_acl),
    rule(r"authentication-mode (aaa|password|none)", l_auth),
    rule(r"set authentication password (cipher|simple) (\S+)", l_password),
    rule(r"user privilege level (\d+)", l_privilege),
    rule(r"screen-length \d+", ignore="terminal paging is a per-session setting"),
    rule(r"history-command max-size \d+", ignore="command history depth is a shell setting"),
    rule(
        r"(?:speed|parity|stopbits|databits|flow-control) .+",
        ignore="console framing is fixed by the target's console port",
    ),
    rule(r"async mode flow", ignore="AUX port modem mode of the source hardware"),
    rule(r"shell", ignore="the shell is on by default"),
    rule(r"undo shell", l_no_shell),
]


def p_local_user_block(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """Old (VRP3) top-level `local-user NAME` view with `password`/`level` inside."""
    user = _user(ctx, m.group(1), line)
    for child in line.children:
        words = child.words
        if words[0] == "password" and len(words) == 3:
            user.secret = read_secret(ctx, child, words[2], words[1])
            user.at(child.n, "secret")
            ctx.report.parsed(child)
        elif words[0] == "level" and len(words) == 2:
            user.privilege = int(words[1])
            user.at(child.n, "privilege")
            ctx.report.parsed(child)
        elif words[0] == "service-type":
            ctx.report.ignored(child, "login services follow from the management lines")
        else:
            ctx.report.unsupported(child, "local-user option not translated")

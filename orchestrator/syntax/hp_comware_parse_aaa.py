"""Comware 7 AAA and access: HWTACACS/RADIUS schemes, ISP domains, local users, user lines.

How the model's Cisco-shaped AAA maps onto Comware:

* a server group is a scheme of the same name; servers of no group live in the scheme named
  like their protocol (`hwtacacs scheme tacacs`, `radius scheme radius`), which is what the
  model's `group:tacacs` / `group:radius` methods (IOS `group tacacs+`) name;
* a method list is an ISP domain's `authentication|authorization|accounting` line; the
  lists named `default` live in the default domain (`system` unless `domain default enable`);
* `authentication-mode scheme` on a user line is the model's `aaa` login when the config has
  login method lists, else `local` (the `system` domain authenticates locally by default).
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import AaaMethodList, AaaServer, LocalUser, MgmtLine
from orchestrator.syntax.hp_comware_common import is_ipv4, read_secret
from orchestrator.syntax.rules import Ctx, Rule, dispatch, flag_field, rule
from orchestrator.syntax.text import Line

#: the scheme name that holds servers of no group, per protocol
DEFAULT_SCHEME = {"tacacs": "tacacs", "radius": "radius"}
#: Comware domain statement (verb, service) → the model's method list (service, scope)
DOMAIN_SERVICES: dict[tuple[str, str], tuple[str, str | None]] = {
    ("authentication", "login"): ("login", None),
    ("authentication", "default"): ("login", None),
    ("authorization", "login"): ("exec", None),
    ("authorization", "default"): ("exec", None),
    ("authorization", "command"): ("commands", "commands 15"),
    ("accounting", "login"): ("accounting", "exec"),
    ("accounting", "default"): ("accounting", "exec"),
    ("accounting", "command"): ("accounting", "commands 15"),
    ("accounting", "lan-access"): ("accounting", "network"),
    ("authentication", "super"): ("enable", None),
    ("authentication", "lan-access"): ("network", None),
}


def _server_options(ctx: Ctx, line: Line, words: list[str], server: AaaServer, role: str) -> bool:
    """Read `[port] [key cipher|simple K] [vpn-instance V] [single-connection]`."""
    while words:
        word = words.pop(0)
        if word.isdigit():
            if role == "accounting" and server.protocol == "radius":
                server.acct_port = int(word)
            elif role != "accounting":
                server.port = int(word)
        elif word == "key" and words:
            form = words.pop(0) if words[0] in ("cipher", "simple") and len(words) > 1 else None
            secret = read_secret(ctx, line, words.pop(0), form)
            if server.key is None:
                server.key = secret
        elif word == "vpn-instance" and words:
            server.vrf = words.pop(0)
        elif word == "single-connection":
            continue
        else:
            ctx.report.unsupported(line, f"server option {word!r} is not translated")
            return False
    return True


def p_scheme(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    protocol = "tacacs" if m.group(1) == "hwtacacs" else "radius"
    name = m.group(2)
    servers: dict[str, AaaServer] = {}
    keys: list[tuple[Any, int]] = []
    vrf: tuple[str, int] | None = None
    for child in line.children:
        words = child.words
        if (
            len(words) >= 3
            and words[0] in ("primary", "secondary")
            and words[1] in ("authentication", "authorization", "accounting")
        ):
            address = words[2] if words[2] != "ipv6" else words[3]
            rest = words[3:] if words[2] != "ipv6" else words[4:]
            server = servers.get(address)
            if server is None:
                server = servers[address] = AaaServer(protocol=protocol, address=address)  # type: ignore[arg-type]
            if _server_options(ctx, child, rest, server, words[1]):
                ctx.report.parsed(child)
            server.at(child.n)
        elif words[:1] == ["key"] and len(words) >= 3:
            form = words[2] if words[2] in ("cipher", "simple") and len(words) > 3 else None
            keys.append((read_secret(ctx, child, words[-1], form), child.n))
            ctx.report.parsed(child)
        elif child.text == "user-name-format without-domain":
            ctx.report.ignored(
                child,
                "Cisco AAA servers get bare user names; the renderer always writes without-domain",
            )
        elif words[:1] == ["vpn-instance"] and len(words) == 2:
            vrf = (words[1], child.n)
            ctx.report.parsed(child)
        elif protocol == "radius" and (
            words[:2] == ["timer", "response-timeout"] or words[:1] == ["retry"]
        ):
            setting = "radius_retransmit" if words[0] == "retry" else "radius_timeout"
            setattr(ctx.config.system.aaa, setting, int(words[-1]))
            ctx.config.system.aaa.at(child.n, setting)
            ctx.report.parsed(child)
        elif protocol == "radius" and words[:2] == ["timer", "quiet"] and len(words) == 3:
            ctx.config.system.aaa.radius_deadtime = int(words[2])
            ctx.config.system.aaa.at(child.n, "radius_deadtime")
            ctx.report.parsed(child)
        elif words[:1] == ["nas-ip"] and len(words) == 2 and is_ipv4(words[1]):
            ctx.state.setdefault("nas_ip", []).append((protocol, words[1], child.n))
            ctx.report.parsed(child)
    if not servers:
        ctx.report.ignore_tree(line, "a scheme without servers has no effect")
        return
    aaa = ctx.config.system.aaa
    for server in servers.values():
        for secret, n in keys:
            if server.key is None:
                server.key = secret
            server.at(n, "key")
        if vrf is not None and server.vrf is None:
            server.vrf = vrf[0]
            server.at(vrf[1], "vrf")
        server.at(line.n)
        # a server in several schemes (IOS: in several groups) is one server
        known = next(
            (s for s in aaa.servers if (s.protocol, s.address) == (protocol, server.address)),
            None,
        )
        if known is None:
            aaa.servers.append(server)
        else:
            for field, lines in server.src.lines.items():
                for n in lines:
                    known.at(n, field)
    aaa.at(line.n, "servers")
    if name != DEFAULT_SCHEME[protocol]:
        aaa.groups[name] = list(servers)
        aaa.at(line.n, "groups")


def p_domain(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    domain = m.group(1)
    aaa = ctx.config.system.aaa
    for child in line.children:
        words = child.words
        found = DOMAIN_SERVICES.get((words[0], words[1])) if len(words) >= 3 else None
        if found is None:
            continue
        service, scope = found
        methods: list[str] = []
        rest = words[2:]
        while rest:
            word = rest.pop(0)
            if word in ("hwtacacs-scheme", "radius-scheme") and rest:
                methods.append("group:" + rest.pop(0))
            elif word in ("local", "none"):
                methods.append(word)
            else:
                methods = []
                break
        if not methods:
            ctx.report.unsupported(child, "AAA method not understood")
            continue
        entry = AaaMethodList(service=service, name=domain, methods=methods, scope=scope)  # type: ignore[arg-type]
        entry.at(child.n)
        aaa.method_lists.append(entry)
        aaa.at(child.n, "method_lists")
        ctx.report.parsed(child)
    if not line.children:
        ctx.report.ignored(
            line, "an ISP domain without settings authenticates locally, the default"
        )


def p_default_domain(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.state["default_domain"] = (m.group(1), line.n)


def finish_aaa(ctx: Ctx) -> None:
    """Name the default domain's lists `default`; turn `nas-ip` into source interfaces."""
    default, n = ctx.state.get("default_domain", ("system", None))
    aaa = ctx.config.system.aaa
    for entry in aaa.method_lists:
        if entry.name == default:
            entry.name = "default"
            if n is not None:
                entry.at(n, "name")
    for protocol, address, line_n in ctx.state.get("nas_ip", []):
        owner = next(
            (
                ifc.name
                for ifc in ctx.config.interfaces.values()
                if any(str(a.address.ip) == address for a in ifc.ipv4)
            ),
            None,
        )
        if owner is None:
            ctx.report.unsupported(line_n, "the NAS address is on no interface of this box")
            continue
        field = "tacacs_source_interface" if protocol == "tacacs" else "radius_source_interface"
        setattr(aaa, field, owner)
        aaa.at(line_n, field)


# --- local users ----------------------------------------------------------------------------


def p_local_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if m.group(2) == "network":
        ctx.report.unsupported_tree(
            line, "network access users (PPP, portal, 802.1X) are not translated"
        )
        return
    user = LocalUser(name=m.group(1))
    user.at(line.n)
    ctx.config.system.users[user.name] = user
    for child in line.children:
        dispatch(ctx, child, USER_RULES, user)


def u_password(ctx: Ctx, line: Line, m: re.Match[str], user: LocalUser) -> None:
    user.secret = read_secret(ctx, line, m.group(2), m.group(1))
    user.at(line.n, "secret")


def u_service(ctx: Ctx, line: Line, m: re.Match[str], user: LocalUser) -> None:
    """Login services: the model's user may manage the box; other services are not held."""
    if {"ssh", "telnet", "terminal"} & set(m.group(1).split()):
        user.at(line.n)
    else:
        ctx.report.unsupported(line, "FTP/HTTP-only user services are not translated")


def u_role(ctx: Ctx, line: Line, m: re.Match[str], user: LocalUser) -> None:
    role = m.group(1)
    level = re.fullmatch(r"level-(\d+)", role)
    if level is not None:
        user.privilege = max(user.privilege or 0, int(level.group(1)))
        user.at(line.n, "privilege")
    elif role == "network-operator":
        ctx.report.ignored(line, "every local user has the network-operator role by default")
    elif user.role is None:
        user.role = role
        user.at(line.n, "role")
    else:
        ctx.report.unsupported(line, "a second named role is not in the model")


USER_RULES: list[Rule] = [
    rule(r"password (hash|simple|cipher) (\S+)", u_password),
    rule(r"service-type (.+)", u_service),
    rule(r"authorization-attribute user-role (\S+)", u_role),
]


# --- user lines -----------------------------------------------------------------------------

_LINE_KIND = {"con": "console", "console": "console", "aux": "aux", "vty": "vty"}


def p_line(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    entry = MgmtLine(
        kind=_LINE_KIND[m.group(1)],  # type: ignore[arg-type]
        first=int(m.group(2)),
        last=int(m.group(3)) if m.group(3) else None,
    )
    entry.at(line.n)
    ctx.config.system.lines.append(entry)
    ctx.config.system.at(line.n, "lines")
    for child in line.children:
        dispatch(ctx, child, LINE_RULES, entry)


def l_auth_mode(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.login = {"scheme": "aaa", "password": "password", "none": "none"}[m.group(1)]  # type: ignore[assignment]
    entry.at(line.n, "login")


def l_password(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.password = read_secret(ctx, line, m.group(2), m.group(1))
    entry.at(line.n, "password")


def l_idle(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.exec_timeout = int(m.group(1)) * 60 + int(m.group(2) or 0)
    entry.at(line.n, "exec_timeout")


def l_protocol(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.transport_input = ["ssh", "telnet"] if m.group(1) == "all" else [m.group(1)]
    entry.at(line.n, "transport_input")


def l_role(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    role = m.group(1)
    level = re.fullmatch(r"level-(\d+)", role)
    default = "network-operator" if entry.kind == "vty" else "network-admin"
    if level is not None:
        entry.privilege = int(level.group(1))
        entry.at(line.n, "privilege")
    elif role == "network-admin" and role != default and entry.privilege is None:
        entry.privilege = 15  # the role of IOS privilege level 15
        entry.at(line.n, "privilege")
    elif role in (default, "network-operator"):
        ctx.report.ignored(line, f"{role} is the default role of these lines")
    else:
        ctx.report.unsupported(line, f"line role {role!r} is not translated")


def l_acl(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    name = "ipv6_acl_in" if m.group(1) else "acl_in"
    setattr(entry, name, m.group(2))
    entry.at(line.n, name)


LINE_RULES: list[Rule] = [
    rule(r"authentication-mode (scheme|password|none)", l_auth_mode),
    rule(r"set authentication password (hash|simple|cipher) (\S+)", l_password),
    rule(r"idle-timeout (\d+)(?: (\d+))?", l_idle),
    rule(r"protocol inbound (ssh|telnet|all)", l_protocol),
    rule(r"user-role (\S+)", l_role),
    rule(r"acl (ipv6 )?(\S+) inbound", l_acl),
    rule(r"(undo )?shell", flag_field("exec")),
    rule(
        r"command (?:authorization|accounting)",
        unsupported="per-command AAA on a line is not in the model",
    ),
    rule(r"screen-length \d+", ignore="terminal paging is a per-session setting"),
    rule(r"history-command max-size \d+", ignore="command history depth is a shell setting"),
]


def p_line_class(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`line class vty` holds class-wide defaults; only the predefined roles are understood."""
    defaults = {"network-admin", "network-operator"}
    for child in line.children:
        words = child.words
        if words[:1] == ["user-role"] and len(words) == 2 and words[1] in defaults:
            ctx.report.ignored(child, "the predefined role of this class of lines")
    ctx.report.block(line)


def finish_lines(ctx: Ctx) -> None:
    """`scheme` login means AAA when login method lists exist; login ACLs go to the vty lines."""
    system = ctx.config.system
    has_lists = any(e.service == "login" for e in system.aaa.method_lists)
    for entry in system.lines:
        if entry.login == "aaa" and not has_lists:
            entry.login = "local"
    vtys = [e for e in system.lines if e.kind == "vty"]
    for ipv6, acl, n in ctx.state.get("login_acls", []):
        if not vtys:
            ctx.report.unsupported(n, "a login ACL without vty lines is not translated")
        for entry in vtys:
            name = "ipv6_acl_in" if ipv6 else "acl_in"
            setattr(entry, name, acl)
            entry.at(n, name)


def s_super(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.enable_secret = read_secret(ctx, line, m.group(2), m.group(1))
    ctx.config.system.at(line.n, "enable_secret")


AAA_TOP: list[Rule] = [
    rule(r"(hwtacacs|radius) scheme (\S+)", p_scheme),
    rule(r"domain default enable (\S+)", p_default_domain),
    rule(r"domain (\S+)", p_domain),
    rule(r"local-user (\S+)(?: class (manage|network))?", p_local_user),
    rule(r"line class \S+", p_line_class),
    rule(r"line (aux|con|console|vty) (\d+)(?: (\d+))?", p_line),
    rule(r"super password(?: role \S+)? (hash|simple|cipher) (\S+)", s_super),
    rule(
        r"role default-role enable(?: network-operator)?",
        ignore="RADIUS/TACACS+ users their server gives no role log in at the lowest level "
        "on the other platforms without being told",
    ),
]

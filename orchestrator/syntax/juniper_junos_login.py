"""Junos logins and AAA: local users, login classes, the root password, TACACS+/RADIUS.

A login class becomes a privilege level: the built-in `super-user` and a class of this file with
`permissions all` are 15, `operator` and `read-only` 1. The root password becomes a local
administrator called root. `authentication-order` is the login method list (`password` is the
local user database).
"""

from __future__ import annotations

import re

from orchestrator.model import AaaMethodList, AaaServer, LocalUser
from orchestrator.syntax.juniper_junos_index import claim, junos, secret_kind, source_interface
from orchestrator.syntax.juniper_junos_text import Stmt, unquote, values
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line

#: Junos login classes with a fixed meaning → privilege level.
CLASS_PRIVILEGE = {"super-user": 15, "operator": 1, "read-only": 1, "unauthorized": 0}


def _user(ctx: Ctx, name: str, stmt: Stmt, depth: int) -> LocalUser:
    users = ctx.config.system.users
    user = users.get(name)
    if user is None:
        user = users[name] = LocalUser(name=name)
    if depth:
        claim(ctx, stmt, depth, user)
    return user


def s_user(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2) or ""
    user = _user(ctx, name, stmt, 4)
    user.at(line.n)
    words = rest.split(None, 1)
    key = words[0] if words else ""
    arg = words[1] if len(words) > 1 else ""
    if key == "class":
        junos(ctx).bucket("user_class")[name] = (unquote(arg), line.n)
        user.at(line.n, "privilege")
    elif key == "authentication" and arg.startswith("encrypted-password "):
        value = unquote(arg.split(None, 1)[1])
        user.secret = ctx.secret(line, secret_kind(value), value)
        user.at(line.n, "secret")
    elif key == "authentication" and arg.startswith("ssh-"):
        ctx.report.unsupported(line, "SSH public-key login: install the key on the target")
    elif key == "uid":
        ctx.report.ignored(line, "the Unix uid of a Junos account; targets number their own")
    elif key == "full-name":
        ctx.report.ignored(line, "the account's display name; targets keep none")
    elif key:
        ctx.report.unsupported(line, f"login user option `{key}` is not translated")


def s_root(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    """The root password: a local administrator called root on the target."""
    user = _user(ctx, "root", stmt, 0)
    claim(ctx, stmt, 2, user)
    value = unquote(m.group(1))
    user.secret = ctx.secret(line, secret_kind(value), value)
    user.privilege = 15
    user.at(line.n)
    user.at(line.n, "secret", "privilege")


def s_class(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    junos(ctx).bucket("classes").setdefault(unquote(m.group(1)), []).append((m.group(2), line.n))


def finish_users(ctx: Ctx) -> None:
    """Privilege follows from the class: a built-in one, or a class with `permissions all`."""
    state = junos(ctx)
    classes: dict[str, list[tuple[str, int]]] = state.bucket("classes")
    used: set[int] = set()
    for name, (cls, n) in state.bucket("user_class").items():
        user = ctx.config.system.users[name]
        privilege = CLASS_PRIVILEGE.get(cls)
        for text, class_line in classes.get(cls, []):
            if re.fullmatch(r"permissions (all|\[ all \])", text):
                privilege = 15
                user.at(class_line, "privilege")
                used.add(class_line)
        if privilege is None:
            user.role = cls  # kept by name for the report
            ctx.report.unsupported(
                n,
                f"login class {cls} has no privilege level the "
                "targets know: the user gets the target's default",
            )
            continue
        user.privilege = privilege
    in_use = {cls for cls, _ in state.bucket("user_class").values()}
    for cls, entries in classes.items():
        for text, class_line in entries:
            if class_line in used:
                continue
            if cls not in in_use:
                ctx.report.ignored(class_line, f"login class {cls} is given to no user")
            elif text.startswith("permissions"):
                ctx.report.unsupported(class_line, "per-command permissions of a login class")
            elif text.startswith("idle-timeout"):
                ctx.report.unsupported(class_line, "idle timeout per login class")
            else:
                ctx.report.unsupported(class_line, f"login class setting `{text}`")


def s_aaa_server(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    protocol = "tacacs" if m.group(1) == "tacplus-server" else "radius"
    address, rest = m.group(2), (m.group(3) or "").split(None, 1)
    aaa = ctx.config.system.aaa
    server = next((s for s in aaa.servers if s.address == address), None)
    if server is None:
        server = AaaServer(protocol=protocol, address=address)  # type: ignore[arg-type]
        aaa.servers.append(server)
    server.at(line.n)
    aaa.at(line.n, "servers")
    if not rest:
        return
    key, arg = rest[0], unquote(rest[1]) if len(rest) > 1 else ""
    if key == "secret":
        server.key = ctx.secret(line, secret_kind(arg), arg)
        server.at(line.n, "key")
    elif key == "port":
        server.port = int(arg)
        server.at(line.n, "port")
    elif key == "routing-instance":
        server.vrf = arg
        server.at(line.n, "vrf")
    elif key == "source-address":
        owner = source_interface(ctx, line, arg)
        if owner is not None:
            aaa.source_interface = owner
            aaa.at(line.n, "source_interface")
    else:
        ctx.report.unsupported(line, f"{m.group(1)} option `{key}` is not translated")


_METHODS = {"tacplus": "group:tacacs", "radius": "group:radius", "password": "local"}


def s_auth_order(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    methods = values(m.group(1))
    if any(x not in _METHODS for x in methods):
        ctx.report.unsupported(line, f"authentication method in `{m.group(1)}` is not known")
        return
    # Junos falls back to the local password when the servers do not answer
    listed = [_METHODS[x] for x in methods]
    if "local" not in listed:
        listed.append("local")
    entry = AaaMethodList(service="login", methods=listed)
    entry.at(line.n)
    aaa = ctx.config.system.aaa
    aaa.method_lists.append(entry)
    aaa.at(line.n, "method_lists")


LOGIN_TOP: list[Rule] = [
    rule(r"system login user (\S+)(?: (.+))?", s_user),
    rule(r"system login class (\S+) (.+)", s_class),
    rule(r"system root-authentication encrypted-password (\S+)", s_root),
    rule(r"system (tacplus-server|radius-server) (\S+)(?: (.+))?", s_aaa_server),
    rule(r"system authentication-order (.+)", s_auth_order),
]

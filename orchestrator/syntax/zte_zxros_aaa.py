"""ZXROS AAA: TACACS+/RADIUS servers and groups, numbered AAA templates, `system-user` users.

ZXROS authenticates through numbered templates instead of IOS method lists: the default login
list becomes `aaa-authentication-template 2001` (as on the OLT in the corpus), the default exec
authorization list `aaa-authorization-template 2001`, the default accounting list
`aaa-accounting-template 2001`. A user's privilege comes from the authorization template bound
to the user; cutover writes one template per privilege level, numbered 100 + level.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    Aaa,
    AaaMethodList,
    AaaServer,
    DeviceConfig,
    LocalUser,
    item_key,
)
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    dispatch,
    rule,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import Writer, all_fields, read_secret, write_secret

#: group names cutover gives to "every TACACS+ / RADIUS server" (IOS `group tacacs+`)
ALL_SERVERS = {"tacacs": "all-tacacs", "radius": "all-radius"}
TEMPLATE = "2001"  # the template number cutover uses for the `default` method lists


PRIVILEGE_BASE = 100  # authorization-template 100 + level carries a user's privilege level


def s_tacacs_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    server = AaaServer(protocol="tacacs", address=m.group(1))
    if m.group(2):
        server.key = read_secret(
            ctx, line, m.group(3), encrypted=m.group(2).startswith("encrypted")
        )
    server.at(line.n)
    aaa = ctx.config.system.aaa
    aaa.servers.append(server)
    aaa.at(line.n, "servers")


def s_group(protocol: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        aaa = ctx.config.system.aaa
        name = m.group(1)
        members: list[str] = []
        for child in line.children:
            server = re.fullmatch(
                r"server (?:\d+ )?(\S+)(?: key (?:(encrypted) )?(\S+))?", child.text
            )
            if server is None:
                ctx.report.unsupported(child, "AAA group option not translated")
                continue
            ctx.report.parsed(child)
            members.append(server.group(1))
            known = any(s.address == server.group(1) for s in aaa.servers)
            if protocol == "radius" and not known:
                entry = AaaServer(protocol="radius", address=server.group(1))
                if server.group(3):
                    entry.key = read_secret(
                        ctx, child, server.group(3), encrypted=bool(server.group(2))
                    )
                entry.at(child.n)
                aaa.servers.append(entry)
                aaa.at(child.n, "servers")
        if name not in ALL_SERVERS.values():  # cutover's name for "every server" of a protocol
            aaa.groups[name] = members
            aaa.at(line.n, "groups")
            if protocol == "radius" and not members:  # members would tell; TACACS+ is implied
                aaa.group_protocols[name] = "radius"
                aaa.at(line.n, "group_protocols")

    return handler


_AUTH_TYPES = re.compile(r"(none|local|radius|tacacs)(?:-(none|local|radius|tacacs))?")


def s_aaa_template(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind, number = m.group(1), m.group(2)
    service = {"authentication": "login", "authorization": "exec", "accounting": "accounting"}[kind]
    if number != TEMPLATE:
        ctx.report.unsupported(line, f"AAA template {number}: only template {TEMPLATE} is read")
        return
    methods: list[str] = []
    group: str | None = None
    for child in line.children:
        t = re.fullmatch(r"aaa-(?:authentication|authorization|accounting)-type (\S+)", child.text)
        g = re.fullmatch(
            r"(?:authentication|authorization|accounting)-(?:tacacs|radius)-group"
            r"(?: first)? (\S+)",
            child.text,
        )
        if t and _AUTH_TYPES.fullmatch(t.group(1)):
            methods = t.group(1).split("-")
        elif g:
            group = g.group(1)
        else:
            ctx.report.unsupported(child, "AAA template option not translated")
            continue
        ctx.report.parsed(child)
    implicit = {v: k for k, v in ALL_SERVERS.items()}
    group = implicit.get(group or "", group)
    normalised = [f"group:{group or w}" if w in ("tacacs", "radius") else w for w in methods]
    entry = AaaMethodList(service=service, methods=normalised)  # type: ignore[arg-type]
    for n in [line.n, *(c.n for c in line.children)]:
        entry.at(n)
    aaa = ctx.config.system.aaa
    aaa.method_lists.append(entry)
    aaa.at(line.n, "method_lists")


def s_system_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    levels: dict[str, int] = ctx.state.setdefault("priv_templates", {})
    for child in line.children:
        tm = re.fullmatch(r"authorization-template (\d+)", child.text)
        am = re.fullmatch(r"authentication-template (\d+)", child.text)
        um = re.fullmatch(r"user-name (\S+)", child.text)
        if tm:
            ctx.report.parsed(child)
            for grand in child.children:
                lm = re.fullmatch(r"local-privilege-level (\d+)", grand.text)
                if lm:
                    levels[tm.group(1)] = int(lm.group(1))
                    ctx.report.parsed(grand)
                else:
                    _template_binding(ctx, grand, "authorization")
        elif am:
            ctx.report.parsed(child)
            for grand in child.children:
                _template_binding(ctx, grand, "authentication")
        elif um:
            _user(ctx, child, um.group(1))
        else:
            dispatch(ctx, child, SYSTEM_USER_RULES)


def _user(ctx: Ctx, line: Line, name: str) -> None:
    user = ctx.config.system.users.setdefault(name, LocalUser(name=name))
    user.at(line.n)
    ctx.report.parsed(line)
    for child in line.children:
        pm = re.fullmatch(r"password (?:(encrypted) )?(\S+)", child.text)
        bm = re.fullmatch(r"bind authorization-template (\d+)", child.text)
        if pm:
            user.secret = read_secret(ctx, child, pm.group(2), encrypted=bool(pm.group(1)))
            user.at(child.n, "secret")
            ctx.report.parsed(child)
        elif bm:
            ctx.state.setdefault("user_templates", []).append((user, bm.group(1), child.n))
            ctx.report.parsed(child)
        elif re.fullmatch(r"bind authentication-template \d+", child.text):
            # the login path: written from the default login list (see `render_users`)
            ctx.report.parsed(child)
        else:
            ctx.report.unsupported(child, "user option not translated")


def _template_binding(ctx: Ctx, line: Line, kind: str) -> None:
    """`bind aaa-<kind>-template N` in a `system-user` template: the login path to AAA template
    N, which is read (as the default method list) where it is defined."""
    m = re.fullmatch(rf"bind aaa-{kind}-template (\d+)", line.text)
    if m is None:
        ctx.report.unsupported(line, f"{kind} template option not translated")
    elif m.group(1) == TEMPLATE:
        ctx.report.parsed(line)
    else:
        ctx.report.unsupported(line, f"AAA template {m.group(1)}: only template {TEMPLATE} is read")


SYSTEM_USER_RULES: list[Rule] = [
    rule(
        r"(?:strong-password|strong-username|global-user-aging|user-authen-restriction) .+",
        unsupported="ZXROS password and account policy is not modelled",
    ),
]


def group_protocol(aaa: Aaa, name: str) -> str:
    """The protocol of a server group: as recorded, else its servers', else TACACS+."""
    members = aaa.groups.get(name, [])
    found = next((s.protocol for s in aaa.servers if s.address in members), None)
    return aaa.group_protocols.get(name) or found or "tacacs"


def render_aaa(w: Writer, config: DeviceConfig) -> None:
    aaa = config.system.aaa
    out = w.out
    if aaa.new_model is not None:
        out.ignore(aaa, "new_model", rule="ZXROS AAA templates are always in force")
    tacacs = [s for s in aaa.servers if s.protocol == "tacacs"]
    radius = [s for s in aaa.servers if s.protocol == "radius"]
    if not (aaa.servers or aaa.method_lists or aaa.groups):
        return
    with w.section("aaa"):
        if tacacs:
            w.plain("tacacs enable")
        for s in tacacs:
            key = f" key {write_secret(s.key)}" if s.key is not None else ""
            w.item(f"tacacs-server host {s.address}{key}", s, "protocol", "key")
            for name in ("port", "vrf", "name"):
                if getattr(s, name) is not None:
                    out.unsupported(s, name, reason=f"TACACS+ server {name} is not translated")
        if aaa.source_interface is not None:
            if tacacs:
                w.line(
                    f"tacacs-client source-interface {aaa.source_interface}",
                    aaa,
                    "source_interface",
                )
            else:
                out.unsupported(aaa, "source_interface", reason="RADIUS source interface")
        grouped = {a for members in aaa.groups.values() for a in members}
        out.mark(aaa, "group_protocols")  # each group's view names its protocol
        for name, members in aaa.groups.items():
            _render_group(w, aaa, name, group_protocol(aaa, name), members, radius)
        loose = [s for s in radius if s.address not in grouped]
        if loose:
            names = [s.address for s in loose]
            _render_group(w, aaa, ALL_SERVERS["radius"], "radius", names, radius)
        needs_all_tacacs = any("group:tacacs" in m.methods for m in aaa.method_lists)
        if needs_all_tacacs and tacacs and "tacacs" not in aaa.groups:
            with w.view(f"tacplus group-server {ALL_SERVERS['tacacs']}"):
                for s in tacacs:
                    w.item(f"server {s.address}", s, "protocol")
        for method in aaa.method_lists:
            _render_method(w, aaa, method)


def _render_group(
    w: Writer, aaa: Any, name: str, proto: str, members: list[str], radius: list[AaaServer]
) -> None:
    opener = (
        f"tacplus group-server {name}"
        if proto == "tacacs"
        else f"radius authentication-group {name}"
    )
    group = item_key("groups", name)
    with w.view(opener, None if name in ALL_SERVERS.values() else aaa, group):
        for k, address in enumerate(members, start=1):
            if proto == "tacacs":
                w.line(f"server {address}", aaa, group)
                continue
            server = next((s for s in radius if s.address == address), None)
            key = f" key {write_secret(server.key)}" if server and server.key else ""
            if server is not None:
                w.item(f"server {k} {address}{key}", server, "protocol", "key")
            else:
                w.item(f"server {k} {address}", aaa)
            w.also(aaa, group)
            if server is not None:
                for extra in ("port", "vrf", "name"):
                    if getattr(server, extra) is not None:
                        w.out.unsupported(server, extra, reason=f"RADIUS {extra} not translated")


_SERVICE_TEMPLATES = {
    "login": "authentication",
    "exec": "authorization",
    "accounting": "accounting",
}


def _render_method(w: Writer, aaa: Any, method: AaaMethodList) -> None:
    kind = _SERVICE_TEMPLATES.get(method.service)
    out = w.out
    if kind is None or method.name != "default":
        out.unsupported(
            method,
            *all_fields(method),
            reason=f"{method.service} method list "
            f"{method.name!r}: ZXROS binds numbered templates, not named lists",
        )
        return
    if len(method.methods) > 2:
        out.unsupported(
            method,
            *all_fields(method),
            reason="ZXROS templates try two methods at most: " + " then ".join(method.methods),
        )
        return
    words: list[str] = []
    group: str | None = None
    protocol: str | None = None
    for m in method.methods[:2]:
        if m.startswith("group:"):
            name = m.split(":", 1)[1]
            proto = name if name in ("tacacs", "radius") else group_protocol(aaa, name)
            words.append(proto)
            implicit = name in ALL_SERVERS and name not in aaa.groups
            group, protocol = (ALL_SERVERS[name] if implicit else name), proto
        elif m in ("local", "none"):
            words.append(m)
        else:
            out.unsupported(method, *all_fields(method), reason=f"AAA method {m!r}")
            return
    with w.view(f"aaa-{kind}-template {TEMPLATE}", method):
        w.line(f"aaa-{kind}-type {'-'.join(words)}", method, "methods")
        if group is not None:
            w.line(f"{kind}-{protocol}-group {group}", method, "methods")


#: the `system-user` templates users and remote logins authenticate and are authorized through
#: (template 1 is the one every ZXROS config in the sources binds, to AAA template 2001)
LOGIN_TEMPLATE = 1


def _default_list(aaa: Aaa, service: str) -> AaaMethodList | None:
    """The default list of ``service`` when `_render_method` writes it as template 2001."""
    found = next(
        (m for m in aaa.method_lists if m.service == service and m.name == "default"), None
    )
    if found is None or len(found.methods) > 2:
        return None
    if not all(m.startswith("group:") or m in ("local", "none") for m in found.methods):
        return None
    return found


def render_users(w: Writer, config: DeviceConfig) -> None:
    """`system-user`: templates bound to the AAA templates, one per privilege level, users.

    Without `authentication-template 1` bound to `aaa-authentication-template 2001` the AAA
    template is never asked (the login path of the corpus OLT and the [CTN] script); without
    `bind aaa-authorization-template 2001` a privilege template ignores the exec list.
    """
    users = config.system.users
    aaa = config.system.aaa
    login = _default_list(aaa, "login")
    exec_list = _default_list(aaa, "exec")
    block = config.system.login_block
    if not users and login is None and exec_list is None and block is None:
        return
    levels = sorted({u.privilege for u in users.values() if u.privilege is not None})
    with w.section("system-user"):
        if block is not None:
            # the corpus OLT prints `login block 900 attempts 30 within 120` here
            w.line(
                "login block {} attempts {} within {}".format(*block), config.system, "login_block"
            )
        if users or login is not None or exec_list is not None:
            _system_user(w, config, login, exec_list, levels)


def _system_user(
    w: Writer,
    config: DeviceConfig,
    login: AaaMethodList | None,
    exec_list: AaaMethodList | None,
    levels: list[int],
) -> None:
    users = config.system.users
    with w.view("system-user"):
        if login is not None:
            with w.view(f"authentication-template {LOGIN_TEMPLATE}", login):
                w.line(f"bind aaa-authentication-template {TEMPLATE}", login)
        if exec_list is not None:
            with w.view(f"authorization-template {LOGIN_TEMPLATE}", exec_list):
                w.line(f"bind aaa-authorization-template {TEMPLATE}", exec_list)
        for level in levels:
            with w.view(f"authorization-template {PRIVILEGE_BASE + level}"):
                if exec_list is not None:
                    w.line(f"bind aaa-authorization-template {TEMPLATE}", exec_list)
                w.plain(f"local-privilege-level {level}")
        for user in users.values():
            with w.view(f"user-name {user.name}", user):
                if login is not None:
                    w.line(f"bind authentication-template {LOGIN_TEMPLATE}", login)
                if user.privilege is not None:
                    w.line(
                        f"bind authorization-template {PRIVILEGE_BASE + user.privilege}",
                        user,
                        "privilege",
                    )
                elif exec_list is not None:
                    w.line(f"bind authorization-template {LOGIN_TEMPLATE}", exec_list)
                if user.secret is not None:
                    w.line(f"password {write_secret(user.secret)}", user, "secret")
            if user.role is not None:
                w.out.unsupported(user, "role", reason="user roles are not translated")

"""Render AAA (schemes and ISP domains), local users and user lines in Comware 7 syntax.

See `hp_comware_parse_aaa` for how the model's server groups and method lists map onto
Comware schemes and domains.
"""

from __future__ import annotations

from orchestrator.model import AaaMethodList, AaaServer, DeviceConfig, MgmtLine, System, item_key
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_common import write_secret
from orchestrator.syntax.hp_comware_parse_aaa import DEFAULT_SCHEME, DOMAIN_SERVICES

#: the model's method list services → Comware domain statements
SERVICE_WORDS = {
    service: f"{verb} {word}"
    for (verb, word), service in DOMAIN_SERVICES.items()
    if word != "default"
}
#: web servers → the local user service that lets a user log in to them
WEB_SERVICES = {"http_server": "http", "https_server": "https"}
#: user roles Comware predefines (a local user or line may be given these)
ROLES = {"network-admin", "network-operator", *(f"level-{n}" for n in range(16))}


def _schemes(config: DeviceConfig, out: Emitter) -> list[tuple[str, str, list[AaaServer]]]:
    """(scheme name, protocol, servers in order) for every group and the ungrouped servers."""
    aaa = config.system.aaa
    grouped: set[int] = set()
    schemes: list[tuple[str, str, list[AaaServer]]] = []
    for name, members in aaa.groups.items():
        servers = [s for m in members for s in aaa.servers if m in (s.address, s.name)]
        if not servers or len({s.protocol for s in servers}) != 1:
            out.unsupported(
                aaa, "groups", reason=f"server group {name} has no servers of one protocol"
            )
            continue
        grouped.update(id(s) for s in servers)
        schemes.append((name, servers[0].protocol, servers))
    for protocol, name in DEFAULT_SCHEME.items():
        rest = [s for s in aaa.servers if s.protocol == protocol and id(s) not in grouped]
        if rest:
            schemes.append((name, protocol, rest))
    return schemes


def render_aaa(config: DeviceConfig, out: Emitter) -> None:
    aaa = config.system.aaa
    if aaa.new_model is not None:
        out.ignore(aaa, "new_model", rule="Comware always authenticates through ISP domains")
    if aaa.authorization_console:
        consoles = [line for line in config.system.lines if line.kind == "console"]
        if consoles and all(line.login in ("aaa", "local") for line in consoles):
            out.ignore(
                aaa,
                "authorization_console",
                rule="Comware authorizes console logins through the ISP domain, like every "
                "login on a line with scheme authentication",
            )
        elif consoles and all(line.login == "none" for line in consoles):
            out.ignore(
                aaa,
                "authorization_console",
                rule="the console takes no login (its method list says none): there is no "
                "user to authorize",
            )
        else:
            out.unsupported(
                aaa,
                "authorization_console",
                reason="the console line does not authenticate through AAA here",
            )
    protocols: dict[str, str] = {}
    schemes = _schemes(config, out)
    if not any(protocol == "radius" for _, protocol, _ in schemes):
        for name in ("radius_timeout", "radius_retransmit", "radius_deadtime"):
            if getattr(aaa, name) is not None:
                out.ignore(aaa, name, rule="no RADIUS server is configured to apply it to")
    for name, protocol, servers in schemes:
        protocols[name] = protocol
        word = "hwtacacs" if protocol == "tacacs" else "radius"
        out.plain("#")
        # a source group named like its protocol became the scheme of the loose servers
        grouped = name in aaa.groups or (not aaa.groups and name == protocol)
        with out.view(f"{word} scheme {name}", aaa, item_key("groups", name) if grouped else ""):
            _scheme_body(config, protocol, servers, out)
    for protocol, name in DEFAULT_SCHEME.items():
        protocols.setdefault(name, protocol)
    _domains(aaa.method_lists, protocols, out)
    _default_role(aaa.method_lists, protocols, out)


def _scheme_body(
    config: DeviceConfig, protocol: str, servers: list[AaaServer], out: Emitter
) -> None:
    aaa = config.system.aaa
    roles: tuple[str, ...] = ("authentication", "authorization", "accounting")
    if protocol == "radius":
        roles = ("authentication", "accounting")
    for i, server in enumerate(servers):
        order = "primary" if i == 0 else "secondary"
        for role in roles:
            port = (
                server.acct_port if role == "accounting" and protocol == "radius" else (server.port)
            )
            text = f" {order} {role} {server.address}"
            if port is not None:
                text += f" {port}"
            if server.vrf is not None:
                text += f" vpn-instance {server.vrf}"
            if server.key is not None:
                text += f" key {write_secret(server.key)}"
            out.item(text, server, "protocol", "address", "port", "acct_port", "vrf", "key")
        if server.name is not None:
            out.ignore(server, "name", rule="Comware names servers by their address")
    if protocol == "radius":
        if aaa.radius_timeout is not None:
            out.emit(f" timer response-timeout {aaa.radius_timeout}", aaa, "radius_timeout")
        if aaa.radius_retransmit is not None:
            out.emit(f" retry {aaa.radius_retransmit}", aaa, "radius_retransmit")
        deadtime = aaa.radius_deadtime
        if deadtime is not None and 1 <= deadtime <= 255:
            # a server that stops answering is skipped (blocked) for this many minutes
            out.emit(f" timer quiet {deadtime}", aaa, "radius_deadtime")
        elif deadtime is not None:
            out.unsupported(aaa, "radius_deadtime", reason="Comware's quiet timer is 1-255 minutes")
    out.emit(" user-name-format without-domain", servers[0], "")
    field = f"{protocol}_source_interface"
    source = getattr(aaa, field)
    if source is not None:
        ifc = config.interfaces.get(source)
        if ifc is None or not ifc.ipv4:
            out.unsupported(
                aaa,
                field,
                reason=f"Comware sources AAA packets from an address (nas-ip); {source} has none",
            )
        else:
            out.emit(f" nas-ip {ifc.ipv4[0].address.ip}", aaa, field)


def _domains(lists: list[AaaMethodList], protocols: dict[str, str], out: Emitter) -> None:
    domains: dict[str, list[AaaMethodList]] = {}
    for entry in lists:
        domains.setdefault("system" if entry.name == "default" else entry.name, []).append(entry)
    for domain, entries in domains.items():
        out.plain("#")
        with out.view(f"domain {domain}", entries[0], "name"):
            seen: set[tuple[str, str | None]] = set()
            for entry in entries:
                key = (entry.service, entry.scope)
                statement = SERVICE_WORDS.get(key)
                methods = _methods(entry.methods, protocols)
                if statement is None or methods is None or key in seen:
                    out.unsupported(
                        entry,
                        reason=f"AAA {entry.service} methods "
                        f"{' '.join(entry.methods)} have no Comware form",
                    )
                    continue
                seen.add(key)
                out.emit(f" {statement} {methods}", entry)
                out.mark(entry, "name", "service", "scope", "methods")
                if entry.name not in ("default", domain):
                    out.change(
                        entry,
                        "",
                        note=f"method list {entry.name} becomes ISP domain "
                        f"{domain}: users pick it as user@{domain}",
                    )


def _default_role(lists: list[AaaMethodList], protocols: dict[str, str], out: Emitter) -> None:
    """Users a RADIUS/TACACS+ server gives no privilege get in (IOS: privilege 1, NX-OS:
    network-operator); Comware refuses an AAA user without a role unless told this."""
    remote = [
        e
        for e in lists
        if e.service == "login"
        and any(m.startswith("group:") for m in e.methods)
        and _methods(e.methods, protocols) is not None
    ]
    if not remote:
        return
    out.plain("#")
    out.emit(" role default-role enable", remote[0])
    for entry in remote[1:]:
        out.also(entry)
    for entry in remote:
        out.change(
            entry,
            "",
            note="users the server gives no privilege level log in with the network-operator "
            "role (role default-role enable): Comware refuses AAA users without a role",
        )


def _methods(methods: list[str], protocols: dict[str, str]) -> str | None:
    words: list[str] = []
    for method in methods:
        if method.startswith("group:"):
            name = method[len("group:") :]
            protocol = protocols.get(name)
            if protocol is None:
                return None
            words.append(f"{'hwtacacs' if protocol == 'tacacs' else 'radius'}-scheme {name}")
        elif method in ("local", "none"):
            words.append(method)
        else:
            return None
    return " ".join(words) if words else None


def render_users(system: System, out: Emitter) -> None:
    for user in system.users.values():
        out.plain("#")
        with out.view(f"local-user {user.name} class manage", user):
            if user.secret is not None:
                out.emit(f" password {write_secret(user.secret)}", user, "secret")
            web = [n for n in ("http_server", "https_server") if getattr(system, n)]
            services = " ".join(["ssh telnet terminal", *(WEB_SERVICES[n] for n in web)])
            out.emit(f" service-type {services}", user)
            if web:
                # the web server lets in only users whose services say so
                out.also(system, *web)
            if user.privilege is not None:
                out.emit(
                    f" authorization-attribute user-role level-{user.privilege}", user, "privilege"
                )
            if user.role == "network-operator":
                out.ignore(user, "role", rule="every Comware local user has network-operator")
            elif user.role is not None and user.role in ROLES:
                out.emit(f" authorization-attribute user-role {user.role}", user, "role")
            elif user.role is not None:
                out.unsupported(user, "role", reason=f"role {user.role} has no Comware counterpart")


_LINE_WORD = {"console": "con", "aux": "aux", "vty": "vty"}


def render_lines(system: System, out: Emitter) -> None:
    domains = {e.name for e in system.aaa.method_lists}
    acls: dict[str, tuple[list[MgmtLine], str]] = {}
    for entry in system.lines:
        last = f" {entry.last}" if entry.last is not None else ""
        out.plain("#")
        with out.view(f"line {_LINE_WORD[entry.kind]} {entry.first}{last}", entry):
            out.mark(entry, "kind", "first", "last")
            _line_body(entry, out, domains)
        for field in ("acl_in", "ipv6_acl_in"):
            acl = getattr(entry, field)
            if acl is None:
                continue
            if entry.kind != "vty":
                out.unsupported(
                    entry, field, reason="Comware filters logins by ACL for telnet and SSH only"
                )
            else:
                acls.setdefault(field, ([], acl))[0].append(entry)
    if acls:
        out.plain("#")
    for field, (entries, acl) in acls.items():
        ref = acl if acl.isdigit() else f"name {acl}"
        v6 = "ipv6 " if field == "ipv6_acl_in" else ""
        for server in ("ssh", "telnet"):
            out.emit(f" {server} server {v6}acl {v6}{ref}", entries[0], field)
            for entry in entries[1:]:
                out.also(entry, field)


def _line_body(entry: MgmtLine, out: Emitter, domains: set[str]) -> None:
    if entry.login is not None:
        mode = {"local": "scheme", "aaa": "scheme", "password": "password", "none": "none"}
        out.emit(f" authentication-mode {mode[entry.login]}", entry, "login")
    if entry.password is not None:
        if entry.login == "password":
            out.emit(
                f" set authentication password {write_secret(entry.password)}", entry, "password"
            )
        else:
            out.ignore(
                entry,
                "password",
                rule="the line password is unused: logins on this line are not checked against it",
            )
    if entry.privilege is not None:
        out.emit(f" user-role level-{entry.privilege}", entry, "privilege")
    if entry.exec_timeout is not None:
        minutes, seconds = divmod(entry.exec_timeout, 60)
        out.emit(f" idle-timeout {minutes} {seconds}", entry, "exec_timeout")
    transport = set(entry.transport_input)
    if transport == {"ssh", "telnet"}:
        out.emit(" protocol inbound all", entry, "transport_input")
    elif transport in ({"ssh"}, {"telnet"}):
        out.emit(f" protocol inbound {entry.transport_input[0]}", entry, "transport_input")
    elif transport:
        out.unsupported(
            entry,
            "transport_input",
            reason=f"inbound protocols {' '.join(transport)} have no Comware form",
        )
    if entry.exec is False:
        out.emit(" undo shell", entry, "exec")
    elif entry.exec:
        out.ignore(entry, "exec", rule="terminal service is on by default on every Comware line")
    for name in ("login_list", "authorization_exec"):
        listed = getattr(entry, name)
        if listed is not None and listed != "default" and listed in domains:
            out.carried(
                entry,
                name,
                note=f"Comware lines authenticate through the default domain; "
                f"method list {listed} is ISP domain {listed}, used by logging in as "
                f"user@{listed}",
            )
        elif listed == "default":
            out.ignore(entry, name, rule="the default method list is the default domain's")

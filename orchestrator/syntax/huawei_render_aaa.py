"""VRP AAA: server templates, the `aaa` view (schemes, domains, local users), and the
management lines (`user-interface`)."""

from __future__ import annotations

from collections.abc import Mapping

from orchestrator.model import (
    Aaa,
    AaaMethodList,
    AaaServer,
    DeviceConfig,
    MgmtLine,
    System,
    item_key,
)
from orchestrator.syntax.huawei_common import secret_text
from orchestrator.syntax.huawei_render_base import Writer
from orchestrator.syntax.huawei_render_mgmt import login_block_line

_LINE_KINDS = {"console": "con", "aux": "aux", "vty": "vty"}


def render_aaa_servers(config: DeviceConfig, w: Writer) -> None:
    """Server groups become HWTACACS/RADIUS templates; servers in no group go to the template
    `default` of their protocol (what IOS's `group tacacs+` / `group radius` use)."""
    aaa = config.system.aaa
    grouped: dict[tuple[str, str], list[AaaServer]] = {}
    placed: set[int] = set()
    for name, members in aaa.groups.items():
        servers = [s for s in aaa.servers if s.address in members or s.name in members]
        protocol: str = servers[0].protocol if servers else aaa.group_protocols.get(name, "tacacs")
        grouped[(name, protocol)] = servers
        placed.update(id(s) for s in servers)
    for server in aaa.servers:
        if id(server) not in placed:
            grouped.setdefault(("default", server.protocol), []).append(server)
    source = _tacacs_source(config)
    for (name, protocol), servers in grouped.items():
        _template(w, aaa, name, servers, protocol, source if protocol == "tacacs" else None)
    if aaa.groups:
        w.mark(aaa, "groups", "group_protocols")
    if aaa.new_model is not None:
        w.ignore(aaa, "new_model", rule="AAA is always on in VRP")
    for field in ("source_interface", "tacacs_source_interface", "radius_source_interface"):
        if field == "tacacs_source_interface" and source is not None:
            if not any(p == "tacacs" for _, p in grouped):
                w.ignore(aaa, field, rule="no TACACS+ server is defined to use the source")
            continue
        if getattr(aaa, field):
            w.unsupported(
                aaa,
                field,
                reason="VRP sets the AAA source address per template "
                "(`source-ip`), not by interface",
            )


def default_template(aaa: Aaa, protocol: str) -> str | None:
    """The template VRP uses for IOS's `group tacacs+` / `group radius` (every server of the
    protocol): `default` when servers outside named groups exist, else the one named group
    of that protocol."""
    protocols = {s.address: s.protocol for s in aaa.servers}
    grouped = {a for members in aaa.groups.values() for a in members}
    if any(
        s.protocol == protocol and s.address not in grouped and s.name not in grouped
        for s in aaa.servers
    ):
        return "default"
    named = [
        g
        for g, members in aaa.groups.items()
        if (protocols.get(members[0]) if members else aaa.group_protocols.get(g, "tacacs"))
        == protocol
    ]
    return named[0] if len(named) == 1 else None


def _tacacs_source(config: DeviceConfig) -> str | None:
    """The address TACACS+ packets leave from: the source interface's first IPv4 address
    (VRP names it per template, `hwtacacs-server source-ip`)."""
    name = config.system.aaa.tacacs_source_interface
    ifc = config.interfaces.get(name or "")
    if ifc is None or not ifc.ipv4:
        return None
    return str(ifc.ipv4[0].address.ip)


def _template(
    w: Writer,
    aaa: Aaa,
    name: str,
    servers: list[AaaServer],
    protocol: str,
    source: str | None = None,
) -> None:
    word = "hwtacacs" if protocol == "tacacs" else "radius"
    keys = {s.key for s in servers}
    shared = keys.pop() if len(keys) == 1 else None
    group_node = aaa if name != "default" else None
    with w.view(f"{word}-server template {name}", group_node, item_key("groups", name)):
        if shared is not None:
            w.line_multi(
                f"{word}-server shared-key cipher {secret_text(shared)}",
                [(s, "key") for s in servers],
            )
        for rank, server in enumerate(servers):
            tail = ""
            if server.key is not None and shared is None and protocol == "radius":
                tail += f" shared-key cipher {secret_text(server.key)}"
            if server.vrf:
                tail += f" vpn-instance {server.vrf}"
            if rank and not (protocol == "radius" and w.platform.vpn_ipv4_family):
                tail += " secondary"
            if server.key is not None and shared is None and protocol != "radius":
                tail += f" shared-key cipher {secret_text(server.key)}"
            port = server.port
            if protocol == "radius":
                auth_port, acct_port = port or 1812, server.acct_port or 1813
                w.line(
                    f"radius-server authentication {server.address} {auth_port}{tail}",
                    server,
                    "",
                    "port",
                    "vrf",
                    "key",
                )
                w.line(
                    f"radius-server accounting {server.address} {acct_port}{tail}",
                    server,
                    "",
                    "acct_port",
                    "vrf",
                    "key",
                )
            else:
                port_text = f" {port}" if port else ""
                for role in ("authentication", "authorization", "accounting"):
                    w.line(
                        f"hwtacacs-server {role} {server.address}{port_text}{tail}",
                        server,
                        "",
                        "port",
                        "vrf",
                        "key",
                    )
            if server.name:
                w.ignore(server, "name", rule="VRP names the template, not each server")
            if server.timeout is not None:
                w.unsupported(server, "timeout", reason="VRP sets timeouts per template")
        if source is not None:
            w.line(f"hwtacacs-server source-ip {source}", aaa, "tacacs_source_interface")
    for server in servers:
        w.mark(server, "key")


_SCHEMES = {"login": "authentication", "exec": "authorization", "accounting": "accounting"}


_MODE_WORDS = {"local": "local", "none": "none", "if-authenticated": "if-authenticated"}


def render_aaa(config: DeviceConfig, w: Writer) -> None:
    """`aaa` view: local users and one scheme per method list."""
    system = config.system
    aaa = system.aaa
    protocols = {s.address: s.protocol for s in aaa.servers}
    group_protocol: dict[str, str | None] = {
        g: protocols.get(m[0]) if m else aaa.group_protocols.get(g, "tacacs")
        for g, m in aaa.groups.items()
    }
    if not (system.users or aaa.method_lists or system.login_block):
        return
    with w.view("aaa"):
        lockout = login_block_line(system)
        if lockout is not None:
            w.line(lockout, system, "login_block")
        for method_list in aaa.method_lists:
            kind = _SCHEMES.get(method_list.service)
            modes: list[str] = []
            for method in method_list.methods:
                if method.startswith("group:"):
                    group = method[6:]
                    protocol = {"tacacs": "tacacs", "radius": "radius"}.get(
                        group, group_protocol.get(group)
                    )
                    if protocol is None:
                        modes = []
                        break
                    modes.append("hwtacacs" if protocol == "tacacs" else "radius")
                elif method in _MODE_WORDS:
                    modes.append(_MODE_WORDS[method])
                else:
                    modes = []
                    break
            if kind is None or not modes:
                w.unsupported(
                    method_list,
                    reason=f"no VRP scheme for {method_list.service} "
                    f"methods {' '.join(method_list.methods)}",
                )
                continue
            with w.view(f"{kind}-scheme {method_list.name}", method_list, "", "name", "service"):
                w.line(f"{kind}-mode {' '.join(modes)}", method_list, "methods")
            if method_list.name != "default" and any(
                m.startswith("group:") and m[6:] not in ("tacacs", "radius")
                for m in method_list.methods
            ):
                w.change(
                    method_list,
                    "methods",
                    note="VRP picks the AAA domain from the user "
                    "name (user@domain); a line cannot pick this method list",
                )
        _domains(aaa, group_protocol, w)
        for user in system.users.values():
            _user(config, user, w)


def _domains(aaa: Aaa, group_protocol: Mapping[str, str | None], w: Writer) -> None:
    """A method list that asks servers binds its schemes and the servers' template in an AAA
    domain: the default lists in `default_admin` (the domain of administrators who log in
    without `@domain`), a named list in the domain of its name. Without the template binding
    VRP never asks the servers."""
    domains: dict[str, list[tuple[str, str, AaaMethodList]]] = {}
    dropped = set(w.out.result.dropped)
    for method_list in aaa.method_lists:
        kind = _SCHEMES.get(method_list.service)
        if kind is None or (id(method_list), "") in dropped:
            continue
        templates: list[tuple[str, str]] = []
        for method in method_list.methods:
            if not method.startswith("group:"):
                continue
            group = method[6:]
            if group in ("tacacs", "radius"):
                protocol: str | None = group
                template = default_template(aaa, group)
            else:
                protocol, template = group_protocol.get(group), group
            if template is not None:
                templates.append(("tacacs" if protocol == "tacacs" else "radius", template))
        if not templates:
            continue
        name = "default_admin" if method_list.name == "default" else method_list.name
        items = domains.setdefault(name, [])
        items.append((kind, method_list.name, method_list))
        for protocol, template in templates:
            word = "hwtacacs-server" if protocol == "tacacs" else "radius-server"
            items.append((word, template, method_list))
    for name, items in domains.items():
        items.sort(key=lambda item: item[0].endswith("-server"))  # schemes, then servers
        with w.view(f"domain {name}"):
            seen: set[str] = set()
            for kind, value, node in items:
                if kind.endswith("-server"):
                    if kind in seen:
                        w.change(
                            node,
                            "methods",
                            note=f"a VRP domain asks one {kind[:-7].upper()} template: "
                            f"{value} is not asked for domain {name}",
                        )
                        continue
                    seen.add(kind)
                    w.line(f"{kind} {value}", node, "", "methods")
                    continue
                text = f"{kind}-scheme {value}"
                if text not in seen:
                    seen.add(text)
                    w.line(text, node, "", "methods")


def _user(config: DeviceConfig, user: object, w: Writer) -> None:
    from orchestrator.model import LocalUser

    assert isinstance(user, LocalUser)
    if user.secret is not None:
        w.line(
            f"local-user {user.name} password irreversible-cipher {secret_text(user.secret)}",
            user,
            "",
            "secret",
        )
    if user.privilege is not None:
        w.line(f"local-user {user.name} privilege level {user.privilege}", user, "privilege")
    services = ["terminal", "ssh"]
    if config.system.telnet_server:
        services.append("telnet")
    w.line(f"local-user {user.name} service-type {' '.join(services)}", user)
    if user.role is not None:
        w.unsupported(user, "role", reason="VRP grants rights by privilege level, not by role")


def render_lines(system: System, w: Writer) -> None:
    limit = 20 if w.platform.vpn_ipv4_family else 14
    vty = [ln for ln in system.lines if ln.kind == "vty" and ln.first <= limit]
    top = max((ln.last if ln.last is not None else ln.first for ln in vty), default=0)
    if w.platform.vpn_ipv4_family and top > 4:
        w.line(f"user-interface maximum-vty {top + 1}", vty[-1])
    elif not w.platform.vpn_ipv4_family and top > 4:
        w.line(f"user-interface maximum-vty {min(top + 1, 15)}", vty[-1])
    for line in system.lines:
        _line(line, w)


def _console_vrp8(line: MgmtLine, w: Writer) -> None:
    """The CloudEngine console view takes the authentication mode only."""
    span = f"{line.first}" if line.last is None else f"{line.first} {line.last}"
    with w.view(f"user-interface con {span}", line, "", "first", "last", "kind"):
        if line.login in ("aaa", "password"):
            w.line(f"authentication-mode {line.login}", line, "login")
        elif line.login is not None:
            w.unsupported(line, "login", reason="the CloudEngine console always authenticates")
    if line.privilege is not None and line.login == "aaa":
        w.ignore(line, "privilege", rule="with AAA login the user's own level applies")
    for field in ("password", "privilege", "exec_timeout"):
        if getattr(line, field) is not None and (id(line), field) not in w.out.handled:
            w.unsupported(line, field, reason="the CloudEngine console view has no such setting")
    if line.transport_input:
        w.ignore(line, "transport_input", rule="the console takes no network protocol")
    if line.acl_in is not None:
        w.ignore(line, "acl_in", rule="the console is not reached over the network")
    for field in ("login_list", "authorization_exec"):
        if getattr(line, field) == "default":
            w.ignore(line, field, rule="every VRP line uses the default AAA schemes")
        elif getattr(line, field) is not None:
            w.unsupported(
                line,
                field,
                reason="VRP applies the AAA domain's schemes to every "
                "line; a per-line method list is not translated",
            )


def _line(line: MgmtLine, w: Writer) -> None:
    kind = _LINE_KINDS[line.kind]
    limit = 20 if w.platform.vpn_ipv4_family else 14
    if line.kind == "vty" and line.first > limit:
        w.unsupported(line, reason=f"{w.platform.name} has vty lines 0-{limit} only")
        return
    if line.kind == "aux" and w.platform.vpn_ipv4_family:
        w.unsupported(line, reason="CloudEngine switches have no AUX port")
        return
    if line.kind == "console" and w.platform.vpn_ipv4_family:
        _console_vrp8(line, w)
        return
    span = f"{line.first}" if line.last is None else f"{line.first} {line.last}"
    with w.view(f"user-interface {kind} {span}", line, "", "first", "last", "kind"):
        if line.login is not None:
            w.line(f"authentication-mode {line.login}", line, "login")
        if line.password is not None:
            w.line(
                f"set authentication password cipher {secret_text(line.password)}", line, "password"
            )
        if line.privilege is not None:
            w.line(f"user privilege level {line.privilege}", line, "privilege")
        if line.exec_timeout is not None:
            minutes, seconds = divmod(line.exec_timeout, 60)
            w.line(f"idle-timeout {minutes} {seconds}", line, "exec_timeout")
        transport = line.transport_input
        if transport and line.kind == "vty":
            if transport == ["ssh", "telnet"]:
                w.line("protocol inbound all", line, "transport_input")
            elif transport in (["ssh"], ["telnet"]):
                w.line(f"protocol inbound {transport[0]}", line, "transport_input")
            else:
                w.unsupported(
                    line, "transport_input", reason="VRP vty lines accept SSH, telnet or both"
                )
        elif transport:
            w.ignore(line, "transport_input", rule="the console takes no network protocol")
        if line.acl_in is not None and line.kind == "vty":
            w.line(f"acl {line.acl_in} inbound", line, "acl_in")
        elif line.acl_in is not None:
            w.ignore(line, "acl_in", rule="the console is not reached over the network")
        if line.ipv6_acl_in is not None and line.kind == "vty":
            w.line(f"acl ipv6 {line.ipv6_acl_in} inbound", line, "ipv6_acl_in")
        elif line.ipv6_acl_in is not None:
            w.ignore(line, "ipv6_acl_in", rule="the console is not reached over the network")
        if line.exec is False:
            w.line("undo shell", line, "exec")
        for field in ("login_list", "authorization_exec"):
            value = getattr(line, field)
            if value == "default":
                w.ignore(line, field, rule="every VRP line uses the default AAA schemes")
            elif value is not None:
                w.unsupported(
                    line,
                    field,
                    reason="VRP applies the AAA domain's schemes to "
                    "every line; a per-line method list is not translated",
                )

"""Cisco IOS renderer: AAA (servers, groups, method lists), local users, enable secret and
management lines."""

from __future__ import annotations

from orchestrator.model import Aaa, AaaMethodList, AaaServer, DeviceConfig, MgmtLine, item_key
from orchestrator.syntax.cisco_render_common import Writer, secret

_LINE_NAMES = {"console": "con", "aux": "aux", "vty": "vty"}


def render_aaa(w: Writer, config: DeviceConfig) -> None:
    aaa = config.system.aaa
    w.done(aaa, "servers", "method_lists", "group_protocols")
    if aaa.new_model is not None:
        w.line("aaa new-model" if aaa.new_model else "no aaa new-model", aaa, "new_model")
    for server in aaa.servers:
        if server.name is not None:
            _server_block(w, server)
    _groups(w, aaa)
    for entry in aaa.method_lists:
        _method_list(w, entry)
    if aaa.authorization_console:
        w.line("aaa authorization console", aaa, "authorization_console")
    elif aaa.authorization_console is False:
        w.ignore(aaa, "authorization_console", rule="console authorization is off by default")


def render_aaa_servers(w: Writer, config: DeviceConfig) -> None:
    """Legacy `tacacs-server host` / `radius-server host` lines and the RADIUS globals."""
    aaa = config.system.aaa
    for server in aaa.servers:
        if server.name is None:
            _server_legacy(w, server)
    for field, protocol in (
        ("tacacs_source_interface", "tacacs"),
        ("radius_source_interface", "radius"),
    ):
        value = getattr(aaa, field)
        if value is not None:
            w.line(f"ip {protocol} source-interface {value}", aaa, field)
    for field, word in (
        ("radius_deadtime", "deadtime"),
        ("radius_retransmit", "retransmit"),
        ("radius_timeout", "timeout"),
    ):
        value = getattr(aaa, field)
        if value is not None:
            w.line(f"radius-server {word} {value}", aaa, field)
    for item in aaa.radius_vsa_send:
        w.line(f"radius-server vsa send {item}", aaa, item_key("radius_vsa_send", item))
    if aaa.radius_nas_identifier is not None:
        w.line(
            f"radius-server attribute 32 include-in-access-req format {aaa.radius_nas_identifier}",
            aaa,
            "radius_nas_identifier",
        )
    if aaa.radius_permit_missing_service_type:
        w.line(
            "radius-server authorization permit missing Service-Type",
            aaa,
            "radius_permit_missing_service_type",
        )
    elif aaa.radius_permit_missing_service_type is False:
        w.ignore(
            aaa,
            "radius_permit_missing_service_type",
            rule="IOS rejects RADIUS answers without Service-Type by default",
        )


def _server_legacy(w: Writer, server: AaaServer) -> None:
    if server.protocol == "tacacs":
        text = f"tacacs-server host {server.address}"
        text += f" port {server.port}" if server.port is not None else ""
        if server.acct_port is not None:
            w.unsupported(server, "acct_port", reason="TACACS+ has no accounting port")
    else:
        text = f"radius-server host {server.address}"
        text += f" auth-port {server.port}" if server.port is not None else ""
        text += f" acct-port {server.acct_port}" if server.acct_port is not None else ""
    text += f" timeout {server.timeout}" if server.timeout is not None else ""
    text += f" key 0 {secret(server.key)}" if server.key is not None else ""
    if server.vrf is not None:
        w.unsupported(server, "vrf", reason="IOS names the VRF of AAA servers in their group")
    w.item(text, server, "protocol", "address", "port", "acct_port", "timeout", "key")


def _server_block(w: Writer, server: AaaServer) -> None:
    with w.view(f"{server.protocol} server {server.name}", server, "protocol", "name"):
        text = f" address ipv4 {server.address}" if server.address else ""
        if server.protocol == "radius":
            text += f" auth-port {server.port}" if server.port is not None else ""
            text += f" acct-port {server.acct_port}" if server.acct_port is not None else ""
            if text:
                w.line(text, server, "address", "port", "acct_port")
        else:
            if text:
                w.line(text, server, "address")
            if server.port is not None:
                w.line(f" port {server.port}", server, "port")
            if server.acct_port is not None:
                w.unsupported(server, "acct_port", reason="TACACS+ has no accounting port")
        if server.key is not None:
            w.line(f" key 0 {secret(server.key)}", server, "key")
        if server.timeout is not None:
            w.line(f" timeout {server.timeout}", server, "timeout")
        if server.vrf is not None:
            w.unsupported(server, "vrf", reason="IOS names the VRF of AAA servers in their group")
    w.plain("!")


def _groups(w: Writer, aaa: Aaa) -> None:
    named = {s.name: s for s in aaa.servers if s.name}
    by_address = {s.address: s for s in aaa.servers}
    source_written = aaa.source_interface is None
    for name, members in aaa.groups.items():
        known = [named.get(m) or by_address.get(m) for m in members]
        protocol = aaa.group_protocols.get(name) or next(
            (s.protocol for s in known if s is not None), "tacacs"
        )
        keyword = "tacacs+" if protocol == "tacacs" else "radius"
        lines = aaa.src.get(item_key("groups", name))
        # the header, then one line per member: each target line cites its own source line
        cites = [(n,) for n in lines] if len(lines) == len(members) + 1 else None
        w.cite(f"aaa group server {keyword} {name}", cites[0] if cites else lines, aaa, "groups")
        for i, (member, server) in enumerate(zip(members, known, strict=True)):
            if member in named:
                text = f" server name {member}"
            elif server is not None and server.port and server.acct_port:
                text = f" server {member} auth-port {server.port} acct-port {server.acct_port}"
            else:
                text = f" server {member}"
            w.cite(text, cites[i + 1] if cites else lines, aaa, "groups")
        if not source_written:
            w.line(
                f" ip {protocol} source-interface {aaa.source_interface}", aaa, "source_interface"
            )
            source_written = True
        w.plain("!")
    if not source_written:
        w.unsupported(
            aaa,
            "source_interface",
            reason="IOS sets this source interface in a server group, and there is none",
        )


_SERVICE_COMMANDS = {
    "login": "authentication login",
    "enable": "authentication enable",
    "exec": "authorization exec",
    "network": "authorization network",
}


def _method_list(w: Writer, entry: AaaMethodList) -> None:
    methods: list[str] = []
    for method in entry.methods:
        if method.startswith("group:"):
            group = method[6:]
            methods.append("group tacacs+" if group == "tacacs" else f"group {group}")
        else:
            methods.append(method)
    if entry.service == "accounting" or entry.service == "commands":
        if entry.scope is None:
            w.unsupported(
                entry,
                reason=f"IOS {entry.service} lists name "
                "what they cover (exec, network, commands <level>)",
            )
            return
        kind = "accounting" if entry.service == "accounting" else "authorization"
        command = f"{kind} {entry.scope}"
    else:
        command = _SERVICE_COMMANDS[entry.service]
        if entry.scope is not None:
            w.unsupported(entry, "scope", reason="only accounting and command lists have a scope")
    w.item(
        f"aaa {command} {entry.name} " + " ".join(methods),
        entry,
        "service",
        "name",
        "methods",
        "scope",
    )


def render_users(w: Writer, config: DeviceConfig) -> None:
    system = config.system
    for user in system.users.values():
        text = f"username {user.name}"
        text += f" privilege {user.privilege}" if user.privilege is not None else ""
        text += f" secret 0 {secret(user.secret)}" if user.secret is not None else ""
        if user.secret is None and user.privilege is None:
            text += " nopassword"
        if user.role is not None:
            w.unsupported(user, "role", reason="IOS has privilege levels, not roles")
        w.item(text, user, "name", "privilege", "secret")
    if system.enable_secret is not None:
        w.line(f"enable secret 0 {secret(system.enable_secret)}", system, "enable_secret")


def render_lines(w: Writer, config: DeviceConfig) -> None:
    for entry in config.system.lines:
        last = f" {entry.last}" if entry.last is not None else ""
        with w.view(
            f"line {_LINE_NAMES[entry.kind]} {entry.first}{last}", entry, "kind", "first", "last"
        ):
            _line_body(w, entry)


def _line_body(w: Writer, entry: MgmtLine) -> None:
    if entry.exec is False:
        w.line(" no exec", entry, "exec")
    elif entry.exec:
        w.ignore(entry, "exec", rule="IOS lines run a shell by default")
    if entry.exec_timeout is not None:
        minutes, seconds = divmod(entry.exec_timeout, 60)
        w.line(f" exec-timeout {minutes} {seconds}", entry, "exec_timeout")
    if entry.privilege is not None:
        w.line(f" privilege level {entry.privilege}", entry, "privilege")
    if entry.authorization_exec is not None:
        w.line(f" authorization exec {entry.authorization_exec}", entry, "authorization_exec")
    if entry.password is not None:
        w.line(f" password 0 {secret(entry.password)}", entry, "password")
    if entry.login is not None:
        text = {
            "local": " login local",
            "password": " login",
            "none": " no login",
            "aaa": f" login authentication {entry.login_list or 'default'}",
        }[entry.login]
        w.line(text, entry, "login", "login_list")
    elif entry.login_list is not None:
        w.unsupported(entry, "login_list", reason="a login method list without AAA login")
    if entry.acl_in is not None:
        w.line(f" access-class {entry.acl_in} in", entry, "acl_in")
    if entry.ipv6_acl_in is not None:
        w.line(f" ipv6 access-class {entry.ipv6_acl_in} in", entry, "ipv6_acl_in")
    if entry.max_sessions is not None:
        w.line(f" session-limit {entry.max_sessions}", entry, "max_sessions")
    if entry.transport_input:
        w.line(" transport input " + " ".join(entry.transport_input), entry, "transport_input")

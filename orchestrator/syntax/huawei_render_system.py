"""VRP system statements: identity, DNS, time, logging, SNMP, AAA, users, lines, servers, STP."""

from __future__ import annotations

from collections.abc import Mapping

from orchestrator.model import AaaServer, DeviceConfig, MgmtLine, System
from orchestrator.syntax.huawei_common import secret_text, severity_for_vrp, vlan_text
from orchestrator.syntax.huawei_render_base import Writer

_LINE_KINDS = {"console": "con", "aux": "aux", "vty": "vty"}


def render_identity(config: DeviceConfig, w: Writer) -> None:
    system = config.system
    if system.hostname:
        w.line(f"sysname {system.hostname}", system, "hostname")
    if system.domain_lookup:
        w.line("dns resolve", system, "domain_lookup")
    elif system.domain_lookup is False:
        w.ignore(system, "domain_lookup", rule="VRP resolves names only after `dns resolve`")
    if system.domain_name:
        w.line(f"dns domain {system.domain_name}", system, "domain_name")
    for domain in system.domain_search:
        w.line(f"dns domain {domain}", system, "domain_search")
    for server in system.dns_servers:
        ipv6 = "ipv6 " if ":" in server.address else ""
        vrf = f" vpn-instance {server.vrf}" if server.vrf else ""
        w.line(f"dns server {ipv6}{server.address}{vrf}", server, "", "vrf")
    if system.dns_source_interface:
        w.line(
            f"dns server source-interface {system.dns_source_interface}",
            system,
            "dns_source_interface",
        )
    if system.timezone is not None:
        name, hours, minutes = system.timezone
        sign = "minus" if hours < 0 else "add"
        w.line(
            f"clock timezone {name} {sign} {abs(hours):02d}:{minutes:02d}:00", system, "timezone"
        )


def render_logging(system: System, w: Writer) -> None:
    logging = system.logging
    if logging.enabled is False:
        w.line("undo info-center enable", logging, "enabled")
    elif logging.enabled:
        w.line("info-center enable", logging, "enabled")
    if logging.source_interface:
        w.line(
            f"info-center loghost source {logging.source_interface}", logging, "source_interface"
        )
    for host in logging.hosts.values():
        words = [f"info-center loghost {host.address}"]
        if host.vrf:
            words.append(f"vpn-instance {host.vrf}")
        if host.facility:
            words.append(f"facility {host.facility}")
        if host.port:
            words.append(f"port {host.port}")
        if host.level:
            level = severity_for_vrp(host.level)
            if level is None or not w.platform.vpn_ipv4_family:
                w.unsupported(
                    host, "level", reason="VRP5 filters loghost messages per channel, not per host"
                )
            else:
                words.append(f"level {level}")
        w.line(" ".join(words), host, "", "vrf", "facility", "port", "level")
    for field, channel in (
        ("trap_level", "loghost"),
        ("console_level", "console"),
        ("buffered_level", "logbuffer"),
    ):
        value = getattr(logging, field)
        if value is None:
            continue
        if value == "disable":
            w.line(f"info-center source default channel {channel} log state off", logging, field)
            continue
        level = severity_for_vrp(value)
        if level is None:
            w.unsupported(logging, field, reason=f"severity {value!r} has no VRP name")
            continue
        w.line(f"info-center source default channel {channel} log level {level}", logging, field)
    if logging.buffered_size is not None:
        w.ignore(
            logging,
            "buffered_size",
            rule="VRP keeps a local log buffer by default; it is sized in messages, not bytes",
        )
    if logging.facility is not None and logging.hosts:
        w.ignore(logging, "facility", rule="the facility is set per loghost on VRP")


def render_snmp(system: System, w: Writer) -> None:
    snmp = system.snmp
    versions: list[str] = []
    if snmp.communities or snmp.hosts:
        versions.append("v2c" if all(h.version != "1" for h in snmp.hosts) else "v1 v2c")
    if snmp.users:
        versions.append("v3")
    if versions:
        w.line(f"snmp-agent sys-info version {' '.join(versions)}", snmp, "communities")
    for community in snmp.communities:
        words = [
            "snmp-agent community",
            "write" if community.access == "rw" else "read",
            "cipher",
            secret_text(community.name),
        ]
        if community.view:
            words.append(f"mib-view {community.view}")
        if community.acl:
            words.append(f"acl {community.acl}")
        w.line(" ".join(words), community, "", "name", "access", "view", "acl")
    for host in snmp.hosts:
        kind = "inform" if host.kind == "informs" else "trap"
        vrf = f" vpn-instance {host.vrf}" if host.vrf else ""
        version = {"1": "v1", "2c": "v2c", "3": "v3"}[host.version]
        w.line(
            f"snmp-agent target-host {kind} address udp-domain {host.address}{vrf} params "
            f"securityname cipher {secret_text(host.community)} {version}",
            host,
            "",
            "community",
            "version",
            "vrf",
            "kind",
        )
    for user in snmp.users.values():
        head = f"snmp-agent usm-user v3 {user.name}"
        w.line(f"{head} {user.group}" if user.group else head, user, "", "group")
        if user.auth:
            key = f" cipher {secret_text(user.auth_key)}" if user.auth_key else ""
            w.line(f"{head} authentication-mode {user.auth}{key}", user, "auth", "auth_key")
        if user.priv:
            key = f" cipher {secret_text(user.priv_key)}" if user.priv_key else ""
            mode = "des56" if user.priv == "des" else "aes128"
            w.line(f"{head} privacy-mode {mode}{key}", user, "priv", "priv_key")
    if snmp.location:
        w.line(f"snmp-agent sys-info location {snmp.location}", snmp, "location")
    if snmp.contact:
        w.line(f"snmp-agent sys-info contact {snmp.contact}", snmp, "contact")
    if snmp.source_interface:
        w.line(f"snmp-agent trap source {snmp.source_interface}", snmp, "source_interface")
    if snmp.traps_enabled:
        w.line("snmp-agent trap enable", snmp, "traps_enabled")
    if snmp.ifindex_persist:
        w.ignore(snmp, "ifindex_persist", rule="VRP keeps interface indexes across reboots")


def render_ntp(system: System, w: Writer) -> None:
    ntp = system.ntp
    word = w.platform.ntp_word
    cloudengine = word == "ntp"
    if ntp.authenticate:
        w.line(f"{word} authentication enable", ntp, "authenticate")
    for key_id, key in sorted(ntp.keys.items()):
        w.line(
            f"{word} authentication-keyid {key_id} authentication-mode md5 cipher "
            f"{secret_text(key)}",
            ntp,
            "keys",
        )
    for key_id in ntp.trusted_keys:
        reliable = "trusted" if cloudengine else "reliable"
        w.line(f"{word} {reliable} authentication-keyid {key_id}", ntp, "trusted_keys")
    if ntp.source_interface:
        source = "server source-interface" if cloudengine else "source-interface"
        w.line(f"{word} {source} {ntp.source_interface}", ntp, "source_interface")
    for server in ntp.servers.values():
        words = [f"{word} unicast-server {server.address}"]
        if server.vrf:
            words.append(f"vpn-instance {server.vrf}")
        if server.key_id is not None:
            words.append(f"authentication-keyid {server.key_id}")
        if server.prefer:
            words.append("preferred" if cloudengine else "preference")
        w.line(" ".join(words), server, "", "vrf", "key_id", "prefer")
    if ntp.master:
        w.unsupported(
            ntp,
            "master",
            "master_stratum",
            reason="serving time from the local clock (NTP master) is not translated",
        )


def render_aaa_servers(config: DeviceConfig, w: Writer) -> None:
    """Server groups become HWTACACS/RADIUS templates; servers in no group go to `default`."""
    aaa = config.system.aaa
    grouped: dict[str, list[AaaServer]] = {}
    placed: set[int] = set()
    for name, members in aaa.groups.items():
        grouped[name] = [s for s in aaa.servers if s.address in members or s.name in members]
        placed.update(id(s) for s in grouped[name])
    rest = [s for s in aaa.servers if id(s) not in placed]
    if rest:
        grouped.setdefault("default", []).extend(rest)
    for name, servers in grouped.items():
        _template(w, aaa, name, servers, servers[0].protocol)
    if aaa.groups:
        w.mark(aaa, "groups")
    if aaa.new_model is not None:
        w.ignore(aaa, "new_model", rule="AAA is always on in VRP")
    for field in ("source_interface", "tacacs_source_interface", "radius_source_interface"):
        if getattr(aaa, field):
            w.unsupported(
                aaa,
                field,
                reason="VRP sets the AAA source address per template "
                "(`source-ip`), not by interface",
            )


def _template(w: Writer, aaa: object, name: str, servers: list[AaaServer], protocol: str) -> None:
    word = "hwtacacs" if protocol == "tacacs" else "radius"
    keys = {s.key for s in servers}
    shared = keys.pop() if len(keys) == 1 else None
    group_node = aaa if name != "default" else None
    with w.view(f"{word}-server template {name}", group_node, "groups"):  # type: ignore[arg-type]
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
    for server in servers:
        w.mark(server, "key")


_SCHEMES = {"login": "authentication", "exec": "authorization", "accounting": "accounting"}
_MODE_WORDS = {"local": "local", "none": "none", "if-authenticated": "if-authenticated"}


def render_aaa(config: DeviceConfig, w: Writer) -> None:
    """`aaa` view: local users and one scheme per method list."""
    system = config.system
    aaa = system.aaa
    protocols = {s.address: s.protocol for s in aaa.servers}
    group_protocol = {g: protocols.get(m[0]) for g, m in aaa.groups.items() if m}
    if not (system.users or aaa.method_lists):
        return
    with w.view("aaa"):
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


def _domains(aaa: object, group_protocol: Mapping[str, str | None], w: Writer) -> None:
    """A method list naming a server group binds that group's template in an AAA domain."""
    from orchestrator.model import Aaa

    assert isinstance(aaa, Aaa)
    domains: dict[str, list[tuple[str, str, object]]] = {}
    for method_list in aaa.method_lists:
        kind = _SCHEMES.get(method_list.service)
        groups = [
            m[6:]
            for m in method_list.methods
            if m.startswith("group:") and m[6:] not in ("tacacs", "radius")
        ]
        if kind is None or not groups or (id(method_list), "") in {p for p in w.out.result.dropped}:
            continue
        name = "default_admin" if method_list.name == "default" else method_list.name
        domains.setdefault(name, []).append((kind, method_list.name, method_list))
        for group in groups:
            protocol = group_protocol.get(group)
            word = "hwtacacs-server" if protocol == "tacacs" else "radius-server"
            domains[name].append(("template", f"{word} {group}", method_list))
    for name, items in domains.items():
        with w.view(f"domain {name}"):
            seen: set[str] = set()
            for kind, value, node in items:
                text = value if kind == "template" else f"{kind}-scheme {value}"
                if text not in seen:
                    seen.add(text)
                    w.line(text, node, "methods")  # type: ignore[arg-type]


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


def render_enable(system: System, w: Writer) -> None:
    if system.enable_secret is not None and w.platform.vpn_ipv4_family:
        w.ignore(
            system,
            "enable_secret",
            rule="VRP8 gives each user its level at login; there is no enable password",
        )
    elif system.enable_secret is not None:
        w.line(
            f"super password level 15 cipher {secret_text(system.enable_secret)}",
            system,
            "enable_secret",
        )


def render_servers(system: System, w: Writer) -> None:
    """SSH, telnet and web servers."""
    if system.ssh_server:
        w.line("stelnet server enable", system, "ssh_server")
        if system.users:
            w.line("ssh authentication-type default password", system, "ssh_server")
    elif system.ssh_server is False:
        w.line("undo stelnet server enable", system, "ssh_server")
    if system.ssh_version == 2:
        w.ignore(system, "ssh_version", rule="VRP's SSH server speaks SSHv2")
    elif system.ssh_version is not None:
        w.unsupported(system, "ssh_version", reason="SSHv1 is not translated")
    if system.ssh_timeout is not None:
        w.line(f"ssh server timeout {system.ssh_timeout}", system, "ssh_timeout")
    cloudengine = w.platform.vpn_ipv4_family
    if system.telnet_server:
        w.line("telnet server enable", system, "telnet_server")
    elif system.telnet_server is False:
        w.line(
            "telnet server disable" if cloudengine else "undo telnet server enable",
            system,
            "telnet_server",
        )
    for field, word in (("http_server", "server"), ("https_server", "secure-server")):
        value = getattr(system, field)
        if value is None:
            continue
        if cloudengine:
            if value:
                w.unsupported(
                    system,
                    field,
                    reason="the CloudEngine web server is managed "
                    "through the `http` view services, not translated",
                )
            else:
                w.ignore(system, field, rule="the web server is off unless configured")
        else:
            w.line(f"{'' if value else 'undo '}http {word} enable", system, field)


def render_stp(config: DeviceConfig, w: Writer) -> None:
    system = config.system
    if system.stp_mode is not None:
        mode = "vbst" if system.stp_mode == "rapid-pvst" else system.stp_mode
        w.line(f"stp mode {mode}", system, "stp_mode")
    if not system.stp_priority:
        return
    if system.stp_mode == "rapid-pvst" and w.platform.vbst:
        by_priority: dict[int, list[int]] = {}
        for vid, priority in system.stp_priority.items():
            by_priority.setdefault(priority, []).append(vid)
        for priority, vids in sorted(by_priority.items()):
            for chunk in vlan_text(vids):
                w.line(f"stp vlan {chunk} priority {priority}", system, "stp_priority")
        return
    for key, priority in sorted(system.stp_priority.items()):
        if key == 0:
            w.line(f"stp priority {priority}", system, "stp_priority")
        elif system.stp_mode == "mstp":
            w.line(f"stp instance {key} priority {priority}", system, "stp_priority")
        else:
            w.unsupported(
                system,
                "stp_priority",
                reason="per-VLAN bridge priorities need "
                "MSTP instances on VRP; design the instances and set "
                "`stp instance N priority`",
            )
            return


def render_bpdu_protection(config: DeviceConfig, w: Writer) -> None:
    guarded = [i for i in config.interfaces.values() if i.stp_bpdu_guard]
    edge = [i for i in guarded if i.stp_edge]
    for ifc in guarded:
        if not ifc.stp_edge:
            w.unsupported(
                ifc,
                "stp_bpdu_guard",
                reason="VRP guards edge ports only (global "
                "`stp bpdu-protection`); this port is not an edge port",
            )
    if edge:
        w.line_multi("stp bpdu-protection", [(ifc, "stp_bpdu_guard") for ifc in edge])


def render_header(system: System, w: Writer) -> None:
    for key, word in (("login", "login"), ("exec", "shell")):
        text = system.banners.get(key)
        if text is None:
            continue
        delim = next((d for d in '"%@~^' if d not in text), None)
        if delim is None:
            w.unsupported(system, "banners", reason="banner text uses every delimiter VRP accepts")
            continue
        w.line(f"header {word} information {delim}{text}{delim}", system, "banners")
    for key in system.banners:
        if key not in ("login", "exec"):
            w.unsupported(system, "banners", reason=f"VRP has no {key} banner")


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
        if getattr(line, field) is not None and (id(line), field) not in w.handled:
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

"""VRP system statements: identity, DNS, time, logging, SNMP, AAA, users, lines, servers, STP.

Handlers fill `DeviceConfig.system`; VRP5 (`ntp-service`) and CloudEngine VRP8 (`ntp`) spellings
are both read. Statements that only make sense on the source box carry an ignore rule.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from orchestrator.model import (
    AaaMethodList,
    AaaServer,
    LocalUser,
    MgmtLine,
    Server,
    SnmpCommunity,
    SnmpHost,
    SnmpUser,
)
from orchestrator.syntax.huawei_common import ifname, read_secret, severity_for_model
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule
from orchestrator.syntax.text import Line


def _sys(field: str, transform: Any = None) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        value = m.group(1).strip()
        setattr(ctx.config.system, field, transform(value) if transform else value)
        ctx.config.system.at(line.n, field)

    return handler


def _sys_flag(field: str, value: bool) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        setattr(ctx.config.system, field, value)
        ctx.config.system.at(line.n, field)

    return handler


def s_dns_domain(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    if system.domain_name is None:
        system.domain_name = m.group(1)
        system.at(line.n, "domain_name")
    else:
        system.domain_search.append(m.group(1))
        system.at(line.n, "domain_search")


def s_dns_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    server = Server(address=m.group(1), vrf=m.group(2))
    server.at(line.n)
    ctx.config.system.dns_servers.append(server)
    ctx.config.system.at(line.n, "dns_servers")


def s_dns_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.dns_source_interface = ifname(ctx, m.group(1))
    ctx.config.system.at(line.n, "dns_source_interface")


def s_timezone(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    hours, minutes = int(m.group(3)), int(m.group(4))
    if m.group(2) == "minus":
        hours = -hours
    ctx.config.system.timezone = (m.group(1), hours, minutes)
    ctx.config.system.at(line.n, "timezone")


def s_ntp_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(1).split()
    server = Server(address=words.pop(0))
    ntp = ctx.config.system.ntp
    while words:
        word = words.pop(0)
        if word in ("preference", "preferred", "prefer"):
            server.prefer = True
        elif word == "authentication-keyid" and words:
            server.key_id = int(words.pop(0))
        elif word == "vpn-instance" and words:
            server.vrf = words.pop(0)
        elif word == "source-interface" and words:
            ntp.source_interface = ifname(ctx, words.pop(0))
            ntp.at(line.n, "source_interface")
        elif word in ("version", "port", "maxpoll", "minpoll") and words:
            words.pop(0)
        elif word in ("burst", "iburst"):
            continue
        else:
            ctx.report.unsupported(line, f"NTP server option {word!r} not translated")
            return
    server.at(line.n)
    ntp.servers[server.address] = server
    ntp.at(line.n, "servers")


def s_ntp_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.source_interface = ifname(ctx, m.group(1))
    ntp.at(line.n, "source_interface")


def s_ntp_auth(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.ntp.authenticate = True
    ctx.config.system.ntp.at(line.n, "authenticate")


def s_ntp_key(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if m.group(2) != "md5":
        ctx.report.unsupported(line, f"NTP {m.group(2)} keys are not translated (only MD5)")
        return
    ntp = ctx.config.system.ntp
    ntp.keys[int(m.group(1))] = read_secret(ctx, line, m.group(4), m.group(3))
    ntp.at(line.n, "keys")


def s_ntp_trusted(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.trusted_keys.append(int(m.group(1)))
    ntp.at(line.n, "trusted_keys")


def s_info_center(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    logging = ctx.config.system.logging
    logging.enabled = m.group(1) is None
    logging.at(line.n, "enabled")


def s_loghost(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(1).split()
    server = Server(address=words.pop(0))
    while words:
        word = words.pop(0)
        if word == "vpn-instance" and words:
            server.vrf = words.pop(0)
        elif word == "facility" and words:
            server.facility = words.pop(0)
        elif word == "port" and words:
            server.port = int(words.pop(0))
        elif word == "level" and words:
            server.level = severity_for_model(words.pop(0))
        elif word in ("channel", "language") and words:
            words.pop(0)
        elif word in ("local-time", "utc", "public-net"):
            continue
        else:
            ctx.report.unsupported(line, f"loghost option {word!r} not translated")
            return
    server.at(line.n)
    ctx.config.system.logging.hosts[server.address] = server
    ctx.config.system.logging.at(line.n, "hosts")


def s_loghost_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    logging = ctx.config.system.logging
    logging.source_interface = ifname(ctx, m.group(1))
    logging.at(line.n, "source_interface")


_CHANNEL_FIELD = {
    "loghost": "trap_level",
    "2": "trap_level",
    "console": "console_level",
    "0": "console_level",
    "logbuffer": "buffered_level",
    "4": "buffered_level",
}


def s_info_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`info-center source default channel <ch> log level <sev>` / `log state off|on`."""
    field = _CHANNEL_FIELD.get(m.group(1))
    if field is None:
        ctx.report.unsupported(line, f"info-center channel {m.group(1)} not translated")
        return
    if m.group(3) == "on":
        ctx.report.ignored(line, "a log channel is on by default")
        return
    logging = ctx.config.system.logging
    value = "disable" if m.group(3) == "off" else severity_for_model(m.group(2))
    setattr(logging, field, value)
    logging.at(line.n, field)


def s_logbuffer(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.report.unsupported(line, "VRP sizes the log buffer in messages; other vendors in bytes")


# --- SNMP -------------------------------------------------------------------------------------


def s_snmp_community(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(2).split()
    form = None
    if words[0] == "cipher":
        form = words.pop(0)
    name = words.pop(0)
    community = SnmpCommunity(name=read_secret(ctx, line, name, form or "plain"))
    community.access = "rw" if m.group(1) == "write" else "ro"
    while words:
        word = words.pop(0)
        if word == "acl" and words:
            community.acl = words.pop(0)
        elif word == "mib-view" and words:
            community.view = words.pop(0)
        elif word == "alias" and words:
            words.pop(0)
        else:
            ctx.report.unsupported(line, f"community option {word!r} not translated")
            return
    community.at(line.n)
    ctx.config.system.snmp.communities.append(community)
    ctx.config.system.snmp.at(line.n, "communities")


def s_snmp_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind = "informs" if m.group(1) == "inform" else "traps"
    words = m.group(3).split()
    vrf = None
    while words and words[0] != "params":
        word = words.pop(0)
        if word == "vpn-instance" and words:
            vrf = words.pop(0)
        elif word in ("udp-port", "source") and words:
            words.pop(0)
        elif word == "public-net":
            continue
        else:
            ctx.report.unsupported(line, f"target-host option {word!r} not translated")
            return
    if words[:2] != ["params", "securityname"] or len(words) < 3:
        ctx.report.unsupported(line, "target-host without a security name")
        return
    words = words[2:]
    form = words.pop(0) if words[0] == "cipher" else "plain"
    secret = read_secret(ctx, line, words.pop(0), form)
    version = "2c"
    for word in words:
        if word in ("v1", "v2c", "v3"):
            version = word[1:]
    host = SnmpHost(address=m.group(2), community=secret, vrf=vrf, kind=kind)  # type: ignore[arg-type]
    host.version = version  # type: ignore[assignment]
    host.at(line.n)
    ctx.config.system.snmp.hosts.append(host)
    ctx.config.system.snmp.at(line.n, "hosts")


def s_snmp_field(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        snmp = ctx.config.system.snmp
        value = m.group(1).strip()
        if field == "source_interface":
            value = ifname(ctx, value)
        setattr(snmp, field, value)
        snmp.at(line.n, field)

    return handler


def s_snmp_traps(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.snmp.traps_enabled = True
    ctx.config.system.snmp.at(line.n, "traps_enabled")


def s_snmp_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(1).split()
    name = words.pop(0)
    snmp = ctx.config.system.snmp
    user = snmp.users.get(name) or SnmpUser(name=name)
    snmp.users[name] = user
    user.at(line.n)
    if words and words[0] not in ("authentication-mode", "privacy-mode", "acl"):
        user.group = words.pop(0)
        user.at(line.n, "group")
    while words:
        word = words.pop(0)
        if word == "authentication-mode" and words:
            mode = words.pop(0)
            user.auth = "sha" if mode.startswith("sha") else "md5"
            user.at(line.n, "auth")
            if words and words[0] == "cipher" and len(words) > 1:
                words.pop(0)
                user.auth_key = read_secret(ctx, line, words.pop(0), "cipher")
                user.at(line.n, "auth_key")
        elif word == "privacy-mode" and words:
            mode = words.pop(0)
            user.priv = "des" if mode.startswith("des") else "aes128"
            user.at(line.n, "priv")
            if words and words[0] == "cipher" and len(words) > 1:
                words.pop(0)
                user.priv_key = read_secret(ctx, line, words.pop(0), "cipher")
                user.at(line.n, "priv_key")
        else:
            ctx.report.unsupported(line, f"usm-user option {word!r} not translated")
            return
    snmp.at(line.n, "users")


# --- AAA, users, management lines ---------------------------------------------------------


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
    """Name the server group a scheme uses after the template its domain binds."""
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


AAA_RULES: list[Rule] = [
    rule(r"local-user (\S+) (.+)", a_local_user),
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
    rule(r"shell|undo shell", ignore="the shell is on by default"),
]


def s_stp_mode(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    mode = {"vbst": "rapid-pvst"}.get(m.group(1), m.group(1))
    ctx.config.system.stp_mode = mode  # type: ignore[assignment]
    ctx.config.system.at(line.n, "stp_mode")


def s_stp_priority(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.stp_priority[int(m.group(1) or 0)] = int(m.group(2))
    system.at(line.n, "stp_priority")


def s_stp_vlan_priority(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    from orchestrator.syntax.huawei_common import vrp_vlans

    system = ctx.config.system
    for vid in vrp_vlans(m.group(1).split()):
        system.stp_priority[vid] = int(m.group(2))
    system.at(line.n, "stp_priority")


def s_bpdu_protection(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.state["bpdu_protection"] = line.n


def s_enable_secret(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.enable_secret = read_secret(ctx, line, m.group(2), m.group(1))
    ctx.config.system.at(line.n, "enable_secret")


SYSTEM_TOP: list[Rule] = [
    rule(r"sysname (.+)", _sys("hostname")),
    rule(r"dns resolve", _sys_flag("domain_lookup", True)),
    rule(r"dns domain (\S+)", s_dns_domain),
    rule(r"dns server (?:ipv6 )?(\S+)(?: vpn-instance (\S+))?", s_dns_server),
    rule(r"dns server source-interface (.+)", s_dns_source),
    rule(r"clock timezone (\S+) (add|minus) (\d+)(?::(\d+))?(?::\d+)?", s_timezone),
    rule(r"ntp(?:-service)? unicast-server (.+)", s_ntp_server),
    rule(r"ntp-service source-interface (.+)", s_ntp_source),
    rule(r"ntp server source-interface (.+)", s_ntp_source),
    rule(r"ntp(?:-service)? authentication enable", s_ntp_auth),
    rule(
        r"ntp(?:-service)? authentication-keyid (\d+) authentication-mode (\S+) "
        r"(?:(cipher|plain) )?(\S+)",
        s_ntp_key,
    ),
    rule(r"ntp-service reliable authentication-keyid (\d+)", s_ntp_trusted),
    rule(r"ntp trusted authentication-keyid (\d+)", s_ntp_trusted),
    rule(r"(undo )?info-center enable", s_info_center),
    rule(r"info-center loghost source (.+)", s_loghost_source),
    rule(r"info-center loghost (\d[\d.]*(?: .*)?)", s_loghost),
    rule(
        r"info-center source default channel (\S+) log (?:level (\S+)|state (off|on))",
        s_info_source,
    ),
    rule(r"info-center logbuffer size \d+", s_logbuffer),
    rule(r"info-center timestamp .+", ignore="log timestamp format is a display setting"),
    rule(r"snmp-agent", ignore="the SNMP agent starts with its first community or user"),
    rule(r"snmp-agent local-engineid \S+", ignore="the engine ID is generated per box"),
    rule(
        r"snmp-agent sys-info version .+",
        ignore="SNMP versions follow from the communities and users configured",
    ),
    rule(r"snmp-agent community (read|write) (.+)", s_snmp_community),
    rule(
        r"snmp-agent target-host (?:host-name \S+ )?(trap|inform) address udp-domain (\S+) "
        r"(.+)",
        s_snmp_host,
    ),
    rule(r"snmp-agent sys-info location (.+)", s_snmp_field("location")),
    rule(r"snmp-agent sys-info contact (.+)", s_snmp_field("contact")),
    rule(r"snmp-agent trap source (.+)", s_snmp_field("source_interface")),
    rule(r"snmp-agent trap enable(?: .*)?", s_snmp_traps),
    rule(r"snmp-agent usm-user v3 (.+)", s_snmp_user),
    rule(
        r"snmp-agent (?:mib-view|group) .+", unsupported="SNMP views and groups are not translated"
    ),
    rule(r"aaa", p_aaa),
    rule(r"(hwtacacs|radius)-server template (\S+)", p_aaa_template),
    rule(r"radius-server group (\S+)", p_radius_group),
    rule(r"user-interface (con|console|vty|aux) (\d+)(?: (\d+))?", p_user_interface),
    rule(
        r"user-interface maximum-vty \d+",
        ignore="the number of vty lines follows from the lines configured",
    ),
    rule(r"stelnet server enable", _sys_flag("ssh_server", True)),
    rule(r"undo stelnet server enable", _sys_flag("ssh_server", False)),
    rule(r"ssh server timeout (\d+)", _sys("ssh_timeout", int)),
    rule(r"telnet server enable", _sys_flag("telnet_server", True)),
    rule(r"(?:undo telnet server enable|telnet server disable)", _sys_flag("telnet_server", False)),
    rule(r"http server enable", _sys_flag("http_server", True)),
    rule(r"undo http server enable", _sys_flag("http_server", False)),
    rule(r"http secure-server enable", _sys_flag("https_server", True)),
    rule(r"undo http secure-server enable", _sys_flag("https_server", False)),
    rule(r"lldp enable", _sys_flag("lldp", True)),
    rule(r"undo lldp enable", _sys_flag("lldp", False)),
    rule(r"stp mode (stp|rstp|mstp|vbst)", s_stp_mode),
    rule(r"stp (?:instance (\d+) )?priority (\d+)", s_stp_priority),
    rule(r"stp vlan ([\d to]+) priority (\d+)", s_stp_vlan_priority),
    rule(r"stp bpdu-protection", s_bpdu_protection),
    rule(
        r"super password (?:level 15 )?(cipher|irreversible-cipher|simple) (\S+)", s_enable_secret
    ),
    rule(r"ipv6", _sys_flag("ipv6_routing", True)),
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

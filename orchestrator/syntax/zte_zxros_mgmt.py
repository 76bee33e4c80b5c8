"""ZXROS management services: NTP, syslog (`syslog-server`) and SNMP (`snmp-server`)."""

from __future__ import annotations

import re
from typing import Any, Literal

from orchestrator.model import (
    DeviceConfig,
    Server,
    SnmpCommunity,
    SnmpHost,
    SnmpUser,
    SummerTime,
    item_key,
)
from orchestrator.syntax.rules import Ctx, Rule, rule, set_field
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import (
    Writer,
    all_fields,
    quote,
    read_secret,
    unquote,
    write_secret,
)


def s_ntp_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    server = Server(address=m.group(1))
    words = (m.group(2) or "").split()
    while words:
        word = words.pop(0)
        if word == "vrf" and words:
            server.vrf = words.pop(0)
        elif word == "priority" and words:
            server.prefer = words.pop(0) == "1"
        elif word == "key" and words:
            server.key_id = int(words.pop(0))
        elif word == "version" and words:
            words.pop(0)
        else:
            ctx.report.unsupported(line, f"NTP server option {word!r} not translated")
            return
    server.at(line.n)
    ntp.servers[server.address] = server
    ntp.at(line.n, "servers")


def s_ntp_key(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.keys[int(m.group(1))] = read_secret(
        ctx, line, m.group(3), encrypted=m.group(2) == "encrypted"
    )
    ntp.at(line.n, "keys")


def s_ntp_trusted(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.trusted_keys.append(int(m.group(1)))
    ntp.at(line.n, "trusted_keys")


def s_syslog_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    logging = ctx.config.system.logging
    server = Server(address=m.group(1), port=int(m.group(2)) if m.group(2) else None)
    server.at(line.n)
    logging.hosts[server.address] = server
    logging.at(line.n, "hosts")


def s_syslog_facility(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    set_field(ctx.config.system.logging, line, "facility", m.group(1))


def s_snmp_community(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = read_secret(ctx, line, m.group(2), encrypted=m.group(1) is not None)
    view = None if m.group(3) in (None, "AllView") else m.group(3)
    entry = SnmpCommunity(name=name, access=m.group(4), acl=m.group(5), view=view)  # type: ignore[arg-type]
    entry.at(line.n)
    snmp = ctx.config.system.snmp
    snmp.communities.append(entry)
    snmp.at(line.n, "communities")


def s_snmp_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind: Literal["traps", "informs"] = "informs" if m.group(3) == "inform" else "traps"
    community = read_secret(ctx, line, m.group(5))
    host = SnmpHost(
        address=m.group(1),
        vrf=m.group(2),
        kind=kind,
        version=m.group(4),  # type: ignore[arg-type]
        community=community,
    )
    host.at(line.n)
    snmp = ctx.config.system.snmp
    snmp.hosts.append(host)
    snmp.at(line.n, "hosts")


def s_snmp_field(name: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        set_field(ctx.config.system.snmp, line, name, unquote(m.group(1)))

    return handler


def render_ntp(w: Writer, config: DeviceConfig) -> None:
    ntp = config.system.ntp
    if not (ntp.servers or ntp.keys or ntp.authenticate):
        return
    with w.section("ntp"):
        w.plain("ntp enable")
        if ntp.source_interface is not None:
            w.line(f"ntp source interface {ntp.source_interface}", ntp, "source_interface")
        if ntp.authenticate:
            w.line("ntp authenticate", ntp, "authenticate")
        for key_id, key in ntp.keys.items():
            text = f"ntp authentication-key {key_id} md5 clear {write_secret(key)}"
            w.line(text, ntp, item_key("keys", key_id))
        for key_id in ntp.trusted_keys:
            w.line(f"ntp trusted-key {key_id}", ntp, item_key("trusted_keys", key_id))
        for server in ntp.servers.values():
            text = f"ntp server {server.address}"
            text += f" vrf {server.vrf}" if server.vrf else ""
            text += " priority 1" if server.prefer else ""
            text += f" key {server.key_id}" if server.key_id is not None else ""
            w.item(text, server, "address", "vrf", "prefer", "key_id")


_LEVELS = (
    "emergencies",
    "alerts",
    "critical",
    "errors",
    "warnings",
    "notifications",
    "informational",
    "debugging",
)


def render_logging(w: Writer, config: DeviceConfig) -> None:
    logging = config.system.logging
    out = w.out
    with w.section("syslog"):
        for host in logging.hosts.values():
            port = f" fport {host.port}" if host.port is not None else ""
            w.item(f"syslog-server host {host.address}{port}", host, "address", "port")
            if host.vrf is not None:
                out.unsupported(host, "vrf", reason="syslog hosts in a VRF are not translated")
            if host.level is not None:
                out.unsupported(host, "level", reason="per-host syslog levels are not translated")
            if host.facility is not None:
                # prepare lifts a facility every host shares to the global one
                out.unsupported(host, "facility", reason="ZXROS uses one facility for all hosts")
        if logging.facility is not None:
            w.line(f"syslog-server facility {logging.facility}", logging, "facility")
        if logging.source_interface is not None:
            w.line(
                f"syslog-server source interface {logging.source_interface}",
                logging,
                "source_interface",
            )
        if logging.trap_level is not None:
            if logging.trap_level in _LEVELS:
                w.line(f"syslog level {logging.trap_level}", logging, "trap_level")
            else:
                out.unsupported(logging, "trap_level", reason="numeric syslog level")
        for name in ("buffered_size", "buffered_level", "console_level"):
            if getattr(logging, name) is not None:
                out.unsupported(
                    logging,
                    name,
                    reason="local log buffer and console log level: no ZXROS spelling known",
                )
        if logging.enabled is not None:
            out.unsupported(logging, "enabled", reason="switching all logging on/off")


def render_snmp(w: Writer, config: DeviceConfig) -> None:
    snmp = config.system.snmp
    if not (
        snmp.communities
        or snmp.hosts
        or snmp.location
        or snmp.contact
        or snmp.users
        or snmp.traps_enabled
        or snmp.source_interface
    ):
        return
    with w.section("snmp"):
        if snmp.communities:
            w.plain("snmp-server version v2c enable")
        for c in snmp.communities:
            view = c.view or "AllView"
            text = f"snmp-server community {write_secret(c.name)} view {view} {c.access}"
            text += f" ipv4-access-list {c.acl}" if c.acl else ""
            w.item(text, c, "view", "access", "acl")
        for h in snmp.hosts:
            vrf = f" vrf {h.vrf}" if h.vrf else ""
            kind = "inform" if h.kind == "informs" else "trap"
            w.item(
                f"snmp-server host {h.address}{vrf} {kind} version {h.version} "
                f"{write_secret(h.community)} udp-port 162",
                h,
                "address",
                "vrf",
                "kind",
                "version",
                "community",
            )
        if snmp.location is not None:
            w.line(f"snmp-server location {quote(snmp.location)}", snmp, "location")
        if snmp.contact is not None:
            w.line(f"snmp-server contact {quote(snmp.contact)}", snmp, "contact")
        if snmp.traps_enabled:
            w.line("snmp-server enable trap", snmp, "traps_enabled")
        if snmp.source_interface is not None:
            w.line(
                f"snmp-server trap-source interface {snmp.source_interface}",
                snmp,
                "source_interface",
            )
        _render_snmp_users(w, config)


# --- SNMPv3 users (uncertain spelling: IOS-like `snmp-server group` / `snmp-server user`) --------


def s_snmp_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    user = SnmpUser(name=m.group(1), group=m.group(2))
    if m.group(3):
        user.auth = m.group(3)  # type: ignore[assignment]
        user.auth_key = read_secret(ctx, line, m.group(4))
    if m.group(5):
        user.priv = m.group(5)  # type: ignore[assignment]
        user.priv_key = read_secret(ctx, line, m.group(6))
    user.at(line.n)
    snmp = ctx.config.system.snmp
    snmp.users[user.name] = user
    snmp.at(line.n, "users")


SNMP_USER_TOP: list[Rule] = [
    rule(
        r"snmp-server user (\S+) (\S+) v3(?: auth (md5|sha) (\S+)(?: priv (des|aes128) (\S+))?)?",
        s_snmp_user,
    ),
    rule(
        r"snmp-server group \S+ v3 (?:noauth|auth|priv)",
        ignore="an SNMPv3 group line follows from the security level of its users",
    ),
]


def _render_snmp_users(w: Writer, config: DeviceConfig) -> None:
    out = w.out
    groups: dict[str, str] = {}
    for user in config.system.snmp.users.values():
        if user.group is None:
            out.unsupported(user, *all_fields(user), reason="a ZXROS SNMPv3 user needs a group")
            continue
        level = "priv" if user.priv else "auth" if user.auth else "noauth"
        if groups.setdefault(user.group, level) != level:
            out.unsupported(
                user, *all_fields(user), reason="users of one group need one security level"
            )
            continue
    for group, level in groups.items():
        w.plain(f"snmp-server group {group} v3 {level}")
    for user in config.system.snmp.users.values():
        if user.group not in groups or groups[user.group] != _level(user):
            continue
        text = f"snmp-server user {user.name} {user.group} v3"
        if user.auth is not None and user.auth_key is not None:
            text += f" auth {user.auth} {write_secret(user.auth_key)}"
            if user.priv is not None and user.priv_key is not None:
                text += f" priv {user.priv} {write_secret(user.priv_key)}"
        w.item(text, user, "name", "group", "auth", "auth_key", "priv", "priv_key")
        out.change(
            user,
            *all_fields(user),
            note=f"group {user.group} is created on ZXROS with its default views; the source "
            "group's (or role's) MIB views are not carried",
        )


def _level(user: SnmpUser) -> str:
    return "priv" if user.priv else "auth" if user.auth else "noauth"


# --- daylight saving time (uncertain spelling: IOS-like `clock summer-time`) ---------------------


def s_summer_time(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(3).split()
    start, end = tuple(words[0:4]), tuple(words[4:8])
    summer = SummerTime(
        zone=m.group(1),
        mode=m.group(2),  # type: ignore[arg-type]
        start=start,
        end=end,
        offset=int(words[8]),
    )
    summer.at(line.n)
    set_field(ctx.config.system, line, "summer_time", summer)


SUMMER_TOP: list[Rule] = [
    rule(r"clock summer-time (\S+) (recurring|date) ((?:\S+ ){8}\d+)", s_summer_time),
]


def render_summer_time(w: Writer, config: DeviceConfig) -> None:
    summer = config.system.summer_time
    if summer is None:
        return
    when = " ".join([*summer.start, *summer.end])
    w.line(
        f"clock summer-time {summer.zone} {summer.mode} {when} {summer.offset}",
        config.system,
        "summer_time",
    )
    w.also(summer, *all_fields(summer))
    w.out.mark(summer, "mode", "offset")

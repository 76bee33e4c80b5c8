"""Cisco IOS management-plane statements beyond the basics of `cisco_system`: summer time,
login guards, the configuration archive, web/SCP/NETCONF servers, RADIUS globals, logging and
SNMP details, bridging globals — and the IOS-only lines that mean nothing on another box,
each with the reason it is ignored."""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import BridgeGroup, ConfigArchive, SnmpUser, SummerTime
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule, vlan_list
from orchestrator.syntax.text import Line

_SECRET_KINDS = {"0": "plain", "7": "cisco7"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: `clock summer-time Z recurring` without dates: IOS applies the US rule (since 2007)
US_SUMMER_TIME = (("2", "Sun", "Mar", "2:00"), ("1", "Sun", "Nov", "2:00"))


def _set(node_of: Any, field: str, convert: Any = str) -> Any:
    """A handler setting ``field`` of the node ``node_of(ctx)`` to group 1, converted."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        node = node_of(ctx)
        setattr(node, field, convert(m.group(1)) if m.groups() else True)
        node.at(line.n, field)

    return handler


def _sys(ctx: Ctx) -> Any:
    return ctx.config.system


def _logging(ctx: Ctx) -> Any:
    return ctx.config.system.logging


def _snmp(ctx: Ctx) -> Any:
    return ctx.config.system.snmp


def _aaa(ctx: Ctx) -> Any:
    return ctx.config.system.aaa


def _ifname(ctx: Ctx) -> Any:
    return lambda name: ports.canonical_name(ctx.platform, name)


def s_summer_time(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    zone, mode, words = m.group(1), m.group(2), (m.group(3) or "").split()
    offset = 60
    if len(words) in (5, 9) and words[-1].isdigit():
        offset = int(words.pop())
    if mode == "recurring" and not words:
        start, end = US_SUMMER_TIME
    elif mode == "recurring" and len(words) == 8:
        week = {"first": "1"}
        start = (week.get(words[0], words[0]), words[1], words[2], words[3])
        end = (week.get(words[4], words[4]), words[5], words[6], words[7])
    elif mode == "date" and len(words) == 8:
        halves = (words[:4], words[4:])
        # IOS takes `day month year time` and `month day year time`
        start, end = (
            (h[1], h[0], h[2], h[3]) if h[0] in _MONTHS else (h[0], h[1], h[2], h[3])
            for h in halves
        )
    else:
        ctx.report.unsupported(line, "summer-time rule form not understood")
        return
    rule_ = SummerTime(
        zone=zone,
        mode=mode,  # type: ignore[arg-type]
        start=start,
        end=end,
        offset=offset,
    )
    rule_.at(line.n)
    ctx.config.system.summer_time = rule_
    ctx.config.system.at(line.n, "summer_time")


def s_login_block(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.login_block = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    system.at(line.n, "login_block")


def s_archive(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    archive = ConfigArchive()
    archive.at(line.n)
    ctx.config.system.config_archive = archive
    ctx.config.system.at(line.n, "config_archive")
    for child in line.children:
        if child.text == "log config":
            if not child.children:
                ctx.report.ignored(child, "empty change-log settings: nothing is logged")
                continue
            ctx.report.parsed(child)
            archive.at(child.n, "log_enable", "log_hidekeys", "log_notify_syslog", "log_size")
            for grandchild in child.children:
                dispatch(ctx, grandchild, ARCHIVE_LOG_RULES, archive)
        else:
            dispatch(ctx, child, ARCHIVE_RULES, archive)


def _archive_field(field: str, convert: Any = None) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], archive: ConfigArchive) -> None:
        setattr(archive, field, convert(m.group(1)) if convert else True)
        archive.at(line.n, field)

    return handler


ARCHIVE_RULES: list[Rule] = [
    rule(r"path (\S+)", _archive_field("path", str)),
    rule(r"write-memory", _archive_field("write_memory")),
    rule(r"time-period (\d+)", _archive_field("time_period", int)),
    rule(r"maximum (\d+)", _archive_field("maximum", int)),
]

ARCHIVE_LOG_RULES: list[Rule] = [
    rule(r"logging enable", _archive_field("log_enable")),
    rule(r"hidekeys", _archive_field("log_hidekeys")),
    rule(r"notify syslog(?: contenttype plaintext)?", _archive_field("log_notify_syslog")),
    rule(r"logging size (\d+)", _archive_field("log_size", int)),
]


def s_ftp_password(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind = _SECRET_KINDS[m.group(1) or "0"]
    ctx.config.system.ftp_password = ctx.secret(line, kind, m.group(2))  # type: ignore[arg-type]
    ctx.config.system.at(line.n, "ftp_password")


def s_icmp_rate(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if m.group(1) is not None and m.group(2) is not None:
        ctx.report.unsupported(line, "`no` with a value is not a setting")
        return
    ctx.config.system.icmp_unreachable_rate = 0 if m.group(1) else int(m.group(2))
    ctx.config.system.at(line.n, "icmp_unreachable_rate")


def s_icmp6_interval(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.ipv6_icmp_error_interval = (int(m.group(1)), int(m.group(2) or 10))
    ctx.config.system.at(line.n, "ipv6_icmp_error_interval")


def s_snmp_view(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    snmp = ctx.config.system.snmp
    snmp.views.setdefault(m.group(1), []).append((m.group(2), m.group(3) == "included"))
    snmp.at_item(line.n, "views", (m.group(1), m.group(2)))


def s_ntp_master(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.master = True
    ntp.master_stratum = int(m.group(1)) if m.group(1) else None
    ntp.at(line.n, "master", "master_stratum")


def s_source_interface(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        aaa = ctx.config.system.aaa
        setattr(aaa, field, ports.canonical_name(ctx.platform, m.group(1)))
        aaa.at(line.n, field)

    return handler


def s_vsa(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    aaa = ctx.config.system.aaa
    aaa.radius_vsa_send.append(m.group(1))
    aaa.at_item(line.n, "radius_vsa_send", m.group(1))


def s_bridge(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    groups = ctx.config.bridge_groups
    group = groups.get(int(m.group(1))) or BridgeGroup(id=int(m.group(1)))
    groups[group.id] = group
    group.at(line.n)
    if m.group(2) == "route":
        group.route.append(m.group(3))
        group.at(line.n, "route")
    else:
        group.protocol = m.group(3)
        group.at(line.n, "protocol")


def s_bridge_irb(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.bridge_irb = True
    ctx.config.at(line.n, "bridge_irb")


def _flag(node_of: Any, field: str) -> Any:
    """`[no] <statement>`: group 1 captures the optional `no `."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        node = node_of(ctx)
        setattr(node, field, m.group(1) is None)
        node.at(line.n, field)

    return handler


def s_dns_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.dns_source_interface = ports.canonical_name(ctx.platform, m.group(1))
    system.at(line.n, "dns_source_interface")


def s_snmp_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`snmp-server user NAME GROUP v3 [auth md5|sha KEY [priv des|aes 128 KEY]]`."""
    user = SnmpUser(name=m.group(1), group=m.group(2))
    if m.group(3):
        user.auth = m.group(3)  # type: ignore[assignment]
        user.auth_key = ctx.secret(line, "plain", m.group(4))
    if m.group(5):
        user.priv = "des" if m.group(5) == "des" else "aes128"
        user.priv_key = ctx.secret(line, "plain", m.group(6))
    user.at(line.n)
    ctx.config.system.snmp.users[user.name] = user
    ctx.config.system.snmp.at(line.n, "users")


def s_stp_priority(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    for key in vlan_list(m.group(2)):
        system.stp_priority[key] = int(m.group(3))
        system.at_item(line.n, "stp_priority", key)
    system.at(line.n, "stp_priority")


def s_ip_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.ip_hosts.setdefault(m.group(1), []).extend(m.group(2).split())
    system.at_item(line.n, "ip_hosts", m.group(1))


def s_errdisable_cause(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.errdisable_recovery_causes.append(m.group(1))
    system.at_item(line.n, "errdisable_recovery_causes", m.group(1))


def s_no_monitor(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    logging = ctx.config.system.logging
    logging.monitor_level = "disable"
    logging.at(line.n, "monitor_level")


def l_int(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], entry: Any) -> None:
        setattr(entry, field, int(m.group(1)))
        entry.at(line.n, field)

    return handler


def l_set(field: str, value: Any = None) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], entry: Any) -> None:
        setattr(entry, field, m.group(1) if value is None else value)
        entry.at(line.n, field)

    return handler


#: statements inside `line ...` blocks, added to `cisco_system.LINE_RULES`
MGMT_LINE_RULES: list[Rule] = [
    rule(r"authorization exec (\S+)", l_set("authorization_exec")),
    rule(r"no exec", l_set("exec", False)),
    rule(r"ipv6 access-class (\S+) in", l_set("ipv6_acl_in")),
    rule(r"session-limit (\d+)", l_int("max_sessions")),
    rule(
        r"logout-warning \d+",
        ignore="IOS countdown message before an idle session is "
        "closed; the exec timeout itself is carried over",
    ),
]

_I = int
MGMT_TOP: list[Rule] = [
    rule(r"clock summer-time (\S+) (recurring|date)(?: (.+))?", s_summer_time),
    rule(r"ip default-gateway (\S+)", _set(_sys, "default_gateway")),
    rule(r"login block-for (\d+) attempts (\d+) within (\d+)", s_login_block),
    rule(r"login on-success log", _set(_sys, "login_success_log")),
    rule(r"login on-failure log", _set(_sys, "login_failure_log")),
    rule(r"security passwords min-length (\d+)", _set(_sys, "password_min_length", _I)),
    rule(r"security authentication failure rate (\d+) log", _set(_sys, "auth_failure_rate", _I)),
    rule(r"archive", s_archive),
    rule(r"netconf-yang", _set(_sys, "netconf")),
    rule(r"restconf", _set(_sys, "restconf")),
    rule(r"(no )?ip scp server enable", _flag(_sys, "scp_server")),
    rule(r"ip domain[ -]lookup source-interface (\S+)", s_dns_source),
    rule(r"(no )?logging on", _flag(_logging, "enabled")),
    rule(r"logging monitor (\S+)", _set(_logging, "monitor_level")),
    rule(r"no logging monitor", s_no_monitor),
    rule(r"ip host (\S+) ((?:\S+ ?)+)", s_ip_host),
    rule(r"errdisable recovery cause (\S+)", s_errdisable_cause),
    rule(r"errdisable recovery interval (\d+)", _set(_sys, "errdisable_recovery_interval", _I)),
    rule(
        r"snmp-server user (\S+) (\S+) v3(?: auth (md5|sha) (\S+)(?: priv (des|aes 128) (\S+))?)?",
        s_snmp_user,
    ),
    rule(r"spanning-tree (vlan|mst) (\S+) priority (\d+)", s_stp_priority),
    rule(r"ip http authentication (local|aaa|enable)", _set(_sys, "http_authentication")),
    rule(r"ip http access-class (\S+)", _set(_sys, "http_access_class")),
    rule(r"ip ftp username (\S+)", _set(_sys, "ftp_username")),
    rule(r"ip ftp password (?:([07]) )?(\S+)", s_ftp_password),
    rule(r"ip telnet tos (\S+)", _set(_sys, "telnet_tos")),
    rule(r"(no )?ip icmp rate-limit unreachable(?: (\d+))?", s_icmp_rate),
    rule(r"ipv6 icmp error-interval (\d+)(?: (\d+))?", s_icmp6_interval),
    rule(r"vpdn enable", _set(_sys, "vpdn")),
    rule(r"bridge irb", s_bridge_irb),
    rule(r"bridge (\d+) (route|protocol) (\S+)", s_bridge),
    rule(r"logging facility (\S+)", _set(_logging, "facility")),
    rule(r"logging rate-limit (\d+)", _set(_logging, "rate_limit", _I)),
    rule(r"logging snmp-authfail", _set(_logging, "snmp_authfail")),
    rule(r"logging history size (\d+)", _set(_logging, "history_size", _I)),
    rule(r"logging history (\S+)", _set(_logging, "history_level")),
    rule(r"logging origin-id (hostname|ip|ipv6|string \S+)", _set(_logging, "origin_id")),
    rule(r"logging userinfo", _set(_logging, "userinfo")),
    rule(r"snmp-server ifindex persist", _set(_snmp, "ifindex_persist")),
    rule(r"snmp-server view (\S+) (\S+) (included|excluded)", s_snmp_view),
    rule(r"snmp-server chassis-id (.+)", _set(_snmp, "chassis_id")),
    rule(r"snmp-server engineID local (\S+)", _set(_snmp, "engine_id")),
    rule(r"ntp master(?: (\d+))?", s_ntp_master),
    rule(r"aaa authorization console", _set(_aaa, "authorization_console")),
    rule(r"ip radius source-interface (\S+)", s_source_interface("radius_source_interface")),
    rule(r"ip tacacs source-interface (\S+)", s_source_interface("tacacs_source_interface")),
    rule(r"radius-server deadtime (\d+)", _set(_aaa, "radius_deadtime", _I)),
    rule(r"radius-server retransmit (\d+)", _set(_aaa, "radius_retransmit", _I)),
    rule(r"radius-server timeout (\d+)", _set(_aaa, "radius_timeout", _I)),
    rule(r"radius-server vsa send (accounting|authentication)", s_vsa),
    rule(
        r"radius-server attribute 32 include-in-access-req format (\S+)",
        _set(_aaa, "radius_nas_identifier"),
    ),
    rule(
        r"radius-server authorization permit missing Service-Type",
        _set(_aaa, "radius_permit_missing_service_type"),
    ),
]

__all__ = ["MGMT_LINE_RULES", "MGMT_TOP", "US_SUMMER_TIME"]

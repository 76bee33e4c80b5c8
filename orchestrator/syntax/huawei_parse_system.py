"""VRP system statements: identity, DNS, time, logging, SNMP, servers, STP (AAA, users and
lines are `huawei_parse_aaa`).

Handlers fill `DeviceConfig.system`; VRP5 (`ntp-service`) and CloudEngine VRP8 (`ntp`) spellings
are both read. Statements that only make sense on the source box carry an ignore rule.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    Server,
    SnmpCommunity,
    SnmpHost,
    SnmpUser,
)
from orchestrator.syntax.huawei_common import ifname, read_secret, severity_for_model
from orchestrator.syntax.huawei_parse_aaa import (
    p_aaa,
    p_aaa_template,
    p_radius_group,
    p_user_interface,
)
from orchestrator.syntax.huawei_parse_mgmt import MGMT_TOP
from orchestrator.syntax.rules import Ctx, Rule, rule
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


_WEEK_NUMBERS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "last": "last"}


def s_summer_time(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`clock daylight-saving-time NAME repeating HH:MM WEEK DAY MONTH HH:MM WEEK DAY MONTH OFF`."""
    from orchestrator.model import SummerTime

    words = m.group(2).split()
    if len(words) != 9 or words[1] not in _WEEK_NUMBERS or words[5] not in _WEEK_NUMBERS:
        ctx.report.unsupported(line, "this daylight-saving rule is not translated")
        return

    def point(time: str, week: str, day: str, month: str) -> tuple[str, str, str, str]:
        hour, minute = time.split(":")[:2]
        return (_WEEK_NUMBERS[week], day[:3].title(), month[:3].title(), f"{int(hour)}:{minute}")

    hours, minutes = words[8].split(":")[:2]
    summer = SummerTime(
        zone=m.group(1),
        mode="recurring",
        start=point(*words[0:4]),
        end=point(*words[4:8]),
        offset=int(hours) * 60 + int(minutes),
    )
    summer.at(line.n)
    ctx.config.system.summer_time = summer
    ctx.config.system.at(line.n, "summer_time")


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
    "monitor": "monitor_level",
    "1": "monitor_level",
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


def s_stp_mode(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    mode = {"vbst": "rapid-pvst"}.get(m.group(1), m.group(1))
    ctx.config.system.stp_mode = mode  # type: ignore[assignment]
    ctx.config.system.at(line.n, "stp_mode")


def s_stp_priority(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.stp_priority[int(m.group(1) or 0)] = int(m.group(2))
    system.at(line.n, "stp_priority")


def s_stp_vlan_priority(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    from orchestrator.syntax.vrp_family import vlan_words

    system = ctx.config.system
    for vid in vlan_words(m.group(1).split()):
        system.stp_priority[vid] = int(m.group(2))
    system.at(line.n, "stp_priority")


def s_bpdu_protection(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.state["bpdu_protection"] = line.n


def s_icmp_rate(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.icmp_unreachable_rate = 0
    ctx.config.system.at(line.n, "icmp_unreachable_rate")


def s_enable_secret(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.enable_secret = read_secret(ctx, line, m.group(2), m.group(1))
    ctx.config.system.at(line.n, "enable_secret")


SYSTEM_TOP: list[Rule] = [
    *MGMT_TOP,
    rule(r"sysname (.+)", _sys("hostname")),
    rule(r"dns resolve", _sys_flag("domain_lookup", True)),
    rule(r"dns domain (\S+)", s_dns_domain),
    rule(r"dns server (?:ipv6 )?(\S+)(?: vpn-instance (\S+))?", s_dns_server),
    rule(r"dns server source-interface (.+)", s_dns_source),
    rule(r"clock timezone (\S+) (add|minus) (\d+)(?::(\d+))?(?::\d+)?", s_timezone),
    rule(r"clock daylight-saving-time (\S+) repeating (.+)", s_summer_time),
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
    rule(r"snmp-agent local-engineid (\S+)", s_snmp_field("engine_id")),
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
    rule(r"snmp-agent group .+", unsupported="SNMP groups are not translated"),
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
    rule(r"icmp rate-limit disable", s_icmp_rate),
]

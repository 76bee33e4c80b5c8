"""Comware 7 monitoring statements: NTP (`ntp-service`), syslog (`info-center`) and the SNMP
agent (`snmp-agent`)."""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import Server, SnmpCommunity, SnmpHost, SnmpUser
from orchestrator.syntax.hp_comware_common import SEVERITY_TO_MODEL, ifname, read_secret
from orchestrator.syntax.rules import Ctx, Rule, flag_field, rule
from orchestrator.syntax.text import Line


def s_ntp_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(1).split()
    server = Server(address=words.pop(0))
    while words:
        word = words.pop(0)
        if word == "vpn-instance" and words:
            server.vrf = words.pop(0)
        elif word == "priority":
            server.prefer = True
        elif word == "authentication-keyid" and words:
            server.key_id = int(words.pop(0))
        else:
            ctx.report.unsupported(line, f"NTP server option {word!r} is not translated")
            return
    server.at(line.n)
    ctx.config.system.ntp.servers[server.address] = server
    ctx.config.system.ntp.at(line.n, "servers")


def s_ntp_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.ntp.source_interface = ifname(m.group(1))
    ctx.config.system.ntp.at(line.n, "source_interface")


def s_ntp_auth(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.ntp.authenticate = True
    ctx.config.system.ntp.at(line.n, "authenticate")


def s_ntp_key(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.keys[int(m.group(1))] = read_secret(ctx, line, m.group(3), m.group(2))
    ntp.at(line.n, "keys")


def s_ntp_trusted(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.ntp.trusted_keys.append(int(m.group(1)))
    ctx.config.system.ntp.at(line.n, "trusted_keys")


def s_ntp_master(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.master = True
    ntp.at(line.n, "master")
    if m.group(1):
        ntp.master_stratum = int(m.group(1))
        ntp.at(line.n, "master_stratum")


def s_loghost(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(1).split()
    vrf = None
    if words[:1] == ["vpn-instance"] and len(words) > 1:
        vrf = words[1]
        words = words[2:]
    server = Server(address=words.pop(0), vrf=vrf)
    while words:
        word = words.pop(0)
        if word == "port" and words:
            server.port = int(words.pop(0))
        elif word == "facility" and words:
            server.facility = words.pop(0)
        else:
            ctx.report.unsupported(line, f"loghost option {word!r} is not translated")
            return
    server.at(line.n)
    ctx.config.system.logging.hosts[server.address] = server
    ctx.config.system.logging.at(line.n, "hosts")


def s_loghost_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.logging.source_interface = ifname(m.group(1))
    ctx.config.system.logging.at(line.n, "source_interface")


_CHANNEL = {
    "console": "console_level",
    "monitor": "monitor_level",
    "logbuffer": "buffered_level",
    "loghost": "trap_level",
}


def s_log_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`info-center source default <channel> level <severity>|deny`."""
    name = _CHANNEL[m.group(1)]
    if m.group(2) == "deny":
        if name != "console_level":
            ctx.report.unsupported(line, f"turning {m.group(1)} output off is not translated")
            return
        value = "disable"
    else:
        value = SEVERITY_TO_MODEL.get(m.group(3), m.group(3))
    setattr(ctx.config.system.logging, name, value)
    ctx.config.system.logging.at(line.n, name)


def s_log_enable(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    flag_field("enabled")(ctx, line, m, ctx.config.system.logging)


def s_community(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`snmp-agent community read|write [simple|cipher] NAME [mib-view V] [acl N|name X]`."""
    rest = m.group(2)
    tail = re.search(r"(?: mib-view (\S+))?(?: acl (?:name )?(\S+))?$", rest)
    assert tail is not None  # the pattern matches the empty tail of any string
    body = rest[: tail.start()].split(None, 1)
    form = None
    if body and body[0] in ("simple", "cipher") and len(body) > 1:
        form, value = body[0], body[1]
    else:
        value = " ".join(body)
    community = SnmpCommunity(
        name=read_secret(ctx, line, value.strip(), form),
        access="ro" if m.group(1) == "read" else "rw",
        view=tail.group(1),
        acl=tail.group(2),
    )
    community.at(line.n)
    ctx.config.system.snmp.communities.append(community)
    ctx.config.system.snmp.at(line.n, "communities")


def s_snmp_field(name: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        setattr(ctx.config.system.snmp, name, m.group(1).strip())
        ctx.config.system.snmp.at(line.n, name)

    return handler


_TARGET = re.compile(
    r"(?P<addr>\S+)(?: vpn-instance (?P<vrf>\S+))?(?: udp-port \d+)?"
    r" params securityname (?P<name>.+?)(?: (?P<ver>v1|v2c|v3))?(?: (?:authentication|privacy))?"
)


def s_target_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`snmp-agent target-host trap address udp-domain A [vpn-instance V] params securityname
    NAME [v1|v2c|v3]`; without a version Comware sends SNMPv1."""
    t = _TARGET.fullmatch(m.group(2))
    if t is None:
        ctx.report.unsupported(line, "SNMP target host form not understood")
        return
    version = {"v1": "1", "v2c": "2c", "v3": "3", None: "1"}[t.group("ver")]
    host = SnmpHost(
        address=t.group("addr"),
        community=read_secret(ctx, line, t.group("name").strip()),
        version=version,  # type: ignore[arg-type]
        vrf=t.group("vrf"),
        kind="traps" if m.group(1) == "trap" else "informs",
    )
    host.at(line.n)
    ctx.config.system.snmp.hosts.append(host)
    ctx.config.system.snmp.at(line.n, "hosts")


def s_traps(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.snmp.traps_enabled = True
    ctx.config.system.snmp.at(line.n, "traps_enabled")


def s_trap_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.snmp.source_interface = ifname(m.group(1))
    ctx.config.system.snmp.at(line.n, "source_interface")


_USM = re.compile(
    r"(?P<name>\S+) (?P<group>\S+)(?: (?P<form>simple|cipher))?"
    r"(?: authentication-mode (?P<auth>md5|sha) (?P<akey>\S+)"
    r"(?: privacy-mode (?P<priv>des56|aes128) (?P<pkey>\S+))?)?"
)


def s_usm_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    u = _USM.fullmatch(m.group(1))
    if u is None:
        ctx.report.unsupported(line, "SNMPv3 user form not understood")
        return
    user = SnmpUser(name=u.group("name"), group=u.group("group"))
    if u.group("auth"):
        user.auth = u.group("auth")  # type: ignore[assignment]
        user.auth_key = read_secret(ctx, line, u.group("akey"), u.group("form"))
    if u.group("priv"):
        user.priv = "des" if u.group("priv") == "des56" else "aes128"
        user.priv_key = read_secret(ctx, line, u.group("pkey"), u.group("form"))
    user.at(line.n)
    ctx.config.system.snmp.users[user.name] = user
    ctx.config.system.snmp.at(line.n, "users")


def s_mib_view(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    snmp = ctx.config.system.snmp
    snmp.views.setdefault(m.group(2), []).append((m.group(3), m.group(1) == "included"))
    snmp.at(line.n, "views")


def s_snmp_authfail(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.logging.snmp_authfail = True
    ctx.config.system.logging.at(line.n, "snmp_authfail")


MONITOR_TOP: list[Rule] = [
    rule(
        r"ntp-service enable",
        ignore="NTP runs when servers are configured; the renderer writes it with them",
    ),
    rule(r"ntp-service unicast-server (.+)", s_ntp_server),
    rule(r"ntp-service source (\S+)", s_ntp_source),
    rule(r"ntp-service authentication enable", s_ntp_auth),
    rule(
        r"ntp-service authentication-keyid (\d+) authentication-mode md5 (cipher|simple) "
        r"(\S+)",
        s_ntp_key,
    ),
    rule(r"ntp-service reliable authentication-keyid (\d+)", s_ntp_trusted),
    rule(r"ntp-service refclock-master(?: (\d+))?", s_ntp_master),
    rule(r"ntp-service unicast-peer .+", unsupported="NTP symmetric peers are not in the model"),
    rule(r"(undo )?info-center enable", s_log_enable),
    rule(r"info-center loghost source (\S+)", s_loghost_source),
    rule(r"info-center loghost (.+)", s_loghost),
    rule(
        r"info-center source default (console|monitor|logbuffer|loghost) (deny|level (\S+))",
        s_log_source,
    ),
    rule(
        r"info-center logbuffer size \d+",
        ignore="log buffer size is platform housekeeping; Comware counts messages, not bytes",
    ),
    rule(r"info-center synchronous", ignore="console output redraw, a terminal setting"),
    rule(
        r"(?:undo )?info-center logfile enable",
        ignore="the local log file on flash is platform housekeeping",
    ),
    rule(r"snmp-agent", ignore="the SNMP agent starts with any other snmp-agent setting"),
    rule(r"snmp-agent local-engineid (\S+)", s_snmp_field("engine_id")),
    rule(r"snmp-agent community (read|write) (.+)", s_community),
    rule(r"snmp-agent sys-info contact (.+)", s_snmp_field("contact")),
    rule(r"snmp-agent sys-info location (.+)", s_snmp_field("location")),
    rule(
        r"snmp-agent sys-info version .+",
        ignore="SNMP versions follow from the communities, users and hosts configured",
    ),
    rule(r"snmp-agent target-host (trap|inform) address udp-domain (.+)", s_target_host),
    rule(r"snmp-agent trap enable(?: .*)?", s_traps),
    rule(r"snmp-agent trap source (\S+)", s_trap_source),
    rule(r"snmp-agent usm-user v3 (.+)", s_usm_user),
    rule(
        r"snmp-agent group v3 .+",
        ignore="an SNMPv3 group's security level follows from its users' keys",
    ),
    rule(r"snmp-agent mib-view (included|excluded) (\S+) (\S+)", s_mib_view),
    rule(r"snmp-agent log authfail", s_snmp_authfail),
]

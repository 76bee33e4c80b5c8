"""Comware 7 system statements: identity, time, DNS, NTP, info-center, SNMP, management services.

AAA schemes, ISP domains, local users and user lines are in `hp_comware_parse_aaa`.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    ConfigArchive,
    Server,
    SnmpCommunity,
    SnmpHost,
    SnmpUser,
    SummerTime,
)
from orchestrator.syntax.hp_comware_common import (
    MONTHS,
    SEVERITY_TO_MODEL,
    flag_field,
    ifname,
    read_secret,
    vlan_words,
)
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line


def _sys(name: str, transform: Any = None) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        value = m.group(1).strip()
        setattr(ctx.config.system, name, transform(value) if transform else value)
        ctx.config.system.at(line.n, name)

    return handler


def _sys_flag(name: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        flag_field(name)(ctx, line, m, ctx.config.system)

    return handler


def s_timezone(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    sign = -1 if m.group(2) == "minus" else 1
    hours, minutes = int(m.group(3)), int(m.group(4) or 0)
    ctx.config.system.timezone = (m.group(1), sign * hours, minutes)
    ctx.config.system.at(line.n, "timezone")


_WEEKS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "last": "last"}
_MONTHS = MONTHS


def _hhmm(text: str) -> str:
    hours, minutes = text.split(":")[:2]
    return f"{int(hours):02d}:{int(minutes):02d}"


def s_summer_time(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`clock summer-time NAME 02:00:00 March second Sunday 02:00:00 November first Sunday
    01:00:00`: a recurring rule. The `MM/DD` form recurs on fixed dates, which the model's
    one-time date rule does not mean."""
    words = m.group(2).split()
    if len(words) != 9 or words[1] not in _MONTHS or words[5] not in _MONTHS:
        ctx.report.unsupported(line, "summer time on fixed dates (MM/DD) is not translated")
        return

    def point(at: list[str]) -> tuple[str, str, str, str]:
        time, month, week, day = at
        return (_WEEKS[week], day[:3], month[:3], _hhmm(time))

    hours, minutes = words[8].split(":")[:2]
    summer = SummerTime(
        zone=m.group(1),
        mode="recurring",
        start=point(words[0:4]),
        end=point(words[4:8]),
        offset=int(hours) * 60 + int(minutes),
    )
    summer.at(line.n)
    ctx.config.system.summer_time = summer
    ctx.config.system.at(line.n, "summer_time")


def s_dns_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    server = Server(address=m.group(1), vrf=m.group(2))
    server.at(line.n)
    ctx.config.system.dns_servers.append(server)
    ctx.config.system.at(line.n, "dns_servers")


def s_dns_domain(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """The first `dns domain` is the domain name, the others the search list."""
    system = ctx.config.system
    if system.domain_name is None:
        system.domain_name = m.group(1)
        system.at(line.n, "domain_name")
    else:
        system.domain_search.append(m.group(1))
        system.at(line.n, "domain_search")


def s_dns_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.dns_source_interface = ifname(m.group(1))
    ctx.config.system.at(line.n, "dns_source_interface")


def s_login_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ssh server acl N` / `telnet server acl N`: Comware's login ACL; it belongs to the vty
    lines in the model, so it is attached to them once the whole file is read."""
    ctx.state.setdefault("login_acls", []).append((m.group(1) is not None, m.group(2), line.n))


def s_ssh_compat(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.ssh_version = 2 if m.group(1) else 1
    ctx.config.system.at(line.n, "ssh_version")


def s_stp_mode(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.stp_mode = m.group(1)  # type: ignore[assignment]
    ctx.config.system.at(line.n, "stp_mode")


def s_stp_priority(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`stp vlan 1 to 4094 priority P` (PVST) / `stp instance 0 priority P` (MSTP): the model
    keys priorities by VLAN or instance, whichever the mode uses."""
    ids = vlan_words(m.group(1).split()) if m.group(1) else [0]
    for key in ids:
        ctx.config.system.stp_priority[key] = int(m.group(2))
    ctx.config.system.at(line.n, "stp_priority")


# --- NTP ------------------------------------------------------------------------------------


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


# --- info-center ----------------------------------------------------------------------------


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


_CHANNEL = {"console": "console_level", "logbuffer": "buffered_level", "loghost": "trap_level"}


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


# --- SNMP -----------------------------------------------------------------------------------


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


def s_dhcp_enable(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    flag_field("dhcp_enabled")(ctx, line, m, ctx.config.services)


def s_archive(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    if system.config_archive is None:
        system.config_archive = ConfigArchive()
        system.at(line.n, "config_archive")
    archive = system.config_archive
    archive.at(line.n)
    if m.group(2):
        archive.path = m.group(2).rstrip("/") + "/" + m.group(3)
        archive.at(line.n, "path")
    elif m.group(4):
        archive.time_period = int(m.group(4))
        archive.at(line.n, "time_period")
    else:
        archive.maximum = int(m.group(5))
        archive.at(line.n, "maximum")


def s_snmp_authfail(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.logging.snmp_authfail = True
    ctx.config.system.logging.at(line.n, "snmp_authfail")


def s_role(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`role name level-N` with only a description relabels a predefined role; real rules
    (custom roles) are not in the model."""
    if all(child.words[:1] == ["description"] for child in line.children):
        ctx.report.ignore_tree(line, "a user role's description is a label only")
    else:
        ctx.report.unsupported_tree(line, "custom user roles (RBAC rules) are not translated")


_HOUSEKEEPING = "hardware, stacking or system housekeeping of the H3C box itself"

SYSTEM_TOP: list[Rule] = [
    rule(r"sysname (.+)", _sys("hostname")),
    rule(r"clock timezone (\S+) (add|minus) (\d+)(?::(\d+))?(?::\d+)?", s_timezone),
    rule(r"clock summer-time (\S+) (.+)", s_summer_time),
    rule(
        r"clock protocol \S+(?: \d+)?",
        ignore="Comware's clock source switch; the NTP servers carry the meaning",
    ),
    rule(r"(?:undo )?copyright-info enable", ignore="Comware copyright notice at login"),
    rule(r"dns server (\S+)(?: vpn-instance (\S+))?", s_dns_server),
    rule(r"dns domain (\S+)", s_dns_domain),
    rule(r"dns source-interface (\S+)", s_dns_source),
    rule(
        r"dns (?:domain|source-interface) \S+ vpn-instance \S+",
        unsupported="per-VPN DNS domain and source are not in the model",
    ),
    rule(r"(undo )?telnet server enable", _sys_flag("telnet_server")),
    rule(r"(?:telnet|ssh) server (ipv6 )?acl (?:ipv6 )?(?:name )?(\S+)", s_login_acl),
    rule(r"(undo )?ssh server enable", _sys_flag("ssh_server")),
    rule(r"(undo )?ssh server compatible-ssh1x(?: enable)?", s_ssh_compat),
    rule(r"ssh server authentication-timeout (\d+)", _sys("ssh_timeout", int)),
    rule(
        r"ssh user \S+ service-type (?:all|stelnet) authentication-type password",
        ignore="password is the default SSH authentication of local users",
    ),
    rule(r"(undo )?ip http enable", _sys_flag("http_server")),
    rule(r"(undo )?ip https enable", _sys_flag("https_server")),
    rule(r"(undo )?scp server enable", _sys_flag("scp_server")),
    rule(r"(undo )?netconf ssh server enable", _sys_flag("netconf")),
    rule(r"(undo )?lldp global enable", _sys_flag("lldp")),
    rule(r"ip http acl (?:name )?(\S+)", _sys("http_access_class")),
    rule(r"ip icmp error-interval (\d+)(?: \d+)?", _sys("icmp_unreachable_rate", int)),
    rule(
        r"ipv6 icmpv6 error-interval (\d+ \d+)",
        _sys("ipv6_icmp_error_interval", lambda v: tuple(int(x) for x in v.split())),
    ),
    rule(r"(undo )?lldp compliance cdp", _sys_flag("cdp")),
    rule(r"stp mode (stp|rstp|mstp|pvst)", s_stp_mode),
    rule(r"stp (?:vlan|instance) ([\d to]+?) priority (\d+)", s_stp_priority),
    rule(r"stp ()?priority (\d+)", s_stp_priority),
    rule(
        r"stp global enable",
        ignore="spanning tree runs in the model; the renderer turns it on with the mode",
    ),
    rule(r"stp port-log .+", ignore="spanning tree port state logging"),
    rule(
        r"stp region-configuration",
        unsupported="MSTP regions (instance to VLAN maps) are not in the model",
        tree=True,
    ),
    rule(
        r"stp bpdu-protection",
        unsupported="global BPDU protection of edge ports is not in the model",
    ),
    rule(
        r"stp pathcost-standard \S+", unsupported="the STP path cost standard is not in the model"
    ),
    rule(r"version \S+.*", ignore="software version of the source box"),
    rule(r"return", ignore="end of the Comware configuration"),
    rule(r"(?:undo )?irf .+", ignore=_HOUSEKEEPING),
    rule(r"irf-port \S+", ignore=_HOUSEKEEPING, tree=True),
    rule(r"system-working-mode \S+", ignore=_HOUSEKEEPING),
    rule(r"(?:undo )?password-recovery enable", ignore=_HOUSEKEEPING),
    rule(r"fan prefer-direction .+", ignore=_HOUSEKEEPING),
    rule(r"scheduler logfile size \d+", ignore=_HOUSEKEEPING),
    rule(r"burst-mode enable", ignore=_HOUSEKEEPING),
    rule(r"user-group system", ignore="the predefined user group", tree=True),
    rule(r"role name \S+", s_role),
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
        r"info-center source default (console|logbuffer|loghost) (deny|level (\S+))", s_log_source
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
    rule(r"(undo )?dhcp enable", s_dhcp_enable),
    rule(
        r"archive configuration (location (\S+) filename-prefix (\S+)|interval (\d+)|max (\d+))",
        s_archive,
    ),
    rule(r"snmp-agent log authfail", s_snmp_authfail),
    *[
        rule(pattern, unsupported=reason, tree=True)
        for pattern, reason in (
            (r"rsa peer-public-key .+|public-key peer .+", "peer public keys are not translated"),
            (r"peer-public-key end", "peer public keys are not translated"),
            (r"sflow .+", "sFlow sampling is not in the model"),
            (
                r"igmp-snooping|multicast routing|pim|ip pim .+",
                "multicast routing and IGMP snooping are not in the model",
            ),
            (r"l2vpn enable", "L2VPN is not in the model"),
            (
                r"ip (?:unreachables|ttl-expires|redirects) enable",
                "global ICMP error sending is not in the model (it holds per-interface settings)",
            ),
            (r"info-center timestamp .+", "log timestamp formats are not in the model"),
            (
                r"(?:ftp|ssh|sftp|tftp|telnet) client source .+",
                "client source interfaces of the "
                "box's own file transfer and login clients are not in the model",
            ),
            (r"ftp server enable", "the FTP server is not in the model"),
            (r"security-enhanced level \d+", "security hardening levels are not in the model"),
        )
    ],
]

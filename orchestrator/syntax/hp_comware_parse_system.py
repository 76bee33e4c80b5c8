"""Comware 7 system statements: identity, time, DNS, management services, spanning tree.

AAA schemes, ISP domains, local users and user lines are in `hp_comware_parse_aaa`.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    ConfigArchive,
    Server,
    SummerTime,
)
from orchestrator.syntax.hp_comware_common import MONTHS, ifname
from orchestrator.syntax.rules import Ctx, Rule, flag_field, rule
from orchestrator.syntax.text import Line
from orchestrator.syntax.vrp_family import vlan_words


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


def s_role(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`role name level-N` with only a description relabels a predefined role; real rules
    (custom roles) are not in the model."""
    if all(child.words[:1] == ["description"] for child in line.children):
        ctx.report.ignore_tree(line, "a user role's description is a label only")
    else:
        ctx.report.unsupported_tree(line, "custom user roles (RBAC rules) are not translated")


_HOUSEKEEPING = "hardware, stacking or system housekeeping of the H3C box itself"


def s_ip_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.ip_hosts[m.group(1)] = [m.group(2)]
    system.at(line.n, "ip_hosts")


def s_shutdown_interval(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """Ports a protocol shut down (BPDU guard, loop detection...) come back after N seconds;
    0 keeps them down."""
    system = ctx.config.system
    seconds = int(m.group(1))
    if seconds:
        system.errdisable_recovery_causes = ["all"]
        system.errdisable_recovery_interval = seconds
        system.at(line.n, "errdisable_recovery_causes", "errdisable_recovery_interval")
    else:
        ctx.report.unsupported(line, "ports that stay shut down until brought up by hand")


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
    rule(r"ip host (\S+) (\S+)", s_ip_host),
    rule(
        r"tcp path-mtu-discovery",
        ignore="path-MTU discovery for every TCP connection: the model holds it per BGP peer, "
        "and every session of the box gets it",
    ),
    rule(r"shutdown-interval (\d+)", s_shutdown_interval),
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
    rule(r"(undo )?dhcp enable", s_dhcp_enable),
    rule(
        r"archive configuration (location (\S+) filename-prefix (\S+)|interval (\d+)|max (\d+))",
        s_archive,
    ),
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

"""Cisco NX-OS system statements that differ from IOS: `feature` switches, users with roles,
`use-vrf` on NTP/DNS/syslog/AAA servers, `line` blocks without numbers (SNMP is in
`cisco_nxos_snmp`). IOS statements NX-OS shares are left to the IOS table.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import LocalUser, MgmtLine, Server
from orchestrator.syntax.cisco_ios import CiscoIos
from orchestrator.syntax.cisco_nxos_snmp import SNMP_TOP
from orchestrator.syntax.cisco_system import LINE_RULES as IOS_LINE_RULES
from orchestrator.syntax.cisco_system import s_aaa_group
from orchestrator.syntax.rules import Ctx, Rule, dispatch_as, dispatch_children, rule
from orchestrator.syntax.text import Line

#: syslog severities by number, as the model names them
SEVERITIES = (
    "emergencies",
    "alerts",
    "critical",
    "errors",
    "warnings",
    "notifications",
    "informational",
    "debugging",
)
#: built-in NX-OS roles → the IOS privilege level that grants the same
ROLE_PRIVILEGE = {"network-admin": 15, "vdc-admin": 15, "network-operator": 1, "vdc-operator": 1}
#: what NX-OS itself writes for a password policy nobody changed
_DEFAULT_PASSPHRASE = ("99999", "14", "3")


def _system_flag(field: str, value: bool) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        setattr(ctx.config.system, field, value)
        ctx.config.system.at(line.n, field)

    return handler


# --- users ------------------------------------------------------------------------------------


def s_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`username NAME [password [0|5] SECRET] [role ROLE]`: type 5 is a crypt hash ($1$/$5$)."""
    name, words = m.group(1), m.group(2).split()
    user = ctx.config.system.users.get(name)
    if user is None:
        user = ctx.config.system.users[name] = LocalUser(name=name)
    user.at(line.n)
    while words:
        word = words.pop(0)
        if word == "password" and words:
            kind = "plain"
            if words[0] in ("0", "5") and len(words) > 1:
                kind = "unix_hash" if words.pop(0) == "5" else "plain"
            user.secret = ctx.secret(line, kind, words.pop(0))  # type: ignore[arg-type]
            user.at(line.n, "secret")
        elif word == "role" and words:
            role = words.pop(0)
            if user.role not in (None, role):
                ctx.report.unsupported(line, "a second role for one user is not translated")
                return
            user.role = role
            user.at(line.n, "role")
            level = ROLE_PRIVILEGE.get(role)
            if level is None and re.fullmatch(r"priv-\d+", role):
                level = int(role[5:])
            if level is not None:
                user.privilege = level
                user.at(line.n, "privilege")
        else:
            ctx.report.unsupported(line, f"username option {word!r} is not translated")
            return


def s_passphrase(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    if m.groups()[1:] == _DEFAULT_PASSPHRASE:
        ctx.report.ignored(
            line,
            "NX-OS default password aging (lifetime 99999 days: never "
            "expires, warning 14 days, grace 3 days)",
        )
    else:
        ctx.report.unsupported(line, "password aging for a local user is not translated")


# --- time, DNS, syslog ------------------------------------------------------------------------


def _vrf(name: str) -> str | None:
    return None if name == "default" else name


def as_ios(ctx: Ctx, line: Line, text: str) -> None:
    """Read ``line`` as the IOS statement ``text``, its IOS spelling."""
    if not dispatch_as(ctx, line, text, CiscoIos.TOP):
        ctx.report.unsupported(line, f"not understood (read as IOS {text!r})")


def s_summer_time_nx(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`clock summer-time Z W D M hh:mm W D M hh:mm OFFSET`: the IOS recurring rule, with
    NX-OS's week 5 meaning the last week of the month."""
    weeks = [("last" if w == "5" else w) for w in (m.group(2), m.group(6))]
    as_ios(
        ctx,
        line,
        f"clock summer-time {m.group(1)} recurring {weeks[0]} {m.group(3)} {m.group(4)} "
        f"{m.group(5)} {weeks[1]} {m.group(7)} {m.group(8)} {m.group(9)} {m.group(10)}",
    )


def s_ntp_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ntp server A [prefer] [use-vrf V] [key N]`."""
    words = m.group(1).split()
    # NX-OS may list one server twice (`ntp server A` and `ntp server A prefer`): one server
    server = ctx.config.system.ntp.servers.get(words[0]) or Server(address=words[0])
    words.pop(0)
    while words:
        word = words.pop(0)
        if word == "prefer":
            server.prefer = True
        elif word == "use-vrf" and words:
            server.vrf = _vrf(words.pop(0))
        elif word == "key" and words:
            server.key_id = int(words.pop(0))
        else:
            ctx.report.unsupported(line, f"ntp server option {word!r} is not translated")
            return
    server.at(line.n)
    ctx.config.system.ntp.servers[server.address] = server
    ctx.config.system.ntp.at(line.n, "servers")


def s_ntp_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.source_interface = ports.canonical_name(ctx.platform, m.group(1))
    ntp.at(line.n, "source_interface")


def s_name_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ip name-server A [B ...] [use-vrf V]`."""
    vrf = _vrf(m.group(2)) if m.group(2) else None
    for address in m.group(1).split():
        server = Server(address=address, vrf=vrf)
        server.at(line.n)
        ctx.config.system.dns_servers.append(server)
    ctx.config.system.at(line.n, "dns_servers")


def s_logging_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`logging server A [severity] [port P] [use-vrf V] [facility F]`."""
    words = m.group(1).split()
    server = Server(address=words.pop(0))
    if words and words[0].isdigit():
        server.level = SEVERITIES[int(words.pop(0))]
    while words:
        word = words.pop(0)
        if word == "port" and words:
            server.port = int(words.pop(0))
        elif word == "use-vrf" and words:
            server.vrf = _vrf(words.pop(0))
        elif word == "facility" and words:
            server.facility = words.pop(0)
        else:
            ctx.report.unsupported(line, f"logging server option {word!r} is not translated")
            return
    server.at(line.n)
    ctx.config.system.logging.hosts[server.address] = server
    ctx.config.system.logging.at(line.n, "hosts")


def s_logging_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    logging = ctx.config.system.logging
    logging.source_interface = ports.canonical_name(ctx.platform, m.group(1).replace(" ", ""))
    logging.at(line.n, "source_interface")


def s_logging_console(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    logging = ctx.config.system.logging
    logging.console_level = SEVERITIES[int(m.group(1) or 2)]  # NX-OS default: critical
    logging.at(line.n, "console_level")


def s_logging_monitor(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    logging = ctx.config.system.logging
    logging.monitor_level = SEVERITIES[int(m.group(1))]
    logging.at(line.n, "monitor_level")


def s_ip_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.ip_hosts[m.group(1)] = m.group(2).split()
    system.at_item(line.n, "ip_hosts", m.group(1))


def s_strength_check(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.password_strength_check = m.group(1) is None
    system.at(line.n, "password_strength_check")


def s_errdisable_interval(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.errdisable_recovery_interval = int(m.group(1))
    system.at(line.n, "errdisable_recovery_interval")


def s_errdisable_cause(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    system.errdisable_recovery_causes.append(m.group(1))
    system.at_item(line.n, "errdisable_recovery_causes", m.group(1))


# --- AAA --------------------------------------------------------------------------------------


def s_aaa_group_nx(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """IOS reads the members; NX-OS adds `use-vrf V` and `source-interface X` in the group."""
    s_aaa_group(ctx, line, m, scope)
    members = ctx.config.system.aaa.groups.get(m.group(2), [])
    for child in line.children:
        words = child.words
        if words[0] == "use-vrf" and len(words) == 2:
            # the servers may be defined after the group: applied once all lines are read
            ctx.state.setdefault("aaa_group_vrf", []).append((members, _vrf(words[1]), child.n))
            ctx.report.parsed(child)
        elif words[0] == "source-interface" and len(words) == 2:
            # the group's servers are reached from this interface
            field = (
                "tacacs_source_interface" if m.group(1) == "tacacs+" else "radius_source_interface"
            )
            aaa = ctx.config.system.aaa
            setattr(aaa, field, ports.canonical_name(ctx.platform, words[1]))
            aaa.at(child.n, field)
            ctx.report.parsed(child)


def s_aaa_config_commands(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """NX-OS `aaa authorization config-commands default M`: IOS command authorization."""
    as_ios(ctx, line, f"aaa authorization commands default {m.group(1)}")


def s_aaa_accounting(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """NX-OS `aaa accounting default M`: the one accounting method list NX-OS has."""
    as_ios(ctx, line, f"aaa accounting exec default {m.group(1)}")


def s_switchname(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.hostname = m.group(1)
    ctx.config.system.at(line.n, "hostname")


# --- management lines -------------------------------------------------------------------------


def s_line(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`line console` / `line vty` (NX-OS has one of each, unnumbered)."""
    if not line.children:
        ctx.report.ignored(line, "an empty line block sets nothing (NX-OS always shows it)")
        return
    entry = MgmtLine(kind=m.group(1))  # type: ignore[arg-type]
    entry.at(line.n)
    ctx.config.system.lines.append(entry)
    ctx.config.system.at(line.n, "lines")
    dispatch_children(ctx, line, LINE_RULES, entry)


def l_max_sessions(ctx: Ctx, line: Line, m: re.Match[str], entry: MgmtLine) -> None:
    entry.max_sessions = int(m.group(1))
    entry.at(line.n, "max_sessions")


LINE_RULES: list[Rule] = [
    rule(r"session-limit (\d+)", l_max_sessions),
    *IOS_LINE_RULES,
]

# --- the table ----------------------------------------------------------------------------------

_FEATURE = (
    "NX-OS `feature` only unlocks a protocol's commands; the targets enable each "
    "protocol by its own configuration, which is reported on its own lines"
)
_NXAPI = "NX-API (Cisco's HTTP/JSON API) is not translated: the targets offer NETCONF instead"

SYSTEM_TOP: list[Rule] = [
    *SNMP_TOP,
    rule(r"switchname (\S+)", s_switchname),
    rule(r"feature telnet", _system_flag("telnet_server", True)),
    rule(r"feature ssh", _system_flag("ssh_server", True)),
    rule(r"no feature ssh", _system_flag("ssh_server", False)),
    rule(r"feature scp-server", _system_flag("scp_server", True)),
    rule(r"feature lldp", _system_flag("lldp", True)),
    rule(
        r"feature udld",
        unsupported="UDLD is Cisco-only (Huawei DLDP does not interwork): "
        "unidirectional-link detection is not translated",
    ),
    rule(r"feature nxapi", unsupported=_NXAPI),
    rule(r"nxapi .+", unsupported=_NXAPI),
    rule(r"feature bash-shell", ignore="the Bash shell into NX-OS's Linux exists only on NX-OS"),
    rule(r"(?:install )?feature(?:-set)? .+", ignore=_FEATURE),
    rule(r"username (\S+) passphrase +lifetime (\d+) warntime (\d+) gracetime (\d+)", s_passphrase),
    rule(r"username (\S+) (.+)", s_user),
    rule(
        r"clock summer-time (\S+) ([1-5]) (\S+) (\S+) (\S+) ([1-5]) (\S+) (\S+) (\S+) (\d+)",
        s_summer_time_nx,
    ),
    rule(r"ntp server (.+)", s_ntp_server),
    rule(r"ntp source-interface (\S+)", s_ntp_source),
    rule(r"ip name-server ((?:\d+\.\d+\.\d+\.\d+ ?)+?)(?: use-vrf (\S+))?", s_name_server),
    rule(r"ip host (\S+) ((?:\S+ ?)+)", s_ip_host),
    rule(r"logging server (.+)", s_logging_server),
    rule(r"logging source-interface (\S+(?: \d\S*)?)", s_logging_source),
    rule(r"logging console(?: ([0-7]))?", s_logging_console),
    rule(
        r"logging (?:level \S+|module) [0-7]",
        ignore="NX-OS per-process (facility) log "
        "severity: it names NX-OS processes the targets do not have",
    ),
    rule(r"logging monitor ([0-7])", s_logging_monitor),
    rule(
        r"(?:no )?logging event link-status (?:enable|default)",
        ignore="syslog of port link up/down: the targets log every port's link changes by default",
    ),
    rule(
        r"(?:no )?logging event trunk-status (?:enable|default)",
        ignore="NX-OS syslog of trunk VLAN-state changes: a message the targets do not have",
    ),
    rule(r"aaa group server (tacacs\+|radius) (\S+)", s_aaa_group_nx),
    rule(r"aaa authorization config-commands default (.+)", s_aaa_config_commands),
    rule(r"aaa accounting default (.+)", s_aaa_accounting),
    rule(r"line (console|vty)", s_line),
    rule(r"(no )?password strength-check", s_strength_check),
    rule(r"errdisable recovery interval (\d+)", s_errdisable_interval),
    rule(r"errdisable recovery cause (\S+)", s_errdisable_cause),
]

"""Junos `system` and `snmp` → identity, name resolution, NTP, syslog, users, services, SNMP.

Statements with no meaning on another vendor's box (the Unix uid of an account, on-box log
files, console terminal type) are ignored with the rule that says why; settings the model
cannot hold (NETCONF, SSH public keys, per-facility syslog selection) are unsupported.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from orchestrator.model import (
    Server,
    SummerTime,
)
from orchestrator.syntax.juniper_junos_index import claim, secret_kind, source_interface
from orchestrator.syntax.juniper_junos_text import Stmt, unquote, values
from orchestrator.syntax.rules import Ctx, Handler, Rule, rule
from orchestrator.syntax.text import Line

#: Junos syslog severities → the model's (IOS) names.
SEVERITY = {
    "emergency": "emergencies",
    "alert": "alerts",
    "critical": "critical",
    "error": "errors",
    "warning": "warnings",
    "notice": "notifications",
    "info": "informational",
    "any": "debugging",
}


def s_hostname(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    ctx.config.system.hostname = unquote(m.group(1))
    ctx.config.system.at(line.n, "hostname")


def s_domain(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    ctx.config.system.domain_name = unquote(m.group(1))
    ctx.config.system.at(line.n, "domain_name")


def s_search(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    system = ctx.config.system
    for name in values(m.group(1)):
        if name not in system.domain_search:
            system.domain_search.append(name)
        system.at_item(line.n, "domain_search", name)
    system.at(line.n, "domain_search")


def _server(ctx: Ctx, address: str, options: str) -> tuple[Server, list[str]]:
    """A server address with the options Junos may give after it; unknown options returned."""
    server = Server(address=address)
    rest: list[str] = []
    words = values(options)
    i = 0
    while i < len(words):
        word = words[i]
        arg = words[i + 1] if i + 1 < len(words) else ""
        if word == "routing-instance":
            server.vrf = arg
            i += 2
        elif word == "prefer":
            server.prefer = True
            i += 1
        elif word == "key":
            server.key_id = int(arg)
            i += 2
        elif word == "port":
            server.port = int(arg)
            i += 2
        elif word == "version" and arg == "4":
            i += 2  # NTPv4 is what every target speaks
        else:
            rest.append(word)
            i += 1
    return server, rest


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _offset(minutes: int) -> tuple[int, int]:
    """-210 minutes → (-3, 30): the sign on the hours, as `clock timezone` writes it."""
    hours, rest = divmod(abs(minutes), 60)
    return (-hours if minutes < 0 else hours), rest


def _recurring(when: datetime) -> tuple[str, str, str, str]:
    """A local transition time as a recurring rule: (week or "last", weekday, month, h:mm)."""
    last_day = (when.replace(month=when.month % 12 + 1, day=1) - timedelta(days=1)).day
    week = "last" if when.day + 7 > last_day else str((when.day - 1) // 7 + 1)
    return week, _DAYS[when.weekday()], _MONTHS[when.month - 1], f"{when.hour}:{when.minute:02d}"


def timezone_rules(name: str, year: int = 2025) -> tuple[tuple[str, int, int], SummerTime | None]:
    """A tz database zone as a fixed offset and, where it has one, a daylight-saving rule.

    >>> timezone_rules("Europe/Berlin")[0]
    ('CET', 1, 0)
    >>> st = timezone_rules("Europe/Berlin")[1]
    >>> (st.zone, st.start, st.end, st.offset)
    ('CEST', ('last', 'Sun', 'Mar', '2:00'), ('last', 'Sun', 'Oct', '3:00'), 60)
    """
    if name.upper() in ("UTC", "GMT", "ETC/UTC", "ETC/GMT", "UNIVERSAL", "ZULU"):
        return ("UTC", 0, 0), None
    zone = ZoneInfo(name)
    utc = datetime(year, 1, 1, tzinfo=UTC)
    changes: list[tuple[datetime, timedelta, timedelta]] = []
    before = utc.astimezone(zone).utcoffset() or timedelta()
    for quarter in range(1, 366 * 96):  # zones move at :00, :30 or :45
        moment = (utc + timedelta(minutes=15 * quarter)).astimezone(zone)
        now = moment.utcoffset() or timedelta()
        if now != before:
            changes.append((moment - now + before, before, now))  # local time just before
            before = now
    offsets = [before, *(c[2] for c in changes)]
    standard = min(offsets)
    std_label = next(
        (
            (utc + timedelta(days=d)).astimezone(zone).tzname() or name
            for d in range(0, 366, 30)
            if (utc + timedelta(days=d)).astimezone(zone).utcoffset() == standard
        ),
        name,
    )
    fixed = (std_label, *_offset(int(standard.total_seconds()) // 60))
    if len(changes) != 2:
        return fixed, None
    start = next(c for c in changes if c[2] > c[1])
    end = next(c for c in changes if c[2] < c[1])
    dst_label = (start[0] + timedelta(days=1)).astimezone(zone).tzname() or name
    rule_ = SummerTime(
        zone=dst_label,
        start=_recurring(start[0].replace(tzinfo=None)),
        end=_recurring(end[0].replace(tzinfo=None)),
        offset=int((start[2] - start[1]).total_seconds()) // 60,
    )
    return fixed, rule_


def s_timezone(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    try:
        fixed, summer = timezone_rules(unquote(m.group(1)))
    except (ZoneInfoNotFoundError, ValueError):
        ctx.report.unsupported(line, f"time zone {m.group(1)} is not in this machine's tz data")
        return
    system = ctx.config.system
    system.timezone = fixed
    system.at(line.n, "timezone")
    if summer is not None:
        summer.at(line.n)
        system.summer_time = summer
        system.at(line.n, "summer_time")


def s_name_server(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    server, rest = _server(ctx, m.group(1), m.group(2) or "")
    if rest:
        ctx.report.unsupported(line, f"name-server option {' '.join(rest)} is not translated")
        return
    server.at(line.n)
    ctx.config.system.dns_servers.append(server)
    ctx.config.system.at(line.n, "dns_servers")


def s_ntp_server(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    server, rest = _server(ctx, m.group(1), m.group(2) or "")
    if rest:
        ctx.report.unsupported(line, f"NTP server option {' '.join(rest)} is not translated")
        return
    ntp = ctx.config.system.ntp
    old = ntp.servers.get(server.address)
    if old is not None:
        for name in ("vrf", "prefer", "key_id"):
            if getattr(server, name) in (None, False):
                setattr(server, name, getattr(old, name))
        server.src = old.src
    server.at(line.n)
    ntp.servers[server.address] = server
    ntp.at(line.n, "servers")


def s_ntp_key(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    ntp = ctx.config.system.ntp
    value = unquote(m.group(3))
    if m.group(2) != "md5":
        ctx.report.unsupported(line, f"NTP {m.group(2)} keys are not carried (md5 only)")
        return
    ntp.keys[int(m.group(1))] = ctx.secret(line, secret_kind(value), value)
    ntp.at_item(line.n, "keys", int(m.group(1)))


def s_ntp_trusted(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    ntp = ctx.config.system.ntp
    for key in values(m.group(1)):
        ntp.trusted_keys.append(int(key))
        ntp.at_item(line.n, "trusted_keys", int(key))
    ntp.authenticate = True
    ntp.at(line.n, "trusted_keys", "authenticate")


def s_ntp_source(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    owner = source_interface(ctx, line, m.group(1))
    if owner is not None:
        ctx.config.system.ntp.source_interface = owner
        ctx.config.system.ntp.at(line.n, "source_interface")


def s_syslog_host(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    logging = ctx.config.system.logging
    host = logging.hosts.get(m.group(1))
    if host is None:
        host = logging.hosts[m.group(1)] = Server(address=m.group(1))
    host.at(line.n)
    logging.at(line.n, "hosts")
    words = values(m.group(2) or "")
    if not words:
        return
    if words[0] == "any" and len(words) == 2 and words[1] in SEVERITY:
        host.level = SEVERITY[words[1]]
        host.at(line.n, "level")
    elif words[0] == "facility-override" and len(words) == 2:
        host.facility = words[1]
        host.at(line.n, "facility")
    elif words[0] == "port" and len(words) == 2:
        host.port = int(words[1])
        host.at(line.n, "port")
    elif words[0] == "routing-instance" and len(words) == 2:
        host.vrf = words[1]
        host.at(line.n, "vrf")
    elif words[0] == "source-address" and len(words) == 2:
        owner = source_interface(ctx, line, words[1])
        if owner is not None:
            logging.source_interface = owner
            logging.at(line.n, "source_interface")
    else:
        ctx.report.unsupported(
            line,
            f"syslog selection `{' '.join(words)}` is not carried: the target sends one "
            "severity for all facilities",
        )


def s_syslog_console(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    logging = ctx.config.system.logging
    level = m.group(1)
    logging.console_level = "disable" if level == "none" else SEVERITY[level]
    logging.at(line.n, "console_level")


def s_syslog_source(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    owner = source_interface(ctx, line, m.group(1))
    if owner is not None:
        ctx.config.system.logging.source_interface = owner
        ctx.config.system.logging.at(line.n, "source_interface")


def s_banner(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    # `message` is shown before the login prompt, `announcement` after a successful login
    kind = "login" if m.group(1) == "message" else "exec"
    ctx.config.system.banners[kind] = unquote(m.group(2)).replace("\\n", "\n")
    ctx.config.system.at(line.n, "banners")


def _service(field: str, value: bool = True) -> Handler:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
        setattr(ctx.config.system, field, value)
        ctx.config.system.at(line.n, field)

    return handler


_SSH_TUNING = re.compile(
    r"(?:connection-limit|rate-limit|max-sessions-per-connection|client-alive-\S+|ciphers|"
    r"macs|key-exchange|hostkey-algorithm|authentication-order|sftp-server|port) .+"
)


def s_ssh(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    """Any `services ssh` statement says SSH is on; in brace form `ssh {` is what says it."""
    system = ctx.config.system
    system.ssh_server = True
    option = m.group(1)
    opener = stmt.opener(3)
    if opener is not None:
        claim(ctx, stmt, 3, system, "ssh_server")
    if option is None or opener is None:
        system.at(line.n, "ssh_server")
    if option is None:
        return
    if option == "protocol-version v2":
        system.ssh_version = 2
        system.at(line.n, "ssh_version")
    elif re.fullmatch(r"root-login (?:allow|deny|deny-password)", option):
        if opener is not None:
            ctx.report.ignored(line, "root login policy of Junos; the target has no Unix root")
    elif _SSH_TUNING.fullmatch(option):
        ctx.report.unsupported(line, "SSH server tuning is not carried by the model")
    else:
        ctx.report.unsupported(line, f"SSH option `{option}` is not translated")


SYSTEM_TOP: list[Rule] = [
    rule(r"version .+", ignore="the Junos software version; the target runs its own"),
    rule(r"system host-name (.+)", s_hostname),
    rule(r"system time-zone (\S+)", s_timezone),
    rule(r"system domain-name (\S+)", s_domain),
    rule(r"system domain-search (.+)", s_search),
    rule(r"system name-server (\S+)(?: (.+))?", s_name_server),
    rule(r"system ntp server (\S+)(?: (.+))?", s_ntp_server),
    rule(r"system ntp authentication-key (\d+) type (\S+) value (\S+)", s_ntp_key),
    rule(r"system ntp trusted-key (.+)", s_ntp_trusted),
    rule(r"system ntp source-address (\S+)", s_ntp_source),
    rule(
        r"system ntp boot-server \S+",
        ignore="a server used once to set the clock at boot; "
        "the targets' NTP client sets the clock itself",
    ),
    rule(r"system syslog host (\S+)(?: (.+))?", s_syslog_host),
    rule(r"system syslog console (?:any )?(\S+)", s_syslog_console),
    rule(r"system syslog source-address (\S+)", s_syslog_source),
    rule(
        r"system syslog file .+",
        ignore="an on-box log file of Junos; each target keeps its own log buffer and files",
    ),
    rule(
        r"system syslog user .+",
        ignore="messages to the terminals of logged-in users; the "
        "targets show them on the console and on terminals that ask (terminal monitor)",
    ),
    rule(
        r"system syslog (?:archive|time-format|structured-data)(?: .*)?",
        ignore="on-box log file format and rotation",
    ),
    rule(r"system login (message|announcement) (.+)", s_banner),
    rule(
        r"system root-authentication ssh-\S+ .+",
        unsupported="SSH public-key login: install the key on the target",
    ),
    rule(r"system services ssh(?: (.+))?", s_ssh),
    rule(r"system services telnet(?: .*)?", _service("telnet_server")),
    rule(r"system services web-management http(?: port \d+)?", _service("http_server")),
    rule(r"system services web-management https(?: .*)?", _service("https_server")),
    rule(r"system services netconf ssh(?: port 830)?", _service("netconf")),
    rule(
        r"system services netconf rfc-compliant",
        ignore="the targets' NETCONF servers follow the RFC by default",
    ),
    rule(
        r"system services web-management http interface .+",
        unsupported="web management "
        "restricted to some interfaces: the model holds no such restriction",
    ),
    rule(
        r"system services (?:ftp|finger|rest|dhcp-local-server|xnm-clear-text|xnm-ssl)(?: .*)?",
        unsupported="this management service is not carried by the model",
    ),
    rule(
        r"system ports console .+",
        ignore="console terminal settings (terminal type, "
        "log-out on disconnect); the target's console has its own",
    ),
    rule(r"system location .+", ignore="informational site location; it configures nothing"),
    rule(r"system license .+", ignore="Junos licence server; the target has its own licences"),
    rule(
        r"system (?:commit|processes|auto-snapshot|archival|scripts|extensions)(?: .*)?",
        ignore="Junos software housekeeping (commit, daemons, scripts, archival)",
    ),
    rule(
        r"system (?:max-configurations-on-flash|max-configuration-rollbacks) .+",
        ignore="Junos rollback storage",
    ),
    rule(r"system management-instance", unsupported="management VRF for fxp0 is not translated"),
]

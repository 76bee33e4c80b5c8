"""ZXROS system settings: identity, banners, DNS, time, NTP, syslog, SNMP, TACACS+/RADIUS and the
AAA templates, local users (`system-user`), management lines, SSH, LLDP and spanning tree.

ZXROS authenticates through numbered templates instead of IOS method lists: the default login
list becomes `aaa-authentication-template 2001` (as on the OLT in the corpus), the default exec
authorization list `aaa-authorization-template 2001`, the default accounting list
`aaa-accounting-template 2001`. A user's privilege comes from the authorization template bound
to the user; cutover writes one template per privilege level, numbered 100 + level.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    DeviceConfig,
    Secret,
    Server,
    item_key,
)
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.rules import Ctx, Rule, rule, set_field
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_aaa import (
    render_aaa,
    render_users,
    s_aaa_template,
    s_group,
    s_system_user,
    s_tacacs_host,
)
from orchestrator.syntax.zte_zxros_common import Writer, ifname, read_secret, write_secret
from orchestrator.syntax.zte_zxros_ifextra import render_lldp
from orchestrator.syntax.zte_zxros_lines import render_lines, s_line, s_ssh_acl
from orchestrator.syntax.zte_zxros_mgmt import (
    SNMP_USER_TOP,
    SUMMER_TOP,
    render_logging,
    render_ntp,
    render_snmp,
    render_summer_time,
    s_ntp_key,
    s_ntp_server,
    s_ntp_trusted,
    s_snmp_community,
    s_snmp_field,
    s_snmp_host,
    s_syslog_facility,
    s_syslog_host,
)

_BANNER = re.compile(r"banner (motd|login|exec|incoming) (\S)(.*)")
_BANNER_KEYS = {"motd": "motd", "login": "login", "exec": "exec", "incoming": "incoming"}


# --- banners (multi-line, read from the raw file before views are built) -----------------------


def collect_banners(ctx: Ctx, raw: list[Line], counted: dict[int, Line]) -> set[int]:
    """Read `banner incoming|login <d>…<d>` blocks; return the line numbers they take."""
    taken: set[int] = set()
    i = 0
    while i < len(raw):
        m = _BANNER.fullmatch(raw[i].text)
        if not m or raw[i].n not in counted:
            i += 1
            continue
        key, delim, first = _BANNER_KEYS[m.group(1)], m.group(2), m.group(3)
        head = raw[i]
        body: list[str] = []
        taken.add(head.n)
        ctx.report.parsed(head)
        if delim in first:
            body.append(first.split(delim, 1)[0])
        else:
            if first:
                body.append(first)
            i += 1
            while i < len(raw):
                text = raw[i].raw.rstrip()
                taken.add(raw[i].n)
                ctx.report.parsed(raw[i])
                if delim in text:
                    before = text.split(delim, 1)[0]
                    if before.strip():
                        body.append(before)
                    break
                body.append(text)
                i += 1
        system = ctx.config.system
        system.banners[key] = "\n".join(body)
        for n in range(head.n, raw[i].n + 1 if i < len(raw) else head.n + 1):
            system.at(n, "banners")
        i += 1
    return taken


def _render_banners(w: Writer, config: DeviceConfig) -> None:
    system = config.system
    for key, value in system.banners.items():
        word = key if key in _BANNER_KEYS else None
        if word is None:
            w.out.unsupported(system, "banners", reason=f"ZXROS has no {key} banner")
            continue
        delim = next(d for d in "#%^&@~" if d not in value)
        lines = value.split("\n")
        w.line(f"banner {word} {delim}", system, "banners")
        for text in lines[:-1]:
            w.out.emit(text, system, "banners")
        w.out.emit(lines[-1] + delim, system, "banners")


# --- top-level statements ------------------------------------------------------------------------


def s_hostname(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    set_field(ctx.config.system, line, "hostname", m.group(1))


def s_domain(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    set_field(ctx.config.system, line, "domain_name", m.group(1))


def s_name_server(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    server = Server(address=m.group(1), vrf=m.group(2))
    server.at(line.n)
    ctx.config.system.dns_servers.append(server)
    ctx.config.system.at(line.n, "dns_servers")


def s_timezone(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    hours = int(m.group(2))
    minutes = int(m.group(3) or 0)
    set_field(ctx.config.system, line, "timezone", (m.group(1), hours, minutes))


def s_spantree(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    for child in line.children:
        mm = re.fullmatch(r"mode (stp|rstp|mstp)", child.text)
        pm = re.fullmatch(r"instance (\d+) priority (\d+)", child.text)
        if child.text == "enable":
            ctx.report.ignored(child, "spanning tree runs when a mode is set")
        elif mm:
            ctx.report.parsed(child)
            set_field(system, child, "stp_mode", mm.group(1))
        elif pm:
            ctx.report.parsed(child)
            system.stp_priority[int(pm.group(1))] = int(pm.group(2))
            system.at(child.n, "stp_priority")
        else:
            ctx.report.unsupported(child, "spanning-tree setting not translated")


def _flag(name: str, value: object) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        target = ctx.config.system
        for part in name.split(".")[:-1]:
            target = getattr(target, part)
        set_field(target, line, name.split(".")[-1], value)

    return handler


def s_source(path: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        target = getattr(ctx.config.system, path)
        set_field(target, line, "source_interface", ifname(m.group(1)))

    return handler


SYSTEM_TOP: list[Rule] = [
    rule(r"hostname (\S+)", s_hostname),
    rule(r"ip domain[ -]name (\S+)", s_domain),
    rule(r"ip name-server (\S+)(?: vrf (\S+))?", s_name_server),
    rule(r"clock timezone (\S+) ([+-]?\d+)(?: (\d+))?", s_timezone),
    rule(r"ntp enable", ignore="the NTP client runs when servers are configured"),
    rule(r"ntp server (\S+)((?: \S+)*)", s_ntp_server),
    rule(r"ntp source interface (\S+)", s_source("ntp")),
    rule(r"ntp authenticate", _flag("ntp.authenticate", True)),
    rule(r"ntp authentication-key (\d+) md5 (?:(clear|encrypted) )?(\S+)", s_ntp_key),
    rule(r"ntp trusted-key (\d+)", s_ntp_trusted),
    rule(r"syslog-server host (\S+)(?: fport (\d+))?", s_syslog_host),
    rule(r"syslog-server source interface (\S+)", s_source("logging")),
    rule(r"syslog-server facility (\S+)", s_syslog_facility),
    rule(
        r"syslog level (\S+)",
        lambda c, ln, m, s: set_field(c.config.system.logging, ln, "trap_level", m.group(1)),
    ),
    rule(
        r"snmp-server community (?:(encrypted) )?(\S+)(?: showclear)?(?: view (\S+))? (ro|rw)"
        r"(?: ipv4-access-list (\S+))?",
        s_snmp_community,
    ),
    rule(
        r"snmp-server host (\S+)(?: vrf (\S+))? (trap|inform) version (1|2c|3) (\S+)"
        r"(?: showclear)?(?: udp-port 162)?",
        s_snmp_host,
    ),
    *SNMP_USER_TOP,
    *SUMMER_TOP,
    rule(r"snmp-server location (.+)", s_snmp_field("location")),
    rule(r"snmp-server contact (.+)", s_snmp_field("contact")),
    rule(r"snmp-server enable trap", _flag("snmp.traps_enabled", True)),
    rule(r"snmp-server trap-source interface (\S+)", s_source("snmp")),
    rule(r"snmp-server version v2c enable", ignore="SNMP v2c follows from the communities"),
    rule(r"tacacs enable", ignore="TACACS+ is enabled with its servers"),
    rule(
        r"tacacs-server host (\S+)(?: key (?:(encrypted) )?(\S+))?",
        lambda c, ln, m, s: s_tacacs_host(
            c,
            ln,
            re.fullmatch(r"(\S+)(?: (key(?: encrypted)?) (\S+))?", ln.text.split("host ", 1)[1])
            or m,
            s,
        ),
    ),
    rule(r"tacacs-client source-interface (\S+)", s_source("aaa")),
    rule(r"tacplus group-server (\S+)", s_group("tacacs")),
    rule(r"radius authentication-group (\S+)", s_group("radius")),
    rule(r"aaa-(authentication|authorization|accounting)-template (\d+)", s_aaa_template),
    rule(r"system-user", s_system_user),
    rule(
        r"login block (\d+) attempts (\d+) within (\d+)",
        lambda c, ln, m, s: set_field(
            c.config.system, ln, "login_block", tuple(int(x) for x in m.groups())
        ),
    ),
    rule(
        r"enable secret (?:(encrypted) )?(\S+)",
        lambda c, ln, m, s: set_field(
            c.config.system,
            ln,
            "enable_secret",
            read_secret(c, ln, m.group(2), encrypted=bool(m.group(1))),
        ),
    ),
    rule(r"line (console|telnet) (.+)", s_line),
    rule(r"ssh server enable", _flag("ssh_server", True)),
    rule(
        r"ssh server version (\d)",
        lambda c, ln, m, s: set_field(c.config.system, ln, "ssh_version", int(m.group(1))),
    ),
    rule(r"ssh server access-class ipv4 (\S+)", s_ssh_acl),
    rule(r"spantree", s_spantree),
]


def finish_system(ctx: Ctx) -> None:
    levels: dict[str, int] = ctx.state.get("priv_templates", {})
    for user, template, n in ctx.state.get("user_templates", []):
        if template in levels:
            user.privilege = levels[template]
            user.at(n, "privilege")


# --- rendering -----------------------------------------------------------------------------------


def render_system(out: Emitter, config: DeviceConfig) -> None:
    """What ZXROS prints first: identity, banners, name resolution, time."""
    w = Writer(out)
    system = config.system
    with w.section("system-config"):
        if system.hostname is not None:
            w.line(f"hostname {system.hostname}", system, "hostname")
        _render_banners(w, config)
        if system.domain_name is not None:
            w.line(f"ip domain name {system.domain_name}", system, "domain_name")
        if system.domain_lookup is not None:
            out.ignore(system, "domain_lookup", rule="ZXROS never resolves mistyped CLI words")
        if system.domain_search:
            out.unsupported(system, "domain_search", reason="DNS search lists are not translated")
        for dns in system.dns_servers:
            vrf = f" vrf {dns.vrf}" if dns.vrf else ""
            w.item(f"ip name-server {dns.address}{vrf}", dns, "address", "vrf")
        if system.dns_source_interface is not None:
            out.unsupported(system, "dns_source_interface", reason="DNS source interface")
        if system.timezone is not None:
            name, hours, minutes = system.timezone
            w.line(
                f"clock timezone {name} {hours}" + (f" {minutes}" if minutes else ""),
                system,
                "timezone",
            )
        render_summer_time(w, config)
        if system.enable_secret is not None:
            w.line(f"enable secret {write_secret(system.enable_secret)}", system, "enable_secret")
    render_ntp(w, config)
    render_logging(w, config)
    render_snmp(w, config)


def render_system_tail(out: Emitter, config: DeviceConfig) -> None:
    """AAA, users, management lines, SSH, LLDP and spanning tree (ZXROS prints them late)."""
    w = Writer(out)
    render_aaa(w, config)
    render_users(w, config)
    render_lines(w, config)
    _render_services(w, config)


def _render_services(w: Writer, config: DeviceConfig) -> None:
    system = config.system
    out = w.out
    with w.section("ssh"):
        if system.ssh_server:
            w.line("ssh server enable", system, "ssh_server")
        elif system.ssh_server is False:
            out.unsupported(system, "ssh_server", reason="turning the SSH server off")
        if system.ssh_version == 2:
            w.line("ssh server version 2", system, "ssh_version")
        elif system.ssh_version is not None:
            out.unsupported(system, "ssh_version", reason="ZXROS NG speaks SSHv2 only")
        if system.ssh_timeout is not None:
            out.unsupported(system, "ssh_timeout", reason="SSH timeout: spelling not confirmed")
    if system.telnet_server:
        out.ignore(system, "telnet_server", rule="ZXROS runs its Telnet server by default")
    elif system.telnet_server is False:
        out.unsupported(
            system,
            "telnet_server",
            reason="use `line telnet server disable`; not written when no vty line exists",
        )
    for name in ("http_server", "https_server"):
        value = getattr(system, name)
        if value is False:
            out.ignore(system, name, rule="ZXROS NG has no web management server")
        elif value:
            out.unsupported(system, name, reason="ZXROS NG has no web management server")
    for name in ("ip_routing", "ipv6_routing"):
        if getattr(system, name):
            out.ignore(system, name, rule="ZXROS routes IPv4 and IPv6 by default")
        elif getattr(system, name) is False:
            out.unsupported(system, name, reason="turning routing off")
    if system.cdp is not None:
        out.unsupported(system, "cdp", reason="CDP does not exist on ZXROS")
    render_lldp(w, config)
    _render_stp(w, config)


def _render_stp(w: Writer, config: DeviceConfig) -> None:
    system = config.system
    if system.stp_mode is None and not system.stp_priority:
        return
    with w.section("stp"), w.view("spantree"):
        w.plain("enable")
        if system.stp_mode is not None:
            w.line(f"mode {system.stp_mode}", system, "stp_mode")
        for key, priority in system.stp_priority.items():
            if key == 0 and system.stp_mode in ("mstp", "rstp", "stp", None):
                w.line(f"instance 0 priority {priority}", system, item_key("stp_priority", key))
            else:
                w.out.unsupported(
                    system,
                    "stp_priority",
                    reason="per-VLAN bridge priorities: ZXROS sets priorities per MST instance",
                )


__all__ = [
    "SYSTEM_TOP",
    "Secret",
    "collect_banners",
    "finish_system",
    "render_system",
    "render_system_tail",
]

"""Render the model as Comware 7 `display current-configuration` text.

Blocks come in an order a device accepts when the text is loaded line by line: objects are
defined before they are referenced (VPN instances, VLANs, ACLs and route policies before the
interfaces and protocols that use them; aggregates before their member ports).
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, System
from orchestrator.syntax.base import Emitter, Rendered
from orchestrator.syntax.hp_comware_common import DAYS, MONTHS, is_set, write_secret
from orchestrator.syntax.hp_comware_drni import render_drni
from orchestrator.syntax.hp_comware_render_aaa import render_aaa, render_lines, render_users
from orchestrator.syntax.hp_comware_render_bgp import render_bgp
from orchestrator.syntax.hp_comware_render_ifc import (
    render_interfaces,
    render_mirroring,
    render_static_routes,
    render_tracks,
    render_vlans,
    render_vrfs,
)
from orchestrator.syntax.hp_comware_render_overlay import render_overlay_globals, render_vsis
from orchestrator.syntax.hp_comware_render_policy import render_filters, render_route_policies
from orchestrator.syntax.hp_comware_render_routing import render_ospf
from orchestrator.syntax.hp_comware_render_security import render_security
from orchestrator.syntax.hp_comware_render_services import (
    check_nat_rules,
    render_dhcp,
    render_nat_groups,
    render_nat_static,
    render_nqa,
    render_qos,
)
from orchestrator.syntax.hp_comware_render_system import (
    render_dns,
    render_logging,
    render_management,
    render_ntp,
    render_snmp,
)
from orchestrator.syntax.hp_comware_zones import render_zones
from orchestrator.syntax.sweep import sweep
from orchestrator.syntax.vrp_family import vlan_text

_WEEKS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "last": "last"}
#: the model's month and day abbreviations (`Mar`, `Sun`) → the names Comware writes
_MONTHS = {m[:3]: m for m in MONTHS}
_DAYS = {d[:3]: d for d in DAYS}
#: the model's banner names → `header` kinds
HEADERS = {
    "motd": "motd",
    "login": "login",
    "exec": "shell",
    "incoming": "incoming",
    "legal": "legal",
}


def render_config(config: DeviceConfig) -> Rendered:
    """Comware text for ``config``, which `HpComware.prepare` has shaped; it is not changed."""
    out = Emitter("hp_comware")
    system = config.system
    _identity(system, out)
    render_vrfs(config, out)
    render_dns(system, out)
    render_management(system, out)
    render_overlay_globals(config, out)
    render_vlans(config, out)
    _stp(system, out)
    render_drni(config, out)
    _archive(system, out)
    render_filters(config, out)
    render_route_policies(config, out)
    render_qos(config, out)
    render_nat_groups(config, out)
    render_dhcp(config, out)
    render_nqa(config, out)
    render_security(config, out)
    render_tracks(config, out)
    render_interfaces(config, out)
    render_zones(config, out)
    render_vsis(config, out)
    render_mirroring(config, out)
    check_nat_rules(config, out)
    render_nat_static(config, out)
    render_static_routes(config, out)
    render_ospf(config, out)
    render_bgp(config, out)
    render_aaa(config, out)
    render_users(system, out)
    render_lines(system, out)
    render_snmp(system, out)
    render_ntp(system, out)
    render_logging(system, out)
    _banners(system, out)
    sweep(out, config)
    out.plain("#")
    out.plain("return")
    return out.result


def _identity(system: System, out: Emitter) -> None:
    out.plain("#")
    if system.hostname is not None:
        out.emit(f" sysname {system.hostname}", system, "hostname")
    if system.timezone is not None:
        name, hours, minutes = system.timezone
        sign = "minus" if hours < 0 else "add"
        out.emit(
            f" clock timezone {name} {sign} {abs(hours):02d}:{minutes:02d}:00", system, "timezone"
        )
    summer = system.summer_time
    if summer is not None:
        if summer.mode != "recurring":
            out.unsupported(
                system,
                "summer_time",
                reason="Comware summer time on dates recurs every year; "
                "a one-time date rule is not translated",
            )
        else:

            def point(p: tuple[str, str, str, str]) -> str:
                week, day, month, time = p
                return f"{time}:00 {_MONTHS[month]} {_WEEKS[week]} {_DAYS[day]}"

            hours, minutes = divmod(summer.offset, 60)
            out.emit(
                f" clock summer-time {summer.zone} {point(summer.start)} "
                f"{point(summer.end)} {hours:02d}:{minutes:02d}:00",
                system,
                "summer_time",
            )
            out.mark(summer, "", "mode", "offset")
    if system.enable_secret is not None:
        out.emit(
            f" super password role network-admin {write_secret(system.enable_secret)}",
            system,
            "enable_secret",
        )
    if system.ip_routing is not None:
        if system.ip_routing:
            out.ignore(system, "ip_routing", rule="Comware routes IPv4 by default")
        else:
            out.unsupported(
                system,
                "ip_routing",
                reason="a Comware box always routes between its layer-3 interfaces",
            )
    if system.ipv6_routing is not None:
        if system.ipv6_routing:
            out.ignore(system, "ipv6_routing", rule="Comware 7 forwards IPv6 by default")
        else:
            out.unsupported(system, "ipv6_routing", reason="IPv6 forwarding cannot be switched off")


def _archive(system: System, out: Emitter) -> None:
    """Configuration archives: local copies under a file name prefix, by interval."""
    archive = system.config_archive
    if archive is None:
        return
    logging_rule = "Comware logs every command entered, keys in cipher text, by default"
    for name in ("log_enable", "log_hidekeys", "log_notify_syslog", "log_size"):
        if is_set(archive, name):
            out.ignore(archive, name, rule=logging_rule)
    if archive.write_memory:
        out.unsupported(
            archive,
            "write_memory",
            reason="Comware archives by interval or on demand, not on every save",
        )
    lines: list[tuple[str, str]] = []
    if archive.path is not None and archive.path.startswith("flash:/"):
        directory, _, prefix = archive.path.rpartition("/")
        lines.append(
            (
                f"archive configuration location {directory or 'flash:'}/ filename-prefix {prefix}",
                "path",
            )
        )
    elif archive.path is not None:
        out.unsupported(
            archive, "path", reason="Comware keeps configuration archives on its own storage"
        )
    if lines and archive.time_period is not None:
        lines.append((f"archive configuration interval {archive.time_period}", "time_period"))
    if lines and archive.maximum is not None:
        lines.append((f"archive configuration max {archive.maximum}", "maximum"))
    if not lines:
        for name in ("time_period", "maximum"):
            if is_set(archive, name):
                out.unsupported(archive, name, reason="an archive needs a location on the box")
        out.ignore(system, "config_archive", rule="no archive location on the box to write")
        return
    out.plain("#")
    for text, name in lines:
        out.emit(f" {text}", archive, name, "")


def _stp(system: System, out: Emitter) -> None:
    if system.stp_mode is None and not system.stp_priority:
        return
    out.plain("#")
    if system.stp_mode is not None:
        out.emit(f" stp mode {system.stp_mode}", system, "stp_mode")
    by_priority: dict[int, list[int]] = {}
    for key, priority in system.stp_priority.items():
        by_priority.setdefault(priority, []).append(key)
    word = "vlan" if system.stp_mode == "pvst" else "instance"
    for priority, keys in sorted(by_priority.items()):
        if word == "instance" and keys == [0]:
            out.emit(f" stp priority {priority}", system, "stp_priority")
            continue
        for chunk in vlan_text(keys):
            out.emit(f" stp {word} {chunk} priority {priority}", system, "stp_priority")
    out.emit(" stp global enable", system, "stp_mode")


def _banners(system: System, out: Emitter) -> None:
    for kind, text in system.banners.items():
        header = HEADERS[kind]  # `prepare` keeps only the kinds Comware has
        delim = next((d for d in "%@^$&~*" if d not in text), None)
        if delim is None:
            out.unsupported(system, "banners", reason="the banner uses every delimiter")
            continue
        out.plain("#")
        out.emit(f" header {header} {delim}", system, "banners")
        for line in text.split("\n"):
            out.emit(line, system, "banners")
        out.emit(delim, system, "banners")

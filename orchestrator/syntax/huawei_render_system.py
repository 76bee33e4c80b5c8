"""VRP system statements: identity, DNS, time, logging, SNMP, NTP, servers, STP, banners
(AAA, users and lines are `huawei_render_aaa`)."""

from __future__ import annotations

from orchestrator.model import DeviceConfig, System, item_key
from orchestrator.syntax.huawei_common import secret_text, severity_for_vrp
from orchestrator.syntax.huawei_render_base import Writer
from orchestrator.syntax.vrp_family import vlan_text


def render_identity(config: DeviceConfig, w: Writer) -> None:
    system = config.system
    if system.hostname:
        w.line(f"sysname {system.hostname}", system, "hostname")
    if system.domain_lookup:
        w.line("dns resolve", system, "domain_lookup")
    elif system.domain_lookup is False:
        w.ignore(system, "domain_lookup", rule="VRP resolves names only after `dns resolve`")
    if system.domain_name:
        w.line(f"dns domain {system.domain_name}", system, "domain_name")
    for domain in system.domain_search:
        w.line(f"dns domain {domain}", system, item_key("domain_search", domain))
    for server in system.dns_servers:
        ipv6 = "ipv6 " if ":" in server.address else ""
        vrf = f" vpn-instance {server.vrf}" if server.vrf else ""
        w.line(f"dns server {ipv6}{server.address}{vrf}", server, "", "vrf")
    if system.dns_source_interface:
        w.line(
            f"dns server source-interface {system.dns_source_interface}",
            system,
            "dns_source_interface",
        )
    if system.timezone is not None:
        name, hours, minutes = system.timezone
        sign = "minus" if hours < 0 else "add"
        w.line(
            f"clock timezone {name} {sign} {abs(hours):02d}:{minutes:02d}:00", system, "timezone"
        )


_WEEKS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "last": "last", "5": "last"}
_DAYS = {d.lower(): d for d in ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")}
_MONTHS = {
    m.lower(): m
    for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
}


def render_summer_time(system: System, w: Writer) -> None:
    """`clock daylight-saving-time NAME repeating 02:00 second Sunday March ...`."""
    summer = system.summer_time
    if summer is None:
        return
    points = []
    for week, day, month, time in (summer.start, summer.end):
        names = (
            _WEEKS.get(week.lower()),
            _DAYS.get(day[:3].lower()),
            _MONTHS.get(month[:3].lower()),
        )
        hour, _, minute = time.partition(":")
        if summer.mode != "recurring" or None in names or not (hour.isdigit() and minute):
            w.unsupported(summer, reason="this summer time rule has no VRP form")
            return
        points.append(f"{int(hour):02d}:{minute} {names[0]} {names[1]} {names[2]}")
    offset = f"{summer.offset // 60:02d}:{summer.offset % 60:02d}"
    w.line(
        f"clock daylight-saving-time {summer.zone} repeating {points[0]} {points[1]} {offset}",
        summer,
        "",
        "zone",
        "mode",
        "start",
        "end",
        "offset",
    )


def render_logging(system: System, w: Writer) -> None:
    logging = system.logging
    if logging.enabled is False:
        w.line("undo info-center enable", logging, "enabled")
    elif logging.enabled:
        w.line("info-center enable", logging, "enabled")
    if logging.source_interface:
        w.line(
            f"info-center loghost source {logging.source_interface}", logging, "source_interface"
        )
    for host in logging.hosts.values():
        words = [f"info-center loghost {host.address}"]
        if host.vrf:
            words.append(f"vpn-instance {host.vrf}")
        if host.facility:
            words.append(f"facility {host.facility}")
        if host.port:
            words.append(f"port {host.port}")
        if host.level:
            level = severity_for_vrp(host.level)
            if level is None or not w.platform.vpn_ipv4_family:
                w.unsupported(
                    host, "level", reason="VRP5 filters loghost messages per channel, not per host"
                )
            else:
                words.append(f"level {level}")
        w.line(" ".join(words), host, "", "vrf", "facility", "port", "level")
    for field, channel in (
        ("trap_level", "loghost"),
        ("console_level", "console"),
        ("buffered_level", "logbuffer"),
    ):
        value = getattr(logging, field)
        if value is None:
            continue
        if value == "disable":
            w.line(f"info-center source default channel {channel} log state off", logging, field)
            continue
        level = severity_for_vrp(value)
        if level is None:
            w.unsupported(logging, field, reason=f"severity {value!r} has no VRP name")
            continue
        w.line(f"info-center source default channel {channel} log level {level}", logging, field)
    if logging.buffered_size is not None:
        w.ignore(
            logging,
            "buffered_size",
            rule="VRP keeps a local log buffer by default; it is sized in messages, not bytes",
        )


def render_snmp(system: System, w: Writer) -> None:
    snmp = system.snmp
    versions: list[str] = []
    if snmp.communities or snmp.hosts:
        versions.append("v2c" if all(h.version != "1" for h in snmp.hosts) else "v1 v2c")
    if snmp.users:
        versions.append("v3")
    if snmp.engine_id is not None:  # SNMPv3 user keys are localized to the engine ID
        w.line(f"snmp-agent local-engineid {snmp.engine_id}", snmp, "engine_id")
    if versions:
        w.line(f"snmp-agent sys-info version {' '.join(versions)}", snmp, "communities")
    for view, subtrees in snmp.views.items():  # a community can name only a defined view
        for oid, included in subtrees:
            word = "included" if included else "excluded"
            w.line(f"snmp-agent mib-view {word} {view} {oid}", snmp, item_key("views", (view, oid)))
    for community in snmp.communities:
        words = [
            "snmp-agent community",
            "write" if community.access == "rw" else "read",
            "cipher",
            secret_text(community.name),
        ]
        if community.view:
            words.append(f"mib-view {community.view}")
        if community.acl:
            words.append(f"acl {community.acl}")
        w.line(" ".join(words), community, "", "name", "access", "view", "acl")
    for host in snmp.hosts:
        kind = "inform" if host.kind == "informs" else "trap"
        vrf = f" vpn-instance {host.vrf}" if host.vrf else ""
        version = {"1": "v1", "2c": "v2c", "3": "v3"}[host.version]
        w.line(
            f"snmp-agent target-host {kind} address udp-domain {host.address}{vrf} params "
            f"securityname cipher {secret_text(host.community)} {version}",
            host,
            "",
            "community",
            "version",
            "vrf",
            "kind",
        )
    for user in snmp.users.values():
        head = f"snmp-agent usm-user v3 {user.name}"
        w.line(f"{head} {user.group}" if user.group else head, user, "", "group")
        if user.auth:
            key = f" cipher {secret_text(user.auth_key)}" if user.auth_key else ""
            w.line(f"{head} authentication-mode {user.auth}{key}", user, "auth", "auth_key")
        if user.priv:
            key = f" cipher {secret_text(user.priv_key)}" if user.priv_key else ""
            mode = "des56" if user.priv == "des" else "aes128"
            w.line(f"{head} privacy-mode {mode}{key}", user, "priv", "priv_key")
    if snmp.location:
        w.line(f"snmp-agent sys-info location {snmp.location}", snmp, "location")
    if snmp.contact:
        w.line(f"snmp-agent sys-info contact {snmp.contact}", snmp, "contact")
    if snmp.source_interface:
        w.line(f"snmp-agent trap source {snmp.source_interface}", snmp, "source_interface")
    if snmp.traps_enabled:
        w.line("snmp-agent trap enable", snmp, "traps_enabled")
    if snmp.ifindex_persist:
        w.ignore(snmp, "ifindex_persist", rule="VRP keeps interface indexes across reboots")


def render_ntp(system: System, w: Writer) -> None:
    ntp = system.ntp
    word = w.platform.ntp_word
    cloudengine = word == "ntp"
    if ntp.authenticate:
        w.line(f"{word} authentication enable", ntp, "authenticate")
    for key_id, key in sorted(ntp.keys.items()):
        w.line(
            f"{word} authentication-keyid {key_id} authentication-mode md5 cipher "
            f"{secret_text(key)}",
            ntp,
            item_key("keys", key_id),
        )
    for key_id in ntp.trusted_keys:
        reliable = "trusted" if cloudengine else "reliable"
        w.line(
            f"{word} {reliable} authentication-keyid {key_id}",
            ntp,
            item_key("trusted_keys", key_id),
        )
    if ntp.source_interface:
        source = "server source-interface" if cloudengine else "source-interface"
        w.line(f"{word} {source} {ntp.source_interface}", ntp, "source_interface")
    for server in ntp.servers.values():
        words = [f"{word} unicast-server {server.address}"]
        if server.vrf:
            words.append(f"vpn-instance {server.vrf}")
        if server.key_id is not None:
            words.append(f"authentication-keyid {server.key_id}")
        if server.prefer:
            words.append("preferred" if cloudengine else "preference")
        w.line(" ".join(words), server, "", "vrf", "key_id", "prefer")


def render_enable(system: System, w: Writer) -> None:
    if system.enable_secret is not None and w.platform.vpn_ipv4_family:
        w.ignore(
            system,
            "enable_secret",
            rule="VRP8 gives each user its level at login; there is no enable password",
        )
    elif system.enable_secret is not None:
        w.line(
            f"super password level 15 cipher {secret_text(system.enable_secret)}",
            system,
            "enable_secret",
        )


def render_servers(system: System, w: Writer) -> None:
    """SSH, telnet and web servers."""
    if system.ssh_server:
        w.line("stelnet server enable", system, "ssh_server")
        if system.users:
            w.line("ssh authentication-type default password", system, "ssh_server")
    elif system.ssh_server is False:
        w.line("undo stelnet server enable", system, "ssh_server")
    if system.ssh_version == 2:
        w.ignore(system, "ssh_version", rule="VRP's SSH server speaks SSHv2")
    elif system.ssh_version is not None:
        w.unsupported(system, "ssh_version", reason="SSHv1 is not translated")
    if system.ssh_timeout is not None:
        w.line(f"ssh server timeout {system.ssh_timeout}", system, "ssh_timeout")
    cloudengine = w.platform.vpn_ipv4_family
    if system.telnet_server:
        w.line("telnet server enable", system, "telnet_server")
    elif system.telnet_server is False:
        w.line(
            "telnet server disable" if cloudengine else "undo telnet server enable",
            system,
            "telnet_server",
        )
    if system.http_access_class is not None:
        if cloudengine:
            w.unsupported(
                system, "http_access_class", reason="CloudEngine web access is not translated"
            )
        else:
            w.line(f"http acl {system.http_access_class}", system, "http_access_class")
    for field, word in (("http_server", "server"), ("https_server", "secure-server")):
        value = getattr(system, field)
        if value is None:
            continue
        if cloudengine:
            if value:
                w.unsupported(
                    system,
                    field,
                    reason="the CloudEngine web server is managed "
                    "through the `http` view services, not translated",
                )
            else:
                w.ignore(system, field, rule="the web server is off unless configured")
        else:
            w.line(f"{'' if value else 'undo '}http {word} enable", system, field)


def render_stp(config: DeviceConfig, w: Writer) -> None:
    system = config.system
    if system.stp_mode is not None:
        mode = "vbst" if system.stp_mode == "rapid-pvst" else system.stp_mode
        w.line(f"stp mode {mode}", system, "stp_mode")
    if not system.stp_priority:
        return
    if system.stp_mode == "rapid-pvst" and w.platform.vbst:
        by_priority: dict[int, list[int]] = {}
        for vid, priority in system.stp_priority.items():
            by_priority.setdefault(priority, []).append(vid)
        for priority, vids in sorted(by_priority.items()):
            for chunk in vlan_text(vids):
                w.line(f"stp vlan {chunk} priority {priority}", system, "stp_priority")
        return
    for key, priority in sorted(system.stp_priority.items()):
        if key == 0:
            w.line(f"stp priority {priority}", system, item_key("stp_priority", key))
        elif system.stp_mode == "mstp":
            w.line(f"stp instance {key} priority {priority}", system, item_key("stp_priority", key))
        else:
            w.unsupported(
                system,
                "stp_priority",
                reason="per-VLAN bridge priorities need "
                "MSTP instances on VRP; design the instances and set "
                "`stp instance N priority`",
            )
            return


def render_bpdu_protection(config: DeviceConfig, w: Writer) -> None:
    guarded = [i for i in config.interfaces.values() if i.stp_bpdu_guard]
    edge = [i for i in guarded if i.stp_edge]
    for ifc in guarded:
        if not ifc.stp_edge:
            w.unsupported(
                ifc,
                "stp_bpdu_guard",
                reason="VRP guards edge ports only (global "
                "`stp bpdu-protection`); this port is not an edge port",
            )
    if edge:
        w.line_multi("stp bpdu-protection", [(ifc, "stp_bpdu_guard") for ifc in edge])


def render_header(system: System, w: Writer) -> None:
    for key, word in (("login", "login"), ("exec", "shell")):
        text = system.banners.get(key)
        if text is None:
            continue
        delim = next((d for d in '"%@~^' if d not in text), None)
        if delim is None:
            w.unsupported(system, "banners", reason="banner text uses every delimiter VRP accepts")
            continue
        w.line(f"header {word} information {delim}{text}{delim}", system, "banners")
    for key in system.banners:
        if key not in ("login", "exec"):
            w.unsupported(system, "banners", reason=f"VRP has no {key} banner")

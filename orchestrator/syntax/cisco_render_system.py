"""Cisco IOS renderer: identity, time, name resolution, management servers, logging, SNMP,
NTP, banners, bridging globals."""

from __future__ import annotations

from orchestrator.model import DeviceConfig, Server, System, item_key
from orchestrator.syntax.cisco_render_common import Writer, secret


def _flag(w: Writer, node: System, field: str, on: str, off: str | None = None) -> None:
    """``[no] <statement>``; ``off=None`` means False is the IOS default (ignored)."""
    value = getattr(node, field)
    if value:
        w.line(on, node, field)
    elif value is False:
        if off is None:
            w.ignore(node, field, rule=f"`{on}` is off by default on IOS")
        else:
            w.line(off, node, field)


def render_identity(w: Writer, config: DeviceConfig) -> None:
    system = config.system
    if system.hostname is not None:
        if system.hostname and len(system.hostname.split()) == 1:
            w.line(f"hostname {system.hostname}", system, "hostname")
        else:
            w.unsupported(system, "hostname", reason="an IOS hostname is one word")
    w.plain("!")


def render_system(w: Writer, config: DeviceConfig) -> None:
    system = config.system
    w.done(system, "ntp", "logging", "snmp", "aaa", "users", "lines", "banners")
    if system.timezone is not None:
        name, hours, minutes = system.timezone
        w.line(
            f"clock timezone {name} {hours}" + (f" {minutes}" if minutes else ""),
            system,
            "timezone",
        )
    if system.summer_time is not None:
        st = system.summer_time
        w.item(
            f"clock summer-time {st.zone} {st.mode} "
            + " ".join(st.start)
            + " "
            + " ".join(st.end)
            + f" {st.offset}",
            st,
            "zone",
            "mode",
            "start",
            "end",
            "offset",
        )
        w.done(system, "summer_time")
    if system.domain_name is not None:
        w.line(f"ip domain name {system.domain_name}", system, "domain_name")
    for name in system.domain_search:
        w.line(f"ip domain list {name}", system, item_key("domain_search", name))
    _flag(w, system, "domain_lookup", "ip domain lookup", "no ip domain lookup")
    if system.dns_source_interface is not None:
        w.line(
            f"ip domain lookup source-interface {system.dns_source_interface}",
            system,
            "dns_source_interface",
        )
    for host, addresses in system.ip_hosts.items():
        text = f"ip host {host} " + " ".join(addresses)
        w.line(text, system, item_key("ip_hosts", host))
    for server in system.dns_servers:
        vrf = f"vrf {server.vrf} " if server.vrf else ""
        w.item(f"ip name-server {vrf}{server.address}", server, "address", "vrf")
        _extra_server_fields(w, server, "DNS")
    w.done(system, "dns_servers")
    if system.login_block is not None:
        w.line(
            "login block-for {} attempts {} within {}".format(*system.login_block),
            system,
            "login_block",
        )
    _flag(w, system, "login_success_log", "login on-success log")
    _flag(w, system, "login_failure_log", "login on-failure log")
    if system.password_min_length is not None:
        w.line(
            f"security passwords min-length {system.password_min_length}",
            system,
            "password_min_length",
        )
    if system.auth_failure_rate is not None:
        w.line(
            f"security authentication failure rate {system.auth_failure_rate} log",
            system,
            "auth_failure_rate",
        )
    _archive(w, system)
    _services(w, system)
    _switching(w, config)


def _extra_server_fields(w: Writer, server: Server, what: str) -> None:
    for field in ("prefer", "key_id", "port", "level", "facility"):
        value = getattr(server, field)
        if value not in (None, False):
            w.unsupported(server, field, reason=f"IOS {what} servers take no {field}")


def _archive(w: Writer, system: System) -> None:
    archive = system.config_archive
    if archive is None:
        return
    w.done(system, "config_archive")
    with w.view("archive", archive):
        if any(
            (
                archive.log_enable,
                archive.log_hidekeys,
                archive.log_notify_syslog,
                archive.log_size is not None,
            )
        ):
            with w.view(
                " log config",
                archive,
                "log_enable",
                "log_hidekeys",
                "log_notify_syslog",
                "log_size",
            ):
                for field, text in (
                    ("log_enable", "logging enable"),
                    ("log_hidekeys", "hidekeys"),
                    ("log_notify_syslog", "notify syslog contenttype plaintext"),
                ):
                    if getattr(archive, field):
                        w.line(f"  {text}", archive, field)
                if archive.log_size is not None:
                    w.line(f"  logging size {archive.log_size}", archive, "log_size")
        if archive.path is not None:
            w.line(f" path {archive.path}", archive, "path")
        if archive.write_memory:
            w.line(" write-memory", archive, "write_memory")
        for field, word in (("time_period", "time-period"), ("maximum", "maximum")):
            value = getattr(archive, field)
            if value is not None:
                w.line(f" {word} {value}", archive, field)


def _services(w: Writer, system: System) -> None:
    if system.ssh_server is not None:
        if system.ssh_server:
            w.ignore(system, "ssh_server", rule="IOS serves SSH as soon as it has a host key")
        else:
            w.unsupported(
                system,
                "ssh_server",
                reason="IOS turns SSH off per vty line (`transport input`), not globally",
            )
    if system.ssh_version is not None:
        w.line(f"ip ssh version {system.ssh_version}", system, "ssh_version")
    if system.ssh_timeout is not None:
        w.line(f"ip ssh time-out {system.ssh_timeout}", system, "ssh_timeout")
    if system.telnet_server is not None:
        if system.telnet_server:
            w.ignore(
                system,
                "telnet_server",
                rule="IOS accepts telnet on vty lines whose transport allows it",
            )
        else:
            w.unsupported(
                system,
                "telnet_server",
                reason="IOS turns telnet off per vty line (`transport input`), not globally",
            )
    _flag(w, system, "scp_server", "ip scp server enable", "no ip scp server enable")
    _flag(w, system, "http_server", "ip http server", "no ip http server")
    _flag(w, system, "https_server", "ip http secure-server", "no ip http secure-server")
    if system.http_authentication is not None:
        w.line(
            f"ip http authentication {system.http_authentication}", system, "http_authentication"
        )
    if system.http_access_class is not None:
        w.line(f"ip http access-class {system.http_access_class}", system, "http_access_class")
    _flag(w, system, "netconf", "netconf-yang")
    _flag(w, system, "restconf", "restconf")
    if system.ftp_username is not None:
        w.line(f"ip ftp username {system.ftp_username}", system, "ftp_username")
    if system.ftp_password is not None:
        w.line(f"ip ftp password 0 {secret(system.ftp_password)}", system, "ftp_password")
    if system.telnet_tos is not None:
        w.line(f"ip telnet tos {system.telnet_tos}", system, "telnet_tos")
    if system.icmp_unreachable_rate is not None:
        text = (
            "no ip icmp rate-limit unreachable"
            if system.icmp_unreachable_rate == 0
            else f"ip icmp rate-limit unreachable {system.icmp_unreachable_rate}"
        )
        w.line(text, system, "icmp_unreachable_rate")
    if system.ipv6_icmp_error_interval is not None:
        w.line(
            "ipv6 icmp error-interval {} {}".format(*system.ipv6_icmp_error_interval),
            system,
            "ipv6_icmp_error_interval",
        )
    _flag(w, system, "vpdn", "vpdn enable")
    causes = system.errdisable_recovery_causes
    for cause in causes:
        w.line(
            f"errdisable recovery cause {cause}",
            system,
            item_key("errdisable_recovery_causes", cause),
        )
    if system.errdisable_recovery_interval is not None:
        w.line(
            f"errdisable recovery interval {system.errdisable_recovery_interval}",
            system,
            "errdisable_recovery_interval",
        )
    if system.password_strength_check is not None:
        w.unsupported(
            system,
            "password_strength_check",
            reason="IOS has no password strength check (see `security passwords min-length`)",
        )
    if system.default_gateway is not None:
        w.line(f"ip default-gateway {system.default_gateway}", system, "default_gateway")


def _switching(w: Writer, config: DeviceConfig) -> None:
    system = config.system
    _flag(w, system, "ip_routing", "ip routing", "no ip routing")
    _flag(w, system, "ipv6_routing", "ipv6 unicast-routing", "no ipv6 unicast-routing")
    _flag(w, system, "cdp", "cdp run", "no cdp run")
    _flag(w, system, "lldp", "lldp run", "no lldp run")
    if system.stp_mode is not None:
        mode = "mst" if system.stp_mode == "mstp" else system.stp_mode
        if mode in ("mst", "pvst", "rapid-pvst"):
            w.line(f"spanning-tree mode {mode}", system, "stp_mode")
        else:
            w.unsupported(system, "stp_mode", reason=f"IOS has no spanning-tree mode {mode}")
    scope = "mst" if system.stp_mode == "mstp" else "vlan"
    for key, priority in system.stp_priority.items():
        text = f"spanning-tree {scope} {key} priority {priority}"
        w.line(text, system, item_key("stp_priority", key))
    if config.bridge_irb:
        w.line("bridge irb", config, "bridge_irb")
    elif config.bridge_irb is False:
        w.ignore(config, "bridge_irb", rule="IRB is off by default")
    for group in config.bridge_groups.values():
        if group.protocol is not None:
            w.line(f"bridge {group.id} protocol {group.protocol}", group, "id", "protocol")
        for protocol in group.route:
            w.line(f"bridge {group.id} route {protocol}", group, "id", "route")
    w.done(config, "bridge_groups")
    if config.mlag is not None:
        w.unsupported(config, "mlag", reason="IOS has no multi-chassis LAG (vPC) domain")


def render_logging(w: Writer, config: DeviceConfig) -> None:
    log = config.system.logging
    w.done(log, "hosts")
    if log.enabled is not None:
        w.line("logging on" if log.enabled else "no logging on", log, "enabled")
    if log.buffered_size is not None or log.buffered_level is not None:
        text = "logging buffered"
        text += f" {log.buffered_size}" if log.buffered_size is not None else ""
        text += f" {log.buffered_level}" if log.buffered_level is not None else ""
        w.line(text, log, "buffered_size", "buffered_level")
    for field, word in (("console_level", "console"), ("monitor_level", "monitor")):
        level = getattr(log, field)
        if level is not None:
            text = f"no logging {word}" if level == "disable" else f"logging {word} {level}"
            w.line(text, log, field)
    for field, word in (
        ("rate_limit", "rate-limit"),
        ("facility", "facility"),
        ("history_size", "history size"),
        ("history_level", "history"),
        ("origin_id", "origin-id"),
        ("trap_level", "trap"),
        ("source_interface", "source-interface"),
    ):
        value = getattr(log, field)
        if value is not None:
            w.line(f"logging {word} {value}", log, field)
    for field, text in (
        ("snmp_authfail", "logging snmp-authfail"),
        ("userinfo", "logging userinfo"),
    ):
        value = getattr(log, field)
        if value:
            w.line(text, log, field)
        elif value is False:
            w.ignore(log, field, rule=f"`{text}` is off by default on IOS")
    for host in log.hosts.values():
        text = f"logging host {host.address}"
        text += f" vrf {host.vrf}" if host.vrf else ""
        text += f" transport udp port {host.port}" if host.port is not None else ""
        w.item(text, host, "address", "vrf", "port")
        for field in ("prefer", "key_id", "level", "facility"):
            if getattr(host, field) not in (None, False):
                w.unsupported(
                    host,
                    field,
                    reason=f"IOS syslog hosts take no {field}: severity and facility are global",
                )


def render_snmp(w: Writer, config: DeviceConfig) -> None:
    snmp = config.system.snmp
    w.done(snmp, "communities", "hosts", "users")
    if snmp.engine_id is not None:
        w.line(f"snmp-server engineID local {snmp.engine_id}", snmp, "engine_id")
    for name, entries in snmp.views.items():
        for oid, included in entries:
            state = "included" if included else "excluded"
            w.line(f"snmp-server view {name} {oid} {state}", snmp, item_key("views", (name, oid)))
    for community in snmp.communities:
        text = f"snmp-server community {secret(community.name)}"
        text += f" view {community.view}" if community.view else ""
        text += f" {community.access.upper()}"
        text += f" {community.acl}" if community.acl else ""
        w.item(text, community, "name", "view", "access", "acl")
    for user in snmp.users.values():
        if user.group is None or (user.priv is not None and user.auth is None):
            w.unsupported(
                user, reason="an SNMPv3 user needs a group, and privacy needs authentication"
            )
            continue
        text = f"snmp-server user {user.name} {user.group} v3"
        if user.auth is not None and user.auth_key is not None:
            text += f" auth {user.auth} {secret(user.auth_key)}"
            if user.priv is not None and user.priv_key is not None:
                priv = "des" if user.priv == "des" else "aes 128"
                text += f" priv {priv} {secret(user.priv_key)}"
        w.item(text, user, "name", "group", "auth", "auth_key", "priv", "priv_key")
    for field, word in (
        ("location", "location"),
        ("contact", "contact"),
        ("chassis_id", "chassis-id"),
        ("source_interface", "trap-source"),
    ):
        value = getattr(snmp, field)
        if value is not None:
            w.line(f"snmp-server {word} {value}", snmp, field)
    if snmp.ifindex_persist:
        w.line("snmp-server ifindex persist", snmp, "ifindex_persist")
    elif snmp.ifindex_persist is False:
        w.ignore(snmp, "ifindex_persist", rule="interface indexes may change on IOS by default")
    if snmp.traps_enabled:
        w.line("snmp-server enable traps", snmp, "traps_enabled")
    for host in snmp.hosts:
        if host.version == "3":
            w.unsupported(host, reason="SNMPv3 notification hosts are not translated")
            continue
        text = f"snmp-server host {host.address}"
        text += f" vrf {host.vrf}" if host.vrf else ""
        text += " informs" if host.kind == "informs" else ""
        text += f" version {host.version} {secret(host.community)}"
        w.item(text, host, "address", "vrf", "kind", "version", "community")


def render_ntp(w: Writer, config: DeviceConfig) -> None:
    ntp = config.system.ntp
    w.done(ntp, "servers")
    if ntp.authenticate:
        w.line("ntp authenticate", ntp, "authenticate")
    for key_id, key in ntp.keys.items():
        w.line(f"ntp authentication-key {key_id} md5 {secret(key)}", ntp, item_key("keys", key_id))
    for key_id in ntp.trusted_keys:
        w.line(f"ntp trusted-key {key_id}", ntp, item_key("trusted_keys", key_id))
    if ntp.source_interface is not None:
        w.line(f"ntp source {ntp.source_interface}", ntp, "source_interface")
    if ntp.master:
        stratum = f" {ntp.master_stratum}" if ntp.master_stratum is not None else ""
        w.line(f"ntp master{stratum}", ntp, "master", "master_stratum")
    for server in ntp.servers.values():
        vrf = f"vrf {server.vrf} " if server.vrf else ""
        text = f"ntp server {vrf}{server.address}"
        text += f" key {server.key_id}" if server.key_id is not None else ""
        text += " prefer" if server.prefer else ""
        w.item(text, server, "address", "vrf", "key_id", "prefer")
        for field in ("port", "level", "facility"):
            if getattr(server, field) is not None:
                w.unsupported(server, field, reason=f"IOS NTP servers take no {field}")


def render_banners(w: Writer, config: DeviceConfig) -> None:
    system = config.system
    for kind, text in system.banners.items():
        if kind not in ("motd", "login", "exec", "incoming"):
            w.unsupported(system, "banners", reason=f"IOS has no {kind} banner")
            continue
        w.line(f"banner {kind} ^C", system, "banners")
        for body_line in text.split("\n"):
            w.line(body_line, system, "banners")
        w.line("^C", system, "banners")

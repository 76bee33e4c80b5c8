"""Render name resolution, NTP, info-center (syslog) and the SNMP agent in Comware 7 syntax."""

from __future__ import annotations

from orchestrator.model import System, item_key
from orchestrator.syntax.base import Emitter, secret_token
from orchestrator.syntax.hp_comware_common import SEVERITY_TO_COMWARE, write_secret


def render_dns(system: System, out: Emitter) -> None:
    if system.domain_lookup is not None:
        if system.domain_lookup or not system.dns_servers:
            out.ignore(
                system,
                "domain_lookup",
                rule="Comware looks names up only through the DNS servers configured",
            )
        else:
            out.unsupported(
                system,
                "domain_lookup",
                reason="name lookup cannot be switched off while DNS servers are configured",
            )
    _hosts(system, out)
    if not (
        system.domain_name
        or system.domain_search
        or system.dns_servers
        or system.dns_source_interface
    ):
        return
    out.plain("#")
    if system.dns_source_interface is not None:
        out.emit(
            f" dns source-interface {system.dns_source_interface}", system, "dns_source_interface"
        )
    if system.domain_name is not None:
        out.emit(f" dns domain {system.domain_name}", system, "domain_name")
    for domain in system.domain_search:
        out.emit(f" dns domain {domain}", system, item_key("domain_search", domain))
    for server in system.dns_servers:
        vrf = f" vpn-instance {server.vrf}" if server.vrf else ""
        out.emit(f" dns server {server.address}{vrf}", server)
        out.mark(server, "vrf")


def _hosts(system: System, out: Emitter) -> None:
    """Static name-to-address entries; Comware keeps one IPv4 address per name."""
    written = False
    for name, addresses in system.ip_hosts.items():
        if len(addresses) != 1 or ":" in addresses[0]:
            out.unsupported(
                system, "ip_hosts", reason=f"{name}: Comware maps a name to one IPv4 address"
            )
            continue
        if not written:
            out.plain("#")
            written = True
        out.emit(f" ip host {name} {addresses[0]}", system, item_key("ip_hosts", name))


def render_ntp(system: System, out: Emitter) -> None:
    ntp = system.ntp
    if not (ntp.servers or ntp.master or ntp.keys or ntp.source_interface):
        return
    out.plain("#")
    out.emit(" ntp-service enable", ntp, "servers", "master")
    if ntp.source_interface is not None:
        out.emit(f" ntp-service source {ntp.source_interface}", ntp, "source_interface")
    if ntp.authenticate:
        out.emit(" ntp-service authentication enable", ntp, "authenticate")
    for key_id, key in sorted(ntp.keys.items()):
        out.emit(
            f" ntp-service authentication-keyid {key_id} authentication-mode md5 "
            f"{write_secret(key)}",
            ntp,
            item_key("keys", key_id),
        )
    for key_id in ntp.trusted_keys:
        out.emit(
            f" ntp-service reliable authentication-keyid {key_id}",
            ntp,
            item_key("trusted_keys", key_id),
        )
    for server in ntp.servers.values():
        text = f" ntp-service unicast-server {server.address}"
        if server.vrf:
            text += f" vpn-instance {server.vrf}"
        if server.key_id is not None:
            text += f" authentication-keyid {server.key_id}"
        if server.prefer:
            text += " priority"
        out.item(text, server, "address", "vrf", "key_id", "prefer")
    if ntp.master:
        stratum = f" {ntp.master_stratum}" if ntp.master_stratum is not None else ""
        out.emit(f" ntp-service refclock-master{stratum}", ntp, "master", "master_stratum")


def render_logging(system: System, out: Emitter) -> None:
    log = system.logging
    lines: list[tuple[str, str]] = []
    if log.enabled is not None:
        lines.append(((" " if log.enabled else " undo ") + "info-center enable", "enabled"))
    if log.source_interface is not None:
        lines.append((f" info-center loghost source {log.source_interface}", "source_interface"))
    for name, channel in (
        ("console_level", "console"),
        ("monitor_level", "monitor"),
        ("buffered_level", "logbuffer"),
        ("trap_level", "loghost"),
    ):
        value = getattr(log, name)
        if value is None:
            continue
        if value == "disable" and channel == "console":
            lines.append((" info-center source default console deny", name))
        elif value in SEVERITY_TO_COMWARE:
            level = SEVERITY_TO_COMWARE[value]
            lines.append((f" info-center source default {channel} level {level}", name))
        else:
            out.unsupported(log, name, reason=f"severity {value!r} has no Comware name")
    if log.facility is not None:  # `prepare` moved it onto the hosts when there are any
        out.ignore(log, "facility", rule="no syslog host receives messages to label")
    if log.buffered_size is not None:
        out.ignore(
            log,
            "buffered_size",
            rule="log buffer size is platform housekeeping; "
            "Comware counts messages, not bytes, and keeps its default",
        )
    if lines or log.hosts:
        out.plain("#")
    for text, name in lines:
        out.emit(text, log, name)
    for host in log.hosts.values():
        text = " info-center loghost"
        if host.vrf:
            text += f" vpn-instance {host.vrf}"
        text += f" {host.address}"
        if host.port is not None:
            text += f" port {host.port}"
        if host.facility is not None:
            text += f" facility {host.facility}"
        out.item(text, host, "address", "vrf", "port", "facility")


def render_snmp(system: System, out: Emitter) -> None:
    snmp = system.snmp
    parts = (
        "communities",
        "hosts",
        "users",
        "location",
        "contact",
        "traps_enabled",
        "source_interface",
        "engine_id",
        "views",
    )
    if not any(getattr(snmp, name) for name in parts):
        return
    out.plain("#")
    out.emit(" snmp-agent", snmp, "")
    if snmp.engine_id is not None:
        out.emit(f" snmp-agent local-engineid {snmp.engine_id}", snmp, "engine_id")
    # views before the communities that name them
    for view, entries in snmp.views.items():
        for oid, included in entries:
            word = "included" if included else "excluded"
            text = f" snmp-agent mib-view {word} {view} {oid}"
            out.emit(text, snmp, item_key("views", (view, oid)))
    for community in snmp.communities:
        access = "read" if community.access == "ro" else "write"
        text = f" snmp-agent community {access} simple {secret_token(community.name)}"
        if community.view is not None:
            text += f" mib-view {community.view}"
        if community.acl is not None:
            text += (
                f" acl {community.acl}"
                if community.acl.isdigit()
                else (f" acl name {community.acl}")
            )
        out.emit(text, community)
        out.mark(community, "access", "view", "acl")
    if snmp.contact is not None:
        out.emit(f" snmp-agent sys-info contact {snmp.contact}", snmp, "contact")
    if snmp.location is not None:
        out.emit(f" snmp-agent sys-info location {snmp.location}", snmp, "location")
    if snmp.communities or any(h.version != "3" for h in snmp.hosts):
        out.emit(" snmp-agent sys-info version v1 v2c v3", snmp, "communities")
    for user in snmp.users.values():
        _usm_user(snmp, user, out)
    for host in snmp.hosts:
        kind = "trap" if host.kind == "traps" else "inform"
        if kind == "inform" and host.version == "1":
            out.unsupported(host, reason="SNMPv1 has no informs")
            continue
        vrf = f" vpn-instance {host.vrf}" if host.vrf else ""
        version = {"1": "v1", "2c": "v2c", "3": "v3"}[host.version]
        out.emit(
            f" snmp-agent target-host {kind} address udp-domain {host.address}{vrf} "
            f"params securityname {secret_token(host.community)} {version}",
            host,
        )
        out.mark(host, "kind", "vrf", "version", "community")
    if system.logging.snmp_authfail:
        out.emit(" snmp-agent log authfail", system.logging, "snmp_authfail")
    if snmp.traps_enabled:
        out.emit(" snmp-agent trap enable", snmp, "traps_enabled")
    if snmp.source_interface is not None:
        out.emit(f" snmp-agent trap source {snmp.source_interface}", snmp, "source_interface")


def _usm_user(snmp: object, user: object, out: Emitter) -> None:
    from orchestrator.model import SnmpUser

    assert isinstance(user, SnmpUser)
    if user.group is None:
        out.unsupported(user, reason="a Comware SNMPv3 user needs a group")
        return
    level = "privacy" if user.priv else "authentication" if user.auth else ""
    out.emit(f" snmp-agent group v3 {user.group}{' ' + level if level else ''}", user, "group")
    text = f" snmp-agent usm-user v3 {user.name} {user.group}"
    if user.auth is not None and user.auth_key is not None:
        text += f" simple authentication-mode {user.auth} {secret_token(user.auth_key)}"
        if user.priv is not None and user.priv_key is not None:
            priv = "des56" if user.priv == "des" else "aes128"
            text += f" privacy-mode {priv} {secret_token(user.priv_key)}"
    elif user.priv is not None:
        out.unsupported(user, "priv", reason="privacy needs authentication")
    out.emit(text, user)
    out.mark(user, "auth", "auth_key", "priv", "priv_key")


def render_management(system: System, out: Emitter) -> None:
    """Management services and discovery, written as Comware lists them (one line each)."""
    lines: list[tuple[str, str]] = []

    def flag(name: str, on: str, off: str | None = None) -> None:
        value = getattr(system, name)
        if value is True:
            lines.append((on, name))
        elif value is False:
            lines.append((off or "undo " + on, name))

    flag("telnet_server", "telnet server enable")
    flag("ssh_server", "ssh server enable")
    if system.ssh_version is not None:
        prefix = "undo " if system.ssh_version == 2 else ""
        lines.append((f"{prefix}ssh server compatible-ssh1x enable", "ssh_version"))
    if system.ssh_timeout is not None:
        lines.append((f"ssh server authentication-timeout {system.ssh_timeout}", "ssh_timeout"))
    flag("scp_server", "scp server enable")
    flag("http_server", "ip http enable")
    flag("https_server", "ip https enable")
    flag("netconf", "netconf ssh server enable")
    flag("lldp", "lldp global enable")
    if system.http_access_class is not None:
        lines.append((f"ip http acl {system.http_access_class}", "http_access_class"))
    if system.icmp_unreachable_rate is not None:
        lines.append(
            (f"ip icmp error-interval {system.icmp_unreachable_rate}", "icmp_unreachable_rate")
        )
        out.change(
            system,
            "icmp_unreachable_rate",
            note="Comware paces every ICMP error message, not only unreachables",
        )
    if system.ipv6_icmp_error_interval is not None:
        interval, bucket = system.ipv6_icmp_error_interval
        lines.append(
            (f"ipv6 icmpv6 error-interval {interval} {bucket}", "ipv6_icmp_error_interval")
        )
    recovery = system.errdisable_recovery_interval
    if system.errdisable_recovery_causes == ["all"] and recovery is not None:
        if 1 <= recovery <= 300:
            # ports any protocol shut down (BPDU guard, loop detection...) come back after this
            lines.append((f"shutdown-interval {recovery}", "errdisable_recovery_interval"))
        else:
            out.unsupported(
                system,
                "errdisable_recovery_interval",
                reason="Comware brings ports back after 1-300 s",
            )
    elif system.errdisable_recovery_causes or recovery is not None:
        out.unsupported(
            system, "errdisable_recovery_causes", reason="port recovery without a cause and time"
        )
    if system.password_strength_check is False:
        out.ignore(
            system,
            "password_strength_check",
            rule="Comware checks password strength only under password control, off by default",
        )
    elif system.password_strength_check:
        out.unsupported(
            system, "password_strength_check", reason="password control is not translated"
        )
    for name in ("login_success_log", "login_failure_log"):
        if getattr(system, name) is True:
            out.ignore(system, name, rule="Comware logs every login and failed login")
    if system.http_authentication in ("local", "aaa"):
        out.ignore(
            system,
            "http_authentication",
            rule="Comware web logins authenticate through the ISP domain, like every login",
        )
    if not lines:
        return
    out.plain("#")
    for text, name in lines:
        out.emit(" " + text, system, name)
        if name == "errdisable_recovery_interval":
            out.also(system, "errdisable_recovery_causes")

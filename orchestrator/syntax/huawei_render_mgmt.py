"""VRP management odds and ends: NTP master clock, SCP server, IGMP snooping,
login lockout, and the source settings that mean nothing more on VRP than its defaults.

Login lockout: VRP counts failed logins over minutes (at least 5), allows at least 3 attempts
and locks for at least 5 minutes; `huawei_prepare` rounds IOS's seconds up, with a note.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, System
from orchestrator.syntax.huawei_render_base import Writer

#: VRP's smallest lockout settings: minutes of the counting window, attempts, minutes locked
LOCKOUT_MINIMUM = (5, 3, 5)


def render_mgmt(config: DeviceConfig, w: Writer) -> None:
    system = config.system
    _ntp_master(system, w)
    if system.scp_server:
        w.line("scp server enable", system, "scp_server")
    elif system.scp_server is False:
        w.ignore(system, "scp_server", rule="the SCP server is off unless enabled")
    if system.netconf:
        w.line("snetconf server enable", system, "netconf")
    elif system.netconf is False:
        w.ignore(system, "netconf", rule="the NETCONF server is off unless enabled")
    _igmp_snooping(config, w)
    _defaults(config, w)


def _ntp_master(system: System, w: Writer) -> None:
    ntp = system.ntp
    if not ntp.master:
        return
    word = w.platform.ntp_word
    stratum = f" {ntp.master_stratum}" if ntp.master_stratum is not None else ""
    w.line(f"{word} refclock-master{stratum}", ntp, "master", "master_stratum")


def _igmp_snooping(config: DeviceConfig, w: Writer) -> None:
    """IGMP snooping, global and per VLAN (VRP5 `igmp-snooping`, CloudEngine `igmp snooping`)."""
    word = "igmp snooping" if w.platform.vpn_ipv4_family else "igmp-snooping"
    system = config.system
    if system.igmp_snooping:
        w.line(f"{word} enable", system, "igmp_snooping")
    elif system.igmp_snooping is False:
        w.ignore(system, "igmp_snooping", rule="IGMP snooping is off on VRP unless enabled")


def vlan_igmp_line(vlan_snooping: bool | None, vrp8: bool) -> str | None:
    """The VLAN view line for a VLAN's own IGMP snooping setting."""
    word = "igmp snooping" if vrp8 else "igmp-snooping"
    if vlan_snooping is None:
        return None
    return f"{word} enable" if vlan_snooping else f"undo {word} enable"


def login_block_line(system: System) -> str | None:
    """`local-aaa-user wrong-password ...` (in the aaa view) for the shaped lockout."""
    if system.login_block is None:
        return None
    block, attempts, within = system.login_block
    return (
        f"local-aaa-user wrong-password retry-interval {within // 60} retry-time {attempts} "
        f"block-time {block // 60}"
    )


def _defaults(config: DeviceConfig, w: Writer) -> None:
    """Source settings whose effect VRP has anyway, each with the rule that says so."""
    system = config.system
    if system.http_authentication in ("local", "aaa"):
        w.ignore(system, "http_authentication", rule="VRP web logins are checked against AAA users")
    console = [ln for ln in system.lines if ln.kind == "console"]
    if system.aaa.authorization_console and all(ln.login in ("aaa", "none") for ln in console):
        w.ignore(
            system.aaa,
            "authorization_console",
            rule="a console that logs in through AAA is authorized by the AAA schemes on VRP "
            "(one that logs in without authentication is not authorized on either box)",
        )
    if system.default_gateway is not None and system.ip_routing is not False:
        w.ignore(
            system, "default_gateway", rule="IOS uses the default gateway only with routing off"
        )
    services = config.services
    vrfs = any(ifc.vrf is not None for ifc in config.interfaces.values())
    if services.dhcp_use_vrf_connected is False and not vrfs:
        w.ignore(
            services,
            "dhcp_use_vrf_connected",
            rule="no DHCP client is served in a VPN instance here",
        )


__all__ = ["LOCKOUT_MINIMUM", "login_block_line", "render_mgmt", "vlan_igmp_line"]

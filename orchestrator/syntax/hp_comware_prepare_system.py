"""Shape system-wide settings for Comware 7 whose form differs from the source's.

IGMP snooping: Comware switches it on globally (`igmp-snooping`) and then per VLAN
(`igmp-snooping enable`); the model's switch-wide flag stands for "every VLAN", so a mixed
setting is held per VLAN.

Remote login: Comware checks telnet, SSH and NETCONF-over-SSH users on its vty lines, whose
default authentication mode (a line password that is not set) lets nobody in. A source that
serves these without naming its vty lines (Junos `system services`, NX-OS `feature telnet`)
gets `line vty 0 63` with scheme authentication: its local users, or its AAA login methods.

Lines whose login method list says only `none` need no login: Comware's lines all go through
the default ISP domain, so such a line is `authentication-mode none`.

Serial lines: an MSR router has `line con 0` and an AUX port (`line aux 0`); a Comware switch
has no `line con` at all, its console port is `line aux 0`. The lines keep the router form
(the source's console is `line con 0`) with a note saying what a switch needs instead.

Default gateway: a Comware box always routes, so the gateway IOS uses while not routing is
a static default route (or already is one).

Port recovery: Cisco brings err-disabled ports back only for the causes it is told, after an
interval (300 s unless set); Comware's port status detection timer (`shutdown-interval`)
brings back a port that any protocol shut down.
"""

from __future__ import annotations

from ipaddress import IPv4Network

from orchestrator.model import DeviceConfig, MgmtLine, StaticRoute
from orchestrator.syntax.base import Emitter

#: Cisco's err-disable recovery interval when only causes are given
CISCO_RECOVERY_INTERVAL = 300
#: the last vty line of a Comware 7 box (lines 0-63)
VTY_LAST = 63
#: remote login services whose users log in on vty lines
_REMOTE = {"ssh_server": "SSH", "telnet_server": "telnet", "netconf": "NETCONF over SSH"}


def remote_login(config: DeviceConfig, out: Emitter) -> None:
    """Served remote logins with no vty line in the source: vty lines that check users."""
    system = config.system
    served = [name for name in _REMOTE if getattr(system, name)]
    vtys = [line for line in system.lines if line.kind == "vty"]
    if not served:
        for line in vtys:
            if not line.transport_input and line.login not in (None, "none"):
                out.change(
                    line,
                    "",
                    note="these lines take the source's default transports (telnet on "
                    "classic IOS); a Comware box serves neither telnet nor SSH until told "
                    "to (telnet server enable / ssh server enable)",
                )
    if not served or vtys:
        return
    lists = any(e.service == "login" for e in system.aaa.method_lists)
    vty = MgmtLine(kind="vty", first=0, last=VTY_LAST, login="aaa" if lists else "local")
    for name in served:
        for n in system.src.get(name):
            vty.at(n)
            vty.at(n, "login")
    system.lines.append(vty)
    out.change(
        system,
        *served,
        note=f"Comware lets {' and '.join(_REMOTE[n] for n in served)} users in only on vty "
        f"lines that check them: `line vty 0 {VTY_LAST}` authenticates them with "
        f"{'the AAA login methods' if lists else 'the local users'} "
        "(`authentication-mode scheme`)",
    )


def errdisable(config: DeviceConfig, out: Emitter) -> None:
    system = config.system
    causes, interval = system.errdisable_recovery_causes, system.errdisable_recovery_interval
    if not causes:
        if interval is not None:
            out.ignore(
                system,
                "errdisable_recovery_interval",
                rule="no recovery cause is enabled: no port comes back by this interval",
            )
            system.errdisable_recovery_interval = None
        return
    if causes != ["all"]:
        out.change(
            system,
            "errdisable_recovery_causes",
            note=f"Comware brings back ports shut down by any protocol, not only "
            f"{' '.join(causes)}",
        )
        system.errdisable_recovery_causes = ["all"]
    if interval is None:
        system.errdisable_recovery_interval = CISCO_RECOVERY_INTERVAL
        for n in system.src.get("errdisable_recovery_causes"):
            system.at(n, "errdisable_recovery_interval")
        out.change(
            system,
            "errdisable_recovery_causes",
            note=f"the source's default recovery interval ({CISCO_RECOVERY_INTERVAL} s) is "
            "written out: Comware's is 30 s",
        )


def igmp_snooping(config: DeviceConfig, out: Emitter) -> None:
    system, vlans = config.system, list(config.vlans.values())
    if system.igmp_snooping is False:
        out.ignore(system, "igmp_snooping", rule="Comware snoops IGMP only where it is enabled")
        system.igmp_snooping = None
    for vlan in vlans:
        if vlan.igmp_snooping is False and not system.igmp_snooping:
            out.ignore(vlan, "igmp_snooping", rule="Comware snoops IGMP only where it is enabled")
            vlan.igmp_snooping = None
    if not system.igmp_snooping:
        return
    if vlans and all(v.igmp_snooping is not False for v in vlans):
        for vlan in vlans:
            vlan.igmp_snooping = None  # every VLAN: the switch-wide flag says it
        return
    # some VLANs opt out: each VLAN that snoops says so
    for vlan in vlans:
        if vlan.igmp_snooping is None:
            vlan.igmp_snooping = True
            for n in system.src.get("igmp_snooping"):
                vlan.at(n, "igmp_snooping")
        elif vlan.igmp_snooping is False:
            vlan.igmp_snooping = None
    if not vlans:
        out.ignore(system, "igmp_snooping", rule="no VLAN to snoop IGMP in")
    system.igmp_snooping = None


def default_gateway(config: DeviceConfig, out: Emitter) -> None:
    system = config.system
    gateway = system.default_gateway
    if gateway is None:
        return
    defaults = [
        r
        for r in config.static_routes
        if r.prefix.prefixlen == 0 and r.prefix.version == 4 and r.vrf is None
    ]
    if any(r.next_hop == gateway for r in defaults):
        out.ignore(
            system,
            "default_gateway",
            rule="a Comware box always routes: the static default route to the same gateway "
            "does this",
        )
        system.default_gateway = None
    elif not defaults:
        route = StaticRoute(prefix=IPv4Network("0.0.0.0/0"), next_hop=gateway)
        for n in system.src.get("default_gateway"):
            route.at(n)
            route.at(n, "next_hop")
        config.static_routes.append(route)
        out.change(
            system,
            "default_gateway",
            note="a Comware box always routes: the default gateway becomes a default route",
        )
        system.default_gateway = None


def unauthenticated_lines(config: DeviceConfig, out: Emitter) -> None:
    system = config.system
    none_lists = {
        e.name for e in system.aaa.method_lists if e.service == "login" and e.methods == ["none"]
    }
    for line in system.lines:
        if line.login != "aaa" or line.login_list not in none_lists - {"default"}:
            continue
        for n in line.src.get("login_list"):
            line.at(n, "login")
        out.change(
            line,
            "login_list",
            note=f"method list {line.login_list} asks for no login: the line is "
            "`authentication-mode none` (its users get the line's role)",
        )
        line.login = "none"
        line.login_list = None


def serial_lines(config: DeviceConfig, out: Emitter) -> None:
    for line in config.system.lines:
        if line.kind == "console":
            out.change(
                line,
                "",
                note="`line con 0` is an MSR router's console; a Comware switch has no `line "
                "con`: there its console is `line aux 0`, which takes these settings",
            )
        elif line.kind == "aux":
            out.change(
                line,
                "",
                note="on an MSR router `line aux` is the AUX port; on a Comware switch `line "
                "aux 0` is the console port: leave this block out there",
            )

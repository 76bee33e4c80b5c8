"""Shape an adapted model to what VRP can hold, in place (`HuaweiVrp.prepare`, called by
`adapt`); the renderer then writes it unchanged. Each change leaves a note.

Each step keeps the meaning or says how it differs: ACLs get VRP numbers; a filter ACL gets an
explicit final deny (VRP lets through what no rule matches, Cisco drops it); VLANs that access
ports and VLANIF interfaces need are created; what a VRP box needs switched on to do what the
source did (`stelnet server enable` for SSH logins, `dhcp enable` for relays and pools, `ipv6
enable` for IPv6 addresses, `undo portswitch` on CloudEngine for addressed ports) is set. Doing
this on the model, not only in the text, keeps the round trip honest: the VRP parser must give
back exactly this shaped model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from orchestrator.model import DeviceConfig, Interface, Switchport, Vlan
from orchestrator.syntax.huawei_common import Shaper, severity_for_model, severity_for_vrp
from orchestrator.syntax.huawei_prepare_acl import acl_entries, acl_names
from orchestrator.syntax.huawei_prepare_cbac import cbac_to_zones, unused_inspection
from orchestrator.syntax.huawei_prepare_ipsec import shape_ipsec
from orchestrator.syntax.huawei_prepare_mgmt import shape_lines
from orchestrator.syntax.huawei_prepare_routing import (
    route_map_acls,
    shape_bgp_sessions,
    shape_stp,
    vrf_route_distinguishers,
)
from orchestrator.syntax.huawei_prepare_services import (
    shape_ipv6,
    shape_lockout,
    shape_nat_timeouts,
    shape_overlay,
    shape_probes,
)
from orchestrator.syntax.huawei_prepare_zones import shape_zones

#: source user roles and the privilege level that grants the same (all commands or show only)
ROLE_LEVELS = {
    "network-admin": 15,
    "vdc-admin": 15,
    "priv-15": 15,
    "network-operator": 1,
    "vdc-operator": 1,
    "priv-1": 1,
}


def prepare(config: DeviceConfig, shape: Shaper) -> None:
    """Normalise ``config`` in place for ``shape.platform``; notes go to ``shape.notes``."""
    for step in STEPS:
        step(config, shape)


# --- interfaces and VLANs -------------------------------------------------------------------


def _vlans(config: DeviceConfig, shape: Shaper) -> None:
    """VRP refuses `port default vlan N` and `interface VlanifN` until VLAN N exists."""
    for ifc in config.interfaces.values():
        needed: list[tuple[int, str]] = []
        if ifc.kind == "svi":
            number = re.search(r"(\d+)$", ifc.name)
            if number:
                needed.append((int(number.group(1)), ""))
        sw = ifc.switchport
        if sw is not None and ifc.lag_group is None:
            if sw.access_vlan is not None and sw.mode in ("access", "dot1q-tunnel"):
                needed.append((sw.access_vlan, "access_vlan"))
            if sw.voice_vlan is not None:
                needed.append((sw.voice_vlan, "voice_vlan"))
        for vid, field in needed:
            if vid in config.vlans or not 1 <= vid <= 4094:
                continue
            vlan = config.vlans[vid] = Vlan(id=vid)
            node = sw if field else ifc
            for n in node.src.get(field) if node is not None and field else ifc.src.get(""):
                vlan.at(n)


def _interfaces(config: DeviceConfig, shape: Shaper) -> None:
    plat = shape.platform
    parents = {
        name.rpartition(".")[0]
        for name, ifc in config.interfaces.items()
        if ifc.kind == "subinterface"
    }
    for ifc in config.interfaces.values():
        if ifc.ip_mtu is not None and ifc.mtu is None:  # a VRP routed port's MTU is the IP MTU
            ifc.mtu = ifc.ip_mtu
            for n in ifc.src.get("ip_mtu"):
                ifc.at(n, "mtu")
            ifc.ip_mtu = None
        sw = ifc.switchport
        if sw is not None and sw.mode == "access" and sw.voice_vlan and plat.voice_vlan:
            _voice_hybrid(sw, shape)
        if ifc.speed not in (None, "auto") and ifc.autonegotiation is None:
            ifc.autonegotiation = False
            for n in ifc.src.get("speed"):
                ifc.at(n, "autonegotiation")
        if ifc.ipv6 and not ifc.ipv6_enabled:
            ifc.ipv6_enabled = True
            for n in ifc.src.get("ipv6"):
                ifc.at(n, "ipv6_enabled")
        if ifc.lag_mode == "passive":
            ifc.lag_mode = "active"
            shape.change(
                ifc,
                "lag_mode",
                note="VRP runs LACP actively on every member; the far end may stay passive",
            )
        # CloudEngine ports and every Eth-Trunk (AR and S-series too) start as layer 2: an
        # address or a dot1q sub-interface needs `undo portswitch` first
        starts_l2 = ifc.kind == "lag" or (
            plat.routed_needs_undo_portswitch and ifc.kind == "ethernet"
        )
        if starts_l2 and ifc.routed is None and ifc.switchport is None:
            if _layer3(ifc):
                ifc.routed = True
                for n in ifc.src.get("ipv4") or ifc.src.get("vrf") or ifc.src.get("ipv6"):
                    ifc.at(n, "routed")
            elif ifc.name in parents:
                ifc.routed = True
                for n in ifc.src.get(""):
                    ifc.at(n, "routed")
        ospf = ifc.ospf
        if ospf is not None and ospf.auth is None and ospf.auth_key is not None:
            ospf.auth = "md5" if ospf.auth_key_id is not None else "simple"
            for n in ospf.src.get("auth_key"):
                ospf.at(n, "auth")
            shape.change(
                ospf,
                "auth_key",
                note="VRP sets the key with its authentication mode on the interface",
            )
    for ifc in config.interfaces.values():  # one spelling of a whole percent: "5.00"
        for kind, level in list(ifc.storm_control.items()):
            if re.fullmatch(r"\d+(?:\.0+)?", level):
                ifc.storm_control[kind] = f"{int(float(level))}.00"
    edges = [i for i in config.interfaces.values() if i.stp_edge]
    if any(i.stp_bpdu_guard for i in edges):
        for ifc in edges:
            if not ifc.stp_bpdu_guard:
                ifc.stp_bpdu_guard = True
                for n in ifc.src.get("stp_edge"):
                    ifc.at(n, "stp_bpdu_guard")
                shape.change(
                    ifc,
                    "stp_edge",
                    note="BPDU protection is global on VRP: this edge port is guarded too",
                )


def _voice_hybrid(sw: Switchport, shape: Shaper) -> None:
    """A VRP access port drops the phone's tagged voice frames: a hybrid port carries the PC's
    VLAN untagged (PVID) and the voice VLAN tagged, as the IOS access port with a voice
    VLAN did."""
    data = sw.access_vlan or 1
    assert sw.voice_vlan is not None
    sw.mode = "hybrid"
    sw.native_vlan = data
    sw.hybrid_untagged = [data]
    sw.hybrid_tagged = [sw.voice_vlan]
    for n in sw.src.get("access_vlan") or sw.src.get("mode"):
        sw.at(n, "native_vlan")
        sw.at(n, "hybrid_untagged")
    for n in sw.src.get("voice_vlan"):
        sw.at(n, "hybrid_tagged")
    sw.access_vlan = None
    shape.change(
        sw,
        "mode",
        note=f"a VRP access port takes no tagged voice traffic: a hybrid port with PVID "
        f"{data} untagged (the PC) and voice VLAN {sw.voice_vlan} tagged (the phone)",
    )


def _services(config: DeviceConfig, shape: Shaper) -> None:
    """Same meaning, VRP's words: classifier match kinds, RADIUS ports written out; a server
    group becomes a template, so a group must hold servers of one protocol."""
    aaa = config.system.aaa
    for name, members in list(aaa.groups.items()):
        servers = [s for s in aaa.servers if s.address in members or s.name in members]
        if len({s.protocol for s in servers}) > 1:
            del aaa.groups[name]
            aaa.group_protocols.pop(name, None)
            shape.change(
                aaa,
                "groups",
                note=f"server group {name} mixes TACACS+ and RADIUS "
                "servers; a VRP template holds one kind: left out",
            )
            continue
        known = [s.address for s in servers]
        if known != members:
            shape.change(
                aaa,
                "groups",
                note=f"server group {name} keeps its servers defined in the configuration",
            )
        aaa.groups[name] = known
        # a template's type says its protocol: a group of servers needs no separate entry
        if servers:
            aaa.group_protocols.pop(name, None)
        else:
            aaa.group_protocols.setdefault(name, "tacacs")
    from orchestrator.model import ClassMap
    from orchestrator.syntax.huawei_render_qos import DEFAULT_CLASS

    for pmap in config.services.policy_maps.values():
        for entry in pmap.classes:
            if entry.class_name != DEFAULT_CLASS or DEFAULT_CLASS in config.services.class_maps:
                continue
            default = ClassMap(name=DEFAULT_CLASS, match="any", matches=[("any", "")])
            config.services.class_maps[DEFAULT_CLASS] = default
            for n in entry.src.get(""):
                default.at(n)
    for pmap in config.services.policy_maps.values():
        for entry in pmap.classes:
            police = entry.police
            if police is not None and police.pir is None:  # IOS and VRP single-rate defaults
                police.conform = police.conform or "transmit"
                police.exceed = police.exceed or "drop"
    for cmap in config.services.class_maps.values():
        cmap.matches = [
            ({"ip-dscp": "dscp", "ip-precedence": "precedence"}.get(k, k), v)
            for k, v in cmap.matches
        ]
    for server in config.system.aaa.servers:
        if server.protocol == "radius":
            if server.port is None:
                server.port = 1812
            if server.acct_port is None:
                server.acct_port = 1813


def _bgp(config: DeviceConfig, shape: Shaper) -> None:
    """A VPN instance family in BGP has its VPN entry (VRP opens both with one view)."""
    from orchestrator.model import BgpVrf

    bgp = config.bgp
    if bgp is None:
        return
    for af in bgp.address_families:
        if af.afi == "l2vpn-evpn":
            for peer in af.peers.values():
                if peer.send_community in ("extended", "both"):
                    note = "EVPN routes always carry their extended communities on VRP"
                    if peer.send_community == "extended":
                        shape.ignore(peer, "send_community", rule=note)
                        peer.send_community = None
                    else:
                        shape.change(peer, "send_community", note=note)
                        peer.send_community = "standard"
        if af.additional_paths_select == "all":
            af.additional_paths_select = "best 64"
            shape.change(
                af, "additional_paths_select", note="VRP selects at most 64 paths per prefix"
            )
        for peer in af.peers.values():
            if peer.advertise_additional_paths == ["all"]:
                peer.advertise_additional_paths = ["best 64"]
                shape.change(
                    peer,
                    "advertise_additional_paths",
                    note="VRP advertises at most 64 paths per prefix to a peer",
                )
        if af.vrf is not None and af.vrf not in bgp.vrfs:
            vrf = bgp.vrfs[af.vrf] = BgpVrf(name=af.vrf)
            for n in af.src.get(""):
                vrf.at(n)


def _layer3(ifc: Interface) -> bool:
    return bool(
        ifc.ipv4
        or ifc.ipv6
        or ifc.vrf
        or ifc.ipv4_unnumbered
        or ifc.ipv4_dhcp
        or ifc.fhrp
        or ifc.helper_addresses
    )


# --- system ---------------------------------------------------------------------------------


def _system(config: DeviceConfig, shape: Shaper) -> None:
    system = config.system
    plat = shape.platform
    shape_lines(config, shape)
    for user in system.users.values():
        level = ROLE_LEVELS.get(user.role or "")
        if level is None or user.privilege not in (None, level):
            continue
        user.privilege = level
        for n in user.src.get("role"):
            user.at(n, "privilege")
        shape.change(
            user, "role", note=f"role {user.role} grants what VRP privilege level {level} does"
        )
        user.role = None
    for user in system.users.values():
        if user.privilege is None and user.role is None:
            # the source's users without a level log in at level 1 (show commands); a VRP
            # local user without a level gets 0, which cannot even `display`
            user.privilege = 1
            for n in user.src.get(""):
                user.at(n, "privilege")
            shape.change(
                user,
                "privilege",
                note="a user without a privilege level has level 1 (show commands) on the "
                "source and 0 (ping only) on VRP: level 1 is written",
            )
    if plat.vpn_ipv4_family:
        for user in system.users.values():
            if user.privilege is not None and user.privilege > 3:
                old = user.privilege
                user.privilege = 3 if old == 15 else 2
                shape.change(
                    user,
                    "privilege",
                    note=f"VRP8 user levels are 0-3: level {old} "
                    f"becomes {user.privilege} ({'manage' if old == 15 else 'system'})",
                )
    summer = system.summer_time
    if summer is not None:  # one spelling of the hour ("2:00", not "02:00"): same time
        for field in ("start", "end"):
            week, day, month, time = getattr(summer, field)
            hour, _, minute = time.partition(":")
            if hour.isdigit():
                setattr(summer, field, (week, day, month, f"{int(hour)}:{minute}"))
    if system.login_block is not None:
        shape_lockout(system, shape)
    logging = system.logging
    if logging.facility is not None and logging.hosts:
        for host in logging.hosts.values():  # VRP sets the facility per log host
            if host.facility is None:
                host.facility = logging.facility
                for n in logging.src.get("facility"):
                    host.at(n, "facility")
        logging.facility = None
    for field in ("trap_level", "console_level", "buffered_level", "monitor_level"):
        value = getattr(logging, field)
        if value is not None and value.isdigit() and severity_for_vrp(value) is not None:
            setattr(logging, field, severity_for_model(severity_for_vrp(value) or value))
    banners = system.banners
    if "motd" in banners:
        motd = banners.pop("motd")
        banners["login"] = motd + ("\n" + banners["login"] if "login" in banners else "")
        shape.change(
            system,
            "banners",
            note="VRP shows one banner before the login prompt "
            "(`header login`): the motd banner is written there",
        )
    for kind in [k for k in banners if k not in ("login", "exec")]:
        del banners[kind]
        shape.change(
            system, "banners", note=f"the {kind} banner has no VRP equivalent and is left out"
        )
    services = config.services
    relays = [i for i in config.interfaces.values() if i.helper_addresses]
    if (relays or services.dhcp_pools) and services.dhcp_enabled is None:
        services.dhcp_enabled = True
        for ifc in relays:
            for n in ifc.src.get("helper_addresses"):
                services.at(n, "dhcp_enabled")
        for pool in services.dhcp_pools.values():
            for n in pool.src.get(""):
                services.at(n, "dhcp_enabled")


STEPS: tuple[Callable[[DeviceConfig, Shaper], None], ...] = (
    unused_inspection,
    cbac_to_zones,
    shape_zones,
    route_map_acls,
    acl_names,
    acl_entries,
    _vlans,
    _interfaces,
    _services,
    shape_ipv6,
    shape_nat_timeouts,
    shape_probes,
    shape_overlay,
    _bgp,
    shape_bgp_sessions,
    vrf_route_distinguishers,
    shape_stp,
    _system,
    shape_ipsec,
)

__all__ = ["prepare"]

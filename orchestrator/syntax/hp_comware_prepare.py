"""Shape a model to what Comware can hold, before it is rendered (in place, with notes).

These are normalisations that keep the meaning: ACLs get Comware numbers, a routed port says
so, an OSPF key carries its mode, implicit BGP activation is written out. Doing them on the
model (not only in the text) keeps the round trip honest: the renderer's parser must give back
exactly this shaped model. Where meaning changes, a change note says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from orchestrator.model import (
    BgpAfPeer,
    BgpVrf,
    DeviceConfig,
    Interface,
    InterfaceOspf,
    Ospf,
)
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_common import ignore_removed
from orchestrator.syntax.hp_comware_drni import prepare_drni
from orchestrator.syntax.hp_comware_prepare_acl import filter_vrf_notes, ipv6_rules_advanced
from orchestrator.syntax.hp_comware_prepare_overlay import overlay
from orchestrator.syntax.hp_comware_prepare_policy import (
    acl_entries,
    acl_names,
    extended_lists,
    inspect_names,
    nat_timeouts,
    policies,
    qos,
)
from orchestrator.syntax.hp_comware_prepare_ports import routing_aggregates, voice_ports
from orchestrator.syntax.hp_comware_prepare_system import (
    default_gateway,
    errdisable,
    igmp_snooping,
    remote_login,
    serial_lines,
    unauthenticated_lines,
)
from orchestrator.syntax.hp_comware_zones import prepare_zones


def prepare(config: DeviceConfig, out: Emitter) -> None:
    """Normalise ``config`` in place for Comware; notes go to ``out``."""
    for step in STEPS:
        step(config, out)


# --- interfaces -----------------------------------------------------------------------------


def _layer3(ifc: Interface) -> bool:
    return bool(ifc.ipv4 or ifc.ipv6 or ifc.ipv4_dhcp or ifc.ipv4_unnumbered or ifc.vrf)


def _interfaces(config: DeviceConfig, out: Emitter) -> None:
    routed_lags = {
        int(name[len("Route-Aggregation") :])
        for name in config.interfaces
        if name.startswith("Route-Aggregation") and name[len("Route-Aggregation") :].isdigit()
    }
    for ifc in list(config.interfaces.values()):
        if ifc.lag_group is not None:
            flavours = {f"{kind}-Aggregation{ifc.lag_group}" for kind in ("Route", "Bridge")}
            if not flavours & set(config.interfaces):
                lag = f"{'Route' if ifc.routed else 'Bridge'}-Aggregation{ifc.lag_group}"
                config.interface(lag).kind = "lag"
        if ifc.kind == "ethernet" and ifc.routed is None and ifc.switchport is not None:
            ifc.routed = False  # a switched port: `port link-mode bridge`
        if (
            ifc.kind == "ethernet"
            and ifc.routed is None
            and (_layer3(ifc) or (ifc.lag_group is not None and ifc.lag_group in routed_lags))
        ):
            ifc.routed = True  # a Comware switch port must be told to route
            ifc.src.lines.setdefault("routed", list(ifc.src.get("")))
        if ifc.lag_group is not None and ifc.lag_mode is None:
            ifc.lag_mode = "on"
        if ifc.ip_mtu is not None and ifc.mtu is None:
            ifc.mtu, ifc.ip_mtu = ifc.ip_mtu, None
            for n in ifc.src.get("ip_mtu"):
                ifc.at(n, "mtu")
            out.change(ifc, "mtu", note="Comware's interface MTU is the IP MTU")
        if ifc.tunnel_mode in ("gre ip", "gre"):
            ifc.tunnel_mode = None  # GRE over IPv4, the default on both sides
        for kind, level in list(ifc.storm_control.items()):
            if re.fullmatch(r"\d+(?:\.0+)?", level):
                ifc.storm_control[kind] = f"{int(float(level))}.00"
        if ifc.ospf is not None:
            _interface_ospf(config.ospf, ifc, ifc.ospf)
        if ifc.ospfv3 is not None:
            _interface_ospf(config.ospfv3, ifc, ifc.ospfv3)
        for group in ifc.fhrp:
            if group.preempt_delay is not None and group.preempt is None:
                group.preempt = True
        nd = ifc.ipv6_nd
        if nd is not None:
            if nd.ra_suppress == "periodic":
                nd.ra_suppress = "all"
                out.change(
                    nd,
                    "ra_suppress",
                    note="Comware halts router advertisements "
                    "altogether; it does not answer solicitations either",
                )
            for prefix in nd.prefixes:
                prefix.valid = 2592000 if prefix.valid is None else prefix.valid
                prefix.preferred = 604800 if prefix.preferred is None else prefix.preferred


def _interface_ospf(processes: dict[str, Ospf], ifc: Interface, ospf: InterfaceOspf) -> None:
    if ospf.area is not None and ospf.process is None:
        process = _process_of(processes, ifc, ospf)
        if process is not None:
            ospf.process = process.process
            for n in ospf.src.get("area"):
                ospf.at(n, "process")
    if ospf.auth_key is not None and ospf.auth is None:
        ospf.auth = "md5" if ospf.auth_key_id is not None else "simple"
        for n in ospf.src.get("auth_key"):
            ospf.at(n, "auth")
    if ospf.passive is not None:
        process = _process_of(processes, ifc, ospf)
        if process is not None:
            if ospf.passive and ifc.name not in process.passive:
                process.passive.append(ifc.name)
            if not ospf.passive and process.passive_default and ifc.name not in process.active:
                process.active.append(ifc.name)
            for n in ospf.src.get("passive"):
                process.at_item(n, "passive" if ospf.passive else "active", ifc.name)
            ospf.passive = None


def _process_of(processes: dict[str, Ospf], ifc: Interface, ospf: InterfaceOspf) -> Ospf | None:
    if ospf.process is not None and ospf.process in processes:
        return processes[ospf.process]
    same_vrf = [p for p in processes.values() if p.vrf == ifc.vrf]
    return same_vrf[0] if len(same_vrf) == 1 else None


# --- routing --------------------------------------------------------------------------------


def _ospf(config: DeviceConfig, out: Emitter) -> None:
    for process in [*config.ospf.values(), *config.ospfv3.values()]:
        for entry in process.redistribute:
            if not entry.subnets:
                entry.subnets = True
                out.change(
                    entry,
                    "",
                    note="Comware always redistributes subnets (IOS without "
                    "`subnets` takes classful networks only)",
                )
            if entry.protocol == "bgp":
                entry.process = None  # Comware runs one BGP process
        if process.max_metric_on_startup == 0:
            process.max_metric_on_startup = None
            process.max_metric = True
            for n in process.src.get("max_metric_on_startup"):
                process.at(n, "max_metric")


def _bgp(config: DeviceConfig, out: Emitter) -> None:
    bgp = config.bgp
    if bgp is None:
        return
    if bgp.default_ipv4_unicast:
        family = None
        for name, peer in [*bgp.neighbors.items(), *bgp.peer_groups.items()]:
            if peer.remote_as is None and getattr(peer, "peer_group", None):
                continue  # a group member is enabled through its group
            family = family or bgp.family("ipv4", "unicast")
            if name not in family.peers:
                entry = family.peers[name] = BgpAfPeer()
                for n in peer.src.get("remote_as") or peer.src.get(""):
                    entry.at(n)
                    family.at(n, "peers")
    for af in bgp.address_families:
        for name, entry in list(af.peers.items()):
            if not entry.activate and entry == BgpAfPeer(activate=False):
                # removed from the model, so reported without a comparison drop (whose id
                # could be reused by a node made later)
                ignore_removed(
                    out, entry, "a peer is not active in an address family unless enabled"
                )
                del af.peers[name]
            if entry.allowas_in == 0:
                entry.allowas_in = 3  # IOS `allowas-in` without a count allows three
    for af in bgp.address_families:
        if af.vrf is not None and af.vrf not in bgp.vrfs:
            bgp.vrfs[af.vrf] = BgpVrf(name=af.vrf)
    if bgp.bestpath_as_path_multipath_relax:
        bgp.family("ipv4", "unicast")  # Comware sets it in the IPv4 unicast family
    for peer in [*bgp.neighbors.values(), *bgp.peer_groups.values()]:
        _bfd(peer)
    for vrf in bgp.vrfs.values():
        for peer in vrf.neighbors.values():
            _bfd(peer)


def _bfd(peer: object) -> None:
    if getattr(peer, "fall_over_bfd", False):
        peer.fall_over_bfd = False  # type: ignore[attr-defined]
        peer.bfd = True  # type: ignore[attr-defined]
        src = peer.src  # type: ignore[attr-defined]
        for n in src.get("fall_over_bfd"):
            src.add("bfd", n)


# --- system and services --------------------------------------------------------------------


def _system(config: DeviceConfig, out: Emitter) -> None:
    system = config.system
    if system.stp_mode == "rapid-pvst":
        system.stp_mode = "pvst"
        out.change(
            system,
            "stp_mode",
            note="Comware's PVST mode runs rapid transitions and interworks with Rapid PVST+",
        )
    if system.domain_name is None and system.domain_search:
        system.domain_name = system.domain_search.pop(0)
        for n in system.src.get("domain_search"):
            system.at(n, "domain_name")
    for kind in list(system.banners):
        if kind not in ("motd", "login", "exec", "incoming", "legal"):
            del system.banners[kind]
            out.change(system, "banners", note=f"Comware has no {kind} banner: left out")
        else:  # Comware keeps no trailing blanks on banner lines
            system.banners[kind] = "\n".join(x.rstrip() for x in system.banners[kind].split("\n"))
    archive = system.config_archive
    if archive is not None and archive.path is not None:
        storage, sep, rest = archive.path.partition(":")
        if sep and storage in ("flash", "bootflash", "disk0", "slot0", "nvram"):
            archive.path = "flash:/" + rest.lstrip("/")  # the box's own storage
    if system.summer_time is not None:
        system.summer_time.start = _hhmm(system.summer_time.start)
        system.summer_time.end = _hhmm(system.summer_time.end)
    aaa = system.aaa
    has_login_lists = any(e.service == "login" for e in aaa.method_lists)
    for line in system.lines:
        if line.login in ("local", "aaa"):
            wanted = "aaa" if has_login_lists else "local"
            if line.login != wanted:
                out.change(
                    line,
                    "login",
                    note="Comware lines authenticate through the ISP "
                    "domain: with login method lists that is AAA, without them local",
                )
                line.login = wanted  # type: ignore[assignment]
    default_login = aaa.new_model and any(
        e.service == "login" and e.name == "default" for e in aaa.method_lists
    )
    for line in system.lines:
        if line.login is None and default_login:
            # with AAA on, IOS applies the default login list to every line that names none
            line.login = "aaa"
            for n in aaa.src.get("new_model"):
                line.at(n, "login")
        elif line.kind == "vty" and line.login is None and line.password is not None:
            line.login = "password"  # IOS vty lines check the line password by default
        if set(line.transport_input) == {"ssh", "telnet"}:
            line.transport_input = ["ssh", "telnet"]
    ssh_lines = [line for line in system.lines if "ssh" in line.transport_input]
    if system.ssh_server is None and (ssh_lines or system.ssh_version is not None):
        system.ssh_server = True
        for line in ssh_lines:
            for n in line.src.get("transport_input"):
                system.at(n, "ssh_server")
        for n in system.src.get("ssh_version"):
            system.at(n, "ssh_server")
        out.change(
            system,
            "ssh_server",
            note="Comware serves SSH only once told to; generate "
            "its host key on the new box (public-key local create rsa)",
        )
    vtys = [line for line in system.lines if line.kind == "vty"]
    for field in ("acl_in", "ipv6_acl_in"):
        acls = {getattr(line, field) for line in vtys} - {None}
        if len(acls) == 1:
            acl = acls.pop()
            for line in vtys:
                if getattr(line, field) is None:
                    setattr(line, field, acl)
                    out.change(line, "", note="Comware applies the login ACL to every vty line")
    for entry in aaa.method_lists:
        if (
            entry.scope is not None
            and entry.scope.startswith("commands ")
            and (entry.scope != "commands 15")
        ):
            out.change(
                entry,
                "",
                note=f"Comware authorizes or accounts every command, not "
                f"only those of {entry.scope}",
            )
            entry.scope = "commands 15"
        if entry.service == "accounting" and entry.scope is None:
            entry.scope = "exec"
        if entry.service == "accounting" and "start-stop" in entry.methods:
            entry.methods = [m for m in entry.methods if m != "start-stop"]
        if "local-case" in entry.methods:
            entry.methods = ["local" if m == "local-case" else m for m in entry.methods]
    if aaa.source_interface is not None:
        if not aaa.servers:
            out.ignore(aaa, "source_interface", rule="no RADIUS or TACACS+ server uses it")
        for field in ("tacacs_source_interface", "radius_source_interface"):
            protocol = field.split("_")[0]
            if getattr(aaa, field) is None and any(s.protocol == protocol for s in aaa.servers):
                setattr(aaa, field, aaa.source_interface)
                for n in aaa.src.get("source_interface"):
                    aaa.at(n, field)
        aaa.source_interface = None
    by_name = {s.name: s.address for s in aaa.servers if s.name}
    for name, members in list(aaa.groups.items()):
        addresses = [by_name.get(m, m) for m in members]
        servers = [s for s in aaa.servers if s.address in addresses]
        if not servers or len({s.protocol for s in servers}) != 1:
            del aaa.groups[name]
            out.change(
                aaa, "groups", note=f"server group {name} has no servers of one protocol: left out"
            )
            continue
        aaa.groups[name] = [a for a in addresses if any(s.address == a for s in servers)]
    for name in [n for n in aaa.groups if n in ("tacacs", "radius")]:
        members = aaa.groups[name]
        grouped = {a for n, ms in aaa.groups.items() if n != name for a in ms}
        loose = [s for s in aaa.servers if s.protocol == name and s.address not in grouped]
        if {s.address for s in loose} == set(members):
            del aaa.groups[name]  # the scheme named like the protocol holds its loose servers
    aaa.group_protocols = {}  # each written scheme says its protocol by its kind
    known = set(aaa.groups) | {s.protocol for s in aaa.servers}
    for entry in aaa.method_lists:
        dead = [m for m in entry.methods if m.startswith("group:") and m[6:] not in known]
        if dead and len(dead) < len(entry.methods):
            entry.methods = [m for m in entry.methods if m not in dead]
            out.change(entry, "", note=f"methods {' '.join(dead)} name no servers: left out")
    log = system.logging
    if log.facility is not None and log.hosts:
        for host in log.hosts.values():
            if host.facility is None:
                host.facility = log.facility
                for n in log.src.get("facility"):
                    host.at(n, "facility")
        log.facility = None
    policies(config)
    services = config.services
    helpers = any(ifc.helper_addresses for ifc in config.interfaces.values())
    if services.dhcp_enabled is None and (services.dhcp_pools or helpers):
        services.dhcp_enabled = True


def _hhmm(point: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    hours, minutes = point[3].split(":")[:2]
    return (point[0], point[1], point[2], f"{int(hours):02d}:{int(minutes):02d}")


STEPS: tuple[Callable[[DeviceConfig, Emitter], None], ...] = (
    overlay,
    prepare_drni,
    errdisable,
    igmp_snooping,
    prepare_zones,
    acl_names,
    acl_entries,
    filter_vrf_notes,
    ipv6_rules_advanced,
    extended_lists,
    inspect_names,
    nat_timeouts,
    qos,
    routing_aggregates,
    voice_ports,
    _interfaces,
    _ospf,
    _bgp,
    _system,
    default_gateway,
    remote_login,
    unauthenticated_lines,
    serial_lines,
)

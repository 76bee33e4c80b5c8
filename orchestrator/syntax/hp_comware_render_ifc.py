"""Render VPN instances, VLANs, track entries, interfaces and static routes in Comware 7 syntax.

The settings inside an interface view are in `hp_comware_render_port`.
"""

from __future__ import annotations

import re

from orchestrator.model import DeviceConfig, Interface, item_key
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_parse_ifc import TUNNEL_MODES
from orchestrator.syntax.hp_comware_render_overlay import (
    vrf_evpn_lines,
)
from orchestrator.syntax.hp_comware_render_port import render_port
from orchestrator.syntax.hp_comware_render_port_l3 import track_numbers

_KIND_ORDER = {
    "lag": 0,
    "null": 1,
    "loopback": 2,
    "svi": 3,
    "tunnel": 4,
    "management": 5,
    "ethernet": 6,
    "other": 7,
    "subinterface": 8,  # after every parent
}
_TUNNEL_WORDS = {mode: word for word, mode in TUNNEL_MODES.items()}


def render_vrfs(config: DeviceConfig, out: Emitter) -> None:
    for vrf in config.vrfs.values():
        out.plain("#")
        with out.view(f"ip vpn-instance {vrf.name}", vrf):
            if vrf.rd is not None:
                out.emit(f" route-distinguisher {vrf.rd}", vrf, "rd")
            if vrf.description is not None:
                out.emit(f" description {vrf.description}", vrf, "description")
            for target in vrf.import_targets:
                out.emit(
                    f" vpn-target {target} import-extcommunity",
                    vrf,
                    item_key("import_targets", target),
                )
            for target in vrf.export_targets:
                out.emit(
                    f" vpn-target {target} export-extcommunity",
                    vrf,
                    item_key("export_targets", target),
                )
            if vrf.import_map is not None:
                out.emit(f" import route-policy {vrf.import_map}", vrf, "import_map")
            if vrf.export_map is not None:
                out.emit(f" export route-policy {vrf.export_map}", vrf, "export_map")
            if vrf.ipv4 and vrf.src.get("ipv4"):
                out.emit(" address-family ipv4", vrf, "ipv4")
            elif vrf.ipv4:
                out.mark(vrf, "ipv4")  # a Comware VPN instance always carries IPv4
            if vrf.ipv6:
                out.emit(" address-family ipv6", vrf, "ipv6")
            if not vrf.ipv4:
                out.ignore(vrf, "ipv4", rule="a Comware VPN instance always carries IPv4")
            vrf_evpn_lines(config, vrf.name, out)


def render_vlans(config: DeviceConfig, out: Emitter) -> None:
    system = config.system
    snooping = system.igmp_snooping or any(v.igmp_snooping for v in config.vlans.values())
    if snooping:
        out.plain("#")
        out.emit(" igmp-snooping", system, "igmp_snooping")
        for vlan in config.vlans.values():
            out.also(vlan, "igmp_snooping")
    for vid, vlan in sorted(config.vlans.items()):
        out.plain("#")
        with out.view(f"vlan {vid}", vlan):
            if vlan.name is not None:
                out.emit(f" name {vlan.name}", vlan, "name")
            if vlan.description is not None:
                out.emit(f" description {vlan.description}", vlan, "description")
            if vlan.igmp_snooping or (vlan.igmp_snooping is None and system.igmp_snooping):
                out.emit(" igmp-snooping enable", vlan, "igmp_snooping")
                out.also(system, "igmp_snooping")


def render_tracks(config: DeviceConfig, out: Emitter) -> None:
    """VRRP follows interfaces through track entries, numbered here from 1."""
    numbers = track_numbers(config)
    if numbers:
        out.plain("#")
    for name, number in numbers.items():
        groups = [
            g
            for ifc in config.interfaces.values()
            for g in ifc.fhrp
            if any(t[0] == name for t in g.track)
        ]
        out.emit(f" track {number} interface {name}", groups[0], "track")


def _natural(name: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name))


def _order(ifc: Interface) -> tuple[object, ...]:
    return (_KIND_ORDER.get(ifc.kind, 7), _natural(ifc.name))


def render_interfaces(config: DeviceConfig, out: Emitter) -> None:
    for ifc in sorted(config.interfaces.values(), key=_order):
        opener = f"interface {ifc.name}"
        if ifc.kind == "tunnel":
            word = _TUNNEL_WORDS.get(ifc.tunnel_mode)
            if word is None:
                out.unsupported(
                    ifc,
                    "tunnel_mode",
                    reason=f"tunnel mode {ifc.tunnel_mode} is not translated; written as GRE",
                )
                word = "gre"
            opener += f" mode {word}"
        elif ifc.tunnel_mode is not None:
            out.unsupported(ifc, "tunnel_mode", reason="only tunnel interfaces have a tunnel mode")
        if ifc.point_to_point is not None and ifc.name.startswith(("ATM", "Serial")):
            opener += " p2p" if ifc.point_to_point else " p2mp"
        elif ifc.point_to_point is not None:
            out.unsupported(
                ifc, "point_to_point", reason="only ATM and serial subinterfaces have a link type"
            )
        out.plain("#")
        with out.view(opener, ifc, "", "tunnel_mode", "point_to_point"):
            out.mark(ifc, "kind")  # the name says the kind
            render_port(config, ifc, out)


def render_mirroring(config: DeviceConfig, out: Emitter) -> None:
    """Local port mirroring: one group per monitor port, its sources mirrored both ways."""
    group = 0
    for ifc in sorted(config.interfaces.values(), key=_order):
        if not ifc.monitor_sources:
            continue
        group += 1
        out.plain("#")
        out.emit(f" mirroring-group {group} local", ifc, "monitor_sources")
        for source in ifc.monitor_sources:
            out.emit(
                f" mirroring-group {group} mirroring-port {source} both",
                ifc,
                item_key("monitor_sources", source),
            )
        out.emit(f" mirroring-group {group} monitor-port {ifc.name}", ifc, "monitor_sources")


#: what an `ip route-static` line writes
_ROUTE_FIELDS = (
    "prefix",
    "vrf",
    "interface",
    "next_hop",
    "next_hop_vrf",
    "permanent",
    "distance",
    "tag",
    "name",
)


def render_static_routes(config: DeviceConfig, out: Emitter) -> None:
    if config.static_routes:
        out.plain("#")
    for route in config.static_routes:
        v6 = route.prefix.version == 6
        text = "ipv6 route-static" if v6 else "ip route-static"
        if route.vrf is not None:
            text += f" vpn-instance {route.vrf}"
        text += f" {route.prefix.network_address} {route.prefix.prefixlen}"
        if route.interface is not None:
            text += f" {route.interface}"
        if route.next_hop is not None:
            if route.next_hop_vrf == "global":
                text += f" {route.next_hop} public"
            elif route.next_hop_vrf is not None:
                text += f" vpn-instance {route.next_hop_vrf} {route.next_hop}"
            else:
                text += f" {route.next_hop}"
        elif route.next_hop_vrf is not None:
            out.unsupported(route, "next_hop_vrf", reason="a next-hop VPN needs a next-hop address")
        if route.interface is None and route.next_hop is None:
            out.unsupported(route, reason="a static route needs a next hop or an interface")
            continue
        if route.permanent:
            text += " permanent"
        if route.distance is not None:
            text += f" preference {route.distance}"
        if route.tag is not None:
            text += f" tag {route.tag}"
        if route.name is not None:
            text += f" description {route.name}"
        if route.track is not None:
            out.unsupported(route, "track", reason="track objects (IP SLA) are not translated")
        out.emit(text, route)
        out.mark(route, *_ROUTE_FIELDS)

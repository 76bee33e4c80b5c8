"""Cisco NX-OS (Nexus): `show running-config` text → the model. A source platform only.

NX-OS is IOS's nearest sibling, so `CiscoNxos` subclasses `CiscoIos` and its statement table is
the IOS table with the NX-OS statements put in front: what NX-OS writes differently (`A/len`
addresses, `vrf context`, neighbor blocks in `router bgp`, `feature` switches, `use-vrf`) is read
by the `cisco_nxos_*` modules, everything else by the IOS handlers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from orchestrator import ports
from orchestrator.model import DeviceConfig, MlagDomain, Vlan
from orchestrator.syntax.base import Platform, Rendered
from orchestrator.syntax.cisco_ios import CiscoIos
from orchestrator.syntax.cisco_nxos_bgp import set_router_id
from orchestrator.syntax.cisco_nxos_interfaces import interface, p_interface
from orchestrator.syntax.cisco_nxos_overlay import OVERLAY_TOP, v_vni
from orchestrator.syntax.cisco_nxos_routing import ROUTING_TOP
from orchestrator.syntax.cisco_nxos_system import SYSTEM_TOP
from orchestrator.syntax.rules import Ctx, Rule, dispatch_children, rule, vlan_list
from orchestrator.syntax.text import Line

# --- VLANs ------------------------------------------------------------------------------------


def p_vlan(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for vid in vlan_list(m.group(1)):
        vlan = ctx.config.vlans.get(vid)
        if vlan is None:
            vlan = ctx.config.vlans[vid] = Vlan(id=vid)
        vlan.at(line.n)
        dispatch_children(ctx, line, VLAN_RULES, vlan)


def v_name(ctx: Ctx, line: Line, m: re.Match[str], vlan: Vlan) -> None:
    vlan.name = m.group(1)
    vlan.at(line.n, "name")


def v_shutdown(ctx: Ctx, line: Line, m: re.Match[str], vlan: Vlan) -> None:
    """`shutdown` and `state suspend` both stop the VLAN forwarding on this switch."""
    vlan.shutdown = m.group(1) is None
    vlan.at(line.n, "shutdown")


VLAN_RULES: list[Rule] = [
    rule(r"name (\S+)", v_name),
    rule(r"(no )?shutdown", v_shutdown),
    rule(r"state suspend()", v_shutdown),
    rule(r"state active", ignore="VLANs are active by default"),
    rule(r"vn-segment (\d+)", v_vni),
]

# --- vPC domain (multi-chassis LAG) -----------------------------------------------------------


def p_vpc_domain(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    domain = ctx.config.mlag = MlagDomain(domain=int(m.group(1)))
    domain.at(line.n)
    dispatch_children(ctx, line, VPC_RULES, domain)


def _mlag_int(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], domain: MlagDomain) -> None:
        setattr(domain, field, int(m.group(1)))
        domain.at(line.n, field)

    return handler


def _mlag_flag(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], domain: MlagDomain) -> None:
        setattr(domain, field, True)
        domain.at(line.n, field)

    return handler


def m_system_mac(ctx: Ctx, line: Line, m: re.Match[str], domain: MlagDomain) -> None:
    domain.system_mac = m.group(1).lower()
    domain.at(line.n, "system_mac")


def m_keepalive(ctx: Ctx, line: Line, m: re.Match[str], domain: MlagDomain) -> None:
    domain.keepalive_destination = m.group(1)
    domain.keepalive_source = m.group(2)
    domain.keepalive_vrf = m.group(3)
    domain.at(line.n, "keepalive_destination", "keepalive_source", "keepalive_vrf")


VPC_RULES: list[Rule] = [
    rule(r"role priority (\d+)", _mlag_int("role_priority")),
    rule(r"system-priority (\d+)", _mlag_int("system_priority")),
    rule(r"system-mac (\S+)", m_system_mac),
    rule(r"peer-keepalive destination (\S+)(?: source (\S+))?(?: vrf (\S+))?", m_keepalive),
    rule(r"peer-gateway", _mlag_flag("peer_gateway")),
    rule(r"ip arp synchronize", _mlag_flag("arp_sync")),
    rule(r"auto-recovery", _mlag_flag("auto_recovery")),
    rule(r"delay restore (\d+)", _mlag_int("delay_restore")),
    rule(r"graceful consistency-check", ignore="NX-OS default vPC consistency behaviour"),
    rule(
        r"peer-switch", unsupported="vPC peer-switch (one STP root for the pair) is not translated"
    ),
    rule(
        r"layer3 peer-router",
        unsupported="routing protocol peering over the vPC peer link is not translated",
    ),
]

# --- blocks decided once the whole file is read -----------------------------------------------


def p_track(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`track N interface X line-protocol`: HSRP groups name N; resolved at the end."""
    name = ports.canonical_name(ctx.platform, m.group(2))
    ctx.state.setdefault("track_objects", {})[int(m.group(1))] = (name, line)


def p_port_profile(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.state.setdefault("port_profiles", []).append((m.group(1), line))


def p_control_plane(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`control-plane` with NX-OS's own CoPP policy is the box's default protection."""
    for child in line.children:
        if re.fullmatch(r"service-policy input copp-system-(?:p-)?policy(?:-\S+)?", child.text):
            ctx.report.ignored(child, _COPP)
        else:
            ctx.report.unsupported(child, "a custom control-plane policy is not translated")
    ctx.report.ignored(line, _COPP)


def p_monitor_session(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`monitor session N`: local SPAN, held on the destination port as the ports it mirrors.

    NX-OS sessions start shut down; only `no shut` makes one mirror anything.
    """
    if m.group(2):
        ctx.report.unsupported_tree(
            line, "ERSPAN (mirroring to a remote address) is not translated"
        )
        return
    sources: list[tuple[str, Line]] = []
    destination: tuple[str, Line] | None = None
    active: Line | None = None
    for child in line.children:
        source = re.fullmatch(r"source interface (\S+)(?: both)?", child.text)
        target = re.fullmatch(r"destination interface (\S+)", child.text)
        if source:
            sources.append((ports.canonical_name(ctx.platform, source.group(1)), child))
        elif target and destination is None:
            destination = (target.group(1), child)
        elif child.text == "no shut":
            active = child
        elif child.text == "description":
            ctx.report.ignored(child, "an empty description sets nothing")
        else:
            ctx.report.unsupported_tree(
                line,
                f"SPAN session option {child.text!r} is not "
                "translated (the model mirrors both directions of "
                "ports to one port)",
            )
            return
    if active is None:
        ctx.report.ignore_tree(line, "a SPAN session that is shut down mirrors nothing")
        return
    if not sources or destination is None:
        ctx.report.unsupported_tree(
            line, "a SPAN session without ports to mirror or a port to mirror them to"
        )
        return
    port = interface(ctx, destination[0])
    for name, child in sources:
        port.monitor_sources.append(name)
        for member in (child, line, destination[1], active):
            port.at_item(member.n, "monitor_sources", name)
        ctx.report.parsed(child)
    for member in (line, destination[1], active):
        ctx.report.parsed(member)


_COPP = (
    "NX-OS built-in control-plane policing (CoPP); the targets protect their CPU with "
    "their own default policy"
)

# --- housekeeping: meaningful only on the source box -------------------------------------------

_HW = "hardware setting of the source Nexus chassis"
_FEX = "Cisco FEX fabric extenders attach only to a Nexus parent switch; no target equivalent"

HOUSEKEEPING: list[Rule] = [
    rule(r"version .+", ignore="software version of the source; the target runs its own"),
    rule(r"boot (?:kickstart|system|nxos) .+", ignore="boot image of the source hardware"),
    rule(
        r"vdc \S+ id \d+",
        ignore="virtual device context: partitions the source Nexus "
        "chassis; the target is configured as one box",
        tree=True,
    ),
    rule(r"(?:no )?system admin-vdc", ignore=_HW),
    rule(r"power redundancy-mode \S+", ignore="power supply redundancy of the source chassis"),
    rule(
        r"no system auto-upgrade epld",
        ignore="line-card firmware (EPLD) upgrade of the source hardware",
    ),
    rule(r"hardware .+", ignore="ASIC resource carving of the source hardware"),
    rule(
        r"system jumbomtu \d+",
        ignore="NX-OS ceiling for layer-2 port MTUs; the targets take "
        "each port's MTU from its own `mtu` line",
    ),
    rule(
        r"system default switchport",
        ignore="ports are layer 2 by default on the target switches too",
    ),
    rule(
        r"no system default switchport shutdown",
        ignore="ports are not shut down by default on the targets either",
    ),
    rule(
        r"cfs .+",
        ignore="Cisco Fabric Services (configuration sync between Nexus "
        "switches); no equivalent on the targets",
    ),
    rule(r"copp profile \S+", ignore=_COPP),
    rule(r"control-plane", p_control_plane),
    rule(
        r"rmon event [1-5] .*description.*",
        ignore="NX-OS creates RMON events 1-5 (FATAL to "
        "INFORMATION) itself; the targets have their own alarm events",
    ),
    rule(r"vtp (?:domain|version) .+", ignore="VTP is Cisco-only; targets keep VLANs locally"),
    rule(
        r"no xml server exec-mode",
        ignore="the NX-OS XML management agent does not exist on the targets",
    ),
    rule(r"fex \d+", unsupported=_FEX, tree=True),
    rule(
        r"fabric forwarding .+",
        unsupported="the distributed anycast gateway of the VXLAN fabric is not translated",
    ),
    rule(
        r"flow (?:exporter|record|monitor) \S+", unsupported="NetFlow is not translated", tree=True
    ),
    rule(r"flow timeout .+", unsupported="NetFlow is not translated"),
    rule(r"monitor session (\d+)(?: type (\S+))?", p_monitor_session),
    rule(r"monitor erspan .+", unsupported="SPAN/ERSPAN mirroring sessions are not translated"),
    rule(r"mac access-list \S+", unsupported="MAC access lists are not translated", tree=True),
    rule(r"object-group .+", unsupported="object groups are not translated", tree=True),
    rule(
        r"bfd (?:interval|echo-interface) .+", unsupported="global BFD defaults are not translated"
    ),
    rule(
        r"vlan dot1Q tag native",
        unsupported="tagging the native VLAN on every trunk is not translated",
    ),
    rule(
        r"no mac address-table notification mac-move",
        unsupported="MAC-move notification settings are not translated",
    ),
]


class CiscoNxos(CiscoIos):
    """Cisco NX-OS: IOS plus what a Nexus writes differently."""

    name: ClassVar[str] = "cisco_nxos"
    #: NX-OS's OSPF default: 40 Gbit/s, so a 10G port costs 4 (IOS: 100 Mbit/s)
    ospf_reference_bandwidth: ClassVar[int] = 40000
    proxy_arp_default: ClassVar[bool | None] = False
    dns_lookup_default: ClassVar[bool | None] = True
    ssh_server_default: ClassVar[bool | None] = True
    #: not the IOS metrics: NX-OS redistribution metrics are not declared here
    ospf_external_metrics: ClassVar[Mapping[str, int]] = {}
    fingerprints: ClassVar[tuple[str, ...]] = (
        r"^feature ",
        r"^vdc \S+ id \d+",
        r"^vrf context ",
        r"^ +ip address \d+\.\d+\.\d+\.\d+/\d+",
        r"^interface Ethernet[1-9]\d*/[1-9]\d*(?:/[1-9]\d*)?$",  # NX-OS numbers from 1
        r"^version \d+\.\d+\(\d+\)",
        r"^ +vrf member ",
        r"^ip route \d+\.\d+\.\d+\.\d+/\d+ ",
    )
    TOP: ClassVar[list[Rule]] = []
    #: a source only: the project replaces Nexus boxes, it never writes NX-OS
    renders: ClassVar[bool] = False

    def render(self, config: DeviceConfig) -> Rendered:
        return Platform.render(self, config)  # the base refusal, not the IOS renderer

    def finish(self, ctx: Ctx) -> None:
        super().finish(ctx)
        _resolve_tracks(ctx)
        _decide_port_profiles(ctx)
        for members, vrf, n in ctx.state.get("aaa_group_vrf", []):
            for server in ctx.config.system.aaa.servers:
                if server.address in members:
                    server.vrf = vrf
                    server.at(n, "vrf")
        for value, vrf, line in ctx.state.get("bgp_router_id_interface", []):
            ifc = ctx.config.interfaces.get(ports.canonical_name(ctx.platform, value))
            if ifc is None or not ifc.ipv4:
                ctx.report.unsupported(line, f"router-id {value}: no such interface address")
                continue
            set_router_id(ctx, str(ifc.ipv4[0].address.ip), vrf, line.n)
        peer_link = ctx.state.get("mlag_peer_link")
        if peer_link is not None:
            if ctx.config.mlag is None:
                ctx.report.unsupported(peer_link[1], "a vPC peer link without a vPC domain")
            else:
                ctx.config.mlag.peer_link = peer_link[0]
                ctx.config.mlag.at(peer_link[1], "peer_link")


def _resolve_tracks(ctx: Ctx) -> None:
    """HSRP `track N` names a track object; the model tracks the interface behind it."""
    objects: dict[int, tuple[str, Line]] = ctx.state.get("track_objects", {})
    used: set[int] = set()
    for group, number, decrement, line in ctx.state.get("fhrp_tracks", []):
        found = objects.get(number)
        if found is None:
            ctx.report.unsupported(line, f"track object {number} is not an interface track")
            continue
        used.add(number)
        group.track.append((found[0], decrement))
        group.at_item(line.n, "track", found[0])
        group.at_item(found[1].n, "track", found[0])
    for number, (_, line) in objects.items():
        if number not in used:
            ctx.report.unsupported(
                line, "object tracking is translated only where an HSRP or VRRP group uses it"
            )


def _decide_port_profiles(ctx: Ctx) -> None:
    """A port profile that no interface inherits configures nothing."""
    inherited = ctx.state.get("inherited_profiles", set())
    for name, line in ctx.state.get("port_profiles", []):
        if name in inherited:
            ctx.report.unsupported_tree(
                line,
                "port profiles are not translated: write the "
                "profile's settings on the interfaces that inherit it",
            )
        else:
            ctx.report.ignore_tree(
                line,
                f"port-profile {name} is inherited by no interface "
                "in this configuration: it configures nothing",
            )


CiscoNxos.TOP = [
    rule(r"interface (?!nve\d)(\S+(?: \d\S*)?)", p_interface),
    rule(r"vlan (\d[\d,\-]*)", p_vlan),
    rule(r"vpc domain (\d+)", p_vpc_domain),
    rule(r"track (\d+) interface (\S+) line-protocol", p_track),
    rule(r"port-profile(?: type \S+)? (\S+)", p_port_profile),
    *OVERLAY_TOP,
    *ROUTING_TOP,
    *SYSTEM_TOP,
    *HOUSEKEEPING,
    *CiscoIos.TOP,
]

PLATFORM = CiscoNxos()

__all__ = ["PLATFORM", "CiscoNxos"]

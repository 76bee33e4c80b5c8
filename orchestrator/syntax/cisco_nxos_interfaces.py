"""Cisco NX-OS interface statements: only what NX-OS writes differently from IOS.

NX-OS writes addresses as `A/len`, puts an interface in a VRF with `vrf member`, assigns OSPF
areas on the interface (`ip router ospf 1 area 0`), and writes HSRP and VRRP groups as blocks
(`hsrp 10` with `ip`, `priority`, `preempt` under it). Everything else is the IOS statement and
is read by the IOS table, which `INTERFACE_RULES` here extends.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import FhrpGroup, Interface, InterfaceOspf, SecretKind
from orchestrator.syntax.cisco_interface import INTERFACE_RULES as IOS_INTERFACE_RULES
from orchestrator.syntax.cisco_interface import i_helper, i_ospf_area, i_service_policy, i_vrf
from orchestrator.syntax.rules import Ctx, Rule, dispatch_children, ipv4_address, rule
from orchestrator.syntax.text import Line

_HSRP_TRACK_DECREMENT = 10  # NX-OS HSRP `track N` without `decrement`


def interface(ctx: Ctx, name: str) -> Interface:
    """The interface ``name`` (any NX-OS spelling, `loopback 1` too), created on first use."""
    canonical = ports.canonical_name(ctx.platform, name.replace(" ", ""))
    ifc = ctx.config.interface(canonical)
    ifc.kind = ports.interface_kind(ctx.platform, canonical)
    return ifc


def p_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ifc = interface(ctx, m.group(1))
    ifc.at(line.n)
    dispatch_children(ctx, line, INTERFACE_RULES, ifc)


def i_autonegotiation(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.autonegotiation = m.group(1) is None
    ifc.at(line.n, "autonegotiation")


def i_channel_group(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`channel-group N [force] [mode M]`: without a mode NX-OS bundles statically (`on`)."""
    ifc.lag_group = int(m.group(1))
    ifc.lag_mode = m.group(2) or "on"  # type: ignore[assignment]
    ifc.at(line.n, "lag_group", "lag_mode")


def _ospf(ifc: Interface) -> InterfaceOspf:
    if ifc.ospf is None:
        ifc.ospf = InterfaceOspf()
    return ifc.ospf


def i_ospf_passive(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc)
    ospf.passive = m.group(1) is None
    ospf.at(line.n, "passive")


def i_ospf_key3(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """OSPF keys in NX-OS type 3 (encrypted with the box's own key): carried as `nxos3`."""
    ospf = _ospf(ifc)
    if m.group(1):
        ospf.auth_key_id = int(m.group(1))
        ospf.at(line.n, "auth_key_id")
    ospf.auth_key = ctx.secret(line, "nxos3", m.group(2))
    ospf.at(line.n, "auth_key")


def i_edge(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.stp_edge = m.group(1) == "edge"
    ifc.at(line.n, "stp_edge")


def i_storm_control(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.storm_control[m.group(1)] = m.group(2)
    ifc.at_item(line.n, "storm_control", m.group(1))


def i_lacp_rate(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.lacp_rate = m.group(1)  # type: ignore[assignment]
    ifc.at(line.n, "lacp_rate")


def i_bfd_interval(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.bfd_interval = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    ifc.at(line.n, "bfd_interval")


def i_mlag(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`vpc N` on a port-channel: the LAG is one leg of the vPC (M-LAG) numbered N."""
    ifc.mlag_id = int(m.group(1))
    ifc.at(line.n, "mlag_id")


def i_peer_link(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`vpc peer-link`: this LAG joins the two switches of the pair (finished with the domain)."""
    ctx.state["mlag_peer_link"] = (ifc.name, line.n)


def i_inherit(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`inherit port-profile P`: the profile is then in use (see `cisco_nxos` finish)."""
    ctx.state.setdefault("inherited_profiles", set()).add(m.group(1))
    ctx.report.unsupported(
        line,
        "port-profile inheritance is not translated: write the profile's settings on the interface",
    )


# --- HSRP and VRRP groups ---------------------------------------------------------------------


def _group(ctx: Ctx, ifc: Interface, protocol: str, number: int, line: Line) -> FhrpGroup:
    group = next((g for g in ifc.fhrp if g.protocol == protocol and g.group == number), None)
    if group is None:
        group = FhrpGroup(protocol=protocol, group=number)  # type: ignore[arg-type]
        ifc.fhrp.append(group)
        ifc.at(line.n, "fhrp")
    group.at(line.n)
    return group


def i_hsrp_version(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`hsrp version 2` applies to every HSRP group of the interface, written before or after."""
    version = int(m.group(1))
    ctx.state.setdefault("hsrp_version", {})[ifc.name] = (version, line.n)
    for group in ifc.fhrp:
        if group.protocol == "hsrp":
            group.version = version
            group.at(line.n, "version")


def i_fhrp_block(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`hsrp N [ipv4]` / `vrrp N`: a group whose settings are the nested lines."""
    protocol = line.words[0]
    if m.group(2) == "ipv6":
        ctx.report.unsupported_tree(line, "HSRP for IPv6 is not translated")
        return
    group = _group(ctx, ifc, protocol, int(m.group(1)), line)
    if protocol == "hsrp":
        version = ctx.state.get("hsrp_version", {}).get(ifc.name)
        if version is not None:
            group.version = version[0]
            group.at(version[1], "version")
    dispatch_children(ctx, line, HSRP_RULES if protocol == "hsrp" else VRRP_RULES, group)


def g_ip(ctx: Ctx, line: Line, m: re.Match[str], group: FhrpGroup) -> None:
    group.virtual_ip.append(m.group(1))
    group.at_item(line.n, "virtual_ip", m.group(1))


def g_priority(ctx: Ctx, line: Line, m: re.Match[str], group: FhrpGroup) -> None:
    """`priority P [forwarding-threshold lower L upper U]`.

    The thresholds only steer vPC forwarding; NX-OS writes them on every group, and lower 1 /
    upper P (or 255) is what it writes when they were never set.
    """
    priority = int(m.group(1))
    if m.group(2) is not None and (int(m.group(2)), int(m.group(3))) not in (
        (1, priority),
        (1, 255),
    ):
        ctx.report.unsupported(line, "HSRP vPC forwarding thresholds are not translated")
        return
    group.priority = priority
    group.at(line.n, "priority")


def g_preempt(ctx: Ctx, line: Line, m: re.Match[str], group: FhrpGroup) -> None:
    """`preempt [delay minimum N] [reload N] [sync N]`.

    The model holds one delay before taking over; a reload delay (only after a reboot) is kept
    as that delay: it still holds the group back while routing converges after a restart.
    """
    group.preempt = m.group(1) is None
    group.at(line.n, "preempt")
    delays = [int(v) for v in (m.group(2), m.group(3)) if v is not None]
    if delays:
        group.preempt_delay = max(delays)
        group.at(line.n, "preempt_delay")


def g_auth_text(ctx: Ctx, line: Line, m: re.Match[str], group: FhrpGroup) -> None:
    group.auth = ctx.secret(line, "plain", m.group(1))
    group.at(line.n, "auth")


def g_auth_md5(ctx: Ctx, line: Line, m: re.Match[str], group: FhrpGroup) -> None:
    kind: SecretKind = "cisco7" if m.group(1) == "7" else "plain"
    group.auth = ctx.secret(line, kind, m.group(2))
    group.auth_md5 = True
    group.at(line.n, "auth", "auth_md5")


def g_timers(ctx: Ctx, line: Line, m: re.Match[str], group: FhrpGroup) -> None:
    group.hello = int(m.group(1))
    group.at(line.n, "hello")
    if m.group(2):
        group.hold = int(m.group(2))
        group.at(line.n, "hold")


def g_track(ctx: Ctx, line: Line, m: re.Match[str], group: FhrpGroup) -> None:
    """`track N [decrement D]` names a track object; it is resolved to its interface at the end."""
    decrement = int(m.group(2)) if m.group(2) else _HSRP_TRACK_DECREMENT
    ctx.state.setdefault("fhrp_tracks", []).append((group, int(m.group(1)), decrement, line))


def g_name(ctx: Ctx, line: Line, m: re.Match[str], group: FhrpGroup) -> None:
    group.name = m.group(1)
    group.at(line.n, "name")


_MSEC = "sub-second hello/hold timers are not translated (the model holds whole seconds)"

HSRP_RULES: list[Rule] = [
    rule(r"ip (\d+\.\d+\.\d+\.\d+)(?: secondary)?", g_ip),
    rule(r"priority (\d+)(?: forwarding-threshold lower (\d+) upper (\d+))?", g_priority),
    rule(r"(no )?preempt(?: delay(?: minimum (\d+))?(?: reload (\d+))?(?: sync \d+)?)?", g_preempt),
    rule(r"authentication(?: text)? (\S+)", g_auth_text),
    rule(r"authentication md5 key-string (?:(\d) )?(\S+)(?: compatibility)?", g_auth_md5),
    rule(r"timers (\d+) (\d+)", g_timers),
    rule(r"timers (?:msec )?\d+ (?:msec )?\d+", unsupported=_MSEC),
    rule(r"track (\d+)(?: decrement (\d+))?", g_track),
    rule(r"name (\S+)", g_name),
    rule(r"authentication md5 key-chain \S+", unsupported="HSRP key chains are not translated"),
    rule(r"mac-address \S+", unsupported="a fixed HSRP virtual MAC is not translated"),
]

VRRP_RULES: list[Rule] = [
    rule(r"address (\d+\.\d+\.\d+\.\d+)(?: secondary)?", g_ip),
    rule(r"priority (\d+)(?: forwarding-threshold lower (\d+) upper (\d+))?", g_priority),
    rule(r"(no )?preempt(?: delay(?: minimum (\d+))?(?: reload (\d+))?)?", g_preempt),
    rule(r"advertisement-interval (\d+)()", g_timers),
    rule(r"authentication text (\S+)", g_auth_text),
    rule(r"track (\d+)(?: decrement (\d+))?", g_track),
    rule(
        r"no shutdown",
        ignore="NX-OS VRRP groups start shut down; target groups run as "
        "soon as they are configured",
    ),
    rule(r"shutdown", unsupported="a shut-down VRRP group is not translated"),
]

# --- the NX-OS interface table: NX-OS statements first, then every IOS statement -----------------

_FEX = "Cisco FEX fabric extenders attach only to a Nexus parent switch; no target equivalent"

INTERFACE_RULES: list[Rule] = [
    rule(r"ip address (\d+\.\d+\.\d+\.\d+)/(\d+)( secondary)?", ipv4_address),
    rule(r"vrf member (\S+)", i_vrf),
    rule(r"description", ignore="an empty description sets nothing"),
    rule(r"channel-group (\d+)(?: force)?(?: mode (active|passive|on))?", i_channel_group),
    rule(r"ip router ospf (\S+) area (\S+)", i_ospf_area),
    rule(r"(no )?ip ospf passive-interface", i_ospf_passive),
    rule(r"ip ospf message-digest-key (\d+) md5 3 (\S+)", i_ospf_key3),
    rule(r"ip ospf authentication-key 3 ()(\S+)", i_ospf_key3),
    rule(r"spanning-tree port type (edge|normal)(?: trunk)?", i_edge),
    rule(
        r"spanning-tree port type network",
        unsupported="Bridge Assurance (STP network port) "
        "is Cisco-only; the port runs as an ordinary spanning-tree port",
    ),
    rule(r"storm-control (broadcast|multicast|unicast) level (\S+)", i_storm_control),
    rule(r"lacp rate (fast|normal)", i_lacp_rate),
    rule(r"bfd interval (\d+) min_rx (\d+) multiplier (\d+)", i_bfd_interval),
    rule(r"ip dhcp relay address (\S+)", i_helper),
    rule(r"service-policy type qos (input|output) (\S+)", i_service_policy),
    rule(r"hsrp version ([12])", i_hsrp_version),
    rule(r"(?:hsrp|vrrp) (\d+)(?: (ipv4|ipv6))?", i_fhrp_block),
    rule(r"vpc (\d+)", i_mlag),
    rule(r"vpc peer-link", i_peer_link),
    rule(r"switchport mode fex-fabric", unsupported=_FEX),
    rule(r"fex associate \d+", unsupported=_FEX),
    rule(
        r"logging event port link-status(?: default)?",
        ignore="syslog of this port's link up/down: the targets log every port's link changes "
        "by default",
    ),
    rule(
        r"logging event port trunk-status(?: default)?",
        ignore="NX-OS syslog of trunk VLAN-state changes: a message the targets do not have",
    ),
    rule(r"negotiate auto", ignore="autonegotiation is on by default on every target"),
    rule(r"(no )?negotiate auto", i_autonegotiation),
    rule(r"inherit port-profile (\S+)", i_inherit),
    *IOS_INTERFACE_RULES,
]

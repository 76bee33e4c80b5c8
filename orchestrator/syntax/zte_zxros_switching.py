"""ZXROS switching: VLANs and switch ports (`switchvlan-configuration`), smartgroups (`lacp`).

ZXROS lists trunk VLANs with `switchport trunk vlan LIST` (several lines add up) and keeps
LACP settings in a `lacp` view that names the smartgroup and each member again.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    DeviceConfig,
    Interface,
    Switchport,
    Vlan,
)
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    dispatch,
    int_field,
    rule,
    set_field,
    vlan_list,
    vlan_ranges,
)
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import Writer, all_fields, get_interface, quote, unquote

ALL_VLANS = list(range(1, 4095))


def p_switchvlan(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        dispatch(ctx, child, SWITCHVLAN_RULES)


def s_vlan(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for vid in vlan_list(m.group(1)):
        vlan = ctx.config.vlans.setdefault(vid, Vlan(id=vid))
        vlan.at(line.n)
        for child in line.children:
            dispatch(ctx, child, VLAN_RULES, vlan)


def s_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ifc = get_interface(ctx, m.group(1))
    if ifc.switchport is None:
        ifc.switchport = Switchport()
    ifc.switchport.at(line.n)
    for child in line.children:
        dispatch(ctx, child, SWITCHPORT_RULES, ifc.switchport)


def sw_mode(ctx: Ctx, line: Line, m: re.Match[str], sw: Switchport) -> None:
    set_field(sw, line, "mode", m.group(1))


def sw_trunk(ctx: Ctx, line: Line, m: re.Match[str], sw: Switchport) -> None:
    vlans = vlan_list(m.group(1))
    merged = sorted(set((sw.trunk_allowed or []) + vlans))
    set_field(sw, line, "trunk_allowed", None if merged == ALL_VLANS else merged)


def sw_hybrid(ctx: Ctx, line: Line, m: re.Match[str], sw: Switchport) -> None:
    if m.group(2) == "untag":
        ctx.report.unsupported(line, "untagged hybrid VLANs besides the native VLAN")
        return
    sw_trunk(ctx, line, m, sw)


VLAN_RULES: list[Rule] = [
    rule(r"name (.+)", lambda c, ln, m, v: set_field(v, ln, "name", unquote(m.group(1)))),
    rule(
        r"description (.+)",
        lambda c, ln, m, v: set_field(v, ln, "description", unquote(m.group(1))),
    ),
]


SWITCHPORT_RULES: list[Rule] = [
    rule(r"switchport mode (access|trunk|hybrid)", sw_mode),
    rule(r"switchport access vlan (\d+)", int_field("access_vlan")),
    rule(r"switchport trunk vlan (\S+)", sw_trunk),
    rule(r"switchport (?:trunk|hybrid) native vlan (\d+)", int_field("native_vlan")),
    rule(r"switchport hybrid vlan (\S+) (tag|untag)", sw_hybrid),
    rule(r"switchport qinq .+", unsupported="QinQ is not translated"),
]


SWITCHVLAN_RULES: list[Rule] = [
    rule(r"vlan (\d[\d,\-]*)", s_vlan),
    rule(r"interface (\S+)", s_interface),
]


def render_switchvlan(w: Writer, config: DeviceConfig) -> None:
    ports_with_vlans = [i for i in config.interfaces.values() if i.switchport is not None]
    if not config.vlans and not ports_with_vlans:
        return
    with w.section("switchvlan"), w.view("switchvlan-configuration"):
        for vid in sorted(config.vlans):
            vlan = config.vlans[vid]
            with w.view(f"vlan {vid}", vlan):
                if vlan.name is not None:
                    w.line(f"name {quote(vlan.name)}", vlan, "name")
                if vlan.description is not None:
                    w.line(f"description {quote(vlan.description)}", vlan, "description")
            if vlan.shutdown is not None:
                w.out.unsupported(vlan, "shutdown", reason="ZXROS VLANs cannot be shut down")
        for ifc in ports_with_vlans:
            sw = ifc.switchport
            assert sw is not None
            with w.view(f"interface {ifc.name}", sw):
                _render_switchport(w, sw)


def _render_switchport(w: Writer, sw: Switchport) -> None:
    out = w.out
    if sw.mode == "dot1q-tunnel":
        out.unsupported(sw, *all_fields(sw), reason="dot1q tunnelling (QinQ) is not translated")
        return
    w.line(f"switchport mode {sw.mode}", sw, "mode")
    if sw.access_vlan is not None:
        w.line(f"switchport access vlan {sw.access_vlan}", sw, "access_vlan")
    if sw.mode in ("trunk", "hybrid"):
        vlans = ALL_VLANS if sw.trunk_allowed is None else sw.trunk_allowed
        text = ",".join(str(a) if a == b else f"{a}-{b}" for a, b in vlan_ranges(vlans))
        if sw.trunk_allowed is None:
            out.change(sw, "", note="ZXROS trunks carry only listed VLANs: all VLANs listed")
        if text and sw.mode == "trunk":
            w.line(f"switchport trunk vlan {text}", sw, "trunk_allowed")
        elif text:
            w.line(f"switchport hybrid vlan {text} tag", sw, "trunk_allowed")
        if sw.native_vlan is not None:
            w.line(f"switchport {sw.mode} native vlan {sw.native_vlan}", sw, "native_vlan")
    elif sw.trunk_allowed is not None or sw.native_vlan is not None:
        out.ignore(sw, "trunk_allowed", "native_vlan", rule="trunk settings of an access port")
    if sw.voice_vlan is not None:
        out.unsupported(sw, "voice_vlan", reason="voice VLANs are not translated to ZXROS")
    if sw.nonegotiate:
        out.ignore(sw, "nonegotiate", rule="ZXROS has no trunk negotiation (DTP) to turn off")


def p_lacp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        dispatch(ctx, child, LACP_RULES)


def l_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ifc = get_interface(ctx, m.group(1))
    for child in line.children:
        dispatch(ctx, child, LACP_IF_RULES, ifc)


def l_member(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.lag_group = int(m.group(1))
    ifc.lag_mode = m.group(2)  # type: ignore[assignment]
    ifc.at(line.n, "lag_group", "lag_mode")


def l_timeout(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    set_field(ifc, line, "lacp_rate", "fast" if m.group(1) == "short" else "normal")


LACP_RULES: list[Rule] = [rule(r"interface (\S+)", l_interface)]


LACP_IF_RULES: list[Rule] = [
    rule(r"lacp mode (?:802\.3ad|on)", ignore="the smartgroup's mode follows its members"),
    rule(r"smartgroup (\d+) mode (active|passive|on)", l_member),
    rule(r"lacp timeout (short|long)", l_timeout),
    rule(r"lacp load-balance .+", unsupported="smartgroup load-balancing is not translated"),
    rule(r"lacp minimum-member .+", unsupported="smartgroup minimum links are not translated"),
]


def render_lacp(w: Writer, config: DeviceConfig) -> None:
    members = [i for i in config.interfaces.values() if i.lag_group is not None]
    if not members:
        return
    groups = sorted({i.lag_group for i in members if i.lag_group is not None})
    with w.section("lacp"), w.view("lacp"):
        for number in groups:
            mine = [i for i in members if i.lag_group == number]
            static = all(i.lag_mode == "on" for i in mine)
            lag = config.interfaces.get(f"smartgroup{number}")
            with w.view(f"interface smartgroup{number}", lag):
                w.line("lacp mode on" if static else "lacp mode 802.3ad", mine[0], "lag_mode")
        for ifc in members:
            with w.view(f"interface {ifc.name}"):
                mode = ifc.lag_mode or "on"
                w.line(f"smartgroup {ifc.lag_group} mode {mode}", ifc, "lag_group", "lag_mode")
                if ifc.lacp_rate is not None:
                    timeout = "short" if ifc.lacp_rate == "fast" else "long"
                    w.line(f"lacp timeout {timeout}", ifc, "lacp_rate")

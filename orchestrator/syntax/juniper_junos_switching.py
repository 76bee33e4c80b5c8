"""Junos layer 2: `family ethernet-switching` on ports, `vlans`, LLDP and spanning tree.

Ports name their VLANs by name (`members [ VLAN100 VLAN300 ]`) or number, and the port mode may
come after the members in `display set` output, so membership is settled once the whole file is
read (`finish_switching`). A Junos trunk without members carries no tagged VLAN (the model's
`trunk_allowed` is then empty, not "all"). Legacy EX `vlans <name> interface <port>` membership
is read too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestrator.model import Interface, Switchport, Vlan
from orchestrator.syntax.juniper_junos_index import claim, interface, junos, sub
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, unquote, values
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line


@dataclass
class IfScope:
    stmt: Stmt
    ifc: Interface
    ifd: str
    unit: str | None


def i_native(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    if s.ifd not in junos(ctx).index.switching:
        ctx.report.unsupported(line, "native VLAN on a routed port (untagged unit) not translated")
        return
    vid = _vlan_id(ctx, m.group(1))
    target = interface(ctx, junos(ctx).index.unit_name(s.ifd, "0"))
    sw = _switchport(target, line)
    if vid is None:
        ctx.report.unsupported(line, f"VLAN {m.group(1)} is not defined under `vlans`")
        return
    sw.native_vlan = vid
    sw.at(line.n, "native_vlan")


def _switchport(ifc: Interface, line: Line | None = None) -> Switchport:
    if ifc.switchport is None:
        ifc.switchport = Switchport()
    return ifc.switchport


def u_switching(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    sw = _switchport(s.ifc)
    sw.at(line.n)
    # `family ethernet-switching` is what makes the port a switch port, access unless told
    claim(ctx, s.stmt, _family_depth(s.stmt), sw)
    claim(ctx, s.stmt, _family_depth(s.stmt), sw, "mode")
    rest = m.group(1)
    if rest is None:
        sw.at(line.n, "mode")
        return
    sub(ctx, s.stmt, rest, SWITCHING_RULES, s, "family ethernet-switching")


def _family_depth(stmt: Stmt) -> int:
    w = stmt.words
    for i in range(len(w) - 1):
        if w[i] == "family":
            return i + 2
    return 0


def sw_mode(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    sw = _switchport(s.ifc)
    sw.mode = m.group(1)  # type: ignore[assignment]
    sw.at(line.n, "mode")


def sw_members(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    junos(ctx).bucket("members").setdefault(s.ifc.name, []).append((values(m.group(1)), line))


def sw_native(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    sw = _switchport(s.ifc)
    vid = _vlan_id(ctx, m.group(1))
    if vid is None:
        ctx.report.unsupported(line, f"VLAN {m.group(1)} is not defined under `vlans`")
        return
    sw.native_vlan = vid
    sw.at(line.n, "native_vlan")


def sw_storm(ctx: Ctx, line: Line, m: re.Match[str], s: IfScope) -> None:
    ctx.report.unsupported(line, f"storm-control profile {m.group(1)} is not translated")


SWITCHING_RULES: list[Rule] = [
    rule(r"(?:port-mode|interface-mode) (access|trunk)", sw_mode),
    rule(r"vlan members (.+)", sw_members),
    rule(r"(?:vlan-id|vlan-id-list) (.+)", sw_members),  # MX family bridge
    rule(r"native-vlan-id (\S+)", sw_native),
    rule(r"storm-control (\S+)", sw_storm),
    rule(
        r"filter (?:input|output) \S+",
        unsupported="Ethernet-switching (MAC) filters are not translated",
    ),
    rule(r"recovery-timeout \d+", unsupported="port error recovery is not translated"),
]

# --- VLANs ----------------------------------------------------------------------------------


def _vlan_id(ctx: Ctx, word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return junos(ctx).index.vlan_ids.get(unquote(word))


def h_vlan(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2)
    vid = junos(ctx).index.vlan_ids.get(name)
    if vid is None:
        ctx.report.unsupported(line, f"VLAN {name} has no vlan-id: not translated")
        return
    vlan = ctx.config.vlans.get(vid)
    if vlan is None:
        vlan = ctx.config.vlans[vid] = Vlan(id=vid, name=name)
    claim(ctx, stmt, 2, vlan)
    words = rest.split(None, 1)
    key, arg = words[0], (words[1] if len(words) > 1 else "")
    if key == "vlan-id":
        if vlan.name != name:
            ctx.report.unsupported(line, f"VLAN {vid} is also named {vlan.name}: one name kept")
            return
        vlan.at(line.n)
        vlan.at(line.n, "name")
    elif key == "description":
        vlan.description = unquote(arg)
        vlan.at(line.n, "description")
    elif key in ("l3-interface", "routing-interface"):
        svi = interface(ctx, junos(ctx).index.ifname(arg))
        svi.at(line.n)
    elif key == "interface":
        junos(ctx).bucket("vlan_ports").setdefault(arg, []).append((vid, line))
    elif key == "domain-type" and arg == "bridge":
        ctx.report.ignored(line, "a bridge domain is what every VLAN is on the targets")
    elif key == "vxlan" and re.fullmatch(r"vni \d+", arg):
        vlan.vni = int(arg.split()[1])
        vlan.at(line.n, "vni")
    elif key == "vxlan":
        ctx.report.unsupported(line, f"VXLAN option `{arg}` is not translated")
    else:
        ctx.report.unsupported(line, f"`{rest}` under vlans is not translated")


def _members(ctx: Ctx, sw: Switchport, words: list[str], line: Line) -> None:
    ids: list[int] = []
    for word in words:
        if word == "all":
            if sw.mode == "trunk":
                sw.trunk_allowed = None
                sw.at(line.n, "trunk_allowed")
            else:
                ctx.report.unsupported(line, "`members all` on an access port")
            return
        if re.fullmatch(r"\d+-\d+", word):
            lo, hi = word.split("-")
            ids.extend(range(int(lo), int(hi) + 1))
            continue
        vid = _vlan_id(ctx, word)
        if vid is None:
            ctx.report.unsupported(line, f"VLAN {word} is not defined under `vlans`")
            return
        ids.append(vid)
    if sw.mode == "trunk":
        sw.trunk_allowed = sorted(set((sw.trunk_allowed or []) + ids))
        sw.at(line.n, "trunk_allowed")
    elif len(ids) == 1 and sw.access_vlan in (None, ids[0]):
        sw.access_vlan = ids[0]
        sw.at(line.n, "access_vlan")
    else:
        ctx.report.unsupported(line, "an access port is in one VLAN only")


def _vlan_port(ctx: Ctx, sw: Switchport, vid: int, line: Line) -> None:
    """Legacy EX `vlans <name> interface <port>`: the port joins the VLAN."""
    if sw.mode == "trunk":
        if sw.trunk_allowed is not None and vid not in sw.trunk_allowed:
            sw.trunk_allowed = sorted([*sw.trunk_allowed, vid])
        sw.at(line.n, "trunk_allowed")
    elif sw.access_vlan in (None, vid):
        sw.access_vlan = vid
        sw.at(line.n, "access_vlan")
    else:
        ctx.report.unsupported(line, f"the port is already an access port of VLAN {sw.access_vlan}")


def finish_switching(ctx: Ctx) -> None:
    """VLAN membership of ports, once port modes and VLAN names are all known."""
    state = junos(ctx)
    for name, entries in state.bucket("members").items():
        ifc = ctx.config.interfaces[name]
        sw = _switchport(ifc)
        for words, line in entries:
            _members(ctx, sw, words, line)
    for ifc in ctx.config.interfaces.values():
        port = ifc.switchport
        if port is not None and port.mode == "trunk" and ifc.name not in state.bucket("members"):
            port.trunk_allowed = []  # a Junos trunk without members carries no tagged VLAN
    for ref, entries in state.bucket("vlan_ports").items():
        ifc = interface(ctx, state.index.ifname(ref))
        sw = _switchport(ifc)
        for vid, line in entries:
            _vlan_port(ctx, sw, vid, line)
    for name, (enabled, n) in state.bucket("igmp_snooping").items():
        vid = state.index.vlan_ids.get(name, int(name) if name.isdigit() else -1)
        vlan = ctx.config.vlans.get(vid)
        if vlan is None:
            ctx.report.unsupported(n, f"IGMP snooping of VLAN {name}, which is not in this file")
            continue
        vlan.igmp_snooping = enabled
        vlan.at(n, "igmp_snooping")


# --- LLDP, IGMP snooping and spanning tree ---------------------------------------------------


def p_igmp_snooping(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    """`vlan all` switches snooping on for every VLAN; `vlan V [disable]` for one."""
    name, rest = unquote(m.group(1)), m.group(2)
    if rest not in (None, "disable"):
        ctx.report.unsupported(line, f"IGMP snooping setting `{rest}` is not translated")
    elif name == "all":
        ctx.config.system.igmp_snooping = rest is None
        ctx.config.system.at(line.n, "igmp_snooping")
    else:
        junos(ctx).bucket("igmp_snooping")[name] = (rest is None, line.n)


def p_lldp(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    rest = m.group(1) or ""
    system = ctx.config.system
    words = tokens(rest)
    if not words or words == ["interface", "all"]:
        system.lldp = True
        system.at(line.n, "lldp")
    elif words in (["disable"], ["interface", "all", "disable"]):
        system.lldp = False
        system.at(line.n, "lldp")
    elif words[0] == "interface" and len(words) in (2, 3):
        ifc = interface(ctx, junos(ctx).index.ifname(words[1]))
        ifc.lldp = words[2:] != ["disable"]
        ifc.at(line.n, "lldp")
        if system.lldp is None:
            system.lldp = True
            system.at(line.n, "lldp")
    elif words[0] == "port-id-subtype" and words[1:] == ["interface-name"]:
        ctx.report.ignored(line, "the targets send the interface name as LLDP port ID")
    else:
        ctx.report.unsupported(line, f"LLDP setting `{rest}` is not carried by the model")


_STP_MODE = {"rstp": "rstp", "mstp": "mstp", "stp": "stp", "vstp": "rapid-pvst"}


def p_stp(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    system = ctx.config.system
    system.stp_mode = _STP_MODE[m.group(1)]  # type: ignore[assignment]
    system.at(line.n, "stp_mode")
    claim(ctx, stmt, 2, system, "stp_mode")
    words = tokens(m.group(2) or "")
    if not words:
        return
    if words[0] == "bridge-priority" and len(words) == 2 and m.group(1) != "mstp":
        system.stp_priority[0] = _priority(words[1])
        system.at_item(line.n, "stp_priority", 0)
    elif words[0] == "interface" and len(words) >= 3:
        ifc = interface(ctx, junos(ctx).index.ifname(words[1]))
        if words[2:] == ["edge"]:
            ifc.stp_edge = True
            ifc.at(line.n, "stp_edge")
        elif words[2] == "cost" and len(words) == 4:
            ifc.stp_cost = int(words[3])
            ifc.at(line.n, "stp_cost")
        elif words[2] == "priority" and len(words) == 4:
            ifc.stp_port_priority = int(words[3])
            ifc.at(line.n, "stp_port_priority")
        else:
            ctx.report.unsupported(line, f"spanning-tree port option `{' '.join(words[2:])}`")
    else:
        ctx.report.unsupported(line, f"spanning-tree option `{' '.join(words)}` is not translated")


def _priority(text: str) -> int:
    return int(text[:-1]) * 1024 if text.endswith("k") else int(text)


SWITCHING_TOP: list[Rule] = [
    rule(r"protocols lldp(?: (.+))?", p_lldp),
    rule(r"protocols igmp-snooping vlan (\S+)(?: (.+))?", p_igmp_snooping),
    rule(r"protocols (rstp|mstp|stp|vstp)(?: (.+))?", p_stp),
    rule(r"(?:vlans|bridge-domains) (\S+) (.+)", h_vlan),
]

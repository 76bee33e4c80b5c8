"""Cisco IOS first-hop redundancy on interfaces: HSRP (`standby`) and VRRP (`vrrp`)."""

from __future__ import annotations

import re

from orchestrator import ports
from orchestrator.model import FhrpGroup, Interface, SecretKind
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line


def i_hsrp_version(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`standby version 2` is per interface: `p_interface` applies it to every HSRP group."""
    ctx.state.setdefault("hsrp_version", {})[ifc.name] = (int(m.group(1)), line.n)


def i_no_preempt(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    protocol = "hsrp" if m.group(1) == "standby" else "vrrp"
    group = _fhrp_group(ifc, protocol, int(m.group(2)), line)
    group.preempt = False
    group.at(line.n, "preempt")


def _fhrp_group(ifc: Interface, protocol: str, group_id: int, line: Line) -> FhrpGroup:
    group = next((g for g in ifc.fhrp if g.protocol == protocol and g.group == group_id), None)
    if group is None:
        group = FhrpGroup(protocol=protocol, group=group_id)  # type: ignore[arg-type]
        ifc.fhrp.append(group)
        ifc.at(line.n, "fhrp")
    return group


def i_fhrp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`standby [group] <what>` (HSRP) and `vrrp <group> <what>`."""
    protocol = "hsrp" if m.group(1) == "standby" else "vrrp"
    group_id = int(m.group(2)) if m.group(2) else 0
    what = m.group(3)
    group = _fhrp_group(ifc, protocol, group_id, line)
    words = what.split()
    head = words[0]
    if head in ("ip", "address") and len(words) >= 2:
        group.virtual_ip.append(words[1])
        group.at_item(line.n, "virtual_ip", words[1])
    elif head == "ipv6" and len(words) == 2:
        address = words[1].split("/")[0] if words[1] != "autoconfig" else words[1]
        group.virtual_ipv6.append(address)
        group.at_item(line.n, "virtual_ipv6", address)
    elif head == "priority":
        group.priority = int(words[1])
        group.at(line.n, "priority")
    elif head == "preempt":
        group.preempt = True
        group.at(line.n, "preempt")
        if "delay" in words:
            rest = words[words.index("delay") + 1 :]
            if rest and rest[0] == "minimum":
                group.preempt_delay = int(rest[1])
            elif rest and rest[0].isdigit():
                group.preempt_delay = int(rest[0])
            group.at(line.n, "preempt_delay")
    elif head == "timers" and words[1:2] == ["advertise"] and len(words) == 3:
        group.hello = int(words[2])
        group.at(line.n, "hello")
    elif head in ("timers", "timer") and len(words) >= 3 and words[1] != "msec":
        group.hello = int(words[1])
        group.hold = int(words[2])
        group.at(line.n, "hello", "hold")
    elif head == "timers" and len(words) == 2:
        group.hello = int(words[1])
        group.at(line.n, "hello")
    elif head == "authentication":
        rest = words[1:]
        if rest[:2] == ["md5", "key-string"]:
            group.auth_md5 = True
            kind: SecretKind = "cisco7" if rest[2] == "7" and len(rest) > 3 else "plain"
            group.auth = ctx.secret(line, kind, rest[-1])
        elif rest and rest[0] == "text":
            group.auth = ctx.secret(line, "plain", rest[1])
        else:
            group.auth = ctx.secret(line, "plain", rest[-1])
        group.at(line.n, "auth", "auth_md5")
    elif head == "track" and len(words) >= 2:
        rest = words[1:]
        if rest[0].isdigit():
            ctx.report.unsupported(line, "tracking objects are not translated")
            return
        name = rest.pop(0)
        if rest and re.fullmatch(r"\d+(?:/\d+)*(?:\.\d+)?", rest[0]) and "/" in rest[0]:
            name += rest.pop(0)  # `FastEthernet 0/1`: IOS takes the name in two words
        decrement = 10  # the IOS default
        if rest[:1] == ["decrement"] and len(rest) == 2:
            decrement = int(rest[1])
        elif len(rest) == 1 and rest[0].isdigit():
            decrement = int(rest[0])  # older IOS: `track <interface> <decrement>`
        elif rest:
            ctx.report.unsupported(line, f"track option {' '.join(rest)!r} not translated")
            return
        target = ports.canonical_name(ctx.platform, name)
        group.track.append((target, decrement))
        group.at_item(line.n, "track", target)
    elif head == "version":
        group.version = int(words[1])
        group.at(line.n, "version")
    elif head == "name":
        group.name = words[1]
        group.at(line.n, "name")
    else:
        ctx.report.unsupported(line, f"{m.group(1)} option {head!r} is not translated")


FHRP_RULES: list[Rule] = [
    rule(r"standby version (\d)", i_hsrp_version),
    rule(r"no (standby|vrrp) (\d+) preempt", i_no_preempt),
    rule(r"(standby|vrrp) (?:(\d+) )?(.+)", i_fhrp),
]

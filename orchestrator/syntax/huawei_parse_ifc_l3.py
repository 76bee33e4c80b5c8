"""VRP interface statements beyond addressing and switching: OSPF, VRRP, filters, DHCP relay,
NAT, STP port roles, tunnels."""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    FhrpGroup,
    Interface,
    InterfaceOspf,
    NatRule,
)
from orchestrator.syntax.huawei_common import ifname, read_secret
from orchestrator.syntax.rules import Ctx, area_dotted
from orchestrator.syntax.text import Line


def _ospf(ifc: Interface) -> InterfaceOspf:
    if ifc.ospf is None:
        ifc.ospf = InterfaceOspf()
    return ifc.ospf


_NETWORK_TYPES = {"p2p": "point-to-point", "broadcast": "broadcast", "nbma": "nbma", "p2mp": "p2mp"}


def i_ospf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc)
    what, value = m.group(1), m.group(2)
    field = {
        "cost": "cost",
        "dr-priority": "priority",
        "timer hello": "hello",
        "timer dead": "dead",
    }[what]
    setattr(ospf, field, int(value))
    ospf.at(line.n, field)


def i_ospf_network(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc)
    ospf.network_type = _NETWORK_TYPES[m.group(1)]  # type: ignore[assignment]
    ospf.at(line.n, "network_type")


def i_ospf_auth(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc)
    words = m.group(1).split()
    mode = words.pop(0)
    if mode == "null":
        ospf.auth = "null"
    elif mode == "simple":
        ospf.auth = "simple"
        if words:
            form = words.pop(0) if words[0] in ("plain", "cipher") else None
            ospf.auth_key = read_secret(ctx, line, words[0], form)
            ospf.at(line.n, "auth_key")
    elif mode in ("md5", "hmac-md5"):
        ospf.auth = "md5"
        if words:
            ospf.auth_key_id = int(words[0])
            form = words[1] if words[1] in ("plain", "cipher") else None
            ospf.auth_key = read_secret(ctx, line, words[-1], form)
            ospf.at(line.n, "auth_key_id", "auth_key")
    else:
        ctx.report.unsupported(line, f"OSPF {mode} authentication is not translated")
        return
    ospf.at(line.n, "auth")


def i_ospf_enable(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc)
    ospf.process = m.group(1) or "1"
    ospf.area = area_dotted(m.group(2))
    ospf.at(line.n, "process", "area")


def _ospfv3(ifc: Interface) -> InterfaceOspf:
    if ifc.ospfv3 is None:
        ifc.ospfv3 = InterfaceOspf()
    return ifc.ospfv3


def i_ospfv3(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ospfv3 P area A`, `ospfv3 cost N`, `ospfv3 network-type T`, `ospfv3 timer hello N`..."""
    ospf = _ospfv3(ifc)
    words = m.group(1).split()
    if words and words[-2:-1] == ["instance"]:
        ctx.report.unsupported(line, "OSPFv3 instances other than 0 are not translated")
        return
    if len(words) == 3 and words[1] == "area":
        ospf.process, ospf.area = words[0], area_dotted(words[2])
        ospf.at(line.n, "process", "area")
    elif words[0] in ("cost", "dr-priority") and len(words) == 2:
        field = "cost" if words[0] == "cost" else "priority"
        setattr(ospf, field, int(words[1]))
        ospf.at(line.n, field)
    elif words[:1] == ["timer"] and len(words) == 3 and words[1] in ("hello", "dead"):
        setattr(ospf, words[1], int(words[2]))
        ospf.at(line.n, words[1])
    elif words[:1] == ["network-type"] and len(words) == 2 and words[1] in _NETWORK_TYPES:
        ospf.network_type = _NETWORK_TYPES[words[1]]  # type: ignore[assignment]
        ospf.at(line.n, "network_type")
    elif words == ["bfd", "enable"]:
        ospf.bfd = True
        ospf.at(line.n, "bfd")
    else:
        ctx.report.unsupported(line, "OSPFv3 interface option not translated")


def i_ospf_bfd(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    _ospf(ifc).bfd = True
    _ospf(ifc).at(line.n, "bfd")


def _vrrp(ifc: Interface, vrid: int, line: Line) -> FhrpGroup:
    for group in ifc.fhrp:
        if group.group == vrid:
            return group
    group = FhrpGroup(protocol="vrrp", group=vrid)
    group.at(line.n)
    ifc.fhrp.append(group)
    ifc.at(line.n, "fhrp")
    return group


def i_vrrp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    group = _vrrp(ifc, int(m.group(1)), line)
    words = m.group(2).split()
    head = words[0]
    if head == "virtual-ip" and len(words) >= 2:
        group.virtual_ip.append(words[1])
        group.at(line.n, "virtual_ip")
    elif head == "priority":
        group.priority = int(words[1])
        group.at(line.n, "priority")
    elif head in ("preempt-mode", "preempt") and words[1:] == ["disable"]:
        group.preempt = False
        group.at(line.n, "preempt")
    elif head in ("preempt-mode", "preempt") and words[1:3] == ["timer", "delay"]:
        group.preempt = True
        delay = int(words[3])
        group.preempt_delay = delay or None
        group.at(line.n, "preempt", "preempt_delay")
    elif head == "timer" and words[1:2] == ["advertise"]:
        group.hello = int(words[2])
        group.at(line.n, "hello")
    elif head == "authentication-mode":
        mode = words[1]
        group.auth_md5 = mode == "md5"
        form = words[2] if len(words) > 3 else ("cipher" if mode == "md5" else None)
        group.auth = read_secret(ctx, line, words[-1], form)
        group.at(line.n, "auth", "auth_md5")
    elif head == "track" and words[1:2] == ["interface"] and len(words) >= 3:
        decrement = 10
        if len(words) >= 5 and words[3] in ("reduced", "reduce"):
            decrement = int(words[4])
        elif len(words) >= 4:
            ctx.report.unsupported(line, "VRRP tracking that raises priority is not translated")
            return
        group.track.append((ifname(ctx, words[2]), decrement))
        group.at(line.n, "track")
    else:
        ctx.report.unsupported(line, f"VRRP option {head!r} not translated")


def i_filter(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ipv6 = m.group(2) is not None
    field = ("ipv6_acl_" if ipv6 else "acl_") + ("in" if m.group(1) == "inbound" else "out")
    setattr(ifc, field, m.group(3))
    ifc.at(line.n, field)


def i_traffic_policy(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    field = "service_policy_in" if m.group(2) == "inbound" else "service_policy_out"
    setattr(ifc, field, m.group(1))
    ifc.at(line.n, field)


def i_relay_server(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.helper_addresses.append(m.group(1))
    ifc.at(line.n, "helper_addresses")


def i_flag(field: str, value: bool) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Any) -> None:
        setattr(ifc, field, value)
        ifc.at(line.n, field)

    return handler


def i_stp_edge(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.stp_edge = m.group(1) == "enable"
    ifc.at(line.n, "stp_edge")


def i_mac(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    digits = m.group(1).replace("-", "").replace(".", "").lower()
    ifc.mac_address = f"{digits[0:4]}.{digits[4:8]}.{digits[8:12]}"
    ifc.at(line.n, "mac_address")


def i_nat_outbound(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    nat = NatRule(kind="dynamic", acl=m.group(1))
    if m.group(2):
        nat.pool = m.group(2)
        nat.overload = m.group(3) is None
    else:
        nat.interface = ifc.name
        nat.overload = True
    nat.at(line.n)
    ctx.config.services.nat_rules.append(nat)
    ctx.config.services.at(line.n, "nat_rules")
    ifc.nat = "outside"
    ifc.at(line.n, "nat")


def i_nat_static(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`nat server protocol tcp global G [gp] inside I [ip]` / `nat static global G inside I`."""
    nat = NatRule(
        kind="static",
        protocol=m.group(1),  # type: ignore[arg-type]
        outside_address=m.group(2),
        inside_address=m.group(4),
    )
    if m.group(2) == "current-interface":  # the outside interface's own address
        nat.outside_address, nat.interface = None, ifc.name
    if m.group(3):
        nat.outside_port = int(m.group(3))
    if m.group(5):
        nat.inside_port = int(m.group(5))
    nat.at(line.n)
    ctx.config.services.nat_rules.append(nat)
    ctx.config.services.at(line.n, "nat_rules")
    ifc.nat = "outside"
    ifc.at(line.n, "nat")


def i_nat_one_to_one(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    nat = NatRule(kind="static", outside_address=m.group(1), inside_address=m.group(2))
    nat.at(line.n)
    ctx.config.services.nat_rules.append(nat)
    ctx.config.services.at(line.n, "nat_rules")
    ifc.nat = "outside"
    ifc.at(line.n, "nat")


def i_tunnel(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
        value: str | None = m.group(1)
        if field == "tunnel_mode" and value == "gre":
            value = None  # GRE over IPv4: what a tunnel runs unless told otherwise
        elif field == "tunnel_mode" and value == "ipsec":
            value = "ipsec ipv4"  # IPsec over IPv4 (the model's IOS spelling)
        if field == "tunnel_source" and value and not re.fullmatch(r"[\d.:a-fA-F]+", value):
            value = ifname(ctx, value)
        setattr(ifc, field, value)
        ifc.at(line.n, field)

    return handler

"""Comware 7 interface statements of the routing side: OSPF/OSPFv3, VRRP, IPv6 router
advertisements, PPP. Comware counts VRRP timers in centiseconds."""

from __future__ import annotations

import re
from ipaddress import IPv6Network

from orchestrator.model import FhrpGroup, Interface, InterfaceOspf, Ipv6Nd, NdPrefix, Ppp
from orchestrator.syntax.hp_comware_common import read_secret
from orchestrator.syntax.rules import Ctx, area_dotted
from orchestrator.syntax.text import Line


def _ospf(ifc: Interface, v3: bool = False) -> InterfaceOspf:
    if v3:
        if ifc.ospfv3 is None:
            ifc.ospfv3 = InterfaceOspf()
        return ifc.ospfv3
    if ifc.ospf is None:
        ifc.ospf = InterfaceOspf()
    return ifc.ospf


_NETWORK_TYPES = {"p2p": "point-to-point", "broadcast": "broadcast", "nbma": "nbma", "p2mp": "p2mp"}


def i_ospf(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc, line.words[0] == "ospfv3")
    what, value = m.group(1), m.group(2)
    if what == "network-type":
        ospf.network_type = _NETWORK_TYPES[value]  # type: ignore[assignment]
        ospf.at(line.n, "network_type")
        return
    name = {
        "cost": "cost",
        "dr-priority": "priority",
        "timer hello": "hello",
        "timer dead": "dead",
    }[what]
    setattr(ospf, name, int(value))
    ospf.at(line.n, name)


def i_ospf_area(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc, line.words[0] == "ospfv3")
    ospf.process = m.group(1)
    ospf.area = area_dotted(m.group(2))
    ospf.at(line.n, "process", "area")


def i_ospf_auth(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ospf authentication-mode md5|hmac-md5 K cipher|plain X` or `simple cipher|plain X`."""
    ospf = _ospf(ifc)
    ospf.auth = "simple" if m.group(1) == "simple" else "md5"
    if m.group(2):
        ospf.auth_key_id = int(m.group(2))
    form = "cipher" if m.group(3) == "cipher" else "simple"
    ospf.auth_key = read_secret(ctx, line, m.group(4), form)
    ospf.at(line.n, "auth", "auth_key_id", "auth_key")


def i_ospf_bfd(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _ospf(ifc, line.words[0] == "ospfv3")
    ospf.bfd = True
    ospf.at(line.n, "bfd")


def _vrrp(ifc: Interface, vrid: int, line: Line) -> FhrpGroup:
    group = next((g for g in ifc.fhrp if g.group == vrid), None)
    if group is None:
        group = FhrpGroup(protocol="vrrp", group=vrid)
        group.at(line.n)
        ifc.fhrp.append(group)
        ifc.at(line.n, "fhrp")
    return group


def i_vrrp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`vrrp vrid N virtual-ip|priority|preempt-mode|timer advertise|authentication-mode|
    track ...`; Comware counts the advertisement timer and preempt delay in centiseconds."""
    group = _vrrp(ifc, int(m.group(1)), line)
    words = m.group(2).split()
    head = words[0]
    if head == "virtual-ip" and len(words) == 2:
        group.virtual_ip.append(words[1])
        group.at(line.n, "virtual_ip")
    elif head == "priority" and len(words) == 2:
        group.priority = int(words[1])
        group.at(line.n, "priority")
    elif head == "preempt-mode":
        group.preempt = True
        group.at(line.n, "preempt")
        if words[1:2] == ["delay"] and len(words) == 3:
            group.preempt_delay = int(words[2]) // 100
            group.at(line.n, "preempt_delay")
    elif words[:2] == ["timer", "advertise"] and len(words) == 3:
        group.hello = int(words[2]) // 100
        group.at(line.n, "hello")
    elif head == "authentication-mode" and len(words) == 4:
        group.auth_md5 = words[1] == "md5"
        group.auth = read_secret(ctx, line, words[3], words[2])
        group.at(line.n, "auth", "auth_md5")
    elif head == "track" and len(words) == 5 and words[2:4] == ["priority", "reduced"]:
        ctx.state.setdefault("vrrp_tracks", []).append(
            (group, int(words[1]), int(words[4]), line.n)
        )
    else:
        ctx.report.unsupported(line, f"VRRP option {head!r} is not translated")


def i_undo_preempt(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    group = _vrrp(ifc, int(m.group(1)), line)
    group.preempt = False
    group.at(line.n, "preempt")


def i_vrrp_version(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ctx.state.setdefault("vrrp_versions", []).append((ifc, int(m.group(1)), line.n))


def _nd(ifc: Interface) -> Ipv6Nd:
    if ifc.ipv6_nd is None:
        ifc.ipv6_nd = Ipv6Nd()
    return ifc.ipv6_nd


def i_nd(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ipv6 nd ...` router advertisement settings."""
    words = line.words[2:]
    if words == ["ra", "halt"]:
        _nd(ifc).ra_suppress = "all"
        _nd(ifc).at(line.n, "ra_suppress")
    elif words[:2] == ["autoconfig", "managed-address-flag"]:
        _nd(ifc).managed_config = True
        _nd(ifc).at(line.n, "managed_config")
    elif words[:2] == ["autoconfig", "other-flag"]:
        _nd(ifc).other_config = True
        _nd(ifc).at(line.n, "other_config")
    elif words[:2] == ["ra", "router-lifetime"]:
        _nd(ifc).ra_lifetime = int(words[2])
        _nd(ifc).at(line.n, "ra_lifetime")
    elif words[:2] == ["ra", "interval"]:
        _nd(ifc).ra_interval = int(words[2])
        _nd(ifc).at(line.n, "ra_interval")
    elif words[:2] == ["ra", "prefix"] and len(words) >= 5 and "/" in words[2]:
        entry = NdPrefix(
            prefix=IPv6Network(words[2], strict=False),
            valid=int(words[3]),
            preferred=int(words[4]),
            autoconfig="no-autoconfig" not in words,
            onlink="off-link" not in words,
        )
        entry.at(line.n)
        _nd(ifc).prefixes.append(entry)
        _nd(ifc).at(line.n, "prefixes")
    else:
        ctx.report.unsupported(line, "IPv6 ND setting not translated")


def _ppp(ifc: Interface) -> Ppp:
    if ifc.ppp is None:
        ifc.ppp = Ppp()
    return ifc.ppp


def i_ppp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ppp authentication-mode|chap user|chap password|pap local-user ...`."""
    words = line.words[1:]
    ppp = _ppp(ifc)
    if words[0] == "authentication-mode":
        ppp.authentication = [w for w in words[1:] if w != "call-in"]
        ppp.auth_callin = "call-in" in words
        ppp.at(line.n, "authentication", "auth_callin")
    elif words[:2] == ["chap", "user"] and len(words) == 3:
        ppp.chap_hostname = words[2]
        ppp.at(line.n, "chap_hostname")
    elif words[:2] == ["chap", "password"] and len(words) == 4:
        ppp.chap_password = read_secret(ctx, line, words[3], words[2])
        ppp.at(line.n, "chap_password")
    elif words[:2] == ["pap", "local-user"] and len(words) == 6 and words[3] == "password":
        ppp.pap_username = words[2]
        ppp.pap_password = read_secret(ctx, line, words[5], words[4])
        ppp.at(line.n, "pap_username", "pap_password")
    else:
        ctx.report.unsupported(line, "PPP setting not translated")

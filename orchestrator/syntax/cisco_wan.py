"""Cisco IOS interface statements of WAN and small-office boxes: PPP, dialers, ATM PVCs,
transparent bridging, TCP MSS clamping, port mirroring and per-port housekeeping."""

from __future__ import annotations

import re
from typing import Any

from orchestrator import ports
from orchestrator.model import AtmPvc, Interface, Ppp
from orchestrator.syntax.rules import Ctx, Rule, const_field, dispatch_children, int_field, rule
from orchestrator.syntax.text import Line

_SECRET_KINDS = {"0": "plain", "7": "cisco7"}
_PPP_PROTOCOLS = ("chap", "pap", "ms-chap", "ms-chap-v2", "eap")


def _ppp(ifc: Interface) -> Ppp:
    if ifc.ppp is None:
        ifc.ppp = Ppp()
    return ifc.ppp


def w_encapsulation(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.encapsulation = m.group(1)
    ifc.at(line.n, "encapsulation")


def w_ppp_auth(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ppp = _ppp(ifc)
    protocols: list[str] = []
    for word in m.group(1).split():
        if word in _PPP_PROTOCOLS and word not in protocols:
            protocols.append(word)
        elif word == "callin":
            ppp.auth_callin = True
        elif word == "optional":
            ppp.auth_optional = True
        else:
            ctx.report.unsupported(line, f"PPP authentication option {word!r} not translated")
            return
    ppp.authentication = protocols
    ppp.at(line.n, "authentication", "auth_callin", "auth_optional")
    ifc.at(line.n, "ppp")


def w_chap_hostname(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ppp = _ppp(ifc)
    ppp.chap_hostname = m.group(1)
    ppp.at(line.n, "chap_hostname")
    ifc.at(line.n, "ppp")


def w_chap_password(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ppp = _ppp(ifc)
    kind = _SECRET_KINDS[m.group(1) or "0"]
    ppp.chap_password = ctx.secret(line, kind, m.group(2))  # type: ignore[arg-type]
    ppp.at(line.n, "chap_password")
    ifc.at(line.n, "ppp")


def w_pap_sent(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ppp = _ppp(ifc)
    ppp.pap_username = m.group(1)
    kind = _SECRET_KINDS[m.group(2) or "0"]
    ppp.pap_password = ctx.secret(line, kind, m.group(3))  # type: ignore[arg-type]
    ppp.at(line.n, "pap_username", "pap_password")
    ifc.at(line.n, "ppp")


def w_pvc(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    pvc = AtmPvc(vpi=int(m.group(1)), vci=int(m.group(2)))
    pvc.at(line.n)
    ifc.atm_pvc = pvc
    ifc.at(line.n, "atm_pvc")
    dispatch_children(ctx, line, PVC_RULES, pvc)


def v_vbr(ctx: Ctx, line: Line, m: re.Match[str], pvc: AtmPvc) -> None:
    pvc.vbr_nrt = tuple(int(w) for w in m.group(1).split())
    pvc.at(line.n, "vbr_nrt")


def v_text(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], pvc: AtmPvc) -> None:
        setattr(pvc, field, m.group(1))
        pvc.at(line.n, field)

    return handler


PVC_RULES: list[Rule] = [
    rule(r"vbr-nrt (\d+ \d+(?: \d+)?)", v_vbr),
    rule(r"ubr (\d+)", int_field("ubr")),
    rule(r"encapsulation (aal5\S*(?: \S+)*)", v_text("encapsulation")),
    rule(r"protocol (ppp dialer)", v_text("protocol")),
    rule(r"dialer pool-member (\d+)", int_field("dialer_pool_member")),
]


def w_carrier_delay(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    value = int(m.group(2))
    ifc.carrier_delay_ms = value if m.group(1) else value * 1000
    ifc.at(line.n, "carrier_delay_ms")


def w_accounting(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ip_accounting.append(m.group(1))
    ifc.at_item(line.n, "ip_accounting", m.group(1))


def w_bridge_group(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.bridge_group = int(m.group(1))
    ifc.at(line.n, "bridge_group")


def w_bridge_option(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    if ifc.bridge_group != int(m.group(2)):
        ctx.report.unsupported(line, "option of a bridge group the port is not in")
        return
    ifc.bridge_group_options[m.group(3)] = m.group(1) is None
    ifc.at(line.n, "bridge_group_options")


def w_stp_vlan_cost(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.stp_vlan_cost[int(m.group(1))] = int(m.group(2))
    ifc.at_item(line.n, "stp_vlan_cost", int(m.group(1)))


def w_port_monitor(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    source = ports.canonical_name(ctx.platform, m.group(1))
    ifc.monitor_sources.append(source)
    ifc.at_item(line.n, "monitor_sources", source)


WAN_INTERFACE_RULES: list[Rule] = [
    rule(r"ip address negotiated", const_field("ipv4_negotiated")),
    rule(r"encapsulation (ppp|hdlc)", w_encapsulation),
    rule(r"ppp authentication (.+)", w_ppp_auth),
    rule(r"ppp chap hostname (\S+)", w_chap_hostname),
    rule(r"ppp chap password (?:([07]) )?(\S+)", w_chap_password),
    rule(r"ppp pap sent-username (\S+) password (?:([07]) )?(\S+)", w_pap_sent),
    rule(r"dialer pool (\d+)", int_field("dialer_pool")),
    rule(r"dialer-group (\d+)", int_field("dialer_group")),
    rule(r"dialer idle-timeout (\d+)", int_field("dialer_idle_timeout")),
    rule(r"pvc (?:\S+ )?(\d+)/(\d+)", w_pvc),
    rule(r"carrier-delay (msec )?(\d+)", w_carrier_delay),
    rule(r"ip accounting (access-violations|output-packets)", w_accounting),
    rule(r"ntp broadcast client", const_field("ntp_broadcast_client")),
    rule(r"bridge-group (\d+)", w_bridge_group),
    rule(
        r"(no )?bridge-group (\d+) (source-learning|unicast-flooding|spanning-disabled|"
        r"subscriber-loop-control|block-unknown-source)",
        w_bridge_option,
    ),
    rule(r"spanning-tree vlan (\d+) cost (\d+)", w_stp_vlan_cost),
    rule(r"port monitor (\S+)", w_port_monitor),
    rule(r"ip tcp adjust-mss (\d+)", int_field("tcp_mss")),
    rule(r"ip mtu (\d+)", int_field("ip_mtu")),
    rule(
        r"ip virtual-reassembly(?: .*)?",
        ignore="virtual fragment reassembly that IOS needs "
        "before NAT or inspection; the targets reassemble for their NAT and firewall on "
        "their own",
    ),
    rule(
        r"max-reserved-bandwidth 100",
        ignore="lets CBWFQ reserve the whole interface "
        "instead of IOS's 75% cap; the targets have no such cap",
    ),
    rule(r"no atm ilmi-keepalive", ignore="ATM ILMI keepalives are off by default"),
    rule(
        r"bundle-enable",
        ignore="IOS ATM VC-bundle management, shown by default on DSL "
        "ports; no VC bundle is configured",
    ),
    rule(r"dsl operating-mode auto", ignore="automatic DSL line-mode selection is the default"),
    rule(
        r"no cdp log mismatch duplex",
        ignore="CDP duplex-mismatch log messages; LLDP on the targets sends no such message",
    ),
    rule(
        r"(?:encryption mode|broadcast-key|ssid|speed \d+\.\d+|rts|power local|channel|"
        r"station-role|dot1x reauth-period)(?: .*)?",
        unsupported="802.11 radio settings: the target platforms have no radios",
        tree=True,
    ),
]

__all__ = ["WAN_INTERFACE_RULES"]

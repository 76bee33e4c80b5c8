"""ZXROS per-interface extras: a configured MAC, ICMP error messages, proxy ARP and per-port LLDP.

Sources: [ARP] the ZXROS NG ARP command reference: the `arp` view holds `interface X` views
whose `proxy` statement turns proxy ARP on ("默认不进行ARP代理": off unless configured); MAC
addresses are written dotted (`000a.010c.e2c6`). [LLDP] the ZXROS NG LLDP reference: the `lldp`
view holds `lldp enable|disable` for the box and `interface X` views with their own `lldp
enable|disable` (both on by default). Uncertain spellings (IOS-like, see the module docstring
of `zte_zxros`): `mac-address H.H.H`, `[no] ip redirects`, `[no] ip unreachables`, `[no] ipv6
redirects`, `[no] ipv6 unreachables` in the interface view.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import DeviceConfig, Interface
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule, set_field
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import Writer, get_interface

_MAC = re.compile(r"([0-9a-f]{4})[.:-]?([0-9a-f]{4})[.:-]?([0-9a-f]{4})")


def i_mac(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    digits = re.sub(r"[.:-]", "", m.group(1).lower())
    mac = _MAC.fullmatch(digits)
    if mac is None:
        raise ValueError(f"MAC address {m.group(1)!r}")
    set_field(ifc, line, "mac_address", ".".join(mac.groups()))


def i_icmp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    field = ("ipv6_" if m.group(2) == "ipv6" else "") + m.group(3)
    set_field(ifc, line, field, m.group(1) is None)


#: statements of the `interface X` view this module reads
IFEXTRA_RULES: list[Rule] = [
    rule(r"mac-address (\S+)", i_mac),
    rule(r"(no )?(ip|ipv6) (redirects|unreachables)", i_icmp),
]

_ICMP_FIELDS = (
    ("redirects", "ip redirects"),
    ("unreachables", "ip unreachables"),
    ("ipv6_redirects", "ipv6 redirects"),
    ("ipv6_unreachables", "ipv6 unreachables"),
)


def render_if_extras(w: Writer, ifc: Interface) -> None:
    """The extras written inside the `interface X` view."""
    if ifc.mac_address is not None:
        w.line(f"mac-address {ifc.mac_address}", ifc, "mac_address")
    for field, words in _ICMP_FIELDS:
        value = getattr(ifc, field)
        if value is not None:
            w.line(words if value else f"no {words}", ifc, field)


# --- the arp view: proxy ARP ----------------------------------------------------------------------


def p_arp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        if not dispatch(ctx, child, ARP_RULES):
            ctx.report.unsupported(child, "ARP setting not translated")


def a_interface(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ifc = get_interface(ctx, m.group(1))
    for child in line.children:
        if child.text == "proxy":
            ctx.report.parsed(child)
            set_field(ifc, child, "proxy_arp", True)
        else:
            ctx.report.unsupported(child, "ARP interface setting not translated")


ARP_RULES: list[Rule] = [rule(r"interface (\S+)", a_interface)]


def render_arp(w: Writer, config: DeviceConfig) -> None:
    out = w.out
    proxies = [i for i in config.interfaces.values() if i.proxy_arp]
    for ifc in config.interfaces.values():
        if ifc.proxy_arp is False:
            out.ignore(
                ifc, "proxy_arp", rule="ZXROS answers no proxy ARP unless `proxy` is configured"
            )
    if not proxies:
        return
    with w.section("arp"), w.view("arp"):
        for ifc in proxies:
            with w.view(f"interface {ifc.name}"):
                w.line("proxy", ifc, "proxy_arp")


# --- the lldp view -------------------------------------------------------------------------------


def p_lldp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        state = re.fullmatch(r"lldp (enable|disable)", child.text)
        port = re.fullmatch(r"interface (\S+)", child.text)
        if state:
            ctx.report.parsed(child)
            set_field(ctx.config.system, child, "lldp", state.group(1) == "enable")
        elif port:
            ctx.report.parsed(child)
            ifc = get_interface(ctx, port.group(1))
            for grand in child.children:
                pm = re.fullmatch(r"lldp (enable|disable)", grand.text)
                if pm:
                    ctx.report.parsed(grand)
                    set_field(ifc, grand, "lldp", pm.group(1) == "enable")
                else:
                    ctx.report.unsupported(grand, "LLDP port setting not translated")
        else:
            ctx.report.unsupported(child, "LLDP setting not translated")


def render_lldp(w: Writer, config: DeviceConfig) -> None:
    system = config.system
    ports = [i for i in config.interfaces.values() if i.lldp is not None]
    if system.lldp is None and not ports:
        return
    with w.section("lldp"), w.view("lldp"):
        if system.lldp is not None:
            w.line("lldp enable" if system.lldp else "lldp disable", system, "lldp")
        for ifc in ports:
            with w.view(f"interface {ifc.name}"):
                w.line("lldp enable" if ifc.lldp else "lldp disable", ifc, "lldp")


EXTRA_TOP: list[Rule] = [rule(r"arp", p_arp), rule(r"lldp", p_lldp)]


def account_extras(out: Emitter, ifc: Interface) -> None:
    """Interface settings ZXROS has no statement for in this renderer: reported, never dropped."""
    for name, reason in NOT_TRANSLATED.items():
        value = getattr(ifc, name)
        if value in (None, {}, []):
            continue
        if name == "lacp_rate" and ifc.lag_group is not None:
            continue
        out.unsupported(ifc, name, reason=reason)
    if ifc.load_interval is not None:
        out.unsupported(
            ifc, "load_interval", reason="interface statistics interval: no ZXROS spelling known"
        )


NOT_TRANSLATED: dict[str, str] = {
    "nat": "interface NAT roles: ZXROS NAT (CGN) is configured differently; not translated",
    "stp_edge": "per-port spanning-tree settings: no ZXROS NG spelling known, not translated",
    "stp_bpdu_guard": "per-port spanning-tree settings: no ZXROS NG spelling known",
    "stp_cost": "per-port spanning-tree settings: no ZXROS NG spelling known",
    "stp_port_priority": "per-port spanning-tree settings: no ZXROS NG spelling known",
    "cdp": "CDP does not exist on ZXROS",
    "bfd_interval": "interface BFD timers are not translated to ZXROS",
    "bandwidth": "interface bandwidth (IGP cost input) is not translated to ZXROS",
    "delay": "interface delay is an EIGRP metric; ZXROS has no EIGRP",
    "keepalive": "interface keepalives are not translated to ZXROS",
    "storm_control": "storm control is not translated to ZXROS",
    "lacp_rate": "LACP rate on a smartgroup: ZXROS sets `lacp timeout` on members only",
}

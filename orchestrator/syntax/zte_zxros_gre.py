"""ZXROS GRE tunnels: `gre-config` + `interface gre_tunnelN` ([GRE] in `zte_zxros`).

The tunnel interface itself (`interface gre_tunnel1` with its address) is an ordinary
interface view; what makes it a tunnel lives in the GRE view: `tunnel mode ip|ipv6` first
(the reference: changing the mode clears the rest), then `tunnel source ipv4 A` or `tunnel
source interface X`, `tunnel destination ipv4|ipv6 A`.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import DeviceConfig, Interface
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule, set_field, str_field
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import Writer, get_interface, ifname
from orchestrator.syntax.zte_zxros_prepare_ipsec import is_address

#: model tunnel modes (IOS spelling) → ZXROS `tunnel mode`
MODES = {"gre ip": "ip", "gre ipv6": "ipv6"}


def is_gre_tunnel(ifc: Interface) -> bool:
    return ifc.name.startswith("gre_tunnel") and ifc.kind == "tunnel"


def render_gre(out: Emitter, config: DeviceConfig) -> None:
    w = Writer(out)
    tunnels = [
        i
        for i in config.interfaces.values()
        if is_gre_tunnel(i) and (i.tunnel_mode or i.tunnel_source or i.tunnel_destination)
    ]
    if not tunnels:
        return
    with w.section("gre-tunnel"), w.view("gre-config"):
        for ifc in tunnels:
            _tunnel(w, ifc)


def _tunnel(w: Writer, ifc: Interface) -> None:
    out = w.out
    mode = MODES.get(ifc.tunnel_mode or "")
    if mode is None:
        out.unsupported(
            ifc,
            "tunnel_mode",
            "tunnel_source",
            "tunnel_destination",
            "tunnel_protection",
            reason=f"tunnel mode {ifc.tunnel_mode!r}: ZXROS GRE tunnels carry GRE over IPv4 "
            "or IPv6 only",
        )
        return
    family = "ipv4" if mode == "ip" else "ipv6"
    with w.view(f"interface {ifc.name}", ifc, "tunnel_mode"):
        w.line(f"tunnel mode {mode}", ifc, "tunnel_mode")
        if ifc.tunnel_source is not None:
            if is_address(ifc.tunnel_source):
                w.line(f"tunnel source {family} {ifc.tunnel_source}", ifc, "tunnel_source")
            else:
                w.line(f"tunnel source interface {ifc.tunnel_source}", ifc, "tunnel_source")
        if ifc.tunnel_destination is not None:
            w.line(
                f"tunnel destination {family} {ifc.tunnel_destination}", ifc, "tunnel_destination"
            )
    if ifc.tunnel_protection is not None:
        out.unsupported(
            ifc,
            "tunnel_protection",
            reason="IPsec protection of a GRE tunnel: ZXROS binds it through `crypto "
            "ipsec-transport` (`bound-to`, `tunnel protect`); not translated",
        )


def p_gre_config(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        im = re.fullmatch(r"interface (gre_tunnel\d+)", child.text)
        if im is None:
            continue
        ctx.report.parsed(child)
        ifc = get_interface(ctx, im.group(1))
        ifc.at(child.n)
        for grand in child.children:
            dispatch(ctx, grand, GRE_RULES, ifc)


def g_mode(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    set_field(ifc, line, "tunnel_mode", {v: k for k, v in MODES.items()}[m.group(1)])


def g_source(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    value = ifname(m.group(2)) if m.group(1) == "interface" else m.group(2)
    set_field(ifc, line, "tunnel_source", value)


GRE_RULES: list[Rule] = [
    rule(r"tunnel mode (ip|ipv6)", g_mode),
    rule(r"tunnel source (ipv4|ipv6|interface) (\S+)", g_source),
    rule(
        r"tunnel destination (?:ipv4|ipv6) (\S+)",
        str_field("tunnel_destination"),
    ),
]

GRE_TOP: list[Rule] = [rule(r"gre-config", p_gre_config)]

__all__ = ["GRE_TOP", "render_gre"]

"""Cisco IOS IPv6 interface statements (router advertisements, DHCPv6, OSPFv3) and the
`ipv6 router ospf` process."""

from __future__ import annotations

import re
from ipaddress import IPv6Interface, IPv6Network, ip_network
from typing import Any

from orchestrator.model import Address6, Interface, InterfaceOspf, Ipv6Nd, NdPrefix, Ospf
from orchestrator.syntax.cisco_routing import OSPF_RULES
from orchestrator.syntax.rules import Ctx, Rule, area_dotted, dispatch, rule
from orchestrator.syntax.text import Line

#: RFC 4861 "infinity" lifetime, as `ipv6 nd prefix ... infinite` means it.
INFINITE = 4294967295


def _nd(ifc: Interface, line: Line) -> Ipv6Nd:
    if ifc.ipv6_nd is None:
        ifc.ipv6_nd = Ipv6Nd()
    ifc.at(line.n, "ipv6_nd")
    return ifc.ipv6_nd


def n_flag(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
        nd = _nd(ifc, line)
        setattr(nd, field, True)
        nd.at(line.n, field)

    return handler


def n_int(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
        nd = _nd(ifc, line)
        setattr(nd, field, int(m.group(1)))
        nd.at(line.n, field)

    return handler


def n_suppress(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    nd = _nd(ifc, line)
    nd.ra_suppress = "all" if m.group(1) else "periodic"
    nd.at(line.n, "ra_suppress")


def _lifetime(word: str) -> int:
    return INFINITE if word == "infinite" else int(word)


def n_prefix(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    entry = NdPrefix()
    if m.group(1) != "default":
        prefix = ip_network(m.group(1), strict=False)
        assert isinstance(prefix, IPv6Network)
        entry.prefix = prefix
    words = (m.group(2) or "").split()
    if len(words) >= 2 and all(re.fullmatch(r"\d+|infinite", w) for w in words[:2]):
        entry.valid, entry.preferred = _lifetime(words[0]), _lifetime(words[1])
        words = words[2:]
    for word in words:
        if word == "no-advertise":
            entry.advertise = False
        elif word == "no-autoconfig":
            entry.autoconfig = False
        elif word in ("off-link", "no-onlink"):
            entry.onlink = False
        else:
            ctx.report.unsupported(
                line, f"router advertisement prefix option {word!r} not translated"
            )
            return
    entry.at(line.n)
    nd = _nd(ifc, line)
    nd.prefixes.append(entry)
    nd.at(line.n, "prefixes")


def x_link_local(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ipv6 address fe80::1 link-local`: link-local addresses live in fe80::/64."""
    entry = Address6(address=IPv6Interface(f"{m.group(1)}/64"), kind="link-local")
    entry.at(line.n)
    ifc.ipv6.append(entry)
    ifc.at(line.n, "ipv6")


def x_int(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
        setattr(ifc, field, int(m.group(1)))
        ifc.at(line.n, field)

    return handler


def x_flag(field: str) -> Any:
    """`[no] <statement>`: group 1 captures the optional `no `."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
        setattr(ifc, field, m.group(1) is None)
        ifc.at(line.n, field)

    return handler


def x_autoconfig(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv6_autoconfig = True
    ifc.at(line.n, "ipv6_autoconfig")


def x_dhcp_server(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv6_dhcp_server = m.group(1)
    ifc.at(line.n, "ipv6_dhcp_server")


# --- OSPFv3 on interfaces ---------------------------------------------------------------------


def _v3(ifc: Interface, line: Line) -> InterfaceOspf:
    if ifc.ospfv3 is None:
        ifc.ospfv3 = InterfaceOspf()
    ifc.at(line.n, "ospfv3")
    return ifc.ospfv3


def o3_area(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _v3(ifc, line)
    ospf.process, ospf.area = m.group(1), area_dotted(m.group(2))
    ospf.at(line.n, "process", "area")


def o3_int(field: str) -> Any:
    """`ospfv3 [process] <field> N` / `ipv6 ospf <field> N`."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
        ospf = _v3(ifc, line)
        if m.group(1) and ospf.process not in (None, m.group(1)):
            ctx.report.unsupported(
                line, f"OSPFv3 process {m.group(1)} differs from the interface's process"
            )
            return
        setattr(ospf, field, int(m.group(2)))
        ospf.at(line.n, field)

    return handler


def o3_network(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ospf = _v3(ifc, line)
    ospf.network_type = {"point-to-multipoint": "p2mp", "non-broadcast": "nbma"}.get(
        m.group(1), m.group(1)
    )  # type: ignore[assignment]
    ospf.at(line.n, "network_type")


def o3_flag(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
        ospf = _v3(ifc, line)
        setattr(ospf, field, True)
        ospf.at(line.n, field)

    return handler


def o3_ipsec(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ospfv3 encryption ipsec spi N esp null AUTH [0|7] KEY` and `... authentication ...`."""
    if m.group(4) not in (None, "0"):
        ctx.report.unsupported(line, "encrypted OSPFv3 IPsec keys are not translated")
        return
    ospf = _v3(ifc, line)
    ospf.ipsec_spi = int(m.group(2))
    ospf.ipsec_encryption = "null" if m.group(1) == "encryption" else None
    ospf.ipsec_auth = m.group(3)
    ospf.ipsec_key = ctx.secret(line, "plain", m.group(5))
    ospf.at(line.n, "ipsec_spi", "ipsec_encryption", "ipsec_auth", "ipsec_key")


IPV6_INTERFACE_RULES: list[Rule] = [
    rule(r"ipv6 address ([0-9A-Fa-f:]+) link-local", x_link_local),
    rule(r"ipv6 address autoconfig(?: default)?", x_autoconfig),
    rule(r"ipv6 dhcp server (\S+)", x_dhcp_server),
    rule(r"(no )?ipv6 redirects", x_flag("ipv6_redirects")),
    rule(r"(no )?ipv6 unreachables", x_flag("ipv6_unreachables")),
    rule(r"ipv6 mtu (\d+)", x_int("ipv6_mtu")),
    rule(r"ipv6 tcp adjust-mss (\d+)", x_int("ipv6_tcp_mss")),
    rule(r"ipv6 nd managed-config-flag", n_flag("managed_config")),
    rule(r"ipv6 nd other-config-flag", n_flag("other_config")),
    rule(r"ipv6 nd ra[ -]lifetime (\d+)", n_int("ra_lifetime")),
    rule(r"ipv6 nd ra[ -]interval (\d+)", n_int("ra_interval")),
    rule(r"ipv6 nd (?:ra suppress|suppress-ra)( all)?", n_suppress),
    rule(r"ipv6 nd prefix (default|\S+/\d+)(?: (.+))?", n_prefix),
    rule(r"ipv6 ospf (\d+) area (\S+)", o3_area),
    rule(
        r"(?:ipv6 ospf|ospfv3(?: \d+)?) network (point-to-point|broadcast|non-broadcast|"
        r"point-to-multipoint)",
        o3_network,
    ),
    rule(r"(?:ipv6 ospf|ospfv3(?: (\d+))?) cost (\d+)", o3_int("cost")),
    rule(r"(?:ipv6 ospf|ospfv3(?: (\d+))?) priority (\d+)", o3_int("priority")),
    rule(r"(?:ipv6 ospf|ospfv3(?: (\d+))?) hello-interval (\d+)", o3_int("hello")),
    rule(r"(?:ipv6 ospf|ospfv3(?: (\d+))?) dead-interval (\d+)", o3_int("dead")),
    rule(r"(?:ipv6 ospf|ospfv3) demand-circuit", o3_flag("demand_circuit")),
    rule(r"(?:ipv6 ospf|ospfv3) flood-reduction", o3_flag("flood_reduction")),
    rule(
        r"(?:ipv6 ospf|ospfv3) (encryption|authentication) ipsec spi (\d+)"
        r"(?: esp null)? (md5|sha1) (?:(\d) )?(\S+)",
        o3_ipsec,
    ),
]

# --- the OSPFv3 process -----------------------------------------------------------------------


def p_ipv6_router_ospf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    process = ctx.config.ospfv3.get(m.group(1)) or Ospf(process=m.group(1))
    ctx.config.ospfv3[process.process] = process
    process.at(line.n)
    for child in line.children:
        dispatch(ctx, child, OSPF_RULES, process)


IPV6_TOP: list[Rule] = [
    rule(r"ipv6 router ospf (\d+)", p_ipv6_router_ospf),
]

__all__ = ["INFINITE", "IPV6_INTERFACE_RULES", "IPV6_TOP"]

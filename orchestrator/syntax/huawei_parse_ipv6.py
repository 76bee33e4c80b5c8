"""VRP IPv6 host-facing services: router advertisement settings of an interface and DHCPv6
server pools.

Router advertisements are off on VRP until an interface says otherwise (`undo ipv6 nd ra halt`,
CloudEngine `ipv6 nd ra halt disable`); an interface with RA settings and no such line reads as
suppressing them (`Ipv6Nd.ra_suppress = "all"`), which is what the box does.
"""

from __future__ import annotations

import re
from ipaddress import IPv6Network
from typing import Any

from orchestrator.model import Dhcp6Pool, Interface, Ipv6Nd, NdPrefix
from orchestrator.syntax.rules import Ctx
from orchestrator.syntax.text import Line


def _nd(ctx: Ctx, ifc: Interface, line: Line) -> Ipv6Nd:
    if ifc.ipv6_nd is None:
        ifc.ipv6_nd = Ipv6Nd(ra_suppress="all")
        ifc.ipv6_nd.at(line.n)
        ifc.at(line.n, "ipv6_nd")
    return ifc.ipv6_nd


def i_nd(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`ipv6 nd autoconfig ...`, `ipv6 nd ra ...` and the RA switch."""
    words = line.words[2:]
    if line.words[0] == "undo":
        words = ["undo", *line.words[3:]]
    nd = _nd(ctx, ifc, line)
    if words in (["undo", "ra", "halt"], ["ra", "halt", "disable"]):
        nd.ra_suppress = None
        nd.at(line.n)
    elif words == ["ra", "halt"]:
        nd.ra_suppress = "all"
        nd.at(line.n, "ra_suppress")
    elif words == ["autoconfig", "managed-address-flag"]:
        nd.managed_config = True
        nd.at(line.n, "managed_config")
    elif words == ["autoconfig", "other-flag"]:
        nd.other_config = True
        nd.at(line.n, "other_config")
    elif words[:2] == ["ra", "router-lifetime"] and len(words) == 3:
        nd.ra_lifetime = int(words[2])
        nd.at(line.n, "ra_lifetime")
    elif words[:2] == ["ra", "max-interval"] and len(words) == 3:
        nd.ra_interval = int(words[2])
        nd.at(line.n, "ra_interval")
    elif words == ["ra", "prefix", "default", "no-advertise"]:
        prefix = NdPrefix(advertise=False)
        prefix.at(line.n)
        nd.prefixes.append(prefix)
        nd.at(line.n, "prefixes")
    elif words[:2] == ["ra", "prefix"] and len(words) >= 5:
        _prefix(ctx, line, nd, words[2:])
    else:
        ctx.report.unsupported(line, "IPv6 neighbour discovery setting not translated")


def _prefix(ctx: Ctx, line: Line, nd: Ipv6Nd, words: list[str]) -> None:
    if "/" not in words[0]:  # `X:: 64` spelled apart
        words = [f"{words[0]}/{words[1]}", *words[2:]]
    flags = words[3:]
    if any(f not in ("no-autoconfig", "off-link") for f in flags):
        ctx.report.unsupported(line, "RA prefix option not translated")
        return
    prefix = NdPrefix(
        prefix=IPv6Network(words[0], strict=False),
        valid=int(words[1]),
        preferred=int(words[2]),
        autoconfig="no-autoconfig" not in flags,
        onlink="off-link" not in flags,
    )
    prefix.at(line.n)
    nd.prefixes.append(prefix)
    nd.at(line.n, "prefixes")


def i_dhcp6_server(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.ipv6_dhcp_server = m.group(1)
    ifc.at(line.n, "ipv6_dhcp_server")


def p_dhcp6_pool(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pool = Dhcp6Pool(name=m.group(1))
    pool.at(line.n)
    services = ctx.config.services
    services.dhcp6_pools[pool.name] = pool
    services.at(line.n, "dhcp6_pools")
    for child in line.children:
        words = child.words
        if words[:2] == ["address", "prefix"] and len(words) in (3, 6):
            valid = preferred = None
            if len(words) == 6 and words[3] == "life-time":
                valid, preferred = int(words[4]), int(words[5])
            elif len(words) == 6:
                ctx.report.unsupported(child, "address prefix option not translated")
                continue
            prefix = IPv6Network(words[2], strict=False)
            pool.address_prefixes.append((prefix, valid, preferred))
            pool.at(child.n, "address_prefixes")
        elif words[0] == "dns-server" and len(words) == 2:
            pool.dns_servers.append(words[1].lower())
            pool.at(child.n, "dns_servers")
        elif words[0] == "dns-domain-name" and len(words) == 2:
            pool.domain_name = words[1]
            pool.at(child.n, "domain_name")
        else:
            ctx.report.unsupported(child, "DHCPv6 pool option not translated")
            continue
        ctx.report.parsed(child)


__all__ = ["i_dhcp6_server", "i_nd", "p_dhcp6_pool"]

"""VRP IPv6 host-facing services: router advertisements (`ipv6 nd ...`) and DHCPv6 pools.

VRP sends no router advertisements until told (`undo ipv6 nd ra halt` on VRP5 and NE40E,
`ipv6 nd ra halt disable` on CloudEngine), so an interface whose RA settings the source keeps
active gets that line; `huawei_prepare` makes prefix lifetimes explicit. DHCPv6 server pools
exist on VRP5 (S switches, AR routers) only.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, Interface, Ipv6Nd, NdPrefix
from orchestrator.syntax.huawei_render_base import Writer

#: RFC 4861 default lifetimes of an advertised prefix (IOS and VRP alike), seconds
VALID_LIFETIME = 2592000
PREFERRED_LIFETIME = 604800


def render_nd(ifc: Interface, w: Writer) -> None:
    nd = ifc.ipv6_nd
    if nd is None:
        return
    cloudengine = w.platform.vpn_ipv4_family
    if nd.managed_config:
        w.line("ipv6 nd autoconfig managed-address-flag", nd, "managed_config")
    if nd.other_config:
        w.line("ipv6 nd autoconfig other-flag", nd, "other_config")
    if nd.ra_lifetime is not None:
        w.line(f"ipv6 nd ra router-lifetime {nd.ra_lifetime}", nd, "ra_lifetime")
    if nd.ra_interval is not None:
        w.line(f"ipv6 nd ra max-interval {nd.ra_interval}", nd, "ra_interval")
    for prefix in nd.prefixes:
        _prefix(prefix, w)
    if nd.ra_suppress is None:
        w.line("ipv6 nd ra halt disable" if cloudengine else "undo ipv6 nd ra halt", nd, "")
    elif nd.ra_suppress == "all":
        if cloudengine:
            w.default(
                nd, "ra_suppress", rule="CloudEngine sends no router advertisements by default"
            )
        else:
            w.line("ipv6 nd ra halt", nd, "ra_suppress")
    else:
        w.unsupported(
            nd,
            "ra_suppress",
            reason="VRP either advertises (periodically and on request) or not at all",
        )


def _prefix(prefix: NdPrefix, w: Writer) -> None:
    if prefix.prefix is None:
        if not prefix.advertise:
            w.line("ipv6 nd ra prefix default no-advertise", prefix, "", "advertise")
        else:
            w.unsupported(prefix, reason="VRP sets default prefix options for no-advertise only")
        return
    if not prefix.advertise:
        w.unsupported(prefix, reason="VRP stops advertising on-link prefixes all together only")
        return
    if prefix.valid is None or prefix.preferred is None:
        w.unsupported(prefix, reason="a VRP RA prefix states its lifetimes")
        return
    words = [f"ipv6 nd ra prefix {str(prefix.prefix).upper()} {prefix.valid} {prefix.preferred}"]
    if not prefix.autoconfig:
        words.append("no-autoconfig")
    if not prefix.onlink:
        words.append("off-link")
    w.line(" ".join(words), prefix, "", "prefix", "valid", "preferred", "autoconfig", "onlink")


def shape_nd(nd: Ipv6Nd) -> None:
    """Prefix lifetimes written out (VRP's syntax needs them; the defaults are the same)."""
    for prefix in nd.prefixes:
        if prefix.prefix is not None and prefix.advertise:
            if prefix.valid is None:
                prefix.valid = VALID_LIFETIME
            if prefix.preferred is None:
                prefix.preferred = PREFERRED_LIFETIME


def render_dhcp6_pools(config: DeviceConfig, w: Writer) -> None:
    pools = config.services.dhcp6_pools
    if not pools:
        return
    if w.platform.vpn_ipv4_family:
        for pool in pools.values():
            w.unsupported(pool, reason="CloudEngine switches have no DHCPv6 server pools")
        return
    for pool in pools.values():
        with w.view(f"dhcpv6 pool {pool.name}", pool, "", "name"):
            for prefix, valid, preferred in pool.address_prefixes:
                life = f" life-time {valid} {preferred}" if valid and preferred else ""
                w.line(f"address prefix {str(prefix).upper()}{life}", pool, "address_prefixes")
            for server in pool.dns_servers:
                w.line(f"dns-server {server.upper()}", pool, "dns_servers")
            if pool.domain_name is not None:
                w.line(f"dns-domain-name {pool.domain_name}", pool, "domain_name")
        w.sep()


def render_dhcp6_server(config: DeviceConfig, ifc: Interface, w: Writer) -> None:
    name = ifc.ipv6_dhcp_server
    if name is None:
        return
    if w.platform.vpn_ipv4_family:
        w.unsupported(ifc, "ipv6_dhcp_server", reason="CloudEngine switches serve no DHCPv6")
    elif name not in config.services.dhcp6_pools:
        w.unsupported(ifc, "ipv6_dhcp_server", reason=f"no DHCPv6 pool {name} is defined")
    else:
        w.line(f"dhcpv6 server {name}", ifc, "ipv6_dhcp_server")


__all__ = ["render_dhcp6_pools", "render_dhcp6_server", "render_nd", "shape_nd"]

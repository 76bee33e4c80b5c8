"""VRP services: DHCP pools and the DHCP switch, NAT address groups (NAT rules go on
interfaces); QoS is `huawei_render_qos`."""

from __future__ import annotations

from ipaddress import IPv4Network

from orchestrator.model import DeviceConfig, item_key
from orchestrator.syntax.huawei_render_base import Writer


def render_services(config: DeviceConfig, w: Writer) -> None:
    """DHCP (global switch, pools) and NAT address groups; NAT rules live on interfaces."""
    services = config.services
    if services.dhcp_enabled:
        w.line("dhcp enable", services, "dhcp_enabled")
        w.sep()
    elif services.dhcp_enabled is False:
        w.ignore(services, "dhcp_enabled", rule="DHCP is off on VRP unless enabled")
    placed: set[int] = set()
    for pool in services.dhcp_pools.values():
        with w.view(f"ip pool {pool.name}", pool, "", "name"):
            if pool.default_routers:
                w.line(f"gateway-list {' '.join(pool.default_routers)}", pool, "default_routers")
            if pool.network is not None:
                w.line(
                    f"network {pool.network.network_address} mask {pool.network.netmask}",
                    pool,
                    "network",
                )
                for i, (first, last) in enumerate(services.dhcp_excluded):
                    if _inside(first, pool.network) and _inside(last, pool.network):
                        w.line(
                            f"excluded-ip-address {first} {last}",
                            services,
                            item_key("dhcp_excluded", (first, last)),
                        )
                        placed.add(i)
            if pool.dns_servers:
                w.line(f"dns-list {' '.join(pool.dns_servers)}", pool, "dns_servers")
            if pool.domain_name:
                w.line(f"domain-name {pool.domain_name}", pool, "domain_name")
            if pool.lease is not None:
                days, hours, minutes = pool.lease
                w.line(f"lease day {days} hour {hours} minute {minutes}", pool, "lease")
        w.sep()
    if len(placed) != len(services.dhcp_excluded):
        w.unsupported(
            services,
            "dhcp_excluded",
            reason="VRP excludes addresses inside a pool; some excluded ranges lie in no pool",
        )
    if not w.platform.nat:
        return
    for nat_pool in services.nat_pools.values():
        w.line(
            f"nat address-group {nat_pool.name} {nat_pool.start} {nat_pool.end}",
            nat_pool,
            "",
            "name",
            "start",
            "end",
        )
        if nat_pool.prefix_length is not None:
            w.ignore(nat_pool, "prefix_length", rule="a VRP address group is a range of addresses")
    _nat_aging(config, w)


def _nat_aging(config: DeviceConfig, w: Writer) -> None:
    """`firewall-nat session tcp aging-time 7200` per timeout `huawei_prepare` kept."""
    services = config.services
    for key, seconds in services.nat_timeouts.items():
        word = key.removesuffix("-timeout")
        w.line(
            f"firewall-nat session {word} aging-time {seconds}",
            services,
            item_key("nat_timeouts", key),
        )
    if services.nat_timeouts:
        w.mark(services, "nat_timeouts")


def _inside(address: str, net: IPv4Network) -> bool:
    from ipaddress import IPv4Address

    try:
        return IPv4Address(address) in net
    except ValueError:
        return False

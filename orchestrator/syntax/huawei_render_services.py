"""VRP services: QoS classifiers/behaviors/policies (and the ones VRP8 filters with), DHCP
pools and the DHCP switch, NAT address groups (NAT rules go on interfaces)."""

from __future__ import annotations

from ipaddress import IPv4Network

from orchestrator.model import DeviceConfig
from orchestrator.syntax.huawei_render_base import Writer

#: model QoS match kinds → VRP `if-match` words
_CLASS_MATCHES = {
    "access-group": "acl",
    "dscp": "dscp",
    "ip-dscp": "dscp",
    "precedence": "ip-precedence",
    "ip-precedence": "ip-precedence",
    "cos": "8021p",
    "vlan": "vlan-id",
    "any": "any",
}


#: model QoS action kinds → VRP behavior lines
_ACTIONS = {
    "set-dscp": "remark dscp {}",
    "set-cos": "remark 8021p {}",
    "permit": "permit",
    "deny": "deny",
    "drop": "deny",
}


def render_qos(config: DeviceConfig, w: Writer, acl_policies: dict[str, str]) -> None:
    services = config.services
    word = w.platform.classifier_operator
    for cmap in services.class_maps.values():
        operator = "and" if cmap.match == "all" else "or"
        with w.view(f"traffic classifier {cmap.name} {word} {operator}", cmap, "", "name", "match"):
            for kind, value in cmap.matches:
                vrp = _CLASS_MATCHES.get(kind)
                if vrp is None:
                    w.unsupported(
                        cmap, "matches", reason=f"classifier match {kind} is not translated"
                    )
                    continue
                w.line(f"if-match {vrp} {value}".rstrip(), cmap, "matches")
        w.sep()
    for pmap in services.policy_maps.values():
        for entry in pmap.classes:
            if not entry.actions:
                continue
            with w.view(
                f"traffic behavior {_behavior(pmap.name, entry.class_name)}", entry, "actions"
            ):
                for kind, value in entry.actions:
                    template = _ACTIONS.get(kind)
                    if template is None:
                        w.unsupported(
                            entry, "actions", reason=f"QoS action {kind} is not translated"
                        )
                        continue
                    w.line(template.format(value), entry, "actions")
            w.sep()
    for pmap in services.policy_maps.values():
        with w.view(f"traffic policy {pmap.name}", pmap, "", "name"):
            for entry in pmap.classes:
                behavior = _behavior(pmap.name, entry.class_name) if entry.actions else None
                if behavior is None:
                    w.unsupported(entry, reason="a traffic policy class needs a behavior")
                    continue
                w.line(
                    f"classifier {entry.class_name} behavior {behavior}", entry, "", "class_name"
                )
        w.sep()
    for acl, policy in acl_policies.items():
        with w.view(f"traffic classifier {policy} {word} or"):
            w.line(f"if-match acl {acl}")
        w.sep()
        with w.view(f"traffic behavior {policy}"):
            w.line("permit")
        w.sep()
        with w.view(f"traffic policy {policy}"):
            w.line(f"classifier {policy} behavior {policy}")
        w.sep()


def _behavior(policy: str, class_name: str) -> str:
    return f"{policy}-{class_name}"[:31]


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
                        w.line(f"excluded-ip-address {first} {last}", services, "dhcp_excluded")
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


def _inside(address: str, net: IPv4Network) -> bool:
    from ipaddress import IPv4Address

    try:
        return IPv4Address(address) in net
    except ValueError:
        return False

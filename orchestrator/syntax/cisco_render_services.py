"""Cisco IOS renderer: NAT, DHCP (v4 and v6), IP SLA, WCCP, dialer lists and MQC QoS."""

from __future__ import annotations

from ipaddress import IPv4Address

from orchestrator.model import DeviceConfig, IpSla, NatRule, PolicyClass, Services, item_key
from orchestrator.syntax.cisco_qos import MATCH_WORDS
from orchestrator.syntax.cisco_render_common import Writer, net_mask

#: policy action kind → IOS command (value appended)
_ACTION_WORDS = {
    "priority": "priority",
    "bandwidth": "bandwidth",
    "shape-average": "shape average",
    "queue-limit": "queue-limit",
    "fair-queue": "fair-queue",
    "random-detect": "random-detect",
    "set-dscp": "set dscp",
    "set-precedence": "set precedence",
    "set-cos": "set cos",
    "service-policy": "service-policy",
}


def render_qos(w: Writer, config: DeviceConfig) -> None:
    services = config.services
    w.done(services, "class_maps", "policy_maps")
    for cmap in services.class_maps.values():
        with w.view(f"class-map match-{cmap.match} {cmap.name}", cmap, "name", "match"):
            for kind, value in cmap.matches:
                negate, base = ("not ", kind[4:]) if kind.startswith("not-") else ("", kind)
                words = MATCH_WORDS.get(base)
                if words is None:
                    w.unsupported(
                        cmap, "matches", reason=f"class-map match {kind!r} has no IOS form"
                    )
                    continue
                if base == "access-group" and not value.isdigit():
                    words = "access-group name"
                text = f" match {negate}{words} {value}".rstrip()
                w.line(text, cmap, item_key("matches", (kind, value)))
        w.plain("!")
    for pmap in services.policy_maps.values():
        with w.view(f"policy-map {pmap.name}", pmap, "name"):
            for item in pmap.classes:
                with w.view(f" class {item.class_name}", item, "class_name"):
                    _policy_class(w, item)
            w.done(pmap, "classes")
        w.plain("!")


def _policy_class(w: Writer, item: PolicyClass) -> None:
    for kind, value in item.actions:
        words = _ACTION_WORDS.get(kind)
        if words is None:
            w.unsupported(item, "actions", reason=f"QoS action {kind!r} has no IOS form")
            continue
        w.line(f"  {words} {value}".rstrip(), item, item_key("actions", (kind, value)))
    police = item.police
    if police is None:
        return
    w.done(item, "police")
    if police.cir_percent is not None:
        text = f"  police cir percent {police.cir_percent}"
        if police.cir is not None:
            w.unsupported(police, "cir", reason="a policer rate given both in bit/s and in percent")
    elif police.cir is not None:
        text = f"  police cir {police.cir}"
    else:
        w.unsupported(item, "police", reason="a policer without a rate")
        return
    for field in ("bc", "be", "pir"):
        value = getattr(police, field)
        if value is not None:
            text += f" {field} {value}"
    with w.view(text, police, "cir", "cir_percent", "bc", "be", "pir"):
        for field in ("conform", "exceed", "violate"):
            value = getattr(police, field)
            if value is not None:
                w.line(f"    {field}-action {value}", police, field)


def render_services(w: Writer, config: DeviceConfig) -> None:
    services = config.services
    _dhcp(w, services)
    for probe in services.ip_slas.values():
        _ip_sla(w, probe)
    if services.wccp_version is not None:
        w.line(f"ip wccp version {services.wccp_version}", services, "wccp_version")
    for service in services.wccp_services.values():
        text = f"ip wccp {service.name}"
        for field in ("redirect_list", "group_list"):
            value = getattr(service, field)
            if value is not None:
                text += f" {field.replace('_', '-')} {value}"
        w.item(text, service, "name", "redirect_list", "group_list")
    for number, entries in services.dialer_lists.items():
        for protocol, action in entries:
            w.line(f"dialer-list {number} protocol {protocol} {action}", services, "dialer_lists")
    w.done(
        services, "dhcp_pools", "dhcp6_pools", "ip_slas", "wccp_services", "nat_pools", "nat_rules"
    )


def render_nat(w: Writer, config: DeviceConfig) -> None:
    services = config.services
    for key, seconds in services.nat_timeouts.items():
        w.line(f"ip nat translation {key} {seconds}", services, item_key("nat_timeouts", key))
    for pool in services.nat_pools.values():
        if pool.prefix_length is None:
            w.unsupported(pool, reason="a NAT pool without a prefix length")
            continue
        w.line(
            f"ip nat pool {pool.name} {pool.start} {pool.end} prefix-length {pool.prefix_length}",
            pool,
            "name",
            "start",
            "end",
            "prefix_length",
        )
    for rule in services.nat_rules:
        _nat_rule(w, rule)


def _nat_rule(w: Writer, nat: NatRule) -> None:
    text = "ip nat inside source"
    if nat.kind == "dynamic":
        if nat.acl is not None:
            text += f" list {nat.acl}"
        elif nat.route_map is not None:
            text += f" route-map {nat.route_map}"
        if nat.pool is not None:
            text += f" pool {nat.pool}"
        elif nat.interface is not None:
            text += f" interface {nat.interface}"
        if (nat.acl is None and nat.route_map is None) or (
            nat.pool is None and nat.interface is None
        ):
            _drop(
                w,
                nat,
                "a dynamic NAT rule needs traffic (ACL or route map) and a pool or an interface",
            )
            return
        text += f" vrf {nat.vrf}" if nat.vrf else ""
        text += " overload" if nat.overload else ""
        fields = ["kind", "acl", "route_map", "pool", "interface", "vrf", "overload"]
        if nat.acl is not None and nat.route_map is not None:
            w.unsupported(
                nat, "route_map", reason="IOS selects NAT traffic by ACL or by route map, not both"
            )
            fields.remove("route_map")
    else:
        if nat.inside_address is None or (nat.outside_address is None and nat.interface is None):
            _drop(w, nat, "a static NAT rule needs an inside and an outside address")
            return
        text += " static"
        text += f" {nat.protocol}" if nat.protocol else ""
        text += f" {nat.inside_address}"
        text += f" {nat.inside_port}" if nat.inside_port is not None else ""
        outside = f"interface {nat.interface}" if nat.interface else nat.outside_address
        text += f" {outside}"
        text += f" {nat.outside_port}" if nat.outside_port is not None else ""
        text += f" vrf {nat.vrf}" if nat.vrf else ""
        fields = [
            "kind",
            "protocol",
            "inside_address",
            "inside_port",
            "interface",
            "outside_address",
            "outside_port",
            "vrf",
        ]
    w.item(text, nat, *fields)


def _drop(w: Writer, node: NatRule, reason: str) -> None:
    w.unsupported(node, reason=reason)


def _dhcp(w: Writer, services: Services) -> None:
    if services.dhcp_enabled is not None:
        w.line(
            "service dhcp" if services.dhcp_enabled else "no service dhcp", services, "dhcp_enabled"
        )
    if services.dhcp_use_vrf_connected is not None:
        prefix = "" if services.dhcp_use_vrf_connected else "no "
        w.line(f"{prefix}ip dhcp use vrf connected", services, "dhcp_use_vrf_connected")
    if not all(_is_address(a) and _is_address(b) for a, b in services.dhcp_excluded):
        w.unsupported(
            services, "dhcp_excluded", reason="excluded DHCP ranges must be IPv4 addresses"
        )
    for first, last in (
        services.dhcp_excluded
        if (id(services), "dhcp_excluded") not in set(w.out.result.dropped)
        else []
    ):
        tail = f" {last}" if last != first else ""
        text = f"ip dhcp excluded-address {first}{tail}"
        w.line(text, services, item_key("dhcp_excluded", (first, last)))
    for pool in services.dhcp_pools.values():
        with w.view(f"ip dhcp pool {pool.name}", pool, "name"):
            if pool.network is not None:
                w.line(f" network {net_mask(pool.network)}", pool, "network")
            for field, word in (
                ("default_routers", "default-router"),
                ("dns_servers", "dns-server"),
            ):
                values = getattr(pool, field)
                if values:
                    w.line(f" {word} " + " ".join(values), pool, field)
            if pool.domain_name is not None:
                w.line(f" domain-name {pool.domain_name}", pool, "domain_name")
            if pool.lease is not None:
                w.line(" lease {} {} {}".format(*pool.lease), pool, "lease")
        w.plain("!")
    for pool6 in services.dhcp6_pools.values():
        with w.view(f"ipv6 dhcp pool {pool6.name}", pool6, "name"):
            for prefix6, valid, preferred in pool6.address_prefixes:
                text = f" address prefix {prefix6.with_prefixlen}"
                if valid is None and preferred is None:
                    text += " lifetime infinite"
                elif valid is not None and preferred is not None:
                    text += f" lifetime {valid} {preferred}"
                else:
                    w.unsupported(
                        pool6,
                        "address_prefixes",
                        reason="IOS makes both DHCPv6 lifetimes infinite or neither",
                    )
                    continue
                w.line(text, pool6, "address_prefixes")
            if pool6.dns_servers:
                for server in pool6.dns_servers:
                    w.line(f" dns-server {server}", pool6, "dns_servers")
            if pool6.domain_name is not None:
                w.line(f" domain-name {pool6.domain_name}", pool6, "domain_name")
        w.plain("!")


def _is_address(text: str) -> bool:
    try:
        IPv4Address(text)
    except ValueError:
        return False
    return True


def _ip_sla(w: Writer, probe: IpSla) -> None:
    with w.view(f"ip sla {probe.id}", probe, "id"):
        if probe.kind != "icmp-echo" or not probe.target:
            w.unsupported(
                probe,
                "kind",
                "target",
                "target_port",
                reason=f"IP SLA operation {probe.kind!r} is not translated",
            )
        else:
            text = f" icmp-echo {probe.target}"
            if probe.source_address is not None:
                text += f" source-ip {probe.source_address}"
            if probe.source_interface is not None:
                text += f" source-interface {probe.source_interface}"
            w.line(text, probe, "kind", "target", "source_address", "source_interface")
            if probe.target_port is not None:
                w.unsupported(probe, "target_port", reason="ICMP echo has no port")
        for field, word in (
            ("vrf", "vrf"),
            ("tos", "tos"),
            ("timeout_ms", "timeout"),
            ("threshold_ms", "threshold"),
            ("frequency_s", "frequency"),
        ):
            value = getattr(probe, field)
            if value is not None:
                w.line(f"  {word} {value}", probe, field)
    if probe.schedule_life is not None or probe.schedule_start is not None:
        life = probe.schedule_life or "3600"
        start = probe.schedule_start or "pending"
        w.line(
            f"ip sla schedule {probe.id} life {life} start-time {start}",
            probe,
            "schedule_life",
            "schedule_start",
        )

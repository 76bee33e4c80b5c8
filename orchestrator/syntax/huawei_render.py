"""Render a model as VRP `display current-configuration` text, in the order VRP prints it.

The model arrives shaped (`HuaweiVrp.prepare`, `huawei_prepare`) and is written as it is, never
changed: each part is written by its module, and a sweep reports whatever no part expressed.
NAT rules are written on the outside interface, where VRP configures them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from orchestrator.model import DeviceConfig, Interface, NatRule
from orchestrator.syntax.base import Emitter, Rendered
from orchestrator.syntax.huawei_render_aaa import render_aaa, render_aaa_servers, render_lines
from orchestrator.syntax.huawei_render_acl import render_acls
from orchestrator.syntax.huawei_render_base import Writer
from orchestrator.syntax.huawei_render_bgp import render_bgp
from orchestrator.syntax.huawei_render_dial import render_dialer_rules
from orchestrator.syntax.huawei_render_firewall import render_firewall
from orchestrator.syntax.huawei_render_interfaces import render_interfaces
from orchestrator.syntax.huawei_render_ipsec import render_ipsec
from orchestrator.syntax.huawei_render_ipv6 import render_dhcp6_pools
from orchestrator.syntax.huawei_render_mgmt import render_mgmt
from orchestrator.syntax.huawei_render_monitor import (
    render_archive,
    render_logging_extras,
    render_nqa,
)
from orchestrator.syntax.huawei_render_overlay import render_dfs, render_nve, render_overlay
from orchestrator.syntax.huawei_render_policy import (
    render_community_lists,
    render_prefix_lists,
    render_route_policies,
)
from orchestrator.syntax.huawei_render_qos import render_qos
from orchestrator.syntax.huawei_render_routing import (
    render_ospf,
    render_ospfv3,
    render_static_routes,
    render_vlans,
    render_vrfs,
)
from orchestrator.syntax.huawei_render_services import render_services
from orchestrator.syntax.huawei_render_system import (
    render_bpdu_protection,
    render_enable,
    render_header,
    render_identity,
    render_logging,
    render_ntp,
    render_servers,
    render_snmp,
    render_stp,
    render_summer_time,
)
from orchestrator.syntax.sweep import sweep

if TYPE_CHECKING:
    from orchestrator.syntax.huawei_vrp import HuaweiVrp


def render_config(config: DeviceConfig, platform: HuaweiVrp) -> Rendered:
    """VRP text for ``config``, which `HuaweiVrp.prepare` has shaped; it is not changed."""
    w = Writer(Emitter(platform.name), platform)
    system = config.system
    w.sep()
    render_identity(config, w)
    render_summer_time(config.system, w)
    w.sep()
    render_logging(system, w)
    render_logging_extras(system, w)
    render_archive(system, w)
    render_vlans(config, w)
    w.sep()
    render_overlay(config, w)
    render_stp(config, w)
    render_bpdu_protection(config, w)
    if system.lldp:
        w.line("lldp enable", system, "lldp")
    elif system.lldp is False:
        w.line("undo lldp enable", system, "lldp")
    if system.cdp is not None:
        w.ignore(system, "cdp", rule="CDP is Cisco-only")
    w.sep()
    render_vrfs(config, w)
    acl_policies = _acl_policies(config, platform)
    render_acls(config, w)
    render_ipsec(config, w)
    render_firewall(config, w)
    render_prefix_lists(config, w)
    render_community_lists(config, w)
    render_qos(config, w, acl_policies)
    render_services(config, w)
    render_dhcp6_pools(config, w)
    render_nqa(config, w)
    render_dialer_rules(config, w)
    render_aaa_servers(config, w)
    w.sep()
    render_aaa(config, w)
    w.sep()
    render_dfs(config, w)
    render_interfaces(config, w, acl_policies, _nat(config, w))
    render_nve(config, w)
    render_ospf(config, w)
    render_ospfv3(config, w)
    if config.bgp is not None:
        render_bgp(config.bgp, w)
        w.sep()
    render_route_policies(config, w)
    render_static_routes(config, w)
    w.sep()
    render_snmp(system, w)
    w.sep()
    render_ntp(system, w)
    render_mgmt(config, w)
    w.sep()
    render_enable(system, w)
    render_servers(system, w)
    w.sep()
    render_header(system, w)
    w.sep()
    render_lines(system, w)
    w.sep()
    _system_rest(config, w)
    sweep(w.out, config)
    w.out.plain("return")
    return w.out.result


def _acl_policies(config: DeviceConfig, platform: HuaweiVrp) -> dict[str, str]:
    """VRP8 filters with ACLs through traffic policies: one policy per ACL used as a filter."""
    if platform.traffic_filter:
        return {}
    used: dict[str, str] = {}
    for ifc in config.interfaces.values():
        if ifc.kind == "management":
            continue
        for field in ("acl_in", "acl_out", "ipv6_acl_in", "ipv6_acl_out"):
            name = getattr(ifc, field)
            if name is not None:
                used[name] = ("acl-" + re.sub(r"[^\w.-]", "-", name))[:31]
    return used


def _nat(config: DeviceConfig, w: Writer) -> dict[str, list[tuple[NatRule, str]]]:
    """Where each NAT rule goes: VRP configures NAT on the outside interface."""
    services = config.services
    outside = [i for i in config.interfaces.values() if i.nat == "outside"]
    placed: dict[str, list[tuple[NatRule, str]]] = {}
    if services.nat_rules and not w.platform.nat:
        for rule in services.nat_rules:
            w.unsupported(rule, reason=f"{w.platform.name} boxes do not translate addresses")
        for ifc in outside:
            w.unsupported(ifc, "nat", reason=f"{w.platform.name} boxes do not translate addresses")
        return placed
    for rule in services.nat_rules:
        target = _nat_interface(rule, config, outside)
        text = _nat_text(rule)
        if target is None or text is None:
            w.unsupported(
                rule,
                reason="NAT rule form has no VRP equivalent (needs one outside "
                "interface, an ACL and a pool or interface)",
            )
            continue
        placed.setdefault(target.name, []).append((rule, text))
    for ifc in outside:
        if ifc.name not in placed:
            w.ignore(ifc, "nat", rule="an outside interface without NAT rules needs no line")
    return placed


def _nat_interface(
    rule: NatRule, config: DeviceConfig, outside: list[Interface]
) -> Interface | None:
    if rule.interface is not None:
        return config.interfaces.get(rule.interface)
    return outside[0] if len(outside) == 1 else None


def _nat_text(rule: NatRule) -> str | None:
    if rule.vrf is not None or rule.route_map is not None:
        return None
    if rule.kind == "dynamic" and rule.acl is not None:
        if rule.pool is not None:
            return f"nat outbound {rule.acl} address-group {rule.pool}" + (
                "" if rule.overload else " no-pat"
            )
        if rule.interface is not None and rule.overload:
            return f"nat outbound {rule.acl}"
        return None
    if (
        rule.kind == "static"
        and rule.inside_address
        and rule.interface is not None
        and rule.outside_address is None
        and rule.protocol is not None
        and rule.inside_port
        and rule.outside_port
    ):
        return (
            f"nat server protocol {rule.protocol} global current-interface {rule.outside_port} "
            f"inside {rule.inside_address} {rule.inside_port}"
        )
    if rule.kind == "static" and rule.inside_address and rule.outside_address:
        if rule.protocol is not None and rule.inside_port and rule.outside_port:
            return (
                f"nat server protocol {rule.protocol} global {rule.outside_address} "
                f"{rule.outside_port} inside {rule.inside_address} {rule.inside_port}"
            )
        if rule.protocol is None and rule.inside_port is None:
            return f"nat static global {rule.outside_address} inside {rule.inside_address}"
    return None


def _system_rest(config: DeviceConfig, w: Writer) -> None:
    """System flags with no VRP line: ignored with their rule, or swept as unsupported."""
    system = config.system
    if system.icmp_unreachable_rate == 0 and w.platform.vpn_ipv4_family:
        w.line("icmp rate-limit disable", system, "icmp_unreachable_rate")
        w.change(
            system,
            "icmp_unreachable_rate",
            note="CloudEngine stops rate-limiting all ICMP it sends, not only unreachables",
        )
    elif system.icmp_unreachable_rate is not None:
        w.unsupported(
            system,
            "icmp_unreachable_rate",
            reason="VRP5's `icmp rate-limit` bounds the ICMP packets sent up to the CPU, not "
            "the unreachables the box sends",
        )
    if system.ip_routing:
        w.ignore(system, "ip_routing", rule="VRP routes IPv4 always")
    if system.ipv6_routing:
        w.ignore(system, "ipv6_routing", rule="VRP routes IPv6 once interfaces enable it")

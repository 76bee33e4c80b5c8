"""Cisco IOS network services: NAT, DHCP server (IPv4 and IPv6), IP SLA probes, WCCP and
dial-on-demand lists."""

from __future__ import annotations

import re
from ipaddress import IPv6Network, ip_network
from typing import Any

from orchestrator import ports
from orchestrator.model import Dhcp6Pool, DhcpPool, IpSla, NatPool, NatRule, WccpService
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    dispatch,
    dispatch_children,
    mask_to_prefixlen,
    network,
    rule,
)
from orchestrator.syntax.text import Line

_ADDRESS = r"\d+\.\d+\.\d+\.\d+"

# --- NAT --------------------------------------------------------------------------------------

_NAT_DYNAMIC = re.compile(
    r"ip nat inside source (?:list (?P<acl>\S+)|route-map (?P<rmap>\S+))"
    r" (?:pool (?P<pool>\S+)|interface (?P<ifc>\S+))(?: vrf (?P<vrf>\S+))?(?P<ovl> overload)?"
)
_NAT_STATIC = re.compile(
    r"ip nat inside source static(?: (?P<proto>tcp|udp))? (?P<inside>\S+)(?: (?P<iport>\d+))?"
    r" (?:interface (?P<ifc>\S+)|(?P<outside>" + _ADDRESS + r"))(?: (?P<oport>\d+))?"
    r"(?: vrf (?P<vrf>\S+))?"
)


def s_nat_source(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    services = ctx.config.services
    dynamic = _NAT_DYNAMIC.fullmatch(line.text)
    static = _NAT_STATIC.fullmatch(line.text) if dynamic is None else None
    if dynamic is not None:
        found = dynamic
        nat = NatRule(
            kind="dynamic",
            acl=found.group("acl"),
            route_map=found.group("rmap"),
            pool=found.group("pool"),
            overload=found.group("ovl") is not None,
        )
    elif static is not None:
        found = static
        if (static.group("iport") is None) != (static.group("oport") is None) or (
            static.group("proto") is None and static.group("iport") is not None
        ):
            ctx.report.unsupported(line, "static NAT port mapping not understood")
            return
        nat = NatRule(
            kind="static",
            protocol=static.group("proto"),  # type: ignore[arg-type]
            inside_address=static.group("inside"),
            outside_address=static.group("outside"),
        )
        if static.group("iport"):
            nat.inside_port = int(static.group("iport"))
            nat.outside_port = int(static.group("oport"))
    else:
        ctx.report.unsupported(line, "NAT rule form not translated")
        return
    if found.group("ifc"):
        nat.interface = ports.canonical_name(ctx.platform, found.group("ifc"))
    nat.vrf = found.group("vrf")
    nat.at(line.n)
    services.nat_rules.append(nat)
    services.at(line.n, "nat_rules")


def s_nat_pool(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pool = NatPool(name=m.group(1), start=m.group(2), end=m.group(3))
    if m.group(4) == "netmask":
        pool.prefix_length = mask_to_prefixlen(m.group(5))
    else:
        pool.prefix_length = int(m.group(5))
    pool.at(line.n)
    ctx.config.services.nat_pools[pool.name] = pool
    ctx.config.services.at(line.n, "nat_pools")


def s_nat_timeout(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    services = ctx.config.services
    services.nat_timeouts[m.group(1)] = int(m.group(2))
    services.at_item(line.n, "nat_timeouts", m.group(1))


# --- DHCP -------------------------------------------------------------------------------------


def s_dhcp_excluded(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    services = ctx.config.services
    item = (m.group(1), m.group(2) or m.group(1))
    services.dhcp_excluded.append(item)
    services.at_item(line.n, "dhcp_excluded", item)


def s_dhcp_vrf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    services = ctx.config.services
    services.dhcp_use_vrf_connected = m.group(1) is None
    services.at(line.n, "dhcp_use_vrf_connected")


def s_dhcp_enable(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    services = ctx.config.services
    services.dhcp_enabled = m.group(1) is None
    services.at(line.n, "dhcp_enabled")


def s_dhcp_pool(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pool = DhcpPool(name=m.group(1))
    pool.at(line.n)
    ctx.config.services.dhcp_pools[pool.name] = pool
    ctx.config.services.at(line.n, "dhcp_pools")
    dispatch_children(ctx, line, DHCP_POOL_RULES, pool)


def d_network(ctx: Ctx, line: Line, m: re.Match[str], pool: DhcpPool) -> None:
    length = m.group(3) or str(mask_to_prefixlen(m.group(2)))
    pool.network = network(f"{m.group(1)}/{length}", strict=True)
    pool.at(line.n, "network")


def d_list(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], pool: Any) -> None:
        getattr(pool, field).extend(m.group(1).split())
        pool.at(line.n, field)

    return handler


def d_domain(ctx: Ctx, line: Line, m: re.Match[str], pool: Any) -> None:
    pool.domain_name = m.group(1)
    pool.at(line.n, "domain_name")


def d_lease(ctx: Ctx, line: Line, m: re.Match[str], pool: DhcpPool) -> None:
    pool.lease = (int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0))
    pool.at(line.n, "lease")


DHCP_POOL_RULES: list[Rule] = [
    rule(rf"network ({_ADDRESS})(?: ({_ADDRESS})| /(\d+))", d_network),
    rule(r"default-router (.+)", d_list("default_routers")),
    rule(r"dns-server (.+)", d_list("dns_servers")),
    rule(r"domain-name (\S+)", d_domain),
    rule(r"lease (\d+)(?: (\d+))?(?: (\d+))?", d_lease),
]


def s_dhcp6_pool(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pool = Dhcp6Pool(name=m.group(1))
    pool.at(line.n)
    ctx.config.services.dhcp6_pools[pool.name] = pool
    ctx.config.services.at(line.n, "dhcp6_pools")
    dispatch_children(ctx, line, DHCP6_POOL_RULES, pool)


def _lifetime(word: str) -> int | None:
    return None if word == "infinite" else int(word)


def d6_prefix(ctx: Ctx, line: Line, m: re.Match[str], pool: Dhcp6Pool) -> None:
    prefix = ip_network(m.group(1), strict=False)
    assert isinstance(prefix, IPv6Network)
    # IOS defaults: valid 30 days, preferred 7 days; `lifetime infinite` covers both
    valid = _lifetime(m.group(2)) if m.group(2) else 2592000
    preferred = _lifetime(m.group(3)) if m.group(3) else (valid if m.group(2) else 604800)
    pool.address_prefixes.append((prefix, valid, preferred))
    pool.at(line.n, "address_prefixes")


DHCP6_POOL_RULES: list[Rule] = [
    rule(r"address prefix (\S+)(?: lifetime (\d+|infinite)(?: (\d+|infinite))?)?", d6_prefix),
    rule(r"dns-server (.+)", d_list("dns_servers")),
    rule(r"domain-name (\S+)", d_domain),
    rule(
        r"default-router .+",
        unsupported="not a DHCPv6 pool option (IOS rejects it: IPv6 "
        "hosts learn their router from router advertisements)",
    ),
    rule(
        r"lease .+",
        unsupported="not a DHCPv6 pool option (IOS rejects it: DHCPv6 lifetimes "
        "are set per address prefix)",
    ),
]

# --- IP SLA -----------------------------------------------------------------------------------


def s_ip_sla(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    probe = IpSla(id=int(m.group(1)))
    probe.at(line.n)
    ctx.config.services.ip_slas[probe.id] = probe
    ctx.config.services.at(line.n, "ip_slas")
    # IOS indents the options under the operation line (`icmp-echo ...`); old IOS does not
    for child in line.descendants():
        dispatch(ctx, child, IP_SLA_RULES, probe)


def a_icmp_echo(ctx: Ctx, line: Line, m: re.Match[str], probe: IpSla) -> None:
    """`icmp-echo T [source-ip A | source-interface I]` and the old `type echo protocol ...`."""
    probe.kind = "icmp-echo"
    probe.target = m.group(1)
    probe.at(line.n, "kind", "target")
    words = (m.group(2) or "").split()
    while words:
        word = words.pop(0)
        if word in ("source-ip", "source-ipaddr") and words:
            probe.source_address = words.pop(0)
            probe.at(line.n, "source_address")
        elif word == "source-interface" and words:
            probe.source_interface = ports.canonical_name(ctx.platform, words.pop(0))
            probe.at(line.n, "source_interface")
        else:
            ctx.report.unsupported(line, f"IP SLA option {word!r} not translated")
            return


def a_int(field: str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], probe: IpSla) -> None:
        setattr(probe, field, int(m.group(1)))
        probe.at(line.n, field)

    return handler


def a_vrf(ctx: Ctx, line: Line, m: re.Match[str], probe: IpSla) -> None:
    probe.vrf = m.group(1)
    probe.at(line.n, "vrf")


IP_SLA_RULES: list[Rule] = [
    rule(r"icmp-echo (\S+)(?: (.+))?", a_icmp_echo),
    rule(r"type echo protocol ipIcmpEcho (\S+)(?: (.+))?", a_icmp_echo),
    rule(r"timeout (\d+)", a_int("timeout_ms")),
    rule(r"threshold (\d+)", a_int("threshold_ms")),
    rule(r"frequency (\d+)", a_int("frequency_s")),
    rule(r"tos (\d+)", a_int("tos")),
    rule(r"vrf (\S+)", a_vrf),
]


def s_sla_schedule(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    probe = ctx.config.services.ip_slas.get(int(m.group(1)))
    if probe is None:
        ctx.report.unsupported(line, f"schedule of IP SLA {m.group(1)}, which is not defined")
        return
    words = (m.group(2) or "").split()
    probe.schedule_life = "3600"
    probe.schedule_start = "pending"
    while words:
        word = words.pop(0)
        if word == "life" and words:
            probe.schedule_life = words.pop(0)
        elif word == "start-time" and words:
            probe.schedule_start = words.pop(0)
        else:
            ctx.report.unsupported(line, f"IP SLA schedule option {word!r} not translated")
            return
    probe.at(line.n, "schedule_life", "schedule_start")


# --- WCCP and dialer lists ---------------------------------------------------------------------


def s_wccp_version(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.services.wccp_version = int(m.group(1))
    ctx.config.services.at(line.n, "wccp_version")


def s_wccp_service(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    services = ctx.config.services
    service = services.wccp_services.get(m.group(1)) or WccpService(name=m.group(1))
    services.wccp_services[service.name] = service
    service.at(line.n)
    words = (m.group(2) or "").split()
    while words:
        word = words.pop(0)
        if word in ("redirect-list", "group-list") and words:
            field = word.replace("-", "_")
            setattr(service, field, words.pop(0))
            service.at(line.n, field)
        else:
            ctx.report.unsupported(line, f"WCCP option {word!r} not translated")
            return
    services.at(line.n, "wccp_services")


def s_dialer_list(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    services = ctx.config.services
    services.dialer_lists.setdefault(int(m.group(1)), []).append((m.group(2), m.group(3)))
    services.at(line.n, "dialer_lists")


SERVICES_TOP: list[Rule] = [
    rule(r"ip nat inside source .+", s_nat_source),
    rule(rf"ip nat pool (\S+) ({_ADDRESS}) ({_ADDRESS}) (netmask|prefix-length) (\S+)", s_nat_pool),
    rule(
        r"ip nat translation (timeout|tcp-timeout|udp-timeout|dns-timeout|icmp-timeout|"
        r"finrst-timeout|syn-timeout) (\d+)",
        s_nat_timeout,
    ),
    rule(rf"ip dhcp excluded-address ({_ADDRESS})(?: ({_ADDRESS}))?", s_dhcp_excluded),
    rule(r"(no )?ip dhcp use vrf connected", s_dhcp_vrf),
    rule(r"(no )?service dhcp", s_dhcp_enable),
    rule(r"ip dhcp pool (\S+)", s_dhcp_pool),
    rule(r"ipv6 dhcp pool (\S+)", s_dhcp6_pool),
    rule(r"ip sla(?: monitor)? (\d+)", s_ip_sla),
    rule(r"ip sla(?: monitor)? schedule (\d+)(?: (.+))?", s_sla_schedule),
    rule(r"ip wccp version (\d)", s_wccp_version),
    rule(r"ip wccp (web-cache|\d+)(?: (.+))?", s_wccp_service),
    rule(r"dialer-list (\d+) protocol (ip|ipv6) (permit|deny)", s_dialer_list),
]

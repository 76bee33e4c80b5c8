"""IOS stateful inspection (CBAC) as AR firewall zones (VRP5 routers).

CBAC inspects sessions leaving an interface (`ip inspect P out` on the outside interface) and
lets their return traffic through the interface's inbound ACL. An AR router does this between
firewall zones: the outside interfaces form zone `untrust`, the other routed interfaces zone
`trust`; the inbound ACL of the outside interface becomes the packet filter of traffic from
`untrust` into `trust` and into the box (`local`), where the session table lets return traffic
back in; an outbound ACL filters `trust` to `untrust`. Application gateways (ASPF) follow the
multi-channel protocols VRP knows; every other inspected protocol is tracked as a plain
TCP/UDP/ICMP session, which the AR firewall does for every session it permits.
"""

from __future__ import annotations

from orchestrator.model import (
    SELF_ZONE,
    DeviceConfig,
    InspectProtocol,
    InspectSettings,
    Interface,
    SecurityZone,
    ZonePolicy,
)
from orchestrator.model.base import node_fields
from orchestrator.syntax.huawei_common import Shaper

#: CBAC applications VRP5 AR routers follow with an application gateway (`detect aspf`)
ASPF = frozenset({"ftp", "rtsp", "sip"})
#: CBAC applications that are one TCP/UDP/ICMP session: the AR session table covers them
SINGLE_SESSION = frozenset(
    {
        "tcp", "udp", "icmp", "ssh", "snmp", "smtp", "esmtp", "pop3", "pop3s", "imap", "imaps",
        "http", "https", "dns", "ntp", "isakmp", "ipsec-msft", "ipass", "cddbp", "aol",
        "ddns-v3", "realsecure", "ftps", "telnet", "ldap", "ldaps", "syslog", "tacacs",
        "radius", "bgp", "kerberos", "nntp", "irc", "ircs", "tftp-data",
    }
)  # fmt: skip
#: the zones CBAC becomes
INSIDE, OUTSIDE = "trust", "untrust"
_ROUTED = ("ethernet", "lag", "svi", "subinterface", "tunnel", "other")


def unused_inspection(config: DeviceConfig, shape: Shaper) -> None:
    """Inspection policies no interface applies, and CBAC timers with no inspection at all,
    do nothing on the source box: they are left out with that rule. (On VRP8 every
    inspection line is reported unsupported instead: an interface that applied a policy may
    have had no place there, and nothing can tell that apart.)"""
    security = config.security
    if not shape.platform.firewall:
        return
    used = {i.inspect_out for i in config.interfaces.values()}
    used |= {i.inspect_in for i in config.interfaces.values()}
    for name, policy in list(security.inspect_policies.items()):
        if name in used:
            continue
        rule = "an inspection policy no interface applies has no effect"
        shape.ignore(policy, *policy.src.lines, rule=rule)
        for item in policy.protocols:
            shape.ignore(item, *item.src.lines, rule=rule)
        del security.inspect_policies[name]
    if not security.inspect_policies and any(
        getattr(security.inspect, f.name) is not None for f in node_fields(type(security.inspect))
    ):
        settings = security.inspect
        shape.ignore(
            settings,
            *settings.src.lines,
            rule="stateful inspection timers and limits do nothing where no interface inspects",
        )
        security.inspect = InspectSettings()


def cbac_to_zones(config: DeviceConfig, shape: Shaper) -> None:
    security = config.security
    outside = [i for i in config.interfaces.values() if i.inspect_out or i.inspect_in]
    if not outside or security.zones or not shape.platform.firewall:
        return
    inspected_out = [i for i in outside if i.inspect_out]
    if not inspected_out:
        return  # inspection on inside interfaces only: reported by the renderer
    untrust = SecurityZone(name=OUTSIDE)
    trust = SecurityZone(name=INSIDE)
    for ifc in inspected_out:
        untrust.interfaces.append(ifc.name)
        for n in ifc.src.get("inspect_out"):
            untrust.at(n)
    for ifc in config.interfaces.values():
        if ifc in inspected_out or ifc.kind not in _ROUTED:
            continue
        if ifc.ipv4 or ifc.ipv4_unnumbered or ifc.ipv4_negotiated or ifc.ipv4_dhcp:
            trust.interfaces.append(ifc.name)
            for n in ifc.src.get(""):
                trust.at(n)
    security.zones = {INSIDE: trust, OUTSIDE: untrust}
    names = {i.inspect_out for i in inspected_out}
    outbound = ZonePolicy(from_zone=INSIDE, to_zone=OUTSIDE, name="")
    for name, policy in security.inspect_policies.items():
        if name not in names:
            rule = "an inspection policy no outside interface applies has no effect"
            shape.ignore(policy, *policy.src.lines, rule=rule)
            for item in policy.protocols:
                shape.ignore(item, *item.src.lines, rule=rule)
            continue
        for alg, lines in _protocols(policy.protocols, shape):
            if alg not in outbound.algs:
                outbound.algs.append(alg)
            for n in lines:
                outbound.at(n, "algs")
        if policy.fragment_maximum is not None or policy.fragment_timeout is not None:
            shape.unsupported(
                policy,
                "fragment_maximum",
                "fragment_timeout",
                reason="the AR has no fragment inspection limits",
            )
    for ifc in inspected_out:
        for n in ifc.src.get("inspect_out"):
            outbound.at(n)
        shape.change(
            ifc,
            "inspect_out",
            note=f"inspection of sessions leaving {ifc.name} is the AR firewall between zones "
            f"{INSIDE} and {OUTSIDE}: every session it permits is tracked",
        )
    policies = [outbound]
    acl_out = _moved_acl(inspected_out, "acl_out", shape)
    if acl_out is not None:
        outbound.acl, lines = acl_out
        for n in lines:
            outbound.at(n, "acl")
        policies.append(_catch_all(INSIDE, OUTSIDE, lines))
    acl_in = _moved_acl(inspected_out, "acl_in", shape)
    for target in (INSIDE, SELF_ZONE):
        inbound = ZonePolicy(from_zone=OUTSIDE, to_zone=target, name="")
        if acl_in is None:
            for ifc in inspected_out:
                for n in ifc.src.get("inspect_out"):
                    inbound.at(n)
            policies.append(inbound)
            continue
        inbound.acl, lines = acl_in
        for n in lines:
            inbound.at(n, "", "acl")
        policies += [inbound, _catch_all(OUTSIDE, target, lines)]
    own = ZonePolicy(from_zone=SELF_ZONE, to_zone=OUTSIDE, name="")
    for ifc in inspected_out:
        for n in ifc.src.get("inspect_out"):
            own.at(n)
    policies.append(own)  # IOS filters no traffic the box itself sends
    security.zone_policies = policies
    for ifc in outside:
        if ifc.inspect_in and not ifc.inspect_out:
            shape.unsupported(
                ifc, "inspect_in", reason="inspection of sessions entering an inside interface"
            )
        ifc.inspect_out = ifc.inspect_in = None
    _settings(config, shape)
    security.inspect_policies = {}


def _protocols(
    protocols: list[InspectProtocol], shape: Shaper
) -> list[tuple[str, tuple[int, ...]]]:
    """The ASPF gateways of a policy's applications with their lines; every line is noted."""
    algs = []
    for item in protocols:
        name = item.protocol
        if item.java_list is not None:
            shape.unsupported(
                item, *item.src.lines, reason="Java applet filtering is not translated"
            )
            continue
        if name in ASPF:
            algs.append((name, item.src.get("")))
        elif name in SINGLE_SESSION:
            shape.change(
                item,
                "",
                note=f"the AR firewall tracks {name} as a plain session, without "
                "application inspection",
            )
        else:
            shape.unsupported(
                item, *item.src.lines, reason=f"no AR application gateway follows {name}"
            )
            continue
        for field in ("alert", "audit_trail", "timeout"):
            if getattr(item, field) is not None:
                shape.change(
                    item,
                    "",
                    note=f"per-application {field.replace('_', ' ')} settings are not "
                    "carried: the AR logs and ages sessions per protocol globally",
                )
    return algs


def _moved_acl(
    interfaces: list[Interface], field: str, shape: Shaper
) -> tuple[str, tuple[int, ...]] | None:
    """The ACL the outside interfaces filter with in one direction, moved into the zones."""
    names = {getattr(i, field) for i in interfaces}
    if names == {None}:
        return None
    lines: list[int] = []
    for ifc in interfaces:
        lines += ifc.src.get(field)
        if len(names) == 1:
            shape.change(
                ifc,
                field,
                note="the ACL filters between firewall zones on the AR, where the session "
                "table lets the return traffic of inspected sessions through",
            )
        setattr(ifc, field, None)
    if len(names) != 1:
        for ifc in interfaces:
            shape.unsupported(ifc, field, reason="outside interfaces filter with different ACLs")
        return None
    name = names.pop()
    return (name, tuple(lines)) if name is not None else None


def _catch_all(from_zone: str, to_zone: str, lines: tuple[int, ...]) -> ZonePolicy:
    """What no rule of a filter ACL matches is dropped (the ACL's implicit deny)."""
    policy = ZonePolicy(from_zone=from_zone, to_zone=to_zone, name="", action="deny")
    for n in lines:
        policy.at(n)
    return policy


def _settings(config: DeviceConfig, shape: Shaper) -> None:
    """Global CBAC settings: session aging the AR has, alerts it does not raise."""
    settings = config.security.inspect
    if settings.alert is False:
        shape.ignore(settings, "alert", rule="the AR firewall raises no CBAC alert messages")
        settings.alert = None
    for field, protocol in (("tcp_idle_time", "tcp"), ("udp_idle_time", "udp")):
        if getattr(settings, field) is not None:
            shape.change(
                settings,
                field,
                note=f"the AR ages every {protocol.upper()} session so, inspected or not",
            )
    if settings.dns_timeout is not None:
        shape.change(settings, "dns_timeout", note="the AR ages every DNS session so")


__all__ = ["ASPF", "INSIDE", "OUTSIDE", "cbac_to_zones", "unused_inspection"]

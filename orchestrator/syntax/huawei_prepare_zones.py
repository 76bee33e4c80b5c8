"""Zone firewalls (Junos SRX, or IOS CBAC after `huawei_prepare_cbac`) as AR firewall zones.

An AR router filters between two zones with one packet-filter ACL per direction (`firewall
interzone A B`, `packet-filter N inbound|outbound`) and an action for what the ACL does not
match (`firewall packet-filter default ...`); it never filters within a zone. So the rules of
each zone pair, in order, become the rules of one ACL (address objects, sets and services
written out as prefixes, protocols and ports), traffic to the box that a zone accepts
(host-inbound services and protocols) becomes rules from that zone to `local`, and attack
checks (screens) apply on every interface. The model then holds, per zone pair direction, at
most an ACL rule (`ZonePolicy.acl`) followed by a catch-all rule, which is what VRP writes.
"""

from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network

from orchestrator.model import (
    SELF_ZONE,
    Acl,
    AclEntry,
    DeviceConfig,
    Screen,
    Security,
    ZonePolicy,
)
from orchestrator.syntax.huawei_common import Shaper
from orchestrator.syntax.huawei_prepare_objects import acl_entry, resolve_addresses, resolve_terms

Network = IPv4Network | IPv6Network

#: Junos host-inbound services and protocols → (protocol, destination port range) terms
HOST_INBOUND: dict[str, tuple[tuple[str, tuple[int, int] | None], ...]] = {
    "ping": (("icmp", None),),
    "traceroute": (("icmp", None), ("udp", (33434, 33534))),
    "ssh": (("tcp", (22, 22)),),
    "telnet": (("tcp", (23, 23)),),
    "http": (("tcp", (80, 80)),),
    "https": (("tcp", (443, 443)),),
    "snmp": (("udp", (161, 161)),),
    "snmp-trap": (("udp", (162, 162)),),
    "ntp": (("udp", (123, 123)),),
    "dns": (("udp", (53, 53)), ("tcp", (53, 53))),
    "dhcp": (("udp", (67, 68)),),
    "tftp": (("udp", (69, 69)),),
    "ftp": (("tcp", (21, 21)),),
    "ike": (("udp", (500, 500)), ("udp", (4500, 4500))),
    "netconf": (("tcp", (830, 830)),),
    "bgp": (("tcp", (179, 179)),),
    "ospf": (("ospf", None),),
    "vrrp": (("112", None),),
    "bfd": (("udp", (3784, 3785)),),
    "pim": (("103", None),),
    "rip": (("udp", (520, 520)),),
    "ldp": (("tcp", (646, 646)), ("udp", (646, 646))),
    "all": (("ip", None),),
}
#: Junos screen checks → AR `firewall defend <name> enable`
DEFENDS = {
    "ping-of-death": "ping-of-death",
    "teardrop": "teardrop",
    "land": "land",
    "winnuke": "winnuke",
    "ip-source-route": "source-route",
    "ip-record-route": "route-record",
    "ip-timestamp": "time-stamp",
    "icmp-large": "large-icmp",
    "ip-fragment": "ip-fragment",
    "ip-spoofing": "ip-spoofing",
}
#: the one attack-defense profile an AR router has: it applies on every interface
GLOBAL_SCREEN = "global"


def shape_zones(config: DeviceConfig, shape: Shaper) -> None:
    security = config.security
    if not shape.platform.firewall or not (security.zones or security.zone_policies):
        return
    _host_inbound(security, shape)
    open_zones = _rules_to_acls(config, shape)
    _canonical(security, shape)
    _self_traffic(config, shape, open_zones)
    _screens(security, shape)
    for zone in security.zones.values():
        if zone.tcp_rst:
            shape.unsupported(zone, "tcp_rst", reason="the AR drops stray TCP segments silently")
            zone.tcp_rst = False


def policy_name(from_zone: str, to_zone: str, catch_all: bool) -> str:
    """The name VRP's parser gives the rule of a zone pair direction."""
    return f"{from_zone}-{to_zone}{'-default' if catch_all else ''}"


def _host_inbound(security: Security, shape: Shaper) -> None:
    """What a zone accepts for the box: rules from the zone to `local`, after its policies."""
    for zone in security.zones.values():
        terms: list[tuple[str, tuple[int, int] | None]] = []
        wanted = zone.host_inbound_services + zone.host_inbound_protocols
        for name in wanted:
            found = HOST_INBOUND.get(name)
            if found is None:
                shape.unsupported(
                    zone,
                    "host_inbound_services",
                    "host_inbound_protocols",
                    reason=f"host-inbound {name} has no port list here",
                )
                continue
            terms += [t for t in found if t not in terms]
        for extra in zone.interface_inbound:
            shape.unsupported(
                extra,
                *extra.src.lines,
                reason="an AR zone filters traffic to the box the same on all its interfaces",
            )
        zone.interface_inbound = []
        if not terms:
            zone.host_inbound_services, zone.host_inbound_protocols = [], []
            continue
        policy = ZonePolicy(from_zone=zone.name, to_zone=SELF_ZONE, name="host-inbound")
        lines = [
            n for f in ("host_inbound_services", "host_inbound_protocols") for n in zone.src.get(f)
        ]
        for n in lines:
            policy.at(n)
        policy.applications = [f"={p}:{r[0]}-{r[1]}" if r else f"={p}" for p, r in terms]
        rest = ZonePolicy(from_zone=zone.name, to_zone=SELF_ZONE, name="", action="deny")
        for n in lines:
            rest.at(n)
        security.zone_policies += [policy, rest]
        shape.change(
            policy,
            "",
            note=f"what zone {zone.name} may send to the box is a packet filter from "
            f"{zone.name} to the Local zone on the AR",
        )
        zone.host_inbound_services, zone.host_inbound_protocols = [], []


def _rules_to_acls(config: DeviceConfig, shape: Shaper) -> set[str]:
    """The address and service rules of each zone pair direction become one ACL, in order.
    Returns the zones whose own members may reach each other (an intra-zone permit)."""
    open_zones: set[str] = set()
    security = config.security
    pairs: dict[tuple[str, str], list[ZonePolicy]] = {}
    for policy in security.zone_policies:
        pairs.setdefault((policy.from_zone, policy.to_zone), []).append(policy)
    kept: list[ZonePolicy] = []
    for (from_zone, to_zone), policies in pairs.items():
        if from_zone == to_zone:
            if _intra_zone(policies, shape):
                open_zones.add(from_zone)
            continue
        if all(p.acl is not None or _catch_all(p) for p in policies):
            kept += policies
            continue
        entries: list[AclEntry] = []
        algs: list[str] = []
        for policy in policies:
            built = _entries(security, policy, shape)
            if built is None:
                continue
            entries += built
            algs += [a for a in policy.algs if a not in algs]
        if not entries:
            continue
        name = policy_name(from_zone, to_zone, False)
        while name in config.acls:
            name += "-1"
        v6 = any(e.source and "/" in e.source.wildcard for e in entries) or any(
            e.destination and "/" in e.destination.wildcard for e in entries
        )
        acl = Acl(name=name, kind="ipv6" if v6 else "extended", entries=entries)
        merged = ZonePolicy(from_zone=from_zone, to_zone=to_zone, name=name, acl=name)
        merged.algs = algs
        for policy in policies:
            for n in policy.src.every():
                acl.at(n)
                merged.at(n)
        config.acls[name] = acl
        kept.append(merged)
    security.zone_policies = kept
    return open_zones


def _intra_zone(policies: list[ZonePolicy], shape: Shaper) -> bool:
    """Rules within a zone: a permit-all one is what the AR does anyway. True if open."""
    opened = False
    for policy in policies:
        if _catch_all(policy) and policy.action == "permit":
            shape.ignore(policy, *policy.src.lines, rule="traffic within a zone passes on the AR")
        else:
            shape.unsupported(
                policy,
                *policy.src.lines,
                reason="the AR does not filter traffic within a zone",
            )
    return opened


def _catch_all(policy: ZonePolicy) -> bool:
    return not (
        policy.source_addresses or policy.destination_addresses or policy.applications or policy.acl
    )


def _entries(security: Security, policy: ZonePolicy, shape: Shaper) -> list[AclEntry] | None:
    """The ACL rules of one policy: every source × destination × service term."""
    sources = resolve_addresses(security, policy.source_addresses)
    destinations = resolve_addresses(security, policy.destination_addresses)
    terms = resolve_terms(security, policy.applications)
    if sources is None or destinations is None or terms is None:
        shape.unsupported(
            policy,
            *policy.src.lines,
            reason="the rule names addresses (ranges, DNS names) or services "
            "this translation cannot write as ACL rules",
        )
        return None
    if policy.source_negate or policy.destination_negate:
        shape.unsupported(policy, *policy.src.lines, reason="negated address matches")
        return None
    action = "deny" if policy.action != "permit" else "permit"
    if policy.action == "reject":
        shape.change(policy, "action", note="the AR drops rejected traffic without an answer")
    if policy.count:
        shape.unsupported(policy, "count", reason="per-rule hit counters are not translated")
    entries: list[AclEntry] = []
    if policy.description:
        remark = AclEntry(remark=policy.description[:127])
        for n in policy.src.get("description"):
            remark.at(n)
        entries.append(remark)
    for source in sources:
        for destination in destinations:
            for term in terms:
                entry = acl_entry(action, source, destination, term)
                entry.log = policy.log_init or policy.log_close
                for n in policy.src.every():
                    entry.at(n)
                entries.append(entry)
    for term in terms:
        if term is not None and term.alg and term.alg not in policy.algs:
            policy.algs.append(term.alg)
    if policy.name:
        shape.change(
            policy,
            "",
            note=f"policy {policy.name} is rules of the packet-filter ACL of "
            f"{policy.from_zone} to {policy.to_zone} on the AR",
        )
    return entries


def _canonical(security: Security, shape: Shaper) -> None:
    """Per direction: the ACL rule, then one catch-all; gateways on the first; VRP's names.
    Objects written out as ACL rules leave the model."""
    ordered: list[ZonePolicy] = []
    seen: dict[tuple[str, str], list[ZonePolicy]] = {}
    for policy in security.zone_policies:
        seen.setdefault((policy.from_zone, policy.to_zone), []).append(policy)
    for (from_zone, to_zone), policies in seen.items():
        with_acl = [p for p in policies if p.acl is not None]
        rest = [p for p in policies if p.acl is None]
        for extra in with_acl[1:] + rest[1:]:
            shape.unsupported(
                extra, *extra.src.lines, reason="the AR filters a zone pair with one ACL"
            )
        keep = with_acl[:1] + rest[:1]
        for i, policy in enumerate(keep):
            policy.name = policy_name(from_zone, to_zone, policy.acl is None)
            if i:
                for alg in policy.algs:
                    if alg not in keep[0].algs:
                        keep[0].algs.append(alg)
                policy.algs = []
        ordered += keep
    security.zone_policies = ordered
    for field in ("addresses", "address_sets", "applications", "application_sets"):
        objects = getattr(security, field)
        for item in objects.values():
            shape.change(
                item, *item.src.lines, note="written out in the rules of the zone packet filters"
            )
        setattr(security, field, {})


def _self_traffic(config: DeviceConfig, shape: Shaper, open_zones: set[str]) -> None:
    """What the zones' model leaves to the source's defaults, made explicit for the AR:
    the box's own traffic leaves through every zone; members of a zone reach each other; the
    zones list their interfaces in VRP's order and only those that exist."""
    from orchestrator.syntax.huawei_render_interfaces import interface_order

    security = config.security
    if security.zone_default_action == "deny":
        for zone in security.zones.values():
            pair = [
                p
                for p in security.zone_policies
                if p.from_zone == SELF_ZONE and p.to_zone == zone.name
            ]
            if pair:
                continue
            policy = ZonePolicy(
                from_zone=SELF_ZONE, to_zone=zone.name, name=policy_name(SELF_ZONE, zone.name, True)
            )
            for n in zone.src.get(""):
                policy.at(n)
            security.zone_policies.append(policy)
        for zone in security.zones.values():
            if len(zone.interfaces) > 1 and zone.name not in open_zones:
                shape.change(
                    zone,
                    "interfaces",
                    note="the AR forwards traffic between interfaces of one zone; the source "
                    "drops it without a policy",
                )
    security.zone_policies.sort(key=lambda p: (p.from_zone, p.to_zone, p.acl is None))
    first: dict[frozenset[str], ZonePolicy] = {}
    for policy in security.zone_policies:  # an interzone's gateways sit on its first rule
        owner = first.setdefault(frozenset((policy.from_zone, policy.to_zone)), policy)
        if owner is not policy:
            owner.algs += [a for a in policy.algs if a not in owner.algs]
            for n in policy.src.get("algs"):
                owner.at(n, "algs")
            policy.algs = []
    for zone in security.zones.values():
        members = [config.interfaces[n] for n in zone.interfaces if n in config.interfaces]
        for name in zone.interfaces:
            if name not in config.interfaces:
                shape.unsupported(zone, "interfaces", reason=f"{name} has no place on the AR")
        zone.interfaces = [i.name for i in sorted(members, key=interface_order)]


def _screens(security: Security, shape: Shaper) -> None:
    """The AR's attack checks are global: the zones' screens become one set of checks."""
    used = [z.screen for z in security.zones.values() if z.screen is not None]
    if not security.screens:
        return
    merged = Screen(name=GLOBAL_SCREEN)
    for name, screen in security.screens.items():
        if name not in used:
            shape.ignore(screen, *screen.src.lines, rule="a screen no zone uses has no effect")
            continue
        merged.src.lines.update({k: list(v) for k, v in screen.src.lines.items()})
        for check in screen.checks:
            if check not in DEFENDS:
                shape.unsupported(screen, "checks", reason=f"the AR has no {check} check")
            elif check not in merged.checks:
                merged.checks.append(check)
        for field in ("floods", "syn_alarm_threshold", "syn_source_threshold"):
            if getattr(screen, field):
                shape.unsupported(
                    screen, field, reason="flood thresholds are not translated to the AR"
                )
        for field in ("syn_destination_threshold", "syn_timeout"):
            if getattr(screen, field) is not None:
                shape.unsupported(
                    screen, field, reason="flood thresholds are not translated to the AR"
                )
    for zone in security.zones.values():
        if zone.screen is not None:
            shape.change(zone, "screen", note="the AR checks these attacks on every interface")
            zone.screen = None
    security.screens = {GLOBAL_SCREEN: merged} if merged.checks else {}


__all__ = ["DEFENDS", "GLOBAL_SCREEN", "policy_name", "shape_zones"]

"""Zone-based firewall on Comware 7: security zones, object groups, object policies applied
to zone pairs, attack-defense policies (shaping and rendering; reading is in
`hp_comware_parse_zones`).

    object-group ip address WEB          (address objects and sets)
     0 network host address 192.0.2.10
    object-group service HTTP            (applications and sets)
     0 service tcp destination eq 80
    object-policy ip trust-untrust       (the rules of one zone pair, first match wins)
     rule 0 pass source-ip WEB service HTTP logging counting
    security-zone name untrust
     import interface GigabitEthernet1/0/1
     attack-defense apply policy untrust-screen
    zone-pair security source trust destination untrust
     object-policy apply ip trust-untrust

The box itself is the `Local` zone. What a zone lets reach the box (Junos host-inbound-traffic)
is the zone's policy towards `Local`: a pass rule per service (object groups named
`inbound-<service>`), then a drop rule. A rule Comware cannot write exactly is left out whole,
never written wider than the source.
"""

from __future__ import annotations

from orchestrator.model import (
    SELF_ZONE,
    DeviceConfig,
    Security,
    SecurityZone,
    ZonePolicy,
    item_key,
)
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_render_objects import (
    SIGNATURES,
    render_address,
    render_application,
    render_screen,
)

LOCAL = "Local"
#: Junos host-inbound services and protocols → Comware service terms
INBOUND: dict[str, tuple[str, ...]] = {
    "ping": ("icmp 8 0",),
    "ssh": ("tcp destination eq 22",),
    "telnet": ("tcp destination eq 23",),
    "http": ("tcp destination eq 80",),
    "https": ("tcp destination eq 443",),
    "snmp": ("udp destination eq 161",),
    "snmp-trap": ("udp destination eq 162",),
    "ntp": ("udp destination eq 123",),
    "dns": ("udp destination eq 53", "tcp destination eq 53"),
    "dhcp": ("udp destination range 67 68",),
    "tftp": ("udp destination eq 69",),
    "ftp": ("tcp destination eq 21",),
    "ike": ("udp destination eq 500", "udp destination eq 4500"),
    "netconf": ("tcp destination eq 830",),
    "bgp": ("tcp destination eq 179",),
    "ospf": ("89",),
    "ospf3": ("89",),
    "rip": ("udp destination eq 520",),
    "bfd": ("udp destination range 3784 3785",),
    "vrrp": ("112",),
    "pim": ("103",),
    "igmp": ("2",),
    "ldp": ("tcp destination eq 646", "udp destination eq 646"),
}


def zone_name(name: str) -> str:
    return LOCAL if name == SELF_ZONE else name


def pair_policy(source: str, destination: str) -> str:
    """The object policy of a zone pair."""
    return f"{zone_name(source)}-{zone_name(destination)}"


# --- shaping ----------------------------------------------------------------------------------


def prepare_zones(config: DeviceConfig, out: Emitter) -> None:
    """Rules grouped by zone pair (first match within a pair is all that counts), numbered as
    Comware numbers them; host-inbound lists of a zone that also has rules to the box dropped."""
    security = config.security
    pairs: dict[tuple[str, str], list[ZonePolicy]] = {}
    for policy in security.zone_policies:
        pairs.setdefault((policy.from_zone, policy.to_zone), []).append(policy)
    security.zone_policies = [p for rules in pairs.values() for p in rules]
    for rules in pairs.values():
        for i, policy in enumerate(rules):
            policy.name = str(i)  # a Junos policy name is a label; Comware numbers its rules
            if policy.action == "reject":
                out.change(policy, "action", note="Comware drops without answering (no TCP RST)")
                policy.action = "deny"
            if policy.log_init != policy.log_close:
                out.change(policy, "", note="Comware logs the rule's matches, not a session end")
                policy.log_init = policy.log_close = True
    for screen in security.screens.values():
        lines = screen.src.get("checks")
        unknown = [c for c in screen.checks if c not in SIGNATURES]
        for i, check in enumerate(screen.checks):
            if check in unknown and len(lines) == len(screen.checks):
                out.result.unsupported.setdefault(lines[i], f"screen check {check}: no signature")
        if unknown and len(lines) != len(screen.checks):
            out.unsupported(screen, "checks", reason=f"checks {' '.join(unknown)}: no signature")
        known = [c for c in screen.checks if c not in unknown]
        screen.src.lines["checks"] = [
            n for i, n in enumerate(lines) if i < len(screen.checks) and screen.checks[i] in known
        ]
        screen.checks = known
    for zone in security.zones.values():
        towards_box = (zone.name, SELF_ZONE)
        if "all" in [*zone.host_inbound_services, *zone.host_inbound_protocols] and (
            towards_box not in pairs
        ):
            # everything reaches the box from this zone: a plain pass rule towards it
            policy = ZonePolicy(from_zone=zone.name, to_zone=SELF_ZONE, name="0")
            for field in ("host_inbound_services", "host_inbound_protocols"):
                for n in zone.src.get(field):
                    policy.at(n)
                setattr(zone, field, [])
            security.zone_policies.append(policy)
            pairs[towards_box] = [policy]
            continue
        to_box = pairs.get(towards_box)
        if to_box is None:
            continue
        # traffic to the box passes only what the host-inbound list AND the rules allow
        closed = all(p.action != "permit" for p in to_box)
        for name in ("host_inbound_services", "host_inbound_protocols"):
            if not getattr(zone, name):
                continue
            if closed:
                out.ignore(
                    zone,
                    name,
                    rule="the zone's rules to the box drop everything, so this list lets "
                    "nothing through",
                )
            else:
                out.unsupported(
                    zone,
                    name,
                    reason="the zone's rules to the box also filter what reaches it: "
                    "combine them with these services by hand",
                )
            setattr(zone, name, [])


# --- rendering --------------------------------------------------------------------------------


def render_zones(config: DeviceConfig, out: Emitter) -> None:
    security = config.security
    for screen in security.screens.values():
        render_screen(screen, out)
    for address in security.addresses.values():
        render_address(address, out)
    for aset in security.address_sets.values():
        out.plain("#")
        with out.view(f"object-group ip address {aset.name}", aset):
            for i, member in enumerate([*aset.addresses, *aset.address_sets]):
                out.emit(f" {i * 10} network group-object {member}", aset, "addresses")
            out.mark(aset, "address_sets")
        if aset.zone is not None:
            out.ignore(aset, "zone", rule="Comware address objects are usable in every zone")
    for app in security.applications.values():
        render_application(app, out)
    for appset in security.application_sets.values():
        out.plain("#")
        with out.view(f"object-group service {appset.name}", appset):
            for i, member in enumerate([*appset.applications, *appset.application_sets]):
                out.emit(f" {i * 10} service group-object {member}", appset, "applications")
            out.mark(appset, "application_sets")
    inbound = _inbound_groups(security, out)
    policies = _object_policies(security, inbound, out)
    for zone in security.zones.values():
        _zone(zone, out)
    for source, destination in policies:
        out.plain("#")
        with out.view(
            f"zone-pair security source {zone_name(source)} destination {zone_name(destination)}"
        ):
            out.emit(f" object-policy apply ip {pair_policy(source, destination)}")
    _default_action(security, out)


def _inbound_groups(security: Security, out: Emitter) -> set[str]:
    """One service object group per host-inbound service any zone names."""
    wanted = {
        name
        for zone in security.zones.values()
        for name in [*zone.host_inbound_services, *zone.host_inbound_protocols]
        if name in INBOUND
    }
    for name in sorted(wanted):
        out.plain("#")
        with out.view(f"object-group service inbound-{name}"):
            for i, term in enumerate(INBOUND[name]):
                out.emit(f" {i * 10} service {term}")
    return wanted


def _object_policies(security: Security, inbound: set[str], out: Emitter) -> list[tuple[str, str]]:
    pairs: dict[tuple[str, str], list[ZonePolicy]] = {}
    for policy in security.zone_policies:
        pairs.setdefault((policy.from_zone, policy.to_zone), []).append(policy)
    written: list[tuple[str, str]] = []
    for (source, destination), rules in pairs.items():
        out.plain("#")
        with out.view(f"object-policy ip {pair_policy(source, destination)}"):
            for i, policy in enumerate(rules):
                _rule(i, policy, out)
        written.append((source, destination))
    for zone in security.zones.values():
        names = [*zone.host_inbound_services, *zone.host_inbound_protocols]
        if not names or (zone.name, SELF_ZONE) in pairs:
            continue
        known = [n for n in names if n in inbound]
        for field in ("host_inbound_services", "host_inbound_protocols"):
            missing = [n for n in getattr(zone, field) if n not in known]
            if missing:
                out.unsupported(
                    zone, field, reason=f"host-inbound {' '.join(missing)} not translated"
                )
        out.plain("#")
        with out.view(f"object-policy ip {pair_policy(zone.name, SELF_ZONE)}"):
            for i, name in enumerate(known):
                field = (
                    "host_inbound_services"
                    if name in zone.host_inbound_services
                    else "host_inbound_protocols"
                )
                out.emit(f" rule {i} pass service inbound-{name}", zone, field)
            out.emit(f" rule {len(known)} drop", zone, "host_inbound_services")
        written.append((zone.name, SELF_ZONE))
    return written


def _rule(number: int, policy: ZonePolicy, out: Emitter) -> None:
    fields = (
        ("source-ip", policy.source_addresses),
        ("destination-ip", policy.destination_addresses),
        ("service", policy.applications),
    )
    if (
        any(len(values) > 1 for _, values in fields)
        or policy.source_negate
        or policy.destination_negate
        or policy.acl is not None
    ):
        out.unsupported(
            policy,
            reason="a rule with several objects in one field, a negated match or an ACL: Comware "
            "object-policy rules take one object group per field",
        )
        return
    action = "pass" if policy.action == "permit" else "drop"
    text = f" rule {number} {action}"
    for word, values in fields:
        if values:
            text += f" {word} {values[0]}"
    if policy.log_init or policy.log_close:
        text += " logging"
    if policy.count:
        text += " counting"
    out.item(
        text,
        policy,
        "source_addresses",
        "destination_addresses",
        "applications",
        "action",
        "log_init",
        "log_close",
        "count",
    )
    if policy.action == "reject":
        out.unsupported(policy, "action", reason="Comware drops without answering (no TCP RST)")
    if policy.description is not None:
        out.unsupported(policy, "description", reason="object-policy rules carry no description")
    if policy.algs:
        out.ignore(policy, "algs", rule="Comware runs its ALGs for every session by default")


def _zone(zone: SecurityZone, out: Emitter) -> None:
    out.plain("#")
    with out.view(f"security-zone name {zone.name}", zone):
        for name in zone.interfaces:
            out.emit(f" import interface {name}", zone, item_key("interfaces", name))
        if zone.screen is not None:
            out.emit(f" attack-defense apply policy {zone.screen}", zone, "screen")
    if zone.tcp_rst:
        out.unsupported(zone, "tcp_rst", reason="Comware answers no stray TCP segment with a RST")
    if zone.interface_inbound:
        out.unsupported(zone, "interface_inbound", reason="per-interface host-inbound lists")


def _default_action(security: Security, out: Emitter) -> None:
    if security.zone_default_action == "deny":
        out.ignore(
            security,
            "zone_default_action",
            rule="Comware drops traffic between zones that no object policy passes",
        )
    elif security.zone_default_action == "permit":
        out.unsupported(
            security,
            "zone_default_action",
            reason="Comware has no permit-all default between zones: add a pass rule per zone pair",
        )

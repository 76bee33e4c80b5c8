"""AR firewall zones (VRP5 routers): zones with priorities, interzone packet filters and
application gateways, default actions, attack checks and session aging.

A zone's priority decides the direction words: traffic from a lower-priority zone to a higher
one is `inbound`. The model arrives shaped (`huawei_prepare_zones`): per zone pair direction an
ACL rule and/or one catch-all rule. CloudEngine and NE40E (VRP8) have no zone firewall.
"""

from __future__ import annotations

from orchestrator.model import SELF_ZONE, DeviceConfig, Security, ZonePolicy, item_key
from orchestrator.syntax.huawei_render_base import Writer

#: conventional priorities of the usual zone names (Local is fixed at the top)
FIXED_PRIORITIES = {SELF_ZONE: 15, "trust": 14, "dmz": 5, "untrust": 1}
#: application gateways AR routers have (`detect aspf <name>`)
ASPF_NAMES = frozenset({"ftp", "rtsp", "sip"})
#: model session-aging settings → `firewall-nat session <protocol> aging-time`
AGING = {"tcp_idle_time": "tcp", "udp_idle_time": "udp", "dns_timeout": "dns"}
NO_FIREWALL = "CloudEngine and NE40E boxes have no stateful zone firewall"


def zone_word(name: str) -> str:
    """How VRP writes a zone name (the box's own zone is `Local`)."""
    return "Local" if name == SELF_ZONE else name


def zone_priorities(names: list[str]) -> dict[str, int]:
    """A priority per zone: the usual names keep theirs, the others count down from 13."""
    out = {n: FIXED_PRIORITIES[n] for n in names if n in FIXED_PRIORITIES}
    free = [p for p in range(13, 1, -1) if p not in out.values()]
    for name in names:
        if name not in out:
            out[name] = free.pop(0) if free else 2
    out.setdefault(SELF_ZONE, FIXED_PRIORITIES[SELF_ZONE])
    return out


def direction(policy: ZonePolicy, priorities: dict[str, int]) -> str:
    return "inbound" if priorities[policy.from_zone] < priorities[policy.to_zone] else "outbound"


def render_firewall(config: DeviceConfig, w: Writer) -> None:
    security = config.security
    if not (
        security.zones or security.zone_policies or security.screens or security.inspect_policies
    ):
        _aging(security, w)
        return
    if not w.platform.firewall:
        for field in (
            "zones",
            "zone_policies",
            "zone_default_action",
            "screens",
            "inspect_policies",
        ):
            if getattr(security, field):
                w.unsupported(security, field, reason=NO_FIREWALL)
        _aging(security, w)
        return
    priorities = zone_priorities(list(security.zones))
    for zone in security.zones.values():
        with w.view(f"firewall zone {zone_word(zone.name)}", zone, "", "name"):
            w.line(f"priority {priorities[zone.name]}", zone, "")
        w.sep()
    pairs: dict[tuple[str, str], list[ZonePolicy]] = {}
    for policy in security.zone_policies:
        if policy.from_zone not in priorities or policy.to_zone not in priorities:
            w.unsupported(policy, reason="a rule between zones that do not exist")
            continue
        high, low = sorted((policy.from_zone, policy.to_zone), key=lambda z: (-priorities[z], z))
        pairs.setdefault((high, low), []).append(policy)
    defaults: list[tuple[str, ZonePolicy]] = []
    for (high, low), policies in sorted(pairs.items()):
        with w.view(f"firewall interzone {zone_word(high)} {zone_word(low)}"):
            w.line_multi("firewall enable", [(p, "") for p in policies])
            for policy in policies:
                where = direction(policy, priorities)
                if policy.acl is not None:
                    w.line(f"packet-filter {policy.acl} {where}", policy, "", "acl", "name")
                else:
                    defaults.append((f"interzone {zone_word(high)} {zone_word(low)}", policy))
                _algs(policy, w)
        w.sep()
    for pair, policy in defaults:
        where = direction(policy, priorities)
        w.line(
            f"firewall packet-filter default {policy.action} {pair} direction {where}",
            policy,
            "",
            "action",
            "name",
        )
    for policy in security.zone_policies:
        w.mark(policy, "from_zone", "to_zone")
        if policy.acl is not None:
            w.mark(policy, "action")
        if policy.acl is not None and policy.action != "permit":
            w.unsupported(policy, "action", reason="an AR packet filter acts by its ACL's rules")
    if security.zone_default_action is not None:
        w.line(
            f"firewall packet-filter default {security.zone_default_action} all",
            security,
            "zone_default_action",
        )
    screen = next(iter(security.screens.values()), None)
    if screen is not None:
        from orchestrator.syntax.huawei_prepare_zones import DEFENDS

        w.mark(screen, "", "name")
        for check in screen.checks:
            w.line(f"firewall defend {DEFENDS[check]} enable", screen, item_key("checks", check))
    _aging(security, w)
    w.sep()


def _algs(policy: ZonePolicy, w: Writer) -> None:
    for alg in policy.algs:
        if alg in ASPF_NAMES:
            w.line(f"detect aspf {alg}", policy, "algs")
        else:
            w.unsupported(policy, "algs", reason=f"the AR has no {alg} application gateway")


def _aging(security: Security, w: Writer) -> None:
    settings = security.inspect
    for field, protocol in AGING.items():
        value = getattr(settings, field)
        if value is None:
            continue
        if w.platform.firewall:
            w.line(f"firewall-nat session {protocol} aging-time {value}", settings, field)
        else:
            w.unsupported(settings, field, reason=NO_FIREWALL)


def zone_member_lines(config: DeviceConfig, w: Writer, name: str) -> None:
    """`zone NAME` in an interface view: the interface's firewall zone."""
    if not w.platform.firewall:
        return
    for zone in config.security.zones.values():
        if name in zone.interfaces:
            w.line(f"zone {zone_word(zone.name)}", zone, "interfaces")


__all__ = [
    "AGING",
    "ASPF_NAMES",
    "direction",
    "render_firewall",
    "zone_member_lines",
    "zone_priorities",
    "zone_word",
]

"""AR firewall zones read into the zone model: zones and their interfaces, interzone packet
filters (a `ZonePolicy` with an ACL per direction), default actions (catch-all rules),
application gateways, attack checks and session aging.

Directions follow the zones' priorities: `inbound` is from the lower-priority zone to the
higher one. A file is read whole before directions are settled (`finish_firewall`).
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import SELF_ZONE, Screen, SecurityZone, ZonePolicy
from orchestrator.syntax.rules import Ctx
from orchestrator.syntax.text import Line


def model_zone(word: str) -> str:
    return SELF_ZONE if word.lower() == SELF_ZONE else word


def _state(ctx: Ctx) -> dict[str, Any]:
    state: dict[str, Any] = ctx.state.setdefault(
        "firewall", {"priorities": {}, "filters": [], "defaults": [], "members": []}
    )
    return state


def p_zone(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = model_zone(m.group(1))
    security = ctx.config.security
    zone = security.zones.get(name)
    if zone is None and name != SELF_ZONE:
        zone = security.zones[name] = SecurityZone(name=name)
        zone.at(line.n)
        security.at(line.n, "zones")
    for child in line.children:
        words = child.words
        if words[-2:-1] == ["priority"] and words[0] in ("priority", "set"):
            _state(ctx)["priorities"][name] = int(words[-1])
            ctx.report.parsed(child)
        elif words[:2] == ["add", "interface"] and zone is not None:
            from orchestrator.syntax.huawei_common import ifname

            zone.interfaces.append(ifname(ctx, "".join(words[2:])))
            zone.at(child.n, "interfaces")
            ctx.report.parsed(child)
        else:
            ctx.report.unsupported(child, "firewall zone setting not translated")
    if zone is None:
        ctx.report.ignored(line, "the Local zone always exists")


def p_interzone(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    pair = (model_zone(m.group(1)), model_zone(m.group(2)))
    algs: list[tuple[str, int]] = []
    for child in line.children:
        words = child.words
        if words == ["firewall", "enable"]:
            ctx.report.ignored(child, "the interzone filters once it has rules")
        elif words[0] == "packet-filter" and len(words) == 3:
            _state(ctx)["filters"].append((pair, words[1], words[2], child.n))
            ctx.report.parsed(child)
        elif words[0] == "detect" and len(words) in (2, 3):
            algs.append((words[-1], child.n))
            ctx.report.parsed(child)
        else:
            ctx.report.unsupported(child, "interzone setting not translated")
    _state(ctx).setdefault("algs", []).append((pair, algs, line.n))


def p_default(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`firewall packet-filter default permit|deny all` / `... interzone A B direction D`."""
    action, rest = m.group(1), m.group(2)
    if rest == "all":
        ctx.config.security.zone_default_action = action  # type: ignore[assignment]
        ctx.config.security.at(line.n, "zone_default_action")
        return
    found = re.fullmatch(r"interzone (\S+) (\S+) direction (inbound|outbound)", rest)
    if found is None:
        ctx.report.unsupported(line, "default packet-filter scope not translated")
        return
    pair = (model_zone(found.group(1)), model_zone(found.group(2)))
    _state(ctx)["defaults"].append((pair, action, found.group(3), line.n))


def p_defend(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    from orchestrator.syntax.huawei_prepare_zones import DEFENDS, GLOBAL_SCREEN

    checks = {v: k for k, v in DEFENDS.items()}
    if m.group(1) not in checks:
        ctx.report.unsupported(line, f"attack check {m.group(1)} not translated")
        return
    screens = ctx.config.security.screens
    screen = screens.get(GLOBAL_SCREEN)
    if screen is None:
        screen = screens[GLOBAL_SCREEN] = Screen(name=GLOBAL_SCREEN)
        ctx.config.security.at(line.n, "screens")
    screen.at(line.n)
    screen.checks.append(checks[m.group(1)])
    screen.at(line.n, "checks")


def p_aging(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    from orchestrator.syntax.huawei_render_firewall import AGING

    field = {v: k for k, v in AGING.items()}.get(m.group(1))
    if field is None:
        ctx.report.unsupported(line, f"{m.group(1)} session aging not translated")
        return
    settings = ctx.config.security.inspect
    setattr(settings, field, int(m.group(2)))
    settings.at(line.n, field)


def i_zone(ctx: Ctx, line: Line, m: re.Match[str], ifc: Any) -> None:
    _state(ctx)["members"].append((model_zone(m.group(1)), ifc.name, line.n))


def finish_firewall(ctx: Ctx) -> None:
    """Zone members, then the directions of the interzone rules from the zone priorities."""
    from orchestrator.syntax.huawei_prepare_zones import policy_name
    from orchestrator.syntax.huawei_render_firewall import zone_priorities

    state = ctx.state.get("firewall")
    if state is None:
        return
    security = ctx.config.security
    for zone_name, ifc_name, n in state["members"]:
        zone = security.zones.get(zone_name)
        if zone is None:
            ctx.report.unsupported(n, f"zone {zone_name} is not defined")
            continue
        zone.interfaces.append(ifc_name)
        zone.at(n, "interfaces")
    priorities = zone_priorities(list(security.zones))
    priorities.update(state["priorities"])

    def directed(pair: tuple[str, str], word: str) -> tuple[str, str] | None:
        if any(z not in priorities for z in pair):
            return None
        low, high = sorted(pair, key=lambda z: priorities[z])
        return (low, high) if word == "inbound" else (high, low)

    policies: list[ZonePolicy] = []
    for pair, acl, word, n in state["filters"]:
        ends = directed(pair, word)
        if ends is None:
            ctx.report.unsupported(n, "an interzone of undefined zones")
            continue
        policy = ZonePolicy(
            from_zone=ends[0], to_zone=ends[1], name=policy_name(*ends, False), acl=acl
        )
        policy.at(n, "", "acl", "name")
        policies.append(policy)
    for pair, action, word, n in state["defaults"]:
        ends = directed(pair, word)
        if ends is None:
            ctx.report.unsupported(n, "an interzone of undefined zones")
            continue
        policy = ZonePolicy(
            from_zone=ends[0], to_zone=ends[1], name=policy_name(*ends, True), action=action
        )
        policy.at(n, "", "action", "name")
        policies.append(policy)
    policies.sort(key=lambda p: (p.from_zone, p.to_zone, p.acl is None))
    for pair, algs, _n in state.get("algs", []):
        if not algs:
            continue
        owners = [p for p in policies if {p.from_zone, p.to_zone} == set(pair)]
        if not owners:
            for _, line in algs:
                ctx.report.unsupported(line, "an application gateway of an interzone without rules")
            continue
        for alg, line in algs:
            owners[0].algs.append(alg)
            owners[0].at(line, "algs")
    security.zone_policies = policies
    if policies:
        security.at(policies[0].src.get("")[0], "zone_policies")


__all__ = [
    "finish_firewall",
    "i_zone",
    "p_aging",
    "p_default",
    "p_defend",
    "p_interzone",
    "p_zone",
]

"""What a VRP parser can only settle once the whole file is read.

- Eth-Trunk modes (`mode lacp`, `lacp timeout fast`) are set on the trunk; the model holds them
  on the member ports, as the other vendors write them.
- `stp bpdu-protection` is global on VRP and guards every edge port: the edge ports get it.
- A traffic policy whose only class matches one ACL with the behaviour `permit` is an ACL
  filter (VRP8 has no `traffic-filter`): it reads as the interface's ACL.
- A packet filter lets through what no rule matches: a filter ACL gets that `permit` written
  out, so that the model's ACLs always end the Cisco way (what no rule matches is dropped).
"""

from __future__ import annotations

from typing import Literal

from orchestrator import ports
from orchestrator.model import AclEntry
from orchestrator.syntax.rules import Ctx


def finish_interfaces(ctx: Ctx) -> None:
    config = ctx.config
    modes = ctx.state.get("lag_modes", {})
    rates = ctx.state.get("lag_rates", {})
    for ifc in list(config.interfaces.values()):
        if ifc.lag_group is None:
            continue
        trunk = ports.canonical_name(ctx.platform, f"Eth-Trunk{ifc.lag_group}")
        mode: Literal["active", "passive", "on"]
        mode, line = modes.get(trunk, ("on", None))
        ifc.lag_mode = mode
        if line is not None:
            ifc.at(line, "lag_mode")
        if trunk in rates:
            ifc.lacp_rate, rate_line = rates[trunk]
            ifc.at(rate_line, "lacp_rate")
        if trunk not in config.interfaces:
            config.interface(trunk).kind = "lag"
    protection = ctx.state.get("bpdu_protection")
    if protection is not None:
        edges = [i for i in config.interfaces.values() if i.stp_edge]
        for ifc in edges:
            ifc.stp_bpdu_guard = True
            ifc.at(protection, "stp_bpdu_guard")
        if edges:
            ctx.report.parsed(protection)
        else:
            ctx.report.ignored(protection, "BPDU protection guards edge ports; there are none")
    _policies_as_filters(ctx)
    _filter_default_permit(ctx)


def _filter_default_permit(ctx: Ctx) -> None:
    """VRP forwards what no rule of a packet filter matches; the model's ACLs (like Cisco's)
    drop it. An ACL used only as a filter gets that last `permit` written out."""
    config = ctx.config
    elsewhere = {line.acl_in for line in config.system.lines}
    elsewhere |= {c.acl for c in config.system.snmp.communities}
    elsewhere |= {r.acl for r in config.services.nat_rules}
    elsewhere |= {
        v for c in config.services.class_maps.values() for k, v in c.matches if k == "access-group"
    }
    elsewhere |= {
        v
        for rm in config.route_maps.values()
        for e in rm.entries
        for m in e.matches
        if m.kind == "ip-address-acl"
        for v in m.values
    }
    for name, where in config.interface_filters().items():
        acl = config.acls.get(name)
        if acl is None or name in elsewhere:
            continue
        rules = [e for e in acl.entries if e.action is not None]
        if any(rule.matches_everything() for rule in rules):
            continue
        entry = AclEntry(action="permit", protocol=None if acl.kind == "standard" else "ip")
        if any(e.seq is not None for e in rules):
            entry.seq = max(e.seq or 0 for e in rules) + 5
        for ifc, field in where:
            for n in ifc.src.get(field):
                entry.at(n)
        acl.entries.append(entry)


def _policies_as_filters(ctx: Ctx) -> None:
    services = ctx.config.services
    filters: dict[str, str] = {}
    for name, pmap in services.policy_maps.items():
        if len(pmap.classes) != 1:
            continue
        entry = pmap.classes[0]
        cmap = services.class_maps.get(entry.class_name)
        if cmap is None or len(cmap.matches) != 1 or cmap.matches[0][0] != "access-group":
            continue
        if entry.actions != [("permit", "")]:
            continue
        filters[name] = cmap.matches[0][1]
    used_elsewhere: set[str] = set()
    converted: set[str] = set()
    for ifc in ctx.config.interfaces.values():
        for field, acl_field in (
            ("service_policy_in", "acl_in"),
            ("service_policy_out", "acl_out"),
        ):
            policy = getattr(ifc, field)
            if policy is None:
                continue
            if policy in filters and getattr(ifc, acl_field) is None:
                acl = filters[policy]
                kind = ctx.config.acls[acl].kind if acl in ctx.config.acls else "extended"
                target = acl_field if kind != "ipv6" else "ipv6_" + acl_field
                setattr(ifc, target, acl)
                for n in ifc.src.get(field):
                    ifc.at(n, target)
                setattr(ifc, field, None)
                converted.add(policy)
            else:
                used_elsewhere.add(policy)
    for policy in converted - used_elsewhere:
        pmap = services.policy_maps.pop(policy)
        classes = {c.class_name for c in pmap.classes}
        still_used = {c.class_name for p in services.policy_maps.values() for c in p.classes}
        for name in classes - still_used:
            services.class_maps.pop(name, None)

"""SRX NAT (`security nat`) → the model's NAT rules and pools, where they mean the same.

* a **source** rule whose traffic leaves through one interface (``to interface IF``, or a
  ``to zone`` with one member) becomes a dynamic `NatRule` on an extended ACL of its matches
  (``NAT-<rule-set>-<rule>``): ``then source-nat interface`` overloads that interface's address,
  ``then source-nat pool P`` translates to the `NatPool` P (with port translation unless the
  pool says ``port no-translation``). The interfaces of the rule-set's from-zone (or from
  interface) become NAT inside interfaces, its egress interface NAT outside, as IOS needs;
* a **static** rule mapping one address to one address (/32) becomes a static `NatRule`.

Not translated, with the reason: ``source-nat off`` and rules overlapping an earlier rule of
another target (the model's NAT rules have no order), destination NAT (one-way: the targets'
static NAT also translates sessions the inside host opens), network-to-network static NAT,
NAT proxy-ARP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from ipaddress import IPv4Network, ip_network

from orchestrator.model import Acl, AclEntry, AddrMatch, NatPool, NatRule
from orchestrator.syntax.juniper_junos_index import claim_line, interface, junos
from orchestrator.syntax.juniper_junos_text import Stmt, unquote, values
from orchestrator.syntax.rules import Ctx, Rule, prefixlen_to_wildcard, rule
from orchestrator.syntax.text import Line


@dataclass
class NatSpec:
    """One rule as written, in rule-set order."""

    rule_set: str
    name: str
    lines: list[int] = field(default_factory=list)
    headers: list[int] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    destinations: list[str] = field(default_factory=list)
    then: tuple[str, ...] = ()
    then_line: int = 0
    bad: str | None = None


@dataclass
class RuleSet:
    kind: str  # "source" | "static"
    lines: list[int] = field(default_factory=list)
    sides: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # from/to → kind, name
    rules: dict[str, NatSpec] = field(default_factory=dict)


def h_nat_rule_set(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    kind, name, rest = m.group(1), unquote(m.group(2)), m.group(3)
    sets: dict[tuple[str, str], RuleSet] = junos(ctx).bucket("nat rule sets")
    rule_set = sets.setdefault((kind, name), RuleSet(kind))
    side = re.fullmatch(r"(from|to) (zone|interface) (\S+)", rest)
    if side is not None:
        rule_set.sides[side.group(1)] = (side.group(2), unquote(side.group(3)), line.n)
        rule_set.lines.append(line.n)
        return
    found = re.fullmatch(r"rule (\S+)(?: (match|then) (.+))?", rest)
    if found is None:
        ctx.report.unsupported(line, f"NAT rule-set setting `{rest}` is not translated")
        return
    spec = rule_set.rules.setdefault(
        unquote(found.group(1)), NatSpec(name, unquote(found.group(1)))
    )
    spec.lines.append(line.n)
    header = stmt.opener(7)
    if header is not None and header.n not in spec.headers:
        spec.headers.append(header.n)
    words = values(found.group(3) or "")
    if found.group(2) == "match" and words[0] in ("source-address", "destination-address"):
        target = spec.sources if words[0] == "source-address" else spec.destinations
        target.extend(words[1:])
    elif found.group(2) == "then":
        spec.then, spec.then_line = tuple(words), line.n
    elif found.group(2) is not None:
        spec.bad = spec.bad or f"`{found.group(2)} {' '.join(words)}` is not translated"


def h_nat_pool(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2)
    pools: dict[str, NatPool] = junos(ctx).bucket("nat pools")
    address = re.fullmatch(r"address (\S+)(?: to (\S+))?", rest)
    if address is not None:
        first = ip_network(address.group(1), strict=False)
        last = ip_network(address.group(2), strict=False) if address.group(2) else first
        pool = NatPool(name=name, start=str(first[0]), end=str(last[-1]))
        if address.group(2) is None and first.prefixlen < 32:
            pool.prefix_length = first.prefixlen
        pool.at(line.n)
        pool.at(line.n, "start", "end", "prefix_length")
        pools[name] = pool
        header = stmt.opener(5)
        if header is not None:
            junos(ctx).bucket("nat pool headers")[name] = header.n
    elif rest == "port no-translation":
        junos(ctx).bucket("nat pools without pat")[name] = line.n
    else:
        ctx.report.unsupported(line, f"NAT pool setting `{rest}` is not translated")


def finish_nat(ctx: Ctx) -> None:
    state = junos(ctx)
    sets: dict[tuple[str, str], RuleSet] = state.bucket("nat rule sets")
    taken: list[tuple[IPv4Network, IPv4Network, tuple[str, ...]]] = []
    used_pools: set[str] = set()
    for (kind, name), rule_set in sets.items():
        for spec in rule_set.rules.values():
            try:
                if spec.bad is None:
                    spec.bad = (
                        _source(ctx, rule_set, spec, taken, used_pools)
                        if kind == "source"
                        else _static(ctx, spec)
                    )
            except (ValueError, IndexError) as exc:
                spec.bad = f"a value is not understood ({exc})"
            if spec.bad is not None:
                for n in spec.lines + spec.headers:
                    ctx.report.unsupported(n, f"NAT rule {name}/{spec.name}: {spec.bad}")
        if not any(s.bad is None for s in rule_set.rules.values()):
            for n in rule_set.lines:
                ctx.report.unsupported(n, f"NAT rule-set {name}: none of its rules is translated")
    wanted = {
        spec.then[2]
        for rule_set in sets.values()
        for spec in rule_set.rules.values()
        if spec.then[:2] == ("source-nat", "pool") and len(spec.then) == 3
    }
    for name, pool in state.bucket("nat pools").items():
        if name in used_pools:
            continue
        for n in pool.src.get(""):
            if name in wanted:
                ctx.report.unsupported(n, f"NAT pool {name} serves only rules not translated")
            else:
                ctx.report.ignored(n, f"NAT pool {name} is used by no rule")


def _source(
    ctx: Ctx,
    rule_set: RuleSet,
    spec: NatSpec,
    taken: list[tuple[IPv4Network, IPv4Network, tuple[str, ...]]],
    used_pools: set[str],
) -> str | None:
    state = junos(ctx)
    egress = _side(ctx, rule_set, "to")
    ingress = _side(ctx, rule_set, "from")
    if egress is None or len(egress) != 1:
        return "its traffic does not leave through exactly one interface (`to`)"
    if ingress is None:
        return "its `from` zone or interface is not in this file"
    then: tuple[str, ...] = spec.then
    pools: dict[str, NatPool] = state.bucket("nat pools")
    pool_name = then[2] if len(then) == 3 and then[:2] == ("source-nat", "pool") else None
    if then != ("source-nat", "interface") and pool_name not in pools:
        return f"`then {' '.join(then)}` is not translated"
    try:
        nets = [(s, d) for s in _nets(spec.sources) for d in _nets(spec.destinations)]
    except ValueError as exc:
        return f"a match is not understood ({exc})"
    for names, side in ((ingress, "inside"), (egress, "outside")):
        for name in names:
            other = ctx.config.interfaces.get(name)
            if other is not None and other.nat not in (None, side):
                return f"{name} would be NAT {side} here and NAT {other.nat} for another rule"
    for source, destination, target in taken:
        if target != then and any(s.overlaps(source) and d.overlaps(destination) for s, d in nets):
            return "it overlaps an earlier rule with another translation; the targets keep no order"
    acl = _acl(ctx, spec, nets)
    nat = NatRule(kind="dynamic", acl=acl.name, overload=True)
    if pool_name is None:
        nat.interface = egress[0]
    else:
        nat.pool = pool_name
        used_pools.add(pool_name)
        pool = pools[pool_name]
        ctx.config.services.nat_pools[pool.name] = pool
        ctx.config.services.at(pool.src.get("")[0], "nat_pools")
        header = state.bucket("nat pool headers").get(pool.name)
        if header is not None:
            claim_line(ctx, header, pool)
        no_pat = state.bucket("nat pools without pat").get(pool.name)
        if no_pat is not None:
            nat.overload = False
            nat.at(no_pat, "overload")
    nat.at(spec.then_line, "interface", "pool", "overload")
    for n in spec.lines + rule_set.lines:
        nat.at(n)
    for n in spec.headers:
        claim_line(ctx, n, nat)
    ctx.config.services.nat_rules.append(nat)
    ctx.config.services.at(spec.lines[0], "nat_rules")
    taken.extend((s, d, then) for s, d in nets)
    for names, side in ((ingress, "inside"), (egress, "outside")):
        for name in names:
            ifc = interface(ctx, name)
            ifc.nat = side  # type: ignore[assignment]
            ifc.at(rule_set.sides["from" if side == "inside" else "to"][2], "nat")
    return None


def _side(ctx: Ctx, rule_set: RuleSet, which: str) -> list[str] | None:
    """The interfaces (model names) of the rule-set's `from` or `to` side."""
    found = rule_set.sides.get(which)
    if found is None:
        return None
    kind, name, _ = found
    if kind == "interface":
        return [junos(ctx).index.ifname(name)]
    zone = ctx.config.security.zones.get(name)
    return list(zone.interfaces) if zone is not None else None


def _nets(texts: list[str]) -> list[IPv4Network]:
    nets = [ip_network(t, strict=False) for t in texts] or [IPv4Network("0.0.0.0/0")]
    if any(not isinstance(n, IPv4Network) for n in nets):
        raise ValueError("IPv6 NAT is not translated")
    return [n for n in nets if isinstance(n, IPv4Network)]


def _match(net: IPv4Network) -> AddrMatch | None:
    if net.prefixlen == 0:
        return None
    return AddrMatch(str(net.network_address), prefixlen_to_wildcard(net.prefixlen))


def _acl(ctx: Ctx, spec: NatSpec, nets: list[tuple[IPv4Network, IPv4Network]]) -> Acl:
    """The extended ACL selecting the rule's traffic: one permit per source/destination pair."""
    name = f"NAT-{spec.rule_set}-{spec.name}"
    acl = ctx.config.acls[name] = Acl(name=name, kind="extended")
    for i, (source, destination) in enumerate(nets, start=1):
        entry = AclEntry(
            seq=10 * i,
            action="permit",
            protocol="ip",
            source=_match(source),
            destination=_match(destination),
        )
        for n in spec.lines:
            if n != spec.then_line:
                entry.at(n)
        acl.entries.append(entry)
    for n in spec.lines:
        acl.at(n)
    return acl


def _static(ctx: Ctx, spec: NatSpec) -> str | None:
    then = spec.then
    if len(spec.destinations) != 1 or spec.sources:
        return "static NAT of more than one destination address is not translated"
    outside = ip_network(spec.destinations[0], strict=False)
    if then[:2] != ("static-nat", "prefix") or len(then) != 3:
        return f"`then {' '.join(then)}` is not translated"
    inside = ip_network(then[2], strict=False)
    if outside.prefixlen != 32 or inside.prefixlen != 32:
        return "network-to-network static NAT is not translated (hosts only)"
    nat = NatRule(
        kind="static",
        inside_address=str(inside.network_address),
        outside_address=str(outside.network_address),
    )
    for n in spec.lines:
        nat.at(n)
    nat.at(spec.then_line, "inside_address", "outside_address")
    for n in spec.headers:
        claim_line(ctx, n, nat)
    ctx.config.services.nat_rules.append(nat)
    ctx.config.services.at(spec.lines[0], "nat_rules")
    return None


NAT_TOP: list[Rule] = [
    rule(r"security nat (source|static) rule-set (\S+) (.+)", h_nat_rule_set),
    rule(r"security nat source pool (\S+) (.+)", h_nat_pool),
    rule(
        r"security nat destination .+",
        unsupported="destination NAT is one-way; the targets' static NAT also translates the "
        "sessions the inside host opens: build it on the target by hand",
    ),
    rule(
        r"security nat proxy-arp .+",
        unsupported="NAT proxy-ARP: the targets answer ARP for NAT addresses by their own "
        "rules; check the addresses on the target",
    ),
]

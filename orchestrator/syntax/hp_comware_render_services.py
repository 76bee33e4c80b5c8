"""Render NAT, the DHCP server and QoS (classifiers, behaviours, policies) in Comware 7 syntax."""

from __future__ import annotations

from orchestrator.model import DeviceConfig, Interface, NatRule, Police, PolicyClass, item_key
from orchestrator.syntax.base import Emitter

#: the model's class match kinds → classifier `if-match` forms
_MATCH_FORMS = {
    "access-group": "acl",
    "dscp": "dscp",
    "precedence": "ip-precedence",
    "cos": "service-dot1p",
    "vlan": "customer-vlan-id",
}
#: IOS's predefined catch-all class and Comware's
DEFAULT_CLASS = ("class-default", "default-class")


def render_qos(config: DeviceConfig, out: Emitter) -> None:
    services = config.services
    for cmap in services.class_maps.values():
        out.plain("#")
        operator = "or" if cmap.match == "any" else "and"
        with out.view(f"traffic classifier {cmap.name} operator {operator}", cmap, "", "match"):
            for kind, value in cmap.matches:
                text = classifier_match(kind, value)
                if text is None:
                    out.unsupported(
                        cmap,
                        "matches",
                        reason=f"class match {kind} {value} has no Comware if-match",
                    )
                    continue
                out.emit(f" if-match {text}", cmap, item_key("matches", (kind, value)))
    for policy in services.policy_maps.values():
        names: list[tuple[PolicyClass, str]] = []
        for entry in policy.classes:
            behavior = f"{policy.name}_{entry.class_name}"[:31]
            while any(b == behavior for _, b in names):
                behavior = behavior[:28] + f"_{len(names)}"
            lines = _behavior_lines(entry, out)
            if lines is None:
                continue
            names.append((entry, behavior))
            out.plain("#")
            with out.view(f"traffic behavior {behavior}", entry):
                for text, field in lines:
                    if field == "police" and entry.police is not None:
                        # one CAR line carries the policer and its actions' lines
                        out.item(f" {text}", entry.police, *_CAR_FIELDS)
                    else:
                        out.emit(f" {text}", entry, field)
        out.plain("#")
        with out.view(f"qos policy {policy.name}", policy):
            for entry, behavior in names:
                cls = (
                    DEFAULT_CLASS[1] if entry.class_name == DEFAULT_CLASS[0] else (entry.class_name)
                )
                out.emit(f" classifier {cls} behavior {behavior}", entry, "class_name")


def classifier_match(kind: str, value: str) -> str | None:
    negate = kind.startswith("not-")
    base = kind[4:] if negate else kind
    prefix = "not " if negate else ""
    if base == "any":
        return f"{prefix}any"
    form = _MATCH_FORMS.get(base)
    if form is None:
        return None
    if base == "access-group" and not value.isdigit():
        form = "acl name"
    return f"{prefix}{form} {value}"


_ACTION_FORMS = {
    "set-dscp": "remark dscp {}",
    "set-precedence": "remark ip-precedence {}",
    "set-cos": "remark dot1p {}",
}


def _behavior_lines(entry: PolicyClass, out: Emitter) -> list[tuple[str, str]] | None:
    lines: list[tuple[str, str]] = []
    for kind, value in entry.actions:
        text = action_text(kind, value)
        if text is None:
            out.unsupported(
                entry, "actions", reason=f"QoS action {kind} {value} has no Comware form"
            )
            continue
        lines.append((text, item_key("actions", (kind, value))))
    if entry.police is not None:
        car = _car(entry.police)
        if car is None:
            out.unsupported(
                entry, "police", reason="the policer's rates or actions have no Comware CAR form"
            )
        else:
            lines.append((car, "police"))
    return lines


def action_text(kind: str, value: str) -> str | None:
    if kind in _ACTION_FORMS:
        return _ACTION_FORMS[kind].format(value)
    words = value.split()
    queue = {"priority": "ef", "bandwidth": "af"}.get(kind)
    if queue is not None:
        if len(words) == 1 and words[0].isdigit():
            return f"queue {queue} bandwidth {words[0]}"
        if words[:1] == ["percent"] and len(words) == 2:
            return f"queue {queue} bandwidth pct {words[1]}"
        if kind == "bandwidth" and words[:2] == ["remaining", "percent"] and len(words) == 3:
            return f"queue af bandwidth remaining-pct {words[2]}"
        return None
    if kind == "shape-average" and value.isdigit() and int(value) % 1000 == 0:
        return f"gts cir {int(value) // 1000}"
    if kind == "fair-queue" and not value:
        return "queue wfq"
    if kind == "random-detect":
        return {
            "": "wred",
            "dscp-based": "wred dscp",
            "precedence-based": "wred ip-precedence",
        }.get(value)
    return None


_CAR_ACTIONS = {"transmit": "pass", "drop": "discard"}
#: what a `car` line writes
_CAR_FIELDS = ("cir", "cir_percent", "pir", "bc", "be", "conform", "exceed", "violate")


def _car(police: Police) -> str | None:
    if police.cir_percent is not None and police.cir is None:
        if police.bc is not None or police.be is not None or police.pir is not None:
            return None  # Comware counts bursts of a percentage CAR in milliseconds
        text = f"car cir percent {police.cir_percent}"
        return _car_actions(police, text)
    if police.cir is None or police.cir % 1000 or police.cir_percent is not None:
        return None
    text = f"car cir {police.cir // 1000}"
    if police.pir is not None:
        if police.pir % 1000:
            return None
        text += f" pir {police.pir // 1000}"
    if police.bc is not None:
        text += f" cbs {police.bc}"
    if police.be is not None:
        text += f" ebs {police.be}"
    return _car_actions(police, text)


def _car_actions(police: Police, text: str) -> str | None:
    colours = [("green", police.conform)]
    if police.violate is not None:
        colours += [("yellow", police.exceed), ("red", police.violate)]
    else:
        colours.append(("red", police.exceed))
    for colour, action in colours:
        if action is None:
            continue
        if action not in _CAR_ACTIONS:
            return None
        text += f" {colour} {_CAR_ACTIONS[action]}"
    return text


# --- NAT ------------------------------------------------------------------------------------


def _group_numbers(config: DeviceConfig) -> dict[str, int]:
    numbers: dict[str, int] = {}
    used = {int(n) for n in config.services.nat_pools if n.isdigit()}
    free = (n for n in range(1, 65536) if n not in used)
    for name in config.services.nat_pools:
        numbers[name] = int(name) if name.isdigit() else next(free)
    return numbers


def render_nat_groups(config: DeviceConfig, out: Emitter) -> None:
    numbers = _group_numbers(config)
    for name, pool in config.services.nat_pools.items():
        out.plain("#")
        label = "" if name.isdigit() else f" name {name}"
        with out.view(f"nat address-group {numbers[name]}{label}", pool, "", "name"):
            out.emit(f" address {pool.start} {pool.end}", pool, "start", "end")
        if pool.prefix_length is not None:
            out.ignore(pool, "prefix_length", rule="Comware address groups carry no netmask")


def render_nat_static(config: DeviceConfig, out: Emitter) -> None:
    """One-to-one static NAT is global on Comware; outside interfaces enable it."""
    rules = [r for r in config.services.nat_rules if _is_static_host(r)]
    if rules:
        out.plain("#")
    for rule in rules:
        out.emit(f" nat static outbound {rule.inside_address} {rule.outside_address}", rule)
        out.mark(rule, "kind", "inside_address", "outside_address")


def _is_static_host(rule: NatRule) -> bool:
    return rule.kind == "static" and rule.protocol is None


def _outside(config: DeviceConfig) -> list[str]:
    return [name for name, ifc in config.interfaces.items() if ifc.nat == "outside"]


#: what a `nat outbound` / `nat server` line writes of a rule
_NAT_FIELDS = (
    "kind",
    "acl",
    "pool",
    "overload",
    "interface",
    "protocol",
    "inside_address",
    "inside_port",
    "outside_address",
    "outside_port",
)


def render_interface_nat(config: DeviceConfig, ifc: Interface, out: Emitter) -> None:
    """The NAT statements of one interface (Comware translates on the outside interface)."""
    if ifc.nat == "inside":
        out.ignore(ifc, "nat", rule="Comware NAT needs no inside marking")
        return
    numbers = _group_numbers(config)
    outside = _outside(config)
    wrote = False
    for rule in config.services.nat_rules:
        if ifc.name not in ([rule.interface] if rule.interface else outside):
            continue
        if rule.vrf is not None or rule.route_map is not None:
            continue  # reported once, by `check_nat_rules`
        acl = (
            ""
            if rule.acl is None
            else (f" {rule.acl}" if rule.acl.isdigit() else f" name {rule.acl}")
        )
        if rule.kind == "dynamic" and rule.pool is not None and rule.pool in numbers:
            no_pat = "" if rule.overload else " no-pat"
            out.emit(f" nat outbound{acl} address-group {numbers[rule.pool]}{no_pat}", rule)
        elif rule.kind == "dynamic" and rule.interface == ifc.name and rule.pool is None:
            out.emit(f" nat outbound{acl}", rule)
        elif rule.kind == "static" and rule.protocol is not None:
            global_side = rule.outside_address or "current-interface"
            out.emit(
                f" nat server protocol {rule.protocol} global {global_side} "
                f"{rule.outside_port} inside {rule.inside_address} {rule.inside_port}",
                rule,
            )
        else:
            continue
        out.mark(rule, *_NAT_FIELDS)
        out.also(ifc, "nat")
        wrote = True
    if ifc.nat == "outside" and any(_is_static_host(r) for r in config.services.nat_rules):
        out.emit(" nat static enable", ifc, "nat")
        wrote = True
    if ifc.nat == "outside" and not wrote:
        out.ignore(ifc, "nat", rule="an outside interface without NAT rules translates nothing")


def check_nat_rules(config: DeviceConfig, out: Emitter) -> None:
    """Rules no interface can carry are reported (called once, after the interfaces)."""
    outside = _outside(config)
    numbers = _group_numbers(config)
    for rule in config.services.nat_rules:
        if rule.vrf is not None:
            out.unsupported(rule, reason="NAT inside a VRF is not translated")
        elif rule.route_map is not None:
            out.unsupported(rule, reason="Comware NAT selects traffic by ACL, not by route map")
        elif rule.kind == "dynamic" and rule.pool is not None and rule.pool not in numbers:
            out.unsupported(rule, reason=f"NAT pool {rule.pool} is not defined")
        elif not rule.interface and not outside and not _is_static_host(rule):
            out.unsupported(rule, reason="no outside interface to apply the rule on")
        elif rule.kind == "dynamic" and rule.pool is None and rule.interface is None:
            out.unsupported(rule, reason="dynamic NAT needs a pool or an interface")


# --- NQA (IP SLA) ---------------------------------------------------------------------------

#: the model's probe kinds → NQA test types
NQA_TYPES = {
    "icmp-echo": "icmp-echo",
    "udp-echo": "udp-echo",
    "tcp-connect": "tcp",
    "udp-jitter": "udp-jitter",
}


def render_nqa(config: DeviceConfig, out: Emitter) -> None:
    """IP SLA operations are NQA test groups of administrator `admin`, tagged by their id."""
    for probe in config.services.ip_slas.values():
        kind = NQA_TYPES.get(probe.kind)
        if kind is None:
            out.unsupported(probe, reason=f"{probe.kind} probes have no NQA test type")
            continue
        out.plain("#")
        with (
            out.view(f"nqa entry admin {probe.id}", probe, "", "id"),
            out.view(f" type {kind}", probe, "kind"),
        ):
            if probe.target:
                out.emit(f"  destination ip {probe.target}", probe, "target")
            if probe.target_port is not None:
                out.emit(f"  destination port {probe.target_port}", probe, "target_port")
            if probe.frequency_s is not None:
                out.emit(f"  frequency {probe.frequency_s * 1000}", probe, "frequency_s")
            if probe.timeout_ms is not None:
                out.emit(f"  probe timeout {probe.timeout_ms}", probe, "timeout_ms")
            if probe.source_address is not None:
                out.emit(f"  source ip {probe.source_address}", probe, "source_address")
            if probe.source_interface is not None:
                out.emit(f"  source interface {probe.source_interface}", probe, "source_interface")
            if probe.tos is not None:
                out.emit(f"  tos {probe.tos}", probe, "tos")
            if probe.vrf is not None:
                out.emit(f"  vpn-instance {probe.vrf}", probe, "vrf")
        start, life = probe.schedule_start, probe.schedule_life
        if start == "now" and life is not None:
            lifetime = "forever" if life == "forever" else f"{life}"
            out.emit(
                f" nqa schedule admin {probe.id} start-time now lifetime {lifetime}",
                probe,
                "schedule_start",
                "schedule_life",
            )
        elif start is not None or life is not None:
            out.unsupported(
                probe, "schedule_start", reason="NQA starts a test now or by date, not pending"
            )
            out.unsupported(
                probe, "schedule_life", reason="NQA starts a test now or by date, not pending"
            )


#: a DHCPv6 lifetime of all ones is infinite (RFC 8415)
INFINITE = 4294967295

# --- DHCP server ----------------------------------------------------------------------------


def render_dhcp(config: DeviceConfig, out: Emitter) -> None:
    services = config.services
    if services.dhcp_enabled is not None or services.dhcp_excluded:
        out.plain("#")
    if services.dhcp_enabled:
        out.emit(" dhcp enable", services, "dhcp_enabled")
    elif services.dhcp_enabled is False:
        out.ignore(services, "dhcp_enabled", rule="the DHCP service is off by default")
    for first, last in services.dhcp_excluded:
        tail = f" {last}" if last != first else ""
        text = f" dhcp server forbidden-ip {first}{tail}"
        out.emit(text, services, item_key("dhcp_excluded", (first, last)))
    if services.dhcp_use_vrf_connected is not None:
        out.ignore(
            services,
            "dhcp_use_vrf_connected",
            rule="Comware picks pools by the receiving interface's addresses in its VPN",
        )
    for pool in services.dhcp_pools.values():
        out.plain("#")
        with out.view(f"dhcp server ip-pool {pool.name}", pool):
            if pool.network is not None:
                out.emit(
                    f" network {pool.network.network_address} mask {pool.network.netmask}",
                    pool,
                    "network",
                )
            if pool.default_routers:
                out.emit(f" gateway-list {' '.join(pool.default_routers)}", pool, "default_routers")
            if pool.dns_servers:
                out.emit(f" dns-list {' '.join(pool.dns_servers)}", pool, "dns_servers")
            if pool.domain_name is not None:
                out.emit(f" domain-name {pool.domain_name}", pool, "domain_name")
            if pool.lease is not None:
                days, hours, minutes = pool.lease
                out.emit(f" expired day {days} hour {hours} minute {minutes}", pool, "lease")
    for pool6 in services.dhcp6_pools.values():
        out.plain("#")
        with out.view(f"ipv6 dhcp pool {pool6.name}", pool6):
            for i, (prefix, valid, preferred) in enumerate(pool6.address_prefixes):
                if i:
                    out.unsupported(
                        pool6,
                        "address_prefixes",
                        reason="a Comware DHCPv6 pool hands out one prefix",
                    )
                    break
                out.emit(
                    f" network {prefix} preferred-lifetime {preferred or INFINITE} "
                    f"valid-lifetime {valid or INFINITE}",
                    pool6,
                    "address_prefixes",
                )
            for server in pool6.dns_servers:
                out.emit(f" dns-server {server}", pool6, "dns_servers")
            if pool6.domain_name is not None:
                out.emit(f" domain-name {pool6.domain_name}", pool6, "domain_name")
    for number, rules in sorted(services.dialer_lists.items()):
        out.plain("#")
        for protocol, action in rules:
            if protocol not in ("ip", "ipv6") or action not in ("permit", "deny"):
                out.unsupported(
                    services,
                    "dialer_lists",
                    reason=f"dial traffic {protocol} {action} has no Comware rule",
                )
                break
            out.emit(f" dialer-group {number} rule {protocol} {action}", services, "dialer_lists")

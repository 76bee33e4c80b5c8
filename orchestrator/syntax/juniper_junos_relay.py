"""Junos DHCP relay → the helper addresses of the interfaces that relay.

ELS and MX write `forwarding-options dhcp-relay`: server groups of addresses, an active server
group (globally or per group of interfaces) and groups naming the interfaces; legacy EX writes
`forwarding-options helpers bootp` with servers and interfaces. Either way each listed interface
relays to the servers, which the targets write as helper (relay) addresses on the interface.
Relay options the model cannot hold (option 82, forward-only, overrides) are unsupported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestrator.syntax.juniper_junos_index import interface, junos
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, unquote
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line


@dataclass
class Relay:
    """The DHCP relay of one routing table (the global one, or a routing instance)."""

    servers: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # group -> (addr, n)
    active: tuple[str, int] | None = None  # the default active server group
    groups: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # group -> (ifc, n)
    group_active: dict[str, tuple[str, int]] = field(default_factory=dict)
    helpers: list[tuple[str, int]] = field(default_factory=list)  # legacy bootp servers
    helper_ports: list[tuple[str, int]] = field(default_factory=list)


def _relay(ctx: Ctx, vrf: str | None) -> Relay:
    relays: dict[str | None, Relay] = junos(ctx).bucket("relay")
    return relays.setdefault(vrf, Relay())


def relay_statement(ctx: Ctx, line: Line, text: str, vrf: str | None) -> None:
    """`dhcp-relay ...` or `helpers bootp ...` (the words after `forwarding-options`)."""
    words = [unquote(w) for w in tokens(text) if w not in ("[", "]")]
    relay = _relay(ctx, vrf)
    if words[:2] == ["helpers", "bootp"]:
        rest = words[2:]
        if rest[:1] == ["server"] and len(rest) >= 2:
            relay.helpers.extend((a, line.n) for a in rest[1:])
        elif rest[:1] == ["interface"] and len(rest) >= 2:
            relay.helper_ports.extend((i, line.n) for i in rest[1:])
        else:
            ctx.report.unsupported(line, f"bootp helper option `{' '.join(rest)}`")
        return
    rest = words[1:]
    if rest[:1] == ["server-group"] and len(rest) >= 3:
        relay.servers.setdefault(rest[1], []).extend((a, line.n) for a in rest[2:])
    elif rest[:1] == ["active-server-group"] and len(rest) == 2:
        relay.active = (rest[1], line.n)
    elif rest[:1] == ["group"] and len(rest) >= 4 and rest[2] == "interface":
        relay.groups.setdefault(rest[1], []).append((rest[3], line.n))
        if len(rest) > 4:
            ctx.report.unsupported(line, f"relay option `{' '.join(rest[4:])}` on an interface")
    elif rest[:1] == ["group"] and len(rest) == 4 and rest[2] == "active-server-group":
        relay.group_active[rest[1]] = (rest[3], line.n)
    else:
        ctx.report.unsupported(line, f"DHCP relay option `{' '.join(rest)}` is not translated")


def h_relay(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    relay_statement(ctx, line, m.group(1), None)


def finish_relay(ctx: Ctx) -> None:
    relays: dict[str | None, Relay] = junos(ctx).bucket("relay")
    idx = junos(ctx).index
    for relay in relays.values():
        for ref, n in relay.helper_ports:
            _helpers(ctx, idx.ifname(ref), relay.helpers, n)
        for group, members in relay.groups.items():
            active = relay.group_active.get(group) or relay.active
            servers = relay.servers.get(active[0], []) if active else []
            for ref, n in members:
                if not servers:
                    ctx.report.unsupported(n, f"DHCP relay group {group} has no server group")
                    continue
                assert active is not None
                _helpers(ctx, idx.ifname(ref), [*servers, ("", active[1])], n)


def _helpers(ctx: Ctx, name: str, servers: list[tuple[str, int]], n: int) -> None:
    """Each helper comes from its server line, and from the lines that bind the servers to
    the interface (``n``, and an active server group line: address "")."""
    ifc = interface(ctx, name)
    shared = [source for address, source in servers if not address] + [n]
    for address, source in servers:
        if not address:
            continue
        if address not in ifc.helper_addresses:
            ifc.helper_addresses.append(address)
        for line in (source, *shared):
            ifc.at_item(line, "helper_addresses", address)
    for line in shared:
        ifc.at(line, "helper_addresses")


RELAY_TOP: list[Rule] = [
    rule(r"forwarding-options ((?:dhcp-relay|helpers bootp) .+)", h_relay),
]

"""SRX security zones, address books and screens → the model's zone-based firewall objects.

* ``security zones security-zone Z`` → `SecurityZone` (member interfaces by model name,
  host-inbound-traffic services and protocols, per-interface additions, screen, tcp-rst);
  the zones' own address books (older Junos) become zone-scoped `SecurityAddress` objects;
* ``security address-book B`` → `SecurityAddress` / `SecurityAddressSet`, scoped to the zone
  the book is attached to (``global`` and unattached books: no zone);
* ``security screen ids-option S`` → `Screen` (checks under neutral names, flood thresholds);
  ``tcp syn-flood`` writes out the Junos defaults of the thresholds it leaves unset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from ipaddress import ip_address, ip_network

from orchestrator.model import (
    Screen,
    SecurityAddress,
    SecurityAddressSet,
    SecurityZone,
    ZoneInterfaceInbound,
)
from orchestrator.syntax.juniper_junos_index import claim, junos, sub
from orchestrator.syntax.juniper_junos_text import Stmt, unquote, values
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line

#: Junos predefined zone standing for the box itself → the model's name for it.
JUNOS_HOST = "junos-host"


@dataclass
class ZoneScope:
    stmt: Stmt
    zone: SecurityZone


def h_zone(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2) or ""
    zones = ctx.config.security.zones
    zone = zones.get(name)
    if zone is None:
        zone = zones[name] = SecurityZone(name=name)
    zone.at(line.n)
    ctx.config.security.at(line.n, "zones")
    claim(ctx, stmt, 4, zone)
    if rest:
        sub(ctx, stmt, rest, ZONE_RULES, ZoneScope(stmt, zone), f"security zone {name}")


def z_interface(ctx: Ctx, line: Line, m: re.Match[str], s: ZoneScope) -> None:
    name = junos(ctx).index.ifname(m.group(1))
    if name not in s.zone.interfaces:
        s.zone.interfaces.append(name)
    s.zone.at_item(line.n, "interfaces", name)
    claim(ctx, s.stmt, 6, s.zone, "interfaces")
    if m.group(2) is None:
        return
    kind, item = m.group(3), m.group(4)
    if m.group(5):
        ctx.report.unsupported(line, "`except` (every service but some) is not carried")
        return
    found = next((i for i in s.zone.interface_inbound if i.interface == name), None)
    if found is None:
        found = ZoneInterfaceInbound(interface=name)
        s.zone.interface_inbound.append(found)
    target = found.services if kind == "system-services" else found.protocols
    if item not in target:
        target.append(item)
    found.at(line.n, "services" if kind == "system-services" else "protocols")
    s.zone.at(line.n, "interface_inbound")


def z_inbound(ctx: Ctx, line: Line, m: re.Match[str], s: ZoneScope) -> None:
    if m.group(3):
        ctx.report.unsupported(line, "`except` (every service but some) is not carried")
        return
    field = "host_inbound_services" if m.group(1) == "system-services" else "host_inbound_protocols"
    target: list[str] = getattr(s.zone, field)
    if m.group(2) not in target:
        target.append(m.group(2))
    s.zone.at(line.n, field)


def z_screen(ctx: Ctx, line: Line, m: re.Match[str], s: ZoneScope) -> None:
    s.zone.screen = unquote(m.group(1))
    s.zone.at(line.n, "screen")


def z_tcp_rst(ctx: Ctx, line: Line, m: re.Match[str], s: ZoneScope) -> None:
    s.zone.tcp_rst = True
    s.zone.at(line.n, "tcp_rst")


def z_description(ctx: Ctx, line: Line, m: re.Match[str], s: ZoneScope) -> None:
    s.zone.description = unquote(m.group(1))
    s.zone.at(line.n, "description")


def z_address(ctx: Ctx, line: Line, m: re.Match[str], s: ZoneScope) -> None:
    _address(ctx, line, s.stmt, s.zone.name, unquote(m.group(1)), m.group(2), depth=7)


def z_address_set(ctx: Ctx, line: Line, m: re.Match[str], s: ZoneScope) -> None:
    _address_set(ctx, line, s.stmt, s.zone.name, unquote(m.group(1)), m.group(2), depth=7)


_INBOUND = r"host-inbound-traffic (system-services|protocols) (\S+)( except)?"

ZONE_RULES: list[Rule] = [
    rule(rf"interfaces (\S+)( {_INBOUND})?", z_interface),
    rule(_INBOUND, z_inbound),
    rule(r"screen (\S+)", z_screen),
    rule(r"tcp-rst", z_tcp_rst),
    rule(r"description (.+)", z_description),
    rule(r"address-book address (\S+) (.+)", z_address),
    rule(r"address-book address-set (\S+) (.+)", z_address_set),
    rule(
        r"application-tracking",
        unsupported="application tracking (AppTrack statistics) is not translated",
    ),
]


# --- address books -----------------------------------------------------------------------------


def h_book(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    book, kind, name, rest = unquote(m.group(1)), m.group(2), unquote(m.group(3)), m.group(4)
    books: dict[str, str | None] = junos(ctx).bucket("address books")
    books.setdefault(book, None)
    if kind == "address":
        _address(ctx, line, stmt, book, name, rest, depth=5)
    else:
        _address_set(ctx, line, stmt, book, name, rest, depth=5)


def h_book_attach(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    junos(ctx).bucket("address books")[unquote(m.group(1))] = unquote(m.group(2))
    junos(ctx).bucket("attach lines")[unquote(m.group(1))] = line.n


def _address(
    ctx: Ctx, line: Line, stmt: Stmt, book: str, name: str, rest: str, *, depth: int
) -> None:
    addresses = ctx.config.security.addresses
    entry = addresses.get(name)
    owners: dict[str, str] = junos(ctx).bucket("address owners")
    if entry is not None and owners.get(name) != book:
        ctx.report.unsupported(
            line, f"address {name} is also defined in address book {owners[name]}"
        )
        return
    words = values(rest)
    field, value = _address_value(words)
    if field is None:
        # the object must not stand in a rule with less than it matches: it goes whole
        junos(ctx).bucket("bad addresses").setdefault(name, line.n)
        ctx.report.unsupported(line, f"address form `{rest}` is not translated")
        return
    if entry is None:
        entry = addresses[name] = SecurityAddress(name=name)
        owners[name] = book
    setattr(entry, field, value)
    entry.at(line.n, field)
    entry.at(line.n)
    ctx.config.security.at(line.n, "addresses")
    claim(ctx, stmt, depth, entry)


def _address_value(words: list[str]) -> tuple[str | None, object]:
    """The `SecurityAddress` field an address statement sets, and its value."""
    if words[0] == "description":
        return "description", " ".join(words[1:])
    if words[0] == "dns-name" and len(words) == 2:
        return "dns_name", words[1]
    if words[0] == "range-address" and len(words) == 4 and words[2] == "to":
        return "range", (str(ip_address(words[1])), str(ip_address(words[3])))
    if len(words) == 1:
        return "prefix", ip_network(words[0], strict=False)
    return None, None


def _address_set(
    ctx: Ctx, line: Line, stmt: Stmt, book: str, name: str, rest: str, *, depth: int
) -> None:
    sets = ctx.config.security.address_sets
    entry = sets.get(name)
    if entry is None:
        entry = sets[name] = SecurityAddressSet(name=name)
        junos(ctx).bucket("address owners")[f"set {name}"] = book
    words = values(rest)
    if words[0] == "address" and len(words) == 2:
        entry.addresses.append(words[1])
        entry.at(line.n, "addresses")
    elif words[0] == "address-set" and len(words) == 2:
        entry.address_sets.append(words[1])
        entry.at(line.n, "address_sets")
    elif words[0] == "description":
        entry.description = " ".join(words[1:])
        entry.at(line.n, "description")
    else:
        ctx.report.unsupported(line, f"address-set member `{rest}` is not translated")
        return
    entry.at(line.n)
    ctx.config.security.at(line.n, "address_sets")
    claim(ctx, stmt, depth, entry)


def finish_zones(ctx: Ctx) -> None:
    """Scope each address object to its book's zone (zone books: the zone itself); write out
    the SYN flood defaults."""
    _syn_flood_defaults(ctx)
    state = junos(ctx)
    security = ctx.config.security
    for name, address in list(security.addresses.items()):
        if address.prefix is None and address.range is None and address.dns_name is None:
            state.bucket("bad addresses").setdefault(name, 0)
    for name, n in state.bucket("bad addresses").items():
        dropped = security.addresses.pop(name, None)
        lines = sorted(dropped.src.every()) if dropped is not None else []
        for line in lines:
            ctx.report.unsupported(
                line, f"address {name}: " + (f"line {n} is not translated" if n else "no address")
            )
    books: dict[str, str | None] = state.bucket("address books")
    owners: dict[str, str] = state.bucket("address owners")
    entries: list[tuple[str, SecurityAddress | SecurityAddressSet]] = [
        (owners[name], a) for name, a in security.addresses.items()
    ] + [(owners[f"set {name}"], a) for name, a in security.address_sets.items()]
    for book, entry in entries:
        if book in security.zones and book not in books:
            entry.zone = book  # a zone's own address book
            for n in entry.src.get(""):
                entry.at(n, "zone")
        elif books.get(book) is not None:
            entry.zone = books[book]
            entry.at(state.bucket("attach lines")[book], "zone")


# --- screens ---------------------------------------------------------------------------------

#: Junos screen options → the model's neutral check names (see `Screen.checks`)
SCREEN_CHECKS = {
    "icmp ping-death": "ping-of-death",
    "icmp fragment": "icmp-fragment",
    "icmp large": "icmp-large",
    "ip tear-drop": "teardrop",
    "ip block-frag": "ip-fragment",
    "ip spoofing": "ip-spoofing",
    "ip unknown-protocol": "unknown-protocol",
    "ip source-route-option": "ip-source-route",
    "ip loose-source-route-option": "ip-loose-source-route",
    "ip strict-source-route-option": "ip-strict-source-route",
    "ip record-route-option": "ip-record-route",
    "ip timestamp-option": "ip-timestamp",
    "ip security-option": "ip-security-option",
    "ip stream-option": "ip-stream-option",
    "ip bad-option": "ip-bad-option",
    "tcp land": "land",
    "tcp winnuke": "winnuke",
    "tcp syn-fin": "syn-fin",
    "tcp tcp-no-flag": "tcp-no-flag",
    "tcp fin-no-ack": "fin-no-ack",
    "tcp syn-frag": "syn-fragment",
}
#: `tcp syn-flood` settings → Screen field, with the Junos default written out when unset
SYN_FLOOD = {
    "attack-threshold": ("floods", 200),
    "alarm-threshold": ("syn_alarm_threshold", 512),
    "source-threshold": ("syn_source_threshold", 4000),
    "destination-threshold": ("syn_destination_threshold", 4000),
    "timeout": ("syn_timeout", 20),
}
FLOOD_DEFAULT = 1000  # Junos ICMP and UDP flood threshold, packets per second


def h_screen(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2) or ""
    screens = ctx.config.security.screens
    screen = screens.get(name)
    if screen is None:
        screen = screens[name] = Screen(name=name)
    screen.at(line.n)
    ctx.config.security.at(line.n, "screens")
    claim(ctx, stmt, 4, screen)
    check = SCREEN_CHECKS.get(rest)
    flood = re.fullmatch(r"(icmp|udp) flood(?: threshold (\d+))?", rest)
    syn = re.fullmatch(r"tcp syn-flood(?: (\S+) (\d+))?", rest)
    if not rest:
        return
    if check is not None:
        if check not in screen.checks:
            screen.checks.append(check)
        screen.at_item(line.n, "checks", check)
    elif flood is not None:
        screen.floods[flood.group(1)] = int(flood.group(2) or FLOOD_DEFAULT)
        screen.at_item(line.n, "floods", flood.group(1))
    elif syn is not None and (syn.group(1) is None or syn.group(1) in SYN_FLOOD):
        junos(ctx).bucket("syn flood").setdefault(name, line.n)
        if syn.group(1) is not None:
            field, _ = SYN_FLOOD[syn.group(1)]
            if field == "floods":
                screen.floods["syn"] = int(syn.group(2))
                screen.at_item(line.n, "floods", "syn")
            else:
                setattr(screen, field, int(syn.group(2)))
                screen.at(line.n, field)
    else:
        ctx.report.unsupported(line, f"screen option `{rest}` is not translated")


def _syn_flood_defaults(ctx: Ctx) -> None:
    """A screen with `tcp syn-flood` gets the Junos default of each threshold it leaves unset,
    from its first syn-flood line."""
    for name, n in junos(ctx).bucket("syn flood").items():
        screen = ctx.config.security.screens[name]
        for field, default in SYN_FLOOD.values():
            if field == "floods" and "syn" not in screen.floods:
                screen.floods["syn"] = default
                screen.at_item(n, "floods", "syn")
            elif field != "floods" and getattr(screen, field) is None:
                setattr(screen, field, default)
                screen.at(n, field)


ZONES_TOP: list[Rule] = [
    rule(r"security zones security-zone (\S+)(?: (.+))?", h_zone),
    rule(
        r"security zones functional-zone .+",
        unsupported="the SRX management functional zone is not translated",
    ),
    rule(r"security address-book (\S+) attach zone (\S+)", h_book_attach),
    rule(r"security address-book (\S+) (address|address-set) (\S+) (.+)", h_book),
    rule(
        r"security address-book \S+ description .+",
        ignore="a description of an address book, which the targets do not group in books",
    ),
    rule(r"security screen ids-option (\S+)(?: (.+))?", h_screen),
]

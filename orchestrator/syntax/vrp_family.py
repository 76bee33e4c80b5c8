"""What Huawei VRP and H3C Comware share: both descend from the same VRP code, so their config
text is nested the same way, they write VLAN lists and masks alike, and their ACLs live in the
same numbered ranges with the same protocol and ICMP names.

Each platform's own spellings (severity names, secret forms, name rules) stay in its module;
this module holds only what is the same on both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from orchestrator.model import DeviceConfig
from orchestrator.model.walk import rename_item_keys
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.rules import vlan_ranges
from orchestrator.syntax.text import Line

# --- the view tree ----------------------------------------------------------------------------


def build_tree(
    lines: list[Line], counted: set[int], continues: Mapping[str, re.Pattern[str]] | None = None
) -> list[Line]:
    """Nest ``lines`` (every line of the file) into views; only counted lines are kept.

    Both print `#` between blocks and indent nested views by one space per level, but they
    also indent some top-level commands (` sysname X`) by one space after a `#`; so a `#` at
    column c closes every view opened at column c or deeper. ``continues`` names, per opener
    word, the lines that re-enter that view after a column-0 `#` closed it (VRP NE40E
    examples write ` ipv4-family` after a `#` inside `bgp`).
    """
    roots: list[Line] = []
    stack: list[Line] = []
    last_root: Line | None = None
    closed: Line | None = None  # the root a column-0 `#` just closed
    for line in lines:
        if line.n not in counted:
            if line.text.startswith("#"):
                while stack and stack[-1].indent >= line.indent:
                    stack.pop()
                if line.indent == 0:
                    closed = last_root
            continue
        line.children = []
        while stack and stack[-1].indent >= line.indent:
            stack.pop()
        if continues and not stack and line.indent > 0 and closed is not None:
            pattern = continues.get(closed.words[0] if closed.words else "")
            if pattern is not None and pattern.match(line.text):
                stack.append(closed)
        if stack:
            line.parent = stack[-1]
            stack[-1].children.append(line)
        else:
            line.parent = None
            roots.append(line)
            last_root = line
            closed = None
        stack.append(line)
    return roots


# --- values -----------------------------------------------------------------------------------


def vlan_words(words: list[str]) -> list[int]:
    """`10 20 to 30 40` → [10, 20, 21, ..., 30, 40].

    >>> vlan_words("10 20 to 22".split())
    [10, 20, 21, 22]
    """
    out: list[int] = []
    i = 0
    while i < len(words):
        lo = int(words[i])
        if i + 2 < len(words) and words[i + 1] == "to":
            out.extend(range(lo, int(words[i + 2]) + 1))
            i += 3
        else:
            out.append(lo)
            i += 1
    return out


def vlan_text(vlans: list[int], limit: int = 10) -> list[str]:
    """VLAN ids as both write them, at most ``limit`` items a line.

    >>> vlan_text([10, 20, 21, 22])
    ['10 20 to 22']
    """
    items = [f"{lo}" if lo == hi else f"{lo} to {hi}" for lo, hi in vlan_ranges(list(vlans))]
    return [" ".join(items[i : i + limit]) for i in range(0, len(items), limit)]


# --- ACLs -------------------------------------------------------------------------------------

#: numbered ACL ranges: basic 2000-2999, advanced 3000-3999 (IPv6 uses the same), layer 2
ACL_RANGES: dict[str, tuple[int, int]] = {
    "standard": (2000, 2999),
    "extended": (3000, 3999),
    "ipv6": (3000, 3999),
    "mac": (4000, 4999),
}


def acl_kind_of_number(number: int) -> str | None:
    """The kind of ACL a number makes: basic, advanced or layer 2."""
    for kind in ("standard", "extended", "mac"):
        low, high = ACL_RANGES[kind]
        if low <= number <= high:
            return kind
    return None


def acl_number(name: str, kind: str) -> int | None:
    """The family's number for a numbered ACL of another vendor, or None if it is no number.

    Cisco standard 1-99 → 2001-2099 and 1300-1999 → 2100-2799; extended 100-199 → 3100-3199
    and 2000-2699 → 3200-3899; numbers already in the family's range keep their number.

    >>> acl_number("10", "standard"), acl_number("101", "extended"), acl_number("MGMT", "standard")
    (2010, 3101, None)
    """
    if not name.isdigit():
        return None
    number = int(name)
    own = ACL_RANGES.get(kind)
    if own is not None and own[0] <= number <= own[1]:
        return number
    if kind == "standard":
        if 1 <= number <= 99:
            return 2000 + number
        if 1300 <= number <= 1999:
            return 2100 + number - 1300
    if kind in ("extended", "ipv6"):
        if 100 <= number <= 199:
            return 3000 + number
        if 2000 <= number <= 2699:
            return 3200 + number - 2000
    return None


#: protocol names an ACL rule takes by name; others are written as numbers
ACL_PROTOCOLS = frozenset({"ip", "tcp", "udp", "icmp", "gre", "ospf", "igmp"})

#: IOS protocol names both know only by number
PROTOCOL_NUMBERS: dict[str, str] = {
    "esp": "50",
    "ahp": "51",
    "ah": "51",
    "pim": "103",
    "eigrp": "88",
    "igrp": "9",
    "nos": "94",
    "pcp": "108",
    "vrrp": "112",
    "sctp": "132",
}

#: ICMP message names an ACL rule takes
ICMP_NAMES = frozenset(
    {
        "echo",
        "echo-reply",
        "fragmentneed-DFset",
        "host-redirect",
        "host-tos-redirect",
        "host-unreachable",
        "information-reply",
        "information-request",
        "net-redirect",
        "net-tos-redirect",
        "net-unreachable",
        "parameter-problem",
        "port-unreachable",
        "protocol-unreachable",
        "reassembly-timeout",
        "source-quench",
        "source-route-failed",
        "timestamp-reply",
        "timestamp-request",
        "ttl-exceeded",
    }
)

#: IOS ICMP names the family lacks → its name or "type[/code]"
ICMP_FROM_IOS: dict[str, str] = {
    "unreachable": "3",
    "time-exceeded": "11",
    "redirect": "5",
    "packet-too-big": "fragmentneed-DFset",
    "administratively-prohibited": "3/13",
    "mask-request": "17",
    "mask-reply": "18",
    "router-advertisement": "9",
    "router-solicitation": "10",
    "traceroute": "30",
}


def rename_acls(
    config: DeviceConfig,
    notes: Emitter,
    platform: str,
    name_ok: Callable[[str], bool],
) -> dict[str, str]:
    """Numbered ACLs of other vendors get the family's numbers, and names the platform refuses
    (``name_ok``) become `acl-<name>`; returns old name → new name (references not changed)."""
    renames: dict[str, str] = {}
    taken = set(config.acls)
    for name, acl in list(config.acls.items()):
        number = acl_number(name, acl.kind)
        new = str(number) if number is not None else name
        if number is None and not name_ok(name):
            new = "acl-" + re.sub(r"[^\w.-]", "-", name)
        if new == name:
            continue
        while new in taken:
            new += "-1"
        taken.add(new)
        renames[name] = new
        notes.change(acl, "", note=f"ACL {name} is called {new} on {platform}")
    if renames:
        config.acls = {renames.get(k, k): v for k, v in config.acls.items()}
        for new in renames.values():
            config.acls[new].name = new
    return renames


def rename_acl_references(config: DeviceConfig, rename: Callable[[str], str]) -> None:
    """Apply ``rename`` to every place the model names an IPv4/IPv6 ACL."""
    for ifc in config.interfaces.values():
        for field in ("acl_in", "acl_out", "ipv6_acl_in", "ipv6_acl_out"):
            value = getattr(ifc, field)
            if value is not None:
                setattr(ifc, field, rename(value))
    system = config.system
    for line in system.lines:
        if line.acl_in is not None:
            line.acl_in = rename(line.acl_in)
        if line.ipv6_acl_in is not None:
            line.ipv6_acl_in = rename(line.ipv6_acl_in)
    if system.http_access_class is not None:  # a basic ACL in both numberings
        system.http_access_class = rename(system.http_access_class)
    for community in system.snmp.communities:
        if community.acl is not None:
            community.acl = rename(community.acl)
    for nat in config.services.nat_rules:
        if nat.acl is not None:
            nat.acl = rename(nat.acl)
    for policy in config.security.zone_policies:
        if policy.acl is not None:
            policy.acl = rename(policy.acl)
    for route_map in config.route_maps.values():
        for entry in route_map.entries:
            for match in entry.matches:
                if match.kind == "ip-address-acl":
                    match.values = [rename(v) for v in match.values]
    for cmap in config.services.class_maps.values():
        renamed = [(k, rename(v) if k.endswith("access-group") else v) for k, v in cmap.matches]
        rename_item_keys(cmap, "matches", cmap.matches, renamed)
        cmap.matches = renamed

"""Cisco access lists (IOS named and numbered, IPv6; NX-OS reuses the entry grammar)."""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import Acl, AclEntry, AddrMatch, PortMatch
from orchestrator.syntax.rules import (
    PORT_NAMES,
    Ctx,
    Rule,
    port_number,
    prefixlen_to_wildcard,
    rule,
)
from orchestrator.syntax.text import Line

_STANDARD_NUMBERS = (range(1, 100), range(1300, 2000))
_EXTENDED_NUMBERS = (range(100, 200), range(2000, 2700))
#: Cisco protocol keywords → the model's protocol names (well-known names, else numbers).
PROTOCOLS = {
    "ip": "ip",
    "ipv6": "ip",
    "tcp": "tcp",
    "udp": "udp",
    "icmp": "icmp",
    "icmpv6": "icmp",
    "ospf": "ospf",
    "gre": "gre",
    "esp": "50",
    "ahp": "51",
    "pim": "pim",
    "igmp": "igmp",
    "eigrp": "88",
    "sctp": "132",
    "nos": "94",
    "ipinip": "4",
    "vrrp": "112",
}


class AclSyntaxError(ValueError):
    """An ACL entry this grammar does not take; the line is reported unsupported."""


def _acl_kind(number: int) -> str | None:
    if any(number in r for r in _STANDARD_NUMBERS):
        return "standard"
    if any(number in r for r in _EXTENDED_NUMBERS):
        return "extended"
    return None


def _address(words: list[str], ipv6: bool) -> AddrMatch | None:
    """Consume an address spec from ``words``: any | host A | A W | A/len."""
    if not words:
        raise AclSyntaxError("address expected")
    word = words.pop(0)
    if word == "any":
        return None
    if word == "host":
        address = words.pop(0)
        return AddrMatch(address, "/128" if ipv6 else "0.0.0.0")
    if word in ("object-group", "addrgroup"):
        raise AclSyntaxError("object groups are not translated")
    if "/" in word:
        address, length = word.split("/", 1)
        if ipv6 or ":" in address:
            return AddrMatch(address, f"/{length}")
        return AddrMatch(address, prefixlen_to_wildcard(int(length)))
    if re.fullmatch(r"\d+\.\d+\.\d+\.\d+", word):
        if words and re.fullmatch(r"\d+\.\d+\.\d+\.\d+", words[0]):
            return AddrMatch(word, words.pop(0))
        return AddrMatch(word, "0.0.0.0")  # standard ACL: a bare address is a host
    raise AclSyntaxError(f"address expected, got {word!r}")


def _ports(words: list[str]) -> PortMatch | None:
    if not words or words[0] not in ("eq", "neq", "lt", "gt", "range"):
        return None
    op = words.pop(0)
    values: list[int] = []
    if op == "range":
        values = [port_number(words.pop(0)), port_number(words.pop(0))]
    elif op == "eq":
        values.append(port_number(words.pop(0)))
        while words and (words[0].isdigit() or words[0].lower() in _PORT_WORDS):
            values.append(port_number(words.pop(0)))
    else:
        values.append(port_number(words.pop(0)))
    return PortMatch(op, tuple(values))  # type: ignore[arg-type]


_PORT_WORDS = frozenset(PORT_NAMES)


def parse_entry(text: str, kind: str, *, seq: int | None = None) -> AclEntry:
    """One ACL entry (`[seq] permit|deny ...`, or `remark ...`) in IOS/NX-OS grammar."""
    words = text.split()
    if words and words[0] in ("sequence",):
        words.pop(0)
    if words and words[0].isdigit():
        seq = int(words.pop(0))
    if not words:
        raise AclSyntaxError("empty entry")
    if words[0] == "remark":
        return AclEntry(seq=seq, remark=text.split("remark", 1)[1].strip())
    action = words.pop(0)
    if action not in ("permit", "deny"):
        raise AclSyntaxError(f"permit or deny expected, got {action!r}")
    entry = AclEntry(seq=seq, action=action)  # type: ignore[arg-type]
    ipv6 = kind == "ipv6"
    if kind == "standard":
        entry.source = _address(words, False)
    else:
        if not words:
            raise AclSyntaxError("protocol expected")
        proto = words.pop(0)
        if proto.isdigit():
            entry.protocol = proto
        elif proto in PROTOCOLS:
            entry.protocol = PROTOCOLS[proto]
        else:
            raise AclSyntaxError(f"protocol {proto!r} is not translated")
        entry.source = _address(words, ipv6)
        entry.source_port = _ports(words)
        entry.destination = _address(words, ipv6)
        entry.destination_port = _ports(words)
    while words:
        word = words.pop(0)
        if word == "established":
            entry.established = True
        elif word in ("log", "log-input"):
            entry.log = True
        elif word == "fragments":
            entry.fragments = True
        elif word == "dscp" and words:
            entry.dscp = words.pop(0)
        elif word == "precedence" and words:
            entry.precedence = words.pop(0)
        elif word == "time-range" and words:
            entry.time_range = words.pop(0)
        elif entry.protocol == "icmp" and entry.icmp_type is None and not word.startswith("-"):
            entry.icmp_type = (
                word if not (words and words[0].isdigit()) else (f"{word}/{words.pop(0)}")
            )
        else:
            raise AclSyntaxError(f"option {word!r} is not translated")
    return entry


def add_entry(ctx: Ctx, line: Line, acl: Acl, text: str) -> None:
    try:
        entry = parse_entry(text, acl.kind)
    except (AclSyntaxError, KeyError, IndexError, ValueError) as exc:
        ctx.report.unsupported(line, f"ACL entry not translated: {exc}")
        return
    entry.at(line.n)
    acl.entries.append(entry)
    acl.at(line.n, "entries")


def _acl(ctx: Ctx, name: str, kind: str, line: Line) -> Acl:
    acl = ctx.config.acls.get(name)
    if acl is None:
        acl = Acl(name=name, kind=kind)  # type: ignore[arg-type]
        ctx.config.acls[name] = acl
    acl.at(line.n)
    return acl


def p_named_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    family, kind, name = m.group(1), m.group(2), m.group(3)
    if family == "ipv6":
        kind = "ipv6"
    acl = _acl(ctx, name, kind or "extended", line)
    for child in line.children:
        text = child.text
        if text.startswith("description "):
            acl.description = text.split(" ", 1)[1]
            acl.at(child.n, "description")
            ctx.report.parsed(child)
            continue
        if text.startswith("statistics per-entry"):
            ctx.report.ignored(child, "per-entry ACL counters are a monitoring setting")
            continue
        ctx.report.parsed(child)
        add_entry(ctx, child, acl, text)


def p_numbered_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    number = int(m.group(1))
    kind = _acl_kind(number)
    if kind is None:
        ctx.report.unsupported(line, f"access-list {number} is not an IP access list")
        return
    acl = _acl(ctx, str(number), kind, line)
    add_entry(ctx, line, acl, m.group(2))


ACL_RULES: list[Rule] = []

ACL_TOP: list[Rule] = [
    rule(r"(ip|ipv6) access-list (?:(standard|extended) )?(\S+)", p_named_acl),
    rule(r"access-list (\d+) (.+)", p_numbered_acl),
]

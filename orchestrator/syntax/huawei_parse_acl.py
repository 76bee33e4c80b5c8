"""VRP ACLs: `acl number N` / `acl name X basic|advance` views and their rules.

Rules the device numbers itself (5, 10, 15, ... in steps of 5) read as unnumbered entries, so
that a list written without numbers comes back the same; any other numbering is kept.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    Acl,
    AclEntry,
    AddrMatch,
    PortMatch,
)
from orchestrator.syntax.rules import Ctx, port_number, prefixlen_to_wildcard
from orchestrator.syntax.text import Line
from orchestrator.syntax.vrp_family import acl_kind_of_number


def p_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`acl [number] N`, `acl name X [basic|advance] [number N]`, `acl ipv6 ...`."""
    words = line.words[1:]
    ipv6 = words[:1] == ["ipv6"]
    if ipv6:
        words = words[1:]
    name: str | None = None
    kind: str | None = None
    number: int | None = None
    while words:
        word = words.pop(0)
        if word == "name" and words:
            name = words.pop(0)
        elif word == "number" and words:
            number = int(words.pop(0))
        elif word.isdigit():
            number = int(word)
        elif word in ("basic", "advance"):
            kind = "standard" if word == "basic" else "extended"
        elif word == "match-order" and words:
            if words.pop(0) == "auto":
                ctx.report.unsupported_tree(
                    line, "depth-first rule order (match-order auto) has no equivalent elsewhere"
                )
                return
    if number is not None and kind is None:
        kind = acl_kind_of_number(number)
    if kind is None and name is not None:
        kind = "extended"
    if kind is None or kind == "mac":
        ctx.report.unsupported_tree(line, "only IPv4/IPv6 basic and advanced ACLs are translated")
        return
    if ipv6:
        kind = "ipv6"
    key = name or str(number)
    acl = ctx.config.acls.get(key)
    if acl is None:
        acl = ctx.config.acls[key] = Acl(name=key, kind=kind)  # type: ignore[arg-type]
    acl.at(line.n)
    described: dict[int, tuple[str, Line]] = {}
    for child in line.children:
        text = child.text
        dm = re.fullmatch(r"rule (\d+) (?:description|remark) (.+)", text)
        if dm:
            described[int(dm.group(1))] = (dm.group(2), child)
            ctx.report.parsed(child)
            continue
        if text.startswith("description "):
            acl.description = text.split(" ", 1)[1]
            acl.at(child.n, "description")
            ctx.report.parsed(child)
            continue
        if text.startswith("step "):
            ctx.report.ignored(child, "rule numbering step only matters when adding rules")
            continue
        try:
            entry = parse_rule(ctx, text, acl.kind)
        except (ValueError, KeyError, IndexError) as exc:
            ctx.report.unsupported(child, f"ACL rule not translated: {exc}")
            continue
        entry.at(child.n)
        acl.entries.append(entry)
        acl.at(child.n, "entries")
        ctx.report.parsed(child)
    _attach_descriptions(acl, described)
    _normalise_numbers(acl)


def _attach_descriptions(acl: Acl, described: dict[int, tuple[str, Line]]) -> None:
    """`rule N description X` becomes a remark entry before rule N."""
    out: list[AclEntry] = []
    for entry in acl.entries:
        found = described.get(entry.seq) if entry.seq is not None else None
        if found is not None:
            remark = AclEntry(remark=found[0])
            remark.at(found[1].n)
            out.append(remark)
        out.append(entry)
    acl.entries = out


def _normalise_numbers(acl: Acl) -> None:
    rules = [e for e in acl.entries if e.action is not None]
    if rules and all(e.seq == 5 * (i + 1) for i, e in enumerate(rules)):
        for entry in rules:
            entry.seq = None


_PROTOCOLS = {
    "ip": "ip",
    "ipv6": "ip",
    "tcp": "tcp",
    "udp": "udp",
    "icmp": "icmp",
    "icmpv6": "icmp",
    "ospf": "ospf",
    "gre": "gre",
    "igmp": "igmp",
    "ipinip": "4",
    "1": "icmp",
    "6": "tcp",
    "17": "udp",
    "47": "gre",
    "89": "ospf",
}


_VRP_PORTS = {
    "www": 80,
    "bgp": 179,
    "domain": 53,
    "ftp": 21,
    "ftp-data": 20,
    "smtp": 25,
    "telnet": 23,
    "snmp": 161,
    "snmptrap": 162,
    "ntp": 123,
    "tftp": 69,
    "bootps": 67,
    "bootpc": 68,
    "pop3": 110,
    "syslog": 514,
    "tacacs": 49,
    "http": 80,
    "https": 443,
    "ssh": 22,
}


def _port(word: str) -> int:
    return _VRP_PORTS[word] if word in _VRP_PORTS else port_number(word)


def _address(words: list[str], ipv6: bool) -> AddrMatch | None:
    word = words.pop(0)
    if word == "any":
        return None
    if ipv6:
        if "/" in word:
            address, length = word.split("/", 1)
            return AddrMatch(address, f"/{length}")
        if words and words[0].isdigit():
            return AddrMatch(word, f"/{words.pop(0)}")
        return AddrMatch(word, "/128")
    wildcard = words.pop(0) if words else "0"
    if wildcard == "0":
        wildcard = "0.0.0.0"
    elif wildcard.isdigit():
        wildcard = prefixlen_to_wildcard(int(wildcard))
    return AddrMatch(word, wildcard)


def _ports(words: list[str]) -> PortMatch:
    op = words.pop(0)
    if op == "range":
        return PortMatch("range", (_port(words.pop(0)), _port(words.pop(0))))
    if op not in ("eq", "lt", "gt", "neq"):
        raise ValueError(f"port operator {op!r}")
    return PortMatch(op, (_port(words.pop(0)),))  # type: ignore[arg-type]


def parse_rule(ctx: Ctx, text: str, kind: str) -> AclEntry:
    """`rule [N] permit|deny [protocol] [source ...] [destination ...] [options]`."""
    words = text.split()[1:]
    entry = AclEntry()
    if words and words[0].isdigit():
        entry.seq = int(words.pop(0))
    action = words.pop(0)
    if action not in ("permit", "deny"):
        raise ValueError(f"permit or deny expected, got {action!r}")
    entry.action = action  # type: ignore[assignment]
    ipv6 = kind == "ipv6"
    if kind != "standard" and words and words[0] not in ("source", "destination", "logging"):
        proto = words.pop(0)
        if proto not in _PROTOCOLS and not proto.isdigit():
            raise ValueError(f"protocol {proto!r}")
        entry.protocol = _PROTOCOLS.get(proto, proto)
    elif kind != "standard":
        entry.protocol = "ip"
    while words:
        word = words.pop(0)
        if word == "source":
            entry.source = _address(words, ipv6)
        elif word == "destination":
            entry.destination = _address(words, ipv6)
        elif word == "source-port":
            entry.source_port = _ports(words)
        elif word == "destination-port":
            entry.destination_port = _ports(words)
        elif word == "logging":
            entry.log = True
        elif word == "fragment" or (word == "fragment-type" and words.pop(0) == "fragment"):
            entry.fragments = True
        elif word == "time-range":
            entry.time_range = words.pop(0)
        elif word == "dscp":
            entry.dscp = words.pop(0)
        elif word == "precedence":
            entry.precedence = words.pop(0)
        elif word == "icmp-type":
            icmp = words.pop(0)
            if words and words[0].isdigit():
                icmp = f"{icmp}/{words.pop(0)}"
            entry.icmp_type = icmp
        elif word == "tcp-flag" and words[:1] == ["established"]:
            words.pop(0)
            entry.established = True
        else:
            raise ValueError(f"option {word!r}")
    return entry

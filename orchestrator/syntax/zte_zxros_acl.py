"""ZXROS ACLs: `ipv4-access-list` / `ipv6-access-list` views with `rule [ID] permit|deny ...`.

ZXROS rules take port operators `eq`, `ge`, `le` and `range A-B` only ([REF] `rule`), so IOS
`gt N` / `lt N` become `ge N+1` / `le N-1` (same ports) and read back as `gt` / `lt`; `neq` has
no equivalent. One ZXROS list serves IOS standard and extended ACLs alike; a rule without a
protocol matches sources only, as an IOS standard entry does.
"""

from __future__ import annotations

import re
from ipaddress import ip_address
from typing import Any

from orchestrator.model import (
    ACL_RULE_FIELDS,
    Acl,
    AclEntry,
    AddrMatch,
    DeviceConfig,
    PortMatch,
)
from orchestrator.syntax.rules import Ctx, port_number
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import Writer, all_fields, unquote

_IP = re.compile(r"\d+\.\d+\.\d+\.\d+")


_PROTOCOLS = frozenset({"ip", "tcp", "udp", "icmp", "ospf", "gre", "igmp", "pim", "sctp"})


class RuleError(ValueError):
    """A rule this grammar does not take; the line stays unsupported."""


def _address(words: list[str], ipv6: bool) -> AddrMatch | None:
    word = words.pop(0)
    if word == "any":
        return None
    if ipv6 and "/" in word:
        address, length = word.split("/", 1)
        return AddrMatch(address, f"/{length}")
    if _IP.fullmatch(word):
        if words and _IP.fullmatch(words[0]):
            return AddrMatch(word, words.pop(0))
        return AddrMatch(word, "0.0.0.0")
    raise RuleError(f"address expected, got {word!r}")


def _ports(words: list[str]) -> PortMatch | None:
    if not words or words[0] not in ("eq", "ge", "le", "range"):
        return None
    op = words.pop(0)
    if op == "range":
        low, high = words.pop(0).split("-", 1)
        return PortMatch("range", (int(low), int(high)))
    value = port_number(words.pop(0))
    if op == "ge":
        return PortMatch("gt", (value - 1,))
    if op == "le":
        return PortMatch("lt", (value + 1,))
    return PortMatch("eq", (value,))


def parse_rule(text: str, ipv6: bool) -> AclEntry:
    words = text.split()[1:]
    seq = int(words.pop(0)) if words and words[0].isdigit() else None
    action = words.pop(0)
    if action not in ("permit", "deny"):
        raise RuleError("permit or deny expected")
    entry = AclEntry(seq=seq, action=action)  # type: ignore[arg-type]
    if not ipv6 and words and (words[0] == "any" or _IP.fullmatch(words[0])):
        entry.source = _address(words, False)  # a rule without protocol: IOS standard entry
    else:
        proto = words.pop(0)
        if not (proto.isdigit() or proto in _PROTOCOLS or (ipv6 and proto == "ipv6")):
            raise RuleError(f"protocol {proto!r} is not translated")
        entry.protocol = "ip" if proto == "ipv6" else proto
        entry.source = _address(words, ipv6)
        entry.source_port = _ports(words)
        entry.destination = _address(words, ipv6)
        entry.destination_port = _ports(words)
    while words:
        word = words.pop(0)
        if word == "established":
            entry.established = True
        elif word == "log":
            entry.log = True
        elif word == "fragments":
            entry.fragments = True
        elif word in ("dscp", "precedence", "time-range") and words:
            setattr(entry, word.replace("-", "_"), words.pop(0))
        elif word == "ipv4":
            continue  # OLT rules end in `ipv4`
        elif entry.protocol == "icmp" and entry.icmp_type is None:
            entry.icmp_type = f"{word}/{words.pop(0)}" if words and words[0].isdigit() else word
        else:
            raise RuleError(f"option {word!r} is not translated")
    return entry


def p_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ipv6 = m.group(1) == "6"
    name = m.group(2)
    acl = ctx.config.acls.setdefault(name, Acl(name=name, kind="ipv6" if ipv6 else "extended"))
    acl.at(line.n)
    remarks: dict[int, str] = {}
    for child in line.children:
        dm = re.fullmatch(r"description rule (\d+) (.+)", child.text)
        if dm:
            ctx.report.parsed(child)
            remarks[int(dm.group(1))] = unquote(dm.group(2))
            acl.at(child.n, "entries")
            continue
        if not child.text.startswith("rule "):
            ctx.report.unsupported(child, "ACL statement not translated")
            continue
        try:
            entry = parse_rule(child.text, ipv6)
        except (RuleError, IndexError, ValueError, KeyError) as exc:
            ctx.report.unsupported(child, f"ACL rule not translated: {exc}")
            continue
        ctx.report.parsed(child)
        entry.at(child.n)
        acl.entries.append(entry)
        acl.at(child.n, "entries")
    for seq, text in remarks.items():
        index = next((i for i, e in enumerate(acl.entries) if e.seq == seq), len(acl.entries))
        acl.entries.insert(index, AclEntry(remark=text))


def _port_words(p: PortMatch | None) -> str:
    if p is None:
        return ""
    if p.op == "range":
        return f" range {p.ports[0]}-{p.ports[1]}"
    if p.op == "gt":
        return f" ge {p.ports[0] + 1}"
    if p.op == "lt":
        return f" le {p.ports[0] - 1}"
    if p.op == "eq" and len(p.ports) == 1:
        return f" eq {p.ports[0]}"
    raise RuleError(f"port condition {p.op} {list(p.ports)}")


def _addr_words(a: AddrMatch | None) -> str:
    if a is None:
        return " any"
    try:
        ip_address(a.address)
    except ValueError as exc:
        raise RuleError(f"address {a.address!r}") from exc
    if a.wildcard.startswith("/"):
        return f" {a.address}{a.wildcard}"
    return f" {a.address} {a.wildcard}"


def rule_text(e: AclEntry) -> str:
    seq = f" {e.seq}" if e.seq is not None else ""
    if e.protocol is None:
        if e.destination is not None or e.source_port or e.destination_port:
            raise RuleError("a protocol-less rule matches sources only")
        text = f"rule{seq} {e.action}{_addr_words(e.source)}"
    else:
        text = (
            f"rule{seq} {e.action} {e.protocol}{_addr_words(e.source)}"
            f"{_port_words(e.source_port)}{_addr_words(e.destination)}"
            f"{_port_words(e.destination_port)}"
        )
    if e.icmp_type:
        text += " " + e.icmp_type.replace("/", " ")
    text += " established" if e.established else ""
    for name in ("precedence", "dscp"):
        if getattr(e, name):
            text += f" {name} {getattr(e, name)}"
    text += " fragments" if e.fragments else ""
    text += f" time-range {e.time_range}" if e.time_range else ""
    text += " log" if e.log else ""
    return text


def render_acls(w: Writer, config: DeviceConfig) -> None:
    out = w.out
    for acl in config.acls.values():
        if acl.kind == "mac":
            out.unsupported(acl, *all_fields(acl), reason="MAC ACLs are not translated")
            for e in acl.entries:
                out.unsupported(e, *all_fields(e), reason="MAC ACLs are not translated")
            continue
        family = "ipv6" if acl.kind == "ipv6" else "ipv4"
        if acl.kind == "standard":
            out.ignore(acl, "kind", rule="ZXROS has one kind of IPv4 list for both")
        texts: dict[int, str] = {}
        for i, e in enumerate(acl.entries):
            if e.remark is None:
                try:
                    texts[i] = rule_text(e)
                except RuleError as exc:
                    out.unsupported(e, *all_fields(e), reason=f"ZXROS rule: {exc}")
        with w.view(f"{family}-access-list {acl.name}", acl):
            out.mark(acl, "kind")
            for i, e in enumerate(acl.entries):
                if e.remark is not None:
                    _render_remark(w, acl.entries, i, texts)
                elif i in texts:
                    w.item(texts[i], e, *ACL_RULE_FIELDS)
        if acl.description is not None:
            out.unsupported(acl, "description", reason="ACL descriptions are not translated")


def _render_remark(w: Writer, entries: list[AclEntry], i: int, texts: dict[int, str]) -> None:
    """A remark becomes the description of the numbered rule written right after it."""
    e = entries[i]
    nxt = next((k for k in range(i + 1, len(entries)) if entries[k].remark is None), None)
    seq = entries[nxt].seq if nxt is not None else None
    if nxt is None or seq is None:
        reason = "ZXROS describes a rule by its number; this remark has no numbered rule after it"
    elif nxt not in texts:
        reason = "ZXROS describes a rule by its number; the rule after this remark is not written"
    else:
        w.item(f'description rule {seq} "{e.remark}"', e, "remark")
        return
    w.out.unsupported(e, *all_fields(e), reason=reason)

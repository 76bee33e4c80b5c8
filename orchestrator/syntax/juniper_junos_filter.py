"""Junos `firewall` filters → ACLs.

A filter term matches when every kind of condition it names matches (addresses OR-ed within a
kind, kinds AND-ed), so one term becomes the ACL entries of every combination of its values,
in term order, numbered 10, 20, ... The term's `then accept` is permit, `discard`/`reject` deny,
and a term with no action accepts. Both end in an implicit deny, as ACLs do. A term with any
condition or action the model cannot hold is left out whole, with every line of it unsupported:
half a term would let through what the source drops.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from ipaddress import IPv4Network, ip_network

from orchestrator.model import Acl, AclEntry, AddrMatch, PortMatch
from orchestrator.syntax.juniper_junos_index import claim_line, junos
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, unquote, values
from orchestrator.syntax.rules import PORT_NAMES, Ctx, Rule, prefixlen_to_wildcard, rule
from orchestrator.syntax.text import Line

#: Junos port names that are not in the shared table.
JUNOS_PORTS = {
    "ldp": 646,
    "bfd": 3784,
    "ntalk": 518,
    "rkinit": 2108,
    "xdmcp": 177,
    "zephyr-srv": 2102,
    "dhcp": 67,
    "snmptrap": 162,
    "radacct": 1813,
}
_ADDRESS_KEYS = {
    "source-address": "src",
    "destination-address": "dst",
    "source-prefix-list": "src",
    "destination-prefix-list": "dst",
}
_PORT_KEYS = {"source-port": "sport", "destination-port": "dport"}


@dataclass
class FTerm:
    lines: list[int] = field(default_factory=list)
    headers: list[int] = field(default_factory=list)
    conds: dict[str, list[str]] = field(default_factory=dict)
    action: str | None = None
    log: bool = False
    bad: str | None = None


@dataclass
class FSpec:
    kind: str
    headers: list[int] = field(default_factory=list)
    terms: dict[str, FTerm] = field(default_factory=dict)


def h_filter(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    family = m.group(1) or "inet"
    name, rest = unquote(m.group(2)), m.group(3)
    if family not in ("inet", "inet6"):
        ctx.report.unsupported(line, f"family {family} filters are not translated")
        return
    filters: dict[str, FSpec] = junos(ctx).bucket("filters")
    spec = filters.setdefault(name, FSpec("ipv6" if family == "inet6" else "extended"))
    depth = 4 if m.group(1) else 2
    header = stmt.opener(depth)
    if header is not None and header.n not in spec.headers:
        spec.headers.append(header.n)
    tm = re.fullmatch(r"term (\S+)(?: (from|then) (.+))?", rest)
    if tm is None:
        if rest == "interface-specific":
            ctx.report.ignored(line, "per-interface counters of the filter")
        else:
            ctx.report.unsupported(line, f"filter option `{rest}` is not translated")
        return
    term = spec.terms.setdefault(unquote(tm.group(1)), FTerm())
    term.lines.append(line.n)
    opener = stmt.opener(depth + 2)
    if opener is not None and opener.n not in term.headers:
        term.headers.append(opener.n)
    if tm.group(2) == "from":
        _condition(ctx, line, term, tokens(tm.group(3)))
    elif tm.group(2) == "then":
        _action(ctx, line, term, tokens(tm.group(3)))


def _condition(ctx: Ctx, line: Line, term: FTerm, words: list[str]) -> None:
    key, args = words[0], values(words[1:])
    idx = junos(ctx).index
    if "except" in args:
        term.bad = "`except` address conditions are not translated"
    elif key in ("source-address", "destination-address"):
        term.conds.setdefault(_ADDRESS_KEYS[key], []).extend(args)
    elif key in ("source-prefix-list", "destination-prefix-list") and len(args) == 1:
        nets = idx.prefix_lists.get(args[0])
        if not nets:
            term.bad = f"prefix list {args[0]} is empty or not in this file"
            return
        term.conds.setdefault(_ADDRESS_KEYS[key], []).extend(nets)
    elif key in ("address", "port") and args:
        # either direction: the entries of the source side and of the destination side
        term.conds.setdefault("either-" + key, []).extend(args)
    elif key == "prefix-list" and len(args) == 1:
        nets = idx.prefix_lists.get(args[0])
        if not nets:
            term.bad = f"prefix list {args[0]} is empty or not in this file"
            return
        term.conds.setdefault("either-address", []).extend(nets)
    elif key in ("protocol", "next-header"):
        term.conds.setdefault("proto", []).extend(args)
    elif key in _PORT_KEYS:
        term.conds.setdefault(_PORT_KEYS[key], []).extend(args)
    elif key in ("icmp-type", "icmp6-type"):
        term.conds.setdefault("icmp", []).extend(args)
    elif key == "tcp-established" and not args:
        term.conds["established"] = ["yes"]
    elif key == "is-fragment" and not args:
        term.conds["fragments"] = ["yes"]
    elif key == "dscp" and len(args) == 1:
        term.conds["dscp"] = args
    else:
        term.bad = f"filter condition `{' '.join(words)}` is not translated"


def _action(ctx: Ctx, line: Line, term: FTerm, words: list[str]) -> None:
    key = words[0]
    if key in ("accept", "discard", "reject") and (len(words) == 1 or key == "reject"):
        term.action = "permit" if key == "accept" else "deny"
    elif key in ("log", "syslog") and len(words) == 1:
        term.log = True
    elif key == "count" and len(words) == 2:
        ctx.report.ignored(
            line, "a per-term packet counter; the targets count ACL hits in their own statistics"
        )
        term.lines.remove(line.n)
    else:
        term.bad = f"filter action `then {' '.join(words)}` is not translated"


def _addr(text: str) -> AddrMatch | None:
    net = ip_network(text, strict=False)
    if net.prefixlen == 0:
        return None
    if isinstance(net, IPv4Network):
        return AddrMatch(str(net.network_address), prefixlen_to_wildcard(net.prefixlen))
    return AddrMatch(str(net.network_address), f"/{net.prefixlen}")


def _port(text: str) -> PortMatch:
    def number(word: str) -> int:
        if word.isdigit():
            return int(word)
        return JUNOS_PORTS.get(word) or PORT_NAMES[word]

    if re.fullmatch(r"\w+-\w+", text) and not text.replace("-", "").isalpha():
        lo, hi = text.split("-")
        return PortMatch("range", (number(lo), number(hi)))
    return PortMatch("eq", (number(text),))


def finish_filters(ctx: Ctx) -> None:
    filters: dict[str, FSpec] = junos(ctx).bucket("filters")
    for name, spec in filters.items():
        acl = ctx.config.acls.get(name)
        if acl is None:
            acl = ctx.config.acls[name] = Acl(name=name, kind=spec.kind)  # type: ignore[arg-type]
        for n in spec.headers:
            claim_line(ctx, n, acl)
        for term_name, term in spec.terms.items():
            try:
                entries = _entries(term)
            except (KeyError, ValueError) as exc:
                term.bad = f"a value of the term is not understood ({exc})"
                entries = []
            if term.bad is not None:
                for n in term.lines + term.headers:
                    ctx.report.unsupported(n, f"term {term_name}: {term.bad}")
                continue
            for entry in entries:
                entry.seq = 10 * (len(acl.entries) + 1)
                for n in term.lines:
                    entry.at(n)
                for n in term.headers:
                    claim_line(ctx, n, entry)
                acl.entries.append(entry)
                acl.at(term.lines[0] if term.lines else 0, "entries")


def _with(term: FTerm, conds: dict[str, list[str]]) -> FTerm:
    return FTerm(term.lines, term.headers, conds, term.action, term.log, term.bad)


def _entries(term: FTerm) -> list[AclEntry]:
    """Every combination of the term's values; `address`/`port` (either side) twice over."""
    c = term.conds
    for key, src_key, dst_key in (
        ("either-address", "src", "dst"),
        ("either-port", "sport", "dport"),
    ):
        if key in c:
            if src_key in c or dst_key in c:
                raise ValueError(f"{key[7:]} together with a directional {key[7:]}")
            either = {k: v for k, v in c.items() if k != key}
            return _entries(_with(term, {**either, src_key: c[key]})) + _entries(
                _with(term, {**either, dst_key: c[key]})
            )
    srcs = [_addr(a) for a in c.get("src", [])] or [None]
    dsts = [_addr(a) for a in c.get("dst", [])] or [None]
    protos: list[str | None] = [*c.get("proto", [])] or (["icmp"] if "icmp" in c else [None])
    sports: list[PortMatch | None] = [_port(p) for p in c.get("sport", [])] or [None]
    dports: list[PortMatch | None] = [_port(p) for p in c.get("dport", [])] or [None]
    icmps: list[str | None] = [*c.get("icmp", [])] or [None]
    out: list[AclEntry] = []
    for src, dst, proto, sport, dport, icmp in itertools.product(
        srcs, dsts, protos, sports, dports, icmps
    ):
        out.append(
            AclEntry(
                action=term.action or "permit",  # type: ignore[arg-type]
                protocol=proto or "ip",
                source=src,
                source_port=sport,
                destination=dst,
                destination_port=dport,
                icmp_type=icmp,
                established="established" in c,
                fragments="fragments" in c,
                dscp=c["dscp"][0] if "dscp" in c else None,
                log=term.log,
            )
        )
    return out


FILTER_TOP: list[Rule] = [
    rule(r"firewall (?:family (\S+) )?filter (\S+) (.+)", h_filter),
    rule(
        r"firewall (?:policer|three-color-policer|hierarchical-policer) .+",
        unsupported="policers (rate limits) are not translated",
    ),
    rule(
        r"firewall family \S+ (?:prefix-action|service-filter|simple-filter) .+",
        unsupported="this kind of firewall filter is not translated",
    ),
]

"""Rule tables for line-oriented parsers: a regex per statement, a handler or an ignore rule.

Platform modules hold their statements as data (`Rule` tuples); `dispatch` finds the first rule
whose regex matches the whole line and calls its handler, or marks the line ignored with the
rule's reason. A line no rule matches stays ``unsupported``, with its line number, in the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from ipaddress import IPv4Address, IPv4Interface, IPv4Network, ip_network
from typing import Any

from orchestrator.model import Address4, DeviceConfig, Node, Secret, SecretKind
from orchestrator.syntax.linereport import LineReport
from orchestrator.syntax.text import Line


@dataclass
class Ctx:
    """What a parser carries while it walks one file."""

    config: DeviceConfig
    report: LineReport
    platform: str
    state: dict[str, Any] = field(default_factory=dict)  # per-parser scratch (e.g. defaults)

    def secret(self, line: Line, kind: SecretKind, value: str) -> Secret:
        """Make a `Secret` and make sure the report never shows its value."""
        self.report.redact(line, value)
        return Secret(kind, value)


Handler = Callable[[Ctx, Line, "re.Match[str]", Any], None]


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    handler: Handler | None = None
    ignore: str | None = None  # the rule that makes the line meaningless on any target
    unsupported: str | None = None  # a known construct no target of ours can take
    tree: bool = False  # the ignore/unsupported verdict covers the nested lines too


def rule(
    regex: str,
    handler: Handler | None = None,
    *,
    ignore: str | None = None,
    unsupported: str | None = None,
    tree: bool = False,
    flags: int = 0,
) -> Rule:
    return Rule(re.compile(regex, flags), handler, ignore, unsupported, tree)


def _first_word(pattern: str) -> str | None:
    """The literal word every full match of ``pattern`` starts with, or None if unknown.

    >>> _first_word(r"ip address (\\S+) (\\S+)"), _first_word(r"(no )?shutdown")
    ('ip', None)
    """
    depth = 0
    escaped = False
    for ch in pattern:  # a top-level alternative could start with any word
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
    m = _LEADING_WORD.match(pattern)
    return m.group(1) if m else None


_LEADING_WORD = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_\-]*)(?= |$)")
_INDEX: dict[int, tuple[Sequence[Rule], int, dict[str, list[Rule]], list[Rule]]] = {}


def _candidates(table: Sequence[Rule], text: str) -> Sequence[Rule]:
    """The rules of ``table`` that can match a line starting with its first word, in order.

    Tables hold hundreds of rules; trying only those whose literal first word fits (plus those
    that start with a group) keeps the table order, so the first match is the same as a scan.
    """
    cached = _INDEX.get(id(table))
    if cached is None or cached[0] is not table or cached[1] != len(table):
        buckets: dict[str, list[int]] = {}
        wild: list[int] = []
        for i, r in enumerate(table):
            word = None if r.pattern.flags & re.IGNORECASE else _first_word(r.pattern.pattern)
            if word is None:
                wild.append(i)
            else:
                buckets.setdefault(word, []).append(i)
        index = {w: [table[i] for i in sorted(ids + wild)] for w, ids in buckets.items()}
        cached = (table, len(table), index, [table[i] for i in wild])
        _INDEX[id(table)] = cached
    word = text.split(" ", 1)[0]
    return cached[2].get(word, cached[3])


def dispatch(ctx: Ctx, line: Line, table: Sequence[Rule], scope: Any = None) -> bool:
    """Apply the first matching rule of ``table`` to ``line``; False if none matched."""
    for r in _candidates(table, line.text):
        m = r.pattern.fullmatch(line.text)
        if m is None:
            continue
        if r.handler is not None:
            ctx.report.parsed(line)
            try:
                r.handler(ctx, line, m, scope)
            except (ValueError, IndexError, KeyError) as exc:
                # a statement of a known shape with values we cannot read (a bad mask, a
                # missing argument): that line is unsupported, the rest of the file still counts
                ctx.report.unsupported(line, f"could not read this statement ({exc})")
        elif r.ignore is not None:
            if r.tree:
                ctx.report.ignore_tree(line, r.ignore)
            else:
                ctx.report.ignored(line, r.ignore)
        elif r.unsupported is not None:
            if r.tree:
                ctx.report.unsupported_tree(line, r.unsupported)
            else:
                ctx.report.unsupported(line, r.unsupported)
        return True
    return False


def dispatch_children(ctx: Ctx, line: Line, table: Sequence[Rule], scope: Any = None) -> None:
    for child in line.children:
        dispatch(ctx, child, table, scope)


def dispatch_as(ctx: Ctx, line: Line, text: str, table: Sequence[Rule], scope: Any = None) -> bool:
    """Read ``line`` as if it were written ``text``: a variant's spelling of a sibling's statement.

    NX-OS `aaa accounting default group T` is IOS `aaa accounting exec default group T`; the
    sibling's table reads it, and the report and provenance still point at ``line``.
    """
    shadow = Line(n=line.n, raw=line.raw, text=text, indent=line.indent, children=line.children)
    return dispatch(ctx, shadow, table, scope)


def ipv4_address(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
    """`ip address A M [secondary]` on an interface: regex group 1 is the address, 2 its mask
    or prefix length (`255.255.255.0`, `24`, `/24`), 3 matches for a secondary address."""
    length = mask_or_length(m.group(2))
    entry = Address4(address=IPv4Interface(f"{m.group(1)}/{length}"), secondary=bool(m.group(3)))
    entry.at(line.n)
    node.ipv4.append(entry)
    node.at(line.n, "ipv4")


# --- handler factories for statements that set one field ----------------------------------


def set_field(node: Node, line: Line, name: str, value: object) -> None:
    """Set field ``name`` of ``node`` to ``value``, recording ``line`` as its source."""
    setattr(node, name, value)
    node.at(line.n, name)


def int_field(name: str, group: int = 1) -> Handler:
    """A handler setting ``name`` of the scope node to the number regex group ``group`` holds."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
        set_field(node, line, name, int(m.group(group)))

    return handler


def str_field(name: str, group: int = 1, transform: Callable[[str], Any] | None = None) -> Handler:
    """A handler setting ``name`` to the text of regex group ``group`` (stripped, and passed
    through ``transform`` if given)."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
        value = m.group(group).strip()
        set_field(node, line, name, transform(value) if transform else value)

    return handler


def flag_field(name: str, negated_group: int | None = 1) -> Handler:
    """`[no|undo] <statement>`: a handler setting ``name`` True, or False when the regex group
    ``negated_group`` (the optional `no `/`undo `) matched; always True if there is none."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
        value = True if negated_group is None else m.group(negated_group) is None
        set_field(node, line, name, value)

    return handler


def const_field(name: str, value: object = True) -> Handler:
    """A handler setting ``name`` to ``value`` whenever the statement is there."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
        set_field(node, line, name, value)

    return handler


def add_route_targets(
    node: Node,
    line: Line,
    direction: str,
    value: str,
    fields: tuple[str, str] = ("import_targets", "export_targets"),
) -> None:
    """A route target for `import`, `export` or `both` into ``node``'s two target lists."""
    for wanted, name in zip(("import", "export"), fields, strict=True):
        if direction in (wanted, "both"):
            getattr(node, name).append(value)
            node.at_item(line.n, name, value)


# --- value helpers shared by the line-oriented parsers ------------------------------------------


def ospf_default_originate(
    p: Any, line: Line, words: list[str], metric: str, metric_type: str, policy: str
) -> None:
    """`default-information originate` / `default-route-advertise` with its option words,
    which each platform spells differently (``metric``/``cost``, ``route-map``/``route-policy``)."""

    def after(word: str) -> str | None:
        return words[words.index(word) + 1] if word in words[:-1] else None

    p.default_originate = True
    p.default_originate_always = "always" in words
    value = after(metric)
    p.default_originate_metric = int(value) if value else None
    value = after(metric_type)
    p.default_originate_metric_type = int(value) if value else None
    p.default_originate_route_map = after(policy)
    p.at(
        line.n,
        "default_originate",
        "default_originate_always",
        "default_originate_metric",
        "default_originate_metric_type",
        "default_originate_route_map",
    )


def mask_or_length(text: str) -> int:
    """`255.255.255.0`, `24` or `/24` → 24."""
    text = text.removeprefix("/")
    if text.isdigit():
        return int(text)
    return mask_to_prefixlen(text)


def mask_to_prefixlen(mask: str) -> int:
    """255.255.255.0 → 24. Raises ValueError for a non-contiguous mask."""
    return IPv4Network(f"0.0.0.0/{mask}").prefixlen


def wildcard_to_prefixlen(wildcard: str) -> int | None:
    """0.0.0.255 → 24; None when the wildcard is not contiguous."""
    value = int(IPv4Address(wildcard))
    inverted = (~value) & 0xFFFFFFFF
    bits = bin(inverted).count("1")
    if inverted != ((0xFFFFFFFF << (32 - bits)) & 0xFFFFFFFF):
        return None
    return bits


def prefixlen_to_wildcard(length: int) -> str:
    return str(IPv4Address((1 << (32 - length)) - 1 if length < 32 else 0))


def prefixlen_to_mask(length: int) -> str:
    return str(IPv4Network(f"0.0.0.0/{length}").netmask)


def network(text: str, strict: bool = False) -> IPv4Network:
    """'10.0.0.0/8' or '10.0.0.0 255.0.0.0' as a network (host bits cleared unless strict)."""
    net = ip_network(text.replace(" ", "/"), strict=strict)
    assert isinstance(net, IPv4Network)
    return net


def vlan_list(text: str) -> list[int]:
    """'1-3,10,20 to 22' → [1, 2, 3, 10, 20, 21, 22] (Cisco and VRP spellings)."""
    out: list[int] = []
    text = re.sub(r"\s+to\s+", "-", text.strip())
    for part in re.split(r"[,\s]+", text):
        if not part:
            continue
        if "-" in part:
            lo, hi = part.split("-", 1)
            out.extend(range(int(lo), int(hi) + 1))
        else:
            out.append(int(part))
    return out


def vlan_ranges(vlans: Sequence[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 10] → [(1, 3), (10, 10)]."""
    out: list[tuple[int, int]] = []
    for v in sorted(set(vlans)):
        if out and v == out[-1][1] + 1:
            out[-1] = (out[-1][0], v)
        else:
            out.append((v, v))
    return out


def area_dotted(area: str) -> str:
    """OSPF area as dotted quad: '0' → '0.0.0.0', '0.0.0.1' unchanged."""
    if area.isdigit():
        return str(IPv4Address(int(area)))
    return str(IPv4Address(area))


def unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text


#: Well-known TCP/UDP port names as IOS and NX-OS write them, to numbers.
PORT_NAMES: dict[str, int] = {
    "bgp": 179,
    "chargen": 19,
    "cmd": 514,
    "daytime": 13,
    "discard": 9,
    "domain": 53,
    "echo": 7,
    "exec": 512,
    "finger": 79,
    "ftp": 21,
    "ftp-data": 20,
    "gopher": 70,
    "hostname": 101,
    "ident": 113,
    "irc": 194,
    "klogin": 543,
    "kshell": 544,
    "login": 513,
    "lpd": 515,
    "nntp": 119,
    "pim-auto-rp": 496,
    "pop2": 109,
    "pop3": 110,
    "smtp": 25,
    "sunrpc": 111,
    "syslog": 514,
    "tacacs": 49,
    "talk": 517,
    "telnet": 23,
    "time": 37,
    "uucp": 540,
    "whois": 43,
    "www": 80,
    "http": 80,
    "https": 443,
    "ssh": 22,
    "biff": 512,
    "bootpc": 68,
    "bootps": 67,
    "dnsix": 195,
    "isakmp": 500,
    "mobile-ip": 434,
    "nameserver": 42,
    "netbios-dgm": 138,
    "netbios-ns": 137,
    "netbios-ss": 139,
    "non500-isakmp": 4500,
    "ntp": 123,
    "rip": 520,
    "snmp": 161,
    "snmptrap": 162,
    "tftp": 69,
    "who": 513,
    "xdmcp": 177,
    "ldap": 389,
    "ldaps": 636,
    "kerberos": 88,
    "lotusnotes": 1352,
    "citrix-ica": 1494,
    "sqlnet": 1521,
    "radius": 1812,
    "radius-acct": 1813,
    "rtsp": 554,
    "sip": 5060,
    "telnets": 992,
    "imap": 143,
    "imap4": 143,
    "pptp": 1723,
    "msrpc": 135,
}


def port_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return PORT_NAMES[text.lower()]

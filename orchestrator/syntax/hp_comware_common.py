"""What the H3C Comware 7 parser and renderer share: the view tree, secrets, names and numbers.

Comware prints `#` between blocks and indents nested views by one space per level, but it also
indents many top-level commands (` sysname X`, ` snmp-agent ...`) by one space after a `#`. So
the tree is built with the separators: a `#` at column c closes every view opened at column c
or deeper (inside `bgp`, ` #` separates the address families without closing `bgp`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from ipaddress import IPv4Address
from typing import Any

from orchestrator import ports
from orchestrator.model import Node, Secret, SecretKind
from orchestrator.model.base import field_default
from orchestrator.syntax.base import SECRET_TOKEN, Emitter, secret_token
from orchestrator.syntax.rules import Ctx, Handler, mask_to_prefixlen, vlan_ranges
from orchestrator.syntax.text import Line

PLATFORM_NAME = "hp_comware"


def build_tree(lines: list[Line], counted: set[int]) -> list[Line]:
    """Nest ``lines`` (every line of the file) into views; only counted lines are kept."""
    roots: list[Line] = []
    stack: list[Line] = []
    for line in lines:
        if line.n not in counted:
            if line.text.startswith("#"):
                while stack and stack[-1].indent >= line.indent:
                    stack.pop()
            continue
        line.children = []
        while stack and stack[-1].indent >= line.indent:
            stack.pop()
        if stack:
            line.parent = stack[-1]
            stack[-1].children.append(line)
        else:
            line.parent = None
            roots.append(line)
        stack.append(line)
    return roots


# --- secrets --------------------------------------------------------------------------------

_CIPHER = re.compile(r"^\$[chp]\$\d+\$")
#: `base.SECRET_TOKEN` refuses `/`, but keys of interface secrets hold interface names
#: (`interfaces.GigabitEthernet1/0/1.ospf.auth_key`): read any token without blanks
_TOKEN = re.compile(r"\{\{secret:([^{}\s]+)\}\}")


def read_secret(ctx: Ctx, line: Line, value: str, form: str | None = None) -> Secret:
    """A secret as Comware writes it: a `{{secret:KEY}}` reference, `$c$`/`$h$` text or clear.

    ``form`` is the keyword before the value (`cipher`, `hash`, `simple`, `plain`) or None
    when the command has none (then `$c$3$...` text is still cipher text).
    """
    token = SECRET_TOKEN.fullmatch(value) or _TOKEN.fullmatch(value)
    if token is not None:
        return Secret("ref", token.group(1))
    kind: SecretKind
    if form == "hash" or value.startswith("$h$"):
        kind = "huawei_hash"
    elif form == "cipher" or _CIPHER.match(value):
        kind = "huawei_cipher"
    else:
        kind = "plain"
    return ctx.secret(line, kind, value)


def write_secret(secret: Secret) -> str:
    """`simple {{secret:KEY}}`: clear text goes in, the device stores it encrypted."""
    return "simple " + secret_token(secret)


# --- names and numbers ----------------------------------------------------------------------


def ifname(text: str) -> str:
    """An interface name in Comware's full spelling (`GE1/0/1` → `GigabitEthernet1/0/1`)."""
    return ports.canonical_name(PLATFORM_NAME, text.replace(" ", ""))


def is_ipv4(text: str) -> bool:
    try:
        IPv4Address(text)
    except ValueError:
        return False
    return True


def mask_or_length(text: str) -> int:
    """`255.255.255.0` or `24` → 24."""
    if text.isdigit():
        return int(text)
    return mask_to_prefixlen(text)


def vlan_words(words: list[str]) -> list[int]:
    """`10 20 to 30 40` → [10, 20, 21, ..., 30, 40]."""
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


def vlan_text(vlans: Iterable[int], limit: int = 10) -> list[str]:
    """VLAN ids as Comware writes them, at most ``limit`` items a line (`10 20 to 30`)."""
    items = [f"{lo}" if lo == hi else f"{lo} to {hi}" for lo, hi in vlan_ranges(list(vlans))]
    return [" ".join(items[i : i + limit]) for i in range(0, len(items), limit)]


MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAYS: tuple[str, ...] = (
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
)

#: syslog severities: the model's names (Cisco spelling) → Comware names
SEVERITY_TO_COMWARE: dict[str, str] = {
    "emergencies": "emergency",
    "alerts": "alert",
    "critical": "critical",
    "errors": "error",
    "warnings": "warning",
    "notifications": "notification",
    "informational": "informational",
    "debugging": "debugging",
}
SEVERITY_TO_MODEL: dict[str, str] = {v: k for k, v in SEVERITY_TO_COMWARE.items()}


def comware_acl_number(name: str, kind: str) -> int | None:
    """The Comware number for a numbered ACL of another vendor, or None if it is no number.

    Same mapping as the VRP renderer (the two families share their ACL ranges): Cisco standard
    1-99 → 2001-2099, 1300-1999 → 2100-2799; extended 100-199 → 3100-3199, 2000-2699 →
    3200-3899; numbers already in Comware's range keep their number.
    """
    if not name.isdigit():
        return None
    number = int(name)
    own = {"standard": (2000, 2999), "extended": (3000, 3999), "ipv6": (3000, 3999)}
    low, high = own.get(kind, (4000, 4999))
    if low <= number <= high:
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


def acl_kind_of_number(number: int) -> str | None:
    """Comware numbered ACL ranges: basic 2000-2999, advanced 3000-3999, layer 2 4000-4999."""
    if 2000 <= number <= 2999:
        return "standard"
    if 3000 <= number <= 3999:
        return "extended"
    if 4000 <= number <= 4999:
        return "mac"
    return None


# --- handler factories ----------------------------------------------------------------------


def int_field(name: str, group: int = 1) -> Handler:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
        setattr(node, name, int(m.group(group)))
        node.at(line.n, name)

    return handler


def str_field(name: str, group: int = 1) -> Handler:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
        setattr(node, name, m.group(group).strip())
        node.at(line.n, name)

    return handler


def flag_field(name: str, undo_group: int | None = 1) -> Handler:
    """`[undo] <statement>`: True, or False when the `undo ` group matched."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
        value = True if undo_group is None else m.group(undo_group) is None
        setattr(node, name, value)
        node.at(line.n, name)

    return handler


# --- accounting for what a renderer does not write ------------------------------------------


def is_set(node: object, name: str) -> bool:
    """True when field ``name`` of ``node`` holds something other than its default."""
    value = getattr(node, name)
    return bool(value != field_default(type(node), name))


def ignore_removed(out: Emitter, node: Node, rule: str) -> None:
    """Report the lines of a node `prepare` took out of the model as ignored by ``rule``.

    `Emitter.ignore` also records the node for the round-trip comparison by `id()`; a node no
    longer in the model needs no such record, and its `id()` may be reused by a node made later.
    """
    for n in node.src.every():
        out.result.ignored.setdefault(n, rule)

"""What the Huawei VRP parsers and renderers share: the view tree, secrets, names and numbers.

VRP prints `#` between blocks and indents nested views by one space per level, but it also
indents some top-level commands (` sysname X`, ` snmp-agent ...`) by one space after a `#`. So
the tree is built with the separators: a `#` at column c closes every view opened at column c
or deeper. NE40E examples put a column-0 `#` inside `bgp` before ` ipv4-family ...`; such lines
are re-attached to the `bgp` view they continue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orchestrator import ports
from orchestrator.model import AclEntry, Node, Secret, SecretKind
from orchestrator.syntax.base import SECRET_TOKEN, Emitter
from orchestrator.syntax.rules import Ctx
from orchestrator.syntax.text import Line

if TYPE_CHECKING:
    from orchestrator.syntax.huawei_vrp import HuaweiVrp

#: lines that continue the previous top-level view even after a column-0 `#` (NE40E examples)
_CONTINUES = {
    "bgp": re.compile(r"(?:ipv4-family|ipv6-family|l2vpn-family|vpnv4-family|evpn)\b"),
}


def build_vrp_tree(lines: list[Line], counted: set[int]) -> list[Line]:
    """Nest ``lines`` (every line of the file) into views; only counted lines are kept."""
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
        if not stack and line.indent > 0 and closed is not None:
            pattern = _CONTINUES.get(closed.words[0] if closed.words else "")
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


class Shaper:
    """What a shaping step (`huawei_prepare*`) needs: the target platform, and the notes that
    say how a shaped node differs from its source lines."""

    def __init__(self, platform: HuaweiVrp, notes: Emitter) -> None:
        self.platform = platform
        self.notes = notes

    def change(self, node: Node | None, *fields: str, note: str) -> None:
        self.notes.change(node, *fields, note=note)

    def ignore(self, node: Node | None, *fields: str, rule: str) -> None:
        """For what shaping leaves out because it means nothing on the target."""
        self.notes.ignore(node, *fields, rule=rule)

    def unsupported(self, node: Node | None, *fields: str, reason: str) -> None:
        """For what shaping leaves out of the model: its lines are reported unsupported."""
        self.notes.unsupported(node, *fields, reason=reason)


# --- secrets --------------------------------------------------------------------------------


def read_secret(ctx: Ctx, line: Line, value: str, form: str | None = "cipher") -> Secret:
    """A secret as VRP writes it: a `{{secret:KEY}}` reference, cipher text, or clear text.

    ``form`` is the keyword before the value (`cipher`, `irreversible-cipher`, `simple`,
    `plain`) or None when the command has none (then cipher-looking text is cipher text).
    """
    token = SECRET_TOKEN.fullmatch(value)
    if token is not None:
        return Secret("ref", token.group(1))
    kind: SecretKind
    if form == "irreversible-cipher":
        kind = "huawei_hash"
    elif form in ("cipher", None) and (form == "cipher" or looks_cipher(value)):
        kind = "huawei_cipher"
    else:
        kind = "plain"
    return ctx.secret(line, kind, value)


_CIPHER_WRAP = re.compile(r"^(%\^%#|%\$%\$|@%@%|%@%@|\$1[a-z]\$).*")


def looks_cipher(value: str) -> bool:
    """VRP cipher text: wrapped in `%^%#`/`%$%$`/`@%@%`, or the old 24-character form."""
    return bool(_CIPHER_WRAP.match(value)) or (len(value) in (24, 32) and value.endswith("!!"))


def secret_text(secret: Secret) -> str:
    """How a renderer writes a secret (only references reach a renderer)."""
    from orchestrator.syntax.base import secret_token

    return secret_token(secret)


# --- names and numbers ---------------------------------------------------------------------


def ifname(ctx: Ctx, text: str) -> str:
    """An interface name as the platform spells it in full (`GigabitEthernet 0/0/1` joined)."""
    return ports.canonical_name(ctx.platform, text.replace(" ", ""))


def mask_or_length(text: str) -> int:
    """`255.255.255.0` or `24` → 24."""
    if text.isdigit():
        return int(text)
    from orchestrator.syntax.rules import mask_to_prefixlen

    return mask_to_prefixlen(text)


def vrp_vlans(words: list[str]) -> list[int]:
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


def vlan_text(vlans: list[int], limit: int = 10) -> list[str]:
    """VLAN ids as VRP writes them, in chunks of at most ``limit`` items (`10 20 to 30`)."""
    from orchestrator.syntax.rules import vlan_ranges

    items = [f"{lo}" if lo == hi else f"{lo} to {hi}" for lo, hi in vlan_ranges(vlans)]
    return [" ".join(items[i : i + limit]) for i in range(0, len(items), limit)] or [""]


#: syslog severities: Cisco names and numbers → VRP names
SEVERITIES: dict[str, str] = {
    "0": "emergencies",
    "1": "alert",
    "2": "critical",
    "3": "error",
    "4": "warning",
    "5": "notification",
    "6": "informational",
    "7": "debugging",
    "emergencies": "emergencies",
    "alerts": "alert",
    "alert": "alert",
    "critical": "critical",
    "errors": "error",
    "error": "error",
    "warnings": "warning",
    "warning": "warning",
    "notifications": "notification",
    "notification": "notification",
    "informational": "informational",
    "debugging": "debugging",
}
#: VRP severity names → the model's names (Cisco spelling, the model's documented vocabulary)
MODEL_SEVERITY: dict[str, str] = {
    "emergencies": "emergencies",
    "alert": "alerts",
    "critical": "critical",
    "error": "errors",
    "warning": "warnings",
    "notification": "notifications",
    "informational": "informational",
    "debugging": "debugging",
}


def severity_for_model(vrp: str) -> str:
    return MODEL_SEVERITY.get(vrp, vrp)


def severity_for_vrp(model: str) -> str | None:
    return SEVERITIES.get(model.lower())


def catch_all(entry: AclEntry) -> bool:
    """A rule that matches every packet (`rule permit`, `rule deny ip`, with logging or not)."""
    return (
        entry.action is not None
        and entry.source is None
        and entry.destination is None
        and entry.protocol in (None, "ip")
        and entry.source_port is None
        and entry.destination_port is None
        and not entry.established
        and entry.icmp_type is None
        and entry.dscp is None
        and entry.precedence is None
        and not entry.fragments
        and entry.time_range is None
    )


@dataclass(frozen=True)
class AclRange:
    """Where a kind of numbered ACL lives on VRP."""

    low: int
    high: int


#: numbered ACL ranges on VRP: basic 2000-2999, advanced 3000-3999 (IPv6 uses the same)
ACL_RANGES: dict[str, AclRange] = {
    "standard": AclRange(2000, 2999),
    "extended": AclRange(3000, 3999),
    "ipv6": AclRange(3000, 3999),
    "mac": AclRange(4000, 4999),
}


def acl_kind_of_number(number: int) -> str | None:
    for kind in ("standard", "extended", "mac"):
        r = ACL_RANGES[kind]
        if r.low <= number <= r.high:
            return kind
    return None


def vrp_acl_number(name: str, kind: str) -> int | None:
    """The VRP number for a numbered ACL of another vendor, or None if ``name`` is no number.

    Cisco standard 1-99 → 2001-2099 and 1300-1999 → 2100-2799; extended 100-199 → 3100-3199
    and 2000-2699 → 3200-3899; numbers already in the VRP range keep their number.
    """
    if not name.isdigit():
        return None
    number = int(name)
    r = ACL_RANGES.get(kind)
    if r is not None and r.low <= number <= r.high:
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

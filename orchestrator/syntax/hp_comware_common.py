"""What the H3C Comware 7 parser and renderer share: the view tree, secrets, names and numbers.

Comware prints `#` between blocks and indents nested views by one space per level, but it also
indents many top-level commands (` sysname X`, ` snmp-agent ...`) by one space after a `#`. So
the tree is built with the separators: a `#` at column c closes every view opened at column c
or deeper (inside `bgp`, ` #` separates the address families without closing `bgp`).
"""

from __future__ import annotations

import re
from ipaddress import IPv4Address

from orchestrator import ports
from orchestrator.model import Node, Secret, SecretKind
from orchestrator.model.base import field_default
from orchestrator.syntax.base import SECRET_TOKEN, Emitter, secret_token
from orchestrator.syntax.rules import Ctx
from orchestrator.syntax.text import Line

PLATFORM_NAME = "hp_comware"


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


# --- handler factories ----------------------------------------------------------------------


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

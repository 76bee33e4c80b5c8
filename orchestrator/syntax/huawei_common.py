"""What the Huawei VRP parsers and renderers share: the view tree, secrets, names and numbers.

VRP prints `#` between blocks and indents nested views by one space per level, but it also
indents some top-level commands (` sysname X`, ` snmp-agent ...`) by one space after a `#`. So
the tree is built with the separators: a `#` at column c closes every view opened at column c
or deeper. NE40E examples put a column-0 `#` inside `bgp` before ` ipv4-family ...`; such lines
are re-attached to the `bgp` view they continue.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from orchestrator import ports
from orchestrator.model import Node, Secret, SecretKind
from orchestrator.syntax.base import SECRET_TOKEN, Emitter
from orchestrator.syntax.rules import Ctx
from orchestrator.syntax.text import Line

if TYPE_CHECKING:
    from orchestrator.syntax.huawei_vrp import HuaweiVrp

#: lines that continue the previous top-level view even after a column-0 `#` (NE40E examples)
CONTINUES = {
    "bgp": re.compile(r"(?:ipv4-family|ipv6-family|l2vpn-family|vpnv4-family|evpn)\b"),
}


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

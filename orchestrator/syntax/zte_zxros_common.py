"""Helpers the ZXROS domain modules share: interface names, secrets, view-aware output."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from orchestrator import ports
from orchestrator.model import Interface, Node, Secret
from orchestrator.syntax.base import SECRET_TOKEN, Emitter, secret_token
from orchestrator.syntax.rules import Ctx
from orchestrator.syntax.text import Line

PLATFORM_NAME = "zte_zxros"

Handler = Callable[[Ctx, Line, "re.Match[str]", Any], None]


def ifname(name: str) -> str:
    return ports.canonical_name(PLATFORM_NAME, name)


def get_interface(ctx: Ctx, name: str) -> Interface:
    """The interface called ``name`` (ZXROS spelling), created with its kind on first use."""
    canonical = ifname(name)
    ifc = ctx.config.interface(canonical)
    ifc.kind = ports.interface_kind(PLATFORM_NAME, canonical)
    return ifc


def read_secret(ctx: Ctx, line: Line, value: str, *, encrypted: bool = False) -> Secret:
    """A secret as ZXROS writes it: a `{{secret:KEY}}` reference, `encrypted X`, or clear text."""
    token = SECRET_TOKEN.fullmatch(value)
    if token:
        return Secret("ref", token.group(1))
    if encrypted or (value.startswith("*") and value.count("*") >= 2):
        return ctx.secret(line, "zte_encrypted", value)
    return ctx.secret(line, "plain", value)


def write_secret(secret: Secret) -> str:
    return secret_token(secret)


def quote(text: str) -> str:
    """ZXROS quotes free text that holds blanks (descriptions, contacts)."""
    return f'"{text}"' if " " in text and not text.startswith('"') else text


def unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text


class Writer:
    """Emits ZXROS lines: two blanks of indentation per view, `$` at the end of every view,
    section markers; everything else is the shared `Emitter` (``w.out``)."""

    def __init__(self, out: Emitter) -> None:
        self.out = out
        self.depth = 0
        self.also = out.also

    def line(self, text: str, node: Node | None = None, *fields: str) -> None:
        """One target line from ``fields`` of ``node``; see `item` for a line from a whole node."""
        if node is not None and not fields:
            self.item(text, node)
            return
        self.out.emit("  " * self.depth + text, node, *fields)

    def item(self, text: str, node: Node, *fields: str) -> None:
        """The one line that stands for ``node`` (an entry, a server): it carries all of the
        node's source lines; ``fields`` are the settings it expresses besides the node itself."""
        self.out.item("  " * self.depth + text, node, *fields)

    def plain(self, text: str) -> None:
        self.out.plain("  " * self.depth + text)

    @contextmanager
    def view(self, opener: str, node: Node | None = None, *fields: str) -> Iterator[None]:
        with self.out.view("  " * self.depth + opener, node, *fields):
            self.depth += 1
            try:
                yield
            finally:
                self.depth -= 1
                self.out.plain("  " * self.depth + "$")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        """`!<name>` … `!</name>`: the comment markers ZXROS puts around each feature."""
        self.out.plain(f"!<{name}>")
        try:
            yield
        finally:
            self.out.plain(f"!</{name}>")


def all_fields(node: Node) -> tuple[str, ...]:
    """Every field that has provenance on ``node`` (to account a whole node at once)."""
    return tuple(node.src.lines) or ("",)

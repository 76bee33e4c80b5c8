"""The writer the VRP renderers share: one space of indentation per view and `#` separators.

Everything else (provenance, the record of what was expressed, declarations) is the shared
`Emitter`; `orchestrator.syntax.sweep` reports whatever no line expressed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from orchestrator.model import Node
from orchestrator.syntax.base import Emitter

if TYPE_CHECKING:
    from orchestrator.syntax.huawei_vrp import HuaweiVrp


class Writer:
    """Writes VRP lines one space deeper per view through an `Emitter`."""

    def __init__(self, out: Emitter, platform: HuaweiVrp) -> None:
        self.out = out
        self.platform = platform
        self.depth = 0
        self.mark = out.mark
        self.default = out.default
        self.ignore = out.ignore
        self.unsupported = out.unsupported
        self.change = out.change

    def line(self, text: str, node: Node | None = None, *fields: str) -> None:
        self.out.emit(" " * self.depth + text, node, *fields)

    def line_multi(self, text: str, parts: Sequence[tuple[Node, str]]) -> None:
        """A line that several nodes' fields share (a global switch several ports ask for)."""
        self.out.emit(" " * self.depth + text)
        for node, name in parts:
            self.out.also(node, name)

    @contextmanager
    def view(self, text: str, node: Node | None = None, *fields: str) -> Iterator[None]:
        with self.out.view(" " * self.depth + text, node, *fields):
            self.depth += 1
            try:
                yield
            finally:
                self.depth -= 1

    def sep(self) -> None:
        """`#` between blocks (one space deeper inside a view, as VRP prints it), once."""
        text = " " * self.depth + "#"
        emissions = self.out.result.emissions
        if not emissions or emissions[-1].text != text:
            self.out.plain(text)

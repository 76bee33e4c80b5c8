"""What a parser made of each source line.

A parser starts with every counted line marked ``unsupported`` ("not understood") and marks each
line it understands as ``parsed`` (it went into the model), ``ignored`` (with the rule that says
why it has no meaning elsewhere) or ``block`` (an opener whose statements are accounted on their
own lines). Nothing a parser does not understand can vanish: it stays ``unsupported``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from orchestrator.syntax.text import Line

Outcome = Literal["parsed", "ignored", "unsupported", "block"]

NOT_UNDERSTOOD = "not understood by the {platform} parser"


@dataclass
class LineOutcome:
    n: int
    text: str
    outcome: Outcome
    reason: str | None = None
    children: tuple[int, ...] = ()


class LineReport:
    """What the parser made of each counted source line."""

    def __init__(self, platform: str, lines: Iterable[Line]) -> None:
        self.platform = platform
        self.lines: dict[int, LineOutcome] = {
            line.n: LineOutcome(
                line.n, line.text, "unsupported", NOT_UNDERSTOOD.format(platform=platform)
            )
            for line in lines
        }
        self.warnings: list[str] = []
        self._redact: dict[int, set[str]] = {}

    def _mark(self, line: Line | int, outcome: Outcome, reason: str | None) -> None:
        n = line if isinstance(line, int) else line.n
        entry = self.lines.get(n)
        if entry is not None:
            entry.outcome = outcome
            entry.reason = reason

    def parsed(self, line: Line | int) -> None:
        self._mark(line, "parsed", None)

    def ignored(self, line: Line | int, rule: str) -> None:
        self._mark(line, "ignored", rule)

    def unsupported(self, line: Line | int, reason: str) -> None:
        self._mark(line, "unsupported", reason)

    def block(self, line: Line, children: Iterable[Line] | None = None) -> None:
        """Mark an opener whose status follows from its statements (e.g. Junos `protocols {`)."""
        kids = tuple(c.n for c in (children if children is not None else line.descendants()))
        self._mark(line, "block", "block opener; its statements are accounted on their own lines")
        entry = self.lines.get(line.n)
        if entry is not None:
            entry.children = kids

    def ignore_tree(self, line: Line, rule: str) -> None:
        """Ignore a line and everything nested under it."""
        self.ignored(line, rule)
        for child in line.descendants():
            self.ignored(child, rule)

    def unsupported_tree(self, line: Line, reason: str) -> None:
        self.unsupported(line, reason)
        for child in line.descendants():
            self.unsupported(child, reason)

    def redact(self, line: Line | int, value: str) -> None:
        """Never show ``value`` (a secret found on ``line``) in clear in any report."""
        if value:
            n = line if isinstance(line, int) else line.n
            self._redact.setdefault(n, set()).add(value)

    def shown_text(self, n: int) -> str:
        """The source line as a person may see it: secrets replaced by ``<redacted>``."""
        text = self.lines[n].text
        for value in sorted(self._redact.get(n, ()), key=len, reverse=True):
            text = text.replace(value, "<redacted>")
        return text

    def outcome(self, n: int) -> Outcome:
        return self.lines[n].outcome

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for entry in self.lines.values():
            out[entry.outcome] = out.get(entry.outcome, 0) + 1
        return out

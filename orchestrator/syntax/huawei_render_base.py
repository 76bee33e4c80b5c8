"""The writer the VRP renderers share: indentation, views, and a record of what was expressed.

Every line names the model node and fields it comes from; `sweep` then walks the model and
reports every non-default field that no line expressed and no rule ignored as unsupported, so a
field the renderers do not know (the model grows) can never vanish silently.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import MISSING
from typing import TYPE_CHECKING

from orchestrator.model import Node
from orchestrator.model.base import field_default, node_fields
from orchestrator.syntax.base import Emitter

if TYPE_CHECKING:
    from orchestrator.syntax.huawei_vrp import HuaweiVrp


class Writer:
    """Writes VRP lines one space deeper per view, remembering the (node, field) pairs written."""

    def __init__(self, out: Emitter, platform: HuaweiVrp) -> None:
        self.out = out
        self.platform = platform
        self.depth = 0
        self.handled: set[tuple[int, str]] = set()

    def line(self, text: str, node: Node | None = None, *fields: str) -> None:
        self._mark(node, fields)
        self.out.emit(" " * self.depth + text, node, *fields)

    def line_multi(self, text: str, parts: Sequence[tuple[Node, str]]) -> None:
        """A line that several nodes' fields share (a global switch several ports ask for)."""
        sources: list[int] = []
        for node, name in parts:
            self._mark(node, (name,))
            for n in self.out.sources_of(node, (name,)):
                if n not in sources:
                    sources.append(n)
        self.out.emit(" " * self.depth + text)
        self.out.result.emissions[-1].sources = tuple(sources)

    @contextmanager
    def view(self, text: str, node: Node | None = None, *fields: str) -> Iterator[None]:
        self._mark(node, fields)
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

    def ignore(self, node: Node | None, *fields: str, rule: str) -> None:
        """Declare ``fields`` (the whole node if none) as needing no line, with the rule;
        the lines of any node they hold are accounted the same way."""
        self._mark(node, fields)
        self.out.ignore(node, *fields, rule=rule)
        if node is not None and not fields:  # the whole node: every line that set it
            self.out.ignore(node, *node.src.lines, rule=rule)
        for child in _held(node, fields):
            _account_all(self.out, child, rule, ignored=True)

    def default(self, node: Node, *fields: str, rule: str) -> None:
        """``fields`` hold the target's default: no line, and the parser reads the default
        back as this value (so, unlike `ignore`, the fields stay in the round trip)."""
        self._mark(node, fields)
        for n in self.out.sources_of(node, fields):
            self.out.result.ignored.setdefault(n, rule)

    def unsupported(self, node: Node | None, *fields: str, reason: str) -> None:
        """Declare ``fields`` (the whole node if none) as inexpressible, with the reason;
        the lines of any node they hold are reported too."""
        self._mark(node, fields)
        self.out.unsupported(node, *fields, reason=reason)
        if node is not None and not fields:  # the whole node: every line that set it
            self.out.unsupported(node, *node.src.lines, reason=reason)
        for child in _held(node, fields):
            _account_all(self.out, child, reason, ignored=False)

    def change(self, node: Node | None, *fields: str, note: str) -> None:
        self.out.change(node, *fields, note=note)

    def mark(self, node: Node | None, *fields: str) -> None:
        """Record fields as expressed by lines written for other fields (no line of their own)."""
        self._mark(node, fields)

    def _mark(self, node: Node | None, names: tuple[str, ...]) -> None:
        if node is not None:
            for name in names or ("",):
                self.handled.add((id(node), name))


def sweep(w: Writer, root: Node) -> None:
    """Report every field of ``root`` (recursively) that was neither written nor declared."""
    dropped = set(w.out.result.dropped)
    handled = w.handled
    touched = {node_id for node_id, _ in handled}
    platform = w.platform.name

    def walk(node: Node, path: str, owner: tuple[Node, str] | None) -> None:
        node_id = id(node)
        if (node_id, "") in dropped:
            return
        cls = type(node)
        required = _required(cls)
        if required and (node_id, "") not in handled:
            reason = f"{platform} has no form for {path}"
            if owner is not None:  # a node held directly in a field: drop it through the field
                w.unsupported(owner[0], owner[1], reason=reason)
            else:
                w.unsupported(node, reason=reason)
            _report_all(w, node, reason)
            return
        for f in node_fields(cls):
            name = f.name
            if name in required or (node_id, name) in dropped:
                continue
            value = getattr(node, name)
            children = _nodes(value)
            if children is not None:
                direct = isinstance(value, Node)
                if direct and field_default(cls, name) is None and not _touched(value, touched):
                    # nothing of this part was written: report it whole, by its own lines too
                    reason = f"{platform} has no form for {path}.{name}"
                    w.unsupported(node, name, reason=reason)
                    _report_all(w, value, reason)
                    continue
                for key, child in children:
                    walk(child, f"{path}.{name}{key}", (node, name) if direct else None)
                continue
            if value == field_default(cls, name) or (node_id, name) in handled:
                continue
            w.unsupported(node, name, reason=f"{platform} has no form for {path}.{name}")

    walk(root, type(root).__name__, None)


_REQUIRED: dict[type, frozenset[str]] = {}


def _required(cls: type) -> frozenset[str]:
    """The fields of ``cls`` without a default (a node's identity: name, number, address)."""
    found = _REQUIRED.get(cls)
    if found is None:
        found = _REQUIRED[cls] = frozenset(
            f.name
            for f in node_fields(cls)
            if f.default is MISSING and f.default_factory is MISSING
        )
    return found


def _report_all(w: Writer, node: Node, reason: str) -> None:
    """Mark every source line behind ``node`` and the nodes inside it unsupported."""
    _account_all(w.out, node, reason, ignored=False)


def _held(node: Node | None, names: tuple[str, ...]) -> list[Node]:
    """The nodes inside ``node`` that dropping ``names`` (the node itself if none) drops."""
    if node is None:
        return []
    if not names or names == ("",):
        return [
            child
            for f in node_fields(type(node))
            for _, child in _nodes(getattr(node, f.name)) or []
        ]
    return [child for name in names if name for _, child in _nodes(getattr(node, name)) or []]


def _account_all(out: Emitter, node: Node, why: str, *, ignored: bool) -> None:
    """Account every source line behind ``node`` and the nodes inside it the same way."""
    names = tuple(node.src.lines) or ("",)
    if ignored:
        out.ignore(node, *names, rule=why)
    else:
        out.unsupported(node, *names, reason=why)
    for f in node_fields(type(node)):
        for _, child in _nodes(getattr(node, f.name)) or []:
            _account_all(out, child, why, ignored=ignored)


def _touched(node: Node, touched: set[int]) -> bool:
    """Whether any line was written for ``node`` or a node inside it."""
    if id(node) in touched:
        return True
    for f in node_fields(type(node)):
        for _, child in _nodes(getattr(node, f.name)) or []:
            if _touched(child, touched):
                return True
    return False


def _nodes(value: object) -> list[tuple[str, Node]] | None:
    """The nodes inside a field value (a node, a list/dict of nodes), or None if it holds data."""
    if isinstance(value, Node):
        return [("", value)]
    if isinstance(value, list):
        if not value:
            return []
        if all(isinstance(v, Node) for v in value):
            return [(f"[{i}]", v) for i, v in enumerate(value)]
        return None
    if isinstance(value, dict):
        if not value:
            return []
        if all(isinstance(v, Node) for v in value.values()):
            return [(f"[{k}]", v) for k, v in value.items()]
        return None
    return None

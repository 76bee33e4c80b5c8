"""What the Cisco IOS renderer's modules share: a `Writer` that remembers which model fields it
wrote, and the safety net that reports every other non-default field unsupported.

The model grows while platforms are written. A field the renderer has no rule for must neither
vanish from a translation nor break the round trip: `account_rest` finds each such field after
rendering and declares it unsupported, naming the source lines it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import MISSING, fields
from ipaddress import IPv4Network

from orchestrator.model import Node, Secret
from orchestrator.syntax.base import Emission, Emitter, secret_token
from orchestrator.syntax.rules import prefixlen_to_mask, prefixlen_to_wildcard


class Writer:
    """An `Emitter` that also records every (node, field) it wrote or declared."""

    def __init__(self, platform: str) -> None:
        self.out = Emitter(platform)
        self.handled: set[tuple[int, str]] = set()

    def _mark(self, node: Node | None, names: tuple[str, ...]) -> None:
        if node is not None:
            self.handled.update((id(node), name) for name in names or ("",))
            self.handled.add((id(node), ""))

    def _sources(self, node: Node | None, names: tuple[str, ...]) -> tuple[str, ...]:
        """The fields whose source lines a target line cites: ``names``, or (when the parser
        recorded none of them) the node's own header line."""
        if names and not Emitter.sources_of(node, names):
            return ()
        return names

    def line(self, text: str, node: Node | None = None, *names: str) -> None:
        """Write ``text``, made from ``names`` of ``node`` (its header line if none)."""
        self.out.emit(text, node, *self._sources(node, names))
        self._mark(node, names)

    def item(self, text: str, node: Node, *names: str) -> None:
        """Write the one line that stands for all of ``node`` (a route, an ACL entry, a
        server): it cites the node's own source line as well as those of ``names``."""
        self.out.emit(text, node, "", *names)
        self._mark(node, names)

    def cite(self, text: str, sources: tuple[int, ...], node: Node, *names: str) -> None:
        """Write ``text`` citing exactly ``sources``; ``names`` of ``node`` are handled."""
        self.out.result.emissions.append(Emission(text, sources, tuple(self.out._views)))
        self._mark(node, names)

    def nth(self, text: str, node: Node, name: str, index: int, count: int) -> None:
        """Write item ``index`` of the ``count`` items of list or dict field ``name``.

        When the parser recorded one source line per item, the line cites only its own item's
        line; otherwise every line of the field.
        """
        lines = node.src.get(name)
        sources = (lines[index],) if len(lines) == count else lines
        self.out.result.emissions.append(Emission(text, sources, tuple(self.out._views)))
        self._mark(node, (name,))

    def plain(self, text: str) -> None:
        self.out.plain(text)

    @contextmanager
    def view(self, opener: str, node: Node | None = None, *names: str) -> Iterator[None]:
        # an opener stands for its node: it cites the node's own source line too
        with self.out.view(opener, node, "", *names):
            self._mark(node, names)
            yield

    def done(self, node: Node, *names: str) -> None:
        """``names`` are written by lines that name other fields (or need no line at all)."""
        self._mark(node, names)

    def change(self, node: Node, *names: str, note: str) -> None:
        self.out.change(node, *names, note=note)

    def ignore(self, node: Node, *names: str, rule: str) -> None:
        self.out.ignore(node, *names, rule=rule)
        self._mark(node, names)

    def unsupported(self, node: Node, *names: str, reason: str) -> None:
        self.out.unsupported(node, *names, reason=reason)
        self._mark(node, names)


def descendants(node: Node) -> list[Node]:
    """``node`` and every node nested in it."""
    out: list[Node] = [node]
    for f in fields(node):
        if f.name == "src":
            continue
        value = getattr(node, f.name)
        for child in [value] if isinstance(value, Node) else _nodes(value):
            out.extend(descendants(child))
    return out


def drop(w: Writer, node: Node, reason: str, parent: Node | None = None, field: str = "") -> None:
    """Declare all of ``node`` unsupported: every source line in it, and the node itself
    (from its list or dict, or as ``field`` of ``parent`` when it is a single nested node)."""
    for item in descendants(node):
        w.out.unsupported(item, *item.src.lines, reason=reason)
    if parent is not None:
        w.unsupported(parent, field, reason=reason)
    else:
        w.out.result.dropped.append((id(node), ""))
        w.done(node)


def secret(value: Secret) -> str:
    """How a secret is written: the reference token, in the clear-text form of each command."""
    return secret_token(value)


def mask(length: int) -> str:
    return prefixlen_to_mask(length)


def net_mask(prefix: IPv4Network) -> str:
    """`10.0.0.0 255.0.0.0`."""
    return f"{prefix.network_address} {prefixlen_to_mask(prefix.prefixlen)}"


def net_wildcard(prefix: IPv4Network) -> str:
    """`10.0.0.0 0.255.255.255`."""
    return f"{prefix.network_address} {prefixlen_to_wildcard(prefix.prefixlen)}"


def ranges(values: list[int]) -> str:
    """[1, 2, 3, 10] → "1-3,10"."""
    out: list[str] = []
    for v in sorted(set(values)):
        if out and "-" not in out[-1] and int(out[-1]) == v - 1:
            out[-1] = f"{out[-1]}-{v}"
        elif out and "-" in out[-1] and int(out[-1].split("-")[1]) == v - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{v}"
        else:
            out.append(str(v))
    return ",".join(out)


def _default(node: object, name: str) -> object:
    for f in fields(node):  # type: ignore[arg-type]
        if f.name == name:
            if f.default is not MISSING:
                return f.default
            if f.default_factory is not MISSING:
                return f.default_factory()
    return MISSING


def _is_empty(node: Node) -> bool:
    """True when every field of ``node`` holds its default (nothing to write)."""
    for f in fields(node):
        if f.name != "src" and getattr(node, f.name) != _default(node, f.name):
            return False
    return True


def _nodes(value: object) -> list[Node]:
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, Node)]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, Node)]
    return []


def account_rest(w: Writer, node: Node, where: str = "config") -> None:
    """Declare unsupported every non-default field of ``node`` (recursively) nobody wrote.

    A node nothing was written for is dropped whole: from its list or dict, or (a single
    nested node) as its parent's field.
    """
    for f in fields(node):
        if f.name == "src":
            continue
        value = getattr(node, f.name)
        path = f"{where}.{f.name}"
        reason = f"the IOS renderer has no rule for {path}"
        dropped = set(w.out.result.dropped)
        if isinstance(value, Node):
            if (id(node), f.name) in dropped or _is_empty(value):
                continue
            if (id(value), "") in w.handled:
                account_rest(w, value, path)
            else:
                drop(w, value, reason, node, f.name)
            continue
        children = _nodes(value)
        if children:
            for child in children:
                if (id(child), "") in dropped:
                    continue
                if (id(child), "") in w.handled:
                    account_rest(w, child, path)
                else:
                    drop(w, child, reason)
            continue
        if (id(node), f.name) in w.handled or (id(node), f.name) in dropped:
            continue
        if value != _default(node, f.name):
            w.unsupported(node, f.name, reason=reason)

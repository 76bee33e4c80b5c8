"""What the Cisco IOS renderer's modules share: the IOS conventions over the shared `Emitter`
(a line for a node stands for the node too) and how values are written.

What no line expresses is reported by `orchestrator.syntax.sweep` after rendering.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from ipaddress import IPv4Network

from orchestrator.model import Node, Secret
from orchestrator.syntax.base import Emitter, secret_token
from orchestrator.syntax.rules import prefixlen_to_mask, prefixlen_to_wildcard


class Writer:
    """IOS conventions over the shared `Emitter`: a line for a node also stands for the node
    itself (its header line is its own, `""`), and an item line cites the item's own line."""

    def __init__(self, platform: str) -> None:
        self.out = Emitter(platform)
        self.plain = self.out.plain
        self.change = self.out.change

    def _sources(self, node: Node | None, names: tuple[str, ...]) -> tuple[str, ...]:
        """The fields whose source lines a target line cites: ``names``, or (when the parser
        recorded none of them) the node's own header line."""
        if names and not Emitter.sources_of(node, names):
            return ()
        return names

    def line(self, text: str, node: Node | None = None, *names: str) -> None:
        """Write ``text``, made from ``names`` of ``node`` (its header line if none)."""
        self.out.emit(text, node, *self._sources(node, names))
        self.out.mark(node, "", *names)

    def item(self, text: str, node: Node, *names: str) -> None:
        """Write the one line that stands for all of ``node`` (a route, an ACL entry, a
        server): it cites the node's own source line as well as those of ``names``."""
        self.out.emit(text, node, "", *names)

    def cite(self, text: str, sources: tuple[int, ...], node: Node, *names: str) -> None:
        """Write ``text`` citing exactly ``sources``; ``names`` of ``node`` are handled."""
        self.out.cite(text, sources, node, "", *names)

    @contextmanager
    def view(self, opener: str, node: Node | None = None, *names: str) -> Iterator[None]:
        # an opener stands for its node: it cites the node's own source line too
        with self.out.view(opener, node, "", *names):
            yield

    def done(self, node: Node, *names: str) -> None:
        """``names`` are written by lines that name other fields (or need no line at all)."""
        self.out.mark(node, "", *names)

    def ignore(self, node: Node, *names: str, rule: str) -> None:
        self.out.ignore(node, *names, rule=rule)
        self.out.mark(node)

    def unsupported(self, node: Node, *names: str, reason: str) -> None:
        self.out.unsupported(node, *names, reason=reason)
        self.out.mark(node)


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

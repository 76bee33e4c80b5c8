"""A running config as the box holds it: lines in blocks, changed one command at a time.

The emulators keep configuration as text, the way the real boxes show it, and hand the text to
`orchestrator.syntax` whenever they need its meaning. A command entered in a block adds a line
to that block, replaces the line it supersedes (`description`, `ip address`, ...) or, negated
(`no ...`, `undo ...`), removes the lines it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field


@dataclass
class Block:
    """One config line and the lines indented under it."""

    text: str
    children: list[Block] = field(default_factory=list)

    def find(self, text: str) -> Block | None:
        for child in self.children:
            if child.text == text:
                return child
        return None

    def walk(self, depth: int = 0) -> Iterator[tuple[int, Block]]:
        for child in self.children:
            yield depth, child
            yield from child.walk(depth + 1)


@dataclass
class ConfigTree:
    """An indentation-structured config: `root.children` are the top-level lines.

    ``replace_keys`` are patterns whose match is a line's identity: a new line with the same
    match replaces the old one (`description ...`, `ip address A M` without `secondary`,
    `mtu N`); every other line is added beside the lines already there (`logging host`,
    `ip route` and `vlan` lines are many).
    """

    root: Block = field(default_factory=lambda: Block(""))
    replace_keys: Sequence[re.Pattern[str]] = ()
    separators: frozenset[str] = frozenset({"!", "#", "$"})

    @classmethod
    def from_text(
        cls,
        text: str,
        replace_keys: Sequence[re.Pattern[str]] = (),
        separators: frozenset[str] = frozenset({"!", "#", "$"}),
    ) -> ConfigTree:
        tree = cls(replace_keys=replace_keys, separators=separators)
        stack: list[tuple[int, Block]] = [(-1, tree.root)]
        for raw in text.splitlines():
            stripped = raw.strip()
            if not stripped or stripped in separators or stripped.startswith("!<"):
                continue
            if stripped in {"end", "return"} and raw == stripped:
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            while stack[-1][0] >= indent:
                stack.pop()
            block = Block(stripped)
            stack[-1][1].children.append(block)
            stack.append((indent, block))
        return tree

    def block(self, path: Sequence[str], create: bool = False) -> Block | None:
        """The block at ``path`` (a list of header lines from the top), or None."""
        node = self.root
        for text in path:
            found = node.find(text)
            if found is None:
                if not create:
                    return None
                found = Block(text)
                node.children.append(found)
            node = found
        return node

    def add(self, path: Sequence[str], text: str) -> Block:
        """Enter ``text`` inside the block at ``path``; returns its block (new or existing)."""
        parent = self.block(path, create=True)
        assert parent is not None
        existing = parent.find(text)
        if existing is not None:
            return existing
        key = self._key(text)
        for i, child in enumerate(parent.children):
            if not child.children and key is not None and self._key(child.text) == key:
                parent.children[i] = Block(text)
                return parent.children[i]
        block = Block(text)
        parent.children.append(block)
        return block

    def remove(self, path: Sequence[str], words: str) -> int:
        """Remove the lines of the block at ``path`` that begin with ``words``; how many."""
        parent = self.block(path)
        if parent is None:
            return 0
        prefix = words.split()
        kept = [c for c in parent.children if c.text.split()[: len(prefix)] != prefix]
        removed = len(parent.children) - len(kept)
        if not removed:
            # `no description` names no value; `no ip address A M` names one: match by identity
            key = self._key(words)
            kept = [c for c in parent.children if key is None or self._key(c.text) != key]
            removed = len(parent.children) - len(kept)
        parent.children = kept
        return removed

    def text(self, indent: int = 1, separator: str | None = None) -> str:
        """The config as text, ``indent`` spaces per level, ``separator`` between top blocks."""
        out: list[str] = []
        for block in self.root.children:
            if separator is not None and (block.children or not out):
                out.append(separator)
            out.append(block.text)
            for depth, child in block.walk(1):
                out.append(" " * (indent * depth) + child.text)
        if separator is not None:
            out.append(separator)
        return "\n".join(out) + "\n"

    def _key(self, text: str) -> str | None:
        for pattern in self.replace_keys:
            m = pattern.match(text)
            if m:
                return m.group(0)
        return None

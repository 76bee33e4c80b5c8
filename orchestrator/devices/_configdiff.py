"""Config text as a tree, and the commands that turn one config into another.

The generic config life cycle of `CutoverDriver` (for OSes without a candidate: VRP5, ZXROS,
IOS without archive) works on text: the running config and the candidate are read as trees of
indented blocks (`orchestrator.lab.configtree.ConfigTree`, the same reading the lab uses), and
a replace becomes "negate what is gone, enter what is new", view by view. A merge is the
candidate's own lines, entered view by view.

    >>> d = ConfigDialect(negation="undo", up="quit")
    >>> old = d.tree("sysname A\\ninterface G1\\n description x\\n shutdown\\n")
    >>> new = d.tree("sysname B\\ninterface G1\\n description y\\n")
    >>> d.replace_commands(old, new)
    ['sysname B', 'interface G1', 'undo shutdown', 'description y', 'quit']
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from orchestrator.lab.configtree import Block, ConfigTree

#: lines whose match is a line's identity: a new line with the same match overwrites the old
#: one, so the old one is not negated first (`description`, `ip address A M`, `sysname`, ...)
DEFAULT_REPLACE_KEYS: tuple[str, ...] = (
    r"description ",
    r"hostname ",
    r"sysname ",
    r"ip address (?=\S+ \S+$)",  # the primary address: a new one replaces it
    r"mtu ",
    r"speed ",
    r"duplex ",
    r"router-id ",
)


@dataclass(frozen=True)
class ConfigDialect:
    """How one OS writes and negates config text.

    ``negation`` is the word that removes a line (`no`, `undo`); ``up`` leaves one view
    (`exit`, `quit`); ``replace_keys`` are patterns whose match is a line's identity;
    ``comments`` are patterns of lines that are not config (`!Software Version ...`,
    `Building configuration...`) and are dropped before comparing.
    """

    negation: str = "no"
    up: str = "exit"
    replace_keys: Sequence[str] = DEFAULT_REPLACE_KEYS
    comments: Sequence[str] = ()
    indent: int = 1
    _keys: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _comments: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", tuple(re.compile(k) for k in self.replace_keys))
        object.__setattr__(self, "_comments", tuple(re.compile(c) for c in self.comments))

    # -- reading ----------------------------------------------------------------------------
    def tree(self, text: str) -> ConfigTree:
        """``text`` as a tree, comment lines, separators and `end`/`return` dropped."""
        kept = [
            line
            for line in text.replace("\r\n", "\n").split("\n")
            if not any(c.match(line.strip()) for c in self._comments)
        ]
        return ConfigTree.from_text("\n".join(kept), self._keys)

    def normalise(self, text: str) -> str:
        """``text`` as the tree reads it: what `compare` and the tests compare."""
        return self.text(self.tree(text))

    def text(self, tree: ConfigTree) -> str:
        return tree.text(self.indent)

    def same(self, a: ConfigTree, b: ConfigTree) -> bool:
        """Whether two configs hold the same lines under the same headers, in any order (a
        line entered back lands at the end of its view)."""
        return config_paths(a) == config_paths(b)

    # -- negation ---------------------------------------------------------------------------
    def negate(self, line: str) -> str:
        """The command that removes ``line``; a negated line's negation is the line itself."""
        prefix = self.negation + " "
        if line.startswith(prefix):
            return line[len(prefix) :]
        return prefix + line

    def key(self, line: str) -> str | None:
        for pattern in self._keys:
            m = pattern.match(line)
            if m:
                return m.group(0)
        return None

    # -- commands ---------------------------------------------------------------------------
    def merge_commands(self, candidate: ConfigTree) -> list[str]:
        """The candidate's lines in order, each view entered by its header and left by ``up``."""
        out: list[str] = []
        for block in candidate.root.children:
            self._enter_all(block, out)
        return out

    def replace_commands(self, running: ConfigTree, target: ConfigTree) -> list[str]:
        """The commands that turn ``running`` into ``target``: per view, first the lines that
        go (negated), then the lines that come."""
        out: list[str] = []
        self._diff(running.root, target.root, out)
        return out

    def merged(self, running: ConfigTree, candidate: ConfigTree) -> ConfigTree:
        """What ``running`` becomes once ``candidate`` is entered line by line (for diffs)."""
        result = self.tree(self.text(running))
        self._apply(result, (), candidate.root)
        return result

    def _apply(self, tree: ConfigTree, path: tuple[str, ...], block: Block) -> None:
        prefix = self.negation + " "
        for child in block.children:
            if child.text.startswith(prefix) and not child.children:
                if not tree.remove(path, child.text[len(prefix) :]):
                    tree.add(path, child.text)  # `undo shutdown` on a port without `shutdown`
                continue
            tree.add(path, child.text)
            self._apply(tree, (*path, child.text), child)

    def _enter_all(self, block: Block, out: list[str]) -> None:
        out.append(block.text)
        if block.children:
            for child in block.children:
                self._enter_all(child, out)
            out.append(self.up)

    def _diff(self, old: Block, new: Block, out: list[str]) -> None:
        new_texts = {c.text for c in new.children}
        new_keys = {self.key(c.text) for c in new.children if not c.children} - {None}
        for child in old.children:
            if child.text in new_texts:
                continue
            if not child.children and self.key(child.text) in new_keys:
                continue  # the new line with the same identity overwrites it
            out.append(self.negate(child.text))
        old_by_text = {c.text: c for c in old.children}
        for child in new.children:
            before = old_by_text.get(child.text)
            if before is None:
                self._enter_all(child, out)
                continue
            inner: list[str] = []
            self._diff(before, child, inner)
            if inner:
                out.append(child.text)
                out.extend(inner)
                out.append(self.up)


def config_paths(tree: ConfigTree) -> frozenset[tuple[str, ...]]:
    """Every line with the headers above it: a config as a set, order left out."""
    found: set[tuple[str, ...]] = set()

    def walk(block: Block, path: tuple[str, ...]) -> None:
        for child in block.children:
            here = (*path, child.text)
            found.add(here)
            walk(child, here)

    walk(tree.root, ())
    return frozenset(found)


def unified_diff(before: str, after: str) -> str:
    """A unified diff of two normalised configs; "" when they are the same."""
    lines = difflib.unified_diff(
        before.splitlines(), after.splitlines(), "running", "candidate", lineterm=""
    )
    text = "\n".join(lines)
    return text + "\n" if text else ""

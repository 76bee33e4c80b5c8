"""The difference between two Huawei configurations, as VRP8 shows it.

`display configuration candidate changes` and `display configuration commit changes` print the
lines one configuration has and the other lacks under the headers of their views, `+` for
added, `-` for removed, a space for context:

      #
      interface GigabitEthernet1/0/0
    -  description old
    +  description new
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from orchestrator.lab.configtree import Block, ConfigTree

Sign = Literal["+", "-", " "]


@dataclass(frozen=True)
class Change:
    sign: Sign
    depth: int
    text: str


def changes(old: ConfigTree, new: ConfigTree) -> list[Change]:
    """What turns ``old`` into ``new``, view by view, in ``new``'s order."""
    return _walk(old.root, new.root, 0)


def _walk(old: Block, new: Block, depth: int) -> list[Change]:
    """Line up the two views' lines (a changed line shows as `-` old then `+` new)."""
    out: list[Change] = []
    a = [child.text for child in old.children]
    b = [child.text for child in new.children]
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            for before, after in zip(old.children[a1:a2], new.children[b1:b2], strict=True):
                inner = _walk(before, after, depth + 1)
                if inner:
                    out += [Change(" ", depth, after.text), *inner]
            continue
        for child in old.children[a1:a2]:
            out += _whole("-", child, depth)
        for child in new.children[b1:b2]:
            out += _whole("+", child, depth)
    return out


def _whole(sign: Sign, block: Block, depth: int) -> list[Change]:
    return [Change(sign, depth, block.text)] + [
        Change(sign, depth + 1 + level, b.text) for level, b in block.walk()
    ]


def render_changes(found: list[Change], signs: bool) -> str:
    """With ``signs``: the +/- view; without: the commands the candidate adds (removed lines
    as `undo` lines under their view)."""
    lines: list[str] = []
    for index, change in enumerate(found):
        if change.depth == 0 and (index == 0 or found[index - 1].depth > 0 or _opens(found, index)):
            lines.append("  #" if signs else "#")
        indent = " " * change.depth
        if signs:
            lines.append(f"{change.sign} {indent}{change.text}")
        elif change.sign == "-":
            if not _under_removed(found, index):
                lines.append(f"{indent}undo {change.text}")
        else:
            lines.append(f"{indent}{change.text}")
    return "\n".join(lines) + "\n" if lines else ""


def _opens(found: list[Change], index: int) -> bool:
    """Whether the top-level change at ``index`` has lines under it (a view)."""
    return index + 1 < len(found) and found[index + 1].depth > 0


def _under_removed(found: list[Change], index: int) -> bool:
    """Whether the change at ``index`` sits inside a removed view (one `undo` says it)."""
    depth = found[index].depth
    for earlier in reversed(found[:index]):
        if earlier.depth < depth:
            return earlier.sign == "-"
    return False

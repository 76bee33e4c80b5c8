"""Junos configuration groups: `apply-groups` copies a group's statements into place.

Inherited statements come first, so that a value the configuration sets itself wins, as it does
on the box. Wildcards such as ``<ge-*>`` expand over the names the configuration really has at
that place; a group that nothing applies configures nothing (its lines are ignored with that
rule), and a group the file does not define (junos-defaults, commit scripts) is unsupported.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import replace

from orchestrator.syntax.juniper_junos_ranges import expand_ranges
from orchestrator.syntax.juniper_junos_text import (
    INACTIVE_RULE,
    Stmt,
    Stream,
    read_statements,
    unquote,
    values,
)
from orchestrator.syntax.text import Line


def read_stream(lines: Iterable[Line], *, path: str = "<input>") -> Stream:
    """Every statement of a Junos configuration, groups applied. Raises `ParseError` if cut."""
    stream = read_statements(lines, path=path)
    stream.statements = apply_groups(stream)
    expand_ranges(stream)
    return stream


GROUP_UNUSED = "configuration group {name} is applied nowhere: it configures nothing"


def _wild(word: str) -> bool:
    return len(word) > 2 and word[0] == "<" and word[-1] == ">"


def _fits(pattern: str, word: str) -> bool:
    return fnmatch.fnmatchcase(word, pattern[1:-1]) if _wild(pattern) else pattern == word


def apply_groups(stream: Stream) -> list[Stmt]:
    """Statements with the groups expanded where ``apply-groups`` puts them, group text dropped.

    Inherited statements come first, so that a value the configuration sets itself wins, as it
    does on the box. The ``apply-groups`` lines themselves are settled in ``stream.verdicts``.
    """
    base: list[Stmt] = []
    groups: dict[str, list[Stmt]] = {}
    applies: list[tuple[tuple[str, ...], list[str], Stmt]] = []
    excepts: list[tuple[tuple[str, ...], list[str]]] = []
    for stmt in stream.statements:
        words = stmt.words
        if words[0] == "groups" and len(words) >= 2:
            groups.setdefault(unquote(words[1]), [])
            if len(words) > 2 and "apply-groups" not in words:
                groups[unquote(words[1])].append(stmt)
            elif len(words) > 2:
                stream.verdicts.append((stmt.line, "unsupported", "apply-groups inside a group"))
            else:
                stream.verdicts.append((stmt.line, "ignored", "an empty configuration group"))
            continue
        if "apply-groups" in words or "apply-groups-except" in words:
            key = "apply-groups" if "apply-groups" in words else "apply-groups-except"
            at = words.index(key)
            names = values(words[at + 1 :])
            if key == "apply-groups-except":
                excepts.append((words[:at], names))
                stream.verdicts.append(
                    (stmt.line, "ignored", "apply-groups-except: expansion honours it")
                )
            else:
                applies.append((words[:at], names, stmt))
            continue
        base.append(stmt)

    inherited: list[Stmt] = []
    used: set[int] = set()
    for prefix, names, apply in applies:
        if apply.inactive is not None:
            stream.verdicts.append((apply.line, "ignored", INACTIVE_RULE))
            continue
        missing = [n for n in names if n not in groups]
        if missing:
            stream.verdicts.append(
                (
                    apply.line,
                    "unsupported",
                    f"group {', '.join(missing)} is not in this file (junos-defaults or a "
                    "commit script): what it adds cannot be known",
                )
            )
        else:
            stream.verdicts.append(
                (
                    apply.line,
                    "ignored",
                    "apply-groups: the group's statements are translated on their own lines",
                )
            )
        for name in names:
            for stmt in groups.get(name, []):
                for expanded in _expand(stmt, prefix, base, excepts, name):
                    inherited.append(expanded)
                    used.add(id(stmt))
    for name, members in groups.items():
        for stmt in members:
            if id(stmt) not in used:
                stream.verdicts.append((stmt.line, "ignored", GROUP_UNUSED.format(name=name)))
    return inherited + base


def _expand(
    stmt: Stmt,
    prefix: tuple[str, ...],
    base: list[Stmt],
    excepts: list[tuple[tuple[str, ...], list[str]]],
    name: str,
) -> list[Stmt]:
    """The concrete statements one group statement gives under ``prefix`` (none if no fit)."""
    body = stmt.words[2:]
    if len(body) < len(prefix) or not all(
        _fits(p, w) or _fits(w, p) for p, w in zip(prefix, body, strict=False)
    ):
        return []
    combos: list[tuple[str, ...]] = [()]
    for i, word in enumerate(body):
        if i < len(prefix):
            combos = [(*c, prefix[i]) for c in combos]
        elif _wild(word):
            # the names the configuration itself has at this place, under the same path
            grown: list[tuple[str, ...]] = []
            for combo in combos:
                for other in base:
                    if (
                        other.inactive is None
                        and other.deleted is None
                        and len(other.words) > i
                        and other.words[:i] == combo
                        and _fits(word, other.words[i])
                        and (*combo, other.words[i]) not in grown
                    ):
                        grown.append((*combo, other.words[i]))
            combos = grown
        else:
            combos = [(*c, word) for c in combos]
    out: list[Stmt] = []
    openers = tuple((d - 2, line) for d, line in stmt.openers if d > 2)
    for words in combos:
        if any(words[: len(p)] == p and name in names for p, names in excepts):
            continue
        out.append(replace(stmt, words=words, openers=openers, group=name))
    return out


# --- display set ------------------------------------------------------------------------------


def to_set_lines(stream: Stream) -> list[str]:
    """The stream as `display set` text (inactive statements followed by `deactivate`)."""
    out: list[str] = []
    for stmt in stream.statements:
        if stmt.deleted is not None:
            continue
        out.append("set " + stmt.text)
        if stmt.inactive is not None:
            out.append("deactivate " + stmt.text)
    return out

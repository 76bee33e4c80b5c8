"""The Huawei command line as data: command syntaxes, keyword abbreviation and error diagnosis.

VRP reads a line word by word against its command tree: a keyword may be shortened to any
prefix that no sibling keyword shares (`dis cur` is `display current-configuration`), and a line
that does not fit the tree is refused with the place it stopped at marked by a caret:

    <HUAWEI>display interfaec
                    ^
    Error: Unrecognized command found at '^' position.

`Grammar` holds the command syntaxes of one persona (written as `display interface <name>`,
with `[optional]` words and `<param>` / `<param:regex>` / `<rest...>` parameters), turns each
into the regex the shared session engine matches, and says which of the four errors a line
that matches none of them gets, and where.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product
from typing import Literal

from orchestrator.lab.session import Command, Handler

ErrorKind = Literal["unrecognized", "incomplete", "too-many", "ambiguous"]

#: the four errors, in VRP's own words
ERRORS: dict[ErrorKind, str] = {
    "unrecognized": "Error: Unrecognized command found at '^' position.",
    "incomplete": "Error: Incomplete command found at '^' position.",
    "too-many": "Error: Too many parameters found at '^' position.",
    "ambiguous": "Error: Ambiguous command found at '^' position.",
}

#: parameter kinds usable as `<name:kind>`
PARAMS: dict[str, str] = {
    "word": r"\S+",
    "int": r"\d+",
    "ip": r"\d{1,3}(?:\.\d{1,3}){3}",
    "file": r"(?:[a-z]+:/)?[\w.$-]+",
    # an interface name, written together or with a space: GigabitEthernet0/0/1, GE 0/0/1
    "interface": r"[A-Za-z][A-Za-z-]* ?\d+(?:[/:.]\d+)*",
}


@dataclass(frozen=True)
class Word:
    text: str  # the keyword, or the parameter's group name
    regex: str | None = None  # a parameter's pattern; None for a keyword
    rest: bool = False  # the parameter takes the rest of the line


@dataclass
class _Node:
    keywords: dict[str, _Node] = field(default_factory=dict)
    params: list[tuple[Word, _Node]] = field(default_factory=list)
    terminal: bool = False
    absorbs: bool = False  # a `<rest...>` parameter: every further word belongs to it


def variants(spec: str) -> list[tuple[Word, ...]]:
    """Every word sequence ``spec`` allows (each `[optional]` part present or absent)."""
    parts: list[list[tuple[Word, ...]]] = []
    for token in re.findall(r"\[[^\]]*\]|\S+", spec):
        if token.startswith("["):
            inner = _words(token[1:-1].split())
            parts.append([(), inner])
        else:
            parts.append([_words([token])])
    return [tuple(w for part in combo for w in part) for combo in product(*parts)]


def _words(tokens: Iterable[str]) -> tuple[Word, ...]:
    out: list[Word] = []
    for token in tokens:
        m = re.fullmatch(r"<(\w+)(?::(\w+))?(\.\.\.)?>", token)
        if m is None:
            out.append(Word(token.lower()))
            continue
        name, kind, rest = m.groups()
        regex = ".+" if rest else PARAMS[kind or "word"]
        out.append(Word(name, regex, bool(rest)))
    return tuple(out)


class Grammar:
    """The exec-level commands of one persona: their regexes and the diagnosis of misses."""

    def __init__(self, specs: Iterable[tuple[str, Handler]]) -> None:
        self._specs = [(spec, handler) for spec, handler in specs]
        self._root = _Node()
        for spec, _ in self._specs:
            for words in variants(spec):
                self._add(words)

    def _add(self, words: tuple[Word, ...]) -> None:
        node = self._root
        for word in words:
            if word.regex is None:
                node = node.keywords.setdefault(word.text, _Node())
                continue
            for known, child in node.params:
                if known == word:
                    node = child
                    break
            else:
                child = _Node(absorbs=word.rest)
                node.params.append((word, child))
                node = child
        node.terminal = True

    def commands(self) -> list[Command]:
        """One `Command` per syntax, its regex honouring the abbreviations the tree allows."""
        out: list[Command] = []
        for spec, handler in self._specs:
            alternatives = [self._regex(words) for words in variants(spec)]
            pattern = _dedupe_groups(alternatives)
            out.append(Command(re.compile(pattern, re.IGNORECASE), handler))
        return out

    def _regex(self, words: tuple[Word, ...]) -> str:
        node = self._root
        pieces: list[str] = []
        for word in words:
            if word.regex is None:
                pieces.append(_abbreviation(word.text, node.keywords))
                node = node.keywords[word.text]
            else:
                pieces.append(f"(?P<{word.text}>{word.regex})")
                node = next(child for known, child in node.params if known == word)
        return r"\s+".join(pieces)

    def diagnose(self, text: str) -> tuple[ErrorKind, int]:
        """Why ``text`` matches no command, and the character offset the caret goes under."""
        words = [(m.group(0), m.start()) for m in re.finditer(r"\S+", text)]
        nodes = [self._root]
        for i, (word, start) in enumerate(words):
            lower = word.lower()
            following: list[_Node] = []
            ambiguous = False
            for node in nodes:
                if node.absorbs:
                    following.append(node)
                    continue
                if lower in node.keywords:
                    following.append(node.keywords[lower])
                else:
                    hits = [k for k in node.keywords if k.startswith(lower)]
                    if len(hits) == 1:
                        following.append(node.keywords[hits[0]])
                    ambiguous = ambiguous or len(hits) > 1
                for param, child in node.params:
                    if param.rest or re.fullmatch(param.regex or "", word):
                        following.append(child)
            if not following:
                if ambiguous:
                    return "ambiguous", start
                if i and any(node.terminal for node in nodes):
                    return "too-many", start
                return "unrecognized", start
            nodes = following
        if any(node.terminal for node in nodes):
            return "unrecognized", 0  # the words fit but the line as a whole does not
        return "incomplete", len(text)


def _abbreviation(keyword: str, siblings: dict[str, _Node]) -> str:
    """The regex of ``keyword`` and of every prefix of it no sibling keyword shares."""
    others = [k for k in siblings if k != keyword]
    shortest = len(keyword)
    for size in range(1, len(keyword) + 1):
        prefix = keyword[:size]
        if not any(k.startswith(prefix) for k in others):
            shortest = size
            break
    head = re.escape(keyword[:shortest])
    tail = keyword[shortest:]
    optional = ""
    for char in reversed(tail):
        optional = f"(?:{re.escape(char)}{optional})?"
    return head + optional


def _dedupe_groups(alternatives: list[str]) -> str:
    """Join a syntax's alternatives (its `[optional]` parts present or absent) into one regex;
    a group name that repeats gets a suffix in the later copies, and `param()` reads either."""
    seen: set[str] = set()
    out: list[str] = []
    for index, alt in enumerate(alternatives):

        def rename(m: re.Match[str], idx: int = index) -> str:
            name = m.group(1)
            if name in seen and idx:
                return f"(?P<{name}__{idx}>"
            return m.group(0)

        renamed = re.sub(r"\(\?P<(\w+)>", rename, alt)
        seen.update(re.findall(r"\(\?P<(\w+)>", alt))
        out.append(f"(?:{renamed})")
    return "|".join(out)


def param(m: re.Match[str], name: str) -> str | None:
    """The value of parameter ``name`` in a match of a `Grammar` command, whichever of the
    syntax's variants matched."""
    for key, value in m.groupdict().items():
        if value is not None and (key == name or key.startswith(name + "__")):
            return value
    return None


def error_text(kind: ErrorKind, prompt_width: int, offset: int) -> str:
    """The caret line and the error line VRP prints under a refused line."""
    return " " * (prompt_width + offset) + "^\n" + ERRORS[kind] + "\n"

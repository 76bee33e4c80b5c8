"""How the Junos CLI reads a typed line: keywords by unique prefix, `|` pipes, errors with a caret.

Junos accepts any unambiguous prefix of a keyword (`sh int te` is `show interfaces terse`) and
answers a word it cannot place with a caret under that word and one line of reason. A command
is a `Verb`: its keywords, and whether free words follow (`show interfaces xe-0/1/0 terse`:
the handler reads the words after the keywords itself, as Junos lets them come in any order).

>>> trie = Trie([Verb("show version", lambda s, c: "v"), Verb("show vlans", lambda s, c: "l")])
>>> trie.resolve(["sh", "vers"]).verb.words
'show version'
>>> trie.resolve(["sh", "v"]).error
"'v' is ambiguous."
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orchestrator.lab.session import Session

VerbHandler = Callable[["Session", "Call"], str]

UNKNOWN = "unknown command."
SYNTAX = "syntax error."
EXPECTING = "syntax error, expecting <command>."
MISSING = "missing argument."


@dataclass(frozen=True)
class Verb:
    """A command: its keywords (``words``), what answers it, and its one-line help.

    ``rest`` says free words may follow the keywords; ``need`` is how many at least."""

    words: str
    handler: VerbHandler
    help: str = ""
    rest: bool = False
    need: int = 0


@dataclass
class Call:
    """What a handler gets: the free words after the keywords, and what the pipes ask of it
    (`| display set`, `| compare [rollback N]`; the text filters apply after it answers)."""

    args: list[str] = field(default_factory=list)
    display_set: bool = False
    compare: int | None = None  # rollback number to compare against; 0 the running config
    line: str = ""  # the whole typed line


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    verb: Verb | None = None
    help: str = ""


@dataclass
class Resolved:
    """A resolved line: the verb and its free words, or an error at word ``at``."""

    verb: Verb | None = None
    args: list[str] = field(default_factory=list)
    error: str = ""
    at: int = 0
    choices: list[tuple[str, str]] = field(default_factory=list)


class Trie:
    """The commands of one CLI mode, matched word by word with Junos's prefix rule."""

    def __init__(self, verbs: Sequence[Verb]) -> None:
        self.root = _Node()
        for verb in verbs:
            node = self.root
            for word in verb.words.split():
                node = node.children.setdefault(word, _Node())
            node.verb = verb
            node.help = verb.help

    def resolve(self, words: list[str]) -> Resolved:
        node = self.root
        for i, word in enumerate(words):
            lower = word.lower()
            found = node.children.get(lower)
            if found is None:
                matches = [k for k in node.children if k.startswith(lower)]
                if len(matches) == 1:
                    found = node.children[matches[0]]
                elif node.verb is not None and node.verb.rest:
                    return self._done(node.verb, words[i:], i)
                elif matches:
                    choices = [(k, node.children[k].help) for k in sorted(matches)]
                    return Resolved(error=f"'{word}' is ambiguous.", at=i, choices=choices)
                else:
                    return Resolved(error=UNKNOWN if node is self.root else SYNTAX, at=i)
            node = found
        if node.verb is None:
            return Resolved(error=EXPECTING, at=len(words))
        return self._done(node.verb, [], len(words))

    @staticmethod
    def _done(verb: Verb, args: list[str], at: int) -> Resolved:
        if len(args) < verb.need:
            return Resolved(error=MISSING, at=at + len(args))
        return Resolved(verb=verb, args=args)


_WORD = re.compile(r'"(?:[^"\\]|\\.)*"|\S+')


def words_at(text: str) -> list[tuple[str, int]]:
    """The words of a line with the column each starts at (quoted strings whole)."""
    return [(m.group(0), m.start()) for m in _WORD.finditer(text)]


def split_pipes(text: str) -> list[str]:
    """A line cut at the `|` signs that are not inside quotes.

    >>> split_pipes('show configuration | display set | match "a|b"')
    ['show configuration ', ' display set ', ' match "a|b"']
    """
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == "|" and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def caret(prompt_width: int, column: int, message: str, choices: list[tuple[str, str]]) -> str:
    """The error block: a caret under the column of the line that is wrong, then why."""
    text = " " * (prompt_width + column) + "^\n" + message + "\n"
    if choices:
        text += "Possible completions:\n"
        text += "".join(f"  {name:<20} {help_}\n" for name, help_ in choices)
    return text


def error_text(prompt_width: int, line: str, found: Resolved, offset: int = 0) -> str:
    """The caret block for ``found`` (its error at word ``found.at`` of ``line``)."""
    spots = words_at(line)
    if found.at < len(spots):
        column = spots[found.at][1]
    else:
        column = len(line.rstrip()) + 1
    return caret(prompt_width, offset + column, found.error, found.choices)

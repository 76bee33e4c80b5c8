"""Junos text → one stream of statements, whichever way the configuration was shown.

`show configuration` prints a brace tree; `show configuration | display set` prints one `set`
line per leaf. Both become the same thing here: a `Stmt` is the full path of one leaf (``system
host-name r1``), the line it sits on, and the brace openers it sits in (so a handler that turns
``ge-0/0/1 {`` into an interface can say so). Everything that only shapes the stream is settled
here, before any rule table sees it:

* ``inactive:`` prefixes and ``deactivate`` lines make the statements under them inactive;
* ``delete`` lines cancel the ``set`` lines before them;
* ``apply-groups`` copies the statements of a configuration group into place (wildcards such as
  ``<ge-*>`` expand over the names the configuration really has), where the box would inherit
  them; a group that nothing applies configures nothing.

>>> from orchestrator.syntax.text import split_lines
>>> stream = read_statements(split_lines("system {\\n    host-name r1;\\n}\\n"))
>>> [(s.text, s.line.n, [o.n for _, o in s.openers]) for s in stream.statements]
[('system host-name r1', 2, [1])]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from orchestrator.errors import ParseError
from orchestrator.syntax.text import Line

#: Verbs of `display set` output (and of configuration mode, when people paste a session).
SET_VERBS = frozenset({"set", "deactivate", "activate", "delete", "protect", "unprotect"})

_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"'  # a quoted string (secrets, descriptions, regexes)
    r"|/\*.*?\*/"  # an inline annotation
    r"|#.*"  # a comment to the end of the line (`## SECRET-DATA`)
    r"|[{};\[\]]"
    r'|[^\s{};"\[\]]+'
)
#: Lines a terminal capture adds around a configuration: prompts, `[edit]`, `{master:0}`.
_PROMPT = re.compile(
    r"(?:\S+@\S+[>#%].*|\[edit(?: .*)?\]|\{(?:master|backup|primary|secondary|linecard)[^}]*\})"
)
INACTIVE_RULE = "inactive on the source (deactivate/inactive:): it has no effect on the box"
PROMPT_RULE = "CLI prompt or mode marker captured with the configuration"


@dataclass
class Stmt:
    """One configuration leaf: its full path, where it was written, and what it is inside."""

    words: tuple[str, ...]
    line: Line
    openers: tuple[tuple[int, Line], ...] = ()  # (words up to and including the opener, line)
    extra: tuple[Line, ...] = ()  # further lines of a statement written over several lines
    inactive: int | None = None  # the line that deactivated it
    deleted: int | None = None  # the `delete` line that removed it
    group: str | None = None  # the configuration group it was inherited from

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def opener(self, depth: int) -> Line | None:
        """The brace line that opened the path's first ``depth`` words, if it had one."""
        for d, line in self.openers:
            if d == depth:
                return line
        return None


@dataclass
class Opener:
    """A brace line (``interfaces {``) and the lines nested in it, at any depth."""

    line: Line
    words: tuple[str, ...]
    children: list[Line] = field(default_factory=list)
    inactive: bool = False


@dataclass
class Stream:
    statements: list[Stmt] = field(default_factory=list)
    openers: list[Opener] = field(default_factory=list)
    #: lines the stream settles by itself: (line, "ignored" | "unsupported", reason)
    verdicts: list[tuple[Line, str, str]] = field(default_factory=list)


def tokens(text: str) -> list[str]:
    """The tokens of one line, comments dropped, quotes kept.

    >>> tokens('encrypted-password "$1$ab"; ## SECRET-DATA')
    ['encrypted-password', '"$1$ab"', ';']
    """
    return [t for t in _TOKEN.findall(text) if not t.startswith(("#", "/*"))]


def unquote(word: str) -> str:
    if len(word) >= 2 and word[0] == word[-1] == '"':
        return word[1:-1].replace('\\"', '"')
    return word


def values(words: Sequence[str] | str) -> list[str]:
    """The items of a value that may be a bracket list: ``[ a b ]`` → ``['a', 'b']``."""
    seq = tokens(words) if isinstance(words, str) else list(words)
    return [unquote(w) for w in seq if w not in ("[", "]")]


def is_prompt(text: str) -> bool:
    return _PROMPT.fullmatch(text) is not None


def blank_block_comments(text: str) -> str:
    """Blank the lines of multi-line ``/* ... */`` annotations, keeping the line numbers."""
    if "/*" not in text:
        return text
    out: list[str] = []
    inside = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if inside:
            out.append("")
            inside = "*/" not in stripped
        elif stripped.startswith("/*") and "*/" not in stripped:
            out.append("")
            inside = True
        else:
            out.append(raw)
    return "\n".join(out)


# --- reading --------------------------------------------------------------------------------


@dataclass
class _Frame:
    words: tuple[str, ...]
    line: Line
    openers: tuple[tuple[int, Line], ...]
    inactive: int | None
    statements: int = 0
    children: list[Line] = field(default_factory=list)


class _Reader:
    """Turns lines (every line of the file, `}` included) into a `Stream`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stream = Stream()
        self.stack: list[_Frame] = []
        self.cur: list[str] = []
        self.cur_lines: list[Line] = []
        self.cur_inactive = False
        self.deactivated: list[tuple[tuple[str, ...], Line]] = []
        self.activated: list[tuple[tuple[str, ...], int]] = []

    def read(self, lines: Iterable[Line]) -> Stream:
        pending: list[Line] = []
        for line in lines:
            text = line.text
            if not pending and (not text or text.startswith("#")):
                continue
            if not self.stack and not self.cur and not pending:
                if is_prompt(text):
                    self.stream.verdicts.append((line, "ignored", PROMPT_RULE))
                    continue
                first = text.split(None, 1)[0]
                if first in SET_VERBS:
                    self._set_line(line)
                    continue
            pending.append(line)
            joined = "\n".join(p.text for p in pending)
            if _open_quote(joined):
                continue  # a quoted string goes on over the next line
            self._brace_tokens(pending, tokens(joined))
            pending = []
        if pending:
            raise ParseError(
                "a quoted string is never closed: the file is cut short",
                path=self.path,
                line=pending[0].n,
                hint="capture the whole `show configuration` again",
            )
        if self.stack:
            frame = self.stack[-1]
            raise ParseError(
                f"the file is cut short: `{frame.line.text}` (line {frame.line.n}) is never "
                "closed with `}`",
                path=self.path,
                line=self._last,
                hint="capture the whole `show configuration` again",
            )
        if self.cur:
            raise ParseError(
                f"`{' '.join(self.cur)}` does not end with `;`: the file is cut short",
                path=self.path,
                line=self.cur_lines[0].n,
                hint="capture the whole `show configuration` again",
            )
        self._apply_deactivate()
        return self.stream

    _last = 0

    # brace form

    def _brace_tokens(self, group: list[Line], toks: list[str]) -> None:
        line = group[0]
        self._last = group[-1].n
        for tok in toks:
            if tok == ";":
                self._leaf()
            elif tok == "{":
                self._open(line)
            elif tok == "}":
                if self.cur:
                    self._leaf()
                self._close(line)
            else:
                if not self.cur and tok in ("inactive:", "protect:", "replace:"):
                    self.cur_inactive = self.cur_inactive or tok == "inactive:"
                    continue
                self.cur.append(tok)
                for g in group:
                    if g not in self.cur_lines:
                        self.cur_lines.append(g)

    def _path(self) -> tuple[str, ...]:
        return self.stack[-1].words if self.stack else ()

    def _openers(self) -> tuple[tuple[int, Line], ...]:
        return self.stack[-1].openers if self.stack else ()

    def _inactive(self, line: Line) -> int | None:
        if self.cur_inactive:
            return line.n
        return self.stack[-1].inactive if self.stack else None

    def _leaf(self) -> None:
        if not self.cur:
            return
        stmt = Stmt(
            words=self._path() + tuple(self.cur),
            line=self.cur_lines[0],
            openers=self._openers(),
            extra=tuple(self.cur_lines[1:]),
            inactive=self._inactive(self.cur_lines[0]),
        )
        self._add(stmt)
        self._reset()

    def _add(self, stmt: Stmt) -> None:
        self.stream.statements.append(stmt)
        for frame in self.stack:
            frame.statements += 1
            frame.children.append(stmt.line)
            frame.children.extend(stmt.extra)

    def _open(self, line: Line) -> None:
        opener_line = self.cur_lines[0] if self.cur_lines else line
        words = self._path() + tuple(self.cur)
        frame = _Frame(
            words=words,
            line=opener_line,
            openers=(*self._openers(), (len(words), opener_line)),
            inactive=self._inactive(opener_line),
        )
        for outer in self.stack:
            outer.children.append(opener_line)
        self.stack.append(frame)
        self._reset()

    def _close(self, line: Line) -> None:
        if not self.stack:
            raise ParseError(
                "`}` closes nothing: the braces of the file do not balance",
                path=self.path,
                line=line.n,
                hint="check the file was not edited by hand or pasted twice",
            )
        frame = self.stack.pop()
        if frame.statements == 0:
            # `foo { }` says the same as `foo;`: the opener is the leaf
            for outer in self.stack:
                outer.children.remove(frame.line)
            self._add(
                Stmt(
                    words=frame.words,
                    line=frame.line,
                    openers=self._openers(),
                    inactive=frame.inactive,
                )
            )
            return
        self.stream.openers.append(
            Opener(frame.line, frame.words, frame.children, frame.inactive is not None)
        )

    def _reset(self) -> None:
        self.cur, self.cur_lines, self.cur_inactive = [], [], False

    # set form

    def _set_line(self, line: Line) -> None:
        self._last = line.n
        toks = tokens(line.text)
        if _open_quote(line.text):
            raise ParseError(
                "a quoted string is never closed on this `set` line: the file is cut short",
                path=self.path,
                line=line.n,
                hint="capture the whole `show configuration | display set` again",
            )
        verb, words = toks[0], tuple(toks[1:])
        if verb == "set" and words:
            self.stream.statements.append(Stmt(words=words, line=line))
        elif verb == "deactivate":
            self.deactivated.append((words, line))
            self.stream.verdicts.append((line, "ignored", INACTIVE_RULE))
        elif verb == "activate":
            self.activated.append((words, line.n))
            self.stream.verdicts.append(
                (line, "ignored", "activate: the statements it re-enables are read as active")
            )
        elif verb == "delete":
            for stmt in self.stream.statements:
                if stmt.deleted is None and stmt.words[: len(words)] == words:
                    stmt.deleted = line.n
            self.stream.verdicts.append(
                (line, "ignored", "delete: the statements it removes are marked on their lines")
            )
        else:
            self.stream.verdicts.append(
                (line, "ignored", f"`{verb}` changes only how the configuration is edited")
            )

    def _apply_deactivate(self) -> None:
        for words, line in self.deactivated:
            if any(a[: len(words)] == words and n > line.n for a, n in self.activated):
                continue
            for stmt in self.stream.statements:
                if stmt.inactive is None and stmt.words[: len(words)] == words:
                    stmt.inactive = line.n


def _open_quote(text: str) -> bool:
    """True when ``text`` has a quoted string that does not close (outside comments)."""
    quoted = False
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "#" and not quoted:
            return False
    return quoted


def read_statements(lines: Iterable[Line], *, path: str = "<input>") -> Stream:
    """Every statement of a Junos configuration as written (`juniper_junos_groups.read_stream`
    also applies the groups). Raises `ParseError` for a file that is cut short."""
    return _Reader(path).read(lines)

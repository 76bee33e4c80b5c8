"""What the Cisco CLIs (IOS/IOS-XE and NX-OS) share: a keyword grammar with Cisco's unique-prefix
abbreviations and its three errors, output filters (`| include ...`), a device's flash files,
durations in Cisco's spellings, short interface names, and per-session / per-box state.

A Cisco CLI accepts any unique prefix of a keyword (`sh ip int br`), answers a prefix that fits
several keywords with "ambiguous", a command that stops early with "incomplete" and anything
else with a caret under the first word it could not read. `Grammar` does exactly that over a
table of command syntaxes (`cli("show ip interface brief", handler)`), so each persona lists
its commands as data and the errors come out in the OS's own words.
"""

from __future__ import annotations

import re
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Generic, Literal, TypeVar

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.device import LabDevice
from orchestrator.lab.session import Command, Persona, Session, command

CliHandler = Callable[[Session, list[str]], str]
T = TypeVar("T")

#: placeholders in a syntax: one word, a number, or the rest of the line
WORD, NUM, LINE = "WORD", "NUM", "LINE"
_PLACEHOLDERS = frozenset({WORD, NUM, LINE})


@dataclass(frozen=True)
class Syntax:
    """One command: keywords (lowercase) and placeholders, the handler, and whether a user
    without privilege (`HOST>`) may run it."""

    words: tuple[str, ...]
    handler: CliHandler
    user: bool = False


def cli(spec: str, handler: CliHandler, user: bool = False) -> Syntax:
    return Syntax(
        tuple(w if w in _PLACEHOLDERS else w.lower() for w in spec.split()), handler, user
    )


@dataclass(frozen=True)
class Failure:
    kind: Literal["invalid", "incomplete", "ambiguous"]
    position: int  # character offset of the word at fault


@dataclass(frozen=True)
class Match:
    syntax: Syntax
    args: list[str]


class Grammar:
    """Resolves an entered line against a table of syntaxes, the Cisco way."""

    def __init__(self, syntaxes: Sequence[Syntax]) -> None:
        self.syntaxes = list(syntaxes)

    def parse(self, text: str) -> Match | Failure:
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
        cands: list[tuple[Syntax, list[str]]] = [(s, []) for s in self.syntaxes]
        for i, (pos, word) in enumerate(words):
            lower = word.lower()
            keywords = {
                s.words[i] for s, _ in cands if i < len(s.words) and s.words[i] not in _PLACEHOLDERS
            }
            if lower in keywords:
                chosen = {lower}
            else:
                chosen = {k for k in keywords if k.startswith(lower)}
                if len(chosen) > 1:
                    return Failure("ambiguous", pos)
            kept: list[tuple[Syntax, list[str]]] = []
            for s, args in cands:
                if i >= len(s.words):
                    continue
                token = s.words[i]
                if token in chosen:
                    kept.append((s, args))
                elif chosen:
                    continue
                elif token == LINE:
                    return Match(s, [*args, text[pos:].strip()])
                elif token == WORD or (token == NUM and word.isdigit()):
                    kept.append((s, [*args, word]))
            if not kept:
                return Failure("invalid", pos)
            cands = kept
        for s, args in cands:
            if len(s.words) == len(words):
                return Match(s, args)
        return Failure("incomplete", len(text.rstrip()))


@dataclass(frozen=True)
class CliErrors:
    """The error texts of one OS; ``{pad}`` puts the caret under the word at fault,
    ``{line}`` is the entered line."""

    invalid: str
    incomplete: str
    ambiguous: str


# -- output filters ---------------------------------------------------------------------------
FILTERS = ("include", "exclude", "begin", "section", "count", "grep")


def apply_filter(output: str, name: str, pattern: str) -> str | None:
    """``output`` through `| name pattern`; None when ``name`` is no filter."""
    chosen = [f for f in FILTERS if f.startswith(name.lower())]
    if len(chosen) != 1:
        return None
    try:
        regex = re.compile(pattern)
    except re.error:
        regex = re.compile(re.escape(pattern))
    lines = output.splitlines()
    kind = chosen[0]
    if kind in {"include", "grep"}:
        kept = [line for line in lines if regex.search(line)]
    elif kind == "exclude":
        kept = [line for line in lines if not regex.search(line)]
    elif kind == "begin":
        start = next((i for i, line in enumerate(lines) if regex.search(line)), len(lines))
        kept = lines[start:]
    elif kind == "count":
        return f"Number of lines which match regexp = {sum(1 for x in lines if regex.search(x))}\n"
    else:  # section: matching top-level lines with the lines indented under them
        kept, inside = [], False
        for line in lines:
            if line[:1] not in {" ", ""}:
                inside = bool(regex.search(line))
            elif not inside and regex.search(line):
                kept.append(line)
                continue
            if inside:
                kept.append(line)
    return "".join(line + "\n" for line in kept)


# -- durations and names ------------------------------------------------------------------------
def cisco_age(seconds: int) -> str:
    """Cisco's compact age: ``00:14:23`` under a day, then ``1d11h``, ``8w5d``, ``1y28w``.

    >>> cisco_age(863), cisco_age(126000), cisco_age(5270400)
    ('00:14:23', '1d11h', '8w5d')
    """
    seconds = max(0, int(seconds))
    if seconds < 86400:
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    days = seconds // 86400
    if days < 7:
        return f"{days}d{seconds % 86400 // 3600}h"
    if days < 365:
        return f"{days // 7}w{days % 7}d"
    return f"{days // 365}y{days % 365 // 7}w"


def ios_uptime(seconds: int) -> str:
    """IOS `show version` uptime: ``1 week, 3 days, 16 hours, 11 minutes`` (zero parts left
    out, minutes always shown).

    >>> ios_uptime(7 * 86400 + 3600 + 60)
    '1 week, 1 hour, 1 minute'
    """
    parts: list[str] = []
    rest = max(0, int(seconds))
    for name, size in (("year", 31536000), ("week", 604800), ("day", 86400), ("hour", 3600)):
        count, rest = divmod(rest, size)
        if count:
            parts.append(f"{count} {name}{'s' if count != 1 else ''}")
    minutes = rest // 60
    parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return ", ".join(parts)


def short_name(name: str, table: Sequence[tuple[str, str]]) -> str:
    """``name`` with its type spelled short (``GigabitEthernet1/0/1`` → ``Gi1/0/1``)."""
    for long, short in table:
        if name.lower().startswith(long.lower()) and name[len(long) : len(long) + 1].isdigit():
            return short + name[len(long) :]
    return name


def clock(at: float | None = None) -> str:
    """``10:01:02.123 UTC Mon Mar 4 2024``, the time format of Cisco logs and file listings."""
    moment = time.time() if at is None else at
    tm = time.gmtime(moment)
    millis = int((moment % 1) * 1000)
    return time.strftime(f"%H:%M:%S.{millis:03d} UTC %a %b {tm.tm_mday} %Y", tm)


# -- state kept beside sessions and boxes -------------------------------------------------------
class Extras(Generic[T]):
    """State a persona keeps for each session or box (personas are shared and stateless; the
    engine's objects carry no room for it). Entries go when their owner is collected."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self.factory = factory
        self._items: dict[int, T] = {}

    def of(self, owner: object) -> T:
        key = id(owner)
        found = self._items.get(key)
        if found is None:
            found = self._items[key] = self.factory()
            weakref.finalize(owner, self._items.pop, key, None)
        return found


@dataclass
class BoxState:
    """What a Cisco box remembers beyond its configs: change stamps, file times, a pending
    confirmed change (IOS) and checkpoints (NX-OS)."""

    changed_at: float = field(default_factory=time.time)
    changed_by: str = ""
    file_times: dict[str, float] = field(default_factory=dict)
    pending: PendingRevert | None = None
    checkpoints: dict[str, Checkpoint] = field(default_factory=dict)


@dataclass
class PendingRevert:
    """A change that reverts unless confirmed (IOS Rollback Confirmed Change)."""

    snapshot: str
    user: str
    minutes: int
    started: float
    cancel: Callable[[], None]


@dataclass(frozen=True)
class Checkpoint:
    text: str
    user: str
    at: float
    description: str = ""


BOXES: Extras[BoxState] = Extras(BoxState)


# -- files ---------------------------------------------------------------------------------------
def file_key(path: str, default_fs: str) -> str:
    """``flash:/a.cfg``, ``flash:a.cfg`` and ``a.cfg`` all name ``flash:a.cfg``."""
    fs, sep, name = path.partition(":")
    if not sep:
        fs, name = default_fs.rstrip(":"), path
    return f"{fs.lower()}:{name.lstrip('/')}"


def write_file(device: LabDevice, key: str, text: str) -> None:
    device.files[key] = text
    BOXES.of(device).file_times[key] = time.time()


# -- the shared persona --------------------------------------------------------------------------
class CiscoCli(Persona):
    """A Cisco persona: exec commands come from a keyword grammar (`cli_syntaxes`), config lines
    the platform parser cannot read may still be accepted (`accepted_lines`), and a line that
    does not belong to the current sub-mode is tried in the modes above it, as IOS and NX-OS do
    (`interface X` ... `ip route ...` leaves the interface)."""

    #: the OS's error texts for exec commands
    errors: ClassVar[CliErrors] = CliErrors(
        invalid="{pad}^\n% Invalid input detected at '^' marker.\n\n",
        incomplete="% Incomplete command.\n\n",
        ambiguous='% Ambiguous command:  "{line}"\n',
    )
    #: config lines the box takes although `orchestrator.syntax` does not model them
    accepted_lines: ClassVar[tuple[str, ...]] = ()
    #: long → short interface type names, as show commands abbreviate them
    short_names: ClassVar[tuple[tuple[str, str], ...]] = ()
    #: the file system plain file names live on
    default_fs: ClassVar[str] = "flash:"

    def __init__(self) -> None:
        super().__init__()
        self._accepted = tuple(re.compile(p, re.IGNORECASE) for p in self.accepted_lines)
        self._grammars: dict[bool, Grammar] = {}

    # -- override points ---------------------------------------------------------------------
    def cli_syntaxes(self) -> list[Syntax]:
        """Every exec command of the OS."""
        return []

    def privileged(self, session: Session) -> bool:
        """Whether the session may run privileged commands (`HOST#` rather than `HOST>`)."""
        return True

    # -- dispatch ------------------------------------------------------------------------------
    def exec_commands(self) -> list[Command]:
        return [command(r".+", self._dispatch)]

    def grammar(self, privileged: bool) -> Grammar:
        found = self._grammars.get(privileged)
        if found is None:
            table = [s for s in self.cli_syntaxes() if privileged or s.user]
            found = self._grammars[privileged] = Grammar(table)
        return found

    def _dispatch(self, session: Session, m: re.Match[str]) -> str:
        return self.run(session, m.group(0))

    def run(self, session: Session, text: str) -> str:
        """The answer to one exec line, output filters included."""
        body, bar, pipe = text.partition("|")
        result = self.grammar(self.privileged(session)).parse(body if bar else text)
        if isinstance(result, Failure):
            return self.error(session, text, result)
        output = result.syntax.handler(session, result.args)
        if bar:
            words = pipe.split(None, 1)
            filtered = apply_filter(output, words[0], words[1]) if len(words) == 2 else None
            if filtered is None:
                return self.error(session, text, Failure("invalid", len(body) + 1))
            return filtered
        return output

    def error(self, session: Session, text: str, failure: Failure) -> str:
        template = getattr(self.errors, failure.kind)
        pad = " " * (len(session.prompt()) + failure.position)
        return str(template).format(pad=pad, line=text.strip())

    # -- config mode ----------------------------------------------------------------------------
    def accepts(self, line: str) -> bool:
        """Whether the box takes ``line`` although the platform parser does not model it."""
        return any(p.fullmatch(line) for p in self._accepted)

    def validate(self, session: Session, tree: ConfigTree, block: Block) -> str | None:
        if self.accepts(block.text):
            return None
        error = super().validate(session, tree, block)
        if error is None or len(session.views) < 2:
            return error
        return error if not self._in_parent_mode(session, tree, block) else None

    def _in_parent_mode(self, session: Session, tree: ConfigTree, block: Block) -> bool:
        """Move ``block`` to the first mode above the current one that accepts it."""
        here = session.views[-1].path
        for depth in range(len(session.views) - 2, -1, -1):
            path = session.views[depth].path
            trial = _moved(tree, here, block, path)
            moved = trial.block(path)
            assert moved is not None
            candidate = next(c for c in reversed(moved.children) if c.text == block.text)
            if super().validate(session, trial, candidate) is None:
                parent = tree.block(here)
                assert parent is not None
                parent.children = [c for c in parent.children if c is not block]
                tree.add(path, block.text)
                del session.views[depth + 1 :]
                return True
        return False


def _moved(
    tree: ConfigTree, here: tuple[str, ...], block: Block, path: tuple[str, ...]
) -> ConfigTree:
    """A copy of ``tree`` with ``block`` taken out of ``here`` and entered at ``path``."""
    copy = ConfigTree.from_text(tree.text(1, "!"), tree.replace_keys)
    parent = copy.block(here)
    if parent is not None:
        for i in range(len(parent.children) - 1, -1, -1):
            if parent.children[i].text == block.text:
                del parent.children[i]
                break
    copy.add(path, block.text)
    return copy

"""Huawei's own command reference as a checker: does a config line exist, in this view?

The data (CloudEngine CE6800 V300R023C00 and NetEngine NE40E V800R012C10, scraped from Huawei's
manuals; see ``huawei-commands/README.md`` in the shared folder) is read from the shared folder,
never copied into the repository. Each syntax string is compiled by `huawei_notation`; lines are
matched token by token; views are compared by `huawei_views`.

Data quality, and what this module does about it:
- keywords that lost their spaces (`preempttimerdelay`): matched as written or split into
  common keywords (`huawei_notation.Vocabulary`);
- view lists that name some port speeds and not others: views compared by family;
- parameters: one token each, values checked only where the description is plain about them
  (`huawei_params`); a parameter described as free text takes the rest of the line;
- `{{secret:KEY}}` (how renderers write secrets) matches any parameter, never a keyword;
- a syntax string whose brackets do not nest matches nothing and is listed in
  `Reference.broken`; forms valid only in `Command template view` are left out.

>>> ref = reference()  # doctest: +SKIP
>>> ref.match("ip address 10.0.0.1 24", "VLANIF interface view").matched  # doctest: +SKIP
True
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from huawei_notation import (
    Matcher,
    Param,
    Seq,
    SyntaxNotationError,
    Vocabulary,
    compile_syntax,
    first_words,
    param_words,
    split_line,
    syntax_tokens,
)
from huawei_params import param_factory, value_check
from huawei_views import LAYER3_ONLY, USER, accepted_families, view_family

#: reference file per device family, in the shared folder's ``huawei-commands/``
SOURCES: dict[str, str] = {
    "ce6800": "ce6800-v300r023c00.jsonl.gz",
    "ne40e": "ne40e-v800r012c10.jsonl.gz",
}


class _Page:
    """What the syntaxes of one command page share: parameter descriptions, compiled lazily."""

    __slots__ = ("_entries", "_params")

    def __init__(self, entries: list[dict[str, str]]) -> None:
        self._entries = entries
        self._params: dict[str, Param] | None = None

    def param(self, name: str) -> Param:
        if self._params is None:
            self._params = param_factory(self._entries)
        found = self._params.get(name.lower())
        if found is None:  # not described on the page: check by its name alone
            found = self._params[name.lower()] = Param(name.lower(), value_check(name, ""))
        return found


class Syntax:
    """One command form of the reference; its matcher tree is compiled on first use.

    Compiling all ~42,000 forms up front costs seconds; a check touches only the forms whose
    first keyword a line starts with.
    """

    __slots__ = (
        "_families",
        "_page",
        "_required",
        "_tree",
        "_vocabulary",
        "broken",
        "source",
        "text",
        "title",
        "views",
    )

    def __init__(
        self,
        text: str,
        title: str,
        source: str,
        views: frozenset[str],
        page: _Page,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self.text, self.title, self.source, self.views = text, title, source, views
        self._page, self._vocabulary = page, vocabulary
        self._tree: Seq | None = None
        self._required: frozenset[str] | None = None
        self._families: frozenset[str] | None = None
        self.broken = False

    @property
    def families(self) -> frozenset[str]:
        """The view families (`huawei_views.view_family`) this form is valid in."""
        if self._families is None:
            self._families = frozenset(view_family(v) for v in self.views)
        return self._families

    @property
    def required(self) -> frozenset[str]:
        """Keywords every instance contains (outside any group): a cheap first filter."""
        if self._required is None:
            tokens, depth, out = syntax_tokens(self.text), 0, set()
            for i, tok in enumerate(tokens):
                if tok in ("{", "["):
                    depth += 1
                elif tok in ("}", "]"):
                    depth -= 1
                elif depth == 0 and tok not in "|*" and not tok.startswith(("<", "&<")):
                    optional = i + 1 < len(tokens) and tokens[i + 1].startswith("&<0")
                    word = tok.lower()
                    if not optional and not (self._vocabulary and self._vocabulary.splits(word)):
                        out.add(word)
            self._required = frozenset(out)
        return self._required

    @property
    def tree(self) -> Seq:
        if self._tree is None:
            try:
                self._tree = compile_syntax(self.text, self._page.param, self._vocabulary)
            except SyntaxNotationError:
                self.broken, self._tree = True, Seq(())
        return self._tree

    def __repr__(self) -> str:
        return f"Syntax({self.text!r}, {self.source}: {self.title!r})"


@dataclass(frozen=True)
class MatchResult:
    """The answer for one line: matched in its view or not, and which syntax explains it.

    ``syntax``/``title``/``source`` name the matching syntax (valid in the view when
    ``matched``); ``views`` are all views the line's matching syntaxes are valid in (empty
    when no syntax matches); ``closest`` is, for a line no syntax matches, the syntax that
    accepted the most leading tokens.
    """

    matched: bool
    line: str
    view: str
    syntax: str | None = None
    title: str | None = None
    source: str | None = None
    views: frozenset[str] = frozenset()
    closest: str | None = None
    reason: str = ""


class Reference:
    """All syntaxes, indexed by the keyword(s) a line starts with, then by required keywords."""

    def __init__(self, syntaxes: Sequence[Syntax], vocabulary: Vocabulary | None = None) -> None:
        self.syntaxes = list(syntaxes)
        self._index: dict[str, list[Syntax]] = {}
        for syntax in self.syntaxes:
            for key in _keys(syntax, vocabulary):
                self._index.setdefault(key, []).append(syntax)
        self._groups: dict[str, list[tuple[frozenset[str], list[Syntax]]]] = {}

    @property
    def broken(self) -> list[str]:
        """Syntax strings (among those compiled so far) whose brackets do not nest."""
        return [s.text for s in self.syntaxes if s.broken]

    def _bucket(self, key: str) -> list[tuple[frozenset[str], list[Syntax]]]:
        """The syntaxes under one index key, grouped by their required keywords."""
        groups = self._groups.get(key)
        if groups is None:
            by_required: dict[frozenset[str], list[Syntax]] = {}
            for syntax in self._index.get(key, ()):
                by_required.setdefault(syntax.required, []).append(syntax)
            groups = self._groups[key] = list(by_required.items())
        return groups

    def candidates(self, tokens: Sequence[str], *, filtered: bool = True) -> list[Syntax]:
        """Syntaxes a line of ``tokens`` may be an instance of (all under its first keywords)."""
        first = tokens[0].lower()
        if first == "undo" and len(tokens) > 1:
            keys = [f"undo {tokens[1].lower()}", "undo *", "*"]
        else:
            keys = [first, "*"]
        words = {t.lower() for t in tokens}
        return [
            s
            for key in keys
            for required, group in self._bucket(key)
            if not filtered or required <= words
            for s in group
        ]

    def matches(self, line: str, view: str | None = None) -> list[Syntax]:
        """Every syntax the line is an instance of (valid in ``view`` when one is given)."""
        tokens = split_line(line)
        if not tokens:
            return []
        allowed = accepted_families(view) if view is not None else None
        return [
            s
            for s in self.candidates(tokens)
            if (allowed is None or s.families & allowed) and Matcher(s.tree).match(tokens)
        ]

    def closest(self, line: str) -> Syntax | None:
        """The syntax that accepts the most leading tokens of ``line``."""
        tokens = split_line(line)
        best: tuple[int, Syntax | None] = (0, None)
        for syntax in self.candidates(tokens, filtered=False) if tokens else ():
            matcher = Matcher(syntax.tree)
            matcher.match(tokens)
            if matcher.progress > best[0]:
                best = (matcher.progress, syntax)
        return best[1]

    def match(self, line: str, view: str) -> MatchResult:
        """Is ``line`` a command of the reference, valid in ``view`` (a reference view name)?"""
        text = " ".join(line.split())
        in_view = self.matches(text, view)
        if in_view:
            best = min(in_view, key=_plainest)
            result = MatchResult(True, text, view, best.text, best.title, best.source, best.views)
            if view_family(view).startswith("Layer 2 ") and text.lower().startswith(LAYER3_ONLY):
                reason = "a Layer 3 command on a switched port: `undo portswitch` must come first"
                return replace(result, matched=False, reason=reason)
            return result
        hits = self.matches(text)
        if not hits:
            near = self.closest(text)
            return MatchResult(
                False,
                text,
                view,
                closest=near.text if near else None,
                reason="no syntax of the reference matches",
            )
        best = min(hits, key=_plainest)
        views = frozenset(v for s in hits for v in s.views)
        return MatchResult(
            False,
            text,
            view,
            best.text,
            best.title,
            best.source,
            views,
            reason=f"valid in {', '.join(sorted(views))}; not in {view}",
        )


def _plainest(syntax: Syntax) -> tuple[int, int]:
    """Of several matching forms, the one with the fewest parameters explains a line best."""
    return syntax.text.count("<"), len(syntax.text)


def _keys(syntax: Syntax, vocabulary: Vocabulary | None) -> Iterator[str]:
    """Index keys: the first keyword, or `undo <second keyword>`; `*` for "any line".

    The usual case (a syntax that starts with plain keywords) is read off the tokens without
    compiling; anything else is compiled to find the keywords it can start with.
    """
    tokens = syntax_tokens(syntax.text)
    undo = bool(tokens) and tokens[0].lower() == "undo"
    head = tokens[1 if undo else 0] if len(tokens) > int(undo) else ""
    prefix = "undo " if undo else ""
    if head and head not in "{}[]|*" and not head.startswith(("<", "&<")):
        if len(tokens) > 1 + int(undo) and tokens[1 + int(undo)].startswith("&<"):
            yield prefix + "*"  # a repeated first keyword: rare, let it be tried on any line
            return
        word = head.lower()
        splits = vocabulary.splits(word) if vocabulary else ()
        yield from {prefix + word, *(prefix + parts[0] for parts in splits)}
        return
    items = syntax.tree.items
    rest = first_words(Seq(items[1:] if undo else items))
    yield from (prefix + w for w in rest) if rest else (prefix + "*",)


def read_objects(folder: Path, source: str) -> Iterator[dict[str, object]]:
    """The JSON objects (one command page each) of one reference file."""
    with gzip.open(folder / SOURCES[source], "rt", encoding="utf-8") as handle:
        for raw in handle:
            if raw.strip():
                page = json.loads(raw)
                page["source"] = source
                yield page


#: views whose commands are never part of a configuration (templates of commands)
NOT_CONFIGURATION = frozenset({"Command template view"})


def load_reference(folder: Path, sources: Iterable[str] = tuple(SOURCES)) -> Reference:
    """Read the reference files in ``folder`` (``huawei-commands/``) into a `Reference`."""
    pages = [page for source in sources for page in read_objects(folder, source)]
    vocabulary = Vocabulary(param_words(c for p in pages for c in _strings(p, "clis")))
    syntaxes: list[Syntax] = []
    for page in pages:
        shared = _Page(_entries(page))
        views = frozenset(_strings(page, "views")) - NOT_CONFIGURATION
        if not views:
            continue
        title, source = str(page.get("title", "")), str(page.get("source", ""))
        syntaxes.extend(
            Syntax(text, title, source, views, shared, vocabulary)
            for text in _strings(page, "clis")
        )
    return Reference(syntaxes, vocabulary)


def _strings(page: dict[str, object], key: str) -> list[str]:
    value = page.get(key)
    return [str(x) for x in value] if isinstance(value, list) else []


def _entries(page: dict[str, object]) -> list[dict[str, str]]:
    value = page.get("params")
    if not isinstance(value, list):
        return []
    return [{k: str(v) for k, v in x.items()} for x in value if isinstance(x, dict)]


def commands_folder() -> Path:
    """The shared folder's ``huawei-commands/`` (found the way the corpus is)."""
    from conftest import shared_dir

    return shared_dir() / "huawei-commands"


@cache
def reference() -> Reference:
    """The whole reference, compiled once per test session."""
    return load_reference(commands_folder())


__all__ = [
    "SOURCES",
    "USER",
    "MatchResult",
    "Reference",
    "Syntax",
    "load_reference",
    "reference",
]

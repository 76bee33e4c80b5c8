"""Huawei's command-syntax notation compiled into token-level matchers (test support).

Huawei writes each command form as a string such as::

    ip address <ip-address> { <mask> | <mask-length> } [ sub ]
    port trunk allow-pass vlan { { { <vlan-id1> [ to <vlan-id2> ] } &<1-40> } | all }
    import-route { direct | static } [ cost <cost> | tag <tag> ] *

`{ a | b }` is "exactly one of", `[ a | b ]` "at most one of", a trailing `*` on either group
means "several of them, in any order", `<name>` is one parameter token, and `&<1-n>` repeats
the element before it. `compile_syntax` turns such a string into a small tree of nodes and
`Matcher` decides, token by token, whether a config line is an instance of it.

The reference data was scraped from Huawei's HTML manuals and some keywords lost the space
between them (`preempttimerdelay`, `privilegelevel`, `passwordirreversible-cipher`). A
`Vocabulary` built from every keyword of the reference offers, for a rare keyword that splits
into common ones, the split form as an alternative; the glued form still matches as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

#: A parameter's value check: None accepts any single token.
Check = Callable[[str], bool] | None

_SYNTAX_TOKEN = re.compile(r"&<\d+-\d+>|<[^<>]*>|[{}\[\]|]|\*|[^\s{}\[\]|<>*]+")
_LINE_TOKEN = re.compile(r'"[^"]*"|\S+')
SECRET = re.compile(r"^\{\{secret:[A-Za-z0-9._-]+\}\}$")


class SyntaxNotationError(ValueError):
    """A syntax string whose brackets do not nest (a few exist in the scraped data)."""


@dataclass(frozen=True)
class Word:
    """A keyword; ``splits`` are alternative spellings as several words (glued data)."""

    text: str
    splits: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Param:
    """A `<name>` parameter: one token (or, for free text with spaces, the rest of the line)."""

    name: str
    check: Check = None
    text: bool = False


@dataclass(frozen=True)
class Seq:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Group:
    """`{ ... }` (required) or `[ ... ]` (optional); ``many`` for a trailing `*`."""

    options: tuple[Seq, ...]
    required: bool
    many: bool = False


@dataclass(frozen=True)
class Repeat:
    """`elem &<lo-hi>`: the element one to ``hi`` times (``lo`` 0 makes it optional)."""

    item: Node
    lo: int
    hi: int


Node = Word | Param | Seq | Group | Repeat

#: Builds a parameter node from its bare name (without `<>`); the loader adds value checks.
ParamFactory = Callable[[str], Param]


def split_line(line: str) -> list[str]:
    """A config line as the CLI sees its tokens: blanks separate, double quotes group.

    >>> split_line('description "to core" 1')
    ['description', '"to core"', '1']
    """
    return _LINE_TOKEN.findall(line)


def syntax_tokens(syntax: str) -> list[str]:
    """
    >>> syntax_tokens("undo peer <ip> { enable|disable } * &<1-4>")
    ['undo', 'peer', '<ip>', '{', 'enable', '|', 'disable', '}', '*', '&<1-4>']
    """
    return _SYNTAX_TOKEN.findall(syntax)


def compile_syntax(
    syntax: str, param: ParamFactory | None = None, vocabulary: Vocabulary | None = None
) -> Seq:
    """Parse one syntax string into a node tree; `SyntaxNotationError` if it does not nest.

    >>> tree = compile_syntax("shutdown [ force ]")
    >>> Matcher(tree).match(["shutdown"]), Matcher(tree).match(["shutdown", "now"])
    (True, False)
    """
    make_param = param or (lambda name: Param(name))
    tokens = syntax_tokens(syntax)
    pos = 0

    def parse_seq(stop: frozenset[str]) -> Seq:
        nonlocal pos
        items: list[Node] = []
        while pos < len(tokens) and tokens[pos] not in stop:
            tok = tokens[pos]
            pos += 1
            node: Node
            if tok in ("{", "["):
                close = "}" if tok == "{" else "]"
                options = [parse_seq(frozenset({"|", close}))]
                while pos < len(tokens) and tokens[pos] == "|":
                    pos += 1
                    options.append(parse_seq(frozenset({"|", close})))
                if pos >= len(tokens) or tokens[pos] != close:
                    raise SyntaxNotationError(f"unclosed {tok!r} in {syntax!r}")
                pos += 1
                many = pos < len(tokens) and tokens[pos] == "*"
                pos += many
                node = Group(tuple(options), required=tok == "{", many=many)
            elif tok in ("}", "]", "|"):
                raise SyntaxNotationError(f"stray {tok!r} in {syntax!r}")
            elif tok.startswith("&<"):
                if not items:
                    raise SyntaxNotationError(f"{tok} repeats nothing in {syntax!r}")
                lo, hi = (int(x) for x in tok[2:-1].split("-"))
                items[-1] = Repeat(items[-1], lo, max(hi, 1))
                continue
            elif tok.startswith("<"):
                node = make_param(tok[1:-1].strip())
            else:
                word = tok.lower()
                splits = vocabulary.splits(word) if vocabulary else ()
                node = Word(word, splits)
            items.append(node)
        return Seq(tuple(items))

    tree = parse_seq(frozenset({"}", "]", "|"}))
    if pos != len(tokens):
        raise SyntaxNotationError(f"stray {tokens[pos]!r} in {syntax!r}")
    return _restore_lost_star(tree)


def _restore_lost_star(tree: Seq) -> Seq:
    """Read a long trailing list of optional clauses as "any of them" (`[ ... ] *`).

    Some scraped forms lost the `*` of their final option list: the CE6800 advanced-ACL
    `rule ... [ dscp ... | source ... | time-range ... | logging ]` would then allow only one
    of `source` and `logging`, which Huawei's own examples combine. A final optional group of
    four or more clauses that each start with their own keyword is taken as repeatable.
    """
    last = tree.items[-1] if tree.items else None
    if not isinstance(last, Group) or last.required or last.many or len(last.options) < 4:
        return tree
    firsts = [_first(option)[0] for option in last.options]
    words = [w for f in firsts for w in f or ()]
    if any(f is None for f in firsts) or len(words) != len(set(words)):
        return tree
    return Seq((*tree.items[:-1], Group(last.options, required=False, many=True)))


def first_words(node: Node) -> frozenset[str] | None:
    """Keywords a line of this syntax can start with; None when it can start with a parameter.

    >>> sorted(first_words(compile_syntax("{ a | b [ c ] } d")) or ())
    ['a', 'b']
    """
    out, nullable = _first(node)
    return None if out is None or nullable else out


def _first(node: Node) -> tuple[frozenset[str] | None, bool]:
    """(first keywords or None for "a parameter can come first", can match nothing)."""
    if isinstance(node, Word):
        return frozenset({node.text, *(s[0] for s in node.splits)}), False
    if isinstance(node, Param):
        return None, False
    if isinstance(node, Repeat):
        first, nullable = _first(node.item)
        return first, nullable or node.lo == 0
    if isinstance(node, Group):
        words: set[str] = set()
        any_param, nullable = False, not node.required
        for option in node.options:
            first, empty = _first(option)
            any_param |= first is None
            words |= first or set()
            nullable |= empty
        return (None if any_param else frozenset(words)), nullable
    words = set()
    for item in node.items:
        first, nullable = _first(item)
        if first is None:
            return None, False
        words |= first
        if not nullable:
            return frozenset(words), False
    return frozenset(words), True


@dataclass
class Matcher:
    """Matches token lists against one compiled syntax; remembers how far the best try got.

    ``progress`` after `match` is the number of leading tokens some path accepted: the
    measure of "closest syntax" for a line that matches nothing.
    """

    tree: Seq
    progress: int = 0
    _tokens: Sequence[str] = ()
    _memo: dict[tuple[int, int], frozenset[int]] = field(default_factory=dict)

    def match(self, tokens: Sequence[str]) -> bool:
        self._tokens, self._memo, self.progress = tokens, {}, 0
        return len(tokens) in self._ends(self.tree, 0)

    def _ends(self, node: Node, pos: int) -> frozenset[int]:
        key = (id(node), pos)
        cached = self._memo.get(key)
        if cached is None:
            cached = self._memo[key] = frozenset(self._compute(node, pos))
        return cached

    def _compute(self, node: Node, pos: int) -> Iterable[int]:
        tokens = self._tokens
        if isinstance(node, Word):
            return self._word(node, pos)
        if isinstance(node, Param):
            if pos >= len(tokens):
                return ()
            token = tokens[pos]
            if not (SECRET.match(token) or node.check is None or node.check(token)):
                return ()
            self.progress = max(self.progress, pos + 1)
            if node.text:  # free text with spaces: any number of the remaining tokens
                self.progress = len(tokens)
                return range(pos + 1, len(tokens) + 1)
            return (pos + 1,)
        if isinstance(node, Seq):
            current = frozenset({pos})
            for item in node.items:
                current = frozenset(e for p in current for e in self._ends(item, p))
                if not current:
                    break
            return current
        if isinstance(node, Group):
            return self._group(node, pos)
        return self._repeat(node, pos)

    def _word(self, node: Word, pos: int) -> list[int]:
        tokens, out = self._tokens, []
        if pos < len(tokens) and tokens[pos].lower() == node.text:
            out.append(pos + 1)
        for parts in node.splits:
            end = pos + len(parts)
            if end <= len(tokens) and all(
                tokens[pos + i].lower() == part for i, part in enumerate(parts)
            ):
                out.append(end)
        if out:
            self.progress = max(self.progress, *out)
        return out

    def _group(self, node: Group, pos: int) -> set[int]:
        def once(starts: Iterable[int]) -> set[int]:
            return {e for p in starts for option in node.options for e in self._ends(option, p)}

        reached = once((pos,))
        if node.many:  # several options, in any order: iterate to a fixed point
            frontier = set(reached)
            while frontier:
                frontier = once(frontier) - reached
                reached |= frontier
        if not node.required:
            reached.add(pos)
        return reached

    def _repeat(self, node: Repeat, pos: int) -> set[int]:
        reached: set[int] = {pos} if node.lo == 0 else set()
        frontier = {pos}
        for _ in range(node.hi):
            frontier = {e for p in frontier for e in self._ends(node.item, p) if e > p}
            if not frontier:
                break
            reached |= frontier
        return reached


class Vocabulary:
    """Every keyword of the reference with the number of syntaxes that use it.

    `splits` answers "is this rare keyword two or more common keywords that lost their
    spaces?": a keyword used by at most `rare` syntaxes that divides completely into keywords
    used by at least `common` syntaxes each (parts of two characters or more, not cut at a
    hyphen, not bare numbers) gets its split with the fewest parts as an alternative spelling.

    >>> v = Vocabulary(["preempt", "timer", "delay"] * 5 + ["preempttimerdelay"])
    >>> v.splits("preempttimerdelay")
    (('preempt', 'timer', 'delay'),)
    >>> v.splits("preempt")
    ()
    """

    def __init__(self, words: Iterable[str], *, rare: int = 20, common: int = 2) -> None:
        self.counts = Counter(words)
        self.rare, self.common = rare, common
        self._memo: dict[str, tuple[tuple[str, ...], ...]] = {}

    def splits(self, word: str) -> tuple[tuple[str, ...], ...]:
        found = self._memo.get(word)
        if found is None:
            found = self._memo[word] = self._split(word)
        return found

    def _split(self, word: str) -> tuple[tuple[str, ...], ...]:
        if self.counts[word] > self.rare or len(word) < 5:
            return ()
        # best[i]: the fewest common keywords that spell word[:i]
        best: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
        best[0] = ()
        for end in range(2, len(word) + 1):
            for start in range(end - 1):
                prefix = best[start]
                piece = word[start:end]
                if prefix is None or piece == word or not self._piece(piece):
                    continue
                candidate = (*prefix, piece)
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
        found = best[len(word)]
        if found is None or len(found) < 2:
            return ()
        # a piece may itself be glued (`inform` + `addressudp-domain`): split it further when
        # its parts are all more common than it is (`inform` is not `info` + `rm`)
        expanded = tuple(w for piece in found for w in self._refine(piece))
        return (found,) if expanded == found else (expanded, found)

    def _refine(self, piece: str) -> tuple[str, ...]:
        for parts in self.splits(piece):
            if all(self.counts[p] > self.counts[piece] for p in parts):
                return parts
        return (piece,)

    def _piece(self, piece: str) -> bool:
        """A common keyword that is not an option fragment (`-port`) nor a bare number."""
        return (
            len(piece) >= 2
            and self.counts[piece] >= self.common
            and not piece.startswith("-")
            and not piece.endswith("-")
            and not piece.isdigit()
        )


def param_words(syntaxes: Iterable[str]) -> Iterable[str]:
    """Every keyword (not parameter, not notation) of ``syntaxes``, once per syntax."""
    for syntax in syntaxes:
        yield from {
            tok.lower()
            for tok in syntax_tokens(syntax)
            if tok not in "{}[]|*" and not tok.startswith(("<", "&<"))
        }

"""The configuration database of an emulated Junos box: statements as `set` paths, braces shown.

A Junos box stores its configuration as a tree and `show configuration | display set` lists
one path per leaf. The lab keeps exactly that list, in the order the paths were first set, so
`set`, `delete`, `rollback` and `show | compare` work on paths; the brace form is rendered when
it is shown. The few schema facts the rendering needs (which keywords take one value, which
name a level, which are always blocks) are data below.

>>> db = JunosConfig.from_text("system {\\n    host-name r1;\\n}\\n")
>>> db.set(("system", "host-name", "r2"))
>>> db.set_text()
'set system host-name r2\\n'
>>> print(db.braces(), end="")
system {
    host-name r2;
}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from orchestrator.syntax.juniper_junos_text import (
    SET_VERBS,
    Stmt,
    read_statements,
    tokens,
    unquote,
)
from orchestrator.syntax.text import split_lines

Path = tuple[str, ...]

#: leaves that hold one value: a new `set` replaces the old value
SINGLE_VALUED = frozenset(
    {
        "authentication-key", "authorization", "autonomous-system", "class", "contact",
        "cost", "description", "device-count", "domain-name", "encapsulation",
        "encrypted-password", "hold-time", "host-name", "interface-mode", "interface-type",
        "l3-interface", "local-address", "local-as", "location", "message", "metric",
        "minimum-links", "mtu", "native-vlan-id", "peer-as", "periodic", "port-mode",
        "preference", "priority", "reference-bandwidth", "router-id", "speed", "time-zone",
        "type", "uid", "vlan-id",
    }
)  # fmt: skip
#: keywords that, with the name after them, open one level (`unit 0`, `group ISP-A`)
NAMED = frozenset(
    {
        "address", "area", "file", "group", "host", "interface", "neighbor", "policy-statement",
        "from-zone", "route", "route-filter", "security-zone", "server", "term", "unit", "user",
        "family",
    }
)  # fmt: skip
#: named only under these parents (`community` of SNMP and policies, firewall `filter`)
NAMED_UNDER: dict[str, frozenset[str]] = {
    "community": frozenset({"snmp", "policy-options"}),
    "prefix-list": frozenset({"policy-options"}),
    "filter": frozenset({"firewall"}),
    "policy": frozenset({"from-zone", "global"}),
    "ids-option": frozenset({"screen"}),
}
#: named levels whose header goes on with a second keyword and name (`from-zone A to-zone B`)
WIDE = {"from-zone": "to-zone"}
#: keywords whose children are names, each opening a level (`interfaces { ge-0/0/0 { ...`)
NAME_PARENTS = frozenset(
    {"interfaces", "vlans", "routing-instances", "groups", "bridge-domains", "zones"}
)
#: always shown as a block, even when what is inside is one word per line
CONTAINERS = frozenset(
    {
        "aggregated-devices", "aggregated-ether-options", "authentication", "bgp", "chassis",
        "clients", "destination-prefix-list", "ether-options", "ethernet", "ethernet-switching",
        "filter", "firewall", "gigether-options", "interfaces", "lacp", "lldp", "login",
        "name-server", "netconf", "ospf", "policy-options", "protocols", "root-authentication",
        "routing-options", "rstp", "services", "snmp", "source-prefix-list", "ssh", "static",
        "storm-control", "switch-options", "syslog", "system", "vlan", "vlans", "ntp",
    }
)  # fmt: skip
#: shown on one line when what is below them is one chain of at most this many words
#: (`then accept;`, `from protocol ospf;`, `route 0.0.0.0/0 next-hop 192.0.2.1;`)
COLLAPSE = {"from": 2, "then": 2, "route": 3, "route-filter": 2, "server": 2}
#: leaves that are each their own statement when repeated
REPEATED = frozenset({"address", "next-hop"})
#: leaves that hold a list, shown as `[ a b ]` (other words with several flags below are blocks)
LEAF_LISTS = frozenset(
    {
        "apply-groups", "community", "destination-port", "export", "icmp-type", "import",
        "members", "port", "protocol", "source-port", "vlan-id-list",
    }
)  # fmt: skip
#: leaves whose value Junos marks as secret in the brace form
SECRETS = frozenset({"encrypted-password", "authentication-key", "secret", "pre-shared-key"})

_PLAIN_VALUE = re.compile(r"[A-Za-z0-9._:/+*@,=<>-]+")


def normalise_word(word: str) -> str:
    """A word as the box stores it: quotes only where the value needs them.

    >>> normalise_word('"r1"'), normalise_word('"to core 1"')
    ('r1', '"to core 1"')
    """
    if len(word) >= 2 and word[0] == word[-1] == '"':
        inner = unquote(word)
        if inner and _PLAIN_VALUE.fullmatch(inner):
            return inner
        return word
    return word


def expand(words: Iterable[str]) -> list[Path]:
    """The paths one statement stands for: a `[ a b ]` list is one path per item.

    >>> expand(["vlan", "members", "[", "v10", "v20", "]"])
    [('vlan', 'members', 'v10'), ('vlan', 'members', 'v20')]
    """
    head: list[str] = []
    items: list[str] = []
    inside = False
    for word in words:
        if word == "[":
            inside = True
        elif word == "]":
            inside = False
        elif inside:
            items.append(normalise_word(word))
        elif word != ";":
            head.append(normalise_word(word))
    if not items:
        return [tuple(head)]
    return [(*head, item) for item in items]


def split_words(text: str) -> list[str]:
    """The words of a typed command, quoted strings kept whole."""
    return [t for t in tokens(text) if t != ";"]


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)

    def chain(self, keyword: str) -> list[str] | None:
        """The words below, when they form one short line of descent that ``keyword`` shows
        on one line (see `COLLAPSE`)."""
        words: list[str] = []
        node = self
        while node.children:
            if len(node.children) != 1:
                return None
            word, node = next(iter(node.children.items()))
            words.append(word)
        return words if len(words) <= COLLAPSE.get(keyword, 0) else None


@dataclass
class Shown:
    """One line of the brace form: a statement (``children`` None) or a block opener."""

    text: str
    children: list[Shown] | None = None

    def lines(self, depth: int = 0) -> Iterator[str]:
        pad = "    " * depth
        if self.children is None:
            secret = " ## SECRET-DATA" if self.text.split(" ", 1)[0] in SECRETS else ""
            yield f"{pad}{self.text};{secret}"
            return
        yield f"{pad}{self.text} {{"
        for child in self.children:
            yield from child.lines(depth + 1)
        yield f"{pad}}}"


def named(word: str, parents: Path) -> bool:
    """Whether ``word`` below ``parents`` takes a name that opens a level with it."""
    if word in NAMED:
        return True
    under = NAMED_UNDER.get(word)
    return under is not None and any(p in under for p in parents)


@dataclass
class _Render:
    """Builds the brace form; ``inactive`` are the full paths shown with `inactive:`."""

    inactive: frozenset[Path]

    def mark(self, text: str, path: Path) -> str:
        return "inactive: " + text if path in self.inactive else text

    def level(self, words: Path, node: _Node, parents: Path) -> Shown:
        path = (*parents, *words)
        header = " ".join(words)
        if not node.children:
            return Shown(self.mark(header, path))
        chain = node.chain(words[0])
        if chain is not None and not any(p[: len(path)] == path for p in self.inactive - {path}):
            return Shown(self.mark(" ".join([header, *chain]), path))
        return Shown(self.mark(header, path), self.shown(node, path))

    @staticmethod
    def leaf(word: str, node: _Node) -> bool:
        """Whether ``word`` is a leaf with its value(s) below (not a block of flags)."""
        if word in CONTAINERS or any(s.children for s in node.children.values()):
            return False
        return len(node.children) == 1 or word in LEAF_LISTS or word in REPEATED

    def shown(self, node: _Node, parents: Path) -> list[Shown]:
        out: list[Shown] = []
        parent = parents[-1] if parents else ""
        for word, sub in node.children.items():
            path = (*parents, word)
            if parent in NAME_PARENTS:
                out.append(self.level((word,), sub, parents))
            elif named(word, parents) and sub.children:
                for name, below in sub.children.items():
                    more = WIDE.get(word)
                    if more is not None and list(below.children) == [more]:
                        wide = below.children[more].children.items()
                        out.extend(self.level((word, name, more, b), n, parents) for b, n in wide)
                    else:
                        out.append(self.level((word, name), below, parents))
            elif not sub.children:
                out.append(Shown(self.mark(word, path)))
            elif (chain := sub.chain(word)) is not None and path not in self.inactive:
                out.append(Shown(self.mark(" ".join([word, *chain]), (*path, *chain))))
            elif self.leaf(word, sub):
                values = list(sub.children)
                if (
                    len(values) == 1
                    or word in REPEATED
                    or any(p[:-1] == path for p in self.inactive)
                ):
                    out.extend(Shown(self.mark(f"{word} {v}", (*path, v))) for v in values)
                else:
                    out.append(Shown(self.mark(f"{word} [ {' '.join(values)} ]", path)))
            else:
                out.append(Shown(self.mark(word, path), self.shown(sub, path)))
        return out


class JunosConfig:
    """The statements of one configuration, as `set` paths in first-set order, and the paths
    deactivated (`deactivate`, shown `inactive:`)."""

    def __init__(self, statements: Iterable[Path] = (), inactive: Iterable[Path] = ()) -> None:
        self.statements: list[Path] = list(statements)
        self.inactive: list[Path] = list(inactive)

    @classmethod
    def from_text(cls, text: str) -> JunosConfig:
        """Read brace or `display set` text (as a box stores it or `load` receives it)."""
        db = cls()
        lines = [ln.strip() for ln in text.splitlines()]
        lines = [ln for ln in lines if ln and not ln.startswith(("#", "/*"))]
        if lines and all(ln.split(None, 1)[0] in SET_VERBS for ln in lines):
            for line in lines:
                words = split_words(line)
                db.apply(words[0], words[1:])
            return db
        stream = read_statements(split_lines(text))
        for stmt in stream.statements:
            if stmt.deleted is not None:
                continue
            for path in expand(stmt.words):
                db.set(path)
            if stmt.inactive is not None:
                db.deactivate(_inactive_path(stmt))
        return db

    def apply(self, verb: str, words: list[str]) -> bool:
        """One `set`/`delete`/`deactivate`/`activate` line; False if it named nothing."""
        paths = expand(words)
        if verb == "set":
            for path in paths:
                self.set(path)
            return True
        found = False
        for path in paths:
            if verb == "delete":
                found = self.delete(path) or found
            elif verb == "deactivate":
                found = self.deactivate(path) or found
            elif verb == "activate":
                found = self.activate(path) or found
        return found

    def copy(self) -> JunosConfig:
        return JunosConfig(self.statements, self.inactive)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, JunosConfig)
            and set(self.statements) == set(other.statements)
            and set(self.inactive) == set(other.inactive)
        )

    def __hash__(self) -> int:
        return hash((frozenset(self.statements), frozenset(self.inactive)))

    def replace_with(self, other: JunosConfig) -> None:
        """Take ``other``'s statements in place (a `rollback` into this candidate)."""
        self.statements = list(other.statements)
        self.inactive = list(other.inactive)

    # -- editing -----------------------------------------------------------------------------
    def set(self, path: Path) -> None:
        """Add ``path``; a one-value leaf replaces its old value, a bare container its stub
        (in its place: Junos keeps a statement where its hierarchy shows it)."""
        if any(s[: len(path)] == path for s in self.statements):
            return
        single = len(path) >= 2 and path[-2] in SINGLE_VALUED
        kept: list[Path] = []
        at: int | None = None
        for s in self.statements:
            replaced = single and len(s) == len(path) and s[:-1] == path[:-1]
            stub = len(s) < len(path) and path[: len(s)] == s
            if replaced or stub:
                at = len(kept) if at is None else at
                continue
            kept.append(s)
        kept.insert(len(kept) if at is None else at, path)
        self.statements = kept

    def delete(self, path: Path) -> bool:
        """Remove ``path`` and everything under it; False when nothing was there."""
        kept = [s for s in self.statements if s[: len(path)] != path]
        removed = len(kept) != len(self.statements)
        self.statements = kept
        self.inactive = [p for p in self.inactive if p[: len(path)] != path]
        return removed

    def deactivate(self, path: Path) -> bool:
        """Mark ``path`` inactive (it stays in the config, the box ignores it)."""
        if not self.has(path):
            return False
        if path not in self.inactive:
            self.inactive.append(path)
        return True

    def activate(self, path: Path) -> bool:
        if path not in self.inactive:
            return self.has(path)
        self.inactive.remove(path)
        return True

    def has(self, path: Path) -> bool:
        return any(s[: len(path)] == path for s in self.statements)

    def under(self, path: Path) -> JunosConfig:
        """The statements below ``path``, relative to it."""
        n = len(path)
        return JunosConfig(
            (s[n:] for s in self.statements if s[:n] == path and len(s) > n),
            (p[n:] for p in self.inactive if p[:n] == path and len(p) > n),
        )

    # -- showing -----------------------------------------------------------------------------
    def set_text(self, prefix: Path = ()) -> str:
        """`show configuration | display set`: one `set` line per statement, then the
        `deactivate` lines."""
        n = len(prefix)
        lines = ["set " + " ".join(s) for s in self.statements if s[:n] == prefix]
        lines += ["deactivate " + " ".join(p) for p in self.inactive if p[:n] == prefix]
        return "".join(line + "\n" for line in lines)

    def shown(self, prefix: Path = ()) -> list[Shown]:
        """The brace form of the statements below ``prefix`` (the `[edit ...]` level)."""
        root = _Node()
        for path in self.under(prefix).statements:
            node = root
            for word in path:
                node = node.children.setdefault(word, _Node())
        return _Render(frozenset(self.inactive)).shown(root, prefix)

    def braces(self, prefix: Path = ()) -> str:
        """The brace form below ``prefix``; a path that ends at a leaf (`system host-name`)
        shows that statement, as the box does."""
        items = self.shown(prefix)
        if prefix:
            leaves = [
                item
                for item in self.shown(prefix[:-1])
                if item.children is None and item.text.split(" ", 1)[0] == prefix[-1]
            ]
            items = leaves or items
        return "".join(line + "\n" for item in items for line in item.lines())


def _inactive_path(stmt: Stmt) -> Path:
    """The path an `inactive:` mark (or `deactivate` line) in a brace file covers."""
    for depth, line in stmt.openers:
        if line.n == stmt.inactive:
            return stmt.words[:depth]
    return expand(stmt.words)[0]


def compare(old: JunosConfig, new: JunosConfig, prefix: Path = ()) -> str:
    """`show | compare`: what ``new`` changes in ``old``, block by block, in Junos's layout.

    >>> a = JunosConfig([("system", "host-name", "r1")])
    >>> b = JunosConfig([("system", "host-name", "r2")])
    >>> print(compare(a, b), end="")
    [edit system]
    -  host-name r1;
    +  host-name r2;
    """
    out: list[str] = []
    _diff(old.shown(prefix), new.shown(prefix), list(prefix), out)
    return "".join(line + "\n" for line in out)


def _key(item: Shown) -> tuple[str, bool]:
    return item.text, item.children is None


def _diff(old: list[Shown], new: list[Shown], path: list[str], out: list[str]) -> None:
    old_by = {_key(i): i for i in old}
    new_by = {_key(i): i for i in new}
    local: list[str] = []
    for item in old:
        if _key(item) not in new_by:
            local.extend("-  " + line for line in item.lines())
    for item in new:
        if _key(item) not in old_by:
            local.extend("+  " + line for line in item.lines())
    if local:
        out.append("[edit" + "".join(" " + p for p in path) + "]")
        out.extend(local)
    for item in new:
        before = old_by.get(_key(item))
        if before is not None and item.children is not None and before.children is not None:
            _diff(before.children, item.children, [*path, item.text], out)

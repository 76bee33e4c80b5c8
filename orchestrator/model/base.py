"""What every model node shares: where it came from (source lines) and how secrets are held.

Nodes are mutable dataclasses because parsers fill them statement by statement; once a parser
returns, nothing in the project mutates a model except `translate.adapt`, which works on a copy.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any, Literal


class Src:
    """Source line numbers that produced each field of one node.

    The key ``""`` stands for the node itself (its header line, e.g. ``interface Gi0/1``).
    Provenance never takes part in equality: two configs that mean the same are equal however
    they were written.

    >>> s = Src()
    >>> s.add("description", 12)
    >>> s.get("description")
    (12,)
    """

    __slots__ = ("lines",)

    def __init__(self) -> None:
        self.lines: dict[str, list[int]] = {}

    def add(self, field_name: str, line: int) -> None:
        bucket = self.lines.setdefault(field_name, [])
        if line not in bucket:
            bucket.append(line)

    def get(self, field_name: str) -> tuple[int, ...]:
        return tuple(self.lines.get(field_name, ()))

    def every(self) -> set[int]:
        return {n for bucket in self.lines.values() for n in bucket}

    def forget(self, field_name: str) -> None:
        """Drop the lines of ``field_name`` and of its items (`item_key`): it is set anew."""
        prefix = field_name + "="
        for key in [k for k in self.lines if k == field_name or k.startswith(prefix)]:
            del self.lines[key]

    def copy(self, source: str, target: str) -> None:
        """``target`` holds what ``source`` holds: its lines, item by item.

        >>> s = Src()
        >>> s.add("import_targets", 4)
        >>> s.add("import_targets=65000:1", 4)
        >>> s.copy("import_targets", "evpn_import_targets")
        >>> s.get("evpn_import_targets=65000:1")
        (4,)
        """
        prefix = source + "="
        for key in [k for k in self.lines if k == source or k.startswith(prefix)]:
            for n in self.lines[key]:
                self.add(target + key[len(source) :], n)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Src)

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return f"Src({self.lines!r})"


#: Field metadata: the field names an interface (renamed when ports are mapped).
IFREF: dict[str, bool] = {"ifref": True}
#: Field metadata: the field is a list of interface names.
IFLIST: dict[str, bool] = {"iflist": True}


_FIELDS: dict[type, tuple[Field[Any], ...]] = {}
_DEFAULTS: dict[tuple[type, str], object] = {}


def node_fields(cls: type) -> tuple[Field[Any], ...]:
    """The dataclass fields of ``cls`` except provenance, computed once per class.

    `dataclasses.fields` rebuilds its tuple on every call; model walks call it millions of
    times, so everything that walks the model asks here instead.
    """
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(f for f in fields(cls) if f.name != "src")
    return found


def field_default(cls: type, name: str) -> object:
    """The default value of field ``name`` of ``cls`` (a factory's value, made once: never
    mutate it)."""
    key = (cls, name)
    if key not in _DEFAULTS:
        value: object = None
        for f in fields(cls):
            if f.name == name:
                if f.default is not MISSING:
                    value = f.default
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
        _DEFAULTS[key] = value
    return _DEFAULTS[key]


@dataclass(kw_only=True)
class Node:
    """Base of every model node: carries provenance that equality ignores."""

    src: Src = field(default_factory=Src, compare=False, repr=False)

    def at(self, line: int, *fields: str) -> None:
        """Record that source ``line`` set ``fields`` of this node (the node itself if none)."""
        for name in fields or ("",):
            self.src.add(name, line)

    def at_item(self, line: int, field_name: str, value: object) -> None:
        """Record that source ``line`` added ``value`` to the list ``field_name``.

        Renderers that write one line per item cite `item_key(field, value)` so each target line
        points at the one source line behind it, not at every line that touched the list. Keys
        hold the value, not the position, so reordering a list keeps them right.
        """
        self.src.add(field_name, line)
        self.src.add(item_key(field_name, value), line)


def item_key(field_name: str, value: object) -> str:
    """The provenance key of one item of a list field: ``networks=10.0.0.0/24``."""
    return f"{field_name}={value}"


SecretKind = Literal[
    "plain",  # clear text in the source (password 0 x, snmp community, key 0 x)
    "cisco7",  # Cisco type 7: reversible obfuscation
    "cisco5",  # Cisco type 5: MD5-crypt hash
    "cisco8",  # Cisco type 8: PBKDF2-SHA256 hash
    "cisco9",  # Cisco type 9: scrypt hash
    "junos9",  # Junos $9$: reversible obfuscation
    "unix_hash",  # $1$ / $5$ / $6$ crypt hash (Junos encrypted-password, NX-OS type 5)
    "huawei_cipher",  # Huawei/H3C reversible cipher text
    "huawei_hash",  # Huawei/H3C irreversible-cipher
    "zte_encrypted",  # ZTE encrypted form
    "ref",  # a reference to a secret held outside the config: value is the reference key
    "nxos3",  # NX-OS type 3: encrypted with a key the box holds; not recoverable here
    "snmp_localized",  # SNMPv3 key localized to one engine ID: a one-way hash (re-key)
]

#: Kinds whose clear text can be recovered from the config itself.
RECOVERABLE_SECRET_KINDS: frozenset[str] = frozenset({"plain", "cisco7", "junos9"})
#: Kinds that are one-way hashes: the clear text must be supplied again ("re-key").
HASHED_SECRET_KINDS: frozenset[str] = frozenset(
    {"cisco5", "cisco8", "cisco9", "unix_hash", "huawei_hash", "snmp_localized"}
)


@dataclass(frozen=True)
class Secret:
    """A password, key or community as found in a config. Never printed in clear.

    >>> str(Secret("plain", "hunter2"))
    '<redacted>'
    """

    kind: SecretKind
    value: str = field(repr=False)

    def __str__(self) -> str:
        return "<redacted>"

    def __repr__(self) -> str:
        return f"Secret({self.kind!r}, <redacted>)"

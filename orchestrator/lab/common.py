"""Small pure helpers the lab's state engine shares: names, AS numbers, secrets, union-find.

>>> trailing_number("Eth-Trunk10")
10
>>> parse_asn("1.10")
65546
>>> secret_key(Secret("cisco7", "0822455D0A16")) == secret_key(Secret("plain", "cisco"))
True
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Generic, TypeVar

from orchestrator.model.base import Secret
from orchestrator.secrets import clear_text
from orchestrator.syntax.huawei_common import looks_cipher

_TRAILING = re.compile(r"(\d+)$")

#: secret kinds whose value, when it does not look encrypted, is the clear text the user typed
#: (VRP and Comware take `cipher <clear text>` and encrypt it; the lab keeps what was typed)
_TYPED_CLEAR = frozenset({"huawei_cipher", "zte_encrypted"})


def trailing_number(name: str) -> int | None:
    """The number an interface name ends with (`Port-channel1` → 1, `irb.10` → 10)."""
    m = _TRAILING.search(name)
    return int(m.group(1)) if m else None


def parent_name(name: str) -> str | None:
    """The parent port of a sub-interface name (`ge-0/0/1.100` → `ge-0/0/1`), or None."""
    if "." in name:
        head = name.rsplit(".", 1)[0]
        return head or None
    return None


def parse_asn(text: str | None) -> int | None:
    """An AS number written asplain or asdot; None for anything else.

    >>> parse_asn("65001"), parse_asn("internal")
    (65001, None)
    """
    if text is None:
        return None
    text = text.strip()
    if text.isdigit():
        return int(text)
    high, dot, low = text.partition(".")
    if dot and high.isdigit() and low.isdigit():
        return int(high) * 65536 + int(low)
    return None


def secret_key(secret: Secret | None) -> str | None:
    """What two ends must share for a password to match: the clear text when the config
    gives it (plain, Cisco 7, Junos $9$, VRP/Comware clear text typed after `cipher`),
    otherwise the kind and the stored text (two boxes agree only if they hold the same)."""
    if secret is None:
        return None
    clear = clear_text(secret)
    if clear is not None:
        return "clear:" + clear
    if secret.kind in _TYPED_CLEAR and not looks_cipher(secret.value):
        return "clear:" + secret.value
    return f"{secret.kind}:{secret.value}"


N = TypeVar("N", bound=Hashable)


class UnionFind(Generic[N]):
    """Disjoint sets of hashable nodes, with path halving.

    >>> uf: UnionFind[str] = UnionFind()
    >>> uf.union("a", "b"); uf.find("a") == uf.find("b")
    True
    """

    def __init__(self) -> None:
        self.parent: dict[N, N] = {}

    def find(self, node: N) -> N:
        parent = self.parent
        if node not in parent:
            parent[node] = node
            return node
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(self, a: N, b: N) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb

"""Junos `interfaces interface-range`: one block of settings for many ports.

A range names its ports with `member ge-0/0/[0-5]` (a name, with optional `[a-b]` or `[a,b]`
number sets) and `member-range ge-0/0/0 to ge-0/0/23`; every other statement of the range
applies to each member as if written under `interfaces <member>`. The range's statements are
expanded here, before mapping, onto each member (keeping their own source line), so the model
has the ports and the report points at the lines of the range.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from orchestrator import ports
from orchestrator.syntax.juniper_junos_text import Stmt, Stream, unquote

MEMBER_RULE = "interface-range membership: the range's statements are translated onto each member"
_SET = re.compile(r"\[([0-9,\- ]+)\]")


def _numbers(text: str) -> list[int]:
    out: list[int] = []
    for part in text.replace(" ", "").split(","):
        if "-" in part:
            lo, hi = part.split("-", 1)
            out.extend(range(int(lo), int(hi) + 1))
        elif part:
            out.append(int(part))
    return out


def member_names(pattern: str) -> list[str]:
    """`ge-0/0/[0-2]` → `ge-0/0/0`, `ge-0/0/1`, `ge-0/0/2`.

    >>> member_names("ge-0/[0,1]/[3-4]")
    ['ge-0/0/3', 'ge-0/0/4', 'ge-0/1/3', 'ge-0/1/4']
    """
    parts = _SET.split(pattern)
    fixed, sets = parts[0::2], [_numbers(p) for p in parts[1::2]]
    out = []
    for combo in itertools.product(*sets):
        name = fixed[0]
        for number, rest in zip(combo, fixed[1:], strict=True):
            name += str(number) + rest
        out.append(name)
    return out


def range_names(first: str, last: str) -> list[str] | None:
    """`member-range ge-0/0/0 to ge-0/0/3`: the ports in between on the same module."""
    a = ports.parse_name("juniper_junos", first)
    b = ports.parse_name("juniper_junos", last)
    if a is None or b is None or a.type != b.type or a.numbers[:-1] != b.numbers[:-1]:
        return None
    head = first[: first.rindex("/") + 1] if "/" in first else first.rstrip("0123456789")
    return [f"{head}{n}" for n in range(a.numbers[-1], b.numbers[-1] + 1)]


def expand_ranges(stream: Stream) -> None:
    """Replace each range's statements by the same statements on every member port."""
    members: dict[str, list[str]] = {}
    body: dict[str, list[Stmt]] = {}
    rest: list[Stmt] = []
    for stmt in stream.statements:
        w = stmt.words
        if w[:2] != ("interfaces", "interface-range") or len(w) < 4:
            rest.append(stmt)
            continue
        name = unquote(w[2])
        if w[3] == "member" and len(w) >= 5:
            # `ge-0/0/[0-5]` reads as words around a bracket list: put the name back together
            members.setdefault(name, []).extend(member_names(unquote("".join(w[4:]))))
            stream.verdicts.append((stmt.line, "ignored", MEMBER_RULE))
        elif w[3] == "member-range" and len(w) == 7 and w[5] == "to":
            names = range_names(w[4], w[6])
            if names is None:
                stream.verdicts.append((stmt.line, "unsupported", "member-range not understood"))
                continue
            members.setdefault(name, []).extend(names)
            stream.verdicts.append((stmt.line, "ignored", MEMBER_RULE))
        else:
            body.setdefault(name, []).append(stmt)
    expanded: list[Stmt] = []
    for name, stmts in body.items():
        ports_of = list(dict.fromkeys(members.get(name, [])))
        if not ports_of:
            for stmt in stmts:
                stream.verdicts.append(
                    (stmt.line, "ignored", f"interface-range {name} has no member port")
                )
            continue
        for port in ports_of:
            for stmt in stmts:
                # `interface-range R` (two words) becomes the port (one): the range's own
                # opener stands for each member port
                openers = tuple(
                    (d if d == 1 else d - 1, line) for d, line in stmt.openers if d != 2
                )
                expanded.append(
                    replace(stmt, words=("interfaces", port, *stmt.words[3:]), openers=openers)
                )
    # range settings come first: a port's own statements win, as on the box
    stream.statements = expanded + rest

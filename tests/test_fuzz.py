"""Property: whatever text a parser is fed, only the project's own ParseError escapes it.

Mutations start from real corpus files (of every platform, fed to every parser) and cut,
duplicate, shuffle, corrupt and truncate them the way damaged captures look in practice.
"""

from __future__ import annotations

import random
from functools import cache

from conftest import corpus_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchestrator.errors import ParseError
from orchestrator.syntax import MODULES, get_platform
from orchestrator.syntax.text import read_config


@cache
def _texts() -> tuple[str, ...]:
    return tuple(read_config(path).text for _, path in corpus_files())


_JUNK = [
    "",
    " ",
    "{",
    "}",
    "}}",
    ";",
    "!",
    "#",
    "$",
    "exit",
    "quit",
    "return",
    "end",
    "interface",
    "ip address",
    "router bgp",
    "neighbor",
    "set",
    "deactivate",
    "\t",
    "4294967296",
    "-1",
    "999999999999999999999",
    "0.0.0.0/33",
    "1.2.3.4 255.0.255.0",
    "a/b/c",
    "\ufeff",
    "ä",
    "^C",
    "\x1b[0m",
    "--More--",
    "vlan 1-4095",
    "vlan 0",
    "ip route 0.0.0.0",
    "rule 5 permit",
    "peer",
    "area",
    "description",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    texts = _texts()
    text = texts[draw(st.integers(0, len(texts) - 1))]
    lines = text.split("\n")
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, 12))):
        op = rng.choice(["drop", "dup", "swap", "corrupt", "junk", "indent", "cut", "words"])
        if not lines:
            break
        i = rng.randrange(len(lines))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "corrupt" and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + rng.choice(_JUNK) + lines[i][k + 1 :]
        elif op == "junk":
            lines.insert(i, " " * rng.randrange(4) + " ".join(rng.sample(_JUNK, 3)))
        elif op == "indent":
            lines[i] = " " * rng.randrange(6) + lines[i].lstrip()
        elif op == "cut":
            lines = lines[: max(1, i)]
        elif op == "words":
            words = lines[i].split()
            rng.shuffle(words)
            lines[i] = " ".join(words)
    return "\n".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(), platform=st.sampled_from(sorted(MODULES)))
def test_only_parse_errors_escape(text: str, platform: str) -> None:
    parser = get_platform(platform)
    try:
        parsed = parser.parse(text, path="<fuzz>")
    except ParseError as exc:
        assert exc.exit_code == 2
        assert str(exc)
        return
    counted = {line.n for line in parser.counted_lines(text)}
    assert set(parsed.report.lines) == counted

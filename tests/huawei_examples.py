"""The reference's own example sessions as a self-test corpus for the checker.

Each command page comes with an example session, e.g.::

    <HUAWEI> system-view
    [~HUAWEI] interface 100GE 1/0/1
    [*HUAWEI-100GE1/0/1] description Connect to DeviceA

The prompts say which view each command is entered in: when a command is followed by a new
prompt, that command opened the new view. `example_lines` rebuilds, for every command, the chain
of opener commands above it, the same shape as a renderer's `Emission.view`, so the examples
test the matcher and the view model together, exactly as rendered configs are tested.

Run ``python tests/huawei_examples.py`` for the measured shares.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from huawei_reference import SOURCES, Reference, read_objects
from huawei_views import USER, ViewTracker, view_of

_PROMPT = re.compile(r"^\s*(?P<open>[\[<])[~*]?(?P<name>[^\]>\s]+)[\]>]\s*(?P<cmd>\S.*?)\s*$")
#: session-control commands: they move between views, they are no configuration
SESSION = frozenset({"system-view", "quit", "q", "return", "commit", "y", "n"})


@dataclass(frozen=True)
class ExampleLine:
    """A command of an example session, with the view chain its prompt implies."""

    command: str
    chain: tuple[str, ...]
    user_view: bool
    title: str
    source: str
    page: int  # index of the page in its file


def example_lines(folder: Path, source: str) -> Iterator[ExampleLine]:
    """Every command line (with a prompt) of every example session of one reference file."""
    for index, page in enumerate(read_objects(folder, source)):
        example = page.get("example")
        if isinstance(example, list):
            yield from _walk([str(x) for x in example], str(page.get("title", "")), source, index)


def _walk(session: list[str], title: str, source: str, index: int) -> Iterator[ExampleLine]:
    stack: list[tuple[str, str]] = []  # (prompt name, the command that opened it); [0] = root
    previous: str | None = None
    for raw in session:
        match = _PROMPT.match(raw)
        if match is None:
            continue  # command output
        name, command = match.group("name"), " ".join(match.group("cmd").split())
        if match.group("open") == "<":
            stack, previous = [], command
            yield ExampleLine(command, (), True, title, source, index)
            continue
        names = [n for n, _ in stack]
        if not stack:
            stack = [(name, "")]
        elif name in names:
            del stack[names.index(name) + 1 :]
        elif previous is not None:
            stack.append((name, previous))
        else:
            stack = [(name, "")]
        previous = command
        yield ExampleLine(command, tuple(op for _, op in stack[1:]), False, title, source, index)


@dataclass
class Tally:
    """Shares measured over the example sessions."""

    lines: int = 0  # configuration commands (not session control, not user view)
    known_view: int = 0  # ... whose opener chain the view model knows
    matched: int = 0  # ... that match a syntax valid in that view
    #: ... that match in an enclosing view instead: the VRP CLI leaves the current view for
    #: the nearest enclosing one that has the command, and the examples rely on it
    fallback: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (line, view, reason)

    def share(self) -> float:
        """Lines matched in the very view the prompt shows."""
        return self.matched / self.known_view if self.known_view else 0.0

    def share_with_fallback(self) -> float:
        """Lines matched in that view or, as the CLI allows, in an enclosing one."""
        return (self.matched + self.fallback) / self.known_view if self.known_view else 0.0


def measure(ref: Reference, folder: Path, source: str) -> Tally:
    """Check every configuration command of one file's examples in its view."""
    tally = Tally()
    tracker = ViewTracker(ports_layer2=source == "ce6800")
    current_page = -1
    for line in example_lines(folder, source):
        if line.page != current_page:
            tracker, current_page = ViewTracker(ports_layer2=source == "ce6800"), line.page
        if line.user_view or line.command.lower() in SESSION or not line.command[0].isalnum():
            continue
        tally.lines += 1
        view = tracker.view(line.chain)
        tracker.observe(line.chain, line.command)
        if view is None:
            continue
        tally.known_view += 1
        result = ref.match(line.command, view)
        if result.matched:
            tally.matched += 1
        elif any(
            (outer := view_of(line.chain[:depth])) and ref.match(line.command, outer).matched
            for depth in range(len(line.chain) - 1, -1, -1)
        ):
            tally.fallback += 1
        else:
            tally.misses.append((line.command, view, result.reason))
    return tally


if __name__ == "__main__":
    from huawei_reference import commands_folder, reference

    ref = reference()
    for name in SOURCES:
        tally = measure(ref, commands_folder(), name)
        print(
            f"{name}: {tally.lines} configuration lines, {tally.known_view} in a known view, "
            f"{tally.matched} matched ({tally.share():.1%}), "
            f"{tally.share_with_fallback():.1%} with the CLI's fallback to enclosing views"
        )
    print(f"{USER!r} lines are not counted; broken syntax strings: {len(ref.broken)}")

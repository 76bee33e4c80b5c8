"""The commit machinery of an emulated Junos box: the shared candidate, the exclusive lock,
`commit check`, `commit confirmed N` with its automatic rollback, rollback numbers and the
commit history.

State that outlives one line lives in two places: `Box` (one per emulated device: the shared
candidate, the exclusive lock, a pending confirmed commit) and `Tty` (one per logged-in session:
which candidate it edits, its private copy). Both are kept by `PerObject`, keyed by the object
they belong to and dropped when it goes, so the persona itself stays shared and stateless.
"""

from __future__ import annotations

import calendar
import math
import re
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from orchestrator.lab.device import Commit, LabDevice
from orchestrator.lab.platforms.juniper_junos_config import JunosConfig, Path
from orchestrator.lab.session import Session

K = TypeVar("K")
V = TypeVar("V")

EditKind = Literal["shared", "exclusive", "private"]

_LAST_COMMIT = re.compile(
    r"## Last commit: (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \S+ by (\S+)", re.MULTILINE
)


class PerObject(Generic[K, V]):
    """A value per live object (a device, a session), made on first use, gone with it."""

    def __init__(self, make: Callable[[K], V]) -> None:
        self._make = make
        self._items: dict[int, V] = {}

    def get(self, obj: K) -> V:
        key = id(obj)
        found = self._items.get(key)
        if found is None:
            found = self._items[key] = self._make(obj)
            weakref.finalize(obj, self._items.pop, key, None)
        return found

    def peek(self, obj: K) -> V | None:
        return self._items.get(id(obj))


@dataclass
class Pending:
    """A `commit confirmed` waiting for its confirmation."""

    cancel: Callable[[], None]
    deadline: float  # time.time() when it rolls back
    number: int  # the commit it would undo
    minutes: int


@dataclass
class Box:
    """What one Junos box holds beyond its running text."""

    device: LabDevice
    running: JunosConfig
    running_text: str  # the device text ``running`` was read from
    candidate: JunosConfig  # the shared candidate database
    holder: weakref.ref[Session] | None = None  # who has `configure exclusive`
    pending: Pending | None = None
    via: dict[int, str] = field(default_factory=dict)  # commit number -> "cli" | "other"
    editors: list[weakref.ref[Session]] = field(default_factory=list)  # in configuration mode

    @classmethod
    def of(cls, device: LabDevice) -> Box:
        running = JunosConfig.from_text(device.running_text)
        if not device.commits:
            found = _LAST_COMMIT.search(device.running_text)
            at, user = device.boot_time, "root"
            if found is not None:
                at = calendar.timegm(time.strptime(found.group(1), "%Y-%m-%d %H:%M:%S"))
                user = found.group(2)
            device.commits.append(Commit(0, running.braces(), user, at))
        return cls(device, running, device.running_text, running.copy())

    def sync(self) -> None:
        """Re-read the running config if something outside the CLI replaced it (a lab reset,
        a file loaded by hand): it becomes a commit by `root via other`, as on the box."""
        if self.device.running_text == self.running_text:
            return
        self.running = JunosConfig.from_text(self.device.running_text)
        self.running_text = self.device.running_text
        self.candidate = self.running.copy()
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None
        number = self.device.commits[-1].number + 1 if self.device.commits else 0
        self.device.commits.append(Commit(number, self.running_text, "root", time.time()))
        self.via[number] = "other"

    def locked_by_other(self, session: Session) -> Session | None:
        holder = self.holder() if self.holder is not None else None
        if holder is None or holder is session or not _editing(holder):
            return None
        return holder

    def others(self, session: Session) -> list[Session]:
        """The other sessions in configuration mode on this box."""
        alive = [ref for ref in self.editors if _editing(ref())]
        self.editors = alive
        return [s for ref in alive if (s := ref()) is not None and s is not session]

    def rollback_text(self, n: int) -> str | None:
        """The text of rollback ``n`` (0 the running config), if the box still has it."""
        commits = self.device.commits
        if n < 0 or n >= len(commits):
            return None
        return commits[-1 - n].text


def _editing(session: Session | None) -> bool:
    return session is not None and not session.closed and session.mode == "config"


@dataclass
class Edit:
    """One session's configuration mode."""

    kind: EditKind
    private: JunosConfig | None = None
    back: list[int] = field(default_factory=list)  # view depths to return to on `exit`


@dataclass
class Tty:
    """One session's Junos state."""

    edit: Edit | None = None
    restore_paging: bool = False
    since: float = field(default_factory=time.time)  # when the session first spoke


BOXES: PerObject[LabDevice, Box] = PerObject(Box.of)
TTYS: PerObject[Session, Tty] = PerObject(lambda session: Tty())


def minute(session: Session) -> float:
    """How long one minute of `commit confirmed N` lasts in this lab (tests shorten it)."""
    return float(getattr(session.persona, "minute_seconds", 60.0))


def candidate(box: Box, tty: Tty) -> JunosConfig:
    """The candidate the session edits: its private copy or the shared one."""
    if tty.edit is not None and tty.edit.private is not None:
        return tty.edit.private
    return box.candidate


def locked_text(holder: Session) -> str:
    return (
        "error: configuration database locked by:\n"
        f"  {holder.user} terminal pts/0 (pid 4711) on since {stamp(TTYS.get(holder).since)}\n"
        "      exclusive [edit]\n"
    )


def stamp(at: float) -> str:
    """A Junos time stamp: ``2024-03-12 02:14:09 UTC``."""
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(at))


# -- commit checks ---------------------------------------------------------------------------
def _bgp_peer_as(db: JunosConfig) -> list[str]:
    """An external BGP neighbor needs a peer AS, from its group or its own statement."""
    errors: list[str] = []
    groups: dict[str, dict[str, bool]] = {}
    for path in db.statements:
        if path[:3] != ("protocols", "bgp", "group") or len(path) < 5:
            continue
        group = groups.setdefault(path[3], {"external": False, "peer-as": False})
        if path[4:6] == ("type", "external"):
            group["external"] = True
        if path[4] == "peer-as":
            group["peer-as"] = True
    for name, group in groups.items():
        if not group["external"] or group["peer-as"]:
            continue
        base: Path = ("protocols", "bgp", "group", name, "neighbor")
        neighbors = {p[5] for p in db.statements if p[:5] == base and len(p) > 5}
        for neighbor in sorted(neighbors):
            if not db.has((*base, neighbor, "peer-as")):
                errors.append(
                    f"[edit protocols bgp group {name}]\n  'neighbor {neighbor}'\n"
                    "    Peer AS number must be configured for an external peer\n"
                )
    return errors


#: functions that read a candidate and return the errors that stop its commit
COMMIT_CHECKS: tuple[Callable[[JunosConfig], list[str]], ...] = (_bgp_peer_as,)
CHECK_FAILED = "error: configuration check-out failed\n"


def check(db: JunosConfig) -> str:
    """The errors `commit check` prints for ``db`` (empty when it would commit)."""
    errors = [e for fn in COMMIT_CHECKS for e in fn(db)]
    return "".join(errors) + CHECK_FAILED if errors else ""


def commit(
    session: Session,
    box: Box,
    db: JunosConfig,
    *,
    comment: str = "",
    confirm_minutes: int | None = None,
    minute: float = 60.0,
) -> None:
    """Make ``db`` the running config: history, topology, and a confirmed commit's timer."""
    device = box.device
    previous = box.running
    number = device.commits[-1].number + 1 if device.commits else 0
    _apply(box, db.copy())
    device.commits.append(Commit(number, box.running_text, session.user, time.time(), comment))
    box.via[number] = "cli"
    session.lab.changed(device)
    if box.pending is not None:  # any commit confirms the one that waits
        box.pending.cancel()
        box.pending = None
    if confirm_minutes is None:
        return
    restore = previous.copy()
    lab = session.lab

    def expire() -> None:
        box.pending = None
        back = device.commits[-1].number + 1
        _apply(box, restore)
        device.commits.append(Commit(back, box.running_text, "root", time.time()))
        box.via[back] = "other"
        box.candidate = restore.copy()
        lab.changed(device)

    cancel = lab.schedule(confirm_minutes * minute, expire)
    deadline = time.time() + confirm_minutes * minute
    box.pending = Pending(cancel, deadline, number, confirm_minutes)


def _apply(box: Box, db: JunosConfig) -> None:
    """``db`` becomes the running config, stored as the box stores it (brace text)."""
    text = db.braces()
    box.device.set_running(text)
    box.device.saved_text = text  # Junos has no separate startup config: a commit persists
    box.running = db
    box.running_text = text


def pending_note(box: Box, minute: float) -> str:
    """The line Junos shows above the config prompt while a confirmed commit waits."""
    if box.pending is None:
        return ""
    left = max(1, math.ceil((box.pending.deadline - time.time()) / minute))
    return f"# commit confirmed will be rolled back in {left} minute{'s' if left != 1 else ''}\n"


def history(box: Box) -> str:
    """`show system commit`: newest first, with the pending confirmed commit marked."""
    out: list[str] = []
    for index, entry in enumerate(reversed(box.device.commits)):
        note = ""
        if box.pending is not None and box.pending.number == entry.number:
            note = f" commit confirmed, rollback in {box.pending.minutes}mins"
        via = box.via.get(entry.number, "cli")
        out.append(f"{index:<4}{stamp(entry.at)} by {entry.user} via {via}{note}\n")
        if entry.comment:
            out.append(f"    {entry.comment}\n")
    return "".join(out)

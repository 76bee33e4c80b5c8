"""VRP8's two-stage state: a session's candidate, the box's rollback points and its commit
trial timer (the machinery `huawei_vrpv8.py` and its commands share)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from orchestrator.lab.configtree import ConfigTree
from orchestrator.lab.device import Commit, LabDevice
from orchestrator.lab.platforms import huawei_files as files
from orchestrator.lab.session import Session

FIRST_COMMIT_ID = 1000000001


@dataclass
class CandidateTree(ConfigTree):
    """A session's candidate: the tree it edits and the running text it started from."""

    base_text: str = ""
    base_version: int = -1


@dataclass
class Vrp8Commit(Commit):
    """A rollback point: the configuration after the commit and the one before it."""

    before: str = ""
    label: str = "-"


@dataclass
class Trial:
    """A `commit trial` waiting for its confirmation."""

    previous: str = ""
    deadline: float = 0.0
    cancel: Callable[[], None] | None = None

    @property
    def active(self) -> bool:
        return self.cancel is not None


@dataclass
class History:
    trial: Trial = field(default_factory=Trial)


HISTORY: files.PerDevice[History] = files.PerDevice(lambda device: History())


def commits(device: LabDevice) -> list[Vrp8Commit]:
    """The box's rollback points, oldest first. A change made outside the CLI (the lab's
    control API puts a box back to its startup config) becomes a point of its own, as every
    change on a real VRP8 box is a commit."""
    points = [c for c in device.commits if isinstance(c, Vrp8Commit)]
    if points and points[-1].text != device.running_text and not HISTORY(device).trial.active:
        last = points[-1]
        point = Vrp8Commit(
            last.number + 1,
            device.running_text,
            "_SYSTEM_",
            time.time(),
            "changed outside the CLI",
            before=last.text,
        )
        device.commits.append(point)
        points.append(point)
    return points


def set_running(session: Session, text: str, comment: str = "", label: str = "-") -> int:
    """Make ``text`` the running configuration and record a rollback point; its id."""
    device = session.device
    commits(device)  # a change outside the CLI is a point of its own first
    before = device.running_text
    device.set_running(text)
    session.lab.changed(device)
    number = max((c.number for c in device.commits), default=FIRST_COMMIT_ID - 1) + 1
    device.commits.append(
        Vrp8Commit(number, text, session.user, time.time(), comment, before=before, label=label)
    )
    return number


def trial_text(seconds: int) -> str:
    return (
        "Committing..done.\n"
        "Info: The system enters the trial configuration mode.\n"
        "The system will revert to previous configuration if the trial configuration is not "
        f"confirmed in {seconds} seconds.\n"
    )


def start_trial(session: Session, previous: str, seconds: int) -> None:
    device = session.device
    trial = HISTORY(device).trial
    lab = session.lab

    def expire() -> None:
        if trial.cancel is None:
            return
        trial.cancel = None
        device.set_running(trial.previous)
        lab.changed(device)

    trial.previous = previous
    trial.deadline = time.time() + seconds
    trial.cancel = lab.schedule(seconds, expire)


def end_trial(device: LabDevice) -> Trial | None:
    """Stop a running trial's timer; the trial, or None if none was running."""
    trial = HISTORY(device).trial
    if trial.cancel is None:
        return None
    trial.cancel()
    trial.cancel = None
    return trial

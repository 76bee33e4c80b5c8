"""Huawei VRP8 (CloudEngine switches, NetEngine routers): VRP5 with two-stage configuration.

Lines entered in system view go to a candidate (`[*HOST]` while it differs from the running
configuration, `[~HOST]` when it does not); `commit` makes it running and records a rollback
point (commit ids from 1000000001). The safety net, as the real OS has it:

- `commit trial [<seconds>]`: the change runs on trial and is taken back after the time unless
  a `commit` confirms it (`abort trial` takes it back at once; `display configuration trial
  status` shows the time left);
- `rollback configuration to commit-id <id>` / `last <n>` / `to file <file>` (user view): back to
  the configuration as it was when rollback point <id> was made;
- `display configuration candidate [merge|changes]`, `clear configuration candidate`,
  `display configuration commit list [verbose]`, `display configuration commit changes at <id>`,
  `load configuration file <file> replace|merge`;
- `return`/`quit` with uncommitted changes ask whether to commit them first (Y/N/C).

The candidate is the session's own (`CandidateTree`); the trial timer belongs to the box.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.device import Commit, LabDevice
from orchestrator.lab.platforms import huawei_files as files
from orchestrator.lab.platforms.huawei_cli import error_text, param
from orchestrator.lab.platforms.huawei_diff import Change, changes, render_changes
from orchestrator.lab.platforms.huawei_show import Family
from orchestrator.lab.platforms.huawei_vrp import HuaweiVrp, wrong_parameter
from orchestrator.lab.session import Handler, Session

FIRST_COMMIT_ID = 1000000001
DEFAULT_TRIAL = 600

UNCOMMITTED = (
    "Warning: Uncommitted configurations found. Are you sure to commit them before exiting? "
    "[Y(yes)/N(no)/C(cancel)]:"
)

SAVE_WORDS = files.Words(
    save_all="Warning: The current configuration will be written to the device. Continue? [Y/N]:",
    save_file="Warning: Are you sure to save the configuration to {path}? [Y/N]:",
    saved=(
        "Now saving the current configuration to the slot 1 .\n"
        "Info: Save the configuration successfully.\n"
    ),
)


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


class HuaweiVrpV8(HuaweiVrp):
    platform: ClassVar[str] = "huawei_vrpv8"
    family: ClassVar[Family] = "vrp8"
    config_end: ClassVar[tuple[str, ...]] = ()
    config_up: ClassVar[tuple[str, ...]] = ()
    # the two-stage words run as commands in every view (they act on the candidate)
    exec_anywhere: ClassVar[re.Pattern[str] | None] = re.compile(
        r"dis(p(l(ay?)?)?)?\s|commit(\s|$)|abort\s+trial|clear\s+configuration\s+candidate"
        r"|load\s+configuration\s|return$|quit$|(undo\s+)?(shutdown|synchronization)\s*$",
        re.I,
    )
    # NE40E shows `undo shutdown` on every port it brings up
    shown_undo: ClassVar[frozenset[str]] = frozenset({"shutdown", "synchronization"})
    default_model: ClassVar[str] = "NE40E-M2K"
    default_version: ClassVar[str] = "8.200 (NE40E V800R012C10SPC300)"
    image: ClassVar[str] = "NE40E-V800R012C10SPC300.cc"
    save_words: ClassVar[files.Words] = SAVE_WORDS

    # -- the candidate --------------------------------------------------------------------------
    def working_tree(self, session: Session) -> ConfigTree:
        return self._fresh(session.device)

    def _fresh(self, device: LabDevice) -> CandidateTree:
        parsed = self.tree(device.running_text)
        return CandidateTree(
            root=parsed.root,
            replace_keys=parsed.replace_keys,
            base_text=self.config_text(parsed),
            base_version=device.config_version,
        )

    def candidate(self, session: Session) -> CandidateTree:
        """The session's candidate, brought up to date if it holds no change of its own and
        the running configuration moved (another session committed, a trial ran out)."""
        tree = session.tree
        assert isinstance(tree, CandidateTree)
        if tree.base_version != session.device.config_version and not self.dirty(tree):
            fresh = self._fresh(session.device)
            tree.root, tree.base_text, tree.base_version = (
                fresh.root,
                fresh.base_text,
                fresh.base_version,
            )
        return tree

    def dirty(self, tree: CandidateTree) -> bool:
        return self.config_text(tree) != tree.base_text

    def commit(self, session: Session, tree: ConfigTree) -> None:
        """Accepted lines stay in the candidate until `commit`."""

    def show_running(self, session: Session) -> str:
        """The running config under VRP8's header: software version and last change."""
        device = session.device
        points = _commits(device)
        when = points[-1].at if points else device.boot_time
        who = points[-1].user if points else "SYSTEM"
        version = device.version.split("(")[-1].rstrip(")").split()[-1]
        stamp = time.strftime("%Y-%m-%d %H:%M:%S+00:00", time.gmtime(when))
        return (
            f"!Software Version {version}\n"
            f"!Last configuration was updated at {stamp} by {who}\n"
            + device.running_text
        )

    def config_prompt(self, session: Session) -> str:
        view = self.view_prompt(session)
        pending = self.dirty(self.candidate(session)) or HISTORY(session.device).trial.active
        host = f"{'*' if pending else '~'}{session.device.hostname}"
        return f"[{host}-{view}]" if view else f"[{host}]"

    # -- commands -------------------------------------------------------------------------------
    def syntaxes(self) -> list[tuple[str, Handler]]:
        mine: dict[str, Handler] = {
            **dict(super().syntaxes()),
            "quit": quit_view,
            "return": _return,
            "commit": _commit,
            "commit description <text...>": _commit,
            "commit label <label> [description <text...>]": _commit,
            "commit trial [<seconds:int>]": _commit_trial,
            "commit trial [<seconds:int>] description <text...>": _commit_trial,
        }
        return [
            *mine.items(),
            ("abort trial", _abort_trial),
            ("display configuration trial status", _trial_status),
            ("display configuration candidate", _candidate),
            ("display configuration candidate merge", _candidate_merge),
            ("display configuration candidate changes", _candidate_changes),
            ("clear configuration candidate", _clear_candidate),
            ("display configuration commit list [<count:int>]", _commit_list),
            ("display configuration commit list verbose [<count:int>]", _commit_list_verbose),
            ("display configuration commit changes at <id:int>", _commit_changes),
            ("rollback configuration to commit-id <id:int>", _rollback_to),
            ("rollback configuration last <count:int>", _rollback_last),
            ("rollback configuration to file <file:file>", _rollback_file),
            ("load configuration file <file:file> replace", _load_replace),
            ("load configuration file <file:file> merge", _load_merge),
        ]


# -- helpers -----------------------------------------------------------------------------------
def _persona(session: Session) -> HuaweiVrpV8:
    persona = session.persona
    assert isinstance(persona, HuaweiVrpV8)
    return persona


def _in_system_view(session: Session, m: re.Match[str]) -> str | None:
    """None in system view; the box's error when a system-view command is typed elsewhere."""
    if session.mode == "config":
        return None
    return error_text("unrecognized", len(session.prompt()), m.start())


def _in_user_view(session: Session, m: re.Match[str]) -> str | None:
    if session.mode == "exec":
        return None
    return error_text("unrecognized", len(session.prompt()), m.start())


def _commits(device: LabDevice) -> list[Vrp8Commit]:
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


def _set_running(session: Session, text: str, comment: str = "", label: str = "-") -> int:
    """Make ``text`` the running configuration and record a rollback point; its id."""
    device = session.device
    _commits(device)  # a change outside the CLI is a point of its own first
    before = device.running_text
    device.set_running(text)
    session.lab.changed(device)
    number = max((c.number for c in device.commits), default=FIRST_COMMIT_ID - 1) + 1
    device.commits.append(
        Vrp8Commit(number, text, session.user, time.time(), comment, before=before, label=label)
    )
    return number


def _trial_text(seconds: int) -> str:
    return (
        "Committing..done.\n"
        "Info: The system enters the trial configuration mode.\n"
        "The system will revert to previous configuration if the trial configuration is not "
        f"confirmed in {seconds} seconds.\n"
    )


def _start_trial(session: Session, previous: str, seconds: int) -> None:
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


def _end_trial(device: LabDevice) -> Trial | None:
    """Stop a running trial's timer; the trial, or None if none was running."""
    trial = HISTORY(device).trial
    if trial.cancel is None:
        return None
    trial.cancel()
    trial.cancel = None
    return trial


def do_commit(session: Session, seconds: int | None, description: str, label: str) -> str:
    persona = _persona(session)
    tree = persona.candidate(session)
    device = session.device
    trial = HISTORY(device).trial
    if not persona.dirty(tree):
        if seconds is None:
            _end_trial(device)  # `commit` confirms a trial
        return ""
    if seconds is not None and trial.active:
        return "Error: The system is already in the trial configuration mode.\n"
    previous = device.running_text
    text = persona.config_text(tree)
    _set_running(session, text, description, label)
    tree.base_text, tree.base_version = text, device.config_version
    if seconds is None:
        _end_trial(device)
        return ""
    _start_trial(session, previous, seconds)
    return _trial_text(seconds)


# -- command handlers --------------------------------------------------------------------------
def _commit(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    text = (param(m, "text") or "").strip()
    return do_commit(session, None, text, param(m, "label") or "-")


def _commit_trial(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    given = param(m, "seconds")
    seconds = int(given or DEFAULT_TRIAL)
    if not 60 <= seconds <= 65535:
        assert given is not None
        return wrong_parameter(session, m.group(0).index(given, len("commit trial")))
    return do_commit(session, seconds, (param(m, "text") or "").strip(), "-")


def _abort_trial(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    if not HISTORY(session.device).trial.active:
        return "Error: The system is not in the trial configuration mode.\n"

    def answer(s: Session, reply: str) -> str:
        if reply.lower() not in {"y", "yes"}:
            return ""
        trial = _end_trial(s.device)
        if trial is not None:
            s.device.set_running(trial.previous)
            s.lab.changed(s.device)
        return ""

    return session.ask(
        "Warning: The trial configuration will be rolled back. Continue? [Y/N]:", answer
    )


def _trial_status(session: Session, m: re.Match[str]) -> str:
    trial = HISTORY(session.device).trial
    if not trial.active:
        return "Trial status: INACTIVE\nTrial time left (sec): 0\n"
    left = max(0, int(trial.deadline - time.time()))
    return f"Trial status: ACTIVE\nTrial time left (sec): {left}\n"


def _tree_changes(session: Session) -> list[Change]:
    persona = _persona(session)
    tree = persona.candidate(session)
    base = persona.tree(tree.base_text)
    return changes(base, tree)


def _candidate(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    return render_changes(_tree_changes(session), signs=False)


def _candidate_merge(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    persona = _persona(session)
    return persona.config_text(persona.candidate(session))


def _candidate_changes(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    return render_changes(_tree_changes(session), signs=True)


def _clear_candidate(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    persona = _persona(session)
    tree = persona.candidate(session)
    fresh = persona.working_tree(session)
    assert isinstance(fresh, CandidateTree)
    tree.root, tree.base_text, tree.base_version = fresh.root, fresh.base_text, fresh.base_version
    return ""


def _commit_list(session: Session, m: re.Match[str]) -> str:
    return commit_list(session, m, verbose=False)


def _commit_list_verbose(session: Session, m: re.Match[str]) -> str:
    return commit_list(session, m, verbose=True)


def commit_list(session: Session, m: re.Match[str], verbose: bool) -> str:
    points = list(reversed(_commits(session.device)))
    count = param(m, "count")
    if count is not None:
        points = points[: int(count)]
    blocks = []
    for index, point in enumerate(points, start=1):
        lines = [
            f"{index}) CommitId: {point.number}",
            f"        Label: {point.label}",
            f"        User: {point.user}",
            "        User-Intf: VTY 0",
            "        Type: CLI",
            f"        TimeStamp: {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(point.at))}",
        ]
        if verbose:
            lines.append(f"        Description: {point.comment}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _find_commit(session: Session, number: int) -> Vrp8Commit | None:
    return next((c for c in _commits(session.device) if c.number == number), None)


def _commit_changes(session: Session, m: re.Match[str]) -> str:
    point = _find_commit(session, int(m.group("id")))
    if point is None:
        return "Error: The specified commit ID does not exist.\n"
    persona = _persona(session)
    diff = changes(persona.tree(point.before), persona.tree(point.text))
    return "Building configuration\n" + render_changes(diff, signs=True)


ABORT_QUESTION = "Warning: The trial configuration will be rolled back. Continue? [Y/N]:"
ROLLBACK_QUESTION = (
    "Warning: This operation will revert configuration changes to the previous status. "
    "During the rollback configuration process, some configurations involving differences "
    "may be temporarily invalid. Continue? [Y/N]:"
)


def _rollback(session: Session, target: str, what: str) -> str:
    def answer(s: Session, reply: str) -> str:
        if reply.lower() not in {"y", "yes"}:
            return ""
        _end_trial(s.device)
        _set_running(s, target, f"rollback to {what}")
        return "Info: The configuration is rolled back successfully.\n"

    return session.ask(ROLLBACK_QUESTION, answer)


def _rollback_to(session: Session, m: re.Match[str]) -> str:
    refused = _in_user_view(session, m)
    if refused is not None:
        return refused
    point = _find_commit(session, int(m.group("id")))
    if point is None:
        return "Error: The specified commit ID does not exist.\n"
    return _rollback(session, point.text, f"commit-id {point.number}")


def _rollback_last(session: Session, m: re.Match[str]) -> str:
    refused = _in_user_view(session, m)
    if refused is not None:
        return refused
    count = int(m.group("count"))
    points = _commits(session.device)
    if not 1 <= count <= min(len(points), 80):
        return "Error: The number of rollback points is out of range.\n"
    return _rollback(session, points[-count].before, f"last {count}")


def _rollback_file(session: Session, m: re.Match[str]) -> str:
    refused = _in_user_view(session, m)
    if refused is not None:
        return refused
    name = files.file_name(m.group("file"))
    text = session.device.files.get(name)
    if text is None:
        return f"Error: The file flash:/{name} does not exist.\n"
    persona = _persona(session)
    return _rollback(session, persona.config_text(persona.tree(text)), f"file {name}")


def _load(session: Session, m: re.Match[str], replace: bool) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    name = files.file_name(m.group("file"))
    text = session.device.files.get(name)
    if text is None:
        return f"Error: The file flash:/{name} does not exist.\n"
    persona = _persona(session)
    tree = persona.candidate(session)
    loaded = persona.tree(text)
    if replace:
        tree.root = loaded.root
        return ""
    for depth_path, block in _paths(loaded.root, ()):
        tree.add(depth_path, block.text)
    return ""


def _paths(block: Block, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], Block]]:
    out: list[tuple[tuple[str, ...], Block]] = []
    for child in block.children:
        out.append((path, child))
        out += _paths(child, (*path, child.text))
    return out


def _load_replace(session: Session, m: re.Match[str]) -> str:
    return _load(session, m, replace=True)


def _load_merge(session: Session, m: re.Match[str]) -> str:
    return _load(session, m, replace=False)


def _leave(session: Session) -> None:
    session.leave_config()


def _return(session: Session, m: re.Match[str]) -> str:
    """`return` (and `quit` from system view): leave, asking about uncommitted changes."""
    if session.mode != "config":
        return ""
    persona = _persona(session)
    if not persona.dirty(persona.candidate(session)):
        _leave(session)
        return ""

    def answer(s: Session, reply: str) -> str:
        choice = reply.lower()[:1]
        if choice == "c":
            return ""
        if choice == "y":
            out = do_commit(s, None, "", "-")
            _leave(s)
            return out
        if choice == "n":
            _leave(s)
            return ""
        return s.ask(UNCOMMITTED, answer)

    return session.ask(UNCOMMITTED, answer)


def quit_view(session: Session, m: re.Match[str]) -> str:
    """`quit`: up one view; from system view back to user view (asking, as `return` does);
    from user view, log out."""
    if session.mode != "config":
        session.closed = True
        return ""
    if len(session.views) > 1:
        session.views.pop()
        return ""
    return _return(session, m)

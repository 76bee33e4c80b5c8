"""VRP8's two-stage commands: commit, commit trial and abort trial, the candidate's views,
the commit list, rollback and load; `return`/`quit` with their question."""

from __future__ import annotations

import re
import time
from typing import Protocol, cast

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.platforms import huawei_files as files
from orchestrator.lab.platforms.huawei_cli import error_text, param
from orchestrator.lab.platforms.huawei_commands import wrong_parameter
from orchestrator.lab.platforms.huawei_diff import Change, changes, render_changes
from orchestrator.lab.platforms.huawei_vrpv8_state import (
    HISTORY,
    CandidateTree,
    Vrp8Commit,
    commits,
    end_trial,
    set_running,
    start_trial,
    trial_text,
)
from orchestrator.lab.session import Session

DEFAULT_TRIAL = 600

UNCOMMITTED = (
    "Warning: Uncommitted configurations found. Are you sure to commit them before exiting? "
    "[Y(yes)/N(no)/C(cancel)]:"
)


class TwoStage(Protocol):
    """What the commands ask of the VRP8 persona."""

    def candidate(self, session: Session) -> CandidateTree: ...
    def dirty(self, tree: CandidateTree) -> bool: ...
    def config_text(self, tree: ConfigTree) -> str: ...
    def tree(self, text: str) -> ConfigTree: ...
    def working_tree(self, session: Session) -> ConfigTree: ...


# -- helpers -----------------------------------------------------------------------------------
def _persona(session: Session) -> TwoStage:
    return cast(TwoStage, session.persona)


def _in_system_view(session: Session, m: re.Match[str]) -> str | None:
    """None in system view; the box's error when a system-view command is typed elsewhere."""
    if session.mode == "config":
        return None
    return error_text("unrecognized", len(session.prompt()), m.start())


def _in_user_view(session: Session, m: re.Match[str]) -> str | None:
    if session.mode == "exec":
        return None
    return error_text("unrecognized", len(session.prompt()), m.start())


def do_commit(session: Session, seconds: int | None, description: str, label: str) -> str:
    persona = _persona(session)
    tree = persona.candidate(session)
    device = session.device
    trial = HISTORY(device).trial
    if not persona.dirty(tree):
        if seconds is None:
            end_trial(device)  # `commit` confirms a trial
        return ""
    if seconds is not None and trial.active:
        return "Error: The system is already in the trial configuration mode.\n"
    previous = device.running_text
    text = persona.config_text(tree)
    set_running(session, text, description, label)
    tree.base_text, tree.base_version = text, device.config_version
    if seconds is None:
        end_trial(device)
        return ""
    start_trial(session, previous, seconds)
    return trial_text(seconds)


# -- command handlers --------------------------------------------------------------------------
def commit(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    text = (param(m, "text") or "").strip()
    return do_commit(session, None, text, param(m, "label") or "-")


def commit_trial(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    given = param(m, "seconds")
    seconds = int(given or DEFAULT_TRIAL)
    if not 60 <= seconds <= 65535:
        assert given is not None
        return wrong_parameter(session, m.group(0).index(given, len("commit trial")))
    return do_commit(session, seconds, (param(m, "text") or "").strip(), "-")


def abort_trial(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    if not HISTORY(session.device).trial.active:
        return "Error: The system is not in the trial configuration mode.\n"

    def answer(s: Session, reply: str) -> str:
        if reply.lower() not in {"y", "yes"}:
            return ""
        trial = end_trial(s.device)
        if trial is not None:
            s.device.set_running(trial.previous)
            s.lab.changed(s.device)
        return ""

    return session.ask(
        "Warning: The trial configuration will be rolled back. Continue? [Y/N]:", answer
    )


def trial_status(session: Session, m: re.Match[str]) -> str:
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


def show_candidate(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    return render_changes(_tree_changes(session), signs=False)


def show_candidate_merge(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    persona = _persona(session)
    return persona.config_text(persona.candidate(session))


def show_candidate_changes(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    return render_changes(_tree_changes(session), signs=True)


def clear_candidate(session: Session, m: re.Match[str]) -> str:
    refused = _in_system_view(session, m)
    if refused is not None:
        return refused
    persona = _persona(session)
    tree = persona.candidate(session)
    fresh = persona.working_tree(session)
    assert isinstance(fresh, CandidateTree)
    tree.root, tree.base_text, tree.base_version = fresh.root, fresh.base_text, fresh.base_version
    return ""


def commit_list(session: Session, m: re.Match[str]) -> str:
    return _commit_list_text(session, m, verbose=False)


def commit_list_verbose(session: Session, m: re.Match[str]) -> str:
    return _commit_list_text(session, m, verbose=True)


def _commit_list_text(session: Session, m: re.Match[str], verbose: bool) -> str:
    points = list(reversed(commits(session.device)))
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
    return next((c for c in commits(session.device) if c.number == number), None)


def show_commit_changes(session: Session, m: re.Match[str]) -> str:
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
        end_trial(s.device)
        set_running(s, target, f"rollback to {what}")
        return "Info: The configuration is rolled back successfully.\n"

    return session.ask(ROLLBACK_QUESTION, answer)


def rollback_to(session: Session, m: re.Match[str]) -> str:
    refused = _in_user_view(session, m)
    if refused is not None:
        return refused
    point = _find_commit(session, int(m.group("id")))
    if point is None:
        return "Error: The specified commit ID does not exist.\n"
    return _rollback(session, point.text, f"commit-id {point.number}")


def rollback_last(session: Session, m: re.Match[str]) -> str:
    refused = _in_user_view(session, m)
    if refused is not None:
        return refused
    count = int(m.group("count"))
    points = commits(session.device)
    if not 1 <= count <= min(len(points), 80):
        return "Error: The number of rollback points is out of range.\n"
    return _rollback(session, points[-count].before, f"last {count}")


def rollback_file(session: Session, m: re.Match[str]) -> str:
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


def load_replace(session: Session, m: re.Match[str]) -> str:
    return _load(session, m, replace=True)


def load_merge(session: Session, m: re.Match[str]) -> str:
    return _load(session, m, replace=False)


def _leave(session: Session) -> None:
    session.leave_config()


def leave_system_view(session: Session, m: re.Match[str]) -> str:
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
    return leave_system_view(session, m)

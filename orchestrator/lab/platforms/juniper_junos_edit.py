"""Junos configuration mode: `configure [exclusive|private]`, `set`, `delete`, `edit`, `up`,
`top`, `exit`, `show [| compare | display set]`, `commit [check|confirmed N|comment|and-quit]`,
`rollback N`, `status`.

Paths are typed relative to the `[edit ...]` level the session is at (its `View`s); a `set`
line is checked before it reaches the candidate: the top-level word must be a Junos hierarchy,
a keyword that takes a value must have one, and the platform's own parser must be able to read
the statement (a line it does not understand at all is a `syntax error.`, as on the box).
"""

from __future__ import annotations

import re
import weakref

from orchestrator.lab.platforms.juniper_junos_cli import (
    MISSING,
    SYNTAX,
    Call,
    Resolved,
    Verb,
    error_text,
    words_at,
)
from orchestrator.lab.platforms.juniper_junos_commit import (
    BOXES,
    TTYS,
    Box,
    Edit,
    EditKind,
    Tty,
    candidate,
    check,
    commit,
    history,
    locked_text,
    minute,
    stamp,
)
from orchestrator.lab.platforms.juniper_junos_config import (
    NAME_PARENTS,
    NAMED,
    SINGLE_VALUED,
    JunosConfig,
    Path,
    compare,
    expand,
    named,
)
from orchestrator.lab.session import Session, View
from orchestrator.syntax import get_platform

#: the hierarchies a Junos configuration may start with
TOP_LEVEL = frozenset(
    {
        "access", "access-profile", "accounting-options", "applications", "apply-groups",
        "bridge-domains", "chassis", "class-of-service", "event-options", "firewall",
        "forwarding-options", "groups", "interfaces", "multi-chassis", "poe", "policy-options",
        "protocols", "routing-instances", "routing-options", "security", "services", "snmp",
        "switch-options", "system", "version", "virtual-chassis", "vlans",
        "ethernet-switching-options",
    }
)  # fmt: skip
#: keywords that cannot end a statement: a value must follow
NEEDS_VALUE = SINGLE_VALUED | NAMED | {"members", "next-hop", "import", "export", "community"}
#: what the platform parser says of a statement that no Junos box would take
REFUSED = re.compile(r"not understood by the|could not read this statement|a value is not")
UNCOMMITTED = "The configuration has been changed but not committed\n"
EXITING = "Exiting configuration mode\n"


def _state(session: Session) -> tuple[Box, Tty]:
    box = BOXES.get(session.device)
    box.sync()
    return box, TTYS.get(session)


def prompt_width(session: Session) -> int:
    """The width of the last line of the prompt, where the typed line starts."""
    return len(session.prompt().rsplit("\n", 1)[-1])


def path_here(session: Session) -> Path:
    return session.views[-1].path if session.views else ()


def _refuse(session: Session, call: Call, message: str, word: int) -> str:
    """A caret under typed word ``word`` (0 is the verb) of the session's line."""
    return error_text(prompt_width(session), call.line, Resolved(error=message, at=word))


def grammar(path: Path) -> tuple[str, int] | None:
    """Why the box would refuse ``path`` (the message and the index of the word at fault)."""
    if path[0] not in TOP_LEVEL:
        return SYNTAX, 0
    if path[-1] in NEEDS_VALUE:
        return MISSING, len(path)
    report = get_platform("juniper_junos").parse("set " + " ".join(path)).report
    entry = report.lines.get(1)
    if entry is not None and entry.outcome == "unsupported" and REFUSED.search(entry.reason or ""):
        return SYNTAX, len(path) - 1
    return None


# -- entering and leaving --------------------------------------------------------------------
def users_text(sessions: list[Session], box: Box) -> str:
    if not sessions:
        return ""
    lines = ["Users currently editing the configuration:\n"]
    for other in sessions:
        where = other.views[-1].prompt if other.views else "[edit]"
        lock = "exclusive " if box.holder is not None and box.holder() is other else ""
        since = stamp(TTYS.get(other).since)
        lines.append(f"  {other.user} terminal pts/1 (pid 4712) on since {since}\n")
        lines.append(f"      {lock}{where}\n")
    return "".join(lines)


def configure(session: Session, call: Call) -> str:
    """`configure`, `configure exclusive`, `configure private` (operational mode)."""
    box, tty = _state(session)
    kind: EditKind = "shared"
    for i, word in enumerate(call.args):
        if "exclusive".startswith(word.lower()):
            kind = "exclusive"
        elif "private".startswith(word.lower()):
            kind = "private"
        else:
            return _refuse(session, call, SYNTAX, i + 1)
    holder = box.locked_by_other(session)
    modified = box.candidate != box.running
    out = ""
    if kind == "exclusive":
        if holder is not None:
            return locked_text(holder)
        if modified:
            return "error: configuration database modified\n"
        box.holder = weakref.ref(session)
        out += "warning: uncommitted changes will be discarded on exit\n"
    elif kind == "private":
        if modified:
            return "error: shared configuration database modified\n" + users_text(
                box.others(session), box
            )
        out += "warning: uncommitted changes will be discarded on exit\n"
    out += users_text(box.others(session), box)
    if kind == "shared" and modified:
        out += UNCOMMITTED
    tty.edit = Edit(kind, box.running.copy() if kind == "private" else None)
    box.editors.append(weakref.ref(session))
    session.mode = "config"
    session.views = [View("", (), "[edit]")]
    return out + "Entering configuration mode\n"


def leave(session: Session, box: Box, tty: Tty, discard: bool) -> None:
    """Back to operational mode; an exclusive or private session's changes go with it."""
    if discard and tty.edit is not None and tty.edit.kind == "exclusive":
        box.candidate.replace_with(box.running)
    if box.holder is not None and box.holder() is session:
        box.holder = None
    tty.edit = None
    session.leave_config()


def v_exit(session: Session, call: Call) -> str:
    """`exit`/`quit`: back one `edit`, or out of configuration mode (asking first if the
    candidate holds uncommitted changes)."""
    box, tty = _state(session)
    whole = False
    for i, word in enumerate(call.args):
        if not "configuration-mode".startswith(word.lower()):
            return _refuse(session, call, SYNTAX, i + 1)
        whole = True
    if not whole and len(session.views) > 1:
        back = tty.edit.back.pop() if tty.edit is not None and tty.edit.back else 1
        del session.views[max(1, back) :]
        return ""
    edit = tty.edit
    db = candidate(box, tty)
    if db == box.running or edit is None:
        leave(session, box, tty, discard=False)
        return EXITING
    if edit.kind == "shared":
        question = UNCOMMITTED + "Exit with uncommitted changes? [yes,no] (yes) "
    else:
        question = UNCOMMITTED
        if edit.kind == "exclusive":
            question += "warning: Auto rollback on exiting 'configure exclusive'\n"
        question += "Discard uncommitted changes? [yes,no] (yes) "

    def answer(s: Session, reply: str) -> str:
        if reply.lower() not in {"", "y", "yes"}:
            return ""
        if edit.kind == "shared":
            leave(s, box, tty, discard=False)
            return "\n" + EXITING
        leave(s, box, tty, discard=True)
        return "\nwarning: discarding uncommitted changes\nload complete\n" + EXITING

    return session.ask(question, answer)


# -- moving between levels -------------------------------------------------------------------
def levels(path: Path) -> list[int]:
    """Where each `[edit ...]` level of ``path`` ends (`group X` is one level)."""
    ends: list[int] = []
    i = 0
    while i < len(path):
        parent = path[i - 1] if i else ""
        if parent not in NAME_PARENTS and named(path[i], path[:i]) and i + 1 < len(path):
            i += 2
        else:
            i += 1
        ends.append(i)
    return ends


def v_edit(session: Session, call: Call) -> str:
    _, tty = _state(session)
    here = path_here(session)
    target = here + expand(call.args)[0]
    if target[0] not in TOP_LEVEL:
        return _refuse(session, call, SYNTAX, 1)
    if tty.edit is not None:
        tty.edit.back.append(len(session.views))
    for end in levels(target):
        if end > len(here):
            path = target[:end]
            session.views.append(View("edit", path, "[edit " + " ".join(path) + "]"))
    return ""


def v_up(session: Session, call: Call) -> str:
    count = int(call.args[0]) if call.args and call.args[0].isdigit() else 1
    if len(session.views) <= 1:
        return "warning: Already at top of configuration.\n"
    del session.views[max(1, len(session.views) - count) :]
    return ""


def v_top(session: Session, call: Call) -> str:
    del session.views[1:]
    return ""


# -- editing ---------------------------------------------------------------------------------
def v_set(session: Session, call: Call) -> str:
    box, tty = _state(session)
    holder = box.locked_by_other(session)
    if holder is not None and (tty.edit is None or tty.edit.kind != "private"):
        return locked_text(holder)
    here = path_here(session)
    paths = [here + p for p in expand(call.args)]
    for path in paths:
        refused = grammar(path)
        if refused is not None:
            message, index = refused
            typed = index - len(here) + 1
            return _refuse(session, call, message, min(max(typed, 1), len(call.args) + 1))
    db = candidate(box, tty)
    for path in paths:
        db.set(path)
    return ""


def v_delete(session: Session, call: Call) -> str:
    box, tty = _state(session)
    holder = box.locked_by_other(session)
    if holder is not None and (tty.edit is None or tty.edit.kind != "private"):
        return locked_text(holder)
    db = candidate(box, tty)
    here = path_here(session)
    if not call.args:

        def answer(s: Session, reply: str) -> str:
            if reply.lower() in {"y", "yes"}:
                db.delete(here)
            return ""

        return session.ask("Delete everything under this level? [yes,no] (no) ", answer)
    found = False
    for path in expand(call.args):
        found = db.delete(here + path) or found
    return "" if found else "warning: statement not found\n"


def v_activate(session: Session, call: Call) -> str:
    """`deactivate PATH` / `activate PATH`: the statement stays, the box ignores it or not."""
    box, tty = _state(session)
    holder = box.locked_by_other(session)
    if holder is not None and (tty.edit is None or tty.edit.kind != "private"):
        return locked_text(holder)
    verb = words_at(call.line.strip())[0][0].lower()
    verb = "deactivate" if "deactivate".startswith(verb) else "activate"
    here = path_here(session)
    found = candidate(box, tty).apply(verb, [*here, *call.args])
    return "" if found else "warning: statement not found\n"


def v_show(session: Session, call: Call) -> str:
    box, tty = _state(session)
    db = candidate(box, tty)
    path = path_here(session) + (expand(call.args)[0] if call.args else ())
    if call.compare is not None:
        base = box.rollback_text(call.compare)
        if base is None:
            return f"error: rollback {call.compare} not found\n"
        return compare(JunosConfig.from_text(base), db, path)
    if call.display_set:
        return db.set_text(path)
    head = ""
    if not path:
        head = f"## Last changed: {stamp(box.device.commits[-1].at)}\n"
    return head + db.braces(path)


def v_status(session: Session, call: Call) -> str:
    box, _ = _state(session)
    return users_text([session, *box.others(session)], box)


# -- committing ------------------------------------------------------------------------------
COMMIT_WORDS = ("and-quit", "check", "comment", "confirmed", "synchronize")


def v_commit(session: Session, call: Call) -> str:
    box, tty = _state(session)
    options: dict[str, str] = {}
    args = list(call.args)
    i = 0
    while i < len(args):
        matches = [w for w in COMMIT_WORDS if w.startswith(args[i].lower())]
        if len(matches) != 1:
            return _refuse(session, call, SYNTAX, i + 1)
        word = matches[0]
        value = ""
        if word in ("comment", "confirmed") and i + 1 < len(args):
            nxt = args[i + 1]
            if word == "comment" or nxt.isdigit():
                value = nxt.strip('"')
                i += 1
        if word == "comment" and not value:
            return _refuse(session, call, MISSING, i + 2)
        options[word] = value
        i += 1
    holder = box.locked_by_other(session)
    if holder is not None:
        return locked_text(holder)
    db = candidate(box, tty)
    errors = check(db)
    if errors:
        return errors
    if "check" in options:
        if box.pending is not None:
            box.pending.cancel()
            box.pending = None
        return "configuration check succeeds\n"
    minutes: int | None = None
    out = ""
    if "confirmed" in options:
        if tty.edit is not None and tty.edit.kind == "private":
            return "error: 'commit confirmed' is not supported in private mode\n"
        minutes = int(options["confirmed"] or 10)
        if not 1 <= minutes <= 65535:
            return _refuse(session, call, "error: value is not within range (1..65535)", 2)
        out += (
            "configuration check succeeds\n"
            f"commit confirmed will be automatically rolled back in {minutes} minutes "
            "unless confirmed\n"
        )
    commit(
        session,
        box,
        db,
        comment=options.get("comment", ""),
        confirm_minutes=minutes,
        minute=minute(session),
    )
    if tty.edit is not None and tty.edit.private is not None:
        box.candidate = box.running.copy()
    out += "commit complete\n"
    if "and-quit" in options:
        leave(session, box, tty, discard=False)
        out += EXITING
    return out


def v_rollback(session: Session, call: Call) -> str:
    box, tty = _state(session)
    number = 0
    if call.args:
        if not call.args[0].isdigit() or int(call.args[0]) > 49 or len(call.args) > 1:
            return _refuse(session, call, SYNTAX, 1)
        number = int(call.args[0])
    text = box.rollback_text(number)
    if text is None:
        return f"error: rollback {number} not found\n"
    candidate(box, tty).replace_with(JunosConfig.from_text(text))
    return "load complete\n"


def v_history(session: Session, call: Call) -> str:
    """`show system commit` (operational mode)."""
    box, _ = _state(session)
    return history(box)


CONFIG_VERBS = [
    Verb("set", v_set, "Set a parameter", rest=True, need=1),
    Verb("delete", v_delete, "Delete a data element", rest=True),
    Verb("deactivate", v_activate, "Add the inactive tag to a statement", rest=True, need=1),
    Verb("activate", v_activate, "Remove the inactive tag from a statement", rest=True, need=1),
    Verb("edit", v_edit, "Edit a particular hierarchy level", rest=True, need=1),
    Verb("up", v_up, "Exit one or more levels of the configuration hierarchy", rest=True),
    Verb("top", v_top, "Exit to top level of configuration"),
    Verb("exit", v_exit, "Exit from this level", rest=True),
    Verb("quit", v_exit, "Quit from this level", rest=True),
    Verb("show", v_show, "Show a parameter", rest=True),
    Verb("commit", v_commit, "Commit current set of changes", rest=True),
    Verb("rollback", v_rollback, "Roll back to previous committed configuration", rest=True),
    Verb("status", v_status, "Show users currently editing configuration"),
    Verb("run", v_top, "Run an operational-mode command", rest=True, need=1),  # see persona
]

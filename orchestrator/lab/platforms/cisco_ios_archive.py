"""The IOS safety net: the `archive` feature (`show archive`, `archive config`, archives on
`write memory`), `configure replace FILE [force] [revert trigger error] [timer N]`, and
Rollback Confirmed Change (`configure terminal revert timer N`, `configure confirm`,
`configure revert now|timer N`, `show archive config rollback timer`).

The revert timer runs on the lab's loop (`session.lab.schedule`); a minute lasts
`CiscoIos.minute_seconds` seconds so tests can shorten it.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.device import LabDevice
from orchestrator.lab.platforms.cisco_common import BOXES, PendingRevert, file_key, write_file
from orchestrator.lab.platforms.cisco_ios_files import (
    merge as merge,
)
from orchestrator.lab.platforms.cisco_ios_files import (
    not_found,
    read_source,
    running,
    set_running,
)
from orchestrator.lab.session import LabContext, Session
from orchestrator.syntax import get_platform

NO_PENDING = "%No Rollback Confirmed Change pending\n"
ARCHIVE_OFF = "%Please turn config archive on before using Rollback Confirmed Change\n"


def archive_settings(session: Session) -> tuple[str, int, bool] | None:
    """(path, maximum, write-memory) of the `archive` block, None when it has no path."""
    block = session.persona.tree(session.device.running_text).block(("archive",))
    if block is None:
        return None
    words = {c.text.split()[0]: c.text.split()[1:] for c in block.children if c.text.split()}
    if "path" not in words or not words["path"]:
        return None
    maximum = int(words["maximum"][0]) if words.get("maximum") else 10
    return words["path"][0], maximum, "write-memory" in words


def archive_files(session: Session) -> list[str]:
    settings = archive_settings(session)
    if settings is None:
        return []
    base = file_key(settings[0], "flash:")
    found = [k for k in session.device.files if re.fullmatch(re.escape(base) + r"-\d+", k)]
    return sorted(found, key=lambda k: int(k.rsplit("-", 1)[1]))


def archive_now(session: Session) -> str | None:
    """Save the running config as the next archive file; its name, or None without archive."""
    settings = archive_settings(session)
    if settings is None:
        return None
    path, maximum, _ = settings
    files = archive_files(session)
    number = int(files[-1].rsplit("-", 1)[1]) + 1 if files else 1
    name = f"{file_key(path, 'flash:')}-{number}"
    write_file(session.device, name, running(session))
    for old in files[: max(0, len(files) + 1 - maximum)]:
        session.device.files.pop(old, None)
    return name


def write_memory(session: Session, args: list[str]) -> str:
    session.device.saved_text = running(session)
    settings = archive_settings(session)
    if settings is not None and settings[2]:
        archive_now(session)
    return "Building configuration...\n[OK]\n"


# -- configure replace and Rollback Confirmed Change --------------------------------------------
@dataclass(frozen=True)
class ReplaceOptions:
    path: str
    force: bool = False
    on_error: bool = False
    minutes: int | None = None


def replace_options(line: str) -> ReplaceOptions | None:
    words = line.split()
    if not words:
        return None
    force = on_error = False
    minutes: int | None = None
    rest = [w.lower() for w in words[1:]]
    i = 0
    while i < len(rest):
        word = rest[i]
        if word == "force":
            force = True
        elif word == "revert" and rest[i + 1 : i + 3] == ["trigger", "error"]:
            on_error, i = True, i + 2
        elif word in {"timer", "time"} and i + 1 < len(rest) and rest[i + 1].isdigit():
            minutes, i = int(rest[i + 1]), i + 1
        elif word not in {"list", "nolock", "ignorecase"}:
            return None
        i += 1
    return ReplaceOptions(words[0], force, on_error, minutes)


def configure_replace(session: Session, args: list[str], minute: float) -> str:
    opts = replace_options(args[0])
    if opts is None:
        return "% Invalid input detected at '^' marker.\n\n"
    text = read_source(session, opts.path)
    if text is None:
        return not_found(opts.path)
    if opts.minutes is not None and archive_settings(session) is None:
        return ARCHIVE_OFF

    def proceed(s: Session, reply: str) -> str:
        if reply.lower() not in {"y", "yes"}:
            return ""
        return _replace(s, text, opts, minute)

    if opts.force:
        return _replace(session, text, opts, minute)
    return session.ask(
        "This will apply all necessary additions and deletions\n"
        "to replace the current running configuration with the\n"
        "contents of the specified configuration file, which is\n"
        "assumed to be a complete configuration, not a partial\n"
        "configuration. Enter Y if you are sure you want to proceed. ? [no]: ",
        proceed,
    )


def _replace(session: Session, text: str, opts: ReplaceOptions, minute: float) -> str:
    persona = session.persona
    tree = persona.tree(text)
    refused = _refused_blocks(session, tree)
    if refused and opts.on_error:
        failed = "".join(f"Failed to apply command {b.text}\n" for b in refused)
        return (
            f"{failed}Rollback aborted: errors while applying the configuration\n"
            "The original configuration has been successfully restored.\n"
        )
    if opts.minutes is not None:
        start_revert(session, opts.minutes, minute)
    for block in refused:
        _drop(tree.root, block)
    set_running(session, persona.config_text(tree))
    failed = "".join(f"Failed to apply command {b.text}\n" for b in refused)
    return f"{failed}Total number of passes: 1\nRollback Done\n\n"


def _refused_blocks(session: Session, tree: ConfigTree) -> list[Block]:
    """The blocks of ``tree`` the box refuses: lines the platform parser cannot read (one
    parse of the whole file) that the persona does not accept either."""
    persona = session.persona
    text = persona.config_text(tree)
    report = get_platform(persona.platform).parse(text, path=session.device.name).report
    bad = {n for n, o in report.lines.items() if o.outcome == "unsupported"}
    lines = text.splitlines()
    accepts = getattr(persona, "accepts", lambda line: False)
    refused: list[Block] = []
    index = 0
    for _depth, block in tree.root.walk():
        while index < len(lines) and lines[index].strip() != block.text:
            index += 1
        if index >= len(lines):
            break
        index += 1
        if index not in bad or accepts(block.text):
            continue
        if not any(_inside(parent, block) for parent in refused):
            refused.append(block)
    return refused


def _inside(parent: Block, block: Block) -> bool:
    return any(child is block or _inside(child, block) for child in parent.children)


def _drop(node: Block, block: Block) -> None:
    node.children = [c for c in node.children if c is not block]
    for child in node.children:
        _drop(child, block)


def start_revert(session: Session, minutes: int, minute: float) -> None:
    """Start (or restart) Rollback Confirmed Change: revert unless confirmed in time."""
    box = BOXES.of(session.device)
    snapshot = box.pending.snapshot if box.pending else running(session)
    if box.pending:
        box.pending.cancel()
    else:
        archive_now(session)
    device, lab = session.device, session.lab
    cancel = lab.schedule(minutes * minute, lambda: revert(device, lab))
    box.pending = PendingRevert(snapshot, session.user, minutes, time.time(), cancel)


def revert(device: LabDevice, lab: LabContext) -> None:
    box = BOXES.of(device)
    pending = box.pending
    if pending is None:
        return
    box.pending = None
    device.set_running(pending.snapshot)
    lab.changed(device)
    box.changed_at, box.changed_by = time.time(), pending.user


def configure_confirm(session: Session, args: list[str]) -> str:
    box = BOXES.of(session.device)
    if box.pending is None:
        return NO_PENDING
    box.pending.cancel()
    box.pending = None
    return ""


def configure_revert(session: Session, args: list[str], minute: float) -> str:
    box = BOXES.of(session.device)
    pending = box.pending
    if pending is None:
        return NO_PENDING
    if args and args[0].lower() == "now":
        pending.cancel()
        revert(session.device, session.lab)
        return "Rollback Done\n\n"
    minutes = int(args[-1]) if args and args[-1].isdigit() else pending.minutes
    start_revert(session, minutes, minute)
    return ""


def rollback_timer(session: Session, args: list[str]) -> str:
    pending = BOXES.of(session.device).pending
    if pending is None:
        return NO_PENDING
    started = time.strftime("%H:%M:%S UTC %a %b %d %Y", time.gmtime(pending.started))
    return (
        f"Time configured(or reset) : {started}\n"
        "Timer type: absolute\n"
        f"Timer value: {pending.minutes} min\n"
        f"User: {pending.user}\n"
    )


def show_archive(session: Session, args: list[str]) -> str:
    settings = archive_settings(session)
    if settings is None:
        return " Archive feature not enabled\n"
    path, maximum, _ = settings
    files = archive_files(session)
    number = int(files[-1].rsplit("-", 1)[1]) + 1 if files else 1
    lines = [
        f"The maximum archive configurations allowed is {maximum}.",
        f"There are currently {len(files)} archive configurations saved.",
        f"The next archive file will be named {file_key(path, 'flash:')}-{number}",
        " Archive #  Name",
    ]
    for slot in range(1, maximum + 1):
        name = files[slot - 1] if slot <= len(files) else ""
        mark = " <- Most Recent" if name and slot == len(files) else ""
        lines.append(f"   {slot:<8} {name}{mark}".rstrip())
    return "\n".join(lines) + "\n"

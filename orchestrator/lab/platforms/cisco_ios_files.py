"""IOS files and config text: flash files (`dir`, `more`, `delete`, `verify /md5`), `copy`
between running, startup and files (a merge enters each line as if typed), the config diffs
NAPALM reads (`show archive config differences|incremental-diffs`) and `tclsh` file writes
(`puts [open "flash:F" w+] {...}`, NAPALM's inline transfer).
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field

from orchestrator.lab.configtree import Block
from orchestrator.lab.platforms.cisco_common import BOXES, Extras, file_key, write_file
from orchestrator.lab.session import Session

FLASH_TOTAL = 11353194496


@dataclass
class TclState:
    """A session inside `tclsh`, and the `puts [open "FILE" w+] {...}` body being typed."""

    active: bool = False
    target: str | None = None
    depth: int = 0
    body: list[str] = field(default_factory=list)


TCL: Extras[TclState] = Extras(TclState)


# -- config text helpers ----------------------------------------------------------------------
def running(session: Session) -> str:
    """The running config as the box stores it (normalised)."""
    persona = session.persona
    return persona.config_text(persona.tree(session.device.running_text))


def set_running(session: Session, text: str) -> None:
    session.device.set_running(text)
    session.lab.changed(session.device)
    box = BOXES.of(session.device)
    box.changed_at, box.changed_by = time.time(), session.user


def quiet(session: Session) -> bool:
    """`file prompt quiet`: file commands ask no questions."""
    return any(line.strip() == "file prompt quiet" for line in running(session).splitlines())


# -- files --------------------------------------------------------------------------------------
def read_source(session: Session, path: str) -> str | None:
    key = path.lower()
    if key in {"running-config", "system:running-config", "system:/running-config"}:
        return running(session)
    if key in {"startup-config", "nvram:startup-config", "nvram:/startup-config"}:
        return session.device.saved_text or ""
    if key in {"null:", "null:/"}:
        return ""
    return session.device.files.get(file_key(path, "flash:"))


def not_found(path: str) -> str:
    return f"%Error opening {path} (No such file or directory)\n"


def dir_listing(session: Session, args: list[str]) -> str:
    target = args[0] if args else "flash:"
    fs, _, name = target.partition(":")
    if not _ or fs.lower() not in {"flash", "bootflash"}:
        return not_found(target)
    name = name.lstrip("/")
    files = {
        k.split(":", 1)[1]: v for k, v in session.device.files.items() if k.startswith("flash:")
    }
    if name and name not in files:
        return not_found(f"flash:/{name}")
    shown = {name: files[name]} if name else files
    times = BOXES.of(session.device).file_times
    lines = [f"Directory of flash:/{name}", ""]
    for index, (fname, text) in enumerate(sorted(shown.items()), start=20):
        stamp = time.strftime(
            "%b %d %Y %H:%M:%S +00:00", time.gmtime(times.get(f"flash:{fname}", 0))
        )
        lines.append(f"{index:>6}  -rw-  {len(text.encode()):>10}  {stamp}  {fname}")
    used = sum(len(v.encode()) for v in files.values()) + 1073741824
    lines += ["", f"{FLASH_TOTAL} bytes total ({FLASH_TOTAL - used} bytes free)"]
    return "\n".join(lines) + "\n"


def more(session: Session, args: list[str]) -> str:
    text = read_source(session, args[0])
    return not_found(args[0]) if text is None else text


def verify_md5(session: Session, args: list[str]) -> str:
    text = read_source(session, args[0])
    if text is None:
        return not_found(args[0])
    digest = hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
    return f"{'.' * 20}Done!\nverify /md5 ({args[0]}) = {digest}\n\n"


def delete(session: Session, args: list[str]) -> str:
    force = args and args[0].lower() == "/force"
    path = args[-1]
    key = file_key(path, "flash:")

    def remove(s: Session, reply: str) -> str:
        if key not in s.device.files:
            return not_found(path)
        del s.device.files[key]
        return ""

    if force or quiet(session):
        return remove(session, "")
    name = key.split(":", 1)[1]
    return session.ask(
        f"Delete filename [{name}]? ",
        lambda s, r: s.ask(f"Delete {key.replace(':', ':/', 1)}? [confirm]", remove),
    )


# -- copy and save ------------------------------------------------------------------------------
def copy(session: Session, args: list[str]) -> str:
    source, dest = args
    text = read_source(session, source)
    if text is None:
        return not_found(source)
    dest_key = dest.lower()
    default = dest.split(":", 1)[-1].lstrip("/") or dest

    def finish(s: Session, reply: str) -> str:
        if dest_key in {"startup-config", "nvram:startup-config"}:
            s.device.saved_text = text
            return "Building configuration...\n[OK]\n" if "running" in source.lower() else ""
        if dest_key in {"running-config", "system:running-config"}:
            errors = merge(s, text.splitlines())
            size = len(text.encode())
            return f"{errors}{size} bytes copied in 0.045 secs ({size * 22} bytes/sec)\n"
        target = file_key(reply or dest, "flash:") if reply else file_key(dest, "flash:")
        write_file(s.device, target, text)
        size = len(text.encode())
        return f"{size} bytes copied in 0.122 secs ({size * 8} bytes/sec)\n"

    if quiet(session):
        return finish(session, "")
    return session.ask(f"Destination filename [{default}]? ", finish)


def merge(session: Session, lines: list[str]) -> str:
    """Enter ``lines`` in config mode on a session of the same user (`copy FILE running`)."""
    sub = Session(session.lab, session.device, session.persona, session.user)
    sub.enter_config()
    errors: list[str] = []
    for line in lines:
        text = line.strip()
        if not text or text.startswith("!"):
            continue
        if text.lower() == "end":
            break
        reply = sub.handle(line)
        if reply:
            errors.append(reply)
        if sub.mode != "config":
            break
    sub.leave_config()
    return "".join(errors)


# -- diffs ----------------------------------------------------------------------------------------
def config_differences(session: Session, args: list[str]) -> str:
    old, new = read_source(session, args[0]), read_source(session, args[1])
    if old is None or new is None:
        return not_found(args[0] if old is None else args[1])
    persona = session.persona
    lines = _diff(persona.tree(old).root, persona.tree(new).root, 0)
    if not lines:
        return "!Contextual Config Diffs:\n!No changes were found\n"
    return "!Contextual Config Diffs:\n" + "\n".join(lines) + "\n"


def incremental_diffs(session: Session, args: list[str]) -> str:
    new = read_source(session, args[0])
    if new is None:
        return not_found(args[0])
    persona = session.persona
    lines = _missing(persona.tree(running(session)).root, persona.tree(new).root, 0)
    if not lines:
        return "!List of Commands:\nend\n!No changes were found\n"
    return "!List of Commands:\n" + "\n".join(lines) + "\nend\n"


def _diff(old: Block, new: Block, depth: int) -> list[str]:
    pad = " " * depth
    before = {c.text: c for c in old.children}
    after = {c.text: c for c in new.children}
    out: list[str] = []
    for child in new.children:
        match = before.get(child.text)
        if match is None:
            out += _signed(child, "+", depth)
            continue
        inner = _diff(match, child, depth + 1)
        if inner:
            out += [pad + child.text, *inner]
    for child in old.children:
        if child.text not in after:
            out += _signed(child, "-", depth)
    return out


def _signed(block: Block, sign: str, depth: int) -> list[str]:
    out = [" " * depth + sign + block.text]
    for child in block.children:
        out += _signed(child, sign, depth + 1)
    return out


def _missing(old: Block, new: Block, depth: int) -> list[str]:
    before = {c.text: c for c in old.children}
    out: list[str] = []
    for child in new.children:
        match = before.get(child.text)
        if match is None:
            out.append(" " * depth + child.text)
            out += [" " * (depth + 1 + d) + b.text for d, b in child.walk()]
            continue
        inner = _missing(match, child, depth + 1)
        if inner:
            out += [" " * depth + child.text, *inner]
    return out


# -- tclsh ----------------------------------------------------------------------------------
_PUTS = re.compile(r'puts\s+\[open\s+"?([^"\s\]]+)"?\s+w\+?\]\s+\{(.*)', re.IGNORECASE)


def tcl_line(session: Session, text: str) -> str | None:
    """A line typed in `tclsh`: the answer, or None to run it as an exec command."""
    state = TCL.of(session)
    lower = text.strip().lower()
    if lower in {"tclquit", "exit"}:
        state.active = False
        return ""
    m = _PUTS.match(text.strip())
    if m is None:
        return None
    state.target = file_key(m.group(1), "flash:")
    state.body, state.depth = [], 1
    _tcl_body(session, state, m.group(2))
    if state.target is not None:  # the body goes on: keep the lines as typed
        setattr(session, "handle", lambda line: _tcl_raw(session, state, line))  # noqa: B010
    return ""


def _tcl_raw(session: Session, state: TclState, line: str) -> str:
    _tcl_body(session, state, line)
    if state.target is None:
        delattr(session, "handle")
    return ""


def _tcl_body(session: Session, state: TclState, line: str) -> None:
    depth = state.depth
    for index, char in enumerate(line):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            state.body.append(line[:index])
            assert state.target is not None
            write_file(session.device, state.target, "\n".join(state.body) + "\n")
            state.target, state.body, state.depth = None, [], 0
            return
    state.depth = depth
    state.body.append(line)

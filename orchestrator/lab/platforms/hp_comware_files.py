"""Comware's files and safety net: `save` (its three questions), `save force`, `save FILE`,
`dir`, `archive configuration`, `configuration replace file`, and the `configuration commit
delay` timer with its rollback point (kept per box here: the persona is shared and stateless).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from orchestrator.lab.device import LabDevice
from orchestrator.lab.session import Persona, Session


# -- files, saving, archives --------------------------------------------------------------------
def _path(persona: Persona, name: str) -> str:
    flash = getattr(persona, "flash", "flash:/")
    return name if ":" in name else flash + name.lstrip("/")


def _write_startup(session: Session) -> str:
    device = session.device
    device.saved_text = device.running_text
    device.files[_path(session.persona, "startup.cfg")] = device.running_text
    return (
        "Validating file. Please wait...\n"
        "Saved the current configuration to mainboard device successfully.\n"
    )


def save_force(session: Session, m: re.Match[str]) -> str:
    return _write_startup(session)


def save(session: Session, m: re.Match[str]) -> str:
    startup = _path(session.persona, "startup.cfg")

    def overwrite(s: Session, reply: str) -> str:
        if reply.lower() not in {"y", "yes"}:
            return "Save operation is canceled.\n"  # unverified wording
        return _write_startup(s)

    def filename(s: Session, reply: str) -> str:
        if reply and _path(s.persona, reply) != startup:
            return _save_to(s, _path(s.persona, reply))
        if startup in s.device.files:
            return s.ask(f"{startup} exists, overwrite? [Y/N]:", overwrite)
        return _write_startup(s)

    def sure(s: Session, reply: str) -> str:
        if reply.lower() not in {"y", "yes"}:
            return "Save operation is canceled.\n"
        return s.ask(
            f"Please input the file name(*.cfg)[{startup}]\n"
            "(To leave the existing filename unchanged, press the enter key):",
            filename,
        )

    return session.ask(
        "The current configuration will be written to the device. Are you sure? [Y/N]:", sure
    )


def _save_to(session: Session, path: str) -> str:
    session.device.files[path] = session.device.running_text
    return (
        "Now saving current configuration to the device.\n"
        f"Saving configuration {path}. Please wait...\n"
        "Configuration is saved to device successfully.\n"
    )


def save_file(session: Session, m: re.Match[str]) -> str:
    path = _path(session.persona, m.group(1))

    def answer(s: Session, reply: str) -> str:
        return _save_to(s, path) if reply.lower() in {"y", "yes"} else "\n"

    return session.ask(
        f"The current configuration will be saved to {path}. Continue? [Y/N]:", answer
    )


def _archive_settings(session: Session) -> tuple[str, str] | None:
    for line in session.persona.tree(session.device.running_text).root.children:
        found = re.fullmatch(
            r"archive configuration location (\S+) filename-prefix (\S+)", line.text
        )
        if found:
            return found.group(1).rstrip("/"), found.group(2)
    return None


def _archives(session: Session, folder: str, prefix: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for name in session.device.files:
        found = re.fullmatch(rf"{re.escape(folder)}/{re.escape(prefix)}_(\d+)\.cfg", name)
        if found:
            out.append((int(found.group(1)), name))
    return sorted(out)


def archive(session: Session, m: re.Match[str]) -> str:
    settings = _archive_settings(session)
    if settings is None:
        # wording unverified: the guide says the location must be set first
        return "Please configure the archive path and filename prefix first.\n"
    folder, prefix = settings

    def answer(s: Session, reply: str) -> str:
        if reply.lower() not in {"y", "yes"}:
            return "\n"
        done = _archives(s, folder, prefix)
        serial = done[-1][0] % 1000 + 1 if done else 1
        name = f"{prefix}_{serial}.cfg"
        s.device.files[f"{folder}/{name}"] = s.device.running_text
        return f"The archive configuration file {name} is saved.\n"

    return session.ask(
        "Save the running configuration to an archive file. Continue? [Y/N]:", answer
    )


def display_archive(session: Session, m: re.Match[str]) -> str:
    settings = _archive_settings(session)
    if settings is None:
        return ""
    folder, prefix = settings
    done = _archives(session, folder, prefix)
    stamp = time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime())
    out = [
        f"Location: {folder}",
        f"Filename prefix: {prefix}",
        "Maximum number of archive files: 5",
        "Saved archive files:",
        "  No. TimeStamp                  FileName",
    ]
    for n, (_serial, name) in enumerate(done, 1):
        mark = "#" if n == len(done) else " "
        out.append(f"{mark} {n:<3} {stamp}   {name.rsplit('/', 1)[-1]}")
    out += [
        "'#' indicates the most recent archive file.",
        f"Next archive file to be saved: {prefix}_{(done[-1][0] if done else 0) + 1}.cfg",
    ]
    return "\n".join(out) + "\n"


def dir(session: Session, m: re.Match[str]) -> str:
    flash = _path(session.persona, "")
    out = [f"Directory of {flash.rstrip('/')}"]
    stamp = time.strftime("%b %d %Y %H:%M:%S", time.gmtime(session.device.boot_time))
    for n, (name, text) in enumerate(sorted(session.device.files.items())):
        shown = name[len(flash) :] if name.startswith(flash) else name
        out.append(f"{n:>4} -rw- {len(text.encode()):>12} {stamp}   {shown}")
    out += ["", "1046512 KB total (1020480 KB free)"]
    return "\n".join(out) + "\n"


def _find_file(session: Session, name: str) -> str | None:
    files = session.device.files
    for candidate in (name, _path(session.persona, name)):
        if candidate in files:
            return candidate
    return next((k for k in files if k.rsplit("/", 1)[-1] == name), None)


def replace(session: Session, m: re.Match[str]) -> str:
    if session.mode != "config":
        return session.persona.invalid(session, m.group(0))
    found = _find_file(session, m.group(1))
    if found is None:
        return f"The file {m.group(1)} does not exist.\n"  # wording unverified
    text = session.device.files[found]

    def answer(s: Session, reply: str) -> str:
        if reply.lower() in {"y", "yes"}:
            _write_startup(s)
        _apply(s.device, s.persona, text, s)
        return (
            "Now replacing the current configuration. Please wait...\n"
            f"Succeeded in replacing current configuration with the file {m.group(1)}.\n"
        )

    return session.ask(
        "Current configuration will be lost, save current configuration? [Y/N]:", answer
    )


def _apply(device: LabDevice, persona: Persona, text: str, session: Session | None) -> None:
    """Make ``text`` the running config (re-laid out as the box stores it)."""
    device.set_running(persona.config_text(persona.tree(text)))
    if session is not None:
        session.lab.changed(device)
        if session.mode == "config":
            session.enter_config()  # the views' tree is the new running config


# -- the commit-delay timer ---------------------------------------------------------------------
@dataclass
class _RollbackPoint:
    device: LabDevice
    text: str
    cancel: Callable[[], None]


#: per box (by identity): the rollback point of a running `configuration commit delay`
_POINTS: dict[int, _RollbackPoint] = {}


def pending_rollback(device: LabDevice) -> bool:
    """Whether ``device`` has a commit-delay timer running (for tests and the control API)."""
    point = _POINTS.get(id(device))
    return point is not None and point.device is device


def commit_delay(session: Session, m: re.Match[str]) -> str:
    if session.mode != "config":
        return session.persona.invalid(session, m.group(0))
    minutes = int(m.group(1))
    persona = session.persona
    if not 1 <= minutes <= getattr(persona, "max_delay", 65535):
        return str(getattr(persona, "wrong_parameter", "")).format(
            pad=" " * (len(session.prompt()) + m.start(1))
        )
    device, lab = session.device, session.lab
    old = _POINTS.pop(id(device), None)
    text = device.running_text
    if old is not None and old.device is device:
        old.cancel()
        text = old.text  # a new interval, the same rollback point

    def expire() -> None:
        point = _POINTS.pop(id(device), None)
        if point is None or point.device is not device:
            return
        device.set_running(point.text)
        lab.changed(device)
        if session.mode == "config":  # the session edits the restored config from now on
            views = list(session.views)
            session.enter_config()
            session.views = views

    seconds = minutes * getattr(persona, "minute_seconds", 60.0)
    _POINTS[id(device)] = _RollbackPoint(device, text, lab.schedule(seconds, expire))
    return ""


def commit(session: Session, m: re.Match[str]) -> str:
    if session.mode != "config":
        return session.persona.invalid(session, m.group(0))
    point = _POINTS.pop(id(session.device), None)
    if point is not None and point.device is session.device:
        point.cancel()
    return ""

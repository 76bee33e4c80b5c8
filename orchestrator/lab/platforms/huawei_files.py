"""The flash of a Huawei box and the commands that use it, shared by VRP5 and VRP8.

What the real boxes offer to keep and bring back a configuration from a file:

- `save` writes the running configuration to the next-startup file, `save <file>` to any
  `.cfg`/`.zip`/`.dat` file (both ask first);
- `dir`, `more <file>`, `delete <file>` manage flash;
- `startup saved-configuration <file>` names the file the box boots from next, and
  `display startup` / `display saved-configuration` show it.

VRP5 (AR, S-series) has no command that loads a file into the running configuration without a
reboot: the documented ways back are `startup saved-configuration` + `reboot`, or applying the
difference by hand, which is what the `huawei_vrp` driver does (it reads the file back with
`more`). VRP8 adds `rollback configuration to file <file>` (see `huawei_vrpv8.py`).

The flash content is `LabDevice.files` (name without `flash:/`); the next-startup file's text is
also `LabDevice.saved_text`, which the rest of the lab reads.
"""

from __future__ import annotations

import re
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from orchestrator.lab.device import LabDevice
from orchestrator.lab.session import Session

T = TypeVar("T")

CONFIG_EXTENSIONS = (".cfg", ".zip", ".dat")
DEFAULT_STARTUP = "vrpcfg.zip"
FLASH_KB_TOTAL = 1_048_576


class PerDevice(Generic[T]):
    """State a persona keeps per box (personas are shared by every box of a platform).

    Keyed by the box object's identity; a weak reference guards against a reused id."""

    def __init__(self, factory: Callable[[LabDevice], T]) -> None:
        self._factory = factory
        self._items: dict[int, tuple[weakref.ref[LabDevice], T]] = {}

    def __call__(self, device: LabDevice) -> T:
        found = self._items.get(id(device))
        if found is not None and found[0]() is device:
            return found[1]
        value = self._factory(device)
        self._items = {k: v for k, v in self._items.items() if v[0]() is not None}
        self._items[id(device)] = (weakref.ref(device), value)
        return value


@dataclass
class Flash:
    """A box's boot settings and file times."""

    startup: str = DEFAULT_STARTUP  # the file the box booted from
    next_startup: str = DEFAULT_STARTUP
    times: dict[str, float] = field(default_factory=dict)


def _new_flash(device: LabDevice) -> Flash:
    flash = Flash()
    device.files.setdefault(flash.startup, device.saved_text or "")
    flash.times[flash.startup] = device.boot_time
    return flash


FLASH: PerDevice[Flash] = PerDevice(_new_flash)


def file_name(text: str) -> str:
    """'flash:/a.cfg' or 'a.cfg' -> 'a.cfg'."""
    return re.sub(r"^[a-z]+:/", "", text.strip(), flags=re.I)


def write_file(device: LabDevice, name: str, text: str) -> None:
    flash = FLASH(device)
    device.files[name] = text
    flash.times[name] = time.time()
    if name == flash.next_startup:
        device.saved_text = text


def _bad_extension(name: str) -> bool:
    return not name.lower().endswith(CONFIG_EXTENSIONS)


@dataclass(frozen=True)
class Words:
    """A family's wording of the save dialogue."""

    save_all: str  # the question of a plain `save`
    save_file: str  # the question of `save <file>`, {path}
    saved: str  # what follows a yes
    yes: tuple[str, ...] = ("y", "yes")


def save(session: Session, target: str | None, words: Words) -> str:
    """`save [<file>]`: ask, then write the running configuration."""
    device = session.device
    name = file_name(target) if target else FLASH(device).next_startup
    if target and _bad_extension(name):
        return "Error: The file name must end with .cfg, .zip or .dat.\n"
    question = words.save_file.format(path=f"flash:/{name}") if target else words.save_all

    def answer(s: Session, reply: str) -> str:
        if reply.lower() not in words.yes:
            return "\n"
        write_file(s.device, name, s.device.running_text)
        return words.saved

    return session.ask(question, answer)


def startup_saved_configuration(session: Session, target: str) -> str:
    device = session.device
    name = file_name(target)
    if name not in device.files:
        return f"Error: The file flash:/{name} does not exist.\n"
    if _bad_extension(name):
        return "Error: The file name must end with .cfg, .zip or .dat.\n"
    FLASH(device).next_startup = name
    device.saved_text = device.files[name]
    return "Info: Succeeded in setting the configuration for booting system.\n"


def display_startup(session: Session, image: str) -> str:
    flash = FLASH(session.device)
    rows = [
        ("Startup system software:", f"flash:/{image}"),
        ("Next startup system software:", f"flash:/{image}"),
        ("Backup system software for next startup:", "null"),
        ("Startup saved-configuration file:", f"flash:/{flash.startup}"),
        ("Next startup saved-configuration file:", f"flash:/{flash.next_startup}"),
        ("Startup license file:", "null"),
        ("Next startup license file:", "null"),
        ("Startup patch package:", "null"),
        ("Next startup patch package:", "null"),
    ]
    return "MainBoard:\n" + "".join(f"  {k:<43}{v}\n" for k, v in rows)


def display_saved_configuration(session: Session) -> str:
    return session.device.saved_text or ""


def dir_listing(session: Session, image: str, image_size: int) -> str:
    device = session.device
    flash = FLASH(device)
    entries = [(image, image_size, device.boot_time)]
    entries += [
        (name, len(text.encode()), flash.times.get(name, device.boot_time))
        for name, text in sorted(device.files.items())
    ]
    lines = [
        "Directory of flash:/",
        "",
        "  Idx  Attr     Size(Byte)  Date        Time       FileName",
    ]
    for index, (name, size, when) in enumerate(entries):
        date = time.strftime("%b %d %Y %H:%M:%S", time.localtime(when))
        lines.append(f"{index:>5}  -rw-   {size:>12,}  {date}   {name}")
    used = sum(size for _, size, _ in entries) // 1024
    lines += ["", f"{FLASH_KB_TOTAL:,} KB total ({FLASH_KB_TOTAL - used:,} KB free)"]
    return "\n".join(lines) + "\n"


def more(session: Session, target: str) -> str:
    name = file_name(target)
    text = session.device.files.get(name)
    if text is None:
        return f"Error: The file flash:/{name} does not exist.\n"
    return text


def delete(session: Session, target: str) -> str:
    device = session.device
    name = file_name(target)
    if name not in device.files:
        return f"Error: The file flash:/{name} does not exist.\n"

    def answer(s: Session, reply: str) -> str:
        if reply.lower() not in {"y", "yes"}:
            return "\n"
        del s.device.files[name]
        return f"Info: Deleting file flash:/{name}...succeeded.\n"

    return session.ask(f"Delete flash:/{name}? (y/n)[n]:", answer)

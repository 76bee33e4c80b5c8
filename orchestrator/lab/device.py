"""One emulated box: its identity, its configs (running, saved, candidate, history) and files.

The box holds configuration as text (a `ConfigTree`), the way the real OS shows it; its meaning
comes from `orchestrator.syntax` when the topology or a validation asks (`parsed`).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

from orchestrator.model import DeviceConfig
from orchestrator.syntax import get_platform
from orchestrator.syntax.base import Parsed


@dataclass
class Commit:
    """One entry of a box's commit history (VRP8, Junos, Comware, IOS archive)."""

    number: int
    text: str
    user: str
    at: float
    comment: str = ""


@dataclass
class LabDevice:
    """An emulated box. ``port`` is its SSH port on 127.0.0.1."""

    name: str
    platform: str
    port: int
    running_text: str
    model: str = ""
    serial: str = ""
    version: str = ""
    saved_text: str | None = None
    files: dict[str, str] = field(default_factory=dict)  # flash:/cfcard: files by name
    commits: list[Commit] = field(default_factory=list)
    boot_time: float = field(default_factory=time.time)
    config_version: int = 0  # bumped on every change of the running config
    reachable: bool = True  # a fault: the box does not answer SSH
    delay: float = 0.0  # a fault: seconds added before every answer
    _parsed: tuple[int, Parsed] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.saved_text is None:
            self.saved_text = self.running_text
        if not self.serial:
            self.serial = "LAB" + hashlib.sha256(self.name.encode()).hexdigest()[:9].upper()

    @property
    def mac(self) -> str:
        """The box's base MAC, stable per name: "aabb.ccdd.eeff" (locally administered)."""
        digest = hashlib.sha256(self.name.encode()).hexdigest()
        octets = "02" + digest[:10]
        return f"{octets[0:4]}.{octets[4:8]}.{octets[8:12]}"

    def port_mac(self, index: int) -> str:
        """The MAC of the box's ``index``-th interface: the base MAC plus the index."""
        base = int(self.mac.replace(".", ""), 16) + index
        text = f"{base:012x}"
        return f"{text[0:4]}.{text[4:8]}.{text[8:12]}"

    def set_running(self, text: str) -> None:
        self.running_text = text
        self.config_version += 1

    def parsed(self) -> Parsed:
        """The running config read by the platform's own parser (cached per change)."""
        if self._parsed is None or self._parsed[0] != self.config_version:
            self._parsed = (
                self.config_version,
                get_platform(self.platform).parse(self.running_text, path=self.name),
            )
        return self._parsed[1]

    @property
    def config(self) -> DeviceConfig:
        return self.parsed().config

    @property
    def hostname(self) -> str:
        return self.config.system.hostname or self.name

    def uptime(self) -> int:
        return int(time.time() - self.boot_time)

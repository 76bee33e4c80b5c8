"""The embedded lab: boxes, cables, the computed state, the SSH listeners and faults.

`Lab` runs its asyncio loop on a thread of its own (`start`/`stop`), or in the foreground
(`serve`). Its control methods (`move_cable`, `set_reachable`, `set_delay`, `drop_bgp`) are
the API tests and the swap use; a detached lab answers them over a small HTTP control port
(`lab/control.py`).
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import asyncssh

from orchestrator.errors import LabError
from orchestrator.lab.device import LabDevice
from orchestrator.lab.platforms import get_persona
from orchestrator.lab.server import BoxServer
from orchestrator.lab.state import LabState
from orchestrator.lab.topology import Cable, Topology

T = TypeVar("T")

DEFAULT_USERNAME = "cutover"


@dataclass(frozen=True)
class Credentials:
    """Who may log in to every box of the lab."""

    username: str
    password: str
    authorized_keys: tuple[asyncssh.SSHKey, ...] = ()

    def with_keys_from_env(self) -> Credentials:
        """These credentials plus the public keys of the OpenSSH authorized-keys file named
        by `CUTOVER_LAB_AUTHORIZED_KEYS` (key login to every box), if it is set."""
        path = os.environ.get("CUTOVER_LAB_AUTHORIZED_KEYS")
        if not path:
            return self
        try:
            keys = asyncssh.read_public_key_list(path)
        except (OSError, ValueError) as exc:
            raise LabError(
                f"{path}: cannot read the authorized keys ({exc})",
                hint="CUTOVER_LAB_AUTHORIZED_KEYS names an OpenSSH authorized_keys file",
            ) from exc
        return Credentials(self.username, self.password, tuple(keys))

    @classmethod
    def from_env(cls) -> Credentials:
        """`CUTOVER_USERNAME` / `CUTOVER_PASSWORD` (the same the inventory uses), with the
        lab's defaults when they are not set: a lab holds no real secret."""
        return cls(
            os.environ.get("CUTOVER_USERNAME", DEFAULT_USERNAME),
            os.environ.get("CUTOVER_PASSWORD", "cutover-lab"),
        )


@dataclass(frozen=True)
class DeviceSpec:
    """A box to emulate: its config is its startup config, in its own platform's syntax."""

    name: str
    platform: str
    config: str
    model: str = ""
    port: int = 0  # 0: any free port


@dataclass
class LabSpec:
    devices: list[DeviceSpec]
    cables: list[Cable] = field(default_factory=list)


class Lab:
    """Boxes on loopback that the real drivers drive; see the module docstring."""

    def __init__(
        self, spec: LabSpec, state_dir: Path, credentials: Credentials, time_scale: float = 1.0
    ) -> None:
        """``time_scale`` > 1 runs the boxes' timers (commit confirmed, commit trial, revert
        timers) that many times faster than real time: tests need not wait real minutes."""
        self.state_dir = state_dir
        self.credentials = credentials
        self.time_scale = time_scale
        self.devices: dict[str, LabDevice] = {}
        for item in spec.devices:
            persona = get_persona(item.platform)
            self.devices[item.name] = LabDevice(
                name=item.name,
                platform=item.platform,
                port=item.port,
                running_text=item.config,
                model=item.model or persona.default_model,
                version=persona.default_version,
            )
        self.topology = Topology(self.devices, list(spec.cables))
        self.servers: dict[str, BoxServer] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.RLock()

    # -- LabContext ------------------------------------------------------------------------
    @property
    def state(self) -> LabState:
        return self.topology

    def schedule(self, seconds: float, action: Callable[[], None]) -> Callable[[], None]:
        loop = self._loop
        if loop is None:
            raise LabError("the lab is not running: nothing can be scheduled")
        handle = loop.call_later(seconds / self.time_scale, self._locked, action)
        return handle.cancel

    def changed(self, device: LabDevice) -> None:
        self.topology.invalidate()

    def _locked(self, action: Callable[[], None]) -> None:
        with self._lock:
            action()

    # -- life cycle --------------------------------------------------------------------------
    def start(self) -> None:
        """Start every listener on a background thread; returns once they all listen."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._start_all())
            except BaseException as exc:  # reported to the caller below
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._stop_all())
            loop.close()

        self._thread = threading.Thread(target=run, name="cutover-lab", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise LabError(f"the lab could not start: {failure[0]}") from failure[0]

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        self._loop = None
        self._thread = None

    def __enter__(self) -> Lab:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def _start_all(self) -> None:
        keys = self.state_dir / "hostkeys"
        for device in self.devices.values():
            server = BoxServer(self, device, get_persona(device.platform), self.credentials, keys)
            await server.start()
            self.servers[device.name] = server
        self.write_known_hosts()

    async def _stop_all(self) -> None:
        for server in self.servers.values():
            await server.stop()

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the lab's loop from another thread and wait for it."""
        if self._loop is None:
            raise LabError("the lab is not running")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=30)

    @property
    def known_hosts(self) -> Path:
        return self.state_dir / "known_hosts"

    def write_known_hosts(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        lines = [server.known_hosts_line() for server in self.servers.values()]
        tmp = self.known_hosts.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(self.known_hosts)

    # -- control API -------------------------------------------------------------------------
    def device(self, name: str) -> LabDevice:
        found = self.devices.get(name)
        if found is None:
            raise LabError(f"no device {name!r} in this lab", hint="see `cutover lab status`")
        return found

    def move_cable(self, device: str, port: str, to_device: str, to_port: str) -> None:
        """Unplug the cable at ``device`` ``port``; plug that end into ``to_device`` ``to_port``."""
        self.device(device)
        self.device(to_device)
        with self._lock:
            self.topology.move_cable((device, port), (to_device, to_port))

    def set_reachable(self, name: str, reachable: bool) -> None:
        """A fault: the box stops answering SSH (listener closed, sessions dropped), or again."""
        device = self.device(name)
        device.reachable = reachable
        server = self.servers.get(name)
        if server is not None and self._loop is not None:
            self.call(server.start() if reachable else server.stop())
            if reachable:
                self.write_known_hosts()

    def set_delay(self, name: str, seconds: float) -> None:
        """A fault: the box answers every line ``seconds`` late."""
        self.device(name).delay = seconds

    def drop_bgp(self, name: str, neighbor: str) -> None:
        """A fault: the BGP session from ``name`` to ``neighbor`` goes down until cleared."""
        self.device(name)
        with self._lock:
            self.topology.fault_bgp(name, neighbor, down=True)

    def clear_faults(self) -> None:
        with self._lock:
            for device in self.devices.values():
                device.delay = 0.0
            self.topology.clear_faults()
        for name, device in self.devices.items():
            if not device.reachable:
                self.set_reachable(name, True)

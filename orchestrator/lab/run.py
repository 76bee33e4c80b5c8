"""Running a lab for an inventory: in the foreground, or as a detached process of its own.

`serve` runs one lab (boxes + control port) until it is told to stop. The detached process is
`python -m orchestrator.lab.run --inventory INV --state-dir DIR`: it prints one JSON line when
every box listens (`{"control_port": ...}` or `{"error": ...}`) and then only writes to its log.
`<workdir>/lab/lab.json` (mode 0600, written by whoever started the lab) records the pid, the
control port, its token and the boxes, for `cutover lab status` and `cutover lab down`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orchestrator.errors import CutoverError, LabError
from orchestrator.inventory import Inventory, load_inventory, login
from orchestrator.lab.control import ControlServer, JsonObject, LabClient, lab_status

if TYPE_CHECKING:  # `lab status` and `lab down` work without loading the lab engine
    from orchestrator.lab.lab import Credentials
    from orchestrator.lab.spec import LabPlan

TOKEN_ENV = "CUTOVER_LAB_TOKEN"
STARTUP_TIMEOUT = 120.0


def state_dir(workdir: Path) -> Path:
    """The lab's folder: host keys, known_hosts, lab.json, lab.log."""
    return workdir / "lab"


@dataclass
class LabRecord:
    """What `lab.json` holds about a running lab."""

    pid: int
    control_port: int
    token: str
    inventory: str
    started_at: str
    devices: list[JsonObject] = field(default_factory=list)

    @staticmethod
    def path(state: Path) -> Path:
        return state / "lab.json"

    def write(self, state: Path) -> None:
        state.mkdir(parents=True, exist_ok=True)
        target = self.path(state)
        tmp = target.with_name(target.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(asdict(self), out, indent=2)
        tmp.replace(target)

    @classmethod
    def read(cls, state: Path) -> LabRecord | None:
        target = cls.path(state)
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
            return cls(**data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as exc:
            raise LabError(
                f"{target}: not a lab record ({exc})", hint="remove it and start the lab again"
            ) from exc

    def client(self, timeout: float = 10.0) -> LabClient:
        return LabClient(self.control_port, self.token, timeout)

    def alive(self) -> bool:
        """Whether the lab's process still runs (a zombie does not: it is reaped here if it is
        this process's child, as when a test started it)."""
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(self.pid, os.WNOHANG)
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return True
        return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def credentials(inventory: Inventory) -> Credentials:
    from orchestrator.lab.lab import Credentials

    found = login(inventory)
    return Credentials(found.username, found.password).with_keys_from_env()


def serve(
    inventory: Inventory,
    state: Path,
    token: str,
    ready: Callable[[LabPlan, ControlServer], None],
    stop: threading.Event,
) -> None:
    """Run the lab of ``inventory`` until ``stop`` is set (by a signal or `POST /stop`)."""
    from orchestrator.lab.lab import Lab
    from orchestrator.lab.spec import lab_plan

    plan = lab_plan(inventory)
    lab = Lab(plan.spec, state, credentials(inventory))
    try:
        lab.start()
    except LabError as exc:
        raise LabError(
            exc.message,
            hint="another lab or program may hold the inventory's ports: `cutover lab status`, "
            "`cutover lab down`, or change ansible_port in the inventory",
        ) from exc
    control = ControlServer(lab, plan, token, stop.set)
    try:
        control.start()
        ready(plan, control)
        while not stop.wait(0.5):
            pass
    finally:
        control.stop()
        lab.stop()


@contextlib.contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set ``stop`` (in the main thread; elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, lambda *_: stop.set())
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def device_rows(plan: LabPlan, control: ControlServer) -> list[JsonObject]:
    rows: list[JsonObject] = lab_status(control.lab, plan)["devices"]
    return rows


def record(
    pid: int, inventory: Inventory, control_port: int, token: str, rows: list[JsonObject]
) -> LabRecord:
    return LabRecord(
        pid=pid,
        control_port=control_port,
        token=token,
        inventory=str(inventory.root.resolve()),
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        devices=rows,
    )


def start_detached(
    inventory: Inventory, state: Path, timeout: float = STARTUP_TIMEOUT
) -> LabRecord:
    """Start the lab as a process of its own session; return once every box listens."""
    state.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    log = (state / "lab.log").open("ab")
    env = dict(os.environ, **{TOKEN_ENV: token})
    command = [sys.executable, "-m", "orchestrator.lab.run"]
    command += ["--inventory", str(inventory.root), "--state-dir", str(state)]
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=log,
        env=env,
        start_new_session=True,
    )
    log.close()
    assert proc.stdout is not None
    line = b""
    deadline = time.monotonic() + timeout
    while not line.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([proc.stdout], [], [], left)[0]:
            proc.kill()
            proc.wait()
            raise LabError(f"the lab did not start within {timeout:.0f} s", hint=_log_hint(state))
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            break
        line += chunk
    proc.stdout.close()
    try:
        answer = json.loads(line or b"{}")
    except ValueError:
        answer = {}
    if "control_port" not in answer:
        proc.wait(timeout=10)
        message = answer.get("error") or "the lab process ended before it listened"
        raise LabError(message, hint=answer.get("hint") or _log_hint(state))
    found = record(proc.pid, inventory, int(answer["control_port"]), token, answer["devices"])
    found.write(state)
    return found


def _log_hint(state: Path) -> str:
    try:
        tail = (state / "lab.log").read_text(encoding="utf-8", errors="replace").splitlines()[-5:]
    except OSError:
        tail = []
    return f"see {state / 'lab.log'}" + ("".join(f"\n    {t}" for t in tail) if tail else "")


def stop_lab(state: Path, timeout: float = 20.0) -> LabRecord | None:
    """Stop the lab recorded in ``state`` (if any) and remove its record."""
    found = LabRecord.read(state)
    if found is None:
        return None
    if found.alive():
        with contextlib.suppress(LabError):
            found.client(timeout=5).stop()
        deadline = time.monotonic() + timeout
        while found.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        if found.alive() and _is_lab_process(found.pid):
            os.kill(found.pid, signal.SIGTERM)
            time.sleep(1)
    if found.alive() and _is_lab_process(found.pid):
        raise LabError(f"the lab (pid {found.pid}) does not stop", hint=f"kill {found.pid}")
    LabRecord.path(state).unlink(missing_ok=True)
    return found


def _is_lab_process(pid: int) -> bool:
    """Only a detached lab process is ever signalled (never a foreground `cutover lab up`)."""
    try:
        return b"orchestrator.lab.run" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def probe(port: int, address: str = "127.0.0.1", timeout: float = 1.0) -> bool:
    """Whether something accepts TCP connections at ``address``:``port``."""
    try:
        with socket.create_connection((address, port), timeout=timeout):
            return True
    except OSError:
        return False


def current_status(state: Path) -> tuple[LabRecord | None, bool, list[JsonObject]]:
    """The recorded lab, whether it answers, and each box with its state checked now:
    `up` (the lab says so and its port accepts connections), `down` (a fault, not emulated),
    or `unreachable` (the lab or the box does not answer)."""
    found = LabRecord.read(state)
    if found is None:
        return None, False, []
    answering = False
    rows: list[JsonObject] = [dict(row) for row in found.devices]
    if found.alive():
        try:
            rows = found.client(timeout=5).status()["devices"]
            answering = True
        except LabError:
            pass
    for row in rows:
        if not answering:
            row["state"], row["note"] = "unreachable", "the lab process does not answer"
        elif row["state"] == "up" and not probe(int(row["port"])):
            row["state"], row["note"] = "unreachable", "the lab says up; its port does not answer"
    return found, answering, rows


def main(argv: Sequence[str] | None = None) -> int:
    """The detached lab process (started by `start_detached`)."""
    parser = argparse.ArgumentParser(prog="python -m orchestrator.lab.run")
    parser.add_argument("--inventory", required=True)
    parser.add_argument("--state-dir", required=True)
    args = parser.parse_args(argv)
    token = os.environ.pop(TOKEN_ENV, "") or secrets.token_urlsafe(24)
    stop = threading.Event()

    def ready(plan: LabPlan, control: ControlServer) -> None:
        line = {"control_port": control.port, "devices": device_rows(plan, control)}
        _say(line)
        sys.stderr.write(f"{_now()} lab up: {len(plan.boxes)} boxes, control port {control.port}\n")
        sys.stderr.flush()

    try:
        inventory = load_inventory(Path(args.inventory))
        with stop_on_signals(stop):
            serve(inventory, Path(args.state_dir), token, ready, stop)
    except CutoverError as exc:
        _say({"error": exc.message, "hint": exc.hint})
        sys.stderr.write(f"{_now()} lab failed: {exc}\n")
        return exc.exit_code
    sys.stderr.write(f"{_now()} lab stopped\n")
    return 0


def _say(answer: dict[str, Any]) -> None:
    """Write the one answer line on stdout, then point stdout at /dev/null: the parent is gone."""
    try:
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    except OSError:
        pass
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


if __name__ == "__main__":
    sys.exit(main())

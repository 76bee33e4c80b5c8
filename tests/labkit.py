"""Starting small labs for tests: boxes from `tests/lab_configs/`, cables between them, and a
Netmiko connection that checks host keys against the lab's known-hosts file."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from netmiko import ConnectHandler

from orchestrator.lab.lab import Credentials, DeviceSpec, Lab, LabSpec
from orchestrator.lab.topology import Cable

CONFIGS = Path(__file__).resolve().parent / "lab_configs"
CREDENTIALS = Credentials("labuser", "lab-password")


def lab_config(name: str) -> str:
    """The startup config `tests/lab_configs/<name>.cfg`."""
    return (CONFIGS / f"{name}.cfg").read_text(encoding="utf-8")


@contextmanager
def running_lab(
    devices: Sequence[DeviceSpec], cables: Sequence[Cable] = (), time_scale: float = 1.0
) -> Iterator[Lab]:
    """A lab on free loopback ports with its state in a temporary folder, stopped on exit;
    ``time_scale`` speeds up the boxes' timers (see `Lab`)."""
    with tempfile.TemporaryDirectory(prefix="cutover-lab-") as folder:
        lab = Lab(LabSpec(list(devices), list(cables)), Path(folder), CREDENTIALS, time_scale)
        with lab:
            yield lab


def netmiko_args(lab: Lab, name: str, device_type: str) -> dict[str, Any]:
    """ConnectHandler arguments for box ``name``, strict host key checking on."""
    return {
        "device_type": device_type,
        "host": "127.0.0.1",
        "port": lab.devices[name].port,
        "username": CREDENTIALS.username,
        "password": CREDENTIALS.password,
        "ssh_strict": True,
        "system_host_keys": False,
        "alt_host_keys": True,
        "alt_key_file": str(lab.known_hosts),
        "fast_cli": False,
    }


def connect(lab: Lab, name: str, device_type: str) -> Any:
    return ConnectHandler(**netmiko_args(lab, name, device_type))

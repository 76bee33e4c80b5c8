"""`cutover lab up/down/status` on the lab inventory, moved to free ports in a temp folder."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest

from orchestrator.cli import main
from orchestrator.lab.platforms import PERSONAS
from orchestrator.lab.run import LabRecord, probe

REPO = Path(__file__).resolve().parent.parent
LAB = REPO / "inventories" / "lab"


def free_ports(count: int) -> list[int]:
    """``count`` ports free now, below the kernel's ephemeral range (32768+), where outgoing
    connections and other tests' port-0 listeners cannot take them before the lab binds."""
    rng = random.Random()
    for _ in range(50):
        base = rng.randrange(10000, 32000 - count)
        with ExitStack() as stack:
            try:
                for port in range(base, base + count):
                    s = stack.enter_context(socket.socket())
                    s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return list(range(base, base + count))
    raise RuntimeError(f"no {count} free ports in a row below 32000")


def relocated_inventory(tmp_path: Path) -> Path:
    """A copy of inventories/lab whose boxes listen on free ports (tests run side by side)."""
    folder = tmp_path / "inventory"
    shutil.copytree(LAB, folder)
    hosts = folder / "hosts.yaml"
    text = hosts.read_text()
    found = re.findall(r"ansible_port: (\d+)", text)
    ports = iter(free_ports(len(found)))
    hosts.write_text(re.sub(r"ansible_port: \d+", lambda m: f"ansible_port: {next(ports)}", text))
    return folder


def inv_args(folder: Path) -> list[str]:
    return ["--inventory", str(folder)]


def cutover(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@contextmanager
def detached_lab(
    inventory: Path, work: Path, capsys: pytest.CaptureFixture[str]
) -> Iterator[LabRecord]:
    """`cutover lab up --detach`; `cutover lab down` on the way out, whatever happened."""
    code, _, err = cutover(
        "--workdir",
        str(work),
        "lab",
        "up",
        "--detach",
        "--inventory",
        str(inventory),
        capsys=capsys,
    )
    assert code == 0, err
    found = LabRecord.read(work / "lab")
    assert found is not None
    try:
        yield found
    finally:
        main(["--workdir", str(work), "lab", "down"])
        if found.alive():  # our own child, should `lab down` have failed
            os.kill(found.pid, signal.SIGKILL)


def _status(work: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code, out, _ = cutover("--workdir", str(work), "lab", "status", "--json", capsys=capsys)
    return code, json.loads(out)


def test_lab_up_detach_status_and_down(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inventory = relocated_inventory(tmp_path)
    work = tmp_path / "work"
    with detached_lab(inventory, work, capsys) as found:
        assert found.pid != os.getpid()
        assert os.getsid(found.pid) == found.pid  # its own session: Ctrl-C here does not stop it
        assert (work / "lab" / "lab.json").stat().st_mode & 0o777 == 0o600
        code, report = _status(work, capsys)
        assert code == 0 and report["running"] is True
        rows = {row["name"]: row for row in report["devices"]}
        assert len(rows) == 15
        emulated = [r for r in rows.values() if r["platform"] in PERSONAS]
        assert emulated, "the registry has at least the VRP5 persona"
        for row in emulated:
            assert row["state"] == "up", row
            assert probe(row["port"])
        for name in ("c-radio1", "c-radio1-new"):
            assert rows[name]["state"] == "down" and "manual" in rows[name]["note"]
        for row in rows.values():
            if row["platform"] not in PERSONAS and row["platform"] != "manual":
                assert row["state"] == "down" and "persona" in row["note"]
        known_hosts = (work / "lab" / "known_hosts").read_text()
        for row in emulated:
            assert f"[127.0.0.1]:{row['port']} ssh-ed25519 " in known_hosts

        # the control port: a fault shows in the status, and is cleared
        victim = emulated[0]["name"]
        client = found.client()
        client.set_reachable(victim, False)
        _, report = _status(work, capsys)
        row = next(r for r in report["devices"] if r["name"] == victim)
        assert row["state"] == "down" and not probe(row["port"])
        client.clear_faults()
        _, report = _status(work, capsys)
        assert next(r for r in report["devices"] if r["name"] == victim)["state"] == "up"

        # a second lab in the same work folder is refused
        code, _, err = cutover(
            "--workdir",
            str(work),
            "lab",
            "up",
            "--detach",
            "--inventory",
            str(inventory),
            capsys=capsys,
        )
        assert code == 1 and "already running" in err

        code, out, _ = cutover("--workdir", str(work), "lab", "down", capsys=capsys)
        assert code == 0 and f"pid {found.pid}" in out
        assert not found.alive()
        assert not (work / "lab" / "lab.json").exists()
        assert all(not probe(row["port"]) for row in emulated)
    code, out, _ = cutover("--workdir", str(work), "lab", "status", capsys=capsys)
    assert code == 1 and "no lab is running" in out


def test_the_control_port_moves_cables_and_refuses_requests_without_the_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from orchestrator.errors import LabError
    from orchestrator.lab.control import LabClient

    inventory = relocated_inventory(tmp_path)
    (inventory / "lab.yaml").write_text(
        "cables:\n  - [b-rtr1-new:M-GigabitEthernet0/0/0, b-sw1-new:M-GigabitEthernet0/0/0]\n"
    )
    work = tmp_path / "work"
    with detached_lab(inventory, work, capsys) as found:
        status = found.client().status()
        assert status["cables"] == [
            ["b-rtr1-new:M-GigabitEthernet0/0/0", "b-sw1-new:M-GigabitEthernet0/0/0"]
        ]
        found.client().move_cable("b-sw1-new", "M-GigabitEthernet0/0/0", "a-sw1-new", "MEth0/0/1")
        assert found.client().status()["cables"] == [
            ["b-rtr1-new:M-GigabitEthernet0/0/0", "a-sw1-new:MEth0/0/1"]
        ]
        with pytest.raises(LabError, match="no cable at"):
            found.client().move_cable("pe1", "GigabitEthernet0/9", "pe2", "ge-0/0/9")
        with pytest.raises(LabError, match="wrong or missing lab token"):
            LabClient(found.control_port, "not-the-token").status()


def test_lab_up_in_the_foreground_runs_until_interrupted(tmp_path: Path) -> None:
    inventory = relocated_inventory(tmp_path)
    work = tmp_path / "work"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "orchestrator",
            "--workdir",
            str(work),
            "lab",
            "up",
            *inv_args(inventory),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        record = work / "lab" / "lab.json"
        deadline = time.monotonic() + 120
        while not record.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        found = LabRecord.read(work / "lab")
        assert found is not None, proc.stderr.read() if proc.stderr else ""
        assert found.pid == proc.pid
        answer = found.client().status()
        up = [d for d in answer["devices"] if d["state"] == "up"]
        assert up and all(probe(d["port"]) for d in up)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "a-sw1-new" in out and "lab stopped" in out
    assert not record.exists()
    assert all(not probe(d["port"]) for d in up)


def test_lab_down_and_status_with_no_lab(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cutover("--workdir", str(tmp_path), "lab", "down", capsys=capsys)
    assert code == 0 and "no lab is running" in out
    code, report = _status(tmp_path, capsys)
    assert code == 1 and report["running"] is False and report["devices"] == []


def test_a_lab_whose_ports_are_taken_fails_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inventory = relocated_inventory(tmp_path)
    hosts = (inventory / "hosts.yaml").read_text()
    taken = int(hosts.split("a-sw1-new", 1)[1].split("ansible_port: ", 1)[1].split()[0])
    with socket.socket() as holder:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", taken))
        holder.listen()
        code, _, err = cutover(
            "--workdir",
            str(tmp_path / "w"),
            "lab",
            "up",
            "--detach",
            "--inventory",
            str(inventory),
            capsys=capsys,
        )
    assert code == 1
    assert "could not start" in err and "already in use" in err.lower()
    assert not (tmp_path / "w" / "lab" / "lab.json").exists()


def test_a_lab_process_that_died_shows_unreachable_and_lab_down_cleans_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inventory = relocated_inventory(tmp_path)
    work = tmp_path / "work"
    with detached_lab(inventory, work, capsys) as found:
        os.kill(found.pid, signal.SIGKILL)  # our own child
        deadline = time.monotonic() + 10
        while found.alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        code, report = _status(work, capsys)
        assert code == 1 and report["running"] is False
        emulated = [d for d in report["devices"] if d["platform"] in PERSONAS]
        assert emulated and {d["state"] for d in emulated} == {"unreachable"}
        code, out, _ = cutover("--workdir", str(work), "lab", "down", capsys=capsys)
        assert code == 0 and "lab stopped" in out and not (work / "lab" / "lab.json").exists()
        # and a new lab can start in the same folder, with the same host keys
        keys = sorted((work / "lab" / "hostkeys").iterdir())
        code, _, err = cutover(
            "--workdir", str(work), "lab", "up", "--detach", *inv_args(inventory), capsys=capsys
        )
        assert code == 0, err
        assert sorted((work / "lab" / "hostkeys").iterdir()) == keys

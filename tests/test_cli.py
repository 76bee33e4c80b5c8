"""The `cutover translate` command as a user runs it: real process, exit codes, messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shared_dir

GOOD_IOS = """\
hostname edge1
interface GigabitEthernet0/1
 description uplink
 ip address 192.0.2.1 255.255.255.252
interface GigabitEthernet0/2
 description LAN
 ip address 10.1.1.1 255.255.255.0
interface GigabitEthernet0/3
 shutdown
ip route 0.0.0.0 0.0.0.0 192.0.2.2
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orchestrator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
    )


def test_translate_prints_a_summary_and_writes_the_config(tmp_path: Path) -> None:
    src = tmp_path / "edge1.cfg"
    src.write_text(GOOD_IOS)
    out = tmp_path / "out" / "edge1.vrp"
    proc = run("translate", str(src), "--to", "huawei_vrp", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "cisco_ios (detected) -> huawei_vrp" in proc.stdout
    assert "round trip: ok" in proc.stdout
    assert "GigabitEthernet0/1 -> GigabitEthernet0/0/1" in proc.stdout
    config = out.read_text()
    assert "sysname edge1" in config
    assert "interface GigabitEthernet0/0/1" in config


def test_translate_json_follows_the_contract(tmp_path: Path) -> None:
    src = tmp_path / "edge1.cfg"
    src.write_text(GOOD_IOS)
    proc = run("translate", str(src), "--from", "cisco_ios", "--to", "hp_comware", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["source_platform"] == "cisco_ios"
    assert report["target_platform"] == "hp_comware"
    assert report["source_lines"] == 10  # every non-blank line of GOOD_IOS
    assert sum(report["counts"].values()) == 10
    assert [line["n"] for line in report["lines"]] == list(range(1, 11))
    assert report["roundtrip"] == {"ok": True, "differences": []}
    first = report["lines"][0]
    assert first == {
        "n": 1,
        "text": "hostname edge1",
        "status": "translated",
        "target": ["sysname edge1"],
        "reason": None,
    }


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.cfg", b"\n  \n", "empty.cfg: the file is empty"),
        ("image.bin", bytes(range(256)) * 8, "image.bin: this is a binary file"),
        (
            "latin.cfg",
            b"hostname r1\ninterface Gi0/1\n description caf\xff\n",
            "latin.cfg:3: byte 0xff at column 17 is neither UTF-8 nor GBK",
        ),
        (
            "cut.cfg",
            b"Building configuration...\n\nCurrent configuration : 900 bytes\n!\n"
            b"hostname r1\ninterface GigabitEthernet0/1\n ip addr",
            "cut.cfg:7: the configuration is cut short",
        ),
    ],
)
def test_bad_input_gets_a_clear_message_and_exit_2(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    proc = run("translate", str(_bad(tmp_path, name, data)), "--to", "huawei_vrp")
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_junos_file_given_as_ios_is_refused_naming_what_it_looks_like() -> None:
    junos = shared_dir() / "corpus" / "junos" / "05-batfish-router1.cfg"
    proc = run("translate", str(junos), "--from", "cisco_ios", "--to", "huawei_vrp")
    assert proc.returncode == 2
    assert "looks like a juniper_junos configuration, not cisco_ios" in proc.stderr
    assert "--from juniper_junos" in proc.stderr


def test_port_map_missing_a_used_port_names_it(tmp_path: Path) -> None:
    src = tmp_path / "edge1.cfg"
    src.write_text(GOOD_IOS)
    port_map = tmp_path / "ports.yaml"
    port_map.write_text("GigabitEthernet0/1: GigabitEthernet0/0/10\n")
    proc = run("translate", str(src), "--to", "huawei_vrp", "--port-map", str(port_map))
    assert proc.returncode == 2
    assert f"{port_map}: source port GigabitEthernet0/2 is in use but has no entry" in proc.stderr
    # the shut-down GigabitEthernet0/3 needs no entry: only the used port is named
    assert "GigabitEthernet0/3" not in proc.stderr


def test_port_map_places_ports_where_it_says(tmp_path: Path) -> None:
    src = tmp_path / "edge1.cfg"
    src.write_text(GOOD_IOS)
    port_map = tmp_path / "ports.yaml"
    port_map.write_text("Gi0/1: GigabitEthernet0/0/10\nGi0/2: GigabitEthernet0/0/11\n")
    proc = run("translate", str(src), "--to", "huawei_vrp", "--port-map", str(port_map), "--json")
    assert proc.returncode == 0, proc.stderr
    config = json.loads(proc.stdout)["target_config"]
    assert "interface GigabitEthernet0/0/10\n description uplink" in config
    assert "interface GigabitEthernet0/0/11\n description LAN" in config


def test_missing_file_and_unknown_platform(tmp_path: Path) -> None:
    proc = run("translate", str(tmp_path / "nope.cfg"), "--to", "huawei_vrp")
    assert proc.returncode == 2
    assert "nope.cfg: no such file" in proc.stderr
    proc = run("translate", str(tmp_path / "nope.cfg"), "--to", "arista_eos")
    assert proc.returncode == 2
    assert "invalid choice: 'arista_eos'" in proc.stderr


def test_secrets_file_is_checked_and_never_printed(tmp_path: Path) -> None:
    src = tmp_path / "r1.cfg"
    src.write_text(
        GOOD_IOS + "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0\n"
        "username ops privilege 15 secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0\n"
    )
    secrets = tmp_path / "secrets.yaml"
    secrets.write_text("system.enable_secret: Very-Secret-1\n")
    proc = run("translate", str(src), "--to", "huawei_vrp", "--secrets", str(secrets))
    assert proc.returncode == 0, proc.stderr
    assert "1 re-key secret(s) still missing: system.users.ops.secret" in proc.stdout
    assert "Very-Secret-1" not in proc.stdout + proc.stderr
    assert "$1$mERr" not in proc.stdout

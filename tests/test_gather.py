"""`cutover gather` over a running lab: snapshots in the NAPALM getter schema, secrets redacted,
a box that fails reported without stopping the others; and the redaction on its own."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from test_lab_cli import cutover, detached_lab, relocated_inventory

from orchestrator.devices import DRIVERS
from orchestrator.gather import GETTERS, SCHEMA, redact_config
from orchestrator.inventory import load_inventory
from orchestrator.lab.platforms import PERSONAS

REPO = Path(__file__).resolve().parent.parent
LAB = REPO / "inventories" / "lab"
# what the lab configs hold in clear or in reversible or hashed form: none may reach a snapshot
SECRET = re.compile(
    r"(?:secret [0-9] |password [0-9] |community |encrypted-password |authentication-key )"
    r"\"?([^\s\";]+)"
)


def _secrets(text: str) -> set[str]:
    return {m.group(1) for m in SECRET.finditer(text)} - {"{"}


def _lab_boxes() -> list[tuple[str, str]]:
    return [(b.name, b.platform) for b in load_inventory(LAB).boxes() if not b.manual]


@pytest.mark.parametrize(("name", "platform"), _lab_boxes())
def test_redaction_removes_every_secret_of_a_lab_config_and_nothing_else(
    name: str, platform: str
) -> None:
    text = (LAB / "configs" / f"{name}.cfg").read_text()
    redacted = redact_config(platform, text)
    for value in _secrets(text):
        assert value not in redacted, value
    before, after = text.split("\n"), redacted.split("\n")
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert all("<redacted>" in b for _, b in changed)
    assert len(changed) <= len(_secrets(text)) + 4  # secrets, and only lines that hold one


def test_redaction_catches_secrets_the_parser_does_not_understand() -> None:
    text = "hostname r1\nkey chain K\n key 1\n  key-string 7 0822455D0A16\n"
    text += "foo pre-shared-key Hunter2x\n"
    redacted = redact_config("cisco_ios", text)
    assert "0822455D0A16" not in redacted and "Hunter2x" not in redacted
    assert redacted.startswith("hostname r1\n")


LAB_PLATFORMS = {platform for _, platform in _lab_boxes()}


def test_every_platform_of_the_lab_inventory_has_a_persona_and_a_driver() -> None:
    assert LAB_PLATFORMS - set(PERSONAS) == set()
    assert LAB_PLATFORMS - set(DRIVERS) == set()


def _gather(
    work: Path, inventory: Path, capsys: pytest.CaptureFixture[str], *more: str
) -> tuple[int, dict[str, Any]]:
    code, out, err = cutover(
        "--workdir",
        str(work),
        "gather",
        "--inventory",
        str(inventory),
        "--json",
        *more,
        capsys=capsys,
    )
    assert "Traceback" not in err
    return code, json.loads(out)


def _check_snapshot(path: Path, name: str, config_text: str) -> dict[str, Any]:
    snap: dict[str, Any] = json.loads(path.read_text())
    assert snap["schema"] == SCHEMA and snap["device"] == name
    for key, _ in GETTERS:
        assert key in snap or key in snap["unsupported"], key
    assert snap["facts"]["hostname"] == name
    assert set(snap["facts"]) >= {
        "vendor",
        "model",
        "os_version",
        "serial_number",
        "interface_list",
    }
    assert snap["interfaces"] and all("is_up" in v for v in snap["interfaces"].values())
    raw = path.read_text()
    for value in _secrets(config_text):
        assert value not in raw, f"{name}: a secret in clear in the snapshot"
    assert snap["config"]["running"].strip()
    assert not list(path.parent.glob("*.tmp")) and not list(path.parent.glob(".*.tmp"))
    return snap


def test_gather_writes_one_snapshot_per_box_that_has_a_persona_and_a_driver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inventory = relocated_inventory(tmp_path)
    work = tmp_path / "work"
    with detached_lab(inventory, work, capsys):
        code, report = _gather(work, inventory, capsys, "--workers", "8")
    hosts = {h["name"]: h for h in report["hosts"]}
    assert len(hosts) == 15
    for name, _ in _lab_boxes():
        host = hosts[name]
        assert host["status"] == "ok", host
        path = Path(host["snapshot"])
        assert path.parent == work / "snapshots" / host["site"] / name
        assert path.name == f"{report['run']}.json"
        _check_snapshot(path, name, (inventory / "configs" / f"{name}.cfg").read_text())
    for name in ("c-radio1", "c-radio1-new"):
        assert hosts[name]["status"] == "skipped" and "manual" in hosts[name]["note"]
    assert code == 0 and report["failed"] == []
    # the lab's state, not only the box's config, reaches the file
    snap = json.loads(Path(hosts["b-rtr1"]["snapshot"]).read_text())
    peer = snap["bgp_neighbors"]["global"]["peers"]["203.0.113.9"]
    assert peer["is_up"] is True and peer["remote_as"] == 64501
    neighbors = snap["lldp_neighbors_detail"]["ge-0/0/1"]
    assert [n["remote_system_name"] for n in neighbors] == ["b-sw1"]


def test_lab_up_then_gather_gathers_every_device_of_the_three_sites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inventory = relocated_inventory(tmp_path)
    work = tmp_path / "work"
    with detached_lab(inventory, work, capsys):
        code, report = _gather(work, inventory, capsys)
    assert report["failed"] == [], report["hosts"]
    assert code == 0
    ok = {h["name"] for h in report["hosts"] if h["status"] == "ok"}
    assert ok == {name for name, _ in _lab_boxes()}
    sites = {h["site"] for h in report["hosts"] if h["status"] == "ok"}
    assert sites == {"site_a", "site_b", "site_c", "core"}


def test_an_unreachable_box_fails_alone_and_gather_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inventory = relocated_inventory(tmp_path)
    work = tmp_path / "work"
    with detached_lab(inventory, work, capsys) as lab:
        _, before = _gather(
            work / "before", inventory, capsys, "--known-hosts", str(work / "lab" / "known_hosts")
        )
        baseline = {h["name"]: h["status"] for h in before["hosts"]}
        victim = next(n for n, status in baseline.items() if status == "ok")
        lab.client().set_reachable(victim, False)
        code, report = _gather(work, inventory, capsys, "--site", "all")
    hosts = {h["name"]: h for h in report["hosts"]}
    assert code == 1
    assert victim in report["failed"] and hosts[victim]["status"] == "failed"
    assert hosts[victim]["note"]  # says why
    # every other box fares exactly as it did with the victim reachable
    assert {n: h["status"] for n, h in hosts.items() if n != victim} == {
        n: status for n, status in baseline.items() if n != victim
    }
    assert not (work / "snapshots" / hosts[victim]["site"] / victim).exists()


def test_gather_of_one_site_touches_only_that_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inventory = relocated_inventory(tmp_path)
    work = tmp_path / "work"
    with detached_lab(inventory, work, capsys):
        code, out, err = cutover(
            "--workdir",
            str(work),
            "gather",
            "--inventory",
            str(inventory),
            "--site",
            "site_c",
            capsys=capsys,
        )
    # not a terminal: one plain progress line per box, then the per-box table
    progress = [line for line in err.splitlines() if line.startswith("[")]
    assert len(progress) == 4 and progress[-1].startswith("[4/4] ")
    table = out.splitlines()
    assert table[0].split() == ["NAME", "SITE", "PLATFORM", "ROLE", "STATUS", "SECONDS", "NOTE"]
    assert {row.split()[0] for row in table[1:5]} == {
        "c-rtr1",
        "c-rtr1-new",
        "c-radio1",
        "c-radio1-new",
    }
    assert "2 skipped" in table[-1]
    assert code == (1 if " failed " in "\n".join(table[1:5]) else 0)
    assert {p.name for p in (work / "snapshots").iterdir()} <= {"site_c"}

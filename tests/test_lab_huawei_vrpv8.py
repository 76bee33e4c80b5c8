"""The VRP8 persona over real SSH with the real Netmiko `huawei_vrpv8` class: the two-stage
candidate and its prompts, commit, the commit trial that reverts unless confirmed, abort trial,
rollback to a commit id, and the question `return` asks about uncommitted changes.

Trial times are the real ones (60 s at least); the lab's clock runs 120 times faster for these
tests (`fast_clock`), so a 60 s trial ends after half a second.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from labkit import connect, lab_config, running_lab
from ntc_templates.parse import parse_output
from test_lab_huawei_vrp import CABLES, huawei_pair

from orchestrator.lab.lab import Lab

SPEEDUP = 120.0


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with running_lab(huawei_pair(), CABLES) as running:
        yield running


@pytest.fixture
def fast_clock(lab: Lab, monkeypatch: pytest.MonkeyPatch) -> None:
    """Timers the boxes start (commit trial) fire SPEEDUP times sooner."""
    original = lab.schedule

    def scaled(seconds: float, action: Callable[[], None]) -> Callable[[], None]:
        return original(seconds / SPEEDUP, action)

    monkeypatch.setattr(lab, "schedule", scaled)


@pytest.fixture
def conn(lab: Lab) -> Iterator[Any]:
    box = lab.devices["r2"]
    box.set_running(lab_config("huawei_vrpv8"))
    lab.changed(box)
    session = connect(lab, "r2", "huawei_vrpv8")
    try:
        yield session
    finally:
        session.disconnect()


def wait_for(condition: Callable[[], bool], seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def in_system_view(conn: Any, line: str) -> str:
    """Send ``line`` in system view and read up to the next system-view prompt."""
    output: str = conn.send_command(line, expect_string=r"\[[~*][^\]]+\]\s*$")
    return output


def commit_ids(conn: Any) -> list[int]:
    listing = conn.send_command("display configuration commit list")
    return [int(n) for n in re.findall(r"CommitId: (\d+)", listing)]


def test_candidate_prompts_and_commit(lab: Lab, conn: Any) -> None:
    box = lab.devices["r2"]
    assert conn.find_prompt() == "<HQ-NE1>"
    output = conn.send_config_set(["interface LoopBack0", "description candidate-only"])
    assert "[~HQ-NE1]" in output and "[*HQ-NE1-LoopBack0]" in output
    assert "candidate-only" not in box.running_text
    changes = in_system_view(conn, "display configuration candidate changes")
    assert "+  description candidate-only" in changes
    assert "interface LoopBack0" in in_system_view(conn, "display configuration candidate")
    conn.commit()
    assert " description candidate-only\n" in box.running_text
    assert conn.find_prompt() == "<HQ-NE1>"
    assert commit_ids(conn)[0] == max(c.number for c in box.commits)


def test_clear_candidate_and_the_return_question(lab: Lab, conn: Any) -> None:
    box = lab.devices["r2"]
    conn.send_config_set(["sysname DROPPED"])
    assert conn.find_prompt() == "[*HQ-NE1]"
    in_system_view(conn, "clear configuration candidate")
    assert conn.find_prompt() == "[~HQ-NE1]"
    conn.send_config_set(["sysname KEPT"])
    question = conn.send_command("return", expect_string=r"\[Y\(yes\)/N\(no\)/C\(cancel\)\]:")
    assert "Uncommitted configurations found" in question
    stayed = conn.send_command("c", expect_string=r"\]\s*$", strip_prompt=False)
    assert stayed.strip().endswith("[*HQ-NE1]")
    conn.send_command("return", expect_string=r"C\(cancel\)\]:")
    conn.send_command("n", expect_string=r">\s*$")
    assert "sysname KEPT" not in box.running_text
    conn.send_config_set(["sysname KEPT"])
    conn.send_command("return", expect_string=r"C\(cancel\)\]:")
    conn.send_command("y", expect_string=r">\s*$")
    assert box.hostname == "KEPT"
    assert conn.find_prompt() == "<KEPT>"
    conn.set_base_prompt()  # Netmiko's own reads look for the box's new name from here on


def test_commit_in_user_view_is_refused(conn: Any) -> None:
    output = conn.send_command("commit")
    assert "Error: Unrecognized command found at '^' position." in output


def test_commit_trial_reverts_unless_confirmed(lab: Lab, conn: Any, fast_clock: None) -> None:
    box = lab.devices["r2"]
    before = box.running_text
    conn.send_config_set(["interface LoopBack0", "description on-trial"])
    output = in_system_view(conn, "commit trial 60")
    assert "The system will revert to previous configuration if the trial configuration is " in (
        output
    )
    assert "on-trial" in box.running_text
    assert wait_for(lambda: box.running_text == before)
    assert "Trial status: INACTIVE" in conn.send_command("display configuration trial status")
    # confirmed: `commit` within the time keeps it
    conn.send_config_set(["interface LoopBack0", "description confirmed"])
    in_system_view(conn, "commit trial 300")  # 2.5 s on the fast clock: time to confirm
    assert "Trial status: ACTIVE" in conn.send_command("display configuration trial status")
    in_system_view(conn, "commit")
    assert "Trial status: INACTIVE" in conn.send_command("display configuration trial status")
    time.sleep(300 / SPEEDUP * 2)  # well past the trial's end: nothing reverts it
    assert "description confirmed" in box.running_text


def test_abort_trial_rolls_back_at_once(lab: Lab, conn: Any) -> None:
    box = lab.devices["r2"]
    before = box.running_text
    conn.send_config_set(["sysname ABORTED"])
    in_system_view(conn, "commit trial 600")
    assert box.hostname == "ABORTED"
    conn.send_command("abort trial", expect_string=r"\[Y/N\]:")
    conn.send_command("y", expect_string=r"\]\s*$")
    assert box.running_text == before
    too_short = in_system_view(conn, "commit trial 5")
    assert "Error: Wrong parameter found at '^' position." in too_short


def test_rollback_to_a_commit_id(lab: Lab, conn: Any) -> None:
    box = lab.devices["r2"]
    conn.send_config_set(["interface LoopBack0", "description first"])
    conn.commit()
    first = commit_ids(conn)[0]
    text_at_first = box.running_text
    conn.send_config_set(["interface LoopBack0", "description second"])
    conn.commit()
    assert " description second\n" in box.running_text
    assert commit_ids(conn)[0] > first
    changes = conn.send_command(f"display configuration commit changes at {commit_ids(conn)[0]}")
    assert "-  description first" in changes and "+  description second" in changes
    conn.send_command(f"rollback configuration to commit-id {first}", expect_string=r"\[Y/N\]:")
    conn.send_command("y", expect_string=r">\s*$")
    assert box.running_text == text_at_first


def test_vrp8_displays_read_with_ntc_templates(lab: Lab, conn: Any) -> None:
    box = lab.devices["r2"]
    output = conn.send_command("display version")
    (version,) = parse_output(platform="huawei_vrp", command="display version", data=output)
    assert version["model"] == box.model
    assert f"{version['vrp_version']} ({version['product_version']})" == box.version
    output = conn.send_command("display bgp peer")
    rows = parse_output(platform="huawei_vrp", command="display bgp peer", data=output)
    assert {(r["peer"], r["asn"], r["state"]) for r in rows} == {
        (str(s.neighbor), str(s.remote_as), s.state) for s in lab.state.bgp("r2")
    }
    output = conn.send_command("display interface brief")
    rows = parse_output(platform="huawei_vrp", command="display interface brief", data=output)
    assert {r["interface"] for r in rows} == {p.name for p in lab.state.ports("r2")}

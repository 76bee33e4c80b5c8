"""The H3C Comware 7 persona over real SSH with Netmiko's own `hp_comware` class: login and
prompts, paging, views, errors, saving, files, and the safety net (`configuration commit
delay`, archives, `configuration replace file`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from labkit import connect, lab_config, running_lab

from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms.hp_comware import HpComware
from orchestrator.lab.platforms.hp_comware_files import pending_rollback

PROMPT = r"<B-CORE-SW1>"
SYSTEM = r"\[B-CORE-SW1\]"
ANY_VIEW = r"\[B-CORE-SW1[^\]]*\]"


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with running_lab([DeviceSpec("sw1", "hp_comware", lab_config("hp_comware"))]) as running:
        yield running


@pytest.fixture
def conn(lab: Lab) -> Iterator[Any]:
    box = lab.devices["sw1"]
    box.set_running(lab_config("hp_comware"))
    box.saved_text = box.running_text
    box.files.clear()
    lab.changed(box)
    session = connect(lab, "sw1", "hp_comware")
    try:
        yield session
    finally:
        session.disconnect()


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_login_prompt_and_paging(conn: Any) -> None:
    assert conn.find_prompt() == "<B-CORE-SW1>"
    # Netmiko turned paging off (`screen-length disable`): the whole config in one answer
    assert conn.send_command("display current-configuration").rstrip().endswith("return")
    conn.send_command("undo screen-length disable", expect_string=PROMPT)
    conn.write_channel("display current-configuration\n")
    first = conn.read_until_pattern(pattern=r"---- More ----")
    assert "sysname B-CORE-SW1" in first and "return" not in first
    conn.write_channel("q")
    conn.read_until_pattern(pattern=PROMPT)
    conn.send_command("screen-length disable", expect_string=PROMPT)


def test_views_prompts_and_errors(lab: Lab, conn: Any) -> None:
    output = conn.send_config_set(
        [
            "interface Ten-GigabitEthernet1/0/6",
            "description pushed",
            "display this-is-not-a-command",
            "ospf 1",
            "area 0.0.0.0",
            "no-such-command x",
            "quit",
            "quit",
            "bgp 65020",
            "address-family ipv4 unicast",
            "peer 192.0.2.1",
        ]
    )
    assert "[B-CORE-SW1-Ten-GigabitEthernet1/0/6]description pushed" in output
    assert "[B-CORE-SW1-ospf-1-area-0.0.0.0]" in output
    assert "[B-CORE-SW1-bgp-default-ipv4]" in output
    lines = output.splitlines()
    unknown = lines.index("[B-CORE-SW1-ospf-1-area-0.0.0.0]no-such-command x")
    assert lines[unknown + 2] == " % Unrecognized command found at '^' position."
    assert lines[unknown + 1].index("^") == len("[B-CORE-SW1-ospf-1-area-0.0.0.0]")
    incomplete = lines.index("[B-CORE-SW1-bgp-default-ipv4]peer 192.0.2.1")
    assert lines[incomplete + 2] == " % Incomplete command found at '^' position."
    assert lines[incomplete + 1].index("^") == len(lines[incomplete])
    running = lab.devices["sw1"].running_text
    port = "interface Ten-GigabitEthernet1/0/6\n port link-mode bridge\n shutdown\n"
    assert port + " description pushed\n" in running
    assert "no-such-command" not in running
    # display runs in every view, undo removes
    conn.send_config_set(["interface Ten-GigabitEthernet1/0/6", "undo description"])
    assert "description pushed" not in lab.devices["sw1"].running_text
    shown = conn.send_config_set(["vlan 10", "display vlan brief"])
    assert "[B-CORE-SW1-vlan10]display vlan brief" in shown and "USERS" in shown


def test_global_settings_stay_global_after_a_change(lab: Lab, conn: Any) -> None:
    conn.send_config_set(["interface Ten-GigabitEthernet1/0/6", "description x"])
    static = lab.devices["sw1"].config.static_routes
    assert [str(r.prefix) for r in static] == ["0.0.0.0/0"]
    assert "#\n ip route-static 0.0.0.0 0 192.0.2.1" in lab.devices["sw1"].running_text


def test_save_force_and_the_three_questions_of_save(lab: Lab, conn: Any) -> None:
    box = lab.devices["sw1"]
    conn.send_config_set(["sysname B-CORE-SW1", "vlan 50", "name SAVED"])
    assert "vlan 50" not in (box.saved_text or "")
    output = conn.save_config()  # Netmiko: `save force` in system view
    assert "Saved the current configuration to mainboard device successfully." in output
    assert "vlan 50" in (box.saved_text or "")
    conn.send_config_set(["vlan 51"])
    conn.send_command("return", expect_string=PROMPT)
    q1 = conn.send_command("save", expect_string=r"\[Y/N\]:")
    assert "Are you sure? [Y/N]:" in q1
    q2 = conn.send_command("y", expect_string=r"press the enter key\):")
    assert "[flash:/startup.cfg]" in q2
    q3 = conn.send_command("", expect_string=r"overwrite\? \[Y/N\]:")
    assert "flash:/startup.cfg exists" in q3
    done = conn.send_command("y", expect_string=PROMPT)
    assert "successfully" in done
    assert "vlan 51" in (box.saved_text or "")
    assert "vlan 51" in conn.send_command("display saved-configuration")


def test_save_to_a_file_and_dir(lab: Lab, conn: Any) -> None:
    asked = conn.send_command("save flash:/before.cfg", expect_string=r"\[Y/N\]:")
    assert "flash:/before.cfg" in asked
    conn.send_command("y", expect_string=PROMPT)
    listing = conn.send_command("dir")
    assert "before.cfg" in listing and listing.startswith("Directory of flash:")
    assert lab.devices["sw1"].files["flash:/before.cfg"] == lab.devices["sw1"].running_text


def test_archive_and_configuration_replace(lab: Lab, conn: Any) -> None:
    box = lab.devices["sw1"]
    refused = conn.send_command("archive configuration", expect_string=PROMPT)
    assert "archive" in refused.lower() and not box.files
    conn.send_config_set(["archive configuration location flash:/archive filename-prefix cut"])
    conn.send_command("archive configuration", expect_string=r"\[Y/N\]:")
    saved = conn.send_command("y", expect_string=PROMPT)
    assert "The archive configuration file cut_1.cfg is saved." in saved
    assert "cut_1.cfg" in conn.send_command("display archive configuration")
    before = box.running_text
    conn.send_config_set(["interface Ten-GigabitEthernet1/0/5", "description changed", "quit"])
    assert box.running_text != before
    conn.config_mode()
    asked = conn.send_command("configuration replace file cut_1.cfg", expect_string=r"\[Y/N\]:")
    assert "save current configuration?" in asked
    done = conn.send_command("n", expect_string=SYSTEM)
    assert "Succeeded in replacing current configuration with the file cut_1.cfg." in done
    conn.exit_config_mode()
    assert box.running_text == before


def enter(conn: Any, lines: list[str]) -> str:
    """Config lines one by one, each read up to the next system-view prompt (Netmiko's
    Comware send_config_set waits for 2 s of silence at the end, longer than a short timer)."""
    conn.config_mode()
    out = "".join(conn.send_command(line, expect_string=ANY_VIEW) for line in lines)
    conn.send_command("return", expect_string=PROMPT)
    return out


def test_commit_delay_reverts_unless_committed(
    lab: Lab, conn: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(HpComware, "minute_seconds", 2.0)
    box = lab.devices["sw1"]
    before = box.running_text
    enter(conn, ["configuration commit delay 1", "vlan 70", "name TRIAL"])
    assert "vlan 70" in box.running_text  # in effect at once
    assert pending_rollback(box)
    assert wait_for(lambda: box.running_text == before, 10.0), "the timer did not revert"
    assert not pending_rollback(box)

    enter(conn, ["configuration commit delay 1", "vlan 71", "name KEPT", "quit"])
    enter(conn, ["configuration commit"])
    assert not pending_rollback(box)
    time.sleep(4.5)  # past the timer's length: a cancelled timer must not fire
    assert "vlan 71" in box.running_text


def test_commit_delay_again_keeps_the_first_rollback_point(
    lab: Lab, conn: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(HpComware, "minute_seconds", 2.0)
    box = lab.devices["sw1"]
    before = box.running_text
    enter(conn, ["configuration commit delay 10", "vlan 60", "quit"])
    enter(conn, ["configuration commit delay 1", "vlan 61", "quit"])
    assert "vlan 60" in box.running_text and "vlan 61" in box.running_text
    assert wait_for(lambda: box.running_text == before, 10.0)


def test_commit_delay_outside_system_view_and_out_of_range(conn: Any) -> None:
    refused = conn.send_command("configuration commit delay 5", expect_string=PROMPT)
    assert "% Unrecognized command found at '^' position." in refused
    output = conn.send_config_set(["configuration commit delay 0"])
    assert "% Wrong parameter found at '^' position." in output

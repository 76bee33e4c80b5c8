"""The Junos driver's own behaviour beyond the shared suite, against the persona over real SSH:
a locked candidate refused with the box's words, a failed commit check discarding the
candidate, a pending `commit confirmed` seen (and confirmed) from another session, a brace
candidate turned into `set` lines, and NAPALM finding the driver by platform name."""

from __future__ import annotations

import time
from collections.abc import Iterator

import napalm
import pytest
from labkit import CREDENTIALS, connect, lab_config, running_lab

from orchestrator.devices.juniper_junos import JuniperJunosDriver
from orchestrator.devices.juniper_junos_parse import seconds, set_lines
from orchestrator.errors import DeviceError
from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms.juniper_junos import JuniperJunos


@pytest.fixture
def lab() -> Iterator[Lab]:
    with running_lab([DeviceSpec("r1", "juniper_junos", lab_config("juniper_junos"))]) as lab:
        yield lab


def _driver(lab: Lab) -> JuniperJunosDriver:
    driver = JuniperJunosDriver(
        "127.0.0.1",
        CREDENTIALS.username,
        CREDENTIALS.password,
        30,
        {"port": lab.devices["r1"].port, "known_hosts": str(lab.known_hosts)},
    )
    driver.open()
    return driver


def test_napalm_finds_the_driver_by_platform_name() -> None:
    assert napalm.get_network_driver("juniper_junos") is JuniperJunosDriver


def test_a_brace_candidate_becomes_set_lines() -> None:
    text = 'interfaces {\n    xe-0/1/5 {\n        description "a b";\n        disable;\n    }\n}\n'
    assert set_lines(text) == [
        'set interfaces xe-0/1/5 description "a b"',
        "set interfaces xe-0/1/5 disable",
    ]
    assert set_lines("delete system ntp\nset system ntp server 10.0.0.1\n") == [
        "delete system ntp",
        "set system ntp server 10.0.0.1",
    ]
    assert seconds("2d 0:00:05") == 172805
    assert seconds("Establ") == -1


def test_a_locked_candidate_is_refused_with_the_boxs_words(lab: Lab) -> None:
    other = connect(lab, "r1", "juniper_junos")
    driver = _driver(lab)
    try:
        other.send_command("configure exclusive", expect_string=r"#\s*$")
        with pytest.raises(DeviceError, match="configuration database locked by"):
            driver.load_merge_candidate(config="set system location x\n")
        assert not driver.editing
        other.send_command("exit configuration-mode", expect_string=r">\s*$")
        driver.load_merge_candidate(config="set system location x\n")
        assert "+  location x;" in driver.compare_config()
        driver.discard_config()
        assert driver.compare_config() == ""
    finally:
        driver.close()
        other.disconnect()


def test_a_refused_line_or_a_failed_check_discards_the_candidate(lab: Lab) -> None:
    box = lab.devices["r1"]
    before = box.running_text
    driver = _driver(lab)
    try:
        with pytest.raises(DeviceError, match=r"line 2 of 2, `set nonsense here`: syntax error"):
            driver.load_merge_candidate(config="set system location x\nset nonsense here\n")
        assert not driver.editing
        driver.load_merge_candidate(
            config="set protocols bgp group NEW type external\n"
            "set protocols bgp group NEW neighbor 192.0.2.9\n"
        )
        with pytest.raises(DeviceError, match="configuration check-out failed"):
            driver.commit_config()
        assert box.running_text == before
        assert driver.compare_config() == ""
    finally:
        driver.close()


def test_a_pending_commit_is_seen_and_confirmed_from_another_session(
    lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(JuniperJunos, "minute_seconds", 1.5)
    box = lab.devices["r1"]
    first = _driver(lab)
    try:
        first.load_merge_candidate(config="set system location confirmed-later\n")
        first.commit_config(message="cutover window 7", revert_in=90)  # two Junos minutes
        assert "commit confirmed, rollback in 2mins" in first.send("show system commit")
        assert "    cutover window 7" in first.send("show system commit")
    finally:
        first.close()
    second = _driver(lab)
    try:
        assert second.has_pending_commit()
        second.confirm_commit()
        assert not second.has_pending_commit()
        time.sleep(3 * 1.5)  # past the two lab minutes
        assert "confirmed-later" in box.running_text
        with pytest.raises(DeviceError, match="no commit is waiting"):
            second.confirm_commit()
    finally:
        second.close()


def test_closing_mid_edit_leaves_the_box_unlocked_and_unchanged(lab: Lab) -> None:
    box = lab.devices["r1"]
    before = box.running_text
    driver = _driver(lab)
    driver.load_merge_candidate(config="set system location abandoned\n")
    driver.close()
    again = _driver(lab)
    try:
        again.load_merge_candidate(config="set system location second-try\n")
        diff = again.compare_config()
        assert "second-try" in diff and "abandoned" not in diff
        again.discard_config()
        assert box.running_text == before
    finally:
        again.close()

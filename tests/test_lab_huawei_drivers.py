"""What the Huawei drivers do beyond the shared suite (tests/test_drivers.py), over real SSH
against the lab: how a refused line ends a commit on each OS, where the rollback points live,
and how rollback finds them."""

from __future__ import annotations

from collections.abc import Iterator

import napalm
import pytest
from labkit import CREDENTIALS, lab_config, running_lab
from test_lab_huawei_vrp import CABLES, huawei_pair

from orchestrator.devices.huawei_common import HuaweiDriver, Names
from orchestrator.devices.huawei_vrp import ROLLBACK_FILE, HuaweiVrpDriver
from orchestrator.devices.huawei_vrpv8 import COMMIT_TAG, HuaweiVrpv8Driver, commit_points
from orchestrator.errors import DeviceError
from orchestrator.lab.lab import Lab


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with running_lab(huawei_pair(), CABLES) as running:
        yield running


def fresh(lab: Lab, name: str, config: str) -> None:
    box = lab.devices[name]
    box.set_running(lab_config(config))
    box.saved_text = box.running_text
    lab.changed(box)


def driver(lab: Lab, name: str, cls: type[HuaweiDriver]) -> HuaweiDriver:
    args = {"port": lab.devices[name].port, "known_hosts": lab.known_hosts}
    device = cls("127.0.0.1", CREDENTIALS.username, CREDENTIALS.password, 30, args)
    device.open()
    return device


def test_napalm_finds_both_drivers() -> None:
    assert napalm.get_network_driver("huawei_vrp") is HuaweiVrpDriver
    assert napalm.get_network_driver("huawei_vrpv8") is HuaweiVrpv8Driver


def test_vrp5_refused_line_stops_the_commit_and_the_flash_copy_brings_it_back(lab: Lab) -> None:
    fresh(lab, "r1", "huawei_vrp")
    box = lab.devices["r1"]
    before = box.running_text
    vrp = driver(lab, "r1", HuaweiVrpDriver)
    try:
        vrp.load_merge_candidate(
            config="interface LoopBack0\n description half-way\n#\nno-such-command here\n"
        )
        with pytest.raises(DeviceError, match="no-such-command here"):
            vrp.commit_config()
        assert " description half-way\n" in box.running_text  # VRP5 applies line by line
        assert box.files[ROLLBACK_FILE] == before  # saved on flash before the first line
    finally:
        vrp.close()
    other = driver(lab, "r1", HuaweiVrpDriver)  # a new session: only the box remembers
    try:
        other.rollback()
    finally:
        other.close()
    assert "half-way" not in box.running_text
    assert box.saved_text == box.running_text
    assert ROLLBACK_FILE not in box.files  # used up: a second rollback has nothing to undo


def test_vrp8_refused_line_commits_nothing(lab: Lab) -> None:
    fresh(lab, "r2", "huawei_vrpv8")
    box = lab.devices["r2"]
    before, points = box.running_text, len(box.commits)
    vrp8 = driver(lab, "r2", HuaweiVrpv8Driver)
    try:
        vrp8.load_merge_candidate(
            config="interface LoopBack0\n description half-way\n#\nno-such-command here\n"
        )
        with pytest.raises(DeviceError, match="nothing was committed"):
            vrp8.commit_config()
        assert box.running_text == before
        assert len(box.commits) == points
        assert not vrp8.has_pending_commit()
    finally:
        vrp8.close()


def test_vrp8_commits_are_tagged_and_rolled_back_by_commit_id(lab: Lab) -> None:
    fresh(lab, "r2", "huawei_vrpv8")
    box = lab.devices["r2"]
    vrp8 = driver(lab, "r2", HuaweiVrpv8Driver)
    try:
        vrp8.load_merge_candidate(config="interface LoopBack0\n description first\n")
        vrp8.commit_config(message="change 1")
        first_text = box.running_text
        vrp8.load_merge_candidate(config="interface LoopBack0\n description second\n")
        vrp8.commit_config(message="change 2")
        listing = vrp8.send("display configuration commit list verbose")
        (_newest, note), (older, _) = commit_points(listing)[:2]
        assert note == f"{COMMIT_TAG} change 2"
        vrp8.rollback()
        assert box.running_text == first_text
        assert box.commits[-1].comment == f"rollback to commit-id {older}"
        assert box.saved_text == box.running_text
    finally:
        vrp8.close()


def test_vrp8_rollback_during_a_trial_aborts_it(lab: Lab) -> None:
    fresh(lab, "r2", "huawei_vrpv8")
    box = lab.devices["r2"]
    before = box.running_text
    vrp8 = driver(lab, "r2", HuaweiVrpv8Driver)
    try:
        vrp8.load_merge_candidate(config="sysname ON-TRIAL\n")
        vrp8.commit_config(revert_in=600)
        assert vrp8.has_pending_commit() and box.hostname == "ON-TRIAL"
        assert box.saved_text is not None and "ON-TRIAL" not in box.saved_text  # not saved
        vrp8.rollback()
        assert not vrp8.has_pending_commit()
        assert box.running_text == before
    finally:
        vrp8.close()


def test_short_table_names_resolve_to_the_boxs_own() -> None:
    names = Names("huawei_vrpv8", ["GigabitEthernet1/0/0", "Eth-Trunk1", "XGigabitEthernet0/0/1"])
    assert names.full("GE1/0/0") == "GigabitEthernet1/0/0"
    assert names.full("XGE0/0/1") == "XGigabitEthernet0/0/1"
    assert names.full("Eth-Trunk1") == "Eth-Trunk1"
    assert Names("huawei_vrp", []).full("GE0/0/9") == "GigabitEthernet0/0/9"


def test_replace_clears_a_physical_port_instead_of_deleting_it() -> None:
    vrp = HuaweiVrpDriver("127.0.0.1", "u", "p", 10, {})
    running = vrp.dialect.tree(lab_config("huawei_vrp"))
    target = vrp.dialect.tree("sysname HQ-AR1\n#\ninterface LoopBack0\n ip address 192.0.2.1 32\n")
    commands = vrp.dialect.replace_commands(running, target)
    assert "undo interface GigabitEthernet0/0/4" not in commands
    start = commands.index("interface GigabitEthernet0/0/4")
    assert commands[start : start + 4] == [
        "interface GigabitEthernet0/0/4",
        "undo port link-type",
        "undo port default vlan",
        "quit",
    ]
    assert "undo interface Vlanif10" in commands and "undo bgp 65001" in commands

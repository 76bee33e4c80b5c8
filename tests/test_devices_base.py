"""`CutoverDriver`'s shared part over real SSH: a tiny VRP5 subclass (prompts and words as data
only, no getters) against the lab's VRP5 persona, with the real Netmiko `huawei` class."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import napalm
import pytest
import yaml
from labkit import CREDENTIALS, connect, running_lab
from nornir import InitNornir
from nornir_napalm.plugins.tasks import napalm_get

from orchestrator.devices import DRIVERS
from orchestrator.devices._configdiff import ConfigDialect
from orchestrator.devices.base import Capability, CutoverDriver
from orchestrator.errors import DeviceError, HostKeyError, InputError, UnsupportedOperation
from orchestrator.lab.lab import DeviceSpec, Lab

# the box's own startup config (the shared tests/lab_configs/huawei_vrp.cfg grows with the persona)
STARTUP = """#
sysname HQ-AR1
#
interface GigabitEthernet0/0/1
 description to-core
 ip address 10.0.0.1 255.255.255.252
#
interface LoopBack0
 ip address 192.0.2.1 255.255.255.255
#
return
"""


class Vrp5(CutoverDriver):
    """Only the data a VRP5 driver needs for the shared part; getters are the platform's."""

    platform = "huawei_vrp"
    netmiko_device_type = "huawei"
    ntc_platform = "huawei_vrp"
    capabilities: ClassVar[frozenset[Capability]] = frozenset({"candidate", "replace"})
    exec_prompt = r"^<[^<>\s]+>\s*$"
    config_prompt = r"^\[[^\[\]\s]+\]\s*$"
    error_patterns = (r"^Error: .*$",)
    questions = (r"\(y/n\)\[n\]:\s*$", r"\[Y/N\]:\s*$")
    config_enter = "system-view"
    config_exit = "return"
    config_up = "quit"
    logout = "quit"
    negation = "undo"
    running_config_command = "display current-configuration"
    startup_config_command = "display saved-configuration"


def driver_for(lab: Lab, name: str = "r1", **options: object) -> Vrp5:
    args: dict[str, object] = {"port": lab.devices[name].port, "known_hosts": lab.known_hosts}
    args.update(options)
    return Vrp5("127.0.0.1", CREDENTIALS.username, CREDENTIALS.password, 10, args)


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with running_lab([DeviceSpec("r1", "huawei_vrp", STARTUP)]) as running:
        yield running


@pytest.fixture
def vrp(lab: Lab) -> Iterator[Vrp5]:
    device = lab.devices["r1"]
    device.set_running(STARTUP)
    device.saved_text = device.running_text
    driver = driver_for(lab)
    driver.open()
    try:
        yield driver
    finally:
        driver.close()


DIALECT = ConfigDialect(negation="undo", up="quit")


def test_send_strips_echo_and_prompt_and_raises_the_os_error_line(vrp: Vrp5) -> None:
    output = vrp.send("display current-configuration")
    assert output.splitlines()[:2] == ["#", "sysname HQ-AR1"]
    assert "<HQ-AR1>" not in output
    with pytest.raises(DeviceError) as caught:
        vrp.send("display no-such-thing")
    assert "Error: Unrecognized command found at '^' position." in str(caught.value)
    assert caught.value.host == "127.0.0.1"
    assert vrp.cli(["display version"])["display version"].startswith("Huawei Versatile")


def test_push_enters_lines_and_names_the_refused_one(lab: Lab, vrp: Vrp5) -> None:
    vrp.push(["interface GigabitEthernet0/0/1", "description pushed", "quit", "sysname R9"])
    running = lab.devices["r1"].running_text
    assert " description pushed\n" in running
    assert "sysname R9\n" in running
    with pytest.raises(DeviceError) as caught:
        vrp.push(["interface LoopBack0", "no-such-command 1", "description never"])
    assert "line 2 of 3, `no-such-command 1`" in str(caught.value)
    assert "never" not in lab.devices["r1"].running_text
    # the session is back in exec mode and usable, under the new prompt
    assert vrp.send("display version").startswith("Huawei Versatile")


def test_merge_compare_commit_saves_and_rollback_restores(lab: Lab, vrp: Vrp5) -> None:
    box = lab.devices["r1"]
    before = box.running_text
    vrp.load_merge_candidate(config="interface GigabitEthernet0/0/1\n description merged\n#\n")
    diff = vrp.compare_config()
    assert "- description to-core" in diff and "+ description merged" in diff
    assert box.running_text == before  # loading and comparing change nothing
    vrp.commit_config()
    assert " description merged\n" in box.running_text
    assert box.saved_text == box.running_text
    assert vrp.compare_config() == ""
    vrp.rollback()
    assert DIALECT.normalise(box.running_text) == DIALECT.normalise(before)
    assert box.saved_text == box.running_text


def test_replace_removes_what_the_candidate_lacks(lab: Lab, vrp: Vrp5) -> None:
    box = lab.devices["r1"]
    target = (
        "sysname HQ-NEW\n#\ninterface GigabitEthernet0/0/1\n ip address 10.0.0.5 255.255.255.252\n"
        "#\ninterface LoopBack0\n ip address 192.0.2.1 255.255.255.255\n#\nreturn\n"
    )
    vrp.load_replace_candidate(config=target)
    diff = vrp.compare_config()
    assert "-sysname HQ-AR1" in diff and "+sysname HQ-NEW" in diff
    assert "- description to-core" in diff
    vrp.commit_config()
    assert DIALECT.normalise(box.running_text) == DIALECT.normalise(target)
    vrp.rollback()
    # the same lines under the same headers; a replaced address keeps its place in the block
    assert DIALECT.same(DIALECT.tree(box.running_text), DIALECT.tree(STARTUP))


def test_discard_drops_the_candidate(lab: Lab, vrp: Vrp5) -> None:
    vrp.load_merge_candidate(config="sysname DISCARDED\n")
    assert "+sysname DISCARDED" in vrp.compare_config()
    vrp.discard_config()
    assert vrp.compare_config() == ""
    with pytest.raises(DeviceError, match="nothing to commit"):
        vrp.commit_config()
    assert "DISCARDED" not in lab.devices["r1"].running_text


def test_a_refused_line_fails_the_commit_and_rollback_undoes_the_rest(lab: Lab, vrp: Vrp5) -> None:
    box = lab.devices["r1"]
    vrp.load_merge_candidate(config="sysname HALFWAY\nno-such-command 2\n")
    with pytest.raises(DeviceError, match=r"commit failed.*no-such-command 2") as caught:
        vrp.commit_config()
    assert caught.value.hint is not None and "rollback()" in caught.value.hint
    assert "sysname HALFWAY" in box.running_text
    vrp.rollback()
    assert "sysname HQ-AR1" in box.running_text


def test_unsupported_operations_say_so(vrp: Vrp5) -> None:
    assert not vrp.has_pending_commit()
    vrp.load_merge_candidate(config="sysname X\n")
    with pytest.raises(UnsupportedOperation, match="commit_confirm"):
        vrp.commit_config(revert_in=30)
    with pytest.raises(UnsupportedOperation, match="commit_confirm"):
        vrp.confirm_commit()
    with pytest.raises(UnsupportedOperation, match="nothing to roll back"):
        vrp.rollback()
    with pytest.raises(NotImplementedError):  # NAPALM callers catch this one
        vrp.get_ospf_neighbors()


def test_get_config_running_startup_candidate(lab: Lab, vrp: Vrp5) -> None:
    vrp.load_merge_candidate(config="sysname CAND\n")
    config = vrp.get_config()
    assert config["running"] == lab.devices["r1"].running_text
    assert config["startup"] == lab.devices["r1"].saved_text
    assert config["candidate"] == "sysname CAND\n"


def test_an_unknown_host_key_is_refused_with_the_fix(lab: Lab) -> None:
    empty = lab.state_dir / "empty_known_hosts"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(HostKeyError) as caught:
        driver_for(lab, known_hosts=empty).open()
    text = str(caught.value)
    assert f"127.0.0.1:{lab.devices['r1'].port}" in text
    assert "not in" in text and "cutover lab up" in text


def test_a_changed_host_key_is_refused(lab: Lab) -> None:
    line = lab.known_hosts.read_text(encoding="utf-8").splitlines()[0]
    other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBmY6/JqXWZlW9U3YhS6nEw6T4l/0S8qv0kVvSxzUn0j"
    forged = lab.state_dir / "forged_known_hosts"
    forged.write_text(line.split(" ", 1)[0] + " " + other + "\n", encoding="utf-8")
    with pytest.raises(HostKeyError, match="differs"):
        driver_for(lab, known_hosts=forged).open()


def test_known_hosts_comes_from_the_environment(lab: Lab, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CUTOVER_KNOWN_HOSTS", str(lab.known_hosts))
    driver = Vrp5(
        "127.0.0.1",
        CREDENTIALS.username,
        CREDENTIALS.password,
        10,
        {"port": lab.devices["r1"].port},
    )
    driver.open()
    try:
        assert driver.is_alive() == {"is_alive": True}
    finally:
        driver.close()
    assert driver.is_alive() == {"is_alive": False}


def test_login_and_connection_failures_name_the_host(lab: Lab) -> None:
    wrong = Vrp5(
        "127.0.0.1",
        CREDENTIALS.username,
        "wrong",
        10,
        {"port": lab.devices["r1"].port, "known_hosts": lab.known_hosts},
    )
    with pytest.raises(DeviceError, match=r"login to 127\.0\.0\.1:.* was refused"):
        wrong.open()
    with pytest.raises(DeviceError, match="refused: no SSH server"):
        driver_for(lab, port=1).open()
    with pytest.raises(InputError, match="unknown driver option"):
        driver_for(lab, transport="telnet")


def test_push_waits_for_prompts_not_for_silence(lab: Lab, vrp: Vrp5) -> None:
    """Ten lines through the driver against Netmiko's own send_config_set (whose Huawei
    config-mode check waits for 2 s of silence): the driver must not wait on idle timers."""
    lines = ["interface GigabitEthernet0/0/1"] + [f"description push-{i}" for i in range(9)]
    start = time.perf_counter()
    vrp.push(lines)
    ours = time.perf_counter() - start
    conn = connect(lab, "r1", "huawei")
    try:
        start = time.perf_counter()
        conn.send_config_set(lines)
        theirs = time.perf_counter() - start
    finally:
        conn.disconnect()
    print(f"10-line push: driver {ours:.2f} s, netmiko send_config_set {theirs:.2f} s")
    assert " description push-8\n" in lab.devices["r1"].running_text


def test_napalm_and_nornir_find_a_registered_driver(
    lab: Lab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`custom_napalm.<platform>` hands NAPALM (and so nornir_napalm) the registry's class;
    NAPALM's own `ios` is not shadowed."""
    monkeypatch.setitem(DRIVERS, "zte_zxros", f"{__name__}:Vrp5")
    sys.modules.pop("custom_napalm.zte_zxros", None)
    try:
        assert napalm.get_network_driver("zte_zxros") is Vrp5
        assert napalm.get_network_driver("ios").__module__ == "napalm.ios.ios"
        hosts = {
            "r1": {
                "hostname": "127.0.0.1",
                "port": lab.devices["r1"].port,
                "username": CREDENTIALS.username,
                "password": CREDENTIALS.password,
                "platform": "zte_zxros",
                "connection_options": {
                    "napalm": {"extras": {"optional_args": {"known_hosts": str(lab.known_hosts)}}}
                },
            }
        }
        (tmp_path / "hosts.yaml").write_text(yaml.safe_dump(hosts), encoding="utf-8")
        nr = InitNornir(
            runner={"plugin": "serial"},
            inventory={
                "plugin": "SimpleInventory",
                "options": {"host_file": str(tmp_path / "hosts.yaml")},
            },
            logging={"enabled": False},
        )
        result = nr.run(task=napalm_get, getters=["config"], retrieve="running")
        nr.close_connections()
        assert not result.failed, result["r1"].exception
        assert "sysname HQ-AR1" in result["r1"].result["config"]["running"]
    finally:
        sys.modules.pop("custom_napalm.zte_zxros", None)

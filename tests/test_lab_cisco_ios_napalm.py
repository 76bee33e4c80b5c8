"""NAPALM's own `ios` driver's config life cycle against the IOS persona, unchanged except for one
of its own options: the lab's SSH servers take no SCP, so files go over the CLI with
`inline_transfer` (Netmiko's InLineTransfer: `tclsh` and `puts [open ...]`). Everything else is
NAPALM's: `file prompt quiet`, `verify /md5`, `show archive config incremental-diffs` /
`differences`, `copy FILE running-config`, `configure replace ... force revert trigger error
[timer N]`, `configure terminal revert timer N`, `configure confirm`, `configure revert now`.

Slow by NAPALM's design: InLineTransfer sleeps 5 to 14 s per file.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from labkit import CREDENTIALS, lab_config, netmiko_args, running_lab
from napalm.ios.ios import IOSDriver

from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms import get_persona
from orchestrator.lab.platforms.cisco_ios import CiscoIos

MERGE = (
    "interface Loopback7\n description merged by napalm\n ip address 10.77.0.1 255.255.255.255\n"
)


@pytest.fixture
def lab(monkeypatch: pytest.MonkeyPatch) -> Iterator[Lab]:
    monkeypatch.setattr(CiscoIos, "minute_seconds", 1.0)  # NAPALM's revert_in=60 lasts 1 s
    with running_lab([DeviceSpec("core1", "cisco_ios", lab_config("cisco_ios"))]) as running:
        yield running


@pytest.fixture
def napalm_ios(lab: Lab) -> Iterator[IOSDriver]:
    args = netmiko_args(lab, "core1", "cisco_ios")
    options: dict[str, object] = {
        k: args[k] for k in ("port", "ssh_strict", "system_host_keys", "alt_host_keys")
    }
    options.update(alt_key_file=args["alt_key_file"], inline_transfer=True)
    driver = IOSDriver("127.0.0.1", CREDENTIALS.username, CREDENTIALS.password, 60, options)
    driver.open()
    try:
        yield driver
    finally:
        driver.close()


def running(lab: Lab) -> str:
    persona = get_persona("cisco_ios")
    return persona.config_text(persona.tree(lab.devices["core1"].running_text))


def wait_for_text(lab: Lab, present: str, absent: str, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = running(lab)
        if present in text and absent not in text:
            return True
        time.sleep(0.05)
    return False


def test_merge_compare_commit_and_rollback(lab: Lab, napalm_ios: IOSDriver) -> None:
    napalm_ios.load_merge_candidate(config=MERGE)
    assert lab.devices["core1"].files["flash:merge_config.txt"] == MERGE + "\n"
    diff = napalm_ios.compare_config()
    assert diff.splitlines() == [
        "+interface Loopback7",
        "+ description merged by napalm",
        "+ ip address 10.77.0.1 255.255.255.255",
    ]
    assert "Loopback7" not in running(lab)
    napalm_ios.commit_config()
    assert "interface Loopback7\n description merged by napalm\n" in running(lab)
    assert "Loopback7" in (lab.devices["core1"].saved_text or "")  # NAPALM saved it
    assert "flash:rollback_config.txt" in lab.devices["core1"].files
    napalm_ios.rollback()
    assert "Loopback7" not in running(lab)


def test_merge_with_revert_in_reverts_unless_confirmed(lab: Lab, napalm_ios: IOSDriver) -> None:
    napalm_ios.load_merge_candidate(config=MERGE)
    napalm_ios.commit_config(revert_in=60)
    assert napalm_ios.has_pending_commit()
    assert "Loopback7" in running(lab)
    assert wait_for_text(lab, "hostname SITEA-CORE1", "Loopback7")
    assert not napalm_ios.has_pending_commit()
    napalm_ios.commit_config(revert_in=60)  # the merge file is still on flash
    napalm_ios.confirm_commit()
    assert not napalm_ios.has_pending_commit()
    time.sleep(2.5)  # more than the (shortened) timer: a revert would have happened
    assert "Loopback7" in running(lab)


def test_replace_with_a_revert_timer(lab: Lab, napalm_ios: IOSDriver) -> None:
    current = napalm_ios.get_config(retrieve="running")["running"]
    napalm_ios.load_replace_candidate(config=current.replace("ip name-server 10.10.99.53", ""))
    diff = napalm_ios.compare_config()
    assert "-ip name-server 10.10.99.53" in diff.splitlines()
    napalm_ios.commit_config(revert_in=60)
    assert "ip name-server" not in running(lab)
    assert napalm_ios.has_pending_commit()
    assert wait_for_text(lab, "ip name-server 10.10.99.53", "Loopback7")

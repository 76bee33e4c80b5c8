"""The cutover path for the lab's Huawei replacements (site A): the old box's config translated
by cutover, committed by the driver over SSH to the new box as the inventory starts it, and read
back by the project's own parser to the same model: every line the translator wrote is one the
emulated VRP accepts in the view it was written for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from labkit import CREDENTIALS, running_lab

from orchestrator.devices import get_driver
from orchestrator.devices.base import CutoverDriver
from orchestrator.lab.lab import DeviceSpec
from orchestrator.portmap import profile
from orchestrator.syntax import get_platform
from orchestrator.translate import translate_text

CONFIGS = Path(__file__).resolve().parent.parent / "inventories" / "lab" / "configs"

CASES = [
    # old box, its replacement, platform, hardware profile (None: the inventory's port map)
    ("a-wan1", "a-wan1-new", "huawei_vrpv8", None),
    ("a-sw1", "a-sw1-new", "huawei_vrp", "S5735-L48T4X"),
]
#: as inventories/lab/hosts.yaml maps them
PORT_MAPS = {
    "a-wan1": {
        "GigabitEthernet1": "GigabitEthernet1/0/0",
        "GigabitEthernet2": "GigabitEthernet2/0/0",
        "GigabitEthernet3": "GigabitEthernet1/0/1",
        "GigabitEthernet4": "GigabitEthernet2/0/1",
        "GigabitEthernet8": "GigabitEthernet0/0/0",
    }
}


@pytest.mark.parametrize(("old", "new", "platform", "hardware"), CASES)
def test_translated_config_commits_and_reads_back(
    old: str, new: str, platform: str, hardware: str | None
) -> None:
    translation = translate_text(
        (CONFIGS / f"{old}.cfg").read_text(encoding="utf-8"),
        platform,
        port_map=PORT_MAPS.get(old),
        hardware=profile(hardware) if hardware else None,
    )
    # the plan fills secrets in at push time; any value will do for the box
    candidate = re.sub(r"\{\{secret:[^}]+\}\}", "Lab-secret-1", translation.target_config)
    start = (CONFIGS / f"{new}.cfg").read_text(encoding="utf-8")
    with running_lab([DeviceSpec(new, platform, start)]) as lab:
        box = lab.devices[new]
        driver = get_driver(platform)(
            "127.0.0.1",
            CREDENTIALS.username,
            CREDENTIALS.password,
            60,
            {"port": box.port, "known_hosts": lab.known_hosts},
        )
        assert isinstance(driver, CutoverDriver)
        driver.open()
        try:
            driver.load_merge_candidate(config=candidate)
            driver.commit_config()
            assert driver.compare_config() == ""
        finally:
            driver.close()
    parsed = get_platform(platform).parse(box.running_text, path=new)
    refused = [o.text for o in parsed.report.lines.values() if o.outcome == "unsupported"]
    assert refused == []
    want = get_platform(platform).parse(candidate, path="candidate").config
    got = parsed.config
    assert set(want.interfaces) <= set(got.interfaces)
    for name, ifc in want.interfaces.items():
        assert got.interfaces[name].ipv4 == ifc.ipv4, name
        if ifc.description is not None:  # a merge keeps what the candidate does not say
            assert got.interfaces[name].description == ifc.description, name
    assert got.bgp == want.bgp
    # the new box's own management route (its startup config) stays beside the translated ones
    assert [r for r in want.static_routes if r not in got.static_routes] == []
    assert got.ospf == want.ospf
    assert got.vlans == want.vlans


def test_vrp8_push_commits_its_lines_and_a_refused_line_applies_nothing() -> None:
    from labkit import lab_config

    from orchestrator.errors import DeviceError

    with running_lab([DeviceSpec("r8", "huawei_vrpv8", lab_config("huawei_vrpv8"))]) as lab:
        driver = get_driver("huawei_vrpv8")(
            "127.0.0.1",
            CREDENTIALS.username,
            CREDENTIALS.password,
            optional_args={"port": lab.devices["r8"].port, "known_hosts": str(lab.known_hosts)},
        )
        driver.open()
        try:
            driver.push(["interface LoopBack10", "description pushed"])
            assert "interface LoopBack10\n description pushed" in lab.devices["r8"].running_text
            with pytest.raises(DeviceError, match="nothing was committed"):
                driver.push(["interface LoopBack11", "no-such-command"])
            assert "LoopBack11" not in lab.devices["r8"].running_text
        finally:
            driver.close()

"""The cutover path for the lab's H3C and ZTE replacements: the old box's config translated by
cutover, committed by the driver over SSH to the new box as the inventory starts it, and read
back by the project's own parser to the same model: every line the translator wrote is one the
emulated OS accepts in the view it was written for."""

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
    ("b-rtr1", "b-rtr1-new", "hp_comware", None),
    ("b-sw1", "b-sw1-new", "hp_comware", "S6520X-30QC-EI"),
    ("c-rtr1", "c-rtr1-new", "zte_zxros", "ZXR10 5960-52TM"),
]
PORT_MAPS = {"b-rtr1": {"ge-0/0/0": "GigabitEthernet1/0/0", "ge-0/0/1": "GigabitEthernet1/0/1"}}


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
        assert got.static_routes == want.static_routes
        assert got.ospf == want.ospf
        assert got.vlans == want.vlans

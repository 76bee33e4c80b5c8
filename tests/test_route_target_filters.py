"""Junos communities made of route targets: VRP writes them as extended community filters."""

from __future__ import annotations

import pytest

from orchestrator.translate import translate_text

JUNOS = """\
policy-options {
    policy-statement TENANT-A-import {
        term evpn {
            from community TENANT-A-community;
            then accept;
        }
    }
    community TENANT-A-community members target:65000:10000;
}
"""


@pytest.mark.parametrize("target", ["huawei_vrp", "huawei_vrpv8"])
def test_route_target_lists_become_extcommunity_filters(target: str) -> None:
    result = translate_text(JUNOS, target, source="juniper_junos")
    assert result.roundtrip.ok, result.roundtrip.differences
    lines = result.target_config.splitlines()
    # a basic community filter cannot hold `target:`; VRP's extcommunity filter holds `rt`
    assert "ip extcommunity-filter basic TENANT-A-community permit rt 65000:10000" in lines
    assert " if-match extcommunity-filter TENANT-A-community" in lines
    assert not any(line.startswith("ip community-filter") for line in lines)
    members = next(line for line in result.lines if line.text.startswith("community TENANT-A"))
    assert members.status == "translated"
    assert members.target == [
        "ip extcommunity-filter basic TENANT-A-community permit rt 65000:10000"
    ]


def test_ios_writes_and_reads_route_target_lists_as_extcommunity_lists() -> None:
    result = translate_text(JUNOS, "cisco_ios", source="juniper_junos")
    assert result.roundtrip.ok, result.roundtrip.differences
    lines = result.target_config.splitlines()
    assert "ip extcommunity-list standard TENANT-A-community permit rt 65000:10000" in lines
    assert " match extcommunity TENANT-A-community" in lines

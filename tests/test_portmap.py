"""Port maps and hardware profiles: every used source port gets a place, or an error names it."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchestrator.errors import PortMapError
from orchestrator.portmap import assign_ports, builtin_profiles, load_port_map, profile
from orchestrator.syntax import get_platform

SWITCH = """\
hostname acc1
interface GigabitEthernet1/0/1
 switchport access vlan 10
interface GigabitEthernet1/0/2
 switchport access vlan 10
interface GigabitEthernet1/0/3
 shutdown
interface TenGigabitEthernet1/1/1
 switchport mode trunk
interface Vlan10
 ip address 10.0.10.2 255.255.255.0
"""


def _config(text: str = SWITCH):  # type: ignore[no-untyped-def]
    return get_platform("cisco_ios").parse(text).config


def test_builtin_profiles_load_with_their_port_counts() -> None:
    profiles = builtin_profiles()
    s5735 = profiles["S5735-L48T4X"]
    assert s5735.platform == "huawei_vrp"
    assert len([p for p in s5735.ports if p.speed == 1000]) == 48
    assert [p.name for p in s5735.ports if p.speed == 10000] == [
        f"XGigabitEthernet0/0/{n}" for n in range(1, 5)
    ]
    assert {"CE6881-48S6CQ", "NE40E-X3A", "S6520X-30QC-EI", "ZXR10 5960-52TM"} <= set(profiles)


def test_ports_are_assigned_by_speed_in_order() -> None:
    assigned = assign_ports(_config(), "cisco_ios", profile("S5735-L48T4X"))
    assert assigned == {
        "GigabitEthernet1/0/1": "GigabitEthernet0/0/1",
        "GigabitEthernet1/0/2": "GigabitEthernet0/0/2",
        "TenGigabitEthernet1/1/1": "XGigabitEthernet0/0/1",
        "GigabitEthernet1/0/3": "GigabitEthernet0/0/3",
    }


def test_pinned_ports_win_and_the_rest_fill_around_them() -> None:
    pinned = {"Gi1/0/2": "GigabitEthernet0/0/1"}
    assigned = assign_ports(_config(), "cisco_ios", profile("S5735-L48T4X"), pinned)
    assert assigned["GigabitEthernet1/0/2"] == "GigabitEthernet0/0/1"
    assert assigned["GigabitEthernet1/0/1"] == "GigabitEthernet0/0/2"


def test_a_pinned_port_the_hardware_lacks_is_named() -> None:
    with pytest.raises(PortMapError, match=r"GigabitEthernet0/0/49.*S5735-L48T4X does not have"):
        assign_ports(
            _config(),
            "cisco_ios",
            profile("S5735-L48T4X"),
            {"GigabitEthernet1/0/1": "GigabitEthernet0/0/49"},
        )


def test_a_used_port_with_no_room_is_an_error_naming_it() -> None:
    text = "".join(
        f"interface TenGigabitEthernet1/1/{n}\n description up{n}\n" for n in range(1, 6)
    )
    with pytest.raises(PortMapError) as info:
        assign_ports(_config(text), "cisco_ios", profile("S5735-L48T4X"))
    assert "TenGigabitEthernet1/1/5 (10 Gbit/s) has no free port on the S5735-L48T4X" in str(
        info.value
    )
    assert info.value.exit_code == 2


def test_a_shut_port_with_no_room_is_left_out_not_an_error() -> None:
    text = "".join(
        f"interface TenGigabitEthernet1/1/{n}\n description up{n}\n" for n in range(1, 5)
    )
    text += "interface TenGigabitEthernet1/1/5\n shutdown\n"
    assigned = assign_ports(_config(text), "cisco_ios", profile("S5735-L48T4X"))
    assert "TenGigabitEthernet1/1/5" not in assigned
    assert len(assigned) == 4


def test_port_map_file_forms_and_errors(tmp_path: Path) -> None:
    flat = tmp_path / "flat.yaml"
    flat.write_text("Gi0/1: GigabitEthernet0/0/7\n")
    assert load_port_map(flat) == {"Gi0/1": "GigabitEthernet0/0/7"}
    nested = tmp_path / "nested.yaml"
    nested.write_text("ports:\n  Gi0/1: GigabitEthernet0/0/7\n")
    assert load_port_map(nested) == {"Gi0/1": "GigabitEthernet0/0/7"}
    broken = tmp_path / "broken.yaml"
    broken.write_text("Gi0/1: GigabitEthernet0/0/7\n  - oops: [\n")
    with pytest.raises(PortMapError, match=r"broken.yaml:\d+: not valid YAML"):
        load_port_map(broken)
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("Gi0/1: [1, 2]\n")
    with pytest.raises(PortMapError, match="must map a port name to a port name"):
        load_port_map(wrong)
    with pytest.raises(PortMapError, match="no such port map file"):
        load_port_map(tmp_path / "missing.yaml")


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(PortMapError, match="S5735-L48T4X"):
        profile("S9999")

"""The lab's shared engine over real SSH with the real Netmiko classes (VRP5 persona)."""

from __future__ import annotations

import re
from pathlib import Path

import asyncssh
import pytest
from labkit import connect, lab_config, running_lab
from netmiko import ConnectHandler, NetmikoAuthenticationException

from orchestrator.devices._configdiff import DEFAULT_REPLACE_KEYS
from orchestrator.lab.configtree import ConfigTree
from orchestrator.lab.lab import Credentials, DeviceSpec, Lab, LabSpec
from orchestrator.lab.platforms import get_persona
from orchestrator.lab.topology import Cable


def _two_boxes() -> list[DeviceSpec]:
    text = lab_config("huawei_vrp")
    return [
        DeviceSpec("r1", "huawei_vrp", text),
        DeviceSpec(
            "r2", "huawei_vrp", text.replace("HQ-AR1", "HQ-AR2").replace("10.0.0.1", "10.0.0.2")
        ),
    ]


def test_netmiko_pushes_config_and_saves_on_the_vrp5_persona() -> None:
    with running_lab(_two_boxes()) as lab:
        conn = connect(lab, "r1", "huawei")
        try:
            assert conn.find_prompt() == "<HQ-AR1>"
            output = conn.send_config_set(
                ["interface GigabitEthernet0/0/1", "description swapped", "no-such-command x"]
            )
            assert "Error: Unrecognized command found at '^' position." in output
            running = conn.send_command("display current-configuration")
            assert " description swapped\n" in running
            assert "no-such-command" not in running
            assert lab.devices["r1"].saved_text is not None
            assert "swapped" not in lab.devices["r1"].saved_text
            conn.save_config()
            assert "description swapped" in lab.devices["r1"].saved_text
        finally:
            conn.disconnect()


def test_an_unknown_host_key_is_refused() -> None:
    with running_lab(_two_boxes()) as lab:
        lab.known_hosts.write_text("", encoding="utf-8")
        try:
            connect(lab, "r1", "huawei")
        except Exception as exc:  # paramiko's SSHException: not in known_hosts
            assert "known_hosts" in str(exc) or "not found" in str(exc)
        else:
            raise AssertionError("a box whose key is not in known_hosts was accepted")


def test_moving_a_cable_changes_interface_state_and_lldp() -> None:
    with running_lab(
        _two_boxes(), [Cable(("r1", "GigabitEthernet0/0/1"), ("r2", "GigabitEthernet0/0/1"))]
    ) as lab:
        state = lab.state
        up = {p.name: p.oper_up for p in state.ports("r1")}
        assert up["GigabitEthernet0/0/1"] is True
        assert [n.remote_system for n in state.lldp("r1")] == ["HQ-AR2"]
        lab.move_cable("r2", "GigabitEthernet0/0/1", "r2", "GigabitEthernet0/0/2")
        up = {p.name: p.oper_up for p in state.ports("r1")}
        assert up["GigabitEthernet0/0/1"] is True  # still cabled, to a port r2 has not configured
        assert [n.remote_port for n in state.lldp("r1")] == ["GigabitEthernet0/0/2"]


def test_a_negation_the_parser_reads_is_kept_and_replaced_by_its_positive_form() -> None:
    with running_lab(_two_boxes()) as lab:
        conn = connect(lab, "r1", "huawei")
        af = ["bgp 65001", "ipv4-family unicast"]
        try:
            conn.send_config_set([*af, "synchronization"])
            running = conn.send_command("display current-configuration")
            assert "  synchronization\n" in running
            assert "undo synchronization" not in running
            conn.send_config_set([*af, "undo synchronization", "undo synchronization"])
            running = conn.send_command("display current-configuration")
            assert "  undo synchronization\n" in running
            assert "  synchronization\n" not in running
        finally:
            conn.disconnect()


def test_key_login_with_the_keys_of_an_authorized_keys_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = asyncssh.generate_private_key("ssh-ed25519")
    key.write_private_key(str(tmp_path / "id_ed25519"))
    key.write_public_key(str(tmp_path / "authorized_keys"))
    monkeypatch.setenv("CUTOVER_LAB_AUTHORIZED_KEYS", str(tmp_path / "authorized_keys"))
    creds = Credentials("keyuser", "unused-password").with_keys_from_env()
    assert len(creds.authorized_keys) == 1
    lab = Lab(LabSpec(_two_boxes()[:1]), tmp_path / "lab", creds)
    with lab:
        args = {
            "device_type": "huawei",
            "host": "127.0.0.1",
            "port": lab.devices["r1"].port,
            "username": "keyuser",
            "use_keys": True,
            "key_file": str(tmp_path / "id_ed25519"),
            "allow_agent": False,
            "ssh_strict": True,
            "system_host_keys": False,
            "alt_host_keys": True,
            "alt_key_file": str(lab.known_hosts),
        }
        conn = ConnectHandler(**args)
        try:
            assert conn.find_prompt() == "<HQ-AR1>"
        finally:
            conn.disconnect()
        other = asyncssh.generate_private_key("ssh-ed25519")
        other.write_private_key(str(tmp_path / "stranger"))
        with pytest.raises(NetmikoAuthenticationException):
            ConnectHandler(**{**args, "key_file": str(tmp_path / "stranger")})


@pytest.mark.parametrize(
    ("platform", "header", "old", "new"),
    [
        (
            "cisco_ios",
            "interface Gi0/1",
            "ip address 10.0.0.1 255.255.255.0",
            "ip address 10.0.0.2 255.255.255.0",
        ),
        ("cisco_nxos", "interface Ethernet1/1", "ip address 10.0.0.1/24", "ip address 10.0.0.2/24"),
        (
            "huawei_vrp",
            "interface GigabitEthernet0/0/1",
            "ip address 10.0.0.1 255.255.255.0",
            "ip address 10.0.0.2 255.255.255.0",
        ),
        (
            "huawei_vrpv8",
            "interface GE1/0/1",
            "ip address 10.0.0.1 255.255.255.0",
            "ip address 10.0.0.2 255.255.255.0",
        ),
        (
            "hp_comware",
            "interface GigabitEthernet1/0/1",
            "ip address 10.0.0.1 255.255.255.0",
            "ip address 10.0.0.2 255.255.255.0",
        ),
        (
            "zte_zxros",
            "interface gei-1/1/0/1",
            "ip address 10.0.0.1 255.255.255.0",
            "ip address 10.0.0.2 255.255.255.0",
        ),
    ],
)
def test_a_new_primary_address_replaces_the_old_one_on_every_indented_persona(
    platform: str, header: str, old: str, new: str
) -> None:
    tree = get_persona(platform).tree(f"{header}\n {old}\n")
    tree.add([header], new)
    block = tree.block([header])
    assert block is not None
    assert [child.text for child in block.children] == [new]


def test_the_drivers_default_replace_keys_replace_a_primary_address() -> None:
    tree = ConfigTree.from_text(
        "interface X\n ip address 10.0.0.1 255.255.255.0\n",
        [re.compile(k) for k in DEFAULT_REPLACE_KEYS],
    )
    tree.add(["interface X"], "ip address 10.0.0.2 255.255.255.0")
    tree.add(["interface X"], "ip address 10.0.9.1 255.255.255.0 secondary")
    assert [c.text for c in tree.root.children[0].children] == [
        "ip address 10.0.0.2 255.255.255.0",
        "ip address 10.0.9.1 255.255.255.0 secondary",
    ]

"""The IOS/IOS-XE persona over real SSH with the real Netmiko `cisco_ios` class: prompts, paging,
errors in IOS's words, config push and save, and the safety net (archive, configure replace
with a revert timer, configure confirm, revert trigger error).

A small site: SITEA-CORE1 (the box under test, `tests/lab_configs/cisco_ios.cfg`) with eBGP to
an ISP router on Gi1/0/1, OSPF and a LACP trunk to SITEA-CORE2 on Gi1/0/2-3.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from labkit import connect, lab_config, running_lab

from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms import get_persona
from orchestrator.lab.platforms.cisco_ios import CiscoIos
from orchestrator.lab.topology import Cable

ISP = """\
hostname ISP-A-PE1
!
interface Loopback0
 ip address 203.0.113.1 255.255.255.255
!
interface GigabitEthernet1/0/1
 description to SITEA-CORE1
 no switchport
 ip address 198.51.100.1 255.255.255.252
!
router bgp 64500
 bgp router-id 203.0.113.1
 neighbor 198.51.100.2 remote-as 65010
 address-family ipv4
  network 203.0.113.0 mask 255.255.255.0
  neighbor 198.51.100.2 activate
 exit-address-family
!
ip route 203.0.113.0 255.255.255.0 Null0
!
end
"""


def core2_config() -> str:
    """SITEA-CORE2: the core's twin on the other end of the OSPF link and the trunk."""
    text = lab_config("cisco_ios")
    for old, new in (
        ("SITEA-CORE1", "SITEA-CORE2"),
        ("10.0.12.1 ", "10.0.12.2 "),
        ("10.255.0.1", "10.255.0.2"),
        ("10.10.10.2 ", "10.10.10.3 "),
        ("10.10.20.2 ", "10.10.20.3 "),
        ("10.10.99.2 ", "10.10.99.3 "),
    ):
        text = text.replace(old, new)
    return text


def site() -> tuple[list[DeviceSpec], list[Cable]]:
    devices = [
        DeviceSpec("core1", "cisco_ios", lab_config("cisco_ios")),
        DeviceSpec("core2", "cisco_ios", core2_config()),
        DeviceSpec("isp", "cisco_ios", ISP),
    ]
    cables = [
        Cable(("core1", "GigabitEthernet1/0/1"), ("isp", "GigabitEthernet1/0/1")),
        Cable(("core1", "GigabitEthernet1/0/2"), ("core2", "GigabitEthernet1/0/2")),
        Cable(("core1", "GigabitEthernet1/0/3"), ("core2", "GigabitEthernet1/0/3")),
    ]
    return devices, cables


@pytest.fixture
def lab() -> Iterator[Lab]:
    devices, cables = site()
    with running_lab(devices, cables) as running:
        yield running


@pytest.fixture
def conn(lab: Lab) -> Iterator[Any]:
    session = connect(lab, "core1", "cisco_ios")
    try:
        yield session
    finally:
        session.disconnect()


@pytest.fixture
def short_minutes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A revert timer minute lasts half a second (the behaviour is the same, only shorter)."""
    monkeypatch.setattr(CiscoIos, "minute_seconds", 0.5)


def wait_for(condition: Callable[[], bool], seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def running(lab: Lab) -> str:
    """The box's running config as `show running-config` prints it, headers aside."""
    persona = get_persona("cisco_ios")
    return persona.config_text(persona.tree(lab.devices["core1"].running_text))


# -- session ---------------------------------------------------------------------------------------
def test_netmiko_finds_the_prompt_and_paging_is_off(conn: Any) -> None:
    assert conn.find_prompt() == "SITEA-CORE1#"
    output = conn.send_command("show running-config")
    assert output.startswith("Building configuration...")
    assert "Current configuration : " in output
    assert "--More--" not in output
    assert output.rstrip().endswith("end")
    assert len(output.splitlines()) > 100  # far more than a page: paging really is off


def test_errors_are_in_ios_words(conn: Any) -> None:
    invalid = conn.send_command("show foo")
    assert "% Invalid input detected at '^' marker." in invalid
    caret = next(line for line in invalid.splitlines() if line.strip() == "^")
    assert caret.index("^") == len("SITEA-CORE1#show ")  # under the word it could not read
    assert "% Incomplete command." in conn.send_command("show ip")
    assert '% Ambiguous command:  "sh i"' in conn.send_command("sh i")


def test_abbreviations_and_output_filters(conn: Any) -> None:
    output = conn.send_command("sh ip int br | include Loopback|Vlan10")
    assert [line.split()[0] for line in output.splitlines()] == ["Loopback0", "Vlan10"]
    section = conn.send_command("sh run | section router bgp")
    assert section.splitlines()[0] == "router bgp 65010"
    assert " neighbor 198.51.100.1 remote-as 64500" in section
    assert "hostname" not in section


def test_user_exec_needs_enable(conn: Any) -> None:
    conn.send_command("disable", expect_string=r">\s*$")
    assert conn.find_prompt() == "SITEA-CORE1>"
    refused = conn.send_command("configure terminal", expect_string=r">\s*$")
    assert "% Invalid input detected at '^' marker." in refused
    conn.enable()
    assert conn.find_prompt() == "SITEA-CORE1#"


# -- configuration ---------------------------------------------------------------------------------
def test_config_push_lands_in_the_right_modes_and_save_writes_startup(lab: Lab, conn: Any) -> None:
    output = conn.send_config_set(
        [
            "interface Loopback9",
            "description pushed by netmiko",
            "ip address 10.99.0.1 255.255.255.255",
            "ip route 10.99.0.0 255.255.0.0 Null0",  # a global line: IOS leaves the interface
            "router ospf 1",
            "network 10.99.0.1 0.0.0.0 area 0",
            "no-such-command here",
        ]
    )
    assert "SITEA-CORE1(config-if)#" in output
    assert "SITEA-CORE1(config-router)#" in output
    assert "% Invalid input detected at '^' marker." in output
    text = running(lab)
    assert "interface Loopback9\n description pushed by netmiko\n ip address 10.99.0.1" in text
    assert "\nip route 10.99.0.0 255.255.0.0 Null0\n" in text
    assert " network 10.99.0.1 0.0.0.0 area 0\n" in text
    assert "no-such-command" not in text
    assert "Loopback9" not in (lab.devices["core1"].saved_text or "")
    assert "[OK]" in conn.save_config()
    assert "Loopback9" in (lab.devices["core1"].saved_text or "")
    startup = conn.send_command("show startup-config")
    assert startup.startswith("Using ") and "interface Loopback9" in startup


def test_copy_running_startup_asks_for_the_destination(lab: Lab, conn: Any) -> None:
    conn.send_config_set(["hostname SITEA-CORE1", "ntp server 10.10.99.124"])
    question = conn.send_command(
        "copy running-config startup-config", expect_string=r"\[startup-config\]\?"
    )
    assert "Destination filename [startup-config]?" in question
    done = conn.send_command("", expect_string=r"#\s*$")
    assert "[OK]" in done
    assert "ntp server 10.10.99.124" in (lab.devices["core1"].saved_text or "")


def test_a_hostname_change_changes_the_prompt(conn: Any) -> None:
    conn.send_config_set(["hostname SITEA-CORE1-RENAMED-LONGNAME"], exit_config_mode=False)
    assert conn.find_prompt() == "SITEA-CORE1-RENAMED-(config)#"  # IOS cuts it at 20
    conn.exit_config_mode()
    assert conn.find_prompt() == "SITEA-CORE1-RENAMED-LONGNAME#"


# -- the safety net --------------------------------------------------------------------------------
def put_file(conn: Any, name: str, text: str) -> None:
    """Write a flash file through tclsh, as NAPALM's inline transfer does (without its sleeps)."""
    conn.send_command("tclsh", expect_string=r"\(tcl\)#")
    body = "\r".join(text.rstrip("\n").splitlines())
    conn.write_channel(f'puts [open "flash:{name}" w+] {{{body}}}\r')
    conn.read_until_pattern(pattern=r"\(tcl\)#\s*$")
    conn.send_command("tclquit", expect_string=r"#\s*$")


def candidate(lab: Lab, old: str, new: str) -> str:
    text = running(lab)
    assert old in text
    return text.replace(old, new)


def test_tclsh_writes_the_file_byte_for_byte(lab: Lab, conn: Any) -> None:
    text = "interface Loopback5\n description in a file\n ip address 10.5.5.5 255.255.255.255\n"
    put_file(conn, "merge.cfg", text)
    assert lab.devices["core1"].files["flash:merge.cfg"] == text
    listing = conn.send_command("dir flash:/merge.cfg")
    assert "Directory of flash:/merge.cfg" in listing and "merge.cfg" in listing
    assert "%Error opening" in conn.send_command("dir flash:/nothing.cfg")
    merged = conn.send_command("copy flash:merge.cfg running-config", expect_string=r"\?")
    assert "Destination filename [running-config]?" in merged
    conn.send_command("", expect_string=r"#\s*$")
    assert " description in a file" in running(lab)


def test_configure_replace_with_a_timer_reverts_unless_confirmed(
    lab: Lab, conn: Any, short_minutes: None
) -> None:
    before = running(lab)
    put_file(conn, "cand.cfg", candidate(lab, "10.10.99.123", "10.10.99.200"))
    output = conn.send_command(
        "configure replace flash:cand.cfg force revert trigger error timer 2"
    )
    assert "Rollback Done" in output
    assert "ntp server 10.10.99.200" in running(lab)
    timer = conn.send_command("show archive config rollback timer")
    assert "Timer value: 2 min" in timer and "User: labuser" in timer
    assert wait_for(lambda: running(lab) == before)
    assert "No Rollback Confirmed Change pending" in conn.send_command(
        "show archive config rollback timer"
    )
    archive = conn.send_command("show archive")
    assert "flash:archive-1" in archive  # the config the revert went back to was archived


def test_configure_confirm_keeps_the_change(
    lab: Lab, conn: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a minute of 3 s: long enough for `configure confirm` to arrive first on a loaded machine
    monkeypatch.setattr(CiscoIos, "minute_seconds", 3.0)
    put_file(conn, "cand.cfg", candidate(lab, "10.10.99.123", "10.10.99.201"))
    conn.send_command("configure replace flash:cand.cfg force timer 1")
    assert conn.send_command("configure confirm") == ""
    time.sleep(6.0)  # twice the timer: a revert would have happened by now
    assert "ntp server 10.10.99.201" in running(lab)


def test_configure_terminal_revert_timer_reverts_a_cli_change(
    lab: Lab, conn: Any, short_minutes: None
) -> None:
    before = running(lab)
    conn.send_config_set(
        ["interface Loopback8", "description undone by the timer"],
        config_mode_command="configure terminal revert timer 1",
    )
    assert "Loopback8" in running(lab)
    assert wait_for(lambda: running(lab) == before)


def test_revert_trigger_error_restores_the_original(lab: Lab, conn: Any) -> None:
    before = running(lab)
    put_file(conn, "bad.cfg", candidate(lab, "lldp run", "lldp run\nno-such-command at all"))
    output = conn.send_command("configure replace flash:bad.cfg force revert trigger error")
    assert "Failed to apply command no-such-command at all" in output
    assert "The original configuration has been successfully restored." in output
    assert running(lab) == before


def test_the_revert_timer_needs_the_archive(lab: Lab, conn: Any) -> None:
    conn.send_config_set(["no archive"])
    assert "Archive feature not enabled" in conn.send_command("show archive")
    put_file(conn, "cand.cfg", running(lab))
    output = conn.send_command("configure replace flash:cand.cfg force timer 5")
    assert "%Please turn config archive on" in output

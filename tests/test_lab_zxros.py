"""The ZTE ZXROS NG persona over real SSH with Netmiko's own `zte_zxros` class: landing at
`HOST#`, paging, `configure terminal` and its views, errors in ZTE's words, the running config
in ZXROS's `!<section>` / `$` layout, `write`, and restore from the saved configuration."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from labkit import CREDENTIALS, connect, lab_config, running_lab

from orchestrator.devices import get_driver
from orchestrator.devices._configdiff import ConfigDialect
from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.syntax import get_platform

PROMPT = r"C-EDGE-R1#"


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with running_lab([DeviceSpec("r1", "zte_zxros", lab_config("zte_zxros"))]) as running:
        yield running


@pytest.fixture
def conn(lab: Lab) -> Iterator[Any]:
    box = lab.devices["r1"]
    box.set_running(lab_config("zte_zxros"))
    box.saved_text = box.running_text
    lab.changed(box)
    session = connect(lab, "r1", "zte_zxros")
    try:
        yield session
    finally:
        session.disconnect()


def lines(text: str) -> set[tuple[str, ...]]:
    """Every config line under its headers (ZXROS orders its sections itself)."""
    dialect = ConfigDialect(comments=(r"!", r"\$$"), indent=2)
    found: set[tuple[str, ...]] = set()

    def walk(path: tuple[str, ...], children: list[Any]) -> None:
        for child in children:
            found.add((*path, child.text))
            walk((*path, child.text), child.children)

    walk((), dialect.tree(text).root.children)
    return found


def test_lands_at_the_privileged_prompt_and_pages(conn: Any) -> None:
    assert conn.find_prompt() == "C-EDGE-R1#"
    assert conn.check_enable_mode()
    conn.send_command("terminal length 24", expect_string=PROMPT)
    conn.write_channel("show running-config\n")
    first = conn.read_until_pattern(pattern=r"--More--")
    assert "hostname C-EDGE-R1" in first and "!</ssh>" not in first
    conn.write_channel("q")
    conn.read_until_pattern(pattern=PROMPT)
    conn.send_command("terminal length 0", expect_string=PROMPT)
    assert conn.send_command("show running-config").rstrip().endswith("!</ssh>")


def test_configure_terminal_views_and_errors(lab: Lab, conn: Any) -> None:
    output = conn.send_config_set(
        [
            "interface gei-1/1/0/3",
            "description pushed",
            "no-such-command x",
            "ip address",
            "exit",
            "lldp",
            "interface gei-1/1/0/3",
            "lldp enable",
            "!",
            "show running-config lldp",
        ]
    )
    assert "Enter configuration commands, one per line.  End with CTRL/Z." in output
    assert "C-EDGE-R1(config-if-gei-1/1/0/3)#description pushed" in output
    rows = output.splitlines()
    bad = rows.index("C-EDGE-R1(config-if-gei-1/1/0/3)#no-such-command x")
    assert rows[bad + 1].index("^") == len("C-EDGE-R1(config-if-gei-1/1/0/3)#")
    assert rows[bad + 2] == "%Error 140303: Invalid input detected at '^' marker."
    assert rows[rows.index("C-EDGE-R1(config-if-gei-1/1/0/3)#ip address") + 1] == (
        "%Error 140305: Incomplete command."
    )
    assert "C-EDGE-R1(config-lldp-if-gei-1/1/0/3)#lldp enable" in output
    assert "C-EDGE-R1(config-lldp)#show running-config lldp" in output  # `!` left the view
    assert "  interface gei-1/1/0/3\n    lldp enable\n  $\n" in output
    ambiguous = conn.send_command("con t", expect_string=PROMPT)
    assert "%Error 140301: Ambiguous command" in ambiguous


def test_running_config_layout_parses_with_the_project_parser(lab: Lab, conn: Any) -> None:
    conn.send_config_set(["interface loopback1", "description second loopback", "exit"])
    shown = conn.send_command("show running-config")
    assert shown.startswith("!<mim>\n")
    assert "!<if-intf>\ninterface loopback0\n" in shown
    assert "interface loopback1\n  description second loopback\n$\n" in shown
    report = get_platform("zte_zxros").parse(shown, path="r1").report
    assert not [o for o in report.lines.values() if o.outcome == "unsupported"]
    assert "loopback1" in lab.devices["r1"].config.interfaces


def test_write_saves_and_show_startup_config_reads_it(lab: Lab, conn: Any) -> None:
    box = lab.devices["r1"]
    conn.send_config_set(["ip route 10.77.0.0 255.255.0.0 10.30.0.2"])
    assert "10.77.0.0" not in (box.saved_text or "")
    output = conn.save_config()  # Netmiko: `write`
    assert "[OK]" in output
    assert "ip route 10.77.0.0 255.255.0.0 10.30.0.2" in (box.saved_text or "")
    assert "ip route 10.77.0.0" in conn.send_command("show startup-config")


def test_restore_from_the_saved_configuration(lab: Lab, conn: Any) -> None:
    """Saved with `write`, changed with Netmiko, restored by the driver in a new session."""
    box = lab.devices["r1"]
    conn.save_config()
    saved = lines(box.saved_text or "")
    conn.send_config_set(
        [
            "interface gei-1/1/0/3",
            "description changed",
            "no shutdown",
            "exit",
            "ip route 10.88.0.0 255.255.0.0 10.30.0.2",
            "no ntp server 10.30.0.123 priority 1",
        ]
    )
    assert lines(box.running_text) != saved
    driver = get_driver("zte_zxros")(
        "127.0.0.1",
        CREDENTIALS.username,
        CREDENTIALS.password,
        30,
        {"port": box.port, "known_hosts": lab.known_hosts},
    )
    driver.open()
    try:
        driver.rollback()
    finally:
        driver.close()
    assert lines(box.running_text) == saved
    assert "ntp server 10.30.0.123 priority 1" in box.running_text

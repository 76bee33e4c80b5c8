"""The Junos persona over real SSH with the real Netmiko `juniper_junos` class: login and the
three `set cli` replies, prompts and `[edit]` lines, show commands, errors in Junos's words,
the candidate with `commit`, `commit confirmed N` (reverted unless confirmed), `rollback N`,
`configure exclusive`/`private`, and leaving with uncommitted changes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from labkit import connect, lab_config, running_lab

from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms.juniper_junos import JuniperJunos
from orchestrator.syntax import get_platform

HOST = "BR-MX1"
PROMPT = f"labuser@{HOST}"
LAB_MINUTE = 1.5


def _wait_for(condition: Callable[[], bool], seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def lab() -> Iterator[Lab]:
    with running_lab([DeviceSpec("r1", "juniper_junos", lab_config("juniper_junos"))]) as lab:
        yield lab


@pytest.fixture
def fast_minutes(monkeypatch: pytest.MonkeyPatch) -> None:
    """One minute of `commit confirmed N` lasts 1.5 s in these tests."""
    monkeypatch.setattr(JuniperJunos, "minute_seconds", LAB_MINUTE)


def test_the_lab_config_reads_with_the_junos_parser() -> None:
    parsed = get_platform("juniper_junos").parse(lab_config("juniper_junos"))
    assert parsed.config.system.hostname == HOST
    assert parsed.config.bgp is not None and parsed.config.bgp.asn == "65020"
    assert "ae0.10" in parsed.config.interfaces
    refused = [n for n, line in parsed.report.lines.items() if line.outcome == "unsupported"]
    assert refused == []


def test_netmiko_logs_in_and_gets_the_set_cli_replies(lab: Lab) -> None:
    conn = connect(lab, "r1", "juniper_junos")
    try:
        assert conn.find_prompt() == f"{PROMPT}>"
        assert conn.base_prompt == PROMPT
        width = conn.send_command("set cli screen-width 200", expect_string=r">\s*$")
        assert "Screen width set to 200" in width
        length = conn.send_command("set cli screen-length 0", expect_string=r">\s*$")
        assert "Screen length set to 0" in length
        space = conn.send_command("set cli complete-on-space off", expect_string=r">\s*$")
        assert "Disabling complete-on-space" in space
        # paging is off (Netmiko turned it off at login): a long output comes whole
        config = conn.send_command("show configuration")
        assert "---(more)---" not in config
        assert config.startswith("## Last commit: ")
        assert config.rstrip().endswith("}")
    finally:
        conn.disconnect()


def test_show_commands_errors_and_abbreviations(lab: Lab) -> None:
    conn = connect(lab, "r1", "juniper_junos")
    try:
        version = conn.send_command("sh ver")
        assert f"Hostname: {HOST}" in version
        assert "Model: mx204" in version
        assert "Junos: 21.4R3-S5.4" in version
        terse = conn.send_command("show interfaces terse")
        assert "lo0.0                   up    up   inet     10.20.255.255" in terse
        assert "xe-0/1/5                down  down" in terse
        assert "xe-0/1/2.10             up    down aenet    --> ae0.10" in terse
        unknown = conn.send_command("shw version")
        assert unknown.splitlines()[-1] == "unknown command."
        assert unknown.splitlines()[0].index("^") == len(f"{PROMPT}> ")
        syntax = conn.send_command("show foo")
        assert syntax.splitlines()[-1] == "syntax error."
        assert syntax.splitlines()[0].index("^") == len(f"{PROMPT}> show ")
        ambiguous = conn.send_command("show v")
        assert "'v' is ambiguous." in ambiguous
        assert "Possible completions:" in ambiguous
        assert "  version " in ambiguous and "  vlans " in ambiguous
        piped = conn.send_command("show configuration | display set | match host-name")
        assert piped.strip() == f"set system host-name {HOST}"
        counted = conn.send_command("show interfaces terse | count")
        assert counted.strip() == f"Count: {len(terse.strip().splitlines())} lines"
    finally:
        conn.disconnect()


def test_config_mode_prompts_push_and_commit(lab: Lab) -> None:
    box = lab.devices["r1"]
    conn = connect(lab, "r1", "juniper_junos")
    try:
        output = conn.send_config_set(
            [
                "edit interfaces xe-0/1/5",
                'set description "moved to spare pool"',
                "up",
                "set xe-0/1/6 unit 0 family inet address 10.20.30.1/24",
                "top",
                "set foo bar",
                "set system host-name",
            ],
            exit_config_mode=False,
        )
        assert "Entering configuration mode" in output
        assert "\n[edit interfaces xe-0/1/5]\n" in output
        assert "\n[edit interfaces]\n" in output
        assert "syntax error." in output
        assert "missing argument." in output
        assert conn.check_config_mode()
        diff = conn.send_command("show | compare")
        assert "[edit interfaces xe-0/1/5]\n-  description spare;\n+  description " in diff
        assert "+   xe-0/1/6 {" in diff or "+  xe-0/1/6 {" in diff
        assert "moved to spare pool" not in box.running_text  # not committed yet
        result = conn.commit(comment="spare pool")
        assert "commit complete" in result
        assert 'description "moved to spare pool";' in box.running_text
        assert "10.20.30.1/24" in box.running_text
        assert "foo" not in box.running_text
        assert box.config.interfaces["xe-0/1/6"].ipv4[0].address.with_prefixlen == ("10.20.30.1/24")
        history = conn.send_command("run show system commit")
        first = history.strip().splitlines()
        assert first[0].startswith("0   ") and "by labuser via cli" in first[0]
        assert first[1] == "    spare pool"
        conn.exit_config_mode()
        assert conn.find_prompt() == f"{PROMPT}>"
        shown = conn.send_command("show configuration interfaces xe-0/1/5")
        assert shown.splitlines() == ['description "moved to spare pool";', "disable;"]
    finally:
        conn.disconnect()


def test_leaving_with_uncommitted_changes_asks_and_keeps_them_in_the_shared_candidate(
    lab: Lab,
) -> None:
    conn = connect(lab, "r1", "juniper_junos")
    try:
        conn.config_mode()
        conn.send_command("set system location building-7", expect_string=r"#\s*$")
        out = conn.exit_config_mode()  # Netmiko answers the question with "yes"
        assert "Exit with uncommitted changes? [yes,no] (yes)" in out
        assert "Exiting configuration mode" in out
        again = conn.config_mode()
        assert "The configuration has been changed but not committed" in again
        assert "building-7" in conn.send_command("show | compare")
        assert "building-7" not in lab.devices["r1"].running_text
        conn.send_command("rollback 0", expect_string=r"#\s*$")
        assert conn.send_command("show | compare").strip() == ""
    finally:
        conn.disconnect()


def test_commit_confirmed_rolls_back_unless_confirmed(lab: Lab, fast_minutes: None) -> None:
    box = lab.devices["r1"]
    before = box.running_text
    conn = connect(lab, "r1", "juniper_junos")
    try:
        conn.send_config_set(["set system location rack-9"], exit_config_mode=False)
        output = conn.commit(confirm=True, confirm_delay=2)
        assert "commit confirmed will be automatically rolled back in 2 minutes" in output
        assert "rack-9" in box.running_text
        prompt = conn.send_command("show | compare", strip_prompt=False)
        assert "# commit confirmed will be rolled back in" in prompt
        assert "commit confirmed, rollback in 2mins" in conn.send_command("run show system commit")
        assert _wait_for(lambda: "rack-9" not in box.running_text)
        assert box.running_text == before
        history = conn.send_command("run show system commit").strip().splitlines()
        assert "by root via other" in history[0]
        assert "rollback in" not in history[1]

        conn.send_config_set(["set system location rack-10"], exit_config_mode=False)
        conn.commit(confirm=True, confirm_delay=2)
        confirmed = conn.commit()  # a plain commit confirms
        assert "commit complete" in confirmed
        time.sleep(3 * LAB_MINUTE)  # longer than the two lab minutes
        assert "rack-10" in box.running_text
        assert "rollback in" not in conn.send_command("run show system commit")
    finally:
        conn.disconnect()


def test_commit_check_confirms_and_a_failed_check_commits_nothing(
    lab: Lab, fast_minutes: None
) -> None:
    box = lab.devices["r1"]
    conn = connect(lab, "r1", "juniper_junos")
    try:
        conn.send_config_set(["set system location rack-11"], exit_config_mode=False)
        conn.commit(confirm=True, confirm_delay=1)
        assert "configuration check succeeds" in conn.commit(check=True)
        time.sleep(2 * LAB_MINUTE)
        assert "rack-11" in box.running_text
        conn.send_command("set protocols bgp group NEW type external", expect_string=r"#\s*$")
        conn.send_command("set protocols bgp group NEW neighbor 192.0.2.9", expect_string=r"#\s*$")
        failed = conn.send_command("commit", expect_string=r"#\s*$")
        assert "Peer AS number must be configured for an external peer" in failed
        assert failed.strip().endswith("error: configuration check-out failed")
        assert "NEW" not in box.running_text
    finally:
        conn.disconnect()


def test_rollback_loads_an_earlier_commit_into_the_candidate(lab: Lab) -> None:
    box = lab.devices["r1"]
    startup = box.running_text
    conn = connect(lab, "r1", "juniper_junos")
    try:
        conn.send_config_set(["set system location first"], exit_config_mode=False)
        conn.commit()
        conn.send_config_set(["set system location second"], exit_config_mode=False)
        conn.commit()
        assert "second" in box.running_text
        loaded = conn.send_command("rollback 2", expect_string=r"#\s*$")
        assert "load complete" in loaded
        diff = conn.send_command("show | compare")
        assert "-  location second;" in diff
        assert "location first" not in diff
        conn.commit()
        assert box.running_text == startup
        missing = conn.send_command("rollback 40", expect_string=r"#\s*$")
        assert "error: rollback 40 not found" in missing
    finally:
        conn.disconnect()


def test_configure_exclusive_locks_and_discards_on_exit(lab: Lab) -> None:
    first = connect(lab, "r1", "juniper_junos")
    second = connect(lab, "r1", "juniper_junos")
    try:
        entered = first.send_command("configure exclusive", expect_string=r"#\s*$")
        assert "warning: uncommitted changes will be discarded on exit" in entered
        first.send_command("set system location locked", expect_string=r"#\s*$")
        refused = second.send_command("configure exclusive", expect_string=r">\s*$")
        assert "error: configuration database locked by:" in refused
        second.config_mode()
        blocked = second.send_command("commit", expect_string=r"#\s*$")
        assert "error: configuration database locked by:" in blocked
        second.exit_config_mode()
        question = first.send_command(
            "exit configuration-mode", expect_string=r"\(yes\)\s*$", strip_prompt=False
        )
        assert "warning: Auto rollback on exiting 'configure exclusive'" in question
        assert "Discard uncommitted changes? [yes,no] (yes)" in question
        gone = first.send_command("yes", expect_string=r">\s*$")
        assert "warning: discarding uncommitted changes" in gone
        again = second.send_command("configure exclusive", expect_string=r"#\s*$")
        assert "Entering configuration mode" in again
        assert second.send_command("show | compare").strip() == ""
        second.send_command("exit configuration-mode", expect_string=r">\s*$")
    finally:
        first.disconnect()
        second.disconnect()


def test_configure_private_edits_a_copy(lab: Lab) -> None:
    box = lab.devices["r1"]
    editor = connect(lab, "r1", "juniper_junos")
    other = connect(lab, "r1", "juniper_junos")
    try:
        editor.send_command("configure private", expect_string=r"#\s*$")
        editor.send_command("set system location private-copy", expect_string=r"#\s*$")
        other.config_mode()
        assert "private-copy" not in other.send_command("show | compare")
        other.exit_config_mode()
        assert "commit complete" in editor.send_command("commit", expect_string=r"#\s*$")
        assert "private-copy" in box.running_text
    finally:
        editor.disconnect()
        other.disconnect()


def test_run_and_edit_levels_in_configuration_mode(lab: Lab) -> None:
    conn = connect(lab, "r1", "juniper_junos")
    try:
        conn.config_mode()
        assert "Hostname: BR-MX1" in conn.send_command("run show version")
        conn.send_command("edit protocols bgp group ISP-A", expect_string=r"#\s*$")
        level = conn.send_command("show", strip_prompt=False)
        assert "[edit protocols bgp group ISP-A]" in level
        assert "peer-as 64500;" in level
        assert "neighbor 203.0.113.1 {" in level
        conn.send_command("up", expect_string=r"#\s*$")
        assert "[edit protocols bgp]" in conn.send_command("show", strip_prompt=False)
        assert "statement not found" in conn.send_command(
            "delete group NOPE", expect_string=r"#\s*$"
        )
        conn.send_command("exit", expect_string=r"#\s*$")  # back to where `edit` started
        assert conn.send_command("show | display set | match host-name").strip() == (
            f"set system host-name {HOST}"
        )
    finally:
        conn.disconnect()


def test_the_exclusive_lock_goes_with_a_dropped_connection(lab: Lab) -> None:
    first = connect(lab, "r1", "juniper_junos")
    second = connect(lab, "r1", "juniper_junos")
    try:
        first.send_command("configure exclusive", expect_string=r"#\s*$")
        refused = second.send_command("configure exclusive", expect_string=r">\s*$")
        assert "error: configuration database locked by:" in refused
        first.remote_conn_pre.close()  # the holder's SSH connection drops, no logout

        def entered() -> bool:
            text = second.send_command("configure exclusive", expect_string=r"[#>]\s*$")
            return "Entering configuration mode" in text

        assert _wait_for(entered, 10)
        second.send_command("exit configuration-mode", expect_string=r">\s*$")
    finally:
        second.disconnect()

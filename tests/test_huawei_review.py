"""Functional review of Huawei translations: would the new box do what the old one did, and can
the engineer still log in? Each test pastes a small source and checks the reviewed target text
(VRP5 `huawei_vrp` and VRP8 `huawei_vrpv8`), the round trip and the report."""

from __future__ import annotations

import pytest

from orchestrator.translate import Translation, translate_text

BOTH = ("huawei_vrp", "huawei_vrpv8")


def translate(text: str, target: str, source: str = "cisco_ios") -> Translation:
    result = translate_text(text, target, source=source)
    assert result.roundtrip.ok, result.roundtrip.differences
    return result


def status(result: Translation, text: str) -> tuple[str, str | None]:
    line = next(ln for ln in result.lines if ln.text.strip() == text)
    return line.status, line.reason


# --- logins ---------------------------------------------------------------------------------

TACACS_BRANCH = """\
hostname br1
aaa new-model
aaa authentication login default group tacacs+ local
aaa authorization exec default group tacacs+ local
username netops privilege 15 secret 0 Sup3r-Secret
tacacs-server host 10.10.0.49 key 0 TacKey
line con 0
 exec-timeout 5 0
line vty 0 4
 transport input ssh
end
"""


@pytest.mark.parametrize("target", BOTH)
def test_tacacs_login_lists_are_bound_in_the_administrators_domain(target: str) -> None:
    """Without `hwtacacs-server` in the domain VRP never asks the TACACS+ server."""
    result = translate(TACACS_BRANCH, target)
    assert (
        " authentication-scheme default\n"
        "  authentication-mode hwtacacs local\n"
        " authorization-scheme default\n"
        "  authorization-mode hwtacacs local\n"
        " domain default_admin\n"
        "  authentication-scheme default\n"
        "  authorization-scheme default\n"
        "  hwtacacs-server default\n"
    ) in result.target_config
    assert "hwtacacs-server template default\n" in result.target_config
    login = next(ln for ln in result.lines if "login default" in ln.text)
    assert "hwtacacs-server default" in login.target


@pytest.mark.parametrize("target", BOTH)
def test_lines_under_aaa_new_model_log_in_through_aaa(target: str) -> None:
    """IOS lines with no `login` use the default list under `aaa new-model`."""
    result = translate(TACACS_BRANCH, target)
    text = result.target_config
    assert "user-interface vty 0 4\n authentication-mode aaa\n" in text
    assert "user-interface con 0\n authentication-mode aaa\n" in text
    assert status(result, "aaa new-model")[0] == "translated"
    assert (
        "authentication-mode aaa"
        in next(ln for ln in result.lines if ln.text == "aaa new-model").target
    )


def test_radius_and_tacacs_servers_outside_groups_get_one_template_each() -> None:
    ios = """\
aaa new-model
aaa authentication login default group radius local
aaa accounting exec default start-stop group tacacs+
tacacs-server host 10.0.0.1 key 0 TacKey
radius-server host 10.0.0.2 key 0 RadKey
line vty 0 4
end
"""
    text = translate(ios, "huawei_vrp").target_config
    assert "hwtacacs-server template default\n" in text
    assert "radius-server template default\n" in text
    assert "  radius-server default\n" in text
    assert "  hwtacacs-server default\n" in text


def test_named_method_lists_that_mean_none_or_the_default_are_translated() -> None:
    """A console list of `none` is `authentication-mode none`; VRP cannot pick other lists."""
    ios = """\
aaa new-model
aaa authentication login default local
aaa authentication login CONSOLE none
aaa authorization exec default local none
aaa authorization exec CONSOLE none
username ops privilege 15 secret 0 Sup3r-Secret
line con 0
 authorization exec CONSOLE
 login authentication CONSOLE
line aux 0
 login authentication CONSOLE
 no exec
line vty 0 4
 exec-timeout 15 0
end
"""
    result = translate(ios, "huawei_vrp")
    text = result.target_config
    assert "user-interface con 0\n authentication-mode none\n" in text
    assert "user-interface aux 0\n authentication-mode none\n undo shell\n" in text
    assert "user-interface vty 0 4\n authentication-mode aaa\n idle-timeout 15 0\n" in text
    assert status(result, "authorization exec CONSOLE")[0] == "ignored"
    assert status(result, "login authentication CONSOLE")[0] == "translated"
    # the CloudEngine console always authenticates: the list stays unsupported there
    vrp8 = translate(ios, "huawei_vrpv8")
    assert status(vrp8, "login authentication CONSOLE")[0] == "unsupported"


@pytest.mark.parametrize("target", BOTH)
def test_users_without_a_level_keep_show_rights(target: str) -> None:
    result = translate("username ops secret 0 Sup3r-Secret\nend\n", target)
    assert " local-user ops privilege level 1\n" in result.target_config
    assert status(result, "username ops secret 0 <redacted>")[0] == "translated-with-change"


@pytest.mark.parametrize("target", BOTH)
def test_junos_ssh_logins_get_a_vty_that_accepts_them(target: str) -> None:
    junos = """\
set system host-name r1
set system login user ntc class super-user
set system login user ntc authentication encrypted-password "$6$abc$def"
set system services ssh
"""
    result = translate(junos, target, source="juniper_junos")
    assert (
        "user-interface vty 0 4\n authentication-mode aaa\n protocol inbound ssh\n"
        in result.target_config
    )
    assert "stelnet server enable\n" in result.target_config
    ssh = next(ln for ln in result.lines if ln.text == "set system services ssh")
    assert "authentication-mode aaa" in ssh.target


# --- interfaces -----------------------------------------------------------------------------


def test_routed_eth_trunks_and_parents_of_sub_interfaces_leave_layer_2() -> None:
    """Every Eth-Trunk starts as a layer-2 port (AR and S-series too); CloudEngine ports do."""
    ios = """\
interface Port-channel1
 ip address 10.0.0.1 255.255.255.0
interface GigabitEthernet0/1
 channel-group 1 mode active
interface GigabitEthernet0/2
 no ip address
interface GigabitEthernet0/2.10
 encapsulation dot1Q 10
 ip address 10.1.0.1 255.255.255.0
end
"""
    vrp5 = translate(ios, "huawei_vrp").target_config
    assert "interface Eth-Trunk1\n undo portswitch\n mode lacp\n ip address 10.0.0.1" in vrp5
    assert "interface GigabitEthernet0/0/2\n#" in vrp5  # AR routed ports are layer 3 already
    vrp8 = translate(ios, "huawei_vrpv8").target_config
    assert "interface Eth-Trunk1\n undo portswitch\n mode lacp-static\n" in vrp8
    assert "interface GE0/0/2\n undo portswitch\n#" in vrp8

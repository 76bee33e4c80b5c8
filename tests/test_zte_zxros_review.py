"""ZTE ZXROS: functional review of translated configs (can the engineer still log in at 02:00?).

Each expected block below was read line by line against the source and the ZXROS sources named
in `orchestrator.syntax.zte_zxros`.
"""

from __future__ import annotations

from pathlib import Path

from orchestrator.translate import Translation, translate_text

ROOT = Path(__file__).resolve().parent.parent


def section(text: str, name: str) -> list[str]:
    """The lines between `!<name>` and `!</name>` of a rendered ZXROS config."""
    lines = text.splitlines()
    start = lines.index(f"!<{name}>")
    return lines[start + 1 : lines.index(f"!</{name}>", start)]


def translate(text: str, source: str = "cisco_ios") -> Translation:
    result = translate_text(text, "zte_zxros", source=source)
    assert result.roundtrip.ok, result.roundtrip.differences
    return result


def status(result: Translation, text: str) -> tuple[str, list[str]]:
    line = next(x for x in result.lines if x.text.strip() == text)
    return line.status, line.target


def test_branch_router_sample_login_path() -> None:
    """TACACS+ then local, SSH only: the SSH server runs and the templates are bound."""
    sample = (ROOT / "orchestrator/samples/branch-rtr.cfg").read_text()
    result = translate(sample)
    text = result.target_config
    assert section(text, "ssh") == ["ssh server enable"]
    assert section(text, "line") == [
        "line console idle-timeout 5",
        "line telnet idle-timeout 10",
        "line telnet server disable",
    ]
    assert section(text, "aaa")[-8:] == [
        "aaa-authentication-template 2001",
        "  aaa-authentication-type tacacs-local",
        "  authentication-tacacs-group all-tacacs",
        "$",
        "aaa-authorization-template 2001",
        "  aaa-authorization-type tacacs-local",
        "  authorization-tacacs-group all-tacacs",
        "$",
    ]
    assert section(text, "system-user") == [
        "system-user",
        "  authentication-template 1",
        "    bind aaa-authentication-template 2001",
        "  $",
        "  authorization-template 1",
        "    bind aaa-authorization-template 2001",
        "  $",
        "  authorization-template 115",
        "    bind aaa-authorization-template 2001",
        "    local-privilege-level 15",
        "  $",
        "  user-name netops",
        "    bind authentication-template 1",
        "    bind authorization-template 115",
        "    password {{secret:system.users.netops.secret}}",
        "  $",
        "  user-name breakglass",
        "    bind authentication-template 1",
        "    bind authorization-template 115",
        "    password {{secret:system.users.breakglass.secret}}",
        "  $",
        "$",
    ]
    state, target = status(result, "transport input ssh")
    assert state == "translated-with-change"
    assert target == ["line telnet server disable", "ssh server enable"]


IOS_LOCAL_LOGIN = """\
hostname BR1
no aaa new-model
username cisco privilege 15 password 0 cisco
ip ssh version 2
line con 0
 exec-timeout 0 0
line vty 0 4
 login local
 transport input ssh
"""


def test_local_users_without_aaa() -> None:
    """`login local` without AAA: AAA template 2001 is `local` and every user is bound to it."""
    result = translate(IOS_LOCAL_LOGIN)
    text = result.target_config
    assert section(text, "aaa") == [
        "aaa-authentication-template 2001",
        "  aaa-authentication-type local",
        "$",
        "aaa-authorization-template 2001",
        "  aaa-authorization-type local",
        "$",
    ]
    assert section(text, "system-user")[-6:] == [
        "  user-name cisco",
        "    bind authentication-template 1",
        "    bind authorization-template 115",
        "    password {{secret:system.users.cisco.secret}}",
        "  $",
        "$",
    ]
    assert section(text, "ssh") == ["ssh server enable", "ssh server version 2"]
    assert status(result, "login local")[0] == "translated"
    assert "aaa-authentication-type local" in status(result, "login local")[1]
    assert status(result, "ip ssh version 2")[1] == ["ssh server enable", "ssh server version 2"]


def test_telnet_only_source_keeps_ssh_off() -> None:
    """A source that never allowed SSH gets no SSH server (nothing is opened that was closed)."""
    result = translate("hostname R\nline vty 0 4\n transport input telnet\n login\n")
    assert section(result.target_config, "ssh") == []


def test_users_without_privilege_and_tacacs_only() -> None:
    """Users without a level bind template 1; TACACS+ users with no local account log in through
    `authentication-template 1` too."""
    result = translate(
        "aaa new-model\n"
        "aaa authentication login default group tacacs+\n"
        "tacacs-server host 192.0.2.9 key 0 k\n"
        "username ops secret 0 pw\n"
    )
    assert section(result.target_config, "system-user") == [
        "system-user",
        "  authentication-template 1",
        "    bind aaa-authentication-template 2001",
        "  $",
        "  user-name ops",
        "    bind authentication-template 1",
        "    password {{secret:system.users.ops.secret}}",
        "  $",
        "$",
    ]


def test_nxos_tacacs_source_and_ios_login_block() -> None:
    """`ip tacacs source-interface` (NX-OS) is `tacacs-client source-interface` ([CTN]); IOS
    `login block-for` is the `login block` line the corpus OLT prints in `!<system-user>`."""
    nxos = translate(
        "feature tacacs+\n"
        "tacacs-server host 192.0.2.9 key 0 k\n"
        "ip tacacs source-interface loopback0\n"
        "interface loopback0\n"
        "  ip address 192.0.2.1/32\n",
        "cisco_nxos",
    )
    assert "tacacs-client source-interface loopback0" in section(nxos.target_config, "aaa")
    assert status(nxos, "ip tacacs source-interface loopback0")[0] == "translated"
    ios = translate("username a privilege 15 secret 0 x\nlogin block-for 30 attempts 5 within 15\n")
    assert section(ios.target_config, "system-user")[0] == "login block 30 attempts 5 within 15"


def test_police_percentage() -> None:
    """IOS `police cir percent N` is [CTN] `police cir percentage N`, actions as in [QOS]."""
    result = translate(
        "class-map match-all VOICE\n"
        " match ip precedence 5\n"
        "policy-map OUT\n"
        " class VOICE\n"
        "  police cir percent 10\n"
        "   conform-action transmit\n"
        "   exceed-action drop\n"
    )
    police = (
        "    police cir percentage 10 conform-action transmit exceed-action drop "
        "violate-action drop"
    )
    assert police in result.target_config.splitlines()
    assert status(result, "police cir percent 10")[0] == "translated"

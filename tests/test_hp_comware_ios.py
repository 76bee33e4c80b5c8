"""IOS branch-router constructs on H3C Comware 7 (MSR routers): ATM PVCs, NAT timeouts as
session aging, RADIUS dead time, lines without a shell, interface NTP broadcast clients.

Expected lines were reviewed against H3C's Comware 7 command references (ATM, session
management, RADIUS scheme, user line and NTP commands).
"""

from __future__ import annotations

from orchestrator.translate import Translation, translate_text

IOS_DSL = """\
hostname dsl-1
aaa new-model
aaa authentication login default group radius local
aaa authorization console
aaa authorization exec default group radius local
radius-server host 192.0.2.9 auth-port 1812 acct-port 1813 key 0 Sekret9
radius-server deadtime 15
interface ATM0/0
 no ip address
 load-interval 30
interface ATM0/0.32 point-to-point
 pvc 0/32
  vbr-nrt 704 704
  dialer pool-member 1
  protocol ppp dialer
interface FastEthernet0/0
 ip address 192.168.1.1 255.255.255.0
 ipv6 enable
 ipv6 mtu 1400
 ntp broadcast client
interface Dialer1
 mtu 1492
 ip address negotiated
 encapsulation ppp
ip nat translation timeout 300
ip nat translation tcp-timeout 7200
ip nat translation udp-timeout 1200
line con 0
 login authentication default
line aux 0
 no exec
line vty 0 4
 transport input ssh
"""


def _result() -> Translation:
    result = translate_text(IOS_DSL, "hp_comware", source="cisco_ios")
    assert result.roundtrip.ok, result.roundtrip.differences
    return result


def _block(result: Translation, opener: str) -> list[str]:
    lines = result.target_config.splitlines()
    start = lines.index(opener)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == "#")
    return lines[start:end]


def _line(result: Translation, text: str) -> tuple[str, list[str], str | None]:
    found = next(line for line in result.lines if line.text.strip() == text)
    return found.status, found.target, found.reason


def test_atm_pvc_keeps_its_interface_and_reports_the_dialer_binding() -> None:
    result = _result()
    lines = result.target_config.splitlines()
    # the main interface comes before its subinterface
    assert lines.index("interface ATM0/0") < lines.index("interface ATM0/0.32 p2p")
    assert _block(result, "interface ATM0/0.32 p2p") == ["interface ATM0/0.32 p2p", " pvc 0/32"]
    assert _line(result, "vbr-nrt 704 704")[0] == "unsupported"
    status, _, reason = _line(result, "dialer pool-member 1")
    assert status == "unsupported" and "virtual template" in (reason or "")
    # a dialer routes: its MTU is the layer-3 `mtu`
    assert " mtu 1492" in _block(result, "interface Dialer1")


def test_nat_timeouts_become_session_aging() -> None:
    result = _result()
    lines = result.target_config.splitlines()
    assert " session aging-time state tcp-est 7200" in lines
    assert " session aging-time state udp-ready 1200" in lines
    status, target, reason = _line(result, "ip nat translation tcp-timeout 7200")
    assert status == "translated-with-change"
    assert target == ["session aging-time state tcp-est 7200"]
    assert "every session" in (reason or "")
    assert _line(result, "ip nat translation timeout 300")[0] == "unsupported"


def test_management_settings() -> None:
    result = _result()
    assert " timer quiet 15" in _block(result, "radius scheme radius")
    assert _block(result, "line aux 0") == [
        "line aux 0",
        " authentication-mode scheme",
        " undo shell",
    ]
    ethernet = _block(result, "interface Ethernet1/0/0")
    assert " ipv6 mtu 1400" in ethernet and " ntp-service broadcast-client" in ethernet
    # IOS applies the default login list to lines that name none; Comware says so per line
    assert _block(result, "line vty 0 4") == [
        "line vty 0 4",
        " authentication-mode scheme",
        " protocol inbound ssh",
    ]
    # the console line authenticates through AAA, and Comware authorizes such logins
    status, _, reason = _line(result, "aaa authorization console")
    assert status == "ignored" and "console" in (reason or "")


NXOS_SYSTEM = """\
hostname n1
no password strength-check
ip host pm.example.net 10.3.50.149
errdisable recovery interval 120
errdisable recovery cause all
logging monitor 4
"""


def test_nxos_system_settings() -> None:
    result = translate_text(NXOS_SYSTEM, "hp_comware", source="cisco_nxos")
    assert result.roundtrip.ok, result.roundtrip.differences
    lines = result.target_config.splitlines()
    assert " ip host pm.example.net 10.3.50.149" in lines
    # ports any protocol shut down come back after the interval, as with `cause all`
    assert " shutdown-interval 120" in lines
    assert _line(result, "errdisable recovery cause all")[1] == ["shutdown-interval 120"]
    assert " info-center source default monitor level warning" in lines
    assert _line(result, "no password strength-check")[0] == "ignored"


def test_bgp_listen_range_becomes_dynamic_peers() -> None:
    text = """\
router bgp 65002
 neighbor dept peer-group
 neighbor dept remote-as 65002
 bgp listen range 2.34.0.0/16 peer-group dept
 bgp bestpath compare-routerid
"""
    result = translate_text(text, "hp_comware", source="cisco_ios")
    assert result.roundtrip.ok, result.roundtrip.differences
    assert " peer 2.34.0.0 16 group dept" in result.target_config.splitlines()
    # Comware keeps the current best eBGP route, as IOS does without this setting
    assert _line(result, "bgp bestpath compare-routerid")[0] == "unsupported"


def test_lag_minimum_links() -> None:
    text = """\
set interfaces ae5 aggregated-ether-options minimum-links 2
set interfaces ae5 unit 0 family ethernet-switching interface-mode trunk
set interfaces ge-0/0/1 ether-options 802.3ad ae5
"""
    result = translate_text(text, "hp_comware", source="juniper_junos")
    assert result.roundtrip.ok, result.roundtrip.differences
    assert " link-aggregation selected-port minimum 2" in _block(
        result, "interface Bridge-Aggregation5"
    )

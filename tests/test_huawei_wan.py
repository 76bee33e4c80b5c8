"""Huawei VRP5 AR WAN ports translated from IOS: ADSL ATM interfaces and their PVCs."""

from __future__ import annotations

from orchestrator.translate import translate_text

ATM = """\
interface ATM0/0
 no ip address
 no atm ilmi-keepalive
 dsl operating-mode auto
!
interface ATM0/0.32 point-to-point
 ip accounting access-violations
 pvc 0/32
  vbr-nrt 704 704
  dialer pool-member 1
  protocol ppp dialer
!
interface ATM0/1.35 point-to-point
 pvc 8/35
  vbr-nrt 800 600 32
!
end
"""


def test_ar_adsl_ports_keep_their_pvcs() -> None:
    result = translate_text(ATM, "huawei_vrp", source="cisco_ios")
    assert result.roundtrip.ok, result.roundtrip.differences
    text = result.target_config
    assert "#\ninterface Atm0/0\n#\ninterface Atm0/0.32 p2p\n pvc 0/32\n#\n" in text
    assert "interface Atm0/1.35 p2p\n pvc 8/35\n  service vbr-nrt 800 600 32\n#\n" in text
    lines = {ln.text.strip(): (ln.status, ln.reason or "") for ln in result.lines}
    assert lines["pvc 0/32"][0] == "translated"
    assert lines["vbr-nrt 704 704"] == (
        "unsupported",
        "the AR's VBR-NRT service needs a maximum burst size, which IOS leaves to the hardware",
    )
    for text_line in ("dialer pool-member 1", "protocol ppp dialer"):
        status, reason = lines[text_line]
        assert status == "unsupported"
        assert "map ppp Virtual-Template" in reason
    assert "NetStream" in lines["ip accounting access-violations"][1]


def test_cloudengine_and_ne40e_have_no_adsl_ports() -> None:
    result = translate_text(ATM, "huawei_vrpv8", source="cisco_ios")
    assert "Atm" not in result.target_config
    lines = {ln.text.strip(): ln for ln in result.lines}
    assert lines["interface ATM0/0"].status == "unsupported"

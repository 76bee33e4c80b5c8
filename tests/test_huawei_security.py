"""Huawei VRP5/VRP8 security translations: IKE/IPsec (reviewed text, round trips, notes)."""

from __future__ import annotations

import pytest

from orchestrator.translate import Translation, translate_text

IOS_VPN = """\
hostname EDGE
crypto keyring keyring-vpn-ba2e34a8-0
  local-address 172.16.1.2
  pre-shared-key address 52.27.166.152 key s3cret-0
crypto isakmp policy 200
 encr aes
 authentication pre-share
 group 2
 lifetime 28800
crypto isakmp policy 201
 encr aes 256
 hash sha256
 authentication pre-share
 group 14
 lifetime 28800
crypto isakmp keepalive 10 10
crypto isakmp profile isakmp-vpn-ba2e34a8-0
   keyring keyring-vpn-ba2e34a8-0
   match identity address 52.27.166.152 255.255.255.255
   local-address 172.16.1.2
crypto ipsec security-association replay window-size 128
crypto ipsec transform-set ipsec-prop-vpn-ba2e34a8-0 esp-aes esp-sha-hmac
 mode tunnel
crypto ipsec df-bit clear
crypto ipsec profile ipsec-vpn-ba2e34a8-0
 set transform-set ipsec-prop-vpn-ba2e34a8-0
 set pfs group2
interface Tunnel1
 ip address 169.254.15.194 255.255.255.252
 tunnel source 172.16.1.2
 tunnel mode ipsec ipv4
 tunnel destination 52.27.166.152
 tunnel protection ipsec profile ipsec-vpn-ba2e34a8-0
end
"""

VRP5_VPN = """\
ike proposal 1
 encryption-algorithm aes-128
 dh group2
 authentication-algorithm sha1
 authentication-method pre-share
 sa duration 28800
#
ike proposal 2
 encryption-algorithm aes-256
 dh group14
 authentication-algorithm sha2-256
 authentication-method pre-share
 sa duration 28800
#
ike peer isakmp-vpn-a8-0
 version 1
 pre-shared-key cipher {{secret:security.keyrings.isakmp-vpn-a8-0.pre_shared_keys.0.key}}
 ike-proposal 1
 remote-address 52.27.166.152
 local-address 172.16.1.2
 dpd type on-demand
 dpd idle-time 10
 dpd retransmit-interval 10
#
ipsec proposal ipsec-prop-a8-0
 esp authentication-algorithm sha1
 esp encryption-algorithm aes-128
#
ipsec profile ipsec-vpn-a8-0
 ike-peer isakmp-vpn-a8-0
 proposal ipsec-prop-a8-0
 pfs dh-group2
#
ipsec df-bit clear
ipsec anti-replay window 128
#
"""

VRP8_PROFILE = """\
ipsec policy ipsec-vpn-a8-0 profile
 ike-peer isakmp-vpn-a8-0
 proposal ipsec-prop-a8-0
 pfs dh-group2
 ipsec df-bit clear
 sa anti-replay window 128
#
"""


def translate(text: str, target: str) -> Translation:
    result = translate_text(text, target, source="cisco_ios")
    assert result.roundtrip.ok, result.roundtrip.differences
    return result


def status(result: Translation) -> dict[str, tuple[str, str]]:
    return {ln.text.strip(): (ln.status, ln.reason or "") for ln in result.lines}


def test_ios_vpn_becomes_ar_ike_peer_and_ipsec_profile() -> None:
    result = translate(IOS_VPN, "huawei_vrp")
    assert VRP5_VPN in result.target_config
    assert (
        "interface Tunnel1\n ip address 169.254.15.194 255.255.255.252\n tunnel-protocol ipsec\n"
        " source 172.16.1.2\n destination 52.27.166.152\n ipsec profile ipsec-vpn-a8-0\n"
    ) in result.target_config
    lines = status(result)
    assert lines["crypto isakmp policy 200"][0] == "translated-with-change"
    assert "ike proposal 1" in lines["crypto isakmp policy 200"][1]
    assert "one proposal" in lines["crypto isakmp profile isakmp-vpn-ba2e34a8-0"][1]
    assert "by the tunnel destination" in lines["crypto ipsec profile ipsec-vpn-ba2e34a8-0"][1]
    assert "in each IKE peer" in lines["crypto isakmp keepalive 10 10"][1]
    assert lines["pre-shared-key address 52.27.166.152 key <redacted>"][0] != "unsupported"
    assert all(s != "unsupported" for s, _ in lines.values())


def test_ios_vpn_on_ne40e_speaks_ikev2_without_dpd() -> None:
    result = translate(IOS_VPN, "huawei_vrpv8")
    text = result.target_config
    assert VRP8_PROFILE in text
    assert " ipsec policy ipsec-vpn-a8-0\n" in text
    assert "version 1" not in text and "local-address" not in text and "dpd" not in text
    assert " encryption-algorithm aes-cbc 128\n" in text
    assert " esp encryption-algorithm aes 128\n" in text
    lines = status(result)
    assert "IKEv2 only" in lines["crypto isakmp profile isakmp-vpn-ba2e34a8-0"][1]
    assert lines["crypto isakmp keepalive 10 10"] == (
        "unsupported",
        "NE40E has no dead peer detection setting",
    )
    assert lines["local-address 172.16.1.2"][0] == "ignored"


@pytest.mark.parametrize("target", ["huawei_vrp", "huawei_vrpv8"])
def test_a_key_no_profile_uses_is_reported(target: str) -> None:
    text = IOS_VPN.replace(
        "  pre-shared-key address 52.27.166.152 key s3cret-0\n",
        "  pre-shared-key address 52.27.166.152 key s3cret-0\n"
        "  pre-shared-key address 198.51.100.7 key other\n",
    )
    result = translate(text, target)
    reason = status(result)["pre-shared-key address 198.51.100.7 key <redacted>"]
    assert reason == ("unsupported", "no IKE profile uses this key: no VRP IKE peer")

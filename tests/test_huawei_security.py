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


def translate(text: str, target: str, source: str = "cisco_ios") -> Translation:
    result = translate_text(text, target, source=source)
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


IOS_CBAC = """\
hostname BRANCH
ip inspect tcp idle-time 7200
ip inspect name EXT_OUT ftp alert on audit-trail off
ip inspect name EXT_OUT tcp
ip inspect name EXT_OUT realaudio
interface GigabitEthernet0/0
 ip address 192.168.1.1 255.255.255.0
interface GigabitEthernet0/1
 ip address 198.51.100.2 255.255.255.252
 ip access-group EXT_IN in
 ip inspect EXT_OUT out
ip access-list extended EXT_IN
 permit tcp any host 198.51.100.2 eq 22
end
"""

AR_CBAC = """\
firewall zone trust
 priority 14
#
firewall zone untrust
 priority 1
#
firewall interzone Local untrust
 firewall enable
 packet-filter 3999 inbound
#
firewall interzone trust untrust
 firewall enable
 detect aspf ftp
 packet-filter 3999 inbound
#
firewall packet-filter default permit interzone Local untrust direction outbound
firewall packet-filter default deny interzone Local untrust direction inbound
firewall packet-filter default permit interzone trust untrust direction outbound
firewall packet-filter default deny interzone trust untrust direction inbound
firewall-nat session tcp aging-time 7200
#
"""


def test_ios_cbac_becomes_ar_zones_with_aspf() -> None:
    result = translate(IOS_CBAC, "huawei_vrp")
    text = result.target_config
    assert AR_CBAC in text
    assert (
        "acl number 3999\n rule 5 permit tcp destination 198.51.100.2 0 destination-port eq 22\n"
        " rule 10 deny ip\n#" in text
    )
    assert (
        "interface GigabitEthernet0/0/1\n ip address 198.51.100.2 255.255.255.252\n"
        " arp-proxy enable\n zone untrust\n" in text
    )
    assert (
        "interface GigabitEthernet0/0/0\n ip address 192.168.1.1 255.255.255.0\n"
        " arp-proxy enable\n zone trust\n" in text
    )
    assert "traffic-filter" not in text
    lines = status(result)
    assert lines["ip inspect name EXT_OUT tcp"][0] == "translated-with-change"
    assert "without application inspection" in lines["ip inspect name EXT_OUT tcp"][1]
    assert (
        lines["ip inspect name EXT_OUT ftp alert on audit-trail off"][0] == "translated-with-change"
    )
    assert lines["ip inspect name EXT_OUT realaudio"] == (
        "unsupported",
        "no AR application gateway follows realaudio",
    )
    assert "session table" in lines["ip access-group EXT_IN in"][1]


def test_cbac_and_zones_are_reported_on_vrp8() -> None:
    result = translate(IOS_CBAC, "huawei_vrpv8")
    lines = status(result)
    assert lines["ip inspect EXT_OUT out"][0] == "unsupported"
    assert lines["ip access-group EXT_IN in"][0] != "unsupported"


JUNOS_SRX = """\
set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/24
set interfaces ge-0/0/1 unit 0 family inet address 192.0.2.1/24
set security zones security-zone trust interfaces ge-0/0/0.0
set security zones security-zone trust host-inbound-traffic system-services ssh
set security zones security-zone untrust interfaces ge-0/0/1.0
set security zones security-zone untrust screen untrust-screen
set security screen ids-option untrust-screen icmp ping-death
set security screen ids-option untrust-screen tcp land
set security address-book global address web 10.0.0.80/32
set security policies from-zone untrust to-zone trust policy allow-web match source-address any
set security policies from-zone untrust to-zone trust policy allow-web match destination-address web
set security policies from-zone untrust to-zone trust policy allow-web match application junos-http
set security policies from-zone untrust to-zone trust policy allow-web then permit
set security policies from-zone trust to-zone untrust policy out match source-address any
set security policies from-zone trust to-zone untrust policy out match destination-address any
set security policies from-zone trust to-zone untrust policy out match application any
set security policies from-zone trust to-zone untrust policy out then permit
set security policies default-policy deny-all
"""


def test_srx_zones_and_policies_become_ar_interzone_filters() -> None:
    result = translate(JUNOS_SRX, "huawei_vrp", source="juniper_junos")
    text = result.target_config
    assert (
        "acl number 3998\n rule 5 permit tcp destination 10.0.0.80 0 destination-port eq 80\n#"
        in text
    )
    assert "acl number 3999\n rule 5 permit tcp destination-port eq 22\n rule 10 deny ip\n#" in text
    assert (
        "firewall interzone Local trust\n firewall enable\n packet-filter 3999 inbound\n#\n"
        "firewall interzone Local untrust\n firewall enable\n#\n"
        "firewall interzone trust untrust\n firewall enable\n packet-filter 3998 inbound\n#\n"
    ) in text
    assert (
        "firewall packet-filter default permit interzone trust untrust direction outbound\n" in text
    )
    assert "firewall packet-filter default deny all\n" in text
    assert "firewall defend ping-of-death enable\nfirewall defend land enable\n" in text
    lines = status(result)
    web = "set security policies from-zone untrust to-zone trust policy allow-web then permit"
    assert "packet-filter ACL of untrust to trust" in lines[web][1]
    assert (
        "every interface"
        in lines["set security zones security-zone untrust screen untrust-screen"][1]
    )

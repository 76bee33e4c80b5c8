"""ZTE ZXROS: route-based IPsec (isakmp / crypto ipsec / ipsec-config) and GRE tunnels.

Expected text reviewed against the ZXROS NG IPsec and GRE command references (spellings and
defaults quoted in `orchestrator.syntax.zte_zxros_ipsec` and `zte_zxros_gre`).
"""

from __future__ import annotations

from orchestrator.model import IpsecProfile
from orchestrator.syntax.zte_zxros import PLATFORM
from orchestrator.translate import Translation, translate_text


def section(text: str, name: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(f"!<{name}>")
    return lines[start + 1 : lines.index(f"!</{name}>", start)]


def translate(text: str, source: str = "cisco_ios") -> Translation:
    result = translate_text(text, "zte_zxros", source=source)
    assert result.roundtrip.ok, result.roundtrip.differences
    return result


IOS_VTI = """\
hostname vpn-gw
crypto keyring KR-AWS
  local-address 203.0.113.2
  pre-shared-key address 52.27.166.152 key s3cr3t
crypto isakmp policy 200
 encr aes 256
 authentication pre-share
 group 2
 lifetime 28800
crypto isakmp keepalive 10 10
crypto isakmp profile IKE-AWS
   keyring KR-AWS
   match identity address 52.27.166.152 255.255.255.255
   local-address 203.0.113.2
crypto ipsec transform-set TS-AWS esp-aes esp-sha-hmac
 mode tunnel
crypto ipsec df-bit clear
crypto ipsec profile ipsec-vpn-aws-tunnel-0
 set transform-set TS-AWS
 set pfs group2
 set security-association lifetime seconds 3600
interface Tunnel1
 ip address 169.254.15.194 255.255.255.252
 tunnel source 203.0.113.2
 tunnel mode ipsec ipv4
 tunnel destination 52.27.166.152
 tunnel protection ipsec profile ipsec-vpn-aws-tunnel-0
interface GigabitEthernet0/0
 ip address 203.0.113.2 255.255.255.252
ip route 10.100.0.0 255.255.0.0 Tunnel1
"""


def test_ios_route_based_vpn() -> None:
    result = translate(IOS_VTI)
    text = result.target_config
    assert section(text, "isakmp") == [
        "isakmp enable",
        "isakmp global-keepalive 10 retry 10",
        "isakmp policy 200",
        "  encryption aes-256",
        "  group 2",
        "  lifetime 28800",
        "$",
        "isakmp key-set KR-AWS",
        "  pre-shared key ipv4-address 52.27.166.152 netmask 255.255.255.255",
        "    key {{secret:security.keyrings.KR-AWS.pre_shared_keys.0.key}}",
        "  $",
        "$",
        "isakmp profile IKE-AWS",
        "  key-set KR-AWS",
        "  match identity ipv4-address 52.27.166.152",
        "$",
    ]
    assert section(text, "ipsec") == [
        "crypto ipsec transform-set TS-AWS",
        "  algorithm esp-aes-128 esp-sha1-hmac",
        "$",
        # 22 characters are too many for ZXROS (18): shortened, every reference follows
        "crypto ipsec static-profile ipsec-vpn-aws-a01f",
        "  match acl IPSEC-ANY v4",
        "  set transform-set TS-AWS",
        "  set pfs group2",
        "  set sa lifetime seconds 3600",
        "$",
        "ipsec-config",
        "  interface ipsec_tunnel1",
        "    tunnel mode ipv4",
        "    tunnel local ipv4-address 203.0.113.2",
        "    tunnel remote ipv4-address 52.27.166.152",
        "    ipsec-profile ipsec-vpn-aws-a01f",
        "    isakmp-profile IKE-AWS",
        "  $",
        "$",
    ]
    assert section(text, "acl") == [
        "ipv4-access-list IPSEC-ANY",
        "  rule 10 permit ip any any",
        "$",
    ]
    assert "interface ipsec_tunnel1" in section(text, "if-intf")
    assert section(text, "static") == ["ip route 10.100.0.0 255.255.0.0 ipsec_tunnel1"]
    by_text = {x.text.strip(): x for x in result.lines}
    assert by_text["authentication pre-share"].status == "ignored"
    assert by_text["mode tunnel"].status == "ignored"
    assert by_text["crypto ipsec df-bit clear"].status == "ignored"
    assert by_text["interface Tunnel1"].status == "translated-with-change"
    assert by_text["tunnel mode ipsec ipv4"].status == "translated"
    assert by_text["local-address 203.0.113.2"].status == "translated-with-change"
    assert result.counts().get("unsupported", 0) == 0


ZXROS_VPN = """\
!<if-intf>
interface ipsec_tunnel1
  ip address 169.254.15.194 255.255.255.252
$
!</if-intf>
!<isakmp>
isakmp enable
isakmp policy 10
  encryption aes-128
  hash md5
  group 5
$
isakmp key-set peers
  pre-shared key ipv4-address 10.0.0.0 netmask 255.0.0.0
    key encrypted H67q6/ZZYLQ=
  $
$
isakmp profile P1
  policy 10
  key-set peers
  match identity ipv4-address 10.1.1.1
  keepalive 30 retry 5
  exchange-mode aggressive
  initiator ikev2
$
!</isakmp>
!<ipsec>
crypto ipsec transform-set T1
  algorithm esp-3des esp-md5-hmac
  encapsulation-mode transport
$
crypto ipsec static-profile S1
  match acl A1 v4
  set transform-set T1
  set pfs group5
  set sa lifetime kilobytes 20000
$
ipsec-config
  interface ipsec_tunnel1
    tunnel local interface gei-1/1/0/1
    tunnel remote ipv4-address 10.1.1.1
    ipsec-profile S1
    isakmp-profile P1
    df-bit outer copy
  $
$
!</ipsec>
"""


def test_zxros_vpn_parses() -> None:
    parsed = PLATFORM.parse(ZXROS_VPN)
    security = parsed.config.security
    policy = security.ike_policies[10]
    assert (policy.encryption, policy.hash, policy.authentication, policy.group) == (
        "aes-128",
        "md5",
        "pre-share",  # the ZXROS default
        5,
    )
    assert policy.lifetime == 86400
    psk = security.keyrings["peers"].pre_shared_keys[0]
    assert (psk.address, psk.mask, psk.key.kind) == ("10.0.0.0", "255.0.0.0", "zte_encrypted")
    profile = security.ike_profiles["P1"]
    assert profile.proposals == [10]
    assert profile.keyring == "peers"
    assert [i.address for i in profile.identities] == ["10.1.1.1"]
    assert (profile.keepalive, profile.exchange_mode, profile.version) == (
        (30, 5),
        "aggressive",
        2,
    )
    tset = security.transform_sets["T1"]
    assert (tset.transforms, tset.mode) == (["esp-3des", "esp-md5-hmac"], "transport")
    assert security.ipsec_profiles["S1"] == IpsecProfile(
        name="S1",
        transform_sets=["T1"],
        pfs="group5",
        lifetime_kilobytes=20000,
        ike_profile="P1",
        acl="A1",
    )
    tunnel = parsed.config.interfaces["ipsec_tunnel1"]
    assert (tunnel.kind, tunnel.tunnel_mode, tunnel.tunnel_source) == (
        "tunnel",
        "ipsec ipv4",
        "gei-1/1/0/1",
    )
    assert (tunnel.tunnel_destination, tunnel.tunnel_protection) == ("10.1.1.1", "S1")
    assert security.ipsec_df_bit == "copy"
    assert parsed.report.counts().get("unsupported", 0) == 0


JUNOS_SRX = """\
set security ike policy test-ike-policy proposal-set basic
set security ike policy test-ike-policy pre-shared-key ascii-text "$9$/E6g9tO1IcSrvfTCu1hKv-VwgJD"
set security ike gateway gateway-2 ike-policy test-ike-policy
set security ike gateway gateway-2 address 10.12.0.2
set security ike gateway gateway-2 external-interface ge-0/0/0.0
set security ipsec policy test-ipsec-policy perfect-forward-secrecy keys group1
set security ipsec policy test-ipsec-policy proposal-set basic
set security ipsec vpn vpn-2 bind-interface st0.2
set security ipsec vpn vpn-2 ike gateway gateway-2
set security ipsec vpn vpn-2 ike ipsec-policy test-ipsec-policy
set interfaces ge-0/0/0 unit 0 family inet address 10.12.0.1/24
set interfaces st0 unit 2 family inet address 10.0.12.1/24
"""


def test_junos_srx_route_based_vpn() -> None:
    result = translate(JUNOS_SRX, "juniper_junos")
    ipsec = section(result.target_config, "ipsec")
    assert ipsec[-9:] == [
        "ipsec-config",
        "  interface ipsec_tunnel2",
        "    tunnel mode ipv4",
        "    tunnel local interface gei-1/1/0/0",
        "    tunnel remote ipv4-address 10.12.0.2",
        "    ipsec-profile vpn-2",
        "    isakmp-profile gateway-2",
        "  $",
        "$",
    ]
    isakmp = section(result.target_config, "isakmp")
    assert isakmp[-6:] == [
        "isakmp profile gateway-2",
        "  policy 1",
        "  policy 2",
        "  key-set gateway-2",
        "  match identity ipv4-address 10.12.0.2",
        "$",
    ]
    assert result.counts().get("unsupported", 0) == 0


def test_unsupported_ike_values_are_reported() -> None:
    result = translate(
        "crypto isakmp policy 10\n"
        " encr aes\n"
        " authentication pre-share\n"
        " group 14\n"
        "crypto isakmp policy 20\n"
        " encr aes\n"
        "crypto ipsec transform-set GCM esp-gcm 256\n"
    )
    reasons = {x.text.strip(): x.reason or "" for x in result.lines if x.status == "unsupported"}
    assert reasons["group 14"] == "ZXROS IKE policies offer Diffie-Hellman groups 1, 2 and 5"
    assert reasons["crypto isakmp policy 20"].startswith("rsa-sig authentication (IOS's default")
    assert reasons["crypto ipsec transform-set GCM esp-gcm 256"].startswith(
        "transforms ZXROS has no algorithm for"
    )


IOS_GRE = """\
interface Loopback0
 ip address 10.255.0.1 255.255.255.255
interface Tunnel10
 ip address 172.16.10.1 255.255.255.252
 tunnel source Loopback0
 tunnel destination 198.51.100.7
interface Tunnel11
 ip address 172.16.11.1 255.255.255.252
 tunnel source 192.0.2.1
 tunnel destination 198.51.100.8
 tunnel mode gre ip
interface Tunnel12
 ip address 172.16.12.1 255.255.255.252
 tunnel source 192.0.2.1
 tunnel destination 198.51.100.9
 tunnel mode ipip
"""


def test_gre_tunnels() -> None:
    result = translate(IOS_GRE)
    assert section(result.target_config, "gre-tunnel") == [
        "gre-config",
        "  interface gre_tunnel10",
        "    tunnel mode ip",
        "    tunnel source interface loopback0",
        "    tunnel destination ipv4 198.51.100.7",
        "  $",
        "  interface gre_tunnel11",
        "    tunnel mode ip",
        "    tunnel source ipv4 192.0.2.1",
        "    tunnel destination ipv4 198.51.100.8",
        "  $",
        "$",
    ]
    unsupported = [x.text.strip() for x in result.lines if x.status == "unsupported"]
    assert unsupported == [
        "tunnel source 192.0.2.1",
        "tunnel destination 198.51.100.9",
        "tunnel mode ipip",
    ]

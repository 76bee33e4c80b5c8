"""Junos SRX zone-based firewall on H3C Comware 7: security zones, object groups, object
policies on zone pairs, attack-defense policies, IKE profiles.

The expected text was reviewed against H3C's Comware 7 security command references (security
zones, object groups, object policies, attack detection and prevention, IKE).
"""

from __future__ import annotations

from orchestrator.syntax.hp_comware import PLATFORM as COMWARE
from orchestrator.translate import Translation, translate_text

SRX = """\
set system host-name fw1
set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24
set interfaces ge-0/0/1 unit 0 family inet address 10.1.1.1/24
set security screen ids-option wan-screen icmp ping-death
set security screen ids-option wan-screen ip source-route-option
set security screen ids-option wan-screen tcp syn-flood attack-threshold 300
set security address-book global address web 10.1.1.10/32
set security address-book global address lan 10.1.1.0/24
set applications application tcp-8080 protocol tcp destination-port 8080
set security policies from-zone untrust to-zone trust policy to-web match source-address any
set security policies from-zone untrust to-zone trust policy to-web match destination-address web
set security policies from-zone untrust to-zone trust policy to-web match application tcp-8080
set security policies from-zone untrust to-zone trust policy to-web then permit
set security policies from-zone untrust to-zone trust policy to-web then log session-init
set security policies from-zone trust to-zone untrust policy out match source-address lan
set security policies from-zone trust to-zone untrust policy out match destination-address any
set security policies from-zone trust to-zone untrust policy out match application any
set security policies from-zone trust to-zone untrust policy out then permit
set security policies default-policy deny-all
set security zones security-zone trust host-inbound-traffic system-services ssh
set security zones security-zone trust host-inbound-traffic protocols ospf
set security zones security-zone trust interfaces ge-0/0/1.0
set security zones security-zone untrust screen wan-screen
set security zones security-zone untrust interfaces ge-0/0/0.0
"""


def _result() -> Translation:
    result = translate_text(SRX, "hp_comware", source="juniper_junos")
    assert result.roundtrip.ok, result.roundtrip.differences
    return result


def _block(result: Translation, opener: str) -> list[str]:
    lines = result.target_config.splitlines()
    start = lines.index(opener)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == "#")
    return lines[start:end]


def test_objects_and_policies() -> None:
    result = _result()
    assert _block(result, "object-group ip address web") == [
        "object-group ip address web",
        " 0 network host address 10.1.1.10",
    ]
    assert _block(result, "object-group ip address lan") == [
        "object-group ip address lan",
        " 0 network subnet 10.1.1.0 255.255.255.0",
    ]
    assert _block(result, "object-group service tcp-8080") == [
        "object-group service tcp-8080",
        " 0 service tcp destination eq 8080",
    ]
    # session-init logging is written as rule logging (with a note)
    assert _block(result, "object-policy ip untrust-trust") == [
        "object-policy ip untrust-trust",
        " rule 0 pass destination-ip web service tcp-8080 logging",
    ]
    assert _block(result, "object-policy ip trust-untrust") == [
        "object-policy ip trust-untrust",
        " rule 0 pass source-ip lan",
    ]
    assert _block(result, "zone-pair security source untrust destination trust") == [
        "zone-pair security source untrust destination trust",
        " object-policy apply ip untrust-trust",
    ]


def test_zones_host_inbound_and_screen() -> None:
    result = _result()
    assert _block(result, "security-zone name untrust") == [
        "security-zone name untrust",
        " import interface GigabitEthernet1/0/0",
        " attack-defense apply policy wan-screen",
    ]
    # what reaches the box from a zone: a pass rule per service, then drop
    assert _block(result, "object-policy ip trust-Local") == [
        "object-policy ip trust-Local",
        " rule 0 pass service inbound-ssh",
        " rule 1 pass service inbound-ospf",
        " rule 2 drop",
    ]
    assert _block(result, "object-group service inbound-ssh") == [
        "object-group service inbound-ssh",
        " 0 service tcp destination eq 22",
    ]
    assert _block(result, "attack-defense policy wan-screen") == [
        "attack-defense policy wan-screen",
        " signature detect ping-of-death action drop logging",
        " signature detect ip-option loose-source-routing action drop logging",
        " signature detect ip-option strict-source-routing action drop logging",
        " syn-flood detect non-specific",
        " syn-flood threshold 300",
        " syn-flood action drop logging",
    ]
    by_text = {line.text: line for line in result.lines}
    default = by_text["set security policies default-policy deny-all"]
    assert default.status == "ignored"


def test_zone_policy_reads_back() -> None:
    parsed = COMWARE.parse(
        """\
#
object-policy ip a-Local
 rule 0 drop
#
security-zone name a
 import interface GigabitEthernet1/0/3
#
zone-pair security source a destination Local
 object-policy apply ip a-Local
"""
    )
    security = parsed.config.security
    assert security.zones["a"].interfaces == ["GigabitEthernet1/0/3"]
    # a lone drop towards the box is a rule, not a host-inbound list
    [policy] = security.zone_policies
    assert (policy.from_zone, policy.to_zone, policy.action) == ("a", "local", "deny")
    assert security.zones["a"].host_inbound_services == []


JUNOS_SWITCH = """\
set vlans v10 vlan-id 10
set vlans v20 vlan-id 20
set protocols igmp-snooping vlan all
set protocols bgp group up type external
set protocols bgp group up mtu-discovery
set protocols bgp group up neighbor 192.0.2.2 peer-as 65001
set routing-options autonomous-system 65000
"""


def test_igmp_snooping_and_bgp_path_mtu() -> None:
    result = translate_text(JUNOS_SWITCH, "hp_comware", source="juniper_junos")
    assert result.roundtrip.ok, result.roundtrip.differences
    lines = result.target_config.splitlines()
    # switched on globally, then in every VLAN
    assert " igmp-snooping" in lines
    assert _block(result, "vlan 10") == ["vlan 10", " name v10", " igmp-snooping enable"]
    # path-MTU discovery is a TCP setting of the whole box on Comware
    assert " tcp path-mtu-discovery" in lines
    mtu = next(line for line in result.lines if "mtu-discovery" in line.text)
    assert mtu.status == "translated-with-change"

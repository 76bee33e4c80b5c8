"""Functional review of Comware 7 output: does the translated box do what the source did?

Each test holds a case found by reading translations as the engineer who pastes them at night:
a packet filter that lets through what the source dropped, logging rules that log nothing,
remote logins nobody can pass. Expected lines were reviewed against H3C's Comware 7 command
references (ACL and packet filter, login management, SSH).
"""

from __future__ import annotations

from orchestrator.translate import Translation, translate_text

IOS_FILTERS = """\
hostname f1
interface GigabitEthernet0/0
 ip address 192.0.2.1 255.255.255.0
 ip access-group 10 in
 ip access-group OUT out
 ipv6 address 2001:db8::1/64
 ipv6 traffic-filter V6-IN in
interface GigabitEthernet0/1
 ip address 192.0.3.1 255.255.255.0
 ip access-group OPEN in
interface GigabitEthernet0/2
 ip address 192.0.4.1 255.255.255.0
 ip access-group EMPTY in
ip access-list extended OUT
 10 permit tcp any any eq 22
 20 deny udp any any log
ip access-list extended OPEN
 deny tcp any any eq 23
 permit ip any any
ip access-list extended EMPTY
 remark nothing yet
ipv6 access-list V6-IN
 permit tcp any any eq 22
 permit icmp any any nd-ns
access-list 10 permit 10.0.0.0 0.255.255.255
ip default-gateway 192.0.2.254
ip route 0.0.0.0 0.0.0.0 192.0.2.254
end
"""


def _translate(text: str, source: str) -> Translation:
    result = translate_text(text, "hp_comware", source=source)
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


def test_packet_filters_keep_the_implicit_deny() -> None:
    result = _translate(IOS_FILTERS, "cisco_ios")
    # numbered rules: the deny comes 10 after the last one
    assert _block(result, "acl advanced name OUT") == [
        "acl advanced name OUT",
        " rule 10 permit tcp destination-port eq 22",
        " rule 20 deny udp logging",
        " rule 30 deny ip",
    ]
    # a standard ACL becomes a basic one: its deny has no protocol
    assert _block(result, "acl basic 2010") == [
        "acl basic 2010",
        " rule permit source 10.0.0.0 0.255.255.255",
        " rule deny",
    ]
    status, target, reason = _line(result, "ip access-group OUT out")
    assert status == "translated-with-change"
    assert "rule 30 deny ip" in target
    assert "forwards packets no rule of ACL OUT matches" in (reason or "")


def test_filters_that_already_end_in_a_catch_all_or_are_empty_stay_as_written() -> None:
    result = _translate(IOS_FILTERS, "cisco_ios")
    assert _block(result, "acl advanced name OPEN") == [
        "acl advanced name OPEN",
        " rule deny tcp destination-port eq 23",
        " rule permit ip",
    ]
    # an ACL without rules filters nothing on IOS either
    assert _block(result, "acl advanced name EMPTY") == ["acl advanced name EMPTY"]
    assert _line(result, "ip access-group OPEN in")[0] == "translated"


def test_ipv6_filters_keep_neighbour_discovery_before_the_deny() -> None:
    result = _translate(IOS_FILTERS, "cisco_ios")
    # IOS permits NA and NS before its implicit deny; nd-ns is already a rule (Comware refuses
    # a rule that repeats another) and is written in Comware's name
    assert _block(result, "acl ipv6 advanced name V6-IN") == [
        "acl ipv6 advanced name V6-IN",
        " rule permit tcp destination-port eq 22",
        " rule permit icmpv6 icmp6-type neighbor-solicitation",
        " rule permit icmpv6 icmp6-type neighbor-advertisement",
        " rule deny ipv6",
    ]


def test_logging_rules_get_the_packet_filter_log_interval() -> None:
    result = _translate(IOS_FILTERS, "cisco_ios")
    lines = result.target_config.splitlines()
    # without it Comware writes no packet-filter log at all
    assert " acl logging interval 5" in lines
    assert lines.index(" acl logging interval 5") < lines.index("acl advanced name OUT")
    assert "acl logging interval 5" in _line(result, "20 deny udp any any log")[1]


def test_default_gateway_covered_by_the_default_route_is_ignored() -> None:
    result = _translate(IOS_FILTERS, "cisco_ios")
    status, _, reason = _line(result, "ip default-gateway 192.0.2.254")
    assert status == "ignored"
    assert "static default route to the same gateway" in (reason or "")
    assert result.target_config.count("ip route-static 0.0.0.0 0 192.0.2.254") == 1


JUNOS_SERVICES = """\
set system host-name j1
set system login user ops class super-user
set system services ssh
set system services telnet
set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24
"""


def test_served_remote_logins_get_vty_lines_that_check_users() -> None:
    result = _translate(JUNOS_SERVICES, "juniper_junos")
    lines = result.target_config.splitlines()
    assert " ssh server enable" in lines and " telnet server enable" in lines
    # the default vty mode (a password nobody set) would refuse every user
    assert _block(result, "line vty 0 63") == ["line vty 0 63", " authentication-mode scheme"]
    status, target, reason = _line(result, "set system services ssh")
    assert status == "translated-with-change"
    assert "line vty 0 63" in target and "authentication-mode scheme" in target
    assert "local users" in (reason or "")


def test_sources_with_vty_lines_keep_their_own() -> None:
    text = "hostname r1\nline vty 0 4\n login local\n transport input ssh\n"
    result = _translate(text, "cisco_ios")
    assert "line vty 0 63" not in result.target_config.splitlines()
    assert _block(result, "line vty 0 4") == [
        "line vty 0 4",
        " authentication-mode scheme",
        " protocol inbound ssh",
    ]


def test_management_ports_are_m_gigabitethernet_0_0_0() -> None:
    text = JUNOS_SERVICES + "set interfaces fxp0 unit 0 family inet address 10.0.0.15/24\n"
    result = _translate(text, "juniper_junos")
    # not under IRF member 1 like front ports: M-GigabitEthernet1/0/0 does not exist
    assert result.ports["fxp0"] == "M-GigabitEthernet0/0/0"
    assert _block(result, "interface M-GigabitEthernet0/0/0") == [
        "interface M-GigabitEthernet0/0/0",
        " ip address 10.0.0.15 255.255.255.0",
    ]


IOS_TACACS = """\
hostname r1
aaa new-model
aaa authentication login default group tacacs+ local
aaa authorization exec default group tacacs+ local
tacacs-server host 192.0.2.49 key 0 Tac-Key1
username ops privilege 15 secret 0 Ops-Pass1
ip http server
ip http authentication local
line vty 0 4
 transport input ssh
"""


def test_remote_aaa_users_without_a_role_still_get_in() -> None:
    result = _translate(IOS_TACACS, "cisco_ios")
    assert _block(result, "domain system") == [
        "domain system",
        " authentication login hwtacacs-scheme tacacs local",
        " authorization login hwtacacs-scheme tacacs local",
    ]
    # IOS gives a TACACS+ user the server sends no priv-lvl privilege 1; Comware refuses an
    # AAA user without a role unless the default role is on
    assert " role default-role enable" in result.target_config.splitlines()
    status, target, reason = _line(result, "aaa authentication login default group tacacs+ local")
    assert status == "translated-with-change"
    assert "role default-role enable" in target and "network-operator" in (reason or "")


def test_web_server_users_may_log_in_to_it() -> None:
    result = _translate(IOS_TACACS, "cisco_ios")
    assert _block(result, "local-user ops class manage") == [
        "local-user ops class manage",
        " password simple {{secret:system.users.ops.secret}}",
        " service-type ssh telnet terminal http",
        " authorization-attribute user-role level-15",
    ]
    assert "service-type ssh telnet terminal http" in _line(result, "ip http server")[1]


NXOS_HSRP = """\
hostname n1
feature hsrp
feature interface-vlan
vrf context RED
interface Vlan900
  no shutdown
  vrf member RED
  ip address 10.152.200.194/28
  ip access-group EDGE in
  hsrp 0
    preempt
    priority 105
    ip 10.152.200.193
  hsrp 1
    ip 10.152.200.200
ip access-list EDGE
  10 permit tcp any any eq 22
"""


def test_hsrp_group_0_gets_a_vrid_comware_accepts() -> None:
    result = _translate(NXOS_HSRP, "cisco_nxos")
    block = _block(result, "interface Vlan-interface900")
    # VRID 1 is taken by group 1: group 0 becomes VRID 2
    assert " vrrp vrid 2 virtual-ip 10.152.200.193" in block
    assert " vrrp vrid 2 priority 105" in block
    assert " vrrp vrid 1 virtual-ip 10.152.200.200" in block
    assert not any("vrid 0" in line for line in block)
    status, _, reason = _line(result, "hsrp 0")
    assert status == "translated-with-change"
    assert "group 0 becomes VRID 2" in (reason or "")


def test_filters_on_vpn_interfaces_say_what_an_msr_router_needs() -> None:
    result = _translate(NXOS_HSRP, "cisco_nxos")
    status, _, reason = _line(result, "ip access-group EDGE in")
    assert status == "translated-with-change"
    assert "vpn-instance RED" in (reason or "")


IOS_CONSOLE_NONE = """\
hostname r2
aaa new-model
aaa authentication login default local
aaa authentication login CONSOLE none
aaa authorization console
aaa authorization exec default local none
username ops privilege 15 secret 0 Ops-Pass1
line con 0
 login authentication CONSOLE
line vty 0 4
 transport input ssh
"""


def test_a_login_list_of_none_is_a_line_without_login() -> None:
    result = _translate(IOS_CONSOLE_NONE, "cisco_ios")
    # Comware lines log in through the default domain: scheme would ask the local users
    assert _block(result, "line con 0") == ["line con 0", " authentication-mode none"]
    assert _block(result, "line vty 0 4") == [
        "line vty 0 4",
        " authentication-mode scheme",
        " protocol inbound ssh",
    ]
    status, target, reason = _line(result, "login authentication CONSOLE")
    assert (status, target) == ("translated-with-change", ["authentication-mode none"])
    assert "asks for no login" in (reason or "")
    status, _, reason = _line(result, "aaa authorization console")
    assert status == "ignored" and "no user to authorize" in (reason or "")


IOS_ROUTED_LAG = """\
hostname r3
interface Port-channel5
 no ip address
interface Port-channel5.10
 encapsulation dot1Q 10
 ip address 192.0.2.1 255.255.255.0
interface GigabitEthernet0/1
 no ip address
 channel-group 5 mode active
"""


def test_an_aggregate_with_routed_subinterfaces_is_a_route_aggregation() -> None:
    result = _translate(IOS_ROUTED_LAG, "cisco_ios")
    lines = result.target_config.splitlines()
    # a Bridge-Aggregation switches only: Comware refuses its dot1q subinterfaces
    assert not any("Bridge-Aggregation" in line for line in lines)
    assert _block(result, "interface Route-Aggregation5") == [
        "interface Route-Aggregation5",
        " link-aggregation mode dynamic",
    ]
    assert _block(result, "interface GigabitEthernet1/0/1") == [
        "interface GigabitEthernet1/0/1",
        " port link-mode route",
        " port link-aggregation group 5",
    ]
    assert _block(result, "interface Route-Aggregation5.10") == [
        "interface Route-Aggregation5.10",
        " vlan-type dot1q vid 10",
        " ip address 192.0.2.1 255.255.255.0",
    ]
    assert lines.index("interface Route-Aggregation5") < lines.index(
        "interface GigabitEthernet1/0/1"
    )


IOS_VOICE = """\
hostname sw1
vlan 10
vlan 20
interface GigabitEthernet1/0/1
 switchport access vlan 10
 switchport mode access
 switchport voice vlan 20
 spanning-tree portfast
"""


def test_an_access_port_with_a_voice_vlan_is_a_trunk_with_the_pc_untagged() -> None:
    result = _translate(IOS_VOICE, "cisco_ios")
    # Comware takes no tagged voice traffic on an access port
    assert _block(result, "interface GigabitEthernet1/0/1") == [
        "interface GigabitEthernet1/0/1",
        " port link-mode bridge",
        " port link-type trunk",
        " undo port trunk permit vlan 1",
        " port trunk permit vlan 10 20",
        " port trunk pvid vlan 10",
        " voice-vlan 20 enable",
        " stp edged-port",
    ]
    status, _, reason = _line(result, "switchport voice vlan 20")
    assert status == "translated-with-change" and "trunk with PVID 10" in (reason or "")


def test_vty_lines_on_the_source_default_transport_say_what_comware_needs() -> None:
    text = "hostname r4\nusername ops secret 0 Ops-Pass1\nline vty 0 4\n login local\n"
    result = _translate(text, "cisco_ios")
    lines = result.target_config.splitlines()
    # telnet is not switched on for the engineer: the report says it is off
    assert " telnet server enable" not in lines and " ssh server enable" not in lines
    status, _, reason = _line(result, "line vty 0 4")
    assert status == "translated-with-change"
    assert "telnet server enable" in (reason or "")


def test_serial_lines_say_what_a_comware_switch_calls_them() -> None:
    text = "hostname r5\nline con 0\n exec-timeout 5 0\nline aux 0\n exec-timeout 0 0\n"
    result = _translate(text, "cisco_ios")
    # the router form stays (MSR); a switch's only serial line is its console, AUX 0
    assert _block(result, "line con 0") == ["line con 0", " idle-timeout 5 0"]
    status, _, reason = _line(result, "line con 0")
    assert status == "translated-with-change" and "line aux 0" in (reason or "")
    status, _, reason = _line(result, "line aux 0")
    assert status == "translated-with-change" and "console port" in (reason or "")


def test_snmp_views_come_before_the_communities_that_name_them() -> None:
    text = (
        "set system host-name j2\n"
        "set snmp view V oid .1 include\n"
        "set snmp community c1 view V\n"
        "set snmp community c1 authorization read-only\n"
    )
    lines = _translate(text, "juniper_junos").target_config.splitlines()
    view = lines.index(" snmp-agent mib-view included V 1")
    community = next(i for i, line in enumerate(lines) if "snmp-agent community read" in line)
    assert view < community and lines[community].endswith(" mib-view V")

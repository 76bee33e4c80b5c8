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


@pytest.mark.parametrize("target", BOTH)
def test_nxos_line_vty_covers_every_session_and_logs_in_through_aaa(target: str) -> None:
    nxos = """\
hostname n1
username admin password 0 Sup3r-Secret role network-admin
line vty
  exec-timeout 10
"""
    result = translate(nxos, target, source="cisco_nxos")
    assert (
        "user-interface vty 0 4\n authentication-mode aaa\n idle-timeout 10 0\n"
        in result.target_config
    )
    assert status(result, "line vty")[0] == "translated-with-change"


# --- spanning tree --------------------------------------------------------------------------


def test_pvst_priorities_go_to_the_one_mstp_tree_not_to_instances_named_like_vlans() -> None:
    ios = """\
spanning-tree mode rapid-pvst
spanning-tree vlan 10,20,99 priority 24576
vlan 10
vlan 20
vlan 99
end
"""
    result = translate(ios, "huawei_vrp")
    assert "stp mode mstp\nstp priority 24576\n" in result.target_config
    assert "stp instance" not in result.target_config
    line = status(result, "spanning-tree vlan 10,20,99 priority 24576")
    assert line[0] == "translated-with-change" and "10, 20, 99" in (line[1] or "")
    # CloudEngine runs VBST: per-VLAN priorities stay per VLAN
    vrp8 = translate(ios, "huawei_vrpv8").target_config
    assert "stp mode vbst\nstp vlan 10 20 99 priority 24576\n" in vrp8


def test_pvst_priorities_that_differ_per_vlan_are_reported() -> None:
    ios = "spanning-tree mode pvst\nspanning-tree vlan 10 priority 4096\n"
    ios += "spanning-tree vlan 20 priority 8192\nend\n"
    result = translate(ios, "huawei_vrp")
    assert "stp priority" not in result.target_config
    assert status(result, "spanning-tree vlan 10 priority 4096")[0] == "unsupported"


# --- routing --------------------------------------------------------------------------------

ROUTE_MAP_ACLS = """\
router bgp 1
 neighbor 10.0.0.2 remote-as 2
 address-family ipv4
  neighbor 10.0.0.2 activate
  neighbor 10.0.0.2 route-map OUT out
  neighbor 10.0.0.2 route-map IN in
  maximum-paths eibgp 4
 exit-address-family
access-list 101 permit ip host 1.0.1.0 host 255.255.255.0
access-list 101 permit ip 2.0.0.0 0.255.255.255 host 255.255.0.0
access-list 102 permit ip 10.0.0.0 0.255.255.255 any
route-map OUT permit 10
 match ip address 101
route-map IN permit 10
 match ip address 102
end
"""


@pytest.mark.parametrize("target", BOTH)
def test_extended_acls_in_route_maps_become_ip_prefixes_or_basic_acls(target: str) -> None:
    """A VRP route policy matches basic ACLs only; IOS reads source = network, dest = mask."""
    result = translate(ROUTE_MAP_ACLS, target)
    text = result.target_config
    assert (
        "ip ip-prefix acl-101 index 5 permit 1.0.1.0 24\n"
        "ip ip-prefix acl-101 index 10 permit 2.0.0.0 8 greater-equal 16 less-equal 16\n"
    ) in text
    assert "route-policy OUT permit node 10\n if-match ip-prefix acl-101\n" in text
    assert "route-policy IN permit node 10\n if-match acl acl-102\n" in text
    assert "rule 5 permit source 10.0.0.0 0.255.255.255\n" in text
    assert "3101" not in text and "3102" not in text
    acl = status(result, "access-list 101 permit ip host 1.0.1.0 host 255.255.255.0")
    assert acl[0] == "translated-with-change" and "ip-prefix acl-101" in (acl[1] or "")


@pytest.mark.parametrize("target", BOTH)
def test_eibgp_multipath_outside_a_vrf_balances_each_kind(target: str) -> None:
    result = translate(ROUTE_MAP_ACLS, target)
    assert (
        "  maximum load-balancing ebgp 4\n  maximum load-balancing ibgp 4\n" in result.target_config
    )
    assert status(result, "maximum-paths eibgp 4")[0] == "translated-with-change"


ERB_LEAF = """\
set routing-options autonomous-system 65100
set routing-options router-id 172.16.0.100
set interfaces lo0 unit 0 family inet address 172.16.0.100/32
set protocols bgp group underlay type external
set protocols bgp group underlay mtu-discovery
set protocols bgp group underlay neighbor 172.16.254.9 peer-as 65011
set protocols bgp group overlay type internal
set protocols bgp group overlay local-as 65000
set protocols bgp group overlay local-address 172.16.0.100
set protocols bgp group overlay neighbor 172.16.0.11
set protocols bgp group p2p neighbor 10.10.0.22 peer-as 65100
set protocols bgp group p2p neighbor 10.11.11.6 peer-as 65253
set protocols bgp group p2p neighbor 10.11.11.6 description isp
set protocols bgp group ebgp neighbor 10.12.0.1 peer-as 65300
"""


@pytest.mark.parametrize("target", BOTH)
def test_junos_bgp_groups_get_a_kind_vrp_can_hold(target: str) -> None:
    result = translate(ERB_LEAF, target, source="juniper_junos")
    text = result.target_config
    # an iBGP session in another AS cannot be made with fake-as (it would be eBGP): reported
    assert "fake-as" not in text
    assert status(result, "set protocols bgp group overlay local-as 65000")[0] == "unsupported"
    # a group of eBGP peers only is external; mixed: the eBGP peer leaves the group
    assert " group ebgp external\n" in text
    assert " group p2p\n" in text and " peer 10.10.0.22 group p2p\n" in text
    assert " peer 10.11.11.6 group p2p\n" not in text
    assert " peer 10.11.11.6 as-number 65253\n" in text
    moved = status(result, "set protocols bgp group p2p neighbor 10.11.11.6 peer-as 65253")
    assert moved[0] == "translated-with-change"
    assert " peer underlay path-mtu auto-discovery\n" in text


VRF_LEAF = """\
hostname leaf1
vrf context vrf1
  rd auto
  address-family ipv4 unicast
    route-target import 65000:100
    route-target export 65000:100
router bgp 65000
  router-id 1.1.1.3
  vrf vrf1
    address-family ipv4 unicast
      network 10.0.0.0/24
"""


@pytest.mark.parametrize("target", BOTH)
def test_vpn_instances_with_route_targets_get_a_route_distinguisher(target: str) -> None:
    result = translate(VRF_LEAF, target, source="cisco_nxos")
    text = result.target_config
    rd = text.index("route-distinguisher 1.1.1.3:1")
    assert rd < text.index("vpn-target 65000:100 export-extcommunity")
    assert status(result, "vrf context vrf1")[0] == "translated-with-change"


def test_snmp_views_come_before_the_communities_that_name_them() -> None:
    junos = """\
set snmp view all-mib oid .1 include
set snmp community public view all-mib
set snmp community public authorization read-only
"""
    text = translate(junos, "huawei_vrp", source="juniper_junos").target_config
    assert text.index("snmp-agent mib-view included all-mib") < text.index("snmp-agent community")


def test_vty_acls_on_vrp5_are_numbered() -> None:
    """S/AR `acl NAME inbound` works only for a named ACL numbered 2000-3999."""
    ios = """\
ip access-list standard MGMT-HOSTS
 permit 10.1.50.0 0.0.0.255
line vty 0 4
 access-class MGMT-HOSTS in
end
"""
    vrp5 = translate(ios, "huawei_vrp")
    assert "acl number 2999\n rule 5 permit source 10.1.50.0 0.0.0.255\n" in vrp5.target_config
    assert " acl 2999 inbound\n" in vrp5.target_config
    assert status(vrp5, "ip access-list standard MGMT-HOSTS")[0] == "translated-with-change"
    vrp8 = translate(ios, "huawei_vrpv8").target_config  # CloudEngine takes the name
    assert " acl MGMT-HOSTS inbound\n" in vrp8


def test_an_evpn_route_reflector_without_vtep_turns_evpn_on() -> None:
    nxos = """\
router bgp 65000
  router-id 1.1.1.1
  address-family l2vpn evpn
  neighbor 10.0.0.2
    remote-as 65000
    address-family l2vpn evpn
      route-reflector-client
"""
    result = translate(nxos, "huawei_vrpv8", source="cisco_nxos")
    assert result.target_config.index("evpn-overlay enable") < result.target_config.index(
        "bgp 65000"
    )
    assert "evpn-overlay enable" in status_targets(result, "address-family l2vpn evpn")


def status_targets(result: Translation, text: str) -> list[str]:
    return next(ln for ln in result.lines if ln.text.strip() == text).target


# --- services -------------------------------------------------------------------------------


def test_ar_nat_ages_per_protocol_in_the_session_table_it_shares_with_the_firewall() -> None:
    ios = """\
interface GigabitEthernet0/0
 ip address 192.0.2.1 255.255.255.0
 ip nat outside
ip nat translation timeout 300
ip nat translation tcp-timeout 7200
ip nat translation udp-timeout 1200
ip nat translation icmp-timeout 30
end
"""
    result = translate(ios, "huawei_vrp")
    text = result.target_config
    assert "firewall-nat session tcp aging-time 7200\n" in text
    assert "firewall-nat session udp aging-time 1200\n" in text
    assert "firewall-nat session icmp aging-time 30\n" in text
    assert status(result, "ip nat translation tcp-timeout 7200")[0] == "translated"
    # dynamic translations without ports have no timer of their own on the AR
    assert status(result, "ip nat translation timeout 300")[0] == "unsupported"


@pytest.mark.parametrize("target", BOTH)
def test_snmp_engine_id_is_kept_for_the_v3_users_keys(target: str) -> None:
    result = translate("snmp-server engineID local 000000090200000532A6C0C0\nend\n", target)
    assert "snmp-agent local-engineid 000000090200000532A6C0C0\n" in result.target_config


@pytest.mark.parametrize("target", BOTH)
def test_maximum_prefix_keeps_the_session_down_as_ios_does(target: str) -> None:
    """Without a keyword VRP brings the session back after 30 s; IOS waits for a clear."""
    ios = """\
router bgp 1
 neighbor 10.0.0.2 remote-as 2
 neighbor 10.0.0.3 remote-as 3
 neighbor 10.0.0.4 remote-as 4
 address-family ipv4
  neighbor 10.0.0.2 activate
  neighbor 10.0.0.2 maximum-prefix 1000 80
  neighbor 10.0.0.3 activate
  neighbor 10.0.0.3 maximum-prefix 500 restart 10
  neighbor 10.0.0.4 activate
  neighbor 10.0.0.4 maximum-prefix 200 warning-only
 exit-address-family
end
"""
    text = translate(ios, target).target_config
    assert "  peer 10.0.0.2 route-limit 1000 80 idle-forever\n" in text
    assert "  peer 10.0.0.3 route-limit 500 idle-timeout 10\n" in text
    assert "  peer 10.0.0.4 route-limit 200 alert-only\n" in text


def test_dialer_ip_and_ipv6_mtu() -> None:
    ios = """\
interface Dialer1
 ip address negotiated
 ip mtu 1452
 ipv6 mtu 1422
 encapsulation ppp
 dialer pool 1
end
"""
    text = translate(ios, "huawei_vrp").target_config
    assert " mtu 1452\n ipv6 mtu 1422\n" in text


@pytest.mark.parametrize("target", BOTH)
def test_tacacs_source_interface_is_the_templates_source_address(target: str) -> None:
    ios = TACACS_BRANCH.replace(
        "line con 0",
        "ip tacacs source-interface Loopback0\ninterface Loopback0\n"
        " ip address 10.255.0.1 255.255.255.255\nline con 0",
    )
    result = translate(ios, target)
    assert " hwtacacs-server source-ip 10.255.0.1\n" in result.target_config
    assert status(result, "ip tacacs source-interface Loopback0")[0] == "translated"


def test_access_port_with_a_voice_vlan_is_a_hybrid_port_on_s_series() -> None:
    ios = """\
vlan 10
vlan 20
interface GigabitEthernet1/0/1
 switchport access vlan 10
 switchport mode access
 switchport voice vlan 20
end
"""
    result = translate(ios, "huawei_vrp")
    assert (
        " port link-type hybrid\n port hybrid pvid vlan 10\n port hybrid tagged vlan 20\n"
        " port hybrid untagged vlan 10\n voice-vlan 20 enable\n"
    ) in result.target_config
    assert status(result, "switchport mode access")[0] == "translated-with-change"

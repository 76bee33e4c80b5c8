"""Cisco IOS parser: real corpus snippets → model values checked by hand, the ignore rules and
their reasons, secrets kept out of reports, truncated captures refused, corpus coverage."""

from __future__ import annotations

import textwrap
from ipaddress import IPv4Network, IPv6Interface, IPv6Network
from pathlib import Path

import pytest
from conftest import corpus_files

from orchestrator.errors import ParseError
from orchestrator.model import IkePolicy, PreSharedKey, Secret
from orchestrator.model.walk import walk_secrets
from orchestrator.syntax.base import Parsed
from orchestrator.syntax.cisco_ios import PLATFORM as IOS
from orchestrator.syntax.text import read_config

IOS_FILES = [p for _, p in corpus_files("cisco_ios")]


def parse(text: str) -> Parsed:
    return IOS.parse(textwrap.dedent(text).lstrip("\n"))


def outcome(parsed: Parsed, text: str) -> tuple[str, str | None]:
    """The outcome and reason of the first counted line reading ``text``."""
    entry = next(e for e in parsed.report.lines.values() if e.text == text)
    return entry.outcome, entry.reason


# --- security: CBAC inspection, IKE and IPsec (corpus ios/06, iosxe/01) ------------------------


def test_cbac_inspection_rules_and_timers() -> None:
    parsed = parse("""
        ip inspect alert-off
        ip inspect max-incomplete low 400
        ip inspect tcp max-incomplete host 100 block-time 1
        ip inspect name EXT_OUT fragment maximum 256 timeout 15
        ip inspect name EXT_OUT http java-list 11 alert on audit-trail off
        ip inspect name EXT_OUT snmp alert on audit-trail on
        interface Dialer1
         ip inspect EXT_OUT out
        """)
    security = parsed.config.security
    assert security.inspect.alert is False
    assert security.inspect.max_incomplete_low == 400
    assert (security.inspect.tcp_max_incomplete_host, security.inspect.tcp_block_time) == (100, 1)
    policy = security.inspect_policies["EXT_OUT"]
    assert (policy.fragment_maximum, policy.fragment_timeout) == (256, 15)
    http, snmp = policy.protocols
    assert (http.protocol, http.java_list, http.alert, http.audit_trail) == (
        "http",
        "11",
        True,
        False,
    )
    assert (snmp.protocol, snmp.audit_trail) == ("snmp", True)
    assert parsed.config.interfaces["Dialer1"].inspect_out == "EXT_OUT"
    assert set(parsed.report.counts()) == {"parsed"}


def test_ike_and_ipsec_of_a_vpn_gateway() -> None:
    parsed = parse("""
        crypto keyring keyring-vpn-0
          local-address 147.75.69.27
          pre-shared-key address 44.227.244.7 key Rcw.wfJi8tgiOS8WiRS8eVmWvUrrC_Kx
        crypto isakmp policy 200
         encr aes
         authentication pre-share
         group 2
         lifetime 28800
        crypto isakmp keepalive 10 10
        crypto isakmp profile isakmp-vpn-0
           keyring keyring-vpn-0
           match identity address 44.227.244.7 255.255.255.255
           local-address 147.75.69.27
        crypto ipsec security-association replay window-size 128
        crypto ipsec transform-set ipsec-prop-vpn-0 esp-aes 256 esp-sha-hmac
         mode tunnel
        crypto ipsec df-bit clear
        crypto ipsec profile ipsec-vpn-0
         set transform-set ipsec-prop-vpn-0
         set pfs group2
        interface Tunnel1
         tunnel mode ipsec ipv4
         tunnel protection ipsec profile ipsec-vpn-0
         ip virtual-reassembly
        """)
    security = parsed.config.security
    # IOS hides `hash sha`: the model holds it explicitly
    assert security.ike_policies[200] == IkePolicy(
        priority=200,
        encryption="aes-128",
        hash="sha1",
        authentication="pre-share",
        group=2,
        lifetime=28800,
    )
    keyring = security.keyrings["keyring-vpn-0"]
    assert keyring.local_address == "147.75.69.27"
    assert keyring.pre_shared_keys == [
        PreSharedKey(
            address="44.227.244.7", key=Secret("plain", "Rcw.wfJi8tgiOS8WiRS8eVmWvUrrC_Kx")
        )
    ]
    profile = security.ike_profiles["isakmp-vpn-0"]
    assert (profile.keyring, profile.local_address) == ("keyring-vpn-0", "147.75.69.27")
    assert [(i.address, i.mask) for i in profile.identities] == [
        ("44.227.244.7", "255.255.255.255")
    ]
    assert security.ike_keepalive == (10, 10)
    assert security.transform_sets["ipsec-prop-vpn-0"].transforms == ["esp-aes 256", "esp-sha-hmac"]
    ipsec = security.ipsec_profiles["ipsec-vpn-0"]
    assert (ipsec.transform_sets, ipsec.pfs) == (["ipsec-prop-vpn-0"], "group2")
    assert (security.ipsec_df_bit, security.ipsec_replay_window) == ("clear", 128)
    assert parsed.config.interfaces["Tunnel1"].tunnel_protection == "ipsec-vpn-0"
    status, reason = outcome(parsed, "ip virtual-reassembly")
    assert status == "ignored" and "reassemble" in (reason or "")
    shown = parsed.report.shown_text(3)
    assert "Rcw.wfJi" not in shown and "<redacted>" in shown


def test_self_signed_certificates_are_ignored_other_trustpoints_are_not() -> None:
    # the corpus capture (ios/07) ends the certificate with a tab-indented `quit`
    parsed = IOS.parse(
        "crypto pki trustpoint TP-self-signed-1088426642\n"
        " enrollment selfsigned\n"
        " revocation-check none\n"
        "crypto pki certificate chain TP-self-signed-1088426642\n"
        " certificate self-signed 01\n"
        "  30820330 30820218 A0030201 02020101\n"
        "  \tquit\n"
        "crypto pki trustpoint CORP-CA\n"
        " enrollment url http://ca.example.com\n"
    )
    outcomes = {e.text: (e.outcome, e.reason) for e in parsed.report.lines.values()}
    assert outcomes["30820330 30820218 A0030201 02020101"][0] == "ignored"
    assert outcomes["quit"][0] == "ignored"
    assert "generated for its own" in (outcomes["enrollment selfsigned"][1] or "")
    assert outcomes["crypto pki trustpoint CORP-CA"][0] == "unsupported"
    assert outcomes["enrollment url http://ca.example.com"][0] == "unsupported"


# --- services: QoS, NAT, DHCP, IP SLA (corpus ios/06) ----------------------------------------


def test_qos_class_and_policy_maps() -> None:
    parsed = parse("""
        class-map match-all IP_PREC_MEDIUM
         match ip precedence 2  3  4  5
        class-map match-all TO_ATM
         match access-group name NOT_INTERNAL
        class-map match-any ALL
         match any
        policy-map EXTERNAL_CBWFQ
         class IP_PREC_HIGH
          priority percent 10
          police cir percent 10
            conform-action transmit
            exceed-action drop
         class class-default
          bandwidth percent 40
          queue-limit 100
        policy-map SHAPE_HEIR
         class ALL
          shape average 630000
          service-policy EXTERNAL_CBWFQ
        """)
    services = parsed.config.services
    assert services.class_maps["IP_PREC_MEDIUM"].matches == [("ip-precedence", "2 3 4 5")]
    assert services.class_maps["TO_ATM"].matches == [("access-group", "NOT_INTERNAL")]
    assert (services.class_maps["ALL"].match, services.class_maps["ALL"].matches) == (
        "any",
        [("any", "")],
    )
    high, default = services.policy_maps["EXTERNAL_CBWFQ"].classes
    assert high.actions == [("priority", "percent 10")]
    assert high.police is not None
    assert (high.police.cir_percent, high.police.conform, high.police.exceed) == (
        10,
        "transmit",
        "drop",
    )
    assert default.actions == [("bandwidth", "percent 40"), ("queue-limit", "100")]
    assert services.policy_maps["SHAPE_HEIR"].classes[0].actions == [
        ("shape-average", "630000"),
        ("service-policy", "EXTERNAL_CBWFQ"),
    ]


def test_nat_dhcp_and_ip_sla() -> None:
    parsed = parse("""
        ip dhcp excluded-address 172.16.2.1 172.16.2.5
        ip dhcp pool IPV4_2FL_NORTH_LAN
           network 172.16.2.0 255.255.255.0
           default-router 172.16.2.1
           domain-name foo.com
           dns-server 172.16.1.5
           lease 2
        ipv6 dhcp pool IPV6_2FL_NORTH_LAN
           address prefix fd01:ab00::0/64 lifetime infinite
           dns-server fd01:abff::0001:0001
        ip sla monitor 8
         type echo protocol ipIcmpEcho 172.16.2.254
         timeout 500
         frequency 2
        ip nat translation tcp-timeout 7200
        ip nat inside source list INTERNAL_NETWORKS interface Dialer1 overload
        ip nat inside source static tcp 172.16.1.5 22 interface Dialer1 1415
        """)
    services = parsed.config.services
    assert services.dhcp_excluded == [("172.16.2.1", "172.16.2.5")]
    pool = services.dhcp_pools["IPV4_2FL_NORTH_LAN"]
    assert pool.network == IPv4Network("172.16.2.0/24")
    assert (pool.default_routers, pool.dns_servers, pool.domain_name, pool.lease) == (
        ["172.16.2.1"],
        ["172.16.1.5"],
        "foo.com",
        (2, 0, 0),
    )
    assert services.dhcp6_pools["IPV6_2FL_NORTH_LAN"].address_prefixes == [
        (IPv6Network("fd01:ab00::/64"), None, None)
    ]
    probe = services.ip_slas[8]
    assert (probe.kind, probe.target, probe.timeout_ms, probe.frequency_s) == (
        "icmp-echo",
        "172.16.2.254",
        500,
        2,
    )
    assert services.nat_timeouts == {"tcp-timeout": 7200}
    dynamic, static = services.nat_rules
    assert (dynamic.kind, dynamic.acl, dynamic.interface, dynamic.overload) == (
        "dynamic",
        "INTERNAL_NETWORKS",
        "Dialer1",
        True,
    )
    assert (
        static.protocol,
        static.inside_address,
        static.inside_port,
        static.interface,
        static.outside_port,
    ) == ("tcp", "172.16.1.5", 22, "Dialer1", 1415)


# --- WAN and IPv6 interfaces (corpus ios/06) --------------------------------------------------


def test_dialer_ppp_atm_and_ipv6_interface_settings() -> None:
    parsed = parse("""
        interface ATM0/0.32 point-to-point
         ip accounting access-violations
         pvc 0/32
          vbr-nrt 704 704
          dialer pool-member 1
          protocol ppp dialer
        interface Dialer1
         ip address negotiated
         ip mtu 1452
         encapsulation ppp
         ip tcp adjust-mss 1412
         dialer pool 1
         dialer-group 1
         ipv6 address autoconfig
         ipv6 ospf 11 area 0
         ospfv3 11 cost 1000
         ospfv3 encryption ipsec spi 1001 esp null md5 0 27576134094768132473302031209727
         ppp authentication chap pap callin optional
         ppp chap hostname adialuser
         ppp chap password 7 107D3D232342041E3A
        interface FastEthernet0/1
         ipv6 address fe80::1 link-local
         ipv6 nd prefix default no-advertise
         ipv6 nd other-config-flag
         ipv6 nd ra lifetime 0
         ipv6 nd ra suppress all
         ipv6 nd prefix fd01:ab01::/64 300 300 no-autoconfig
         no ipv6 redirects
        """)
    atm = parsed.config.interfaces["ATM0/0.32"]
    assert atm.point_to_point is True and atm.ip_accounting == ["access-violations"]
    assert atm.atm_pvc is not None
    assert (atm.atm_pvc.vpi, atm.atm_pvc.vci, atm.atm_pvc.vbr_nrt) == (0, 32, (704, 704))
    assert (atm.atm_pvc.dialer_pool_member, atm.atm_pvc.protocol) == (1, "ppp dialer")
    dialer = parsed.config.interfaces["Dialer1"]
    assert dialer.ipv4_negotiated and dialer.encapsulation == "ppp"
    assert (dialer.ip_mtu, dialer.tcp_mss, dialer.dialer_pool, dialer.dialer_group) == (
        1452,
        1412,
        1,
        1,
    )
    assert dialer.ppp is not None
    assert dialer.ppp.authentication == ["chap", "pap"]
    assert dialer.ppp.auth_callin and dialer.ppp.auth_optional
    assert dialer.ppp.chap_password == Secret("cisco7", "107D3D232342041E3A")
    assert dialer.ospfv3 is not None
    assert (dialer.ospfv3.process, dialer.ospfv3.area, dialer.ospfv3.cost) == (
        "11",
        "0.0.0.0",
        1000,
    )
    assert (dialer.ospfv3.ipsec_spi, dialer.ospfv3.ipsec_encryption, dialer.ospfv3.ipsec_auth) == (
        1001,
        "null",
        "md5",
    )
    lan = parsed.config.interfaces["FastEthernet0/1"]
    # link-local addresses carry /64 in the model
    assert [(a.address, a.kind) for a in lan.ipv6] == [(IPv6Interface("fe80::1/64"), "link-local")]
    nd = lan.ipv6_nd
    assert nd is not None
    assert (nd.other_config, nd.ra_lifetime, nd.ra_suppress) == (True, 0, "all")
    default, prefix = nd.prefixes
    assert default.prefix is None and default.advertise is False
    assert (prefix.prefix, prefix.valid, prefix.preferred, prefix.autoconfig) == (
        IPv6Network("fd01:ab01::/64"),
        300,
        300,
        False,
    )
    assert lan.ipv6_redirects is False


def test_hsrp_track_forms_of_old_and_new_ios() -> None:
    parsed = parse("""
        interface FastEthernet0/0
         standby 110 ip 172.16.2.254
         standby 110 track Dialer1 75
         standby 110 track FastEthernet 0/1
         standby 110 track FastEthernet1/0 decrement 30
         standby 110 ipv6 autoconfig
        """)
    group = parsed.config.interfaces["FastEthernet0/0"].fhrp[0]
    assert group.track == [("Dialer1", 75), ("FastEthernet0/1", 10), ("FastEthernet1/0", 30)]
    assert group.virtual_ipv6 == ["autoconfig"]


def test_misindented_interface_and_empty_description() -> None:
    """ios/02 has ` interface FastEthernet0/6` indented under the interface before it."""
    parsed = parse("""
        interface FastEthernet0/5
         description
         port monitor FastEthernet0/2
         switchport access vlan 300
        !
         interface FastEthernet0/6
         description
         switchport access vlan 24
         spanning-tree vlan 532 cost 3
        """)
    interfaces = parsed.config.interfaces
    assert interfaces["FastEthernet0/5"].description == ""
    assert interfaces["FastEthernet0/5"].monitor_sources == ["FastEthernet0/2"]
    six = interfaces["FastEthernet0/6"]
    assert six.switchport is not None and six.switchport.access_vlan == 24
    assert six.stp_vlan_cost == {532: 3}
    assert set(parsed.report.counts()) == {"parsed"}


# --- routing and system -----------------------------------------------------------------------


def test_bgp_add_paths_dampening_and_dynamic_neighbors() -> None:
    parsed = parse("""
        router bgp 2
         neighbor as2 peer-group
         neighbor as2 remote-as 2
         neighbor dept peer-group
         neighbor dept remote-as 65001
         bgp listen range 2.34.0.0/16 peer-group dept
         bgp bestpath compare-routerid
         address-family ipv4
          bgp dampening
          bgp additional-paths select all
          bgp additional-paths send receive
          neighbor as2 advertise additional-paths all
          maximum-paths eibgp 5
         exit-address-family
        """)
    bgp = parsed.config.bgp
    assert bgp is not None
    assert bgp.listen_ranges == [(IPv4Network("2.34.0.0/16"), "dept")]
    assert bgp.bestpath_compare_routerid
    af = bgp.family()
    assert (af.dampening, af.additional_paths_select, af.maximum_paths_eibgp) == (True, "all", 5)
    assert af.additional_paths_send and af.additional_paths_receive
    assert af.peers["as2"].advertise_additional_paths == ["all"]


def test_summer_time_archive_and_login_guards() -> None:
    parsed = parse("""
        clock summer-time MDT recurring
        login block-for 30 attempts 5 within 15
        security passwords min-length 6
        archive
         log config
          logging enable
          hidekeys
         path ftp://ns.foo.com//tftpboot/Foo-archive
        ntp clock-period 17208943
        ntp master
        """)
    system = parsed.config.system
    assert system.summer_time is not None
    # `recurring` alone means the US rule
    assert (system.summer_time.start, system.summer_time.end) == (
        ("2", "Sun", "Mar", "2:00"),
        ("1", "Sun", "Nov", "2:00"),
    )
    assert system.login_block == (30, 5, 15) and system.password_min_length == 6
    archive = system.config_archive
    assert archive is not None
    assert (archive.path, archive.log_enable, archive.log_hidekeys) == (
        "ftp://ns.foo.com//tftpboot/Foo-archive",
        True,
        True,
    )
    assert system.ntp.master
    status, reason = outcome(parsed, "ntp clock-period 17208943")
    assert status == "ignored" and "calibration" in (reason or "")


def test_radius_group_member_must_name_a_defined_server() -> None:
    parsed = parse("""
        aaa group server radius rad_eap
         server 172.28.0.194 auth-port 1812 acct-port 1813
         server 10.16.6.79 auth-port 1812 acct-port 1813
        radius-server host 172.28.0.194 auth-port 1812 acct-port 1813 key 7 12115605111E005739
        """)
    assert parsed.config.system.aaa.groups["rad_eap"] == ["172.28.0.194", "10.16.6.79"]
    server = parsed.config.system.aaa.servers[0]
    assert (server.port, server.acct_port) == (1812, 1813)
    assert outcome(parsed, "server 172.28.0.194 auth-port 1812 acct-port 1813")[0] == "parsed"
    status, reason = outcome(parsed, "server 10.16.6.79 auth-port 1812 acct-port 1813")
    assert status == "unsupported" and "10.16.6.79" in (reason or "")


def test_banner_keeps_blank_and_bang_lines() -> None:
    parsed = IOS.parse("banner motd ^C\n===\n\n!!! WARNING !!!\nbye\n^C\nhostname r1\n")
    assert parsed.config.system.banners["motd"] == "===\n\n!!! WARNING !!!\nbye"
    assert parsed.config.system.hostname == "r1"


def test_secret_tokens_read_back_as_references() -> None:
    parsed = parse("""
        username admin privilege 15 secret 0 {{secret:system.users.admin.secret}}
        interface GigabitEthernet0/1
         ip ospf message-digest-key 1 md5 {{secret:interfaces.GigabitEthernet0/1.ospf.auth_key}}
        """)
    assert parsed.config.system.users["admin"].secret == Secret("ref", "system.users.admin.secret")
    ospf = parsed.config.interfaces["GigabitEthernet0/1"].ospf
    assert ospf is not None
    assert ospf.auth_key == Secret("ref", "interfaces.GigabitEthernet0/1.ospf.auth_key")


# --- the corpus -------------------------------------------------------------------------------


def test_truncated_capture_is_refused() -> None:
    text = (
        "Building configuration...\n\nCurrent configuration : 8599 bytes\n!\nhostname r1\n"
        "interface GigabitEthernet1\n ip address 10.0.0.1 255.255.255.0\n"
    )
    with pytest.raises(ParseError, match="cut short"):
        IOS.parse(text, path="r1.cfg")


def test_corpus_share_parsed_or_ignored() -> None:
    counted = accounted = 0
    for path in IOS_FILES:
        counts = IOS.parse(read_config(path).text).report.counts()
        counted += sum(counts.values())
        accounted += counts.get("parsed", 0) + counts.get("ignored", 0)
    # measured 0.987 (3707 of 3757); what is left: wireless radio settings, async tty lines,
    # in-situ OAM, and lines IOS itself would reject (`passsive-interface`, `eigbp`)
    assert accounted / counted >= 0.98


@pytest.mark.parametrize("path", IOS_FILES, ids=lambda p: p.name)
def test_every_ignored_line_says_why(path: Path) -> None:
    parsed = IOS.parse(read_config(path).text)
    for entry in parsed.report.lines.values():
        if entry.outcome in ("ignored", "unsupported"):
            assert entry.reason and len(entry.reason) > 15, (entry.n, entry.text)


@pytest.mark.parametrize("path", IOS_FILES, ids=lambda p: p.name)
def test_no_secret_value_in_shown_text(path: Path) -> None:
    """A secret never shows on the lines it was read from (keys, communities, passwords)."""
    parsed = IOS.parse(read_config(path).text)
    found = 0
    for _, secret, owner, attr in walk_secrets(parsed.config):
        src = getattr(owner, "src", None)
        lines = (src.get(attr) or src.get("")) if src is not None else ()
        for n in lines:
            if secret.value in parsed.report.lines[n].text:
                found += 1
                assert secret.value not in parsed.report.shown_text(n), n
    if any(True for _ in walk_secrets(parsed.config)):
        assert found, "no secret was checked against its source line"

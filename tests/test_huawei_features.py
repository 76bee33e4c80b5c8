"""Huawei VRP5/VRP8 features translated from IOS: reviewed text, notes and round trips."""

from __future__ import annotations

from orchestrator.translate import Translation, translate_text


def translate(text: str, target: str, source: str = "cisco_ios") -> Translation:
    result = translate_text(text, target, source=source)
    assert result.roundtrip.ok, result.roundtrip.differences
    return result


def status(result: Translation) -> dict[str, tuple[str, str]]:
    return {ln.text.strip(): (ln.status, ln.reason or "") for ln in result.lines}


def block(text: str, opener: str) -> str:
    """The view ``opener`` opens, opener included, up to the next `#`."""
    start = text.index(opener + "\n")
    return text[start : text.index("#", start)]


ADD_PATH = """\
router bgp 65001
 neighbor 10.0.0.2 remote-as 65001
 address-family ipv4
  bgp additional-paths select all
  bgp additional-paths send receive
  neighbor 10.0.0.2 activate
  neighbor 10.0.0.2 advertise additional-paths best 3
 exit-address-family
end
"""


def test_bgp_add_path_becomes_vrp_add_path() -> None:
    for target in ("huawei_vrp", "huawei_vrpv8"):
        result = translate(ADD_PATH, target)
        assert (
            " ipv4-family unicast\n"
            "  bestroute add-path path-number 64\n"
            "  peer 10.0.0.2 capability-advertise add-path both\n"
            "  peer 10.0.0.2 enable\n"
            "  peer 10.0.0.2 advertise add-path path-number 3\n"
        ) in result.target_config, target
        lines = status(result)
        assert lines["bgp additional-paths select all"] == (
            "translated-with-change",
            "VRP selects at most 64 paths per prefix",
        )
        assert "each peer" in lines["bgp additional-paths send receive"][1]


ND = """\
ipv6 unicast-routing
ipv6 dhcp pool LAN6
 address prefix 2001:db8:10::/64 lifetime infinite
 dns-server 2001:db8::53
 domain-name example.com
interface GigabitEthernet0/1
 ipv6 address 2001:db8:10::1/64
 ipv6 nd other-config-flag
 ipv6 nd ra lifetime 1800
 ipv6 nd prefix 2001:db8:10::/64 300 300 no-autoconfig
 ipv6 dhcp server LAN6
interface GigabitEthernet0/2
 ipv6 address 2001:db8:20::1/64
 ipv6 nd ra suppress all
end
"""


def test_router_advertisements_and_dhcpv6_on_vrp5() -> None:
    result = translate(ND, "huawei_vrp")
    text = result.target_config
    assert block(text, "interface GigabitEthernet0/0/1") == (
        "interface GigabitEthernet0/0/1\n"
        " ipv6 enable\n"
        " ipv6 address 2001:DB8:10::1/64\n"
        " ipv6 nd autoconfig other-flag\n"
        " ipv6 nd ra router-lifetime 1800\n"
        " ipv6 nd ra prefix 2001:DB8:10::/64 300 300 no-autoconfig\n"
        " undo ipv6 nd ra halt\n"
        " dhcpv6 server LAN6\n"
    )
    assert " ipv6 nd ra halt\n" in block(text, "interface GigabitEthernet0/0/2")
    assert block(text, "dhcpv6 pool LAN6") == (
        "dhcpv6 pool LAN6\n"
        " address prefix 2001:DB8:10::/64 life-time 172800 86400\n"
        " dns-server 2001:DB8::53\n"
        " dns-domain-name example.com\n"
    )
    lines = status(result)
    assert "not infinite" in lines["address prefix 2001:db8:10::/64 lifetime infinite"][1]


def test_cloudengine_advertises_with_halt_disable_and_has_no_dhcpv6_pools() -> None:
    result = translate(ND, "huawei_vrpv8")
    text = result.target_config
    assert " ipv6 nd ra halt disable\n" in block(text, "interface GE0/0/1")
    assert "ipv6 nd" not in block(text, "interface GE0/0/2")
    lines = status(result)
    assert lines["ipv6 nd ra suppress all"] == (
        "ignored",
        "CloudEngine sends no router advertisements by default",
    )
    assert lines["ipv6 dhcp pool LAN6"] == (
        "unsupported",
        "CloudEngine switches have no DHCPv6 server pools",
    )


MONITOR = """\
logging monitor 4
logging origin-id hostname
ip sla monitor 8
 type echo protocol ipIcmpEcho 172.16.2.254
 timeout 500
 frequency 2
archive
 log config
  logging enable
  hidekeys
 path ftp://ns.foo.com//tftpboot/Foo-archive
end
"""


def test_ip_sla_becomes_nqa_and_the_archive_is_accounted() -> None:
    for target in ("huawei_vrp", "huawei_vrpv8"):
        result = translate(MONITOR, target)
        text = result.target_config
        assert block(text, "nqa test-instance admin 8") == (
            "nqa test-instance admin 8\n"
            " test-type icmp\n"
            " destination-address ipv4 172.16.2.254\n"
            " frequency 2\n"
            " timeout 1\n"
        )
        assert "info-center source default channel monitor log level warning\n" in text
        lines = status(result)
        assert lines["timeout 500"] == (
            "translated-with-change",
            "NQA timeouts are whole seconds: 500 ms becomes 1 s",
        )
        assert lines["logging origin-id hostname"] == ("ignored", "VRP messages carry the sysname")
        assert lines["hidekeys"] == ("ignored", "VRP never logs passwords in clear text")
        assert lines["path ftp://ns.foo.com//tftpboot/Foo-archive"][0] == "unsupported"
        assert lines["archive"][0] == "unsupported"


QOS = """\
class-map match-all VOICE
 match ip precedence 5
policy-map WAN
 class VOICE
  priority percent 10
  police cir percent 10
   conform-action transmit
   exceed-action drop
 class class-default
  bandwidth percent 40
  queue-limit 100
policy-map SHAPE
 class class-default
  shape average 630000
  service-policy WAN
interface GigabitEthernet0/1
 ip address 198.51.100.2 255.255.255.252
 service-policy output SHAPE
end
"""


def test_ar_behaviors_queue_police_and_shape_per_class() -> None:
    result = translate(QOS, "huawei_vrp")
    text = result.target_config
    assert block(text, "traffic classifier class-default operator or") == (
        "traffic classifier class-default operator or\n if-match any\n"
    )
    assert block(text, "traffic behavior WAN-VOICE") == (
        "traffic behavior WAN-VOICE\n queue ef bandwidth pct 10\n car cir pct 10\n"
    )
    assert block(text, "traffic behavior WAN-class-default") == (
        "traffic behavior WAN-class-default\n queue af bandwidth pct 40\n"
        " queue-length packets 100\n"
    )
    assert block(text, "traffic behavior SHAPE-class-default") == (
        "traffic behavior SHAPE-class-default\n gts cir 630\n traffic-policy WAN\n"
    )
    assert all(s != "unsupported" for s, _ in status(result).values())


def test_cloudengine_behaviors_only_police_at_a_rate() -> None:
    result = translate(QOS, "huawei_vrpv8")
    lines = status(result)
    assert lines["priority percent 10"] == (
        "unsupported",
        "CloudEngine queues and shapes per port (qos queue), not per traffic class",
    )
    assert lines["police cir percent 10"][0] == "unsupported"
    assert lines["class class-default"][0] == "translated"


MGMT = """\
username admin privilege 15 secret 0 s3cret
ntp master 3
ip scp server enable
snmp-server view iso iso included
login block-for 30 attempts 5 within 15
ip http server
ip http authentication local
end
"""


def test_management_odds_and_ends_on_vrp5() -> None:
    result = translate(MGMT, "huawei_vrp")
    text = result.target_config
    assert "ntp-service refclock-master 3\n" in text
    assert "scp server enable\n" in text
    assert "snmp-agent mib-view included iso iso\n" in text
    assert (
        "aaa\n local-aaa-user wrong-password retry-interval 5 retry-time 5 block-time 5\n"
    ) in text
    lines = status(result)
    assert lines["login block-for 30 attempts 5 within 15"][0] == "translated-with-change"
    assert "VRP counts minutes" in lines["login block-for 30 attempts 5 within 15"][1]
    assert lines["ip http authentication local"] == (
        "ignored",
        "VRP web logins are checked against AAA users",
    )


NXOS_LEAF = """\
feature nv overlay
feature vn-segment-vlan-based
nv overlay evpn
vlan 10
  vn-segment 10010
vlan 333
  vn-segment 100333
vrf context vrf1
  vni 100333
  rd auto
  address-family ipv4 unicast
    route-target both auto evpn
interface loopback0
  ip address 1.1.1.3/32
interface nve1
  no shutdown
  host-reachability protocol bgp
  source-interface loopback0
  member vni 10010
    suppress-arp
    ingress-replication protocol bgp
  member vni 100333 associate-vrf
evpn
  vni 10010 l2
    rd auto
    route-target import auto
    route-target export auto
vpc domain 4
  peer-keepalive destination 10.255.255.2 source 10.255.255.1 vrf keepalive
interface port-channel101
  vpc peer-link
interface port-channel50
  vpc 50
router bgp 65000
  neighbor 10.10.11.1
    remote-as 65000
    address-family l2vpn evpn
      send-community extended
"""


def test_nxos_vxlan_evpn_leaf_becomes_cloudengine_bridge_domains() -> None:
    result = translate(NXOS_LEAF, "huawei_vrpv8", source="cisco_nxos")
    text = result.target_config
    assert "evpn-overlay enable\n" in text
    assert block(text, "bridge-domain 10") == (
        "bridge-domain 10\n"
        " l2 binding vlan 10\n"
        " vxlan vni 10010\n"
        " arp broadcast-suppress enable\n"
        " evpn\n"
        "  route-distinguisher auto\n"
        "  vpn-target 65000:10010 export-extcommunity\n"
        "  vpn-target 65000:10010 import-extcommunity\n"
    )
    assert "bridge-domain 333" not in text
    assert block(text, "interface Nve1") == (
        "interface Nve1\n source 1.1.1.3\n vni 10010 head-end peer-list protocol bgp\n"
    )
    assert " vpn-target 65000:100333 export-extcommunity evpn\n" in text
    assert " vxlan vni 100333\n" in text
    assert block(text, "dfs-group 1") == (
        "dfs-group 1\n dual-active detection source ip 10.255.255.1 vpn-instance keepalive "
        "peer 10.255.255.2\n"
    )
    assert "interface Eth-Trunk101\n" in text and " peer-link 1\n" in text
    assert " dfs-group 1 m-lag 50\n" in text
    lines = status(result)
    assert "DFS group 1" in lines["vpc domain 4"][1]
    assert "without a VLAN" in lines["vn-segment 100333"][1]


DIAL = """\
interface Dialer1
 ip address negotiated
 encapsulation ppp
 dialer pool 1
 dialer-group 1
 dialer idle-timeout 600
 ppp authentication chap pap callin optional
 ppp chap hostname auser
 ppp chap password 0 s3cret
dialer-list 1 protocol ip permit
ip http server
ip http access-class 99
access-list 99 permit 10.0.0.0 0.255.255.255
line aux 0
 no exec
line vty 0 4
 ipv6 access-class MGMT6 in
end
"""


def test_ar_dialer_ppp_credentials_and_line_settings() -> None:
    result = translate(DIAL, "huawei_vrp")
    text = result.target_config
    assert block(text, "interface Dialer1") == (
        "interface Dialer1\n"
        " link-protocol ppp\n"
        " ip address ppp-negotiate\n"
        " ppp chap user auser\n"
        " ppp chap password cipher {{secret:interfaces.Dialer1.ppp.chap_password}}\n"
        " dialer bundle 1\n"
        " dialer-group 1\n"
        " dialer timer idle 600\n"
    )
    assert "dialer-rule\n dialer-rule 1 ip permit\n" in text
    assert "http acl 2099\n" in text
    assert "user-interface aux 0\n undo shell\n" in text
    assert " acl ipv6 MGMT6 inbound\n" in text
    lines = status(result)
    assert lines["ppp authentication chap pap callin optional"][0] == "ignored"
    assert "dial-bundle-number 1" in lines["dialer pool 1"][1]


STORM = """\
interface GigabitEthernet0/1
 switchport mode access
 storm-control broadcast level 5.00
 storm-control multicast level 2
interface GigabitEthernet0/2
 switchport mode access
 storm-control broadcast level 0.50
end
"""


def test_storm_control_in_whole_percent() -> None:
    text = translate(STORM, "huawei_vrp").target_config
    assert " broadcast-suppression 5\n multicast-suppression 2\n" in text
    result = translate(STORM, "huawei_vrpv8")
    assert " storm suppression broadcast 5\n storm suppression multicast 2\n" in (
        result.target_config
    )
    assert status(result)["storm-control broadcast level 0.50"] == (
        "unsupported",
        "storm control broadcast 0.50 has no VRP form (whole percent only)",
    )

"""Juniper Junos parser, SRX security: zones, policies, screens, address and application
objects, IKE/IPsec route-based VPNs, NAT.

Corpus values were read off junos/08-10 (batfish SRX triangle) by hand, line numbers named; the
brace-form branch configuration below covers what those files do not have (custom proposals,
address books, applications, NAT, per-interface host-inbound traffic).
"""

from __future__ import annotations

from ipaddress import ip_network
from pathlib import Path

from conftest import corpus_files

from orchestrator.model import SELF_ZONE, ApplicationTerm, Secret
from orchestrator.syntax import get_platform
from orchestrator.syntax.base import Parsed
from orchestrator.syntax.juniper_junos_text import INACTIVE_RULE
from orchestrator.syntax.text import read_config

JUNOS = get_platform("juniper_junos")
FILES = [path for _, path in corpus_files("juniper_junos")]


def parse_file(name: str) -> Parsed:
    path = next(p for p in FILES if p.name.startswith(name))
    return JUNOS.parse(read_config(path).text, path=str(path))


def outcome(parsed: Parsed, n: int) -> tuple[str, str | None]:
    entry = parsed.report.lines[n]
    return entry.outcome, entry.reason


# --- junos-srx-1 (set form) --------------------------------------------------------------------


def test_srx1_zones_and_host_inbound_traffic() -> None:
    security = parse_file("08-").config.security
    assert set(security.zones) == {"trust", "untrust", "hostos", "loopback"}
    trust, untrust = security.zones["trust"], security.zones["untrust"]
    assert trust.interfaces == ["st2", "st3"]  # st0.2, st0.3 (lines 82-83)
    assert trust.tcp_rst is True  # line 77
    assert trust.host_inbound_services == ["ping", "ssh", "telnet"]
    assert trust.host_inbound_protocols == ["bgp"]
    assert untrust.interfaces == ["ge-0/0/0", "ge-0/0/1"]  # unit 0 of untagged ports
    assert untrust.host_inbound_services == ["ping", "ssh", "ike"]
    assert untrust.screen == "untrust-screen"  # line 84
    assert security.zones["loopback"].interfaces == ["lo0"]
    assert security.zone_default_action == "deny"  # default-policy deny-all, line 76


def test_srx1_screen_checks_and_syn_flood_thresholds() -> None:
    screen = parse_file("08-").config.security.screens["untrust-screen"]
    assert screen.checks == ["ping-of-death", "ip-source-route", "teardrop", "land"]
    assert screen.floods == {"syn": 200}  # attack-threshold
    assert (screen.syn_alarm_threshold, screen.syn_source_threshold) == (1024, 1024)
    assert (screen.syn_destination_threshold, screen.syn_timeout) == (2048, 20)
    assert screen.src.get("syn_timeout") == (46,)


def test_srx1_policies_in_order_with_the_host_zone_and_builtin_applications() -> None:
    parsed = parse_file("08-")
    policies = parsed.config.security.zone_policies
    assert [(p.from_zone, p.to_zone, p.name, p.action) for p in policies] == [
        ("trust", "trust", "default-permit", "permit"),
        ("untrust", "loopback", "p", "permit"),
        ("untrust", SELF_ZONE, "p", "deny"),  # to-zone junos-host: the box itself
        ("loopback", SELF_ZONE, "p", "reject"),  # line 63
        ("untrust", "untrust", "p", "reject"),
        (SELF_ZONE, "untrust", "p", "deny"),
        (SELF_ZONE, "untrust", "p2", "permit"),
    ]
    # `any` everywhere is the empty list; the built-in application is written out
    assert policies[0].source_addresses == policies[0].applications == []
    assert policies[5].applications == ["junos-icmp-all"]  # line 70
    icmp = parsed.config.security.applications["junos-icmp-all"]
    assert icmp.predefined and icmp.terms == [ApplicationTerm(protocol="icmp")]
    assert outcome(parsed, 63) == ("parsed", None)
    assert policies[3].src.get("action") == (63,)


def test_srx1_ike_proposal_set_gateways_and_keys() -> None:
    parsed = parse_file("08-")
    security = parsed.config.security
    # proposal-set basic: pre-g1-des-sha, pre-g1-des-md5 (pre-shared keys, group 1, 28800 s)
    assert {
        p.priority: (p.encryption, p.hash, p.authentication, p.group, p.lifetime)
        for p in security.ike_policies.values()
    } == {1: ("des", "sha1", "pre-share", 1, 28800), 2: ("des", "md5", "pre-share", 1, 28800)}
    assert set(security.ike_profiles) == {"gateway-2", "gateway-3"}
    gw3 = security.ike_profiles["gateway-3"]
    assert [i.address for i in gw3.identities] == ["10.13.0.3"]  # line 26
    assert gw3.local_interface == "ge-0/0/1"  # external-interface ge-0/0/1.0
    assert gw3.proposals == [1, 2]
    assert gw3.keyring == "gateway-3" and gw3.exchange_mode is None
    [psk] = security.keyrings["gateway-3"].pre_shared_keys
    assert psk.address == "10.13.0.3"
    assert psk.key == Secret("junos9", "$9$/E6g9tO1IcSrvfTCu1hKv-VwgJD")  # line 24
    assert "$9$/E6g9" not in parsed.report.shown_text(24)
    assert outcome(parsed, 23) == ("parsed", None)


def test_srx1_vpns_become_protected_tunnel_interfaces() -> None:
    parsed = parse_file("08-")
    security, interfaces = parsed.config.security, parsed.config.interfaces
    assert {name: (t.transforms, t.mode) for name, t in security.transform_sets.items()} == {
        "nopfs-esp-des-sha": (["esp-des", "esp-sha-hmac"], "tunnel"),
        "nopfs-esp-des-md5": (["esp-des", "esp-md5-hmac"], "tunnel"),
    }
    vpn2 = security.ipsec_profiles["vpn-2"]
    assert vpn2.transform_sets == ["nopfs-esp-des-sha", "nopfs-esp-des-md5"]
    assert (vpn2.pfs, vpn2.lifetime_seconds, vpn2.ike_profile) == ("group1", 3600, "gateway-2")
    st2 = interfaces["st2"]  # st0 unit 2, line 101
    assert st2.kind == "tunnel" and str(st2.ipv4[0].address) == "10.0.12.1/24"
    assert (st2.tunnel_protection, st2.tunnel_mode) == ("vpn-2", "ipsec ipv4")
    assert (st2.tunnel_source, st2.tunnel_destination) == ("ge-0/0/0", "10.12.0.2")
    assert st2.src.get("tunnel_protection") == (36,)
    assert outcome(parsed, 101) == ("parsed", None)


# --- junos-srx-2 and -3: deactivated policies and VPNs -----------------------------------------


def test_srx2_deactivated_zone_pairs_and_permit_all() -> None:
    parsed = parse_file("09-")
    security = parsed.config.security
    assert [(p.from_zone, p.to_zone) for p in security.zone_policies] == [("trust", "trust")]
    for n in (52, 56, 57, 61):
        assert outcome(parsed, n) == ("ignored", INACTIVE_RULE)
    assert security.zone_default_action == "permit"  # line 62


def test_srx3_deactivated_vpn_leaves_a_plain_tunnel_and_more_screen_checks() -> None:
    parsed = parse_file("10-")
    security = parsed.config.security
    assert set(security.ipsec_profiles) == {"vpn-2"}  # vpn-1 deactivated, line 39
    st1 = parsed.config.interfaces["st1"]
    assert st1.tunnel_protection is None and str(st1.ipv4[0].address) == "10.0.13.3/24"
    assert set(security.ike_profiles) == {"gateway-1", "gateway-2"}
    assert security.screens["untrust-screen"].checks == [
        "ping-of-death",
        "ip-fragment",  # block-frag
        "ip-source-route",
        "ip-spoofing",  # line 43
        "teardrop",
        "unknown-protocol",
        "land",
    ]


# --- a branch SRX in brace form: what the corpus does not have -----------------------------------

BRANCH = (Path(__file__).parent / "data" / "junos_srx_branch.conf").read_text()


def test_branch_custom_ike_and_ipsec_proposals() -> None:
    security = JUNOS.parse(BRANCH).config.security
    [proposal] = security.ike_policies.values()
    assert (proposal.encryption, proposal.hash, proposal.group, proposal.lifetime) == (
        "aes-256",
        "sha256",
        14,
        86400,
    )
    hq = security.ike_profiles["HQ"]
    assert (hq.version, hq.keepalive, hq.dpd_retries) == (2, (20, 20), 3)
    assert hq.exchange_mode is None  # `mode main` is the model's default
    assert security.transform_sets["ESP-AES"].transforms == ["esp-aes", "esp-sha-hmac"]
    vpn = security.ipsec_profiles["TO-HQ"]
    assert (vpn.pfs, vpn.lifetime_seconds) == ("group14", 28800)


def test_branch_address_book_applications_and_policies() -> None:
    parsed = JUNOS.parse(BRANCH)
    security = parsed.config.security
    assert security.addresses["SERVERS"].prefix == ip_network("10.1.0.0/28")
    assert security.address_sets["INTERNAL"].addresses == ["SERVERS", "WEB"]
    web_alt = security.applications["WEB-ALT"]
    assert web_alt.terms == [
        ApplicationTerm(protocol="tcp", destination_ports=(8080, 8081), inactivity_timeout=600)
    ]
    # `term t2 protocol tcp destination-port domain`: several settings on one line
    assert [(t.protocol, t.destination_ports) for t in security.applications["DNS-BOTH"].terms] == [
        ("udp", (53, 53)),
        ("tcp", (53, 53)),
    ]
    assert security.application_sets["WEB-APPS"].applications == ["WEB-ALT", "junos-https"]
    out = security.zone_policies[0]
    assert (out.source_addresses, out.destination_addresses) == (["INTERNAL"], [])
    assert out.applications == ["junos-http", "junos-https", "WEB-ALT"]
    assert (out.log_init, out.log_close, out.count) == (False, True, True)
    assert security.applications["junos-https"].terms[0].destination_ports == (443, 443)
    # `policy OUT {` is the rule's header; `from-zone ... {` and `match {` are blocks
    assert outcome(parsed, 139) == ("parsed", None)
    assert outcome(parsed, 138)[0] == "block"


def test_branch_per_interface_host_inbound_and_nat() -> None:
    config = JUNOS.parse(BRANCH).config
    untrust = config.security.zones["untrust"]
    [extra] = untrust.interface_inbound
    assert (extra.interface, extra.services) == ("ge-0/0/0", ["ike", "ping"])
    assert config.security.zones["trust"].host_inbound_services == ["all"]
    snat, static = config.services.nat_rules
    assert (snat.kind, snat.acl, snat.interface, snat.overload) == (
        "dynamic",
        "NAT-TRUST-TO-UNTRUST-SNAT",
        "ge-0/0/0",
        True,
    )
    [entry] = config.acls["NAT-TRUST-TO-UNTRUST-SNAT"].entries
    assert entry.source is not None and (entry.source.address, entry.source.wildcard) == (
        "10.1.0.0",
        "0.0.0.255",
    )
    assert (static.inside_address, static.outside_address) == ("10.1.0.10", "203.0.113.5")
    assert {n: i.nat for n, i in config.interfaces.items()} == {
        "ge-0/0/0": "outside",
        "ge-0/0/1": "inside",
        "st1": "inside",
    }
    assert config.services.nat_pools == {}  # pool PUBLIC: used by no rule (ignored)


def test_a_policy_with_an_unknown_builtin_is_left_out_whole() -> None:
    parsed = JUNOS.parse(
        "set security zones security-zone a interfaces ge-0/0/0.0\n"
        "set security policies from-zone a to-zone a policy x match source-address any\n"
        "set security policies from-zone a to-zone a policy x match destination-address any\n"
        "set security policies from-zone a to-zone a policy x match application junos-nosuch\n"
        "set security policies from-zone a to-zone a policy x then permit\n"
        "set security nat destination pool d address 10.0.0.1/32\n"
        "set security zones security-zone a host-inbound-traffic system-services ssh except\n"
    )
    assert parsed.config.security.zone_policies == []
    for n in (2, 3, 4, 5):
        status, reason = outcome(parsed, n)
        assert status == "unsupported" and "junos-nosuch" in str(reason)
    assert outcome(parsed, 6)[0] == "unsupported"  # destination NAT
    assert outcome(parsed, 7)[0] == "unsupported"  # `except`


def test_objects_with_a_setting_not_translated_take_their_policies_with_them() -> None:
    parsed = JUNOS.parse(
        "set security address-book global address W wildcard-address 10.0.0.1/255.0.255.255\n"
        "set security address-book global address-set S address W\n"
        "set applications application A protocol tcp\n"
        "set applications application A rpc-program-number 100000\n"
        "set security policies from-zone a to-zone b policy p1 match source-address S\n"
        "set security policies from-zone a to-zone b policy p1 match destination-address any\n"
        "set security policies from-zone a to-zone b policy p1 match application any\n"
        "set security policies from-zone a to-zone b policy p1 then permit\n"
        "set security policies from-zone a to-zone b policy p2 match source-address any\n"
        "set security policies from-zone a to-zone b policy p2 match destination-address any\n"
        "set security policies from-zone a to-zone b policy p2 match application A\n"
        "set security policies from-zone a to-zone b policy p2 then deny\n"
    )
    security = parsed.config.security
    # W would match nothing it should, A every TCP port: neither may stand in a rule
    assert "W" not in security.addresses and "A" not in security.applications
    assert security.zone_policies == []
    assert "address W" in str(outcome(parsed, 5)[1])
    assert "application A" in str(outcome(parsed, 11)[1])
    assert outcome(parsed, 3)[0] == "unsupported"  # A's own protocol line goes with it

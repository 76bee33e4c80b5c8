"""Juniper Junos parser: real corpus snippets, both display forms, deactivation, groups, line
accounting, secrets, and configurations cut short.

Expected values were read off the corpus files by hand (file and line named in each test).
"""

from __future__ import annotations

from ipaddress import IPv4Interface, ip_network
from pathlib import Path

import pytest
from conftest import corpus_files

from orchestrator.detect import detect_platform
from orchestrator.errors import ParseError
from orchestrator.model import DeviceConfig, Secret
from orchestrator.model.walk import differences, normalise, to_plain
from orchestrator.syntax import get_platform
from orchestrator.syntax.base import Parsed
from orchestrator.syntax.juniper_junos_export import LOAD_BALANCE_RULE
from orchestrator.syntax.juniper_junos_groups import to_set_lines
from orchestrator.syntax.juniper_junos_text import (
    INACTIVE_RULE,
    blank_block_comments,
    read_statements,
)
from orchestrator.syntax.linereport import NOT_UNDERSTOOD
from orchestrator.syntax.text import read_config, split_lines
from orchestrator.translate import translate_text

JUNOS = get_platform("juniper_junos")
FILES = [path for _, path in corpus_files("juniper_junos")]
NOT_UNDERSTOOD_TEXT = NOT_UNDERSTOOD.format(platform="juniper_junos")


def corpus(name: str) -> Path:
    return next(p for p in FILES if p.name.startswith(name))


def parse_file(name: str) -> Parsed:
    path = corpus(name)
    return JUNOS.parse(read_config(path).text, path=str(path))


def outcome(parsed: Parsed, n: int) -> tuple[str, str | None]:
    entry = parsed.report.lines[n]
    return entry.outcome, entry.reason


def plain(config: DeviceConfig) -> object:
    return normalise(to_plain(config))


# --- the whole corpus --------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=[p.name[:28] for p in FILES])
def test_every_corpus_file_parses_and_accounts_each_counted_line_once(path: Path) -> None:
    text = read_config(path).text
    parsed = JUNOS.parse(text, path=str(path))
    lines = split_lines(text)
    counted = {line.n for line in JUNOS.counted_lines(text)}
    assert set(parsed.report.lines) == counted
    for line in lines:
        if line.text == "}" or line.text.startswith(("#", "/*")) or not line.text:
            assert line.n not in parsed.report.lines  # separators and comments do not count
    for entry in parsed.report.lines.values():
        assert entry.reason != NOT_UNDERSTOOD_TEXT, f"{path.name}:{entry.n} {entry.text}"
        if entry.outcome in ("ignored", "unsupported"):
            assert entry.reason
        if entry.text.endswith("{"):
            assert entry.outcome in ("block", "parsed", "ignored", "unsupported")
        if entry.outcome == "block":
            assert entry.children, f"{path.name}:{entry.n} is a block without statements"


BRACE_FILES = [p for p in FILES if "\nset " not in read_config(p).text]


@pytest.mark.parametrize("path", BRACE_FILES, ids=[p.name[:28] for p in BRACE_FILES])
def test_brace_and_display_set_forms_of_a_corpus_file_give_equal_models(path: Path) -> None:
    text = read_config(path).text
    brace = JUNOS.parse(text)
    stream = read_statements(split_lines(blank_block_comments(text)))
    set_form = JUNOS.parse("\n".join(to_set_lines(stream)) + "\n")
    assert differences(plain(brace.config), plain(set_form.config)) == []


# --- both forms, written by hand ------------------------------------------------------------

BRACE = """\
system {
    host-name edge1;
    name-server {
        192.0.2.53;
    }
}
interfaces {
    ge-0/0/1 {
        description "uplink to core";
        mtu 9192;
        unit 0 {
            family inet {
                address 10.0.0.1/31;
            }
        }
    }
    ge-0/0/2 {
        vlan-tagging;
        unit 200 {
            vlan-id 200;
            family inet {
                address 10.2.0.1/24;
            }
        }
    }
}
routing-options {
    static {
        route 0.0.0.0/0 {
            next-hop 10.0.0.0;
            preference 250;
        }
    }
}
"""

SET = """\
set system host-name edge1
set system name-server 192.0.2.53
set interfaces ge-0/0/1 description "uplink to core"
set interfaces ge-0/0/1 mtu 9192
set interfaces ge-0/0/1 unit 0 family inet address 10.0.0.1/31
set interfaces ge-0/0/2 vlan-tagging
set interfaces ge-0/0/2 unit 200 vlan-id 200
set interfaces ge-0/0/2 unit 200 family inet address 10.2.0.1/24
set routing-options static route 0.0.0.0/0 preference 250
set routing-options static route 0.0.0.0/0 next-hop 10.0.0.0
"""


def test_hand_written_brace_and_set_forms_give_the_same_model() -> None:
    brace, set_form = JUNOS.parse(BRACE), JUNOS.parse(SET)
    assert differences(plain(brace.config), plain(set_form.config)) == []
    config = brace.config
    ge1 = config.interfaces["ge-0/0/1"]
    assert (ge1.description, ge1.mtu, ge1.kind) == ("uplink to core", 9192, "ethernet")
    assert [a.address for a in ge1.ipv4] == [IPv4Interface("10.0.0.1/31")]
    sub = config.interfaces["ge-0/0/2.200"]
    assert (sub.kind, sub.encapsulation_vlan) == ("subinterface", 200)
    assert "ge-0/0/2" in config.interfaces  # the parent port of the sub-interface
    [route] = config.static_routes
    assert (route.prefix, route.next_hop, route.distance) == (
        ip_network("0.0.0.0/0"),
        "10.0.0.0",
        250,
    )


def test_openers_of_model_nodes_are_parsed_into_them_and_others_are_blocks() -> None:
    parsed = JUNOS.parse(BRACE)
    ge1 = parsed.config.interfaces["ge-0/0/1"]
    assert set(ge1.src.get("")) >= {8, 11}  # `ge-0/0/1 {` and `unit 0 {`
    assert outcome(parsed, 8)[0] == outcome(parsed, 11)[0] == "parsed"
    assert outcome(parsed, 7)[0] == "block"  # `interfaces {`
    assert outcome(parsed, 12)[0] == "block"  # `family inet {`
    assert parsed.report.lines[7].children[:2] == (8, 9)
    assert outcome(parsed, 30)[0] == "parsed"  # `route 0.0.0.0/0 {` is the route
    assert 30 in parsed.config.static_routes[0].src.get("")


# --- router1: EVPN/VXLAN service node (brace form) --------------------------------------------


def test_router1_interfaces_svis_and_vrfs() -> None:
    parsed = parse_file("05-")
    ifcs = parsed.config.interfaces
    assert ifcs["ge-0/0/1"].description == "to node2-1 (spine1)"
    assert ifcs["ge-0/0/1"].mtu == 9192  # raw Junos value; adapt removes the 14-byte header
    assert JUNOS.mtu_overhead == 14
    assert ifcs["ge-0/0/3"].vrf == "TENANT-A"
    # irb.100 is the l3-interface of VLAN100 (vlan-id 100): the SVI of VLAN 100
    irb = ifcs["irb100"]
    assert (irb.kind, irb.vrf, [str(a.address) for a in irb.ipv4]) == (
        "svi",
        "TENANT-A",
        ["172.16.100.3/24"],
    )
    assert ifcs["irb300"].vrf == "TENANT-B"
    assert [str(a.address) for a in ifcs["lo0"].ipv4] == ["172.16.0.100/32"]
    assert ifcs["lo0"].kind == "loopback"
    assert [str(a.address) for a in ifcs["fxp0"].ipv6] == ["2001:db8::2/64"]
    assert outcome(parsed, 44) == ("parsed", None)  # anycast gateway (round 3 test below)
    vrf = parsed.config.vrfs["TENANT-A"]
    assert (vrf.rd, vrf.import_targets, vrf.export_targets) == (
        "172.16.0.100:10000",
        ["65000:10000"],
        ["65000:10000"],
    )
    assert {v.id: v.name for v in parsed.config.vlans.values()} == {
        100: "VLAN100",
        200: "VLAN200",
        300: "VLAN300",
        400: "VLAN400",
    }
    routes = {(str(r.prefix), r.next_hop, r.vrf) for r in parsed.config.static_routes}
    assert routes == {
        ("::/0", "2001:db8::1", "mgmt_junos"),
        ("0.0.0.0/0", "10.0.0.2", "mgmt_junos"),
    }


def test_router1_bgp_groups_families_and_policies() -> None:
    parsed = parse_file("05-")
    bgp = parsed.config.bgp
    assert bgp is not None
    assert (bgp.asn, bgp.router_id, bgp.graceful_restart, bgp.log_neighbor_changes) == (
        "65100",
        "172.16.0.100",
        True,
        True,
    )
    overlay = bgp.peer_groups["overlay"]
    # type internal with local-as 65000: the iBGP peers are in AS 65000
    assert (overlay.remote_as, overlay.local_as, overlay.update_source) == ("65000", "65000", "lo0")
    assert bgp.peer_groups["underlay"].bfd is True
    assert bgp.peer_groups["underlay"].local_as is None  # local-as 65100 is the own AS
    assert outcome(parsed, 330) == (
        "ignored",
        "local-as equal to the router's own AS has no effect",
    )
    spine = bgp.neighbors["172.16.254.9"]
    assert (spine.remote_as, spine.description, spine.peer_group) == (
        "65011",
        "node2-1",
        "underlay",
    )
    ipv4 = bgp.family("ipv4", "unicast")
    assert (ipv4.peers["underlay"].route_map_in, ipv4.peers["underlay"].route_map_out) == (
        "import-underlay",
        "export-underlay",
    )
    assert ipv4.peers["overlay"].activate is False  # the overlay group carries EVPN only
    assert bgp.family("l2vpn-evpn", "evpn").peers["overlay"].activate is True
    assert {(r.protocol, r.route_map) for r in ipv4.redistribute} == {
        ("connected", "export-underlay"),
        ("static", "export-underlay"),
    }
    assert (ipv4.maximum_paths, bgp.bestpath_as_path_multipath_relax) == (16, True)
    # the VRF group is flattened into its neighbor
    edge = bgp.vrfs["TENANT-A"].neighbors["10.99.0.1"]
    assert (edge.remote_as, edge.description) == ("65200", "edge1")
    vrf_af = bgp.family("ipv4", "unicast", "TENANT-A")
    assert vrf_af.peers["10.99.0.1"].route_map_in == "import-from-edge"
    # export-to-edge only accepts direct/evpn/bgp routes: it is redistribution, no route map
    assert vrf_af.peers["10.99.0.1"].route_map_out is None
    assert [(r.protocol, r.route_map) for r in vrf_af.redistribute] == [("connected", None)]
    assert "export-to-edge" not in parsed.config.route_maps
    assert outcome(parsed, 136)[0] == "parsed"
    assert 136 in vrf_af.redistribute[0].src.every()


def test_router1_policy_statements_and_communities() -> None:
    parsed = parse_file("05-")
    rmap = parsed.config.route_maps["TENANT-A-export"]
    first, second = rmap.entries
    assert (first.seq, first.name, first.action) == (10, "default-route", "permit")
    protocol, route_filter = first.matches
    assert (protocol.kind, protocol.values) == ("protocol", ["static"])
    [prefix] = route_filter.prefixes
    assert (route_filter.kind, str(prefix.prefix), prefix.ge, prefix.le) == (
        "route-filter",
        "0.0.0.0/0",
        None,
        None,
    )
    [rt] = first.sets
    assert (rt.kind, rt.values, rt.additive) == (
        "extcommunity-rt",
        ["65000:10000", "65000:99"],
        True,
    )
    assert (second.seq, second.name, [s.values for s in second.sets]) == (
        20,
        "evpn",
        [["65000:10000"]],
    )
    underlay = parsed.config.route_maps["import-underlay"].entries
    assert [(e.name, e.action) for e in underlay] == [
        ("loopbacks", "permit"),
        ("p2p", "permit"),
        ("deny", "deny"),
    ]
    assert underlay[0].matches[0].prefixes[0].le == 32  # orlonger
    clist = parsed.config.community_lists["TENANT-A-community"]
    assert clist.entries[0].communities == ["target:65000:10000"]
    # load-balance-per-flow only feeds the forwarding table: ignored, no route map
    assert "load-balance-per-flow" not in parsed.config.route_maps
    assert outcome(parsed, 193) == ("ignored", LOAD_BALANCE_RULE)
    assert outcome(parsed, 191)[0] == "block"


# --- EX switch (brace form) --------------------------------------------------------------------


def test_ex_switch_ports_vlans_svis_and_snmp() -> None:
    parsed = parse_file("02-")
    config = parsed.config
    assert {v.id: v.name for v in config.vlans.values()} == {
        10: "management",
        20: "private-eth",
        30: "public-eth",
        100: "wan",
    }
    ge0 = config.interfaces["ge-0/0/0"].switchport
    assert ge0 is not None and (ge0.mode, ge0.access_vlan) == ("access", 30)
    trunk = config.interfaces["ge-0/0/22"].switchport
    assert trunk is not None and (trunk.mode, trunk.trunk_allowed) == ("trunk", None)
    bare = config.interfaces["ge-0/1/0"].switchport
    assert bare is not None and (bare.mode, bare.access_vlan) == ("access", None)
    # vlan.10 is the l3-interface of VLAN `management` (10)
    assert [str(a.address) for a in config.interfaces["vlan10"].ipv4] == ["192.168.1.2/24"]
    assert [str(a.address) for a in config.interfaces["vlan100"].ipv4] == ["10.129.152.135/25"]
    snmp = config.system.snmp
    [community] = snmp.communities
    assert (community.name, community.access, community.acl) == (
        Secret("plain", "school-ro"),
        "ro",
        "SNMP-CLIENTS-1",
    )
    [entry] = config.acls["SNMP-CLIENTS-1"].entries
    assert entry.source is not None
    assert (entry.action, entry.source.address, entry.source.wildcard) == (
        "permit",
        "10.143.255.0",
        "0.0.0.255",
    )
    assert [h.address for h in snmp.hosts] == [
        "10.143.255.2",
        "10.143.255.6",
        "10.143.255.10",
        "10.143.255.14",
        "10.143.255.42",
    ]
    assert {h.community for h in snmp.hosts} == {Secret("plain", "ESMA")}
    assert (config.system.stp_mode, config.system.lldp) == ("rstp", True)
    assert (config.system.ssh_server, config.system.telnet_server) == (True, True)
    assert config.system.users["admin"].privilege == 15  # class super-user
    # the community name is a secret on its opener line too
    assert "school-ro" not in parsed.report.shown_text(295)
    assert outcome(parsed, 318) == ("parsed", None)  # igmp-snooping vlan all


# --- display set form: deactivate, classes, plain export policy -------------------------------


def test_set_form_deactivate_users_and_bgp() -> None:
    parsed = parse_file("04-")
    config = parsed.config
    assert outcome(parsed, 13) == ("ignored", INACTIVE_RULE)  # set system syslog user * ...
    assert outcome(parsed, 14) == ("ignored", INACTIVE_RULE)  # deactivate system syslog user *
    ntc = config.system.users["ntc"]
    # class super-user-local has `permissions all`: full privilege, from the class line too
    assert ntc.privilege == 15 and 3 in ntc.src.get("privilege")
    assert ntc.secret is not None and ntc.secret.kind == "unix_hash"
    assert config.system.users["root"].privilege == 15
    assert outcome(parsed, 2) == ("unsupported", "idle timeout per login class")
    assert (config.system.netconf, config.system.ssh_server) == (True, True)
    assert [str(a.address) for a in config.interfaces["lo0"].ipv4] == ["10.0.20.1/32"]
    assert config.interfaces["ge-0/0/2"].routed is True  # `family inet` without address
    assert config.interfaces["fxp0"].description == "MANAGEMENT_INTEFACE__DO_NOT_CHANGE"
    bgp = config.bgp
    assert bgp is not None and bgp.asn == "65252"  # from `protocols bgp local-as`
    assert {a: n.remote_as for a, n in bgp.neighbors.items()} == {
        "10.10.0.22": "65252",
        "10.10.0.26": "65252",
        "10.11.11.6": "65253",
    }
    ipv4 = bgp.family()
    assert [(r.protocol, r.route_map) for r in ipv4.redistribute] == [("connected", None)]
    assert ipv4.peers["p2p"].route_map_out is None and config.route_maps == {}
    assert {c.name.value: c.access for c in config.system.snmp.communities} == {
        "networktocode": "ro",
        "secure": "rw",
    }
    assert config.system.snmp.views == {"system-include": [("1", True)]}
    assert config.vrfs["mgmt_junos"].description == "Management VRF"


def test_srx_routing_side_deactivated_group_and_security() -> None:
    parsed = parse_file("08-")
    bgp = parsed.config.bgp
    assert bgp is not None
    assert set(bgp.peer_groups) == {"physical"}  # group vpn is deactivated (line 110)
    for n in (107, 108, 109, 110):
        assert outcome(parsed, n) == ("ignored", INACTIVE_RULE)
    # `protocols bgp export bgp_export` is inherited by the group
    assert bgp.family().peers["physical"].route_map_out == "bgp_export"
    [entry] = parsed.config.route_maps["bgp_export"].entries
    [prefix] = entry.matches[0].prefixes
    assert (str(prefix.prefix), prefix.ge, prefix.le) == ("10.0.0.0/8", 9, 32)  # longer
    assert any("bgp_export" in w for w in parsed.report.warnings)
    assert outcome(parsed, 117) == ("ignored", LOAD_BALANCE_RULE)
    assert outcome(parsed, 60) == ("parsed", None)  # SRX policy match (see the SRX tests)
    assert outcome(parsed, 7)[0] == "unsupported"  # ssh-rsa key
    assert "st0.2" not in parsed.config.interfaces and "st0" not in parsed.config.interfaces


# --- deactivate, inactive, delete, groups ------------------------------------------------------


def test_inactive_prefix_and_deactivate_after_set_and_activate() -> None:
    brace = JUNOS.parse(
        "interfaces {\n"
        "    inactive: ge-0/0/1 {\n"
        "        description gone;\n"
        "    }\n"
        "    ge-0/0/2 {\n"
        "        inactive: description old;\n"
        "        mtu 1600;\n"
        "    }\n"
        "}\n"
    )
    assert "ge-0/0/1" not in brace.config.interfaces
    assert brace.config.interfaces["ge-0/0/2"].description is None
    assert [outcome(brace, n)[0] for n in (2, 3, 6, 7)] == [
        "ignored",
        "ignored",
        "ignored",
        "parsed",
    ]
    set_form = JUNOS.parse(
        "set interfaces ge-0/0/1 description a\n"
        "deactivate interfaces ge-0/0/1\n"
        "set interfaces ge-0/0/2 description b\n"
        "deactivate interfaces ge-0/0/2\n"
        "activate interfaces ge-0/0/2\n"
        "set interfaces ge-0/0/3 description c\n"
        "delete interfaces ge-0/0/3\n"
    )
    assert set(set_form.config.interfaces) == {"ge-0/0/2"}
    assert outcome(set_form, 1) == ("ignored", INACTIVE_RULE)
    assert outcome(set_form, 6) == ("ignored", "removed by `delete` on line 7")


def test_groups_are_expanded_over_the_names_the_configuration_has() -> None:
    parsed = JUNOS.parse(
        "groups {\n"
        "    JUMBO {\n"
        "        interfaces {\n"
        "            <ge-*> {\n"
        "                mtu 9216;\n"
        "            }\n"
        "        }\n"
        "    }\n"
        "    UNUSED {\n"
        "        system {\n"
        "            host-name nope;\n"
        "        }\n"
        "    }\n"
        "}\n"
        "apply-groups JUMBO;\n"
        "interfaces {\n"
        "    ge-0/0/0 {\n"
        "        unit 0 {\n"
        "            family inet {\n"
        "                address 10.1.1.1/24;\n"
        "            }\n"
        "        }\n"
        "    }\n"
        "    xe-0/0/1 {\n"
        "        mtu 1500;\n"
        "    }\n"
        "}\n"
    )
    ifcs = parsed.config.interfaces
    assert (ifcs["ge-0/0/0"].mtu, ifcs["xe-0/0/1"].mtu) == (9216, 1500)
    assert 5 in ifcs["ge-0/0/0"].src.get("mtu")
    assert outcome(parsed, 5)[0] == "parsed"
    assert outcome(parsed, 11)[0] == "ignored"  # group UNUSED is applied nowhere
    assert parsed.config.system.hostname is None
    assert outcome(parsed, 15)[0] == "ignored"  # apply-groups itself


# --- text handling -----------------------------------------------------------------------------


def test_comments_annotations_prompts_and_secret_data_markers() -> None:
    parsed = JUNOS.parse(
        "## Last commit: 2015-06-28 13:00:59 CST by mpenning\n"
        "user@r1> show configuration\n"
        "/* the uplink\n"
        "   to the core */\n"
        "system {\n"
        "    root-authentication {\n"
        '        encrypted-password "$1$y7ArHxKU$zUbdeLfBirgkCsKiOJ5Qa0"; ## SECRET-DATA\n'
        "    }\n"
        "}\n"
        "{master:0}\n"
    )
    assert set(parsed.report.lines) == {2, 5, 6, 7, 10}
    assert outcome(parsed, 2)[0] == outcome(parsed, 10)[0] == "ignored"
    root = parsed.config.system.users["root"]
    assert root.secret == Secret("unix_hash", "$1$y7ArHxKU$zUbdeLfBirgkCsKiOJ5Qa0")
    assert "zUbdeLf" not in parsed.report.shown_text(7)


def test_junos9_secrets_keep_their_kind() -> None:
    parsed = JUNOS.parse(
        "set protocols bgp group ext type external\n"
        'set protocols bgp group ext authentication-key "$9$LbHX-wg4Z"\n'
        "set protocols bgp group ext neighbor 192.0.2.1 peer-as 65001\n"
        "set routing-options autonomous-system 65000\n"
    )
    assert parsed.config.bgp is not None
    assert parsed.config.bgp.peer_groups["ext"].password == Secret("junos9", "$9$LbHX-wg4Z")
    assert "$9$" not in parsed.report.shown_text(2)


def test_truncated_brace_file_names_the_file_and_the_last_line() -> None:
    text = "system {\n    host-name r1;\n}\ninterfaces {\n    ge-0/0/0 {\n        mtu 1500;\n"
    with pytest.raises(ParseError) as info:
        JUNOS.parse(text, path="cut.cfg")
    assert info.value.line == 6 and info.value.exit_code == 2
    assert str(info.value).startswith("cut.cfg:6: the file is cut short")
    assert "`ge-0/0/0 {` (line 5)" in str(info.value)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("system {\n    host-name r1;\n}\n}\n", 4, "closes nothing"),
        ('set system host-name "r1\nset interfaces ge-0/0/0 mtu 1500\n', 1, "never closed"),
        ("system {\n    host-name r1;\n}\nrouting-options\n", 4, "does not end with `;`"),
    ],
)
def test_unbalanced_or_cut_statements_are_parse_errors(text: str, line: int, words: str) -> None:
    with pytest.raises(ParseError, match=words) as info:
        JUNOS.parse(text, path="bad.cfg")
    assert info.value.line == line


def test_junos_files_are_detected() -> None:
    assert detect_platform(BRACE) == "juniper_junos"
    assert detect_platform(SET) == "juniper_junos"


# --- an MX edge router written by hand: the statements the corpus does not have --------------

MX = """\
system {
    time-zone Europe/Berlin;
    authentication-order [ tacplus password ];
    tacplus-server {
        10.0.0.49 {
            secret "$9$abcdefghijk"; ## SECRET-DATA
            source-address 10.255.0.1;
        }
    }
    ntp {
        authentication-key 1 type md5 value "$9$ntpkey"; ## SECRET-DATA
        server 10.0.0.123 key 1 prefer;
        trusted-key 1;
    }
    syslog {
        host 10.0.0.99 {
            any info;
            authorization info;
        }
    }
}
interfaces {
    xe-0/0/0 {
        gigether-options {
            802.3ad ae0;
        }
    }
    ae0 {
        aggregated-ether-options {
            lacp {
                passive;
            }
        }
        unit 0 {
            family inet {
                address 10.1.0.1/30;
            }
        }
    }
    ge-1/0/0 {
        unit 0 {
            family bridge {
                interface-mode trunk;
                vlan-id-list [ 10 20 ];
            }
        }
    }
    irb {
        unit 10 {
            family inet {
                address 10.10.0.2/24 {
                    vrrp-group 10 {
                        virtual-address 10.10.0.1;
                        priority 200;
                        preempt;
                    }
                }
            }
        }
    }
    lo0 {
        unit 0 {
            family inet {
                filter {
                    input PROTECT-RE;
                }
                address 10.255.0.1/32;
            }
        }
    }
}
bridge-domains {
    BD10 {
        vlan-id 10;
        routing-interface irb.10;
    }
    BD20 {
        vlan-id 20;
    }
}
routing-options {
    router-id 10.255.0.1;
    autonomous-system 64500;
    static {
        route 192.0.2.0/24 discard;
        route 198.51.100.0/24 {
            next-hop 10.1.0.2;
            no-readvertise;
        }
    }
}
protocols {
    ospf {
        export STATIC-TO-OSPF;
        area 0.0.0.0 {
            interface ae0.0 {
                interface-type p2p;
                metric 10;
            }
            interface lo0.0 {
                passive;
            }
        }
    }
    bgp {
        group TRANSIT {
            type external;
            import TRANSIT-IN;
            export TRANSIT-OUT;
            neighbor 203.0.113.1 {
                description "transit provider one";
                peer-as 65010;
            }
        }
    }
}
policy-options {
    prefix-list MINE {
        192.0.2.0/24;
    }
    policy-statement STATIC-TO-OSPF {
        term statics {
            from protocol static;
            then accept;
        }
    }
    policy-statement TRANSIT-IN {
        term bogons {
            from {
                route-filter 10.0.0.0/8 orlonger;
                route-filter 192.168.0.0/16 upto /24;
            }
            then reject;
        }
        then {
            local-preference 80;
            accept;
        }
    }
    policy-statement TRANSIT-OUT {
        term mine {
            from {
                prefix-list-filter MINE exact;
            }
            then {
                as-path-prepend "64500 64500";
                accept;
            }
        }
        term no {
            then reject;
        }
    }
}
firewall {
    family inet {
        filter PROTECT-RE {
            term ssh {
                from {
                    source-prefix-list {
                        MINE;
                    }
                    protocol tcp;
                    destination-port ssh;
                }
                then accept;
            }
            term bgp {
                from {
                    protocol tcp;
                    port bgp;
                }
                then accept;
            }
            term deny {
                then {
                    count denied;
                    log;
                    discard;
                }
            }
        }
    }
}
"""


def test_mx_system_time_aaa_and_logging() -> None:
    parsed = JUNOS.parse(MX)
    system = parsed.config.system
    assert system.timezone == ("CET", 1, 0)
    assert system.summer_time is not None
    assert (system.summer_time.zone, system.summer_time.start, system.summer_time.end) == (
        "CEST",
        ("last", "Sun", "Mar", "2:00"),
        ("last", "Sun", "Oct", "3:00"),
    )
    [order] = system.aaa.method_lists
    assert (order.service, order.methods) == ("login", ["group:tacacs", "local"])
    [tacacs] = system.aaa.servers
    assert (tacacs.address, tacacs.key) == ("10.0.0.49", Secret("junos9", "$9$abcdefghijk"))
    assert system.aaa.source_interface == "lo0"  # the interface owning 10.255.0.1
    ntp = system.ntp
    assert ntp.servers["10.0.0.123"].prefer and ntp.servers["10.0.0.123"].key_id == 1
    assert (ntp.keys, ntp.trusted_keys, ntp.authenticate) == (
        {1: Secret("junos9", "$9$ntpkey")},
        [1],
        True,
    )
    assert system.logging.hosts["10.0.0.99"].level == "informational"
    assert outcome(parsed, 18)[0] == "unsupported"  # authorization info: per-facility level


def test_mx_lag_bridge_domains_vrrp_and_filters() -> None:
    parsed = JUNOS.parse(MX)
    ifcs = parsed.config.interfaces
    assert (ifcs["xe-0/0/0"].lag_group, ifcs["xe-0/0/0"].lag_mode) == (0, "passive")
    assert 31 in ifcs["xe-0/0/0"].src.get("lag_mode")  # the `passive;` line of ae0
    assert ifcs["ae0"].kind == "lag"
    trunk = ifcs["ge-1/0/0"].switchport
    assert trunk is not None and (trunk.mode, trunk.trunk_allowed) == ("trunk", [10, 20])
    svi = ifcs["irb10"]  # irb.10 is the routing-interface of bridge domain BD10 (VLAN 10)
    [vrrp] = svi.fhrp
    assert (vrrp.protocol, vrrp.group, vrrp.virtual_ip, vrrp.priority, vrrp.preempt) == (
        "vrrp",
        10,
        ["10.10.0.1"],
        200,
        True,
    )
    assert {v.id: v.name for v in parsed.config.vlans.values()} == {10: "BD10", 20: "BD20"}
    assert ifcs["lo0"].acl_in == "PROTECT-RE"
    entries = parsed.config.acls["PROTECT-RE"].entries
    described = [
        (
            e.seq,
            e.action,
            e.protocol,
            e.source and e.source.address,
            e.source_port and e.source_port.ports,
            e.destination_port and e.destination_port.ports,
            e.log,
        )
        for e in entries
    ]
    assert described == [
        (10, "permit", "tcp", "192.0.2.0", None, (22,), False),
        (20, "permit", "tcp", None, (179,), None, False),  # `port bgp`: either side
        (30, "permit", "tcp", None, None, (179,), False),
        (40, "deny", "ip", None, None, None, True),
    ]


def test_mx_routing_policies_and_redistribution() -> None:
    parsed = JUNOS.parse(MX)
    config = parsed.config
    routes = {(str(r.prefix), r.next_hop, r.interface) for r in config.static_routes}
    assert routes == {("192.0.2.0/24", None, "dsc"), ("198.51.100.0/24", "10.1.0.2", None)}
    # the route must not be advertised, but OSPF redistributes static routes
    assert outcome(parsed, 88)[0] == "unsupported"
    ospf = config.ospf["1"]
    assert (ospf.router_id, [(r.protocol, r.route_map) for r in ospf.redistribute]) == (
        "10.255.0.1",
        [("static", None)],
    )
    assert "STATIC-TO-OSPF" not in config.route_maps
    ae0 = config.interfaces["ae0"].ospf
    assert ae0 is not None
    assert (ae0.area, ae0.cost, ae0.network_type) == ("0.0.0.0", 10, "point-to-point")
    lo0 = config.interfaces["lo0"].ospf
    assert lo0 is not None and lo0.passive is True
    bgp = config.bgp
    assert bgp is not None
    assert bgp.neighbors["203.0.113.1"].description == "transit provider one"
    transit_in = config.route_maps["TRANSIT-IN"].entries
    assert [(e.seq, e.name, e.action) for e in transit_in] == [
        (10, "bogons", "deny"),
        (20, None, "permit"),  # the policy's own from/then come after its terms
    ]
    upto = transit_in[0].matches[0].prefixes[1]
    assert (str(upto.prefix), upto.ge, upto.le) == ("192.168.0.0/16", None, 24)
    mine = config.route_maps["TRANSIT-OUT"].entries[0]
    assert [(p.prefix, p.ge, p.le) for p in mine.matches[0].prefixes] == [
        (ip_network("192.0.2.0/24"), None, None)
    ]
    assert [(s.kind, s.values) for s in mine.sets] == [("as-path-prepend", ["64500", "64500"])]


# --- leaf1: EVPN-VXLAN and VRF route-target policies (brace form) -----------------------------


def test_leaf1_evpn_vxlan_overlay() -> None:
    parsed = parse_file("06-")
    config = parsed.config
    assert config.vlans[100].vni == 10100  # vlans VLAN100 vxlan vni 10100 (line 186)
    nve = config.nve["nve1"]
    assert (nve.source_interface, nve.bgp_evpn) == ("lo0", True)  # vtep-source lo0.0
    assert {v: (m.l3, m.replication) for v, m in nve.vnis.items()} == {
        10100: (False, "bgp"),
        10200: (False, "bgp"),
        10300: (False, "bgp"),
        10400: (False, "bgp"),
        50000: (True, None),
        50001: (True, None),
    }
    evi = config.evpn_vnis[10100]  # extended-vni-list all, switch-options vrf-target
    assert (evi.rd, evi.import_targets, evi.export_targets) == (
        "auto",
        ["65000:9999"],
        ["65000:9999"],
    )
    assert outcome(parsed, 346)[0] == "ignored"  # one RD for the switch: targets use rd auto
    tenant_a = config.vrfs["TENANT-A"]
    assert tenant_a.vni == 50000
    assert config.bgp is not None
    assert config.bgp.family("ipv4", "unicast", "TENANT-A").advertise_evpn is True
    assert 224 in config.bgp.family("ipv4", "unicast", "TENANT-A").src.get("advertise_evpn")


def test_leaf1_vrf_import_export_policies_become_route_targets() -> None:
    parsed = parse_file("06-")
    tenant_a = parsed.config.vrfs["TENANT-A"]
    # vrf-import TENANT-A-import accepts TENANT-A-RT and TENANT-B-RT: it imports both targets
    assert tenant_a.import_targets == ["65000:10000", "65000:20000"]
    assert tenant_a.export_targets == ["65000:10000"]  # vrf-export adds TENANT-A-RT
    assert tenant_a.evpn_import_targets == ["65000:10000", "65000:20000"]
    assert (tenant_a.import_map, tenant_a.export_map) == (None, None)
    assert "TENANT-A-import" not in parsed.config.route_maps
    assert 235 in tenant_a.src.get("import_targets")
    assert 130 in tenant_a.src.get("import_targets")  # `from community TENANT-A-RT;`
    # the policies replace what vrf-target gives, as they do on the box
    assert outcome(parsed, 234) == (
        "ignored",
        "vrf-import and vrf-export policies replace the route targets vrf-target would give",
    )


def test_interface_ranges_expand_onto_their_members() -> None:
    parsed = JUNOS.parse(
        "interfaces {\n"
        "    interface-range ACCESS {\n"
        "        member ge-0/0/[0-1];\n"
        "        member-range ge-0/0/10 to ge-0/0/11;\n"
        '        description "user port";\n'
        "        unit 0 {\n"
        "            family ethernet-switching {\n"
        "                vlan {\n"
        "                    members USERS;\n"
        "                }\n"
        "            }\n"
        "        }\n"
        "    }\n"
        "    ge-0/0/1 {\n"
        "        description printer;\n"
        "    }\n"
        "}\n"
        "vlans {\n"
        "    USERS {\n"
        "        vlan-id 10;\n"
        "    }\n"
        "}\n"
    )
    ifcs = parsed.config.interfaces
    assert sorted(ifcs) == ["ge-0/0/0", "ge-0/0/1", "ge-0/0/10", "ge-0/0/11"]
    for name in ifcs:
        sw = ifcs[name].switchport
        assert sw is not None and (sw.mode, sw.access_vlan) == ("access", 10)
        assert 2 in ifcs[name].src.get("")  # `interface-range ACCESS {` stands for the port
    assert ifcs["ge-0/0/0"].description == "user port"
    assert ifcs["ge-0/0/1"].description == "printer"  # the port's own statement wins
    assert outcome(parsed, 3)[0] == outcome(parsed, 4)[0] == "ignored"


def test_dhcp_relay_becomes_helper_addresses() -> None:
    parsed = JUNOS.parse(
        "set vlans v10 vlan-id 10\n"
        "set vlans v10 l3-interface irb.10\n"
        "set interfaces irb unit 10 family inet address 10.10.0.1/24\n"
        "set forwarding-options dhcp-relay server-group SG 10.0.0.5\n"
        "set forwarding-options dhcp-relay server-group SG 10.0.0.6\n"
        "set forwarding-options dhcp-relay active-server-group SG\n"
        "set forwarding-options dhcp-relay group G interface irb.10\n"
        "set forwarding-options dhcp-relay relay-option-82\n"
    )
    svi = parsed.config.interfaces["irb10"]
    assert svi.helper_addresses == ["10.0.0.5", "10.0.0.6"]
    assert set(svi.src.get("helper_addresses")) == {4, 5, 6, 7}
    assert outcome(parsed, 8)[0] == "unsupported"


def test_a_damaged_value_costs_its_own_line_only() -> None:
    parsed = JUNOS.parse(
        "set system host-name r1\n"
        "set routing-options static route 198.51.100#0/24 next-hop 10.0.0.1\n"
        "set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.2/24\n"
    )
    assert outcome(parsed, 2)[0] == "unsupported"
    assert parsed.config.static_routes == []
    assert parsed.config.system.hostname == "r1"
    assert [str(a.address) for a in parsed.config.interfaces["ge-0/0/0"].ipv4] == ["10.0.0.2/24"]


# --- round 3: BGP BFD timers and path MTU, anycast gateway, IGMP snooping, LAG and VRRP ---------


def test_router1_bgp_bfd_timers_mtu_discovery_and_vpn_apply_export() -> None:
    parsed = parse_file("05-")
    bgp = parsed.config.bgp
    assert bgp is not None
    underlay, overlay = bgp.peer_groups["underlay"], bgp.peer_groups["overlay"]
    # bfd-liveness-detection { minimum-interval 350; multiplier 3; } (lines 335-336)
    assert (underlay.bfd, underlay.bfd_interval) == (True, (350, 350, 3))
    assert underlay.src.get("bfd_interval") == (335, 336)
    assert underlay.path_mtu_discovery is True and overlay.path_mtu_discovery is True
    # the overlay group has no export policy: vpn-apply-export changes nothing (line 363)
    assert outcome(parsed, 363)[0] == "ignored"


def test_router1_virtual_gateway_address_is_the_svi_anycast_gateway() -> None:
    parsed = parse_file("05-")
    irb = parsed.config.interfaces["irb100"]
    assert [str(a.address) for a in irb.ipv4] == ["172.16.100.3/24"]
    assert irb.anycast_gateway == ["172.16.100.100"]  # line 44
    assert outcome(parsed, 44) == ("parsed", None)


def test_ex_igmp_snooping_on_every_vlan() -> None:
    parsed = parse_file("02-")
    assert parsed.config.system.igmp_snooping is True  # igmp-snooping { vlan all; }, line 318
    one = JUNOS.parse(
        "set vlans v10 vlan-id 10\n"
        "set protocols igmp-snooping vlan v10 disable\n"
        "set protocols igmp-snooping vlan v99\n"
    )
    assert one.config.vlans[10].igmp_snooping is False
    assert one.config.system.igmp_snooping is None
    assert outcome(one, 3)[0] == "unsupported"  # no such VLAN in the file


def test_lag_minimum_links_and_vrrp_accept_data() -> None:
    config = JUNOS.parse(
        "set interfaces ae0 aggregated-ether-options minimum-links 2\n"
        "set interfaces ge-0/0/1 unit 0 family inet address 10.0.0.2/24 vrrp-group 1 "
        "virtual-address 10.0.0.1\n"
        "set interfaces ge-0/0/1 unit 0 family inet address 10.0.0.2/24 vrrp-group 1 accept-data\n"
    ).config
    assert config.interfaces["ae0"].lag_min_links == 2
    [group] = config.interfaces["ge-0/0/1"].fhrp
    assert (group.virtual_ip, group.accept_data) == (["10.0.0.1"], True)


def test_tagged_port_mtu_is_held_in_the_untagged_convention() -> None:
    parsed = JUNOS.parse(
        "set interfaces ge-0/0/1 vlan-tagging\n"
        "set interfaces ge-0/0/1 mtu 1522\n"
        "set interfaces ge-0/0/1 unit 100 vlan-id 100\n"
        "set interfaces xe-0/0/2 flexible-vlan-tagging\n"
        "set interfaces xe-0/0/2 mtu 9192\n"
        "set interfaces ge-0/0/3 mtu 1514\n"
    )
    ifcs = parsed.config.interfaces
    # IP MTU 1504 = 1522 - 14 - 4: held as 1518 so that the generic 14-byte conversion holds
    assert (ifcs["ge-0/0/1"].mtu, ifcs["xe-0/0/2"].mtu, ifcs["ge-0/0/3"].mtu) == (1518, 9184, 1514)
    assert any("IP MTU 1504" in w for w in parsed.report.warnings)
    result = translate_text(
        "set interfaces ge-0/0/1 vlan-tagging\nset interfaces ge-0/0/1 mtu 1522\n",
        "huawei_vrp",
        source="juniper_junos",
    )
    assert result.lines[1].target == ["mtu 1504"]

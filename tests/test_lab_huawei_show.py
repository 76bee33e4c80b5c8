"""The Huawei output builders on records built by hand (cases a small lab does not produce:
shut ports, secondary addresses, empty tables), each read back with its ntc-templates
template; and the command grammar's abbreviations and error diagnosis."""

from __future__ import annotations

import re
from ipaddress import IPv4Address, IPv4Interface, IPv4Network
from typing import Any

import pytest
from ntc_templates.parse import parse_output

from orchestrator.lab.configtree import ConfigTree
from orchestrator.lab.platforms import huawei_show as show
from orchestrator.lab.platforms import huawei_show_net as net
from orchestrator.lab.platforms import huawei_show_routing as routing
from orchestrator.lab.platforms.huawei_cli import Grammar
from orchestrator.lab.platforms.huawei_diff import changes, render_changes
from orchestrator.lab.session import Session
from orchestrator.lab.state import ArpEntry, BgpSession, MacEntry, PortState, Route, VlanState

BOX = show.Box(
    "EDGE-1",
    "AR6140-16G4XG",
    "5.170 (AR6100 V300R019C10SPC300)",
    "0200.1111.2222",
    "LAB123",
    boot_time=1_700_000_000.0,
    now=1_700_700_000.0,
)

PORTS = [
    PortState(
        "GigabitEthernet0/0/1",
        "ethernet",
        True,
        True,
        "0200.1111.2223",
        description="uplink",
        ipv4=(IPv4Interface("10.0.0.1/30"), IPv4Interface("10.9.0.1/24")),
    ),
    PortState(
        "GigabitEthernet0/0/2",
        "ethernet",
        False,
        False,
        "0200.1111.2224",
        switchport="trunk",
        trunk_vlans=(10, 20, 21, 22),
        native_vlan=1,
    ),
    PortState("GigabitEthernet0/0/3", "ethernet", True, True, "0200.1111.2225", lag="Eth-Trunk7"),
    PortState(
        "GigabitEthernet0/0/10",
        "ethernet",
        True,
        False,
        "0200.1111.2226",
        switchport="access",
        access_vlan=10,
    ),
    PortState(
        "Eth-Trunk7",
        "lag",
        True,
        True,
        "0200.1111.2227",
        members=("GigabitEthernet0/0/3",),
        switchport="trunk",
        trunk_vlans=(10,),
    ),
    PortState(
        "LoopBack0", "loopback", True, True, "0200.1111.2228", ipv4=(IPv4Interface("192.0.2.1/32"),)
    ),
    PortState(
        "Vlanif10", "svi", True, True, "0200.1111.2229", ipv4=(IPv4Interface("10.10.0.1/24"),)
    ),
]


def parse(command: str, text: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = parse_output(platform="huawei_vrp", command=command, data=text)
    return rows


def test_interfaces_shut_down_and_secondary_addresses() -> None:
    rows = {
        r["interface"]: r for r in parse("display interface", show.display_interface(PORTS, BOX))
    }
    assert set(rows) == {p.name for p in PORTS}
    assert rows["GigabitEthernet0/0/2"]["link_status"] == "Administratively DOWN"
    assert rows["GigabitEthernet0/0/1"]["ip_address"] == "10.0.0.1/30"  # the primary
    assert rows["GigabitEthernet0/0/10"]["vlan_id"] == "10"
    assert rows["Eth-Trunk7"]["aggregated_interfaces"] == ["GigabitEthernet0/0/3"]
    brief = {
        r["interface"]: r
        for r in parse("display interface brief", show.display_interface_brief(PORTS))
    }
    assert brief["GigabitEthernet0/0/2"]["phy"] == "*down"
    assert brief["LoopBack0"]["protocol"] == "up(s)"
    text = show.display_ip_interface_brief(PORTS, "vrp5")
    assert re.search(r"^GigabitEthernet0/0/1\s+10\.0\.0\.1/30\s+up\s+up$", text, re.M)
    assert "GigabitEthernet0/0/2 " not in text  # a switch port has no IP view


def test_versions_of_both_families() -> None:
    (five,) = parse("display version", show.display_version(BOX))
    assert five["uptime"] == "1 week, 1 day, 2 hours, 26 minutes"
    eight = show.Box(
        **{
            **BOX.__dict__,
            "family": "vrp8",
            "model": "NE40E-M2K",
            "version": "8.200 (NE40E V800R012C10SPC300)",
        }
    )
    (row,) = parse("display version", show.display_version(eight))
    assert (row["model"], row["vrp_version"]) == ("NE40E-M2K", "8.200")
    assert row["uptime"] == "8 days, 2 hours, 26 minutes"


def test_empty_tables_still_parse() -> None:
    assert parse("display mac-address", net.display_mac_address([])) == []
    assert parse("display eth-trunk", net.display_eth_trunk([], [], {})) == []
    assert parse("display bgp peer", routing.display_bgp_peer([], "65001", "1.1.1.1", "vrp5")) == []


def test_tables_with_learned_entries() -> None:
    arp = [
        ArpEntry(IPv4Address("10.0.0.1"), "0200.1111.2223", "GigabitEthernet0/0/1", own=True),
        ArpEntry(IPv4Address("10.10.0.9"), "0200.aaaa.cccc", "Vlanif10", age=3, vlan=10),
    ]
    rows = parse("display arp all", net.display_arp_all(arp, set(), "vrp5"))
    assert [(r["ip_address"], r["type"], r["expire"]) for r in rows] == [
        ("10.0.0.1", "I -", ""),
        ("10.10.0.9", "D-0", "17"),  # minutes left of VRP's 20
    ]
    macs = [
        MacEntry("0200.aaaa.cccc", 10, "GigabitEthernet0/0/10"),
        MacEntry("0200.aaaa.dddd", 20, "Eth-Trunk7", static=True),
    ]
    rows = parse("display mac-address", net.display_mac_address(macs))
    assert [(r["destination_port"], r["type"]) for r in rows] == [
        ("GE0/0/10", "dynamic"),
        ("Eth-Trunk7", "static"),
    ]
    bgp = [
        BgpSession(IPv4Address("10.0.0.2"), 65002, 65001, "Established", uptime=200_000),
        BgpSession(IPv4Address("10.0.0.6"), 4200000001, 65001, "Active"),
    ]
    rows = parse("display bgp peer", routing.display_bgp_peer(bgp, "65001", "1.1.1.1", "vrp5"))
    assert [(r["asn"], r["up_down"], r["state"]) for r in rows] == [
        ("65002", "55h33m", "Established"),
        ("4200000001", "00:00:00", "Active"),
    ]
    vlans = [
        VlanState(10, "users", True, ports=tuple(f"GigabitEthernet0/0/{i}" for i in range(1, 6)))
    ]
    (vlan,) = parse("display vlan", net.display_vlan(vlans, {}))
    assert vlan["vlan_description"] == "users"
    assert vlan["interface"][:4] == ["GE0/0/1", "GE0/0/2", "GE0/0/3", "GE0/0/4"]
    routes = [
        Route(IPv4Network("0.0.0.0/0"), "bgp", IPv4Address("10.0.0.2"), "GigabitEthernet0/0/1", 255)
    ]
    (route,) = parse(
        "display ip routing-table verbose",
        routing.display_ip_routing_table_verbose(routes, {}, {IPv4Address("10.0.0.2")}, "vrp5"),
    )
    assert (route["protocol"], route["preference"], route["next_hop"]) == (
        "EBGP",
        "255",
        "10.0.0.2",
    )


def test_trunks_and_port_vlans() -> None:
    rows = parse("display port vlan", net.display_port_vlan(PORTS))
    assert {r["interface"]: r["trunk_vlan_list"] for r in rows} == {
        "GigabitEthernet0/0/2": ["10", "20-22"],
        "GigabitEthernet0/0/10": [],
        "Eth-Trunk7": ["10"],
    }
    (member,) = parse(
        "display eth-trunk", net.display_eth_trunk([PORTS[4]], PORTS, {"Eth-Trunk7": "LACP"})
    )
    assert (member["working_mode"], member["interface"]) == ("LACP", "GigabitEthernet0/0/3")


def _noop(session: Session, m: re.Match[str]) -> str:
    return ""


GRAMMAR = Grammar(
    [
        ("display interface [brief]", _noop),
        ("display interface <name:interface>", _noop),
        ("display ip routing-table [verbose]", _noop),
        ("dir [<path:file>]", _noop),
        ("delete <file:file>", _noop),
        ("save [<file:file>]", _noop),
        ("startup saved-configuration <file:file>", _noop),
    ]
)


@pytest.mark.parametrize(
    ("line", "matches"),
    [
        ("dis int br", True),
        ("display interface GigabitEthernet 0/0/1", True),
        ("disp ip rou v", True),
        ("sa backup.cfg", True),
        ("st s vrpcfg.zip", True),
        ("di", False),
        ("display interface br x", False),
    ],
)
def test_keywords_abbreviate_to_any_unique_prefix(line: str, matches: bool) -> None:
    hit = any(cmd.pattern.fullmatch(line) for cmd in GRAMMAR.commands())
    assert hit is matches


@pytest.mark.parametrize(
    ("line", "kind", "offset"),
    [
        ("dispaly version", "unrecognized", 0),
        ("display interfaec", "unrecognized", 8),
        ("display", "incomplete", 7),
        ("display ip", "incomplete", 10),
        ("d", "ambiguous", 0),
        ("display interface brief now", "too-many", 24),
        ("save a.cfg b.cfg", "too-many", 11),
    ],
)
def test_errors_name_the_place(line: str, kind: str, offset: int) -> None:
    assert GRAMMAR.diagnose(line) == (kind, offset)


def test_config_changes_show_views_and_replaced_lines() -> None:
    old = ConfigTree.from_text("sysname A\n#\ninterface G1\n description old\n#\nvlan 5\n")
    new = ConfigTree.from_text("sysname B\n#\ninterface G1\n description new\n")
    assert render_changes(changes(old, new), signs=True).splitlines() == [
        "  #",
        "- sysname A",
        "+ sysname B",
        "  #",
        "  interface G1",
        "-  description old",
        "+  description new",
        "  #",
        "- vlan 5",
    ]
    assert "undo vlan 5" in render_changes(changes(old, new), signs=False)

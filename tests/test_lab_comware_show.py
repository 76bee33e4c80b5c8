"""Comware `display` output read back with ntc-templates: every one of the 19 hp_comware
templates parses the persona's output over SSH (real Netmiko `hp_comware`) to the values the
box holds (`LabState` records and its config). A small site: B-CORE-SW1 with an eBGP provider
edge, an OSPF core neighbour and an access switch on a LACP trunk."""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Address, IPv4Interface, IPv4Network
from typing import Any

import pytest
from labkit import connect, lab_config, running_lab
from ntc_templates.parse import parse_output

from orchestrator.devices.hp_comware import full_name
from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms import hp_comware_show as show
from orchestrator.lab.platforms import hp_comware_show_l2 as l2
from orchestrator.lab.state import (
    ArpEntry,
    BgpSession,
    MacEntry,
    OspfNeighbor,
    PortState,
    Route,
)
from orchestrator.lab.topology import Cable

PE1 = """#
 sysname PE1
#
interface Ten-GigabitEthernet1/0/1
 port link-mode route
 description to-b-core
 ip address 192.0.2.1 255.255.255.252
#
interface LoopBack0
 ip address 203.0.113.1 255.255.255.255
#
bgp 64500
 router-id 203.0.113.1
 peer 192.0.2.2 as-number 65020
 #
 address-family ipv4 unicast
  network 203.0.113.1 255.255.255.255
  peer 192.0.2.2 enable
#
return
"""
SW2 = """#
 sysname B-CORE-SW2
#
interface LoopBack0
 ip address 10.255.20.2 255.255.255.255
#
interface Ten-GigabitEthernet1/0/2
 port link-mode route
 ip address 10.20.0.2 255.255.255.252
 ospf network-type p2p
#
ospf 1 router-id 10.255.20.2
 area 0.0.0.0
  network 10.20.0.0 0.0.0.3
  network 10.255.20.2 0.0.0.0
#
return
"""
ACCESS = """#
 sysname B-ACC-SW1
#
vlan 10
#
vlan 20
#
vlan 99
#
interface Vlan-interface10
 ip address 10.20.10.2 255.255.255.0
#
interface Bridge-Aggregation1
 port link-type trunk
 port trunk permit vlan 10 20 99
 link-aggregation mode dynamic
#
interface Ten-GigabitEthernet1/0/3
 port link-mode bridge
 port link-type trunk
 port trunk permit vlan 10 20 99
 port link-aggregation group 1
#
interface Ten-GigabitEthernet1/0/4
 port link-mode bridge
 port link-type trunk
 port trunk permit vlan 10 20 99
 port link-aggregation group 1
#
return
"""
DUT = "sw1"


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    devices = [
        DeviceSpec(DUT, "hp_comware", lab_config("hp_comware")),
        DeviceSpec("pe1", "hp_comware", PE1),
        DeviceSpec("sw2", "hp_comware", SW2),
        DeviceSpec("acc", "hp_comware", ACCESS),
    ]
    x = "Ten-GigabitEthernet1/0/"
    cables = [
        Cable((DUT, x + "1"), ("pe1", x + "1")),
        Cable((DUT, x + "2"), ("sw2", x + "2")),
        Cable((DUT, x + "3"), ("acc", x + "3")),
        Cable((DUT, x + "4"), ("acc", x + "4")),
    ]
    with running_lab(devices, cables) as running:
        yield running


@pytest.fixture(scope="module")
def conn(lab: Lab) -> Iterator[Any]:
    session = connect(lab, DUT, "hp_comware")
    try:
        yield session
    finally:
        session.disconnect()


def parsed(conn: Any, command: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = parse_output(
        platform="hp_comware", command=command, data=conn.send_command(command)
    )
    return rows


def ports(lab: Lab) -> dict[str, PortState]:
    return {p.name: p for p in lab.state.ports(DUT)}


def full(name: str) -> str:
    """A table's short name (`XGE1/0/3(R)`) in full."""
    return full_name(name.removesuffix("(R)"))


def mac(text: str) -> str:
    return text.replace("-", "").replace(".", "").lower()


# -- interfaces --------------------------------------------------------------------------------
def test_display_interface_brief(lab: Lab, conn: Any) -> None:
    rows = parsed(conn, "display interface brief")
    held = ports(lab)
    assert {full(r["interface"]) for r in rows} == set(held)
    for row in rows:
        port = held[full(row["interface"])]
        assert (row["link"] == "UP") == port.oper_up
        if row["main_ip"]:
            assert row["main_ip"] == (str(port.ipv4[0].ip) if port.ipv4 else "--")
        if row["type"]:
            assert row["vlan_id"] and port.kind in {"ethernet", "lag"}


def test_display_interface(lab: Lab, conn: Any) -> None:
    rows = parsed(conn, "display interface")
    held = ports(lab)
    assert [r["interface"] for r in rows] == list(held)
    for row in rows:
        port = held[row["interface"]]
        assert row["line_status"] == (
            "UP" if port.oper_up else "DOWN" if port.admin_up else "Administratively DOWN"
        )
        assert row["description"] == port.description
        assert row["ip_address"] == [a.with_prefixlen for a in port.ipv4]
        assert mac(row["hw_address"][0]) == mac(port.mac)
        assert row["bandwidth"] == f"{port.speed_mbps * 1000} kbps"
    trunk = next(r for r in rows if r["interface"] == "Bridge-Aggregation1")
    permitted = held["Bridge-Aggregation1"].trunk_vlans
    assert trunk["port_link_type"] == "Trunk" and {10, 20, 99} <= set(permitted)
    assert trunk["vlan_permitted"] == show.vlan_ranges(permitted).split(", ")


def test_display_ip_interface(lab: Lab, conn: Any) -> None:
    rows = parsed(conn, "display ip interface")
    expected = {p.name: [a.with_prefixlen for a in p.ipv4] for p in ports(lab).values() if p.ipv4}
    assert {r["interface"]: r["ip_address"] for r in rows} == expected


def test_display_counters_inbound_interface(lab: Lab, conn: Any) -> None:
    rows = parsed(conn, "display counters inbound interface")
    physical = {n for n, p in ports(lab).items() if p.kind == "ethernet"}
    assert {full(r["interface"]) for r in rows} == physical
    assert all(r["packets_total"].isdigit() for r in rows)


# -- neighbours --------------------------------------------------------------------------------
def test_display_lldp_list_and_verbose(lab: Lab, conn: Any) -> None:
    held = {
        (n.local_port, n.remote_system, n.remote_port, mac(n.remote_chassis_id))
        for n in lab.state.lldp(DUT)
    }
    assert len(held) == 4
    rows = parsed(conn, "display lldp neighbor-information list")
    assert {
        (
            full(r["local_interface"]),
            r["neighbor_name"],
            r["neighbor_interface"],
            mac(r["chassis_id"]),
        )
        for r in rows
    } == held
    rows = parsed(conn, "display lldp neighbor-information verbose")
    assert {
        (r["local_interface"], r["neighbor_name"], r["neighbor_interface"], mac(r["chassis_id"]))
        for r in rows
    } == held


def test_display_bgp_peer_ipv4(lab: Lab, conn: Any) -> None:
    sessions = lab.state.bgp(DUT)
    assert [s.state for s in sessions] == ["Established"]
    rows = parsed(conn, "display bgp peer ipv4")
    assert [
        (r["peer"], int(r["remote_asn"]), r["state"], int(r["prefixes_received"])) for r in rows
    ] == [(str(s.neighbor), s.remote_as, s.state, s.prefixes_received) for s in sessions]
    assert rows[0]["local_as_number"] == "65020" and rows[0]["local_router_id"] == "10.255.20.1"


def test_display_ip_routing_table(lab: Lab, conn: Any) -> None:
    routes = lab.state.routes(DUT)
    assert {r.protocol for r in routes} >= {"connected", "static", "bgp", "ospf"}
    rows = parsed(conn, "display ip routing-table")
    assert {f"{r['network']}/{r['prefix_length']}" for r in rows} == {str(r.prefix) for r in routes}
    for route in routes:
        if route.next_hop is not None:
            row = next(
                r
                for r in rows
                if f"{r['network']}/{r['prefix_length']}" == str(route.prefix)
                and r["nexthop_ip"] == str(route.next_hop)
            )
            assert int(row["distance"]) == route.distance


def test_display_arp_and_mac_address(lab: Lab, conn: Any) -> None:
    learned = [e for e in lab.state.arp(DUT) if not e.own]
    assert {str(e.address) for e in learned} >= {"192.0.2.1", "10.20.0.2", "10.20.10.2"}
    rows = parsed(conn, "display arp")
    assert {(r["ip_address"], mac(r["mac_address"]), full(r["interface"])) for r in rows} == {
        (str(e.address), mac(e.mac), e.interface) for e in learned
    }
    macs = lab.state.macs(DUT)
    assert macs, "the access switch's SVI MAC is learned over the trunk"
    rows = parsed(conn, "display mac-address")
    assert {(mac(r["mac_address"]), int(r["vlan_id"]), full(r["interface"])) for r in rows} == {
        (mac(e.mac), e.vlan, e.interface) for e in macs
    }


# -- VLANs, aggregation ----------------------------------------------------------------------
def test_display_vlan_brief_and_all(lab: Lab, conn: Any) -> None:
    vlans = lab.state.vlans(DUT)
    rows = parsed(conn, "display vlan brief")
    assert [(int(r["vlan_id"]), r["vlan_name"]) for r in rows] == [
        (v.vlan, l2.vlan_name(v).split()[0]) for v in vlans
    ]
    rows = parsed(conn, "display vlan all")
    assert [(int(r["vlan_id"]), r["vlan_name"]) for r in rows] == [
        (v.vlan, l2.vlan_name(v)) for v in vlans
    ]
    users = next(r for r in rows if r["vlan_id"] == "10")
    assert (users["ipv4_address"], users["ipv4_subnet"]) == ("10.20.10.1", "255.255.255.0")


def test_display_link_aggregation(lab: Lab, conn: Any) -> None:
    config = lab.devices[DUT].config
    held = ports(lab)
    members = show.members_of(held["Bridge-Aggregation1"], list(held.values()), config)
    assert members == ["Ten-GigabitEthernet1/0/3", "Ten-GigabitEthernet1/0/4"]
    rows = parsed(conn, "display link-aggregation verbose")
    assert [r["interface"] for r in rows] == ["Bridge-Aggregation1"]
    assert [full(n) for n in rows[0]["local_interfaces"]] == members
    assert rows[0]["aggregation_mode"] == "Dynamic"
    rows = parsed(conn, "display link-aggregation member-port")
    partner = lab.devices["acc"].mac
    assert [(r["member_port"], r["aggregate_interface"]) for r in rows] == [
        (m, "Bridge-Aggregation1") for m in members
    ]
    assert all(mac(r["remote_system_id"].split(", ")[1]) == mac(partner) for r in rows)


# -- policies, VPN instances, the device -------------------------------------------------------
def test_display_route_policy(lab: Lab, conn: Any) -> None:
    rows = parsed(conn, "display route-policy")
    assert [
        (r["policy_name"], r["action"], r["node"], r["if_match"], r["apply"]) for r in rows
    ] == [
        ("PE1-OUT", "Permit", "10", ["ip address prefix-list SITE-B"], ["community 65020:100"]),
        ("PE1-OUT", "Deny", "99", [], []),
    ]


def test_display_ip_vpn_instance(lab: Lab, conn: Any) -> None:
    vrf = lab.devices[DUT].config.vrfs["MGMT"]
    rows = parsed(conn, "display ip vpn-instance")
    assert [(r["name"], r["rd"]) for r in rows] == [("MGMT", vrf.rd)]
    rows = parsed(conn, "display ip vpn-instance instance-name MGMT")
    assert rows[0]["name"] == "MGMT" and rows[0]["rd"] == vrf.rd
    assert rows[0]["interfaces"] == ["Vlan-interface99"]
    assert (rows[0]["ipv4_export_rts"], rows[0]["ipv4_import_rts"]) == (
        vrf.export_targets,
        vrf.import_targets,
    )


def test_display_device_manuinfo_and_clock(lab: Lab, conn: Any) -> None:
    box = lab.devices[DUT]
    rows = parsed(conn, "display device manuinfo")
    assert [(r["device_name"], r["device_serial_number"], r["vendor_name"]) for r in rows] == [
        (box.model, box.serial, "H3C")
    ]
    assert mac(rows[0]["mac_address"]) == mac(box.mac)
    rows = parsed(conn, "display clock")
    assert len(rows) == 1 and rows[0]["timezone"] == "UTC" and len(rows[0]["year"]) == 4


# -- builders with records built here (states the small lab does not reach) ----------------------
def port(name: str, **kw: Any) -> PortState:
    return PortState(
        name=name,
        kind=kw.pop("kind", "ethernet"),
        admin_up=kw.pop("admin_up", True),
        oper_up=kw.pop("oper_up", True),
        mac="0000.5e00.0101",
        **kw,
    )


def test_bgp_peers_in_every_state_and_long_uptimes() -> None:
    sessions = [
        BgpSession(
            IPv4Address("192.0.2.1"),
            64500,
            4259844162,
            "Established",
            uptime=3 * 86400 + 125,
            prefixes_received=12,
            messages_received=9000,
            messages_sent=9100,
        ),
        BgpSession(IPv4Address("198.51.100.9"), 4200000001, 4259844162, "Active", uptime=42),
        BgpSession(IPv4Address("203.0.113.77"), 65001, 4259844162, "Idle"),
    ]
    text = show.display_bgp_peer(sessions, "10.0.0.1", "4259844162")
    rows = parse_output(platform="hp_comware", command="display bgp peer ipv4", data=text)
    assert [(r["peer"], r["remote_asn"], r["state"], r["up_down"]) for r in rows] == [
        ("192.0.2.1", "64500", "Established", "0072h02m"),
        ("198.51.100.9", "4200000001", "Active", "00:00:42"),
        ("203.0.113.77", "65001", "Idle", "00:00:00"),
    ]
    assert rows[0]["messages_received"] == "9000" and rows[0]["prefixes_received"] == "12"


def test_ecmp_and_ospf_route_types() -> None:
    net = IPv4Network("10.1.0.0/16")
    routes = [
        Route(net, "ospf", IPv4Address("10.20.0.2"), "Ten-GigabitEthernet1/0/2", 10, 2),
        Route(net, "ospf", IPv4Address("10.20.0.6"), "Ten-GigabitEthernet1/0/3", 10, 2),
        Route(
            IPv4Network("0.0.0.0/0"),
            "ospf",
            IPv4Address("10.20.0.2"),
            "Ten-GigabitEthernet1/0/2",
            150,
            1,
            route_type="external-2",
        ),
    ]
    ifs = [port("Ten-GigabitEthernet1/0/2", ipv4=(IPv4Interface("10.20.0.1/30"),))]
    text = show.display_routing_table(routes, ifs)
    assert "O_ASE2" in text and "O_INTRA" in text
    rows = parse_output(platform="hp_comware", command="display ip routing-table", data=text)
    assert [(r["network"], r["protocol"], r["nexthop_ip"], r["nexthop_if"]) for r in rows] == [
        ("0.0.0.0", "O_ASE2", "10.20.0.2", "XGE1/0/2"),
        ("10.1.0.0", "O_INTRA", "10.20.0.2", "XGE1/0/2"),
        ("10.1.0.0", "O_INTRA", "10.20.0.6", "XGE1/0/3"),
    ]


def test_own_arp_entries_are_not_listed_and_static_macs_say_so() -> None:
    entries = [
        ArpEntry(IPv4Address("10.0.0.1"), "0000.5e00.0001", "Vlan-interface10", own=True, vlan=10),
        ArpEntry(IPv4Address("10.0.0.2"), "0000.5e00.0002", "Vlan-interface10", age=7, vlan=10),
    ]
    rows = parse_output(platform="hp_comware", command="display arp", data=l2.display_arp(entries))
    assert [(r["ip_address"], r["vlan_id"], r["aging"]) for r in rows] == [("10.0.0.2", "10", "7")]
    macs = [
        MacEntry("0000.5e00.0002", 10, "Bridge-Aggregation1"),
        MacEntry("0000.5e00.0003", 20, "GigabitEthernet1/0/9", static=True),
    ]
    text = l2.display_mac_address(macs)
    rows = parse_output(platform="hp_comware", command="display mac-address", data=text)
    assert (rows[0]["mac_address"], rows[0]["state"], rows[0]["interface"]) == (
        "0000-5e00-0002",
        "Learned",
        "BAGG1",
    )
    # Comware's two-word state of a static entry (the template reads one word)
    assert "0000-5e00-0003   20         Config static    GE1/0/9" in text


def test_ospf_peer_table_groups_by_process_and_area() -> None:
    neighbors = [
        OspfNeighbor(
            IPv4Address("10.255.0.2"),
            IPv4Address("10.0.0.2"),
            "Vlan-interface10",
            "0.0.0.0",
            "Full",
            role="DR",
        ),
        OspfNeighbor(
            IPv4Address("10.255.0.3"),
            IPv4Address("10.0.1.2"),
            "Ten-GigabitEthernet1/0/2",
            "0.0.0.1",
            "Init",
        ),
    ]
    text = show.display_ospf_peer(neighbors, "10.255.0.1")
    assert " Area: 0.0.0.0" in text and " Area: 0.0.0.1" in text
    assert (
        "Full/DR" in text
        and " 10.255.0.3      10.0.1.2        1   35         Init              XGE1/0/2" in text
    )

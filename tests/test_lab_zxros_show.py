"""ZXROS `show` output read back: the six zte_zxros ntc-templates parse the persona's output
over SSH (real Netmiko `zte_zxros`) to the values the box holds, and the commands without a
template are checked against the same `LabState` records. A small site: C-EDGE-R1 with its
provider edge (eBGP) and a LAN core router (OSPF)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from ipaddress import IPv4Address
from typing import Any

import pytest
from labkit import connect, lab_config, running_lab
from ntc_templates.parse import parse_output

from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms import zte_zxros_show as show
from orchestrator.lab.state import ArpEntry, LldpNeighbor, MacEntry, PortState, VlanState
from orchestrator.lab.topology import Cable

PE2 = """!<system-config>
hostname PE2
!</system-config>
!<if-intf>
interface loopback0
  ip address 203.0.113.2 255.255.255.255
$
interface gei-1/1/0/1
  description to-c-edge
  ip address 198.51.100.1 255.255.255.252
$
!</if-intf>
!<bgp>
router bgp 64500
  bgp router-id 203.0.113.2
  neighbor 198.51.100.2 remote-as 65030
  network 203.0.113.2 255.255.255.255
  neighbor 198.51.100.2 activate
$
!</bgp>
"""
CORE = """!<system-config>
hostname C-CORE-R2-WITH-A-LONG-NAME
!</system-config>
!<if-intf>
interface loopback0
  ip address 10.255.30.2 255.255.255.255
$
interface gei-1/1/0/2
  description to-edge
  ip address 10.30.0.2 255.255.255.0
$
!</if-intf>
!<ospfv2>
router ospf 1
  router-id 10.255.30.2
  area 0.0.0.0
    network 10.30.0.0 0.0.0.255
    network 10.255.30.2 0.0.0.0
  $
$
!</ospfv2>
"""
DUT = "r1"


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    devices = [
        DeviceSpec(DUT, "zte_zxros", lab_config("zte_zxros")),
        DeviceSpec("pe2", "zte_zxros", PE2),
        DeviceSpec("core", "zte_zxros", CORE),
    ]
    cables = [
        Cable((DUT, "gei-1/1/0/1"), ("pe2", "gei-1/1/0/1")),
        Cable((DUT, "gei-1/1/0/2"), ("core", "gei-1/1/0/2")),
    ]
    with running_lab(devices, cables) as running:
        yield running


@pytest.fixture(scope="module")
def conn(lab: Lab) -> Iterator[Any]:
    session = connect(lab, DUT, "zte_zxros")
    try:
        yield session
    finally:
        session.disconnect()


def parsed(conn: Any, command: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = parse_output(
        platform="zte_zxros", command=command, data=conn.send_command(command)
    )
    return rows


def ports(lab: Lab) -> dict[str, PortState]:
    return {p.name: p for p in lab.state.ports(DUT)}


def mac(text: str) -> str:
    return text.replace("-", "").replace(".", "").replace(":", "").lower()


# -- the six templates -------------------------------------------------------------------------
def test_show_version(lab: Lab, conn: Any) -> None:
    box = lab.devices[DUT]
    rows = parsed(conn, "show version")
    assert len(rows) == 1
    assert f"ZXCTN{rows[0]['hardware']}" == box.model
    assert rows[0]["version"] == box.version
    assert re.fullmatch(r"\d+ day\(s\), \d+ hour\(s\), \d+ minute\(s\)", rows[0]["uptime"])


def test_show_interface(lab: Lab, conn: Any) -> None:
    rows = parsed(conn, "show interface")
    held = ports(lab)
    assert [r["interface"] for r in rows] == list(held)
    for row in rows:
        port = held[row["interface"]]
        state = "up" if port.oper_up else "down" if port.admin_up else "administratively down"
        assert row["link_status"] == state
        assert row["protocol_status"] == ("up" if port.oper_up else "down")
        assert row["description"] == port.description
        assert mac(row["mac_address"]) == mac(port.mac)
        if port.ipv4:
            address = port.ipv4[0]
            assert (row["ip_address"], row["mask"]) == (
                str(address.ip),
                str(address.network.prefixlen),
            )
        else:
            assert row["ip_address"] == "unassigned"
        assert row["mtu"][0] == str(port.mtu)


def test_show_interface_brief(lab: Lab, conn: Any) -> None:
    rows = parsed(conn, "show interface brief")
    held = ports(lab)
    assert [r["interface"] for r in rows] == list(held)
    for row in rows:
        port = held[row["interface"]]
        assert row["admin"] == ("up" if port.admin_up else "down")
        assert row["physical"] == ("up" if port.oper_up else "down")
        assert row["description"] == port.description


def test_show_arp(lab: Lab, conn: Any) -> None:
    entries = lab.state.arp(DUT)
    assert {str(e.address) for e in entries if not e.own} == {"198.51.100.1", "10.30.0.2"}
    rows = parsed(conn, "show arp")
    got = {
        (r["address"], mac(r["mac_address"]), "".join(r["interface"]), r["age"] == "H")
        for r in rows
    }
    assert got == {(str(e.address), mac(e.mac), e.interface, e.own) for e in entries}


def test_show_isis_adjacency_and_te_tunnels_are_empty(lab: Lab, conn: Any) -> None:
    """The lab computes neither IS-IS nor MPLS-TE: the box answers with nothing to list."""
    assert parsed(conn, "show isis adjacency") == []
    assert parsed(conn, "show mpls traffic-eng tunnels") == []


# -- commands without a template, against the same records ------------------------------------
def test_show_ip_interface_brief(lab: Lab, conn: Any) -> None:
    text = conn.send_command("show ip interface brief")
    for port in ports(lab).values():
        ip = str(port.ipv4[0].ip) if port.ipv4 else "unassigned"
        assert re.search(rf"^{re.escape(port.name)}\s+{re.escape(ip)}\s", text, re.M), port.name


def test_show_lldp_neighbor_brief_and_entry(lab: Lab, conn: Any) -> None:
    held = lab.state.lldp(DUT)
    assert {n.remote_system for n in held} == {"PE2", "C-CORE-R2-WITH-A-LONG-NAME"}
    brief = conn.send_command("show lldp neighbor brief")
    assert f"Total neighbors: {len(held)}" in brief
    # a system name longer than its column goes on in the next line, as on the real box
    assert "C-CORE-R2-WITH-\n" in brief and re.search(r"^\s{60,}A-LONG-NAME$", brief, re.M)
    entry = conn.send_command("show lldp entry")
    for n in held:
        assert f" Local Port: {n.local_port} | Interface Name" in entry
        assert f" System Name: {n.remote_system}" in entry
        assert f" Chassis ID: {mac(n.remote_chassis_id)} | MAC Address" in entry


def test_show_ip_bgp_summary_ospf_neighbor_and_route(lab: Lab, conn: Any) -> None:
    (session,) = lab.state.bgp(DUT)
    bgp = conn.send_command("show ip bgp summary")
    assert "BGP router identifier 10.255.30.1, local AS number 65030" in bgp
    assert re.search(
        rf"^{session.neighbor}\s+4\s+{session.remote_as}\s+.*\s{session.prefixes_received}$",
        bgp,
        re.M,
    )
    (neighbor,) = lab.state.ospf(DUT)
    ospf = conn.send_command("show ip ospf neighbor")
    assert re.search(
        rf"^{neighbor.router_id}\s+\d+\s+FULL/\S*\s+\S+\s+{neighbor.address}\s+gei-1/1/0/2$",
        ospf,
        re.M,
    )
    route = conn.send_command("show ip route")
    for r in lab.state.routes(DUT):
        assert re.search(rf"^\*> {re.escape(str(r.prefix))}\s", route, re.M), r.prefix
    assert re.search(r"^\*> 203\.0\.113\.2/32\s+198\.51\.100\.1\s+gei-1/1/0/1\s+BGP", route, re.M)


def test_show_running_config_section(conn: Any) -> None:
    section = conn.send_command("show running-config bgp")
    assert section.startswith("!<bgp>\nrouter bgp 65030\n") and section.rstrip().endswith("!</bgp>")


# -- builders with records built here -------------------------------------------------------------
def test_arp_wraps_long_interface_names_as_the_capture_does() -> None:
    entries = [
        ArpEntry(IPv4Address("10.10.184.254"), "744a.a42b.1fe8", "xxvgei-1/1/0/20", age=80),
        ArpEntry(IPv4Address("10.10.184.255"), "744a.a42b.2010", "xxvgei-1/1/0/20", own=True),
    ]
    text = show.show_arp(entries)
    rows = parse_output(platform="zte_zxros", command="show arp", data=text)
    assert [(r["address"], r["age"], r["interface"], r["sub_interface"]) for r in rows] == [
        ("10.10.184.254", "01:20:00", ["xxvgei-1/1/0", "/20"], ["xxvgei-1/1/0/", "20"]),
        ("10.10.184.255", "H", ["xxvgei-1/1/0", "/20"], ["N/A"]),
    ]


def test_lldp_platform_column_wraps_and_mac_and_vlan_tables() -> None:
    neighbor = LldpNeighbor(
        "gei-1/1/0/1",
        "R2",
        "gei-1/1/0/9",
        "",
        "0019.8407.2400",
        "M6000v2.00.20(2.2.0), ZXR10, ZXR10 M6000-16 Software",
    )
    text = show.show_lldp_neighbor([neighbor])
    assert "The total neighbor number:1" in text
    assert "gei-1/1/0/1   001984072400  120      R          M6000v2.00.20(2. gei-1/1/0/9" in text
    assert re.search(r"^\s{48}2\.0\), ZXR10, \.\.$", text, re.M)  # as the reference prints it
    macs = show.show_mac(
        [
            MacEntry("0019.8407.2400", 10, "smartgroup1"),
            MacEntry("0019.8407.2401", 20, "gei-1/1/0/2", static=True),
        ]
    )
    assert "0019.8407.2400     10         smartgroup1                  Dynamic" in macs
    assert "Static" in macs and "Total MAC address : 2" in macs
    vlans = show.show_vlan([VlanState(10, "users", True, ("gei-1/1/0/5",), ("smartgroup1",))])
    assert re.search(r"^10\s+users\s+active\s+gei-1/1/0/5\s+smartgroup1$", vlans, re.M)

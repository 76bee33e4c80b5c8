"""Every Junos command the persona answers that ntc-templates has a template for, parsed with
that template and compared with what the box holds: over real SSH in a lab (two routers, two
switches), and from records built here where a template can only read part of the real layout
(BGP sessions up less than a day, admin-down ports and lo0 in `show interfaces`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from ipaddress import IPv4Address, IPv4Interface, IPv4Network

import pytest
from labkit import connect, lab_config, running_lab
from ntc_templates.parse import parse_output

from orchestrator.lab.device import LabDevice
from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms import juniper_junos_show as show
from orchestrator.lab.platforms import juniper_junos_show_net as net
from orchestrator.lab.state import BgpSession, PortState
from orchestrator.lab.topology import Cable

SWITCH = """system {
    host-name BR-EX1;
}
interfaces {
    ge-0/0/0 {
        unit 0 {
            family ethernet-switching {
                interface-mode access;
                vlan {
                    members Vlan10;
                }
            }
        }
    }
    ge-0/0/1 {
        unit 0 {
            family ethernet-switching {
                interface-mode trunk;
                vlan {
                    members [ Vlan10 Vlan20 ];
                }
            }
        }
    }
    irb {
        unit 10 {
            family inet {
                address 10.30.10.1/24;
            }
        }
    }
}
vlans {
    Vlan10 {
        vlan-id 10;
        l3-interface irb.10;
    }
    Vlan20 {
        vlan-id 20;
    }
}
"""


def peer_router(text: str) -> str:
    """The lab router's ISP-A provider edge (and OSPF neighbor on xe-0/1/4)."""
    return (
        text.replace("BR-MX1", "ISP-PE1")
        .replace("203.0.113.2/30", "203.0.113.1/30")
        .replace("autonomous-system 65020", "autonomous-system 64500")
        .replace("neighbor 203.0.113.1", "neighbor 203.0.113.2")
        .replace("peer-as 64500", "peer-as 65020")
        .replace("10.20.255.255", "192.0.2.1")
        .replace("10.20.255.1/30", "10.20.255.2/30")
    )


def ntc(command: str, output: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = parse_output(
        platform="juniper_junos", command=command, data=output
    )
    return rows


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    router = lab_config("juniper_junos")
    devices = [
        DeviceSpec("r1", "juniper_junos", router),
        DeviceSpec("r2", "juniper_junos", peer_router(router)),
        DeviceSpec("s1", "juniper_junos", SWITCH, "ex4300-48t"),
        DeviceSpec("s2", "juniper_junos", SWITCH.replace("EX1", "EX2").replace(".1/", ".2/")),
    ]
    cables = [
        Cable(("r1", "xe-0/1/0"), ("r2", "xe-0/1/0")),
        Cable(("r1", "xe-0/1/4"), ("r2", "xe-0/1/4")),
        Cable(("s1", "ge-0/0/1"), ("s2", "ge-0/0/1")),
    ]
    with running_lab(devices, cables) as running:
        yield running


def run(lab: Lab, box: str, command: str) -> str:
    conn = connect(lab, box, "juniper_junos")
    try:
        output = conn.send_command(command)
        assert isinstance(output, str)
        return output
    finally:
        conn.disconnect()


# -- over SSH ----------------------------------------------------------------------------------
def test_show_version(lab: Lab) -> None:
    [row] = ntc("show version", run(lab, "r1", "show version"))
    box = lab.devices["r1"]
    assert (row["hostname"], row["model"], row["junos_version"]) == (
        box.hostname,
        box.model,
        box.version,
    )
    assert row["routing_software_suite"] == box.version


def test_show_chassis_hardware(lab: Lab) -> None:
    rows = ntc("show chassis hardware", run(lab, "s1", "show chassis hardware"))
    assert rows[0]["chassis_serial_number"] == lab.devices["s1"].serial
    assert rows[0]["chassis_description"] == "EX4300-48T"


def test_show_system_uptime(lab: Lab) -> None:
    [row] = ntc("show system uptime", run(lab, "r1", "show system uptime"))
    booted = time.gmtime(lab.devices["r1"].boot_time)
    assert (row["boot_year"], row["boot_month"], row["boot_day"]) == (
        str(booted.tm_year),
        f"{booted.tm_mon:02}",
        f"{booted.tm_mday:02}",
    )
    assert row["boot_time"] == time.strftime("%H:%M:%S", booted)
    assert row["last_config_user"] == lab.devices["r1"].commits[-1].user
    assert row["users"] == "1"


def test_show_interfaces_per_interface(lab: Lab) -> None:
    """Each port the template can read (enabled, not lo0: its layout breaks the template)."""
    box = lab.devices["r1"]
    checked = 0
    for port in lab.state.ports("r1"):
        if not port.admin_up or port.kind == "loopback" or "." in port.name:
            continue
        rows = ntc("show interfaces", run(lab, "r1", f"show interfaces {port.name}"))
        physical = rows[0]
        assert physical["interface"] == show.ifd(port.name)
        assert physical["link_status"] == ("Up" if port.oper_up else "Down")
        assert physical["admin_state"] == "Enabled"
        assert physical["description"] == port.description
        ifc = box.config.interfaces.get(port.name)
        assert physical["mtu"] == str((ifc.mtu if ifc and ifc.mtu else None) or 1514)
        logical = {str(r["interface"]): r for r in rows[1:]}
        for unit in [p for p in lab.state.ports("r1") if show.ifd(p.name) == port.name]:
            if not unit.ipv4:
                continue
            row = logical[show.ifl(unit.name)]
            assert row["local"] == str(unit.ipv4[0].ip)
            assert row["destination"] == str(unit.ipv4[0].network)
        checked += 1
    assert checked >= 6


def test_show_lldp_neighbors(lab: Lab) -> None:
    rows = ntc("show lldp neighbors", run(lab, "r1", "show lldp neighbors"))
    held = {
        (n.local_port, show.colon_mac(n.remote_chassis_id), n.remote_port, n.remote_system)
        for n in lab.state.lldp("r1")
    }
    parsed = {
        (r["local_interface"], r["chassis_id"], r["neighbor_interface"], r["neighbor_name"])
        for r in rows
    }
    assert parsed == held
    assert len(held) == 2


def test_show_ospf_neighbor(lab: Lab) -> None:
    rows = ntc("show ospf neighbor", run(lab, "r1", "show ospf neighbor"))
    held = {
        (str(n.address), show.ifl(n.interface), n.state, str(n.router_id))
        for n in lab.state.ospf("r1")
    }
    parsed = {(r["ip_address"], r["interface"], r["state"], r["neighbor_id"]) for r in rows}
    assert parsed == held == {("10.20.255.2", "xe-0/1/4.0", "Full", "192.0.2.1")}


def test_show_route_summary(lab: Lab) -> None:
    rows = ntc("show route summary", run(lab, "r1", "show route summary"))
    assert {(r["asn"], r["router_id"]) for r in rows} == {("65020", "10.20.255.255")}
    routes = lab.state.routes("r1")
    best = net.best_routes(routes)
    for row in rows:
        protocol = {v: k for k, v in net.PROTOCOLS.items()}[str(row["route_src"])]
        assert row["table_name"] == "inet.0"
        assert int(str(row["routes"])) == sum(1 for r in routes if r.protocol == protocol)
        assert int(str(row["active_routes"])) == sum(1 for r in best if r.protocol == protocol)
    assert {r["route_src"] for r in rows} >= {"Direct", "Local", "OSPF", "Static"}


def test_show_arp_no_resolve(lab: Lab) -> None:
    rows = ntc("show arp no-resolve", run(lab, "r1", "show arp no-resolve"))
    held = {
        (show.colon_mac(e.mac), str(e.address), show.ifl(e.interface))
        for e in lab.state.arp("r1")
        if not e.own
    }
    assert {(r["mac_address"], r["ip_address"], r["interface"]) for r in rows} == held
    assert len(held) == 2


def test_show_ethernet_switching_table(lab: Lab) -> None:
    rows = ntc("show ethernet-switching table", run(lab, "s1", "show ethernet-switching table"))
    held = {
        (str(m.vlan), show.colon_mac(m.mac), show.ifl(m.interface)) for m in lab.state.macs("s1")
    }
    assert {(r["vlan_id"], r["mac_address"], r["logical_interface"]) for r in rows} == held
    assert held


def test_show_vlans(lab: Lab) -> None:
    rows = ntc("show vlans", run(lab, "s1", "show vlans"))
    parsed = set()
    for r in rows:
        interfaces = r["interfaces"]
        assert isinstance(interfaces, list)
        parsed.add((r["vlan_name"], r["tag"], tuple(str(i).rstrip("*") for i in interfaces)))
    held = {
        (v.name, str(v.vlan), tuple(show.ifl(p) for p in (*v.ports, *v.tagged)))
        for v in lab.state.vlans("s1")
    }
    assert parsed == held
    assert ("Vlan10", "10", ("ge-0/0/0.0", "ge-0/0/1.0")) in parsed


# -- from records ------------------------------------------------------------------------------
def _device() -> LabDevice:
    return LabDevice("r9", "juniper_junos", 0, "system {\n    host-name R9;\n}\n", "mx204")


def test_show_interfaces_whole_output_from_records() -> None:
    ports = [
        PortState("xe-0/0/0", "ethernet", True, True, "0200.0000.0001", 10000, description="up"),
        PortState(
            "xe-0/0/0.100",
            "subinterface",
            True,
            True,
            "0200.0000.0001",
            ipv4=(IPv4Interface("192.0.2.1/30"),),
            description="to core",
        ),
        PortState(
            "ge-0/0/1",
            "ethernet",
            True,
            False,
            "0200.0000.0002",
            1000,
            ipv4=(IPv4Interface("198.51.100.1/24"),),
        ),
    ]
    output = show.interfaces(_device(), ports, {}, {"xe-0/0/0": 9192})
    rows = ntc("show interfaces", output)
    assert [(r["interface"], r["link_status"], r["mtu"]) for r in rows] == [
        ("xe-0/0/0", "Up", "9192"),
        ("xe-0/0/0.100", "Up", "9178"),
        ("ge-0/0/1", "Down", "1514"),
        ("ge-0/0/1.0", "", "1500"),  # a down unit's flags word is Device-Down
    ]
    assert rows[1]["description"] == "to core"
    assert (rows[3]["destination"], rows[3]["local"]) == ("198.51.100.0/24", "198.51.100.1")


def test_show_bgp_summary_from_records() -> None:
    """Sessions up for more than a day: the template reads `Last Up/Dwn` as two words."""
    sessions = [
        BgpSession(
            IPv4Address("203.0.113.1"),
            64500,
            65020,
            "Established",
            uptime=9 * 86400 + 3600,
            prefixes_received=5,
            prefixes_accepted=4,
            messages_received=1200,
            messages_sent=1100,
        ),
        BgpSession(
            IPv4Address("198.51.100.5"),
            64510,
            65020,
            "Established",
            uptime=2 * 86400,
            prefixes_received=7,
            prefixes_accepted=7,
            messages_received=80,
            messages_sent=90,
        ),
    ]
    rows = ntc("show bgp summary", net.bgp_summary(sessions, 2, []))
    assert [
        (r["peer_ip"], r["peer_as"], r["in_pkt"], r["out_pkt"], r["state"], r["received"])
        for r in rows
    ] == [
        ("203.0.113.1", "64500", "1200", "1100", "Establ", "5"),
        ("198.51.100.5", "64510", "80", "90", "Establ", "7"),
    ]
    assert [(r["last_flap"], r["up_down"]) for r in rows] == [
        ("1w2d", "1:00:00"),
        ("2d", "0:00:00"),
    ]
    assert [r["accepted"] for r in rows] == ["4", "7"]


def test_route_summary_counts_vrf_tables_apart() -> None:
    from orchestrator.lab.state import Route

    routes = [
        Route(IPv4Network("10.0.0.0/24"), "connected", None, "xe-0/0/0", 0),
        Route(IPv4Network("10.9.0.0/16"), "bgp", IPv4Address("10.0.0.2"), "xe-0/0/0", 170),
        Route(IPv4Network("10.9.0.0/16"), "ospf", IPv4Address("10.0.0.3"), "xe-0/0/0", 10),
        Route(IPv4Network("172.16.0.0/24"), "connected", None, "ae0.5", 0, vrf="CUST"),
    ]
    rows = ntc("show route summary", net.route_summary(routes, "65000", "10.0.0.1", 0.0))
    assert [(r["table_name"], r["route_src"], r["routes"], r["active_routes"]) for r in rows] == [
        ("inet.0", "Direct", "1", "1"),
        ("inet.0", "OSPF", "1", "1"),
        ("inet.0", "BGP", "1", "0"),
        ("CUST.inet.0", "Direct", "1", "1"),
    ]

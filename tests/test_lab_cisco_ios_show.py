"""IOS `show` output read back by the tools that read real boxes: every command the persona
answers that has an ntc-templates template parses with it to the values the lab holds, and
NAPALM's own `ios` driver (napalm.ios.ios.IOSDriver, unchanged) reads facts, interfaces, LLDP,
BGP, ARP, MAC and config from it. Over real SSH, on the site of `test_lab_cisco_ios.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from ipaddress import IPv4Interface
from typing import Any

import pytest
from labkit import CREDENTIALS, connect, netmiko_args, running_lab
from napalm.ios.ios import IOSDriver
from ntc_templates.parse import parse_output
from test_lab_cisco_ios import site

from orchestrator.lab.lab import Lab
from orchestrator.lab.platforms.cisco_common import short_name
from orchestrator.lab.platforms.cisco_ios_show import SHORT

Rows = list[dict[str, Any]]
DUT = "core1"


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    devices, cables = site()
    with running_lab(devices, cables) as running:
        yield running


@pytest.fixture(scope="module")
def conn(lab: Lab) -> Iterator[Any]:
    session = connect(lab, DUT, "cisco_ios")
    try:
        yield session
    finally:
        session.disconnect()


def short(name: str) -> str:
    return short_name(name, SHORT)


# -- what each parsed command must say, from the lab's own records ---------------------------------
def check_version(rows: Rows, lab: Lab) -> None:
    box = lab.devices[DUT]
    [row] = rows
    assert (row["hostname"], row["version"]) == (box.hostname, box.version)
    assert (row["hardware"], row["serial"]) == ([box.model], [box.serial])


def _link(admin: bool, oper: bool) -> str:
    return "administratively down" if not admin else "up" if oper else "down"


def check_interfaces(rows: Rows, lab: Lab) -> None:
    ports = {p.name: p for p in lab.state.ports(DUT)}
    assert [r["interface"] for r in rows] == list(ports)
    for row in rows:
        port = ports[row["interface"]]
        assert row["link_status"] == _link(port.admin_up, port.oper_up)
        assert row["description"] == port.description
        assert row["ip_address"] == (str(port.ipv4[0].ip) if port.ipv4 else "")
        if port.kind != "loopback":
            assert row["mac_address"] == port.mac
            assert int(row["mtu"]) == port.mtu


def check_ip_interface_brief(rows: Rows, lab: Lab) -> None:
    ports = {p.name: p for p in lab.state.ports(DUT)}
    assert [r["interface"] for r in rows] == list(ports)
    for row in rows:
        port = ports[row["interface"]]
        assert row["ip_address"] == (str(port.ipv4[0].ip) if port.ipv4 else "unassigned")
        assert row["status"] == _link(port.admin_up, port.oper_up)


def check_ip_interface(rows: Rows, lab: Lab) -> None:
    ports = {p.name: p for p in lab.state.ports(DUT)}
    for row in rows:
        port = ports[row["interface"]]
        got = [
            IPv4Interface(f"{a}/{n}")
            for a, n in zip(row["ip_address"], row["prefix_length"], strict=True)
        ]
        assert got == list(port.ipv4)
        assert row["vrf"] == (port.vrf or "")


def check_interfaces_description(rows: Rows, lab: Lab) -> None:
    ports = lab.state.ports(DUT)
    assert [(r["port"], r["description"]) for r in rows] == [
        (short(p.name), p.description) for p in ports
    ]


def check_lldp(rows: Rows, lab: Lab) -> None:
    found = lab.state.lldp(DUT)
    assert found, "the site has LLDP neighbors"
    assert [(r["local_interface"], r["neighbor_name"], r["neighbor_interface"]) for r in rows] == [
        (short(n.local_port), n.remote_system, short(n.remote_port)) for n in found
    ]


def check_lldp_detail(rows: Rows, lab: Lab) -> None:
    found = lab.state.lldp(DUT)
    assert [
        (r["local_interface"], r["chassis_id"], r["neighbor_port_id"], r["neighbor_name"])
        for r in rows
    ] == [(short(n.local_port), n.remote_chassis_id, n.remote_port, n.remote_system) for n in found]


def check_bgp_summary(rows: Rows, lab: Lab) -> None:
    sessions = lab.state.bgp(DUT)
    assert any(b.state == "Established" for b in sessions)
    assert {r["local_as"] for r in rows} == {str(b.local_as) for b in sessions}
    assert [
        (r["bgp_neighbor"], r["neighbor_as"], r["state_or_prefixes_received"]) for r in rows
    ] == [
        (
            str(b.neighbor),
            str(b.remote_as),
            str(b.prefixes_received) if b.state == "Established" else b.state,
        )
        for b in sessions
    ]


def check_bgp_neighbors(rows: Rows, lab: Lab) -> None:
    sessions = lab.state.bgp(DUT)
    assert [(r["neighbor"], r["remote_as"], r["bgp_state"]) for r in rows] == [
        (str(b.neighbor), str(b.remote_as), b.state) for b in sessions
    ]
    up = [r for r in rows if r["bgp_state"] == "Established"]
    assert up and all(r["localhost_ip"] and r["remote_router_id"] != "0.0.0.0" for r in up)


def check_ospf(rows: Rows, lab: Lab) -> None:
    found = lab.state.ospf(DUT)
    assert found, "the site has an OSPF adjacency"
    assert [(r["neighbor_id"], r["ip_address"], r["interface"]) for r in rows] == [
        (str(n.router_id), str(n.address), n.interface) for n in found
    ]
    assert all(r["state"].startswith(n.state.upper()) for r, n in zip(rows, found, strict=True))


def check_ospf_detail(rows: Rows, lab: Lab) -> None:
    found = lab.state.ospf(DUT)
    assert [(r["neighbor_id"], r["address"], r["interface"], r["state"]) for r in rows] == [
        (str(n.router_id), str(n.address), n.interface, n.state.upper()) for n in found
    ]
    assert [r["area"] for r in rows] == ["0" if n.area == "0.0.0.0" else n.area for n in found]


CODES = {"connected": "C", "local": "L", "static": "S", "ospf": "O", "bgp": "B"}


def check_route(rows: Rows, lab: Lab) -> None:
    routes = [r for r in lab.state.routes(DUT) if r.vrf is None]
    assert {"connected", "local", "static", "ospf", "bgp"} <= {r.protocol for r in routes}
    parsed = {
        (f"{r['network']}/{r['prefix_length']}", r["protocol"], r["nexthop_ip"]) for r in rows
    }
    held = {(str(r.prefix), CODES[r.protocol], str(r.next_hop or "")) for r in routes}
    assert parsed == held


def check_arp(rows: Rows, lab: Lab) -> None:
    found = lab.state.arp(DUT)
    assert [(r["ip_address"], r["mac_address"], r["interface"]) for r in rows] == [
        (str(e.address), e.mac, e.interface) for e in found
    ]
    assert [r["age"] == "-" for r in rows] == [e.own for e in found]


def check_mac(rows: Rows, lab: Lab) -> None:
    found = lab.state.macs(DUT)
    assert found, "the site has MAC entries"
    assert {(r["destination_address"], r["vlan_id"], r["destination_port"][0]) for r in rows} == {
        (m.mac, str(m.vlan), short(m.interface)) for m in found
    }


def check_vlan(rows: Rows, lab: Lab) -> None:
    held = {str(v.vlan): (v.name, [short(p) for p in v.ports]) for v in lab.state.vlans(DUT)}
    parsed = {r["vlan_id"]: (r["vlan_name"], r["interfaces"]) for r in rows}
    assert {k: parsed[k] for k in held} == held
    assert set(parsed) - set(held) == {"1002", "1003", "1004", "1005"}


def check_etherchannel(rows: Rows, lab: Lab) -> None:
    ports = {p.name: p for p in lab.state.ports(DUT)}
    lags = [p for p in ports.values() if p.kind == "lag"]
    assert [(r["bundle_name"], r["member_interface"]) for r in rows] == [
        (short(p.name), [short(m) for m in p.members]) for p in lags
    ]
    for row in rows:
        states = [
            "P" if ports[m].oper_up else "D"
            for m in ports[row["bundle_name"].replace("Po", "Port-channel")].members
        ]
        assert row["member_interface_status"] == states


def check_archive(rows: Rows, lab: Lab) -> None:
    [row] = rows
    files = sorted(k for k in lab.devices[DUT].files if k.startswith("flash:archive-"))
    assert row["filenames"] == files and files
    assert row["next_filename"] == f"flash:archive-{len(files) + 1}"


CHECKS: dict[str, Callable[[Rows, Lab], None]] = {
    "show version": check_version,
    "show interfaces": check_interfaces,
    "show ip interface brief": check_ip_interface_brief,
    "show ip interface": check_ip_interface,
    "show interfaces description": check_interfaces_description,
    "show lldp neighbors": check_lldp,
    "show lldp neighbors detail": check_lldp_detail,
    "show ip bgp summary": check_bgp_summary,
    "show ip bgp neighbors": check_bgp_neighbors,
    "show ip ospf neighbor": check_ospf,
    "show ip ospf neighbor detail": check_ospf_detail,
    "show ip route": check_route,
    "show ip arp": check_arp,
    "show mac address-table": check_mac,
    "show vlan": check_vlan,
    "show vlan brief": check_vlan,
    "show etherchannel summary": check_etherchannel,
    "show archive": check_archive,
}


@pytest.mark.parametrize("command", list(CHECKS))
def test_ntc_templates_read_what_the_box_holds(command: str, lab: Lab, conn: Any) -> None:
    if command == "show archive":
        conn.send_command("archive config")
        conn.send_command("archive config")
    output = conn.send_command(command)
    rows = parse_output(platform="cisco_ios", command=command, data=output)
    assert rows, f"{command}: the template read nothing from:\n{output}"
    CHECKS[command](rows, lab)


# -- NAPALM's own ios driver --------------------------------------------------------------------
@pytest.fixture(scope="module")
def napalm_ios(lab: Lab) -> Iterator[IOSDriver]:
    args = netmiko_args(lab, DUT, "cisco_ios")
    keys = ("port", "ssh_strict", "system_host_keys", "alt_host_keys", "alt_key_file")
    driver = IOSDriver(
        "127.0.0.1",
        CREDENTIALS.username,
        CREDENTIALS.password,
        optional_args={k: args[k] for k in keys},
    )
    driver.open()
    try:
        yield driver
    finally:
        driver.close()


def test_napalm_ios_facts_and_interfaces(lab: Lab, napalm_ios: IOSDriver) -> None:
    box = lab.devices[DUT]
    facts = napalm_ios.get_facts()
    assert (facts["hostname"], facts["model"], facts["serial_number"]) == (
        "SITEA-CORE1",
        box.model,
        box.serial,
    )
    assert facts["fqdn"] == "SITEA-CORE1.corp.example.net"
    assert box.version in facts["os_version"]
    ports = {p.name: p for p in lab.state.ports(DUT)}
    assert facts["interface_list"] == list(ports)
    interfaces = napalm_ios.get_interfaces()
    assert set(interfaces) == set(ports)
    for name, info in interfaces.items():
        assert (info["is_enabled"], info["is_up"]) == (ports[name].admin_up, ports[name].oper_up)
        assert info["description"] == ports[name].description
    addresses = napalm_ios.get_interfaces_ip()
    assert addresses == {
        p.name: {"ipv4": {str(a.ip): {"prefix_length": a.network.prefixlen} for a in p.ipv4}}
        for p in ports.values()
        if p.ipv4
    }


def test_napalm_ios_neighbors(lab: Lab, napalm_ios: IOSDriver) -> None:
    lldp = napalm_ios.get_lldp_neighbors()
    assert lldp == {
        n.local_port: [{"hostname": n.remote_system, "port": n.remote_port}]
        for n in lab.state.lldp(DUT)
    }
    detail = napalm_ios.get_lldp_neighbors_detail()
    assert set(detail) == set(lldp)
    bgp = napalm_ios.get_bgp_neighbors()
    [session] = lab.state.bgp(DUT)
    peer = bgp["global"]["peers"][str(session.neighbor)]
    assert (peer["local_as"], peer["remote_as"], peer["is_up"]) == (65010, 64500, True)
    assert peer["remote_id"] == str(session.remote_router_id)
    assert peer["address_family"]["ipv4 unicast"]["received_prefixes"] == session.prefixes_received
    assert peer["description"] == "ISP-A transit"
    arp = napalm_ios.get_arp_table()
    assert {(e["ip"], e["interface"]) for e in arp} == {
        (str(e.address), e.interface) for e in lab.state.arp(DUT)
    }
    macs = napalm_ios.get_mac_address_table()
    assert {(m["vlan"], m["interface"]) for m in macs} == {
        (m.vlan, short(m.interface)) for m in lab.state.macs(DUT)
    }


def test_napalm_ios_config(lab: Lab, napalm_ios: IOSDriver) -> None:
    config = napalm_ios.get_config()
    assert config["running"].startswith("!")
    assert "hostname SITEA-CORE1" in config["running"]
    assert "Building configuration" not in config["running"]
    assert "router bgp 65010" in config["startup"]

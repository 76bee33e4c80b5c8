"""The NX-OS persona over real SSH with the real Netmiko `cisco_nxos` class: prompt, paging,
NX-OS's own errors, config push and save, checkpoints and rollback, and every show command with
an ntc-templates template parsed back to what the lab holds.

A small site: SITEB-LEAF1 (`tests/lab_configs/cisco_nxos.cfg`, the box under test) with a
routed uplink to an IOS router (OSPF, eBGP), a routed link and a LACP port-channel to its twin
SITEB-LEAF2.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from labkit import connect, lab_config, running_lab
from ntc_templates.parse import parse_output

from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms import get_persona
from orchestrator.lab.platforms.cisco_common import short_name
from orchestrator.lab.platforms.cisco_nxos_show import SHORT
from orchestrator.lab.topology import Cable

DUT = "leaf1"
ROUTER = """\
hostname SITEB-R1
!
lldp run
!
interface Loopback0
 ip address 10.255.0.9 255.255.255.255
!
interface GigabitEthernet0/0/1
 description to SITEB-LEAF1 Eth1/1
 mtu 9216
 ip address 10.2.0.1 255.255.255.252
 ip ospf network point-to-point
!
router ospf 1
 router-id 10.255.0.9
 network 10.2.0.0 0.0.0.3 area 0
 network 10.255.0.9 0.0.0.0 area 0
!
router bgp 65000
 bgp router-id 10.255.0.9
 neighbor 10.2.0.2 remote-as 65020
 address-family ipv4
  network 10.255.0.9 mask 255.255.255.255
  neighbor 10.2.0.2 activate
 exit-address-family
!
end
"""


def leaf2_config() -> str:
    text = lab_config("cisco_nxos")
    for old, new in (
        ("SITEB-LEAF1", "SITEB-LEAF2"),
        ("10.2.0.2/30", "10.2.0.10/30"),
        ("10.2.0.5/30", "10.2.0.6/30"),
        ("10.255.1.1", "10.255.1.2"),
        ("10.20.30.2/24", "10.20.30.3/24"),
        ("10.20.40.2/24", "10.20.40.3/24"),
        ("192.168.255.21/24", "192.168.255.22/24"),
    ):
        text = text.replace(old, new)
    return text


def site() -> tuple[list[DeviceSpec], list[Cable]]:
    devices = [
        DeviceSpec(DUT, "cisco_nxos", lab_config("cisco_nxos")),
        DeviceSpec("leaf2", "cisco_nxos", leaf2_config()),
        DeviceSpec("r1", "cisco_ios", ROUTER),
    ]
    cables = [
        Cable((DUT, "Ethernet1/1"), ("r1", "GigabitEthernet0/0/1")),
        Cable((DUT, "Ethernet1/2"), ("leaf2", "Ethernet1/2")),
        Cable((DUT, "Ethernet1/3"), ("leaf2", "Ethernet1/3")),
        Cable((DUT, "Ethernet1/4"), ("leaf2", "Ethernet1/4")),
    ]
    return devices, cables


@pytest.fixture
def lab() -> Iterator[Lab]:
    devices, cables = site()
    with running_lab(devices, cables) as running:
        yield running


@pytest.fixture
def conn(lab: Lab) -> Iterator[Any]:
    session = connect(lab, DUT, "cisco_nxos")
    try:
        yield session
    finally:
        session.disconnect()


def running(lab: Lab) -> str:
    persona = get_persona("cisco_nxos")
    return persona.config_text(persona.tree(lab.devices[DUT].running_text))


def short(name: str) -> str:
    return short_name(name, SHORT)


# -- session and configuration ------------------------------------------------------------------
def test_netmiko_finds_the_prompt_and_paging_is_off(conn: Any) -> None:
    assert conn.find_prompt() == "SITEB-LEAF1#"
    output = conn.send_command("show running-config")
    assert output.lstrip().startswith("!Command: show running-config")
    assert "--More--" not in output
    assert "\ninterface Ethernet1/1\n  description to SITEB-R1 xe-0/0/1\n" in output
    assert len(output.splitlines()) > 60


def test_errors_are_in_nxos_words(conn: Any) -> None:
    invalid = conn.send_command("show foo")
    assert "% Invalid command at '^' marker." in invalid
    caret = next(line for line in invalid.splitlines() if line.strip() == "^")
    assert caret.index("^") == len("SITEB-LEAF1#show ")
    assert "% Incomplete command at '^' marker." in conn.send_command("show ip")
    assert "% Ambiguous command at '^' marker." in conn.send_command("sh i")


def test_config_push_and_save(lab: Lab, conn: Any) -> None:
    output = conn.send_config_set(
        [
            "interface loopback9",
            "description pushed by netmiko",
            "ip address 10.99.0.1/32",
            "router bgp 65020",
            "neighbor 10.2.0.9",
            "remote-as 65099",
            "description lab peer",
            "interface Vlan30",
            "hsrp 30",
            "priority 120",
            "not-a-command",
        ]
    )
    assert "SITEB-LEAF1(config-if)#" in output
    assert "SITEB-LEAF1(config-router-neighbor)#" in output
    assert "SITEB-LEAF1(config-if-hsrp)#" in output
    assert "% Invalid command at '^' marker." in output
    text = running(lab)
    assert "interface loopback9\n  description pushed by netmiko\n  ip address 10.99.0.1/32" in text
    assert "  neighbor 10.2.0.9\n    remote-as 65099\n    description lab peer\n" in text
    assert "    priority 120\n" in text and "    priority 110\n" not in text
    assert "not-a-command" not in text
    assert "loopback9" not in (lab.devices[DUT].saved_text or "")
    saved = conn.save_config()
    assert "Copy complete." in saved
    assert "loopback9" in (lab.devices[DUT].saved_text or "")


def test_checkpoint_and_rollback(lab: Lab, conn: Any) -> None:
    assert "Done" in conn.send_command("checkpoint before-change")
    before = running(lab)
    conn.send_config_set(["no interface Vlan40", "hostname SITEB-LEAF1"])
    assert "interface Vlan40" not in running(lab)
    summary = conn.send_command("show checkpoint summary")
    assert "1) before-change:" in summary and "Created by labuser" in summary
    assert "already in use" in conn.send_command("checkpoint before-change")
    output = conn.send_command("rollback running-config checkpoint before-change")
    assert "Rollback completed successfully." in output
    assert running(lab) == before
    assert "doesn't exist" in conn.send_command("rollback running-config checkpoint nothing")
    conn.send_command("no checkpoint before-change")
    assert "before-change" not in conn.send_command("show checkpoint summary")


def test_checkpoint_file_and_rollback_from_it(lab: Lab, conn: Any) -> None:
    conn.send_command("checkpoint file bootflash:known-good.cfg")
    before = running(lab)
    assert "known-good.cfg" in conn.send_command("dir bootflash:")
    conn.send_config_set(["interface Ethernet1/6", "no shutdown", "description now used"])
    assert "now used" in running(lab)
    conn.send_command("rollback running-config file bootflash:known-good.cfg")
    assert running(lab) == before


# -- show output read by ntc-templates ------------------------------------------------------------
Rows = list[dict[str, Any]]


def check_version(rows: Rows, lab: Lab) -> None:
    box = lab.devices[DUT]
    [row] = rows
    assert (row["hostname"], row["os"], row["platform"], row["serial"]) == (
        box.hostname,
        box.version,
        box.model,
        box.serial,
    )


def check_interface(rows: Rows, lab: Lab) -> None:
    ports = {p.name: p for p in lab.state.ports(DUT)}
    assert [r["interface"] for r in rows] == list(ports)
    for row in rows:
        port = ports[row["interface"]]
        assert row["link_status"].startswith("up" if port.oper_up else "down")
        assert row["admin_state"] == ("up" if port.admin_up else "down")
        assert row["ip_address"] == (str(port.ipv4[0].ip) if port.ipv4 else "")
        assert row["description"] == port.description
        assert int(row["mtu"]) == port.mtu


def check_ip_interface_brief(rows: Rows, lab: Lab) -> None:
    held = {
        (p.vrf or "default", short(p.name), str(p.ipv4[0].ip))
        for p in lab.state.ports(DUT)
        if p.ipv4
    }
    assert {(r["vrf"], r["interface"], r["ip_address"]) for r in rows} == held
    ports = {short(p.name): p for p in lab.state.ports(DUT)}
    for row in rows:
        assert row["proto"] == (
            "protocol-up" if ports[row["interface"]].oper_up else "protocol-down"
        )


def check_interface_brief(rows: Rows, lab: Lab) -> None:
    ethernet = [p for p in lab.state.ports(DUT) if p.kind == "ethernet"]
    parsed = {r["interface"]: r for r in rows}
    for port in ethernet:
        row = parsed[short(port.name)]
        assert row["status"] == ("up" if port.oper_up else "down")
        assert row["mode"] == (port.switchport or "routed")


def check_lldp(rows: Rows, lab: Lab) -> None:
    found = lab.state.lldp(DUT)
    assert len(found) == 4
    assert [(r["local_interface"], r["neighbor_name"], r["neighbor_interface"]) for r in rows] == [
        (short(n.local_port), n.remote_system, n.remote_port) for n in found
    ]


def check_lldp_detail(rows: Rows, lab: Lab) -> None:
    found = lab.state.lldp(DUT)
    assert [(r["local_interface"], r["chassis_id"], r["neighbor_name"]) for r in rows] == [
        (short(n.local_port), n.remote_chassis_id, n.remote_system) for n in found
    ]
    assert [r["mgmt_address"] for r in rows] == [n.remote_mgmt_address for n in found]


def check_bgp_summary(rows: Rows, lab: Lab) -> None:
    sessions = lab.state.bgp(DUT)
    assert any(b.state == "Established" for b in sessions)
    assert [(r["bgp_neigh"], r["neigh_as"], r["state_pfxrcd"]) for r in rows] == [
        (
            str(b.neighbor),
            str(b.remote_as),
            str(b.prefixes_received) if b.state == "Established" else b.state,
        )
        for b in sessions
    ]
    assert {(r["router_id"], r["local_as"]) for r in rows} == {("10.255.1.1", "65020")}


def check_bgp_neighbors(rows: Rows, lab: Lab) -> None:
    sessions = lab.state.bgp(DUT)
    assert [(r["neighbor"], r["remote_asn"], r["bgp_state"], r["description"]) for r in rows] == [
        (str(b.neighbor), str(b.remote_as), b.state, b.description) for b in sessions
    ]
    up = [r for r in rows if r["bgp_state"] == "Established"]
    assert up and all(r["localhost_ip"] == "10.2.0.2" for r in up)


def check_ospf(rows: Rows, lab: Lab) -> None:
    found = lab.state.ospf(DUT)
    assert found
    assert [(r["neighbor_id"], r["ip_address"], r["interface"], r["ospf_pid"]) for r in rows] == [
        (str(n.router_id), str(n.address), short(n.interface), n.process) for n in found
    ]
    assert [r["state"].split("/")[0] for r in rows] == [n.state.upper() for n in found]


PROTOCOLS = {"connected": "direct", "local": "local", "static": "static"}


def check_route(rows: Rows, lab: Lab) -> None:
    routes = [r for r in lab.state.routes(DUT) if r.vrf is None]
    held = {(str(r.prefix), PROTOCOLS.get(r.protocol, r.protocol)) for r in routes}
    parsed = {(f"{r['network']}/{r['prefix_length']}", r["protocol"].split("-")[0]) for r in rows}
    assert parsed == held


def check_arp(rows: Rows, lab: Lab) -> None:
    assert [(r["ip_address"], r["mac_address"], r["interface"]) for r in rows] == [
        (str(e.address), e.mac, e.interface) for e in lab.state.arp(DUT)
    ]


def check_mac(rows: Rows, lab: Lab) -> None:
    found = lab.state.macs(DUT)
    assert found
    assert {(r["mac_address"], r["vlan_id"], r["ports"]) for r in rows} == {
        (m.mac, str(m.vlan), short(m.interface)) for m in found
    }


def check_vlan(rows: Rows, lab: Lab) -> None:
    assert {r["vlan_id"]: (r["vlan_name"], r["interfaces"]) for r in rows} == {
        str(v.vlan): (v.name, [short(p) for p in v.ports]) for v in lab.state.vlans(DUT)
    }


def check_port_channel(rows: Rows, lab: Lab) -> None:
    ports = {p.name: p for p in lab.state.ports(DUT)}
    lags = [p for p in ports.values() if p.kind == "lag"]
    assert [(r["bundle_name"], r["member_interface"]) for r in rows] == [
        (short(p.name), [short(m) for m in p.members]) for p in lags
    ]
    assert [r["bundle_status"][1] for r in rows] == ["U" if p.oper_up else "D" for p in lags]


CHECKS: dict[str, Callable[[Rows, Lab], None]] = {
    "show version": check_version,
    "show interface": check_interface,
    "show ip interface brief": check_ip_interface_brief,
    "show interface brief": check_interface_brief,
    "show lldp neighbors": check_lldp,
    "show lldp neighbors detail": check_lldp_detail,
    "show ip bgp summary": check_bgp_summary,
    "show ip bgp neighbors": check_bgp_neighbors,
    "show ip ospf neighbors": check_ospf,
    "show ip route": check_route,
    "show ip arp": check_arp,
    "show mac address-table": check_mac,
    "show vlan brief": check_vlan,
    "show port-channel summary": check_port_channel,
}


@pytest.fixture(scope="module")
def shared_lab() -> Iterator[Lab]:
    devices, cables = site()
    with running_lab(devices, cables) as running:
        yield running


@pytest.fixture(scope="module")
def shared_conn(shared_lab: Lab) -> Iterator[Any]:
    session = connect(shared_lab, DUT, "cisco_nxos")
    try:
        yield session
    finally:
        session.disconnect()


@pytest.mark.parametrize("command", list(CHECKS))
def test_ntc_templates_read_what_the_box_holds(
    command: str, shared_lab: Lab, shared_conn: Any
) -> None:
    output = shared_conn.send_command(command)
    rows = parse_output(platform="cisco_nxos", command=command, data=output)
    assert rows, f"{command}: the template read nothing from:\n{output}"
    CHECKS[command](rows, shared_lab)

"""The VRP5 persona over real SSH with the real Netmiko `huawei` class: prompts, paging, the four
errors, displays in the real layout (each read back with its ntc-templates template and
compared with what the box holds), pushes, save and the saved-file commands.

The lab: HQ-AR1 (VRP5, tests/lab_configs/huawei_vrp.cfg) cabled to HQ-NE1 (VRP8,
huawei_vrpv8.cfg) on one routed link (BGP and OSPF) and a two-port Eth-Trunk carrying VLANs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import paramiko
import pytest
from labkit import CREDENTIALS, connect, lab_config, running_lab
from ntc_templates.parse import parse_output

from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.platforms.huawei_show import huawei_mac, short_name
from orchestrator.lab.topology import Cable

CABLES = [
    Cable(("r1", "GigabitEthernet0/0/1"), ("r2", "GigabitEthernet1/0/0")),
    Cable(("r1", "GigabitEthernet0/0/2"), ("r2", "GigabitEthernet1/0/1")),
    Cable(("r1", "GigabitEthernet0/0/3"), ("r2", "GigabitEthernet1/0/2")),
]


def huawei_pair() -> list[DeviceSpec]:
    return [
        DeviceSpec("r1", "huawei_vrp", lab_config("huawei_vrp")),
        DeviceSpec("r2", "huawei_vrpv8", lab_config("huawei_vrpv8")),
    ]


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with running_lab(huawei_pair(), CABLES) as running:
        yield running


@pytest.fixture(scope="module")
def conn(lab: Lab) -> Iterator[Any]:
    session = connect(lab, "r1", "huawei")
    try:
        yield session
    finally:
        session.disconnect()


def ntc(conn: Any, command: str) -> list[dict[str, Any]]:
    """``command``'s output on the box, read with ntc-templates' huawei_vrp template."""
    output = conn.send_command(command)
    rows: list[dict[str, Any]] = parse_output(platform="huawei_vrp", command=command, data=output)
    return rows


# -- session basics ----------------------------------------------------------------------------
def test_prompt_errors_and_abbreviations(conn: Any) -> None:
    assert conn.find_prompt() == "<HQ-AR1>"
    assert conn.send_command("dis ver").startswith("Huawei Versatile Routing Platform Software")
    cases = {
        "display interfaec": ("Unrecognized", "<HQ-AR1>display "),
        "display": ("Incomplete", "<HQ-AR1>display"),
        "di": ("Ambiguous", "<HQ-AR1>"),
        "display version now": ("Too many parameters", "<HQ-AR1>display version "),
    }
    for line, (word, before_caret) in cases.items():
        output = conn.send_command(line)
        assert f"Error: {word} command found at '^' position." in output or (
            f"Error: {word} found at '^' position." in output
        ), output
        caret = next(row for row in output.splitlines() if row.strip() == "^")
        assert caret.index("^") == len(before_caret), (line, output)


def test_paging_stops_at_the_more_prompt_until_turned_off(lab: Lab) -> None:
    client = paramiko.SSHClient()
    client.load_host_keys(str(lab.known_hosts))
    client.connect(
        "127.0.0.1",
        port=lab.devices["r1"].port,
        username=CREDENTIALS.username,
        password=CREDENTIALS.password,
        look_for_keys=False,
        allow_agent=False,
    )
    try:
        shell = client.invoke_shell()
        _read_until(shell, ">")
        shell.send("display current-configuration\r")
        assert "---- More ----" in _read_until(shell, "---- More ----")
        shell.send("q")
        _read_until(shell, ">")
        shell.send("screen-length 0 temporary\r")
        _read_until(shell, ">")
        shell.send("display current-configuration\r")
        text = _read_until(shell, "return")
        assert "---- More ----" not in text
    finally:
        client.close()


def _read_until(shell: paramiko.Channel, marker: str, seconds: float = 10.0) -> str:
    text = ""
    deadline = time.monotonic() + seconds
    while marker not in text and time.monotonic() < deadline:
        if shell.recv_ready():
            text += shell.recv(65536).decode()
        else:
            time.sleep(0.02)
    assert marker in text, text
    return text


def test_config_errors_keep_the_line_out(lab: Lab, conn: Any) -> None:
    output = conn.send_config_set(
        ["interface GigabitEthernet0/0/4", "description lab-port", "vlan"]
    )
    assert "Error: Incomplete command found at '^' position." in output
    running = conn.send_command("display current-configuration interface GigabitEthernet0/0/4")
    assert " description lab-port" in running
    assert lab.devices["r1"].saved_text is not None
    assert "lab-port" not in lab.devices["r1"].saved_text


def test_a_new_primary_address_replaces_the_old_one(lab: Lab, conn: Any) -> None:
    conn.send_config_set(
        [
            "interface LoopBack7",
            "ip address 198.51.100.7 255.255.255.255",
            "ip address 198.51.100.8 255.255.255.255",
            "ip address 198.51.100.9 255.255.255.255 sub",
        ]
    )
    block = conn.send_command("display current-configuration interface LoopBack7")
    assert "198.51.100.7" not in block
    assert " ip address 198.51.100.8 255.255.255.255\n" in block
    assert " ip address 198.51.100.9 255.255.255.255 sub\n" in block


def test_pipes_filter_display_output(conn: Any) -> None:
    lines = conn.send_command("display current-configuration | include ^interface").splitlines()
    assert lines and all(line.startswith("interface ") for line in lines)
    assert "sysname" not in conn.send_command("display current-configuration | exclude sysname")


# -- displays read with ntc-templates -----------------------------------------------------------
def test_display_version_and_device(lab: Lab, conn: Any) -> None:
    box = lab.devices["r1"]
    (version,) = ntc(conn, "display version")
    assert version["model"] == box.model
    assert f"{version['vrp_version']} ({version['product_version']})" == box.version
    (device,) = ntc(conn, "display device")
    assert device["pid"] == box.model


def test_display_interface(lab: Lab, conn: Any) -> None:
    ports = {p.name: p for p in lab.state.ports("r1")}
    rows = {row["interface"]: row for row in ntc(conn, "display interface")}
    assert set(rows) == set(ports)
    for name, port in ports.items():
        row = rows[name]
        assert row["link_status"] == ("UP" if port.oper_up else "DOWN"), name
        assert row["interface_description"] == port.description, name
        assert row["ip_address"] == (port.ipv4[0].with_prefixlen if port.ipv4 else ""), name
        if port.kind != "loopback":
            assert row["mac_address"] == huawei_mac(port.mac), name
        assert sorted(row["aggregated_interfaces"]) == sorted(port.members), name


def test_display_interface_brief_and_description(lab: Lab, conn: Any) -> None:
    ports = {p.name: p for p in lab.state.ports("r1")}
    brief = {row["interface"]: row for row in ntc(conn, "display interface brief")}
    assert set(brief) == set(ports)
    for name, port in ports.items():
        assert brief[name]["phy"] == ("up" if port.oper_up else "down"), name
    described = {
        r["interface"]: r["description"] for r in ntc(conn, "display interface description")
    }
    assert described == {name: port.description for name, port in ports.items()}


def test_display_lldp_neighbor(lab: Lab, conn: Any) -> None:
    rows = [row for row in ntc(conn, "display lldp neighbor") if row["neighbor_name"]]
    got = {(r["local_interface"], r["neighbor_name"], r["neighbor_port_id"]) for r in rows}
    want = {(n.local_port, n.remote_system, n.remote_port) for n in lab.state.lldp("r1")}
    assert got == want and len(want) == 3
    assert {r["chassis_id"] for r in rows} == {huawei_mac(lab.devices["r2"].mac)}


def test_display_bgp_peer(lab: Lab, conn: Any) -> None:
    rows = ntc(conn, "display bgp peer")
    got = {(r["peer"], r["asn"], r["state"], r["pref_rcvd"]) for r in rows}
    want = {
        (str(s.neighbor), str(s.remote_as), s.state, str(s.prefixes_received))
        for s in lab.state.bgp("r1")
    }
    assert got == want
    assert ("10.0.0.2", "65002", "Established") in {g[:3] for g in got}


def test_display_ip_routing_table_verbose(lab: Lab, conn: Any) -> None:
    rows = ntc(conn, "display ip routing-table verbose")
    got = {(r["destination"], r["interface"]) for r in rows}
    want = {(r.prefix.with_prefixlen, r.interface) for r in lab.state.routes("r1")}
    assert got == want
    ospf = [r for r in rows if r["protocol"] == "OSPF"]
    assert [(r["destination"], r["next_hop"]) for r in ospf] == [("192.0.2.2/32", "10.0.0.2")]


def test_display_arp(lab: Lab, conn: Any) -> None:
    want = {(str(e.address), huawei_mac(e.mac)) for e in lab.state.arp("r1")}
    for command in ("display arp all", "display arp brief"):
        rows = ntc(conn, command)
        assert {(r["ip_address"], r["mac_address"]) for r in rows} == want, command
    assert "10.0.0.2" in {ip for ip, _ in want}


def test_display_mac_address(lab: Lab, conn: Any) -> None:
    rows = ntc(conn, "display mac-address")
    got = {(r["destination_address"], r["vlan_id"], r["destination_port"]) for r in rows}
    want = {(huawei_mac(m.mac), str(m.vlan), short_name(m.interface)) for m in lab.state.macs("r1")}
    assert got == want and want


def test_display_vlan_and_port_vlan(lab: Lab, conn: Any) -> None:
    vlans = {v.vlan: v for v in lab.state.vlans("r1")}
    rows = {int(r["vlan_id"]): r for r in ntc(conn, "display vlan")}
    assert set(rows) == set(vlans) == {1, 10, 20}
    for vid, vlan in vlans.items():
        assert rows[vid]["vlan_description"] == vlan.name
    ports = {p.name: p for p in lab.state.ports("r1") if p.switchport and not p.lag}
    port_rows = {r["interface"]: r for r in ntc(conn, "display port vlan")}
    assert set(port_rows) == set(ports)
    assert port_rows["GigabitEthernet0/0/4"]["link_type"] == "access"
    assert port_rows["GigabitEthernet0/0/4"]["vlan_id"] == "10"
    assert port_rows["Eth-Trunk1"]["trunk_vlan_list"] == ["1", "10", "20"]


def test_display_eth_trunk(lab: Lab, conn: Any) -> None:
    rows = ntc(conn, "display eth-trunk")
    trunk = next(p for p in lab.state.ports("r1") if p.kind == "lag")
    assert {r["eth_trunk"] for r in rows} == {trunk.name}
    assert sorted(r["interface"] for r in rows) == sorted(trunk.members)
    assert {r["status"] for r in rows} == {"Up"}


def test_ospf_and_ip_brief_views(lab: Lab, conn: Any) -> None:
    brief = conn.send_command("display ospf peer brief")
    (neighbor,) = lab.state.ospf("r1")
    row = re.search(rf"^\s*{neighbor.area}\s+{neighbor.interface}\s+(\S+)\s+(\S+)", brief, re.M)
    assert row is not None and row.groups() == (str(neighbor.router_id), neighbor.state)
    ip_brief = conn.send_command("display ip interface brief")
    for port in lab.state.ports("r1"):
        if port.ipv4:
            assert re.search(rf"^{port.name}\s+{port.ipv4[0].with_prefixlen}\s", ip_brief, re.M)


# -- saving and files ----------------------------------------------------------------------------
def test_save_to_a_file_and_boot_from_it(lab: Lab, conn: Any) -> None:
    box = lab.devices["r1"]
    conn.send_config_set(["interface LoopBack0", "description saved-copy"])
    output = conn.send_command("save backup1.cfg", expect_string=r"\(y/n\)\[n\]:")
    assert "flash:/backup1.cfg" in output
    conn.send_command("y", expect_string=r"<HQ-AR1>")
    assert "saved-copy" in box.files["backup1.cfg"]
    assert "saved-copy" not in (box.saved_text or "")  # not the next-startup file
    names = {row["file_name"] for row in ntc(conn, "dir")}
    assert {"vrpcfg.zip", "backup1.cfg"} <= names
    assert "saved-copy" in conn.send_command("more backup1.cfg")
    conn.send_command("startup saved-configuration backup1.cfg")
    (startup,) = ntc(conn, "display startup")
    assert startup["next_startup_saved_configuration_file"] == "flash:/backup1.cfg"
    assert startup["startup_saved_configuration_file"] == "flash:/vrpcfg.zip"
    assert "saved-copy" in conn.send_command("display saved-configuration")
    conn.send_command("startup saved-configuration vrpcfg.zip")
    assert "saved-copy" not in conn.send_command("display saved-configuration")


def test_netmiko_save_config_writes_the_next_startup_file(lab: Lab, conn: Any) -> None:
    box = lab.devices["r1"]
    conn.send_config_set(["interface GigabitEthernet0/0/1", "description saved-by-netmiko"])
    assert "saved-by-netmiko" not in (box.saved_text or "")
    output = conn.save_config()
    assert "saved successfully" in output
    assert "saved-by-netmiko" in (box.saved_text or "")
    assert box.files["vrpcfg.zip"] == box.saved_text

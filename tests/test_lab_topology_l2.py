"""The lab's state engine, layer 1 and 2: ports, cables, LLDP, LAGs, VLANs, ARP and MAC tables.

A campus in three syntaxes: SW1 an IOS switch, SW2 a VRP switch, R a Junos router on a VLAN
sub-interface, H a VRP router on an access port, N an NX-OS switch for the shut-by-default
ports.
"""

from __future__ import annotations

from ipaddress import IPv4Address

from orchestrator.lab.device import LabDevice
from orchestrator.lab.state import PortState
from orchestrator.lab.topology import Cable, Topology


def build(boxes: list[tuple[str, str, str]], cables: list[tuple[str, str, str, str]]) -> Topology:
    devices = {name: LabDevice(name, platform, 0, text) for name, platform, text in boxes}
    return Topology(devices, [Cable((a, pa), (b, pb)) for a, pa, b, pb in cables])


def ports(topo: Topology, device: str) -> dict[str, PortState]:
    return {p.name: p for p in topo.ports(device)}


SW1 = """hostname SW1
lldp run
vlan 10
 name users
vlan 20
interface GigabitEthernet0/1
 switchport mode access
 switchport access vlan 10
interface GigabitEthernet0/3
 channel-group 1 mode active
interface GigabitEthernet0/4
 channel-group 1 mode active
interface Port-channel1
 switchport mode trunk
 switchport trunk allowed vlan 10,20
interface Vlan10
 ip address 10.10.0.1 255.255.255.0
interface Vlan20
 ip address 10.20.0.1 255.255.255.0
interface Vlan30
 ip address 10.30.0.1 255.255.255.0
 shutdown
"""

SW2 = """#
sysname SW2
#
vlan batch 10 20
#
interface Vlanif10
 ip address 10.10.0.2 255.255.255.0
#
interface GigabitEthernet0/0/3
 port link-type trunk
 port trunk allow-pass vlan 10
#
interface GigabitEthernet0/0/4
 eth-trunk 1
#
interface GigabitEthernet0/0/5
 eth-trunk 1
#
interface Eth-Trunk1
 port link-type trunk
 port trunk allow-pass vlan 10 20
#
return
"""

R = """system { host-name R; }
interfaces {
    ge-0/0/0 {
        vlan-tagging;
        unit 10 { vlan-id 10; family inet { address 10.10.0.3/24; } }
    }
}
"""

H = """#
sysname H
#
interface GigabitEthernet0/0/1
 ip address 10.10.0.5 255.255.255.0
#
return
"""

CAMPUS = [
    ("SW1", "GigabitEthernet0/1", "H", "GigabitEthernet0/0/1"),
    ("SW1", "GigabitEthernet0/3", "SW2", "GigabitEthernet0/0/4"),
    ("SW1", "GigabitEthernet0/4", "SW2", "GigabitEthernet0/0/5"),
    ("SW2", "GigabitEthernet0/0/3", "R", "ge-0/0/0"),
]


def campus(sw1: str = SW1) -> Topology:
    return build(
        [
            ("SW1", "cisco_ios", sw1),
            ("SW2", "huawei_vrp", SW2),
            ("R", "juniper_junos", R),
            ("H", "huawei_vrp", H),
        ],
        CAMPUS,
    )


def test_ports_follow_cables_lags_vlans_and_parents() -> None:
    topo = campus()
    sw1 = ports(topo, "SW1")
    assert sw1["GigabitEthernet0/1"].oper_up and sw1["GigabitEthernet0/1"].access_vlan == 10
    assert sw1["GigabitEthernet0/1"].switchport == "access"
    lag = sw1["Port-channel1"]
    assert (lag.kind, lag.oper_up, lag.members) == (
        "lag",
        True,
        ("GigabitEthernet0/3", "GigabitEthernet0/4"),
    )
    assert (lag.switchport, lag.trunk_vlans, lag.speed_mbps) == ("trunk", (10, 20), 2000)
    assert sw1["GigabitEthernet0/3"].lag == "Port-channel1"
    assert sw1["Vlan10"].oper_up  # VLAN 10 rides the access port and the trunk
    assert sw1["Vlan20"].oper_up  # VLAN 20 rides the port-channel
    assert not sw1["Vlan30"].admin_up and not sw1["Vlan30"].oper_up
    r = ports(topo, "R")
    assert r["ge-0/0/0"].oper_up and r["ge-0/0/0.10"].oper_up
    assert r["ge-0/0/0.10"].mac == r["ge-0/0/0"].mac  # a sub-interface shares its port's MAC
    assert sw1["GigabitEthernet0/1"].mac != sw1["GigabitEthernet0/3"].mac


def test_a_lag_stays_up_while_one_member_is_up_and_an_svi_needs_a_port_in_its_vlan() -> None:
    topo = campus()
    topo.unplug(("SW1", "GigabitEthernet0/3"))
    sw1 = ports(topo, "SW1")
    assert sw1["Port-channel1"].oper_up and sw1["Port-channel1"].speed_mbps == 1000
    topo.unplug(("SW1", "GigabitEthernet0/4"))
    sw1 = ports(topo, "SW1")
    assert not sw1["Port-channel1"].oper_up
    assert not sw1["Vlan20"].oper_up  # nothing else carries VLAN 20
    assert sw1["Vlan10"].oper_up  # the access port to H still does


def test_arp_spans_the_vlan_across_switches_trunks_and_a_tagged_sub_interface() -> None:
    topo = campus()
    mac = {name: {p.name: p.mac for p in topo.ports(name)} for name in ("SW2", "R", "H")}
    arp = {(str(e.address), e.mac, e.interface, e.own) for e in topo.arp("SW1")}
    sw1_vlan10 = next(p.mac for p in topo.ports("SW1") if p.name == "Vlan10")
    assert arp >= {
        ("10.10.0.1", sw1_vlan10, "Vlan10", True),  # IOS lists its own addresses
        ("10.10.0.2", mac["SW2"]["Vlanif10"], "Vlan10", False),
        ("10.10.0.3", mac["R"]["ge-0/0/0.10"], "Vlan10", False),
        ("10.10.0.5", mac["H"]["GigabitEthernet0/0/1"], "Vlan10", False),
    }
    in_vlan20 = {a for a, _, _, own in arp if a.startswith("10.20.")}
    assert in_vlan20 == {"10.20.0.1"}  # only SW1's own: no one else has an address there
    junos = {(str(e.address), e.own) for e in topo.arp("R")}
    assert ("10.10.0.3", True) not in junos  # Junos lists learned entries only
    assert ("10.10.0.5", False) in junos


def test_switches_learn_macs_on_the_port_toward_them() -> None:
    topo = campus()
    mac = {name: {p.name: p.mac for p in topo.ports(name)} for name in ("SW2", "R", "H")}
    table = {(e.mac, e.vlan, e.interface) for e in topo.macs("SW1")}
    assert table == {
        (mac["H"]["GigabitEthernet0/0/1"], 10, "GigabitEthernet0/1"),
        (mac["SW2"]["Vlanif10"], 10, "Port-channel1"),
        (mac["R"]["ge-0/0/0"], 10, "Port-channel1"),
    }
    assert topo.macs("H") == []  # a router keeps no MAC table


def test_vlans_list_access_ports_and_trunks() -> None:
    topo = campus()
    vlans = {v.vlan: v for v in topo.vlans("SW1")}
    assert sorted(vlans) == [1, 10, 20]
    assert (vlans[10].name, vlans[10].ports, vlans[10].tagged) == (
        "users",
        ("GigabitEthernet0/1",),
        ("Port-channel1",),
    )
    assert (vlans[1].name, vlans[20].name) == ("default", "VLAN0020")
    on_vrp = {v.vlan: v for v in topo.vlans("SW2")}
    assert on_vrp[10].tagged == ("GigabitEthernet0/0/3", "Eth-Trunk1")
    assert on_vrp[20].name == "VLAN 0020"


# -- cables and LLDP: A (IOS), B (VRP), C (Junos) ---------------------------------------------

A = """hostname A
lldp run
interface GigabitEthernet0/0
 description uplink
 ip address 10.1.0.1 255.255.255.252
"""

B = """#
sysname B
#
interface GigabitEthernet0/0/1
 description to-A
 ip address 10.1.0.2 255.255.255.252
#
return
"""

C = """system { host-name C; }
interfaces {
    ge-0/0/0 { description spare; unit 0 { family inet { address 10.1.0.2/30; } } }
}
protocols { lldp { interface all; } }
"""


def abc() -> Topology:
    return build(
        [("A", "cisco_ios", A), ("B", "huawei_vrp", B), ("C", "juniper_junos", C)],
        [("A", "GigabitEthernet0/0", "B", "GigabitEthernet0/0/1")],
    )


def test_moving_a_cable_changes_lldp_and_interface_state_on_both_devices() -> None:
    topo = abc()
    assert [
        (n.remote_system, n.remote_port, n.remote_port_description) for n in topo.lldp("A")
    ] == [("B", "GigabitEthernet0/0/1", "to-A")]
    assert [(n.local_port, n.remote_system) for n in topo.lldp("B")] == [
        ("GigabitEthernet0/0/1", "A")
    ]
    assert ports(topo, "B")["GigabitEthernet0/0/1"].oper_up
    assert not ports(topo, "C")["ge-0/0/0"].oper_up
    arp_before = {(str(e.address), e.mac) for e in topo.arp("A") if not e.own}
    topo.move_cable(("B", "GigabitEthernet0/0/1"), ("C", "ge-0/0/0"))
    assert [(n.remote_system, n.remote_port) for n in topo.lldp("A")] == [("C", "ge-0/0/0")]
    assert [(n.local_port, n.remote_system, n.remote_port) for n in topo.lldp("C")] == [
        ("ge-0/0/0", "A", "GigabitEthernet0/0")
    ]
    assert topo.lldp("B") == []
    assert not ports(topo, "B")["GigabitEthernet0/0/1"].oper_up
    assert ports(topo, "C")["ge-0/0/0"].oper_up
    # the same address now answers from another box: A's ARP entry changes its MAC
    arp_after = {(str(e.address), e.mac) for e in topo.arp("A") if not e.own}
    assert arp_after == {("10.1.0.2", ports(topo, "C")["ge-0/0/0"].mac)} != arp_before


def test_lldp_runs_only_where_the_os_runs_it() -> None:
    quiet = build(
        [("A", "cisco_ios", A.replace("lldp run\n", "")), ("B", "huawei_vrp", B)],
        [("A", "GigabitEthernet0/0", "B", "GigabitEthernet0/0/1")],
    )
    assert quiet.lldp("A") == [] and quiet.lldp("B") == []  # IOS needs `lldp run`
    assert quiet.cdp("A") == []  # CDP needs a Cisco box at the far end
    ios_pair = build(
        [("A", "cisco_ios", A.replace("lldp run\n", "")), ("A2", "cisco_ios", "hostname A2\n")],
        [("A", "GigabitEthernet0/0", "A2", "GigabitEthernet0/1")],
    )
    assert [(n.remote_system, n.remote_port) for n in ios_pair.cdp("A")] == [
        ("A2", "GigabitEthernet0/1")
    ]


def test_admin_state_defaults_per_platform_and_the_far_end_shutting_down() -> None:
    nxos = """hostname N
interface Ethernet1/1
  no switchport
  ip address 10.1.0.2/30
interface Ethernet1/2
  no switchport
  ip address 10.1.1.2/30
  no shutdown
"""
    topo = build(
        [("A", "cisco_ios", A + "interface GigabitEthernet0/1\n"), ("N", "cisco_nxos", nxos)],
        [
            ("A", "GigabitEthernet0/0", "N", "Ethernet1/1"),
            ("A", "GigabitEthernet0/1", "N", "Ethernet1/2"),
            ("A", "GigabitEthernet0/2", "N", "Ethernet1/3"),
        ],
    )
    n = ports(topo, "N")
    assert not n["Ethernet1/1"].admin_up  # NX-OS ports stay shut without `no shutdown`
    assert n["Ethernet1/2"].admin_up and n["Ethernet1/2"].oper_up
    assert not n["Ethernet1/3"].admin_up  # cabled, not in the config: NX-OS default
    a = ports(topo, "A")
    assert a["GigabitEthernet0/0"].admin_up and not a["GigabitEthernet0/0"].oper_up
    assert a["GigabitEthernet0/1"].oper_up
    assert a["GigabitEthernet0/2"].admin_up  # cabled, not in the config: IOS default, up
    assert not a["GigabitEthernet0/2"].oper_up  # but the NX-OS end is shut
    assert "GigabitEthernet0/0 is down: the far end is shut down" in topo.diagnose("A")


def test_cable_ends_in_short_spelling_find_the_configured_port() -> None:
    topo = build(
        [("A", "cisco_ios", A), ("B", "huawei_vrp", B)],
        [("A", "Gi0/0", "B", "GE0/0/1")],
    )
    assert ports(topo, "A")["GigabitEthernet0/0"].oper_up
    assert [n.remote_port for n in topo.lldp("A")] == ["GigabitEthernet0/0/1"]


def test_swapping_a_box_moves_every_cable_and_the_new_box_takes_over() -> None:
    topo = abc()
    moved = topo.move_device("B", "C", {"GigabitEthernet0/0/1": "ge-0/0/0"})
    assert moved == [Cable(("A", "GigabitEthernet0/0"), ("C", "ge-0/0/0"))]
    assert topo.cables_of("B") == []
    assert topo.ping("A", "10.1.0.2")
    assert [n.remote_system for n in topo.lldp("A")] == ["C"]
    assert IPv4Address("10.1.0.2") in {e.address for e in topo.arp("A")}

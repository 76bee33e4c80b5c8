"""The lab's state engine: BGP sessions and routes (eBGP across three vendors, loopback iBGP over
OSPF, route reflection, passwords, faults, uptimes).

Boxes are built from small configs in each OS's own syntax (IOS, VRP, Junos), read by the
project's parsers, so every test also proves the engine does not care which vendor wrote what.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network

from orchestrator.lab.device import LabDevice
from orchestrator.lab.state import Route
from orchestrator.lab.topology import Cable, Topology

Box = tuple[str, str, str]  # (name, platform, config)


def build(boxes: list[Box], cables: list[tuple[str, str, str, str]]) -> Topology:
    devices = {name: LabDevice(name, platform, 0, text) for name, platform, text in boxes}
    return Topology(devices, [Cable((a, pa), (b, pb)) for a, pa, b, pb in cables])


def states(topo: Topology, device: str) -> dict[str, str]:
    return {str(s.neighbor): s.state for s in topo.bgp(device)}


def route(topo: Topology, device: str, prefix: str) -> list[Route]:
    return [r for r in topo.routes(device) if r.prefix == IPv4Network(prefix)]


# -- an eBGP triangle: R1 (IOS, AS 65001), J2 (Junos, AS 65002), H3 (VRP, AS 65003) ----------

R1 = """hostname R1
interface Loopback0
 ip address 1.1.1.1 255.255.255.255
interface GigabitEthernet0/0
 ip address 10.0.12.1 255.255.255.252
interface GigabitEthernet0/1
 ip address 10.0.13.1 255.255.255.252
router bgp 65001
 bgp router-id 1.1.1.1
 neighbor 10.0.12.2 remote-as 65002
 neighbor 10.0.13.3 remote-as 65003
 neighbor 10.0.13.3 password 7 0822455D0A16
 address-family ipv4
  network 1.1.1.1 mask 255.255.255.255
  neighbor 10.0.12.2 activate
  neighbor 10.0.13.3 activate
 exit-address-family
"""

J2 = """system { host-name J2; }
interfaces {
    ge-0/0/0 { unit 0 { family inet { address 10.0.12.2/30; } } }
    ge-0/0/1 { unit 0 { family inet { address 10.0.23.2/30; } } }
    lo0 { unit 0 { family inet { address 2.2.2.2/32; } } }
}
routing-options { router-id 2.2.2.2; autonomous-system 65002; }
protocols {
    bgp {
        group EBGP {
            type external;
            export DIRECT;
            neighbor 10.0.12.1 { peer-as 65001; }
            neighbor 10.0.23.3 { peer-as 65003; }
        }
    }
}
policy-options {
    policy-statement DIRECT {
        term lo { from protocol direct; then accept; }
    }
}
"""

H3 = """#
sysname H3
#
interface GigabitEthernet0/0/1
 ip address 10.0.13.3 255.255.255.252
#
interface GigabitEthernet0/0/2
 ip address 10.0.23.3 255.255.255.252
#
interface LoopBack0
 ip address 3.3.3.3 255.255.255.255
#
bgp 65003
 router-id 3.3.3.3
 peer 10.0.13.1 as-number 65001
 peer 10.0.13.1 password cipher cisco
 peer 10.0.23.2 as-number 65002
 #
 ipv4-family unicast
  network 3.3.3.3 255.255.255.255
  peer 10.0.13.1 enable
  peer 10.0.23.2 enable
#
return
"""

TRIANGLE = [
    ("R1", "GigabitEthernet0/0", "J2", "ge-0/0/0"),
    ("R1", "GigabitEthernet0/1", "H3", "GigabitEthernet0/0/1"),
    ("J2", "ge-0/0/1", "H3", "GigabitEthernet0/0/2"),
]


def triangle(h3: str = H3, r1: str = R1) -> Topology:
    return build(
        [("R1", "cisco_ios", r1), ("J2", "juniper_junos", J2), ("H3", "huawei_vrp", h3)],
        TRIANGLE,
    )


def test_ebgp_triangle_comes_up_and_carries_each_loopback() -> None:
    topo = triangle()
    assert states(topo, "R1") == {"10.0.12.2": "Established", "10.0.13.3": "Established"}
    assert states(topo, "J2") == {"10.0.12.1": "Established", "10.0.23.3": "Established"}
    assert states(topo, "H3") == {"10.0.13.1": "Established", "10.0.23.2": "Established"}
    [to_j2] = route(topo, "R1", "2.2.2.2/32")
    assert (to_j2.protocol, to_j2.next_hop, to_j2.distance) == ("bgp", IPv4Address("10.0.12.2"), 20)
    assert to_j2.as_path == (65002,) and to_j2.route_type == "ebgp"
    [to_r1] = route(topo, "H3", "1.1.1.1/32")
    assert (to_r1.distance, to_r1.as_path) == (255, (65001,))  # VRP's BGP preference
    [to_h3] = route(topo, "J2", "3.3.3.3/32")
    assert (to_h3.distance, to_h3.next_hop) == (170, IPv4Address("10.0.23.3"))
    session = next(s for s in topo.bgp("R1") if s.neighbor == IPv4Address("10.0.13.3"))
    assert session.local_address == IPv4Address("10.0.13.1")
    assert session.remote_router_id == IPv4Address("3.3.3.3")
    assert session.prefixes_received >= 1 and session.prefixes_sent >= 1


def test_a_wrong_as_number_on_one_end_leaves_exactly_that_session_down() -> None:
    topo = triangle(H3.replace("peer 10.0.13.1 as-number 65001", "peer 10.0.13.1 as-number 65009"))
    assert states(topo, "R1") == {"10.0.12.2": "Established", "10.0.13.3": "Active"}
    assert states(topo, "J2") == {"10.0.12.1": "Established", "10.0.23.3": "Established"}
    assert states(topo, "H3") == {"10.0.13.1": "Active", "10.0.23.2": "Established"}
    [h3_side] = [s for s in topo.bgp("H3") if s.neighbor == IPv4Address("10.0.13.1")]
    assert h3_side.reason == "remote AS 65009 does not match the far end's AS 65001"
    assert h3_side.prefixes_received == 0
    [r1_side] = [s for s in topo.bgp("R1") if s.neighbor == IPv4Address("10.0.13.3")]
    assert "65009" in r1_side.reason
    # R1 still reaches H3's loopback, the long way round through J2
    [to_h3] = route(topo, "R1", "3.3.3.3/32")
    assert (to_h3.next_hop, to_h3.as_path) == (IPv4Address("10.0.12.2"), (65002, 65003))


def test_passwords_compare_by_clear_text_across_vendors() -> None:
    assert states(triangle(), "H3")["10.0.13.1"] == "Established"  # Cisco 7 "cisco" = "cisco"
    wrong = triangle(H3.replace("password cipher cisco", "password cipher other"))
    [session] = [s for s in wrong.bgp("H3") if s.neighbor == IPv4Address("10.0.13.1")]
    assert (session.state, session.reason) == (
        "Active",
        "the passwords differ (TCP MD5 authentication fails)",
    )
    missing = triangle(H3.replace(" peer 10.0.13.1 password cipher cisco\n", ""))
    [session] = [s for s in missing.bgp("R1") if s.neighbor == IPv4Address("10.0.13.3")]
    assert session.state == "Active" and "only this side" in session.reason


def test_a_shut_neighbor_and_a_lab_fault_hold_a_session_down_until_cleared() -> None:
    shut = triangle(
        r1=R1.replace(
            " neighbor 10.0.12.2 remote-as 65002\n",
            " neighbor 10.0.12.2 remote-as 65002\n neighbor 10.0.12.2 shutdown\n",
        )
    )
    assert states(shut, "R1")["10.0.12.2"] == "Idle"
    assert states(shut, "J2")["10.0.12.1"] == "Active"
    topo = triangle()
    topo.fault_bgp("J2", "10.0.23.3", down=True)
    assert states(topo, "J2")["10.0.23.3"] == "Idle"
    assert states(topo, "H3")["10.0.23.2"] == "Idle"
    assert states(topo, "R1") == {"10.0.12.2": "Established", "10.0.13.3": "Established"}
    topo.clear_faults()
    assert states(topo, "J2")["10.0.23.3"] == "Established"


def test_unplugging_a_link_takes_its_session_down_with_a_reason() -> None:
    topo = triangle()
    topo.unplug(("J2", "ge-0/0/1"))
    [session] = [s for s in topo.bgp("J2") if s.neighbor == IPv4Address("10.0.23.3")]
    assert (session.state, session.reason) == ("Idle", "ge-0/0/1 toward 10.0.23.3 is down")
    assert states(topo, "R1") == {"10.0.12.2": "Established", "10.0.13.3": "Established"}


def test_session_uptime_counts_from_the_change_that_brought_it_up() -> None:
    now = [1000.0]
    topo = triangle()
    topo.clock = lambda: now[0]
    topo.invalidate()
    assert {s.uptime for s in topo.bgp("R1")} == {0}
    now[0] += 90
    topo.invalidate()  # an unrelated change: recomputed, the sessions stay up
    assert {s.uptime for s in topo.bgp("R1")} == {90}
    topo.fault_bgp("R1", "10.0.12.2", down=True)
    now[0] += 10
    uptimes = {str(s.neighbor): (s.state, s.uptime) for s in topo.bgp("R1")}
    assert uptimes == {"10.0.12.2": ("Idle", 10), "10.0.13.3": ("Established", 100)}


# -- loopback iBGP over OSPF: A (IOS) - B (VRP, OSPF only) - C (Junos) -----------------------

A = """hostname A
interface Loopback0
 ip address 10.255.0.1 255.255.255.255
interface Loopback1
 ip address 192.168.1.1 255.255.255.0
interface GigabitEthernet0/0
 ip address 10.1.0.1 255.255.255.252
router ospf 1
 router-id 10.255.0.1
 network 10.255.0.1 0.0.0.0 area 0
 network 10.1.0.0 0.0.0.3 area 0
router bgp 65100
 neighbor 10.255.0.3 remote-as 65100
 neighbor 10.255.0.3 update-source Loopback0
 address-family ipv4
  network 192.168.1.0 mask 255.255.255.0
  neighbor 10.255.0.3 activate
 exit-address-family
"""

B = """#
sysname B
#
interface GigabitEthernet0/0/1
 ip address 10.1.0.2 255.255.255.252
#
interface GigabitEthernet0/0/2
 ip address 10.2.0.2 255.255.255.252
#
interface LoopBack0
 ip address 10.255.0.2 255.255.255.255
#
ospf 1 router-id 10.255.0.2
 area 0.0.0.0
  network 10.1.0.0 0.0.0.3
  network 10.2.0.0 0.0.0.3
  network 10.255.0.2 0.0.0.0
#
return
"""

C = """system { host-name C; }
interfaces {
    ge-0/0/0 { unit 0 { family inet { address 10.2.0.1/30; } } }
    lo0 { unit 0 { family inet { address 10.255.0.3/32; } } }
}
routing-options { router-id 10.255.0.3; autonomous-system 65100; }
protocols {
    ospf {
        area 0.0.0.0 {
            interface ge-0/0/0.0;
            interface lo0.0 { passive; }
        }
    }
    bgp {
        group IBGP {
            type internal;
            local-address 10.255.0.3;
            neighbor 10.255.0.1;
        }
    }
}
"""

CHAIN = [
    ("A", "GigabitEthernet0/0", "B", "GigabitEthernet0/0/1"),
    ("B", "GigabitEthernet0/0/2", "C", "ge-0/0/0"),
]


def chain(a: str = A, b: str = B, c: str = C) -> Topology:
    return build([("A", "cisco_ios", a), ("B", "huawei_vrp", b), ("C", "juniper_junos", c)], CHAIN)


def test_loopback_ibgp_over_ospf_comes_up_and_carries_routes() -> None:
    topo = chain()
    assert {(n.router_id, n.state) for n in topo.ospf("B")} == {
        (IPv4Address("10.255.0.1"), "Full"),
        (IPv4Address("10.255.0.3"), "Full"),
    }
    [to_c] = route(topo, "A", "10.255.0.3/32")
    assert (to_c.protocol, to_c.next_hop, to_c.interface) == (
        "ospf",
        IPv4Address("10.1.0.2"),
        "GigabitEthernet0/0",
    )
    assert (to_c.distance, to_c.route_type) == (110, "intra-area")
    [to_a] = route(topo, "B", "10.255.0.1/32")
    assert to_a.distance == 10  # VRP's OSPF preference
    assert states(topo, "A") == {"10.255.0.3": "Established"}
    assert states(topo, "C") == {"10.255.0.1": "Established"}
    [session] = topo.bgp("C")
    assert session.local_address == IPv4Address("10.255.0.3")
    assert session.prefixes_received == 1
    [learned] = route(topo, "C", "192.168.1.0/24")
    assert (learned.protocol, learned.next_hop, learned.distance, learned.route_type) == (
        "bgp",
        IPv4Address("10.255.0.1"),
        170,
        "ibgp",
    )
    assert topo.ping("C", "10.255.0.1")
    # B runs no BGP: C's packets to A's prefix die there, as they would on real boxes
    assert topo.path("C", "192.168.1.1") == (False, "B has no route to 192.168.1.1")


def test_loopback_ibgp_needs_the_igp_and_the_right_source_address() -> None:
    no_ospf = chain(b=B.replace("  network 10.2.0.0 0.0.0.3\n", ""))
    [session] = no_ospf.bgp("A")
    assert session.state == "Active" and session.reason == "no route to 10.255.0.3"
    assert route(no_ospf, "C", "192.168.1.0/24") == []
    no_source = chain(
        a=A.replace(" neighbor 10.255.0.3 update-source Loopback0\n", ""),
        c=C.replace("            local-address 10.255.0.3;\n", ""),
    )
    [session] = no_source.bgp("C")
    assert session.state == "Active"
    assert session.reason == (
        "A has no neighbor 10.2.0.1 (this side's source address); "
        "it peers with 10.255.0.3 instead (check update-source)"
    )


def test_ibgp_learned_routes_reach_a_third_speaker_only_through_a_route_reflector() -> None:
    # C speaks iBGP to B too; B learns A's prefix from A and must reflect it to C
    b_bgp = B.replace(
        "return\n",
        "bgp 65100\n router-id 10.255.0.2\n peer 10.1.0.1 as-number 65100\n"
        " peer 10.2.0.1 as-number 65100\n #\n ipv4-family unicast\n"
        "  peer 10.1.0.1 enable\n  peer 10.2.0.1 enable\n#\nreturn\n",
    )
    a_bgp = (
        A.replace("neighbor 10.255.0.3 remote-as", "neighbor 10.1.0.2 remote-as")
        .replace(" neighbor 10.255.0.3 update-source Loopback0\n", "")
        .replace("neighbor 10.255.0.3 activate", "neighbor 10.1.0.2 activate")
    )
    c_bgp = C.replace(
        "            local-address 10.255.0.3;\n            neighbor 10.255.0.1;\n",
        "            neighbor 10.2.0.2;\n",
    )
    plain = chain(a=a_bgp, b=b_bgp, c=c_bgp)
    assert states(plain, "B") == {"10.1.0.1": "Established", "10.2.0.1": "Established"}
    assert states(plain, "C") == {"10.2.0.2": "Established"}
    assert route(plain, "B", "192.168.1.0/24")[0].protocol == "bgp"
    assert route(plain, "C", "192.168.1.0/24") == []  # iBGP split horizon
    reflecting = b_bgp.replace(
        "  peer 10.2.0.1 enable\n", "  peer 10.2.0.1 enable\n  peer 10.2.0.1 reflect-client\n"
    )
    rr = chain(a=a_bgp, b=reflecting, c=c_bgp)
    [learned] = route(rr, "C", "192.168.1.0/24")
    assert learned.next_hop == IPv4Address("10.1.0.1")  # reflection keeps the next hop

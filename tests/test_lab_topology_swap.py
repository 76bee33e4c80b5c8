"""What the lab is for: an IOS router is replaced by its translation to each target platform
(moving its cables onto the new box), and the Junos neighbor's OSPF adjacency and BGP session
come back, with a password compared across vendors; a translation that gets the AS wrong does
not. Also VRF-lite and `distance bgp`, which the swap's configs can carry."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network

import pytest

from orchestrator.lab.device import LabDevice
from orchestrator.lab.topology import Cable, Topology
from orchestrator.secrets import resolve_references
from orchestrator.syntax import TARGETS
from orchestrator.translate import translate_text

OLD = """hostname X
interface Loopback0
 ip address 10.255.0.9 255.255.255.255
interface GigabitEthernet0/0
 description to-Y
 ip address 10.9.0.1 255.255.255.252
router ospf 1
 router-id 10.255.0.9
 network 10.9.0.0 0.0.0.3 area 0
 network 10.255.0.9 0.0.0.0 area 0
router bgp 65009
 bgp router-id 10.255.0.9
 neighbor 10.9.0.2 remote-as 65010
 neighbor 10.9.0.2 password cisco123
 address-family ipv4
  network 10.255.0.9 mask 255.255.255.255
  neighbor 10.9.0.2 activate
 exit-address-family
"""

Y = """system { host-name Y; }
interfaces {
    ge-0/0/0 { unit 0 { family inet { address 10.9.0.2/30; } } }
    lo0 { unit 0 { family inet { address 10.255.0.10/32; } } }
}
routing-options { router-id 10.255.0.10; autonomous-system 65010; }
protocols {
    ospf { area 0.0.0.0 { interface ge-0/0/0.0; interface lo0.0 { passive; } } }
    bgp {
        group X {
            type external;
            peer-as 65009;
            authentication-key "cisco123";
            neighbor 10.9.0.1;
        }
    }
}
"""


def translated(target: str, source: str = OLD) -> tuple[str, dict[str, str]]:
    """The target config as it would be pushed (secrets filled in) and the port map."""
    translation = translate_text(source, target, source="cisco_ios")
    supplied = {ref.key: "cisco123" for ref in translation.secrets}
    text = resolve_references(translation.target_config, {}, supplied=supplied, environ={})
    return text, dict(translation.ports)


def lab(target: str, source: str = OLD) -> tuple[Topology, dict[str, str]]:
    text, ports = translated(target, source)
    devices = {
        "X": LabDevice("X", "cisco_ios", 0, OLD),
        "Y": LabDevice("Y", "juniper_junos", 0, Y),
        "N": LabDevice("N", target, 0, text),
    }
    return Topology(devices, [Cable(("X", "GigabitEthernet0/0"), ("Y", "ge-0/0/0"))]), ports


TARGET_PLATFORMS = [t for t in TARGETS if t != "cisco_ios"]


@pytest.mark.parametrize("target", TARGET_PLATFORMS)
def test_a_box_cut_over_to_each_target_keeps_its_adjacency_and_session(target: str) -> None:
    topo, ports = lab(target)
    assert [(s.state, s.remote_as) for s in topo.bgp("Y")] == [("Established", 65009)]
    assert [n.state for n in topo.ospf("Y")] == ["Full"]
    topo.move_device("X", "N", ports)
    assert [(s.state, s.reason) for s in topo.bgp("Y")] == [("Established", "")]
    assert [(n.router_id, n.state) for n in topo.ospf("Y")] == [(IPv4Address("10.255.0.9"), "Full")]
    assert [s.state for s in topo.bgp("X")] == ["Idle"]  # the old box is unplugged
    [learned] = [r for r in topo.routes("Y") if r.prefix == IPv4Network("10.255.0.9/32")]
    assert (learned.protocol, learned.next_hop) == ("ospf", IPv4Address("10.9.0.1"))
    from_y = {(str(r.prefix), r.protocol) for r in topo.routes("N")}
    assert ("10.255.0.10/32", "ospf") in from_y
    assert topo.ping("N", "10.255.0.10")


@pytest.mark.parametrize("target", TARGET_PLATFORMS)
def test_a_translation_with_the_wrong_as_leaves_the_session_down(target: str) -> None:
    topo, ports = lab(target, OLD.replace("remote-as 65010", "remote-as 65011"))
    topo.move_device("X", "N", ports)
    [session] = topo.bgp("Y")
    assert session.state == "Active"
    assert "65011" in session.reason
    assert [n.state for n in topo.ospf("Y")] == ["Full"]  # OSPF does not care


VRF_A = """hostname A
vrf definition CUST
 rd 65001:1
 address-family ipv4
 exit-address-family
interface Loopback10
 vrf forwarding CUST
 ip address 172.16.1.1 255.255.255.255
interface GigabitEthernet0/0.100
 encapsulation dot1Q 100
 vrf forwarding CUST
 ip address 10.100.0.1 255.255.255.252
interface GigabitEthernet0/0.200
 encapsulation dot1Q 200
 ip address 10.200.0.1 255.255.255.252
router bgp 65001
 address-family ipv4 vrf CUST
  neighbor 10.100.0.2 remote-as 65002
  neighbor 10.100.0.2 activate
  network 172.16.1.1 mask 255.255.255.255
 exit-address-family
"""

VRF_B = """#
sysname B
#
ip vpn-instance CUST
 ipv4-family
  route-distinguisher 65002:1
#
interface GigabitEthernet0/0/1.100
 dot1q termination vid 100
 ip binding vpn-instance CUST
 ip address 10.100.0.2 255.255.255.252
#
interface GigabitEthernet0/0/1.200
 dot1q termination vid 200
 ip address 10.200.0.2 255.255.255.252
#
interface LoopBack10
 ip binding vpn-instance CUST
 ip address 172.16.2.1 255.255.255.255
#
bgp 65002
 #
 ipv4-family vpn-instance CUST
  network 172.16.2.1 255.255.255.255
  peer 10.100.0.1 as-number 65001
#
return
"""


def test_vrf_lite_sessions_and_routes_stay_in_their_vrf() -> None:
    topo = Topology(
        {
            "A": LabDevice("A", "cisco_ios", 0, VRF_A),
            "B": LabDevice("B", "huawei_vrp", 0, VRF_B),
        },
        [Cable(("A", "GigabitEthernet0/0"), ("B", "GigabitEthernet0/0/1"))],
    )
    assert [(s.vrf, s.state) for s in topo.bgp("A")] == [("CUST", "Established")]
    assert [(s.vrf, s.state) for s in topo.bgp("B")] == [("CUST", "Established")]
    [learned] = [r for r in topo.routes("B") if r.prefix == IPv4Network("172.16.1.1/32")]
    assert (learned.vrf, learned.protocol, learned.next_hop) == (
        "CUST",
        "bgp",
        IPv4Address("10.100.0.1"),
    )
    assert topo.ping("B", "172.16.1.1", vrf="CUST")
    assert not topo.ping("B", "172.16.1.1")  # not from the global table
    assert topo.ping("B", "10.200.0.1")  # the global sub-interface is its own segment


def test_distance_bgp_overrides_the_platform_default() -> None:
    def learned(a: str) -> list[int]:
        topo = Topology(
            {"A": LabDevice("A", "cisco_ios", 0, a), "B": LabDevice("B", "huawei_vrp", 0, VRF_B)},
            [Cable(("A", "GigabitEthernet0/0"), ("B", "GigabitEthernet0/0/1"))],
        )
        return [r.distance for r in topo.routes("A") if r.prefix == IPv4Network("172.16.2.1/32")]

    assert learned(VRF_A) == [20]
    network = "  network 172.16.1.1 mask 255.255.255.255\n"
    assert learned(VRF_A.replace(network, network + "  distance bgp 30 200 200\n")) == [30]

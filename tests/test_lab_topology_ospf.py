"""The lab's state engine: OSPF adjacencies (DR/BDR, mismatches that keep them down), OSPF
routes (externals, equal-cost paths) and static routes, on configs in IOS, VRP and Junos syntax
(the chain A - B - C of `test_lab_topology`)."""

from __future__ import annotations

from ipaddress import IPv4Address

from test_lab_topology import CHAIN, A, B, C, build, chain, route

from orchestrator.lab.topology import Topology

# -- OSPF mismatches on one link: A (IOS) - B (VRP) ------------------------------------------


def pair(a: str = A, b: str = B) -> Topology:
    return build([("A", "cisco_ios", a), ("B", "huawei_vrp", b)], CHAIN[:1])


def test_ospf_on_a_broadcast_link_elects_a_dr_and_comes_up_full() -> None:
    topo = pair()
    [seen_by_a] = topo.ospf("A")
    assert (seen_by_a.router_id, seen_by_a.address, seen_by_a.interface) == (
        IPv4Address("10.255.0.2"),
        IPv4Address("10.1.0.2"),
        "GigabitEthernet0/0",
    )
    assert (seen_by_a.state, seen_by_a.role, seen_by_a.area) == ("Full", "DR", "0.0.0.0")
    [seen_by_b] = topo.ospf("B")
    assert (seen_by_b.state, seen_by_b.role) == ("Full", "BDR")


def test_an_ospf_area_mismatch_keeps_the_adjacency_down() -> None:
    topo = pair(
        b=B.replace(" area 0.0.0.0\n  network 10.1.0.0", " area 0.0.0.1\n  network 10.1.0.0")
    )
    assert topo.ospf("A") == [] and topo.ospf("B") == []
    assert any(
        "area 0.0.0.0 does not match the far end's area 0.0.0.1" in line
        for line in topo.diagnose("A")
    )
    assert route(topo, "A", "10.255.0.2/32") == []


def test_an_ospf_hello_mismatch_keeps_the_adjacency_down() -> None:
    topo = pair(
        a=A.replace(
            " ip address 10.1.0.1 255.255.255.252\n",
            " ip address 10.1.0.1 255.255.255.252\n ip ospf hello-interval 5\n",
        )
    )
    assert topo.ospf("A") == [] and topo.ospf("B") == []
    assert any("hello interval 10 does not match the far end's 5" in x for x in topo.diagnose("B"))
    fixed = pair(
        b=B.replace(
            " ip address 10.1.0.2 255.255.255.252\n",
            " ip address 10.1.0.2 255.255.255.252\n ospf timer hello 5\n",
        ),
        a=A.replace(
            " ip address 10.1.0.1 255.255.255.252\n",
            " ip address 10.1.0.1 255.255.255.252\n ip ospf hello-interval 5\n",
        ),
    )
    assert [n.state for n in fixed.ospf("A")] == ["Full"]


def test_a_passive_interface_and_an_auth_mismatch_keep_the_adjacency_down() -> None:
    passive = pair(
        a=A.replace(
            " router-id 10.255.0.1\n", " router-id 10.255.0.1\n passive-interface default\n"
        )
    )
    assert passive.ospf("B") == []
    assert "OSPF GigabitEthernet0/0: passive, no hellos sent or heard" in passive.diagnose("A")
    auth = pair(
        a=A.replace(
            " ip address 10.1.0.1 255.255.255.252\n",
            " ip address 10.1.0.1 255.255.255.252\n ip ospf authentication message-digest\n"
            " ip ospf message-digest-key 1 md5 secret\n",
        )
    )
    assert auth.ospf("A") == []
    assert any(
        "authentication md5 does not match the far end's none" in x for x in auth.diagnose("A")
    )


def test_ospf_externals_and_equal_cost_paths() -> None:
    # a square: A - B - C and A - D - C, D a second VRP box; C redistributes a static route
    d = (
        B.replace("sysname B", "sysname D")
        .replace("10.1.0.2", "10.3.0.2")
        .replace("10.1.0.0", "10.3.0.0")
        .replace("10.2.0.2", "10.4.0.2")
        .replace("10.2.0.0", "10.4.0.0")
        .replace("10.255.0.2", "10.255.0.4")
    )
    a = A.replace(
        "router ospf 1\n",
        "interface GigabitEthernet0/1\n ip address 10.3.0.1 255.255.255.252\nrouter ospf 1\n",
    ).replace(
        " network 10.1.0.0 0.0.0.3 area 0\n",
        " network 10.1.0.0 0.0.0.3 area 0\n network 10.3.0.0 0.0.0.3 area 0\n",
    )
    c = C.replace(
        "    ge-0/0/0 { unit 0 { family inet { address 10.2.0.1/30; } } }\n",
        "    ge-0/0/0 { unit 0 { family inet { address 10.2.0.1/30; } } }\n"
        "    ge-0/0/1 { unit 0 { family inet { address 10.4.0.1/30; } } }\n",
    ).replace(
        "            interface ge-0/0/0.0;\n",
        "            interface ge-0/0/0.0;\n            interface ge-0/0/1.0;\n",
    ).replace(
        "routing-options { router-id 10.255.0.3;",
        "routing-options { static { route 172.16.0.0/16 discard; } router-id 10.255.0.3;",
    ).replace("    ospf {\n", "    ospf {\n        export STATIC;\n") + (
        "policy-options { policy-statement STATIC { term s { from protocol static; "
        "then accept; } } }\n"
    )
    topo = build(
        [
            ("A", "cisco_ios", a),
            ("B", "huawei_vrp", B),
            ("C", "juniper_junos", c),
            ("D", "huawei_vrp", d),
        ],
        [
            *CHAIN,
            ("A", "GigabitEthernet0/1", "D", "GigabitEthernet0/0/1"),
            ("D", "GigabitEthernet0/0/2", "C", "ge-0/0/1"),
        ],
    )
    to_c = route(topo, "A", "10.255.0.3/32")
    assert {(r.next_hop, r.interface) for r in to_c} == {
        (IPv4Address("10.1.0.2"), "GigabitEthernet0/0"),
        (IPv4Address("10.3.0.2"), "GigabitEthernet0/1"),
    }
    external = route(topo, "A", "172.16.0.0/16")
    assert {r.route_type for r in external} == {"external-2"}
    assert {r.metric for r in external} == {0}  # Junos exports with metric 0
    [on_b] = route(topo, "B", "172.16.0.0/16")
    assert (on_b.distance, on_b.route_type) == (150, "external-2")  # VRP's O_ASE preference


def test_static_routes_install_only_when_their_next_hop_resolves() -> None:
    a = A + (
        "ip route 172.20.0.0 255.255.0.0 10.1.0.2\n"  # connected next hop
        "ip route 172.21.0.0 255.255.0.0 10.255.0.3\n"  # recursive, through OSPF
        "ip route 172.22.0.0 255.255.0.0 10.9.9.9\n"  # nowhere
        "ip route 172.23.0.0 255.255.0.0 Null0\n"
    )
    topo = chain(a=a)
    assert [(r.next_hop, r.interface, r.distance) for r in route(topo, "A", "172.20.0.0/16")] == [
        (IPv4Address("10.1.0.2"), "GigabitEthernet0/0", 1)
    ]
    assert [r.protocol for r in route(topo, "A", "172.21.0.0/16")] == ["static"]
    assert route(topo, "A", "172.22.0.0/16") == []
    assert [r.interface for r in route(topo, "A", "172.23.0.0/16")] == ["Null0"]

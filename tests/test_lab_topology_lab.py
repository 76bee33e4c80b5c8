"""The state engine inside a running lab (a config pushed over SSH changes the state; the control
API's faults and cable moves reach it), and at the scale the bench runs: 200 boxes."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network

from labkit import connect, running_lab

from orchestrator.lab.device import LabDevice
from orchestrator.lab.lab import DeviceSpec
from orchestrator.lab.topology import Cable, Topology


def vrp_box(name: str, me: int, peer: int) -> str:
    return f"""#
sysname {name}
#
interface GigabitEthernet0/0/1
 ip address 10.0.0.{me} 255.255.255.252
#
interface LoopBack0
 ip address 192.0.2.{me} 255.255.255.255
#
bgp 6500{me}
 router-id 192.0.2.{me}
 peer 10.0.0.{peer} as-number 6500{peer}
 #
 ipv4-family unicast
  network 192.0.2.{me} 255.255.255.255
  peer 10.0.0.{peer} enable
#
return
"""


def test_a_config_pushed_over_ssh_and_the_control_api_change_the_state() -> None:
    boxes = [
        DeviceSpec("r1", "huawei_vrp", vrp_box("R1", 1, 2)),
        DeviceSpec("r2", "huawei_vrp", vrp_box("R2", 2, 1)),
    ]
    cable = Cable(("r1", "GigabitEthernet0/0/1"), ("r2", "GigabitEthernet0/0/1"))
    with running_lab(boxes, [cable]) as lab:
        state = lab.state
        assert [(str(s.neighbor), s.state) for s in state.bgp("r2")] == [
            ("10.0.0.1", "Established")
        ]
        assert [(str(r.prefix), r.protocol) for r in state.routes("r2") if r.protocol == "bgp"] == [
            ("192.0.2.1/32", "bgp")
        ]
        conn = connect(lab, "r1", "huawei")
        prompt = r"\[R1[^\]]*\]"
        try:
            for line in ("system-view", "interface GigabitEthernet0/0/1", "shutdown"):
                conn.send_command(line, expect_string=prompt)
            [session] = state.bgp("r2")
            assert session.state == "Idle"
            assert session.reason == "GigabitEthernet0/0/1 toward 10.0.0.1 is down"
            assert not {p.name: p.oper_up for p in state.ports("r2")}["GigabitEthernet0/0/1"]
            conn.send_command("undo shutdown", expect_string=prompt)
            assert [s.state for s in state.bgp("r2")] == ["Established"]
        finally:
            conn.disconnect()
        lab.drop_bgp("r1", "10.0.0.2")
        assert [s.state for s in state.bgp("r2")] == ["Idle"]
        lab.clear_faults()
        assert [s.state for s in state.bgp("r2")] == ["Established"]
        lab.move_cable("r2", "GigabitEthernet0/0/1", "r2", "GigabitEthernet0/0/2")
        assert [s.state for s in state.bgp("r1")] == ["Active"]
        assert [n.remote_port for n in state.lldp("r1")] == ["GigabitEthernet0/0/2"]


# -- 200 boxes in a ring: IOS and VRP in turn, OSPF everywhere, eBGP between neighbors --------


def _link(n: int, side: int) -> str:
    """The address of ring link ``n`` (box n to box n+1): side 1 on box n, side 2 on n+1."""
    return f"10.{n // 64}.{(n % 64) * 4}.{side}"


def _ios(i: int, n: int) -> str:
    left, right = (i - 1) % n, i
    return f"""hostname R{i}
interface Loopback0
 ip address 10.255.{i // 256}.{i % 256} 255.255.255.255
interface GigabitEthernet0/0
 ip address {_link(left, 2)} 255.255.255.252
interface GigabitEthernet0/1
 ip address {_link(right, 1)} 255.255.255.252
router ospf 1
 network 10.0.0.0 0.255.255.255 area 0
router bgp {65000 + i}
 neighbor {_link(left, 1)} remote-as {65000 + left}
 neighbor {_link(right, 2)} remote-as {65000 + (i + 1) % n}
 address-family ipv4
  network 10.255.{i // 256}.{i % 256} mask 255.255.255.255
"""


def _vrp(i: int, n: int) -> str:
    left, right = (i - 1) % n, i
    return f"""#
sysname R{i}
#
interface GigabitEthernet0/0/0
 ip address {_link(left, 2)} 255.255.255.252
#
interface GigabitEthernet0/0/1
 ip address {_link(right, 1)} 255.255.255.252
#
interface LoopBack0
 ip address 10.255.{i // 256}.{i % 256} 255.255.255.255
#
bgp {65000 + i}
 peer {_link(left, 1)} as-number {65000 + left}
 peer {_link(right, 2)} as-number {65000 + (i + 1) % n}
 #
 ipv4-family unicast
  network 10.255.{i // 256}.{i % 256} 255.255.255.255
  peer {_link(left, 1)} enable
  peer {_link(right, 2)} enable
#
ospf 1
 area 0.0.0.0
  network 10.0.0.0 0.255.255.255
#
return
"""


def ring(n: int) -> Topology:
    ports = {
        "cisco_ios": ("GigabitEthernet0/0", "GigabitEthernet0/1"),
        "huawei_vrp": ("GigabitEthernet0/0/0", "GigabitEthernet0/0/1"),
    }
    devices: dict[str, LabDevice] = {}
    for i in range(n):
        platform, text = ("cisco_ios", _ios(i, n)) if i % 2 == 0 else ("huawei_vrp", _vrp(i, n))
        devices[f"R{i}"] = LabDevice(f"R{i}", platform, 0, text)
    cables = []
    for i in range(n):
        a, b = devices[f"R{i}"], devices[f"R{(i + 1) % n}"]
        cables.append(Cable((a.name, ports[a.platform][1]), (b.name, ports[b.platform][0])))
    return Topology(devices, cables)


def test_a_200_box_lab_is_computed_once_and_then_answers_from_the_cache() -> None:
    topo = ring(200)
    network = topo.network()
    for name in topo.devices:
        assert [s.state for s in topo.bgp(name)] == ["Established", "Established"]
        assert topo.ports(name) and topo.routes(name) and len(topo.ospf(name)) == 2
    assert topo.network() is network  # every box's answers came from one computation
    far = IPv4Network("10.255.0.100/32")
    [on_ios] = [r for r in topo.routes("R0") if r.prefix == far]
    assert (on_ios.protocol, len(on_ios.as_path)) == ("bgp", 100)  # eBGP 20 beats OSPF 110
    [on_vrp] = [r for r in topo.routes("R1") if r.prefix == IPv4Network("10.255.0.51/32")]
    assert (on_vrp.protocol, on_vrp.metric) == ("ospf", 51)  # VRP: OSPF 10 beats BGP 255
    halfway = [r for r in topo.routes("R1") if r.prefix == IPv4Network("10.255.0.101/32")]
    assert {(r.protocol, r.interface) for r in halfway} == {  # as far both ways: two paths
        ("ospf", "GigabitEthernet0/0/0"),
        ("ospf", "GigabitEthernet0/0/1"),
    }
    assert topo.ping("R0", "10.255.0.100")
    topo.devices["R100"].set_running(_ios(100, 200).replace("remote-as 65099", "remote-as 65098"))
    topo.invalidate()
    assert [s.state for s in topo.bgp("R100")] == ["Active", "Established"]
    assert topo.network() is not network
    [to_r100] = [s for s in topo.bgp("R99") if s.neighbor == IPv4Address(_link(99, 2))]
    assert (to_r100.state, to_r100.reason) == (
        "Active",
        "R100 expects remote AS 65098, this side is AS 65099",
    )

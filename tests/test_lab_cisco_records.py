"""The Cisco output builders on records built by hand (no topology, no SSH): the cases a small
lab does not produce — a BGP peer shut down or stuck in Active, DR/BDR adjacencies, a default
route and equal-cost OSPF externals, secondary addresses, a dot1q sub-interface, a LAG with a
member down, a static MAC, a VLAN with many ports — parsed back with ntc-templates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from ipaddress import IPv4Address, IPv4Interface, IPv4Network
from typing import Any

import pytest
from ntc_templates.parse import parse_output

from orchestrator.lab.device import LabDevice
from orchestrator.lab.platforms import get_persona
from orchestrator.lab.session import Session
from orchestrator.lab.state import (
    ArpEntry,
    BgpSession,
    LabState,
    LldpNeighbor,
    MacEntry,
    OspfNeighbor,
    PortState,
    Route,
    VlanState,
)

IOS_CONFIG = """\
hostname EDGE1
!
interface GigabitEthernet0/0.100
 encapsulation dot1Q 100
 ip address 172.16.100.1 255.255.255.0
!
router bgp 65001
 neighbor 192.0.2.1 remote-as 64500
 neighbor 192.0.2.1 shutdown
 neighbor 192.0.2.5 remote-as 64501
 neighbor 192.0.2.9 remote-as 64502
!
end
"""


@dataclass
class Records:
    """A `LabState` that answers every box with the same hand-built records."""

    ports_: list[PortState] = field(default_factory=list)
    lldp_: list[LldpNeighbor] = field(default_factory=list)
    bgp_: list[BgpSession] = field(default_factory=list)
    ospf_: list[OspfNeighbor] = field(default_factory=list)
    routes_: list[Route] = field(default_factory=list)
    arp_: list[ArpEntry] = field(default_factory=list)
    macs_: list[MacEntry] = field(default_factory=list)
    vlans_: list[VlanState] = field(default_factory=list)

    def ports(self, device: str) -> list[PortState]:
        return self.ports_

    def lldp(self, device: str) -> list[LldpNeighbor]:
        return self.lldp_

    def bgp(self, device: str) -> list[BgpSession]:
        return self.bgp_

    def ospf(self, device: str) -> list[OspfNeighbor]:
        return self.ospf_

    def routes(self, device: str) -> list[Route]:
        return self.routes_

    def arp(self, device: str) -> list[ArpEntry]:
        return self.arp_

    def macs(self, device: str) -> list[MacEntry]:
        return self.macs_

    def vlans(self, device: str) -> list[VlanState]:
        return self.vlans_


class FakeLab:
    def __init__(self, state: LabState) -> None:
        self._state = state

    @property
    def state(self) -> LabState:
        return self._state

    def schedule(self, seconds: float, action: Callable[[], None]) -> Callable[[], None]:
        return lambda: None

    def changed(self, device: LabDevice) -> None:
        return None


def ip(text: str) -> IPv4Address:
    return IPv4Address(text)


def net(text: str) -> IPv4Network:
    return IPv4Network(text)


GI = "GigabitEthernet"
RECORDS = Records(
    ports_=[
        PortState(
            "Vlan10",
            "svi",
            True,
            True,
            "0200.0000.0001",
            ipv4=(IPv4Interface("10.1.10.1/24"), IPv4Interface("10.1.11.1/24")),
        ),
        PortState(
            f"{GI}0/0.100",
            "subinterface",
            True,
            True,
            "0200.0000.0002",
            ipv4=(IPv4Interface("172.16.100.1/24"),),
        ),
        PortState(f"{GI}0/1", "ethernet", False, False, "0200.0000.0003", description="spare"),
        PortState(f"{GI}0/2", "ethernet", True, True, "0200.0000.0004", lag="Port-channel7"),
        PortState(f"{GI}0/3", "ethernet", True, False, "0200.0000.0005", lag="Port-channel7"),
        PortState(
            "Port-channel7",
            "lag",
            True,
            True,
            "0200.0000.0006",
            members=(f"{GI}0/2", f"{GI}0/3"),
            switchport="trunk",
        ),
    ],
    bgp_=[
        BgpSession(ip("192.0.2.1"), 64500, 65001, "Idle", router_id=ip("10.0.0.1")),
        BgpSession(ip("192.0.2.5"), 64501, 65001, "Active"),
        BgpSession(
            ip("192.0.2.9"),
            64502,
            65001,
            "Established",
            ip("192.0.2.10"),
            remote_router_id=ip("10.9.9.9"),
            uptime=200000,
            prefixes_received=12,
            prefixes_accepted=12,
            prefixes_sent=3,
            messages_received=900,
            messages_sent=880,
        ),
    ],
    ospf_=[
        OspfNeighbor(ip("10.0.0.2"), ip("10.1.10.2"), "Vlan10", "0.0.0.0", "Full", role="DR"),
        OspfNeighbor(ip("10.0.0.3"), ip("10.1.10.3"), "Vlan10", "0.0.0.0", "2-Way", role="DROther"),
    ],
    routes_=[
        Route(net("0.0.0.0/0"), "static", ip("192.0.2.9"), None, 1),
        Route(net("10.1.10.0/24"), "connected", None, "Vlan10", 0),
        Route(net("10.1.10.1/32"), "local", None, "Vlan10", 0),
        Route(
            net("10.50.0.0/16"),
            "ospf",
            ip("10.1.10.2"),
            "Vlan10",
            110,
            20,
            age=4000,
            route_type="external-2",
        ),
        Route(
            net("10.50.0.0/16"),
            "ospf",
            ip("10.1.10.3"),
            "Vlan10",
            110,
            20,
            age=4000,
            route_type="external-2",
        ),
        Route(
            net("10.60.1.0/24"), "ospf", ip("10.1.10.2"), "Vlan10", 110, 3, route_type="inter-area"
        ),
        Route(net("192.168.5.0/24"), "bgp", ip("192.0.2.9"), None, 20, age=90000),
        Route(net("172.31.0.0/16"), "static", ip("10.1.10.9"), None, 1, vrf="BLUE"),
    ],
    arp_=[
        ArpEntry(ip("10.1.10.1"), "0200.0000.0001", "Vlan10", own=True),
        ArpEntry(ip("10.1.10.2"), "0200.0000.00aa", "Vlan10", age=3),
    ],
    macs_=[
        MacEntry("0200.0000.00aa", 10, "Port-channel7"),
        MacEntry("0200.0000.00bb", 10, f"{GI}0/1", static=True),
    ],
    vlans_=[
        VlanState(10, "USERS", True, tuple(f"{GI}1/0/{n}" for n in range(1, 10))),
        VlanState(20, "VOICE", False),
    ],
)


def ios(command: str) -> list[dict[str, Any]]:
    device = LabDevice("edge1", "cisco_ios", 0, IOS_CONFIG)
    session = Session(FakeLab(RECORDS), device, get_persona("cisco_ios"), "tester")
    output = session.handle(command)
    rows: list[dict[str, Any]] = parse_output(platform="cisco_ios", command=command, data=output)
    return rows


def test_ios_interfaces_show_secondary_addresses_subinterfaces_and_admin_down() -> None:
    rows = {r["interface"]: r for r in ios("show ip interface")}
    assert rows["Vlan10"]["ip_address"] == ["10.1.10.1", "10.1.11.1"]
    detail = {r["interface"]: r for r in ios("show interfaces")}
    assert detail[f"{GI}0/0.100"]["vlan_id"] == "100"
    assert detail[f"{GI}0/1"]["link_status"] == "administratively down"
    assert detail[f"{GI}0/3"]["link_status"] == "down"


def test_ios_bgp_summary_shows_admin_shutdown_and_active_peers() -> None:
    rows = {r["bgp_neighbor"]: r for r in ios("show ip bgp summary")}
    assert rows["192.0.2.1"]["state_or_prefixes_received"] == "Idle (Admin)"
    assert rows["192.0.2.5"]["state_or_prefixes_received"] == "Active"
    assert rows["192.0.2.9"]["state_or_prefixes_received"] == "12"
    assert rows["192.0.2.9"]["up_down"] == "2d7h"


def test_ios_ospf_neighbors_show_their_roles() -> None:
    assert [(r["neighbor_id"], r["state"]) for r in ios("show ip ospf neighbor")] == [
        ("10.0.0.2", "FULL/DR"),
        ("10.0.0.3", "2-WAY/DROTHER"),
    ]


def test_ios_routing_table_default_ecmp_externals_and_vrfs() -> None:
    rows = ios("show ip route")
    held = {
        (r["protocol"], r["type"], f"{r['network']}/{r['prefix_length']}", r["nexthop_ip"])
        for r in rows
    }
    assert held == {
        ("S", "", "0.0.0.0/0", "192.0.2.9"),
        ("C", "", "10.1.10.0/24", ""),
        ("L", "", "10.1.10.1/32", ""),
        ("O", "E2", "10.50.0.0/16", "10.1.10.2"),
        ("O", "E2", "10.50.0.0/16", "10.1.10.3"),  # the second path, on its own line
        ("O", "IA", "10.60.1.0/24", "10.1.10.2"),
        ("B", "", "192.168.5.0/24", "192.0.2.9"),
    }
    default = next(r for r in rows if r["network"] == "0.0.0.0")
    assert default["flag"] == "*"


def test_ios_arp_mac_and_vlans() -> None:
    arp = {r["ip_address"]: r["age"] for r in ios("show ip arp")}
    assert arp == {"10.1.10.1": "-", "10.1.10.2": "3"}
    macs = {(r["destination_address"], r["type"]) for r in ios("show mac address-table")}
    assert macs == {("0200.0000.00aa", "DYNAMIC"), ("0200.0000.00bb", "STATIC")}
    vlans = {r["vlan_id"]: r for r in ios("show vlan brief")}
    assert vlans["10"]["interfaces"] == [f"Gi1/0/{n}" for n in range(1, 10)]  # two lines
    assert vlans["20"]["status"] == "act/lshut"


def test_ios_etherchannel_member_down() -> None:
    [row] = ios("show etherchannel summary")
    assert (row["bundle_name"], row["bundle_status"]) == ("Po7", "SU")
    assert row["member_interface_status"] == ["P", "D"]


NXOS_CONFIG = (
    "hostname LEAF9\nrouter bgp 65001\n  neighbor 192.0.2.1\n    remote-as 64500\n    shutdown\n"
)


def nxos_name(name: str) -> str:
    return name.replace(f"{GI}0/", "Ethernet1/").replace("Port-channel", "port-channel")


NXOS_RECORDS = replace(
    RECORDS,
    ports_=[
        replace(p, name=nxos_name(p.name), members=tuple(nxos_name(m) for m in p.members))
        for p in RECORDS.ports_
    ],
)


def nxos(command: str) -> list[dict[str, Any]]:
    device = LabDevice("leaf9", "cisco_nxos", 0, NXOS_CONFIG)
    session = Session(FakeLab(NXOS_RECORDS), device, get_persona("cisco_nxos"), "tester")
    output = session.handle(command)
    rows: list[dict[str, Any]] = parse_output(platform="cisco_nxos", command=command, data=output)
    return rows


def test_nxos_bgp_summary_and_routes() -> None:
    rows = {r["bgp_neigh"]: r for r in nxos("show ip bgp summary")}
    assert rows["192.0.2.1"]["state_pfxrcd"] == "Shut (Admin)"
    assert rows["192.0.2.9"]["state_pfxrcd"] == "12"
    routes = nxos("show ip route")
    ecmp = [r for r in routes if r["network"] == "10.50.0.0"]
    assert [r["nexthop_ip"] for r in ecmp] == ["10.1.10.2", "10.1.10.3"]
    assert {r["network"] for r in routes} == {
        "0.0.0.0",
        "10.1.10.0",
        "10.1.10.1",
        "10.50.0.0",
        "10.60.1.0",
        "192.168.5.0",
    }


@pytest.mark.parametrize("command", ["show ip ospf neighbors", "show port-channel summary"])
def test_nxos_tables_parse(command: str) -> None:
    rows = nxos(command)
    assert rows
    if command == "show port-channel summary":
        assert rows[0]["member_interface_status"] == ["P", "D"]
    else:
        assert [r["state"] for r in rows] == ["FULL/DR", "2-WAY/DROTHER"]

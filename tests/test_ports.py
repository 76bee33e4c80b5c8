"""Interface names: reading, kinds, and the default mapping between every pair of platforms."""

from __future__ import annotations

import pytest

from orchestrator import ports

SOURCES = ("cisco_ios", "cisco_nxos", "juniper_junos")
TARGETS = ("huawei_vrp", "huawei_vrpv8", "hp_comware", "zte_zxros")


@pytest.mark.parametrize(
    ("platform", "text", "canonical", "kind"),
    [
        ("cisco_ios", "Gi0/1", "GigabitEthernet0/1", "ethernet"),
        ("cisco_ios", "te1/0/1", "TenGigabitEthernet1/0/1", "ethernet"),
        ("cisco_ios", "Po10", "Port-channel10", "lag"),
        ("cisco_ios", "Vlan100", "Vlan100", "svi"),
        ("cisco_ios", "Lo0", "Loopback0", "loopback"),
        ("cisco_ios", "GigabitEthernet0/1.100", "GigabitEthernet0/1.100", "subinterface"),
        ("cisco_nxos", "Eth1/1", "Ethernet1/1", "ethernet"),
        ("cisco_nxos", "mgmt0", "mgmt0", "management"),
        ("juniper_junos", "ge-0/0/1", "ge-0/0/1", "ethernet"),
        ("juniper_junos", "ae0", "ae0", "lag"),
        ("huawei_vrp", "Eth-Trunk10", "Eth-Trunk10", "lag"),
        ("huawei_vrp", "Vlanif100", "Vlanif100", "svi"),
        ("huawei_vrpv8", "10GE1/0/1", "10GE1/0/1", "ethernet"),
        ("hp_comware", "Bridge-Aggregation10", "Bridge-Aggregation10", "lag"),
        ("hp_comware", "Vlan-interface100", "Vlan-interface100", "svi"),
        ("zte_zxros", "smartgroup10", "smartgroup10", "lag"),
        ("zte_zxros", "xgei-1/1/0/1", "xgei-1/1/0/1", "ethernet"),
    ],
)
def test_names_are_read_and_classified(platform: str, text: str, canonical: str, kind: str) -> None:
    assert ports.canonical_name(platform, text) == canonical
    assert ports.interface_kind(platform, canonical) == kind


@pytest.mark.parametrize(
    ("source", "name", "target", "expected"),
    [
        # the examples the issue names, each checked against the vendor's naming
        ("cisco_ios", "GigabitEthernet0/1", "huawei_vrp", "GigabitEthernet0/0/1"),
        ("cisco_ios", "TenGigabitEthernet1/0/1", "huawei_vrp", "XGigabitEthernet1/0/1"),
        ("cisco_ios", "TenGigabitEthernet1/0/1", "hp_comware", "Ten-GigabitEthernet1/0/1"),
        ("cisco_ios", "TenGigabitEthernet1/0/1", "zte_zxros", "xgei-1/1/0/1"),
        ("cisco_ios", "TenGigabitEthernet1/0/1", "huawei_vrpv8", "10GE1/0/1"),
        ("cisco_ios", "Port-channel10", "huawei_vrp", "Eth-Trunk10"),
        ("cisco_ios", "Port-channel10", "hp_comware", "Bridge-Aggregation10"),
        ("cisco_ios", "Port-channel10", "zte_zxros", "smartgroup10"),
        ("cisco_ios", "Vlan100", "huawei_vrp", "Vlanif100"),
        ("cisco_ios", "Vlan100", "hp_comware", "Vlan-interface100"),
        ("cisco_ios", "Vlan100", "zte_zxros", "vlan100"),
        ("cisco_ios", "Loopback0", "huawei_vrp", "LoopBack0"),
        ("cisco_ios", "Loopback0", "hp_comware", "LoopBack0"),
        ("cisco_ios", "GigabitEthernet0/1.100", "huawei_vrp", "GigabitEthernet0/0/1.100"),
        ("cisco_ios", "GigabitEthernet0/1", "hp_comware", "GigabitEthernet1/0/1"),
        ("cisco_nxos", "Ethernet1/1", "huawei_vrpv8", "10GE1/0/1"),
        ("juniper_junos", "ge-0/0/1", "huawei_vrp", "GigabitEthernet0/0/1"),
        ("juniper_junos", "xe-0/0/2", "hp_comware", "Ten-GigabitEthernet1/0/2"),
        ("juniper_junos", "ae0", "huawei_vrpv8", "Eth-Trunk0"),
    ],
)
def test_default_mapping(source: str, name: str, target: str, expected: str) -> None:
    assert ports.map_name(source, name, target) == expected


def test_routed_lag_becomes_route_aggregation_on_comware() -> None:
    assert ports.map_name("cisco_ios", "Port-channel1", "hp_comware", routed=True) == (
        "Route-Aggregation1"
    )


def test_nxos_speed_override_picks_the_port_type() -> None:
    assert ports.map_name("cisco_nxos", "Ethernet1/49", "huawei_vrpv8", speed=100000) == (
        "100GE1/0/49"
    )


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("target", TARGETS)
def test_every_pair_maps_every_common_kind(source: str, target: str) -> None:
    """Each source type of a kind every target has (ethernet, lag, svi, loopback) gets a name
    that the target reads back as the same kind."""
    for ptype in ports.NAMING[source]:
        if ptype.kind not in ("ethernet", "lag", "svi", "loopback") or not ptype.numbered:
            continue
        name = ports.PortName(ptype, (1, 0, 3) if ptype.kind == "ethernet" else (7,)).render()
        mapped = ports.map_name(source, name, target)
        assert mapped is not None, f"{source} {name} has no name on {target}"
        assert ports.interface_kind(target, mapped) == ptype.kind, (name, mapped)

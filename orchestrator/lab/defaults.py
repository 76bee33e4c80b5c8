"""What each platform assumes when its config says nothing: the lab's per-OS defaults, as data.

The state engine (`lab/topology.py` and its parts) never branches on a platform name; it asks
`platform_defaults(platform)` instead. Each value below is the real OS's factory behaviour as far
as we know it; where the real boxes differ by model the choice is the one that keeps a
translated config meaningful in the lab, and the comment says so.

>>> platform_defaults("huawei_vrp").distance["ospf"]
10
>>> platform_defaults("cisco_nxos").admin_up("ethernet")
False
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache


def _cisco_distances() -> dict[str, int]:
    return {
        "connected": 0,
        "local": 0,
        "static": 1,
        "ospf": 110,
        "ospf_external": 110,
        "ebgp": 20,
        "ibgp": 200,
    }


def _huawei_distances() -> dict[str, int]:
    # VRP/Comware call it "preference": Direct 0, Static 60, OSPF 10, O_ASE 150, BGP 255
    return {
        "connected": 0,
        "local": 0,
        "static": 60,
        "ospf": 10,
        "ospf_external": 150,
        "ebgp": 255,
        "ibgp": 255,
    }


@dataclass(frozen=True)
class PlatformDefaults:
    """One OS's defaults for what its running config leaves unsaid."""

    #: interface kinds that are administratively down until `no shutdown` (others are up)
    down_by_default: frozenset[str] = frozenset()
    #: physical ports are switch ports (access VLAN 1) unless made routed or given an address;
    #: on other platforms a box is treated as a switch when its config has switch ports or SVIs
    switch_ports: bool = False
    lldp: bool = True  # LLDP runs unless the config turns it off
    cdp: bool | None = None  # None: the OS has no CDP
    arp_shows_own: bool = True  # the ARP table lists the box's own interface addresses
    distance: dict[str, int] = field(default_factory=_cisco_distances)
    ospf_reference_mbps: int = 100
    ospf_loopback_cost: int = 1
    ospf_external_metric: int = 20  # metric of redistributed routes without their own
    ospf_hello: int = 10
    ospf_hello_nbma: int = 30
    ospf_mtu_check: bool = True  # database exchange refuses a neighbor with another MTU
    bgp_hold: int = 180
    vlan_names: tuple[str, str] = ("default", "VLAN{:04d}")  # VLAN 1's name, the others'

    def vlan_name(self, vlan: int) -> str:
        """The name a VLAN without a configured name shows."""
        return self.vlan_names[0] if vlan == 1 else self.vlan_names[1].format(vlan)

    def admin_up(self, kind: str) -> bool:
        """Whether an interface of ``kind`` that the config does not shut is up."""
        return kind not in self.down_by_default


PLATFORM_DEFAULTS: dict[str, PlatformDefaults] = {
    # IOS/IOS-XE: interfaces up unless `shutdown`; LLDP needs `lldp run`, CDP runs by default
    "cisco_ios": PlatformDefaults(lldp=False, cdp=True),
    # NX-OS: Ethernet ports and SVIs are shut until `no shutdown` (running configs show it),
    # ports are switch ports (`system default switchport`), LLDP needs `feature lldp`,
    # OSPF's reference bandwidth is 40 Gbit/s, the ARP table holds only learned entries
    "cisco_nxos": PlatformDefaults(
        down_by_default=frozenset({"ethernet", "svi"}),
        switch_ports=True,
        lldp=False,
        cdp=True,
        arp_shows_own=False,
        ospf_reference_mbps=40000,
    ),
    # Junos: up unless `disable`; `show arp` lists learned entries only; lo0 costs 0
    "juniper_junos": PlatformDefaults(
        arp_shows_own=False,
        distance={
            "connected": 0,
            "local": 0,
            "static": 5,
            "ospf": 10,
            "ospf_external": 150,
            "ebgp": 170,
            "ibgp": 170,
        },
        ospf_loopback_cost=0,
        ospf_external_metric=0,
        bgp_hold=90,
    ),
    # VRP5: up unless `shutdown`; the ARP table shows the box's own addresses (type I)
    # and MTUs are not compared (`ospf mtu-enable` is off)
    "huawei_vrp": PlatformDefaults(
        distance=_huawei_distances(),
        ospf_external_metric=1,
        ospf_mtu_check=False,
        vlan_names=("VLAN 0001", "VLAN {:04d}"),
    ),
    # VRP8: NE40E physical ports come up shut, CloudEngine ports do not; the lab takes the
    # CloudEngine default so a translated config without `undo shutdown` stays up
    "huawei_vrpv8": PlatformDefaults(
        distance=_huawei_distances(),
        ospf_external_metric=1,
        ospf_mtu_check=False,
        vlan_names=("VLAN 0001", "VLAN {:04d}"),
    ),
    # Comware 7: up unless `shutdown`; `display arp` shows learned entries only
    "hp_comware": PlatformDefaults(
        distance=_huawei_distances(),
        arp_shows_own=False,
        ospf_external_metric=1,
        ospf_mtu_check=False,
        vlan_names=("VLAN 0001", "VLAN {:04d}"),
    ),
    # ZXROS: Cisco-like distances and defaults
    "zte_zxros": PlatformDefaults(),
}

_FALLBACK = PlatformDefaults()


@cache
def platform_defaults(platform: str) -> PlatformDefaults:
    """The defaults of ``platform``; Cisco-like ones for a platform not in the table."""
    return PLATFORM_DEFAULTS.get(platform, _FALLBACK)

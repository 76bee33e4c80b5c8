"""Port shapes Comware needs: aggregates that route, access ports with a voice VLAN.

Aggregates that route: a Comware Bridge-Aggregation switches only.

The port plan names a source LAG `Bridge-Aggregation` unless it has an IPv4 address; a LAG
that routes otherwise (dot1q subinterfaces on a bare port-channel, an IPv6-only address, a VRF)
would be written as a layer-2 aggregate whose subinterfaces and addresses Comware refuses. It
becomes `Route-Aggregation` with the same number, with its subinterfaces, and its members
join it as routed ports (`port link-mode route`).
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, Interface
from orchestrator.model.walk import rename_interfaces
from orchestrator.syntax.base import Emitter

_BRIDGE, _ROUTE = "Bridge-Aggregation", "Route-Aggregation"


def _routes(ifc: Interface) -> bool:
    return bool(ifc.ipv4 or ifc.ipv6 or ifc.ipv4_dhcp or ifc.ipv4_unnumbered or ifc.vrf)


def routing_aggregates(config: DeviceConfig, out: Emitter) -> None:
    renames: dict[str, str] = {}
    numbers: set[int] = set()
    for name, ifc in config.interfaces.items():
        number = name[len(_BRIDGE) :]
        if ifc.kind != "lag" or not name.startswith(_BRIDGE) or not number.isdigit():
            continue
        subs = [n for n in config.interfaces if n.startswith(f"{name}.")]
        if not (subs or _routes(ifc)) or f"{_ROUTE}{number}" in config.interfaces:
            continue
        renames[name] = f"{_ROUTE}{number}"
        renames.update({sub: _ROUTE + sub[len(_BRIDGE) :] for sub in subs})
        numbers.add(int(number))
        out.change(
            ifc,
            "",
            note=f"{name} routes (subinterfaces or addresses): it is {_ROUTE}{number}, and its "
            "member ports route",
        )
    if not renames:
        return
    config.interfaces = {renames.get(k, k): v for k, v in config.interfaces.items()}
    for name, ifc in config.interfaces.items():
        ifc.name = name
    rename_interfaces(config, lambda n: renames.get(n, n))
    for ifc in config.interfaces.values():
        if ifc.kind == "ethernet" and ifc.lag_group in numbers and not ifc.routed:
            ifc.routed = True
            for n in ifc.src.get("lag_group"):
                ifc.at(n, "routed")


def voice_ports(config: DeviceConfig, out: Emitter) -> None:
    """An IOS access port with a voice VLAN carries the phone's tagged voice traffic; a
    Comware access port takes no tagged voice traffic, a trunk does (PVID: the PC's VLAN)."""
    for ifc in config.interfaces.values():
        sw = ifc.switchport
        if sw is None or sw.mode != "access" or sw.voice_vlan is None:
            continue
        data = sw.access_vlan or 1
        sw.mode = "trunk"
        sw.trunk_allowed = sorted({data, sw.voice_vlan})
        sw.native_vlan = data if data != 1 else None
        for n in (*sw.src.get("access_vlan"), *sw.src.get("voice_vlan")):
            sw.at(n, "trunk_allowed")
        for n in sw.src.get("access_vlan"):
            sw.at(n, "native_vlan")
        sw.access_vlan = None
        out.change(
            sw,
            "mode",
            "voice_vlan",
            note=f"a Comware access port drops the phone's tagged voice VLAN: the port is a "
            f"trunk with PVID {data} (the PC, untagged) that permits voice VLAN "
            f"{sw.voice_vlan} (the phone, tagged)",
        )

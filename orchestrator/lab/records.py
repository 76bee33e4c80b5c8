"""The `LabState` records of one box, built from a computed `Network` (ages and uptimes are
filled in later by the topology, which remembers since when each thing has been up)."""

from __future__ import annotations

from ipaddress import IPv4Interface

from orchestrator.lab.boxes import Box, PortInfo
from orchestrator.lab.l2 import learned_macs
from orchestrator.lab.network import Network
from orchestrator.lab.routing import network_of
from orchestrator.lab.state import (
    ArpEntry,
    BgpSession,
    LldpNeighbor,
    MacEntry,
    PortState,
    Route,
    VlanState,
)


def port_state(box: Box, port: PortInfo) -> PortState:
    ifc = port.ifc
    switchport = None
    if port.mode in ("access", "trunk", "hybrid") and port.lag is None:
        switchport = port.mode
    trunk: tuple[int, ...] = ()
    if port.mode == "trunk" or port.mode == "hybrid":
        trunk = port.vlans
    return PortState(
        name=port.name,
        kind=port.kind,
        admin_up=port.admin_up,
        oper_up=port.oper_up,
        mac=port.mac,
        speed_mbps=port.speed,
        mtu=(ifc.mtu if ifc else None) or 1500,
        description=(ifc.description if ifc else None) or "",
        ipv4=tuple(port.addresses),
        vrf=port.vrf,
        lag=port.lag,
        members=tuple(port.members),
        switchport=switchport,
        access_vlan=port.access_vlan if switchport in ("access", "hybrid") else None,
        trunk_vlans=trunk,
        native_vlan=port.native_vlan if switchport == "trunk" else None,
    )


def ports(net: Network, device: str) -> list[PortState]:
    box = net.l2.boxes[device]
    return [port_state(box, port) for port in box.ports.values()]


def _enabled(box: Box, port: PortInfo, protocol: str) -> bool:
    """Whether LLDP (or CDP) runs on ``port`` of ``box``."""
    if protocol == "lldp":
        on = box.config.system.lldp
        default = box.defaults.lldp
        per_port = port.ifc.lldp if port.ifc else None
    else:
        if box.defaults.cdp is None:
            return False
        on = box.config.system.cdp
        default = box.defaults.cdp
        per_port = port.ifc.cdp if port.ifc else None
    if not (default if on is None else on):
        return False
    return per_port is not False


def _mgmt_address(box: Box) -> str:
    for kind in ("management", "loopback"):
        for port in box.ports.values():
            if port.kind == kind and port.addresses and port.oper_up:
                return str(port.addresses[0].ip)
    return ""


def neighbors(net: Network, device: str, protocol: str) -> list[LldpNeighbor]:
    """What LLDP (or CDP) shows on ``device``: the far end of each up cable, when the protocol
    runs on both ends."""
    box = net.l2.boxes[device]
    out: list[LldpNeighbor] = []
    for port in box.ports.values():
        if port.far is None or not port.oper_up or port.kind not in ("ethernet", "management"):
            continue
        other = net.l2.boxes[port.far[0]]
        far = other.ports[port.far[1]]
        if not (far.oper_up and _enabled(box, port, protocol) and _enabled(other, far, protocol)):
            continue
        out.append(
            LldpNeighbor(
                local_port=port.name,
                remote_system=other.device.hostname,
                remote_port=far.name,
                remote_port_description=(far.ifc.description if far.ifc else None) or "",
                remote_chassis_id=other.device.mac,
                remote_system_description=f"{other.device.platform} {other.device.version}",
                remote_capabilities=("bridge", "router") if other.is_switch else ("router",),
                remote_mgmt_address=_mgmt_address(other),
            )
        )
    return out


def bgp(net: Network, device: str) -> list[BgpSession]:
    out: list[BgpSession] = []
    result = net.bgp
    for key, stmt in result.stmts.items():
        if stmt.device != device:
            continue
        outcome = result.outcomes.get(key)
        up = outcome is not None and outcome.state == "Established"
        peer = outcome.peer if outcome else None
        received = result.received.get(key, 0) if up else 0
        out.append(
            BgpSession(
                neighbor=stmt.address,
                remote_as=stmt.remote_as if stmt.remote_as is not None else 0,
                local_as=stmt.local_as,
                state=outcome.state if outcome else "Idle",  # type: ignore[arg-type]
                local_address=outcome.local_address if outcome else None,
                router_id=stmt.router_id,
                remote_router_id=peer.router_id if peer and up else None,
                vrf=stmt.vrf,
                description=stmt.description,
                prefixes_received=received,
                prefixes_accepted=received,
                prefixes_sent=result.sent.get(key, 0) if up else 0,
                reason=outcome.reason if outcome else "",
            )
        )
    return out


def routes(net: Network, device: str) -> list[Route]:
    out: list[Route] = []
    insts = sorted((inst for inst in net.ribs if inst[0] == device), key=lambda i: i[1] or "")
    for inst in insts:
        rib = net.ribs[inst]
        for prefix in sorted(rib.routes):
            for r in rib.routes[prefix]:
                out.append(
                    Route(
                        prefix=network_of(r.prefix),
                        protocol=r.protocol,  # type: ignore[arg-type]
                        next_hop=r.next_hop,
                        interface=r.interface,
                        distance=r.distance,
                        metric=r.metric,
                        vrf=inst[1],
                        as_path=r.as_path,
                        route_type=r.route_type,
                    )
                )
    return out


def arp(net: Network, device: str) -> list[ArpEntry]:
    """For each up layer 3 interface: the other interfaces' addresses in its segment and
    subnet, and its own when the platform lists them."""
    box = net.l2.boxes[device]
    out: list[ArpEntry] = []
    for item in net.l2.l3_of(device):
        if not item.up or item.kind in ("loopback", "null", "tunnel"):
            continue
        if box.defaults.arp_shows_own:
            for address in item.addresses:
                out.append(ArpEntry(address.ip, item.mac, item.name, 0, item.vlan, own=True))
        for other in net.l2.segments.get(item.segment, []):
            if other is item:
                continue
            for address in other.addresses:
                if _same_subnet(item.addresses, address):
                    out.append(ArpEntry(address.ip, other.mac, item.name, 0, item.vlan))
    return out


def _same_subnet(mine: tuple[IPv4Interface, ...], address: IPv4Interface) -> bool:
    return any(address.ip in a.network and address.ip != a.ip for a in mine)


def macs(net: Network, device: str) -> list[MacEntry]:
    box = net.l2.boxes[device]
    if not box.is_switch:
        return []
    seen: set[tuple[str, int]] = set()
    out: list[MacEntry] = []
    for mac, vlan, port in learned_macs(net.l2, device):
        if (mac, vlan) not in seen:
            seen.add((mac, vlan))
            out.append(MacEntry(mac, vlan, port))
    return out


def vlans(net: Network, device: str) -> list[VlanState]:
    box = net.l2.boxes[device]
    if not box.is_switch and not box.config.vlans:
        return []
    out: list[VlanState] = []
    faces = [p for p in box.ports.values() if p.mode and p.mode != "routed" and p.lag is None]
    for vlan in sorted(box.vlans):
        config = box.config.vlans.get(vlan)
        name = config.name if config and config.name else box.defaults.vlan_name(vlan)
        untagged = tuple(
            p.name
            for p in faces
            if (p.mode != "trunk" and p.access_vlan == vlan)
            or (p.mode == "trunk" and p.native_vlan == vlan and vlan in p.vlans)
        )
        tagged = tuple(
            p.name
            for p in faces
            if p.mode in ("trunk", "hybrid") and vlan in p.vlans and vlan != p.native_vlan
        )
        out.append(
            VlanState(
                vlan=vlan,
                name=name,
                active=not (config and config.shutdown),
                ports=untagged,
                tagged=tagged,
            )
        )
    return out

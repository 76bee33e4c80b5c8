"""What an H3C Comware 7 box prints for its `display` commands, built from `LabState` records
and the box's parsed config. Pure functions: records in, text out.

Layouts follow the real captures in ../shared/device-output/hp_comware (and the ntc-templates
parsers written from them): column widths, headers, abbreviated interface names (`XGE1/0/1`,
`BAGG1`), MACs as `aabb-ccdd-eeff`, route protocols as `Direct`/`Static`/`O_INTRA`/`BGP`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from orchestrator.lab.state import (
    BgpSession,
    LldpNeighbor,
    OspfNeighbor,
    PortState,
    Route,
)
from orchestrator.model import DeviceConfig

#: long interface-name prefixes and the abbreviation Comware prints in tables
SHORT_NAMES: tuple[tuple[str, str], ...] = (
    ("M-GigabitEthernet", "MGE"),
    ("Ten-GigabitEthernet", "XGE"),
    ("Twenty-FiveGigE", "WGE"),
    ("FortyGigE", "FGE"),
    ("HundredGigE", "HGE"),
    ("GigabitEthernet", "GE"),
    ("Bridge-Aggregation", "BAGG"),
    ("Route-Aggregation", "RAGG"),
    ("Vlan-interface", "Vlan"),
    ("LoopBack", "Loop"),
)

ROUTE_PROTOCOLS = {
    "connected": "Direct",
    "local": "Direct",
    "static": "Static",
    "ospf": "O_INTRA",
    "bgp": "BGP",
}
#: OSPF route types (`Route.route_type`) as Comware's Proto column names them
OSPF_TYPES = {"inter-area": "O_INTER", "external-1": "O_ASE1", "external-2": "O_ASE2"}


def route_protocol(route: Route) -> str:
    if route.protocol == "ospf":
        return OSPF_TYPES.get(route.route_type, "O_INTRA")
    return ROUTE_PROTOCOLS[route.protocol]


BGP_STATES = {"Established": "Established", "Idle": "Idle", "Connect": "Connect"}


def short_name(name: str) -> str:
    """`Ten-GigabitEthernet1/0/1` -> `XGE1/0/1` (names Comware does not shorten stay)."""
    for long, short in SHORT_NAMES:
        if name.startswith(long):
            return short + name[len(long) :]
    return name


def dashed_mac(mac: str) -> str:
    """`aabb.ccdd.eeff` -> `aabb-ccdd-eeff`."""
    return mac.replace(".", "-").replace(":", "").lower()


def uptime_words(seconds: int) -> str:
    weeks, rest = divmod(seconds, 604800)
    days, rest = divmod(rest, 86400)
    hours, rest = divmod(rest, 3600)
    return f"{weeks} weeks, {days} days, {hours} hours, {rest // 60} minutes"


def _speed_words(mbps: int) -> str:
    return f"{mbps // 1000}Gbps" if mbps >= 1000 and mbps % 1000 == 0 else f"{mbps}Mbps"


def _brief_speed(mbps: int) -> str:
    return f"{mbps // 1000}G" if mbps >= 1000 else f"{mbps}M"


def routed(port: PortState, config: DeviceConfig) -> bool:
    """A port in route mode (Layer 3): logical interfaces, and Ethernet ports with an address
    or `port link-mode route`."""
    if port.kind != "ethernet" and port.kind != "lag":
        return True
    ifc = config.interfaces.get(port.name)
    if ifc is not None and ifc.routed is not None:
        return ifc.routed
    return bool(port.ipv4) or (port.switchport is None and _switchport(port, config) is None)


def _switchport(port: PortState, config: DeviceConfig) -> tuple[str, int, list[int]] | None:
    """(link type, PVID, permitted VLANs) of a bridge-mode port, from state or config."""
    if port.switchport is not None:
        pvid = port.native_vlan or port.access_vlan or 1
        return port.switchport, pvid, list(port.trunk_vlans)
    ifc = config.interfaces.get(port.name)
    if ifc is None or ifc.switchport is None:
        return None
    sw = ifc.switchport
    if sw.mode == "trunk":
        return "trunk", sw.native_vlan or 1, list(sw.trunk_allowed or [])
    if sw.mode == "hybrid":
        return "hybrid", sw.native_vlan or 1, sorted({*sw.hybrid_tagged, *sw.hybrid_untagged})
    return "access", sw.access_vlan or 1, []


def lag_of(port: PortState, config: DeviceConfig) -> str | None:
    """The aggregate interface ``port`` is a member of, from state or config."""
    if port.lag:
        return port.lag
    ifc = config.interfaces.get(port.name)
    if ifc is None or ifc.lag_group is None:
        return None
    for name in (f"Bridge-Aggregation{ifc.lag_group}", f"Route-Aggregation{ifc.lag_group}"):
        if name in config.interfaces:
            return name
    return f"Bridge-Aggregation{ifc.lag_group}"


def members_of(lag: PortState, ports: Sequence[PortState], config: DeviceConfig) -> list[str]:
    if lag.members:
        return list(lag.members)
    return [p.name for p in ports if lag_of(p, config) == lag.name]


def vlan_ranges(vlans: Iterable[int]) -> str:
    """`[1, 2, 3, 7]` -> `1-3, 7` (the form of `VLAN permitted:`)."""
    out: list[str] = []
    ordered = sorted(set(vlans))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        out.append(str(ordered[i]) if i == j else f"{ordered[i]}-{ordered[j]}")
        i = j + 1
    return ", ".join(out)


def _state(port: PortState) -> str:
    if not port.admin_up:
        return "Administratively DOWN"
    return "UP" if port.oper_up else "DOWN"


def _protocol(port: PortState) -> str:
    if port.kind in {"loopback", "null"} and port.admin_up:
        return "UP (spoofing)"
    return "UP" if port.oper_up else "DOWN"


# -- display interface -------------------------------------------------------------------------
def display_interface(ports: Sequence[PortState], config: DeviceConfig) -> str:
    blocks: list[str] = []
    for port in ports:
        lines = [
            port.name,
            f"Current state: {_state(port)}",
            f"Line protocol state: {_protocol(port)}",
        ]
        if port.description:
            lines.append(f"Description: {port.description}")
        lines.append(f"Bandwidth: {port.speed_mbps * 1000} kbps")
        if routed(port, config):
            lines.append(f"Maximum transmission unit: {port.mtu}")
            for n, address in enumerate(port.ipv4):
                kind = "Primary" if n == 0 else "Sub"
                lines.append(f"Internet address: {address.with_prefixlen} ({kind})")
            lines.append(
                f"IP packet frame type: Ethernet II, hardware address: {dashed_mac(port.mac)}"
            )
        else:
            lines.append(
                f"IP packet frame type: Ethernet II, hardware address: {dashed_mac(port.mac)}"
            )
        if port.kind == "ethernet":
            if port.oper_up:
                lines.append(f"{_speed_words(port.speed_mbps)}-speed mode, full-duplex mode")
            else:
                lines.append("Unknown-speed mode, unknown-duplex mode")
            lines.append("Link speed type is autonegotiation, link duplex type is autonegotiation")
            lines.append("Flow-control is not enabled")
            lines.append(f"Maximum frame length: {max(port.mtu + 18, 1536)}")
        sw = None if routed(port, config) else _switchport(port, config)
        if sw is not None:
            mode, pvid, permitted = sw
            lines.append(f"PVID: {pvid}")
            lines.append(f"Port link-type: {mode.capitalize()}")
            if mode == "access":
                lines += [" Tagged VLANs:   None", f" Untagged VLANs: {pvid}"]
            else:
                allowed = vlan_ranges(permitted) if permitted else "1-4094"
                lines += [
                    f" VLAN Passing:   {allowed}",
                    f" VLAN permitted: {allowed}",
                    " Trunk port encapsulation: IEEE 802.1q",
                ]
        c = port.counters
        lines += [
            "Last clearing of counters: Never",
            f"Input (total):  {c.in_packets} packets, {c.in_octets} bytes",
            f"Input:  {c.in_errors} input errors, 0 runts, 0 giants, 0 throttles",
            f"Output (total): {c.out_packets} packets, {c.out_octets} bytes",
            f"Output: {c.out_errors} output errors, 0 underruns, 0 buffer failures",
        ]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def display_interface_brief(ports: Sequence[PortState], config: DeviceConfig) -> str:
    route = [p for p in ports if routed(p, config)]
    bridge = [p for p in ports if not routed(p, config)]
    out = [
        "Brief information on interfaces in route mode:",
        "Link: ADM - administratively down; Stby - standby",
        "Protocol: (s) - spoofing",
        f"{'Interface':<21}{'Link':<5}{'Protocol':<9}{'Primary IP':<18}Description",
    ]
    for p in route:
        link = "UP" if p.oper_up else ("ADM" if not p.admin_up else "DOWN")
        proto = (
            "UP(s)"
            if p.kind in {"loopback", "null"} and p.admin_up
            else "UP"
            if p.oper_up
            else "DOWN"
        )
        ip = str(p.ipv4[0].ip) if p.ipv4 else "--"
        out.append(f"{short_name(p.name):<21}{link:<5}{proto:<9}{ip:<18}{p.description}".rstrip())
    if bridge:
        out += [
            "",
            "Brief information on interfaces in bridge mode:",
            "Link: ADM - administratively down; Stby - standby",
            "Speed: (a) - auto",
            "Duplex: (a)/A - auto; H - half; F - full",
            "Type: A - access; T - trunk; H - hybrid",
            f"{'Interface':<21}{'Link':<5}{'Speed':<10}{'Duplex':<7}{'Type':<5}{'PVID':<5}Description",
        ]
        for p in bridge:
            link = "UP" if p.oper_up else ("ADM" if not p.admin_up else "DOWN")
            speed = f"{_brief_speed(p.speed_mbps)}(a)" if p.oper_up else "auto"
            duplex = "F(a)" if p.oper_up else "A"
            sw = _switchport(p, config) or ("access", 1, [])
            row = f"{short_name(p.name):<21}{link:<5}{speed:<10}{duplex:<7}"
            out.append(f"{row}{sw[0][0].upper():<5}{sw[1]:<5}{p.description}".rstrip())
    return "\n".join(out) + "\n"


def display_ip_interface(ports: Sequence[PortState]) -> str:
    blocks: list[str] = []
    for p in ports:
        proto = (
            "UP(spoofing)"
            if p.kind in {"loopback", "null"} and p.admin_up
            else ("UP" if p.oper_up else "DOWN")
        )
        lines = [f"{p.name} current state: {_state(p)}", f"Line protocol current state: {proto}"]
        for n, address in enumerate(p.ipv4):
            lines.append(
                f"Internet Address is {address.with_prefixlen} {'Primary' if n == 0 else 'Sub'}"
            )
            lines.append(f"Broadcast address: {address.network.broadcast_address}")
        if p.ipv4:
            c = p.counters
            lines += [
                f"The Maximum Transmit Unit: {p.mtu} bytes",
                f"input packets : {c.in_packets}, bytes : {c.in_octets}, multicasts : 0",
                f"output packets : {c.out_packets}, bytes : {c.out_octets}, multicasts : 0",
            ]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def display_ip_interface_brief(ports: Sequence[PortState]) -> str:
    out = [
        "*down: administratively down",
        "(s): spoofing  (l): loopback",
        f"{'Interface':<25}{'Physical':<9}{'Protocol':<9}{'IP Address':<16}Description",
    ]
    for p in ports:
        if not p.ipv4 and p.kind not in {"loopback", "vlan"}:
            continue
        phys = "*down" if not p.admin_up else ("up" if p.oper_up else "down")
        proto = (
            "up(s)"
            if p.kind in {"loopback", "null"} and p.admin_up
            else ("up" if p.oper_up else "down")
        )
        ip = str(p.ipv4[0].ip) if p.ipv4 else "--"
        out.append(f"{short_name(p.name):<25}{phys:<9}{proto:<9}{ip:<16}{p.description or '--'}")
    return "\n".join(out) + "\n"


# -- neighbours ---------------------------------------------------------------------------------
def display_lldp_list(neighbors: Sequence[LldpNeighbor]) -> str:
    out = [
        "Chassis ID : * -- -- Nearest nontpmr bridge neighbor",
        "             # -- -- Nearest customer bridge neighbor",
        "             Default -- -- Nearest bridge neighbor",
        f"{'System Name':<21}{'Local Interface':<16}{'Chassis ID':<16}Port ID",
    ]
    for n in neighbors:
        row = f"{n.remote_system:<21}{short_name(n.local_port):<16}"
        out.append(f"{row}{dashed_mac(n.remote_chassis_id):<16}{n.remote_port}")
    return "\n".join(out) + "\n"


def display_lldp_verbose(neighbors: Sequence[LldpNeighbor], ports: Sequence[PortState]) -> str:
    index = {p.name: i + 1 for i, p in enumerate(ports)}
    blocks: list[str] = []
    for n in neighbors:
        caps = ", ".join(c.capitalize() for c in n.remote_capabilities) or "Router"
        lines = [
            f"LLDP neighbor-information of port {index.get(n.local_port, 1)}[{n.local_port}]:",
            "LLDP agent nearest-bridge:",
            " LLDP neighbor index : 1",
            " Update time         : 0 days, 0 hours, 0 minutes, 30 seconds",
            " Chassis type        : MAC address",
            f" Chassis ID          : {dashed_mac(n.remote_chassis_id)}",
            " Port ID type        : Interface name",
            f" Port ID             : {n.remote_port}",
            f" Time to live        : {n.ttl}",
            f" Port description    : {n.remote_port_description or n.remote_port + ' Interface'}",
            f" System name         : {n.remote_system}",
            f" System description  : {n.remote_system_description}",
            f" System capabilities supported : {caps}",
            f" System capabilities enabled   : {caps}",
        ]
        if n.remote_mgmt_address:
            lines += [
                " Management address type           : IPv4",
                f" Management address                : {n.remote_mgmt_address}",
                " Management address interface type : IfIndex",
                " Management address interface ID   : 1",
                " Management address OID            : 0",
            ]
        lines += [
            " Link aggregation supported : Yes",
            " Link aggregation enabled   : No",
            " Aggregation port ID        : 0",
            " Auto-negotiation supported : Yes",
            " Auto-negotiation enabled   : Yes",
            " OperMau                    : Speed(1000)/Duplex(Full)",
            " Maximum frame size         : 9216",
        ]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _bgp_updown(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    if hours >= 24:
        return f"{hours:04d}h{rest // 60:02d}m"
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def display_bgp_peer(sessions: Sequence[BgpSession], router_id: str, local_as: str) -> str:
    up = sum(1 for s in sessions if s.state == "Established")
    out = [
        "",
        f" BGP local router ID: {router_id}",
        f" Local AS number: {local_as}",
        f" Total number of peers: {len(sessions):<18}Peers in established state: {up}",
        "",
        "  * - Dynamically created peer",
        "  Peer                    AS  MsgRcvd  MsgSent OutQ PrefRcv Up/Down  State",
        "",
    ]
    for s in sessions:
        out.append(
            f"  {s.neighbor!s:<15}{s.remote_as:>10} {s.messages_received:>8} "
            f"{s.messages_sent:>8} {0:>4} {s.prefixes_received:>7} {_bgp_updown(s.uptime)} "
            f"{s.state}"
        )
    return "\n".join(out) + "\n"


def display_ospf_peer(neighbors: Sequence[OspfNeighbor], router_id: str) -> str:
    out: list[str] = []
    for process in sorted({n.process for n in neighbors}) or ["1"]:
        out += [
            "",
            f"         OSPF Process {process} with Router ID {router_id}",
            "               Neighbor Brief Information",
        ]
        mine = [n for n in neighbors if n.process == process]
        for area in sorted({n.area for n in mine}):
            out += [
                "",
                f" Area: {area}",
                " Router ID       Address         Pri Dead-Time  State             Interface",
            ]
            for n in (x for x in mine if x.area == area):
                state = f"{n.state}/{n.role or 'DROther'}" if n.state == "Full" else n.state
                out.append(
                    f" {n.router_id!s:<16}{n.address!s:<16}{n.priority:<4}"
                    f"{n.dead_seconds:<11}{state:<18}{short_name(n.interface)}"
                )
    return "\n".join(out) + "\n"


def out_interface(route: Route, ports: Sequence[PortState]) -> str | None:
    """The route's interface, or the one whose subnet holds its next hop (BGP routes)."""
    if route.interface or route.next_hop is None:
        return route.interface
    hop = route.next_hop
    return next((p.name for p in ports for a in p.ipv4 if hop in a.network), None)


def display_routing_table(routes: Sequence[Route], ports: Sequence[PortState]) -> str:
    own = {p.name: p.ipv4[0].ip for p in ports if p.ipv4}
    prefixes = sorted(
        {r.prefix for r in routes}, key=lambda n: (int(n.network_address), n.prefixlen)
    )
    out = [
        "",
        f"Destinations : {len(prefixes):<10}Routes : {len(routes)}",
        "",
        f"{'Destination/Mask':<19}{'Proto':<8}{'Pre':<4}{'Cost':<12}{'NextHop':<16}Interface",
    ]
    for prefix in prefixes:
        first = True
        for r in (x for x in routes if x.prefix == prefix):
            if r.protocol == "local":
                hop, ifname = "127.0.0.1", "InLoop0"
            else:
                via = out_interface(r, ports) or "NULL0"
                hop, ifname = str(r.next_hop or own.get(via) or "0.0.0.0"), short_name(via)
            if first:
                head = f"{prefix.with_prefixlen:<19}{route_protocol(r):<8}"
                out.append(f"{head}{r.distance:<4}{r.metric:<12}{hop:<16}{ifname}")
                first = False
            else:
                out.append(f"{'':<43}{hop:<16}{ifname}")
    return "\n".join(out) + "\n"

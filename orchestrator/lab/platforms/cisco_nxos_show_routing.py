"""NX-OS `show` output for neighbors and routing (LLDP, BGP, OSPF, the routing table, ARP),
built from `session.lab.state` in the layouts of the real captures that ntc-templates reads.
"""

from __future__ import annotations

from ipaddress import IPv4Address

from orchestrator.lab.platforms.cisco_common import cisco_age, short_name
from orchestrator.lab.platforms.cisco_nxos_show import SHORT
from orchestrator.lab.session import Session
from orchestrator.lab.state import BgpSession, Route


# -- neighbors -----------------------------------------------------------------------------------
def _caps(names: tuple[str, ...]) -> str:
    letters = {"router": "R", "bridge": "B", "telephone": "T", "station": "S"}
    return ", ".join(letters.get(n, "O") for n in names)


def lldp_neighbors(session: Session) -> str:
    found = session.lab.state.lldp(session.device.name)
    out = [
        "Capability codes:",
        "  (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device",
        "  (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other",
        "Device ID            Local Intf      Hold-time  Capability  Port ID  ",
    ]
    for n in found:
        caps = _caps(n.remote_capabilities).replace(", ", "")
        local = short_name(n.local_port, SHORT)
        out.append(f"{n.remote_system[:20]:<20} {local:<15} {n.ttl:<10} {caps:<11} {n.remote_port}")
    out += ["", f"Total entries displayed: {len(found)}"]
    return "\n".join(out) + "\n"


def lldp_neighbors_detail(session: Session) -> str:
    found = session.lab.state.lldp(session.device.name)
    out = [
        "Capability codes:",
        "  (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device",
        "  (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other",
        "Device ID            Local Intf      Hold-time  Capability  Port ID  ",
        "",
    ]
    for n in found:
        caps = _caps(n.remote_capabilities)
        out += [
            f"Chassis id: {n.remote_chassis_id}",
            f"Port id: {n.remote_port}",
            f"Local Port id: {short_name(n.local_port, SHORT)}",
            f"Port Description: {n.remote_port_description or 'null'}",
            f"System Name: {n.remote_system}",
            f"System Description: {n.remote_system_description}",
            f"Time remaining: {n.ttl - 27} seconds",
            f"System Capabilities: {caps}",
            f"Enabled Capabilities: {caps}",
            f"Management Address: {n.remote_mgmt_address or 'not advertised'}",
            "Vlan ID: not advertised",
            "",
            "",
        ]
    out.append(f"Total entries displayed: {len(found)}")
    return "\n".join(out) + "\n"


# -- routing -------------------------------------------------------------------------------------
def bgp_summary(session: Session, vrf: str = "default") -> str:
    bgp = session.device.config.bgp
    if bgp is None:
        return "BGP instance not running\n"
    wanted = None if vrf == "default" else vrf
    sessions = [b for b in session.lab.state.bgp(session.device.name) if b.vrf == wanted]
    router_id = _router_id(session, sessions)
    table = sum(b.prefixes_received for b in sessions) + 2
    up = sum(1 for b in sessions if b.state == "Established")
    out = [
        f"BGP summary information for VRF {vrf}, address family IPv4 Unicast",
        f"BGP router identifier {router_id}, local AS number {bgp.asn}",
        f"BGP table version is {table}, IPv4 Unicast config peers {len(sessions)}, "
        f"capable peers {up}",
        f"{table} network entries and {table} paths using {table * 240} bytes of memory",
        "BGP attribute entries [2/328], BGP AS path entries [1/6]",
        "BGP community entries [0/0], BGP clusterlist entries [0/0]",
        "",
        "Neighbor        V    AS    MsgRcvd    MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd",
    ]
    shut = {a for a, n in bgp.neighbors.items() if n.shutdown}
    for b in sessions:
        out.append(_summary_row(b, table, str(b.neighbor) in shut))
    return "\n".join(out) + "\n"


def _router_id(session: Session, sessions: list[BgpSession]) -> IPv4Address | str:
    for b in sessions:
        if b.router_id is not None:
            return b.router_id
    bgp = session.device.config.bgp
    return bgp.router_id if bgp is not None and bgp.router_id else "0.0.0.0"


def _summary_row(b: BgpSession, table: int, shut: bool) -> str:
    up = b.state == "Established"
    when = cisco_age(b.uptime) if up or b.uptime else "never"
    state = str(b.prefixes_received) if up else "Shut (Admin)" if shut else b.state
    return (
        f"{b.neighbor!s:<15} 4 {b.remote_as:>5} {b.messages_received:>10} {b.messages_sent:>10} "
        f"{table if up else 0:>8} {0:>4} {0:>4} {when:<8} {state}"
    )


def ospf_neighbors(session: Session) -> str:
    found = session.lab.state.ospf(session.device.name)
    processes = sorted({n.process for n in found}) or [next(iter(session.device.config.ospf), "1")]
    out: list[str] = []
    for process in processes:
        mine = [n for n in found if n.process == process]
        out += [
            f" OSPF Process ID {process} VRF default",
            f" Total number of neighbors: {len(mine)}",
            " Neighbor ID     Pri State            Up Time  Address         Interface",
        ]
        for n in mine:
            state = f"{n.state.upper()}/{n.role.upper() or ' -'}"
            out.append(
                f" {n.router_id!s:<15} {n.priority:>3} {state:<16} {cisco_age(n.uptime):<8} "
                f"{n.address!s:<15} {short_name(n.interface, SHORT)}"
            )
    return "\n".join(out) + "\n"


_PROTOCOL = {"connected": "direct", "local": "local", "static": "static"}


def ip_route(session: Session) -> str:
    routes = [r for r in session.lab.state.routes(session.device.name) if r.vrf is None]
    out = [
        'IP Route Table for VRF "default"',
        "'*' denotes best ucast next-hop",
        "'**' denotes best mcast next-hop",
        "'[x/y]' denotes [preference/metric]",
        "'%<string>' in via output denotes VRF <string>",
        "",
    ]
    by_prefix: dict[str, list[Route]] = {}
    for r in sorted(routes, key=lambda r: (r.prefix.network_address, r.prefix.prefixlen)):
        by_prefix.setdefault(str(r.prefix), []).append(r)
    processes = list(session.device.config.ospf) or ["1"]
    asn = session.device.config.bgp.asn if session.device.config.bgp else "0"
    for prefix, paths in by_prefix.items():
        attached = ", attached" if paths[0].protocol in {"connected", "local"} else ""
        out.append(f"{prefix}, ubest/mbest: {len(paths)}/0{attached}")
        for r in paths:
            via = f"    *via {r.next_hop or r.prefix.network_address}"
            if r.interface:
                via += f", {short_name(r.interface, SHORT)}"
            name = _PROTOCOL.get(r.protocol)
            if r.protocol == "ospf":
                name = f"ospf-{processes[0]}, {'inter' if 'inter' in r.route_type else 'intra'}"
            elif r.protocol == "bgp":
                name = (
                    f"bgp-{asn}, {'internal' if r.route_type == 'ibgp' else 'external'}, tag {asn}"
                )
            out.append(f"{via}, [{r.distance}/{r.metric}], {cisco_age(r.age)}, {name}")
    return "\n".join(out) + "\n"


def ip_arp(session: Session) -> str:
    found = session.lab.state.arp(session.device.name)
    out = [
        "",
        "Flags: * - Adjacencies learnt on non-active FHRP router",
        "       + - Adjacencies synced via CFSoE",
        "       # - Adjacencies Throttled for Glean",
        "       CP - Added via L2RIB, Control plane Adjacencies",
        "       PS - Added via L2RIB, Peer Sync",
        "       RO - Re-Originated Peer Sync Entry",
        "       D - Static Adjacencies attached to down interface",
        "",
        "IP ARP Table for context default",
        f"Total number of entries: {len(found)}",
        "Address         Age       MAC Address     Interface       Flags",
    ]
    for e in found:
        age = cisco_age(e.age * 60)
        out.append(f"{e.address!s:<15} {age:<9} {e.mac:<15} {e.interface:<15} ")
    return "\n".join(out) + "\n"


def bgp_neighbors(session: Session) -> str:
    bgp = session.device.config.bgp
    if bgp is None:
        return "BGP instance not running\n"
    out: list[str] = []
    for b in session.lab.state.bgp(session.device.name):
        up = b.state == "Established"
        kind = "ibgp" if b.remote_as == b.local_as else "ebgp"
        remote_id = b.remote_router_id if up and b.remote_router_id else "0.0.0.0"
        state = f"Established, up for {cisco_age(b.uptime)}" if up else f"{b.state}, down for never"
        out += [f"BGP neighbor is {b.neighbor}, remote AS {b.remote_as}, {kind} link, Peer index 3"]
        if b.description:
            out.append(f"  Description: {b.description}")
        out += [
            f"  BGP version 4, remote router ID {remote_id}",
            f"  BGP state = {state}",
            f"  Neighbor vrf: {b.vrf or 'default'}",
            "  Last read 00:00:03, hold time = 180, keepalive interval is 60 seconds",
            f"  Received {b.messages_received} messages, 0 notifications, 0 bytes in queue",
            f"  Sent {b.messages_sent} messages, 0 notifications, 0(0) bytes in queue",
            f"  Connections established {1 if up else 0}, dropped 0",
            "  Last reset by us never, due to No error",
            "  Last reset by peer never, due to No error",
            "",
            "  Message statistics:",
            "                              Sent               Rcvd",
            _counts("Opens", int(up), int(up)),
            "  Notifications:                 0                  0  ",
            _counts("Updates", b.prefixes_sent, b.prefixes_received),
            _counts("Keepalives", b.messages_sent, b.messages_received),
            "  Route Refresh:                 0                  0  ",
            "  Capability:                    0                  0  ",
            _counts("Total", b.messages_sent, b.messages_received),
            "  Total bytes:                   0                  0  ",
            "  Bytes in queue:                0                  0  ",
            "",
            "  For address family: IPv4 Unicast",
            "  BGP table version 7, neighbor version 7",
            f"  {b.prefixes_accepted} accepted paths consume {b.prefixes_accepted * 80} bytes of "
            "memory",
            f"  {b.prefixes_sent} sent paths",
            "",
        ]
        if up and b.local_address is not None:
            out += [
                f"  Local host: {b.local_address}, Local port: 179",
                f"  Foreign host: {b.neighbor}, Foreign port: 45361",
            ]
        else:
            out.append("  No established BGP session with peer")
        out.append("")
    return "\n".join(out) + "\n"


def _counts(name: str, sent: int, received: int) -> str:
    return f"  {name + ':':<26}{sent:>6}             {received:>6}  "

"""IOS/IOS-XE `show` output for neighbors and routing (LLDP, BGP, OSPF, the routing table,
ARP), built from `session.lab.state` in the layouts of the real captures that ntc-templates and
NAPALM's ios driver read.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network

from orchestrator.lab.platforms.cisco_common import cisco_age, short_name
from orchestrator.lab.platforms.cisco_ios_show import SHORT
from orchestrator.lab.session import Session
from orchestrator.lab.state import BgpSession, Route


def lldp_neighbors(session: Session) -> str:
    found = session.lab.state.lldp(session.device.name)
    out = [
        "Capability codes:",
        "    (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device",
        "    (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other",
        "",
        "Device ID           Local Intf     Hold-time  Capability      Port ID",
    ]
    for n in found:
        caps = ",".join(_capability(c) for c in n.remote_capabilities)
        local = short_name(n.local_port, SHORT)
        out.append(
            f"{n.remote_system[:20]:<20}{local:<15}{n.ttl:<11}{caps:<16}"
            f"{short_name(n.remote_port, SHORT)}"
        )
    out += ["", f"Total entries displayed: {len(found)}"]
    return "\n".join(out) + "\n\n"


def lldp_neighbors_detail(session: Session) -> str:
    found = session.lab.state.lldp(session.device.name)
    out: list[str] = []
    for n in found:
        caps = ",".join(_capability(c) for c in n.remote_capabilities)
        described = n.remote_port_description
        out += [
            "------------------------------------------------",
            f"Local Intf: {short_name(n.local_port, SHORT)}",
            f"Chassis id: {n.remote_chassis_id}",
            f"Port id: {n.remote_port}",
            f"Port Description: {described}" if described else "Port Description - not advertised",
            f"System Name: {n.remote_system}",
            "",
            "System Description: ",
            n.remote_system_description,
            "",
            f"Time remaining: {n.ttl - 9} seconds",
            f"System Capabilities: {caps}",
            f"Enabled Capabilities: {caps}",
        ]
        if n.remote_mgmt_address:
            out += ["Management Addresses:", f"    IP: {n.remote_mgmt_address}"]
        else:
            out.append("Management Addresses - not advertised")
        out += [
            "Auto Negotiation - supported, enabled",
            "Physical media capabilities:",
            "    1000baseT(FD)",
            "Media Attachment Unit type: 30",
            "Vlan ID: - not advertised",
            "",
        ]
    out += ["", f"Total entries displayed: {len(found)}"]
    return "\n".join(out) + "\n\n"


# -- routing ----------------------------------------------------------------------------------
def bgp_summary(session: Session, families: bool = False) -> str:
    sessions = [b for b in session.lab.state.bgp(session.device.name) if b.vrf is None]
    bgp = session.device.config.bgp
    if bgp is None:
        return "% BGP not active\n\n"
    router_id = _router_id(session, sessions)
    prefixes = sum(b.prefixes_received for b in sessions) + 1
    out = ["For address family: IPv4 Unicast"] if families else []
    out += [
        f"BGP router identifier {router_id}, local AS number {bgp.asn}",
        f"BGP table version is {prefixes + 1}, main routing table version {prefixes + 1}",
        f"{prefixes} network entries using {prefixes * 248} bytes of memory",
        f"{prefixes} path entries using {prefixes * 136} bytes of memory",
        "2/2 BGP path/bestpath attribute entries using 592 bytes of memory",
        "1 BGP AS-PATH entries using 24 bytes of memory",
        "0 BGP route-map cache entries using 0 bytes of memory",
        "0 BGP filter-list cache entries using 0 bytes of memory",
        f"BGP using {prefixes * 384 + 616} total bytes of memory",
        f"BGP activity {prefixes}/0 prefixes, {prefixes}/0 paths, scan interval 60 secs",
        "",
        "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd",
    ]
    shut = {a for a, n in bgp.neighbors.items() if n.shutdown}
    for b in sessions:
        out.append(_summary_row(b, prefixes + 1, str(b.neighbor) in shut))
    return "\n".join(out) + "\n\n"


def bgp_neighbors(session: Session) -> str:
    bgp = session.device.config.bgp
    if bgp is None:
        return "% BGP not active\n\n"
    out: list[str] = []
    for b in session.lab.state.bgp(session.device.name):
        out.append(_neighbor(b))
    return "".join(out)


def ospf_neighbor(session: Session) -> str:
    out = ["Neighbor ID     Pri   State           Dead Time   Address         Interface"]
    for n in session.lab.state.ospf(session.device.name):
        role = n.role.upper() or "-"
        state = f"{n.state.upper()}/{role if role != '-' else '  -'}"
        dead = f"00:00:{max(0, min(n.dead_seconds, 59)):02d}"
        out.append(
            f"{n.router_id!s:<15} {n.priority:>3}   {state:<15} {dead:<11} "
            f"{n.address!s:<15} {n.interface}"
        )
    return "\n".join(out) + "\n"


def ospf_neighbor_detail(session: Session) -> str:
    out: list[str] = []
    for n in session.lab.state.ospf(session.device.name):
        area = _area(n.area)
        dr = n.address if n.role == "DR" else "0.0.0.0"
        out += [
            f" Neighbor {n.router_id}, interface address {n.address}",
            f"    In the area {area} via interface {n.interface}",
            f"    Neighbor priority is {n.priority}, State is {n.state.upper()}, 6 state changes",
            f"    DR is {dr} BDR is 0.0.0.0",
            "    Options is 0x52",
            "    LLS Options is 0x1 (LR), last OOB-Resync 00:00:00 ago",
            f"    Dead timer due in 00:00:{max(0, min(n.dead_seconds, 59)):02d}",
            f"    Neighbor is up for {_clock_age(n.uptime)}",
            "    Index 1/1, retransmission queue length 0, number of retransmission 0",
            "    First 0x0(0)/0x0(0)/0x0(0) Next 0x0(0)/0x0(0)/0x0(0)",
            "    Last retransmission scan length is 0, maximum is 0",
            "    Last retransmission scan time is 0 msec, maximum is 0 msec",
        ]
    return "\n".join(out) + "\n" if out else ""


def _clock_age(seconds: int) -> str:
    hours, rest = divmod(max(0, seconds), 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def _area(dotted: str) -> str:
    """IOS names a small area by its number (`0`) and a large one dotted."""
    parts = dotted.split(".")
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        value = int(parts[0]) << 24 | int(parts[1]) << 16 | int(parts[2]) << 8 | int(parts[3])
        return str(value) if value < 65536 else dotted
    return dotted


def ip_route(session: Session) -> str:
    routes = [r for r in session.lab.state.routes(session.device.name) if r.vrf is None]
    default = [r for r in routes if r.prefix.prefixlen == 0 and r.next_hop is not None]
    out = [
        "Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP",
        "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area ",
        "       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2",
        "       E1 - OSPF external type 1, E2 - OSPF external type 2, m - OMP",
        "       n - NAT, Ni - NAT inside, No - NAT outside, Nd - NAT DIA",
        "       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2",
        "       ia - IS-IS inter area, * - candidate default, U - per-user static route",
        "       H - NHRP, G - NHRP registered, g - NHRP registration summary",
        "       o - ODR, P - periodic downloaded static route, l - LISP",
        "       a - application route",
        "       + - replicated route, % - next hop override, p - overrides from PfR",
        "       & - replicated local route overrides by connected",
        "",
    ]
    if default:
        out.append(f"Gateway of last resort is {default[0].next_hop} to network 0.0.0.0")
    else:
        out.append("Gateway of last resort is not set")
    out.append("")
    out += _route_lines(routes)
    return "\n".join(out) + "\n"


def ip_arp(session: Session) -> str:
    own = {a.ip for p in session.lab.state.ports(session.device.name) for a in p.ipv4}
    out = ["Protocol  Address          Age (min)  Hardware Addr   Type   Interface"]
    for e in session.lab.state.arp(session.device.name):
        age = "-" if e.address in own else str(e.age)
        out.append(f"Internet  {e.address!s:<16} {age:>8}   {e.mac}  ARPA   {e.interface}")
    return "\n".join(out) + "\n"


def _capability(name: str) -> str:
    return {"router": "R", "bridge": "B", "telephone": "T", "station": "S"}.get(name, "O")


def _router_id(session: Session, sessions: list[BgpSession]) -> IPv4Address | str:
    for b in sessions:
        if b.router_id is not None:
            return b.router_id
    bgp = session.device.config.bgp
    if bgp is not None and bgp.router_id:
        return bgp.router_id
    return "0.0.0.0"


def _summary_row(b: BgpSession, table: int, shut: bool) -> str:
    up = b.state == "Established"
    when = cisco_age(b.uptime) if up or b.uptime else "never"
    state = f"{b.prefixes_received:>8}" if up else "Idle (Admin)" if shut else b.state
    return (
        f"{b.neighbor!s:<15} 4 {b.remote_as:>12} {b.messages_received:>7} {b.messages_sent:>7} "
        f"{table if up else 1:>8} {0:>4} {0:>4} {when:<8} {state}"
    )


def _neighbor(b: BgpSession) -> str:
    up = b.state == "Established"
    kind = "internal" if b.remote_as == b.local_as else "external"
    vrf = f" vrf {b.vrf}," if b.vrf else ""
    remote_id = b.remote_router_id if up and b.remote_router_id else "0.0.0.0"
    lines = [f"BGP neighbor is {b.neighbor},{vrf}  remote AS {b.remote_as}, {kind} link"]
    if b.description:
        lines.append(f" Description: {b.description}")
    lines.append(f"  BGP version 4, remote router ID {remote_id}")
    if up:
        lines.append(f"  BGP state = Established, up for {cisco_age(b.uptime)}")
    else:
        lines.append(f"  BGP state = {b.state}")
    lines += [
        "  Last read 00:00:15, last write 00:00:20, hold time is 180, keepalive interval is"
        " 60 seconds",
        "  Neighbor sessions:",
        f"    {1 if up else 0} active, is not multisession capable (disabled)",
        "  Message statistics:",
        "    InQ depth is 0",
        "    OutQ depth is 0",
        "",
        "                         Sent       Rcvd",
        f"    Opens:          {1 if up else 0:>10} {1 if up else 0:>10}",
        "    Notifications:           0          0",
        f"    Updates:        {b.prefixes_sent:>10} {b.prefixes_received:>10}",
        f"    Keepalives:     {b.messages_sent:>10} {b.messages_received:>10}",
        "    Route Refresh:           0          0",
        f"    Total:          {b.messages_sent:>10} {b.messages_received:>10}",
        "  Do log neighbor state changes (via global configuration)",
        "  Default minimum time between advertisement runs is 30 seconds",
        "",
        " For address family: IPv4 Unicast",
        f"  Session: {b.neighbor}",
        "  BGP table version 1, neighbor version 1/0",
        "  Output queue size : 0",
        "  Index 1, Advertise bit 0",
    ]
    lines += [
        "                                 Sent       Rcvd",
        "  Prefix activity:               ----       ----",
        f"    Prefixes Current:     {b.prefixes_sent:>10} {b.prefixes_accepted:>10}"
        f" (Consumes {b.prefixes_accepted * 80} bytes)",
        f"    Prefixes Total:       {b.prefixes_sent:>10} {b.prefixes_received:>10}",
        "    Implicit Withdraw:             0          0",
        "    Explicit Withdraw:             0          0",
        f"    Used as bestpath:            n/a {b.prefixes_accepted:>10}",
        "    Used as multipath:           n/a          0",
        "",
        "                                   Outbound    Inbound",
        "  Local Policy Denied Prefixes:    --------    -------",
        "    Total:                                0          0",
        "  Number of NLRIs in the update sent: max 1, min 0",
        "",
        f"  Connections established {1 if up else 0}; dropped 0",
        "  Last reset never",
    ]
    if up and b.local_address is not None:
        lines += [
            "Connection state is ESTAB, I/O status: 1, unread input bytes: 0",
            "Connection is ECN Disabled, Mininum incoming TTL 0, Outgoing TTL 1",
            f"Local host: {b.local_address}, Local port: 179",
            f"Foreign host: {b.neighbor}, Foreign port: 31062",
        ]
    else:
        lines.append("  No active TCP connection")
    return "\n".join(lines) + "\n\n"


_CODES = {"connected": "C", "local": "L", "static": "S", "ospf": "O", "bgp": "B"}
_OSPF_TYPES = {"inter-area": "O IA", "external-1": "O E1", "external-2": "O E2"}


def _classful(network: IPv4Network) -> IPv4Network:
    first = int(network.network_address) >> 24
    length = 8 if first < 128 else 16 if first < 192 else 24
    return IPv4Network((int(network.network_address) >> (32 - length) << (32 - length), length))


def _route_lines(routes: list[Route]) -> list[str]:
    """Routes grouped under their classful network, as IOS prints them."""
    by_prefix: dict[IPv4Network, list[Route]] = {}
    for r in sorted(routes, key=lambda r: (r.prefix.network_address, r.prefix.prefixlen)):
        by_prefix.setdefault(r.prefix, []).append(r)
    groups: dict[IPv4Network, list[IPv4Network]] = {}
    for prefix in by_prefix:
        major = _classful(prefix)
        key = major if prefix.prefixlen > major.prefixlen else prefix
        groups.setdefault(key, []).append(prefix)
    out: list[str] = []
    for key, prefixes in groups.items():
        subnetted = any(p.prefixlen > key.prefixlen for p in prefixes)
        if subnetted:
            masks = {p.prefixlen for p in prefixes}
            if len(masks) == 1:
                out.append(
                    f"      {key.network_address}/{masks.pop()} is subnetted, "
                    f"{len(prefixes)} subnets"
                )
            else:
                out.append(
                    f"      {key} is variably subnetted, {len(prefixes)} subnets, "
                    f"{len(masks)} masks"
                )
        for prefix in prefixes:
            out += _route_entry(by_prefix[prefix], indent=subnetted)
    return out


def _route_entry(paths: list[Route], indent: bool) -> list[str]:
    first = paths[0]
    code = _CODES[first.protocol]
    if first.protocol == "ospf":
        code = _OSPF_TYPES.get(first.route_type, code)
    if first.prefix.prefixlen == 0:
        code = code[0] + "*" + code[2:]
    head = f"{code:<9}" if indent else f"{code:<6}"
    out: list[str] = []
    for i, r in enumerate(paths):
        lead = f"{head}{r.prefix}" if i == 0 else " " * (len(head) + len(str(r.prefix)))
        interface = r.interface or ""
        if r.next_hop is None:
            out.append(f"{lead} is directly connected, {interface}")
            continue
        where = f" [{r.distance}/{r.metric}] via {r.next_hop}"
        if r.protocol in {"ospf", "bgp"}:
            where += f", {cisco_age(r.age)}"
        if interface and r.protocol != "bgp":
            where += f", {interface}"
        out.append(lead + where)
    return out

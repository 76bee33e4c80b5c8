"""Huawei `display` output for what a box sees of the network: LLDP, BGP, OSPF, routes, ARP,
MAC, VLANs and Eth-Trunks, shared by VRP5 and VRP8. Pure functions of `LabState` records."""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Address

from orchestrator.lab.platforms.huawei_show import (
    Family,
    huawei_mac,
    port_order,
    short_name,
)
from orchestrator.lab.state import (
    ArpEntry,
    BgpSession,
    LldpNeighbor,
    MacEntry,
    OspfNeighbor,
    PortState,
    Route,
    VlanState,
)

RULE = "-" * 78
ARP_AGING_MINUTES = 20  # VRP's default: EXPIRE(M) counts down from it


# -- LLDP ----------------------------------------------------------------------------------
def display_lldp_neighbor(ports: list[PortState], neighbors: list[LldpNeighbor]) -> str:
    """`display lldp neighbor`: every Ethernet port, with the detail of its neighbors."""
    by_port: dict[str, list[LldpNeighbor]] = {}
    for n in neighbors:
        by_port.setdefault(n.local_port, []).append(n)
    names = {p.name for p in ports if p.kind == "ethernet"} | set(by_port)
    blocks: list[str] = []
    for name in sorted(names, key=port_order):
        found = by_port.get(name, [])
        if not found:
            blocks.append(f"{name} has 0 neighbor(s)\n")
            continue
        lines = [f"{name} has {len(found)} neighbor(s):", ""]
        for index, n in enumerate(found, start=1):
            lines += _lldp_detail(index, n)
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _lldp_detail(index: int, n: LldpNeighbor) -> list[str]:
    caps = " ".join(n.remote_capabilities) or "--"
    lines = [
        f"Neighbor index :{index}",
        "Chassis type   :MAC address",
        f"Chassis ID     :{huawei_mac(n.remote_chassis_id)}",
        "Port ID type   :Interface name",
        f"Port ID        :{n.remote_port}",
        f"Port description    :{n.remote_port_description}",
        f"System name         :{n.remote_system}",
        f"System description  :{n.remote_system_description or '--'}",
        f"System capabilities supported   :{caps}",
        f"System capabilities enabled     :{caps}",
    ]
    if n.remote_mgmt_address:
        lines += [
            "Management address type  :ipv4",
            f"Management address value :{n.remote_mgmt_address}",
        ]
    lines += [
        f"Expired time   :{n.ttl}s",
        "",
        "Auto-negotiation supported    :Yes",
        "Auto-negotiation enabled      :Yes",
        "OperMau   :speed(1000)/duplex(Full)",
        "",
        "Maximum frame Size       :9216",
        "",
    ]
    return lines


def display_lldp_neighbor_brief(neighbors: list[LldpNeighbor], family: Family) -> str:
    if family == "vrp8":
        head = f"{'Local Intf':<31}{'Neighbor Dev':<21}{'Neighbor Intf':<38}Exptime (sec)"
        lines = [head, "-" * 103]
        width = (31, 21, 38)
    else:
        lines = [f"{'Local Intf':<17}{'Neighbor Dev':<25}{'Neighbor Intf':<26}Exptime(s)"]
        width = (17, 25, 26)
    for n in sorted(neighbors, key=lambda n: port_order(n.local_port)):
        local = short_name(n.local_port) if family == "vrp5" else n.local_port
        cells = (local, n.remote_system, n.remote_port)
        row = "".join(f"{c:<{w - 1}} " for c, w in zip(cells, width, strict=True))
        lines.append(f"{row}{n.ttl}")
    return "\n".join(lines) + "\n"


# -- BGP -----------------------------------------------------------------------------------
def _bgp_time(seconds: int) -> str:
    if seconds < 86400:
        hours, rest = divmod(seconds, 3600)
        return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m"


def display_bgp_peer(
    sessions: list[BgpSession], local_as: str, router_id: str, family: Family
) -> str:
    """`display bgp peer`: the public-network peers of the BGP process."""
    public = [s for s in sessions if s.vrf is None]
    established = sum(1 for s in public if s.state == "Established")
    lines = [
        "",
        f" BGP local router ID : {router_id}",
        f" Local AS number : {local_as}",
        f" Total number of peers : {len(public)}",
        f" Peers in established state : {established}",
        "",
        "  Peer            V          AS  MsgRcvd  MsgSent  OutQ  Up/Down       State  PrefRcv",
    ]
    for s in sorted(public, key=lambda s: int(s.neighbor)):
        lines.append(
            f"  {s.neighbor!s:<15} 4 {s.remote_as:>11} {s.messages_received:>8} "
            f"{s.messages_sent:>8} {0:>5} {_bgp_time(s.uptime):>8} {s.state:>11} "
            f"{s.prefixes_received:>8}"
        )
    return "\n".join(lines) + "\n"


def display_bgp_peer_verbose(session: BgpSession, local_as: str) -> str:
    """`display bgp peer <address> verbose`: one peer in detail (the lines drivers read)."""
    kind = "IBGP" if str(session.remote_as) == local_as else "EBGP"
    state = session.state
    since = f", Up for {_bgp_time(session.uptime)}" if state == "Established" else ""
    remote_id = session.remote_router_id if state == "Established" else "0.0.0.0"
    lines = [
        "",
        f"         BGP Peer is {session.neighbor},  remote AS {session.remote_as}",
        f"         Type: {kind} link",
        f"         BGP version 4, Remote router ID {remote_id}",
        f"         BGP current state: {state}{since}",
        f"         BGP current event: {'RecvKeepalive' if state == 'Established' else 'Start'}",
        f"         BGP last state: {state}",
        f"         Received total routes: {session.prefixes_received}",
        f"         Received active routes total: {session.prefixes_accepted}",
        f"         Advertised total routes: {session.prefixes_sent}",
        "         Port: Local - 179        Remote - 52134",
        "         Configured: Active Hold Time: 180 sec   Keepalive Time:60 sec",
    ]
    if session.description:
        lines.append(f'         Peer\'s description: "{session.description}"')
    lines += [
        f" Received: Total {session.messages_received} messages",
        f" Sent: Total {session.messages_sent} messages",
        " Authentication type configured: None",
        " Minimum route advertisement interval is 30 seconds",
    ]
    return "\n".join(lines) + "\n"


# -- OSPF ----------------------------------------------------------------------------------
def _ospf_header(process: str, router_id: str, title: str) -> list[str]:
    return ["", f"          OSPF Process {process} with Router ID {router_id}", title, ""]


def display_ospf_peer_brief(neighbors: list[OspfNeighbor], router_ids: dict[str, str]) -> str:
    out: list[str] = []
    for process in sorted(router_ids, key=lambda p: int(p) if p.isdigit() else 0):
        mine = [n for n in neighbors if n.process == process]
        out += _ospf_header(process, router_ids[process], " " * 18 + "Peer Statistic Information")[
            :-1
        ]
        out.append(" " + "-" * 76)
        out.append(f" {'Area Id':<17}{'Interface':<33}{'Neighbor id':<17}State")
        for n in sorted(mine, key=lambda n: (n.area, port_order(n.interface))):
            out.append(f" {n.area:<17}{n.interface:<33}{n.router_id!s:<17}{n.state}")
        out.append(" " + "-" * 76)
    return "\n".join(out) + "\n" if out else ""


def display_ospf_peer(
    neighbors: list[OspfNeighbor], router_ids: dict[str, str], addresses: dict[str, str]
) -> str:
    """`display ospf peer`: each neighbor's detail under its area and interface."""
    out: list[str] = []
    for process in sorted(router_ids, key=lambda p: int(p) if p.isdigit() else 0):
        out += _ospf_header(process, router_ids[process], " " * 16 + "Neighbors")
        for n in sorted((n for n in neighbors if n.process == process), key=_ospf_key):
            local = addresses.get(n.interface, "0.0.0.0")
            hours, rest = divmod(n.uptime, 3600)
            out += [
                f" Area {n.area} interface {local}({n.interface})'s neighbors",
                f" Router ID: {n.router_id!s:<16} Address: {n.address}",
                f"   State: {n.state}  Mode:Nbr is  Master  Priority: {n.priority}",
                f"   DR: {n.address}  BDR: None  MTU: 0",
                f"   Dead timer due in {n.dead_seconds}  sec",
                "   Retrans timer interval: 5",
                f"   Neighbor is up for {hours:02d}:{rest // 60:02d}:{rest % 60:02d}",
                "   Authentication Sequence: [ 0 ]",
                "",
            ]
    return "\n".join(out) + "\n" if out else ""


def _ospf_key(n: OspfNeighbor) -> tuple[object, ...]:
    return (n.area, *port_order(n.interface))


# -- routing table -------------------------------------------------------------------------
def _proto(route: Route, ebgp: set[IPv4Address]) -> str:
    if route.protocol in {"connected", "local"}:
        return "Direct"
    if route.protocol == "bgp":
        return "EBGP" if route.next_hop in ebgp else "IBGP"
    return {"static": "Static", "ospf": "OSPF"}[route.protocol]


def _next_hop(route: Route, addresses: dict[str, str]) -> str:
    if route.protocol == "local":
        return "127.0.0.1"
    if route.next_hop is not None:
        return str(route.next_hop)
    return addresses.get(route.interface or "", "0.0.0.0")


def _flags(route: Route) -> str:
    return "RD" if route.protocol in {"bgp", "static"} and route.interface is None else "D"


def _table_name(family: Family) -> str:
    return "Routing Table : _public_" if family == "vrp8" else "Routing Tables: Public"


def display_ip_routing_table(
    routes: list[Route], addresses: dict[str, str], ebgp: set[IPv4Address], family: Family
) -> str:
    public = sorted((r for r in routes if r.vrf is None), key=lambda r: r.prefix)
    lines = [
        "Route Flags: R - relay, D - download to fib",
        RULE,
        _table_name(family),
        f"         Destinations : {len({r.prefix for r in public})}        Routes : {len(public)}",
        "",
        "Destination/Mask    Proto   Pre  Cost      Flags NextHop         Interface",
        "",
    ]
    for r in public:
        lines.append(
            f"{r.prefix.with_prefixlen:>19}  {_proto(r, ebgp):<7} {r.distance:<4} {r.metric:<11}"
            f"{_flags(r):<4}{_next_hop(r, addresses):<16}{r.interface or 'NULL0'}"
        )
    return "\n".join(lines) + "\n"


def _age(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return (
        f"{days}d{hours:02d}h{minutes:02d}m{secs:02d}s"
        if days
        else (f"{hours:02d}h{minutes:02d}m{secs:02d}s")
    )


def display_ip_routing_table_verbose(
    routes: list[Route], addresses: dict[str, str], ebgp: set[IPv4Address], family: Family
) -> str:
    public = sorted((r for r in routes if r.vrf is None), key=lambda r: r.prefix)
    lines = [
        "Route Flags: R - relay, D - download to fib",
        RULE,
        _table_name(family),
        f"         Destinations : {len({r.prefix for r in public})}       Routes : {len(public)}",
        "",
    ]
    for r in public:
        state = "Active Adv" if r.protocol != "local" else "Active NoAdv"
        neighbour = str(r.next_hop) if r.protocol in {"bgp", "ospf"} and r.next_hop else "0.0.0.0"
        priority = "high" if r.protocol in {"connected", "local"} else "medium"
        lines += [
            "",
            f"Destination: {r.prefix.with_prefixlen}",
            f"     Protocol: {_proto(r, ebgp):<16} Process ID: 0",
            f"   Preference: {r.distance:<22} Cost: {r.metric}",
            f"      NextHop: {_next_hop(r, addresses):<17} Neighbour: {neighbour}",
            f"        State: {state:<22} Age: {_age(r.age)}",
            f"          Tag: 0                  Priority: {priority}",
            "        Label: NULL                QoSInfo: 0x0",
            "   IndirectID: 0x0",
            f" RelayNextHop: 0.0.0.0           Interface: {r.interface or 'NULL0'}",
            f"     TunnelID: 0x0                   Flags:  {_flags(r)}",
        ]
    return "\n".join(lines) + "\n"


# -- ARP and MAC ---------------------------------------------------------------------------
def _mine(entry: ArpEntry, own: set[IPv4Address]) -> bool:
    return entry.own or entry.address in own


def _expire(entry: ArpEntry) -> str:
    """Minutes left before a learned entry ages out (VRP shows what is left, not the age)."""
    return str(max(ARP_AGING_MINUTES - entry.age, 0))


def _arp_counts(entries: list[ArpEntry], own: set[IPv4Address]) -> str:
    mine = sum(1 for e in entries if _mine(e, own))
    return f"Total:{len(entries):<10}Dynamic:{len(entries) - mine:<8}Static:0     Interface:{mine}"


def display_arp_all(entries: list[ArpEntry], own: set[IPv4Address], family: Family) -> str:
    """`display arp all` (and `display arp`): ``own`` are the box's own addresses (type I)."""
    lines = [
        "IP ADDRESS      MAC ADDRESS     EXPIRE(M) TYPE        INTERFACE   VPN-INSTANCE",
        " " * 36 + "VLAN/CEVLAN(SIP/DIP)",
        RULE,
    ]
    for e in sorted(entries, key=lambda e: int(e.address)):
        local = _mine(e, own)
        expire = "" if local else _expire(e)
        kind = "I -" if local else "D-0"
        name = short_name(e.interface)
        lines.append(f"{e.address!s:<16}{huawei_mac(e.mac):<16}{expire:<10}{kind:<12}{name}")
        if not local and e.vlan is not None:
            lines.append(" " * 44 + f"{e.vlan}/-")
    lines += [RULE, _arp_counts(entries, own)]
    return "\n".join(lines) + "\n"


def display_arp_brief(entries: list[ArpEntry], own: set[IPv4Address]) -> str:
    lines = [
        "IP ADDRESS      MAC ADDRESS    EXPIRE(M) TYPE  INTERFACE           VLAN/CEVLAN",
        RULE,
    ]
    for e in sorted(entries, key=lambda e: int(e.address)):
        local = _mine(e, own)
        expire = "" if local else _expire(e)
        vlan = f"{e.vlan}/-" if e.vlan is not None and not local else ""
        row = (
            f"{e.address!s:<16}{huawei_mac(e.mac):<15}{expire:<10}{'I -' if local else 'D-0':<6}"
            f"{short_name(e.interface):<23}{vlan}"
        )
        lines.append(row.rstrip())
    lines += [RULE, _arp_counts(entries, own)]
    return "\n".join(lines) + "\n"


def display_mac_address(entries: list[MacEntry]) -> str:
    rule = "-" * 79
    lines = [rule, f"{'MAC Address':<15}{'VLAN/VSI/BD':<34}{'Learned-From':<20}Type", rule]
    for e in sorted(entries, key=lambda e: (e.vlan, e.mac)):
        kind = "static" if e.static else "dynamic"
        lines.append(
            f"{huawei_mac(e.mac):<15}{f'{e.vlan}/-/-':<34}{short_name(e.interface):<20}{kind}"
        )
    lines += ["", rule, f"Total items displayed = {len(entries)}"]
    return "\n".join(lines) + "\n"


# -- VLANs, ports and trunks ---------------------------------------------------------------
def display_vlan(vlans: list[VlanState], up: dict[str, bool]) -> str:
    rule = "-" * 80
    lines = [
        f"The total number of VLANs is: {len(vlans)}",
        rule,
        "U: Up;         D: Down;         TG: Tagged;         UT: Untagged;",
        "MP: Vlan-mapping;               ST: Vlan-stacking;",
        "#: ProtocolTransparent-vlan;    *: Management-vlan;",
        rule,
        "",
        "VID  Type    Ports",
        rule,
    ]
    ordered = sorted(vlans, key=lambda v: v.vlan)
    for v in ordered:
        groups = [("UT", v.ports), ("TG", v.tagged)]
        first = True
        for mode, names in groups:
            if not names:
                continue
            cells = [f"{short_name(n)}({'U' if up.get(n) else 'D'})" for n in names]
            for start in range(0, len(cells), 4):
                chunk = "".join(f"{c:<16}" for c in cells[start : start + 4]).rstrip()
                if start == 0:
                    head = f"{v.vlan:<5}{'common':<8}" if first else " " * 13
                    lines.append(f"{head}{mode}:{chunk}")
                    first = False
                else:
                    lines.append(" " * 16 + chunk)
        if first:
            lines.append(f"{v.vlan:<5}common")
    lines += ["", "VID  Status  Property      MAC-LRN Statistics Description", rule]
    for v in ordered:
        status = "enable" if v.active else "disable"
        lines.append(f"{v.vlan:<5}{status:<8}{'default':<14}{'enable':<8}{'disable':<11}{v.name}")
    return "\n".join(lines) + "\n"


def vlan_list(vlans: Iterable[int]) -> list[str]:
    """[1, 2, 3, 10] -> ['1-3', '10']."""
    out: list[str] = []
    ordered = sorted(set(vlans))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        out.append(str(ordered[i]) if i == j else f"{ordered[i]}-{ordered[j]}")
        i = j + 1
    return out


def display_port_vlan(ports: list[PortState]) -> str:
    lines = [f"{'Port':<28}{'Link Type':<13}{'PVID':<6}Trunk VLAN List", "-" * 79]
    for p in sorted(ports, key=lambda p: port_order(p.name)):
        if p.switchport is None or p.lag is not None:
            continue
        pvid = p.access_vlan if p.switchport == "access" else (p.native_vlan or 1)
        items = ["-"] if p.switchport == "access" else vlan_list(p.trunk_vlans) or ["-"]
        rows = [" ".join(items[i : i + 8]) for i in range(0, len(items), 8)]
        lines.append(f"{p.name:<28}{p.switchport:<13}{pvid or 1:<6}{rows[0]}")
        lines += [" " * 47 + row for row in rows[1:]]
    return "\n".join(lines) + "\n"


def display_eth_trunk(
    trunks: list[PortState], ports: list[PortState], modes: dict[str, str]
) -> str:
    """`display eth-trunk`: each trunk, its mode (``modes``: NORMAL or LACP) and members."""
    if not trunks:
        return "Info: No valid trunk in the system.\n"
    blocks: list[str] = []
    for trunk in sorted(trunks, key=lambda p: port_order(p.name)):
        members = [p for p in ports if p.lag == trunk.name or p.name in trunk.members]
        up = sum(1 for m in members if m.oper_up)
        mode = modes.get(trunk.name, "NORMAL")
        lines = [
            f"{trunk.name}'s state information is:",
            f"{'WorkingMode: ' + mode:<28}Hash arithmetic: According to SIP-XOR-DIP",
            "Least Active-linknumber: 1  Max Bandwidth-affected-linknumber: 8",
            f"{'Operate status: ' + ('up' if up else 'down'):<28}Number Of Up Port In Trunk: {up}",
            "-" * 80,
            f"{'PortName':<30}{'Status':<12}Weight",
        ]
        for m in sorted(members, key=lambda p: port_order(p.name)):
            lines.append(f"{m.name:<30}{'Up' if m.oper_up else 'Down':<12}1")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)

"""Huawei `display` output for routing: BGP peers, OSPF peers, the routing table, shared by
VRP5 and VRP8. Pure functions of `LabState` records."""

from __future__ import annotations

from ipaddress import IPv4Address

from orchestrator.lab.platforms.huawei_show import Family, port_order
from orchestrator.lab.state import BgpSession, OspfNeighbor, Route

RULE = "-" * 78


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

"""Junos operational output for the network state: BGP, OSPF, routes, ARP, MAC and VLANs,
built from `LabState` records in the layouts of real boxes (see `juniper_junos_show`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from ipaddress import IPv4Address

from orchestrator.lab.platforms.juniper_junos_show import colon_mac, duration, ifl, stamp
from orchestrator.lab.state import ArpEntry, BgpSession, MacEntry, OspfNeighbor, Route, VlanState

#: Junos names of the route protocols, and their default preferences
PROTOCOLS = {
    "connected": "Direct", "local": "Local", "static": "Static", "ospf": "OSPF", "bgp": "BGP"
}  # fmt: skip
PREFERENCE = {"connected": 0, "local": 0, "static": 5, "ospf": 10, "bgp": 170}


# -- BGP, OSPF -------------------------------------------------------------------------------
def _table(session: BgpSession) -> str:
    return f"{session.vrf}.inet.0" if session.vrf else "inet.0"


def active_from(session: BgpSession, routes: Sequence[Route]) -> int:
    """How many of the peer's routes are active (the best for their prefix)."""
    best = best_routes(routes)
    return sum(
        1
        for r in best
        if r.protocol == "bgp" and r.next_hop == session.neighbor and r.vrf == session.vrf
    )


def bgp_summary(sessions: Sequence[BgpSession], groups: int, routes: Sequence[Route]) -> str:
    """`show bgp summary`, in the layout of the capture the ntc template reads."""
    down = sum(1 for s in sessions if s.state != "Established")
    lines = [
        "Threading mode: BGP I/O",
        f"Groups: {groups} Peers: {len(sessions)} Down peers: {down}",
        "Peer                     AS      InPkt     OutPkt    OutQ   Flaps Last Up/Dwn "
        "State|#Active/Received/Accepted/Damped...",
    ]
    for s in sessions:
        state = "Establ" if s.state == "Established" else s.state
        lines.append(
            f"{s.neighbor!s:<16}{s.remote_as:>11}{s.messages_received:>11}{s.messages_sent:>11}"
            f"{0:>8}{0:>8} {duration(s.uptime):>11} {state}"
        )
        if s.state == "Established":
            active = active_from(s, routes)
            lines.append(f"  {_table(s)}: {active}/{s.prefixes_received}/{s.prefixes_accepted}/0")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class PeerConfig:
    """What the configuration says of a BGP neighbor that `show bgp neighbor` prints."""

    group: str = ""
    kind: str = "External"
    imports: tuple[str, ...] = ()
    exports: tuple[str, ...] = ()


def bgp_neighbor(s: BgpSession, peer: PeerConfig, local_id: str, routes: Sequence[Route]) -> str:
    """One peer of `show bgp neighbor`."""
    up = s.state == "Established"
    local = str(s.local_address) if s.local_address else "unspecified"
    ports = ("+179", "+51234") if up else ("", "")
    lines = [
        f"Peer: {s.neighbor}{ports[0]} AS {s.remote_as} Local: {local}{ports[1]} AS {s.local_as}"
    ]
    if s.description:
        lines.append(f"  Description: {s.description}")
    instance = s.vrf or "master"
    lines += [
        f"  Group: {peer.group:<22}Routing-Instance: {instance}",
        f"  Forwarding routing-instance: {instance}",
        f"  Type: {peer.kind:<10}State: {s.state:<12}Flags: <{'Sync' if up else ''}>",
        f"  Last State: {'OpenConfirm' if up else 'Idle':<14}Last Event: "
        f"{'RecvKeepAlive' if up else 'Start'}",
        f"  Last Error: {'None' if up or not s.reason else 'Open Message Error'}",
    ]
    if peer.exports or peer.imports:
        lines.append(f"  Export: [ {' '.join(peer.exports)} ] Import: [ {' '.join(peer.imports)} ]")
    lines += [
        "  Options: <Preference LogUpDown PeerAS Refresh>",
        "  Holdtime: 90 Preference: 170",
        "  Number of flaps: 0",
    ]
    if not up:
        return "\n".join(lines) + "\n"
    remote_id = s.remote_router_id or s.neighbor
    lines += [
        f"  Peer ID: {remote_id!s:<16}Local ID: {local_id:<16}Active Holdtime: 90",
        "  Keepalive Interval: 30         Group index: 0    Peer index: 0    SNMP index: 0",
        f"  Table {_table(s)} Bit: 20000",
        "    RIB State: BGP restart is complete",
        "    Send state: in sync",
        f"    Active prefixes:              {active_from(s, routes)}",
        f"    Received prefixes:            {s.prefixes_received}",
        f"    Accepted prefixes:            {s.prefixes_accepted}",
        "    Suppressed due to damping:    0",
        f"    Advertised prefixes:          {s.prefixes_sent}",
        "  Last traffic (seconds): Received 10   Sent 10   Checked 10",
        f"  Input messages:  Total {s.messages_received:<7}Updates 0       Refreshes 0",
        f"  Output messages: Total {s.messages_sent:<7}Updates 0       Refreshes 0",
    ]
    return "\n".join(lines) + "\n"


def ospf_neighbors(neighbors: Sequence[OspfNeighbor], detail: bool = False) -> str:
    """`show ospf neighbor [detail]`."""
    lines = ["Address          Interface              State     ID               Pri  Dead"]
    for n in neighbors:
        lines.append(
            f"{n.address!s:<17}{ifl(n.interface):<23}{n.state:<10}{n.router_id!s:<17}"
            f"{n.priority:>3}{n.dead_seconds:>6}"
        )
        if detail:
            lines += [
                f"  Area {n.area}, opt 0x52, DR 0.0.0.0, BDR 0.0.0.0",
                f"  Up {duration(n.uptime)}, adjacent {duration(n.uptime)}",
                "  Topology default (ID 0) -> Bidirectional",
            ]
    return "\n".join(lines) + "\n"


# -- routes ----------------------------------------------------------------------------------
def best_routes(routes: Sequence[Route]) -> list[Route]:
    """The active route of each prefix (lowest preference) per table."""
    best: dict[tuple[str | None, str], Route] = {}
    for r in routes:
        key = (r.vrf, str(r.prefix))
        held = best.get(key)
        if held is None or _pref(r) < _pref(held):
            best[key] = r
    return list(best.values())


def _pref(route: Route) -> int:
    return route.distance if route.distance else PREFERENCE.get(route.protocol, 0)


def _tables(routes: Sequence[Route]) -> dict[str, list[Route]]:
    tables: dict[str, list[Route]] = {"inet.0": []}
    for r in routes:
        tables.setdefault(f"{r.vrf}.inet.0" if r.vrf else "inet.0", []).append(r)
    return tables


def _table_head(name: str, routes: Sequence[Route]) -> str:
    destinations = len({str(r.prefix) for r in routes})
    return (
        f"{name}: {destinations} destinations, {len(routes)} routes "
        f"({destinations} active, 0 holddown, 0 hidden)"
    )


def route_summary(routes: Sequence[Route], asn: str, router_id: str, since: float) -> str:
    """`show route summary`."""
    best = best_routes(routes)
    when = stamp(since)
    unique = len(best)
    lines = [
        f"Autonomous system number: {asn}",
        f"Router ID: {router_id}",
        "",
        "Highwater Mark (All time / Time averaged watermark)",
        f"    RIB unique destination routes: {unique} at {when} / {unique}",
        f"    RIB routes                   : {len(routes)} at {when} / {len(routes)}",
        f"    FIB routes                   : {unique} at {when} / {unique}",
        f"    VRF type routing instances   : {len(_tables(routes)) - 1} at {when}",
    ]
    for name, table in _tables(routes).items():
        lines += ["", _table_head(name, table)]
        for protocol, label in PROTOCOLS.items():
            mine = [r for r in table if r.protocol == protocol]
            if mine:
                active = sum(1 for r in mine if r in best)
                lines.append(f"{label:>20}: {len(mine):>6} routes, {active:>6} active")
    return "\n".join(lines) + "\n"


def route_table(routes: Sequence[Route], own: set[IPv4Address]) -> str:
    """`show route`: each table, its destinations, the active route marked `*`."""
    best = best_routes(routes)
    out: list[str] = []
    for name, table in _tables(routes).items():
        if not table:
            continue
        out += ["", _table_head(name, table), "+ = Active Route, - = Last Active, * = Both", ""]
        ordered = sorted(table, key=lambda r: (r.prefix, _pref(r)))
        shown: set[str] = set()
        for r in ordered:
            prefix = str(r.prefix)
            head = f"{prefix:<19}" if prefix not in shown else " " * 19
            shown.add(prefix)
            mark = "*" if r in best else " "
            label = PROTOCOLS.get(r.protocol, r.protocol)
            extra = f", metric {r.metric}" if r.protocol in ("ospf", "static") and r.metric else ""
            extra += ", localpref 100" if r.protocol == "bgp" else ""
            out.append(f"{head}{mark}[{label}/{_pref(r)}] {duration(r.age)}{extra}")
            if r.protocol == "bgp":
                path = " ".join(str(a) for a in r.as_path)
                out.append(f"                      AS path: {path} I, validation-state: unverified")
            via = ifl(r.interface) if r.interface else ""
            if r.protocol == "local":
                out.append(f"                       Local via {via}")
            elif r.next_hop is not None and r.next_hop not in own:
                out.append(f"                    >  to {r.next_hop} via {via}".rstrip())
            elif via and not via.startswith("dsc"):
                out.append(f"                    >  via {via}")
            else:
                out.append("                       Discard")
    return "\n".join(out) + "\n"


# -- ARP, MAC, VLANs -------------------------------------------------------------------------
def arp(entries: Sequence[ArpEntry], own: set[IPv4Address], resolve: bool = False) -> str:
    """`show arp no-resolve` (the box's own addresses are not in the Junos ARP table)."""
    theirs = [e for e in entries if not e.own and e.address not in own]
    if resolve:
        lines = [
            "MAC Address       Address         Name                      Interface           Flags"
        ]
        lines += [
            f"{colon_mac(e.mac):<18}{e.address!s:<16}{e.address!s:<26}{ifl(e.interface):<20}none"
            for e in theirs
        ]
    else:
        lines = ["MAC Address       Address         Interface                Flags"]
        lines += [
            f"{colon_mac(e.mac):<18}{e.address!s:<16}{ifl(e.interface):<25}none" for e in theirs
        ]
    lines.append(f"Total entries: {len(theirs)}")
    return "\n".join(lines) + "\n"


def vlan_names(vlans: Sequence[VlanState]) -> dict[int, str]:
    return {v.vlan: v.name or ("default" if v.vlan == 1 else f"vlan{v.vlan}") for v in vlans}


def switching_table(macs: Sequence[MacEntry], vlans: Sequence[VlanState]) -> str:
    """`show ethernet-switching table` (ELS layout)."""
    names = vlan_names(vlans)
    learned = sum(1 for m in macs if not m.static)
    lines = [
        "",
        "MAC flags (S - static MAC, D - dynamic MAC, L - locally learned, P - Persistent static",
        "           SE - statistics enabled, NM - non configured MAC, R - remote PE MAC, "
        "O - ovsdb MAC)",
        "",
        "",
        f"Ethernet switching table : {len(macs)} entries, {learned} learned",
        "Routing instance : default-switch",
        "   Vlan                MAC                 MAC         Age    Logical                NH"
        "        RTR ",
        "   name                address             flags              interface              "
        "Index     ID",
    ]
    for m in macs:
        name = names.get(m.vlan, f"vlan{m.vlan}")
        flag = "S" if m.static else "D"
        lines.append(
            f"   {name:<20}{colon_mac(m.mac):<20}{flag:<14}-   {ifl(m.interface):<23}0         0"
        )
    return "\n".join(lines) + "\n"


def vlans_table(vlans: Sequence[VlanState], up: set[str]) -> str:
    """`show vlans` (ELS layout); `*` marks an interface that is up."""
    lines = ["", "Routing instance        VLAN name             Tag          Interfaces"]
    for v in vlans:
        name = v.name or ("default" if v.vlan == 1 else f"vlan{v.vlan}")
        lines.append(f"{'default-switch':<24}{name:<22}{v.vlan}")
        for port in (*v.ports, *v.tagged):
            mark = "*" if port in up else ""
            lines.append(" " * 59 + ifl(port) + mark)
    return "\n".join(lines) + "\n"

"""What a ZTE ZXROS NG box prints for its `show` commands, built from `LabState` records and the
box's parsed config. Pure functions: records in, text out.

Checked layouts: `show version`, `show interface`, `show interface brief`, `show arp` (real
captures in ../shared/device-output/zte_zxros, parsed by ntc-templates), `show lldp neighbor`,
`show lldp neighbor brief`, `show lldp entry` and `show ip interface brief` (examples in the
ZXROS NG command reference). Written from the IOS-like ZXR10 family without a real capture to
check against: `show ip bgp summary`, `show ip ospf neighbor`, `show ip route`, `show mac`,
`show vlan` (their headers and columns may differ on a real box).
"""

from __future__ import annotations

from collections.abc import Sequence

from orchestrator.lab.platforms.hp_comware_show import out_interface
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

ROUTE_OWNERS = {
    "connected": "Direct",
    "local": "Address",
    "static": "Static",
    "ospf": "OSPF",
    "bgp": "BGP",
}

KIND_HARDWARE = {"loopback": "Loopback", "vlan": "VLAN", "lag": "Smartgroup", "null": "Null"}
HARDWARE = {
    1000: "Gigabit Ethernet",
    10000: "XGigabit Ethernet",
    25000: "XXVGigabit Ethernet",
    100000: "CGigabit Ethernet",
}


def dotted_mac(mac: str) -> str:
    """Any MAC spelling -> `aabb.ccdd.eeff`."""
    digits = mac.replace(".", "").replace("-", "").replace(":", "").lower()
    return f"{digits[0:4]}.{digits[4:8]}.{digits[8:12]}"


def _days(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    return f"{days} day(s), {hours} hour(s), {rest // 60} minute(s)"


def _hms(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def _bw(mbps: int) -> str:
    return f"{mbps // 1000}G" if mbps >= 1000 else f"{mbps}M"


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def show_version(model: str, version: str, uptime: int) -> str:
    family = model.split()[0]
    image = model.replace(" ", "").replace("-", "")
    return (
        f"{model}\n"
        f"ZTE {family} Software, Version: {version}, Release software\n"
        "Copyright (c) 2022 by ZTE Corporation\n"
        f"System image file is <sysdisk0: verset/{image}_{version.split()[-1]}.set>, "
        "file size is 629,753,128 Bytes\n"
        "System image is loaded from local\n"
        f"System uptime is {_days(uptime)}\n"
        "\n"
        "[SMGD, shelf 1, slot 1]:\n"
        "Board Name        : SMGD\n"
        f"Description       : {model.split()[-1]} System Main Board D\n"
        "Board License     : LCS\n"
        "MPU-1/1/0, MSC:\n"
        f"Soft Version    :  {version.split()[-1]}\n"
        "System Memory   :  8,192 Mbytes\n"
        f"Uptime is {_days(uptime)}\n"
    )


def _hardware(port: PortState) -> str:
    if port.kind == "ethernet":
        return HARDWARE.get(port.speed_mbps, "Ethernet")
    return KIND_HARDWARE.get(port.kind, "Ethernet")


def _link(port: PortState) -> str:
    if not port.admin_up:
        return "administratively down"
    return "up" if port.oper_up else "down"


def show_interface(ports: Sequence[PortState], ifindex: dict[str, int]) -> str:
    out: list[str] = []
    for p in ports:
        lines = [f"{p.name} is {_link(p)}, ifindex: {ifindex.get(p.name, 0)}"]
        if not p.admin_up:
            lines.append("  The interface is configured shutdown")
        if p.description:
            lines.append(f"  Description: {p.description} ")
        proto = "up" if p.oper_up else "down"
        ipv4 = "up" if p.oper_up and p.ipv4 else "down"
        lines += [
            f"  Line protocol is {proto}, IPv4 protocol is {ipv4}, IPv6 protocol is down,",
            " detected status is RX-OK/TX-OK",
            f"  Last line protocol up time :  {'2024-01-01 00:00:00' if p.oper_up else '-'} ",
            f"  Hardware is {_hardware(p)}, address is {p.mac}",
        ]
        if p.ipv4:
            lines += [f"  Internet address is {a.with_prefixlen} " for a in p.ipv4]
        else:
            lines.append("  Internet address is unassigned")
        bw = f"{p.speed_mbps // 1000} Gbit/s" if p.speed_mbps >= 1000 else f"{p.speed_mbps} Mbit/s"
        c = p.counters
        lines += [
            f"  BW {bw}",
            f"  IP MTU {p.mtu} bytes",
            f"  MTU {p.mtu + 100} bytes",
            f"  MPLS MTU {p.mtu} bytes",
            "",
            "  ARP type ARP",
            "  ARP Timeout 04:00:00 ",
            "  HardwareCounters:                                          ",
            f"  In_Bytes          {c.in_octets:<21}In_Packets         {c.in_packets}",
            f"  E_Bytes           {c.out_octets:<21}E_Packets          {c.out_packets}",
        ]
        out += lines
    return "\n".join(out) + "\n"


def show_interface_brief(ports: Sequence[PortState]) -> str:
    out = [
        f"{'Interface':<24}{'Attribute':<11}{'Mode':<13}{'BW':<6}{'Admin':<6}{'Phy':<6}"
        f"{'Prot':<6}Description"
    ]
    for p in ports:
        physical = p.kind == "ethernet"
        attr, mode = ("optical", "Duplex/full") if physical else ("N/A", "N/A")
        bw = _bw(p.speed_mbps) if physical else "N/A"
        admin = "up" if p.admin_up else "down"
        phy = "up" if p.oper_up else "down"
        out.append(
            f"{p.name:<24}{attr:<11}{mode:<13}{bw:<6}{admin:<6}{phy:<6}{phy:<6}{p.description}".rstrip()
        )
    return "\n".join(out) + "\n"


def show_ip_interface_brief(ports: Sequence[PortState]) -> str:
    out = [f"{'Interface':<16}{'IP-Address':<16}{'Mask':<16}{'Admin':<6}{'Phy':<5}Prot"]
    for p in ports:
        ip, mask = (str(p.ipv4[0].ip), str(p.ipv4[0].netmask)) if p.ipv4 else ("unassigned",) * 2
        admin = "up" if p.admin_up else "down"
        phy = "up" if p.oper_up else "down"
        out.append(f"{p.name:<16}{ip:<16}{mask:<16}{admin:<6}{phy:<5}{phy}")
    return "\n".join(out) + "\n"


CAPABILITY_CODES = (
    "Capability Codes:\n"
    "                  N - Other, r - Repeater, B - Bridge, W - WLAN Access Point,\n"
    "                  R - Router, T - Telephone, D - DOCSIS Cable Device,\n"
    "                  S - Station Only\n"
)


def _caps(n: LldpNeighbor) -> str:
    letters = {"bridge": "B", "router": "R", "station": "S", "telephone": "T", "repeater": "r"}
    return " ".join(letters.get(c.lower(), "N") for c in n.remote_capabilities) or "R"


def show_lldp_neighbor(neighbors: Sequence[LldpNeighbor]) -> str:
    out = [f"The total neighbor number:{len(neighbors)}", CAPABILITY_CODES.rstrip("\n")]
    out.append("Local-Port    Chassis-ID    Holdtime Capability Platform         Peer-Port")
    out.append("-" * 80)
    for n in neighbors:
        platform = _wrap(n.remote_system_description, 16)
        chassis = dotted_mac(n.remote_chassis_id).replace(".", "")
        out.append(
            f"{n.local_port:<14}{chassis:<14}{n.ttl:<9}{_caps(n):<11}{platform[0]:<17}"
            f"{n.remote_port}"
        )
        if len(platform) > 1:
            rest = platform[1][:13] + (".." if len(platform) > 2 else "")
            out.append(f"{'':<48}{rest}")
    return "\n".join(out) + "\n"


def show_lldp_neighbor_brief(neighbors: Sequence[LldpNeighbor]) -> str:
    out = [
        "Scope Codes:",
        "    NB    = Nearest bridge",
        "    NC    = Nearest Customer Bridge",
        "    NTPMR = Nearest non-TPMR bridge",
        "",
        f"Total neighbors: {len(neighbors)}",
        "",
        "Local Intf       Scope Chassis ID      Port ID         Hold-time System Name",
        "-" * 80,
    ]
    for n in neighbors:
        names = _wrap(n.remote_system, 15)
        out.append(
            f"{n.local_port:<17}{'NB':<6}{dotted_mac(n.remote_chassis_id):<16}"
            f"{n.remote_port:<16}{n.ttl:<10}{names[0]}"
        )
        out += [f"{'':<65}{piece}" for piece in names[1:]]
    return "\n".join(out) + "\n"


def show_lldp_entry(neighbors: Sequence[LldpNeighbor]) -> str:
    out: list[str] = []
    for n in neighbors:
        caps = ", ".join(c.capitalize() for c in n.remote_capabilities) or "Router"
        out += [
            "-" * 56,
            f" Local Port: {n.local_port} | Interface Name",
            " Group MAC address: Nearest Bridge | MAC Address",
            f" Chassis ID: {dotted_mac(n.remote_chassis_id).replace('.', '')} | MAC Address",
            f" Peer Port: {n.remote_port} | Interface Name",
            f" TTL: {n.ttl} | Time to live",
            f" Port Description: {n.remote_port_description}",
            f" System Name: {n.remote_system}",
            f" System Description: {n.remote_system_description}",
            f" System Capability: {caps}",
            f" Management Address: IPv4 - {n.remote_mgmt_address or '0.0.0.0'}, ifIndex - 0, "
            "OID - Null",
        ]
    return "\n".join(out) + "\n"


def show_bgp_summary(sessions: Sequence[BgpSession], router_id: str, local_as: str) -> str:
    out = [
        f"BGP router identifier {router_id}, local AS number {local_as}",
        "",
        f"{'Neighbor':<16}{'Ver':<4}{'As':<11}{'MsgRcvd':<9}{'MsgSend':<9}{'Up/Down(s)':<14}"
        "State/PfxRcd",
    ]
    for s in sessions:
        state = str(s.prefixes_received) if s.state == "Established" else s.state
        out.append(
            f"{s.neighbor!s:<16}{4:<4}{s.remote_as:<11}{s.messages_received:<9}"
            f"{s.messages_sent:<9}{_hms(s.uptime):<14}{state}"
        )
    return "\n".join(out) + "\n"


def show_ospf_neighbor(neighbors: Sequence[OspfNeighbor], router_id: str) -> str:
    out: list[str] = []
    for process in sorted({n.process for n in neighbors}) or ["1"]:
        out += [
            f"OSPF Router with ID ({router_id}) (Process ID {process})",
            "",
            f"{'Neighbor ID':<16}{'Pri':<4}{'State':<16}{'DeadTime':<9}{'Address':<16}Interface",
        ]
        for n in (x for x in neighbors if x.process == process):
            state = n.state.upper() + (f"/{n.role}" if n.role else "/  -")
            out.append(
                f"{n.router_id!s:<16}{n.priority:<4}{state:<16}{_hms(n.dead_seconds):<9}"
                f"{n.address!s:<16}{n.interface}"
            )
    return "\n".join(out) + "\n"


def show_ip_route(routes: Sequence[Route], ports: Sequence[PortState]) -> str:
    own = {p.name: p.ipv4[0].ip for p in ports if p.ipv4}
    out = [
        "IPv4 Routing Table:",
        "Headers: Dest: Destination, Gw: Gateway, Pri: Priority;",
        "Codes  : BROADC: Broadcast, USER-S: User-static, USER-I: User-ipaddr,",
        "         USER-N: User-network, DHCP-D: DHCP-default, DHCP-S: DHCP-static;",
        "Status codes: *valid, >best",
        f"  {'Dest':<19}{'Gw':<16}{'Interface':<20}{'Owner':<11}{'Pri':<4}Metric",
    ]
    ordered = sorted(routes, key=lambda r: (int(r.prefix.network_address), r.prefix.prefixlen))
    for r in ordered:
        via = out_interface(r, ports) or "NULL1"
        gw = str(r.next_hop or own.get(via) or "0.0.0.0")
        out.append(
            f"*> {r.prefix.with_prefixlen:<18}{gw:<16}{via:<20}"
            f"{ROUTE_OWNERS[r.protocol]:<11}{r.distance:<4}{r.metric}"
        )
    return "\n".join(out) + "\n"


def show_arp(entries: Sequence[ArpEntry]) -> str:
    out = [
        "Arp protect whole is disabled ",
        f"The count is {len(entries)}",
        "IP                       Hardware                    Exter  Inter  Sub",
        "Address         Age      Address        Interface    VlanID VlanID Interface",
        "-" * 80,
    ]
    for e in entries:
        age = "H" if e.own else _hms(e.age * 60)
        vlan = str(e.vlan) if e.vlan is not None else "N/A"
        sub = "N/A" if e.own else e.interface
        ifc, subs = _wrap(e.interface, 12), _wrap(sub, 13)
        out.append(
            f"{e.address!s:<15}{age:<9}{dotted_mac(e.mac):<15}{ifc[0]:<13}{vlan:<7}"
            f"{'N/A':<7}{subs[0]}"
        )
        for i in range(1, max(len(ifc), len(subs))):
            piece = ifc[i] if i < len(ifc) else ""
            rest = subs[i] if i < len(subs) else ""
            out.append(f"{'':<40}{piece:<27}{rest}".rstrip())
    return "\n".join(out) + "\n"


def show_mac(entries: Sequence[MacEntry]) -> str:
    out = [
        f"Total MAC address : {len(entries)}",
        "Flags: vid--VLAN id,stc--static, per--permanent, toS--to-static, srF--source filter,",
        "       dsF--destination filter, time--day:hour:min:sec",
        "",
        f"{'MAC address':<19}{'VLAN':<11}{'Outgoing Information':<29}{'Attribute':<17}Time",
    ]
    for e in entries:
        attr = "Static" if e.static else "Dynamic"
        out.append(f"{dotted_mac(e.mac):<19}{e.vlan:<11}{e.interface:<29}{attr:<17}0:{_hms(e.age)}")
    return "\n".join(out) + "\n"


def show_vlan(vlans: Sequence[VlanState]) -> str:
    out = [f"{'VLAN':<6}{'Name':<17}{'Status':<9}{'UntagPorts':<25}TagPorts", "-" * 80]
    for v in vlans:
        name = v.name or f"vlan{v.vlan:04d}"
        status = "active" if v.active else "suspend"
        untagged, tagged = list(v.ports), list(v.tagged)
        rows = max(len(untagged), len(tagged), 1)
        for i in range(rows):
            left = untagged[i] if i < len(untagged) else ""
            right = tagged[i] if i < len(tagged) else ""
            head = f"{v.vlan:<6}{name:<17}{status:<9}" if i == 0 else " " * 32
            out.append(f"{head}{left:<25}{right}".rstrip())
    return "\n".join(out) + "\n"

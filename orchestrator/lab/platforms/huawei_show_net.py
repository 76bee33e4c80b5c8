"""Huawei `display` output for what a box sees next to it: LLDP, ARP, MAC, VLANs and
Eth-Trunks, shared by VRP5 and VRP8. Pure functions of `LabState` records (routing:
`huawei_show_routing.py`)."""

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
    LldpNeighbor,
    MacEntry,
    PortState,
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

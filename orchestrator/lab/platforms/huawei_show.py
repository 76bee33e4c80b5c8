"""Huawei `display` output for the box itself and its interfaces, shared by VRP5 and VRP8.

Each builder is a pure function of `LabState` records and a `Box` (what the box knows about
itself), so it can be tested with records built by hand. Layouts follow the real captures in
../shared/device-output/huawei_vrp (AR and S-series VRP5, CE and NE VRP8): the ntc-templates
written from those captures parse these outputs line for line.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from orchestrator.lab.state import PortState

Family = Literal["vrp5", "vrp8"]

#: long interface type -> the short form VRP prints in tables (ARP, MAC, VLAN, brief views)
SHORT_NAMES: dict[str, str] = {
    "GigabitEthernet": "GE",
    "XGigabitEthernet": "XGE",
    "Ethernet": "Eth",
    "MultiGE": "MultiGE",
}


@dataclass(frozen=True)
class Box:
    """What a box knows about itself, for the output builders."""

    hostname: str
    model: str
    version: str  # "5.170 (AR6100 V300R019C10SPC300)"
    mac: str  # "aabb.ccdd.eeff"
    serial: str
    boot_time: float
    family: Family = "vrp5"
    now: float = 0.0

    @property
    def clock(self) -> float:
        return self.now or time.time()


def huawei_mac(mac: str) -> str:
    """'aabb.ccdd.eeff' -> 'aabb-ccdd-eeff'."""
    return mac.replace(".", "-").replace(":", "").lower()


def short_name(name: str) -> str:
    """GigabitEthernet0/0/1 -> GE0/0/1 (the spelling of VRP's tables); others unchanged."""
    m = re.match(r"([A-Za-z-]+)(.*)", name)
    if m is None:
        return name
    kind, number = m.groups()
    return SHORT_NAMES.get(kind, kind) + number


def stamp(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))


def _unit(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def uptime(seconds: int, family: Family) -> str:
    """VRP5: '0 week, 0 day, 15 hours, 16 minutes'; VRP8: '161 days, 0 hour, 20 minutes'."""
    days, rest = divmod(max(seconds, 0), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    tail = f"{_unit(hours, 'hour')}, {_unit(minutes, 'minute')}"
    if family == "vrp8":
        return f"{_unit(days, 'day')}, {tail}"
    weeks, days = divmod(days, 7)
    return f"{_unit(weeks, 'week')}, {_unit(days, 'day')}, {tail}"


def port_order(name: str) -> tuple[object, ...]:
    """Natural order: by type, then each number (GE0/0/2 before GE0/0/10)."""
    parts = re.split(r"(\d+)", name)
    return tuple(int(p) if p.isdigit() else p.lower() for p in parts)


# -- display version / device / esn --------------------------------------------------------
def display_version(box: Box) -> str:
    up = uptime(int(box.clock - box.boot_time), box.family)
    if box.family == "vrp8":
        return (
            "Huawei Versatile Routing Platform Software\n"
            f"VRP (R) software, Version {box.version}\n"
            "Copyright (C) 2012-2020 Huawei Technologies Co., Ltd.\n"
            f"HUAWEI {box.model} uptime is {up}\n"
            "\n"
            f"{box.model} version information:\n"
            "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n"
            "MPU version information:\n"
            "\n"
            f"MPU (Master) 1 : uptime is {up}\n"
            f"  StartupTime {time.strftime('%Y/%m/%d   %H:%M:%S', time.localtime(box.boot_time))}\n"
            "  SDRAM Memory Size   : 8192 M bytes\n"
            "  FLASH Memory Size   : 2048 M bytes\n"
        )
    return (
        "Huawei Versatile Routing Platform Software\n"
        f"VRP (R) software, Version {box.version}\n"
        "Copyright (C) 2011-2020 HUAWEI TECH CO., LTD\n"
        f"Huawei {box.model} Router uptime is {up}\n"
        f"MPU 0(Master) : uptime is {up}\n"
        "SDRAM Memory Size    : 4096    M bytes\n"
        "Flash 0 Memory Size  : 2048    M bytes\n"
        "MPU version information :\n"
        "1. PCB      Version  : AR01SRU2C VER.A\n"
        "2. MAB      Version  : 0\n"
        f"3. Board    Type     : {box.model}\n"
        "4. BootROM  Version  : 1\n"
    )


def display_device(box: Box) -> str:
    rule = "-" * 86
    head = "Slot  Card   Type                Online   Power Register     Alarm     Primary"
    row = f"1     -      {box.model:<19} Present  On    Registered   Normal    Master"
    return f"{box.model}'s Device status:\n{rule}\n{head}\n{rule}\n{row}\n{rule}\n"


def display_esn(box: Box) -> str:
    return f"ESN of slot 0: {box.serial}\n"


# -- display interface ---------------------------------------------------------------------
def _state(up: bool) -> str:
    return "UP" if up else "DOWN"


def _phy_line(port: PortState) -> str:
    if not port.admin_up:
        return f"{port.name} current state : Administratively DOWN"
    return f"{port.name} current state : {_state(port.oper_up)}"


def _spoofing(port: PortState) -> bool:
    return port.kind in {"loopback", "null"} or port.name.upper().startswith("NULL")


def _protocol_up(port: PortState) -> bool:
    if _spoofing(port):
        return port.admin_up
    return port.oper_up


def _counters(port: PortState) -> list[str]:
    c = port.counters
    return [
        "",
        f"Input:  {c.in_packets} packets, {c.in_octets} bytes",
        f"  Unicast:{c.in_packets:>19},  Multicast:{0:>20}",
        f"  Broadcast:{0:>17},  Jumbo:{'-':>24}",
        f"  Discard:{0:>19},  Total Error:{c.in_errors:>18}",
        "",
        f"  CRC:{0:>23},  Giants:{0:>23}",
        f"  Jabbers:{0:>19},  Throttles:{0:>20}",
        f"  Runts:{0:>21},  Symbols:{0:>22}",
        f"  Ignoreds:{0:>18},  Frames:{0:>23}",
        "",
        f"Output:  {c.out_packets} packets, {c.out_octets} bytes",
        f"  Unicast:{c.out_packets:>19},  Multicast:{0:>20}",
        f"  Broadcast:{0:>17},  Jumbo:{'-':>24}",
        f"  Discard:{0:>19},  Total Error:{c.out_errors:>18}",
        "",
        f"  Collisions:{0:>16},  ExcessiveCollisions:{0:>10}",
        f"  Late Collisions:{0:>11},  Deferreds:{0:>20}",
        "",
        "    Input bandwidth utilization threshold : 100.00%",
        "    Output bandwidth utilization threshold: 100.00%",
    ]


def _utilization(known: bool) -> list[str]:
    value = "    0%" if known else " --"
    return [
        f"    Input bandwidth utilization  :{value}",
        f"    Output bandwidth utilization :{value}",
    ]


def _layer(port: PortState, mtu_word: str = "The Maximum Transmit Unit is") -> list[str]:
    if port.switchport is not None:
        pvid = port.access_vlan or port.native_vlan or 1
        return [
            f"Switch Port, Link-type : {port.switchport}(configured),",
            f"PVID : {pvid:>4}, TPID : 8100(Hex), The Maximum Frame Length is 9216",
        ]
    lines = [f"Route Port,{mtu_word} {port.mtu}"]
    if port.ipv4:
        # the primary address only: ntc-templates' reading of this view has no place for the
        # secondaries the box lists after it ("... Sub"); `display ip interface` shows them
        lines.append(f"Internet Address is {port.ipv4[0].with_prefixlen}")
    else:
        lines.append("Internet protocol processing : disabled")
    return lines


def interface_detail(port: PortState, box: Box, members: Iterable[PortState] = ()) -> str:
    """One interface's block of `display interface`."""
    now = stamp(box.clock)
    up_since = stamp(box.boot_time) if port.oper_up else "-"
    protocol = _state(_protocol_up(port)) + (" (spoofing)" if _spoofing(port) else "")
    lines = [_phy_line(port), f"Line protocol current state : {protocol}"]
    lines.append(f"Description:{port.description}")
    hardware = (
        f"IP Sending Frames' Format is PKTFMT_ETHNT_2, Hardware address is {huawei_mac(port.mac)}"
    )
    if port.kind == "loopback" or _spoofing(port):
        lines += _layer(port)
        lines += ["Physical is Loopback", f"Current system time: {now}"]
        lines += [
            "    Last 300 seconds input rate 0 bits/sec, 0 packets/sec",
            "    Last 300 seconds output rate 0 bits/sec, 0 packets/sec",
        ]
        lines += _utilization(True)
    elif port.kind in {"svi", "subinterface", "tunnel", "other"}:
        lines += [*_layer(port), hardware, f"Current system time: {now}"]
        lines += _utilization(False)
    elif port.kind == "lag":
        lines += [*_layer(port), hardware, f"Current system time: {now}"]
        lines += [
            "Last 300 seconds input rate 0 bits/sec, 0 packets/sec",
            "Last 300 seconds output rate 0 bits/sec, 0 packets/sec",
        ]
        lines += _counters(port)[:-2] + _utilization(True)
        lines += _trunk_members(list(members))
    else:
        lines += [*_layer(port), hardware]
        lines += [f"Last physical up time   : {up_since}", "Last physical down time : -"]
        lines += [f"Current system time: {now}", "Port Mode: COMMON COPPER"]
        lines += [
            f"Speed : {port.speed_mbps:>4},  Loopback: NONE",
            "Duplex: FULL,  Negotiation: ENABLE",
            "Mdi   : AUTO,  Clock   : -",
            "Last 300 seconds input rate 0 bits/sec, 0 packets/sec",
            "Last 300 seconds output rate 0 bits/sec, 0 packets/sec",
        ]
        lines += _counters(port) + _utilization(True)
    return "\n".join(lines) + "\n"


def _trunk_members(members: list[PortState]) -> list[str]:
    rule = "-" * 53
    lines = [rule, f"{'PortName':<30}{'Status':<12}Weight", rule]
    lines += [f"{m.name:<30}{_state(m.oper_up):<12}1" for m in members]
    up = sum(1 for m in members if m.oper_up)
    lines += [
        rule,
        f"The Number of Ports in Trunk : {len(members)}",
        f"The Number of UP Ports in Trunk : {up}",
    ]
    return lines


def display_interface(ports: list[PortState], box: Box) -> str:
    """`display interface` (all) or of the ports given, each block followed by a blank line."""
    by_lag: dict[str, list[PortState]] = {}
    for port in ports:
        if port.lag:
            by_lag.setdefault(port.lag, []).append(port)
    blocks = []
    for port in sorted(ports, key=lambda p: port_order(p.name)):
        members = by_lag.get(port.name, [])
        if not members and port.members:
            members = [p for p in ports if p.name in port.members]
        blocks.append(interface_detail(port, box, members))
    return "\n".join(blocks)


# -- brief tables --------------------------------------------------------------------------
BRIEF_LEGEND = (
    "PHY: Physical\n"
    "*down: administratively down\n"
    "^down: standby\n"
    "(l): loopback\n"
    "(s): spoofing\n"
    "(E): E-Trunk down\n"
    "(b): BFD down\n"
    "(B): Bit-error-detection down\n"
    "(e): ETHOAM down\n"
    "(d): Dampening Suppressed\n"
)


def _phy(port: PortState) -> str:
    if not port.admin_up:
        return "*down"
    return "up" if port.oper_up else "down"


def _protocol(port: PortState) -> str:
    if _spoofing(port):
        return "up(s)" if port.admin_up else "down"
    return "up" if port.oper_up else "down"


def display_interface_brief(ports: list[PortState]) -> str:
    lines = [
        BRIEF_LEGEND + "InUti/OutUti: input utility/output utility",
        f"{'Interface':<28}{'PHY':<6}{'Protocol':<8}  InUti OutUti   inErrors  outErrors",
    ]
    members: dict[str, list[PortState]] = {}
    for port in ports:
        if port.lag:
            members.setdefault(port.lag, []).append(port)
    for port in sorted(ports, key=lambda p: port_order(p.name)):
        if port.lag:
            continue
        lines.append(_brief_row(port, ""))
        for member in sorted(members.get(port.name, []), key=lambda p: port_order(p.name)):
            lines.append(_brief_row(member, "  "))
    return "\n".join(lines) + "\n"


def _brief_row(port: PortState, indent: str) -> str:
    uti = "--" if port.kind in {"svi", "loopback"} or _spoofing(port) else "0%"
    name = f"{indent}{port.name}"
    c = port.counters
    return (
        f"{name:<27} {_phy(port):<5} {_protocol(port):<8} {uti:>6} {uti:>6} "
        f"{c.in_errors:>10} {c.out_errors:>10}"
    )


def _layer3(port: PortState) -> bool:
    return bool(port.ipv4) or (port.switchport is None and port.lag is None)


def display_ip_interface_brief(ports: list[PortState], family: Family) -> str:
    shown = [p for p in sorted(ports, key=lambda p: port_order(p.name)) if _layer3(p)]
    up_phy = sum(1 for p in shown if p.admin_up and p.oper_up)
    up_protocol = sum(1 for p in shown if _protocol(p).startswith("up"))
    lines = [
        "*down: administratively down",
        "^down: standby",
        "(l): loopback",
        "(s): spoofing",
        f"The number of interface that is UP in Physical is {up_phy}",
        f"The number of interface that is DOWN in Physical is {len(shown) - up_phy}",
        f"The number of interface that is UP in Protocol is {up_protocol}",
        f"The number of interface that is DOWN in Protocol is {len(shown) - up_protocol}",
        "",
    ]
    vpn = family == "vrp8"
    head = f"{'Interface':<34}{'IP Address/Mask':<21}{'Physical':<11}{'Protocol':<9}"
    lines.append(head + ("VPN" if vpn else ""))
    for port in shown:
        address = port.ipv4[0].with_prefixlen if port.ipv4 else "unassigned"
        row = f"{port.name:<34}{address:<21}{_phy(port):<11}{_protocol(port):<9}"
        lines.append((row + (port.vrf or "--") if vpn else row).rstrip())
    return "\n".join(lines) + "\n"


def display_interface_description(ports: list[PortState]) -> str:
    legend = BRIEF_LEGEND.replace("^down: standby\n", "#down: LBDT down\n")
    lines = [legend.rstrip("\n"), f"{'Interface':<30}{'PHY':<8}{'Protocol':<9}Description"]
    for port in sorted(ports, key=lambda p: port_order(p.name)):
        row = f"{port.name:<29} {_phy(port):<7} {_protocol(port):<8} {port.description}"
        lines.append(row.rstrip())
    return "\n".join(lines) + "\n"

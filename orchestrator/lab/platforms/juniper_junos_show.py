"""Junos operational output for the box and its interfaces (version, hardware, uptime,
interfaces, LLDP), built from `LabState` records in the layouts of real boxes
(`../shared/device-output/juniper_junos/`, the captures ntc-templates was written from).

Every builder takes the records it shows, so tests can call it with records they make. Port
names come in the model's spelling (`xe-0/1/0` for unit 0, `ae0.10`, `irb100`); Junos shows a
physical interface (`xe-0/1/0`, `irb`) and its logical units (`xe-0/1/0.0`, `irb.100`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from orchestrator.lab.device import LabDevice
from orchestrator.lab.state import LldpNeighbor, PortState

#: speeds the port name says (`xe-` is 10G) when the state only has the 1G default
NAME_SPEEDS = {"ge": 1000, "xe": 10000, "et": 100000, "mge": 10000, "fxp0": 1000}
BUILD = "20230321.be2763d_builder_stable_12_214"
PACKAGES = (
    "JUNOS OS Kernel 64-bit  [{build}]",
    "JUNOS OS libs [{build}]",
    "JUNOS OS runtime [{build}]",
    "JUNOS OS time zone information [{build}]",
    "JUNOS network stack and utilities [{version}]",
    "JUNOS libs [{version}]",
    "JUNOS runtime [{version}]",
    "JUNOS Packet Forwarding Engine Support (MX/EX92XX Common) [{version}]",
    "JUNOS Crypto Software Suite [{version}]",
    "JUNOS Online Documentation [{version}]",
    "JUNOS Routing Software Suite [{version}]",
)


# -- names and numbers -----------------------------------------------------------------------
def ifl(name: str) -> str:
    """The Junos logical interface of a model port name.

    >>> ifl("xe-0/1/0"), ifl("ae0.10"), ifl("irb100"), ifl("lo0")
    ('xe-0/1/0.0', 'ae0.10', 'irb.100', 'lo0.0')
    """
    if "." in name:
        return name
    for base in ("irb", "vlan"):
        if name.startswith(base) and name[len(base) :].isdigit():
            return f"{base}.{name[len(base) :]}"
    return name + ".0"


def ifd(name: str) -> str:
    """The physical interface a model port name sits on (`irb100` is on `irb`)."""
    return ifl(name).split(".", 1)[0]


def colon_mac(mac: str) -> str:
    """``aabb.ccdd.eeff`` as Junos writes it: ``aa:bb:cc:dd:ee:ff``."""
    digits = mac.replace(".", "").replace(":", "").replace("-", "").lower()
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2))


def stamp(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(at))


def duration(seconds: int) -> str:
    """Junos's elapsed time: ``52:01``, ``5:23:37``, ``2d 5:23:37``, ``9w2d 5:23:37``."""
    weeks, rest = divmod(max(0, seconds), 7 * 86400)
    days, rest = divmod(rest, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours}:{minutes:02}:{secs:02}"
    if weeks:
        return f"{weeks}w{days}d {clock}"
    if days:
        return f"{days}d {clock}"
    return clock if hours else f"{minutes}:{secs:02}"


def ago(seconds: int) -> str:
    """How long ago, as `Last flapped` and `System booted` show it: ``2d 01:11 ago``."""
    weeks, rest = divmod(max(0, seconds), 7 * 86400)
    days, rest = divmod(rest, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if weeks or days:
        lead = f"{weeks}w{days}d" if weeks else f"{days}d"
        return f"{lead} {hours:02}:{minutes:02} ago"
    return f"{hours:02}:{minutes:02}:{secs:02} ago"


def speed_mbps(port: PortState) -> int:
    prefix = port.name.split("-", 1)[0]
    if port.speed_mbps == 1000 and prefix in NAME_SPEEDS:
        return NAME_SPEEDS[prefix]
    return port.speed_mbps


def speed_text(mbps: int) -> str:
    return f"{mbps // 1000}Gbps" if mbps >= 10000 else f"{mbps}mbps"


# -- interfaces ------------------------------------------------------------------------------
@dataclass
class Ifd:
    """A physical interface with its logical units, as Junos groups them."""

    name: str
    port: PortState | None  # None for a physical Junos makes up (`irb`)
    units: list[PortState] = field(default_factory=list)
    bundle: str | None = None  # the LAG this port is a member of
    index: int = 0


def physicals(ports: Sequence[PortState], members: dict[str, str]) -> list[Ifd]:
    """Ports grouped by physical interface; ``members`` maps a LAG member to its LAG."""
    found: dict[str, Ifd] = {}
    for i, port in enumerate(ports):
        name = ifd(port.name)
        entry = found.get(name)
        if entry is None:
            entry = found[name] = Ifd(name, None, index=i)
        if port.name == name:
            entry.port = port
            entry.bundle = port.lag or members.get(name)
            if _has_unit0(port) and entry.bundle is None:
                entry.units.insert(0, port)
        else:
            entry.units.append(port)
    return list(found.values())


def _has_unit0(port: PortState) -> bool:
    return bool(port.ipv4) or port.switchport is not None or port.kind in ("loopback", "management")


def terse(ports: Sequence[PortState], members: dict[str, str]) -> str:
    """`show interfaces terse`."""
    groups = physicals(ports, members)
    by_name = {g.name: g for g in groups}
    lines = ["Interface               Admin Link Proto    Local                 Remote"]
    for group in groups:
        admin, link = _updown(group.port)
        lines.append(f"{group.name:<24}{admin:<6}{link}")
        if group.bundle is not None:
            lag = by_name.get(group.bundle)
            for unit in lag.units if lag is not None else []:
                name = group.name + "." + ifl(unit.name).split(".", 1)[1]
                lines.append(f"{name:<24}{'up':<6}{link:<5}{'aenet':<9}--> {ifl(unit.name)}")
        for unit in group.units:
            lines.extend(_terse_unit(unit, group))
    return "\n".join(lines) + "\n"


def _updown(port: PortState | None) -> tuple[str, str]:
    if port is None:
        return "up", "up"
    return ("up" if port.admin_up else "down"), ("up" if port.oper_up else "down")


def _terse_unit(unit: PortState, group: Ifd) -> list[str]:
    _, link = _updown(unit)
    head = f"{ifl(unit.name):<24}{'up':<6}{link:<5}"
    if unit.switchport is not None:
        return [head + "eth-switch"]
    if not unit.ipv4:
        return [head.rstrip()]
    out: list[str] = []
    for n, address in enumerate(unit.ipv4):
        if address.network.prefixlen == 32:
            local = f"{address.ip!s:<22}--> 0/0"
        else:
            local = str(address.with_prefixlen)
        prefix = head + f"{'inet':<9}" if n == 0 else " " * 44
        out.append((prefix + local).rstrip())
    return out


def descriptions(ports: Sequence[PortState]) -> str:
    """`show interfaces descriptions`: only the interfaces that have one."""
    lines = ["Interface       Admin Link Description"]
    for port in ports:
        if port.description:
            admin, link = _updown(port)
            name = port.name if "." in port.name else ifd(port.name)
            lines.append(f"{name:<16}{admin:<6}{link:<5}{port.description}")
    return "\n".join(lines) + "\n"


def interfaces(
    device: LabDevice,
    ports: Sequence[PortState],
    members: dict[str, str],
    link_mtus: dict[str, int],
    only: str | None = None,
    detail: bool = False,
) -> str:
    """`show interfaces [NAME] [detail]` in the standard layout (`link_mtus`: configured
    Junos `mtu`, which counts the Ethernet header; 1514 when not set)."""
    blocks: list[str] = []
    for group in physicals(ports, members):
        if only is not None and only not in (group.name, *(ifl(u.name) for u in group.units)):
            continue
        if only is None or only == group.name:
            blocks.append(_physical(device, group, link_mtus.get(group.name, 1514), detail))
        for unit in group.units:
            if only is None or only in (group.name, ifl(unit.name)):
                blocks.append(_logical(unit, group, link_mtus.get(group.name, 1514)))
    if not blocks and only is not None:
        return f"error: device {only} not found\n"
    return "\n".join(blocks)


def _physical(device: LabDevice, group: Ifd, mtu: int, detail: bool) -> str:
    port = group.port
    admin = "Enabled" if port is None or port.admin_up else "Administratively down"
    link = "Up" if port is None or port.oper_up else "Down"
    index = 150 + group.index
    lines = [
        f"Physical interface: {group.name}, {admin}, Physical link is {link}",
        f"  Interface index: {index}, SNMP ifIndex: {500 + group.index}",
    ]
    if port is not None and port.description:
        lines.append(f"  Description: {port.description}")
    kind = port.kind if port is not None else "svi"
    flapped = f"{stamp(device.boot_time)} ({ago(device.uptime())})"
    if kind == "loopback":
        lines += [
            "  Type: Loopback, MTU: Unlimited",
            "  Device flags   : Present Running Loopback",
            "  Interface flags: SNMP-Traps",
            "  Link flags     : None",
            "  Last flapped   : Never",
        ]
        return "\n".join(lines) + "\n"
    if port is None:
        lines.append(f"  Type: Ethernet, Link-level type: Ethernet, MTU: {mtu}")
    else:
        speed = speed_text(speed_mbps(port) * max(1, len(port.members)))
        phy = ", LAN-PHY mode" if group.name.startswith("xe-") else ""
        lines.append(
            f"  Link-level type: Ethernet, MTU: {mtu}{phy}, Speed: {speed}, BPDU Error: None, "
            "Loop Detect PDU Error: None, MAC-REWRITE Error: None, Loopback: None, "
            "Source filtering: Disabled, Flow control: Enabled"
        )
    down = port is not None and not port.oper_up
    flags = "Present Running Down" if down else "Present Running"
    iflags = "SNMP-Traps Internal: 0x4000"
    if port is not None and not port.admin_up:
        iflags = "Down SNMP-Traps Internal: 0x4000"
    mac = colon_mac(port.mac if port is not None else device.mac)
    lines += [
        f"  Device flags   : {flags}",
        f"  Interface flags: {iflags}",
        "  Link flags     : None",
        "  CoS queues     : 8 supported, 8 maximum usable queues",
        f"  Current address: {mac}, Hardware address: {mac}",
        f"  Last flapped   : {flapped}",
        "  Input rate     : 0 bps (0 pps)",
        "  Output rate    : 0 bps (0 pps)",
        f"  Active alarms  : {'LINK' if down else 'None'}",
        f"  Active defects : {'LINK' if down else 'None'}",
        "  Interface transmit statistics: Disabled",
    ]
    if detail and port is not None:
        c = port.counters
        lines += [
            "  Traffic statistics:",
            f"   Input  bytes  :{c.in_octets:>20}                    0 bps",
            f"   Output bytes  :{c.out_octets:>20}                    0 bps",
            f"   Input  packets:{c.in_packets:>20}                    0 pps",
            f"   Output packets:{c.out_packets:>20}                    0 pps",
        ]
    return "\n".join(lines) + "\n"


def _logical(unit: PortState, group: Ifd, mtu: int) -> str:
    name = ifl(unit.name)
    number = int(name.split(".", 1)[1])
    index = 330 + group.index * 8 + min(number, 7)
    lines = [f"  Logical interface {name} (Index {index}) (SNMP ifIndex {540 + group.index})"]
    if unit.description and unit.name != group.name:
        lines.append(f"    Description: {unit.description}")
    state = "Up" if unit.oper_up else "Device-Down"
    tag = f"VLAN-Tag [ 0x8100.{number} ]  " if unit.kind == "subinterface" else ""
    if unit.kind == "loopback":
        lines.append("    Flags: SNMP-Traps Encapsulation: Unspecified")
    else:
        lines.append(f"    Flags: {state} SNMP-Traps 0x4004000 {tag}Encapsulation: ENET2")
    lines += ["    Input packets : 0", "    Output packets: 0"]
    if unit.switchport is not None:
        lines.append(f"    Protocol eth-switch, MTU: {mtu - 14}")
    if unit.ipv4:
        inet_mtu = "Unlimited" if unit.kind == "loopback" else str(mtu - 14)
        lines += [f"    Protocol inet, MTU: {inet_mtu}", "      Flags: Sendbcast-pkt-to-re"]
        for n, address in enumerate(unit.ipv4):
            primary = " Is-Preferred Is-Primary" if n == 0 else " Is-Preferred"
            if address.network.prefixlen == 32:
                lines += [
                    f"      Addresses, Flags: Is-Default{primary.replace(' Is-Preferred', '')}",
                    f"        Local: {address.ip}",
                ]
                continue
            net = address.network
            lines += [
                f"      Addresses, Flags:{primary}",
                f"        Destination: {net.with_prefixlen}, Local: {address.ip}, "
                f"Broadcast: {net.broadcast_address}",
            ]
    return "\n".join(lines) + "\n"


# -- LLDP ------------------------------------------------------------------------------------
def lldp_neighbors(neighbors: Sequence[LldpNeighbor], members: dict[str, str]) -> str:
    """`show lldp neighbors`."""
    lines = [
        "Local Interface    Parent Interface    Chassis Id          Port info          System Name"
    ]
    for n in neighbors:
        parent = members.get(n.local_port, "-")
        lines.append(
            f"{n.local_port:<19}{parent:<20}{colon_mac(n.remote_chassis_id):<20}"
            f"{n.remote_port:<19}{n.remote_system}"
        )
    return "\n".join(lines) + "\n"


def lldp_detail(n: LldpNeighbor, index: int, members: dict[str, str], now: float) -> str:
    """`show lldp neighbors interface NAME`."""
    caps = " ".join(c.capitalize() for c in n.remote_capabilities) or "None"
    mark = time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime(now))
    lines = [
        "LLDP Neighbor Information:",
        "Local Information:",
        f"Index: {index} Time to live: {n.ttl} Time mark: {mark} Age: 12 secs",
        f"Local Interface    : {n.local_port}",
        f"Parent Interface   : {members.get(n.local_port, '-')}",
        f"Local Port ID      : {500 + index}",
        "Ageout Count       : 0",
        "",
        "Neighbour Information:",
        "Chassis type       : Mac address",
        f"Chassis ID         : {colon_mac(n.remote_chassis_id)}",
        "Port type          : Interface name",
        f"Port ID            : {n.remote_port}",
        f"Port description   : {n.remote_port_description or n.remote_port}",
        f"System name        : {n.remote_system}",
        "",
        f"System Description : {n.remote_system_description}",
        "",
        "System capabilities",
        f"        Supported  : {caps}",
        f"        Enabled    : {caps}",
    ]
    if n.remote_mgmt_address:
        lines += [
            "",
            "Management Information",
            " Port Type         : ifIndex",
            " Port Address      : " + n.remote_mgmt_address,
        ]
    return "\n".join(lines) + "\n"


# -- the box ---------------------------------------------------------------------------------
def version(device: LabDevice) -> str:
    """`show version`."""
    lines = [
        f"Hostname: {device.hostname}",
        f"Model: {device.model}",
        f"Junos: {device.version}",
    ]
    lines += [p.format(build=BUILD, version=device.version) for p in PACKAGES]
    return "\n".join(lines) + "\n"


def hardware(device: LabDevice) -> str:
    """`show chassis hardware` (the chassis serial number is where drivers read it)."""
    model = device.model.upper()
    return (
        "Hardware inventory:\n"
        "Item             Version  Part number  Serial number     Description\n"
        f"Chassis                                {device.serial:<18}{model}\n"
        f"Routing Engine 0          BUILTIN      BUILTIN           Routing Engine\n"
        f"FPC 0                     BUILTIN      BUILTIN           {model} FPC\n"
    )


def _freebsd_uptime(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    clock = f"{hours}:{minutes:02}" if hours else f"{minutes} mins"
    if days:
        return f"{days} day{'s' if days != 1 else ''}, {clock:>5}"
    return clock


def uptime(device: LabDevice, now: float, last_at: float, last_by: str, users: int) -> str:
    """`show system uptime`."""
    up = int(now - device.boot_time)
    started = device.boot_time + min(60, up)
    clock = time.strftime("%I:%M%p", time.gmtime(now)).lstrip("0")
    return (
        f"Current time: {stamp(now)}\n"
        "Time Source:  LOCAL CLOCK \n"
        f"System booted: {stamp(device.boot_time)} ({ago(up)})\n"
        f"Protocols started: {stamp(started)} ({ago(int(now - started))})\n"
        f"Last configured: {stamp(last_at)} ({ago(int(now - last_at))}) by {last_by}\n"
        f"{clock}  up {_freebsd_uptime(up)}, {users} user{'s' if users != 1 else ''}, "
        "load averages: 0.12, 0.10, 0.08\n"
    )

"""NX-OS `show` output, built from `session.lab.state` and the box's config, in the layouts of
the real captures (../shared/device-output/cisco_nxos) that ntc-templates reads.
"""

from __future__ import annotations

import time

from orchestrator.lab.platforms.cisco_common import short_name
from orchestrator.lab.session import Session
from orchestrator.lab.state import PortState

SHORT: tuple[tuple[str, str], ...] = (
    ("Ethernet", "Eth"),
    ("port-channel", "Po"),
    ("loopback", "Lo"),
)


def version(session: Session) -> str:
    device = session.device
    seconds = device.uptime()
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    booted = time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime(device.boot_time))
    image = device.version.replace("(", ".").rstrip(")")
    return (
        "Cisco Nexus Operating System (NX-OS) Software\n"
        "TAC support: http://www.cisco.com/tac\n"
        "Copyright (C) 2002-2023, Cisco and/or its affiliates.\n"
        "All rights reserved.\n"
        "The copyrights to certain works contained in this software are\n"
        "owned by other third parties and used and distributed under their own\n"
        'licenses, such as open source.  This software is provided "as is," and unless\n'
        "otherwise stated, there is no warranty, express or implied, including but not\n"
        "limited to warranties of merchantability and fitness for a particular purpose.\n"
        "Certain components of this software are licensed under\n"
        "the GNU General Public License (GPL) version 2.0 or\n"
        "GNU General Public License (GPL) version 3.0  or the GNU\n"
        "Lesser General Public License (LGPL) Version 2.1 or\n"
        "Lesser General Public License (LGPL) Version 2.0.\n"
        "A copy of each such license is available at\n"
        "http://www.opensource.org/licenses/gpl-2.0.php and\n"
        "http://opensource.org/licenses/gpl-3.0.html and\n"
        "http://www.opensource.org/licenses/lgpl-2.1.php and\n"
        "http://www.gnu.org/licenses/old-licenses/library.txt.\n\n"
        "Software\n"
        "  BIOS: version 05.45\n"
        f"  NXOS: version {device.version}\n"
        "  BIOS compile time:  11/22/2020\n"
        f"  NXOS image file is: bootflash:///nxos.{image}.bin\n"
        "  NXOS compile time:  3/21/2023 9:00:00 [03/21/2023 19:13:12]\n\n\n"
        "Hardware\n"
        f"  cisco Nexus9000 {device.model} Chassis\n"
        "  Intel(R) Xeon(R) CPU D-1528 @ 1.90GHz with 24632060 kB of memory.\n"
        f"  Processor Board ID {device.serial}\n\n"
        f"  Device name: {device.hostname}\n"
        "  bootflash:   53298520 kB\n"
        f"Kernel uptime is {days} day(s), {hours} hour(s), {minutes} minute(s), "
        f"{secs} second(s)\n\n"
        f"Last reset at 145613 usecs after {booted}\n"
        "  Reason: Reset Requested by CLI command reload\n"
        f"  System version: {device.version}\n"
        "  Service: \n\n"
        "plugin\n"
        "  Core Plugin, Ethernet Plugin\n\n"
        "Active Package(s):\n\n"
    )


# -- interfaces ----------------------------------------------------------------------------------
def _down_reason(port: PortState) -> str:
    if not port.admin_up:
        return "Administratively down"
    if port.kind == "lag":
        return "No operational members"
    return "Link not connected"


def interface(session: Session, only: str | None = None) -> str:
    out = []
    for port in session.lab.state.ports(session.device.name):
        if only is not None and port.name.lower() != _long(only).lower():
            continue
        out.append(_interface(port))
    return "\n".join(out)


def _long(name: str) -> str:
    for long, short in SHORT:
        if name.lower().startswith(short.lower()) and name[len(short) : len(short) + 1].isdigit():
            return long + name[len(short) :]
    return name


def _interface(port: PortState) -> str:
    up = "up" if port.oper_up else f"down ({_down_reason(port)})"
    admin = "up" if port.admin_up else "down"
    lines: list[str] = []
    if port.kind == "svi":
        proto = "up" if port.oper_up else "down"
        lines += [
            f"{port.name} is {'up' if port.oper_up else 'down'}, line protocol is {proto}, "
            "autostate enabled",
            f"admin state is {admin},",
            f"  Hardware is EtherSVI, address is  {port.mac}",
        ]
    else:
        lines += [f"{port.name} is {up}", f"admin state is {admin},"]
        if port.kind == "ethernet":
            lines[-1] += " Dedicated Interface"
            lines.append(
                f"  Hardware: 100/1000/10000/25000 Ethernet, address: {port.mac} (bia {port.mac})"
            )
        elif port.kind == "lag":
            lines.append(f"  Hardware: Port-Channel, address: {port.mac} (bia {port.mac})")
        elif port.kind == "loopback":
            lines.append("  Hardware: Loopback")
        else:
            lines.append(f"  Hardware: GigabitEthernet, address: {port.mac} (bia {port.mac})")
    if port.description:
        lines.append(f"  Description: {port.description}")
    if port.ipv4:
        first = port.ipv4[0]
        lines.append(f"  Internet Address is {first.ip}/{first.network.prefixlen}")
    bw = 8000000 if port.kind == "loopback" else port.speed_mbps * 1000
    dly = 5000 if port.kind == "loopback" else 10
    lines.append(f"  MTU {port.mtu} bytes, BW {bw} Kbit , DLY {dly} usec")
    lines.append("  reliability 255/255, txload 1/255, rxload 1/255")
    encapsulation = "LOOPBACK" if port.kind == "loopback" else "ARPA"
    lines.append(f"  Encapsulation {encapsulation}, medium is broadcast")
    if port.kind in {"ethernet", "lag"}:
        mode = port.switchport or "routed"
        lines.append(f"  Port mode is {mode}")
        if port.oper_up:
            lines.append(f"  full-duplex, {port.speed_mbps // 1000} Gb/s, media type is 10G")
        else:
            lines.append("  auto-duplex, auto-speed")
        lines += [
            "  Beacon is turned off",
            "  Auto-Negotiation is turned on",
            "  Input flow-control is off, output flow-control is off",
            "  Auto-mdix is turned off",
            "  Switchport monitor is off ",
            "  EtherType is 0x8100 ",
        ]
        if port.kind == "lag":
            members = ", ".join(short_name(m, SHORT) for m in port.members)
            lines.append(f"  Members in this channel: {members}" if members else "  No members")
        lines.append(
            "  Last link flapped 00:00:01" if port.oper_up else "  Last link flapped never"
        )
    c = port.counters
    lines += [
        '  Last clearing of "show interface" counters never',
        "  1 interface resets",
        "  30 seconds input rate 0 bits/sec, 0 packets/sec",
        "  30 seconds output rate 0 bits/sec, 0 packets/sec",
        "  RX",
        f"    {c.in_packets} unicast packets  0 multicast packets  0 broadcast packets",
        f"    {c.in_packets} input packets  {c.in_octets} bytes",
        "    0 jumbo packets  0 storm suppression packets",
        "    0 runts  0 giants  0 CRC  0 no buffer",
        f"    {c.in_errors} input error  0 short frame  0 overrun   0 underrun  0 ignored",
        "    0 watchdog  0 bad etype drop  0 bad proto drop  0 if down drop",
        "    0 input with dribble  0 input discard",
        "    0 Rx pause",
        "  TX",
        f"    {c.out_packets} unicast packets  0 multicast packets  0 broadcast packets",
        f"    {c.out_packets} output packets  {c.out_octets} bytes",
        "    0 jumbo packets",
        f"    {c.out_errors} output error  0 collision  0 deferred  0 late collision",
        "    0 lost carrier  0 no carrier  0 babble  0 output discard",
        "    0 Tx pause",
    ]
    return "\n".join(lines) + "\n"


def interface_brief(session: Session) -> str:
    ports = session.lab.state.ports(session.device.name)
    out = [
        "",
        "-" * 80,
        "Port   VRF          Status IP Address                              Speed    MTU",
        "-" * 80,
    ]
    for p in ports:
        if p.kind == "management":
            address = str(p.ipv4[0].ip) if p.ipv4 else "--"
            state = "up" if p.oper_up else "down"
            out.append(
                f"{p.name:<6} {p.vrf or '--':<12} {state:<6} {address:<39} {1000:<8} {p.mtu}"
            )
    out += [
        "",
        "-" * 80,
        "Ethernet      VLAN    Type Mode   Status  Reason                   Speed     Port",
        "Interface                                                                    Ch #",
        "-" * 80,
    ]
    for p in ports:
        if p.kind != "ethernet":
            continue
        status = "up" if p.oper_up else "down"
        reason = "none" if p.oper_up else _down_reason(p)
        vlan = str(p.access_vlan or 1) if p.switchport == "access" else "--"
        mode = p.switchport or "routed"
        channel = "".join(ch for ch in (p.lag or "") if ch.isdigit()) or "--"
        speed = f"{p.speed_mbps // 1000}G(D)" if p.oper_up else "auto(D)"
        name = short_name(p.name, SHORT)
        out.append(
            f"{name:<13} {vlan:<7} eth  {mode:<6} {status:<7} {reason:<24} {speed:<9} {channel}"
        )
    return "\n".join(out) + "\n\n"


def ip_interface_brief(session: Session) -> str:
    by_vrf: dict[str, list[PortState]] = {}
    for p in session.lab.state.ports(session.device.name):
        if p.ipv4:
            by_vrf.setdefault(p.vrf or "default", []).append(p)
    out: list[str] = []
    for index, (vrf, ports) in enumerate(sorted(by_vrf.items(), key=lambda kv: kv[0] != "default")):
        out += [
            f'IP Interface Status for VRF "{vrf}"({index + 1})',
            "Interface            IP Address      Interface Status",
        ]
        for p in ports:
            proto = "up" if p.oper_up else "down"
            status = f"protocol-{proto}/link-{proto}/admin-{'up' if p.admin_up else 'down'}"
            out.append(f"{short_name(p.name, SHORT):<20} {p.ipv4[0].ip!s:<15} {status}")
        out.append("")
    return "\n".join(out) + "\n"


def mac_address_table(session: Session) -> str:
    out = [
        "Legend: ",
        "        * - primary entry, G - Gateway MAC, (R) - Routed MAC, O - Overlay MAC",
        "        age - seconds since last seen,+ - primary entry using vPC Peer-Link,",
        "        (T) - True, (F) - False, C - ControlPlane MAC, ~ - vsan,",
        "        (NA)- Not Applicable",
        "   VLAN     MAC Address      Type      age     Secure NTFY Ports",
        "---------+-----------------+--------+---------+------+----+------------------",
    ]
    for m in sorted(session.lab.state.macs(session.device.name), key=lambda m: (m.vlan, m.mac)):
        kind = "static" if m.static else "dynamic"
        age = "-" if m.static else "NA"
        port = short_name(m.interface, SHORT)
        out.append(f"*{m.vlan:>6}     {m.mac}   {kind:<8} {age:<9} F      F    {port}")
    return "\n".join(out) + "\n"


def vlan_brief(session: Session) -> str:
    out = [
        "",
        "VLAN Name                             Status    Ports",
        "---- -------------------------------- --------- -------------------------------",
    ]
    for v in sorted(session.lab.state.vlans(session.device.name), key=lambda v: v.vlan):
        ports = [short_name(p, SHORT) for p in v.ports]
        chunks = [ports[i : i + 4] for i in range(0, len(ports), 4)] or [[]]
        status = "active" if v.active else "suspended"
        out.append(f"{v.vlan:<4} {v.name[:32]:<32} {status:<9} {', '.join(chunks[0])}".rstrip())
        for chunk in chunks[1:]:
            out.append(" " * 48 + ", ".join(chunk))
    return "\n".join(out) + "\n\n"


def port_channel_summary(session: Session) -> str:
    ports = {p.name: p for p in session.lab.state.ports(session.device.name)}
    config = session.device.config.interfaces
    out = [
        "Flags:  D - Down        P - Up in port-channel (members)",
        "        I - Individual  H - Hot-standby (LACP only)",
        "        s - Suspended   r - Module-removed",
        "        b - BFD Session Wait",
        "        S - Switched    R - Routed",
        "        U - Up (port-channel)",
        "        p - Up in delay-lacp mode (member)",
        "        M - Not in use. Min-links not met",
        "-" * 80,
        "Group Port-       Type     Protocol  Member Ports",
        "      Channel",
        "-" * 80,
    ]
    for lag in (p for p in ports.values() if p.kind == "lag"):
        number = "".join(ch for ch in lag.name if ch.isdigit())
        flags = ("S" if lag.switchport else "R") + ("U" if lag.oper_up else "D")
        modes = {config[m].lag_mode for m in lag.members if m in config}
        protocol = "LACP" if modes & {"active", "passive"} else "NONE"
        members = "    ".join(
            f"{short_name(m, SHORT)}({'P' if m in ports and ports[m].oper_up else 'D'})"
            for m in lag.members
        )
        out.append(
            f"{number:<6}{'Po' + number + '(' + flags + ')':<12}Eth      {protocol:<10}{members}"
        )
    return "\n".join(out) + "\n"

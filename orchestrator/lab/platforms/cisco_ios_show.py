"""IOS/IOS-XE `show` output, built from what the box sees (`session.lab.state`) and its config,
in the layouts of the real captures (../shared/device-output/cisco_ios) that ntc-templates and
NAPALM's ios driver read.
"""

from __future__ import annotations

import time

from orchestrator.lab.platforms.cisco_common import clock, ios_uptime, short_name
from orchestrator.lab.session import Session
from orchestrator.lab.state import PortState

SHORT: tuple[tuple[str, str], ...] = (
    ("TwentyFiveGigE", "Twe"),
    ("TenGigabitEthernet", "Te"),
    ("FortyGigabitEthernet", "Fo"),
    ("HundredGigE", "Hu"),
    ("GigabitEthernet", "Gi"),
    ("FastEthernet", "Fa"),
    ("Ethernet", "Et"),
    ("Port-channel", "Po"),
    ("Loopback", "Lo"),
    ("Vlan", "Vl"),
    ("Tunnel", "Tu"),
)
HARDWARE: tuple[tuple[str, str, str], ...] = (  # name prefix, hardware, media
    ("TenGigabitEthernet", "Ten Gigabit Ethernet", "SFP-10GBase-SR"),
    ("GigabitEthernet", "Gigabit Ethernet", "10/100/1000BaseTX"),
    ("FastEthernet", "Fast Ethernet", "10/100BaseTX"),
)


SOFTWARE = "Catalyst L3 Switch Software (CAT9K_IOSXE)"
TRAIN = "Cupertino"


# -- system ---------------------------------------------------------------------------------
def version(session: Session) -> str:
    device = session.device
    uptime = ios_uptime(device.uptime())
    booted = time.strftime("%H:%M:%S UTC %a %b %d %Y", time.gmtime(device.boot_time))
    mac = device.mac.replace(".", "")
    base_mac = ":".join(mac[i : i + 2] for i in range(0, 12, 2))
    ports = [p for p in session.lab.state.ports(device.name) if p.kind == "ethernet"]
    return (
        f"Cisco IOS XE Software, Version {device.version}\n"
        f"Cisco IOS Software [{TRAIN}], {SOFTWARE}, "
        f"Version {device.version}, RELEASE SOFTWARE (fc3)\n"
        "Technical Support: http://www.cisco.com/techsupport\n"
        "Copyright (c) 1986-2023 by Cisco Systems, Inc.\n"
        "Compiled Fri 20-Oct-23 10:44 by mcpre\n\n\n"
        "ROM: IOS-XE ROMMON\n"
        "BOOTLDR: System Bootstrap, Version 17.9.1r[FC1], RELEASE SOFTWARE (P)\n\n"
        f"{device.hostname} uptime is {uptime}\n"
        f"Uptime for this control processor is {uptime}\n"
        "System returned to ROM by Reload Command\n"
        f"System restarted at {booted}\n"
        'System image file is "flash:packages.conf"\n'
        "Last reload reason: Reload Command\n\n\n\n"
        f"cisco {device.model} (X86) processor with 1338496K/6147K bytes of memory.\n"
        f"Processor board ID {device.serial}\n"
        "1 Virtual Ethernet interface\n"
        f"{len(ports)} Gigabit Ethernet interfaces\n"
        "2048K bytes of non-volatile configuration memory.\n"
        "8388608K bytes of physical memory.\n"
        "1638400K bytes of Crash Files at crashinfo:.\n"
        "11264000K bytes of Flash at flash:.\n\n"
        f"Base Ethernet MAC Address          : {base_mac}\n"
        f"Model Number                       : {device.model}\n"
        f"System Serial Number               : {device.serial}\n\n"
        "Configuration register is 0x102\n\n"
    )


def hosts(session: Session) -> str:
    system = session.device.config.system
    out = ""
    if system.domain_name:
        out += f"Default domain is {system.domain_name}\n"
    else:
        out += "Default domain is not set\n"
    out += "Name/address lookup uses domain service\n"
    servers = " ".join(str(s.address) for s in system.dns_servers) or "255.255.255.255"
    out += f"Name servers are {servers}\n\n"
    out += (
        "Codes: UN - unknown, EX - expired, OK - OK, ?? - revalidate\n"
        "       temp - temporary, perm - permanent\n"
        "       NA - Not Applicable None - Not defined\n\n"
        "Host                      Port  Flags      Age Type   Address(es)\n"
    )
    return out


def clock_now(session: Session) -> str:
    return "*" + clock() + "\n"


# -- interfaces -------------------------------------------------------------------------------
def status(port: PortState) -> tuple[str, str]:
    if not port.admin_up:
        return "administratively down", "down"
    return ("up", "up") if port.oper_up else ("down", "down")


def interfaces(session: Session, only: str | None = None) -> str:
    out = []
    config = session.device.config
    for port in session.lab.state.ports(session.device.name):
        if only is not None and port.name.lower() != only.lower():
            continue
        ifc = config.interfaces.get(port.name)
        out.append(_interface(port, ifc.encapsulation_vlan if ifc else None))
    if only is not None and not out:
        return "                 ^\n% Invalid input detected at '^' marker.\n\n"
    return "".join(out)


def _interface(port: PortState, dot1q: int | None) -> str:
    link, proto = status(port)
    suffix = ""
    if port.kind == "ethernet":
        suffix = " (connected)" if port.oper_up else " (notconnect)"
        suffix = suffix if port.admin_up else " (disabled)"
    hardware, media = "Ethernet SVI", ""
    bw, dly = port.speed_mbps * 1000, 10
    for prefix, name, kind_media in HARDWARE:
        if port.name.startswith(prefix):
            hardware, media = name, kind_media
    if port.kind == "lag":
        hardware = "EtherChannel"
    elif port.kind == "loopback":
        hardware, bw, dly = "Loopback", 8000000, 5000
    elif port.kind == "tunnel":
        hardware, bw, dly = "Tunnel", 100, 50000
    lines = [f"{port.name} is {link}, line protocol is {proto}{suffix}"]
    if port.kind == "loopback":
        lines.append("  Hardware is Loopback")
    else:
        lines.append(f"  Hardware is {hardware}, address is {port.mac} (bia {port.mac})")
    if port.description:
        lines.append(f"  Description: {port.description}")
    primary = port.ipv4[0] if port.ipv4 else None
    if primary is not None:
        lines.append(f"  Internet address is {primary.ip}/{primary.network.prefixlen}")
    mtu = port.mtu if port.kind != "loopback" else max(port.mtu, 1514)
    lines.append(f"  MTU {mtu} bytes, BW {bw} Kbit/sec, DLY {dly} usec,")
    lines.append("     reliability 255/255, txload 1/255, rxload 1/255")
    if dot1q is not None:
        lines.append(f"  Encapsulation 802.1Q Virtual LAN, Vlan ID  {dot1q}.")
    elif port.kind == "loopback":
        lines.append("  Encapsulation LOOPBACK, loopback not set")
    else:
        lines.append("  Encapsulation ARPA, loopback not set")
    lines.append("  Keepalive set (10 sec)" if port.kind != "svi" else "  Keepalive not supported")
    if port.kind == "ethernet":
        if port.oper_up:
            lines.append(
                f"  Full-duplex, {port.speed_mbps}Mb/s, link type is auto, media type is {media}"
            )
        else:
            lines.append(f"  Auto-duplex, Auto-speed, link type is auto, media type is {media}")
        lines.append("  input flow-control is on, output flow-control is unsupported")
    if port.kind == "lag" and port.members:
        members = " ".join(short_name(m, SHORT) for m in port.members)
        lines.append(f"  Members in this channel: {members}")
    if port.kind != "loopback":
        lines.append("  ARP type: ARPA, ARP Timeout 04:00:00")
    seen = "00:00:01" if port.oper_up else "never"
    c = port.counters
    lines += [
        f"  Last input {seen}, output {seen}, output hang never",
        '  Last clearing of "show interface" counters never',
        "  Input queue: 0/375/0/0 (size/max/drops/flushes); Total output drops: 0",
        "  Queueing strategy: fifo",
        "  Output queue: 0/40 (size/max)",
        "  5 minute input rate 0 bits/sec, 0 packets/sec",
        "  5 minute output rate 0 bits/sec, 0 packets/sec",
        f"     {c.in_packets} packets input, {c.in_octets} bytes, 0 no buffer",
        "     Received 0 broadcasts (0 multicasts)",
        "     0 runts, 0 giants, 0 throttles",
        f"     {c.in_errors} input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored",
        "     0 watchdog, 0 multicast, 0 pause input",
        "     0 input packets with dribble condition detected",
        f"     {c.out_packets} packets output, {c.out_octets} bytes, 0 underruns",
        f"     {c.out_errors} output errors, 0 collisions, 1 interface resets",
        "     0 unknown protocol drops",
        "     0 babbles, 0 late collision, 0 deferred",
        "     0 lost carrier, 0 no carrier, 0 pause output",
        "     0 output buffer failures, 0 output buffers swapped out",
    ]
    return "\n".join(lines) + "\n"


def ip_interface_brief(session: Session) -> str:
    out = ["Interface              IP-Address      OK? Method Status                Protocol"]
    for port in session.lab.state.ports(session.device.name):
        link, proto = status(port)
        address = str(port.ipv4[0].ip) if port.ipv4 else "unassigned"
        method = "NVRAM" if port.ipv4 else "unset"
        out.append(f"{port.name:<22} {address:<15} YES {method:<6} {link:<21} {proto}")
    return "\n".join(out) + "\n"


def ip_interface(session: Session) -> str:
    config = session.device.config
    out: list[str] = []
    for port in session.lab.state.ports(session.device.name):
        link, proto = status(port)
        out.append(f"{port.name} is {link}, line protocol is {proto}")
        if not port.ipv4:
            out.append("  Internet protocol processing disabled")
            continue
        first, *rest = port.ipv4
        ifc = config.interfaces.get(port.name)
        out.append(f"  Internet address is {first.ip}/{first.network.prefixlen}")
        out.append("  Broadcast address is 255.255.255.255")
        out.append("  Address determined by non-volatile memory")
        for extra in rest:
            out.append(f"  Secondary address {extra.ip}/{extra.network.prefixlen}")
        out.append(f"  MTU is {port.mtu} bytes")
        helpers = ifc.helper_addresses if ifc else []
        if helpers:
            out.append(f"  Helper address is {helpers[0]}")
            out += [f"                    {h}" for h in helpers[1:]]
        else:
            out.append("  Helper address is not set")
        out.append("  Directed broadcast forwarding is disabled")
        acl_out = ifc.acl_out if ifc and ifc.acl_out else "not set"
        acl_in = ifc.acl_in if ifc and ifc.acl_in else "not set"
        out.append(f"  Outgoing access list is {acl_out}")
        out.append(f"  Inbound  access list is {acl_in}")
        if port.vrf:
            out.append(f'  VPN Routing/Forwarding "{port.vrf}"')
        out += [
            "  Proxy ARP is enabled",
            "  Local Proxy ARP is disabled",
            "  Security level is default",
            "  Split horizon is enabled",
            "  ICMP redirects are always sent",
            "  ICMP unreachables are always sent",
            "  ICMP mask replies are never sent",
            "  IP fast switching is enabled",
            "  IP Flow switching is disabled",
            "  IP CEF switching is enabled",
            "  IP CEF switching turbo vector",
            "  IP Null turbo vector",
            "  Associated unicast routing topologies:",
            '        Topology "base", operation state is UP',
            "  IP multicast fast switching is enabled",
            "  IP route-cache flags are Fast, CEF",
            "  Router Discovery is disabled",
            "  IP output packet accounting is disabled",
            "  IP access violation accounting is disabled",
            "  TCP/IP header compression is disabled",
            "  RTP/IP header compression is disabled",
            "  Probe proxy name replies are disabled",
            "  Policy routing is disabled",
            "  Network address translation is disabled",
            "  BGP Policy Mapping is disabled",
            "  Input features: MCI Check",
            "  IPv4 WCCP Redirect outbound is disabled",
            "  IPv4 WCCP Redirect inbound is disabled",
            "  IPv4 WCCP Redirect exclude is disabled",
        ]
    return "\n".join(out) + "\n"


def interfaces_description(session: Session) -> str:
    out = ["Interface                      Status         Protocol Description"]
    for port in session.lab.state.ports(session.device.name):
        link, proto = status(port)
        link = "admin down" if not port.admin_up else link
        name = short_name(port.name, SHORT)
        out.append(f"{name:<30} {link:<14} {proto:<8} {port.description}".rstrip())
    return "\n".join(out) + "\n"


# -- neighbors ------------------------------------------------------------------------------
def mac_address_table(session: Session) -> str:
    found = session.lab.state.macs(session.device.name)
    out = [
        "          Mac Address Table",
        "-------------------------------------------",
        "",
        "Vlan    Mac Address       Type        Ports",
        "----    -----------       --------    -----",
    ]
    for m in sorted(found, key=lambda m: (m.vlan, m.mac)):
        kind = "STATIC" if m.static else "DYNAMIC"
        out.append(f"{m.vlan:>4}    {m.mac}    {kind:<11} {short_name(m.interface, SHORT)}")
    out.append(f"Total Mac Addresses for this criterion: {len(found)}")
    return "\n".join(out) + "\n"


def vlan(session: Session, brief: bool) -> str:
    out = [
        "",
        "VLAN Name                             Status    Ports",
        "---- -------------------------------- --------- -------------------------------",
    ]
    vlans = sorted(session.lab.state.vlans(session.device.name), key=lambda v: v.vlan)
    rows = [(v.vlan, v.name, "active" if v.active else "act/lshut", v.ports) for v in vlans]
    defaults = [
        (1002, "fddi-default", "act/unsup", ()),
        (1003, "token-ring-default", "act/unsup", ()),
        (1004, "fddinet-default", "act/unsup", ()),
        (1005, "trnet-default", "act/unsup", ()),
    ]
    for vid, name, status, ports in [*rows, *defaults]:
        names = [short_name(p, SHORT) for p in ports]
        chunks = [names[i : i + 6] for i in range(0, len(names), 6)] or [[]]
        out.append(f"{vid:<4} {name[:32]:<32} {status:<9} {', '.join(chunks[0])}".rstrip())
        for chunk in chunks[1:]:
            out.append(" " * 48 + ", ".join(chunk))
    if not brief:
        out += [
            "",
            "VLAN Type  SAID       MTU   Parent RingNo BridgeNo Stp  BrdgMode Trans1 Trans2",
            "---- ----- ---------- ----- ------ ------ -------- ---- -------- ------ ------",
        ]
        for vid, *_ in rows:
            said = f"{100000 + vid:<10}"
            out.append(f"{vid:<4} enet  {said} 1500  -      -      -        -    -        0      0")
        out += [
            "",
            "Remote SPAN VLANs",
            "-" * 78,
            "",
            "",
            "Primary Secondary Type              Ports",
            "------- --------- ----------------- ------------------------------------------",
        ]
    return "\n".join(out) + "\n"


def etherchannel_summary(session: Session) -> str:
    ports = {p.name: p for p in session.lab.state.ports(session.device.name)}
    lags = [p for p in ports.values() if p.kind == "lag"]
    config = session.device.config.interfaces
    out = [
        "Flags:  D - down        P - bundled in port-channel",
        "        I - stand-alone s - suspended",
        "        H - Hot-standby (LACP only)",
        "        R - Layer3      S - Layer2",
        "        U - in use      f - failed to allocate aggregator",
        "",
        "        M - not in use, minimum links not met",
        "        u - unsuitable for bundling",
        "        w - waiting to be aggregated",
        "        d - default port",
        "",
        "        A - formed by Auto LAG",
        "",
        "",
        f"Number of channel-groups in use: {len(lags)}",
        f"Number of aggregators:           {len(lags)}",
        "",
        "Group  Port-channel  Protocol    Ports",
        "------+-------------+-----------+-----------------------------------------------",
    ]
    for lag in lags:
        number = "".join(ch for ch in lag.name if ch.isdigit())
        layer = "S" if lag.switchport else "R"
        flags = layer + ("U" if lag.oper_up else "D")
        modes = {config[m].lag_mode for m in lag.members if m in config}
        protocol = "LACP" if modes & {"active", "passive"} else "-"
        members = " ".join(
            f"{short_name(m, SHORT)}({'P' if ports.get(m) and ports[m].oper_up else 'D'})"
            for m in lag.members
        )
        po = f"Po{number}({flags})"
        out.append(f"{number:<7}{po:<14}  {protocol:<10}{members}")
    return "\n".join(out) + "\n"

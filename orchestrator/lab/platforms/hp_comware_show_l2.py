"""Comware `display` tables of layer 2, policy and the device: VLANs, link aggregation,
counters, route policies, VPN instances, ARP and MAC tables, version, manufacturing info and
clock. Pure functions: records in, text out."""

from __future__ import annotations

import time
from collections.abc import Sequence

from orchestrator.lab.platforms.hp_comware_show import (
    dashed_mac,
    members_of,
    short_name,
    uptime_words,
)
from orchestrator.lab.state import ArpEntry, MacEntry, PortState, VlanState
from orchestrator.model import DeviceConfig, Vrf


# -- VLANs and aggregation ---------------------------------------------------------------------
def vlan_name(vlan: VlanState) -> str:
    return vlan.name or f"VLAN {vlan.vlan:04d}"


def display_vlan_brief(vlans: Sequence[VlanState]) -> str:
    out = [
        "Brief information about all VLANs:",
        "Supported Minimum VLAN ID: 1",
        "Supported Maximum VLAN ID: 4094",
        "Default VLAN ID: 1",
        f"{'VLAN ID':<10}{'Name':<33}Port",
    ]
    for v in vlans:
        ports = [short_name(p) for p in (*v.ports, *v.tagged)]
        rows = [ports[i : i + 3] for i in range(0, len(ports), 3)] or [[]]
        out.append(f"{v.vlan:<10}{vlan_name(v):<33}{'  '.join(rows[0])}".rstrip())
        out += [f"{'':<43}{'  '.join(row)}" for row in rows[1:]]
    return "\n".join(out) + "\n"


def _port_rows(names: Sequence[str]) -> list[str]:
    if not names:
        return []
    return [
        "    " + "".join(f"{n:<30}" for n in names[i : i + 2]).rstrip()
        for i in range(0, len(names), 2)
    ]


def display_vlan_all(vlans: Sequence[VlanState], ports: Sequence[PortState]) -> str:
    svis = {p.name: p for p in ports}
    blocks: list[str] = []
    for v in vlans:
        svi = svis.get(f"Vlan-interface{v.vlan}")
        lines = [f" VLAN ID: {v.vlan}", " VLAN type: Static"]
        if svi is not None and svi.ipv4:
            lines += [
                " Route interface: Configured",
                f" IPv4 address: {svi.ipv4[0].ip}",
                f" IPv4 subnet mask: {svi.ipv4[0].netmask}",
            ]
        else:
            lines.append(" Route interface: Not configured")
        lines += [f" Description: {vlan_name(v)}", f" Name: {vlan_name(v)}"]
        lines.append(" Tagged ports:   " + ("" if v.tagged else "None"))
        lines += _port_rows(v.tagged)
        lines.append(" Untagged ports: " + ("" if v.ports else "None"))
        lines += _port_rows(v.ports)
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _lags(ports: Sequence[PortState]) -> list[PortState]:
    return [p for p in ports if p.kind == "lag"]


def _system_id(mac: str) -> str:
    return f"0x8000, {dashed_mac(mac)}"


def display_lag_summary(
    ports: Sequence[PortState], config: DeviceConfig, system_mac: str, partners: dict[str, str]
) -> str:
    out = [
        "Aggregation Interface Type:",
        "BAGG -- Bridge-Aggregation, BLAGG -- Blade-Aggregation, RAGG -- Route-Aggregation,",
        "SCH-B -- Schannel-Bundle",
        "Aggregation Mode: S -- Static, D -- Dynamic",
        "Loadsharing Type: Shar -- Loadsharing, NonS -- Non-Loadsharing",
        f"Actor System ID: {_system_id(system_mac)}",
        "",
        "AGG        AGG   Partner ID               Selected Unselected Individual Share",
        "Interface  Mode                           Ports    Ports      Ports      Type",
        "-" * 80,
    ]
    for lag in _lags(ports):
        members = [p for p in ports if p.name in members_of(lag, ports, config)]
        up = [p for p in members if p.oper_up]
        partner = partners.get(lag.name)
        pid = _system_id(partner) if partner else "None"
        out.append(
            f"{short_name(lag.name):<11}{_lag_mode(lag, config):<6}{pid:<25}{len(up):<9}"
            f"{len(members) - len(up):<11}{0:<11}Shar"
        )
    return "\n".join(out) + "\n"


def _lag_mode(lag: PortState, config: DeviceConfig) -> str:
    ifc = config.interfaces.get(lag.name)
    mode = ifc.lag_mode if ifc is not None else None
    return "S" if mode == "on" else "D"


def display_lag_verbose(
    ports: Sequence[PortState], config: DeviceConfig, system_mac: str, partners: dict[str, str]
) -> str:
    out = [
        "Loadsharing Type: Shar -- Loadsharing, NonS -- Non-Loadsharing",
        "Port Status: S -- Selected, U -- Unselected, I -- Individual",
        "Port: A -- Auto port, M -- Management port, R -- Reference port",
        "Flags:  A -- LACP_Activity, B -- LACP_Timeout, C -- Aggregation,",
        "        D -- Synchronization, E -- Collecting, F -- Distributing,",
        "        G -- Defaulted, H -- Expired",
    ]
    by_name = {p.name: p for p in ports}
    for lag in _lags(ports):
        members = members_of(lag, ports, config)
        mode = "Static" if _lag_mode(lag, config) == "S" else "Dynamic"
        partner = (
            _system_id(partners[lag.name]) if lag.name in partners else "0x8000, 0000-0000-0000"
        )
        out += [
            "",
            f"Aggregate Interface: {lag.name}",
            "Creation Mode: Manual",
            f"Aggregation Mode: {mode}",
            "Loadsharing Type: Shar",
            "Management VLANs: None",
            f"System ID: {_system_id(system_mac)}",
            "Local:",
            "  Port                Status   Priority Index    Oper-Key               Flag",
        ]
        for i, name in enumerate(members):
            up = by_name[name].oper_up if name in by_name else False
            label = short_name(name) + ("(R)" if i == 0 else "")
            status, flag = ("S", "{ACDEF}") if up else ("U", "{ACG}")
            out.append(f"  {label:<20}{status:<9}{32768:<9}{i + 1:<9}{1:<23}{flag}")
        out += [
            "Remote:",
            "  Actor               Priority Index    Oper-Key SystemID               Flag",
        ]
        for i, name in enumerate(members):
            out.append(f"  {short_name(name):<20}{32768:<9}{i + 1:<9}{1:<9}{partner:<23}{{ACDEF}}")
    return "\n".join(out) + "\n"


def display_lag_member_port(
    ports: Sequence[PortState], config: DeviceConfig, partners: dict[str, str]
) -> str:
    out = [
        "Flags: A -- LACP_Activity, B -- LACP_Timeout, C -- Aggregation,",
        "       D -- Synchronization, E -- Collecting, F -- Distributing,",
        "       G -- Defaulted, H -- Expired",
    ]
    for lag in _lags(ports):
        partner = _system_id(partners.get(lag.name, "0000.0000.0000"))
        for i, name in enumerate(members_of(lag, ports, config)):
            out += [
                "",
                f"{name}:",
                f"Aggregate Interface: {lag.name}",
                "Local:",
                f"    Port Number: {i + 1}",
                "    Port Priority: 32768",
                "    Oper-Key: 1",
                "    Flag: {ACDEF}",
                "Remote:",
                f"    System ID: {partner}",
                f"    Port Number: {i + 1}",
                "    Port Priority: 32768",
                "    Oper-Key: 1",
                "    Flag: {ACDEF}",
                "Received LACP Packets: 0 packet(s)",
                "Illegal: 0 packet(s)",
                "Sent LACP Packets: 0 packet(s)",
            ]
    return "\n".join(out) + "\n"


def display_counters(ports: Sequence[PortState], inbound: bool) -> str:
    out = ["Interface         Total (pkts)   Broadcast (pkts)   Multicast (pkts)  Err (pkts)"]
    for p in ports:
        if p.kind != "ethernet":
            continue
        c = p.counters
        total, errors = (c.in_packets, c.in_errors) if inbound else (c.out_packets, c.out_errors)
        out.append(f"{short_name(p.name):<18}{total:>12}{0:>19}{0:>19}{errors:>12}")
    out += [
        "",
        ' Overflow: More than 14 digits (7 digits for column "Err").',
        "       --: Not supported.",
    ]
    return "\n".join(out) + "\n"


# -- policies, VPN instances, device --------------------------------------------------------------
def display_route_policy(policies: Sequence[tuple[str, str, int, list[str]]]) -> str:
    """``policies``: (name, permit|deny, node, the node's if-match/apply lines) in order."""
    out: list[str] = []
    last = None
    for name, action, node, lines in policies:
        if name != last:
            if last is not None:
                out.append("")
            out.append(f"Route-policy: {name}")
            last = name
        out.append(f"  {action.capitalize():<7}: {node}")
        out += [f"         {line}" for line in lines]
    return "\n".join(out) + "\n" if out else ""


def display_vpn_instances(vrfs: Sequence[Vrf]) -> str:
    out = [
        f"  Total VPN-Instances configured : {len(vrfs)}",
        f"  {'VPN-Instance Name':<32}{'RD':<23}Create time",
    ]
    stamp = time.strftime("%Y/%m/%d %H:%M:%S", time.gmtime(0))
    out += [f"  {v.name:<32}{v.rd or '':<23}{stamp}" for v in vrfs]
    return "\n".join(out) + "\n"


def display_vpn_instance(vrf: Vrf, index: int, interfaces: Sequence[str]) -> str:
    out = [f"  VPN-Instance Name and Index : {vrf.name}, {index}"]
    if vrf.rd:
        out.append(f"  Route Distinguisher : {vrf.rd}")
    if vrf.description:
        out.append(f"  Description : {vrf.description}")
    if interfaces:
        out.append(f"  Interfaces : {', '.join(interfaces)}")
    out += [
        "  Address-family IPv4:",
        "   Export VPN Targets :",
        "       " + " ".join(vrf.export_targets),
        "   Import VPN Targets :",
        "       " + " ".join(vrf.import_targets),
    ]
    return "\n".join(out) + "\n"


# -- ARP, MAC, the device --------------------------------------------------------------------
def display_arp(entries: Sequence[ArpEntry]) -> str:
    out = [
        "  Type: S-Static   D-Dynamic   O-Openflow   R-Rule   M-Multiport  I-Invalid",
        f"{'IP address':<16}{'MAC address':<15}{'VLAN':<9}{'Interface':<25}Aging Type",
    ]
    for e in (x for x in entries if not x.own):  # Comware lists learned entries only
        vlan = str(e.vlan) if e.vlan is not None else "N/A"
        row = f"{e.address!s:<16}{dashed_mac(e.mac):<15}{vlan:<9}{short_name(e.interface):<25}"
        out.append(f"{row}{e.age or 20:<6}D")
    return "\n".join(out) + "\n"


def display_mac_address(entries: Sequence[MacEntry]) -> str:
    out = [f"{'MAC Address':<17}{'VLAN ID':<11}{'State':<17}{'Port/Nickname':<25}Aging"]
    for e in entries:
        state = "Config static" if e.static else "Learned"
        row = f"{dashed_mac(e.mac):<17}{e.vlan:<11}{state:<17}{short_name(e.interface):<25}"
        out.append(f"{row}{'N' if e.static else 'Y'}")
    return "\n".join(out) + "\n"


def display_manuinfo(model: str, serial: str, mac: str) -> str:
    return (
        " Slot 1 CPU 0:\n"
        f"DEVICE_NAME          : {model}\n"
        f"DEVICE_SERIAL_NUMBER : {serial}\n"
        f"MAC_ADDRESS          : {dashed_mac(mac).upper()}\n"
        "MANUFACTURING_DATE   : 2021-03-02\n"
        "VENDOR_NAME          : H3C\n"
    )


def display_clock(now: float) -> str:
    return time.strftime("%H:%M:%S UTC %a %m/%d/%Y", time.gmtime(now)) + "\n"


def display_version(model: str, version: str, uptime: int) -> str:
    release = version.split("Release ")[-1]
    return (
        f"H3C Comware Software, Version {version}\n"
        "Copyright (c) 2004-2021 New H3C Technologies Co., Ltd. All rights reserved.\n"
        f"H3C {model} uptime is {uptime_words(uptime)}\n"
        "Last reboot reason : Cold reboot\n"
        "\n"
        f"Boot image: flash:/{model.lower()}-cmw710-boot-r{release.lower()}.bin\n"
        f"Boot image version: {version}\n"
        f"System image: flash:/{model.lower()}-cmw710-system-r{release.lower()}.bin\n"
        f"System image version: {version}\n"
        "\n"
        "Slot 1:\n"
        f"Uptime is {uptime_words(uptime).replace(', ', ',')}\n"
        f"{model} with 2 Processors\n"
        f"BOARD TYPE:         {model}\n"
        "DRAM:               2048M bytes\n"
        "FLASH:              512M bytes\n"
        f"Release Version:    H3C {model}-{release}\n"
    )

"""Junos `show` output → NAPALM getter values: pure text functions the Junos driver
(`orchestrator.devices.juniper_junos`) calls, one per getter, testable on captured output.
"""

from __future__ import annotations

import calendar
import re
import time
from typing import Any

from napalm.base.helpers import mac as napalm_mac

from orchestrator.devices.base import OspfNeighborDict
from orchestrator.syntax.juniper_junos_text import SET_VERBS, read_statements
from orchestrator.syntax.text import split_lines

#: Junos route protocols (`show route summary`) in NAPALM's words
PROTOCOLS = {
    "Direct": "connected", "Local": "local", "Static": "static", "OSPF": "ospf", "BGP": "bgp"
}  # fmt: skip
_STAMP = re.compile(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (\w+)")
_DURATION = re.compile(r"(?:(\d+)w)?(?:(\d+)d)?\s*(?:(\d+):)?(\d+):(\d+)")


def set_lines(text: str) -> list[str]:
    """A candidate as the `set`/`delete` lines to enter: `display set` text as it is, a
    brace config (`show configuration`) one `set` line per statement.

    >>> set_lines("system {\\n    host-name r1;\\n}\\n")
    ['set system host-name r1']
    """
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith(("#", "/*"))]
    if lines and all(ln.split(None, 1)[0] in SET_VERBS for ln in lines):
        return lines
    stream = read_statements(split_lines(text))
    return ["set " + " ".join(s.words) for s in stream.statements if s.deleted is None]


def seconds(text: str) -> int:
    """Junos elapsed time (`52:01`, `1d 2:03:04`, `9w2d 5:23:37`) in seconds; -1 if not one.

    >>> seconds("1w2d 3:04:05"), seconds("52:01")
    (788645, 3121)
    """
    m = _DURATION.fullmatch(text.strip())
    if m is None:
        return -1
    weeks, days, hours, minutes, secs = (int(g) if g else 0 for g in m.groups())
    return (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + secs


def epoch(text: str) -> float | None:
    """A Junos time stamp (`2024-03-12 02:14:09 UTC`) as seconds since the epoch."""
    m = _STAMP.search(text)
    if m is None:
        return None
    return float(calendar.timegm(time.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")))


def blocks(text: str, start: str) -> list[str]:
    """``text`` cut before every line that starts with ``start``."""
    parts = re.split(rf"(?m)^(?={re.escape(start)})", text)
    return [p for p in parts if p.startswith(start)]


def field(text: str, pattern: str, default: str = "") -> str:
    m = re.search(pattern, text, re.M)
    return m.group(1).strip() if m else default


def interfaces(output: str, now: float) -> dict[str, dict[str, Any]]:
    """`show interfaces`: physical and logical interfaces, as NAPALM's junos driver gives them."""
    found: dict[str, dict[str, Any]] = {}
    for block in blocks(output, "Physical interface:"):
        head = re.match(r"Physical interface: (\S+), ([^,]+), Physical link is (\w+)", block)
        if head is None:
            continue
        speed = field(block, r"Speed: (\d+[mMgG]bps)", "")
        value = float(re.sub(r"\D", "", speed) or -1)
        if speed.lower().endswith("gbps"):
            value *= 1000
        flapped = epoch(field(block, r"Last flapped\s*:\s*(.+)$"))
        mac = field(block, r"Current address: ([0-9a-f:]+)")
        physical = {
            "is_up": head.group(3) == "Up",
            "is_enabled": head.group(2) == "Enabled",
            "description": field(block.split("\n  Logical", 1)[0], r"^  Description: (.*)$"),
            "last_flapped": now - flapped if flapped is not None else -1.0,
            "mtu": int(field(block, r"MTU: (\d+)", "0")),
            "speed": value,
            "mac_address": napalm_mac(mac) if mac else "",
        }
        found[head.group(1)] = physical
        for unit in blocks(block, "  Logical interface "):
            unit_up = bool(re.search(r"Flags: Up\b", unit)) or (
                physical["is_up"] and "Flags: SNMP-Traps Encapsulation" in unit
            )
            found[unit.split()[2]] = {
                "is_up": unit_up,
                "is_enabled": True,
                "description": field(unit, r"^    Description: (.*)$"),
                "last_flapped": -1.0,
                "mtu": int(field(unit, r"Protocol inet, MTU: (\d+)", "0")),
                "speed": -1.0,
                "mac_address": physical["mac_address"],
            }
    return found


def interfaces_ip(terse: str) -> dict[str, dict[str, dict[str, dict[str, int]]]]:
    """`show interfaces terse`: the IPv4 addresses of each logical interface."""
    found: dict[str, dict[str, dict[str, dict[str, int]]]] = {}
    current = ""
    for line in terse.splitlines()[1:]:
        if not line.startswith(" "):
            current = line.split()[0] if line.split() else ""
        m = re.search(r"(?:\binet\s+|^\s{40,})(\d+\.\d+\.\d+\.\d+)(?:/(\d+))?", line)
        if m is None or not current:
            continue
        length = int(m.group(2)) if m.group(2) else 32
        found.setdefault(current, {}).setdefault("ipv4", {})[m.group(1)] = {"prefix_length": length}
    return found


def lldp_detail(text: str) -> list[dict[str, Any]]:
    """`show lldp neighbors interface NAME`: NAPALM's detail entries."""
    found: list[dict[str, Any]] = []
    for block in blocks(text, "LLDP Neighbor Information:"):
        supported = field(block, r"^\s+Supported\s*:\s*(.*)$").lower().split()
        enabled = field(block, r"^\s+Enabled\s*:\s*(.*)$").lower().split()
        parent = field(block, r"^Parent Interface\s*:\s*(\S+)")
        found.append(
            {
                "parent_interface": "" if parent == "-" else parent,
                "remote_port": field(block, r"^Port ID\s*:\s*(.*)$"),
                "remote_chassis_id": napalm_mac(field(block, r"^Chassis ID\s*:\s*(\S+)")),
                "remote_port_description": field(block, r"^Port description\s*:\s*(.*)$"),
                "remote_system_name": field(block, r"^System name\s*:\s*(.*)$"),
                "remote_system_description": field(block, r"^System Description\s*:\s*(.*)$"),
                "remote_system_capab": [c for c in supported if c != "none"],
                "remote_system_enable_capab": [c for c in enabled if c != "none"],
            }
        )
    return found


def bgp(summary: str, neighbors: str, router_id: str) -> dict[str, dict[str, Any]]:
    """`show bgp summary` (uptimes) and `show bgp neighbor`: NAPALM's BGP table per VRF."""
    uptimes: dict[str, int] = {}
    for line in summary.splitlines():
        m = re.match(r"(\d+\.\d+\.\d+\.\d+)\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+(.+?)\s+(\S+)$", line)
        if m:
            uptimes[m.group(1)] = seconds(m.group(2))
    result: dict[str, dict[str, Any]] = {}
    for block in blocks(neighbors, "Peer: "):
        head = re.match(r"Peer: ([\d.]+)\S* AS (\d+) Local: \S+ AS (\d+)", block)
        if head is None:
            continue
        address = head.group(1)
        instance = field(block, r"Routing-Instance: (\S+)", "master")
        up = field(block, r"State: (\w+)") == "Established"
        counts = {
            "received_prefixes": int(field(block, r"Received prefixes:\s*(\d+)", "0")),
            "accepted_prefixes": int(field(block, r"Accepted prefixes:\s*(\d+)", "0")),
            "sent_prefixes": int(field(block, r"Advertised prefixes:\s*(\d+)", "0")),
        }
        vrf = "global" if instance == "master" else instance
        table = result.setdefault(vrf, {"router_id": router_id, "peers": {}})
        table["peers"][address] = {
            "local_as": int(head.group(3)),
            "remote_as": int(head.group(2)),
            "remote_id": field(block, r"Peer ID: (\S+)", "0.0.0.0"),
            "is_up": up,
            "is_enabled": True,
            "description": field(block, r"^  Description: (.*)$"),
            "uptime": max(0, uptimes.get(address, 0)) if up else 0,
            "address_family": {"ipv4": counts},
        }
    return result


def mac_table(vlans: str, table: str) -> list[dict[str, Any]]:
    """`show vlans` (names to tags) and `show ethernet-switching table`."""
    tags: dict[str, int] = {}
    for line in vlans.splitlines():
        m = re.match(r"\S+\s+(\S+)\s+(\d+)\s*$", line)
        if m:
            tags[m.group(1)] = int(m.group(2))
    found: list[dict[str, Any]] = []
    for line in table.splitlines():
        m = re.match(r"\s+(\S+)\s+([0-9a-f:]{17})\s+(\S+)\s+\S+\s+(\S+)", line)
        if m is None:
            continue
        found.append(
            {
                "mac": napalm_mac(m.group(2)),
                "interface": m.group(4),
                "vlan": tags.get(m.group(1), 0),
                "static": "S" in m.group(3),
                "active": True,
                "moves": 0,
                "last_move": 0.0,
            }
        )
    return found


def ospf_neighbors(detail: str) -> list[OspfNeighborDict]:
    """`show ospf neighbor detail` (the area is on the line under each neighbor)."""
    found: list[OspfNeighborDict] = []
    entry: OspfNeighborDict | None = None
    for line in detail.splitlines():
        m = re.match(r"(\d+\.\d+\.\d+\.\d+)\s+(\S+)\s+(\S+)\s+(\d+\.\d+\.\d+\.\d+)\s", line)
        if m:
            entry = {
                "neighbor_id": m.group(4),
                "address": m.group(1),
                "interface": m.group(2),
                "area": "",
                "state": m.group(3).lower(),
            }
            found.append(entry)
            continue
        area = re.match(r"\s+Area (\S+),", line)
        if area and entry is not None:
            entry["area"] = area.group(1)
    return found


def route_summary(text: str) -> dict[str, int]:
    """`show route summary`: active routes per protocol in the global table (`inet.0`)."""
    summary: dict[str, int] = {}
    table = ""
    for line in text.splitlines():
        head = re.match(r"(\S+): \d+ destinations", line)
        if head:
            table = head.group(1)
            continue
        m = re.match(r"\s+(\S+):\s+\d+ routes,\s+(\d+) active", line)
        if m and table == "inet.0" and m.group(1) in PROTOCOLS and int(m.group(2)):
            summary[PROTOCOLS[m.group(1)]] = int(m.group(2))
    return summary

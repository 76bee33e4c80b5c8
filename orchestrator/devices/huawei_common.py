"""What the Huawei VRP5 and VRP8 drivers share: the CLI as data and the NAPALM getters.

Getters read `display` output with ntc-templates where a template exists (version, interface,
interface brief, LLDP neighbors, BGP peers, routing table verbose, ARP, MAC) and with the few
regexes below where none does (ESN, the BGP header and peer detail, OSPF peers). Addresses come
from the running config read by cutover's own parser (`orchestrator.syntax`): `display
interface` shows only the primary address.

Tables print short interface names (`GE0/0/1`); `Names` turns them back into the box's own
full names, learned from `display interface brief`.
"""

from __future__ import annotations

import re
from ipaddress import IPv4Interface
from typing import Any, ClassVar

from napalm.base.helpers import mac as napalm_mac

from orchestrator import ports
from orchestrator.devices._configdiff import ConfigDialect
from orchestrator.devices.base import CutoverDriver, OspfNeighborDict
from orchestrator.devices.templates import parse_output
from orchestrator.errors import DeviceError
from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.platforms.huawei_vrp import HuaweiVrp
from orchestrator.model import DeviceConfig
from orchestrator.syntax import get_platform

#: the short type names VRP prints in its tables, and their full spelling
SHORT_TYPES: dict[str, str] = {
    "GE": "GigabitEthernet",
    "XGE": "XGigabitEthernet",
    "Eth": "Ethernet",
}

#: `display ip routing-table` protocol words -> NAPALM's
PROTOCOLS: dict[str, str] = {
    "Direct": "connected",
    "Static": "static",
    "OSPF": "ospf",
    "O_ASE": "ospf",
    "O_NSSA": "ospf",
    "EBGP": "bgp",
    "IBGP": "bgp",
    "ISIS": "isis",
    "RIP": "rip",
}

ARP_AGING_MINUTES = 20  # VRP's EXPIRE(M) counts down from it

_UNITS = {"week": 604800, "day": 86400, "hour": 3600, "minute": 60, "second": 1}


def uptime_seconds(text: str) -> float:
    """'1 week, 1 day, 2 hours, 26 minutes' -> seconds."""
    total = 0
    for count, unit in re.findall(r"(\d+)\s+(week|day|hour|minute|second)s?", text):
        total += int(count) * _UNITS[unit]
    return float(total)


def updown_seconds(text: str) -> int:
    """BGP's Up/Down column ('00:17:49', '626h43m', '2d03h') in seconds; -1 if unreadable."""
    hms = re.fullmatch(r"(\d+):(\d+):(\d+)", text)
    if hms:
        h, m, s = (int(x) for x in hms.groups())
        return h * 3600 + m * 60 + s
    hm = re.fullmatch(r"(\d+)h(\d+)m", text)
    if hm:
        return int(hm.group(1)) * 3600 + int(hm.group(2)) * 60
    dh = re.fullmatch(r"(\d+)d(\d+)h", text)
    if dh:
        return int(dh.group(1)) * 86400 + int(dh.group(2)) * 3600
    return -1


class Names:
    """Full interface names from the short ones VRP's tables print, for one box."""

    def __init__(self, platform: str, known: list[str]) -> None:
        self.platform = platform
        self._by_key = {self._key(name): name for name in known}

    @staticmethod
    def _key(name: str) -> str:
        m = re.match(r"([A-Za-z-]+)(.*)", name.replace(" ", ""))
        if m is None:
            return name.lower()
        kind, number = m.groups()
        return (SHORT_TYPES.get(kind, kind) + number).lower()

    def full(self, name: str) -> str:
        found = self._by_key.get(self._key(name))
        if found is not None:
            return found
        return ports.canonical_name(self.platform, name)


#: how VRP takes a line back: its `undo` form names the setting, not the value it had
UNDO_FORMS: tuple[tuple[str, str], ...] = (
    (r"description .*", "undo description"),
    (r"port link-type \S+", "undo port link-type"),
    (r"port default vlan \d+", "undo port default vlan"),
    (r"eth-trunk \d+", "undo eth-trunk"),
    (r"mtu \d+", "undo mtu"),
    (r"router-id \S+", "undo router-id"),
    (r"ospf cost \d+", "undo ospf cost"),
    (r"peer (\S+) as-number \S+", r"undo peer \1"),
    (r"peer (\S+) description .*", r"undo peer \1 description"),
    (r"sysname \S+", "undo sysname"),
)


#: the lines that open a view (`interface X`, `bgp N`, `ip vpn-instance V`, ...): one place
#: holds VRP's views, the persona's sections
VIEWS = tuple(s.pattern for s in HuaweiVrp.sections)


class HuaweiDialect(ConfigDialect):
    """VRP's config text: `undo` forms without the old value, a physical port's config cleared
    line by line (`undo interface GigabitEthernet0/0/1` is refused: a port cannot be deleted),
    and views left even when nothing is entered in them (`interface LoopBack5` alone)."""

    def _enter_all(self, block: Block, out: list[str]) -> None:
        super()._enter_all(block, out)
        if not block.children and any(v.fullmatch(block.text) for v in VIEWS):
            out.append(self.up)

    def negate(self, line: str) -> str:
        for pattern, form in UNDO_FORMS:
            m = re.fullmatch(pattern, line)
            if m:
                return m.expand(form)
        return super().negate(line)

    def replace_commands(self, running: ConfigTree, target: ConfigTree) -> list[str]:
        present = {block.text for block in target.root.children}
        kept = ConfigTree(root=Block("", [*target.root.children]), replace_keys=target.replace_keys)
        for block in running.root.children:
            if block.text not in present and _physical_port(block.text):
                kept.root.children.append(Block(block.text))  # emptied, not deleted
        return super().replace_commands(running, kept)


def _physical_port(header: str) -> bool:
    m = re.fullmatch(r"interface (\S+)", header)
    if m is None or "." in m.group(1):
        return False
    return ports.interface_kind("huawei_vrp", m.group(1)) == "ethernet" or bool(
        re.match(r"(\d+GE|GE|XGE|MultiGE)\d", m.group(1))
    )


class HuaweiDriver(CutoverDriver):
    """The Huawei CLI as data and the getters; VRP5 and VRP8 add their config life cycles."""

    ntc_platform: ClassVar[str] = "huawei_vrp"
    exec_prompt: ClassVar[str] = r"^<[^<>\s]+>\s*$"
    #: `[HOST]`, `[HOST-GigabitEthernet0/0/1]`, and VRP8's `[~HOST]` / `[*HOST-view]`
    config_prompt: ClassVar[str] = r"^\[[~*]?[^\[\]\s]+\]\s*$"
    error_patterns: ClassVar[tuple[str, ...]] = (r"^Error:.*$",)
    questions: ClassVar[tuple[str, ...]] = (r"\(y/n\)\[n\]:\s*$", r"\[Y/N\]:\s*$")
    config_enter: ClassVar[str] = "system-view"
    config_exit: ClassVar[str] = "return"
    config_up: ClassVar[str] = "quit"
    logout: ClassVar[str] = "quit"
    negation: ClassVar[str] = "undo"
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"sysname ",
        r"ip address (?=\S+ \S+$)",  # one primary address: a new one replaces it
        r"mtu ",
        r"router-id ",
        r"port link-type ",
        r"port default vlan ",
        r"peer \S+ as-number ",
    )
    #: VRP8 heads its config with `!Software Version ...` / `!Last configuration was ...`
    config_comments: ClassVar[tuple[str, ...]] = (r"!",)
    dialect_class: ClassVar[type[ConfigDialect]] = HuaweiDialect
    running_config_command: ClassVar[str] = "display current-configuration"
    startup_config_command: ClassVar[str] = "display saved-configuration"

    # -- helpers ------------------------------------------------------------------------------
    def names(self) -> Names:
        known = [row["interface"] for row in self.parse("display interface brief")]
        return Names(self.platform, known)

    def config_model(self) -> DeviceConfig:
        """The running config as cutover's own parser reads it."""
        parsed = get_platform(self.platform).parse(self.running_config(), path=self.hostname)
        return parsed.config

    # -- getters ------------------------------------------------------------------------------
    def get_facts(self) -> dict[str, Any]:
        found = self.parse("display version")
        if not found:
            raise DeviceError(self.hostname, "`display version` said nothing cutover can read")
        version = found[0]
        esn = re.search(r"ESN of \S+(?: \S+)?:\s*(\S+)", self.send("display esn"))
        sysname = re.search(
            r"^sysname (\S+)", self.send("display current-configuration | include ^sysname"), re.M
        )
        hostname = sysname.group(1) if sysname else self._session().base_prompt
        return {
            "hostname": hostname,
            "fqdn": hostname,
            "vendor": "Huawei",
            "model": version["model"],
            "os_version": f"{version['vrp_version']} ({version['product_version']})",
            "serial_number": esn.group(1) if esn else "",
            "uptime": uptime_seconds(version["uptime"]),
            "interface_list": [row["interface"] for row in self.parse("display interface brief")],
        }

    def get_interfaces(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for row in self.parse("display interface"):
            status = row["link_status"]
            speed = float(row["speed"]) if row["speed"].isdigit() else 0.0
            out[row["interface"]] = {
                "is_up": status == "UP",
                "is_enabled": "Administratively" not in status,
                "description": row["interface_description"],
                "last_flapped": -1.0,
                "mtu": int(row["mtu"]) if row["mtu"].isdigit() else 0,
                "speed": speed,
                "mac_address": napalm_mac(row["mac_address"]) if row["mac_address"] else "",
            }
        return out

    def get_interfaces_ip(self) -> dict[str, dict[str, dict[str, dict[str, int]]]]:
        out: dict[str, dict[str, dict[str, dict[str, int]]]] = {}
        for name, ifc in self.config_model().interfaces.items():
            addresses: list[IPv4Interface] = [a.address for a in ifc.ipv4]
            if addresses:
                out[name] = {
                    "ipv4": {str(a.ip): {"prefix_length": a.network.prefixlen} for a in addresses}
                }
        return out

    def get_lldp_neighbors(self) -> dict[str, list[dict[str, str]]]:
        return {
            port: [{"hostname": n["remote_system_name"], "port": n["remote_port"]} for n in found]
            for port, found in self.get_lldp_neighbors_detail().items()
        }

    def get_lldp_neighbors_detail(self, interface: str = "") -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for row in self.parse_lists("display lldp neighbor"):
            name = str(row["neighbor_name"])
            local = str(row["local_interface"])
            if not name or (interface and local != interface):
                continue
            description = row["neighbor_description"]
            out.setdefault(local, []).append(
                {
                    "parent_interface": "",
                    "remote_port": str(row["neighbor_port_id"]),
                    "remote_chassis_id": napalm_mac(str(row["chassis_id"])),
                    "remote_port_description": str(row["neighbor_interface"]),
                    "remote_system_name": name,
                    "remote_system_description": (
                        "\n".join(description) if isinstance(description, list) else description
                    ),
                    "remote_system_capab": str(row["system_capabilities_supported"]).split(),
                    "remote_system_enable_capab": str(row["capabilities"]).split(),
                }
            )
        return out

    def get_bgp_neighbors(self) -> dict[str, dict[str, Any]]:
        output = self.send("display bgp peer")
        if not output.strip():
            return {}
        router_id = re.search(r"router ID\s*:\s*(\S+)", output, re.I)
        local_as = re.search(r"Local AS number\s*:\s*(\S+)", output, re.I)
        if router_id is None or local_as is None:
            raise DeviceError(self.hostname, "`display bgp peer` has no router ID or local AS")
        rows = self.parse_text("display bgp peer", output)
        peers: dict[str, Any] = {}
        for row in rows:
            detail = self.send(f"display bgp peer {row['peer']} verbose")
            established = row["state"] == "Established"
            remote_id = re.search(r"Remote router ID (\S+)", detail)
            sent = re.search(r"Advertised total routes:\s*(\d+)", detail)
            description = re.search(r"Peer's description:\s*\"(.*)\"", detail)
            received = int(row["pref_rcvd"])
            peers[row["peer"]] = {
                "local_as": _asn(local_as.group(1)),
                "remote_as": _asn(row["asn"]),
                "remote_id": remote_id.group(1) if remote_id else "0.0.0.0",
                "is_up": established,
                "is_enabled": row["state"] != "Idle(Admin)",
                "description": description.group(1) if description else "",
                "uptime": updown_seconds(row["up_down"]) if established else -1,
                "address_family": {
                    "ipv4": {
                        "received_prefixes": received,
                        "accepted_prefixes": received,
                        "sent_prefixes": int(sent.group(1)) if sent else -1,
                    }
                },
            }
        return {"global": {"router_id": router_id.group(1), "peers": peers}}

    def parse_text(self, command: str, output: str) -> list[dict[str, str]]:
        """Read ``output`` (already sent) with the template of ``command``."""
        rows: list[dict[str, str]] = parse_output(
            platform=self.ntc_platform, command=command, data=output
        )
        return rows

    def get_ospf_neighbors(self) -> list[OspfNeighborDict]:
        """From `display ospf peer`: each neighbor under its area/interface heading."""
        out: list[OspfNeighborDict] = []
        area = interface = ""
        neighbor_id = address = ""
        for line in self.send("display ospf peer").splitlines():
            heading = re.match(r"\s*Area (\S+) interface \S+\s*\(\s*(\S+?)\s*\)'s neighbors", line)
            if heading:
                area, interface = heading.groups()
                continue
            ident = re.match(r"\s*Router ID:\s*(\S+)\s+Address:\s*(\S+)", line)
            if ident:
                neighbor_id, address = ident.groups()
                continue
            state = re.match(r"\s*State:\s*(\S+)", line)
            if state and neighbor_id:
                out.append(
                    {
                        "neighbor_id": neighbor_id,
                        "address": address,
                        "interface": interface,
                        "area": area,
                        "state": state.group(1).lower(),
                    }
                )
                neighbor_id = ""
        return out

    def get_arp_table(self, vrf: str = "") -> list[dict[str, Any]]:
        names = self.names()
        out: list[dict[str, Any]] = []
        for row in self.parse("display arp all"):
            if vrf and row["vpn_instance"] != vrf:
                continue
            expire = row["expire"]
            age = (ARP_AGING_MINUTES - int(expire)) * 60.0 if expire.isdigit() else 0.0
            out.append(
                {
                    "interface": names.full(row["interface"]),
                    "mac": napalm_mac(row["mac_address"]),
                    "ip": row["ip_address"],
                    "age": age,
                }
            )
        return out

    def get_mac_address_table(self) -> list[dict[str, Any]]:
        names = self.names()
        return [
            {
                "mac": napalm_mac(row["destination_address"]),
                "interface": names.full(row["destination_port"]),
                "vlan": int(row["vlan_id"]),
                "static": row["type"] == "static",
                "active": True,
                "moves": -1,
                "last_move": -1.0,
            }
            for row in self.parse("display mac-address")
        ]

    def get_route_summary(self) -> dict[str, int]:
        """Prefixes per protocol from `display ip routing-table verbose` (its template);
        a Direct route to the box itself (next hop 127.0.0.1) counts as "local"."""
        command = "display ip routing-table verbose"
        # the template knows VRP5's table header only; VRP8 names the table `_public_`
        output = re.sub(
            r"^Routing Table\s*:\s*_public_\s*$",
            "Routing Tables: Public",
            self.send(command),
            flags=re.M,
        )
        seen: dict[str, set[str]] = {}
        for row in self.parse_text(command, output):
            protocol = PROTOCOLS.get(row["protocol"], row["protocol"].lower())
            if protocol == "connected" and row["next_hop"] == "127.0.0.1":
                protocol = "local"
            seen.setdefault(protocol, set()).add(row["destination"])
        return {protocol: len(prefixes) for protocol, prefixes in seen.items() if prefixes}


def _asn(text: str) -> int:
    """'65001' or asdot '635.88' as an integer."""
    if "." in text:
        high, low = text.split(".", 1)
        return int(high) * 65536 + int(low)
    return int(text)

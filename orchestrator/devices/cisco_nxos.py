"""The Cisco NX-OS driver (CLI, on Netmiko `cisco_nxos`): getters from `show` commands read with
ntc-templates, and the config life cycle on NX-OS checkpoints.

- Changes apply at once (no candidate on the box): the driver holds the candidate and enters it
  (a merge: its lines; a replace: the difference, negated lines first) with `CutoverDriver`'s
  generic life cycle, then `copy running-config startup-config`.
- Before every commit the driver takes the checkpoint ``cutover-rollback`` (replacing an older
  one of that name); `rollback` is `rollback running-config checkpoint cutover-rollback`, so a
  new session can roll back too (``native_rollback``).
- NX-OS has no commit-confirm timer for CLI changes: ``commit_config(revert_in=...)`` and
  `confirm_commit` raise `UnsupportedOperation` (no ``commit_confirm`` capability).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from napalm.base.helpers import mac as napalm_mac
from napalm.base.helpers import transform_lldp_capab

from orchestrator.devices.base import Capability, CutoverDriver, OspfNeighborDict
from orchestrator.devices.templates import parse_output
from orchestrator.errors import DeviceError, UnsupportedOperation

CHECKPOINT = "cutover-rollback"

#: NX-OS short interface names (tables) -> the full names of `show interface`
LONG_NAMES = (("Eth", "Ethernet"), ("Po", "port-channel"), ("Lo", "loopback"))

_REMOTE_ID = r"BGP neighbor is (\S+),[^\n]*\n(?:.*\n)*?\s+BGP version 4, remote router ID (\S+)"

#: `show ip route` protocol names (before any `-process`) in NAPALM's words
PROTOCOLS = {"direct": "connected", "local": "local", "static": "static", "hsrp": "hsrp"}


def long_name(name: str) -> str:
    """`Eth1/1` -> `Ethernet1/1` (NX-OS tables abbreviate, `show interface` does not).

    >>> long_name("Eth1/1"), long_name("Po10"), long_name("Vlan30")
    ('Ethernet1/1', 'port-channel10', 'Vlan30')
    """
    for short, full in LONG_NAMES:
        if name.startswith(short) and name[len(short) : len(short) + 1].isdigit():
            return full + name[len(short) :]
    return name


def age_seconds(text: str) -> int:
    """NX-OS ages: `00:14:23`, `1d02h`, `2w3d`, `1y4w`; -1 for `never` or anything else.

    >>> age_seconds("00:14:23"), age_seconds("1d02h"), age_seconds("never")
    (863, 93600, -1)
    """
    hms = re.fullmatch(r"(\d+):(\d+):(\d+)", text)
    if hms:
        h, m, s = (int(x) for x in hms.groups())
        return h * 3600 + m * 60 + s
    units = {"y": 31536000, "w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}
    parts = re.findall(r"(\d+)([ywdhms])", text)
    if parts and "".join(n + u for n, u in parts) == text:
        return sum(int(n) * units[u] for n, u in parts)
    return -1


def uptime_seconds(text: str) -> int:
    """`60 day(s), 17 hour(s), 26 minute(s), 51 second(s)` in seconds."""
    units = {"day": 86400, "hour": 3600, "minute": 60, "second": 1}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+) (day|hour|minute|second)", text))


class CiscoNxosDriver(CutoverDriver):
    platform: ClassVar[str] = "cisco_nxos"
    netmiko_device_type: ClassVar[str] = "cisco_nxos"
    ntc_platform: ClassVar[str] = "cisco_nxos"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {"candidate", "replace", "native_rollback"}
    )
    exec_prompt: ClassVar[str] = r"^[\w.\-/:@]+#\s*$"
    config_prompt: ClassVar[str] = r"^[\w.\-/:@]+\(config[\w.\-/]*\)#\s*$"
    error_patterns: ClassVar[tuple[str, ...]] = (
        r"^% (?:Invalid|Incomplete|Ambiguous) .*$",
        r"^ERROR: .*$",
    )
    config_indent: ClassVar[int] = 2
    config_comments: ClassVar[tuple[str, ...]] = (
        r"!Command:",
        r"!Running configuration",
        r"!Time:",
        r"!Startup config saved",
    )
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"hostname ",
        r"ip address (?=\S+$)",
        r"mtu ",
        r"speed ",
        r"duplex ",
        r"name ",
        r"router-id ",
        r"remote-as ",
        r"switchport mode ",
        r"switchport access vlan ",
        r"priority ",
    )

    # -- getters ----------------------------------------------------------------------------
    def _config_tree(self) -> Any:
        return self.dialect.tree(self.running_config())

    def get_facts(self) -> dict[str, Any]:
        [version] = self.parse("show version")
        domain = ""
        for line in self.send("show running-config | include ip domain-name").splitlines():
            if line.startswith("ip domain-name "):
                domain = line.split()[-1]
        hostname = version["hostname"]
        return {
            "hostname": hostname,
            "fqdn": f"{hostname}.{domain}" if domain else hostname,
            "vendor": "Cisco",
            "model": version["platform"],
            "serial_number": version["serial"],
            "os_version": version["os"],
            "uptime": float(uptime_seconds(version["uptime"])),
            "interface_list": [row["interface"] for row in self.parse("show interface")],
        }

    def get_interfaces(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for row in self.parse("show interface"):
            bandwidth = row["bandwidth"].split()
            speed = float(bandwidth[0]) / 1000 if bandwidth else 0.0
            found[row["interface"]] = {
                "is_up": row["link_status"].startswith("up"),
                "is_enabled": row["admin_state"] == "up",
                "description": row["description"],
                "last_flapped": -1.0,
                "mtu": int(row["mtu"] or 0),
                "speed": speed,
                "mac_address": napalm_mac(row["mac_address"]) if row["mac_address"] else "",
            }
        return found

    def get_interfaces_ip(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for row in self.parse("show interface"):
            if row["ip_address"]:
                length = int(row["prefix_length"])
                found[row["interface"]] = {"ipv4": {row["ip_address"]: {"prefix_length": length}}}
        return found

    def get_lldp_neighbors(self) -> dict[str, list[dict[str, str]]]:
        found: dict[str, list[dict[str, str]]] = {}
        for row in self.parse("show lldp neighbors detail"):
            entry = {"hostname": row["neighbor_name"], "port": row["neighbor_interface"]}
            found.setdefault(long_name(row["local_interface"]), []).append(entry)
        return found

    def get_lldp_neighbors_detail(self, interface: str = "") -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for row in self.parse("show lldp neighbors detail"):
            local = long_name(row["local_interface"])
            if interface and local != interface:
                continue
            caps = row["capabilities"].replace(" ", "")
            found.setdefault(local, []).append(
                {
                    "parent_interface": "",
                    "remote_port": row["neighbor_interface"],
                    "remote_port_description": "",
                    "remote_chassis_id": napalm_mac(row["chassis_id"]),
                    "remote_system_name": row["neighbor_name"],
                    "remote_system_description": row["neighbor_description"],
                    "remote_system_capab": transform_lldp_capab(caps),
                    "remote_system_enable_capab": transform_lldp_capab(caps),
                }
            )
        return found

    def get_bgp_neighbors(self) -> dict[str, Any]:
        output = self.send("show ip bgp summary")
        if "BGP summary information" not in output:
            return {}  # no BGP process on the box
        summary = self.parse_text("show ip bgp summary", output)
        if not summary:
            return {}
        raw = self.send("show ip bgp neighbors")
        details = {row["neighbor"]: row for row in self.parse_text("show ip bgp neighbors", raw)}
        remote_ids = dict(re.findall(_REMOTE_ID, raw))
        peers: dict[str, Any] = {}
        for row in summary:
            address = row["bgp_neigh"]
            detail = details.get(address, {})
            state = row["state_pfxrcd"]
            up = state.isdigit()
            received = int(state) if up else -1
            sent = int(detail.get("sent_paths") or -1) if up else -1
            peers[address] = {
                "local_as": int(row["local_as"]),
                "remote_as": int(row["neigh_as"]),
                "remote_id": remote_ids.get(address, "0.0.0.0"),
                "is_up": up,
                "is_enabled": "Admin" not in state,
                "description": str(detail.get("description", "")),
                "uptime": age_seconds(row["up_down"]) if up else -1,
                "address_family": {
                    "ipv4": {
                        "received_prefixes": received,
                        "accepted_prefixes": received,
                        "sent_prefixes": sent,
                    }
                },
            }
        return {"global": {"router_id": summary[0]["router_id"], "peers": peers}}

    def parse_text(self, command: str, output: str) -> list[dict[str, str]]:
        """Read ``output`` (of ``command``) with ntc-templates, list fields joined."""
        rows: list[dict[str, Any]] = parse_output(
            platform=self.ntc_platform, command=command, data=output
        )
        return [
            {k: " ".join(v) if isinstance(v, list) else v for k, v in row.items()} for row in rows
        ]

    def get_arp_table(self, vrf: str = "") -> list[dict[str, Any]]:
        if vrf:
            raise UnsupportedOperation(self.hostname, "get_arp_table: the default VRF only")
        return [
            {
                "interface": row["interface"],
                "mac": napalm_mac(row["mac_address"]),
                "ip": row["ip_address"],
                "age": float(age_seconds(row["age"])),
            }
            for row in self.parse("show ip arp")
        ]

    def get_mac_address_table(self) -> list[dict[str, Any]]:
        return [
            {
                "mac": napalm_mac(row["mac_address"]),
                "interface": long_name(row["ports"]),
                "vlan": int(row["vlan_id"]),
                "static": row["type"] == "static",
                "active": True,
                "moves": -1,
                "last_move": -1.0,
            }
            for row in self.parse("show mac address-table")
            if row["vlan_id"].isdigit()
        ]

    def get_ospf_neighbors(self) -> list[OspfNeighborDict]:
        areas: dict[str, str] = {}
        for block in self._config_tree().root.children:
            if not block.text.startswith("interface "):
                continue
            for child in block.children:
                m = re.match(r"ip router ospf \S+ area (\S+)", child.text)
                if m:
                    areas[block.text.split()[1]] = m.group(1)
        return [
            OspfNeighborDict(
                neighbor_id=row["neighbor_id"],
                address=row["ip_address"],
                interface=long_name(row["interface"]),
                area=areas.get(long_name(row["interface"]), ""),
                state=row["state"].split("/")[0].lower(),
            )
            for row in self.parse("show ip ospf neighbors")
        ]

    def get_route_summary(self) -> dict[str, int]:
        prefixes: dict[str, set[str]] = {}
        for row in self.parse("show ip route"):
            name = row["protocol"].split("-")[0]
            protocol = PROTOCOLS.get(name, name)
            prefixes.setdefault(protocol, set()).add(f"{row['network']}/{row['prefix_length']}")
        return {protocol: len(found) for protocol, found in prefixes.items()}

    # -- the config life cycle on checkpoints -------------------------------------------------
    def backup_running(self) -> str:
        """Take the checkpoint a rollback returns to (NX-OS keeps names unique: the old one of
        the same name goes first)."""
        self._exchange(f"no checkpoint {CHECKPOINT}", self.exec_prompt)
        self.send(f"checkpoint {CHECKPOINT}")
        return self.running_config()

    def rollback(self) -> None:
        """Back to the checkpoint taken before the last commit (by any session)."""
        summary = self._exchange("show checkpoint summary", self.exec_prompt)
        if f") {CHECKPOINT}:" not in summary:
            raise UnsupportedOperation(
                self.hostname, f"nothing to roll back: no checkpoint {CHECKPOINT} on the box"
            )
        output = self.send(f"rollback running-config checkpoint {CHECKPOINT}")
        if "Rollback completed successfully" not in output:
            raise DeviceError(self.hostname, f"the rollback did not complete: {output.strip()}")
        self.save()
        self._backup = None

"""The ZTE ZXROS NG driver: NAPALM getters from `show` commands (ntc-templates where one exists)
and a saved-file based config life cycle.

ZXROS applies each configuration line at once (its default `commit-mode automatic`), so the
driver holds the candidate and enters the difference (`CutoverDriver`'s generic life cycle),
with one change of order: the saved configuration is the restore point.

- Before entering a change, `write` saves the running configuration (the startup file is then
  the config before the change); the change itself is not written.
- `rollback` reads the saved configuration back (`show startup-config`) and enters the
  difference, so a new session can roll back too (``native_rollback``): the box holds the file.
- `save` writes the running configuration when the change has been checked and is to stay;
  until then a reload also brings the box back to the config before the change.
- No commit timer (``commit_confirm`` absent): ZXROS NG has rollback points
  (`rollback-configuration`, off by default) but no confirmed commit.

Not checked on a real box: the name `show startup-config`, and the layouts of `show ip bgp
summary`, `show ip ospf neighbor`, `show ip route`, `show mac` (read here with this module's
own patterns, matching the lab's output).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from napalm.base.helpers import mac as napalm_mac

from orchestrator.devices._configdiff import unified_diff
from orchestrator.devices.base import Capability, CutoverDriver, OspfNeighborDict
from orchestrator.errors import DeviceError
from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.model import DeviceConfig
from orchestrator.syntax import get_platform

#: `show ip route` owners in NAPALM's words
OWNERS = {"direct": "connected", "address": "local", "static": "static", "ospf": "ospf"}


def _hms(text: str) -> int:
    """`00:14:17` in seconds; `1d09h`-style days and hours too; -1 if neither."""
    hms = re.fullmatch(r"(\d+):(\d+):(\d+)", text)
    if hms:
        h, m, s = (int(x) for x in hms.groups())
        return h * 3600 + m * 60 + s
    dh = re.fullmatch(r"(\d+)d(\d+)h", text)
    if dh:
        return (int(dh.group(1)) * 24 + int(dh.group(2))) * 3600
    return -1


def _paths(tree: ConfigTree) -> set[tuple[str, ...]]:
    """Every line with the headers above it: ZXROS orders its sections itself, so two
    configs are the same when they hold the same lines under the same views."""
    found: set[tuple[str, ...]] = set()

    def walk(path: tuple[str, ...], block: Block) -> None:
        for child in block.children:
            found.add((*path, child.text))
            walk((*path, child.text), child)

    walk((), tree.root)
    return found


def _ospf_areas(config: DeviceConfig) -> dict[str, str]:
    """Interface -> its OSPF area: set on the interface, or the area whose `network`
    statements hold one of its addresses (`show ip ospf neighbor` names no area)."""
    out: dict[str, str] = {}
    for ifc in config.interfaces.values():
        if ifc.ospf is not None and ifc.ospf.area is not None:
            out[ifc.name] = ifc.ospf.area
            continue
        for process in config.ospf.values():
            for area in process.areas.values():
                if any(a.address.ip in net for a in ifc.ipv4 for net in area.networks):
                    out.setdefault(ifc.name, area.area)
    return out


class ZteZxrosDriver(CutoverDriver):
    platform: ClassVar[str] = "zte_zxros"
    netmiko_device_type: ClassVar[str] = "zte_zxros"
    ntc_platform: ClassVar[str] = "zte_zxros"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {"candidate", "replace", "native_rollback"}
    )
    exec_prompt: ClassVar[str] = r"^[\w.\-/:@]+#\s*$"
    config_prompt: ClassVar[str] = r"^[\w.\-/:@]+\(config[^)]*\)#\s*$"
    error_patterns: ClassVar[tuple[str, ...]] = (r"^%Error \d+: .*$",)
    config_enter: ClassVar[str] = "configure terminal"
    config_exit: ClassVar[str] = "end"
    config_up: ClassVar[str] = "exit"
    #: reading up to the prompt pattern is enough; waiting for the echo first costs a read
    cmd_verify: ClassVar[bool] = False
    negation: ClassVar[str] = "no"
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"hostname ",
        r"ip address (?=\S+ \S+$)",  # one primary address: a new one replaces it
        r"mtu ",
        r"router-id ",
        r"bgp router-id ",
        r"neighbor \S+ remote-as ",
        r"switchport mode ",
        r"switchport access vlan ",
    )
    #: section markers, `$` and the `!<mim>` header lines are not configuration
    config_comments: ClassVar[tuple[str, ...]] = (r"!", r"\$$")
    config_indent: ClassVar[int] = 2
    running_config_command: ClassVar[str] = "show running-config"
    startup_config_command: ClassVar[str] = "show startup-config"

    # -- config life cycle ------------------------------------------------------------------
    def save(self) -> str:
        output = self._exchange("write", self.exec_prompt)
        if "[OK]" not in output:
            raise DeviceError(self.hostname, f"`write` failed: {output.strip()}")
        return output

    def backup_running(self) -> str:
        """Write the running config (the saved file is the restore point); its text."""
        self.save()
        return self.running_config()

    def commit_config(self, message: str = "", revert_in: int | None = None) -> None:
        """The generic commit, less its final save: the saved config stays the restore point
        until `save` (see the module docstring)."""
        self.require("candidate", "commit a candidate")
        if revert_in is not None:
            self.require("commit_confirm", f"commit with an automatic revert ({revert_in} s)")
        if self._candidate is None:
            raise DeviceError(self.hostname, "nothing to commit", hint="load a candidate first")
        running = self.backup_running()
        self._backup = running
        candidate = self.dialect.tree(self._candidate)
        if self._replace:
            commands = self.dialect.replace_commands(self.dialect.tree(running), candidate)
        else:
            commands = self.dialect.merge_commands(candidate)
        if commands:
            try:
                self.push(commands)
            except DeviceError as exc:
                raise DeviceError(
                    self.hostname,
                    f"commit failed: {exc.message.removeprefix(self.hostname + ': ')}",
                    hint="the lines before it are in the running config: rollback() restores "
                    "the saved config",
                ) from exc
        self._candidate = None

    def compare_config(self) -> str:
        """The generic diff, with a replace candidate's views put in the running config's
        order first: ZXROS sorts its sections itself, and order alone is no change."""
        self.require("candidate", "compare a candidate")
        if self._candidate is None or not self._replace:
            return super().compare_config()
        running = self.dialect.tree(self.running_config())
        candidate = self.dialect.tree(self._candidate)
        order = {b.text: i for i, b in enumerate(running.root.children)}
        candidate.root.children.sort(key=lambda b: order.get(b.text, len(order)))
        return unified_diff(self.dialect.text(running), self.dialect.text(candidate))

    def rollback(self) -> None:
        """Enter the difference back to the saved configuration; check nothing is left."""
        saved = self.send(self.startup_config_command)
        if not self.dialect.normalise(saved).strip():
            raise DeviceError(self.hostname, "nothing to roll back to: no saved configuration")
        target = self.dialect.tree(saved)
        commands = self.dialect.replace_commands(self.dialect.tree(self.running_config()), target)
        if commands:
            self.push(commands)
        left = _paths(self.dialect.tree(self.running_config())) ^ _paths(target)
        if left:
            shown = ", ".join(" / ".join(p) for p in sorted(left)[:5])
            raise DeviceError(
                self.hostname, f"rollback left differences from the saved config: {shown}"
            )
        self._backup = None

    # -- getters ----------------------------------------------------------------------------
    def _config(self) -> DeviceConfig:
        return get_platform(self.platform).parse(self.running_config(), path=self.hostname).config

    def get_facts(self) -> dict[str, Any]:
        version = self.send("show version")
        lines = [line for line in version.splitlines() if line.strip()]
        os_version = re.search(r"Software, Version: (.+?), Release", version)
        up = re.search(r"System uptime is (\d+) day\(s\), (\d+) hour\(s\), (\d+) minute", version)
        uptime = 0.0
        if up:
            d, h, m = (int(x) for x in up.groups())
            uptime = float((d * 24 + h) * 3600 + m * 60)
        hostname = str(self._session().base_prompt)
        return {
            "hostname": hostname,
            "fqdn": hostname,
            "vendor": "ZTE",
            "model": lines[0].strip() if lines else "",
            "os_version": os_version.group(1) if os_version else "",
            "serial_number": "",  # `show version` carries none
            "uptime": uptime,
            "interface_list": [r["interface"] for r in self.parse("show interface brief")],
        }

    def get_interfaces(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for row in self.parse_lists("show interface"):
            bw = re.match(r"(\d+) (G|M)bit", str(row["bandwith"]))
            speed = float(int(bw.group(1)) * (1000 if bw.group(2) == "G" else 1)) if bw else 0.0
            mtus = row["mtu"] if isinstance(row["mtu"], list) else [row["mtu"]]
            out[str(row["interface"])] = {
                "is_enabled": row["link_status"] != "administratively down",
                "is_up": row["protocol_status"] == "up",
                "description": str(row["description"]),
                "last_flapped": -1.0,
                "mtu": int(mtus[0]) if mtus and mtus[0] else 1500,
                "speed": speed,
                "mac_address": napalm_mac(str(row["mac_address"])) if row["mac_address"] else "",
            }
        return out

    def get_interfaces_ip(self) -> dict[str, dict[str, dict[str, dict[str, int]]]]:
        out: dict[str, dict[str, dict[str, dict[str, int]]]] = {}
        for row in self.parse("show interface"):
            if re.fullmatch(r"\d+\.\d+\.\d+\.\d+", row["ip_address"]):
                length = int(row["mask"] or 32)
                out[row["interface"]] = {"ipv4": {row["ip_address"]: {"prefix_length": length}}}
        return out

    def _lldp_rows(self) -> list[tuple[str, str, str, str]]:
        """(local port, chassis, port ID, system name) from `show lldp neighbor brief`, with
        system names the table wrapped joined back."""
        rows: list[list[str]] = []
        for line in self.send("show lldp neighbor brief").splitlines():
            row = re.match(r"^(\S+)\s+(NB|NC|NTPMR)\s+(\S+)\s+(\S+)\s+\d+\s+(\S+)\s*$", line)
            if row:
                rows.append([row.group(1), row.group(3), row.group(4), row.group(5)])
            elif rows and re.match(r"^\s{40,}(\S+)\s*$", line):
                rows[-1][3] += line.strip()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def get_lldp_neighbors(self) -> dict[str, list[dict[str, str]]]:
        out: dict[str, list[dict[str, str]]] = {}
        for local, _chassis, port, name in self._lldp_rows():
            out.setdefault(local, []).append({"hostname": name, "port": port})
        return out

    def get_lldp_neighbors_detail(self, interface: str = "") -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for block in re.split(r"^-{20,}\s*$", self.send("show lldp entry"), flags=re.M):
            fields = dict(re.findall(r"^ ([A-Za-z][\w ]*?): (.*)$", block, re.M))
            local = fields.get("Local Port", "").split(" | ")[0]
            if not local or (interface and local != interface):
                continue
            caps = [c.strip().lower() for c in fields.get("System Capability", "").split(",")]
            out.setdefault(local, []).append(
                {
                    "parent_interface": "",
                    "remote_port": fields.get("Peer Port", "").split(" | ")[0],
                    "remote_chassis_id": napalm_mac(fields.get("Chassis ID", "").split(" | ")[0]),
                    "remote_port_description": fields.get("Port Description", ""),
                    "remote_system_name": fields.get("System Name", ""),
                    "remote_system_description": fields.get("System Description", ""),
                    "remote_system_capab": [c for c in caps if c],
                    "remote_system_enable_capab": [c for c in caps if c],
                }
            )
        return out

    def get_bgp_neighbors(self) -> dict[str, dict[str, Any]]:
        bgp = self._config().bgp
        if bgp is None:
            return {}
        text = self.send("show ip bgp summary")
        ident = re.search(r"BGP router identifier (\S+), local AS number (\d+)", text)
        peers: dict[str, dict[str, Any]] = {}
        for row in re.finditer(
            r"^(\d+\.\d+\.\d+\.\d+)\s+\d+\s+(\d+)\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s*$", text, re.M
        ):
            address, remote_as, updown, state = row.groups()
            neighbor = bgp.neighbors.get(address)
            up = state.isdigit()
            received = int(state) if up else 0
            peers[address] = {
                "local_as": int(ident.group(2)) if ident else int(bgp.asn),
                "remote_as": int(remote_as),
                "remote_id": "",
                "is_up": up,
                "is_enabled": not (neighbor is not None and neighbor.shutdown),
                "description": (neighbor.description if neighbor else None) or "",
                "uptime": _hms(updown),
                "address_family": {
                    "ipv4": {
                        "received_prefixes": received,
                        "accepted_prefixes": received,
                        "sent_prefixes": -1,
                    }
                },
            }
        router_id = ident.group(1) if ident else (bgp.router_id or "")
        return {"global": {"router_id": router_id, "peers": peers}}

    def get_ospf_neighbors(self) -> list[OspfNeighborDict]:
        areas = _ospf_areas(self._config())
        out: list[OspfNeighborDict] = []
        for row in re.finditer(
            r"^(\d+\.\d+\.\d+\.\d+)\s+\d+\s+(\S+)\s+\S+\s+(\d+\.\d+\.\d+\.\d+)\s+(\S+)\s*$",
            self.send("show ip ospf neighbor"),
            re.M,
        ):
            neighbor, state, address, interface = row.groups()
            out.append(
                {
                    "neighbor_id": neighbor,
                    "address": address,
                    "interface": interface,
                    "area": str(areas.get(interface, "")),
                    "state": state.split("/")[0].lower(),
                }
            )
        return out

    def get_arp_table(self, vrf: str = "") -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for row in self.parse_lists("show arp"):
            interface = row["interface"]
            out.append(
                {
                    "interface": "".join(interface) if isinstance(interface, list) else interface,
                    "mac": napalm_mac(str(row["mac_address"])),
                    "ip": str(row["address"]),
                    "age": float(max(_hms(str(row["age"])), 0)),
                }
            )
        return out

    def get_mac_address_table(self) -> list[dict[str, Any]]:
        return [
            {
                "mac": napalm_mac(row.group(1)),
                "interface": row.group(3),
                "vlan": int(row.group(2)),
                "static": row.group(4) == "Static",
                "active": True,
                "moves": -1,
                "last_move": -1.0,
            }
            for row in re.finditer(
                r"^([0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})\s+(\d+)\s+(\S+)\s+(Dynamic|Static)",
                self.send("show mac"),
                re.M,
            )
        ]

    def get_route_summary(self) -> dict[str, int]:
        seen: dict[str, set[str]] = {}
        for row in re.finditer(
            r"^\*>?\s+(\d+\.\d+\.\d+\.\d+/\d+)\s+\S+\s+\S+\s+(\S+)\s+\d+\s+\d+\s*$",
            self.send("show ip route"),
            re.M,
        ):
            owner = row.group(2).lower()
            seen.setdefault(OWNERS.get(owner, owner), set()).add(row.group(1))
        return {name: len(prefixes) for name, prefixes in sorted(seen.items())}

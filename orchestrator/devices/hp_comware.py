"""The H3C Comware 7 driver: NAPALM getters from `display` commands (ntc-templates where one
exists) and the config life cycle on Comware's own safety net.

- Changes apply at once (no candidate on the box); the driver holds the candidate and enters
  the difference (`CutoverDriver`'s generic life cycle), then `save force`.
- Before every commit the running config is saved to ``flash:/cutover-rollback.cfg`` (`save
  FILE`, which does not touch the next-startup file); `rollback` is `configuration replace file`
  of it, so a new session can roll back too (``native_rollback``).
- ``commit_config(revert_in=S)`` starts Comware's rollback timer first: `configuration commit
  delay M` (M = S rounded up to whole minutes, Comware's unit), then enters the change and does
  not save; `confirm_commit` is `configuration commit` and saves. Unconfirmed, the box returns
  to the config it had when the timer started.
- Comware has no display of a running commit-delay timer known to cutover: `has_pending_commit`
  answers for the commit this driver object made (still pending while the running config
  differs from the rollback point).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from napalm.base.helpers import mac as napalm_mac

from orchestrator import ports
from orchestrator.devices._configdiff import ConfigDialect
from orchestrator.devices.base import Capability, CutoverDriver, OspfNeighborDict
from orchestrator.devices.templates import parse_output
from orchestrator.errors import DeviceError
from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.platforms.hp_comware import HpComware, flatten_globals
from orchestrator.model import DeviceConfig
from orchestrator.syntax import get_platform

ROLLBACK_FILE = "flash:/cutover-rollback.cfg"

#: Comware's route protocols (Proto column) in NAPALM's words; Direct splits on InLoop0
PROTOCOLS = {"direct": "connected", "static": "static", "bgp": "bgp", "ospf": "ospf"}


#: a `display mac-address` row: MAC, VLAN, state (one or two words), port, aging
MAC_ROW = re.compile(
    r"^([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})\s+(\d+)\s+(\S+(?: \S+)?)\s{2,}(\S+)\s+\S+\s*$", re.M
)


def full_name(name: str) -> str:
    """A table's abbreviated name in full: `XGE1/0/1` -> `Ten-GigabitEthernet1/0/1`."""
    vlan = re.fullmatch(r"Vlan(\d+)", name)
    if vlan:
        return f"Vlan-interface{vlan.group(1)}"
    return ports.canonical_name("hp_comware", name)


def updown_seconds(text: str) -> int:
    """`08:30:47` or `0286h47m` (Comware's Up/Down column) in seconds; -1 if neither."""
    hms = re.fullmatch(r"(\d+):(\d+):(\d+)", text)
    if hms:
        h, m, s = (int(x) for x in hms.groups())
        return h * 3600 + m * 60 + s
    hm = re.fullmatch(r"(\d+)h(\d+)m", text)
    if hm:
        return int(hm.group(1)) * 3600 + int(hm.group(2)) * 60
    return -1


#: the lines that open a view (`interface X`, `vlan N`, `ip vpn-instance V`, ...)
VIEWS = tuple(s.pattern for s in HpComware.sections)


@dataclass(frozen=True)
class ComwareDialect(ConfigDialect):
    """Comware's config text: global settings indented by one blank after a `#` line, and
    views that may be empty (`ip vpn-instance V` alone still has to be left)."""

    def tree(self, text: str) -> ConfigTree:
        return super().tree(flatten_globals(text))

    def _enter_all(self, block: Block, out: list[str]) -> None:
        super()._enter_all(block, out)
        if not block.children and any(v.fullmatch(block.text) for v in VIEWS):
            out.append(self.up)


class HpComwareDriver(CutoverDriver):
    platform: ClassVar[str] = "hp_comware"
    netmiko_device_type: ClassVar[str] = "hp_comware"
    ntc_platform: ClassVar[str] = "hp_comware"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {"candidate", "replace", "commit_confirm", "native_rollback"}
    )
    exec_prompt: ClassVar[str] = r"^<[^<>\s]+>\s*$"
    config_prompt: ClassVar[str] = r"^\[[^\[\]\s]+\]\s*$"
    error_patterns: ClassVar[tuple[str, ...]] = (
        r"^\s*% (?:Unrecognized|Incomplete|Ambiguous|Too many|Wrong).*$",
    )
    questions: ClassVar[tuple[str, ...]] = (r"\[Y/N\]:\s*$",)
    config_enter: ClassVar[str] = "system-view"
    config_exit: ClassVar[str] = "return"
    config_up: ClassVar[str] = "quit"
    #: Netmiko's own choice for Comware: no terminal width setting, so long lines wrap
    cmd_verify: ClassVar[bool] = False
    negation: ClassVar[str] = "undo"
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"sysname ",
        r"ip address (?=\S+ \S+$)",  # one primary address: a new one replaces it
        r"router-id ",
        r"port link-type ",
        r"port link-mode ",
        r"port access vlan ",
        r"peer \S+ as-number ",
        r"name ",
    )
    config_comments: ClassVar[tuple[str, ...]] = (r"version \d", r"return$")
    config_indent: ClassVar[int] = 1
    running_config_command: ClassVar[str] = "display current-configuration"
    startup_config_command: ClassVar[str] = "display saved-configuration"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dialect = ComwareDialect(
            negation=self.negation,
            up=self.config_up,
            replace_keys=self.replace_keys,
            comments=self.config_comments,
            indent=self.config_indent,
        )
        self._rollback_point: str | None = None  # the config a pending timer returns to

    def session_ready(self) -> None:
        """Netmiko's Comware preparation reads up to the bare hostname and leaves the `>` of
        the prompt behind; without echo checks (`cmd_verify`) it would lead the next output."""
        self._session().clear_buffer()

    # -- config life cycle ------------------------------------------------------------------
    def save(self) -> str:
        """`save force` in user view (Netmiko's save_config leaves the session in system view)."""
        output = self._exchange("save force", self.exec_prompt)
        if "successfully" not in output:
            raise DeviceError(self.hostname, f"saving the config failed: {output.strip()}")
        return output

    def backup_running(self) -> str:
        """The running config, also saved on the box as `ROLLBACK_FILE` for `rollback`."""
        text = self.running_config()
        output = self._exchange(f"save {ROLLBACK_FILE}", self.exec_prompt)
        if "successfully" not in output:
            raise DeviceError(self.hostname, f"could not save {ROLLBACK_FILE}: {output.strip()}")
        return text

    def commit_config(self, message: str = "", revert_in: int | None = None) -> None:
        if revert_in is None:
            super().commit_config(message)
            return
        self.require("candidate", "commit a candidate")
        self.require("commit_confirm", f"commit with an automatic revert (revert_in={revert_in})")
        if self._candidate is None:
            raise DeviceError(self.hostname, "nothing to commit", hint="load a candidate first")
        running = self.backup_running()
        self._backup = running
        candidate = self.dialect.tree(self._candidate)
        if self._replace:
            commands = self.dialect.replace_commands(self.dialect.tree(running), candidate)
        else:
            commands = self.dialect.merge_commands(candidate)
        minutes = max(1, math.ceil(revert_in / 60))
        self.push([f"configuration commit delay {minutes}", *commands])
        self._rollback_point = running
        self._candidate = None

    def has_pending_commit(self) -> bool:
        if self._rollback_point is None:
            return False
        back = self.dialect.normalise(self._rollback_point)
        if self.dialect.normalise(self.running_config()) == back:
            self._rollback_point = None  # the timer expired: the box is back at the point
            return False
        return True

    def confirm_commit(self) -> None:
        self.require("commit_confirm", "confirm a commit")
        if self._rollback_point is None:
            raise DeviceError(self.hostname, "no commit is waiting for confirmation")
        self.push(["configuration commit"])
        self._rollback_point = None
        self.save()

    def rollback(self) -> None:
        """`configuration replace file` of the config saved before the last commit."""
        listing = self.send("dir")
        if ROLLBACK_FILE.split("/")[-1] not in listing:
            raise DeviceError(
                self.hostname,
                f"nothing to roll back: {ROLLBACK_FILE} is not on the box",
                hint="a commit through this driver saves it first",
            )
        session = self._session()
        outputs = [self._exchange(self.config_enter, self.config_prompt)]
        if self._rollback_point is not None:
            outputs.append(self._exchange("configuration commit", self.config_prompt))
            self._rollback_point = None
        ask = session.send_command(
            f"configuration replace file {ROLLBACK_FILE}",
            expect_string=rf"(?m)\[Y/N\]:\s*$|{self.config_prompt}",
            read_timeout=float(self.timeout),
            cmd_verify=False,
        )
        outputs.append(str(ask))
        if "[Y/N]" in str(ask):  # "save current configuration?": no, it is being replaced
            outputs.append(self._exchange("n", self.config_prompt))
        outputs.append(self._exchange(self.config_exit, self.exec_prompt))
        text = "".join(outputs)
        if "Succeeded in replacing" not in text:
            raise DeviceError(self.hostname, f"configuration replace failed:\n{text.strip()}")
        self.save()
        self._backup = None

    # -- getters ----------------------------------------------------------------------------
    def _config(self) -> DeviceConfig:
        return get_platform(self.platform).parse(self.running_config(), path=self.hostname).config

    def get_facts(self) -> dict[str, Any]:
        version = self.send("display version")
        os_version = re.search(r"Comware Software, Version (.+)", version)
        up = re.search(
            r"^H3C (.+?) uptime is (\d+) weeks?, (\d+) days?, (\d+) hours?, (\d+) minutes?",
            version,
            re.M,
        )
        uptime = 0.0
        if up:
            w, d, h, m = (int(x) for x in up.groups()[1:])
            uptime = float(((w * 7 + d) * 24 + h) * 3600 + m * 60)
        manuinfo = self.parse("display device manuinfo")
        serial = next(
            (r["device_serial_number"] for r in manuinfo if r["device_serial_number"]), ""
        )
        hostname = str(self._session().base_prompt)
        return {
            "hostname": hostname,
            "fqdn": hostname,
            "vendor": "H3C",
            "model": up.group(1) if up else "",
            "os_version": os_version.group(1).strip() if os_version else "",
            "serial_number": serial,
            "uptime": uptime,
            "interface_list": [r["interface"] for r in self.parse("display interface")],
        }

    def get_interfaces(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for row in self.parse("display interface"):
            kbps = re.match(r"(\d+)", row["bandwidth"])
            macs = row["hw_address"].split()
            out[row["interface"]] = {
                "is_enabled": row["line_status"] != "Administratively DOWN",
                "is_up": row["protocol_status"].startswith("UP"),
                "description": row["description"],
                "last_flapped": -1.0,
                "mtu": int(row["mtu"] or 1500),
                "speed": float(int(kbps.group(1)) / 1000) if kbps else 0.0,
                "mac_address": napalm_mac(macs[0]) if macs else "",
            }
        return out

    def get_interfaces_ip(self) -> dict[str, dict[str, dict[str, dict[str, int]]]]:
        out: dict[str, dict[str, dict[str, dict[str, int]]]] = {}
        for row in self.parse_lists("display ip interface"):
            addresses = row["ip_address"]
            found: dict[str, dict[str, int]] = {}
            for item in addresses if isinstance(addresses, list) else [addresses]:
                ip, _, length = item.partition("/")
                found[ip] = {"prefix_length": int(length or 32)}
            if found:
                out[str(row["interface"])] = {"ipv4": found}
        return out

    def get_lldp_neighbors(self) -> dict[str, list[dict[str, str]]]:
        out: dict[str, list[dict[str, str]]] = {}
        for row in self.parse("display lldp neighbor-information list"):
            local = full_name(row["local_interface"])
            out.setdefault(local, []).append(
                {"hostname": row["neighbor_name"], "port": row["neighbor_interface"]}
            )
        return out

    def get_lldp_neighbors_detail(self, interface: str = "") -> dict[str, list[dict[str, Any]]]:
        command = "display lldp neighbor-information verbose"
        text = self.send(command)
        rows = parse_output(platform=self.ntc_platform, command=command, data=text)
        blocks = re.split(r"^LLDP neighbor-information of port \d+\[\S+\]:\s*$", text, flags=re.M)
        out: dict[str, list[dict[str, Any]]] = {}
        for row, block in zip(rows, blocks[1:], strict=False):
            if interface and row["local_interface"] != interface:
                continue
            fields = dict(re.findall(r"^ (\S[^:\n]*?)\s*: (.*)$", block, re.M))
            supported = fields.get("System capabilities supported", "")
            enabled = fields.get("System capabilities enabled", "")
            out.setdefault(row["local_interface"], []).append(
                {
                    "parent_interface": "",
                    "remote_port": row["neighbor_interface"],
                    "remote_chassis_id": napalm_mac(row["chassis_id"]),
                    "remote_port_description": row["neighbor_interface_description"],
                    "remote_system_name": row["neighbor_name"],
                    "remote_system_description": fields.get("System description", "").strip(),
                    "remote_system_capab": [c.strip().lower() for c in supported.split(",") if c],
                    "remote_system_enable_capab": [
                        c.strip().lower() for c in enabled.split(",") if c
                    ],
                }
            )
        return out

    def get_bgp_neighbors(self) -> dict[str, dict[str, Any]]:
        bgp = self._config().bgp
        if bgp is None:
            return {}
        rows = self.parse("display bgp peer ipv4")
        peers: dict[str, dict[str, Any]] = {}
        for row in rows:
            neighbor = bgp.neighbors.get(row["peer"])
            received = int(row["prefixes_received"] or 0)
            peers[row["peer"]] = {
                "local_as": int(row["local_as_number"] or bgp.asn),
                "remote_as": int(row["remote_asn"]),
                "remote_id": "",
                "is_up": row["state"] == "Established",
                "is_enabled": not (neighbor is not None and neighbor.shutdown),
                "description": (neighbor.description if neighbor else None) or "",
                "uptime": updown_seconds(row["up_down"]),
                "address_family": {
                    "ipv4": {
                        "received_prefixes": received,
                        "accepted_prefixes": received,
                        "sent_prefixes": -1,
                    }
                },
            }
        router_id = rows[0]["local_router_id"] if rows else (bgp.router_id or "")
        return {"global": {"router_id": router_id, "peers": peers}}

    def get_ospf_neighbors(self) -> list[OspfNeighborDict]:
        out: list[OspfNeighborDict] = []
        area = ""
        for line in self.send("display ospf peer").splitlines():
            found = re.match(r"^\s*Area:\s*(\S+)", line)
            if found:
                area = found.group(1)
                continue
            row = re.match(
                r"^\s*(\d+\.\d+\.\d+\.\d+)\s+(\d+\.\d+\.\d+\.\d+)\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s*$",
                line,
            )
            if row:
                out.append(
                    {
                        "neighbor_id": row.group(1),
                        "address": row.group(2),
                        "interface": full_name(row.group(4)),
                        "area": area,
                        "state": row.group(3).split("/")[0].lower(),
                    }
                )
        return out

    def get_arp_table(self, vrf: str = "") -> list[dict[str, Any]]:
        return [
            {
                "interface": full_name(row["interface"]),
                "mac": napalm_mac(row["mac_address"]),
                "ip": row["ip_address"],
                "age": float(int(row["aging"] or 0) * 60),
            }
            for row in self.parse("display arp")
        ]

    def get_mac_address_table(self) -> list[dict[str, Any]]:
        """`display mac-address` by pattern: a static entry's state is two words (`Config
        static`), which the ntc-template reads as one."""
        return [
            {
                "mac": napalm_mac(row.group(1)),
                "interface": full_name(row.group(4)),
                "vlan": int(row.group(2)),
                "static": "static" in row.group(3).lower(),
                "active": True,
                "moves": -1,
                "last_move": -1.0,
            }
            for row in MAC_ROW.finditer(self.send("display mac-address"))
        ]

    def get_route_summary(self) -> dict[str, int]:
        seen: dict[str, set[str]] = {}
        for row in self.parse("display ip routing-table"):
            proto = row["protocol"].lower()
            name = PROTOCOLS.get(proto, "ospf" if proto.startswith("o_") else proto)
            if name == "connected" and row["nexthop_if"] == "InLoop0":
                name = "local"
            seen.setdefault(name, set()).add(f"{row['network']}/{row['prefix_length']}")
        return {name: len(prefixes) for name, prefixes in sorted(seen.items())}

"""The Cisco IOS / IOS-XE driver: NAPALM's own `ios` getters on a cutover session, and the config
life cycle on IOS's safety net over the CLI.

Why not NAPALM's `IOSDriver` as it is: its config life cycle moves files by SCP (or, with
``inline_transfer``, by `tclsh` with 5 to 14 s of fixed sleeps per file), and it has no
capabilities, OSPF or route-summary getters and no known-hosts option. So:

- Getters are NAPALM's own code (`napalm.ios.ios.IOSDriver`'s getters, run on this driver's
  Netmiko session): facts, interfaces, addresses, LLDP, BGP, ARP, MAC table, config.
  `get_ospf_neighbors` reads `show ip ospf neighbor detail`, `get_route_summary` `show ip
  route` (both with ntc-templates).
- A merge is entered line by line in config mode, then `write memory`. A replace goes to flash
  through `tclsh` (`puts [open "flash:F" w+] {...}`, read back with `verify /md5`), then
  `configure replace flash:F force revert trigger error`: the box applies it whole or not at all.
- Before every commit the running config is copied to ``flash:cutover-rollback.cfg``;
  `rollback` is `configure replace` of it, so a new session can roll back (``native_rollback``).
- ``commit_config(revert_in=S)`` uses Rollback Confirmed Change (needs `archive` with a `path`):
  a merge starts it with `configure terminal revert timer M`, a replace adds `timer M` (M = S
  rounded up to whole minutes, IOS's unit); the box reverts unless `configure confirm`
  (`confirm_commit`) comes in time. `has_pending_commit` reads `show archive config rollback
  timer`, so any session can tell.
"""

from __future__ import annotations

import hashlib
import math
import re
from ipaddress import IPv4Address
from typing import Any, ClassVar

from napalm.ios.ios import IOSDriver

from orchestrator.devices.base import Capability, CutoverDriver, OspfNeighborDict
from orchestrator.errors import DeviceError, UnsupportedOperation

ROLLBACK_FILE = "flash:cutover-rollback.cfg"
CANDIDATE_FILE = "flash:cutover-candidate.cfg"
TCL_PROMPT = r"^\S+\(tcl\)#\s*$"

#: `show ip route` codes in NAPALM's protocol words
PROTOCOLS = {
    "C": "connected",
    "L": "local",
    "S": "static",
    "O": "ospf",
    "B": "bgp",
    "D": "eigrp",
    "R": "rip",
    "i": "isis",
}


def dotted_area(area: str) -> str:
    """IOS writes small areas as numbers: `0` -> `0.0.0.0`.

    >>> dotted_area("0"), dotted_area("10.0.0.1")
    ('0.0.0.0', '10.0.0.1')
    """
    return str(IPv4Address(int(area))) if area.isdigit() else area


class CiscoIosDriver(CutoverDriver):
    platform: ClassVar[str] = "cisco_ios"
    netmiko_device_type: ClassVar[str] = "cisco_ios"
    ntc_platform: ClassVar[str] = "cisco_ios"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {"candidate", "replace", "commit_confirm", "native_rollback"}
    )
    exec_prompt: ClassVar[str] = r"^[\w.\-/:@]+[>#]\s*$"
    config_prompt: ClassVar[str] = r"^[\w.\-/:@]+\((?:config|dhcp|cfg)[\w.\-/]*\)#\s*$"
    error_patterns: ClassVar[tuple[str, ...]] = (
        r"^% ?(?:Invalid|Incomplete|Ambiguous|Unknown|Bad|Error).*$",
        r"^%Error.*$",
        r"^%Please turn config archive on.*$",
    )
    #: IOS file questions (without `file prompt quiet`): Enter takes the default it offers
    questions: ClassVar[tuple[str, ...]] = (
        r"Destination filename \[[^\]]*\]\?\s*$",
        r"\[confirm\]\s*$",
    )
    answer: ClassVar[str] = ""
    config_comments: ClassVar[tuple[str, ...]] = (
        r"Building configuration",
        r"Current configuration :",
        r"Using \d+ out of \d+ bytes",
        r"! Last configuration change",
        r"! NVRAM config last updated",
        r"exit-address-family$",
    )
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"hostname ",
        r"ip address (?=\S+ \S+$)",
        r"mtu ",
        r"speed ",
        r"duplex ",
        r"router-id ",
        r"bgp router-id ",
        r"switchport mode ",
        r"switchport access vlan ",
        r"name ",
    )

    # -- getters: NAPALM's own ios code on this session --------------------------------------
    def napalm(self) -> Any:
        """NAPALM's `IOSDriver`, talking through this driver's Netmiko session."""
        helper = IOSDriver(self.hostname, self.username, self.password, timeout=self.timeout)
        helper.device = self._session()
        return helper

    def get_facts(self) -> dict[str, Any]:
        return dict(self.napalm().get_facts())

    def get_interfaces(self) -> dict[str, Any]:
        return dict(self.napalm().get_interfaces())

    def get_interfaces_ip(self) -> dict[str, Any]:
        return dict(self.napalm().get_interfaces_ip())

    def get_lldp_neighbors(self) -> dict[str, Any]:
        return dict(self.napalm().get_lldp_neighbors())

    def get_lldp_neighbors_detail(self, interface: str = "") -> dict[str, Any]:
        return dict(self.napalm().get_lldp_neighbors_detail(interface))

    def get_bgp_neighbors(self) -> dict[str, Any]:
        return dict(self.napalm().get_bgp_neighbors())

    def get_arp_table(self, vrf: str = "") -> list[dict[str, Any]]:
        return list(self.napalm().get_arp_table(vrf))

    def get_mac_address_table(self) -> list[dict[str, Any]]:
        return list(self.napalm().get_mac_address_table())

    def get_config(
        self,
        retrieve: str = "all",
        full: bool = False,
        sanitized: bool = False,
        format: str = "text",
    ) -> dict[str, str]:
        if format != "text":
            raise UnsupportedOperation(self.hostname, "get_config: text only")
        config: dict[str, str] = self.napalm().get_config(retrieve, full, sanitized)
        wanted = retrieve in {"all", "candidate"}
        config["candidate"] = (self._candidate or "") if wanted else ""
        return config

    def get_ospf_neighbors(self) -> list[OspfNeighborDict]:
        return [
            OspfNeighborDict(
                neighbor_id=row["neighbor_id"],
                address=row["address"],
                interface=row["interface"],
                area=dotted_area(row["area"]),
                state=row["state"].split("/")[0].lower(),
            )
            for row in self.parse("show ip ospf neighbor detail")
        ]

    def get_route_summary(self) -> dict[str, int]:
        prefixes: dict[str, set[str]] = {}
        for row in self.parse("show ip route"):
            if row.get("vrf"):
                continue
            protocol = PROTOCOLS.get(row["protocol"], row["protocol"].lower())
            prefixes.setdefault(protocol, set()).add(f"{row['network']}/{row['prefix_length']}")
        return {protocol: len(found) for protocol, found in prefixes.items()}

    # -- files ------------------------------------------------------------------------------
    def write_file(self, path: str, text: str) -> None:
        """Write ``text`` to the flash file ``path`` through `tclsh` and check its MD5."""
        body = text.replace("\r\n", "\n").rstrip("\n")
        if re.search(r"[{}]", body) or re.search(r"\\$", body, re.M):
            raise DeviceError(
                self.hostname,
                f"the config for {path} holds a brace or a line-end backslash: tclsh cannot "
                "carry it",
                hint="remove them from the candidate (banners with braces, for instance)",
            )
        session = self._session()
        self._exchange("tclsh", TCL_PROMPT)
        try:
            session.write_channel(f'puts [open "{path}" w+] {{' + "\r".join(body.split("\n")))
            session.write_channel("}\r")
            session.read_until_pattern(pattern=TCL_PROMPT, re_flags=re.M, read_timeout=60)
        finally:
            self._exchange("tclquit", self.exec_prompt)
        digest = hashlib.md5((body + "\n").encode(), usedforsecurity=False).hexdigest()
        verify = self.send(f"verify /md5 {path}")
        if digest not in verify:
            raise DeviceError(self.hostname, f"{path} on the box differs from what was sent")

    def file_exists(self, path: str) -> bool:
        return "Error opening" not in self._exchange(f"dir {path}", self.exec_prompt)

    # -- the config life cycle --------------------------------------------------------------
    def backup_running(self) -> str:
        self.send(f"copy running-config {ROLLBACK_FILE}")
        return self.running_config()

    def commit_config(self, message: str = "", revert_in: int | None = None) -> None:
        """Enter the candidate (see the module docstring); ``message``: IOS keeps no commit
        log, so it goes nowhere. Saved unless a revert timer runs."""
        self.require("candidate", "commit a candidate")
        minutes: int | None = None
        if revert_in is not None:
            self.require("commit_confirm", f"commit with revert_in={revert_in}")
            minutes = max(1, math.ceil(revert_in / 60))
            if self.has_pending_commit():
                raise DeviceError(
                    self.hostname,
                    "a confirmed change is already pending on the box",
                    hint="confirm_commit() or rollback() it first",
                )
        if self._candidate is None:
            raise DeviceError(self.hostname, "nothing to commit", hint="load a candidate first")
        self._backup = self.backup_running()
        if self._replace:
            self._replace_with(self._candidate, minutes)
        else:
            if minutes is not None:
                self._start_revert_timer(minutes)
            commands = self.dialect.merge_commands(self.dialect.tree(self._candidate))
            if commands:
                self.push(commands)
        if minutes is None:
            self.save()
        self._candidate = None

    def _start_revert_timer(self, minutes: int) -> None:
        output = self._exchange(
            f"configure terminal revert timer {minutes}",
            f"(?:{self.config_prompt})|(?:{self.exec_prompt})",
        )
        error = self.error_in(output)
        self._exchange(self.config_exit, self.exec_prompt)
        if error is not None:
            raise DeviceError(
                self.hostname,
                f"the revert timer did not start: {error}",
                hint="configure `archive` with a `path` on the box",
            )

    def _replace_with(self, text: str, minutes: int | None) -> None:
        self.write_file(CANDIDATE_FILE, text)
        command = f"configure replace {CANDIDATE_FILE} force revert trigger error"
        if minutes is not None:
            command += f" timer {minutes}"
        self._configure_replace(command)

    def _configure_replace(self, command: str) -> None:
        output = self._exchange(command, self.exec_prompt)
        failed = [line for line in output.splitlines() if "Failed" in line or "%" in line]
        if "Rollback Done" not in output or failed:
            raise DeviceError(
                self.hostname,
                f"`{command}` did not apply: {'; '.join(failed) or output.strip()}",
                hint="the box kept (or restored) its previous config",
            )

    def has_pending_commit(self) -> bool:
        output = self._exchange("show archive config rollback timer", self.exec_prompt)
        return "Timer value" in output

    def confirm_commit(self) -> None:
        self.require("commit_confirm", "confirm a commit")
        if not self.has_pending_commit():
            raise DeviceError(self.hostname, "no confirmed change is pending on the box")
        self.send("configure confirm")
        self.save()

    def rollback(self) -> None:
        """A pending confirmed change: `configure revert now`. Otherwise back to the config
        copied to flash before the last commit (by any session): `configure replace` of it."""
        if self.has_pending_commit():
            self._exchange("configure revert now", self.exec_prompt)
        elif self.file_exists(ROLLBACK_FILE):
            self._configure_replace(f"configure replace {ROLLBACK_FILE} force")
        else:
            raise UnsupportedOperation(
                self.hostname,
                f"nothing to roll back: no {ROLLBACK_FILE} on the box (no commit by cutover)",
            )
        self.save()
        self._backup = None

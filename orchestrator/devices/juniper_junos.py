"""The Juniper Junos driver (CLI, on Netmiko `juniper_junos`): getters from `show` commands,
the config life cycle on the box's own candidate database.

- Loading opens `configure exclusive` (the candidate is locked for this driver until it commits
  or discards; uncommitted changes go when it leaves) and enters the candidate as `set` lines
  (a brace config is turned into them first); a replace starts with `delete` (everything) at
  the top level. The box checks every line: the first one it refuses discards the load.
- `compare_config` is the box's own `show | compare`.
- ``commit_config(revert_in=S)`` is `commit confirmed M` (M = S rounded up to whole minutes,
  Junos's unit): the box rolls itself back unless `confirm_commit` (`commit`) follows in time;
  `has_pending_commit` reads `show system commit`, so any session can tell.
- `rollback` is `rollback 1` + `commit`: the config before the last commit, from the box's own
  history (so a new session can roll back too).
"""

from __future__ import annotations

import contextlib
import math
import re
import time
from typing import Any, ClassVar

from napalm.base.helpers import mac as napalm_mac
from netmiko.exceptions import ReadTimeout

from orchestrator.devices import juniper_junos_parse as read
from orchestrator.devices.base import Capability, CutoverDriver, OspfNeighborDict
from orchestrator.errors import DeviceError

_TRAILER = re.compile(r"^(?:\[edit.*\]|# commit confirmed will be rolled back.*|\{master:\d+\})?$")


def _without_trailer(output: str) -> str:
    """``output`` without the lines Junos puts above a config prompt (`[edit ...]`, the
    pending `commit confirmed` note, `{master:0}`) and the blank line before them."""
    lines = output.rstrip("\n").split("\n")
    while lines and _TRAILER.match(lines[-1].strip()):
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


class JuniperJunosDriver(CutoverDriver):
    platform: ClassVar[str] = "juniper_junos"
    netmiko_device_type: ClassVar[str] = "juniper_junos"
    ntc_platform: ClassVar[str] = "juniper_junos"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {"candidate", "replace", "commit_confirm", "native_rollback"}
    )
    exec_prompt: ClassVar[str] = r"^[\w.\-]+@[\w.\-]+>\s*$"
    config_prompt: ClassVar[str] = r"^[\w.\-]+@[\w.\-]+#\s*$"
    error_patterns: ClassVar[tuple[str, ...]] = (
        r"^syntax error.*$",
        r"^unknown command\.$",
        r"^missing argument\.$",
        r"^'.*' is ambiguous\.$",
        r"^error: .*$",
    )
    questions: ClassVar[tuple[str, ...]] = (r"\[yes,no\] \((?:yes|no)\)\s*$",)
    answer: ClassVar[str] = "yes"
    config_enter: ClassVar[str] = "configure exclusive"
    config_exit: ClassVar[str] = "exit configuration-mode"
    config_up: ClassVar[str] = "up"
    running_config_command: ClassVar[str] = "show configuration"
    startup_config_command: ClassVar[str] = "show configuration"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editing = False  # in `configure exclusive` with a candidate loaded

    def close(self) -> None:
        if self.editing and self.device is not None:
            # the session is going anyway; the box discards an exclusive edit by itself
            with contextlib.suppress(DeviceError):
                self.discard_config()
        super().close()

    def _exchange(self, line: str, prompt: str) -> str:
        return _without_trailer(super()._exchange(line, prompt))

    # -- configuration mode -----------------------------------------------------------------
    def configure(self, line: str) -> str:
        """One configuration-mode line; `DeviceError` with the box's words if it refuses it."""
        output = self._exchange(line, self.config_prompt)
        error = self.error_in(output)
        if error is not None:
            raise DeviceError(self.hostname, f"`{line}` was refused: {error}")
        return output

    def _enter(self) -> None:
        if self.editing:
            return
        output = self._exchange(self.config_enter, f"{self.config_prompt}|{self.exec_prompt}")
        error = self.error_in(output)
        if error is not None:
            raise DeviceError(
                self.hostname,
                f"cannot lock the configuration: {error}",
                hint="another session holds `configure exclusive` or left uncommitted changes "
                "in the shared candidate; commit or roll them back on the box first",
            )
        self.editing = True

    def _leave(self) -> None:
        if self.editing:
            self._exchange(self.config_exit, self.exec_prompt)
            self.editing = False

    def _set(self, line: str) -> str:
        """Enter one candidate line and read to the next config prompt, as Netmiko's own
        `send_config_set` does (its `send_command` polls 25 ms per read: a load is many lines)."""
        session = self._session()
        try:
            session.write_channel(session.normalize_cmd(line))
            session.read_until_pattern(pattern=re.escape(line.strip()), read_timeout=self.timeout)
            output = session.read_until_pattern(
                pattern=self.config_prompt, re_flags=re.M, read_timeout=self.timeout
            )
        except ReadTimeout as exc:
            raise DeviceError(self.hostname, f"no config prompt after `{line}`") from exc
        except (OSError, EOFError) as exc:
            raise DeviceError(self.hostname, f"the session broke during `{line}`") from exc
        return _without_trailer(self._prompts.strip(output.replace("\r\n", "\n")))

    def _load(self, text: str, replace: bool) -> None:
        lines = read.set_lines(text)
        self._enter()
        try:
            if replace:
                self._exchange("delete", self.config_prompt)
            for n, line in enumerate(lines, 1):
                output = self._set(line)
                error = self.error_in(output)
                if error is not None:
                    raise DeviceError(
                        self.hostname,
                        f"the box refused candidate line {n} of {len(lines)}, `{line}`: {error}",
                        hint="nothing was committed; the candidate was discarded",
                    )
        except DeviceError:
            self.discard_config()
            raise

    # -- the config life cycle (native) ------------------------------------------------------
    def load_merge_candidate(self, filename: str | None = None, config: str | None = None) -> None:
        super().load_merge_candidate(filename, config)
        assert self._candidate is not None
        self._load(self._candidate, replace=False)

    def load_replace_candidate(
        self, filename: str | None = None, config: str | None = None
    ) -> None:
        super().load_replace_candidate(filename, config)
        assert self._candidate is not None
        self._load(self._candidate, replace=True)

    def compare_config(self) -> str:
        """The box's `show | compare` of the loaded candidate; "" when nothing is loaded."""
        if not self.editing:
            return ""
        return self.configure("show | compare").strip()

    def commit_config(self, message: str = "", revert_in: int | None = None) -> None:
        if not self.editing:
            raise DeviceError(self.hostname, "nothing to commit", hint="load a candidate first")
        command = "commit"
        if revert_in is not None:
            command += f" confirmed {max(1, math.ceil(revert_in / 60))}"
        if message:
            command += ' comment "' + message.replace('"', "'") + '"'
        output = self._exchange(command, self.config_prompt)
        if "commit complete" not in output:
            reason = self.error_in(output) or output.strip()
            self.discard_config()
            raise DeviceError(
                self.hostname,
                f"commit failed: {reason}",
                hint="the candidate was discarded; the running config is unchanged",
            )
        self._leave()
        self._candidate = None

    def discard_config(self) -> None:
        if self.editing:
            self._exchange("rollback 0", self.config_prompt)
            self._leave()
        self._candidate = None

    def has_pending_commit(self) -> bool:
        history = self.send("show system commit")
        first = history.split("\n", 1)[0]
        return "commit confirmed, rollback in" in first

    def confirm_commit(self) -> None:
        if not self.has_pending_commit():
            raise DeviceError(self.hostname, "no commit is waiting for confirmation")
        self._enter()
        try:
            output = self._exchange("commit", self.config_prompt)
        finally:
            self._leave()
        if "commit complete" not in output:
            raise DeviceError(self.hostname, f"confirming failed: {output.strip()}")

    def rollback(self) -> None:
        """`rollback 1` and commit: the config before the box's last commit."""
        self.discard_config()
        self._enter()
        try:
            self.configure("rollback 1")
            output = self._exchange("commit", self.config_prompt)
        finally:
            self._leave()
        if "commit complete" not in output:
            raise DeviceError(self.hostname, f"rollback commit failed: {output.strip()}")

    def get_config(
        self,
        retrieve: str = "all",
        full: bool = False,
        sanitized: bool = False,
        format: str = "text",
    ) -> dict[str, str]:
        """Running (and startup: a Junos box boots its committed config) from `show
        configuration`; the candidate is the box's candidate while one is loaded."""
        if sanitized or format != "text":
            return super().get_config(retrieve, full, sanitized, format)  # refuses them
        config = {"running": "", "startup": "", "candidate": ""}
        if retrieve in {"all", "running", "startup"}:
            running = self.running_config()
            config["running"] = running if retrieve != "startup" else ""
            config["startup"] = running if retrieve != "running" else ""
        if retrieve in {"all", "candidate"} and self.editing:
            config["candidate"] = self.configure("show")
        return config

    # -- getters -----------------------------------------------------------------------------
    def get_facts(self) -> dict[str, Any]:
        version = self.send("show version")
        hardware = self.send("show chassis hardware")
        uptime = self.send("show system uptime")
        now = read.epoch(read.field(uptime, r"^Current time:\s*(.+)$"))
        booted = read.epoch(read.field(uptime, r"^System booted:\s*(.+)$"))
        hostname = read.field(version, r"^Hostname:\s*(\S+)")
        domain = self.send("show configuration system domain-name")
        domain = read.field(domain, r"domain-name (\S+);")
        return {
            "hostname": hostname,
            "fqdn": f"{hostname}.{domain}" if domain else hostname,
            "vendor": "Juniper",
            "model": read.field(version, r"^Model:\s*(\S+)").upper(),
            "os_version": read.field(version, r"^Junos:\s*(\S+)"),
            "serial_number": read.field(hardware, r"^Chassis\s+(\S+)"),
            "uptime": float(now - booted) if now is not None and booted is not None else -1.0,
            "interface_list": list(self.get_interfaces()),
        }

    def get_interfaces(self) -> dict[str, dict[str, Any]]:
        """Physical and logical interfaces (as NAPALM's junos driver gives them)."""
        return read.interfaces(self.send("show interfaces"), time.time())

    def get_interfaces_ip(self) -> dict[str, dict[str, dict[str, dict[str, int]]]]:
        return read.interfaces_ip(self.send("show interfaces terse"))

    def get_lldp_neighbors(self) -> dict[str, list[dict[str, str]]]:
        found: dict[str, list[dict[str, str]]] = {}
        for row in self.parse("show lldp neighbors"):
            found.setdefault(row["local_interface"], []).append(
                {"hostname": row["neighbor_name"], "port": row["neighbor_interface"]}
            )
        return found

    def get_lldp_neighbors_detail(self, interface: str = "") -> dict[str, list[dict[str, Any]]]:
        ports = [interface] if interface else list(self.get_lldp_neighbors())
        found = {
            p: read.lldp_detail(self.send(f"show lldp neighbors interface {p}")) for p in ports
        }
        return {port: entries for port, entries in found.items() if entries}

    def get_bgp_neighbors(self) -> dict[str, dict[str, Any]]:
        router_id = read.field(self.send("show route summary"), r"^Router ID:\s*(\S+)", "0.0.0.0")
        summary = self.send("show bgp summary")
        return read.bgp(summary, self.send("show bgp neighbor"), router_id)

    def get_arp_table(self, vrf: str = "") -> list[dict[str, Any]]:
        return [
            {
                "interface": row["interface"],
                "mac": napalm_mac(row["mac_address"]),
                "ip": row["ip_address"],
                "age": -1.0,  # Junos shows no age (`show arp` has no such column)
            }
            for row in self.parse("show arp no-resolve")
        ]

    def get_mac_address_table(self) -> list[dict[str, Any]]:
        return read.mac_table(self.send("show vlans"), self.send("show ethernet-switching table"))

    def get_ospf_neighbors(self) -> list[OspfNeighborDict]:
        return read.ospf_neighbors(self.send("show ospf neighbor detail"))

    def get_route_summary(self) -> dict[str, int]:
        """Active routes per protocol in the global table (`inet.0`)."""
        return read.route_summary(self.send("show route summary"))

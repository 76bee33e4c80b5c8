"""`CutoverDriver`: the NAPALM driver every cutover platform driver subclasses, on Netmiko.

What differs per OS is data on the subclass (prompts, error lines, the words that enter and
leave configuration, the negation word); the class attributes below are the override points,
each commented. The NAPALM base docstrings are the contract of the getters and of the config
life cycle; this class adds the helpers subclasses build getters from (`send`, `parse`,
`push`) and a generic life cycle for OSes without a candidate config (VRP5, ZXROS, IOS without
archive): the driver keeps the candidate, `commit_config` saves a backup of the running config,
enters the difference and saves; `rollback` enters the difference back to the backup. An OS
with native mechanisms (commit, commit confirmed, rollback N) overrides those methods and says
so in `capabilities`.

Capabilities (`Capability`) and the operations they gate; an operation whose capability a
driver lacks raises `UnsupportedOperation`, never a silent no-op:

- ``candidate``: `load_merge_candidate`, `compare_config`, `discard_config`, `commit_config`.
- ``replace``: `load_replace_candidate`.
- ``commit_confirm``: `commit_config(revert_in=N)` and `confirm_commit`.
- ``native_rollback``: the box keeps a commit history, so `rollback` works in a new session
  too; without it, `rollback` undoes only what this driver object committed.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import ClassVar, Literal, TypedDict

from napalm.base import NetworkDriver
from netmiko import BaseConnection
from netmiko import log as netmiko_log
from ntc_templates.parse import ParsingException

from orchestrator.devices._cli import Prompts, exchange
from orchestrator.devices._configdiff import DEFAULT_REPLACE_KEYS, ConfigDialect, unified_diff
from orchestrator.devices._connect import Target, open_session
from orchestrator.devices.templates import parse_output
from orchestrator.errors import DeviceError, InputError, UnsupportedOperation

Capability = Literal["candidate", "commit_confirm", "native_rollback", "replace"]


class OspfNeighborDict(TypedDict):
    """One OSPF adjacency as `get_ospf_neighbors` returns it (all strings, as the box says)."""

    neighbor_id: str  # the neighbor's router ID, "192.0.2.2"
    address: str  # its interface address on the shared link, "10.0.0.2"
    interface: str  # the local interface, in this box's spelling
    area: str  # dotted form, "0.0.0.0"
    state: str  # the OS's own word, lowercased: "full", "2-way", "init", "down", ...


class CutoverDriver(NetworkDriver):  # type: ignore[misc]  # napalm ships no type hints
    """A NAPALM driver on a Netmiko session; see the module docstring.

    State a subclass may read and set: ``device`` (the Netmiko session, None when closed),
    ``dialect`` (`ConfigDialect`), ``_candidate`` (the loaded candidate text or None),
    ``_replace`` (whether it replaces the whole config), ``_backup`` (the running config
    saved by the last commit, what `rollback` returns to, or None).
    """

    # -- identity: names of this platform in each library's vocabulary ----------------------
    #: the netutils platform name (`huawei_vrp`), the project's own vocabulary
    platform: ClassVar[str] = ""
    #: the Netmiko device_type the session is opened with (`huawei`)
    netmiko_device_type: ClassVar[str] = ""
    #: the ntc-templates platform `parse` reads output with (`huawei_vrp`)
    ntc_platform: ClassVar[str] = ""
    #: what this driver can do (see the module docstring); the generic life cycle gives these
    capabilities: ClassVar[frozenset[Capability]] = frozenset({"candidate", "replace"})

    # -- the CLI as data (regexes are matched per line, re.M; end them with $) -------------
    #: any exec-mode prompt
    exec_prompt: ClassVar[str] = r"^[\w.\-/:@]+[>#]\s*$"
    #: any configuration-mode prompt, in every view
    config_prompt: ClassVar[str] = r"^[\w.\-/:@]+\(conf[^)]*\)#\s*$"
    #: lines the OS prints when it refuses a command; the matched line is the error reported
    error_patterns: ClassVar[tuple[str, ...]] = (r"^% .*$",)
    #: questions the OS may ask mid-command (`Are you sure? [Y/N]:`), answered with `answer`
    questions: ClassVar[tuple[str, ...]] = ()
    answer: ClassVar[str] = "y"
    #: the words that enter configuration mode, leave it from any view, and leave one view
    config_enter: ClassVar[str] = "configure terminal"
    config_exit: ClassVar[str] = "end"
    config_up: ClassVar[str] = "exit"
    #: the word that ends the session from exec mode
    logout: ClassVar[str] = "exit"
    #: False for an OS that does not echo config lines reliably (Netmiko reads the echo first)
    cmd_verify: ClassVar[bool] = True

    # -- config text as data (the generic life cycle) ---------------------------------------
    #: the word that removes a config line
    negation: ClassVar[str] = "no"
    #: lines whose match is a line's identity: re-entering it overwrites, no negation needed
    replace_keys: ClassVar[tuple[str, ...]] = DEFAULT_REPLACE_KEYS
    #: lines of the shown config that are not config (headers, `!Software Version ...`)
    config_comments: ClassVar[tuple[str, ...]] = (
        r"Building configuration",
        r"Current configuration :",
    )
    #: spaces per indentation level of the OS's config text
    config_indent: ClassVar[int] = 1
    #: how config text is read and diffed: a `ConfigDialect` subclass for an OS whose text
    #: needs more than the data above (made with the attributes above as its arguments)
    dialect_class: ClassVar[type[ConfigDialect]] = ConfigDialect
    #: the commands that show the running and the saved config
    running_config_command: ClassVar[str] = "show running-config"
    startup_config_command: ClassVar[str] = "show startup-config"

    def __init__(
        self,
        hostname: str,
        username: str,
        password: str,
        timeout: int = 60,
        optional_args: dict[str, object] | None = None,
    ) -> None:
        """``optional_args``: ``port`` (22), ``known_hosts`` (a path; default
        `$CUTOVER_KNOWN_HOSTS`, else ~/.ssh/known_hosts), ``strict_host_keys`` (True: an
        unknown or changed host key is refused), ``key_file`` (a private key to log in
        with), ``secret`` (the enable secret where the OS has one), ``ssh_config_file`` (an
        OpenSSH client config for proxies; nornir_napalm always passes nornir's)."""
        self.hostname = hostname
        self.username = username
        self.password = password
        self.timeout = timeout
        self.target = Target.make(hostname, username, password, timeout, optional_args or {})
        self.device: BaseConnection | None = None
        self.dialect = self.dialect_class(
            negation=self.negation,
            up=self.config_up,
            replace_keys=self.replace_keys,
            comments=self.config_comments,
            indent=self.config_indent,
        )
        self._errors = tuple(re.compile(p, re.M) for p in self.error_patterns)
        self._prompts = Prompts(self.exec_prompt, self.config_prompt, self.questions, self.answer)
        self._candidate: str | None = None
        self._replace = False
        self._backup: str | None = None

    # -- connection -------------------------------------------------------------------------
    def open(self) -> None:
        """Log in (host key checked unless ``strict_host_keys`` is False); `HostKeyError` for
        an unknown or changed key, `DeviceError` for anything else that stops the login."""
        self.device = open_session(self.target, self.netmiko_device_type)
        self.session_ready()

    def session_ready(self) -> None:
        """Override point: run once after login (Netmiko already turned paging off)."""

    def close(self) -> None:
        """Log out and drop the session. Netmiko's own `disconnect` first checks for config
        mode by waiting for 2 s of silence; this driver always leaves config mode itself."""
        session, self.device = self.device, None
        if session is None:
            return
        with contextlib.suppress(OSError, EOFError):  # the box may have gone away first
            session.write_channel(self.logout + session.RETURN)
        with contextlib.suppress(OSError, EOFError):
            session.paramiko_cleanup()
        secrets_filter = getattr(session, "_secrets_filter", None)  # added per session
        if secrets_filter is not None:
            netmiko_log.removeFilter(secrets_filter)

    def is_alive(self) -> dict[str, bool]:
        return {"is_alive": self.device is not None and bool(self.device.is_alive())}

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> Literal[False]:
        # NAPALM's own __exit__ prints "NAPALM didn't catch this exception" for ours
        self.close()
        return False

    def _session(self) -> BaseConnection:
        if self.device is None:
            raise DeviceError(self.hostname, "not connected", hint="call open() first")
        return self.device

    # -- helpers for subclasses -------------------------------------------------------------
    def send(self, command: str) -> str:
        """One exec command's output (echo and prompt stripped); `DeviceError` with the OS's
        own error line when the output matches `error_patterns`."""
        output = self._exchange(command, self.exec_prompt)
        error = self.error_in(output)
        if error is not None:
            raise DeviceError(self.hostname, f"`{command}` was refused: {error}")
        return output

    def parse(self, command: str) -> list[dict[str, str]]:
        """`send` ``command`` and read its output with ntc-templates (`ntc_platform`).

        A field the template reads as a list (addresses, VLANs) is joined with single
        spaces here: `.split()` it back, or use `parse_lists`."""
        return [
            {k: " ".join(v) if isinstance(v, list) else v for k, v in row.items()}
            for row in self.parse_lists(command)
        ]

    def parse_lists(self, command: str) -> list[dict[str, str | list[str]]]:
        """Like `parse`, list fields kept as lists."""
        output = self.send(command)
        try:
            rows: list[dict[str, str | list[str]]] = parse_output(
                platform=self.ntc_platform, command=command, data=output
            )
        except ParsingException as exc:
            raise DeviceError(
                self.hostname,
                f"the output of `{command}` could not be read with ntc-templates "
                f"({self.ntc_platform}): {exc}",
            ) from exc
        return rows

    def push(self, lines: Sequence[str]) -> str:
        """Enter configuration mode, enter ``lines`` one by one (each waits for the config
        prompt, never for silence), leave; the whole output. `DeviceError` naming the first
        line the box refused (the lines before it stay entered)."""
        outputs = [self._exchange(self.config_enter, self.config_prompt)]
        try:
            for n, line in enumerate(lines, 1):
                output = self._exchange(line, self.config_prompt)
                outputs.append(output)
                error = self.error_in(output)
                if error is not None:
                    raise DeviceError(
                        self.hostname,
                        f"the box refused config line {n} of {len(lines)}, `{line}`: {error}",
                        hint=f"the {n - 1} line(s) before it were entered",
                    )
        finally:
            outputs.append(self._exchange(self.config_exit, self.exec_prompt))
        return "".join(outputs)

    def error_in(self, output: str) -> str | None:
        """The first line of ``output`` that is one of the OS's error lines, or None."""
        for pattern in self._errors:
            m = pattern.search(output)
            if m:
                return m.group(0).strip()
        return None

    def _exchange(self, line: str, prompt: str) -> str:
        """Send ``line``; read until ``prompt`` (or a question, which is answered); the output
        without echo and prompt. For subclasses' own dialogues (commit, rollback N, ...)."""
        return exchange(
            self._session(),
            self.hostname,
            line,
            prompt,
            self._prompts,
            timeout=float(self.timeout),
            cmd_verify=self.cmd_verify,
        )

    def cli(self, commands: list[str], encoding: str = "text") -> dict[str, str]:
        """Each exec command's output; `DeviceError` if the box refuses one."""
        if encoding != "text":
            raise UnsupportedOperation(self.hostname, f"cli(encoding={encoding!r}): text only")
        return {command: self.send(command) for command in commands}

    # -- config -----------------------------------------------------------------------------
    def running_config(self) -> str:
        return self.send(self.running_config_command)

    def get_config(
        self,
        retrieve: str = "all",
        full: bool = False,
        sanitized: bool = False,
        format: str = "text",
    ) -> dict[str, str]:
        """NAPALM's running/startup/candidate; the candidate is the one this driver holds."""
        if sanitized or format != "text":
            raise UnsupportedOperation(
                self.hostname, "get_config: only unsanitized text is supported"
            )
        config = {"running": "", "startup": "", "candidate": ""}
        if retrieve in {"all", "running"}:
            config["running"] = self.running_config()
        if retrieve in {"all", "startup"}:
            config["startup"] = self.send(self.startup_config_command)
        if retrieve in {"all", "candidate"}:
            config["candidate"] = self._candidate or ""
        return config

    def require(self, capability: Capability, operation: str) -> None:
        """`UnsupportedOperation` unless this driver declares ``capability``."""
        if capability not in self.capabilities:
            have = ", ".join(sorted(self.capabilities)) or "none"
            raise UnsupportedOperation(
                self.hostname,
                f"the {self.platform} driver cannot {operation} (it lacks {capability!r}; "
                f"its capabilities: {have})",
            )

    # -- the generic config life cycle ------------------------------------------------------
    def load_merge_candidate(self, filename: str | None = None, config: str | None = None) -> None:
        self.require("candidate", "load a merge candidate")
        self._candidate, self._replace = _read_candidate(self.hostname, filename, config), False

    def load_replace_candidate(
        self, filename: str | None = None, config: str | None = None
    ) -> None:
        self.require("replace", "replace the whole config")
        self._candidate, self._replace = _read_candidate(self.hostname, filename, config), True

    def compare_config(self) -> str:
        """A unified diff of the running config ("running") and what the commit would make of
        it ("candidate"), both normalised (separators and headers dropped); "" if the same."""
        self.require("candidate", "compare a candidate")
        if self._candidate is None:
            return ""
        running = self.dialect.tree(self.running_config())
        candidate = self.dialect.tree(self._candidate)
        after = candidate if self._replace else self.dialect.merged(running, candidate)
        return unified_diff(self.dialect.text(running), self.dialect.text(after))

    def commit_config(self, message: str = "", revert_in: int | None = None) -> None:
        """Back up the running config (`backup_running`), enter the candidate (merge: its
        lines; replace: the difference), `save`. ``message`` has nowhere to go on an OS
        without a commit log. A driver with ``commit_confirm`` overrides this method."""
        self.require("candidate", "commit a candidate")
        if revert_in is not None:
            self.require(
                "commit_confirm", f"commit with an automatic revert (revert_in={revert_in})"
            )
            raise NotImplementedError(f"{type(self).__name__} declares commit_confirm: override")
        commands = self.commit_commands()
        try:
            if commands:
                self.push(commands)
        except DeviceError as exc:
            raise DeviceError(
                self.hostname,
                f"commit failed: {exc.message.removeprefix(self.hostname + ': ')}",
                hint="the lines before it are in the running config: rollback() restores the "
                "config saved before this commit",
            ) from exc
        self.save()
        self._candidate = None

    def commit_commands(self) -> list[str]:
        """Back up the running config (`backup_running`, kept for `rollback`) and return the
        commands that enter the loaded candidate: its own lines for a merge, the difference
        from the running config for a replace. For a subclass's own `commit_config`."""
        if self._candidate is None:
            raise DeviceError(self.hostname, "nothing to commit", hint="load a candidate first")
        running = self.backup_running()
        self._backup = running
        candidate = self.dialect.tree(self._candidate)
        if self._replace:
            return self.dialect.replace_commands(self.dialect.tree(running), candidate)
        return self.dialect.merge_commands(candidate)

    def backup_running(self) -> str:
        """Override point: keep the running config before a commit; returns its text. The
        generic one keeps it in this driver object only (see `rollback`)."""
        return self.running_config()

    def save(self) -> str:
        """Override point: write the running config to the saved config (Netmiko's
        `save_config` of the session's class, with its own Y/N handling)."""
        output = self._session().save_config()
        error = self.error_in(output)
        if error is not None:
            raise DeviceError(self.hostname, f"saving the config failed: {error}")
        return output

    def discard_config(self) -> None:
        self.require("candidate", "discard a candidate")
        self._candidate = None

    def has_pending_commit(self) -> bool:
        """False: the generic life cycle has no commit waiting for confirmation."""
        return False

    def confirm_commit(self) -> None:
        self.require("commit_confirm", "confirm a commit")
        raise NotImplementedError(f"{type(self).__name__} declares commit_confirm: override")

    def rollback(self) -> None:
        """Enter the difference back to the config backed up before this driver's last commit,
        save, and check the running config equals it again."""
        if self._backup is None:
            raise UnsupportedOperation(
                self.hostname,
                f"nothing to roll back: this driver object committed nothing, and the "
                f"{self.platform} driver keeps no commit history on the box",
                hint="roll back with the driver that committed, or restore a saved config",
            )
        backup = self.dialect.tree(self._backup)
        commands = self.dialect.replace_commands(self.dialect.tree(self.running_config()), backup)
        if commands:
            self.push(commands)
        self.save()
        now = self.dialect.tree(self.running_config())
        if not self.dialect.same(backup, now):
            left = unified_diff(self.dialect.text(backup), self.dialect.text(now))
            raise DeviceError(
                self.hostname, f"rollback left differences from the backed-up config:\n{left}"
            )
        self._backup = None

    # -- getters beyond NAPALM --------------------------------------------------------------
    def get_ospf_neighbors(self) -> list[OspfNeighborDict]:
        """Every OSPF adjacency, any state, every process and VRF (`OspfNeighborDict`)."""
        raise UnsupportedOperation(self.hostname, f"{self.platform}: no get_ospf_neighbors")

    def get_route_summary(self) -> dict[str, int]:
        """Routes in the routing table per protocol, in NAPALM's protocol words: {"connected":
        4, "local": 4, "static": 1, "ospf": 12, "bgp": 800, ...}; protocols with no route are
        left out. Counts are prefixes of the global table (not paths, not VRFs)."""
        raise UnsupportedOperation(self.hostname, f"{self.platform}: no get_route_summary")


def _read_candidate(host: str, filename: str | None, config: str | None) -> str:
    """NAPALM's rule: the file wins over the string; one of them is needed."""
    if filename is not None:
        try:
            return Path(filename).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{host}: cannot read the candidate config {filename}: {exc}") from exc
    if config is None:
        raise InputError(f"{host}: no candidate given", hint="pass filename= or config=")
    return config

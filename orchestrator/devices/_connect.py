"""Opening a Netmiko session with host keys checked, and every failure told in plain words.

Netmiko wraps most SSH failures in `NetmikoTimeoutException` (a changed or unknown host key
too); the paramiko exception it caught is kept as its context, and that is what tells an
attacker-shaped problem (a key) from a network one (refused, timed out).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import paramiko
from netmiko import BaseConnection, ConnectHandler
from netmiko.exceptions import NetmikoAuthenticationException, NetmikoTimeoutException

from orchestrator.errors import DeviceError, HostKeyError, InputError

KNOWN_HOSTS_ENV = "CUTOVER_KNOWN_HOSTS"

#: what a driver accepts in NAPALM's ``optional_args`` (`CutoverDriver.__init__` documents them)
OPTIONAL_ARGS = frozenset(
    {"port", "known_hosts", "strict_host_keys", "key_file", "secret", "ssh_config_file"}
)


def default_known_hosts() -> Path:
    """`$CUTOVER_KNOWN_HOSTS`, else `~/.ssh/known_hosts`."""
    configured = os.environ.get(KNOWN_HOSTS_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path("~/.ssh/known_hosts").expanduser()


@dataclass(frozen=True)
class Target:
    """Where and how to log in: what `CutoverDriver.__init__` read from its arguments."""

    hostname: str
    port: int
    username: str
    password: str
    timeout: float
    known_hosts: Path
    strict_host_keys: bool = True
    key_file: str | None = None
    secret: str = ""
    ssh_config_file: str | None = None

    @classmethod
    def make(
        cls,
        hostname: str,
        username: str,
        password: str,
        timeout: float,
        options: Mapping[str, object],
    ) -> Target:
        """The target NAPALM's arguments name; `InputError` for an option no driver takes."""
        unknown = sorted(set(options) - OPTIONAL_ARGS)
        if unknown:
            raise InputError(
                f"{hostname}: unknown driver option(s) {', '.join(unknown)}",
                hint=f"the driver takes {', '.join(sorted(OPTIONAL_ARGS))}",
            )
        known = options.get("known_hosts")
        key_file = options.get("key_file")
        ssh_config = options.get("ssh_config_file")
        return cls(
            hostname=hostname,
            port=int(str(options.get("port", 22))),
            username=username,
            password=password,
            timeout=float(timeout),
            known_hosts=Path(str(known)).expanduser() if known else default_known_hosts(),
            strict_host_keys=bool(options.get("strict_host_keys", True)),
            key_file=str(key_file) if key_file else None,
            secret=str(options.get("secret", "")),
            ssh_config_file=str(ssh_config) if ssh_config else None,
        )

    @property
    def where(self) -> str:
        return f"{self.hostname}:{self.port}"


def open_session(target: Target, device_type: str) -> BaseConnection:
    """A logged-in Netmiko session of class ``device_type``; `DeviceError` if there is none."""
    args: dict[str, Any] = {
        "device_type": device_type,
        "host": target.hostname,
        "port": target.port,
        "username": target.username,
        "password": target.password,
        "secret": target.secret,
        "timeout": target.timeout,
        "conn_timeout": min(target.timeout, 15.0),
        "auth_timeout": target.timeout,
        "banner_timeout": target.timeout,
        "allow_agent": False,
    }
    if target.ssh_config_file:
        args["ssh_config_file"] = target.ssh_config_file
    if target.key_file:
        args.update(use_keys=True, key_file=target.key_file)
    if target.strict_host_keys:
        args.update(
            ssh_strict=True,
            system_host_keys=False,
            alt_host_keys=True,
            alt_key_file=str(target.known_hosts),
        )
    else:
        args.update(ssh_strict=False, system_host_keys=False, alt_host_keys=False)
    try:
        connection: BaseConnection = ConnectHandler(**args)
    except NetmikoAuthenticationException as exc:
        raise DeviceError(
            target.hostname,
            f"login to {target.where} as {target.username!r} was refused",
            hint="check the credentials ($CUTOVER_USERNAME / $CUTOVER_PASSWORD or the key file)",
        ) from exc
    except (NetmikoTimeoutException, paramiko.SSHException, OSError, EOFError) as exc:
        raise _connect_error(target, exc) from exc
    return connection


def _causes(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def _connect_error(target: Target, exc: BaseException) -> DeviceError:
    file = target.known_hosts
    for cause in _causes(exc):
        if isinstance(cause, paramiko.BadHostKeyException):
            return HostKeyError(
                target.hostname,
                f"the SSH host key of {target.where} differs from the one in {file}: refused",
                hint=(
                    "if the box was replaced or re-keyed on purpose, remove its old line "
                    f"(ssh-keygen -R '[{target.hostname}]:{target.port}' -f {file}) and add the "
                    "new key after checking its fingerprint; otherwise someone may be "
                    "intercepting the connection"
                ),
            )
        if isinstance(cause, paramiko.SSHException) and "not found in known_hosts" in str(cause):
            missing = "" if file.is_file() else f" ({file} does not exist)"
            return HostKeyError(
                target.hostname,
                f"the SSH host key of {target.where} is not in {file}{missing}: refused",
                hint=(
                    "add the box's key to the known-hosts file after checking its fingerprint "
                    f"(ssh-keyscan -p {target.port} {target.hostname} >> {file}), or point "
                    f"${KNOWN_HOSTS_ENV} at the right file; `cutover lab up` writes one for the "
                    "lab (known_hosts in the lab's state folder)"
                ),
            )
    for cause in _causes(exc):
        refused = isinstance(cause, ConnectionRefusedError) or (
            isinstance(cause, paramiko.ssh_exception.NoValidConnectionsError)
            and all(isinstance(e, ConnectionRefusedError) for e in cause.errors.values())
        )
        if refused:
            return DeviceError(
                target.hostname,
                f"connection to {target.where} refused: no SSH server listens there",
                hint="check the address and port, and that the box (or `cutover lab up`) runs",
            )
        if isinstance(cause, socket.timeout | TimeoutError):
            return DeviceError(
                target.hostname,
                f"no answer from {target.where} within {target.timeout:g} s",
                hint="check that the box is reachable (routing, firewall) and up",
            )
    first = str(exc).strip().splitlines()
    detail = next((line for line in first if line.strip()), type(exc).__name__)
    return DeviceError(
        target.hostname,
        f"no SSH session to {target.where}: {detail}",
        hint="check that the box is reachable and answers SSH within the timeout",
    )

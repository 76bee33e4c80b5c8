"""The SSH side of the lab: one asyncssh listener per box on 127.0.0.1, password and key login.

Each box has its own stable host key in the lab's state folder; the lab writes a known-hosts
file for them, which the device layer checks by default. A box made unreachable (a fault)
stops listening and drops its sessions; a slow box answers each line late.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import asyncssh

from orchestrator.lab.device import LabDevice
from orchestrator.lab.session import LabContext, Persona, Session
from orchestrator.lab.terminal import Terminal

if TYPE_CHECKING:
    from orchestrator.lab.lab import Credentials


class _QuietDisconnects(logging.Filter):
    """asyncio logs each write to a socket a client already closed; a driver that logs out
    and closes at once makes that routine, so the lab drops those records."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "socket.send() raised exception."


logging.getLogger("asyncio").addFilter(_QuietDisconnects())


def host_key(folder: Path, name: str) -> asyncssh.SSHKey:
    """The box's host key, made once and kept in ``folder`` so it survives restarts."""
    path = folder / f"{name}.key"
    if path.exists():
        return asyncssh.read_private_key(str(path))
    folder.mkdir(parents=True, exist_ok=True)
    key = asyncssh.generate_private_key("ssh-ed25519")
    key.write_private_key(str(path))
    path.chmod(0o600)
    return key


class _Server(asyncssh.SSHServer):
    def __init__(self, box: BoxServer) -> None:
        self.box = box

    def begin_auth(self, username: str) -> bool:
        banner = self.box.persona.login_banner
        if banner and self._conn is not None:
            self._conn.send_auth_banner(banner if banner.endswith("\n") else banner + "\n")
        return True

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self._conn: asyncssh.SSHServerConnection | None = conn
        self.box.connections.add(conn)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._conn is not None:
            self.box.connections.discard(self._conn)

    def password_auth_supported(self) -> bool:
        return True

    def validate_password(self, username: str, password: str) -> bool:
        creds = self.box.credentials
        return username == creds.username and password == creds.password

    def public_key_auth_supported(self) -> bool:
        return bool(self.box.credentials.authorized_keys)

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        creds = self.box.credentials
        return username == creds.username and any(
            key.public_data == allowed.public_data for allowed in creds.authorized_keys
        )

    def session_requested(self) -> asyncssh.SSHServerSession[str]:
        return _Shell(self.box)


class _Shell(asyncssh.SSHServerSession[str]):
    """One SSH channel: an interactive shell (through a `Terminal`) or one exec command."""

    def __init__(self, box: BoxServer) -> None:
        self.box = box
        self.chan: asyncssh.SSHServerChannel[str] | None = None
        self.terminal: Terminal | None = None
        self.command: str | None = None

    def connection_made(self, chan: asyncssh.SSHServerChannel[str]) -> None:
        self.chan = chan

    def pty_requested(
        self, term_type: str, term_size: tuple[int, int, int, int], term_modes: object
    ) -> bool:
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command: str) -> bool:
        self.command = command
        return True

    def session_started(self) -> None:
        assert self.chan is not None
        user = str(self.chan.get_extra_info("username") or "")
        session = Session(self.box.lab, self.box.device, self.box.persona, user)
        if self.command is not None:
            session.paging = False
            self.chan.write(session.run([self.command]).replace("\n", "\r\n"))
            self.chan.exit(0)
            return
        self.terminal = Terminal(session, self._write, self.box.persona.more_prompt)
        self.terminal.start()

    def _write(self, text: str) -> None:
        if self.chan is not None:
            self.chan.write(text)

    def data_received(self, data: str, datatype: asyncssh.DataType) -> None:
        terminal = self.terminal
        if terminal is None:
            return
        delay = self.box.device.delay
        if delay:
            asyncio.get_running_loop().call_later(delay, self._feed, data)
        else:
            self._feed(data)

    def _feed(self, data: str) -> None:
        terminal = self.terminal
        if terminal is None or self.chan is None:
            return
        terminal.feed(data)
        if terminal.session.closed:
            self.chan.exit(0)

    def eof_received(self) -> bool:
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        # the user is gone: what the box holds for the session (a Junos exclusive lock, a
        # VRP8 candidate) goes with it, as on the real boxes
        if self.terminal is not None:
            self.terminal.session.closed = True
        self.terminal = None
        self.chan = None


class BoxServer:
    """The listener of one box."""

    def __init__(
        self,
        lab: LabContext,
        device: LabDevice,
        persona: Persona,
        credentials: Credentials,
        key_folder: Path,
    ) -> None:
        self.lab = lab
        self.device = device
        self.persona = persona
        self.credentials = credentials
        self.key = host_key(key_folder, device.name)
        self.listener: asyncssh.SSHAcceptor | None = None
        self.connections: set[asyncssh.SSHServerConnection] = set()

    async def start(self) -> None:
        self.listener = await asyncssh.listen(
            "127.0.0.1",
            self.device.port,
            server_host_keys=[self.key],
            server_factory=lambda: _Server(self),
            encoding="utf-8",
            line_editor=False,
            allow_scp=False,
            keepalive_interval=0,
            login_timeout=30,
        )
        if not self.device.port:
            self.device.port = self.listener.get_port()

    async def stop(self) -> None:
        for conn in list(self.connections):
            conn.close()
        self.connections.clear()
        if self.listener is not None:
            self.listener.close()
            await self.listener.wait_closed()
            self.listener = None

    def known_hosts_line(self) -> str:
        public = self.key.export_public_key("openssh").decode().strip()
        return f"[127.0.0.1]:{self.device.port} {public}"

"""The terminal side of a session: echo, line editing, Enter, paging.

What drivers rely on (checked against Netmiko): every typed character is echoed, CR, LF and
CRLF are each one Enter, NUL bytes (NAPALM's keepalive) are ignored, an empty line reprints the
prompt, and every prompt carries the hostname. Output longer than a page stops at the OS's
"more" prompt until paging is turned off, as on the real boxes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from orchestrator.lab.session import Session

Write = Callable[[str], None]

log = logging.getLogger(__name__)

BACKSPACE = {"\x08", "\x7f"}
CTRL_C = "\x03"
CTRL_Z = "\x1a"


class Terminal:
    """Feeds typed characters to a `Session` and writes what the box prints."""

    def __init__(self, session: Session, write: Write, more: str = " --More-- ") -> None:
        self.session = session
        self.write = write
        self.more = more
        self.buffer: list[str] = []
        self._last_cr = False
        self._paged: list[str] = []  # lines still to show behind the more prompt

    def start(self) -> None:
        """Print the post-login text and the first prompt."""
        motd = self.session.persona.motd
        if motd:
            self._out(motd if motd.endswith("\n") else motd + "\n")
        self.write(self.session.prompt())

    def feed(self, data: str) -> None:
        for char in data:
            if self.session.closed:
                return
            if char == "\x00":
                continue
            if self._paged:
                self._page_key(char)
                continue
            if char == "\n" and self._last_cr:
                self._last_cr = False
                continue
            self._last_cr = char == "\r"
            if char in "\r\n":
                self._enter()
            elif char in BACKSPACE:
                if self.buffer:
                    self.buffer.pop()
                    self.write("\b \b")
            elif char == CTRL_C:
                self.buffer.clear()
                self.write("^C\r\n" + self.session.prompt())
            elif char == CTRL_Z:
                self.buffer.clear()
                if self.session.mode == "config":
                    self.session.leave_config()
                self.write("\r\n" + self.session.prompt())
            elif char >= " " or char == "\t":
                self.buffer.append(char)
                self.write(char)

    def _enter(self) -> None:
        line = "".join(self.buffer)
        self.buffer.clear()
        self.write("\r\n")
        try:
            output = self.session.handle(line)
        except Exception as exc:  # a lab bug must not look like a dropped connection
            log.exception("lab: %s failed on %r", self.session.device.name, line)
            output = (
                f"% cutover lab: internal error on this command ({type(exc).__name__}: {exc})\n"
            )
        if self.session.closed:
            if output:
                self._out(output)
            return
        self._show(output)

    def _show(self, output: str) -> None:
        if self.session.pending is not None:  # a question: the answer comes next, no prompt
            self._out(output)
            return
        lines = output.split("\n")
        if output.endswith("\n"):
            lines.pop()
        limit = self.session.page_length
        if self.session.paging and len(lines) > limit:
            self._out("\n".join(lines[:limit]) + "\n")
            self._paged = lines[limit:]
            self.write(self.more)
            return
        self._out(output)
        self.write(self.session.prompt())

    def _page_key(self, char: str) -> None:
        self.write("\r" + " " * len(self.more) + "\r")
        if char in "qQ" or char == CTRL_C:
            self._paged = []
            self.write(self.session.prompt())
            return
        count = 1 if char in "\r\n" else self.session.page_length
        shown, self._paged = self._paged[:count], self._paged[count:]
        self._out("\n".join(shown) + "\n")
        if self._paged:
            self.write(self.more)
        else:
            self.write(self.session.prompt())

    def _out(self, text: str) -> None:
        self.write(text.replace("\r\n", "\n").replace("\n", "\r\n"))

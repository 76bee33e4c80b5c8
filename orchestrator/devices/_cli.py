"""One line to a box and its answer, read up to a prompt pattern (never up to silence).

Netmiko's `send_command` with ``expect_string`` is the transport; what this adds is the OS's
questions (`[Y/N]:`) answered on the way, the prompt line stripped by pattern (so a hostname
changed by the last commit does not leave the new prompt in the output) and Netmiko's
exceptions told as `DeviceError` naming the host and the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from netmiko import BaseConnection
from netmiko.exceptions import ReadTimeout

from orchestrator.errors import DeviceError


@dataclass(frozen=True)
class Prompts:
    """An OS's prompt patterns (regexes matched per line) and the questions it may ask."""

    exec_prompt: str
    config_prompt: str
    questions: Sequence[str] = ()
    answer: str = "y"
    _ends: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _asks: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_ends", (re.compile(self.exec_prompt), re.compile(self.config_prompt))
        )
        object.__setattr__(self, "_asks", tuple(re.compile(q) for q in self.questions))

    def strip(self, output: str) -> str:
        """``output`` without its last line when that line is a prompt."""
        lines = output.rstrip("\n").split("\n")
        if lines and any(p.search(lines[-1]) for p in self._ends):
            lines.pop()
        return "\n".join(lines) + "\n" if lines else ""

    def asks(self, output: str) -> bool:
        """Whether ``output`` ends with one of the questions."""
        last = output.rstrip("\n").rsplit("\n", 1)[-1]
        return any(q.search(last) for q in self._asks)


def exchange(
    session: BaseConnection,
    host: str,
    line: str,
    prompt: str,
    prompts: Prompts,
    *,
    timeout: float,
    cmd_verify: bool = True,
) -> str:
    """Send ``line``; read until ``prompt`` (a regex, per line), answering questions; the
    output without the echo and the prompt."""
    expect = "|".join(f"(?:{p})" for p in (prompt, *prompts.questions))
    output = ""
    for _ in range(5):  # a command may ask a few questions in a row
        try:
            chunk = session.send_command(
                line,
                expect_string=f"(?m){expect}",
                read_timeout=timeout,
                strip_prompt=False,
                strip_command=True,
                cmd_verify=cmd_verify,
            )
        except ReadTimeout as exc:
            raise DeviceError(
                host,
                f"no prompt after `{line}` within {timeout:g} s",
                hint="the box is slow or its prompt is not the one this driver expects",
            ) from exc
        except (OSError, EOFError) as exc:
            raise DeviceError(host, f"the session broke during `{line}`") from exc
        assert isinstance(chunk, str)
        output += chunk
        if not prompts.asks(chunk):
            break
        line = prompts.answer
    return prompts.strip(output)

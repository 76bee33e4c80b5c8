"""The project's exceptions: one root, one branch per domain, each with its exit code.

Exit codes follow the CLI contract: 1 the job ran and something failed, 2 the user's input is
wrong, 3 refused for safety. Every message names the object at fault (file and line, host, stage)
and says what the user can do about it.
"""

from __future__ import annotations

from pathlib import Path


class CutoverError(Exception):
    """Root of every error the project raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n  hint: {self.hint}"
        return self.message


class InputError(CutoverError):
    """The user's input is wrong: unknown platform, missing or unreadable file, bad syntax."""

    exit_code = 2


class PlatformError(InputError):
    """An unknown platform name, or a file that is clearly another platform than the one given."""


class ParseError(InputError):
    """A config file cannot be read as a config of the given platform at all."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        elif line is not None:
            where = f"line {line}: "
        super().__init__(where + message, hint=hint)
        self.path = path
        self.line = line


class ParserCrash(CutoverError):
    """A parser failed on input it should have reported line by line: a bug in cutover."""


class PortMapError(InputError):
    """A port map file is malformed, or a used source port has no place on the target."""


class InventoryError(InputError):
    """The inventory is malformed."""


class TranslateError(CutoverError):
    """Translation ran but could not complete (a bug or an unsupported construct)."""


class SafetyError(CutoverError):
    """Refused for safety: the plan changed, the window is too short, the site is locked."""

    exit_code = 3


class DeviceError(CutoverError):
    """A device could not be reached, refused a command, or answered something unexpected."""

    def __init__(self, host: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(f"{host}: {message}", hint=hint)
        self.host = host


class UnsupportedOperation(DeviceError, NotImplementedError):
    """The driver cannot do this on this platform (it is not in the driver's capabilities)."""


class HostKeyError(DeviceError):
    """A device's SSH host key is unknown or changed: refused until the user checks it."""

    exit_code = 3


class LabError(CutoverError):
    """The embedded lab could not start, stop or answer."""

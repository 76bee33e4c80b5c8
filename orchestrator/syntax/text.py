"""Reading a config file into numbered lines and an indentation tree.

Real config files come with CRLF line ends, `--More--` remnants, prompts, and comments in GBK.
This module turns bytes into text (or a clear `ParseError`), and text into `Line` objects that
remember their number in the file, so that every report can point at the line a user sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from orchestrator.errors import ParseError

#: Control characters other than tab, CR, LF, form feed and ESC make a file binary to us.
_BINARY_CONTROL = re.compile(rb"[\x00-\x07\x0e-\x1a\x1c-\x1f]")
_PAGER_REMNANT = re.compile(r"\s*-+\s*[Mm]ore\s*-+\s*(?:\x08+\s*\x08*)?")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_BACKSPACE = re.compile(r"[^\x08]\x08")


@dataclass
class Decoded:
    text: str
    warnings: list[str] = field(default_factory=list)


def decode_config(data: bytes, *, path: str = "<input>") -> Decoded:
    """Bytes of a config file to text; GBK lines are accepted with a warning naming the line.

    >>> decode_config(b"hostname R1\\r\\n").text
    'hostname R1\\n'
    """
    # exports from some tools (Huawei eNSP) end with NUL padding: not part of the text
    data = data.rstrip(b"\x00")
    if not data.strip():
        raise ParseError(
            "the file is empty", path=path, hint="pass the output of `show running-config`"
        )
    sample = data[:65536]
    controls = len(_BINARY_CONTROL.findall(sample))
    if b"\x00" in sample or controls > max(4, len(sample) // 200):
        raise ParseError(
            "this is a binary file, not a device configuration",
            path=path,
            hint="export the configuration as text (`show running-config`, "
            "`display current-configuration`, `show configuration`)",
        )
    warnings: list[str] = []
    lines_out: list[str] = []
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            lines_out.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            lines_out.append(raw.decode("gbk"))
            warnings.append(f"{path}:{number}: not UTF-8; read as GBK (Chinese) text")
        except UnicodeDecodeError as exc:
            raise ParseError(
                f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1} is neither UTF-8 nor GBK",
                path=path,
                line=number,
                hint="re-export the configuration as UTF-8 text, or remove the damaged line",
            ) from exc
    text = "\n".join(lines_out) + "\n"
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text=text, warnings=warnings)


def read_config(path: Path) -> Decoded:
    """Read and decode a config file, turning I/O problems into input errors."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ParseError("no such file", path=path) from exc
    except IsADirectoryError as exc:
        raise ParseError("this is a folder, not a config file", path=path) from exc
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror}", path=path) from exc
    return decode_config(data, path=str(path))


@dataclass
class Line:
    """One line of a config file, with its 1-based number and its place in the indentation tree."""

    n: int
    raw: str
    text: str  # stripped of indentation and trailing blanks
    indent: int
    children: list[Line] = field(default_factory=list)
    parent: Line | None = field(default=None, repr=False)

    @property
    def words(self) -> list[str]:
        return self.text.split()

    def descendants(self) -> list[Line]:
        out: list[Line] = []
        for child in self.children:
            out.append(child)
            out.extend(child.descendants())
        return out


def clean_line(raw: str) -> str:
    """Drop what terminals leave in captured configs: pager prompts, ANSI codes, backspaces."""
    if "\x1b" in raw:
        raw = _ANSI.sub("", raw)
    if "More" in raw or "more" in raw:
        raw = _PAGER_REMNANT.sub("", raw)
    while "\x08" in raw:
        erased = _BACKSPACE.sub("", raw, count=1)
        raw = erased if erased != raw else raw.replace("\x08", "")
    return raw.replace("\t", "    ").rstrip()


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` as a `Line`, numbered from 1, with no tree built yet."""
    out: list[Line] = []
    for n, raw in enumerate(text.split("\n"), start=1):
        cleaned = clean_line(raw)
        stripped = cleaned.lstrip(" ")
        out.append(Line(n=n, raw=raw, text=stripped, indent=len(cleaned) - len(stripped)))
    if out and not out[-1].raw:
        out.pop()  # the empty string after the final newline is not a line of the file
    return out


def build_tree(lines: list[Line]) -> list[Line]:
    """Nest ``lines`` by indentation; return the top-level ones. Input lines must all count."""
    roots: list[Line] = []
    stack: list[Line] = []
    for line in lines:
        line.children = []
        while stack and stack[-1].indent >= line.indent:
            stack.pop()
        if stack:
            line.parent = stack[-1]
            stack[-1].children.append(line)
        else:
            line.parent = None
            roots.append(line)
        stack.append(line)
    return roots

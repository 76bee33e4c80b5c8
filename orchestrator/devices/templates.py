"""ntc-templates parsing without rebuilding the template on every call.

`ntc_templates.parse.parse_output` reads the index and compiles the TextFSM template (dozens of
regexes) on every call; gathering many boxes spent most of its CPU there. Here the index is
read once and each template is compiled once per thread (a TextFSM object holds parse state,
so threads do not share one).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import textfsm
from ntc_templates.parse import ParsingException, _get_template_dir
from textfsm import clitable

_lock = threading.Lock()
_index: clitable.CliTable | None = None
_files: dict[tuple[str, str], list[str]] = {}
_local = threading.local()


def parse_output(platform: str, command: str, data: str) -> list[dict[str, Any]]:
    """Rows of the ntc-templates template for ``platform``/``command`` over ``data``, with
    lower-case keys, as `ntc_templates.parse.parse_output` returns them (single-template
    commands, which is every command the drivers use)."""
    fsms: dict[tuple[str, str], textfsm.TextFSM] = _local.__dict__.setdefault("fsms", {})
    key = (platform, command)
    fsm = fsms.get(key)
    if fsm is None:
        paths = _template_files(platform, command)
        if len(paths) != 1:
            from ntc_templates.parse import parse_output as slow

            rows: list[dict[str, Any]] = slow(platform=platform, command=command, data=data)
            return rows
        with open(paths[0], encoding="utf-8") as handle:
            fsm = fsms[key] = textfsm.TextFSM(handle)
    fsm.Reset()
    header = [name.lower() for name in fsm.header]
    return [dict(zip(header, row, strict=True)) for row in fsm.ParseText(data)]


def _template_files(platform: str, command: str) -> list[str]:
    global _index
    key = (platform, command)
    with _lock:
        found = _files.get(key)
        if found is None:
            template_dir = _get_template_dir()
            if _index is None:
                _index = clitable.CliTable("index", template_dir)
            row = _index.index.GetRowMatch({"Command": command, "Platform": platform})
            if not row:
                raise ParsingException(f"no ntc-template for {platform} {command!r}")
            names = str(_index.index.index[row]["Template"]).split(":")
            found = _files[key] = [str(Path(template_dir) / name) for name in names]
        return found

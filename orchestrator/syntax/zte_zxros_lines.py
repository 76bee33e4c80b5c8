"""ZXROS management lines: `line console|telnet idle-timeout N`, `line telnet server disable` and
`ssh server access-class ipv4 ACL` ([CTN]).

ZXROS has one line configuration per kind (console, telnet/SSH), not numbered lines: the first
source line of a kind is written; later lines of the kind that say the same share its outcome
(their settings are the ones written), lines that differ are reported.
"""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

from orchestrator.model import DeviceConfig, MgmtLine
from orchestrator.syntax.base import Emission, Emitter
from orchestrator.syntax.rules import Ctx, set_field
from orchestrator.syntax.sweep import sweep
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import Writer, all_fields


def s_line(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    kind = "console" if m.group(1) == "console" else "vty"
    system = ctx.config.system
    entry = next((x for x in system.lines if x.kind == kind), None)
    if entry is None:
        entry = MgmtLine(kind=kind)  # type: ignore[arg-type]
        system.lines.append(entry)
        system.at(line.n, "lines")
    entry.at(line.n)
    what = m.group(2)
    tm = re.fullmatch(r"idle-timeout (\d+)", what)
    if tm:
        set_field(entry, line, "exec_timeout", int(tm.group(1)) * 60)
    elif what == "server disable" and kind == "vty":
        set_field(entry, line, "transport_input", ["ssh"])
    else:
        ctx.report.unsupported(line, f"line setting {what!r} not translated")


def s_ssh_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    system = ctx.config.system
    entry = next((x for x in system.lines if x.kind == "vty"), None)
    if entry is None:
        entry = MgmtLine(kind="vty")
        system.lines.append(entry)
        system.at(line.n, "lines")
    set_field(entry, line, "acl_in", m.group(1))


def render_lines(w: Writer, config: DeviceConfig) -> None:
    out = w.out
    system = config.system
    seen: dict[str, MgmtLine] = {}
    merged: dict[int, list[MgmtLine]] = {}
    with w.section("line"):
        for entry in system.lines:
            if entry.kind == "aux":
                out.unsupported(
                    entry,
                    *all_fields(entry),
                    reason="AUX port settings: no ZXROS NG aux line configuration is known "
                    "to cutover",
                )
                continue
            if entry.kind in seen:
                first = seen[entry.kind]
                same = all(
                    getattr(entry, f.name) == getattr(first, f.name)
                    for f in fields(MgmtLine)
                    if f.name not in ("src", "first", "last")
                )
                if same:
                    # ZXROS has one line configuration per kind: these lines say the same
                    merged.setdefault(id(first), []).append(entry)
                    out.leave_out(entry, *all_fields(entry))
                else:
                    out.unsupported(
                        entry,
                        *all_fields(entry),
                        reason="ZXROS has one "
                        f"{entry.kind} line configuration; these settings differ",
                    )
                continue
            seen[entry.kind] = entry
        for entry in seen.values():
            _render_line(w, entry, merged.get(id(entry), []))


def _render_line(w: Writer, entry: MgmtLine, same: list[MgmtLine]) -> None:
    """One ZXROS line configuration; ``same`` are source lines of the kind that say the same."""
    out = w.out
    before = len(out.result.emissions)
    _render_line_settings(w, entry)
    # the settings no rule wrote are reported now: the lines that repeat them share the outcome
    sweep(out, entry)
    if len(out.result.emissions) == before:
        out.ignore(entry, "", rule="nothing to set on ZXROS for this line")
    written = out.result.emissions[before:]
    for other in same:
        for name in all_fields(other):
            mine = entry.src.get(name) or entry.src.get("")
            theirs = other.src.get(name)
            _share_outcome(out, written, mine, theirs)


def _share_outcome(
    out: Emitter, written: list[Emission], mine: tuple[int, ...], theirs: tuple[int, ...]
) -> None:
    """Lines that repeat a setting get the outcome of the line they repeat."""
    result = out.result
    for n in mine:
        if n in result.unsupported:
            for m in theirs:
                result.unsupported.setdefault(m, result.unsupported[n])
            return
    for emission in written:
        if any(n in emission.sources for n in mine):
            emission.sources += tuple(m for m in theirs if m not in emission.sources)
            return
    for n in mine:
        if n in result.ignored:
            for m in theirs:
                result.ignored.setdefault(m, result.ignored[n])
            return


def _render_line_settings(w: Writer, entry: MgmtLine) -> None:
    out = w.out
    word = "console" if entry.kind == "console" else "telnet"
    out.mark(entry, "", "kind")  # one line configuration per kind
    out.ignore(entry, "first", "last", rule="ZXROS has no numbered lines")
    if entry.exec_timeout is not None:
        if entry.exec_timeout % 60:
            out.unsupported(entry, "exec_timeout", reason="ZXROS idle timeouts are whole minutes")
        else:
            w.line(
                f"line {word} idle-timeout {entry.exec_timeout // 60}", entry, "", "exec_timeout"
            )
    if entry.kind == "vty" and entry.transport_input:
        if entry.transport_input == ["none"]:
            out.unsupported(entry, "transport_input", reason="closing all remote access")
        elif "telnet" in entry.transport_input:
            out.ignore(entry, "transport_input", rule="ZXROS accepts SSH and Telnet by default")
        else:
            w.line("line telnet server disable", entry, "", "transport_input")
            out.change(
                entry,
                "transport_input",
                note="ZXROS turns the Telnet server off globally; SSH logins stay allowed",
            )
    elif entry.transport_input:
        out.ignore(entry, "transport_input", rule="the console takes no remote protocols")
    if entry.acl_in is not None:
        if entry.kind == "vty":
            w.line(f"ssh server access-class ipv4 {entry.acl_in}", entry, "", "acl_in")
            out.change(entry, "acl_in", note="the ACL filters SSH logins (Telnet is not filtered)")
        else:
            out.unsupported(entry, "acl_in", reason="console ACL")
    if entry.login in ("local", "aaa"):
        out.ignore(entry, "login", rule="ZXROS logins always use the AAA templates and users")
    elif entry.login is not None:
        out.unsupported(entry, "login", reason=f"login {entry.login}: ZXROS needs user names")
    if entry.password is not None:
        out.unsupported(entry, "password", reason="ZXROS has no per-line passwords")
    if entry.privilege is not None:
        out.unsupported(entry, "privilege", reason="ZXROS privilege comes from user templates")

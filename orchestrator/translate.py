"""Source config text → target config text, with a report that accounts for every source line.

    parse (source platform) → map ports → adapt to the target → render (target platform)
                                              └→ parse the rendered text again: round trip

Nothing here knows a vendor's syntax; what a target can express is data on its platform object.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from orchestrator import ports
from orchestrator.adapt import Adapted, adapt
from orchestrator.detect import resolve_platform
from orchestrator.errors import PortMapError
from orchestrator.model.walk import comparable, differences
from orchestrator.portmap import Profile, assign_ports, canonical_port_map
from orchestrator.secrets import SecretRef
from orchestrator.syntax import get_platform
from orchestrator.syntax.base import Emission, Parsed, Rendered
from orchestrator.syntax.text import read_config

Status = Literal["translated", "translated-with-change", "unsupported", "ignored"]
STATUSES: tuple[Status, ...] = ("translated", "translated-with-change", "unsupported", "ignored")


@dataclass
class LineResult:
    n: int
    text: str  # secrets redacted
    status: Status
    target: list[str] = field(default_factory=list)
    reason: str | None = None


@dataclass
class RoundTrip:
    ok: bool
    differences: list[str] = field(default_factory=list)


@dataclass
class Translation:
    source_platform: str
    target_platform: str
    path: str
    lines: list[LineResult]
    target_config: str
    roundtrip: RoundTrip
    secrets: list[SecretRef]
    ports: dict[str, str]
    warnings: list[str]
    detected: bool  # the source platform was detected, not given
    #: the rendered lines with provenance and view chain (for syntax checks of the target)
    emissions: list[Emission] = field(default_factory=list)

    @property
    def source_lines(self) -> int:
        return len(self.lines)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = dict.fromkeys(STATUSES, 0)
        for line in self.lines:
            out[line.status] += 1
        return out

    def coverage(self) -> float:
        """Share of source lines translated, translated with a change, or ignored by a rule."""
        if not self.lines:
            return 1.0
        counts = self.counts()
        return (self.source_lines - counts["unsupported"]) / self.source_lines

    def to_json(self) -> dict[str, Any]:
        return {
            "source_platform": self.source_platform,
            "source_detected": self.detected,
            "target_platform": self.target_platform,
            "source_lines": self.source_lines,
            "counts": self.counts(),
            "roundtrip": {"ok": self.roundtrip.ok, "differences": self.roundtrip.differences},
            "lines": [
                {
                    "n": ln.n,
                    "text": ln.text,
                    "status": ln.status,
                    "target": ln.target,
                    "reason": ln.reason,
                }
                for ln in self.lines
            ],
            "target_config": self.target_config,
            "secrets": [
                {
                    "key": s.key,
                    "source_kind": s.source_kind,
                    "lines": list(s.source_lines),
                    "rekey": s.rekey,
                    "env": s.env,
                }
                for s in self.secrets
            ],
            "ports": self.ports,
            "warnings": self.warnings,
        }


def plan_port_names(
    parsed: Parsed,
    target: str,
    port_map: Mapping[str, str] | None = None,
    *,
    port_map_path: str = "port map",
) -> dict[str, str]:
    """Source interface name → target name for every interface of the source config.

    Without a port map every interface gets the target's default name (same kind and speed,
    renumbered in the target's layout). With one, every physical port in use (not shut down)
    must be in it; shut ports missing from it get no place. Logical interfaces (LAGs, SVIs,
    loopbacks) keep their numbers; sub-interfaces follow their parent. Interfaces the target has
    no kind of (ATM on a switch) are left out: `adapt` reports their lines unsupported.
    """
    source = parsed.platform
    pinned = canonical_port_map(port_map, source, target) if port_map is not None else None
    names: dict[str, str] = {}
    used_targets: dict[str, str] = {}
    # parents first: a sub-interface takes its parent's target name
    interfaces = sorted(
        parsed.config.interfaces.items(), key=lambda item: item[1].kind == "subinterface"
    )
    for name, ifc in interfaces:
        mapped: str | None = None
        if pinned is not None and name in pinned:
            mapped = pinned[name]
        elif pinned is not None and ifc.kind == "ethernet":
            if ifc.shutdown is not True:
                raise PortMapError(
                    f"{port_map_path}: source port {name} is in use but has no entry",
                    hint=f"add a line `{name}: <target port>` or shut the port down",
                )
            continue
        elif ifc.kind == "subinterface":
            parent, _, sub = name.rpartition(".")
            if parent in names:
                mapped = f"{names[parent]}.{sub}"
            elif parent in parsed.config.interfaces:
                continue  # the parent port has no place, so neither has this
        if mapped is None:
            speed = _speed_of(ifc.speed)
            routed = _routed_lag(parsed, name) if ifc.kind == "lag" else None
            mapped = ports.map_name(source, name, target, speed=speed, routed=routed)
        if mapped is None:
            continue
        mapped = ports.canonical_name(target, mapped)
        if mapped in used_targets:
            raise PortMapError(
                f"{port_map_path}: {name} and {used_targets[mapped]} both map to {mapped}",
                hint="give each source port its own target port",
            )
        used_targets[mapped] = name
        names[name] = mapped
    return names


def _routed_lag(parsed: Parsed, name: str) -> bool:
    """A LAG routes when it or one of its sub-interfaces has layer-3 settings."""
    for other, ifc in parsed.config.interfaces.items():
        if other == name or other.startswith(name + "."):
            if ifc.ipv4 or ifc.ipv6 or ifc.vrf or ifc.routed or other != name:
                return True
    return False


def _speed_of(speed: str | None) -> int | None:
    if speed is None or not speed.isdigit():
        return None
    return int(speed)


def render_and_check(adapted: Adapted, target: str) -> tuple[Rendered, RoundTrip]:
    """Render the adapted model and parse the result again; report what did not survive."""
    platform = get_platform(target)
    rendered = platform.render(adapted.config)
    reparsed = platform.parse(rendered.text, path=f"<rendered {target}>")
    expected = comparable(adapted.config, frozenset(rendered.dropped))
    got = comparable(reparsed.config)
    diffs = [] if expected == got else differences(expected, got)
    not_understood = [
        f"rendered line {e.n}: {e.text!r} ({e.reason})"
        for e in reparsed.report.lines.values()
        if e.outcome == "unsupported"
    ]
    diffs.extend(not_understood[:20])
    return rendered, RoundTrip(ok=not diffs, differences=diffs)


def translate_parsed(
    parsed: Parsed,
    target: str,
    *,
    port_map: Mapping[str, str] | None = None,
    port_map_path: str = "port map",
    hardware: Profile | None = None,
    path: str = "<input>",
    detected: bool = False,
    consume: bool = False,
) -> Translation:
    """Translate an already parsed config; see `translate_text`.

    ``consume=True`` lets adapt work on ``parsed.config`` itself instead of a copy (the caller
    will not use the parsed model again); only its line report is read afterwards.
    """
    if hardware is not None:
        if hardware.platform != target:
            raise PortMapError(
                f"hardware profile {hardware.model} is a {hardware.platform} box, not {target}",
                hint=f"translate --to {hardware.platform}, or pick a {target} profile",
            )
        port_map = assign_ports(parsed.config, parsed.platform, hardware, port_map)
        port_map_path = f"hardware profile {hardware.model}"
    names = plan_port_names(parsed, target, port_map, port_map_path=port_map_path)
    config = parsed.config if consume else copy.deepcopy(parsed.config)
    adapted = adapt(config, parsed.platform, target, names)
    rendered, roundtrip = render_and_check(adapted, target)
    return Translation(
        source_platform=parsed.platform,
        target_platform=target,
        path=path,
        lines=_line_results(parsed, adapted, rendered),
        target_config=rendered.text,
        roundtrip=roundtrip,
        secrets=adapted.secrets,
        ports={k: v for k, v in names.items() if k != v},
        warnings=list(parsed.report.warnings),
        detected=detected,
        emissions=rendered.emissions,
    )


def translate_text(
    text: str,
    target: str,
    *,
    source: str = "auto",
    port_map: Mapping[str, str] | None = None,
    port_map_path: str = "port map",
    hardware: Profile | None = None,
    path: str = "<input>",
    warnings: list[str] | None = None,
) -> Translation:
    """Translate config ``text`` to ``target``. ``source="auto"`` detects the platform.

    ``port_map`` pins source ports to target ports; ``hardware`` assigns the rest from a real
    model's port layout. Raises `InputError` subclasses (exit code 2) for input that is wrong.
    """
    get_platform(target)  # an unknown target is refused before any work
    platform_name, detected = resolve_platform(text, source, path=path)
    parsed = get_platform(platform_name).parse(text, path=path)
    if warnings:
        parsed.report.warnings[:0] = warnings
    return translate_parsed(
        parsed,
        target,
        port_map=port_map,
        port_map_path=port_map_path,
        hardware=hardware,
        path=path,
        detected=detected,
        consume=True,
    )


def translate_file(
    path: Path,
    target: str,
    *,
    source: str = "auto",
    port_map: Mapping[str, str] | None = None,
    port_map_path: str = "port map",
    hardware: Profile | None = None,
) -> Translation:
    """Read, decode (UTF-8, or GBK with a warning) and translate the config file at ``path``."""
    decoded = read_config(path)
    return translate_text(
        decoded.text,
        target,
        source=source,
        port_map=port_map,
        port_map_path=port_map_path,
        hardware=hardware,
        path=str(path),
        warnings=decoded.warnings,
    )


def _line_results(parsed: Parsed, adapted: Adapted, rendered: Rendered) -> list[LineResult]:
    report = parsed.report
    targets: dict[int, list[str]] = {}
    for emission in rendered.emissions:
        for n in emission.sources:
            targets.setdefault(n, []).append(emission.text.strip())
    changes: dict[int, list[str]] = {}
    for source in (adapted.notes.result.changes, rendered.changes):
        for n, notes in source.items():
            changes.setdefault(n, []).extend(x for x in notes if x not in changes.get(n, []))
    unsupported = {**rendered.unsupported, **adapted.notes.result.unsupported}
    ignored = {**rendered.ignored, **adapted.notes.result.ignored}

    results: dict[int, LineResult] = {}
    blocks = []
    for n, entry in report.lines.items():
        text = report.shown_text(n)
        if entry.outcome == "block":
            blocks.append(entry)
            continue
        if entry.outcome == "ignored":
            results[n] = LineResult(n, text, "ignored", [], entry.reason)
        elif entry.outcome == "unsupported":
            results[n] = LineResult(n, text, "unsupported", [], entry.reason)
        elif n in unsupported:
            results[n] = LineResult(n, text, "unsupported", [], unsupported[n])
        elif n in targets:
            note = changes.get(n)
            results[n] = LineResult(
                n,
                text,
                "translated-with-change" if note else "translated",
                targets[n],
                "; ".join(note) if note else None,
            )
        elif n in ignored:
            results[n] = LineResult(n, text, "ignored", [], ignored[n])
        elif n in changes:
            results[n] = LineResult(n, text, "translated-with-change", [], "; ".join(changes[n]))
        else:
            results[n] = LineResult(
                n,
                text,
                "unsupported",
                [],
                f"parsed, but the {rendered.platform} renderer writes nothing for it",
            )
    for entry in blocks:
        kids = [results[c] for c in entry.children if c in results]
        status: Status
        reason: str | None
        if kids and all(k.status == "unsupported" for k in kids):
            status, reason = "unsupported", "every statement in this block is unsupported"
        elif kids and all(k.status == "ignored" for k in kids):
            status, reason = "ignored", "every statement in this block is ignored"
        elif not kids:
            status, reason = "ignored", "empty block"
        else:
            status, reason = "translated", entry.reason
        results[entry.n] = LineResult(entry.n, report.shown_text(entry.n), status, [], reason)
    return [results[n] for n in sorted(results)]

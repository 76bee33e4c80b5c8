"""Port maps (a YAML file: source port → target port) and target hardware profiles.

A hardware profile lists a real model's ports and their speeds, so the planner can give every
source port a place on the new box: same speed first, then the next faster free port. A port
map pins ports by hand and wins over the profile. A used source port with no place is an error
that names it; nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from orchestrator import ports
from orchestrator.errors import PortMapError
from orchestrator.model import DeviceConfig

_RANGE = re.compile(r"(?P<head>.*?)(?P<lo>\d+)-(?P<hi>\d+)$")


@dataclass(frozen=True)
class ProfilePort:
    name: str
    speed: int


@dataclass
class Profile:
    model: str
    platform: str
    ports: list[ProfilePort] = field(default_factory=list)
    management: str | None = None
    vendor: str = ""
    path: str = ""

    def names(self) -> set[str]:
        out = {p.name for p in self.ports}
        if self.management:
            out.add(self.management)
        return out


def _expand(spec: str) -> list[str]:
    m = _RANGE.fullmatch(spec.strip())
    if m is None:
        return [spec.strip()]
    lo, hi = int(m.group("lo")), int(m.group("hi"))
    return [f"{m.group('head')}{n}" for n in range(lo, hi + 1)]


def _yaml_mapping(text: str, path: str) -> dict[str, object]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        raise PortMapError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if not isinstance(data, dict):
        raise PortMapError(f"{path}: expected a mapping at the top level")
    return data


def parse_profile(text: str, path: str = "<profile>") -> Profile:
    data = _yaml_mapping(text, path)
    try:
        profile = Profile(
            model=str(data["model"]),
            platform=str(data["platform"]),
            management=str(data["management"]) if data.get("management") else None,
            vendor=str(data.get("vendor", "")),
            path=path,
        )
        entries = data["ports"]
    except KeyError as exc:
        raise PortMapError(f"{path}: missing key {exc.args[0]!r}") from exc
    if not isinstance(entries, list):
        raise PortMapError(f"{path}: `ports` must be a list of {{range, speed}}")
    for entry in entries:
        if not isinstance(entry, dict) or "range" not in entry or "speed" not in entry:
            raise PortMapError(f"{path}: each port entry needs `range` and `speed`")
        for name in _expand(str(entry["range"])):
            profile.ports.append(
                ProfilePort(ports.canonical_name(profile.platform, name), int(entry["speed"]))
            )
    return profile


def builtin_profiles() -> dict[str, Profile]:
    """The hardware profiles shipped with cutover, by model name."""
    out: dict[str, Profile] = {}
    folder = resources.files("orchestrator") / "data" / "profiles"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            profile = parse_profile(item.read_text(encoding="utf-8"), item.name)
            out[profile.model] = profile
    return out


def profile(name: str) -> Profile:
    """A built-in profile by model name, or a profile file by path."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return parse_profile(path.read_text(encoding="utf-8"), str(path))
    known = builtin_profiles()
    for model, found in known.items():
        if model.lower() == name.lower():
            return found
    raise PortMapError(
        f"unknown hardware profile {name!r}",
        hint=f"use one of: {', '.join(known)}, or the path of a profile YAML file",
    )


def load_port_map(path: Path) -> dict[str, str]:
    """Read a port map file: `source: target` pairs, optionally under a `ports:` key."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PortMapError(f"{path}: no such port map file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise PortMapError(f"{path}: cannot read the port map ({exc})") from exc
    data = _yaml_mapping(text, str(path))
    if set(data) == {"ports"} and isinstance(data["ports"], dict):
        data = data["ports"]
    out: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(value, str) or not isinstance(key, str):
            raise PortMapError(
                f"{path}: entry {key!r} must map a port name to a port name, got {value!r}"
            )
        out[key.strip()] = value.strip()
    return out


def canonical_port_map(port_map: Mapping[str, str], source: str, target: str) -> dict[str, str]:
    """Spell both sides of a port map the way the platforms do (`Gi0/1` → `GigabitEthernet0/1`)."""
    return {
        ports.canonical_name(source, k): ports.canonical_name(target, v)
        for k, v in port_map.items()
    }


def assign_ports(
    config: DeviceConfig,
    source: str,
    hardware: Profile,
    port_map: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Give every physical source port a port of ``hardware``; return the port map.

    Pinned entries (``port_map``) are kept and must name ports the hardware has. Ports in use
    (not shut down) are placed first, each on a free port of the same speed, else the next
    faster one; a used port with no place is an error naming it. Shut-down ports are placed
    while free ports remain and otherwise left out (their lines are then reported unsupported).
    """
    pinned = canonical_port_map(port_map or {}, source, hardware.platform)
    names = hardware.names()
    for src, dst in pinned.items():
        if dst not in names:
            raise PortMapError(
                f"port map sends {src} to {dst}, which the {hardware.model} does not have",
                hint=f"the {hardware.model} has {_summary(hardware)}",
            )
    taken = set(pinned.values())
    result = dict(pinned)
    physical = [
        (name, ifc)
        for name, ifc in config.interfaces.items()
        if ifc.kind == "ethernet" and name not in pinned
    ]
    physical.sort(key=lambda item: (item[1].shutdown is True, _natural(item[0])))
    for name, ifc in physical:
        speed = _speed(source, name, ifc.speed)
        slot = _free_port(hardware, taken, speed)
        if slot is None:
            if ifc.shutdown is True:
                continue
            raise PortMapError(
                f"source port {name} ({_speed_text(speed)}) has no free port on the "
                f"{hardware.model}",
                hint=f"pin it in a port map, shut it down in the source, or choose a larger "
                f"model (the {hardware.model} has {_summary(hardware)})",
            )
        taken.add(slot.name)
        result[name] = slot.name
    if hardware.management:
        for name, ifc in config.interfaces.items():
            if ifc.kind == "management" and name not in result:
                result[name] = hardware.management
                break
    return result


def _free_port(hardware: Profile, taken: set[str], speed: int | None) -> ProfilePort | None:
    free = [p for p in hardware.ports if p.name not in taken]
    if speed is None:
        return free[0] if free else None
    same = [p for p in free if p.speed == speed]
    if same:
        return same[0]
    faster = sorted((p for p in free if p.speed > speed), key=lambda p: p.speed)
    return faster[0] if faster else None


def _speed(source: str, name: str, configured: str | None) -> int | None:
    if configured and configured.isdigit():
        return int(configured)
    return ports.port_speed(source, name)


def _speed_text(speed: int | None) -> str:
    if speed is None:
        return "unknown speed"
    return f"{speed // 1000} Gbit/s" if speed >= 1000 else f"{speed} Mbit/s"


def _summary(hardware: Profile) -> str:
    counts: dict[int, int] = {}
    for p in hardware.ports:
        counts[p.speed] = counts.get(p.speed, 0) + 1
    return ", ".join(f"{n} x {_speed_text(s)}" for s, n in sorted(counts.items()))


def _natural(name: str) -> tuple[object, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))

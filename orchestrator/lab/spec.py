"""A lab from an inventory: every box with a CLI becomes an emulated box, cabled by `lab.yaml`.

The boxes are the inventory's devices and their replacements; each starts from
`<inventory>/configs/<name>.cfg`, read by the platform's own parser (so a config the lab cannot
understand is refused before anything starts). `manual` boxes and platforms the lab has no
persona for are listed as not emulated, with the reason, and take no cables.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from orchestrator import ports
from orchestrator.ansible_inventory import Origin, mapping, read_yaml
from orchestrator.errors import CutoverError, InventoryError
from orchestrator.inventory import Box, Inventory
from orchestrator.lab.lab import DeviceSpec, LabSpec
from orchestrator.lab.topology import Cable
from orchestrator.syntax import get_platform


@dataclass(frozen=True)
class Skipped:
    box: Box
    reason: str


@dataclass
class LabPlan:
    """What `cutover lab up` starts: the spec, the boxes it emulates and those it does not."""

    spec: LabSpec
    boxes: list[Box] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # every box, in inventory order


def config_path(inventory: Inventory, name: str) -> Path:
    return inventory.root / "configs" / f"{name}.cfg"


def lab_plan(inventory: Inventory, personas: Collection[str] | None = None) -> LabPlan:
    """The lab of ``inventory``; ``personas`` are the emulated platforms (default: the registry)."""
    if personas is None:
        from orchestrator.lab.platforms import PERSONAS

        personas = PERSONAS
    if inventory.lab_file is None:
        raise InventoryError(
            f"{inventory.root}: not a lab inventory (no lab.yaml)",
            hint="a lab inventory holds lab.yaml (the cables) and configs/<device>.cfg",
        )
    plan = LabPlan(LabSpec([]))
    interfaces: dict[str, set[str]] = {}
    for box in inventory.boxes():
        plan.order.append(box.name)
        if box.manual:
            plan.skipped.append(Skipped(box, "manual: no CLI automation, not emulated"))
            continue
        path = config_path(inventory, box.name)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InventoryError(
                f"{path}: cannot read the startup config of {box.name} ({exc.strerror})",
                hint="every box of a lab inventory starts from configs/<device>.cfg",
            ) from exc
        try:
            parsed = get_platform(box.platform).parse(text, path=str(path))
        except CutoverError as exc:
            raise InventoryError(f"{path}: not a {box.platform} config: {exc.message}") from exc
        interfaces[box.name] = set(parsed.config.interfaces)
        if box.platform not in personas:
            plan.skipped.append(Skipped(box, f"the lab has no {box.platform} persona yet"))
            continue
        plan.boxes.append(box)
        plan.spec.devices.append(DeviceSpec(box.name, box.platform, text, box.model, box.port))
    emulated = {box.name for box in plan.boxes}
    platforms = {box.name: box.platform for box in inventory.boxes()}
    for cable in read_cables(inventory.lab_file, platforms, interfaces):
        if cable.a[0] in emulated and cable.b[0] in emulated:
            plan.spec.cables.append(cable)
    return plan


def read_cables(
    lab_file: Path, platforms: dict[str, str], interfaces: dict[str, set[str]]
) -> list[Cable]:
    """The cables of ``lab_file``: `cables: [[dev:port, dev:port], ...]`, each end checked."""
    data, doc = read_yaml(lab_file)
    top = mapping(data, doc.origin(()))
    items = top.get("cables") or []
    if not isinstance(items, list):
        raise doc.origin(("cables",)).fail("expected a list of [device:port, device:port]")
    out: list[Cable] = []
    used: dict[tuple[str, str], str] = {}
    for i, item in enumerate(items):
        origin = doc.origin(("cables", f"[{i}]"))
        if not isinstance(item, list) or len(item) != 2:
            raise origin.fail("a cable is a pair [device:port, device:port]")
        a, b = (_end(str(end), origin, platforms, interfaces) for end in item)
        for end in (a, b):
            if end in used:
                raise origin.fail(f"{end[0]}:{end[1]} already has a cable ({used[end]})")
            used[end] = f"cables[{i}]"
        out.append(Cable(a, b))
    return out


def _end(
    text: str, origin: Origin, platforms: dict[str, str], interfaces: dict[str, set[str]]
) -> tuple[str, str]:
    device, sep, port = text.partition(":")
    if not sep or not device or not port:
        raise origin.fail(f"{text!r} is not device:port")
    if device not in platforms:
        raise origin.fail(f"no box {device!r} in the inventory")
    if device not in interfaces:
        raise origin.fail(f"{device} is a manual box: the lab does not emulate it, so no cables")
    name = ports.canonical_name(platforms[device], port)
    known = interfaces[device]
    if name not in known:
        raise origin.fail(
            f"{device} has no interface {port} in its startup config",
            hint=f"its interfaces: {', '.join(sorted(known)) or 'none'}",
        )
    return device, name

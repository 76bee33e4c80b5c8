"""The shared driver suite's inputs: case files (`tests/driver_cases/<platform>.yaml`, format in
`tests/driver_cases/README.md`), NAPALM's getter schemas as data, and the lab handling the
suite needs (a box back to its startup config, a config as an order-free set of lines)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from labkit import lab_config

from orchestrator.lab.configtree import ConfigTree
from orchestrator.lab.lab import DeviceSpec, Lab
from orchestrator.lab.topology import Cable

#: `$CUTOVER_DRIVER_CASES` runs the suite on case files elsewhere (a driver being written)
CASES = Path(
    os.environ.get("CUTOVER_DRIVER_CASES") or Path(__file__).resolve().parent / "driver_cases"
)
CONFIGS = Path(__file__).resolve().parent / "lab_configs"


@dataclass(frozen=True)
class Change:
    """A candidate and what it must do: `diff` substrings compare_config shows, `running`
    substrings the box's running text holds after the commit, `absent` ones it no longer
    holds."""

    config: str
    diff: tuple[str, ...] = ()
    running: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    path: Path
    platform: str
    dut: str
    devices: tuple[DeviceSpec, ...]
    cables: tuple[Cable, ...]
    merge: Change
    facts: dict[str, str] = field(default_factory=dict)
    interfaces: dict[str, dict[str, Any]] = field(default_factory=dict)
    interfaces_ip: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lldp: dict[str, dict[str, str]] = field(default_factory=dict)
    bgp: dict[str, dict[str, Any]] = field(default_factory=dict)
    ospf: tuple[dict[str, str], ...] = ()
    arp: tuple[str, ...] = ()
    macs: tuple[str, ...] = ()
    routes: dict[str, int] = field(default_factory=dict)
    replace: Change | None = None
    revert_in: int = 60
    revert_wait: float = 30.0

    @property
    def startup(self) -> str:
        return next(d.config for d in self.devices if d.name == self.dut)


class CaseError(Exception):
    """A case file is malformed: the message names the file and the key."""


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


def _text(raw: dict[str, Any], where: str) -> str:
    if "config_file" in raw:
        return lab_config(str(raw["config_file"]))
    if "config" in raw:
        return str(raw["config"])
    raise CaseError(f"{where}: needs `config` or `config_file`")


def _change(raw: object, where: str) -> Change:
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: a mapping with config/config_file, diff, running, absent")
    return Change(
        config=_text(raw, where),
        diff=tuple(str(s) for s in raw.get("diff", ())),
        running=tuple(str(s) for s in raw.get("running", ())),
        absent=tuple(str(s) for s in raw.get("absent", ())),
    )


def load_case(path: Path) -> Case:
    """Read and check one case file; `CaseError` naming the file and key on a mistake."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise CaseError(f"{path}: a case file is a YAML mapping")
    where = str(path)
    platform = str(raw.get("platform", ""))
    if platform != path.stem:
        raise CaseError(f"{where}: platform {platform!r} must equal the file name {path.stem!r}")
    devices_raw = raw.get("devices")
    if not isinstance(devices_raw, dict) or not devices_raw:
        raise CaseError(f"{where}: devices: name -> {{platform, config}} of at least one box")
    devices = tuple(
        DeviceSpec(
            str(name),
            str(spec.get("platform", platform)),
            str(spec["text"]) if "text" in spec else lab_config(str(spec.get("config", platform))),
            str(spec.get("model", "")),
        )
        for name, spec in devices_raw.items()
    )
    dut = str(raw.get("dut", next(iter(devices_raw))))
    if dut not in devices_raw:
        raise CaseError(f"{where}: dut {dut!r} is not one of the devices")
    cables = []
    for n, item in enumerate(raw.get("cables", ())):
        if not (isinstance(item, list) and len(item) == 4):
            raise CaseError(f"{where}: cables[{n}] is [box, port, box, port]")
        cables.append(Cable((str(item[0]), str(item[1])), (str(item[2]), str(item[3]))))
    if "merge" not in raw:
        raise CaseError(f"{where}: merge: a candidate every driver commits is required")
    confirm = raw.get("commit_confirm") or {}
    return Case(
        path=path,
        platform=platform,
        dut=dut,
        devices=devices,
        cables=tuple(cables),
        merge=_change(raw["merge"], f"{where}: merge"),
        replace=_change(raw["replace"], f"{where}: replace") if "replace" in raw else None,
        facts={str(k): str(v) for k, v in (raw.get("facts") or {}).items()},
        interfaces={str(k): dict(v or {}) for k, v in (raw.get("interfaces") or {}).items()},
        interfaces_ip={
            str(k): tuple(str(a) for a in v) for k, v in (raw.get("interfaces_ip") or {}).items()
        },
        lldp={
            str(k): {str(a): str(b) for a, b in v.items()}
            for k, v in (raw.get("lldp") or {}).items()
        },
        bgp={str(k): dict(v) for k, v in (raw.get("bgp") or {}).items()},
        ospf=tuple({str(a): str(b) for a, b in item.items()} for item in raw.get("ospf") or ()),
        arp=tuple(str(a) for a in raw.get("arp") or ()),
        macs=tuple(str(m) for m in raw.get("macs") or ()),
        routes={str(k): int(v) for k, v in (raw.get("routes") or {}).items()},
        revert_in=int(confirm.get("revert_in", 60)),
        revert_wait=float(confirm.get("wait", 30)),
    )


def reset_box(lab: Lab, name: str, config: str) -> None:
    """Box ``name`` back to ``config`` as running and saved config."""
    box = lab.devices[name]
    box.set_running(config)
    box.saved_text = config
    lab.changed(box)


def config_lines(text: str) -> frozenset[tuple[str, ...]]:
    """Every config line with the headers above it: a config as a set, order left out (a
    rollback may enter lines back in another order than they were)."""
    tree = ConfigTree.from_text(text)
    found: set[tuple[str, ...]] = set()

    def walk(path: tuple[str, ...], children: list[Any]) -> None:
        for child in children:
            here = (*path, child.text)
            found.add(here)
            walk(here, child.children)

    walk((), tree.root.children)
    return frozenset(found)


# -- NAPALM's getter schemas (napalm/base/models.py) as data --------------------------------------
Schema = dict[str, type]
FACTS: Schema = {
    "os_version": str,
    "uptime": float,
    "interface_list": list,
    "vendor": str,
    "serial_number": str,
    "model": str,
    "hostname": str,
    "fqdn": str,
}
INTERFACE: Schema = {
    "is_up": bool,
    "is_enabled": bool,
    "description": str,
    "last_flapped": float,
    "mtu": int,
    "speed": float,
    "mac_address": str,
}
LLDP: Schema = {"hostname": str, "port": str}
LLDP_DETAIL: Schema = {
    "parent_interface": str,
    "remote_port": str,
    "remote_chassis_id": str,
    "remote_port_description": str,
    "remote_system_name": str,
    "remote_system_description": str,
    "remote_system_capab": list,
    "remote_system_enable_capab": list,
}
ARP: Schema = {"interface": str, "mac": str, "ip": str, "age": float}
MAC: Schema = {
    "mac": str,
    "interface": str,
    "vlan": int,
    "static": bool,
    "active": bool,
    "moves": int,
    "last_move": float,
}
BGP_VRF: Schema = {"router_id": str, "peers": dict}
BGP_PEER: Schema = {
    "local_as": int,
    "remote_as": int,
    "remote_id": str,
    "is_up": bool,
    "is_enabled": bool,
    "description": str,
    "uptime": int,
    "address_family": dict,
}
BGP_AF: Schema = {"received_prefixes": int, "accepted_prefixes": int, "sent_prefixes": int}
OSPF: Schema = {"neighbor_id": str, "address": str, "interface": str, "area": str, "state": str}


def shape_errors(value: object, schema: Schema, where: str) -> list[str]:
    """What in ``value`` breaks ``schema`` (keys exactly, value types; an int is a float)."""
    if not isinstance(value, dict):
        return [f"{where}: {type(value).__name__}, not a dict"]
    errors = []
    if set(value) != set(schema):
        errors.append(f"{where}: keys {sorted(value)} != {sorted(schema)}")
    for key, kind in schema.items():
        if key not in value:
            continue
        item = value[key]
        ok = isinstance(item, kind) and not (kind is int and isinstance(item, bool))
        if kind is float:
            ok = isinstance(item, int | float) and not isinstance(item, bool)
        if not ok:
            errors.append(f"{where}[{key!r}]: {item!r} is not {kind.__name__}")
    return errors

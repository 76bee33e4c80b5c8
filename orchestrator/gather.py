"""Gathering: the live state and config of many boxes at once, one snapshot file per box.

Nornir runs `snapshot_task` over the inventory's boxes on a thread pool; the task opens the
box's driver (`orchestrator.devices.get_driver(platform)`, host keys checked against a
known-hosts file), runs the NAPALM getters plus OSPF neighbors and a route summary, and writes
`<workdir>/snapshots/<site>/<box>/<run>.json` (temp file + rename). Secrets in the config text
are redacted before anything is written. One box failing (unreachable, a refused login, a getter
that breaks) is that box's result, never the end of the run; `manual` boxes are skipped.

Snapshot schema (`cutover.snapshot/1`): `device`, `site`, `platform`, `role` (old, new, stays),
`address`, `port`, `run` (the gather run's timestamp, shared by every box of one run),
`taken_at`, `seconds`, then one key per getter holding NAPALM's return value (`facts`,
`interfaces`, `interfaces_ip`, `lldp_neighbors_detail`, `bgp_neighbors`, `arp_table`,
`mac_address_table`, `route_summary`, `ospf_neighbors`, `config` with `running`, `startup`,
`candidate`), `unsupported` (getters the driver cannot run) and `errors` (getter → message).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from nornir import InitNornir
from nornir.core.inventory import Defaults, Groups, Host, Hosts
from nornir.core.inventory import Inventory as NornirInventory
from nornir.core.plugins.inventory import InventoryPluginRegister
from nornir.core.task import Result, Task

from orchestrator.errors import CutoverError
from orchestrator.inventory import Box, load_inventory, login
from orchestrator.syntax import get_platform

SCHEMA = "cutover.snapshot/1"
#: snapshot key → the driver method that fills it
GETTERS: tuple[tuple[str, str], ...] = (
    ("facts", "get_facts"),
    ("interfaces", "get_interfaces"),
    ("interfaces_ip", "get_interfaces_ip"),
    ("lldp_neighbors_detail", "get_lldp_neighbors_detail"),
    ("bgp_neighbors", "get_bgp_neighbors"),
    ("arp_table", "get_arp_table"),
    ("mac_address_table", "get_mac_address_table"),
    ("route_summary", "get_route_summary"),
    ("ospf_neighbors", "get_ospf_neighbors"),
    ("config", "get_config"),
)
REDACTED = "<redacted>"
Status = Literal["ok", "failed", "skipped"]


@dataclass(frozen=True)
class HostResult:
    """One box's outcome: `ok` (snapshot written), `failed` (with why), `skipped` (manual)."""

    name: str
    site: str
    platform: str
    role: str
    status: Status
    message: str = ""
    seconds: float = 0.0
    snapshot: Path | None = None
    unsupported: tuple[str, ...] = ()


@dataclass
class GatherResult:
    run: str
    hosts: list[HostResult] = field(default_factory=list)

    @property
    def failed(self) -> list[HostResult]:
        return [h for h in self.hosts if h.status == "failed"]


@dataclass(frozen=True)
class GatherOptions:
    workdir: Path
    known_hosts: Path | None = None
    timeout: int = 60
    run: str = ""


# -- redaction ---------------------------------------------------------------------------------

_SECRET_WORDS = (
    r"password|secret|community|key|key-string|authentication-key|encrypted-password"
    r"|pre-shared-key|cipher|auth-password|priv-password|md5|sha|simple"
)
_AFTER_WORD = re.compile(rf"(?i)(?<![\w-])((?:{_SECRET_WORDS})\s+(?:[0-9]\s+)?)(\"[^\"]*\"|\S+)")
_HASH_LIKE = re.compile(
    r"\$(?:1|1a|5|6|8|9|sha1)\$\S+|%\^%#\S+?%\^%#|%\$%\$\S+?%\$%\$|%@%@\S+?%@%@"
)


def redact_config(platform: str, text: str) -> str:
    """``text`` with every secret replaced by `<redacted>`: the ones the platform's parser
    finds, then anything after a secret-bearing word and anything shaped like a hash.

    >>> redact_config("cisco_ios", "hostname r1\\nenable secret 5 $1$ab$cdef\\n")
    'hostname r1\\nenable secret 5 <redacted>\\n'
    """
    lines = text.split("\n")
    try:
        report = get_platform(platform).parse(text).report
    except CutoverError:
        report = None
    if report is not None:
        for n, outcome in report.lines.items():
            shown = report.shown_text(n)
            if shown != outcome.text and 0 < n <= len(lines):
                raw = lines[n - 1]
                indent = raw[: len(raw) - len(raw.lstrip(" "))]
                lines[n - 1] = indent + shown
    out = []
    for line in lines:
        line = _HASH_LIKE.sub(REDACTED, line)
        out.append(_AFTER_WORD.sub(_keep_redacted, line))
    return "\n".join(out)


def _keep_redacted(m: re.Match[str]) -> str:
    value = m.group(2)
    if REDACTED in value:
        return m.group(0)
    return m.group(1) + ('"' + REDACTED + '"' if value.startswith('"') else REDACTED)


# -- the Nornir side -----------------------------------------------------------------------------


class CutoverInventory:
    """Nornir inventory plugin (registered as `cutover`): the boxes of a cutover inventory."""

    def __init__(self, path: str, sites: Sequence[str] | None = None) -> None:
        self.inventory = load_inventory(Path(path))
        self.sites = self.inventory.select_sites(sites)

    def load(self) -> NornirInventory:
        found = login(self.inventory)
        hosts = Hosts()
        for box in self.inventory.boxes(self.sites):
            hosts[box.name] = Host(
                name=box.name,
                hostname=box.address,
                port=box.port,
                username=found.username,
                password=found.password,
                platform=box.platform,
                data={"site": box.site, "role": box.role, "box": box},
            )
        return NornirInventory(hosts=hosts, groups=Groups(), defaults=Defaults())


InventoryPluginRegister.register("cutover", CutoverInventory)


def snapshot_path(workdir: Path, site: str, device: str, run: str) -> Path:
    return workdir / "snapshots" / site / device / f"{run}.json"


def write_json(path: Path, data: object) -> None:
    """Write ``data`` to ``path`` atomically: a temp file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with tmp.open("w", encoding="utf-8") as out:
        json.dump(data, out, indent=1, sort_keys=False, default=str)
        out.write("\n")
    tmp.replace(path)


def take_snapshot(box: Box, username: str, password: str, options: GatherOptions) -> HostResult:
    """Open ``box``'s driver, run every getter, write the snapshot; failures become data."""
    started = time.monotonic()
    if box.manual:
        return HostResult(
            box.name, box.site, box.platform, box.role, "skipped", "manual: no CLI automation"
        )
    from orchestrator.devices import get_driver

    def failed(message: str) -> HostResult:
        seconds = time.monotonic() - started
        return HostResult(box.name, box.site, box.platform, box.role, "failed", message, seconds)

    try:
        driver_class = get_driver(box.platform)
        args: dict[str, object] = {"port": box.port}
        if options.known_hosts is not None:
            args["known_hosts"] = str(options.known_hosts)
        driver = driver_class(box.address, username, password, options.timeout, args)
        driver.open()
    except CutoverError as exc:
        return failed(exc.message)
    except Exception as exc:  # a driver or library failure is this box's result, not a crash
        return failed(f"{type(exc).__name__}: {exc}")
    data: dict[str, Any] = {}
    unsupported: list[str] = []
    errors: dict[str, str] = {}
    try:
        for key, method in GETTERS:
            try:
                data[key] = getattr(driver, method)()
            except NotImplementedError:
                unsupported.append(key)
            except Exception as exc:  # one getter failing leaves the others to run
                errors[key] = exc.message if isinstance(exc, CutoverError) else f"{exc!r}"
    finally:
        # closing a broken session must not hide what was gathered
        with contextlib.suppress(Exception):
            driver.close()
    if isinstance(data.get("config"), dict):
        data["config"] = {
            k: redact_config(box.platform, v) if isinstance(v, str) else v
            for k, v in data["config"].items()
        }
    seconds = time.monotonic() - started
    snapshot = {
        "schema": SCHEMA,
        "device": box.name,
        "site": box.site,
        "platform": box.platform,
        "role": box.role,
        "address": box.address,
        "port": box.port,
        "run": options.run,
        "taken_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
        **data,
        "unsupported": unsupported,
        "errors": errors,
    }
    path = snapshot_path(options.workdir, box.site, box.name, options.run)
    write_json(path, snapshot)
    status: Status = "failed" if errors else "ok"
    message = "; ".join(f"{k}: {v}" for k, v in errors.items())
    return HostResult(
        box.name,
        box.site,
        box.platform,
        box.role,
        status,
        message,
        seconds,
        path,
        tuple(unsupported),
    )


def run_stamp() -> str:
    """The run's timestamp, the snapshot file name: `20240301T021507.123Z`."""
    now = datetime.now(UTC)
    return now.strftime("%Y%m%dT%H%M%S.") + f"{now.microsecond // 1000:03d}Z"


def gather(
    inventory_path: Path,
    options: GatherOptions,
    sites: Sequence[str] | None = None,
    workers: int = 20,
    progress: Callable[[HostResult], None] | None = None,
) -> GatherResult:
    """Snapshot every box of ``sites`` (default: all) of the inventory at ``inventory_path``."""
    run = options.run or run_stamp()
    options = GatherOptions(options.workdir, options.known_hosts, options.timeout, run)
    nornir = InitNornir(
        runner={"plugin": "threaded", "options": {"num_workers": max(1, workers)}},
        inventory={
            "plugin": "cutover",
            "options": {"path": str(inventory_path), "sites": list(sites or [])},
        },
        logging={"enabled": False},
    )

    def task(task: Task) -> Result:
        host = task.host
        outcome = take_snapshot(host.data["box"], host.username or "", host.password or "", options)
        if progress is not None:
            progress(outcome)
        return Result(host=host, result=outcome, failed=outcome.status == "failed")

    aggregated = nornir.run(task=task, name="gather", on_failed=True)
    result = GatherResult(run)
    for name, multi in aggregated.items():
        value = multi[0].result
        if isinstance(value, HostResult):
            result.hosts.append(value)
        else:  # nornir caught an exception the task did not (a bug): still this box's result
            box: Box = nornir.inventory.hosts[name].data["box"]
            message = str(multi[0].exception or "failed")
            result.hosts.append(
                HostResult(box.name, box.site, box.platform, box.role, "failed", message)
            )
    return result


def latest_snapshot(workdir: Path, site: str, device: str) -> Path | None:
    """The newest snapshot of ``device`` (file names sort by time), or None."""
    folder = workdir / "snapshots" / site / device
    found = sorted(folder.glob("*.json")) if folder.is_dir() else []
    return found[-1] if found else None

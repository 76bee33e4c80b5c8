"""Gathering speed: a lab of N emulated boxes on this machine, gathered by `cutover gather`'s code
(Nornir thread pool, our drivers) and by a plain sequential Netmiko loop sending the same
commands; devices per second for both and the ratio. Then the time of one 10-line config push
per platform through our drivers (`push`, and a merge + commit cycle). Prints numbers only.

    .venv/bin/python bench/gather.py [--devices 200] [--workers 20] [--sequential N]

The boxes are the platforms that have both a lab persona and a driver, in turn, each from
`tests/lab_configs/<platform>.cfg` under its own hostname, cabled in pairs. The lab runs as its
own process (`cutover lab up --detach`), so the gathering side has this process to itself.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import yaml
from netmiko import ConnectHandler

from orchestrator.devices import DRIVERS, get_driver
from orchestrator.gather import GETTERS, GatherOptions, gather
from orchestrator.inventory import Box, load_inventory, login
from orchestrator.lab.platforms import PERSONAS
from orchestrator.lab.run import start_detached, state_dir, stop_lab
from orchestrator.syntax import get_platform

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "tests" / "lab_configs"
SHORT = {
    "cisco_ios": "ios",
    "cisco_nxos": "nxos",
    "juniper_junos": "junos",
    "huawei_vrp": "vrp",
    "huawei_vrpv8": "vrp8",
    "hp_comware": "h3c",
    "zte_zxros": "zte",
}


def ten_lines(platform: str, base: int) -> list[str]:
    """Ten config lines in the platform's own syntax (five loopbacks with a description)."""
    if platform == "juniper_junos":
        return [
            f"set interfaces lo0 unit {base + i} description bench-{base + i}" for i in range(10)
        ]
    name = {"cisco_ios": "Loopback", "cisco_nxos": "loopback", "zte_zxros": "loopback"}.get(
        platform, "LoopBack"
    )
    lines: list[str] = []
    for i in range(5):
        lines += [f"interface {name}{base + i}", f" description bench {base + i}"]
    return lines


def free_ports(count: int) -> list[int]:
    """``count`` ports free now, below the kernel's ephemeral range (32768+), where outgoing
    connections and other tests' port-0 listeners cannot take them before the lab binds."""
    rng = random.Random()
    for _ in range(50):
        base = rng.randrange(10000, 32000 - count)
        with ExitStack() as stack:
            try:
                for port in range(base, base + count):
                    s = stack.enter_context(socket.socket())
                    s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return list(range(base, base + count))
    raise RuntimeError(f"no {count} free ports in a row below 32000")


def first_ethernet(platform: str, text: str) -> str | None:
    config = get_platform(platform).parse(text).config
    return next((n for n, i in config.interfaces.items() if i.kind == "ethernet"), None)


def build_inventory(folder: Path, count: int, platforms: list[str]) -> Path:
    """An inventory of ``count`` boxes, the platforms in turn, cabled in pairs of one platform."""
    (folder / "configs").mkdir(parents=True)
    hosts: dict[str, Any] = {}
    names: list[tuple[str, str, str | None]] = []
    ports = free_ports(count)
    for i in range(count):
        platform = platforms[i % len(platforms)]
        name = f"{SHORT[platform]}-{i:03d}"
        text = (TEMPLATES / f"{platform}.cfg").read_text()
        old = get_platform(platform).parse(text).config.system.hostname or ""
        text = text.replace(old, name) if old else text
        (folder / "configs" / f"{name}.cfg").write_text(text)
        hosts[name] = {"platform": platform, "ansible_host": "127.0.0.1", "ansible_port": ports[i]}
        names.append((name, platform, first_ethernet(platform, text)))
    cables = []
    by_platform: dict[str, list[tuple[str, str | None]]] = {}
    for name, platform, port in names:
        by_platform.setdefault(platform, []).append((name, port))
    for group in by_platform.values():
        for (a, pa), (b, pb) in zip(group[::2], group[1::2], strict=False):
            if pa and pb:
                cables.append([f"{a}:{pa}", f"{b}:{pb}"])
    inventory = {"all": {"children": {"sites": {"children": {"bench": {"hosts": hosts}}}}}}
    (folder / "hosts.yaml").write_text(yaml.safe_dump(inventory, sort_keys=False))
    (folder / "lab.yaml").write_text(yaml.safe_dump({"cables": cables}))
    return folder


def recorded_commands(box: Box, username: str, password: str, known_hosts: Path) -> list[str]:
    """The exec commands our driver sends for the getters a snapshot runs, as Netmiko sees them
    (some getters are NAPALM's own code, which talks to the Netmiko session directly)."""
    seen: list[str] = []
    driver = get_driver(box.platform)(
        box.address, username, password, 60, {"port": box.port, "known_hosts": str(known_hosts)}
    )
    driver.open()
    session = driver.device
    send_command = session.send_command

    def recording(command_string: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(command_string)
        return send_command(command_string, *args, **kwargs)

    session.send_command = recording  # this one session only, to learn what it is sent
    try:
        for _, method in GETTERS:
            with contextlib.suppress(Exception):
                getattr(driver, method)()
    finally:
        driver.close()
    return seen


def netmiko_loop(
    boxes: list[Box], commands: dict[str, list[str]], username: str, password: str, known: Path
) -> tuple[float, int]:
    """Every box in turn: connect with plain Netmiko, send the commands, disconnect."""
    failed = 0
    started = time.perf_counter()
    for box in boxes:
        try:
            conn = ConnectHandler(
                device_type=get_driver(box.platform).netmiko_device_type,
                host=box.address,
                port=box.port,
                username=username,
                password=password,
                ssh_strict=True,
                system_host_keys=False,
                alt_host_keys=True,
                alt_key_file=str(known),
            )
            try:
                for command in commands[box.platform]:
                    conn.send_command(command, read_timeout=60)
            finally:
                conn.disconnect()
        except Exception as exc:  # a failing box is counted, the loop goes on
            failed += 1
            print(f"  netmiko: {box.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return time.perf_counter() - started, failed


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def push_times(box: Box, username: str, password: str, known: Path) -> str:
    """One 10-line `push` (config mode, the lines, out) and one merge + commit of 10 other lines,
    each on a fresh session, each timed on its own."""
    driver_class = get_driver(box.platform)
    args = {"port": box.port, "known_hosts": str(known)}

    def attempt(label: str, work: Callable[[Any], object]) -> str:
        driver = driver_class(box.address, username, password, 60, args)
        try:
            driver.open()
            return f"{label} {timed(lambda: work(driver)):6.2f} s"
        except Exception as exc:
            return f"{label} failed ({type(exc).__name__}: {str(exc).splitlines()[0][:70]})"
        finally:
            with contextlib.suppress(Exception):
                driver.close()

    def cycle(driver: Any) -> None:
        driver.load_merge_candidate(config="\n".join(ten_lines(box.platform, 200)))
        driver.commit_config()

    push = attempt("push", lambda driver: driver.push(ten_lines(box.platform, 100)))
    return f"{push:12s}   {attempt('merge+commit', cycle)}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--devices", type=int, default=200, help="boxes in the lab (default 200)")
    parser.add_argument("--workers", type=int, default=20, help="gather's thread pool (default 20)")
    parser.add_argument(
        "--sequential",
        type=int,
        default=0,
        help="boxes for the Netmiko loop (default: all of them)",
    )
    args = parser.parse_args()
    platforms = [p for p in SHORT if p in PERSONAS and p in DRIVERS]
    missing = [p for p in SHORT if p not in platforms]
    if not platforms:
        print("no platform has both a lab persona and a driver yet")
        return 1
    print(f"platforms: {', '.join(platforms)}")
    if missing:
        print(f"left out (no persona or no driver yet): {', '.join(missing)}")
    with tempfile.TemporaryDirectory(prefix="cutover-bench-") as folder:
        root = Path(folder)
        inventory_path = build_inventory(root / "inventory", args.devices, platforms)
        inventory = load_inventory(inventory_path)
        work = root / "work"
        state = state_dir(work)
        started = time.perf_counter()
        start_detached(inventory, state, timeout=600)
        print(f"lab: {args.devices} boxes listening after {time.perf_counter() - started:.1f} s")
        try:
            known = state / "known_hosts"
            creds = login(inventory)
            boxes = [b for b in inventory.boxes() if not b.manual]

            started = time.perf_counter()
            result = gather(inventory_path, GatherOptions(work, known), None, args.workers)
            gather_seconds = time.perf_counter() - started
            ok = sum(h.status == "ok" for h in result.hosts)
            for h in result.failed[:5]:
                print(f"  gather: {h.name}: {h.message}", file=sys.stderr)
            gather_rate = len(boxes) / gather_seconds
            print(
                f"cutover gather ({args.workers} workers): {len(boxes)} boxes in "
                f"{gather_seconds:.1f} s = {gather_rate:.2f} devices/s ({ok} ok, "
                f"{len(result.failed)} failed)"
            )

            firsts = {b.platform: b for b in reversed(boxes)}
            commands = {
                p: recorded_commands(b, creds.username, creds.password, known)
                for p, b in firsts.items()
            }
            for platform, sent in commands.items():
                print(f"  {platform}: {len(sent)} commands per box")
            sample = boxes[: args.sequential] if args.sequential else boxes
            seconds, failed = netmiko_loop(sample, commands, creds.username, creds.password, known)
            netmiko_rate = len(sample) / seconds
            print(
                f"sequential Netmiko loop: {len(sample)} boxes in {seconds:.1f} s = "
                f"{netmiko_rate:.2f} devices/s ({failed} failed)"
            )
            print(f"ratio: cutover gather is {gather_rate / netmiko_rate:.1f}x the sequential loop")
            # the same code on one worker: what the thread pool adds, apart from the driver
            one = inventory.select_sites(None)
            started = time.perf_counter()
            serial = gather(inventory_path, GatherOptions(root / "serial", known), one, 1)
            serial_seconds = time.perf_counter() - started
            print(
                f"cutover gather, 1 worker: {len(serial.hosts)} boxes in {serial_seconds:.1f} s = "
                f"{len(serial.hosts) / serial_seconds:.2f} devices/s"
            )

            print("one 10-line config push per platform, through our drivers:")
            for platform, box in sorted(firsts.items()):
                print(f"  {platform:14s} {push_times(box, creds.username, creds.password, known)}")
        finally:
            stop_lab(state)
    return 0


if __name__ == "__main__":
    sys.exit(main())

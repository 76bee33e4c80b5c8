"""The `cutover` command: argument parsing and output only; the work happens in the modules."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from orchestrator.errors import CutoverError, InputError
from orchestrator.portmap import Profile, builtin_profiles, load_port_map, profile
from orchestrator.report import human_summary
from orchestrator.secrets import load_secrets_file, missing_secrets
from orchestrator.syntax import MODULES, TARGETS
from orchestrator.translate import translate_file


def workdir(args: argparse.Namespace) -> Path:
    """`--workdir`, else `$CUTOVER_HOME`, else `./cutover-work`."""
    chosen = args.workdir or os.environ.get("CUTOVER_HOME") or "cutover-work"
    return Path(chosen)


def cmd_translate(args: argparse.Namespace) -> int:
    path = Path(args.file)
    port_map = load_port_map(Path(args.port_map)) if args.port_map else None
    hardware: Profile | None = profile(args.profile) if args.profile else None
    result = translate_file(
        path,
        args.to,
        source=args.source,
        port_map=port_map,
        port_map_path=args.port_map or "port map",
        hardware=hardware,
    )
    missing = None
    if args.secrets:
        supplied = load_secrets_file(Path(args.secrets))
        missing = [ref.key for ref in missing_secrets(result.secrets, supplied)]
    if args.output:
        out = Path(args.output)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(result.target_config, encoding="utf-8")
        tmp.replace(out)
    if args.json:
        report = result.to_json()
        if missing is not None:
            report["secrets_missing"] = missing
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(human_summary(result, output=args.output, limit=args.limit))
        if missing is not None:
            sys.stdout.write(
                f"Secrets file {args.secrets}: "
                + (
                    f"{len(missing)} re-key secret(s) still missing: {', '.join(missing)}\n"
                    if missing
                    else "every re-key secret is supplied\n"
                )
            )
    return 0 if result.roundtrip.ok else 1


def cmd_demo(args: argparse.Namespace) -> int:
    from orchestrator.demo import run_demo

    return run_demo(workdir(args), sys.stdout)


def cmd_profiles(args: argparse.Namespace) -> int:
    for model, hw in builtin_profiles().items():
        speeds: dict[int, int] = {}
        for port in hw.ports:
            speeds[port.speed] = speeds.get(port.speed, 0) + 1
        layout = ", ".join(
            f"{n} x {s // 1000 if s >= 1000 else s}{'G' if s >= 1000 else 'M'}"
            for s, n in sorted(speeds.items())
        )
        sys.stdout.write(f"{model:20s} {hw.platform:14s} {layout}\n")
    return 0


# -- lab and gather ---------------------------------------------------------------------------

LAB_COLUMNS = ("name", "site", "platform", "role", "address", "port", "state", "note")
GATHER_COLUMNS = ("name", "site", "platform", "role", "status", "seconds", "note")


def _table(rows: Sequence[Mapping[str, object]], columns: Sequence[str]) -> str:
    cells = [[str(row.get(c, "")) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def cmd_lab_up(args: argparse.Namespace) -> int:
    import secrets
    import threading

    from orchestrator.errors import LabError
    from orchestrator.inventory import load_inventory
    from orchestrator.lab.run import (
        LabRecord,
        device_rows,
        record,
        serve,
        start_detached,
        state_dir,
        stop_on_signals,
    )
    from orchestrator.lab.spec import lab_plan

    inventory = load_inventory(Path(args.inventory))
    lab_plan(inventory)  # a broken config or cable stops here, before anything starts
    state = state_dir(workdir(args))
    running = LabRecord.read(state)
    if running is not None and running.alive():
        raise LabError(
            f"a lab is already running in {state} (pid {running.pid})",
            hint="stop it with `cutover lab down`, or use another --workdir",
        )
    if args.detach:
        found = start_detached(inventory, state)
        sys.stdout.write(_table(found.devices, LAB_COLUMNS))
        sys.stdout.write(
            f"lab running in the background (pid {found.pid}, control port "
            f"{found.control_port}); known hosts: {state / 'known_hosts'}; "
            "stop it with `cutover lab down`\n"
        )
        return 0
    stop = threading.Event()
    token = secrets.token_urlsafe(24)

    def ready(plan: Any, control: Any) -> None:
        rows = device_rows(plan, control)
        record(os.getpid(), inventory, control.port, token, rows).write(state)
        sys.stdout.write(_table(rows, LAB_COLUMNS))
        sys.stdout.write(f"lab running (known hosts: {state / 'known_hosts'}); Ctrl-C stops it\n")
        sys.stdout.flush()

    try:
        with stop_on_signals(stop):
            serve(inventory, state, token, ready, stop)
    finally:
        mine = LabRecord.read(state)
        if mine is not None and mine.pid == os.getpid():
            LabRecord.path(state).unlink(missing_ok=True)
    sys.stdout.write("lab stopped\n")
    return 0


def cmd_lab_down(args: argparse.Namespace) -> int:
    from orchestrator.lab.run import state_dir, stop_lab

    state = state_dir(workdir(args))
    found = stop_lab(state)
    if found is None:
        sys.stdout.write(f"no lab is running in {state}\n")
    else:
        sys.stdout.write(f"lab stopped (pid {found.pid})\n")
    return 0


def cmd_lab_status(args: argparse.Namespace) -> int:
    from orchestrator.lab.run import current_status, state_dir

    state = state_dir(workdir(args))
    found, answering, rows = current_status(state)
    if args.json:
        report = {
            "running": answering,
            "pid": found.pid if found else None,
            "control_port": found.control_port if found else None,
            "inventory": found.inventory if found else None,
            "known_hosts": str(state / "known_hosts"),
            "devices": rows,
        }
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif found is None:
        sys.stdout.write(f"no lab is running in {state}\n")
    else:
        sys.stdout.write(_table(rows, LAB_COLUMNS))
        if not answering:
            sys.stdout.write(f"the lab (pid {found.pid}) does not answer: `cutover lab down`\n")
    return 0 if answering else 1


def cmd_gather(args: argparse.Namespace) -> int:
    from orchestrator.gather import GatherOptions, HostResult, gather
    from orchestrator.inventory import load_inventory
    from orchestrator.lab.run import state_dir

    inventory = load_inventory(Path(args.inventory))
    sites = inventory.select_sites(args.site)
    work = workdir(args)
    known = Path(args.known_hosts) if args.known_hosts else state_dir(work) / "known_hosts"
    total = len(inventory.boxes(sites))
    options = GatherOptions(work, known if known.exists() else None, args.timeout)
    with _progress(total, quiet=args.json) as step:

        def progress(outcome: HostResult) -> None:
            step(
                f"{outcome.name}: {outcome.status}"
                + (f" ({outcome.message})" * bool(outcome.message))
            )

        result = gather(Path(args.inventory), options, sites, args.workers, progress)
    rows = [
        {
            "name": h.name,
            "site": h.site,
            "platform": h.platform,
            "role": h.role,
            "status": h.status,
            "seconds": f"{h.seconds:.1f}",
            "note": h.message
            or (f"unsupported: {', '.join(h.unsupported)}" if h.unsupported else "")
            or (str(h.snapshot) if h.snapshot else ""),
        }
        for h in result.hosts
    ]
    if args.json:
        report = {
            "run": result.run,
            "hosts": [
                dict(r, snapshot=str(h.snapshot or ""))
                for r, h in zip(rows, result.hosts, strict=True)
            ],
            "failed": [h.name for h in result.failed],
        }
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_table(rows, GATHER_COLUMNS))
        written = sum(h.snapshot is not None for h in result.hosts)
        sys.stdout.write(
            f"{written} snapshot(s) in {work / 'snapshots'} (run {result.run}), "
            f"{len(result.failed)} failed, "
            f"{sum(h.status == 'skipped' for h in result.hosts)} skipped\n"
        )
    return 1 if result.failed else 0


@contextlib.contextmanager
def _progress(total: int, *, quiet: bool) -> Iterator[Callable[[str], None]]:
    """A progress bar on a terminal, one plain line per step otherwise (nothing if quiet)."""
    lock = threading.Lock()
    done = 0
    if quiet:
        yield lambda text: None
        return
    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            job = bar.add_task("gathering", total=total)

            def advance(text: str) -> None:
                bar.update(job, advance=1, description=text[:40])

            yield advance
        return

    def line(text: str) -> None:
        nonlocal done
        with lock:
            done += 1
            sys.stderr.write(f"[{done}/{total}] {text}\n")
            sys.stderr.flush()

    yield line


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cutover",
        description="Replace Cisco and Juniper boxes with Huawei, H3C or ZTE boxes, site by site.",
    )
    parser.add_argument("--workdir", help="work folder (default: $CUTOVER_HOME or ./cutover-work)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help="translate a bundled sample config and show the report")
    demo.set_defaults(func=cmd_demo)

    tr = sub.add_parser(
        "translate",
        help="translate one config file to another platform",
        description="Translate a running config; every source line is accounted for.",
    )
    tr.add_argument("file", help="the source configuration file")
    tr.add_argument(
        "--from",
        dest="source",
        default="auto",
        choices=["auto", *MODULES],
        help="source platform (default: auto-detect)",
    )
    tr.add_argument("--to", required=True, choices=list(TARGETS), help="target platform")
    tr.add_argument("--port-map", help="YAML file: source port → target port")
    tr.add_argument(
        "--profile",
        help="target hardware model (see `cutover profiles`) or a "
        "profile YAML file: assigns ports automatically",
    )
    tr.add_argument(
        "--secrets",
        help="YAML file (plain or ansible-vault) with values for secrets that need re-keying; "
        "checked, never printed",
    )
    tr.add_argument("--json", action="store_true", help="print the full JSON report")
    tr.add_argument("-o", "--output", help="write the target configuration to this file")
    tr.add_argument(
        "--limit",
        type=int,
        default=40,
        help="at most this many changed/unsupported lines in the summary (default 40)",
    )
    tr.set_defaults(func=cmd_translate)

    prof = sub.add_parser("profiles", help="list the built-in target hardware profiles")
    prof.set_defaults(func=cmd_profiles)

    lab = sub.add_parser("lab", help="the embedded lab: emulated boxes on loopback")
    lab_sub = lab.add_subparsers(dest="lab_command", required=True, metavar="ACTION")
    up = lab_sub.add_parser("up", help="start the lab of an inventory (lab.yaml + configs/)")
    up.add_argument("--inventory", default="inventories/lab", help="default: inventories/lab")
    up.add_argument("--detach", action="store_true", help="run in the background")
    up.set_defaults(func=cmd_lab_up)
    down = lab_sub.add_parser("down", help="stop the lab running in the work folder")
    down.set_defaults(func=cmd_lab_down)
    st = lab_sub.add_parser("status", help="each box of the running lab and its state")
    st.add_argument("--json", action="store_true", help="machine-readable output")
    st.set_defaults(func=cmd_lab_status)

    ga = sub.add_parser(
        "gather",
        help="snapshot live state and config of every box of some sites",
        description="One snapshot per box under <workdir>/snapshots/<site>/<box>/.",
    )
    ga.add_argument("--inventory", required=True, help="the inventory folder")
    ga.add_argument(
        "--site", action="append", help="a site to gather (repeatable; `all` or none: every site)"
    )
    ga.add_argument("--workers", type=int, default=20, help="boxes at once (default 20)")
    ga.add_argument("--timeout", type=int, default=60, help="seconds per command (default 60)")
    ga.add_argument(
        "--known-hosts",
        help="SSH known-hosts file (default: the lab's, <workdir>/lab/known_hosts, if any)",
    )
    ga.add_argument("--json", action="store_true", help="machine-readable output")
    ga.set_defaults(func=cmd_gather)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except CutoverError as exc:
        sys.stderr.write(f"cutover: error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("cutover: interrupted\n")
        return 130
    except Exception as exc:
        if args.debug:
            raise
        sys.stderr.write(
            f"cutover: internal error: {type(exc).__name__}: {exc}\n"
            "  this is a bug in cutover; run again with --debug and report the traceback\n"
        )
        return 1


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()


__all__ = ["InputError", "build_parser", "entry", "main"]

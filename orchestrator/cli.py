"""The `cutover` command: argument parsing and output only; the work happens in the modules."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

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

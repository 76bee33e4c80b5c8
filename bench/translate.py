"""Translation speed: source lines per second for parse + render + round trip over the corpus,
side by side with ciscoconfparse2 parsing the same IOS files, in the same run.

    .venv/bin/python bench/translate.py [--repeat N] [--target PLATFORM]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conftest import corpus_files

from orchestrator.syntax import get_platform
from orchestrator.syntax.text import read_config, split_lines
from orchestrator.translate import translate_text


def counted_lines(platform: str, text: str) -> int:
    parser = get_platform(platform)
    return sum(1 for line in split_lines(text) if parser.is_counted(line))


def best_of(repeat: int, work: object) -> float:
    assert callable(work)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best kept)")
    parser.add_argument("--target", default="huawei_vrp")
    args = parser.parse_args()

    ios = [read_config(p).text for plat, p in corpus_files("cisco_ios")]
    ios_lines = sum(counted_lines("cisco_ios", t) for t in ios)
    raw_lines = sum(len(t.splitlines()) for t in ios)

    def ours_ios() -> None:
        for text in ios:
            translate_text(text, args.target, source="cisco_ios")

    t_ours = best_of(args.repeat, ours_ios)

    try:
        from ciscoconfparse2 import CiscoConfParse
    except ImportError:
        print("ciscoconfparse2 is not installed: pip install ciscoconfparse2")
        return 2

    def theirs() -> None:
        for text in ios:
            CiscoConfParse(text.splitlines(), syntax="ios")

    t_theirs = best_of(args.repeat, theirs)

    print(
        f"corpus: {len(ios)} IOS/IOS-XE files, {ios_lines} counted source lines "
        f"({raw_lines} raw lines); best of {args.repeat} runs"
    )
    print(f"{'':44s} {'seconds':>8s} {'lines/s':>10s}")
    ours_rate = ios_lines / t_ours
    theirs_rate = ios_lines / t_theirs
    print(f"{'cutover translate (parse+render+round trip)':44s} {t_ours:8.3f} {ours_rate:10.0f}")
    print(f"{'ciscoconfparse2 parse only':44s} {t_theirs:8.3f} {theirs_rate:10.0f}")
    print(
        f"ratio cutover / ciscoconfparse2: {ours_rate / theirs_rate:.2f}x "
        "(above 1 means cutover's full translation is faster than their parse)"
    )

    rows = []
    for source in ("cisco_nxos", "juniper_junos"):
        texts = [read_config(p).text for _, p in corpus_files(source)]
        lines = sum(counted_lines(source, t) for t in texts)

        def work(texts: list[str] = texts, source: str = source) -> None:
            for text in texts:
                translate_text(text, args.target, source=source)

        seconds = best_of(args.repeat, work)
        rows.append((source, len(texts), lines, seconds))
    for source, files, lines, seconds in rows:
        print(
            f"cutover translate {source:13s} {files:2d} files {lines:5d} lines "
            f"{seconds:8.3f} s {lines / seconds:10.0f} lines/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
from orchestrator.syntax.text import read_config
from orchestrator.translate import translate_text


def counted_lines(platform: str, text: str) -> int:
    parser = get_platform(platform)
    return len(parser.counted_lines(text))


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
    parser.add_argument(
        "--target",
        action="append",
        help="target platform (repeatable; default: the four Huawei/H3C/ZTE targets)",
    )
    args = parser.parse_args()
    targets = args.target or ["huawei_vrp", "huawei_vrpv8", "hp_comware", "zte_zxros"]

    try:
        from ciscoconfparse2 import CiscoConfParse
    except ImportError:
        print("ciscoconfparse2 is not installed: pip install ciscoconfparse2")
        return 2

    ios = [read_config(p).text for _, p in corpus_files("cisco_ios")]
    ios_lines = sum(counted_lines("cisco_ios", t) for t in ios)
    raw_lines = sum(len(t.splitlines()) for t in ios)

    def theirs() -> None:
        for text in ios:
            CiscoConfParse(text.splitlines(), syntax="ios")

    t_theirs = best_of(args.repeat, theirs)
    theirs_rate = ios_lines / t_theirs
    print(
        f"corpus: {len(ios)} IOS/IOS-XE files, {ios_lines} counted source lines "
        f"({raw_lines} raw lines); best of {args.repeat} runs, same process"
    )
    print(f"{'':48s} {'seconds':>8s} {'lines/s':>10s} {'ratio':>7s}")
    print(f"{'ciscoconfparse2 parse only':48s} {t_theirs:8.3f} {theirs_rate:10.0f} {1:7.2f}")
    for target in targets:

        def ours(target: str = target) -> None:
            for text in ios:
                translate_text(text, target, source="cisco_ios")

        seconds = best_of(args.repeat, ours)
        rate = ios_lines / seconds
        label = f"cutover translate -> {target}"
        print(f"{label:48s} {seconds:8.3f} {rate:10.0f} {rate / theirs_rate:7.2f}")
    print("ratio: lines/s relative to ciscoconfparse2 parsing the same files (parse + render +")
    print("round trip for cutover); above 1 means the whole translation is faster than their parse")

    for source in ("cisco_nxos", "juniper_junos"):
        texts = [read_config(p).text for _, p in corpus_files(source)]
        lines = sum(counted_lines(source, t) for t in texts)

        def work(texts: list[str] = texts, source: str = source) -> None:
            for text in texts:
                translate_text(text, targets[0], source=source)

        seconds = best_of(args.repeat, work)
        print(
            f"cutover translate {source} -> {targets[0]}: {len(texts)} files, {lines} lines, "
            f"{seconds:.3f} s, {lines / seconds:.0f} lines/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

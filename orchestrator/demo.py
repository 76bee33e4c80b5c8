"""`cutover demo`: translate a bundled sample config to every target and show what happened.

Until the lab exists (issue 3) this is the whole demo: one Cisco IOS-XE branch router, four
target platforms, the per-line accounting and the round trip of each.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TextIO

from orchestrator.report import human_summary
from orchestrator.syntax import TARGETS
from orchestrator.translate import translate_text

SAMPLE = "branch-rtr.cfg"


def run_demo(workdir: Path, out: TextIO) -> int:
    text = (resources.files("orchestrator") / "samples" / SAMPLE).read_text(encoding="utf-8")
    folder = workdir / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SAMPLE).write_text(text, encoding="utf-8")
    out.write(f"cutover demo: translating {SAMPLE} (a Cisco IOS-XE branch router)\n\n")
    header = (
        f"{'target':14s} {'lines':>5s} {'transl.':>7s} {'changed':>7s} {'unsupp.':>7s} "
        f"{'ignored':>7s} {'coverage':>8s}  round trip"
    )
    out.write(header + "\n" + "-" * len(header) + "\n")
    failures = 0
    results = []
    for target in (t for t in TARGETS if t != "cisco_ios"):
        result = translate_text(text, target, path=SAMPLE)
        results.append(result)
        counts = result.counts()
        out.write(
            f"{target:14s} {result.source_lines:5d} {counts['translated']:7d} "
            f"{counts['translated-with-change']:7d} {counts['unsupported']:7d} "
            f"{counts['ignored']:7d} {result.coverage():8.1%}  "
            f"{'ok' if result.roundtrip.ok else 'FAILED'}\n"
        )
        failures += not result.roundtrip.ok
        (folder / f"{target}.cfg").write_text(result.target_config, encoding="utf-8")
        (folder / f"{target}.json").write_text(
            json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8"
        )
    out.write("\n" + human_summary(results[0], output=str(folder / f"{TARGETS[0]}.cfg"), limit=12))
    out.write(f"\nEvery target's config and JSON report are in {folder}/\n")
    out.write("Try it on your own config:  cutover translate running.cfg --to huawei_vrp\n")
    return 1 if failures else 0

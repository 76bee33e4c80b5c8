"""Golden translations: reviewed expected outputs, compared line by line.

Each folder under tests/golden/ holds `case.yaml` (source file, platforms, what the case shows),
the source config, and the expected target config and per-line report. A change in translation
shows up here as a diff to review. `make golden-update` (pytest --update-golden) rewrites the
expected files; commit them only after reading the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from orchestrator.portmap import profile
from orchestrator.syntax.text import read_config
from orchestrator.translate import Translation, translate_text

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.parent for p in GOLDEN.glob("*/case.yaml"))


def render_report(result: Translation) -> str:
    """The per-line report as stable text: one line per source line, targets indented below."""
    out = [
        f"# {result.source_platform} -> {result.target_platform}: {result.source_lines} lines, "
        + ", ".join(f"{k} {v}" for k, v in result.counts().items()),
        f"# round trip: {'ok' if result.roundtrip.ok else 'FAILED'}",
    ]
    for line in result.lines:
        out.append(f"{line.n:>4} {line.status:<22} {line.text}")
        for target in line.target:
            out.append(f"{'':>27}-> {target}")
        if line.reason and line.status != "translated":
            out.append(f"{'':>27}   ({line.reason})")
    return "\n".join(out) + "\n"


def _translate(case: Path) -> Translation:
    spec = yaml.safe_load((case / "case.yaml").read_text())
    text = read_config(case / spec["source"]).text
    return translate_text(
        text,
        spec["to"],
        source=spec.get("from", "auto"),
        port_map=spec.get("port_map"),
        hardware=profile(spec["profile"]) if spec.get("profile") else None,
        path=spec["source"],
    )


def _compare(path: Path, actual: str, update: bool) -> None:
    if update:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run `make golden-update` and review it"
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True), str(path), "actual"
            )
        )
        pytest.fail(f"{path.name} differs from the reviewed output:\n{diff[:6000]}")


def test_there_are_enough_reviewed_cases() -> None:
    assert len(CASES) >= 12


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path, request: pytest.FixtureRequest) -> None:
    update = bool(request.config.getoption("--update-golden"))
    result = _translate(case)
    assert result.roundtrip.ok, "\n".join(result.roundtrip.differences)
    _compare(case / "expected.cfg", result.target_config, update)
    _compare(case / "expected.report", render_report(result), update)

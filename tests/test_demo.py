"""`cutover demo` (what `make demo` runs): translations, then the lab gathered over SSH."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orchestrator.cli import main


def test_the_demo_translates_then_gathers_every_lab_box(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workdir", str(tmp_path), "demo"]) == 0
    out = capsys.readouterr().out
    for target in ("huawei_vrp", "huawei_vrpv8", "hp_comware", "zte_zxros"):
        assert (tmp_path / "demo" / f"{target}.cfg").read_text().strip()
    assert "13 boxes gathered over SSH by the project's drivers, 0 failed" in out
    snapshot = next((tmp_path / "demo" / "snapshots" / "core" / "pe1").glob("*.json"))
    peers = json.loads(snapshot.read_text())["bgp_neighbors"]["global"]["peers"]
    assert sum(peer["is_up"] for peer in peers.values()) == 3

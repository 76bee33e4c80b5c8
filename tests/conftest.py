"""Shared fixtures: where the corpus and reference data live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The shared folder with the corpus: $CUTOVER_SHARED, ../shared, or /work/shared."""
    candidates = [os.environ.get("CUTOVER_SHARED"), REPO.parent / "shared", "/work/shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "corpus").is_dir():
            return Path(candidate)
    raise RuntimeError(
        "the shared corpus folder is missing: set CUTOVER_SHARED to the folder holding corpus/"
    )


CORPUS_FOLDERS = {
    "ios": "cisco_ios",
    "iosxe": "cisco_ios",
    "nxos": "cisco_nxos",
    "junos": "juniper_junos",
    "huawei": "huawei_vrp",
    "h3c": "hp_comware",
    "zte": "zte_zxros",
}


def corpus_files(platform: str | None = None) -> list[tuple[str, Path]]:
    """(platform, path) for each corpus config, optionally of one platform only."""
    root = shared_dir() / "corpus"
    out: list[tuple[str, Path]] = []
    for folder, name in CORPUS_FOLDERS.items():
        if platform is not None and name != platform:
            continue
        out.extend((name, p) for p in sorted((root / folder).glob("*.cfg")))
    return out


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected outputs of the golden translation tests (review the diff!)",
    )

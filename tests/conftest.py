"""Shared test fixtures: project paths and the read-only material beside the project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
BUILD = ROOT / "build"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``asean-cyber-data ARGS...`` as a user would, from the project root (or ``cwd``)."""
    return subprocess.run(
        [sys.executable, "-m", "asean_cyber_data.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=900,
    )


def release_bytes(release: Path) -> dict[str, bytes]:
    """Every file of a release, by relative path."""
    return {
        p.relative_to(release).as_posix(): p.read_bytes()
        for p in sorted(release.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def shared_dev() -> Path:
    dev = SHARED / "dev"
    if not (dev / "raw").is_dir():
        pytest.skip(f"the development set is not here ({dev}); CI always has it")
    return dev


@pytest.fixture(scope="session")
def built_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A release built from raw/ into a temporary folder (once per test session)."""
    from asean_cyber_data.build import build_release

    out = tmp_path_factory.mktemp("release") / "build"
    build_release(RAW, out, workers=1)
    return out

"""A small benchmark smoke run (N=1k): the generator, every measurement, the report.

Timings are not asserted (they are measured, not tested); what is asserted is that the
benchmark runs end to end and that the extractor recovers what the generator planted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


def test_benchmark_smoke_run(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--sizes",
            "1000",
            "--workdir",
            str(tmp_path / "work"),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "extract_docs_per_s_one_core" in result.stdout
    (row,) = json.loads(out.read_text())["results"]
    assert row["size"] == 1000
    for key in (
        "extract_docs_per_s_one_core",
        "build_s",
        "peak_rss_mb",
        "incremental_1pct_s",
        "dask_build_s",
        "load_ratio",
    ):
        assert row[key] > 0, key
    assert all(score >= 0.9 for score in row["planted_accuracy"].values()), row

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


@pytest.mark.slow
def test_crawl_benchmark_smoke_run(tmp_path: Path) -> None:
    """The crawl benchmark end to end on 2,000 generated articles (95% off-topic): every
    article is a record, a copy of one or a line of the off-topic listing, and every planted
    on-topic article is kept (the generated texts repeat, so some are kept as copies)."""
    out = tmp_path / "results-crawl.json"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "crawl.py"),
            "--sizes",
            "2000",
            "--baseline-limit",
            "0",
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
    (row,) = json.loads(out.read_text())["results"]
    assert row["records"] + row["off_topic"] + row["rejects"] == 2000
    assert row["rejects"] == row["copies"]  # the only rejects: near-duplicates, listed as copies
    assert row["planted_recall"] == 1.0 and row["planted_precision"] >= 0.8, row
    assert row["articles_per_s"] > 0 and row["peak_rss_mb"] > 0 and row["cpu_s"] > 0

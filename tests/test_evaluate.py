"""The evaluation command measures the extractor against gold (dev set in CI)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from asean_cyber_data.evaluate import initiative_matches

from .conftest import ROOT

#: The accuracy floors of the extraction issue, on the development set.
DEV_FLOORS = {
    "language": 1.0,
    "date": 0.9,
    "source": 0.9,
    "speaker": 0.85,
    "partner": 0.9,
    "partners": 0.9,
    "initiatives": 0.7,
}


def evaluate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "asean_cyber_data.cli", "evaluate", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )


def test_dev_set_meets_every_floor(shared_dev: Path) -> None:
    floors = [f"--min={k}={v}" for k, v in DEV_FLOORS.items()]
    result = evaluate(str(shared_dev), *floors)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "initiatives_f1" in result.stdout


def test_json_report_and_a_floor_that_fails(shared_dev: Path) -> None:
    result = evaluate(str(shared_dev), "--json", "--min", "date=1.01")
    assert result.returncode == 1
    assert "below floor: date" in result.stderr
    report = json.loads(result.stdout)
    assert report["documents"] >= 10
    assert set(report["by_language"]) >= {"en", "ms", "id", "vi"}


def test_seed_gold_is_met_through_the_command(tmp_path: Path) -> None:
    (tmp_path / "raw").symlink_to(ROOT / "raw")
    (tmp_path / "gold.jsonl").write_text((ROOT / "tests" / "data" / "seeds_gold.jsonl").read_text())
    result = evaluate(
        str(tmp_path),
        "--min=speaker=1",
        "--min=partner=1",
        "--min=date=1",
        "--min=language=1",
        "--min=source=1",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_gold_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = evaluate(str(tmp_path))
    assert result.returncode == 1 and "no gold*.jsonl" in result.stderr


def test_initiative_matching_is_fuzzy_but_not_loose() -> None:
    assert initiative_matches(
        ["SOMTC", "25th Asean Senior Officials Meeting on Transnational Crimes (SOMTC)"],
        ["25th ASEAN Senior Officials Meeting on Transnational Crime"],
    )
    assert initiative_matches(["Công ước Hà Nội"], ["Hanoi Convention", "Cong uoc Ha Noi"])
    assert not initiative_matches(["ASEAN Summit"], ["ASEAN Regional Forum"])
    assert not initiative_matches(["ASEAN"], ["ASEAN Workshop on Cybersecurity Cooperation"])

"""The command line: each subcommand as a user runs it, with clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import RAW, ROOT

CLI = [sys.executable, "-m", "asean_cyber_data.cli"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("command", ["build", "validate", "extract", "info", "evaluate"])
def test_help_everywhere(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and "usage:" in result.stdout


def test_extract_prints_one_json_record_per_file() -> None:
    files = sorted(RAW.glob("*.txt"))[:2]
    result = run("extract", *map(str, files))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f.stem for f in files]


def test_missing_file_is_a_one_line_error() -> None:
    result = run("extract", "no/such/file.txt")
    assert result.returncode == 1
    assert result.stderr.strip() == "error: no such file: no/such/file.txt"


def test_build_missing_raw_folder_fails_clearly(tmp_path: Path) -> None:
    result = run("build", "--raw", str(tmp_path / "absent"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "raw folder not found" in result.stderr
    assert not (tmp_path / "out").exists()


def test_build_then_validate_then_info(tmp_path: Path) -> None:
    out = tmp_path / "out"
    built = run("build", "--raw", str(RAW), "--out", str(out), "--workers", "1")
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("built 5 records, 0 rejects")
    valid = run("validate", str(out))
    assert valid.returncode == 0 and "valid" in valid.stdout
    info = run("info", str(out))
    assert info.returncode == 0 and "5 records" in info.stdout and "by language:" in info.stdout


def test_validate_refuses_a_broken_release(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text("{not json")
    result = run("validate", str(tmp_path))
    assert result.returncode == 1 and "INVALID" in result.stderr


def test_bad_argument_exits_non_zero() -> None:
    result = run("build", "--workers", "many")
    assert result.returncode == 2 and "invalid int value" in result.stderr

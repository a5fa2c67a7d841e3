"""The command line: each subcommand as a user runs it, with clear errors."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from .conftest import BUILD, RAW, ROOT, cli

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
    assert result.stderr.strip() == "error: no such file or folder: no/such/file.txt"


def test_build_missing_raw_fails_clearly(tmp_path: Path) -> None:
    result = run("build", "--raw", str(tmp_path / "absent"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert one_line(result) == f"error: --raw {tmp_path / 'absent'}: no such file or folder"
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
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith(f"{tmp_path}: INVALID (")
    copy = tmp_path / "copy"
    shutil.copytree(BUILD, copy)
    with (copy / "rejects.jsonl").open("a") as handle:
        handle.write("\n")
    one = run("validate", str(copy))
    assert one.stderr.splitlines()[-1] == f"{copy}: INVALID (1 problem)"


def test_bad_argument_exits_non_zero() -> None:
    result = run("build", "--workers", "many")
    assert result.returncode == 2 and "invalid int value" in result.stderr


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a failed command (no traceback, nothing else)."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def an_article(folder: Path, name: str = "article.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        "HANOI, 3 May 2024 — Viet Nam and Japan will step up cybersecurity cooperation "
        "against cybercrime and train 200 cyber police officers, Deputy Minister Nguyen "
        "Van Long said on Friday.",
        encoding="utf-8",
    )
    return path


def test_build_accepts_a_single_raw_file(tmp_path: Path) -> None:
    article = an_article(tmp_path / "in")
    result = cli("build", "--raw", str(article), "--out", str(tmp_path / "out"), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built 1 record, 0 rejects, 0 off-topic ")
    (record,) = [
        json.loads(x) for x in (tmp_path / "out" / "records.jsonl").read_text().splitlines()
    ]
    assert record["id"] == "article" and record["source"]["path"] == "article.txt"


def test_extract_of_a_folder_prints_every_file_in_it(tmp_path: Path) -> None:
    an_article(tmp_path / "in", "one.txt")
    an_article(tmp_path / "in" / "sub", "two.txt")
    result = cli("extract", str(tmp_path / "in"))
    assert result.returncode == 0, result.stderr
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["one", "two"]
    (tmp_path / "empty").mkdir()
    assert one_line(cli("extract", str(tmp_path / "empty"))) == (
        f"error: {tmp_path / 'empty'}: a folder with no input files"
    )


@pytest.mark.parametrize("command", ["validate", "info"])
def test_a_missing_release_is_not_found_not_invalid(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    result = cli(command, str(missing))
    assert result.returncode == 1
    assert one_line(result) == f"error: {missing}: no such release folder"
    (tmp_path / "plain").mkdir()
    assert one_line(cli(command, str(tmp_path / "plain"))) == (
        f"error: {tmp_path / 'plain'}: not a release (no manifest.json)"
    )


def test_validate_info_and_export_default_to_the_same_release(tmp_path: Path) -> None:
    validated = cli("validate", cwd=tmp_path)  # not ./build: the published release
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout.startswith(f"{BUILD}: valid")
    records = len((BUILD / "records.jsonl").read_text(encoding="utf-8").splitlines())
    assert f": {records} records" in cli("info", cwd=tmp_path).stdout
    exported = cli("export", "spans", "--out", str(tmp_path / "spans.jsonl"), cwd=tmp_path)
    assert exported.stdout.strip() == (
        f"wrote span labels of {records} records to {tmp_path / 'spans.jsonl'}"
    )


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--workers", "0", "argument --workers: must be 1 or more, got 0"),
        ("--max-bytes", "-5", "argument --max-bytes: must be 1 or more, got -5"),
    ],
)
def test_counts_below_one_are_refused(option: str, value: str, message: str) -> None:
    result = cli("build", option, value)
    assert result.returncode == 2 and result.stderr.strip().endswith(message)


def test_out_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    an_article(raw)
    inside_a_file = "/etc/passwd/sub"
    assert one_line(cli("build", "--raw", str(raw), "--out", inside_a_file)) == (
        f"error: --out {inside_a_file}: /etc/passwd is not a folder"
    )
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    # Root may write anywhere it has a mode bit; the kernel refuses it in /sys.
    target = Path("/sys/asean-cyber-data-out") if os.geteuid() == 0 else locked / "out"
    line = one_line(cli("build", "--raw", str(raw), "--out", str(target)))
    assert line.startswith(f"error: --out {target}: cannot write in {target.parent} (")
    assert not target.exists()
    locked.chmod(0o755)


def test_dask_engine_without_dask_says_how_to_install_it(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    an_article(raw)
    script = textwrap.dedent("""
        import sys
        sys.modules["dask"] = sys.modules["distributed"] = None  # as if not installed
        from asean_cyber_data.cli import main
        sys.exit(main(sys.argv[1:]))
    """)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            "build",
            "--engine",
            "dask",
            "--raw",
            str(raw),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 1
    assert "pip install 'asean-cyber-data[dask]'" in one_line(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw"]


def test_export_refuses_a_folder_and_a_missing_parent(tmp_path: Path) -> None:
    assert one_line(cli("export", "spans", "--out", str(tmp_path))) == (
        f"error: --out {tmp_path} is a folder: give the file to write, e.g. {tmp_path}/spans.jsonl"
    )
    target = tmp_path / "nonexistent" / "x.jsonl"
    assert one_line(cli("export", "spans", "--out", str(target))) == (
        f"error: --out {target}: {target.parent} does not exist"
    )
    assert not target.parent.exists()


def test_ctrl_c_exits_130_with_one_line(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group (the command and its workers) while the
    build runs: a stand-in for one of its steps says when it has started and waits, so
    the interrupt always lands mid-build."""
    raw = tmp_path / "raw"
    for index in range(70):  # enough for the worker pool (a batch of 64 or more)
        an_article(raw, f"doc_{index:02d}.txt").write_text(
            f"ASEAN and Japan agreed on cyber drill number {index} in Tokyo, the minister said.",
            encoding="utf-8",
        )
    ready = tmp_path / "ready"
    script = textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from asean_cyber_data import ledger
        from asean_cyber_data.cli import main
        add = ledger.Ledger.add
        def slow_add(self, result):
            add(self, result)
            Path(sys.argv[1]).touch()
            time.sleep(300)
        ledger.Ledger.add = slow_add
        sys.exit(main(sys.argv[2:]))
    """)
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            script,
            str(ready),
            "build",
            "--raw",
            str(raw),
            "--out",
            str(tmp_path / "out"),
            "--workers",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        start_new_session=True,
    )
    try:
        for _ in range(3000):
            if ready.exists() or process.poll() is not None:
                break
            time.sleep(0.1)
        assert ready.exists(), process.communicate()
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    assert stderr.strip() == "interrupted", stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw", "ready"]

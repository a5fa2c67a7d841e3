"""Nothing of the user's is destroyed: ``--out`` is replaced only when it is missing,
empty or a previous release, and never when it overlaps the inputs.

Each test puts a user's files where a careless ``--out`` points, runs the command as a
user would, and checks the command refused with one line naming the path while every
file survived byte for byte, with no cache or temporary folder left beside it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from asean_cyber_data import publish
from asean_cyber_data.messages import UserError

from .conftest import DATA, RAW, cli, release_bytes


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones included), by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(RAW, folder)
    return folder


@pytest.fixture()
def user_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mydocs"
    (folder / "letters").mkdir(parents=True)
    (folder / "thesis.txt").write_text("chapter one", encoding="utf-8")
    (folder / "letters" / "to-mum.txt").write_text("dear mum", encoding="utf-8")
    return folder


def refused(result: object, *names: str) -> str:
    """The one error line of a refused command, checked to name ``names``."""
    assert result.returncode == 1, result.stdout  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    for name in names:
        assert name in lines[0], lines[0]
    return str(lines[0])


def no_debris(parent: Path, *expected: str) -> None:
    """Only ``expected`` names are in ``parent``: no .cache, ledger or staging folder."""
    assert sorted(p.name for p in parent.iterdir()) == sorted(expected)


def test_build_refuses_a_folder_of_user_files(tmp_path: Path, raw: Path, user_folder: Path) -> None:
    before = tree(user_folder)
    result = cli("build", "--raw", str(raw), "--out", str(user_folder), "--workers", "1")
    refused(result, str(user_folder), "not a release")
    assert tree(user_folder) == before
    no_debris(tmp_path, "raw", "mydocs")


def test_build_refuses_a_file(tmp_path: Path, raw: Path) -> None:
    target = tmp_path / "afile.txt"
    target.write_bytes(b"my notes\n")
    refused(cli("build", "--raw", str(raw), "--out", str(target)), str(target), "file")
    assert target.read_bytes() == b"my notes\n"
    no_debris(tmp_path, "raw", "afile.txt")


@pytest.mark.parametrize("out", [".", "raw", "raw/build", ".."])
def test_build_refuses_the_inputs_and_the_working_folder(tmp_path: Path, out: str) -> None:
    work = tmp_path / "project"
    shutil.copytree(RAW, work / "raw")
    (work / "notes.md").write_text("mine", encoding="utf-8")
    before = tree(tmp_path)
    result = cli("build", "--raw", "raw", "--out", out, "--workers", "1", cwd=work)
    refused(result, f"--out {out}")
    assert tree(tmp_path) == before
    no_debris(work, "raw", "notes.md")


def test_build_refuses_raw_inside_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(RAW, out / "raw")
    before = tree(out)
    refused(cli("build", "--raw", str(out / "raw"), "--out", str(out)), "overlap")
    assert tree(out) == before


def test_a_single_raw_file_cannot_be_the_out(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(sorted(RAW.glob("*.txt"))[0], article)
    before = article.read_bytes()
    refused(cli("build", "--raw", str(article), "--out", str(article)), "overlap")
    assert article.read_bytes() == before


def test_a_release_with_a_user_file_in_it_is_not_replaced(tmp_path: Path, raw: Path) -> None:
    out = tmp_path / "out"
    assert cli("build", "--raw", str(raw), "--out", str(out), "--workers", "1").returncode == 0
    (out / "my-analysis.ipynb").write_text("{}", encoding="utf-8")
    before = tree(out)
    result = cli("build", "--raw", str(raw), "--out", str(out), "--workers", "1")
    refused(result, str(out), "my-analysis.ipynb")
    assert tree(out) == before


def test_a_look_alike_manifest_is_not_a_release(tmp_path: Path, raw: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"name": "my web app"}', encoding="utf-8")
    (out / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    before = tree(out)
    refused(cli("build", "--raw", str(raw), "--out", str(out)), str(out), "not a release")
    assert tree(out) == before


def test_missing_empty_and_previous_release_are_replaced(tmp_path: Path, raw: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for out in (tmp_path / "new", empty, tmp_path / "new"):  # the last: a previous release
        result = cli("build", "--raw", str(raw), "--out", str(out), "--workers", "1")
        assert result.returncode == 0, result.stderr
        assert (out / "manifest.json").is_file()


def test_migrate_refuses_user_files_and_its_own_input(tmp_path: Path, user_folder: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(DATA / "release-1.0.0", old)
    before, frozen = tree(user_folder), tree(old)
    refused(cli("migrate", str(old), "--out", str(user_folder)), str(user_folder))
    refused(cli("migrate", str(old), "--out", str(old)), "overlap")
    assert tree(user_folder) == before and tree(old) == frozen
    migrated = cli("migrate", str(old), "--out", str(tmp_path / "new"))
    assert migrated.returncode == 0, migrated.stderr
    assert tree(old) == frozen


def test_strict_failure_keeps_the_previous_release(tmp_path: Path, raw: Path) -> None:
    out = tmp_path / "out"
    assert cli("build", "--raw", str(raw), "--out", str(out), "--workers", "1").returncode == 0
    before = release_bytes(out)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "new.txt").write_text(
        "ASEAN and Japan held a cyber dialogue, the minister said on Monday.", encoding="utf-8"
    )
    result = cli("build", "--raw", str(raw), "--out", str(out), "--workers", "1", "--strict")
    assert result.returncode == 1
    assert "1 input rejected" in result.stderr and "not replaced" in result.stderr
    assert release_bytes(out) == before
    report = tmp_path / "out.rejects.jsonl"
    assert [json.loads(line)["path"] for line in report.read_text().splitlines()] == ["empty.txt"]
    assert str(report) in result.stderr
    no_debris(tmp_path, "raw", "out", "out.rejects.jsonl", ".cache")


def test_a_failed_build_leaves_no_cache_or_temporary_folder(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "noise.txt").write_bytes(b"\x00\x01\x02")
    result = cli("build", "--raw", str(raw), "--out", str(tmp_path / "out"))
    line = refused(result, "no records could be built", "2 inputs rejected")
    assert "1 empty" in line and "1 binary" in line
    report = tmp_path / "out.rejects.jsonl"
    assert str(report) in line
    assert sorted(json.loads(x)["reason"] for x in report.read_text().splitlines()) == [
        "binary",
        "empty",
    ]
    no_debris(tmp_path, "raw", "out.rejects.jsonl")


def test_a_failure_report_never_replaces_a_user_file(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    mine = tmp_path / "out.rejects.jsonl"
    mine.write_text("my own list\n", encoding="utf-8")
    line = refused(cli("build", "--raw", str(raw), "--out", str(tmp_path / "out")))
    assert "not written" in line
    assert mine.read_text(encoding="utf-8") == "my own list\n"


def test_swap_never_removes_what_is_not_a_release(tmp_path: Path, user_folder: Path) -> None:
    staging = tmp_path / ".staging"
    staging.mkdir()
    before = tree(user_folder)
    with pytest.raises(UserError, match="not a release"):
        publish._swap(staging, user_folder)
    assert tree(user_folder) == before and staging.is_dir()

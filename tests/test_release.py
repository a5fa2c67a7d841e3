"""The build writes a complete, valid, reproducible release; validate refuses bad ones."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from asean_cyber_data import SCHEMA_VERSION
from asean_cyber_data.build import build_release
from asean_cyber_data.validate import SchemaVersionError, validate_release

from .conftest import BUILD, RAW, release_bytes

OUTPUTS = (
    "records.jsonl",
    "records-train-00000-of-00001.parquet",
    "records-validation-00000-of-00001.parquet",
    "records-test-00000-of-00001.parquet",
    "rejects.jsonl",
    "manifest.json",
    "README.md",
    "croissant.json",
)


def test_release_has_every_output_and_validates(built_release: Path) -> None:
    for name in OUTPUTS:
        assert (built_release / name).is_file()
    assert (built_release / "hf" / "dataset_info.json").is_file()
    assert validate_release(built_release) == []
    manifest = json.loads((built_release / "manifest.json").read_text())
    assert manifest["record_count"] == len(list(RAW.glob("*.txt")))
    assert set(manifest["inputs"]) == {p.name for p in RAW.glob("*.txt")}
    for name, digest in manifest["outputs"].items():
        assert len(digest) == 64, name


def test_every_form_carries_the_schema_version(built_release: Path) -> None:
    from datasets import load_from_disk

    from asean_cyber_data import SCHEMA_VERSION

    for line in (built_release / "records.jsonl").read_text().splitlines():
        assert json.loads(line)["schema_version"] == SCHEMA_VERSION
    for path in built_release.glob("records*.parquet"):
        metadata = pq.read_schema(path).metadata
        assert metadata[b"schema_version"] == SCHEMA_VERSION.encode()
    assert str(load_from_disk(str(built_release / "hf")).info.version) == SCHEMA_VERSION
    assert (
        json.loads((built_release / "manifest.json").read_text())["schema_version"]
        == SCHEMA_VERSION
    )


def test_records_are_sorted_by_id(built_release: Path) -> None:
    ids = [
        json.loads(line)["id"]
        for line in (built_release / "records.jsonl").read_text().splitlines()
    ]
    assert ids == sorted(ids) and len(ids) == len(set(ids))


def test_two_builds_are_byte_identical(built_release: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build_release(RAW, again, workers=2, use_cache=False)
    assert release_bytes(again) == release_bytes(built_release)


def test_committed_release_equals_a_rebuild(built_release: Path) -> None:
    """The committed build/ can never drift from the code that produced it."""
    committed, fresh = release_bytes(BUILD), release_bytes(built_release)
    assert sorted(committed) == sorted(fresh)
    for name in fresh:
        assert committed[name] == fresh[name], (
            f"build/{name} differs from a fresh build: run `asean-cyber-data build` and commit"
        )


@pytest.fixture()
def copy(built_release: Path, tmp_path: Path) -> Path:
    target = tmp_path / "release"
    shutil.copytree(built_release, target)
    return target


def test_tampered_jsonl_line_is_refused(copy: Path) -> None:
    path = copy / "records.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    item = json.loads(lines[0])
    item["language"] = "Malay"
    lines[0] = json.dumps(item, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = validate_release(copy)
    assert any("records.jsonl:1" in p and "Malay" in p for p in problems), problems
    assert any("sha256 differs" in p for p in problems), problems


def test_hash_mismatch_is_refused(copy: Path) -> None:
    with (copy / "rejects.jsonl").open("a") as handle:
        handle.write("\n")
    problems = validate_release(copy)
    assert problems == [
        f"{copy / 'rejects.jsonl'}: sha256 differs from the manifest (file changed?)"
    ]


def test_other_major_version_is_refused_naming_both(copy: Path) -> None:
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["schema_version"] = "2.0.0"
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(SchemaVersionError, match=rf"2\.0\.0.*{re.escape(SCHEMA_VERSION)}"):
        validate_release(copy)


def test_older_minor_version_is_read() -> None:
    from asean_cyber_data.validate import check_version

    check_version("1.0.0", "here")  # an older minor version is read
    check_version("1.1.0", "here")  # an older minor version
    check_version("1.2.0", "here")  # the current one
    with pytest.raises(SchemaVersionError, match="newer"):
        check_version("1.9.0", "here")
    with pytest.raises(SchemaVersionError, match="major 0"):
        check_version("0.9.0", "here")

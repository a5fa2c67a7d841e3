"""Scaling features: the Dask engine, sharded releases, parallel workers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import asean_cyber_data as acd
from asean_cyber_data.build import build_release
from asean_cyber_data.validate import validate_release

from .conftest import RAW, ROOT, release_bytes


@pytest.mark.slow
def test_dask_engine_on_a_local_cluster_gives_the_local_records(
    built_release: Path, tmp_path: Path
) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "empty.txt").write_bytes(b"")
    local = tmp_path / "local"
    build_release(raw, local, workers=1, use_cache=False)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "asean_cyber_data.cli",
            "build",
            "--engine",
            "dask",
            "--workers",
            "2",
            "--raw",
            str(raw),
            "--out",
            str(tmp_path / "dask"),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built 5 records, 1 reject, 0 off-topic ")
    assert release_bytes(tmp_path / "dask") == release_bytes(local)


def test_large_releases_are_sharded_and_loaders_read_every_shard(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for index, path in enumerate(sorted(RAW.glob("*.txt")) * 3):
        text = path.read_text(encoding="utf-8")
        marked = text.replace("\n", f" [{index}]\n", 1)  # distinct texts, same articles
        (raw / f"{index:02d}_{path.name}").write_text(marked, encoding="utf-8")
    out = tmp_path / "out"
    # The marked copies are near-duplicates: kept as records, this test is about shards.
    build_release(raw, out, workers=2, use_cache=False, shard_rows=4, keep_copies=True)
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    for split in ("train", "validation", "test"):
        count = sum(r["split"] == split for r in records)
        shards = sorted(p.name for p in out.glob(f"records-{split}-*.parquet"))
        expected = max(1, -(-count // 4))
        assert shards == [
            f"records-{split}-{i:05d}-of-{expected:05d}.parquet" for i in range(expected)
        ]
        assert sum(pq.ParquetFile(out / s).metadata.num_rows for s in shards) == count
        assert all(pq.ParquetFile(out / s).metadata.num_rows <= 4 for s in shards)
    assert len(list((out / "hf").glob("data-*.arrow"))) == 4
    assert validate_release(out) == []
    ids = [json.loads(line)["id"] for line in (out / "records.jsonl").read_text().splitlines()]
    assert sorted(acd.load_pandas(out)["id"]) == ids
    assert acd.load_arrow(out).column("id").to_pylist() == ids
    assert [r["id"] for r in acd.load_hf(out, streaming=True)] == ids

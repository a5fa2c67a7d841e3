"""The loaders read the published release offline and check its version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import asean_cyber_data as acd
from asean_cyber_data.validate import SchemaVersionError

from .conftest import BUILD


def test_each_loader_reads_the_release() -> None:
    records = acd.load_records()
    assert records and all(isinstance(r, acd.Record) for r in records)
    frame = acd.load_pandas()
    assert sorted(frame["id"]) == [r.id for r in records]
    assert frame.loc[0, "partners"] is not None
    table = acd.load_arrow()
    assert table.num_rows == len(records)
    dataset = acd.load_hf()
    assert dataset.num_rows == len(records)
    assert dataset[0]["id"] == records[0].id
    streamed = next(iter(acd.load_hf(streaming=True)))
    assert streamed["id"] == records[0].id


def test_loader_refuses_another_major_version(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(BUILD, tmp_path / "old")
    manifest = json.loads((tmp_path / "old" / "manifest.json").read_text())
    manifest["schema_version"] = "0.3.0"
    (tmp_path / "old" / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(SchemaVersionError, match=r"0\.3\.0"):
        acd.load_pandas(tmp_path / "old")


def test_extract_one_article_string() -> None:
    record = acd.extract(
        "PUTRAJAYA, June 24, 2025 — Malaysia and Japan will set up a joint "
        "cyber centre, said Home Minister Datuk Seri Saifuddin Nasution "
        "Ismail. — Bernama"
    )
    assert record.date == "2025-06-24"
    assert record.partner is not None and record.partner.code == "JP"
    assert record.speaker is not None and record.speaker.name == "Saifuddin Nasution Ismail"
    assert record.speaker.honorific == "Datuk Seri"
    assert record.source.name == "Bernama"
    for span in record.evidence:
        assert record.text[span.start : span.end]

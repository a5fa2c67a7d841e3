"""The loaders read the published release offline and check its version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import asean_cyber_data as acd
from asean_cyber_data.validate import SchemaVersionError

from .conftest import BUILD, DATA, cli


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


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def test_pandas_list_columns_are_python_lists() -> None:
    frame = acd.load_pandas()
    for column in ("partners", "speakers", "initiatives", "evidence"):
        assert all(isinstance(value, list) for value in frame[column]), column
    assert all(isinstance(p["repairs"], list) for p in frame["provenance"])
    with_partners = frame[frame.partners.map(bool)]  # raised on NumPy arrays
    assert 0 < len(with_partners) <= len(frame)
    assert list(with_partners["id"]) == [r.id for r in acd.load_records() if r.partners]


def test_every_loader_gives_the_records_in_the_same_id_order() -> None:
    ids = [r.id for r in acd.load_records()]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert list(acd.load_pandas()["id"]) == ids
    assert list(acd.load_flat()["id"]) == ids
    assert acd.load_arrow()["id"].to_pylist() == ids
    assert acd.load_hf()["id"] == ids
    assert [row["id"] for row in acd.load_hf(streaming=True)] == ids


@pytest.mark.parametrize("split", ["train", "validation", "test"])
def test_split_selects_the_same_rows_in_every_loader(split: str) -> None:
    ids = [r.id for r in acd.load_records() if r.split == split]
    assert [r.id for r in acd.load_records(split=split)] == ids
    assert list(acd.load_pandas(split=split)["id"]) == ids
    assert list(acd.load_flat(split=split)["id"]) == ids
    assert acd.load_arrow(split=split)["id"].to_pylist() == ids
    assert acd.load_hf(split=split)["id"] == ids


def test_columns_keeps_the_named_columns_in_that_order() -> None:
    frame = acd.load_pandas(columns=["partners", "id"])
    assert list(frame.columns) == ["partners", "id"]
    assert list(frame["id"]) == [r.id for r in acd.load_records()]
    assert acd.load_arrow(columns=["id", "language"]).column_names == ["id", "language"]
    dataset = acd.load_hf(split="train", columns=["id", "text"])
    assert dataset.column_names == ["id", "text"]
    assert list(dataset.features) == ["id", "text"]


def test_an_unknown_split_or_column_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown split 'dev'.*train, validation, test"):
        acd.load_pandas(split="dev")
    with pytest.raises(ValueError, match=r"unknown column.*'partner_code'.*partners"):
        acd.load_arrow(columns=["id", "partner_code"])


def test_the_flat_view_has_one_plain_row_per_article() -> None:
    import pandas as pd

    from asean_cyber_data.load import load_flat

    records = {r.id: r for r in acd.load_records()}
    flat = load_flat()
    assert list(flat.columns) == [
        "id", "split", "language", "date", "date_precision", "year", "event_date",
        "source_name", "source_url", "speaker_name", "speaker_title", "speaker_honorific",
        "speaker_country", "speaker_names", "partner_code", "partner_name", "partner_codes",
        "partner_names", "initiative_names",
    ]  # fmt: skip
    assert len(flat) == len(records)

    def value(cell: object) -> object:
        return None if pd.isna(cell) else cell  # type: ignore[call-overload]

    for row in flat.to_dict("records"):
        record = records[row["id"]]
        assert row["partner_codes"] == "; ".join(p.code for p in record.partners)
        assert row["initiative_names"] == "; ".join(i.name for i in record.initiatives)
        assert value(row["year"]) == (int(record.date[:4]) if record.date else None)
        assert value(row["partner_code"]) == (record.partner.code if record.partner else None)
        assert value(row["source_name"]) == record.source.name
        assert value(row["speaker_name"]) == (record.speaker.name if record.speaker else None)
    for column in flat.columns:
        assert not any(isinstance(v, (list, dict)) for v in flat[column]), column
    assert "text" in load_flat(text=True).columns


def test_export_flat_writes_a_csv_that_spreadsheets_read(tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "records.csv"
    result = cli("export", "flat", "--release", str(BUILD), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote 5 rows" in result.stdout
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,split,language,")  # UTF-8 with BOM, for Excel
    back = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    flat = acd.load_flat(BUILD)
    assert list(back["id"]) == list(flat["id"])
    assert list(back["initiative_names"]) == list(flat["initiative_names"])
    assert [p.name for p in tmp_path.iterdir()] == ["records.csv"]  # no temporary left


def test_an_older_minor_release_loads_with_the_current_columns() -> None:
    frame = acd.load_pandas(DATA / "release-1.0.0")
    assert list(frame.columns) == list(acd.Record.model_fields)
    assert all(value == [] for value in frame["speakers"])
    assert acd.load_hf(DATA / "release-1.0.0").features == acd.load_hf(BUILD).features
    assert list(acd.load_flat(DATA / "release-1.0.0")["id"]) == sorted(frame["id"])


def _listing(release: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(release).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(release.rglob("*"))
    }


def test_loading_writes_nothing_into_the_release(tmp_path: Path) -> None:
    """The packaged release sits in site-packages: loading, ``filter`` and ``map`` must
    not leave cache files beside it. Here the release is read-only, as installed ones
    often are, and compared file by file before and after."""
    import shutil

    from datasets import load_dataset

    release = tmp_path / "installed"
    shutil.copytree(BUILD, release)
    before = _listing(release)
    for path in release.rglob("*"):
        path.chmod(0o555 if path.is_dir() else 0o444)
    release.chmod(0o555)
    try:
        dataset = acd.load_hf(release)
        assert dataset.filter(lambda row: row["language"] == "vi").num_rows >= 1
        assert dataset.map(lambda row: {"n": len(row["text"])})["n"][0] > 0
        train = acd.load_hf(release, split="train")
        train.map(lambda row: {"m": 1})
        acd.load_pandas(release)
        acd.load_flat(release)
        load_dataset(str(release), cache_dir=str(tmp_path / "cache"))
    finally:
        for path in [release, *release.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert _listing(release) == before


def test_loading_the_default_release_writes_nothing_into_it() -> None:
    from asean_cyber_data.load import release_dir

    release = release_dir()
    before = _listing(release)
    acd.load_hf().filter(lambda row: bool(row["partners"]))
    acd.load_hf(split="test").map(lambda row: {"n": 1})
    assert _listing(release) == before


def test_load_dataset_on_the_release_warns_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The card's ``dataset_info`` is well formed: no warning, logged or raised."""
    import logging
    import warnings

    from datasets import load_dataset

    with warnings.catch_warnings(), caplog.at_level(logging.WARNING):
        warnings.simplefilter("error")
        loaded = load_dataset(str(BUILD), cache_dir=str(tmp_path / "cache"))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert sum(d.num_rows for d in loaded.values()) == len(acd.load_records())


@pytest.mark.parametrize("split", ["train", "validation", "test"])
def test_load_hf_split_is_what_load_dataset_gives(split: str, tmp_path: Path) -> None:
    from datasets import load_dataset

    theirs = load_dataset(str(BUILD), split=split, cache_dir=str(tmp_path / "cache"))
    ours = acd.load_hf(split=split)
    assert ours.features == theirs.features
    assert ours.num_rows == theirs.num_rows
    assert ours.to_list() == theirs.to_list()  # same rows, same order
    assert str(ours.split) == split


def test_the_hf_dataset_carries_licence_citation_and_homepage() -> None:
    from datasets import load_from_disk

    from asean_cyber_data.card import HOMEPAGE, citation

    for info in (acd.load_hf().info, load_from_disk(str(BUILD / "hf")).info):
        assert info.homepage == HOMEPAGE
        assert info.citation == citation() and "@misc{" in info.citation
        assert "CC-BY-4.0" in info.license and "publishers" in info.license

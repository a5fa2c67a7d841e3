"""Crawl inputs: WARC, gzip/zstandard JSONL and Parquet files, written by the tests.

Every article in them is one record or one reject, container items that are not
articles are counted in the manifest, provenance says where each article was, a big
file cut into parts reads exactly as the whole file, and the Dask engine gives the
local engine's release.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from asean_cyber_data.build import build_release
from asean_cyber_data.crawl import plan_parts, read_input, read_part
from asean_cyber_data.read import Document
from asean_cyber_data.validate import validate_release

from .conftest import cli, release_bytes
from .crawl_files import ARTICLES, html_page, write_jsonl, write_parquet, write_warc


def build(raw: Path, out: Path, **options: Any) -> tuple[list[dict], list[dict], dict]:
    build_release(raw, out, workers=1, use_cache=False, **options)
    assert validate_release(out) == []
    records = [json.loads(x) for x in (out / "records.jsonl").read_text().splitlines()]
    rejects = [json.loads(x) for x in (out / "rejects.jsonl").read_text().splitlines()]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["input_count"] == len(records) + len(rejects) + manifest["off_topic_count"]
    return records, rejects, manifest


def crawl_pages() -> list[dict[str, Any]]:
    """Six article pages, a page without an article, an image, a redirect, a revisit."""
    pages: list[dict[str, Any]] = [
        {
            "url": f"https://news.example/{index}",
            "date": f"2024-03-1{index}T08:00:00Z",
            "body": html_page(f"Story {index}", text).encode("utf-8"),
        }
        for index, (_, text) in enumerate(ARTICLES)
    ]
    pages += [
        {
            "url": "https://news.example/menu",
            "date": "2024-03-18T08:00:00Z",
            "body": b"<html><body><nav>Home | World</nav></body></html>",
        },
        {
            "url": "https://news.example/logo.png",
            "date": "2024-03-18T08:00:00Z",
            "body": b"\x89PNG\r\n\x1a\n\x00\x00",
            "content_type": "image/png",
        },
        {"url": "https://news.example/old", "date": "2024-03-18T08:00:00Z", "body": b""}
        | {"status": 301},
        {
            "url": "https://news.example/0",
            "date": "2024-03-19T08:00:00Z",
            "body": b"",
            "revisit": True,
        },
    ]
    return pages


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("gzip_members", [True, False], ids=["warc.gz", "warc"])
def test_warc_responses_become_records_and_other_records_are_counted(
    raw: Path, tmp_path: Path, gzip_members: bool
) -> None:
    name = "crawl.warc.gz" if gzip_members else "crawl.warc"
    write_warc(raw / name, crawl_pages(), gzip_members=gzip_members)
    records, rejects, manifest = build(raw, tmp_path / "out", keep_off_topic=True)

    # Record numbers count every WARC record: 1 is the warcinfo, then 3 per page.
    responses = {f"crawl-{3 + 3 * i}": i for i in range(len(ARTICLES))}
    assert {r["id"] for r in records} == set(responses)
    for record in records:
        index = responses[record["id"]]
        assert record["source"]["path"] == f"{name}#{3 + 3 * index}"
        assert record["source"]["url"] == f"https://news.example/{index}"
        provenance = record["provenance"]
        assert provenance["format"] == ("warc.gz" if gzip_members else "warc")
        assert provenance["fetched"] == f"2024-03-1{index}T08:00:00Z"
        urn = f"<urn:uuid:00000000-0000-4000-8000-{3 + 3 * index:012d}>"
        assert provenance["warc_record_id"] == urn
        assert "Home | World" not in record["text"]
    assert [(r["path"], r["reason"]) for r in rejects] == [(f"{name}#21", "not_an_article")]
    assert manifest["skipped"] == {
        name: {
            "metadata": 10,
            "request": 10,
            "response_not_html": 1,
            "response_not_ok": 1,
            "revisit": 1,
            "warcinfo": 1,
        }
    }
    assert manifest["skipped_count"] == 24
    # 1 warcinfo + 3 records for each of 10 pages: every one a record, a reject or counted.
    accounted = len(records) + len(rejects) + manifest["off_topic_count"]
    assert accounted + manifest["skipped_count"] == 31


def test_extract_command_prints_the_records_of_a_warc(raw: Path) -> None:
    write_warc(raw / "crawl.warc.gz", crawl_pages()[:2])
    result = cli("extract", str(raw / "crawl.warc.gz"))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["provenance"]["fetched"]) for r in records] == [
        ("crawl-3", "2024-03-10T08:00:00Z"),
        ("crawl-6", "2024-03-11T08:00:00Z"),
    ]


def test_warc_offset_leads_back_to_the_record(raw: Path, tmp_path: Path) -> None:
    from fastwarc.warc import ArchiveIterator

    write_warc(raw / "crawl.warc.gz", crawl_pages())
    records, _, _ = build(raw, tmp_path / "out")
    for record in records:
        with (raw / "crawl.warc.gz").open("rb") as handle:
            handle.seek(record["provenance"]["offset"])
            found = next(iter(ArchiveIterator(handle)))
            assert found.record_id == record["provenance"]["warc_record_id"]
            assert found.headers["WARC-Target-URI"] == record["source"]["url"]


def test_a_warc_gzipped_as_one_stream_is_read_whole_without_offsets(
    raw: Path, tmp_path: Path
) -> None:
    import gzip

    plain = tmp_path / "plain.warc"
    write_warc(plain, crawl_pages(), gzip_members=False)
    (raw / "one.warc.gz").write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
    parts = plan_parts(raw / "one.warc.gz", items=2)
    assert len(parts) == 1  # no record starts a gzip member of its own: it cannot be cut
    docs = [i for i in read_part(parts[0], raw, 2_000_000) if isinstance(i, Document)]
    assert [d.id for d in docs] == [f"one-{3 + 3 * i}" for i in range(len(ARTICLES) + 1)]
    assert {d.offset for d in docs} == {None}


def test_a_truncated_warc_still_gives_the_articles_before_the_cut(
    raw: Path, tmp_path: Path
) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, crawl_pages()[:3], gzip_members=False)
    data = whole.read_bytes()
    (raw / "cut.warc").write_bytes(data[: len(data) - 600])  # into the last metadata record
    items = list(read_input(raw / "cut.warc", raw, 2_000_000))
    assert [i.id for i in items if isinstance(i, Document)] == ["cut-3", "cut-6", "cut-9"]


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_compressed_jsonl_dumps_are_read_line_by_line(
    raw: Path, tmp_path: Path, suffix: str
) -> None:
    items = [
        {"id": f"story-{i}", "text": text, "url": f"https://x.example/{i}", "source": "Wire"}
        for i, (_, text) in enumerate(ARTICLES[:4])
    ]
    items.insert(2, {"title": "no text here"})
    write_jsonl(raw / f"dump{suffix}", items, extra_lines=("{not json",))
    records, rejects, _ = build(raw, tmp_path / "out")
    assert sorted(r["id"] for r in records) == [f"story-{i}" for i in range(4)]
    by_id = {r["id"]: r for r in records}
    assert by_id["story-3"]["provenance"]["line"] == 5
    assert by_id["story-3"]["provenance"]["format"] == suffix[1:]
    assert by_id["story-3"]["source"]["path"] == f"dump{suffix}#5"
    assert sorted((r["path"], r["reason"]) for r in rejects) == [
        (f"dump{suffix}#3", "invalid_json"),
        (f"dump{suffix}#6", "invalid_json"),
    ]


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_a_truncated_compressed_dump_keeps_its_first_lines_and_rejects_the_rest(
    raw: Path, tmp_path: Path, suffix: str
) -> None:
    whole = tmp_path / f"whole{suffix}"
    write_jsonl(whole, [{"text": text} for _, text in ARTICLES])
    data = whole.read_bytes()
    (raw / f"cut{suffix}").write_bytes(data[: len(data) * 2 // 3])
    (raw / "story.txt").write_text(
        "SINGAPORE, 2 July 2024 — Singapore and India will run a joint exercise against "
        "phishing campaigns, Senior Minister of State Janil Puthucheary said on Tuesday.",
        encoding="utf-8",
    )
    records, rejects, _ = build(raw, tmp_path / "out")
    lines = sorted(r["provenance"]["line"] for r in records if r["provenance"]["line"])
    assert lines == list(range(1, len(lines) + 1)) and len(lines) < len(ARTICLES)
    if suffix == ".jsonl.gz":  # gzip decodes up to the cut; zstd only whole blocks
        assert lines
    assert [(r["path"], r["reason"]) for r in rejects] == [
        (f"cut{suffix}#{len(lines) + 1}", "invalid_compression")
    ]


def test_parquet_rows_become_records_with_their_row_number(raw: Path, tmp_path: Path) -> None:
    texts = [text for _, text in ARTICLES]
    write_parquet(
        raw / "articles.parquet",
        {
            "text": [*texts, "   "],
            "id": [None, "given-id", None, None, None, None, None],
            "date": [dt.date(2024, 3, 12), None, None, None, None, None, None],
            "source": ["Bernama", None, None, None, None, None, None],
            "other": list(range(7)),
        },
        row_group_size=2,
    )
    records, rejects, _ = build(raw, tmp_path / "out")
    ids = sorted(r["id"] for r in records)
    assert ids == ["articles-1", "articles-3", "articles-4", "articles-5", "articles-6", "given-id"]
    by_id = {r["id"]: r for r in records}
    assert by_id["given-id"]["provenance"]["row"] == 2
    assert by_id["given-id"]["provenance"]["line"] is None
    assert by_id["articles-1"]["provenance"]["format"] == "parquet"
    assert by_id["articles-1"]["provenance"]["given_date"] == "2024-03-12"
    assert by_id["articles-1"]["source"]["path"] == "articles.parquet#1"
    assert [(r["path"], r["reason"]) for r in rejects] == [("articles.parquet#7", "empty")]


def test_a_parquet_table_without_text_is_one_reject(raw: Path, tmp_path: Path) -> None:
    write_parquet(raw / "bad.parquet", {"body": ["x", "y"]}, row_group_size=1)
    (raw / "story.txt").write_text(ARTICLES[0][1], encoding="utf-8")
    _, rejects, _ = build(raw, tmp_path / "out")
    assert [(r["path"], r["reason"]) for r in rejects] == [("bad.parquet", "invalid_parquet")]


def _crawl_folder(raw: Path) -> None:
    """One file of each crawl format, each big enough to be cut into several parts."""
    write_warc(raw / "a.warc.gz", crawl_pages())
    lines = [{"text": text} for _, text in ARTICLES[:4]]
    write_jsonl(raw / "b.jsonl.gz", lines)
    write_jsonl(raw / "c.jsonl.zst", list(reversed(lines)))
    write_jsonl(raw / "d.jsonl", lines[1:])
    write_parquet(raw / "e.parquet", {"text": [t for _, t in ARTICLES]}, row_group_size=2)
    (raw / "f.txt").write_text(ARTICLES[5][1], encoding="utf-8")


def test_parts_of_a_file_read_exactly_as_the_whole_file(raw: Path) -> None:
    _crawl_folder(raw)
    for path in sorted(raw.iterdir()):
        whole = [i for i in read_input(path, raw, 2_000_000) if not hasattr(i, "counts")]
        parts = plan_parts(path, items=2)
        if path.suffix != ".txt":
            assert len(parts) > 1, path.name
        pieces = [
            i for part in parts for i in read_part(part, raw, 2_000_000) if not hasattr(i, "counts")
        ]
        assert pieces == whole, path.name


def test_crawl_rebuilds_are_byte_identical(raw: Path, tmp_path: Path) -> None:
    _crawl_folder(raw)
    build(raw, tmp_path / "one")
    build(raw, tmp_path / "two")
    assert release_bytes(tmp_path / "one") == release_bytes(tmp_path / "two")


@pytest.mark.slow
def test_dask_engine_cuts_big_files_and_gives_the_local_release(raw: Path, tmp_path: Path) -> None:
    _crawl_folder(raw)
    build(raw, tmp_path / "local")
    build_release(raw, tmp_path / "dask", workers=2, use_cache=False, engine="dask", part_items=4)
    assert release_bytes(tmp_path / "dask") == release_bytes(tmp_path / "local")

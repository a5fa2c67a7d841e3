"""Measure reading the crawl formats and the syndicated-copy step, per record.

Writes ``--size`` generated articles (``generate.py``) as a ``.warc.gz`` (request,
response and metadata records per page, one gzip member each, FastWARC), ``.jsonl.gz``,
``.jsonl.zst``, ``.parquet`` and plain ``.jsonl``, then measures on one core:

- read throughput of each format (``crawl.read_input``: decompression, parsing,
  decoding — everything before extraction) and, for WARC, trafilatura on each page
  (``crawl.main_text``, which runs in the per-document step);
- the indexing pass that cuts each file into Dask parts (``crawl.plan_parts``);
- the syndicated-copy step: MinHash band keys per record, the grouping at the end of a
  build, and the ledger bytes it adds per record — on the generated articles (which
  share their filler paragraphs, so nearly all are copies of a few: the worst case for
  the grouping) and on as many distinct articles (random words: no copies at all).

    python benchmarks/crawl_inputs.py --size 5000 --json benchmarks/crawl_results.json

Timing lives here, not in tests; on a shared machine the numbers move with its load.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generate import article

from asean_cyber_data.crawl import main_text, plan_parts, read_input
from asean_cyber_data.syndication import CopyIndex, band_keys


def _articles(size: int) -> list[str]:
    rng = random.Random(11)
    return [article(index, rng)[0] for index in range(size)]


def _distinct(size: int) -> list[str]:
    rng = random.Random(13)
    words = [f"w{n}" for n in range(20_000)]
    return [" ".join(rng.choices(words, k=400)) for _ in range(size)]


def _page(text: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        "<html><head><title>News</title></head><body><nav>Home | World</nav>"
        f"<article>{paragraphs}</article><footer>© News</footer></body></html>"
    ).encode()


def write_warc(path: Path, texts: list[str]) -> None:
    from fastwarc.stream_io import GzipWriter
    from fastwarc.warc import WarcRecord, WarcRecordType

    with path.open("wb") as handle:
        writer = GzipWriter(handle)
        for index, text in enumerate(texts):
            url = f"https://news.example/{index}"
            body = _page(text)
            http = (
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            for kind, block, ctype in (
                (WarcRecordType.request, b"GET / HTTP/1.1\r\n\r\n", "application/http"),
                (WarcRecordType.response, http, "application/http; msgtype=response"),
                (WarcRecordType.metadata, b"fetchTimeMs: 100\r\n", "application/warc-fields"),
            ):
                record = WarcRecord()
                record.init_headers(kind)
                record.headers["WARC-Target-URI"] = url
                record.headers["WARC-Date"] = "2024-03-12T08:00:00Z"
                record.headers["Content-Type"] = ctype
                record.set_bytes_content(block)
                record.write(writer)
                writer.finish()
        writer.close()


def write_dumps(folder: Path, texts: list[str]) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq
    import zstandard

    lines = "".join(
        json.dumps({"id": f"a{i}", "text": t, "url": f"https://x/{i}"}, ensure_ascii=False) + "\n"
        for i, t in enumerate(texts)
    ).encode()
    (folder / "dump.jsonl").write_bytes(lines)
    (folder / "dump.jsonl.gz").write_bytes(gzip.compress(lines, mtime=0))
    (folder / "dump.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(lines))
    table = pa.table({"id": [f"a{i}" for i in range(len(texts))], "text": texts})
    pq.write_table(table, folder / "dump.parquet", row_group_size=10_000)
    write_warc(folder / "crawl.warc.gz", texts)
    names = ("crawl.warc.gz", "dump.jsonl.gz", "dump.jsonl.zst", "dump.parquet", "dump.jsonl")
    return [folder / name for name in names]


def read_rate(path: Path) -> dict[str, Any]:
    started = time.perf_counter()
    docs = [item for item in read_input(path, path.parent, 2_000_000) if hasattr(item, "text")]
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    pages = [main_text(doc) for doc in docs if doc.markup is not None]
    trafilatura_seconds = time.perf_counter() - started
    started = time.perf_counter()
    parts = plan_parts(path, 1_000)
    index_seconds = time.perf_counter() - started
    return {
        "format": path.name.split(".", 1)[1],
        "file_mb": path.stat().st_size / 1e6,
        "articles": len(docs),
        "seconds": seconds,
        "articles_per_s": len(docs) / seconds,
        "mb_per_s": path.stat().st_size / 1e6 / seconds,
        "main_text_per_s": len(pages) / trafilatura_seconds if pages else None,
        "index_pass_s": index_seconds,
        "parts_of_1000": len(parts),
    }


def copies_cost(texts: list[str]) -> dict[str, Any]:
    band_keys("warm up")
    started = time.perf_counter()
    for text in texts:
        band_keys(text)
    per_record = (time.perf_counter() - started) / len(texts)
    with tempfile.TemporaryDirectory() as work:
        db_path = Path(work) / "index.sqlite"
        db = sqlite3.connect(db_path)
        index = CopyIndex(db)
        records = {
            rid: {"id": f"r{rid:07d}", "text": text, "date": None, "source": {"name": None}}
            for rid, text in enumerate(texts, start=1)
        }
        for rid, record in records.items():
            index.add(rid, record)
        db.commit()
        started = time.perf_counter()
        groups = list(index.groups(records.__getitem__))
        group_seconds = time.perf_counter() - started
        db.commit()
        db.execute("DROP TABLE claimed")
        db.commit()
        db.execute("VACUUM")
        db.close()
        disk = db_path.stat().st_size
    return {
        "band_keys_ms_per_record": per_record * 1000,
        "grouping_s": group_seconds,
        "grouping_ms_per_record": group_seconds / len(texts) * 1000,
        "kept": len(groups),
        "copies": sum(len(c) for _, c in groups),
        "index_bytes_per_record": disk / len(texts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5_000)
    parser.add_argument("--json", default=None, help="write the numbers here")
    args = parser.parse_args()
    texts = _articles(args.size)
    with tempfile.TemporaryDirectory() as work:
        files = write_dumps(Path(work), texts)
        reads = [read_rate(path) for path in files]
    copies = {"generated": copies_cost(texts), "distinct": copies_cost(_distinct(args.size))}
    print("| format | file MB | read articles/s | file MB/s | trafilatura pages/s | index (s) |")
    print("|---|---|---|---|---|---|")
    for row in reads:
        pages = f"{row['main_text_per_s']:,.0f}" if row["main_text_per_s"] else "-"
        print(
            f"| {row['format']} | {row['file_mb']:.1f} | {row['articles_per_s']:,.0f} | "
            f"{row['mb_per_s']:.1f} | {pages} | {row['index_pass_s']:.2f} |"
        )
    print(json.dumps(copies, indent=2))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"size": args.size, "reads": reads, "copies": copies}, indent=2) + "\n"
        )


if __name__ == "__main__":
    main()

"""The build: read → clean → extract → validate → publish, one document at a time.

``build_release`` streams the inputs under the raw root, extracts each document with
the pure per-document function (optionally on several processes), accounts for every
input — each becomes one record or one reject — and publishes the release atomically.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .extract import EXTRACTOR_VERSION, ExtractionError, extract_document
from .models import Record
from .publish import write_release
from .read import DEFAULT_MAX_BYTES, Document, Reject, discover, read_path


@dataclass(frozen=True)
class BuildSummary:
    records: int
    rejects: int
    seconds: float

    def line(self) -> str:
        rate = (self.records + self.rejects) / self.seconds if self.seconds else 0.0
        return (
            f"built {self.records} records, {self.rejects} rejects in {self.seconds:.1f}s "
            f"({rate:.0f} docs/s)"
        )


def extract_or_reject(doc: Document) -> Record | Reject:
    """The per-document step: a record, or a reject that says why not."""
    try:
        return extract_document(doc)
    except ExtractionError as error:
        return Reject(doc.path, error.reason, error.message, doc.sha256, doc.id)


def read_inputs(raw: Path, max_bytes: int) -> Iterator[Document | Reject]:
    for path in discover(raw):
        yield from read_path(path, raw, max_bytes)


def _results(items: Iterator[Document | Reject], workers: int) -> Iterator[Record | Reject]:
    if workers <= 1:
        for item in items:
            yield item if isinstance(item, Reject) else extract_or_reject(item)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        batch: list[Document | Reject] = []
        for item in items:
            batch.append(item)
            if len(batch) >= 256 * workers:
                yield from _map_batch(pool, batch)
                batch = []
        yield from _map_batch(pool, batch)


def _map_batch(pool: ProcessPoolExecutor, batch: list[Document | Reject]) -> list[Record | Reject]:
    docs = [item for item in batch if isinstance(item, Document)]
    extracted = iter(pool.map(extract_or_reject, docs, chunksize=32))
    return [item if isinstance(item, Reject) else next(extracted) for item in batch]


def build_release(
    raw: Path, out: Path, workers: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> BuildSummary:
    """Build the release in ``out`` from every input under ``raw``."""
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw}")
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    records: dict[str, Record] = {}
    record_paths: dict[str, str] = {}
    by_text: dict[str, str] = {}
    rejects: list[Reject] = []
    inputs: dict[str, str] = {}
    for result in _results(read_inputs(raw, max_bytes), workers):
        if isinstance(result, Reject):
            rejects.append(result)
            inputs[result.path] = result.sha256
            continue
        path = result.source.path
        inputs[path] = result.provenance.sha256
        text_key = result.text
        if text_key in by_text:
            kept = by_text[text_key]
            rejects.append(
                Reject(
                    path,
                    "duplicate_of",
                    f"same text as record {kept}",
                    result.provenance.sha256,
                    kept,
                )
            )
            continue
        if result.id in records:
            rejects.append(
                Reject(
                    path,
                    "id_clash",
                    f"id {result.id!r} of {path} is already used by {record_paths[result.id]}",
                    result.provenance.sha256,
                    result.id,
                )
            )
            continue
        records[result.id] = result
        record_paths[result.id] = path
        by_text[text_key] = result.id
    if not records:
        raise ValueError(f"no records could be built from {raw} ({len(rejects)} rejects)")
    write_release(out, list(records.values()), rejects, inputs, EXTRACTOR_VERSION)
    return BuildSummary(len(records), len(rejects), time.perf_counter() - started)


def eprint(message: str) -> None:
    print(message, file=sys.stderr)

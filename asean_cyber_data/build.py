"""The build: read → clean → extract → validate → publish, one document at a time.

``build_release`` streams the inputs under the raw root, extracts each document with
the pure per-document function (optionally on several processes), accounts for every
input — each becomes one record or one reject — and publishes the release atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .cache import BuildCache, cache_key, extractor_fingerprint
from .extract import ExtractionError, extract_document
from .models import Record
from .publish import write_release
from .read import DEFAULT_MAX_BYTES, Document, Reject, discover, read_path

#: Documents handed to the worker pool at a time: enough to keep every core busy while
#: memory stays bounded by the batch, not by the number of inputs.
BATCH_PER_WORKER = 256


@dataclass(frozen=True)
class BuildSummary:
    records: int
    rejects: int
    seconds: float
    cached: int = 0

    def line(self) -> str:
        total = self.records + self.rejects
        rate = total / self.seconds if self.seconds else 0.0
        reused = f", {self.cached} from cache" if self.cached else ""
        return (
            f"built {self.records} records, {self.rejects} rejects in {self.seconds:.1f}s "
            f"({rate:.0f} docs/s{reused})"
        )


def extract_or_reject(doc: Document) -> Record | Reject:
    """The per-document step: a record, or a reject that says why not."""
    try:
        return extract_document(doc)
    except ExtractionError as error:
        return Reject(doc.path, error.reason, error.message, doc.sha256, doc.id)


def read_inputs(raw: Path, max_bytes: int) -> Iterator[Document | Reject]:
    """Every document and reject under ``raw``, lazily, in sorted path order."""
    for path in discover(raw):
        yield from read_path(path, raw, max_bytes)


def _encode(result: Record | Reject) -> str:
    if isinstance(result, Reject):
        return "R" + json.dumps(result.to_json(), ensure_ascii=False)
    return "D" + result.model_dump_json()


def _decode(value: str) -> Record | Reject:
    if value.startswith("R"):
        return Reject(**json.loads(value[1:]))
    return Record.model_validate_json(value[1:])


class _Extractor:
    """Runs the per-document step over batches, reusing cached results."""

    def __init__(self, workers: int, cache: BuildCache | None) -> None:
        self.cache = cache
        self.pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
        self.cached = 0

    def run(self, batch: list[Document | Reject]) -> list[Record | Reject]:
        keys: dict[int, str] = {}
        done: dict[int, Record | Reject] = {}
        todo: list[tuple[int, Document]] = []
        for index, item in enumerate(batch):
            if isinstance(item, Reject):
                done[index] = item
                continue
            if self.cache is not None:
                keys[index] = cache_key(item)
                hit = self.cache.get(keys[index])
                if hit is not None:
                    done[index] = _decode(hit)
                    self.cached += 1
                    continue
            todo.append((index, item))
        docs = [doc for _, doc in todo]
        results = (
            list(self.pool.map(extract_or_reject, docs, chunksize=16))
            if self.pool
            else [extract_or_reject(doc) for doc in docs]
        )
        for (index, _), result in zip(todo, results, strict=True):
            done[index] = result
            if self.cache is not None:
                self.cache.put(keys[index], _encode(result))
        return [done[index] for index in range(len(batch))]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
        if self.cache is not None:
            self.cache.close()


def _results(
    items: Iterator[Document | Reject], extractor: _Extractor, batch_size: int
) -> Iterator[Record | Reject]:
    batch: list[Document | Reject] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from extractor.run(batch)
            batch = []
    yield from extractor.run(batch)


def default_cache_path(out: Path) -> Path:
    """The cache beside the release: ``<out's parent>/.cache/asean-cyber-data.sqlite``."""
    return out.resolve().parent / ".cache" / "asean-cyber-data.sqlite"


def build_release(
    raw: Path,
    out: Path,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: Path | None = None,
    use_cache: bool = True,
) -> BuildSummary:
    """Build the release in ``out`` from every input under ``raw``.

    Every input becomes one record or one reject: exact duplicates (same cleaned text)
    are rejected as ``duplicate_of`` the record kept, and an id already used is
    rejected as ``id_clash`` naming both inputs.
    """
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw}")
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    store = BuildCache(cache or default_cache_path(out)) if use_cache else None
    extractor = _Extractor(workers, store)
    records: dict[str, Record] = {}
    record_paths: dict[str, str] = {}
    by_text: dict[str, str] = {}
    rejects: list[Reject] = []
    inputs: dict[str, str] = {}
    try:
        for result in _results(read_inputs(raw, max_bytes), extractor, BATCH_PER_WORKER * workers):
            if isinstance(result, Reject):
                rejects.append(result)
                inputs[result.path] = result.sha256
                continue
            path = result.source.path
            inputs[path] = result.provenance.sha256
            text_key = hashlib.sha256(result.text.encode()).hexdigest()
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
    finally:
        extractor.close()
    if not records:
        raise ValueError(f"no records could be built from {raw} ({len(rejects)} rejects)")
    write_release(out, list(records.values()), rejects, inputs, extractor_fingerprint())
    return BuildSummary(len(records), len(rejects), time.perf_counter() - started, extractor.cached)

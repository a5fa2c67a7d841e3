"""The build: read → clean → extract → validate → publish, one document at a time.

``build_release`` streams the inputs under the raw root, extracts each document with
the pure per-document function (optionally on several processes), accounts for every
input — each becomes one record or one reject — and publishes the release atomically.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import BuildCache, cache_key, extractor_fingerprint
from .crawl import (
    PART_ITEMS,
    Item,
    Part,
    Skipped,
    add_origin,
    main_text,
    plan_parts,
    read_input,
    read_part,
)
from .extract import ExtractionError, extract_document
from .layout import SHARD_ROWS
from .ledger import Ledger
from .models import Record
from .publish import write_release
from .read import DEFAULT_MAX_BYTES, Document, Reject, discover

#: Documents handed to the worker pool at a time: enough to keep every core busy while
#: memory stays bounded by the batch, not by the number of inputs.
BATCH_PER_WORKER = 256
#: Fewer documents to extract than this in a batch are extracted in this process.
POOL_THRESHOLD = 64


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
    ready = main_text(doc)
    if isinstance(ready, Reject):
        return ready
    try:
        return add_origin(extract_document(ready), ready)
    except ExtractionError as error:
        return Reject(doc.path, error.reason, error.message, doc.sha256, doc.id)


def _extract_encoded(doc: Document) -> str:
    """The per-document step with its result as text: cheap to send between processes."""
    return _encode(extract_or_reject(doc))


def read_inputs(raw: Path, max_bytes: int) -> Iterator[Item]:
    """Every document, reject and skip count under ``raw``, lazily, in sorted path order."""
    for path in discover(raw):
        yield from read_input(path, raw, max_bytes)


#: A result between processes or in the cache: a reject, a count of skipped container
#: items, or a record's validated JSON (records are validated once, when extracted, and
#: not re-parsed on the way out).
Result = Record | Reject | Skipped | str


def _encode(result: Result) -> str:
    if isinstance(result, Reject):
        return "R" + json.dumps(result.to_json(), ensure_ascii=False)
    if isinstance(result, Skipped):
        return "S" + json.dumps(result.to_json(), ensure_ascii=False)
    return "D" + (result if isinstance(result, str) else result.model_dump_json())


def _decode(value: str) -> Reject | Skipped | str:
    if value.startswith("R"):
        return Reject(**json.loads(value[1:]))
    if value.startswith("S"):
        item = json.loads(value[1:])
        return Skipped(item["path"], tuple(sorted(item["counts"].items())))
    return value[1:]


class _Extractor:
    """Runs the per-document step over batches, reusing cached results."""

    def __init__(self, workers: int, cache: BuildCache | None) -> None:
        self.cache = cache
        self.pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
        self.cached = 0

    def run(self, batch: list[Item]) -> list[Result]:
        keys: dict[int, str] = {}
        done: dict[int, Result] = {}
        todo: list[tuple[int, Document]] = []
        for index, item in enumerate(batch):
            if isinstance(item, Reject | Skipped):
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
        # Worker processes pay a start-up cost (language models, gazetteers): a handful
        # of changed inputs is faster to extract here.
        encoded = (
            list(self.pool.map(_extract_encoded, docs, chunksize=16))
            if self.pool and len(docs) >= POOL_THRESHOLD
            else [_extract_encoded(doc) for doc in docs]
        )
        for (index, _), value in zip(todo, encoded, strict=True):
            done[index] = _decode(value)
            if self.cache is not None:
                self.cache.put(keys[index], value)
        return [done[index] for index in range(len(batch))]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
        if self.cache is not None:
            self.cache.close()


def _results(items: Iterator[Item], extractor: _Extractor, batch_size: int) -> Iterator[Result]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from extractor.run(batch)
            batch = []
    yield from extractor.run(batch)


def _extract_parts(parts: list[Part], root: str, max_bytes: int) -> list[str]:
    """One Dask task: read and extract each part (a whole small file, or a slice of a big
    one), results encoded as text."""
    out: list[str] = []
    for part in parts:
        for item in read_part(part, Path(root), max_bytes):
            out.append(_encode(extract_or_reject(item) if isinstance(item, Document) else item))
    return out


#: Whole small files per Dask task: enough to amortise a task's overhead.
FILES_PER_TASK = 50


def _tasks(raw: Path, part_items: int) -> Iterator[list[Part]]:
    """The build's inputs as Dask tasks, in input order: consecutive small files grouped,
    every part of a big file a task of its own (see ``crawl.plan_parts``)."""
    group: list[Part] = []
    for path in discover(raw):
        parts = plan_parts(path, part_items)
        if len(parts) == 1 and parts[0].count is None:
            group.append(parts[0])
            if len(group) >= FILES_PER_TASK:
                yield group
                group = []
            continue
        if group:
            yield group
            group = []
        yield from ([part] for part in parts)
    if group:
        yield group


def _dask_results(
    raw: Path, max_bytes: int, workers: int, scheduler: str | None, part_items: int = PART_ITEMS
) -> Iterator[Result]:
    """The same per-document function on Dask, one task per group of files or file part.

    Without a scheduler address a ``LocalCluster`` of ``workers`` processes is started;
    with one, the running cluster does the work (its workers must see ``raw``). At most
    a few tasks per worker are in flight and results are consumed in input order, so
    memory stays bounded and the records equal the local engine's.
    """
    from collections import deque

    from dask.distributed import Client, LocalCluster

    cluster = (
        None
        if scheduler
        else LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    )
    client = Client(scheduler or cluster)
    try:
        window = max(2, workers * 4)
        pending: deque[Any] = deque()
        for task in _tasks(raw, part_items):
            pending.append(client.submit(_extract_parts, task, str(raw), max_bytes, pure=False))
            while len(pending) >= window:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect(future: Any) -> Iterator[Result]:
    values: list[str] = future.result()
    future.release()
    for value in values:
        yield _decode(value)


def default_cache_path(out: Path) -> Path:
    """The cache beside the release: ``<out's parent>/.cache/asean-cyber-data.sqlite``."""
    return out.resolve().parent / ".cache" / "asean-cyber-data.sqlite"


def _progress(raw: Path, quiet: bool) -> Any:
    """A progress bar with counts, rate and ETA on a terminal; nothing otherwise."""
    from tqdm import tqdm

    show = not quiet and sys.stderr.isatty()
    files = sum(1 for _ in discover(raw)) if show else None
    return tqdm(total=files, unit="doc", disable=not show, dynamic_ncols=True, desc="extracting")


def build_release(
    raw: Path,
    out: Path,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: Path | None = None,
    use_cache: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    quiet: bool = True,
    shard_rows: int = SHARD_ROWS,
    part_items: int = PART_ITEMS,
    keep_copies: bool = False,
) -> BuildSummary:
    """Build the release in ``out`` from every input under ``raw``.

    Every input becomes one record or one reject (see :class:`Ledger`). ``engine`` is
    ``"local"`` (``workers`` processes, with the incremental cache) or ``"dask"``
    (big files cut into parts of about ``part_items`` records, lines or rows).
    Syndicated copies are merged into one record (``syndication.py``) unless
    ``keep_copies``.
    """
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw}")
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.ledger-", dir=out.parent))
    ledger = Ledger(work / "ledger.sqlite", find_copies=not keep_copies)
    extractor: _Extractor | None = None
    progress = _progress(raw, quiet)
    try:
        if engine == "dask":
            results = _dask_results(raw, max_bytes, workers, scheduler, part_items)
        else:
            store = BuildCache(cache or default_cache_path(out)) if use_cache else None
            extractor = _Extractor(workers, store)
            results = _results(read_inputs(raw, max_bytes), extractor, BATCH_PER_WORKER * workers)
        for result in results:
            ledger.add(result)
            progress.update(1)
        if extractor is not None:
            extractor.close()
        progress.close()
        ledger.merge_copies()
        if not ledger.records:
            raise ValueError(f"no records could be built from {raw} ({ledger.rejects} rejects)")
        write_release(out, ledger, extractor_fingerprint(), shard_rows)
    finally:
        ledger.close()
        shutil.rmtree(work, ignore_errors=True)
    return BuildSummary(
        ledger.records,
        ledger.rejects,
        time.perf_counter() - started,
        extractor.cached if extractor else 0,
    )

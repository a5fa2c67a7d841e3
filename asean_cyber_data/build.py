"""The build: read → clean → extract → validate → publish, one document at a time.

``build_release`` streams the inputs under the raw root (or one raw file), extracts
each document with the pure per-document function (optionally on several processes),
accounts for every input — each becomes one record or one reject — and publishes the
release atomically. Before reading anything it makes sure the release may be written
where asked (``publish.check_out``); a build that publishes nothing (no record, or a
reject under ``strict``) leaves the previous release as it was, writes its rejects
beside it (``<out>.rejects.jsonl``) and leaves no cache or temporary folder behind.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import BuildCache, cache_key, extractor_fingerprint
from .extract import ExtractionError, extract_document
from .ledger import Ledger
from .messages import UserError, plural
from .models import Record
from .publish import SHARD_ROWS, check_out, write_failure_report, write_release
from .read import DEFAULT_MAX_BYTES, Document, Reject, discover, input_root, read_path

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
    #: False when ``strict`` found rejects: the previous release was kept.
    published: bool = True
    #: Where the rejects went when nothing was published.
    report: Path | None = None

    def line(self) -> str:
        total = self.records + self.rejects
        rate = total / self.seconds if self.seconds else 0.0
        reused = f", {self.cached} from cache" if self.cached else ""
        verb = "built" if self.published else "read"
        return (
            f"{verb} {plural(self.records, 'record')}, {plural(self.rejects, 'reject')} "
            f"in {self.seconds:.1f}s ({rate:.0f} docs/s{reused})"
        )


def extract_or_reject(doc: Document) -> Record | Reject:
    """The per-document step: a record, or a reject that says why not."""
    try:
        return extract_document(doc)
    except ExtractionError as error:
        return Reject(doc.path, error.reason, error.message, doc.sha256, doc.id)


def _extract_encoded(doc: Document) -> str:
    """The per-document step with its result as text: cheap to send between processes."""
    return _encode(extract_or_reject(doc))


def read_inputs(raw: Path, max_bytes: int) -> Iterator[Document | Reject]:
    """Every document and reject under ``raw`` (a folder or one file), lazily, in sorted
    path order."""
    root = input_root(raw)
    for path in discover(raw):
        yield from read_path(path, root, max_bytes)


#: A result between processes or in the cache: a reject, or a record's validated JSON
#: (records are validated once, when extracted, and not re-parsed on the way out).
Result = Record | Reject | str


def _encode(result: Result) -> str:
    if isinstance(result, Reject):
        return "R" + json.dumps(result.to_json(), ensure_ascii=False)
    return "D" + (result if isinstance(result, str) else result.model_dump_json())


def _decode(value: str) -> Reject | str:
    if value.startswith("R"):
        return Reject(**json.loads(value[1:]))
    return value[1:]


class _Extractor:
    """Runs the per-document step over batches, reusing cached results."""

    def __init__(self, workers: int, cache: BuildCache | None) -> None:
        self.cache = cache
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None  # started by the first large batch
        self.cached = 0

    def run(self, batch: list[Document | Reject]) -> list[Result]:
        keys: dict[int, str] = {}
        done: dict[int, Result] = {}
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
        # Worker processes pay a start-up cost (language models, gazetteers): a handful
        # of changed inputs is faster to extract here.
        if self.workers > 1 and len(docs) >= POOL_THRESHOLD:
            self.pool = self.pool or _worker_pool(self.workers)
            encoded = list(self.pool.map(_extract_encoded, docs, chunksize=16))
        else:
            encoded = [_extract_encoded(doc) for doc in docs]
        for (index, _), value in zip(todo, encoded, strict=True):
            done[index] = _decode(value)
            if self.cache is not None:
                self.cache.put(keys[index], value)
        return [done[index] for index in range(len(batch))]

    def close(self, cancel: bool = False) -> None:
        """Stop the workers (``cancel``: drop the work not started, on an error)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=cancel)
            self.pool = None
        if self.cache is not None:
            self.cache.close()
            self.cache = None


def _ignore_interrupt() -> None:
    """Worker start-up: Ctrl-C is the parent's to handle (one message, no traceback from
    every worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers never see Ctrl-C: SIGINT is blocked in this thread
    while they are forked (they inherit the mask) and ignored by each one; a Ctrl-C
    meanwhile is delivered to this process once they are up."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupt)
    try:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            for future in [pool.submit(int) for _ in range(workers)]:
                future.result()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    return pool


def _results(
    items: Iterator[Document | Reject], extractor: _Extractor, batch_size: int
) -> Iterator[Result]:
    batch: list[Document | Reject] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from extractor.run(batch)
            batch = []
    yield from extractor.run(batch)


def _extract_paths(pairs: list[tuple[str, str]], max_bytes: int) -> list[str]:
    """One Dask partition: read and extract each input path, results encoded as text."""
    out: list[str] = []
    for path, root in pairs:
        for item in read_path(Path(path), Path(root), max_bytes):
            out.append(_encode(item if isinstance(item, Reject) else extract_or_reject(item)))
    return out


def _dask_results(
    raw: Path, max_bytes: int, workers: int, scheduler: str | None
) -> Iterator[Result]:
    """The same per-document function on Dask: a bag of input paths, ``map_partitions``.

    Without a scheduler address a ``LocalCluster`` of ``workers`` processes is started;
    with one, the running cluster does the work (its workers must see ``raw``).
    Partitions are consumed in input order, so the records equal the local engine's.
    """
    import dask.bag as db
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
        pairs = [(str(p), str(input_root(raw))) for p in discover(raw)]
        if not pairs:
            return
        partitions = max(1, min(len(pairs), workers * 8, len(pairs) // 50 + 1))
        bag = db.from_sequence(pairs, npartitions=partitions)
        futures = client.compute(bag.map_partitions(_extract_paths, max_bytes).to_delayed())
        for future in futures:
            for value in future.result():
                yield _decode(value)
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def default_cache_path(out: Path) -> Path:
    """The cache beside the release: ``<out's parent>/.cache/asean-cyber-data.sqlite``."""
    return out.resolve().parent / ".cache" / "asean-cyber-data.sqlite"


def _progress(raw: Path, quiet: bool) -> Any:
    """A progress bar with counts, rate and ETA on a terminal; nothing otherwise."""
    from tqdm import tqdm

    show = not quiet and sys.stderr.isatty()
    files = sum(1 for _ in discover(raw)) if show else None
    return tqdm(total=files, unit="doc", disable=not show, dynamic_ncols=True, desc="extracting")


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as error:
        raise UserError(
            "--engine dask needs Dask, which is not installed: pip install 'asean-cyber-data[dask]'"
        ) from error


def _new_paths(path: Path) -> list[Path]:
    """``path`` and each missing folder above it: what creating it would add."""
    created = []
    while not path.exists():
        created.append(path)
        path = path.parent
    return created


def _remove_new(paths: list[Path]) -> None:
    """Remove what a failed build created (a cache file, then its empty folders)."""
    for path in paths:
        if path.is_dir():
            try:
                path.rmdir()
            except OSError:
                return  # not empty: something else is in it now
        else:
            for leftover in (path, path.with_name(path.name + "-journal")):
                leftover.unlink(missing_ok=True)


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
    strict: bool = False,
) -> BuildSummary:
    """Build the release in ``out`` from every input under ``raw`` (a folder or a file).

    Every input becomes one record or one reject (see :class:`Ledger`). ``engine`` is
    ``"local"`` (``workers`` processes, with the incremental cache) or ``"dask"``.
    ``out`` must be missing, empty or a previous release, outside ``raw``
    (:func:`publish.check_out`); with ``strict``, any reject keeps the previous release
    and the rejects go to ``<out>.rejects.jsonl``. Raises :class:`UserError` when no
    record can be built (the rejects are written there too).
    """
    if not raw.exists():
        raise UserError(f"--raw {raw}: no such file or folder")
    if engine not in ("local", "dask"):
        raise UserError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    out = check_out(out, [("--raw", raw)])
    if engine == "dask":
        _require_dask()
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    store_path = (cache or default_cache_path(out)) if use_cache and engine == "local" else None
    created = _new_paths(store_path) if store_path else []
    published = False
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.ledger-", dir=out.parent))
    ledger = Ledger(work / "ledger.sqlite")
    extractor: _Extractor | None = None
    progress = _progress(raw, quiet)
    report = None
    try:
        if engine == "dask":
            results = _dask_results(raw, max_bytes, workers, scheduler)
        else:
            store = BuildCache(store_path) if store_path else None
            extractor = _Extractor(workers, store)
            results = _results(read_inputs(raw, max_bytes), extractor, BATCH_PER_WORKER * workers)
        for result in results:
            ledger.add(result)
            progress.update(1)
        if extractor is not None:
            extractor.close()
        progress.close()
        if not ledger.records:
            if not ledger.rejects:
                raise UserError(f"no records could be built: no input files under {raw}")
            report = write_failure_report(out, ledger.rejects_json())
            raise UserError(
                f"no records could be built from {raw}: {_rejected(ledger)}; "
                + _report_note(report, out)
            )
        if strict and ledger.rejects:
            report = write_failure_report(out, ledger.rejects_json())
        else:
            write_release(out, ledger, extractor_fingerprint(), shard_rows)
            published = True
    finally:
        progress.close()
        if extractor is not None:
            extractor.close(cancel=True)
        ledger.close()
        shutil.rmtree(work, ignore_errors=True)
        if not published:
            _remove_new(created)
    return BuildSummary(
        ledger.records,
        ledger.rejects,
        time.perf_counter() - started,
        extractor.cached if extractor else 0,
        published=published,
        report=report,
    )


def _rejected(ledger: Ledger) -> str:
    """``3 inputs rejected (2 empty, 1 binary)``."""
    reasons = ", ".join(f"{count} {reason}" for reason, count in ledger.reason_counts())
    return f"{plural(ledger.rejects, 'input')} rejected ({reasons})"


def _report_note(report: Path | None, out: Path) -> str:
    if report is None:
        return f"rejects not written: {out.name}.rejects.jsonl beside {out} is not ours"
    return f"rejects in {report}"

"""The build: read → gate → clean → relevance → extract → validate → publish, one
document at a time.

``build_release`` streams the inputs under the raw root (files, and the articles inside
crawl containers: WARC, compressed JSONL, Parquet), screens each with the crawl-speed
gate, extracts what passes with the pure per-document function (optionally on several
processes), accounts for every input — each becomes one record, one reject or one line
of the off-topic listing — merges syndicated copies, and publishes the release
atomically. Before reading anything it makes sure the release may be written where
asked (``publish.check_out``); a build that publishes nothing (no record, or a reject
under ``strict``) leaves the previous release as it was, writes its rejects beside it
(``<out>.rejects.jsonl``) and leaves no cache or temporary folder behind.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
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
from .extract.langdata import languages, pack
from .gate import automaton, screen
from .layout import SHARD_ROWS
from .ledger import Ledger, RecordText
from .messages import UserError, plural
from .models import Record
from .publish import check_out, write_failure_report, write_release
from .read import DEFAULT_MAX_BYTES, Document, Reject, discover, input_root
from .relevance import THRESHOLD
from .syndication import band_keys

#: Documents read and gated at a time: enough that the few a crawl's gate lets through
#: still keep every core busy, while memory stays bounded by two batches, not by the
#: number of inputs.
BATCH_PER_WORKER = 1024
#: Fewer documents to extract than this in a batch are extracted in this process.
POOL_THRESHOLD = 64


@dataclass(frozen=True)
class BuildSummary:
    records: int
    rejects: int
    seconds: float
    cached: int = 0
    off_topic: int = 0
    #: False when ``strict`` found rejects: the previous release was kept.
    published: bool = True
    #: Where the rejects went when nothing was published.
    report: Path | None = None

    def line(self) -> str:
        total = self.records + self.rejects + self.off_topic
        rate = total / self.seconds if self.seconds else 0.0
        reused = f", {self.cached} from cache" if self.cached else ""
        verb = "built" if self.published else "read"
        return (
            f"{verb} {plural(self.records, 'record')}, {plural(self.rejects, 'reject')}, "
            f"{self.off_topic} off-topic in {self.seconds:.1f}s ({rate:.0f} docs/s{reused})"
        )


def gate_reject(doc: Document) -> Reject | None:
    """The crawl-speed gate on a read document: an ``off_topic`` reject, or None.

    A WARC page is gated on its raw HTML (before trafilatura runs in the per-document
    step); ``.html`` files were gated on their markup when read (``read_path``)."""
    if doc.format == "html":
        return None
    why = screen(doc.markup, True) if doc.markup is not None else screen(doc.text)
    if why is None:
        return None
    return Reject(doc.path, "off_topic", why, doc.sha256, doc.id, score=0.0)


def extract_or_reject(
    doc: Document, keep_off_topic: bool = False, threshold: float = THRESHOLD
) -> Record | Reject:
    """The per-document step after the gate: a record, or a reject that says why not."""
    ready = main_text(doc)
    if isinstance(ready, Reject):
        return ready
    try:
        return add_origin(extract_document(ready, keep_off_topic, threshold), ready)
    except ExtractionError as error:
        return Reject(doc.path, error.reason, error.message, doc.sha256, doc.id, score=error.score)


def process_item(
    item: Item, keep_off_topic: bool = False, threshold: float = THRESHOLD
) -> Record | Reject | Skipped:
    """One read item through every per-document stage: gate → clean → relevance → extract."""
    if not isinstance(item, Document):
        return item
    blocked = None if keep_off_topic else gate_reject(item)
    return blocked or extract_or_reject(item, keep_off_topic, threshold)


def process_path(
    path: Path,
    root: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_off_topic: bool = False,
    threshold: float = THRESHOLD,
) -> Iterator[Record | Reject | Skipped]:
    """One input file through every stage (what ``evaluate`` runs); the engines run the
    same functions, the local one reading and gating in the parent process."""
    for item in read_input(path, root, max_bytes, None if keep_off_topic else screen):
        yield process_item(item, keep_off_topic, threshold)


def _extract_encoded(doc: Document, keep_off_topic: bool, threshold: float) -> str:
    """The per-document step with its result as text: cheap to send between processes."""
    return _encode(extract_or_reject(doc, keep_off_topic, threshold))


def read_inputs(raw: Path, max_bytes: int, keep_off_topic: bool = False) -> Iterator[Item]:
    """Every document, reject and skip count under ``raw``, lazily, in sorted path order
    (HTML pages screened by the gate before they are parsed, unless ``keep_off_topic``)."""
    gate = None if keep_off_topic else screen
    root = input_root(raw)
    for path in discover(raw):
        yield from read_input(path, root, max_bytes, gate)


#: A result between processes or in the cache: a reject, a count of skipped container
#: items, or a record's validated JSON (records are validated once, when extracted, and
#: not re-parsed on the way out), with its band keys when made by the per-document step.
Result = Record | Reject | Skipped | str | RecordText


def _encode(result: Result) -> str:
    """A result as text. A record made here is sent with the band keys of its text
    (``B<keys>\\n<json>``): the per-document step computes them in the worker processes,
    where the copy index would otherwise compute them in the one reading process."""
    if isinstance(result, Reject):
        return "R" + json.dumps(result.to_json(), ensure_ascii=False)
    if isinstance(result, Skipped):
        return "S" + json.dumps(result.to_json(), ensure_ascii=False)
    if isinstance(result, Record):
        result = RecordText(result.model_dump_json(), tuple(band_keys(result.text)))
    if isinstance(result, RecordText):
        return "B" + " ".join(map(str, result.bands)) + "\n" + result.json
    return "D" + result


def _decode(value: str) -> Reject | Skipped | str | RecordText:
    if value.startswith("R"):
        return Reject(**json.loads(value[1:]))
    if value.startswith("S"):
        item = json.loads(value[1:])
        return Skipped(item["path"], tuple(sorted(item["counts"].items())))
    if value.startswith("B"):
        keys, _, text = value[1:].partition("\n")
        return RecordText(text, tuple(map(int, keys.split())))
    return value[1:]


@dataclass
class _Batch:
    """One batch on its way: what is decided already, and what the workers are doing."""

    size: int
    done: dict[int, Result]
    todo: list[tuple[int, Document]]
    keys: dict[int, str]
    encoded: Iterator[str]


class _Extractor:
    """Runs the gate, then the per-document step over batches, reusing cached results.

    The gate runs here, in the reading process: it is cheaper than a cache lookup or
    sending the document to a worker, and it stops most of a crawl. A batch's survivors
    go to the worker pool at once; while the workers extract them, this process reads
    and gates the next batch (:func:`_results` keeps one batch in flight).
    """

    def __init__(
        self,
        workers: int,
        cache: BuildCache | None,
        keep_off_topic: bool = False,
        threshold: float = THRESHOLD,
    ) -> None:
        self.cache = cache
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.cached = 0
        self.keep_off_topic = keep_off_topic
        self.step = partial(_extract_encoded, keep_off_topic=keep_off_topic, threshold=threshold)
        self.variant = f"keep={keep_off_topic},threshold={threshold!r}"

    def _pool(self) -> ProcessPoolExecutor:
        """The worker pool, started once the resources every worker needs are loaded
        here: forked workers share them instead of loading them again each."""
        if self.pool is None:
            warm()
            self.pool = _worker_pool(self.workers)
        return self.pool

    def start(self, batch: list[Item]) -> _Batch:
        """Gate the batch, look up the cache, and hand what is left to the workers."""
        keys: dict[int, str] = {}
        done: dict[int, Result] = {}
        todo: list[tuple[int, Document]] = []
        for index, item in enumerate(batch):
            if not isinstance(item, Document):
                done[index] = item
                continue
            blocked = None if self.keep_off_topic else gate_reject(item)
            if blocked is not None:
                done[index] = blocked
                continue
            if self.cache is not None:
                keys[index] = cache_key(item, self.variant)
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
            self._pool().map(self.step, docs, chunksize=16)
            if self.workers > 1 and len(docs) >= POOL_THRESHOLD
            else iter([self.step(doc) for doc in docs])
        )
        return _Batch(len(batch), done, todo, keys, encoded)

    def finish(self, batch: _Batch) -> list[Result]:
        """The batch's results in input order, once the workers are done with it."""
        for (index, _), value in zip(batch.todo, batch.encoded, strict=True):
            batch.done[index] = _decode(value)
            if self.cache is not None:
                self.cache.put(batch.keys[index], value)
        return [batch.done[index] for index in range(batch.size)]

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


def warm() -> None:
    """Load what extraction needs once per process: the gate, every language pack, the
    language detector, the MinHash of the copy index."""
    from .extract.language import _detector
    from .syndication import _hasher

    automaton()
    for code in languages():
        pack(code)
    _detector()
    _hasher()


def _results(items: Iterator[Item], extractor: _Extractor, batch_size: int) -> Iterator[Result]:
    """Every result in input order, with one batch extracted while the next is read."""
    pending: _Batch | None = None
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            started = extractor.start(batch)
            if pending is not None:
                yield from extractor.finish(pending)
            pending, batch = started, []
    started = extractor.start(batch)
    if pending is not None:
        yield from extractor.finish(pending)
    yield from extractor.finish(started)


def _extract_parts(
    parts: list[Part], root: str, max_bytes: int, keep_off_topic: bool, threshold: float
) -> list[str]:
    """One Dask task: every stage for each part (a whole small file, or a slice of a big
    one), results encoded as text."""
    gate = None if keep_off_topic else screen
    out: list[str] = []
    for part in parts:
        for item in read_part(part, Path(root), max_bytes, gate):
            out.append(_encode(process_item(item, keep_off_topic, threshold)))
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
    raw: Path,
    max_bytes: int,
    workers: int,
    scheduler: str | None,
    part_items: int = PART_ITEMS,
    keep_off_topic: bool = False,
    threshold: float = THRESHOLD,
) -> Iterator[Result]:
    """The same per-document function on Dask, one task per group of files or file part.

    Without a scheduler address a ``LocalCluster`` of ``workers`` processes is started;
    with one, the running cluster does the work (its workers must see ``raw``). At most
    a few tasks per worker are in flight and results are consumed in input order, so
    memory stays bounded and the records equal the local engine's.
    """
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
            pending.append(
                client.submit(
                    _extract_parts,
                    task,
                    str(input_root(raw)),
                    max_bytes,
                    keep_off_topic,
                    threshold,
                    pure=False,
                )
            )
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
    part_items: int = PART_ITEMS,
    keep_copies: bool = False,
    keep_off_topic: bool = False,
    threshold: float | None = None,
    strict: bool = False,
) -> BuildSummary:
    """Build the release in ``out`` from every input under ``raw`` (a folder or a file).

    Every input becomes one record, one reject or one line of the off-topic listing (see
    :class:`Ledger`). ``engine`` is ``"local"`` (``workers`` processes, with the
    incremental cache) or ``"dask"`` (big files cut into parts of about ``part_items``
    records, lines or rows). Articles whose relevance score is below ``threshold``
    (default :data:`~asean_cyber_data.relevance.THRESHOLD`) are off-topic;
    ``keep_off_topic`` keeps them as records with the score. Syndicated copies are
    merged into one record (``syndication.py``) unless ``keep_copies``. ``out`` must be
    missing, empty or a previous release, outside ``raw`` (:func:`publish.check_out`);
    with ``strict``, any reject keeps the previous release and the rejects go to
    ``<out>.rejects.jsonl``. Raises :class:`UserError` when no record can be built (the
    rejects are written there too).
    """
    threshold = THRESHOLD if threshold is None else threshold
    if not 0 < threshold <= 1:
        raise UserError(f"the relevance threshold must be in (0, 1], got {threshold}")
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
    ledger = Ledger(work / "ledger.sqlite", find_copies=not keep_copies)
    extractor: _Extractor | None = None
    progress = _progress(raw, quiet)
    report = None
    try:
        if engine == "dask":
            results = _dask_results(
                raw, max_bytes, workers, scheduler, part_items, keep_off_topic, threshold
            )
        else:
            store = BuildCache(store_path) if store_path else None
            extractor = _Extractor(workers, store, keep_off_topic, threshold)
            results = _results(
                read_inputs(raw, max_bytes, keep_off_topic), extractor, BATCH_PER_WORKER * workers
            )
        for result in results:
            ledger.add(result)
            progress.update(1)
        if extractor is not None:
            extractor.close()
        progress.close()
        ledger.merge_copies()
        if not ledger.records:
            if not ledger.rejects and not ledger.off_topic:
                raise UserError(f"no records could be built: no input files under {raw}")
            report = write_failure_report(out, ledger.rejects_json())
            raise UserError(
                f"no records could be built from {raw}: {_rejected(ledger)}; "
                + _report_note(report, out)
            )
        if strict and ledger.rejects:
            report = write_failure_report(out, ledger.rejects_json())
        else:
            write_release(
                out,
                ledger,
                extractor_fingerprint(),
                shard_rows,
                {"threshold": threshold, "keep_off_topic": keep_off_topic},
            )
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
        ledger.off_topic,
        published=published,
        report=report,
    )


def _rejected(ledger: Ledger) -> str:
    """``3 inputs rejected (2 empty, 1 binary), 5 off-topic``."""
    reasons = ", ".join(f"{count} {reason}" for reason, count in ledger.reason_counts())
    rejected = f"{plural(ledger.rejects, 'input')} rejected ({reasons})"
    return rejected + (f", {ledger.off_topic} off-topic" if ledger.off_topic else "")


def _report_note(report: Path | None, out: Path) -> str:
    if report is None:
        return f"rejects not written: {out.name}.rejects.jsonl beside {out} is not ours"
    return f"rejects in {report}"

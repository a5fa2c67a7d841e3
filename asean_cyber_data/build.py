"""The build: read → gate → clean → relevance → extract → validate → publish, one
document at a time.

``build_release`` streams the inputs under the raw root, screens each with the
crawl-speed gate, extracts what passes with the pure per-document function (optionally
on several processes), accounts for every input — each becomes one record, one reject
or one line of the off-topic listing — and publishes the release atomically.
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
from functools import partial
from pathlib import Path
from typing import Any

from .cache import BuildCache, cache_key, extractor_fingerprint
from .extract import ExtractionError, extract_document
from .gate import automaton, screen
from .langdata import languages, pack
from .ledger import Ledger
from .models import Record
from .publish import SHARD_ROWS, write_release
from .read import DEFAULT_MAX_BYTES, Document, Reject, discover, read_path
from .relevance import THRESHOLD

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

    def line(self) -> str:
        total = self.records + self.rejects + self.off_topic
        rate = total / self.seconds if self.seconds else 0.0
        reused = f", {self.cached} from cache" if self.cached else ""
        return (
            f"built {self.records} records, {self.rejects} rejects, {self.off_topic} "
            f"off-topic in {self.seconds:.1f}s ({rate:.0f} docs/s{reused})"
        )


def gate_reject(doc: Document) -> Reject | None:
    """The crawl-speed gate on a decoded document: an ``off_topic`` reject, or None.

    HTML pages were gated on their raw markup before trafilatura (``read_path``)."""
    if doc.format == "html":
        return None
    why = screen(doc.text)
    if why is None:
        return None
    return Reject(doc.path, "off_topic", why, doc.sha256, doc.id, score=0.0)


def extract_or_reject(
    doc: Document, keep_off_topic: bool = False, threshold: float = THRESHOLD
) -> Record | Reject:
    """The per-document step after the gate: a record, or a reject that says why not."""
    try:
        return extract_document(doc, keep_off_topic, threshold)
    except ExtractionError as error:
        return Reject(doc.path, error.reason, error.message, doc.sha256, doc.id, error.score)


def process_path(
    path: Path,
    root: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_off_topic: bool = False,
    threshold: float = THRESHOLD,
) -> Iterator[Record | Reject]:
    """One input file through every per-document stage: read → gate → clean → relevance →
    extract. The Dask engine and ``evaluate`` run this; the local engine runs the same
    functions, reading and gating in the parent process and extracting in its workers."""
    gate = None if keep_off_topic else screen
    for item in read_path(path, root, max_bytes, gate):
        if isinstance(item, Reject):
            yield item
            continue
        blocked = None if keep_off_topic else gate_reject(item)
        yield blocked or extract_or_reject(item, keep_off_topic, threshold)


def _extract_encoded(doc: Document, keep_off_topic: bool, threshold: float) -> str:
    """The per-document step with its result as text: cheap to send between processes."""
    return _encode(extract_or_reject(doc, keep_off_topic, threshold))


def read_inputs(
    raw: Path, max_bytes: int, keep_off_topic: bool = False
) -> Iterator[Document | Reject]:
    """Every document and reject under ``raw``, lazily, in sorted path order (HTML pages
    screened by the gate before they are parsed, unless ``keep_off_topic``)."""
    gate = None if keep_off_topic else screen
    for path in discover(raw):
        yield from read_path(path, raw, max_bytes, gate)


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
            self.pool = ProcessPoolExecutor(max_workers=self.workers)
        return self.pool

    def start(self, batch: list[Document | Reject]) -> _Batch:
        """Gate the batch, look up the cache, and hand what is left to the workers."""
        keys: dict[int, str] = {}
        done: dict[int, Result] = {}
        todo: list[tuple[int, Document]] = []
        for index, item in enumerate(batch):
            if isinstance(item, Reject):
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

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
        if self.cache is not None:
            self.cache.close()


def warm() -> None:
    """Load what extraction needs once per process: the gate, every language pack, the
    language detector."""
    from .extract.language import _detector

    automaton()
    for code in languages():
        pack(code)
    _detector()


def _results(
    items: Iterator[Document | Reject], extractor: _Extractor, batch_size: int
) -> Iterator[Result]:
    """Every result in input order, with one batch extracted while the next is read."""
    pending: _Batch | None = None
    batch: list[Document | Reject] = []
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


def _extract_paths(
    pairs: list[tuple[str, str]], max_bytes: int, keep_off_topic: bool, threshold: float
) -> list[str]:
    """One Dask partition: every stage for each input path, results encoded as text."""
    out: list[str] = []
    for path, root in pairs:
        for item in process_path(Path(path), Path(root), max_bytes, keep_off_topic, threshold):
            out.append(_encode(item))
    return out


def _dask_results(
    raw: Path,
    max_bytes: int,
    workers: int,
    scheduler: str | None,
    keep_off_topic: bool = False,
    threshold: float = THRESHOLD,
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
        pairs = [(str(p), str(raw)) for p in discover(raw)]
        if not pairs:
            return
        partitions = max(1, min(len(pairs), workers * 8, len(pairs) // 50 + 1))
        bag = db.from_sequence(pairs, npartitions=partitions)
        futures = client.compute(
            bag.map_partitions(_extract_paths, max_bytes, keep_off_topic, threshold).to_delayed()
        )
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
    keep_off_topic: bool = False,
    threshold: float | None = None,
) -> BuildSummary:
    """Build the release in ``out`` from every input under ``raw``.

    Every input becomes one record, one reject or one line of the off-topic listing (see
    :class:`Ledger`). ``engine`` is ``"local"`` (``workers`` processes, with the
    incremental cache) or ``"dask"``. Articles whose relevance score is below
    ``threshold`` (default :data:`~asean_cyber_data.relevance.THRESHOLD`) are off-topic;
    ``keep_off_topic`` keeps them as records with the score.
    """
    threshold = THRESHOLD if threshold is None else threshold
    if not 0 < threshold <= 1:
        raise ValueError(f"the relevance threshold must be in (0, 1], got {threshold}")
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw}")
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.ledger-", dir=out.parent))
    ledger = Ledger(work / "ledger.sqlite")
    extractor: _Extractor | None = None
    progress = _progress(raw, quiet)
    try:
        if engine == "dask":
            results = _dask_results(raw, max_bytes, workers, scheduler, keep_off_topic, threshold)
        else:
            store = BuildCache(cache or default_cache_path(out)) if use_cache else None
            extractor = _Extractor(workers, store, keep_off_topic, threshold)
            results = _results(
                read_inputs(raw, max_bytes, keep_off_topic),
                extractor,
                BATCH_PER_WORKER * workers,
            )
        for result in results:
            ledger.add(result)
            progress.update(1)
        if extractor is not None:
            extractor.close()
        progress.close()
        if not ledger.records:
            raise ValueError(
                f"no records could be built from {raw} ({ledger.rejects} rejects, "
                f"{ledger.off_topic} off-topic)"
            )
        write_release(
            out,
            ledger,
            extractor_fingerprint(),
            shard_rows,
            {"threshold": threshold, "keep_off_topic": keep_off_topic},
        )
    finally:
        ledger.close()
        shutil.rmtree(work, ignore_errors=True)
    return BuildSummary(
        ledger.records,
        ledger.rejects,
        time.perf_counter() - started,
        extractor.cached if extractor else 0,
        ledger.off_topic,
    )

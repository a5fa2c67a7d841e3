"""Stage 5 — publish: validated records → a release directory, written atomically.

A release (its layout: :mod:`asean_cyber_data.layout`) holds ``records.jsonl`` (sorted
by id), per-split Parquet shards (explicit Arrow schema, schema version in their
metadata), ``hf/`` (a ``datasets`` ``save_to_disk`` directory with explicit features),
the JSON Schema file of its records, ``rejects.jsonl``, ``off_topic.jsonl.gz`` (every
off-topic input: path, id, score, why), the dataset card and Croissant
(:mod:`asean_cyber_data.card`) and ``manifest.json`` (versions, the schema file, counts,
sha256 of every output and of every raw input that is a record or a reject). Every file
is written into a temporary directory beside the target, validated, and only then swapped in, so a
crash never leaves a half-written release. Outputs contain no timestamps: the same
records give the same bytes.

The target folder is the user's: it is replaced only when it is missing, empty, or a
release this package wrote (a ``manifest.json`` of ours, and no file the manifest does
not list). :func:`check_out` says so before a build starts, and the swap checks again,
so nothing else is ever deleted.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .card import dataset_info, write_card
from .layout import (
    HF_DIR,
    MANIFEST,
    OFF_TOPIC,
    RECORDS_JSONL,
    REJECTS_JSONL,
    SHARD_ROWS,
    SPLITS,
    file_sha256,
    parquet_names,
    release_schema_file,
)
from .ledger import Ledger
from .messages import UserError
from .models import Record
from .schema_forms import arrow_schema, hf_features, json_schema_text
from .validate import validate_release
from .version import SCHEMA_VERSION, __version__

#: Rows converted to Arrow at a time while writing.
WRITE_BATCH = 2_000
#: All records as one Arrow stream in id order, the source of the HF dataset (removed
#: once the dataset is written).
ALL_ARROW = ".all-records.arrow"


def record_json(record: Record) -> str:
    """One record as one JSON line (stable key order, UTF-8 characters kept)."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, sort_keys=False)


class _SplitWriter:
    """Writes one split's rows into bounded Parquet shards."""

    def __init__(self, out: Path, split: str, count: int, shard_rows: int) -> None:
        self.out, self.shard_rows = out, shard_rows
        self.names = iter(parquet_names(split, count, shard_rows))
        self.writer: pq.ParquetWriter | None = None
        self.in_shard = 0
        self.batch: list[dict[str, Any]] = []
        self.written = False

    def add(self, row: dict[str, Any]) -> None:
        self.batch.append(row)
        if len(self.batch) >= WRITE_BATCH or self.in_shard + len(self.batch) >= self.shard_rows:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        if self.writer is None:
            self.writer = pq.ParquetWriter(
                self.out / next(self.names),
                arrow_schema(),
                compression="zstd",
                use_dictionary=["language", "schema_version", "split"],
            )
        self.writer.write_table(pa.Table.from_pylist(self.batch, schema=arrow_schema()))
        self.written = True
        self.in_shard += len(self.batch)
        self.batch.clear()
        if self.in_shard >= self.shard_rows:
            self.writer.close()
            self.writer, self.in_shard = None, 0

    def close(self) -> None:
        self.flush()
        if self.writer is not None:
            self.writer.close()
        if not self.written:  # an empty split still has its (empty) file
            pq.write_table(arrow_schema().empty_table(), self.out / next(self.names))


def write_records(
    out: Path, records: Iterator[str], split_counts: dict[str, int], shard_rows: int = SHARD_ROWS
) -> None:
    """Stream records (validated JSON, in id order) into ``records.jsonl`` and per-split
    Parquet shards."""
    writers = {
        split: _SplitWriter(out, split, split_counts.get(split, 0), shard_rows) for split in SPLITS
    }
    schema = arrow_schema()
    batch: list[dict[str, Any]] = []
    with (
        (out / RECORDS_JSONL).open("w", encoding="utf-8", newline="\n") as jsonl,
        pa.OSFile(str(out / ALL_ARROW), "wb") as sink,
        pa.ipc.new_stream(sink, schema) as stream,
    ):
        for text in records:
            row = json.loads(text)
            jsonl.write(json.dumps(row, ensure_ascii=False) + "\n")
            writers[row["split"]].add(row)
            batch.append(row)
            if len(batch) >= WRITE_BATCH:
                stream.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        if batch:
            stream.write_table(pa.Table.from_pylist(batch, schema=schema))
    for writer in writers.values():
        writer.close()


def write_hf(out: Path, shard_rows: int = SHARD_ROWS) -> None:
    """A Hugging Face dataset directory (``save_to_disk``) with the schema's features.

    Made from the Arrow stream ``write_records`` wrote in id order (memory-mapped, no
    per-row conversion); the fingerprint is derived from the JSONL content (not random),
    so two builds of the same records write the same files.
    """
    from datasets import Dataset
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()
    info = dataset_info(hf_features())
    stream = out / ALL_ARROW
    dataset = Dataset.from_file(str(stream), info=info)
    dataset._fingerprint = file_sha256(out / RECORDS_JSONL)[:16]
    shards = max(1, -(-dataset.num_rows // shard_rows))
    dataset.save_to_disk(str(out / HF_DIR), num_shards=shards)
    del dataset
    stream.unlink()


def write_schema(out: Path) -> None:
    """The JSON Schema of the records, in the release: a consumer holding only the release
    validates each record with the file the manifest names (``schema_file``)."""
    path = out / release_schema_file(SCHEMA_VERSION)
    path.parent.mkdir(parents=True)
    path.write_text(json_schema_text(), encoding="utf-8", newline="\n")


def write_manifest(
    out: Path,
    records: int,
    rejects: int,
    inputs: Iterator[tuple[str, str]],
    extractor_version: str,
    skipped: dict[str, dict[str, int]] | None = None,
    off_topic: int = 0,
    relevance: dict[str, Any] | None = None,
) -> dict[str, Any]:
    outputs = {
        p.relative_to(out).as_posix(): file_sha256(p)
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }
    summary = {
        "schema_version": SCHEMA_VERSION,
        "schema_file": release_schema_file(SCHEMA_VERSION),
        "package_version": __version__,
        "extractor_version": extractor_version,
        "record_count": records,
        "reject_count": rejects,
        "off_topic_count": off_topic,
        "input_count": records + rejects + off_topic,
        "relevance": relevance or {},
        "outputs": outputs,
        "inputs": dict(inputs),
    }
    if skipped:  # crawl container items that are not articles, by file and kind
        summary["skipped_count"] = sum(sum(kinds.values()) for kinds in skipped.values())
        summary["skipped"] = skipped
    (out / MANIFEST).write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return summary


def write_release(
    out: Path,
    ledger: Ledger,
    extractor_version: str,
    shard_rows: int = SHARD_ROWS,
    relevance: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write a complete release into a temporary directory and swap it in for ``out``."""
    out = out.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    staging.chmod(0o755)
    try:
        write_records(staging, ledger.record_json_by_id(), ledger.split_counts(), shard_rows)
        write_hf(staging, shard_rows)
        write_schema(staging)
        write_card(staging, ledger)
        write_jsonl(staging / REJECTS_JSONL, ledger.rejects_json())
        write_jsonl_gz(staging / OFF_TOPIC, ledger.off_topic_json())
        summary = write_manifest(
            staging,
            ledger.records,
            ledger.rejects,
            ledger.inputs(),
            extractor_version,
            ledger.skipped_counts(),
            ledger.off_topic,
            relevance,
        )
        problems = validate_release(staging, json_schema=False)
        if problems:
            raise RuntimeError("the new release failed validation: " + "; ".join(problems[:5]))
        _swap(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return summary


def write_jsonl(path: Path, lines: Iterable[str]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for line in lines:
            handle.write(line + "\n")


def write_jsonl_gz(path: Path, lines: Iterable[str]) -> None:
    """JSON lines, gzip-compressed reproducibly: no file name or time in the header."""
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed,
    ):
        for line in lines:
            packed.write((line + "\n").encode("utf-8"))


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames (the old release is kept until then).

    ``out`` is checked once more first: whatever is not a release is never removed.
    """
    problem = replace_problem(out)
    if problem is not None:
        raise UserError(f"{out}: {problem}; refusing to replace it")
    if out.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.rename(out, retired / out.name)
        os.rename(staging, out)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.rename(staging, out)


def _our_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest at ``path`` if it is one this package writes, else None."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(manifest, dict):
        return None
    outputs = manifest.get("outputs")
    shaped = (
        isinstance(manifest.get("schema_version"), str)
        and isinstance(manifest.get("package_version"), str)
        and isinstance(manifest.get("record_count"), int)
        and isinstance(outputs, dict)
        and all(isinstance(v, str) and len(v) == 64 for v in outputs.values())
    )
    return manifest if shaped else None


def replace_problem(out: Path) -> str | None:
    """Why a release may not replace ``out`` (None: it may — missing, empty, or a
    release this package wrote, holding only the files its manifest lists)."""
    if not out.exists() and not out.is_symlink():
        return None
    if not out.is_dir():
        return "it is a file, not a release folder"
    if not any(out.iterdir()):
        return None
    manifest = _our_manifest(out / MANIFEST)
    if manifest is None:
        return f"the folder is not empty and is not a release (no {MANIFEST} of ours)"
    listed = {*manifest["outputs"], MANIFEST}
    foreign = sorted(
        name
        for name in (p.relative_to(out).as_posix() for p in out.rglob("*") if not p.is_dir())
        if name not in listed
    )
    if foreign:
        shown = ", ".join(foreign[:3]) + (
            f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        )
        return f"the release holds files its manifest does not list ({shown})"
    return None


def check_out(out: Path, inputs: Iterable[tuple[str, Path]] = ()) -> Path:
    """``out`` resolved, once it is sure a release may be written there; else a
    :class:`UserError` naming the path. ``inputs`` are ``(option, path)`` pairs the
    release must not overlap (``--raw``, the release being migrated)."""
    target = out.expanduser().resolve()
    here = Path.cwd().resolve()
    if target == here or target in here.parents:
        raise UserError(
            f"--out {out} is the current folder or contains it: choose a folder for the release"
        )
    for option, path in inputs:
        source = path.expanduser().resolve()
        if source == target or target in source.parents or source in target.parents:
            raise UserError(
                f"--out {out} and {option} {path} overlap: the release must be written "
                "outside its inputs"
            )
    parent = target.parent
    if not parent.is_dir():
        state = "is not a folder" if parent.exists() else "does not exist"
        raise UserError(f"--out {out}: {parent} {state}")
    problem = replace_problem(target)
    if problem is not None:
        raise UserError(
            f"--out {out}: {problem}; refusing to replace it (choose a new or empty folder)"
        )
    try:  # the release is written beside ``out``: find out now, not after extracting
        os.rmdir(tempfile.mkdtemp(prefix=f".{target.name}.probe-", dir=parent))
    except OSError as error:
        raise UserError(f"--out {out}: cannot write in {parent} ({error.strerror})") from error
    return target


def failure_report(out: Path) -> Path:
    """Where a build that publishes nothing writes its rejects: ``<out>.rejects.jsonl``
    beside the release folder, so the previous release stays as it was."""
    return out.parent / f"{out.name}.{REJECTS_JSONL}"


def write_failure_report(out: Path, lines: Iterable[str]) -> Path | None:
    """Write the rejects of a build that publishes nothing (see :func:`failure_report`)
    atomically; None when a file of another kind already has that name (it is kept)."""
    path = failure_report(out)
    if path.exists() and not _is_rejects_report(path):
        return None
    staging = path.with_name(f".{path.name}.tmp")
    write_jsonl(staging, lines)
    os.replace(staging, path)
    return path


def _is_rejects_report(path: Path) -> bool:
    keys = {"path", "reason", "message", "sha256"}
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                if not (isinstance(item, dict) and keys <= set(item)):
                    return False
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return True

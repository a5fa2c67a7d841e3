"""Stage 5 — publish: validated records → a release directory, written atomically.

A release holds ``records.jsonl`` (sorted by id), ``records.parquet`` (explicit Arrow
schema, schema version in its metadata), ``hf/`` (a ``datasets`` ``save_to_disk``
directory with explicit features), ``rejects.jsonl`` and ``manifest.json`` (versions,
counts, sha256 of every output and every raw input). Every file is written into a
temporary directory beside the target, validated, and only then swapped in, so a
crash never leaves a half-written release. Outputs contain no timestamps: the same
records give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .models import Record
from .read import Reject
from .schema_forms import arrow_schema, hf_features
from .version import SCHEMA_VERSION, __version__

RECORDS_JSONL = "records.jsonl"
RECORDS_PARQUET = "records.parquet"
REJECTS_JSONL = "rejects.jsonl"
MANIFEST = "manifest.json"
HF_DIR = "hf"


def record_json(record: Record) -> str:
    """One record as one JSON line (stable key order, UTF-8 characters kept)."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, sort_keys=False)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_jsonl(path: Path, lines: Iterable[str]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for line in lines:
            handle.write(line + "\n")


def write_parquet(path: Path, records: list[Record]) -> pa.Table:
    """The Parquet release with the explicit Arrow schema (version in its metadata)."""
    table = pa.Table.from_pylist(
        [r.model_dump(mode="json") for r in records], schema=arrow_schema()
    )
    pq.write_table(
        table,
        path,
        compression="zstd",
        write_statistics=True,
        use_dictionary=["language", "schema_version"],
    )
    return table


def write_hf(path: Path, table: pa.Table) -> None:
    """A Hugging Face dataset directory with the schema's features.

    The dataset's fingerprint is derived from its content (not random), so two builds
    of the same records write the same files.
    """
    from datasets import Dataset, DatasetInfo
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()

    info = DatasetInfo(
        description="ASEAN cyber-security and cybercrime cooperation records",
        version=SCHEMA_VERSION,
        features=hf_features(),
    )
    dataset = Dataset(table.replace_schema_metadata(None), info=info)
    digest = hashlib.sha256()
    for batch in table.to_batches():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, batch.schema) as writer:
            writer.write_batch(batch)
        digest.update(sink.getvalue().to_pybytes())
    dataset._fingerprint = digest.hexdigest()[:16]
    dataset.save_to_disk(str(path))


def manifest(
    out: Path, records: int, rejects: int, inputs: dict[str, str], extractor_version: str
) -> dict[str, Any]:
    outputs = {
        p.relative_to(out).as_posix(): file_sha256(p)
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "package_version": __version__,
        "extractor_version": extractor_version,
        "record_count": records,
        "reject_count": rejects,
        "input_count": records + rejects,
        "outputs": outputs,
        "inputs": dict(sorted(inputs.items())),
    }


def write_release(
    out: Path,
    records: list[Record],
    rejects: list[Reject],
    inputs: dict[str, str],
    extractor_version: str,
) -> dict[str, Any]:
    """Write a complete release into a temporary directory and swap it in for ``out``."""
    from .validate import validate_release

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    staging.chmod(0o755)
    try:
        ordered = sorted(records, key=lambda r: r.id)
        write_jsonl(staging / RECORDS_JSONL, (record_json(r) for r in ordered))
        table = write_parquet(staging / RECORDS_PARQUET, ordered)
        write_hf(staging / HF_DIR, table)
        write_jsonl(
            staging / REJECTS_JSONL,
            (
                json.dumps(r.to_json(), ensure_ascii=False)
                for r in sorted(rejects, key=lambda r: (r.path, r.reason))
            ),
        )
        summary = manifest(staging, len(ordered), len(rejects), inputs, extractor_version)
        (staging / MANIFEST).write_text(
            json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        problems = validate_release(staging)
        if problems:
            raise RuntimeError("the new release failed validation: " + "; ".join(problems[:5]))
        _swap(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return summary


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames (the old release is kept until then)."""
    if out.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.rename(out, retired / out.name)
        os.rename(staging, out)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.rename(staging, out)

"""The release layout: what a release folder holds and under which names.

One place for the file names, the split names, the Parquet shard naming and the file
hash, so the stages that write a release (``publish``, ``card``), check it
(``validate``) and read it (``load``) agree without importing one another. This module
imports nothing of the package but the model's split names; every stage imports it.

A release folder::

    records.jsonl                                one record per line, sorted by id
    records-<split>-<i>-of-<n>.parquet           per-split Parquet shards, id order
    hf/data-<i>-of-<n>.arrow                     Hugging Face ``save_to_disk``, id order
    schema/v<major>/record-<version>.schema.json the JSON Schema the records follow
    rejects.jsonl, manifest.json, README.md, croissant.json
"""

from __future__ import annotations

import hashlib
import typing
from pathlib import Path

from .models import Split
from .version import major

RECORDS_JSONL = "records.jsonl"
REJECTS_JSONL = "rejects.jsonl"
#: Every off-topic input (path, id, score, why), gzip-compressed: most of a crawl.
OFF_TOPIC = "off_topic.jsonl.gz"
MANIFEST = "manifest.json"
CARD = "README.md"
CROISSANT = "croissant.json"
HF_DIR = "hf"
#: Where JSON Schemas live: ``schema/`` of the repository, of the installed package, and
#: of a release (which carries the file of its records' version).
SCHEMA_DIR = "schema"
#: The training splits, in the order every listing uses.
SPLITS: tuple[str, ...] = typing.get_args(Split)
#: Rows per Parquet shard and per HF shard: bounded files however large the release.
SHARD_ROWS = 50_000


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read in blocks (files of any size)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def schema_file_name(version: str) -> str:
    """``v1/record-1.1.0.schema.json``: the file of one schema version, under its major.

    (``v1/record.schema.json`` is 1.0.0 as first published, kept byte for byte for
    whoever fetched it by that name; its copy ``v1/record-1.0.0.schema.json``, identical
    but for its own ``$id``, is the one read — see ``schema/CHANGELOG.md``.)"""
    return f"v{major(version)}/record-{version}.schema.json"


def release_schema_file(version: str) -> str:
    """The schema file of ``version`` relative to a release — and equally relative to the
    repository and to the installed package: ``schema/v1/record-1.1.0.schema.json``."""
    return f"{SCHEMA_DIR}/{schema_file_name(version)}"


def parquet_pattern(split: str) -> str:
    """The glob of one split's Parquet shards (as the dataset card's ``data_files``)."""
    return f"records-{split}-*.parquet"


def parquet_names(split: str, count: int, shard_rows: int = SHARD_ROWS) -> list[str]:
    """``records-<split>-00000-of-000NN.parquet``: one or more shards per split, named as
    the Hugging Face hub expects, so ``load_dataset(<release>)`` finds the splits."""
    shards = max(1, -(-count // shard_rows))
    return [f"records-{split}-{i:05d}-of-{shards:05d}.parquet" for i in range(shards)]


def parquet_files(release: Path, split: str | None = None) -> list[Path]:
    """The Parquet files of a release (of one split when ``split`` is given)."""
    return sorted(release.glob(parquet_pattern(split) if split else "records*.parquet"))


def arrow_files(release: Path) -> list[Path]:
    """The Arrow shards of the release's Hugging Face dataset, all records in id order."""
    return sorted((release / HF_DIR).glob("data-*.arrow"))

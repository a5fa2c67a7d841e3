"""Stage 6 — load: the published release, read offline from the installed package.

The release built into ``build/`` ships inside the wheel as ``asean_cyber_data/release``;
in a source checkout the loaders read ``build/`` directly. Every loader checks the
release's schema version first (:func:`asean_cyber_data.validate.check_version`).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from .models import Record
from .publish import HF_DIR, MANIFEST, RECORDS_JSONL, parquet_files
from .validate import check_version


def release_dir(path: str | Path | None = None) -> Path:
    """The release to read: ``path``, else the packaged release, else the checkout's."""
    if path is not None:
        return Path(path)
    packaged = Path(str(resources.files("asean_cyber_data"))) / "release"
    if (packaged / MANIFEST).exists():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "build"
    if (checkout / MANIFEST).exists():
        return checkout
    raise FileNotFoundError("no published release found: run `asean-cyber-data build`")


def _checked(path: str | Path | None) -> Path:
    release = release_dir(path)
    manifest = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    check_version(manifest.get("schema_version"), str(release / MANIFEST))
    return release


def load_records(path: str | Path | None = None) -> list[Record]:
    """Every record as a pydantic model."""
    release = _checked(path)
    with (release / RECORDS_JSONL).open(encoding="utf-8") as handle:
        return [Record.model_validate_json(line) for line in handle if line.strip()]


def load_arrow(path: str | Path | None = None) -> Any:
    """The release as a ``pyarrow.Table`` backed by memory-mapped Arrow files.

    The table maps the Hugging Face dataset's Arrow shards instead of reading them, so
    a release larger than memory can still be opened and sliced.
    """
    import pyarrow as pa

    from .schema_forms import arrow_schema

    release = _checked(path)
    tables = []
    for shard in sorted((release / HF_DIR).glob("data-*.arrow")):
        with pa.memory_map(str(shard)) as source:
            tables.append(pa.ipc.open_stream(source).read_all())
    table = pa.concat_tables(tables) if tables else arrow_schema().empty_table()
    return table.replace_schema_metadata(arrow_schema().metadata)


def load_pandas(path: str | Path | None = None) -> Any:
    """The release as a ``pandas.DataFrame`` (nested fields as dicts and lists).

    Rows come split by split (the Parquet files), each in id order; sort by ``id`` for
    the JSONL order.
    """
    import pyarrow.parquet as pq

    release = _checked(path)
    files = [str(p) for p in parquet_files(release)]
    table = pq.ParquetDataset(files).read(use_threads=True)
    return _with_defaults(table.to_pandas())


def _with_defaults(frame: Any) -> Any:
    """Columns added by later minor versions, filled as the model fills them."""
    from .models import Record, split_of

    for name, field in Record.model_fields.items():
        if name in frame.columns:
            continue
        if name == "split":
            frame[name] = frame["id"].map(split_of)
        elif field.default_factory is not None:
            frame[name] = [field.default_factory() for _ in range(len(frame))]  # type: ignore[call-arg]
        else:
            frame[name] = field.default
    return frame


def load_hf(path: str | Path | None = None, streaming: bool = False) -> Any:
    """The release as a Hugging Face ``datasets.Dataset`` (or an iterable one)."""
    from datasets import load_from_disk

    release = _checked(path)
    dataset = load_from_disk(str(release / HF_DIR))
    return dataset.to_iterable_dataset() if streaming else dataset

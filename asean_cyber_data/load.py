"""Stage 6 — load: the published release, read offline from the installed package.

The release built into ``build/`` ships inside the wheel as ``asean_cyber_data/release``;
in a source checkout the loaders read ``build/`` directly. Every loader checks the
release's schema version first (:func:`asean_cyber_data.validate.check_version`), and
every loader returns the records in the same order — by id, the order of
``records.jsonl`` — with the current schema's columns (those an older minor version
lacks take the model's defaults). ``split=`` keeps one training split; ``columns=``
keeps some columns. Loading writes nothing, into the installed package or anywhere:
the Hugging Face dataset is memory-mapped without cache files, so ``map`` and
``filter`` results stay in memory instead of landing beside the release.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from .layout import MANIFEST, RECORDS_JSONL, SPLITS, arrow_files
from .models import Record
from .validate import check_version

#: Separator of the joined list columns of the flat view (codes and names never hold it).
FLAT_SEPARATOR = "; "


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


def _checked(path: str | Path | None) -> tuple[Path, dict[str, Any]]:
    release = release_dir(path)
    manifest: dict[str, Any] = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    check_version(manifest.get("schema_version"), str(release / MANIFEST))
    return release, manifest


def _check_split(split: str | None) -> None:
    if split is not None and split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: the splits are {', '.join(SPLITS)}")


def _check_columns(columns: list[str] | None) -> None:
    unknown = [c for c in columns or [] if c not in Record.model_fields]
    if unknown:
        raise ValueError(
            f"unknown column(s) {', '.join(map(repr, unknown))}: the columns are "
            + ", ".join(Record.model_fields)
        )


def load_records(path: str | Path | None = None, split: str | None = None) -> list[Record]:
    """Every record (of ``split``, if given) as a pydantic model, in id order."""
    _check_split(split)
    release, _ = _checked(path)
    with (release / RECORDS_JSONL).open(encoding="utf-8") as handle:
        records = [Record.model_validate_json(line) for line in handle if line.strip()]
    return [r for r in records if r.split == split] if split else records


def load_arrow(
    path: str | Path | None = None, split: str | None = None, columns: list[str] | None = None
) -> Any:
    """The release as a ``pyarrow.Table`` in id order, backed by memory-mapped files.

    The table maps the Hugging Face dataset's Arrow shards instead of reading them, so
    a release larger than memory can still be opened and sliced (``split=`` selects
    rows, and so copies them).
    """
    release, _ = _checked(path)
    return _arrow(release, split, columns)


def _arrow(release: Path, split: str | None, columns: list[str] | None) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    from .schema_forms import arrow_schema

    _check_split(split)
    _check_columns(columns)
    tables = []
    for shard in arrow_files(release):
        with pa.memory_map(str(shard)) as source:
            tables.append(pa.ipc.open_stream(source).read_all())
    table = _conformed(pa.concat_tables(tables) if tables else arrow_schema().empty_table())
    if split is not None:
        table = table.filter(pc.equal(table["split"], split))
    return table.select(columns) if columns is not None else table


def _conformed(table: Any) -> Any:
    """``table`` with exactly the current schema's columns: those added by later minor
    versions are filled as the model fills them (``split`` from the id)."""
    import pyarrow as pa

    from .models import split_of
    from .schema_forms import arrow_schema

    schema = arrow_schema()
    if table.schema.names == schema.names:
        return table.replace_schema_metadata(schema.metadata)
    columns = []
    for field in schema:
        if field.name in table.column_names:
            columns.append(_widened(table[field.name], field.type))
        elif field.name == "split":
            ids = table["id"].to_pylist()
            columns.append(pa.array([split_of(i) for i in ids], field.type))
        else:
            model_field = Record.model_fields[field.name]
            factory = model_field.default_factory
            default = factory() if factory is not None else model_field.default  # type: ignore[call-arg]
            columns.append(pa.array([default] * table.num_rows, field.type))
    return pa.Table.from_arrays(columns, schema=schema)


def _widened(column: Any, target: Any) -> Any:
    """An older minor version's column in the current Arrow type: fields a later minor
    added inside structs ("initiatives[].id") are filled with nulls."""
    import pyarrow as pa

    if column.type == target:
        return column
    if isinstance(column, pa.ChunkedArray):
        return pa.chunked_array([_widened(chunk, target) for chunk in column.chunks], target)
    if pa.types.is_struct(target):
        names = [column.type.field(i).name for i in range(column.type.num_fields)]
        children = [
            _widened(column.field(f.name), f.type)
            if f.name in names
            else pa.nulls(len(column), f.type)
            for f in target
        ]
        return pa.StructArray.from_arrays(
            children, fields=list(target), mask=column.is_null() if column.null_count else None
        )
    if pa.types.is_list(target):
        values = _widened(column.flatten(), target.value_type)
        offsets = column.offsets
        if column.null_count:
            offsets = pa.compute.if_else(
                pa.concat_arrays([column.is_null(), pa.array([False])]), None, offsets
            )
        return pa.ListArray.from_arrays(offsets, values, type=target)
    return column.cast(target)


def load_pandas(
    path: str | Path | None = None, split: str | None = None, columns: list[str] | None = None
) -> Any:
    """The release as a ``pandas.DataFrame`` in id order.

    Nested fields are plain Python objects: a struct (``source``, ``speaker``,
    ``partner``, ``provenance``) is a ``dict`` or ``None``, a list (``partners``,
    ``speakers``, ``initiatives``, ``evidence``, and lists inside structs) is a ``list``,
    so ``df[df.partners.map(bool)]`` and ``df.partners.map(len)`` work as on any list.
    For one row per article with plain columns, see :func:`load_flat`.
    """
    return _frame(load_arrow(path, split=split, columns=columns))


def _frame(table: Any) -> Any:
    """Arrow → pandas with nested columns as Python lists and dicts (``to_pylist`` is
    also faster on them than ``to_pandas``, which would make NumPy arrays of dicts)."""
    import pyarrow as pa

    nested = [f.name for f in table.schema if pa.types.is_nested(f.type)]
    frame = table.drop_columns(nested).to_pandas()
    for name in nested:  # in schema order, so each lands at its own position
        frame.insert(table.column_names.index(name), name, table[name].to_pylist())
    return frame


def load_flat(path: str | Path | None = None, split: str | None = None, text: bool = False) -> Any:
    """One row per article with plain columns only, for CSV, Excel and quick counts.

    ``id``, ``split``, ``language``, ``date``, ``date_precision``, ``year`` (an integer,
    empty without a date), ``event_date``, ``source_name``, ``source_url``,
    ``speaker_name``, ``speaker_title``, ``speaker_honorific``, ``speaker_country``,
    ``speaker_names`` (everyone quoted), ``partner_code``, ``partner_name``,
    ``partner_codes``, ``partner_names``, ``initiative_names``; the list columns are
    joined with ``"; "`` (empty when there is none). ``text=True`` adds the article text.
    """
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    table = load_arrow(path, split=split)
    speaker, partner, source = table["speaker"], table["partner"], table["source"]
    flat = {
        "id": table["id"],
        "split": table["split"],
        "language": table["language"],
        "date": table["date"],
        "date_precision": table["date_precision"],
        "year": pc.cast(pc.utf8_slice_codeunits(table["date"], 0, 4), pa.int64()),
        "event_date": table["event_date"],
        "source_name": pc.struct_field(source, "name"),
        "source_url": pc.struct_field(source, "url"),
        "speaker_name": pc.struct_field(speaker, "name"),
        "speaker_title": pc.struct_field(speaker, "title"),
        "speaker_honorific": pc.struct_field(speaker, "honorific"),
        "speaker_country": pc.struct_field(speaker, "country"),
        "speaker_names": _joined(table["speakers"], "name"),
        "partner_code": pc.struct_field(partner, "code"),
        "partner_name": pc.struct_field(partner, "name"),
        "partner_codes": _joined(table["partners"], "code"),
        "partner_names": _joined(table["partners"], "name"),
        "initiative_names": _joined(table["initiatives"], "name"),
    }
    if text:
        flat["text"] = table["text"]
    return pa.table(flat).to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)


def _joined(column: Any, name: str) -> Any:
    """Each row's list of structs → the ``name`` of every item, joined into one string."""
    import pyarrow as pa
    import pyarrow.compute as pc

    chunks = [
        pa.ListArray.from_arrays(chunk.offsets, pc.struct_field(chunk.values, name))
        for chunk in column.chunks
    ]
    return pc.binary_join(pa.chunked_array(chunks, pa.list_(pa.string())), FLAT_SEPARATOR)


def load_hf(
    path: str | Path | None = None,
    split: str | None = None,
    columns: list[str] | None = None,
    streaming: bool = False,
) -> Any:
    """The release as a Hugging Face ``datasets.Dataset`` (or an iterable one).

    Without ``split`` it holds every record, in id order, with the ``split`` column;
    ``load_hf(split="train")`` has the same rows, order and features as
    ``load_dataset(<release>, split="train")``. The data stay memory-mapped; the dataset
    has no cache files, so nothing is written beside the (possibly installed) release.
    """
    from datasets import Dataset, Features
    from datasets.table import InMemoryTable

    from .card import dataset_info
    from .schema_forms import hf_features

    release, manifest = _checked(path)
    table = _arrow(release, split, columns)
    features = Features({k: v for k, v in hf_features().items() if k in table.column_names})
    content = (manifest.get("outputs") or {}).get(RECORDS_JSONL, str(release))
    fingerprint = hashlib.sha256(f"{content}|{split}|{table.column_names}".encode()).hexdigest()
    dataset = Dataset(
        InMemoryTable(table), info=dataset_info(features), split=split, fingerprint=fingerprint[:16]
    )
    return dataset.to_iterable_dataset() if streaming else dataset

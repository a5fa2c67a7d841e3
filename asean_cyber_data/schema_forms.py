"""Every published form of the schema, generated from the pydantic models.

The JSON Schema file under ``schema/v<major>/`` is committed; a test regenerates it and
fails on any difference. The Arrow schema and the Hugging Face ``Features`` are derived
here from the same models, so the three can never disagree.
"""

from __future__ import annotations

import json
import types
import typing
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
from pydantic import BaseModel

from .layout import SCHEMA_DIR, schema_file_name
from .models import Record
from .version import SCHEMA_VERSION

#: Every released schema has its own ``$id``: the URL of its versioned file.
SCHEMA_ID = "https://asean-cyber-data.org/schema/{file}"


def schema_id(version: str = SCHEMA_VERSION) -> str:
    """The ``$id`` of the schema of ``version``: the URL of its file, so no two released
    schemas share one (a ``$id`` names exactly one schema)."""
    return SCHEMA_ID.format(file=schema_file_name(version))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a record, with id, title and version."""
    schema = Record.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(SCHEMA_VERSION),
        "version": SCHEMA_VERSION,
        **schema,
    }


def json_schema_text() -> str:
    """The committed file's exact text (sorted keys, stable indentation)."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_root() -> Path:
    """The folder of released schemas: inside the wheel, or the checkout's ``schema/``."""
    packaged = Path(str(resources.files("asean_cyber_data"))) / SCHEMA_DIR
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parent.parent / SCHEMA_DIR


def schema_path(root: Path | None = None, version: str = SCHEMA_VERSION) -> Path:
    """Where the JSON Schema of ``version`` lives."""
    return (root or schema_root()) / schema_file_name(version)


def released_versions(root: Path | None = None) -> list[str]:
    """Every schema version with a committed file, oldest first."""
    found = []
    for path in (root or schema_root()).glob("v*/record-*.schema.json"):
        found.append(json.loads(path.read_text(encoding="utf-8"))["version"])
    return sorted(found, key=lambda v: tuple(int(x) for x in v.split(".")))


def load_json_schema(version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """The committed JSON Schema of ``version``."""
    loaded: dict[str, Any] = json.loads(schema_path(version=version).read_text(encoding="utf-8"))
    return loaded


def _arrow_type(annotation: Any) -> pa.DataType:
    """Map one pydantic field annotation to an Arrow type (nullability is per field)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return _arrow_type(inner[0])
    if origin is typing.Annotated:
        return _arrow_type(args[0])
    if origin is typing.Literal:
        return pa.string()
    if origin is list:
        return pa.list_(_arrow_type(args[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_arrow_fields(annotation))
    if annotation is str:
        return pa.string()
    if annotation is int:
        return pa.int64()
    if annotation is float:
        return pa.float64()
    if annotation is bool:
        return pa.bool_()
    if annotation is float:
        return pa.float64()
    raise TypeError(f"no Arrow type for {annotation!r}")


def _arrow_fields(model: type[BaseModel]) -> list[pa.Field]:
    hints = typing.get_type_hints(model, include_extras=True)
    fields = []
    for name in model.model_fields:
        annotation = hints[name]
        nullable = type(None) in typing.get_args(annotation)
        fields.append(pa.field(name, _arrow_type(annotation), nullable=nullable))
    return fields


def arrow_schema() -> pa.Schema:
    """The explicit Arrow schema of the Parquet release, with the schema version."""
    return pa.schema(_arrow_fields(Record), metadata={b"schema_version": SCHEMA_VERSION.encode()})


def hf_features() -> Any:
    """Hugging Face ``Features`` of the release: nested structs and lists, plain strings."""
    from datasets import Features

    return Features.from_arrow_schema(arrow_schema())

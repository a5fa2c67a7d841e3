"""Stage 4 — validate: a release directory checked against the schema it claims.

``validate_release`` checks every JSONL record against the committed JSON Schema
(with ``jsonschema``) and the pydantic model, the Parquet file's Arrow schema and
metadata, the Hugging Face dataset's features, the manifest's sha256 of every output,
and the schema version: data of another major version is refused with a message
naming both versions; an older minor version of the same major is read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .layout import (
    CROISSANT,
    HF_DIR,
    MANIFEST,
    RECORDS_JSONL,
    file_sha256,
    parquet_files,
    release_schema_file,
)
from .version import SCHEMA_VERSION, major


class SchemaVersionError(ValueError):
    """Data written with a schema this package cannot read."""


def check_version(found: str | None, where: str) -> None:
    """Refuse data of another major version, or of a newer minor version."""
    if not found:
        raise SchemaVersionError(
            f"{where}: no schema_version; this package reads "
            f"{major(SCHEMA_VERSION)}.x (current {SCHEMA_VERSION})"
        )
    if major(found) != major(SCHEMA_VERSION):
        raise SchemaVersionError(
            f"{where}: data has schema version {found} (major {major(found)}), but this "
            f"package reads schema {SCHEMA_VERSION} (major {major(SCHEMA_VERSION)}); use a "
            f"package release for schema {major(found)}.x, or run `asean-cyber-data migrate "
            f"RELEASE --out NEW` where a migration exists"
        )
    found_minor = tuple(int(x) for x in found.split(".")[:2])
    ours = tuple(int(x) for x in SCHEMA_VERSION.split(".")[:2])
    if found_minor > ours:
        raise SchemaVersionError(
            f"{where}: data has schema version {found}, newer than this package's "
            f"{SCHEMA_VERSION}; upgrade asean-cyber-data to read it"
        )


def _check_manifest(release: Path, problems: list[str]) -> dict[str, Any] | None:
    path = release / MANIFEST
    if not path.exists():
        problems.append(f"{path}: missing manifest")
        return None
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        problems.append(f"{path}: not JSON ({error})")
        return None
    check_version(manifest.get("schema_version"), str(path))
    for name, expected in sorted((manifest.get("outputs") or {}).items()):
        target = release / name
        if not target.exists():
            problems.append(f"{target}: listed in the manifest but missing")
        elif file_sha256(target) != expected:
            problems.append(f"{target}: sha256 differs from the manifest (file changed?)")
    return manifest


def _check_schema_file(release: Path, manifest: dict[str, Any], problems: list[str]) -> None:
    """The schema file the manifest names is in the release and is the committed schema
    of the records' version (releases before 1.1.0's fix name none)."""
    from .schema_forms import schema_path

    named, version = manifest.get("schema_file"), str(manifest.get("schema_version"))
    if named is None:
        return
    if named != release_schema_file(version):
        problems.append(f"{release / MANIFEST}: schema_file {named!r} is not {version}'s file")
        return
    target = release / named
    committed = schema_path(version=version)
    if not target.exists():
        problems.append(f"{target}: the schema file the manifest names is missing")
    elif committed.exists() and target.read_bytes() != committed.read_bytes():
        problems.append(f"{target}: differs from the released schema {committed}")


def _check_jsonl(
    release: Path, manifest: dict[str, Any] | None, problems: list[str], json_schema: bool = True
) -> int:
    from jsonschema import Draft202012Validator

    from .models import Record
    from .schema_forms import load_json_schema

    path = release / RECORDS_JSONL
    if not path.exists():
        problems.append(f"{path}: missing")
        return 0
    count = 0
    validator: Draft202012Validator | None = None
    previous_id = ""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            where = f"{path}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{where}: not JSON ({error})")
                continue
            count += 1
            check_version(item.get("schema_version") if isinstance(item, dict) else None, where)
            if json_schema:
                if validator is None:
                    validator = Draft202012Validator(load_json_schema(item["schema_version"]))
                errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
                if errors:
                    problems.append(f"{where}: {errors[0].message} at {list(errors[0].path)}")
                    continue
            try:
                Record.model_validate(item)
            except ValueError as error:
                problems.append(f"{where}: {error}")
            if item["id"] <= previous_id:
                problems.append(f"{where}: ids not sorted or not unique ({item['id']!r})")
            previous_id = item["id"]
    if manifest is not None and manifest.get("record_count") != count:
        problems.append(f"{path}: {count} records, manifest says {manifest.get('record_count')}")
    return count


def _older_type_fits(old: Any, new: Any) -> bool:
    """An older minor version's Arrow type is the current one, or a struct (or list of
    structs) whose every field the current struct has, with a type that fits."""
    import pyarrow as pa

    if old == new:
        return True
    if pa.types.is_struct(old) and pa.types.is_struct(new):
        names = [new.field(i).name for i in range(new.num_fields)]
        return all(
            old.field(i).name in names
            and _older_type_fits(old.field(i).type, new.field(old.field(i).name).type)
            for i in range(old.num_fields)
        )
    if pa.types.is_list(old) and pa.types.is_list(new):
        return _older_type_fits(old.value_type, new.value_type)
    return False


def _check_off_topic(release: Path, manifest: dict[str, Any] | None, problems: list[str]) -> None:
    """The off-topic listing has as many lines as the manifest counts (releases from
    before relevance have neither)."""
    import gzip

    from .layout import OFF_TOPIC

    if manifest is None or "off_topic_count" not in manifest:
        return
    path = release / OFF_TOPIC
    if not path.exists():
        problems.append(f"{path}: missing")
        return
    with gzip.open(path, "rt", encoding="utf-8") as listing:
        lines = sum(1 for _ in listing)
    if lines != manifest["off_topic_count"]:
        problems.append(f"{path}: {lines} lines, manifest says {manifest['off_topic_count']}")


def _check_parquet(release: Path, count: int, problems: list[str]) -> None:
    import pyarrow.parquet as pq

    from .schema_forms import arrow_schema

    files = parquet_files(release)
    if not files:
        problems.append(f"{release}: no records*.parquet")
        return
    rows = 0
    current = arrow_schema()
    for path in files:
        schema = pq.read_schema(path)
        metadata = schema.metadata or {}
        version = metadata.get(b"schema_version", b"").decode() or None
        check_version(version, str(path))
        if version == SCHEMA_VERSION:
            matches = schema.remove_metadata().equals(current.remove_metadata())
        else:  # an older minor version: every field it has, the current schema has too
            matches = all(
                current.get_field_index(f.name) >= 0
                and _older_type_fits(f.type, current.field(f.name).type)
                for f in schema
            )
        if not matches:
            problems.append(f"{path}: Arrow schema differs from the record schema")
        rows += pq.ParquetFile(path).metadata.num_rows
    if rows != count:
        problems.append(f"{release}: {rows} Parquet rows, records.jsonl has {count}")


def _check_hf(release: Path, count: int, problems: list[str]) -> None:
    from datasets import load_from_disk

    from .schema_forms import hf_features

    path = release / HF_DIR
    if not path.exists():
        problems.append(f"{path}: missing")
        return
    dataset = load_from_disk(str(path))
    version = str(dataset.info.version) if dataset.info.version else None
    check_version(version, str(path))
    current = hf_features()
    if version == SCHEMA_VERSION:
        matches = dataset.features == current
    else:
        old, new = dataset.features.arrow_schema, current.arrow_schema
        matches = all(
            new.get_field_index(f.name) >= 0 and _older_type_fits(f.type, new.field(f.name).type)
            for f in old
        )
    if not matches:
        problems.append(f"{path}: features differ from the record schema")
    if dataset.num_rows != count:
        problems.append(f"{path}: {dataset.num_rows} rows, records.jsonl has {count}")


def _check_croissant(release: Path, problems: list[str]) -> None:
    """Every file the Croissant description lists exists with the sha256 it states."""
    path = release / CROISSANT
    if not path.exists():
        return
    description = json.loads(path.read_text(encoding="utf-8"))
    for item in description.get("distribution", []):
        if item.get("@type") == "cr:FileObject":
            target = release / item["contentUrl"]
            if not target.exists() or file_sha256(target) != item.get("sha256"):
                problems.append(f"{path}: {item['contentUrl']} missing or its sha256 differs")


def validate_release(release: Path, json_schema: bool = True) -> list[str]:
    """Every problem found in ``release`` (empty when valid).

    ``json_schema=False`` skips the JSON Schema pass over every line (the pydantic model
    it is generated from still checks each record): the build uses it on the release it
    has just written; ``asean-cyber-data validate`` runs the full check.

    Raises :class:`SchemaVersionError` for data of a schema version this package
    cannot read.
    """
    problems: list[str] = []
    if not release.is_dir():
        return [f"{release}: not a directory"]
    manifest = _check_manifest(release, problems)
    if manifest is not None:
        _check_schema_file(release, manifest, problems)
    count = _check_jsonl(release, manifest, problems, json_schema)
    _check_off_topic(release, manifest, problems)
    _check_parquet(release, count, problems)
    _check_hf(release, count, problems)
    _check_croissant(release, problems)
    return problems

"""The schema is defined once (pydantic); every other form is generated and checked."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from asean_cyber_data import SCHEMA_VERSION, __version__
from asean_cyber_data.models import Record
from asean_cyber_data.schema_forms import (
    arrow_schema,
    hf_features,
    json_schema_text,
    released_versions,
    schema_id,
    schema_path,
)

from .conftest import BUILD, DATA, ROOT


def test_committed_json_schema_is_regenerated_exactly() -> None:
    committed = schema_path(ROOT / "schema", SCHEMA_VERSION).read_text(encoding="utf-8")
    assert committed == json_schema_text(), (
        f"{schema_path(ROOT / 'schema', SCHEMA_VERSION)} is stale: run "
        "`asean-cyber-data schema write` (and bump SCHEMA_VERSION if it was released)"
    )


def test_every_released_schema_is_kept_under_its_version() -> None:
    versions = released_versions(ROOT / "schema")
    assert versions[0] == "1.0.0" and versions[-1] == SCHEMA_VERSION
    for version in versions:
        schema = json.loads(schema_path(ROOT / "schema", version).read_text())
        assert schema["version"] == version
    first = json.loads((ROOT / "schema" / "v1" / "record.schema.json").read_text())
    assert "split" not in first["properties"]  # 1.0.0 stays as it was released


def test_package_version_is_read_from_version_py() -> None:
    """The build backend reads the version where the package says it is: the pattern
    hatch applies to the file it names finds exactly ``__version__`` (the wheel test
    checks the built wheel carries it)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" in project["project"]["dynamic"]
    source = project["tool"]["hatch"]["version"]
    found = re.search(source["pattern"], (ROOT / source["path"]).read_text(encoding="utf-8"))
    assert found is not None and found["version"] == __version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_arrow_and_hf_forms_cover_every_model_field() -> None:
    names = list(Record.model_fields)
    assert arrow_schema().names == names
    assert list(hf_features()) == names
    assert arrow_schema().metadata[b"schema_version"] == SCHEMA_VERSION.encode()
    language = hf_features()["language"]
    assert getattr(language, "dtype", None) == "string"  # no ClassLabel


def test_record_rejects_unknown_fields_and_bad_values(built_release) -> None:  # type: ignore[no-untyped-def]
    line = (built_release / "records.jsonl").read_text(encoding="utf-8").splitlines()[0]
    item = json.loads(line)
    Record.model_validate(item)
    for change in (
        {"surprise": 1},
        {"date": "2021-02-30"},
        {"language": "Malay"},
        {"partners": []},  # partner set but partners empty
        {"evidence": [{"field": "date", "start": 5, "end": 10**6, "value": "x"}]},
        {"id": "../../etc/passwd"},
    ):
        with pytest.raises(ValidationError):
            Record.model_validate({**item, **change})


def test_every_released_schema_has_its_own_id() -> None:
    """No two schema files declare one ``$id``; each names its own versioned file."""
    ids = {}
    for version in released_versions(ROOT / "schema"):
        schema = json.loads(schema_path(ROOT / "schema", version).read_text())
        assert schema["$id"] == schema_id(version)
        assert schema["$id"].endswith(f"/v1/record-{version}.schema.json")
        ids[schema["$id"]] = version
    legacy = json.loads((ROOT / "schema" / "v1" / "record.schema.json").read_text())
    assert legacy["$id"] not in ids
    assert len(ids) == len(released_versions(ROOT / "schema"))


def test_the_first_schema_is_kept_and_its_versioned_copy_differs_only_in_its_id() -> None:
    legacy = json.loads((ROOT / "schema" / "v1" / "record.schema.json").read_text())
    copy = json.loads(schema_path(ROOT / "schema", "1.0.0").read_text())
    assert legacy["$id"] == "https://asean-cyber-data.org/schema/v1/record.schema.json"
    assert legacy["version"] == "1.0.0"
    assert {k: v for k, v in legacy.items() if k != "$id"} == {
        k: v for k, v in copy.items() if k != "$id"
    }


def test_the_generator_gives_each_version_its_own_id(monkeypatch: pytest.MonkeyPatch) -> None:
    from asean_cyber_data import schema_forms

    monkeypatch.setattr(schema_forms, "SCHEMA_VERSION", "1.2.0")
    generated = schema_forms.json_schema()
    assert generated["version"] == "1.2.0"
    assert generated["$id"] == "https://asean-cyber-data.org/schema/v1/record-1.2.0.schema.json"
    assert schema_id("2.0.0").endswith("/v2/record-2.0.0.schema.json")


def _validator(path: Path) -> Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_a_consumer_validates_the_shipped_records_with_the_file_the_manifest_names() -> None:
    """What a user holding only the release does: read ``schema_file`` from the
    manifest, validate every record with it — and it is the repository's file too."""
    manifest = json.loads((BUILD / "manifest.json").read_text())
    named = manifest["schema_file"]
    assert named == f"schema/v1/record-{manifest['schema_version']}.schema.json"
    assert (BUILD / named).read_bytes() == (ROOT / named).read_bytes()
    validator = _validator(BUILD / named)
    lines = (BUILD / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == manifest["record_count"] > 0
    for line in lines:
        record = json.loads(line)
        assert record["schema_version"] == manifest["schema_version"]
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], (record["id"], errors)


def test_the_readme_names_the_schema_file_of_the_records_version() -> None:
    manifest = json.loads((BUILD / "manifest.json").read_text())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"The JSON Schema is `{manifest['schema_file']}`" in readme
    assert "The JSON Schema is `schema/v1/record.schema.json`" not in readme


def test_closed_schemas_across_minor_versions_behave_as_the_policy_says() -> None:
    """Each file is closed (``additionalProperties: false``): a newer record fails an
    older file — hence validate with the file of the record's own version — while an
    older record passes a newer minor's file (fields added by a minor are optional)."""
    old_records = [
        json.loads(line)
        for line in (DATA / "release-1.0.0" / "records.jsonl").read_text().splitlines()
    ]
    new_records = [json.loads(line) for line in (BUILD / "records.jsonl").read_text().splitlines()]
    first = _validator(schema_path(ROOT / "schema", "1.0.0"))
    current = _validator(schema_path(ROOT / "schema", SCHEMA_VERSION))
    assert (
        json.loads(schema_path(ROOT / "schema", "1.0.0").read_text())["additionalProperties"]
        is False
    )
    assert all(first.is_valid(r) for r in old_records)
    assert all(current.is_valid(r) for r in old_records)
    assert not any(first.is_valid(r) for r in new_records)
    assert all(current.is_valid(r) for r in new_records)

"""The schema is defined once (pydantic); every other form is generated and checked."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
from pydantic import ValidationError

from asean_cyber_data import SCHEMA_VERSION, __version__
from asean_cyber_data.models import Record
from asean_cyber_data.schema_forms import (
    arrow_schema,
    hf_features,
    json_schema_text,
    released_versions,
    schema_path,
)

from .conftest import ROOT


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

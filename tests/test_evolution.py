"""Schema evolution: changes are classified, bumps enforced, old releases still read."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import asean_cyber_data as acd
from asean_cyber_data import evolution
from asean_cyber_data.schema_forms import json_schema, load_json_schema
from asean_cyber_data.validate import SchemaVersionError, validate_release
from asean_cyber_data.version import SCHEMA_VERSION

from .conftest import DATA, cli

FROZEN = DATA / "release-1.0.0"


def test_schema_check_passes_in_ci() -> None:
    result = cli("schema", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    # The last released schema against the model: the current version's bump is enough.
    assert f"→ {SCHEMA_VERSION}" in result.stdout and "minor bump: ok" in result.stdout


def _changed(edit: Any) -> list[evolution.Change]:
    old = json_schema()
    new = copy.deepcopy(old)
    edit(new)
    return evolution.compare(old, new)


@pytest.mark.parametrize(
    ("edit", "breaking", "what"),
    [
        (lambda s: s["properties"].pop("language"), True, "removed"),
        (
            lambda s: s["properties"].__setitem__("extra", {"type": "string"}),
            False,
            "new optional field",
        ),
        (
            lambda s: (
                s["properties"].__setitem__("extra", {"type": "string"}),
                s["required"].append("extra"),
            ),
            True,
            "new required field",
        ),
        (lambda s: s["required"].append("split"), True, "became required"),
        (lambda s: s["properties"].__setitem__("date", {"type": "string"}), True, "narrowed"),
        (
            lambda s: s["properties"].__setitem__("text", {"type": ["string", "null"]}),
            False,
            "widened",
        ),
    ],
    ids=["remove", "add-optional", "add-required", "make-required", "narrow", "widen"],
)
def test_changes_are_classified(edit: Any, breaking: bool, what: str) -> None:
    changes = _changed(edit)
    assert any(what in c.what and c.breaking == breaking for c in changes), changes
    assert evolution.required_bump(changes) == ("major" if breaking else "minor")


def test_a_changed_pattern_is_breaking_unless_declared_a_widening() -> None:
    def pattern(value: str) -> Any:
        return lambda s: s["properties"].__setitem__(
            "language", {"type": "string", "pattern": value}
        )

    (changed,) = _changed(pattern("^[a-z]{3}$"))
    assert changed.breaking and "pattern changed" in changed.what
    old = load_json_schema("1.1.0")["properties"]["id"]["pattern"]
    new = json_schema()["properties"]["id"]["pattern"]
    assert old != new and (old, new) in evolution.WIDENED_PATTERNS
    changes = evolution.compare(load_json_schema("1.1.0"), json_schema())
    (widened,) = [c for c in changes if c.where == "record.id"]
    assert not widened.breaking and "pattern changed" in widened.what
    assert not any(c.breaking for c in changes)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_declared_widening_accepts_every_old_value(data: st.DataObject) -> None:
    for old, new in sorted(evolution.WIDENED_PATTERNS, key=str):
        assert old is not None and new is not None
        value = data.draw(st.from_regex(old, fullmatch=True))
        assert re.fullmatch(new, value), (old, new, value)


def test_1_0_to_1_1_is_a_compatible_change() -> None:
    changes = evolution.compare(load_json_schema("1.0.0"), json_schema())
    assert changes and not any(c.breaking for c in changes)
    assert evolution.required_bump(changes) == "minor"


def test_check_fails_when_the_model_changes_without_a_bump(monkeypatch: pytest.MonkeyPatch) -> None:
    def changed() -> dict[str, Any]:
        schema = json_schema()
        schema["properties"]["sentiment"] = {"type": "string"}
        return schema

    monkeypatch.setattr(evolution, "json_schema", changed)
    ok, lines = evolution.check()
    assert not ok
    assert any("no longer matches" in line and "minor" in line for line in lines)


def test_check_fails_when_a_breaking_change_gets_only_a_minor_bump(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> dict[str, Any]:
        schema = json_schema()
        del schema["properties"]["source"]
        return schema

    monkeypatch.setattr(evolution, "json_schema", broken)
    monkeypatch.setattr(evolution, "released_versions", lambda: ["1.0.0"])
    ok, lines = evolution.check("1.1.0")
    assert not ok
    assert any("major bump: NOT BUMPED ENOUGH" in line for line in lines)


def test_frozen_1_0_0_release_is_read_by_current_code() -> None:
    assert json.loads((FROZEN / "manifest.json").read_text())["schema_version"] == "1.0.0"
    assert validate_release(FROZEN) == []
    records = acd.load_records(FROZEN)
    assert len(records) == 5
    for record in records:
        assert record.split in ("train", "validation", "test")  # from the id
        assert record.speakers == [] and record.event_date is None  # defaults
    frame = acd.load_pandas(FROZEN)
    assert {"split", "speakers", "event_date"} <= set(frame.columns)
    assert list(frame["split"]) == [r.split for r in records]


def test_migrate_rewrites_an_old_release_with_the_current_schema(tmp_path: Path) -> None:
    result = cli("migrate", str(FROZEN), "--out", str(tmp_path / "new"))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "new" / "manifest.json").read_text())
    assert manifest["schema_version"] == acd.SCHEMA_VERSION
    assert validate_release(tmp_path / "new") == []
    old_ids = [r.id for r in acd.load_records(FROZEN)]
    assert [r.id for r in acd.load_records(tmp_path / "new")] == old_ids


def test_other_major_is_refused_naming_both_versions_and_migrate(tmp_path: Path) -> None:
    shutil.copytree(FROZEN, tmp_path / "v2")
    manifest = json.loads((tmp_path / "v2" / "manifest.json").read_text())
    manifest["schema_version"] = "2.0.0"
    (tmp_path / "v2" / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(SchemaVersionError, match=rf"2\.0\.0.*{re.escape(SCHEMA_VERSION)}.*migrate"):
        acd.load_records(tmp_path / "v2")
    with pytest.raises(ValueError, match=r"no migration from schema 0\.x to 1\.x"):
        evolution.migrate_record({"id": "x"}, "0.5.0")

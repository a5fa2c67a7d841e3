"""Schema evolution: classify a schema change, check the version bump, migrate releases.

``compare`` walks two JSON Schemas of a record (resolving ``$ref``) and lists each
change as *compatible* (a new optional field, a widened type, a new enum value, a
pattern removed or declared wider in ``WIDENED_PATTERNS``) or *breaking* (a field
removed or renamed, a narrowed type, a new or newly required field, an enum value
removed, a new or changed pattern). ``check`` compares the
pydantic model with the last released schema under ``schema/`` and fails when the
schema version was not bumped as the change requires: a minor bump for compatible
changes, a major bump for breaking ones. ``migrate`` rewrites a release written with
an older schema as a release of the current one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .schema_forms import json_schema, load_json_schema, released_versions, schema_path
from .version import SCHEMA_VERSION, major

Schema = dict[str, Any]


@dataclass(frozen=True)
class Change:
    breaking: bool
    where: str
    what: str

    def __str__(self) -> str:
        return f"{'BREAKING' if self.breaking else 'compatible'}: {self.where}: {self.what}"


def _resolve(node: Schema, root: Schema) -> Schema:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = root.get("$defs", {})[name]
    return node


def _alternatives(node: Schema, root: Schema) -> list[Schema]:
    node = _resolve(node, root)
    if "anyOf" in node:
        return [alt for item in node["anyOf"] for alt in _alternatives(item, root)]
    return [node]


def _types(node: Schema, root: Schema) -> set[str]:
    found: set[str] = set()
    for alt in _alternatives(node, root):
        kind = alt.get("type")
        if isinstance(kind, list):
            found.update(kind)
        elif kind:
            found.add(kind)
        elif "properties" in alt:
            found.add("object")
    return found


def _enum(node: Schema, root: Schema) -> set[Any] | None:
    values: set[Any] = set()
    for alt in _alternatives(node, root):
        if "enum" in alt:
            values.update(alt["enum"])
        elif "const" in alt:
            values.add(alt["const"])
        elif alt.get("type") != "null":
            return None  # some alternative accepts any value of its type
    return values or None


#: Pattern changes declared compatible: ``(old, new)`` where every string the old
#: pattern matches, the new one matches too. Whether one regular expression contains
#: another is not decided here (no general check exists for the dialects in use);
#: each entry is checked on generated strings in ``tests/test_evolution.py``.
WIDENED_PATTERNS: set[tuple[str | None, str | None]] = {
    # 1.2.0: record ids keep the letters of every script (file names in Thai, Vietnamese…).
    (
        r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$",
        r"^[A-Za-z0-9\u00a1-\u1fff\u2070-\ud7ff\uf900-\ufefe\uff00-\ufffd]"
        r"[A-Za-z0-9\u00a1-\u1fff\u2070-\ud7ff\uf900-\ufefe\uff00-\ufffd._-]{0,199}$",
    ),
}


def _patterns(node: Schema, root: Schema) -> set[str | None]:
    return {alt.get("pattern") for alt in _alternatives(node, root) if alt.get("type") != "null"}


def _part(node: Schema, root: Schema, kind: str) -> Schema | None:
    for alt in _alternatives(node, root):
        if kind == "object" and "properties" in alt:
            return alt
        if kind == "array" and alt.get("type") == "array":
            return _resolve(alt.get("items", {}), root)
    return None


def compare(old: Schema, new: Schema) -> list[Change]:
    """Every difference between two record schemas, each classified."""
    changes: list[Change] = []
    _compare_object(old, old, new, new, "record", changes)
    return changes


def _compare_object(
    old: Schema, old_root: Schema, new: Schema, new_root: Schema, where: str, changes: list[Change]
) -> None:
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
    for name in sorted(old_props.keys() - new_props.keys()):
        changes.append(Change(True, f"{where}.{name}", "field removed or renamed"))
    for name in sorted(new_props.keys() - old_props.keys()):
        if name in new_required:
            changes.append(Change(True, f"{where}.{name}", "new required field"))
        else:
            changes.append(Change(False, f"{where}.{name}", "new optional field"))
    for name in sorted(old_props.keys() & new_props.keys()):
        path = f"{where}.{name}"
        if name in new_required and name not in old_required:
            changes.append(Change(True, path, "field became required"))
        elif name in old_required and name not in new_required:
            changes.append(Change(False, path, "field became optional"))
        _compare_value(old_props[name], old_root, new_props[name], new_root, path, changes)


def _compare_value(
    old: Schema, old_root: Schema, new: Schema, new_root: Schema, where: str, changes: list[Change]
) -> None:
    old_types, new_types = _types(old, old_root), _types(new, new_root)
    if old_types - new_types:
        changes.append(
            Change(True, where, f"type narrowed: {sorted(old_types)} → {sorted(new_types)}")
        )
    elif new_types - old_types:
        changes.append(
            Change(False, where, f"type widened: {sorted(old_types)} → {sorted(new_types)}")
        )
    old_enum, new_enum = _enum(old, old_root), _enum(new, new_root)
    if old_enum is not None and new_enum is not None:
        if old_enum - new_enum:
            changes.append(Change(True, where, f"values removed: {sorted(old_enum - new_enum)}"))
        if new_enum - old_enum:
            changes.append(Change(False, where, f"values added: {sorted(new_enum - old_enum)}"))
    elif old_enum is None and new_enum is not None:
        changes.append(Change(True, where, "restricted to a set of values"))
    elif old_enum is not None and new_enum is None:
        changes.append(Change(False, where, "no longer restricted to a set of values"))
    old_patterns, new_patterns = _patterns(old, old_root), _patterns(new, new_root)
    if old_patterns != new_patterns:
        breaking = bool(new_patterns - {None}) and (new_patterns - old_patterns) != set()
        if breaking and all(
            any((before, after) in WIDENED_PATTERNS for before in old_patterns)
            for after in new_patterns - old_patterns
        ):
            breaking = False  # a declared widening: every old value still matches
        changes.append(
            Change(
                breaking,
                where,
                f"pattern changed: {sorted(map(str, old_patterns))}"
                f" → {sorted(map(str, new_patterns))}",
            )
        )
    for kind in ("object", "array"):
        old_part, new_part = _part(old, old_root, kind), _part(new, new_root, kind)
        if old_part is not None and new_part is not None:
            if kind == "object":
                _compare_object(old_part, old_root, new_part, new_root, where, changes)
            else:
                _compare_value(old_part, old_root, new_part, new_root, f"{where}[]", changes)


def _semver(version: str) -> tuple[int, int, int]:
    a, b, c = (int(x) for x in version.split("."))
    return a, b, c


def required_bump(changes: list[Change]) -> str:
    """ "major", "minor" or "none" for a list of changes."""
    if any(c.breaking for c in changes):
        return "major"
    return "minor" if changes else "none"


def check(current: str = SCHEMA_VERSION) -> tuple[bool, list[str]]:
    """Is the current model's schema version bumped as its changes require?

    Compares the model with the last released schema older than ``current`` (and, when
    ``current`` has a committed file, checks that file is exactly the model's schema).
    """
    model = json_schema()
    lines: list[str] = []
    released = released_versions()
    if current in released:
        committed = load_json_schema(current)
        drift = compare(committed, model)
        if drift or committed != model:
            lines += [str(c) for c in drift] or ["the committed schema differs from the model"]
            lines.append(
                f"schema {current} is released and the model no longer matches it: "
                f"bump SCHEMA_VERSION ({required_bump(drift)}) and run "
                "`asean-cyber-data schema write`"
            )
            return False, lines
    older = [v for v in released if _semver(v) < _semver(current)]
    if not older:
        lines.append(f"schema {current}: first release, nothing to compare")
        return True, lines
    previous = older[-1]
    changes = compare(load_json_schema(previous), model)
    lines += [str(c) for c in changes]
    needed = required_bump(changes)
    bumped = _semver(current)
    before = _semver(previous)
    ok = (
        needed == "none"
        or (needed == "minor" and bumped[:2] > before[:2])
        or (needed == "major" and bumped[0] > before[0])
    )
    verdict = "ok" if ok else "NOT BUMPED ENOUGH"
    lines.append(f"{previous} → {current}: {len(changes)} changes need a {needed} bump: {verdict}")
    if current not in released:
        lines.append(
            f"schema {current} has no committed file yet: run "
            f"`asean-cyber-data schema write` ({schema_path(version=current).name})"
        )
        ok = False
    return ok, lines


#: Record rewrites across breaking changes: (from major, to major) → function. A release
#: of an older minor version of the current major needs none: its records load with the
#: new fields' defaults and are written again with the current version.
MIGRATIONS: dict[tuple[int, int], Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migrate_record(item: dict[str, Any], found: str) -> dict[str, Any]:
    """A record dict of schema ``found`` as a record dict of the current major."""
    source, target = major(found), major(SCHEMA_VERSION)
    while source < target:
        step = MIGRATIONS.get((source, source + 1))
        if step is None:
            raise ValueError(
                f"no migration from schema {source}.x to {source + 1}.x "
                f"(data {found}, package {SCHEMA_VERSION})"
            )
        item = step(item)
        source += 1
    if source != target:
        raise ValueError(f"data schema {found} is newer than this package's {SCHEMA_VERSION}")
    item = {**item}
    item.pop("schema_version", None)
    return item

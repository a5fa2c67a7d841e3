"""The committed weights are what the fitting script gives, and the package reads them.

``data/weights.json`` is generated data: ``scripts/fit_weights.py`` refits it from the
development set, and a refit must equal what is committed (like a generated file whose
test regenerates it and compares), so no weight is ever hand-edited.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from asean_cyber_data.datafiles import DATA
from asean_cyber_data.extract.candidates import (
    ANSWER,
    Candidate,
    FieldModel,
    fitted_models,
    select,
)
from asean_cyber_data.extract.partners import PRINCIPAL

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "fit_weights.py"
#: Floating-point noise allowed between machines (BLAS, libm): far below what changes a
#: choice (the thresholds are on a 0.05 grid).
TOLERANCE = 1e-4


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_weights", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _close(a: Any, b: Any, where: str = "") -> list[str]:
    """Where two parsed JSON values differ beyond the tolerance."""
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return [f"{where}: keys {sorted(set(a) ^ set(b))}"]
        return [d for k in a for d in _close(a[k], b[k], f"{where}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: lengths {len(a)} != {len(b)}"]
        pairs = enumerate(zip(a, b, strict=True))
        return [d for i, (x, y) in pairs for d in _close(x, y, f"{where}[{i}]")]
    if isinstance(a, float) or isinstance(b, float):
        return [] if math.isclose(a, b, abs_tol=TOLERANCE) else [f"{where}: {a} != {b}"]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


@pytest.mark.slow
def test_committed_weights_equal_a_refit(shared_dev: Path) -> None:
    pytest.importorskip("sklearn", reason="fitting needs the dev extra (scikit-learn)")
    refit = _script().fit_all(shared_dev)
    committed = json.loads((DATA / "weights.json").read_text(encoding="utf-8"))
    assert _close(refit, committed) == [], "run: python scripts/fit_weights.py"


def test_every_field_has_a_fitted_model_read_from_data() -> None:
    models = fitted_models()
    fields = {"source", "date", "speaker", "initiatives", "partners"}
    assert set(models) == fields | {PRINCIPAL}
    for name, model in models.items():
        assert model.weights, name
        if name in fields:
            assert 0 < model.threshold < 1, name
    # The principal partner is picked among the accepted ones: it never abstains.
    assert models[PRINCIPAL].threshold == 0.0
    assert {models[f].kind for f in ("source", "date", "speaker", PRINCIPAL)} == {"choice"}
    assert {models[f].kind for f in ("initiatives", "partners")} == {"binary"}


def test_a_choice_model_abstains_when_none_is_likelier() -> None:
    model = FieldModel(bias=2.0, weights={"good": 3.0}, threshold=0.5, kind="choice")
    strong = Candidate("source", "A", 0, 1, "r", {"good": 1.0})
    weak = Candidate("source", "B", 2, 3, "r", {})
    p_strong, p_weak = model.probabilities([strong, weak])
    assert p_strong > 0.5 > p_weak  # e^3 against e^2 ("none") and e^0
    assert sum(model.probabilities([weak])) < 0.5  # alone, it is still less likely than none
    assert math.isclose(
        sum(model.probabilities([strong, weak])) + math.exp(2) / (math.exp(2) + math.exp(3) + 1),
        1.0,
    )


def test_a_choice_model_selects_the_value_its_candidates_make_likeliest() -> None:
    """A date written three times is one answer: its candidates' probabilities add up
    (what the fitting maximises), so it beats a value written once with a higher
    single score, and clears a threshold none of its candidates clears alone."""
    model = FieldModel(bias=1.0, weights={"good": 1.0}, threshold=0.4, kind="choice")
    repeated = [Candidate("date", "2022-07-05", i, i + 1, "r", {}) for i in range(3)]
    single = Candidate("date", "2022-07-06", 9, 10, "r", {"good": 0.5})
    probabilities = model.probabilities([*repeated, single])
    assert max(probabilities) < 0.4 and probabilities[3] == max(probabilities)
    chosen = select([*repeated, single], model)
    assert chosen is not None and chosen.candidate.value == "2022-07-05"
    assert chosen.candidate.start == 0  # the first candidate's span is the evidence
    assert math.isclose(chosen.probability, sum(probabilities[:3]))
    binary = FieldModel(bias=1.0, weights={"good": 1.0}, threshold=0.4, kind="binary")
    best = select([*repeated, single], binary)  # judged one by one: the best single one
    assert best is not None and best.candidate.value == "2022-07-06"


def test_candidates_of_one_answer_add_up_as_one() -> None:
    """Two outlets of one shared credit ("(PNA/Kyodo)") are one answer: either is the
    source, as the fitting labels them, so their probabilities add up against a third
    value that each of them alone would lose to."""
    model = FieldModel(bias=0.0, weights={"good": 1.0}, threshold=0.45, kind="choice")
    credit = [
        Candidate("source", name, i, i + 1, "r", {"good": 1.0}, {ANSWER: ("credit", 0)})
        for i, name in enumerate(("PNA", "Kyodo"))
    ]
    other = Candidate("source", "Harbour Ledger", 9, 10, "r", {"good": 1.2})
    probabilities = model.probabilities([*credit, other])
    assert probabilities[2] > max(probabilities[:2]) and probabilities[2] < 0.45
    chosen = select([*credit, other], model)
    assert chosen is not None and chosen.candidate.value in {"PNA", "Kyodo"}
    assert math.isclose(chosen.probability, sum(probabilities[:2]))
    # Without the shared answer, each outlet is its own value and the third one wins.
    alone = [dataclasses.replace(c, data={}) for c in credit]
    assert select([*alone, other], model) is None


def test_regrouping_renames_the_outlets_and_keeps_which_articles_share_one() -> None:
    script = _script()
    found = [script.Example(f"a{i}.txt", {}, None, None, g) for i, g in enumerate("xxyzz")]
    once, twice = script.regrouped(found, 1), script.regrouped(found, 2)
    for renamed in (once, twice):
        assert [ex.file for ex in renamed] == [ex.file for ex in found]
        assert {ex.group for ex in renamed}.isdisjoint({"x", "y", "z"})
        pairs = [(a.group == b.group) for a in renamed for b in renamed]
        assert pairs == [(a.group == b.group) for a in found for b in found]
    assert [ex.group for ex in once] != [ex.group for ex in twice]
    assert [ex.group for ex in script.regrouped(found, 1)] == [ex.group for ex in once]


@pytest.mark.slow
def test_the_spread_over_fold_assignments_holds_the_committed_score(shared_dev: Path) -> None:
    pytest.importorskip("sklearn", reason="fitting needs the dev extra (scikit-learn)")
    script = _script()
    summary = script.spread(shared_dev, 1)
    committed = json.loads((DATA / "weights.json").read_text(encoding="utf-8"))
    assert set(summary) == set(committed["cross_validation"])
    for field, info in summary.items():
        score = script._headline(committed["cross_validation"][field]["cross_validated"])
        assert info["low"] <= info["mean"] <= info["high"], field
        assert info["low"] - TOLERANCE <= score <= info["high"] + TOLERANCE, field

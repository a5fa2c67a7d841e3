"""Candidates, and how a field's value is chosen among them.

Every field is extracted the same way: named rules *propose* candidates (a value, the
span it was read from, the rule's name and features of what surrounds it); a fitted
logistic model *scores* each; the best is *selected* — or nothing, when even the best
is below the field's fitted threshold (a gap is honest; a wrong value misleads).

The weights and thresholds are data (``data/weights.json``), fitted on the
development set by ``scripts/fit_weights.py``; nothing here is hand-set.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..datafiles import read_json


@dataclass(frozen=True)
class Candidate:
    """A possible value of a field, where it was read, by which rule, and its features."""

    field: str
    value: str
    start: int
    end: int
    rule: str
    features: Mapping[str, float] = dataclasses.field(default_factory=dict)
    #: What the value carries besides itself (a speaker's title, a date's precision...).
    data: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    #: Every rule that proposed this value (``rule`` is the first, whose span is kept).
    rules: tuple[str, ...] = ()
    #: Every place the value was proposed (``start``/``end`` is the first).
    spans: tuple[tuple[int, int], ...] = ()

    def vector(self) -> dict[str, float]:
        """The features the model reads, with each proposing rule as an indicator."""
        return {**{f"rule={r}": 1.0 for r in (self.rules or (self.rule,))}, **self.features}


def merge_by_value(found: Iterable[Candidate], key: str | None = None) -> list[Candidate]:
    """One candidate per value (case- and accent-blind, or per ``data[key]`` where a
    candidate has it: one outlet written "KPL" and "ຂປລ"), in order of first proposal.

    The first proposal's span, rule and data are kept; each feature takes its largest
    value over the proposals, every proposing rule is an indicator, and ``support``
    counts the distinct rules (a value several shapes agree on is more likely).
    """
    from .langdata import fold

    groups: dict[str, list[Candidate]] = {}
    for candidate in found:
        same = candidate.data.get(key) if key else None
        groups.setdefault(f"={same}" if same else fold(candidate.value), []).append(candidate)
    merged = []
    for group in groups.values():
        first = group[0]
        features: dict[str, float] = {}
        for candidate in group:
            for key, value in candidate.features.items():
                features[key] = max(features.get(key, value), value)
        rules = tuple(dict.fromkeys(r for c in group for r in (c.rules or (c.rule,))))
        features["support"] = min(len(rules), 3) / 3
        merged.append(
            Candidate(
                first.field,
                first.value,
                first.start,
                first.end,
                first.rule,
                features,
                first.data,
                rules,
                tuple(dict.fromkeys((c.start, c.end) for c in group)),
            )
        )
    return merged


@dataclass(frozen=True)
class FieldModel:
    """A linear model over named features, and the probability below which to abstain.

    ``binary`` (set-valued fields: partners, initiatives): each candidate's probability
    of being right on its own, a logistic of ``bias + score``. ``choice`` (single-valued
    fields: source, date, speaker): which one of an article's candidates is right, or
    none — a softmax over the candidates' scores and ``bias`` as the score of "none".
    """

    bias: float
    weights: Mapping[str, float]
    threshold: float
    kind: str = "binary"

    def score(self, candidate: Candidate) -> float:
        weights = self.weights
        z = 0.0
        for rule in candidate.rules or (candidate.rule,):
            z += weights.get("rule=" + rule, 0.0)
        for key, value in candidate.features.items():
            if value:
                z += weights.get(key, 0.0) * value
        return z

    def probability(self, candidate: Candidate) -> float:
        """A binary model's probability that this candidate is right."""
        z = self.bias + self.score(candidate)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, candidates: list[Candidate]) -> list[float]:
        """Each candidate's probability of being right, read together for a choice model."""
        if self.kind != "choice":
            return [self.probability(c) for c in candidates]
        scores = [self.score(c) for c in candidates]
        top = max([self.bias, *scores])
        exps = [math.exp(z - top) for z in scores]
        total = math.exp(self.bias - top) + sum(exps)
        return [e / total for e in exps]


#: Used for a field that has no fitted model yet: every candidate is equally likely and
#: the first proposed wins (rules propose in their order of trust).
UNFITTED = FieldModel(bias=0.0, weights={}, threshold=0.5)


@cache
def fitted_models() -> dict[str, FieldModel]:
    """The committed models of ``data/weights.json``, by field."""
    try:
        data = read_json("weights.json")
    except FileNotFoundError:
        return {}
    return {
        name: FieldModel(
            float(m["bias"]), dict(m["weights"]), float(m["threshold"]), m.get("kind", "binary")
        )
        for name, m in (data.get("fields") or {}).items()
    }


Models = Mapping[str, FieldModel]


def model_for(name: str, models: Models | None) -> FieldModel:
    return (fitted_models() if models is None else models).get(name, UNFITTED)


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    probability: float


def rank(candidates: Iterable[Candidate], model: FieldModel) -> list[Scored]:
    """Candidates by descending probability; among equals, the first proposed first."""
    found = list(candidates)
    scored = [Scored(c, p) for c, p in zip(found, model.probabilities(found), strict=True)]
    order = sorted(range(len(scored)), key=lambda i: (-scored[i].probability, i))
    return [scored[i] for i in order]


#: The ``data`` key of candidates that are one answer as several values (``best_value``).
ANSWER = "answer"


def best_value(ranked: list[Scored], choice: bool = True) -> Scored | None:
    """The most probable value: its best candidate, with the probability of the value.

    In a choice model the candidates are alternatives for one answer, so the
    probability that the answer is a value is the sum over the candidates that propose
    it (a date written in the dateline and again in the body is one answer, not two
    that split its probability) — the quantity the fitting maximises. Ties keep the
    value ranked first. Candidates that share ``data[ANSWER]`` are one answer written
    as several values (a shared credit "(PNA/Kyodo)": either outlet is the source, as the
    fitting labels them): their probabilities are summed, and the answer's most probable
    candidate stands for it. A binary model's candidates are judged one by one: its
    best candidate, as it is.
    """
    if not ranked:
        return None
    if not choice:
        return ranked[0]
    totals: dict[object, float] = {}
    first: dict[object, Scored] = {}
    for scored in ranked:
        answer = scored.candidate.data.get(ANSWER) or scored.candidate.value
        totals[answer] = totals.get(answer, 0.0) + scored.probability
        first.setdefault(answer, scored)
    answer = max(first, key=lambda a: totals[a])  # (the first of equal answers: dict order)
    return Scored(first[answer].candidate, totals[answer])


def select(candidates: Iterable[Candidate], model: FieldModel) -> Scored | None:
    """The most probable value (see :func:`best_value`), or None below the threshold."""
    chosen = best_value(rank(candidates, model), model.kind == "choice")
    if chosen is None or chosen.probability < model.threshold:
        return None
    return chosen


def accept(candidates: Iterable[Candidate], model: FieldModel) -> list[Scored]:
    """Every candidate at or above the threshold (set-valued fields), best first."""
    return [s for s in rank(candidates, model) if s.probability >= model.threshold]

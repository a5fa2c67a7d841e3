"""Fit the extractor's weights and abstain thresholds on the development set.

    python scripts/fit_weights.py [--dev ../shared/dev] [--out asean_cyber_data/data/weights.json]
    python scripts/fit_weights.py --check      # fails when the committed weights differ

For each field, in the order extraction reads them (source, date, speaker,
initiatives, partners — later fields' features use the earlier fields' fitted
choices), every candidate the rules propose on the development part of the gold set
(never the held-out part, never off-topic articles) is labelled right or wrong against
the gold (and the project's five seed articles in ``raw/``), and an L2-regularised
linear model is fitted on the candidates' features: for single-valued fields a
conditional logit (which of an article's candidates is right, or none: scipy's L-BFGS),
for set-valued fields a logistic regression (scikit-learn, liblinear, fixed
seed: the same data give the same weights) is fitted on the candidates' features.

The threshold below which a field abstains is chosen on *cross-validated*
probabilities, folds grouped by outlet (GroupKFold: no outlet is in both the fitted
and the scored part), so it reflects articles from outlets the model has not seen:

- single-valued fields (source, date, speaker) maximise ``right - 3 * wrong`` over the
  articles (a wrong value misleads every user who counts; a gap is honest);
- set-valued fields (partners, initiatives) maximise micro F1.

After the partners, a second choice model picks the *principal* partner among the
accepted ones (labelled by the gold's first partner), kept only where it beats taking the
most probable accepted party on the principal's cross-validated ``right - 3 * wrong``.

The package reads the result as data; scikit-learn is needed only here (dev extra).

One assignment of outlets to folds is one draw: on 76 articles a field's
cross-validated score moves by several articles with the folds alone. ``--spread N``
refits everything N more times with the outlets assigned to folds by a seeded hash of
their names and prints each field's mean, lowest and highest score — what a change
must beat to be more than the folds (nothing is written):

    python scripts/fit_weights.py --spread 6
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from asean_cyber_data.evaluate import (  # noqa: E402
    _norm,
    date_right,
    initiative_counts,
    initiative_label,
    load_gold,
    name_right,
    protocol,
)
from asean_cyber_data.extract import ExtractionError, Prepared, prepare, read_fields  # noqa: E402
from asean_cyber_data.extract.candidates import (  # noqa: E402
    UNFITTED,
    Candidate,
    FieldModel,
    Scored,
    best_value,
)
from asean_cyber_data.extract.initiatives import choose_initiatives  # noqa: E402
from asean_cyber_data.extract.partners import PRINCIPAL, find_partners  # noqa: E402
from asean_cyber_data.extract.registry import outlet_named, unlisted  # noqa: E402
from asean_cyber_data.read import Document, read_path  # noqa: E402

FIELDS = ("source", "date", "speaker", "initiatives", "partners")
SINGLE = ("source", "date", "speaker")
#: How many gaps one wrong value is worth when choosing where to abstain.
WRONG_COST = 3.0
FOLDS = 5
#: L2 strengths tried for each field; the one whose cross-validated result is best is
#: kept (ties: the stronger regularisation).
C_GRID = (0.3, 1.0, 3.0)
DECIMALS = 6
DEFAULT_OUT = ROOT / "asean_cyber_data" / "data" / "weights.json"
DEFAULT_DEV = ROOT.parent / "shared" / "dev"
#: The project's own seed articles (``raw/``) and their gold: fitted on as well.
SEEDS = (ROOT / "raw", ROOT / "tests" / "data" / "seeds_gold.jsonl")


@dataclass
class Example:
    file: str
    gold: dict[str, Any]
    doc: Document
    prepared: Prepared
    group: str


def _group(gold: dict[str, Any]) -> str:
    """The outlet an article comes from: its gold source, else its URL's host."""
    if gold.get("source"):
        return _norm(gold["source"][0])
    url = gold.get("url") or ""
    host = url.split("/")[2] if url.count("/") >= 2 else url
    return host.removeprefix("www.") or gold["file"]


def _gold_lines(path: Path) -> dict[str, dict[str, Any]]:
    items = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return {item["file"]: item for item in items}


def examples(dev: Path) -> list[Example]:
    """The on-topic articles of the development part and the seeds, ready to extract."""
    split = protocol()
    sources = [(dev / "raw", load_gold(dev), True), (SEEDS[0], _gold_lines(SEEDS[1]), False)]
    found = []
    for raw, gold, hashed in sources:
        found += _examples(raw, gold, split if hashed else None)
    return found


def _examples(raw: Path, gold: dict[str, dict[str, Any]], split: Any) -> list[Example]:
    found = []
    for name in sorted(gold):
        item = gold[name]
        if split is not None and split.part_of(name) != "dev":
            continue
        if item.get("relevant", True) is False:
            continue
        path = raw / name
        for doc in read_path(path, raw):
            if not isinstance(doc, Document):
                continue
            try:
                found.append(Example(name, item, doc, prepare(doc), _group(item)))
            except ExtractionError:
                continue
    return found


def label(field: str, candidate: Candidate, gold: dict[str, Any]) -> int | None:
    """1 when the candidate's value is the gold's, 0 when not, None when neither counts."""
    if field == "source":
        return int(bool(gold.get("source")) and name_right(candidate.value, gold["source"]))
    if field == "speaker":
        # The full name (the gold's first form) is what a record should carry; a shorter
        # accepted form ("Nur Jazlan") is right in scoring but not what to learn to prefer.
        forms = gold.get("speaker") or []
        if forms and name_right(candidate.value, forms[:1]):
            return 1
        return None if name_right(candidate.value, forms) and forms else 0
    if field == "date":
        ok = [d for d in gold.get("date_ok") or [] if d]
        return int(bool(ok) and date_right(candidate.value, candidate.data["precision"], ok))
    if field == "partners":
        return int(candidate.value in (gold.get("partners") or []))
    result = initiative_label(
        [candidate.data["name"], candidate.value], gold.get("initiatives") or []
    )
    return None if result is None else int(result)


def _vectors(rows: Sequence[Candidate], names: list[str]) -> list[list[float]]:
    index = {n: i for i, n in enumerate(names)}
    out = []
    for c in rows:
        row = [0.0] * len(names)
        for k, v in c.vector().items():
            if k in index:
                row[index[k]] = float(v)
        out.append(row)
    return out


def _fit(rows: Sequence[Candidate], labels: Sequence[int], c: float) -> FieldModel:
    from sklearn.linear_model import LogisticRegression

    names = sorted({k for c in rows for k in c.vector()})
    if len(set(labels)) < 2:
        return FieldModel(bias=-5.0 if not any(labels) else 5.0, weights={}, threshold=0.5)
    model = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)
    model.fit(_vectors(rows, names), list(labels))
    weights = {n: round(float(w), DECIMALS) for n, w in zip(names, model.coef_[0], strict=True)}
    return FieldModel(round(float(model.intercept_[0]), DECIMALS), weights, 0.5)


def _fit_choice(docs: Sequence[tuple[list[Candidate], list[int | None]]], c: float) -> FieldModel:
    """A conditional (softmax) logit: per article, which candidate is right, or none.

    The score of "none" is the bias; an article whose right value is not among its
    candidates teaches "none". L2 penalty ``1/C`` on the weights (not on the bias);
    L-BFGS from zero, so the same data give the same weights.
    """
    import numpy as np
    from scipy.optimize import minimize

    names = sorted({k for cands, _ in docs for c in cands for k in c.vector()})
    matrices, positives = [], []
    for cands, labels in docs:
        kept = [c for c, y in zip(cands, labels, strict=True) if y is not None]
        ys = [y for y in labels if y is not None]
        matrices.append(np.array(_vectors(kept, names), dtype=float).reshape(len(kept), len(names)))
        positives.append(np.array([y == 1 for y in ys], dtype=bool))
    penalty = 1.0 / c

    def loss(params: Any) -> tuple[float, Any]:
        w, b = params[:-1], params[-1]
        total, grad_w, grad_b = 0.5 * penalty * float(w @ w), penalty * w, 0.0
        for x, pos in zip(matrices, positives, strict=True):
            scores = np.append(x @ w, b)
            top = scores.max()
            e = np.exp(scores - top)
            p_all = e / e.sum()
            target = np.append(pos, not pos.any())
            p_target = p_all[target].sum()
            total -= float(np.log(p_target))
            q = np.where(target, p_all, 0.0) / p_target
            diff = p_all - q
            grad_w = grad_w + x.T @ diff[:-1]
            grad_b += float(diff[-1])
        return total, np.append(grad_w, grad_b)

    start = np.zeros(len(names) + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    weights = {n: round(float(v), DECIMALS) for n, v in zip(names, result.x[:-1], strict=True)}
    return FieldModel(round(float(result.x[-1]), DECIMALS), weights, 0.5, "choice")


def _single_outcome(
    field: str, scored: list[tuple[Candidate, float]], gold: dict[str, Any], t: float
) -> tuple[int, int]:
    """(right, wrong) of one article's choice at threshold ``t``."""
    ranked = sorted(
        (Scored(c, p) for c, p in scored), key=lambda s: -s.probability
    )  # (stable: the first proposed first among equals, as ``rank`` orders them)
    best = best_value(ranked)
    value = best.candidate if best and best.probability >= t else None
    null_ok = field in (gold.get("null_ok") or [])
    if value is None:
        if field == "date":
            return int(None in (gold.get("date_ok") or [None]) or not gold.get("date_ok")), 0
        return int(not gold.get(field) or null_ok), 0
    if field == "date":
        right = date_right(value.value, value.data["precision"], gold.get("date_ok") or [None])
    else:
        right = name_right(value.value, gold.get(field) or [])
    return int(right), int(not right)


def _set_counts(
    field: str, scored: list[tuple[Candidate, float]], gold: dict[str, Any], t: float
) -> tuple[int, int, int, int]:
    """(tp_pred, pred, tp_gold, gold) of one article's accepted set at threshold ``t``."""
    accepted = [(c, p) for c, p in scored if p >= t]
    if field == "partners":
        predicted = {c.value for c, _ in accepted}
        wanted = set(gold.get("partners") or [])
        tp = len(predicted & wanted)
        return tp, len(predicted), tp, len(wanted)
    chosen = choose_initiatives([Scored(c, p) for c, p in accepted])
    predictions = [[i.name, i.surface] for i in chosen]
    counts = initiative_counts(predictions, gold.get("initiatives") or [])
    return counts.tp_pred, counts.pred, counts.tp_gold, counts.gold


def _scores(
    field: str, per_doc: list[tuple[list[tuple[Candidate, float]], dict[str, Any]]], t: float
) -> tuple[float, dict[str, float]]:
    """What threshold ``t`` gives on these scored articles: the utility and its scores."""
    if field in SINGLE:
        right = wrong = 0
        for scored, gold in per_doc:
            r, w = _single_outcome(field, scored, gold, t)
            right, wrong = right + r, wrong + w
        n = max(1, len(per_doc))
        utility = right - WRONG_COST * wrong
        return utility, {"accuracy": round(right / n, 4), "wrong": round(wrong / n, 4)}
    tp_p = pred = tp_g = total = 0
    for scored, gold in per_doc:
        a, b, c, d = _set_counts(field, scored, gold, t)
        tp_p, pred, tp_g, total = tp_p + a, pred + b, tp_g + c, total + d
    precision = tp_p / pred if pred else 1.0
    recall = tp_g / total if total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _threshold(
    field: str, per_doc: list[tuple[list[tuple[Candidate, float]], dict[str, Any]]]
) -> tuple[float, dict[str, float]]:
    """The threshold that does best on cross-validated probabilities, and its scores.

    Among equally good thresholds the middle one is kept (away from both edges)."""
    grid = [round(0.05 * i, 2) for i in range(1, 20)]
    results = [(t, *_scores(field, per_doc, t)) for t in grid]
    best = max(u for _, u, _ in results)
    tied = [r for r in results if abs(r[1] - best) < 1e-9]
    t, _, scores = tied[len(tied) // 2]
    return t, scores


def _fit_field(
    field: str, docs: Sequence[tuple[Example, list[Candidate]]], strength: float
) -> FieldModel:
    """The field's model fitted on these articles (choice or binary, by the field)."""
    if field in SINGLE:
        return _fit_choice(
            [(cands, [label(field, x, ex.gold) for x in cands]) for ex, cands in docs], strength
        )
    rows, labels = [], []
    for ex, cands in docs:
        for candidate in cands:
            y = label(field, candidate, ex.gold)
            if y is not None:
                rows.append(candidate)
                labels.append(y)
    return _fit(rows, labels, strength)


def _utility(field: str, cv: dict[str, float]) -> float:
    """What the threshold search maximised, from its reported scores."""
    if field in SINGLE:
        return cv["accuracy"] - WRONG_COST * cv["wrong"]
    return cv["f1"]


ScoredArticles = list[tuple[list[tuple[Candidate, float]], dict[str, Any]]]


def _cross_validated(
    field: str,
    docs: list[tuple[Example, list[Candidate]]],
    c: float,
    also: Sequence[tuple[Example, list[Candidate]]] = (),
) -> tuple[ScoredArticles, ScoredArticles]:
    """Each article's candidates scored by a model fitted on folds without its outlet;
    and ``also`` (other readings of the same articles, never fitted on) scored by the
    model of their article's fold."""
    from sklearn.model_selection import GroupKFold

    groups = [ex.group for ex, _ in docs]
    folds = min(FOLDS, len(set(groups)))
    out: list[tuple[list[tuple[Candidate, float]], dict[str, Any]] | None] = [None] * len(docs)
    out_also: list[tuple[list[tuple[Candidate, float]], dict[str, Any]] | None] = [None] * len(also)
    for train, test in GroupKFold(n_splits=folds).split(docs, groups=groups):
        model = _fit_field(field, [docs[i] for i in train], c)
        for i in test:
            ex, cands = docs[i]
            out[i] = (list(zip(cands, model.probabilities(cands), strict=True)), ex.gold)
        tested = {groups[i] for i in test}
        for i, (ex, cands) in enumerate(also):
            if ex.group in tested:
                out_also[i] = (list(zip(cands, model.probabilities(cands), strict=True)), ex.gold)
    return [o for o in out if o is not None], [o for o in out_also if o is not None]


def principal_label(candidate: Candidate, gold: dict[str, Any]) -> int:
    """1 for the gold's principal (first) partner, 0 for every other party."""
    wanted = gold.get("partners") or []
    return int(bool(wanted) and candidate.value == wanted[0])


def _principal_choice(docs: Sequence[tuple[Example, list[Candidate]]], c: float) -> FieldModel:
    return _fit_choice(
        [(cands, [principal_label(x, ex.gold) for x in cands]) for ex, cands in docs], c
    )


def fit_principal(
    docs: list[tuple[Example, list[Candidate]]], members: dict[str, Any]
) -> tuple[FieldModel, dict[str, Any]]:
    """The choice model that picks the principal among the accepted partners.

    Cross-validated like the fields (folds by outlet; the partners model refitted on
    each fold with its chosen strength and threshold): each strength of ``C_GRID`` and
    no principal model at all (the most probable accepted party) are scored by the
    principal partner's ``right - 3 * wrong``; ties keep no model, then the stronger
    regularisation.
    """
    from sklearn.model_selection import GroupKFold

    groups = [ex.group for ex, _ in docs]
    splits = list(GroupKFold(n_splits=min(FOLDS, len(set(groups)))).split(docs, groups=groups))
    tried = []
    for strength in (None, *C_GRID):
        right = wrong = 0
        for train, test in splits:
            training = [docs[i] for i in train]
            fitted = _fit_field("partners", training, members["C"])
            accepting = FieldModel(fitted.bias, fitted.weights, members["threshold"])
            chooser = UNFITTED if strength is None else _principal_choice(training, strength)
            for i in test:
                ex, cands = docs[i]
                chosen = find_partners(ex.prepared.article, cands, accepting, chooser)
                value = chosen[0].code if chosen else None
                wanted = (ex.gold.get("partners") or [None])[0]
                right += int(value == wanted)
                wrong += int(value is not None and value != wanted)
        n = max(1, len(docs))
        cv = {"accuracy": round(right / n, 4), "wrong": round(wrong / n, 4)}
        tried.append((_utility("speaker", cv), strength is None, -(strength or 0.0), strength, cv))
    best = max(tried, key=lambda t: t[:3])
    strength, cv = best[3], best[4]
    baseline = next(t[4] for t in tried if t[3] is None)
    model = UNFITTED if strength is None else _principal_choice(docs, strength)
    return FieldModel(model.bias, model.weights, 0.0, "choice"), {
        "candidates": sum(len(cands) for _, cands in docs),
        "articles": len(docs),
        "outlet_groups": len(set(groups)),
        "C": strength,
        "cross_validated": cv,
        "cross_validated_without_model": baseline,
    }


def unlisted_readings(
    found: Sequence[Example], models: dict[str, FieldModel]
) -> list[tuple[Example, list[Candidate]]]:
    """Each article whose outlet the registry lists, read again as if it did not.

    Most outlets a crawl brings are on no list, but most development articles' outlets
    are (the registry lists the region's outlets): scored on these readings too, the
    cross-validation says how the source model does on an outlet no list names — the
    number the development set alone hides.
    """
    copies = []
    for ex in found:
        listed = {o.name for form in ex.gold.get("source") or [] if (o := outlet_named(form))}
        if not listed:
            continue
        with unlisted(listed):
            reading = read_fields(ex.doc, prepare(ex.doc), models)
        copies.append((ex, list(reading.candidates["source"])))
    return copies


def fit_all(dev: Path, found: list[Example] | None = None) -> dict[str, Any]:
    """Fit every field; the result is what ``data/weights.json`` holds (``found``: the
    examples of ``dev``, read here unless given)."""
    found = examples(dev) if found is None else found
    models: dict[str, FieldModel] = {}
    fields: dict[str, Any] = {}
    report: dict[str, Any] = {}
    for field in FIELDS:
        docs = []
        for ex in found:
            reading = read_fields(ex.doc, ex.prepared, models)
            docs.append((ex, list(reading.candidates[field])))
        readings = unlisted_readings(found, models) if field == "source" else []
        labels = [
            y for ex, cands in docs for c in cands if (y := label(field, c, ex.gold)) is not None
        ]
        tried = []
        for strength in C_GRID:
            scored, scored_unlisted = _cross_validated(field, docs, strength, readings)
            threshold, cv = _threshold(field, scored)
            tried.append((_utility(field, cv), -strength, strength, threshold, cv, scored_unlisted))
        _, _, strength, threshold, cv, scored_unlisted = max(tried, key=lambda t: t[:3])
        fitted = _fit_field(field, docs, strength)
        models[field] = FieldModel(fitted.bias, fitted.weights, threshold, fitted.kind)
        fields[field] = {
            "kind": fitted.kind,
            "C": strength,
            "bias": fitted.bias,
            "threshold": threshold,
            "weights": dict(sorted(fitted.weights.items())),
        }
        by_group: dict[str, int] = defaultdict(int)
        for ex, _ in docs:
            by_group[ex.group] += 1
        report[field] = {
            "candidates": len(labels),
            "positives": sum(labels),
            "articles": len(docs),
            "outlet_groups": len(by_group),
            "cross_validated": cv,
        }
        if readings:
            report[field]["cross_validated_outlet_unlisted"] = _scores(
                field, scored_unlisted, threshold
            )[1]
        if field == "partners":
            principal, principal_report = fit_principal(docs, fields[field])
            models[PRINCIPAL] = principal
            fields[PRINCIPAL] = {
                "kind": principal.kind,
                "C": principal_report["C"],
                "bias": principal.bias,
                "threshold": principal.threshold,
                "weights": dict(sorted(principal.weights.items())),
            }
            report[PRINCIPAL] = principal_report
    digest = hashlib.sha256()
    for ex in found:
        digest.update(ex.file.encode() + b"\0" + ex.doc.sha256.encode())
    return {
        "about": "Fitted by scripts/fit_weights.py on the development part of the gold set; "
        "do not edit by hand (a test refits and compares).",
        "fitted_on": {
            "articles": len(found),
            "inputs_sha256": digest.hexdigest(),
            "wrong_cost": WRONG_COST,
            "folds": FOLDS,
            "C_grid": list(C_GRID),
        },
        "fields": fields,
        "cross_validation": report,
    }


def regrouped(found: list[Example], seed: int) -> list[Example]:
    """The same examples with their outlet groups renamed by a seeded hash: GroupKFold
    assigns them to other folds, the grouping itself (which articles share an outlet)
    unchanged."""
    return [
        dataclasses.replace(ex, group=hashlib.sha256(f"{seed}:{ex.group}".encode()).hexdigest())
        for ex in found
    ]


def _headline(cv: dict[str, float]) -> float:
    """A field's one cross-validated number: accuracy, or F1 for a set-valued field."""
    return cv["f1"] if "f1" in cv else cv["accuracy"]


def spread(dev: Path, draws: int) -> dict[str, dict[str, float]]:
    """Each field's cross-validated score over ``draws`` fold assignments (seeds 1..N)
    besides the committed one: mean, lowest, highest, and the wrong-value rate's mean."""
    found = examples(dev)
    scores: dict[str, list[dict[str, float]]] = defaultdict(list)
    for seed in range(draws + 1):
        report = fit_all(dev, regrouped(found, seed) if seed else found)["cross_validation"]
        for field, info in report.items():
            scores[field].append(info["cross_validated"])
    summary = {}
    for field, runs in scores.items():
        values = [_headline(cv) for cv in runs]
        summary[field] = {
            "mean": round(sum(values) / len(values), 4),
            "low": min(values),
            "high": max(values),
        }
        if all("wrong" in cv for cv in runs):
            summary[field]["wrong_mean"] = round(sum(cv["wrong"] for cv in runs) / len(runs), 4)
    return summary


def dumps(weights: dict[str, Any]) -> str:
    return json.dumps(weights, indent=1, sort_keys=False, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="gold set folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="weights file to write")
    parser.add_argument("--check", action="store_true", help="compare with --out, write nothing")
    parser.add_argument(
        "--spread",
        type=int,
        metavar="N",
        help="refit with N more fold assignments; print each field's spread, write nothing",
    )
    args = parser.parse_args(argv)
    if args.spread:
        for field, info in spread(args.dev, args.spread).items():
            print(f"{field:<17} over {args.spread + 1} fold assignments: {info}")
        return 0
    weights = fit_all(args.dev)
    text = dumps(weights)
    for field, info in weights["cross_validation"].items():
        print(
            f"{field:<12} threshold {weights['fields'][field]['threshold']:.2f}  "
            f"cross-validated by outlet: {info['cross_validated']}  ({info['articles']} "
            f"articles, {info['outlet_groups']} outlets, {info['candidates']} candidates)"
        )
        if "cross_validated_outlet_unlisted" in info:
            print(f"{'':<12} its outlet unlisted: {info['cross_validated_outlet_unlisted']}")
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print("committed weights equal a refit" if same else f"{args.out} differs from a refit")
        return 0 if same else 1
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Accuracy against hand-made gold annotations (``asean-cyber-data evaluate``).

A gold set is a folder with ``raw/`` articles and ``gold*.jsonl`` annotations (format:
the annotation guidelines). Every raw file is read and extracted exactly as the build
does, then compared field by field:

- language, date (right if in ``date_ok``), source (any listed spelling, case- and
  accent-insensitive), speaker (any listed form, honorifics ignored), the speaker's
  country (the country the principal speaker serves: what counts by country rest on),
  principal partner: accuracy; an empty gold list means the right answer is null, and
  a field listed in the gold's ``null_ok`` is also right when nothing is found (the
  speaker's country with the speaker);
- partners: micro precision / recall / F1 of the code sets;
- initiatives: micro precision / recall / F1. A prediction is right when its name or
  surface fuzzily matches the gold name or an alias (:func:`initiative_matches`); a
  gold initiative marked ``optional`` is neither a miss nor a false hit;
- the wrong-value rate of date, source, speaker, speaker country and partner: a value
  given that is not right (a null is a gap, not a wrong value), per on-topic article;
- relevance: precision and recall of "this article is on-topic" over every gold object.
  Gold marked ``"relevant": false`` expects no record; fields are scored on the
  on-topic articles only.

Every gold set is split by a stable hash of the file name (``data/evaluation.yaml``):
the held-out part is measured but its misses are not printed unless asked for, so it
stays unread while the rules are developed and its score estimates unseen articles.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .build import process_path
from .datafiles import read_yaml
from .extract.langdata import fold
from .models import Record
from .read import Reject

ACCURACY_FIELDS = ("language", "date", "source", "speaker", "speaker_country", "partner")
#: Fields whose wrong values (given, but not right) are counted separately from gaps.
WRONG_VALUE_FIELDS = ("date", "source", "speaker", "speaker_country", "partner")
SET_FIELDS = ("partners", "initiatives")
PARTS = ("all", "dev", "holdout")
FUZZY_THRESHOLD = 85
CONTAINED_SHARE = 0.7


def _norm(text: str) -> str:
    text = fold(text).replace("’", "'")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"[^\w+]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def initiative_matches(predicted: list[str], gold: list[str]) -> bool:
    """Fuzzy match of any predicted form against any gold form.

    Forms are compared case-, accent- and punctuation-insensitively (bracketed
    acronyms dropped); they match when rapidfuzz's ratio or token-sort ratio reaches
    85, or when the shorter is contained in the longer and is at least 70% of it.
    """
    for p in predicted:
        np_ = _norm(p)
        if not np_:
            continue
        for g in gold:
            ng = _norm(g)
            if not ng:
                continue
            if (
                fuzz.ratio(np_, ng) >= FUZZY_THRESHOLD
                or fuzz.token_sort_ratio(np_, ng) >= FUZZY_THRESHOLD
            ):
                return True
            short, long_ = sorted((np_, ng), key=len)
            if short in long_ and len(short) >= CONTAINED_SHARE * len(long_):
                return True
    return False


@dataclass
class Counts:
    right: int = 0
    total: int = 0
    wrong: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.total if self.total else 0.0


@dataclass
class SetCounts:
    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    accuracy: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    sets: dict[str, SetCounts] = field(default_factory=lambda: defaultdict(SetCounts))
    #: Relevance over every gold object: "relevant" is the positive class.
    relevance: SetCounts = field(default_factory=SetCounts)
    documents: int = 0
    on_topic: int = 0

    def summary(self) -> dict[str, float]:
        out = {f: round(self.accuracy[f].accuracy, 4) for f in ACCURACY_FIELDS}
        for f in SET_FIELDS:
            s = self.sets[f]
            out[f"{f}_precision"] = round(s.precision, 4)
            out[f"{f}_recall"] = round(s.recall, 4)
            out[f"{f}_f1"] = round(s.f1, 4)
        for f in WRONG_VALUE_FIELDS:
            out[f"{f}_wrong"] = round(self.accuracy[f].wrong_rate, 4)
        out["relevance_precision"] = round(self.relevance.precision, 4)
        out["relevance_recall"] = round(self.relevance.recall, 4)
        return out


@dataclass
class Report:
    overall: Scores
    by_language: dict[str, Scores]
    misses: list[dict[str, Any]]
    documents: int
    parts: dict[str, Scores] = field(default_factory=dict)
    part: str = "all"
    hidden_misses: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "documents": self.documents,
            "on_topic": self.overall.on_topic,
            "overall": self.overall.summary(),
            "parts": {
                k: {"documents": v.documents, "on_topic": v.on_topic, **v.summary()}
                for k, v in self.parts.items()
            },
            "by_language": {
                k: {"documents": v.documents, "on_topic": v.on_topic, **v.summary()}
                for k, v in sorted(self.by_language.items())
            },
            "misses": self.misses,
            "hidden_misses": self.hidden_misses,
        }


@dataclass(frozen=True)
class Protocol:
    """How gold files are split into a development part and a held-out part."""

    salt: str
    share: float
    tuned: frozenset[str]

    def part_of(self, file_name: str) -> str:
        """``"holdout"`` for a file put aside by the stable hash, else ``"dev"``."""
        if file_name in self.tuned:
            return "dev"
        digest = hashlib.sha256((self.salt + file_name).encode("utf-8")).hexdigest()
        return "holdout" if int(digest[:8], 16) < self.share * 2**32 else "dev"


def protocol() -> Protocol:
    """The split of ``data/evaluation.yaml``."""
    data = read_yaml("evaluation.yaml")
    return Protocol(
        str(data["holdout_salt"]), float(data["holdout_share"]), frozenset(data["tuned_files"])
    )


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Gold objects by raw file name, from every ``gold*.jsonl`` in ``gold_dir``."""
    gold: dict[str, dict[str, Any]] = {}
    files = sorted(gold_dir.glob("gold*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no gold*.jsonl in {gold_dir}")
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                gold[item["file"]] = item
    return gold


def _extract_file(path: Path, root: Path) -> tuple[Record | None, str | None]:
    """The record the build would make of ``path``, or None and the reject reason (the
    build's own per-input function: gate, relevance and extraction decide alike)."""
    for item in process_path(path, root):
        if isinstance(item, Reject):
            return None, item.reason
        if isinstance(item, Record):
            return item, None
    return None, "no_document"


def _predicted_relevant(record: Record | None) -> bool:
    """Predicted on-topic: the article became a record that is not marked off-topic
    (a record kept with ``--keep-off-topic`` carries its own decision)."""
    if record is None:
        return False
    decided = getattr(getattr(record, "relevance", None), "relevant", None)
    return True if decided is None else bool(decided)


def name_right(predicted: str | None, gold: list[str]) -> bool:
    """A source or speaker name against the gold's acceptable forms (an empty list: null)."""
    if not gold:
        return predicted is None
    return predicted is not None and _norm(predicted) in {_norm(g) for g in gold}


def date_right(predicted: str | None, precision: str | None, date_ok: list[str | None]) -> bool:
    """A date against ``date_ok``; a month-precision date claims only its month, so it is
    right when a gold date falls in that month."""
    accepted = date_ok or [None]
    if predicted is None or precision != "month":
        return predicted in accepted
    return any(g is not None and g[:7] == predicted[:7] for g in accepted)


def initiative_label(forms: list[str], gold_items: list[dict[str, Any]]) -> bool | None:
    """Does one predicted initiative (its name and surface) match a required gold one?
    None when it matches only optional gold (neither right nor wrong)."""
    hits = [g for g in gold_items if initiative_matches(forms, [g["name"], *g.get("aliases", [])])]
    if hits and all(g.get("optional", False) for g in hits):
        return None
    return bool(hits)


@dataclass(frozen=True)
class InitiativeCounts:
    tp_pred: int
    pred: int
    tp_gold: int
    gold: int
    false_hits: tuple[str, ...]
    missed: tuple[str, ...]


def initiative_counts(
    predictions: list[list[str]], gold_items: list[dict[str, Any]]
) -> InitiativeCounts:
    """Micro counts of predicted initiatives (each ``[name, surface]``) against gold."""
    forms = [[g["name"], *g.get("aliases", [])] for g in gold_items]
    required = [not g.get("optional", False) for g in gold_items]
    tp_pred = pred = 0
    false_hits: list[str] = []
    for p in predictions:
        label = initiative_label(p, gold_items)
        if label is None:
            continue  # matches only optional gold: neither right nor wrong
        pred += 1
        tp_pred += int(label)
        if not label:
            false_hits.append(p[-1])
    missed = [
        f[0]
        for index, f in enumerate(forms)
        if required[index] and not any(initiative_matches(p, f) for p in predictions)
    ]
    tp_gold = sum(required) - len(missed)
    return InitiativeCounts(tp_pred, pred, tp_gold, sum(required), tuple(false_hits), tuple(missed))


def score_record(
    record: Record | None, gold: dict[str, Any], scores: list[Scores], misses: list[dict[str, Any]]
) -> None:
    """Add one document's comparison to every ``Scores`` in ``scores``."""
    name = gold["file"]
    predicted_partners = [p.code for p in record.partners] if record else []
    gold_partners = list(gold.get("partners") or [])
    checks = {
        "language": (
            record.language if record else None,
            gold["language"],
            bool(record and record.language == gold["language"]),
        ),
        "date": (
            record.date if record else None,
            gold.get("date_ok"),
            date_right(
                record.date if record else None,
                record.date_precision if record else None,
                gold.get("date_ok") or [None],
            ),
        ),
        "source": (
            record.source.name if record else None,
            gold.get("source"),
            bool(record and name_right(record.source.name, gold.get("source") or [])),
        ),
        "speaker": (
            record.speaker.name if record and record.speaker else None,
            gold.get("speaker"),
            bool(
                record
                and name_right(
                    record.speaker.name if record.speaker else None, gold.get("speaker") or []
                )
            ),
        ),
        "speaker_country": (
            record.speaker.country if record and record.speaker else None,
            gold.get("speaker_country"),
            (record.speaker.country if record and record.speaker else None)
            == gold.get("speaker_country"),
        ),
        "partner": (
            predicted_partners[0] if predicted_partners else None,
            gold_partners[0] if gold_partners else None,
            (predicted_partners[0] if predicted_partners else None)
            == (gold_partners[0] if gold_partners else None),
        ),
    }
    # GUIDELINES v2 ``null_ok``: finding nothing is as defensible as the value given.
    null_ok = set(gold.get("null_ok") or [])
    if "speaker" in null_ok:
        null_ok.add("speaker_country")
    for field_name in sorted(null_ok):
        if field_name in checks and checks[field_name][0] is None:
            predicted, expected, _right = checks[field_name]
            checks[field_name] = (predicted, expected, True)
    for field_name, (predicted, expected, right) in checks.items():
        for s in scores:
            s.accuracy[field_name].total += 1
            s.accuracy[field_name].right += int(right)
            s.accuracy[field_name].wrong += int(not right and predicted is not None)
        if not right:
            misses.append(
                {"file": name, "field": field_name, "predicted": predicted, "gold": expected}
            )
    tp = len(set(predicted_partners) & set(gold_partners))
    for s in scores:
        c = s.sets["partners"]
        c.tp_pred += tp
        c.pred += len(set(predicted_partners))
        c.tp_gold += tp
        c.gold += len(set(gold_partners))
    if set(predicted_partners) != set(gold_partners):
        misses.append(
            {
                "file": name,
                "field": "partners",
                "predicted": predicted_partners,
                "gold": gold_partners,
            }
        )
    _score_initiatives(record, gold, scores, misses)


def _score_initiatives(
    record: Record | None, gold: dict[str, Any], scores: list[Scores], misses: list[dict[str, Any]]
) -> None:
    predictions = [[i.name, i.surface] for i in record.initiatives] if record else []
    counts = initiative_counts(predictions, gold.get("initiatives") or [])
    for surface in counts.false_hits:
        misses.append(
            {"file": gold["file"], "field": "initiatives", "predicted": surface, "gold": None}
        )
    for name in counts.missed:
        misses.append(
            {"file": gold["file"], "field": "initiatives", "predicted": None, "gold": name}
        )
    for s in scores:
        c = s.sets["initiatives"]
        c.tp_pred += counts.tp_pred
        c.pred += counts.pred
        c.tp_gold += counts.tp_gold
        c.gold += counts.gold


def evaluate(gold_dir: Path, part: str = "all", show_holdout: bool = False) -> Report:
    """Extract every article under ``gold_dir/raw`` and compare with the gold.

    ``part`` selects what ``overall``, ``by_language`` and the misses cover (``all``,
    ``dev`` or ``holdout``); the scores of every part are always reported. Misses of
    held-out files are left out unless ``show_holdout``.
    """
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: use one of {', '.join(PARTS)}")
    gold = load_gold(gold_dir)
    raw = gold_dir / "raw"
    split = protocol()
    parts = {name: Scores() for name in PARTS}
    by_language: dict[str, Scores] = defaultdict(Scores)
    misses: list[dict[str, Any]] = []
    hidden = 0
    for name in sorted(gold):
        item = gold[name]
        file_part = split.part_of(name)
        selected = part in ("all", file_part)
        targets = [parts["all"], parts[file_part]]
        if selected:
            targets.append(by_language[item["language"]])
        path = raw / name
        record, reason = _extract_file(path, raw) if path.exists() else (None, "missing_file")
        relevant = item.get("relevant", True) is not False
        predicted_relevant = _predicted_relevant(record)
        found: list[dict[str, Any]] = []
        for s in targets:
            s.documents += 1
            s.on_topic += int(relevant)
            s.relevance.pred += int(predicted_relevant)
            s.relevance.gold += int(relevant)
            s.relevance.tp_pred += int(predicted_relevant and relevant)
            s.relevance.tp_gold += int(predicted_relevant and relevant)
        if relevant != predicted_relevant:
            found.append(
                {
                    "file": name,
                    "field": "relevance",
                    "predicted": predicted_relevant,
                    "gold": relevant,
                }
            )
        if relevant:
            if record is None:
                found.append(
                    {"file": name, "field": "record", "predicted": reason, "gold": "a record"}
                )
            score_record(record, item, targets, found)
        if not selected:
            continue
        if file_part == "holdout" and not show_holdout:
            hidden += len(found)
        else:
            misses += found
    return Report(
        parts[part], dict(by_language), misses, parts[part].documents, parts, part, hidden
    )


TABLE_METRICS = (
    *ACCURACY_FIELDS,
    "partners_f1",
    "initiatives_precision",
    "initiatives_recall",
    "initiatives_f1",
    *(f"{f}_wrong" for f in WRONG_VALUE_FIELDS),
    "relevance_precision",
    "relevance_recall",
)


def format_table(report: Report) -> str:
    """The per-field table (every part, then the selected part by language), then misses.

    Counts in the header are on-topic articles (what the fields are scored on).
    """
    scores = {
        **{f"{name}" if name != report.part else f"{name}*": s for name, s in report.parts.items()},
        **dict(sorted(report.by_language.items())),
    }
    columns = list(scores)
    rows = {c: scores[c].summary() for c in columns}
    width = max(len(m) for m in TABLE_METRICS) + 2
    lines = [
        "field".ljust(width) + "".join(f"{c} ({scores[c].on_topic})".rjust(14) for c in columns)
    ]
    for metric in TABLE_METRICS:
        lines.append(
            metric.ljust(width) + "".join(f"{rows[c][metric]:.2f}".rjust(14) for c in columns)
        )
    lines.append(
        f"(* = the part the languages and misses cover; {report.part}: "
        f"{report.documents} articles, {report.overall.on_topic} on-topic)"
    )
    if report.hidden_misses:
        lines.append(
            f"{report.hidden_misses} misses in held-out files are not shown (--show-holdout)"
        )
    if report.misses:
        lines.append("")
        lines.append("misses:")
        for miss in report.misses:
            lines.append(
                f"  {miss['file']:<28} {miss['field']:<12} predicted={miss['predicted']!r}"
                f"  gold={miss['gold']!r}"
            )
    return "\n".join(lines)


def check_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """Messages for every ``--min field=value`` floor the report does not meet."""
    summary = report.overall.summary()
    failures = []
    for name, floor in floors.items():
        key = name if name in summary else f"{name}_f1"
        if key not in summary:
            failures.append(f"unknown field '{name}' (known: {', '.join(sorted(summary))})")
        elif summary[key] < floor:
            failures.append(f"{key} = {summary[key]:.3f} is below the floor {floor}")
    return failures

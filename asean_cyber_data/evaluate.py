"""Accuracy against hand-made gold annotations (``asean-cyber-data evaluate``).

A gold set is a folder with ``raw/`` articles and ``gold*.jsonl`` annotations (format:
the annotation guidelines). Every raw file is read and extracted exactly as the build
does, then compared field by field:

- language, date (right if in ``date_ok``), source (any listed spelling, case- and
  accent-insensitive), speaker (any listed form, honorifics ignored), principal
  partner: accuracy; an empty gold list means the right answer is null;
- partners: micro precision / recall / F1 of the code sets;
- initiatives: micro precision / recall / F1. A prediction is right when its name or
  surface fuzzily matches the gold name or an alias (:func:`initiative_matches`); a
  gold initiative marked ``optional`` is neither a miss nor a false hit;
- the wrong-value rate of date, source, speaker and partner: a value given that is not
  right (a null is a gap, not a wrong value), per on-topic article;
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
from .langdata import fold, read_yaml
from .models import Record
from .read import Reject

ACCURACY_FIELDS = ("language", "date", "source", "speaker", "partner")
#: Fields whose wrong values (given, but not right) are counted separately from gaps.
WRONG_VALUE_FIELDS = ("date", "source", "speaker", "partner")
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
            "by_language": {k: v.summary() for k, v in sorted(self.by_language.items())},
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
        return item, None
    return None, "no_document"


def _predicted_relevant(record: Record | None) -> bool:
    """Predicted on-topic: the article became a record that is not marked off-topic
    (a record kept with ``--keep-off-topic`` carries its own decision)."""
    if record is None:
        return False
    decided = getattr(getattr(record, "relevance", None), "relevant", None)
    return True if decided is None else bool(decided)


def _speaker_right(record: Record, gold: list[str]) -> bool:
    if not gold:
        return record.speaker is None
    if record.speaker is None:
        return False
    return _norm(record.speaker.name) in {_norm(g) for g in gold}


def _source_right(record: Record, gold: list[str]) -> bool:
    if not gold:
        return record.source.name is None
    return record.source.name is not None and _norm(record.source.name) in {_norm(g) for g in gold}


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
            (record.date if record else None) in (gold.get("date_ok") or [None]),
        ),
        "source": (
            record.source.name if record else None,
            gold.get("source"),
            bool(record and _source_right(record, gold.get("source") or [])),
        ),
        "speaker": (
            record.speaker.name if record and record.speaker else None,
            gold.get("speaker"),
            bool(record and _speaker_right(record, gold.get("speaker") or [])),
        ),
        "partner": (
            predicted_partners[0] if predicted_partners else None,
            gold_partners[0] if gold_partners else None,
            (predicted_partners[0] if predicted_partners else None)
            == (gold_partners[0] if gold_partners else None),
        ),
    }
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
    gold_items = gold.get("initiatives") or []
    predictions = [[i.name, i.surface] for i in record.initiatives] if record else []
    forms = [[g["name"], *g.get("aliases", [])] for g in gold_items]
    required = [not g.get("optional", False) for g in gold_items]
    tp_pred = pred = 0
    for p in predictions:
        hits = [i for i, f in enumerate(forms) if initiative_matches(p, f)]
        if hits and not any(required[i] for i in hits):
            continue  # matches only optional gold: neither right nor wrong
        pred += 1
        if hits:
            tp_pred += 1
        else:
            misses.append(
                {"file": gold["file"], "field": "initiatives", "predicted": p[1], "gold": None}
            )
    tp_gold = 0
    for index, f in enumerate(forms):
        if not required[index]:
            continue
        if any(initiative_matches(p, f) for p in predictions):
            tp_gold += 1
        else:
            misses.append(
                {"file": gold["file"], "field": "initiatives", "predicted": None, "gold": f[0]}
            )
    for s in scores:
        c = s.sets["initiatives"]
        c.tp_pred += tp_pred
        c.pred += pred
        c.tp_gold += tp_gold
        c.gold += sum(required)


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

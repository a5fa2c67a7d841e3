"""Relevance precision and recall on a gold set for a range of thresholds.

Every article is read and scored through the build's own per-document step (gate,
cleaning, relevance), kept whatever its score, and compared with the gold ``relevant``
at each threshold. Only numbers are printed — never a text, a file name or a per-article
score — so the held-out part can be measured without being read:

    python benchmarks/relevance_sweep.py ../shared/dev --part dev
    python benchmarks/relevance_sweep.py ../shared/dev --part holdout --thresholds 0.3

With ``--reasons`` it also counts, over the whole part, why gold on-topic articles fall
below a threshold (no cyber term, no cooperation term near a party, party rule, score).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from asean_cyber_data.build import process_path
from asean_cyber_data.evaluate import load_gold, protocol
from asean_cyber_data.models import Record
from asean_cyber_data.relevance import why_off_topic


def scores(gold_dir: Path, part: str) -> list[tuple[bool, float, str]]:
    """``(gold relevant, score, reason when off-topic)`` of every article of ``part``."""
    gold = load_gold(gold_dir)
    split = protocol()
    raw = gold_dir / "raw"
    out = []
    for name in sorted(gold):
        if part != "all" and split.part_of(name) != part:
            continue
        relevant = gold[name].get("relevant", True) is not False
        score, reason = 0.0, "not a record"
        for result in process_path(raw / name, raw, keep_off_topic=True):
            if isinstance(result, Record) and result.relevance is not None:
                score = result.relevance.score
                reason = why_off_topic(result.relevance)
            elif not isinstance(result, Record):
                reason = result.reason
        out.append((relevant, score, reason))
    return out


def measure(rows: list[tuple[bool, float, str]], threshold: float) -> dict[str, float]:
    tp = sum(1 for gold, score, _ in rows if gold and score >= threshold and score > 0)
    predicted = sum(1 for _, score, _ in rows if score >= threshold and score > 0)
    positives = sum(1 for gold, _, _ in rows if gold)
    return {
        "threshold": threshold,
        "precision": round(tp / predicted, 4) if predicted else 1.0,
        "recall": round(tp / positives, 4) if positives else 1.0,
        "kept": predicted,
        "on_topic": positives,
        "articles": len(rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--part", choices=("all", "dev", "holdout"), default="dev")
    parser.add_argument(
        "--thresholds",
        type=float,
        nargs="+",
        default=[0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6],
    )
    parser.add_argument("--reasons", action="store_true", help="count why on-topic ones miss")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = scores(args.gold_dir, args.part)
    table = [measure(rows, t) for t in args.thresholds]
    if args.json:
        print(json.dumps(table, indent=2))
    else:
        print("threshold  precision  recall  kept/articles")
        for row in table:
            print(
                f"{row['threshold']:>9.2f}  {row['precision']:>9.2f}  {row['recall']:>6.2f}"
                f"  {row['kept']}/{row['articles']} ({row['on_topic']} on-topic)"
            )
    if args.reasons:
        for threshold in args.thresholds:
            missed = Counter(
                reason if score == 0 else "below threshold"
                for gold, score, reason in rows
                if gold and (score == 0 or score < threshold)
            )
            print(f"on-topic below {threshold:.2f}: {dict(sorted(missed.items()))}")


if __name__ == "__main__":
    main()

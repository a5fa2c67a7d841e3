"""Measure the extractor on the development gold set and record the result.

    python scripts/accuracy.py [--dev ../shared/dev]

Writes ``asean_cyber_data/data/accuracy.json`` — the aggregate scores of every part
(all, the development part, the held-out part) and of every language, which the
release's dataset card prints — and prints the same numbers as the Markdown tables of
README's "Accuracy" section. Only aggregates are written or printed: the misses of
held-out articles stay unread (``evaluate --show-holdout`` is never used here).
``tests/test_evaluate.py`` checks that the committed file equals a new measurement.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from asean_cyber_data.evaluate import evaluate  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "dev"
DEFAULT_OUT = ROOT / "asean_cyber_data" / "data" / "accuracy.json"
#: Rows of the tables, in the order a reader wants them, with their labels.
ROWS = {
    "language": "language",
    "date": "date",
    "source": "source",
    "speaker": "speaker",
    "speaker_country": "speaker country",
    "partner": "principal partner",
    "partners_f1": "partners F1",
    "initiatives_precision": "initiatives precision",
    "initiatives_recall": "initiatives recall",
    "initiatives_f1": "initiatives F1",
    "date_wrong": "date wrong",
    "source_wrong": "source wrong",
    "speaker_wrong": "speaker wrong",
    "speaker_country_wrong": "speaker country wrong",
    "partner_wrong": "partner wrong",
    "relevance_precision": "relevance precision",
    "relevance_recall": "relevance recall",
}
PARTS = {"all": "all", "dev": "development part", "holdout": "held out"}


def _scores(block: dict[str, Any]) -> dict[str, Any]:
    found = {k: round(float(block[k]), 4) for k in ROWS if block.get(k) is not None}
    return {"documents": block["documents"], "on_topic": block["on_topic"], **found}


def measure(dev: Path) -> dict[str, Any]:
    """What ``data/accuracy.json`` holds: aggregates only, rounded to 4 places — every
    part's scores, and each part's scores by language."""
    reports = {part: evaluate(dev, part=part).to_json() for part in PARTS}
    first = reports["all"]
    return {
        "set": "development gold set (../shared/dev), annotation guidelines v2",
        "documents": first["documents"],
        "on_topic": first["on_topic"],
        "parts": {name: _scores(block) for name, block in first["parts"].items()},
        "by_language": {
            part: {code: _scores(b) for code, b in sorted(report["by_language"].items())}
            for part, report in reports.items()
        },
    }


def tables(measured: dict[str, Any]) -> str:
    """README's tables: the fields by part, then by language within each part."""
    parts = measured["parts"]
    head = " | ".join(f"{PARTS[p]} ({parts[p]['on_topic']})" for p in PARTS)
    lines = [f"| field | {head} |", "|---|" + "---|" * len(PARTS)]
    for key, label in ROWS.items():
        cells = " | ".join(f"{parts[p][key]:.2f}" if key in parts[p] else "–" for p in PARTS)
        lines.append(f"| {label} | {cells} |")
    for part, by in measured["by_language"].items():
        languages = list(by)
        lines += ["", f"{PARTS[part].capitalize()}, by language (on-topic articles):", ""]
        lines.append(
            "| field | " + " | ".join(f"{c} ({by[c]['on_topic']})" for c in languages) + " |"
        )
        lines.append("|---|" + "---|" * len(languages))
        for key, label in ROWS.items():
            cells = " | ".join(f"{by[c][key]:.2f}" if key in by[c] else "–" for c in languages)
            lines.append(f"| {label} | {cells} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="gold set folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="file to write")
    args = parser.parse_args(argv)
    measured = measure(args.dev)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(measured, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(tables(measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())

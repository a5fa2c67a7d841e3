"""Exports of the release: span labels for training, and the flat table for spreadsheets.

``asean-cyber-data export flat --out records.csv`` writes :func:`load_flat`'s table
(one row per article, plain columns) as CSV in UTF-8 with a byte-order mark, so Excel
shows Thai, Khmer or Vietnamese as they are.

``asean-cyber-data export spans`` writes one JSON line per record with:

- ``spans``: character spans ``{start, end, label, value}`` — exactly the record's
  evidence, with labels SPEAKER, TITLE, PARTNER, INITIATIVE, DATE, SOURCE;
- ``tokens`` / ``token_spans`` / ``tags``: a token-level BIO view of the same spans.

Tokenisation (documented, deterministic, no model): in scripts written with spaces a
token is a run of letters/digits (with inner hyphens or apostrophes) or one punctuation
mark — so a Vietnamese syllable is a token; in scripts written without spaces (Thai,
Lao, Khmer, Myanmar) a token is one character with its combining marks. A token is
tagged ``B-X`` when it starts a span labelled X and ``I-X`` inside it; where spans
overlap (a partner inside an initiative's name) the longer span keeps the tokens.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .load import load_flat, load_records
from .models import Record

LABELS = {
    "speaker": "SPEAKER",
    "speakers": "SPEAKER",
    "speaker_title": "TITLE",
    "partners": "PARTNER",
    "initiatives": "INITIATIVE",
    "date": "DATE",
    "event_date": "DATE",
    "source": "SOURCE",
}

_UNSPACED = "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
_MARKS = (
    "\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
    "\u102b-\u103e\u17b4-\u17d3"
)


def _token_pattern() -> Any:
    import re

    return re.compile(
        rf"[{_UNSPACED}][{_MARKS}]*"  # one unspaced-script character and its marks
        rf"|(?:(?![{_UNSPACED}])\w)+(?:[-'’](?:(?![{_UNSPACED}])\w)+)*"  # a word
        r"|[^\w\s]"  # one punctuation mark
    )


TOKEN = _token_pattern()


def tokenize(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every token of ``text`` (see the module docstring)."""
    return [(m.start(), m.end()) for m in TOKEN.finditer(text)]


def spans(record: Record) -> list[dict[str, Any]]:
    """The record's evidence as labelled character spans."""
    return [
        {"start": e.start, "end": e.end, "label": LABELS[e.field], "value": e.value}
        for e in record.evidence
        if e.field in LABELS
    ]


def bio(text: str, labelled: list[dict[str, Any]]) -> tuple[list[tuple[int, int]], list[str]]:
    """Tokens of ``text`` and their BIO tags for ``labelled`` spans."""
    tokens = tokenize(text)
    tags = ["O"] * len(tokens)
    for span in sorted(labelled, key=lambda s: (-(s["end"] - s["start"]), s["start"])):
        inside = [i for i, (s, e) in enumerate(tokens) if s < span["end"] and e > span["start"]]
        if not inside or any(tags[i] != "O" for i in inside):
            continue
        tags[inside[0]] = f"B-{span['label']}"
        for i in inside[1:]:
            tags[i] = f"I-{span['label']}"
    return tokens, tags


def span_rows(records: list[Record]) -> Iterator[dict[str, Any]]:
    for record in records:
        labelled = spans(record)
        tokens, tags = bio(record.text, labelled)
        yield {
            "id": record.id,
            "split": record.split,
            "language": record.language,
            "text": record.text,
            "spans": labelled,
            "tokens": [record.text[s:e] for s, e in tokens],
            "token_spans": [[s, e] for s, e in tokens],
            "tags": tags,
        }


def export_spans(out: Path, release: Path | None = None) -> int:
    """Write the span export of ``release`` (default: the published one) to ``out``."""
    records = load_records(release)
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for row in span_rows(records):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def export_flat(out: Path, release: Path | None = None) -> int:
    """Write the flat table of ``release`` (default: the published one) as CSV to ``out``
    (written beside it and renamed into place, so ``out`` is never half-written)."""
    frame = load_flat(release)
    partial = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as stream:
            frame.to_csv(stream, index=False, lineterminator="\n")
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return len(frame)

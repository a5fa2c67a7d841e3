"""The five seed articles match their hand-made gold annotations, field by field."""

from __future__ import annotations

import json

import pytest

from asean_cyber_data.evaluate import initiative_matches
from asean_cyber_data.extract import extract
from asean_cyber_data.extract.langdata import fold

from .conftest import DATA, RAW

GOLD = [json.loads(line) for line in (DATA / "seeds_gold.jsonl").read_text().splitlines()]


def record_for(gold: dict) -> object:
    path = RAW / gold["file"]
    return extract(path.read_text(encoding="utf-8"), id=path.stem, path=path.name)


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] + "-" + g["language"] for g in GOLD])
class TestSeed:
    def test_language(self, gold: dict) -> None:
        assert record_for(gold).language == gold["language"]

    def test_date(self, gold: dict) -> None:
        record = record_for(gold)
        assert record.date == gold["date"]
        assert record.date_precision == "day"

    def test_source(self, gold: dict) -> None:
        name = record_for(gold).source.name
        if gold["source"]:
            assert name is not None and fold(name) in {fold(s) for s in gold["source"]}
        else:
            assert name is None

    def test_speaker(self, gold: dict) -> None:
        speaker = record_for(gold).speaker
        if gold["speaker"]:
            assert speaker is not None and speaker.name in gold["speaker"]
            assert speaker.country == gold.get("speaker_country")
        else:
            assert speaker is None

    def test_partners(self, gold: dict) -> None:
        record = record_for(gold)
        assert [p.code for p in record.partners] == gold["partners"]
        assert (record.partner.code if record.partner else None) == (
            gold["partners"][0] if gold["partners"] else None
        )

    def test_required_initiatives_found(self, gold: dict) -> None:
        record = record_for(gold)
        predicted = [[i.name, i.surface] for i in record.initiatives]
        for item in gold["initiatives"]:
            if item.get("optional"):
                continue
            forms = [item["name"], *item["aliases"]]
            assert any(initiative_matches(p, forms) for p in predicted), item["name"]

    def test_no_false_initiatives(self, gold: dict) -> None:
        record = record_for(gold)
        forms = [[g["name"], *g["aliases"]] for g in gold["initiatives"]]
        for initiative in record.initiatives:
            assert any(
                initiative_matches([initiative.name, initiative.surface], f) for f in forms
            ), initiative.surface

    def test_evidence_points_into_text(self, gold: dict) -> None:
        record = record_for(gold)
        assert record.evidence
        for span in record.evidence:
            quoted = record.text[span.start : span.end]
            assert quoted.strip() == quoted and quoted

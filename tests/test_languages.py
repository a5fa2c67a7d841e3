"""Each language's test article gives its expected record, and every language file loads.

The articles under ``tests/data/articles/`` were written for these tests; their expected
records are in ``expected.jsonl`` (one object per article). Adding a language means
adding an article and a line there: the tests below pick both up.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from asean_cyber_data import extract
from asean_cyber_data.datafiles import DATA as PACKAGE_DATA
from asean_cyber_data.datafiles import read_yaml
from asean_cyber_data.extract.langdata import (
    BaseFile,
    LanguageFile,
    fold,
    language_file,
    languages,
    merge_policy,
    merged_words,
    pack,
)
from asean_cyber_data.models import Record

from .conftest import DATA

ARTICLES = DATA / "articles"
EXPECTED: list[dict[str, Any]] = [
    json.loads(line)
    for line in (ARTICLES / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
LANGUAGE_FILES = sorted(
    p.name.removesuffix(".yaml")
    for p in (PACKAGE_DATA / "lang").iterdir()
    if p.name.endswith(".yaml") and p.name != "base.yaml"
)


@cache
def record_for(file: str) -> Record:
    path = ARTICLES / file
    return extract(path.read_text(encoding="utf-8"), id=path.stem, path=path.name)


@cache
def ranked_for(file: str, field: str, data_key: str | None = None) -> list[str]:
    """The field's candidate values (or ``data[data_key]``), most probable first."""
    from asean_cyber_data.extract import prepare, read_fields
    from asean_cyber_data.extract.candidates import fitted_models, rank
    from asean_cyber_data.read import read_path

    doc = next(read_path(ARTICLES / file, ARTICLES))
    assert not hasattr(doc, "reason"), doc
    reading = read_fields(doc, prepare(doc))  # type: ignore[arg-type]
    ranked = rank(reading.candidates[field], fitted_models()[field])
    return [str(s.candidate.data[data_key]) if data_key else s.candidate.value for s in ranked]


def initiative_forms(record: Record) -> list[str]:
    return [fold(form) for i in record.initiatives for form in (i.name, i.surface)]


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["file"] for e in EXPECTED])
class TestArticle:
    def test_language(self, expected: dict[str, Any]) -> None:
        assert record_for(expected["file"]).language == expected["language"]

    def test_date(self, expected: dict[str, Any]) -> None:
        record = record_for(expected["file"])
        assert record.date == expected["date"]
        if expected["date"] is not None:
            assert record.date_precision == "day"

    # Language data is what these invented articles test: each language's files must let
    # the rules propose the right value and rank it first. Whether a value clears the
    # fitted abstain threshold is measured on real articles (``evaluate``), not here.
    def test_source(self, expected: dict[str, Any]) -> None:
        ranked = ranked_for(expected["file"], "source")
        if expected["source"] is None:
            assert record_for(expected["file"]).source.name is None
        else:
            assert ranked and fold(ranked[0]) == fold(expected["source"]), ranked

    def test_speaker(self, expected: dict[str, Any]) -> None:
        speaker = record_for(expected["file"]).speaker
        if expected["speaker"] is None:
            assert speaker is None
        else:
            assert speaker is not None and speaker.name == expected["speaker"]

    def test_partners(self, expected: dict[str, Any]) -> None:
        record = record_for(expected["file"])
        ranked = ranked_for(expected["file"], "partners")
        assert set(expected["partners"]) <= set(ranked), ranked
        principal = expected["partners"][0] if expected["partners"] else None
        assert (record.partner.code if record.partner else None) == principal
        # What the record lists is a subset of what the text names, principal first.
        assert {p.code for p in record.partners} <= set(expected["partners"])

    def test_initiatives(self, expected: dict[str, Any]) -> None:
        forms = [fold(value) for value in ranked_for(expected["file"], "initiatives", "name")]
        forms += [fold(value) for value in ranked_for(expected["file"], "initiatives")]
        for wanted in expected["initiatives"]:
            assert any(fold(wanted) in form for form in forms), (wanted, forms)


def _non_strings(value: Any, where: str) -> list[str]:
    """Entries of word lists that YAML read as something other than text."""
    if isinstance(value, dict):
        return [bad for key, item in value.items() for bad in _non_strings(item, f"{where}.{key}")]
    if isinstance(value, list):
        return [f"{where}: {item!r}" for item in value if not isinstance(item, str)]
    return []


#: What a language must say itself, not inherit from English: how it writes titles and
#: speech (every language has its own) and how its partners are named.
OWN_ESSENTIALS = ("titles", "honorifics", "speech_verbs", "cooperation_cues")


@pytest.mark.parametrize("code", LANGUAGE_FILES)
def test_language_file_loads(code: str) -> None:
    from lingua import Language

    data = read_yaml(f"lang/{code}.yaml")
    own = language_file(code)
    assert own.code == code and code in languages()
    language = pack(code)
    # pack() falls back to English for an unknown code: the code proves the file loaded.
    assert language.code == code
    for key in OWN_ESSENTIALS:
        assert getattr(own, key), f"{code}.yaml says nothing of its own for {key}"
    if code != "en":
        # The language's own words are in the pack, beside (not instead of) English's.
        assert set(own.titles) <= set(language.titles)
        assert set(language_file("en").titles) <= set(language.titles)
        assert set(own.titles) - set(language_file("en").titles)
    assert own.lingua or own.script_range
    if own.lingua:
        assert hasattr(Language, own.lingua)
    assert _non_strings(data, code) == []


def test_every_language_key_says_how_it_merges() -> None:
    policies = {
        key: merge_policy(key) for key in LanguageFile.model_fields if key not in ("code", "name")
    }
    assert set(policies.values()) <= {
        "own",
        "over_english",
        "over_english_and_cldr",
        "alongside_english",
    }
    assert policies["titles"] == "over_english" and policies["months"] == "over_english_and_cldr"
    assert policies["home_country"] == "own" and policies["initiatives"] == "alongside_english"


def test_a_misspelled_key_is_an_error() -> None:
    from pydantic import ValidationError

    data = dict(read_yaml("lang/ms.yaml"))
    data["speach_verbs"] = data.pop("speech_verbs")
    with pytest.raises(ValidationError, match="speach_verbs"):
        LanguageFile.model_validate(data)
    grammar = dict(data["initiatives"], head_before=["Mesyuarat"])
    with pytest.raises(ValidationError, match="head_before"):
        LanguageFile.model_validate({**read_yaml("lang/ms.yaml"), "initiatives": grammar})


def test_the_base_file_holds_no_words_of_any_language() -> None:
    base = read_yaml("lang/base.yaml")
    assert set(base) == set(BaseFile.model_fields)
    BaseFile.model_validate(base)


def test_own_policy_does_not_inherit_from_english() -> None:
    # English has no home country; Malay's is Malaysia, and it is not English's words.
    assert pack("en").home_country is None and pack("ms").home_country == "MY"
    assert pack("th").buddhist_era and not pack("en").buddhist_era
    assert merged_words("th", "speech_verbs")[: len(language_file("en").speech_verbs)] == tuple(
        language_file("en").speech_verbs
    )


def test_languages_include_tagalog_and_thai() -> None:
    assert {"tl", "th"} <= set(languages())


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "MAYNILA, ika-12 ng Marso 2024 — Sinabi ni Sec. Ramon Villanueva na makikipagtulungan "
            "ang Pilipinas sa Japan sa cybersecurity. — PNA",
            "2024-03-12",
        ),
        (
            "MAYNILA (3/12/2024) — may 12 bansa ang dumalo sa pulong ng ASEAN at Japan tungkol "
            "sa cybercrime, sabi ni Kalihim Ramon Villanueva.",
            "2024-03-12",
        ),
    ],
    ids=["tl-ika-ng", "tl-month-first-and-may"],
)
def test_filipino_dates(text: str, date: str) -> None:
    record = extract(text)
    assert record.language == "tl" and record.date == date
    assert record.speaker is not None and record.speaker.name == "Ramon Villanueva"

"""Burmese typed in the Zawgyi font encoding becomes Unicode before anything reads it.

The sentences are invented for these tests. Zawgyi forms come from ICU's reverse
transform (``my-Zawgyi``) and, independently of ICU, from hand-written Zawgyi words
(including the orderings Zawgyi typists use, which no encoder produces).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import icu
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asean_cyber_data import extract
from asean_cyber_data.build import build_release
from asean_cyber_data.clean import (
    ZAWGYI_THRESHOLD,
    _zawgyi_detector,
    repair,
    zawgyi_probability,
)

SENTENCES = (
    "မြန်မာနိုင်ငံ ဆိုက်ဘာလုံခြုံရေး ကော်မတီ၏ အစည်းအဝေးကို နေပြည်တော်တွင် ကျင်းပခဲ့သည်။",
    "ဂျပန်နိုင်ငံနှင့် မြန်မာနိုင်ငံတို့သည် ဆိုက်ဘာရာဇဝတ်မှု တိုက်ဖျက်ရေးတွင် ပူးပေါင်းဆောင်ရွက်ရန် သဘောတူခဲ့ကြသည်။",
    "ပြည်ထောင်စုဝန်ကြီး ဦးအောင်မြင့်က အွန်လိုင်းလိမ်လည်မှုများကို ကာကွယ်ရန် ပြည်သူများအား သတိပေးပြောကြားသည်။",
    "ဥက္ကဋ္ဌက မင်္ဂလာပါဟု နှုတ်ခွန်းဆက်စကား ပြောကြားပြီး ကုလသမဂ္ဂနှင့် ပူးပေါင်းမည်ဟု ဆိုသည်။",
    "ဆက်သွယ်ရေးနှင့် သတင်းအချက်အလက်ဝန်ကြီးဌာနသည် ကွန်ပျူတာအရေးပေါ်တုံ့ပြန်ရေးအဖွဲ့ (mmCERT) နှင့် ညှိနှိုင်းခဲ့သည်။",
    "စင်္ကာပူ၊ ဗီယက်နမ်၊ အင်ဒိုနီးရှားနှင့် ကမ္ဘောဒီးယားတို့မှ ကိုယ်စားလှယ်များ တက်ရောက်ကြသည်။",
)

#: (Zawgyi as typed, Unicode) — written by hand from the Zawgyi glyph table; several
#: Zawgyi orderings of one word ("လုံ"/"လံု", "ရွိ"/"ရိွ", "႔"/"႕") give the same Unicode.
HAND_WRITTEN = (
    ("ျမန္မာႏိုင္ငံ", "မြန်မာနိုင်ငံ"),
    ("ႀကီး", "ကြီး"),
    ("ျပည္ေထာင္စု", "ပြည်ထောင်စု"),
    ("ေနျပည္ေတာ္", "နေပြည်တော်"),
    ("လုံၿခဳံေရး", "လုံခြုံရေး"),
    ("လံုၿခံဳေရး", "လုံခြုံရေး"),
    ("ရွိ", "ရှိ"),
    ("ရိွ", "ရှိ"),
    ("အဖြဲ႕", "အဖွဲ့"),
    ("အဖြဲ႔", "အဖွဲ့"),
    ("ကမၻာ", "ကမ္ဘာ"),
    ("ကၽြန္ုပ္", "ကျွန်ုပ်"),
)


def to_zawgyi(text: str) -> str:
    return str(icu.Transliterator.createInstance("my-Zawgyi").transliterate(text))


@pytest.mark.parametrize("sentence", SENTENCES)
def test_zawgyi_sentence_comes_back_to_the_unicode_original(sentence: str) -> None:
    zawgyi = to_zawgyi(sentence)
    assert zawgyi != sentence
    assert zawgyi_probability(zawgyi) >= ZAWGYI_THRESHOLD
    assert repair(zawgyi) == (sentence, ("zawgyi-to-unicode",))


def test_hand_written_zawgyi_words_in_a_sentence_are_converted() -> None:
    zawgyi = " ".join(z for z, _ in HAND_WRITTEN)
    unicode = " ".join(u for _, u in HAND_WRITTEN)
    assert repair(zawgyi) == (unicodedata.normalize("NFC", unicode), ("zawgyi-to-unicode",))


@pytest.mark.parametrize(
    "text",
    [
        *SENTENCES,
        # Short lines the detector is unsure of stay as they are in a Unicode text.
        "နေပြည်တော်\n" + SENTENCES[0],
        "ဆိုက်ဘာ",
        "ไทย ร่วมกับรัสเซียและจีน เป็นประธานร่วม",
        "ກອງປະຊຸມສຸດຍອດອາຊຽນ ຄັ້ງທີ 44",
        "កិច្ចប្រជុំកំពូលអាស៊ាន នៅភ្នំពេញ",
        "Hội nghị Bộ trưởng số ASEAN lần thứ 4",
        "NAY PYI TAW, 3 March 2024 (GNLM) — Myanmar and Japan agreed.",
    ],
)
def test_unicode_burmese_and_other_scripts_are_byte_identical(text: str) -> None:
    assert repair(text) == (text, ())


def test_zawgyi_body_under_a_unicode_headline_converts_only_the_body() -> None:
    headline, body = SENTENCES[0], SENTENCES[1:]
    text = "\n".join([headline, *(to_zawgyi(s) for s in body)])
    assert repair(text) == ("\n".join(SENTENCES), ("zawgyi-to-unicode",))


def test_short_zawgyi_line_follows_a_zawgyi_document() -> None:
    # "မတ္လ" (March) alone is too short to judge; in a Zawgyi article it is Zawgyi too,
    # in a Unicode one the same bytes are left alone.
    assert 1 - ZAWGYI_THRESHOLD < zawgyi_probability("မတ္လ") < ZAWGYI_THRESHOLD
    text = "မတ္လ\n" + "\n".join(to_zawgyi(s) for s in SENTENCES)
    assert repair(text)[0] == "မတ်လ\n" + "\n".join(SENTENCES)
    unicode_text = "မတ္လ\n" + "\n".join(SENTENCES)
    assert repair(unicode_text) == (unicode_text, ())


def test_latin_words_inside_a_zawgyi_line_are_kept() -> None:
    line = "NAY PYI TAW (GNLM) – " + to_zawgyi(SENTENCES[4])
    fixed, _ = repair(line)
    assert fixed == "NAY PYI TAW (GNLM) – " + SENTENCES[4]
    assert "(mmCERT)" in fixed


def test_extract_records_the_repair_and_reads_unicode_text() -> None:
    article = "\n\n".join(to_zawgyi(s) for s in SENTENCES)
    record = extract(article)
    assert "zawgyi-to-unicode" in record.provenance.repairs
    assert record.language == "my"
    assert record.text == "\n\n".join(SENTENCES)


def test_build_converts_a_zawgyi_file_and_lists_the_repair(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "zawgyi.txt").write_text("\n\n".join(to_zawgyi(s) for s in SENTENCES), "utf-8")
    (raw / "unicode.txt").write_text("\n\n".join(reversed(SENTENCES)), "utf-8")
    out = tmp_path / "out"
    # The two files hold the same sentences: not syndicated copies here.
    build_release(raw, out, workers=1, cache=tmp_path / "cache.sqlite", keep_copies=True)
    records = {
        r["id"]: r for r in map(json.loads, (out / "records.jsonl").read_text().splitlines())
    }
    assert records["zawgyi"]["provenance"]["repairs"] == ["zawgyi-to-unicode"]
    assert records["zawgyi"]["text"] == "\n\n".join(SENTENCES)
    assert records["unicode"]["provenance"]["repairs"] == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*SENTENCES, *map(to_zawgyi, SENTENCES)]),
        min_size=1,
        max_size=3,
    ),
    st.integers(0, 40),
    st.integers(1, 400),
    st.sampled_from(["", " ASEAN ", "\n", "2024", "x"]),
)
def test_the_zawgyi_probability_is_the_detector_s_own(
    parts: list[str], start: int, length: int, glue: str
) -> None:
    """The faster sum equals myanmartools' ``get_zawgyi_probability`` exactly, on whole
    and cut sentences, Unicode and Zawgyi, with foreign characters between them."""
    text = glue.join(parts)[start : start + length]
    expected = max(0.0, float(_zawgyi_detector().get_zawgyi_probability(text)))
    assert zawgyi_probability(text) == (expected if any("က" <= c <= "႟" for c in text) else 0.0)

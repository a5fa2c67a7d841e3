"""The crawl-speed gate stops what cannot be on-topic and nothing the relevance stage
would keep: on invented articles, on generated variants of them, and on the development
set (file names only are ever printed, never a text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asean_cyber_data import read as read_module
from asean_cyber_data.build import build_release, process_path
from asean_cyber_data.clean import clean, is_zawgyi
from asean_cyber_data.evaluate import load_gold, protocol
from asean_cyber_data.extract.langdata import pack
from asean_cyber_data.extract.language import detect_language
from asean_cyber_data.gate import NO_CYBER, NO_PARTY, screen
from asean_cyber_data.models import Record
from asean_cyber_data.read import Document, read_path
from asean_cyber_data.relevance import assess

ON_TOPIC = (
    "Hà Nội, ngày 5/6/2023 - Việt Nam và Nhật Bản nhất trí tăng cường hợp tác an ninh mạng "
    "và phòng, chống tội phạm mạng, Thứ trưởng Bộ Công an cho biết."
)
UNRELATED = {
    "en": "The national team won the regional football cup on Sunday after a late goal.",
    "ms": "Pasukan bola sepak negara menjuarai piala serantau selepas jaringan lewat.",
    "th": "ทีมฟุตบอลทีมชาติคว้าแชมป์ระดับภูมิภาคเมื่อวันอาทิตย์หลังยิงประตูในช่วงท้าย",
    "vi": "Đội tuyển bóng đá quốc gia giành chức vô địch khu vực sau bàn thắng muộn.",
}


@pytest.mark.parametrize("code", sorted(UNRELATED))
def test_unrelated_news_is_stopped(code: str) -> None:
    assert screen(UNRELATED[code]) == NO_CYBER


def test_cyber_news_naming_no_party_is_stopped() -> None:
    assert screen("Hackers stole passwords in a phishing campaign, police said.") == NO_PARTY


def test_on_topic_article_passes_also_when_disguised() -> None:
    assert screen(ON_TOPIC) is None
    assert screen(ON_TOPIC.upper()) is None
    nfd = __import__("unicodedata").normalize("NFD", ON_TOPIC)
    assert screen(nfd) is None
    assert screen(ON_TOPIC.replace(" ", "\u00a0")) is None  # no-break spaces
    mojibake = ON_TOPIC.encode("utf-8").decode("cp1252", "replace")
    assert screen(mojibake) is None  # cleaning repairs it into the words


def test_zawgyi_burmese_passes_and_is_cleaned_to_unicode() -> None:
    import icu

    unicode_text = (
        "မြန်မာနှင့် ဂျပန် ဆိုက်ဘာလုံခြုံရေး ပူးပေါင်းဆောင်ရွက်မှု တိုးချဲ့မည်။ နှစ်နိုင်ငံ ကိုယ်စားလှယ်အဖွဲ့များ ဆွေးနွေးပွဲ ကျင်းပခဲ့ကြသည်။"
    )
    zawgyi = str(icu.Transliterator.createInstance("my-Zawgyi").transliterate(unicode_text))
    assert zawgyi != unicode_text and is_zawgyi(zawgyi) and not is_zawgyi(unicode_text)
    assert screen(zawgyi) is None
    cleaned = clean(zawgyi, pack("my"))
    assert "zawgyi-to-unicode" in cleaned.repairs and "ဆိုက်ဘာ" in cleaned.text


def test_off_topic_html_page_is_stopped_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "sport.html").write_text(f"<html><body><p>{UNRELATED['en']}</p></body></html>")
    (raw / "cyber.html").write_text(
        f"<html><body><article><p>{ON_TOPIC}</p></article></body></html>"
    )
    parsed: list[str] = []
    real = read_module._html_document
    monkeypatch.setattr(
        read_module, "_html_document", lambda html: parsed.append(html) or real(html)
    )
    (sport,) = process_path(raw / "sport.html", raw)
    assert getattr(sport, "reason", None) == "off_topic" and sport.score == 0.0  # type: ignore[union-attr]
    assert parsed == []  # trafilatura never saw it
    (cyber,) = process_path(raw / "cyber.html", raw)
    assert isinstance(cyber, Record) and len(parsed) == 1


def test_a_crawl_dump_is_every_line_accounted_for(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    lines = [{"id": f"n{i}", "text": UNRELATED["en"] + f" ({i})"} for i in range(40)]
    lines.insert(7, {"id": "on", "text": ON_TOPIC})
    (raw / "crawl.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    summary = build_release(raw, tmp_path / "out", workers=2, use_cache=False)
    assert (summary.records, summary.rejects, summary.off_topic) == (1, 0, 40)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["input_count"] == len(lines)


# Words the generated texts are made of: each language's own and the shared ones, in
# every case, with the space forms cleaning normalises.
_WORDS = [
    "cybersecurity",
    "Cyber-attacks",
    "scam",
    "hacking",
    "MoU",
    "cooperation",
    "ASEAN",
    "Malaysia",
    "Japan",
    "the",
    "police",
    "said",
    "an ninh mạng",
    "hợp tác",
    "Việt Nam",
    "Nhật Bản",
    "ไซเบอร์",
    "ความร่วมมือ",
    "ไทย",
    "จีน",
    "siber",
    "kerjasama",
    "Tiongkok",
    "សាយប័រ",
    "កិច្ចសហប្រតិបត្តិការ",
    "កម្ពុជា",
    "international cooperation",
    "Mekong",
    "cy",
    "ber",
    "an ninh",
    "mạng",
    "ความร่วม",
    "มือ",
    "ไซ",
    "เบอร์",
    "sca",
    "m",
]
_GLUE = [" ", "  ", "\u00a0", "\u200b", ", ", ".\n", "-", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=14))
def test_gate_never_stops_what_the_relevance_stage_would_score(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(word + glue for word, glue in parts)
    for variant in (text, text.upper(), text.lower()):
        code = detect_language(variant) if variant.strip() else "en"
        for language in {code, "en", "vi", "th", "km"}:
            cleaned = clean(variant, pack(language)).text
            if assess(cleaned, language).score > 0:
                assert screen(variant) is None, (language, variant)


def test_gate_keeps_every_development_article_the_relevance_stage_keeps(
    shared_dev: Path,
) -> None:
    """On the development set: every on-topic article the relevance stage can keep passes
    the gate (its recall relative to the rest of the build is 1.00), and the gate's own
    recall on on-topic articles stays at what it measures (README, "The crawl gate")."""
    gold = load_gold(shared_dev)
    raw = shared_dev / "raw"
    split = protocol()
    on_topic = stopped = 0
    lost: list[str] = []
    for name in sorted(gold):
        if gold[name].get("relevant", True) is False:
            continue
        on_topic += 1
        for item in read_path(raw / name, raw):
            if not isinstance(item, Document) or screen(item.text) is None:
                continue
            stopped += 1
            (kept,) = process_path(raw / name, raw, keep_off_topic=True)
            if isinstance(kept, Record) and kept.relevance and kept.relevance.relevant:
                lost.append(name if split.part_of(name) == "dev" else "(a held-out file)")
    assert lost == [], f"the gate stops on-topic articles the build would keep: {lost}"
    assert (on_topic - stopped) / on_topic >= 0.97, f"gate recall {on_topic - stopped}/{on_topic}"

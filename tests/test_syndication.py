"""Syndicated copies: near-duplicate articles are merged into one record.

The pairs are invented: a wire story, the same story under another outlet's headline
and sign-off, a rewrite of its lead paragraph, and a different story about the same
meeting.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from asean_cyber_data.build import build_release
from asean_cyber_data.syndication import settings, shingles, similarity
from asean_cyber_data.validate import validate_release

from .conftest import release_bytes

BODY = [
    "ASEAN and Japan agreed on Tuesday to set up a joint task force against online scam "
    "centres operating along the region's borders, the Malaysian Communications Minister "
    "Fahmi Fadzil said after the ASEAN-Japan Cybersecurity Policy Meeting in Kuala Lumpur.",
    "The task force will link the cybercrime units of the ten member states with Japan's "
    "National Police Agency and will meet every three months, he told reporters.",
    "Fahmi said more than 3,000 people from the region had been trafficked into scam "
    "compounds last year and forced to defraud victims through fake investment apps and "
    "romance schemes.",
    "Japan will fund forensic laboratories in Cambodia, Laos and Myanmar and train 500 "
    "investigators over two years under the ASEAN-Japan Cybersecurity Capacity Building "
    "Centre in Bangkok.",
    "The meeting also endorsed a checklist for telecommunications operators to block "
    "numbers used by scam syndicates within 24 hours of a police report.",
    "Officials will present the first results of the task force to the ASEAN Digital "
    "Ministers' Meeting in January, Fahmi added.",
]
WIRE = "KUALA LUMPUR, 12 March 2024 — " + "\n\n".join(BODY) + "\n\n— BERNAMA"
#: The same wire story under another outlet's headline and sign-off, a day later.
OUTLET = (
    "ASEAN, Japan form task force to fight scam centres\n\n"
    "KUALA LUMPUR, 13 March 2024 — " + "\n\n".join(BODY) + "\n\nReporting by The Star desk; "
    "editing by our regional team. Follow us for more news."
)
#: The lead paragraph rewritten, the rest of the wire story kept.
REWRITE = "\n\n".join(
    [
        "KUALA LUMPUR, 12 March 2024 — A new ASEAN-Japan task force will go after the scam "
        "compounds that have spread along Southeast Asia's borders, Communications Minister "
        "Fahmi Fadzil announced at a cybersecurity policy meeting with Tokyo on Tuesday.",
        *BODY[1:],
        "— The Star",
    ]
)
#: Another story about the same meeting: same people, place and topic, other facts.
OTHER = (
    "KUALA LUMPUR, 12 March 2024 — Japan's Vice-Minister for Internal Affairs Hiroshi "
    "Tanaka told the ASEAN-Japan Cybersecurity Policy Meeting in Kuala Lumpur that Tokyo "
    "would share threat intelligence on ransomware groups targeting hospitals.\n\n"
    "Tanaka said attacks on health systems in Thailand and Indonesia showed that the "
    "region needed a common incident reporting format, which Japan offered to draft "
    "with the ASEAN Regional Computer Emergency Response Team.\n\n"
    "Delegates from the Philippines and Vietnam asked for help in securing submarine "
    "cables and satellite ground stations, and a working group will report on it by "
    "the end of the year.\n\n"
    "The two-day meeting was chaired by Malaysia and closed with a joint statement on "
    "critical information infrastructure. — BERNAMA"
)
THAI_BODY = (
    "กรุงเทพฯ 12 มีนาคม 2567 — ไทยและญี่ปุ่นตกลงจัดตั้งคณะทำงานร่วมเพื่อปราบปรามแก๊ง"
    "คอลเซ็นเตอร์และการหลอกลวงทางออนไลน์ตามแนวชายแดน รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อ"
    "เศรษฐกิจและสังคมกล่าวภายหลังการประชุมนโยบายความมั่นคงปลอดภัยไซเบอร์อาเซียน-ญี่ปุ่น\n\n"
    "คณะทำงานจะเชื่อมโยงหน่วยงานปราบปรามอาชญากรรมทางเทคโนโลยีของทั้งสองประเทศ "
    "และจะประชุมกันทุกสามเดือน โดยญี่ปุ่นจะสนับสนุนการฝึกอบรมพนักงานสอบสวนห้าร้อยคน"
)


def score(a: str, b: str) -> float:
    return similarity(shingles(a), shingles(b))


def test_the_same_wire_story_under_another_headline_and_sign_off_is_a_copy() -> None:
    assert score(WIRE, OUTLET) >= max(settings().threshold, 0.8)


def test_a_rewrite_of_the_lead_paragraph_is_a_copy() -> None:
    assert score(WIRE, REWRITE) >= settings().threshold


def test_in_a_short_story_a_rewritten_lead_is_too_much_to_merge() -> None:
    """Three paragraphs, one rewritten: kept apart (the threshold errs on keeping)."""
    short = "\n\n".join(BODY[:3])
    rewritten = "\n\n".join([REWRITE.split("\n\n")[0], *BODY[1:3]])
    assert 0.3 < score(short, rewritten) < settings().threshold


def test_two_different_stories_about_the_same_meeting_are_not_copies() -> None:
    assert score(WIRE, OTHER) < 0.1


def test_thai_copies_are_compared_by_characters() -> None:
    copy = THAI_BODY.replace("กรุงเทพฯ 12 มีนาคม 2567 — ", "") + "\n\nที่มา: สำนักข่าวไทย"
    assert score(THAI_BODY, copy) >= settings().threshold
    assert score(THAI_BODY, "ข่าวกีฬา: ทีมชาติไทยชนะเวียดนามสองต่อหนึ่งในนัดชิงชนะเลิศ") < 0.1


def _jsonl(folder: Path, name: str, items: list[dict[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


ITEMS = [
    {"id": "star-1", "text": OUTLET, "source": "The Star", "url": "https://star.example/1"},
    {"id": "wire-1", "text": WIRE, "url": "https://wire.example/1"},
    # The dump names each item's outlet, as media-monitoring dumps do: what is tested here
    # is how copies are merged, not how a sign-off is read.
    {"id": "star-2", "text": REWRITE, "source": "The Star", "url": "https://star.example/2"},
    {"id": "other-1", "text": OTHER, "url": "https://wire.example/2"},
]


def _build(raw: Path, out: Path, **options: object) -> tuple[dict[str, dict], list[dict]]:
    build_release(raw, out, workers=1, use_cache=False, **options)  # type: ignore[arg-type]
    assert validate_release(out) == []
    records = [json.loads(x) for x in (out / "records.jsonl").read_text().splitlines()]
    rejects = [json.loads(x) for x in (out / "rejects.jsonl").read_text().splitlines()]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["input_count"] == len(records) + len(rejects) == len(ITEMS)
    return {r["id"]: r for r in records}, rejects


def test_copies_are_merged_into_the_earliest_wire_record(tmp_path: Path) -> None:
    _jsonl(tmp_path / "raw", "dump.jsonl", ITEMS)
    records, rejects = _build(tmp_path / "raw", tmp_path / "out")
    assert sorted(records) == ["other-1", "wire-1"]
    kept = records["wire-1"]
    assert kept["source"]["name"] == "Bernama"  # the wire, and dated 12 March like star-2
    assert [(c["id"], c["source"], c["url"]) for c in kept["copies"]] == [
        ("star-1", "The Star", "https://star.example/1"),
        ("star-2", "The Star", "https://star.example/2"),
    ]
    assert all(settings().threshold <= c["similarity"] <= 1 for c in kept["copies"])
    assert records["other-1"]["copies"] == []
    assert sorted((r["path"], r["reason"], r["id"]) for r in rejects) == [
        ("dump.jsonl#1", "near_duplicate_of", "wire-1"),
        ("dump.jsonl#3", "near_duplicate_of", "wire-1"),
    ]
    by_path = {r["path"]: r for r in rejects}
    copies = {c["id"]: c["similarity"] for c in kept["copies"]}
    assert by_path["dump.jsonl#1"]["similarity"] == copies["star-1"]
    assert "wire-1" in by_path["dump.jsonl#3"]["message"]


def test_the_earliest_dated_copy_is_kept_even_if_not_the_wire(tmp_path: Path) -> None:
    earlier = OUTLET.replace("13 March 2024", "11 March 2024")
    items = [{**ITEMS[0], "text": earlier}, ITEMS[1]]
    _jsonl(tmp_path / "raw", "dump.jsonl", items)
    build_release(tmp_path / "raw", tmp_path / "out", workers=1, use_cache=False)
    records = [json.loads(x) for x in (tmp_path / "out" / "records.jsonl").read_text().splitlines()]
    assert [(r["id"], [c["id"] for c in r["copies"]]) for r in records] == [("star-1", ["wire-1"])]


def test_the_result_depends_neither_on_input_order_nor_on_workers(tmp_path: Path) -> None:
    _jsonl(tmp_path / "a", "dump.jsonl", ITEMS)
    _jsonl(tmp_path / "b", "dump.jsonl", list(reversed(ITEMS)))
    forward, _ = _build(tmp_path / "a", tmp_path / "out-a")
    backward, _ = _build(tmp_path / "b", tmp_path / "out-b")

    def merged(records: dict[str, dict]) -> dict[str, list[tuple[str, float]]]:
        return {k: [(c["id"], c["similarity"]) for c in r["copies"]] for k, r in records.items()}

    assert merged(forward) == merged(backward)
    shutil.rmtree(tmp_path / "out-a")
    build_release(tmp_path / "a", tmp_path / "out-a", workers=1, use_cache=False)
    build_release(tmp_path / "a", tmp_path / "out-2", workers=2, use_cache=False)
    assert release_bytes(tmp_path / "out-a") == release_bytes(tmp_path / "out-2")


def test_keep_copies_keeps_every_outlet_as_a_record(tmp_path: Path) -> None:
    _jsonl(tmp_path / "raw", "dump.jsonl", ITEMS)
    records, rejects = _build(tmp_path / "raw", tmp_path / "out", keep_copies=True)
    assert sorted(records) == ["other-1", "star-1", "star-2", "wire-1"]
    assert rejects == []


@pytest.mark.parametrize("copies", [1, 40])
def test_a_story_with_many_copies_keeps_one_record(tmp_path: Path, copies: int) -> None:
    outlets = [
        {"id": f"outlet-{i:02d}", "text": OUTLET.replace("The Star desk", f"desk {i}")}
        for i in range(copies)
    ]
    _jsonl(tmp_path / "raw", "dump.jsonl", [*outlets, ITEMS[1]])
    build_release(tmp_path / "raw", tmp_path / "out", workers=1, use_cache=False)
    records = [json.loads(x) for x in (tmp_path / "out" / "records.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == ["wire-1"]
    assert len(records[0]["copies"]) == copies


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab_1 .,\u00e9\u0e01\u0e32\u1000\u17a0\u0e81-\n", max_size=60))
def test_words_and_unspaced_runs_are_tokenised_as_defined(text: str) -> None:
    """The token pattern's word class is "a letter or digit, not an underscore, not a
    letter of an unspaced script" — the same tokens as the plain lookahead form."""
    unspaced = "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
    plain = re.compile(rf"(?P<run>[{unspaced}]+)|(?P<word>(?:(?![{unspaced}])[^\W_])+)")
    assert settings().tokens.findall(text) == plain.findall(text)

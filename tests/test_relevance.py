"""Relevance (GUIDELINES v2 ``relevant``): on-topic articles become records with their
score and evidence; each kind of off-topic article is listed, compactly, with its score.

Every article here is invented for the test, in several of the shipped languages.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from asean_cyber_data import extract
from asean_cyber_data.build import build_release, process_path
from asean_cyber_data.datafiles import read_yaml
from asean_cyber_data.evaluate import _extract_file, evaluate
from asean_cyber_data.extract.langdata import PHRASE_SPACES, languages
from asean_cyber_data.relevance import (
    THRESHOLD,
    RelevanceTerms,
    language_terms,
)
from asean_cyber_data.validate import validate_release

from .conftest import cli, release_bytes

ON_TOPIC = {
    "en_on.txt": (
        "KUALA LUMPUR, 4 March 2024 — ASEAN and Japan agreed to deepen cooperation against "
        "cybercrime and online scams, signing a memorandum of understanding on cybersecurity "
        "capacity building. The ASEAN-Japan Cybersecurity Policy Meeting will meet again in "
        "Tokyo next year, officials said. — BERNAMA"
    ),
    "ms_on.txt": (
        "PUTRAJAYA, 9 Mei 2024 — Malaysia dan Australia menandatangani memorandum "
        "persefahaman bagi memperkukuh kerjasama keselamatan siber dan memerangi jenayah "
        "siber, kata Menteri Digital. Kedua-dua negara akan berkongsi maklumat ancaman siber."
    ),
    # Malaysian and Indonesian press name the crime without "siber": mule accounts
    # (written both "akaun keldai" and "keldai akaun"), telecommunication fraud.
    "ms_mules.txt": (
        "KUALA LUMPUR, 2 Jun 2024 — Malaysia dan Australia bersetuju bekerjasama membanteras "
        "akaun keldai dan penipuan telekomunikasi rentas sempadan, kata Ketua Polis Negara."
    ),
    # Scam compounds: the victims of fake job offers held in them (GUIDELINES: online
    # scams are cyber).
    "ms_compound.txt": (
        "PUTRAJAYA, 4 Jun 2024 — Malaysia dan Kemboja bersetuju bekerjasama menyelamatkan "
        "rakyat yang ditahan di pusat penipuan selepas terpedaya dengan tawaran kerja palsu."
    ),
    "id_telecom.txt": (
        "JAKARTA, 3 Juni 2024 — Indonesia dan Australia sepakat bekerja sama memberantas "
        "kejahatan telekomunikasi lintas negara dan meningkatkan keamanan daring, kata Kapolri."
    ),
    # Data breaches and computer crime, named in Malay and Indonesian without "siber".
    "ms_breach.txt": (
        "BANDAR SERI BEGAWAN, 5 Ogos 2024 — Brunei dan Singapura bersetuju bekerjasama "
        "menangani pelanggaran data dan jenayah komputer, kata Menteri Pengangkutan."
    ),
    "id_breach.txt": (
        "JAKARTA, 6 Agustus 2024 — Indonesia dan Korea Selatan sepakat bekerja sama mencegah "
        "pelanggaran data dan kejahatan komputer di sektor perbankan, kata Menteri."
    ),
    "vi_on.txt": (
        "Hà Nội, ngày 5/6/2023 - Việt Nam và Nhật Bản nhất trí tăng cường hợp tác an ninh "
        "mạng và phòng, chống tội phạm mạng, Thứ trưởng Bộ Công an cho biết tại hội đàm. "
        "Hai bên sẽ trao đổi thông tin về tấn công mạng.\n\nTheo TTXVN"
    ),
    "th_on.txt": (
        "กรุงเทพฯ 12 มีนาคม 2567 ไทยและจีนลงนามบันทึกความเข้าใจว่าด้วยความร่วมมือ "
        "ปราบปรามแก๊งคอลเซ็นเตอร์และอาชญากรรมทางเทคโนโลยี "
        "ทั้งสองฝ่ายจะแลกเปลี่ยนข้อมูลภัยคุกคามไซเบอร์"
    ),
    # Khmer names ICT security "technology security" (សន្តិសុខបច្ចេកវិទ្យា), with no word
    # for "cyber" in the sentence.
    "km_on.txt": (
        "ភ្នំពេញ៖ កម្ពុជា និងជប៉ុន បានចុះអនុស្សរណៈនៃការយោគយល់គ្នា "
        "ស្ដីពីកិច្ចសហប្រតិបត្តិការលើវិស័យសន្តិសុខបច្ចេកវិទ្យា ដើម្បីបណ្តុះបណ្តាលមន្ត្រីជំនាញ។"
    ),
}
OFF_TOPIC = {
    # cyber news with no ASEAN party
    "eu_japan.txt": (
        "BRUSSELS, 8 May 2024 — The European Union and Japan held their fifth cyber dialogue "
        "on Thursday and agreed to cooperate on ransomware, cyber resilience and information "
        "sharing between their computer emergency response teams."
    ),
    # ASEAN news with no cyber element
    "trade.txt": (
        "JAKARTA, 3 September 2023 — ASEAN economic ministers met their Chinese counterparts "
        "to discuss tariffs, rice supply chains and a new trade facilitation agreement. The "
        "ministers agreed to deepen cooperation on logistics and ports."
    ),
    # one country's domestic action: a national arrest, in Malay
    "arrest.txt": (
        "JOHOR BAHRU, 2 Julai 2024 — Polis menahan 40 suspek dalam serbuan ke atas sindiket "
        "penipuan dalam talian di sebuah kondominium, kata Ketua Polis Negeri. Sindiket itu "
        "menipu mangsa RM2 juta melalui pancingan data dan panggilan palsu."
    ),
    # one country's domestic action: a national law, in Vietnamese
    "law.txt": (
        "Hà Nội, ngày 12/6/2024 - Quốc hội thông qua Luật An ninh mạng sửa đổi với đa số "
        "đại biểu tán thành. Luật quy định trách nhiệm của doanh nghiệp viễn thông trong "
        "việc ngăn chặn tin tặc và mã độc."
    ),
    # one country's domestic action: foreigners arrested (nationals are not parties)
    "nationals.txt": (
        "BANGKOK, 3 May 2024 - Thai police arrested 12 Chinese nationals running a "
        "call-centre scam from a rented house, cheating victims through phishing messages, "
        "a police spokesman said."
    ),
    # a vendor's threat report, listing the countries it counted
    "vendor.txt": (
        "Security firm Kaspersky said in a report on Tuesday that phishing attacks in "
        "Southeast Asia rose 20 percent last year, with Indonesia, Vietnam and the "
        "Philippines the most targeted countries. Its researchers detected five million "
        "ransomware attempts and warned that cybercriminals were using malware."
    ),
    # unrelated news
    "sport.txt": (
        "The national football team won the regional cup on Sunday after a late goal in "
        "extra time. Fans celebrated in the streets of the capital while the coach praised "
        "the discipline of his young players."
    ),
}


def _write(folder: Path, articles: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")


def _listing(release: Path) -> list[dict[str, object]]:
    with gzip.open(release / "off_topic.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.mark.parametrize("name", sorted(ON_TOPIC))
def test_on_topic_articles_are_relevant_with_evidence(name: str) -> None:
    text = ON_TOPIC[name]
    record = extract(text)
    assert record.relevance is not None
    assert record.relevance.relevant and record.relevance.score >= THRESHOLD
    kinds = {e.kind for e in record.relevance.evidence}
    assert {"cyber", "cooperation", "asean_party"} <= kinds
    for item in record.relevance.evidence:  # offsets point into the cleaned text
        written = record.text[item.start : item.end]
        if item.kind in ("cyber", "cooperation"):
            assert written.lower().startswith(item.term.rstrip("*").lower()), (written, item)
        else:
            assert written.strip()


@pytest.mark.parametrize("name", sorted(OFF_TOPIC))
def test_each_kind_of_off_topic_article_is_not_relevant(name: str) -> None:
    record = extract(OFF_TOPIC[name])
    assert record.relevance is not None and not record.relevance.relevant


def test_build_lists_off_topic_articles_apart_with_their_score(tmp_path: Path) -> None:
    _write(tmp_path / "raw", {**ON_TOPIC, **OFF_TOPIC})
    out = tmp_path / "out"
    summary = build_release(tmp_path / "raw", out, workers=1, use_cache=False)
    assert validate_release(out) == []
    records = [json.loads(x) for x in (out / "records.jsonl").read_text().splitlines()]
    assert sorted(r["source"]["path"] for r in records) == sorted(ON_TOPIC)
    assert all(r["relevance"]["relevant"] for r in records)
    assert (out / "rejects.jsonl").read_text() == ""  # off-topic is not a failure
    listing = _listing(out)
    assert sorted(item["path"] for item in listing) == sorted(OFF_TOPIC)
    by_path = {item["path"]: item for item in listing}
    for item in listing:
        assert set(item) == {"path", "id", "score", "why"}
        assert 0 <= item["score"] < THRESHOLD  # type: ignore[operator]
    assert by_path["sport.txt"]["why"].startswith("gate:")  # type: ignore[union-attr]
    assert by_path["eu_japan.txt"]["why"] == "no ASEAN party with another party"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["off_topic_count"] == len(OFF_TOPIC) == summary.off_topic
    assert manifest["input_count"] == len(ON_TOPIC) + len(OFF_TOPIC)
    assert manifest["relevance"] == {"threshold": THRESHOLD, "keep_off_topic": False}
    assert "off_topic.jsonl.gz" in manifest["outputs"]
    assert not any(path in manifest["inputs"] for path in OFF_TOPIC)  # listed, not hashed
    assert "off-topic" in summary.line()


def test_off_topic_listing_is_reproducible_and_carries_no_timestamp(tmp_path: Path) -> None:
    _write(tmp_path / "raw", {**ON_TOPIC, **OFF_TOPIC})
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        build_release(tmp_path / "raw", tmp_path / name / "build", workers=1, use_cache=False)
    first, second = release_bytes(tmp_path / "a" / "build"), release_bytes(tmp_path / "b" / "build")
    assert first == second
    header = first["off_topic.jsonl.gz"][:10]
    assert header[4:8] == b"\x00\x00\x00\x00"  # gzip mtime 0
    assert header[3] & 0x08 == 0  # no file name stored


def test_keep_off_topic_keeps_them_as_records_with_the_score(tmp_path: Path) -> None:
    _write(tmp_path / "raw", {**ON_TOPIC, **OFF_TOPIC})
    out = tmp_path / "out"
    result = cli(
        "build", "--raw", str(tmp_path / "raw"), "--out", str(out), "--workers", "1",
        "--no-cache", "--keep-off-topic", "--quiet",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    records = {
        r["source"]["path"]: r
        for r in map(json.loads, (out / "records.jsonl").read_text().splitlines())
    }
    assert sorted(records) == sorted({**ON_TOPIC, **OFF_TOPIC})
    for path in OFF_TOPIC:
        assert records[path]["relevance"]["relevant"] is False
    assert _listing(out) == []
    assert json.loads((out / "manifest.json").read_text())["relevance"]["keep_off_topic"]


def test_relevance_threshold_option_moves_the_line(tmp_path: Path) -> None:
    _write(tmp_path / "raw", ON_TOPIC)
    scores = sorted(extract(t).relevance.score for t in ON_TOPIC.values())  # type: ignore[union-attr]
    out = tmp_path / "out"
    result = cli(
        "build", "--raw", str(tmp_path / "raw"), "--out", str(out), "--workers", "1",
        "--no-cache", "--quiet", "--relevance-threshold", str(scores[1]),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    kept = (out / "records.jsonl").read_text().splitlines()
    assert len(kept) == sum(1 for s in scores if s >= scores[1])
    assert len(_listing(out)) == len(ON_TOPIC) - len(kept)
    bad = cli(
        "build", "--raw", str(tmp_path / "raw"), "--out", str(out), "--relevance-threshold", "0"
    )
    assert bad.returncode != 0 and "threshold" in bad.stderr


def test_evaluate_decides_relevance_as_the_build_does(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    _write(gold_dir / "raw", {"en_on.txt": ON_TOPIC["en_on.txt"], **OFF_TOPIC})
    lines = [{"file": "en_on.txt", "language": "en", "date_ok": ["2024-03-04"]}]
    lines += [{"file": name, "language": "en", "relevant": False} for name in OFF_TOPIC]
    (gold_dir / "gold.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    raw = gold_dir / "raw"
    for name in OFF_TOPIC:
        record, reason = _extract_file(raw / name, raw)
        (built,) = process_path(raw / name, raw)
        assert record is None and reason == "off_topic" == getattr(built, "reason", None)
    summary = evaluate(gold_dir).overall.summary()
    assert summary["relevance_precision"] == 1.0 and summary["relevance_recall"] == 1.0


@pytest.mark.parametrize("code", languages())
def test_every_shipped_language_has_a_valid_relevance_block(code: str) -> None:
    terms = language_terms(code)
    assert terms.cyber and terms.cooperation
    block = read_yaml(f"lang/{code}.yaml")["relevance"]
    assert list(read_yaml(f"lang/{code}.yaml"))[-1] == "relevance"  # appended at the end
    assert RelevanceTerms.model_validate(block) == terms


def test_relevance_block_rejects_unknown_keys_and_bad_terms() -> None:
    with pytest.raises(ValidationError):
        RelevanceTerms.model_validate({"cyber": ["cyber*"], "cooperation": ["MoU"], "x": []})
    with pytest.raises(ValidationError):
        RelevanceTerms.model_validate({"cyber": ["cy*ber"], "cooperation": ["MoU"]})
    with pytest.raises(ValidationError):
        RelevanceTerms.model_validate({"cyber": [], "cooperation": ["MoU"]})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["ไซเบอร์", "ຄວາມປອດໄພ", "ဆိုက်ဘာ", "សន្តិសុខ", "ASEAN", "2024", ",", "a"]),
        max_size=8,
    ),
    st.lists(st.sampled_from([" ", "  ", "\n", ""]), min_size=8, max_size=8),
)
def test_phrase_spaces_are_the_runs_between_two_unspaced_letters(
    words: list[str], glue: list[str]
) -> None:
    """The fast pattern finds the runs of spaces the plain definition names: those with
    a letter of an unspaced script on both sides, whole."""
    text = "".join(word + space for word, space in zip(words, glue, strict=False))
    letter = "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
    plain = re.compile(f"(?<={letter}) +(?={letter})")
    found = [m.span() for m in PHRASE_SPACES.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]

"""Every input is accounted for: each kind of file the build accepts, each reject reason.

The tests write real files of each kind into a temporary raw folder and run the build
on it, as a user pointing the build at a folder they scraped would.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest

from asean_cyber_data.build import build_release
from asean_cyber_data.models import ID_PATTERN, split_of
from asean_cyber_data.read import document_id, id_suffix
from asean_cyber_data.validate import validate_release

from .conftest import RAW

ARTICLE = (
    "KUALA LUMPUR, 12 March 2024 — Malaysia and Japan will expand cybersecurity training "
    "under the ASEAN-Japan Cybersecurity Capacity Building Centre, Communications Minister "
    "Fahmi Fadzil said today.\n\nHe said Japan had funded courses for 800 officers. — BERNAMA"
)
VIETNAMESE = (
    "Hà Nội, ngày 5/6/2023 - Việt Nam và Nhật Bản nhất trí tăng cường hợp tác an ninh mạng, "
    "Thứ trưởng Bộ Công an Nguyễn Văn Long cho biết.\n\nTheo TTXVN"
)


def build(raw: Path, tmp_path: Path, **options: object) -> tuple[list[dict], list[dict]]:
    out = tmp_path / "out"
    build_release(raw, out, workers=1, cache=tmp_path / "cache.sqlite", **options)  # type: ignore[arg-type]
    assert validate_release(out) == []
    records = [json.loads(x) for x in (out / "records.jsonl").read_text().splitlines()]
    rejects = [json.loads(x) for x in (out / "rejects.jsonl").read_text().splitlines()]
    with gzip.open(out / "off_topic.jsonl.gz", "rt", encoding="utf-8") as listing:
        off_topic = [json.loads(x) for x in listing]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["input_count"] == len(records) + len(rejects) + len(off_topic)
    assert manifest["off_topic_count"] == len(off_topic)
    return records, rejects


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", VIETNAMESE.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + VIETNAMESE.encode("utf-8")),
        ("utf-16", codecs.BOM_UTF16_LE + VIETNAMESE.encode("utf-16-le")),
        ("utf-16", codecs.BOM_UTF16_BE + VIETNAMESE.encode("utf-16-be")),
        ("cp1252", ARTICLE.replace("—", "–").encode("cp1252")),
        ("latin-1", ARTICLE.replace("—", "-").replace("\n\n", "\n\x81\n").encode("latin-1")),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "cp1252", "latin1"],
)
def test_text_encodings_are_detected_and_recorded(
    raw: Path, tmp_path: Path, encoding: str, data: bytes
) -> None:
    (raw / "article.txt").write_bytes(data)
    records, rejects = build(raw, tmp_path)
    assert rejects == []
    (record,) = records
    assert record["provenance"]["encoding"] == encoding
    assert record["date"] in ("2023-06-05", "2024-03-12")
    assert record["partner"]["code"] == "JP"


def test_mojibake_input_is_repaired(raw: Path, tmp_path: Path) -> None:
    (raw / "broken.txt").write_text(
        VIETNAMESE.encode("utf-8").decode("cp1252", "replace"), encoding="utf-8"
    )
    (record,), _ = build(raw, tmp_path)
    assert "Hà Nội" in record["text"] and "ftfy" in record["provenance"]["repairs"]


def test_html_page_gives_text_and_metadata(raw: Path, tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    (raw / "page.html").write_text(
        "<html><head><title>Malaysia, Japan expand cyber training</title>"
        '<meta property="og:site_name" content="The Star">'
        '<link rel="canonical" href="https://www.thestar.com.my/news/2024/03/12/cyber">'
        '<meta property="article:published_time" content="2024-03-12T10:00:00+08:00">'
        "</head><body><nav>Home | News | Sport | Login</nav>"
        f"<article><h1>Malaysia, Japan expand cyber training</h1>{paragraphs}</article>"
        "<footer>Copyright Star Media Group. Leave a comment.</footer></body></html>",
        encoding="utf-8",
    )
    (record,), _ = build(raw, tmp_path)
    assert record["provenance"]["format"] == "html"
    assert record["provenance"]["title"] == "Malaysia, Japan expand cyber training"
    assert record["provenance"]["given_source"] == "The Star"
    assert record["source"]["url"] == "https://www.thestar.com.my/news/2024/03/12/cyber"
    assert "Home | News" not in record["text"]
    assert record["date"] == "2024-03-12"


def test_jsonl_dump_one_article_per_line(raw: Path, tmp_path: Path) -> None:
    lines = [
        {"id": "a-1", "text": ARTICLE, "url": "https://example.org/a", "source": "Bernama"},
        {"text": VIETNAMESE, "date": "2023-06-06", "title": "Hợp tác"},
        {"id": "../../escape", "text": ARTICLE.replace("Japan", "Korea")},
    ]
    (raw / "dump.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n{not json\n",
        encoding="utf-8",
    )
    records, rejects = build(raw, tmp_path)
    ids = {r["id"] for r in records}
    assert ids == {"a-1", "dump-2", f"escape-{id_suffix('../../escape')}"}
    by_id = {r["id"]: r for r in records}
    assert by_id["dump-2"]["date"] == "2023-06-06"  # given metadata is the publication date
    assert by_id["dump-2"]["provenance"]["line"] == 2
    assert by_id["a-1"]["source"]["url"] == "https://example.org/a"
    assert [r["reason"] for r in rejects] == ["invalid_json"]
    assert rejects[0]["path"] == "dump.jsonl#4"
    assert not (tmp_path / "escape").exists()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "undecodable"),
        # (a cyber word and a party, or the crawl gate would list them as off-topic first)
        ("numbers.txt", b"ASEAN cyber 12345 67890\n-- -- --\n", "not_an_article"),
        ("page.html", b"<html><body><nav>ASEAN cyber</nav></body></html>", "not_an_article"),
        ("data.csv", b"a,b\n1,2\n", "unsupported_format"),
    ],
)
def test_each_reject_reason(raw: Path, tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (raw / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / name).write_bytes(data)
    records, rejects = build(raw, tmp_path)
    assert len(records) == 1
    (reject,) = rejects
    assert reject["reason"] == reason and reject["path"] == name
    assert reject["message"] and len(reject["sha256"]) == 64


def test_too_large_files_are_not_read(raw: Path, tmp_path: Path) -> None:
    (raw / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "huge.txt").write_text(ARTICLE * 200, encoding="utf-8")
    _, rejects = build(raw, tmp_path, max_bytes=10_000)
    assert [(r["path"], r["reason"]) for r in rejects] == [("huge.txt", "too_large")]


def test_duplicates_are_rejected_and_same_names_keep_their_articles(
    raw: Path, tmp_path: Path
) -> None:
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "copy.txt").write_text(ARTICLE + "\n\nLeave a Reply\nnice", encoding="utf-8")
    (raw / "sub").mkdir()
    (raw / "sub" / "a.txt").write_text(VIETNAMESE, encoding="utf-8")
    records, rejects = build(raw, tmp_path)
    assert {r["source"]["path"]: r["id"] for r in records} == {
        "a.txt": "a",
        "sub/a.txt": f"a-{id_suffix('sub/a.txt')}",  # the same name, from its path
    }
    assert [(r["path"], r["reason"], r["message"]) for r in rejects] == [
        ("copy.txt", "duplicate_of", "same text as record a")
    ]


#: Invented articles that are different stories (not copies of one another, so the
#: near-duplicate stage keeps every one as its own record).
STORIES = (
    ARTICLE,
    VIETNAMESE,
    "JAKARTA, 4 April 2024 — Indonesia and Australia signed a memorandum on cybercrime "
    "investigations, BSSN head Hinsa Siburian told reporters after the signing.",
    "BANGKOK, 9 May 2024 — Thailand and the United States will cooperate against ransomware "
    "gangs that hit hospitals in three provinces, police chief Torsak Sukvimol said.",
    "MANILA, 21 June 2024 — The Philippines joined the Counter Ransomware Initiative led by "
    "the United States, information secretary Ivan Uy announced at a cyber defence forum.",
    "PHNOM PENH, 2 July 2024 — Cambodia and South Korea agreed to cooperate against online "
    "scam compounds, the interior ministry spokesman said after police rescued forty victims.",
)


def articles(count: int) -> list[str]:
    """``count`` articles that are different stories (none a copy of another)."""
    assert count <= len(STORIES)
    return list(STORIES[:count])


def test_file_names_in_every_script_keep_their_letters(raw: Path, tmp_path: Path) -> None:
    names = ["ข่าว.txt", "ข่าวสาร.txt", "bài báo Việt.txt", "ព័ត៌មាន.txt", "သတင်း.txt"]
    for name, text in zip(names, articles(len(names)), strict=True):
        (raw / name).write_text(text, encoding="utf-8")
    records, rejects = build(raw, tmp_path)
    assert rejects == []
    ids = {r["source"]["path"]: r["id"] for r in records}
    assert ids["ข่าว.txt"] == "ข่าว" and ids["ข่าวสาร.txt"] == "ข่าวสาร"
    assert ids["ព័ត៌មាន.txt"] == "ព័ត៌មាន" and ids["သတင်း.txt"] == "သတင်း"
    assert ids["bài báo Việt.txt"] == f"bài_báo_Việt-{id_suffix('bài báo Việt')}"


def test_an_nfd_name_gets_an_nfc_id(raw: Path, tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    (raw / f"{decomposed}.txt").write_text(VIETNAMESE, encoding="utf-8")
    ((record,), _) = build(raw, tmp_path)
    assert record["id"] == f"Việt_Nam-{id_suffix(decomposed)}"
    assert unicodedata.is_normalized("NFC", record["id"])


@pytest.mark.parametrize(
    "name",
    ["a\x01b", "-dash", ".hidden", "x" * 300, "ก" * 150, "tab\there", "zero\u200bwidth"],
    ids=["control", "dash", "dot", "long-ascii", "long-thai", "tab", "zero-width"],
)
def test_unsafe_names_make_path_safe_ids(name: str) -> None:
    made = document_id(name)
    assert re.fullmatch(ID_PATTERN, made), made
    assert len(made.encode("utf-8")) <= 255 and not made.startswith((".", "-", "_"))
    assert made == document_id(name)  # the same name always gives the same id


def test_names_that_slug_alike_are_all_kept_and_fixed_by_the_name(
    raw: Path, tmp_path: Path
) -> None:
    names = ["a b.txt", "a_b.txt", "a__b.txt", "a?b.txt"]
    texts = articles(len(names))
    for name, text in zip(names, texts, strict=True):
        (raw / name).write_text(text, encoding="utf-8")
    records, rejects = build(raw, tmp_path)
    assert rejects == []
    ids = {r["source"]["path"]: r["id"] for r in records}
    assert ids == {
        "a b.txt": f"a_b-{id_suffix('a b')}",
        "a?b.txt": f"a_b-{id_suffix('a?b')}",
        "a_b.txt": "a_b",
        "a__b.txt": "a__b",
    }
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "a b.txt").write_text(texts[0], encoding="utf-8")
    (tmp_path / "second").mkdir()
    ((record,), _) = build(alone, tmp_path / "second")
    assert record["id"] == ids["a b.txt"]  # not decided by which other names exist


def test_jsonl_ids_used_twice_keep_every_article(raw: Path, tmp_path: Path) -> None:
    first, second, third = articles(3)
    (raw / "dump.jsonl").write_text(
        "\n".join(json.dumps({"id": "story", "text": text}) for text in (first, second, third))
        + "\n",
        encoding="utf-8",
    )
    records, rejects = build(raw, tmp_path)
    assert rejects == []
    assert sorted(r["id"] for r in records) == sorted(
        ["story", f"story-{id_suffix('dump.jsonl#2')}", f"story-{id_suffix('dump.jsonl#3')}"]
    )
    for record in records:
        assert record["split"] == split_of(record["id"])


def test_article_without_date_or_speaker_is_still_a_record(raw: Path, tmp_path: Path) -> None:
    (raw / "plain.txt").write_text(
        "ASEAN members discussed cyber threats with the EU.", encoding="utf-8"
    )
    (record,), rejects = build(raw, tmp_path)
    assert rejects == []
    assert record["date"] is None and record["speaker"] is None
    assert record["partner"]["code"] == "EU"


def test_seed_folder_builds_without_rejects(tmp_path: Path) -> None:
    records, rejects = build(RAW, tmp_path)
    assert len(records) == 5 and rejects == []

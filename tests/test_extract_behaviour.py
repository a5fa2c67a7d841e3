"""What must hold of a record whatever the fitted weights: evidence that points into the
text and names its rule, no invented year, a speaker's country that is theirs — on
invented articles in several languages, through the public ``extract``."""

from __future__ import annotations

import pytest

from asean_cyber_data.extract import extract, prepare, read_fields, source, speaker
from asean_cyber_data.extract.langdata import fold, pack
from asean_cyber_data.models import Record

from .rules import article, document, filler, the

#: Every rule name an evidence item may carry, by field (the modules' docstrings).
SOURCE_RULES = {
    "dateline_parenthesis",
    "dateline_comma",
    "dateline_dash",
    "signoff",
    "credit_line",
    "copyright",
    "masthead",
    "follow_widget",
    "attribution",
    "registry_mention",
}
DATE_RULES = {"iso", "numeric", "day_month", "month_day", "month_only", "partial_numeric"}
INITIATIVE_RULES = {
    "head_last",
    "head_first",
    "head_first_quoted",
    "head_first_unspaced",
    "lowercase_head",
    "introducer",
    "quoted",
    "registry",
}
RULES_BY_FIELD = {
    "source": SOURCE_RULES,
    "date": DATE_RULES | {"year_from_meeting"},
    "event_date": {"lead_date", "lead_weekday", "weekday_dateline"},
    "speaker": {"cased_name", "honorific_name"},
    "speakers": {"cased_name", "honorific_name"},
    "speaker_title": {"title_near_name"},
    "partners": {"gazetteer"},
    "initiatives": INITIATIVE_RULES,
}

ARTICLES = [
    pytest.param(
        "PUTRAJAYA, 3 March 2024 (Bernama) -- Malaysia and Japan will deepen cooperation against "
        "online scams, Home Minister Datuk Seri Saifuddin Nasution Ismail said.\n\n"
        "He said the two countries would share information through the ASEAN Regional Forum "
        '(ARF).\n\n"We are ready," Saifuddin told reporters.',
        id="en",
    ),
    pytest.param(
        "JAKARTA, 3 Maret 2024 (Antara) - Indonesia dan Australia sepakat memperkuat kerja sama "
        "keamanan siber, kata Menteri Komunikasi Budi Santoso di Jakarta.\n\n"
        "Kedua negara menandatangani nota kesepahaman tentang keamanan siber.\n\n"
        "Budi mengatakan pelatihan akan dimulai bulan depan.",
        id="id",
    ),
    pytest.param(
        "HÀ NỘI, 03/12/2024 (TTXVN) - Việt Nam và Nhật Bản thống nhất tăng cường hợp tác an ninh "
        "mạng, Bộ trưởng Nguyễn Mạnh Hùng cho biết.\n\n"
        "Hai bên ký bản ghi nhớ về hợp tác an ninh mạng tại Hà Nội.\n\n"
        "Các chuyên gia sẽ được đào tạo tại Nhật Bản.",
        id="vi",
    ),
    pytest.param(
        "กรุงเทพฯ 14 พฤศจิกายน 2567 - นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงดิจิทัล กล่าวว่า "
        "ไทยและญี่ปุ่นจะร่วมมือกันด้านความมั่นคงไซเบอร์\n\n"
        "ไทยและญี่ปุ่นลงนามบันทึกความเข้าใจว่าด้วยความร่วมมือด้านไซเบอร์\n\n"
        "ที่มา: ข่าวเมกอง",
        id="th",
    ),
    pytest.param(
        "ភ្នំពេញ ៖ នៅថ្ងៃទី១៤ ខែវិច្ឆិកា ឆ្នាំ២០២៤ ឯកឧត្តម សុខ ចាន់ បានមានប្រសាសន៍ថា "
        "កម្ពុជា និងជប៉ុននឹងពង្រឹងកិច្ចសហប្រតិបត្តិការសន្តិសុខអ៊ីនធឺណិត។\n\n"
        "កម្ពុជា និងជប៉ុនបានចុះហត្ថលេខាលើអនុស្សរណៈយោគយល់ស្តីពីសន្តិសុខអ៊ីនធឺណិត។",
        id="km",
    ),
]


@pytest.mark.parametrize("text", ARTICLES)
def test_every_evidence_span_points_into_the_text_and_names_its_rule(text: str) -> None:
    record = extract(text)
    assert record.evidence, "an article with a dateline, a speaker and partners cites something"
    language = pack(record.language)
    for e in record.evidence:
        quoted = record.text[e.start : e.end]
        assert 0 <= e.start < e.end <= len(record.text) and quoted.strip(), e
        assert e.rule in RULES_BY_FIELD[e.field], e
        if e.field in ("speaker", "speakers"):
            assert quoted == e.value
        if e.field == "partners":
            assert [code for _s, _e, code in language.partners.finditer(quoted)] == [e.value]
        if e.field == "initiatives":
            names = {fold(i.name) for i in record.initiatives} | {
                fold(i.surface) for i in record.initiatives
            }
            assert fold(e.value) in names


def test_evidence_is_what_the_record_says() -> None:
    text = str(ARTICLES[0].values[0])
    record = extract(text)
    cited = {e.field: e for e in record.evidence}
    assert record.date is not None and cited["date"].value == record.date
    assert record.text[cited["date"].start : cited["date"].end] == "3 March 2024"
    if record.speaker is not None:
        assert cited["speaker"].value == record.speaker.name


@pytest.mark.parametrize(
    ("text"),
    [
        pytest.param(
            "Officials from Malaysia and Japan will meet on 14 November to review the plan to "
            "counter online scams, the ministry said.",
            id="en",
        ),
        pytest.param(
            "Para pejabat Indonesia dan Jepang akan bertemu pada 14 November untuk meninjau "
            "rencana melawan penipuan daring, kata kementerian.",
            id="id",
        ),
        pytest.param(
            "Các quan chức Việt Nam và Nhật Bản sẽ họp vào ngày 14 tháng 11 để rà soát kế hoạch "
            "chống lừa đảo trực tuyến, bộ cho biết.",
            id="vi",
        ),
        pytest.param(
            "เจ้าหน้าที่ไทยและญี่ปุ่นจะประชุมในวันที่ 14 พฤศจิกายน เพื่อทบทวนแผนต่อต้านการหลอกลวงออนไลน์",
            id="th",
        ),
    ],
)
def test_never_an_invented_year(text: str) -> None:
    """A date without a year, no year anywhere, no numbered meeting: the date is null."""
    record = extract(text)
    assert record.date is None and record.date_precision is None
    assert not [e for e in record.evidence if e.field == "date"]


SAIFUDDIN_LEAD = (
    "KUALA LUMPUR, 3 March 2024 (Bernama) -- Malaysia and Japan will deepen cooperation against "
    "online scams, Home Minister Datuk Seri Saifuddin Nasution Ismail said."
)


def test_the_speakers_country_is_the_outlets_member_state_not_the_partner_named() -> None:
    """Whatever the weights: the outlet the dateline names carries its country, and a
    speaker whose title names no country takes it — not Japan, named in the sentence."""
    a = article("en", SAIFUDDIN_LEAD)
    bernama = the(source.candidates(a), "Bernama", "dateline_parenthesis")
    person = the(speaker.candidates(a), "Saifuddin Nasution Ismail").data["person"]
    assert speaker.speaker_country(a, person, bernama.data["country"]) == "MY"


@pytest.mark.parametrize("lines", [0, 8], ids=["one-sentence", "long-article"])
def test_a_partner_named_beside_the_speaker_is_never_their_country(lines: int) -> None:
    text = SAIFUDDIN_LEAD + ("\n\n" + filler("en", lines) if lines else "")
    record: Record = extract(text)
    assert record.speaker is not None and record.speaker.name == "Saifuddin Nasution Ismail"
    assert record.speaker.country != "JP"
    if record.source.name == "Bernama":
        assert record.speaker.country == "MY"


def test_a_centre_named_before_the_speaker_is_not_the_speaker() -> None:
    text = (
        "PUTRAJAYA (Bernama) -- Malaysia will train 500 officers through the ASEAN-Japan "
        "Cybersecurity Capacity Building Centre, said Digital Minister Gobind Singh Deo."
    )
    a = article("en", text)
    values = {c.value for c in speaker.candidates(a)}
    assert "Gobind Singh Deo" in values
    assert "Cybersecurity Capacity Building" not in values
    record = extract(text)
    names = {record.speaker.name if record.speaker else None} | {s.name for s in record.speakers}
    assert "Cybersecurity Capacity Building" not in names


def test_a_one_sentence_english_lead_is_english() -> None:
    """Names say nothing of the language they stand in: the Malay place, outlet and titles
    of this English lead must not make it Malay."""
    record = extract(
        "Kuala Lumpur, 3 March 2024 (Bernama) -- Datuk Seri Saifuddin Nasution Ismail said the "
        "drill would be held in Putrajaya."
    )
    assert record.language == "en"


def test_vietnamese_trade_and_partnership_labels_get_no_registry_id() -> None:
    text = (
        "HÀ NỘI (TTXVN) - Việt Nam và Nhật Bản ký Hiệp định thương mại tự do (FTA) và nâng quan "
        "hệ lên Đối tác chiến lược.\n\nHai bên cũng thảo luận về an ninh mạng."
    )
    labels = {fold("Hiệp định thương mại tự do (FTA)"), fold("Đối tác chiến lược")}
    doc = document(text)
    reading = read_fields(doc, prepare(doc))
    proposed = [c for c in reading.candidates["initiatives"] if fold(c.value) in labels]
    assert {fold(c.value) for c in proposed} == labels
    assert all(c.data["id"] is None for c in proposed)
    record = extract(text)
    assert not [i for i in record.initiatives if fold(i.surface) in labels and i.id is not None]

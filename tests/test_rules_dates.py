"""Each date rule proposes the date it reads and says how its year was fixed; each date
feature tells candidates apart; and a year is never invented — on invented sentences
in several languages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asean_cyber_data.extract import dates
from asean_cyber_data.extract.langdata import languages, pack

from .rules import article, feature, filler, the

#: (language, text, value, the span's text, rule)
RULES = [
    pytest.param(
        "en",
        "Published 2024-03-03 10:00\nMalaysia will host a drill.",
        "2024-03-03",
        "2024-03-03",
        "iso",
        id="iso-en",
    ),
    pytest.param(
        "vi",
        "Cập nhật 2024-03-03\nViệt Nam sẽ tổ chức diễn tập.",
        "2024-03-03",
        "2024-03-03",
        "iso",
        id="iso-vi",
    ),
    pytest.param(
        "vi",
        "03/12/2024 08:15\nViệt Nam sẽ tổ chức diễn tập.",
        "2024-12-03",
        "03/12/2024",
        "numeric",
        id="numeric-day-first-vi",
    ),
    pytest.param(
        "id",
        "Jakarta, 03.12.2024 - Indonesia akan menggelar latihan.",
        "2024-12-03",
        "03.12.2024",
        "numeric",
        id="numeric-dots-id",
    ),
    pytest.param(
        "tl",
        "Maynila, 3/12/2024 - Magsasagawa ang Pilipinas ng pagsasanay.",
        "2024-03-12",
        "3/12/2024",
        "numeric",
        id="numeric-month-first-tl",
    ),
    pytest.param(
        "en",
        "KUALA LUMPUR, 3 March 2024 (Bernama) -- Malaysia will host.",
        "2024-03-03",
        "3 March 2024",
        "day_month",
        id="day_month-en",
    ),
    pytest.param(
        "id",
        "Jakarta, 3 Maret 2024 - Indonesia akan menggelar latihan siber.",
        "2024-03-03",
        "3 Maret 2024",
        "day_month",
        id="day_month-id",
    ),
    pytest.param(
        "vi",
        "Hà Nội, ngày 1 tháng 8 năm 2019 - Việt Nam sẽ tổ chức diễn tập.",
        "2019-08-01",
        "1 tháng 8 năm 2019",
        "day_month",
        id="day_month-vi",
    ),
    pytest.param(
        "th",
        "กรุงเทพฯ ๗ ตุลาคม ๒๕๖๓ ประเทศไทยจะจัดการซ้อมรับมือภัยไซเบอร์",
        "2020-10-07",
        "๗ ตุลาคม ๒๕๖๓",
        "day_month",
        id="day_month-buddhist-era-thai-digits-th",
    ),
    pytest.param(
        "km",
        "ភ្នំពេញ ៖ នៅថ្ងៃទី១៤ ខែវិច្ឆិកា ឆ្នាំ២០២៤ កម្ពុជានឹងរៀបចំសមយុទ្ធ។",
        "2024-11-14",
        "១៤ ខែវិច្ឆិកា ឆ្នាំ២០២៤",
        "day_month",
        id="day_month-khmer-digits-km",
    ),
    pytest.param(
        "fr",
        "PARIS, 14 novembre 2024 (AFP) - La France organisera un exercice.",
        "2024-11-14",
        "14 novembre 2024",
        "day_month",
        id="day_month-fr",
    ),
    pytest.param(
        "en",
        "WASHINGTON, March 3, 2024 (Reuters) - The United States will host.",
        "2024-03-03",
        "March 3, 2024",
        "month_day",
        id="month_day-en",
    ),
    pytest.param(
        "tl",
        "MAYNILA, Nobyembre 14, 2024 - Magsasagawa ang Pilipinas ng pagsasanay.",
        "2024-11-14",
        "Nobyembre 14, 2024",
        "month_day",
        id="month_day-tl",
    ),
    pytest.param(
        "en",
        "HANOI, March 2024 (VNA) - Vietnam will host a cyber drill.",
        "2024-03-01",
        "March 2024",
        "month_only",
        id="month_only-en",
    ),
    pytest.param(
        "id",
        "JAKARTA, Maret 2024 - Indonesia akan menggelar latihan siber.",
        "2024-03-01",
        "Maret 2024",
        "month_only",
        id="month_only-id",
    ),
    pytest.param(
        "vi",
        "Hà Nội, tháng 3 năm 2024 - Việt Nam sẽ tổ chức diễn tập.",
        "2024-03-01",
        "tháng 3 năm 2024",
        "month_only",
        id="month_only-vi",
    ),
    pytest.param(
        "id",
        "Jakarta - Latihan siber digelar pada Senin (4/9) dalam program 2023.",
        "2023-09-04",
        "4/9",
        "partial_numeric",
        id="partial_numeric-weekday-id",
    ),
    pytest.param(
        "vi",
        "Sáng 26/10, Việt Nam tổ chức diễn tập an ninh mạng năm 2025.",
        "2025-10-26",
        "26/10",
        "partial_numeric",
        id="partial_numeric-introduced-vi",
    ),
]


@pytest.mark.parametrize(("code", "text", "value", "span", "rule"), RULES)
def test_rule_proposes_the_date(code: str, text: str, value: str, span: str, rule: str) -> None:
    a = article(code, text)
    candidate = the(dates.candidates(a), value, rule)
    assert a.text[candidate.start : candidate.end] == span
    expected = "month" if rule == "month_only" else "day"
    assert candidate.data["precision"] == expected


#: (language, text, value, how the year was fixed)
YEARS = [
    pytest.param(
        "en",
        "PUTRAJAYA, 3 March 2024 (Bernama) -- Malaysia will host.",
        "2024-03-03",
        "written",
        id="written-en",
    ),
    pytest.param(
        "th",
        "เจ้าหน้าที่จะประชุมในวันที่ 14 พฤศจิกายน 2567 เพื่อทบทวนแผน",
        "2024-11-14",
        "written",
        id="written-buddhist-era-th",
    ),
    pytest.param(
        "en",
        "BANGKOK - Officials met on Friday (Sept 13) to plan the 2024 drill, after the 2022 "
        "review.",
        "2024-09-13",
        "weekday",
        id="weekday-en",
    ),
    pytest.param(
        "vi",
        "Hà Nội - Thứ Sáu (13/9), các quan chức họp để chuẩn bị diễn tập năm 2024, sau đợt "
        "rà soát năm 2022.",
        "2024-09-13",
        "weekday",
        id="weekday-vi",
    ),
    pytest.param(
        "id",
        "Latihan siber digelar pada Senin (4/9) dalam program 2023 dan 2024.",
        "2023-09-04",
        "weekday",
        id="weekday-id",
    ),
    pytest.param(
        "en",
        "A training centre opened in Bangkok on Friday (Sept 14) under the ASEAN-Japan "
        "Cybersecurity Capacity Building Centre programme.",
        "2018-09-14",  # the centre began in 2018; of 2018-2026 only 2018 has that Friday
        "weekday_registry",
        id="weekday_registry-en",
    ),
    pytest.param(
        "id",
        "Pusat pelatihan AJCCBC dibuka di Bangkok pada Jumat (14/9) untuk melatih petugas "
        "siber ASEAN.",
        "2018-09-14",
        "weekday_registry",
        id="weekday_registry-id",
    ),
    pytest.param(
        "en",
        "Officials will meet on 14 November at the 13th AMMTC in Vientiane.",
        "2019-11-14",
        "meeting",
        id="meeting-en",
    ),
    pytest.param(
        "id",
        "Para pejabat bertemu pada 14 November dalam AMMTC ke-13 di Vientiane.",
        "2019-11-14",
        "meeting",
        id="meeting-id",
    ),
    pytest.param(
        "en",
        "Officials will meet on 14 November to review the 2025 cyber plan.",
        "2025-11-14",
        "text_only",
        id="text_only-en",
    ),
    pytest.param(
        "ms",
        "Pegawai akan bertemu pada 14 November sebagai Pengerusi ASEAN 2025.",
        "2025-11-14",
        "text_only",
        id="text_only-ms",
    ),
    pytest.param(
        "th",
        "เจ้าหน้าที่จะประชุมในวันที่ 14 พฤศจิกายน เพื่อทบทวนแผนไซเบอร์ พ.ศ. 2567",
        "2024-11-14",
        "text_only",
        id="text_only-buddhist-era-th",
    ),
    pytest.param(
        "en",
        "Officials will meet on 14 November to review the 2023 and 2025 cyber plans.",
        "2025-11-14",
        "text_latest",
        id="text_latest-en",
    ),
    pytest.param(
        "vi",
        "Các quan chức sẽ họp vào ngày 14 tháng 11 để rà soát kế hoạch các năm 2023 và 2025.",
        "2025-11-14",
        "text_latest",
        id="text_latest-vi",
    ),
    pytest.param(
        "en",
        "Officials met on 14 November as ASEAN Chair 2025 to draft the 2026–2030 cyber strategy.",
        "2025-11-14",
        "text_only",
        id="text_only-period-is-no-year-en",
    ),
    pytest.param(
        "ms",
        "Pegawai bertemu pada 14 November sebagai Pengerusi ASEAN 2025 bagi merangka "
        "Strategi Keselamatan Siber ASEAN 2026-2030.",
        "2025-11-14",
        "text_only",
        id="text_only-period-is-no-year-ms",
    ),
    pytest.param(
        "vi",
        "Các quan chức họp ngày 14 tháng 11, năm Chủ tịch ASEAN 2025, về chiến lược "
        "giai đoạn 2026 - 2030.",
        "2025-11-14",
        "text_only",
        id="text_only-period-is-no-year-vi",
    ),
    pytest.param(
        "en",
        "Officials met on 6 November after the recent signing of the Hanoi Convention.",
        "2025-11-06",
        "recent_event",
        id="recent_event-en",
    ),
    pytest.param(
        "id",
        "Para pejabat bertemu pada 6 November setelah penandatanganan Konvensi Hanoi "
        "baru-baru ini.",
        "2025-11-06",
        "recent_event",
        id="recent_event-id",
    ),
    pytest.param(
        "en",
        "Officials met on 3 March after the recent signing of the Hanoi Convention.",
        "2026-03-03",
        "recent_event",
        id="recent_event-next-year-en",
    ),
]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "Officials will meet on 14 November on the 2026–2030 plan.", id="en"),
        pytest.param("id", "Pejabat bertemu pada 14 November membahas rencana 2021/2025.", id="id"),
        pytest.param(
            "tl", "Nagpulong ang mga opisyal noong 14 Nobyembre sa planong 2024-2028.", id="tl"
        ),
    ],
)
def test_a_period_of_years_gives_a_year_less_date_no_year(code: str, text: str) -> None:
    """The years of a period ("2026–2030") are a plan's span, not the year of the news."""
    assert not [c for c in dates.candidates(article(code, text)) if c.value.endswith("-11-14")]


@pytest.mark.parametrize(("code", "text", "value", "how"), YEARS)
def test_year_source_is_named(code: str, text: str, value: str, how: str) -> None:
    candidate = the(dates.candidates(article(code, text)), value)
    assert candidate.data["year"] == how


@pytest.mark.parametrize(
    ("code", "text", "evidence"),
    [
        pytest.param(
            "en",
            "Officials will meet on 14 November at the 13th AMMTC in Vientiane.",
            "13th AMMTC",
            id="en",
        ),
        pytest.param(
            "id",
            "Para pejabat bertemu pada 14 November dalam AMMTC ke-13 di Vientiane.",
            "AMMTC ke-13",
            id="id",
        ),
        pytest.param(
            "en",
            "Officials met on 6 November after the recent signing of the Hanoi Convention.",
            "Hanoi Convention",
            id="recent-event-en",
        ),
    ],
)
def test_a_year_not_written_with_the_date_keeps_the_span_that_fixed_it(
    code: str, text: str, evidence: str
) -> None:
    a = article(code, text)
    (candidate,) = dates.candidates(a)
    start, end = candidate.data["year_evidence"]
    assert a.text[start:end] == evidence


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "Officials will meet on 14 November to review the cyber plan.", id="en"),
        pytest.param(
            "en", "Officials will meet on November 14 to review the plan.", id="month-day-en"
        ),
        pytest.param(
            "id", "Para pejabat akan bertemu pada 14 November untuk meninjau rencana.", id="id"
        ),
        pytest.param(
            "vi", "Các quan chức sẽ họp vào ngày 14 tháng 11 để rà soát kế hoạch.", id="vi"
        ),
        pytest.param(
            "vi", "Sáng 26/10, các quan chức họp để rà soát kế hoạch an ninh mạng.", id="numeric-vi"
        ),
        pytest.param("th", "เจ้าหน้าที่จะประชุมในวันที่ 14 พฤศจิกายน เพื่อทบทวนแผนไซเบอร์", id="th"),
        pytest.param("ms", "Pegawai akan bertemu pada 14 November di Putrajaya.", id="ms"),
        pytest.param("tl", "Magpupulong ang mga opisyal sa Nobyembre 14 sa Maynila.", id="tl"),
    ],
)
def test_never_an_invented_year(code: str, text: str) -> None:
    """A month and a day with no year anywhere and no numbered meeting: no candidate."""
    assert dates.candidates(article(code, text)) == []


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param(
            "en", "BANGKOK - Officials met on Friday (Sept 14) to plan the 2024 drill.", id="en"
        ),
        pytest.param("id", "Latihan siber digelar pada Selasa (4/9) dalam program 2023.", id="id"),
    ],
)
def test_a_weekday_that_fits_no_written_year_gives_no_date(code: str, text: str) -> None:
    """14 September 2024 is a Saturday, 4 September 2023 a Monday: the weekday beside the
    date contradicts the only year written, so the date has no year at all."""
    assert dates.candidates(article(code, text)) == []


@pytest.mark.parametrize("code", languages())
def test_buddhist_era_only_where_the_language_data_says_so(code: str) -> None:
    """2567 is 2024 in the Buddhist Era; in other languages it is no year at all."""
    found = dates.candidates(article(code, "14/11/2567\n" + "x " * 20))
    if pack(code).buddhist_era:
        assert [c.value for c in found] == ["2024-11-14"]
    else:
        assert found == []


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        pytest.param("th", "วันที่ 14 พฤศจิกายน 2567 ประชุม", ["2024-11-14"], id="th"),
        pytest.param(
            "en", "Officials will meet on 14 November 2567 to review the plan.", [], id="en"
        ),
        pytest.param(
            "en",
            "Officials will meet on 14 November; the plan lists 2567 measures.",
            [],
            id="en-elsewhere",
        ),
        pytest.param("id", "Pejabat akan bertemu pada 14 November 2567 di Jakarta.", [], id="id"),
    ],
)
def test_buddhist_era_years_in_thai_never_in_english(
    code: str, text: str, expected: list[str]
) -> None:
    assert [c.value for c in dates.candidates(article(code, text))] == expected


def test_the_thai_data_says_buddhist_era_and_the_english_data_does_not() -> None:
    assert pack("th").buddhist_era and not pack("en").buddhist_era


#: A line of text well past the first 200 characters and four lines.
LATE = filler("en", 6)


FEATURES = [
    pytest.param(
        "en",
        ("KUALA LUMPUR, 3 March 2024 -- Drill.", "2024-03-03"),
        (f"{LATE}\nKUALA LUMPUR, 3 March 2024 -- Drill.", "2024-03-03"),
        "header",
        id="header-en",
    ),
    pytest.param(
        "en",
        ("KUALA LUMPUR, 3 March 2024 -- Drill.", "2024-03-03"),
        ("Headline\nKUALA LUMPUR, 3 March 2024 -- Drill.", "2024-03-03"),
        "first_line",
        id="first_line-en",
    ),
    pytest.param(
        "vi",
        ("Hà Nội, 01/08/2019 - Diễn tập.", "2019-08-01"),
        ("Tiêu đề\nHà Nội, 01/08/2019 - Diễn tập.", "2019-08-01"),
        "first_line",
        id="first_line-vi",
    ),
    pytest.param(
        "en",
        ("Headline\nKUALA LUMPUR, 3 March 2024 -- Drill.", "2024-03-03"),
        (f"{filler('en', 4)}\nKUALA LUMPUR, 3 March 2024 -- Drill.", "2024-03-03"),
        "early_line",
        id="early_line-en",
    ),
    pytest.param(
        "en",
        ("Signed on 3 March 2022. Published on 3 March 2024.", "2024-03-03"),
        ("Signed on 3 March 2022. Published on 3 March 2024.", "2022-03-03"),
        "position",
        id="position-en",
    ),
    pytest.param(
        "en",
        ("3 March 2024\nMalaysia will host a drill.", "2024-03-03"),
        ("KUALA LUMPUR, 3 March 2024 -- Malaysia will host a drill.", "2024-03-03"),
        "line_start",
        id="line_start-en",
    ),
    pytest.param(
        "id",
        ("3 Maret 2024\nIndonesia akan latihan.", "2024-03-03"),
        ("JAKARTA, 3 Maret 2024 - Indonesia akan latihan.", "2024-03-03"),
        "line_start",
        id="line_start-id",
    ),
    pytest.param(
        "en",
        ("KUALA LUMPUR, 3 March 2024 (Bernama) -- Drill.", "2024-03-03"),
        ("Officials met on 3 March 2024 in Kuala Lumpur.", "2024-03-03"),
        "dateline",
        id="dateline-en",
    ),
    pytest.param(
        "vi",
        ("Hà Nội, 01/08/2019 (TTXVN) - Diễn tập.", "2019-08-01"),
        ("Các quan chức họp 01/08/2019 tại Hà Nội.", "2019-08-01"),
        "dateline",
        id="dateline-vi",
    ),
    pytest.param(
        "en",
        ("KUALA LUMPUR, 3 March 2024 (Bernama) -- Drill.", "2024-03-03"),
        ("KUALA LUMPUR, 3 March 2024 -- Drill.", "2024-03-03"),
        "outlet_after",
        id="outlet_after-en",
    ),
    pytest.param(
        "fr",
        ("PARIS, 14 novembre 2024 (AFP) - Exercice.", "2024-11-14"),
        ("PARIS, 14 novembre 2024 - Exercice.", "2024-11-14"),
        "outlet_after",
        id="outlet_after-fr",
    ),
    pytest.param(
        "en",
        ("Posted on 3 March 2024\nMalaysia will host.", "2024-03-03"),
        ("Signed on 3 March 2024\nMalaysia will host.", "2024-03-03"),
        "publication_cue",
        id="publication_cue-en",
    ),
    pytest.param(
        "id",
        ("Diterbitkan 3 Maret 2024\nIndonesia akan latihan.", "2024-03-03"),
        ("Ditandatangani 3 Maret 2024\nIndonesia akan latihan.", "2024-03-03"),
        "publication_cue",
        id="publication_cue-id",
    ),
    pytest.param(
        "vi",
        ("(TTXVN) - Ngày 1/8/2019, Việt Nam diễn tập.", "2019-08-01"),
        ("(TTXVN) - Đến 1/8/2019, Việt Nam diễn tập.", "2019-08-01"),
        "introduced",
        id="introduced-vi",
    ),
    pytest.param(
        "th",
        ("กรุงเทพฯ วันที่ 14 พฤศจิกายน 2567 ประชุม", "2024-11-14"),
        ("กรุงเทพฯ 14 พฤศจิกายน 2567 ประชุม", "2024-11-14"),
        "introduced",
        id="introduced-th",
    ),
    pytest.param(
        "en",
        ("Posted 3 March 2024 10:30\nMalaysia will host.", "2024-03-03"),
        ("Posted 3 March 2024\nMalaysia will host.", "2024-03-03"),
        "time_after",
        id="time_after-en",
    ),
    pytest.param(
        "vi",
        ("03/12/2024 08:15\nViệt Nam diễn tập.", "2024-12-03"),
        ("03/12/2024\nViệt Nam diễn tập.", "2024-12-03"),
        "time_after",
        id="time_after-vi",
    ),
    pytest.param(
        "vi",
        ("Thứ Hai, 20/9/2021 15:3'(GMT+7)\nViệt Nam diễn tập.", "2021-09-20"),
        ("Thứ Hai, 20/9/2021\nViệt Nam diễn tập.", "2021-09-20"),
        "time_after",
        id="time_after-unpadded-minutes-vi",
    ),
    pytest.param(
        "ms",
        ("Isnin, 3 Mac 2024 9h5\nMalaysia akan menjadi tuan rumah.", "2024-03-03"),
        ("Isnin, 3 Mac 2024 9\nMalaysia akan menjadi tuan rumah.", "2024-03-03"),
        "time_after",
        id="time_after-h-ms",
    ),
    pytest.param(
        "id",
        ("Jakarta, Senin (4/3/2024) - Latihan.", "2024-03-04"),
        ("Jakarta, Senin 4/3/2024 - Latihan.", "2024-03-04"),
        "in_parentheses",
        id="in_parentheses-id",
    ),
    pytest.param(
        "en",
        ("Officials met on Monday, 4 March 2024.", "2024-03-04"),
        ("Officials met on 4 March 2024.", "2024-03-04"),
        "weekday_adjacent",
        id="weekday_adjacent-en",
    ),
    pytest.param(
        "id",
        ("Jakarta, Senin (4/3/2024) - Latihan.", "2024-03-04"),
        ("Jakarta, (4/3/2024) - Latihan.", "2024-03-04"),
        "weekday_adjacent",
        id="weekday_adjacent-id",
    ),
    pytest.param(
        "en",
        ("Officials met on Friday (Sept 13) for the 2024 drill, after 2022.", "2024-09-13"),
        ("Officials met on 13 September 2024 for the drill.", "2024-09-13"),
        "year_weekday",
        id="year_weekday-en",
    ),
    pytest.param(
        "en",
        ("Officials will meet on 14 November at the 13th AMMTC.", "2019-11-14"),
        ("Officials will meet on 14 November 2019 at the AMMTC.", "2019-11-14"),
        "year_meeting",
        id="year_meeting-en",
    ),
    pytest.param(
        "id",
        ("Pejabat bertemu pada 14 November dalam AMMTC ke-13.", "2019-11-14"),
        ("Pejabat bertemu pada 14 November 2019 dalam AMMTC.", "2019-11-14"),
        "year_meeting",
        id="year_meeting-id",
    ),
    pytest.param(
        "en",
        ("Officials will meet on 14 November to review the 2025 plan.", "2025-11-14"),
        ("Officials will meet on 14 November 2025 to review the plan.", "2025-11-14"),
        "year_text_only",
        id="year_text_only-en",
    ),
    pytest.param(
        "ms",
        ("Pegawai akan bertemu pada 14 November sebagai Pengerusi ASEAN 2025.", "2025-11-14"),
        ("Pegawai akan bertemu pada 14 November 2025 di Putrajaya.", "2025-11-14"),
        "year_text_only",
        id="year_text_only-ms",
    ),
    pytest.param(
        "en",
        (
            "Officials met on 6 November after the recent signing of the Hanoi Convention.",
            "2025-11-06",
        ),
        (
            "Officials met on 6 November 2025 after the signing of the Hanoi Convention.",
            "2025-11-06",
        ),
        "year_recent_event",
        id="year_recent_event-en",
    ),
    pytest.param(
        "en",
        ("Officials will meet on 14 November to review the 2023 and 2025 plans.", "2025-11-14"),
        ("Officials will meet on 14 November to review the 2025 plan.", "2025-11-14"),
        "year_text_latest",
        id="year_text_latest-en",
    ),
    pytest.param(
        "vi",
        ("Các quan chức họp ngày 14 tháng 11 về kế hoạch các năm 2023 và 2025.", "2025-11-14"),
        ("Các quan chức họp ngày 14 tháng 11 về kế hoạch năm 2025.", "2025-11-14"),
        "year_text_latest",
        id="year_text_latest-vi",
    ),
    pytest.param(
        "en",
        ("HANOI, March 2024 (VNA) - Drill.", "2024-03-01"),
        ("HANOI, 1 March 2024 (VNA) - Drill.", "2024-03-01"),
        "month_only",
        id="month_only-en",
    ),
    pytest.param(
        "vi",
        ("Hà Nội, tháng 3 năm 2024 - Diễn tập.", "2024-03-01"),
        ("Hà Nội, ngày 1 tháng 3 năm 2024 - Diễn tập.", "2024-03-01"),
        "month_only",
        id="month_only-vi",
    ),
    pytest.param(
        "en",
        ("Signed on 3 March 2022. Published on 3 March 2024.", "2024-03-03"),
        ("Signed on 3 March 2022. Published on 3 March 2024.", "2022-03-03"),
        "latest",
        id="latest-en",
    ),
    pytest.param(
        "ms",
        ("KUALA LUMPUR, 14 Nov 2024 - Latihan. Latihan pada 3 Januari 2022 batal.", "2022-01-03"),
        ("KUALA LUMPUR, 14 Nov 2024 - Latihan. Latihan pada 3 Januari 2024 batal.", "2024-01-03"),
        "older",
        id="older-ms",
    ),
    pytest.param(
        "en",
        ("Published on 3 March 2024. Signed on 3 March 2022.", "2024-03-03"),
        ("Published on 3 March 2024. Signed on 3 March 2022.", "2022-03-03"),
        "first_candidate",
        id="first_candidate-en",
    ),
    pytest.param(
        "en",
        ("3 March 2024\nThe plan was agreed on 3 March 2024.", "2024-03-03"),
        ("3 March 2024\nThe plan was agreed on 4 March 2024.", "2024-03-03"),
        "repeated",
        id="repeated-en",
    ),
    pytest.param(
        "vi",
        ("03/12/2024\nKế hoạch được thông qua ngày 3/12/2024.", "2024-12-03"),
        ("03/12/2024\nKế hoạch được thông qua ngày 4/12/2024.", "2024-12-03"),
        "repeated",
        id="repeated-vi",
    ),
]


@pytest.mark.parametrize(("code", "with_", "without", "name"), FEATURES)
def test_feature_tells_the_candidates_apart(
    code: str, with_: tuple[str, str], without: tuple[str, str], name: str
) -> None:
    high = the(dates.candidates(article(code, with_[0])), with_[1])
    low = the(dates.candidates(article(code, without[0])), without[1])
    assert feature(high, name) > feature(low, name), (feature(high, name), feature(low, name))


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param(
            "en",
            "Officials will meet on 14 November, between the 13th AMMTC and the 19th AMMTC.",
            id="en",
        ),
        pytest.param(
            "id", "Pejabat bertemu pada 14 November di AMMTC ke-13 dan AMMTC ke-19.", id="id"
        ),
        pytest.param(
            "vi",
            "Các quan chức họp ngày 14 tháng 11 tại AMMTC lần thứ 13 và AMMTC lần thứ 19.",
            id="vi",
        ),
        pytest.param(
            "ms", "Pegawai bertemu pada 14 November di AMMTC ke-13 dan AMMTC ke-19.", id="ms"
        ),
        pytest.param(
            "tl",
            "Nagpulong ang mga opisyal noong 14 Nobyembre sa ika-13 AMMTC at ika-19 AMMTC.",
            id="tl",
        ),
    ],
)
def test_each_numbered_meeting_reads_its_own_ordinal(code: str, text: str) -> None:
    """Each series name reads the ordinal attached to it, read whole ("lần thứ 19")."""
    years = sorted(year for year, _start, _end in dates.meeting_years(article(code, text)))
    assert years == [2019, 2025]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "Officials met at the 19th AMMTC and the SOMTC in Hanoi.", id="en"),
        pytest.param("id", "Pejabat bertemu di SOMTC dan AMMTC ke-19 di Hanoi.", id="id"),
    ],
)
def test_an_ordinal_is_read_by_the_nearest_series_name_only(code: str, text: str) -> None:
    """The other meeting's name stands between the ordinal and this one: not its number."""
    a = article(code, text)
    found = dates.meeting_years(a)
    assert [a.text[s:e] for _year, s, e in found] == [
        "19th AMMTC" if code == "en" else "AMMTC ke-19"
    ]


def test_an_ordinal_past_a_clause_boundary_is_not_the_meeting_s() -> None:
    text = "Officials met for the 13th time; AMMTC delegates agreed a plan."
    assert dates.meeting_years(article("en", text)) == []


def test_two_numbered_meetings_of_different_years_pin_no_year() -> None:
    text = "Officials will meet on 14 November, between the 13th AMMTC and the 19th AMMTC."
    assert not [c for c in dates.candidates(article("en", text)) if c.data["year"] == "meeting"]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param(
            "en",
            "A training centre opened in Bangkok on Friday (Sept 14) to train cyber officers.",
            id="weekday-without-a-mechanism-en",
        ),
        pytest.param(
            "en",
            "Officials will meet on 14 November to review the ASEAN Digital Masterplan 2030.",
            id="plan-year-en",
        ),
        pytest.param(
            "ms",
            "Pegawai akan bertemu pada 14 November bagi mengkaji Pelan Induk Digital ASEAN 2030.",
            id="plan-year-ms",
        ),
    ],
)
def test_no_year_from_a_weekday_alone_or_from_a_plan_after_the_release(
    code: str, text: str
) -> None:
    """A weekday fits a year every few years: with no year written and no mechanism to
    bound it, the date is no candidate. A year after the calendar's ``latest_year`` is a
    plan's horizon, not the year of the article."""
    assert dates.candidates(article(code, text)) == []


#: The numeric patterns as they read with the test of what precedes a number written
#: first; the shipped patterns test it after the first digit, and must find the same.
_LOOKBEHIND_FIRST = {
    "iso": r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)",
    "numeric": r"(?<![\d/.])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)"
    r"(?P<year>\d{4})(?!\d)",
    "partial_numeric": r"(?<![\d/.])(?P<day>\d{1,2})/(?P<month>\d{1,2})(?![\d/])",
    "year": r"(?<![\d.,/-])((?:19[6-9]|20[0-4])\d|25[0-9]\d)(?![\d.,]\d|\d)",
}


#: Numbers and separators dates are written with, in any order.
_DATE_PIECES = ["2024", "1999", "2549", "12", "3", "0", "-", "/", ".", ",", " ", "a", "๒"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=12))
def test_numeric_date_patterns_find_what_their_lookbehind_first_forms_find(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    shipped = dates._patterns("en")
    for kind, pattern in _LOOKBEHIND_FIRST.items():
        expected = [m.groups() for m in re.finditer(pattern, text)]
        assert [m.groups() for m in shipped[kind].finditer(text)] == expected, kind

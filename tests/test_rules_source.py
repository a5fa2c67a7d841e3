"""Each source rule proposes the outlet its shape names, and each source feature tells
the candidates apart, on invented articles in several languages."""

from __future__ import annotations

import pytest

from asean_cyber_data.extract import extract, source
from asean_cyber_data.extract.candidates import ANSWER
from asean_cyber_data.extract.langdata import fold
from asean_cyber_data.extract.registry import outlet_named, unlisted

from .rules import article, feature, filler, prepared, rules_of, the

#: (language, text, value, the span's text, rule)
RULES = [
    pytest.param(
        "en",
        "KUALA LUMPUR (Harbour Ledger) -- Malaysia will host a cyber drill next week.",
        "Harbour Ledger",
        "Harbour Ledger",
        "dateline_parenthesis",
        id="dateline_parenthesis-en",
    ),
    pytest.param(
        "id",
        "JAKARTA (Kabar Nusantara) - Indonesia akan menggelar latihan siber pekan depan.",
        "Kabar Nusantara",
        "Kabar Nusantara",
        "dateline_parenthesis",
        id="dateline_parenthesis-id",
    ),
    pytest.param(
        "vi",
        "HÀ NỘI (Tin Mekong) - Việt Nam sẽ tổ chức diễn tập an ninh mạng vào tuần tới.",
        "Tin Mekong",
        "Tin Mekong",
        "dateline_parenthesis",
        id="dateline_parenthesis-vi",
    ),
    pytest.param(
        "en",
        "Harbour Ledger, Kuala Lumpur - Malaysia will host a cyber drill next week.",
        "Harbour Ledger",
        "Harbour Ledger",
        "dateline_comma",
        id="dateline_comma-outlet-first-en",
    ),
    pytest.param(
        "id",
        "Jakarta, Kabar Nusantara - Indonesia akan menggelar latihan siber pekan depan.",
        "Kabar Nusantara",
        "Kabar Nusantara",
        "dateline_comma",
        id="dateline_comma-outlet-second-id",
    ),
    pytest.param(
        "vi",
        "Hà Nội, Tin Mekong - Việt Nam sẽ tổ chức diễn tập an ninh mạng vào tuần tới.",
        "Tin Mekong",
        "Tin Mekong",
        "dateline_comma",
        id="dateline_comma-vi",
    ),
    pytest.param(
        "en",
        "HarbourLedger.com - Malaysia will host a cyber drill next week.",
        "HarbourLedger.com",
        "HarbourLedger.com",
        "dateline_dash",
        id="dateline_dash-domain-en",
    ),
    pytest.param(
        "id",
        "KabarNusantara.id - Indonesia akan menggelar latihan siber pekan depan.",
        "KabarNusantara.id",
        "KabarNusantara.id",
        "dateline_dash",
        id="dateline_dash-domain-id",
    ),
    pytest.param(
        "th",
        "ข่าวเมกอง - ประเทศไทยจะจัดการซ้อมรับมือภัยไซเบอร์ในสัปดาห์หน้า",
        "ข่าวเมกอง",
        "ข่าวเมกอง",
        "dateline_dash",
        id="dateline_dash-th",
    ),
    pytest.param(
        "en",
        "Malaysia will host a cyber drill next week.\nBanks will take part. -- HARBOUR LEDGER",
        "HARBOUR LEDGER",
        "HARBOUR LEDGER",
        "signoff",
        id="signoff-dash-en",
    ),
    pytest.param(
        "id",
        "Indonesia akan menggelar latihan siber.\nBank akan ikut serta. (Kabar Nusantara)",
        "Kabar Nusantara",
        "Kabar Nusantara",
        "signoff",
        id="signoff-parenthesis-id",
    ),
    pytest.param(
        "vi",
        "Việt Nam sẽ tổ chức diễn tập an ninh mạng.\nCác ngân hàng sẽ tham gia.\n— TIN MEKONG",
        "TIN MEKONG",
        "TIN MEKONG",
        "signoff",
        id="signoff-vi",
    ),
    pytest.param(
        "en",
        "Malaysia will host a drill.\nBanks will take part.\nSource: Harbour Ledger",
        "Harbour Ledger",
        "Harbour Ledger",
        "credit_line",
        id="credit_line-en",
    ),
    pytest.param(
        "id",
        "Indonesia akan menggelar latihan siber.\nBank akan ikut serta.\nSumber: Kabar Nusantara",
        "Kabar Nusantara",
        "Kabar Nusantara",
        "credit_line",
        id="credit_line-id",
    ),
    pytest.param(
        "vi",
        "Việt Nam sẽ tổ chức diễn tập.\nCác ngân hàng sẽ tham gia.\nNguồn: Tin Mekong tại Hà Nội",
        "Tin Mekong",
        "Tin Mekong",
        "credit_line",
        id="credit_line-stops-at-stop-word-vi",
    ),
    pytest.param(
        "th",
        "ประเทศไทยจะจัดการซ้อมรับมือภัยไซเบอร์\nธนาคารจะเข้าร่วม\nที่มา: ข่าวเมกอง",
        "ข่าวเมกอง",
        "ข่าวเมกอง",
        "credit_line",
        id="credit_line-th",
    ),
    pytest.param(
        "en",
        "Malaysia will host a drill.\nBanks will join.\n© 2024 Harbour Ledger. All rights.",
        "Harbour Ledger",
        "Harbour Ledger",
        "copyright",
        id="copyright-en",
    ),
    pytest.param(
        "id",
        "Indonesia akan menggelar latihan siber.\nBank akan ikut serta.\nHak Cipta Kabar Nusantara",
        "Kabar Nusantara",
        "Kabar Nusantara",
        "copyright",
        id="copyright-hak-cipta-id",
    ),
    pytest.param(
        "en",
        "Harbour Ledger\nMalaysia will host a cyber drill next week, officials said on Monday.",
        "Harbour Ledger",
        "Harbour Ledger",
        "masthead",
        id="masthead-en",
    ),
    pytest.param(
        "vi",
        "Tin Mekong\nViệt Nam sẽ tổ chức diễn tập an ninh mạng vào tuần tới, bộ cho biết hôm nay.",
        "Tin Mekong",
        "Tin Mekong",
        "masthead",
        id="masthead-vi",
    ),
    pytest.param(
        "en",
        "Malaysia will host a drill.\nBanks will join.\nFollow Harbour Ledger on Google News",
        "Harbour Ledger",
        "Harbour Ledger",
        "follow_widget",
        id="follow_widget-en",
    ),
    pytest.param(
        "vi",
        "Việt Nam sẽ tổ chức diễn tập.\nCác ngân hàng sẽ tham gia.\nTheo dõi Tin Mekong trên Zalo",
        "Tin Mekong",
        "Tin Mekong",
        "follow_widget",
        id="follow_widget-vi",
    ),
    pytest.param(
        "id",
        "Indonesia akan latihan siber.\nBank ikut serta.\nIkuti berita Kabar Nusantara di X",
        "Kabar Nusantara",
        "Kabar Nusantara",
        "follow_widget",
        id="follow_widget-id",
    ),
    pytest.param(
        "en",
        "Malaysia will host a drill.\nThe minister told Bernama that banks would join.\nIt ends.",
        "Bernama",
        "Bernama",
        "attribution",
        id="attribution-en",
    ),
    pytest.param(
        "ms",
        "Malaysia akan mengadakan latihan siber.\nMenteri itu memberitahu Bernama bahawa bank akan "
        "menyertainya.\nIa tamat.",
        "Bernama",
        "Bernama",
        "attribution",
        id="attribution-ms",
    ),
    pytest.param(
        "id",
        "Indonesia akan menggelar latihan siber.\nMenteri mengatakan kepada Antara bahwa bank akan "
        "ikut.\nSelesai.",
        "ANTARA",
        "Antara",
        "attribution",
        id="attribution-canonical-id",
    ),
    pytest.param(
        "en",
        "Malaysia will host a drill.\nBanks will join, as Reuters reported earlier.\nIt ends.",
        "Reuters",
        "Reuters",
        "registry_mention",
        id="registry_mention-en",
    ),
    pytest.param(
        "vi",
        "Việt Nam sẽ tổ chức diễn tập.\nTheo TTXVN, các ngân hàng sẽ tham gia vào tuần tới.\nHết.",
        "TTXVN",
        "TTXVN",
        "registry_mention",
        id="registry_mention-vi",
    ),
]


#: A headline and a summary of bullets over the first paragraph (in a short article).
SUMMARY = {
    "id": ("Menteri Ajak Kawasan Lawan Penipuan Daring", "- Poin ringkasan berita ini."),
    "ms": ("Menteri Seru Rantau Tangani Penipuan Dalam Talian", "- Ringkasan berita ini."),
    "en": ("Minister Urges Region To Fight Online Scams", "- A point of the summary."),
}


@pytest.mark.parametrize(
    ("code", "dateline", "value", "rule"),
    [
        pytest.param(
            "id", "Jakarta, Warta Kota Kita -", "Warta Kota Kita", "dateline_comma", id="id"
        ),
        pytest.param(
            "ms",
            "KUALA LUMPUR (Harian Teluk) --",
            "Harian Teluk",
            "dateline_parenthesis",
            id="ms",
        ),
        pytest.param("en", "Harbour Ledger -", "Harbour Ledger", "dateline_dash", id="en"),
    ],
)
def test_a_dateline_under_a_summary_of_bullets_is_read(
    code: str, dateline: str, value: str, rule: str
) -> None:
    """Twelve lines: the dateline on the seventh is past the short article's top half,
    still among the first lines where datelines stand."""
    headline, bullet = SUMMARY[code]
    body = filler(code, 5)
    text = "\n".join([headline, *[bullet] * 5, f"{dateline} {body.splitlines()[0]}", body])
    assert rule in rules_of(the(source.candidates(article(code, text)), value, rule))


@pytest.mark.parametrize(("code", "text", "value", "span", "rule"), RULES)
def test_rule_proposes_the_outlet(code: str, text: str, value: str, span: str, rule: str) -> None:
    a = article(code, text)
    candidate = the(source.candidates(a), value, rule)
    assert a.text[candidate.start : candidate.end] == span
    assert candidate.field == "source"


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "JAKARTA - Indonesia will host a cyber drill next week.", id="en"),
        pytest.param(
            "id", "JAKARTA - Indonesia akan menggelar latihan siber pekan depan.", id="id"
        ),
        pytest.param("vi", "HÀ NỘI - Việt Nam sẽ tổ chức diễn tập an ninh mạng.", id="vi"),
    ],
)
def test_a_dateline_city_is_never_an_outlet(code: str, text: str) -> None:
    found = source.candidates(article(code, text))
    assert not [c for c in found if c.start == 0], [c.value for c in found]


@pytest.mark.parametrize(
    ("code", "masthead", "body"),
    [
        pytest.param(
            "en",
            "Ministry of Economy, Trade and Industry",
            "Japan and ASEAN held their cyber security policy meeting in Tokyo.",
            id="en",
        ),
        pytest.param(
            "ms",
            "Kementerian Sains, Teknologi dan Inovasi",
            "Malaysia dan Jepun mengadakan mesyuarat keselamatan siber di Tokyo.",
            id="ms",
        ),
    ],
)
def test_a_listed_publisher_whose_name_holds_a_comma_is_a_masthead(
    code: str, masthead: str, body: str
) -> None:
    a = article(code, f"{masthead}\n\n{body}\n\n{body}")
    candidate = the(source.candidates(a), masthead, "masthead")
    assert candidate.data["canonical"] == masthead


def test_an_unlisted_line_with_a_comma_is_no_masthead() -> None:
    """A comma marks a clause in a name no list knows ("Sport, Weather and Markets")."""
    a = article("en", "Sport, Weather and Markets\n\nJapan and ASEAN met in Tokyo on cyber.")
    assert not [c for c in source.candidates(a) if c.rule == "masthead" and "," in c.value]


def test_a_value_several_rules_propose_is_one_candidate_naming_every_rule() -> None:
    a = article("en", "PUTRAJAYA (Bernama) -- Malaysia will host a drill.\nIt ends. -- Bernama")
    bernama = [c for c in source.candidates(a) if c.value == "Bernama"]
    assert len(bernama) == 1
    assert {"dateline_parenthesis", "signoff", "registry_mention"} <= set(rules_of(bernama[0]))
    assert bernama[0].rule == "dateline_parenthesis"  # the first proposal's span is kept
    assert bernama[0].start == a.text.index("Bernama")


def test_registry_outlet_carries_its_canonical_name_and_country() -> None:
    a = article("id", "JAKARTA (Antara) - Indonesia akan menggelar latihan siber.")
    antara = the(source.candidates(a), "ANTARA", "dateline_parenthesis")
    assert antara.data["canonical"] == "ANTARA" and antara.data["country"] == "ID"
    unknown = the(
        source.candidates(article("id", "JAKARTA (Kabar Nusantara) - Indonesia akan latihan.")),
        "Kabar Nusantara",
    )
    assert unknown.data["canonical"] is None and unknown.data["country"] is None


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        pytest.param(
            "MANILA - The PNP worked with the Australian Federal Police (AFP) on the case.\n"
            "The AFP sent two investigators to Manila.",
            "AFP",
            id="en",
        ),
        pytest.param(
            "MAYNILA - Nakipagtulungan ang DND sa Armed Forces of the Philippines (AFP).\n"
            "Itatatag ang isang Cyber Command sa ilalim ng AFP.",
            "AFP",
            id="tl",
        ),
        pytest.param(
            "JAKARTA - Polri bekerja sama dengan Australian Federal Police (AFP).\n"
            "Kerja sama dengan AFP mencakup pelatihan penyidik siber.",
            "AFP",
            id="id",
        ),
    ],
)
def test_an_acronym_defined_as_another_registry_entry_is_marked_at_every_mention(
    text: str, acronym: str
) -> None:
    found = source.candidates(prepared(text))
    wire = [c for c in found if c.value == acronym]
    assert wire and feature(wire[0], "defined_otherwise") == 1.0, [c.value for c in found]
    body = [c for c in found if c.value != acronym]
    assert body and all(feature(c, "defined_otherwise") == 0.0 for c in body)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "MAYNILA — Nakipagtulungan ang Philippine National Police (PNP) sa Australian "
            "Federal Police (AFP) upang labanan ang online child exploitation.\n"
            "Ayon kay PNP Anti-Cybercrime Group director Brig. Gen. Bernard Yang, "
            "magkakaroon ng magkasanib na pagsasanay ang dalawang ahensya.\n"
            '"Malaki ang maitutulong ng Australia sa ating mga imbestigador," sabi ni Yang.\n'
            "Dumalo rin si Australian Ambassador HK Yu sa paglulunsad ng programa.",
            id="tl",
        ),
        pytest.param(
            "MANILA — The Philippine National Police (PNP) teamed up with the Australian "
            "Federal Police (AFP) against online child exploitation.\n"
            "PNP Anti-Cybercrime Group director Brig. Gen. Bernard Yang said the two "
            "agencies would hold joint training.\n"
            '"Australia will help our investigators a lot," Yang said.\n'
            "Australian Ambassador HK Yu also attended the launch of the programme.",
            id="en",
        ),
    ],
)
def test_a_police_force_s_acronym_is_not_read_as_the_wire_agency(text: str) -> None:
    assert extract(text).source.name != "AFP"


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "HANOI - The Vietnam News Agency (VNA) reported the drill.", id="en"),
        pytest.param("fr", "HANOÏ - La Vietnam News Agency (VNA) a annoncé l'exercice.", id="fr"),
    ],
)
def test_an_outlet_s_own_acronym_after_its_name_is_still_the_outlet(code: str, text: str) -> None:
    found = source.candidates(article(code, text))
    assert "Vietnam News Agency" in {c.data.get("canonical") for c in found}


@pytest.mark.parametrize(
    ("code", "text", "listed"),
    [
        ("en", "PUTRAJAYA (Bernama) -- Malaysia hosts a drill.\nIt ends. -- Bernama", "Bernama"),
        ("id", "JAKARTA (Antara) - Indonesia akan menggelar latihan siber.", "ANTARA"),
    ],
)
def test_an_unlisted_outlet_is_read_from_its_shape_alone(code: str, text: str, listed: str) -> None:
    """Within ``registry.unlisted`` the text reads as if no list named the outlet (how
    the fitting script measures the source model on outlets no list names); outside
    it, the registry is back."""
    with unlisted([listed]):
        assert outlet_named(listed) is None
        a = article(code, text)
        assert all(name != listed for _, _, name in a.outlets)
        found = [c for c in source.candidates(a) if fold(c.value) == fold(listed)]
        assert found and all(c.data["canonical"] is None for c in found)
        assert all(not c.features.get("registry") for c in found)
        assert not any("registry_mention" in rules_of(c) for c in found)
    assert outlet_named(listed) is not None
    assert the(source.candidates(article(code, text)), listed).data["canonical"] == listed


def _between(code: str, before: str, after: str) -> str:
    """``before`` and ``after`` with 14 lines between: the first six lines and the last
    six are far apart."""
    return f"{before}\n{filler(code, 7)}\n{filler(code, 7)}\n{after}"


def _middle(code: str, line: str) -> str:
    """``line`` as the thirteenth of twenty-five lines: below the first ten lines and
    above the last six, neither near the top nor the bottom."""
    return f"{filler(code, 12)}\n{line}\n{filler(code, 12)}"


#: (language, text, value, feature, its value) pairs of which the first must exceed the
#: second: (text, value) with the feature, then (text, value) without it.
FEATURES = [
    pytest.param(
        "en",
        ("KUALA LUMPUR (Bernama) -- Malaysia will host a drill.", "Bernama"),
        ("KUALA LUMPUR (Harbour Ledger) -- Malaysia will host a drill.", "Harbour Ledger"),
        "registry",
        id="registry-en",
    ),
    pytest.param(
        "vi",
        ("HÀ NỘI (TTXVN) - Việt Nam sẽ tổ chức diễn tập.", "TTXVN"),
        ("HÀ NỘI (Tin Mekong) - Việt Nam sẽ tổ chức diễn tập.", "Tin Mekong"),
        "registry",
        id="registry-vi",
    ),
    pytest.param(
        "en",
        ("HarbourLedger.com - Malaysia will host a drill.", "HarbourLedger.com"),
        ("Harbour Ledger - Malaysia will host a drill.", "Harbour Ledger"),
        "domain",
        id="domain-en",
    ),
    pytest.param(
        "id",
        ("KabarNusantara.id - Indonesia akan menggelar latihan.", "KabarNusantara.id"),
        ("Kabar Nusantara - Indonesia akan menggelar latihan.", "Kabar Nusantara"),
        "domain",
        id="domain-id",
    ),
    pytest.param(
        "en",
        ("Malaysia will host a drill.\nBanks join. -- HARBOUR LEDGER", "HARBOUR LEDGER"),
        ("Malaysia will host a drill.\nBanks join. -- Harbour Ledger", "Harbour Ledger"),
        "all_caps",
        id="all_caps-en",
    ),
    pytest.param(
        "vi",
        ("Việt Nam sẽ tổ chức diễn tập.\nNgân hàng tham gia.\n— TIN MEKONG", "TIN MEKONG"),
        ("Việt Nam sẽ tổ chức diễn tập.\nNgân hàng tham gia.\n— Tin Mekong", "Tin Mekong"),
        "all_caps",
        id="all_caps-vi",
    ),
    pytest.param(
        "en",
        ("KUALA LUMPUR (Harbour Times) -- Malaysia will host a drill.", "Harbour Times"),
        ("KUALA LUMPUR (Harbour Ledger) -- Malaysia will host a drill.", "Harbour Ledger"),
        "outlet_word",
        id="outlet_word-en",
    ),
    pytest.param(
        "vi",
        ("HÀ NỘI (Báo Mekong) - Việt Nam sẽ tổ chức diễn tập.", "Báo Mekong"),
        ("HÀ NỘI (Tin Mekong) - Việt Nam sẽ tổ chức diễn tập.", "Tin Mekong"),
        "outlet_word",
        id="outlet_word-vi",
    ),
    pytest.param(
        "en",
        ("Malaysia will host a drill.\nBanks join.\nSource: Japan", "Japan"),
        ("Malaysia will host a drill.\nBanks join.\nSource: Harbour Ledger", "Harbour Ledger"),
        "partner_name",
        id="partner_name-en",
    ),
    pytest.param(
        "id",
        ("Indonesia akan latihan.\nBank ikut.\nSumber: Jepang", "Jepang"),
        ("Indonesia akan latihan.\nBank ikut.\nSumber: Kabar Nusantara", "Kabar Nusantara"),
        "partner_name",
        id="partner_name-id",
    ),
    pytest.param(
        "en",
        ("The Vietnam News Agency (VNA) reported the arrests.", "Vietnam News Agency"),
        ("Police arrested ten people, officials told VNA on Monday.", "VNA"),
        "defines_acronym",
        id="defines_acronym-en",
    ),
    pytest.param(
        "id",
        ("Pak Kompas mengatakan bank akan ikut serta dalam latihan.", "Kompas"),
        ("Bank akan ikut serta dalam latihan, menurut Kompas hari ini.", "Kompas"),
        "after_honorific",
        id="after_honorific-id",
    ),
    pytest.param(
        "ms",
        ("Encik Kosmo! berkata bank akan menyertai latihan itu.", "Kosmo!"),
        ("Bank akan menyertai latihan itu, menurut Kosmo! hari ini.", "Kosmo!"),
        "after_honorific",
        id="after_honorific-ms",
    ),
    pytest.param(
        "en",
        ("Malaysia will host a drill.\nBanks join.\nPhoto: Bernama", "Bernama"),
        ("Malaysia will host a drill.\nBanks join.\nSource: Bernama", "Bernama"),
        "photo_credit",
        id="photo_credit-en",
    ),
    pytest.param(
        "id",
        ("Indonesia akan latihan.\nBank ikut.\nFoto: Antara", "ANTARA"),
        ("Indonesia akan latihan.\nBank ikut.\nSumber: Antara", "ANTARA"),
        "photo_credit",
        id="photo_credit-id",
    ),
    pytest.param(
        "en",
        ("KUALA LUMPUR (Ledger) -- Malaysia will host a drill.", "Ledger"),
        ("KUALA LUMPUR (Harbour Ledger) -- Malaysia will host a drill.", "Harbour Ledger"),
        "one_word",
        id="one_word-en",
    ),
    pytest.param(
        "en",
        (
            "Malaysia will host a drill.\nBanks join.\nSource: The Harbour Ledger Evening Cyber "
            "Report",
            "The Harbour Ledger Evening Cyber Report",
        ),
        ("Malaysia will host a drill.\nBanks join.\nSource: Harbour Ledger", "Harbour Ledger"),
        "long",
        id="long-en",
    ),
    pytest.param(
        "en",
        (_between("en", "KUALA LUMPUR (Harbour Ledger) -- Drill.", "The end."), "Harbour Ledger"),
        (_between("en", "The start.", "The drill ends. -- Harbour Ledger"), "Harbour Ledger"),
        "top",
        id="top-en",
    ),
    pytest.param(
        "en",
        (_between("en", "KUALA LUMPUR (Harbour Ledger) -- Drill.", "The end."), "Harbour Ledger"),
        (
            _between("en", "Headline\nKUALA LUMPUR (Harbour Ledger) -- Drill.", "End."),
            "Harbour Ledger",
        ),
        "first_line",
        id="first_line-en",
    ),
    pytest.param(
        "id",
        (_between("id", "JAKARTA (Kabar Nusantara) - Latihan.", "Akhir."), "Kabar Nusantara"),
        (
            _between("id", "Judul\nJAKARTA (Kabar Nusantara) - Latihan.", "Akhir."),
            "Kabar Nusantara",
        ),
        "first_line",
        id="first_line-id",
    ),
    pytest.param(
        "en",
        (_between("en", "The start.", "The drill ends. -- Harbour Ledger"), "Harbour Ledger"),
        (_between("en", "KUALA LUMPUR (Harbour Ledger) -- Drill.", "The end."), "Harbour Ledger"),
        "bottom",
        id="bottom-en",
    ),
    pytest.param(
        "en",
        (_middle("en", "The minister told Bernama so."), "Bernama"),
        (_between("en", "PUTRAJAYA (Bernama) -- Drill.", "The end."), "Bernama"),
        "middle",
        id="middle-en",
    ),
    pytest.param(
        "en",
        ("KUALA LUMPUR (Harbour Ledger) -- Drill.\nIt ends. -- Harbour Ledger", "Harbour Ledger"),
        ("KUALA LUMPUR (Harbour Ledger) -- Drill.\nIt ends.", "Harbour Ledger"),
        "repeated",
        id="repeated-en",
    ),
    pytest.param(
        "en",
        ("KUALA LUMPUR (Harbour Ledger) -- Drill.\nIt ends.", "Harbour Ledger"),
        (f"KUALA LUMPUR (Harbour Ledger) -- Drill.\n{filler('en', 3)}", "Harbour Ledger"),
        "lines_short",
        id="lines_short-en",
    ),
    pytest.param(
        "en",
        ("Harbour Ledger, Kuala Lumpur - Malaysia will host a drill.", "Harbour Ledger"),
        ("Kuala Lumpur, Harbour Ledger - Malaysia will host a drill.", "Harbour Ledger"),
        "first_side",
        id="first_side-en",
    ),
    pytest.param(
        "id",
        ("Kabar Nusantara, Jakarta - Indonesia akan latihan.", "Kabar Nusantara"),
        ("Jakarta, Kabar Nusantara - Indonesia akan latihan.", "Kabar Nusantara"),
        "first_side",
        id="first_side-id",
    ),
    pytest.param(
        "en",
        ("Harbour Ledger, Kuala Lumpur - Malaysia will host a drill.", "Harbour Ledger"),
        ("Harbour Ledger, Evening Edition - Malaysia will host a drill.", "Harbour Ledger"),
        "other_is_place",
        id="other_is_place-en",
    ),
    pytest.param(
        "vi",
        ("Tin Mekong, Hà Nội - Việt Nam sẽ tổ chức diễn tập.", "Tin Mekong"),
        ("Tin Mekong, Bản Sáng - Việt Nam sẽ tổ chức diễn tập.", "Tin Mekong"),
        "other_is_place",
        id="other_is_place-vi",
    ),
    pytest.param(
        "en",
        ("Harbour Ledger, KUALA LUMPUR - Malaysia will host a drill.", "Harbour Ledger"),
        ("Harbour Ledger, Kuala Lumpur - Malaysia will host a drill.", "Harbour Ledger"),
        "other_all_caps",
        id="other_all_caps-en",
    ),
    pytest.param(
        "en",
        ("Malaysia will host a drill.\nBanks join. (Harbour Ledger)", "Harbour Ledger"),
        (
            "Malaysia will host a drill.\nBanks join. (Harbour Ledger)\nTags: cyber",
            "Harbour Ledger",
        ),
        "last_line",
        id="last_line-en",
    ),
    pytest.param(
        "id",
        ("Indonesia akan latihan.\nBank ikut. (Kabar Nusantara)", "Kabar Nusantara"),
        ("Indonesia akan latihan.\nBank ikut. (Kabar Nusantara)\nTag: siber", "Kabar Nusantara"),
        "last_line",
        id="last_line-id",
    ),
    pytest.param(
        "en",
        ("Drill.\nBanks join.\nSource: https://www.harbourledger.com/news/1", "harbourledger.com"),
        ("Drill.\nBanks join.\nSource: harbourledger.com", "harbourledger.com"),
        "url",
        id="url-en",
    ),
    pytest.param(
        "en",
        ("KUALA LUMPUR (Bernama) -- Malaysia will host a drill.", "Bernama"),
        ("KUALA LUMPUR (Harbour Ledger) -- Malaysia will host a drill.", "Harbour Ledger"),
        "support",
        id="support-en",
    ),
]


FEATURES += [
    pytest.param(
        "id",
        (_between("id", "JAKARTA (Kabar Nusantara) - Latihan.", "Akhir."), "Kabar Nusantara"),
        (_between("id", "Awal.", "Latihan selesai. (Kabar Nusantara)"), "Kabar Nusantara"),
        "top",
        id="top-id",
    ),
    pytest.param(
        "vi",
        (_between("vi", "Mở đầu.", "Diễn tập kết thúc.\n— TIN MEKONG"), "TIN MEKONG"),
        (_between("vi", "HÀ NỘI (TIN MEKONG) - Diễn tập.", "Hết."), "TIN MEKONG"),
        "bottom",
        id="bottom-vi",
    ),
    pytest.param(
        "ms",
        (_middle("ms", "Menteri itu memberitahu Bernama demikian."), "Bernama"),
        (_between("ms", "PUTRAJAYA (Bernama) - Latihan.", "Tamat."), "Bernama"),
        "middle",
        id="middle-ms",
    ),
    pytest.param(
        "vi",
        ("HÀ NỘI (Tin Mekong) - Diễn tập.\nHết.\n— Tin Mekong", "Tin Mekong"),
        ("HÀ NỘI (Tin Mekong) - Diễn tập.\nHết.", "Tin Mekong"),
        "repeated",
        id="repeated-vi",
    ),
    pytest.param(
        "id",
        ("JAKARTA (Nusantara) - Indonesia akan latihan.", "Nusantara"),
        ("JAKARTA (Kabar Nusantara) - Indonesia akan latihan.", "Kabar Nusantara"),
        "one_word",
        id="one_word-id",
    ),
    pytest.param(
        "id",
        (
            "Latihan.\nBank ikut.\nSumber: Kabar Nusantara Edisi Malam Khusus",
            "Kabar Nusantara Edisi Malam Khusus",
        ),
        ("Latihan.\nBank ikut.\nSumber: Kabar Nusantara", "Kabar Nusantara"),
        "long",
        id="long-id",
    ),
    pytest.param(
        "vi",
        ("HÀ NỘI (Tin Mekong) - Diễn tập.\nHết.", "Tin Mekong"),
        (f"HÀ NỘI (Tin Mekong) - Diễn tập.\n{filler('vi', 3)}", "Tin Mekong"),
        "lines_short",
        id="lines_short-vi",
    ),
    pytest.param(
        "vi",
        ("HÀ NỘI (TTXVN) - Việt Nam sẽ tổ chức diễn tập.", "TTXVN"),
        ("HÀ NỘI (Tin Mekong) - Việt Nam sẽ tổ chức diễn tập.", "Tin Mekong"),
        "support",
        id="support-vi",
    ),
    pytest.param(
        "vi",
        ("Diễn tập.\nHết.\nNguồn: https://tinmekong.vn/bai-viet/1", "tinmekong.vn"),
        ("Diễn tập.\nHết.\nNguồn: tinmekong.vn", "tinmekong.vn"),
        "url",
        id="url-vi",
    ),
]


@pytest.mark.parametrize(("code", "with_", "without", "name"), FEATURES)
def test_feature_tells_the_candidates_apart(
    code: str, with_: tuple[str, str], without: tuple[str, str], name: str
) -> None:
    high = the(source.candidates(article(code, with_[0])), with_[1])
    low = the(source.candidates(article(code, without[0])), without[1])
    assert feature(high, name) > feature(low, name), (feature(high, name), feature(low, name))


def test_the_vietnamese_follow_widget_is_not_a_credit_line() -> None:
    """'Theo' (according to) opens the follow widget 'Theo dõi … trên' too: that line is
    the widget, read by its own rule."""
    a = article("vi", "Việt Nam sẽ tổ chức diễn tập.\nHết.\nTheo dõi Tin Mekong trên Google News")
    assert [c.value for c in source.candidates(a) if "credit_line" in rules_of(c)] == []
    assert "Tin Mekong" in [c.value for c in source.candidates(a) if "follow_widget" in rules_of(c)]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param(
            "en", "Malaysia will host a drill.\nIt ends.\nByron Bay hosts the next one.", id="en"
        ),
        pytest.param(
            "id",
            "Indonesia akan latihan.\nSelesai.\nSumbersari menjadi tuan rumah berikutnya.",
            id="id",
        ),
        pytest.param(
            "vi", "Việt Nam sẽ diễn tập.\nHết.\nTheodore Nguyễn chủ trì buổi tập.", id="vi"
        ),
    ],
)
def test_a_word_that_begins_with_a_credit_cue_is_not_a_credit_line(code: str, text: str) -> None:
    """'By', 'Sumber', 'Theo' are cues only as whole words ('Byron', 'Sumbersari',
    'Theodore' are names)."""
    assert [
        c.value for c in source.candidates(article(code, text)) if "credit_line" in rules_of(c)
    ] == []


def test_no_outlet_value_keeps_a_copyright_sign() -> None:
    a = article("id", "Indonesia akan latihan.\nBank ikut.\nCopyright © Kabar Nusantara 2023")
    assert [c.value for c in source.candidates(a) if "©" in c.value] == []


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param(
            "en",
            "MANILA (Harbour Ledger/Mekong Wire) -- The Philippines will host a cyber drill.",
            id="en",
        ),
        pytest.param(
            "id",
            "JAKARTA (Kabar Nusantara/Mekong Wire) - Indonesia akan menggelar latihan siber.",
            id="id",
        ),
    ],
)
def test_a_shared_credit_proposes_both_outlets_as_one_answer(code: str, text: str) -> None:
    found = [c for c in source.candidates(article(code, text)) if c.rule == "dateline_parenthesis"]
    assert len(found) == 2 and found[1].value == "Mekong Wire"
    assert found[0].data[ANSWER] == found[1].data[ANSWER] is not None
    assert all(c.features["shared"] == 1.0 for c in found)

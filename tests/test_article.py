"""The article every extractor reads: lines, sentences, one tokenizer, Unicode case,
digits, quotations, gazetteer hits and the one overlap filter — and the language it is
detected in — on invented texts in several languages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asean_cyber_data.extract.article import (
    Article,
    Token,
    filter_overlapping,
    filter_spans,
    is_capitalised,
    phrase_regex,
    phrase_spans,
)
from asean_cyber_data.extract.langdata import UNSPACED_SCRIPTS
from asean_cyber_data.extract.language import detect_language

from .rules import article, prepared


def _texts(a: Article, spans: list[tuple[int, int]]) -> list[str]:
    return [a.text[s:e].strip() for s, e in spans]


def test_lines_are_the_non_empty_lines_in_order() -> None:
    a = article("en", "First line\n\n  \nSecond line\nThird")
    assert _texts(a, a.lines) == ["First line", "Second line", "Third"]
    assert a.line_index(a.text.index("Third")) == 2
    assert a.text[slice(*a.line_span(a.text.index("Second")))] == "Second line"


@pytest.mark.parametrize(
    ("code", "text", "sentences"),
    [
        pytest.param(
            "en",
            "Dr. Lim met Mr. R. Tan in the U.S. today. He said it was ready! Then he left.",
            ["Dr. Lim met Mr. R. Tan in the U.S. today.", "He said it was ready!", "Then he left."],
            id="abbreviations-and-initials-en",
        ),
        pytest.param(
            "id",
            "Menlu bertemu Dr. Budi di Jakarta. Ia mengatakan rencana siap.",
            ["Menlu bertemu Dr. Budi di Jakarta.", "Ia mengatakan rencana siap."],
            id="id",
        ),
        pytest.param(
            "vi",
            "Bộ trưởng phát biểu tại Hà Nội. Ông cho biết kế hoạch đã sẵn sàng.",
            ["Bộ trưởng phát biểu tại Hà Nội.", "Ông cho biết kế hoạch đã sẵn sàng."],
            id="capital-after-the-stop-vi",
        ),
        pytest.param(
            "km",
            "ឯកឧត្តម សុខ ចាន់ ជួបជាមួយ ជប៉ុន។ លោក ហ៊ុន បានថា។",
            ["ឯកឧត្តម សុខ ចាន់ ជួបជាមួយ ជប៉ុន។", "លោក ហ៊ុន បានថា។"],
            id="khmer-full-stop-km",
        ),
        pytest.param(
            "my",
            "ဦးကျော်မင်း ပြောသည်။ ဂျပန် နှင့် ပူးပေါင်းမည်။",
            ["ဦးကျော်မင်း ပြောသည်။", "ဂျပန် နှင့် ပူးပေါင်းမည်။"],
            id="myanmar-full-stop-my",
        ),
        pytest.param(
            "en",
            "A headline without a stop\nThe body starts here.",
            ["A headline without a stop", "The body starts here."],
            id="line-break-en",
        ),
    ],
)
def test_sentences(code: str, text: str, sentences: list[str]) -> None:
    a = article(code, text)
    assert _texts(a, a.sentences) == sentences
    second = a.sentences[1][0] + 1
    assert a.sentence_at(second) == a.sentences[1]


@pytest.mark.parametrize(
    ("code", "text", "tokens"),
    [
        pytest.param(
            "en",
            "Dr. Lim's ASEAN-Japan plan, U.S. said.",
            ["Dr.", "Lim", "'", "s", "ASEAN-Japan", "plan", ",", "U.S.", "said."],
            id="period-hyphen-possessive-en",
        ),
        pytest.param(
            "vi",
            "Ông Đặng nói: “Được.”",
            ["Ông", "Đặng", "nói", ":", "“", "Được.", "”"],
            id="vi",
        ),
        pytest.param(
            "th",
            "นายสมชาย กล่าวว่า ไทย-ญี่ปุ่น",
            ["นายสมชาย", "กล่าวว่า", "ไทย", "-", "ญี่ปุ่น"],
            id="unspaced-runs-th",
        ),
    ],
)
def test_one_tokenizer(code: str, text: str, tokens: list[str]) -> None:
    a = article(code, text)
    assert [t.text for t in a.tokens] == tokens
    assert all(a.text[t.start : t.end] == t.text for t in a.tokens)


@pytest.mark.parametrize(
    ("word", "capitalised"),
    [
        pytest.param("Đại", True, id="vi-d-stroke"),
        pytest.param("Élysée", True, id="fr-accent"),
        pytest.param("Ưu", True, id="vi-horn"),
        pytest.param("đại", False, id="vi-lower"),
        pytest.param("ASEAN", True, id="en-caps"),
        pytest.param("สมชาย", False, id="th-no-case"),
        pytest.param("2024", False, id="digits"),
    ],
)
def test_case_tests_are_unicode_aware(word: str, capitalised: bool) -> None:
    assert is_capitalised(word) is capitalised
    assert Token(0, len(word), word).capitalised is capitalised


@pytest.mark.parametrize(
    ("word", "acronym"),
    [
        pytest.param("ASEAN", True, id="ASEAN"),
        pytest.param("TTXVN", True, id="TTXVN"),
        pytest.param("U.S", True, id="U.S"),
        pytest.param("Dr.", False, id="Dr."),
        pytest.param("A", False, id="one-letter"),
        pytest.param("Bernama", False, id="Bernama"),
    ],
)
def test_acronym_shape(word: str, acronym: bool) -> None:
    assert Token(0, len(word), word).acronym is acronym


@pytest.mark.parametrize(
    ("code", "text", "digits"),
    [
        pytest.param("th", "๗ ตุลาคม ๒๕๖๓", "7 ตุลาคม 2563", id="th"),
        pytest.param("km", "ថ្ងៃទី១៤ ឆ្នាំ២០២៤", "ថ្ងៃទី14 ឆ្នាំ2024", id="km"),
        pytest.param("lo", "ວັນທີ ໑໔", "ວັນທີ 14", id="lo"),
        pytest.param("my", "၂၀၂၄ ခုနှစ်", "2024 ခုနှစ်", id="my"),
    ],
)
def test_digits_are_ascii_at_the_same_offsets(code: str, text: str, digits: str) -> None:
    a = article(code, text)
    assert a.digits == digits
    assert len(a.digits) == len(a.text)


@pytest.mark.parametrize(
    ("code", "text", "script"),
    [
        pytest.param("th", "นายสมชาย กล่าวว่า ความร่วมมือ ASEAN", "unspaced", id="th"),
        pytest.param("km", "ឯកឧត្តម សុខ ចាន់ បានថា។", "unspaced", id="km"),
        pytest.param("vi", "Bộ trưởng Nguyễn Mạnh Hùng cho biết.", "spaced", id="vi"),
        pytest.param("en", "Minister Jane Whitfield said.", "spaced", id="en"),
    ],
)
def test_script(code: str, text: str, script: str) -> None:
    assert article(code, text).script == script


def test_lowercase_words_and_word_counts() -> None:
    a = article("en", "Hope is a plan. Minister Hope said hope matters. Hope won.")
    assert "hope" in a.lowercase_words
    assert "minister" not in a.lowercase_words
    assert a.word_counts["Hope"] == 3


@pytest.mark.parametrize(
    ("code", "text", "quotes"),
    [
        pytest.param(
            "en", 'He said "we are ready" and left.', ['"we are ready"'], id="straight-en"
        ),
        pytest.param("id", "Ia berkata “kami siap” lalu pergi.", ["“kami siap”"], id="curly-id"),
        pytest.param("fr", "Il a dit « nous sommes prêts ».", ["« nous sommes prêts »"], id="fr"),
    ],
)
def test_quotes(code: str, text: str, quotes: list[str]) -> None:
    a = article(code, text)
    assert _texts(a, a.quotes) == quotes
    inside = text.index(quotes[0]) + 2
    assert a.in_quote(inside, inside + 2)
    assert not a.in_quote(0, 2)


@pytest.mark.parametrize(
    ("code", "text", "partners"),
    [
        pytest.param(
            "en", "The U.S. and Japan met the European Union.", ["US", "JP", "EU"], id="en"
        ),
        pytest.param("vi", "Việt Nam hợp tác với Nhật Bản.", ["VN", "JP"], id="vi"),
        pytest.param("th", "ไทยร่วมมือกับญี่ปุ่น", ["TH", "JP"], id="unspaced-th"),
        pytest.param("en", "The museum opened.", [], id="no-eu-inside-museum-en"),
    ],
)
def test_partner_hits(code: str, text: str, partners: list[str]) -> None:
    a = article(code, text)
    assert [c for _s, _e, c in a.partners] == partners
    for s, e, _c in a.partners:
        assert all(a.partner_mask[i] for i in range(s, e))
    assert sum(a.partner_mask) == sum(e - s for s, e, _c in a.partners)


def test_outlet_mechanism_title_honorific_and_speech_hits() -> None:
    text = (
        "Home Minister Datuk Seri Ahmad told Bernama the ASEAN Regional Forum (ARF) met, "
        "Dr. Lim said."
    )
    a = article("en", text)
    assert [a.text[s:e] for s, e, _v in a.outlets] == ["Bernama"]
    assert [(a.text[s:e], v) for s, e, v in a.mechanisms] == [
        ("ASEAN Regional Forum", "arf"),
        ("ARF", "arf"),
    ]
    assert "Home Minister" in _texts(a, a.titles)
    assert _texts(a, a.honorifics) == ["Datuk Seri", "Dr."]
    assert _texts(a, a.speech) == ["told", "said"]


def test_phrases_are_word_bounded_except_in_unspaced_scripts() -> None:
    spaced = phrase_regex(["EU", "ASEAN"])
    assert spaced is not None
    assert spaced.findall("museum EU ASEANS ASEAN") == ["EU", "ASEAN"]
    unspaced = phrase_regex(["ญี่ปุ่น"])
    assert unspaced is not None
    assert unspaced.findall("กับญี่ปุ่นด้าน") == ["ญี่ปุ่น"]
    assert phrase_regex([]) is None


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    """The plain longest-first alternation the phrase pattern must behave like."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    spaced = [re.escape(p) for p in ordered if not UNSPACED_SCRIPTS.match(p)]
    unspaced = [re.escape(p) for p in ordered if UNSPACED_SCRIPTS.match(p)]
    parts = [r"(?<![\w])(?:" + "|".join(spaced) + r")(?![\w])"] if spaced else []
    parts += ["(?:" + "|".join(unspaced) + ")"] if unspaced else []
    return re.compile("|".join(parts))


#: Pieces phrases and texts are made of: words that are prefixes of one another, case
#: pairs, a Vietnamese letter, Thai (unspaced), spaces, hyphens and dots, so that phrases
#: often overlap, nest and end inside a longer word.
_PIECES = ["a", "A", "ab", "Đ", "đa", "ภา", "ภาษา", " ", " ", "-", ".", "x"]
_PHRASES = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    phrases=st.lists(_PHRASES.filter(str.strip), min_size=1, max_size=8),
    pieces=st.lists(
        st.tuples(st.integers(0, 7), st.sampled_from([*_PIECES, "", "\n", ","])), max_size=12
    ),
)
def test_the_phrase_trie_and_spans_match_what_the_longest_first_alternation_matches(
    phrases: list[str], pieces: list[tuple[int, str]]
) -> None:
    # The text is made of the phrases themselves, glued by pieces, so they occur in it.
    text = "".join(phrases[i % len(phrases)] + glue for i, glue in pieces)
    pattern = phrase_regex(phrases)
    assert pattern is not None
    expected = [(m.start(), m.end()) for m in _alternation(phrases).finditer(text)]
    assert [(m.start(), m.end()) for m in pattern.finditer(text)] == expected
    assert phrase_spans(tuple(phrases), text) == expected  # the Aho–Corasick reading
    for pos in range(len(text)):  # anchored reads (``match(text, pos)``) agree too
        ours, theirs = pattern.match(text, pos), _alternation(phrases).match(text, pos)
        assert (ours and ours.span()) == (theirs and theirs.span())


def test_a_title_trie_prefers_the_longest_title_that_ends_a_word() -> None:
    titles = phrase_regex(["Minister", "Minister for Home Affairs", "Minister for Health"])
    assert titles is not None
    text = "Minister for Home Affairsnya, the Minister for Health and Ministers"
    assert titles.findall(text) == ["Minister", "Minister for Health"]


def test_one_overlap_filter_keeps_the_higher_priority_then_the_leftmost() -> None:
    assert filter_spans([(0, 5), (2, 8), (10, 12), (10, 11)]) == [(2, 8), (10, 12)]
    ties = [("left", (0, 4), 1.0), ("right", (2, 6), 1.0), ("apart", (8, 9), 1.0)]
    kept = filter_overlapping(ties, lambda i: i[1], lambda i: i[2])
    assert [i[0] for i in kept] == ["left", "apart"]
    ranked = [*ties, ("best", (3, 8), 2.0)]
    kept = filter_overlapping(ranked, lambda i: i[1], lambda i: i[2])
    assert [i[0] for i in kept] == ["best", "apart"]


def test_the_article_the_pipeline_builds_is_the_cleaned_text() -> None:
    a = prepared(
        "Kuala Lumpur, 3 March 2024 (Bernama) -- Malaysia will host a regional cyber drill next "
        "month."
    )
    assert a.language.code == "en"
    assert a.text.startswith("Kuala Lumpur")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(
            "Kuala Lumpur, 3 March 2024 (Bernama) -- Malaysia will host a regional cyber drill "
            "next month.",
            "en",
            id="one-sentence-english-lead",
        ),
        pytest.param(
            "Kuala Lumpur, 3 March 2024 (Bernama) -- Datuk Seri Saifuddin Nasution Ismail said "
            "the drill would be held in Putrajaya.",
            "en",
            id="english-lead-full-of-malay-names",
        ),
        pytest.param(
            "Kuala Lumpur, 3 Mac 2024 (Bernama) -- Malaysia akan menganjurkan latihan siber "
            "serantau bulan depan, kata menteri itu.",
            "ms",
            id="ms",
        ),
        pytest.param(
            "Jakarta, 3 Maret 2024 (Antara) - Indonesia akan menggelar latihan siber regional "
            "bulan depan, kata menteri tersebut.",
            "id",
            id="id",
        ),
        pytest.param(
            "Hà Nội, ngày 3 tháng 3 năm 2024 (TTXVN) - Việt Nam sẽ tổ chức diễn tập an ninh mạng "
            "khu vực vào tháng tới.",
            "vi",
            id="vi",
        ),
        pytest.param(
            "Maynila, Marso 3, 2024 - Magsasagawa ang Pilipinas ng pagsasanay sa cyber sa "
            "susunod na buwan, ayon sa kalihim.",
            "tl",
            id="tl",
        ),
        pytest.param(
            "Paris, 3 mars 2024 (AFP) - La France organisera un exercice régional de "
            "cybersécurité le mois prochain.",
            "fr",
            id="fr",
        ),
        pytest.param(
            "กรุงเทพฯ 3 มีนาคม 2567 ประเทศไทยจะจัดการซ้อมรับมือภัยไซเบอร์ในเดือนหน้า", "th", id="th"
        ),
        pytest.param("ភ្នំពេញ ៖ កម្ពុជានឹងរៀបចំសមយុទ្ធសន្តិសុខអ៊ីនធឺណិតនៅខែក្រោយ។", "km", id="km"),
        pytest.param("ວຽງຈັນ: ລາວຈະຈັດການຝຶກຊ້ອມຄວາມປອດໄພທາງໄຊເບີໃນເດືອນໜ້າ.", "lo", id="lo"),
        pytest.param("ရန်ကုန် - မြန်မာနိုင်ငံသည် လာမည့်လတွင် ဆိုက်ဘာလုံခြုံရေး လေ့ကျင့်မှု ပြုလုပ်မည်။", "my", id="my"),
    ],
)
def test_language_detection(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_a_short_english_lead_is_english() -> None:
    text = "Kuala Lumpur, 3 March 2024 (Bernama) -- Malaysia will host a regional drill."
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Kuala Lumpur, Tuesday (Bernama) -- Malaysia will host a drill.", id="weekday"
        ),
        pytest.param(
            "Putrajaya, 3 March (Bernama) -- Datuk Seri Fahmi Fadzil said Malaysia will lead.",
            id="malay-names",
        ),
        pytest.param(
            "Jakarta, 3 March 2024 (Antara) - Indonesia will host a regional cyber drill.",
            id="indonesian-names",
        ),
    ],
)
def test_the_names_of_a_short_english_lead_do_not_make_it_another_language(text: str) -> None:
    """Few words are left without the names; they, not the names, tell the language."""
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(
            "Putrajaya, 3 Maret (Antara) - Datuk Seri Fahmi Fadzil mengatakan Indonesia siap.",
            "id",
            id="id",
        ),
        pytest.param(
            "Kuala Lumpur, Marso 3 (PNA) -- Sinabi ni Datuk Seri Fahmi na handa ang bansa.",
            "tl",
            id="tl",
        ),
        pytest.param(
            "Kuala Lumpur, 3 mars (AFP) - Datuk Seri Fahmi Fadzil a dit que la Malaisie est prête.",
            "fr",
            id="fr",
        ),
    ],
)
def test_the_malay_names_of_a_short_lead_do_not_make_it_malay(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(
            "SURABAYA, 12 Agustus 2024 (Antara) - Polri dan Kepolisian Federal Australia "
            "menggelar pelatihan keamanan siber, ujar Kepala Divisi Hubungan Internasional "
            "Polri Krishna Murti di Surabaya.\n\nSelain itu kedua lembaga membahas kejahatan "
            "siber lintas negara.\n\nKrishna menyampaikan pelatihan berlangsung lima hari.",
            "id",
            id="id",
        ),
        pytest.param(
            "KUALA LUMPUR, 3 Mac 2024 (Bernama) -- Malaysia dan Australia bersetuju "
            "mengukuhkan kerjasama keselamatan siber, kata Menteri Komunikasi Fahmi Fadzil di "
            "Putrajaya.\n\nKedua-dua negara menandatangani memorandum persefahaman mengenai "
            "keselamatan siber.\n\nFahmi berkata latihan akan bermula bulan hadapan.",
            "ms",
            id="ms",
        ),
    ],
)
def test_an_article_with_many_names_keeps_its_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_an_indonesian_article_with_many_names_is_indonesian() -> None:
    text = (
        "JAKARTA, 3 Maret 2024 (Antara) - Indonesia dan Australia sepakat memperkuat kerja sama "
        "keamanan siber, kata Menteri Komunikasi Budi Santoso di Jakarta.\n\n"
        "Kedua negara menandatangani nota kesepahaman tentang keamanan siber.\n\n"
        "Budi mengatakan pelatihan akan dimulai bulan depan."
    )
    assert detect_language(text) == "id"


@pytest.mark.parametrize(
    "verb", [pytest.param("បានឱ្យដឹងថា", id="qoo-one"), pytest.param("បានឲ្យដឹងថា", id="qoo-two")]
)
def test_a_khmer_phrase_is_found_in_either_spelling_of_qoo(verb: str) -> None:
    """ "ឲ្យ" (QOO TYPE TWO) is a variant spelling of "ឱ្យ": the language file's speech
    verb "បានឱ្យដឹងថា" is found however the text spells it, at the text's own offsets."""
    text = f"លោក សុខ សុភា {verb} ប៉ូលិសនឹងសហការជាមួយថៃ។"
    a = article("km", text)
    assert [text[s:e] for s, e in a.speech] == [verb]

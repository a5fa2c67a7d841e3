"""Each speaker rule proposes the person an invented sentence names, with every variant
of the name; each personhood and variant feature tells candidates apart; and the
speaker's country is the one they serve, never a partner merely named beside them."""

from __future__ import annotations

import pytest

from asean_cyber_data.extract import speaker
from asean_cyber_data.extract.candidates import Candidate

from .rules import article, feature, the


def _speaker(code: str, text: str) -> list[Candidate]:
    return speaker.candidates(article(code, text))


#: (language, text, value, the span's text, rule)
RULES = [
    pytest.param(
        "en",
        "Cyber cooperation will deepen, Digital Minister Gobind Singh Deo said on Tuesday.",
        "Gobind Singh Deo",
        "Gobind Singh Deo",
        "cased_name",
        id="cased_name-en",
    ),
    pytest.param(
        "id",
        "Kerja sama siber akan diperdalam, kata Menteri Komunikasi Budi Arie Setiadi di Jakarta.",
        "Budi Arie Setiadi",
        "Budi Arie Setiadi",
        "cased_name",
        id="cased_name-id",
    ),
    pytest.param(
        "vi",
        "Phát biểu tại hội nghị, Bộ trưởng Nguyễn Mạnh Hùng cho biết hợp tác sẽ được tăng cường.",
        "Nguyễn Mạnh Hùng",
        "Nguyễn Mạnh Hùng",
        "cased_name",
        id="cased_name-unicode-capitals-vi",
    ),
    pytest.param(
        "ms",
        "Menteri Dalam Negeri Datuk Seri Saifuddin Nasution Ismail berkata pelan itu sedia.",
        "Saifuddin Nasution Ismail",
        "Saifuddin Nasution Ismail",
        "cased_name",
        id="cased_name-after-honorific-ms",
    ),
    pytest.param(
        "en",
        "Police chief Tan Sri Ahmad bin Haji Yusof said the raids would continue.",
        "Ahmad bin Haji Yusof",
        "Ahmad bin Haji Yusof",
        "cased_name",
        id="cased_name-particle-and-honorific-inside-en",
    ),
    pytest.param(
        "th",
        "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงดิจิทัล กล่าวว่า ความร่วมมือด้านไซเบอร์จะเข้มแข็งขึ้น",
        "สมชาย ใจดี",
        "สมชาย ใจดี",
        "honorific_name",
        id="honorific_name-glued-th",
    ),
    pytest.param(
        "km",
        "ឯកឧត្តម សុខ ចាន់ រដ្ឋមន្ត្រីក្រសួងប្រៃសណីយ៍ បានមានប្រសាសន៍ថា កិច្ចសហប្រតិបត្តិការនឹងរឹងមាំ។",
        "សុខ ចាន់",
        "សុខ ចាន់",
        "honorific_name",
        id="honorific_name-km",
    ),
    pytest.param(
        "lo",
        "ທ່ານ ສົມພອນ ແກ້ວມະນີ ລັດຖະມົນຕີ ກ່າວວ່າ ການຮ່ວມມືດ້ານໄຊເບີຈະເຂັ້ມແຂງຂຶ້ນ.",
        "ສົມພອນ ແກ້ວມະນີ",
        "ສົມພອນ ແກ້ວມະນີ",
        "honorific_name",
        id="honorific_name-lo",
    ),
    pytest.param(
        "km",
        "លោក Daniel J. Kritenbrink ឯកអគ្គរាជទូត បានមានប្រសាសន៍ថា កិច្ចសហប្រតិបត្តិការនឹងរឹងមាំ។",
        "Daniel J. Kritenbrink",
        "Daniel J. Kritenbrink",
        "honorific_name",
        id="honorific_name-cased-name-in-km",
    ),
    pytest.param(
        "th",
        "นาย Alan Peter Cayetano กล่าวว่า ความร่วมมือด้านไซเบอร์จะเข้มแข็งขึ้น",
        "Alan Peter Cayetano",
        "Alan Peter Cayetano",
        "honorific_name",
        id="honorific_name-cased-name-in-th",
    ),
    pytest.param(
        "lo",
        "ທ່ານ Kim Young Sam ກ່າວວ່າ ການຮ່ວມມືດ້ານໄຊເບີຈະເຂັ້ມແຂງຂຶ້ນ.",
        "Kim Young Sam",
        "Kim Young Sam",
        "honorific_name",
        id="honorific_name-cased-name-in-lo",
    ),
    pytest.param(
        "my",
        "ဦးကျော်မင်း ဝန်ကြီး က ဆိုက်ဘာလုံခြုံရေး ပူးပေါင်းဆောင်ရွက်မှု ပိုမိုခိုင်မာလာမည်ဟု ပြောကြားသည်။",
        "ကျော်မင်း",
        "ကျော်မင်း",
        "honorific_name",
        id="honorific_name-my",
    ),
    pytest.param(
        "my",
        "ဝန်ကြီး ဦးကျော်မင်းက ဆိုက်ဘာလုံခြုံရေး ပူးပေါင်းဆောင်ရွက်မှု ပိုမိုခိုင်မာလာမည်ဟု ပြောကြားသည်။",
        "ကျော်မင်း",
        "ကျော်မင်း",
        "honorific_name",
        id="honorific_name-subject-particle-dropped-my",
    ),
]


@pytest.mark.parametrize(("code", "text", "value", "span", "rule"), RULES)
def test_rule_proposes_the_person(code: str, text: str, value: str, span: str, rule: str) -> None:
    a = article(code, text)
    candidate = the(speaker.candidates(a), value, rule)
    assert a.text[candidate.start : candidate.end] == span


@pytest.mark.parametrize(
    ("code", "text", "variants"),
    [
        pytest.param(
            "en",
            "Digital Minister Gobind Singh Deo said so.",
            {"Gobind", "Gobind Singh", "Gobind Singh Deo", "Singh", "Singh Deo", "Deo"},
            id="every-part-en",
        ),
        pytest.param(
            "vi",
            "Bộ trưởng Nguyễn Mạnh Hùng cho biết như vậy.",
            {"Nguyễn", "Nguyễn Mạnh", "Nguyễn Mạnh Hùng", "Mạnh", "Mạnh Hùng", "Hùng"},
            id="every-part-vi",
        ),
        pytest.param(
            "en",
            "Minister Ahmad bin Yusof said so.",
            {"Ahmad", "Ahmad bin Yusof", "Yusof"},
            id="never-ends-on-a-particle-en",
        ),
        pytest.param(
            "th",
            "นายสมชาย ใจดี กล่าวว่า ความร่วมมือจะเข้มแข็งขึ้น",
            {"สมชาย", "สมชาย ใจดี", "ใจดี"},
            id="uncased-th",
        ),
    ],
)
def test_name_variants_are_the_contiguous_parts_of_the_name(
    code: str, text: str, variants: set[str]
) -> None:
    """Every contiguous part of a person's name is a candidate; the model weighs where each
    part's edges fall. A part never starts or ends with a particle ("bin")."""
    found = _speaker(code, text)
    assert {c.value for c in found} == variants
    a = article(code, text)
    for c in speaker.candidates(a):
        assert a.text[c.start : c.end] == c.value


def test_a_long_name_run_gives_only_its_prefixes_and_suffixes() -> None:
    text = "Minister Abdul Rahman Mohd Ali Hassan Yusof said so."
    values = {c.value for c in _speaker("en", text)}
    assert "Abdul Rahman Mohd Ali Hassan Yusof" in values
    assert {"Abdul", "Yusof", "Abdul Rahman", "Hassan Yusof"} <= values
    assert "Mohd Ali" not in values  # neither a prefix nor a suffix of six tokens
    assert len(values) == 11  # 6 prefixes + 6 suffixes - the whole counted twice


def test_a_later_short_form_is_the_same_person() -> None:
    text = "Home Minister Saifuddin Nasution Ismail said so. Saifuddin added more."
    found = _speaker("en", text)
    people = {id(c.data["person"]) for c in found}
    assert len(people) == 1
    whole = the(found, "Saifuddin Nasution Ismail")
    assert feature(whole, "mentions") == 0.5  # two mentions of four counted


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "The plan was announced on Monday by Jane.", id="en"),
        pytest.param("id", "Rencana itu diumumkan oleh Budi pada hari Senin.", id="id"),
    ],
)
def test_one_word_is_a_name_only_after_a_title_or_honorific(code: str, text: str) -> None:
    assert _speaker(code, text) == []


def test_gazetteer_words_never_start_a_cased_name() -> None:
    """Partners, titles, outlets and mechanisms are blocked: no run starts on them."""
    text = (
        "Malaysia will train officers through the ASEAN-Japan Cybersecurity Capacity Building "
        "Centre, said Digital Minister Gobind Singh Deo."
    )
    values = {c.value for c in _speaker("en", text)}
    assert "Gobind Singh Deo" in values
    assert not [v for v in values if "Cybersecurity" in v or "Malaysia" in v or "Japan" in v]


#: (language, (text, value) with the feature, (text, value) without it, feature)
FEATURES = [
    pytest.param(
        "en",
        ("Cooperation will grow, Minister Jane Whitfield said.", "Jane Whitfield"),
        ("The plan was announced by Minister Jane Whitfield.", "Jane Whitfield"),
        "speech_after",
        id="speech_after-en",
    ),
    pytest.param(
        "id",
        ("Kerja sama akan tumbuh, Menteri Budi Santoso mengatakan.", "Budi Santoso"),
        ("Rencana itu diumumkan oleh Menteri Budi Santoso.", "Budi Santoso"),
        "speech_after",
        id="speech_after-id",
    ),
    pytest.param(
        "en",
        ('"We are ready," said Dr Jane Whitfield, the agency\'s chief.', "Jane Whitfield"),
        ("The plan was announced by Dr Jane Whitfield, the agency's chief.", "Jane Whitfield"),
        "speech_before",
        id="speech_before-en",
    ),
    pytest.param(
        "tl",
        ("Sinabi ni Kalihim Juan Santos na handa ang plano.", "Juan Santos"),
        ("Dumating si Kalihim Juan Santos sa Maynila.", "Juan Santos"),
        "speech_before",
        id="speech_before-tl",
    ),
    pytest.param(
        "en",
        (
            "Minister Jane Whitfield said the plan was ready. Jane Whitfield said banks join.",
            "Jane Whitfield",
        ),
        ("Minister Jane Whitfield said the plan was ready. Banks would join.", "Jane Whitfield"),
        "speech_sentences",
        id="speech_sentences-en",
    ),
    pytest.param(
        "en",
        ('"We are ready," Jane Whitfield said.', "Jane Whitfield"),
        ("Jane Whitfield said they were ready.", "Jane Whitfield"),
        "quoted",
        id="quoted-en",
    ),
    pytest.param(
        "id",
        ("“Kami siap,” Budi Santoso mengatakan.", "Budi Santoso"),
        ("Budi Santoso mengatakan mereka siap.", "Budi Santoso"),
        "quoted",
        id="quoted-id",
    ),
    pytest.param(
        "en",
        ("Speaking at the forum, Ambassador Jane Whitfield urged closer ties.", "Jane Whitfield"),
        ("At the forum, Ambassador Jane Whitfield urged closer ties.", "Jane Whitfield"),
        "fronted_speech",
        id="fronted_speech-en",
    ),
    pytest.param(
        "vi",
        (
            "Phát biểu tại hội nghị, Bộ trưởng Nguyễn Mạnh Hùng nhấn mạnh hợp tác.",
            "Nguyễn Mạnh Hùng",
        ),
        ("Tại hội nghị, Bộ trưởng Nguyễn Mạnh Hùng nhấn mạnh hợp tác.", "Nguyễn Mạnh Hùng"),
        "fronted_speech",
        id="fronted_speech-vi",
    ),
    pytest.param(
        "en",
        ("Jane Whitfield\nThe plan was announced on Monday.", "Jane Whitfield"),
        ("The plan was announced on Monday by Jane Whitfield.", "Jane Whitfield"),
        "own_line",
        id="own_line-en",
    ),
    pytest.param(
        "en",
        ("Minister Jane Whitfield said the plan was ready.", "Jane Whitfield"),
        ("Dr Jane Whitfield said the plan was ready.", "Jane Whitfield"),
        "title",
        id="title-en",
    ),
    pytest.param(
        "vi",
        ("Bộ trưởng Nguyễn Mạnh Hùng cho biết kế hoạch đã sẵn sàng.", "Nguyễn Mạnh Hùng"),
        ("Ông Nguyễn Mạnh Hùng cho biết kế hoạch đã sẵn sàng.", "Nguyễn Mạnh Hùng"),
        "title",
        id="title-vi",
    ),
    pytest.param(
        "en",
        ("Dr Jane Whitfield said the plan was ready.", "Jane Whitfield"),
        ("Minister Jane Whitfield said the plan was ready.", "Jane Whitfield"),
        "honorific",
        id="honorific-en",
    ),
    pytest.param(
        "ms",
        ("Datuk Seri Ahmad Yusof berkata pelan itu sedia.", "Ahmad Yusof"),
        ("Menteri Ahmad Yusof berkata pelan itu sedia.", "Ahmad Yusof"),
        "honorific",
        id="honorific-ms",
    ),
    pytest.param(
        "en",
        ("Minister Jane Whitfield said so. Whitfield added more.", "Jane Whitfield"),
        ("Minister Jane Whitfield said so. Others added more.", "Jane Whitfield"),
        "mentions",
        id="mentions-en",
    ),
    pytest.param(
        "en",
        ("Minister Jane Whitfield said so. Whitfield added more.", "Jane Whitfield"),
        ("Minister Jane Whitfield said so. Jane Whitfield added more.", "Jane Whitfield"),
        "surname_alone",
        id="surname_alone-en",
    ),
    pytest.param(
        "id",
        ("Menteri Budi Santoso mengatakan demikian. Santoso menambahkan.", "Budi Santoso"),
        ("Menteri Budi Santoso mengatakan demikian. Ia menambahkan.", "Budi Santoso"),
        "surname_alone",
        id="surname_alone-id",
    ),
    pytest.param(
        "id",
        ("Menlu Retno mengatakan rencana siap.", "Retno"),
        ("Menlu Retno Marsudi mengatakan rencana siap.", "Retno Marsudi"),
        "one_word",
        id="one_word-id",
    ),
    pytest.param(
        "en",
        ("Minister Ahmad bin Haji Mohd Yusof said so.", "Ahmad bin Haji Mohd Yusof"),
        ("Minister Ahmad bin Yusof said so.", "Ahmad bin Yusof"),
        "many_words",
        id="many_words-en",
    ),
    pytest.param(
        "en",
        ("Minister Hope Whitfield said there is hope for the plan.", "Hope Whitfield"),
        ("Minister Hope Whitfield said there is a plan.", "Hope Whitfield"),
        "common_words",
        id="common_words-en",
    ),
    pytest.param(
        "id",
        ("Menteri Budi Santoso mengatakan budi baik penting.", "Budi Santoso"),
        ("Menteri Budi Santoso mengatakan kerja sama penting.", "Budi Santoso"),
        "common_words",
        id="common_words-id",
    ),
    pytest.param(
        "en",
        ("Minister Hope Rivers said there is hope for rivers.", "Hope Rivers"),
        ("Minister Hope Rivers said there is hope.", "Hope Rivers"),
        "all_common",
        id="all_common-en",
    ),
    pytest.param(
        "en",
        ("Minister J. R. Whitfield said the plan was ready.", "J. R. Whitfield"),
        ("Minister Jane Whitfield said the plan was ready.", "Jane Whitfield"),
        "initial",
        id="initial-en",
    ),
    pytest.param(
        "en",
        ("Minister Ahmad bin Yusof said so.", "Ahmad bin Yusof"),
        ("Minister Ahmad Yusof said so.", "Ahmad Yusof"),
        "particle",
        id="particle-en",
    ),
    pytest.param(
        "ms",
        ("Menteri Ahmad bin Yusof berkata demikian.", "Ahmad bin Yusof"),
        ("Menteri Ahmad Yusof berkata demikian.", "Ahmad Yusof"),
        "particle",
        id="particle-ms",
    ),
    pytest.param(
        "en",
        ("Minister J. K. said the plan was ready.", "J. K."),
        ("Minister Jane Whitfield said the plan was ready.", "Jane Whitfield"),
        "all_caps",
        id="all_caps-initials-en",
    ),
    pytest.param(
        "km",
        ("លោក ជប៉ុន បានមានប្រសាសន៍ថា កិច្ចសហប្រតិបត្តិការនឹងរឹងមាំ។", "ជប៉ុន"),
        ("លោក សុខ បានមានប្រសាសន៍ថា កិច្ចសហប្រតិបត្តិការនឹងរឹងមាំ។", "សុខ"),
        "gazetteer",
        id="gazetteer-km",
    ),
    pytest.param(
        "en",
        (
            "Minister Jane Whitfield Speaks\nThe plan was announced.\nMore follows.",
            "Jane Whitfield",
        ),
        (
            "The plan was announced.\nMinister Jane Whitfield speaks.\nMore follows.",
            "Jane Whitfield",
        ),
        "headline",
        id="headline-en",
    ),
    pytest.param(
        "en",
        ("The plan was announced, and banks will join, Minister Tom Baker said.", "Tom Baker"),
        ("Minister Tom Baker said the plan was announced and banks will join.", "Tom Baker"),
        "position",
        id="position-en",
    ),
    pytest.param(
        "en",
        ("Minister Tom Baker met Minister Jane Whitfield.", "Tom Baker"),
        ("Minister Tom Baker met Minister Jane Whitfield.", "Jane Whitfield"),
        "first_person",
        id="first_person-en",
    ),
    pytest.param(
        "en",
        ("Minister Tom Baker said so.", "Tom Baker"),
        ("Minister Tom Baker met Minister Jane Whitfield.", "Tom Baker"),
        "only_person",
        id="only_person-en",
    ),
    pytest.param(
        "en",
        (
            "Minister Abdul Rahman Mohd Ali Hassan Yusof Ibrahim said so.",
            "Abdul Rahman Mohd Ali Hassan Yusof Ibrahim",
        ),
        ("Minister Abdul Rahman said so.", "Abdul Rahman"),
        "long_name",
        id="long_name-en",
    ),
    pytest.param(
        "th",
        ("ผู้สื่อข่าวรายงานว่านายสมชาย ใจดี กล่าวว่า ความร่วมมือจะเข้มแข็ง", "สมชาย ใจดี"),
        ("ผู้สื่อข่าวรายงานว่า นายสมชาย ใจดี กล่าวว่า ความร่วมมือจะเข้มแข็ง", "สมชาย ใจดี"),
        "glued_honorific",
        id="glued_honorific-th",
    ),
    # Variant features: where one part of a name stands in the run it was read from.
    pytest.param(
        "en",
        ("The visit to Putrajaya Jane Whitfield said was useful.", "Putrajaya"),
        ("The visit to Putrajaya Jane Whitfield said was useful.", "Jane"),
        "place",
        id="place-en",
    ),
    pytest.param(
        "vi",
        ("Chuyến thăm Đà Nẵng Nguyễn Văn Hùng cho biết rất hữu ích.", "Đà Nẵng"),
        ("Chuyến thăm Đà Nẵng Nguyễn Văn Hùng cho biết rất hữu ích.", "Nguyễn Văn Hùng"),
        "place",
        id="place-vi",
    ),
    pytest.param(
        "vi",
        ("Bộ trưởng Nguyễn Mạnh Hùng cho biết.", "Nguyễn Mạnh Hùng"),
        ("Bộ trưởng Nguyễn Mạnh Hùng cho biết.", "Mạnh Hùng"),
        "surname_first",
        id="surname_first-vi",
    ),
    pytest.param(
        "en",
        ("Minister Goh Wei Ming said so.", "Goh Wei Ming"),
        ("Minister Goh Wei Ming said so.", "Wei Ming"),
        "surname_first",
        id="surname_first-en",
    ),
    pytest.param(
        "vi",
        ("Bộ trưởng Nguyễn Mạnh Hùng cho biết.", "Nguyễn Mạnh"),
        ("Bộ trưởng Nguyễn Mạnh Hùng cho biết.", "Mạnh Hùng"),
        "surname_inside",
        id="surname_inside-vi",
    ),
    pytest.param(
        "en",
        ("Digital Minister Gobind Singh Deo said so.", "Gobind Singh Deo"),
        ("Digital Minister Gobind Singh Deo said so.", "Singh Deo"),
        "titled_left",
        id="titled_left-en",
    ),
    pytest.param(
        "ms",
        ("Menteri Datuk Seri Ahmad Yusof berkata demikian.", "Ahmad Yusof"),
        ("Menteri Datuk Seri Ahmad Yusof berkata demikian.", "Yusof"),
        "titled_left",
        id="titled_left-ms",
    ),
    pytest.param(
        "en",
        ("Digital Minister Gobind Singh Deo said so.", "Gobind Singh Deo"),
        ("Digital Minister Gobind Singh Deo said so.", "Gobind Singh"),
        "speech_next",
        id="speech_next-en",
    ),
    pytest.param(
        "th",
        ("นายสมชาย ใจดี กล่าวว่า ความร่วมมือจะเข้มแข็งขึ้น", "สมชาย ใจดี"),
        ("นายสมชาย ใจดี กล่าวว่า ความร่วมมือจะเข้มแข็งขึ้น", "สมชาย"),
        "speech_next",
        id="speech_next-th",
    ),
    pytest.param(
        "en",
        ("Digital Minister Gobind Singh Deo said so.", "Gobind Singh Deo"),
        ("Digital Minister Gobind Singh Deo said so.", "Gobind Singh"),
        "variant_words",
        id="variant_words-en",
    ),
    pytest.param(
        "en",
        ("Digital Minister Gobind Singh Deo said so.", "Deo"),
        ("Digital Minister Gobind Singh Deo said so.", "Singh Deo"),
        "variant_one_word",
        id="variant_one_word-en",
    ),
    pytest.param(
        "en",
        ("Digital Minister Gobind Singh Deo said so.", "Gobind Singh Deo"),
        ("Digital Minister Gobind Singh Deo said so.", "Singh Deo"),
        "variant_whole",
        id="variant_whole-en",
    ),
    pytest.param(
        "km",
        ("ឯកឧត្តម សុខ ចាន់ បានមានប្រសាសន៍ថា កិច្ចសហប្រតិបត្តិការនឹងរឹងមាំ។", "សុខ ចាន់"),
        ("ឯកឧត្តម សុខ ចាន់ បានមានប្រសាសន៍ថា កិច្ចសហប្រតិបត្តិការនឹងរឹងមាំ។", "ចាន់"),
        "variant_whole",
        id="variant_whole-km",
    ),
    pytest.param(
        "en",
        ("Digital Minister Gobind Singh Deo said so.", "Singh Deo"),
        ("Digital Minister Gobind Singh Deo said so.", "Gobind Singh Deo"),
        "dropped_start",
        id="dropped_start-en",
    ),
    pytest.param(
        "en",
        ("Digital Minister Gobind Singh Deo said so.", "Gobind Singh"),
        ("Digital Minister Gobind Singh Deo said so.", "Gobind Singh Deo"),
        "dropped_end",
        id="dropped_end-en",
    ),
    pytest.param(
        "en",
        ("Attorney Jane Whitfield said so.", "Jane Whitfield"),
        ("Attorney Jane Whitfield said so.", "Whitfield"),
        "dropped_title_words",
        id="dropped_title_words-en",
    ),
    pytest.param(
        "ms",
        ("Naib Ahmad Yusof berkata demikian.", "Ahmad Yusof"),
        ("Naib Ahmad Yusof berkata demikian.", "Naib Ahmad Yusof"),
        "dropped_title_words",
        id="dropped_title_words-ms",
    ),
    pytest.param(
        "en",
        ("Minister Hope Whitfield said there is hope.", "Whitfield"),
        ("Minister Hope Whitfield said there is a plan.", "Whitfield"),
        "dropped_common",
        id="dropped_common-en",
    ),
    pytest.param(
        "en",
        ("Jane Whitfield and Tom Baker said so.", "Baker"),
        ("Minister Tom Baker said so.", "Baker"),
        "run_after_conjunction",
        id="run_after_conjunction-en",
    ),
    pytest.param(
        "id",
        ("Budi Santoso dan Rudi Hartono mengatakan demikian.", "Hartono"),
        ("Menteri Rudi Hartono mengatakan demikian.", "Hartono"),
        "run_after_conjunction",
        id="run_after_conjunction-id",
    ),
    pytest.param(
        "en",
        ("Jane Whitfield and Tom Baker said so.", "Tom Baker"),
        ("Minister Tom Baker said so.", "Tom Baker"),
        "keeps_run_after_conjunction",
        id="keeps_run_after_conjunction-en",
    ),
    pytest.param(
        "en",
        ("Minister Jane Whitfield said so. Whitfield added more.", "Whitfield"),
        ("Minister Jane Whitfield said so. Whitfield added more.", "Jane"),
        "variant_alone",
        id="variant_alone-en",
    ),
    pytest.param(
        "en",
        ("Minister Jane Whitfield said so. Whitfield added more.", "Jane Whitfield"),
        ("Minister Jane Whitfield said so. Whitfield added more.", "Jane"),
        "ends_with_repeated",
        id="ends_with_repeated-en",
    ),
    pytest.param(
        "en",
        ("Minister Hope Whitfield said there is hope.", "Hope Whitfield"),
        ("Minister Hope Whitfield said there is hope.", "Whitfield"),
        "first_common",
        id="first_common-en",
    ),
    pytest.param(
        "en",
        ("Minister Hope Whitfield said there is hope.", "Hope"),
        ("Minister Hope Whitfield said there is hope.", "Hope Whitfield"),
        "last_common",
        id="last_common-en",
    ),
    pytest.param(
        "en",
        ("Attorney Jane Whitfield said so.", "Attorney Jane Whitfield"),
        ("Attorney Jane Whitfield said so.", "Jane Whitfield"),
        "first_title_word",
        id="first_title_word-en",
    ),
    pytest.param(
        "ms",
        ("Naib Ahmad Yusof berkata demikian.", "Naib Ahmad Yusof"),
        ("Naib Ahmad Yusof berkata demikian.", "Ahmad Yusof"),
        "first_title_word",
        id="first_title_word-ms",
    ),
    pytest.param(
        "en",
        ("Attorney Jane Whitfield said so.", "Attorney"),
        ("Attorney Jane Whitfield said so.", "Attorney Jane"),
        "last_title_word",
        id="last_title_word-en",
    ),
    # Named only in a photo caption (a line with a photo credit), against named in the text.
    pytest.param(
        "vi",
        ("Bộ trưởng Trần Văn Minh tại lễ ký. Ảnh: TTXVN\nHai bên hợp tác.", "Trần Văn Minh"),
        ("Bộ trưởng Trần Văn Minh tại lễ ký.\nHai bên hợp tác. Ảnh: TTXVN", "Trần Văn Minh"),
        "in_caption",
        id="in_caption-vi",
    ),
    pytest.param(
        "en",
        ("Minister Jane Whitfield signs. (Photo: Reuters)\nTalks went on.", "Jane Whitfield"),
        ("Minister Jane Whitfield signs.\nTalks went on. (Photo: Reuters)", "Jane Whitfield"),
        "in_caption",
        id="in_caption-en",
    ),
    pytest.param(
        "id",
        ("Menteri Budi Santoso di Jakarta. Foto: Antara\nKerja sama berlanjut.", "Budi Santoso"),
        ("Menteri Budi Santoso di Jakarta.\nKerja sama berlanjut. Foto: Antara", "Budi Santoso"),
        "in_caption",
        id="in_caption-id",
    ),
    pytest.param(
        "th",
        ("นายสมชาย ใจดี ร่วมพิธีลงนาม (ภาพ: ไทยรัฐ)\nทั้งสองฝ่ายจะร่วมมือกัน", "สมชาย ใจดี"),
        ("นายสมชาย ใจดี ร่วมพิธีลงนาม\nทั้งสองฝ่ายจะร่วมมือกัน (ภาพ: ไทยรัฐ)", "สมชาย ใจดี"),
        "in_caption",
        id="in_caption-th",
    ),
]


@pytest.mark.parametrize(("code", "with_", "without", "name"), FEATURES)
def test_feature_tells_the_candidates_apart(
    code: str, with_: tuple[str, str], without: tuple[str, str], name: str
) -> None:
    high = the(_speaker(code, with_[0]), with_[1])
    low = the(_speaker(code, without[0]), without[1])
    assert feature(high, name) > feature(low, name), (feature(high, name), feature(low, name))


def _country(code: str, text: str, name: str, outlet: str | None = None) -> str | None:
    a = article(code, text)
    person = the(speaker.candidates(a), name).data["person"]
    return speaker.speaker_country(a, person, outlet)


SAIFUDDIN = (
    "Malaysia and Japan will deepen cooperation against online scams, Home Minister Datuk Seri "
    "Saifuddin Nasution Ismail said."
)


@pytest.mark.parametrize(
    ("code", "text", "name", "outlet", "country"),
    [
        pytest.param("en", SAIFUDDIN, "Saifuddin Nasution Ismail", "MY", "MY", id="outlet-en"),
        pytest.param(
            "ms",
            "Malaysia dan Jepun akan memperdalam kerjasama, kata Menteri Dalam Negeri Datuk Seri "
            "Saifuddin Nasution Ismail.",
            "Saifuddin Nasution Ismail",
            None,
            "MY",
            id="home-country-ms",
        ),
        pytest.param(
            "vi",
            "Việt Nam và Nhật Bản sẽ tăng cường hợp tác, Bộ trưởng Nguyễn Mạnh Hùng cho biết.",
            "Nguyễn Mạnh Hùng",
            None,
            "VN",
            id="home-country-vi",
        ),
        pytest.param(
            "th",
            "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงดิจิทัล กล่าวว่า ไทยและญี่ปุ่นจะร่วมมือกัน",
            "สมชาย ใจดี",
            None,
            "TH",
            id="home-country-th",
        ),
        pytest.param(
            "en",
            "Australian Ambassador Penny Williams said cooperation would grow.",
            "Penny Williams",
            "MY",
            "AU",
            id="nationality-in-title-en",
        ),
        pytest.param(
            "en",
            "Australian Ambassador to Indonesia Penny Williams said cooperation would grow.",
            "Penny Williams",
            None,
            "AU",
            id="post-place-is-not-the-country-en",
        ),
        pytest.param(
            "id",
            "Duta Besar Australia untuk Indonesia Penny Williams mengatakan kerja sama tumbuh.",
            "Penny Williams",
            None,
            "AU",
            id="post-place-is-not-the-country-id",
        ),
        pytest.param(
            "en",
            "Ambassador to Indonesia Penny Williams said cooperation would grow.",
            "Penny Williams",
            None,
            None,
            id="only-the-post-place-en",
        ),
        pytest.param(
            "ms",
            "Duta Besar ke Indonesia Penny Williams berkata kerjasama akan berkembang.",
            "Penny Williams",
            None,
            "MY",
            id="only-the-post-place-ms",
        ),
        pytest.param(
            "en",
            "Japan's Digital Minister Taro Kono said cooperation would grow.",
            "Taro Kono",
            "MY",
            "JP",
            id="attached-possessive-en",
        ),
        pytest.param(
            "ms",
            "Rusia bersedia bekerjasama dengan ASEAN. Menteri Luarnya Sergei Lavrov berkata "
            "kerjasama akan berkembang.",
            "Sergei Lavrov",
            None,
            "RU",
            id="possessive-suffix-ms",
        ),
        pytest.param(
            "en",
            "Interpol Secretary-General Valdo Ramirez said information sharing would improve.",
            "Valdo Ramirez",
            "MY",
            None,
            id="an-organisations-officer-en",
        ),
        pytest.param(
            "id",
            "Sekretaris Jenderal Interpol Valdo Ramirez mengatakan pertukaran informasi membaik.",
            "Valdo Ramirez",
            None,
            None,
            id="an-organisations-officer-id",
        ),
        pytest.param(
            "vi",
            "Ông Scott Miller, Phó Giám đốc, cho biết hai bên sẽ tăng cường hợp tác.",
            "Scott Miller",
            "VN",
            None,
            id="a-foreign-name-in-vietnamese",
        ),
        pytest.param(
            "th",
            "นาย John Carter กล่าวว่า ไทยและญี่ปุ่นจะร่วมมือกัน",
            "John Carter",
            None,
            None,
            id="a-latin-name-in-thai",
        ),
        pytest.param(
            "id",
            "Menteri Dalam Negeri Datuk Seri Saifuddin Nasution Ismail mengatakan kerja sama "
            "akan tumbuh.",
            "Saifuddin Nasution Ismail",
            "ID",
            "MY",
            id="an-honour-one-state-confers-id",
        ),
        pytest.param(
            "ms",
            "Menteri Pengangkutan, Yang Berhormat Dato Seri Setia Abdul Rahman Hamid berkata "
            "kerjasama akan berkembang.",
            "Abdul Rahman Hamid",
            "MY",
            "BN",
            id="an-honour-one-state-confers-ms",
        ),
        pytest.param(
            "ms",
            "Menteri Kewangan, Yang Berhormat Kolonel (B) Dato Paduka Seri Haji Awang Yusri "
            "bin Haji Ahmad berkata kerjasama akan berkembang.",
            "Yusri bin Haji Ahmad",
            "MY",
            "BN",
            id="a-chain-of-honours-ms",
        ),
        pytest.param(
            "en",
            "Police Minister Lieutenant General (Rtd) Pehin Orang Kaya Hassan Daud said the "
            "partnership would grow.",
            "Hassan Daud",
            "MY",
            "BN",
            id="a-chain-of-honours-en",
        ),
        pytest.param(
            "en",
            '"We will share threat data," said Maria Santos, head of Australia\'s cyber agency.',
            "Maria Santos",
            None,
            "AU",
            id="the-office-of-a-country-en",
        ),
        pytest.param(
            "en",
            "Minister of Foreign Affairs of Japan Kenji Sato said the two sides would train "
            "investigators.",
            "Kenji Sato",
            "VN",
            "JP",
            id="the-ministry-of-a-country-en",
        ),
        pytest.param(
            "en",
            "Director General for Asia of the Indonesian Foreign Ministry Budi Santoso said "
            "the two sides would train investigators.",
            "Budi Santoso",
            None,
            "ID",
            id="a-portfolio-then-the-state-en",
        ),
        pytest.param(
            "en",
            "Head of China and Korea Affairs at the Thai Foreign Ministry Somchai Wong said "
            "the talks would continue.",
            "Somchai Wong",
            None,
            "TH",
            id="a-portfolio-of-countries-en",
        ),
        pytest.param(
            "en",
            "FBI Director Christopher Lane said the bureau would train investigators.",
            "Christopher Lane",
            "MY",
            "US",
            id="a-government-body-in-the-title-en",
        ),
        pytest.param(
            "vi",
            "Ông Christopher Lane, Giám đốc FBI, cho biết hai bên sẽ tăng cường hợp tác.",
            "Christopher Lane",
            "VN",
            "US",
            id="a-government-body-in-the-title-vi",
        ),
        pytest.param(
            "vi",
            "Đại sứ Anh tại Việt Nam John Smith cho biết hai bên sẽ tăng cường hợp tác.",
            "John Smith",
            "VN",
            "GB",
            id="an-ambassador-to-a-place-vi",
        ),
        pytest.param(
            "ms",
            "Ketua Pengarah KNPA, Kim Min-jun berkata kerjasama akan berkembang.",
            "Kim Min-jun",
            "MY",
            "KR",
            id="a-government-body-in-the-title-ms",
        ),
        pytest.param(
            "ms",
            "Jurucakap Kementerian Luar Negeri Thailand, Somchai Wong berkata dialog akan "
            "diteruskan.",
            "Somchai Wong",
            "MY",
            "TH",
            id="a-generic-body-name-then-its-country-ms",
        ),
        pytest.param(
            "en",
            "DICT Secretary Ivan John Uy said the two countries would share threat data.",
            "Ivan John Uy",
            None,
            "PH",
            id="a-members-body-by-its-acronym-en",
        ),
        pytest.param(
            "en",
            "BSSN head Hinsa Siburian said the two countries would share threat data.",
            "Hinsa Siburian",
            "SG",
            "ID",
            id="a-members-body-by-its-acronym-over-the-outlet-en",
        ),
    ],
)
def test_speaker_country_is_the_country_served(
    code: str, text: str, name: str, outlet: str | None, country: str | None
) -> None:
    assert _country(code, text, name, outlet) == country


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "ASEAN Secretariat Deputy Secretary-General Maria Reyes said talks would go on."),
        (
            "id",
            "Wakil Sekretaris Jenderal Sekretariat ASEAN Maria Reyes mengatakan dialog berlanjut.",
        ),
    ],
)
def test_an_intergovernmental_bodys_officer_does_not_serve_its_seat(code: str, text: str) -> None:
    assert _country(code, text, "Maria Reyes", "MY") != "ID"  # the Secretariat sits in Jakarta


@pytest.mark.parametrize("outlet", [None, "MY"], ids=["no-outlet", "outlet-MY"])
def test_a_partner_named_in_the_same_sentence_is_never_the_speakers_country(
    outlet: str | None,
) -> None:
    assert _country("en", SAIFUDDIN, "Saifuddin Nasution Ismail", outlet) != "JP"


def test_indonesian_possessive_title_takes_the_country_named_before() -> None:
    text = (
        "Rusia siap bekerja sama dengan ASEAN. Menteri Luarnya Sergei Lavrov mengatakan kerja "
        "sama akan tumbuh."
    )
    assert _country("id", text, "Sergei Lavrov") == "RU"


@pytest.mark.parametrize(
    ("code", "text", "possessive", "name"),
    [
        pytest.param(
            "id",
            "Rusia siap bekerja sama dengan ASEAN. Menteri Luar Negerinya Sergei Lavrov "
            "mengatakan kerja sama akan tumbuh.",
            "Negerinya",
            "Sergei Lavrov",
            id="whole-title-id",
        ),
        pytest.param(
            "ms",
            "Rusia bersedia bekerjasama dengan ASEAN. Menteri Pertahanannya Andrei Belousov "
            "berkata kerjasama akan berkembang.",
            "Pertahanannya",
            "Andrei Belousov",
            id="defence-minister-ms",
        ),
    ],
)
def test_a_possessive_title_word_is_the_title_not_the_name(
    code: str, text: str, possessive: str, name: str
) -> None:
    """Any title, or its first words, with the possessive suffix on its last word is a
    title: the word never joins the name, and the country is the one named before."""
    found = _speaker(code, text)
    assert [c.value for c in found if possessive in c.value] == []
    assert _country(code, text, name) == "RU"


def test_a_thai_title_that_begins_with_an_honorific_is_not_a_person() -> None:
    text = "นายกรัฐมนตรี กล่าวว่า ความร่วมมือด้านไซเบอร์จะเข้มแข็งขึ้น"
    assert [c.value for c in _speaker("th", text)] == []


def test_an_honorific_inside_a_longer_title_is_not_a_person() -> None:
    """นาย inside รองนายกรัฐมนตรี (Deputy Prime Minister) is letters of the title."""
    text = "รองนายกรัฐมนตรี กล่าวว่า ความร่วมมือด้านไซเบอร์จะเข้มแข็งขึ้น"
    assert [c.value for c in _speaker("th", text)] == []


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        pytest.param(
            "km",
            "ឯកឧត្តមរដ្ឋមន្ត្រី សុខ ចាន់ បានមានប្រសាសន៍ថា កិច្ចសហប្រតិបត្តិការនឹងរឹងមាំ។",
            "សុខ ចាន់",
            id="km",
        ),
        pytest.param(
            "lo",
            "ທ່ານລັດຖະມົນຕີ ສົມພອນ ແກ້ວມະນີ ກ່າວວ່າ ການຮ່ວມມືຈະເຂັ້ມແຂງຂຶ້ນ.",
            "ສົມພອນ ແກ້ວມະນີ",
            id="lo",
        ),
    ],
)
def test_an_honorific_glued_to_a_title_still_introduces_a_person(
    code: str, text: str, name: str
) -> None:
    """Titles written as an honorific glued to another title ("H.E." + "Minister") keep
    the honorific: the person after them is still proposed, titled."""
    found = the(_speaker(code, text), name)
    assert feature(found, "honorific") == 1.0 and feature(found, "title") == 1.0


def test_an_honorific_glued_after_a_thai_vowel_sign_is_glued() -> None:
    text = "ผู้สื่อข่าวรายงานว่ารัฐมนตรีนายสมชาย ใจดี กล่าวว่า ความร่วมมือจะเข้มแข็ง"
    assert feature(the(_speaker("th", text), "สมชาย ใจดี"), "glued_honorific") == 1.0


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        pytest.param(
            "km",
            "អ្នកយកព័ត៌មានរាយការណ៍ថារដ្ឋមន្ត្រីលោកសុខ ចាន់ បានមានប្រសាសន៍ថា កិច្ចសហប្រតិបត្តិការនឹងរឹងមាំ។",
            "សុខ ចាន់",
            id="km",
        ),
        pytest.param(
            "lo",
            "ນັກຂ່າວລາຍງານວ່າລັດຖະມົນຕີທ່ານສົມພອນ ແກ້ວມະນີ ກ່າວວ່າ ການຮ່ວມມືຈະເຂັ້ມແຂງຂຶ້ນ.",
            "ສົມພອນ ແກ້ວມະນີ",
            id="lo",
        ),
    ],
)
def test_an_honorific_glued_after_a_vowel_sign_is_glued(code: str, text: str, name: str) -> None:
    """The word before ends in a vowel sign (category Mn): a letter's part, so glued."""
    assert feature(the(_speaker(code, text), name), "glued_honorific") == 1.0


def test_an_honorific_after_a_space_is_not_glued() -> None:
    text = "ผู้สื่อข่าวรายงานว่า นายสมชาย ใจดี กล่าวว่า ความร่วมมือจะเข้มแข็ง"
    assert feature(the(_speaker("th", text), "สมชาย ใจดี"), "glued_honorific") == 0.0


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        pytest.param(
            "ms",
            "Menteri Ahmad Zaki bin Yusof berkata kerjasama siber diperkukuh, kata Ahmad Zaki.",
            "Ahmad Zaki bin Yusof",
            id="bin-ms",
        ),
        pytest.param(
            "id",
            "Menteri Siti Aminah binti Rahman mengatakan kerja sama siber diperkuat.",
            "Siti Aminah binti Rahman",
            id="binti-id",
        ),
        pytest.param(
            "en",
            "Cooperation will deepen, Minister Pieter van der Berg said.",
            "Pieter van der Berg",
            id="van-der-en",
        ),
    ],
)
def test_a_name_particle_is_no_common_word(code: str, text: str, name: str) -> None:
    """ "bin", "binti", "van der" are written in lower case by nature: a name holding
    one has no common word in it (the text writes no other of its words in lower case)."""
    candidate = the(_speaker(code, text), name)
    assert feature(candidate, "common_words") == 0.0
    assert feature(candidate, "particle") == 1.0


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        pytest.param(
            "ms",
            "Menteri Ahmad Zaki bin Pehin Orang Kaya Dato Paduka Haji Yusof berkata kerjasama "
            "siber diperkukuh.",
            "Ahmad Zaki bin Pehin Orang Kaya Dato Paduka Haji Yusof",
            id="ms",
        ),
        pytest.param(
            "ms",
            "Timbalan Menteri Nur Aisyah binti Dato' Seri Haji Rahman berkata kerjasama siber "
            "diperkukuh.",
            "Nur Aisyah binti Dato' Seri Haji Rahman",
            id="binti-ms",
        ),
        pytest.param(
            "en",
            "Cooperation will deepen, Minister Ahmad Zaki bin Dato Haji Yusof said.",
            "Ahmad Zaki bin Dato Haji Yusof",
            id="en",
        ),
    ],
)
def test_the_father_s_honorifics_after_bin_stay_inside_the_name(
    code: str, text: str, name: str
) -> None:
    """After "bin"/"binti" the father's name carries his honorifics, several in a row:
    the name runs on through them to his given name."""
    assert the(_speaker(code, text), name).rule == "cased_name"


@pytest.mark.parametrize(
    ("text", "name", "title", "honorific"),
    [
        pytest.param(
            "Interpol Secretary-General Valdo Ramirez said information sharing would improve.",
            "Valdo Ramirez",
            "Interpol Secretary-General",
            None,
            id="secretary-general",
        ),
        pytest.param(
            "Attorney-General Tan Sri Idrus Harun said the law would be amended.",
            "Idrus Harun",
            "Attorney-General",
            "Tan Sri",
            id="attorney-general",
        ),
        pytest.param(
            "Major General Ahmad Kamal said the drill would start.",
            "Ahmad Kamal",
            None,
            "Major General",
            id="a-rank-stays-a-rank",
        ),
    ],
)
def test_the_second_half_of_a_hyphenated_title_is_no_rank(
    text: str, name: str, title: str | None, honorific: str | None
) -> None:
    """ "General" is a rank, but in "Secretary-General" the end of a title."""
    person = the(speaker.candidates(article("en", text)), name).data["person"]
    assert (person.title, person.honorific) == (title, honorific)


@pytest.mark.parametrize(
    ("code", "text", "name", "title"),
    [
        pytest.param(
            "id",
            "Kepala BSSN Hinsa Siburian bersama Duta Besar Urusan Siber Australia, Tobias "
            "Feakin menyepakati kerja sama.",
            "Tobias Feakin",
            "Duta Besar Urusan Siber Australia",
            id="bersama-id",
        ),
        pytest.param(
            "en",
            "Home Minister Ahmad Zahid together with Japanese Ambassador Makio Miyagawa said "
            "the plan would work.",
            "Makio Miyagawa",
            "Japanese Ambassador",
            id="together-with-en",
        ),
        pytest.param(
            "en",
            "Communications and Multimedia Minister Salleh Said Keruak said the plan would work.",
            "Salleh Said Keruak",
            "Communications and Multimedia Minister",
            id="and-inside-a-title-en",
        ),
        pytest.param(
            "ms",
            "Menteri Komunikasi dan Multimedia Fahmi Fadzil berkata kerjasama akan berkembang.",
            "Fahmi Fadzil",
            "Menteri Komunikasi dan Multimedia",
            id="dan-inside-a-title-ms",
        ),
    ],
)
def test_a_word_that_joins_two_people_ends_the_first_ones_title(
    code: str, text: str, name: str, title: str
) -> None:
    """ "bersama", "together with" join two people, "and" / "dan" the words of one title."""
    assert the(speaker.candidates(article(code, text)), name).data["person"].title == title


#: (language, invented sentence, person, the features its words give): a title of office
#: or a rank before the name, an attribution verb after it — each language's own words.
LANGUAGE_WORDS = [
    pytest.param(
        "vi",
        "Tổng cục trưởng Trần Văn Hải cho hay hai bên sẽ tăng cường hợp tác.",
        "Trần Văn Hải",
        ("title", "speech_after"),
        id="vi-title-verb",
    ),
    pytest.param(
        "vi",
        "Phó Đô đốc Trần Văn Hải nói thêm rằng hai bên sẽ hợp tác.",
        "Trần Văn Hải",
        ("honorific", "speech_after"),
        id="vi-rank-verb",
    ),
    pytest.param(
        "ms",
        "Kerjasama itu penting, kata beliau. ASP Rosli Hamid menjelaskan butiran operasi.",
        "Rosli Hamid",
        ("honorific",),
        id="ms-rank",
    ),
    pytest.param(
        "ms",
        "Naib Canselor Rosli Hamid berkata kerjasama itu penting.",
        "Rosli Hamid",
        ("title", "speech_after"),
        id="ms-title",
    ),
    pytest.param(
        "id",
        "Kabareskrim Budi Santoso mengatakan kerja sama itu penting.",
        "Budi Santoso",
        ("title", "speech_after"),
        id="id-title",
    ),
    pytest.param(
        "id",
        "KH. Andi Wijaya menjelaskan rinciannya.",
        "Andi Wijaya",
        ("honorific",),
        id="id-rank",
    ),
    pytest.param(
        "tl",
        "Sinabi ni PNP chief Juan Dela Cruz na mahalaga ang kooperasyon.",
        "Juan Dela Cruz",
        ("title", "speech_before"),
        id="tl-title",
    ),
    pytest.param(
        "tl",
        "Nagbabala si PCol. Juan Dela Cruz laban sa mga scam.",
        "Juan Dela Cruz",
        ("honorific",),
        id="tl-rank",
    ),
    pytest.param(
        "th",
        "พันตำรวจเอกสมชาย ใจดี เปิดเผยว่าความร่วมมือมีความสำคัญ",
        "สมชาย ใจดี",
        ("honorific", "speech_after"),
        id="th-rank",
    ),
    pytest.param(
        "lo",
        "ທ່ານ ພົນຕີ ສົມພອນ ແກ້ວມະນີ ເປີດເຜີຍວ່າ ການຮ່ວມມືມີຄວາມສຳຄັນ",
        "ສົມພອນ ແກ້ວມະນີ",
        ("honorific", "speech_after"),
        id="lo-rank-verb",
    ),
    pytest.param(
        "my",
        "ဦးအောင်ကျော် က ပူးပေါင်းဆောင်ရွက်မှု အရေးကြီးကြောင်း မိန့်ကြားသည်။",
        "အောင်ကျော်",
        ("speech_after",),
        id="my-verb",
    ),
]


@pytest.mark.parametrize(("code", "text", "name", "features"), LANGUAGE_WORDS)
def test_a_languages_titles_ranks_and_attribution_verbs_mark_the_person(
    code: str, text: str, name: str, features: tuple[str, ...]
) -> None:
    found = the(_speaker(code, text), name)
    assert all(feature(found, f) == 1.0 for f in features), found.features


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Thủ tướng Phạm Minh Chính cho biết Việt Nam sẽ hợp tác với Nhật Bản.",
            "Phạm Minh Chính",
            id="chinh",
        ),
        pytest.param(
            "Trung tướng Nguyễn Văn Sáng, Cục trưởng, nhấn mạnh vai trò của hợp tác.",
            "Nguyễn Văn Sáng",
            id="sang",
        ),
    ],
)
def test_a_vietnamese_name_keeps_a_given_name_that_is_also_a_word(text: str, name: str) -> None:
    """ "Chính" opens "Chính phủ" and "Sáng" means morning, so neither starts a name;
    after a surname and a given name they are the person's own."""
    assert name in {c.value for c in _speaker("vi", text)}


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        pytest.param("Hợp tác an ninh mạng tại Châu Á ngày càng quan trọng.", "Châu Á", id="asia"),
        pytest.param(
            "Chính phủ Việt Nam và Chính phủ Nhật Bản ký bản ghi nhớ.", "Chính", id="government"
        ),
    ],
)
def test_a_surname_before_a_word_never_in_names_is_no_name(text: str, not_name: str) -> None:
    assert not_name not in {c.value for c in _speaker("vi", text)}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "ភ្នំពេញ៖ សម្តេចធិបតី ហ៊ុន ម៉ាណែត បានថ្លែងថា កម្ពុជា និងជប៉ុន នឹងសហការគ្នា។",
            id="thipadei",
        ),
        pytest.param(
            "ភ្នំពេញ៖ សម្ដេចធិបតី ហ៊ុន ម៉ាណែត បានថ្លែងថា កម្ពុជា និងជប៉ុន នឹងសហការគ្នា។",
            id="subscript-da",
        ),
        pytest.param(
            "ភ្នំពេញ៖ សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត បានថ្លែងថា កម្ពុជា និងជប៉ុន នឹងសហការគ្នា។",
            id="moha-bovor",
        ),
    ],
)
def test_a_khmer_compound_honorific_is_no_part_of_the_name(text: str) -> None:
    """Khmer honorifics compound ("សម្តេច" + "ធិបតី"), and "ត"/"ដ" are both written
    under "ម": the whole honorific goes, the name is the words after it."""
    values = {c.value for c in _speaker("km", text)}
    assert "ហ៊ុន ម៉ាណែត" in values
    assert not any("ធិបតី" in v for v in values), values

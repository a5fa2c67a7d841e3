"""The partner rule proposes every country and organisation an invented text names, and
each partner feature says how the text names it, in several languages."""

from __future__ import annotations

import pytest

from asean_cyber_data.extract import partners
from asean_cyber_data.extract.candidates import Candidate, FieldModel
from asean_cyber_data.relevance import assess

from .rules import article, feature, the


def _partners(
    code: str,
    text: str,
    home: str | None = None,
    speaker_country: str | None = None,
) -> list[Candidate]:
    """The partner candidates as the pipeline proposes them: with the relevance stage's
    cooperation words of the same text."""
    cooperation = [(e.start, e.end) for e in assess(text, code).evidence if e.kind == "cooperation"]
    return partners.candidates(article(code, text), home, speaker_country, cooperation)


#: (language, text, code, the first mention's text)
RULES = [
    pytest.param("en", "ASEAN will work with Japan on cyber security.", "JP", "Japan", id="en"),
    pytest.param("id", "ASEAN akan bekerja sama dengan Jepang.", "JP", "Jepang", id="id"),
    pytest.param("vi", "ASEAN sẽ hợp tác với Nhật Bản về an ninh mạng.", "JP", "Nhật Bản", id="vi"),
    pytest.param("th", "อาเซียนจะร่วมมือกับญี่ปุ่นด้านความมั่นคงไซเบอร์", "JP", "ญี่ปุ่น", id="th"),
    pytest.param("km", "អាស៊ានសហការជាមួយប្រទេសជប៉ុន លើសន្តិសុខអ៊ីនធឺណិត។", "JP", "ជប៉ុន", id="km"),
    pytest.param(
        "en",
        "The European Union (EU) will fund the training.",
        "EU",
        "European Union",
        id="organisation-with-acronym-en",
    ),
    pytest.param(
        "fr",
        "L'ASEAN coopérera avec le Japon en matière de cybersécurité.",
        "JP",
        "Japon",
        id="fr",
    ),
]


@pytest.mark.parametrize(("code", "text", "value", "span"), RULES)
def test_gazetteer_proposes_the_partner(code: str, text: str, value: str, span: str) -> None:
    a = article(code, text)
    candidate = the(partners.candidates(a, None, None), value, "gazetteer")
    assert a.text[candidate.start : candidate.end] == span


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "ASEAN Plus Three ministers from China, Japan and Korea met.", id="en"),
        pytest.param(
            "ms", "Menteri ASEAN Tambah Tiga dari China, Jepun dan Korea bertemu.", id="ms"
        ),
        pytest.param(
            "id", "Menteri ASEAN Plus Tiga dari China, Jepang dan Korea bertemu.", id="id"
        ),
    ],
)
def test_korea_alone_is_the_republic_of_korea_and_north_korea_stays_itself(
    code: str, text: str
) -> None:
    """In the region's cooperation "Korea" alone is the Republic of Korea (ASEAN Plus
    Three: China, Japan and Korea); the North is always named as such."""
    assert "KR" in [c.value for c in _partners(code, text)]
    north = text.replace("Korea", "North Korea" if code == "en" else "Korea Utara")
    assert [c.value for c in _partners(code, north) if c.value in ("KR", "KP")] == ["KP"]


@pytest.mark.parametrize(
    ("code", "text", "value"),
    [
        pytest.param("th", "ไทยและพม่าจะร่วมมือกันปราบปรามแก๊งคอลเซ็นเตอร์", "MM", id="th-burma"),
        pytest.param("th", "ตำรวจไทยประสานอินเตอร์โพลเพื่อติดตามผู้ต้องหา", "INTERPOL", id="th-interpol"),
        pytest.param("km", "កម្ពុជា និងកូរ៉េ នឹងសហការគ្នា", "KR", id="km-korea"),
        pytest.param("km", "កម្ពុជា និងកូរ៉េខាងជើង", "KP", id="km-north-korea"),
        pytest.param("vi", "Việt Nam và Italia hợp tác về an ninh mạng.", "IT", id="vi-italy"),
        pytest.param("vi", "Việt Nam và Đông Timor hợp tác.", "TL", id="vi-timor"),
        # "Anh" and "Đức" alone are also given names: named with the word that makes
        # them a country.
        pytest.param(
            "vi", "Việt Nam và phía Anh nhất trí hợp tác an ninh mạng.", "GB", id="vi-phia-anh"
        ),
        pytest.param(
            "vi", "Chính phủ Đức sẽ hỗ trợ Việt Nam về an ninh mạng.", "DE", id="vi-chinh-phu-duc"
        ),
        pytest.param(
            "vi", "Đại sứ quán Anh tổ chức hội thảo về an ninh mạng.", "GB", id="vi-dai-su-quan"
        ),
        pytest.param(
            "vi",
            "Đại sứ Đức tại Thái Lan Klaus Weber cho biết hai nước sẽ hợp tác.",
            "DE",
            id="vi-ambassador-to-a-place",
        ),
        pytest.param("lo", "ລາວ ແລະ ເກົາຫຼີ ຮ່ວມມືກັນ", "KR", id="lo-korea"),
        pytest.param("lo", "ລາວ ແລະ ເກົາຫຼີເໜືອ", "KP", id="lo-north-korea"),
        pytest.param("my", "မြန်မာနှင့် ကိုရီးယား", "KR", id="my-korea"),
        pytest.param("ms", "Malaysia dan Bank Dunia bekerjasama.", "WB", id="ms-world-bank"),
        pytest.param(
            "id", "Indonesia dan Dewan Eropa bekerja sama.", "COE", id="id-council-of-europe"
        ),
        pytest.param("th", "ไทยและธนาคารพัฒนาเอเชียร่วมมือกัน", "ADB", id="th-adb"),
    ],
)
def test_the_names_each_language_writes_for_a_country(code: str, text: str, value: str) -> None:
    found = [c.value for c in _partners(code, text)]
    assert value in found
    assert not ({"KR", "KP"} - {value}) & set(found)  # the two Koreas are never confused


@pytest.mark.parametrize(
    "australia",
    [
        pytest.param("អូស្ត្រាលី", id="ro-last"),
        pytest.param("អូស្រ្តាលី", id="ro-typed-first"),
        pytest.param("អូស្ដ្រាលី", id="subscript-da"),
        pytest.param("អូស្រ្ដាលី", id="ro-first-subscript-da"),
    ],
)
def test_a_khmer_name_is_found_however_its_subscripts_were_typed(australia: str) -> None:
    """Keyboards type a cluster's subscript RO before the other subscript or after it,
    and subscript DA for subscript TA; each pair renders alike and is one spelling, for
    partners and for the relevance stage."""
    text = f"កម្ពុជានិង{australia}បានចុះហត្ថលេខាលើអនុស្សរណៈប្រឆាំងឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា។"
    (found,) = [c for c in _partners("km", text) if c.value == "AU"]
    assert text[found.start : found.end] == australia
    parties = [e for e in assess(text, "km").evidence if e.kind == "other_party"]
    assert [(text[e.start : e.end], e.term) for e in parties] == [(australia, "AU")]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "Malaysia works with partners like India on cybercrime.", id="en"),
        pytest.param("ms", "Malaysia bekerjasama dengan negara seperti India.", id="ms"),
    ],
)
def test_a_comparison_word_inside_a_sentence_gives_examples_not_an_aside(
    code: str, text: str
) -> None:
    assert feature(the(_partners(code, text), "IN"), "all_aside") == 0.0


def test_a_vietnamese_given_name_is_no_country() -> None:
    """ "Anh" and "Đức" are also given names: alone, or after a title, no country."""
    text = "Ông Nguyễn Tuấn Anh và Đại sứ Đức cho biết Việt Nam sẽ hợp tác."
    assert not {"GB", "DE"} & {c.value for c in _partners("vi", text)}


def test_every_mention_of_one_code_is_one_candidate_with_every_span() -> None:
    text = "ASEAN will work with Japan. Japan sent experts. The Japanese side agreed."
    a = article("en", text)
    (japan,) = [c for c in partners.candidates(a, None, None) if c.value == "JP"]
    assert [a.text[s:e] for s, e in japan.data["spans"]] == ["Japan", "Japan", "Japanese"]


def test_a_full_name_and_its_bracketed_acronym_are_one_mention() -> None:
    a = article("en", "The European Union (EU) will fund the training.")
    (eu,) = partners.candidates(a, None, None)
    assert len(eu.data["spans"]) == 1


#: (language, (text, code) with the feature, (text, code) without it, feature[, options])
FEATURES = [
    pytest.param(
        "en",
        ("ASEAN will work with Japan. Japan sent experts. Japan paid.", "JP"),
        ("ASEAN will work with Japan on cyber security.", "JP"),
        "mentions",
        id="mentions-en",
    ),
    pytest.param(
        "en",
        ("ASEAN will work with Japan. Japan sent experts, China watched.", "JP"),
        ("ASEAN will work with Japan. Japan sent experts, China watched.", "CN"),
        "weight_share",
        id="weight_share-en",
    ),
    pytest.param(
        "en",
        ("ASEAN will work with Japan. Japan sent experts, China watched.", "JP"),
        ("ASEAN will work with Japan. Japan sent experts, China watched.", "CN"),
        "top_external",
        id="top_external-en",
    ),
    pytest.param(
        "vi",
        ("ASEAN hợp tác với Nhật Bản. Trung Quốc theo dõi.", "JP"),
        ("ASEAN hợp tác với Nhật Bản. Trung Quốc theo dõi.", "CN"),
        "top_external",
        id="top_external-vi",
    ),
    pytest.param(
        "en",
        ("ASEAN will work with Japan and with China. India watched.", "CN"),
        ("ASEAN will work with Japan and with China. India watched.", "IN"),
        "half_top",
        id="half_top-en",
    ),
    pytest.param(
        "en",
        ("ASEAN will work with Japan on cyber security.", "JP"),
        ("Japan will host a cyber security meeting.", "JP"),
        "cued",
        id="cued-en",
    ),
    pytest.param(
        "id",
        ("ASEAN akan bekerja sama dengan Jepang.", "JP"),
        ("Jepang akan menjadi tuan rumah pertemuan.", "JP"),
        "cued",
        id="cued-id",
    ),
    pytest.param(
        "th",
        ("อาเซียนจะร่วมมือกับญี่ปุ่นด้านไซเบอร์", "JP"),
        ("ญี่ปุ่นจะเป็นเจ้าภาพการประชุม", "JP"),
        "cued",
        id="cued-th",
    ),
    pytest.param(
        "en",
        ("The ASEAN-Japan plan was agreed.", "JP"),
        ("The Japan plan was agreed.", "JP"),
        "joined",
        id="joined-en",
    ),
    pytest.param(
        "vi",
        ("Kế hoạch ASEAN - Nhật Bản đã được thông qua.", "JP"),
        ("Kế hoạch của Nhật Bản đã được thông qua.", "JP"),
        "joined",
        id="joined-vi",
    ),
    pytest.param(
        "en",
        ("Malaysia-Japan talks continue.", "JP"),
        ("Malaysia and Japan talk.", "JP"),
        "member_joined",
        id="member_joined-en",
    ),
    pytest.param(
        "en",
        ("ASEAN will work with Australia, Japan and New Zealand.", "JP"),
        ("ASEAN will work with Australia. Japan and New Zealand watched.", "JP"),
        "coordinated",
        id="coordinated-en",
    ),
    pytest.param(
        "id",
        ("ASEAN bekerja sama dengan Australia, Jepang dan Selandia Baru.", "JP"),
        ("ASEAN bekerja sama dengan Australia. Jepang dan Selandia Baru menonton.", "JP"),
        "coordinated",
        id="coordinated-id",
    ),
    pytest.param(
        "en",
        ("Police arrested Chinese nationals.", "CN"),
        ("Police worked with China.", "CN"),
        "all_people",
        id="all_people-en",
    ),
    pytest.param(
        "id",
        ("Polisi menangkap warga negara China.", "CN"),
        ("Polisi bekerja sama dengan China.", "CN"),
        "all_people",
        id="all_people-id",
    ),
    pytest.param(
        "vi",
        ("Cảnh sát bắt giữ công dân Trung Quốc.", "CN"),
        ("Cảnh sát hợp tác với Trung Quốc.", "CN"),
        "all_people",
        id="all_people-vi",
    ),
    pytest.param(
        "en",
        ("Their victims include citizens of China and Laos.", "CN"),
        ("Police worked with China and Laos.", "CN"),
        "all_people",
        id="all_people-citizens-of-en",
    ),
    pytest.param(
        "th",
        ("ตำรวจจับกุมชาวจีนสามคน", "CN"),
        ("ตำรวจร่วมมือกับจีน", "CN"),
        "all_people",
        id="all_people-th",
    ),
    pytest.param(
        "km",
        ("ប៉ូលិសបានចាប់ខ្លួនជនជាតិចិនបីនាក់។", "CN"),
        ("ប៉ូលិសកម្ពុជាសហការជាមួយចិន។", "CN"),
        "all_people",
        id="all_people-glued-km",
    ),
    pytest.param(
        "fr",
        ("La police a arrêté des ressortissants chinois.", "CN"),
        ("La police coopère avec la Chine.", "CN"),
        "all_people",
        id="all_people-fr",
    ),
    pytest.param(
        "en",
        ("Scams rose, according to Interpol.", "INTERPOL"),
        ("Police worked with Interpol.", "INTERPOL"),
        "all_cited",
        id="all_cited-en",
    ),
    pytest.param(
        "id",
        ("Penipuan naik menurut Interpol.", "INTERPOL"),
        ("Polisi bekerja sama dengan Interpol.", "INTERPOL"),
        "all_cited",
        id="all_cited-id",
    ),
    pytest.param(
        "vi",
        ("Lừa đảo tăng, theo Interpol.", "INTERPOL"),
        ("Cảnh sát hợp tác với Interpol.", "INTERPOL"),
        "all_cited",
        id="all_cited-vi",
    ),
    pytest.param(
        "en",
        ("ASEAN met Japan. Separately, India held talks.", "IN"),
        ("ASEAN met Japan. India held talks.", "IN"),
        "all_aside",
        id="all_aside-en",
    ),
    pytest.param(
        "en",
        ("Malaysia signed with Korea. It follows similar pacts with India.", "IN"),
        ("Malaysia signed with Korea. It follows talks with India.", "IN"),
        "all_aside",
        id="all_aside-similar-pacts-en",
    ),
    pytest.param(
        "en",
        ("Malaysia signed with Korea. Its law is modelled on laws in India.", "IN"),
        ("Malaysia signed with Korea. Its law was drafted with India.", "IN"),
        "all_aside",
        id="all_aside-modelled-on-en",
    ),
    # a comparison opening the sentence names a model, not a partner
    pytest.param(
        "en",
        ("Like India, Malaysia is amending its cyber law with Korea.", "IN"),
        ("With India, Malaysia is amending its cyber law.", "IN"),
        "all_aside",
        id="all_aside-comparison-en",
    ),
    pytest.param(
        "ms",
        ("Seperti India, Malaysia juga meminda undang-undang siber.", "IN"),
        ("Bersama India, Malaysia juga meminda undang-undang siber.", "IN"),
        "all_aside",
        id="all_aside-comparison-ms",
    ),
    pytest.param(
        "vi",
        ("Giống như Ấn Độ, Việt Nam đang sửa đổi luật an ninh mạng.", "IN"),
        ("Cùng với Ấn Độ, Việt Nam đang sửa đổi luật an ninh mạng.", "IN"),
        "all_aside",
        id="all_aside-comparison-vi",
    ),
    pytest.param(
        "en",
        ("It is unclear whether Russia will join.", "RU"),
        ("Russia will join.", "RU"),
        "hypothetical",
        id="hypothetical-en",
    ),
    pytest.param(
        "en",
        ("Police arrested Chinese nationals.", "CN"),
        ("Police worked with China.", "CN"),
        "zero_weight",
        id="zero_weight-en",
    ),
    pytest.param(
        "en",
        ("ASEAN met Japan and later China.", "CN"),
        ("ASEAN met Japan and later China.", "JP"),
        "position",
        id="position-en",
    ),
    pytest.param(
        "en",
        ("JAPAN HELPS ASEAN\nASEAN will work with Japan.\nMore follows.", "JP"),
        ("Cyber help\nASEAN will work with Japan.\nMore follows.", "JP"),
        "headline",
        id="headline-en",
    ),
    pytest.param(
        "en",
        ("ASEAN met Japan and China.", "JP"),
        ("ASEAN met Japan and China.", "CN"),
        "first_named",
        id="first_named-en",
    ),
    pytest.param(
        "en",
        ("ASEAN will work with the European Union.", "EU"),
        ("ASEAN will work with Japan.", "JP"),
        "organisation",
        id="organisation-en",
    ),
    pytest.param(
        "id",
        ("ASEAN bekerja sama dengan Uni Eropa.", "EU"),
        ("ASEAN bekerja sama dengan Jepang.", "JP"),
        "organisation",
        id="organisation-id",
    ),
    pytest.param(
        "en",
        ("Malaysia will work with Japan.", "MY"),
        ("Malaysia will work with Japan.", "JP"),
        "member",
        id="member-en",
    ),
    pytest.param(
        "vi",
        ("Việt Nam hợp tác với Nhật Bản.", "VN"),
        ("Việt Nam hợp tác với Nhật Bản.", "JP"),
        "member",
        id="member-vi",
    ),
    pytest.param(
        "en",
        ("Malaysia will work with Vietnam.", "MY"),
        ("Malaysia will work with Vietnam.", "VN"),
        "home",
        id="home-en",
    ),
    pytest.param(
        "en",
        ("Malaysia and Vietnam signed a pact.", "VN"),
        ("Malaysia, Vietnam and Thailand signed a pact.", "VN"),
        "only_other_member",
        id="only_other_member-en",
    ),
    pytest.param(
        "en",
        (
            "Malaysia and Vietnam signed a pact. Vietnam will train officers. Thailand watched.",
            "VN",
        ),
        (
            "Malaysia and Vietnam signed a pact. Vietnam will train officers. Thailand watched.",
            "TH",
        ),
        "counterpart",
        id="counterpart-en",
    ),
    pytest.param(
        "en",
        ("Malaysia will work with Vietnam.", "VN"),
        ("Malaysia will work with Japan.", "MY"),
        "no_external",
        id="no_external-en",
    ),
    pytest.param(
        "vi",
        ("Việt Nam hợp tác với Lào.", "LA"),
        ("Việt Nam hợp tác với Nhật Bản.", "VN"),
        "no_external",
        id="no_external-vi",
    ),
    # A party in a sentence with a cooperation word, against one named in passing.
    pytest.param(
        "en",
        ("Malaysia signed a memorandum with Japan. The suspect fled to Laos.", "JP"),
        ("Malaysia signed a memorandum with Japan. The suspect fled to Laos.", "LA"),
        "cooperation_sentence",
        id="cooperation_sentence-en",
    ),
    pytest.param(
        "ms",
        ("Malaysia dan Jepun meterai memorandum. Suspek melarikan diri ke Laos.", "JP"),
        ("Malaysia dan Jepun meterai memorandum. Suspek melarikan diri ke Laos.", "LA"),
        "cooperation_sentence",
        id="cooperation_sentence-ms",
    ),
    pytest.param(
        "vi",
        ("Việt Nam hợp tác với Nhật Bản. Đối tượng đã trốn sang Lào.", "JP"),
        ("Việt Nam hợp tác với Nhật Bản. Đối tượng đã trốn sang Lào.", "LA"),
        "cooperation_sentence",
        id="cooperation_sentence-vi",
    ),
    pytest.param(
        "th",
        ("ไทยลงนามบันทึกความเข้าใจกับญี่ปุ่น\nผู้ต้องหาหลบหนีไปลาว", "JP"),
        ("ไทยลงนามบันทึกความเข้าใจกับญี่ปุ่น\nผู้ต้องหาหลบหนีไปลาว", "LA"),
        "cooperation_sentence",
        id="cooperation_sentence-th",
    ),
    pytest.param(
        "en",
        ("ASEAN met Australia, China, India, Japan and Korea on cybercrime.", "JP"),
        ("ASEAN met Japan and Korea on cybercrime; China sent a note.", "JP"),
        "enumerated",
        id="enumerated-en",
    ),
    pytest.param(
        "ms",
        ("ASEAN bertemu Australia, China, India, Jepun dan Korea mengenai jenayah siber.", "JP"),
        ("ASEAN bertemu Jepun dan Korea mengenai jenayah siber.", "JP"),
        "enumerated",
        id="enumerated-ms",
    ),
    pytest.param(
        "vi",
        ("ASEAN họp với Úc, Trung Quốc, Ấn Độ, Nhật Bản và Hàn Quốc về tội phạm mạng.", "JP"),
        ("ASEAN họp với Nhật Bản và Hàn Quốc về tội phạm mạng.", "JP"),
        "enumerated",
        id="enumerated-vi",
    ),
    # the party is where a city is: a venue, not a party
    pytest.param(
        "en",
        ("ASEAN and Japan met in Bangkok, Thailand, on cybercrime.", "TH"),
        ("ASEAN will work with Thailand on cybercrime.", "TH"),
        "venue",
        id="venue-en",
    ),
    pytest.param(
        "ms",
        ("ASEAN dan Jepun bermesyuarat di Bangkok, Thailand mengenai jenayah siber.", "TH"),
        ("ASEAN bekerjasama dengan Thailand mengenai jenayah siber.", "TH"),
        "venue",
        id="venue-ms",
    ),
    pytest.param(
        "vi",
        ("ASEAN và Nhật Bản họp tại Hà Nội, Việt Nam về tội phạm mạng.", "VN"),
        ("ASEAN hợp tác với Việt Nam về tội phạm mạng.", "VN"),
        "venue",
        id="venue-vi",
    ),
    # the party is named in the occasion another meeting is held at
    pytest.param(
        "en",
        (
            "On the sidelines of the ASEAN-Japan Summit, Malaysia and Singapore signed a "
            "cybersecurity MoU.",
            "JP",
        ),
        ("Malaysia and Japan signed a cybersecurity MoU at the summit.", "JP"),
        "all_occasion",
        id="occasion-en",
    ),
    pytest.param(
        "vi",
        (
            "Bên lề Hội nghị Cấp cao ASEAN-Nhật Bản, Việt Nam và Lào ký bản ghi nhớ về an "
            "ninh mạng.",
            "JP",
        ),
        ("Việt Nam và Nhật Bản ký bản ghi nhớ về an ninh mạng.", "JP"),
        "all_occasion",
        id="occasion-vi",
    ),
    pytest.param(
        "id",
        (
            "Di sela-sela KTT ASEAN-Australia, Indonesia dan Malaysia sepakat memerangi "
            "kejahatan siber.",
            "AU",
        ),
        ("Indonesia dan Australia sepakat memerangi kejahatan siber.", "AU"),
        "all_occasion",
        id="occasion-id",
    ),
    pytest.param(
        "km",
        (
            "ក្នុងឱកាសចូលរួមកិច្ចប្រជុំកំពូលអាស៊ាន-ជប៉ុន កម្ពុជានិងថៃបានចុះហត្ថលេខាលើអនុស្សរណៈ"
            "ប្រឆាំងឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា។",
            "JP",
        ),
        ("កម្ពុជានិងជប៉ុនបានចុះហត្ថលេខាលើអនុស្សរណៈប្រឆាំងឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា។", "JP"),
        "all_occasion",
        id="occasion-km",
    ),
    # (a party named after the occasion's clause has ended is the cooperation's)
    pytest.param(
        "en",
        ("On the sidelines of the ASEAN-Malaysia Summit, Japan met officials.", "MY"),
        ("On the sidelines of the ASEAN-Japan Summit, Malaysia met Japan on cybercrime.", "MY"),
        "all_occasion",
        id="occasion-ends-at-the-clause-en",
    ),
]


#: The ASEAN side's country the member features are measured against (by feature).
MALAYSIA = {"home": "MY"}
OPTIONS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    name: (MALAYSIA, MALAYSIA) for name in ("home", "only_other_member", "counterpart")
}


@pytest.mark.parametrize(("code", "with_", "without", "name"), FEATURES)
def test_feature_tells_the_candidates_apart(
    code: str, with_: tuple[str, str], without: tuple[str, str], name: str
) -> None:
    high_options, low_options = OPTIONS.get(name, ({}, {}))
    high = the(_partners(code, with_[0], **high_options), with_[1])
    low = the(_partners(code, without[0], **low_options), without[1])
    assert feature(high, name) > feature(low, name), (feature(high, name), feature(low, name))


@pytest.mark.parametrize(
    ("code", "text", "speaker_code"),
    [
        pytest.param(
            "en", "British Ambassador Ian Frew said the United Kingdom will help.", "GB", id="en"
        ),
        pytest.param(
            "id",
            "Duta Besar Australia Penny Williams mengatakan Australia akan membantu.",
            "AU",
            id="id",
        ),
    ],
)
def test_speaker_country_marks_the_foreign_speakers_country(
    code: str, text: str, speaker_code: str
) -> None:
    with_ = the(_partners(code, text, "MY", speaker_country=speaker_code), speaker_code)
    without = the(_partners(code, text, "MY", speaker_country="MY"), speaker_code)
    assert feature(with_, "speaker_country") == 1.0
    assert feature(without, "speaker_country") == 0.0


def test_a_members_own_country_is_never_marked_as_the_foreign_speakers() -> None:
    found = _partners("en", "Malaysia will work with Japan.", "MY", speaker_country="MY")
    assert feature(the(found, "MY"), "speaker_country") == 0.0


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "According to Interpol, scams rose sharply.", id="en"),
        pytest.param("id", "Menurut Interpol, penipuan naik tajam.", id="id"),
        pytest.param("vi", "Theo Interpol, lừa đảo tăng mạnh.", id="vi"),
        pytest.param("ms", "Menurut Interpol, penipuan meningkat mendadak.", id="ms"),
        pytest.param("tl", "Ayon sa Interpol, tumaas nang husto ang mga scam.", id="tl"),
        pytest.param("fr", "Selon Interpol, les escroqueries ont fortement augmenté.", id="fr"),
        pytest.param(
            "en",
            "KUALA LUMPUR, 3 March (Bernama) -- According to Interpol, scams rose.",
            id="after-dateline-en",
        ),
        pytest.param(
            "vi", "Hà Nội (TTXVN) - Theo Interpol, lừa đảo tăng mạnh.", id="after-dateline-vi"
        ),
    ],
)
def test_a_citation_cue_at_the_start_of_a_sentence_marks_a_cited_source(
    code: str, text: str
) -> None:
    assert feature(the(_partners(code, text), "INTERPOL"), "all_cited") == 1.0


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("id", "Warga negara China ditangkap polisi.", id="id"),
        pytest.param("vi", "Công dân Trung Quốc bị cảnh sát bắt giữ.", id="vi"),
        pytest.param("ms", "Warga negara China ditahan polis semalam.", id="ms"),
        pytest.param("ms", "Polis menahan suspek. Rakyat China itu didakwa.", id="second-ms"),
    ],
)
def test_a_nationality_cue_at_the_start_of_a_sentence_marks_people(code: str, text: str) -> None:
    assert feature(the(_partners(code, text), "CN"), "all_people") == 1.0


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("en", "With Japan, ASEAN will train cyber responders.", id="en"),
        pytest.param("ms", "Bersama Jepun, Malaysia akan melatih pasukan siber.", id="ms"),
        pytest.param("vi", "Cùng Nhật Bản, Việt Nam sẽ đào tạo lực lượng an ninh mạng.", id="vi"),
    ],
)
def test_a_cooperation_cue_at_the_start_of_a_sentence_cues_the_partner(
    code: str, text: str
) -> None:
    assert feature(the(_partners(code, text), "JP"), "cued") == 1.0


@pytest.mark.parametrize(
    ("code", "text", "partner", "name"),
    [
        pytest.param(
            "id",
            "Pengurus Paguyuban Warga China Benteng bertemu polisi.",
            "CN",
            "all_people",
            id="nationality-id",
        ),
        pytest.param(
            "en",
            "The Asia Report Japan Edition was launched by ASEAN.",
            "JP",
            "all_cited",
            id="citation-en",
        ),
    ],
)
def test_a_capitalised_cue_inside_a_name_is_not_a_cue(
    code: str, text: str, partner: str, name: str
) -> None:
    """Only a sentence's first word takes a capital for grammar: mid-sentence, the
    capitalised word belongs to a name."""
    assert feature(the(_partners(code, text), partner), name) == 0.0


#: (language, text): Japan named first, once; Australia named three times after it.
PRINCIPAL_TEXTS = [
    pytest.param(
        "en",
        "ASEAN will work with Japan on cyber security. Australia joined too: Australia sent "
        "experts and Australia paid for the drill.",
        id="en",
    ),
    pytest.param(
        "id",
        "ASEAN akan bekerja sama dengan Jepang di bidang siber. Australia juga ikut: Australia "
        "mengirim pakar dan Australia membiayai latihan.",
        id="id",
    ),
]


@pytest.mark.parametrize(("code", "text"), PRINCIPAL_TEXTS)
def test_the_principal_model_picks_the_principal_among_the_accepted(code: str, text: str) -> None:
    a = article(code, text)
    found = partners.candidates(a, None, None)
    # The parties are accepted by how often they are named ...
    members = FieldModel(bias=-2.0, weights={"mentions": 8.0}, threshold=0.3)
    unfitted = [p.code for p in partners.find_partners(a, found, members)]
    assert unfitted == ["AU", "JP"]
    # ... and a principal model that trusts the first-named party reorders them, without
    # changing which parties are listed.
    first_named = FieldModel(bias=0.0, weights={"first_named": 5.0}, threshold=0.0, kind="choice")
    assert [p.code for p in partners.find_partners(a, found, members, first_named)] == [
        "JP",
        "AU",
    ]


@pytest.mark.parametrize(
    ("code", "text", "about", "partner"),
    [
        pytest.param(
            "ms",
            "Polis China dan Laos membongkar sindiket penipuan dalam talian. Laos akan "
            "menghantar pulang suspek.",
            "LA",
            "CN",
            id="ms",
        ),
        pytest.param(
            "th",
            "กัมพูชาจะเนรเทศชาวเกาหลีใต้ โดยความร่วมมือกับสถานทูตเกาหลีใต้ กัมพูชาระบุ",
            "KH",
            "KR",
            id="th",
        ),
        pytest.param(
            "vi",
            "Campuchia hợp tác với Hàn Quốc chống lừa đảo trực tuyến. Campuchia cho biết.",
            "KH",
            "KR",
            id="vi",
        ),
    ],
)
def test_the_member_a_story_is_about_is_the_asean_side_when_home_is_not_named(
    code: str, text: str, about: str, partner: str
) -> None:
    """A story in another member's language that never names that member: the member it
    is about is the home, not the partner."""
    found = _partners(code, text, home=article(code, text).language.home_country)
    assert feature(the(found, about), "home") == 1.0
    assert feature(the(found, about), "only_other_member") == 0.0
    assert feature(the(found, partner), "home") == 0.0


@pytest.mark.parametrize(
    ("code", "text", "home", "counterpart"),
    [
        pytest.param(
            "vi",
            "Bộ Công an nước ta ký kết hợp tác với Lào về phòng chống tội phạm mạng.",
            "VN",
            "LA",
            id="vi-nuoc-ta",
        ),
        pytest.param(
            "ms",
            "Polis negara ini bekerjasama dengan Thailand menumpaskan sindiket scam.",
            "MY",
            "TH",
            id="ms-negara-ini",
        ),
        pytest.param(
            "en",
            "Malaysia will work with Thailand on online scams.",
            "MY",
            "TH",
            id="en-named",
        ),
    ],
)
def test_a_home_named_or_referred_to_keeps_the_other_member_as_counterpart(
    code: str, text: str, home: str, counterpart: str
) -> None:
    found = _partners(code, text, home=home)
    assert feature(the(found, counterpart), "home") == 0.0
    assert feature(the(found, counterpart), "counterpart") == 1.0


@pytest.mark.parametrize(
    ("code", "text", "party", "body"),
    [
        pytest.param(
            "en",
            "Malaysian police worked with the FBI to dismantle a scam ring.",
            "US",
            "FBI",
            id="en",
        ),
        pytest.param(
            "ms",
            "Polis Diraja Malaysia bekerjasama dengan FBI menumpaskan sindiket penipuan.",
            "US",
            "FBI",
            id="ms",
        ),
        pytest.param(
            "vi",
            "Bộ Công an phối hợp với FBI triệt phá đường dây lừa đảo trực tuyến.",
            "US",
            "FBI",
            id="vi",
        ),
        pytest.param(
            "id",
            "Polri bekerja sama dengan KNPA memberantas penipuan daring.",
            "KR",
            "KNPA",
            id="id",
        ),
    ],
)
def test_a_party_named_only_by_its_government_body_is_a_candidate(
    code: str, text: str, party: str, body: str
) -> None:
    """ "Worked with the FBI" names the United States as a party: a foreign government
    body of the registry is a mention of its country, kept as evidence, feature ``body``."""
    candidate = the(_partners(code, text), party)
    start, end = candidate.data["spans"][0]
    assert text[start:end] == body
    assert feature(candidate, "body") == 1.0


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        # the party is named inside the body's name: a mention by name, not by a body
        pytest.param("The Australian Federal Police trained Thai officers.", [], id="party-inside"),
        # a member's own bodies are the ASEAN side's, never a partner's mention
        pytest.param("BSSN and MCMC met the FBI on incident response.", ["US"], id="members"),
    ],
)
def test_only_a_foreign_body_without_its_party_beside_is_a_mention(
    text: str, bodies: list[str]
) -> None:
    assert [code for _s, _e, code in article("en", text).foreign_bodies] == bodies
    named_by_body = [c.value for c in _partners("en", text) if feature(c, "body")]
    assert named_by_body == bodies


@pytest.mark.parametrize(
    ("code", "text", "bodies"),
    [
        pytest.param(
            "en", "Thai police worked with Homeland Security Investigations on it.", ["US"], id="en"
        ),
        pytest.param(
            "ms", "KOICA membiayai latihan keselamatan siber di Kuala Lumpur.", ["KR"], id="ms"
        ),
        pytest.param("vi", "GIZ hỗ trợ Việt Nam đào tạo về an ninh mạng.", ["DE"], id="vi"),
        # an acronym with other meanings is trusted only in credit position
        pytest.param(
            "en", "The NCA and the NSA were not mentioned by name here.", [], id="acronyms"
        ),
    ],
)
def test_the_registrys_foreign_bodies_are_read_in_any_language(
    code: str, text: str, bodies: list[str]
) -> None:
    assert [c for _s, _e, c in article(code, text).foreign_bodies] == bodies


def test_a_city_that_is_also_a_party_makes_no_venue() -> None:
    """ "Singapore, Malaysia and Japan": Singapore is a party here, not a city before
    the country it is in."""
    found = the(_partners("en", "Singapore, Malaysia and Japan agreed to cooperate."), "MY")
    assert feature(found, "venue") == 0.0


#: (language, text, home, the neighbour named only as a border).
BORDERS = [
    pytest.param(
        "th",
        "ตำรวจไทยร่วมมือกับตำรวจจีนปราบแก๊งคอลเซ็นเตอร์ตามแนวชายแดนเมียนมา",
        "TH",
        "MM",
        id="th",
    ),
    pytest.param(
        "vi",
        "Công an Việt Nam hợp tác với Trung Quốc chống lừa đảo ở khu vực biên giới Campuchia.",
        "VN",
        "KH",
        id="vi",
    ),
    pytest.param(
        "ms",
        "Polis Malaysia bekerjasama dengan China membanteras sindiket di sempadan Thailand.",
        "MY",
        "TH",
        id="ms",
    ),
    pytest.param(
        "id",
        "Polri bekerja sama dengan Australia menindak penipuan di perbatasan Timor Leste.",
        "ID",
        "TL",
        id="id",
    ),
    pytest.param(
        "en",
        "Thai police worked with China against scam hubs near the country's border with Laos.",
        "TH",
        "LA",
        id="en",
    ),
    pytest.param(
        "km",
        "ប៉ូលិសកម្ពុជាសហការជាមួយចិនបង្ក្រាបការឆបោកតាមព្រំដែនថៃ។",
        "KH",
        "TH",
        id="km",
    ),
    pytest.param(
        "my",
        "မြန်မာရဲတပ်ဖွဲ့သည် တရုတ်နိုင်ငံနှင့် ပူးပေါင်း၍ ထိုင်းနယ်စပ်ရှိ လိမ်လည်မှုဂိုဏ်းများကို နှိမ်နင်းခဲ့သည်။",
        "MM",
        "TH",
        id="my",
    ),
]


@pytest.mark.parametrize(("code", "text", "home", "neighbour"), BORDERS)
def test_a_country_named_as_a_border_is_a_place_not_a_counterpart(
    code: str, text: str, home: str, neighbour: str
) -> None:
    found = the(_partners(code, text, home), neighbour)
    assert feature(found, "zero_weight") == 1.0
    assert feature(found, "counterpart") == 0.0


@pytest.mark.parametrize(
    ("code", "text", "home", "neighbour"),
    [
        pytest.param("th", "ตำรวจไทยร่วมมือกับตำรวจเมียนมาปราบแก๊งคอลเซ็นเตอร์", "TH", "MM", id="th"),
        pytest.param(
            "vi",
            "Công an Việt Nam hợp tác với Campuchia chống lừa đảo trực tuyến.",
            "VN",
            "KH",
            id="vi",
        ),
        pytest.param("en", "Thai police worked with Laos against scam hubs.", "TH", "LA", id="en"),
    ],
)
def test_a_neighbour_named_as_a_party_is_still_the_counterpart(
    code: str, text: str, home: str, neighbour: str
) -> None:
    found = the(_partners(code, text, home), neighbour)
    assert feature(found, "zero_weight") == 0.0
    assert feature(found, "counterpart") == 1.0

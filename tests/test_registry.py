"""The outlet and mechanism registries load, validate, and refuse wrong data.

Wrong data is written by each test into a temporary copy of the shipped file, as a
person editing the registry would get it wrong: a misspelled key, a repeated id, a code
that is no country.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from asean_cyber_data.datafiles import DATA, read_yaml
from asean_cyber_data.extract.registry import (
    RegistryError,
    ValidationError,
    load_mechanisms,
    load_outlets,
    mechanism_matcher,
    mechanisms,
    outlets,
)

from .conftest import DATA as TEST_DATA

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
REGION = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL"}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def edited_copy(tmp_path: Path, name: str, old: str = "", new: str = "") -> Any:
    """The shipped registry file with the first ``old`` replaced by ``new``, written to
    ``tmp_path`` and read back."""
    text = (DATA / name).read_text(encoding="utf-8")
    if old:
        assert old in text, old
        text = text.replace(old, new, 1)
    copy = tmp_path / name
    copy.write_text(text, encoding="utf-8")
    # The C parser when there is one: these tests parse the whole file many times.
    return yaml.load(copy.read_text(encoding="utf-8"), Loader=FAST_LOADER)


def test_outlet_registry_loads_with_every_region_and_the_wires() -> None:
    entries = outlets()
    assert len(entries) >= 200
    assert len([o for o in entries if o.country in REGION]) >= 200
    assert {o.country for o in entries} >= REGION
    kinds = {o.kind for o in entries}
    assert {"agency", "newspaper", "broadcaster", "online", "government"} <= kinds
    wires = {o.name for o in entries if o.kind == "agency"}
    assert {"Reuters", "Agence France-Presse", "The Associated Press", "Bernama"} <= wires


def test_mechanism_registry_loads() -> None:
    entries = mechanisms()
    assert len(entries) >= 120
    assert {m.kind for m in entries} >= {
        "meeting-series",
        "dialogue",
        "centre",
        "working-group",
        "agreement",
        "declaration",
        "convention",
        "programme",
    }


def test_registries_are_loaded_once_per_process() -> None:
    assert outlets() is outlets() and mechanisms() is mechanisms()


def test_ambiguous_outlet_names_are_position_only() -> None:
    by_id = {o.id: o for o in outlets()}
    assert "The Star" in by_id["the-star"].position_only
    assert "TODAY" in by_id["today"].position_only
    assert "CNA" in by_id["cna"].position_only
    assert "Bernama" not in by_id["bernama"].position_only
    # A name two outlets share says nothing alone: both flag it.
    assert "Berita Harian" in by_id["berita-harian-my"].position_only
    assert "Berita Harian" in by_id["berita-harian-sg"].position_only


def test_a_dated_edition_leaves_the_bare_acronym_to_its_series() -> None:
    owners = {fold(n): m for m in mechanisms() for n in m.names}
    assert owners[fold("ACCS")].id == "accs"
    assert owners[fold("ACCS 2021-2025")].edition_of == "accs"
    assert owners[fold("OEWG")].id == "un-oewg"


def test_aliases_are_kept_by_language() -> None:
    summit = {m.id: m for m in mechanisms()}["asean-summit"]
    assert "Sidang Kemuncak ASEAN" in summit.aliases["ms"]
    assert "KTT ASEAN" in summit.aliases["id"]
    assert "Hội nghị Cấp cao ASEAN" in summit.aliases["vi"]


#: An invented sentence of each language, around a name: (before, after).
SENTENCE_AROUND = {
    "en": ("Officials took part in the ", " last week."),
    "ms": ("Pegawai menghadiri ", " minggu lalu."),
    "id": ("Pejabat menghadiri ", " pekan lalu."),
    "vi": ("Các quan chức tham dự ", " tuần trước."),
    "th": ("เจ้าหน้าที่เข้าร่วม", "เมื่อสัปดาห์ที่แล้ว"),
    "km": ("មន្ត្រីបានចូលរួម", "កាលពីសប្តាហ៍មុន។"),
    "lo": ("ເຈົ້າໜ້າທີ່ໄດ້ເຂົ້າຮ່ວມ", "ໃນອາທິດແລ້ວນີ້."),
    "my": ("အရာရှိများသည် ", " သို့ တက်ရောက်ခဲ့သည်။"),
    "tl": ("Dumalo ang mga opisyal sa ", " noong nakaraang linggo."),
    "fr": ("Les responsables ont participé au ", " la semaine dernière."),
}


def test_every_name_of_the_registry_is_found_as_its_mechanism_in_its_language() -> None:
    """Each name, acronym and alias, written in a sentence of its language (Thai, Khmer,
    Lao with no space around it), is matched whole and resolves to its own entry: no
    other entry's longer form swallows it, no boundary rule of the script hides it."""
    matcher = mechanism_matcher()
    lost = []
    for entry in mechanisms():
        forms = [("en", name) for name in (entry.name, *entry.acronyms)]
        forms += [(code, alias) for code, aliases in entry.aliases.items() for alias in aliases]
        for code, form in forms:
            before, after = SENTENCE_AROUND[code]
            text = before + form + after
            span = (len(before), len(before) + len(form), entry.id)
            if span not in matcher.finditer(text):
                lost.append((entry.id, code, form))
    assert not lost


def test_numbered_sessions_give_their_year() -> None:
    by_id = {m.id: m for m in mechanisms()}
    assert by_id["asean-summit"].sessions is not None
    assert by_id["asean-summit"].sessions.year_of(38) == 2021
    eas = by_id["eas"].sessions
    assert eas is not None
    assert (eas.year_of(2), eas.year_of(4), eas.year_of(20)) == (2007, 2009, 2025)
    assert by_id["ammtc"].sessions is not None
    assert by_id["ammtc"].sessions.year_of(19) == 2025
    # Not in the data, not guessed.
    assert by_id["ammtc"].sessions.year_of(30) is None


# --- wrong data is refused --------------------------------------------------------------

OUTLET_ERRORS = [
    ("misspelled key", "  country: BN\n", "  countyr: BN\n"),
    ("unknown top-level key", "version: 1\n", "version: 1\nextra: true\n"),
    ("duplicate id", "- id: media-permata\n", "- id: borneo-bulletin\n"),
    ("duplicate name in a country", "  name: Media Permata\n", "  name: Borneo Bulletin\n"),
    ("not a country code", "  country: BN\n", "  country: XX\n"),
    ("organisation code no schema knows", "  country: BN\n", "  country: ASEAN\n"),
    ("alias with spaces", "[PELITA BRUNEI,", "[' PELITA BRUNEI',"),
    ("empty alias", "[PELITA BRUNEI,", "['',"),
    ("domain with scheme", "[pelitabrunei.gov.bn]", "['https://pelitabrunei.gov.bn']"),
    ("domain with capitals", "[pelitabrunei.gov.bn]", "[PelitaBrunei.gov.bn]"),
    ("not a language", "  languages: [ms]\n", "  languages: [malay]\n"),
    ("unknown kind", "  kind: newspaper\n", "  kind: blog\n"),
    ("position_only names no alias", "  position_only: [The Star]", "  position_only: [Star]"),
    ("shared name not position_only", "  name: Media Permata\n", "  name: Harian Metro\n"),
]


@pytest.mark.parametrize(
    ("mistake", "old", "new"), OUTLET_ERRORS, ids=[e[0] for e in OUTLET_ERRORS]
)
def test_wrong_outlet_data_is_an_error(tmp_path: Path, mistake: str, old: str, new: str) -> None:
    data = edited_copy(tmp_path, "outlets.yaml", old, new)
    with pytest.raises((ValidationError, RegistryError)):
        load_outlets(data)


def test_unedited_copy_of_each_registry_is_valid(tmp_path: Path) -> None:
    # The edits above are the only reason the copies fail.
    assert load_outlets(edited_copy(tmp_path, "outlets.yaml")) == outlets()
    assert load_mechanisms(edited_copy(tmp_path, "mechanisms.yaml")) == mechanisms()


MECHANISM_ERRORS = [
    ("misspelled key", "  kind: meeting-series\n", "  knid: meeting-series\n"),
    ("duplicate id", "- id: amm-retreat\n", "- id: amm\n"),
    ("duplicate name", "  name: ASEAN Foreign Ministers' Retreat\n", "  name: ASEAN Summit\n"),
    ("group code as the reference wrote it", "  partners: [CN, JP, KR]", "  partners: [ARF]"),
    ("bad partner code", "  partners: [CN, JP, KR]", "  partners: [CN, JP, ROK]"),
    ("lowercase code", "  partners: [CN, JP, KR]", "  partners: [cn, JP, KR]"),
    (
        "alias language without data",
        "    ms: [Sidang Kemuncak ASEAN",
        "    zz: [Sidang Kemuncak ASEAN",
    ),
    ("form of two mechanisms", "  acronyms: [AMM Retreat]", "  acronyms: [AMMTC]"),
    ("unknown kind", "  kind: meeting-series\n", "  kind: summit\n"),
    ("edition of no entry", "  edition_of: accs\n", "  edition_of: acs\n"),
    ("first year not session 1", "  first_year: 1976\n", "  first_year: 1977\n"),
    ("sessions out of order", "{1: 1976, 2: 1977,", "{1: 1976, 2: 1975,"),
    ("alias with spaces", "[ASEAN Leaders' Summit,", "['ASEAN Leaders'' Summit ',"),
]


@pytest.mark.parametrize(
    ("mistake", "old", "new"), MECHANISM_ERRORS, ids=[e[0] for e in MECHANISM_ERRORS]
)
def test_wrong_mechanism_data_is_an_error(tmp_path: Path, mistake: str, old: str, new: str) -> None:
    data = edited_copy(tmp_path, "mechanisms.yaml", old, new)
    with pytest.raises((ValidationError, RegistryError)):
        load_mechanisms(data)


# --- nothing of the earlier lists is lost -------------------------------------------------


def predecessors() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (TEST_DATA / "predecessor_lists.yaml").read_text(encoding="utf-8")
    )
    return loaded


def test_every_earlier_outlet_name_spelling_and_domain_is_in_the_registry() -> None:
    by_form: dict[str, list[Any]] = {}
    for outlet in outlets():
        for name in outlet.names:
            by_form.setdefault(fold(name), []).append(outlet)
    missing = []
    for old in predecessors()["outlets"]:
        holders = by_form.get(fold(old["name"]), [])
        if not holders:
            missing.append(old["name"])
            continue
        for alias in old["aliases"]:
            if not any(fold(alias) in map(fold, o.names) for o in holders):
                missing.append(f"{old['name']}: {alias}")
        for domain in old["domains"]:
            if not any(domain in o.domains for o in holders):
                missing.append(f"{old['name']}: {domain}")
    assert missing == []


def test_every_earlier_initiative_name_is_in_the_registry() -> None:
    forms = {fold(n) for m in mechanisms() for n in m.names}
    missing = [
        name
        for old in predecessors()["initiatives"]
        for name in [old["name"], *old["names"]]
        if fold(name) not in forms
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # The 13th AMMTC met in 2019 (irregular numbering: years listed in the registry).
        (
            "BANGKOK, 28 Nov — Ministers met at the 13th AMMTC to step up cooperation "
            "against cybercrime, the chair said.",
            "2019-11-28",
        ),
        # Malay ordinal after the name: "Sidang Kemuncak ASEAN ke-38" (2021).
        (
            "KUALA LUMPUR, 29 Okt — Perdana Menteri berkata Malaysia akan bekerjasama dengan "
            "Jepun menentang jenayah siber di Sidang Kemuncak ASEAN ke-38.",
            "2021-10-29",
        ),
    ],
    ids=["en-ammtc", "ms-summit"],
)
def test_numbered_sessions_of_the_registry_pin_a_year(text: str, date: str) -> None:
    from asean_cyber_data.extract import prepare
    from asean_cyber_data.extract.dates import meeting_years
    from asean_cyber_data.read import Document

    doc = Document(id="x", path="x", text=text, sha256="0" * 64, encoding="utf-8", format="string")
    years = {year for year, _s, _e in meeting_years(prepare(doc).article)}
    assert years == {int(date[:4])}


def test_every_numbered_series_has_session_years() -> None:
    numbered = [m for m in mechanisms() if m.sessions is not None]
    assert {"asean-summit", "ammtc"} <= {m.id for m in numbered}
    for entry in numbered:
        assert entry.sessions is not None
        assert entry.sessions.years or entry.sessions.annual_from is not None, entry.id


@pytest.mark.parametrize(
    ("loader", "name"),
    [(load_outlets, "outlets.yaml"), (load_mechanisms, "mechanisms.yaml")],
)
def test_registry_files_parse_the_same_with_the_project_reader(
    loader: Callable[[Any], tuple[Any, ...]], name: str
) -> None:
    # The project's reader keeps "yes"/"no"/"on" as words; the files must not depend on it.
    text = (DATA / name).read_text(encoding="utf-8")
    assert loader(yaml.safe_load(text)) == loader(read_yaml(name))

"""Language data: one validated YAML file per language, merged over English and CLDR.

Everything the extractor knows about a language — month names, titles, honorifics,
speech verbs, partner names, initiative grammar — lives in
``asean_cyber_data/data/lang/<code>.yaml``; ``base.yaml`` holds only what is the same
in every language (member states, organisation codes). Adding a language means adding
a file; :func:`languages` lists what is there.

Each file is validated by :class:`LanguageFile` (a misspelled key is an error, not a
silently ignored setting). Every field of the model says how it merges
(``json_schema_extra["merge"]``):

- ``own``: the language's value (or the default);
- ``over_english``: English's entries, then the language's own (English is the shared
  second language of the region's press: its names and titles appear in every article);
- ``over_english_and_cldr``: babel's CLDR names for English and for the language, then
  the English file, then the language's file;
- ``alongside_english``: kept apart and applied side by side (the initiative grammars:
  English word order and the language's own; the language's stop words end a name in
  both).

:func:`pack` builds the merged :class:`LanguagePack` once per language and process:
compiling the phrase matchers is the expensive part; extraction then only runs them.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import Any, Literal

import ahocorasick_rs
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..datafiles import data_names, read_yaml

#: Scripts written without spaces between words: phrases in them match without
#: word boundaries.
UNSPACED_SCRIPTS = re.compile(r"[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u1780-\u17FF]")

#: Spaces between two letters of a script written without word spaces: writers put them
#: at phrase breaks anywhere ("ឧក្រិដ្ឋកម្ម តាមប្រព័ន្ធបច្ចេកវិទ្យា"), so terms and names
#: match across them. (Written to start with the space, which ``re`` finds fast, and look
#: behind it for the letter: the same runs as ``(?<=[letter]) +(?=[letter])``, ~5× faster.)
_UNSPACED_LETTER = r"[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]"
PHRASE_SPACES = re.compile(f" (?<={_UNSPACED_LETTER} ) *(?={_UNSPACED_LETTER})")
#: Khmer types a cluster's subscript RO either last, the encoding's order ("ស្ត្រ"), or
#: first, as many keyboards do ("ស្រ្ត"): the two render alike and are one spelling.
_KHMER_RO_FIRST = re.compile("\u17d2\u179a\u17d2([\u1780-\u17a2])")
#: Subscript DA and subscript TA render alike and are typed for each other ("ស្ដីពី",
#: "ស្តីពី"; "សម្ដេច", "សម្តេច"): one spelling, TA's.
_KHMER_SUBSCRIPT_DA = "\u17d2\u178a"
_KHMER_SUBSCRIPT_TA = "\u17d2\u178f"
#: And "ឲ្យ" (QOO TYPE TWO, U+17B2) is a variant of "ឱ្យ" (U+17B1), "to give, to let".
_KHMER_VARIANTS = str.maketrans("\u17b2", "\u17b1")
_KHMER_VARIANT_MARKS = re.compile("[\u17b2\u17d2]")
_KHMER_LETTER = re.compile("[\u1780-\u17ff]")


@lru_cache(maxsize=16)
def khmer_spelling(text: str) -> str:
    """``text`` with Khmer in one spelling (same length, so every offset holds): the
    subscript RO last in its clusters, subscript DA as subscript TA, and QOO TYPE TWO as
    QOO TYPE ONE. (Cached: every phrase matcher reads the same article text, whose hash
    Python keeps.)"""
    if not _KHMER_VARIANT_MARKS.search(text):
        return text
    if "\u17d2\u179a\u17d2" in text:
        text = _KHMER_RO_FIRST.sub("\u17d2\\1\u17d2\u179a", text)
    if _KHMER_SUBSCRIPT_DA in text:
        text = text.replace(_KHMER_SUBSCRIPT_DA, _KHMER_SUBSCRIPT_TA)
    return text.translate(_KHMER_VARIANTS) if "\u17b2" in text else text


Steps = list[tuple[int, int]]


def cut(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, Steps]:
    """``text`` without ``spans`` (overlapping ones merged), and the ``(position in the
    result, characters cut before it)`` steps that map it back (:func:`uncut`); the text
    itself and no steps when nothing is cut."""
    parts: list[str] = []
    steps: Steps = []
    last = removed = 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end <= start:
            continue
        parts.append(text[last:start])
        removed += end - start
        steps.append((end - removed, removed))
        last = end
    if not steps:
        return text, []
    parts.append(text[last:])
    return "".join(parts), steps


def uncut(position: int, steps: Steps) -> int:
    """Where a position of a text :func:`cut` returned was in the text."""
    index = bisect.bisect_right(steps, position, key=lambda step: step[0]) - 1
    return position + (steps[index][1] if index >= 0 else 0)


def unspaced_form(text: str) -> str:
    """``text`` without phrase spaces between unspaced-script letters: how two writings
    of one name in those scripts compare."""
    return PHRASE_SPACES.sub("", text) if UNSPACED_SCRIPTS.search(text) else text


#: CLDR names this short in scripts without spaces match inside ordinary words (Lao
#: "ຊາດ", Chad, is "nation"); only the language file's own partner names are trusted.
SHORT_UNSPACED_NAME = 4

Merge = Literal["own", "over_english", "over_english_and_cldr", "alongside_english"]


def _merged(how: Merge, description: str, default: Any = None) -> Any:
    """A field of a language file that says how it merges over English and CLDR."""
    if isinstance(default, list):
        return Field(
            default_factory=list, description=description, json_schema_extra={"merge": how}
        )
    if isinstance(default, dict):
        return Field(
            default_factory=dict, description=description, json_schema_extra={"merge": how}
        )
    return Field(default=default, description=description, json_schema_extra={"merge": how})


Words = list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GrammarFile(_Strict):
    """How one language writes the names of initiatives (``initiatives:`` block)."""

    heads_after: Words = Field(default_factory=list, description="Heads ending a name (English)")
    heads_before: Words = Field(default_factory=list, description="Heads starting a name")
    lowercase_heads: Words = Field(default_factory=list, description="Lowercase heads")
    complement_starts: Words = Field(default_factory=list, description="Open a complement")
    introducers: Words = Field(default_factory=list, description="Introduce a name")
    connectors: Words = Field(default_factory=list, description="Lowercase words inside names")
    stop_words: Words = Field(default_factory=list, description="End a complement")
    generic_determiners: Words = Field(default_factory=list, description="Make a head generic")
    ordinal_before: Words = Field(default_factory=list, description="Ordinal regexes before")
    ordinal_after: Words = Field(default_factory=list, description="Ordinal regexes after")
    sentence_case: bool = Field(default=False, description="Names run on in lowercase")
    attributive_followers: Words = Field(default_factory=list, description="Head as modifier")
    occasion_after: Words = Field(default_factory=list, description="Head as an occasion")
    unspaced: bool = Field(default=False, description="A name is one unspaced run")
    name_complements: Words = Field(default_factory=list, description="Open a head's complement")
    clause_starts: Words = Field(default_factory=list, description="Open a parties clause")
    clause_stops: Words = Field(default_factory=list, description="End a parties clause")
    instruments: Words = Field(
        default_factory=list, description="Agreements signed under no other name (MoU)"
    )


class RelevanceTerms(_Strict):
    """The ``relevance:`` block of one language file (validated: unknown keys are errors)."""

    cyber: list[str] = Field(min_length=1, description="words of the cyber element")
    cooperation: list[str] = Field(min_length=1, description="words of the cooperation element")
    asean_region: list[str] = Field(
        default_factory=list,
        description="names of the region that stand for ASEAN members (Southeast Asia, Mekong)",
    )
    other_parties: list[str] = Field(
        default_factory=list,
        description="words for other parties left unnamed (international cooperation)",
    )
    report_cues: list[str] = Field(
        default_factory=list,
        description="words of a threat report (report, researchers): countries it lists "
        "are not parties named together",
    )

    @field_validator("cyber", "cooperation", "asean_region", "other_parties", "report_cues")
    @classmethod
    def _words(cls, values: list[str]) -> list[str]:
        for value in values:
            if not isinstance(value, str) or not value.strip("* ") or value != value.strip():
                raise ValueError(f"empty or padded term {value!r}")
            if "*" in value[:-1]:
                raise ValueError(f"'*' may only end a term: {value!r}")
        return values


class LanguageFile(_Strict):
    """One ``data/lang/<code>.yaml`` file, validated; each field says how it merges."""

    code: str = Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code")
    name: str = Field(description="English name of the language")
    lingua: str | None = _merged("own", "lingua's Language name (None: detect by script)")
    script_range: str | None = _merged("own", "Character class of the language's script")
    cldr_locale: str | None = _merged("own", "babel locale for CLDR names")
    cased: bool = _merged("own", "The script has letter case", True)
    buddhist_era: bool = _merged("own", "Years may be Buddhist Era (2567 = 2024)", False)
    numeric_date_order: Literal["dmy", "mdy"] = _merged("own", "Order of 3/12/2024", "dmy")
    name_words: int = _merged("own", "Words of a name after an honorific (uncased)", 2)
    speech_reach: int = _merged("own", "Characters from a name to its speech verb", 90)
    home_country: str | None = _merged("own", "Country a speaker speaks for by default")
    home_references: Words = _merged(
        "own", "Phrases naming the home country without its name ('nước ta', 'negara ini')", []
    )
    native_name_word: str | None = _merged(
        "own",
        "A regex every word of a name written the language's own way matches whole "
        "(case-blind); a name that does not is a foreign speaker's, who gets no default "
        "country (None: every name may be native)",
    )

    @field_validator("native_name_word")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            re.compile(value)
        return value

    months: dict[int, Words] = _merged("over_english_and_cldr", "Month names", {})
    weekdays: dict[int, Words] = _merged("over_english_and_cldr", "Weekday names (0=Mon)", {})
    partners: dict[str, Words] = _merged("over_english_and_cldr", "Partner names by code", {})
    ambiguous_territory_names: Words = _merged(
        "over_english", "CLDR territory names too ambiguous in running text", []
    )
    capitalised_months: Words = _merged("over_english", "Months only when capitalised", [])
    date_introducers: Words = _merged("over_english", "Words before a day/month date", [])
    day_prefixes: Words = _merged("over_english", "Written before a day (ika-)", [])
    day_month_links: Words = _merged("over_english", "Between a day and its month", [])
    year_introducers: Words = _merged("over_english", "Between a day-month and its year", [])
    recency_cues: Words = _merged("over_english", "Mark an event as recent ('recently')", [])
    asean_names: Words = _merged("over_english", "How ASEAN itself is written", [])
    cooperation_cues: Words = _merged("over_english", "Before a partner: a party", [])
    citation_cues: Words = _merged("over_english", "Before a name: a cited source", [])
    nationality_before: Words = _merged("over_english", "Before a country: people", [])
    nationality_after: Words = _merged("over_english", "After a country: people", [])
    border_before: Words = _merged("over_english", "Before a country: its border, a place", [])
    border_after: Words = _merged("over_english", "After a country: its border, a place", [])
    topic_connectors: Words = _merged(
        "own",
        "Words that say what a named thing is on, interchangeable in its name ('on', "
        "'mengenai', 'ว่าด้วย')",
        [],
    )
    aside_cues: Words = _merged("over_english", "An aside about other cooperation", [])
    comparison_openers: Words = _merged(
        "over_english",
        "A sentence opening that compares ('Like the EU, ...'): its parties are models",
        [],
    )
    occasion_cues: Words = _merged(
        "over_english", "Before the meeting another meeting is held at ('on the sidelines of')", []
    )
    hypothetical_cues: Words = _merged("over_english", "A question or hypothetical", [])
    titles: Words = _merged("over_english", "Titles of office", [])
    honorifics: Words = _merged("over_english", "Honorifics and ranks before a name", [])
    honorific_countries: dict[str, Words] = _merged(
        "over_english",
        "Honorifics only one state confers, by its country code: who bears one serves it",
        {},
    )
    speech_verbs: Words = _merged("over_english", "Attribute words to a name", [])
    fronted_speech: Words = _merged(
        "over_english", "Open a sentence whose subject, after a comma, speaks ('Speaking at')", []
    )
    byline_cues: Words = _merged("over_english", "Before a byline or credit name", [])
    source_cues: Words = _merged("over_english", "Before an outlet on a credit line", [])
    attribution_cues: Words = _merged("over_english", "Before an outlet in running text", [])
    outlet_words: Words = _merged("over_english", "Words of outlet names (News, Báo, Harian)", [])
    source_frames: Words = _merged(
        "over_english", "Page furniture naming the outlet, {} for it ('Follow {} on')", []
    )
    publication_cues: Words = _merged("over_english", "Before a publication date", [])
    photo_cues: Words = _merged("over_english", "Before a photo credit", [])
    host_prepositions: Words = _merged("over_english", "Before a country: a post's place", [])
    portfolio_prepositions: Words = _merged(
        "over_english", "Before a country: the post's state, or its portfolio", []
    )
    not_initiative_words: Words = _merged("over_english", "Venues and national bodies", [])
    institution_words: Words = _merged(
        "over_english", "Heads of bodies' names (Centre, Học viện): a body, rarely a mechanism", []
    )
    not_name_words: Words = _merged("over_english", "Capitalised words never in names", [])
    name_particles: Words = _merged("over_english", "Lowercase words inside names", [])
    name_suffixes: Words = _merged("over_english", "Suffixes after names (Jr)", [])
    surnames: Words = _merged("over_english", "Common family names (evidence of a name)", [])
    abbreviations: Words = _merged("over_english", "Periods that do not end a sentence", [])
    conjunctions: Words = _merged("over_english", "Coordinate two names", [])
    title_conjunctions: Words = _merged(
        "over_english",
        "Join the words of one title ('Communications and Multimedia Minister'); not "
        "comitatives ('together with', 'bersama'), which join two people",
        [],
    )
    determiners: Words = _merged("over_english", "Skipped between a cue and a name", [])
    possessive_suffixes: Words = _merged("over_english", "Possessive title endings", [])
    boilerplate_lines: Words = _merged("over_english", "Regexes of page-furniture lines", [])
    boilerplate_tail: Words = _merged("over_english", "Regexes of lines ending the article", [])
    initiatives: GrammarFile = Field(
        default_factory=GrammarFile,
        description="Initiative grammar",
        json_schema_extra={"merge": "alongside_english"},
    )
    relevance: RelevanceTerms | None = Field(
        default=None,
        description="Terms of the relevance stage (cyber, cooperation, parties)",
        json_schema_extra={"merge": "own"},
    )


class Organisation(_Strict):
    name: str
    names: Words


class BaseFile(_Strict):
    """``data/lang/base.yaml``: what is the same in every language."""

    asean_members: Words = Field(description="ISO codes of the ASEAN member states")
    organisations: dict[str, Organisation] = Field(description="Partner organisations")


def merge_policy(key: str) -> Merge:
    """How ``key`` of a language file merges over English and CLDR."""
    extra = LanguageFile.model_fields[key].json_schema_extra
    assert isinstance(extra, dict)
    return extra["merge"]  # type: ignore[return-value]


@cache
def language_file(code: str) -> LanguageFile:
    """The validated language file of ``code``."""
    return LanguageFile.model_validate(read_yaml(f"lang/{code}.yaml"))


@cache
def base_file() -> BaseFile:
    return BaseFile.model_validate(read_yaml("lang/base.yaml"))


@cache
def languages() -> tuple[str, ...]:
    """ISO 639-1 codes of every language that has a data file."""
    return tuple(n for n in data_names("lang") if n != "base")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive form for comparisons (not for matching spans)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 8


def _variants(phrase: str) -> Iterator[str]:
    """The phrase as written plus its all-capitals form (headlines, sign-offs)."""
    yield phrase
    if not _is_acronym(phrase):
        yield phrase.upper()


#: Written right after a phrase's first character: no word character precedes the
#: phrase (what ``(?<![\\w])`` before it says, but a pattern that starts with a literal
#: lets ``re`` skip ahead to where that literal is written; 3–4× faster).
NO_WORD_BEFORE_FIRST = r"(?<![\w][\s\S])"


def trie_pattern(phrases: Iterable[str], word_start: bool = False) -> str:
    """One regular expression for many phrases, factored as a trie
    ("Minister(?: for (?:Foreign Affairs|Home Affairs))?").

    Python's ``re`` tries an alternation's branches one by one at every position; a
    trie follows the one branch the next character allows, which keeps thousands of
    names fast. Without ``re.IGNORECASE`` it matches what the longest-first alternation
    of the phrases matches: the phrases that match at one place are prefixes of one
    another, so they lie on one path of the trie, and its greedy optional groups try
    the longer first (under ``IGNORECASE`` an "M" and an "m" branch can both match).
    ``word_start`` adds, after each phrase's first character, the test that no word
    character precedes the phrase — ``(?<![\\w])`` made after the first character, so
    that ``re`` skips ahead to the characters phrases start with.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any], top: bool = False) -> str:
        end = "" in node
        boundary = NO_WORD_BEFORE_FIRST if top and word_start else ""
        branches = [
            re.escape(c) + boundary + build(child) for c, child in sorted(node.items()) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return build(trie, top=True)


class PhraseMatcher:
    """Finds known phrases on word boundaries (no boundaries inside Thai, Lao, Khmer...).

    Overlapping matches resolve to the longest, leftmost phrase, so "Office on Drugs
    and Crime" wins over "Crime" and ``EU`` never matches inside "museum".

    The phrases go into one Aho–Corasick automaton (``ahocorasick-rs``): one pass over
    the text finds every occurrence of thousands of names, overlapping ones included;
    word boundaries are then checked for the phrases of spaced scripts.
    """

    def __init__(
        self, values: dict[str, str], handles: bool = True, case_blind: dict[str, str] | None = None
    ) -> None:
        """``handles``: a phrase right after ``@`` or ``.`` is part of a handle or a
        domain, not a mention (without it, only a word character before it is).
        ``case_blind`` maps phrases to values also matched where the text writes a word
        of the phrase with its initial in the other case."""
        self.values = values
        self._joins_left = _joins_left if handles else _is_word_char
        # Khmer phrases and texts are compared in one spelling however they were typed
        # (the subscript RO last, ឲ as ឱ: the same length, so offsets hold).
        self._exact = _Automaton({khmer_spelling(p): v for p, v in values.items()})
        #: (a text is respelled only for a matcher that has Khmer phrases to find)
        self._khmer = any(_KHMER_LETTER.search(p) for p in values)
        blind = {khmer_spelling(p.lower()): v for p, v in (case_blind or {}).items()}
        self._written = {khmer_spelling(p.lower()): p for p in (case_blind or {})}
        self._case_blind = _Automaton(blind) if blind else None

    @classmethod
    def build(
        cls, values: dict[str, str], all_caps: bool = True, case_blind_words: int = 0
    ) -> PhraseMatcher:
        """``values`` maps each phrase to its value; ``all_caps`` also matches each
        phrase in capitals (headlines, sign-offs); a phrase of ``case_blind_words`` words
        or more (0: none) also matches where the text writes a word of it with the other
        initial, as running text writes the name of a meeting or a body ("the interpol
        general assembly", "sidang umum Interpol", "mesyuarat menteri-menteri ASEAN")
        and headlines capitalise it ("Công ước Liên Hợp Quốc Về Chống Tội Phạm Mạng"): a
        run of that many words is the name in any case, where one or two words may be
        ordinary words."""
        expanded: dict[str, str] = {}
        blind: dict[str, str] = {}
        for phrase, value in values.items():
            variants = _variants(phrase.strip()) if all_caps else iter([phrase.strip()])
            for variant in variants:
                if variant:
                    expanded.setdefault(variant, value)
            if case_blind_words and len(phrase.split()) >= case_blind_words:
                blind.setdefault(phrase.strip(), value)
        return cls(expanded, case_blind=blind)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, value)`` of every match, longest first at each place."""
        searched = khmer_spelling(text) if self._khmer else text
        found = [
            (start, end, value)
            for start, end, value, _ in self._matches(self._exact, searched, text)
        ]
        if self._case_blind is not None:
            found += [
                (start, end, value)
                for start, end, value, phrase in self._matches(
                    self._case_blind, _lower_in_place(searched), text
                )
                if _writes_another_initial(text[start:end], self._written[phrase])
                or (
                    _title_cases_an_acronym(text[start:end], self._written[phrase])
                    and not _continues_a_capitalised_name(text, start)
                )
            ]
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, str]] = []
        last_end = -1
        for start, end, value in found:
            if start >= last_end:
                kept.append((start, end, value))
                last_end = end
        return kept

    def _matches(
        self, automaton: _Automaton, searched: str, text: str
    ) -> list[tuple[int, int, str, str]]:
        """``(start, end, value, phrase)`` of the automaton's matches in ``searched``
        (``text`` or its lower case) that stand on word boundaries of ``text``."""
        found: list[tuple[int, int, str, str]] = []
        for index, start, end in automaton.matches(searched):
            if automaton.spaced[index] and (
                (start > 0 and self._joins_left(text[start - 1]))
                or (end < len(text) and _is_word_char(text[end]))
            ):
                continue  # inside a longer word ("EU" in "museum"), or after "@" or "."
            phrase = automaton.phrases[index]
            found.append((start, end, automaton.values[phrase], phrase))
        return found


class _Automaton:
    """Phrases in one Aho–Corasick automaton, and which of them are in spaced scripts."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.phrases = list(values)
        self.spaced = [not UNSPACED_SCRIPTS.match(p) for p in self.phrases]
        self._automaton = (
            ahocorasick_rs.AhoCorasick(self.phrases, matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
            if self.phrases
            else None
        )

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """``(phrase index, start, end)`` of every occurrence, overlapping ones included."""
        if self._automaton is None:
            return []
        found: list[tuple[int, int, int]] = self._automaton.find_matches_as_indexes(
            text, overlapping=True
        )
        return found


#: What separates the words of a name whose initials are compared: spaces and hyphens
#: ("Menteri-menteri" has two words).
_NAME_WORD_BREAKS = re.compile(r"[\s\-\u2010\u2011\u2013]+")


def _writes_another_initial(written: str, phrase: str) -> bool:
    """The text writes a word of the phrase with its initial in the other case: lower
    where the phrase capitalises ("sidang umum Interpol" for "Sidang Umum Interpol"), or
    capital where it does not ("Công ước Liên Hợp Quốc" for "Công ước Liên hợp quốc",
    "Menteri-Menteri" for "Menteri-menteri"): writers and headlines capitalise a name
    each their own way. A name the text writes with the phrase's own initials is the
    exact matcher's and the name grammar's: in any case, "Asean Ministerial Meeting"
    inside "Special Asean Ministerial Meeting on …" would be taken for the registry's
    name, where the text writes a longer one."""
    return any(
        w[:1].islower() != p[:1].islower()
        for w, p in zip(
            _NAME_WORD_BREAKS.split(written), _NAME_WORD_BREAKS.split(phrase), strict=False
        )
    )


def _title_cases_an_acronym(written: str, phrase: str) -> bool:
    """The text writes a word the phrase writes in capitals with only its initial
    capital: "Interpol Global Complex for Innovation", "Asean Regional Forum" — the
    press's house style for the acronyms ASEAN and INTERPOL."""
    return any(
        len(p) > 1 and p.isupper() and w[:1] == p[:1] and w[1:].islower()
        for w, p in zip(
            _NAME_WORD_BREAKS.split(written), _NAME_WORD_BREAKS.split(phrase), strict=False
        )
    )


#: The word right before a match, on the same line.
_WORD_BEFORE = re.compile(r"\b[^\W\d_][\w'’-]*[ \t]+$")
#: What ends the sentence before a sentence-initial word.
_SENTENCE_END = '.!?:;"“”‘’('


def _continues_a_capitalised_name(text: str, start: int) -> bool:
    """The match would continue a capitalised name begun before it ("Special Asean
    Ministerial Meeting on …"): a longer name the text writes, not the registry's. A
    word capitalised only because it opens the sentence ("The Interpol …") is not."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not m or not m.group()[:1].isupper():
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start : m.start()].rstrip()
    return bool(before) and before[-1] not in _SENTENCE_END


def _lower_in_place(text: str) -> str:
    """``text`` in lower case, character for character, so that offsets carry over (the
    few letters whose lower case is longer, like "İ", stay as written)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lower := c.lower()) != 1 else lower for c in text)


def _is_word_char(char: str) -> bool:
    """What ``re``'s ``\\w`` matches: letters and digits of every script, and ``_``."""
    return char.isalnum() or char == "_"


def _joins_left(char: str) -> bool:
    """A character that makes a phrase after it part of something longer: a word
    character, or the ``@`` / ``.`` of a handle or a domain."""
    return _is_word_char(char) or char in "@."


@dataclass(frozen=True)
class InitiativeGrammar:
    """How one language writes the names of initiatives (sets for fast membership)."""

    heads_after: tuple[str, ...] = ()
    heads_before: tuple[str, ...] = ()
    lowercase_heads: tuple[str, ...] = ()
    complement_starts: tuple[str, ...] = ()
    introducers: tuple[str, ...] = ()
    connectors: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    generic_determiners: frozenset[str] = frozenset()
    ordinal_before: tuple[str, ...] = ()
    ordinal_after: tuple[str, ...] = ()
    sentence_case: bool = False
    attributive_followers: frozenset[str] = frozenset()
    occasion_after: tuple[str, ...] = ()
    unspaced: bool = False
    name_complements: tuple[str, ...] = ()
    clause_starts: tuple[str, ...] = ()
    clause_stops: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()

    @classmethod
    def of(cls, grammar: GrammarFile) -> InitiativeGrammar:
        sets = {"connectors", "stop_words", "generic_determiners", "attributive_followers"}
        values: dict[str, Any] = {}
        for name in GrammarFile.model_fields:
            value = getattr(grammar, name)
            if isinstance(value, list):
                value = frozenset(value) if name in sets else tuple(value)
            values[name] = value
        return cls(**values)


@dataclass(frozen=True)
class LanguagePack:
    """Everything extraction knows about one language, merged over base and English."""

    code: str
    name: str
    lingua: str | None
    script_range: str | None
    cased: bool
    native_name_word: re.Pattern[str] | None
    months: dict[str, int]
    weekdays: dict[str, int]
    date_introducers: tuple[str, ...]
    day_prefixes: tuple[str, ...]
    day_month_links: tuple[str, ...]
    year_introducers: tuple[str, ...]
    recency_cues: tuple[str, ...]
    buddhist_era: bool
    month_first: bool
    name_words: int
    name_particles: tuple[str, ...]
    name_suffixes: tuple[str, ...]
    surnames: frozenset[str]
    abbreviations: frozenset[str]
    speech_reach: int
    capital_months: frozenset[str]
    partners: PhraseMatcher
    partner_names: dict[str, str]
    asean_members: frozenset[str]
    organisations: frozenset[str]
    asean_names: tuple[str, ...]
    cooperation_cues: tuple[str, ...]
    citation_cues: tuple[str, ...]
    hypothetical_cues: tuple[str, ...]
    titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    #: Honorific → the one country that confers it ("Tan Sri" → MY, "Pehin" → BN).
    honorific_countries: dict[str, str]
    speech_verbs: tuple[str, ...]
    fronted_speech: tuple[str, ...]
    byline_cues: tuple[str, ...]
    source_cues: tuple[str, ...]
    attribution_cues: tuple[str, ...]
    outlet_words: tuple[str, ...]
    source_frames: tuple[str, ...]
    publication_cues: tuple[str, ...]
    photo_cues: tuple[str, ...]
    host_prepositions: tuple[str, ...]
    portfolio_prepositions: tuple[str, ...]
    nationality_before: tuple[str, ...]
    aside_cues: tuple[str, ...]
    comparison_openers: tuple[str, ...]
    occasion_cues: tuple[str, ...]
    nationality_after: tuple[str, ...]
    border_before: tuple[str, ...]
    border_after: tuple[str, ...]
    topic_connectors: tuple[str, ...]
    not_initiative_words: tuple[str, ...]
    institution_words: tuple[str, ...]
    grammars: tuple[InitiativeGrammar, ...]
    not_name_words: frozenset[str]
    home_country: str | None
    home_references: tuple[str, ...]
    conjunctions: tuple[str, ...]
    title_conjunctions: tuple[str, ...]
    determiners: tuple[str, ...]
    possessive_suffixes: tuple[str, ...]
    boilerplate_lines: re.Pattern[str] | None = None
    boilerplate_tail: re.Pattern[str] | None = None
    raw: LanguageFile = field(default_factory=lambda: LanguageFile(code="xx", name="none"))

    @cached_property
    def list_words(self) -> frozenset[str]:
        """The words that may stand between two items of one list ("and", "the", "và"):
        the conjunctions' and determiners' words."""
        return frozenset(w for p in (*self.conjunctions, *self.determiners) for w in p.split())


def _cldr_names(locale: str) -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """Month, weekday and territory names from babel's CLDR data for ``locale``."""
    from babel import Locale
    from babel.dates import get_day_names, get_month_names

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, month in get_month_names(width, locale=locale).items():
            months[month.rstrip(".").casefold()] = int(number)
        for number, day in get_day_names(width, locale=locale).items():
            weekdays[day.rstrip(".").casefold()] = int(number)
    territories = {
        name: code
        for code, name in Locale.parse(locale).territories.items()
        if len(code) == 2 and code.isalpha()
    }
    return months, weekdays, territories


def _files(code: str) -> list[LanguageFile]:
    """English, then the language (English alone for English)."""
    english = language_file("en")
    return [english] if code == "en" else [english, language_file(code)]


def merged_words(code: str, key: str) -> tuple[str, ...]:
    """A word list of language ``code`` merged as its field's policy says."""
    policy = merge_policy(key)
    files = _files(code) if policy == "over_english" else _files(code)[-1:]
    seen: dict[str, None] = {}
    for data in files:
        for item in getattr(data, key):
            seen.setdefault(str(item), None)
    return tuple(seen)


@cache
def pack(code: str) -> LanguagePack:
    """The merged data for language ``code`` (base, then English, then the language)."""
    if code not in languages():
        code = "en"
    base = base_file()
    files = _files(code)
    own = files[-1]

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    partner_values: dict[str, str] = {}
    partner_names: dict[str, str] = {}
    honorific_countries: dict[str, str] = {}
    ambiguous = set(merged_words(code, "ambiguous_territory_names"))
    _english_months, _english_days, english_territories = _cldr_names("en")
    partner_names.update({code_: name for name, code_ in english_territories.items()})
    for org_code, org in base.organisations.items():
        partner_names[org_code] = org.name
        for name in org.names:
            partner_values[name] = org_code
    for data in files:
        cldr_months, cldr_days, territories = _cldr_names(data.cldr_locale or data.code)
        months.update(cldr_months)
        weekdays.update(cldr_days)
        for name, territory in territories.items():
            if name in ambiguous:
                continue
            if UNSPACED_SCRIPTS.match(name) and len(name) <= SHORT_UNSPACED_NAME:
                continue  # "ຊາດ" (Chad) is also "nation": matched inside words
            partner_values.setdefault(name, territory)
        for number, names in data.months.items():
            for name in names:
                months[str(name).casefold()] = int(number)
        for number, names in data.weekdays.items():
            for name in names:
                weekdays[str(name).casefold()] = int(number)
        for partner, names in data.partners.items():
            for name in names:
                partner_values[str(name)] = str(partner)
        for country, names in data.honorific_countries.items():
            for name in names:
                honorific_countries[str(name)] = str(country)

    def words(key: str) -> tuple[str, ...]:
        return merged_words(code, key)

    def line_pattern(key: str) -> re.Pattern[str] | None:
        """One pattern for a whole line matching any of the file's line patterns."""
        patterns = words(key)
        if not patterns:
            return None
        return re.compile(r"(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*", re.I)

    return LanguagePack(
        code=code,
        name=own.name,
        lingua=own.lingua,
        script_range=own.script_range,
        cased=own.cased,
        native_name_word=re.compile(own.native_name_word, re.IGNORECASE)
        if own.native_name_word
        else None,
        months=months,
        weekdays=weekdays,
        date_introducers=words("date_introducers"),
        day_prefixes=words("day_prefixes"),
        day_month_links=words("day_month_links"),
        year_introducers=words("year_introducers"),
        recency_cues=words("recency_cues"),
        buddhist_era=own.buddhist_era,
        month_first=own.numeric_date_order == "mdy",
        name_words=own.name_words,
        name_particles=words("name_particles"),
        name_suffixes=words("name_suffixes"),
        surnames=frozenset(words("surnames")),
        abbreviations=frozenset(words("abbreviations")),
        speech_reach=own.speech_reach,
        capital_months=frozenset(m.casefold() for m in words("capitalised_months")),
        partners=PhraseMatcher.build(partner_values),
        partner_names=partner_names,
        asean_members=frozenset(base.asean_members),
        organisations=frozenset(base.organisations),
        asean_names=words("asean_names"),
        cooperation_cues=words("cooperation_cues"),
        citation_cues=words("citation_cues"),
        hypothetical_cues=words("hypothetical_cues"),
        titles=words("titles"),
        # An honour only one state confers is an honorific too: a chain of them before a
        # name ("Dato Paduka Seri Haji Awang ...") is read whole.
        honorifics=tuple(dict.fromkeys((*words("honorifics"), *honorific_countries))),
        honorific_countries=honorific_countries,
        speech_verbs=words("speech_verbs"),
        fronted_speech=words("fronted_speech"),
        byline_cues=words("byline_cues"),
        source_cues=words("source_cues"),
        attribution_cues=words("attribution_cues"),
        outlet_words=words("outlet_words"),
        source_frames=words("source_frames"),
        publication_cues=words("publication_cues"),
        photo_cues=words("photo_cues"),
        host_prepositions=words("host_prepositions"),
        portfolio_prepositions=words("portfolio_prepositions"),
        nationality_before=words("nationality_before"),
        aside_cues=words("aside_cues"),
        comparison_openers=words("comparison_openers"),
        occasion_cues=words("occasion_cues"),
        nationality_after=words("nationality_after"),
        border_before=words("border_before"),
        border_after=words("border_after"),
        topic_connectors=tuple(own.topic_connectors),
        not_initiative_words=words("not_initiative_words"),
        institution_words=words("institution_words"),
        grammars=_grammars(files),
        not_name_words=frozenset(words("not_name_words")),
        home_country=own.home_country,
        home_references=tuple(own.home_references),
        conjunctions=words("conjunctions"),
        title_conjunctions=words("title_conjunctions"),
        determiners=words("determiners"),
        possessive_suffixes=words("possessive_suffixes"),
        boilerplate_lines=line_pattern("boilerplate_lines"),
        boilerplate_tail=line_pattern("boilerplate_tail"),
        raw=own,
    )


def _grammars(files: list[LanguageFile]) -> tuple[InitiativeGrammar, ...]:
    """Each file's grammar of names, side by side; the article's own language's stop
    words end a name in every one of them ("joint statement sa ginanap na …": the
    English grammar reads an English head in a Tagalog sentence, whose words end it)."""
    grammars = [InitiativeGrammar.of(data.initiatives) for data in files]
    own = grammars[-1]
    return tuple(
        replace(
            g,
            stop_words=g.stop_words | own.stop_words,
            generic_determiners=g.generic_determiners | own.generic_determiners,
        )
        for g in grammars
    )


@cache
def ordinals_after(code: str) -> re.Pattern[str] | None:
    """The ordinals the language writes after a head ("ke-13", "lần thứ 5", "លើកទី៥"),
    which may stand inside a name (one alternation that starts with their letters, so
    ``re`` skips fast to where they may be)."""
    patterns = [g for gram in pack(code).grammars for g in gram.ordinal_after]
    return re.compile("(?:" + "|".join(patterns) + r")(?!\d)") if patterns else None


@cache
def all_asean_names() -> tuple[str, ...]:
    """How ASEAN itself is written, in every shipped language (the gate reads them all)."""
    return tuple(
        dict.fromkeys(n for code in languages() for n in merged_words(code, "asean_names"))
    )

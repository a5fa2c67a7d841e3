"""The crawl-speed gate: one pass over an input's raw text stops articles that cannot be
on-topic, before an HTML page is parsed or any language detection or extraction runs.

A general news crawl is mostly sport, markets and politics. The relevance stage
(:mod:`asean_cyber_data.relevance`) gives such an article a score of 0 unless it holds a
cyber term *and* names a party, so the gate looks for exactly these two, in one
Aho–Corasick pass (``ahocorasick-rs``) of a single automaton holding:

- every ``relevance.cyber`` term of every shipped language (the language is not known
  yet), with the relevance stage's own word-boundary rule (:class:`TermMatcher`);
- every name of ASEAN and of every country and organisation in every language's data
  (the names the party matcher knows), matched in lower case on word boundaries —
  looser than the party matcher, which also wants the case as written. (Any party, not
  only ASEAN ones: in a member state's language its own country is a party unnamed.)
- the marks of mojibake (UTF-8 read as cp1252, Latin-1 or Mac Roman: ``Ã©``, ``á»``,
  ``à¸``…): cleaning repairs such text into words the raw text does not show, so a text
  with these marks is always let through — as is Burmese in the Zawgyi encoding, which
  cleaning converts to Unicode.

The raw text is prepared as cleaning and the relevance stage prepare it (NFC,
invisible characters removed, unusual spaces made plain, lower case, no spaces between
letters of unspaced scripts); an HTML page's character references are unescaped.
Everything else cleaning does only removes text. So an article the gate stops would
have scored 0: the gate is conservative by construction (``tests/test_gate.py`` checks
it on the development set).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache

import ahocorasick_rs

from .clean import _INVISIBLE, _SPACES, is_zawgyi
from .extract.langdata import (
    PHRASE_SPACES,
    UNSPACED_SCRIPTS,
    all_asean_names,
    khmer_spelling,
    languages,
    pack,
)
from .relevance import Term, TermMatcher, language_terms, make_term

#: Why the gate stopped an article (the ``off_topic`` listing's ``why``).
NO_CYBER = "gate: no cyber term in any language"
NO_PARTY = "gate: no party named"
_ODD = re.compile(f"{_SPACES.pattern}|{_INVISIBLE.pattern}")
#: The codecs whose misreading of UTF-8 cleaning repairs (see ``clean.repair``).
MISREAD_CODECS = ("cp1252", "latin-1", "mac_roman")


def _mojibake_marks() -> list[str]:
    """The first two characters of every UTF-8 sequence misread by one of the codecs."""
    marks = set()
    for codec in MISREAD_CODECS:
        for lead in range(0xC2, 0xF5):
            for continuation in range(0x80, 0xC0):
                try:
                    pair = bytes([lead, continuation]).decode(codec)
                except UnicodeDecodeError:
                    continue
                # (pairs with a space or an invisible character in them cannot survive
                # the preparation below)
                if len(pair) == 2 and not pair.isascii() and not _ODD.search(pair):
                    marks.add(pair.lower())
    return sorted(marks)


@cache
def automaton() -> TermMatcher:
    """One matcher for the cyber terms, ASEAN party names and mojibake marks."""
    terms: list[Term] = []
    for code in languages():
        terms += [make_term(t, "cyber") for t in language_terms(code).cyber]
    names = set(all_asean_names())
    for code in languages():
        names.update(pack(code).partners.values)
    terms += [make_term(name, "party") for name in sorted(names)]
    for code in languages():
        block = language_terms(code)
        terms += [make_term(t, "party") for t in block.asean_region + block.other_parties]
    terms += [Term(mark, "mojibake", mark, False, False) for mark in _mojibake_marks()]
    return TermMatcher(terms)


@cache
def _cyber_or_mojibake() -> ahocorasick_rs.AhoCorasick:
    """The automaton's cyber terms and mojibake marks alone: most of a crawl has neither,
    which a pass over these few thousand terms shows in a third of the whole pass's time
    (it reports no party names, which ordinary news is full of)."""
    terms = [t.text for t in automaton().terms if t.kind in ("cyber", "mojibake")]
    return ahocorasick_rs.AhoCorasick(terms, matchkind=ahocorasick_rs.MATCHKIND_STANDARD)


def prepared(text: str, is_html: bool = False) -> str:
    """Raw text as cleaning would present its words, in lower case."""
    if is_html and "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text.lower()
    if _ODD.search(text):  # (one search: most texts have neither)
        text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    low = text.lower()
    if not UNSPACED_SCRIPTS.search(low):
        return low
    return PHRASE_SPACES.sub("", khmer_spelling(low))


def screen(text: str, is_html: bool = False) -> str | None:
    """``None`` when the article may be on-topic, else why it cannot be.

    Most of a crawl has no cyber term (and no mojibake): a first pass over those terms
    alone decides that; otherwise the kinds of the whole pass's raw matches, before any
    word boundary is checked.
    """
    matcher = automaton()
    low = prepared(text, is_html)
    if not _cyber_or_mojibake().find_matches_as_indexes(low, overlapping=True):
        return None if is_zawgyi(text) else NO_CYBER  # (what the whole pass would decide)
    matches = matcher.matches(low)
    kinds = {matcher.terms[index].kind for index, _, _ in matches}
    if "mojibake" in kinds:
        return None
    if "cyber" in kinds:
        kinds = {term.kind for _, _, term in matcher.candidates(low, matches)}
        if "cyber" in kinds and "party" in kinds:
            return None
    if is_zawgyi(text):  # cleaning converts it to Unicode, which the terms are written in
        return None
    return NO_CYBER if "cyber" not in kinds else NO_PARTY

"""Stage 2½ — relevance: is a cleaned article about ASEAN cyber cooperation?

The rule is the annotation guidelines' (v2, ``relevant``): an article is on-topic when it
is substantially about cyber-security, cybercrime, online-scam or ICT-security
*cooperation* in which ASEAN, an ASEAN body or a member state takes part together with
at least one other party. Cyber news with no ASEAN party, ASEAN news with no cyber
element, one country's domestic action, and vendor reports are off-topic.

Four elements are read from the cleaned text, each at character offsets (the evidence):

- **cyber**: the ``relevance.cyber`` words of the article's language and of English
  (``data/lang/<code>.yaml``: cyber*, scam*, an ninh mạng, ไซเบอร์...);
- **cooperation**: the ``relevance.cooperation`` words (cooperation, MoU, dialogue,
  joint, hợp tác, kerjasama...);
- **parties**: ASEAN (``base.yaml`` ``asean_names``), every country and organisation the
  language data names (``langdata.pack(code).partners``, people's nationalities such as
  "Chinese nationals" left out), the ``relevance.asean_region`` names that stand for
  members ("Southeast Asian countries", "Mekong") and the ``relevance.other_parties``
  words for parties left unnamed ("international cooperation");
- the **party rule**: ASEAN is named, or an ASEAN member (or the region) together with a
  non-member or a second member. In a member state's own language (``home_country``)
  that state is a party even when the text does not name it.

The score is ``c/(c+1) · k/(k+1)`` for ``c`` cyber words and ``k`` cooperation words when
the party rule holds, else 0. With no cooperation word, an ASEAN party and another party
named within :data:`LINK_WINDOW` characters ("Cambodian and Chinese police") count as
``k = 0.5`` — unless the text is a report's (``relevance.report_cues``: "threat report",
"security firm"), as threat reports list the countries they counted. The score grows
with how much of the article is about cyber cooperation and saturates, so a passing
mention ("trade, the digital economy and cybersecurity") scores low. An article is
relevant when its score reaches the threshold (:data:`THRESHOLD`, measured on the
development set: README, "Relevance").

Terms match case-insensitively from the start of a word to its end; a term written with
a trailing ``*`` also matches longer words (``cyber*`` → cybersecurity). In Thai, Lao,
Khmer and Burmese script, which write no spaces between words, terms match anywhere.
The same :class:`TermMatcher` (one Aho–Corasick pass, ``ahocorasick-rs``) serves the
crawl-speed gate (:mod:`asean_cyber_data.gate`), so the gate cannot miss a word this
stage would count.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import ahocorasick_rs

from .extract.langdata import (
    PHRASE_SPACES,
    UNSPACED_SCRIPTS,
    PhraseMatcher,
    RelevanceTerms,
    Steps,
    all_asean_names,
    base_file,
    cut,
    khmer_spelling,
    language_file,
    languages,
    pack,
    uncut,
)
from .models import Relevance, RelevanceEvidence

#: The score an article needs to be on-topic (see README, "Relevance": chosen on the
#: development set as the highest threshold that keeps its recall, not tuned per article).
THRESHOLD = 0.25
#: An ASEAN party and another party named this close (about one long sentence in any
#: of the shipped scripts) stand for cooperation when no cooperation word is written.
LINK_WINDOW = 200
#: What such a pair of parties counts for, in cooperation words.
IMPLICIT_COOPERATION = 0.5
ASEAN = "ASEAN"
#: The code of a region name standing for ASEAN members ("Southeast Asian countries").
REGION = "REGION"

#: Term kinds that name parties, and the party code they stand for.
PARTY_KINDS = {"asean_region": "REGION", "other_parties": "UNNAMED"}


@cache
def language_terms(code: str) -> RelevanceTerms:
    """The validated ``relevance:`` block of ``data/lang/<code>.yaml``."""
    block = language_file(code).relevance
    if block is None:
        raise ValueError(f"data/lang/{code}.yaml has no relevance: block")
    return block


@dataclass(frozen=True)
class Term:
    """One term as data wrote it (``label``) and as it is matched (``text``, lowercase)."""

    label: str
    kind: str
    text: str
    stem: bool
    spaced: bool


def lowered(text: str) -> str:
    """``text`` in lower case with every character where it was (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def squeezed(low: str) -> tuple[str, Steps]:
    """``low`` without the spaces between letters of unspaced scripts, and the steps to
    map back (:func:`~.extract.langdata.uncut`)."""
    if low.isascii() or not UNSPACED_SCRIPTS.search(low):
        return low, []
    return cut(low, (m.span() for m in PHRASE_SPACES.finditer(low)))


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class TermMatcher:
    """Many terms found in one Aho–Corasick pass over lower-cased text.

    Matches are overlapping candidates checked for word boundaries (spaced scripts: the
    term starts a word, and ends one unless it is a stem); the survivors resolve to the
    longest, leftmost term at each place.
    """

    def __init__(self, terms: list[Term]) -> None:
        by_text: dict[str, Term] = {}
        for term in terms:
            by_text.setdefault(term.text, term)
        self.terms = list(by_text.values())
        self._automaton = ahocorasick_rs.AhoCorasick(
            [t.text for t in self.terms], matchkind=ahocorasick_rs.MATCHKIND_STANDARD
        )

    def matches(self, low: str) -> list[tuple[int, int, int]]:
        """``(term index, start, end)`` of every match, boundaries not yet checked."""
        found: list[tuple[int, int, int]] = self._automaton.find_matches_as_indexes(
            low, overlapping=True
        )
        return found

    def candidates(
        self, low: str, matches: list[tuple[int, int, int]] | None = None
    ) -> list[tuple[int, int, Term]]:
        """Every match with valid word boundaries, overlapping ones included."""
        found = []
        for index, start, end in self.matches(low) if matches is None else matches:
            term = self.terms[index]
            if term.spaced:
                if (start > 0 and _is_word(low[start - 1])) or (
                    not term.stem and end < len(low) and _is_word(low[end])
                ):
                    continue
                while term.stem and end < len(low) and _is_word(low[end]):
                    end += 1  # a stem's evidence is the whole word ("cybersecurity")
            found.append((start, end, term))
        return found

    def find(self, low: str) -> list[tuple[int, int, Term]]:
        """Matches that do not overlap another of their kind (the longest, leftmost wins),
        in text order: "international cooperation" is an unnamed party and its
        "cooperation" a cooperation word."""
        found = sorted(self.candidates(low), key=lambda f: (f[0], f[0] - f[1]))
        kept: list[tuple[int, int, Term]] = []
        last_end: dict[str, int] = {}
        for start, end, term in found:
            if start >= last_end.get(term.kind, -1):
                kept.append((start, end, term))
                last_end[term.kind] = end
        return kept


def make_term(label: str, kind: str) -> Term:
    stem = label.endswith("*")
    text = khmer_spelling(lowered(unicodedata.normalize("NFC", label.rstrip("*"))))
    return Term(label, kind, text, stem, not UNSPACED_SCRIPTS.search(text))


@cache
def matcher(code: str) -> TermMatcher:
    """The cyber and cooperation terms of language ``code`` merged over English."""
    codes = ["en"] if code in ("en",) or code not in languages() else ["en", code]
    terms = []
    for each in codes:
        block = language_terms(each)
        terms += [make_term(t, "cyber") for t in block.cyber]
        terms += [make_term(t, "cooperation") for t in block.cooperation]
        terms += [make_term(t, "asean_region") for t in block.asean_region]
        terms += [make_term(t, "other_parties") for t in block.other_parties]
        terms += [make_term(t, "report_cues") for t in block.report_cues]
    return TermMatcher(terms)


@cache
def asean_names() -> PhraseMatcher:
    """ASEAN as the press of every shipped language writes it (``asean_names``)."""
    return PhraseMatcher.build({str(name): ASEAN for name in all_asean_names()})


@cache
def asean_members() -> frozenset[str]:
    return frozenset(base_file().asean_members)


@dataclass(frozen=True)
class _Party:
    start: int
    end: int
    code: str  # a partner code, ASEAN, REGION or UNNAMED
    label: str = ""


def _nationality(text: str, start: int, end: int, code: str) -> bool:
    """A mention that names people's nationality ("Chinese nationals"), not a party."""
    language = pack(code)
    before = text[max(0, start - 40) : start].rstrip()
    after = text[end : end + 40].lstrip()
    for word in language.nationality_before:
        if before.endswith(word) and (
            len(before) == len(word) or not _is_word(before[-len(word) - 1])
        ):
            return True
    for word in language.nationality_after:
        if after.startswith(word) and (len(after) == len(word) or not _is_word(after[len(word)])):
            return True
    return False


def _parties(text: str, code: str, hits: list[tuple[int, int, Term]]) -> list[_Party]:
    """ASEAN, the countries and organisations named, and the region and unnamed-party
    terms, in text order."""
    found = [_Party(s, e, v) for s, e, v in asean_names().finditer(text)]
    taken = [(p.start, p.end) for p in found]
    for start, end, value in pack(code).partners.finditer(text):
        if any(s < end and start < e for s, e in taken):
            continue  # "ASEAN" inside a longer name was counted once
        if not _nationality(text, start, end, code):
            found.append(_Party(start, end, value))
    for start, end, term in hits:
        if term.kind in PARTY_KINDS:
            found.append(_Party(start, end, PARTY_KINDS[term.kind], term.label))
    return sorted(found, key=lambda p: (p.start, p.end))


def _asean_side(party: _Party) -> bool:
    return party.code in asean_members() or party.code in (ASEAN, REGION)


def _party_rule(parties: list[_Party], home: str | None) -> bool:
    """An ASEAN party and another party are named.

    ASEAN itself stands for its members working among themselves. The press of a member
    state writes about its own country without naming it ("the ministry met Japan's
    ambassador"): a language's ``home_country`` is an ASEAN party even when unnamed.
    """
    codes = {p.code for p in parties}
    if ASEAN in codes:
        return True
    members = codes & (asean_members() | {REGION})
    others = codes - members
    if home in asean_members():
        members = members | {home}
    return bool(members) and (bool(others) or len(members) >= 2)


def _named_together(parties: list[_Party]) -> bool:
    """An ASEAN party and another party named within :data:`LINK_WINDOW` characters of
    each other ("Cambodian and Chinese police", "Thailand and Myanmar")."""
    for a in parties:
        if not _asean_side(a):
            continue
        for b in parties:
            if b.code != a.code and abs(b.start - a.start) <= LINK_WINDOW:
                return True
    return False


def assess(text: str, code: str, threshold: float = THRESHOLD) -> Relevance:
    """The relevance of cleaned ``text`` written in language ``code``, with its evidence."""
    low, steps = squeezed(khmer_spelling(lowered(text)))
    hits = matcher(code).find(low)
    if steps:
        hits = [(uncut(s, steps), uncut(e - 1, steps) + 1, t) for s, e, t in hits]
    cyber = [(s, e, t) for s, e, t in hits if t.kind == "cyber"]
    cooperation = [(s, e, t) for s, e, t in hits if t.kind == "cooperation"]
    parties = _parties(text, code, hits)
    score = 0.0
    if _party_rule(parties, pack(code).home_country):
        c = len(cyber)
        k = float(len(cooperation))
        reports = any(t.kind == "report_cues" for _, _, t in hits)
        if not k and _named_together(parties) and not reports:
            k = IMPLICIT_COOPERATION
        score = round(c / (c + 1) * k / (k + 1), 4)
    evidence = [
        RelevanceEvidence(kind=t.kind, start=s, end=e, term=t.label)  # type: ignore[arg-type]
        for s, e, t in cyber + cooperation
    ]
    evidence += [
        RelevanceEvidence(
            kind="asean_party" if _asean_side(p) else "other_party",
            start=p.start,
            end=p.end,
            term=p.label or p.code,
        )
        for p in parties
    ]
    evidence.sort(key=lambda e: (e.start, e.end, e.kind))
    return Relevance(score=score, relevant=score > 0 and score >= threshold, evidence=evidence)


def why_off_topic(relevance: Relevance) -> str:
    """A short reason for an off-topic decision: the first missing element, or the score."""
    kinds = {e.kind for e in relevance.evidence}
    if "cyber" not in kinds:
        return "no cyber term"
    if relevance.score == 0 and "cooperation" not in kinds:
        return "no cooperation term"
    if relevance.score == 0:
        return "no ASEAN party with another party"
    return f"score {relevance.score:.4f} below the threshold"

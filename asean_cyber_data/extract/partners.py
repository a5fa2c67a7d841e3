"""External partners: who ASEAN (or a member) cooperates with, principal first.

Every mention of a country or organisation (CLDR names plus each language file's
names, adjectives and capitals) gets a weight:

- 1 for a plain mention; +1.5 when a cooperation cue stands right before it ("with",
  "dengan", "phối hợp", "ร่วมกับ") or it is joined to ASEAN ("ASEAN-EU", "ASEAN và
  EU", "Japan and ASEAN");
- 0 when cited as a source of information ("according to", "laporan Interpol");
- 0 in an aside about other cooperation ("separately", "similar agreements with");
- x0.3 in a question or hypothetical ("whether", "apakah");
- x0.5 inside the name of an initiative ("Công ước Liên hợp quốc ...").

The principal partner is the external party (not an ASEAN member) with the highest
weight. Another external party is a partner too when its weight is at least half the
principal's, when it has a cooperation cue, or when it is listed together with a
partner ("Australia, the European Union and New Zealand"). With no external party,
the article is bilateral intra-ASEAN only when exactly one other member appears: the
counterpart of the speaker's (or home) country; otherwise there is no partner.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from .langdata import LanguagePack, pack
from .text import sentence_at, sentences

CUE_BONUS = 1.5
HYPOTHETICAL_FACTOR = 0.3
INITIATIVE_FACTOR = 0.5
SECONDARY_RATIO = 0.5


@dataclass(frozen=True)
class FoundPartner:
    code: str
    name: str
    spans: tuple[tuple[int, int], ...]


@dataclass
class _Mention:
    start: int
    end: int
    code: str
    weight: float
    cued: bool


def _ends_with_phrase(window: str, phrases: tuple[str, ...], determiners: tuple[str, ...]) -> bool:
    """``window`` ends with one of ``phrases`` (then optional determiners)."""
    trimmed = window.rstrip()
    for _ in range(2):
        for det in determiners:
            if re.search(r"(?:^|\s)" + re.escape(det) + r"$", trimmed):
                trimmed = trimmed[: -len(det)].rstrip()
                break
    for phrase in phrases:
        if trimmed.endswith(phrase):
            before = trimmed[: -len(phrase)]
            if not before or not before[-1].isalnum() or not phrase[:1].isascii():
                return True
    return False


@cache
def _patterns(code: str) -> dict[str, re.Pattern[str]]:
    """The language's "joined to ASEAN" and hypothetical-sentence patterns, compiled once."""
    language = pack(code)
    joiner = "|".join(["[-–—+]", *(re.escape(c) for c in language.conjunctions)])
    asean = "|".join(re.escape(a) for a in language.asean_names)
    hypothetical = "|".join(re.escape(h) for h in language.hypothetical_cues) or "(?!x)x"
    aside = "|".join(re.escape(h) for h in language.aside_cues) or "(?!x)x"
    before = "|".join(re.escape(w) for w in language.nationality_before) or "(?!x)x"
    after = "|".join(re.escape(w) for w in language.nationality_after) or "(?!x)x"
    listed = "|".join([",", *(re.escape(c) for c in language.conjunctions)])
    return {
        "nationality_before": re.compile(r"(?<!\w)(?:" + before + r")\s*$"),
        "nationality_after": re.compile(  # "Chinese and Laotian nationals"
            r"(?:\s*(?:" + listed + r")?\s*[^\W\d_]+)?\s*(?:" + after + r")(?!\w)"
        ),
        "joined_before": re.compile(r"(?:" + asean + r")\s*(?:" + joiner + r")\s*$"),
        "joined_after": re.compile(r"\s*(?:" + joiner + r")\s*(?:" + asean + ")"),
        "hypothetical": re.compile(r"(?<!\w)(?:" + hypothetical + r")(?!\w)", re.IGNORECASE),
        "aside": re.compile(r"(?<!\w)(?:" + aside + r")(?!\w)", re.IGNORECASE),
    }


def _mentions(
    text: str, language: LanguagePack, initiative_spans: list[tuple[int, int]]
) -> list[_Mention]:
    found = language.partners.finditer(text)
    spans = sentences(text)
    patterns = _patterns(language.code)
    mentions: list[_Mention] = []
    for index, (start, end, code) in enumerate(found):
        # "Full Name (ACRONYM)" is one mention.
        if (
            index
            and found[index - 1][2] == code
            and text[found[index - 1][1] : start].strip() == "("
        ):
            continue
        before = text[max(0, start - 40) : start]
        after = text[end : end + 20]
        weight = 1.0
        cued = _ends_with_phrase(before, language.cooperation_cues, language.determiners)
        joined = bool(
            patterns["joined_before"].search(before) or patterns["joined_after"].match(after)
        )
        members = language.asean_members
        prev = found[index - 1] if index else None
        nxt = found[index + 1] if index + 1 < len(found) else None
        member_joined = bool(
            (
                prev
                and prev[2] != code
                and (prev[2] in members or code in members)
                and re.fullmatch(r"\s*[-–]\s*", text[prev[1] : start])
            )
            or (
                nxt
                and nxt[2] != code
                and (nxt[2] in members or code in members)
                and re.fullmatch(r"\s*[-–]\s*", text[end : nxt[0]])
            )
        )
        joined = joined or member_joined
        if cued or joined:
            weight += CUE_BONUS
        if patterns["nationality_before"].search(before) or patterns["nationality_after"].match(
            text, end, end + 40
        ):  # "Chinese nationals", "warga negara China": people, not a partner
            weight = 0.0
            cued = False
            joined = False
        if _ends_with_phrase(before, language.citation_cues, language.determiners):
            weight = 0.0
            cued = False
        sentence = sentence_at(spans, start)
        if patterns["aside"].search(text, sentence[0], sentence[1]):
            weight, cued = 0.0, False  # "Separately, ... similar agreements with X"
        if patterns["hypothetical"].search(text, sentence[0], sentence[1]):
            weight *= HYPOTHETICAL_FACTOR
            cued = False
        if any(s <= start and end <= e for s, e in initiative_spans):
            weight *= INITIATIVE_FACTOR
        mentions.append(_Mention(start, end, code, weight, cued or joined))
    return mentions


def _coordinated(text: str, a: _Mention, b: _Mention, language: LanguagePack) -> bool:
    """``a`` and ``b`` stand in one list: only commas, brackets, conjunctions between."""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = text[first.end : second.start]
    if len(gap) > 40:
        return False
    words = [w for w in re.split(r"[\s,()]+", gap) if w]
    allowed = {
        w for phrase in (*language.conjunctions, *language.determiners) for w in phrase.split()
    }
    return all(w in allowed for w in words)


def find_partners(
    text: str, language: LanguagePack, home: str | None, initiative_spans: list[tuple[int, int]]
) -> list[FoundPartner]:
    """Partners in order: principal first, then by first mention."""
    mentions = _mentions(text, language, initiative_spans)
    scores: dict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}
    cued: set[str] = set()
    for m in mentions:
        scores[m.code] += m.weight
        first_seen.setdefault(m.code, m.start)
        if m.cued and m.weight > 0:
            cued.add(m.code)
    members = language.asean_members
    external = {c: s for c, s in scores.items() if c not in members and s >= 1.0}
    if home is None:
        present = [c for c in scores if c in members and scores[c] > 0]
        home = min(present, key=lambda c: first_seen[c]) if present else None
    counterparts = sorted(
        (c for c in scores if c in members and c != home and scores[c] > 0),
        key=lambda c: -scores[c],
    )
    top_external = max(external.values(), default=0.0)
    bilateral_first = bool(
        counterparts and counterparts[0] in cued and scores[counterparts[0]] >= 2 * top_external
    )
    if external and not bilateral_first:
        chosen = _external(text, external, scores, cued, first_seen, mentions, language, members)
    else:
        chosen = _bilateral(scores, first_seen, home, members)
    return [
        FoundPartner(
            code,
            language.partner_names.get(code, code),
            tuple((m.start, m.end) for m in mentions if m.code == code),
        )
        for code in chosen
    ]


def _external(
    text: str,
    external: dict[str, float],
    scores: dict[str, float],
    cued: set[str],
    first_seen: dict[str, int],
    mentions: list[_Mention],
    language: LanguagePack,
    members: frozenset[str],
) -> list[str]:
    principal = max(external, key=lambda c: (external[c], -first_seen[c]))
    chosen = [principal]
    for code in sorted(scores, key=lambda c: first_seen[c]):
        if code in chosen or code in members or scores[code] <= 0:
            continue
        if scores[code] >= SECONDARY_RATIO * external[principal] or code in cued:
            chosen.append(code)
    changed = True
    while changed:
        changed = False
        for m in mentions:
            if m.code in chosen or m.code in members or m.weight <= 0:
                continue
            if any(
                _coordinated(text, m, other, language)
                for other in mentions
                if other.code in chosen and other.code != m.code
            ):
                chosen.append(m.code)
                changed = True
    return [principal, *sorted(chosen[1:], key=lambda c: first_seen[c])]


def _bilateral(
    scores: dict[str, float], first_seen: dict[str, int], home: str | None, members: frozenset[str]
) -> list[str]:
    present = [c for c, s in scores.items() if c in members and s > 0]
    if home is None and present:
        home = max(present, key=lambda c: (scores[c], -first_seen[c]))
    others = sorted((c for c in present if c != home), key=lambda c: -scores[c])
    if len(others) == 1:
        return others
    if len(others) > 1 and scores[others[0]] >= 2 * scores[others[1]]:
        return others[:1]
    return []

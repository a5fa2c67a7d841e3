"""External partners: who ASEAN (or a member) cooperates with, principal first.

The rule ``gazetteer`` proposes every country and organisation the text names (CLDR
names plus each language file's names, adjectives and capitals), and every foreign
country it names through one of its government bodies of the outlet registry ("worked
with the FBI" → US, "KNPA" → KR); mentions of one code are one candidate. Its features
say how the text names it:

- how often, how early, in the headline; through a body (``body``);
- after a cooperation cue ("with", "dengan", "phối hợp", "ร่วมกับ") or joined to ASEAN
  ("ASEAN-EU", "ASEAN và EU", "Japan and ASEAN") or to a member ("Malaysia-Japan");
- named as where a city is ("Bangkok, Thailand": ``venue``) or as a border ("its border
  with Laos", "ชายแดนเมียนมา"), cited as a source
  ("according to", "laporan Interpol"), people's nationality
  ("Chinese nationals"), in an aside about other cooperation ("separately") or in a
  comparison ("Like the EU, Malaysia …"), in the
  occasion another meeting is held at ("on the sidelines of the ASEAN-Japan Summit"), in a
  question or hypothetical ("whether");
- listed together with a cued partner ("Australia, the European Union and New Zealand"),
  or named only in a list of four or more parties (an enumeration of participants);
- in a sentence with a cooperation word of the relevance stage ("kerja sama", "hợp tác",
  "memorandum"), which a party named in passing lacks;
- an ASEAN member, the speaker's own country, the only other member named. The ASEAN
  side ("home") is the speaker's country, else the outlet's or the language's — when
  the text names it or refers to it ("nước ta", "negara ini"); else the member the
  text names most, the country the story is about.

The fitted model accepts the partners; the principal is the accepted one it is most
sure of. ASEAN members are partners only in bilateral intra-ASEAN cooperation, which
the member features let the model learn (GUIDELINES: the counterpart of the speaker's
country).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from .article import Article, phrase_regex, sentence_initial
from .candidates import UNFITTED, Candidate, FieldModel, accept
from .langdata import LanguagePack, pack

FIELD = "partners"
#: The model that picks the principal among the accepted partners (``weights.json``).
PRINCIPAL = "principal_partner"
#: A cue's weight in the legacy mention score that the features summarise.
CUE_BONUS = 1.5


@dataclass(frozen=True)
class FoundPartner:
    code: str
    name: str
    spans: tuple[tuple[int, int], ...]
    probability: float = 1.0


@dataclass
class _Mention:
    start: int
    end: int
    code: str
    cued: bool = False
    joined: bool = False
    member_joined: bool = False
    nationality: bool = False
    border: bool = False
    citation: bool = False
    aside: bool = False
    occasion: bool = False
    hypothetical: bool = False
    body: bool = False
    venue: bool = False

    @property
    def weight(self) -> float:
        """How strongly this mention makes its code a party (0 for people, borders,
        sources, asides)."""
        if self.nationality or self.border or self.citation or self.aside:
            return 0.0
        weight = 1.0 + (CUE_BONUS if self.cued or self.joined or self.member_joined else 0.0)
        if self.hypothetical:
            weight *= 0.3
        return weight


#: How far before a mention its cue is looked for.
CUE_WINDOW = 40


@cache
def _ending(phrases: tuple[str, ...], determiners: tuple[str, ...]) -> re.Pattern[str] | None:
    """``... <phrase> [<determiner> [<determiner>]]`` at the end of a window, compiled once.

    Latin-script phrases must start a word ("with", not "forth"); phrases in other
    scripts may be glued to what comes before ("ตำรวจจับกุมชาวจีน": unspaced scripts mark
    no word start).
    """
    if not phrases:
        return None
    ordered = sorted(set(phrases), key=len, reverse=True)
    spaced = "|".join(re.escape(p) for p in ordered if p[:1].isascii())
    attached = "|".join(re.escape(p) for p in ordered if not p[:1].isascii())
    alternatives = []
    if spaced:
        alternatives.append(r"(?<![^\W_])(?:" + spaced + ")")
    if attached:
        alternatives.append("(?:" + attached + ")")
    dets = "|".join(re.escape(d) for d in sorted(set(determiners), key=len, reverse=True))
    tail = rf"(?:\s+(?:{dets})){{0,2}}" if dets else ""
    return re.compile("(?:" + "|".join(alternatives) + ")" + tail + r"\s*$")


def _cue_ends_at(
    article: Article,
    at: int,
    phrases: tuple[str, ...],
    determiners: tuple[str, ...] = (),
) -> bool:
    """The text just before ``at`` ends with one of ``phrases`` (then optional
    determiners): as the data writes it, or with a capital where it opens a sentence —
    a capitalised cue elsewhere is part of a name, not the cue."""
    lo = max(0, at - CUE_WINDOW)
    written = _ending(phrases, determiners)
    if written is None:
        return False
    if written.search(article.text, lo, at):
        return True
    opening = _ending(sentence_initial(phrases), determiners)
    m = opening.search(article.text, lo, at) if opening else None
    return bool(m and article.opens_sentence(m.start()))


@cache
def _patterns(code: str) -> dict[str, re.Pattern[str]]:
    """The language's "joined to ASEAN" and hypothetical-sentence patterns, compiled once."""
    language = pack(code)
    joiner = "|".join(["[-–—+]", *(re.escape(c) for c in language.conjunctions)])
    asean = "|".join(re.escape(a) for a in language.asean_names)
    hypothetical = "|".join(re.escape(h) for h in language.hypothetical_cues) or "(?!x)x"
    aside = "|".join(re.escape(h) for h in language.aside_cues) or "(?!x)x"
    after = "|".join(re.escape(w) for w in language.nationality_after) or "(?!x)x"
    border = "|".join(
        re.escape(w) + (r"(?!\w)" if w[:1].isascii() else "")
        for w in sorted(language.border_after, key=len, reverse=True)
    )
    listed = "|".join([",", *(re.escape(c) for c in language.conjunctions)])
    return {
        "nationality_after": re.compile(  # "Chinese and Laotian nationals"
            r"(?:\s*(?:" + listed + r")?\s*[^\W\d_]+)?\s*(?:" + after + r")(?!\w)"
        ),
        "border_after": re.compile(r"\s*(?:" + (border or "(?!x)x") + ")"),
        "joined_before": re.compile(r"(?:" + asean + r")\s*(?:" + joiner + r")\s*$"),
        "joined_after": re.compile(r"\s*(?:" + joiner + r")\s*(?:" + asean + ")"),
        "hypothetical": re.compile(r"(?<!\w)(?:" + hypothetical + r")(?!\w)", re.IGNORECASE),
        "aside": re.compile(r"(?<!\w)(?:" + aside + r")(?!\w)", re.IGNORECASE),
        "comparison": re.compile(
            "|".join(re.escape(c) + r"(?!\w)" for c in language.comparison_openers) or "(?!x)x"
        ),
    }


_OPENING_MARKS = re.compile(r"[\s\"'“‘(\[«]*")


def _compared(article: Article, start: int, pattern: re.Pattern[str]) -> bool:
    """The party is what the sentence compares with, in the clause a comparison opens
    ("Like the United States and the EU, Malaysia is amending its law", "Seperti
    Amerika Syarikat, …"): a model, not a partner. Only at a sentence's start (mid-
    sentence "like" and "seperti" give examples: "partners like Japan")."""
    text = article.text
    sentence_start = article.sentence_at(start)[0]
    opening = _OPENING_MARKS.match(text, sentence_start)
    at = opening.end() if opening else sentence_start
    if not pattern.match(text, at, start):
        return False
    return "," not in text[at:start] and "，" not in text[at:start]


#: A dash joining two parties ("Malaysia-Japan").
_DASH_GAP = re.compile(r"\s*[-–]\s*")
#: What may stand between a city and the country it is in: a comma and spaces.
_PLACE_GAP = re.compile(r"\s*,\s*|\s+")

#: Distinct parties in one list ("Australia, China, India, Japan and Korea") from which
#: the list is an enumeration of participants (feature ``enumerated``); three measured
#: lower (cross-validated partners F1 0.934 against 0.944).
ENUMERATION = 4


def _mentions(article: Article) -> list[_Mention]:
    """Every mention of a party: by its name, or by one of its government bodies
    ("FBI", "KNPA": :attr:`Article.foreign_bodies`)."""
    text, language = article.text, article.language
    bodies = set(article.foreign_bodies)
    found = sorted([*article.partners, *bodies])
    patterns = _patterns(language.code)
    members = language.asean_members
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
        m = _Mention(start, end, code, body=(start, end, code) in bodies)
        m.cued = _cue_ends_at(article, start, language.cooperation_cues, language.determiners)
        m.joined = bool(
            patterns["joined_before"].search(before) or patterns["joined_after"].match(after)
        )
        prev = found[index - 1] if index else None
        nxt = found[index + 1] if index + 1 < len(found) else None
        m.member_joined = bool(
            (
                prev
                and prev[2] != code
                and (prev[2] in members or code in members)
                and _DASH_GAP.fullmatch(text, prev[1], start)
            )
            or (
                nxt
                and nxt[2] != code
                and (nxt[2] in members or code in members)
                and _DASH_GAP.fullmatch(text, end, nxt[0])
            )
        )
        m.nationality = bool(
            _cue_ends_at(article, start, language.nationality_before)
            or patterns["nationality_after"].match(text, end, end + 40)
        )  # "Chinese nationals", "warga negara China": people, not a partner
        m.border = bool(
            _cue_ends_at(article, start, language.border_before, language.determiners)
            or patterns["border_after"].match(text, end, end + 30)
        )  # "its border with Laos", "biên giới Campuchia": a place, not a partner
        m.citation = _cue_ends_at(article, start, language.citation_cues, language.determiners)
        m.venue = _after_a_place(article, start)
        sentence = article.sentence_at(start)
        m.aside = bool(patterns["aside"].search(text, sentence[0], sentence[1])) or _compared(
            article, start, patterns["comparison"]
        )
        m.occasion = article.in_occasion(start)
        m.hypothetical = bool(patterns["hypothetical"].search(text, sentence[0], sentence[1]))
        mentions.append(m)
    return mentions


def _after_a_place(article: Article, start: int) -> bool:
    """The party is named as where a city is ("Bangkok, Thailand", "di Kuala Lumpur,
    Malaysia", "KUALA LUMPUR, Malaysia —"): a venue or a dateline, not a party. Only a
    comma and spaces between (the places of ``data/places.yaml``)."""
    for _s, end, _code in article.places:
        if end <= start and _PLACE_GAP.fullmatch(article.text, end, start):
            return True
        if end > start:
            break
    return False


def _coordinated(text: str, a: _Mention, b: _Mention, language: LanguagePack) -> bool:
    """``a`` and ``b`` stand in one list: only commas, brackets, conjunctions between."""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = text[first.end : second.start]
    if len(gap) > 40:
        return False
    words = [w for w in re.split(r"[\s,()]+", gap) if w]
    return all(w in language.list_words for w in words)


@dataclass
class _Code:
    code: str
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def weight(self) -> float:
        return sum(m.weight for m in self.mentions)


def _about(
    article: Article, codes: dict[str, _Code], present: list[str], home: str | None
) -> str | None:
    """The ASEAN side of the article: ``home`` when the text names it (by name, or as
    the language's "nước ta", "negara ini"), else the member of ``present`` (the members
    named as parties) it names most, then first.

    A wire story on China and Laos in a Malaysian paper, an AFP report on Cambodia and
    South Korea in Thai: the outlet's or the language's country is not in the story, and
    the member the story is about is the ASEAN side (GUIDELINES: "the country the
    article is about when nobody is quoted"), not a partner.
    """
    if home in codes or not present:
        return home
    references = phrase_regex(article.language.home_references, re.IGNORECASE)
    if references and references.search(article.text):
        return home
    return max(present, key=lambda c: (codes[c].weight, -codes[c].mentions[0].start))


def candidates(
    article: Article,
    home: str | None,
    speaker_country: str | None = None,
    cooperation_terms: Sequence[tuple[int, int]] = (),
) -> list[Candidate]:
    """One candidate per country or organisation named, with how the text names it.

    ``home`` is the ASEAN side's country (the speaker's when a member's official speaks,
    else the outlet's or the language's); ``speaker_country`` is the principal
    speaker's, which may be a partner's ("British Ambassador Ian Frew");
    ``cooperation_terms`` are the spans of the relevance stage's cooperation words
    ("kerja sama", "hợp tác", "signed"): a party named in no sentence that holds one
    is more often named in passing (a suspect's nationality, a conference's venue)."""
    text, language = article.text, article.language
    members = language.asean_members
    mentions = _mentions(article)
    codes: dict[str, _Code] = {}
    for m in mentions:
        codes.setdefault(m.code, _Code(m.code)).mentions.append(m)
    if not codes:
        return []
    external = {c: v.weight for c, v in codes.items() if c not in members}
    top_external = max(external.values(), default=0.0)
    present_members = [c for c, v in codes.items() if c in members and v.weight > 0]
    home = _about(article, codes, present_members, home)
    others = sorted((c for c in present_members if c != home), key=lambda c: -codes[c].weight)
    cued_codes = {c for c, v in codes.items() if any(m.cued and m.weight > 0 for m in v.mentions)}
    coordinated: set[str] = set()
    for m in mentions:
        if m.weight > 0 and any(
            o.code in cued_codes and o.code != m.code and _coordinated(text, m, o, language)
            for o in mentions
        ):
            coordinated.add(m.code)
    # Chains of parties in one list: how many distinct parties each mention's list names.
    chains: list[list[_Mention]] = []
    for m in mentions:
        if chains and _coordinated(text, chains[-1][-1], m, language):
            chains[-1].append(m)
        else:
            chains.append([m])
    listed = {id(m): len({x.code for x in chain}) for chain in chains for m in chain}
    total = sum(v.weight for v in codes.values()) or 1.0
    cooperating = {article.sentence_at(start) for start, _end in cooperation_terms}
    found = []
    for order, (code, entry) in enumerate(
        sorted(codes.items(), key=lambda kv: kv[1].mentions[0].start)
    ):
        ms = entry.mentions
        weight = entry.weight
        first = ms[0].start
        features = {
            "mentions": min(len(ms), 5) / 5,
            "weight_share": round(weight / total, 4),
            "top_external": 1.0
            if code not in members and weight > 0 and weight == top_external
            else 0.0,
            "half_top": 1.0 if top_external and weight >= 0.5 * top_external else 0.0,
            "cued": 1.0 if code in cued_codes else 0.0,
            "joined": 1.0 if any(m.joined for m in ms) else 0.0,
            "member_joined": 1.0 if any(m.member_joined for m in ms) else 0.0,
            "coordinated": 1.0 if code in coordinated else 0.0,
            "all_people": 1.0 if all(m.nationality for m in ms) else 0.0,
            "all_cited": 1.0 if all(m.citation for m in ms) else 0.0,
            "all_aside": 1.0 if all(m.aside for m in ms) else 0.0,
            "all_occasion": 1.0 if all(m.occasion for m in ms) else 0.0,
            "hypothetical": 1.0 if all(m.hypothetical for m in ms) else 0.0,
            "zero_weight": 1.0 if weight == 0 else 0.0,
            "enumerated": 1.0 if all(listed.get(id(m), 1) >= ENUMERATION for m in ms) else 0.0,
            "body": 1.0 if any(m.body for m in ms) else 0.0,
            "venue": 1.0 if all(m.venue for m in ms) else 0.0,
            "position": round(first / max(1, len(text)), 4),
            "headline": 1.0 if article.line_index(first) == 0 and len(article.lines) > 2 else 0.0,
            "first_named": 1.0 if order == 0 else 0.0,
            "organisation": 1.0 if code in language.organisations else 0.0,
            "member": 1.0 if code in members else 0.0,
            "home": 1.0 if code == home else 0.0,
            "only_other_member": 1.0 if code in members and others == [code] else 0.0,
            "counterpart": 1.0
            if code in members and others and others[0] == code and home in members
            else 0.0,
            "speaker_country": 1.0
            if speaker_country and code == speaker_country and code not in members
            else 0.0,
            "no_external": 1.0 if not any(w > 0 for w in external.values()) else 0.0,
            "cooperation_sentence": 1.0
            if any(article.sentence_at(m.start) in cooperating for m in ms)
            else 0.0,
        }
        found.append(
            Candidate(
                FIELD,
                code,
                ms[0].start,
                ms[0].end,
                "gazetteer",
                features,
                {"spans": tuple((m.start, m.end) for m in ms)},
            )
        )
    return found


def find_partners(
    article: Article,
    found: list[Candidate],
    model: FieldModel,
    principal_model: FieldModel = UNFITTED,
) -> list[FoundPartner]:
    """Partners in order: the principal first, then by first mention.

    Which parties take part and which one is the principal are two questions
    (GUIDELINES: the counterpart of the speaker's country, the party the cooperation is
    with): ``model`` accepts the parties, ``principal_model`` — a choice among them,
    fitted on the gold's first partner — picks the principal. Unfitted, the principal
    is the accepted party ``model`` is most sure of.
    """
    accepted = accept(found, model)
    if not accepted:
        return []
    scores = principal_model.probabilities([s.candidate for s in accepted])
    top = max(range(len(accepted)), key=lambda i: (scores[i], -i))
    principal = accepted[top]
    rest = sorted((s for i, s in enumerate(accepted) if i != top), key=lambda s: s.candidate.start)
    names = article.language.partner_names
    return [
        FoundPartner(
            s.candidate.value,
            names.get(s.candidate.value, s.candidate.value),
            s.candidate.data["spans"],
            s.probability,
        )
        for s in (principal, *rest)
    ]

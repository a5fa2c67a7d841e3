"""Named initiatives: programmes, mechanisms, agreements, conventions, meetings.

Two sources, both data-driven:

- the list of known initiatives (``data/initiatives.yaml``), which also gives the
  English ``name`` of what an article writes in its own words ("Konvensi Hanoi");
- each language's grammar of names (``initiatives`` in ``data/lang/<code>.yaml``):
  * English word order, head last: capitalised words ending in a head noun, with an
    ``of``/``on`` complement and an acronym in brackets ("2nd ASEAN Ministerial
    Meeting on Transnational Crime (AMMTC) + Japan");
  * head first (Malay, Indonesian, Vietnamese, French): the head then its complement
    ("Sidang Kemuncak ASEAN-Rusia ke-4", "Hội nghị Bộ trưởng Ngoại giao ASEAN-EU");
    languages written in sentence case continue through lowercase words up to a stop
    word ("Tuyên bố chung về hợp tác an ninh mạng");
  * lowercase heads pinned by a complement or capitalised modifiers ("letter of intent
    on promoting closer cyberspace cooperation", "ASEAN Japan committee dialogue");
  * an introducer before a capitalised name ("inisiatif Pembangunan Profesional ...");
  * a short quoted phrase built on a head ("“kemitraan strategis komprehensif”").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafiles import read_yaml
from .langdata import InitiativeGrammar, LanguagePack, PhraseMatcher, fold, pack
from .text import phrase_regex

_WORD = re.compile(r"[^\W_][\w'’\-–+./]*|\(|\)|[“”\"]|[,;:!?]|\S")
_ACRONYM_PAREN = re.compile(r"\s?\(([A-Za-z][A-Za-z0-9\-+&]{1,14})\)")
#: "+ Japan", "+Trung Quốc": a partner added to a meeting's name.
_PLUS_PARTNER = re.compile(r"\s?\+\s?[A-ZĐ]\w+(?:\s[A-ZĐ]\w+)?")
_ORDINAL_TOKEN = re.compile(r"^(?:\d{1,3}[^\W\d]{0,3}|[^\W\d]{1,3}-\d{1,3}|\d{4}(?:[–-]\d{4})?)$")
_NON_SPACE = re.compile(r"\S*")
MAX_TOKENS = 22
MAX_QUOTED_WORDS = 8


@dataclass(frozen=True)
class FoundInitiative:
    name: str
    surface: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _known() -> PhraseMatcher:
    names: dict[str, str] = {}
    for item in read_yaml("initiatives.yaml"):
        for alias in [item["name"], *item["names"]]:
            names[alias] = item["name"]
    return PhraseMatcher.build(names)


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or bool(_ORDINAL_TOKEN.match(token))


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, start, end))


def _lower_modifier(token: str, grammar: InitiativeGrammar) -> bool:
    """A lowercase word that can modify a lowercase head ("experts' cybersecurity")."""
    if token.endswith(("'", "’")):
        return True
    return (
        token.islower()
        and len(token) > 2
        and token not in grammar.stop_words
        and token not in grammar.generic_determiners
        and token not in grammar.connectors
    )


def _extend_left(
    text: str, head_start: int, grammar: InitiativeGrammar, allow_lower: int = 0
) -> int:
    """Start of the capitalised run (with connectors) that ends at a head."""
    line_start = max(text.rfind("\n", 0, head_start) + 1, head_start - 160)
    tokens = _tokens(text, line_start, head_start)
    start = head_start
    lower_used = 0
    for m in reversed(tokens):
        token = m.group()
        gap = text[m.end() : start]
        if gap.strip():
            break
        if token.casefold() in grammar.stop_words or (
            token.endswith(".") and not re.fullmatch(r"[A-Z]\.", token)
        ):
            break
        if _is_cap(token) and token not in ("(", ")"):
            start = m.start()
        elif token in grammar.connectors and start != head_start:
            prev = [t for t in tokens if t.end() <= m.start()]
            if prev and _is_cap(prev[-1].group()) and prev[-1].group() not in ("(", ")"):
                start = m.start()
                continue
            break
        elif lower_used < allow_lower and _lower_modifier(token, grammar):
            start = m.start()
            lower_used += 1
        else:
            break
    # A name never starts with a connector ("the", "of", "dan").
    for m in _tokens(text, start, head_start):
        if m.group() in grammar.connectors and not m.group()[:1].isupper():
            start = m.end() + 1 if text[m.end() : m.end() + 1] == " " else m.end()
        else:
            break
    return start


def _extend_right(
    text: str, pos: int, grammar: InitiativeGrammar, lowercase: bool, limit: int = MAX_TOKENS
) -> int:
    """End of a name's complement after ``pos`` (capitalised words, or sentence case)."""
    stops = _stop_regex(grammar.stop_words)
    end = pos
    count = 0
    pending = pos
    line_end = text.find("\n", pos)
    for m in _tokens(text, pos, line_end if line_end >= 0 else len(text)):
        token = m.group()
        if text[pending : m.start()].strip():
            break
        if m.start() < pending:
            continue
        joiner = _joiner_regex(grammar.connectors)
        joined = joiner.match(text, m.start()) if joiner else None
        if not joined and token in "-–" and end > pos:
            # "Việt Nam - Hàn Quốc": a spaced dash between two capitalised names.
            dash = re.compile(r"[-–]\s(?=\w)").match(text, m.start())
            joined = dash if dash and text[dash.end()].isupper() else None
        if joined:
            pending = end = joined.end()
            count += 1
            continue
        if count >= limit or (stops and stops.match(text, m.start())):
            break
        if (
            token == ","
            and lowercase
            and grammar.sentence_case
            and re.match(r",\s[^\W\d_]", text[m.start() :])
            and text[m.end() + 1 : m.end() + 2].islower()
        ):
            pending = m.end()
            continue
        if token in '()“”",;:!?' or token.endswith("."):
            if token.endswith(".") and len(token) > 1 and (_is_cap(token) or lowercase):
                end = m.end() - 1
            break
        if _is_cap(token) or (lowercase and token[:1].islower()):
            end = m.end()
        elif token not in grammar.connectors:
            break
        pending = m.end()
        count += 1
    return end


@cache
def _stop_regex(stop_words: frozenset[str]) -> re.Pattern[str] | None:
    return phrase_regex(stop_words)


@cache
def _joiner_regex(connectors: frozenset[str]) -> re.Pattern[str] | None:
    """Multi-word connectors ("phòng, chống", "tự do"), in any letter case."""
    return phrase_regex([c for c in connectors if " " in c or "," in c], re.IGNORECASE)


def _close(
    text: str, end: int, grammar_heads: re.Pattern[str] | None, grammar: InitiativeGrammar
) -> int:
    """Take a bracketed acronym, a "+ Japan" and a following head into the name."""
    m = _ACRONYM_PAREN.match(text, end)
    if m:
        end = m.end()
        starts = "|".join(re.escape(w) for w in grammar.complement_starts)
        if (
            grammar.heads_before
            and not grammar.heads_after
            and starts
            and re.match(r"\s(?:" + starts + r")\s", text[end:])
        ):
            return _extend_right(text, end, grammar, lowercase=grammar.sentence_case)
        stops = _stop_regex(grammar.stop_words)
        if (
            grammar.heads_before
            and not grammar.heads_after
            and re.match(r"\s[A-Z]", text[end:])
            and not (stops and stops.match(text, end + 1))
        ):
            right = _extend_right(text, end, grammar, lowercase=False)
            if right > end:
                return right
        plus = _PLUS_PARTNER.match(text, end)
        if plus:
            end = plus.end()
        if grammar_heads:
            head = grammar_heads.match(text, end + 1) if text[end : end + 1] == " " else None
            if head and grammar.heads_after:
                end = _complement(text, head.end(), grammar)
            elif head:
                end = max(head.end(), _extend_right(text, head.end(), grammar, lowercase=False))
    else:
        plus = _PLUS_PARTNER.match(text, end)
        if plus:
            end = plus.end()
    return end


def _complement(text: str, head_end: int, grammar: InitiativeGrammar) -> int:
    """End of an English-order name after its head: "-Plus", a quoted title, "on ..."."""
    suffix = re.match(r"-[A-Z][a-z]+", text[head_end:])
    end = head_end + (suffix.end() if suffix else 0)
    quoted = _quoted_after(text, end, grammar)
    if quoted:
        return quoted
    complement = _complement_start(grammar.name_complements).match(text, end)
    if complement:
        right = _extend_right(text, complement.end(), grammar, lowercase=False)
        if right > complement.end():
            return right
    return end


@cache
def _complement_start(words: tuple[str, ...]) -> re.Pattern[str]:
    """The word that opens a name's complement ("Meeting *on* Transnational Crime")."""
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"\s(?:" + "|".join(re.escape(w) for w in words) + r")\s")


def _clause_end(text: str, head_end: int, grammar: InitiativeGrammar) -> int:
    """End of a complement naming the parties ("yang ditandatangani oleh X dengan Y, Z")."""
    starts = _stop_regex(frozenset(grammar.clause_starts))
    if not starts:
        return head_end
    m = starts.match(text, head_end + 1)
    if not m or text[head_end : head_end + 1] != " ":
        return head_end
    stops = _stop_regex(frozenset(grammar.clause_stops))
    end = m.end()
    for count, token in enumerate(_tokens(text, m.end(), len(text))):
        value = token.group()
        if count > 30 or value in ".;:!?\n" or "\n" in text[end : token.start()]:
            break
        if stops and stops.match(text, token.start()):
            break
        if value not in ",()":
            end = token.end()
    return end


def _substantial(words: list[str]) -> bool:
    """A name of two words needs an acronym, a number or a compound ("ASEAN Workshop")."""
    if len(words) >= 3:
        return True
    return len(words) == 2 and any(
        any(c.isdigit() for c in w) or "-" in w or (w.isupper() and len(w) > 1) for w in words
    )


def _quoted_after(text: str, pos: int, grammar: InitiativeGrammar) -> int | None:
    """End of a quoted title right after ``pos`` ('on “...”', ' "..."')."""
    lead = "|".join(re.escape(w) + r"\s" for w in grammar.complement_starts)
    m = re.match(r"\s?(?:" + lead + r")?[“\"]([^”\"\n]{3,200})[”\"]", text[pos:])
    return pos + m.end() if m else None


def _trim(surface: str) -> str:
    return surface.strip(" ,;:–-'’").strip()


def _grammar_spans(text: str, language: LanguagePack) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for grammar in language.grammars:
        after = phrase_regex(grammar.heads_after)
        before = phrase_regex(grammar.heads_before)
        lower = phrase_regex(grammar.lowercase_heads)
        if after:
            for m in after.finditer(text):
                follower = re.match(r"\s([a-z]+)", text[m.end() :])
                if follower and follower.group(1) in grammar.attributive_followers:
                    continue
                start = _extend_left(text, m.start(), grammar)
                end = _close(text, _complement(text, m.end(), grammar), after, grammar)
                if _substantial(text[start:end].split()):
                    spans.append((start, end))
        if before and grammar.unspaced:
            for m in before.finditer(text):
                run = _NON_SPACE.match(text, m.end())
                if run and run.end() > m.end() + 2:
                    spans.append((m.start(), run.end()))
            before = None
        if before:
            for m in before.finditer(text):
                if not m.group()[:1].isupper():
                    continue
                quoted = _quoted_after(text, m.end(), grammar)
                if quoted:
                    spans.append((m.start(), quoted))
                    continue
                end = _extend_right(text, m.end(), grammar, lowercase=grammar.sentence_case)
                clause = _clause_end(text, m.end(), grammar)
                end = _close(text, max(end, clause), before, grammar)
                if end > m.end() + 1:
                    spans.append((m.start(), end))
        if lower:
            for m in lower.finditer(text):
                if not m.group()[:1].islower():
                    continue
                prefix = text[max(0, m.start() - 30) : m.start()].split()
                if prefix and prefix[-1] in grammar.generic_determiners:
                    continue
                start = m.start()
                if grammar.heads_after:
                    start = _extend_left(text, m.start(), grammar, allow_lower=2)
                modified = any(
                    _is_cap(t.group())
                    and t.group().casefold() not in grammar.stop_words
                    and t.group().casefold() not in grammar.connectors
                    and t.group().casefold() not in grammar.generic_determiners
                    for t in _tokens(text, start, m.start())
                )
                if _occasion(language.code).match(text, m.end()):
                    continue  # "dialogue on the sidelines of ...": an occasion, not a name
                end = _extend_right(text, m.end(), grammar, lowercase=True, limit=14)
                complement_words = text[m.end() : end].split()
                has_complement = any(w in grammar.complement_starts for w in complement_words)
                if not has_complement and not modified:
                    continue
                if not has_complement:
                    end = m.end()
                end = _close(text, end, None, grammar)
                spans.append((start, end))
        for introducer in grammar.introducers:
            for m in re.finditer(r"(?<![\w])" + re.escape(introducer) + r"\s(?=[A-Z])", text):
                end = _extend_right(text, m.end(), grammar, lowercase=False)
                if len(text[m.end() : end].split()) >= 2:
                    spans.append((m.end(), end))
    spans += _quoted_spans(text, language)
    return spans


@cache
def _folded_heads(code: str) -> frozenset[str]:
    grammars = pack(code).grammars
    heads = [h for g in grammars for h in (*g.heads_after, *g.heads_before, *g.lowercase_heads)]
    return frozenset(fold(h) for h in heads)


def _quoted_spans(text: str, language: LanguagePack) -> list[tuple[int, int]]:
    folded = _folded_heads(language.code)
    found = []
    for m in re.finditer(r"[“\"]([^”\"\n]{3,120})[”\"]", text):
        words = m.group(1).split()
        if not 2 <= len(words) <= MAX_QUOTED_WORDS:
            continue
        first, last = fold(words[0]), fold(words[-1].rstrip(".,"))
        first_two = fold(" ".join(words[:2]))
        if first in folded or first_two in folded or last in folded:
            found.append((m.start(1), m.end(1)))
    return found


def find_initiatives(text: str, language: LanguagePack) -> list[FoundInitiative]:
    """Every named initiative, in order of first mention, one entry per initiative."""
    known = _known()
    known_hits = known.finditer(text)
    spans = [
        _cut_at_conjunction(text, s, e, known_hits, language)
        for s, e in _grammar_spans(text, language)
    ]
    spans = [(s, s + len(text[s:e].rstrip(" ,;:–-"))) for s, e in spans]
    for s, e, _name in known_hits:
        plus = _PLUS_PARTNER.match(text, e)
        spans.append((s, plus.end() if plus else e))
    # Keep the outermost spans: a known acronym inside a longer name is part of it.
    spans = sorted(set(spans), key=lambda x: (x[0], -(x[1] - x[0])))
    outer: list[tuple[int, int]] = []
    for start, end in spans:
        if end - start < 3:
            continue
        if any(s <= start and end <= e for s, e in outer):
            continue
        outer = [(s, e) for s, e in outer if not (start <= s and e <= end)]
        outer.append((start, end))
    outer.sort()
    results: list[FoundInitiative] = []
    seen: set[str] = set()
    for start, end in outer:
        surface = _trim(text[start:end])
        if not surface or len(surface) < 4:
            continue
        if _venue(language.code).search(surface):
            continue  # "Jakarta Convention Center (JCC)", a national body: not an initiative
        name = _english_name(surface, known)
        key = fold(name)
        if key in seen:
            continue
        seen.add(key)
        offset = text.find(surface, start)
        results.append(FoundInitiative(name, surface, offset, offset + len(surface)))
    return results


def _cut_at_conjunction(
    text: str, start: int, end: int, known_hits: list[tuple[int, int, str]], language: LanguagePack
) -> tuple[int, int]:
    """ "<known name> and <something else>" is the known name alone."""
    for hit_start, hit_end, _name in known_hits:
        if hit_start == start and hit_end < end:
            rest = text[hit_end:end].split()
            if rest and rest[0] in language.conjunctions:
                return start, hit_end
    return start, end


@lru_cache(maxsize=1)
def _known_folded() -> dict[str, str]:
    return {fold(alias): name for alias, name in _known().values.items()}


@cache
@cache
def _occasion(code: str) -> re.Pattern[str]:
    phrases = [p for g in pack(code).grammars for p in g.occasion_after]
    return re.compile(
        r"\s(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)" if phrases else r"(?!x)x"
    )


def _venue(code: str) -> re.Pattern[str]:
    words = pack(code).not_initiative_words
    return phrase_regex(words) or re.compile(r"(?!x)x")


def _english_name(surface: str, known: PhraseMatcher) -> str:
    """The English name of a known initiative named in ``surface``, else the surface."""
    exact = _known_folded().get(fold(surface))
    if exact:
        return exact
    hits = known.finditer(surface)
    if len(hits) == 1:
        start, end, name = hits[0]
        if end - start >= 0.6 * len(surface):
            return name
    return surface

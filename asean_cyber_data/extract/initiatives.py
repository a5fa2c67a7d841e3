"""Named initiatives: programmes, mechanisms, agreements, conventions, meetings.

Rules propose names by their *shape* in each language's grammar of names
(``initiatives`` in ``data/lang/<code>.yaml``):

- ``head_last`` — English word order: capitalised words ending in a head noun, with an
  ``of``/``on`` complement and an acronym in brackets ("2nd ASEAN Ministerial Meeting on
  Transnational Crime (AMMTC) + Japan");
- ``head_first`` — Malay, Indonesian, Vietnamese, French: the head then its complement
  ("Sidang Kemuncak ASEAN-Rusia ke-4", "Hội nghị Bộ trưởng Ngoại giao ASEAN-EU");
  languages written in sentence case run on through lowercase words up to a stop word;
  ``head_first_quoted`` when the complement is a quoted title;
- ``head_first_unspaced`` — Thai, Khmer, Lao, Burmese: the unspaced run after a head;
- ``lowercase_head`` — a lowercase head pinned by a complement or capitalised modifiers
  ("letter of intent on promoting closer cyberspace cooperation");
- ``capitalised_head`` — the same heads written with capitals and described in lower
  case after them, past an acronym ("Memorandum of Understanding (MOU) on fighting
  terrorism and cybercrime", "Nota Kesepahaman tentang kejahatan siber");
- ``introducer`` — a capitalised name after "the initiative", "program"...;
- ``quoted`` — a short quoted phrase built on a head ("“kemitraan strategis”");
- ``registry`` — a mechanism of the registry (``data/initiatives.yaml``) by any of its
  names or acronyms, in any language;
- ``instrument`` — an agreement the text names by its kind alone ("the MoU", "nota
  kesepahaman", "bản ghi nhớ", ``instruments`` in the grammar): the cooperation's own
  agreement, where the text gives it no other name (an instrument the text does name —
  "Memorandum of Understanding on …" — leaves the bare mentions out).

Each candidate's features describe its name shape (words, capitals, an acronym in
brackets, an ordinal, stop words or a date inside — sentence fragments — a venue word,
a registry entry), ASEAN inside it or hyphenated to a partner ("ASEAN-Japan ..."), a
cyber word inside it; the fitted model accepts the names. A registry entry gives the
canonical English ``name`` and a stable ``id``; other names keep the article's words.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .article import TOKEN, Article, filter_overlapping, phrase_regex
from .candidates import Candidate, FieldModel, Scored, accept, merge_by_value
from .langdata import InitiativeGrammar, LanguagePack, all_asean_names, fold, pack, trie_pattern
from .registry import mechanism, mechanism_named, place_names

FIELD = "initiatives"
_ACRONYM_PAREN = re.compile(r"\s?\(([A-Za-z][A-Za-z0-9\-+&]{1,14})\)")
#: "+ Japan", "+Trung Quốc": a partner added to a meeting's name (capitalised words).
_PLUS = re.compile(r"\s?\+\s?([^\W\d_]\w*)(?:\s([^\W\d_]\w*))?")


class _PlusPartner:
    """Matches "+ Japan", "+Trung Quốc" (Unicode-aware capitals), not "+ here"."""

    def match(self, text: str, pos: int) -> re.Match[str] | _Span | None:
        m = _PLUS.match(text, pos)
        if not m or not m.group(1)[:1].isupper():
            return None
        if m.group(2) and m.group(2)[:1].isupper():
            return _Span(m.end())
        return _Span(m.end(1))


@dataclass(frozen=True)
class _Span:
    stop: int

    def end(self) -> int:
        return self.stop


_PLUS_PARTNER = _PlusPartner()
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
    rule: str
    id: str | None = None


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or bool(_ORDINAL_TOKEN.match(token))


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text, start, end))


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


#: What stands before a sentence's first word: the start of the text or of a line, or a
#: sentence's final punctuation, then opening quotes or brackets.
_SENTENCE_BEFORE = re.compile(r"(?:^|\n|[.!?][\"'”’)]*\s)[\s\"'“‘(]*$")


def _opens_sentence(text: str, pos: int) -> bool:
    return bool(_SENTENCE_BEFORE.search(text, max(0, pos - 12), pos))


@cache
def _function_words(code: str) -> frozenset[str]:
    """Words the language writes in lower case inside sentences: every grammar's stop
    words and connectors, determiners and conjunctions ("also", "the", "ang", "dalam")."""
    language = pack(code)
    words = [w for g in language.grammars for w in (*g.stop_words, *g.connectors)]
    words += [*language.determiners, *language.conjunctions]
    return frozenset(w.casefold() for w in words)


def _extend_left(
    text: str,
    head_start: int,
    grammar: InitiativeGrammar,
    function_words: frozenset[str],
    allow_lower: int = 0,
) -> int:
    """Start of the capitalised run (with connectors) that ends at a head.

    A sentence's first word is capitalised whatever it is: when the language writes it
    in lower case elsewhere (``function_words``: "Also the ...", "Ang ...", "Dalam ...")
    it is the sentence's word, not the name's.
    """
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
            if token.casefold() in function_words and _opens_sentence(text, m.start()):
                break
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
            and re.compile(r"\s(?:" + starts + r")\s").match(text, end)
        ):
            return _extend_right(text, end, grammar, lowercase=grammar.sentence_case)
        stops = _stop_regex(grammar.stop_words)
        if (
            grammar.heads_before
            and not grammar.heads_after
            and re.compile(r"\s[A-Z]").match(text, end)
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
    suffix = re.compile(r"-[A-Z][a-z]+").match(text, head_end)
    end = suffix.end() if suffix else head_end
    quoted = _quoted_after(text, end, grammar)
    if quoted:
        return quoted
    complement = _complement_start(grammar.name_complements).match(text, end)
    if complement and not _a_place_at(text, complement.end()):
        right = _extend_right(text, complement.end(), grammar, lowercase=False)
        if right > complement.end():
            return right
    return end


#: The words that open the text at a position (up to three: "Bandar Seri Begawan").
_WORDS_AHEAD = re.compile(r"\s*([^\W\d_]+)(?:\s([^\W\d_]+))?(?:\s([^\W\d_]+))?")


def _a_place_at(text: str, pos: int) -> bool:
    """A city of the place registry opens the text at ``pos`` ("Dialogue in *Bali* on
    …", "Forum at *Kuala Lumpur*"): where the meeting was, not its complement."""
    m = _WORDS_AHEAD.match(text, pos)
    if not m:
        return False
    places = place_names()
    words = [fold(w) for w in m.groups() if w]
    return any(" ".join(words[:n]) in places for n in range(1, len(words) + 1))


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


#: The next word, spaced on both sides (a complement word: " on ", " tentang ").
_SPACED_WORD = re.compile(r"\s(\w+)\s")


def _described(
    text: str, head: re.Match[str], grammar: InitiativeGrammar, code: str
) -> tuple[int, int] | None:
    """A head that names one agreement when described ("memorandum of understanding"),
    written with capitals and described in lower case right after it, past an acronym:
    "Memorandum of Understanding (MOU) on fighting terrorism and cybercrime",
    "Nota Kesepahaman tentang kerja sama siber". The head's own capitals were read by
    the other rules; this reads the description they stop at."""
    end = head.end()
    acronym = _ACRONYM_PAREN.match(text, end)
    if acronym:
        end = acronym.end()
    first = _SPACED_WORD.match(text, end)
    if not first or first.group(1) not in grammar.complement_starts:
        return None
    if _occasion(code).match(text, end):
        return None
    right = _extend_right(text, end, grammar, lowercase=True, limit=14)
    if len(text[end:right].split()) < 3:
        return None
    start = head.start()
    if grammar.heads_after:
        start = _extend_left(text, head.start(), grammar, _function_words(code))
    return start, right


def _substantial(words: list[str]) -> bool:
    """A name of two words needs an acronym, a number or a compound ("ASEAN Workshop")."""
    if len(words) >= 3:
        return True
    return len(words) == 2 and any(
        any(c.isdigit() for c in w) or "-" in w or (w.isupper() and len(w) > 1) for w in words
    )


#: Lowercase words that may describe a head before its quoted title ("Tọa đàm khoa học
#: “…”", "Seminar nasional “…”", "Hội thảo trực tuyến với chủ đề “…”").
MAX_TITLE_MODIFIERS = 3
_NEXT_WORD = re.compile(r"\s([^\W\d_][\w-]*)")


@cache
def _quoted_title(complement_starts: tuple[str, ...]) -> re.Pattern[str]:
    lead = "|".join(re.escape(w) + r"\s" for w in complement_starts)
    return re.compile(r"\s?(?:" + lead + r")?[“\"]([^”\"\n]{3,200})[”\"]")


def _quoted_after(text: str, pos: int, grammar: InitiativeGrammar) -> int | None:
    """End of a quoted title after ``pos`` ('on “...”', ' "..."'), past at most
    :data:`MAX_TITLE_MODIFIERS` lowercase words describing the head."""
    quoted = _quoted_title(grammar.complement_starts)
    for _ in range(MAX_TITLE_MODIFIERS + 1):
        m = quoted.match(text, pos)
        if m:
            return m.end()
        word = _NEXT_WORD.match(text, pos)
        if not word or not word.group(1)[:1].islower() or word.group(1) in grammar.stop_words:
            return None  # ("diễn tập là “…”": the title is what the head is, said of it)
        pos = word.end()
    return None


def _trim(surface: str) -> str:
    """The surface without edge punctuation (Khmer's and Burmese's full stops too)."""
    return surface.strip(" ,;:–-'’។៕៖။၊").strip()


@cache
def _introducers(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """One pattern per introducer ("known as"), followed by a capitalised word."""
    return tuple(re.compile(trie_pattern([p], word_start=True) + r"\s(?=[A-Z])") for p in phrases)


def _case_blind(phrases: tuple[str, ...], folded: str) -> re.Pattern[str] | None:
    """The case-blind pattern of ``phrases``, or None when none of them is in the text
    (``folded``: its lower case) — a substring test is far cheaper than a case-blind
    scan, and most articles name none of a grammar's lowercase heads."""
    if not any(p in folded for p in _lowered(phrases)):
        return None
    return phrase_regex(phrases, re.IGNORECASE)


@cache
def _lowered(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.lower() for p in phrases)


def _party_words(article: Article) -> frozenset[int]:
    """Where the words of ASEAN's and the parties' names start in the text."""
    text = article.text
    hits = [(s, e) for s, e, _code in article.partners]
    hits += [(m.start(), m.end()) for m in _asean_name().finditer(text)]
    return frozenset(t.start() for s, e in hits for t in _tokens(text, s, e))


def _grammar_spans(article: Article) -> list[tuple[int, int, str]]:
    text, language = article.text, article.language
    spans: list[tuple[int, int, str]] = []
    parties: frozenset[int] | None = None
    folded = text.lower()
    function_words = _function_words(language.code)
    for grammar in language.grammars:
        after = phrase_regex(grammar.heads_after)
        # Sentence-case languages capitalise a head's later words at will ("Bản Ghi nhớ",
        # "Bản ghi nhớ"); the head's first capital is what is checked below.
        before = phrase_regex(grammar.heads_before, re.IGNORECASE if grammar.sentence_case else 0)
        lower = _case_blind(grammar.lowercase_heads, folded)
        if after:
            for m in after.finditer(text):
                follower = re.compile(r"\s([a-z]+)").match(text, m.end())
                if follower and follower.group(1) in grammar.attributive_followers:
                    continue
                start = _extend_left(text, m.start(), grammar, function_words)
                end = _close(text, _complement(text, m.end(), grammar), after, grammar)
                if _substantial(text[start:end].split()):
                    spans.append((start, end, "head_last"))
        if before and grammar.unspaced:
            for m in before.finditer(text):
                run = _NON_SPACE.match(text, m.end())
                end = run.end() if run else m.end()
                # a complement after a phrase space ("អនុស្សរណៈ… ស្តីពី…") is the name's
                while (nxt := _unspaced_complement(grammar).match(text, end)) is not None:
                    end = nxt.end()
                while end > m.end() and text[end - 1] in ".!?":
                    end -= 1  # the sentence's stop, glued to the run
                if end > m.end() + 2:
                    spans.append((m.start(), end, "head_first_unspaced"))
            before = None
        if before:
            for m in before.finditer(text):
                # A head with a quoted title is a name in either case ("tọa đàm “Hướng
                # tới Hà Nội”"); without one, only a capitalised head starts a name.
                quoted = _quoted_after(text, m.end(), grammar)
                if quoted:
                    spans.append((m.start(), quoted, "head_first_quoted"))
                    continue
                if not m.group()[:1].isupper():
                    continue
                end = _extend_right(text, m.end(), grammar, lowercase=grammar.sentence_case)
                clause = _clause_end(text, m.end(), grammar)
                end = _close(text, max(end, clause), before, grammar)
                if end > m.end() + 1:
                    spans.append((m.start(), end, "head_first"))
        if lower:
            for m in lower.finditer(text):
                if not m.group()[:1].islower():
                    described = _described(text, m, grammar, language.code)
                    if described:
                        spans.append((*described, "capitalised_head"))
                    continue
                prefix = text[max(0, m.start() - 30) : m.start()].split()
                if prefix and prefix[-1].casefold() in grammar.generic_determiners:
                    continue
                start = m.start()
                if grammar.heads_after:
                    # Lowercase modifiers ("experts' cybersecurity working group") only
                    # in the article's own language: the English grammar in a Malay
                    # article would take its words ("negara membentuk working group").
                    own = grammar is language.grammars[-1]
                    start = _extend_left(
                        text, m.start(), grammar, function_words, allow_lower=2 if own else 0
                    )
                # A party alone does not name the head ("ASEAN dialogue", "Japan
                # working group"): generic, unless a complement follows.
                parties = _party_words(article) if parties is None else parties
                modified = any(
                    _is_cap(t.group())
                    and t.group().casefold() not in grammar.stop_words
                    and t.group().casefold() not in grammar.connectors
                    and t.group().casefold() not in grammar.generic_determiners
                    and t.start() not in parties
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
                spans.append((start, end, "lowercase_head"))
        instruments = _case_blind(grammar.instruments, folded)
        if instruments:
            for m in instruments.finditer(text):
                prefix = text[max(0, m.start() - 30) : m.start()].split()
                if not (prefix and prefix[-1].casefold() in grammar.generic_determiners):
                    spans.append((m.start(), m.end(), "instrument"))
        for introducer in _introducers(grammar.introducers):
            for m in introducer.finditer(text):
                end = _extend_right(text, m.end(), grammar, lowercase=False)
                if len(text[m.end() : end].split()) >= 2:
                    spans.append((m.end(), end, "introducer"))
    spans += [(s, e, "quoted") for s, e in _quoted_spans(text, language)]
    return spans


@cache
def _unspaced_complement(grammar: InitiativeGrammar) -> re.Pattern[str]:
    """A phrase space, then a run that opens with one of the grammar's complement words
    (Thai "ว่าด้วย", Khmer "ស្តីពី", Lao "ວ່າດ້ວຍ")."""
    starts = "|".join(re.escape(w) for w in grammar.complement_starts)
    return re.compile(r"[ \t](?:" + starts + r")\S*" if starts else r"(?!x)x")


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


def _cut_at_conjunction(
    text: str, start: int, end: int, known: list[tuple[int, int, str]], language: LanguagePack
) -> tuple[int, int]:
    """ "<known name> and <something else>" is the known name alone."""
    for hit_start, hit_end, _id in known:
        if hit_start == start and hit_end < end:
            rest = text[hit_end:end].split()
            if rest and rest[0] in language.conjunctions:
                return start, hit_end
    return start, end


@cache
def _occasion(code: str) -> re.Pattern[str]:
    phrases = [p for g in pack(code).grammars for p in g.occasion_after]
    return re.compile(
        r"\s(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)" if phrases else r"(?!x)x"
    )


@cache
def _venue(code: str) -> re.Pattern[str] | None:
    return phrase_regex(pack(code).not_initiative_words)


@cache
def _instrument(code: str) -> re.Pattern[str] | None:
    """Any of the language's (and English's) agreement instruments ("MoU", "nota
    kesepahaman"), case-blind."""
    return phrase_regex(
        tuple(sorted({w for g in pack(code).grammars for w in g.instruments})), re.IGNORECASE
    )


@cache
def _stops(code: str) -> frozenset[str]:
    return frozenset(w for g in pack(code).grammars for w in g.stop_words)


@cache
def _institutions(code: str) -> re.Pattern[str] | None:
    return phrase_regex(pack(code).institution_words, re.IGNORECASE)


@cache
def _person_marks(code: str) -> re.Pattern[str] | None:
    language = pack(code)
    return phrase_regex([*language.honorifics, *language.speech_verbs])


@cache
def _months(code: str) -> re.Pattern[str] | None:
    names = [m for m in pack(code).months if len(m) > 2]
    return phrase_regex(names, re.IGNORECASE)


#: What an edition adds to a mechanism's name: an ordinal ("2nd", "ke-38", "lần thứ 5",
#: "ครั้งที่ 5"), a year or a span of years, a bracketed acronym, "and" between ordinals.
_EDITION = re.compile(
    r"\(\s*[^()]{1,15}\)|\b\d{1,3}(?:st|nd|rd|th)\b|\b[^\W\d]{1,3}-\d{1,3}\b|\d{4}(?:\s*[–-]\s*\d{4})?"
)


def _bare_name(surface: str, article: Article) -> str:
    """The surface without what an edition adds, so "Sidang Kemuncak ASEAN ke-38 dan
    ke-39" is read as the series "Sidang Kemuncak ASEAN"."""
    language = article.language
    bare = _EDITION.sub(" ", surface)
    for grammar in language.grammars:
        for pattern in grammar.ordinal_after:
            bare = re.sub(pattern, " ", bare)
    words = [w for w in bare.split() if w not in language.conjunctions]
    while words and words[-1] in language.conjunctions:
        words.pop()
    return " ".join(words).strip(" ,;:–-")


def _registry_entry(
    surface: str, article: Article, start: int, end: int
) -> tuple[str | None, float]:
    """The registry id the surface names — itself, or with only an edition's ordinal or
    year added — and how sure (1 exact, 0.8 an edition, 0.5 a registry name inside)."""
    exact = mechanism_named(surface)
    if exact is not None:
        return exact.id, 1.0
    edition = mechanism_named(_bare_name(surface, article))
    if edition is not None:
        return edition.id, 0.8
    # The registry name read across an ordinal or a phrase space (``Article.mechanisms``)
    across = next((i for s, e, i in article.mechanisms if (s, e) == (start, end)), None)
    if across is not None:
        return across, 0.8
    inside = any(start <= s and e <= end for s, e, _i in article.mechanisms)
    return None, 0.5 if inside else 0.0


#: Hyphens and dashes that join two names into one compound ("ASEAN-Japan", "Japan–ASEAN").
_JOINERS = "-\u2010\u2011\u2013"
_WORD = re.compile(r"[^\W_]+")
_WORD_BEFORE = re.compile(r"[^\W_]+$")


def _names_a_part(word: str) -> bool:
    """A capitalised word, or a word of a script without case: another name (a lowercase
    word joined by a hyphen is a modifier: "ASEAN-led", "post-ASEAN")."""
    return word[:1].isalpha() and not word[:1].islower()


def _compound(article: Article, start: int, end: int) -> tuple[int, int]:
    """A registry name's span widened over the ASEAN-X compound it is the ASEAN side of.

    "Sidang Kemuncak ASEAN" in "Sidang Kemuncak ASEAN-Jepun" and "ASEAN Summit" in
    "Japan-ASEAN Summit" are ASEAN's name hyphenated to a partner's: the compound names
    the meeting of ASEAN and that partner, not ASEAN's own. Like a "+ Japan" added to a
    name, the partner joins the span, so the name holds a registry name without being
    it (no id). The partner is the language's partner name there, else one word.
    """
    text = article.text
    found = text[start:end]
    names = all_asean_names()
    if found.endswith(names) and text[end : end + 1] in _JOINERS:
        after = next((e for s, e, _ in article.partners if s == end + 1), None)
        word = _WORD.match(text, end + 1)
        if after is None and word and _names_a_part(word.group()):
            after = word.end()
        if after is not None:
            return start, after
    if found.startswith(names) and start > 0 and text[start - 1] in _JOINERS:
        before = next((s for s, e, _ in article.partners if e == start - 1), None)
        word = _WORD_BEFORE.search(text, max(0, start - 40), start - 1)
        if before is None and word and _names_a_part(word.group()):
            before = word.start()
        if before is not None:
            return before, end
    return start, end


def _features(
    article: Article, surface: str, start: int, end: int, registry: float
) -> dict[str, float]:
    language, text = article.language, article.text
    words = surface.split()
    caps = [w for w in words if w[:1].isupper() or _ORDINAL_TOKEN.match(w)]
    stops = _stops(language.code)
    months = _months(language.code)
    venue = _venue(language.code)
    institution = _institutions(language.code)
    person = _person_marks(language.code)
    instrument = _instrument(language.code)
    return {
        # A body the registry lists is a joint mechanism ("Southeast Asia Regional Centre
        # for Counter-Terrorism"); an institution word marks the bodies it does not.
        "institution": 1.0
        if institution and institution.search(surface) and registry < 0.8
        else 0.0,
        "person_inside": 1.0 if person and person.search(surface) else 0.0,
        "registry": registry,
        "words": min(len(words), 12) / 12,
        "one_word": 1.0 if len(words) == 1 else 0.0,
        "two_words": 1.0 if len(words) == 2 else 0.0,
        "long": 1.0 if len(words) > 8 else 0.0,
        "acronym_paren": 1.0 if _ACRONYM_PAREN.search(surface) else 0.0,
        "acronym_only": 1.0 if len(words) == 1 and surface.isupper() else 0.0,
        "number": 1.0 if re.search(r"\d", surface) else 0.0,
        # Case is evidence where the name is written in a cased script, whatever the
        # article's ("ASEAN-Russia Cyber Policy Dialogue" in a Thai article).
        "cap_share": round(len(caps) / max(1, len(words)), 4)
        if language.cased or any(c.isupper() for c in surface)
        else 0.0,
        "starts_lower": 1.0 if surface[:1].islower() else 0.0,
        "stop_inside": min(sum(1 for w in words[1:-1] if w.casefold() in stops), 3) / 3,
        "comma_inside": 1.0 if "," in surface else 0.0,
        "month_inside": 1.0 if months and months.search(surface) else 0.0,
        "venue": 1.0 if venue and venue.search(surface) else 0.0,
        "partner_inside": 1.0
        if any(start <= s and e <= end for s, e, _ in article.partners)
        else 0.0,
        "quoted": 1.0 if article.in_quote(start, end) else 0.0,
        # the meeting another is held at ("on the sidelines of the ASEAN Summit")
        "occasion": 1.0 if article.in_occasion(start) else 0.0,
        "repeated": 1.0 if text.count(surface) > 1 else 0.0,
        # an agreement by its kind: "MoU", "Bản ghi nhớ giữa hai Bộ về …"
        "instrument": 1.0 if instrument and instrument.match(surface) else 0.0,
    }


def _subject(
    article: Article, start: int, end: int, cyber_terms: Sequence[tuple[int, int]]
) -> dict[str, float]:
    """What the name says it is about: ASEAN's cooperation is named after it
    ("ASEAN-Japan Cybercrime Dialogue", "Dialog Dasar Siber ASEAN-India") where a
    national body's programme or a conference abroad is not, one country's own after
    that country alone, and a cyber mechanism after its subject (a cyber word of the
    relevance stage inside the name)."""
    asean = _asean_name().search(article.text, start, end) is not None
    inside = {code for s, e, code in article.partners if start <= s and e <= end}
    return {
        "cyber_inside": 1.0 if any(start <= s and e <= end for s, e in cyber_terms) else 0.0,
        "asean_inside": 1.0 if asean else 0.0,
        "asean_joined": 1.0 if _asean_joined(article, start, end) else 0.0,
        # named after one country alone: its own ("Thailand Cybersecurity Week",
        # "Chiến lược an toàn mạng của Nhật Bản"), not a joint one
        "one_country": 1.0
        if not asean
        and len(inside) == 1
        and all(len(c) == 2 and c not in article.language.organisations for c in inside)
        else 0.0,
    }


def _asean_joined(article: Article, start: int, end: int) -> bool:
    """ASEAN hyphenated to a partner inside the name ("ASEAN-Japan", "Nhật Bản-ASEAN")."""
    text = article.text
    starts = {s for s, _e, _c in article.partners}
    ends = {e for _s, e, _c in article.partners}
    for m in _asean_name().finditer(text, start, end):
        a, b = m.start(), m.end()
        if (b < len(text) and text[b] in _JOINERS and b + 1 in starts) or (
            a > 0 and text[a - 1] in _JOINERS and a - 1 in ends
        ):
            return True
    return False


@cache
def _asean_name() -> re.Pattern[str]:
    """ASEAN as any shipped language writes it, as one pattern."""
    names = sorted(all_asean_names(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def candidates(article: Article, cyber_terms: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Every initiative name the rules propose, one per surface form; ``cyber_terms``
    are the spans of the relevance stage's cyber words in the article."""
    text, language = article.text, article.language
    known = article.mechanisms
    spans: list[tuple[int, int, str]] = []
    for s, e, rule in _grammar_spans(article):
        s, e = _cut_at_conjunction(text, s, e, known, language)
        spans.append((s, s + len(text[s:e].rstrip(" ,;:–-")), rule))
    instrument = _instrument(language.code)
    if any(
        rule != "instrument" and instrument and (m := instrument.match(text, s, e)) and m.end() < e
        for s, e, rule in spans
    ):  # the agreement has a name of its own ("Memorandum of Understanding on …"): its
        # bare mentions are that name's
        spans = [span for span in spans if span[2] != "instrument"]
    for s, e, _identifier in known:
        s, e = _compound(article, s, e)
        plus = _PLUS_PARTNER.match(text, e)
        spans.append((s, plus.end() if plus else e, "registry"))
    # The article's bare mentions of an agreement ("nota kesepahaman (memorandum of
    # understanding/ MoU)", later "the MoU") are one agreement: one name, the first.
    bare = sorted((s, e) for s, e, rule in spans if rule == "instrument")
    bare_name = _trim(text[bare[0][0] : bare[0][1]]) if bare else ""
    found: list[Candidate] = []
    for start, end, rule in spans:
        surface = _trim(text[start:end])
        if len(surface) < 3:
            continue
        start = text.find(surface, start, end + 1)
        end = start + len(surface)
        identifier, registry = _registry_entry(surface, article, start, end)
        name = mechanism(identifier).name if identifier else surface
        if rule == "instrument" and not identifier:
            name = bare_name
        found.append(
            Candidate(
                FIELD,
                surface,
                start,
                end,
                rule,
                _features(article, surface, start, end, registry)
                | _subject(article, start, end, cyber_terms),
                {"id": identifier, "name": name},
            )
        )
    return merge_by_value(found)


def find_initiatives(found: list[Candidate], model: FieldModel) -> list[FoundInitiative]:
    """Every named initiative accepted, in order of first mention, one per initiative."""
    return choose_initiatives(accept(found, model))


def choose_initiatives(accepted: list[Scored]) -> list[FoundInitiative]:
    """The accepted names without overlaps (the more probable, then the longer, wins) and
    without repeats (one per registry id or English name), in order of mention."""
    # Each place a name is written competes on its own: "AMMTC" inside "2nd AMMTC + Japan"
    # gives way to the longer name, the same acronym standing alone elsewhere does not.
    occurrences = [
        Scored(dataclasses.replace(s.candidate, start=a, end=b), s.probability)
        for s in accepted
        for a, b in (s.candidate.spans or ((s.candidate.start, s.candidate.end),))
    ]
    # An edition ("Sidang Kemuncak ASEAN ke-38 dan ke-39") is the more specific name of
    # the mechanism written inside it: the inner occurrence of the same id gives way.
    occurrences = [
        s
        for s in occurrences
        if not s.candidate.data["id"]
        or not any(
            o is not s
            and o.candidate.data["id"] == s.candidate.data["id"]
            and o.candidate.start <= s.candidate.start
            and s.candidate.end <= o.candidate.end
            and (o.candidate.end - o.candidate.start) > (s.candidate.end - s.candidate.start)
            for o in occurrences
        )
    ]
    kept = filter_overlapping(
        occurrences,
        lambda s: (s.candidate.start, s.candidate.end),
        lambda s: (s.probability, s.candidate.end - s.candidate.start),
    )
    results: list[FoundInitiative] = []
    seen: set[str] = set()
    for scored in sorted(kept, key=lambda s: s.candidate.start):
        c = scored.candidate
        key = c.data["id"] or fold(c.data["name"])
        if key in seen:
            continue
        seen.add(key)
        results.append(
            FoundInitiative(c.data["name"], c.value, c.start, c.end, c.rule, c.data["id"])
        )
    return results


__all__ = ["FoundInitiative", "InitiativeGrammar", "candidates", "find_initiatives"]

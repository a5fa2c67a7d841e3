"""The article every field extractor reads: built once per document, then only read.

An :class:`Article` holds the cleaned text and what is read off it once — lines,
sentences, tokens (one tokenizer for every field), the script, quotations and the
gazetteer hits (partners, outlets, mechanisms, titles, honorifics, speech verbs) — so
no extractor re-tokenises or keeps a cache keyed by text. Everything is an offset into
``text``: whatever a rule finds can be kept as an evidence span.

Case tests are Unicode-aware (``str.isupper`` on the first letter), never ``[A-Z]``:
"Đại", "Élysée" and "Ưu" are capitalised words.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, cached_property
from typing import Any, NamedTuple, TypeVar

from .langdata import (
    PHRASE_SPACES,
    UNSPACED_SCRIPTS,
    LanguagePack,
    PhraseMatcher,
    Steps,
    cut,
    ordinals_after,
    trie_pattern,
    uncut,
)
from .registry import mechanism_matcher, outlet_hits, outlet_named, place_matcher

#: Thai, Lao, Khmer, Myanmar and other decimal digits → ASCII, one character for one,
#: so offsets in the translated text are offsets in the original.
_DIGITS = {ord(c): str(int(c)) for c in "๐๑๒๓๔๕๖๗๘๙໐໑໒໓໔໕໖໗໘໙០១២៣៤៥៦៧៨៩၀၁၂၃၄၅၆၇၈၉"}
_OTHER_DIGIT = re.compile("[" + "".join(map(chr, _DIGITS)) + "]")

#: One tokenizer: a run of an unspaced script; a word (letters and digits, with inner
#: hyphens, slashes, dots, "+", "&" and apostrophes that are not a possessive 's); or any
#: other single non-space character. A word may keep one final period ("Dr.", "Nov.").
_UNSPACED = "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
TOKEN = re.compile(
    rf"[{_UNSPACED}]+"
    rf"|(?:(?![{_UNSPACED}])[^\W_])(?:(?![{_UNSPACED}])[\w\-–+/.&]|['’](?![sS]\b))*"
    r"|\S"
)

#: A sentence ends at . ! ? before a capitalised word or a digit, at the Khmer and
#: Myanmar full stops (។ ။), or at a line break.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[^\s\"'“‘(]*[^\W_])|[។။]+|\n+")
#: What may stand between a sentence's start and its first word: space, opening quotes
#: and brackets, or a clause up to a spaced dash ("KUALA LUMPUR (Bernama) -- ") or a colon.
_OPENING = re.compile(r"(?:[^\n]*?(?:\s(?:--|[-–—])|:)\s)?[\s\"'“‘(\[«]*")
_LAST_WORD = re.compile(r"([\w.]+)\.?$")
_LETTERS = re.compile(r"[^\W\d_]+")
#: Where a capitalised word starts (Unicode upper case: "Đặng", "Élysée", "Ưu").
UPPER = "[" + re.escape("".join(c for c in map(chr, range(0x41, 0x2000)) if c.isupper())) + "]"
#: (the test that no word or apostrophe precedes it comes after the letter, so ``re``
#: skips to the capitals of the text: see ``langdata.NO_WORD_BEFORE_FIRST``)
UPPER_START = re.compile(UPPER + "(?<![\\w'’][\\s\\S])")
_QUOTE = re.compile(r"“[^”\n]{2,}”|\"[^\"\n]{2,}\"|«[^»\n]{2,}»|‘‘[^’\n]{2,}’’|''[^'\n]{2,}''")

#: How far after an occasion cue the occasion's name reaches ("on the sidelines of the
#: 43rd ASEAN Summit and Related Summits").
OCCASION_REACH = 90
#: What ends an occasion's name: a clause break.
_CLAUSE_BREAK = re.compile(r"[,;:.!?។။\n]")

Span = tuple[int, int]
Hit = tuple[int, int, str]


class Token(NamedTuple):
    """One token of the article: its span, its text and its shape."""

    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        """The token without a final period."""
        return self.text[:-1] if len(self.text) > 1 and self.text.endswith(".") else self.text

    @property
    def capitalised(self) -> bool:
        """Starts with an upper-case letter (any script with case) or is a number."""
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum() or bool(UNSPACED_SCRIPTS.match(self.text))

    @property
    def acronym(self) -> bool:
        """Two or more letters, all capitals ("ASEAN", "TTXVN", "U.S")."""
        letters = [c for c in self.bare if c.isalpha()]
        return len(letters) > 1 and all(c.isupper() for c in letters)


def is_capitalised(word: str) -> bool:
    """Unicode-aware: the first character is an upper-case letter."""
    return word[:1].isupper()


@cache
def _phrase_pattern(phrases: tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not ordered:
        return None
    spaced_phrases = [p for p in ordered if not UNSPACED_SCRIPTS.match(p)]
    unspaced_phrases = [p for p in ordered if UNSPACED_SCRIPTS.match(p)]
    if not flags & re.IGNORECASE:
        parts = []
        if spaced_phrases:
            parts.append(f"(?:{trie_pattern(spaced_phrases, word_start=True)})(?![\\w])")
        if unspaced_phrases:
            parts.append(f"(?:{trie_pattern(unspaced_phrases)})")
        return re.compile("|".join(parts), flags)
    spaced = "|".join(re.escape(p) for p in spaced_phrases)
    unspaced = "|".join(re.escape(p) for p in unspaced_phrases)
    parts = []
    if spaced:
        parts.append(r"(?<![\w])(?:" + spaced + r")(?![\w])")
    if unspaced:
        parts.append(r"(?:" + unspaced + r")")
    return re.compile("|".join(parts), flags)


def phrase_regex(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    """Alternation of ``phrases``, longest first (None if empty); compiled once per set.

    Phrases are word-bounded, except phrases in scripts written without spaces (Thai,
    Lao, Khmer, Myanmar), which match anywhere.
    """
    if isinstance(phrases, (tuple, frozenset)):  # a language's list: sorted once
        return _phrase_regex_of(phrases, flags)
    return _phrase_pattern(tuple(sorted(set(phrases))), flags)


@cache
def _phrase_regex_of(
    phrases: tuple[str, ...] | frozenset[str], flags: int
) -> re.Pattern[str] | None:
    return _phrase_pattern(tuple(sorted(set(phrases))), flags)


@cache
def _phrase_matcher(phrases: tuple[str, ...] | frozenset[str]) -> PhraseMatcher:
    return PhraseMatcher({p: p for p in sorted(set(phrases)) if p}, handles=False)


@cache
def sentence_initial(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The lowercase phrases as a sentence opens with them ("According to", "Bên lề")."""
    return tuple(p[:1].upper() + p[1:] for p in phrases if p[:1].islower())


def phrase_spans(phrases: tuple[str, ...] | frozenset[str], text: str) -> list[Span]:
    """The spans ``phrase_regex(phrases).finditer(text)`` finds (the longest, leftmost
    phrase on word boundaries, none inside unspaced scripts' phrases), in one
    Aho–Corasick pass instead of ``re`` trying the phrases at every letter."""
    return [(start, end) for start, end, _ in _phrase_matcher(phrases).finditer(text)]


class Article:
    """One document's cleaned text and what every field extractor reads from it."""

    def __init__(self, text: str, language: LanguagePack) -> None:
        self.text = text
        self.language = language
        #: ``text`` with every decimal digit in ASCII (same length, same offsets).
        self.digits = text.translate(_DIGITS) if _OTHER_DIGIT.search(text) else text

    # -- structure -------------------------------------------------------------------
    @cached_property
    def lines(self) -> list[Span]:
        """Non-empty lines, in order."""
        return [
            (m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text) if m.group().strip()
        ]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [s for s, _ in self.lines]

    def line_index(self, offset: int) -> int:
        """Index of the non-empty line holding ``offset`` (0 = first line)."""
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    def line_span(self, offset: int) -> Span:
        return self.lines[self.line_index(offset)] if self.lines else (0, len(self.text))

    @cached_property
    def sentences(self) -> list[Span]:
        """``(start, end)`` of each sentence; line breaks always end one.

        A period after an abbreviation ("Dr.", "Nov.") or an initial ("R.") does not end
        a sentence.
        """
        text = self.text
        spans = []
        start = 0
        abbreviations = self.language.abbreviations
        for m in _SENTENCE_END.finditer(text):
            if m.group().startswith("."):
                word = _LAST_WORD.search(text[max(start, m.start() - 12) : m.start()])
                if word and (word.group(1) in abbreviations or len(word.group(1)) == 1):
                    continue
            end = m.end() if m.group().strip() else m.start()
            if text[start:end].strip():
                spans.append((start, end))
            start = m.end()
        if text[start:].strip():
            spans.append((start, len(text)))
        return spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Span:
        """The sentence span containing ``offset`` (``(0, 0)`` outside every sentence)."""
        if not self.sentences:
            return (0, 0)
        start, end = self.sentences[self.sentence_index(offset)]
        return (start, end) if start <= offset < end else (0, 0)

    def opens_sentence(self, offset: int) -> bool:
        """A sentence, a line or a clause after a dateline's dash or a colon begins at
        ``offset`` (past opening quotes and brackets): where an ordinary word is written
        with a capital ("According to Interpol", "KUALA LUMPUR (Bernama) -- With Japan")."""
        index = self.sentence_index(offset)
        start = self.sentences[index][0] if self.sentences else 0
        return _OPENING.fullmatch(self.text, min(start, offset), offset) is not None

    @cached_property
    def tokens(self) -> list[Token]:
        make = Token._make
        return [make((m.start(), m.end(), m.group())) for m in TOKEN.finditer(self.text)]

    @cached_property
    def memo(self) -> dict[str, Any]:
        """Results a field reads twice (the dates the text writes), kept with the article
        rather than in a cache keyed by text."""
        return {}

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that start inside ``[start, end)``."""
        i = bisect.bisect_left(self._token_starts, start)
        j = bisect.bisect_left(self._token_starts, end)
        return self.tokens[i:j]

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._token_starts, offset)

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words the article writes in lower case somewhere: a capitalised form of one of
        them at a sentence start or in a headline is a common word, not a name."""
        words = set(_LETTERS.findall(self.text))  # (each distinct word once)
        return frozenset(w.casefold() for w in words if w[0].islower())

    @cached_property
    def word_counts(self) -> Counter[str]:
        return Counter(t.bare for t in self.tokens if t.word)

    @cached_property
    def quotes(self) -> list[Span]:
        """Quoted passages (“...”, "...", «...»), with their quotation marks."""
        return [(m.start(), m.end()) for m in _QUOTE.finditer(self.text)]

    def in_quote(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quotes)

    @cached_property
    def occasion_cue_ends(self) -> list[int]:
        """Where the language's occasion cues end ("on the sidelines of", "bên lề",
        "ក្នុងឱកាស"), written as the data writes them or opening a sentence."""
        cues = self.language.occasion_cues
        if not cues:
            return []
        return sorted(e for _s, e in phrase_spans((*cues, *sentence_initial(cues)), self.text))

    def in_occasion(self, start: int) -> bool:
        """What starts at ``start`` is named in the occasion another meeting is held at
        ("on the sidelines of the ASEAN-Japan Summit, …", "bên lề Hội nghị ASEAN-Nhật
        Bản", "ក្នុងឱកាសចូលរួមកិច្ចប្រជុំកំពូលពិសេស អាស៊ាន-អូស្ត្រាលី"): an occasion cue
        ends at most :data:`OCCASION_REACH` characters before it, in its sentence, with no
        clause break between."""
        ends = self.occasion_cue_ends
        index = bisect.bisect_right(ends, start) - 1
        if index < 0:
            return False
        end = ends[index]
        if end < max(self.sentence_at(start)[0], start - OCCASION_REACH):
            return False
        return not _CLAUSE_BREAK.search(self.text, end, start)

    @cached_property
    def script(self) -> str:
        """``"unspaced"`` when most letters are Thai, Lao, Khmer or Myanmar, else ``"spaced"``."""
        sample = self.text[:2000]
        letters = sum(1 for c in sample if c.isalpha())
        unspaced = len(UNSPACED_SCRIPTS.findall(sample))
        return "unspaced" if letters and unspaced > letters / 2 else "spaced"

    # -- gazetteers ------------------------------------------------------------------
    def hits(self, matcher: PhraseMatcher) -> list[Hit]:
        return matcher.finditer(self.text)

    @cached_property
    def partners(self) -> list[Hit]:
        """Countries and organisations named (``(start, end, code)``)."""
        return self.language.partners.finditer(self.text)

    @cached_property
    def outlets(self) -> list[Hit]:
        """Outlets of the registry named by name, alias or domain (value: canonical name)."""
        return outlet_hits(self.text)

    @cached_property
    def places(self) -> list[Hit]:
        """Cities and capitals of the place registry named (value: country code, or
        ``world``), the ones that are also a party's name ("Singapore") left out."""
        parties = {(s, e) for s, e, _code in self.partners}
        return [hit for hit in place_matcher().finditer(self.text) if hit[:2] not in parties]

    @cached_property
    def foreign_bodies(self) -> list[Hit]:
        """The government bodies of the outlet registry outside ASEAN named, as their
        country ("FBI" → US, "KNPA" → KR): a party named by one of its bodies.

        Only a body outside ASEAN: a member's bodies go by generic names ("Kementerian
        Luar Negeri" is Malaysia's, Indonesia's and, with "Vietnam" after it, Vietnam's).
        Not a name trusted only in credit position ("Department of Home Affairs"), nor
        one with a party named in it or right beside it ("Australian Federal Police",
        "Kementerian Luar Negeri Vietnam"): that party is named already."""
        found = []
        for start, end, name in self.outlets:
            outlet = outlet_named(name)
            if (
                outlet is None
                or outlet.kind != "government"
                or outlet.country in self.language.asean_members
                or self.text[start:end] in outlet.position_only
            ):
                continue
            beside = (
                self.text[e:start] if e <= start else self.text[end:s]
                for s, e, _code in self.partners
            )
            if not any(not gap.strip(" ,") for gap in beside):  # inside, or right beside
                found.append((start, end, outlet.country))
        return found

    @cached_property
    def member_acronyms(self) -> list[Hit]:
        """A member state's government bodies of the outlet registry named by their
        acronym ("DICT" → PH, "BSSN" → ID), as their country: no other member's body
        shares an acronym the way "Kementerian Luar Negeri" is shared (not one the
        registry trusts only in credit position)."""
        found = []
        for start, end, name in self.outlets:
            written = self.text[start:end]
            outlet = outlet_named(name)
            if (
                outlet is not None
                and outlet.kind == "government"
                and outlet.country in self.language.asean_members
                and len(written) >= 3
                and written.isupper()
                and written not in outlet.position_only
            ):
                found.append((start, end, outlet.country))
        return found

    @cached_property
    def mechanisms(self) -> list[Hit]:
        """Mechanisms of the registry named (value: registry id).

        A name is also found where the text breaks it with what does not change which
        mechanism it is: an edition's ordinal inside it, where the language writes the
        ordinal after the head ("Hội nghị Bộ trưởng ASEAN lần thứ 5 về An ninh mạng",
        "Mesyuarat Menteri ASEAN ke-13 mengenai Jenayah Rentas Sempadan", Khmer "…អាស៊ាន
        លើកទី៥ ស្ដីពី…"), or a phrase space in an unspaced script. The text is read a
        second time without those (:meth:`_name_reading`) and a name found across one
        keeps the span it covers in the text. (Khmer's subscript RO typed first is the
        same spelling for every phrase matcher: ``PhraseMatcher``.)
        """
        found = mechanism_matcher().finditer(self.text)
        reading, steps = self._name_reading()
        if reading is self.text:
            return found
        broken = []
        for start, end, identifier in mechanism_matcher(unspaced=True).finditer(reading):
            first, last = uncut(start, steps), uncut(end - 1, steps) + 1
            if last - first != end - start:  # read across a break
                broken.append((first, last, identifier))
        if not broken:
            return found
        return filter_overlapping(found + broken, lambda h: (h[0], h[1]), lambda h: h[1] - h[0])

    def _name_reading(self) -> tuple[str, Steps]:
        """The text without the ordinals written after a head (and the spaces after them)
        and without phrase spaces, with the steps that map it back (``langdata.cut``)."""
        text = self.text
        cuts: list[Span] = []
        ordinals = ordinals_after(self.language.code)
        for m in ordinals.finditer(text) if ordinals is not None else ():
            end = m.end()
            while end < len(text) and text[end] in " \t":
                end += 1
            cuts.append((m.start(), end))
        if not text.isascii() and UNSPACED_SCRIPTS.search(text):
            cuts += [(m.start(), m.end()) for m in PHRASE_SPACES.finditer(text)]
        return cut(text, cuts)

    @cached_property
    def titles(self) -> list[Span]:
        return phrase_spans(self.language.titles, self.text)

    @cached_property
    def honorifics(self) -> list[Span]:
        return phrase_spans(self.language.honorifics, self.text)

    @cached_property
    def speech(self) -> list[Span]:
        return phrase_spans(self.language.speech_verbs, self.text)

    @cached_property
    def partner_mask(self) -> bytearray:
        """1 where a partner name is written."""
        mask = bytearray(len(self.text) + 1)
        for s, e, _ in self.partners:
            mask[s:e] = b"\x01" * (e - s)
        return mask


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


T = TypeVar("T")


def filter_overlapping(
    items: Iterable[T], span: Callable[[T], Span], priority: Callable[[T], Any]
) -> list[T]:
    """The items whose spans do not overlap a higher-priority item's (one overlap filter
    for every field, like spaCy's ``filter_spans``); ties keep the leftmost."""
    ordered = sorted(items, key=lambda item: (priority(item), -span(item)[0]), reverse=True)
    kept: list[T] = []
    for item in ordered:
        if not any(overlaps(span(item), span(k)) for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda item: span(item))


def filter_spans(spans: Iterable[Span]) -> list[Span]:
    """The longest non-overlapping spans, leftmost first among equals."""
    return filter_overlapping(set(spans), lambda s: s, lambda s: s[1] - s[0])

"""Shared helpers over the cleaned text: sentences, digits, phrase patterns.

Every helper works on offsets into the cleaned text, so whatever a field extractor
finds can be kept as an evidence span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .langdata import UNSPACED_SCRIPTS, pack

#: Thai, Lao, Khmer, Myanmar and other decimal digits → ASCII, one character for one,
#: so offsets in the translated text are offsets in the original.
_DIGITS = {ord(c): str(int(c)) for c in "๐๑๒๓๔๕๖๗๘๙໐໑໒໓໔໕໖໗໘໙០១២៣៤៥៦៧៨៩၀၁၂၃၄၅၆၇၈၉"}


@lru_cache(maxsize=4)
def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit written in ASCII (same length)."""
    return text.translate(_DIGITS)


#: A sentence ends at . ! ? before a capitalised word, at the Khmer and Myanmar full
#: stops (។ ။), or at a line break.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[^\s\"'“‘(]*[A-Z0-9À-Ỹ])|[។။]+|\n+")
_LAST_WORD = re.compile(r"([\w.]+)\.?$")


def _abbreviations() -> frozenset[str]:
    return pack("en").abbreviations


@lru_cache(maxsize=4)
def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; line breaks always end one.

    A period after an abbreviation ("Dr.", "Nov.") or an initial ("R.") does not end
    a sentence.
    """
    spans = []
    start = 0
    abbreviations = _abbreviations()
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


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span containing ``offset``."""
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return (0, 0)


def phrase_regex(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    """Alternation of ``phrases``, longest first (None if empty); compiled once per set.

    Phrases are word-bounded, except phrases in scripts written without spaces (Thai,
    Lao, Khmer, Myanmar), which match anywhere.
    """
    return _phrase_regex(tuple(sorted({p for p in phrases if p})), flags)


@lru_cache(maxsize=1024)
def _phrase_regex(phrases: tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    ordered = sorted(phrases, key=len, reverse=True)
    if not ordered:
        return None
    spaced = "|".join(re.escape(p) for p in ordered if not UNSPACED_SCRIPTS.match(p))
    unspaced = "|".join(re.escape(p) for p in ordered if UNSPACED_SCRIPTS.match(p))
    parts = []
    if spaced:
        parts.append(r"(?<![\w])(?:" + spaced + r")(?![\w])")
    if unspaced:
        parts.append(r"(?:" + unspaced + r")")
    return re.compile("|".join(parts), flags)

"""Stage 2 — clean: decoded text → the article body every span points into.

Three steps, each recorded in the record's provenance when it changed something:

1. ``repair``: mojibake of the usual kinds (UTF-8 read as cp1252 or Mac Roman) is
   reversed. ftfy handles the cp1252 family; a second pass reverses UTF-8 read as
   Mac Roman (``–¬†`` → ``– ``), which ftfy leaves alone. Burmese typed in the
   Zawgyi font encoding (which gives Myanmar code points other letters) is converted
   to Unicode. Text that was already correct is returned unchanged (quotes are never
   "uncurled", Unicode Burmese is never touched).
2. ``normalize``: Unicode NFC, unusual spaces to plain spaces, line ends to ``\\n``.
3. ``strip_boilerplate``: scraped page furniture ("Leave a Reply", "Komentar (0)",
   share buttons) removed line by line, using the patterns in the language data.
"""

from __future__ import annotations

import math
import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

import ftfy
import icu
import numpy as np
from myanmartools import ZawgyiDetector

_SPACES = re.compile(r"[\u00A0\u2000-\u200A\u202F\u205F\u3000\u1680]")
_INVISIBLE = re.compile(r"[\u200B\u200C\u200D\u2060\uFEFF\u00AD]")
# Code points a repaired sequence may decode to: Latin letters, Vietnamese, and
# general punctuation. Anything else (Cyrillic, combining marks) means the original
# was not mojibake and is kept.
_PLAUSIBLE = re.compile(r"^[\u00A0-\u024F\u1E00-\u1EFF\u2010-\u206F\u20AC\u2122]+$")

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=False,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)


class Boilerplate(Protocol):
    """A language's page-furniture patterns (the extractor's language pack is one)."""

    @property
    def boilerplate_lines(self) -> re.Pattern[str] | None: ...

    @property
    def boilerplate_tail(self) -> re.Pattern[str] | None: ...


@dataclass(frozen=True)
class Cleaned:
    text: str
    repairs: tuple[str, ...]


@cache
def _utf8_misread_as(codec: str) -> re.Pattern[str]:
    """A pattern for UTF-8 byte sequences that were decoded with ``codec``."""

    def chars(low: int, high: int) -> str:
        found = []
        for byte in range(low, high + 1):
            try:
                found.append(bytes([byte]).decode(codec))
            except UnicodeDecodeError:
                continue
        return "[" + "".join(re.escape(c) for c in found) + "]"

    cont = chars(0x80, 0xBF)
    return re.compile(
        f"{chars(0xC2, 0xDF)}{cont}|{chars(0xE0, 0xEF)}{cont}{{2}}|{chars(0xF0, 0xF4)}{cont}{{3}}"
    )


def _reverse_misread(text: str, codec: str) -> str:
    def fix(match: re.Match[str]) -> str:
        try:
            repaired = match.group().encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group()
        return repaired if _PLAUSIBLE.match(repaired) else match.group()

    return _utf8_misread_as(codec).sub(fix, text)


@cache
def _suspicious() -> re.Pattern[str]:
    """Anything ftfy could change: UTF-8 read as cp1252 or Latin-1, controls, escapes."""
    misread = "|".join(_utf8_misread_as(c).pattern for c in ("cp1252", "latin-1"))
    return re.compile(misread + r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]|&#?\w+;")


_MYANMAR = re.compile(r"[\u1000-\u109F]")
#: Zawgyi probability from which the detector's verdict is trusted. Measured with
#: ``benchmarks/zawgyi.py`` on invented sentences: every run of three or more Unicode
#: words scores below 2e-7 and every Zawgyi one above 0.9995; single Unicode words
#: reach 0.8, so a line of one or two words cannot decide for itself.
ZAWGYI_THRESHOLD = 0.999


@cache
def _zawgyi_detector() -> ZawgyiDetector:
    """Google's Zawgyi/Unicode model (shipped in the wheel): loaded once per process.

    myanmartools reads its model with ``importlib.resources.open_binary``, deprecated
    since Python 3.11; the warning is the library's, not the user's, so it is silenced
    here rather than shown on every build.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()


@cache
def _zawgyi_to_unicode() -> icu.Transliterator:
    """ICU's ``Zawgyi-my`` transform, the converter Google contributed to CLDR."""
    return icu.Transliterator.createInstance("Zawgyi-my")


@cache
def _zawgyi_model() -> tuple[dict[str, int], list[float], int]:
    """The detector's model as it reads it: each character's state (0: not Burmese), the
    log-likelihood ratio of each pair of states, and the number of states."""
    detector = _zawgyi_detector()
    chars = detector._chars  # (the model myanmartools loaded: read, never changed)
    return {c: i + 1 for i, c in enumerate(chars)}, list(detector._params), len(chars) + 1


@cache
def _zawgyi_arrays() -> tuple[Any, Any, int]:
    """The model as arrays: the state of each code point up to the last Burmese one
    the model knows (0: not Burmese), and the ratio of each pair of states."""
    states, params, size = _zawgyi_model()
    lookup = np.zeros(max(map(ord, states)) + 1, dtype=np.intp)
    for char, state in states.items():
        lookup[ord(char)] = state
    return lookup, np.array(params, dtype=np.float64), size


def zawgyi_probability(text: str) -> float:
    """The detector's probability that the Burmese in ``text`` is Zawgyi (0 if none).

    The sum myanmartools' ``get_zawgyi_probability`` makes — the log-likelihood ratios
    of each pair of neighbouring characters, added in the same order (a cumulative sum
    adds left to right, as its loop does) — with every character's state looked up at
    once in an array rather than bisected for each pair: the same number, ~40× faster
    (the crawl gate asks it of every Burmese text; ``tests/test_zawgyi.py`` compares
    the two).
    """
    if not _MYANMAR.search(text):
        return 0.0
    lookup, params, size = _zawgyi_arrays()
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    codes = np.zeros(len(points) + 2, dtype=np.intp)
    known_points = points < len(lookup)
    codes[1:-1][known_points] = lookup[points[known_points]]
    ratios = params[codes[:-1] * size + codes[1:]]
    known = ratios[~np.isnan(ratios)]
    if not known.size:
        return 0.0  # only foreign characters (the detector's -inf)
    total = float(np.cumsum(known)[-1])
    if total >= 0:
        z = math.exp(-total)
        return max(0.0, z / (z + 1))
    return max(0.0, 1 / (1 + math.exp(total)))


def _log_odds(p: float) -> float:
    """ln(p / (1 - p)), bounded: the detector's probabilities saturate at 0 and 1."""
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


#: Characters the detector reads to tell whether a whole text holds Zawgyi.
ZAWGYI_SAMPLE = 2000


def is_zawgyi(text: str) -> bool:
    """Does ``text`` hold Burmese in Zawgyi (the crawl gate lets such text through, since
    cleaning rewrites it into the Unicode the language data is written in)?"""
    if text.isascii() or not _MYANMAR.search(text):
        return False
    return zawgyi_probability(text[:ZAWGYI_SAMPLE]) >= ZAWGYI_THRESHOLD


def zawgyi_to_unicode(text: str) -> str:
    """Convert the lines of ``text`` that are Zawgyi Burmese to Unicode; keep the rest.

    Each line is judged on its own, so a Unicode headline over a Zawgyi body stays as
    it is. A line the detector cannot judge (one or two words, probability between
    ``1 - ZAWGYI_THRESHOLD`` and ``ZAWGYI_THRESHOLD``) follows the whole text's verdict,
    the evidence of all its lines added up. Lines without Myanmar letters are never
    converted.
    """
    if not _MYANMAR.search(text):
        return text
    lines = text.split("\n")
    judged = {i: zawgyi_probability(line) for i, line in enumerate(lines) if _MYANMAR.search(line)}
    document = sum(_log_odds(p) for p in judged.values()) >= _log_odds(ZAWGYI_THRESHOLD)
    for i, p in judged.items():
        undecided = 1 - ZAWGYI_THRESHOLD < p < ZAWGYI_THRESHOLD
        if p >= ZAWGYI_THRESHOLD or (undecided and document):
            lines[i] = str(_zawgyi_to_unicode().transliterate(lines[i]))
    return "\n".join(lines)


def repair(text: str) -> tuple[str, tuple[str, ...]]:
    """Undo mojibake and Zawgyi; return the text and the names of the repairs applied.

    ftfy runs only when the text holds a sequence it could change, which keeps clean
    text (most of it) fast and byte-identical.
    """
    repairs = []
    fixed = unicodedata.normalize("NFC", text)
    if _suspicious().search(text):
        fixed = ftfy.fix_text(text, config=_FTFY_CONFIG)
        if fixed != unicodedata.normalize("NFC", text):
            repairs.append("ftfy")
    if not text.isascii():
        mac_fixed = _reverse_misread(fixed, "mac_roman")
        if mac_fixed != fixed:
            repairs.append("utf8-as-mac-roman")
            fixed = mac_fixed
        unicode_burmese = zawgyi_to_unicode(fixed)
        if unicode_burmese != fixed:
            repairs.append("zawgyi-to-unicode")
            fixed = unicodedata.normalize("NFC", unicode_burmese)
    return fixed, tuple(repairs)


def normalize(text: str) -> str:
    """NFC, plain spaces, ``\\n`` line ends, no trailing spaces, no blank-line runs."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")))
    lines = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


def strip_boilerplate(text: str, language: Boilerplate) -> str:
    """Drop page-furniture lines; cut everything from a comment-section marker on."""
    kept: list[str] = []
    tail, furniture = language.boilerplate_tail, language.boilerplate_lines
    for line in text.split("\n"):
        stripped = line.strip()
        if tail and tail.fullmatch(stripped):
            break
        if stripped and furniture and furniture.fullmatch(stripped):
            continue
        kept.append(line)
    return normalize("\n".join(kept))


def clean(text: str, language: Boilerplate) -> Cleaned:
    """The full cleaning stage: repair, normalize, strip boilerplate."""
    repaired, repairs = repair(text)
    return Cleaned(strip_boilerplate(normalize(repaired), language), repairs)


def clean_normalized(normalized: str, repairs: tuple[str, ...], language: Boilerplate) -> Cleaned:
    """The cleaning stage for text already repaired and normalized (the language was
    read from it: normalizing twice would only repeat the work)."""
    return Cleaned(strip_boilerplate(normalized, language), repairs)

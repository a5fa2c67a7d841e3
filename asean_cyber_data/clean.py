"""Stage 2 — clean: decoded text → the article body every span points into.

Three steps, each recorded in the record's provenance when it changed something:

1. ``repair``: mojibake of the usual kinds (UTF-8 read as cp1252 or Mac Roman) is
   reversed. ftfy handles the cp1252 family; a second pass reverses UTF-8 read as
   Mac Roman (``–¬†`` → ``– ``), which ftfy leaves alone. Text that was already
   correct is returned unchanged (quotes are never "uncurled"). Burmese written in the
   legacy Zawgyi font encoding (myanmartools' detector) is converted to Unicode
   (python-myanmar's converter): no Unicode word of the language data would match it.
2. ``normalize``: Unicode NFC, unusual spaces to plain spaces, line ends to ``\\n``.
3. ``strip_boilerplate``: scraped page furniture ("Leave a Reply", "Komentar (0)",
   share buttons) removed line by line, using the patterns in the language data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import ftfy

from .langdata import LanguagePack

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


#: Above this probability (myanmartools' model) Burmese text is in Zawgyi.
ZAWGYI_PROBABILITY = 0.95


@cache
def _zawgyi_detector() -> Any:
    from myanmartools import ZawgyiDetector

    return ZawgyiDetector()


#: Unicode writes U+1039 only to stack a consonant on the next one; Zawgyi writes it for
#: every final consonant, so it also stands before spaces, marks and punctuation.
_ZAWGYI_ASAT = re.compile("\u1039(?![\u1000-\u1021])")
#: Characters the detector reads: enough to decide, at a bounded cost.
ZAWGYI_SAMPLE = 2000


def is_zawgyi(text: str) -> bool:
    """Burmese text in the Zawgyi encoding. Text with no U+1039 outside a consonant stack
    (nearly all text) is decided without the detector."""
    if "\u1039" not in text or _ZAWGYI_ASAT.search(text) is None:
        return False
    probability = _zawgyi_detector().get_zawgyi_probability(text[:ZAWGYI_SAMPLE])
    return bool(probability > ZAWGYI_PROBABILITY)


@cache
def _suspicious() -> re.Pattern[str]:
    """Anything ftfy could change: UTF-8 read as cp1252 or Latin-1, controls, escapes."""
    misread = "|".join(_utf8_misread_as(c).pattern for c in ("cp1252", "latin-1"))
    return re.compile(misread + r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]|&#?\w+;")


def repair(text: str) -> tuple[str, tuple[str, ...]]:
    """Undo mojibake; return the text and the names of the repairs that changed it.

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
        if is_zawgyi(fixed):
            from myanmar import converter

            fixed = unicodedata.normalize("NFC", converter.convert(fixed, "zawgyi", "unicode"))
            repairs.append("zawgyi")
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


def strip_boilerplate(text: str, language: LanguagePack) -> str:
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


def clean(text: str, language: LanguagePack) -> Cleaned:
    """The full cleaning stage: repair, normalize, strip boilerplate."""
    repaired, repairs = repair(text)
    return Cleaned(strip_boilerplate(normalize(repaired), language), repairs)


def clean_repaired(repaired: str, repairs: tuple[str, ...], language: LanguagePack) -> Cleaned:
    """The cleaning stage for text already repaired (the language was read from it)."""
    return Cleaned(strip_boilerplate(normalize(repaired), language), repairs)

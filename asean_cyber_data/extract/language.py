"""Which language an article body is written in (ISO 639-1).

lingua-language-detector, restricted to the languages that have a data file, decides
on the whole article: it separates Malay from Indonesian where short strings cannot.
Scripts that lingua does not model (Khmer, Lao, Burmese) are recognised by their
Unicode block, as data in each language file (``script_range``).

Names say nothing of the language they stand in ("Kuala Lumpur, 3 March 2024
(Bernama) -- ... Datuk Seri ... said"), so in scripts with letter case lingua reads
the text without its capitalised words and bracketed asides, when enough is left.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .langdata import language_file, languages

#: Enough text to decide; longer articles do not change the answer, only the cost.
SAMPLE_CHARS = 1200
#: Letters that must be left after dropping names for the rest to be read alone.
MIN_CONTENT_LETTERS = 40
_ASIDE = re.compile(r"\([^()\n]{0,60}\)")


@lru_cache(maxsize=1)
def _detector() -> tuple[Any, dict[str, str]]:
    from lingua import Language, LanguageDetectorBuilder

    by_lingua: dict[str, str] = {}
    for code in languages():
        name = language_file(code).lingua
        if name:
            by_lingua[name] = code
    detector = (
        LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in by_lingua))
        .with_preloaded_language_models()
        .build()
    )
    return detector, by_lingua


@lru_cache(maxsize=1)
def _script_languages() -> tuple[tuple[re.Pattern[str], str], ...]:
    found = []
    for code in languages():
        script = language_file(code).script_range
        if script:
            found.append((re.compile(script), code))
    return tuple(found)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language (``"en"`` when nothing can be told)."""
    sample = text[:SAMPLE_CHARS]
    scripts = _script_languages()
    if scripts:
        letters = sum(map(str.isalpha, sample))
        for pattern, code in scripts:
            if letters and len(pattern.findall(sample)) > letters / 2:
                return code
    detector, by_lingua = _detector()
    detected = detector.detect_language_of(_content(sample))
    if detected is None:
        return "en"
    return by_lingua.get(detected.name, "en")


def _content(sample: str) -> str:
    """``sample`` without capitalised words and bracketed asides, when enough remains."""
    words = _ASIDE.sub(" ", sample).split()
    kept = " ".join(w for w in words if not w[:1].isupper())
    return kept if len(kept) >= MIN_CONTENT_LETTERS else sample

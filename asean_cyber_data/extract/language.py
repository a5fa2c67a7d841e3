"""Which language an article body is written in (ISO 639-1).

lingua-language-detector, restricted to the languages that have a data file, decides
on the whole article: it separates Malay from Indonesian where short strings cannot.
Scripts that lingua does not model (Khmer, Lao, Burmese) are recognised by their
Unicode block, as data in each language file (``script_range``).

Names say nothing of the language they stand in ("Kuala Lumpur, 3 March 2024
(Bernama) -- ... Datuk Seri ... said"), so in scripts with letter case lingua reads
the text without its names and bracketed asides, when enough is left. A name is a
capitalised word that is no word of any language's data (months, weekdays, titles,
words never in a name: "Maret" and "Menteri" tell Indonesian from Malay) and not a
sentence's first word followed by a lower-case one ("Kedua negara").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .langdata import language_file, languages, pack

#: Enough text to decide; longer articles do not change the answer, only the cost.
SAMPLE_CHARS = 1200
#: Letters that must be left after dropping names for the rest to be read: fewer are a
#: word or two, which say less than the whole text.
MIN_CONTENT_LETTERS = 10
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


@lru_cache(maxsize=1)
def _language_words() -> frozenset[str]:
    """Capitalised words of every language's data (casefolded): months and weekdays
    ("Maret" is Indonesian, "Mac" Malay), the words of titles ("Menteri") and the
    words never in a name ("Kementerian", "Selain") — each tells the language it is
    written in, where a person's or a place's name does not."""
    words: set[str] = set()
    for code in languages():
        language = pack(code)
        words.update(language.months, language.weekdays)
        for phrase in (*language.titles, *language.not_name_words):
            words.update(w.casefold() for w in phrase.split())
    return frozenset(words)


#: A word that ends a sentence ("drill.", "siber.”").
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
_PUNCTUATION = "\"'“”‘’()[]«».,;:!?-–—"


def _is_name(words: list[str], index: int) -> bool:
    """Is ``words[index]`` (capitalised) a name rather than a word of the language?

    A sentence's first word is capitalised by grammar ("Kedua negara", "The minister"):
    it is a word unless it is in capitals (a dateline, an acronym) or not followed by a
    lower-case word ("Kuala Lumpur", "Jakarta, 3 March"). A word of the language data
    (a month, a title) is a word wherever it stands.
    """
    word = words[index].strip(_PUNCTUATION)
    if word.casefold() in _language_words():
        return False
    opens = index == 0 or _ENDS_SENTENCE.search(words[index - 1]) is not None
    following = words[index + 1] if index + 1 < len(words) else ""
    capitals = len(word) > 1 and word.isupper()
    return not opens or capitals or not following[:1].islower()


def _content(sample: str) -> str:
    """``sample`` without names and bracketed asides, when enough remains."""
    kept = []
    for line in _ASIDE.sub(" ", sample).splitlines():
        words = line.split()
        kept += [w for i, w in enumerate(words) if not w[:1].isupper() or not _is_name(words, i)]
    content = " ".join(kept)
    return content if sum(map(str.isalpha, content)) >= MIN_CONTENT_LETTERS else sample

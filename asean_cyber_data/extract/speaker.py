"""The principal speaker: the first named person the article quotes or paraphrases.

A person is a run of capitalised words (or, in scripts without letter case, the two
words after an honorific such as Thai นาย) that stands next to a title ("Home
Minister", "Juru Bicara", "Bộ trưởng") or an honorific ("Datuk Seri", "Ông").
Later short forms ("Nur Jazlan", "Menlu Retno") are the same person. The person is a
speaker when a speech verb of the language ("said", "berkata", "cho biết", "กล่าว")
stands next to one of their mentions in the same sentence. The person quoted in the
most sentences wins; between equals, the first quoted (news copy introduces its
principal speaker first). Bylines and photo credits
never count: a name after a byline cue ("By", "Reporter:", "Ảnh:") is skipped.
Nobody quoted → no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .langdata import LanguagePack, pack
from .text import phrase_regex, sentence_at, sentences

_TOKEN = re.compile(r"[^\W\d_][\w\-]*(?:['’](?![sS]\b)[\w\-]+)*\.?|\d+")
_UPPER = "".join(
    c
    for c in map(chr, [*range(0x41, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x1F00)])
    if c.isupper()
)


@cache
def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    """Lowercase words inside names ("bin", "van") and suffixes after them ("Jr")."""
    english = pack("en")
    suffixes = frozenset(english.name_suffixes)
    return frozenset(english.name_particles) | suffixes, suffixes


@cache
def _capitalised_run() -> re.Pattern[str]:
    """Stretches of capitalised words (and name particles) separated by single spaces."""
    upper = "[" + re.escape(_UPPER) + r"][\w'’\-]*\.?"
    particles = "|".join(re.escape(p) for p in sorted(_name_words()[0], key=len, reverse=True))
    return re.compile(upper + r"(?: (?:" + upper + "|" + particles + "))*")


SPEECH_WINDOW_BEFORE = 70
TITLE_WINDOW = 100
TIGHT_WINDOW = 16


@dataclass
class Person:
    name: str
    tokens: tuple[str, ...]
    honorific: str | None
    title: str | None
    title_span: tuple[int, int] | None
    country: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    titled: bool = True
    first_speech: int | None = None
    speech_sentences: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class FoundSpeaker:
    name: str
    title: str | None
    honorific: str | None
    country: str | None
    span: tuple[int, int]
    title_span: tuple[int, int] | None


@cache
def _regexes(code: str) -> dict[str, re.Pattern[str] | None]:
    language = pack(code)
    honorifics = sorted(language.honorifics, key=len, reverse=True)
    return {
        "title": phrase_regex(language.titles),
        "honorific": phrase_regex(honorifics),
        "honorific_glued": re.compile(
            "|".join(re.escape(h) for h in honorifics if not h[0].isascii() and not h[0].isupper())
        )
        if not language.cased
        else None,
        "speech": phrase_regex(language.speech_verbs),
        "byline": re.compile(
            r"(?:^|\n)\s*(?:" + "|".join(re.escape(b) for b in language.byline_cues) + r")\b[:\s]*$"
        )
        if language.byline_cues
        else None,
    }


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper()


def _name_runs(
    text: str, language: LanguagePack, blocked: list[tuple[int, int]]
) -> list[list[re.Match[str]]]:
    """Runs of capitalised tokens separated by single spaces, split at non-name words.

    A regular expression finds the stretches of capitalised words first, so only their
    tokens are looked at one by one.
    """
    runs: list[list[re.Match[str]]] = []
    particles, suffixes = _name_words()
    mask = bytearray(len(text) + 1)
    for s, e in blocked:
        mask[s:e] = b"\x01" * (e - s)
    current: list[re.Match[str]] = []

    def close() -> None:
        while current and current[-1].group().rstrip(".") in particles:
            current.pop()
        if current:
            runs.append(current.copy())
        current.clear()

    def is_blocked(m: re.Match[str]) -> bool:
        return bool(mask[m.start()] or mask[m.end() - 1])

    previous_end = -1
    tokens = (
        m
        for run in _capitalised_run().finditer(text)
        for m in _TOKEN.finditer(text, run.start(), run.end())
    )
    for m in tokens:
        token = m.group()
        bare = token.rstrip(".")
        gap = text[previous_end : m.start()] if previous_end >= 0 else ""
        contiguous = gap == " " and current
        acronym = len(bare) > 1 and bare.replace("-", "").isupper()
        name_like = (
            _is_capitalised(token)
            and bare not in language.not_name_words
            and not is_blocked(m)
            and not bare.isdigit()
            and not acronym
        )
        particle = bool(current) and bare in particles
        if not contiguous:
            close()
        if name_like or particle:
            current.append(m)
        else:
            close()
        previous_end = m.end()
        if token.endswith(".") and len(bare) > 2 and bare not in suffixes:
            close()
            previous_end = -1
    close()
    return runs


def _honorific_before(
    text: str, start: int, regex: re.Pattern[str] | None
) -> tuple[str | None, int]:
    """Honorifics written right before ``start`` ("Datuk Seri Dr ") and where they begin."""
    if regex is None:
        return None, start
    found: list[str] = []
    cursor = start
    while True:
        window = text[max(0, cursor - 30) : cursor]
        best = None
        for m in regex.finditer(window):
            if window[m.end() :].strip(" ,") == "" and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            break
        found.insert(0, best.group())
        cursor = max(0, cursor - 30) + best.start()
    return (" ".join(found) if found else None), cursor


def _title_near(
    text: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    regex: re.Pattern[str] | None,
    language: LanguagePack,
) -> tuple[int, int] | None:
    """The title phrase right before the name (possibly with its ministry) or right after."""
    if regex is None:
        return None
    before = text[max(sentence[0], start - TITLE_WINDOW) : start]
    offset = max(sentence[0], start - TITLE_WINDOW)
    hits = list(regex.finditer(before))
    if hits:
        first = hits[0]
        tail = before[first.start() :]
        if not re.search(r"[.;:!?\n\"“”]", tail):
            # "Communications and Multimedia Minister": capitalised words before the title.
            conj = "|".join(re.escape(c) for c in (*language.conjunctions, "&"))
            lead = re.search(
                r"(?:[A-Z][\w’'-]*\s(?:(?:" + conj + r")\s)?)*$", before[: first.start()]
            )
            title_start = first.start() - len(lead.group()) if lead else first.start()
            return offset + title_start, start
    after = text[end : min(sentence[1], end + TITLE_WINDOW)]
    m = re.match(r"\s*,\s*", after)
    if m:
        hit = regex.search(after, m.end())
        if hit and hit.start() == m.end():
            verbs = phrase_regex(language.speech_verbs)
            stop = re.search(r"[,;.\n]", after[hit.end() :])
            verb = verbs.search(after, hit.end()) if verbs else None
            if verb and (stop is None or verb.start() - hit.end() < stop.start()):
                stop = re.search(r"\s*$", after[hit.end() : verb.start()])
            title_end = end + hit.end() + (stop.start() if stop else 0)
            return end + hit.start(), title_end
    return None


def _title_adjacent(text: str, start: int, regex: re.Pattern[str] | None) -> bool:
    """A title ends right before ``start`` ("Menlu Retno", "Dubes Galuzin")."""
    window = text[max(0, start - 60) : start]
    return bool(regex and any(m.end() >= len(window) - 2 for m in regex.finditer(window)))


def _clean_title(title: str, language: LanguagePack, honorific: str | None) -> str | None:
    title = title.strip(" ,()")
    if honorific and title.endswith(honorific):
        title = title[: -len(honorific)].strip(" ,")
    title = re.sub(r"^(?:[\w’']+['’]s\s+)", "", title).strip(" ,")
    if title.count("(") > title.count(")"):  # "Menteri Luar Negeri (Menlu": drop the stub
        title = title[: title.rfind("(")].strip(" ,")
    for honorific_word in language.honorifics:  # a rank written before the name
        if title.endswith(" " + honorific_word):
            title = title[: -len(honorific_word)].strip(" ,")
            break
    return title or None


def _is_country(code: str) -> bool:
    """ISO 3166-1 alpha-2 codes are countries; EU, UN, INTERPOL... are organisations."""
    return len(code) == 2 and code not in pack("en").organisations


def _speaker_country(
    text: str,
    title_span: tuple[int, int] | None,
    sentence: tuple[int, int],
    spans: list[tuple[int, int]],
    language: LanguagePack,
) -> str | None:
    """Country from the title ("Juru Bicara Kementerian Luar Negeri Vietnam"), a
    possessive title ("Menteri Luarnya": the country last named), or the language's home."""
    if title_span is not None:
        inside = language.partners.finditer(text[title_span[0] : title_span[1]])
        for start, _end, code in inside:
            if not _is_country(code):
                continue
            lead = text[
                max(title_span[0], title_span[0] + start - 16) : title_span[0] + start
            ].lower()
            if (lead.split() and lead.split()[-1] in language.host_prepositions) or (
                len(lead.split()) > 1
                and lead.split()[-2] in language.host_prepositions
                and lead.split()[-1] in language.determiners
            ):
                continue
            return code
        window_start = max(sentence[0], title_span[0] - 60)
        before = language.partners.finditer(text[window_start : title_span[0]])
        countries = [code for _s, _e, code in before if _is_country(code)]
        if countries:
            return countries[-1]
        title_words = text[title_span[0] : title_span[1]].split()
        if any(
            w.rstrip(",").endswith(tuple(language.possessive_suffixes))
            for w in title_words
            if language.possessive_suffixes
        ):
            index = spans.index(sentence) if sentence in spans else 0
            for previous in reversed(spans[:index]):
                found = [
                    c
                    for _s, _e, c in language.partners.finditer(text[previous[0] : previous[1]])
                    if _is_country(c)
                ]
                if found:
                    return found[0]
    return language.home_country


def find_speakers(text: str, language: LanguagePack) -> list[FoundSpeaker]:
    """Every person quoted, the principal first (empty when nobody is quoted)."""
    regexes = _regexes(language.code)
    spans = sentences(text)
    speech = regexes["speech"]
    speech_hits = [(m.start(), m.end()) for m in speech.finditer(text)] if speech else []
    persons = (
        _uncased_persons(text, language, regexes, spans)
        if not language.cased
        else _cased_persons(text, language, regexes, spans)
    )
    mention_owner: list[tuple[int, int, Person]] = sorted(
        ((s, e, p) for p in persons for s, e in p.mentions), key=lambda x: x[0]
    )
    for index, (start, end, person) in enumerate(mention_owner):
        if not person.titled and len(text[start:end].split()) < 2:
            continue  # "Deklarasi itu menegaskan": a lone word of an untitled run
        sentence = sentence_at(spans, start)
        previous_end = mention_owner[index - 1][1] if index else sentence[0]
        next_start = mention_owner[index + 1][0] if index + 1 < len(mention_owner) else sentence[1]
        for v_start, v_end in speech_hits:
            if not (sentence[0] <= v_start < sentence[1]):
                continue
            reach_after = language.speech_reach if person.titled else TIGHT_WINDOW
            reach_before = SPEECH_WINDOW_BEFORE if person.titled else TIGHT_WINDOW
            after = end <= v_start <= end + reach_after and v_start < max(next_start, end)
            before = (
                start - reach_before <= v_end <= start
                and v_start >= previous_end
                and _introduces(text[v_end:start], language)
            )
            if after or before:
                if person.first_speech is None or start < person.first_speech:
                    person.first_speech = start
                person.speech_sentences.add(sentence[0])
                break
    quoted = [p for p in persons if p.first_speech is not None]
    quoted.sort(key=lambda p: (-len(p.speech_sentences), p.first_speech or 0))
    principal_first = quoted[:1] + sorted(quoted[1:], key=lambda p: p.first_speech or 0)
    found = []
    for person in principal_first:
        first = person.mentions[0]
        sentence = sentence_at(spans, first[0])
        country = _speaker_country(text, person.title_span, sentence, spans, language)
        found.append(
            FoundSpeaker(
                person.name, person.title, person.honorific, country, first, person.title_span
            )
        )
    return found


def _introduces(gap: str, language: LanguagePack) -> bool:
    """A speech verb before a name introduces it only across its title ("said Home
    Minister Datuk Seri ..."), not across a clause ("told reporters after visiting X")."""
    if not language.cased:
        return True
    connectors = {c for grammar in language.grammars for c in grammar.connectors}
    words = [w for w in re.split(r"[\s,:—–-]+", gap) if w]
    return all(w[:1].isupper() or w in connectors for w in words)


def _is_byline(text: str, start: int, regexes: dict[str, re.Pattern[str] | None]) -> bool:
    byline = regexes["byline"]
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return bool(byline and byline.search("\n" + before))


def _blocked_spans(
    text: str, language: LanguagePack, regexes: dict[str, re.Pattern[str] | None]
) -> list[tuple[int, int]]:
    """Spans no name can overlap: partners, titles, honorifics."""
    blocked = [(s, e) for s, e, _code in language.partners.finditer(text)]
    for key in ("title", "honorific"):
        regex = regexes[key]
        if regex:
            blocked += [(m.start(), m.end()) for m in regex.finditer(text)]
    return blocked


def _cased_persons(
    text: str,
    language: LanguagePack,
    regexes: dict[str, re.Pattern[str] | None],
    spans: list[tuple[int, int]],
) -> list[Person]:
    runs = _name_runs(text, language, _blocked_spans(text, language, regexes))
    persons: list[Person] = []
    for run in runs:
        start, end = run[0].start(), run[-1].end()
        tokens = tuple(
            m.group().rstrip(".") if not re.fullmatch(r"[A-Z]\.", m.group()) else m.group()
            for m in run
        )
        if text[end - 1] == "." and tokens[-1] not in _name_words()[1] and len(tokens[-1]) > 2:
            end -= 1  # a sentence's full stop is not part of the name
        owner = next((p for p in persons if _is_short_form(tokens, p.tokens)), None)
        if owner is not None:
            owner.mentions.append((start, end))
            continue
        if _is_byline(text, start, regexes):
            continue
        sentence = sentence_at(spans, start)
        honorific, _ = _honorific_before(text, start, regexes["honorific"])
        title_span = _title_near(text, start, end, sentence, regexes["title"], language)
        if len(tokens) < 2 and not (honorific or _title_adjacent(text, start, regexes["title"])):
            continue  # one word is a name only right after a title or honorific
        title = (
            _clean_title(text[title_span[0] : title_span[1]], language, honorific)
            if title_span
            else None
        )
        if title and title_span:
            at = text.find(title, title_span[0], title_span[1])
            title_span = (at, at + len(title)) if at >= 0 else None
        name = (
            text[start:end].rstrip(".,") if tokens[-1] not in _name_words()[1] else text[start:end]
        )
        titled = title_span is not None or honorific is not None
        shorter = next((p for p in persons if _is_short_form(p.tokens, tokens)), None)
        if shorter is not None:
            # The full name comes after a short form ("Nur Jazlan ... Nur Jazlan Mohamed").
            shorter.name, shorter.tokens = name, tokens
            shorter.honorific = shorter.honorific or honorific
            if title and not shorter.title:
                shorter.title, shorter.title_span = title, title_span
            shorter.titled = shorter.titled or titled
            shorter.mentions.append((start, end))
            shorter.mentions.sort()
            continue
        persons.append(
            Person(name, tokens, honorific, title, title_span, None, [(start, end)], titled=titled)
        )
    return persons


def _is_short_form(tokens: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``tokens`` is a contiguous part of a known person's name ("Nur Jazlan")."""
    size = len(tokens)
    return any(full[i : i + size] == tokens for i in range(len(full) - size + 1))


def _uncased_persons(
    text: str,
    language: LanguagePack,
    regexes: dict[str, re.Pattern[str] | None],
    spans: list[tuple[int, int]],
) -> list[Person]:
    """Scripts without capitals: an honorific (glued or not) then given name and surname."""
    glued = regexes["honorific_glued"]
    persons: list[Person] = []
    if glued is None:
        return persons
    titles = regexes["title"]
    for m in glued.finditer(text):
        if m.start() and not text[m.start() - 1].isspace():
            continue
        if titles and titles.match(text, m.start()):
            continue
        gap = re.match(r"\s*", text[m.end() :])
        start = m.end() + (gap.end() if gap else 0)
        words = re.match(r"\S+(?:\s\S+){" + str(language.name_words - 1) + "}", text[start:])
        if not words:
            continue
        end = start + words.end()
        for particle in sorted(language.name_particles, key=len, reverse=True):
            if text[start:end].endswith(particle) and end - len(particle) > start:
                end -= len(particle)  # "ဦးကျော်ဇေယျာက": the subject particle is not the name
                break
        name = text[start:end]
        given = text[start:end].split()[0]
        for particle in language.name_particles:
            given = given.removesuffix(particle) or given
        owner = next((p for p in persons if p.name == name or p.tokens[0] == given), None)
        if owner:  # a later "นายปานปรีย์ฯ กล่าว" is the person named in full earlier
            owner.mentions.append((start, start + len(given)))
            continue
        title_match = re.match(r"\s(\S+)", text[end:])
        title_span = (end + 1, end + title_match.end()) if title_match else None
        title = text[title_span[0] : title_span[1]] if title_span else None
        persons.append(
            Person(
                name,
                tuple(name.split()),
                m.group().strip(),
                title,
                title_span,
                None,
                [(start, end)],
            )
        )
    return persons

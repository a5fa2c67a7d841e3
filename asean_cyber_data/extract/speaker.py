"""The principal speaker: the person whose words or positions the article reports.

Rules propose *persons*:

- ``cased_name``: in scripts with letter case, a run of capitalised words (with name
  particles such as "bin", "van") that no gazetteer claims (partners, titles,
  honorifics, outlets, mechanisms); later short forms ("Nur Jazlan", "Menlu Retno") are
  the same person;
- ``honorific_name``: in scripts without case (Thai, Khmer, Lao, Burmese), the words
  after an honorific or rank (นาย, លោក, ທ່ານ, ဦး), past any title written glued to it.

A candidate is a person only on evidence of personhood — a title or honorific next to
a mention, a speech verb attributing words to it, a quotation it closes, the surname
repeated alone later, a name shape (initials, particles) — and against evidence that
it is something else: a word the article also writes in lower case (a common word),
a gazetteer word (a country, a place, an outlet), a headline's capitals. Those are the
features the fitted model weighs; it picks the principal or abstains.

The speaker's ``country`` is the country they serve: a country or nationality inside
their title ("Australian Ambassador", "Menteri Luar Negeri Rusia"), or attached to it
("Japan's minister"), or the country of a government body of the registry the title
names ("FBI Director"); none for an organisation's officer ("Interpol Secretary-General");
else the one state that confers an honorific they bear ("Tan Sri", "Pehin");
else, for a name written the language's own way (not "ông Scott Schelble" in
Vietnamese), the outlet's member state, else the language's home country — never a
country merely named in the same sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from .article import (
    TOKEN,
    UPPER,
    UPPER_START,
    Article,
    Token,
    is_capitalised,
    phrase_regex,
    phrase_spans,
)
from .candidates import Candidate, FieldModel, Scored, best_value, rank
from .langdata import LanguagePack, fold
from .registry import place_names

FIELD = "speaker"
SPEECH_WINDOW_BEFORE = 70
TITLE_WINDOW = 100
TIGHT_WINDOW = 16
#: A name written in a script with case inside text without it ("លោក Robert L. Strayer",
#: "นาย John Smith") runs over its capitalised words, up to this many, whatever the
#: language's own name length: the words' case says where it ends.
CASED_NAME_WORDS = 4
#: How many words a name opened by a surname of the language's own data may run to
#: past words never in names ("Phạm Minh Chính"; four-syllable Vietnamese names).
SURNAME_LED_WORDS = 4


@dataclass
class Person:
    name: str
    tokens: tuple[str, ...]
    #: Where each token of the longest form stands (name variants are read from them).
    token_spans: tuple[tuple[int, int], ...]
    honorific: str | None
    title: str | None
    title_span: tuple[int, int] | None
    rule: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    titled: bool = True
    speech_sentences: set[int] = field(default_factory=set)
    speech_before: bool = False
    speech_after: bool = False
    quoted: bool = False
    #: The subject of a sentence opened by a speaking clause ("Speaking at ..., X said").
    fronted: bool = False
    #: An uncased honorific written glued to the word before it (it may be inside a word).
    glued_before: bool = False
    #: The language's name particles ("bin", "van"): a name does not start or end with one.
    particles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FoundSpeaker:
    name: str
    title: str | None
    honorific: str | None
    country: str | None
    span: tuple[int, int]
    title_span: tuple[int, int] | None
    rule: str


@cache
def _title_phrases(code: str) -> tuple[str, ...]:
    """The language's titles and their possessive forms: any leading part of a title
    whose last word carries a possessive suffix ("Menteri Luar Negerinya", "Menteri
    Luarnya", "Menterinya" = its foreign minister, its minister) is a title too, so the
    possessive word is read as part of the title, never as the start of a name."""
    from .langdata import pack

    language = pack(code)
    phrases = set(language.titles)
    for title in language.titles:
        words = title.split()
        for k in range(1, len(words) + 1):
            phrases.update(
                " ".join([*words[: k - 1], words[k - 1] + suffix])
                for suffix in language.possessive_suffixes
            )
    return tuple(sorted(phrases))


def _title_spans(article: Article) -> list[tuple[int, int]]:
    """Where the article writes a title (possessive forms included), read once."""
    if "speaker_titles" not in article.memo:
        phrases = _title_phrases(article.language.code)
        article.memo["speaker_titles"] = phrase_spans(phrases, article.text)
    found: list[tuple[int, int]] = article.memo["speaker_titles"]
    return found


def _letter_part(char: str) -> bool:
    """A letter or a mark written on one (Thai, Lao, Khmer and Burmese vowel signs and
    tone marks are category M*, which ``str.isalpha`` does not count)."""
    return unicodedata.category(char)[0] in "LM"


@cache
def _regexes(code: str) -> dict[str, re.Pattern[str] | None]:
    from .langdata import pack

    language = pack(code)
    honorifics = sorted(language.honorifics, key=len, reverse=True)
    return {
        "title": phrase_regex(_title_phrases(code)),
        "honorific": phrase_regex(honorifics),
        "uncased_head": re.compile(
            "|".join(re.escape(h) for h in sorted({*honorifics}, key=len, reverse=True))
        )
        if not language.cased and honorifics
        else None,
        "speech": phrase_regex(language.speech_verbs),
        "fronted": re.compile(
            r"\s*[\"“]?(?:"
            + "|".join(re.escape(f) for f in sorted(language.fronted_speech, key=len, reverse=True))
            + r")\b"
        )
        if language.fronted_speech
        else None,
        "byline": re.compile(
            r"(?:^|\n)\s*(?:" + "|".join(re.escape(b) for b in language.byline_cues) + r")\b[:\s]*$"
        )
        if language.byline_cues
        else None,
        "conj": re.compile("|".join(re.escape(c) for c in (*language.conjunctions, "&"))),
        "photo": phrase_regex(language.photo_cues, re.IGNORECASE),
    }


def _name_words(language: LanguagePack) -> tuple[frozenset[str], frozenset[str]]:
    suffixes = frozenset(language.name_suffixes)
    return frozenset(language.name_particles) | suffixes, suffixes


def _blocked(article: Article) -> bytearray:
    """1 where a name cannot stand (partners, titles, outlets, mechanisms), 2 where an
    honorific stands (inside a name only after a particle: "bin Haji Mohd Yussof")."""
    mask = bytearray(article.partner_mask)
    for s, e in article.honorifics:
        mask[s:e] = b"\x02" * (e - s)
    spans = [*_title_spans(article)]
    spans += [(s, e) for s, e, _ in article.outlets]
    spans += [(s, e) for s, e, _ in article.mechanisms]
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask


def _capitalised_stretches(article: Article, particles: frozenset[str]) -> list[Token]:
    """The tokens of every stretch that starts at a capitalised word and runs over words
    separated by single spaces: only these can hold a name, so only these are tokenised
    (plus the word before and after, so a stretch's edges are seen)."""
    text = article.text
    found: list[Token] = []
    last_end = -1
    stretches = _stretch_pattern(particles)
    for m in UPPER_START.finditer(text):
        if m.start() < last_end:
            continue
        stretch = stretches.match(text, m.start())
        end = stretch.end() if stretch else m.end()
        for t in TOKEN.finditer(text, m.start(), end):
            found.append(Token(t.start(), t.end(), t.group()))
        nxt = TOKEN.search(text, end)
        if nxt:  # the first word after the stretch ends it in the loop below
            found.append(Token(nxt.start(), nxt.end(), nxt.group()))
            last_end = nxt.end()
        else:
            last_end = end
    return found


@cache
def _stretch_pattern(particles: frozenset[str]) -> re.Pattern[str]:
    """Capitalised words (and name particles) joined by single spaces."""
    upper = UPPER + r"[\w'’\-.&]*"
    joined = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True))
    return re.compile(upper + r"(?: (?:" + upper + (("|" + joined) if joined else "") + "))*")


def _name_runs(article: Article) -> list[list[Token]]:
    """Runs of capitalised tokens separated by single spaces, split at non-name words."""
    language, text = article.language, article.text
    particles, suffixes = _name_words(language)
    own_surnames = frozenset(language.raw.surnames)
    mask = _blocked(article)
    runs: list[list[Token]] = []
    current: list[Token] = []

    def close() -> None:
        while current and current[-1].bare in particles:
            current.pop()
        if current:
            runs.append(current.copy())
        current.clear()

    previous_end = -1
    for token in _capitalised_stretches(article, particles):
        text_ = token.text
        if not text_[:1].isupper() and not (current and token.bare in particles):
            if current:
                close()
            previous_end = token.end
            continue  # the fast path: most tokens are not capitalised
        bare = token.bare
        gap = text[previous_end : token.start] if previous_end >= 0 else ""
        contiguous = gap == " " and bool(current)
        # A word never in names is one after a surname of the language's own data and
        # a given name, up to a name's length: "Phạm Minh Chính", though "Chính" opens
        # "Chính phủ" ("Châu Á", Asia, is a surname and a word never in names).
        surname_led = (
            contiguous and current[0].bare in own_surnames and 2 <= len(current) < SURNAME_LED_WORDS
        )
        name_like = (
            token.capitalised
            and token.word
            and (bare not in language.not_name_words or surname_led)
            and not (mask[token.start] or mask[token.end - 1])
            and not bare.isdigit()
            and not (token.acronym and len(bare) > 1)
        )
        particle = bool(current) and bare in particles
        # After "bin"/"binti" the father's name may carry his own honorifics, several in
        # a row ("bin Pehin Orang Kaya Seri Setia Dato Paduka Haji Mohammad Yusof"): an
        # honorific stays inside the name after a particle or after such an honorific.
        after_particle = bool(current) and (
            current[-1].bare in particles or mask[current[-1].start] == 2
        )
        if (
            not name_like
            and after_particle
            and token.capitalised
            and mask[token.start] == 2
            and mask[token.end - 1] == 2
        ):
            name_like = True  # "bin Haji Mohd": an honorific word inside the father's name
        if not contiguous:
            close()
        if name_like or particle:
            current.append(token)
        else:
            close()
        previous_end = token.end
        if text_.endswith(".") and len(bare) > 2 and bare not in suffixes:
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
        offset = max(0, cursor - 30)
        window = text[offset:cursor]
        best = None
        for m in regex.finditer(window):
            if _hyphen_joined(text, offset + m.start()):
                continue  # "Secretary-General": the end of a title, not a rank
            if window[m.end() :].strip(" ,") == "" and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            break
        found.insert(0, best.group())
        cursor = offset + best.start()
    return (" ".join(found) if found else None), cursor


def _hyphen_joined(text: str, start: int) -> bool:
    """The word at ``start`` is the second half of a hyphenated compound ("General" in
    "Secretary-General", "Attorney-General")."""
    return start > 1 and text[start - 1] in "-\u2010\u2011" and text[start - 2].isalpha()


@cache
def _joining_people(code: str) -> frozenset[str]:
    """Conjunctions that join two people, not the words of one title ("bersama")."""
    from .langdata import pack

    language = pack(code)
    return frozenset(language.conjunctions) - frozenset(language.title_conjunctions)


def _title_near(
    article: Article, start: int, end: int, regexes: dict[str, re.Pattern[str] | None]
) -> tuple[int, int] | None:
    """The title phrase right before the name (possibly with its ministry) or right after."""
    text, language = article.text, article.language
    regex = regexes["title"]
    if regex is None:
        return None
    sentence = article.sentence_at(start)
    offset = max(sentence[0], start - TITLE_WINDOW)
    before = text[offset:start]
    hits = list(regex.finditer(before))
    if hits:
        first = hits[0]
        # "Kepala BSSN Hinsa Siburian bersama Duta Besar …, Tobias Feakin": a word that
        # joins two people ends the first one's title; the name's own starts after it.
        joining_people = _joining_people(language.code)
        for later in hits[1:]:
            between = before[first.end() : later.start()].split()
            if any(
                " ".join(between[i : i + n]) in joining_people
                for n in (1, 2, 3)
                for i in range(len(between))
            ):
                first = later
        tail = before[first.start() :]
        if not re.search(r"[.;:!?\n\"“”]", tail):
            # "Communications and Multimedia Minister": capitalised words before the title.
            joining = language.title_conjunctions
            conj = "|".join(re.escape(c) for c in joining)
            lead = re.search(
                r"(?:[^\W\d_][\w’'-]*\s(?:(?:" + conj + r")\s)?)*$", before[: first.start()]
            )
            title_start = first.start()
            if lead:
                words = lead.group().split()
                keep = 0
                for word in reversed(words):
                    if is_capitalised(word) or word in joining:
                        keep += 1
                    else:
                        break
                kept = words[len(words) - keep :] if keep else []
                while kept and kept[0] in joining:
                    kept = kept[1:]
                if kept:
                    title_start = before.rfind(" ".join(kept), 0, first.start())
                    title_start = title_start if title_start >= 0 else first.start()
            return offset + title_start, start
    after = text[end : min(sentence[1] or len(text), end + TITLE_WINDOW)]
    m = re.match(r"\s*,\s*", after)
    if m:
        hit = regex.search(after, m.end())
        if hit and hit.start() == m.end():
            verbs = regexes["speech"]
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


def _is_byline(text: str, start: int, regex: re.Pattern[str] | None) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return bool(regex and regex.search("\n" + before))


def _is_short_form(tokens: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``tokens`` is a contiguous part of a known person's name ("Nur Jazlan")."""
    size = len(tokens)
    return any(full[i : i + size] == tokens for i in range(len(full) - size + 1))


def _cased_persons(article: Article, regexes: dict[str, re.Pattern[str] | None]) -> list[Person]:
    text, language = article.text, article.language
    _particles, suffixes = _name_words(language)
    persons: list[Person] = []
    for run in _name_runs(article):
        start, end = run[0].start, run[-1].end
        tokens = tuple(t.bare if not re.fullmatch(r"[^\W\d_]\.", t.text) else t.text for t in run)
        spans = tuple((t.start, t.start + len(tok)) for t, tok in zip(run, tokens, strict=True))
        if text[end - 1] == "." and tokens[-1] not in suffixes and len(tokens[-1]) > 2:
            end -= 1  # a sentence's full stop is not part of the name
        owner = next((p for p in persons if _is_short_form(tokens, p.tokens)), None)
        if owner is not None:
            owner.mentions.append((start, end))
            continue
        if _is_byline(text, start, regexes["byline"]):
            continue
        honorific, _ = _honorific_before(text, start, regexes["honorific"])
        title_span = _title_near(article, start, end, regexes)
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
        name = text[start:end].rstrip(".,") if tokens[-1] not in suffixes else text[start:end]
        titled = title_span is not None or honorific is not None
        shorter = next((p for p in persons if _is_short_form(p.tokens, tokens)), None)
        if shorter is not None:
            # The full name comes after a short form ("Nur Jazlan ... Nur Jazlan Mohamed").
            shorter.name, shorter.tokens, shorter.token_spans = name, tokens, spans
            shorter.honorific = shorter.honorific or honorific
            if title and not shorter.title:
                shorter.title, shorter.title_span = title, title_span
            shorter.titled = shorter.titled or titled
            shorter.mentions.append((start, end))
            shorter.mentions.sort()
            continue
        persons.append(
            Person(
                name,
                tokens,
                spans,
                honorific,
                title,
                title_span,
                "cased_name",
                [(start, end)],
                titled=titled,
            )
        )
    return persons


def _uncased_persons(article: Article, regexes: dict[str, re.Pattern[str] | None]) -> list[Person]:
    """An honorific or rank (glued or not), any titles glued to it, then the name words."""
    text, language = article.text, article.language
    head = regexes["uncased_head"]
    titles = regexes["title"]
    persons: list[Person] = []
    if head is None:
        return persons
    stop_words = regexes["speech"]
    for m in head.finditer(text):
        if _inside_title(article, m.start(), m.end(), (head, titles)):
            continue  # นาย of นายกรัฐมนตรี (Prime Minister) is no honorific
        glued_before = bool(m.start()) and _letter_part(text[m.start() - 1])
        cursor = m.end()
        title_span: tuple[int, int] | None = None
        while True:  # "លោក" + "ឧត្តមសេនីយ៍ឯក", "ឯកឧត្តម" + "រដ្ឋមន្ត្រី": glued ranks and titles
            rank_ = head.match(text, cursor)
            title_ = titles.match(text, cursor) if titles else None
            if title_ and (rank_ is None or title_.end() >= rank_.end()):
                glued, title_span = title_, (title_.start(), title_.end())
            elif rank_:
                glued = rank_
            else:
                break
            if glued.end() == cursor:
                break
            cursor = glued.end()
        gap = re.compile(r"[ \t]*").match(text, cursor)
        start = gap.end() if gap else cursor
        words: list[tuple[int, int]] = []
        position = start
        for count in range(max(language.name_words, CASED_NAME_WORDS)):
            w = re.compile(r"[^\s,។။()“”\"]+").match(text, position)
            if not w:
                break
            word = w.group()
            if (
                (titles and titles.match(word))
                or (head.match(word) and words)
                or (stop_words and stop_words.match(word))
            ):
                break
            if count >= language.name_words and not (
                is_capitalised(text[start]) and is_capitalised(word)
            ):
                break  # past the language's name length, only a cased name goes on
            words.append((position, position + len(word)))
            nxt = re.compile(r"[ \t]").match(text, position + len(word))
            if not nxt:
                break
            position += len(word) + 1
        if not words:
            continue
        end = words[-1][1]
        for particle in sorted(language.name_particles, key=len, reverse=True):
            if text[start:end].endswith(particle) and end - len(particle) > start:
                end -= len(particle)  # "ဦးကျော်ဇေယျာက": the subject particle is not the name
                break
        name = text[start:end]
        given = name.split()[0]
        for particle in language.name_particles:
            given = given.removesuffix(particle) or given
        owner = next((p for p in persons if p.name == name or p.tokens[0] == given), None)
        if owner:  # a later "นายปานปรีย์ฯ กล่าว" is the person named in full earlier
            owner.mentions.append((start, start + len(given)))
            continue
        if title_span is None:
            after = re.compile(r"[ \t,]*(\S+)").match(text, end)
            if after and titles and titles.match(after.group(1)):
                title_span = (after.start(1), after.end(1))
        title = text[title_span[0] : title_span[1]] if title_span else None
        persons.append(
            Person(
                name,
                tuple(name.split()),
                tuple(words if end == words[-1][1] else [*words[:-1], (words[-1][0], end)]),
                m.group().strip(),
                title,
                title_span,
                "honorific_name",
                [(start, end)],
                glued_before=glued_before,
            )
        )
    return persons


def _inside_title(
    article: Article, start: int, end: int, boundaries: tuple[re.Pattern[str] | None, ...]
) -> bool:
    """The honorific at ``start:end`` is letters of a longer title the language knows:
    in scripts without spaces an honorific is also the first letters of longer words
    (นาย of นายกรัฐมนตรี, Prime Minister; of รองนายกรัฐมนตรี). A title that is an
    honorific written glued to another title or rank ("ឯកឧត្តម" + "រដ្ឋមន្ត្រី") keeps
    its honorific: after it a title or honorific starts (``boundaries``)."""
    if not any(s <= start and end < e for s, e in _title_spans(article)):
        return False
    return not any(b is not None and b.match(article.text, end) for b in boundaries)


def _introduces(gap: str, language: LanguagePack) -> bool:
    """A speech verb before a name introduces it only across its title ("said Home
    Minister Datuk Seri ...", "ayon kay ... Secretary at ... head Eduardo Año"), not
    across a clause ("told reporters after visiting X")."""
    if not language.cased:
        return True
    connectors = {c for grammar in language.grammars for c in grammar.connectors}
    allowed = (
        connectors
        | set(language.conjunctions)
        | {w.casefold() for w in _title_vocabulary(language.code)}
    )
    words = [w for w in re.split(r"[\s,:—–-]+", gap) if w]
    return all(is_capitalised(w) or w.casefold() in allowed for w in words)


def _attribute_speech(
    article: Article, persons: list[Person], fronted: re.Pattern[str] | None = None
) -> None:
    """Mark each person's mentions that a speech verb or a quotation attributes words to."""
    text, language = article.text, article.language
    mention_owner = sorted(((s, e, p) for p in persons for s, e in p.mentions), key=lambda x: x[0])
    if fronted is not None:
        for s_start, s_end in article.sentences:
            if not fronted.match(text, s_start):
                continue
            comma = text.find(",", s_start, min(s_end, s_start + 120))
            first = next(
                (m for m in mention_owner if comma >= 0 and comma < m[0] < comma + 60), None
            )
            if first is not None:
                first[2].fronted = True
    for index, (start, end, person) in enumerate(mention_owner):
        sentence = article.sentence_at(start)
        previous_end = mention_owner[index - 1][1] if index else sentence[0]
        next_start = mention_owner[index + 1][0] if index + 1 < len(mention_owner) else sentence[1]
        reach_after = language.speech_reach if person.titled else TIGHT_WINDOW
        reach_before = SPEECH_WINDOW_BEFORE if person.titled else TIGHT_WINDOW
        for v_start, v_end in article.speech:
            if not (sentence[0] <= v_start < sentence[1]):
                continue
            after = end <= v_start <= end + reach_after and v_start < max(next_start, end)
            # "Jeremy Douglas, UNODC Regional Representative ..., who stated": an apposition
            after = after or bool(
                v_start > end
                and re.fullmatch(r",[^.;:!?\n]{0,160},\s*(?:\w+\s)?", text[end:v_start])
            )
            before = (
                start - reach_before <= v_end <= start
                and v_start >= previous_end
                and _introduces(text[v_end:start], language)
            )
            if after or before:
                person.speech_after = person.speech_after or after
                person.speech_before = person.speech_before or before
                person.speech_sentences.add(sentence[0])
                break
        around = text[max(0, start - 6) : start] + "|" + text[end : end + 6]
        if re.search(r"[”\"»]\s*,?\s*(?:\w+\s)?\|", around) or re.search(
            r"\|\s*[:：]\s*[“\"«]", around
        ):
            person.quoted = True


#: What follows a photo cue that credits a photo ("Ảnh: TTXVN", "(Foto : Antara)").
_CREDIT_COLON = re.compile(r"\s*[:：]")


def _caption_lines(article: Article) -> frozenset[int]:
    """Lines that carry a photo credit ("… chứng kiến Lễ ký kết. Ảnh: TTXVN", "(Foto:
    Antara)"): captions, where the people pictured are named, not the people quoted."""
    if "caption_lines" not in article.memo:
        photo = _regexes(article.language.code)["photo"]
        text = article.text
        article.memo["caption_lines"] = frozenset(
            index
            for index, (start, end) in enumerate(article.lines)
            if photo is not None
            and any(_CREDIT_COLON.match(text, m.end()) for m in photo.finditer(text, start, end))
        )
    lines: frozenset[int] = article.memo["caption_lines"]
    return lines


def _features(article: Article, person: Person, order: int, total: int) -> dict[str, float]:
    language, text = article.language, article.text
    first = person.mentions[0]
    words = [w for w in person.tokens if w]
    lowercase = article.lowercase_words
    particles, _ = _name_words(language)
    # (a name particle — "bin", "van" — is lower case by nature: no evidence of a common word)
    common = sum(
        1
        for w in words
        if w not in particles and (fold(w) in lowercase or w.casefold() in lowercase)
    )
    gazetteer = any(article.partner_mask[s] for s, _e in person.mentions)
    surname = words[-1] if words else ""
    alone = sum(1 for s, e in person.mentions if text[s:e] == surname) if len(words) > 1 else 0
    line = article.line_index(first[0])
    headline = line == 0 and len(article.lines) > 2
    return {
        "speech_after": 1.0 if person.speech_after else 0.0,
        "speech_before": 1.0 if person.speech_before else 0.0,
        "speech_sentences": min(len(person.speech_sentences), 3) / 3,
        "quoted": 1.0 if person.quoted else 0.0,
        "fronted_speech": 1.0 if person.fronted else 0.0,
        "own_line": 1.0
        if any(
            text[slice(*article.line_span(s))].strip(" ,.|-–") == text[s:e]
            for s, e in person.mentions
        )
        else 0.0,
        "title": 1.0 if person.title else 0.0,
        "honorific": 1.0 if person.honorific else 0.0,
        "mentions": min(len(person.mentions), 4) / 4,
        "surname_alone": 1.0 if alone else 0.0,
        "one_word": 1.0 if len(words) == 1 else 0.0,
        "many_words": 1.0 if len(words) > 4 else 0.0,
        "common_words": common / max(1, len(words)),
        "all_common": 1.0 if words and common == len(words) else 0.0,
        "initial": 1.0 if any(re.fullmatch(r"[^\W\d_]\.", w) for w in words) else 0.0,
        "particle": 1.0 if any(w in particles for w in words) else 0.0,
        "all_caps": 1.0
        if all(w.isupper() for w in words if len(w) > 1) and len(words) > 0
        else 0.0,
        "gazetteer": 1.0 if gazetteer else 0.0,
        "headline": 1.0 if headline else 0.0,
        "position": round(first[0] / max(1, len(text)), 4),
        "first_person": 1.0 if order == 0 else 0.0,
        "only_person": 1.0 if total == 1 else 0.0,
        "long_name": 1.0 if len(person.name) > 40 else 0.0,
        "glued_honorific": 1.0 if person.glued_before else 0.0,
        "in_caption": 1.0
        if all(article.line_index(s) in _caption_lines(article) for s, _e in person.mentions)
        else 0.0,
    }


def _persons(article: Article) -> list[Person]:
    regexes = _regexes(article.language.code)
    persons = (
        _cased_persons(article, regexes)
        if article.language.cased
        else _uncased_persons(article, regexes)
    )
    _attribute_speech(article, persons, regexes["fronted"])
    particles = _name_words(article.language)[0]
    for person in persons:
        person.particles = particles
    return persons


#: Name variants are read from runs of at most this many tokens in every way; longer
#: runs only by their prefixes and suffixes.
ALL_VARIANTS_UP_TO = 5


def _variants(person: Person) -> list[tuple[int, int]]:
    """``(i, j)`` token ranges of the person's longest form that could be the name.

    A run of capitalised words may hold more than a name: the end of an office
    ("... dan Informatika Rudiantara", "Critical Technology Brendan Dowling"), a rank,
    a headline's next word ("Sugiono Ajak"). Every contiguous part is a candidate; the
    model weighs where each part's edges fall.
    """
    n = len(person.token_spans)
    if n <= ALL_VARIANTS_UP_TO:
        ranges = [(i, j) for i in range(n) for j in range(i + 1, n + 1)]
    else:
        ranges = sorted({*((0, j) for j in range(1, n + 1)), *((i, n) for i in range(n))})
    particles = person.particles
    return [
        (i, j)
        for i, j in ranges
        if person.tokens[i] not in particles and person.tokens[j - 1] not in particles
    ]


@cache
def _title_vocabulary(code: str) -> frozenset[str]:
    """Words that make up the language's titles and honorifics ("Informatika", "Pehin")."""
    from .langdata import pack

    language = pack(code)
    return frozenset(
        w for phrase in (*_title_phrases(code), *language.honorifics) for w in phrase.split()
    )


def _marks(article: Article) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """Ends of titles and honorifics, starts and ends of speech verbs (read once)."""
    if "speaker_marks" not in article.memo:
        article.memo["speaker_marks"] = (
            frozenset(e for _s, e in (*_title_spans(article), *article.honorifics)),
            frozenset(s for s, _e in article.speech),
            frozenset(e for _s, e in article.speech),
        )
    found: tuple[frozenset[int], frozenset[int], frozenset[int]] = article.memo["speaker_marks"]
    return found


def _near(offsets: frozenset[int], low: int, high: int) -> bool:
    return any(o in offsets for o in range(low, high + 1))


def _variant_features(
    article: Article, person: Person, i: int, j: int, runs: set[tuple[str, ...]]
) -> dict[str, float]:
    text, language = article.text, article.language
    n = len(person.token_spans)
    words = person.tokens[i:j]
    lowercase = article.lowercase_words
    vocabulary = _title_vocabulary(language.code)
    start = person.token_spans[0][0]
    before = text[max(0, start - 20) : start].split()
    after_conjunction = bool(before) and before[-1] in language.conjunctions
    dropped = person.tokens[:i]

    def common(word: str) -> bool:
        return word.casefold() in lowercase

    v_start, v_end = person.token_spans[i][0], person.token_spans[j - 1][1]
    mark_ends, speech_starts, speech_ends = _marks(article)
    titled_left = any(
        e in mark_ends and text[e:v_start].strip(" ,") == ""
        for e in range(max(0, v_start - 3), v_start + 1)
    )
    speech_next = _near(speech_starts, v_end, v_end + 3) or _near(speech_ends, v_start - 3, v_start)
    place = fold(" ".join(words)) in place_names() or any(
        article.partner_mask[s] for s, _e in person.token_spans[i:j]
    )
    return {
        "place": 1.0 if place else 0.0,
        "surname_first": 1.0 if words[0] in language.surnames else 0.0,
        "surname_inside": 1.0 if any(w in language.surnames for w in words) else 0.0,
        "titled_left": 1.0 if titled_left else 0.0,
        "speech_next": 1.0 if speech_next else 0.0,
        "variant_words": min(j - i, 6) / 6,
        "variant_one_word": 1.0 if j - i == 1 else 0.0,
        "variant_whole": 1.0 if (i, j) == (0, n) else 0.0,
        "dropped_start": min(i, 3) / 3,
        "dropped_end": min(n - j, 3) / 3,
        "dropped_title_words": 1.0 if dropped and all(w in vocabulary for w in dropped) else 0.0,
        "dropped_common": 1.0 if dropped and any(common(w) for w in dropped) else 0.0,
        "run_after_conjunction": 1.0 if after_conjunction and i > 0 else 0.0,
        "keeps_run_after_conjunction": 1.0 if after_conjunction and i == 0 else 0.0,
        "variant_alone": 1.0 if words in runs and (i, j) != (0, n) else 0.0,
        "ends_with_repeated": 1.0
        if any(r and r[-1] == words[-1] for r in runs if r != person.tokens)
        else 0.0,
        "first_common": 1.0 if common(words[0]) else 0.0,
        "last_common": 1.0 if common(words[-1]) else 0.0,
        "first_title_word": 1.0 if words[0] in vocabulary else 0.0,
        "last_title_word": 1.0 if words[-1] in vocabulary else 0.0,
        "particle_edge": 1.0
        if words[0] in language.name_particles or words[-1] in language.name_particles
        else 0.0,
    }


def candidates(article: Article) -> list[Candidate]:
    """Candidate names of every person the article names: each person's name variants,
    with the person's personhood features and the variant's edge features."""
    persons = _persons(article)
    order = sorted(range(len(persons)), key=lambda i: persons[i].mentions[0][0])
    text = article.text
    found = []
    for rank_, index in enumerate(order):
        person = persons[index]
        shared = _features(article, person, rank_, len(persons))
        runs = {tuple(text[s:e].split()) for s, e in person.mentions}
        for i, j in _variants(person):
            start, end = person.token_spans[i][0], person.token_spans[j - 1][1]
            name = text[start:end].rstrip(",")
            if not name.strip():
                continue
            found.append(
                Candidate(
                    FIELD,
                    name,
                    start,
                    end,
                    person.rule,
                    {**shared, **_variant_features(article, person, i, j, runs)},
                    {"person": person},
                )
            )
    return found


def _is_country(code: str, language: LanguagePack) -> bool:
    """ISO 3166-1 alpha-2 codes are countries; EU, UN, INTERPOL... are organisations."""
    return len(code) == 2 and code not in language.organisations


def _after(words: list[str], prepositions: tuple[str, ...], determiners: tuple[str, ...]) -> bool:
    """The words before a country end with one of ``prepositions`` (and a determiner)."""
    return bool(
        (words and words[-1] in prepositions)
        or (len(words) > 1 and words[-2] in prepositions and words[-1] in determiners)
    )


def _parties_and_bodies(article: Article) -> list[tuple[int, int, str]]:
    """The parties named, and the government bodies of the outlet registry named, as
    their country: foreign ones by any name ("FBI" → US: :attr:`Article.foreign_bodies`),
    a member's by its acronym ("DICT Secretary" → PH: :attr:`Article.member_acronyms`).
    Left to right."""
    return sorted([*article.partners, *article.foreign_bodies, *article.member_acronyms])


def _title_parties(article: Article, span: tuple[int, int]) -> list[str]:
    """The parties a title at ``span`` names, or that are attached to it ("Japan's"), as
    the post's own: not a post's place ("Ambassador to Indonesia"), and a country after a
    portfolio preposition ("Director General of America and Europe") only after the
    others."""
    text, language = article.text, article.language
    own: list[str] = []
    portfolio: list[str] = []
    portfolio_end = -1  # where the last country after a portfolio preposition ends
    for start, end, code in _parties_and_bodies(article):
        inside = span[0] <= start and end <= span[1]
        attached = (
            end <= span[0] and re.fullmatch(r"(?:['’]s)?\s*", text[end : span[0]]) is not None
        )
        if not (inside or attached):
            continue
        lead = text[max(span[0], start - 16) : start].lower().split()
        if _after(lead, language.host_prepositions, language.determiners):
            continue  # "Ambassador to Indonesia": the post's place, not the speaker's
        gap = (
            re.split(r"[\s,]+", text[portfolio_end:start].strip(" ,")) if portfolio_end >= 0 else []
        )
        if _after(lead, language.portfolio_prepositions, language.determiners) or (
            gap and all(w in language.list_words for w in gap)  # "of China and Korea"
        ):
            portfolio.append(code)
            portfolio_end = end
        else:
            own.append(code)
    return own + portfolio


def speaker_country(article: Article, person: Person, outlet_country: str | None) -> str | None:
    """The country the speaker serves (see the module docstring), never a partner's by
    mere mention."""
    text, language = article.text, article.language
    span = person.title_span
    if span is not None:
        named = _title_parties(article, span)
        if named:
            # "Interpol Secretary-General": an organisation's officer serves no country.
            return named[0] if _is_country(named[0], language) else None
        title_words = text[span[0] : span[1]].split()
        if language.possessive_suffixes and any(
            w.rstrip(",").endswith(tuple(language.possessive_suffixes)) for w in title_words
        ):
            # "Menteri Luarnya": its foreign minister — the country last named before.
            index = article.sentence_index(span[0])
            for previous in reversed(article.sentences[:index]):
                found = [
                    c
                    for s, e, c in article.partners
                    if previous[0] <= s < previous[1] and _is_country(c, language)
                ]
                if found:
                    return found[0]
    conferred = _conferring_country(person.honorific, language)
    if conferred:
        return conferred  # "Tan Sri", "Pehin": honours only one state confers
    if not written_natively(person.name, language):
        return None  # "ông Scott Schelble" in Vietnamese: a foreign speaker, country unknown
    if outlet_country and outlet_country in language.asean_members:
        return outlet_country
    return language.home_country


@cache
def _conferred(code: str) -> re.Pattern[str] | None:
    """The honours only one state confers, longest first, as one pattern."""
    from .langdata import pack

    names = sorted(pack(code).honorific_countries, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _conferring_country(honorific: str | None, language: LanguagePack) -> str | None:
    """The one country that confers an honorific the speaker bears, if any (the
    longest such honorific inside ``honorific``: "Yang Berhormat Dato Seri Setia")."""
    pattern = _conferred(language.code)
    if not honorific or pattern is None:
        return None
    found = [m.group() for m in pattern.finditer(honorific)]
    return language.honorific_countries[max(found, key=len)] if found else None


def written_natively(name: str, language: LanguagePack) -> bool:
    """Every word of ``name`` has the shape of a name written the language's own way
    (``native_name_word``: a Vietnamese syllable, a word of Thai script); a language
    without that shape takes every name as possibly its own."""
    shape = language.native_name_word
    return shape is None or all(shape.fullmatch(word) for word in name.split())


def find_speakers(
    article: Article, found: list[Candidate], model: FieldModel, outlet_country: str | None = None
) -> list[FoundSpeaker]:
    """Every person quoted, the principal first (empty when the model finds nobody)."""
    ranked: list[Scored] = rank(found, model)
    principal = best_value(ranked, model.kind == "choice")
    if principal is None or principal.probability < model.threshold:
        return []
    best: dict[int, Scored] = {}
    for scored in ranked:  # each person's most probable name variant
        best.setdefault(id(scored.candidate.data["person"]), scored)

    def quoted(scored: Scored) -> bool:
        """Everyone else the article quotes: words attributed by a speech verb or a
        quotation, to a person a title or honorific marks (``speakers`` lists them)."""
        person: Person = scored.candidate.data["person"]
        spoke = person.speech_after or person.speech_before or person.quoted or person.fronted
        return spoke and (person.title is not None or person.honorific is not None)

    others = sorted(
        (
            s
            for s in best.values()
            if s.candidate.data["person"] is not principal.candidate.data["person"] and quoted(s)
        ),
        key=lambda s: s.candidate.start,
    )
    speakers: list[FoundSpeaker] = []
    for scored in (principal, *others):
        person: Person = scored.candidate.data["person"]
        c = scored.candidate
        speakers.append(
            FoundSpeaker(
                c.value,
                person.title,
                person.honorific,
                speaker_country(article, person, outlet_country),
                (c.start, c.end),
                person.title_span,
                person.rule,
            )
        )
    return speakers

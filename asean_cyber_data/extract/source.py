"""The outlet that produced the text, read from where news copy names it.

Rules read the *shapes* in which an outlet names itself, for outlets no list has ever
named:

- ``dateline_parenthesis``: "KUALA LUMPUR (Bernama) --", "(VOVWORLD) -";
- ``dateline_comma``: "TEMPO.CO, Jakarta -", "Jakarta, IDN Times -" (either side);
- ``dateline_dash``: "TPO - ...", "Liputan6.com -", "เอเอฟพี - ...";
- ``signoff``: "— BERNAMA", "-- VNA", "(Yonhap)" closing the text;
- ``credit_line``: "Sumber: ...", "Nguồn: TTXVN", "Source: Reuters", "ที่มา: มติชน";
- ``copyright``: "© 2024 Utusan Malaysia", "Copyright © ANTARA 2018";
- ``masthead``: a first or last line that is only an outlet's name;
- ``follow_widget``: "Theo dõi ICTVietnam trên", "Follow X on Google News";
- ``attribution``: "told Bernama", "menurut Berita Harian";
- ``registry_mention``: an outlet of the registry named anywhere.

Each candidate has features of its shape (registry entry, web domain, all capitals,
an outlet word such as "News" or "Báo", a place, a person, the line it stands on);
the fitted model chooses among them or abstains. The outlet registry
(``data/outlets.yaml``) gives the canonical spelling; it does not decide what counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .article import Article, phrase_regex
from .candidates import ANSWER, Candidate, FieldModel, merge_by_value, select
from .langdata import UNSPACED_SCRIPTS, fold
from .registry import outlet_named, outlet_of_host, place_names

FIELD = "source"
#: Lines from the top where datelines and mastheads stand, and from the bottom for
#: sign-offs and footers.
TOP_LINES = 10
BOTTOM_LINES = 6
MAX_OUTLET_CHARS = 48
MAX_OUTLET_WORDS = 7

_DASH = r"(?:--|[-–—])"
_DOMAIN = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,6}$", re.IGNORECASE)
_URL = re.compile(r"https?://(?:www\.)?([^/\s]+)\S*")


@dataclass(frozen=True)
class FoundSource:
    name: str
    url: str | None
    start: int
    end: int
    rule: str
    country: str | None


@cache
def _patterns(code: str) -> dict[str, re.Pattern[str] | None]:
    from .langdata import pack

    language = pack(code)
    cues = "|".join(
        re.escape(c) + ("" if UNSPACED_SCRIPTS.match(c) else r"(?!\w)")  # "Theo", not "Theodore"
        for c in sorted(language.source_cues, key=len, reverse=True)
    )
    frames = []
    for frame in language.source_frames:
        before, _, after = frame.partition("{}")
        frames.append(re.escape(before) + r"([^\n]{2,48}?)" + re.escape(after))
    #: The words a follow widget opens with ("Theo dõi", "Follow"): a credit cue that
    #: begins them ("Theo", according to) is that phrase, not a credit line.
    leads = {f.partition("{}")[0].strip() for f in language.source_frames} - {""}
    widget = "|".join(re.escape(w) for w in sorted(leads, key=len, reverse=True))
    not_widget = rf"(?!(?:{widget})(?!\w))" if widget else ""
    return {
        "credit": re.compile(
            rf"(?:^|\n)[ \t]*{not_widget}(?:{cues})[ \t]*[:：៖]?[ \t]*(?P<outlet>[^\n]{{2,80}})",
            re.IGNORECASE,
        )
        if cues
        else None,
        "frames": re.compile("|".join(f"(?:{f})" for f in frames).replace("(?P<outlet>", "("))
        if frames
        else None,
        "attribution": phrase_regex(language.attribution_cues, re.IGNORECASE),
        "photo": phrase_regex(language.photo_cues, re.IGNORECASE),
        "outlet_word": phrase_regex(language.outlet_words, re.IGNORECASE),
        "honorific": phrase_regex(language.honorifics),
    }


def _clean(surface: str) -> str:
    """An outlet as written, without surrounding punctuation, brackets or a year."""
    surface = re.sub(r"\s+", " ", surface).strip(" \t-–—|:;,.()[]\"'“”")
    surface = re.sub(r"^(?:©|@|copyright)\s*", "", surface, flags=re.IGNORECASE)
    surface = re.sub(r"^\d{4}\s+|\s+\d{4}$", "", surface).strip()
    return surface


def _shape(name: str) -> bool:
    """Could ``name`` be an outlet's name at all (short, has letters, no sentence)?

    A comma marks a clause, except in a name the registry knows: a publisher's name
    can hold one ("Ministry of Economy, Trade and Industry")."""
    words = name.split()
    return (
        0 < len(name) <= MAX_OUTLET_CHARS
        and 0 < len(words) <= MAX_OUTLET_WORDS
        and any(c.isalpha() for c in name)
        and not re.search(r"[.!?]\s", name.removesuffix("."))
        and (not re.search(r"[,;]", name) or outlet_named(name) is not None)
    )


def _value(surface: str) -> tuple[str, str | None, str | None]:
    """(value, canonical registry name or None, country) for an outlet as written.

    The value is the outlet as the article names it ("TTXVN", "Kominfo"); a case
    variant of the registry name ("BERNAMA") or a web domain ("antaranews.com") becomes
    the registry name, so one outlet is not spelled three ways across records.
    """
    host = _URL.match(surface)
    key = host.group(1) if host else surface
    domain = bool(host or _DOMAIN.match(key))
    outlet = outlet_named(key) or (outlet_of_host(key) if domain else None)
    if outlet is None:
        return surface, None, None
    if domain or fold(surface) == fold(outlet.name):
        return outlet.name, outlet.name, outlet.country
    return surface, outlet.name, outlet.country


def _kind(canonical: str | None) -> dict[str, float]:
    """What kind of outlet the registry says it is: a ministry named in a story is more
    often an actor in it than its publisher."""
    outlet = outlet_named(canonical) if canonical else None
    if outlet is None:
        return {}
    governing = outlet.kind in ("government", "intergovernmental")
    return {"government": 1.0} if governing else {"news_outlet": 1.0}


class _Proposer:
    """Collects candidates with their shape features."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.pats = _patterns(article.language.code)
        self.found: list[Candidate] = []
        n = len(article.lines)
        # A short article's lines are its top half and its bottom half, not both at once.
        self.top = set(range(min(TOP_LINES, (n + 1) // 2 if n < TOP_LINES + BOTTOM_LINES else n)))
        self.bottom = {i for i in range(max(0, n - BOTTOM_LINES), n) if i not in self.top}
        #: The last lines, where sign-offs stand (in a one-line text, that line too).
        self.tail = set(range(max(0, n - BOTTOM_LINES), n))
        #: The first lines, where datelines stand: a headline and a summary of bullets
        #: can push the first paragraph past a short article's top half.
        self.head = set(range(min(TOP_LINES, n)))

    def add(self, rule: str, start: int, end: int, answer: object = None, **extra: float) -> None:
        """Propose the outlet written at ``text[start:end]``; candidates given one
        ``answer`` are one answer (see ``candidates.best_value``)."""
        text = self.article.text
        surface = _clean(text[start:end])
        if not surface or not _shape(surface):
            return
        at = text.find(surface, start, end + 1)
        start, end = (at, at + len(surface)) if at >= 0 else (start, end)
        value, canonical, country = _value(surface)
        if fold(value) in place_names() and canonical is None:
            return  # "JAKARTA -": where the story was filed, never its outlet
        self.found.append(
            Candidate(
                FIELD,
                value,
                start,
                end,
                rule,
                {**self._features(surface, canonical, start, end), **_kind(canonical), **extra},
                {"canonical": canonical, "country": country}
                | ({ANSWER: answer} if answer is not None else {}),
            )
        )

    def _features(
        self, surface: str, canonical: str | None, start: int, end: int
    ) -> dict[str, float]:
        article, text, pats = self.article, self.article.text, self.pats
        line = article.line_index(start)
        lines = len(article.lines)
        before = text[max(0, start - 40) : start]
        partner = any(s <= start and end <= e for s, e, _ in article.partners)
        words = surface.split()
        outlet_word = pats["outlet_word"]
        honorific = pats["honorific"]
        photo = pats["photo"]
        return {
            "registry": 1.0 if canonical else 0.0,
            "domain": 1.0 if _DOMAIN.match(surface) else 0.0,
            "all_caps": 1.0 if surface.isupper() and len(surface) > 1 else 0.0,
            "outlet_word": 1.0 if outlet_word and outlet_word.search(surface) else 0.0,
            "partner_name": 1.0 if partner else 0.0,
            "defines_acronym": 1.0 if _defines(text, start, end) else 0.0,
            "after_honorific": 1.0
            if honorific and any(m.end() >= len(before) - 1 for m in honorific.finditer(before))
            else 0.0,
            "photo_credit": 1.0 if photo and photo.search(before[-25:]) else 0.0,
            "one_word": 1.0 if len(words) == 1 else 0.0,
            "long": 1.0 if len(words) > 4 else 0.0,
            "top": 1.0 if line in self.top else 0.0,
            "first_line": 1.0 if line == 0 else 0.0,
            "bottom": 1.0 if line in self.bottom else 0.0,
            "middle": 1.0 if line not in self.top and line not in self.bottom else 0.0,
            "repeated": 1.0 if article.text.count(surface) > 1 else 0.0,
            "lines_short": 1.0 if lines <= 3 else 0.0,
        }


@cache
def _stop_words(code: str) -> frozenset[str]:
    from .langdata import pack

    language = pack(code)
    return frozenset(
        {w.casefold() for g in language.grammars for w in g.stop_words}
        | {w.casefold() for w in language.host_prepositions}
    )


def _before_stop(article: Article, value: str) -> int:
    """Length of ``value`` up to its first stop word ("TTXVN tại Thái Lan" → "TTXVN"):
    what follows an outlet on a credit line is where or when, not the outlet."""
    stops = _stop_words(article.language.code)
    for m in re.finditer(r"\S+", value):
        if m.start() and m.group().casefold() in stops:
            return len(value[: m.start()].rstrip())
    return len(value)


def _registry_prefix(value: str) -> int:
    """Length of the longest run of ``value``'s first words that is a registry outlet
    ("The Star desk" → "The Star"), or 0: a credit line's outlet, then who at it."""
    words = list(re.finditer(r"\S+", value))
    for count in range(min(len(words), MAX_OUTLET_WORDS), 0, -1):
        end = words[count - 1].end()
        if outlet_named(value[:end].rstrip(".,;:")):
            return len(value[:end].rstrip(".,;:"))
    return 0


def _defines(text: str, s: int, e: int) -> bool:
    """ "Australian Federal Police (AFP)": the bracket spells the words before it."""
    acronym = text[s:e]
    if not acronym.isupper() or text[s - 1 : s] != "(":
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[max(0, s - 80) : s - 1])
    caps = [w for w in words if w[:1].isupper()]
    initials = "".join(w[0] for w in caps[-len(acronym) :]).upper()
    return initials == acronym


#: A metadata stamp a scraper wrote before the dateline ("date 2017-07-08 SINGAPORE: ..."):
#: the dateline shapes are read after it.
_STAMP = re.compile(r"\s*(?:date\s+)?\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+", re.I)


def _top_lines(p: _Proposer) -> list[tuple[int, int, str]]:
    """``(index, start, line)`` of the first lines, each past a scraper's date stamp."""
    text = p.article.text
    found = []
    for index in sorted(p.head):
        ls, le = p.article.lines[index]
        stamp = _STAMP.match(text, ls, le)
        start = stamp.end() if stamp else ls
        found.append((index, start, text[start:le]))
    return found


def _dateline_parenthesis(p: _Proposer) -> None:
    """ "KUALA LUMPUR (Bernama) --", "(VOVWORLD) -", "Kuala Lumpur (PNA/Kyodo) —"."""
    for _index, ls, line in _top_lines(p):
        m = re.match(r"[^\n(]{0,40}?\((?P<o>[^()\n]{2,48})\)\s*" + _DASH, line)
        if not m or re.search(r"\d{1,2}[/.]\d{1,2}|\d{4}", m.group("o")):
            continue
        inside = m.group("o")
        parts = re.split(r"\s*/\s*", inside) if "/" in inside and "." not in inside else [inside]
        offset = ls + m.start("o")
        for part in parts:  # "PNA/Kyodo": both agencies
            at = inside.find(part)
            p.add(
                "dateline_parenthesis",
                offset + at,
                offset + at + len(part),
                answer=("credit", offset) if len(parts) > 1 else None,
                shared=float(len(parts) > 1),
            )


def _dateline_comma(p: _Proposer) -> None:
    """ "TEMPO.CO, Jakarta -", "Jakarta, IDN Times -": either side may be the outlet."""
    for _index, ls, line in _top_lines(p):
        m = re.match(r"(?P<a>[^\n,()]{2,48}),\s*(?P<b>[^\n,()]{2,48}?)\s*" + _DASH + r"\s", line)
        if not m:
            continue
        for side in ("a", "b"):
            other = m.group("b" if side == "a" else "a").strip()
            if re.search(r"\d", m.group(side)) and not _DOMAIN.match(m.group(side).strip()):
                continue  # a date, not an outlet
            p.add(
                "dateline_comma",
                ls + m.start(side),
                ls + m.end(side),
                first_side=1.0 if side == "a" else 0.0,
                other_is_place=1.0 if fold(other) in place_names() else 0.0,
                other_all_caps=1.0 if other.isupper() else 0.0,
            )


def _dateline_dash(p: _Proposer) -> None:
    """ "TPO - ...", "Liputan6.com -", "เอเอฟพี - ..."."""
    for _index, ls, line in _top_lines(p):
        m = re.match(r"(?P<o>[^\n,()]{2,48}?)\s*" + _DASH + r"\s+\S", line)
        if m and (
            not re.search(r"\d", m.group("o").replace(".", ""))
            or _DOMAIN.match(m.group("o").strip())
        ):
            p.add("dateline_dash", ls + m.start("o"), ls + m.end("o"))


def _signoff(p: _Proposer) -> None:
    """ "— BERNAMA", "-- VNA", "(Yonhap)" closing the text."""
    text = p.article.text
    for index in sorted(p.tail):
        ls, le = p.article.lines[index]
        line = text[ls:le]
        last = float(index == len(p.article.lines) - 1)
        m = re.search(r"(?:^|\s|[.”\"])" + _DASH + r"\s*(?P<o>[^\n\-–—]{2,48}?)\s*$", line)
        if m:
            p.add("signoff", ls + m.start("o"), ls + m.end("o"), last_line=last)
        m = re.search(r"\((?P<o>[^()\n]{2,40})\)\s*\.?\s*$", line)
        if m:
            p.add("signoff", ls + m.start("o"), ls + m.end("o"), last_line=last)


def _credit_line(p: _Proposer) -> None:
    """ "Sumber: ...", "Nguồn: TTXVN", "Source: Reuters", "ที่มา: มติชน", "Theo TTXVN"."""
    credit = p.pats["credit"]
    if not credit:
        return
    for m in credit.finditer(p.article.text):
        value = m.group("outlet")
        url = _URL.search(value)
        if url:
            p.add(
                "credit_line",
                m.start("outlet") + url.start(1),
                m.start("outlet") + url.end(1),
                url=1.0,
            )
            continue
        cut = re.match(r"[^\n,;|(]{2,48}", value)
        if cut:
            value = value[: cut.end()]
            end = m.start("outlet") + (_registry_prefix(value) or _before_stop(p.article, value))
            p.add("credit_line", m.start("outlet"), end)


def _copyright(p: _Proposer) -> None:
    """ "© 2024 Utusan Malaysia", "Copyright © ANTARA 2018", "Hak cipta ..."."""
    for m in re.finditer(
        # (the no-word-before test after the first letter: see ``langdata.NO_WORD_BEFORE_FIRST``)
        r"(?:©|C(?<![\w][\s\S])opyright\b|H(?<![\w][\s\S])ak [Cc]ipta\b)"
        r"[ \t]*(?:©)?[ \t]*(?:\d{4}[ \t]*)?"
        r"(?P<o>[^\n.,|©]{2,48})",
        p.article.text,
    ):
        p.add("copyright", m.start("o"), m.end("o"))


def _follow_widget(p: _Proposer) -> None:
    """ "Theo dõi ICTVietnam trên", "Follow X on Google News" (the language's frames)."""
    frames = p.pats["frames"]
    if not frames:
        return
    for m in frames.finditer(p.article.text):
        group = next(i for i in range(1, (m.re.groups or 0) + 1) if m.group(i) is not None)
        p.add("follow_widget", m.start(group), m.end(group))


def _masthead(p: _Proposer) -> None:
    """A first or last line that is only a name ("Bangkok Post", "UTUSAN MALAYSIA | ...");
    any top line that is only a registry outlet ("The Jakarta Post")."""
    text, lines = p.article.text, p.article.lines
    edge = set(range(min(3, len(lines)))) | {i for i in p.bottom if i >= len(lines) - 3}
    registry_lines = {
        p.article.line_index(s)
        for s, e, _ in p.article.outlets
        if text[slice(*p.article.line_span(s))].strip() == text[s:e]
    }
    credit = p.pats["credit"]
    for index in sorted(edge | (registry_lines & p.top)):
        ls, le = lines[index]
        if credit and credit.match(text, max(0, ls - 1)):
            continue  # "Nguồn: TTXVN" is a credit line, read by its own rule
        body = re.sub(r"\s*[|•·].*$", "", text[ls:le]).strip()
        if body and _shape(body) and len(body.split()) <= 6:
            at = text.find(body, ls, le)
            p.add("masthead", at, at + len(body), own_line=1.0)


def _attribution(p: _Proposer) -> None:
    """ "told Bernama", "menurut Berita Harian": a registry outlet after an attribution cue."""
    attribution = p.pats["attribution"]
    if not attribution:
        return
    text = p.article.text
    for start, end, _name in p.article.outlets:
        if any(m.end() >= start - 2 for m in attribution.finditer(text, max(0, start - 30), start)):
            p.add("attribution", start, end)


def _registry_mention(p: _Proposer) -> None:
    """An outlet of the registry named anywhere (its position is in the features).

    Feature ``defined_otherwise``: the text defines the acronym as another entry of
    the registry, and then every mention of it means that entry: after "Armed Forces
    of the Philippines (AFP)", "AFP" is the armed forces, not the wire agency that
    shares its letters. An outlet's own acronym after its name ("Vietnam News Agency
    (VNA)") is not, nor one after words the registry does not know (an old name of the
    same body).
    """
    hits = p.article.outlets
    text = p.article.text
    defined_otherwise = {
        text[start:end]
        for start, end, name in hits
        if _defines(text, start, end)
        and any(
            other != name and e <= start and not text[e : start - 1].strip()
            for _s, e, other in hits
        )
    }
    for start, end, _name in hits:
        p.add(
            "registry_mention",
            start,
            end,
            defined_otherwise=1.0 if text[start:end] in defined_otherwise else 0.0,
        )


@dataclass(frozen=True)
class Rule:
    """A named rule: proposes candidates with the span it read."""

    name: str
    propose: Callable[[_Proposer], None]


#: The rules, in order of trust (a value several propose keeps the first one's span).
RULES = (
    Rule("dateline_parenthesis", _dateline_parenthesis),
    Rule("dateline_comma", _dateline_comma),
    Rule("dateline_dash", _dateline_dash),
    Rule("signoff", _signoff),
    Rule("credit_line", _credit_line),
    Rule("copyright", _copyright),
    Rule("follow_widget", _follow_widget),
    Rule("masthead", _masthead),
    Rule("attribution", _attribution),
    Rule("registry_mention", _registry_mention),
)


def candidates(article: Article) -> list[Candidate]:
    """Every outlet candidate, one per value (its features merged over the rules)."""
    proposer = _Proposer(article)
    for rule in RULES:
        rule.propose(proposer)
    return merge_by_value(proposer.found, key="canonical")


def find_source(article: Article, found: list[Candidate], model: FieldModel) -> FoundSource | None:
    """The outlet named in the text, with the span it was read from (or None)."""
    chosen = select(found, model)
    if chosen is None:
        return None
    c = chosen.candidate
    url_line = article.line_span(c.start)
    url = _URL.search(article.text, c.start, url_line[1])
    return FoundSource(
        c.value, url.group() if url else None, c.start, c.end, c.rule, c.data.get("country")
    )

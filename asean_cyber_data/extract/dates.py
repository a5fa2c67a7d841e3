"""The article's date: dateline or publication date, else the reported event's date.

Rules propose every date the text writes — ``iso`` (``2024-03-03``), ``numeric``
(``3/12/2024``, day-first unless the language writes month-first), ``day_month``
(``3 March 2024``, ``ngày 1 tháng 8 năm 2019``, ``๗ ตุลาคม ๒๕๖๓``), ``month_day``
(``March 3, 2024``), ``partial_numeric`` (``Senin (4/9)``, ``sáng 26/10``) and
``month_only`` (``HANOI, March 2024 (VNA)``: precision ``month``, day written as 01).

**Never an invented year.** A candidate keeps a year only when it is

- written with the date (``year=written``);
- pinned by a weekday written next to the date that fits exactly one year written in
  the text (``year=weekday``), or, when the text writes no year, exactly one year from
  the first year of the mechanisms it names (the registry's ``first_year``) to the
  release's ``latest_year`` (``year=weekday_registry``); or
- pinned by a numbered meeting named in the text ("the 13th AMMTC" → 2019; session
  years are the mechanism registry's ``sessions``) (``year=meeting``, with the
  meeting's span as evidence); or
- the one year the text writes elsewhere ("sebagai Pengerusi ASEAN 2025") or, when it
  writes several, the latest (``year=text_only`` / ``year=text_latest``): written in
  the article, but not with the date, so the model trusts these least; or
- after a dated event of the calendar the text calls recent ("the recent signing of the
  Hanoi Convention", 25 Oct 2025 → "6 November" is 2025) (``year=recent_event``).

Otherwise the date is not a candidate at all: a month and day alone cannot be written
as ``YYYY-MM-DD``. Buddhist Era years (2567 = 2024) are read only in languages whose
data says so (``buddhist_era``). The fitted model chooses among the candidates by their
position (header, first line, dateline shape, a publication cue) and how the year was
fixed, or abstains.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..datafiles import read_yaml
from .article import Article, phrase_regex
from .candidates import Candidate, FieldModel, select
from .langdata import LanguagePack, PhraseMatcher, pack, trie_pattern
from .registry import mechanism, mechanisms

FIELD = "date"
HEADER_CHARS = 200
BUDDHIST_ERA_OFFSET = 543
#: The word after a series name (past a bracketed acronym): when it is capitalised, the
#: series name is part of a longer name.
_NEXT_WORD = re.compile(r"[ \t]+(?:\([\w+-]+\)[ \t]+)?([^\W\d_][\w'’-]*)")
#: A time of day after a date: "10:15", "10.15", "10h15", and the minutes some sites
#: write unpadded with a prime ("15:3'(GMT+7)"), or a time zone.
_TIME = re.compile(
    r"\s*[,|-]?\s*(?:\d{1,2}[:h]\d{1,2}(?!\d)'?|\d{1,2}\.\d{2}|WIB|WITA|GMT|ICT|MYT|SGT|PHT)"
)


@dataclass(frozen=True)
class FoundDate:
    date: str | None
    precision: str | None
    start: int = 0
    end: int = 0
    rule: str = ""
    #: Where the year came from when it was not written with the date (a meeting).
    year_evidence: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Written:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    rule: str
    precision: str = "day"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def _starts(phrases: Iterable[str], also: str = "") -> str:
    """A lookahead for the first characters of ``phrases`` (and the class ``also``)."""
    firsts = "".join(sorted({re.escape(p[0]) for p in phrases if p}))
    return f"(?=[{firsts}{also}])" if firsts or also else ""


@cache
def _patterns(code: str) -> dict[str, re.Pattern[str]]:
    language = pack(code)
    months = trie_pattern(language.months)  # a trie: most positions fail on one character
    weekdays = trie_pattern(language.weekdays)
    # What a match can start with, looked ahead for first: a caseless pattern cannot skip
    # ahead to a literal, but it can to a class (1.5× faster on a month pattern).
    month_start = _starts(language.months)
    day_start = _starts(language.day_prefixes, r"\d")
    year_words = "|".join(re.escape(w) for w in language.year_introducers) or "(?!x)x"
    day_prefixes = "|".join(re.escape(w) for w in language.day_prefixes) or "(?!x)x"
    day_links = "|".join(re.escape(w) for w in language.day_month_links) or "(?!x)x"
    year = rf"(?:,?\s*(?:{year_words})?\s*(?P<year>\d{{4}})(?!\d))?"
    joiners = "|".join(re.escape(c) for c in language.conjunctions if " " not in c)
    #: "6-7 Oct", "October 7 and 8, 2014": a range of days; the first day is the date.
    range_ = (
        rf"(?:\s*(?:[-–]|(?:{joiners})\s)\s*\d{{1,2}}(?!\d))?"
        if joiners
        else r"(?:\s*[-–]\s*\d{1,2}(?!\d))?"
    )
    # A test of what precedes a number is written after its first digit ("\\d(?<!\\d\\d)"
    # is "(?<!\\d)\\d"): a pattern that starts with a digit lets ``re`` skip to the
    # digits of the text instead of trying the lookbehind at every place (3–4× faster).
    return {
        "iso": re.compile(r"(?P<year>\d(?<!\d\d)\d{3})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
        "numeric": re.compile(
            r"(?P<day>\d(?<![\d/.]\d)\d?)(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"
        ),
        "day_month": re.compile(
            rf"{day_start}(?<![\w\d])(?:{day_prefixes})?(?P<day>\d{{1,2}})(?:st|nd|rd|th|er)?"
            rf"{range_}\s*"
            rf"(?:(?:{day_links})\s*)?(?P<mname>{months})\.?(?![^\W\d_]){year}",
            re.IGNORECASE,
        ),
        "month_day": re.compile(
            rf"{month_start}(?<![\w])(?P<mname>{months})\.?,?\s+(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?{range_}"
            rf"(?:(?![\d/]){year}|/(?P<year2>\d{{4}})(?!\d))",
            re.IGNORECASE,
        ),
        "month_only": re.compile(
            rf"{month_start}(?<![\w\d])(?P<mname>{months})\.?,?\s+(?:{year_words})?\s*"
            rf"(?P<year>\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
        "partial_numeric": re.compile(r"(?P<day>\d(?<![\d/.]\d)\d?)/(?P<month>\d{1,2})(?![\d/])"),
        "weekday": re.compile(
            rf"{_starts(language.weekdays)}(?<![\w])(?:{weekdays})(?![\w])", re.IGNORECASE
        )
        if weekdays
        else re.compile(r"(?!x)x"),
        # 1960–2049 or a Buddhist Era 25xx, not inside a longer number
        "year": re.compile(
            r"((?:1(?<![\d.,/-]1)9[6-9]|2(?<![\d.,/-]2)(?:0[0-4]|5[0-9]))\d)(?![\d.,]\d|\d)"
        ),
    }


def _year(value: str, language: LanguagePack) -> int | None:
    """A written year; Buddhist Era only where the language data says so."""
    year = int(value)
    if year > 2400:
        return year - BUDDHIST_ERA_OFFSET if language.buddhist_era else None
    return year


def _written_dates(article: Article) -> list[_Written]:
    """Every date the text writes, longest first at each place, no overlaps."""
    if "dates" not in article.memo:
        article.memo["dates"] = _find_written_dates(article)
    found: list[_Written] = article.memo["dates"]
    return found


def _find_written_dates(article: Article) -> list[_Written]:
    text, language = article.digits, article.language
    pats = _patterns(language.code)
    found: list[_Written] = []
    for kind in ("iso", "numeric", "day_month", "month_day"):
        for m in pats[kind].finditer(text):
            groups = m.groupdict()
            name = groups.get("mname")
            month = (
                language.months.get(name.casefold().rstrip(".")) if name else int(groups["month"])
            )
            if month is None:
                continue
            if name and name.casefold() in language.capital_months and not name[:1].isupper():
                continue  # "may 12 bansa": the word "may", not the month May
            day = int(groups["day"])
            raw_year = groups.get("year") or groups.get("year2")
            year = _year(raw_year, language) if raw_year else None
            if raw_year and year is None:
                continue
            if kind == "numeric" and (language.month_first or month > 12) and day <= 12:
                day, month = month, day  # "3/12/2024" in Filipino; "07/25/2024" anywhere
            if month > 12 or not _valid(year or 2000, month, day):
                continue
            found.append(_Written(m.start(), m.end(), day, month, year, kind))
    for m in pats["month_only"].finditer(text):
        month = language.months.get(m.group("mname").casefold().rstrip("."))
        year = _year(m.group("year"), language)
        if month and year and _valid(year, month, 1):
            found.append(_Written(m.start(), m.end(), 1, month, year, "month_only", "month"))
    introducers = tuple(language.date_introducers)
    weekday = pats["weekday"]
    for m in pats["partial_numeric"].finditer(text):
        before = text[max(0, m.start() - 16) : m.start()]
        introduced = before.rstrip().endswith(introducers) if introducers else False
        parenthesised = before.endswith("(") and text[m.end() : m.end() + 1] == ")"
        line_start = text.rfind("\n", 0, m.start()) + 1
        dateline = (
            re.fullmatch(r"[^\W\d][^\n,]{0,30},\s*", text[line_start : m.start()]) is not None
            and re.compile(r"\s*\([^)\n]{2,30}\)").match(text, m.end()) is not None
        )
        if not (introduced or parenthesised or dateline or weekday.search(before)):
            continue
        day, month = int(m.group("day")), int(m.group("month"))
        if month <= 12 and _valid(2000, month, day):
            found.append(_Written(m.start(), m.end(), day, month, None, "partial_numeric"))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Written] = []
    for cand in found:
        if kept and cand.start < kept[-1].end:
            continue
        kept.append(cand)
    return kept


@cache
def _calendar() -> dict[str, Any]:
    loaded: dict[str, Any] = read_yaml("calendar.yaml")
    return loaded


@cache
def _series_matcher() -> PhraseMatcher:
    """Names of the registry's numbered series (those with ``sessions``) → their id."""
    series = {name: m.id for m in mechanisms() if m.sessions is not None for name in m.names}
    return PhraseMatcher.build(series, all_caps=False)


#: What may stand between a series name and its ordinal: words (at most this many
#: characters of them) and bracketed asides ("AMMTC (…) ke-13"), never a clause boundary.
MAX_ORDINAL_GAP = 25
_GAP_WORDS = re.compile(r"[\s\w'’-]*")
#: A year that begins or ends a period of years ("2026–2030", "2021 - 2025", "2024/2025").
_PERIOD_AFTER = re.compile(r"\s?[-–—/]\s?\d{4}(?!\d)")
_PERIOD_BEFORE = re.compile(r"(?<!\d)\d{4}\s?[-–—/]\s?$")
_BRACKETED = re.compile(r"\([^()\n]{0,60}\)")


@cache
def _ordinal_patterns(code: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The language's ordinals written before a name ("13th") and after it ("ke-13",
    "lần thứ 13"), each one alternation read whole (never a digit cut off)."""
    language = pack(code)
    befores = [g for gram in language.grammars for g in gram.ordinal_before]
    afters = [g for gram in language.grammars for g in gram.ordinal_after]

    def compiled(patterns: list[str]) -> re.Pattern[str] | None:
        if not patterns:
            return None
        return re.compile(r"(?<!\d)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\d)")

    return compiled(befores), compiled(afters)


def _ordinals(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int, int]]:
    """``(start, end, number)`` of every ordinal ``pattern`` finds."""
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(text):
        number = next((g for g in m.groups() if g), None)
        if number:
            found.append((m.start(), m.end(), int(number)))
    return found


def _attached(text: str, start: int, end: int, names: list[tuple[int, int, str]]) -> bool:
    """Nothing but a few words or a bracketed aside lies between ``start`` and ``end``:
    no punctuation that ends a clause and no other series name outside the brackets."""
    asides = [(m.start(), m.end()) for m in _BRACKETED.finditer(text, start, end)]
    rest = _BRACKETED.sub("", text[start:end])
    if len(rest) > MAX_ORDINAL_GAP or not _GAP_WORDS.fullmatch(rest):
        return False
    return not any(
        start <= s and e <= end and not any(a <= s and e <= b for a, b in asides)
        for s, e, _ in names
    )


def meeting_years(article: Article) -> list[tuple[int, int, int]]:
    """``(year, start, end)`` of every numbered meeting of the calendar the text names.

    Each mention reads its own ordinal: the nearest one of the language's shape before
    it ("the 13th AMMTC") or after it ("AMMTC ke-13"), attached to it by nothing but a
    few words — so in "the 13th AMMTC and the 19th AMMTC" the second is the 19th.
    """
    text = article.digits
    names = _series_matcher().finditer(text)
    if not names:
        return []
    before, after = _ordinal_patterns(article.language.code)
    befores, afters = _ordinals(before, text), _ordinals(after, text)
    found: list[tuple[int, int, int]] = []
    for start, end, identifier in names:
        follower = _NEXT_WORD.match(text, end)
        if follower and follower.group(1)[:1].isupper():
            continue  # "5th ASEAN Regional Forum Inter-Sessional Meeting" is not the 5th ARF
        sessions = mechanism(identifier).sessions
        assert sessions is not None
        numbered: list[tuple[int, int, int]] = []
        ahead = [o for o in befores if o[1] <= start]
        if ahead and _attached(text, ahead[-1][1], start, names):
            numbered.append((ahead[-1][2], ahead[-1][0], end))
        behind = [o for o in afters if o[0] >= end]
        if behind and _attached(text, end, behind[0][0], names):
            numbered.append((behind[0][2], start, behind[0][1]))
        for number, s, e in numbered:
            year = sessions.year_of(number)
            if year:
                found.append((year, s, e))
    return found


def _weekday_near(article: Article, start: int, end: int) -> int | None:
    """The weekday written right next to a date ("Friday (Sept 14)", "Senin (4/9)")."""
    text, language = article.digits, article.language
    weekday = _patterns(language.code)["weekday"]
    before = text[max(0, start - 14) : start]
    after = text[end : end + 14]
    for window, pick in ((before, -1), (after, 0)):
        hits = list(weekday.finditer(window))
        if hits:
            return language.weekdays.get(hits[pick].group().casefold())
    return None


@cache
def _event_matcher() -> PhraseMatcher:
    """Dated events of the calendar → their date."""
    events = {name: str(e["date"]) for e in _calendar().get("events") or [] for name in e["names"]}
    return PhraseMatcher.build(events)


def recent_events(article: Article) -> list[tuple[dt.date, int, int]]:
    """``(date, start, end)`` of every dated event the text names as recent."""
    cues = phrase_regex(article.language.recency_cues, re.IGNORECASE)
    if cues is None:
        return []
    found = []
    for start, end, value in _event_matcher().finditer(article.text):
        sentence = article.sentence_at(start)
        if cues.search(article.text, sentence[0], sentence[1]):
            found.append((dt.date.fromisoformat(value), start, end))
    return found


@dataclass(frozen=True)
class _Context:
    """What every date candidate's features are measured against."""

    years: tuple[int, ...]
    meetings: tuple[tuple[int, int, int], ...]
    latest: dt.date | None
    events: tuple[tuple[dt.date, int, int], ...] = ()
    #: The first year every mechanism the text names existed in (the registry's
    #: ``first_year``): an article that names it is not older.
    not_before: int | None = None


def _context(article: Article, written: list[_Written]) -> _Context:
    pats = _patterns(article.language.code)
    earliest, last = _year_range()
    years: list[int] = []
    text = article.digits
    for m in pats["year"].finditer(text):
        before = _PERIOD_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if before or _PERIOD_AFTER.match(text, m.end()):
            continue  # "Strategy 2026–2030", "the 2021-2025 plan": a period, not a year of news
        year = _year(m.group(1), article.language)
        if year is not None and earliest <= year <= last and year not in years:
            years.append(year)
    full = [dt.date(w.year, w.month, w.day) for w in written if w.year and w.precision == "day"]
    started = [mechanism(identifier).first_year for _s, _e, identifier in article.mechanisms]
    return _Context(
        tuple(years),
        tuple(meeting_years(article)),
        max(full, default=None),
        tuple(recent_events(article)),
        max((y for y in started if y is not None), default=None),
    )


def _year_range() -> tuple[int, int]:
    """The years an article's date can be in (``calendar.yaml``): before
    ``earliest_year`` is history in the text ("since 1973"), after ``latest_year`` a
    plan ("Vision 2030", "by 2035"), never the article's own year."""
    calendar = _calendar()
    return int(calendar.get("earliest_year", 1900)), int(calendar.get("latest_year", 9999))


def _pin_year(
    article: Article, w: _Written, context: _Context
) -> tuple[int, str, tuple[int, int] | None] | None:
    """The year of a written date and how it was fixed, or None (never a guess)."""
    if w.year is not None:
        return w.year, "written", None
    weekday = _weekday_near(article, w.start, w.end)
    if weekday is not None:
        fitting = {
            y
            for y in (*context.years, *(m[0] for m in context.meetings))
            if _valid(y, w.month, w.day) and dt.date(y, w.month, w.day).weekday() == weekday
        }
        if len(fitting) == 1:
            return fitting.pop(), "weekday", None
        if not fitting and not context.years and context.not_before is not None:
            # No year written, but the mechanisms named bound the years from below and
            # the release's last year from above: "Friday (Sept 14)" in an article on a
            # centre opened in 2018 is 2018 when no later year in range has that weekday.
            low, high = max(context.not_before, _year_range()[0]), _year_range()[1]
            fitting = {
                y
                for y in range(low, high + 1)
                if _valid(y, w.month, w.day) and dt.date(y, w.month, w.day).weekday() == weekday
            }
            if len(fitting) == 1:
                return fitting.pop(), "weekday_registry", None
        return None  # the weekday written beside the date fits no year the text gives
    meeting_years_ = {m[0] for m in context.meetings}
    if len(meeting_years_) == 1:
        year, start, end = context.meetings[0]
        if _valid(year, w.month, w.day):
            return year, "meeting", (start, end)
    event_dates = {e[0] for e in context.events}
    if len(event_dates) == 1:
        # "6 November" after "the recent signing of the Hanoi Convention" (25 Oct 2025):
        # the first such day after the event.
        event, start, end = context.events[0]
        year = event.year if (w.month, w.day) >= (event.month, event.day) else event.year + 1
        if _valid(year, w.month, w.day):
            return year, "recent_event", (start, end)
    # A year the text writes elsewhere ("sebagai Pengerusi ASEAN 2025", "ACID 2021"):
    # written, but not with the date — the model weighs how far that is to be trusted.
    if len(context.years) == 1:
        return context.years[0], "text_only", None
    if context.years:
        return max(context.years), "text_latest", None
    return None


def candidates(article: Article) -> list[Candidate]:
    """Every date the text fixes to a day (or, from a dateline, a month)."""
    written = _written_dates(article)
    context = _context(article, written)
    text = article.text
    cues = phrase_regex(article.language.publication_cues, re.IGNORECASE)
    introducers = phrase_regex(article.language.date_introducers)
    found: list[Candidate] = []
    seen_values: dict[str, int] = {}
    for index, w in enumerate(written):
        pinned = _pin_year(article, w, context)
        if pinned is None:
            continue
        year, how, evidence = pinned
        if not _valid(year, w.month, w.day):
            continue
        value = f"{year:04d}-{w.month:02d}-{w.day:02d}"
        seen_values[value] = seen_values.get(value, 0) + 1
        line = article.line_index(w.start)
        ls, _le = article.line_span(w.start)
        before_line = text[ls : w.start]
        before = text[max(0, w.start - 25) : w.start]
        date = dt.date(year, w.month, w.day)
        features = {
            "header": 1.0 if w.start < HEADER_CHARS else 0.0,
            "first_line": 1.0 if line == 0 else 0.0,
            "early_line": 1.0 if line < 4 else 0.0,
            "position": round(w.start / max(1, len(text)), 4),
            "line_start": 1.0 if not before_line.strip() else 0.0,
            "dateline": 1.0
            if re.fullmatch(
                r"[^\W\d][^\n,.]{0,40}[,(]\s*(?:[^\W\d][^\n,)]{0,30}[,)]\s*)?", before_line
            )
            else 0.0,
            "outlet_after": 1.0
            if re.match(r"\s*\(\s*[^\W\d][^)\n]{1,30}\)", text[w.end : w.end + 40])
            else 0.0,
            "publication_cue": 1.0 if cues and cues.search(before) else 0.0,
            "introduced": 1.0 if introducers and introducers.search(before[-12:]) else 0.0,
            "time_after": 1.0 if _TIME.match(text, w.end) else 0.0,
            "in_parentheses": 1.0 if "(" in before[-3:] else 0.0,
            "weekday_adjacent": 1.0 if _weekday_near(article, w.start, w.end) is not None else 0.0,
            "year_weekday": 1.0 if how == "weekday" else 0.0,
            "year_weekday_registry": 1.0 if how == "weekday_registry" else 0.0,
            "year_meeting": 1.0 if how == "meeting" else 0.0,
            "year_text_only": 1.0 if how == "text_only" else 0.0,
            "year_recent_event": 1.0 if how == "recent_event" else 0.0,
            "year_text_latest": 1.0 if how == "text_latest" else 0.0,
            "month_only": 1.0 if w.precision == "month" else 0.0,
            "latest": 1.0 if context.latest is not None and date == context.latest else 0.0,
            "older": 1.0
            if context.latest is not None and (context.latest - date).days > 366
            else 0.0,
            "first_candidate": 1.0 if index == 0 else 0.0,
        }
        found.append(
            Candidate(
                FIELD,
                value,
                w.start,
                w.end,
                w.rule,
                features,
                {"precision": w.precision, "year": how, "year_evidence": evidence},
            )
        )
    # The latest day the text dates, whatever fixed its year (a publication date is
    # rarely earlier than the events it reports).
    days = [dt.date.fromisoformat(c.value) for c in found if c.data["precision"] == "day"]
    latest = max(days, default=None)

    def relative(c: Candidate) -> dict[str, float]:
        date = dt.date.fromisoformat(c.value)
        return {
            "repeated": 1.0 if seen_values[c.value] > 1 else 0.0,
            "latest": 1.0 if latest is not None and date == latest else 0.0,
            "older": 1.0 if latest is not None and (latest - date).days > 366 else 0.0,
        }

    return [
        Candidate(c.field, c.value, c.start, c.end, c.rule, {**c.features, **relative(c)}, c.data)
        for c in found
    ]


def find_date(found: list[Candidate], model: FieldModel, given: str | None = None) -> FoundDate:
    """The record's ``date`` and ``date_precision`` with the span it was read from.

    A date given as metadata (a JSONL field, an HTML page's publication date) is the
    publication date and wins over the text.
    """
    if given:
        parsed = _parse_given(given)
        if parsed:
            return FoundDate(parsed, "day", rule="given")
    chosen = select(found, model)
    if chosen is None:
        return FoundDate(None, None)
    c = chosen.candidate
    return FoundDate(
        c.value, str(c.data["precision"]), c.start, c.end, c.rule, c.data.get("year_evidence")
    )


def _parse_given(value: str) -> str | None:
    """A date given as metadata (JSONL ``date``, HTML meta) → ``YYYY-MM-DD``."""
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


#: How far after the publication date an event can lie ("tomorrow's meeting") and how far
#: before it a weekday or a year-less date is looked for.
EVENT_WINDOW_DAYS = 7
LEAD_SENTENCES = 3


def find_event_date(article: Article, published: FoundDate) -> FoundDate:
    """The date of the reported event, when the lead fixes it relative to the dateline.

    A second day-level date in the lead sentences ("ngày 1/8", "sáng 26/10") takes the
    publication year (the year before when that would put it well after publication); a
    weekday in the lead ("on Friday", "pada Khamis") is the latest such day on or
    before the publication date. Background dates later in the text are not events.
    """
    if published.date is None or published.precision != "day":
        return FoundDate(None, None)
    pub = dt.date.fromisoformat(published.date)
    if (
        published.end > published.start
        and _weekday_near(article, published.start, published.end) is not None
    ):
        # "on Friday (Sept 28)": the date read is itself the event's day.
        return FoundDate(published.date, "day", published.start, published.end, "weekday_dateline")
    spans = article.sentences
    anchor = next((i for i, (s, e) in enumerate(spans) if s <= published.start < e), 0)
    lead_end = (
        spans[min(len(spans), anchor + LEAD_SENTENCES) - 1][1] if spans else len(article.text)
    )
    for w in _written_dates(article):
        if w.start == published.start or not published.end <= w.start < lead_end:
            continue
        if w.precision != "day":
            continue
        year = w.year if w.year is not None else pub.year
        if not _valid(year, w.month, w.day):
            continue
        event = dt.date(year, w.month, w.day)
        if w.year is None and event > pub + dt.timedelta(days=EVENT_WINDOW_DAYS):
            if not _valid(year - 1, w.month, w.day):
                continue
            event = dt.date(year - 1, w.month, w.day)
        return FoundDate(event.isoformat(), "day", w.start, w.end, "lead_date")
    weekday_re = _patterns(article.language.code)["weekday"]
    for m in weekday_re.finditer(article.digits, published.end, lead_end):
        weekday = article.language.weekdays.get(m.group().casefold())
        if weekday is None:
            continue
        back = (pub.weekday() - weekday) % 7
        return FoundDate(
            (pub - dt.timedelta(days=back)).isoformat(), "day", m.start(), m.end(), "lead_weekday"
        )
    return FoundDate(None, None)

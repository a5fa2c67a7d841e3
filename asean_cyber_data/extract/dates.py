"""The article's date: dateline or publication date, else the reported event's date.

Candidates are read with month names from each language's data (CLDR plus the
language file) and numeric day-first forms; the first day-level date in the text wins
(an ISO ``date YYYY-MM-DD`` header or a ``dd/mm/yyyy`` line near the top comes first).
A date written without a year gets one only when the text pins it, in this order:

1. a weekday written next to the date that fits exactly one year written in the text;
2. the calendar of numbered ASEAN meetings (``data/calendar.yaml``) named in the text;
3. the first year written in the text;
4. an instrument the text names that cannot predate a year, or a weekday in the lead
   sentence, with the latest year up to the calendar's reference date that fits.

Otherwise the date is null: a month and day alone cannot be written as ``YYYY-MM-DD``.
Thai Buddhist-era years (``2567``) are converted (−543).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..datafiles import read_yaml
from .langdata import LanguagePack, PhraseMatcher, pack, trie_pattern
from .text import ascii_digits, sentence_at, sentences

HEADER_CHARS = 200
#: The word after a series name (past a bracketed acronym): when it is capitalised, the
#: series name is part of a longer name.
_NEXT_WORD = re.compile(r"[ \t]+(?:\([\w+-]+\)[ \t]+)?([^\W\d_][\w'’-]*)")
BUDDHIST_ERA_OFFSET = 543


@dataclass(frozen=True)
class FoundDate:
    date: str | None
    precision: str | None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    day: int
    month: int
    year: int | None


def _year(value: str) -> int:
    year = int(value)
    return year - BUDDHIST_ERA_OFFSET if year > 2400 else year


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


@cache
def _patterns(
    code: str, months_key: tuple[str, ...], weekdays_key: tuple[str, ...]
) -> dict[str, re.Pattern[str]]:
    months = trie_pattern(months_key)  # a trie: most positions fail on one character
    weekdays = trie_pattern(weekdays_key)
    language = pack(code)
    year_words = "|".join(re.escape(w) for w in language.year_introducers) or "(?!x)x"
    day_prefixes = "|".join(re.escape(w) for w in language.day_prefixes) or "(?!x)x"
    day_links = "|".join(re.escape(w) for w in language.day_month_links) or "(?!x)x"
    year = rf"(?:,?\s*(?:{year_words})?\s*(?P<year>\d{{4}})(?!\d))?"
    return {
        "iso": re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
        "numeric": re.compile(
            r"(?<![\d/.])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"
        ),
        "day_month": re.compile(
            rf"(?<![\w\d])(?:{day_prefixes})?(?P<day>\d{{1,2}})(?:st|nd|rd|th|er)?\s*"
            rf"(?:(?:{day_links})\s+)?(?P<mname>{months})\.?(?![^\W\d_]){year}",
            re.IGNORECASE,
        ),
        "month_day": re.compile(
            rf"(?<![\w])(?P<mname>{months})\.?,?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:(?![\d/]){year}|/(?P<year2>\d{{4}})(?!\d))",
            re.IGNORECASE,
        ),
        "partial_numeric": re.compile(r"(?<![\d/.])(?P<day>\d{1,2})/(?P<month>\d{1,2})(?![\d/])"),
        "weekday": re.compile(rf"(?<![\w])(?:{weekdays})(?![\w])", re.IGNORECASE)
        if weekdays
        else re.compile(r"(?!x)x"),
        "year": re.compile(r"(?<![\d.,/-])((?:19[6-9]|20[0-4])\d|25[0-9]\d)(?![\d.,]\d|\d)"),
    }


@lru_cache(maxsize=1)
def _calendar() -> dict[str, Any]:
    loaded: dict[str, Any] = read_yaml("calendar.yaml")
    return loaded


@lru_cache(maxsize=4)
def _cached_candidates(digits: str, code: str) -> list[_Candidate]:
    """The text's date candidates, shared by the publication and the event date."""
    language = pack(code)
    pats = _patterns(code, tuple(language.months), tuple(language.weekdays))
    return _candidates(digits, language, pats)


def _candidates(
    text: str, language: LanguagePack, pats: dict[str, re.Pattern[str]]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for kind in ("iso", "numeric", "day_month", "month_day"):
        for m in pats[kind].finditer(text):
            groups = m.groupdict()
            month = (
                language.months.get(groups["mname"].casefold().rstrip("."))
                if groups.get("mname")
                else int(groups["month"])
            )
            day = int(groups["day"])
            if month is None:
                continue
            raw_year = groups.get("year") or groups.get("year2")
            year = _year(raw_year) if raw_year else None
            if kind == "numeric" and (language.month_first or month > 12) and day <= 12:
                day, month = month, day  # "3/12/2024" in Filipino; "07/25/2024" anywhere
            name = groups.get("mname")
            if name and name.casefold() in language.capital_months and not name[:1].isupper():
                continue  # "may 12 bansa": the word "may", not the month May
            if month > 12 or not _valid(year or 2000, month, day):
                continue
            found.append(_Candidate(m.start(), m.end(), day, month, year))
    introducers = tuple(language.date_introducers)
    weekday = pats["weekday"]
    for m in pats["partial_numeric"].finditer(text):
        before = text[max(0, m.start() - 16) : m.start()]
        introduced = before.rstrip().endswith(introducers) if introducers else False
        parenthesised = before.endswith("(") and text[m.end() : m.end() + 1] == ")"
        line_start = text.rfind("\n", 0, m.start()) + 1
        dateline = (
            re.fullmatch(r"[^\W\d][^\n,]{0,30},\s*", text[line_start : m.start()]) is not None
            and re.match(r"\s*\([^)\n]{2,30}\)", text[m.end() :]) is not None
        )
        parenthesised = parenthesised or dateline
        if not (introduced or parenthesised or weekday.search(before)):
            continue
        day, month = int(m.group("day")), int(m.group("month"))
        if month <= 12 and _valid(2000, month, day):
            found.append(_Candidate(m.start(), m.end(), day, month, None))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Candidate] = []
    for cand in found:
        if kept and cand.start < kept[-1].end:
            continue
        kept.append(cand)
    return kept


@lru_cache(maxsize=1)
def _calendar_matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    """Series names → series index, instrument names → not-before year."""
    calendar = _calendar()
    series = {name: str(i) for i, item in enumerate(calendar["series"]) for name in item["names"]}
    instruments = {
        name: str(item["year"])
        for item in calendar.get("not_before") or []
        for name in item["names"]
    }
    return PhraseMatcher.build(series), PhraseMatcher.build(instruments)


@cache
def _ordinal_patterns(code: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    language = pack(code)
    befores = [g for gram in language.grammars for g in gram.ordinal_before]
    afters = [g for gram in language.grammars for g in gram.ordinal_after]
    before = re.compile("(?:" + "|".join(befores) + r")[\s\w'’-]{0,25}$") if befores else None
    after = re.compile("|".join(afters)) if afters else None
    return before, after


def _calendar_years(text: str, language: LanguagePack) -> tuple[list[int], int | None]:
    """Years of numbered meetings named in the text, and the not-before year."""
    calendar = _calendar()
    series_matcher, instrument_matcher = _calendar_matchers()
    before, after = _ordinal_patterns(language.code)
    years: list[int] = []
    for start, end, index in series_matcher.finditer(text):
        follower = _NEXT_WORD.match(text, end)
        if follower and follower.group(1)[:1].isupper():
            continue  # "5th ASEAN Regional Forum Inter-Sessional Meeting" is not the 5th ARF
        series = calendar["series"][int(index)]
        numbers: list[int] = []
        if before:
            m = before.search(text[max(0, start - 30) : start])
            if m:
                numbers += [int(g) for g in m.groups() if g]
        if after:
            for am in after.finditer(text[end : end + 30]):
                numbers += [int(g) for g in am.groups() if g]
        for number in numbers:
            year = _series_year(series, number)
            if year:
                years.append(year)
    not_before = max((int(y) for _s, _e, y in instrument_matcher.finditer(text)), default=None)
    return years, not_before


def _series_year(series: dict[str, Any], number: int) -> int | None:
    if "years" in series:
        value = series["years"].get(number)
        return int(value) if value else None
    first = series.get("first")
    if first:
        return int(first["year"]) + number - int(first["number"])
    return None


def _weekday_near(
    text: str, cand: _Candidate, language: LanguagePack, weekday: re.Pattern[str]
) -> int | None:
    """The weekday written right next to a date ("Friday (Sept 14)", "Senin (4/9)")."""
    before = text[max(0, cand.start - 14) : cand.start]
    after = text[cand.end : cand.end + 14]
    for window, pick in ((before, -1), (after, 0)):
        hits = list(weekday.finditer(window))
        if hits:
            return language.weekdays.get(hits[pick].group().casefold())
    return None


def _latest_fitting(month: int, day: int, weekday: int | None, floor: int | None) -> int | None:
    reference = dt.date.fromisoformat(str(_calendar()["reference_date"]))
    for year in range(reference.year, (floor or reference.year - 15) - 1, -1):
        if not _valid(year, month, day) or dt.date(year, month, day) > reference:
            continue
        if weekday is None or dt.date(year, month, day).weekday() == weekday:
            return year
    return None


def _resolve_year(
    text: str, cand: _Candidate, language: LanguagePack, pats: dict[str, re.Pattern[str]]
) -> int | None:
    weekday_re = pats["weekday"]
    written = []
    earliest = int(_calendar().get("earliest_year", 1900))
    for m in pats["year"].finditer(text):
        year = _year(m.group(1))
        if year >= earliest and year not in written:
            written.append(year)
    adjacent = _weekday_near(text, cand, language, weekday_re)
    meeting_years, not_before = _calendar_years(text, language)
    if adjacent is not None:
        for year in [*written, *meeting_years]:
            if _valid(year, cand.month, cand.day) and (
                dt.date(year, cand.month, cand.day).weekday() == adjacent
            ):
                return year
    if meeting_years:
        return max(meeting_years)
    if written:
        return written[0]
    lead = sentence_at(sentences(text), cand.start)
    lead_days = [
        language.weekdays.get(m.group().casefold())
        for m in weekday_re.finditer(text, lead[0], lead[1])
    ]
    weekday = adjacent if adjacent is not None else (lead_days[0] if lead_days else None)
    if not_before is not None or weekday is not None:
        return _latest_fitting(cand.month, cand.day, weekday, not_before)
    return None


def find_date(text: str, language: LanguagePack, given: str | None = None) -> FoundDate:
    """The record's ``date`` and ``date_precision`` with the span it was read from.

    A date given as metadata (a JSONL field, an HTML page's publication date) is the
    publication date and wins over the text.
    """
    if given:
        parsed = _parse_given(given)
        if parsed:
            return FoundDate(parsed, "day")
    digits = ascii_digits(text)
    pats = _patterns(language.code, tuple(language.months), tuple(language.weekdays))
    candidates = _cached_candidates(digits, language.code)
    header = [c for c in candidates if c.start < HEADER_CHARS and c.year is not None]
    ordered = header[:1] + [c for c in candidates if c not in header[:1]]
    for cand in ordered:
        year = cand.year if cand.year is not None else _resolve_year(digits, cand, language, pats)
        if year is not None and _valid(year, cand.month, cand.day):
            return FoundDate(
                f"{year:04d}-{cand.month:02d}-{cand.day:02d}", "day", cand.start, cand.end
            )
    return FoundDate(None, None)


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


def find_event_date(text: str, language: LanguagePack, published: FoundDate) -> FoundDate:
    """The date of the reported event, when the lead fixes it relative to the dateline.

    A second day-level date in the lead sentences ("ngày 1/8", "sáng 26/10") takes the
    publication year (the year before when that would put it well after publication); a
    weekday in the lead ("on Friday", "pada Khamis") is the latest such day on or
    before the publication date. Background dates later in the text are not events.
    """
    if published.date is None:
        return FoundDate(None, None)
    pub = dt.date.fromisoformat(published.date)
    digits = ascii_digits(text)
    pats = _patterns(language.code, tuple(language.months), tuple(language.weekdays))
    if (
        published.end > published.start
        and _weekday_near(
            digits,
            _Candidate(published.start, published.end, pub.day, pub.month, pub.year),
            language,
            pats["weekday"],
        )
        is not None
    ):
        # "on Friday (Sept 28)": the date read is itself the event's day.
        return FoundDate(published.date, "day", published.start, published.end)
    spans = sentences(text)
    anchor = next((i for i, (s, e) in enumerate(spans) if s <= published.start < e), 0)
    lead_end = spans[min(len(spans), anchor + LEAD_SENTENCES) - 1][1] if spans else len(text)
    for cand in _cached_candidates(digits, language.code):
        if cand.start == published.start or not published.end <= cand.start < lead_end:
            continue
        year = cand.year if cand.year is not None else pub.year
        if not _valid(year, cand.month, cand.day):
            continue
        event = dt.date(year, cand.month, cand.day)
        if cand.year is None and event > pub + dt.timedelta(days=EVENT_WINDOW_DAYS):
            if not _valid(year - 1, cand.month, cand.day):
                continue
            event = dt.date(year - 1, cand.month, cand.day)
        return FoundDate(event.isoformat(), "day", cand.start, cand.end)
    for m in pats["weekday"].finditer(digits, published.end, lead_end):
        weekday = language.weekdays.get(m.group().casefold())
        if weekday is None:
            continue
        back = (pub.weekday() - weekday) % 7
        return FoundDate((pub - dt.timedelta(days=back)).isoformat(), "day", m.start(), m.end())
    return FoundDate(None, None)

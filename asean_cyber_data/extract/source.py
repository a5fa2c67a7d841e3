"""The outlet that produced the text, read only where the text names it.

In order of trust: a sign-off at the end ("— BERNAMA", "(Yonhap)", "-VNA"); an agency
in the dateline ("BANGKOK (REUTERS) -", "Tokyo (ANTARA) –", "(Ngày Nay) -"); a source
line ("Sumber: https://nhandan.vn/...", "Nguồn: TTXVN"); an attribution ("Theo phóng
viên TTXVN", "By Yonhap", "Copyright © ANTARA 2018", "told Bernama"). A photo credit
("Ảnh: TTXVN phát") is not a source. Outlets, their spellings and web domains are
data (``data/outlets.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafiles import read_yaml
from .langdata import LanguagePack, PhraseMatcher, pack

_URL = re.compile(r"https?://(?:www\.)?([^/\s]+)\S*")


@dataclass(frozen=True)
class FoundSource:
    name: str
    url: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _outlets() -> tuple[PhraseMatcher, dict[str, str]]:
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for outlet in read_yaml("outlets.yaml")["outlets"]:
        for alias in [outlet["name"], *outlet.get("aliases", [])]:
            names[alias] = outlet["name"]
        for domain in outlet.get("domains", []):
            names[domain] = outlet["name"]
            domains[domain] = outlet["name"]
    return PhraseMatcher.build(names), domains


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!x)x"


@cache
def _cue_patterns(code: str) -> dict[str, re.Pattern[str]]:
    language = pack(code)
    photo = _alternation(language.photo_cues)
    return {
        "photo": re.compile(r"(?:" + photo + r")\s*:?[^\n]{0,25}$", re.IGNORECASE),
        "credit": re.compile(
            r"(?:" + _alternation(language.source_cues) + r")\s*:?\s*$", re.IGNORECASE
        ),
        "attribution": re.compile(
            r"(?<!\w)(?:" + _alternation(language.attribution_cues) + r")\s+$", re.IGNORECASE
        ),
        "source_line": re.compile(
            r"(?:" + _alternation(language.source_cues) + r")\s*:\s*(https?://\S+)"
        ),
    }


def _domain_outlet(host: str, domains: dict[str, str]) -> str | None:
    host = host.lower()
    for domain, name in domains.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def find_source(text: str, language: LanguagePack) -> FoundSource | None:
    """The outlet named in the text, with the span it was read from."""
    matcher, domains = _outlets()
    cues = _cue_patterns(language.code)
    mentions = [
        (s, e, name)
        for s, e, name in matcher.finditer(text)
        if not cues["photo"].search(text[max(0, s - 40) : s])
    ]
    tail_start = max(0, len(text) - 120)
    checks: tuple[Callable[[int, int], bool], ...] = (
        # Sign-off: "— BERNAMA", "-- Bernama", "(Yonhap)", "-VNA" closing the text.
        lambda s, e: (
            (
                s >= tail_start
                and re.search(r"[—–\-(]\s*$", text[max(0, s - 3) : s]) is not None
                and not text[e:].strip(" )\n.").strip()
            )
            or (
                s >= len(text) * 0.6
                and re.search(r"[—–]\s*$|--\s*$|\(\s*$", text[max(0, s - 3) : s]) is not None
                and re.match(r"\)?\s*(?:\n|$)", text[e:]) is not None
            )
        ),
        # Outlet then city then dash: "TEMPO.CO, Jakarta -".
        lambda s, e: (
            s < 400
            and re.match(r",\s[A-Z][\w ]{1,25}\s*(?:--|[-–—])", text[e : e + 32]) is not None
        ),
        # Dateline: "BANGKOK (REUTERS) -", "(Ngày Nay) -", "VIVA.co.id –".
        lambda s, e: s < 300 and re.match(r"\)?\s*(?:--|[-–—])", text[e : e + 4]) is not None,
        # Source or credit line: "Sumber: ...", "Reporter: Antara", "Copyright © ANTARA".
        lambda s, e: cues["credit"].search(text[max(0, s - 25) : s]) is not None,
        # Parenthesised agency anywhere: "(Yonhap)".
        lambda s, e: text[s - 1 : s] == "(" and text[e : e + 1] == ")" and not _defines(text, s, e),
        # Attribution in running text: "told Bernama", "kepada Bernama".
        lambda s, e: cues["attribution"].search(text[max(0, s - 30) : s]) is not None,
    )
    # Masthead or footer: a line that is only the outlet's name ("Bangkok Post",
    # "UTUSAN MALAYSIA", "Astro Awani | Dikemaskini: ...", "© 2024 Utusan Malaysia"),
    # among the first or last five non-empty lines.
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    edge = lines[:5] + lines[-5:]
    for start, end, name in mentions:
        for ls, le in edge:
            if ls <= start and end <= le:
                rest = (text[ls:start] + text[end:le]).strip()
                rest = re.sub(r"^(?:©|@|copyright)?\s*(?:\d{4})?\s*", "", rest, flags=re.I)
                if (
                    not rest
                    or rest.startswith("|")
                    or re.fullmatch(r"[.,]?\s*(?:hak cipta|all rights)[^\n]*", rest, re.I)
                ):
                    masthead = (start, end, name)
                    break
        else:
            continue
        break
    else:
        masthead = None
    for index, check in enumerate(checks):
        if index == 3 and masthead:
            start, end, name = masthead
            return FoundSource(_as_written(text[start:end], name, domains), None, start, end)
        for start, end, name in reversed(mentions) if check is checks[0] else mentions:
            if check(start, end):
                return FoundSource(
                    _as_written(text[start:end], name, domains), _url_near(text, start), start, end
                )
    if masthead:
        start, end, name = masthead
        return FoundSource(_as_written(text[start:end], name, domains), None, start, end)
    return _from_source_line(text, cues["source_line"], domains)


def _defines(text: str, s: int, e: int) -> bool:
    """ "Australian Federal Police (AFP)": the bracket spells the words before it."""
    acronym = text[s:e]
    if not acronym.isupper():
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", text[max(0, s - 80) : s - 1])
    caps = [w for w in words if w[:1].isupper()]
    initials = "".join(w[0] for w in caps[-len(acronym) :]).upper()
    return initials == acronym


def _as_written(surface: str, outlet: str, domains: dict[str, str]) -> str:
    """The outlet as the article writes it ("VNA"), but "BERNAMA" and domains as the
    outlet's usual name, so one outlet is not spelled three ways across records."""
    if surface.casefold() == outlet.casefold() or surface.lower() in domains:
        return outlet
    return surface


def _url_near(text: str, start: int) -> str | None:
    line_end = text.find("\n", start)
    m = _URL.search(text, start, line_end if line_end >= 0 else len(text))
    return m.group() if m else None


def _from_source_line(
    text: str, source_line: re.Pattern[str], domains: dict[str, str]
) -> FoundSource | None:
    """A source line whose URL's domain names a known outlet ("Sumber: https://...")."""
    for m in source_line.finditer(text):
        url_match = _URL.match(m.group(1))
        if url_match:
            name = _domain_outlet(url_match.group(1), domains)
            if name:
                return FoundSource(name, m.group(1), m.start(1), m.end(1))
    return None

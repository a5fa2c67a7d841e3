"""Language data: one YAML file per language over a shared base, plus CLDR names.

Everything the extractor knows about a language — month names, titles, honorifics,
speech verbs, partner names, initiative grammar — lives in
``asean_cyber_data/data/lang/<code>.yaml``. Adding a language means adding a file;
:func:`languages` lists what is there. babel's CLDR data supplies month, weekday and
country names as a base that the files extend.

Packs are built once per process (``lru_cache``) because compiling the phrase
matchers is the expensive part; extraction then only runs them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

DATA = resources.files("asean_cyber_data") / "data"

#: Scripts written without spaces between words: phrases in them match without
#: word boundaries.
UNSPACED_SCRIPTS = re.compile(r"[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u1780-\u17FF]")


class _DataLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML 1.2 booleans only: in word lists, "on", "no" and "yes" are words. (libyaml's
    parser where PyYAML has it: parsing the language files is most of a process's start.)"""


_DataLoader.yaml_implicit_resolvers = {
    key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


@cache
def read_yaml(name: str) -> Any:
    """Parse one data file shipped inside the package (once per process: callers only
    read what it returns)."""
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=_DataLoader)


@cache
def languages() -> tuple[str, ...]:
    """ISO 639-1 codes of every language that has a data file."""
    names = sorted(p.name for p in (DATA / "lang").iterdir() if p.name.endswith(".yaml"))
    return tuple(n.removesuffix(".yaml") for n in names if n != "base.yaml")


def fold(text: str) -> str:
    """Case- and accent-insensitive form for comparisons (not for matching spans)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 8


def _variants(phrase: str) -> Iterator[str]:
    """The phrase as written plus its all-capitals form (headlines, sign-offs)."""
    yield phrase
    if not _is_acronym(phrase):
        yield phrase.upper()


def trie_pattern(phrases: Iterable[str]) -> str:
    """One regular expression for many phrases, factored as a trie.

    Python's ``re`` tries alternatives one by one; a trie-shaped pattern lets it
    reject most positions after one character, which keeps thousands of gazetteer
    names fast.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


@dataclass(frozen=True)
class PhraseMatcher:
    """Finds known phrases on word boundaries (no boundaries inside Thai, Lao, Khmer...).

    Overlapping matches resolve to the longest, leftmost phrase, so "Office on Drugs
    and Crime" wins over "Crime" and ``EU`` never matches inside "museum".
    """

    values: dict[str, str]
    spaced: re.Pattern[str] | None
    unspaced: re.Pattern[str] | None
    #: The last text searched and its matches: every field extractor asks about the same
    #: article in turn.
    _memo: list[Any] = field(default_factory=lambda: [None, []], compare=False, repr=False)

    @classmethod
    def build(cls, values: dict[str, str]) -> PhraseMatcher:
        expanded: dict[str, str] = {}
        for phrase, value in values.items():
            for variant in _variants(phrase.strip()):
                if variant:
                    expanded.setdefault(variant, value)
        spaced = [p for p in expanded if not UNSPACED_SCRIPTS.match(p)]
        unspaced = [p for p in expanded if UNSPACED_SCRIPTS.match(p)]
        return cls(
            values=expanded,
            spaced=re.compile(r"(?<![\w@.])" + "(?:" + trie_pattern(spaced) + r")(?![\w])")
            if spaced
            else None,
            unspaced=re.compile(trie_pattern(unspaced)) if unspaced else None,
        )

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, value)`` of every match, longest first at each place."""
        if self._memo[0] is text:
            return list(self._memo[1])
        found: list[tuple[int, int, str]] = []
        for pattern in (self.spaced, self.unspaced):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), self.values[m.group()]))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, str]] = []
        last_end = -1
        for start, end, value in found:
            if start >= last_end:
                kept.append((start, end, value))
                last_end = end
        self._memo[0], self._memo[1] = text, kept
        return list(kept)


@dataclass(frozen=True)
class InitiativeGrammar:
    """How one language writes the names of initiatives."""

    heads_after: tuple[str, ...] = ()
    heads_before: tuple[str, ...] = ()
    lowercase_heads: tuple[str, ...] = ()
    complement_starts: tuple[str, ...] = ()
    introducers: tuple[str, ...] = ()
    connectors: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    generic_determiners: frozenset[str] = frozenset()
    ordinal_before: tuple[str, ...] = ()
    ordinal_after: tuple[str, ...] = ()
    sentence_case: bool = False
    attributive_followers: frozenset[str] = frozenset()
    occasion_after: tuple[str, ...] = ()
    unspaced: bool = False
    name_complements: tuple[str, ...] = ()
    clause_starts: tuple[str, ...] = ()
    clause_stops: tuple[str, ...] = ()


@dataclass(frozen=True)
class LanguagePack:
    """Everything extraction knows about one language, merged over base and English."""

    code: str
    name: str
    lingua: str | None
    cased: bool
    months: dict[str, int]
    weekdays: dict[str, int]
    date_introducers: tuple[str, ...]
    buddhist_era: bool
    month_first: bool
    name_words: int
    name_particles: tuple[str, ...]
    speech_reach: int
    capital_months: frozenset[str]
    partners: PhraseMatcher
    partner_names: dict[str, str]
    asean_members: frozenset[str]
    cooperation_cues: tuple[str, ...]
    citation_cues: tuple[str, ...]
    hypothetical_cues: tuple[str, ...]
    titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    byline_cues: tuple[str, ...]
    source_cues: tuple[str, ...]
    attribution_cues: tuple[str, ...]
    host_prepositions: tuple[str, ...]
    nationality_before: tuple[str, ...]
    aside_cues: tuple[str, ...]
    nationality_after: tuple[str, ...]
    not_initiative_words: tuple[str, ...]
    grammars: tuple[InitiativeGrammar, ...]
    not_name_words: frozenset[str]
    home_country: str | None
    conjunctions: tuple[str, ...]
    determiners: tuple[str, ...]
    possessive_suffixes: tuple[str, ...]
    boilerplate_lines: re.Pattern[str] | None = None
    boilerplate_tail: re.Pattern[str] | None = None


def _cldr_names(locale: str) -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """Month, weekday and territory names from babel's CLDR data for ``locale``."""
    from babel import Locale
    from babel.dates import get_day_names, get_month_names

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, month in get_month_names(width, locale=locale).items():
            months[month.rstrip(".").casefold()] = int(number)
        for number, day in get_day_names(width, locale=locale).items():
            weekdays[day.rstrip(".").casefold()] = int(number)
    territories = {
        name: code
        for code, name in Locale.parse(locale).territories.items()
        if len(code) == 2 and code.isalpha()
    }
    return months, weekdays, territories


def _merged_lists(files: list[dict[str, Any]], key: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for data in files:
        for item in data.get(key) or []:
            seen.setdefault(str(item), None)
    return tuple(seen)


def _grammar(data: dict[str, Any]) -> InitiativeGrammar:
    g = data.get("initiatives") or {}
    return InitiativeGrammar(
        heads_after=tuple(g.get("heads_after") or ()),
        heads_before=tuple(g.get("heads_before") or ()),
        lowercase_heads=tuple(g.get("lowercase_heads") or ()),
        complement_starts=tuple(g.get("complement_starts") or ()),
        introducers=tuple(g.get("introducers") or ()),
        connectors=frozenset(g.get("connectors") or ()),
        stop_words=frozenset(g.get("stop_words") or ()),
        generic_determiners=frozenset(g.get("generic_determiners") or ()),
        ordinal_before=tuple(g.get("ordinal_before") or ()),
        ordinal_after=tuple(g.get("ordinal_after") or ()),
        sentence_case=bool(g.get("sentence_case", False)),
        attributive_followers=frozenset(g.get("attributive_followers") or ()),
        occasion_after=tuple(g.get("occasion_after") or ()),
        unspaced=bool(g.get("unspaced", False)),
        name_complements=tuple(g.get("name_complements") or ()),
        clause_starts=tuple(g.get("clause_starts") or ()),
        clause_stops=tuple(g.get("clause_stops") or ()),
    )


@cache
def pack(code: str) -> LanguagePack:
    """The merged data for language ``code`` (base, then English, then the language)."""
    if code not in languages():
        code = "en"
    base = read_yaml("lang/base.yaml")
    files = [read_yaml("lang/en.yaml")]
    if code != "en":
        files.append(read_yaml(f"lang/{code}.yaml"))
    own = files[-1]

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    partner_values: dict[str, str] = {}
    partner_names: dict[str, str] = {}
    ambiguous = set(base.get("ambiguous_territory_names") or ())
    _english_months, _english_days, english_territories = _cldr_names("en")
    partner_names.update({code_: name for name, code_ in english_territories.items()})
    for org_code, org in base["organisations"].items():
        partner_names[org_code] = org["name"]
        for name in org["names"]:
            partner_values[name] = org_code
    for country, capitals in (base.get("capitals") or {}).items():
        for capital in capitals:
            partner_values[capital] = country
    for data in files:
        cldr_months, cldr_days, territories = _cldr_names(data.get("cldr_locale") or data["code"])
        months.update(cldr_months)
        weekdays.update(cldr_days)
        for name, territory in territories.items():
            if name not in ambiguous:
                partner_values.setdefault(name, territory)
        for number, names in (data.get("months") or {}).items():
            for name in names:
                months[str(name).casefold()] = int(number)
        for number, names in (data.get("weekdays") or {}).items():
            for name in names:
                weekdays[str(name).casefold()] = int(number)
        for partner, names in (data.get("partners") or {}).items():
            for name in names:
                partner_values[str(name)] = str(partner)

    def line_pattern(key: str) -> re.Pattern[str] | None:
        """One pattern for a whole line matching any of the file's line patterns."""
        patterns = _merged_lists([base, *files], key)
        if not patterns:
            return None
        return re.compile(r"(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*", re.I)

    return LanguagePack(
        code=code,
        name=own.get("name", code),
        lingua=own.get("lingua"),
        cased=bool(own.get("cased", True)),
        months=months,
        weekdays=weekdays,
        date_introducers=_merged_lists(files, "date_introducers"),
        buddhist_era=bool(own.get("buddhist_era", False)),
        month_first=own.get("numeric_date_order") == "mdy",
        name_words=int(own.get("name_words", 2)),
        name_particles=tuple(own.get("name_particles") or ()),
        speech_reach=int(own.get("speech_reach", 90)),
        capital_months=frozenset(
            str(m).casefold() for m in _merged_lists(files, "capitalised_months")
        ),
        partners=PhraseMatcher.build(partner_values),
        partner_names=partner_names,
        asean_members=frozenset(base["asean_members"]),
        cooperation_cues=_merged_lists(files, "cooperation_cues"),
        citation_cues=_merged_lists(files, "citation_cues"),
        hypothetical_cues=_merged_lists(files, "hypothetical_cues"),
        titles=_merged_lists(files, "titles"),
        honorifics=_merged_lists(files, "honorifics"),
        speech_verbs=_merged_lists(files, "speech_verbs"),
        byline_cues=_merged_lists(files, "byline_cues"),
        source_cues=_merged_lists(files, "source_cues"),
        attribution_cues=_merged_lists(files, "attribution_cues"),
        host_prepositions=_merged_lists(files, "host_prepositions"),
        nationality_before=_merged_lists(files, "nationality_before"),
        aside_cues=_merged_lists(files, "aside_cues"),
        nationality_after=_merged_lists(files, "nationality_after"),
        not_initiative_words=_merged_lists([base, *files], "not_initiative_words"),
        grammars=tuple(_grammar(data) for data in files),
        not_name_words=frozenset(_merged_lists(files, "not_name_words")),
        home_country=own.get("home_country"),
        conjunctions=_merged_lists(files, "conjunctions"),
        determiners=_merged_lists(files, "determiners"),
        possessive_suffixes=_merged_lists(files, "possessive_suffixes"),
        boilerplate_lines=line_pattern("boilerplate_lines"),
        boilerplate_tail=line_pattern("boilerplate_tail"),
    )


@cache
def base_data() -> dict[str, Any]:
    """The language-neutral base file (outlets, organisations, members...)."""
    loaded: dict[str, Any] = read_yaml("lang/base.yaml")
    return loaded

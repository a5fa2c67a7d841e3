"""The registries of real outlets and real ASEAN cyber mechanisms, loaded and validated.

The extractor recognises a source or an initiative by its shape (a dateline, a credit
line, a name built like a meeting or a treaty); these registries then *canonicalise*
what it found — a canonical name, a country, a stable id — they never decide whether
something is a source or an initiative. Both are data (``data/outlets.yaml``,
``data/mechanisms.yaml``; their header comments say what each field means and where
each entry comes from); this module only reads them into frozen pydantic models and
refuses a file that is wrong, so a typo in the data fails the tests, not a build.

What is checked, beyond the types: unknown keys, ids unique (and stable-slug shaped),
(name, country) unique for outlets, every name and alias non-empty and stripped,
country and partner codes ISO 3166-1 alpha-2 or an organisation code of the record
schema, domains lowercase host names without scheme, alias languages the project has
data for, and that a surface form leads to one entry only (an outlet form shared by two
outlets must be ``position_only`` in both; a mechanism form is never shared).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationError, model_validator

from ..datafiles import read_yaml
from ..models import ORGANISATION_CODES, Model
from .langdata import PhraseMatcher, fold, languages, pack, unspaced_form


class RegistryError(ValueError):
    """A registry file that breaks a rule no single entry can check (duplicates...)."""


def _stripped(value: str) -> str:
    if not value or value != value.strip() or "\n" in value:
        raise ValueError(f"must be non-empty, without surrounding spaces or line breaks: {value!r}")
    return value


@cache
def _iso_countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes officially assigned, from CLDR (babel).

    CLDR also lists codes the standard reserves or leaves to users (EU, UN, XK, ZZ...);
    they are not country codes. EU and UN come back as organisation codes.
    """
    from babel import Locale

    not_assigned = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB"}
    not_assigned |= {"XK", "ZZ"}
    codes = Locale.parse("en").territories
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha() and c not in not_assigned)


def _code(value: str) -> str:
    if value not in _iso_countries() and value not in ORGANISATION_CODES:
        raise ValueError(
            f"{value!r} is neither an ISO 3166-1 alpha-2 code nor one of {ORGANISATION_CODES}"
        )
    return value


@cache
def _cldr_languages() -> frozenset[str]:
    from babel import Locale

    return frozenset(Locale.parse("en").languages)


def _publication_language(value: str) -> str:
    if not re.fullmatch(r"[a-z]{2,3}", value) or value not in _cldr_languages():
        raise ValueError(f"{value!r} is not an ISO 639 language code")
    return value


def _project_language(value: str) -> str:
    if value not in languages():
        raise ValueError(f"{value!r} is not a language the project has data for: {languages()}")
    return value


_DOMAIN = re.compile(
    r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(/[a-z0-9._~-]+)*"
)


def _domain(value: str) -> str:
    if not _DOMAIN.fullmatch(value) or value.startswith("www."):
        raise ValueError(
            f"{value!r} is not a lowercase host name (optionally /path) without scheme or www."
        )
    return value


Text = Annotated[str, AfterValidator(_stripped)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Code = Annotated[str, AfterValidator(_code)]
Domain = Annotated[str, AfterValidator(_domain)]
PublicationLanguage = Annotated[str, AfterValidator(_publication_language)]
AliasLanguage = Annotated[str, AfterValidator(_project_language)]
Year = Annotated[int, Field(ge=1945, le=2100)]

OutletKind = Literal[
    "agency", "newspaper", "broadcaster", "online", "government", "intergovernmental", "magazine"
]
MechanismKind = Literal[
    "meeting-series",
    "dialogue",
    "centre",
    "working-group",
    "declaration",
    "strategy",
    "plan",
    "convention",
    "exercise",
    "programme",
    "agreement",
    "event",
    "body",
    "partnership",
]


def _no_repeats(label: str, items: Iterable[str]) -> None:
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise ValueError(f"{label} {item!r} is listed twice")
        seen.add(item)


class Outlet(Model):
    """A news outlet, wire, broadcaster or government press service."""

    id: Slug
    name: Text
    aliases: tuple[Text, ...] = ()
    domains: tuple[Domain, ...] = ()
    country: Code
    languages: tuple[PublicationLanguage, ...] = Field(min_length=1)
    kind: OutletKind
    #: Names that are ordinary words, other-meaning acronyms or shared with another
    #: outlet: trusted only in dateline, sign-off or credit position, case-sensitively.
    position_only: tuple[Text, ...] = ()
    verified_by: Text

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name, then every alias."""
        return (self.name, *self.aliases)

    @model_validator(mode="after")
    def _consistent(self) -> Outlet:
        _no_repeats("name or alias", self.names)
        _no_repeats("domain", self.domains)
        _no_repeats("position_only name", self.position_only)
        for name in self.position_only:
            if name not in self.names:
                raise ValueError(f"position_only {name!r} is not a name or alias of {self.id}")
        return self


class SessionYear(Model):
    number: int = Field(ge=1)
    year: Year


class Sessions(Model):
    """Years of a numbered series' sessions ("the 19th AMMTC")."""

    #: Session number → year held, where the numbering is irregular.
    years: dict[int, Year] = Field(default_factory=dict)
    #: The session from which one is held every year.
    annual_from: SessionYear | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Sessions:
        numbered = sorted(self.years.items())
        if self.annual_from is not None:
            numbered.append((self.annual_from.number, self.annual_from.year))
        for (n1, y1), (n2, y2) in pairwise(numbered):
            # Later sessions are never earlier, and no series meets more than twice a year.
            if n1 >= n2 or y1 > y2 or n2 - n1 > 2 * (y2 - y1) + 1:
                raise ValueError(f"session {n1} in {y1} and session {n2} in {y2} do not fit")
        if any(n < 1 for n in self.years):
            raise ValueError("session numbers start at 1")
        return self

    def year_of(self, number: int) -> int | None:
        """The year session ``number`` was held, or None where the data does not say."""
        if number in self.years:
            return self.years[number]
        start = self.annual_from
        if start is not None and number >= start.number:
            return start.year + number - start.number
        return None


class Mechanism(Model):
    """An ASEAN cyber cooperation mechanism: a meeting series, centre, agreement..."""

    id: Slug
    name: Text
    acronyms: tuple[Text, ...] = ()
    #: Other forms by language (ISO 639-1 of a language with a data file).
    aliases: dict[AliasLanguage, tuple[Text, ...]] = Field(default_factory=dict)
    kind: MechanismKind
    partners: tuple[Code, ...] = ()
    first_year: Year | None = None
    #: For a dated edition, the id of its series entry.
    edition_of: Slug | None = None
    sessions: Sessions | None = None
    verified_by: Text
    notes: Text | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every surface form: the name, the acronyms, then the aliases of each language."""
        forms = [self.name, *self.acronyms]
        for aliases in self.aliases.values():
            forms.extend(a for a in aliases if a not in forms)
        return tuple(forms)

    @model_validator(mode="after")
    def _consistent(self) -> Mechanism:
        _no_repeats("acronym", self.acronyms)
        for aliases in self.aliases.values():
            _no_repeats("alias", aliases)
        _no_repeats("partner", self.partners)
        if self.edition_of == self.id:
            raise ValueError(f"{self.id} cannot be an edition of itself")
        first = self.sessions.year_of(1) if self.sessions else None
        if first is not None and self.first_year is not None and first != self.first_year:
            raise ValueError(f"first_year {self.first_year} but session 1 was in {first}")
        return self


class _OutletFile(Model):
    version: Literal[1]
    outlets: tuple[Outlet, ...]


class _MechanismFile(Model):
    version: Literal[1]
    mechanisms: tuple[Mechanism, ...]


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _unique(label: str, values: Iterable[str]) -> None:
    counts: dict[str, int] = defaultdict(int)
    for value in values:
        counts[value] += 1
    repeated = sorted(v for v, n in counts.items() if n > 1)
    if repeated:
        raise RegistryError(f"{label} used more than once: {', '.join(repeated)}")


def load_outlets(data: Any) -> tuple[Outlet, ...]:
    """Validate parsed ``outlets.yaml`` (raises ``ValidationError``/``RegistryError``)."""
    entries = _OutletFile.model_validate(data).outlets
    _unique("outlet id", (o.id for o in entries))
    _unique("outlet (name, country)", (f"{o.name} ({o.country})" for o in entries))
    _unique("outlet domain", (d for o in entries for d in o.domains))
    by_form: dict[str, list[tuple[Outlet, str]]] = defaultdict(list)
    for outlet in entries:
        for name in outlet.names:
            by_form[_folded(name)].append((outlet, name))
    for holders in by_form.values():
        if len({o.id for o, _ in holders}) > 1:
            unflagged = [f"{n!r} of {o.id}" for o, n in holders if n not in o.position_only]
            if unflagged:
                raise RegistryError(
                    "a name shared by several outlets must be position_only in each: "
                    + ", ".join(unflagged)
                )
    return entries


def load_mechanisms(data: Any) -> tuple[Mechanism, ...]:
    """Validate parsed ``mechanisms.yaml`` (raises ``ValidationError``/``RegistryError``)."""
    entries = _MechanismFile.model_validate(data).mechanisms
    _unique("mechanism id", (m.id for m in entries))
    _unique("mechanism name", (m.name for m in entries))
    ids = {m.id for m in entries}
    for mechanism in entries:
        if mechanism.edition_of is not None and mechanism.edition_of not in ids:
            raise RegistryError(f"{mechanism.id}: edition_of {mechanism.edition_of!r} is no id")
    owner: dict[str, str] = {}
    for mechanism in entries:
        for form in {_folded(n) for n in mechanism.names}:
            if owner.setdefault(form, mechanism.id) != mechanism.id:
                raise RegistryError(
                    f"{form!r} names both {owner[form]} and {mechanism.id}: "
                    "a form must lead to one id"
                )
    return entries


@cache
def outlets() -> tuple[Outlet, ...]:
    """Every outlet of ``data/outlets.yaml`` (read and validated once per process)."""
    return load_outlets(read_yaml("outlets.yaml"))


@cache
def mechanisms() -> tuple[Mechanism, ...]:
    """Every mechanism of ``data/mechanisms.yaml`` (read and validated once per process)."""
    return load_mechanisms(read_yaml("mechanisms.yaml"))


# -- matching: what the extractor reads ------------------------------------------------


@cache
def outlet_matcher() -> PhraseMatcher:
    """Outlet names, aliases and domains that may be trusted anywhere in a text → the
    outlet's canonical name (``position_only`` names are left to the dateline, sign-off
    and credit rules, which look them up with :func:`outlet_named`)."""
    names: dict[str, str] = {}
    for outlet in outlets():
        for alias in (*outlet.names, *outlet.domains):
            if alias not in outlet.position_only:
                names.setdefault(alias, outlet.name)
    return PhraseMatcher.build(names)


@cache
def _outlets_by_key() -> dict[str, Outlet]:
    found: dict[str, Outlet] = {}
    for outlet in outlets():
        for alias in (*outlet.names, *outlet.domains):
            if alias not in outlet.position_only:
                found.setdefault(fold(alias), outlet)
    return found


@cache
def _outlets_by_exact_name() -> dict[str, Outlet]:
    """``position_only`` names, case-sensitive (they are ordinary words otherwise)."""
    found: dict[str, Outlet] = {}
    for outlet in outlets():
        for alias in outlet.position_only:
            found.setdefault(alias, outlet)
    return found


#: Outlets (canonical names) the lookups below treat as not listed: see :func:`unlisted`.
_UNLISTED: ContextVar[frozenset[str]] = ContextVar("unlisted_outlets", default=frozenset())


@contextmanager
def unlisted(names: Iterable[str]) -> Iterator[None]:
    """Within the block, the registry does not know these outlets (canonical names):
    every lookup and every match reads the text as it would if no list named them.

    Most outlets of a crawl are on no list. The fitting script reads each development
    article a second time with its own outlet unlisted, to measure the source model on
    the shapes alone (``scripts/fit_weights.py``).
    """
    token = _UNLISTED.set(frozenset(names))
    try:
        yield
    finally:
        _UNLISTED.reset(token)


def _listed(outlet: Outlet | None) -> Outlet | None:
    return None if outlet is None or outlet.name in _UNLISTED.get() else outlet


def outlet_hits(text: str) -> list[tuple[int, int, str]]:
    """Every registry outlet named in ``text`` (value: canonical name), left to right."""
    hidden = _UNLISTED.get()
    hits = outlet_matcher().finditer(text)
    return [hit for hit in hits if hit[2] not in hidden] if hidden else hits


def outlet_named(name: str) -> Outlet | None:
    """The registry outlet a name, alias or domain stands for (case- and accent-blind,
    except for names that are also ordinary words, which must be written as listed)."""
    name = name.strip()
    return _listed(_outlets_by_key().get(fold(name)) or _outlets_by_exact_name().get(name))


@cache
def _outlets_by_domain() -> dict[str, Outlet]:
    return {domain: outlet for outlet in outlets() for domain in outlet.domains}


def outlet_of_host(host: str) -> Outlet | None:
    """The outlet whose domain is ``host`` or a parent of it."""
    host = host.lower().removeprefix("www.")
    parts = host.split(".")
    domains = _outlets_by_domain()
    for i in range(len(parts) - 1):
        found = domains.get(".".join(parts[i:]))
        if found:
            return _listed(found)
    return None


#: A mechanism name of this many words or more is also found where the text writes it
#: in lower case ("sidang umum Interpol", "the ASEAN ministerial meeting on transnational
#: crime"); shorter names and acronyms only as written, since "Cyber Week" or "ADMM" in
#: lower case are other words.
CASE_BLIND_WORDS = 3


def _connector_variants(alias: str, connectors: tuple[str, ...]) -> list[str]:
    """``alias`` with its topic connector swapped for each other one of its language
    ("Meeting on Transnational Crime" → "… regarding …", "ว่าด้วย" → "เกี่ยวกับ"):
    translations of one name differ in that word alone. Latin-script connectors (the
    data's, which open with an ASCII letter) are whole words; in unspaced scripts a
    connector is glued to its neighbours."""
    for word in connectors:
        spaced = word[:1].isascii()
        pattern = rf"(?<!\w){re.escape(word)}(?!\w)" if spaced else re.escape(word)
        found = re.search(pattern, alias)
        if found:
            head, tail = alias[: found.start()], alias[found.end() :]
            return [head + other + tail for other in connectors if other != word]
    return []


@cache
def _connectors(language: str) -> tuple[str, ...]:
    return pack(language).topic_connectors


def mechanism_forms(entry: Mechanism) -> list[str]:
    """Every surface form of ``entry`` (:attr:`Mechanism.names`), then each alias with
    its topic connector swapped (:func:`_connector_variants`)."""
    forms = list(entry.names)
    written = [("en", (entry.name,)), *entry.aliases.items()]
    for language, aliases in written:
        for alias in aliases:
            forms.extend(
                v for v in _connector_variants(alias, _connectors(language)) if v not in forms
            )
    return forms


@cache
def mechanism_matcher(unspaced: bool = False) -> PhraseMatcher:
    """Every mechanism name, acronym and alias (:func:`mechanism_forms`) → the
    mechanism's id; with ``unspaced``, the names as :func:`~.langdata.unspaced_form`
    writes them (to match a text read so)."""
    names: dict[str, str] = {}
    for entry in mechanisms():
        for alias in mechanism_forms(entry):
            names.setdefault(unspaced_form(alias) if unspaced else alias, entry.id)
    return PhraseMatcher.build(names, all_caps=False, case_blind_words=CASE_BLIND_WORDS)


@cache
def _mechanisms_by_id() -> dict[str, Mechanism]:
    return {m.id: m for m in mechanisms()}


@cache
def _mechanisms_by_key() -> dict[str, Mechanism]:
    found: dict[str, Mechanism] = {}
    for entry in mechanisms():
        for alias in mechanism_forms(entry):
            found.setdefault(fold(alias), entry)
    return found


def mechanism(identifier: str) -> Mechanism:
    return _mechanisms_by_id()[identifier]


def mechanism_named(name: str) -> Mechanism | None:
    """The mechanism a name, acronym or alias stands for (case- and accent-blind)."""
    return _mechanisms_by_key().get(fold(name.strip()))


@cache
def place_matcher() -> PhraseMatcher:
    """Places that open datelines (``data/places.yaml``) → their country code."""
    values = {
        place: country
        for country, names in read_yaml("places.yaml")["places"].items()
        for place in names
    }
    return PhraseMatcher.build(values)


@cache
def place_names() -> frozenset[str]:
    """Every place name, folded (case- and accent-blind)."""
    return frozenset(fold(p) for p in place_matcher().values)


__all__ = [
    "Mechanism",
    "Outlet",
    "RegistryError",
    "Sessions",
    "ValidationError",
    "load_mechanisms",
    "load_outlets",
    "mechanism",
    "mechanism_matcher",
    "mechanism_named",
    "mechanisms",
    "outlet_matcher",
    "outlet_named",
    "outlet_of_host",
    "outlets",
    "place_matcher",
    "place_names",
]

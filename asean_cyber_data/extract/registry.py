"""The registries of real outlets and real mechanisms, and their matchers.

A registry canonicalises what the rules found by shape — the outlet's usual name and
country, the mechanism's English name and stable id — it never gates: an outlet or
programme no list has named is still found. Entries are data (``data/outlets.yaml``,
``data/initiatives.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import read_yaml
from .langdata import PhraseMatcher, fold


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None = None


@dataclass(frozen=True)
class Mechanism:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str | None = None
    first_year: int | None = None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


@cache
def outlets() -> tuple[Outlet, ...]:
    return tuple(
        Outlet(
            str(o["name"]),
            tuple(o.get("aliases") or ()),
            tuple(o.get("domains") or ()),
            o.get("country"),
        )
        for o in read_yaml("outlets.yaml")["outlets"]
    )


@cache
def mechanisms() -> tuple[Mechanism, ...]:
    return tuple(
        Mechanism(_slug(str(m["name"])), str(m["name"]), tuple(m["names"]))
        for m in read_yaml("initiatives.yaml")
    )


@cache
def outlet_matcher() -> PhraseMatcher:
    """Every outlet name, alias and domain → the outlet's canonical name."""
    names: dict[str, str] = {}
    for outlet in outlets():
        for alias in (outlet.name, *outlet.aliases, *outlet.domains):
            names.setdefault(alias, outlet.name)
    return PhraseMatcher.build(names)


@cache
def _outlets_by_key() -> dict[str, Outlet]:
    found: dict[str, Outlet] = {}
    for outlet in outlets():
        for alias in (outlet.name, *outlet.aliases, *outlet.domains):
            found.setdefault(fold(alias), outlet)
    return found


def outlet_named(name: str) -> Outlet | None:
    """The registry outlet a name, alias or domain stands for (case-, accent-blind)."""
    return _outlets_by_key().get(fold(name.strip()))


def outlet_of_host(host: str) -> Outlet | None:
    """The outlet whose domain is ``host`` or a parent of it."""
    host = host.lower().removeprefix("www.")
    parts = host.split(".")
    for i in range(len(parts) - 1):
        found = _outlets_by_key().get(".".join(parts[i:]))
        if found and ".".join(parts[i:]) in found.domains:
            return found
    return None


@cache
def mechanism_matcher() -> PhraseMatcher:
    """Every mechanism name and alias → the mechanism's id."""
    names: dict[str, str] = {}
    for mechanism in mechanisms():
        for alias in (mechanism.name, *mechanism.aliases):
            names.setdefault(alias, mechanism.id)
    return PhraseMatcher.build(names)


@cache
def _mechanisms_by_id() -> dict[str, Mechanism]:
    return {m.id: m for m in mechanisms()}


@cache
def _mechanisms_by_key() -> dict[str, Mechanism]:
    found: dict[str, Mechanism] = {}
    for mechanism in mechanisms():
        for alias in (mechanism.name, *mechanism.aliases):
            found.setdefault(fold(alias), mechanism)
    return found


def mechanism(identifier: str) -> Mechanism:
    return _mechanisms_by_id()[identifier]


def mechanism_named(name: str) -> Mechanism | None:
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

"""The data files shipped inside the package: where they are and how they are parsed.

Knowledge of the world — languages, outlets, mechanisms, the meeting calendar, fitted
weights — is data under ``asean_cyber_data/data/``, never code. Every stage reads it
through :func:`read_yaml`, which parses each file once per process with libyaml's C
loader when it is available (several times faster than the pure-Python one) and with
YAML 1.2 booleans only: in word lists, "on", "no" and "yes" are words, not booleans.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

DATA: Traversable = resources.files("asean_cyber_data") / "data"

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DataLoader(_Base):  # type: ignore[valid-type,misc]
    """YAML 1.2 booleans only (``true``/``false``), C-accelerated when libyaml is there."""


_DataLoader.yaml_implicit_resolvers = {
    key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


@cache
def read_yaml(name: str) -> Any:
    """Parse one packaged data file (``name`` relative to ``data/``), once per process.

    The parsed value is shared: callers must not mutate it.
    """
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=_DataLoader)


def data_names(folder: str, suffix: str = ".yaml") -> tuple[str, ...]:
    """Names of the data files in ``data/<folder>`` (sorted, without the suffix)."""
    names = sorted(p.name for p in (DATA / folder).iterdir() if p.name.endswith(suffix))
    return tuple(n.removesuffix(suffix) for n in names)


@cache
def read_json(name: str) -> Any:
    """Parse one packaged JSON data file (``name`` relative to ``data/``), once per process."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))

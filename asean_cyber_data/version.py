"""The one place that names versions.

``__version__`` is the package (code) version; ``SCHEMA_VERSION`` is the semver of
the record schema. Every record carries ``SCHEMA_VERSION``; every published file
says which schema it was written with, so a reader can refuse data it cannot read.
"""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.2.0"


def major(version: str) -> int:
    """The major part of a semver string (``"1.2.3"`` → ``1``)."""
    return int(version.split(".", 1)[0])

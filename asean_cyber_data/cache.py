"""The incremental-build cache: one extraction result per input, keyed by content.

A key is the sha256 of the input's bytes, its id and path, and the *extractor
fingerprint*: a hash of every source and data file that decides what a record
contains, plus the versions of the libraries that shape it. Changing any rule or data
file changes the fingerprint and so misses every cached entry; an unchanged input
under unchanged code is read back instead of extracted again. The store is one SQLite
file (standard library, safe across processes, fast for millions of small rows).
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from .read import Document

#: Files whose content decides a record: the stages up to extraction and all data.
_EXTRACTION_SOURCES = (
    "read.py",
    "crawl.py",
    "clean.py",
    "datafiles.py",
    "models.py",
    "syndication.py",
    "gate.py",
    "relevance.py",
    "extract",
    "data",
)
_LIBRARIES = (
    "lingua-language-detector",
    "babel",
    "ftfy",
    "trafilatura",
    "pydantic",
    "myanmartools",
    "pyicu-wheels",
    "fastwarc",
    "datasketch",
    "ahocorasick-rs",
)


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hash of the extraction code, its data files and the libraries it relies on."""
    digest = hashlib.sha256()
    package = Path(str(resources.files("asean_cyber_data")))
    for name in _EXTRACTION_SOURCES:
        target = package / name
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for path in files:
            if path.is_file() and path.suffix in (".py", ".yaml"):
                digest.update(path.relative_to(package).as_posix().encode())
                digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=absent".encode())
    return digest.hexdigest()[:16]


def cache_key(doc: Document, variant: str = "") -> str:
    """The cache key of ``doc``'s result; ``variant`` names build options that change it."""
    parts = (
        extractor_fingerprint(),
        variant,
        doc.id,
        doc.path,
        doc.sha256,
        doc.date or "",
        doc.source or "",
        doc.url or "",
        doc.title or "",
        doc.warc_record_id or "",
        doc.fetched or "",
        str(doc.offset) if doc.offset is not None else "",
        str(doc.row) if doc.row is not None else "",
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class BuildCache:
    """A key → JSON text store in one SQLite file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT)")
        self._pending: list[tuple[str, str]] = []

    def get(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def put(self, key: str, value: str) -> None:
        self._pending.append((key, value))
        if len(self._pending) >= 1000:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self._pending)
            self._pending.clear()

    def close(self) -> None:
        self.flush()
        self._db.close()

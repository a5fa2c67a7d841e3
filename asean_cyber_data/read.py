"""Stage 1 — read: raw inputs on disk → decoded documents, or rejects with a reason.

Accepted inputs (found recursively under the raw root, in sorted path order):

- ``.txt``: UTF-8 (with or without BOM), UTF-16 with a BOM, cp1252 or Latin-1. The
  encoding is detected from the bytes, never guessed silently: the record's
  provenance names the one used.
- ``.html`` / ``.htm``: main text and metadata (title, date, site name, canonical URL)
  taken with trafilatura, which is built for news pages.
- ``.jsonl``: one article per line with at least ``text`` (optionally ``id``, ``url``,
  ``date``, ``source``, ``title``) — the shape of common news-crawl dumps.

Crawl containers — ``.warc(.gz)``, ``.jsonl.gz``, ``.jsonl.zst``, ``.parquet`` — are read
by :mod:`.crawl`, whose ``read_input`` is the entry point for every file. Anything else,
and anything that cannot be read, becomes a :class:`Reject`.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .layout import file_sha256
from .models import ID_PATTERN

#: Default per-file size limit: news articles are kilobytes; a dump may be large.
DEFAULT_MAX_BYTES = 2_000_000
DEFAULT_MAX_JSONL_BYTES = 2_000_000_000
TEXT_SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
SAFE_ID = re.compile(ID_PATTERN)
#: Longest id made from a name, in UTF-8 bytes: with a suffix it is still a valid file
#: name on common file systems (255 bytes), in any script.
MAX_ID_BYTES = 200


@dataclass(frozen=True)
class Document:
    """One article's decoded text with what is known about where it came from."""

    id: str
    path: str
    text: str
    sha256: str
    encoding: str
    format: str
    url: str | None = None
    date: str | None = None
    source: str | None = None
    title: str | None = None
    line: int | None = None
    # Where in a crawl container (see crawl.py): Parquet row, WARC record and fetch time.
    row: int | None = None
    warc_record_id: str | None = None
    offset: int | None = None
    fetched: str | None = None
    #: HTML still to be reduced to its main text in the per-document step (WARC pages).
    markup: str | None = None


@dataclass(frozen=True)
class Reject:
    """An input that could not become a record, with a reason code and a message."""

    path: str
    reason: str
    message: str
    sha256: str
    id: str | None = None
    #: For ``near_duplicate_of``: the Jaccard similarity to the record kept.
    similarity: float | None = None
    #: The relevance score of an ``off_topic`` reject (0 when the gate stopped it).
    score: float | None = None

    def to_json(self) -> dict[str, str | float | None]:
        out: dict[str, str | float | None] = {
            "path": self.path,
            "reason": self.reason,
            "message": self.message,
            "sha256": self.sha256,
            "id": self.id,
        }
        if self.similarity is not None:
            out["similarity"] = self.similarity
        if self.score is not None:
            out["score"] = self.score
        return out


class InputError(Exception):
    """Raised for an input that cannot be read; carries a reject reason code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_id(candidate: str) -> str | None:
    """``candidate`` if it is already a record id as it stands: NFC, path-safe (see
    ``models.ID_PATTERN``), at most ``MAX_ID_BYTES`` long."""
    if (
        SAFE_ID.match(candidate)
        and unicodedata.is_normalized("NFC", candidate)
        and len(candidate.encode("utf-8")) <= MAX_ID_BYTES
    ):
        return candidate
    return None


def id_suffix(text: str) -> str:
    """8 hex characters of the sha256 of ``text``: what tells apart two inputs whose
    names give the same id, fixed by the input itself (not by the order of the build)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _id_char(char: str) -> bool:
    """Letters, marks and digits of every script (BMP) are kept, and ``.``, ``_``, ``-``."""
    return char in "._-" or (
        unicodedata.category(char)[0] in "LMN" and SAFE_ID.match(f"a{char}") is not None
    )


def slug_id(candidate: str) -> str:
    """A record id made from a name that is not one as it stands (spaces, punctuation,
    NFD, too long): NFC, every run of other characters → ``_``, leading ``._-`` dropped,
    cut to ``MAX_ID_BYTES``, then ``-`` and :func:`id_suffix` of the original name. The
    suffix keeps apart names that make the same text (``a b`` → ``a_b-…``, never
    ``a_b``, the id of ``a_b.txt``)."""
    parts: list[str] = []
    for char in unicodedata.normalize("NFC", candidate):
        if _id_char(char):
            parts.append(char)
        elif not parts or parts[-1] != "_":
            parts.append("_")  # one ``_`` per run of other characters
    cleaned = "".join(parts).lstrip("._-")
    while len(cleaned.encode("utf-8")) > MAX_ID_BYTES - 9:
        cleaned = cleaned[:-1]
    return f"{cleaned or 'doc'}-{id_suffix(candidate)}"


def document_id(candidate: str) -> str:
    """The id of an input named ``candidate``: the name itself when it is a safe id,
    else its :func:`slug_id`."""
    return safe_id(candidate) or slug_id(candidate)


def decode(data: bytes) -> tuple[str, str]:
    """Decode raw bytes, returning ``(text, encoding)``.

    Order: BOMs (UTF-8, UTF-16), strict UTF-8, then cp1252 and Latin-1 for legacy
    Western files. Bytes that look binary (NUL bytes, many control characters) are
    refused rather than decoded into noise.
    """
    if not data.strip():
        raise InputError("empty", "the input has no content")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[2:], name), "utf-16"
    if b"\x00" in data:
        raise InputError("binary", "the input contains NUL bytes: not a text file")
    controls = sum(1 for b in data[:4096] if b < 32 and b not in (9, 10, 12, 13))
    if controls > max(4, len(data[:4096]) // 50):
        raise InputError("binary", f"{controls} control bytes in the first 4 KB: not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError("undecodable", f"not valid {encoding}: {error.reason}") from error


def _html_document(html: str) -> dict[str, str | None]:
    """Main text and metadata of a news page (trafilatura, no network)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    if extracted is None:
        return {"text": None}
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    return {
        "text": data.get("text"),
        "title": data.get("title"),
        "date": data.get("date"),
        "source": data.get("sitename"),
        "url": data.get("url"),
    }


def input_root(raw: Path) -> Path:
    """The folder input paths are named relative to: ``raw``, or a single file's folder."""
    return raw.parent if raw.is_file() else raw


def discover(root: Path) -> Iterator[Path]:
    """Every file under ``root`` (recursively, sorted, hidden files skipped), or ``root``
    itself when it is one file."""
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield path


#: A screen for raw page text: ``None`` to go on, else why the page cannot be on-topic.
Gate = Callable[[str, bool], str | None]


def read_path(
    path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES, gate: Gate | None = None
) -> Iterator[Document | Reject]:
    """Read one input file into documents (one, or one per JSONL line) and rejects.

    ``gate`` (the crawl-speed gate, :func:`asean_cyber_data.gate.screen`) sees an HTML
    page's raw text before trafilatura parses it; a page it stops is an ``off_topic``
    reject. Other documents are gated by the build once decoded.
    """
    relative = path.relative_to(root).as_posix()
    kind = TEXT_SUFFIXES.get(path.suffix.lower())
    size = path.stat().st_size
    limit = DEFAULT_MAX_JSONL_BYTES if kind == "jsonl" else max_bytes
    if size > limit:
        yield Reject(
            relative, "too_large", f"{size} bytes exceeds the {limit}-byte limit", file_sha256(path)
        )
        return
    if kind == "jsonl":
        with path.open("rb") as handle:
            yield from read_jsonl_lines(enumerate(handle, start=1), relative, path.stem, max_bytes)
        return
    data = path.read_bytes()
    digest = sha256(data)
    stem_id = document_id(path.stem)
    if kind is None:
        yield Reject(
            relative,
            "unsupported_format",
            f"'{path.suffix or path.name}' is not .txt, .html, .htm, .jsonl(.gz, .zst), "
            ".warc(.gz) or .parquet",
            digest,
        )
        return
    try:
        text, encoding = decode(data)
    except InputError as error:
        yield Reject(relative, error.reason, error.message, digest, stem_id)
        return
    if kind == "html":
        why = gate(text, True) if gate is not None else None
        if why is not None:
            yield Reject(relative, "off_topic", why, digest, stem_id, score=0.0)
            return
        meta = _html_document(text)
        if not (meta.get("text") or "").strip():
            yield Reject(
                relative, "not_an_article", "no main text found in the HTML page", digest, stem_id
            )
            return
        yield Document(
            stem_id,
            relative,
            meta["text"] or "",
            digest,
            encoding,
            "html",
            url=meta.get("url"),
            date=meta.get("date"),
            source=meta.get("source"),
            title=meta.get("title"),
        )
        return
    yield Document(stem_id, relative, text, digest, encoding, "txt")


def read_jsonl_lines(
    lines: Iterable[tuple[int, bytes]],
    relative: str,
    stem: str,
    max_bytes: int,
    fmt: str = "jsonl",
) -> Iterator[Document | Reject]:
    """One document per ``(line number, line)``; a bad line is a reject, the rest of the file
    still counts. The lines may come from a plain file or a decompressed stream (crawl.py)."""
    for number, raw_line in lines:
        where = f"{relative}#{number}"
        if not raw_line.strip():
            continue
        digest = sha256(raw_line)
        fallback_id = document_id(f"{stem}-{number}")
        if len(raw_line) > max_bytes:
            yield Reject(
                where,
                "too_large",
                f"line of {len(raw_line)} bytes exceeds the {max_bytes}-byte limit",
                digest,
                fallback_id,
            )
            continue
        try:
            item = json.loads(raw_line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            yield Reject(
                where,
                "invalid_json",
                f"line {number} is not JSON: {error}",
                digest,
                fallback_id,
            )
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            yield Reject(
                where,
                "invalid_json",
                f"line {number} has no string 'text' field",
                digest,
                fallback_id,
            )
            continue
        if not item["text"].strip():
            yield Reject(where, "empty", f"line {number} has an empty text", digest, fallback_id)
            continue
        given = item.get("id")
        doc_id = fallback_id
        if isinstance(given, (str, int)) and str(given).strip():
            doc_id = document_id(str(given))

        def text_or_none(key: str, item: dict[str, object] = item) -> str | None:
            value = item.get(key)
            return value if isinstance(value, str) and value.strip() else None

        yield Document(
            doc_id,
            where,
            item["text"],
            digest,
            "utf-8",
            fmt,
            url=text_or_none("url"),
            date=text_or_none("date"),
            source=text_or_none("source"),
            title=text_or_none("title"),
            line=number,
        )

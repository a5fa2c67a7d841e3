"""Stage 1 — read, for crawl containers: WARC files, compressed JSONL dumps, Parquet tables.

A crawl comes as a few large files holding many articles each, not as one file per
article. This module reads them as streams — a multi-gigabyte file is never held in
memory — and hands each article on as the same :class:`~.read.Document` (or
:class:`~.read.Reject`) that :mod:`.read` makes for single files:

- ``.warc`` / ``.warc.gz`` (FastWARC): each HTML ``response`` record is one article; its
  main text and metadata come from trafilatura, as for an ``.html`` file, in the
  per-document step (:func:`main_text`); the URL is the ``WARC-Target-URI`` and the
  fetch time the ``WARC-Date``. The other records are not articles and are *counted*,
  by kind, not reported one by one (see :class:`Skipped`).
- ``.jsonl.gz`` / ``.jsonl.zst``: a JSONL dump, decompressed as a stream (gzip, zstandard),
  each line read by exactly the rules of a plain ``.jsonl`` line.
- ``.parquet``: one article per row (``text``; optional ``id``, ``url``, ``date``,
  ``source``, ``title``), read in batches; a row is read as the JSON object of those
  columns, so the JSONL rules apply to it too.

Every article has a number in its file — the WARC record's ordinal (every record counts,
from 1), the line, or the row (from 1) — which makes its path ``<file>#<number>`` and,
without an ``id`` of its own, its id ``<file stem>-<number>``.

For the Dask engine a big file is cut into :class:`Part` s that workers read alone
(:func:`plan_parts`): Parquet by row groups (from the footer); WARC and JSONL by a first
indexing pass that notes the byte offset of every few thousandth record or line (for a
``.warc.gz``, only where a gzip member starts; compressed JSONL is not seekable, so a
part decompresses from the start and discards the bytes before its offset).
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import json
import os
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .layout import file_sha256
from .models import Record
from .read import (
    DEFAULT_MAX_JSONL_BYTES,
    Document,
    Gate,
    InputError,
    Reject,
    _html_document,
    decode,
    document_id,
    read_jsonl_lines,
    read_path,
    sha256,
)

#: Crawl formats by file-name ending (checked longest first).
CRAWL_FORMATS = {
    ".warc.gz": "warc.gz",
    ".warc": "warc",
    ".jsonl.gz": "jsonl.gz",
    ".jsonl.zst": "jsonl.zst",
    ".parquet": "parquet",
}
#: Items (WARC records, lines) per Dask part: a few minutes of work per task at most.
PART_ITEMS = 5_000
#: HTTP content types of the WARC responses that are read as articles.
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: The Parquet columns an article may have; others are not read.
PARQUET_COLUMNS = ("id", "text", "url", "date", "source", "title")


@dataclass(frozen=True)
class Skipped:
    """Container items of one file (or part) that are not articles, counted by kind.

    A WARC crawl holds two or three records per page (request, response, metadata): one
    reject line for each would triple the rejects report of a large crawl, so they are
    counted instead, and the manifest lists the counts per file (``skipped``).
    """

    path: str
    counts: tuple[tuple[str, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "counts": dict(self.counts)}


@dataclass(frozen=True)
class Part:
    """A slice of one input file that a worker can read alone.

    ``start`` is a byte offset (in the decompressed stream for compressed JSONL) or, for
    Parquet, a row-group index; ``number`` is the number of the first item in the
    slice; ``count`` the items in it (``None``: to the end of the file).
    """

    path: str
    start: int = 0
    number: int = 1
    count: int | None = None


Item = Document | Reject | Skipped


def input_format(path: Path) -> str | None:
    """The crawl format of ``path`` from its name, or ``None`` for a single-article file."""
    name = path.name.lower()
    for suffix, fmt in CRAWL_FORMATS.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return fmt
    return None


def _stem(path: Path) -> str:
    fmt = input_format(path)
    name = path.name
    return name[: -len(fmt) - 1] if fmt else path.stem


def read_input(path: Path, root: Path, max_bytes: int, gate: Gate | None = None) -> Iterator[Item]:
    """Every item of one input file: crawl containers here, other files by :mod:`.read`
    (``gate`` screens an HTML file's markup before it is parsed, see ``read_path``)."""
    if input_format(path) is None:
        yield from read_path(path, root, max_bytes, gate)
    else:
        yield from read_part(Part(str(path)), root, max_bytes, gate)


def read_part(part: Part, root: Path, max_bytes: int, gate: Gate | None = None) -> Iterator[Item]:
    """The items of one part of a file (a whole file when it was not cut)."""
    path = Path(part.path)
    fmt = input_format(path)
    if fmt is None and path.suffix.lower() == ".jsonl" and (part.start or part.count):
        fmt = "jsonl"
    if fmt is None:
        yield from read_path(path, root, max_bytes, gate)
    elif fmt.startswith("warc"):
        yield from _read_warc(path, root, part, max_bytes, fmt)
    elif fmt == "parquet":
        yield from _read_parquet(path, root, part, max_bytes)
    else:
        relative = path.relative_to(root).as_posix()
        guard = _Guard()
        lines = guard.watch(_numbered(_lines(path, fmt, part.start), part.number, part.count))
        yield from read_jsonl_lines(lines, relative, _stem(path), max_bytes, fmt)
        if guard.error is not None:
            yield guard.reject(path, relative, part.number, "invalid_compression", "line")


class _Guard:
    """Stops a stream of numbered items at the first error of the stream itself (a
    truncated or corrupt file), so what was read before still counts and the rest becomes
    one reject that says where reading stopped."""

    def __init__(self) -> None:
        self.error: Exception | None = None
        self.last: int | None = None

    def watch(self, items: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, Any]]:
        try:
            for number, item in items:
                self.last = number
                yield number, item
        except Exception as error:  # raised while decompressing or decoding the file
            self.error = error

    def reject(self, path: Path, relative: str, first: int, reason: str, what: str) -> Reject:
        number = first if self.last is None else self.last + 1
        message = f"the file cannot be read from {what} {number} on: {self.error}"
        return Reject(f"{relative}#{number}", reason, message, file_sha256(path))


def add_origin(record: Record, doc: Document) -> Record:
    """The record with its place in a crawl container (row, WARC record) in ``provenance``."""
    where = {
        "row": doc.row,
        "warc_record_id": doc.warc_record_id,
        "offset": doc.offset,
        "fetched": doc.fetched,
    }
    given = {key: value for key, value in where.items() if value is not None}
    if not given:
        return record
    return record.model_copy(update={"provenance": record.provenance.model_copy(update=given)})


# --- JSONL streams -----------------------------------------------------------------------


def _lines(path: Path, fmt: str, offset: int = 0) -> Iterator[bytes]:
    """The lines of a JSONL file, decompressed, from byte ``offset`` of its content on.

    A compressed stream that ends before its end marker (a truncated file) raises
    ``EOFError`` after its last complete line, so no line is dropped silently.
    """
    if fmt == "jsonl":
        with path.open("rb") as handle:
            handle.seek(offset)
            yield from handle
        return
    rest = b""
    for block in _skip(_decompressed(path, fmt), offset):
        *complete, rest = (rest + block).split(b"\n")
        yield from (line + b"\n" for line in complete)
    if rest:
        yield rest


def _decompressed(path: Path, fmt: str) -> Iterator[bytes]:
    """The decompressed content of a gzip or zstandard file, block by block (every member
    or frame of a concatenated file)."""
    if fmt == "jsonl.gz":

        def stream() -> Any:
            return zlib.decompressobj(wbits=31)
    else:
        import zstandard

        def stream() -> Any:
            return zstandard.ZstdDecompressor().decompressobj()

    with path.open("rb") as handle:
        current, unfinished = stream(), False
        while block := handle.read(1 << 16):
            while block:
                unfinished = True
                out = current.decompress(block)
                if out:
                    yield out
                block = b""
                if current.eof:  # a member or frame ended: another may follow
                    block, current, unfinished = current.unused_data, stream(), False
        if unfinished:
            raise EOFError("the compressed stream ends before its end marker (truncated?)")


def _skip(blocks: Iterator[bytes], offset: int) -> Iterator[bytes]:
    """``blocks`` without their first ``offset`` bytes."""
    for block in blocks:
        if offset >= len(block):
            offset -= len(block)
            continue
        yield block[offset:]
        offset = 0


def _numbered(lines: Iterator[bytes], first: int, count: int | None) -> Iterator[tuple[int, bytes]]:
    """``(number, line)`` from ``first``, ``count`` lines at most."""
    for number, line in enumerate(lines, start=first):
        if count is not None and number >= first + count:
            return
        yield number, line


# --- WARC --------------------------------------------------------------------------------


def _read_warc(path: Path, root: Path, part: Part, max_bytes: int, fmt: str) -> Iterator[Item]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    relative = path.relative_to(root).as_posix()
    stem = _stem(path)
    skipped: Counter[str] = Counter()
    end = None if part.count is None else part.number + part.count
    with path.open("rb") as handle:
        handle.seek(part.start)
        records = enumerate(ArchiveIterator(handle), start=part.number)
        number = part.number - 1
        while end is None or number + 1 < end:
            try:
                number, record = next(records)
            except StopIteration:
                break
            except Exception as error:  # a truncated or corrupt file: the rest is unreadable
                yield Reject(
                    f"{relative}#{number + 1}",
                    "invalid_warc",
                    f"the WARC file cannot be read from record {number + 1} on: {error}",
                    file_sha256(path),
                )
                break
            if record.record_type != WarcRecordType.response:
                skipped[str(record.record_type).rsplit(".", 1)[-1]] += 1
                continue
            kind = _response_kind(record)
            if kind:
                skipped[kind] += 1
                continue
            position = record.stream_pos
            found = _record_starts_at(handle.fileno(), position, fmt == "warc.gz")
            offset = position if found else None
            yield _warc_document(record, relative, stem, number, max_bytes, fmt, offset)
    yield Skipped(relative, tuple(sorted(skipped.items())))


def _record_starts_at(fd: int, offset: int, compressed: bool) -> bool:
    """Whether a WARC record (its own gzip member, if ``compressed``) starts at ``offset``.

    FastWARC reports a position for every record, but in a ``.warc.gz`` written as one
    gzip stream that position is not where the record starts; such offsets are neither
    published nor used to cut the file.
    """
    head = os.pread(fd, 1024, offset)
    if not compressed:
        return head.startswith(b"WARC/")
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 5).startswith(b"WARC/")
    except zlib.error:
        return False


def _response_kind(record: Any) -> str | None:
    """Why a response record is not an article (counted under that name), or ``None``."""
    if not record.is_http:
        return "response_not_http"
    status = record.http_headers.status_code or 0
    if not 200 <= status < 300:
        return "response_not_ok"
    content_type = (record.http_content_type or "").lower()
    if content_type not in HTML_TYPES:
        return "response_not_html"
    return None


def _warc_document(
    record: Any, relative: str, stem: str, number: int, max_bytes: int, fmt: str, offset: int | None
) -> Document | Reject:
    where = f"{relative}#{number}"
    doc_id = document_id(f"{stem}-{number}")
    payload = record.reader.read(max_bytes + 1)
    digest = sha256(payload)
    if len(payload) > max_bytes:
        return Reject(
            where, "too_large", f"HTML payload exceeds the {max_bytes}-byte limit", digest, doc_id
        )
    try:
        html, encoding = _decode_html(payload, record.http_charset)
    except InputError as error:
        return Reject(where, error.reason, error.message, digest, doc_id)
    return Document(
        doc_id,
        where,
        "",
        digest,
        encoding,
        fmt,
        url=record.headers.get("WARC-Target-URI"),
        warc_record_id=record.record_id,
        offset=offset,
        fetched=record.headers.get("WARC-Date"),
        markup=html,
    )


def main_text(doc: Document) -> Document | Reject:
    """A WARC page's document with its main text and metadata (trafilatura, as for an
    ``.html`` file; the date is the page's own, else the fetch day).

    Reading a WARC leaves the HTML in ``markup``: trafilatura costs milliseconds a page,
    so it runs in the per-document step, on the worker processes, not while reading.
    Other documents are returned as they are.
    """
    if doc.markup is None:
        return doc
    meta = _html_document(doc.markup)
    if not (meta.get("text") or "").strip():
        message = "no main text found in the HTML page"
        return Reject(doc.path, "not_an_article", message, doc.sha256, doc.id)
    return dataclasses.replace(
        doc,
        text=meta["text"] or "",
        url=doc.url or meta.get("url"),
        date=meta.get("date") or (doc.fetched[:10] if doc.fetched else None),
        source=meta.get("source"),
        title=meta.get("title"),
        markup=None,
    )


def _decode_html(payload: bytes, charset: str | None) -> tuple[str, str]:
    """The page's text: with the charset the server declared when it decodes, else detected."""
    if charset:
        try:
            name = codecs.lookup(charset).name
            return payload.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(payload)


# --- Parquet -----------------------------------------------------------------------------


def _read_parquet(path: Path, root: Path, part: Part, max_bytes: int) -> Iterator[Item]:
    import pyarrow.parquet as pq

    relative = path.relative_to(root).as_posix()
    try:
        table = pq.ParquetFile(path)
        columns = [c for c in PARQUET_COLUMNS if c in table.schema_arrow.names]
        if "text" not in columns:
            raise ValueError("it has no 'text' column")
    except Exception as error:
        yield Reject(
            relative,
            "invalid_parquet",
            f"not a Parquet table of articles: {error}",
            file_sha256(path),
        )
        return
    groups = _row_groups(table, part)
    if not groups:
        return
    batches = table.iter_batches(batch_size=1_000, row_groups=groups, columns=columns)
    rows = (row for batch in batches for row in batch.to_pylist())
    guard = _Guard()
    lines = guard.watch(
        (number, _row_json(row)) for number, row in enumerate(rows, start=part.number)
    )
    for item in read_jsonl_lines(lines, relative, _stem(path), max_bytes, "parquet"):
        yield (
            dataclasses.replace(item, row=item.line, line=None)
            if isinstance(item, Document)
            else item
        )
    if guard.error is not None:
        yield guard.reject(path, relative, part.number, "invalid_parquet", "row")


def _row_groups(table: Any, part: Part) -> list[int]:
    """The row groups of ``part``: from ``part.start`` until ``part.count`` rows are covered."""
    groups: list[int] = []
    rows = 0
    for index in range(part.start, table.metadata.num_row_groups):
        if part.count is not None and rows >= part.count:
            break
        groups.append(index)
        rows += table.metadata.row_group(index).num_rows
    return groups


def _row_json(row: dict[str, Any]) -> bytes:
    """A row as the JSON line it stands for (dates as ``YYYY-MM-DD``)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()[:10]
        return value

    values = {key: plain(value) for key, value in row.items()}
    return json.dumps(values, ensure_ascii=False, default=str).encode()


# --- Parts for the Dask engine -----------------------------------------------------------


def plan_parts(path: Path, items: int = PART_ITEMS) -> list[Part]:
    """Cut one input file into parts of about ``items`` records, lines or rows."""
    fmt = input_format(path)
    if fmt is None and path.suffix.lower() == ".jsonl":
        if path.stat().st_size > DEFAULT_MAX_JSONL_BYTES:
            return [Part(str(path))]  # read_path rejects it as too large, in one piece
        fmt = "jsonl"
    try:
        if fmt is None:
            return [Part(str(path))]
        if fmt.startswith("warc"):
            return _warc_parts(path, items)
        if fmt == "parquet":
            return _parquet_parts(path, items)
        return _line_parts(path, fmt, items)
    except Exception:  # an unreadable file is read (and rejected) whole
        return [Part(str(path))]


def _cut(path: Path, starts: list[tuple[int, int]]) -> list[Part]:
    """Parts from ``(offset, first number)`` starts; the last part runs to the end."""
    parts = []
    for (start, number), following in zip(starts, [*starts[1:], None], strict=True):
        count = None if following is None else following[1] - number
        parts.append(Part(str(path), start, number, count))
    return parts


def _warc_parts(path: Path, items: int) -> list[Part]:
    """Index pass over the WARC headers: a part starts every ``items`` records, where a
    record starts at its own offset (a new gzip member, or any record uncompressed)."""
    from fastwarc.warc import ArchiveIterator

    starts = [(0, 1)]
    compressed = input_format(path) == "warc.gz"
    with path.open("rb") as handle:
        for number, record in enumerate(ArchiveIterator(handle, parse_http=False), start=1):
            offset = record.stream_pos
            if (
                number - starts[-1][1] >= items
                and offset > starts[-1][0]
                and _record_starts_at(handle.fileno(), offset, compressed)
            ):
                starts.append((offset, number))
    return _cut(path, starts)


def _line_parts(path: Path, fmt: str, items: int) -> list[Part]:
    """Index pass over the (decompressed) lines: the byte offset of every ``items``-th."""
    starts = [(0, 1)]
    position = 0
    for number, line in enumerate(_lines(path, fmt), start=1):
        if number > 1 and (number - 1) % items == 0:
            starts.append((position, number))
        position += len(line)
    return _cut(path, starts)


def _parquet_parts(path: Path, items: int) -> list[Part]:
    """Whole row groups, gathered until a part has about ``items`` rows (footer only)."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    parts: list[Part] = []
    group, number = 0, 1
    while group < meta.num_row_groups:
        first_group, first_number, rows = group, number, 0
        while group < meta.num_row_groups and (rows == 0 or rows < items):
            rows += meta.row_group(group).num_rows
            group += 1
        number += rows
        parts.append(Part(str(path), first_group, first_number, rows))
    return parts or [Part(str(path))]

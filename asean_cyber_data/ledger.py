"""The ledger: where every input of a build is accounted for, on disk.

Each extraction result enters the ledger as a record or a reject. The ledger applies
the accounting rules — an exact duplicate (same cleaned text) is rejected as
``duplicate_of`` the record kept; a record whose id is already taken (the same file
name in two folders, a JSONL id used twice) keeps its article under the id plus ``-``
and 8 hex characters of the sha256 of its input path, so no article is dropped for its
name; only if that id is taken too is it rejected as ``id_clash`` naming both inputs —
and keeps records, rejects and input hashes in a SQLite file, so a build of millions
of articles holds none of them in memory. Results arrive in the build's input order
(sorted paths), so the first input keeps the plain id whatever the number of workers.
Container items that are not articles (WARC requests, metadata…) are counted per file
and kind. At the end, :meth:`Ledger.merge_copies` merges syndicated copies
(``syndication.py``): each copy becomes a ``near_duplicate_of`` reject and is listed in
the kept record's ``copies``. Publishing reads the records back in id order.

Off-topic articles (reason ``off_topic``: stopped by the gate or below the relevance
threshold) are most of a news crawl, so they are kept apart and compactly: path, id,
score and why, in input order, for the release's gzip-compressed off-topic listing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from .crawl import Skipped
from .models import Record, split_of
from .read import Reject, id_suffix
from .syndication import CopyIndex


class RecordText(NamedTuple):
    """A record as its validated JSON, with the LSH band keys of its text
    (:func:`syndication.band_keys`), computed where it was extracted: the worker
    processes, rather than the one process that keeps the ledger."""

    json: str
    bands: tuple[int, ...]


class Ledger:
    """Records, rejects and inputs of one build."""

    def __init__(self, path: Path, find_copies: bool = True) -> None:
        self.path = path
        self._db = sqlite3.connect(path)
        self._db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE records (id TEXT PRIMARY KEY, path TEXT, split TEXT, language TEXT,
                                  json TEXT);
            CREATE TABLE texts (hash TEXT PRIMARY KEY, id TEXT);
            CREATE TABLE rejects (path TEXT, reason TEXT, json TEXT);
            CREATE TABLE inputs (path TEXT PRIMARY KEY, sha256 TEXT);
            CREATE TABLE skipped (path TEXT, kind TEXT, count INTEGER,
                                  PRIMARY KEY (path, kind));
            CREATE TABLE off_topic (path TEXT, id TEXT, score REAL, why TEXT);
            """
        )
        self._copies = CopyIndex(self._db) if find_copies else None
        self.records = 0
        self.rejects = 0
        self.off_topic = 0

    def add(self, result: Record | Reject | Skipped | str | RecordText) -> None:
        """Account for one result: a record, a reject, a count of skipped container items,
        or a record as validated JSON (with its band keys or without)."""
        if isinstance(result, Reject):
            if result.reason == "off_topic":
                self._db.execute(
                    "INSERT INTO off_topic VALUES (?, ?, ?, ?)",
                    (result.path, result.id, result.score or 0.0, result.message),
                )
                self.off_topic += 1
            else:
                self._reject(result)
            return
        if isinstance(result, Skipped):
            self._db.executemany(
                "INSERT INTO skipped VALUES (?, ?, ?) ON CONFLICT (path, kind) "
                "DO UPDATE SET count = count + excluded.count",
                [(result.path, kind, count) for kind, count in result.counts],
            )
            return
        if isinstance(result, RecordText):
            self._add_record_json(result.json, result.bands)
            return
        if isinstance(result, Record):
            result = result.model_dump_json()
        self._add_record_json(result)

    def _add_record_json(self, text: str, bands: tuple[int, ...] | None = None) -> None:
        """A record serialised by ``Record.model_dump_json`` (validated when made);
        ``bands``, its text's band keys, are computed here when not given."""
        item = json.loads(text)
        record_id, path, sha = item["id"], item["source"]["path"], item["provenance"]["sha256"]
        self._db.execute("INSERT OR REPLACE INTO inputs VALUES (?, ?)", (path, sha))
        text_hash = hashlib.sha256(item["text"].encode()).hexdigest()
        kept = self._db.execute("SELECT id FROM texts WHERE hash = ?", (text_hash,)).fetchone()
        if kept:
            self._reject(
                Reject(
                    path,
                    "duplicate_of",
                    f"same text as record {kept[0]}",
                    sha,
                    kept[0],
                ),
                counted=True,
            )
            return
        owner = self._db.execute("SELECT path FROM records WHERE id = ?", (record_id,)).fetchone()
        if owner:
            renamed = self._renamed(item, f"{record_id}-{id_suffix(path)}")
            if renamed is not None:
                item, text = renamed
                record_id, owner = item["id"], None
        if owner:
            self._reject(
                Reject(
                    path,
                    "id_clash",
                    f"id {record_id!r} of {path} is already used by {owner[0]}",
                    sha,
                    record_id,
                ),
                counted=True,
            )
            return
        cursor = self._db.execute(
            "INSERT INTO records VALUES (?, ?, ?, ?, ?)",
            (record_id, path, item["split"], item["language"], text),
        )
        self._db.execute("INSERT INTO texts VALUES (?, ?)", (text_hash, record_id))
        if self._copies is not None:
            self._copies.add(int(cursor.lastrowid or 0), item, bands)
        self.records += 1

    def _record(self, rid: int) -> dict[str, Any]:
        row = self._db.execute("SELECT json FROM records WHERE rowid = ?", (rid,)).fetchone()
        return dict(json.loads(row[0]))

    def merge_copies(self) -> int:
        """Merge syndicated copies into the record kept for each story (once, at the end
        of the build); returns the number of copies merged."""
        if self._copies is None:
            return 0
        merged = 0
        for keeper, copies in self._copies.groups(self._record):
            kept = self._record(keeper)
            listed = []
            for rid, score in copies:
                copy = self._record(rid)
                listed.append(
                    {
                        "id": copy["id"],
                        "source": copy["source"]["name"],
                        "url": copy["source"]["url"],
                        "similarity": score,
                    }
                )
                self._db.execute("DELETE FROM records WHERE rowid = ?", (rid,))
                self._reject(
                    Reject(
                        copy["source"]["path"],
                        "near_duplicate_of",
                        f"the same story as record {kept['id']} (similarity {score:.3f})",
                        copy["provenance"]["sha256"],
                        kept["id"],
                        similarity=score,
                    ),
                    counted=True,
                )
                self.records -= 1
                merged += 1
            listed.sort(key=lambda c: c["id"])
            record = Record.model_validate({**kept, "copies": listed})
            self._db.execute(
                "UPDATE records SET json = ? WHERE rowid = ?", (record.model_dump_json(), keeper)
            )
        return merged

    def _renamed(self, item: dict[str, Any], new_id: str) -> tuple[dict[str, Any], str] | None:
        """The record under ``new_id`` (its split follows the id), or None if that id is
        taken too or is not a valid id."""
        if self._db.execute("SELECT 1 FROM records WHERE id = ?", (new_id,)).fetchone():
            return None
        try:
            record = Record.model_validate({**item, "id": new_id, "split": split_of(new_id)})
        except ValueError:
            return None
        text = record.model_dump_json()
        return json.loads(text), text

    def _reject(self, reject: Reject, counted: bool = False) -> None:
        if not counted:
            self._db.execute(
                "INSERT OR REPLACE INTO inputs VALUES (?, ?)", (reject.path, reject.sha256)
            )
        self._db.execute(
            "INSERT INTO rejects VALUES (?, ?, ?)",
            (reject.path, reject.reason, json.dumps(reject.to_json(), ensure_ascii=False)),
        )
        self.rejects += 1

    def records_by_id(self) -> Iterator[Record]:
        for text in self.record_json_by_id():
            yield Record.model_validate_json(text)

    def record_json_by_id(self) -> Iterator[str]:
        """The records as their validated JSON, in id order (no model round trip)."""
        for (text,) in self._db.execute("SELECT json FROM records ORDER BY id"):
            yield text

    def split_counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT split, COUNT(*) FROM records GROUP BY split")
        return {split: count for split, count in rows}

    def language_counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT language, COUNT(*) FROM records GROUP BY language")
        return {language: count for language, count in rows}

    def reason_counts(self) -> list[tuple[str, int]]:
        """How many inputs were rejected for each reason, most frequent first."""
        rows = self._db.execute(
            "SELECT reason, COUNT(*) AS n FROM rejects GROUP BY reason ORDER BY n DESC, reason"
        )
        return [(reason, count) for reason, count in rows]

    def rejects_json(self) -> Iterator[str]:
        for (text,) in self._db.execute("SELECT json FROM rejects ORDER BY path, reason"):
            yield text

    def skipped_counts(self) -> dict[str, dict[str, int]]:
        """Container items that were not articles, by file and kind."""
        counts: dict[str, dict[str, int]] = {}
        for path, kind, count in self._db.execute(
            "SELECT path, kind, count FROM skipped WHERE count > 0 ORDER BY path, kind"
        ):
            counts.setdefault(path, {})[kind] = count
        return counts

    def off_topic_json(self) -> Iterator[str]:
        """The off-topic listing's lines, in input order."""
        for path, doc_id, score, why in self._db.execute(
            "SELECT path, id, score, why FROM off_topic ORDER BY rowid"
        ):
            yield json.dumps(
                {"path": path, "id": doc_id, "score": score, "why": why}, ensure_ascii=False
            )

    def inputs(self) -> Iterator[tuple[str, str]]:
        yield from self._db.execute("SELECT path, sha256 FROM inputs ORDER BY path")

    def close(self) -> None:
        self._db.close()

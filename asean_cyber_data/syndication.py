"""Syndicated copies: the same story under several outlets becomes one record.

A wire story is republished by many outlets, lightly edited — another headline, a
trimmed or rewritten lead, the outlet's sign-off. Counted as separate records they
inflate every count by partner or year. Across the whole build, records are compared
by the Jaccard similarity of their *shingles* (runs of ``shingle_words`` words; in Thai,
Lao, Myanmar and Khmer, runs of ``shingle_chars`` characters) and two records at or
above ``threshold`` are the same story (``data/syndication.yaml``).

Comparing every pair is quadratic, so candidates come from MinHash LSH: each record's
MinHash signature (datasketch, ``num_perm`` permutations fixed by ``seed``) is cut into
``bands``; two records sharing one band hash are a candidate pair, and each candidate
is checked with the *exact* similarity of the two texts. The band hashes live in the
ledger's SQLite file (``bands``: one 8-byte key and a row number per band per record),
so memory stays flat however large the build; a record's candidates are one indexed
lookup.

Which record is kept, for a group of copies: the earliest dated (undated last), then a
wire agency's (``wires``), then the smallest id. Records are visited in that order;
each one not yet claimed is kept and claims every unclaimed candidate at or above the
threshold, so every copy is itself similar to the record it is merged into (no chains)
and the result depends neither on input order nor on the number of workers.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import yaml


@dataclass(frozen=True)
class Settings:
    threshold: float
    shingle_words: int
    shingle_chars: int
    tokens: re.Pattern[str]
    num_perm: int
    bands: int
    seed: int
    wires: frozenset[str]

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The settings in ``data/syndication.yaml``."""
    path = resources.files("asean_cyber_data") / "data" / "syndication.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    unspaced = data["unspaced_scripts"]
    # (a word: letters and digits, no underscore, none of the unspaced scripts' letters)
    tokens = re.compile(rf"(?P<run>[{unspaced}]+)|(?P<word>[^\W_{unspaced}]+)")
    if data["num_perm"] % data["bands"]:
        raise ValueError("syndication.yaml: num_perm must be a multiple of bands")
    return Settings(
        threshold=float(data["threshold"]),
        shingle_words=int(data["shingle_words"]),
        shingle_chars=int(data["shingle_chars"]),
        tokens=tokens,
        num_perm=int(data["num_perm"]),
        bands=int(data["bands"]),
        seed=int(data["seed"]),
        wires=frozenset(str(name).casefold() for name in data["wires"]),
    )


def shingles(text: str) -> frozenset[int]:
    """The shingle set of a text, each shingle as a 64-bit hash (see the module docstring)."""
    return frozenset(_shingle_hashes(text).tolist())


def _shingle_hashes(text: str) -> Any:
    """The distinct shingle hashes of a text, sorted (a numpy array).

    Words are hashed once each (CRC-32); a shingle is a fixed random combination of its
    ``shingle_words`` word hashes (or ``shingle_chars`` character codes), computed for
    all windows at once with numpy — per record this is a fraction of a millisecond.
    """
    config = settings()
    words: list[int] = []
    chars: list[str] = []
    for run, word in config.tokens.findall(text.casefold()):
        if run:
            chars.append(run)
        else:
            words.append(zlib.crc32(word.encode("utf-8")))
    found = _windows(np.array(words, dtype=np.uint64), config.shingle_words)
    if chars:
        codes = np.frombuffer(" ".join(chars).encode("utf-32-le"), dtype="<u4")
        found = np.concatenate([found, _windows(codes.astype(np.uint64), config.shingle_chars)])
    return np.unique(found)


@lru_cache(maxsize=1)
def _multipliers() -> Any:
    config = settings()
    size = max(config.shingle_words, config.shingle_chars)
    random = np.random.RandomState(config.seed)
    return random.randint(1, 2**63 - 1, size=size, dtype=np.int64).astype(np.uint64) | 1


def _windows(codes: Any, k: int) -> Any:
    """64-bit hashes of every run of ``k`` consecutive codes (one when there are fewer)."""
    if not len(codes):
        return np.zeros(0, dtype=np.uint64)
    k = min(k, len(codes))
    windows = np.lib.stride_tricks.sliding_window_view(codes, k)
    with np.errstate(over="ignore"):
        mixed = (windows * _multipliers()[:k]).sum(axis=1, dtype=np.uint64)
        mixed ^= mixed >> np.uint64(31)
        mixed *= np.uint64(0x9E3779B97F4A7C15)
        mixed ^= mixed >> np.uint64(29)
    return mixed


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@lru_cache(maxsize=1)
def _hasher() -> Any:
    from datasketch import MinHash

    config = settings()
    return MinHash(num_perm=config.num_perm, seed=config.seed, hashfunc=int)


def band_keys(text: str) -> list[int]:
    """The LSH band hashes of a text's MinHash signature (signed 64-bit, band-tagged).

    The signature is datasketch's MinHash (its permutations fixed by ``seed``) over the
    high 32 bits of each shingle hash, the width datasketch's permutations are made for.
    """
    config = settings()
    minhash = _hasher().copy()
    minhash.clear()
    minhash.update_batch((_shingle_hashes(text) >> np.uint64(32)).tolist())
    values = minhash.hashvalues.astype("<u8")
    keys = []
    for band in range(config.bands):
        block = values[band * config.rows : (band + 1) * config.rows].tobytes()
        digest = hashlib.blake2b(block, digest_size=8, person=band.to_bytes(2, "little"))
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


def keep_order(record: dict[str, Any]) -> tuple[str, int, str]:
    """Sort key of the record kept among copies: earliest date, a wire's, smallest id."""
    name = (record.get("source") or {}).get("name") or ""
    wire = 0 if name.casefold() in settings().wires else 1
    return (record.get("date") or "9999-99-99", wire, record["id"])


class CopyIndex:
    """The LSH index in an SQLite database, and the grouping of records into copies.

    ``add`` is called once per record (``rid``: the record's row number); ``groups``,
    at the end of the build, yields each kept record with its copies.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._db.executescript(
            """
            CREATE TABLE bands (key INTEGER, rid INTEGER);
            CREATE TABLE ranked (rid INTEGER PRIMARY KEY, date TEXT, wire INTEGER, id TEXT);
            CREATE TABLE claimed (rid INTEGER PRIMARY KEY, keeper INTEGER);
            """
        )

    def add(self, rid: int, record: dict[str, Any], bands: Sequence[int] | None = None) -> None:
        """Index one record (its JSON object), by the band keys of its text (``bands``,
        computed here unless given)."""
        keys = band_keys(record["text"]) if bands is None else bands
        self._db.executemany("INSERT INTO bands VALUES (?, ?)", [(key, rid) for key in keys])
        self._db.execute("INSERT INTO ranked VALUES (?, ?, ?, ?)", (rid, *keep_order(record)))

    def groups(
        self, load: Callable[[int], dict[str, Any]]
    ) -> Iterator[tuple[int, list[tuple[int, float]]]]:
        """``(kept rid, [(copy rid, similarity), ...])`` for every record that has copies;
        ``load(rid)`` gives a record's JSON object.

        Only records that share a band with another are visited, in keep order; a
        visited record already claimed is skipped, so a story with n copies costs n
        comparisons, not n². Cursors are streamed (each loop writes only to the
        ``claimed`` table): nothing grows in memory but a bounded shingle cache.
        """
        self._db.executescript(
            """
            CREATE INDEX bands_by_key ON bands (key, rid);
            CREATE INDEX bands_by_rid ON bands (rid, key);
            CREATE TABLE shared AS SELECT DISTINCT rid FROM bands WHERE key IN
                (SELECT key FROM bands GROUP BY key HAVING COUNT(*) > 1);
            """
        )
        cached = lru_cache(maxsize=4096)(lambda rid: shingles(load(rid)["text"]))
        threshold = settings().threshold
        visit = self._db.execute(
            "SELECT ranked.rid FROM ranked JOIN shared ON shared.rid = ranked.rid "
            "ORDER BY ranked.date, ranked.wire, ranked.id"
        )
        for (rid,) in visit:
            if self._claimed(rid):
                continue
            self._db.execute("INSERT INTO claimed VALUES (?, ?)", (rid, rid))
            candidates = self._db.execute(
                "SELECT DISTINCT other.rid FROM bands mine JOIN bands other "
                "ON other.key = mine.key AND other.rid != mine.rid "
                "WHERE mine.rid = ? AND other.rid NOT IN (SELECT rid FROM claimed) "
                "ORDER BY other.rid",
                (rid,),
            ).fetchall()  # the unclaimed records sharing a band with this one
            copies = []
            for (other,) in candidates:
                score = similarity(cached(rid), cached(other))
                if score >= threshold:
                    copies.append((other, round(score, 3)))
            self._db.executemany(
                "INSERT INTO claimed VALUES (?, ?)", [(copy, rid) for copy, _ in copies]
            )
            if copies:
                yield rid, copies

    def _claimed(self, rid: int) -> bool:
        return bool(self._db.execute("SELECT 1 FROM claimed WHERE rid = ?", (rid,)).fetchone())

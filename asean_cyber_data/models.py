"""The record schema, defined once.

Every other form of the schema — the JSON Schema under ``schema/``, the Arrow schema
of the Parquet release, the Hugging Face ``Features`` — is generated from these
models (see :mod:`asean_cyber_data.schema_forms`) and checked against them in tests.
Field names are a public contract: add fields, never rename or remove them within a
major version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .version import SCHEMA_VERSION

#: Organisation codes accepted as partners besides ISO 3166-1 alpha-2 country codes.
ORGANISATION_CODES = (
    "EU",
    "UN",
    "UNODC",
    "ITU",
    "INTERPOL",
    "OSCE",
    "NATO",
    "G7",
    "COE",
    "WB",
    "ADB",
)

CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")]
PartnerCode = Annotated[
    str,
    Field(
        pattern=r"^([A-Z]{2}|" + "|".join(ORGANISATION_CODES) + r")$",
        description="ISO 3166-1 alpha-2 country code or an organisation code",
    ),
]
EvidenceField = Literal[
    "source",
    "date",
    "speaker",
    "speaker_title",
    "partners",
    "initiatives",
    "speakers",
    "event_date",
]
Split = Literal["train", "validation", "test"]

#: Characters of an id besides ``.``, ``_`` and ``-``: ASCII letters and digits and the
#: Basic Multilingual Plane from U+00A1, less the General Punctuation block (spaces,
#: zero-width and bidirectional controls, line separators), surrogates, private use and
#: the byte-order mark. Written with ``\uXXXX`` escapes, which Python, Rust (pydantic)
#: and ECMAScript regular expressions all read the same way.
ID_CHARS = r"A-Za-z0-9\u00a1-\u1fff\u2070-\ud7ff\uf900-\ufefe\uff00-\ufffd"
#: A record id: path-safe (no separator, no control character, no leading dot or dash),
#: at most 200 characters; letters of every script are kept (see ``read.slug_id``).
ID_PATTERN = rf"^[{ID_CHARS}][{ID_CHARS}._-]{{0,199}}$"


def split_of(record_id: str) -> Split:
    """The record's training split, fixed by a hash of its id: a record never changes split
    between releases (80% train, 10% validation, 10% test)."""
    bucket = int(hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if bucket < 80 else "validation" if bucket < 90 else "test"


class Model(BaseModel):
    """Base of every schema object: unknown keys are an error, objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Model):
    """The outlet that produced the text and where the raw input came from."""

    name: str | None = Field(description="Outlet name as commonly written (Bernama, TTXVN, ...)")
    url: str | None = Field(default=None, description="URL of the article or of its source line")
    path: str = Field(description="Raw input path relative to the raw root (plus #line for JSONL)")


class Provenance(Model):
    """How the raw bytes became text: enough to reproduce or audit the cleaning."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the raw input bytes")
    encoding: str = Field(description="Encoding the raw bytes were decoded with")
    format: Literal[
        "txt", "html", "jsonl", "string", "warc", "warc.gz", "jsonl.gz", "jsonl.zst", "parquet"
    ] = Field(description="Input format")
    repairs: list[str] = Field(default_factory=list, description="Text repairs applied")
    line: int | None = Field(
        default=None, description="Line number (from 1) in a JSONL input, plain or compressed"
    )
    title: str | None = Field(default=None, description="Title given by the input (HTML, JSONL)")
    given_date: str | None = Field(default=None, description="Date given by the input metadata")
    given_source: str | None = Field(
        default=None, description="Source or site name given by the input metadata"
    )
    # Added in schema 1.2.0 (optional): where in a crawl container the article was.
    row: int | None = Field(default=None, description="Row number (from 1) in a Parquet input")
    warc_record_id: str | None = Field(
        default=None, description="WARC-Record-ID of the response record the article came from"
    )
    offset: int | None = Field(
        default=None,
        ge=0,
        description="Byte offset of the WARC record in its file (of its gzip member in .warc.gz)",
    )
    fetched: str | None = Field(
        default=None, description="When the crawler fetched the page (the WARC-Date header)"
    )


class Speaker(Model):
    """The principal person quoted."""

    name: str = Field(min_length=1, description="Name as written, without honorifics")
    title: str | None = Field(default=None, description="Office or function, as written")
    honorific: str | None = Field(default=None, description="Honorifics written before the name")
    country: CountryCode | None = Field(default=None, description="Country the speaker speaks for")


class Partner(Model):
    """An external party ASEAN or a member cooperates with."""

    code: PartnerCode
    name: str = Field(min_length=1, description="English name")


class Initiative(Model):
    """A named programme, mechanism, agreement, convention or meeting."""

    name: str = Field(min_length=1, description="English name where known, else the surface form")
    surface: str = Field(min_length=1, description="The words used in the article")
    # Added in schema 1.2.0.
    id: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Stable id of the mechanism in the project's registry, when it is one",
    )


class Evidence(Model):
    """Where in ``text`` a value was read: ``text[start:end]`` is the quoted words."""

    field: EvidenceField
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: str = Field(description="The extracted value this span supports")
    # Added in schema 1.2.0.
    rule: str | None = Field(
        default=None, description="The named rule that proposed the value (traces a wrong value)"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end <= self.start:
            raise ValueError(f"evidence span end {self.end} must be after start {self.start}")
        return self


class Copy(Model):
    """A syndicated copy of a record's story, merged into it (see ``syndication.py``)."""

    id: str = Field(description="Id the copy would have had as a record")
    source: str | None = Field(description="Outlet name of the copy")
    url: str | None = Field(default=None, description="URL of the copy")
    similarity: float = Field(
        ge=0, le=1, description="Jaccard similarity of the two texts' shingles"
    )


RelevanceKind = Literal["cyber", "cooperation", "asean_party", "other_party"]


class RelevanceEvidence(Model):
    """One word the relevance score counted: ``text[start:end]`` is where it was read."""

    kind: RelevanceKind = Field(
        description="cyber or cooperation term, or a party: asean_party (ASEAN or a member) "
        "or other_party"
    )
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    term: str = Field(description="The language-data term matched, or the party's code")

    @model_validator(mode="after")
    def _ordered(self) -> RelevanceEvidence:
        if self.end <= self.start:
            raise ValueError(f"evidence span end {self.end} must be after start {self.start}")
        return self


class Relevance(Model):
    """Is the article about ASEAN cyber cooperation (GUIDELINES v2 ``relevant``)?"""

    score: float = Field(ge=0, le=1, description="Relevance score in [0, 1]")
    relevant: bool = Field(description="score reached the build's threshold")
    evidence: list[RelevanceEvidence] = Field(
        default_factory=list, description="Every term and party the score counted"
    )


class Record(Model):
    """One article: who cooperated with whom on what, and when, with evidence."""

    id: str = Field(
        pattern=ID_PATTERN,
        description="Stable id: the input's name, path-safe (Unicode letters kept, NFC)",
    )
    schema_version: str = Field(default=SCHEMA_VERSION, pattern=r"^\d+\.\d+\.\d+$")
    source: Source
    language: str = Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 of the body")
    date: str | None = Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")
    date_precision: Literal["day", "month", "year"] | None
    speaker: Speaker | None
    partner: Partner | None
    partners: list[Partner]
    initiatives: list[Initiative]
    text: str
    evidence: list[Evidence]
    provenance: Provenance
    # Added in schema 1.1.0 (optional: 1.0.0 records read with these defaults).
    speakers: list[Speaker] = Field(
        default_factory=list,
        description="Every person quoted, principal first (speakers[0] == speaker)",
    )
    event_date: str | None = Field(
        default=None,
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="Date of the reported event when the text fixes it (YYYY-MM-DD)",
    )
    split: Split = Field(
        default="train",
        description="Training split, from a hash of the id (stable across releases)",
    )
    # Added in schema 1.2.0 (optional).
    copies: list[Copy] = Field(
        default_factory=list,
        description="Near-duplicate articles (the same story elsewhere) merged into this record",
    )
    # Added in schema 1.2.0 (optional: older records read with null).
    relevance: Relevance | None = Field(
        default=None,
        description="Relevance score, decision and evidence (null in releases before 1.2.0)",
    )

    @model_validator(mode="before")
    @classmethod
    def _derived_split(cls, data: object) -> object:
        """Records written before the split existed get the split their id implies."""
        if isinstance(data, dict) and "split" not in data and isinstance(data.get("id"), str):
            return {**data, "split": split_of(data["id"])}
        return data

    @field_validator("date", "event_date")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        if value is not None:
            dt.date.fromisoformat(value)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Record:
        if (self.partner is None) != (not self.partners):
            raise ValueError("partner must be null exactly when partners is empty")
        if self.partner is not None and self.partners[0] != self.partner:
            raise ValueError("partners[0] must equal partner")
        if (self.date is None) != (self.date_precision is None):
            raise ValueError("date_precision must be null exactly when date is null")
        for span in self.evidence:
            if span.end > len(self.text):
                raise ValueError(f"evidence span {span.start}:{span.end} lies outside text")
        for item in self.relevance.evidence if self.relevance else []:
            if item.end > len(self.text):
                raise ValueError(f"relevance span {item.start}:{item.end} lies outside text")
        if self.speakers and self.speakers[0] != self.speaker:
            raise ValueError("speakers[0] must equal speaker")
        if self.split != split_of(self.id):
            raise ValueError(f"split {self.split!r} does not match the id's {split_of(self.id)!r}")
        return self

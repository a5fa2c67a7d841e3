"""Stage 3 — extract: one document → one validated record. A pure function.

``extract_document`` depends only on its argument and the packaged data, so the
build can stream documents, run them in parallel, or ship them to a Dask cluster.
Heavy resources (language detector, compiled gazetteers) are built once per process.
"""

from __future__ import annotations

import hashlib
from itertools import islice

from pydantic import ValidationError

from ..clean import clean_repaired, normalize, repair
from ..langdata import LanguagePack, fold, pack
from ..models import (
    Evidence,
    Initiative,
    Partner,
    Provenance,
    Record,
    Relevance,
    Source,
    Speaker,
)
from ..read import Document
from ..relevance import THRESHOLD, assess, why_off_topic
from .dates import find_date, find_event_date
from .initiatives import find_initiatives
from .language import detect_language
from .partners import find_partners
from .source import find_source
from .speaker import find_speakers

#: Fewer letters than this after cleaning is page furniture, not an article (a short
#: headline-only sentence has about 40).
MIN_LETTERS = 30


class ExtractionError(ValueError):
    """A document that cannot become a record; ``reason`` is a rejects-report code."""

    def __init__(self, reason: str, message: str, score: float | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.score = score  # the relevance score of an ``off_topic`` article


def extract_document(
    doc: Document, keep_off_topic: bool = False, threshold: float = THRESHOLD
) -> Record:
    """The record for one decoded document (raises :class:`ExtractionError`).

    An article that is not about ASEAN cyber cooperation (:mod:`..relevance`) raises
    ``off_topic`` before any field is extracted, unless ``keep_off_topic``.
    """
    repaired, repairs = repair(doc.text)
    language_code = detect_language(normalize(repaired))
    language = pack(language_code)
    cleaned = clean_repaired(repaired, repairs, language)
    text = cleaned.text
    letters = sum(1 for _ in islice(filter(str.isalpha, text), MIN_LETTERS))
    if letters < MIN_LETTERS:
        raise ExtractionError(
            "not_an_article",
            f"only {letters} letters left after cleaning: too little to be an article",
        )
    # Relevance stage (asean_cyber_data/relevance.py): decided once, on the cleaned text.
    relevance = assess(text, language_code, threshold)
    if not relevance.relevant and not keep_off_topic:
        raise ExtractionError("off_topic", why_off_topic(relevance), relevance.score)
    try:
        return _record(doc, text, language_code, language, cleaned.repairs, relevance)
    except ValidationError as error:
        raise ExtractionError("invalid_record", f"record failed validation: {error}") from error


def _record(
    doc: Document,
    text: str,
    language_code: str,
    language: LanguagePack,
    repairs: tuple[str, ...],
    relevance: Relevance | None = None,
) -> Record:
    evidence: list[Evidence] = []

    found_date = find_date(text, language, doc.date)
    if found_date.date and found_date.end > found_date.start:
        evidence.append(_cite("date", found_date.start, found_date.end, found_date.date))

    found_source = find_source(text, language)
    source_name = found_source.name if found_source else doc.source
    if found_source:
        evidence.append(_cite("source", found_source.start, found_source.end, found_source.name))

    found_speakers = find_speakers(text, language)
    speakers = [
        Speaker(name=f.name, title=f.title, honorific=f.honorific, country=f.country)
        for f in found_speakers
    ]
    for index, found in enumerate(found_speakers):
        evidence.append(
            _cite("speaker" if index == 0 else "speakers", found.span[0], found.span[1], found.name)
        )
        if index == 0 and found.title and found.title_span:
            evidence.append(
                _cite("speaker_title", found.title_span[0], found.title_span[1], found.title)
            )

    found_event = find_event_date(text, language, found_date)
    if found_event.date and found_event.end > found_event.start:
        evidence.append(_cite("event_date", found_event.start, found_event.end, found_event.date))

    found_initiatives = find_initiatives(text, language)
    initiatives = [Initiative(name=i.name, surface=i.surface) for i in found_initiatives]
    evidence += [_cite("initiatives", i.start, i.end, i.name) for i in found_initiatives]

    home = found_speakers[0].country if found_speakers else language.home_country
    found_partners = find_partners(
        text, language, home, [(i.start, i.end) for i in found_initiatives]
    )
    partners = [Partner(code=p.code, name=p.name) for p in found_partners]
    for p in found_partners:
        evidence += [_cite("partners", s, e, p.code) for s, e in p.spans]

    evidence.sort(key=lambda e: (e.start, e.end, e.field))
    return Record(
        id=doc.id,
        source=Source(
            name=source_name,
            url=(found_source.url if found_source else None) or doc.url,
            path=doc.path,
        ),
        language=language_code,
        date=found_date.date,
        date_precision=found_date.precision,  # type: ignore[arg-type]
        speaker=speakers[0] if speakers else None,
        speakers=speakers,
        event_date=found_event.date,
        partner=partners[0] if partners else None,
        partners=partners,
        initiatives=initiatives,
        text=text,
        evidence=evidence,
        provenance=Provenance(
            sha256=doc.sha256,
            encoding=doc.encoding,
            format=doc.format,  # type: ignore[arg-type]
            repairs=list(repairs),
            line=doc.line,
            title=doc.title,
            given_date=doc.date,
            given_source=doc.source,
        ),
        relevance=relevance,
    )


def _cite(field: str, start: int, end: int, value: str) -> Evidence:
    """Evidence that ``value`` was read at ``text[start:end]``."""
    return Evidence(field=field, start=start, end=end, value=value)  # type: ignore[arg-type]


def extract(text: str, id: str = "article", path: str = "<string>") -> Record:
    """The record for one article given as a string (the public one-call API).

    Every article gives a record here, off-topic ones too: ``record.relevance`` says
    whether it is about ASEAN cyber cooperation (a build leaves off-topic ones out).
    """
    if not isinstance(text, str):
        raise ExtractionError("invalid_input", f"expected str, got {type(text).__name__}")
    if not text.strip():
        raise ExtractionError("empty", "the article text is empty")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return extract_document(
        Document(id=id, path=path, text=text, sha256=digest, encoding="utf-8", format="string"),
        keep_off_topic=True,
    )


__all__ = ["ExtractionError", "extract", "extract_document", "fold"]

"""Stage 3 — extract: one document → one validated record. A pure function.

``extract_document`` depends only on its argument and the packaged data, so the
build can stream documents, run them in parallel, or ship them to a Dask cluster.

Every field goes the same way (see :mod:`.candidates`): the document is cleaned and
read once into an :class:`~.article.Article`; each field's named rules propose
candidates with features; the fitted model of the field (``data/weights.json``)
selects a value or abstains. Fields are read in the order their features need:
source (its country is the speaker's default), date, speaker (whose country is the
partners' home), initiatives (partners named inside one count less), partners.
Every evidence item names the rule that proposed its value.

Before any field, the relevance stage (:mod:`asean_cyber_data.relevance`) decides on
the cleaned text whether the article is about ASEAN cyber cooperation at all; an
off-topic article raises ``off_topic`` unless it is to be kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice

from pydantic import ValidationError

from ..clean import clean_normalized, normalize, repair
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
from . import dates, initiatives, partners, source, speaker
from .article import Article
from .candidates import Candidate, FieldModel, model_for
from .langdata import fold, pack
from .language import detect_language

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


@dataclass(frozen=True)
class Prepared:
    """A document cleaned and read into an article, with what cleaning changed."""

    article: Article
    language: str
    repairs: tuple[str, ...]


def prepare(doc: Document) -> Prepared:
    """Repair, detect the language, clean; raises :class:`ExtractionError` for page furniture."""
    repaired, repairs = repair(doc.text)
    normalized = normalize(repaired)
    language_code = detect_language(normalized)
    language = pack(language_code)
    cleaned = clean_normalized(normalized, repairs, language)
    text = cleaned.text
    letters = sum(1 for _ in islice(filter(str.isalpha, text), MIN_LETTERS))
    if letters < MIN_LETTERS:
        raise ExtractionError(
            "not_an_article",
            f"only {letters} letters left after cleaning: too little to be an article",
        )
    return Prepared(Article(text, language), language_code, cleaned.repairs)


@dataclass(frozen=True)
class Reading:
    """Every field's candidates and what was selected (what the fitting script reads)."""

    prepared: Prepared
    candidates: Mapping[str, list[Candidate]]
    source: source.FoundSource | None
    date: dates.FoundDate
    event_date: dates.FoundDate
    speakers: list[speaker.FoundSpeaker]
    initiatives: list[initiatives.FoundInitiative]
    partners: list[partners.FoundPartner]


def read_fields(
    doc: Document,
    prepared: Prepared,
    models: Mapping[str, FieldModel] | None = None,
    relevance: Relevance | None = None,
) -> Reading:
    """Propose, score and select every field of one prepared document.

    ``relevance`` is the relevance stage's reading of the same article (assessed here
    when not given): its cyber words are an initiative feature, its cooperation words a
    partner feature.
    """
    article = prepared.article

    def model(name: str) -> FieldModel:
        return model_for(name, models)

    found: dict[str, list[Candidate]] = {}
    found["source"] = source.candidates(article)
    chosen_source = source.find_source(article, found["source"], model("source"))
    found["date"] = dates.candidates(article)
    chosen_date = dates.find_date(found["date"], model("date"), doc.date)
    event = dates.find_event_date(article, chosen_date)
    outlet_country = chosen_source.country if chosen_source else None
    found["speaker"] = speaker.candidates(article)
    speakers = speaker.find_speakers(article, found["speaker"], model("speaker"), outlet_country)
    if relevance is None:
        relevance = assess(article.text, prepared.language)
    cyber = [(e.start, e.end) for e in relevance.evidence if e.kind == "cyber"]
    found["initiatives"] = initiatives.candidates(article, cyber)
    chosen_initiatives = initiatives.find_initiatives(found["initiatives"], model("initiatives"))
    members = article.language.asean_members
    speaker_country = speakers[0].country if speakers else None
    home = (
        speaker_country
        if speaker_country in members
        else (outlet_country if outlet_country in members else article.language.home_country)
    )
    cooperation = [(e.start, e.end) for e in relevance.evidence if e.kind == "cooperation"]
    found["partners"] = partners.candidates(article, home, speaker_country, cooperation)
    chosen_partners = partners.find_partners(
        article, found["partners"], model("partners"), model(partners.PRINCIPAL)
    )
    return Reading(
        prepared,
        found,
        chosen_source,
        chosen_date,
        event,
        speakers,
        chosen_initiatives,
        chosen_partners,
    )


def extract_document(
    doc: Document, keep_off_topic: bool = False, threshold: float = THRESHOLD
) -> Record:
    """The record for one decoded document (raises :class:`ExtractionError`).

    An article that is not about ASEAN cyber cooperation raises ``off_topic`` before any
    field is extracted, unless ``keep_off_topic`` (then the record says so).
    """
    prepared = prepare(doc)
    relevance = assess(prepared.article.text, prepared.language, threshold)
    if not relevance.relevant and not keep_off_topic:
        raise ExtractionError("off_topic", why_off_topic(relevance), relevance.score)
    try:
        return _record(doc, read_fields(doc, prepared, relevance=relevance), relevance)
    except ValidationError as error:
        raise ExtractionError("invalid_record", f"record failed validation: {error}") from error


def _record(doc: Document, reading: Reading, relevance: Relevance | None = None) -> Record:
    text = reading.prepared.article.text
    evidence: list[Evidence] = []

    found_date = reading.date
    if found_date.date and found_date.end > found_date.start:
        evidence.append(
            _cite("date", found_date.start, found_date.end, found_date.date, found_date.rule)
        )
        if found_date.year_evidence:
            s, e = found_date.year_evidence
            evidence.append(_cite("date", s, e, found_date.date, "year_from_meeting"))

    found_source = reading.source
    source_name = found_source.name if found_source else doc.source
    if found_source:
        evidence.append(
            _cite(
                "source", found_source.start, found_source.end, found_source.name, found_source.rule
            )
        )

    found_speakers = reading.speakers
    speakers = [
        Speaker(name=f.name, title=f.title, honorific=f.honorific, country=f.country)
        for f in found_speakers
    ]
    for index, found in enumerate(found_speakers):
        field = "speaker" if index == 0 else "speakers"
        evidence.append(_cite(field, found.span[0], found.span[1], found.name, found.rule))
        if index == 0 and found.title and found.title_span:
            evidence.append(
                _cite(
                    "speaker_title",
                    found.title_span[0],
                    found.title_span[1],
                    found.title,
                    "title_near_name",
                )
            )

    found_event = reading.event_date
    if found_event.date and found_event.end > found_event.start:
        evidence.append(
            _cite(
                "event_date", found_event.start, found_event.end, found_event.date, found_event.rule
            )
        )

    initiatives_ = [
        Initiative(name=i.name, surface=i.surface, id=i.id) for i in reading.initiatives
    ]
    evidence += [_cite("initiatives", i.start, i.end, i.name, i.rule) for i in reading.initiatives]

    partners_ = [Partner(code=p.code, name=p.name) for p in reading.partners]
    for p in reading.partners:
        evidence += [_cite("partners", s, e, p.code, "gazetteer") for s, e in p.spans]

    evidence.sort(key=lambda e: (e.start, e.end, e.field, e.rule or ""))
    return Record(
        id=doc.id,
        source=Source(
            name=source_name,
            url=(found_source.url if found_source else None) or doc.url,
            path=doc.path,
        ),
        language=reading.prepared.language,
        date=found_date.date,
        date_precision=found_date.precision,  # type: ignore[arg-type]
        speaker=speakers[0] if speakers else None,
        speakers=speakers,
        event_date=found_event.date,
        partner=partners_[0] if partners_ else None,
        partners=partners_,
        initiatives=initiatives_,
        text=text,
        evidence=evidence,
        relevance=relevance,
        provenance=Provenance(
            sha256=doc.sha256,
            encoding=doc.encoding,
            format=doc.format,  # type: ignore[arg-type]
            repairs=list(reading.prepared.repairs),
            line=doc.line,
            title=doc.title,
            given_date=doc.date,
            given_source=doc.source,
        ),
    )


def _cite(field: str, start: int, end: int, value: str, rule: str) -> Evidence:
    """Evidence that ``value`` was read at ``text[start:end]`` by ``rule``."""
    return Evidence(field=field, start=start, end=end, value=value, rule=rule or None)  # type: ignore[arg-type]


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


__all__ = [
    "ExtractionError",
    "Prepared",
    "Reading",
    "extract",
    "extract_document",
    "fold",
    "prepare",
    "read_fields",
]

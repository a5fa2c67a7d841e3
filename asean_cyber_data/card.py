"""The release's documentation for machines and people: a dataset card and Croissant.

``README.md`` (at the release root and in ``hf/``) is a Hugging Face dataset card: YAML
metadata (``configs`` with per-split ``data_files``, ``dataset_info`` features, language
tags, licence, task categories, size category) and the text a user needs — what a
record is, how fields were extracted, known limits, the measured accuracy (from
``data/accuracy.json``). ``croissant.json`` describes the same files in the MLCommons
Croissant format, with sha256 and the fields and their types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from .langdata import read_yaml
from .ledger import Ledger
from .models import Record
from .schema_forms import hf_features
from .version import SCHEMA_VERSION, __version__

CARD = "README.md"
CROISSANT = "croissant.json"
LICENSE = "cc-by-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
HOMEPAGE = "https://github.com/asean-cyber-data/asean-cyber-data"
NAME = "asean-cyber-data"
DESCRIPTION = (
    "ASEAN cyber-security and cybercrime cooperation, one record per news article: "
    "outlet, language, date, principal speaker, external partners and named "
    "initiatives, each traceable to the character span it was read from."
)

_CARD_TEXT = """# ASEAN cyber-cooperation records (schema {version})

{description}

## What a record is

One article → one record. Fields: `source` (outlet named in the text), `language`
(ISO 639-1), `date` (dateline or publication date) and `event_date`, `speaker` and
`speakers` (people quoted, honorifics split off), `partner` / `partners` (external
parties: ISO 3166-1 alpha-2 or EU, UN, UNODC, ITU, INTERPOL, OSCE, NATO, G7, COE, WB,
ADB), `initiatives` (English name where known, article's own words in `surface`), the
cleaned `text`, `evidence` (`text[start:end]` is where each value was read),
`provenance` (raw sha256, encoding, repairs, place in a crawl file) and `split`. A story
republished by several outlets is one record; `copies` lists the others (id, outlet,
URL, similarity).

## How the fields were extracted

By the rule-based multilingual extractor of the `asean-cyber-data` package
({package}): per-language data files (titles, honorifics, speech verbs, month names,
partner names, outlets, initiative grammar) over CLDR names, lingua for language
identification. Nothing was annotated by hand in this release; `evidence` lets every
value be checked against its words.

## Splits

`train` / `validation` / `test` from a hash of the record id (80/10/10): a record
never changes split between releases. Counts: {splits}.

## Accuracy (development set, measured with `asean-cyber-data evaluate`)

{accuracy}

## Known limitations

- Rule-based: unseen phrasings of titles, datelines or meeting names can be missed;
  the development set is small and the numbers above overstate unseen accuracy.
- A year-less date is resolved only when the text pins the year; otherwise null.
- Meetings that are only the occasion of an article may be listed as initiatives.
- Article texts remain their publishers'; the records are for research.
"""


def size_category(count: int) -> str:
    for limit, label in (
        (1_000, "n<1K"),
        (10_000, "1K<n<10K"),
        (100_000, "10K<n<100K"),
        (1_000_000, "100K<n<1M"),
        (10_000_000, "1M<n<10M"),
    ):
        if count < limit:
            return label
    return "n>10M"


def accuracy_table() -> str:
    """The committed development-set measurement as a Markdown table."""
    measured = read_yaml("accuracy.json")
    overall = measured["overall"]
    rows = ["| field | score |", "|---|---|"]
    rows += [f"| {name} | {value:.2f} |" for name, value in overall.items()]
    return f"Measured on {measured['documents']} articles.\n\n" + "\n".join(rows)


def card_text(split_counts: dict[str, int], language_counts: dict[str, int]) -> str:
    from .publish import SPLITS

    metadata: dict[str, Any] = {
        "pretty_name": "ASEAN Cyber-Cooperation Records",
        "license": LICENSE,
        "language": sorted(language_counts),
        "multilinguality": "multilingual" if len(language_counts) > 1 else "monolingual",
        "size_categories": [size_category(sum(split_counts.values()))],
        "task_categories": ["token-classification", "text-classification"],
        "task_ids": ["named-entity-recognition"],
        "tags": [
            "cybersecurity",
            "cybercrime",
            "asean",
            "international-cooperation",
            "event-extraction",
        ],
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": s, "path": f"records-{s}-*.parquet"} for s in SPLITS],
            }
        ],
        "dataset_info": {
            "config_name": "default",
            "features": hf_features()._to_yaml_list(),
            "splits": [{"name": s, "num_examples": split_counts.get(s, 0)} for s in SPLITS],
        },
    }
    front = yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=100)
    splits = ", ".join(f"{s} {split_counts.get(s, 0)}" for s in SPLITS)
    body = _CARD_TEXT.format(
        version=SCHEMA_VERSION,
        description=DESCRIPTION,
        package=__version__,
        splits=splits,
        accuracy=accuracy_table(),
    )
    return f"---\n{front}---\n\n{body}"


def croissant(out: Path) -> dict[str, Any]:
    """The Croissant JSON-LD description of the release in ``out``."""
    from .publish import RECORDS_JSONL, file_sha256, parquet_files

    distribution: list[dict[str, Any]] = [
        {
            "@type": "cr:FileObject",
            "@id": "records-jsonl",
            "name": "records-jsonl",
            "contentUrl": RECORDS_JSONL,
            "encodingFormat": "application/jsonlines",
            "sha256": file_sha256(out / RECORDS_JSONL),
        }
    ]
    for path in parquet_files(out):
        distribution.append(
            {
                "@type": "cr:FileObject",
                "@id": path.stem,
                "name": path.stem,
                "contentUrl": path.name,
                "encodingFormat": "application/x-parquet",
                "sha256": file_sha256(path),
            }
        )
    distribution.append(
        {
            "@type": "cr:FileSet",
            "@id": "parquet-files",
            "name": "parquet-files",
            "encodingFormat": "application/x-parquet",
            "includes": "records-*.parquet",
        }
    )
    file_ref = {"fileSet": {"@id": "parquet-files"}}
    top = [
        {
            "@type": "cr:Field",
            "@id": f"records/{name}",
            "name": name,
            "dataType": "sc:Text",
            "source": {**file_ref, "extract": {"column": name}},
        }
        for name, feature in hf_features().items()
        if getattr(feature, "dtype", None) == "string"
    ]
    return {
        "@context": _CONTEXT,
        "@type": "sc:Dataset",
        "name": NAME,
        "description": DESCRIPTION,
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "citeAs": "asean-cyber-data: ASEAN cyber-cooperation records, schema " + SCHEMA_VERSION,
        "license": LICENSE_URL,
        "url": HOMEPAGE,
        "version": SCHEMA_VERSION,
        "distribution": distribution,
        "recordSet": [
            {
                "@type": "cr:RecordSet",
                "@id": "records",
                "name": "records",
                "description": "One record per article; nested fields are in the Parquet files "
                "(schema: " + ", ".join(Record.model_fields) + ").",
                "field": top,
            }
        ],
    }


def write_card(out: Path, ledger: Ledger) -> None:
    """Write the dataset card (release root and ``hf/``) and ``croissant.json``."""
    from .publish import HF_DIR

    text = card_text(ledger.split_counts(), ledger.language_counts())
    (out / CARD).write_text(text, encoding="utf-8")
    if (out / HF_DIR).is_dir():
        (out / HF_DIR / CARD).write_text(text, encoding="utf-8")
    (out / CROISSANT).write_text(
        json.dumps(croissant(out), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


_CONTEXT = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "samplingRate": "cr:samplingRate",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

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

from .datafiles import read_yaml
from .layout import (
    CARD,
    CROISSANT,
    HF_DIR,
    RECORDS_JSONL,
    SPLITS,
    file_sha256,
    parquet_files,
    parquet_pattern,
    release_schema_file,
)
from .ledger import Ledger
from .models import Record
from .schema_forms import hf_features
from .version import SCHEMA_VERSION, __version__

NAME = "asean-cyber-data"
PRETTY_NAME = "ASEAN Cyber-Cooperation Records"
HOMEPAGE = "https://github.com/asean-cyber-data/asean-cyber-data"
AUTHORS = "The asean-cyber-data contributors"
#: The records we produce (every field but the quoted article words) — Hugging Face id.
LICENSE = "cc-by-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
#: What the licence covers, and what it does not: said the same way everywhere.
LICENSE_STATEMENT = (
    "The records (every field we produce: source, language, dates, speakers, partners, "
    "initiatives, evidence offsets, provenance, split) are licensed CC-BY-4.0. The "
    "article texts (`text`, and the words quoted in `evidence[].value` and "
    "`initiatives[].surface`) are third-party works that remain their publishers': they "
    "are quoted so that every value can be checked, for research, and are not licensed "
    "by this project. The code is MIT-licensed."
)
DESCRIPTION = (
    "ASEAN cyber-security and cybercrime cooperation, one record per news article: "
    "outlet, language, date, principal speaker, external partners and named "
    "initiatives, each traceable to the character span it was read from."
)
#: Below this many records a release demonstrates the format, it does not sample the news.
DEMONSTRATION_SIZE = 100


def citation() -> str:
    """BibTeX for the dataset (as ``CITATION.cff`` says, which a test keeps in step)."""
    return (
        "@misc{asean_cyber_data,\n"
        f"  title = {{{NAME}: {PRETTY_NAME}}},\n"
        f"  author = {{{{{AUTHORS}}}}},\n"
        f"  version = {{{__version__}}},\n"
        f"  note = {{Record schema {SCHEMA_VERSION}}},\n"
        f"  url = {{{HOMEPAGE}}},\n"
        "}"
    )


def dataset_info(features: Any) -> Any:
    """The Hugging Face ``DatasetInfo`` of a release with ``features``."""
    from datasets import DatasetInfo

    return DatasetInfo(
        description=DESCRIPTION,
        citation=citation(),
        homepage=HOMEPAGE,
        license=LICENSE_STATEMENT,
        version=SCHEMA_VERSION,
        features=features,
    )


_CARD_TEXT = """# ASEAN cyber-cooperation records (schema {version})

{description}

{size}

## What a record is

One article → one record. Fields: `source` (outlet named in the text), `language`
(ISO 639-1), `date` (dateline or publication date) and `event_date`, `speaker` and
`speakers` (people quoted, honorifics split off), `partner` / `partners` (external
parties: ISO 3166-1 alpha-2 or EU, UN, UNODC, ITU, INTERPOL, OSCE, NATO, G7, COE, WB,
ADB), `initiatives` (English name where known, article's own words in `surface`), the
cleaned `text`, `evidence` (`text[start:end]` is where each value was read),
`provenance` (raw sha256, encoding, repairs, place in a crawl file) and `split`. A story
republished by several outlets is one record; `copies` lists the others (id, outlet,
URL, similarity). The JSON Schema the records
follow is `{schema_file}` (in this folder).

## How the fields were extracted

By the multilingual extractor of the `asean-cyber-data` package ({package}): for each
field, named rules read the shapes of the text (datelines, sign-offs, credit lines,
titles and honorifics, quote attributions, name grammar) with per-language data files
over CLDR names, propose candidates with features, and a linear model fitted on a
development gold set chooses one or abstains below a cross-validated threshold.
Registries of real outlets and ASEAN cyber mechanisms give canonical names and ids;
lingua identifies the language. Nothing was annotated by hand in this release;
`evidence` names the rule behind every value and where in `text` it was read.

## Splits

`train` / `validation` / `test` from a hash of the record id (80/10/10): a record
never changes split between releases. Counts: {splits}.

## Accuracy (measured with `asean-cyber-data evaluate` against gold annotations)

{accuracy}

## Known limitations

- Unseen phrasings of titles, datelines or meeting names can be missed; the weights
  were fitted on the development part, so its column overstates unseen accuracy — the
  held-out column is the better estimate.
- A year-less date is resolved only when the text pins the year; otherwise null.
- Meetings that are only the occasion of an article may be listed as initiatives.

## Licence

{license}

## Citation

Homepage: {homepage}

```bibtex
{citation}
```
"""


def size_text(count: int) -> str:
    """How many records, and what a release of that size is good for."""
    line = f"This release has {count} record{'' if count == 1 else 's'}."
    if count < DEMONSTRATION_SIZE:
        line += (
            " At this size it is a demonstration of the format and a fixture for the "
            "loaders, not a sample of the region's news: counts drawn from it say nothing "
            "about cooperation. To study cooperation, build a release from your own crawl "
            "(`asean-cyber-data build --raw ARTICLES --out RELEASE`)."
        )
    return line


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
    """The committed measurement (``scripts/accuracy.py``) as a Markdown table: each
    field on every article of the development gold set, on its development part and on
    the part held out by a stable hash (the best estimate for unseen articles)."""
    measured = read_yaml("accuracy.json")
    parts = measured["parts"]
    names = {"all": "all", "dev": "development part", "holdout": "held out"}
    head = " | ".join(f"{names[p]} ({parts[p]['on_topic']})" for p in names)
    rows = [f"| field | {head} |", "|---|" + "---|" * len(names)]
    fields = [k for k in parts["all"] if k not in ("documents", "on_topic")]
    for field in fields:
        cells = " | ".join(f"{parts[p][field]:.2f}" for p in names)
        rows.append(f"| {field} | {cells} |")
    return (
        f"Measured on {measured['documents']} real articles ({measured['on_topic']} "
        "on-topic; fields are scored on those); `*_wrong` is the share of articles given "
        "a wrong value (a null is a gap, not a wrong value).\n\n" + "\n".join(rows)
    )


def split_sizes(out: Path) -> dict[str, int]:
    """Uncompressed bytes of each split's Parquet data (the card's ``num_bytes``)."""
    import pyarrow.parquet as pq

    sizes = {}
    for split in SPLITS:
        total = 0
        for path in parquet_files(out, split):
            metadata = pq.ParquetFile(path).metadata
            total += sum(
                metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups)
            )
        sizes[split] = total
    return sizes


def card_text(
    split_counts: dict[str, int],
    language_counts: dict[str, int],
    split_bytes: dict[str, int],
    download_size: int,
) -> str:
    """The dataset card: YAML metadata for the hub and ``load_dataset``, then the text."""
    metadata: dict[str, Any] = {
        "pretty_name": PRETTY_NAME,
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
                "data_files": [{"split": s, "path": parquet_pattern(s)} for s in SPLITS],
            }
        ],
        "dataset_info": {
            "config_name": "default",
            "features": hf_features()._to_yaml_list(),
            "splits": [
                {
                    "name": s,
                    "num_bytes": split_bytes.get(s, 0),
                    "num_examples": split_counts.get(s, 0),
                }
                for s in SPLITS
            ],
            "download_size": download_size,
            "dataset_size": sum(split_bytes.values()),
        },
    }
    front = yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=100)
    splits = ", ".join(f"{s} {split_counts.get(s, 0)}" for s in SPLITS)
    body = _CARD_TEXT.format(
        version=SCHEMA_VERSION,
        description=DESCRIPTION,
        size=size_text(sum(split_counts.values())),
        schema_file=release_schema_file(SCHEMA_VERSION),
        package=__version__,
        splits=splits,
        accuracy=accuracy_table(),
        license=LICENSE_STATEMENT,
        homepage=HOMEPAGE,
        citation=citation(),
    )
    return f"---\n{front}---\n\n{body}"


def croissant(out: Path) -> dict[str, Any]:
    """The Croissant JSON-LD description of the release in ``out``."""
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
        "citeAs": citation(),
        "license": [LICENSE_URL, LICENSE_STATEMENT],
        "creator": {"@type": "sc:Organization", "name": AUTHORS, "url": HOMEPAGE},
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
    download_size = sum(p.stat().st_size for p in parquet_files(out))
    text = card_text(
        ledger.split_counts(), ledger.language_counts(), split_sizes(out), download_size
    )
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

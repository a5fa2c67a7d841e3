"""The release is ready for ML: a dataset card, Croissant, stable splits, span labels,
and a worked training example."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import asean_cyber_data as acd
from asean_cyber_data.export import bio, span_rows, tokenize
from asean_cyber_data.models import split_of
from asean_cyber_data.schema_forms import hf_features

from .conftest import BUILD, DATA, ROOT


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def test_dataset_card_metadata(built_release: Path) -> None:
    import yaml

    card = (built_release / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(card.split("---\n")[1])
    assert front["license"] == "cc-by-4.0"
    assert front["language"] == sorted({r.language for r in acd.load_records(built_release)})
    assert front["size_categories"] == ["n<1K"]
    assert "token-classification" in front["task_categories"]
    splits = {s["split"]: s["path"] for s in front["configs"][0]["data_files"]}
    assert splits == {s: f"records-{s}-*.parquet" for s in ("train", "validation", "test")}
    assert [f["name"] for f in front["dataset_info"]["features"]] == list(hf_features())
    counts = {s: sum(r.split == s for r in acd.load_records(built_release)) for s in splits}
    for entry in front["dataset_info"]["splits"]:  # what `load_dataset` needs, or it warns
        assert entry["num_examples"] == counts[entry["name"]]
        assert entry["num_bytes"] > 0 or counts[entry["name"]] == 0
    assert front["dataset_info"]["dataset_size"] == sum(
        s["num_bytes"] for s in front["dataset_info"]["splits"]
    )
    assert "## Accuracy" in card and "## Known limitations" in card
    assert (built_release / "hf" / "README.md").read_text(encoding="utf-8") == card


def test_load_dataset_on_the_release_dir_gives_the_schema_features_and_splits(
    built_release: Path, tmp_path: Path
) -> None:
    from datasets import load_dataset

    loaded = load_dataset(str(built_release), cache_dir=str(tmp_path / "cache"))
    records = {r.id: r for r in acd.load_records(built_release)}
    assert set(loaded) == {"train", "validation", "test"}
    for split, dataset in loaded.items():
        assert dataset.features == hf_features()
        assert all(records[i].split == split for i in dataset["id"])
    assert sum(d.num_rows for d in loaded.values()) == len(records)
    files = {s: str(built_release / f"records-{s}-*.parquet") for s in loaded}
    plain = load_dataset("parquet", data_files=files, cache_dir=str(tmp_path / "cache2"))
    assert plain["train"].features == hf_features()


def test_splits_are_a_stable_function_of_the_id(built_release: Path) -> None:
    for record in acd.load_records(built_release):
        assert record.split == split_of(record.id)
    frozen = {r.id: r.split for r in acd.load_records(DATA / "release-1.0.0")}
    current = {r.id: r.split for r in acd.load_records(built_release)}
    assert frozen == current  # a record never changes split between releases
    ids = [f"doc-{i}" for i in range(2000)]
    shares = {
        s: sum(split_of(i) == s for i in ids) / len(ids) for s in ("train", "validation", "test")
    }
    assert 0.75 < shares["train"] < 0.85 and 0.07 < shares["validation"] < 0.13


def installed_command(name: str) -> list[str]:
    """The console script ``name`` of the environment running the tests (not whatever
    ``PATH`` finds first), as a command line for this interpreter."""
    (entry,) = metadata.entry_points(group="console_scripts", name=name)
    module, _, function = entry.value.partition(":")
    return [
        sys.executable,
        "-c",
        f"import sys; from {module} import {function}; sys.exit({function}())",
    ]


def test_croissant_validates_with_mlcroissant(built_release: Path) -> None:
    result = subprocess.run(
        [
            *installed_command("mlcroissant"),
            "validate",
            "--jsonld",
            str(built_release / "croissant.json"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    description = json.loads((built_release / "croissant.json").read_text())
    listed = {f["contentUrl"] for f in description["distribution"] if "contentUrl" in f}
    assert listed == {"records.jsonl", *(p.name for p in built_release.glob("records-*.parquet"))}


def test_span_export_is_exactly_the_evidence(tmp_path: Path) -> None:
    out = tmp_path / "spans.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "asean_cyber_data.cli",
            "export",
            "spans",
            "--release",
            str(BUILD),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    records = {r.id: r for r in acd.load_records(BUILD)}
    assert [r["id"] for r in rows] == list(records)
    for row in rows:
        record = records[row["id"]]
        evidence = {(e.start, e.end, e.value) for e in record.evidence}
        assert {(s["start"], s["end"], s["value"]) for s in row["spans"]} == evidence
        for span in row["spans"]:
            assert (
                row["text"][span["start"] : span["end"]] == record.text[span["start"] : span["end"]]
            )
        assert len(row["tokens"]) == len(row["tags"]) == len(row["token_spans"])
        for token, (start, end) in zip(row["tokens"], row["token_spans"], strict=True):
            assert row["text"][start:end] == token
        for previous, tag in zip(["O", *row["tags"]], row["tags"], strict=False):
            if tag.startswith("I-"):
                assert previous[2:] == tag[2:]  # I- continues the same label


def test_tokenisation_works_for_vietnamese_and_thai() -> None:
    vietnamese = "Thượng tướng Phạm Thế Tùng nhấn mạnh."
    assert [vietnamese[s:e] for s, e in tokenize(vietnamese)] == [
        "Thượng",
        "tướng",
        "Phạm",
        "Thế",
        "Tùng",
        "nhấn",
        "mạnh",
        ".",
    ]
    thai = "นายพลพงศ์ กล่าว"
    tokens = [thai[s:e] for s, e in tokenize(thai)]
    assert "".join(tokens) == thai.replace(" ", "")
    assert tokens[0] == "น" and "พ" in tokens
    start = thai.index("พลพงศ์")
    _, tags = bio(thai, [{"start": start, "end": start + 6, "label": "SPEAKER", "value": "x"}])
    assert tags[start] == "B-SPEAKER" and tags[start + 1] == "I-SPEAKER"


@pytest.mark.slow
def test_training_example_runs_end_to_end(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    generate(tmp_path / "corpus", 160, seed=3)
    from asean_cyber_data.build import build_release

    # The generated articles share their filler paragraphs: keep them all as records.
    build_release(
        tmp_path / "corpus" / "raw",
        tmp_path / "release",
        workers=2,
        use_cache=False,
        keep_copies=True,
    )
    for release in (BUILD, tmp_path / "release"):
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "examples" / "train_tagger.py"),
                "--release",
                str(release),
                "--epochs",
                "5",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert report["train_records"] > 0
    assert report["validation"]["f1"] > 0.5  # learnable labels on the larger release
    assert list(span_rows([])) == []

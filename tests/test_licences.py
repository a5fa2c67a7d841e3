"""What a user may do with what they get: licence files, a correct SPDX expression,
the article texts kept apart, and one citation said the same way everywhere."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml
from jsonschema import Draft7Validator
from packaging.licenses import canonicalize_license_expression

import asean_cyber_data as acd
from asean_cyber_data.card import HOMEPAGE, LICENSE_STATEMENT, LICENSE_URL, citation

from .conftest import BUILD, DATA, ROOT


def test_licence_files_for_the_code_the_records_and_the_article_texts() -> None:
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in code
    data = (ROOT / "LICENSE-DATA").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in data
    assert "Section 8 -- Interpretation." in data  # the whole legal code, not a link
    texts = (ROOT / "LICENSE-ARTICLE-TEXTS").read_text(encoding="utf-8")
    assert texts.startswith("LicenseRef-Article-Texts")
    assert "publishers" in texts and "grants no licence" in texts


def test_the_spdx_expression_names_what_the_wheel_holds() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    expression = project["license"]
    assert canonicalize_license_expression(expression) == expression  # valid SPDX
    assert set(re.split(r"\s+AND\s+", expression)) == {
        "MIT",  # the code
        "CC-BY-4.0",  # the release's records
        "LicenseRef-Article-Texts",  # quoted article texts: their publishers'
    }
    assert " OR " not in expression
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name
    assert "LICENSE-ARTICLE-TEXTS" in project["license-files"]


def test_citation_cff_is_valid_cff_1_2_0_and_agrees_with_the_card() -> None:
    """``tests/data/cff-1.2.0.schema.json`` is the Citation File Format's own schema
    (citation-file-format.github.io, CC-BY-4.0), as shipped by cffconvert 2.0.0."""
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    schema = json.loads((DATA / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft7Validator(schema).iter_errors(cff)]
    assert errors == []
    assert cff["cff-version"] == "1.2.0"
    assert cff["version"] == acd.__version__
    assert cff["url"] == HOMEPAGE
    assert sorted(cff["license"]) == ["CC-BY-4.0", "MIT"]
    assert cff["title"] in citation()
    assert f"version = {{{acd.__version__}}}" in citation()


def test_a_cff_that_breaks_the_schema_is_caught() -> None:
    schema = json.loads((DATA / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    broken = {"cff-version": "1.2.0", "message": "m", "title": "t", "authors": "nobody"}
    assert list(Draft7Validator(schema).iter_errors(broken))


def _card(release: Path) -> tuple[dict[str, object], str]:
    text = (release / "README.md").read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_the_card_states_the_licence_citation_homepage_and_size() -> None:
    front, body = _card(BUILD)
    assert front["license"] == "cc-by-4.0"
    assert "## Licence" in body and LICENSE_STATEMENT in body
    assert "remain their publishers'" in body and "not licensed by this project" in body
    assert "## Citation" in body and citation() in body and HOMEPAGE in body
    count = json.loads((BUILD / "manifest.json").read_text())["record_count"]
    assert f"This release has {count} records." in body
    assert "demonstration of the format" in body  # 5 records: what it is for


def test_a_large_release_is_not_called_a_demonstration() -> None:
    from asean_cyber_data.card import size_text

    assert "demonstration" in size_text(5)
    assert size_text(5000) == "This release has 5000 records."
    assert size_text(1).startswith("This release has 1 record. ")


def test_croissant_cites_and_licenses_like_the_card() -> None:
    description = json.loads((BUILD / "croissant.json").read_text(encoding="utf-8"))
    assert description["citeAs"] == citation()
    assert description["url"] == HOMEPAGE
    assert LICENSE_URL in description["license"] and LICENSE_STATEMENT in description["license"]
    assert description["creator"]["name"]


def test_the_readme_says_how_to_install_today_and_what_the_shipped_release_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    count = json.loads((BUILD / "manifest.json").read_text())["record_count"]
    assert f"{count} records" in readme
    assert re.search(r"pip install \"?git\+https://", readme) and "not yet published" in readme
    assert "LICENSE-ARTICLE-TEXTS" in readme and "CITATION.cff" in readme

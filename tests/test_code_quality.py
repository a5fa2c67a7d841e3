"""The code stays ruff-clean and mypy-strict clean."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

from .conftest import ROOT


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "asean_cyber_data",
            "tests",
            "benchmarks",
            "examples",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_stage_numbers_in_docstrings_match_architecture() -> None:
    """ARCHITECTURE.md numbers the stages; each stage module's docstring says the same."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"\*\*(\d) (\w+)\*\*", text))
    assert list(listed.values()) == ["read", "clean", "extract", "validate", "publish", "load"]
    package = ROOT / "asean_cyber_data"
    claimed = {}
    for path in sorted(package.rglob("*.py")):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        found = re.match(r"Stage (\d) — (\w+):", docstring)
        if found:
            claimed[found[1]] = found[2]
            module = path.parent.name if path.name == "__init__.py" else path.stem
            assert module == found[2], f"{path} calls itself stage {found[1]} {found[2]}"
    assert claimed == listed

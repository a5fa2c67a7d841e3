"""Imports point one way: the package's modules form no cycle, counting the imports made
inside functions too (a deferred import hides a cycle from Python, not from a reader)."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "asean_cyber_data"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module → the package modules it imports (``from .x import y`` names ``x``, or
    ``x.y`` when that is a module)."""
    modules = {module_name(p, package.parent): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        here = name.split(".") if is_package else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here[: len(here) - node.level + 1]
                    parent = ".".join(base + ([node.module] if node.module else []))
                else:
                    parent = node.module or ""
                targets = [
                    f"{parent}.{alias.name}" if f"{parent}.{alias.name}" in modules else parent
                    for alias in node.names
                ]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def test_the_graph_sees_package_imports() -> None:
    graph = import_graph(PACKAGE)
    assert "asean_cyber_data.layout" in graph["asean_cyber_data.publish"]
    assert "asean_cyber_data.extract.article" in graph["asean_cyber_data.extract.dates"]
    assert "asean_cyber_data.models" in graph["asean_cyber_data.extract"]


def test_the_package_has_no_import_cycle() -> None:
    try:
        order = list(graphlib.TopologicalSorter(import_graph(PACKAGE)).static_order())
    except graphlib.CycleError as error:
        raise AssertionError(f"import cycle: {' → '.join(error.args[1])}") from None
    assert order.index("asean_cyber_data.layout") < order.index("asean_cyber_data.publish")


def test_a_cycle_is_found(tmp_path: Path) -> None:
    """The check can fail: two modules importing each other, one inside a function."""
    package = tmp_path / "asean_cyber_data"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from .b import thing\n")
    (package / "b.py").write_text("def thing():\n    from . import a\n    return a\n")
    graph = import_graph(package)
    assert graph["asean_cyber_data.b"] == {"asean_cyber_data.a"}
    sorter = graphlib.TopologicalSorter(graph)
    try:
        sorter.prepare()
    except graphlib.CycleError:
        return
    raise AssertionError(f"no cycle found in {graph}")

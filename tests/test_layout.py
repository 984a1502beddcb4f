"""The package's layout keeps its arrows one way (issue 18).

lawlint's modules sit in sub-packages along the flow of a run::

    leaves (errors, chars, findings, spans, numbering, fileio, cachefiles, resources)
      < input < model < yoy < checks < packs < config < lint < output < cli

A module may import from its own layer or an earlier one, never a later one, and no
two modules may import each other, directly or round a circle — imports inside
functions and under ``TYPE_CHECKING`` included: a lazy import is still an arrow. Read
from the source with :mod:`ast`, so the test needs nothing installed but lawlint.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "lawlint"

LAYERS = ("", "input", "model", "yoy", "checks", "packs", "config", "lint", "output", "cli")
"""Sub-packages in the order of the flow; "" is the top-level leaf modules."""

TOP_LEVEL_LAYER = {"__main__": "cli"}
"""Top-level modules that belong to a later layer than the leaves."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The lawlint modules ``name`` imports (a name imported from a package counts as
    the submodule when it is one)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "lawlint")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "lawlint":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    found.discard(name)
    return {m for m in found if m in known}


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imported(name, path, known) for name, path in found.items()}


def layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 2 and parts[1] in TOP_LEVEL_LAYER:
        return LAYERS.index(TOP_LEVEL_LAYER[parts[1]])
    sub = parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else ""
    return LAYERS.index(sub)


def test_every_subpackage_has_a_layer() -> None:
    subpackages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert subpackages == set(LAYERS) - {""}


def test_imports_point_to_the_same_or_an_earlier_layer() -> None:
    wrong = [
        f"{source} ({LAYERS[layer(source)] or 'leaf'}) imports {target} "
        f"({LAYERS[layer(target)] or 'leaf'})"
        for source, targets in graph().items()
        for target in sorted(targets)
        if layer(target) > layer(source)
    ]
    assert wrong == []


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circles() -> None:
    assert cycles(graph()) == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": {"a"}, "c": {"c"}}, [["a", "b"]]),
    ],
)
def test_the_circle_finder_finds_circles(edges: dict[str, set[str]], expected: list) -> None:
    assert cycles(edges) == expected


def test_the_layer_check_sees_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    source = tmp_path / "lawlint" / "input" / "probe.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from lawlint.lint.engine import Engine\n"
        "def f():\n    from ..output import safe\n",
        encoding="utf-8",
    )
    known = {"lawlint.lint.engine", "lawlint.output", "lawlint.output.safe"}
    assert imported("lawlint.input.probe", source, known) == {
        "lawlint.lint.engine",
        "lawlint.output.safe",
    }

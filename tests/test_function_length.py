"""No function in src/lawlint has a body over 60 lines (issue 18).

A long function usually does several things; splitting it into helpers named for what
they do lets the next maintainer read its flow. The body is counted from the first
statement after the docstring to the function's last line, so click decorators, a long
signature and the docstring do not count. Nested functions are measured on their own
(and inside their enclosing function's body).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "lawlint"
MAX_BODY_LINES = 60

# "path relative to src/lawlint:function name" of a function that truly cannot be split
# well, each with a comment saying why. Empty: every function fits.
ALLOWED: frozenset[str] = frozenset()

Function = ast.FunctionDef | ast.AsyncFunctionDef


def body_lines(fn: Function) -> int:
    """Lines from the first statement after the docstring to the function's end."""
    body = fn.body
    first = body[0]
    if (
        len(body) > 1
        and isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        first = body[1]
    assert fn.end_lineno is not None
    return fn.end_lineno - first.lineno + 1


def long_functions(source: str, name: str) -> list[str]:
    """``name:function (N lines)`` for each function of ``source`` over the limit."""
    tree = ast.parse(source, filename=name)
    return [
        f"{name}:{node.name} (line {node.lineno}, body {body_lines(node)} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and body_lines(node) > MAX_BODY_LINES
        and f"{name}:{node.name}" not in ALLOWED
    ]


def test_no_function_body_over_60_lines() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 50  # the package is there, not an empty glob
    found = [
        long
        for path in files
        for long in long_functions(
            path.read_text(encoding="utf-8"), path.relative_to(SRC).as_posix()
        )
    ]
    assert found == [], "split these into helpers named for what they do:\n" + "\n".join(found)


def _function(body: int, *, docstring: bool = True, decorators: int = 0) -> str:
    head = "@decorator\n" * decorators + "def f(\n    a: int,\n) -> None:\n"
    doc = '    """Why f exists.\n\n    More about it.\n    """\n' if docstring else ""
    return head + doc + "    x = 1\n" * body


@pytest.mark.parametrize(
    ("body", "docstring", "decorators", "reported"),
    [
        (60, True, 0, False),  # at the limit
        (61, True, 0, True),
        (60, True, 30, False),  # decorators, signature and docstring are not the body
        (61, False, 0, True),
        (60, False, 0, False),
    ],
)
def test_the_count_is_the_body_only(
    body: int, docstring: bool, decorators: int, reported: bool
) -> None:
    found = long_functions(_function(body, docstring=docstring, decorators=decorators), "m.py")
    assert found == ([f"m.py:f (line {decorators + 1}, body {body} lines)"] if reported else [])


def test_a_nested_function_is_measured_too() -> None:
    inner = "    def g() -> None:\n" + "        y = 2\n" * 61
    source = "def f() -> None:\n" + inner + "    g()\n"
    assert long_functions(source, "m.py") == [
        "m.py:f (line 1, body 63 lines)",
        "m.py:g (line 2, body 61 lines)",
    ]


def test_a_docstring_alone_is_not_skipped_past_the_end() -> None:
    assert long_functions('def f() -> None:\n    """Only a docstring."""\n', "m.py") == []

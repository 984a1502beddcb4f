"""No input shape makes linting super-linear (issue 13).

Each shape of ``bench/scaling.py`` (plus a few that exercised other quadratic paths) is
linted in-process at n and 4n characters; the ratio of the times must stay well under
what quadratic work gives (about 16). Not a timed test: only the ratio is asserted, the
best of a few interleaved runs of each size (so a burst of load on the shared machine
hits both sizes), and a failing shape is measured once more before it fails.

The sizes make the quadratic code this replaced show ratios of 12-40 (the vague-word
line took 0.36 s at 10,000 characters and 5.0 s at 40,000), while linear code lints the
4n text of every shape in well under a second.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable

import pytest
from conftest import ROOT

from lawlint.engine import Linter

_spec = importlib.util.spec_from_file_location("scaling", ROOT / "bench" / "scaling.py")
assert _spec is not None and _spec.loader is not None
scaling = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scaling)

RATIO = 8.0  # linear is 4; quadratic is 16
ROUNDS = 3


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n] + "\n"


# (build, n, Markdown?): n large enough that 1x takes tens of milliseconds
SHAPES: dict[str, tuple[Callable[[int], str], int, bool]] = {
    **{name: (build, 10_000, False) for name, build in scaling.SHAPES.items()},
    "no punctuation (letters/digits)": (
        scaling.SHAPES["no punctuation (letters/digits)"],
        40_000,
        False,
    ),
    "empty headings": (scaling.SHAPES["empty headings"], 4_000, False),
    "spaces between words": (_repeat("法治 政府 建设 a b "), 10_000, False),
    "e-mail addresses": (_repeat("联系邮箱ab@c.cn "), 20_000, False),
    "unclosed Markdown comments": (_repeat("<!--依法行政"), 20_000, True),
    "unclosed directives": (_repeat("<!-- lawlint-disable 依法行政 "), 20_000, True),
}


def _seconds(linter: Linter, text: str, markdown: bool) -> float:
    start = time.perf_counter()
    linter.lint_text(text, "shape.md" if markdown else "shape.txt", markdown=markdown)
    return time.perf_counter() - start


def _ratio(linter: Linter, build: Callable[[int], str], n: int, markdown: bool) -> float:
    small, large = build(n), build(4 * n)
    best = [float("inf"), float("inf")]
    for _ in range(ROUNDS):
        best[0] = min(best[0], _seconds(linter, small, markdown))
        best[1] = min(best[1], _seconds(linter, large, markdown))
    return best[1] / best[0]


@pytest.mark.parametrize("shape", list(SHAPES))
def test_four_times_the_text_costs_about_four_times_the_time(linter: Linter, shape: str) -> None:
    build, n, markdown = SHAPES[shape]
    _seconds(linter, build(2_000), markdown)  # the dictionary and the packs' caches warm
    ratio = _ratio(linter, build, n, markdown)
    if ratio >= RATIO:  # a second look before calling it super-linear: the machine is shared
        ratio = min(ratio, _ratio(linter, build, n, markdown))
    assert ratio < RATIO, f"{shape}: {4 * n:,} characters took {ratio:.1f}x {n:,}"


def test_the_shapes_are_what_they_say() -> None:
    """The sizes asked for are the sizes built, on the lines promised."""
    for name, build in scaling.SHAPES.items():
        text = build(1_000)
        assert len(text) in (1_000, 1_001), name
    assert scaling.SHAPES["vague words, one line"](1_000).count("\n") == 1
    assert "。" not in scaling.SHAPES["one sentence of many clauses"](5_000)
    assert scaling.SHAPES["empty headings"](30) == "一、\n（一）\n1.\n" * 3 + "\n"
    nested = scaling.SHAPES["nested brackets and quotes"](600)
    assert nested.startswith("（“《依法（“《") and nested.endswith("》”）》”）\n")

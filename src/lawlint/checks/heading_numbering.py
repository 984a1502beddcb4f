"""``heading-numbering``: heading numbers run in sequence (GB/T 9704-2012 7.3.3).

Within its parent, each level counts 1, 2, 3 … with no repeat and no gap (一、 then 一、
again; （一） then （三）). Counting on across parents (（一）1. 2. （二）3.) is a common,
accepted style and is not reported. A heading whose level skips its parent's level
(一、 followed directly by 1.) is reported once, at the first such child of a parent,
as a *warning* (the finding's own severity; never more severe than the rule's): many
公文 guides tolerate skipping a level in a short document, while a repeated or missing
number is a plain error. With the option ``heading-scheme: two-level`` (default
``strict``) a document-wide consistent two-level scheme is accepted: a skip over a
level the document never uses anywhere (一、 then 1., and no （一） at all) is not
reported; a skip in a document that does use the skipped level still is.

A heading numbered by Word (or marked by a heading style: no marker in its text, its
level from a :class:`~lawlint.input.reader.LineHint`) is never reported — its number is
Word's business — but it is a parent like any other, and the number Word shows, when
it reads as a marker, is counted: a typed （二） after Word's （一） is in sequence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding, milder
from lawlint.numbering import Marker, parse_marker
from lawlint.numerals import to_chinese

if TYPE_CHECKING:
    from lawlint.model.document import Heading

LEVEL_FORMS = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
_ZERO_DIGITS = "零一二三四五六七八九"  # a heading numbered 零、 is shown as written


def marker_text(level: int, number: int) -> str:
    if level in (1, 2):
        num = to_chinese(number, _ZERO_DIGITS) or str(number)
        return f"{num}、" if level == 1 else f"（{num}）"
    return f"{number}." if level == 3 else f"（{number}）"


class HeadingNumbering(Check):
    kind = "heading-numbering"
    summary = "Heading numbers repeat, skip, or a level skips its parent"
    fields = ("problem",)
    problems = {
        "level-skip": ("marker", "parent"),
        "repeat": ("expected", "found"),
        "gap": ("expected", "found"),
    }
    options = {
        "heading-scheme": Option(
            "enum",
            "strict",
            "strict: a level skip (一、 then 1.) is a warning; two-level: accepted when "
            "the skipped level is used nowhere in the document.",
            choices=("strict", "two-level"),
        ),
    }
    # a level skip is a style choice some guides allow, not a broken sequence
    SKIP_SEVERITY = "warning"

    def check(self, ctx: Context) -> Iterator[Finding]:
        skip_severity = milder(self.SKIP_SEVERITY, self.rule.severity)
        headings = [h for h in ctx.doc.headings if h.marker is not None or h.hint is not None]
        if not any(h.marker is not None for h in headings):
            return
        top = min(h.level for h in headings)
        used = {h.level for h in headings}
        two_level = self.opts["heading-scheme"] == "two-level"
        last: dict[int, int | None] = {}  # level -> last number under the current parent
        ever: dict[int, int] = {}  # level -> last number anywhere (counting on)
        open_levels: list[int] = []
        for h in headings:
            level = h.level
            while open_levels and open_levels[-1] >= level:
                open_levels.pop()
            parent = open_levels[-1] if open_levels else None
            if h.marker is None:  # numbered by Word, or a heading style: not checked
                known = _shown_number(h)
                last[level] = known  # None: unknown, the next typed number is accepted
                if known is not None:
                    ever[level] = known
                _open(level, last, open_levels)
                continue
            number = h.marker.number
            if level in last and last[level] is None:  # after a heading Word numbers
                last[level] = ever[level] = number
                _open(level, last, open_levels)
                continue
            previous = last.get(level)
            skipped = level > top and parent != level - 1 and previous is None
            if skipped and not (two_level and level - 1 not in used):
                found = self._level_skip(ctx, h, h.marker)
                found.severity = skip_severity
                yield found
            expected = {1} if previous is None else {previous + 1}
            if previous is None and level in ever:
                expected.add(ever[level] + 1)
            if number not in expected:
                yield self._out_of_sequence(ctx, h, h.marker, previous, expected)
            last[level] = number
            ever[level] = number
            _open(level, last, open_levels)

    def _level_skip(self, ctx: Context, h: Heading, marker: Marker) -> Finding:
        """A heading whose level skips its parent's (一、 then 1.), naming the missing level."""
        start, end = h.marker_start, h.marker_start + marker.length
        missing = LEVEL_FORMS[h.level - 1]
        return self.finding(
            ctx,
            start,
            end,
            data={"problem": "level-skip", "level": h.level},
            problem=self.problem(
                "level-skip", marker=marker_text(h.level, marker.number), parent=missing
            ),
        )

    def _out_of_sequence(
        self, ctx: Context, h: Heading, marker: Marker, previous: int | None, expected: set[int]
    ) -> Finding:
        """A number that is not one of ``expected``: a repeat (at or below the previous
        number) or a gap, showing the number the reader expects."""
        start, end = h.marker_start, h.marker_start + marker.length
        number = marker.number
        want = marker_text(h.level, min(expected))
        got = marker_text(h.level, number)
        kind = "repeat" if previous is not None and number <= previous else "gap"
        return self.finding(
            ctx,
            start,
            end,
            data={"problem": kind, "expected": min(expected), "found": number},
            problem=self.problem(kind, expected=want, found=got),
        )


def _shown_number(h: Heading) -> int | None:
    """The number Word shows on a heading it numbers, when that reads as a marker of the
    heading's own level; None when unknown (the next typed number is then accepted)."""
    shown = parse_marker(h.hint.numbering + "标题") if h.hint else None
    return shown.number if shown is not None and shown.level == h.level else None


def _open(level: int, last: dict[int, int | None], open_levels: list[int]) -> None:
    """A heading becomes the parent of what follows: the levels below it count afresh."""
    for deeper in [lv for lv in last if lv > level]:
        del last[deeper]
    open_levels.append(level)


CHECKS = (HeadingNumbering,)

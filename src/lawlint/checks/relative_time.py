"""``relative-time``: 今年, 去年, 目前 … in an annual report.

The report is read months after its year ends (published by 4月1日 of the next year), so
relative time words are ambiguous: the message suggests the year, known from the title.
Not inside a quoted title 《…》, nor in a pack's ``exceptions`` (recurring schedules
such as 当月交办、当月答复). A word is read on jieba's words, not as a substring: the 目前
of 项目前期 (项目 + 前期) is not there. With ``year_since``, the report year followed by
以来 ("2025年以来" in the 2025 report) is 今年以来 with the year written in: it is flagged
too. A year word before a month of the first quarter (``ambiguous_after``: "已于今年1月1日起
停收" in the 2017 report meant 2018, the year it was written) is flagged without naming
the year.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from lawlint.chars import SPACE
from lawlint.checks._scope import SCOPE, scope_spans
from lawlint.checks._text import exception_spans
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.checks.phrase import union
from lawlint.findings import Finding
from lawlint.model.rules import Rule
from lawlint.spans import Covering, SpanIndex


class RelativeTime(Check):
    kind = "relative-time"
    summary = "Relative time words (今年, 去年, 目前 …) in an annual report"
    fields = ("match", "suggestion")
    needs_words = True  # a word is matched on jieba's words (项目前期 holds no 目前)
    # what {suggestion} says instead of the word: the year, when the word names one and
    # the report year is known; else "a year" or "a date"
    problems = {"year": ("year",), "some-year": (), "date": ()}
    options = {
        "words": Option("str-list", [], "Relative time words to flag."),
        "year_offsets": Option(
            "int-map", {}, "Words that name a year relative to the report year (今年: 0, 去年: -1)."
        ),
        "exceptions": Option(
            "regex-list",
            [],
            "Contexts where a word is not a relative date (当月交办、当月答复: a recurring "
            "schedule); a match covering the word, within its line, cancels it.",
        ),
        "year_since": Option(
            "bool",
            False,
            'Also flag the report year itself followed by 以来 ("2025年以来" in the 2025 '
            "report: 今年以来 with the year written in, left from a mid-year draft).",
        ),
        "ambiguous_after": Option(
            "regex",
            None,
            "Right after a year word: what makes the year it names uncertain, so that the "
            "message asks for a year without naming one (今年1月: the report is drafted "
            "and published in the next year's first quarter).",
        ),
        "scope": SCOPE,
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.regex = union((), tuple(self.opts["words"]) + tuple(self.opts["year_offsets"]))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.text
        titles = SpanIndex(ctx.doc.quoted_titles)
        offsets: dict[str, int] = self.opts["year_offsets"]
        doc = ctx.doc
        exceptions: dict[int, Covering] = {}  # by line: scanned once, not once per word
        after = self.opts["ambiguous_after"]
        year = ctx.report_year
        since = (
            re.compile(rf"(?<![0-9０-９]){year}[{SPACE}]*年以来")
            if self.opts["year_since"] and year is not None
            else None
        )
        for start, end in scope_spans(ctx, self.opts["scope"]):
            if since is not None:
                for m in since.finditer(text, start, end):
                    if m.start() not in titles:
                        yield self._found(ctx, m, self.problem("year", year=year))
            for m in self.regex.finditer(text, start, end):
                if m.start() in titles:
                    continue
                line = doc.line_index(m.start()) + 1
                if line not in exceptions:
                    exceptions[line] = exception_spans(
                        self.opts["exceptions"], text, *doc.line_span(line)
                    )
                if exceptions[line].covers(m.start(), m.end()):
                    continue
                if _inside_words(ctx.line_words(line), m.start(), m.end()):
                    continue
                uncertain = after is not None and after.match(text, m.end()) is not None
                yield self._found(ctx, m, self._suggest(m.group(0), offsets, year, uncertain))

    def _found(self, ctx: Context, m: re.Match[str], suggestion: str) -> Finding:
        word = m.group(0)
        return self.finding(
            ctx, m.start(), m.end(), data={"word": word}, match=word, suggestion=suggestion
        )

    def _suggest(
        self, word: str, offsets: dict[str, int], year: int | None, uncertain: bool
    ) -> str:
        """The year a year word names, unless the report year is unknown or the word's
        context makes the year ``uncertain`` (今年1月); else "a year", or "a date"."""
        if word in offsets and year is not None and not uncertain:
            return self.problem("year", year=year + offsets[word])
        return self.problem("some-year" if word in offsets else "date")


def _inside_words(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Is the match part of other words: does a word begin before it and run into it
    (项目|前期 for 目前), or begin inside it and run past its end (本|年度报告 for 本年度)?
    A word that starts with the match and runs on (今年底, 今年年底) is the match's own."""
    starts, ends = spans
    i = bisect.bisect_right(starts, start) - 1  # the word holding the match's first character
    if i >= 0 and starts[i] < start < ends[i]:
        return True
    j = bisect.bisect_left(starts, end) - 1  # the word holding its last character
    return j >= 0 and start < starts[j] < end < ends[j]


CHECKS = (RelativeTime,)

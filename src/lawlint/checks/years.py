"""``year-mismatch``: a year in the body that contradicts the report year.

- in the measures part, a later year reported as done: not a plan or target (将, 计划,
  到, 力争 … in its clause), not a date of entry into force or a start ("2025年1月1日起
  施行"), not a year referred to ("对照2025年……标准", "为2025年……做好准备");
- in the plans part, a plan dated in the report year or earlier: a clause that opens
  with that year ("2024年，我镇将……", "2024年重点抓好……" in a 2024 report: last
  year's plans copied). A year inside a clause looks back at the year just reported
  ("在2024年……的基础上", "针对2024年……发现的问题", "巩固2024年……成果") and is fine,
  and so is a clause opening with such a look back ("2024年以来", "2024年取得的成效");
- the heading of either part naming another year ("一、2022年推进……主要举措和成效" in a
  2021 report, "四、2024年推进……主要安排" in a 2024 one).

A line that is only a date ("2024年1月28日" under a signature) is when the text was
signed, not when work was done, and is never read.

A clause is cut at commas, but a clause that is only a date ("2024年，") dates the
clause after it, whose words then count. Years inside 《…》 titles, in ranges
(2021—2025年) and after comparison words (较2022年) are not when the work was done, and
are skipped; so is text that one heading gives to two parts ("存在的不足和2024年工作
安排") where no opening tells them apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lawlint.checks._text import LINE_CLAUSE_END, clauses
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.spans import SpanIndex

if TYPE_CHECKING:
    from lawlint.model.document import Section

_YEAR = re.compile(r"(?<![\d—\-－~～至到])((?:19|20)\d{2})\s*年(?!\s*[—\-－~～至到]\s*\d)")
# What may stand before a year that opens a clause: a heading or item marker.
_OPENER = re.compile(
    r"[\s#*]*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．]"
    r"|[一二三四五六七八九十]是)?[\s*]*"
)
# The rest of a clause that is only a date: "2024年，", "2025年1月，", "2024年上半年，".
_DATE_ONLY = re.compile(
    r"(?:度|\d{1,2}月(?:份|\d{1,2}日)?|[上下]半年|第?[一二三四1-4]季度)?[初底末]?(?:以来)?\s*"
)

# A line that is only a full date: the date a letter or report was signed.
_DATE_LINE = re.compile(r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*")


class YearMismatch(Check):
    kind = "year-mismatch"
    summary = "Years that contradict the report year (later years as done; plans not for next year)"
    fields = ("year", "expected", "problem")
    problems = {
        "later-year": ("report_year", "found"),
        "plans-year": ("next_year", "found"),
        "done-heading": ("report_year", "found"),
        "plans-heading": ("next_year", "found"),
    }
    options = {
        "done_section": Option("str", "measures", "Part reporting work done in the report year."),
        "plans_section": Option("str", "plans", "Part planning the next year."),
        # the word lists below are the pack's (rules/fazhi-content.yaml), not the code's
        "future": Option(
            "regex",
            None,
            "Words that make a later year a plan or target, not work done.",
            required=True,
        ),
        "starts": Option(
            "regex",
            None,
            "Right after a later year: a date of entry into force or a start, not work done.",
            required=True,
        ),
        "compare": Option(
            "regex",
            None,
            "Words before a year that is compared or referred to, not when the work was done.",
            required=True,
        ),
        "looking_back": Option(
            "regex",
            None,
            "After a year opening a clause in the plans: a look back (以来, 取得, 已, 了, 发现的).",
            required=True,
        ),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        year = ctx.report_year
        if year is None:
            return
        titles = SpanIndex(ctx.doc.quoted_titles)
        yield from self._headings(ctx, year, titles)
        # under "存在的不足和2024年工作安排" a year may be either part's
        shared = SpanIndex(ctx.sections.shared)
        for part in ("done", "plans"):
            nested = {(s.body_start, s.end) for s in self._nested(ctx, part)}
            for start, end in ctx.sections.spans(self.opts[f"{part}_section"]):
                if (start, end) in nested:
                    continue
                spans = list(clauses(ctx.doc.text, start, end, LINE_CLAUSE_END))
                for i, (c_start, c_end) in enumerate(spans):
                    if c_start in shared:
                        continue
                    after = spans[i + 1][1] if i + 1 < len(spans) else c_end
                    yield from self._clause(ctx, part, year, c_start, c_end, after, titles)

    def _nested(self, ctx: Context, part: str) -> list[Section]:
        """Sections headed as the part but inside the other part: sub-headings that only
        sound like it ("（一）制定2024年度普法工作计划" among the measures, "（一）巩固执法
        成效" among the plans)."""
        other = ctx.sections.spans(self.opts["plans_section" if part == "done" else "done_section"])
        return [
            sec
            for sec in ctx.sections.headings(self.opts[f"{part}_section"])
            if any(a <= sec.start and sec.end <= b for a, b in other)
        ]

    def _years(self, text: str, start: int, end: int, titles: SpanIndex) -> Iterator[re.Match[str]]:
        """Years of ``text[start:end]`` that say when something is done: not in titles,
        not compared or referred to."""
        for m in _YEAR.finditer(text, start, end):
            before = text[max(start, m.start() - 3) : m.start()]
            if m.start() not in titles and not self.opts["compare"].search(before):
                yield m

    def _clause(
        self,
        ctx: Context,
        part: str,
        year: int,
        start: int,
        end: int,
        after: int,
        titles: SpanIndex,
    ) -> Iterator[Finding]:
        text = ctx.doc.text
        future: dict[int, bool] = {}  # by scope (two at most): searched once per clause
        line_start, line_end = ctx.doc.line_span(ctx.doc.line_index(start) + 1)
        if _DATE_LINE.fullmatch(text, line_start, line_end):
            return  # the date the text was signed
        for m in self._years(text, start, end, titles):
            found = int(m.group(1))
            # a clause that is only a date dates the next one: its words count too
            scope = after if _DATE_ONLY.fullmatch(text, m.end(), end) else end
            if part == "done" and found > year:
                if scope not in future:
                    future[scope] = self.opts["future"].search(text, start, scope) is not None
                if future[scope] or self.opts["starts"].match(text, m.end()):
                    continue
                problem = self.problem("later-year", report_year=year, found=found)
                expected = year
            elif part == "plans" and found <= year:
                if not _OPENER.fullmatch(text, start, m.start()):
                    continue  # inside the clause: a look back at the year reported
                rest = text[m.end() : scope]
                if self.opts["looking_back"].search(rest) or any(
                    int(later.group(1)) > year for later in _YEAR.finditer(rest)
                ):
                    continue
                problem = self.problem("plans-year", next_year=year + 1, found=found)
                expected = year + 1
            else:
                continue
            yield self._finding(ctx, m, year, part, expected, problem)

    def _headings(self, ctx: Context, year: int, titles: SpanIndex) -> Iterator[Finding]:
        """The part's own heading naming another year than the part's: the report year
        for the measures, the next year for the plans."""
        text = ctx.doc.text
        for part in ("done", "plans"):
            key = self.opts[f"{part}_section"]
            nested = self._nested(ctx, part)
            for sec in ctx.sections.headings(key):
                heading = sec.heading
                # a theme heading that is the measures only for want of another part
                if (
                    heading is None
                    or key not in ctx.sections.classify(heading.text)
                    or sec in nested
                ):
                    continue
                years = [
                    m
                    for m in self._years(text, heading.start, heading.end, titles)
                    if not text.startswith("以来", m.end())
                ]
                found = [int(m.group(1)) for m in years]
                if part == "done" and found and year not in found:
                    if self.opts["future"].search(text, heading.start, heading.end):
                        continue
                    problem = self.problem("done-heading", report_year=year, found=found[0])
                    yield self._finding(ctx, years[0], year, part, year, problem)
                elif part == "plans" and found and year + 1 not in found and found[0] <= year:
                    problem = self.problem("plans-heading", next_year=year + 1, found=found[0])
                    yield self._finding(ctx, years[0], year, part, year + 1, problem)

    def _finding(
        self, ctx: Context, m: re.Match[str], year: int, part: str, expected: int, problem: str
    ) -> Finding:
        found = int(m.group(1))
        return self.finding(
            ctx,
            m.start(1),
            m.end(1),
            data={"year": found, "report_year": year, "part": part},
            year=found,
            expected=expected,
            problem=problem,
        )


CHECKS = (YearMismatch,)

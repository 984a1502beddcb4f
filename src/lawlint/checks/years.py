"""``year-mismatch``: a year in the body that contradicts the report year.

- in the measures part, a later year reported as done (no future or target word such as
  将, 计划, 到, 力争 in the clause);
- in the plans part, plans for the report year or an earlier one (the plans look
  forward to the next year).

Years inside 《…》 titles, in ranges (2021—2025年) and in comparisons (较2022年) are not
statements about when the work was done, and are skipped; so is text that one heading
gives to two parts ("存在的不足和2024年工作安排") where no opening tells them apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ._text import clauses, inside
from .base import Check, Context

_YEAR = re.compile(r"(?<![\d—\-－~～至到])((?:19|20)\d{2})\s*年(?!\s*[—\-－~～至到]\s*\d)")


class YearMismatch(Check):
    kind = "year-mismatch"
    summary = "Years that contradict the report year (later years as done; plans not for next year)"
    fields = ("year", "expected", "problem")
    options = {
        "done_section": Option("str", "measures", "Part reporting work done in the report year."),
        "plans_section": Option("str", "plans", "Part planning the next year."),
        "future": Option(
            "regex",
            "将|计划|拟|预计|力争|争取|目标|规划|纲要|到|至|前|以前|之前",
            "Words that make a later year a plan or target, not work done.",
        ),
        "compare": Option(
            "regex", "较|比|同比|相比|与|对比|以来|自", "Words before a compared year."
        ),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        year = ctx.report_year
        if year is None:
            return
        text = ctx.doc.text
        titles = ctx.doc.quoted_titles
        done = ctx.sections.spans(self.opts["done_section"])
        plans = ctx.sections.spans(self.opts["plans_section"])
        # under "存在的不足和2024年工作安排" a year may be either part's
        shared = ctx.sections.shared
        for part, spans in (("done", done), ("plans", plans)):
            for start, end in spans:
                for c_start, c_end in clauses(text, start, end):
                    if not inside(c_start, shared):
                        yield from self._clause(ctx, part, year, c_start, c_end, titles)

    def _clause(
        self,
        ctx: Context,
        part: str,
        year: int,
        start: int,
        end: int,
        titles: list[tuple[int, int]],
    ) -> Iterator[Finding]:
        text = ctx.doc.text
        for m in _YEAR.finditer(text, start, end):
            if inside(m.start(), titles):
                continue
            found = int(m.group(1))
            before = text[max(start, m.start() - 3) : m.start()]
            if self.opts["compare"].search(before):
                continue
            if part == "done" and found > year:
                if self.opts["future"].search(text, start, end):
                    continue
                problem = f"“主要举措和成效”中出现晚于报告年度（{year}年）的{found}年"
                expected = year
            elif part == "plans" and found <= year:
                problem = f"“下一年度主要安排”应写{year + 1}年的安排，此处为{found}年"
                expected = year + 1
            else:
                continue
            yield self.finding(
                ctx,
                m.start(1),
                m.end(1),
                data={"year": found, "report_year": year, "part": part},
                year=found,
                expected=expected,
                problem=problem,
            )


CHECKS = (YearMismatch,)

"""``partial-period``: figures for part of the report year ("1月至11月", "截至11月底").

An annual report covers the whole year; a figure for January to November is either
stale or should say so. Only reported when the sentence states a figure, and not for a
period of another year than the report's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ._text import FIGURE, has_figure, inside
from .base import Check, Context

_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?\s*$")


class PartialPeriod(Check):
    kind = "partial-period"
    summary = "Figures for only part of the report year (1月至11月, 截至11月底)"
    fields = ("match",)
    options = {
        "patterns": Option("regex-list", [], "Regexes of part-year periods."),
        "figure": Option("regex", FIGURE, "What counts as a figure in the sentence."),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        text = doc.text
        titles = ctx.doc.quoted_titles
        for s in doc.sentences:
            for pattern in self.opts["patterns"]:
                for m in pattern.finditer(text, s.start, s.end):
                    if inside(m.start(), titles) or self._other_year(ctx, text, s.start, m.start()):
                        continue
                    if not has_figure(self.opts["figure"], text, s.start, s.end, m.span()):
                        continue
                    yield self.finding(ctx, m.start(), m.end(), match=m.group(0))

    @staticmethod
    def _other_year(ctx: Context, text: str, start: int, at: int) -> bool:
        year = _YEAR_BEFORE.search(text, start, at)
        return bool(year and ctx.report_year and int(year.group(1)) != ctx.report_year)


CHECKS = (PartialPeriod,)

"""``partial-period``: figures for part of the report year ("1月至11月", "截至11月底").

An annual report covers the whole year; a figure for January to November is either
stale or should say so. Only reported when the sentence states a figure, and not for a
period of another year than the report's (named before it, "2023年1月至11月", or inside
it, "截至2023年11月底"). Not in the parts a pack skips (the plans: "上半年完成……" is a
deadline), nor in a sentence matching one of ``unless`` (the rest of the year given
beside it, "其中1—11月……、12月……"; the reason stated, "统计时段为……").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.checks._scope import part_spans
from lawlint.checks._text import Figures
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.spans import SpanIndex

_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?\s*$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# "2023年度" and the spaces around it fit in far fewer characters
_YEAR_BEFORE_REACH = 64


class PartialPeriod(Check):
    kind = "partial-period"
    summary = "Figures for only part of the report year (1月至11月, 截至11月底)"
    fields = ("match",)
    options = {
        "patterns": Option("regex-list", [], "Regexes of part-year periods."),
        "figure": Option("regex", "@{figure}", "What counts as a figure in the sentence."),
        "skip": Option("str-list", [], "Parts where periods are not checked (plans)."),
        "unless": Option(
            "regex-list",
            [],
            "A sentence matching one of these is not reported (the whole year given in "
            "parts, the reason for the cut-off stated).",
        ),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        text = doc.text
        titles = SpanIndex(ctx.doc.quoted_titles)
        skipped = SpanIndex(part_spans(ctx, self.opts["skip"]))
        for s in doc.sentences:
            if s.start in skipped or any(
                p.search(text, s.start, s.end) for p in self.opts["unless"]
            ):
                continue
            figures: Figures | None = None  # the sentence's, once, on first use
            for pattern in self.opts["patterns"]:
                for m in pattern.finditer(text, s.start, s.end):
                    if m.start() in titles or self._other_year(ctx, text, s.start, m):
                        continue
                    if figures is None:
                        figures = Figures(self.opts["figure"], text, s.start, s.end)
                    if not figures.outside(m.span()):
                        continue
                    yield self.finding(ctx, m.start(), m.end(), match=m.group(0))

    @staticmethod
    def _other_year(ctx: Context, text: str, start: int, m: re.Match[str]) -> bool:
        # the year right before the period: a bounded look back, not the whole sentence
        # so far, which would cost every match the length of a long sentence
        before = max(start, m.start() - _YEAR_BEFORE_REACH)
        year = _YEAR.search(text, m.start(), m.end()) or _YEAR_BEFORE.search(
            text, before, m.start()
        )
        return bool(year and ctx.report_year and int(year.group(1)) != ctx.report_year)


CHECKS = (PartialPeriod,)

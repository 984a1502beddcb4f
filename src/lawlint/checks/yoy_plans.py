"""``plan-not-reported``: an item of last year's plans part that this year's measures
part never reports carrying out (issue 16).

The first question a 督察 reviewer asks is whether last year's 下一年度主要安排 was carried
out. With last year's report beside this one (``check --previous``), each item of its plans
part — its numbered items, or its plan sentences (将/要/推进…) when nothing is numbered — is
traced to the sentences of this year's measures part (:mod:`lawlint.yoy.plans`). An item no
sentence reports is one finding on this year's measures heading, quoting the item. Every
finding's ``data.items`` lists every item with its best sentence and score, so a reviewer
sees what was traced as well as what was not. Without a previous report: nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.yoy.compare import Pair, PlanResult, compare_plans
from lawlint.yoy.plans import STOPWORDS, THRESHOLD

QUOTE = 40  # characters of an item quoted in the message


def pair_of(ctx: Context) -> Pair:
    """This file and last year's report, prepared once for both checks of a run (kept
    on the context, which lives as long as one file's checks)."""
    found = ctx.__dict__.get("_yoy_pair")
    if found is None:
        assert ctx.previous is not None
        year = ctx.report_year
        previous_year = ctx.previous.report_year or (year - 1 if year else None)
        found = Pair(
            ctx.doc, ctx.previous, ctx.section_specs, year, previous_year, index=ctx.sections
        )
        ctx.__dict__["_yoy_pair"] = found
    return found


def quote(text: str, limit: int = QUOTE) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PlanNotReported(Check):
    kind = "plan-not-reported"
    summary = "An item of last year's plans that this year's measures never report (--previous)"
    fields = ("item", "line", "score")
    options = {
        "threshold": Option(
            "float", THRESHOLD, "Least score of an item's best sentence for it to count as traced."
        ),
        "stopwords": Option(
            "str-list", sorted(STOPWORDS), "Words that never count towards a match."
        ),
        "synonyms": Option("str-map", {}, "Word → the word it counts as (执法记录仪: 全过程记录)."),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        previous = ctx.previous
        if previous is None:
            return
        result = self._result(ctx)
        items = self._items(ctx, result)
        ctx.yoy["plans"] = (result.traced, len(result.traces))
        ctx.yoy["items"] = items
        missing = [t for t in result.traces if t.score < result.threshold]
        if not missing:
            return
        start, end = self._anchor(ctx)
        for trace in missing:
            item = trace.item
            yield self.finding(
                ctx,
                start,
                end,
                data={
                    "item": item.text,
                    "previous_line": item.line,
                    "previous_column": item.column,
                    "score": trace.score,
                    "threshold": result.threshold,
                    "items": items,
                },
                item=quote(item.text),
                line=item.line,
                score=trace.score,
            )

    def _result(self, ctx: Context) -> PlanResult:
        return compare_plans(
            pair_of(ctx),
            threshold=self.opts["threshold"],
            stopwords=frozenset(self.opts["stopwords"]),
            synonyms=self.opts["synonyms"],
        )

    @staticmethod
    def _anchor(ctx: Context) -> tuple[int, int]:
        """This year's measures heading; else the title; else the first line."""
        for sec in ctx.sections.headings("measures"):
            if sec.heading is not None:
                return sec.heading.start, sec.heading.end
        if ctx.doc.title is not None:
            return ctx.doc.title.start, ctx.doc.title.end
        return 0, len(ctx.doc.lines[0])

    @staticmethod
    def _items(ctx: Context, result: PlanResult) -> list[dict[str, Any]]:
        """Every item of last year's plans with its best sentence of this year's and score."""
        out = []
        for trace, at in zip(result.traces, result.best_at, strict=True):
            best = None
            if trace.best is not None and at is not None:
                line, column = ctx.doc.position(at[0])
                best = {"line": line, "column": column, "text": trace.best.text}
            out.append(
                {
                    "item": trace.item.text,
                    "line": trace.item.line,
                    "column": trace.item.column,
                    "score": trace.score,
                    "traced": trace.score >= result.threshold,
                    "best": best,
                }
            )
        return out


CHECKS = (PlanNotReported,)

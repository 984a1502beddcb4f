"""``title`` (rule ``title-format``): the report names itself properly.

《法治政府建设与责任落实督察工作规定》 calls it 法治政府建设年度报告: a draft needs a
title, the title needs the report year (the year every date in the body is checked
against), and a 报告 is not a 总结.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from .base import Check, Context
from .required_sections import document_anchor


class TitleFormat(Check):
    kind = "title"
    summary = "The report has a title with its year, and is not called a 总结"
    fields = ("problem",)
    options = {
        "require_year": Option("bool", True, "The title must name the report year."),
        "forbidden": Option(
            "str-list", ["总结"], "Words a report title must not use (it is a 报告)."
        ),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        title = ctx.doc.title
        if title is None:
            start, end = document_anchor(ctx)
            yield self.finding(
                ctx,
                start,
                end,
                data={"problem": "missing"},
                problem="找不到报告标题（如“××2024年法治政府建设年度报告”）",
            )
            return
        if self.opts["require_year"] and title.year is None:
            yield self.finding(
                ctx,
                title.start,
                title.end,
                data={"problem": "no-year"},
                problem="标题中没有报告年度（如“2024年”）",
            )
        for word in self.opts["forbidden"]:
            at = title.text.find(word)
            if at >= 0:
                yield self.finding(
                    ctx,
                    title.offset(at),
                    title.offset(at + len(word) - 1) + 1,
                    data={"problem": "forbidden-word", "word": word},
                    problem=f"年度报告不应称为“{word}”，应为“报告”",
                )


CHECKS = (TitleFormat,)

"""``title`` (rule ``title-format``): the report names itself properly.

《法治政府建设与责任落实督察工作规定》 calls it 法治政府建设年度报告: a draft needs a
title, the title needs the report year (the year every date in the body is checked
against), and a 报告 is not a 总结.

A text copied from a web page often has no title line: the title was the page's
heading, and the text starts at the body or at 县委、县政府：. When the configuration's
``title`` or the file's name gives one (``青禾镇2024年法治政府建设年度报告.txt``), that
title stands in (its year is the report year) and the missing title line is only an
``info``; ``missing`` is an error only when none of them names the report.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.checks.required_sections import document_anchor
from lawlint.findings import Finding, milder


class TitleFormat(Check):
    kind = "title"
    summary = "The report has a title with its year, and is not called a 总结"
    fields = ("problem",)
    problems = {
        "missing": (),
        "missing-line-config": ("title",),
        "missing-line-file-name": ("title",),
        "no-year": (),
        "forbidden-word": ("word",),
    }
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
            if ctx.title is None:
                yield self.finding(
                    ctx,
                    start,
                    end,
                    data={"problem": "missing"},
                    problem=self.problem("missing"),
                )
                return
            code = "missing-line-config" if ctx.title_from == "config" else "missing-line-file-name"
            found = self.finding(
                ctx,
                start,
                end,
                data={"problem": "missing", "title": ctx.title, "from": ctx.title_from},
                problem=self.problem(code, title=ctx.title),
            )
            # the report is named: a missing title line is a note, not an error
            found.severity = milder("info", self.rule.severity)
            yield found
            return
        if self.opts["require_year"] and title.year is None:
            yield self.finding(
                ctx,
                title.start,
                title.end,
                data={"problem": "no-year"},
                problem=self.problem("no-year"),
            )
        for word in self.opts["forbidden"]:
            at = title.text.find(word)
            if at >= 0:
                yield self.finding(
                    ctx,
                    title.offset(at),
                    title.offset(at + len(word) - 1) + 1,
                    data={"problem": "forbidden-word", "word": word},
                    problem=self.problem("forbidden-word", word=word),
                )


CHECKS = (TitleFormat,)

"""``truncated`` (rule ``text-truncated``): the text stops in the middle of a sentence
or on a heading with nothing under it (see :mod:`lawlint.model.ending`).

A draft saved half-written, or a page cut off when it was copied, reads as a report
that lacks its last parts; this finding says where the text stops, so that the reader
knows why (``section-missing`` is a warning on such a text, and an opening mark in the
unfinished sentence is left to this finding, not reported as unpaired)."""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.findings import Finding


class Truncated(Check):
    kind = "truncated"
    summary = "The text stops in the middle of a sentence or on an empty heading"
    fields = ("problem",)
    problems = {"sentence": ("tail",), "heading": ("tail",)}

    def check(self, ctx: Context) -> Iterator[Finding]:
        cut = ctx.cut
        if cut is None:
            return
        yield self.finding(
            ctx,
            cut.start,
            cut.end,
            data={"problem": cut.kind, "line": cut.line},
            problem=self.problem(cut.kind, tail=cut.tail),
        )


CHECKS = (Truncated,)

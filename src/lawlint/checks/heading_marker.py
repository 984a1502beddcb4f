"""``heading-marker``: malformed heading markers (GB/T 9704-2012 7.3.3, GB/T 15834
B.3): nothing follows a bracketed marker ("(一)、"), and "1、", "一.", "一)", "（1）."
are wrong forms of 1. 一、 （一） （1）."""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.findings import Finding


class HeadingMarker(Check):
    kind = "heading-marker"
    summary = "Malformed heading markers: (一)、 1、 一. 一) （1）. (fixable)"
    fields = ("match", "replacement", "problem")
    fixable = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for h in doc.headings:
            marker = h.marker
            if marker is None or marker.problem is None:
                continue
            start, end = h.marker_start, h.marker_start + marker.length
            found = doc.text[start:end]
            yield self.finding(
                ctx,
                start,
                end,
                fix=marker.correct,
                match=found,
                replacement=marker.correct,
                problem=marker.problem,
            )


CHECKS = (HeadingMarker,)

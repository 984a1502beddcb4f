"""``unsupported-claim``: a result claim (显著提升, 明显改善 …) with nothing to back it.

The 2021 法治政府建设示范指标体系 asks that work be 可量化、可证明、可比较. A sentence
claiming a result should carry a figure, a date, a named document 《…》, an honour or a
case — in the sentence or the next one of its paragraph (``lookahead``).
Plans and shortcomings talk about the future and problems, so they are skipped by
default (``skip``).
"""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks._scope import part_spans
from lawlint.checks._text import has_figure
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.spans import SpanIndex


class UnsupportedClaim(Check):
    kind = "unsupported-claim"
    summary = "Result claims with no figure, date, document or case in the sentence"
    fields = ("match",)
    options = {
        "patterns": Option("regex-list", [], "Regexes of result claims."),
        "evidence": Option(
            "regex-list", [], "Regexes of evidence besides figures (《…》, 案例, 如…)."
        ),
        "figure": Option("regex", "@{figure}", "What counts as a figure."),
        "skip": Option(
            "str-list", ["plans", "shortcomings"], "Parts where claims are not checked."
        ),
        "lookahead": Option(
            "int",
            1,
            "Following sentences of the same paragraph that may carry the evidence "
            "(a claim is often backed by the next sentence).",
        ),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        text = doc.text
        skipped = SpanIndex(part_spans(ctx, self.opts["skip"]))
        sentences = doc.sentences
        for i, s in enumerate(sentences):
            if s.in_heading or s.start in skipped:
                continue
            following = [
                n
                for n in sentences[i + 1 : i + 1 + self.opts["lookahead"]]
                if n.paragraph == s.paragraph
            ]
            end = following[-1].end if following else s.end
            for pattern in self.opts["patterns"]:
                m = pattern.search(text, s.start, s.end)
                if m is None:
                    continue
                if has_figure(self.opts["figure"], text, s.start, end, m.span()) or any(
                    e.search(text, s.start, end) for e in self.opts["evidence"]
                ):
                    break
                yield self.finding(ctx, m.start(), m.end(), match=m.group(0))
                break


CHECKS = (UnsupportedClaim,)

"""``unquantified-section``: the measures part has too few sentences with figures.

可量化、可证明、可比较 (2021 示范指标体系): a 主要举措和成效 part made of sentences without
a single number tells the reviewer nothing. One finding on the part's heading, giving
the share; a part with no figure at all is always reported. Headings are not sentences:
neither a numbered run-in heading （一）……。 nor an item's label 一是……。 that its item's
sentences follow in the paragraph (sets Z25-Z30 judged counting labels false).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lawlint.checks._text import ITEM_HEADING_LENGTH, ITEM_LABEL
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.spans import SpanIndex

if TYPE_CHECKING:
    from lawlint.model.document import Sentence


def figure_share(ctx: Context, key: str, figure: re.Pattern[str]) -> tuple[int, int]:
    """(sentences, sentences with a figure) in the part ``key``, headings and item
    labels excluded."""
    text = ctx.doc.text
    spans = SpanIndex(ctx.sections.spans(key))
    sentences = ctx.doc.sentences
    total = with_figures = 0
    for i, s in enumerate(sentences):
        if s.in_heading or s.start not in spans:
            continue
        if figure.search(text, s.start, s.end):
            with_figures += 1
        elif _is_label(text, sentences, i):
            continue
        total += 1
    return total, with_figures


_LABEL = re.compile(ITEM_LABEL)


def _is_label(text: str, sentences: list[Sentence], i: int) -> bool:
    """Is sentence ``i`` a run-in item's label ("一是深学笃行习近平法治思想。") that the
    item's own sentences follow in its paragraph?"""
    s = sentences[i]
    if s.end - s.start > ITEM_HEADING_LENGTH or not _LABEL.match(text, s.start):
        return False
    return i + 1 < len(sentences) and sentences[i + 1].paragraph == s.paragraph


class UnquantifiedSection(Check):
    kind = "unquantified-section"
    summary = "Too few sentences with figures in a part (主要举措和成效)"
    fields = ("section", "sentences", "with_figures", "percent")
    options = {
        "section": Option("str", "measures", "The part to measure."),
        "min_share": Option("float", 0.3, "Least share of sentences with a figure."),
        "min_sentences": Option(
            "int", 5, "Parts shorter than this are only reported when no sentence has a figure."
        ),
        "figure": Option("regex", "@{figure}", "What counts as a figure."),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        key = self.opts["section"]
        headed = ctx.sections.headings(key)
        if not headed or headed[0].heading is None:
            return
        total, with_figures = figure_share(ctx, key, self.opts["figure"])
        if total == 0:
            return
        short = total < self.opts["min_sentences"]
        if with_figures > 0 and (short or with_figures / total >= self.opts["min_share"]):
            return
        heading = headed[0].heading
        spec = ctx.sections.specs.get(key)
        yield self.finding(
            ctx,
            heading.start,
            heading.end,
            data={"section": key, "sentences": total, "with_figures": with_figures},
            section=spec.name if spec else key,
            sentences=total,
            with_figures=with_figures,
            percent=round(100 * with_figures / total),
        )


CHECKS = (UnquantifiedSection,)

"""``vague-quantity``: 多次, 大量, 若干 … where a figure belongs.

Matched on jieba words, never on substrings: 多措并举, 多元化解 and 多方参与 contain 多
but are not quantities. A word counts only when its clause has no figure ("20余次",
"约300人" are figures) and no total follows it in the sentence ("多次召开会议，共计60
余次"), outside 《…》 titles (《若干规定》), and not in an exception context (第一批).
Sentences without any candidate substring are never segmented, so a report free of
them never loads the dictionary.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ._text import FIGURE, clauses, has_figure, inside, title_spans
from .base import Check, Context
from .phrase import union


class VagueQuantity(Check):
    kind = "vague-quantity"
    summary = "Vague quantity words (多次, 大量, 若干 …) in a clause with no figure"
    fields = ("match",)
    needs_words = True
    options = {
        "words": Option("str-list", [], "Vague quantity words (matched as whole jieba words)."),
        "figure": Option("regex", FIGURE, "What counts as a figure in the clause."),
        "measures": Option(
            "str",
            "个次项件场名条份批起家位轮",
            "Measure words jieba may glue to a vague word "
            "(若干条, 若干项): such a word counts as the vague word.",
        ),
        "totals": Option(
            "regex",
            "共|共计|累计|合计|总计",
            "Words introducing a total; a total with a figure later in the sentence "
            "quantifies the vague word.",
        ),
        "skip": Option("str-list", [], "Parts where vague quantities are not checked."),
        "exceptions": Option(
            "regex-list",
            [],
            "Contexts where a word is not vague (e.g. 第一批); a match "
            "covering the word cancels it.",
        ),
    }

    def __init__(self, rule) -> None:  # type: ignore[no-untyped-def]
        super().__init__(rule)
        self.words = frozenset(self.opts["words"])
        self.prefilter = union((), self.opts["words"])

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.text
        titles: list[tuple[int, int]] | None = None
        skipped = [span for key in self.opts["skip"] for span in ctx.sections.spans(key)]
        for s in ctx.doc.sentences:
            if not self.prefilter.search(text, s.start, s.end):
                continue
            if any(a <= s.start < b for a, b in skipped):
                continue
            if titles is None:
                titles = title_spans(text)
            tokens = ctx.segmenter.tokens(text[s.start : s.end])
            spans = list(clauses(text, s.start, s.end))
            for word, a, b in tokens:
                if not self._vague(word):
                    continue
                start, end = s.start + a, s.start + b
                if inside(start, titles) or self._excepted(text, s.start, s.end, start, end):
                    continue
                clause = next(((c, d) for c, d in spans if c <= start < d), (s.start, s.end))
                if has_figure(self.opts["figure"], text, *clause, skip=(start, end)):
                    continue
                if self._total_follows(text, end, s.end):
                    continue
                yield self.finding(ctx, start, end, match=word)

    def _vague(self, word: str) -> bool:
        if word in self.words:
            return True
        stem, last = word[:-1], word[-1:]
        return bool(stem) and stem in self.words and last in self.opts["measures"]

    def _total_follows(self, text: str, start: int, end: int) -> bool:
        for m in self.opts["totals"].finditer(text, start, end):
            if self.opts["figure"].search(text, m.end(), min(end, m.end() + 8)):
                return True
        return False

    def _excepted(self, text: str, s_start: int, s_end: int, start: int, end: int) -> bool:
        return any(
            m.start() <= start and end <= m.end()
            for p in self.opts["exceptions"]
            for m in p.finditer(text, s_start, s_end)
        )


CHECKS = (VagueQuantity,)

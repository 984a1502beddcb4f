"""``vague-quantity``: 多次, 大量, 若干 … where a figure belongs.

Matched on jieba words, never on substrings: 多措并举, 多元化解 and 多方参与 contain 多
but are not quantities. A word counts only when its clause has no figure ("20余次",
"约300人" are figures) and no total follows it in the sentence ("多次召开会议，共计60
余次"), outside 《…》 titles (《若干规定》) and short “…” quotations, and not in an
exception context (第一批).
Sentences without any candidate substring are never segmented, so a report free of
them never loads the dictionary. Nor inside a short quotation (“进一次门、查多项事”):
a slogan or a name, not the report's own count.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lawlint.chars import HAN
from lawlint.checks._scope import part_spans
from lawlint.checks._text import Figures, clauses, exception_spans
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.spans import SpanIndex

if TYPE_CHECKING:
    from lawlint.model.document import Sentence
    from lawlint.model.rules import Rule
from lawlint.checks.phrase import union

# the thing a vague word measures, counted in the next sentence: its first two
# characters, then a figure within FIGURE_REACH characters ("学习研讨9次")
_HAN_PAIR = re.compile(rf"[{HAN}]{{2}}")
FIGURE_REACH = 6
_FIGURE_SOON = re.compile(rf"[^。；，\d]{{0,{FIGURE_REACH}}}\d")
# how far after a vague word the thing it measures is named ("大量采用专家函审模式")
_THING_REACH = 6
_DIGIT = re.compile(r"\d")
# two characters too common to name the thing a vague word measures
_GENERIC_PAIRS = frozenset(
    "工作 开展 进行 相关 有关 全年 我局 我镇 我县 我区 我市 各类 加强 推进 实现 完成 达到 "  # noqa: SIM905
    "共计 累计".split()
)


class VagueQuantity(Check):
    kind = "vague-quantity"
    summary = "Vague quantity words (多次, 大量, 若干 …) in a clause with no figure"
    fields = ("match",)
    needs_words = True
    options = {
        "words": Option("str-list", [], "Vague quantity words (matched as whole jieba words)."),
        "figure": Option("regex", "@{figure}", "What counts as a figure in the clause."),
        "measures": Option(
            "str",
            "@{measure-words}个位",
            "Measure words jieba may glue to a vague word "
            "(若干条, 若干项): such a word counts as the vague word.",
        ),
        "totals": Option(
            "regex",
            "@{totals}",
            "Words introducing a total; a total with a figure later in the sentence "
            "quantifies the vague word.",
        ),
        "total_reach": Option(
            "int", 8, "Characters after a total word within which its figure must follow."
        ),
        "skip": Option("str-list", [], "Parts where vague quantities are not checked."),
        "next_figures": Option(
            "int",
            2,
            "A next sentence (same paragraph) that opens as a breakdown (see "
            "'next_opens') with this many figures gives the count ('开展一系列活动。"
            "通过举办讲座4次、挂横幅12条……'); 0 turns it off.",
        ),
        "next_opens": Option(
            "regex",
            "^(通过|其中|共|累计|合计|包括|主要有|分别|具体|如|即)",
            "How a sentence that breaks the vague quantity down opens.",
        ),
        "exceptions": Option(
            "regex-list",
            [],
            "Contexts where a word is not vague (e.g. 第一批); a match "
            "covering the word cancels it.",
        ),
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.words = frozenset(self.opts["words"])
        self.prefilter = union((), self.opts["words"])

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.text
        skipped = SpanIndex(part_spans(ctx, self.opts["skip"]))
        quoted = SpanIndex([*ctx.doc.quoted_titles, *ctx.doc.quoted_phrases])
        sentences = ctx.doc.sentences
        counted_next: dict[int, bool] = {}
        # by (sentence, the two characters after the word): a sentence repeating one
        # vague phrase ("多次召开会议" a hundred times) asks the same question each time
        counted_after: dict[tuple[int, str], bool] = {}
        for index, s in enumerate(sentences):
            if not self.prefilter.search(text, s.start, s.end):
                continue
            if s.start in skipped:
                continue
            # everything asked of the sentence is computed once for it, not once per
            # word: a "sentence" may be a whole report pasted as one line
            exceptions = exception_spans(self.opts["exceptions"], text, s.start, s.end)
            spans = list(clauses(text, s.start, s.end))
            clause_starts = [c for c, _ in spans]
            figures: dict[tuple[int, int], Figures] = {}  # by clause, on first use
            totals = self._totals(text, s.start, s.end)
            for word, a, b in ctx.segmenter.tokens(text[s.start : s.end]):
                if not self._vague(word):
                    continue
                start, end = s.start + a, s.start + b
                if start in quoted or exceptions.covers(start, end):
                    continue
                k = bisect.bisect_right(clause_starts, start) - 1
                clause = spans[k] if k >= 0 and start < spans[k][1] else (s.start, s.end)
                if clause not in figures:
                    figures[clause] = Figures(self.opts["figure"], text, *clause)
                if figures[clause].outside((start, end)):
                    continue
                if totals and totals[-1] >= end:
                    continue  # a total with a figure follows in the sentence
                if index not in counted_next:
                    counted_next[index] = self._counted_next(text, sentences, index)
                if counted_next[index]:
                    continue
                thing = (index, text[end : end + 2])
                if thing not in counted_after:
                    counted_after[thing] = self._counted_after(text, sentences, index, end)
                if counted_after[thing]:
                    continue
                if k >= 0 and self._counted_next_clause(text, spans, k, end):
                    continue
                yield self.finding(ctx, start, end, match=word)

    def _counted_next(self, text: str, sentences: list[Sentence], index: int) -> bool:
        need = self.opts["next_figures"]
        if not need or index + 1 >= len(sentences):
            return False
        nxt = sentences[index + 1]
        if nxt.paragraph != sentences[index].paragraph:
            return False
        # sliced: the pattern opens with ^, which matches only at a string's start
        if not self.opts["next_opens"].match(text[nxt.start : nxt.end]):
            return False
        return len(self.opts["figure"].findall(text, nxt.start, nxt.end)) >= need

    def _counted_after(self, text: str, sentences: list[Sentence], index: int, end: int) -> bool:
        """Does the next sentence of the paragraph count the very thing the vague word
        measures? "组织多次学习研讨。2024年，组织……学习研讨9次" (set O): the two
        characters after the word come back there, a figure close behind them."""
        if not self.opts["next_figures"] or index + 1 >= len(sentences):
            return False
        nxt = sentences[index + 1]
        thing = text[end : end + 2]
        if nxt.paragraph != sentences[index].paragraph or not _HAN_PAIR.fullmatch(thing):
            return False
        return _named_then_counted(text, thing, nxt.start, nxt.end)

    def _counted_next_clause(
        self, text: str, spans: list[tuple[int, int]], k: int, end: int
    ) -> bool:
        """Does the next clause of the sentence count what the vague word measures?
        "大量采用专家函审模式，2021年函审项目占比达90%以上" (set X): a pair of characters
        just after the word (within ``_THING_REACH``) comes back there, a figure (not a
        year, not in a title) close behind it."""
        if k + 1 >= len(spans) or end > spans[k][1]:
            return False
        n_start, n_end = spans[k + 1]
        if not _DIGIT.search(text, n_start, n_end):
            return False  # no figure there at all: the common case, answered at once
        named = text[end : min(spans[k][1], end + _THING_REACH)]
        figure = self.opts["figure"]
        for i in range(len(named) - 1):
            pair = named[i : i + 2]
            if not _HAN_PAIR.fullmatch(pair) or pair in _GENERIC_PAIRS:
                continue
            if _named_then_counted(text, pair, n_start, n_end, figure):
                return True
        return False

    def _vague(self, word: str) -> bool:
        if word in self.words:
            return True
        stem, last = word[:-1], word[-1:]
        return bool(stem) and stem in self.words and last in self.opts["measures"]

    def _totals(self, text: str, start: int, end: int) -> list[int]:
        """Offsets (ascending) of the totals in ``text[start:end]`` followed by a figure
        within ``total_reach`` characters ("共计60余次"): a vague word before one is
        counted."""
        return [
            m.start()
            for m in self.opts["totals"].finditer(text, start, end)
            if self.opts["figure"].search(
                text, m.end(), min(end, m.end() + self.opts["total_reach"])
            )
        ]


def _named_then_counted(
    text: str, pair: str, start: int, end: int, figure: re.Pattern[str] | None = None
) -> bool:
    """Does ``text[start:end]`` name ``pair`` with a digit within ``FIGURE_REACH``
    characters after it ("学习研讨9次")? With ``figure``, that digit must begin a figure
    (not a year)."""
    at = text.find(pair, start, end)
    while at >= 0:
        window = _FIGURE_SOON.match(text, at + 2, min(end, at + 2 + FIGURE_REACH + 1))
        if window and (
            figure is None or figure.search(text, window.end() - 1, min(end, window.end() + 8))
        ):
            return True
        at = text.find(pair, at + 2, end)
    return False


CHECKS = (VagueQuantity,)

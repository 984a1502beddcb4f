"""Text helpers shared by the content checks: clauses, spans, figures."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lawlint.spans import Covering

# A clause ends at a pause or a sentence end (full- or half-width); LINE_CLAUSE_END also
# at a line end, for text that spans headings (a heading has no end mark).
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
LINE_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")

# A run-in item opening a sentence: its label "二是", or a number "（二）", "2."; the
# sentence it heads is short. unsupported-claim reads an item's heading from it, and
# unquantified-section leaves a label out of its count.
ITEM_LABEL = r"[\s　]*[一二三四五六七八九十]{1,3}是"
RUN_IN_ITEM = re.compile(
    rf"(?:{ITEM_LABEL}|[\s　]*(?:[（(][一二三四五六七八九十\d]{{1,3}}[)）]|\d{{1,2}}[.．、]))"
)
ITEM_HEADING_LENGTH = 40

# The figure pattern ("what counts as a figure") is the vocabulary @{figure} of
# rules/dict/vocabularies.yaml, the default of every kind's `figure` option.


def clauses(
    text: str, start: int, end: int, ends: re.Pattern[str] = _CLAUSE_END
) -> Iterator[tuple[int, int]]:
    """Spans of the clauses of ``text[start:end]``."""
    pos = start
    for m in ends.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def exception_spans(
    patterns: Iterable[re.Pattern[str]], text: str, start: int, end: int
) -> Covering:
    """The matches of a rule's ``exceptions`` in ``text[start:end]`` (contexts in which
    its word means something else), for :meth:`Covering.covers`."""
    return Covering(m.span() for p in patterns for m in p.finditer(text, start, end))


class Figures:
    """The figures of ``text[start:end]`` (one scan), asked whether one lies outside a
    span: :func:`has_figure` for many spans of one window, in O(1) each."""

    __slots__ = ("spans",)

    def __init__(self, pattern: re.Pattern[str], text: str, start: int, end: int) -> None:
        self.spans = [m.span() for m in pattern.finditer(text, start, end)]

    def outside(self, skip: tuple[int, int]) -> bool:
        """Is there a figure that does not overlap ``skip``? The matches are ordered and
        do not overlap, so if the first ends after ``skip`` starts and the last starts
        before it ends, every one overlaps it."""
        spans = self.spans
        return bool(spans) and (spans[0][1] <= skip[0] or spans[-1][0] >= skip[1])


def has_figure(
    pattern: re.Pattern[str], text: str, start: int, end: int, skip: tuple[int, int] | None = None
) -> bool:
    """Does ``text[start:end]`` hold a figure, outside the span ``skip``?"""
    for m in pattern.finditer(text, start, end):
        if skip is None or m.end() <= skip[0] or m.start() >= skip[1]:
            return True
    return False

"""Text helpers shared by the content checks: clauses, spans, figures."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lawlint.spans import Covering

# A clause ends at a pause or a sentence end (full- or half-width); LINE_CLAUSE_END also
# at a line end, for text that spans headings (a heading has no end mark).
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
LINE_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")

# The default "figure": a number that counts something — an Arabic number that is not
# part of a date or time ("2024年", "11月", "15日", "09:48", "2024-01-15" are dates, not
# figures), or a Chinese numeral of two or more with a measure word ("三次", "十二件";
# not 一项/一次, often an article; not ordinals 第二次/二十届; not slogans 两个维护).
# Packs may override it (option `figure`).
FIGURE = (
    r"(?<![0-9０-９.])[0-9０-９]+(?:\.[0-9]+)?(?![0-9０-９.])(?!\s*[年月日号时:：\-—－/])"
    r"|(?<![第一二两三四五六七八九十百千万])(?!三项制度|八项规定)"
    r"(?:[二两三四五六七八九]|[一二两三四五六七八九]?十[一二三四五六七八九]?"
    r"|[一二两三四五六七八九][百千万][零〇一二三四五六七八九十百千万]*)"
    r"[余多]?(?:次|项|件|场|名|人|家|所|条|份|期|轮|批|户|元|部|篇|起|天|周|万|亿)"
)


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

"""Text spans as (start, end) offsets, end exclusive: membership, union, difference.

Shared by the section index (which part owns which text) and the checks (skipping
quoted titles, parts, exceptions)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

Span = tuple[int, int]


def inside(pos: int, spans: list[Span]) -> bool:
    """Is ``pos`` in one of ``spans``? A scan: for a few spans; asked per match of a
    long text, use a :class:`SpanIndex`."""
    return any(a <= pos < b for a, b in spans)


class SpanIndex:
    """Spans merged once, for membership tests in O(log n): what a check asks of every
    match (is it in a quoted title, a skipped part?) must not cost the number of spans."""

    __slots__ = ("_spans", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        self._spans = union(list(spans))
        self._starts = [a for a, _ in self._spans]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._spans[i][1]


class Covering:
    """Spans (from one scan of a sentence or line) that answer "does one of them cover
    ``[start, end)``?" in O(log n): a check computes them once per sentence, never once
    per match, so a sentence with thousands of matches stays linear."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, b in ordered:
            furthest = max(furthest, b)
            self._reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end


def union(spans: list[Span]) -> list[Span]:
    """Sorted spans, overlapping ones merged (adjacent ones are kept apart)."""
    out: list[Span] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def subtract(spans: list[Span], cuts: list[Span]) -> list[Span]:
    """``spans`` without the parts that ``cuts`` cover (empty pieces dropped), in the
    order of ``spans``. One sweep over the merged cuts per span, starting at the first
    cut that can touch it: O((spans + cuts) log cuts + pieces), not spans × cuts."""
    if not cuts:
        return spans
    merged = union(cuts)
    ends = [d for _, d in merged]
    out: list[Span] = []
    for a, b in spans:
        i = bisect.bisect_right(ends, a)  # the first cut ending after a
        while i < len(merged) and merged[i][0] < b and a < b:
            c, d = merged[i]
            if c > a:
                out.append((a, c))
            a = max(a, d)
            i += 1
        if a < b:
            out.append((a, b))
    return out

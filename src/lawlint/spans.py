"""Text spans as (start, end) offsets, end exclusive: membership, union, difference.

Shared by the section index (which part owns which text) and the checks (skipping
quoted titles, parts, exceptions)."""

from __future__ import annotations

Span = tuple[int, int]


def inside(pos: int, spans: list[Span]) -> bool:
    return any(a <= pos < b for a, b in spans)


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
    """``spans`` without the parts that ``cuts`` cover (empty pieces dropped)."""
    for c, d in cuts:
        pieces = []
        for a, b in spans:
            pieces.extend(p for p in ((a, min(b, c)), (max(a, d), b)) if p[0] < p[1])
        spans = pieces
    return spans

"""Shared option: restrict a rule to some parts of the report."""

from __future__ import annotations

from lawlint.checks.base import Context
from lawlint.checks.options import Option

SCOPE = Option(
    "str-list",
    None,
    "Where the rule applies: section keys of a loaded pack (e.g. measures), or 'title'; "
    "the whole text when absent.",
)


def part_spans(ctx: Context, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the named parts of the report (for ``skip`` options)."""
    return [span for key in keys for span in ctx.sections.spans(key)]


def scope_spans(ctx: Context, scope: tuple[str, ...] | None) -> list[tuple[int, int]]:
    """Offsets the rule looks at: the whole text, the title, or the named parts."""
    if not scope:
        return [(0, len(ctx.doc.text))]
    spans: list[tuple[int, int]] = []
    for key in scope:
        if key == "title":
            if ctx.doc.title is not None:
                spans.append((ctx.doc.title.start, ctx.doc.title.end))
        else:
            spans.extend(ctx.sections.spans(key))
    return sorted(spans)

"""``nested-quote``: a quotation inside a quotation uses single quotes ‘’
(GB/T 15834-2011 4.8): “践行‘两山’理念”, not “践行“两山”理念”.

Only a paragraph whose double quotes pair up (every ” closes an open “, none is left
open) is read: there an inner pair is certainly nested. In a paragraph with a missing
or stray quote the nesting cannot be told from the typo, and ``unpaired-mark`` reports it.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.findings import Finding

_INNER = {"“": "‘", "”": "’"}


class NestedQuote(Check):
    kind = "nested-quote"
    summary = "“” inside “” instead of ‘’ (fixable)"
    fields = ("match", "replacement")
    fixable = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for p in doc.paragraphs:
            text = doc.text[p.start : p.end]
            if text.count("“") < 2 or text.count("“") != text.count("”"):
                continue
            if doc.line_index(p.start) + 1 in doc.chrome:
                continue
            yield from self._paragraph(ctx, p.start, p.end)

    def _paragraph(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.doc.text
        opened: list[int] = []
        pairs: list[tuple[int, int]] = []
        for pos in range(start, end):
            ch = text[pos]
            if ch == "“":
                opened.append(pos)
            elif ch == "”":
                if not opened:
                    return  # a stray closing quote: not certainly nesting
                a = opened.pop()
                if opened:  # closed while an outer quotation is still open
                    pairs.append((a, pos))
        if opened:
            return
        for a, b in sorted(pairs):
            yield self._one(ctx, a)
            yield self._one(ctx, b)

    def _one(self, ctx: Context, pos: int) -> Finding:
        ch = ctx.doc.text[pos]
        return self.finding(ctx, pos, pos + 1, fix=_INNER[ch], match=ch, replacement=_INNER[ch])


CHECKS = (NestedQuote,)

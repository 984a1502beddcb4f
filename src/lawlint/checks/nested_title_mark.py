"""``nested-title-mark``: a title inside a title uses 〈〉 (GB/T 15834-2011 4.15.3),
never ASCII ``< >`` nor a second 《》.

A 《 inside 《》 is read as nested only in a paragraph whose 《 and 》 pair up: after a
title that is never closed (《法治中国建设规划（2020—2025年）《法治政府建设实施纲要……》,
set Z2) every later title would look nested, and the fault is the missing 》, which
``unpaired-mark`` reports."""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.findings import Finding

_INNER = {"<": "〈", ">": "〉", "＜": "〈", "＞": "〉", "《": "〈", "》": "〉"}


class NestedTitleMark(Check):
    kind = "nested-title-mark"
    summary = "< > or 《》 inside 《》 instead of 〈〉 (fixable)"
    fields = ("match", "replacement")
    fixable = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for p in doc.paragraphs:
            text = doc.text[p.start : p.end]
            if "《" not in text or not (
                text.count("《") > 1 or "<" in text or "＜" in text or ">" in text or "＞" in text
            ):
                continue  # a title inside a title needs a second 《 or an angle bracket
            paired = text.count("《") == text.count("》")
            depth = 0
            inner_open: list[int] = []
            for pos in range(p.start, p.end):
                ch = doc.text[pos]
                if ch == "《":
                    if depth >= 1:
                        inner_open.append(pos)
                    depth += 1
                elif ch == "》" and depth:
                    depth -= 1
                    if depth >= 1 and inner_open:
                        inner = inner_open.pop()
                        if paired:
                            yield from self._pair(ctx, inner, pos)
                elif ch in "<＜" and depth:
                    close = self._closing(doc.text, pos, p.end)
                    if close is not None:
                        yield from self._pair(ctx, pos, close)
                elif ch in ">＞" and depth and not self._opened(doc.text, p.start, pos):
                    yield self._one(ctx, pos)

    def _closing(self, text: str, pos: int, end: int) -> int | None:
        for j in range(pos + 1, end):
            if text[j] in ">＞":
                return j
            if text[j] in "》<＜":
                return None
        return None

    def _opened(self, text: str, start: int, pos: int) -> bool:
        for j in range(pos - 1, start - 1, -1):
            if text[j] in "<＜":
                return True
            if text[j] in "《>＞":
                return False
        return False

    def _pair(self, ctx: Context, a: int, b: int) -> Iterator[Finding]:
        yield self._one(ctx, a)
        yield self._one(ctx, b)

    def _one(self, ctx: Context, pos: int) -> Finding:
        ch = ctx.doc.text[pos]
        return self.finding(ctx, pos, pos + 1, fix=_INNER[ch], match=ch, replacement=_INNER[ch])


CHECKS = (NestedTitleMark,)

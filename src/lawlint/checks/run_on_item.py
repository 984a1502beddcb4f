"""``run-on-item``: a run-in item (二是, 三是 …) that follows the previous item's last word
with no stop: "……全面实现环评审批网上办一次办二是主动靠前服务" (set X). The item before
has not ended; a full stop (or a semicolon, as the text's other items end) belongs
between them.

Only where the previous ordinal (一是 for 二是) stands earlier in the same paragraph,
so that the words are an enumeration's markers, and not after a character that makes
them part of a word or phrase (第二是, 唯一是, 不二是, 总是 …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.chars import HAN
from lawlint.checks.base import Check, Context
from lawlint.findings import Finding

_ORDINALS = "一二三四五六七八九十"
# an ordinal item marker glued to a Chinese character or a digit before it
_GLUED = re.compile(rf"(?<=[{HAN}0-9])([二三四五六七八九十])是")
# characters that make 二是 part of a phrase, not an item marker
_NOT_AFTER = frozenset("第不唯统之的总就也还只即乃正倒要若凡")


class RunOnItem(Check):
    kind = "run-on-item"
    summary = "A run-in item (二是 …) glued to the previous item with no stop"
    fields = ("match", "previous")

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        text = doc.text
        for p in doc.paragraphs:
            if doc.line_index(p.start) + 1 in doc.chrome:
                continue
            for m in _GLUED.finditer(text, p.start, p.end):
                if text[m.start() - 1] in _NOT_AFTER:
                    continue
                previous = _ORDINALS[_ORDINALS.index(m.group(1)) - 1] + "是"
                if text.rfind(previous, p.start, m.start()) < 0:
                    continue
                yield self.finding(ctx, m.start(), m.end(), match=m.group(0), previous=previous)


CHECKS = (RunOnItem,)

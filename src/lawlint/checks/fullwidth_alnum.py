"""``fullwidth-alnum``: full-width digits and Latin letters (GB/T 15835-2011): "２０２３",
"ＡＢＣ" are written "2023", "ABC". The fix is the same digit or letter in its ordinary
(half-width) form."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.findings import Finding

_FULLWIDTH = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
_HALF = {cp: cp - 0xFEE0 for cp in range(ord("！"), ord("～") + 1)}


def halfwidth(text: str) -> str:
    return text.translate(_HALF)


class FullwidthAlnum(Check):
    kind = "fullwidth-alnum"
    summary = "Full-width digits and Latin letters: ２０２３ ＡＢＣ (fixable)"
    fields = ("match", "replacement")
    fixable = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        for m in _FULLWIDTH.finditer(ctx.doc.text):
            right = halfwidth(m.group(0))
            yield self.finding(
                ctx, m.start(), m.end(), fix=right, match=m.group(0), replacement=right
            )


CHECKS = (FullwidthAlnum,)

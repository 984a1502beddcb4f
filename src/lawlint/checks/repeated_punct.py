"""``repeated-punct``: a run of Chinese punctuation marks where one belongs (GB/T
15834-2011): "。。", "，，", "、、", "；；" and mixed runs like "，。".

The fix keeps one mark: the strongest of the run (。 over ； over ： over ， over 、), or
its question and exclamation marks, which the standard lets stand together ("？！",
"！！" are not findings). A run right after an opening quote or bracket is a mention of
the marks ("使用“，，”"), not a fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.findings import Finding

_RUN = re.compile(r"(?<![“‘《〈（(【「『])[。，、；：？！]{2,}")
_RANK = {"、": 0, "，": 1, "：": 2, "；": 3, "。": 4}
_EMPHATIC = "？！"


def keep(run: str) -> str:
    """The mark(s) of ``run`` to keep."""
    emphatic = "".join(ch for ch in run if ch in _EMPHATIC)
    return emphatic or max(run, key=lambda ch: _RANK[ch])


class RepeatedPunct(Check):
    kind = "repeated-punct"
    summary = "Repeated or mixed punctuation: 。。 ，， 、、 ；； ，。 (fixable)"
    fields = ("match", "replacement")
    fixable = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        for m in _RUN.finditer(ctx.doc.text):
            run = m.group(0)
            if all(ch in _EMPHATIC for ch in run):
                continue
            right = keep(run)
            yield self.finding(ctx, m.start(), m.end(), fix=right, match=run, replacement=right)


CHECKS = (RepeatedPunct,)

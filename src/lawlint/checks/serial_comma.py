"""``serial-comma``: no 顿号 between adjacent items that each carry 书名号 or 引号
(GB/T 15834-2011 4.5.3.5): 《A》《B》, “A”“B”, not 《A》、《B》, “A”、“B”.

Only a 顿号 directly between a closing and an opening mark of the same kind counts. When
something stands between the items ("《A》（2020年）、《B》") the standard keeps the 顿号,
and a mixed pair ("《A》、“B”") is left alone. So is a list whose items only begin with a
quotation: in "法律“六进”、“4·15”全民国家安全教育日、农村法治宣传月" (set Z11) the second
item goes on after its closing mark to the next 顿号, so the marks do not set the items
apart and the 顿号 does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.findings import Finding

_SERIAL = re.compile(r"(?<=》)、(?=《)|(?<=〉)、(?=〈)|(?<=”)、(?=“)|(?<=’)、(?=‘)")
_CLOSE = {"《": "》", "〈": "〉", "“": "”", "‘": "’"}
# after the next item's closing mark: more words of the item, then the next 顿号
_ITEM_GOES_ON = re.compile(r"[^、，。；：！？\n“”《》]{1,20}、")
_REACH = 60  # an item's quotation is short


class SerialComma(Check):
    kind = "serial-comma"
    summary = "A 顿号 between adjacent 《》 or “” items: 《A》、《B》 (fixable)"
    fields = ("match", "replacement")
    fixable = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.text
        for m in _SERIAL.finditer(text):
            opening = text[m.end()]
            close = text.find(_CLOSE[opening], m.end() + 1, m.end() + 1 + _REACH)
            if close >= 0 and _ITEM_GOES_ON.match(text, close + 1):
                continue
            match = text[m.start() - 1 : m.end() + 1]
            yield self.finding(
                ctx, m.start(), m.end(), fix="", match=match, replacement=match[0] + match[-1]
            )


CHECKS = (SerialComma,)

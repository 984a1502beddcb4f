"""``serial-comma``: no 顿号 between adjacent items that each carry 书名号 or 引号
(GB/T 15834-2011 4.5.3.5): 《A》《B》, “A”“B”, not 《A》、《B》, “A”、“B”.

Only a 顿号 directly between a closing and an opening mark of the same kind counts. When
something stands between the items ("《A》（2020年）、《B》") the standard keeps the 顿号,
and a mixed pair ("《A》、“B”") is left alone. So is a list whose items only begin with a
quotation: in "法律“六进”、“4·15”全民国家安全教育日、农村法治宣传月" (set Z11) and
"“6·16安全生产日”、“12·4”国家宪法日" (set Z20) the second item goes on after its closing
mark, so the marks do not set the items apart and the 顿号 does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.chars import HAN
from lawlint.checks.base import Check, Context
from lawlint.findings import Finding

_SERIAL = re.compile(r"(?<=》)、(?=《)|(?<=〉)、(?=〈)|(?<=”)、(?=“)|(?<=’)、(?=‘)")
_CLOSE = {"《": "》", "〈": "〉", "“": "”", "‘": "’"}
# after the next item's closing mark, more words of the item: then the next 顿号
# ("“4·15”全民国家安全教育日、", set Z11), or, for quotations, words ending as the item
# before ends ("“6·16安全生产日”、“12·4”国家宪法日等", set Z20: two day names); a word both items
# share ("“法律进乡村”、“法律进社区”活动") is no part of either
_ITEM_GOES_ON = re.compile(r"[^、，。；：！？\n“”《》]{1,20}、")
_TAIL = re.compile(rf"[{HAN}]{{1,12}}?(?=[等和及与]|[^{HAN}])")
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
            if close >= 0 and (
                _ITEM_GOES_ON.match(text, close + 1) or _ends_alike(text, m.start() - 1, close)
            ):
                continue
            match = text[m.start() - 1 : m.end() + 1]
            yield self.finding(
                ctx, m.start(), m.end(), fix="", match=match, replacement=match[0] + match[-1]
            )


def _ends_alike(text: str, first_close: int, close: int) -> bool:
    """Do the words after the second quotation's closing mark, up to 等/和/及 or a mark,
    end as the first quoted item does (…安全生产日”、“12·4”国家宪法日等)? Then both name
    things of one kind, and the second's marks cover only part of it. Titles 《…》 are
    always whole names ("《统计法》、《宗教事务条例》等法律法规" is a list of them)."""
    if text[close] not in "”’":
        return False
    tail = _TAIL.match(text, close + 1)
    return tail is not None and text[first_close - 1] == tail.group(0)[-1]


CHECKS = (SerialComma,)

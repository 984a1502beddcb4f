"""``range-dash``: ranges written with a hyphen, or with the dash lost (GB/T 15834-2011
4.13).

A period of time takes the 一字线 "—" ("(2021—2025年)", "1—11月"); a range of values
the 浪纹线 "～" ("5～10人", "15%～30%"). The short hyphen "-" belongs to dates
(2024-01-15), telephone numbers (0755-12345678), house and serial numbers (12-3号),
standard numbers (GB/T 15834-2011) and codes — so a hyphen counts only where the text
leaves no doubt that it joins the two ends of a range:

- two years followed by 年 ("2021-2025年", "2021年-2025年"), or inside brackets
  ("(2021-2025)"), the second year later than the first;
- two months before 月 (1 ≤ a < b ≤ 12) or two days before 日 (1 ≤ a < b ≤ 31);
- two numbers, the first smaller, followed by a unit of count or measure (人, 次, 件,
  万元, % …) — not 号, 室, 栋 or any other numbering word;
- and the dash lost between two years before 年 ("(20212025年)", "20212025年").

The ASCII tilde "~" counts as a hyphen: "2021~2025年", "5~10人". Between two years the
numeral 一, typed for the dash it looks like, counts too: "2021一2025年" (set Z6), and so
does a doubled hyphen: "（2021--2025年）" (set Z18).

Nothing preceded by a letter, digit, '/', '.' or '-' counts: that is a
code, a date or an index number ("0898141/2022-06521"). URLs are masked by the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.model.rules import Rule

# ASCII hyphen-minus, full-width hyphen-minus, en dash, and the ASCII tilde that
# stands in for the 浪纹线 "～" (half-width in Chinese text, like the hyphen)
_HYPHENS = "\\-－–~"
# between two years, also the numeral 一 typed for the 一字线 it looks like
_YEAR_DASHES = _HYPHENS + "一"
_Y = r"(?:19|20)\d\d"
_NOT_AFTER = r"(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ/.\-－–_#])"

_YEARS = re.compile(rf"{_NOT_AFTER}({_Y})(年?)(--|[{_YEAR_DASHES}])({_Y})(?=年)")
_BRACKET_YEARS = re.compile(rf"(?<=[(（])({_Y})(--|[{_YEAR_DASHES}])({_Y})(?=[)）])")
_LOST_DASH = re.compile(rf"{_NOT_AFTER}({_Y})({_Y})(?=年)")
_MONTHS = re.compile(rf"{_NOT_AFTER}(\d{{1,2}})(月?)([{_HYPHENS}])(\d{{1,2}})(?=月)")
_DAYS = re.compile(rf"{_NOT_AFTER}(\d{{1,2}})(日?)([{_HYPHENS}])(\d{{1,2}})(?=日)")
_NUMBER = r"(?:0|[1-9]\d*)(?:\.\d+)?"


class RangeDash(Check):
    kind = "range-dash"
    summary = "Ranges with a hyphen or a lost dash: 2021-2025年, 5-10人, (20212025年) (fixable)"
    fields = ("match", "replacement")
    fixable = True
    options = {
        "units": Option(
            "str-list",
            [
                "%", "％", "人", "次", "件", "项", "场", "名", "个", "元", "万", "亿", "家",
                "天", "小时", "分钟", "周", "岁", "倍", "户", "所", "条", "份", "篇", "期",
                "批", "米", "公里", "千米", "平方米", "公顷", "亩", "吨", "公斤", "千克",
            ],
            "Units after a range of numbers (a range of values takes ～).",
        ),
    }  # fmt: skip

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        units = "|".join(re.escape(u) for u in sorted(self.opts["units"], key=len, reverse=True))
        self.values = re.compile(
            rf"{_NOT_AFTER}({_NUMBER})([%％]?)([{_HYPHENS}])({_NUMBER})(?=(?:{units}))"
        )

    def check(self, ctx: Context) -> Iterator[Finding]:
        found: dict[int, tuple[int, str, str, str]] = {}
        for start, end, fix, match, replacement in self._ranges(ctx.doc.text):
            found.setdefault(start, (end, fix, match, replacement))
        for start in sorted(found):
            end, fix, match, replacement = found[start]
            yield self.finding(ctx, start, end, fix=fix, match=match, replacement=replacement)

    def _ranges(self, text: str) -> Iterator[tuple[int, int, str, str, str]]:
        """(start, end, fix, range as written, range as it should be) of each fault."""
        for m in _YEARS.finditer(text):
            if int(m.group(1)) < int(m.group(4)):
                yield _dash(m, 3, "—")
        for m in _BRACKET_YEARS.finditer(text):
            if int(m.group(1)) < int(m.group(3)):
                yield _dash(m, 2, "—")
        for pattern, top in ((_MONTHS, 12), (_DAYS, 31)):
            for m in pattern.finditer(text):
                if 1 <= int(m.group(1)) < int(m.group(4)) <= top:
                    yield _dash(m, 3, "—")
        for m in self.values.finditer(text):
            if float(m.group(1)) < float(m.group(4)):
                yield _dash(m, 3, "～")
        for m in _LOST_DASH.finditer(text):
            a, b = m.group(1), m.group(2)
            if int(a) < int(b):
                yield m.start(), m.end(), f"{a}—{b}", m.group(0), f"{a}—{b}"


def _dash(m: re.Match[str], group: int, dash: str) -> tuple[int, int, str, str, str]:
    """Replace the hyphen of ``group`` with ``dash``."""
    start, end = m.start(group), m.end(group)
    offset, width = start - m.start(), end - start
    whole = m.group(0)
    return start, end, dash, whole, whole[:offset] + dash + whole[offset + width :]


CHECKS = (RangeDash,)

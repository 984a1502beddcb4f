"""``sum-mismatch``: "共 N…，其中 a…、b…、c…" where the parts add up to more than N.

Only exact totals are compared (not "20余", "约300"), and only parts in the total's
unit (场 and 场次 count as one unit).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from .base import Check, Context

_NUMBER = r"(\d+(?:\.\d+)?)"


class SumMismatch(Check):
    kind = "sum-mismatch"
    summary = "Parts after 其中 add up to more than the total (共/累计/合计)"
    fields = ("total", "parts", "unit")
    options = {
        "total_words": Option("str-list", ["共", "累计", "合计", "总计"], "Words before a total."),
        "units": Option(
            "str-list",
            [
                "万人次",
                "人次",
                "场次",
                "件次",
                "户次",
                "万元",
                "亿元",
                "元",
                "场",
                "次",
                "件",
                "项",
                "个",
                "人",
                "名",
                "家",
                "起",
                "条",
                "份",
                "宗",
                "户",
                "篇",
                "期",
                "批",
                "部",
            ],
            "Measure words compared (longest first).",
        ),
        "same_units": Option("str-map", {"场次": "场"}, "Units counted as the same unit."),
    }

    def __init__(self, rule) -> None:  # type: ignore[no-untyped-def]
        super().__init__(rule)
        units = "|".join(re.escape(u) for u in sorted(self.opts["units"], key=len, reverse=True))
        totals = "|".join(re.escape(w) for w in self.opts["total_words"])
        self.total = re.compile(
            rf"(?:{totals})[^，,；;。其]{{0,20}}?(?<![\d.约近超逾])(?:达)?{_NUMBER}(?P<unit>{units})(?![余多])"
        )
        self.part = re.compile(rf"(?<![\d.]){_NUMBER}(?P<unit>{units})(?![余多])")

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.text
        same = self.opts["same_units"]
        for s in ctx.doc.sentences:
            for m in self.total.finditer(text, s.start, s.end):
                where = text.find("其中", m.end(), s.end)
                if where < 0 or self.total.search(text, m.end(), where):
                    continue
                stop = self._parts_end(text, m.end(), where, s.end)
                unit = same.get(m.group("unit"), m.group("unit"))
                parts = [p for p in self.part.finditer(text, where, stop)]
                if len(parts) < 2 or any(
                    same.get(p.group("unit"), p.group("unit")) != unit for p in parts
                ):
                    continue
                total = float(m.group(1))
                added = sum(float(p.group(1)) for p in parts)
                if added > total:
                    yield self.finding(
                        ctx,
                        m.start(1),
                        parts[-1].end(),
                        data={"total": _num(total), "parts": _num(added), "unit": unit},
                        total=_num(total),
                        parts=_num(added),
                        unit=m.group("unit"),
                    )

    @staticmethod
    def _parts_end(text: str, total_end: int, start: int, end: int) -> int:
        """Where the parts listed after 其中 (at ``start``) end: the clause group's end,
        or the bracket that closes around 其中 ("共390件（其中简易程序110件，……）")."""
        opened = sum(text[j] in "(（" for j in range(total_end, start)) - sum(
            text[j] in ")）" for j in range(total_end, start)
        )
        for j in range(start, end):
            if text[j] in "；;。" or (opened > 0 and text[j] in ")）"):
                return j
        return end


def _num(value: float) -> int | float:
    return int(value) if value.is_integer() else value


CHECKS = (SumMismatch,)

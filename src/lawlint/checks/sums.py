"""``sum-mismatch``: "共 N…，其中 a…、b…、c…" where the parts add up to more than N.

The parts are the items listed right after 其中 (or a sentence opening with 其中), not
every later number:

- the list ends at the next 其中, which begins a breakdown of its own; an item after ， or
  ； that runs right into that 其中 is the next breakdown's total, not a part ("……80件，
  其中涉企案件31件，一般违法行为……案件903件，其中涉企案件412件", set Z16);
- items joined by 、 ("其中讲座12场、送法下乡10场"); items joined by ， or ； only while
  each is a parallel item sharing a word with the first one ("其中刑事案件60件，民事案件
  40件"), not a new statement ("其中受理18件，审结17件", "……，调解成功305件");
- the list stops at an item in another unit or with no figure, at a comparison
  ("，较2023年减少12起") and at the bracket that closes around 其中 ("共390件（其中……）");
- figures inside brackets within the list are not parts ("刑事案件60件（含未成年人案件
  12件）").

The total is the nearest 共/累计/合计/总计 figure before 其中 in the parts' unit (a total
in another unit in between is passed over: "286件，罚没款合计413.5万元，其中……件");
without one, the figure that ends the clause right before 其中 ("办理行政处罚案件45件，
其中……"), unless that clause is a comparison ("较2023年增加45件"). Only
exact figures are compared (not "20余", "约300", "100件以上"); 万 and 亿 multiply
("1.2亿元，其中……3000万元"), and 场 and 场次 count as one unit. One part larger than the
total is also reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lawlint.chars import HAN
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.model.rules import Rule

# At most 15 digits before the point: a float holds them exactly, and a longer "figure"
# is not a count anyone reports (a 400-digit one would sum to Infinity, not JSON).
_NUMBER = r"(?P<n>\d{1,15}(?:\.\d+)?)(?P<x>[万亿])?"
_TIMES = {"": 1, "万": 10_000, "亿": 100_000_000}
_BREAKDOWN = re.compile("其中")
_SEPARATORS = re.compile(r"[、，,；;]")
_HAN_PAIR = re.compile(rf"(?=([{HAN}]{{2}}))")


class _Figure(NamedTuple):
    number: float  # as written
    times: str  # "", 万 or 亿
    unit: str  # same_units applied
    written: str  # the unit as written (场次)
    start: int
    end: int

    @property
    def value(self) -> float:
        return self.number * _TIMES[self.times]


class SumMismatch(Check):
    kind = "sum-mismatch"
    summary = "Parts after 其中 add up to more than the total (共/累计/合计)"
    fields = ("total", "parts", "unit")
    options = {
        "total_words": Option("str-list", ["@{totals}"], "Words before a total."),
        # the word lists below are the pack's (rules/fazhi-content.yaml), not the code's
        "units": Option(
            "str-list",
            None,
            "Measure words compared (longest first); 万 and 亿 before them multiply.",
            required=True,
        ),
        "same_units": Option(
            "str-map", None, "Units counted as the same unit (场次: 场).", required=True
        ),
        "compare": Option(
            "regex",
            None,
            "Words of a comparison: the list of parts after 其中 stops there.",
            required=True,
        ),
        "approximate_before": Option(
            "str",
            None,
            "Characters before a figure that make it approximate (约300人): not compared.",
            required=True,
        ),
        "approximate_after": Option(
            "regex",
            None,
            "Right after a figure's unit: it is approximate (20余场, 100件以上), not compared.",
            required=True,
        ),
        "total_reach": Option(
            "int",
            30,
            "Characters a total word may stand before its figure (共开展各类普法活动36场).",
        ),
        "stated_reach": Option(
            "int",
            40,
            "How far back from 其中 a total stated without a total word is looked for.",
        ),
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        units = "|".join(re.escape(u) for u in sorted(self.opts["units"], key=len, reverse=True))
        totals = "|".join(re.escape(w) for w in self.opts["total_words"])
        before = re.escape(self.opts["approximate_before"])
        after = self.opts["approximate_after"].pattern
        figure = rf"(?<![\d.{before}]){_NUMBER}(?P<unit>{units})(?!{after})"
        reach = self.opts["total_reach"]
        self.total = re.compile(rf"(?:{totals})[^，,；;。其]{{0,{reach}}}?(?:达)?{figure}")
        self.part = re.compile(figure)
        # a figure the clause before 其中 ends with (its own clause: after ，or 。)
        self.stated = re.compile(rf"(?<=[{HAN}]){figure}$")

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.text
        sentences = ctx.doc.sentences
        for i, s in enumerate(sentences):
            look_from = s.start
            # a sentence opening with 其中 breaks down a total of the one before
            if (
                text[s.start : s.end].lstrip().startswith("其中")
                and i
                and sentences[i - 1].paragraph == s.paragraph
            ):
                look_from = sentences[i - 1].start
            breakdowns = [m.start() for m in _BREAKDOWN.finditer(text, s.start, s.end)]
            for k, where in enumerate(breakdowns):
                # the list ends where the next 其中 begins a breakdown of its own, so each
                # part of the sentence is read for one 其中 only (linear, however many)
                stop = breakdowns[k + 1] if k + 1 < len(breakdowns) else s.end
                parts = self._parts(text, where + 2, stop)
                if (
                    k + 1 < len(breakdowns)
                    and len(parts) > 1
                    and text[parts[-2].end : parts[-1].start].find("、") < 0
                    and not text[parts[-1].end : stop].strip("，,；; 　")
                ):
                    parts.pop()  # the total the next 其中 breaks down
                total = self._total(text, look_from, where, parts[0].unit) if parts else None
                if total is None and parts:
                    total = self._stated(text, look_from, where, parts[0].unit)
                look_from = where + 2
                if total is None:
                    continue
                added = round(sum(p.value for p in parts) / _TIMES[total.times], 6)
                if added > total.number:
                    shown, summed = _num(total.number), _num(added)
                    yield self.finding(
                        ctx,
                        total.start,
                        parts[-1].end,
                        data={"total": shown, "parts": summed, "unit": total.times + total.unit},
                        unit=total.times + total.written,
                        total=shown,
                        parts=summed,
                    )

    def _figure(self, m: re.Match[str], offset: int = 0) -> _Figure:
        unit = m.group("unit")
        return _Figure(
            float(m.group("n")),
            m.group("x") or "",
            self.opts["same_units"].get(unit, unit),
            unit,
            m.start("n") + offset,
            m.end() + offset,
        )

    def _total(self, text: str, start: int, end: int, unit: str) -> _Figure | None:
        """The last total in ``unit`` in ``text[start:end]``."""
        found = None
        for m in self.total.finditer(text, start, end):
            figure = self._figure(m)
            if figure.unit == unit:
                found = figure
        return found

    def _stated(self, text: str, start: int, end: int, unit: str) -> _Figure | None:
        """A total stated without 共/累计/合计: the figure in ``unit`` that ends the clause
        right before 其中 ("办理行政处罚案件45件，其中……"), not one in a comparison. Only
        the clause's last characters are read (bounded work per 其中)."""
        begin = max(start, end - self.opts["stated_reach"])
        head = text[begin:end].rstrip("，,：:。 ")
        cut = max(head.rfind(c) for c in "，,；;。") + 1
        m = self.stated.search(head, cut)
        if m is None or self.opts["compare"].search(head, cut, m.start()):
            return None
        figure = self._figure(m, begin)
        return figure if figure.unit == unit else None

    def _parts(self, text: str, start: int, end: int) -> list[_Figure]:
        """The items listed from ``start`` (right after 其中): each item's first figure."""
        flat = _flatten(text, start, end)
        lead = len(flat) - len(flat.lstrip("：:，, "))
        items = _SEPARATORS.split(flat[lead:])
        joints = [j.replace(",", "，").replace(";", "；") for j in _SEPARATORS.findall(flat[lead:])]
        parts: list[_Figure] = []
        first_name = ""
        pos = start + lead
        for k, item in enumerate(items):
            m = self.part.search(item)
            compared = self.opts["compare"].search(item)
            if m is None or (compared is not None and compared.start() < m.start()):
                break
            figure = self._figure(m, pos)
            if not parts:
                first_name = item[: m.start()]
            elif (
                figure.unit != parts[0].unit
                or joints[k - 1] != joints[0]
                or (
                    # 、 joins the items of one list; after ， or ； a parallel item repeats
                    # a word of the first one, a new statement does not
                    joints[0] != "、" and not _shares_a_word(first_name, item[: m.start()])
                )
            ):
                break
            parts.append(figure)
            if compared is not None:
                break
            pos += len(item) + 1
        return parts


def _flatten(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with bracketed asides blanked (their figures are not parts),
    cut where a bracket opened before ``start`` closes."""
    out = []
    depth = 0
    for ch in text[start:end]:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                break
            depth -= 1
            out.append(" ")
            continue
        out.append(" " if depth else ch)
    return "".join(out)


def _shares_a_word(first: str, name: str) -> bool:
    """Do two item names share two Chinese characters in a row (刑事案件, 民事案件)?"""
    pairs = set(_HAN_PAIR.findall(first))
    return any(pair in pairs for pair in _HAN_PAIR.findall(name))


def _num(value: float) -> int | float:
    return int(value) if value.is_integer() else value


CHECKS = (SumMismatch,)

"""The year-over-year figures of one report, as the batch table and the review page show
them: last year's plan items traced (N/M) and the share of each part repeated from last
year's report. They come from what the two checks counted (``FileResult.yoy``): a report
checked without last year's has none ("—").
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

#: short names of the parts for a table cell
PART_SHORT_ZH = {
    "measures": "举措",
    "first-responsible": "职责",
    "shortcomings": "不足",
    "plans": "安排",
}


def plans_traced(yoy: Mapping[str, Any] | None) -> tuple[int, int] | None:
    """(items traced, items) of last year's plans, or None (not compared)."""
    if not yoy or "plans" not in yoy:
        return None
    traced, items = yoy["plans"]
    return int(traced), int(items)


def reused_shares(yoy: Mapping[str, Any] | None) -> dict[str, float]:
    """Part key → share of its text repeated from last year's report."""
    if not yoy or "reused" not in yoy:
        return {}
    return {key: r / t for key, (r, t) in yoy["reused"].items() if t}


def reused_total(yoy: Mapping[str, Any] | None) -> float | None:
    """The share of the four parts' text repeated from last year's, or None."""
    if not yoy or "reused" not in yoy:
        return None
    reused = sum(r for r, _ in yoy["reused"].values())
    total = sum(t for _, t in yoy["reused"].values())
    return reused / total if total else None


def plans_cell(yoy: Mapping[str, Any] | None) -> str:
    found = plans_traced(yoy)
    return "—" if found is None else f"{found[0]}/{found[1]}"


def reused_cell(yoy: Mapping[str, Any] | None, lang: str = "zh") -> str:
    """``举措35% 职责15% 不足42% 安排43%`` (``--lang en``: the part keys)."""
    shares = reused_shares(yoy)
    if not shares:
        return "—"
    name = PART_SHORT_ZH.get if lang == "zh" else (lambda key, default=None: key)
    return " ".join(f"{name(k, k)}{shares[k]:.0%}" for k in PART_SHORT_ZH if k in shares)


def items_html(yoy: Mapping[str, Any] | None) -> str:
    """The review page's table of last year's plan items: each with its best sentence of
    this year's and score, traced or not (every piece of text escaped)."""
    items = (yoy or {}).get("items")
    if not items:
        return ""
    rows = []
    for item in items:
        best = item["best"]
        where = "—" if best is None else f"第{best['line']}行：{escape(best['text'])}"
        mark = "✓" if item["traced"] else "✗"
        rows.append(
            f'<tr class="{"traced" if item["traced"] else "untraced"}"><td>{mark}</td>'
            f"<td>上年第{item['line']}行：{escape(item['item'])}</td>"
            f'<td>{where}</td><td class="n">{item["score"]:.2f}</td></tr>'
        )
    return (
        '<table class="plans"><caption>上年工作安排落实情况 '
        '<span class="en">last year\'s plans traced</span></caption>'
        '<thead><tr><th></th><th>上年安排 <span class="en">item</span></th>'
        '<th>本年最相近的句子 <span class="en">best match</span></th>'
        '<th>得分 <span class="en">score</span></th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>\n"
    )

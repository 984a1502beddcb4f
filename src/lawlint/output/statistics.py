"""``--statistics``: counts per rule instead of each finding (as ruff does).

Text: one line per rule with findings, most frequent first —
``count  rule-id  severity`` and how many of them carry a fix; the severity in the
reader's words (错误/警告/提示, ``--lang en``: error/warning/info). JSON: an array of
``{"rule", "severity", "count", "fixable"}`` in the same order, always in English.
Every finding is counted, including those ``--show`` hides from the other reports.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from lawlint.lint.engine import FileResult

FORMATS = ("text", "json")


def rule_counts(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    counts: Counter[tuple[str, str]] = Counter()
    fixable: Counter[tuple[str, str]] = Counter()
    for f in (f for r in results for f in r.findings):
        counts[f.rule, f.severity] += 1
        fixable[f.rule, f.severity] += f.fix is not None
    order = sorted(counts, key=lambda k: (-counts[k], k[0]))
    return [
        {"rule": rule, "severity": sev, "count": counts[rule, sev], "fixable": fixable[rule, sev]}
        for rule, sev in order
    ]


def write(
    results: Sequence[FileResult], out: TextIO, *, fmt: str, quiet: bool, lang: str = "zh"
) -> None:
    from lawlint.chars import display_width
    from lawlint.output.text_format import severity_word

    rows = rule_counts(results)
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    count_w = max((len(str(r["count"])) for r in rows), default=1)
    rule_w = max((len(r["rule"]) for r in rows), default=0)
    # the severity column as wide as its widest word: 错误 takes four cells, warning seven
    sev_w = max(display_width(severity_word(s, lang)) for s in ("error", "warning", "info"))
    for r in rows:
        word = severity_word(r["severity"], lang)
        line = f"{r['count']:>{count_w}}  {r['rule']:<{rule_w}}  {word}"
        if r["fixable"]:
            pad = " " * (sev_w - display_width(word))
            line = f"{line}{pad}  {r['fixable']} 可自动修复 / fixable"
        out.write(line + "\n")
    if not quiet:
        total = sum(r["count"] for r in rows)
        files = len(results)
        out.write(
            f"检查了 {files} 个文件，共 {total} 个问题。\n"
            f"{files} file{'s' if files != 1 else ''} checked, "
            f"{total} finding{'s' if total != 1 else ''}.\n"
        )

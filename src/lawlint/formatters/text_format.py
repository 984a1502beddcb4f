"""``--format text``: ``path:line:col  severity  rule-id  message``, the source line with
the span underlined (aligned by display width: CJK characters take two cells), then
a summary (not with ``--quiet``). Colour only on a terminal; ``NO_COLOR`` is respected
(rich does both)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ..chars import MASK, display_width
from ..findings import SEVERITIES, SEVERITY_ZH, Finding

if TYPE_CHECKING:
    from rich.console import Console

    from ..engine import FileResult
    from . import FormatOptions

STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}
CONTEXT = 24  # characters of context either side of a span in a long line
MAX_LINE = 80  # display cells shown whole


def excerpt(line: str, start_col: int, end_col: int) -> tuple[str, str]:
    """The line (or a window of it) and a caret line under the span."""
    start, end = start_col - 1, max(end_col - 1, start_col)
    prefix, suffix = "", ""
    if display_width(line) > MAX_LINE:
        lo, hi = max(0, start - CONTEXT), min(len(line), end + CONTEXT)
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(line) else ""
        line, start, end = line[lo:hi], start - lo, end - lo
    line = line.replace("\t", " ").replace(MASK, " ")
    shown = prefix + line + suffix
    pad = display_width(prefix + line[:start])
    carets = "^" * max(1, display_width(line[start:end]))
    return shown, " " * pad + carets


def write(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool | None = None,
    options: FormatOptions | None = None,
) -> None:
    from rich.console import Console

    from . import FormatOptions

    options = options or FormatOptions()
    console = Console(
        file=out,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        force_terminal=color if color else None,
        no_color=(color is False) or None,
    )
    counts: Counter[str] = Counter()
    for result in results:
        lines = result.document.raw.split("\n") if result.document else []
        for f in result.findings:
            counts[f.severity] += 1
            _finding(console, f, lines)
    if not options.quiet:
        _summary(console, results, counts)


def _finding(console: Console, f: Finding, lines: list[str]) -> None:
    from rich.text import Text

    head = Text()
    head.append(f"{f.path}:{f.line}:{f.column}", style="bold")
    head.append("  ")
    head.append(f.severity, style=STYLE[f.severity])
    head.append("  ")
    head.append(f.rule, style="cyan")
    head.append("  ")
    head.append(f.message)
    console.print(head)
    if 0 < f.line <= len(lines):
        line = lines[f.line - 1]
        end_col = f.end_column if f.end_line == f.line else len(line) + 1
        shown, carets = excerpt(line, f.column, end_col)
        gutter = f"{f.line:>6} | "
        console.print(Text(gutter, style="dim") + Text(shown))
        console.print(Text(" " * 6 + " | ", style="dim") + Text(carets, style=STYLE[f.severity]))


def _summary(console: Console, results: Sequence[FileResult], counts: Counter[str]) -> None:
    files = len(results)
    total = sum(counts.values())
    zh = "，".join(f"{SEVERITY_ZH[s]} {counts[s]}" for s in SEVERITIES)
    en = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES)
    failed = sum(1 for r in results if r.error is not None)
    extra_zh = f"，{failed} 个文件无法读取" if failed else ""
    extra_en = f", {failed} unreadable" if failed else ""
    if total:
        console.print(
            f"\n检查了 {files} 个文件{extra_zh}，发现 {total} 个问题（{zh}）。"
            f"\n{files} file{'s' if files != 1 else ''} checked{extra_en}, "
            f"{total} finding{'s' if total != 1 else ''} ({en})."
        )
    else:
        console.print(
            f"检查了 {files} 个文件{extra_zh}，未发现问题。"
            f"\n{files} file{'s' if files != 1 else ''} checked{extra_en}, no findings."
        )

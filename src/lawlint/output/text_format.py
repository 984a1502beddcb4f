"""``--format text``: ``path:line:col  severity  rule-id  message``, the source line with
the span underlined (aligned by display width: CJK characters take two cells), then
a summary. Colour only on a terminal (or with ``--color``); ``NO_COLOR`` is respected.

With several files, the summary ends with the batch review table: one row per report
with its errors, warnings and infos, the required parts it lacks (``section-missing``
findings' ``data.section``) and the share of ``measures`` sentences with figures.
``--quiet`` leaves out the summary and the table."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from lawlint.chars import MASK, display_width
from lawlint.findings import SECTION_RULE, SEVERITIES, SEVERITY_ZH, Finding
from lawlint.input.convert import CONVERTED_NOTE, is_convertible
from lawlint.output import visible, write_parts
from lawlint.output.safe import shown

if TYPE_CHECKING:
    from rich.console import Console

    from lawlint.lint.engine import FileResult
    from lawlint.lint.stats import FigureShare
    from lawlint.output import FormatOptions

STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}
CONTEXT = 24  # characters of context either side of a span in a long line
MAX_LINE = 80  # display cells shown whole


def excerpt(line: str, start_col: int, end_col: int) -> tuple[str, str]:
    """The line (or a window of it) and a caret line under the span."""
    start, end = start_col - 1, max(end_col - 1, start_col)
    prefix, suffix = "", ""
    # every character takes one or two cells: measure only when the length cannot tell
    if len(line) > MAX_LINE or (2 * len(line) > MAX_LINE and display_width(line) > MAX_LINE):
        lo, hi = max(0, start - CONTEXT), min(len(line), end + CONTEXT)
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(line) else ""
        line, start, end = line[lo:hi], start - lo, end - lo
    line = line.replace("\t", " ").replace(MASK, " ").replace("\u2028", " ")
    # control characters as visible escapes (``\x1b``): measured as they are shown
    before, span, after = shown(line[:start]), shown(line[start:end]), shown(line[end:])
    pad = display_width(prefix + before)
    carets = "^" * max(1, display_width(span))
    return prefix + before + span + after + suffix, " " * pad + carets


def write(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool | None = None,
    options: FormatOptions | None = None,
) -> None:
    # Colour (a terminal, or --color) goes through rich; plain output — files, pipes,
    # CI logs, NO_COLOR, --no-color — is written directly, without importing rich: its
    # per-line rendering costs ~0.5 ms a line, most of a warm run with many findings.
    if not colored(out, color):
        write_parts("text", results, out, options)
        return
    console = _console(out, True)
    lang = options.lang if options else "zh"
    for result in results:
        lines = result.source.text.split("\n") if result.source else []
        paragraphs = result.source is not None and result.source.paragraphs
        for f in visible(result.findings, options):
            _finding(console, f, lines, paragraphs, lang)
    footer(out, results, options, console)


def colored(out: TextIO, color: bool | None) -> bool:
    """``--color``/``--no-color`` if given, else whether ``out`` is a terminal and
    ``NO_COLOR`` is not set."""
    if color is None:
        isatty = getattr(out, "isatty", None)
        return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")
    return color


def render_file(result: FileResult, options: FormatOptions | None = None) -> str:
    """One file's findings as plain text: each its head line, then its line with the
    span underlined (see :func:`excerpt`)."""
    findings = visible(result.findings, options)
    if not findings:
        return ""
    lines = result.source.text.split("\n") if result.source else []
    paragraphs = result.source is not None and result.source.paragraphs
    lang = options.lang if options else "zh"
    return "".join("\n".join(_plain(f, lines, paragraphs, lang)) + "\n" for f in findings)


def severity_word(severity: str, lang: str = "zh") -> str:
    """错误/警告/提示 for a Chinese reader (``--lang zh``, the default), else the id."""
    return SEVERITY_ZH[severity] if lang == "zh" else severity


def footer(
    out: TextIO,
    results: Sequence[FileResult],
    options: FormatOptions | None = None,
    console: Console | None = None,
) -> None:
    """The summary, then (several files) the batch table; nothing with ``--quiet``."""
    from lawlint.output import FormatOptions

    options = options or FormatOptions()
    if options.quiet:
        return
    summary = _summary(results, options.show)
    notes = _notes(results, options)
    if console is not None:
        from rich.text import Text

        console.print(summary)
        for line in notes:
            console.print(Text(line))
    else:
        out.write(summary + "\n" + "".join(line + "\n" for line in notes))
    if len(results) > 1:
        _batch_table(console, out, results, options)


def _console(out: TextIO, color: bool) -> Console:
    from rich.console import Console

    from lawlint.output import raise_broken_pipe

    console = Console(
        file=out,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        force_terminal=True if color else None,
        no_color=not color,
    )
    console.on_broken_pipe = raise_broken_pipe  # type: ignore[method-assign]
    return console


def gutter(line_no: int, paragraphs: bool = False) -> str:
    """The quoted line's number. In a Word document the line is a paragraph: 段 and
    its number (the same width: 段 takes two cells)."""
    return f"段{line_no:>4} | " if paragraphs else f"{line_no:>6} | "


def _plain(f: Finding, lines: list[str], paragraphs: bool = False, lang: str = "zh") -> list[str]:
    sev = severity_word(f.severity, lang)
    head = f"{shown(f.path)}:{f.line}:{f.column}  {sev}  {f.rule}  {shown(f.message)}"
    if not 0 < f.line <= len(lines):
        return [head]
    line = lines[f.line - 1]
    end_col = f.end_column if f.end_line == f.line else len(line) + 1
    quoted, carets = excerpt(line, f.column, end_col)
    return [head, f"{gutter(f.line, paragraphs)}{quoted}", f"{'':6} | {carets}"]


def _finding(
    console: Console, f: Finding, lines: list[str], paragraphs: bool = False, lang: str = "zh"
) -> None:
    """The finding's head line, then its line with the span underlined. For a Word
    document the line is a paragraph: the gutter shows 段 (paragraph) and its number, and
    a long paragraph is quoted around the span only."""
    from rich.text import Text

    head = Text()
    head.append(f"{shown(f.path)}:{f.line}:{f.column}", style="bold")
    head.append("  ")
    head.append(severity_word(f.severity, lang), style=STYLE[f.severity])
    head.append("  ")
    head.append(f.rule, style="cyan")
    head.append("  ")
    head.append(shown(f.message))
    console.print(head)
    if 0 < f.line <= len(lines):
        line = lines[f.line - 1]
        end_col = f.end_column if f.end_line == f.line else len(line) + 1
        quoted, carets = excerpt(line, f.column, end_col)
        console.print(Text(gutter(f.line, paragraphs), style="dim") + Text(quoted))
        console.print(Text(" " * 6 + " | ", style="dim") + Text(carets, style=STYLE[f.severity]))


def _notes(results: Sequence[FileResult], options: FormatOptions) -> list[str]:
    """Under the summary: the files read by converting them (their positions are the
    converted document's), then each file the folder walk passed over, and why."""
    zh = options.lang == "zh"
    lines = []
    converted = [r.path for r in results if r.error is None and is_convertible(r.path)]
    if converted:
        note_zh, note_en = CONVERTED_NOTE
        names = ("、" if zh else ", ").join(shown(p) for p in converted)
        n = len(converted)
        lines.append(
            f"{n} 个文件{note_zh}：{names}"
            if zh
            else f"{n} file{'s' if n != 1 else ''} {note_en}: {names}"
        )
    if options.skipped:
        n = len(options.skipped)
        lines.append(
            f"跳过 {n} 个未检查的文件 / skipped {n} file{'s' if n != 1 else ''}, not checked:"
        )
        sep = "：" if zh else ": "
        drafts = [s for s in options.skipped if s.draft_like]
        lines += [f"  {shown(s.path)}{sep}{s.zh if zh else s.en}" for s in drafts]
        others = Counter(s.suffix for s in options.skipped if not s.draft_like)
        if others:  # a pack's YAML, images, spreadsheets: counted, not named
            lines.append("  " + _others(others, zh))
    return lines


def _others(suffixes: Counter[str], zh: bool) -> str:
    """The files of other formats, counted by extension."""
    n = sum(suffixes.values())
    order = sorted(suffixes.items(), key=lambda item: (not item[0], item[0]))  # none last
    if zh:
        counts = "，".join(f"{x or '无扩展名'} {k} 个" for x, k in order)
        return f"另有 {n} 个其他格式的文件：{shown(counts)}"
    counts = ", ".join(f"{x or 'no extension'} {k}" for x, k in order)
    return f"and {n} file{'s' if n != 1 else ''} of other formats: {shown(counts)}"


def _summary(results: Sequence[FileResult], show: str | None = None) -> str:
    """Counts every finding, shown or not; says how many ``--show`` left out."""
    counts = Counter({s: 0 for s in SEVERITIES})
    for result in results:
        counts.update(dict(zip(SEVERITIES, result.tally.counts, strict=True)))
    files = len(results)
    total = sum(counts.values())
    zh = "，".join(f"{SEVERITY_ZH[s]} {counts[s]}" for s in SEVERITIES)
    en = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES)
    failed = sum(1 for r in results if r.error is not None)
    extra_zh = f"，{failed} 个文件无法读取" if failed else ""
    extra_en = f", {failed} unreadable" if failed else ""
    suppressed = sum(r.suppressed for r in results)
    hidden_zh = f"另有 {suppressed} 个问题被 lawlint 指令屏蔽。" if suppressed else ""
    hidden_en = f" {suppressed} suppressed by lawlint directives." if suppressed else ""
    if show is not None:  # --show: what it left out, counted by severity
        below = [s for s in SEVERITIES[SEVERITIES.index(show) + 1 :] if counts[s]]
        hidden = sum(counts[s] for s in below)
        if hidden:
            words = "、".join(SEVERITY_ZH[s] for s in below)
            hidden_zh += f"{hidden} 条{words}未显示（--show {show}）。"
            hidden_en += f" {hidden} below {show} not shown (--show {show})."
    if total:
        return (
            f"\n检查了 {files} 个文件{extra_zh}，发现 {total} 个问题（{zh}）。{hidden_zh}"
            f"\n{files} file{'s' if files != 1 else ''} checked{extra_en}, "
            f"{total} finding{'s' if total != 1 else ''} ({en}).{hidden_en}"
        )
    return (
        f"检查了 {files} 个文件{extra_zh}，未发现问题。{hidden_zh}"
        f"\n{files} file{'s' if files != 1 else ''} checked{extra_en}, no findings.{hidden_en}"
    )


#: The batch table's columns: heading (Chinese, English) and whether it is right-aligned.
COLUMNS = (
    ("报告", "report", False),
    ("错误", "errors", True),
    ("警告", "warnings", True),
    ("提示", "infos", True),
    ("缺少部分", "missing", False),
    ("举措含数字", "with figures", True),
)


def _batch_table(
    console: Console | None, out: TextIO, results: Sequence[FileResult], options: FormatOptions
) -> None:
    """One row per report: what a reviewer reads first when twenty towns send drafts.

    On a terminal (``console``) rich draws it to the terminal's width, folding long paths
    and parts; elsewhere — a file, a pipe, a CI log — it is written at its natural width,
    never cut, in the same layout, without rich (whose layout of 1,000 rows takes ~0.6 s).
    """
    ran = not options.rules or any(r.id == SECTION_RULE for r in options.rules)
    rows = [
        batch_row(
            r,
            options.figures.get(r.path),
            ran and r.path not in options.unchecked,
            options.part_names,
            options.lang,
        )
        for r in results
    ]
    if console is None:
        out.write("\n" + plain_table(rows) + "\n")
        return
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    # On a narrow terminal the paths and the missing parts fold; the numbers never do.
    for zh, en, right in COLUMNS:
        if right:
            table.add_column(f"{zh}\n{en}", justify="right", no_wrap=True)
        else:
            table.add_column(f"{zh}\n{en}", overflow="fold", ratio=2 if en == "report" else 1)
    for row in rows:
        table.add_row(*row)
    console.print()
    console.print(table)


def plain_table(rows: Sequence[Sequence[str]]) -> str:
    """The batch table as rich draws it with ``box.SIMPLE_HEAD`` at its natural width:
    two heading lines, a rule, the rows; three spaces between columns (aligned by display
    width: CJK characters take two cells), no trailing spaces."""
    headings = [(zh, en) for zh, en, _ in COLUMNS]
    widths = [
        max(display_width(cell) for cell in (*heading, *(row[i] for row in rows)))
        for i, heading in enumerate(headings)
    ]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for cell, width, (_, _, right) in zip(cells, widths, COLUMNS, strict=True):
            pad = " " * (width - display_width(cell))
            parts.append(pad + cell if right else cell + pad)
        return "   ".join(parts).rstrip()

    lines = [line([zh for zh, _ in headings]), line([en for _, en in headings])]
    lines.append("─" * (sum(widths) + 3 * (len(widths) - 1)))
    lines.extend(line(row) for row in rows)
    return "\n".join(lines)


def batch_row(
    result: FileResult,
    figures: FigureShare | None,
    checked_sections: bool = True,
    names: Mapping[str, str] | None = None,
    lang: str = "zh",
) -> tuple[str, ...]:
    """The batch table's cells for one report; the missing parts by their Chinese
    names (``--lang en``: their keys)."""
    from lawlint.lint.stats import part_name

    if result.error is not None:
        return (shown(result.path), "", "", "", "无法读取 / unreadable", "")
    tally = result.tally
    missing = tally.missing
    if not checked_sections:
        missing_cell = "未检查 / not checked"
    else:
        joined = ("、" if lang == "zh" else ", ").join(part_name(k, names, lang) for k in missing)
        missing_cell = shown(joined) if missing else "—"  # a pack's part names
    if figures is None or figures.share is None:
        share_cell = "—"
    else:
        share_cell = f"{figures.with_figures}/{figures.sentences} ({figures.share:.0%})"
    return (
        shown(result.path),
        *(str(n) for n in tally.counts),
        missing_cell,
        share_cell,
    )

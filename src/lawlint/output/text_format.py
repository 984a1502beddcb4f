"""``--format text``: ``path:line:col  severity  rule-id  message``, the source line with
the span underlined (aligned by display width: CJK characters take two cells), then
a summary. Colour only on a terminal (or with ``--color``); ``NO_COLOR`` is respected.

With several files, the summary ends with the batch review table: one row per report
with its errors, warnings and infos, the required parts it lacks (``section-missing``
findings' ``data.section``), the share of ``measures`` sentences with figures and the
work areas (topics) it mentions of those that apply to it, "N/M".
``--quiet`` leaves out the summary and the table."""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from lawlint.chars import MASK, display_width
from lawlint.findings import SECTION_RULE, SEVERITIES, SEVERITY_ZH, Finding
from lawlint.input.convert import CONVERTED_NOTE, is_convertible
from lawlint.output import visible, write_parts
from lawlint.output.safe import has_unsafe, shown

if TYPE_CHECKING:
    from rich.console import Console

    from lawlint.lint.engine import FileResult
    from lawlint.lint.stats import FigureShare
    from lawlint.output import FormatOptions

STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}
DEFAULT_WIDTH = 80  # cells, when the report does not go to a terminal (and no $COLUMNS)
MIN_WIDTH = 40  # a narrower terminal still gets a few characters of context
GUTTER = 9  # "     1 | " and "段   1 | " take nine cells before the quoted text
ELLIPSIS = "…"  # marks a cut end of a quoted line; one cell


def excerpt(line: str, start_col: int, end_col: int, width: int = DEFAULT_WIDTH) -> tuple[str, str]:
    """The line, or the part of it around the span that fits ``width`` cells after the
    gutter (each cut end marked …), and a caret line under the span: a long Chinese
    paragraph is quoted around its finding, never wrapped by the terminal.

    Cells are counted as shown: CJK characters take two, a control character its
    escape (``\\x1b``). A span wider than the room is shown from its start."""
    room = max(width, MIN_WIDTH) - GUTTER
    start = min(max(start_col - 1, 0), len(line))
    end = max(end_col - 1, start + 1)  # an empty span still gets one caret
    # a character takes at least one cell, so nothing further than ``room`` characters
    # from the span can be shown: only that much is looked at (a 1 MB line costs no more)
    lo, hi = max(0, start - room), min(len(line), end + room)
    text = line[lo:hi]
    for blank in _AS_SPACE:  # str.replace: translate is slow on Chinese text
        if blank in text:
            text = text.replace(blank, " ")
    pieces: Sequence[str]
    if not has_unsafe(text):  # as a rule: each character is shown as it is
        pieces, cells = text, _cells(text)
    else:  # control characters as the escapes they are shown as (``\x1b``)
        pieces = [shown(ch) for ch in text]
        cells = [display_width(piece) for piece in pieces]
    s, e = start - lo, min(end, hi) - lo
    if lo == 0 and hi == len(line) and sum(cells) <= room:  # the whole line fits
        a, b = 0, len(pieces)
    else:
        a, b, e = _window(cells, s, e, room - 2 * len(ELLIPSIS))
    prefix = ELLIPSIS if lo + a > 0 else ""
    suffix = ELLIPSIS if lo + b < len(line) else ""
    quoted = prefix + "".join(pieces[a:b]) + suffix
    pad = len(prefix) + sum(cells[a:s])
    return quoted, " " * pad + "^" * max(1, sum(cells[s:e]))


# tabs, masked text and line breaks inside a Word paragraph are quoted as spaces
_AS_SPACE = ("\t", MASK, "\u2028")


def _cells(text: str) -> list[int]:
    """Each character's terminal cells, as :func:`lawlint.chars.display_width` counts
    them: East Asian wide and full-width characters take two (one comprehension, no
    call per character: this runs for every finding of a text report)."""
    if text.isascii():
        return [1] * len(text)
    width = unicodedata.east_asian_width
    return [2 if ch >= "\u1100" and width(ch) in "WF" else 1 for ch in text]


def _window(cells: Sequence[int], s: int, e: int, room: int) -> tuple[int, int, int]:
    """Indices ``a <= s <= e2 <= b`` into ``cells``: the span ``[s, e)`` cut to ``room``
    cells (``e2``), then context on both sides in the room left, half each; what one
    side cannot use (the line starts or ends there) goes to the other."""
    used, e2 = 0, s
    while e2 < e and used + cells[e2] <= room:
        used += cells[e2]
        e2 += 1
    if e2 < e:  # the span alone is wider than the room: its start, no context after
        return s, e2, e2
    spare = room - used
    a, unused = _grow_left(cells, s, spare // 2)
    b, unused = _grow_right(cells, e, spare - (spare // 2 - unused))
    a, _ = _grow_left(cells, a, unused)  # what the right side left over
    return a, b, e


def _grow_left(cells: Sequence[int], a: int, budget: int) -> tuple[int, int]:
    """Move ``a`` left while the characters fit in ``budget`` cells: (a, cells left)."""
    while a > 0 and cells[a - 1] <= budget:
        budget -= cells[a - 1]
        a -= 1
    return a, budget


def _grow_right(cells: Sequence[int], b: int, budget: int) -> tuple[int, int]:
    """Move ``b`` right while the characters fit in ``budget`` cells: (b, cells left)."""
    while b < len(cells) and cells[b] <= budget:
        budget -= cells[b]
        b += 1
    return b, budget


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
    width = options.width if options else DEFAULT_WIDTH
    for result in results:
        lines = result.source.text.split("\n") if result.source else []
        paragraphs = result.source is not None and result.source.paragraphs
        for f in visible(result.findings, options):
            _finding(console, f, lines, paragraphs, lang, width)
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
    width = options.width if options else DEFAULT_WIDTH
    return "".join("\n".join(_plain(f, lines, paragraphs, lang, width)) + "\n" for f in findings)


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


def _plain(
    f: Finding,
    lines: list[str],
    paragraphs: bool = False,
    lang: str = "zh",
    width: int = DEFAULT_WIDTH,
) -> list[str]:
    sev = severity_word(f.severity, lang)
    head = f"{shown(f.path)}:{f.line}:{f.column}  {sev}  {f.rule}  {shown(f.message)}"
    if not 0 < f.line <= len(lines):
        return [head]
    line = lines[f.line - 1]
    end_col = f.end_column if f.end_line == f.line else len(line) + 1
    quoted, carets = excerpt(line, f.column, end_col, width)
    return [head, f"{gutter(f.line, paragraphs)}{quoted}", f"{'':6} | {carets}"]


def _finding(
    console: Console,
    f: Finding,
    lines: list[str],
    paragraphs: bool = False,
    lang: str = "zh",
    width: int = DEFAULT_WIDTH,
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
        quoted, carets = excerpt(line, f.column, end_col, width)
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
    ("涉及要点", "topics", True),
)
#: Added when a report of the batch was compared with last year's (``--previous``).
YOY_COLUMNS = (("上年计划落实", "plans traced", True), ("与上年重复", "reused", False))


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
    keep = table_columns(options.show)
    columns = [COLUMNS[i] for i in keep]
    rows = [tuple(row[i] for i in keep) for row in rows]
    if any(r.yoy for r in results):
        from lawlint.yoy.figures import plans_cell, reused_cell

        columns += YOY_COLUMNS
        rows = [
            (*row, plans_cell(r.yoy), reused_cell(r.yoy, options.lang))
            for row, r in zip(rows, results, strict=True)
        ]
    if console is None:
        out.write("\n" + plain_table(rows, columns) + "\n")
        return
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    # On a narrow terminal the paths and the missing parts fold; the numbers never do.
    for zh, en, right in columns:
        if right:
            table.add_column(f"{zh}\n{en}", justify="right", no_wrap=True)
        else:
            table.add_column(f"{zh}\n{en}", overflow="fold", ratio=2 if en == "report" else 1)
    for row in rows:
        table.add_row(*row)
    console.print()
    console.print(table)


def table_columns(show: str | None = None) -> list[int]:
    """The batch table's columns (indices into :data:`COLUMNS`): with ``--show`` the
    count columns of the severities it hides are left out, so the table counts what the
    report shows (the summary above it still counts every finding)."""
    hidden = set() if show is None else set(SEVERITIES[SEVERITIES.index(show) + 1 :])
    return [
        i
        for i in range(len(COLUMNS))
        if not (1 <= i <= len(SEVERITIES) and SEVERITIES[i - 1] in hidden)
    ]


def plain_table(
    rows: Sequence[Sequence[str]], columns: Sequence[tuple[str, str, bool]] = COLUMNS
) -> str:
    """The batch table as rich draws it with ``box.SIMPLE_HEAD`` at its natural width:
    two heading lines, a rule, the rows; three spaces between columns (aligned by display
    width: CJK characters take two cells), no trailing spaces."""
    headings = [(zh, en) for zh, en, _ in columns]
    widths = [
        max(display_width(cell) for cell in (*heading, *(row[i] for row in rows)))
        for i, heading in enumerate(headings)
    ]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for cell, width, (_, _, right) in zip(cells, widths, columns, strict=True):
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
        return (shown(result.path), "", "", "", "无法读取 / unreadable", "", "")
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
        topics_cell(figures),
    )


def topics_cell(figures: FigureShare | None) -> str:
    """ "N/M": how many of the work areas that apply at the filer's level the report
    mentions (``topic-missing``'s count); "—" when none were counted."""
    if figures is None or not figures.topics:
        return "—"
    return f"{figures.topics_covered}/{figures.topics}"

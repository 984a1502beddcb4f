"""``--format html``: one self-contained review page for a reviewer with many drafts.

The page has no external asset and makes no request: CSS and the small sorting script
are inline, fonts are the system's CJK fonts. It holds:

- an overview table, one row per report — title, filer (from the title), year,
  errors / warnings / infos, the required parts present and missing, the share of
  ``measures`` sentences with figures, the work areas (topics) mentioned of those that
  apply, "N/M" — sortable by each column (click a header; or
  open the page with ``?sort=errors&order=desc``);
- per report: the findings counted per rule, then the text grouped by section, each
  finding's span highlighted (``<mark>``, its message on hover) and its message beside
  the line.

Every piece of text is escaped with :func:`html.escape`, and control characters,
bidirectional controls and bytes of a file name that are not UTF-8 are shown as escapes
(``\\x1b``, ``\\xb1``: ``formatters.safe``). Each highlighted segment is a
``<mark>`` whose ``data-f`` lists the findings covering it (overlapping findings split
the text into segments), so a finding's text is the concatenation of its marks; its
note (``<li id=…>``) links to its first mark. Print CSS lays the page out for paper
(A4, notes under their line, highlights printed).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, TextIO

from lawlint import __version__
from lawlint.findings import SEVERITIES, SEVERITY_ZH, Finding
from lawlint.input.convert import CONVERTED_NOTE, is_convertible
from lawlint.model.title import find_filer
from lawlint.output import visible
from lawlint.output.safe import shown_lines

if TYPE_CHECKING:
    from lawlint.input.discovery import Skipped
    from lawlint.lint.engine import FileResult
    from lawlint.lint.stats import FigureShare, Parts
    from lawlint.model.document import Document, Heading
    from lawlint.output import FormatOptions

LINE_BREAK = "\u2028"  # a line break inside a Word paragraph


def write(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool | None = None,
    options: FormatOptions | None = None,
) -> None:
    if options is None:
        out.write(render(results))
    else:
        out.write(render(results, options.figures, options.parts, options))


def render(
    results: Sequence[FileResult],
    figures: Mapping[str, FigureShare] | None = None,
    parts: Mapping[str, Parts] | None = None,
    options: FormatOptions | None = None,
) -> str:
    figures = figures or {}
    parts = dict(parts or {})
    if options is not None:  # not checked for these files: neither "complete" nor "missing"
        for path in options.unchecked:
            parts.pop(path, None)
    unchecked = options.unchecked if options is not None else frozenset()
    summaries = _summaries(options)
    lang = options.lang if options is not None else "zh"
    body = [_overview(results, figures, parts, unchecked, lang)]
    if options is not None and options.skipped:
        body.append(_skipped(options.skipped))
    body += [_report(i, r, parts.get(r.path), options, summaries) for i, r in enumerate(results, 1)]
    page = _asset("review.html").format(
        version=escape(__version__),
        count=len(results),
        css=_asset("review.css"),
        js=_asset("review.js"),
        body="\n".join(body),
    )
    # control characters, bidirectional controls and undecodable bytes of file names as
    # visible escapes: the page is valid UTF-8 and shows what is really there
    return shown_lines(page)


def _summaries(options: FormatOptions | None) -> dict[str, str]:
    """Each rule's Chinese summary, for its chip beside the id: the rules that ran, and
    the directives' own rules, which belong to no pack but appear in reports."""
    from lawlint.lint.suppress import DIRECTIVE_RULES

    out = {d.id: d.description for d in DIRECTIVE_RULES.values()}
    if options is not None:
        out.update({r.id: r.description or "" for r in options.rules})
    return out


def _severity(severity: str, lang: str) -> str:
    """错误/警告/提示 (``--lang en``: error/warning/info)."""
    return SEVERITY_ZH[severity] if lang == "zh" else severity


# -- overview -----------------------------------------------------------------------------


def title_of(result: FileResult) -> str:
    doc = result.document if result.error is None else None
    if doc is not None and doc.title is not None:
        return doc.title.text
    return PurePath(result.path).name or result.path  # no title: the file's name


def _overview(
    results: Sequence[FileResult],
    figures: Mapping[str, FigureShare],
    parts: Mapping[str, Parts],
    unchecked: frozenset[str] = frozenset(),
    lang: str = "zh",
) -> str:
    yoy = any(r.yoy for r in results)  # compared with last year's: two more columns
    heads = (
        ("title", "text", "报告", "report"),
        ("filer", "text", "填报单位", "filer"),
        ("year", "number", "年度", "year"),
        ("errors", "number", "错误", "errors"),
        ("warnings", "number", "警告", "warnings"),
        ("infos", "number", "提示", "infos"),
        ("parts", "number", "必备部分", "required parts"),
        ("figures", "number", "举措含数字", "measures with figures"),
        ("topics", "number", "涉及要点", "topics"),
    ) + (
        (
            ("plans", "number", "上年计划落实", "plans traced"),
            ("reused", "number", "与上年重复", "reused"),
        )
        if yoy
        else ()
    )
    th = "".join(
        f'<th scope="col" data-key="{key}" data-type="{kind}" aria-sort="none">'
        f'<button type="button"><span class="zh">{zh}</span><span class="en">{en}</span>'
        "</button></th>"
        for key, kind, zh, en in heads
    )
    rows = [
        _overview_row(i, r, figures.get(r.path), parts.get(r.path), r.path in unchecked, lang, yoy)
        for i, r in enumerate(results, 1)
    ]
    return (
        '<section id="overview">\n<h2>总览 <span class="en">Overview</span></h2>\n'
        '<p class="hint">点击列标题排序。'
        '<span class="en">Click a column header to sort.</span></p>\n'
        f'<table id="overview-table" class="sortable">\n<thead><tr>{th}</tr></thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody>\n</table>\n</section>"
    )


def _skipped(skipped: Sequence[Skipped]) -> str:
    """The files the folder walk passed over, each with why and what to do."""
    items = "".join(
        f'<li data-path="{escape(s.path)}" data-reason="{escape(s.reason)}">'
        f'<span class="path">{escape(s.path)}</span>：{escape(s.zh)}'
        f'<span class="en">{escape(s.en)}</span></li>'
        for s in skipped
    )
    return (
        '<section id="skipped">\n'
        f'<h2>未检查的文件 <span class="en">Files not checked</span> ({len(skipped)})</h2>\n'
        f'<ul class="skipped">{items}</ul>\n</section>'
    )


def _cell(text: str, sort: str | int | float, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<td{klass} data-sort="{escape(str(sort))}">{text}</td>'


def _overview_row(
    i: int,
    result: FileResult,
    figures: FigureShare | None,
    parts: Parts | None,
    unchecked: bool = False,
    lang: str = "zh",
    yoy: bool = False,
) -> str:
    title = title_of(result)
    link = f'<a href="#r{i}">{escape(title)}</a><div class="path">{escape(result.path)}</div>'
    if result.error is not None:
        cells = [
            _cell(link, title),
            _cell("", ""),
            _cell("", ""),
            f'<td colspan="{8 if yoy else 6}" class="unreadable" data-sort="">'
            f"{escape(str(result.error))}</td>",
        ]
        return f'<tr class="error-row" data-path="{escape(result.path)}">{"".join(cells)}</tr>\n'
    doc = result.document
    filer = find_filer(doc.title.text) if doc is not None and doc.title is not None else None
    year = doc.report_year if doc is not None else None
    counts = Counter(f.severity for f in result.findings)
    cells = [
        _cell(link, title),
        _cell(escape(filer or "—"), filer or ""),
        _cell(str(year) if year else "—", year or ""),
        *(
            _cell(str(counts[s]), counts[s], f"n sev-{s}" + (" zero" if not counts[s] else ""))
            for s in SEVERITIES
        ),
        _cell('未检查 <span class="en">not checked</span>', "")
        if unchecked
        else _parts_cell(parts, lang),
        _figures_cell(figures),
        _topics_cell(figures),
        *(_yoy_cells(result) if yoy else ()),
    ]
    return f'<tr data-path="{escape(result.path)}">{"".join(cells)}</tr>\n'


def _yoy_cells(result: FileResult) -> tuple[str, str]:
    """Last year's plans traced (N/M) and each part's share repeated from last year's."""
    from lawlint.yoy.figures import plans_cell, plans_traced, reused_cell, reused_total

    traced = plans_traced(result.yoy)
    total = reused_total(result.yoy)
    return (
        _cell(
            plans_cell(result.yoy),
            "" if not traced or not traced[1] else traced[0] / traced[1],
            "n",
        ),
        _cell(escape(reused_cell(result.yoy)), "" if total is None else round(total, 4)),
    )


def _parts_cell(parts: Parts | None, lang: str = "zh") -> str:
    if parts is None or not parts.required:
        return _cell("—", "")
    have, total = len(parts.present), len(parts.required)
    shown = f'<span class="ratio">{have}/{total}</span>'
    if parts.missing:
        lead = "缺：" if lang == "zh" else "missing: "
        names = "".join(
            f"<li>{lead}{escape(name if lang == 'zh' else key)}</li>"
            for key, name in parts.required
            if key in parts.missing
        )
        shown += f'<ul class="missing">{names}</ul>'
    else:
        shown += '<div class="complete">齐全 <span class="en">complete</span></div>'
    return _cell(shown, have / total)


def _figures_cell(figures: FigureShare | None) -> str:
    if figures is None or figures.share is None:
        return _cell("—", "")
    shown = f"{figures.share:.0%} <small>({figures.with_figures}/{figures.sentences})</small>"
    return _cell(shown, round(figures.share, 4), "n")


def _topics_cell(figures: FigureShare | None) -> str:
    """The work areas mentioned of those that apply, "N/M" (sorted by the share)."""
    if figures is None or not figures.topics or figures.topics_covered is None:
        return _cell("—", "")
    shown = f'<span class="ratio">{figures.topics_covered}/{figures.topics}</span>'
    return _cell(shown, round(figures.topics_covered / figures.topics, 4), "n")


# -- one report ---------------------------------------------------------------------------


def _report(
    i: int,
    result: FileResult,
    parts: Parts | None,
    options: FormatOptions | None = None,
    summaries: Mapping[str, str] | None = None,
) -> str:
    rid = f"r{i}"
    title = title_of(result)
    head = (
        f'<article class="report" id="{rid}" data-path="{escape(result.path)}">\n'
        f'<h2>{escape(title)}</h2>\n<p class="path">{escape(result.path)}</p>\n'
    )
    if result.error is not None:
        return head + f'<p class="unreadable">{escape(str(result.error))}</p>\n</article>'
    if is_convertible(result.path):  # its paragraphs are those of the converted document
        zh, en = CONVERTED_NOTE
        head += f'<p class="converted">{escape(zh)}。<span class="en">{escape(en)}.</span></p>\n'
    doc = result.document
    assert doc is not None
    shown_findings = visible(result.findings, options)
    lang = options.lang if options is not None else "zh"
    parts_html = ""
    if parts is not None and parts.required:
        items = "".join(
            f'<li class="{"missing" if key in parts.missing else "present"}">'
            f"{'✗' if key in parts.missing else '✓'} {escape(name if lang == 'zh' else key)}</li>"
            for key, name in parts.required
        )
        parts_html = f'<ul class="parts">{items}</ul>\n'
    return (
        head
        + _summary_line(result.findings, result.suppressed, len(shown_findings), lang)
        + parts_html
        + _yoy_items(result)
        + _rule_table(shown_findings, summaries or {})
        + _text(rid, doc, shown_findings, lang)
        + "\n</article>"
    )


def _yoy_items(result: FileResult) -> str:
    from lawlint.yoy.figures import items_html

    return items_html(result.yoy)


def _summary_line(
    findings: Sequence[Finding], suppressed: int, shown: int | None = None, lang: str = "zh"
) -> str:
    """Every finding counted (``--show`` hides some from the page, not from the count)."""
    counts = Counter(f.severity for f in findings)
    parts = "".join(
        f'<span class="count sev-{s}">{_severity(s, lang)} {counts[s]}</span>' for s in SEVERITIES
    )
    words = ("已屏蔽", "未显示") if lang == "zh" else ("suppressed", "not shown")
    extra = f'<span class="count">{words[0]} {suppressed}</span>' if suppressed else ""
    if shown is not None and shown < len(findings):
        extra += f'<span class="count">{words[1]} {len(findings) - shown}</span>'
    return f'<p class="counts">{parts}{extra}</p>\n'


def _rule_table(findings: Sequence[Finding], summaries: Mapping[str, str] | None = None) -> str:
    """The findings counted per rule, errors first, then the most frequent: one chip
    per rule (its severity's colour; its Chinese summary beside the id, when the rule
    has one; the first message on hover)."""
    summaries = summaries or {}
    if not findings:
        return '<p class="clean">未发现问题。<span class="en">No findings.</span></p>\n'
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)

    def rank(rule: str) -> tuple[int, int, str]:
        return SEVERITIES.index(by_rule[rule][0].severity), -len(by_rule[rule]), rule

    chips = "".join(
        f'<li class="sev-{by_rule[r][0].severity}" data-rule="{escape(r)}" '
        f'title="{escape(by_rule[r][0].message)}"><code>{escape(r)}</code>'
        + (f'<small class="summary">{escape(summaries[r])}</small>' if summaries.get(r) else "")
        + f'<span class="n">{len(by_rule[r])}</span></li>'
        for r in sorted(by_rule, key=rank)
    )
    return (
        '<div class="rules"><h3>按规则统计 <span class="en">findings per rule</span></h3>'
        f'<ul class="rules">{chips}</ul></div>\n'
    )


def _text(rid: str, doc: Document, findings: Sequence[Finding], lang: str = "zh") -> str:
    """The report's lines grouped by section (a group per heading), each finding
    highlighted at its span and its message beside the line it starts on."""
    marks = _Marks(rid, findings, lang)
    lines = doc.raw.split("\n")
    spans: dict[int, list[tuple[int, int, Finding]]] = {}  # line index -> spans in it
    starting: dict[int, list[Finding]] = {}
    for f in findings:
        start, end = _clip(doc, f)
        first = doc.line_index(start)
        last = doc.line_index(end - 1) if end > start else first
        starting.setdefault(first, []).append(f)
        for li in range(first, last + 1):
            lo, hi = doc.line_span(li + 1)
            spans.setdefault(li, []).append((max(start, lo) - lo, min(end, hi) - lo, f))
    headings = {h.line - 1: h for h in doc.headings}
    groups: list[tuple[list[str], int]] = [([], 0)]  # (lines, findings starting in them)
    for li, line in enumerate(lines):
        heading = headings.get(li)
        if heading is not None:
            groups.append(([], 0))
        elif not line.strip() and li not in spans:
            continue
        body, count = groups[-1]
        body.append(marks.line(li, line, spans.get(li, []), starting.get(li, []), doc, heading))
        groups[-1] = (body, count + len(starting.get(li, [])))
    out = []
    for body, count in groups:
        if body:
            badge = f' <span class="badge" title="本部分问题数 / findings">{count}</span>'
            body[0] = body[0].replace("<!--badge-->", badge if count else "")
            out.append(f'<section class="sec">\n{"".join(body)}</section>\n')
    return '<div class="text">\n' + "".join(out) + "</div>"


def _clip(doc: Document, f: Finding) -> tuple[int, int]:
    n = len(doc.raw)
    start = min(max(f.start, 0), n)
    return start, min(max(f.end, start), n)


class _Marks:
    """The ids of one report's findings (``r1-f3``) and marks (``r1-m7``), and the
    first mark of each finding, which its note links to."""

    def __init__(self, rid: str, findings: Sequence[Finding], lang: str = "zh") -> None:
        self.rid = rid
        self.lang = lang
        self.ids = {id(f): f"{rid}-f{n}" for n, f in enumerate(findings, 1)}
        self.first: dict[str, str] = {}
        self.count = 0

    def line(
        self,
        li: int,
        line: str,
        spans: list[tuple[int, int, Finding]],
        notes: list[Finding],
        doc: Document,
        heading: Heading | None = None,
    ) -> str:
        """One line: its number, its text highlighted, the notes of the findings that
        start on it. A heading line opens its section: an ``<h3>`` with the number Word
        shows (when Word numbers it) and a placeholder for the section's count."""
        number = f"段 {li + 1}" if doc.source.paragraphs else str(li + 1)
        text = self.highlight(line, spans)  # before the notes: they link to its marks
        tag, klass = "p", "line"
        if heading is not None:
            tag, klass = "h3", f"line head depth-{min(max(heading.level, 1), 4)}"
            hint = heading.hint
            if hint is not None and hint.numbering and heading.marker is None:
                text = (
                    '<span class="wordnum" title="Word 自动编号 / numbered by Word">'
                    f"{escape(hint.numbering)}</span>{text}"
                )
            text += "<!--badge-->"
        items = "".join(
            f'<li id="{self.ids[id(f)]}" class="sev-{f.severity}">'
            f'<a href="#{self.first.get(self.ids[id(f)], "")}"><code>{escape(f.rule)}</code></a> '
            f"{escape(f.message)}</li>"
            for f in notes
        )
        notes_html = f'<ul class="notes">{items}</ul>' if items else ""
        flagged = " flagged" if spans else ""
        return (
            f'<div class="{klass}{flagged}" id="{self.rid}-l{li + 1}">'
            f'<span class="ln">{number}</span><{tag} class="tx">{text}</{tag}>{notes_html}</div>\n'
        )

    def highlight(self, line: str, spans: list[tuple[int, int, Finding]]) -> str:
        """The line cut at every span boundary; each piece that findings cover is one
        ``<mark>`` listing them; an empty span is an empty mark (a caret)."""
        cuts = sorted({0, len(line), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
        points: dict[int, list[Finding]] = {}
        for s, e, f in spans:
            if s == e:
                points.setdefault(s, []).append(f)
        out: list[str] = []
        for k, a in enumerate(cuts):
            if a in points:
                out.append(self.mark("", points[a], point=True))
            if k + 1 == len(cuts):
                break
            b = cuts[k + 1]
            covering = [f for s, e, f in spans if s <= a and b <= e and s < e]
            piece = line[a:b]
            out.append(self.mark(piece, covering) if covering else _esc(piece))
        return "".join(out)

    def mark(self, piece: str, findings: list[Finding], *, point: bool = False) -> str:
        self.count += 1
        mid = f"{self.rid}-m{self.count}"
        fids = [self.ids[id(f)] for f in findings]
        for fid in fids:
            self.first.setdefault(fid, mid)
        worst = min(SEVERITIES.index(f.severity) for f in findings)
        tip = "\n".join(
            f"{f.rule}（{_severity(f.severity, self.lang)}）：{f.message}" for f in findings
        )
        klass = f"f sev-{SEVERITIES[worst]}" + (" pt" if point else "")
        return (
            f'<mark id="{mid}" class="{klass}" data-f="{" ".join(fids)}" '
            f'title="{escape(tip)}">{_esc(piece)}</mark>'
        )


def _esc(text: str) -> str:
    return escape(text, quote=False).replace(LINE_BREAK, "<br>")


# -- page --------------------------------------------------------------------------------

ASSETS = Path(__file__).resolve().parent / "assets"
"""The page's template, style sheet and script, as files of the package (shipped in the
wheel): edited and linted as HTML, CSS and JavaScript, not as Python strings."""


@functools.cache
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")

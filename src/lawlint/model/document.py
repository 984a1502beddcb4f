"""The document model: built once per file, read by every check.

A :class:`Document` holds the text (with code and URLs masked, see :mod:`markup`),
its lines, the title and report year, the headings with their numbering, the section
tree, paragraphs and sentences — each with character offsets into the text. Checks ask
the document; they never re-parse the text.

Positions shown to users are 1-based lines and 1-based columns counted in characters
(code points); spans are end-exclusive.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from lawlint.chars import CJK, HAN, MASK, SPACE
from lawlint.findings import Finding, Fix
from lawlint.input.markup import META_KEYS, QUOTED_TITLE, mask_markdown, mask_plain
from lawlint.input.source import LineHint, Source
from lawlint.model.title import Title, find_title, title_in_metadata
from lawlint.numbering import Marker, parse_marker

_MD_HEADING = re.compile(rf"^ {{0,3}}(#{{1,6}})[{SPACE}]+")
_LEAD = re.compile(rf"[{SPACE}]*(?:\*\*|__)?")
_BLANK = re.compile(rf"^[{SPACE}{MASK}]*$")
# The attachment note of GB/T 9704-2012 7.3.5: "附件：1.XXXX", then "2.XXXX" … below it.
_ATTACHMENT = re.compile(rf"附件[{SPACE}]*[:：]")
_MD_BLOCK_START = re.compile(r"^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\|)")
# Where a sentence ends: Chinese or ASCII terminators, or an ASCII point closing a
# Chinese sentence ("达100%."); closing quotes and brackets stay with the sentence.
_SENTENCE_END = re.compile(
    rf"(?:[。！？!?]+|(?<=[{CJK}%])\.(?=[{SPACE}]|$|[{CJK}])|(?<=\d)\.(?=[{SPACE}]*$))"
    r"[”’」』）)】〕]*",
    re.M,
)
_RUN_IN_END = re.compile(r"[。！？!?]")
# Real sentences are under 500 characters; a longer run without an end mark is cut
# (after a pause mark where there is one) so that per-sentence work stays bounded.
MAX_SENTENCE = 1200
_PAUSES = "，；：,;:、"
# A short quotation within a line, with no sentence end inside: a slogan or a name.
_QUOTED_PHRASE = re.compile(r"“[^“”。！？!?\n]{1,30}”")
# a date in Chinese ("2021年03月29日"): a page's, before its source row (set Z12)
_CN_DATE = r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
# a page's date and time: "2022-03-29 17:13:17", or in Chinese with its time (set P:
# "• 2021年03月22日 16时47分"; a date alone in Chinese is how a report's signature ends)
_STAMP = (
    r"(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"
    rf"|{_CN_DATE}[ \t]*\d{{1,2}}"
    r"(?::\d{2}(?::\d{2})?|时\d{1,2}分(?:\d{1,2}秒)?))"
)
_WIDGET = (
    r"(?:[大中小]|默认|字号|(?:加大|放大|缩小|默认)?字体|打印(?:整页|内容|本页|此页)?|分享(?:到)?"
    r"|关闭(?:窗口|本页)?|(?:取消)?收藏|返回(?:顶部)?|繁体|简体|无障碍|扫一扫"
    # set Z2: "加大字体 缩小字体 收藏 取消收藏 打印"
    # set N: "无障碍 简体 | 繁体 长者模式"; set O: "关怀版关怀版 网站支持IPv6"
    r"|关怀版|长者模式|适老化|(?:网站)?支持IPv6"
    # set Z30: the share buttons, "分享 微信"
    r"|微信|微博|QQ空间|QQ|朋友圈|今日头条)"
)
# Web-page chrome kept by a draft copied from a site: metadata rows ("索 引 号:",
# "来源:", "发布日期:", "【字体:大 中 小】"; masked already, see input.markup) and
# breadcrumbs ("首页 > 政务公开 > …").
_CHROME = re.compile(
    # a key then a colon, or then two spaces (a table row: "索 引 号  zzf/2021-00044"),
    # possibly after the page's date and time ("2022-03-29 17:13:17 来源：……")
    rf"^[{SPACE}•·*\-【\[|]*(?:(?:{_STAMP}|{_CN_DATE})[{SPACE}]+)?(?:{META_KEYS})"
    rf"(?:[{SPACE}]*(?:[:：|【\[]|$)|[{SPACE}]{{2,}}"
    # …or one space, then a value with no sentence punctuation: a table row copied
    # without its columns ("发布机构 南县退役军人事务局", set Z11)
    rf"|[ \u00a0\u3000](?=[^{SPACE}，。；！？,;!?]{{1,40}}(?:[{SPACE}]|$)))"
    # the page's date line under the title: "2021-02-26", "2022-03-29 17:13:17"
    rf"|^[{SPACE}•·*\-]*{_STAMP}[{SPACE}]*$"
    r"|[>»›].*[>»›]|^[^，。,]{0,12}(?:当前|所在)?的?位置"
    # a row of page widgets: 【 打印 】 【 扫一扫 】 [关闭], the last one possibly cut off
    # by the copy ("【打印】 【字体:")
    rf"|^[{SPACE}]*(?:[【\[][^】\]]{{1,8}}[】\]][{SPACE}]*)+(?:[【\[][^】\]\n]{{0,8}})?$"
    # …or unbracketed, as the copy left it: "大 中 小" under 字号：, "打印整页 打印内容 分享"
    rf"|^[{SPACE}]*(?:{_WIDGET}[{SPACE}|｜:：]*){{2,}}$"
    # a read-aloud widget's status line: "语音合成中，请耐心等待..." (set Z33)
    rf"|^[{SPACE}]*(?:语音(?:合成|播报|朗读)中|正在(?:合成|加载)语音)[^。\n]{{0,20}}$"
    # a row of three or more short cells set off by spaces, with no sentence punctuation:
    # a table or tag row the copy flattened ("关键词 环境治理 环境保护 危废治理"); report
    # text is never written so
    rf"|^[{SPACE}]*[^{SPACE}，。；！？,;!?]{{1,12}}(?:[{SPACE}]+[^{SPACE}，。；！？,;!?]{{1,12}}){{2,}}[{SPACE}]*$"
)
# Body text above a detected title (a sentence of the report) is not chrome: a page's
# banner, date line or widget row never ends a sentence of twenty Chinese characters.
_HAN_CHAR = re.compile(rf"[{HAN}]")
_PROSE_END = re.compile(r"[。！？]")


def _reads_as_prose(line: str) -> bool:
    end = _PROSE_END.search(line)
    return end is not None and len(_HAN_CHAR.findall(line, 0, end.start())) >= 20


CHROME_REGION = 40  # metadata rows and breadcrumbs are looked for in the first lines only
_LABEL_PUNCT = re.compile(rf"[，。；：、,.;:!?！？()（）《》“”{MASK}]|(?:报告|总结)$")
MAX_LABEL = 24


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered (or Markdown) heading. ``start``/``end`` span its text after the
    marker; for a run-in heading ("1.加强领导。我镇……") the text ends at the first
    sentence end, and ``standalone`` is False.

    A line with no marker in its text is also a heading when its source says so (a
    Word heading style or automatic numbering, :class:`~lawlint.input.reader.LineHint`):
    then ``marker`` is None, ``level`` comes from the ``hint`` and its number, if any,
    is Word's business, not the text's."""

    index: int
    line: int
    level: int
    number: int | None
    marker: Marker | None
    marker_start: int
    start: int
    end: int
    standalone: bool
    md_level: int | None
    text: str
    hint: LineHint | None = None


@dataclass(slots=True)
class Section:
    """A heading and everything under it, up to the next heading of its level or
    above. The preamble before the first heading is a section with no heading."""

    index: int
    heading: Heading | None
    depth: int
    start: int
    body_start: int
    end: int
    parent: int | None
    children: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    in_heading: bool


@dataclass(frozen=True, slots=True)
class Label:
    """A short line without punctuation that is not a numbered heading ("主要工作"):
    real drafts use such lines as headings, so section recognition looks at them."""

    line: int
    start: int
    end: int
    text: str


class Document:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.path = source.path
        self.markdown = source.markdown
        self.raw = source.text
        self.text = mask_markdown(source.text) if source.markdown else mask_plain(source.text)
        self.lines = self.text.split("\n")
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        self.line_starts = starts
        headings = self._find_headings()
        numbered = [h.line - 1 for h in headings if h.marker is not None]
        first = min(numbered[0] if numbered else len(self.lines), 40)
        self.title: Title | None = find_title(self.lines, self.line_starts, first)
        if self.title is None:  # masked in ``lines``: the raw rows are read for it
            self.title = title_in_metadata(self.raw.split("\n", first), self.line_starts, first)
        if self.title is not None:
            # A Markdown '# 标题' that is the title is not a section heading.
            title_line = self.line_index(self.title.start) + 1
            headings = [h for h in headings if h.line != title_line]
        self.headings = [replace(h, index=i) for i, h in enumerate(_md_levels(headings))]
        self._heading_lines = {h.line: h.index for h in self.headings}
        self.report_year: int | None = self.title.year if self.title else None

    # -- positions -------------------------------------------------------------------
    def line_index(self, offset: int) -> int:
        """0-based index of the line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        i = self.line_index(offset)
        return i + 1, offset - self.line_starts[i] + 1

    def finding(
        self,
        rule: str,
        severity: str,
        start: int,
        end: int,
        message: str,
        *,
        fix: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding at the span ``start``–``end`` of this document."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, start) - 1
        # most spans end on the line they start on: one search, not two (a file with
        # a finding every few characters makes this the hottest path)
        j = i if end <= starts[i] + len(self.lines[i]) else bisect.bisect_right(starts, end) - 1
        line, col = i + 1, start - starts[i] + 1
        end_line, end_col = j + 1, end - starts[j] + 1
        return Finding(
            self.path, rule, severity, line, col, end_line, end_col, message, start, end,
            None if fix is None else Fix(fix), data or {},
        )  # fmt: skip

    def line_span(self, line_no: int) -> tuple[int, int]:
        """Offsets of a 1-based line, without its line break."""
        start = self.line_starts[line_no - 1]
        return start, start + len(self.lines[line_no - 1])

    # -- headings --------------------------------------------------------------------
    def _find_headings(self) -> list[Heading]:
        found: list[Heading] = []
        hints = self.source.hints
        attachment = 0  # the next number of an attachment list ("附件：1.…"), 0 if none
        for i, line in enumerate(self.lines):
            if not line or _BLANK.match(line):
                continue
            hint = hints.get(i)
            if hint is not None and hint.table:
                continue
            md_level = None
            pos = 0
            if self.markdown:
                m = _MD_HEADING.match(line)
                if m:
                    md_level = len(m.group(1))
                    pos = m.end()
            pos = _LEAD.match(line, pos).end()  # type: ignore[union-attr]
            marker = parse_marker(line, pos)
            note = _ATTACHMENT.match(line, pos)
            if note:
                attachment = _next_attachment(line, note.end())
            elif attachment and marker is not None:
                # the names listed under the note ("2.XXXX") are not headings
                if marker.level == 3 and marker.number == attachment:
                    attachment += 1
                    continue
                attachment = 0
            level = marker.level if marker else 0
            if marker is None and md_level is None:
                if hint is None or hint.level is None:
                    continue
                level = hint.level
            text_start = pos + (marker.length if marker else 0)
            rest = line[text_start:]
            end_m = _RUN_IN_END.search(rest)
            standalone = end_m is None or not rest[end_m.end() :].strip(SPACE + "”’")
            text_end = len(line.rstrip(SPACE + "*_#")) if standalone else text_start + end_m.start()  # type: ignore[union-attr]
            base = self.line_starts[i]
            found.append(
                Heading(
                    index=len(found),
                    line=i + 1,
                    level=level,
                    number=marker.number if marker else None,
                    marker=marker,
                    marker_start=base + pos,
                    start=base + text_start,
                    end=base + max(text_end, text_start),
                    standalone=standalone,
                    md_level=md_level,
                    text=line[text_start : max(text_end, text_start)],
                    hint=hint,
                )
            )
        return found

    def heading_at_line(self, line_no: int) -> Heading | None:
        i = self._heading_lines.get(line_no)
        return None if i is None else self.headings[i]

    # -- sections --------------------------------------------------------------------
    @cached_property
    def sections(self) -> list[Section]:
        end = len(self.text)
        first = self.headings[0] if self.headings else None
        pre_end = self.line_starts[first.line - 1] if first else end
        sections = [Section(0, None, 0, 0, 0, pre_end, None)]
        stack: list[int] = []
        for h in self.headings:
            depth = max(h.level, 1)
            while stack and sections[stack[-1]].depth >= depth:
                sections[stack.pop()].end = self.line_starts[h.line - 1]
            parent = stack[-1] if stack else None
            sec = Section(len(sections), h, depth, self.line_starts[h.line - 1], h.end, end, parent)
            if parent is not None:
                sections[parent].children.append(sec.index)
            sections.append(sec)
            stack.append(sec.index)
        return sections

    def section_of(self, offset: int) -> Section:
        """The innermost section holding ``offset``: the last section starting at or
        before it, or the nearest of its ancestors that still holds it (sections are
        in document order and nest); the preamble when none does."""
        sections = self.sections
        i = bisect.bisect_right(self._section_starts, offset)  # sections[1:][:i] start <= offset
        parent = i if i else None
        while parent is not None:
            sec = sections[parent]
            if sec.start <= offset < sec.end:
                return sec
            parent = sec.parent
        return sections[0]

    @cached_property
    def _section_starts(self) -> list[int]:
        return [sec.start for sec in self.sections[1:]]

    # -- paragraphs and sentences ----------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        spans: list[tuple[int, int]] = []
        open_span: tuple[int, int] | None = None
        title_lines = self.title_lines
        prev_line = ""
        for i, line in enumerate(self.lines):
            start, end = self.line_starts[i], self.line_starts[i] + len(line)
            if not line or _BLANK.match(line):
                if open_span:
                    spans.append(open_span)
                open_span = None
                continue
            single = (i + 1) in self._heading_lines or (i + 1) in title_lines
            if open_span and not single and self._joins(prev_line, line):
                open_span = (open_span[0], end)
            else:
                if open_span:
                    spans.append(open_span)
                open_span = (start, end)
            if single:
                spans.append(open_span)
                open_span = None
            prev_line = line
        if open_span:
            spans.append(open_span)
        return [Paragraph(i, *self._trim(s, e)) for i, (s, e) in enumerate(spans)]

    @cached_property
    def title_lines(self) -> frozenset[int]:
        """1-based lines the title spans (none when there is no title)."""
        if self.title is None:
            return frozenset()
        first = self.line_index(self.title.start) + 1
        last = self.line_index(max(self.title.end - 1, self.title.start)) + 1
        return frozenset(range(first, last + 1))

    @cached_property
    def quoted_titles(self) -> list[tuple[int, int]]:
        """Spans of the quoted titles 《…》 in the text (found once per file)."""
        return [m.span() for m in QUOTED_TITLE.finditer(self.text)]

    @cached_property
    def quoted_phrases(self) -> list[tuple[int, int]]:
        """Spans of short quotations “…” within a line and without a sentence end inside:
        slogans and names (“进一次门、查多项事”, “三项制度”), not quoted speech."""
        return [m.span() for m in _QUOTED_PHRASE.finditer(self.text)]

    def _joins(self, prev: str, line: str) -> bool:
        """Does ``line`` continue the paragraph of ``prev``? In Markdown, unless it
        starts a block; in plain text only a hard-wrapped line (a long line that
        stops mid-sentence on a Chinese character); in a word processor's document
        never (each line is a paragraph)."""
        if self.source.paragraphs:
            return False
        if self.markdown:
            return not _MD_BLOCK_START.match(line)
        prev = prev.rstrip(SPACE)
        return len(prev) >= 25 and bool(re.search(f"[{HAN}]$", prev))

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in SPACE:
            start += 1
        while end > start and self.text[end - 1] in SPACE:
            end -= 1
        return start, end

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences of each paragraph; one longer than ``MAX_SENTENCE`` (a report
        pasted as one line, a list that never ends) is cut into pieces, so that what the
        checks do per sentence — segmenting it, matching a pack's patterns across it —
        costs a bounded amount per piece and the whole stays linear in the text."""
        out: list[Sentence] = []
        heading_spans = [(h.start, h.end) for h in self.headings]  # in document order
        for p in self.paragraphs:
            pos = p.start
            for m in _SENTENCE_END.finditer(self.text, p.start, p.end):
                for a, b in self._pieces(pos, m.end()):
                    out.append(self._sentence(len(out), p.index, a, b, heading_spans))
                pos = m.end()
            if pos < p.end:
                for a, b in self._pieces(pos, p.end):
                    out.append(self._sentence(len(out), p.index, a, b, heading_spans))
        return [s for s in out if s.end > s.start]

    def _pieces(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """``text[start:end]`` in pieces of at most ``MAX_SENTENCE`` characters, each cut
        after the last clause mark of its second half (else at the limit)."""
        while end - start > MAX_SENTENCE:
            limit = start + MAX_SENTENCE
            cut = max(self.text.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _PAUSES)
            cut = cut + 1 if cut >= 0 else limit
            yield start, cut
            start = cut
        yield start, end

    def _sentence(
        self, index: int, para: int, start: int, end: int, headings: list[tuple[int, int]]
    ) -> Sentence:
        start, end = self._trim(start, end)
        # headings do not overlap: only the last one starting before `end` can touch
        i = bisect.bisect_left(headings, (end,)) - 1
        in_heading = i >= 0 and headings[i][1] > start
        return Sentence(index, para, start, end, in_heading)

    # -- page chrome -----------------------------------------------------------------
    @cached_property
    def chrome(self) -> frozenset[int]:
        """1-based lines that are web-page chrome, not the report: the lines above the
        title that do not read as a sentence of the report, and metadata rows and
        breadcrumbs among the first lines (before the first numbered heading). Layout
        checks (spaces, paired marks) and topic matching skip them; they are still read
        for the title."""
        above = range(1, min(self.title_lines, default=1))
        out = {n for n in above if not _reads_as_prose(self.lines[n - 1])}
        first = min((h.line for h in self.headings if h.marker), default=len(self.lines) + 1)
        # the raw lines: metadata rows are masked in ``lines`` (input.markup), yet chrome
        raw = self.raw.split("\n", CHROME_REGION)
        for i, line in enumerate(raw[: min(first - 1, CHROME_REGION)]):
            if (i + 1) not in self._heading_lines and _CHROME.search(line):
                out.add(i + 1)
        return frozenset(out - self.title_lines)

    @cached_property
    def prose(self) -> str:
        """The text with chrome lines masked: what the report itself says."""
        if not self.chrome:
            return self.text
        lines = list(self.lines)
        for n in self.chrome:
            lines[n - 1] = MASK * len(lines[n - 1])
        return "\n".join(lines)

    # -- labels ------------------------------------------------------------------------
    @cached_property
    def labels(self) -> list[Label]:
        out = []
        title_lines = self.title_lines
        first = max(title_lines, default=0)  # page chrome above the title is not a label
        hints = self.source.hints
        for i, line in enumerate(self.lines):
            if i < first or (i + 1) in self._heading_lines or (i + 1) in title_lines:
                continue
            if i in hints and hints[i].table:  # a table cell ("主要工作") is not a heading
                continue
            text = line.strip(SPACE + "#*_")
            if 2 <= len(text) <= MAX_LABEL and not _LABEL_PUNCT.search(text):
                start = self.line_starts[i] + line.index(text)
                out.append(Label(i + 1, start, start + len(text), text))
        return out


def _next_attachment(line: str, end: int) -> int:
    """The number the next name of an attachment note carries: 2 after "附件：1.XXXX",
    1 after "附件：" alone; 0 for a single attachment ("附件：XXXX")."""
    start = _LEAD.match(line, end).end()  # type: ignore[union-attr]
    if not line[start:].strip(SPACE):
        return 1
    first = parse_marker(line, start)
    return first.number + 1 if first is not None and first.level == 3 else 0


def _md_levels(headings: list[Heading]) -> list[Heading]:
    """Markdown headings without a numbering marker take their depth from '#'."""
    md = [h.md_level for h in headings if h.marker is None and h.md_level]
    if not md:
        return headings
    top = min(md)
    return [
        replace(h, level=h.md_level - top + 1) if h.marker is None and h.md_level else h
        for h in headings
    ]

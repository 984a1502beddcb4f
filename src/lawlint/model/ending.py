"""Where a text stops short: it ends inside a sentence ("……群众满意度") or on a
heading with nothing under it ("二、规范").

A finished report ends with a sentence mark, or with its signature block (the filer's
name, the date, the 版记 rows), or with page chrome when it was copied from a site. A
draft still being written, or a page that a copy or a store cut off, ends in the middle
of a sentence. Knowing that matters beyond saying so: a part that is not in a cut text
may simply come after the cut (``section-missing`` says so and is a warning then), and
an opening mark in the unfinished sentence has lost its partner to the cut, not to a
typo (``unpaired-mark`` leaves it to ``text-truncated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from lawlint.chars import HAN, MASK, SPACE
from lawlint.numbering import SENTENCE_END, parse_marker

if TYPE_CHECKING:
    from lawlint.model.document import Document

# The page furniture below a copied report: share and print widgets, previous/next
# links, the site's footer. Short lines like these are stepped over, never judged;
# a sentence of the report that mentions 备案 or 打印 is not furniture.
_FOOTER = re.compile(
    r"扫一扫|打印|关闭|分享|收藏|上一篇|下一篇|相关链接|相关阅读|网站地图|版权所有|ICP|备案号|"
    r"技术支持|主办单位|承办单位|联系我们|浏览次数|访问量|阅读量|责任编辑|来源[:：]|^[【\[|]"
)
MAX_FOOTER = 50
# The signature block and the 版记 rows a finished report ends with.
_NUM = "0-9０-９〇零一二三四五六七八九十"
_DATE = re.compile(rf"[{_NUM}]{{1,4}}\s*年\s*[{_NUM}]{{1,2}}\s*月(\s*[{_NUM}]{{1,3}}\s*日)?$")
_ORGAN = re.compile(
    r"(政府|委员会|党委|党组|党工委|委|局|厅|办|办公室|办事处|中心|院|所|站|队|部|处|会|室|分局|公司)$"
)
_BANJI = re.compile(r"^(?:联系人|联系电话|电话|传真|邮编|抄送|附件|主题词|关键词)|印发$|共印")
# A sentence that ends in one of these is finished (a colon introduces a list that may
# be a table). A closing quote or bracket ends a sentence only after a sentence mark
# (……。” ……。）) or when it closes the whole line (（此件公开发布）): 形成“书记抓、抓书记”
# and 推进《安全生产法》 stop in the middle.
_FINISHED = "。！？!?…；;：:|*_"
_CLOSERS = "”’）)】」』》〕〉>"
_PAIRED_LINE = re.compile(r"^[（(【〔][^（()）【】〔〕]*[）)】〕]$")
# …and one that ends in these (or in a closer) stopped in its middle.
_OPEN_END = re.compile(rf"[{HAN}0-9０-９，、,（(《“‘—\-·]$")
# Looser than numbering.parse_marker on purpose: a bare marker ("3.", "二、") or a heading
# cut before its text is exactly what a cut text ends on, and parse_marker rejects those.
_HEADING_LIKE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]|[（(]\d{1,2}[）)])"
)
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,2}[.)])\s")
# a heading that stops here is cut whatever comes before it: at a pause, on 的/和…
_OPEN_HEADING = re.compile(r"[，、,的和与及并]$")
# …or a bare marker with no heading text: "3.", "二、", "（三）" (set N)
_BARE_MARKER = re.compile(
    r"^(?:(?:[一二三四五六七八九十]+|\d{1,2})[、.．]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)])$"
    # …or a part's numeral the copy cut before its 、: "一" (set Z32); not a bare Arabic
    # digit, which is how a page number ends a printed page
    r"|^[一二三四五六七八九十]{1,3}$"
)
# …or only an opening bracket or mark: the copy stopped at a marker's first character
# (set Z40: the last line "(" of "(三)")
_OPENERS_ONLY = re.compile(r"^[（(【〔《“‘]+$")
_HAN_RE = re.compile(rf"[{HAN}]")
FOOTER_LINES = 12  # how far up from the end page furniture is stepped over
MAX_SIGNATURE = 40  # a filer's name on its own line is shorter than this
TAIL = 12  # characters of the unfinished sentence a message quotes
MAX_HEADING_TAIL = 30


@dataclass(frozen=True, slots=True)
class Cut:
    """The unfinished end of a text: its 1-based ``line``, the span of the unfinished
    sentence (or heading) and the last characters of it, for a message."""

    line: int
    start: int
    end: int
    kind: Literal["sentence", "heading"]
    tail: str


def cut_off(doc: Document) -> Cut | None:
    """Where ``doc`` stops short, or None when it ends as a finished text does."""
    found = _last_line(doc)
    if found is None:
        return None
    index, line = found
    text = line.strip(SPACE)
    if _is_signature(text):
        return None
    base = doc.line_starts[index] + (len(line) - len(line.lstrip(SPACE)))
    end = base + len(text)
    if _BARE_MARKER.match(text) or _OPENERS_ONLY.match(text):  # nothing after a marker
        return Cut(index + 1, base, end, "heading", _tail(text, MAX_HEADING_TAIL))
    if _is_item(doc, index, text):  # a heading on its own line, or a list item
        if text[-1] in _FINISHED or text[-1] in _CLOSERS:
            return None
        # a list of bare headings or items ("（一）加强执法队伍建设" "（二）……") ends
        # finished; a heading after text, or one stopping at 、 or 的, is cut
        previous = _previous_line(doc, index)
        if not _OPEN_HEADING.search(text) and (
            previous is None or _ends_a_list(doc, previous, text)
        ):
            return None
        return Cut(index + 1, base, end, "heading", _tail(text, MAX_HEADING_TAIL))
    if not _stops_midway(text) or _han_count(text) < 2:
        return None
    ends = list(SENTENCE_END.finditer(text))
    start = base + (ends[-1].end() if ends else 0)
    while start < end and doc.text[start] in SPACE:
        start += 1
    return Cut(index + 1, start, end, "sentence", _tail(text, TAIL))


def _is_item(doc: Document, index: int, text: str) -> bool:
    """A heading on its own line (no sentence in it), or a Markdown list item."""
    if SENTENCE_END.search(text):  # a run-in heading or item: its sentence is prose
        return False
    return bool(
        _LIST_ITEM.match(text)
        or _HEADING_LIKE.match(text)
        or doc.heading_at_line(index + 1) is not None
    )


def _ends_a_list(doc: Document, previous: tuple[int, str], last: str) -> bool:
    """Is the last heading the end of a list of bare headings? Its line before is a
    heading or an item too, and not its parent: "二、依法全面履行政府职能" then
    "（一）加大镇级简政" opens a sub-list that the text never fills (set K)."""
    index, line = previous
    before = line.strip(SPACE)
    if not _is_item(doc, index, before):
        return False
    parent, child = parse_marker(before), parse_marker(last)
    return parent is None or child is None or child.level <= parent.level


def _previous_line(doc: Document, index: int) -> tuple[int, str] | None:
    for i in range(index - 1, -1, -1):
        if doc.lines[i].strip(SPACE + MASK):
            return i, doc.lines[i]
    return None


def _last_line(doc: Document) -> tuple[int, str] | None:
    """The last line of the report itself: blank and masked lines skipped, and the
    page furniture under a copied report stepped over."""
    lines = doc.lines
    i = len(lines) - 1
    footer = 0
    while i >= 0:
        line = lines[i]
        text = line.strip(SPACE + MASK)
        if not text or (i + 1) in doc.chrome:
            i -= 1
            continue
        if footer < FOOTER_LINES and len(text) <= MAX_FOOTER and _FOOTER.search(text):
            footer += 1
            i -= 1
            continue
        return i, line
    return None


def _tail(text: str, size: int) -> str:
    return text if len(text) <= size else "……" + text[-size:]


def _stops_midway(text: str) -> bool:
    """Does this last line of a text stop in the middle of a sentence?"""
    last = text[-1]
    if last in _CLOSERS:
        before = text[:-1].rstrip(_CLOSERS)
        return not (before and before[-1] in _FINISHED) and not _PAIRED_LINE.match(text)
    return last not in _FINISHED and _OPEN_END.search(text) is not None


def _is_signature(text: str) -> bool:
    """The filer's name, the date or a 版记 row: how a finished report ends."""
    if _DATE.search(text) or _BANJI.search(text):
        return True
    return len(text) <= MAX_SIGNATURE and _ORGAN.search(text) is not None and not _has_comma(text)


def _has_comma(text: str) -> bool:
    return any(ch in text for ch in "，、,；;。")


def _han_count(text: str) -> int:
    return len(_HAN_RE.findall(text))

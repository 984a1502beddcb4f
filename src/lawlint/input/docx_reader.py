"""Word documents (``.docx``) to a :class:`~lawlint.input.reader.Source`.

Drafts are written in Word or WPS and sent as .docx. This module turns one into the
text the rest of lawlint reads, so the document model and every check work unchanged:

- the body's paragraphs, in document order, one paragraph per line — table cells'
  paragraphs too (row by row, cell by cell, nested tables in place), content controls
  opened; so a finding's ``line`` is the paragraph's number in the body (1-based, empty
  paragraphs counted) and its ``column`` is counted in the paragraph's text;
- a paragraph's text is what Word shows in it: runs, hyperlinks, fields' results and
  tracked insertions; not deleted text, field codes, hidden runs or text boxes. A line
  break inside a paragraph (Shift+Enter) becomes U+2028, a tab a tab;
- what the text does not say comes as a :class:`~lawlint.input.reader.LineHint` per line:
  the heading level from the paragraph's outline level or heading style (标题 1 /
  Heading 1 …) or, for a paragraph Word numbers automatically, from the numbering's
  format (the number is not in the text: "一、" is level 1, "（一）" level 2, "1." level
  3, "（1）" level 4, as for typed markers; another format gives the list level); the
  number as Word shows it (display only); and whether the paragraph is in a table or
  is a table-of-contents entry (never a heading).

Headers, footers, footnotes, comments and text boxes are not read, nor inflated:
:mod:`~lawlint.input.docx_package` opens the package and parses only the document, its
styles and its numbering with lxml (python-docx's parser library), under limits on
size, tags, paragraphs, text and nesting; lxml is imported only when a .docx is read.
A file that is not a readable .docx — encrypted, an old .doc, corrupt, another
format, over a limit, crafted (a DTD, a list level past Word's nine) — is an
:class:`~lawlint.errors.InputError` naming the file (exit code 2), never a traceback.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lawlint.errors import InputError
from lawlint.input.docx_package import (
    MAX_PARAGRAPHS,
    MAX_TEXT_CHARS,
    Parts,
    corrupt,
    default_styles,
    open_parts,
    too_many_paragraphs,
    too_much_text,
)
from lawlint.input.source import LineHint, Source
from lawlint.numbering import parse_marker
from lawlint.numerals import DIGITS, LEGAL_DIGITS, to_chinese, to_chinese_digits

if TYPE_CHECKING:
    from lxml.etree import _Element

LINE_BREAK = "\u2028"  # Shift+Enter inside a paragraph: not a new line of the Source

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _CUSTOM_XML = (
    f"{_W}p",
    f"{_W}tbl",
    f"{_W}tr",
    f"{_W}tc",
    f"{_W}sdt",
    f"{_W}sdtContent",
    f"{_W}customXml",
)
_WRAPPERS = (_SDT, _SDT_CONTENT, _CUSTOM_XML)
_BR = f"{_W}br"
_PPR = f"{_W}pPr"
_VAL = f"{_W}val"
# What a run's elements show: text (None: the element's own text), tabs, line breaks.
_TEXT: dict[str, str | None] = {
    f"{_W}t": None,
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    _BR: LINE_BREAK,
    f"{_W}cr": LINE_BREAK,
    f"{_W}noBreakHyphen": "-",
}
# Never shown as the paragraph's text: properties, deleted or moved-away text, drawings
# and text boxes (their own paragraphs), alternate content, field codes.
_SKIP = {
    f"{_W}{name}"
    for name in (
        "pPr", "rPr", "sdtPr", "del", "moveFrom", "drawing", "pict", "object",
        "instrText", "delText", "footnoteReference", "endnoteReference",
    )
} | {f"{_MC}AlternateContent"}  # fmt: skip

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, or an encrypted .docx
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OTHER = {
    b"%PDF": ("PDF 文件", "a PDF file"),
    b"{\\rtf": ("RTF 文件", "an RTF file"),
}
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TOC_STYLE = re.compile(r"^(?:toc|目录)\s*[1-9]$", re.I)


def read_docx(data: bytes, path: str) -> Source:
    """The Source of a .docx file's bytes; InputError when it is not a readable .docx
    or is over a limit (see :mod:`~lawlint.input.docx_package`)."""
    _sniff(data, path)
    try:
        import lxml.etree  # noqa: F401  (python-docx's one compiled dependency)
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(
            "读取 .docx 需要 python-docx，请运行 pip install python-docx",
            "reading .docx needs python-docx: pip install python-docx",
            path=path,
        ) from None
    parts = open_parts(data, path)
    try:
        lines, hints = _read(parts, path)
    except InputError:
        raise
    except Exception as exc:  # a shape the reader did not foresee: still a damaged file
        raise corrupt(path, f"{type(exc).__name__}: {exc}".strip().rstrip(":")) from None
    return Source(
        path,
        "\n".join(lines),
        paragraphs=True,
        hints=hints,
        word_directives=_word_directives(parts),
    )


def _word_directives(parts: Parts) -> tuple[tuple[int, str], ...]:
    """The Word comments whose text is a lawlint directive, each with the index of the
    paragraph (numbered as :func:`_read` numbers them) where its range starts."""
    if parts.comments is None:
        return ()
    texts: dict[str, str] = {}
    for comment in parts.comments.iter(f"{_W}comment"):
        text = "".join(paragraph_text(p) for p in comment.iter(_P)).strip()
        if text.startswith("lawlint-"):
            texts[comment.get(f"{_W}id", "")] = text
    if not texts:
        return ()
    body = parts.document.find(f"{_W}body")
    found: list[tuple[int, str]] = []
    for index, (p, _) in enumerate(_paragraphs(body)):
        for start in p.iter(f"{_W}commentRangeStart"):
            directive = texts.get(start.get(f"{_W}id", ""))
            if directive is not None:
                found.append((index, directive))
    return tuple(found)


def _sniff(data: bytes, path: str) -> None:
    if not data:
        raise InputError("是空文件，不是 Word 文档", "is empty, not a Word document", path=path)
    if data.startswith(_CFB):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(
                "文件已加密（设有打开密码），无法读取；请在 Word 中取消密码后再检查",
                "is encrypted (password-protected); remove the password in Word and retry",
                path=path,
            )
        raise InputError(
            "是旧版 Word 97-2003 文档（.doc），不是 .docx；请在 Word 或 WPS 中另存为 .docx",
            "is an old Word 97-2003 document (.doc), not .docx; save it as .docx",
            path=path,
        )
    for magic, (zh, en) in _OTHER.items():
        if data.startswith(magic):
            raise InputError(
                f"是{zh}，不是 Word .docx 文档", f"is {en}, not a Word .docx document", path=path
            )
    if not data.startswith(_ZIP):
        raise InputError(
            "不是 Word .docx 文档（.docx 应为 ZIP 格式），可能是改了扩展名的其他文件",
            "is not a Word .docx document (a .docx is a ZIP package); renamed from another type?",
            path=path,
        )


# -- body ---------------------------------------------------------------------------


def _read(parts: Parts, path: str) -> tuple[list[str], dict[int, LineHint]]:
    body = parts.document.find(f"{_W}body")
    if body is None:
        raise corrupt(path, "the main document part has no w:body")
    styles = _Styles(parts.styles if parts.styles is not None else default_styles())
    numbering = _Numbering(parts.numbering, styles, path)
    lines: list[str] = []
    hints: dict[int, LineHint] = {}
    chars = 0
    for p, in_table in _paragraphs(body):
        index = len(lines)
        if index == MAX_PARAGRAPHS:  # paragraphs the count on the bytes could not see
            raise too_many_paragraphs(path)
        text = paragraph_text(p)
        chars += len(text) + 1
        if chars > MAX_TEXT_CHARS:
            raise too_much_text(path)
        lines.append(text)
        ppr = p.find(_PPR)  # the paragraph's properties: looked up once
        style_id = _val(ppr, "pStyle")
        if in_table or styles.is_toc(style_id):
            hints[index] = LineHint(table=True)
            continue
        level = _outline_level(ppr, style_id, styles)
        label, num_level = numbering.label(ppr, style_id, index + 1)
        if level is None:
            level = num_level
        if level is not None or label:
            hints[index] = LineHint(level=level, numbering=label)
    return lines, hints


def _paragraphs(body: _Element) -> Iterator[tuple[_Element, bool]]:
    """The block-level paragraphs under ``body`` in document order, and whether each is
    in a table. Iterative (a stack of open containers), so tables nested as deep as the
    XML parser allows cost no Python recursion."""
    stack: list[tuple[Iterator[_Element], bool]] = [(iter(body), False)]
    while stack:
        children, in_table = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == _P:
            yield child, in_table
        elif tag == _TBL:  # row by row, cell by cell
            stack.append((_cells_children(child), True))
        elif tag == _SDT:  # a content control; Word puts its table of contents in one
            gallery = _val(child, "sdtPr", "docPartObj", "docPartGallery")
            stack.append((iter(child), in_table or gallery == "Table of Contents"))
        elif tag in _WRAPPERS:
            stack.append((iter(child), in_table))


def _cells_children(table: _Element) -> Iterator[_Element]:
    for row in _children(table, _TR):
        for cell in _children(row, _TC):
            yield from cell


def _children(parent: _Element, tag: str) -> Iterator[_Element]:
    """Children with ``tag``, looking through content controls and custom XML (the
    recursion is bounded by the parser's depth limit)."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def paragraph_text(p: _Element) -> str:
    """The text Word shows in paragraph ``p`` (without its automatic number)."""
    out: list[str] = []
    _collect(p, out)
    return "".join(out).replace("\n", LINE_BREAK).replace("\r", LINE_BREAK)


def _collect(el: _Element, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _TEXT:
            shown = _TEXT[tag]
            if shown is None:
                out.append(child.text or "")
            elif tag != _BR or child.get(f"{_W}type", "textWrapping") == "textWrapping":
                out.append(shown)  # a page or column break is layout, not text
        elif tag == f"{_W}r" and _hidden(child):
            continue
        else:
            _collect(child, out)


def _hidden(run: _Element) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false", "off")


def _val(el: _Element | None, *path: str) -> str | None:
    """``w:val`` of the element at ``path`` under ``el`` (w: names), or None."""
    if el is None:
        return None
    found = el.find(_path(path))
    return None if found is None else found.get(_VAL)


@functools.cache
def _path(names: tuple[str, ...]) -> str:
    return "/".join(f"{_W}{name}" for name in names)


def _int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


# -- styles -------------------------------------------------------------------------


class _Styles:
    """Paragraph styles by id: their name, base style and paragraph properties."""

    def __init__(self, root: _Element | None) -> None:
        self.by_id: dict[str, _Element] = {}
        self.default: str | None = None
        # what a style implies, worked out once per style, not once per paragraph
        self._toc: dict[str | None, bool] = {}
        self._outline: dict[str | None, int | None] = {}
        if root is None:
            return
        for style in root.iterchildren(f"{_W}style"):
            if style.get(f"{_W}type") != "paragraph":
                continue
            sid = style.get(f"{_W}styleId")
            if sid:
                self.by_id[sid] = style
                if style.get(f"{_W}default") in ("1", "true", "on"):
                    self.default = sid

    def chain(self, style_id: str | None) -> Iterator[_Element]:
        """The style and the styles it is based on (at most 16, no cycle)."""
        sid = style_id if style_id is not None else self.default
        seen: set[str] = set()
        while sid and sid not in seen and len(seen) < 16 and sid in self.by_id:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            sid = _val(style, "basedOn")

    def is_toc(self, style_id: str | None) -> bool:
        """A table-of-contents entry ("toc 1", "目录 1")?"""
        if style_id not in self._toc:
            self._toc[style_id] = any(
                _TOC_STYLE.match(_val(s, "name") or "") for s in self.chain(style_id)
            )
        return self._toc[style_id]

    def outline_level(self, style_id: str | None) -> int | None:
        """Level from the style's outline level or its name ("heading 2", "标题 2")."""
        if style_id not in self._outline:
            self._outline[style_id] = self._find_outline_level(style_id)
        return self._outline[style_id]

    def _find_outline_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            level = _int(_val(style, "pPr", "outlineLvl"))
            if level is not None:
                return level + 1 if 0 <= level < 9 else None
            m = _HEADING_STYLE.match((_val(style, "name") or "").strip())
            if m:
                return int(m.group(1))
        return None


def _outline_level(ppr: _Element | None, style_id: str | None, styles: _Styles) -> int | None:
    """Level from the paragraph's (``ppr``: its properties) or its style's outline level
    (0–8; 9 is body text), or from a heading style's name."""
    level = _int(_val(ppr, "outlineLvl"))
    if level is not None:
        return level + 1 if 0 <= level < 9 else None
    return styles.outline_level(style_id)


# -- automatic numbering ------------------------------------------------------------


class _Numbering:
    """Word's automatic numbering: which paragraphs are numbered, at what list level,
    and the number Word shows (counted as Word counts: per list, deeper levels
    restarting after a higher one).

    Bounded on crafted input: a list level outside Word's 0–8 is an error; numbers are
    Word's 32-bit values (a larger ``w:start`` is ignored); letters and roman numerals
    fall back to digits past :data:`MAX_LETTER` / :data:`MAX_ROMAN`; a number text
    (``w:lvlText``) longer than :data:`MAX_LEVEL_TEXT` shows no number; each list's
    levels are looked up once, not once per paragraph."""

    def __init__(self, root: _Element | None, styles: _Styles, path: str) -> None:
        self.styles = styles
        self.path = path
        self.nums: dict[str, _Element] = {}
        self.abstracts: dict[str, _Element] = {}
        if root is not None:  # no numbering part: nothing is numbered
            for a in root.iterchildren(f"{_W}abstractNum"):
                self.abstracts[a.get(f"{_W}abstractNumId", "")] = a
            for n in root.iterchildren(f"{_W}num"):
                self.nums[n.get(f"{_W}numId", "")] = n
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self._levels_of: dict[str, tuple[_Element | None, ...]] = {}
        self._style_levels: dict[tuple[str, str | None], int] = {}
        self._style_num: dict[str | None, tuple[str | None, int | None]] = {}

    def label(
        self, ppr: _Element | None, style_id: str | None, line: int
    ) -> tuple[str, int | None]:
        """(number as shown, level it implies) for the ``line``-th paragraph, whose
        properties are ``ppr``; ("", None) if it is not numbered, or is a bullet."""
        num_id, ilvl = self._num_pr(ppr, style_id)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return "", None
        if not 0 <= ilvl < LIST_LEVELS:
            ilvl_text = str(ilvl) if abs(ilvl) < 10**12 else f"{str(ilvl)[:12]}…"
            raise InputError(
                f"第 {line} 段的列表级别 w:ilvl={ilvl_text} 超出 Word 的 0–8 级，"
                "文件已损坏或被篡改",
                f"paragraph {line} has list level w:ilvl={ilvl_text}, outside Word's 0–8: "
                "the file is damaged or crafted",
                path=self.path,
            )
        num = self.nums[num_id]
        abstract_id = _val(num, "abstractNumId") or ""
        levels = self._levels(num_id, num, abstract_id)
        if levels is None:
            return "", None
        lvl = levels[ilvl]
        fmt = _fmt(lvl)
        if lvl is None or fmt in ("bullet", "none"):
            return "", None
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:  # a list restarted with "start at" begins anew
            self.started.add(num_id)
            for over in num.iterchildren(f"{_W}lvlOverride"):
                start = _number(_val(over, "startOverride"))
                over_level = _number(over.get(f"{_W}ilvl")) or 0
                if start is not None and 0 <= over_level < LIST_LEVELS:
                    counters[over_level] = start - 1
        for i in range(ilvl):
            counters.setdefault(i, _number(_val(levels[i], "start")) or 1)
        start = _number(_val(lvl, "start"))
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else (start or 1)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = _val(lvl, "lvlText") or ""
        if len(text) > MAX_LEVEL_TEXT:
            return "", None

        def number(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            if i > ilvl:
                return ""
            n = counters.get(i, 1)
            return _format(n, "decimal" if i < ilvl and _legal(lvl) else _fmt(levels[i]))

        shown = re.sub(r"%([1-9])", number, text)
        marker = parse_marker(shown + "标题")
        return shown, (marker.level if marker else ilvl + 1)

    def _levels(
        self, num_id: str, num: _Element, abstract_id: str
    ) -> tuple[_Element | None, ...] | None:
        """The list's level definitions 0–8 (an override's before the abstract's), or
        None if it has no abstract numbering; computed once per list."""
        if num_id in self._levels_of:
            return self._levels_of[num_id]
        abstract = self._abstract(abstract_id)
        if abstract is None:
            return None
        levels: list[_Element | None] = [None] * LIST_LEVELS
        for lvl in abstract.iterchildren(f"{_W}lvl"):
            i = _number(lvl.get(f"{_W}ilvl"))
            if i is not None and 0 <= i < LIST_LEVELS and levels[i] is None:
                levels[i] = lvl
        overridden: set[int] = set()
        for over in num.iterchildren(f"{_W}lvlOverride"):
            i = _number(over.get(f"{_W}ilvl"))
            lvl = over.find(f"{_W}lvl")
            if i is not None and 0 <= i < LIST_LEVELS and lvl is not None and i not in overridden:
                overridden.add(i)
                levels[i] = lvl
        self._levels_of[num_id] = found = tuple(levels)
        return found

    def _num_pr(self, ppr: _Element | None, style_id: str | None) -> tuple[str | None, int]:
        num_id = _val(ppr, "numPr", "numId")
        ilvl = _int(_val(ppr, "numPr", "ilvl"))  # any size: out of 0–8 is an error
        if num_id is not None:
            return num_id, ilvl or 0
        if style_id not in self._style_num:
            self._style_num[style_id] = self._find_style_num(style_id)
        num_id, style_ilvl = self._style_num[style_id]
        if num_id is None:
            return None, 0
        return num_id, (ilvl if ilvl is not None else style_ilvl) or 0

    def _find_style_num(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The list a style numbers its paragraphs in, and at what level."""
        for style in self.styles.chain(style_id):
            num_id = _val(style, "pPr", "numPr", "numId")
            if num_id is not None:
                ilvl = _int(_val(style, "pPr", "numPr", "ilvl"))
                if ilvl is None:
                    ilvl = self._style_level(num_id, style.get(f"{_W}styleId"))
                return num_id, ilvl
        return None, None

    def _style_level(self, num_id: str, style_id: str | None) -> int:
        """The list level a numbering links to a style with ``w:pStyle`` (once per
        list and style)."""
        key = (num_id, style_id)
        if key not in self._style_levels:
            self._style_levels[key] = self._find_style_level(num_id, style_id)
        return self._style_levels[key]

    def _find_style_level(self, num_id: str, style_id: str | None) -> int:
        num = self.nums.get(num_id)
        abstract = self._abstract(_val(num, "abstractNumId") or "") if num is not None else None
        if abstract is not None and style_id:
            for lvl in abstract.iterchildren(f"{_W}lvl"):
                if _val(lvl, "pStyle") == style_id:
                    return _int(lvl.get(f"{_W}ilvl")) or 0
        return 0

    def _abstract(self, abstract_id: str) -> _Element | None:
        """The abstract numbering, following a numbering style link (once)."""
        abstract = self.abstracts.get(abstract_id)
        link = _val(abstract, "numStyleLink")
        if abstract is not None and link:
            for style in self.styles.chain(link):
                num = self.nums.get(_val(style, "pPr", "numPr", "numId") or "")
                if num is not None:
                    target = self.abstracts.get(_val(num, "abstractNumId") or "")
                    if target is not None and _val(target, "numStyleLink") is None:
                        return target
        return abstract


LIST_LEVELS = 9  # Word's list levels: w:ilvl 0–8
MAX_LEVEL_TEXT = 64  # characters of w:lvlText; Word's own are a few
MAX_LETTER = 26 * 30  # upperLetter/lowerLetter: at most 30 repeated letters (ZZ…Z)
MAX_ROMAN = 3999  # MMMCMXCIX: the largest ordinary roman numeral
_INT32 = 2**31  # Word's numbers (ST_DecimalNumber) are 32-bit


def _number(value: str | None) -> int | None:
    """A Word decimal number (32-bit), or None if absent, not a number or larger."""
    if value is None or len(value) > 12:  # before int(): no 4,000-digit conversion
        return None
    n = _int(value)
    return n if n is not None and -_INT32 <= n < _INT32 else None


def _fmt(lvl: _Element | None) -> str:
    return _val(lvl, "numFmt") or "decimal"


def _legal(lvl: _Element | None) -> bool:
    return lvl is not None and lvl.find(f"{_W}isLgl") is not None


_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _chinese(n: int, digits: str = DIGITS, ten: str = "十") -> str:
    """Word's counting numbers: Chinese for 1-99, Arabic digits beyond."""
    return (to_chinese(n, digits, ten) if n > 0 else None) or str(n)


def _format(n: int, fmt: str) -> str:
    """Number ``n`` in Word's number format ``fmt`` (the common ones; else decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand"):  # fmt: skip
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, LEGAL_DIGITS, "拾")
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return to_chinese_digits(n)
    if fmt == "ideographTraditional" and 0 < n <= 10:
        return _TIANGAN[n - 1]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= MAX_LETTER:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n <= MAX_ROMAN:
        out = ""
        for value, numeral in _ROMAN:
            while n >= value:
                out += numeral
                n -= value
        return out if fmt == "upperRoman" else out.lower()
    if fmt == "decimalZero" and n < 10:
        return f"0{n}"
    return str(n)

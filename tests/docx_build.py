"""Build .docx drafts with python-docx inside the tests (no binary fixtures).

:func:`build` takes a list of blocks, in document order:

- ``"text"`` — a plain paragraph;
- ``Num(text, ilvl)`` — a paragraph numbered by Word (``w:numPr``), in a GB/T 9704
  list: level 0 shows 一、, 1 （一）, 2 1., 3 （1）; the number is not in the text;
- ``Num(text, ilvl, num_id=...)`` — the same in another list instance (``NUM_RESTART``
  restarts the numbering);
- ``Styled(text, style)`` — a paragraph in a named style ("Heading 1", "List Number",
  "List Bullet" …);
- ``Table(rows)`` — a table, one list of cell texts per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

GB_ABSTRACT = "90"
NUM_GB = "90"
NUM_RESTART = "91"  # the same list, restarted: 一、 again
GB_LEVELS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
)


@dataclass(frozen=True)
class Num:
    text: str
    ilvl: int = 0
    num_id: str = NUM_GB


@dataclass(frozen=True)
class Styled:
    text: str
    style: str


@dataclass(frozen=True)
class Table:
    rows: list[list[str]]


def _el(tag: str, **attrs: str):
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def add_gb_numbering(document) -> None:
    """An abstract list with the GB/T 9704 levels, and two list instances of it."""
    numbering = document.part.numbering_part.element
    abstract = _el("w:abstractNum", abstractNumId=GB_ABSTRACT)
    for ilvl, (fmt, text) in enumerate(GB_LEVELS):
        lvl = _el("w:lvl", ilvl=str(ilvl))
        lvl.append(_el("w:start", val="1"))
        lvl.append(_el("w:numFmt", val=fmt))
        lvl.append(_el("w:lvlText", val=text))
        abstract.append(lvl)
    # abstractNum elements come before num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    for num_id, restart in ((NUM_GB, False), (NUM_RESTART, True)):
        num = _el("w:num", numId=num_id)
        num.append(_el("w:abstractNumId", val=GB_ABSTRACT))
        if restart:
            override = _el("w:lvlOverride", ilvl="0")
            override.append(_el("w:startOverride", val="1"))
            num.append(override)
        numbering.append(num)


def number(paragraph, ilvl: int, num_id: str) -> None:
    num_pr = _el("w:numPr")
    num_pr.append(_el("w:ilvl", val=str(ilvl)))
    num_pr.append(_el("w:numId", val=num_id))
    paragraph._p.get_or_add_pPr().append(num_pr)


def build(path: Path, blocks: list, *, setup=None) -> Path:
    document = docx.Document()
    add_gb_numbering(document)
    if setup is not None:
        setup(document)
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif isinstance(block, Num):
            number(document.add_paragraph(block.text), block.ilvl, block.num_id)
        elif isinstance(block, Styled):
            document.add_paragraph(block.text, style=block.style)
        elif isinstance(block, Table):
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        else:  # a callable: add something by hand
            block(document)
    document.save(str(path))
    return path


# -- a draft with everything Word puts around the text (for --fix and LibreOffice) --------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REVIEWER = "张三"
REVIEW_DATE = "2026-01-05T09:00:00Z"


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (red pixels), made without an imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def revision(kind: str, text: str, rev_id: int, author: str = REVIEWER):
    """A tracked insertion (``kind`` "ins") or deletion ("del") of ``text`` by a reviewer."""
    change = _el(f"w:{kind}", id=str(rev_id), author=author, date=REVIEW_DATE)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t" if kind == "ins" else "w:delText")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    change.append(run)
    return change


def rich_draft(path: Path, title: str = "某县2023年法治政府建设情况报告") -> Path:
    """A draft with fixable text in every place Word keeps text, each kept differently:
    a Word-numbered heading, runs of different formatting (a fix across two of them),
    a reviewer's comment over fixable text, a reviewer's tracked insertion and
    deletion, a table, an image between runs, a header and a footer (not read, so not
    fixed)."""

    def runs(document) -> None:
        p = document.add_paragraph()
        p.add_run("全年召开专题学法会4次,").bold = True
        p.add_run("培训干部１３").bold = True
        p.add_run("２人次。").italic = True

    def commented(document) -> None:
        p = document.add_paragraph()
        first = p.add_run("已有批注的段落,")
        last = p.add_run("内容不变。")
        document.add_comment([first, last], text="审阅人意见", author=REVIEWER, initials="ZS")

    def revised(document) -> None:
        p = document.add_paragraph()
        p.add_run("修订前的文字,")
        p._p.append(revision("ins", "审阅人插入的文字", 901))
        p._p.append(revision("del", "审阅人删除的文字", 902))
        p.add_run("修订后的文字。")

    def image(document) -> None:
        import io

        p = document.add_paragraph()
        p.add_run("图示如下,")
        p.add_run().add_picture(io.BytesIO(png_bytes()))
        p.add_run("见上图。")

    def header_footer(document) -> None:
        document.sections[0].header.paragraphs[0].text = "页眉文字,不检查"
        document.sections[0].footer.paragraphs[0].text = "页脚文字,不检查"

    return build(
        path,
        [
            title,
            Num("推进法治政府建设的主要举措和成效", 0),
            runs,
            commented,
            revised,
            Table([["项目", "情况说明"], ["学法", "表格里的问题,待改"]]),
            image,
            "存在的不足和原因:一是统筹不够。",
        ],
        setup=header_footer,
    )


def as_word_writes(path: Path) -> Path:
    """Rewrite every XML part's declaration as Word writes it (double quotes, CRLF) in
    place: python-docx writes single quotes, so a part it re-serialized would show."""
    import io
    import zipfile

    old = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    new = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info).replace(old, new))
    path.write_bytes(out.getvalue())
    return path

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

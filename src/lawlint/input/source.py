"""One decoded input file (:class:`Source`) and what a word processor knows about its
lines (:class:`LineHint`): the value every later stage reads, shared by the text reader
(:mod:`lawlint.input.reader`) and the Word reader (:mod:`lawlint.input.docx_reader`)."""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class LineHint:
    """What a word processor knows about one line (a paragraph) that its text does not
    say. The document model uses it only where the text itself is silent."""

    level: int | None = None
    """Heading level from the paragraph's heading style, outline level or automatic
    numbering (1 is the level of 一、, 2 of （一）…), for a line with no text marker."""
    numbering: str = ""
    """The number Word shows before the text ("一、"): not part of the text, for display."""
    table: bool = False
    """The paragraph is in a table cell or is a table-of-contents entry: never a
    heading or a heading-like label."""


@dataclass(frozen=True, slots=True)
class Source:
    """One decoded input file."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newlines: tuple[str, ...] = ()
    markdown: bool = False
    paragraphs: bool = False
    """Each line is a paragraph of a word-processor document (.docx): a finding's line
    is the paragraph's number; lines never join into one paragraph; and the file cannot
    be written back (``--fix`` refuses it)."""
    hints: Mapping[int, LineHint] = field(default_factory=dict, hash=False, compare=False)
    """0-based line index → :class:`LineHint`, for the lines that have one."""
    word_directives: tuple[tuple[int, str], ...] = field(default=(), hash=False, compare=False)
    """(0-based paragraph index, text) of each Word comment (批注) whose text is a lawlint
    directive, on the paragraph where the comment's range starts (.docx only)."""

    def encode(self, text: str) -> bytes:
        """Encode ``text`` (``\\n`` line ends) back to the file's own bytes."""
        lines = text.split("\n")
        out = []
        for i, line in enumerate(lines):
            out.append(line)
            if i < len(lines) - 1:
                out.append(self.newlines[i] if i < len(self.newlines) else self._default_nl())
        body = "".join(out).encode(self.encoding)
        if self.bom:
            body = BOMS[self.encoding] + body
        return body

    def _default_nl(self) -> str:
        return self.newlines[-1] if self.newlines else "\n"


BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}

"""Split report text into sentences that keep their exact 1-based line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at these marks; a line break also ends one because headings and list items
# are written one to a line.
_END = re.compile(r"[。！？；!?;]")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    column: int


def split_sentences(text: str) -> list[Sentence]:
    """Return the non-blank sentences of ``text`` with their positions (columns in characters)."""
    out: list[Sentence] = []
    for number, line in enumerate(text.splitlines(), start=1):
        start = 0
        for match in _END.finditer(line):
            _add(out, line, start, match.end(), number)
            start = match.end()
        _add(out, line, start, len(line), number)
    return out


def _add(out: list[Sentence], line: str, start: int, end: int, number: int) -> None:
    piece = line[start:end]
    stripped = piece.lstrip()
    if not stripped.strip():
        return
    lead = len(piece) - len(stripped)
    out.append(Sentence(stripped.rstrip(), number, start + lead + 1))

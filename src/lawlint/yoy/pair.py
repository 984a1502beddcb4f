"""Two reports in one text, for a pack's examples and tests: the lines after a line
``【上年报告】`` are last year's report, the lines after ``【本年报告】`` this year's.

Only :meth:`lawlint.lint.engine.Linter.lint_text` (pack examples, ``lawlint test-pack``,
tests) reads a text this way; a draft given to ``lawlint check`` never is.
"""

from __future__ import annotations

PREVIOUS_MARK = "【上年报告】"
CURRENT_MARK = "【本年报告】"


def split_pair(text: str) -> tuple[str, str | None]:
    """(this year's text, last year's text or None when ``text`` is one report)."""
    lines = text.split("\n")
    marks = [line.strip() for line in lines]
    if PREVIOUS_MARK not in marks or CURRENT_MARK not in marks:
        return text, None
    p, c = marks.index(PREVIOUS_MARK), marks.index(CURRENT_MARK)
    if c < p:
        return "\n".join(lines[c + 1 : p]), "\n".join(lines[p + 1 :])
    return "\n".join(lines[c + 1 :]), "\n".join(lines[p + 1 : c])

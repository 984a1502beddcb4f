"""``heading-punct``: a heading does not end in 。 or ， (GB/T 15834-2011 附录B.4; GB/T
9704-2012 7.3.3).

Only standalone headings count (a run-in heading "1.加强领导。我镇……" ends its sentence
properly). A numbered line is not always a heading, though: a list of one-sentence
items ("1.完成培训12期，培训500人次。" then "2.……") is written with 。 on purpose. So a
numbered line counts as a heading only when it reads as one:

- text follows it, or a deeper heading — not a heading of its own level or above, nor
  the end of the file (then it is a list item);
- its own text has no ； or ： (sentence punctuation; a heading has at most a ，);
- the heading before it, at the same level and with nothing in between, does not also
  end in 。 or ； (a list of sentences);
- for a final ，: a blank line or a heading follows (otherwise it may be a sentence
  wrapped onto the next line; not a concern in a Word document, whose lines are
  paragraphs).

A Markdown '#' heading is a heading by its syntax: it always counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.chars import MASK, SPACE
from lawlint.checks.base import Check, Context
from lawlint.findings import Finding
from lawlint.model.document import Document, Heading

_TRAILING = re.compile(r"[。，]+")  # matched at rstrip's end: "+$" would be quadratic
_SENTENCE = re.compile(r"[；;：:]")


class HeadingPunct(Check):
    kind = "heading-punct"
    summary = "A standalone heading ending in 。 or ， (fixable)"
    fields = ("match",)
    fixable = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for h in doc.headings:
            if not h.standalone:
                continue
            m = _TRAILING.match(h.text, len(h.text.rstrip("。，")))
            if not m or m.start() == 0:
                continue
            if h.md_level is None and not _reads_as_heading(doc, h, m.group(0)):
                continue
            start = h.start + m.start()
            yield self.finding(ctx, start, h.end, fix="", match=m.group(0))


def _blank(line: str) -> bool:
    return not line.strip(SPACE + MASK)


def _next_line(doc: Document, line_no: int) -> int | None:
    """1-based number of the first non-blank line after ``line_no``."""
    for i in range(line_no, len(doc.lines)):
        if not _blank(doc.lines[i]):
            return i + 1
    return None


def _reads_as_heading(doc: Document, h: Heading, trailing: str) -> bool:
    body = h.text[: len(h.text) - len(trailing)]
    if _SENTENCE.search(body):
        return False
    after = _next_line(doc, h.line)
    if after is None:
        return False
    following = doc.heading_at_line(after)
    if following is not None and following.level <= h.level:
        return False
    wraps = not doc.source.paragraphs  # a Word paragraph never wraps onto the next
    if trailing.endswith("，") and following is None and after == h.line + 1 and wraps:
        return False
    if h.index > 0:
        prev = doc.headings[h.index - 1]
        between = doc.lines[prev.line : h.line - 1]
        if prev.level == h.level and all(map(_blank, between)) and prev.text[-1:] in "。；":
            return False
    return True


CHECKS = (HeadingPunct,)

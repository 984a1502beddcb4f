"""``sections`` (rule ``section-missing``): the report's required parts.

《法治政府建设与责任落实督察工作规定》 lists what the annual report contains; a part
counts as present when a heading at any level, a heading-like line, or the first
sentence of a paragraph matches its patterns (see :mod:`lawlint.model.sections`). The
order is not enforced: real reports reorder the parts.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding


def document_anchor(ctx: Context) -> tuple[int, int]:
    """Where a finding about the whole document points: the title, else the first
    non-blank line."""
    doc = ctx.doc
    if doc.title is not None:
        return doc.title.start, doc.title.end
    for i, line in enumerate(doc.lines):
        if line.strip():
            start = doc.line_starts[i]
            return start, start + len(line)
    return 0, 0


class RequiredSections(Check):
    kind = "sections"
    summary = "Report each required part that the document lacks"
    fields = ("name", "key")
    options = {
        "required": Option(
            "str-list",
            ["measures", "first-responsible", "shortcomings", "plans"],
            "Keys of the parts that must be present (defined in the pack's 'sections').",
        ),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        index = ctx.sections
        start, end = document_anchor(ctx)
        for key in self.opts["required"]:
            if index.present(key):
                continue
            name = index.specs[key].name if key in index.specs else key
            yield self.finding(ctx, start, end, data={"section": key}, name=name, key=key)


CHECKS = (RequiredSections,)

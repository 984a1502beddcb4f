"""``sections`` (rule ``section-missing``): the report's required parts.

《法治政府建设与责任落实督察工作规定》 lists what the annual report contains; a part
counts as present when a heading at any level, a heading-like line, or the first
sentence of a paragraph matches its patterns (see :mod:`lawlint.model.sections`). The
order is not enforced: real reports reorder the parts.

A text that stops in the middle of a sentence (a draft saved half-written, a page cut
off when copied; :mod:`lawlint.model.ending`) may have the part after the point where
it stops: there the finding is a warning, and the rule's ``cut_note`` says why.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding, milder


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


# The note a finding on a text cut short carries (section-missing, topic-missing).
CUT_NOTE = Option(
    "str",
    "",
    "Appended to the message (as {note}) when the text stops mid-sentence or on an empty "
    "heading; {line} is the line where it stops.",
)


def cut_note(ctx: Context, template: str) -> str:
    """``template`` filled in for the text's cut (text-truncated), or "" when it is whole."""
    return template.replace("{line}", str(ctx.cut.line)) if ctx.cut is not None else ""


class RequiredSections(Check):
    kind = "sections"
    summary = "Report each required part that the document lacks"
    fields = ("name", "key", "note")
    CUT_SEVERITY = "warning"
    options = {
        "required": Option(
            "str-list",
            ["measures", "first-responsible", "shortcomings", "plans"],
            "Keys of the parts that must be present (defined in the pack's 'sections').",
        ),
        "cut_note": CUT_NOTE,
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        index = ctx.sections
        start, end = document_anchor(ctx)
        cut = ctx.cut
        note = cut_note(ctx, self.opts["cut_note"])
        # never more severe than the rule: a pack that made it info keeps info
        severity = milder(self.rule.severity, self.CUT_SEVERITY)
        for key in self.opts["required"]:
            if index.present(key):
                continue
            name = index.specs[key].name if key in index.specs else key
            data: dict[str, object] = {"section": key}
            if cut is not None:
                data["truncated_at"] = cut.line
            found = self.finding(ctx, start, end, data=data, name=name, key=key, note=note)
            if cut is not None:
                found.severity = severity
            yield found


CHECKS = (RequiredSections,)

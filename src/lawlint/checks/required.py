"""``required``: a part of the report must say something (``patterns`` in ``scope``).

One finding on the part's heading when none of the patterns occurs in it. A part
that is missing altogether is ``section-missing``'s business, not this check's.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.checks.phrase import union
from lawlint.findings import Finding
from lawlint.model.rules import Rule


class Required(Check):
    kind = "required"
    summary = "Require one of some regexes in a part of the report"
    fields = ("section",)
    options = {
        "patterns": Option("regex-list", [], "Regexes; at least one must occur."),
        "words": Option("str-list", [], "Literal words; at least one must occur."),
        "scope": Option("str-list", [], "Section keys the text must appear in."),
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.regex = union(self.opts["patterns"], self.opts["words"])

    def check(self, ctx: Context) -> Iterator[Finding]:
        index = ctx.sections
        for key in self.opts["scope"]:
            sections = index.headings(key)
            spans = index.spans(key)
            if not spans:
                continue
            text = ctx.doc.text
            if any(self.regex.search(text, s, e) for s, e in spans):
                continue
            name = index.specs[key].name if key in index.specs else key
            if sections and sections[0].heading is not None:
                h = sections[0].heading
                start, end = h.start, h.end
            else:
                start, end = spans[0][0], spans[0][0]
            yield self.finding(ctx, start, end, data={"section": key}, section=name)


CHECKS = (Required,)

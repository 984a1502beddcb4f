"""``phrase``: a finding for every match of ``patterns`` (regexes) or ``words``.

The generic existence check (Vale's ``existence``): a pack can flag wording without
any Python, optionally only in some parts of the report (``scope``) or only in reports
on a year or later (``from_year``: wording a new document replaced).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.checks._scope import SCOPE, scope_spans
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.model.rules import Rule
from lawlint.spans import SpanIndex

_OPENERS = frozenset("《〈<“")


def union(patterns: tuple[re.Pattern[str], ...], words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for all patterns and literal words (longest words first)."""
    parts = [p.pattern for p in patterns]
    parts.extend(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else re.compile(r"(?!x)x")


class Phrase(Check):
    kind = "phrase"
    summary = "Flag each match of regexes or literal words"
    fields = ("match",)
    options = {
        "patterns": Option("regex-list", [], "Regexes; each match is a finding."),
        "words": Option("str-list", [], "Literal words; each occurrence is a finding."),
        "scope": SCOPE,
        "from_year": Option(
            "int",
            0,
            "Only reports on this year or later (the title's year, or the configuration's "
            "report-year); a report whose year is unknown is left alone. 0: every report.",
        ),
        "skip_quoted": Option(
            "bool",
            False,
            "Leave matches that start inside a quoted title 《…》 or a short quotation “…”, "
            "or right after an opening mark.",
        ),
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.regex = union(self.opts["patterns"], self.opts["words"])

    def check(self, ctx: Context) -> Iterator[Finding]:
        since = self.opts["from_year"]
        if since and (ctx.report_year is None or ctx.report_year < since):
            return
        text = ctx.doc.text
        quoted = (
            SpanIndex([*ctx.doc.quoted_titles, *ctx.doc.quoted_phrases])
            if self.opts["skip_quoted"]
            else None
        )
        for start, end in scope_spans(ctx, self.opts["scope"]):
            for m in self.regex.finditer(text, start, end):
                if (
                    m.end() <= m.start()
                    or (
                        quoted is not None
                        # inside a quotation, or opening one a cut text never closes (set Z21)
                        and (m.start() in quoted or text[m.start() - 1 : m.start()] in _OPENERS)
                    )
                ):
                    continue
                yield self.finding(ctx, m.start(), m.end(), match=m.group(0))


CHECKS = (Phrase,)

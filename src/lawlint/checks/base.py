"""The contract between the engine and a check kind.

A *kind* is Python code (one module per kind); a *rule* is YAML data that configures
a kind: its id, severity, Chinese message template and options. A kind declares the
options it accepts (validated before anything runs), the fields its message template
may name, and whether its findings carry a fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from lawlint.chars import QUOTE_MARKS
from lawlint.checks.options import Option
from lawlint.findings import Finding

if TYPE_CHECKING:
    from lawlint.model.document import Document
    from lawlint.model.ending import Cut
    from lawlint.model.rules import Rule
    from lawlint.model.sections import SectionIndex, SectionSpec
    from lawlint.model.segmenter import Segmenter


class Context:
    """What a check may read about one file: the document and what is derived from
    it and the loaded packs (computed on first use, shared by all checks).

    ``report_year`` is the title's year unless the configuration sets one; ``level``
    is the government level the configuration names (town, county, city, province,
    department), or None. ``title`` stands in for a text without a title line (a web
    copy that starts at the body): the configuration's ``title``, else the file name
    when it reads as one (``青禾镇2024年法治政府建设年度报告.txt``); its year is then the
    report year."""

    def __init__(
        self,
        doc: Document,
        section_specs: tuple[SectionSpec, ...] = (),
        report_year: int | None = None,
        level: str | None = None,
        title: str | None = None,
        previous: Document | None = None,
    ) -> None:
        from lawlint.model.title import find_year, title_from_name

        self.doc = doc
        self.section_specs = section_specs
        self.title: str | None = None  # only when the text has no title line
        self.title_from: str | None = None  # "config" or "file-name"
        if doc.title is None:
            named = title_from_name(doc.source.path)
            self.title, self.title_from = (
                (title, "config") if title else (named, "file-name" if named else None)
            )
        year = doc.report_year
        if year is None and self.title is not None:
            year = find_year(self.title)
        self.report_year = report_year if report_year is not None else year
        self.level = level
        # last year's report, when the run pairs one with this file (--previous): the
        # year-over-year checks compare with it and leave here what they counted, for
        # the batch table (``yoy``: "plans" (traced, items), "reused" part → (chars, of))
        self.previous: Document | None = previous
        self.yoy: dict[str, Any] = {}
        self._line_words: dict[int, tuple[list[int], list[int]]] = {}

    @cached_property
    def sections(self) -> SectionIndex:
        from lawlint.model.sections import SectionIndex

        return SectionIndex(self.doc, self.section_specs, self.report_year)

    @cached_property
    def cut(self) -> Cut | None:
        """Where the text stops short (mid-sentence, or on an empty heading), if it does."""
        from lawlint.model.ending import cut_off

        return cut_off(self.doc)

    @cached_property
    def segmenter(self) -> Segmenter:
        """jieba, loaded on first use only: a file no word rule needs never loads it."""
        from lawlint.model.segmenter import get_segmenter

        return get_segmenter()

    def line_words(self, line: int) -> tuple[list[int], list[int]]:
        """Document offsets (ascending) where jieba's words of the 1-based ``line`` start
        and where they end: segmented once per line, whichever rule asks first."""
        if line not in self._line_words:
            a, b = self.doc.line_span(line)
            tokens = self.segmenter.tokens(self.doc.text[a:b])
            self._line_words[line] = ([a + s for _, s, _ in tokens], [a + e for _, _, e in tokens])
        return self._line_words[line]


def readable(template: str, fields: dict[str, Any]) -> str:
    """``template`` with each “{field}” whose value holds a quote mark quoted 「{field}」
    instead: 半角「"」，应改为全角「“」 reads, 半角“"”，应改为全角““” does not."""
    for name, value in fields.items():
        if isinstance(value, str) and QUOTE_MARKS.intersection(value):
            template = template.replace(f"“{{{name}}}”", f"「{{{name}}}」")
    return template


class _SafeFields(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Check:
    kind: ClassVar[str]
    summary: ClassVar[str]
    options: ClassVar[dict[str, Option]] = {}
    fields: ClassVar[tuple[str, ...]] = ()
    # The problems a finding of this kind may describe: code → the fields its text may
    # use. The texts are data, the rule's ``messages`` (one per code, checked when the
    # pack is loaded); :meth:`problem` fills one in for a message field.
    problems: ClassVar[dict[str, tuple[str, ...]]] = {}
    fixable: ClassVar[bool] = False
    # May this kind's fixes change letters or Chinese characters? Only for correcting a
    # quoted name to its exact canonical form (official-title); see fixer.py.
    fixes_words: ClassVar[bool] = False
    # Does this kind segment words with jieba? (A worker process preloads the
    # dictionary when one does.)
    needs_words: ClassVar[bool] = False

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.opts: dict[str, Any] = rule.options

    def check(self, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def problem(self, code: str, **fields: Any) -> str:
        """The rule's text for the problem ``code``, its ``{fields}`` filled in."""
        return readable(self.rule.messages[code], fields).format_map(_SafeFields(fields))

    def finding(
        self,
        ctx: Context,
        start: int,
        end: int,
        *,
        fix: str | None = None,
        data: dict[str, Any] | None = None,
        **fields: Any,
    ) -> Finding:
        message = readable(self.rule.message, fields).format_map(_SafeFields(fields))
        return ctx.doc.finding(
            self.rule.id, self.rule.severity, start, end, message, fix=fix, data=data
        )

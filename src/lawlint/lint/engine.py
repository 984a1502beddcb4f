"""The lint engine: packs → checks; source → document → findings.

Data flows one way: a :class:`~lawlint.input.reader.Source` becomes a
:class:`~lawlint.model.document.Document` once, every enabled check reads it through a
shared :class:`~lawlint.checks.Context`, the findings the draft's own directives
suppress are dropped (:mod:`lawlint.lint.suppress`), and the rest come back sorted by
position. Nothing here prints; the CLI and formatters do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lawlint.checks import Check, Context, kinds
from lawlint.checks.options import OptionError
from lawlint.errors import InputError, PackError
from lawlint.findings import Finding
from lawlint.input.reader import read_source, source_from_bytes
from lawlint.input.source import Source
from lawlint.lint.results import FileResult
from lawlint.lint.suppress import apply as apply_directives
from lawlint.model.document import Document
from lawlint.model.rules import Pack, Rule
from lawlint.model.sections import SectionSpec
from lawlint.spans import Covering

__all__ = ["FileOverrides", "FileResult", "Linter", "build_check"]


@dataclass(frozen=True, slots=True)
class FileOverrides:
    """Per-file settings (the configuration's ``per-file``): rules not run on this
    file, and rule id → severity for its findings."""

    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, str] = field(default_factory=dict)
    #: last year's report to compare with (``--previous``, ``previous:``), if any
    previous: str | None = None


class Linter:
    """Checks built once from the packs' rules; lint any number of sources."""

    def __init__(
        self,
        packs: Sequence[Pack],
        rules: Sequence[Rule] | None = None,
        *,
        report_year: int | None = None,
        level: str | None = None,
        title: str | None = None,
        report_unused_directives: bool = False,
    ) -> None:
        self.packs = list(packs)
        self.rules = list(rules) if rules is not None else [r for p in packs for r in p.rules]
        self.section_specs: tuple[SectionSpec, ...] = tuple(s for p in packs for s in p.sections)
        self.report_year = report_year
        self.level = level
        self.title = title
        self.report_unused_directives = report_unused_directives
        # Directives may name any loaded rule, enabled or not.
        self.known_ids = frozenset(r.id for p in packs for r in p.rules)
        self._validate_scopes()
        self.checks: list[Check] = [build_check(r, self._pack_path(r)) for r in self.rules]
        self._supersedes = {r.id: frozenset(r.supersedes) for r in self.rules if r.supersedes}

    def _pack_path(self, rule: Rule) -> str:
        return next((p.path for p in self.packs if rule in p.rules), rule.pack)

    def _validate_scopes(self) -> None:
        keys = {s.key for s in self.section_specs} | {"title"}
        for rule in self.rules:
            for option in ("scope", "required", "skip"):
                for key in rule.options.get(option) or ():
                    if key not in keys:
                        raise PackError(
                            f"{option} 中的部分“{key}”未在任何规则包的 sections 中定义",
                            f"{option} names a part {key!r} that no pack's 'sections' defines",
                            path=self._pack_path(rule),
                            rule=rule.id,
                            key=option,
                        )

    def lint_document(
        self,
        doc: Document,
        overrides: FileOverrides | None = None,
        previous: Document | None = None,
    ) -> list[Finding]:
        return self._run(doc, overrides, previous)[0]

    def _run(
        self, doc: Document, overrides: FileOverrides | None, previous: Document | None = None
    ) -> tuple[list[Finding], int, dict[str, Any]]:
        """The findings that remain after the draft's directives, how many of them the
        directives suppressed, and what the year-over-year checks counted (the batch
        table's figures); ``previous``: last year's report, if any."""
        ctx = Context(doc, self.section_specs, self.report_year, self.level, self.title, previous)
        skip = overrides.ignore if overrides else frozenset()
        findings: list[Finding] = []
        for check in self.checks:
            if check.rule.id not in skip:
                findings.extend(check.check(ctx))
        findings = _superseded(findings, self._supersedes)
        if overrides and overrides.severity:
            for f in findings:
                f.severity = overrides.severity.get(f.rule, f.severity)
        result = apply_directives(
            doc, findings, self.known_ids, report_unused=self.report_unused_directives
        )
        result.findings.sort(key=Finding.sort_key)
        return result.findings, result.suppressed, ctx.yoy

    def lint_source(self, source: Source) -> list[Finding]:
        return self.lint_document(Document(source))

    def lint(self, source: Source, overrides: FileOverrides | None = None) -> FileResult:
        doc = Document(source)
        previous = None
        if overrides is not None and overrides.previous is not None:
            try:
                previous = read_previous(overrides.previous)
            except InputError as exc:
                return FileResult(source.path, error=exc)
        findings, suppressed, yoy = self._run(doc, overrides, previous)
        result = FileResult.of(doc, findings, suppressed=suppressed)
        result.yoy = yoy or None
        return result

    @property
    def needs_words(self) -> bool:
        """Does any check segment words (so a worker should load the dictionary)?"""
        return any(check.needs_words for check in self.checks)

    def lint_text(
        self, text: str, path: str = "<text>", *, markdown: bool = False
    ) -> list[Finding]:
        """Lint a string (tests, examples, editors). A text holding two reports marked
        【上年报告】 and 【本年报告】 (a year-over-year rule's example) is this year's
        report linted beside last year's (:mod:`lawlint.yoy.pair`)."""
        from lawlint.yoy.pair import split_pair

        current, before = split_pair(text)
        source = source_from_bytes(current.encode("utf-8"), path, markdown=markdown)
        if before is None:
            return self.lint_source(source)
        previous = source_from_bytes(before.encode("utf-8"), path, markdown=markdown)
        return self.lint_document(Document(source), None, Document(previous))

    def lint_path(
        self,
        path: str,
        *,
        stdin_name: str | None = None,
        overrides: FileOverrides | None = None,
    ) -> FileResult:
        try:
            source = read_source(path, stdin_name=stdin_name)
        except InputError as exc:
            return FileResult(path, error=exc)
        return self.lint(source, overrides)


def _superseded(findings: list[Finding], supersedes: Mapping[str, frozenset[str]]) -> list[Finding]:
    """Drop the findings another finding's rule ``supersedes`` within its span."""
    spans: dict[str, list[tuple[int, int]]] = {}  # superseded rule -> covering spans
    for f in findings:
        for rule in supersedes.get(f.rule, ()):
            spans.setdefault(rule, []).append((f.start, f.end))
    if not spans:
        return findings
    # one index per superseded rule: a lookup per finding, not a scan of the others
    covering = {rule: Covering(s) for rule, s in spans.items()}
    return [
        g for g in findings if g.rule not in covering or not covering[g.rule].covers(g.start, g.end)
    ]


def read_previous(path: str) -> Document:
    """Last year's report (``--previous``): read as any draft is (.txt, .md, .docx); an
    error says it is last year's report that cannot be read, naming the file."""
    try:
        return Document(read_source(path))
    except InputError as exc:
        raise InputError(
            f"上年报告（--previous）无法读取：{exc.zh}",
            f"last year's report (--previous) cannot be read: {exc.en}",
            path=exc.path or path,
        ) from None


def build_check(rule: Rule, pack_path: str) -> Check:
    try:
        return kinds()[rule.kind](rule)
    except OptionError as exc:
        zh, en = exc.zh, exc.en
        raise PackError(zh, en, path=pack_path, rule=rule.id) from None

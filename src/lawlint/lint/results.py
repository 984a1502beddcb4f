"""One file's outcome, as the runner, the cache and the formatters pass it around.

Kept apart from the engine so that a run served entirely from the result cache never
imports the checks, the document model or jieba.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lawlint.errors import LawlintError
from lawlint.findings import Finding, Tally, pack, unpack

if TYPE_CHECKING:
    from lawlint.input.source import Source
    from lawlint.lint.stats import FigureShare
    from lawlint.model.document import Document


class FileResult:
    """One file's outcome.

    ``findings`` may be given as objects or as :func:`~lawlint.findings.pack`'s text
    (``packed``), as a worker process or the result cache hands them over; packed findings
    are decoded on first use, so a result that only goes to the cache or whose report part
    a worker already ``rendered`` is never decoded; with them comes their ``tally``
    (counts by severity, missing parts), so the exit code, the summary and the batch
    table need no decoding either.
    ``document`` is built from ``source`` on first use: a result served from the cache has
    findings and source but no document until a formatter asks for one.
    """

    __slots__ = (
        "_document",
        "_findings",
        "_packed",
        "_tally",
        "cached",
        "error",
        "fail_on",
        "figures",
        "path",
        "rendered",
        "source",
        "suppressed",
        "yoy",
    )

    def __init__(
        self,
        path: str,
        findings: list[Finding] | None = None,
        *,
        error: LawlintError | None = None,
        source: Source | None = None,
        suppressed: int = 0,
        fail_on: str | None = None,
        cached: bool = False,
        packed: str | None = None,
        tally: Tally | None = None,
        rendered: tuple[str, str] | None = None,
        figures: FigureShare | None = None,
        document: Document | None = None,
    ) -> None:
        self.path = path
        self._findings = findings if findings is not None or packed is not None else []
        self._packed = packed
        self._tally = None if findings is not None else tally
        self.error = error
        self.source = source
        self.suppressed = suppressed  # findings silenced by the draft's lawlint directives
        self.fail_on = fail_on  # the file's configured ``fail-on``, if any
        self.cached = cached  # served from the result cache
        #: ``(format, text)``: this file's part of a report in that format, if rendered
        #: where it was linted (see ``formatters.renderer``)
        self.rendered = rendered
        #: the figures of its ``measures`` part, when counted where it was linted
        self.figures = figures
        #: what the year-over-year checks counted, when last year's report was given:
        #: "plans" (traced, items), "reused" part → (characters reused, characters)
        self.yoy: dict[str, Any] | None = None
        self._document = document

    @classmethod
    def of(cls, doc: Document, findings: list[Finding], **kwargs: Any) -> FileResult:
        return cls(doc.path, findings, source=doc.source, document=doc, **kwargs)

    @classmethod
    def without_findings(cls, path: str, tally: Tally, **kwargs: Any) -> FileResult:
        """A result whose findings were not kept, only their :class:`Tally`: one whose
        report part was rendered where it was linted, for a caller that will not read
        them (see :meth:`release`)."""
        result = cls(path, **kwargs)
        result._findings, result._tally = None, tally
        return result

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            if self._packed is None:
                raise RuntimeError(f"{self.path}: findings read after release()")
            self._findings = unpack(self._packed, self.path)
        return self._findings

    @property
    def packed(self) -> str:
        """The findings as :func:`~lawlint.findings.pack` text."""
        if self._packed is None:
            self._packed = pack(self.findings)
        return self._packed

    @property
    def tally(self) -> Tally:
        """Counts by severity and missing parts; known without decoding packed findings
        when whoever packed them said (``tally``)."""
        if self._findings is not None or self._tally is None:
            return Tally.of(self.findings)
        return self._tally

    @property
    def worst(self) -> str | None:
        """The most severe severity among the findings (None when there are none)."""
        return self.tally.worst

    def release(self) -> None:
        """Keep only what is needed once this file's part of a report is written: the
        tally of the findings (exit code, summary, batch table) — no findings, no document.
        A streamed batch calls it for each file, so a long batch holds neither 1,000
        documents nor their findings as objects (memory, and the collector's time)."""
        self._tally = self.tally
        self._findings = self._packed = None
        self._document = None
        self.rendered = None

    def rendered_as(self, fmt: str) -> str | None:
        """This file's part of a ``fmt`` report, if it was rendered already."""
        if self.rendered is not None and self.rendered[0] == fmt:
            return self.rendered[1]
        return None

    @property
    def document(self) -> Document | None:
        if self._document is None and self.source is not None:
            from lawlint.model.document import Document

            self._document = Document(self.source)
        return self._document

    def __repr__(self) -> str:
        return f"FileResult({self.path!r}, error={self.error!r}, suppressed={self.suppressed})"

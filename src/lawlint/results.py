"""One file's outcome, as the runner, the cache and the formatters pass it around.

Kept apart from the engine so that a run served entirely from the result cache never
imports the checks, the document model or jieba.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import LawlintError
from .findings import Finding

if TYPE_CHECKING:
    from .document import Document
    from .reader import Source


@dataclass(slots=True)
class FileResult:
    """One file's outcome. ``document`` is built from ``source`` on first use: a result
    served from the cache has findings and source but no document until a formatter
    asks for one."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: LawlintError | None = None
    source: Source | None = None
    suppressed: int = 0  # findings silenced by the draft's lawlint directives
    fail_on: str | None = None  # the file's configured ``fail-on``, if any
    cached: bool = False  # served from the result cache
    _document: Document | None = field(default=None, repr=False)

    @classmethod
    def of(cls, doc: Document, findings: list[Finding], **kwargs: object) -> FileResult:
        return cls(doc.path, findings, source=doc.source, _document=doc, **kwargs)  # type: ignore[arg-type]

    @property
    def document(self) -> Document | None:
        if self._document is None and self.source is not None:
            from .document import Document

            self._document = Document(self.source)
        return self._document

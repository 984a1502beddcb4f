"""Figures for the batch review: how many sentences of a report's ``measures`` part
(主要举措和成效) give a number.

A reviewer reading twenty towns' drafts looks first at whether the achievements are
quantified. This is a plain count — a sentence "has a figure" when it holds an Arabic
digit — over the body sentences (not headings) of the sections recognised as
``measures``. It reads the Document and the pack's section specs, not findings, so
the batch table does not depend on which rules ran.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .sections import SectionIndex

if TYPE_CHECKING:
    from .document import Document
    from .sections import SectionSpec

_FIGURE = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class FigureShare:
    sentences: int
    with_figures: int

    @property
    def share(self) -> float | None:
        """``with_figures / sentences``, or None when the part has no sentence."""
        return self.with_figures / self.sentences if self.sentences else None


def figure_share(
    doc: Document, specs: tuple[SectionSpec, ...], key: str = "measures"
) -> FigureShare:
    """Body sentences of the part ``key`` and how many of them hold a digit."""
    spans = SectionIndex(doc, specs).spans(key)
    sentences = [
        s for s in doc.sentences if not s.in_heading and any(lo <= s.start < hi for lo, hi in spans)
    ]
    with_figures = sum(1 for s in sentences if _FIGURE.search(doc.text, s.start, s.end))
    return FigureShare(len(sentences), with_figures)

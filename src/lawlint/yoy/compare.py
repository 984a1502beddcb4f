"""This year's document beside last year's: the parts, plan tracing and reused text.

Both documents are read as the rest of lawlint reads them (:class:`Document`, the packs'
sections through :class:`SectionIndex`), so "the measures part" and "the plans part" are
what ``section-missing`` sees. Lines every report repeats by design — the title, standalone
headings, short heading-like lines and web-page chrome — are blanked before comparing, so
positions stay exact and they never count as reused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from lawlint.model.sections import SectionIndex, SectionSpec
from lawlint.yoy.plans import (
    STOPWORDS,
    THRESHOLD,
    PlanItem,
    Trace,
    numbered_items,
    trace_plans,
)
from lawlint.yoy.reuse import COVERAGE, NGRAM, SIMILARITY, Phrase, Reuse, find_reused, normalise
from lawlint.yoy.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from lawlint.model.document import Document

MAX_ITEMS = 100  # last year's plan items traced at most

#: the parts whose reused share is reported, in the report's order
PARTS = ("measures", "first-responsible", "shortcomings", "plans")

_PLAN_WORDS = re.compile(r"将|要|拟|推进|加强|深化|持续|完善|健全|落实|推动|开展|提升|强化")


@dataclass(frozen=True)
class Located:
    """A sentence of a document with its offsets."""

    sentence: Sentence
    start: int
    end: int


@dataclass(frozen=True)
class ReusedSentence:
    reuse: Reuse
    start: int  # offsets in this year's document
    end: int
    part: str | None  # the part of the report holding it


@dataclass
class ReuseResult:
    sentences: list[ReusedSentence] = field(default_factory=list)
    #: part → (normalised characters reused, normalised characters judged)
    shares: dict[str, tuple[int, int]] = field(default_factory=dict)


def body_text(doc: Document) -> str:
    """``doc``'s text with the lines every report repeats blanked (same length)."""
    skip = set(doc.title_lines) | set(doc.chrome)
    skip |= {h.line for h in doc.headings if h.standalone}
    skip |= {label.line for label in doc.labels}
    lines = list(doc.text.split("\n"))
    for n in skip:
        if 0 < n <= len(lines):
            lines[n - 1] = " " * len(lines[n - 1])
    return "\n".join(lines)


def located(doc: Document, text: str | None = None) -> list[Located]:
    """The sentences of ``doc`` (or of ``text``, a same-length copy of its text)."""
    out = []
    for s in split_sentences(doc.text if text is None else text):
        start = doc.line_starts[s.line - 1] + s.column - 1
        out.append(Located(s, start, start + len(s.text)))
    return out


class _Parts:
    """Which part of the report holds an offset: the first of ``keys`` (in order) whose
    spans hold it. A report has a few dozen spans, so a scan per sentence is cheap."""

    def __init__(self, index: SectionIndex, keys: Sequence[str] = PARTS) -> None:
        self._spans = [(a, b, key) for key in keys for a, b in index.spans(key)]

    def of(self, offset: int) -> str | None:
        return next((key for a, b, key in self._spans if a <= offset < b), None)


class Pair:
    """This year's document and last year's, with what both comparisons read computed
    once: each one's parts, its text with the repeated lines blanked, its sentences."""

    def __init__(
        self,
        doc: Document,
        previous: Document,
        specs: tuple[SectionSpec, ...],
        report_year: int | None = None,
        previous_year: int | None = None,
        *,
        index: SectionIndex | None = None,
    ) -> None:
        self.doc = doc
        self.previous = previous
        self.specs = specs
        self.report_year = report_year
        self.previous_year = previous_year
        self._index = index  # the checks' own index of this year's document

    @cached_property
    def index(self) -> SectionIndex:
        return self._index or SectionIndex(self.doc, self.specs, self.report_year)

    @cached_property
    def previous_index(self) -> SectionIndex:
        return SectionIndex(self.previous, self.specs, self.previous_year)

    @cached_property
    def body(self) -> str:
        return body_text(self.doc)

    @cached_property
    def previous_body(self) -> str:
        return body_text(self.previous)

    @cached_property
    def sentences(self) -> list[Located]:
        return located(self.doc, self.body)

    @cached_property
    def previous_sentences(self) -> list[Located]:
        return located(self.previous, self.previous_body)


def compare_reuse(
    pair: Pair,
    *,
    boilerplate: Sequence[Phrase] = (),
    boilerplate_sentences: Sequence[re.Pattern[str]] = (),
    ngram: int = NGRAM,
    coverage: float = COVERAGE,
    similarity: float = SIMILARITY,
) -> ReuseResult:
    """The sentences of this year's report repeated from last year's and each part's
    reused share."""
    found = find_reused(
        pair.body,
        pair.previous_body,
        boilerplate,
        ngram,
        skip_sentences=boilerplate_sentences,
        coverage=coverage,
        similarity=similarity,
    )
    parts = _Parts(pair.index)
    result = ReuseResult()
    reused = {(r.sentence.line, r.sentence.column): r for r in found}
    totals: dict[str, list[int]] = {key: [0, 0] for key in PARTS}
    for loc in pair.sentences:
        part = parts.of(loc.start)
        reuse = reused.get((loc.sentence.line, loc.sentence.column))
        if reuse is not None:
            result.sentences.append(ReusedSentence(reuse, loc.start, loc.end, part))
        if part is None or any(p.search(loc.sentence.text) for p in boilerplate_sentences):
            continue
        size = len(normalise(loc.sentence.text, boilerplate))
        totals[part][1] += size
        if reuse is not None:
            totals[part][0] += size
    result.shares = {key: (r, t) for key, (r, t) in totals.items() if t}
    return result


@dataclass
class PlanResult:
    traces: list[Trace] = field(default_factory=list)
    #: offsets in this year's document of each trace's best sentence (None: no match)
    best_at: list[tuple[int, int] | None] = field(default_factory=list)
    threshold: float = THRESHOLD

    @property
    def traced(self) -> int:
        return sum(1 for t in self.traces if t.score >= self.threshold)


def previous_plan_items(previous: Document, index: SectionIndex) -> list[PlanItem]:
    """The items of last year's plans part: numbered items (an item may be a heading
    line with its body below it), else its plan sentences."""
    text = previous.text
    pieces: list[tuple[int, int, str]] = []  # (line, column offset, text)
    for a, b in index.spans("plans"):
        line = previous.line_index(a)
        while line < len(previous.lines) and previous.line_starts[line] < b:
            start = max(a, previous.line_starts[line])
            end = min(b, previous.line_starts[line] + len(previous.lines[line]))
            col0 = start - previous.line_starts[line]
            pieces.append((line + 1, col0, text[start:end]))
            line += 1
    items = numbered_items((n, piece) for n, _, piece in pieces)
    if items:
        shift = {n: col0 for n, col0, _ in pieces}
        return [PlanItem(i.text, i.line, i.column + shift[i.line]) for i in items]
    out = []
    for n, col0, piece in pieces:
        for s in split_sentences(piece):
            if _PLAN_WORDS.search(s.text) and len(s.text) > 6:
                out.append(PlanItem(s.text, n, s.column + col0))
    return out


def compare_plans(
    pair: Pair,
    *,
    threshold: float = THRESHOLD,
    stopwords: frozenset[str] = STOPWORDS,
    synonyms: Mapping[str, str] | None = None,
) -> PlanResult:
    """Last year's plan items traced to this year's measures sentences."""
    # items × sentences comparisons: a plans part of thousands of "items" (a pasted
    # table) must not make a run quadratic; real plans have fewer than 30
    items = previous_plan_items(pair.previous, pair.previous_index)[:MAX_ITEMS]
    if not items:
        return PlanResult(threshold=threshold)
    index = pair.index
    if index.spans("measures"):
        inside = _Parts(index, ("measures",))
        measures = [loc for loc in pair.sentences if inside.of(loc.start) is not None]
    else:  # no measures part found: whatever is not the plans part
        plans = _Parts(index, ("plans",))
        measures = [loc for loc in pair.sentences if plans.of(loc.start) is None]
    context = [loc.sentence.text for loc in (*pair.sentences, *pair.previous_sentences)]
    traces = trace_plans(
        items,
        [loc.sentence for loc in measures],
        synonyms,
        context=context,
        stopwords=stopwords,
    )
    where = {(loc.sentence.line, loc.sentence.column): (loc.start, loc.end) for loc in measures}
    best_at = [None if t.best is None else where[(t.best.line, t.best.column)] for t in traces]
    return PlanResult(traces, best_at, threshold)

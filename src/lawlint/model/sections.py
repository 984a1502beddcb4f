"""Recognising the report's required parts, whatever the draft calls them.

Real reports rename and reorder the parts ("主要举措和成效", "主要工作和成效",
"2022年主要工作"; 第一责任人 first, or as a （一） sub-section), so a pack describes each
part by patterns, not exact words (《法治政府建设与责任落实督察工作规定》 prescribes the parts):

- ``heading``: regexes matched against headings at any level, and against short
  unnumbered lines used as headings ("主要工作");
- ``content``: regexes matched where a part written without a heading of its own
  begins — the first sentence of a paragraph, the first sentence after a run-in
  heading ("3.压实法治责任。严格落实……第一责任人职责"), an item opening with 一是/二是 —
  never inside a quoted title 《…》. Such a part's text runs from its opening to the
  next heading at the level of the section holding it (or above), or to where another
  part begins, and is cut out of the part around it;
- ``content_anywhere``: regexes matched against every sentence after the first
  heading (not the preamble, not inside 《…》) — for a part that real reports often
  give as a sentence within another part (the principal leader's duty);
- ``cited_titles``: regexes matched against the same sentences with their 《…》 titles
  kept — for a part a report gives as applying a document ("严格执行《党政主要负责人
  履行推进法治建设第一责任人职责规定》");
- ``unclaimed: true``: when no heading names the part, the top-level sections that
  no other part claims are this part (reports organised by theme: "一、坚持依法决策",
  "二、深化执法改革" … are their 主要举措和成效). A report with no top-level heading at
  all, its themes written as paragraphs of enumerated items ("始终坚持……。一是……二是……"),
  has this part in those paragraphs (see :attr:`SectionIndex.by_items`).

A pattern with a group named ``next_year`` matches only where that group, when it
takes part in the match, is the year after the report year: "2024年重点工作" is the
plans of a 2023 report, while "2023年主要工作" is its measures. Without a known report
year the group never matches.

A heading belongs to the first spec (in pack order) whose pattern it matches, so
narrow parts (第一责任人, 不足) are listed before broad ones (举措/工作情况) — and to
more than one when it joins parts with 和/及/与 or a comma and its pieces name two or more
("存在的不足和2024年工作安排" is the shortcomings and the plans).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from lawlint.input.markup import blank_titles
from lawlint.numbering import parse_marker
from lawlint.spans import SpanIndex, subtract, union

if TYPE_CHECKING:
    from lawlint.model.document import Document, Section, Sentence

# "一是……；二是……": an enumerated item, up to the end of its clause group.
_ITEM = re.compile(r"[一二三四五六七八九十]是[^；;。！？]*")
# a paragraph opening with an enumerated item: "一是县委、县政府主要领导……"
_ITEM_OPENING = re.compile(r"[ \u3000\u00a0\t•·*]*[一二三四五六七八九十]是")
_ITEM_NUMBER = re.compile(r"([一二三四五六七八九十])是")
_ITEM_HEAD = re.compile(r"^[一二三四五六七八九十]是[^，,；;]{0,24}[。！]$")
# Where a heading joins parts ("存在的问题和下一步工作打算"); not 及时.
# pieces of a heading that joins parts: "存在的不足和2024年工作安排"; also a comma, as in
# a department's heading after the 督察工作规定's wording "……第一责任人职责情况，加强法治
# 政府建设的有关情况" (the principal leader's duty and the measures)
_JOIN = re.compile(r"以及|及(?!时)|和|与|[，,；;]")

# A page copied from a web site can arrive flattened into one long line, its headings
# standing inside the line after a sentence end or a colon, often with the space left
# where a line break was ("……提供法治保障。 一、2024年度法治政府建设情况 （一）发挥……").
# Such inline headings are looked for only in a document without a numbered heading at a
# line start, and only in lines of at least FLAT_LINE characters: a report laid out in
# lines is read exactly as before.
FLAT_LINE = 300
_INLINE_AT = re.compile(r"[。！？：:；;][ \u3000\u00a0\t]*(?=[一二三四五六七八九十（(])")
# an inline heading's text ends at a sentence end, a space (the lost line break) or the
# next bracketed marker; a longer stretch is prose, not a heading
_INLINE_END = re.compile(r"[。！？；;：:\s]|[（(][一二三四五六七八九十]{1,3}[）)]")
MAX_INLINE = 40


@dataclass(frozen=True, slots=True)
class InlineHeading:
    """A level-1 or level-2 heading inside a flattened line: where its marker starts,
    where its text ends (its body runs from there) and that text."""

    level: int
    start: int
    text_end: int
    text: str


@dataclass(frozen=True, slots=True)
class SectionSpec:
    key: str
    name: str
    heading: tuple[re.Pattern[str], ...] = ()
    content: tuple[re.Pattern[str], ...] = ()
    unclaimed: bool = False
    content_anywhere: tuple[re.Pattern[str], ...] = ()
    cited_titles: tuple[re.Pattern[str], ...] = ()

    def matches_heading(self, text: str, year: int | None = None) -> bool:
        return any(_matches(p, text, year) for p in self.heading)

    def matches_content(self, text: str, year: int | None = None) -> bool:
        return any(_matches(p, text, year) for p in self.content)

    def matches_anywhere(self, text: str, year: int | None = None) -> bool:
        return any(_matches(p, text, year) for p in self.content_anywhere)

    def matches_cited(self, text: str) -> bool:
        """Does the sentence ``text`` (titles kept) apply a document that is this part?"""
        return any(p.search(text) is not None for p in self.cited_titles)


def _matches(pattern: re.Pattern[str], text: str, year: int | None) -> bool:
    """Does ``pattern`` match ``text``? With a group ``next_year``, a match where that
    group takes part counts only if it is ``year + 1``; matches at every start are
    tried ("2023年工作回顾和2024年重点任务")."""
    if "next_year" not in pattern.groupindex:
        return pattern.search(text) is not None
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        found = m.group("next_year")
        if found is None or (year is not None and int(found) == year + 1):
            return True
        pos = m.start() + 1
    return False


class SectionIndex:
    """Which parts a document has, and where (computed once per document)."""

    def __init__(
        self, doc: Document, specs: tuple[SectionSpec, ...], report_year: int | None = None
    ) -> None:
        self.doc = doc
        self.specs = {s.key: s for s in specs}
        self._order = specs
        # the configuration's year, else the title's (as Context.report_year)
        self.year = report_year if report_year is not None else doc.report_year

    def classify(self, text: str) -> tuple[str, ...]:
        """The parts a heading names: the first whose pattern it matches, and, when its
        pieces joined by 和/及/与 name two or more parts, each of those."""
        keys = [self._first(text)]
        pieces = [self._first(piece) for piece in _JOIN.split(text)]
        if len(set(pieces) - {None}) > 1:
            keys.extend(pieces)
        return tuple(s.key for s in self._order if s.key in keys)

    def _first(self, text: str) -> str | None:
        for spec in self._order:
            if spec.matches_heading(text, self.year):
                return spec.key
        return None

    @cached_property
    def by_heading(self) -> dict[str, list[Section]]:
        """Sections whose heading names a part; a part nested in a section of the same
        part (a sub-heading repeating the word) is not counted again."""
        keys: dict[int, tuple[str, ...]] = {}
        found: dict[str, list[Section]] = {}
        for sec in self.doc.sections[1:]:
            assert sec.heading is not None
            keys[sec.index] = self.classify(sec.heading.text)
            for key in keys[sec.index]:
                if not self._inside(sec, key, keys):
                    found.setdefault(key, []).append(sec)
        for spec in self._order:
            if spec.unclaimed and spec.key not in found:
                top = [
                    sec
                    for sec in self.doc.sections[1:]
                    if sec.parent is None and not keys.get(sec.index)
                ]
                if top:
                    found[spec.key] = top
        return found

    def _inside(self, sec: Section, key: str, keys: dict[int, tuple[str, ...]]) -> bool:
        parent = sec.parent
        while parent is not None:
            if key in keys.get(parent, ()):
                return True
            parent = self.doc.sections[parent].parent
        return False

    @cached_property
    def by_label(self) -> dict[str, list[tuple[int, int]]]:
        """Spans started by unnumbered heading-like lines, up to the next such line or
        top-level heading."""
        out: dict[str, list[tuple[int, int]]] = {}
        labels = [lb for lb in self.doc.labels if lb.line not in self.doc.chrome]
        tops = [self.doc.line_starts[h.line - 1] for h in self.doc.headings if h.level <= 1]
        unclaimed: list[tuple[int, int]] = []
        for i, label in enumerate(labels):
            # the first top-level heading after the label (tops are in document order)
            k = bisect.bisect_right(tops, label.start)
            ends = tops[k : k + 1]
            if i + 1 < len(labels):
                ends.append(labels[i + 1].start)
            span = (label.start, min(ends, default=len(self.doc.text)))
            keys = self.classify(label.text)
            if not keys:
                unclaimed.append(span)
            for key in keys:
                out.setdefault(key, []).append(span)
        # a report without numbered headings, organised by unnumbered theme lines
        if unclaimed and not tops:
            for spec in self._order:
                if spec.unclaimed and spec.key not in out and spec.key not in self.by_heading:
                    out[spec.key] = unclaimed
        return out

    @cached_property
    def by_content(self) -> set[str]:
        found = {key for _, _, keys in self._matched_openings for key in keys}
        anywhere = [
            s for s in self._order if (s.content_anywhere or s.cited_titles) and s.key not in found
        ]
        if anywhere:
            doc = self.doc
            for sentence in doc.sentences:
                if sentence.start < self._first_heading and not self._reports_items(sentence):
                    continue  # the preamble announces the report, it does not report
                raw = doc.text[sentence.start : sentence.end]
                text = blank_titles(raw)
                for spec in anywhere:
                    if spec.matches_anywhere(text, self.year) or spec.matches_cited(raw):
                        found.add(spec.key)
        return found

    def _reports_items(self, sentence: Sentence) -> bool:
        """Is ``sentence`` in a paragraph of enumerated items ("一是……"), which reports work
        even above the first heading the document found (set Z16: a part's heading kept
        as a bullet "•", its items then read as the preamble)?"""
        p = self.doc.paragraphs[sentence.paragraph]
        return _ITEM_OPENING.match(self.doc.text, p.start) is not None

    @cached_property
    def by_opening(self) -> dict[str, list[tuple[int, int]]]:
        """Spans of the parts recognised where they open, without a heading of their
        own: from the opening to the end of the innermost section holding it (the next
        heading at its level or above), or to where another part begins first (an
        opening or a heading of another part). Openings in headings (their sections are
        the heading's business) and in the preamble (which announces the report) open
        no span."""
        starts = [(start, keys) for start, in_heading, keys in self._matched_openings]
        starts.extend((sec.start, (k,)) for k, secs in self.by_heading.items() for sec in secs)
        starts.extend((a, (k,)) for k, spans in self.by_label.items() for a, _ in spans)
        starts.extend((a, (k,)) for k, spans in self.by_inline.items() for a, _ in spans)
        starts.sort()
        # per part, where another part begins: the next one after an opening is a bisect
        others: dict[str, list[int]] = {}
        out: dict[str, list[tuple[int, int]]] = {}
        for start, in_heading, keys in self._matched_openings:
            if in_heading or start < self._first_heading:
                continue
            limit = self.doc.section_of(start).end
            for key in keys:
                if key not in others:
                    others[key] = [b for b, bk in starts if key not in bk]
                after = others[key]
                k = bisect.bisect_right(after, start)
                end = after[k] if k < len(after) and after[k] < limit else limit
                out.setdefault(key, []).append((start, end))
        return out

    @cached_property
    def _first_heading(self) -> int:
        doc = self.doc
        return doc.line_starts[doc.headings[0].line - 1] if doc.headings else 0

    @cached_property
    def _matched_openings(self) -> list[tuple[int, bool, tuple[str, ...]]]:
        """(offset, in a heading, parts whose content pattern matches) of each opening
        that names a part."""
        out = []
        for start, in_heading, text in self._openings():
            keys = tuple(s.key for s in self._order if s.matches_content(text, self.year))
            if keys:
                out.append((start, in_heading, keys))
        return out

    def _openings(self) -> list[tuple[int, bool, str]]:
        """Where a part without a heading begins: each paragraph's first sentence (the
        one after a run-in heading too) and each 一是/二是 item, as (offset, in a
        heading, text with titles 《…》 blanked)."""
        doc = self.doc
        out: list[tuple[int, bool, str]] = []
        previous: int | None = None
        run_in = False
        titles = SpanIndex(doc.quoted_titles)
        for s in doc.sentences:
            text = blank_titles(doc.text[s.start : s.end])
            if s.paragraph != previous or run_in:
                out.append((s.start, s.in_heading, text))
            # after a run-in heading or a short item heading ("三是提升法治素养。"),
            # the next sentence is where the item's content begins
            run_in = (s.paragraph != previous and s.in_heading) or bool(_ITEM_HEAD.match(text))
            previous = s.paragraph
            for m in _ITEM.finditer(doc.text, s.start, s.end):
                if m.start() not in titles:
                    out.append((m.start(), s.in_heading, blank_titles(m.group(0))))
        return out

    @cached_property
    def inline_headings(self) -> list[InlineHeading]:
        """The headings inside the long lines of a flattened page (see FLAT_LINE); none
        when any line starts with a numbered heading."""
        doc = self.doc
        if any(h.marker is not None for h in doc.headings):
            return []
        out: list[InlineHeading] = []
        for i, line in enumerate(doc.lines):
            if len(line) < FLAT_LINE or (i + 1) in doc.chrome:
                continue
            base = doc.line_starts[i]
            for m in _INLINE_AT.finditer(line):
                marker = parse_marker(line, m.end())
                if marker is None or marker.level > 2:
                    continue
                text_start = m.end() + marker.length
                end = _INLINE_END.search(line, text_start, text_start + MAX_INLINE + 1)
                if end is None or end.start() - text_start < 2:
                    continue
                text = line[text_start : end.start()]
                out.append(InlineHeading(marker.level, base + m.end(), base + end.start(), text))
        return out

    @cached_property
    def by_inline(self) -> dict[str, list[tuple[int, int]]]:
        """Body spans of the parts named by inline headings: from the heading's text to
        the next inline heading at its level or above, or the end of its line. As with
        numbered headings, when no inline heading names the ``unclaimed`` part, the
        top-level inline headings no other part claims are that part."""
        doc = self.doc
        heads = self.inline_headings
        out: dict[str, list[tuple[int, int]]] = {}
        unclaimed: list[tuple[int, int]] = []
        top = min((h.level for h in heads), default=1)
        for i, head in enumerate(heads):
            line = doc.line_index(head.start)
            end = doc.line_starts[line] + len(doc.lines[line])
            # the next heading at this level or above (no slice: a long run of inline
            # headings must not cost a copy each)
            j = i + 1
            while j < len(heads) and heads[j].start < end:
                if heads[j].level <= head.level:
                    end = heads[j].start
                    break
                j += 1
            keys = self.classify(blank_titles(head.text))
            if not keys and head.level == top:
                unclaimed.append((head.text_end, end))
            for key in keys:
                out.setdefault(key, []).append((head.text_end, end))
        for spec in self._order:
            if spec.unclaimed and unclaimed and spec.key not in out:
                out[spec.key] = unclaimed
        return out

    @cached_property
    def by_items(self) -> dict[str, list[tuple[int, int]]]:
        """A report laid out without headings ("始终坚持……。一是……。二是……。三是……"):
        when the text has no top-level heading (numbered, unnumbered label or inline)
        and nothing names the ``unclaimed`` part, the paragraphs that enumerate items
        from 一是 through 二是 and in which no other part opens are that part. A
        paragraph of items where the shortcomings or plans open is theirs."""
        doc = self.doc
        if any(h.level <= 1 for h in doc.headings) or self.inline_headings:
            return {}
        specs = [
            s
            for s in self._order
            if s.unclaimed
            and s.key not in self.by_heading
            and s.key not in self.by_label
            and s.key not in self.by_inline
        ]
        if not specs:
            return {}
        titles = SpanIndex(doc.quoted_titles)
        out: dict[str, list[tuple[int, int]]] = {}
        for spec in specs:
            opened = sorted(a for a, _, keys in self._matched_openings if spec.key not in keys)
            for para in doc.paragraphs:
                k = bisect.bisect_left(opened, para.start)
                if k < len(opened) and opened[k] < para.end:
                    continue  # another part opens here
                numbers = {
                    m.group(1)
                    for m in _ITEM_NUMBER.finditer(doc.text, para.start, para.end)
                    if m.start() not in titles
                }
                if {"一", "二"} <= numbers:
                    out.setdefault(spec.key, []).append((para.start, para.end))
        return out

    def present(self, key: str) -> bool:
        return (
            key in self.by_heading
            or key in self.by_label
            or key in self.by_content
            or key in self.by_inline
            or key in self.by_items
        )

    def spans(self, key: str) -> list[tuple[int, int]]:
        """Where the part's text is: body spans of its headed sections, labels and
        openings, less the openings of other parts within them (a report that writes
        its shortcomings and plans as paragraphs at the end of its last measure)."""
        own = [(s.body_start, s.end) for s in self.by_heading.get(key, [])]
        own.extend(self.by_label.get(key, []))
        own.extend(self.by_inline.get(key, []))
        own.extend(self.by_items.get(key, []))
        own.extend(self.by_opening.get(key, []))
        others = [span for k, spans in self.by_opening.items() if k != key for span in spans]
        return subtract(union(own), others)

    @cached_property
    def shared(self) -> list[tuple[int, int]]:
        """Text that a heading joining parts gives to each of them ("存在的不足和2024年
        工作安排") and that no opening within it assigns: whose it is cannot be told."""
        claims = Counter(sec.index for secs in self.by_heading.values() for sec in secs)
        joint = [(s.body_start, s.end) for s in self.doc.sections if claims[s.index] > 1]
        openings = [span for spans in self.by_opening.values() for span in spans]
        return subtract(union(joint), openings)

    def headings(self, key: str) -> list[Section]:
        return self.by_heading.get(key, [])

"""``unsupported-claim``: a result claim (显著提升, 满意度逐年提高 …) with nothing to back it.

The 2021 法治政府建设示范指标体系 asks that work be 可量化、可证明、可比较. A claim of a
result — a level raised, a rate lowered, satisfaction up — should carry what measures
it. Where that may stand, from the claim outwards:

- a figure (``figure``) or a date (``near_evidence``) in the claim's own clause, the
  rest of its sentence, or the next sentence of its paragraph (``lookahead``). A figure
  in a clause *before* the claim counts what was done, not the result: "开展培训12次，
  执法水平显著提升" leaves the 显著提升 unmeasured;
- a measurement (``measured``: a percentage, 百分点) or other evidence (``evidence``: a
  named document 《…》, a case, an honour, a record such as 连续3年零败诉) anywhere in
  the sentence or the next one ("群众满意度由85%提升至93%，满意度显著提升");
- a sentence that counts the work in several figures before the claim
  (``summarises``) closes on a summary of that work, not an unmeasured claim:
  "减权放权40项，优化流程53项，压减办理时限1539天，有效降低准入门槛" — unless the
  claim is about a level or a feeling (``levels``: 能力, 水平, 满意度 …), which counts of
  work done do not measure: "学法培训6次、会前学法12次，……依法行政的能力显著提升".

A claim in the last sentence of a paragraph whose earlier sentences count the work in
figures (``paragraph_summary``) sums that work up, as within one sentence.

A run-in item's opening sentence ("二是领导干部依法行政能力全面提升。" then the item's
text) is the item's heading: the whole item, up to the next run-in item or the end of the
paragraph, may back it ("……组织2万余名国家工作人员参加学法考试，参考率、优秀率均为100%").

A claim in a goal ("为进一步提升群众满意度", "推动执法质效持续提升": ``goals``, looked for
in the claim's clause before it) is not a result. Plans and shortcomings talk about the
future and problems, so they are skipped by default (``skip``); so are headings and the
preamble before the first heading, which sums up what the parts report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lawlint.checks._scope import part_spans
from lawlint.checks._text import ITEM_HEADING_LENGTH, RUN_IN_ITEM, has_figure
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.spans import SpanIndex

if TYPE_CHECKING:
    from lawlint.model.document import Document, Sentence

# where a clause begins: after a pause or a sentence end (full- or half-width)
_CLAUSE_MARK = re.compile(r"[，,；;：:。！？!?]")
LEVELS = r"水平|能力|意识|素养|质效|效能|质量|满意|获得感|幸福感|安全感|知晓率|认可度|公信力"
MEASURED = r"\d+(?:\.\d+)?\s{0,3}[%％‰]|百分点"


class UnsupportedClaim(Check):
    kind = "unsupported-claim"
    summary = "Result claims with no figure, date, document or case to back them"
    fields = ("match",)
    options = {
        "patterns": Option("regex-list", [], "Regexes of result claims."),
        "evidence": Option(
            "regex-list",
            [],
            "Regexes of evidence anywhere in the sentence or the next (《…》, 案例, 获评 …).",
        ),
        "near_evidence": Option(
            "regex-list",
            [],
            "Regexes of evidence that counts only from the claim's clause on (dates).",
        ),
        "measured": Option(
            "regex", MEASURED, "A measurement that backs a claim anywhere in its sentence."
        ),
        "goals": Option(
            "regex-list",
            [],
            "Regexes that, before the claim in its clause, make it a goal (推动, 为了 …).",
        ),
        "figure": Option("regex", "@{figure}", "What counts as a figure."),
        "skip": Option(
            "str-list", ["plans", "shortcomings"], "Parts where claims are not checked."
        ),
        "summarises": Option(
            "int",
            3,
            "Figures before the claim in its sentence that make it the summary of the "
            "work they count (0: never).",
        ),
        "levels": Option(
            "regex",
            LEVELS,
            "In the claim's clause, a level or feeling (能力, 水平, 满意度 …) that counts of "
            "work done do not measure: such a claim is not a summary (see summarises).",
        ),
        "paragraph_summary": Option(
            "bool",
            True,
            "A claim closing a paragraph whose earlier sentences hold 'summarises' "
            "figures sums up the work they count (not a claim about a feeling, see levels).",
        ),
        "lookahead": Option(
            "int",
            1,
            "Following sentences of the same paragraph that may carry the evidence "
            "(a claim is often backed by the next sentence).",
        ),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        text = doc.text
        skipped = SpanIndex(part_spans(ctx, self.opts["skip"]))
        first = doc.line_starts[doc.headings[0].line - 1] if doc.headings else 0
        sentences = doc.sentences
        for i, s in enumerate(sentences):
            if s.in_heading or s.start < first or s.start in skipped:
                continue
            following = [
                n
                for n in sentences[i + 1 : i + 1 + self.opts["lookahead"]]
                if n.paragraph == s.paragraph
            ]
            end = following[-1].end if following else s.end
            for pattern in self.opts["patterns"]:
                m = pattern.search(text, s.start, s.end)
                if m is None:
                    continue
                if (
                    not self._backed(text, s.start, end, m)
                    and not self._item_backs(text, sentences, i, m)
                    and not self._closes_paragraph(text, doc, i, m)
                ):
                    yield self.finding(ctx, m.start(), m.end(), match=m.group(0))
                break

    def _item_backs(
        self, text: str, sentences: list[Sentence], i: int, claim: re.Match[str]
    ) -> bool:
        """Is sentence ``i`` a run-in item's short heading ("二是……能力全面提升。") whose
        item — the sentences up to the next item or the paragraph's end — backs it?"""
        s = sentences[i]
        if s.end - s.start > ITEM_HEADING_LENGTH or not RUN_IN_ITEM.match(text, s.start):
            return False
        end = s.end
        j = i + 1  # walked by index: a slice would copy the rest of the document
        while j < len(sentences):
            n = sentences[j]
            if n.paragraph != s.paragraph or RUN_IN_ITEM.match(text, n.start):
                break
            end = n.end
            j += 1
        return end > s.end and self._backed(text, s.start, end, claim)

    def _closes_paragraph(self, text: str, doc: Document, i: int, claim: re.Match[str]) -> bool:
        """Is sentence ``i`` the last of a paragraph whose earlier sentences count the work
        (``summarises`` figures), so that the claim sums them up? Set Z46: "组织……培训、考试等
        5次，200余人次参加……。……依法工作水平得到了有效提升。" closes such a paragraph."""
        sentences = doc.sentences
        s = sentences[i]
        if not self.opts["paragraph_summary"] or (
            i + 1 < len(sentences) and sentences[i + 1].paragraph == s.paragraph
        ):
            return False
        clause = _clause_start(text, s.start, claim.start())
        return self._sums_up(text, doc.paragraphs[s.paragraph].start, s.start, clause, claim)

    def _backed(self, text: str, start: int, end: int, claim: re.Match[str]) -> bool:
        """Is the claim a goal, or backed by a figure, date, measurement or evidence in
        the places the module docstring lists (``start``–``end``: its sentence and the
        following ones it may lean on)?"""
        clause = _clause_start(text, start, claim.start())
        before = text[clause : claim.start()]
        if any(goal.search(before) for goal in self.opts["goals"]):
            return True
        if has_figure(self.opts["figure"], text, clause, end, claim.span()):
            return True
        if any(e.search(text, clause, end) for e in self.opts["near_evidence"]):
            return True
        if self.opts["measured"].search(text, start, end):
            return True
        if self._sums_up(text, start, claim.start(), clause, claim):
            return True
        return any(e.search(text, start, end) for e in self.opts["evidence"])

    def _sums_up(self, text: str, start: int, end: int, clause: int, claim: re.Match[str]) -> bool:
        """Do ``summarises`` figures in ``text[start:end]`` count the work the claim sums
        up? Not when the claim (its ``clause`` on) is about a level or a feeling
        (``levels``), which counts of work do not measure."""
        return self._summarises(text, start, end) and not self.opts["levels"].search(
            text, clause, claim.end()
        )

    def _summarises(self, text: str, start: int, end: int) -> bool:
        """Do at least ``summarises`` figures stand in ``text[start:end]``?"""
        wanted = self.opts["summarises"]
        if wanted <= 0:
            return False
        for count, _ in enumerate(self.opts["figure"].finditer(text, start, end), 1):
            if count >= wanted:
                return True
        return False


def _clause_start(text: str, start: int, at: int) -> int:
    """Where the clause holding ``at`` begins, searching back no further than ``start``."""
    clause = start
    for mark in _CLAUSE_MARK.finditer(text, start, at):
        clause = mark.end()
    return clause


CHECKS = (UnsupportedClaim,)

"""``reused-text``: a passage of this year's report repeated from last year's (issue 16).

The complaint reviewers publish most is a report that repeats last year's text. With last
year's report beside this one (``check --previous``), each sentence of this year's body that
repeats one of last year's near-verbatim — after punctuation is dropped and every figure
made one symbol, so a copy with only the year or the figures changed still counts — is
reported (:mod:`lawlint.yoy.reuse`); consecutive reused sentences of one paragraph make one
finding. Boilerplate every report uses is listed in the pack (phrases removed before
comparing; whole sentences such as the 指导思想 opening skipped), not in the code. Without a
previous report: nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.checks.yoy_plans import pair_of, quote
from lawlint.findings import Finding
from lawlint.yoy.compare import ReusedSentence, compare_reuse
from lawlint.yoy.reuse import COVERAGE, NGRAM, SIMILARITY


class ReusedText(Check):
    kind = "reused-text"
    summary = "A passage repeated from last year's report (--previous)"
    fields = ("line", "previous")
    options = {
        "ngram": Option("int", NGRAM, "Length of the shared character n-grams."),
        "coverage": Option(
            "float", COVERAGE, "Least share of a sentence covered by shared n-grams."
        ),
        "similarity": Option(
            "float", SIMILARITY, "Least similarity to one of last year's sentences (0–1)."
        ),
        "boilerplate": Option(
            "regex-list", [], "Phrases removed before comparing (the regulation's wording)."
        ),
        "boilerplate-sentences": Option(
            "regex-list", [], "A sentence matching one of these is never counted."
        ),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.previous is None:
            return
        result = compare_reuse(
            pair_of(ctx),
            boilerplate=self.opts["boilerplate"],
            boilerplate_sentences=self.opts["boilerplate-sentences"],
            ngram=self.opts["ngram"],
            coverage=self.opts["coverage"],
            similarity=self.opts["similarity"],
        )
        ctx.yoy["reused"] = result.shares
        for run in _runs(result.sentences):
            first, last = run[0], run[-1]
            previous = [r.reuse.previous for r in run]
            shown = "".join(dict.fromkeys(p.text for p in previous))
            yield self.finding(
                ctx,
                first.start,
                last.end,
                data={
                    "previous_line": previous[0].line,
                    "previous_column": previous[0].column,
                    "previous_text": shown,
                    "sentences": [
                        {
                            "line": r.reuse.sentence.line,
                            "column": r.reuse.sentence.column,
                            "previous_line": r.reuse.previous.line,
                            "previous_column": r.reuse.previous.column,
                            "score": r.reuse.coverage,
                        }
                        for r in run
                    ],
                    "part": first.part,
                },
                line=previous[0].line,
                previous=quote(shown),
            )


def _runs(sentences: list[ReusedSentence]) -> list[list[ReusedSentence]]:
    """Consecutive reused sentences of one line (paragraph): one finding each run."""
    runs: list[list[ReusedSentence]] = []
    for r in sentences:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last.reuse.sentence.line == r.reuse.sentence.line
            and _adjacent(last, r)
        ):
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs


def _adjacent(a: ReusedSentence, b: ReusedSentence) -> bool:
    """Nothing but spaces between two sentences' spans (they follow each other)."""
    return b.start - a.end <= 1


CHECKS = (ReusedText,)

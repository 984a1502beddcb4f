"""Find sentences of this year's report that repeat last year's near-verbatim.

Both texts are normalised (punctuation and spaces dropped, every digit mapped to one symbol, known
boilerplate removed) so a copied sentence with only the year or the figures changed still matches.
A sentence counts as reused when most of its normalised characters are covered by character
n-grams that also occur in last year's report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from lawlint.yoy.sentences import Sentence, split_sentences

NGRAM = 12
COVERAGE = 0.8

_DIGITS = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千万亿两]")


def normalise(text: str, boilerplate: Sequence[str] = ()) -> str:
    """Keep letters and CJK only, digits (Arabic and Chinese) as '#', boilerplate removed."""
    for phrase in boilerplate:
        text = text.replace(phrase, "")
    text = _DIGITS.sub("#", text)
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN" or c == "#")


@dataclass(frozen=True)
class Reuse:
    sentence: Sentence
    previous: Sentence
    coverage: float


def find_reused(
    current: str,
    previous: str,
    boilerplate: Sequence[str] = (),
    n: int = NGRAM,
    skip_lines: frozenset[int] = frozenset(),
) -> list[Reuse]:
    """Return one ``Reuse`` per sentence of ``current`` copied from ``previous``.

    ``skip_lines`` are lines of ``current`` (title, headings) that every year's report repeats
    by design and that must not count as reused.
    """
    prev_sentences = split_sentences(previous)
    grams: dict[str, Sentence] = {}
    for sent in prev_sentences:
        norm = normalise(sent.text, boilerplate)
        for i in range(len(norm) - n + 1):
            grams.setdefault(norm[i : i + n], sent)
    found: list[Reuse] = []
    for sent in split_sentences(current):
        if sent.line in skip_lines:
            continue
        norm = normalise(sent.text, boilerplate)
        if len(norm) < n:
            continue
        covered = [False] * len(norm)
        votes: dict[Sentence, int] = {}
        for i in range(len(norm) - n + 1):
            source = grams.get(norm[i : i + n])
            if source is not None:
                covered[i : i + n] = [True] * n
                votes[source] = votes.get(source, 0) + 1
        share = sum(covered) / len(norm)
        if share >= COVERAGE:
            best = max(votes, key=lambda s: (votes[s], -s.line))
            found.append(Reuse(sent, best, round(share, 3)))
    return found

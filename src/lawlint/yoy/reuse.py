"""Find sentences of this year's report that repeat last year's near-verbatim.

Both texts are normalised (punctuation and spaces dropped, every run of digits — Arabic or
Chinese — mapped to one symbol, known boilerplate removed) so a copied sentence with only
the year or the figures changed still matches, even when a figure gained a digit
(326 → 1045). A sentence counts as reused when

- most of its normalised characters (``COVERAGE``) are covered by character n-grams that
  also occur in last year's report (a copy, or a copy stitched from two of last year's
  sentences), or
- it is nearly the same string as one sentence of last year's (``SIMILARITY``, difflib's
  ratio on the normalised texts): a copy with a word added or dropped, which breaks too
  many n-grams in a short sentence for the first test;
- a sentence too short for either test (an item heading such as "（三）加强执法队伍建设。")
  counts when it equals one of last year's sentences and the sentence after or before it
  on the same line is reused: the whole repeated item, not just its body.

Boilerplate comes in two forms (both from the pack, never from the code): phrases removed
before comparing (the regulation's own wording), and patterns that exclude a whole
sentence (the 指导思想 opening every report starts with).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lawlint.yoy.sentences import Sentence, split_sentences

NGRAM = 12
COVERAGE = 0.8
SIMILARITY = 0.8
SHORT_MIN = 6  # a shorter normalised sentence ("一是。") is never judged
# difflib's ratio is quadratic in the worst case: only for sentences up to this long (real
# ones are under 300 characters; a longer one is judged by its n-grams alone)
RATIO_MAX = 400

# a run of digits, Arabic or Chinese, with the decimal point inside it: 17.5, 二十, 1045
_DIGITS = re.compile(
    r"[0-9０-９〇零一二三四五六七八九十百千万亿两](?:[0-9０-９〇零一二三四五六七八九十百千万亿两.．]*[0-9０-９〇零一二三四五六七八九十百千万亿两])?"
)

_NOT_WORD = re.compile(r"[\W_]+")  # what is not a letter, a digit or a CJK character

Phrase = str | re.Pattern[str]


def _remove(text: str, phrases: Iterable[Phrase]) -> str:
    for phrase in phrases:
        text = phrase.sub("", text) if isinstance(phrase, re.Pattern) else text.replace(phrase, "")
    return text


def normalise(text: str, boilerplate: Sequence[Phrase] = ()) -> str:
    """Letters and CJK only, each run of digits (Arabic or Chinese) as one '#',
    boilerplate removed."""
    # punctuation, spaces, masked text and a Markdown '#' out first: then a figure's
    # decimal point or separator does not split it, and no '#' of the text passes for one
    return _DIGITS.sub("#", _NOT_WORD.sub("", _remove(text, boilerplate)))


@dataclass(frozen=True)
class Reuse:
    sentence: Sentence
    previous: Sentence
    coverage: float


def _boilerplate_sentence(text: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    return any(p.search(text) for p in patterns)


def find_reused(
    current: str,
    previous: str,
    boilerplate: Sequence[Phrase] = (),
    n: int = NGRAM,
    skip_lines: frozenset[int] = frozenset(),
    *,
    skip_sentences: Sequence[re.Pattern[str]] = (),
    coverage: float = COVERAGE,
    similarity: float = SIMILARITY,
) -> list[Reuse]:
    """Return one ``Reuse`` per sentence of ``current`` copied from ``previous``.

    ``skip_lines`` are lines of ``current`` (title, headings) that every year's report
    repeats by design and that must not count as reused; ``skip_sentences`` are patterns
    of whole boilerplate sentences (the 指导思想 opening), on either side.
    """
    prev_norm: list[tuple[Sentence, str]] = []
    for sent in split_sentences(previous):
        if not _boilerplate_sentence(sent.text, skip_sentences):
            prev_norm.append((sent, normalise(sent.text, boilerplate)))
    grams: dict[str, Sentence] = {}
    whole: dict[str, Sentence] = {}
    for sent, norm in prev_norm:
        whole.setdefault(norm, sent)
        for i in range(len(norm) - n + 1):
            grams.setdefault(norm[i : i + n], sent)
    by_sentence = dict(prev_norm)
    judged: list[tuple[Sentence, str, Reuse | None]] = []
    for sent in split_sentences(current):
        if sent.line in skip_lines or _boilerplate_sentence(sent.text, skip_sentences):
            continue
        norm = normalise(sent.text, boilerplate)
        # too short to judge, or short only once its boilerplate is gone (the sentence
        # stating the leader's duty in the regulation's words): never counted
        if len(norm) < SHORT_MIN or (len(norm) < n <= len(normalise(sent.text))):
            continue
        found = None
        if len(norm) >= n:
            found = _judge(sent, norm, grams, by_sentence, n, coverage, similarity)
        judged.append((sent, norm, found))
    return _with_short_items(judged, whole)


def _judge(
    sent: Sentence,
    norm: str,
    grams: dict[str, Sentence],
    by_sentence: dict[Sentence, str],
    n: int,
    coverage: float,
    similarity: float,
) -> Reuse | None:
    covered = [False] * len(norm)
    votes: dict[Sentence, int] = {}
    for i in range(len(norm) - n + 1):
        source = grams.get(norm[i : i + n])
        if source is not None:
            covered[i : i + n] = [True] * n
            votes[source] = votes.get(source, 0) + 1
    if not votes:
        return None
    best = max(votes, key=lambda s: (votes[s], -s.line, -s.column))
    share = sum(covered) / len(norm)
    if share >= coverage:
        return Reuse(sent, best, round(share, 3))
    other = by_sentence[best]
    if len(norm) > RATIO_MAX or len(other) > RATIO_MAX:
        return None
    ratio = difflib.SequenceMatcher(None, norm, other, autojunk=False).ratio()
    if ratio >= similarity:
        return Reuse(sent, best, round(ratio, 3))
    return None


def _with_short_items(
    judged: list[tuple[Sentence, str, Reuse | None]], whole: dict[str, Sentence]
) -> list[Reuse]:
    """The reused sentences, plus a short sentence identical to one of last year's next
    to a reused one on its line (the heading of a repeated item)."""
    out: list[Reuse] = []
    for i, (sent, norm, found) in enumerate(judged):
        if found is None and norm in whole:
            neighbours = [judged[j] for j in (i - 1, i + 1) if 0 <= j < len(judged)]
            if any(r is not None and s.line == sent.line for s, _, r in neighbours):
                found = Reuse(sent, whole[norm], 1.0)
        if found is not None:
            out.append(found)
    return out

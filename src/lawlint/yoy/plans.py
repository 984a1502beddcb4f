"""Trace last year's plan items to the sentences of this year's measures part.

Similarity is token-set overlap weighted by IDF computed over the two texts (plain Python: the
texts are a few hundred sentences, so a library such as rapidfuzz would add a dependency for no
gain, and character fuzzy-matching ignores that reworded items share words, not strings).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lawlint.yoy.sentences import Sentence, split_sentences

THRESHOLD = 0.35

# Numbered items: 一是/二是, 1. / 1、, （1）, （一）, ①.
_NUMBERED = re.compile(
    r"(?:^|(?<=[。；;]))\s*(?:[一二三四五六七八九十]+是|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[①-⑩])"
)
_PLAN_VERBS = re.compile(r"将|要|推进|加强|深化|持续|完善|健全|落实|推动|开展")

# Words every plan and report uses: matching on them would trace anything to anything.
STOPWORDS = frozenset(
    {
        *("的", "了", "和", "与", "及", "等", "在", "对", "为", "是", "将", "要", "把", "以", "并"),
        *("进一步", "持续", "不断", "全面", "深入", "切实", "着力", "积极", "工作", "进行"),
        *("年", "我", "镇", "县", "区", "市", "局", "有关", "相关", "各项", "加大", "力度"),
        *("一是", "二是", "三是", "四是", "五是"),
    }
)


@dataclass(frozen=True)
class PlanItem:
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Trace:
    item: PlanItem
    best: Sentence | None
    score: float


def plan_items(plans_text: str, first_line: int = 1) -> list[PlanItem]:
    """Numbered items of a plans part, or its plan-like sentences when nothing is numbered."""
    items: list[PlanItem] = []
    for number, line in enumerate(plans_text.splitlines(), start=first_line):
        starts = [m.start() for m in _NUMBERED.finditer(line)]
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(line)
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            text = piece.strip()
            if len(text) > 4:
                items.append(PlanItem(text, number, start + lead + 1))
    if items:
        return items
    for sent in split_sentences(plans_text):
        if _PLAN_VERBS.search(sent.text) and len(sent.text) > 6:
            items.append(PlanItem(sent.text, sent.line + first_line - 1, sent.column))
    return items


def _terms(text: str, cut: Callable[[str], Sequence[str]], synonyms: Mapping[str, str]) -> set[str]:
    words = (w.strip() for w in cut(text))
    return {synonyms.get(w, w) for w in words if len(w) > 1 and w not in STOPWORDS}


def trace_plans(
    items: Sequence[PlanItem],
    measures: Sequence[Sentence],
    cut: Callable[[str], Sequence[str]],
    synonyms: Mapping[str, str] | None = None,
    threshold: float = THRESHOLD,
) -> list[Trace]:
    """Best matching measures sentence for each item; score is the IDF share of its terms found."""
    syn = synonyms or {}
    item_terms = [_terms(it.text, cut, syn) for it in items]
    sent_terms = [_terms(s.text, cut, syn) for s in measures]
    docs = item_terms + sent_terms
    df: dict[str, int] = {}
    for terms in docs:
        for t in terms:
            df[t] = df.get(t, 0) + 1
    idf = {t: math.log(1 + len(docs) / c) for t, c in df.items()}
    traces: list[Trace] = []
    for item, terms in zip(items, item_terms, strict=True):
        total = sum(idf[t] for t in terms) or 1.0
        best: Sentence | None = None
        score = 0.0
        for sent, sterms in zip(measures, sent_terms, strict=True):
            s = sum(idf[t] for t in terms & sterms) / total
            if s > score:
                best, score = sent, s
        traces.append(Trace(item, best, round(score, 3)))
    return traces


def untraced(traces: Sequence[Trace], threshold: float = THRESHOLD) -> list[Trace]:
    return [t for t in traces if t.score < threshold]

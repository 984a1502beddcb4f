"""Trace last year's plan items to the sentences of this year's measures part.

An item's score against a sentence is the IDF-weighted share of the item's character
bigrams (of its Chinese text, after stop-words are cut out and domain synonyms replaced by
one word) found in the sentence. Bigrams catch a reworded item that keeps its key terms
however they are cut (合法性审查 / 合法性 + 审查, 执法全过程记录 / 全过程记录) and need no
word segmentation: jieba, which an ordinary check often never loads, would cost more than
the whole comparison (about 0.4 s a pair: its import and dictionary). IDF is computed over
the items and every sentence of both reports, so what every report says (法治, 建设) weighs
little and an item's own subject (物业, 知识产权) weighs much. The item is traced when its
best sentence scores at least the threshold; an item carried out in two places usually has
one sentence that names enough of it.

Plain Python: the texts are a few hundred sentences; a library such as rapidfuzz (character
edit distance) or a BM25 package would add a dependency, and edit distance scores the order
of the words, which a reworded item changes, not the words it keeps.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lawlint.yoy.sentences import Sentence, split_sentences

THRESHOLD = 0.2

# Numbered items: 一是/二是, 1. / 1、, （1）, （一）, ①.
_NUMBERED = re.compile(
    r"(?:^|(?<=[。；;]))\s*(?:[一二三四五六七八九十]+是|\d+[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[）)]|[①-⑩])"
)
_PLAN_VERBS = re.compile(r"将|要|推进|加强|深化|持续|完善|健全|落实|推动|开展")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
_FIGURES = re.compile(r"[0-9０-９.．%％]+")

# Words every plan and report uses: matching on them would trace anything to anything.
# The built-in pack gives its own list (rules/fazhi-yoy.yaml); this one is for the library.
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
    """Numbered items of a plans part (an unnumbered line after an item continues it), or
    its plan-like sentences when nothing is numbered."""
    lines = plans_text.splitlines()
    items = numbered_items(enumerate(lines, start=first_line))
    if items:
        return items
    out = []
    for sent in split_sentences(plans_text):
        if _PLAN_VERBS.search(sent.text) and len(sent.text) > 6:
            out.append(PlanItem(sent.text, sent.line + first_line - 1, sent.column))
    return out


def numbered_items(lines: Iterable[tuple[int, str]]) -> list[PlanItem]:
    """Items opening with a number, from (line number, text) pairs; text before the first
    number of a line (a body under an item heading) is added to the item before it."""
    items: list[PlanItem] = []
    for number, line in lines:
        starts = [m.start() for m in _NUMBERED.finditer(line)]
        head = line[: starts[0]] if starts else line
        if items and head.strip():
            last = items[-1]
            items[-1] = PlanItem(last.text + head.strip(), last.line, last.column)
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(line)
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            text = piece.strip()
            if len(text) > 4:
                items.append(PlanItem(text, number, start + lead + 1))
    return items


@lru_cache(maxsize=8)
def _cutter(
    synonyms: tuple[tuple[str, str], ...], stopwords: frozenset[str]
) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern for every synonym and stop-word of two or more characters (a single
    character would cut the words it is part of), longest first; what each becomes."""
    to = dict(synonyms)
    to.update((w, " ") for w in stopwords if len(w) > 1)
    if not to:
        return None, to
    words = sorted(to, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)), to


def _prepare(text: str, synonyms: Mapping[str, str], stopwords: frozenset[str]) -> str:
    """Figures out, synonyms replaced by the word they count as, stop-words cut out."""
    text = _FIGURES.sub(" ", text)
    pattern, to = _cutter(tuple(sorted(synonyms.items())), stopwords)
    return text if pattern is None else pattern.sub(lambda m: to[m.group(0)], text)


def _bigrams(text: str) -> set[str]:
    out: set[str] = set()
    for run in _NOT_HAN.split(text):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


def _idf(docs: Sequence[set[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for terms in docs:
        for t in terms:
            df[t] = df.get(t, 0) + 1
    return {t: math.log(1 + len(docs) / c) for t, c in df.items()}


def trace_plans(
    items: Sequence[PlanItem],
    measures: Sequence[Sentence],
    synonyms: Mapping[str, str] | None = None,
    *,
    context: Sequence[str] = (),
    stopwords: frozenset[str] = STOPWORDS,
) -> list[Trace]:
    """Best matching measures sentence for each item and its score (see the module).
    ``context``: the other sentences of both reports, for the IDF only."""
    syn = synonyms or {}
    texts = [it.text for it in items] + [s.text for s in measures] + list(context)
    grams = [_bigrams(_prepare(t, syn, stopwords)) for t in texts]
    idf = _idf(grams)
    n = len(items)
    traces: list[Trace] = []
    for k, item in enumerate(items):
        best: Sentence | None = None
        score = 0.0
        for j, sent in enumerate(measures):
            s = _share(grams[k], grams[n + j], idf)
            if s > score:
                best, score = sent, s
        traces.append(Trace(item, best, round(score, 3)))
    return traces


def _share(item: set[str], sentence: set[str], idf: Mapping[str, float]) -> float:
    total = sum(idf[t] for t in item)
    return sum(idf[t] for t in item & sentence) / total if total else 0.0


def untraced(traces: Sequence[Trace], threshold: float = THRESHOLD) -> list[Trace]:
    return [t for t in traces if t.score < threshold]

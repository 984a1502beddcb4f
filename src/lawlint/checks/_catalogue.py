"""Matching a quoted 《…》 name against a catalogue of canonical document names.

A quotation is a *misquotation* of a catalogue name when it is clearly an attempt at
that name: close in edit distance (a word dropped, added or swapped, a wrong year) and
keeping the name's distinctive core. Everything else — a short form
(《行政处罚法》), a different real document (《中华人民共和国刑法》 is not a misspelt
《中华人民共和国宪法》), a local document that reuses the words (《静海区法治政府建设
实施纲要》, 《法治嘉兴建设规划》) — is left alone: precision first.

Cost: titles are bounded (:data:`MAX_TITLE`), candidates come from a character index
(a name can only be within distance k of a title if at most k of its distinct
characters are missing from it), and the distance is a banded Levenshtein that stops
once the band exceeds k. So each title costs O(len × k) per candidate, and few names
are candidates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from lawlint.chars import SPACE

MAX_TITLE = 80
_REMEMBER = 4096  # distinct quotations whose answer is kept
# A misquotation differs in at most this share of the name's characters …
RATIO = 0.2
_DASHES = "—–\\-－~～―一"
_YEAR_RANGE = re.compile(rf"(\d{{4}})[{SPACE}]*[{_DASHES}]*[{SPACE}]*(\d{{4}})")
_WIDE = str.maketrans("()<>", "（）〈〉")
# … and keeps the name's core: the name without the generic parts every law or plan
# shares, so that 刑法 is not read as a misspelt 宪法.
_GENERIC_PREFIX = ("中华人民共和国", "中国共产党")
_YEARS_SUFFIX = re.compile(r"（\d{4}—\d{4}年）$")
_GENERIC_SUFFIX = re.compile(
    r"(?:暂行条例|实施条例|条例|规定|办法|细则|实施纲要|纲要|规划|意见|通知|指标体系|行动计划|章程|法典|法)$"
)


# The level words that open a local document's name (省, 市, 县 …).
_LEVEL = frozenset("省市县区州盟旗乡镇")


# The kind of document a name ends with: a 职责清单 is not a misquoted 职责规定, a
# 实施方案 not a 纲要 (longest first, so that 暂行条例 reads as 条例).
_KIND = re.compile(
    r"(?:条例|规定|办法|细则|纲要|规划|意见|通知|决定|清单|方案|计划|要点|制度|规则|指引"
    r"|标准|体系|章程|报告|总结|法典|法)$"
)


def kind(name: str) -> str | None:
    """The kind of document ``name`` (without 《》) names, read from its last word."""
    m = _KIND.search(_YEARS_SUFFIX.sub("", name))
    return m.group(0) if m else None


def normalise(title: str) -> str:
    """The form two quotations are compared in: no spaces, full-width brackets, one 一字线
    between years. Differences of these marks are other rules' job (halfwidth-punct,
    cjk-space, range-dash), not a misquotation."""
    title = "".join(c for c in title if c not in SPACE).translate(_WIDE)
    return _YEAR_RANGE.sub(r"\1—\2", title)


def core(name: str) -> tuple[int, int]:
    """The span of ``name`` (without 《》) that makes it this document and no other."""
    start = next((len(p) for p in _GENERIC_PREFIX if name.startswith(p)), 0)
    end = len(name)
    years = _YEARS_SUFFIX.search(name)
    if years:
        end = years.start()
    suffix = _GENERIC_SUFFIX.search(name, start, end)
    if suffix and suffix.start() - start >= 2:
        end = suffix.start()
    return start, end


def levenshtein(a: str, b: str, limit: int) -> int | None:
    """Edit distance of ``a`` and ``b`` if it is at most ``limit``, else None. Banded:
    only cells within ``limit`` of the diagonal are computed."""
    if abs(len(a) - len(b)) > limit:
        return None
    big = limit + 1
    prev = [j if j <= limit else big for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        lo, hi = max(1, i - limit), min(len(b), i + limit)
        cur = [big] * (len(b) + 1)
        cur[0] = i if i <= limit else big
        for j in range(lo, hi + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost, big)
        if min(cur[max(0, lo - 1) : hi + 1]) > limit:
            return None
        prev = cur
    return prev[len(b)] if prev[len(b)] <= limit else None


def find_in(pattern: str, text: str) -> tuple[int, int, int]:
    """Where ``pattern`` occurs in ``text`` with fewest edits (semi-global alignment):
    (edits, start, end) of the best-matching substring of ``text``."""
    m = len(pattern)
    # cells: (cost, start of the substring of text it aligns to)
    prev = [(0, j) for j in range(len(text) + 1)]
    for i in range(1, m + 1):
        cur = [(i, 0)]
        for j in range(1, len(text) + 1):
            cost = 0 if pattern[i - 1] == text[j - 1] else 1
            diag = (prev[j - 1][0] + cost, prev[j - 1][1])
            up = (prev[j][0] + 1, prev[j][1])
            left = (cur[j - 1][0] + 1, cur[j - 1][1])
            cur.append(min(diag, up, left, key=lambda c: c[0]))
        prev = cur
    best = min(range(len(text) + 1), key=lambda j: (prev[j][0], -j))
    return prev[best][0], prev[best][1], best


# the period a plan covers, once normalised: "（2021—2025年）"
_PERIOD = re.compile(r"(\d{4})—(\d{4})")


def period(name: str) -> tuple[int, int] | None:
    """The years a name's plan covers, (2021, 2025), if it says."""
    m = _PERIOD.search(name)
    return (int(m.group(1)), int(m.group(2))) if m else None


def later_edition(years: tuple[int, int] | None, entry_period: tuple[int, int] | None) -> bool:
    """Are a quotation's ``years`` a period after the entry's: the next 纲要 or 五年规划
    (《法治政府建设实施纲要（2026—2030年）》 in a 2025 report's plans), another document,
    not the entry with its years wrong?"""
    if years is None or entry_period is None:
        return False
    start, end = years
    return start < end and start > entry_period[1]


@dataclass(frozen=True)
class Entry:
    name: str  # with 《》
    inner: str  # without 《》
    chars: frozenset[str]
    limit: int  # edits allowed
    core: tuple[int, int]
    period: tuple[int, int] | None  # the years it covers, for a plan


class Catalogue:
    """Canonical names, indexed by their characters."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.exact = {normalise(n) for n in names}
        self._seen: dict[str, str | None] = {}
        self.entries: list[Entry] = []
        self.by_char: dict[str, list[int]] = defaultdict(list)
        for name in names:
            inner = name[1:-1]
            entry = Entry(
                name,
                inner,
                frozenset(inner),
                int(RATIO * len(inner)),
                core(inner),
                period(normalise(inner)),
            )
            for c in entry.chars:
                self.by_char[c].append(len(self.entries))
            self.entries.append(entry)

    def match(self, quoted: str) -> str | None:
        """The catalogue name ``quoted`` (with 《》) misquotes, or None. Reports quote the
        same names again and again: answers are remembered (a bounded number)."""
        if quoted in self._seen:
            return self._seen[quoted]
        found = self._match(quoted)
        if len(self._seen) < _REMEMBER:
            self._seen[quoted] = found
        return found

    def _match(self, quoted: str) -> str | None:
        title = normalise(quoted)
        if title in self.exact or len(title) > MAX_TITLE + 2:
            return None
        inner = title[1:-1]
        shared: dict[int, int] = defaultdict(int)
        for c in set(inner):
            for i in self.by_char.get(c, ()):
                shared[i] += 1
        years = period(inner)
        best: tuple[int, str] | None = None
        for i, n in shared.items():
            entry = self.entries[i]
            if entry.limit < 1 or len(entry.chars) - n > entry.limit:
                continue  # more distinct characters missing than edits allowed
            if later_edition(years, entry.period):
                continue
            d = levenshtein(inner, entry.inner, entry.limit)
            if d is None or d == 0 or not _keeps_core(inner, entry):
                continue
            if best is None or d < best[0]:
                best = (d, entry.name)
        return best[1] if best else None


def _keeps_core(title: str, entry: Entry) -> bool:
    """Does ``title`` keep the entry's kind of document and its core (few edits in it)
    in the same place — with no words added before or after it, which would make it
    another document (《……职责清单》, 《静海区法治政府建设实施纲要》, 《……行政处罚法释义》)?
    A title whose last word is no kind (《信访工作条列》) may be a typo of the entry's."""
    title_kind = kind(title)
    if title_kind is not None and title_kind != kind(entry.inner):
        return False
    a, b = entry.core
    name_core = entry.inner[a:b]
    edits, start, end = find_in(name_core, title)
    if edits > int(RATIO * len(name_core)):
        return False
    if start > a and title[start - 1] in _LEVEL:
        # a level word added before the core: a local document whose place name was left
        # out or cut (set Z43: 《市法治政府建设实施纲要（2021—2025年）》), not a misquotation
        return False
    return start <= a + 1 and len(title) - end <= len(entry.inner) - b + 1

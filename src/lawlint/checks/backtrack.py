"""Refusing regular expressions that backtrack catastrophically, when a pack is loaded.

Python's ``re`` backtracks: ``(a+)+$`` against 28 ``a`` and a ``b`` tries every way of
cutting the ``a`` into groups, doubling the time with each character. A user pack
must never stall a run, so :func:`backtracking_problem` looks at the parsed pattern
(``re._parser``) and refuses the two shapes that cause it — conservatively: a pattern
it accepts cannot blow up this way, and some harmless ones are refused with a hint on
how to write them.

1. *A repeat inside a repeat that can cut the same text in more than one way*: a group
   repeated more than once (``+``, ``*``, ``{2,}``, ``{0,20}``) holding a repeat of
   variable length (``a+``, ``\\w*``, ``\\d{1,3}``, ``x?``) whose characters can also
   be the ones that follow it inside the group — the rest of the group, or the start of
   the group's next repetition: ``(a+)+``, ``(a*)*``, ``(\\w+\\s?)+``, ``(\\d{1,3})+``.
   ``(\\d+,)+`` is fine: each repetition must end with a comma, which ``\\d`` cannot be.
2. *Alternatives that can match the same text, repeated*: ``(a|a)*``, ``(a|aa)+``.
3. *Unbounded repeats in a row that share characters*: ``.*.*x``, ``\\d+\\d+``,
   ``a.*b.*c``; each one more multiplies the work by the text's length. Repeats that
   share only whitespace (``\\s*月?\\s*``) are accepted, as the built-in packs use them.
   (Alternatives of single characters, ``(\\w|\\d)+``, are one character class to
   ``re`` and fine.)

Only a repeat that can run long counts: one without an upper bound, one whose group
has no length bound, or one whose group can match in W ways per repetition with
W ** count above 100,000 (``(a{1,10}){1,10}`` is 10^10 tries). ``(同时|[^，。；]{0,10}
看到){0,2}`` is bounded work at each position and is accepted. Possessive repeats
(``a++``) and atomic groups (``(?>…)``) never backtrack into what they matched and are
accepted.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

if sys.version_info >= (3, 11):
    # private modules of the standard library, not in typeshed (sre_* before 3.11)
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
else:  # pragma: no cover - Python 3.10
    import sre_constants as C
    import sre_parse as P

MAXREPEAT = C.MAXREPEAT
WIDE = 100  # a repeat allowed more times than this has no useful length bound
# A bounded repeat whose group can match in at most W ways at each repetition costs
# up to W ** (its count) at each position: above this it counts as long-running.
MAX_WAYS = 100_000
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
_POSSESSIVE = getattr(C, "POSSESSIVE_REPEAT", None)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_SINGLE = (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN)

# Which of \d \D \s \S \w \W can share a character (Unicode and ASCII alike).
_D, _ND, _S, _NS, _W, _NW = (
    C.CATEGORY_DIGIT,
    C.CATEGORY_NOT_DIGIT,
    C.CATEGORY_SPACE,
    C.CATEGORY_NOT_SPACE,
    C.CATEGORY_WORD,
    C.CATEGORY_NOT_WORD,
)
_DISJOINT = {frozenset(p) for p in ((_D, _ND), (_S, _NS), (_W, _NW), (_D, _S), (_W, _S), (_D, _NW))}
_CATEGORY_RE = {
    _D: re.compile(r"\d"),
    _ND: re.compile(r"\D"),
    _S: re.compile(r"\s"),
    _NS: re.compile(r"\S"),
    _W: re.compile(r"\w"),
    _NW: re.compile(r"\W"),
}
_LOCAL_FOLD = re.compile(r"\(\?[a-zA-Z-]*i")
_SCAN = 0x20000  # a character range longer than this is assumed to share characters


def _spaces_only(chars: _Chars) -> bool:
    """Whitespace and nothing else (\\s, a space, U+3000 …)?"""
    if chars.neg or not chars.items:
        return False
    space = _CATEGORY_RE[_S]
    for item in chars.items:
        if item[0] == "cat" and item[1] == _S:
            continue
        if item[0] == "lit" and space.match(chr(item[1])):
            continue
        return False
    return True


class Backtracking(ValueError):
    """The pattern can backtrack catastrophically; the message says why (zh / en)."""


@dataclass(frozen=True, slots=True)
class _Chars:
    """A set of characters: ``items`` (("lit", cp), ("range", lo, hi), ("cat", C)), or,
    with ``neg``, every character but those."""

    neg: bool
    items: tuple[tuple[Any, ...], ...]


_ALL = _Chars(True, ())
_NONE = _Chars(False, ())


def _has(items: tuple[tuple[Any, ...], ...], cp: int, fold: bool) -> bool:
    """Is the character ``cp`` one of ``items`` (under IGNORECASE, any of its cases)?"""
    ch = chr(cp)
    variants = {ch, ch.lower(), ch.upper()} if fold else {ch}
    for item in items:
        for v in variants:
            c = ord(v) if len(v) == 1 else -1
            if item[0] == "lit" and item[1] == c:
                return True
            if item[0] == "range" and item[1] <= c <= item[2]:
                return True
            if item[0] == "cat" and (item[1] not in _CATEGORY_RE or _CATEGORY_RE[item[1]].match(v)):
                return True
    return False


def _item_meets(a: tuple[Any, ...], b: tuple[Any, ...], fold: bool) -> bool:
    """Can one character be both ``a`` and ``b``?"""
    if a[0] == "lit":
        return _has((b,), a[1], fold)
    if b[0] == "lit":
        return _has((a,), b[1], fold)
    if a[0] == "cat" and b[0] == "cat":
        return a[1] == b[1] or frozenset((a[1], b[1])) not in _DISJOINT
    if a[0] == "range" and b[0] == "range" and not fold:
        return a[1] <= b[2] and b[1] <= a[2]
    ranged = a if a[0] == "range" else b
    other = b if ranged is a else a
    lo, hi = ranged[1], ranged[2]
    if hi - lo > _SCAN:
        return True
    if other[0] == "cat" and other[1] in _CATEGORY_RE and not fold:
        return _range_has_category(lo, hi, other[1])
    return any(_has((other,), cp, fold) for cp in range(lo, hi + 1))


@cache
def _range_has_category(lo: int, hi: int, category: Any) -> bool:
    """Does a character of lo..hi belong to \\d, \\s, \\w …? (The regex engine looks.)"""
    return bool(_CATEGORY_RE[category].search("".join(map(chr, range(lo, hi + 1)))))


def _covered(item: tuple[Any, ...], items: tuple[tuple[Any, ...], ...], fold: bool) -> bool:
    """Is every character of ``item`` one of ``items``? (False when unsure.)"""
    if item[0] == "lit":
        return _has(items, item[1], fold)
    if item[0] == "range" and item[2] - item[1] <= 512:
        return all(_has(items, cp, fold) for cp in range(item[1], item[2] + 1))
    if item[0] == "cat":
        return any(i == item or (i[0] == "cat" and (i[1], item[1]) == (_W, _D)) for i in items)
    return False


def _meets(a: _Chars, b: _Chars, fold: bool) -> bool:
    """Can a character be in both sets? (True when unsure.)"""
    if a.neg and b.neg:
        return True
    if a.neg or b.neg:
        neg, pos = (a, b) if a.neg else (b, a)
        return not all(_covered(item, neg.items, fold) for item in pos.items)
    return any(_item_meets(x, y, fold) for x in a.items for y in b.items)


def _union(a: _Chars, b: _Chars, fold: bool) -> _Chars:
    """``a`` | ``b``, or a larger set when exactness would cost too much."""
    if not a.neg and not b.neg:
        return _Chars(False, a.items + b.items)
    if a.neg and b.neg:
        return _Chars(True, tuple(i for i in a.items if _covered(i, b.items, fold)))
    neg, pos = (a, b) if a.neg else (b, a)
    return _Chars(True, tuple(i for i in neg.items if not _meets(_Chars(False, (i,)), pos, fold)))


class _Analysis:
    def __init__(self, fold: bool) -> None:
        self.fold = fold

    # -- what a piece of pattern can start with ----------------------------------------
    def first(self, items: Any) -> tuple[_Chars, bool]:
        """The characters a sequence can start with, and whether it can match empty."""
        chars = _NONE
        for op, av in items:
            f, empty = self.first_item(op, av)
            chars = _union(chars, f, self.fold)
            if not empty:
                return chars, False
        return chars, True

    def first_item(self, op: Any, av: Any) -> tuple[_Chars, bool]:
        if op is C.LITERAL:
            return _Chars(False, (("lit", av),)), False
        if op is C.NOT_LITERAL:
            return _Chars(True, (("lit", av),)), False
        if op is C.ANY:
            return _ALL, False
        if op is C.IN:
            return self.in_set(av), False
        if op is C.SUBPATTERN:
            return self.first(av[-1])
        if op is _ATOMIC:
            return self.first(av)
        if op in _REPEATS or op is _POSSESSIVE:
            f, empty = self.first(av[2])
            return f, empty or av[0] == 0
        if op is C.BRANCH:
            chars, empty = _NONE, False
            for alt in av[1]:
                f, e = self.first(alt)
                chars, empty = _union(chars, f, self.fold), empty or e
            return chars, empty
        if op is C.GROUPREF_EXISTS:
            yes, yes_empty = self.first(av[1])
            no, no_empty = self.first(av[2]) if av[2] is not None else (_NONE, True)
            return _union(yes, no, self.fold), yes_empty or no_empty
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            return _NONE, True
        return _ALL, True  # a back reference, or anything not known: anything

    def last(self, items: Any) -> tuple[_Chars, bool]:
        """The characters a sequence can end with, and whether it can match empty."""
        chars = _NONE
        for op, av in reversed(list(items)):
            f, empty = self.last_item(op, av)
            chars = _union(chars, f, self.fold)
            if not empty:
                return chars, False
        return chars, True

    def last_item(self, op: Any, av: Any) -> tuple[_Chars, bool]:
        if op is C.SUBPATTERN:
            return self.last(av[-1])
        if op is _ATOMIC:
            return self.last(av)
        if op in _REPEATS or op is _POSSESSIVE:
            f, empty = self.last(av[2])
            return f, empty or av[0] == 0
        if op is C.BRANCH:
            chars, empty = _NONE, False
            for alt in av[1]:
                f, e = self.last(alt)
                chars, empty = _union(chars, f, self.fold), empty or e
            return chars, empty
        if op is C.GROUPREF_EXISTS:
            yes, yes_empty = self.last(av[1])
            no, no_empty = self.last(av[2]) if av[2] is not None else (_NONE, True)
            return _union(yes, no, self.fold), yes_empty or no_empty
        return self.first_item(op, av)  # one character, or zero-width

    @staticmethod
    def in_set(av: Any) -> _Chars:
        neg = False
        items: list[tuple[Any, ...]] = []
        for op, value in av:
            if op is C.NEGATE:
                neg = True
            elif op is C.LITERAL:
                items.append(("lit", value))
            elif op is C.RANGE:
                items.append(("range", value[0], value[1]))
            elif op is C.CATEGORY:
                items.append(("cat", value))
            else:  # something unforeseen: any character
                return _ALL
        return _Chars(neg, tuple(items))

    # -- how long a piece can be --------------------------------------------------------
    def wide(self, items: Any) -> bool:
        """Can the sequence match text of no useful length bound?"""
        for op, av in items:
            if op in _REPEATS or op is _POSSESSIVE:
                if av[1] == MAXREPEAT or av[1] > WIDE or self.wide(av[2]):
                    return True
            elif op is C.SUBPATTERN:
                if self.wide(av[-1]):
                    return True
            elif op is _ATOMIC:
                if self.wide(av):
                    return True
            elif op is C.BRANCH:
                if any(self.wide(alt) for alt in av[1]):
                    return True
            elif op is C.GROUPREF_EXISTS:
                if self.wide(av[1]) or (av[2] is not None and self.wide(av[2])):
                    return True
            elif op is C.GROUPREF:
                return True
        return False

    def ways(self, items: Any) -> int:
        """A rough bound on the ways a (bounded) sequence can match at one position:
        each repeat multiplies by its range of counts, each alternation by its number of
        alternatives; capped at MAX_WAYS + 1."""
        total = 1
        for op, av in items:
            if op in _REPEATS:
                total *= (av[1] - av[0] + 1) * self.ways(av[2])
            elif op is C.SUBPATTERN:
                total *= self.ways(av[-1])
            elif op is C.BRANCH:
                total *= sum(self.ways(alt) for alt in av[1])
            elif op is C.GROUPREF_EXISTS:
                total *= self.ways(av[1]) + (self.ways(av[2]) if av[2] is not None else 1)
            total = min(total, MAX_WAYS + 1)
        return total

    def costly(self, body: Any, count: int) -> bool:
        """Can ``count`` repetitions of ``body`` try more than MAX_WAYS ways?"""
        ways = self.ways(body)
        if ways <= 1:
            return False
        total = 1
        for _ in range(count):  # ways >= 2: done within 17 rounds
            total *= ways
            if total > MAX_WAYS:
                return True
        return False

    # -- the check ----------------------------------------------------------------------
    def walk(self, items: Any) -> None:
        """Check every repeat of the pattern, wherever it is."""
        self.chain(items)
        for op, av in items:
            if op in _REPEATS:
                _, high, body = av
                if high > 1 and (high == MAXREPEAT or self.wide(body) or self.costly(body, high)):
                    start, _ = self.first(body)
                    self.sequence(body, start)
                self.walk(body)
            elif op is _POSSESSIVE:
                self.walk(av[2])
            elif op is C.SUBPATTERN:
                self.walk(av[-1])
            elif op is _ATOMIC:
                self.walk(av)
            elif op is C.BRANCH:
                for alt in av[1]:
                    self.walk(alt)
            elif op is C.GROUPREF_EXISTS:
                self.walk(av[1])
                if av[2] is not None:
                    self.walk(av[2])
            elif op in (C.ASSERT, C.ASSERT_NOT):
                self.walk(av[1])

    def chain(self, items: Any) -> None:
        """Adjacent unbounded repeats that can match the same characters (``.*.*x``,
        ``\\d+\\d+``, ``a.*b.*c``, ``[^。]*…[^，]*``): each one more multiplies the work
        at a position by the length of the text they share. Repeats sharing only
        whitespace (``\\s*年?\\s*[)）]?\\s*``, as the built-in packs write) are accepted;
        any other sharing is refused."""
        linked: list[_Chars] = []  # repeats the next one may sit next to
        for op, av in items:
            repeat = self.unbounded(op, av)
            if repeat is not None:
                chars, _ = self.first(repeat)
                ends, _ = self.last(repeat)
                for earlier in linked:
                    if _meets(earlier, chars, self.fold) and not (
                        _spaces_only(earlier) or _spaces_only(chars)
                    ):
                        raise Backtracking(
                            "有相邻的无上限重复能匹配相同的字符（如 .*.*、\\d+\\d+、a.*b.*c），"
                            "每多一个，每个位置上的耗时就多乘一次文字长度；请合并为一个重复，"
                            "或让后一个重复之前有一个前一个重复不能匹配的字符（如 a[^b]*b.*c）",
                            "unbounded repeats in a row can match the same characters "
                            "(like .*.*, \\d+\\d+, a.*b.*c): each one more multiplies the "
                            "work at every position by the length of the text; merge them "
                            "into one, or make the earlier one stop at a character it cannot "
                            "match (e.g. a[^b]*b.*c)",
                        )
                linked = [c for c in linked if _meets(c, chars, self.fold)]
                linked.append(ends)
                continue
            if linked:
                first, empty = self.first_item(op, av)
                if not empty:  # a character the repeats cannot take ends their run
                    linked = [c for c in linked if _meets(c, first, self.fold)]

    def unbounded(self, op: Any, av: Any) -> Any:
        """The group of an unbounded, backtracking repeat (also inside a plain group),
        or None."""
        if op is C.SUBPATTERN and len(av[-1]) == 1:
            return self.unbounded(*av[-1][0])
        if op in _REPEATS and (av[1] == MAXREPEAT or self.wide(av[2])):
            return av[2]
        return None

    def sequence(self, items: Any, follow: _Chars) -> None:
        """Inside a long-running repeat: ``follow`` is what may come after ``items``
        (the rest of the repeated group, or the start of its next repetition)."""
        after = follow
        for op, av in reversed(list(items)):  # right to left: what follows each item
            self.item(op, av, after)
            chars, empty = self.first_item(op, av)
            after = _union(chars, after, self.fold) if empty else chars

    def item(self, op: Any, av: Any, follow: _Chars) -> None:
        if op in _REPEATS:
            low, high, body = av
            start, _ = self.first(body)
            if low != high and _meets(start, follow, self.fold):
                raise Backtracking(
                    "重复的组内含有长度可变的重复，而它能匹配的字符也能紧随其后出现，"
                    "同一段文字可按指数多种方式切分（如 (a+)+、(\\w+\\s?)+、(\\d{1,3})+）；"
                    "请改写为每次重复必须以内层重复不能匹配的字符结尾（如 (\\w+\\s)*\\w+），"
                    "或去掉外层重复，或使用占有量词 a++、原子组 (?>…)",
                    "a repeated group holds a repeat of variable length whose characters "
                    "can also follow it, so the same text can be cut in exponentially many "
                    "ways (like (a+)+, (\\w+\\s?)+, (\\d{1,3})+); rewrite it so that each "
                    "repetition must end with a character the inner repeat cannot match "
                    "(e.g. (\\w+\\s)*\\w+), drop the outer repeat, or use a possessive "
                    "quantifier a++ or an atomic group (?>…)",
                )
            self.sequence(body, _union(start, follow, self.fold) if high > 1 else follow)
        elif op is C.BRANCH:
            alts = av[1]
            for i, a in enumerate(alts):
                for b in alts[i + 1 :]:
                    if self.overlapping(a, b):
                        raise Backtracking(
                            "重复的组内有可以匹配同一段文字的多个分支（如 (a|a)*、(a|aa)+），"
                            "回溯次数随文本长度指数增长；请让各分支以不同的字符开头（如 (a|b)*），"
                            "或合并为一个字符类（如 [\\w]+）",
                            "a repeated group has alternatives that can match the same text "
                            "(like (a|a)*, (a|aa)+), so backtracking grows "
                            "exponentially with the text; make the alternatives start with "
                            "different characters (e.g. (a|b)*) or merge them into one "
                            "character class (e.g. [\\w]+)",
                        )
            for alt in alts:
                self.sequence(alt, follow)
        elif op is C.SUBPATTERN:
            self.sequence(av[-1], follow)
        elif op is C.GROUPREF_EXISTS:
            self.sequence(av[1], follow)
            if av[2] is not None:
                self.sequence(av[2], follow)
        # atomic groups and possessive repeats never give back what they matched;
        # lookarounds match nothing; single characters have one way to match

    def overlapping(self, a: Any, b: Any) -> bool:
        """Can two alternatives start matching the same text? Compared character by
        character over their leading single characters: different somewhere → no."""
        lead_a = self._lead(a)
        lead_b = self._lead(b)
        if not lead_a or not lead_b:
            fa, ea = self.first(a)
            fb, eb = self.first(b)
            return ea or eb or _meets(fa, fb, self.fold)
        return all(_meets(x, y, self.fold) for x, y in zip(lead_a, lead_b, strict=False))

    def _lead(self, items: Any) -> list[_Chars]:
        """The character sets of the leading single-character items."""
        out = []
        for op, av in items:
            if op not in _SINGLE:
                break
            out.append(self.first_item(op, av)[0])
        return out


@cache
def backtracking_problem(pattern: str) -> tuple[str, str] | None:
    """(Chinese, English) saying why ``pattern`` (already known to compile) can
    backtrack catastrophically, or None."""
    try:
        parsed = P.parse(pattern)
    except (re.error, RecursionError, OverflowError):  # compile() reports it
        return None
    # IGNORECASE for the whole pattern or a group of it ((?i), (?si:…)): compare cases
    fold = bool(parsed.state.flags & re.IGNORECASE) or bool(_LOCAL_FOLD.search(pattern))
    try:
        _Analysis(fold).walk(parsed.data)
    except Backtracking as exc:
        zh, en = exc.args
        return zh, en
    except RecursionError:
        return ("正则表达式嵌套过深，无法检查", "the regex is nested too deeply to be checked")
    return None

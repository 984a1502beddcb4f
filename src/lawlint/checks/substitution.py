"""``substitution``: wrong wording with its right form (``swap: {wrong: right}``).

Vale's ``substitution``: each finding carries the replacement as its fix. Keys are
literal text unless ``regex: true``; a regex key is matched in its context, so it may
look behind and ahead (``截止(?=20[0-9]{2}年)``) and its replacement may name groups.
With ``word_end: true`` a match must end where one of jieba's words ends: the "法考法考"
inside 学法|考法|考试 ends inside 考试 and is no word typed twice, while the "落实落实" of
贯彻落实|落实 ends with its word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from lawlint.checks._scope import SCOPE, scope_spans
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option, OptionError, compile_regex
from lawlint.findings import Finding
from lawlint.model.rules import Rule


class Substitution(Check):
    kind = "substitution"
    summary = "Replace wrong wording with the right form (fixable)"
    fields = ("match", "replacement")
    fixable = True
    options = {
        "swap": Option("str-map", {}, "Mapping of wrong text to its replacement."),
        "regex": Option("bool", False, "Treat the keys of 'swap' as regexes."),
        "word_end": Option("bool", False, "Only matches that end where a jieba word ends."),
        "scope": SCOPE,
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        swap: dict[str, str] = self.opts["swap"]
        if not swap:
            raise OptionError("swap 不能为空 / 'swap' must not be empty")
        keys = list(swap) if self.opts["regex"] else [re.escape(k) for k in swap]
        self.pairs = [(compile_regex(k), v) for k, v in zip(keys, swap.values(), strict=True)]
        self.regex = compile_regex(
            "|".join(f"(?:{k})" for k in sorted(keys, key=len, reverse=True))
        )

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        text = doc.text
        chrome = doc.chrome  # a copied page's widget rows ("关怀版关怀版") are the site's
        for start, end in scope_spans(ctx, self.opts["scope"]):
            for m in self.regex.finditer(text, start, end):
                found = m.group(0)
                if not found or (chrome and doc.line_index(m.start()) + 1 in chrome):
                    continue
                if self.opts["word_end"] and not _word_ends(ctx, m.end()):
                    continue
                replacement = self._replacement(text, m.start(), m.end())
                yield self.finding(
                    ctx, m.start(), m.end(), fix=replacement, match=found, replacement=replacement
                )

    def _replacement(self, text: str, start: int, end: int) -> str:
        """The replacement of the pair whose key matched ``text[start:end]``, matched where
        it stands (lookarounds see the text around it)."""
        for pattern, replacement in self.pairs:
            m = pattern.match(text, start)
            if m and m.end() == end:
                return m.expand(replacement) if self.opts["regex"] else replacement
        return text[start:end]


def _word_ends(ctx: Context, pos: int) -> bool:
    """Does a jieba word of the line holding ``pos - 1`` end at ``pos``?"""
    ends = ctx.line_words(ctx.doc.line_index(pos - 1) + 1)[1]
    i = bisect.bisect_left(ends, pos)
    return i < len(ends) and ends[i] == pos


CHECKS = (Substitution,)

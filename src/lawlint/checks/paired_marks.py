"""``unpaired-mark``: paired marks that do not balance within a paragraph
(GB/T 15834-2011: 《》 “” ‘’ （） 【】 〔〕 come in pairs). An opening mark in the
sentence where a cut text stops is left to ``text-truncated``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.model.rules import Rule


class UnpairedMark(Check):
    kind = "unpaired-mark"
    summary = "Unbalanced 《》 “” ‘’ （） 【】 within a paragraph"
    fields = ("match", "partner")
    options = {
        "pairs": Option(
            "str-list",
            ["《》", "“”", "‘’", "（）", "【】", "〔〕"],
            "Opening and closing mark of each pair, as two-character strings.",
        ),
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.pairs = [p for p in self.opts["pairs"] if len(p) == 2]
        self.open = {p[0]: p for p in self.pairs}
        self.close = {p[1]: p for p in self.pairs}
        self.regex = re.compile("[" + re.escape("".join(self.pairs)) + "]")

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        # an opening mark in the sentence a cut text stops in lost its partner to the
        # cut, not to a typo: text-truncated reports that
        cut = ctx.cut
        cut_from = cut.start if cut is not None and cut.kind == "sentence" else len(doc.text)
        for p in doc.paragraphs:
            if doc.line_index(p.start) + 1 in doc.chrome:
                continue
            stacks: dict[str, list[int]] = {pair: [] for pair in self.pairs}
            lonely: list[int] = []
            for m in self.regex.finditer(doc.text, p.start, p.end):
                ch, pos = m.group(0), m.start()
                if ch == "’" and _apostrophe(doc.text, pos):
                    continue
                if ch in self.open:
                    stacks[self.open[ch]].append(pos)
                elif stacks[self.close[ch]]:
                    stacks[self.close[ch]].pop()
                else:
                    lonely.append(pos)
            lonely.extend(pos for stack in stacks.values() for pos in stack)
            for pos in sorted(lonely):
                ch = doc.text[pos]
                if pos >= cut_from and ch in self.open:
                    continue
                pair = self.open.get(ch) or self.close[ch]
                partner = pair[1] if ch == pair[0] else pair[0]
                yield self.finding(ctx, pos, pos + 1, match=ch, partner=partner)


def _apostrophe(text: str, pos: int) -> bool:
    """’ between Latin letters is an apostrophe (People’s), not a closing quote."""
    before, after = text[pos - 1 : pos], text[pos + 1 : pos + 2]
    return before.isascii() and before.isalpha() and (not after or after.isascii())


CHECKS = (UnpairedMark,)

"""``halfwidth-punct``: ASCII punctuation in Chinese text (GB/T 15834-2011).

Chinese text takes full-width ，；：？！（）“”。 An ASCII mark counts when it touches a
Chinese character or Chinese punctuation; an ASCII point counts when it ends a
Chinese sentence ("达100%."). Never: "1." heading numbers, decimals, times (09:48),
dates, URLs (masked by the document). Brackets and double quotes are fixed as pairs,
so a pair is never left half converted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.chars import CJK, HAN, is_cjk
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding

FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CANDIDATE = re.compile(r'[,;:?!()"]')
# An ASCII point ending a Chinese sentence: after a Han character, a closing Chinese
# mark or a percent sign, before a line end, a space or Chinese text; after a digit
# only at the end of the line ("共计100.").
_POINT = re.compile(rf"(?:(?<=[{HAN}%）》”’])\.(?=[ \t]*$|[{CJK}])|(?<=\d)\.[ \t]*$)", re.M)


class HalfwidthPunct(Check):
    kind = "halfwidth-punct"
    summary = 'ASCII , ; : ? ! ( ) " . in Chinese text (fixable)'
    fields = ("match", "replacement")
    fixable = True
    options = {
        "marks": Option("str", ',;:?!()".', "Which ASCII marks to check."),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        marks = self.opts["marks"]
        markers = {
            h.marker_start + i for h in doc.headings if h.marker for i in range(h.marker.length)
        }
        flagged: dict[int, str] = {}
        chrome = doc.chrome  # a page copy's "索引号: …" rows are the site's, not the report's
        for p in doc.paragraphs:
            if chrome and doc.line_index(p.start) + 1 in chrome:
                continue
            text = doc.text[p.start : p.end]
            flagged.update(self._marks(text, p.start, marks))
            if "." in marks:
                for m in _POINT.finditer(text):
                    if p.start + m.start() not in markers:
                        flagged[p.start + m.start()] = "。"
        for pos in sorted(flagged):
            found = doc.text[pos]
            yield self.finding(
                ctx, pos, pos + 1, fix=flagged[pos], match=found, replacement=flagged[pos]
            )

    def _marks(self, text: str, base: int, marks: str) -> dict[int, str]:
        out: dict[int, str] = {}
        parens: list[int] = []
        quote: int | None = None
        quote_touch = False
        for m in _CANDIDATE.finditer(text):
            i, ch = m.start(), m.group(0)
            if ch not in marks:
                continue
            touches = is_cjk(text[i - 1 : i]) or is_cjk(text[i + 1 : i + 2])
            if ch == "(":
                parens.append(i)
                if touches:
                    out[base + i] = "（"
            elif ch == ")":
                opener = parens.pop() if parens else None
                if touches or (opener is not None and base + opener in out):
                    out[base + i] = "）"
                    if opener is not None:
                        out[base + opener] = "（"
            elif ch == '"':
                if quote is None:
                    quote, quote_touch = i, touches
                else:
                    if quote_touch or touches:
                        out[base + quote] = "“"
                        out[base + i] = "”"
                    quote = None
            elif touches:
                out[base + i] = FULLWIDTH[ch]
        return out


CHECKS = (HalfwidthPunct,)

"""``doc-number-bracket``: the year of a document number (发文字号) goes in 六角括号
〔〕 (GB/T 9704-2012 7.2.4): "人社部发〔2016〕82号", not "[2016]", "(2016)", "【2016】",
"（2016）", "〈2016〉", "「2016」" or the look-alike small brackets "﹝2016﹞" (also
when a stray 第 follows: "[2023]第15号").

A document number is recognised by its shape: an issuer's abbreviation (ending in a
Chinese character), a bracketed four-digit year, then a serial number and 号. A
bracketed year anywhere else ("《纲要（2021—2025年）》", "（2024年）") is not one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.chars import HAN
from lawlint.checks.base import Check, Context
from lawlint.findings import Finding

_DOC_NUMBER = re.compile(
    rf"(?<=[{HAN}])([\[(（【［﹝〔〈「])((?:19|20)\d\d)([\])）】］﹞〕〉」])(?=第?\d{{1,5}}号)"
)


class DocNumberBracket(Check):
    kind = "doc-number-bracket"
    summary = "Document-number year in [ ] ( ) 【】 （） instead of 〔〕 (fixable)"
    fields = ("match", "replacement")
    fixable = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        for m in _DOC_NUMBER.finditer(ctx.doc.text):
            if m.group(1) == "〔" and m.group(3) == "〕":
                continue
            right = f"〔{m.group(2)}〕"
            yield self.finding(
                ctx, m.start(), m.end(), fix=right, match=m.group(0), replacement=right
            )


CHECKS = (DocNumberBracket,)

"""``serial-comma``: no 顿号 between adjacent items that each carry 书名号 or 引号
(GB/T 15834-2011 4.5.3.5): 《A》《B》, “A”“B”, not 《A》、《B》, “A”、“B”.

Only a 顿号 directly between a closing and an opening mark of the same kind counts. When
something stands between the items ("《A》（2020年）、《B》") the standard keeps the 顿号,
and a mixed pair ("《A》、“B”") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.checks.base import Check, Context
from lawlint.findings import Finding

_SERIAL = re.compile(r"(?<=》)、(?=《)|(?<=〉)、(?=〈)|(?<=”)、(?=“)|(?<=’)、(?=‘)")


class SerialComma(Check):
    kind = "serial-comma"
    summary = "A 顿号 between adjacent 《》 or “” items: 《A》、《B》 (fixable)"
    fields = ("match", "replacement")
    fixable = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.text
        for m in _SERIAL.finditer(text):
            match = text[m.start() - 1 : m.end() + 1]
            yield self.finding(
                ctx, m.start(), m.end(), fix="", match=match, replacement=match[0] + match[-1]
            )


CHECKS = (SerialComma,)

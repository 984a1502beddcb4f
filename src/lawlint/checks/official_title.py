"""``official-title``: the governing documents' names quoted exactly.

Each canonical name (with 《》) comes with a regex that also matches its common
misquotations — 督查 for 督察, a hyphen or a lost dash in (2021—2025年), a missing 年.
A match that differs from the canonical name (ignoring only the width of its
brackets, which ``halfwidth-punct`` reports) is a finding whose fix is the canonical
name.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option, OptionError, compile_regex
from .base import Check, Context

_WIDE = str.maketrans("()", "（）")


class OfficialTitle(Check):
    kind = "official-title"
    summary = "Misquoted names of the governing documents (fixable)"
    fields = ("match", "replacement")
    fixable = True
    fixes_words = True
    options = {
        "titles": Option("str-map", {}, "Canonical name (with 《》) → regex of its quotations."),
    }

    def __init__(self, rule) -> None:  # type: ignore[no-untyped-def]
        super().__init__(rule)
        self.titles = [(name, compile_regex(p)) for name, p in self.opts["titles"].items()]
        for name, pattern in self.titles:
            if not pattern.fullmatch(name):
                raise OptionError(
                    f"titles 中的正则未匹配其标准名称 {name} / "
                    f"the regex for {name} in 'titles' does not match the name itself"
                )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.text
        for name, pattern in self.titles:
            for m in pattern.finditer(text):
                found = m.group(0)
                if found.translate(_WIDE) == name:
                    continue
                yield self.finding(ctx, m.start(), m.end(), fix=name, match=found, replacement=name)


CHECKS = (OfficialTitle,)

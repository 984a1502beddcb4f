"""``official-title``: the governing documents' names quoted exactly.

Each canonical name (with 《》) comes with a regex that also matches its common
misquotations — 督查 for 督察, a hyphen or a lost dash in (2021—2025年), a missing 年.
A match that differs from the canonical name (ignoring only the width of its
brackets, which ``halfwidth-punct`` reports) is a finding whose fix is the canonical
name.

``catalogue`` lists further canonical names; a quoted 《…》 that is clearly an attempt
at one of them (a word dropped, added or swapped, a wrong year: see ``_catalogue``) is
a finding whose fix is that name. Titles the regexes already report are not compared
again.

``local`` patterns recognise a local document under a central one's name: a province
issued its own 《法治政府建设实施纲要（2016-2020年）》, and 省委、省政府《…》 quotes that,
not a misquotation of the central 纲要. A quoted name right after a match (its issuer)
is left alone; its dash is still ``range-dash``'s business.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.checks._catalogue import MAX_TITLE, Catalogue
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option, OptionError, compile_regex
from lawlint.findings import Finding
from lawlint.model.rules import Rule

_WIDE = str.maketrans("()", "（）")
# a quoted name: 《 … 》 on one line, a nested 〈…〉 allowed
_QUOTED = re.compile(rf"《[^《》\n]{{2,{MAX_TITLE}}}》")
# a name quoted inside another (GB/T 15834: 〈〉 within 《》, typed <> too):
# 《关于贯彻〈法治社会建设实施纲要〉的方案》
_NESTED = re.compile(rf"[〈<]([^〈〉<>《》\n]{{2,{MAX_TITLE}}})[〉>]")


class OfficialTitle(Check):
    kind = "official-title"
    summary = "Misquoted names of the governing documents (fixable)"
    fields = ("match", "replacement")
    fixable = True
    fixes_words = True
    options = {
        "titles": Option("str-map", {}, "Canonical name (with 《》) → regex of its quotations."),
        "catalogue": Option(
            "str-list", [], "Canonical names (with 《》) whose near misses are misquotations."
        ),
        "local": Option(
            "regex-list",
            [],
            "The words just before 《 that make the name a local document's "
            "(省委、省政府《…》); matched against the text before 《.",
        ),
    }
    LOCAL_WINDOW = 16  # characters before 《 the local patterns look at

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.titles = [(name, compile_regex(p)) for name, p in self.opts["titles"].items()]
        for name, pattern in self.titles:
            if not pattern.fullmatch(name):
                raise OptionError(
                    f"titles 中的正则未匹配其标准名称 {name} / "
                    f"the regex for {name} in 'titles' does not match the name itself"
                )
        for name in self.opts["catalogue"]:
            if not _QUOTED.fullmatch(name):
                raise OptionError(
                    f"catalogue 中的名称应以《》括起且不超过{MAX_TITLE}字：{name} / "
                    f"a name in 'catalogue' must be in 《》 and at most {MAX_TITLE} "
                    f"characters: {name}"
                )
        self.catalogue = Catalogue(tuple(self.opts["catalogue"]))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.doc.text
        matched: list[tuple[int, int]] = []
        for name, pattern in self.titles:
            for m in pattern.finditer(text):
                found = m.group(0)
                if self._local(text, m.start()):
                    continue
                matched.append(m.span())
                if found.translate(_WIDE) == name:
                    continue
                yield self.finding(ctx, m.start(), m.end(), fix=name, match=found, replacement=name)
        for m in _QUOTED.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in matched):
                continue
            yield from self._nested(ctx, text, m.start(), m.end())
            if not self.catalogue.entries or self._local(text, m.start()):
                continue
            name = self.catalogue.match(m.group(0))
            if name is not None:
                yield self.finding(
                    ctx, m.start(), m.end(), fix=name, match=m.group(0), replacement=name
                )

    def _nested(self, ctx: Context, text: str, start: int, end: int) -> Iterator[Finding]:
        """The names quoted in 〈〉 inside the 《》 at ``start``: read as if in 《》, and
        corrected to the canonical name in 〈〉. Set S: 《自治区贯彻落实<法治社会建设实施纲要
        （2020-2025)>实施方案》."""
        for m in _NESTED.finditer(text, start + 1, end - 1):
            quoted = "《" + m.group(1) + "》"
            name = self._canonical(quoted)
            if name is None or quoted.translate(_WIDE) == name:
                continue
            fix = "〈" + name[1:-1] + "〉"
            yield self.finding(ctx, m.start(), m.end(), fix=fix, match=m.group(0), replacement=fix)

    def _canonical(self, quoted: str) -> str | None:
        """The canonical name ``quoted`` (in 《》) stands for, if any."""
        for name, pattern in self.titles:
            if pattern.fullmatch(quoted):
                return name
        return self.catalogue.match(quoted) if self.catalogue.entries else None

    def _local(self, text: str, start: int) -> bool:
        """Is the name quoted at ``start`` a local document (its issuer just before)?"""
        before = text[max(0, start - self.LOCAL_WINDOW) : start]
        return any(p.search(before) for p in self.opts["local"])


CHECKS = (OfficialTitle,)

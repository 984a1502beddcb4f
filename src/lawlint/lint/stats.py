"""Figures for the batch review: how many sentences of a report's ``measures`` part
(主要举措和成效) give a figure, and which required parts a report has.

A reviewer reading twenty towns' drafts looks first at whether the achievements are
quantified. The count is the ``unquantified-section`` rule's own (body sentences, not
headings, of the sections recognised as the part; a sentence counts when the rule's
``figure`` pattern matches it: a number that is not a date, or a Chinese numeral with
a measure word), but it is made for every report, whether the rule reported it or
not, and whether the rule is enabled or not. So is the topic coverage beside it: how
many of the work areas that apply at the filer's level the report mentions, counted as
the ``topic-missing`` rule counts them ("12/14").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lawlint.model.document import Document
    from lawlint.model.rules import Rule
    from lawlint.model.sections import SectionSpec

#: Short Chinese names of the built-in pack's parts, for a table cell (the pack's own
#: names are whole headings: 党政主要负责人履行推进法治建设第一责任人职责情况).
PART_NAMES_ZH = {
    "measures": "主要举措和成效",
    "first-responsible": "第一责任人职责",
    "shortcomings": "存在的不足",
    "plans": "下一年度安排",
    "other": "其他情况",
}

KIND = "unquantified-section"
SECTIONS_KIND = "sections"  # the kind of section-missing
TOPICS_KIND = "topic-missing"


@dataclass(frozen=True, slots=True)
class FigureShare:
    """The batch figures of one report: sentences of its measures part and those with
    a figure; and, when counted, the topics it mentions of those that apply to it."""

    sentences: int
    with_figures: int
    topics_covered: int | None = None
    topics: int | None = None

    @property
    def share(self) -> float | None:
        """``with_figures / sentences``, or None when the part has no sentence."""
        return self.with_figures / self.sentences if self.sentences else None


def figure_settings(rules: Iterable[Rule] = ()) -> tuple[str, re.Pattern[str]]:
    """The part and the figure pattern of the first ``unquantified-section`` rule
    among ``rules`` (so the table agrees with it); the kind's defaults when none is."""
    from lawlint.checks import kinds

    for rule in rules:
        if rule.kind == KIND:
            return rule.options["section"], rule.options["figure"]
    options = kinds()[KIND].options
    from lawlint.packs.loader import option_default

    return options["section"].default, option_default(options["figure"])


def figure_share(
    doc: Document,
    specs: tuple[SectionSpec, ...],
    key: str = "measures",
    figure: re.Pattern[str] | None = None,
    report_year: int | None = None,
) -> FigureShare:
    """Body sentences of the part ``key`` and how many of them hold a ``figure``
    (by default the ``unquantified-section`` kind's); ``report_year`` is the
    configuration's, if it sets one."""
    from lawlint.checks import Context
    from lawlint.checks.quantified import figure_share as count

    total, with_figures = count(
        Context(doc, specs, report_year), key, figure or figure_settings()[1]
    )
    return FigureShare(total, with_figures)


def topic_rule(rules: Iterable[Rule] = ()) -> Rule | None:
    """The first ``topic-missing`` rule among ``rules`` (None: no topics to count)."""
    return next((rule for rule in rules if rule.kind == TOPICS_KIND), None)


def topic_coverage(
    doc: Document,
    rule: Rule,
    report_year: int | None = None,
    level: str | None = None,
    title: str | None = None,
) -> tuple[int, int]:
    """(topics mentioned, topics that apply) in ``doc``, as ``rule`` counts them; the
    configuration's ``level`` and ``title`` as the linter passes them."""
    from lawlint.checks import Context, kinds

    check = kinds()[TOPICS_KIND](rule)
    return check.coverage(Context(doc, (), report_year, level, title))  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Parts:
    """A report's required parts, as its configuration's ``section-missing`` rule
    sees them: (key, name) of each required part, and the keys the report lacks."""

    required: tuple[tuple[str, str], ...]
    missing: frozenset[str]

    @property
    def present(self) -> tuple[tuple[str, str], ...]:
        return tuple(part for part in self.required if part[0] not in self.missing)


def required_keys(rules: Iterable[Rule] = ()) -> list[str]:
    """The ``required`` option of the first ``sections`` rule among ``rules``; the
    kind's default when none is."""
    from lawlint.checks import kinds

    for rule in rules:
        if rule.kind == SECTIONS_KIND:
            return list(rule.options["required"])
    return list(kinds()[SECTIONS_KIND].options["required"].default)


def required_parts(
    doc: Document,
    specs: tuple[SectionSpec, ...],
    required: Iterable[str],
    report_year: int | None = None,
) -> Parts:
    """Which of the ``required`` parts ``doc`` has, recognised as ``section-missing``
    recognises them (whether that rule ran or not; ``report_year`` is the
    configuration's, if it sets one)."""
    from lawlint.model.sections import SectionIndex

    index = SectionIndex(doc, specs, report_year)
    keys = list(required)
    names = tuple((key, index.specs[key].name if key in index.specs else key) for key in keys)
    return Parts(names, frozenset(key for key in keys if not index.present(key)))


def part_name(key: str, names: Mapping[str, str] | None = None, lang: str = "zh") -> str:
    """What a person reads for the part ``key``: its short Chinese name (a pack's part:
    the name its pack gives it), or the key itself with ``--lang en``."""
    if lang != "zh":
        return key
    return PART_NAMES_ZH.get(key) or (names or {}).get(key) or key

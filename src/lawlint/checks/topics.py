"""``topic-missing``: work areas of 《法治政府建设实施纲要（2021—2025年）》 the report
never mentions.

Each topic has synonyms and the filer levels it applies to (a town does not decide
行政复议 cases; a province does). The level comes from the configuration, else the
rule's ``level`` option: ``all`` (every topic), a level name, or ``auto`` (read from the
title, else the file name's title, else the opening sentence — the first that names one:
镇/乡/街道 → town, 县/区 → county, 市 → city, 省/自治区 → province; a 局/委/办 before the
year → department).
A topic is a concept, not one keyword: the pack lists its expressions (synonyms,
activities, typical phrasings such as 宪法宣传周 or 以案释法 for 普法) as substrings and,
where a phrasing spans words (理论学习中心组……学习……法), as regexes confined to one
sentence. Plain substring matching on the text is used rather than jieba tokens: the
expressions are multi-character terms that jieba would split or join inconsistently
(一网通办, 全过程记录), and a token match added no precision on the reports judged
(docs/accuracy.md). Text inside cited titles 《…》 counts ("制定《行政执法全过程记录实施
细则》" is work on 三项制度); page chrome does not.
``body_patterns`` count only from the first heading on: the opening paragraph is a
formula every report shares (……领导下，深入学习贯彻习近平法治思想) whose words, under a
heading, report the leaders' study.

The rule reports once per report, listing every uncovered topic: eleven notes stacked
on one heading are noise a reviewer learns to skip. ``data.topics`` holds one key per
uncovered topic (``data.names`` their names); ``data.topic`` is the first of them, kept
for consumers of the former one-finding-per-topic form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from lawlint.chars import quoted
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.checks.required_sections import CUT_NOTE, cut_note, document_anchor
from lawlint.findings import Finding
from lawlint.model.title import title_from_name

if TYPE_CHECKING:
    from lawlint.model.document import Document

LEVELS = ("town", "county", "city", "province", "department")
_AUTO = (
    # not a street office's party committee: "中共青山街道工作委员会 青山街道办事处关于"
    ("department", re.compile(r"(局|委员会|厅|办公室|中心)[^镇乡街]{0,12}(关于|\d{4}|二〇)")),
    # a street office named 街 alone (广州: "鹤龙街2024年……"), not 街区 or 街巷
    ("town", re.compile(r"镇|乡|街道|办事处|街(?=\d{4}|二〇|关于|人民|党工委|办)")),
    ("county", re.compile(r"(?<!自治)区|县|旗")),
    ("city", re.compile(r"市")),
    ("province", re.compile(r"省|自治区")),
)


def guess_level(title: str) -> str | None:
    for level, pattern in _AUTO:
        if pattern.search(title):
            return level
    return None


class TopicMissing(Check):
    kind = "topic-missing"
    summary = "Work areas of the 2021—2025 纲要 that the report never mentions"
    fields = ("topic", "name", "names", "count", "note")
    options = {
        "topics": Option(
            "record-list",
            [],
            "Topics: key, name, words (synonyms), patterns, body_patterns (after the opening),"
            " levels (where they apply).",
            fields=(
                ("key", Option("str", None, "Stable topic key (data.topic).")),
                ("name", Option("str", None, "Name shown in the message.")),
                ("words", Option("str-list", None, "Synonyms; any one counts as a mention.")),
                (
                    "patterns",
                    Option("regex-list", [], "Phrasings (regexes); any match counts as a mention."),
                ),
                (
                    "body_patterns",
                    Option(
                        "regex-list",
                        [],
                        "Phrasings that count only after the opening paragraph (from the first"
                        " heading on): wording the preamble's formula also uses.",
                    ),
                ),
                ("levels", Option("str-list", list(LEVELS), "Levels the topic applies to.")),
            ),
        ),
        "level": Option(
            "enum",
            "all",
            "Filer level: all, auto or one of " + ", ".join(LEVELS),
            choices=("all", "auto", *LEVELS),
        ),
        "cut_note": CUT_NOTE,
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        level, _, missing = self.survey(ctx)
        if not missing:
            return
        keys = [topic["key"] for topic in missing]
        names = [topic["name"] for topic in missing]
        data: dict[str, object] = {"topics": keys, "names": names, "topic": keys[0], "level": level}
        # a text cut short (text-truncated) may do the work after the cut: say so
        if ctx.cut is not None:
            data["truncated_at"] = ctx.cut.line
        yield self.finding(
            ctx,
            *self._anchor(ctx),
            data=data,
            topic=keys[0],
            name=names[0],
            names="、".join(quoted(name) for name in names),
            count=len(names),
            note=cut_note(ctx, self.opts["cut_note"]),
        )

    def survey(self, ctx: Context) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
        """The filer's level, the topics that apply at it, and those the report never
        mentions."""
        level = ctx.level or self.opts["level"]
        if level == "auto":
            found = (guess_level(text) for text in self._who(ctx))
            level = next((lv for lv in found if lv is not None), "all")
        applicable = [
            topic for topic in self.opts["topics"] if level == "all" or level in topic["levels"]
        ]
        # chrome (breadcrumbs "首页 > 政务公开") is masked; cited titles stay: a report that
        # issues 《……行政执法全过程记录实施细则》 did that work
        text = ctx.doc.prose
        body = text[_body_start(ctx) :]
        return level, applicable, [t for t in applicable if not _mentioned(t, text, body)]

    def coverage(self, ctx: Context) -> tuple[int, int]:
        """(topics mentioned, topics that apply): the batch table's and review page's
        "N/M" — the same count as the finding's, for every report."""
        _, applicable, missing = self.survey(ctx)
        return len(applicable) - len(missing), len(applicable)

    @staticmethod
    def _who(ctx: Context) -> Iterator[str]:
        """Where the filer names itself, in order: the title; the configuration's or the
        file name's title; the opening sentence before the first heading ("2024年，白沙路
        街道……", "现将我局……报告如下"). The first that names a level wins: a web page's
        title line can lack the filer ("2021年法治政府建设工作情况报告") where the file's
        name has it."""
        doc = ctx.doc
        if doc.title is not None:
            yield doc.title.text
        named = ctx.title if ctx.title is not None else title_from_name(doc.source.path)
        if named is not None:
            yield named
        first = _first_heading(doc)
        first = len(doc.text) if first is None else first
        opening = next((s for s in doc.sentences if s.start < first), None)
        if opening is not None:
            yield doc.prose[opening.start : opening.end][:120]

    @staticmethod
    def _anchor(ctx: Context) -> tuple[int, int]:
        measures = ctx.sections.headings("measures")
        if measures and measures[0].heading is not None:
            return measures[0].heading.start, measures[0].heading.end
        return document_anchor(ctx)


def _body_start(ctx: Context) -> int:
    """Where the body begins: the first heading, else the end of the opening sentence.
    The opening paragraph is a formula every report shares ("……领导下，深入学习贯彻习近平
    法治思想"); the same words under a heading ("（一）深入学习贯彻习近平法治思想。局党组……")
    report the work."""
    doc = ctx.doc
    first = _first_heading(doc)
    if first is not None:
        return first
    return doc.sentences[0].end if doc.sentences else 0


def _first_heading(doc: Document) -> int | None:
    """Where the line of the first heading starts (None: no heading)."""
    return doc.line_starts[doc.headings[0].line - 1] if doc.headings else None


def _mentioned(topic: dict[str, object], text: str, body: str) -> bool:
    words: tuple[str, ...] = topic["words"]  # type: ignore[assignment]
    patterns: tuple[re.Pattern[str], ...] = topic.get("patterns", ())  # type: ignore[assignment]
    in_body: tuple[re.Pattern[str], ...] = topic.get("body_patterns", ())  # type: ignore[assignment]
    return (
        any(word in text for word in words)
        or any(p.search(text) for p in patterns)
        or any(p.search(body) for p in in_body)
    )


CHECKS = (TopicMissing,)

"""Inline suppression: ``<!-- lawlint-… -->`` directives in the draft itself.

Run after the checks, on their findings (it never changes what a check sees):

- ``<!-- lawlint-disable-next-line ID[,ID] -->`` — findings that start on the next line;
- ``<!-- lawlint-disable ID -->`` … ``<!-- lawlint-enable ID -->`` — findings that start
  between the two (or up to the end of the file);
- ``<!-- lawlint-disable-file -->`` — the whole file.

In a .docx, a Word comment (批注) whose whole text is a directive (without ``<!-- -->``)
works the same way on the paragraph its range starts in: ``disable-next-line`` there
suppresses the findings of that paragraph itself (the comment is on it, not before it);
``disable``/``enable`` take effect from the start of that paragraph.

Without an ID a directive applies to every rule; IDs are separated by commas (ASCII or
full-width) or spaces. In Markdown a directive is any HTML comment outside code; in
plain text it must be a line of its own. Directives are read from the raw text (the
document masks them), one comment on one line.

Two findings come from the directives themselves and no directive, ``select``/``ignore``
or configuration can hide them: ``unknown-directive`` (a misspelt directive or rule id:
otherwise the finding it meant to silence would stay and nobody would know why) and,
with ``--report-unused-directives``, ``unused-directive`` (a directive, or one of its
IDs, that suppressed nothing).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lawlint.findings import Finding
from lawlint.input.markup import PLAIN_DIRECTIVE, directives, mask_code

if TYPE_CHECKING:
    from lawlint.model.document import Document

UNKNOWN = "unknown-directive"
UNUSED = "unused-directive"
VERBS = ("disable-next-line", "disable-file", "disable", "enable")
_KNOWN_VERBS = ", ".join("lawlint-" + v for v in VERBS)
_SPLIT = re.compile(r"[,，、\s]+")


@dataclass(frozen=True, slots=True)
class DirectiveRule:
    """A rule that belongs to the directives, not to a pack (shown by ``explain``)."""

    id: str
    severity: str
    description: str
    source: str


DIRECTIVE_RULES = {
    UNKNOWN: DirectiveRule(
        UNKNOWN,
        "warning",
        "lawlint 指令拼写错误或其中的规则 id 不存在（该指令无法屏蔽原本要屏蔽的问题）"
        " / a directive, or a rule id in it, that lawlint does not know",
        "lawlint：行内指令 / inline directives (docs/configuration.md)",
    ),
    UNUSED: DirectiveRule(
        UNUSED,
        "warning",
        "lawlint 指令没有屏蔽任何问题，可以删除（--report-unused-directives）"
        " / a directive that suppressed nothing (--report-unused-directives)",
        "lawlint：行内指令 / inline directives (docs/configuration.md)",
    ),
}


@dataclass(frozen=True, slots=True)
class Directive:
    verb: str
    rules: tuple[str, ...] | None  # None: every rule; () when every id was unknown
    start: int
    end: int
    line: int | None = None  # a Word comment's disable-next-line: the line it covers

    def covers(self, rule: str) -> bool:
        return self.rules is None or rule in self.rules


@dataclass(slots=True)
class Suppression:
    findings: list[Finding]
    suppressed: int = 0


def find_directives(doc: Document) -> Iterable[tuple[int, int, str, str]]:
    """(start, end, verb, arguments) of each directive comment in the raw text."""
    raw = doc.raw
    if "lawlint-" not in raw:
        return
    if doc.markdown:
        for m in directives(mask_code(raw)):
            yield m.start(), m.end(), m.group(1), m.group(2) or ""
    else:
        for m in PLAIN_DIRECTIVE.finditer(raw):
            yield m.start(1), m.end(1), m.group(2), m.group(3) or ""


_WORD_DIRECTIVE = re.compile(r"(lawlint-[A-Za-z-]*)(?:[ \t\u3000]+(.*))?", re.S)


def word_directives(doc: Document) -> Iterable[tuple[int, int, str, str, int]]:
    """(start, end, verb, arguments, line) of each directive in a Word comment: an empty
    span at the start of the paragraph the comment is on, and that paragraph's line."""
    found = doc.source.word_directives
    if not found:
        return
    starts = [0]
    for line in doc.raw.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    for index, text in found:
        m = _WORD_DIRECTIVE.fullmatch(text.strip())
        if m is None or index >= len(starts) - 1:
            continue
        offset = starts[index]
        yield offset, offset, m.group(1), (m.group(2) or "").strip(), index + 1


def apply(
    doc: Document,
    findings: Sequence[Finding],
    known: set[str] | frozenset[str],
    *,
    report_unused: bool = False,
) -> Suppression:
    """Drop the findings the document's directives suppress; add the directives' own."""
    directives, problems = _directives(doc, known)
    kept, suppressed, used = _suppress(doc, findings, directives)
    if report_unused:
        problems.extend(_unused(doc, directives, used))
    kept.extend(problems)
    return Suppression(kept, suppressed)


def _directives(
    doc: Document, known: set[str] | frozenset[str]
) -> tuple[list[Directive], list[Finding]]:
    """The document's directives in text order (the last disable/enable before a
    finding decides), and an ``unknown-directive`` finding for each unknown verb or id."""
    directives: list[Directive] = []
    problems: list[Finding] = []
    inline = ((start, end, verb, args, None) for start, end, verb, args in find_directives(doc))
    every = sorted([*inline, *word_directives(doc)], key=lambda d: d[0])
    for start, end, verb, args, line in every:
        name = verb.removeprefix("lawlint-")
        if name not in VERBS:
            problems.append(
                _finding(
                    doc,
                    UNKNOWN,
                    start,
                    end,
                    f"未知的 lawlint 指令“{verb}”（可用：{_KNOWN_VERBS}）",
                    {"directive": verb},
                )
            )
            continue
        ids = [i for i in _SPLIT.split(args.strip()) if i]
        for rid in ids:
            if rid not in known:
                why = "不能用指令关闭" if rid in DIRECTIVE_RULES else "不存在"
                problems.append(
                    _finding(
                        doc,
                        UNKNOWN,
                        start,
                        end,
                        f"lawlint 指令中的规则 id“{rid}”{why}",
                        {"directive": verb, "rule": rid},
                    )
                )
        rules = tuple(i for i in ids if i in known) if ids else None
        directives.append(Directive(name, rules, start, end, line))
    return directives, problems


def _suppress(
    doc: Document, findings: Sequence[Finding], directives: list[Directive]
) -> tuple[list[Finding], int, set[tuple[int, str | None]]]:
    """The findings no directive covers, how many were covered, and which directive
    (index, rule id or None for all rules) covered at least one."""
    used: set[tuple[int, str | None]] = set()
    kept: list[Finding] = []
    suppressed = 0
    for f in findings:
        covering = _covering(directives, f, doc)
        for i in covering:
            used.add((i, None if directives[i].rules is None else f.rule))
        if covering:
            suppressed += 1
        else:
            kept.append(f)
    return kept, suppressed, used


def _unused(
    doc: Document, directives: list[Directive], used: set[tuple[int, str | None]]
) -> list[Finding]:
    """An ``unused-directive`` finding for each disabling directive (and each of its
    rule ids) that covered nothing."""
    problems: list[Finding] = []
    for i, d in enumerate(directives):
        if d.verb == "enable":
            continue
        for rid in (None,) if d.rules is None else d.rules:
            if (i, rid) not in used:
                what = "全部规则" if rid is None else rid
                problems.append(
                    _finding(
                        doc,
                        UNUSED,
                        d.start,
                        d.end,
                        f"lawlint 指令没有屏蔽任何问题（{what}），可以删除",
                        {"directive": "lawlint-" + d.verb, "rule": rid},
                    )
                )
    return problems


def _covering(directives: Sequence[Directive], f: Finding, doc: Document) -> list[int]:
    """Indexes of the directives that suppress ``f``."""
    out = []
    last_range: int | None = None
    for i, d in enumerate(directives):
        if not d.covers(f.rule):
            continue
        if d.verb == "disable-file":
            out.append(i)
        elif d.verb == "disable-next-line":
            if (doc.position(d.end)[0] + 1 if d.line is None else d.line) == f.line:
                out.append(i)
        elif d.end <= f.start:
            last_range = i  # the last disable/enable before the finding decides
    if last_range is not None and directives[last_range].verb == "disable":
        out.append(last_range)
    return out


def _finding(
    doc: Document, rule: str, start: int, end: int, message: str, data: dict[str, Any]
) -> Finding:
    return doc.finding(rule, DIRECTIVE_RULES[rule].severity, start, end, message, data=data)

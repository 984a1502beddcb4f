"""``--fix``: apply the fixes the findings carry, and never change a word.

A fix is an edit of the finding's span (``Finding.start``/``end``, offsets into the
document text, which has the same length as the real text). :func:`fix_source` runs in
passes: lint, choose the edits, apply them, lint again — until no edit is left, at most
:data:`MAX_PASSES` times.

Which edits a pass applies (:func:`plan`), deterministically:

- only findings of a rule whose kind is ``fixable`` and that carry a fix;
- an edit is *refused* (never applied; its finding stays) when it would change the
  sequence of letters, digits and Chinese characters (compared after NFKC, so that
  "２０２４" → "2024" keeps its digits), add or remove a line break (each line keeps its
  own line ending), or touch text the document masks (URLs, Markdown code). One
  exception is explicit: a kind declaring ``fixes_words`` (``official-title``) corrects
  a misquoted name of a governing document to its exact canonical form — 督查 → 督察 —
  so its edits may change characters; nothing else may;
- edits are sorted by (start, longest span first, rule id, replacement); walking that
  order, an edit is kept when it starts at or after the end of the last kept edit and
  not at the same offset. So on an overlap the edit that starts first wins, and of
  edits starting together the longest ("(二)、" → "（二）" rather than its "(" → "（").
  The edits left out are not lost: the next pass lints the fixed text again and applies
  what still applies.

A text on which a pass applies nothing is a fixed point, so fixing it again changes
nothing (idempotence). The invariant is checked edit by edit and, as an assertion,
once more on the whole text.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from lawlint.chars import MASK
from lawlint.findings import Finding
from lawlint.model.document import Document

if TYPE_CHECKING:
    from lawlint.input.source import Source
    from lawlint.lint.engine import FileOverrides, Linter

MAX_PASSES = 10


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.start - self.end, self.rule, self.replacement)


@dataclass(slots=True)
class FixResult:
    """What fixing one source did: the fixed text, how many edits were applied, the
    findings of the original text and those of the fixed text (what is left)."""

    source: Source
    text: str
    original: list[Finding]
    findings: list[Finding]
    document: Document
    applied: int = 0
    passes: int = 0
    converged: bool = True
    refused: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.text != self.source.text

    def encoded(self) -> bytes:
        """The fixed text in the file's own encoding, BOM and line endings."""
        return self.source.encode(self.text)

    def diff(self) -> str:
        return unified_diff(self.source.path, self.source.text, self.text)


def skeleton(text: str) -> str:
    """The letters, digits and Chinese characters of ``text``, in order, in NFKC form:
    what a fix must never change."""
    return "".join(
        c for ch in text if ch.isalnum() for c in unicodedata.normalize("NFKC", ch) if c.isalnum()
    )


def refusal(text: str, masked: str, edit: Edit, *, words: bool = False) -> str | None:
    """Why ``edit`` must not be applied to ``text`` (None if it may). ``words``: the
    edit comes from a kind allowed to correct words (``fixes_words``)."""
    if not 0 <= edit.start <= edit.end <= len(text):
        return "span out of range"
    old = text[edit.start : edit.end]
    if "\n" in old or "\n" in edit.replacement:
        return "adds or removes a line break"
    if MASK in masked[edit.start : edit.end]:
        return "touches a URL or code"
    if not words and skeleton(old) != skeleton(edit.replacement):
        return "changes a letter, digit or Chinese character"
    return None


def plan(
    findings: Iterable[Finding],
    text: str,
    masked: str,
    fixable: set[str],
    word_fixers: frozenset[str] = frozenset(),
) -> tuple[list[Edit], list[Finding]]:
    """The edits one pass applies (sorted, non-overlapping) and the findings whose fix
    is refused. Fixes that change nothing are dropped."""
    candidates: list[Edit] = []
    refused: list[Finding] = []
    for f in findings:
        if f.fix is None or f.rule not in fixable:
            continue
        edit = Edit(f.start, f.end, f.fix.replacement, f.rule)
        if refusal(text, masked, edit, words=f.rule in word_fixers) is not None:
            refused.append(f)
        elif text[edit.start : edit.end] != edit.replacement:
            candidates.append(edit)
    kept: list[Edit] = []
    for edit in sorted(candidates, key=Edit.sort_key):
        if kept and (edit.start < kept[-1].end or edit.start == kept[-1].start):
            continue
        kept.append(edit)
    return kept, refused


def apply(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits."""
    out: list[str] = []
    pos = 0
    for edit in edits:
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def fixable_rules(linter: Linter) -> set[str]:
    return {check.rule.id for check in linter.checks if check.fixable}


def word_fixing_rules(linter: Linter) -> frozenset[str]:
    return frozenset(check.rule.id for check in linter.checks if check.fixes_words)


def fix_source(
    linter: Linter,
    source: Source,
    *,
    max_passes: int = MAX_PASSES,
    overrides: FileOverrides | None = None,
) -> FixResult:
    """Fix ``source`` (nothing is written); the findings returned are those of the
    fixed text. ``overrides``: the file's per-file configuration. Findings the draft's
    directives suppress are not fixed."""
    fixable = fixable_rules(linter)
    word_fixers = word_fixing_rules(linter)
    current = source
    doc = Document(current)
    findings = original = linter.lint_document(doc, overrides)
    applied = 0
    passes = 0
    refused: list[Finding] = []
    converged = False
    while True:
        edits, refused = plan(findings, current.text, doc.text, fixable, word_fixers)
        if not edits:
            converged = True
            break
        if passes == max_passes:
            break
        text = apply(current.text, edits)
        corrected = apply(current.text, [e for e in edits if e.rule in word_fixers])
        if skeleton(text) != skeleton(corrected):  # pragma: no cover - plan() forbids it
            raise AssertionError("a fix changed a letter, digit or Chinese character")
        passes += 1
        applied += len(edits)
        current = replace(current, text=text)
        doc = Document(current)
        findings = linter.lint_document(doc, overrides)
    return FixResult(
        source, current.text, original, findings, doc, applied, passes, converged, refused
    )


def fix_text(linter: Linter, text: str, path: str = "<text>", *, markdown: bool = False) -> str:
    """Fix a string (tests, editors)."""
    from lawlint.input.reader import source_from_bytes

    source = source_from_bytes(text.encode("utf-8"), path, markdown=markdown)
    return fix_source(linter, source).text


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of two texts; "\\ No newline at end of file" as git writes it."""
    lines = difflib.unified_diff(
        _lines(old),
        _lines(new),
        fromfile=path,
        tofile=path,
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines with their "\\n" (``str.splitlines`` would also split at U+2028, form feeds
    and other characters that are not line breaks in a draft)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]

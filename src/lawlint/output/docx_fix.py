"""``check --fix`` on a Word document: the fixes made inside the document's runs.

lawlint lints a .docx as its body's paragraphs, one per line (:mod:`docx_reader`), and
:mod:`fixer` fixes that text. This module carries the fixed text back into the document:
for each paragraph whose text changed, the characters that changed are found (a
character diff of the paragraph's old and new text) and only the runs showing them are
edited, so everything else in the paragraph — other runs, their formatting, comments'
anchors, bookmarks, fields, images — stays as it was.

- ``track`` (the default for .docx): every change is a Word tracked change, a deletion
  (``w:del``, the old characters kept as ``w:delText``) followed by an insertion
  (``w:ins``), author :data:`AUTHOR`, the current time (UTC); the drafter accepts or
  rejects each in Word or WPS. Accepting all of them gives exactly the fixed text,
  rejecting all of them the original.
- ``apply``: the runs' text is changed in place.

Formatting: a run is split at the span's edges, each piece a copy of the run with its
own ``w:rPr``; a fix that spans runs with different formatting is cut at the runs'
boundaries, so that when the old and the new text have the same length (a half-width
comma made full-width, ``２０２４`` → ``2024``) each run gets its own part of the new text
and keeps its formatting; otherwise the new text takes the formatting of the first
character it replaces. What a run holds besides text (a drawing, a field character, a
page break marker) stays outside the changed piece.

A paragraph is left as it was (and reported) when the fix would touch text inside a
tracked change someone has not yet accepted or rejected, or text lawlint reads but no
run shows; every edited paragraph is checked afterwards — its text must read as the
fixed text and, with its tracked changes rejected, as the original — and put back as
it was if not.

Only the main document part changes: it is opened as the reader opens it
(:mod:`~lawlint.input.docx_package`: lxml with python-docx's parser settings, under the
same limits), edited with lxml, serialized as python-docx serializes a part, and every
other part is copied byte for byte from the original package, in order, with its name,
date and compression. python-docx itself is not used here, for three reasons measured
on this project: ``Document()`` inflates and parses every part of the package (images
and fonts included, without limits); its ``save`` re-serializes every XML part it
parsed and rewrites the relationships and content types, so parts nobody touched would
not stay byte-identical to what Word wrote; and importing it costs 60-200 ms, more than
a third of checking a report, which ``--fix`` must stay within 1.5x of.
"""

from __future__ import annotations

import copy
import difflib
import io
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from lawlint.errors import InputError
from lawlint.input.docx_package import RT_OFFICE_DOCUMENT, _Package, corrupt
from lawlint.input.docx_reader import _W, LINE_BREAK, _paragraphs, paragraph_text
from lawlint.output.docx_annotate import _child_text, _runs

if TYPE_CHECKING:
    from lxml.etree import _Element

AUTHOR = "lawlint"
# A package whose parts declare more than this, inflated, is not rewritten: copying it
# inflates every part (a real report with its images is a few MB, at most a few hundred).
MAX_PACKAGE_BYTES = 1024 * 1024 * 1024
_T, _RPR = f"{_W}t", f"{_W}rPr"
_INS, _DEL, _DEL_TEXT = f"{_W}ins", f"{_W}del", f"{_W}delText"
_TAB, _BR = f"{_W}tab", f"{_W}br"
_ID, _AUTHOR, _DATE = f"{_W}id", f"{_W}author", f"{_W}date"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Elements that may hold runs and a w:ins/w:del beside them.
_RUN_CONTAINERS = frozenset(
    f"{_W}{name}" for name in ("p", "hyperlink", "smartTag", "customXml", "sdtContent", "fldSimple")
)
# Someone's tracked change not yet accepted or rejected: lawlint does not edit inside it.
_PENDING = frozenset(f"{_W}{name}" for name in ("ins", "del", "moveTo", "moveFrom"))


@dataclass(frozen=True, slots=True)
class DocxFix:
    """What fixing one document did: the new package (``data`` is the input when nothing
    changed), the body's text as it now reads (tracked changes accepted), and the
    paragraphs (0-based) that were left as they were."""

    data: bytes
    text: str
    skipped: tuple[int, ...]


class _Refused(Exception):
    """A paragraph lawlint cannot edit safely: it is left as it was."""


def fix_package(
    data: bytes, path: str, old: str, new: str, *, track: bool, now: datetime | None = None
) -> DocxFix:
    """Carry the fixed body text ``new`` (``old`` is what :mod:`docx_reader` read from
    ``data``) into the document; tracked changes if ``track``. InputError if the
    package cannot be opened."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    if len(old_lines) != len(new_lines):  # pragma: no cover - the fixer keeps line breaks
        raise ValueError("a fix added or removed a paragraph")
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    if not changed:
        return DocxFix(data, old, ())
    member, root = _open(data, path)
    body = root.find(f"{_W}body")
    paragraphs = [] if body is None else [p for p, _ in _paragraphs(body)]
    if len(paragraphs) != len(old_lines):
        raise corrupt(path, "the paragraphs differ from those read")
    revisions = _Revisions(root, now) if track else None
    skipped: list[int] = []
    for i in changed:
        if not edit_paragraph(paragraphs[i], old_lines[i], new_lines[i], revisions):
            skipped.append(i)
    if len(skipped) == len(changed):
        return DocxFix(data, old, tuple(skipped))
    out = repackage(data, path, member, serialize(root))
    lines = list(new_lines)
    for i in skipped:
        lines[i] = old_lines[i]
    return DocxFix(out, "\n".join(lines), tuple(skipped))


def _open(data: bytes, path: str) -> tuple[str, _Element]:
    """The main document part's name in the package ``data`` and its XML root, opened
    as :mod:`~lawlint.input.docx_package` opens it to read it (same limits, same
    parser); InputError if the package is damaged or its parts, all inflated (as
    rewriting it does), would exceed :data:`MAX_PACKAGE_BYTES`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # BadZipFile and what a mangled directory raises
        raise corrupt(path, f"{type(exc).__name__}: {exc}") from None
    with archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_PACKAGE_BYTES:
            mib = MAX_PACKAGE_BYTES // (1024 * 1024)
            raise InputError(
                f"文档各部件解压后共超过 {mib} MB（可能是“压缩炸弹”），--fix 不改写它",
                f"the document's parts inflate to more than {mib} MB (a zip bomb?);"
                " --fix does not rewrite it",
                path=path,
            )
        package = _Package(archive, path)
        main = package.related("/", RT_OFFICE_DOCUMENT)
        if main is None:
            raise corrupt(path, "no main document part (officeDocument relationship)")
        member = main.lstrip("/")
        return member, package.xml(member, count_paragraphs=True)


def serialize(root: _Element) -> bytes:
    """A part's XML as Word and python-docx write it: UTF-8, standalone declaration."""
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def repackage(data: bytes, path: str, member: str, blob: bytes) -> bytes:
    """The package ``data`` with part ``member`` replaced by ``blob``; every other
    member copied byte for byte, in order, with its name, date and compression."""
    src = zipfile.ZipFile(io.BytesIO(data))
    if member not in src.NameToInfo:
        raise corrupt(path, f"part {member} is missing")
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            target = copy.copy(info)  # writing updates offsets and sizes: not the source's
            if info.filename == member:
                dst.writestr(target, blob)
                continue
            with src.open(info) as reader, dst.open(target, "w") as writer:
                shutil.copyfileobj(reader, writer, 1024 * 1024)
    return out.getvalue()


# -- one paragraph ---------------------------------------------------------------------


def edit_paragraph(p: _Element, old: str, new: str, revisions: _Revisions | None) -> bool:
    """Make paragraph ``p``, whose text is ``old``, read ``new``: tracked changes when
    ``revisions`` is given, plain edits otherwise. False (``p`` as it was) when it
    cannot be done safely."""
    backup = copy.deepcopy(p)
    try:
        # the runs left of every edit made so far: edits go from the last to the first
        runs = [(r, s, e) for r, s, e in _runs(p) if e > s]
        for a, b, replacement in reversed(char_edits(old, new)):
            _replace(runs, a, b, replacement, revisions)
        done = paragraph_text(p) == new
        if done and revisions is not None:
            done = rejected_text(p, revisions.ids) == old
    except _Refused:
        done = False
    if not done:
        p.getparent().replace(p, backup)
    return done


def char_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) on ``old``, sorted and non-overlapping, that make it
    ``new``. Fixes are short and far apart, so this walks both texts once: where they
    differ it looks for the nearest place they agree again (:data:`_AGREE` characters,
    at most :data:`_WINDOW` characters on from either side) and diffs that short stretch
    by character; a stretch it cannot close becomes one replacement of the rest."""
    edits: list[tuple[int, int, str]] = []
    i = j = 0
    while True:
        while old[i : i + 64] == new[j : j + 64] and i < len(old):  # the equal stretch
            i, j = i + 64, j + 64
        while i < len(old) and j < len(new) and old[i] == new[j]:
            i, j = i + 1, j + 1
        if i >= len(old) and j >= len(new):
            return edits
        x, y = _resync(old, new, i, j)
        matcher = difflib.SequenceMatcher(None, old[i : i + x], new[j : j + y], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                edits.append((i + i1, i + i2, new[j + j1 : j + j2]))
        i, j = i + x, j + y


_WINDOW = 32
_AGREE = 4


def _resync(old: str, new: str, i: int, j: int) -> tuple[int, int]:
    """How many characters (x of ``old`` from ``i``, y of ``new`` from ``j``) to replace
    before the two agree again: the fewest in all; or the rest of both."""
    for d in range(1, 2 * _WINDOW + 1):
        for x in range(max(0, d - _WINDOW), min(d, _WINDOW) + 1):
            a, b = i + x, j + d - x
            if a > len(old) or b > len(new):
                continue
            n = min(_AGREE, len(old) - a, len(new) - b)
            if old[a : a + n] == new[b : b + n] and (n == _AGREE or len(old) - a == len(new) - b):
                return x, d - x
    return len(old) - i, len(new) - j


Span = tuple["_Element", int, int]  # a run and the characters [start, end) it shows


def _replace(
    runs: list[Span], a: int, b: int, replacement: str, revisions: _Revisions | None
) -> None:
    """Replace characters [a, b) of the paragraph's text with ``replacement``. ``runs``
    are its runs showing text, in order, none right of ``b`` edited yet; on return,
    those left of ``a`` (the run cut at ``a`` as its part before ``a``)."""
    while runs and runs[-1][1] >= max(b, a + 1):  # right of the edit: done with
        runs.pop()
    if a == b:
        covered = [_insertion_run(runs, a)]
        parts = [replacement]
    else:
        covered = []
        while runs and runs[-1][2] > a:
            covered.insert(0, runs.pop())
        if sum(min(e, b) - max(s, a) for _, s, e in covered) != b - a:
            raise _Refused  # characters no run shows
        if len(replacement) == b - a:  # character for character: each run its own part
            parts = [replacement[max(s, a) - a : min(e, b) - a] for _, s, e in covered]
        else:
            parts = [replacement] + [""] * (len(covered) - 1)
    pieces = []
    for (r, s, e), part in zip(covered, parts, strict=True):
        before, middle = _isolate(r, s, e, max(s, a), min(e, b))
        pieces.append((middle, part))
        if before is not None and s < a:
            runs.append((before, s, a))
    for middle, part in pieces:
        _swap(middle, part, revisions)


def _insertion_run(runs: list[Span], at: int) -> Span:
    """The run that text inserted at ``at`` joins, taken off ``runs`` (whose runs all
    start at or before ``at``): the run whose text it follows, else (at the start of
    the paragraph) the run it precedes."""
    if len(runs) > 1 and runs[-1][1] == at:  # the run before it ends at ``at``: that one
        runs.pop()
    if runs and runs[-1][1] <= at <= runs[-1][2]:
        return runs.pop()
    raise _Refused  # no run next to it: an empty paragraph


def _check_place(run: _Element) -> None:
    parent = run.getparent()
    if parent is None or parent.tag not in _RUN_CONTAINERS:
        raise _Refused
    node = parent
    while node is not None and node.tag != f"{_W}p":
        if node.tag in _PENDING:
            raise _Refused
        node = node.getparent()


def _isolate(
    run: _Element, start: int, end: int, a: int, b: int
) -> tuple[_Element | None, _Element]:
    """Split ``run`` (showing characters [start, end)) so that its characters [a, b) are
    a run of their own (same properties): (the run before it or None, that run), the
    latter empty when a == b. What is not text stays in the run before (at or before
    ``a``) or after."""
    _check_place(run)
    before, middle, after = _shell(run), _shell(run), _shell(run)
    pos = start
    for child in run:
        if child.tag == _RPR:
            continue
        text = _child_text(child)
        if not text:
            (before if pos <= a else after).append(copy.deepcopy(child))
            continue
        lo, hi = pos, pos + len(text)
        pos = hi
        for piece, x, y in ((before, lo, a), (middle, a, b), (after, b, hi)):
            x, y = max(x, lo), min(y, hi)
            if x < y:
                piece.append(_slice(child, text, x - lo, y - lo))
    has_before = _has_content(before)
    for piece in (before, middle, after):
        if piece is middle or _has_content(piece):
            run.addprevious(piece)
    run.getparent().remove(run)
    return (before if has_before else None), middle


def _shell(run: _Element) -> _Element:
    """A copy of ``run`` with its properties and no content."""
    shell = run.makeelement(run.tag, dict(run.attrib))
    rpr = run.find(_RPR)
    if rpr is not None:
        shell.append(copy.deepcopy(rpr))
    return shell


def _slice(child: _Element, text: str, x: int, y: int) -> _Element:
    """Child ``child`` of a run, which shows ``text``, cut to its characters [x, y)."""
    piece = copy.deepcopy(child)
    if (x, y) != (0, len(text)):  # only a w:t holds more than one character
        piece.text = (child.text or "")[x:y]
        piece.set(_SPACE, "preserve")
    return piece


def _has_content(run: _Element) -> bool:
    return any(child.tag != _RPR for child in run)


def _content(run: _Element, text: str) -> None:
    """Give ``run`` the content showing ``text``: w:t, w:tab for a tab, w:br for a line
    break inside the paragraph."""
    chunk = ""
    for ch in text + "\n":  # "\n": a sentinel, never in a paragraph's text
        if ch in ("\t", LINE_BREAK, "\n"):
            if chunk:
                t = run.makeelement(_T, {_SPACE: "preserve"})
                t.text = chunk
                run.append(t)
                chunk = ""
            if ch != "\n":
                run.append(run.makeelement(_TAB if ch == "\t" else _BR, {}))
        else:
            chunk += ch


def _swap(middle: _Element, replacement: str, revisions: _Revisions | None) -> None:
    """Make run ``middle`` (a run of its own) show ``replacement`` instead of its text."""
    if revisions is None:
        for child in list(middle):
            if child.tag != _RPR:
                middle.remove(child)
        if replacement:
            _content(middle, replacement)
        else:
            middle.getparent().remove(middle)
        return
    anchor = middle
    if _has_content(middle):  # the old characters, deleted
        for child in middle.iter(_T):
            child.tag = _DEL_TEXT
        deletion = revisions.element(middle, _DEL)
        middle.addprevious(deletion)
        deletion.append(middle)
        anchor = deletion
    if replacement:
        run = _shell(middle)
        _content(run, replacement)
        insertion = revisions.element(middle, _INS)
        insertion.append(run)
        anchor.addnext(insertion)
    elif anchor is middle:  # pragma: no cover - an empty edit is never planned
        middle.getparent().remove(middle)


class _Revisions:
    """Tracked changes by :data:`AUTHOR` at one time, with ids after the document's."""

    def __init__(self, root: _Element, now: datetime | None) -> None:
        when = now or datetime.now(timezone.utc)
        self.date = when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        highest = 0
        for el in root.iter():
            value = el.get(_ID) if isinstance(el.tag, str) else None
            if value is not None and value.isdigit() and len(value) < 10:
                highest = max(highest, int(value))
        self.next = highest + 1
        self.ids: set[str] = set()

    def element(self, near: _Element, tag: str) -> _Element:
        rid = str(self.next)
        self.next += 1
        self.ids.add(rid)
        return near.makeelement(tag, {_ID: rid, _AUTHOR: AUTHOR, _DATE: self.date})


def rejected_text(p: _Element, ids: set[str]) -> str:
    """The text of paragraph ``p`` with the tracked changes whose ids are ``ids``
    rejected: their insertions dropped, their deletions restored."""
    copy_p = copy.deepcopy(p)
    for el in list(copy_p.iter(_INS, _DEL)):
        if el.get(_ID) not in ids:
            continue
        if el.tag == _INS:
            el.getparent().remove(el)
            continue
        for t in el.iter(_DEL_TEXT):
            t.tag = _T
        for child in list(el):
            el.addprevious(child)
        el.getparent().remove(el)
    return paragraph_text(copy_p)

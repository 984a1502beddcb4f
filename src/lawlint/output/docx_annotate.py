"""``check --annotate OUT``: a copy of each draft with one Word comment (批注) per finding.

The copy is a .docx: for a .docx input, the input itself with comments added (for a
.doc/.wps/.rtf/.odt input, the .docx LibreOffice made of it, which the findings were made
on); for a .txt/.md input, a plain new document with one paragraph per line. Each comment is
anchored on exactly the finding's characters: the runs at the span's ends are split at
the span's boundaries (each part keeps the run's formatting, a copy of its ``w:rPr``).
A finding with an empty span (a report-level one such as section-missing) is anchored on
the whole paragraph of its line, or on the first paragraph with text. The original is
never written; the copy is written atomically (a temporary file, then a rename).
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lawlint.errors import InputError, LawlintError
from lawlint.input.convert import convert_to_docx, is_convertible
from lawlint.input.docx_package import open_parts
from lawlint.input.docx_reader import _SKIP, _TEXT, _W, LINE_BREAK, _hidden, _paragraphs
from lawlint.input.reader import input_at

if TYPE_CHECKING:
    from lxml.etree import _Element

    from lawlint.findings import Finding
    from lawlint.lint.results import FileResult

AUTHOR = "lawlint"
INITIALS = "LL"
SUFFIX = "-审阅.docx"
_R = f"{_W}r"
_T = f"{_W}t"
_RPR = f"{_W}rPr"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


# -- runs covering characters [a, b) of a paragraph ----------------------------------------


def _child_text(child: _Element) -> str:
    """What one child of a run shows, as :func:`~lawlint.input.docx_reader.paragraph_text`
    counts it (so offsets agree with the finding's columns)."""
    tag = child.tag
    if not isinstance(tag, str) or tag in _SKIP or tag not in _TEXT:
        return ""
    shown = _TEXT[tag]
    if shown is None:
        return (child.text or "").replace("\n", LINE_BREAK).replace("\r", LINE_BREAK)
    if tag == f"{_W}br" and child.get(f"{_W}type", "textWrapping") != "textWrapping":
        return ""
    return shown


def _runs(p: _Element) -> list[tuple[_Element, int, int]]:
    """The visible runs of paragraph ``p`` in order, each with its [start, end) offsets
    in the paragraph's text (runs inside hyperlinks, insertions and fields included;
    deleted and hidden runs skipped, as the reader skips them)."""
    out: list[tuple[_Element, int, int]] = []
    pos = 0
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _R:
            if _hidden(child):
                continue
            length = sum(len(_child_text(c)) for c in child)
            out.append((child, pos, pos + length))
            pos += length
        else:
            stack.append(iter(child))
    return out


def _split_run(run: _Element, at: int) -> _Element:
    """Split ``run`` after ``at`` of its characters (0 < at < its length); the second
    part, a copy of the run (same ``w:rPr``) holding the rest, is inserted after it and
    returned."""
    tail = copy.deepcopy(run)
    run.addnext(tail)
    _keep(run, 0, at)
    _keep(tail, at, None)
    return tail


def _keep(run: _Element, a: int, b: int | None) -> None:
    """Keep only the run's characters [a, b) (b None: to the end). A child that shows no
    character (a picture, a field mark, a rendered page break) stays in the part where
    it stands — the one holding the character after it — so a split never doubles it."""
    pos = 0
    for child in list(run):
        text = _child_text(child)
        if child.tag == _RPR:
            continue
        if not text:
            if pos < a or (b is not None and pos >= b):
                run.remove(child)
            continue
        start, end = pos, pos + len(text)
        pos = end
        lo, hi = max(start, a), end if b is None else min(end, b)
        if hi <= lo:
            run.remove(child)
        elif (lo, hi) != (start, end):  # only a w:t is longer than one character
            child.text = text[lo - start : hi - start]
            child.set(_SPACE, "preserve")


def runs_covering(
    p: _Element, a: int, b: int, runs: list[tuple[_Element, int, int]] | None = None
) -> list[_Element]:
    """The runs of paragraph ``p`` that show exactly its characters [a, b), splitting
    the runs at both ends where a boundary falls inside one; [] when no run shows a
    character of the span. ``runs`` is :func:`_runs` of ``p`` when the caller has it
    (kept up to date here, so one paragraph's runs are listed once for all its spans)."""
    if runs is None:
        runs = _runs(p)
    if b <= a:
        return []
    for at in (a, b):
        for i, (run, start, end) in enumerate(runs):
            if start < at < end:
                runs[i : i + 1] = [(run, start, at), (_split_run(run, at - start), at, end)]
                break
    return [run for run, start, end in runs if a <= start and end <= b and end > start]


# -- comments ------------------------------------------------------------------------------


def comment_text(finding: Finding) -> str:
    """The comment: the message, the rule id, and the fix's replacement if it has one."""
    text = f"{finding.message}（{finding.rule}）"
    if finding.fix is not None:
        if finding.fix.replacement:
            text += f"\n改为：{finding.fix.replacement}"
        else:
            text += "\n删除此处文字。"
    return text


def _anchor(
    paragraphs: list[_Element], finding: Finding, listed: dict[int, list[tuple[_Element, int, int]]]
) -> list[_Element]:
    """The runs a finding's comment is anchored on (see the module's docstring);
    ``listed`` caches each paragraph's runs by index."""

    def runs_of(i: int) -> list[tuple[_Element, int, int]]:
        if i not in listed:
            listed[i] = _runs(paragraphs[i])
        return listed[i]

    index = finding.line - 1
    if 0 <= index < len(paragraphs):
        runs = runs_of(index)
        a = finding.column - 1
        # a span running past its paragraph is anchored on the paragraph's rest
        b = finding.end_column - 1 if finding.end_line == finding.line else 1 << 30
        length = runs[-1][2] if runs else 0
        covered = runs_covering(paragraphs[index], a, min(b, length), runs)
        if covered:
            return covered
        whole = [run for run, start, end in runs if end > start]
        if whole:
            return whole
    for i in range(len(paragraphs)):  # report-level: the title, the first with text
        whole = [run for run, start, end in runs_of(i) if end > start]
        if whole:
            return whole
    return []


def annotate_document(document: object, findings: Sequence[Finding]) -> int:
    """Add a comment per finding to python-docx ``document``; the number added."""
    body = document.element.body  # type: ignore[attr-defined]
    paragraphs = [p for p, _ in _paragraphs(body)]
    listed: dict[int, list[tuple[_Element, int, int]]] = {}
    comments = _Comments(document)
    added = 0
    for finding in sorted(findings, key=lambda f: (f.line, f.column, f.rule)):
        runs = _anchor(paragraphs, finding, listed)
        if not runs:  # a document without text: an empty run in a new paragraph
            runs = [document.add_paragraph().add_run("")._r]  # type: ignore[attr-defined]
        comments.add(runs[0], runs[-1], comment_text(finding))
        added += 1
    return added


class _Comments:
    """Adds comments as python-docx's ``Document.add_comment`` does — the same
    ``w:comment`` (id, author, initials, date; a ``CommentText`` paragraph per line of
    text, the first opening with the ``annotationRef`` run) and the same range markers
    around the runs — without its per-comment costs: python-docx finds the next id by an
    XPath over every comment so far (quadratic in the findings) and builds each element
    through its descriptors, which made ``--annotate`` cost 1.55x the check itself.
    python-docx still creates the comments part (``document.comments``) and parses the
    element shapes below; each comment is a deep copy of those, so every element keeps
    python-docx's element class."""

    def __init__(self, document: object) -> None:
        import datetime as dt

        from docx.oxml.parser import OxmlElement, parse_xml
        from docx.oxml.simpletypes import ST_DateTime

        self._root = document.comments._comments_elm  # type: ignore[attr-defined]
        self._used = {int(i) for i in self._root.xpath("./w:comment/@w:id")}
        # one timestamp for the whole copy (python-docx takes "now" per comment): the
        # time the review was written, in the same xsd:dateTime form
        self._date = ST_DateTime.convert_to_xml(dt.datetime.now(dt.timezone.utc))
        w = f'xmlns:w="{_W[1:-1]}"'
        self._comment = parse_xml(
            f'<w:comment {w} w:id="0" w:author=""><w:p><w:pPr>'
            '<w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr>'
            '<w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p>'
            "</w:comment>"
        )
        self._paragraph = parse_xml(
            f'<w:p {w}><w:pPr><w:pStyle w:val="CommentText"/></w:pPr></w:p>'
        )
        self._reference = parse_xml(
            f'<w:r {w}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            '<w:commentReference w:id="0"/></w:r>'
        )
        self._start = OxmlElement("w:commentRangeStart")
        self._end = OxmlElement("w:commentRangeEnd")
        self._run = OxmlElement("w:r")
        self._t = OxmlElement("w:t")

    def _next_id(self) -> int:
        """As python-docx picks it: the largest id plus one, or — past a 32-bit
        signed integer — the smallest id not used."""
        next_id = max(self._used, default=-1) + 1
        if next_id > 2**31 - 1:
            next_id = next(i for i in range(len(self._used) + 1) if i not in self._used)
        self._used.add(next_id)
        return next_id

    def _text_run(self, text: str) -> _Element:
        """A run showing ``text``, as python-docx's ``Run.text = text`` makes it: one
        ``w:t`` (space preserved when the text has spaces at an end); a text with a tab
        or a carriage return goes through python-docx itself (``w:tab``, ``w:br``)."""
        run = copy.deepcopy(self._run)
        if "\t" in text or "\r" in text:
            run.text = text
        elif text:
            t = copy.deepcopy(self._t)
            t.text = text
            if len(text.strip()) < len(text):
                t.set(_SPACE, "preserve")
            run.append(t)
        return run

    def add(self, first: _Element, last: _Element, text: str) -> None:
        """A comment with ``text`` on the runs from ``first`` to ``last``."""
        cid = str(self._next_id())
        comment = copy.deepcopy(self._comment)
        comment.set(f"{_W}id", cid)
        comment.set(f"{_W}author", AUTHOR)
        comment.set(f"{_W}initials", INITIALS)
        comment.set(f"{_W}date", self._date)
        lines = text.split("\n")
        comment[0].append(self._text_run(lines[0]))
        for line in lines[1:]:
            paragraph = copy.deepcopy(self._paragraph)
            if line:
                paragraph.append(self._text_run(line))
            comment.append(paragraph)
        self._root.append(comment)
        # the markers as python-docx's Run.mark_comment_range places them
        start = copy.deepcopy(self._start)
        start.set(f"{_W}id", cid)
        first.addprevious(start)
        reference = copy.deepcopy(self._reference)
        reference[1].set(f"{_W}id", cid)
        last.addnext(reference)
        end = copy.deepcopy(self._end)
        end.set(f"{_W}id", cid)
        last.addnext(end)


def annotated_bytes(result: FileResult) -> bytes:
    """The annotated copy of one checked file, as .docx bytes."""
    import docx

    source = result.source
    assert source is not None
    if source.paragraphs:  # read from a .docx: the same bytes, within the same limits
        with open(result.path, "rb") as fh:
            data = fh.read()
        if is_convertible(result.path):  # the document the findings were made on
            data = convert_to_docx(data, result.path)
        open_parts(data, result.path)
        document = docx.Document(io.BytesIO(data))
    else:
        document = docx.Document()
        body = document.element.body
        for p in list(body.iterchildren(f"{_W}p")):  # the template's empty paragraph
            body.remove(p)
        for line in source.text.split("\n"):
            document.add_paragraph(line)
    annotate_document(document, result.findings)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- where copies go -----------------------------------------------------------------------


def targets(results: Sequence[FileResult], out: str) -> list[tuple[FileResult, str]]:
    """Each checked file and the path of its annotated copy. ``out`` is the copy's path
    for a single file named on the command line (unless it is a folder); otherwise a folder
    that receives ``<name>-审阅.docx`` per file."""
    checked = [r for r in results if r.error is None and r.source is not None]
    if len(results) == 1 and not os.path.isdir(out):
        return [(r, out) for r in checked]
    pairs = []
    for r in checked:
        stem = os.path.splitext(os.path.basename(r.path))[0]
        pairs.append((r, os.path.join(out, stem + SUFFIX)))
    return pairs


def refuse_inputs(out: str, inputs: Sequence[str]) -> None:
    """``--annotate OUT`` must not be one of the inputs (compared as files): the copy
    would replace the draft."""
    path = input_at(out, inputs)
    if path is not None:
        raise LawlintError(
            f"批注副本 {out} 是被检查的文件之一，会覆盖原稿；未写入任何内容",
            f"the annotated copy {out} is one of the files to check and would replace "
            "the draft; nothing written",
            path=path,
        )


def write_new(path: str, data: bytes) -> None:
    """Write ``path`` atomically: a temporary file beside it, then a rename."""
    folder = os.path.dirname(os.path.abspath(path))
    tmp: str | None = None
    try:
        if os.path.isdir(folder) is False:
            os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lawlint-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o666 & ~_umask())  # as a new file, not mkstemp's 0600
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise InputError(
            f"无法写入批注副本：{exc.strerror or exc}",
            f"cannot write the annotated copy: {exc.strerror or exc}",
            path=path,
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_all(results: Sequence[FileResult], out: str) -> list[str]:
    """Write the annotated copy of every checked file; the paths written."""
    written = []
    for result, path in targets(results, out):
        write_new(path, annotated_bytes(result))
        written.append(path)
    return written

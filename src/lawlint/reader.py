"""Bytes to text: find the files, decode them, remember how to write them back.

Government drafts arrive as UTF-8, UTF-8 with a BOM (Windows Notepad), GB18030/GBK
(older Chinese Windows) and UTF-16 with a BOM (Word's "Unicode text"), with LF, CRLF
or CR line endings. The text handed to the rest of lawlint always uses ``\\n``; the
original encoding, BOM and each line's ending are kept so ``--fix`` can write the file
back exactly as it was, but for the fixed spans.

Word documents (``.docx``) are read by :mod:`docx_reader` (imported only when one is
read): each paragraph of the body becomes one line of the text, and what Word knows
about a paragraph but its text does not say (a heading style, automatic numbering, a
table cell) comes along as a :class:`LineHint`. Such a source is never written back.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

LINT_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCX_SUFFIXES = (".docx",)
STDIN = "-"

_NEWLINE = re.compile(r"\r\n|\r|\n")
# Control characters that never occur in a text draft (NUL, and C0 controls other
# than tab, newline, carriage return, form feed); their presence means binary data.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


@dataclass(frozen=True, slots=True)
class LineHint:
    """What a word processor knows about one line (a paragraph) that its text does not
    say. The document model uses it only where the text itself is silent."""

    level: int | None = None
    """Heading level from the paragraph's heading style, outline level or automatic
    numbering (1 is the level of 一、, 2 of （一）…), for a line with no text marker."""
    numbering: str = ""
    """The number Word shows before the text ("一、"): not part of the text, for display."""
    table: bool = False
    """The paragraph is in a table cell or is a table-of-contents entry: never a
    heading or a heading-like label."""


@dataclass(frozen=True, slots=True)
class Source:
    """One decoded input file."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newlines: tuple[str, ...] = ()
    markdown: bool = False
    paragraphs: bool = False
    """Each line is a paragraph of a word-processor document (.docx): a finding's line
    is the paragraph's number; lines never join into one paragraph; and the file cannot
    be written back (``--fix`` refuses it)."""
    hints: Mapping[int, LineHint] = field(default_factory=dict, hash=False, compare=False)
    """0-based line index → :class:`LineHint`, for the lines that have one."""

    def encode(self, text: str) -> bytes:
        """Encode ``text`` (``\\n`` line ends) back to the file's own bytes."""
        lines = text.split("\n")
        out = []
        for i, line in enumerate(lines):
            out.append(line)
            if i < len(lines) - 1:
                out.append(self.newlines[i] if i < len(self.newlines) else self._default_nl())
        body = "".join(out).encode(self.encoding)
        if self.bom:
            body = _BOMS[self.encoding] + body
        return body

    def _default_nl(self) -> str:
        return self.newlines[-1] if self.newlines else "\n"


_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


def decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """Return (text, encoding, has_bom), or raise InputError naming the file."""
    for enc, bom in _BOMS.items():
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise _undecodable(path, exc) from None
            _reject_binary(text, path)
            return text, enc, True
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        raise InputError(
            "看起来是 Word 文档（.docx），请以 .docx 为扩展名检查"
            "（从标准输入读取时加 --stdin-filename 名称.docx）",
            "looks like a Word document (.docx): lint it under a .docx name "
            "(on standard input, add --stdin-filename NAME.docx)",
            path=path,
        )
    if b"\x00" in data:
        raise InputError(
            "是二进制文件，不是文本，无法检查",
            "is a binary file, not text; it cannot be linted",
            path=path,
        )
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            last = exc
            continue
        _reject_binary(text, path)
        return text, enc, False
    raise _undecodable(path, last)


def _undecodable(path: str, exc: UnicodeDecodeError) -> InputError:
    return InputError(
        f"无法识别文件编码（第 {exc.start} 字节起既不是 UTF-8 也不是 GB18030），请另存为 UTF-8",
        f"cannot decode the file (byte {exc.start}: neither UTF-8 nor GB18030); save it as UTF-8",
        path=path,
    )


def _reject_binary(text: str, path: str) -> None:
    if _BINARY.search(text[:65536]):
        raise InputError(
            "含有控制字符，像是二进制文件，不是文本，无法检查",
            "contains control characters: looks like a binary file, not text",
            path=path,
        )


def split_newlines(text: str) -> tuple[str, tuple[str, ...]]:
    """Normalise CRLF/CR to LF; return the text and each line's original ending."""
    newlines = tuple(_NEWLINE.findall(text))
    if "\r" in text:
        text = _NEWLINE.sub("\n", text)
    return text, newlines


def is_docx(path: str) -> bool:
    return path.lower().endswith(DOCX_SUFFIXES)


def source_from_bytes(data: bytes, path: str, *, markdown: bool | None = None) -> Source:
    if markdown is None and is_docx(path):
        from .docx_reader import read_docx

        return read_docx(data, path)
    text, encoding, bom = decode(data, path)
    text, newlines = split_newlines(text)
    if markdown is None:
        markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
    return Source(path, text, encoding, bom, newlines, markdown)


def read_input(path: str, *, stdin_name: str | None = None) -> tuple[str, bytes]:
    """The name to show and the raw bytes of one path (``-``: standard input)."""
    if path == STDIN:
        return stdin_name or "<stdin>", sys.stdin.buffer.read()
    try:
        return path, Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("文件不存在", "no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("是目录，不是文件", "is a directory, not a file", path=path) from None
    except OSError as exc:
        raise InputError(
            f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})", path=path
        ) from None


def read_source(path: str, *, stdin_name: str | None = None) -> Source:
    """Read one path (or ``-`` for standard input) into a Source."""
    name, data = read_input(path, stdin_name=stdin_name)
    return source_from_bytes(data, name)


def discover(paths: Iterable[str], suffixes: tuple[str, ...] = LINT_SUFFIXES) -> Iterator[str]:
    """Expand the command line's paths to the files to lint, in a stable order.

    Files named on the command line are always linted, whatever their suffix.
    Directories are walked for ``suffixes`` and their files sorted by path; hidden
    folders and files are skipped, and so are the ``~$…`` lock files Word and WPS
    leave beside an open document; symbolic links are followed but a folder already
    visited (a link loop) is not entered again. A missing path is yielded as is, so
    reading it reports it.
    """
    seen: set[str] = set()
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            if path not in seen:
                seen.add(path)
                yield path
            continue
        for found in sorted(_walk(path, suffixes)):
            if found not in seen:
                seen.add(found)
                yield found


def _walk(root: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    visited: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in visited:
            dirnames[:] = []
            continue
        visited.add(ident)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith((".", "~$")) or not name.lower().endswith(suffixes):
                continue
            full = os.path.join(dirpath, name)
            if os.path.isfile(full):
                yield full

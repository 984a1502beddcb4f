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

import os
import re
import stat
import sys
from collections.abc import Iterable

from lawlint.errors import InputError
from lawlint.fileio import OPEN_FLAGS, read_at_most
from lawlint.input.convert import is_convertible, refuse_pdf
from lawlint.input.source import BOMS, Source

LINT_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCX_SUFFIXES = (".docx",)
STDIN = "-"

MB = 1024 * 1024
MAX_TEXT_BYTES = 20 * MB
"""The largest text file read (20 MB): a year's report is well under 2 MB; anything
larger is not a draft (a log, a dump, ``/dev/zero``) and would only cost memory."""
MAX_DOCX_BYTES = 100 * MB
"""The largest ``.docx`` file read (the zip itself, 100 MB: drafts with photographs stay
far below it); what it may unpack to is :mod:`docx_reader`'s limit."""

_NEWLINE = re.compile(r"\r\n|\r|\n")
_NEWLINE_BYTES = re.compile(rb"\r\n|\r|\n")
# Control characters that never occur in a text draft (NUL, and C0 controls other
# than tab, newline, carriage return, form feed and ESC — colour codes pasted from a
# terminal are text, and the outputs escape them); their presence means binary data.
# Searched for over the whole text: one linear scan.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """Return (text, encoding, has_bom), or raise InputError naming the file."""
    for enc, bom in BOMS.items():
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise _undecodable(path, data, exc, len(bom)) from None
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
    nul = data.find(b"\x00")
    if nul >= 0:
        line = len(_NEWLINE_BYTES.findall(data, 0, nul)) + 1
        raise InputError(
            f"是二进制文件，不是文本，无法检查（第 {line} 行、第 {nul} 字节为 NUL）",
            f"is a binary file, not text; it cannot be linted (a NUL byte at line {line},"
            f" byte offset {nul})",
            path=path,
        )
    errors: list[UnicodeDecodeError] = []
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            errors.append(exc)
            continue
        _reject_binary(text, path)
        return text, enc, False
    # The encoding that decoded furthest is the one the file is written in (a UTF-8
    # draft fails GB18030 within its first characters, and the other way round): its
    # error is the bad byte.
    worst = max(errors, key=lambda exc: exc.start)
    raise _undecodable(path, data, worst, 0)


def _undecodable(path: str, data: bytes, exc: UnicodeDecodeError, skip: int) -> InputError:
    """The error for a byte that does not decode: its offset in the file (``skip``: the
    byte-order mark before the decoded part) and its line, counted as lawlint counts."""
    offset = skip + exc.start
    # everything before the bad byte decoded: its line ends give the line number
    before = data[skip:offset].decode(exc.encoding, errors="replace")
    line = len(_NEWLINE.findall(before)) + 1
    byte = data[offset] if offset < len(data) else 0
    if skip:  # a byte-order mark named the encoding
        enc = exc.encoding.upper()
        zh_what, en_what = (
            f"不是有效的 {enc}（文件以其 BOM 开头）",
            f"is not valid {enc} (the file starts with its BOM)",
        )
    else:
        zh_what, en_what = "既不是 UTF-8 也不是 GB18030", "is neither UTF-8 nor GB18030"
    return InputError(
        f"无法识别文件编码：第 {line} 行的字节 0x{byte:02X}（文件第 {offset} 字节，从 0 起算）"
        f"{zh_what}，请另存为 UTF-8",
        f"cannot decode the file: byte 0x{byte:02X} at line {line} (byte offset {offset})"
        f" {en_what}; save it as UTF-8",
        path=path,
    )


def _reject_binary(text: str, path: str) -> None:
    # the whole text, in one linear scan: a control character deep in a file is as
    # much a sign of binary data as one at its start
    found = _BINARY.search(text)
    if found is not None:
        line = len(_NEWLINE.findall(text, 0, found.start())) + 1
        code = f"U+{ord(found.group()):04X}"
        raise InputError(
            f"第 {line} 行含有控制字符 {code}，像是二进制文件，不是文本，无法检查",
            f"contains a control character ({code}, line {line}): looks like a binary file,"
            " not text",
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
        from lawlint.input.docx_reader import read_docx

        return read_docx(data, path)
    if markdown is None and is_convertible(path):  # .doc, .wps, .rtf, .odt: LibreOffice
        from lawlint.input.convert import read_converted

        return read_converted(data, path)
    if data.startswith(b"%PDF-"):  # named on the command line: say what it is
        raise refuse_pdf(path)
    text, encoding, bom = decode(data, path)
    text, newlines = split_newlines(text)
    if markdown is None:
        markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
    return Source(path, text, encoding, bom, newlines, markdown)


# -- reading: bounded, regular files only --------------------------------------------------
def size_limit(name: str) -> int:
    """The most bytes read for a file of this name (see MAX_TEXT_BYTES, MAX_DOCX_BYTES)."""
    return MAX_DOCX_BYTES if is_docx(name) or is_convertible(name) else MAX_TEXT_BYTES


def read_input(path: str, *, stdin_name: str | None = None) -> tuple[str, bytes]:
    """The name to show and the raw bytes of one path (``-``: standard input).

    Reads at most :func:`size_limit` bytes, never more: a larger file, or a stream that
    does not end, is an InputError. Only regular files (and standard input) are read:
    a FIFO or a device is refused without waiting on it."""
    if path == STDIN:
        name = stdin_name or "<stdin>"
        return name, _read_stdin(name)
    return path, _read_file(path)


def _read_stdin(name: str) -> bytes:
    stream = sys.stdin
    # `lawlint check - <&-`: Python starts with sys.stdin None when descriptor 0 is closed
    if stream is None or getattr(stream, "closed", False):
        raise _stdin_closed(name)
    binary = getattr(stream, "buffer", stream)
    limit = size_limit(name)
    try:
        data = read_at_most(binary, limit)
    except ValueError:  # closed under us
        raise _stdin_closed(name) from None
    except OSError as exc:  # `< folder`, a descriptor not open for reading…
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            f"标准输入不可读（{reason}）", f"cannot read standard input ({reason})", path=name
        ) from None
    if data is None:
        raise _too_large(name, None, limit)
    return data.encode("utf-8") if isinstance(data, str) else data


def _stdin_closed(name: str) -> InputError:
    return InputError("标准输入不可读（已关闭）", "standard input is closed", path=name)


def _read_file(path: str) -> bytes:
    try:
        fd = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        raise InputError("文件不存在", "no such file", path=path) from None
    except OSError as exc:
        if os.path.isdir(path):  # a folder that cannot be opened (no read permission)
            raise _folder_error(path, exc) from None
        raise _unreadable(path, exc) from None
    try:
        info = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise _unreadable(path, exc) from None
    if not stat.S_ISREG(info.st_mode):  # checked before fdopen: it refuses a folder itself
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _folder_error(path, None)
        raise InputError(
            "不是普通文件（是设备、管道或套接字），不予读取",
            "not a regular file (a device, pipe or socket); it is not read",
            path=path,
        )
    limit = size_limit(path)
    with os.fdopen(fd, "rb") as stream:
        if info.st_size > limit:
            raise _too_large(path, info.st_size, limit)
        try:
            data = read_at_most(stream, limit, info.st_size)
        except OSError as exc:
            raise _unreadable(path, exc) from None
    if data is None:  # it grew past the limit while being read
        raise _too_large(path, None, limit)
    return data


def _too_large(path: str, size: int | None, limit: int) -> InputError:
    cap = f"{limit // MB} MB"
    if size is None:
        zh, en = f"超过 {cap}", f"more than {cap}"
    else:
        shown = f"{size / MB:.1f} MB"
        zh, en = f"{shown} > {cap}", f"{shown} > {cap}"
    return InputError(f"文件过大（{zh}），不予读取", f"file too large ({en})", path=path)


def _unreadable(path: str, exc: OSError) -> InputError:
    reason = exc.strerror or type(exc).__name__
    return InputError(f"无法读取文件（{reason}）", f"cannot read the file ({reason})", path=path)


def _folder_error(path: str, exc: OSError | None) -> InputError:
    """A folder reaches reading when the walk could not list it (or is named where a
    file is expected): say which, by trying to list it again."""
    if exc is None:
        try:
            with os.scandir(path):
                pass
        except OSError as listing:
            exc = listing
        else:
            return InputError("是目录，不是文件", "is a directory, not a file", path=path)
    reason = exc.strerror or type(exc).__name__
    return InputError(
        f"无法读取文件夹（{reason}），其中的文件未检查",
        f"cannot read the folder ({reason}); the files in it were not checked",
        path=path,
    )


def read_source(path: str, *, stdin_name: str | None = None) -> Source:
    """Read one path (or ``-`` for standard input) into a Source."""
    name, data = read_input(path, stdin_name=stdin_name)
    return source_from_bytes(data, name)


def input_at(output: str, inputs: Iterable[str]) -> str | None:
    """The input that *is* the file ``output`` names (compared as files — device and
    inode — so another spelling of the path, a symbolic or a hard link counts too), or
    None. ``--output-file`` and ``--annotate`` refuse such an output before anything is
    read or written: it would replace the draft."""
    try:
        target = os.stat(output)
    except OSError:  # does not exist (yet): no input can be it
        return None
    for path in inputs:
        try:
            st = os.stat(path)
        except (OSError, ValueError):  # '-', a missing file: reported when read
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            return path
    return None

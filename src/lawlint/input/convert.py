"""Drafts in other word-processor formats, read through LibreOffice.

Word 97-2003 (``.doc``), WPS 文字 (``.wps``), RTF (``.rtf``) and OpenDocument (``.odt``)
drafts are converted to ``.docx`` by LibreOffice when it is installed::

    soffice -env:UserInstallation=file:///TMP/profile --headless --norestore
            --infilter=FILTER --convert-to docx --outdir TMP/out TMP/in/draft.doc

and the converted document is read like any ``.docx``: a finding's line is a paragraph
of *that* document (the outputs say so). The original is never opened by LibreOffice:
its bytes, read by lawlint within the ``.docx`` size limit, are copied into a private
temporary folder, so no lock file (``.~lock.*#``) appears beside the draft. Each
conversion has its own LibreOffice profile in that folder — a LibreOffice the user has
open would otherwise take the job over and return before converting — and a time
limit (:data:`TIMEOUT_ENV`), after which LibreOffice and its children are killed.

The import filter is chosen from the file's first bytes, never left to LibreOffice's
detection: given a damaged file, detection falls back to importing it as plain text,
which would "convert" any garbage. A file that the filter cannot load is an error
naming it, like a damaged ``.docx``.

Without LibreOffice, such a file named on the command line is an error saying to save
it as ``.docx`` (exit code 2); a folder walk lists it among the files it skipped
(:mod:`lawlint.input.discovery`). A PDF is never converted: :func:`refuse_pdf`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lawlint.errors import InputError
from lawlint.fileio import OPEN_FLAGS, read_at_most

if TYPE_CHECKING:
    import subprocess

    from lawlint.input.source import Source

# subprocess, tempfile, shutil and signal are imported where a file is converted: reading
# a text or .docx draft, every run, does not pay for them

#: suffix -> (what it is, Chinese; English)
CONVERTIBLE: dict[str, tuple[str, str]] = {
    ".doc": ("Word 97-2003 文档", "a Word 97-2003 document"),
    ".wps": ("WPS 文字文档", "a WPS Writer document"),
    ".rtf": ("RTF 文档", "an RTF document"),
    ".odt": ("OpenDocument 文本", "an OpenDocument text"),
}
CONVERTIBLE_SUFFIXES = tuple(CONVERTIBLE)
CONVERTED_NOTE = (
    "经 LibreOffice 转换为 .docx 后检查，段号、列号按转换后的文档计算",
    "converted to .docx by LibreOffice before checking; paragraph and column numbers refer"
    " to the converted document",
)
"""What the reports say about a converted file (Chinese, English)."""
TIMEOUT_ENV = "LAWLINT_SOFFICE_TIMEOUT"
"""Seconds one conversion may take (default :data:`DEFAULT_TIMEOUT`)."""
DEFAULT_TIMEOUT = 120.0
MAX_BYTES = 100 * 1024 * 1024  # the .docx size limit (reader.MAX_DOCX_BYTES), both ways

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and WPS 文字: a compound file
_ZIP = b"PK\x03\x04"
_ODT = b"mimetypeapplication/vnd.oasis.opendocument.text"
# LibreOffice's places outside PATH on the systems that have them
_INSTALLED = {
    "darwin": ("/Applications/LibreOffice.app/Contents/MacOS/soffice",),
    "win32": (
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ),
}


def is_convertible(path: str) -> bool:
    """Is ``path`` read by converting it (``.doc``, ``.wps``, ``.rtf``, ``.odt``)?"""
    return path.lower().endswith(CONVERTIBLE_SUFFIXES)


def kind(path: str) -> tuple[str, str]:
    """What a convertible file is, in Chinese and English (for messages)."""
    return CONVERTIBLE[os.path.splitext(path)[1].lower()]


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` on PATH (or ``libreoffice``), else where the system's
    installer puts it (macOS, Windows); None when it is not installed."""
    import shutil

    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _INSTALLED.get(sys.platform, ()):
        if os.path.isfile(candidate):
            return candidate
    return None


def refuse_pdf(path: str) -> InputError:
    """A PDF is never checked: its text has lost the draft's paragraphs and headings."""
    return InputError(
        "是 PDF 文件，无法检查（lawlint 不转换 PDF）：请提供 .docx 原稿",
        "is a PDF, which lawlint does not check or convert: use the .docx draft",
        path=path,
    )


def needs_libreoffice(path: str) -> InputError:
    """The error for a convertible file named on the command line without LibreOffice."""
    zh, en = kind(path)
    return InputError(
        f"是 {zh}，需要 LibreOffice 转换后才能检查，但未找到 soffice："
        "请在 Word 或 WPS 中另存为 .docx 后再检查，或安装 LibreOffice",
        f"is {en}; checking it needs LibreOffice (soffice) to convert it, and none was"
        " found: save it as .docx in Word or WPS, or install LibreOffice",
        path=path,
    )


def read_converted(data: bytes, path: str) -> Source:
    """The Source of a convertible file's bytes: converted to .docx, then read as one
    (its lines are the converted document's paragraphs)."""
    from lawlint.input.docx_reader import read_docx

    converted = convert_to_docx(data, path)
    try:
        return read_docx(converted, path)
    except InputError as exc:  # a limit of the .docx reader, on what LibreOffice made
        raise InputError(
            f"经 LibreOffice 转换后{exc.zh}",
            f"after conversion by LibreOffice: {exc.en}",
            path=path,
        ) from None


# -- converting -----------------------------------------------------------------------------


class _Converted:
    """The conversions of this run, by the original's bytes: ``--annotate`` writes its
    copy from the same converted document the findings were made on, without starting
    LibreOffice again. Bounded (oldest dropped first)."""

    limit = 256 * 1024 * 1024

    def __init__(self) -> None:
        self._docs: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0

    def get(self, key: str) -> bytes | None:
        return self._docs.get(key)

    def put(self, key: str, docx: bytes) -> None:
        if key in self._docs:
            return
        self._docs[key] = docx
        self._size += len(docx)
        while self._size > self.limit and len(self._docs) > 1:
            _, dropped = self._docs.popitem(last=False)
            self._size -= len(dropped)


_DONE = _Converted()
_UNLOADABLE: set[str] = set()  # the bytes (keys) LibreOffice could not load in a batch


def convert_to_docx(data: bytes, path: str, *, timeout: float | None = None) -> bytes:
    """The ``.docx`` LibreOffice makes of a ``.doc``/``.wps``/``.rtf``/``.odt`` file's
    bytes; InputError (naming ``path``) without LibreOffice, for a file whose content is
    not what its suffix says, one LibreOffice cannot load, or a conversion that takes
    longer than ``timeout`` seconds (default: :data:`TIMEOUT_ENV`, else 120)."""
    import tempfile

    key = hashlib.sha256(data).hexdigest()
    done = _DONE.get(key)
    if done is not None:
        return done
    if key in _UNLOADABLE:  # the same filter failed on the same bytes: not again
        raise _cannot_open(path)
    infilter = import_filter(data, path)  # what the file is, LibreOffice or not
    soffice = find_soffice()
    if soffice is None:
        raise needs_libreoffice(path)
    limit = _timeout(path) if timeout is None else timeout
    suffix = os.path.splitext(path)[1].lower()
    with tempfile.TemporaryDirectory(prefix="lawlint-convert-") as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        # an ASCII name of the same suffix: the draft's own name never reaches soffice's
        # command line (a name starting with '-', or not in the locale's encoding)
        source = folder / "in" / f"draft{suffix}"
        source.write_bytes(data)
        _run([*_argv(soffice, folder, infilter), str(source)], limit, path)
        converted = _read_output(folder / "out" / "draft.docx", path)
    _DONE.put(key, converted)
    return converted


def prefetch(paths: Sequence[str]) -> int:
    """Convert the convertible files among ``paths`` ahead of reading them, with one
    LibreOffice start per import filter instead of one per file (a start costs 1-3 s; a
    folder of thirty .doc drafts is common). Best effort: a file that cannot be read or
    converted here is left to :func:`convert_to_docx`, which reports it when the file is
    read. The number of files converted."""
    import tempfile

    todo = [path for path in paths if is_convertible(path)]
    soffice = find_soffice()
    if len(todo) < 2 or soffice is None:  # one file: converted when it is read, as ever
        return 0
    done = 0
    with tempfile.TemporaryDirectory(prefix="lawlint-convert-") as tmp:
        root = Path(tmp)
        groups: dict[str, dict[str, Path]] = {}  # filter -> key -> the copy to convert
        for path in todo:
            data = _read_quietly(path)
            if data is None:
                continue
            key = hashlib.sha256(data).hexdigest()
            try:
                infilter = import_filter(data, path)
            except InputError:
                continue
            files = groups.setdefault(infilter, {})
            if _DONE.get(key) is not None or key in files:
                continue
            folder = root / str(len(groups)) / "in"
            folder.mkdir(parents=True, exist_ok=True)
            copy = folder / f"draft{len(files)}{os.path.splitext(path)[1].lower()}"
            copy.write_bytes(data)  # on disk at once: thirty drafts are not held in memory
            files[key] = copy
        for infilter, files in groups.items():
            if len(files) > 1:
                done += _convert_together(soffice, infilter, files)
    return done


def _convert_together(soffice: str, infilter: str, files: dict[str, Path]) -> int:
    """Convert ``files`` (key -> copy, all in one folder) with one LibreOffice start."""
    folder = next(iter(files.values())).parent.parent
    argv = [*_argv(soffice, folder, infilter), *(str(f) for f in files.values())]
    try:
        _run(argv, _timeout("") * len(files), "")
    except InputError:  # too slow together, or no start: each is converted on its own
        return 0
    done = 0
    for key, copy in files.items():
        try:
            _DONE.put(key, _read_output(folder / "out" / f"{copy.stem}.docx", copy.name))
            done += 1
        except InputError:  # LibreOffice could not load it: reported when it is read
            _UNLOADABLE.add(key)
    return done


def _read_quietly(path: str) -> bytes | None:
    """The file's bytes, read as the reader reads a .docx (a regular file, at most its
    100 MB), or None when that fails: reading it again reports why."""
    import stat

    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return None
            data: bytes | None = read_at_most(stream, MAX_BYTES)
            return data
    except OSError:
        return None


def _argv(soffice: str, folder: Path, infilter: str) -> list[str]:
    """LibreOffice's command line without its inputs: a private profile in ``folder``,
    the converted documents to ``folder/out``."""
    return [
        soffice,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        f"--infilter={infilter}",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(folder / "out"),
    ]


def import_filter(data: bytes, path: str) -> str:
    """LibreOffice's import filter for these bytes, from their first bytes (never its
    own detection, which imports a damaged file as plain text)."""
    if data.startswith(_OLE):  # .doc, and .wps: WPS 文字 writes Word 97's format
        return "MS Word 97"
    if data.startswith(b"{\\rtf"):  # an RTF file, or a .doc saved as RTF
        return "Rich Text Format"
    if data.startswith(_ZIP):
        if _ODT in data[:128]:  # the uncompressed first entry of every OpenDocument file
            return "writer8"
        if b"word/" in data[:65536]:  # a .docx renamed (Word's "save as" kept the name)
            return "MS Word 2007 XML"
    zh, en = kind(path)
    raise InputError(
        f"内容不是 {zh}（文件头不符），可能已损坏或改了扩展名，无法转换",
        f"does not hold {en} (its first bytes do not match): damaged or renamed; it cannot"
        " be converted",
        path=path,
    )


def _timeout(path: str) -> float:
    value = os.environ.get(TIMEOUT_ENV)
    if value is None:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < float("inf"):
        raise InputError(
            f"环境变量 {TIMEOUT_ENV}={value!r} 不是正数（秒），无法转换",
            f"the environment variable {TIMEOUT_ENV}={value!r} is not a positive number of"
            " seconds; the file was not converted",
            path=path,
        )
    return seconds


def _run(argv: list[str], timeout: float, path: str) -> None:
    """Run LibreOffice; on timeout kill its whole process group (``soffice`` is a
    script that starts ``soffice.bin``), so nothing outlives the conversion."""
    import signal
    import subprocess

    posix = os.name == "posix"
    try:
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=posix,
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            f"无法启动 LibreOffice（{argv[0]}：{reason}），未能转换",
            f"cannot start LibreOffice ({argv[0]}: {reason}); the file was not converted",
            path=path,
        ) from None
    try:
        proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc, posix)
        proc.communicate()
        shown = f"{timeout:g}"
        raise InputError(
            f"LibreOffice 转换超过 {shown} 秒未完成，已终止（可用环境变量 {TIMEOUT_ENV}"
            "调整）；请另存为 .docx 后再检查",
            f"LibreOffice did not finish converting it within {shown} s and was stopped"
            f" (set {TIMEOUT_ENV} to allow longer); save it as .docx",
            path=path,
        ) from None
    except BaseException:  # Ctrl-C: no LibreOffice left behind
        _kill(proc, posix)
        raise
    finally:
        if posix:  # whatever soffice.bin left running in its group
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)


def _kill(proc: subprocess.Popen[bytes], posix: bool) -> None:
    import signal

    with contextlib.suppress(OSError):
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()


def _cannot_open(path: str) -> InputError:
    zh, en = kind(path)
    return InputError(
        f"LibreOffice 无法打开此文件，未能转换：可能已损坏、加密，或不是 {zh}；"
        "请在 Word 或 WPS 中打开并另存为 .docx",
        f"LibreOffice cannot open it, so it was not converted: damaged, encrypted, or not"
        f" {en}; open it in Word or WPS and save it as .docx",
        path=path,
    )


def _read_output(path: Path, original: str) -> bytes:
    """The converted document: LibreOffice writes none when it cannot load the file
    (and still exits with 0)."""
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError:
        raise _cannot_open(original) from None
    with os.fdopen(fd, "rb") as stream:
        data = read_at_most(stream, MAX_BYTES)
    if data is None:
        raise InputError(
            "LibreOffice 转换所得的 .docx 超过 100 MB，不予读取",
            "the .docx LibreOffice made of it is over 100 MB; it is not read",
            path=original,
        )
    return data

"""Finding the files to lint: the command line's paths expanded, folders walked in a
stable order, links kept inside the folder, every other file a walk passes over listed
with the reason (:class:`Skipped`)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from lawlint.input.convert import CONVERTIBLE, CONVERTIBLE_SUFFIXES, find_soffice
from lawlint.input.reader import LINT_SUFFIXES, STDIN

# -- finding the files ----------------------------------------------------------------------
LinkWarning = Callable[[str, str], None]
"""Told (link, where it points) for each link skipped because it leads out of the folder."""


SKIPPED_RULE = "skipped-file"
"""The rule id of a skipped file's record in the JSON array (severity ``info``)."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file a folder walk passed over, and why (``reason``, a key of :data:`REASONS`).
    Hidden files and folders and Word's ``~$…`` lock files are never drafts and are not
    listed; files the configuration's ``exclude`` drops are not "skipped" either."""

    path: str
    suffix: str  # lower case, with its dot; "" for a name without one
    reason: str

    @property
    def zh(self) -> str:
        return _reason_text(self)[0]

    @property
    def draft_like(self) -> bool:
        """A word-processor or PDF file, which a reviewer may take for a draft that was
        checked: named one by one everywhere, JSON and SARIF included. Any other file
        (a pack's YAML, a spreadsheet, an image) is only counted in the human reports."""
        return self.reason != "other"

    @property
    def message(self) -> str:
        """The Chinese message of its ``skipped-file`` record (JSON, SARIF)."""
        return f"未检查此文件：{self.zh}"

    @property
    def en(self) -> str:
        return _reason_text(self)[1]


#: reason key -> (Chinese, English); ``{what}``/``{what_en}`` name the format, ``{suffix}``
#: the extension
REASONS: dict[str, tuple[str, str]] = {
    "needs-libreoffice": (
        "{what}，未找到 LibreOffice，无法转换：请另存为 .docx，或安装 LibreOffice",
        "{what_en}; LibreOffice (soffice) was not found to convert it: save it as .docx,"
        " or install LibreOffice",
    ),
    "pdf": (
        "PDF 不检查也不转换，请提供 .docx 原稿",
        "a PDF is not checked or converted: use the .docx draft",
    ),
    "save-as-docx": ("{what}，请另存为 .docx", "{what_en}: save it as .docx"),
    "other": (
        "不是 lawlint 检查的格式：{suffix}",
        "not a format lawlint checks: {suffix}",
    ),
}
# Draft-like formats that are neither read nor converted: (Chinese, English)
_SAVE_AS: dict[str, tuple[str, str]] = {
    ".dot": ("Word 97-2003 模板", "a Word 97-2003 template"),
    ".docm": ("含宏的 Word 文档", "a macro-enabled Word file"),
    ".wpt": ("WPS 文字模板", "a WPS Writer template"),
    ".dotx": ("Word 模板", "a Word template"),
}
SkippedNote = Callable[[Skipped], None]


def skip_reason(suffix: str) -> str:
    """Why a file with ``suffix`` that a folder walk passed over is not checked."""
    if suffix in CONVERTIBLE:  # passed over: LibreOffice is not installed
        return "needs-libreoffice"
    if suffix == ".pdf":
        return "pdf"
    if suffix in _SAVE_AS:
        return "save-as-docx"
    return "other"


def _reason_text(item: Skipped) -> tuple[str, str]:
    zh, en = REASONS[item.reason]
    what, what_en = CONVERTIBLE.get(item.suffix) or _SAVE_AS.get(item.suffix) or ("", "")
    suffix = item.suffix or "无扩展名"
    return (
        zh.format(what=what, what_en=what_en, suffix=suffix),
        en.format(what=what, what_en=what_en, suffix=item.suffix or "no extension"),
    )


def discover(
    paths: Iterable[str],
    suffixes: tuple[str, ...] = LINT_SUFFIXES,
    *,
    on_link_outside: LinkWarning | None = None,
    on_skipped: SkippedNote | None = None,
) -> Iterator[str]:
    """Expand the command line's paths to the files to lint, in a stable order.

    Files named on the command line are always linted, whatever their suffix (a link
    too). Directories are walked for ``suffixes`` and their files sorted by path; hidden
    folders and files are skipped, and so are the ``~$…`` lock files Word and WPS
    leave beside an open document. The walk stays inside the folder given: a symbolic
    link is followed when it points inside it (a folder already visited, a link loop,
    is not entered again) and skipped, with a warning (``on_link_outside``, by default
    a line on stderr), when it points outside it. A missing path is yielded as is, and
    so is a folder that cannot be listed: reading it reports why. ``.doc``, ``.wps``,
    ``.rtf`` and ``.odt`` files are found too when LibreOffice is installed (they are read
    by converting them, :mod:`lawlint.input.convert`); every other file a walk passes
    over is given to ``on_skipped`` as a :class:`Skipped` (not hidden files, not
    ``~$`` lock files).
    """
    warn = on_link_outside or _warn_link_outside
    seen: set[str] = set()
    walked: tuple[str, ...] | None = None  # suffixes a walk takes, asked at the first folder
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            if path not in seen:
                seen.add(path)
                yield path
            continue
        if walked is None:  # with LibreOffice, the formats it converts too
            walked = suffixes + (CONVERTIBLE_SUFFIXES if find_soffice() else ())
        for found in sorted(_walk(path, walked, warn, on_skipped)):
            if found not in seen:
                seen.add(found)
                yield found


def _walk(
    root: str, suffixes: tuple[str, ...], warn: LinkWarning, skipped: SkippedNote | None = None
) -> Iterator[str]:
    """The files under ``root`` (unsorted), and each folder that cannot be listed.

    Iterative (an explicit stack, so any depth), depth first in name order like
    ``os.walk`` — which path a folder reached twice through a link is listed under
    depends on that order."""
    top = os.path.realpath(root)
    visited: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError:  # gone since it was listed
            continue
        ident = (info.st_dev, info.st_ino)
        if ident in visited:
            continue
        visited.add(ident)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            yield folder  # reading it names the folder and the reason
            continue
        subfolders = []
        for entry in entries:
            is_dir = _is_dir(entry)
            if not _wanted(entry.name, is_dir, suffixes):
                if (
                    skipped is not None
                    and not is_dir
                    and not entry.name.startswith((".", "~$"))
                    and _is_file(entry)
                ):
                    suffix = os.path.splitext(entry.name)[1].lower()
                    skipped(Skipped(entry.path, suffix, skip_reason(suffix)))
                continue
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if not _inside(target, top):
                    warn(entry.path, target)
                    continue
            if is_dir:
                subfolders.append(entry.path)
            elif _is_file(entry):
                yield entry.path
        stack.extend(reversed(subfolders))


def _wanted(name: str, is_dir: bool, suffixes: tuple[str, ...]) -> bool:
    if name.startswith("."):
        return False
    if is_dir:
        return True
    return not name.startswith("~$") and name.lower().endswith(suffixes)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _inside(target: str, top: str) -> bool:
    try:
        return os.path.commonpath([target, top]) == top
    except ValueError:  # another drive (Windows)
        return False


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _printable(path: str) -> str:
    """A path as it can be shown on a terminal: control characters escaped."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", path)


def _warn_link_outside(link: str, target: str) -> None:
    print(
        f"lawlint: {_printable(link)}: 跳过指向所查文件夹之外的链接（→ {_printable(target)}）"
        f" / skipped a link that points outside the folder (-> {_printable(target)})",
        file=sys.stderr,
    )

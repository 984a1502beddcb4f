"""Finding the files to lint: the command line's paths expanded, folders walked in a
stable order, links kept inside the folder, draft-like files that cannot be checked
noted (:data:`SKIPPED_REASONS`)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator

from lawlint.input.reader import LINT_SUFFIXES, STDIN

# -- finding the files ----------------------------------------------------------------------
LinkWarning = Callable[[str, str], None]
"""Told (link, where it points) for each link skipped because it leads out of the folder."""


# Draft-like files a folder walk cannot check, and what to do (Chinese, English).
SKIPPED_REASONS: dict[str, tuple[str, str]] = {
    ".doc": ("Word 97-2003 格式，请另存为 .docx", "Word 97-2003 format: save it as .docx"),
    ".dot": ("Word 97-2003 模板，请另存为 .docx", "a Word 97-2003 template: save it as .docx"),
    ".docm": ("含宏的 Word 文档，请另存为 .docx", "a macro-enabled Word file: save it as .docx"),
    ".wps": ("WPS 文字格式，请另存为 .docx", "WPS Writer format: save it as .docx"),
    ".wpt": ("WPS 文字模板，请另存为 .docx", "a WPS Writer template: save it as .docx"),
    ".rtf": ("RTF 格式，请另存为 .docx", "RTF format: save it as .docx"),
    ".odt": ("OpenDocument 格式，请另存为 .docx", "OpenDocument format: save it as .docx"),
    ".pdf": ("PDF 无法检查，请提供 .docx 原稿", "a PDF cannot be checked: use the .docx draft"),
}
SkippedNote = Callable[[str, str], None]  # (path, suffix) of a draft-like file not checked


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
    so is a folder that cannot be listed: reading it reports why. Each draft-like file
    a walk passes over (:data:`SKIPPED_REASONS`) is given to ``on_skipped``.
    """
    warn = on_link_outside or _warn_link_outside
    seen: set[str] = set()
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            if path not in seen:
                seen.add(path)
                yield path
            continue
        for found in sorted(_walk(path, suffixes, warn, on_skipped)):
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
                suffix = os.path.splitext(entry.name)[1].lower()
                if (
                    skipped is not None
                    and not is_dir
                    and suffix in SKIPPED_REASONS
                    and not entry.name.startswith((".", "~$"))
                    and _is_file(entry)
                ):
                    skipped(entry.path, suffix)
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

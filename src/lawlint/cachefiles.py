"""lawlint's per-user cache directory and how files get into it.

Three caches live there, each a pure speed-up that can be deleted at any time: the
results of linted files (``cache.py``, ``results/``), jieba's dictionary in buckets
(``segmenter.py``) and parsed YAML documents (``yamlio.py``, ``yaml/``). They share
the rules of this module: the directory is private to the user, files appear whole or
not at all, and a cache that cannot be written is skipped without a word.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


def cache_dir() -> Path:
    """lawlint's per-user cache directory (not created here; writers create it when they write).

    ``$LAWLINT_CACHE_DIR``, else ``%LOCALAPPDATA%\\lawlint`` on Windows, else
    ``$XDG_CACHE_HOME/lawlint`` (an absolute path, as the XDG spec requires), else
    ``~/.cache/lawlint``. Never the shared temp directory: other users cannot read a 0600 file there
    and may plant one of their own.
    """
    explicit = os.environ.get("LAWLINT_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / "lawlint" if local else Path.home() / "AppData" / "Local" / "lawlint"
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "lawlint"
    return Path.home() / ".cache" / "lawlint"


def write_atomically(path: Path, data: bytes) -> bool:
    """Write through a temporary file in the same directory, so readers never see half a file;
    the directories are made (private to the user) if missing.

    False, and nothing printed, when it cannot be written: the caches only save time, and a
    read-only home or a full disk must not make lawlint fail or print anything.
    """
    import tempfile  # 5-8 ms of imports that only a cache miss needs

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            return False
        raise
    return True

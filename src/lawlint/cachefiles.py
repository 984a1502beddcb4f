"""lawlint's per-user cache directory and how files get into it.

Three caches live there, each a pure speed-up that can be deleted at any time: the
results of linted files (``cache.py``, ``results/``), jieba's dictionary in buckets
(``segmenter.py``) and parsed YAML documents (``yamlio.py``, ``yaml/``). They share
the rules of this module:

* The folders are private to the user. A cache folder lawlint creates is mode 0700 (every
  level it creates). A cache folder that exists is used only if it is a folder owned by the
  current user (or root) and not writable by others (group-writable is accepted, see
  private()); otherwise whoever controls it could plant entries (findings ``[]`` turn
  exit 1 into 0), so the cache is neither read nor written, and a warning naming the
  folder is printed once. A cache *file* that is not a regular file owned by the user (or
  root) and private to them is a miss.
* Files appear whole or not at all (a temporary file renamed into place), and every entry
  carries a digest of its own content, so a truncated or damaged entry is a miss. The
  digest is no signature: the user (or root) can still edit their own cache — deliberate
  poisoning by someone who may write the folder is out of scope, since they could as well
  edit the packs.
* A cache that cannot be read or written is skipped without a word.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from lawlint.fileio import OPEN_FLAGS

#: Folders judged in this process: folder → usable. Each untrusted folder is named once.
_judged: dict[str, bool] = {}


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


def _trusted_owners() -> tuple[int, ...]:
    return (os.geteuid(), 0)


def private(st: os.stat_result) -> bool:
    """Owned by the current user or root, and not writable by others. Group-writable is
    accepted, as for configuration files (config.trusted): under the common umask 002 each
    user has a group of their own, and an older lawlint created its folders 0775 — those
    would otherwise warn on every run. lawlint itself creates folders 0700, files 0600."""
    if sys.platform == "win32":  # no POSIX owners or modes: the profile folder's ACLs rule
        return True
    return st.st_uid in _trusted_owners() and not st.st_mode & stat.S_IWOTH


def usable(folder: Path) -> bool:
    """May the cache in ``folder`` be read and written? Checked are ``folder`` and, when it
    lies inside :func:`cache_dir`, every folder from there down to it; a folder that does not
    exist yet is fine (it will be created private). An existing one that is not a private
    folder makes the cache ignored, with a warning (Chinese and English) naming it, once a
    process."""
    root = cache_dir()
    chain = [folder]
    with contextlib.suppress(ValueError):
        rel = folder.relative_to(root)
        chain = [root] + [root.joinpath(*rel.parts[: i + 1]) for i in range(len(rel.parts))]
    return all(_judge(f) for f in chain)


def _judge(folder: Path) -> bool:
    key = os.path.abspath(folder)
    if key not in _judged:
        try:
            st = os.stat(folder)
        except FileNotFoundError:
            return True  # not judged for good: it may be created (private) later
        except OSError:
            st = None
        # A file in the way or an unreadable path: nothing can be read there and writes fail,
        # quietly, as for a read-only home. Only a folder someone else controls is named.
        ok = st is None or not stat.S_ISDIR(st.st_mode) or private(st)
        _judged[key] = ok
        if not ok:
            _warn(key)
    return _judged[key]


def _warn(folder: str) -> None:
    # The shape of config.py's warning for a configuration others control.
    shown = folder.encode("unicode_escape").decode("ascii") if not folder.isprintable() else folder
    sys.stderr.write(
        f"lawlint: {shown}: 警告：该缓存目录属于其他用户或可被其他用户写入，已忽略"
        "（不读也不写缓存；可删除该目录或执行 chmod 700） / warning: this cache folder "
        "belongs to another user or is writable by others; ignored (the cache is neither "
        "read nor written; delete the folder or chmod 700 it)\n"
    )


def _open_regular(
    path: str | Path, *, follow: bool = True
) -> tuple[BinaryIO, os.stat_result] | None:
    """``path`` opened for reading if it is a regular file, with its status; never blocks
    (a FIFO is opened without waiting for a writer) and never leaks the descriptor.
    ``follow=False``: a symbolic link is not followed (and so not opened)."""
    flags = OPEN_FLAGS
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if stat.S_ISREG(st.st_mode):
            return os.fdopen(fd, "rb"), st
    except OSError:
        pass
    os.close(fd)
    return None


def read_private(path: Path, limit: int | None = None) -> bytes | None:
    """The bytes of cache file ``path``, or None if missing, unreadable, not a regular file
    private to the user (or root), or longer than ``limit`` bytes (never read past it).
    A symbolic link is not followed: lawlint writes none, and one pointing at another of
    the user's own cache files would pass the owner check."""
    opened = _open_regular(path, follow=False)
    if opened is None:
        return None
    f, st = opened
    with f:
        if not private(st):
            return None
        try:
            blob = f.read() if limit is None else f.read(limit + 1)
        except OSError:
            return None
    return None if limit is not None and len(blob) > limit else blob


def content_hash(path: str | Path | None) -> str | None:
    """A hash of a regular file's bytes, read in blocks (bounded memory whatever its size);
    None for no path or one that cannot be read as a regular file (a folder, a device such
    as ``/dev/zero``, a FIFO: opened without blocking, never read). Loading the packs later
    reports those with a clear error; the key only has to differ from a readable file's."""
    import hashlib

    opened = None if path is None else _open_regular(path)
    if opened is None:
        return None
    f, _ = opened
    h = hashlib.blake2b(digest_size=16)
    with f:
        try:
            while block := f.read(1 << 20):
                h.update(block)
        except OSError:
            return None
    return h.hexdigest()


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each mode 0700 (``Path.mkdir(parents=True)``
    would give the parents the umask's mode, 0775 under the common umask 002)."""
    missing = []
    here = folder
    while not here.exists():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):  # a concurrent run made it
            path.mkdir(mode=0o700)


def write_atomically(path: Path, data: bytes) -> bool:
    """Write through a temporary file in the same directory, so readers never see half a file;
    the directories are made (private to the user) if missing.

    False, and nothing printed, when it cannot be written: the caches only save time, and a
    read-only home or a full disk must not make lawlint fail or print anything. Callers check
    :func:`usable` first.
    """
    import tempfile  # 5-8 ms of imports that only a cache miss needs

    try:
        make_private_dirs(path.parent)
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

"""Write a fixed file back atomically, or not at all.

The new bytes go to a temporary file in the same folder (same file system), which is
flushed, given the original's permission bits, then renamed over the original with
``os.replace`` — an atomic step on POSIX and Windows. If anything fails the temporary
file is removed and the original is left exactly as it was; the error names the file.
A symbolic link is followed: its target is rewritten, the link stays a link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from .errors import InputError


def write_atomic(path: str, data: bytes) -> None:
    """Replace the contents of ``path`` with ``data``; raise InputError on failure."""
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    tmp: str | None = None
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".lawlint-tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(
            f"无法写回修复后的文件（{reason}），原文件未改动",
            f"cannot write the fixed file ({reason}); the original is unchanged",
            path=path,
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

"""Write a fixed file back atomically, or not at all — and only when that is safe.

What ``--fix`` promises about the file it rewrites (every refusal is an
:class:`InputError` naming the file: exit code 2, the original untouched):

- **Atomic.** The new bytes go to a hidden temporary file in the target's own folder
  (``.lawlint-<name>.<random>.tmp``: same file system), which is written, flushed and
  fsynced, given the original's owner, group and permission bits, then renamed over the
  original with ``os.replace``; the folder is fsynced after the rename. A crash, a
  SIGKILL or Ctrl-C at any moment leaves the old bytes or the new ones, never a mix.
  A temporary file left by a killed run is hidden, so a folder walk never lints it.
- **Not changed since it was read.** Just before the rename the file is checked
  against what was read: same device and inode, size, modification time and bytes
  (re-read and compared). If another program changed it, nothing is written, so its
  change is kept.
- **Read-only stays read-only.** A file whose permission bits forbid writing is not
  rewritten, even by root (who could); the same for a folder that forbids it, since
  the rename changes the folder.
- **Owner, group, mode and extended attributes kept** (so an access control list
  too). When the new file cannot have the original's owner and group (another
  user's file, run without root) or one of its attributes, nothing is written.
- **Hard links are not broken.** A rename would give the name a new inode and leave
  the other links with the old text, so a file with more than one link is refused.
- **Symbolic links are followed.** The link's target is rewritten in the target's
  folder; the link stays a link.
- Only regular files are rewritten (not a device, a FIFO …).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass

from lawlint.errors import InputError

TEMP_PREFIX = ".lawlint-"
TEMP_SUFFIX = ".tmp"
# Keep the temporary name well under the 255-byte name limit: 40 characters are at
# most 160 bytes in UTF-8, plus the prefix, mkstemp's 8 random characters and the suffix.
_NAME_KEPT = 40


@dataclass(frozen=True, slots=True)
class Original:
    """What the file was when it was read: checked again just before the rename."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: bytes

    @classmethod
    def of(cls, before: os.stat_result, data: bytes) -> Original:
        """``before`` is the file's stat taken *before* reading ``data``: a change made
        while it was being read then shows as a newer modification time."""
        return cls(before.st_dev, before.st_ino, before.st_size, before.st_mtime_ns, _digest(data))


def stat_before_read(path: str) -> os.stat_result | None:
    """The stat of ``path`` (following links, as reading does), or None if it has none:
    reading it then reports why."""
    try:
        return os.stat(path)
    except OSError:
        return None


def write_atomic(path: str, data: bytes, original: Original | None = None) -> None:
    """Replace the contents of ``path`` with ``data`` (see the module's promises).

    ``original`` is what was read; without it the file is not checked for a change.
    Raises InputError, naming ``path``, when the file is not written.
    """
    try:
        target = os.path.realpath(path)
        folder = os.path.dirname(target)
        st = os.stat(target)
    except OSError as exc:
        raise _not_written(path, exc) from None
    _check_writable(path, target, folder, st)
    if original is not None:
        _check_unchanged(path, target, st, original)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=TEMP_SUFFIX, dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            _keep_owner_and_mode(path, target, fh.fileno(), tmp, st)
            os.fsync(fh.fileno())
        if original is not None:  # the last moment before the rename
            _check_unchanged(path, target, os.stat(target), original)
        os.replace(tmp, target)
        tmp = None
        _fsync_folder(folder)
    except OSError as exc:
        raise _not_written(path, exc) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def is_temp_file(name: str) -> bool:
    """Whether a file name is one of ``--fix``'s temporary files (hidden, so a folder
    walk skips it; safe to delete when no lawlint run is going on)."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def _temp_prefix(target: str) -> str:
    return f"{TEMP_PREFIX}{os.path.basename(target)[:_NAME_KEPT]}."


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _check_writable(path: str, target: str, folder: str, st: os.stat_result) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise InputError(
            "不是普通文件，--fix 不改写它",
            "is not a regular file; --fix does not rewrite it",
            path=path,
        )
    if st.st_nlink > 1:
        n = st.st_nlink
        raise InputError(
            f"文件有 {n} 个硬链接；改写会使各链接内容不再一致，--fix 不改写它，原文件未改动"
            "（可用 --diff 查看修改，或先复制成独立的文件）",
            f"the file has {n} hard links; rewriting it would break them apart, so --fix"
            " leaves it alone; the original is unchanged (see the changes with --diff, or"
            " copy it to a file of its own)",
            path=path,
        )
    if not _may_write(target, st):
        mode = f"{stat.S_IMODE(st.st_mode):04o}"
        raise InputError(
            f"文件是只读的（权限 {mode}），--fix 不改写它，原文件未改动",
            f"the file is read-only (mode {mode}); --fix does not rewrite it;"
            " the original is unchanged",
            path=path,
        )
    try:
        folder_st = os.stat(folder)
    except OSError as exc:
        raise _not_written(path, exc) from None
    if not _may_write(folder, folder_st):
        mode = f"{stat.S_IMODE(folder_st.st_mode):04o}"
        raise InputError(
            f"所在文件夹 {folder} 是只读的（权限 {mode}），无法安全写回，原文件未改动",
            f"its folder {folder} is read-only (mode {mode}): the file cannot be replaced"
            " safely; the original is unchanged",
            path=path,
        )


def _may_write(path: str, st: os.stat_result) -> bool:
    """Whether the permission bits let us write ``path``. ``os.access`` answers for an
    ordinary user (and knows ACLs and read-only mounts) but always says yes to root,
    who acts for the owner here: a file or folder its owner made read-only is left
    alone."""
    # the effective ids are the ones the kernel checks when writing
    effective = os.access in os.supports_effective_ids
    if not os.access(path, os.W_OK, effective_ids=effective):
        return False
    return not _is_root() or bool(st.st_mode & stat.S_IWUSR)


def _check_unchanged(path: str, target: str, st: os.stat_result, original: Original) -> None:
    same = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) == (
        original.device,
        original.inode,
        original.size,
        original.mtime_ns,
    )
    if same:
        try:
            with open(target, "rb") as fh:
                same = _digest(fh.read(original.size + 1)) == original.digest
        except OSError as exc:
            raise _not_written(path, exc) from None
    if not same:
        raise InputError(
            "文件在读取后被其他程序修改过；为免覆盖这些修改，未写回，请重新运行 --fix",
            "the file changed on disk after lawlint read it; not written, so that change"
            " is kept; run --fix again",
            path=path,
        )


def _keep_owner_and_mode(path: str, target: str, fd: int, tmp: str, st: os.stat_result) -> None:
    """Give the temporary file the original's owner, group, extended attributes and
    permission bits, or refuse: a rewrite must not hand another user's file to whoever
    ran lawlint, nor drop the access control list that lets a colleague read it.

    Done through the open descriptor where the system allows it: by name, a file
    swapped in by someone who can write the folder would get them instead."""
    new = os.fstat(fd)
    if (new.st_uid, new.st_gid) != (st.st_uid, st.st_gid):
        # root may give the file to anyone; a user may change only the group, to one
        # of their own groups (ownership differs only on POSIX, which has fchown)
        with contextlib.suppress(OSError):
            os.fchown(fd, st.st_uid if _is_root() else -1, st.st_gid)
        new = os.fstat(fd)
        if (new.st_uid, new.st_gid) != (st.st_uid, st.st_gid):
            raise InputError(
                f"无法保留文件的所有者和组（uid {st.st_uid}，gid {st.st_gid}），"
                "未写回，原文件未改动；请以文件所有者的身份运行 --fix",
                f"cannot keep the file's owner and group (uid {st.st_uid}, gid"
                f" {st.st_gid}); not written, the original is unchanged; run --fix as the"
                " file's owner",
                path=path,
            )
    _keep_extended_attributes(path, target, fd)
    # after fchown, which clears the set-user/group-ID bits, and after the access
    # control list, whose mask the group bits are
    mode = stat.S_IMODE(st.st_mode)
    if os.chmod in os.supports_fd:
        os.chmod(fd, mode)
    else:
        os.chmod(tmp, mode)


def _keep_extended_attributes(path: str, target: str, fd: int) -> None:
    """Copy the original's extended attributes (POSIX ACLs are ``system.posix_acl_*``;
    ``user.*`` attributes; security labels) to the temporary file. An attribute the
    new file already has with the same value is left alone, so a label the folder
    gives anyway needs no permission to set."""
    if not hasattr(os, "listxattr"):  # Linux only
        return
    try:
        names = os.listxattr(target)
    except OSError:  # the file system has none
        return
    for name in names:
        try:
            value = os.getxattr(target, name)
            try:
                current: bytes | None = os.getxattr(fd, name)
            except OSError:
                current = None
            if current != value:
                os.setxattr(fd, name, value)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise InputError(
                f"无法保留文件的扩展属性 {name}（{reason}），未写回，原文件未改动",
                f"cannot keep the file's extended attribute {name} ({reason}); not written,"
                " the original is unchanged",
                path=path,
            ) from None


def _is_root() -> bool:
    geteuid = getattr(os, "geteuid", None)  # POSIX only
    return geteuid is not None and geteuid() == 0


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable. Best effort: some systems cannot open or sync
    a folder, and the file's new bytes are already on disk."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _not_written(path: str, exc: OSError) -> InputError:
    reason = exc.strerror or str(exc)
    return InputError(
        f"无法写回修复后的文件（{reason}），原文件未改动",
        f"cannot write the fixed file ({reason}); the original is unchanged",
        path=path,
    )

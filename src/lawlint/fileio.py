"""Bounded, non-blocking reading shared by every file lawlint opens for reading: drafts
(``reader``), rule packs and configurations (``packs``) and cache files (``cachefiles``).

A file is opened with :data:`OPEN_FLAGS` — ``O_NONBLOCK``, so a FIFO is never waited on
(its ``fstat`` then tells it is no regular file), ``O_NOCTTY``, so a terminal device never
becomes the controlling one — and read with :func:`read_at_most`, which never takes more
than ``limit + 1`` bytes, so ``/dev/zero`` or a file growing while it is read cannot
exhaust memory. Standard library only: ``lawlint rules`` and warm runs import it.
"""

from __future__ import annotations

import os
from typing import IO, Any

OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_at_most(stream: IO[Any], limit: int, expected: int = 0) -> Any:
    """Everything ``stream`` holds, if that is at most ``limit`` bytes; None if it holds
    more (never more than ``limit + 1`` bytes are read). ``expected``: the size, when
    known, so a regular file is read in one call. A text stream (a text-only standard
    input) gives ``str``."""
    parts: list[Any] = []
    total = 0
    want = min(max(expected, 1 << 16) + 1, limit + 1)
    while total <= limit:
        part = stream.read(min(want, limit + 1 - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
        want = 1 << 20
    if total > limit:
        return None
    if len(parts) == 1:
        return parts[0]
    return parts[0][:0].join(parts) if parts else b""

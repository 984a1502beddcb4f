"""The result cache: an unchanged file is not linted again.

As ruff does, results are keyed by what determines them: the file's bytes, how it is
read (Markdown or not), the lawlint version and the *profile* — the rules that run with
their severities and options, the packs' section definitions, the report year and
level, the domain dictionary. Change any of them and the entry no longer matches.

One JSON file per profile in the per-user cache directory
(``<cache_dir>/results/<profile>.json``), loaded on first use and written back
atomically at the end of a run when something changed. A missing, unreadable or
corrupt cache file is ignored, and so is a failure to write one: the cache can make a
run faster, never make it fail. ``--no-cache`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from . import __version__
from .findings import Finding, unpack

FORMAT = 2  # 2: an entry's findings are findings.pack() text, decoded only when used
MAX_ENTRIES = 5000  # per profile; the least recently used go first
USE_RESOLUTION = 24 * 3600  # seconds: how precisely the last use of an entry is kept


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def fingerprint(description: Any) -> str:
    """A stable hash of a JSON-able description of a profile."""
    text = json.dumps(
        [FORMAT, __version__, description], sort_keys=True, default=str, ensure_ascii=False
    )
    return digest(text)


class ResultCache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._files: dict[str, dict[str, Any]] = {}
        self._dirty: set[str] = set()

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def _entries(self, profile: str) -> dict[str, Any]:
        if profile not in self._files:
            self._files[profile] = self._load(profile)
        return self._files[profile]

    def _path(self, profile: str) -> Path:
        assert self.directory is not None
        return self.directory / f"{profile}.json"

    def _load(self, profile: str) -> dict[str, Any]:
        try:
            with open(self._path(profile), encoding="utf-8") as fh:
                data = json.load(fh)
            if isinstance(data, dict) and data.get("format") == FORMAT:
                entries = data.get("entries")
                if isinstance(entries, dict):
                    return entries
        except (OSError, ValueError):
            pass
        return {}

    def get(self, profile: str, key: str) -> tuple[list[Finding], str, int] | None:
        """The findings (with an empty path), the same packed (``findings.pack``) and the
        suppressed count stored for ``key``. Decoded here so that an edited or damaged
        entry is a miss, never an error later."""
        if not self.enabled:
            return None
        entry = self._entries(profile).get(key)
        if not isinstance(entry, dict):
            return None
        try:
            packed = entry["findings"]
            findings = unpack(packed, "")
            suppressed = int(entry["suppressed"])
        except (KeyError, TypeError, ValueError):
            return None
        # Record the use for the least-recently-used pruning, but rewrite the file for
        # it at most once a day: a run served from the cache should write nothing.
        now = time.time()
        if now - float(entry.get("used", 0)) > USE_RESOLUTION:
            entry["used"] = now
            self._dirty.add(profile)
        return findings, packed, suppressed

    def put(self, profile: str, key: str, packed: str, suppressed: int) -> None:
        """Store ``packed`` findings (``findings.pack``) for ``key``."""
        if not self.enabled:
            return
        self._entries(profile)[key] = {
            "findings": packed,
            "suppressed": suppressed,
            "used": time.time(),
        }
        self._dirty.add(profile)

    def save(self) -> None:
        """Write back what changed, atomically; errors are ignored."""
        if not self.enabled:
            return
        for profile in sorted(self._dirty):
            entries = self._files[profile]
            if len(entries) > MAX_ENTRIES:
                keep = sorted(entries, key=lambda k: entries[k].get("used", 0))[-MAX_ENTRIES:]
                entries = {k: entries[k] for k in keep}
            self._write(profile, {"format": FORMAT, "version": __version__, "entries": entries})
        self._dirty.clear()

    def _write(self, profile: str, data: dict[str, Any]) -> None:
        from .cachefiles import write_atomically

        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_atomically(self._path(profile), text.encode("utf-8"))

"""The result cache: an unchanged file is not linted again.

As ruff does, results are keyed by what determines them: the file's bytes, how it is
read (Markdown or not), the lawlint version and the *profile* — the rules that run with
their severities and options, the packs' section definitions, the report year and
level, the domain dictionary. Change any of them and the entry no longer matches.

One JSON file per profile in the per-user cache directory
(``<cache_dir>/results/<profile>.json``), loaded on first use and written back
atomically at the end of a run when something changed. ``--no-cache`` turns it off.

The cache can make a run faster, never make it fail or change its result:

* a folder someone else controls is not used at all (``cachefiles.usable``: a warning, and
  the run lints every file), and the file must be private to the user;
* every entry is checked before it is used: its shape (exactly ``ENTRY_KEYS``, each of
  its type), a digest of its key and content (so a damaged or truncated entry, or one
  copied under another key, is a miss), and every finding record field by field. A bad
  entry is a miss: the file is linted again and the entry replaced;
* a missing, unreadable or corrupt cache file is an empty cache, and a failure to write
  one is ignored.

The digest is no signature: the user can still edit their own cache (as they can edit
their packs); entries written by others are what the ownership rule keeps out.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
from pathlib import Path
from typing import Any

from lawlint import __version__
from lawlint.findings import SEVERITIES, Finding, from_record

# 3: each entry carries "sum", a digest of its key and content (see _entry_sum)
FORMAT = 3
MAX_ENTRIES = 5000  # per profile; the least recently used go first
USE_RESOLUTION = 24 * 3600  # seconds: how precisely the last use of an entry is kept
ENTRY_KEYS = frozenset({"findings", "suppressed", "used", "sum"})


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


@functools.cache
def code_digest() -> str:
    """A digest of lawlint's own Python source. A check's behaviour or message can change
    without a pack or the version changing (a development checkout, an upgrade that
    kept the version number): cached findings must then not be served. Reading the
    package's ~100 modules costs about a millisecond, once per process."""
    return source_digest(Path(__file__).resolve().parents[1])


def source_digest(package: Path) -> str:
    """The digest of every ``*.py`` under ``package``: names and bytes."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode("utf-8"))
        h.update(b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:  # unreadable: the version and packs still key the cache
            continue
        h.update(b"\0")
    return h.hexdigest()


def fingerprint(description: Any) -> str:
    """A stable hash of a JSON-able description of a profile, with the version and
    the code (:func:`code_digest`) that produce its findings."""
    text = json.dumps(
        [FORMAT, __version__, code_digest(), description],
        sort_keys=True,
        default=str,
        ensure_ascii=False,
    )
    return digest(text)


def _entry_sum(profile: str, key: str, packed: str, suppressed: int) -> str:
    """What an entry's ``sum`` must be: its profile and key are in it, so an entry moved
    to another key or into another profile's file (one whose rules differ) is as bad as
    a damaged one."""
    return digest("entry", profile, key, packed, str(suppressed))


def _is_int(value: object) -> bool:
    return type(value) is int  # not bool, not float


def _shape_ok(entry: object) -> bool:
    """An entry as :meth:`ResultCache.put` writes it: exactly its keys, each of its type."""
    return (
        type(entry) is dict
        and entry.keys() == ENTRY_KEYS
        and type(entry["findings"]) is str
        and _is_int(entry["suppressed"])
        and entry["suppressed"] >= 0
        and type(entry["used"]) in (int, float)
        and type(entry["sum"]) is str
    )


def _record_ok(item: object) -> bool:
    """A finding record (``findings.to_record``), each field of its type. Written out
    rather than looped: a warm run checks every cached finding (~1 µs each). Keys of
    ``data`` need no check: JSON object keys are always strings."""
    if type(item) is not list or len(item) != 11:
        return False
    rule, severity, line, column, end_line, end_column, message, start, end, fix, data = item
    return (
        type(rule) is str
        and rule != ""
        and severity in SEVERITIES
        and type(line) is int
        and type(column) is int
        and type(end_line) is int
        and type(end_column) is int
        and type(start) is int
        and type(end) is int
        and line >= 1
        and column >= 1
        and end_line >= 0
        and end_column >= 0
        and 0 <= start <= end
        and type(message) is str
        and (fix is None or type(fix) is str)
        and type(data) is dict
    )


def decode_findings(packed: str) -> list[Finding] | None:
    """The findings of a cached ``findings.pack`` text (with an empty path), or None if it
    is not exactly that: a list of records, each field of its type."""
    try:
        items = json.loads(packed)
    except (ValueError, RecursionError):
        return None
    if type(items) is not list or not all(_record_ok(item) for item in items):
        return None
    return [from_record(item, "") for item in items]


class ResultCache:
    def __init__(self, directory: Path | None) -> None:
        from lawlint.cachefiles import usable

        # A folder another user controls is not used at all (a warning names it).
        self.directory = directory if directory is not None and usable(directory) else None
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
        """The entries of a profile's file; entries are checked one by one when used."""
        from lawlint.cachefiles import read_private

        blob = read_private(self._path(profile))
        if blob is None:
            return {}
        try:
            data = json.loads(blob)
        except (ValueError, RecursionError):  # truncated, binary, not UTF-8, too deep
            return {}
        if type(data) is dict and data.get("format") == FORMAT:
            entries = data.get("entries")
            if type(entries) is dict:
                return entries
        return {}

    def get(self, profile: str, key: str) -> tuple[list[Finding], str, int] | None:
        """The findings (with an empty path), the same packed (``findings.pack``) and the
        suppressed count stored for ``key``, or None. Everything is checked here, so a bad
        entry is a miss (and is dropped), never an error later."""
        if not self.enabled:
            return None
        entries = self._entries(profile)
        entry = entries.get(key)
        if entry is None:
            return None
        findings = None
        if _shape_ok(entry) and entry["sum"] == _entry_sum(
            profile, key, entry["findings"], entry["suppressed"]
        ):
            findings = decode_findings(entry["findings"])
        if findings is None:
            del entries[key]
            self._dirty.add(profile)
            return None
        # Record the use for the least-recently-used pruning, but rewrite the file for
        # it at most once a day: a run served from the cache should write nothing.
        now = time.time()
        if not now - USE_RESOLUTION <= entry["used"] <= now:
            entry["used"] = now
            self._dirty.add(profile)
        return findings, entry["findings"], entry["suppressed"]

    def put(self, profile: str, key: str, packed: str, suppressed: int) -> None:
        """Store ``packed`` findings (``findings.pack``) for ``key``."""
        if not self.enabled:
            return
        self._entries(profile)[key] = {
            "findings": packed,
            "suppressed": suppressed,
            "used": time.time(),
            "sum": _entry_sum(profile, key, packed, suppressed),
        }
        self._dirty.add(profile)

    def save(self) -> None:
        """Write back what changed, atomically; errors are ignored. Entries of the wrong
        shape (never used in this run) are dropped rather than sorted or kept."""
        if not self.enabled:
            return
        for profile in sorted(self._dirty):
            entries = {k: e for k, e in self._files[profile].items() if _shape_ok(e)}
            if len(entries) > MAX_ENTRIES:
                keep = sorted(entries, key=lambda k: entries[k]["used"])[-MAX_ENTRIES:]
                entries = {k: entries[k] for k in keep}
            self._write(profile, {"format": FORMAT, "version": __version__, "entries": entries})
        self._dirty.clear()

    def _write(self, profile: str, data: dict[str, Any]) -> None:
        from lawlint.cachefiles import write_atomically

        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_atomically(self._path(profile), text.encode("utf-8"))

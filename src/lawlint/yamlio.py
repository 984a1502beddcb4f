"""Reading YAML (rule packs, configurations): the safe loader, syntax errors with their
line, line numbers for later errors, and a cache of parsed documents.

Parsing a pack is quick; importing PyYAML is not (10-20 ms, a fifth of a warm run,
which pre-commit pays on every commit in a repository with a ``.lawlint.yaml``). So a
parsed document is kept, marshalled, in ``<cache dir>/yaml/`` under a hash of its text,
with the text itself to compare, and a run whose configuration and packs are as they
were imports no YAML at all. Only what marshal holds is kept — mappings, lists,
strings, numbers, booleans, null: what packs and configurations are made of; a
document with, say, a date in it is parsed every time. A missing, unreadable or
damaged entry is parsed again; a cache that cannot be written is skipped. The entries
depend on the text alone, so ``--no-cache`` (the result cache) leaves them be.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .cachefiles import cache_dir, write_atomically
from .errors import PackError

if TYPE_CHECKING:
    from pathlib import Path

    import yaml

FORMAT = 1  # of an entry: marshal.dumps((FORMAT, text, data))
MAX_ENTRIES = 64  # documents kept; the oldest go first (each edit of a file adds one)
_MISSING = object()


def safe_yaml(text: str, path: str, error: type[PackError] = PackError) -> Any:
    """``text`` parsed with the safe loader, from the cache if it was parsed before; a
    syntax error is ``error`` naming ``path`` and the line."""
    entry = cache_dir() / "yaml" / f"{hashlib.blake2b(text.encode(), digest_size=16).hexdigest()}"
    data = _read(entry, text)
    if data is _MISSING:
        data = _parse(text, path, error)
        _write(entry, text, data)
    return data


def safe_loader() -> type[yaml.SafeLoader]:
    """yaml.safe_load's loader, in its C implementation when PyYAML has libyaml (the same
    safe constructors, ~20x faster)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, path: str, error: type[PackError]) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=safe_loader())  # a safe loader: no arbitrary objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(
            f"YAML 语法错误：{problem}",
            f"YAML syntax error: {problem}",
            path=path,
            line=mark.line + 1 if mark else None,
        ) from None


def _read(entry: Path, text: str) -> Any:
    try:
        with open(entry, "rb") as f:
            form, kept_text, data = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):  # missing, unreadable, damaged
        return _MISSING
    return data if form == FORMAT and kept_text == text else _MISSING


def _write(entry: Path, text: str, data: Any) -> None:
    try:
        blob = marshal.dumps((FORMAT, text, data))
    except ValueError:  # something marshal does not hold (a date...): not kept
        return
    if write_atomically(entry, blob):
        with contextlib.suppress(OSError):
            entries = sorted(entry.parent.iterdir(), key=lambda p: p.stat().st_mtime)
            for old in entries[:-MAX_ENTRIES]:
                old.unlink()


class Locator:
    """YAML line numbers for error messages, from PyYAML's node tree (no objects are
    built); composed only when an error needs a line."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def root(self) -> yaml.Node | None:
        import yaml

        try:
            return yaml.compose(self.text, Loader=safe_loader())
        except yaml.YAMLError:
            return None

    def line(self, *path: str | int) -> int | None:
        import yaml

        node = self.root
        best = node.start_mark.line + 1 if node is not None else None
        for step in path:
            if isinstance(node, yaml.MappingNode) and isinstance(step, str):
                for key, value in node.value:
                    if key.value == step:
                        best = key.start_mark.line + 1
                        node = value
                        break
                else:
                    return best
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    return best
                node = node.value[step]
                best = node.start_mark.line + 1
            else:
                return best
        return best

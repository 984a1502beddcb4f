"""Reading YAML (rule packs, configurations): the safe loader, syntax errors with their
line, line numbers for later errors, and a cache of parsed documents.

Parsing a pack is quick; importing PyYAML is not (10-20 ms, a fifth of a warm run,
which pre-commit pays on every commit in a repository with a ``.lawlint.yaml``). So a
parsed document is kept, marshalled, in ``<cache dir>/yaml/`` under a hash of its text,
with the text itself to compare, and a run whose configuration and packs are as they
were imports no YAML at all. Only what marshal holds is kept — mappings, lists,
strings, numbers, booleans, null: what packs and configurations are made of; a
document with, say, a date in it is parsed every time. A missing, unreadable or
damaged entry (each starts with a digest of the rest), one holding anything but those
types, or one in a cache folder others control (``cachefiles``) is parsed again; a
cache that cannot be written is skipped. The entries depend on the text alone, so
``--no-cache`` (the result cache) leaves them be.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from lawlint.cachefiles import cache_dir, read_private, usable, write_atomically
from lawlint.errors import PackError

if TYPE_CHECKING:
    from pathlib import Path

    import yaml

# of an entry: a digest of the rest, then marshal.dumps((FORMAT, text, data));
# 2: documents checked by _check_nodes, 3: the digest
FORMAT = 3
MAX_ENTRIES = 64  # documents kept; the oldest go first (each edit of a file adds one)
MAX_ENTRY = 16 << 20  # bytes of one entry read back
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


# What a pack or configuration may hold: YAML's plain data. Any other tag
# (!!python/object, !!python/name, !custom …) is refused before anything is built.
_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge")
)
MAX_TEXT = 1_048_576  # characters of strings in a document, aliases expanded


def _parse(text: str, path: str, error: type[PackError]) -> Any:
    """Compose the node tree, check it is plain data of bounded size, then build it."""
    import yaml

    loader = _checked_loader()(text)
    try:
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _check_nodes(node, path, error)
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = _quiet(getattr(exc, "problem", None) or type(exc).__name__)
        if isinstance(exc, yaml.constructor.ConstructorError):
            zh, en = f"YAML 值无效：{problem}", f"invalid YAML value: {problem}"
        else:
            zh, en = f"YAML 语法错误：{problem}", f"YAML syntax error: {problem}"
        raise error(
            zh,
            en,
            path=path,
            line=mark.line + 1 if mark else None,
        ) from None
    except RecursionError:  # the pure-Python loader on deep nesting
        raise error("YAML 嵌套过深", "YAML nested too deeply", path=path) from None


def _quiet(problem: str) -> str:
    """PyYAML's description of a problem without the document's own text: quoted
    fragments (a character, an anchor's name) are left out, so a file that is not a
    pack or configuration at all (a key file named by mistake) never has its content
    echoed into a CI log."""
    return re.sub(r"'[^']*'|\"[^\"]*\"", "…", problem)[:200]


@cache
def _checked_loader() -> type[yaml.SafeLoader]:
    """The safe loader, with a value its constructor cannot build (a date 2024-13-45,
    !!int abc) reported as a YAML error at its line, not a Python exception."""
    import yaml

    class CheckedLoader(safe_loader()):  # type: ignore[misc]
        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep)
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
                raise yaml.constructor.ConstructorError(
                    None, None, "a value that cannot be read as its type", node.start_mark
                ) from None

    return CheckedLoader


def _check_nodes(root: yaml.Node, path: str, error: type[PackError]) -> None:
    """Refuse what is not plain data or would grow without bound once built: tags other
    than YAML's own scalars, lists and mappings; an alias of a list or mapping (the
    "billion laughs": ten aliases of ten aliases of … make 10^9 nodes from a few hundred
    bytes, and a recursive one never ends); more than MAX_TEXT characters of strings
    with the aliases of strings expanded. Bounded work: each list or mapping is visited
    once (a second visit is the refused alias)."""
    import yaml

    seen: set[int] = set()
    total = 0
    stack = [root]
    while stack:
        node = stack.pop()
        line = node.start_mark.line + 1
        if node.tag not in _TAGS:
            shown = _shown_tag(node.tag)
            raise error(
                f"不允许使用 YAML 标签 {shown}：规则包和配置只是数据（字符串、数字、布尔值、"
                "列表、映射），不能构造对象",
                f"YAML tag {shown} is not allowed: packs and configurations are data "
                "(strings, numbers, booleans, lists, mappings), never objects",
                path=path,
                line=line,
            )
        if isinstance(node, yaml.ScalarNode):
            total += len(node.value)
            if total > MAX_TEXT:
                raise error(
                    f"展开别名后的文字超过 {MAX_TEXT} 个字符",
                    f"more than {MAX_TEXT} characters of text once aliases are expanded",
                    path=path,
                    line=line,
                )
            continue
        if id(node) in seen:
            raise error(
                "YAML 别名（*名称）只能重复字符串或数字，不能重复列表或映射"
                "（防止“十亿笑声”式的无限展开）",
                "a YAML alias (*name) may repeat a string or a number, not a list or a "
                "mapping (no 'billion laughs' expansion)",
                path=path,
                line=line,
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += (key, value)
        else:
            stack.extend(node.value)


def _shown_tag(tag: str) -> str:
    """A tag as written (``!!python/object``), without what follows a colon (the object
    it names) and only if it looks like a tag."""
    prefix = "tag:yaml.org,2002:"
    short = "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag
    short = short.split(":")[0]
    return short if re.fullmatch(r"!{1,2}[\w./-]{0,40}", short) else "!…"


def _read(entry: Path, text: str) -> Any:
    """The cached parse of ``text``, or ``_MISSING``. Only from a private cache folder and
    file (``cachefiles``) of at most MAX_ENTRY bytes, only if the digest in front of the
    marshalled bytes matches them (a truncated or damaged file is a miss, and marshal never
    sees it), only for this exact text, and only if it holds nothing but plain data."""
    if not usable(entry.parent):
        return _MISSING
    blob = read_private(entry, limit=MAX_ENTRY + _SUM_SIZE)
    if blob is None or len(blob) < _SUM_SIZE or _sum(blob[_SUM_SIZE:]) != blob[:_SUM_SIZE]:
        return _MISSING
    try:
        form, kept_text, data = marshal.loads(blob[_SUM_SIZE:])
    except Exception:  # not the triple this module writes
        return _MISSING
    if form != FORMAT or kept_text != text or not _plain(data):
        return _MISSING
    return data


def _write(entry: Path, text: str, data: Any) -> None:
    if not usable(entry.parent):  # a folder another user controls: not written
        return
    try:
        body = marshal.dumps((FORMAT, text, data))
    except ValueError:  # something marshal does not hold (a date...): not kept
        return
    if write_atomically(entry, _sum(body) + body):
        with contextlib.suppress(OSError):
            entries = sorted(entry.parent.iterdir(), key=lambda p: p.stat().st_mtime)
            for old in entries[:-MAX_ENTRIES]:
                old.unlink()


_SUM_SIZE = 16


def _sum(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=_SUM_SIZE, person=b"lawlint-yaml").digest()


# What _check_nodes lets a document hold, once built and marshalled (dates are never kept).
_SCALARS = (str, int, float, bool, type(None))
_CONTAINERS = (dict, list)


def _plain(data: Any) -> bool:
    """Does ``data`` hold only YAML's plain types (no code object or other marshal type)?
    Iterative: nesting as deep as marshal allows must not hit the recursion limit."""
    stack = [data]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind in _SCALARS:
            continue
        if kind not in _CONTAINERS:
            return False
        if kind is dict:
            stack.extend(item.keys())
            stack.extend(item.values())
        else:
            stack.extend(item)
    return True


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

"""Configuration files: what they may say, where they are found, how they are read.

A configuration is ``.lawlint.yaml`` / ``.lawlint.yml`` (YAML, ``yaml.safe_load``) or the
``[tool.lawlint]`` table of ``pyproject.toml``; the keys are the same::

    extends: [default, ./rules/province.yaml]  # packs: built-in names, 'default', paths
    select: [gb-typography]                    # rule ids or pack names to run
    ignore: [trailing-space]                   # rule ids or pack names to skip
    rules:
      heading-marker: off                      # turn a rule off
      cjk-space: info                          # change its severity
      halfwidth-punct: {severity: error, marks: ",;:"}   # severity and kind options
    per-file:
      "towns/*.txt": {ignore: [section-missing], severity: {halfwidth-punct: info}}
      "drafts/**": {severity: info}            # every rule, for these files
    exclude: ["archive/", "*.bak.txt"]
    level: county                              # town county city province department
    report-year: 2024                          # instead of the year in the title
    title: 青禾镇2024年法治政府建设年度报告     # for a text without a title line
    fail-on: warning                           # exit 1 at this severity or above

Discovery: ``--config FILE``, else — walking up from each linted file's folder — the
first folder holding ``.lawlint.yaml``, ``.lawlint.yml`` or a ``pyproject.toml`` with a
``[tool.lawlint]`` table (in that order), stopping after the repository root (a folder
containing ``.git``) or the filesystem root; else the defaults. The nearest file wins
whole: configurations are not merged. Paths and globs in a configuration are relative
to its folder. A discovered file that belongs to another user (not root) or that
others may write is skipped with a warning (:func:`trusted`); ``--config`` is always
used. ``extends`` names built-in packs or pack files in the configuration's folder or
below (checked by :mod:`lawlint.lint.workspace`); packs from elsewhere come with ``--pack``.
A configuration, like a pack, is at most 1 MB of plain YAML data (see ``yamlio``).

This module checks the file's shape (keys, types, values that need no packs); the
rule ids and kind options are checked against the loaded packs by
:mod:`lawlint.lint.workspace`. Every problem is a :class:`ConfigError` naming the file, the
key and, for YAML, the line — exit code 2.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from lawlint.errors import PackError
from lawlint.findings import SEVERITIES

if TYPE_CHECKING:
    from lawlint.packs.yamlio import Locator


def _tomllib() -> ModuleType:
    """tomllib (tomli before 3.11), imported only when a pyproject.toml mentions lawlint."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


_T = TypeVar("_T")

CONFIG_FILES = (".lawlint.yaml", ".lawlint.yml")
PYPROJECT = "pyproject.toml"
KEYS = (
    "extends",
    "select",
    "ignore",
    "rules",
    "per-file",
    "exclude",
    "level",
    "report-year",
    "fail-on",
    "title",
    "previous",
)
PER_FILE_KEYS = ("ignore", "severity")
LEVELS = ("town", "county", "city", "province", "department")
DEFAULT_PACKS = "default"  # in 'extends': every built-in pack
OFF = "off"


class ConfigError(PackError):
    """An invalid configuration: ``file:line [key …]: 中文 / English``."""


@dataclass(frozen=True, slots=True)
class RuleSetting:
    """``rules: {ID: ...}``: ``off``, a severity, or ``{severity, <option>: value}``."""

    off: bool = False
    severity: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PerFile:
    pattern: str
    regex: Glob
    ignore: tuple[str, ...] = ()
    severity: str | dict[str, str] | None = None  # one level for all rules, or id → level


@dataclass(slots=True)
class Config:
    path: str | None  # None: the defaults
    root: Path  # the folder its paths and globs are relative to
    extends: tuple[str, ...] = (DEFAULT_PACKS,)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    per_file: tuple[PerFile, ...] = ()
    exclude: tuple[tuple[str, Glob], ...] = ()
    level: str | None = None
    report_year: int | None = None
    title: str | None = None  # for a text without a title line (a web copy)
    previous: str | None = None  # last year's report, relative to ``root`` (year over year)
    fail_on: str | None = None
    prefix: tuple[str, ...] = ()  # ('tool', 'lawlint') in pyproject.toml
    locator: Locator | None = field(default=None, repr=False)

    def error(
        self, zh: str, en: str, *at: str | int, rule: str | None = None, quiet: bool = False
    ) -> ConfigError:
        """An error naming this file, the key path ``at`` and (YAML) its line; ``quiet``:
        a step of ``at`` that does not look like a key is not shown (an unknown key of a
        file that may be no configuration at all)."""
        from lawlint.packs.loader import key_path

        path = (*self.prefix, *at)
        shown = key_path(path) if quiet else ".".join(str(a) for a in path)
        key = shown if path else None
        line = self.locator.line(*at) if self.locator is not None and at else None
        return ConfigError(zh, en, path=self.path, rule=rule, key=key, line=line)

    def relative(self, path: str) -> str:
        """``path`` relative to this configuration's folder, with ``/``."""
        rel = os.path.relpath(os.path.abspath(path), self.root)
        return rel.replace(os.sep, "/")

    def excluded(self, path: str) -> bool:
        if not self.exclude:  # the relative path costs more than the rest of a batch's setup
            return False
        rel = self.relative(path)
        return any(regex.fullmatch(rel) for _, regex in self.exclude)

    def per_file_for(self, path: str) -> list[PerFile]:
        if not self.per_file:
            return []
        rel = self.relative(path)
        return [p for p in self.per_file if p.regex.fullmatch(rel)]


def default_config(root: Path | None = None) -> Config:
    return Config(None, (root or Path.cwd()).absolute())


# -- globs -------------------------------------------------------------------------------
MAX_GLOB = 1000  # characters in one glob: matching costs (glob length) x (path length)

# The glob's pieces, each one NFA step: a character test, or a loop
_ANY = "any"  # one character, '/' included
_NAME = "name"  # one character but '/'


class Glob:
    """A compiled glob: ``fullmatch(path)`` in time linear in the path.

    A regex of several ``[^/]*`` (``*a*a*a*b``) backtracks exponentially on a name that
    almost matches; here the glob is a small NFA run as a DFA built lazily, one step per
    character of the path, so no name costs more than (its length) x (glob length).
    """

    __slots__ = ("_accept", "_edges", "_eps", "_loops", "_start", "_table", "pattern")

    def __init__(self, pattern: str, pieces: list[tuple[str, object]]) -> None:
        self.pattern = pattern
        # node i: a character test to node i+1 (_edges), a character test back to i
        # itself (_loops), and empty moves (_eps); the last node accepts
        self._edges: list[tuple[str, object] | None] = []
        self._loops: list[tuple[str, object] | None] = []
        self._eps: list[list[int]] = []
        for piece in pieces:
            self._add(piece)
        self._accept = len(self._edges)
        self._edges.append(None)
        self._loops.append(None)
        self._eps.append([])
        self._start = self._closure([0])
        # the DFA, built as paths need it: a set of NFA nodes -> character -> next set
        self._table: dict[frozenset[int], dict[str, frozenset[int]]] = {}

    def _node(self, edge: tuple[str, object] | None, loop: tuple[str, object] | None) -> int:
        self._edges.append(edge)
        self._loops.append(loop)
        self._eps.append([])
        return len(self._edges) - 1

    def _add(self, piece: tuple[str, object]) -> None:
        op, arg = piece
        if op == "char":  # one character matching arg
            self._node(arg, None)  # type: ignore[arg-type]
        elif op == "loop":  # any number of characters matching arg
            i = self._node(None, arg)  # type: ignore[arg-type]
            self._eps[i].append(i + 1)
        elif op == "folders":  # (?:.*/)? : nothing, or anything ending in '/'
            i = self._node(None, None)
            j = self._node(("is", "/"), (_ANY, None))
            self._eps[i] += [j + 1, j]
        elif op == "below":  # (?:/.*)? : nothing, or '/' and anything
            i = self._node(("is", "/"), None)
            j = self._node(None, (_ANY, None))
            self._eps[i].append(j + 1)
            self._eps[j].append(j + 1)

    @staticmethod
    def _test(test: tuple[str, object] | None, ch: str) -> bool:
        if test is None:
            return False
        op, arg = test
        if op == _ANY:
            return True
        if op == _NAME:
            return ch != "/"
        if op == "is":
            return ch == arg
        members, negate = cast(tuple[str, bool], arg)
        return (ch in members) != negate

    def _closure(self, nodes: Iterable[int]) -> frozenset[int]:
        seen = set(nodes)
        todo = list(seen)
        while todo:
            for nxt in self._eps[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return frozenset(seen)

    def _step(self, nodes: frozenset[int], ch: str) -> frozenset[int]:
        step = [i + 1 for i in nodes if self._test(self._edges[i], ch)]
        step += [i for i in nodes if self._test(self._loops[i], ch)]
        return self._closure(step)

    def fullmatch(self, text: str) -> bool:
        table = self._table
        nodes = self._start
        for ch in text:
            moves = table.get(nodes)
            if moves is None:
                if len(table) > 4096:  # bounded memory whatever the paths
                    table.clear()
                moves = table[nodes] = {}
            nxt = moves.get(ch)
            if nxt is None:
                if len(moves) > 1024:
                    moves.clear()
                nxt = moves[ch] = self._step(nodes, ch)
            if not nxt:
                return False
            nodes = nxt
        return self._accept in nodes

    def __repr__(self) -> str:
        return f"Glob({self.pattern!r})"


def glob_regex(pattern: str) -> Glob:
    """A gitignore-like glob over ``/``-separated relative paths, as a :class:`Glob`
    (``fullmatch(path)``).

    ``*`` and ``?`` stay within a folder name, ``**`` crosses folders, ``[abc]`` is a
    class of those characters (``[!abc]``: any other character). A pattern without ``/``
    (but a trailing one) matches a name at any depth; one with ``/`` is anchored at the
    configuration's folder. A pattern that matches a folder matches everything under it.
    """
    body = pattern.strip()
    anchored = "/" in body.rstrip("/")
    body = body.strip("/")
    pieces: list[tuple[str, object]] = [] if anchored else [("folders", None)]
    i = 0
    while i < len(body):
        if body.startswith("**/", i):
            pieces.append(("folders", None))
            i += 3
        elif body.startswith("**", i):
            pieces.append(("loop", (_ANY, None)))
            i += 2
        elif body[i] == "*":
            pieces.append(("loop", (_NAME, None)))
            i += 1
        elif body[i] == "?":
            pieces.append(("char", (_NAME, None)))
            i += 1
        elif body[i] == "[" and "]" in body[i + 2 :]:
            end = body.index("]", i + 2)
            members = body[i + 1 : end]
            negate = members.startswith("!")
            pieces.append(("char", ("in", (members[1:] if negate else members, negate))))
            i = end + 1
        else:
            pieces.append(("char", ("is", body[i])))
            i += 1
    pieces.append(("below", None))
    return Glob(pattern, pieces)


# -- reading -----------------------------------------------------------------------------
def load_config(path: str | Path, *, shown: str | None = None) -> Config:
    """Read one configuration file (``.lawlint.yaml``/``.yml`` or ``pyproject.toml``);
    messages name it ``shown`` (default: ``path``)."""
    path = Path(path)
    shown = shown or str(path)
    from lawlint.packs.loader import read_utf8

    text = read_utf8(path, shown, ("配置", "configuration"), ConfigError)
    root = path.absolute().parent
    if path.name == PYPROJECT:
        return parse_pyproject(text, shown, root)
    return parse_yaml(text, shown, root)


def parse_yaml(text: str, path: str, root: Path) -> Config:
    # YAML reading only when there is a configuration file: the defaults skip it
    from lawlint.packs.yamlio import Locator, safe_yaml

    data = safe_yaml(text, path, ConfigError)
    config = Config(path, root, locator=Locator(text))
    return _read(config, {} if data is None else data)


def parse_pyproject(text: str, path: str, root: Path) -> Config:
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"TOML 语法错误：{exc}", f"TOML syntax error: {exc}", path=path) from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(
            "tool 应为表 [tool]", "'tool' must be a table [tool]", path=path, key="tool"
        )
    return _read(Config(path, root, prefix=("tool", "lawlint")), tool.get("lawlint", {}))


def _read(config: Config, data: Any) -> Config:
    """``config`` filled from the file's ``data``: every key checked, and every error
    found kept and raised together (an author fixes the file in one round)."""
    if not isinstance(data, dict):
        raise config.error("配置应为映射（键: 值）", "a configuration must be a mapping of keys")
    from lawlint.packs.loader import gathered, quote_key

    errors: list[PackError] = []

    def each(read: Callable[..., _T], *args: Any) -> _T | None:
        try:
            return read(*args)
        except ConfigError as exc:
            errors.append(exc)
            return None

    # A file with none of the keys may be no configuration at all (--config naming
    # /etc/shadow by mistake): one error for it, not one per line of the file.
    unknown = [key for key in data if key not in KEYS]
    for key in unknown if len(unknown) < len(data) else unknown[:1]:
        errors.append(
            config.error(
                f"未知的配置键 {quote_key(key)}（可用：{', '.join(KEYS)}）",
                f"unknown configuration key {quote_key(key)} (known: {', '.join(KEYS)})",
                key,
                quiet=True,
            )
        )
    if "extends" in data:
        config.extends = _or(each(_names, config, data["extends"], "extends"), config.extends)
    config.select = _or(each(_names, config, data.get("select", []), "select"), ())
    config.ignore = _or(each(_names, config, data.get("ignore", []), "ignore"), ())
    config.rules = _or(each(_rules, config, data.get("rules", {})), {})
    config.per_file = _or(each(_per_file, config, data.get("per-file", {})), ())
    config.exclude = _or(each(_exclude, config, data.get("exclude", [])), ())
    config.level = each(_choice, config, data, "level", LEVELS)
    config.fail_on = each(_choice, config, data, "fail-on", SEVERITIES)
    config.report_year = each(_report_year, config, data.get("report-year"))
    config.title = each(_title, config, data.get("title"))
    config.previous = each(_previous, config, data.get("previous"))
    if errors:
        raise gathered(errors)
    return config


def _or(value: _T | None, default: _T) -> _T:
    return default if value is None else value


def _exclude(config: Config, value: Any) -> tuple[tuple[str, Glob], ...]:
    exclude = _names(config, value, "exclude")
    return tuple((g, _glob(config, g, "exclude", i)) for i, g in enumerate(exclude))


def _report_year(config: Config, year: Any) -> int | None:
    if year is not None and not (
        isinstance(year, int) and not isinstance(year, bool) and 1949 <= year <= 2100
    ):
        raise config.error(
            "report-year 应为四位数年份，如 2024",
            "'report-year' must be a four-digit year such as 2024",
            "report-year",
        )
    return year


def _title(config: Config, title: Any) -> str | None:
    if title is not None and not (isinstance(title, str) and title.strip()):
        raise config.error(
            "title 应为报告标题文字", "'title' must be the report's title text", "title"
        )
    return title.strip() if title is not None else None


def _previous(config: Config, value: Any) -> str | None:
    """``previous:``: last year's report, a file in the configuration's folder or below
    (as for ``extends``: a configuration comes with its repository, and one that could
    name any file would have lawlint read, and quote, files its author cannot see)."""
    if value is None:
        return None
    if not (isinstance(value, str) and value.strip()):
        raise config.error(
            "previous 应为上年报告的文件路径（相对于本配置所在文件夹）",
            "'previous' must be the path of last year's report (relative to this "
            "configuration's folder)",
            "previous",
        )
    name = value.strip()
    inside = config.root.resolve()
    target = (config.root / name).resolve()
    if (
        os.path.isabs(name)
        or os.path.expanduser(name) != name
        or (target != inside and inside not in target.parents)
    ):
        raise config.error(
            f"previous 只能指定本配置所在文件夹及其子文件夹中的文件（{name} 不在其中）；"
            "其他位置的上年报告请用命令行 --previous 指定",
            f"'previous' may only name a file in this configuration's folder or below "
            f"({name} is not); give last year's report from elsewhere with --previous",
            "previous",
        )
    return name


def _names(config: Config, value: Any, *at: str) -> tuple[str, ...]:
    """A list of non-empty strings."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        name = at[-1]
        raise config.error(
            f"{name} 应为非空字符串的列表，如 [a, b]",
            f"'{name}' must be a list of non-empty strings, e.g. [a, b]",
            *at,
        )
    return tuple(v.strip() for v in value)


def _glob(config: Config, pattern: str, *at: str | int) -> Glob:
    if len(pattern) > MAX_GLOB:
        raise config.error(
            f"glob 超过 {MAX_GLOB} 个字符", f"a glob longer than {MAX_GLOB} characters", *at
        )
    return glob_regex(pattern)


def _choice(config: Config, data: dict[str, Any], key: str, choices: tuple[str, ...]) -> Any:
    value = data.get(key)
    if value is not None and value not in choices:
        raise config.error(
            f"{key} 应为 {', '.join(choices)} 之一",
            f"'{key}' must be one of {', '.join(choices)}",
            key,
        )
    return value


def _severity(config: Config, value: Any, *at: str) -> str:
    if value not in SEVERITIES:
        raise config.error(
            "severity 应为 error、warning 或 info",
            "severity must be error, warning or info",
            *at,
        )
    return str(value)


def _rules(config: Config, raw: Any) -> dict[str, RuleSetting]:
    if not isinstance(raw, dict):
        raise config.error("rules 应为映射 {规则id: 设置}", "'rules' must map rule ids", "rules")
    out: dict[str, RuleSetting] = {}
    for rid, value in raw.items():
        if not isinstance(rid, str):
            raise config.error("规则 id 应为字符串", "a rule id must be a string", "rules")
        if value is False or value == OFF:  # YAML reads a bare off as false
            out[rid] = RuleSetting(off=True)
        elif isinstance(value, str):
            out[rid] = RuleSetting(severity=_severity(config, value, "rules", rid))
        elif isinstance(value, dict):
            options = {k: v for k, v in value.items() if k != "severity"}
            if not all(isinstance(k, str) for k in options):
                raise config.error(
                    "选项名应为字符串", "option names must be strings", "rules", rid, rule=rid
                )
            severity = value.get("severity")
            if severity is not None:
                _severity(config, severity, "rules", rid, "severity")
            out[rid] = RuleSetting(severity=severity, options=options)
        else:
            raise config.error(
                "规则设置应为 off、严重程度（error/warning/info）或 {severity: …, 选项: …}",
                "a rule's setting must be off, a severity or {severity: …, <option>: …}",
                "rules",
                rid,
                rule=rid,
            )
    return out


def _per_file(config: Config, raw: Any) -> tuple[PerFile, ...]:
    if not isinstance(raw, dict):
        raise config.error(
            "per-file 应为映射 {glob: {ignore: […], severity: …}}",
            "'per-file' must map globs to {ignore: […], severity: …}",
            "per-file",
        )
    out = []
    for pattern, value in raw.items():
        if not isinstance(pattern, str):
            raise config.error("glob 应为字符串", "a glob must be a string", "per-file")
        if not isinstance(value, dict):
            raise config.error(
                "应为 {ignore: […], severity: …}",
                "must be {ignore: […], severity: …}",
                "per-file",
                pattern,
            )
        for key in value:
            if key not in PER_FILE_KEYS:
                raise config.error(
                    f"未知的键“{key}”（可用：ignore, severity）",
                    f"unknown key {key!r} (known: ignore, severity)",
                    "per-file",
                    pattern,
                    str(key),
                )
        ignore = _names(config, value.get("ignore", []), "per-file", pattern, "ignore")
        severity = value.get("severity")
        if isinstance(severity, dict):
            for rid, level in severity.items():
                if not isinstance(rid, str):
                    raise config.error(
                        "规则 id 应为字符串",
                        "a rule id must be a string",
                        "per-file",
                        pattern,
                        "severity",
                    )
                _severity(config, level, "per-file", pattern, "severity", rid)
        elif severity is not None:
            _severity(config, severity, "per-file", pattern, "severity")
        out.append(PerFile(pattern, _glob(config, pattern, "per-file", pattern), ignore, severity))
    return tuple(out)


# -- discovery ---------------------------------------------------------------------------
def config_in(folder: Path, untrusted: list[Path] | None = None) -> Path | None:
    """The configuration file in ``folder`` itself, if any. A file another user could
    have planted (see :func:`trusted`) does not count; it is added to ``untrusted``."""
    for name in CONFIG_FILES:
        candidate = folder / name
        if candidate.is_file():
            if trusted(candidate):
                return candidate
            if untrusted is not None:
                untrusted.append(candidate)
    pyproject = folder / PYPROJECT
    if pyproject.is_file() and _has_tool_table(pyproject):
        if trusted(pyproject):
            return pyproject
        if untrusted is not None:
            untrusted.append(pyproject)
    return None


def trusted(path: Path) -> bool:
    """May a configuration found by walking up the folders be used? Only if the file
    (and, for a symbolic link, the link too) belongs to the user running lawlint or to
    root, and no other user may write it. Otherwise anyone able to write a parent
    folder (a shared /tmp, a world-writable checkout) could plant ``exclude: ["**"]``
    and make every check pass. Group-writable files are accepted: with the usual
    per-user groups (umask 002) that is every file a user creates. (``--config FILE``
    is the user's own choice and always used.)"""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: no owners to compare
        return True
    me = getuid()
    try:
        link = os.lstat(path)
        target = os.stat(path)
    except OSError:
        return False
    owners_ok = all(st.st_uid in (me, 0) for st in (link, target))
    return owners_ok and not target.st_mode & stat.S_IWOTH


def _has_tool_table(pyproject: Path) -> bool:
    """Does it have a [tool.lawlint] table? A pyproject.toml that does not mention
    lawlint is not parsed, so a broken one elsewhere never stops lawlint."""
    from lawlint.packs.loader import MAX_BYTES, read_utf8

    try:
        if pyproject.stat().st_size > MAX_BYTES:
            return True  # too large to look into: loading it reports that
        text = read_utf8(pyproject, str(pyproject), ("配置", "configuration"), ConfigError)
    except (OSError, ConfigError):
        return False
    if "lawlint" not in text:
        return False
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return True  # it means to configure lawlint: loading it reports the error
    tool = data.get("tool")
    return not isinstance(tool, dict) or "lawlint" in tool  # not a table: loading says so


class ConfigFinder:
    """Nearest configuration of a folder, remembered per folder. A configuration that
    is not :func:`trusted` is skipped (the walk goes on) with a warning on standard
    error, once per file."""

    def __init__(self) -> None:
        self._found: dict[Path, Path | None] = {}
        self._warned: set[Path] = set()

    def _warn(self, untrusted: list[Path]) -> None:
        for path in untrusted:
            if path in self._warned:
                continue
            self._warned.add(path)
            sys.stderr.write(
                f"lawlint: {path}: 警告：该配置文件属于其他用户或可被其他用户写入，已忽略"
                " / warning: this configuration file belongs to another user or is writable"
                " by others; ignored\n"
            )

    def find(self, folder: Path) -> Path | None:
        folder = Path(os.path.abspath(folder))
        visited: list[Path] = []
        found: Path | None = None
        current: Path | None = folder
        while current is not None:
            if current in self._found:
                found = self._found[current]
                break
            visited.append(current)
            untrusted: list[Path] = []
            found = config_in(current, untrusted)
            self._warn(untrusted)
            if found is not None or (current / ".git").exists():
                break
            current = current.parent if current.parent != current else None
        for seen in visited:
            self._found[seen] = found
        return found


STARTER = """\
# lawlint 配置文件 / lawlint configuration
# 适用于本目录及其子目录中的报告（最近的配置文件生效，不与上级目录的配置合并）。
# Applies to the reports in this folder and below (the nearest configuration wins whole).
# 说明 / reference: lawlint 仓库的 docs/configuration.md; JSON Schema: `lawlint schema config`
# 去掉行首的 # 即可启用 / remove the leading # to use a setting.

# 使用的规则包：default 为全部内置规则包；自定义规则包写路径（相对本文件，须在本文件夹内）。
# Rule packs: 'default' is every built-in pack; your own packs are paths relative to
# this file, inside this folder (packs from elsewhere: --pack on the command line).
extends:
  - default
  # - rules/my-province.yaml

# 本级政府层级 / government level: town, county, city, province, department
# level: county

# 报告年度（默认取标题中的年份）/ the report year (default: the year in the title)
# report-year: 2024

# 上年报告（相对本文件，须在本文件夹内），对照上年工作安排的落实情况和照抄的文字
# Last year's report (relative to this file, inside this folder): year-over-year checks
# previous: 2023/2023年法治政府建设年度报告.docx

# 出现该严重程度及以上的问题时退出码为 1（命令行 --fail-on 优先）
# Exit code 1 when a finding of this severity or above remains (--fail-on wins)
fail-on: error

# 只运行 / 不运行这些规则或规则包（规则 id 或规则包名，见 `lawlint rules`）
# Run only / skip these rules or packs (ids or pack names, see `lawlint rules`)
# select: [fazhi-annual-report, gb-typography]
# ignore: [trailing-space]

# 调整单条规则：off 关闭；error/warning/info 改变严重程度；或设置选项（见 `lawlint explain ID`）
# Tune a rule: off; a severity; or its options (see `lawlint explain ID`)
# rules:
#   heading-marker: off
#   cjk-space: info
#   halfwidth-punct: {severity: error}

# 按文件调整（glob 相对本文件所在目录）/ per file (globs relative to this folder)
# per-file:
#   "towns/*.txt":
#     ignore: [section-missing]
#     severity: {halfwidth-punct: info}

# 不检查的文件和目录（命令行直接指定的文件也不检查）
# Files and folders never linted, even when named on the command line
# exclude:
#   - archive/
#   - "*.bak.txt"
"""

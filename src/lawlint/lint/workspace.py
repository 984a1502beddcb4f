"""Configurations applied: which packs, rules and settings lint which file.

Files in different folders may have different configurations (a county's own
``.lawlint.yaml`` and a stricter one in a town's folder). The :class:`Workspace` finds
each file's configuration, builds one :class:`Profile` — packs, overridden rules and a
:class:`~lawlint.lint.engine.Linter` — per distinct configuration, and reuses it for every
file that shares it.

Precedence (command line over configuration):

- ``--select`` replaces the configuration's ``select``; ``--ignore`` adds to its
  ``ignore``; a rule named *by id* in ``--select`` runs even when the configuration
  ignores it, turns it ``off`` or ignores it for the file (``per-file``).
- ``--fail-on`` replaces ``fail-on`` (see :func:`fails`); ``--pack`` adds packs to the
  configuration's ``extends``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lawlint.config.loader import (
    DEFAULT_PACKS,
    Config,
    ConfigFinder,
    PerFile,
    default_config,
    load_config,
    trusted,
)
from lawlint.errors import LawlintError, PackError
from lawlint.findings import SEVERITY_RANK
from lawlint.input.reader import STDIN

if TYPE_CHECKING:
    import re

    from lawlint.checks.base import Check
    from lawlint.lint.engine import FileOverrides, Linter
    from lawlint.lint.results import FileResult
    from lawlint.lint.stats import FigureShare
    from lawlint.model.document import Document
    from lawlint.model.rules import Pack, Rule

_T = TypeVar("_T")

# Option values that name parts of the report (checked against the packs' sections).
_SECTION_OPTIONS = ("scope", "required", "skip")


@dataclass(frozen=True, slots=True)
class CommandLine:
    """What the command line says on top of every configuration."""

    config: str | None = None
    packs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    report_unused_directives: bool = False


@dataclass(slots=True)
class _Built:
    packs: list[Pack]
    linter: Linter
    # rule id → why it does not run: "off", "ignore", "select" (not selected)
    inactive: dict[str, str]
    # each per-file entry: (its glob's PerFile, rule ids to skip, id → severity)
    per_file: list[tuple[PerFile, frozenset[str], dict[str, str]]]
    forced: frozenset[str]  # ids named in --select: never skipped


class Profile:
    """One configuration resolved against its packs — lazily: reading the config is
    enough to exclude files and to look results up in the cache; the packs are loaded,
    validated and the checks built only when a file must really be linted (or a
    command asks for them)."""

    def __init__(self, config: Config, workspace: Workspace) -> None:
        self.config = config
        self._workspace = workspace

    @cached_property
    def _built(self) -> _Built:
        return self._workspace._build(self.config)

    @property
    def packs(self) -> list[Pack]:
        return self._built.packs

    @property
    def linter(self) -> Linter:
        return self._built.linter

    @property
    def inactive(self) -> dict[str, str]:
        return self._built.inactive

    @property
    def per_file(self) -> list[tuple[PerFile, frozenset[str], dict[str, str]]]:
        return self._built.per_file

    @property
    def forced(self) -> frozenset[str]:
        return self._built.forced

    @cached_property
    def _figure_settings(self) -> tuple[str, re.Pattern[str]]:
        from lawlint.lint.stats import figure_settings

        return figure_settings([*self.linter.rules, *(r for p in self.packs for r in p.rules)])

    def figures(self, document: Document) -> FigureShare:
        """The batch table's figures of ``document``'s ``measures`` part, counted as this
        profile's ``unquantified-section`` rule counts them, and its topic coverage, as
        its ``topic-missing`` rule counts it (none without such a rule)."""
        from lawlint.lint.stats import figure_share, topic_coverage

        key, figure = self._figure_settings
        linter = self.linter
        share = figure_share(document, linter.section_specs, key, figure, linter.report_year)
        if self._topic_rule is None:
            return share
        covered, total = topic_coverage(
            document, self._topic_rule, linter.report_year, linter.level, linter.title
        )
        return replace(share, topics_covered=covered, topics=total)

    @cached_property
    def _topic_rule(self) -> Rule | None:
        from lawlint.lint.stats import topic_rule

        return topic_rule([*self.linter.rules, *(r for p in self.packs for r in p.rules)])

    def overrides(self, path: str | None) -> FileOverrides | None:
        previous = None if path is None else self._workspace.previous_of(path, self.config)
        if path is None or not self.config.per_file:
            return None if previous is None else _with_previous(None, previous)
        ignore: set[str] = set()
        severity: dict[str, str] = {}
        rel = self.config.relative(path)
        for entry, skip, levels in self.per_file:
            if entry.regex.fullmatch(rel):
                ignore |= skip
                severity.update(levels)
        if not ignore and not severity:
            return None if previous is None else _with_previous(None, previous)
        from lawlint.lint.engine import FileOverrides

        return FileOverrides(frozenset(ignore - self.forced), severity, previous)

    @cached_property
    def cache_key(self) -> str:
        """What determines this profile's findings, hashed, computed WITHOUT loading
        packs: the command line and the *content* of the configuration file and of every
        pack and dictionary file that may be read (not their size and modification time,
        which an edit can keep). A result cached under this key was produced by a valid
        configuration. The files are small (the built-in ones ~60 KB in all): hashing
        them costs well under a millisecond of a warm run."""
        from lawlint.cachefiles import content_hash
        from lawlint.lint.cache import fingerprint
        from lawlint.resources import rules_dir

        config = self.config
        builtin = rules_dir()
        cli = self._workspace.cli
        return fingerprint(
            {
                "config": [config.path, str(config.root), content_hash(config.path)],
                "cli": [cli.select, cli.ignore, cli.report_unused_directives],
                "packs": [[p, content_hash(p)] for p in cli.packs]
                + [[e, content_hash(config.root / e)] for e in config.extends if _is_path(e)]
                + [[p.name, content_hash(p)] for p in sorted(builtin.glob("*.yaml"))],
                # the segmentation dictionary and the shared vocabularies
                "dictionary": [
                    [p.name, content_hash(p)]
                    for p in sorted((builtin / "dict").iterdir())
                    if p.suffix in (".txt", ".yaml")
                ],
            }
        )

    def file_key(self, path: str) -> object:
        """The per-file settings that apply to ``path``, as written (for cache keys)."""
        return [[e.pattern, list(e.ignore), e.severity] for e in self.config.per_file_for(path)]

    def rule(self, rid: str) -> Rule | None:
        """The rule as this profile runs it (overrides applied), enabled or not."""
        for rule in self.linter.rules:
            if rule.id == rid:
                return rule
        return next((r for p in self.packs for r in p.rules if r.id == rid), None)


def _with_previous(overrides: FileOverrides | None, previous: str) -> FileOverrides:
    from lawlint.lint.engine import FileOverrides

    return replace(overrides or FileOverrides(), previous=previous)


class _Catalogue:
    """The rules of a profile's packs: by id, by pack name, and the parts the packs'
    ``sections`` define (for options naming parts)."""

    def __init__(self, packs: Sequence[Pack]) -> None:
        self.rules = [r for p in packs for r in p.rules]
        self.by_id = {r.id: r for r in self.rules}
        self.by_pack = {p.name: [r.id for r in p.rules] for p in packs}
        self.sections = {s.key for p in packs for s in p.sections} | {"title"}

    def expand(
        self,
        names: Sequence[str],
        fail: Callable[[int, str], LawlintError],
        errors: list[PackError] | None = None,
    ) -> set[str]:
        """The rule ids ``names`` (ids or pack names) stand for. An unknown name is
        ``fail``'s error: added to ``errors`` when given, else raised."""
        out: set[str] = set()
        for i, name in enumerate(names):
            if name in self.by_pack:
                out.update(self.by_pack[name])
            elif name in self.by_id:
                out.add(name)
            else:
                error = fail(i, name)
                if errors is None or not isinstance(error, PackError):
                    raise error
                errors.append(error)
        return out


def _in_config(config: Config, *at: str, index: bool = True) -> Callable[[int, str], LawlintError]:
    """The error for an unknown name at ``at`` (entry ``i`` of it) in ``config``."""

    def fail(i: int, name: str) -> LawlintError:
        return config.error(
            f"未知的规则 id 或规则包名：{name}",
            f"unknown rule id or pack name: {name}",
            *at,
            *((i,) if index else ()),
        )

    return fail


def _on_command_line(option: str) -> Callable[[int, str], LawlintError]:
    """The usage error for an unknown name given with ``option``."""

    def fail(i: int, name: str) -> LawlintError:
        return LawlintError(
            f"{option} 中的规则 id 或规则包名未知：{name}",
            f"unknown rule id or pack name in {option}: {name}",
        )

    return fail


def _builtin_packs() -> tuple[Pack, ...]:
    from lawlint.packs.loader import builtin_packs

    return builtin_packs()


def _is_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.endswith((".yaml", ".yml"))


class Workspace:
    def __init__(self, cli: CommandLine | None = None, *, cwd: Path | None = None) -> None:
        self.cli = cli or CommandLine()
        self.cwd = (cwd or Path.cwd()).absolute()
        self._finder = ConfigFinder()
        self._profiles: dict[str | None, Profile] = {}
        self._by_folder: dict[str, Profile] = {}
        self._packs: dict[str, Pack] = {}
        #: path → last year's report (``--previous``, ``--previous-dir``), set by the CLI
        self.previous: dict[str, str] = {}

    def previous_of(self, path: str, config: Config) -> str | None:
        """Last year's report for ``path``: the command line's, else the configuration's
        ``previous`` (relative to its folder; not the file itself)."""
        found = self.previous.get(path)
        if found is None and config.previous is not None:
            found = os.path.relpath(config.root / config.previous, self.cwd)
            if found.startswith(".."):
                found = str(config.root / config.previous)
            if os.path.abspath(found) == os.path.abspath(path):
                return None  # last year's report in the same folder, checked itself
        return found

    # -- which configuration ---------------------------------------------------------
    def config_path(self, folder: Path) -> str | None:
        if self.cli.config is not None:
            return self.cli.config
        found = self._finder.find(folder)
        return None if found is None else str(found)

    def profile_for(self, path: str, *, stdin_name: str | None = None) -> Profile:
        """The profile of a file (or ``-`` standard input, placed at ``stdin_name``)."""
        where = stdin_name if path == STDIN else path
        folder = os.path.dirname(where) if where else ""
        profile = self._by_folder.get(folder)
        if profile is None:  # once per folder: a batch is many files in few folders
            profile = self.profile(self.config_path(self.cwd / folder))
            self._by_folder[folder] = profile
        return profile

    def profile(self, config_path: str | None) -> Profile:
        if config_path not in self._profiles:
            if config_path is None:
                config = default_config(self.cwd)
            else:
                # named in messages like the linted files: relative when under the cwd
                rel = os.path.relpath(os.path.abspath(config_path), self.cwd)
                shown = config_path if rel.startswith("..") else rel
                config = load_config(config_path, shown=shown)
            self._profiles[config_path] = Profile(config, self)
        return self._profiles[config_path]

    def config_key(self, profile: Profile) -> str | None:
        """The configuration path a profile was built from (None: the defaults)."""
        return next(key for key, p in self._profiles.items() if p is profile)

    # -- linting -----------------------------------------------------------------------
    def jobs(
        self, paths: Iterable[str], *, stdin_name: str | None = None
    ) -> list[tuple[str, Profile]]:
        """Each path with its profile, minus the files its configuration excludes.
        Every configuration file is read and checked here; the packs it names are
        loaded when a file must really be linted (:meth:`prepare`)."""
        out = []
        for path in paths:
            profile = self.profile_for(path, stdin_name=stdin_name)
            shown = stdin_name if path == STDIN else path
            if shown is not None and profile.config.excluded(shown):
                continue
            out.append((path, profile))
        return out

    @staticmethod
    def prepare(profiles: Iterable[Profile]) -> None:
        """Load and check the packs and rules of these profiles now, before anything
        is linted (an invalid pack or option stops the run with exit code 2)."""
        for profile in profiles:
            profile.linter  # noqa: B018 - building is the point

    # -- building a profile ------------------------------------------------------------
    def _build(self, config: Config) -> _Built:
        """The profile of ``config``: its packs, which rules run (``select``, ``ignore``,
        ``rules``, the command line), the overridden rules and the per-file settings.
        Every error of the configuration is gathered and raised together; an unknown
        name on the command line is a usage error at once."""
        from lawlint.lint.engine import Linter
        from lawlint.packs.loader import gathered

        packs = self._load_packs(config)
        catalogue = _Catalogue(packs)
        errors: list[PackError] = []
        inactive, forced = self._selection(config, catalogue, errors)
        active = [
            self._gather(errors, self._override, config, r, catalogue.sections)
            if r.id in config.rules
            else r
            for r in catalogue.rules
            if r.id not in inactive
        ]
        per_file = [self._per_file(config, entry, catalogue, errors) for entry in config.per_file]
        if errors:
            raise gathered(errors)
        linter = Linter(
            packs,
            [r for r in active if r is not None],
            report_year=config.report_year,
            level=config.level,
            title=config.title,
            report_unused_directives=self.cli.report_unused_directives,
        )
        return _Built(packs, linter, inactive, per_file, forced)

    def _selection(
        self, config: Config, catalogue: _Catalogue, errors: list[PackError]
    ) -> tuple[dict[str, str], frozenset[str]]:
        """Which rules do not run, and why ("select": not selected, "off", "ignore"),
        and the ids named in ``--select`` (run whatever the configuration says)."""
        from lawlint.packs.loader import gathered

        cfg_select = catalogue.expand(config.select, _in_config(config, "select"), errors)
        cfg_ignore = catalogue.expand(config.ignore, _in_config(config, "ignore"), errors)
        try:
            cli_select = catalogue.expand(self.cli.select, _on_command_line("--select"))
            cli_ignore = catalogue.expand(self.cli.ignore, _on_command_line("--ignore"))
        except LawlintError:
            if errors:  # the configuration's errors first, as its names are read first
                raise gathered(errors) from None
            raise
        forced = frozenset(n for n in self.cli.select if n in catalogue.by_id)
        for rid in config.rules:
            if rid not in catalogue.by_id:
                errors.append(
                    config.error(
                        f"未知的规则 id：{rid}", f"unknown rule id: {rid}", "rules", rid, rule=rid
                    )
                )
        off = {rid for rid, s in config.rules.items() if s.off}
        # --select replaces the configuration's select; neither: every rule
        chosen = (
            cli_select if self.cli.select else cfg_select if config.select else set(catalogue.by_id)
        )
        inactive = {rid: "select" for rid in catalogue.by_id if rid not in chosen}
        for rid in (cfg_ignore | off) - forced:
            inactive.setdefault(rid, "off" if rid in off else "ignore")
        for rid in cli_ignore:
            inactive[rid] = "ignore"
        return inactive, forced

    @staticmethod
    def _gather(errors: list[PackError], build: Callable[..., _T], *args: Any) -> _T | None:
        """``build(*args)``, or None with its error added to ``errors``."""
        try:
            return build(*args)
        except PackError as exc:
            errors.extend(exc.all())
            return None

    @staticmethod
    def _per_file(
        config: Config, entry: PerFile, catalogue: _Catalogue, errors: list[PackError]
    ) -> tuple[PerFile, frozenset[str], dict[str, str]]:
        """A ``per-file`` entry: the rule ids it skips and the severity of each rule."""
        at = ("per-file", entry.pattern)
        skip = catalogue.expand(entry.ignore, _in_config(config, *at, "ignore"), errors)
        levels: dict[str, str] = {}
        if isinstance(entry.severity, str):
            levels = dict.fromkeys(catalogue.by_id, entry.severity)
        elif entry.severity:
            for name, level in entry.severity.items():
                fail = _in_config(config, *at, "severity", name, index=False)
                ids = catalogue.expand([name], fail, errors)
                levels.update(dict.fromkeys(ids, level))
        return entry, frozenset(skip), levels

    def _override(self, config: Config, rule: Rule, sections: set[str]) -> Rule:
        """``rules: {ID: {severity, <option>: value}}`` applied to a rule, its values
        checked through the kind's declared options, the check rebuilt from it."""
        from lawlint.checks import kinds
        from lawlint.checks.options import OptionError

        setting = config.rules[rule.id]
        kind = kinds()[rule.kind]
        options = dict(rule.options)
        raw = dict(rule.raw_options)
        for key, value in setting.options.items():
            options[key] = self._option(config, rule, kind, key, value, sections)
            raw[key] = value
        new = replace(
            rule, severity=setting.severity or rule.severity, options=options, raw_options=raw
        )
        try:
            kind(new)  # options that only make sense together
        except OptionError as exc:
            raise config.error(exc.zh, exc.en, "rules", rule.id, rule=rule.id) from None
        return new

    @staticmethod
    def _option(
        config: Config, rule: Rule, kind: type[Check], key: str, value: Any, sections: set[str]
    ) -> Any:
        """One option of ``rules: {ID: {...}}`` in its run-time form (the built-in
        vocabularies may be named, as in a pack)."""
        from lawlint.checks.options import OptionError
        from lawlint.packs.loader import builtin_vocabularies
        from lawlint.packs.vocabularies import resolve

        at = ("rules", rule.id, key)
        spec = kind.options.get(key)
        if spec is None:
            known = ", ".join(["severity", *sorted(kind.options)])
            raise config.error(
                f"规则 {rule.id}（检查类型 {kind.kind}）没有选项“{key}”（可用：{known}）",
                f"rule {rule.id} (kind {kind.kind}) has no option {key!r} (known: {known})",
                *at,
                rule=rule.id,
            )
        try:
            converted = spec.convert(resolve(value, spec.type, builtin_vocabularies()))
        except OptionError as exc:
            raise config.error(
                f"选项值无效：{exc.zh}", f"invalid option value: {exc.en}", *at, rule=rule.id
            ) from None
        if key in _SECTION_OPTIONS:
            for name in value:
                if name not in sections:
                    raise config.error(
                        f"{key} 中的部分“{name}”未在任何规则包的 sections 中定义",
                        f"{key} names a part {name!r} that no pack's 'sections' defines",
                        *at,
                        rule=rule.id,
                    )
        return converted

    def _load_packs(self, config: Config) -> list[Pack]:
        """The packs ``extends`` and ``--pack`` name, each once; the errors of all of
        them (unknown names, invalid packs) raised together."""
        from lawlint.packs.loader import builtin_packs, check_unique_ids, gathered_in_order

        builtin = {p.name: p for p in builtin_packs()}
        errors: list[PackError] = []
        chosen: list[Pack] = []
        for i, name in enumerate(config.extends):
            if name == DEFAULT_PACKS:
                chosen.extend(builtin.values())
            elif name in builtin:
                chosen.append(builtin[name])
            else:
                chosen.extend(self._gather(errors, self._extends_pack, config, name, i) or ())
        for path in self.cli.packs:
            chosen.extend(self._gather(errors, lambda p: [self._pack(p)], path) or ())
        if errors:
            raise gathered_in_order(errors)
        unique: list[Pack] = []
        for pack in chosen:
            if all(pack is not p for p in unique):
                unique.append(pack)
        check_unique_ids(unique)
        return unique

    def _extends_pack(self, config: Config, name: str, i: int) -> list[Pack]:
        """The pack file an ``extends`` entry names (in a list: one pack)."""
        if not _is_path(name):
            builtin = [p.name for p in _builtin_packs()]
            raise config.error(
                f"未知的规则包“{name}”（内置：{DEFAULT_PACKS}, {', '.join(builtin)}；"
                "自定义规则包请写文件路径）",
                f"unknown pack {name!r} (built in: {DEFAULT_PACKS}, {', '.join(builtin)}; "
                "give your own packs as file paths)",
                "extends",
                i,
            )
        base = config.root if config.path else self.cwd
        return [self._pack(str(self._extended(config, base, name, i)))]

    @staticmethod
    def _extended(config: Config, base: Path, name: str, i: int) -> Path:
        """The pack file a configuration's ``extends`` entry ``i`` names. Only a local
        file in the configuration's own folder or below (after following links) is
        accepted: a configuration comes with the repository it sits in, and one that
        could name any file (extends: [/etc/shadow]) would have lawlint read, and
        report on, files its author cannot see. Packs elsewhere are given with --pack.
        The file must also be the user's or root's and not writable by others (as a
        discovered configuration must: a planted pack could supersede every finding)."""

        from lawlint.packs.loader import URL

        def refuse(zh: str, en: str) -> LawlintError:
            return config.error(zh, en, "extends", i)

        if URL.match(name):
            raise refuse(
                "extends 不能是网址：lawlint 从不下载任何内容，请指定本地规则包文件",
                "'extends' cannot name a URL: lawlint never downloads anything; "
                "name a local pack file",
            )
        path = base / name
        inside = base.resolve()
        target = path.resolve()
        if (
            os.path.isabs(name)
            or os.path.expanduser(name) != name
            or (target != inside and inside not in target.parents)
        ):
            raise refuse(
                f"extends 只能指定本配置所在文件夹及其子文件夹中的规则包（{name} 不在其中）；"
                "其他位置的规则包请用命令行 --pack 指定",
                f"'extends' may only name packs in this configuration's folder or below "
                f"({name} is not); give packs from elsewhere with --pack on the command line",
            )
        if config.path is not None and target == Path(config.path).resolve():
            raise refuse(
                "extends 指向本配置文件自身：extends 只能指定规则包",
                "'extends' names this configuration itself: it names rule packs only",
            )
        if not path.exists():
            raise refuse(f"规则包文件不存在：{path}", f"rule pack file not found: {path}")
        if path.is_dir():
            raise refuse(
                f"extends 指向文件夹而不是规则包文件：{path}",
                f"'extends' names a folder, not a pack file: {path}",
            )
        if not trusted(path):  # as for configurations: a pack can supersede findings
            raise refuse(
                f"规则包文件属于其他用户或可被其他用户写入，不予使用：{path}"
                "（确需使用请用命令行 --pack 指定）",
                f"the pack file belongs to another user or is writable by others, so it "
                f"is not used: {path} (give it with --pack to use it anyway)",
            )
        return path

    def _pack(self, path: str) -> Pack:
        key = os.path.abspath(path)
        if key not in self._packs:
            from lawlint.packs.loader import load_pack

            self._packs[key] = load_pack(path)
        return self._packs[key]


def fails(results: Iterable[FileResult], fail_on: str | None = None) -> bool:
    """Does a finding at or above the failing severity remain? ``fail_on`` (the
    command line's ``--fail-on``) wins over each file's configured ``fail-on``;
    the default is ``error``."""
    for result in results:
        threshold = SEVERITY_RANK[fail_on or result.fail_on or "error"]
        worst = result.worst
        if worst is not None and SEVERITY_RANK[worst] <= threshold:
            return True
    return False

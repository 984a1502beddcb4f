"""Running a batch: the result cache first, then the misses, in parallel when it pays.

1. Every file is read and hashed in this process; a cache hit is a result at once (no
   document is built, jieba is never loaded). Without a cache, a caller that streams its
   report leaves the reading to whoever lints the file.
2. The misses are linted — here, or by ``--jobs`` processes when there are at least
   :data:`POOL_MIN` of them. On Linux that is this process and ``--jobs - 1`` children
   forked from it (:mod:`lawlint.lint.forkpool`), which inherit the built rules and the
   imported jieba; elsewhere a pool of spawned workers, which build them once. Each
   process decodes the dictionary buckets its sentences need; files are taken in chunks.
3. Results come back in the order of the input (paths sorted), whatever finished first,
   each handed on (``on_result``) as soon as it and those before it are done. Every
   process renders its files' parts of the report (formats made of per-file parts) and
   counts their batch-table figures; a worker sends back text and small values only: the
   findings packed (``findings.pack``; not at all when nobody will read them), their
   :class:`~lawlint.findings.Tally`, the rendered part and the figures. This process then
   decodes nothing for the report, the exit code or the cache, and the formatting runs
   on every core.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lawlint.errors import InputError, LawlintError
from lawlint.findings import Tally
from lawlint.input.reader import STDIN, read_input, source_from_bytes
from lawlint.input.source import Source
from lawlint.lint.cache import ResultCache, digest
from lawlint.lint.results import FileResult

if TYPE_CHECKING:
    from lawlint.lint.engine import FileOverrides
    from lawlint.lint.stats import FigureShare
    from lawlint.lint.workspace import CommandLine, Profile, Workspace

POOL_MIN = 8  # fewer misses than this are linted in this process

Render = tuple[str, Callable[[FileResult], str]]
"""(format name, its per-file renderer): how workers render their files' parts of the
report as they go. Built by the caller (``lawlint.output.part_renderer``): the runner
knows nothing of output formats."""


@dataclass(slots=True)
class _Miss:
    index: int
    profile: Profile
    source: Source | str  # a path: read where the file is linted (see Batch)
    overrides: FileOverrides | None
    key: str | None

    @property
    def name(self) -> str:
        return self.source if isinstance(self.source, str) else self.source.path


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def jobs_to_use(asked: int | None) -> int:
    """``--jobs``: None or 0 is the number of cores; more than that is clamped to it
    (linting is CPU-bound: another process would only add memory and forks)."""
    cores = default_jobs()
    return cores if not asked else max(1, min(asked, cores))


def run(
    workspace: Workspace,
    jobs: Sequence[tuple[str, Profile]],
    *,
    stdin_name: str | None = None,
    cache: ResultCache | None = None,
    n_jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    render: Render | None = None,
) -> list[FileResult]:
    """Lint ``jobs`` (path, profile); ``render``: the output format's per-file renderer,
    which workers run as they go (see :data:`Render`). Results in the order of ``jobs``."""
    batch = Batch(workspace, jobs, stdin_name=stdin_name, cache=cache, progress=progress)
    batch.prepare()
    return batch.lint(n_jobs=n_jobs, render=render)


class Batch:
    """A run in three steps, so a caller can act between them: reading (every file read
    and hashed, cache hits taken; on construction), :meth:`prepare` (the packs and rules
    of the files to lint loaded and checked: configuration errors surface here, before
    any output) and :meth:`lint`, which hands each result to ``on_result`` in input
    order as soon as it and all before it are done — a report can be written while the
    rest is still being linted."""

    def __init__(
        self,
        workspace: Workspace,
        jobs: Sequence[tuple[str, Profile]],
        *,
        stdin_name: str | None = None,
        cache: ResultCache | None = None,
        progress: Callable[[int], None] | None = None,
        read_later: bool = False,
    ) -> None:
        """``read_later``: the caller will not need the files' sources (it streams a
        report of rendered parts), so without a result cache — nothing to look up by the
        files' bytes — each file is read where it is linted, by the workers in a batch."""
        self.workspace = workspace
        self.cache = cache or ResultCache(None)
        self.progress = progress
        self.results: list[FileResult | None] = [None] * len(jobs)
        self.misses: list[_Miss] = []
        defer = read_later and not self.cache.enabled
        for i, (path, profile) in enumerate(jobs):
            if defer and path != STDIN:
                self.misses.append(_Miss(i, profile, path, None, None))
            else:
                self._read(i, path, profile, stdin_name)

    def _read(self, i: int, path: str, profile: Profile, stdin_name: str | None) -> None:
        try:
            name, data = read_input(path, stdin_name=stdin_name)
            source = source_from_bytes(data, name)
        except InputError as exc:
            self.results[i] = FileResult(exc.path or path, error=exc)
            _tick(self.progress)
            return
        key = None
        # compared with last year's report: its findings depend on that file too, which
        # the cache key does not cover, so such a file is always linted
        compared = self.workspace.previous_of(name, profile.config) is not None
        if path != STDIN and self.cache.enabled and not compared:
            kind = "md" if source.markdown else "txt"
            # the file's name too: a text without a title line takes its title from it
            key = digest(data, kind, repr(profile.file_key(name)), Path(name).name)
            hit = self.cache.get(profile.cache_key, key)
            if hit is not None:
                findings, packed, suppressed = hit
                for f in findings:
                    f.path = name
                self.results[i] = FileResult(
                    name,
                    findings,
                    packed=packed,
                    source=source,
                    suppressed=suppressed,
                    fail_on=profile.config.fail_on,
                    cached=True,
                )
                _tick(self.progress)
                return
        self.misses.append(_Miss(i, profile, source, None, key))

    def prepare(self) -> None:
        """Load and check the packs and rules of the files to lint (LawlintError if bad)."""
        misses = self.misses
        self.workspace.prepare({id(m.profile): m.profile for m in misses}.values())
        for miss in misses:
            miss.overrides = miss.profile.overrides(miss.name)

    def lint(
        self,
        *,
        n_jobs: int = 1,
        render: Render | None = None,
        on_result: Callable[[FileResult], None] | None = None,
        keep_findings: bool = True,
        figures: bool = False,
    ) -> list[FileResult]:
        """Lint the files to lint; ``render`` as in :func:`run`. ``keep_findings=False``:
        the caller reads only the rendered parts and each result's tally (it streams the
        report), so workers need not send the findings of a rendered file unless the
        result cache stores them. ``figures``: count each file's figures (the batch
        table's last column) where it is linted, while its document is at hand."""
        results, misses = self.results, self.misses
        emitted = 0

        def emit() -> None:
            nonlocal emitted
            while emitted < len(results) and results[emitted] is not None:
                if on_result is not None:
                    on_result(results[emitted])  # type: ignore[arg-type]
                emitted += 1

        emit()
        if n_jobs > 1 and len(misses) >= POOL_MIN:
            task = _Task(render, keep_findings or self.cache.enabled, figures)
            linted = _in_pool(self.workspace, misses, n_jobs, self.progress, task)
        else:
            linted = _here(misses, self.progress, figures)
        # closed at once if on_result or Ctrl-C stops the batch (a closed pipe, a full
        # disk): the worker processes are stopped and reaped now, not when the generator
        # is collected, which a process ending with os._exit never does
        with contextlib.closing(linted):
            for miss, result in zip(misses, linted, strict=True):
                result.fail_on = miss.profile.config.fail_on
                results[miss.index] = result
                if miss.key is not None:
                    self.cache.put(
                        miss.profile.cache_key, miss.key, result.packed, result.suppressed
                    )
                emit()
        self.cache.save()
        return [r for r in results if r is not None]


def _tick(progress: Callable[[int], None] | None) -> None:
    if progress is not None:
        progress(1)


def _here(
    misses: list[_Miss], progress: Callable[[int], None] | None, figures: bool = False
) -> Generator[FileResult, None, None]:
    for miss in misses:
        result = _lint_file(miss.profile, miss.source, miss.overrides, figures)
        if isinstance(result, InputError):
            result = FileResult(result.path or miss.name, error=result)
        yield result
        _tick(progress)


def _lint_file(
    profile: Profile, source: Source | str, overrides: FileOverrides | None, figures: bool
) -> FileResult | InputError:
    """One file linted — read first if ``source`` is its path (the error if it cannot be
    read) — with its batch-table figures counted when asked, while its document is here."""
    if isinstance(source, str):
        try:
            name, data = read_input(source)
            source = source_from_bytes(data, name)
        except InputError as exc:
            return exc
    result = profile.linter.lint(source, overrides)
    if figures and result.document is not None:  # a linted source has its document
        result.figures = profile.figures(result.document)
    return result


# -- worker processes ------------------------------------------------------------------
# What a worker lints with. Forked children (Linux) inherit this process's state: the
# misses, their built profiles, the _Task and, when a rule needs words, jieba imported
# here before forking; an item is then just an index, and this process lints its share
# the same way (_lint_index). Spawned workers (macOS, Windows) get the _Task in their
# initializer, rebuild the workspace and import jieba there, and receive each source (or
# path) with its task.
@dataclass(frozen=True, slots=True)
class _Task:
    """What a worker does with each file besides linting it."""

    render: Render | None = None  # (format, render_file)
    send_findings: bool = True  # False: the rendered part and the tally are all the parent needs
    figures: bool = False  # count the figures of the measures part (batch table)


_WORKSPACE: Workspace | None = None
_MISSES: list[_Miss] = []
_TASK = _Task()

# What a worker sends back for a file: packed findings (or None), their tally, the
# suppressed count, the file's rendered part of the report (or None) and its figures (or
# None). Text pickles several times faster than Finding objects, and the parent need
# not decode it.
_Packed = tuple[
    "str | None", Tally, int, "str | None", "FigureShare | None", "dict[str, Any] | None"
]


def _packed(result: FileResult | InputError) -> _Packed | InputError:
    if isinstance(result, InputError):
        return result
    rendered = None if result.rendered is None else result.rendered[1]
    packed = result.packed if _TASK.send_findings or rendered is None else None
    return packed, result.tally, result.suppressed, rendered, result.figures, result.yoy


def _lint_task(
    profile: Profile, source: Source | str, overrides: FileOverrides | None
) -> FileResult | InputError:
    """One file linted by a worker, with what the :class:`_Task` asks besides."""
    result = _lint_file(profile, source, overrides, _TASK.figures)
    if _TASK.render is not None and not isinstance(result, InputError):
        fmt, render = _TASK.render
        result.rendered = (fmt, render(result))
    return result


def _lint_index(index: int) -> FileResult | InputError:
    """Lint the ``index``-th file to lint: in this process or in a forked child."""
    miss = _MISSES[index]
    return _lint_task(miss.profile, miss.source, miss.overrides)


def _init_spawned(
    cli: CommandLine, cwd: str, config_paths: list[str | None], words: bool, task: _Task
) -> None:
    global _WORKSPACE, _TASK
    from lawlint.lint.workspace import Workspace

    # No prctl here (this pool runs off Linux): a spawned worker waits for its tasks on a
    # pipe from this process, and ends once it finds it closed, when lawlint has died.
    _TASK = task
    _WORKSPACE = Workspace(cli, cwd=Path(cwd))
    for config_path in config_paths:
        _WORKSPACE.profile(config_path)
    if words:
        from lawlint.model.segmenter import preload

        preload()


def _lint_spawned(
    task: tuple[str | None, Source | str, FileOverrides | None],
) -> _Packed | InputError:
    config_path, source, overrides = task
    assert _WORKSPACE is not None
    return _packed(_lint_task(_WORKSPACE.profile(config_path), source, overrides))


def _in_pool(
    workspace: Workspace,
    misses: list[_Miss],
    n_jobs: int,
    progress: Callable[[int], None] | None,
    task: _Task,
) -> Generator[FileResult, None, None]:
    words = any(m.profile.linter.needs_words for m in misses)
    processes = min(n_jobs, len(misses))
    if sys.platform == "linux":
        yield from _in_forks(misses, processes, progress, task, words)
    else:
        yield from _in_spawned(workspace, misses, processes, progress, task, words)


def _in_forks(
    misses: list[_Miss],
    processes: int,
    progress: Callable[[int], None] | None,
    task: _Task,
    words: bool,
) -> Iterator[FileResult]:
    """This process and ``processes - 1`` forked children (:mod:`lawlint.lint.forkpool`)."""
    from lawlint.lint.forkpool import imap

    global _MISSES, _TASK
    if words:
        from lawlint.model.segmenter import preload

        preload()
    _MISSES, _TASK = misses, task
    try:
        with contextlib.closing(imap(_lint_index, len(misses), processes, send=_packed)) as items:
            for miss, (sent, item) in zip(misses, items, strict=True):
                yield _received(miss, item, task) if sent else _as_result(miss, item, task)
                _tick(progress)
    finally:
        _MISSES, _TASK = [], _Task()


def _in_spawned(
    workspace: Workspace,
    misses: list[_Miss],
    processes: int,
    progress: Callable[[int], None] | None,
    task: _Task,
    words: bool,
) -> Iterator[FileResult]:
    """A pool of spawned workers (macOS, Windows), each rebuilding the workspace."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    config_paths = sorted({workspace.config_key(m.profile) for m in misses}, key=str)
    tasks = [(workspace.config_key(m.profile), m.source, m.overrides) for m in misses]
    chunk = max(1, min(64, len(misses) // (processes * 4)))
    done = 0
    try:
        with ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_spawned,
            initargs=(workspace.cli, str(workspace.cwd), config_paths, words, task),
        ) as pool:
            for item, miss in zip(
                pool.map(_lint_spawned, tasks, chunksize=chunk), misses, strict=False
            ):
                done += 1
                yield _received(miss, item, task)
                _tick(progress)
    except LawlintError:
        raise
    except (OSError, RuntimeError):  # no processes here (sandbox, limits): finish in-process
        yield from _here(misses[done:], progress, task.figures)


def _received(miss: _Miss, item: _Packed | InputError, task: _Task) -> FileResult:
    """The result a worker sent (see :func:`_packed`)."""
    if isinstance(item, InputError):
        return FileResult(item.path or miss.name, error=item)
    packed, tally, suppressed, rendered, figures, yoy = item
    source = None if isinstance(miss.source, str) else miss.source
    part = None if rendered is None or task.render is None else (task.render[0], rendered)
    common: dict[str, Any] = {"suppressed": suppressed, "source": source, "rendered": part}
    if packed is None:
        result = FileResult.without_findings(miss.name, tally, **common)
    else:
        result = FileResult(miss.name, packed=packed, tally=tally, **common)
    result.figures = figures
    result.yoy = yoy
    return result


def _as_result(miss: _Miss, result: FileResult | InputError, task: _Task) -> FileResult:
    """A result linted in this process: as it is when the caller keeps the findings, else
    cut down to what a child would have sent (the part, the tally)."""
    if task.send_findings and not isinstance(result, InputError):
        return result
    return _received(miss, _packed(result), task)

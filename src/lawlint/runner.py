"""Running a batch: the result cache first, then the misses, in parallel when it pays.

1. Every file is read and hashed in this process; a cache hit is a result at once (no
   document is built, jieba is never loaded).
2. The misses are linted — here, or by a pool of ``--jobs`` worker processes when
   there are at least :data:`POOL_MIN` of them. Each worker builds the same workspace
   once and loads the jieba dictionary once (in its initializer), so the dictionary
   load overlaps across workers; files go to workers in chunks.
3. Results come back in the order of the input (paths sorted), whatever finished first.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import ResultCache, digest, finding, record
from .errors import InputError, LawlintError
from .reader import STDIN, Source, read_input, source_from_bytes
from .results import FileResult

if TYPE_CHECKING:
    from .engine import FileOverrides
    from .findings import Finding
    from .workspace import CommandLine, Profile, Workspace

POOL_MIN = 8  # fewer misses than this are linted in this process


@dataclass(slots=True)
class _Miss:
    index: int
    profile: Profile
    source: Source
    overrides: FileOverrides | None
    key: str | None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def run(
    workspace: Workspace,
    jobs: Sequence[tuple[str, Profile]],
    *,
    stdin_name: str | None = None,
    cache: ResultCache | None = None,
    n_jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[FileResult]:
    cache = cache or ResultCache(None)
    results: list[FileResult | None] = [None] * len(jobs)
    misses: list[_Miss] = []
    for i, (path, profile) in enumerate(jobs):
        try:
            name, data = read_input(path, stdin_name=stdin_name)
            source = source_from_bytes(data, name)
        except InputError as exc:
            results[i] = FileResult(exc.path or path, error=exc)
            _tick(progress)
            continue
        key = None
        if path != STDIN:
            kind = "md" if source.markdown else "txt"
            key = digest(data, kind, repr(profile.file_key(name)))
            hit = cache.get(profile.cache_key, key)
            if hit is not None:
                findings, suppressed = hit
                for f in findings:
                    f.path = name
                results[i] = FileResult(
                    name,
                    findings,
                    source=source,
                    suppressed=suppressed,
                    fail_on=profile.config.fail_on,
                    cached=True,
                )
                _tick(progress)
                continue
        misses.append(_Miss(i, profile, source, None, key))

    # packs and rules are loaded and checked before anything is linted
    workspace.prepare({id(m.profile): m.profile for m in misses}.values())
    for miss in misses:
        miss.overrides = miss.profile.overrides(miss.source.path)
    if n_jobs > 1 and len(misses) >= POOL_MIN:
        linted = _in_pool(workspace, misses, n_jobs, progress)
    else:
        linted = _here(misses, progress)
    for miss, (findings, suppressed) in zip(misses, linted, strict=True):
        result = FileResult(
            miss.source.path,
            findings,
            source=miss.source,
            suppressed=suppressed,
            fail_on=miss.profile.config.fail_on,
        )
        results[miss.index] = result
        if miss.key is not None:
            cache.put(miss.profile.cache_key, miss.key, findings, suppressed)
    cache.save()
    return [r for r in results if r is not None]


def _tick(progress: Callable[[int], None] | None) -> None:
    if progress is not None:
        progress(1)


def _here(
    misses: list[_Miss], progress: Callable[[int], None] | None
) -> list[tuple[list[Finding], int]]:
    out = []
    for miss in misses:
        result = miss.profile.linter.lint(miss.source, miss.overrides)
        out.append((result.findings, result.suppressed))
        _tick(progress)
    return out


# -- worker processes ------------------------------------------------------------------
# What a worker lints with. Forked workers (Linux) inherit this process's state: the
# misses, their built profiles and, when a rule needs words, the jieba dictionary
# loaded once here before forking; a task is then just an index. Spawned workers
# (macOS, Windows) rebuild the workspace and load the dictionary in their initializer,
# and receive each source with its task.
_WORKSPACE: Workspace | None = None
_MISSES: list[_Miss] = []


def _lint_inherited(index: int) -> tuple[list[list[object]], int]:
    miss = _MISSES[index]
    result = miss.profile.linter.lint(miss.source, miss.overrides)
    # plain lists pickle several times faster than Finding objects
    return [record(f) for f in result.findings], result.suppressed


def _init_spawned(cli: CommandLine, cwd: str, config_paths: list[str | None], words: bool) -> None:
    global _WORKSPACE
    from .workspace import Workspace

    _WORKSPACE = Workspace(cli, cwd=Path(cwd))
    for config_path in config_paths:
        _WORKSPACE.profile(config_path)
    if words:
        from .segmenter import preload

        preload()


def _lint_spawned(
    task: tuple[str | None, Source, FileOverrides | None],
) -> tuple[list[list[object]], int]:
    config_path, source, overrides = task
    assert _WORKSPACE is not None
    result = _WORKSPACE.profile(config_path).linter.lint(source, overrides)
    return [record(f) for f in result.findings], result.suppressed


def _in_pool(
    workspace: Workspace, misses: list[_Miss], n_jobs: int, progress: Callable[[int], None] | None
) -> list[tuple[list[Finding], int]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _MISSES
    words = any(m.profile.linter.needs_words for m in misses)
    workers = min(n_jobs, len(misses))
    chunk = max(1, min(64, len(misses) // (workers * 4)))
    fork = sys.platform == "linux"
    if fork:
        if words:
            from .segmenter import preload

            preload()
        _MISSES = misses
        context = multiprocessing.get_context("fork")
        function, tasks, init, initargs = _lint_inherited, range(len(misses)), None, ()
    else:
        config_paths = sorted({workspace.config_key(m.profile) for m in misses}, key=str)
        context = multiprocessing.get_context("spawn")
        function = _lint_spawned
        tasks = [(workspace.config_key(m.profile), m.source, m.overrides) for m in misses]
        init, initargs = _init_spawned, (workspace.cli, str(workspace.cwd), config_paths, words)
    out: list[tuple[list[Finding], int]] = []
    try:
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=init, initargs=initargs
        ) as pool:
            for (records, suppressed), miss in zip(
                pool.map(function, tasks, chunksize=chunk), misses, strict=False
            ):
                findings = [finding(r) for r in records]
                for f in findings:
                    f.path = miss.source.path
                out.append((findings, suppressed))
                _tick(progress)
    except LawlintError:
        raise
    except (OSError, RuntimeError):  # no processes here (sandbox, limits): finish in-process
        return out + _here(misses[len(out) :], progress)
    finally:
        _MISSES = []
    return out

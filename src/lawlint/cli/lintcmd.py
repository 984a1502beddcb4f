"""``lawlint check`` (without ``--fix``): lint a batch and write its report.

A report made of per-file parts (JSON, GitHub commands, plain text, SARIF) has each part
rendered where its file is linted — by the workers of a batch — and is written as the
files are linted: its first lines come early, writing overlaps linting, and a file's
findings and document are let go once its part is out. Not under a progress bar, which
would be drawn over it on a terminal, and not in colour, which rich draws in this
process; those reports, HTML and ``--statistics`` are written once the batch is done.
Configuration errors come before any output either way (``Batch.prepare``).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from lawlint.errors import LawlintError
from lawlint.output.reporting import (
    EXIT_ERROR,
    batch_progress,
    error_line,
    exit_code,
    fail,
    format_options,
    show_progress,
    write_report,
)

if TYPE_CHECKING:
    from lawlint.input.discovery import Skipped
    from lawlint.lint.results import FileResult
    from lawlint.lint.runner import Batch
    from lawlint.lint.workspace import Profile, Workspace
    from lawlint.output import FormatOptions


def run_check(
    workspace: Workspace,
    jobs: Sequence[tuple[str, Profile]],
    *,
    fmt: str,
    color: bool | None,
    quiet: bool,
    statistics: bool,
    output_file: str | None,
    stdin_name: str | None,
    no_cache: bool,
    n_jobs: int | None,
    fail_on: str | None,
    show: str | None = None,
    lang: str = "zh",
    annotate: str | None = None,
    skipped: Sequence[Skipped] = (),
) -> int:
    """Lint ``jobs`` and write the report; the exit code (0, 1 or 2). With ``annotate``,
    also write each file's copy with its findings as Word comments. ``skipped``: the files
    the folder walk passed over, which the report lists (never the exit code)."""
    from lawlint.lint.runner import jobs_to_use
    from lawlint.output import part_renderer

    progress = show_progress(len(jobs), quiet)
    render = _part_format(fmt, statistics=statistics, color=color, output_file=output_file)
    # annotating needs every finding after the run: nothing is released while streaming
    streamed = render is not None and not progress and annotate is None
    # the batch table's figures are counted where each file is linted, beside its document
    figures = fmt == "html" or (fmt == "text" and not quiet and len(jobs) > 1 and not statistics)
    # what the formatter is told for the report of the results (None: for each file's part)
    report_options = functools.partial(
        format_options,
        jobs,
        fmt=fmt,
        quiet=quiet,
        show=show,
        lang=lang,
        output_file=output_file,
        skipped=skipped,
    )
    results: list[FileResult] = []
    try:
        with batch_progress(len(jobs), enabled=progress) as tick:
            batch = _prepared_batch(workspace, jobs, stdin_name, no_cache, tick, streamed)
            # what each file's part is rendered with (SARIF: the rules, for their index)
            run_options = report_options(None) if render else None
            lint = functools.partial(
                batch.lint,
                n_jobs=jobs_to_use(n_jobs),
                render=part_renderer(render, run_options),
                figures=figures,
            )
            if not streamed:
                results = lint()
    except LawlintError as exc:
        fail(exc)
    if streamed:
        assert render is not None
        written, results = _write_streamed(lint, render, run_options, report_options, output_file)
    else:
        for r in results:
            if r.error is not None:
                error_line(str(r.error))
        written = _write_whole(
            results,
            report_options(results),
            fmt=fmt,
            statistics=statistics,
            color=color,
            quiet=quiet,
            lang=lang,
            output_file=output_file,
        )
    if annotate is not None:
        _annotate(results, annotate)
    return exit_code(results, fail_on) if written else EXIT_ERROR


def _prepared_batch(
    workspace: Workspace,
    jobs: Sequence[tuple[str, Profile]],
    stdin_name: str | None,
    no_cache: bool,
    tick: Callable[[int], None] | None,
    read_later: bool,
) -> Batch:
    """The batch with every configuration loaded, so that a configuration error comes
    before any output (``Batch.prepare``)."""
    from lawlint.cachefiles import cache_dir
    from lawlint.lint.cache import ResultCache
    from lawlint.lint.runner import Batch

    batch = Batch(
        workspace,
        jobs,
        stdin_name=stdin_name,
        cache=ResultCache(None if no_cache else cache_dir() / "results"),
        progress=tick,
        read_later=read_later,
    )
    batch.prepare()
    return batch


def _part_format(
    fmt: str, *, statistics: bool, color: bool | None, output_file: str | None
) -> str | None:
    """The format each file's part of the report is rendered in where the file is
    linted; None when the report is written whole at the end (counts, a report not
    made of parts, or colour, which rich draws in this process)."""
    from lawlint.output import renderer

    if statistics or renderer(fmt) is None or _in_colour(fmt, color, output_file):
        return None
    return fmt


def _write_streamed(
    lint: Callable[..., list[FileResult]],
    render: str,
    run_options: FormatOptions | None,
    report_options: Callable[[list[FileResult]], FormatOptions],
    output_file: str | None,
) -> tuple[bool, list[FileResult]]:
    """Lint and write each file's part as it comes, letting its findings go once out,
    so a big batch's report starts early and is never held whole; (written, results)."""
    from lawlint.output import PartWriter

    results: list[FileResult] = []

    def stream(out: TextIO) -> None:
        nonlocal results
        writer = PartWriter(render, out, run_options)

        def on_result(result: FileResult) -> None:
            if result.error is not None:
                error_line(str(result.error))
            writer.add(result)
            result.release()

        try:
            results = lint(on_result=on_result, keep_findings=False)
        except LawlintError as exc:
            fail(exc)
        writer.close(
            results,
            report_options(results),
        )

    written = write_report(stream, output_file)
    return written, results


def _write_whole(
    results: list[FileResult],
    options: FormatOptions,
    *,
    fmt: str,
    statistics: bool,
    color: bool | None,
    quiet: bool,
    lang: str,
    output_file: str | None,
) -> bool:
    """Write the report of a finished batch (the counts with --statistics); whether it
    was written."""
    from lawlint.output import get
    from lawlint.output.statistics import write as write_statistics

    if statistics:
        return write_report(
            lambda out: write_statistics(results, out, fmt=fmt, quiet=quiet, lang=lang),
            output_file,
        )
    return write_report(
        lambda out: get(fmt)(results, out, color=color, options=options), output_file
    )


def _annotate(results: list[FileResult], annotate: str) -> None:
    """--annotate: each file's copy with its findings as Word comments; a copy that
    cannot be written ends the command (exit 2)."""
    from lawlint.output.docx_annotate import write_all

    try:
        write_all(results, annotate)
    except LawlintError as exc:
        fail(exc)


def _in_colour(fmt: str, color: bool | None, output_file: str | None) -> bool:
    """Will the ``fmt`` report be in colour (text on a terminal, or ``--color``)?"""
    if fmt != "text":
        return False
    if color is not None:
        return color
    if output_file is not None:
        return False
    from lawlint.output.text_format import colored

    return colored(sys.stdout, None)

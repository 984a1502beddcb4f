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
from collections.abc import Sequence
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
    from lawlint.cachefiles import cache_dir
    from lawlint.lint.cache import ResultCache
    from lawlint.lint.runner import Batch, jobs_to_use
    from lawlint.output import PartWriter, get, part_renderer, renderer
    from lawlint.output.statistics import write as write_statistics

    progress = show_progress(len(jobs), quiet)
    render: str | None = None if statistics else fmt
    if render is not None and (renderer(render) is None or _in_colour(render, color, output_file)):
        render = None
    # annotating needs every finding after the run: nothing is released while streaming
    streamed = render is not None and not progress and annotate is None
    # the batch table's figures are counted where each file is linted, beside its document
    figures = fmt == "html" or (fmt == "text" and not quiet and len(jobs) > 1 and not statistics)
    results: list[FileResult] = []
    try:
        with batch_progress(len(jobs), enabled=progress) as tick:
            batch = Batch(
                workspace,
                jobs,
                stdin_name=stdin_name,
                cache=ResultCache(None if no_cache else cache_dir() / "results"),
                progress=tick,
                read_later=streamed,
            )
            batch.prepare()
            # what each file's part is rendered with (SARIF: the rules, for their index)
            run_options = (
                format_options(
                    jobs, None, fmt, quiet=quiet, show=show, lang=lang, output_file=output_file
                )
                if render
                else None
            )
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

    def report_options(results: list[FileResult]) -> FormatOptions:
        """What the formatter is told for the report of ``results`` (the run's options)."""
        return format_options(
            jobs,
            results,
            fmt,
            quiet=quiet,
            show=show,
            lang=lang,
            output_file=output_file,
            skipped=skipped,
        )

    def stream(out: TextIO) -> None:
        nonlocal results
        assert render is not None
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

    if streamed:
        written = write_report(stream, output_file)
    else:
        for r in results:
            if r.error is not None:
                error_line(str(r.error))
        options = report_options(results)
        if statistics:
            written = write_report(
                lambda out: write_statistics(results, out, fmt=fmt, quiet=quiet, lang=lang),
                output_file,
            )
        else:
            written = write_report(
                lambda out: get(fmt)(results, out, color=color, options=options), output_file
            )
    if annotate is not None:
        from lawlint.output.docx_annotate import write_all

        try:
            write_all(results, annotate)
        except LawlintError as exc:
            fail(exc)
    return exit_code(results, fail_on) if written else EXIT_ERROR


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

"""From results to a report and an exit code: what ``lawlint check`` does after the
engine has linted (kept out of ``cli.py`` so the command stays a list of options).

Exit codes (a contract for CI): 0 — no finding at or above the ``--fail-on``
severity (default ``error``); 1 — at least one such finding; 2 — a usage, input or
rule-pack error, whatever else was found. The same whatever the format and wherever
the report goes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from .findings import SEVERITY_RANK

if TYPE_CHECKING:
    from .engine import FileResult, Linter
    from .formatters import FormatOptions
    from .stats import FigureShare

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def exit_code(results: Sequence[FileResult], fail_on: str = "error") -> int:
    """2 if a file could not be read; else 1 if a finding is at least as severe as
    ``fail_on``; else 0."""
    if any(r.error is not None for r in results):
        return EXIT_ERROR
    worst = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[f.severity] <= worst for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


@contextmanager
def report_stream(output_file: str | None) -> Iterator[TextIO]:
    """Standard output, or ``output_file`` (UTF-8, LF; its folder created)."""
    if output_file is None:
        yield sys.stdout
        return
    path = Path(output_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        yield out


def write_report(
    write: Callable[[TextIO], None], output_file: str | None, default: TextIO | None = None
) -> bool:
    """Write the report with ``write`` to ``output_file``, else to ``default``
    (standard output). False, with a message on stderr, when the file cannot be
    written."""
    if output_file is None:
        write(default or sys.stdout)
        return True
    try:
        with report_stream(output_file) as out:
            write(out)
    except OSError as exc:
        click.echo(
            f"lawlint: {output_file}: 无法写入报告（{exc.strerror}）"
            f" / cannot write the report ({exc.strerror})",
            err=True,
        )
        return False
    return True


def format_options(
    linter: Linter, results: Sequence[FileResult], fmt: str, *, quiet: bool
) -> FormatOptions:
    """What the formatter gets besides the findings: the rules that ran, ``--quiet``,
    and for a batch in the text format the figures of the summary table."""
    from .formatters import FormatOptions

    figures = {}
    if fmt == "text" and not quiet and len(results) > 1:
        figures = batch_figures(linter, results)
    return FormatOptions(rules=linter.rules, quiet=quiet, figures=figures)


def show_progress(files: int, quiet: bool) -> bool:
    """A progress bar only for a batch, only when a person watches standard error."""
    return files > 1 and not quiet and sys.stderr.isatty()


def lint_files(
    linter: Linter, files: Sequence[str], stdin_name: str | None, *, progress: bool
) -> list[FileResult]:
    """Lint ``files`` in order; with ``progress``, a transient rich bar on stderr."""
    if not progress:
        return [linter.lint_path(p, stdin_name=stdin_name) for p in files]
    from rich.console import Console
    from rich.progress import Progress

    results = []
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("检查 / checking", total=len(files))
        for p in files:
            results.append(linter.lint_path(p, stdin_name=stdin_name))
            bar.advance(task)
    return results


def batch_figures(linter: Linter, results: Sequence[FileResult]) -> dict[str, FigureShare]:
    """The batch table's last column: figures in each report's ``measures`` part,
    counted as the packs' ``unquantified-section`` rule counts them."""
    from .stats import figure_settings, figure_share

    key, figure = figure_settings(linter.packs)
    specs = linter.section_specs
    return {
        r.path: figure_share(r.document, specs, key, figure)
        for r in results
        if r.document is not None
    }

"""From results to a report and an exit code: what ``lawlint check`` does after the
engine has linted (kept out of ``cli.py`` so the command stays a list of options).

Exit codes (a contract for CI): 0 — no finding at or above the failing severity
(``--fail-on``, else the file's configured ``fail-on``, else ``error``); 1 — at least
one such finding; 2 — a usage, input, rule-pack or configuration error, whatever else
was found. The same whatever the format and wherever the report goes.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click

if TYPE_CHECKING:
    from lawlint.errors import LawlintError
    from lawlint.input.discovery import Skipped
    from lawlint.lint.engine import FileResult
    from lawlint.lint.stats import FigureShare, Parts
    from lawlint.lint.workspace import Profile
    from lawlint.model.rules import Rule
    from lawlint.output import FormatOptions

Jobs = Sequence[tuple[str, "Profile"]]  # each file with its configuration's profile

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(exc: LawlintError) -> NoReturn:
    """End the command on a usage, input or pack error: its message (every error of a
    pack or configuration, one line each), exit code 2."""
    for line in exc.lines():
        error_line(line)
    sys.exit(EXIT_ERROR)


def error_line(message: str) -> None:
    """``lawlint: <message>`` on standard error, one line: a file name's control
    characters, newlines and undecodable bytes shown as escapes (``formatters.safe``)."""
    from lawlint.output.safe import shown

    with contextlib.suppress(OSError, ValueError):  # stderr cannot be written: nobody to tell
        click.echo(f"lawlint: {shown(message)}", err=True)


def silence_stdout() -> None:
    """Point standard output at the null device once it cannot be written (a closed
    pipe, a full disk): what is still buffered, and the flush at exit, go nowhere
    instead of failing again. The Python documentation's advice for SIGPIPE."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor: nothing to point
        pass


def exit_code(results: Sequence[FileResult], fail_on: str | None = None) -> int:
    """2 if a file could not be read; else 1 if a finding is at least as severe as
    ``fail_on`` (or the file's configured ``fail-on``, see ``workspace.fails``); else 0."""
    from lawlint.lint.workspace import fails

    if any(r.error is not None for r in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if fails(results, fail_on) else EXIT_OK


@contextmanager
def report_stream(output_file: str | None) -> Iterator[TextIO]:
    """Standard output, or ``output_file`` (UTF-8, LF; its folder created)."""
    if output_file is None:
        yield sys.stdout
        return
    path = Path(output_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the formatters escape undecodable file names; anything left is escaped, never fatal
    with path.open("w", encoding="utf-8", errors="backslashreplace", newline="\n") as out:
        yield out


def write_report(
    write: Callable[[TextIO], None], output_file: str | None, default: TextIO | None = None
) -> bool:
    """Write the report with ``write`` to ``output_file``, else to ``default``
    (standard output). False, with a message on stderr, when the file or standard output
    cannot be written (a full disk, ``/dev/full``). A closed pipe (``| head``) is raised
    as :class:`BrokenPipeError`: the command then ends quietly (``cli``)."""
    if output_file is None:
        out = default or sys.stdout
        try:
            write(out)
            out.flush()  # a full disk shows here, not at exit
        except BrokenPipeError:
            raise
        except OSError as exc:
            error_line(
                f"无法写入标准输出（{exc.strerror}） / cannot write to standard output"
                f" ({exc.strerror})"
            )
            silence_stdout()
            return False
        return True
    try:
        with report_stream(output_file) as out:
            write(out)
    except OSError as exc:
        error_line(
            f"{output_file}: 无法写入报告（{exc.strerror}）"
            f" / cannot write the report ({exc.strerror})"
        )
        return False
    return True


def format_options(
    jobs: Jobs,
    results: Sequence[FileResult] | None,
    fmt: str,
    *,
    quiet: bool,
    show: str | None = None,
    lang: str = "zh",
    output_file: str | None = None,
    skipped: Sequence[Skipped] = (),
) -> FormatOptions:
    """What the formatter gets besides the findings: the rules that ran (each id once,
    as the first configuration runs it), ``--quiet``, and for a batch in the text
    format the figures of the summary table (for the HTML page, those and the required
    parts of each report). ``results`` are in ``jobs`` order; None: before linting, for
    rendering each file's part (no figures, no parts). ``skipped``: the files the folder
    walk passed over, which the reports list."""
    from lawlint.output import FormatOptions

    batch_table = fmt == "text" and not quiet and len(jobs) > 1
    rules: dict[str, Rule] = {}
    # Only SARIF and the batch table need the rules, and building them loads the
    # packs: a run served from the cache in another format must not pay for that.
    if fmt in ("sarif", "html") or batch_table:  # html: each rule's summary
        for profile in _profiles(jobs):
            for rule in profile.linter.rules:
                rules.setdefault(rule.id, rule)
    width = report_width(output_file)
    if results is None:
        return FormatOptions(
            rules=list(rules.values()), quiet=quiet, show=show, lang=lang, width=width
        )
    review = batch_table or fmt == "html"
    figures = batch_figures(jobs, results) if review else {}
    parts = batch_parts(jobs, results) if fmt == "html" else {}  # the review page's overview
    return FormatOptions(
        rules=list(rules.values()),
        quiet=quiet,
        figures=figures,
        parts=parts,
        part_names=_part_names(jobs) if review else {},
        unchecked=_unchecked(jobs) if review else frozenset(),
        show=show,
        lang=lang,
        width=width,
        skipped=tuple(skipped),
    )


def report_width(output_file: str | None = None) -> int:
    """The cells a text report's quoted lines fit in: the terminal's width when the
    report goes to a terminal (whose lines would otherwise wrap in the middle of a
    quote); else ``$COLUMNS`` when set, else 80 — a file or a pipe has no width, and a
    log read later should not depend on the window it was made in."""
    import os
    import shutil

    from lawlint.output.text_format import DEFAULT_WIDTH

    if output_file is None and _isatty(sys.stdout):
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else DEFAULT_WIDTH


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _part_names(jobs: Jobs) -> dict[str, str]:
    """Each part key's name in its pack (the first configuration's, as for the rules)."""
    names: dict[str, str] = {}
    for profile in _profiles(jobs):
        for spec in profile.linter.section_specs:
            names.setdefault(spec.key, spec.name)
    return names


def _unchecked(jobs: Jobs) -> frozenset[str]:
    """The paths whose configuration does not run ``section-missing``: not among its
    rules, or ignored for the file by ``per-file``."""
    from lawlint.findings import SECTION_RULE

    out = set()
    for path, profile in jobs:
        if not any(rule.id == SECTION_RULE for rule in profile.linter.rules):
            out.add(path)
            continue
        overrides = profile.overrides(path)
        if overrides is not None and SECTION_RULE in overrides.ignore:
            out.add(path)
    return frozenset(out)


def _profiles(jobs: Jobs) -> list[Profile]:
    unique: dict[int, Profile] = {}
    for _, profile in jobs:
        unique.setdefault(id(profile), profile)
    return list(unique.values())


def show_progress(files: int, quiet: bool) -> bool:
    """A progress bar only for a batch, only when a person watches standard error."""
    return files > 1 and not quiet and sys.stderr.isatty()


@contextmanager
def batch_progress(total: int, *, enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """A transient rich progress bar on stderr while a batch is linted; yields the
    callback that advances it (None when not ``enabled``)."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("检查 / checking", total=total)
        yield lambda n: bar.advance(task, n)


def batch_figures(jobs: Jobs, results: Sequence[FileResult]) -> dict[str, FigureShare]:
    """The batch table's last column: figures in each report's ``measures`` part,
    counted as its configuration's ``unquantified-section`` rule counts them."""
    out = {}
    for (_, profile), result in zip(jobs, results, strict=True):
        if result.figures is not None:  # counted where the file was linted
            out[result.path] = result.figures
        elif result.error is None and result.document is not None:
            out[result.path] = profile.figures(result.document)
    return out


def batch_parts(jobs: Jobs, results: Sequence[FileResult]) -> dict[str, Parts]:
    """Each report's required parts, present and missing, as its configuration's
    ``section-missing`` rule recognises them."""
    from lawlint.lint.stats import required_keys, required_parts

    keys = {
        id(p): required_keys([*p.linter.rules, *(r for pack in p.packs for r in pack.rules)])
        for p in _profiles(jobs)
    }
    out = {}
    for (_, profile), result in zip(jobs, results, strict=True):
        if result.error is None and result.document is not None:
            linter = profile.linter
            out[result.path] = required_parts(
                result.document, linter.section_specs, keys[id(profile)], linter.report_year
            )
    return out

"""Output formats: one module per format; none of them knows about checks.

A formatter is ``write(results, out, *, color, options)``. A format whose report is a
run of independent per-file parts (text without colour, JSON, SARIF, GitHub) also has
``render_file(result, options) -> str``, one file's part: a batch renders each part in
the worker process that linted the file (:func:`renderer`), and :class:`PartWriter` —
which the format's ``write`` uses too — takes a part rendered already
(``FileResult.rendered``) instead of rendering it again. What a formatter may know
besides the findings — the rules that ran (for SARIF's rule table), ``--quiet``, the
batch review's figures and required parts — comes in :class:`FormatOptions`, filled in
by the CLI.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from lawlint.findings import Finding
    from lawlint.input.discovery import Skipped
    from lawlint.lint.engine import FileResult
    from lawlint.lint.stats import FigureShare, Parts
    from lawlint.model.rules import Rule

FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """Facts about the run that are not findings."""

    rules: Sequence[Rule] = ()
    """The rules that ran, in pack order (SARIF lists them as the driver's rules)."""
    quiet: bool = False
    """Only the findings: no summary, no batch table."""
    figures: Mapping[str, FigureShare] = field(default_factory=dict)
    """Per path: the share of ``measures`` sentences with figures (batch table)."""
    parts: Mapping[str, Parts] = field(default_factory=dict)
    """Per path: the required parts present and missing (HTML review page)."""
    part_names: Mapping[str, str] = field(default_factory=dict)
    """Part key → the name its pack gives it (the batch table's missing parts)."""
    unchecked: frozenset[str] = frozenset()
    """Paths whose configuration does not run ``section-missing`` (per-file ignores
    too): their missing parts are 未检查, not "none"."""
    show: str | None = None
    """``--show``: the least severe severity written; findings below it are left out of
    the report (still counted in the summary, the statistics and the exit code)."""
    lang: str = "zh"
    """``--lang``: the language of the words a person reads in the human formats (text,
    html): severities and part names. The machine formats are always English."""
    width: int = 80
    """Terminal cells the text report's quoted source lines fit in (with their gutter):
    the terminal's width when the report goes to one, else ``$COLUMNS`` or 80."""
    skipped: Sequence[Skipped] = ()
    """The files a folder walk passed over, and why: listed by the text summary, the
    JSON array (``skipped-file`` records, at its end), SARIF's notifications and the
    HTML page; they never count as findings or change the exit code."""


def visible(findings: Sequence[Finding], options: FormatOptions | None) -> list[Finding]:
    """The findings a report writes: those at or above ``options.show``."""
    from lawlint.findings import SEVERITY_RANK

    if options is None or options.show is None:
        return list(findings)
    limit = SEVERITY_RANK[options.show]
    return [f for f in findings if SEVERITY_RANK[f.severity] <= limit]


class Formatter(Protocol):
    def __call__(
        self,
        results: Sequence[FileResult],
        out: TextIO,
        *,
        color: bool | None = None,
        options: FormatOptions | None = None,
    ) -> None:
        """Write the report of ``results`` to ``out``."""


def get(name: str) -> Formatter:
    module = importlib.import_module(f"{__name__}.{name}_format")
    write: Formatter = module.write
    return write


def renderer(name: str, options: FormatOptions | None = None) -> Callable[[FileResult], str] | None:
    """The format's ``render_file`` with ``options``, if its report is made of per-file
    parts."""
    module = importlib.import_module(f"{__name__}.{name}_format")
    render = getattr(module, "render_file", None)
    return None if render is None else functools.partial(render, options=options)


def part_renderer(
    name: str | None, options: FormatOptions | None = None
) -> tuple[str, Callable[[FileResult], str]] | None:
    """(``name``, its renderer) for the runner's workers (``lint.runner.Render``), or None
    when there is no format or its report is not made of per-file parts."""
    if name is None:
        return None
    render = renderer(name, options)
    return None if render is None else (name, render)


class PartWriter:
    """Writes a report made of per-file parts, a result at a time, in the order given.

    The format module has ``render_file(result, options)`` and, optionally, ``PARTS =
    (opening, separator, closing, empty)`` — the text before the first non-empty part,
    between two of them, after the last, and in their place when no part has any text —,
    ``header(out, options)``, written first (SARIF's tool and rules), ``trailer(options)``,
    a last part after the files' (JSON's records of the skipped files), and ``footer(out,
    results, options)``, written last (the text format's summary and batch table). One
    writer serves both a finished batch (the module's ``write``) and one streamed as it
    is linted.
    """

    def __init__(self, fmt: str, out: TextIO, options: FormatOptions | None = None) -> None:
        module = importlib.import_module(f"{__name__}.{fmt}_format")
        self._fmt = fmt
        self._render = functools.partial(module.render_file, options=options)
        parts: tuple[str, str, str, str] = getattr(module, "PARTS", ("", "", "", ""))
        self._opening, self._separator, self._closing, self._empty = parts
        self._footer = getattr(module, "footer", None)
        self._trailer = getattr(module, "trailer", None)
        self._out = out
        self._written = False
        header = getattr(module, "header", None)
        if header is not None:
            header(out, options)

    def add(self, result: FileResult) -> None:
        """Write ``result``'s part: as rendered where it was linted, else rendered now."""
        text = result.rendered_as(self._fmt)
        if text is None:
            text = self._render(result)
        if text:
            self._out.write((self._separator if self._written else self._opening) + text)
            self._written = True

    def close(
        self, results: Sequence[FileResult] = (), options: FormatOptions | None = None
    ) -> None:
        last = self._trailer(options) if self._trailer is not None else ""
        if last:
            self._out.write((self._separator if self._written else self._opening) + last)
            self._written = True
        self._out.write(self._closing if self._written else self._empty)
        if self._footer is not None:
            self._footer(self._out, results, options)


def write_parts(
    fmt: str, results: Sequence[FileResult], out: TextIO, options: FormatOptions | None = None
) -> None:
    """A finished batch's report in a format of per-file parts (its module's ``write``)."""
    writer = PartWriter(fmt, out, options)
    for result in results:
        writer.add(result)
    writer.close(results, options)


def raise_broken_pipe() -> None:
    """For a rich ``Console.on_broken_pipe``: rich's own ends the process with exit code 1
    (the code of "findings"); raised again, a closed pipe ends lawlint quietly with 0, as
    everywhere else (``cli.ended_by``)."""
    raise BrokenPipeError

"""``lawlint check --fix`` and ``--diff``: fix each file, write it back or show the diff.

``--fix`` writes every changed file atomically (:mod:`writer`) in its own encoding,
BOM and line endings — unless the file changed on disk since it was read, is
read-only, has other hard links or cannot keep its owner (an input error naming it,
the file untouched) — then reports what is left as ``check`` does; for ``-`` the fixed
text goes to standard output and the report to standard error. Exit codes as for
``check``, on the findings that are left.

``--diff`` changes nothing: it prints a unified diff of what ``--fix`` would change and
exits 1 when there is something to fix, 0 when there is not (as ``ruff check --diff``
does), 2 on an input error. It reports no findings; run ``check`` for those.

A Word document (.docx) is refused by both, before it is read: lawlint sees only its
paragraphs' text and cannot write a .docx back without losing its formatting. The
refusal is an input error naming the file (exit code 2); other files are still fixed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from lawlint.errors import InputError
from lawlint.input.reader import STDIN, is_docx, read_input, source_from_bytes
from lawlint.lint.engine import FileResult
from lawlint.lint.fixer import MAX_PASSES, FixResult, fix_source
from lawlint.output.writer import Original, stat_before_read, write_atomic

if TYPE_CHECKING:
    from lawlint.lint.workspace import Profile

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def run_fixes(
    jobs: Sequence[tuple[str, Profile]],
    *,
    diff: bool,
    fmt: str,
    color: bool | None,
    stdin_name: str | None = None,
    fail_on: str | None = None,
    quiet: bool = False,
    output_file: str | None = None,
    show: str | None = None,
    lang: str = "zh",
) -> int:
    """Fix (or diff) every path with its configuration's linter; return the exit code."""
    from lawlint.output import get
    from lawlint.output.reporting import exit_code, format_options, write_report

    results: list[FileResult] = []
    fixed = files = 0
    paths = [path for path, _ in jobs]
    for path, profile in jobs:
        shown = stdin_name if path == STDIN else path
        if is_docx(shown or path):
            results.append(FileResult(shown or path, error=refuse_docx(shown or path)))
            continue
        before = None if path == STDIN else stat_before_read(path)
        try:
            name, data = read_input(path, stdin_name=stdin_name)
            source = source_from_bytes(data, name)
        except InputError as exc:
            results.append(FileResult(path, error=exc))
            continue
        if source.paragraphs:  # whatever its name: never written back
            results.append(FileResult(source.path, error=refuse_docx(source.path)))
            continue
        outcome = fix_source(profile.linter, source, overrides=profile.overrides(shown))
        _notes(outcome)
        if outcome.changed:
            fixed += outcome.applied
            files += 1
        if diff:
            if outcome.changed:
                text, in_colour = outcome.diff(), _diff_in_colour(color)
                # click drops escape codes off a terminal unless told: --color means colour
                click.echo(coloured_diff(text) if in_colour else text, nl=False, color=in_colour)
            results.append(_result(source.path, outcome, profile))
            continue
        if path == STDIN:
            sys.stdout.flush()
            sys.stdout.buffer.write(outcome.encoded())
            sys.stdout.buffer.flush()
        elif outcome.changed:
            try:
                write_atomic(path, outcome.encoded(), _original(before, data))
            except InputError as exc:
                fixed -= outcome.applied
                files -= 1
                result = FileResult(
                    source.path,
                    outcome.original,
                    error=exc,
                    source=source,
                    fail_on=profile.config.fail_on,
                )
                results.append(result)
                continue
        results.append(_result(source.path, outcome, profile))
    for r in results:
        if r.error is not None:
            click.echo(f"lawlint: {r.error}", err=True)
    failed = any(r.error is not None for r in results)
    if diff:
        _summary(fixed, files, would=True)
        return EXIT_ERROR if failed else (EXIT_FINDINGS if files else EXIT_OK)
    options = format_options(jobs, results, fmt, quiet=quiet, show=show, lang=lang)
    default = sys.stderr if STDIN in paths else sys.stdout
    written = write_report(
        lambda out: get(fmt)(results, out, color=color, options=options), output_file, default
    )
    _summary(fixed, files, would=False)
    return exit_code(results, fail_on) if written else EXIT_ERROR


RED, GREEN, CYAN, BOLD, REVERSE, RESET = (
    "\x1b[31m",
    "\x1b[32m",
    "\x1b[36m",
    "\x1b[1m",
    "\x1b[7m",
    "\x1b[0m",
)


def _diff_in_colour(color: bool | None) -> bool:
    """``--color``/``--no-color``, else colour on a terminal without ``NO_COLOR``."""
    from lawlint.output.text_format import colored

    return colored(sys.stdout, color)


def coloured_diff(diff: str) -> str:
    """A unified diff for a terminal: removed lines red, added green, hunk heads cyan;
    and inside each changed line the characters that changed in reverse video, so a
    ``,`` → ``，`` in a long paragraph is seen at a glance."""
    lines = diff.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(("---", "+++")) and i < 2:
            out.append(BOLD + line.rstrip("\n") + RESET + "\n")
        elif line.startswith("@@"):
            out.append(CYAN + line.rstrip("\n") + RESET + "\n")
        elif line.startswith("-"):
            removed = _run(lines, i, "-")
            added = _run(lines, i + len(removed), "+")
            if len(added) == len(removed):  # a fix changes a line in place: pair them
                pairs = list(zip(removed, added, strict=True))
                out.extend(_highlight(old, new, "-", RED) for old, new in pairs)
                out.extend(_highlight(new, old, "+", GREEN) for old, new in pairs)
            else:
                out.extend(RED + x.rstrip("\n") + RESET + "\n" for x in removed)
                out.extend(GREEN + x.rstrip("\n") + RESET + "\n" for x in added)
            i += len(removed) + len(added)
            continue
        elif line.startswith("+"):
            out.append(GREEN + line.rstrip("\n") + RESET + "\n")
        else:
            out.append(line)
        i += 1
    return "".join(out)


def _run(lines: list[str], start: int, sign: str) -> list[str]:
    """The lines from ``start`` on that begin with ``sign``."""
    end = start
    while end < len(lines) and lines[end].startswith(sign):
        end += 1
    return lines[start:end]


def _highlight(line: str, other: str, sign: str, colour: str) -> str:
    """``line`` (a diff line beginning with ``sign``) in ``colour``, the characters not in
    ``other`` reversed."""
    import difflib

    text, against = line[1:].rstrip("\n"), other[1:].rstrip("\n")
    matcher = difflib.SequenceMatcher(None, text, against, autojunk=False)
    parts = [colour + sign]
    for tag, a0, a1, _, _ in matcher.get_opcodes():
        piece = text[a0:a1]
        parts.append(piece if tag == "equal" else REVERSE + piece + RESET + colour)
    return "".join(parts) + RESET + "\n"


def _original(before: os.stat_result | None, data: bytes) -> Original:
    """What the file was when read, for the writer's last check. A file that had no
    stat before it was read (it appeared meanwhile) cannot match any file on disk."""
    if before is None:
        return Original(-1, -1, -1, -1, b"")
    return Original.of(before, data)


def refuse_docx(path: str) -> InputError:
    return InputError(
        "--fix 和 --diff 不能修改 Word 文档（.docx）：改写会破坏文档格式；"
        "请按检查结果在 Word 或 WPS 中修改（去掉 --fix/--diff 即可只检查）",
        "--fix and --diff cannot rewrite a Word document (.docx) without damaging it;"
        " make the changes in Word (run without --fix/--diff to check it)",
        path=path,
    )


def _result(path: str, outcome: FixResult, profile: Profile) -> FileResult:
    """What is left after fixing, judged by the file's configured fail-on."""
    result = FileResult.of(outcome.document, outcome.findings, fail_on=profile.config.fail_on)
    result.path = path
    return result


def _notes(outcome: FixResult) -> None:
    """Tell the user about fixes that were not applied (they stay in the report)."""
    path = outcome.source.path
    if outcome.refused:
        n = len(outcome.refused)
        click.echo(
            f"lawlint: {path}: {n} 处修复会改变文字、换行或网址，未自动应用"
            f" / {n} fix(es) would change wording, a line break or a URL; not applied",
            err=True,
        )
    if not outcome.converged:
        click.echo(
            f"lawlint: {path}: 修复 {MAX_PASSES} 轮后仍未稳定，请再次运行 --fix"
            f" / fixes did not settle after {MAX_PASSES} passes; run --fix again",
            err=True,
        )


def _summary(fixed: int, files: int, *, would: bool) -> None:
    problems = f"{fixed} problem{'s' if fixed != 1 else ''}"
    where = f"{files} file{'s' if files != 1 else ''}"
    if not fixed:
        click.echo("没有可自动修复的问题。 / Nothing to fix.", err=True)
    elif would:
        click.echo(
            f"可自动修复 {fixed} 处问题，涉及 {files} 个文件（未修改）。"
            f" / Would fix {problems} in {where} (nothing changed).",
            err=True,
        )
    else:
        click.echo(
            f"已修复 {fixed} 处问题，涉及 {files} 个文件。 / Fixed {problems} in {where}.",
            err=True,
        )

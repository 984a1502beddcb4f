"""``lawlint check --fix`` and ``--diff``: fix each file, write it back or show the diff.

``--fix`` writes every changed file atomically (:mod:`~lawlint.output.writer`) — a text
file in its own encoding, BOM and line endings, a Word document (.docx) with the fixes
made inside its runs (:mod:`~lawlint.output.docx_fix`) — unless the file changed on disk
since it was read, is read-only, has other hard links or cannot keep its owner (an input
error naming it, the file untouched); then it reports what is left as ``check`` does.
For ``-`` the fixed file goes to standard output and the report to standard error. Exit
codes as for ``check``, on the findings that are left.

``--fix-mode`` says how a .docx is changed: ``track`` (its default)
as Word tracked changes by "lawlint" that the drafter accepts or rejects one by one,
``apply`` plainly. A text file has no tracked changes: it is always written plainly,
and an explicit ``--fix-mode track`` says so in a note on standard error.

``--diff`` changes nothing: it prints a unified diff of what ``--fix`` would change (for
a .docx, of its paragraphs' text) and exits 1 when there is something to fix, 0 when
there is not (as ``ruff check --diff`` does), 2 on an input error. It reports no
findings; run ``check`` for those.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import click

from lawlint.errors import InputError
from lawlint.input.convert import is_convertible
from lawlint.input.reader import STDIN, read_input, source_from_bytes
from lawlint.lint.engine import FileResult
from lawlint.lint.fixer import MAX_PASSES, FixResult, fix_source, unified_diff
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
    fix_mode: str | None = None,
) -> int:
    """Fix (or diff) every path with its configuration's linter; return the exit code.
    ``fix_mode``: ``--fix-mode`` as given (None: each file's default)."""
    from lawlint.output import get
    from lawlint.output.reporting import exit_code, format_options, write_report

    results: list[FileResult] = []
    fixed = files = 0
    paths = [path for path, _ in jobs]
    for path, profile in jobs:
        result, applied = _fix_file(
            path, profile, diff=diff, color=color, stdin_name=stdin_name, fix_mode=fix_mode
        )
        results.append(result)
        if applied is not None:
            fixed += applied
            files += 1
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


def _fix_file(
    path: str,
    profile: Profile,
    *,
    diff: bool,
    color: bool | None,
    stdin_name: str | None,
    fix_mode: str | None,
) -> tuple[FileResult, int | None]:
    """Fix one file in place (standard input: to standard output), or print its diff;
    its result, and the fixes applied when the file changed (None: unchanged, or not
    written), which the summary counts."""
    shown = stdin_name if path == STDIN else path
    before = None if path == STDIN else stat_before_read(path)
    try:
        name, data = read_input(path, stdin_name=stdin_name)
        source = source_from_bytes(data, name)
    except InputError as exc:
        return FileResult(path, error=exc), None
    outcome = fix_source(profile.linter, source, overrides=profile.overrides(shown))
    if is_convertible(source.path):  # read through LibreOffice: cannot be written back
        _converted_note(source.path, diff)
        return _unfixed(outcome, profile, None), None
    try:
        encoded = _fixed_bytes(outcome, data, fix_mode, profile, shown)
    except InputError as exc:  # a .docx that cannot be rewritten: nothing written
        return _unfixed(outcome, profile, exc), None
    _notes(outcome)
    applied = outcome.applied if outcome.changed else None
    if diff:
        if outcome.changed:
            text, in_colour = _diff(outcome), _diff_in_colour(color)
            # click drops escape codes off a terminal unless told: --color means colour
            click.echo(coloured_diff(text) if in_colour else text, nl=False, color=in_colour)
        return _result(source.path, outcome, profile), applied
    if path == STDIN:
        sys.stdout.flush()
        sys.stdout.buffer.write(encoded)
        sys.stdout.buffer.flush()
    elif outcome.changed:
        try:
            write_atomic(path, encoded, _original(before, data))
        except InputError as exc:
            return _unfixed(outcome, profile, exc), None
    if outcome.changed:
        _mode_note(source.path, bool(source.paragraphs), fix_mode)
    return _result(source.path, outcome, profile), applied


def _fixed_bytes(
    outcome: FixResult, data: bytes, fix_mode: str | None, profile: Profile, shown: str | None
) -> bytes:
    """The file's new bytes. For a .docx the fixed text is carried into its runs; the
    paragraphs that could not take their fixes keep their text, and ``outcome`` is
    brought in line with what the document now says."""
    if not outcome.source.paragraphs:
        return outcome.encoded()
    if not outcome.changed:
        return data
    from lawlint.output.docx_fix import fix_package

    source = outcome.source
    done = fix_package(data, source.path, source.text, outcome.text, track=fix_mode != "apply")
    if done.skipped:
        _settle(outcome, done.text, done.skipped, profile, shown)
    return done.data


def _diff(outcome: FixResult) -> str:
    """The unified diff of what was fixed; a .docx's paragraphs are whole lines (no
    "No newline at end of file" after the last one)."""
    if not outcome.source.paragraphs:
        return outcome.diff()
    return unified_diff(outcome.source.path, outcome.source.text + "\n", outcome.text + "\n")


def _settle(
    outcome: FixResult, text: str, skipped: tuple[int, ...], profile: Profile, shown: str | None
) -> None:
    """Make ``outcome`` describe the document as written, some paragraphs (0-based
    ``skipped``) unfixed: its text, the findings left (linted again), the fixes
    counted."""
    from lawlint.model.document import Document

    lines = {i + 1 for i in skipped}
    kept = sum(1 for f in outcome.original if f.fix is not None and f.line in lines)
    outcome.applied = max(0, outcome.applied - kept)
    outcome.text = text
    outcome.document = Document(replace(outcome.source, text=text))
    outcome.findings = profile.linter.lint_document(outcome.document, profile.overrides(shown))
    numbers = "、".join(str(i) for i in sorted(lines))
    click.echo(
        f"lawlint: {outcome.source.path}: 第 {numbers} 段的修复落在尚未接受或拒绝的修订之中"
        "（或无法安全修改），未应用；请先在 Word 或 WPS 中处理这些修订"
        f" / paragraph(s) {numbers.replace('、', ', ')}: the fixes fall inside tracked"
        " changes not yet accepted or rejected (or cannot be made safely); not applied —"
        " accept or reject those changes in Word or WPS first",
        err=True,
    )


def _mode_note(path: str, docx: bool, fix_mode: str | None) -> None:
    """Say how a changed file was written when the user has something to do or asked
    for what cannot be: tracked changes to review, or ``track`` on a text file."""
    if docx and fix_mode != "apply":
        click.echo(
            f"lawlint: {path}: 修改已作为修订（作者 lawlint）写入，请在 Word 或 WPS 中审阅、接受"
            " / fixes written as tracked changes by lawlint: review and accept them in Word"
            " or WPS",
            err=True,
        )
    elif not docx and fix_mode == "track":
        click.echo(
            f"lawlint: {path}: 纯文本文件没有修订标记，修改已直接写入（--fix-mode track 只用于"
            " .docx） / a text file has no tracked changes: the fixes were written directly"
            " (--fix-mode track applies to .docx only)",
            err=True,
        )


def _converted_note(path: str, diff: bool) -> None:
    """A .doc/.wps/.rtf/.odt was checked as the .docx LibreOffice made of it: that copy is
    not the user's file, and lawlint writes no other format, so nothing is fixed."""
    what = "--diff" if diff else "--fix"
    click.echo(
        f"lawlint: {path}: 此格式经 LibreOffice 转换后检查，lawlint 不修改原文件（{what} 不适用），"
        f"问题照常报告；要自动修复，请在 Word/WPS 中另存为 .docx / checked through a "
        f"LibreOffice conversion: lawlint does not change this file ({what} does not apply), "
        f"its findings are reported as they are; save it as .docx in Word or WPS to fix it",
        err=True,
    )


def _unfixed(outcome: FixResult, profile: Profile, exc: InputError | None) -> FileResult:
    """The result of a file left as it was: its error (if any) and its original findings."""
    return FileResult(
        outcome.source.path,
        outcome.original,
        error=exc,
        source=outcome.source,
        fail_on=profile.config.fail_on,
    )


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

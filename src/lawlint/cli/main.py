"""The ``lawlint`` command.

Exit codes (a contract for CI): 0 — no finding at or above the ``--fail-on``
severity (default ``error``); 1 — at least one such finding; 2 — a usage, input or
rule-pack error (whatever else was found), a report that cannot be written, or a crash
of lawlint itself; 130 — interrupted (Ctrl-C). The same codes whatever the output format
and wherever the report goes (``--output-file``). A closed pipe (``lawlint check … |
head``) ends the command quietly with 0, as ruff does.

Whatever goes wrong, the command ends with one line on standard error, never a
traceback (``LAWLINT_DEBUG=1`` adds the traceback of a crash): see :class:`_Lawlint`
and :func:`run`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import click

from lawlint import __version__
from lawlint.errors import LawlintError
from lawlint.output import FORMATS
from lawlint.output.reporting import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    error_line,
    fail,
    silence_stdout,
)
from lawlint.output.safe import shown_lines

if TYPE_CHECKING:
    from lawlint.input.discovery import Skipped
    from lawlint.lint.workspace import Profile, Workspace

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_INTERRUPTED", "EXIT_OK", "main", "run"]

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a program ended by Ctrl-C
DEBUG_ENV = "LAWLINT_DEBUG"  # set to 1: a crash prints its traceback too
# errors only a write gives: no space, over quota, file too large
_WRITE_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG") if hasattr(errno, name)
)


def _split(values: Iterable[str]) -> list[str]:
    return [v.strip() for value in values for v in value.replace("，", ",").split(",") if v.strip()]


def _with_context(exc: click.UsageError, ctx: click.Context) -> click.UsageError:
    """click's parser raises some usage errors (an option without its value) with no
    context: give them the command's, so the usage line and the help hint are shown."""
    if exc.ctx is None:
        exc.ctx = ctx
    return exc


class _Command(click.Command):
    """A subcommand whose every usage error knows its command (see :func:`_with_context`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise _with_context(exc, ctx) from None


class _Lawlint(click.Group):
    """The command group, ending every subcommand with an exit code and at most one line
    on standard error, whatever it raises (click's own usage errors, ``--help`` and
    ``sys.exit`` pass through as they are)."""

    command_class = _Command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise _with_context(exc, ctx) from None

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:  # ``lawlint --bogus``
            raise bilingual(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # a subcommand's options, or no such command
            raise bilingual(exc) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except BaseException as exc:  # the point: never a traceback
            raise SystemExit(ended_by(exc)) from None


class UsageError(click.UsageError):
    """click's usage error, said in Chinese and English: the usage line, a hint in both,
    then ``lawlint: 用法错误：… / usage error: …`` (click's own message); exit code 2."""

    def __init__(self, original: click.UsageError) -> None:
        super().__init__(original.format_message(), original.ctx)
        self.chinese = _chinese(original)

    def show(self, file: Any = None) -> None:
        with contextlib.suppress(OSError, ValueError):
            if self.ctx is not None:
                name = self.ctx.command_path
                usage = self.ctx.get_usage()
                if usage.startswith("Usage:"):
                    usage = "用法 / " + usage
                click.echo(usage, err=True)
                click.echo(
                    f"运行 '{name} --help' 查看帮助 / Try '{name} --help' for help.\n", err=True
                )
        # click lists a missing choice's values on lines of their own: one line here
        english = " ".join(self.format_message().split())
        error_line(f"用法错误：{self.chinese} / usage error: {english}")


def bilingual(exc: click.UsageError) -> click.UsageError:
    """``exc`` as :class:`UsageError`; click's "no arguments: show the help" as it is."""
    if isinstance(exc, (UsageError, click.exceptions.NoArgsIsHelpError)):
        return exc
    return UsageError(exc)


def _chinese(exc: click.UsageError) -> str:
    """The Chinese half of a usage error: what is wrong, with which option, and what
    would be right (the choices, the range), as click's English half says it."""
    message = exc.format_message()
    if isinstance(exc, click.NoSuchOption):
        near = "、".join(sorted(exc.possibilities or ()))
        return f"没有选项 {exc.option_name}" + (f"（是不是 {near}？）" if near else "")
    if isinstance(exc, click.BadParameter):  # MissingParameter is one too
        hint = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else exc.param_hint
        what = hint or "参数"
        if isinstance(exc, click.MissingParameter):
            kind = (
                "参数" if exc.param is None or exc.param.param_type_name == "argument" else "选项"
            )
            return f"缺少{kind} {what}" + _choices(exc.param)
        return f"{what} 的值无效{_bad_value(exc.param, exc.message)}"
    if isinstance(exc, click.BadOptionUsage):
        if "requires an argument" in message:
            return f"选项 {exc.option_name} 后面缺少值"
        return f"选项 {exc.option_name} 用法有误"
    if m := _NO_COMMAND.match(message):
        near = "、".join(re.findall(r"'([^']*)'", m.group(2) or ""))
        hint = f"是不是 {near}？" if near else "lawlint --help 列出全部命令"
        return f"没有命令“{m.group(1)}”（{hint}）"
    if m := _EXTRA.match(message):
        return f"多余的参数：{m.group(1)}"
    return "命令用法有误"


# click's English messages this module says again in Chinese (click 8)
_NO_COMMAND = re.compile(r"No such command '(.*?)'\.(?: \(Did you mean (.*)\))?")
_EXTRA = re.compile(r"Got unexpected extra arguments? \((.*)\)")
_NOT_ONE_OF = re.compile(r"'(.*)' is not one of ")
_NOT_IN_RANGE = re.compile(r"(.*) is not in the range ")
_NOT_INTEGER = re.compile(r"'(.*)' is not a valid integer")
_PATH = re.compile(
    r"(?:File|Directory|Path) '(.*)' "
    r"(is a file|is a directory|does not exist|is not readable|is not writable)\."
)
_PATH_ZH = {
    "is a file": "这是文件，应为文件夹",
    "is a directory": "这是文件夹，应为文件",
    "does not exist": "不存在",
    "is not readable": "无法读取",
    "is not writable": "无法写入",
}


def _choices(param: click.Parameter | None) -> str:
    """The values of a parameter that takes a fixed set of them, as "，可选：a、b"."""
    if param is not None and isinstance(param.type, click.Choice):
        return "，可选：" + "、".join(str(c) for c in param.type.choices)
    return ""


def _bad_value(param: click.Parameter | None, message: str) -> str:
    """What is wrong with the value, in Chinese: "：“x”不是可选值，可选：a、b".
    ``message`` is click's, without its "Invalid value for …:" lead."""
    kind = param.type if param is not None else None
    if isinstance(kind, click.Choice) and (m := _NOT_ONE_OF.match(message)):
        return f"：“{m.group(1)}”不是可选值{_choices(param)}"
    if isinstance(kind, click.IntRange) and (m := _NOT_IN_RANGE.match(message)):
        return f"：“{m.group(1)}”超出范围，应为{_range_zh(kind)}"
    if m := _NOT_INTEGER.match(message):
        return f"：“{m.group(1)}”不是整数"
    if m := _PATH.match(message):
        return f"：“{m.group(1)}”{_PATH_ZH[m.group(2)]}"
    return ""


def _range_zh(kind: click.IntRange) -> str:
    """An integer range in Chinese: "不小于 0 的整数"."""
    low, high = kind.min, kind.max
    if low is not None and high is not None:
        return f"{low} 到 {high} 之间的整数"
    if low is not None:
        return f"不小于 {low} 的整数"
    return f"不大于 {high} 的整数"


def ended_by(exc: BaseException) -> int:
    """The exit code for an exception that reached the top, its one line written."""
    if isinstance(exc, KeyboardInterrupt):
        # on a terminal, after the ^C the terminal echoed
        lead = "\n" if _isatty(sys.stderr) else ""
        with contextlib.suppress(OSError, ValueError):
            click.echo(f"{lead}lawlint: 已中断 / interrupted", err=True)
        return EXIT_INTERRUPTED
    if isinstance(exc, BrokenPipeError):  # | head: the reader has what it wanted
        silence_stdout()
        return EXIT_OK
    if isinstance(exc, LawlintError):
        for line in exc.lines():
            error_line(line)
        return EXIT_ERROR
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        if exc.filename is None and exc.errno in _WRITE_ERRNOS:
            # lawlint's own files are written where their errors are caught (the report,
            # the cache, --fix): a full disk without a file name is standard output's
            silence_stdout()
            error_line(f"无法写入标准输出（{reason}） / cannot write to standard output ({reason})")
        elif exc.filename is None:  # reading standard input, most likely
            error_line(f"输入输出错误（{reason}） / input/output error ({reason})")
        else:
            name = os.fsdecode(exc.filename)
            error_line(f"{name}: 无法读写（{reason}） / cannot read or write ({reason})")
        return EXIT_ERROR
    _internal_error(exc)
    return EXIT_ERROR


def _internal_error(exc: BaseException) -> None:
    """A crash: one line naming the exception (the traceback with ``LAWLINT_DEBUG=1``)."""
    if os.environ.get(DEBUG_ENV, "") not in ("", "0"):
        import traceback

        with contextlib.suppress(Exception):
            traceback.print_exception(exc)
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    with contextlib.suppress(Exception):
        error_line(
            f"内部错误（{detail}），请报告此问题 / internal error ({detail}); please report "
            f"it (run again with {DEBUG_ENV}=1 for the traceback)"
        )


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


@click.group(cls=_Lawlint, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="lawlint")
def main() -> None:
    """lawlint：法治政府建设年度报告草稿检查工具。

    A linter for Chinese government 法治政府建设年度报告 drafts.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="输出格式（默认 text；GITHUB_ACTIONS=true 时为 github）"
    " / output format (default: text; github when GITHUB_ACTIONS=true).",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="把报告写入文件（退出码不变）/ write the report to FILE (same exit code).",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="只输出问题，不输出汇总 / findings only, no summary."
)
@click.option(
    "--statistics",
    is_flag=True,
    help="按规则统计问题数（text、json）/ counts per rule instead of each finding.",
)
@click.option(
    "--pack",
    "packs",
    multiple=True,
    metavar="PATH",
    help="追加自定义规则包（可重复）/ add a rule pack (repeatable).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="ID,...",
    help="只运行这些规则或规则包 / run only these rule ids or packs.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="ID,...",
    help="不运行这些规则或规则包 / skip these rule ids or packs.",
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="从标准输入读取时显示的文件名 / file name shown for '-'.",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="强制开启或关闭颜色（默认：终端自动）/ force colour on or off.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="修复可安全修复的问题并写回文件，再报告其余问题 / apply every safe fix, report the rest.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="显示 --fix 将做的修改，不改文件 / print the diff --fix would apply; change nothing.",
)
@click.option(
    "--fix-mode",
    type=click.Choice(["track", "apply"]),
    default=None,
    help="--fix 如何修改 .docx：track 写成修订（默认，在 Word/WPS 中逐条接受），apply 直接改；"
    "文本文件总是直接改 / how --fix changes a .docx: track as tracked changes (default),"
    " apply plainly; text files are always changed plainly.",
)
@click.option(
    "--report-unused-directives",
    is_flag=True,
    help="报告没有屏蔽任何问题的 lawlint 指令 / report directives that suppressed nothing.",
)
@click.option(
    "--config",
    "config_file",
    metavar="FILE",
    help="配置文件（默认：就近查找 .lawlint.yaml 等）/ configuration file (default: nearest).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="出现该严重程度及以上的问题时退出码为 1（默认 error）"
    " / exit 1 on findings at or above this severity (default: error).",
)
@click.option(
    "--show",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="只显示该严重程度及以上的问题（汇总、--statistics 和退出码仍计入全部）"
    " / show only findings at or above this severity (the summary, --statistics and the"
    " exit code still count them all).",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="text 和 html 报告中严重程度、部分名称的语言（json、sarif、github 总是英文）"
    " / language of severities and part names in the text and html reports.",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="没有要检查的文件时不报错（退出码 0）/ exit 0, not 2, when there is no file to check.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="不使用结果缓存 / do not read or write the result cache.",
)
@click.option(
    "--jobs",
    "-j",
    "n_jobs",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="并行检查的进程数（默认或 0：CPU 核数；不超过核数）"
    " / processes that lint (default or 0: the number of cores; at most that).",
)
@click.option(
    "--annotate",
    "annotate",
    type=click.Path(dir_okay=True),
    default=None,
    metavar="OUT",
    help="另存一份带批注的 .docx（每条问题一个批注；多个文件时 OUT 为文件夹，"
    "副本名为“<原名>-审阅.docx”） / write a copy with one Word comment per finding"
    " (OUT a folder for several files: <name>-审阅.docx).",
)
@click.option(
    "--previous",
    "previous",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="FILE",
    help="上年报告：对照检查上年工作安排的落实情况和照抄上年的文字（只检查一个文件时）"
    " / last year's report: trace its plans and find text copied from it (one file).",
)
@click.option(
    "--previous-dir",
    "previous_dir",
    type=click.Path(file_okay=False),
    default=None,
    metavar="DIR",
    help="上年报告所在文件夹：按标题中的填报单位配对 / a folder of last year's reports,"
    " paired with this year's by the filer named in the title.",
)
def check(
    paths: Sequence[str],
    fmt: str | None,
    output_file: str | None,
    quiet: bool,
    statistics: bool,
    packs: Sequence[str],
    select: Sequence[str],
    ignore: Sequence[str],
    stdin_filename: str | None,
    color: bool | None,
    fix: bool,
    diff: bool,
    fix_mode: str | None,
    report_unused_directives: bool,
    config_file: str | None,
    fail_on: str | None,
    show: str | None,
    lang: str,
    allow_empty: bool,
    no_cache: bool,
    n_jobs: int | None,
    annotate: str | None,
    previous: str | None,
    previous_dir: str | None,
) -> None:
    """检查报告文件或目录（- 表示标准输入；-- 之后都是文件名）。

    Lint report files or directories (*.docx, *.txt, *.md, *.markdown); '-' reads
    standard input; everything after '--' is a file name, even if it starts with '-'.
    """
    workspace = _workspace(config_file, packs, select, ignore, report_unused_directives)
    jobs, skipped = _find_jobs(
        workspace,
        paths,
        stdin_name=stdin_filename,
        output_file=output_file,
        annotate=annotate,
        allow_empty=allow_empty,
        quiet=quiet,
        fixing=fix or diff,
    )
    fmt = _default_format(statistics) if fmt is None else fmt
    _name_skipped(skipped, fmt=fmt, quiet=quiet, by_report=not (statistics or fix or diff))
    _refuse_combinations(
        fmt, statistics=statistics, annotate=annotate, fixing=fix or diff, fix_mode=fix_mode
    )
    _attach_previous(
        workspace, jobs, previous, previous_dir, stdin_filename, quiet=quiet, fixing=fix or diff
    )
    if fix or diff:
        from lawlint.cli.fixcmd import run_fixes

        sys.exit(
            run_fixes(
                jobs,
                diff=diff,
                fmt=fmt,
                color=color,
                stdin_name=stdin_filename,
                fail_on=fail_on,
                quiet=quiet,
                output_file=output_file,
                show=show,
                lang=lang,
                fix_mode=fix_mode,
            )
        )
    from lawlint.cli.lintcmd import run_check
    from lawlint.input.convert import prefetch

    prefetch([path for path, _ in jobs])  # .doc drafts: one LibreOffice start, not one each
    sys.exit(
        run_check(
            workspace,
            jobs,
            fmt=fmt,
            color=color,
            quiet=quiet,
            statistics=statistics,
            output_file=output_file,
            stdin_name=stdin_filename,
            no_cache=no_cache,
            n_jobs=n_jobs,
            fail_on=fail_on,
            show=show,
            lang=lang,
            annotate=annotate,
            skipped=skipped,
        )
    )


def _workspace(
    config_file: str | None,
    packs: Sequence[str],
    select: Sequence[str],
    ignore: Sequence[str],
    report_unused_directives: bool,
) -> Workspace:
    """The workspace the command line configures: every file's configuration is found
    from it, with these options laid over it."""
    from lawlint.lint.workspace import CommandLine, Workspace

    return Workspace(
        CommandLine(
            config_file,
            tuple(packs),
            tuple(_split(select)),
            tuple(_split(ignore)),
            report_unused_directives,
        )
    )


def _default_format(statistics: bool) -> str:
    """Without --format: annotations on GitHub Actions (unless counts were asked for),
    where a report is read in the pull request; else the text report."""
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    return "github" if on_github and not statistics else "text"


def _find_jobs(
    workspace: Workspace,
    paths: Sequence[str],
    *,
    stdin_name: str | None,
    output_file: str | None,
    annotate: str | None,
    allow_empty: bool,
    quiet: bool,
    fixing: bool,
) -> tuple[list[tuple[str, Profile]], list[Skipped]]:
    """The files to check, each with its configuration, and the draft-like files the
    walk passed over. Before anything is read or written, an input that would be
    overwritten or cannot be read, nothing to check (unless ``--allow-empty``) or, for
    --fix and --diff, a broken configuration ends the command (exit 2)."""
    from lawlint.input.discovery import discover
    from lawlint.input.reader import STDIN

    skipped: list[Skipped] = []
    try:
        found = list(discover(paths, on_skipped=skipped.append))
        if STDIN in found:
            _stdin_readable(stdin_name)
        if output_file is not None:
            _not_an_input(output_file, found)
        if annotate is not None:
            from lawlint.output.docx_annotate import refuse_inputs

            refuse_inputs(annotate, found)
        jobs = workspace.jobs(found, stdin_name=stdin_name)
        # a file its configuration excludes is not "skipped": the user said so
        listed = {path for path, _ in workspace.jobs(s.path for s in skipped)}
        skipped = sorted((s for s in skipped if s.path in listed), key=lambda s: s.path)
        if not jobs and not allow_empty:
            if skipped and not quiet:  # no report will say why
                _report_skipped(skipped)
            _nothing_to_check(paths)
        if fixing:
            workspace.prepare({id(p): p for _, p in jobs}.values())
    except LawlintError as exc:
        fail(exc)
    return jobs, skipped


def _name_skipped(skipped: Sequence[Skipped], *, fmt: str, quiet: bool, by_report: bool) -> None:
    """The text report's summary lists the skipped files (``by_report``: that report is
    written); for the other reports, a person reads stderr, so they are named there."""
    if skipped and not quiet and (fmt != "text" or not by_report):
        _report_skipped(skipped)


def _refuse_combinations(
    fmt: str, *, statistics: bool, annotate: str | None, fixing: bool, fix_mode: str | None
) -> None:
    """Options that cannot work together end the command (exit 2) before any file is
    read, rather than one of them being silently ignored."""
    from lawlint.output.statistics import FORMATS as STATISTICS_FORMATS

    if statistics and (fmt not in STATISTICS_FORMATS or fixing):
        click.echo(
            "lawlint: --statistics 只能与 --format text 或 json 同用，不能与 --fix、--diff 同用"
            " / --statistics works with --format text or json, without --fix or --diff",
            err=True,
        )
        sys.exit(EXIT_ERROR)
    if annotate is not None and fixing:
        # --fix and --diff end before the report that --annotate is written from: silently
        # writing no copy would look like success
        click.echo(
            "lawlint: --annotate 不能与 --fix、--diff 同用：请先修正，再另行标注"
            " / --annotate works without --fix or --diff: fix first, then annotate",
            err=True,
        )
        sys.exit(EXIT_ERROR)
    if fix_mode is not None and not fixing:
        click.echo(
            "lawlint: --fix-mode 只能与 --fix 或 --diff 同用"
            " / --fix-mode works with --fix or --diff",
            err=True,
        )
        sys.exit(EXIT_ERROR)


def _usable_previous(
    previous: str | None, previous_dir: str | None, files: int, fixing: bool
) -> None:
    """--previous and --previous-dir: one of them, --previous for one file, neither with
    --fix or --diff (a comparison is a review, not something to fix); else exit 2."""
    problem = None
    if previous is not None and previous_dir is not None:
        problem = (
            "--previous 与 --previous-dir 只能选用一个",
            "use --previous or --previous-dir, not both",
        )
    elif previous is not None and files > 1:
        problem = (
            f"--previous 只能用于检查单个文件（本次 {files} 个）；检查文件夹请用 --previous-dir",
            f"--previous is for one file ({files} given); for a folder use --previous-dir",
        )
    elif fixing:
        problem = (
            "--previous、--previous-dir 不能与 --fix、--diff 同用",
            "--previous and --previous-dir work without --fix or --diff",
        )
    if problem is not None:
        click.echo(f"lawlint: 用法错误：{problem[0]} / usage error: {problem[1]}", err=True)
        sys.exit(EXIT_ERROR)


def _attach_previous(
    workspace: Workspace,
    jobs: Sequence[tuple[str, Profile]],
    previous: str | None,
    previous_dir: str | None,
    stdin_name: str | None,
    *,
    quiet: bool,
    fixing: bool,
) -> None:
    """With --previous or --previous-dir, give the workspace last year's report of each
    file, for the year-over-year rules; a misused option or a --previous-dir that is not
    a folder ends the command (exit 2)."""
    if previous is None and previous_dir is None:
        return
    _usable_previous(previous, previous_dir, len(jobs), fixing)
    try:
        workspace.previous = _pair_previous(jobs, previous, previous_dir, stdin_name, quiet)
    except LawlintError as exc:
        fail(exc)


def _pair_previous(
    jobs: Sequence[tuple[str, object]],
    previous: str | None,
    previous_dir: str | None,
    stdin_name: str | None,
    quiet: bool,
) -> dict[str, str]:
    """Each file to check (by the name its result carries) → last year's report. With
    --previous-dir, the files of that folder paired by filer and year; the files left
    without one are named on standard error (not an error: they are checked alone)."""
    from lawlint.input.reader import STDIN

    def shown(path: str) -> str:
        return (stdin_name or "<stdin>") if path == STDIN else path

    if previous is not None:
        return {shown(path): previous for path, _ in jobs}
    assert previous_dir is not None
    from lawlint.errors import InputError
    from lawlint.input.discovery import discover
    from lawlint.yoy.pairing import filed, partner, read_folder

    if not os.path.isdir(previous_dir):
        raise InputError(
            "--previous-dir 应为上年报告所在的文件夹，该文件夹不存在",
            "--previous-dir must be the folder of last year's reports; there is no such folder",
            path=previous_dir,
        )
    earlier = read_folder(discover([previous_dir]))
    out: dict[str, str] = {}
    for path, _ in jobs:
        try:
            report = filed(path, name=stdin_name)
        except InputError:
            continue  # reported when it is checked
        match = partner(report, earlier)
        if match is not None:
            out[report.path] = match.path
        elif not quiet:
            filer = report.filer or "标题中未写明 / not in the title"
            _error_line(
                f"{report.path}: 在 {previous_dir} 中未找到同一填报单位（{filer}）更早年度的报告，"
                f"本报告未做年度对照 / no report of the same filer ({filer}) from an earlier "
                f"year in {previous_dir}: checked without last year's"
            )
    return out


def _error_line(message: str) -> None:
    from lawlint.output.reporting import error_line

    error_line(message)


def _report_skipped(skipped: Sequence[Skipped]) -> None:
    """Name, on stderr, each draft-like file a folder walk passed over, and why: a folder
    of .doc and .pdf drafts must not read as "1 file checked" and nothing else."""
    from lawlint.output.safe import shown

    skipped = [s for s in skipped if s.draft_like]
    if not skipped:
        return
    zh = "；".join(f"{shown(s.path)}（{s.zh}）" for s in skipped)
    en = "; ".join(f"{shown(s.path)} ({s.en})" for s in skipped)
    click.echo(f"lawlint: 跳过 {len(skipped)} 个未检查的文件：{zh}", err=True)
    click.echo(f"lawlint: skipped {len(skipped)} file(s), not checked: {en}", err=True)


def _nothing_to_check(paths: Sequence[str]) -> None:
    """Zero files checked is a mistake, as ruff and Vale say: a wrong folder, a typo in an
    extension, or a configuration that excludes everything. An error (exit 2) unless
    ``--allow-empty``, which the pre-commit hook passes (a commit whose staged reports
    are all excluded has nothing to check, and must not fail)."""
    given = " ".join(paths)
    raise LawlintError(
        "没有要检查的文件（没有 .docx、.txt、.md 文件，或都被配置的 exclude 排除）；"
        "确实如此时请加 --allow-empty",
        "no files to check (no .docx, .txt or .md file, or all excluded by the "
        "configuration's exclude); pass --allow-empty if that is expected",
        path=given,
    )


def _stdin_readable(stdin_name: str | None) -> None:
    """Standard input exists to be read: not closed (``<&-``: ``sys.stdin`` is None)."""
    if sys.stdin is None or getattr(sys.stdin, "buffer", None) is None or sys.stdin.closed:
        raise LawlintError(
            "标准输入已关闭，没有可读的内容",
            "standard input is closed; there is nothing to read",
            path=stdin_name or "<stdin>",
        )


def _not_an_input(output_file: str, inputs: Sequence[str]) -> None:
    """``--output-file`` must not be one of the files to check (``check r.txt -o r.txt``,
    or a file in a folder given, or a link to one): the report would replace the draft.
    Compared as files (device and inode), so another spelling of the path, a symbolic
    or a hard link counts too; checked before anything is read or written."""
    from lawlint.input.reader import (
        input_at,  # imported by check already; not by the other commands
    )

    path = input_at(output_file, inputs)
    if path is not None:
        raise LawlintError(
            f"报告文件 {output_file} 是被检查的文件之一，报告会覆盖它；未写入任何内容",
            f"the output file {output_file} is one of the files to check and the report "
            "would replace it; nothing written",
            path=path,
        )


@main.command("rules")
@click.option(
    "--pack",
    "packs",
    multiple=True,
    metavar="PATH",
    help="同时列出自定义规则包 / include a rule pack.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式 / output format.",
)
def list_rules(packs: Sequence[str], fmt: str) -> None:
    """列出全部规则 / list every rule."""
    import json

    from lawlint.checks import kinds
    from lawlint.packs.loader import load_packs

    try:
        loaded = load_packs(packs)
    except LawlintError as exc:
        fail(exc)
    rows = [
        {
            "id": rule.id,
            "pack": pack.name,
            "kind": rule.kind,
            "severity": rule.severity,
            "fixable": kinds()[rule.kind].fixable,
            "summary": rule.description or rule.message,
            "source": rule.source,
        }
        for pack in loaded
        for rule in pack.rules
    ]
    from lawlint.lint.suppress import DIRECTIVE_RULES

    # the directives' own rules belong to no pack but appear in reports all the same
    rows += [
        {
            "id": d.id,
            "pack": "lawlint",
            "kind": "directive",
            "severity": d.severity,
            "fixable": False,
            "summary": d.description,
            "source": d.source,
        }
        for d in DIRECTIVE_RULES.values()
    ]
    titles = [(pack.name, pack.title) for pack in loaded] + [("lawlint", "行内指令 / directives")]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    import shutil

    from lawlint.cli.authoring import rules_listing

    # the terminal's width; piped, $COLUMNS or 80
    sys.stdout.write(rules_listing(titles, rows, shutil.get_terminal_size().columns))


@main.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """写一个带注释的起始配置 .lawlint.yaml（不覆盖已有文件）。

    Write a commented starter .lawlint.yaml in DIRECTORY (default: here); an
    existing configuration is never overwritten (exit 2).
    """
    from pathlib import Path

    from lawlint.config.loader import CONFIG_FILES, STARTER, config_in

    folder = Path(directory)
    existing = config_in(folder)  # .lawlint.yaml, .lawlint.yml or [tool.lawlint]
    if existing is not None:
        fail(
            LawlintError(
                "配置已存在，未覆盖（新文件会悄悄取代它）",
                "a configuration already exists here; not overwritten (a new file would "
                "silently take its place)",
                path=str(existing),
            )
        )
    target = folder / CONFIG_FILES[0]
    try:
        with target.open("x", encoding="utf-8") as out:
            out.write(STARTER)
    except OSError as exc:
        fail(
            LawlintError(
                f"无法写入（{exc.strerror}）", f"cannot write ({exc.strerror})", path=str(target)
            )
        )
    click.echo(f"已创建 {target}，请按需修改。/ Created {target}; edit it to suit.")


@main.command()
@click.argument("rule_id")
@click.option(
    "--config",
    "config_file",
    metavar="FILE",
    help="配置文件（默认：从当前目录就近查找）/ configuration (default: nearest to here).",
)
@click.option(
    "--pack",
    "packs",
    multiple=True,
    metavar="PATH",
    help="同时加载自定义规则包 / also load a rule pack.",
)
def explain(rule_id: str, config_file: str | None, packs: Sequence[str]) -> None:
    """说明一条规则：提示、依据、选项的当前值和示例。

    Explain a rule: its message, why it exists, its options with their current
    values (after the configuration) and its good/bad examples.
    """
    from pathlib import Path

    from lawlint.cli.authoring import explain as explain_rule
    from lawlint.lint.workspace import CommandLine, Workspace

    workspace = Workspace(CommandLine(config_file, tuple(packs)))
    try:
        profile = workspace.profile(workspace.config_path(Path.cwd()))
        click.echo(shown_lines(explain_rule(rule_id, profile)))
    except LawlintError as exc:
        fail(exc)


@main.command("test-pack")
@click.argument("path")
def test_pack(path: str) -> None:
    """运行规则包中每条规则的示例，报告不符合预期的示例。

    Run a rule pack's examples: each bad example must give a finding of its rule,
    each good example none. Exit 0 all pass, 1 an example fails, 2 invalid pack.
    """
    from lawlint.cli.authoring import describe_failure, run_examples

    try:
        report = run_examples(path)
    except LawlintError as exc:
        fail(exc)
    for failure in report.failures:
        click.echo(shown_lines("\n".join(describe_failure(failure))))
    for rid in report.without_examples:
        click.echo(f"提示 note: {rid} 没有示例 / has no examples")
    failed = len(report.failures)
    rules = len(report.pack.rules)
    click.echo(
        f"{path}：{rules} 条规则，{report.run} 个示例，{failed} 个不符合预期。"
        f"\n{path}: {rules} rule{'s' if rules != 1 else ''}, {report.run} example"
        f"{'s' if report.run != 1 else ''}, {failed} failed."
    )
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@main.command()
@click.argument("what", type=click.Choice(["pack", "config"]))
def schema(what: str) -> None:
    """输出规则包或配置文件的 JSON Schema（供编辑器补全和校验）。

    Print the JSON Schema of a rule pack or of .lawlint.yaml, for editors.
    """
    import json

    from lawlint.config.schema import SCHEMAS

    click.echo(json.dumps(SCHEMAS[what](), ensure_ascii=False, indent=2))


def run() -> None:
    """The ``lawlint`` command (console script, ``python -m lawlint``): :func:`main`, then
    an exit that skips tearing the interpreter down.

    When ``main`` returns, everything lawlint writes is written and closed (the report,
    ``--output-file``, the result cache, ``--fix``'s files); what is left is Python
    freeing every object one by one and unloading every module: 10-16 ms here, a sixth
    of a warm run that pre-commit pays on every commit. So the standard streams are
    flushed and the process ends with ``os._exit``.

    Nothing ends it with a traceback: a subcommand's exceptions are dealt with in
    :class:`_Lawlint`, and what happens outside one (Ctrl-C while click parses, a crash
    in click) and the last flush of standard output (a full disk, a closed pipe) here.
    """
    # a character the terminal's encoding lacks (a GBK or ASCII locale) is escaped, not
    # a UnicodeEncodeError half-way through a report
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        code = _flush_stdout(_main_code())
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.flush()
    except BaseException as exc:  # saying what went wrong failed too (stderr on a full disk)
        code = EXIT_INTERRUPTED if isinstance(exc, KeyboardInterrupt) else EXIT_ERROR
    os._exit(code)


def _main_code() -> int:
    """Run :func:`main`: its exit code, whatever it raised."""
    try:
        returned = main(standalone_mode=False)  # --help: 0; a subcommand: None
        return returned if isinstance(returned, int) else EXIT_OK
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or EXIT_OK
        print(exc.code, file=sys.stderr)  # sys.exit("message"): as Python does, exit 1
        return 1
    except click.ClickException as exc:  # a usage error: click's message, exit 2
        exc.show()
        return exc.exit_code
    except click.Abort:  # click's Ctrl-C while it prompts or parses
        return ended_by(KeyboardInterrupt())
    except BaseException as exc:  # never a traceback
        return ended_by(exc)


def _flush_stdout(code: int) -> int:
    """Flush standard output before ``os._exit``: the exit code after it. A closed pipe
    ends quietly (0, as ruff does); another failure (a full disk) is an error (2), said
    once."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        return EXIT_OK
    except (OSError, ValueError) as exc:
        if code != EXIT_ERROR:  # not said yet: an error already reported may be this one
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            with contextlib.suppress(Exception):
                error_line(
                    f"无法写入标准输出（{reason}） / cannot write to standard output ({reason})"
                )
        return EXIT_ERROR
    return code

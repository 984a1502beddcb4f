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

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_INTERRUPTED", "EXIT_OK", "main", "run"]

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a program ended by Ctrl-C
DEBUG_ENV = "LAWLINT_DEBUG"  # set to 1: a crash prints its traceback too
# errors only a write gives: no space, over quota, file too large
_WRITE_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG") if hasattr(errno, name)
)


def _split(values: Iterable[str]) -> list[str]:
    return [v.strip() for value in values for v in value.replace("，", ",").split(",") if v.strip()]


class _Lawlint(click.Group):
    """The command group, ending every subcommand with an exit code and at most one line
    on standard error, whatever it raises (click's own usage errors, ``--help`` and
    ``sys.exit`` pass through as they are)."""

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
                click.echo(self.ctx.get_usage(), err=True)
                click.echo(
                    f"运行 '{name} --help' 查看帮助 / Try '{name} --help' for help.\n", err=True
                )
        error_line(f"用法错误：{self.chinese} / usage error: {self.format_message()}")


def bilingual(exc: click.UsageError) -> click.UsageError:
    """``exc`` as :class:`UsageError`; click's "no arguments: show the help" as it is."""
    if isinstance(exc, (UsageError, click.exceptions.NoArgsIsHelpError)):
        return exc
    return UsageError(exc)


def _chinese(exc: click.UsageError) -> str:
    """The Chinese half of a usage error: what is wrong and with which option."""
    if isinstance(exc, click.NoSuchOption):
        return f"没有选项 {exc.option_name}"
    if isinstance(exc, click.BadParameter):  # MissingParameter is one too
        hint = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else exc.param_hint
        if isinstance(exc, click.MissingParameter):
            return f"缺少 {hint or '参数'}"
        return f"{hint or '参数'} 的值无效"
    if isinstance(exc, click.BadOptionUsage):
        return f"选项 {exc.option_name} 用法有误"
    if exc.message.startswith("No such command"):
        return "没有这个命令（lawlint --help 列出全部命令）"
    return "命令用法有误"


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
        error_line(str(exc))
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
    report_unused_directives: bool,
    config_file: str | None,
    fail_on: str | None,
    show: str | None,
    lang: str,
    allow_empty: bool,
    no_cache: bool,
    n_jobs: int | None,
    annotate: str | None,
) -> None:
    """检查报告文件或目录（- 表示标准输入；-- 之后都是文件名）。

    Lint report files or directories (*.docx, *.txt, *.md, *.markdown); '-' reads
    standard input; everything after '--' is a file name, even if it starts with '-'.
    """
    from lawlint.input.discovery import discover
    from lawlint.input.reader import STDIN
    from lawlint.lint.workspace import CommandLine, Workspace
    from lawlint.output.statistics import FORMATS as STATISTICS_FORMATS

    workspace = Workspace(
        CommandLine(
            config_file,
            tuple(packs),
            tuple(_split(select)),
            tuple(_split(ignore)),
            report_unused_directives,
        )
    )
    skipped: list[Skipped] = []
    try:
        found = list(discover(paths, on_skipped=skipped.append))
        if STDIN in found:
            _stdin_readable(stdin_filename)
        if output_file is not None:
            _not_an_input(output_file, found)
        if annotate is not None:
            from lawlint.output.docx_annotate import refuse_inputs

            refuse_inputs(annotate, found)
        jobs = workspace.jobs(found, stdin_name=stdin_filename)
        # a file its configuration excludes is not "skipped": the user said so
        listed = {path for path, _ in workspace.jobs(s.path for s in skipped)}
        skipped = sorted((s for s in skipped if s.path in listed), key=lambda s: s.path)
        if not jobs and not allow_empty:
            if skipped and not quiet:  # no report will say why
                _report_skipped(skipped)
            _nothing_to_check(paths)
        if fix or diff:
            workspace.prepare({id(p): p for _, p in jobs}.values())
    except LawlintError as exc:
        fail(exc)
    if fmt is None:  # annotations on GitHub Actions, unless counts were asked for
        on_github = os.environ.get("GITHUB_ACTIONS") == "true"
        fmt = "github" if on_github and not statistics else "text"
    # the text report's summary lists them; for the other reports, a person reads stderr
    if skipped and not quiet and (fmt != "text" or statistics or fix or diff):
        _report_skipped(skipped)
    if statistics and (fmt not in STATISTICS_FORMATS or fix or diff):
        click.echo(
            "lawlint: --statistics 只能与 --format text 或 json 同用，不能与 --fix、--diff 同用"
            " / --statistics works with --format text or json, without --fix or --diff",
            err=True,
        )
        sys.exit(EXIT_ERROR)
    if annotate is not None and (fix or diff):
        # --fix and --diff end before the report that --annotate is written from: silently
        # writing no copy would look like success
        click.echo(
            "lawlint: --annotate 不能与 --fix、--diff 同用：请先修正，再另行标注"
            " / --annotate works without --fix or --diff: fix first, then annotate",
            err=True,
        )
        sys.exit(EXIT_ERROR)
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

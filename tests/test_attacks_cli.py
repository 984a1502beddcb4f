"""Attacks on the command line, the output writers and the worker pool (issues 13, 19,
20): whatever the input, the streams or the signals, lawlint ends with an exit code that
means what the README says and at most one line on standard error — never a traceback,
never exit 1 for a crash, never a raw control sequence on a terminal, never a worker
left running, never a draft overwritten by its own report.

Each test builds its input and runs lawlint as a user would (a subprocess, where the
standard streams, signals or ``os._exit`` matter; click's runner elsewhere)."""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from lawlint.chars import display_width
from lawlint.cli.main import main
from lawlint.findings import Finding
from lawlint.lint.runner import default_jobs, jobs_to_use
from lawlint.output.github_format import command
from lawlint.output.safe import json_safe, shown, shown_lines

FLAWED = EXAMPLES / "flawed-draft.txt"
DRAFT = FLAWED.read_bytes()
FIRST = "1:1  错误  section-missing  缺少年度报告必备内容：存在的不足和原因"
GBK_NAME = b"\xb1\xa8\xb8\xe6.txt"  # 报告.txt in GBK, as unzipped from a Windows archive
SHOWN_GBK = "\\xb1\\xa8\\xb8\\xe6.txt"
TIMEOUT = 60
LAWLINT = (sys.executable, "-m", "lawlint")
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="Linux: /proc, prctl, fork")


def lawlint(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdout: int | IO[str] = subprocess.PIPE,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m lawlint ARGS``: the real entry point (``cli.run``, ``os._exit``)."""
    return subprocess.run(
        [sys.executable, "-m", "lawlint", *args],
        cwd=cwd,
        env={**os.environ, "GITHUB_ACTIONS": "false", **(env or {})},
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
    )


def inproc(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The same command run in this process (click's runner, from ``cwd``): for what
    does not depend on the real streams, signals or ``os._exit``, and costs no start-up."""
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(
        args, result.exit_code, result.stdout_bytes, result.stderr_bytes
    )


def reports(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"r{i:03d}.txt" for i in range(n)]
    for path in paths:
        path.write_bytes(DRAFT)
    return paths


# -- issue 19 #7: standard input closed ---------------------------------------------------
@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell closes the descriptor")
@pytest.mark.parametrize(
    ("extra", "name"), [((), "<stdin>"), (("--stdin-filename", "报告.txt"), "报告.txt")]
)
@pytest.mark.parametrize("mode", [(), ("--fix",)])
def test_closed_standard_input_is_one_error(extra: tuple[str, ...], name: str, mode) -> None:
    """``lawlint check - <&-``: Python starts with ``sys.stdin`` None (an AttributeError
    traceback and exit 1 before): one line naming standard input, exit 2."""
    argv = [sys.executable, "-m", "lawlint", "check", *mode, "-", *extra]
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" <&-', "sh", *argv], capture_output=True, timeout=TIMEOUT
    )
    assert (done.returncode, done.stdout, done.stderr.decode()) == (
        2,
        b"",
        f"lawlint: {name}: 标准输入已关闭，没有可读的内容 / standard input is closed; "
        "there is nothing to read\n",
    )


# -- issue 19 #8: a report that cannot be written; a closed pipe -------------------------
NO_SPACE = (
    "lawlint: 无法写入标准输出（No space left on device）"
    " / cannot write to standard output (No space left on device)\n"
)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ("{draft}",),  # a short report, still buffered when lawlint ends
        ("{folder}", "--format", "json", "-j", "2"),  # streamed as a batch is linted
        ("{folder}", "--format", "html"),
    ],
)
def test_standard_output_on_a_full_disk_is_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Standard output is ``/dev/full``: before, an OSError traceback and exit 1 (the code
    of findings); now one line and exit 2, the code of a report that cannot be written."""
    paths = reports(tmp_path / "in", 9)
    argv = [a.format(draft=paths[0], folder=tmp_path / "in") for a in args]
    with open("/dev/full", "w") as full:
        done = lawlint("check", "--no-cache", *argv, stdout=full)
    assert (done.returncode, done.stderr.decode()) == (2, NO_SPACE)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [("--version",), ("schema", "pack"), ("rules",)])
def test_other_commands_on_a_full_disk_are_exit_2(args: tuple[str, ...]) -> None:
    """click's and rich's own writes (``--version``, ``schema``, ``rules``) too."""
    with open("/dev/full", "w") as full:
        done = lawlint(*args, stdout=full)
    assert (done.returncode, done.stderr.decode()) == (2, NO_SPACE)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [("{draft}",), ("nope.txt",), ("-X",)])
def test_standard_error_on_a_full_disk_too(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Both streams on a full disk (a report that cannot be written, a missing file, a
    usage error): nobody can be told, but the exit code still says it — 2, never a
    crash's (itself unwritable) traceback and exit 1."""
    draft = reports(tmp_path, 1)[0]
    argv = [a.format(draft=draft) for a in args]
    with open("/dev/full", "w") as full:
        done = subprocess.run([*LAWLINT, "check", *argv], stdout=full, stderr=full, cwd=tmp_path)
    assert done.returncode == 2


# standard output block-buffered, as for a user (the test run may set PYTHONUNBUFFERED)
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
LAST_WRITE = (
    "import sys, lawlint.cli.main as cli\n"
    "def main(standalone_mode=True):\n"
    "    sys.stdout.write('报告')\n"  # still in the buffer when main returns
    "    sys.exit(1)\n"
    "cli.main = main\n"
    "cli.run()\n"
)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_failed_last_flush_is_exit_2() -> None:
    """What is still buffered when a command ends is flushed by ``cli.run`` before
    ``os._exit``: a full disk there is the same one line and exit 2."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-c", LAST_WRITE], stdout=full, stderr=subprocess.PIPE, env=BUFFERED
        )
    assert (done.returncode, done.stderr.decode()) == (2, NO_SPACE)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE semantics")
def test_a_closed_pipe_at_the_last_flush_is_quiet() -> None:
    """The pipe's reader is gone before the last flush: exit 0, nothing said."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-c", LAST_WRITE],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=BUFFERED,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, b"")


def test_output_file_that_cannot_be_written_is_exit_2(tmp_path: Path) -> None:
    draft = reports(tmp_path, 1)[0]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "report.json"
    done = lawlint("check", str(draft), "--format", "json", "-o", str(target))
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode() == (
        f"lawlint: {target}: 无法写入报告（File exists） / cannot write the report (File exists)\n"
    )
    assert blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(
    ("fmt", "jobs"), [("text", "1"), ("text", "2"), ("json", "2"), ("github", "2")]
)
def test_closed_pipe_ends_quietly_with_0(tmp_path: Path, fmt: str, jobs: str) -> None:
    """``lawlint check reports/ | head -1``: the reader closes the pipe after a line; the
    report (about 600 KB) cannot all fit in it. lawlint ends without a word and with
    exit code 0, as ruff does (before: exit 1, or a BrokenPipeError traceback), and
    leaves no worker behind."""
    reports(tmp_path / "in", 60)
    proc = subprocess.Popen(
        [*LAWLINT, "check", "--no-cache", "--format", fmt, "-j", jobs, str(tmp_path / "in")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "GITHUB_ACTIONS": "false"},
        start_new_session=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=TIMEOUT) == 0
    assert (first[:1] in (b"[", b"/", b":"), err) == (True, b"")
    assert_group_gone(proc.pid)


def assert_group_gone(pgid: int, seconds: float = 10) -> None:
    """Every process of the group has ended (and been reaped)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        assert time.monotonic() < deadline, "a process of lawlint's group is still running"
        time.sleep(0.05)


# -- issue 19 #10: file names that are not UTF-8 -------------------------------------------
def _gbk_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as f:
        f.write(DRAFT)
    return folder


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names must take any bytes")
@pytest.mark.parametrize("fmt", ["text", "json", "github", "html", "sarif"])
def test_undecodable_file_name_is_escaped_in_every_format(tmp_path: Path, fmt: str) -> None:
    """A report named with GBK bytes (``报告.txt`` from a Windows zip): Python hands the
    name over with lone surrogates, which UTF-8 cannot encode (a UnicodeEncodeError
    traceback before). Written to ``--output-file`` and to standard output alike: valid
    UTF-8, the name's bytes shown as ``\\xb1\\xa8…`` (SARIF: percent-encoded in URIs),
    exit 1 for the findings. Text and GitHub output go to standard output too."""
    _gbk_folder(tmp_path)
    out = tmp_path / f"report.{fmt}"
    args = ["check", "drafts", "--no-cache", "--format", fmt]
    to_file = lawlint(*args, "-o", str(out), cwd=tmp_path, env={"PYTHONIOENCODING": "utf-8"})
    assert (to_file.returncode, to_file.stderr, to_file.stdout) == (1, b"", b"")
    report = out.read_bytes()
    if fmt in ("text", "github"):  # the formats read in a terminal or a CI log
        to_stdout = lawlint(*args, cwd=tmp_path, env={"PYTHONIOENCODING": "utf-8"})
        assert (to_stdout.returncode, to_stdout.stderr, to_stdout.stdout) == (1, b"", report)
    text = report.decode("utf-8")  # strict: every byte valid UTF-8
    name = f"drafts/{SHOWN_GBK}"
    if fmt == "text":
        assert text.startswith(f"{name}:{FIRST}\n")
    elif fmt == "github":
        assert text.startswith(f"::error file={name},line=1,col=1,endLine=1,endColumn=22,")
    elif fmt == "json":
        assert {item["path"] for item in json.loads(text)} == {name}
    elif fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert uris == {"drafts/%B1%A8%B8%E6.txt"}
    else:
        assert f'<p class="path">{name}</p>' in text


@pytest.mark.parametrize("encoding", ["ascii", "gbk"])
def test_a_terminal_that_cannot_show_every_character(tmp_path: Path, encoding: str) -> None:
    """Standard output in an encoding without every character of the report (an ASCII
    or GBK locale: ``✓`` is not in GBK): those are escaped, the report complete."""
    reports(tmp_path, 1)
    done = lawlint("rules", env={"PYTHONIOENCODING": encoding})
    out = done.stdout.decode(encoding)  # strict: nothing the terminal cannot decode
    assert (done.returncode, done.stderr) == (0, b"")
    assert "cjk-space" in out and "\\u2713" in out  # ✓ (fixable)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names must take any bytes")
def test_error_lines_escape_the_file_name(tmp_path: Path) -> None:
    """A file that cannot be read, named with GBK bytes, an escape sequence and a newline:
    its error is one line on standard error, the name escaped."""
    folder = tmp_path / "d"
    folder.mkdir()
    name = b"x\x1b]0;t\n\xb1.txt"
    with open(os.path.join(os.fsencode(folder), name), "wb") as f:
        f.write(b"\x00\x01binary")
    done = lawlint("check", "d", "--no-cache", cwd=tmp_path)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2
    assert err.startswith("lawlint: d/x\\x1b]0;t\\n\\xb1.txt: ")
    assert err.count("\n") == 1 and "\x1b" not in err


# -- issue 20: file names read as options (pre-commit) -------------------------------------
HOOK = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]


def test_hook_entry_ends_the_options() -> None:
    """pre-commit runs ``entry args files``: the files come after ``--``."""
    assert HOOK["entry"] == "lawlint check --allow-empty --"


@pytest.mark.parametrize("planted", ["--output-file=README.md", "-oREADME.md", "--config=cfg.md"])
def test_a_file_named_like_an_option_is_a_file(tmp_path: Path, planted: str) -> None:
    """A committed file named ``--output-file=README.md`` (or ``-oREADME.md``, or
    ``--config=cfg.md`` beside a planted configuration that excludes everything): run
    as pre-commit runs the hook (its entry, then the staged file names), it is linted
    as a report, README.md is untouched and the planted configuration is not read."""
    readme = tmp_path / "README.md"
    readme.write_bytes(b"# README\n")
    (tmp_path / "cfg.md").write_text('exclude: ["**"]\n', encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_bytes(DRAFT)
    (tmp_path / planted).write_bytes(DRAFT)
    entry = shlex.split(HOOK["entry"])
    assert entry[0] == "lawlint"
    done = inproc(*entry[1:], planted, "draft.txt", cwd=tmp_path)
    assert done.returncode == 1 and done.stderr == b""
    assert done.stdout.decode().startswith(f"{planted}:{FIRST}\n")
    assert f"\ndraft.txt:{FIRST}\n" in done.stdout.decode()
    assert readme.read_bytes() == b"# README\n"


def test_double_dash_then_a_missing_option_like_name(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_bytes(b"# README\n")
    done = inproc("check", "--", "--output-file=README.md", cwd=tmp_path)
    assert (done.returncode, done.stdout.decode(), done.stderr.decode()) == (
        2,
        "检查了 1 个文件，1 个文件无法读取，未发现问题。\n"
        "1 file checked, 1 unreadable, no findings.\n",
        "lawlint: --output-file=README.md: 文件不存在 / no such file\n",
    )
    assert readme.read_bytes() == b"# README\n"


# -- issue 20: the report over its own input -----------------------------------------------
def _refused(output: str, input_path: str) -> str:
    return (
        f"lawlint: {input_path}: 报告文件 {output} 是被检查的文件之一，报告会覆盖它；"
        f"未写入任何内容 / the output file {output} is one of the files to check and the "
        "report would replace it; nothing written\n"
    )


@pytest.mark.parametrize("fix", [False, True])
def test_output_file_that_is_an_input_is_refused(tmp_path: Path, fix: bool) -> None:
    """``check r.txt -o r.txt`` replaced the draft by its report: now refused before
    anything is read or written, exit 2, the draft byte for byte as it was (with
    ``--fix`` too: not fixed either)."""
    draft = reports(tmp_path, 1)[0]
    mode = ["--fix"] if fix else []
    done = inproc("check", *mode, "r000.txt", "-o", "r000.txt", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr.decode()) == (
        2,
        b"",
        _refused("r000.txt", "r000.txt"),
    )
    assert draft.read_bytes() == DRAFT


@pytest.mark.skipif(sys.platform == "win32", reason="links")
@pytest.mark.parametrize("how", ["in-folder", "other-spelling", "symlink", "hardlink"])
def test_output_file_that_is_an_input_under_another_name(tmp_path: Path, how: str) -> None:
    """The same file by another path: in a folder given, spelt differently, or a link to
    it (compared as files, by device and inode)."""
    folder = tmp_path / "in"
    drafts = reports(folder, 3)
    output, checked = {
        "in-folder": ("in/r001.txt", "in"),
        "other-spelling": ("./in/../in/r001.txt", "in/r001.txt"),
        "symlink": ("link.txt", "in"),
        "hardlink": ("hard.txt", "in"),
    }[how]
    if how == "symlink":
        (tmp_path / "link.txt").symlink_to(drafts[1])
    if how == "hardlink":
        os.link(drafts[1], tmp_path / "hard.txt")
    done = inproc("check", checked, "-o", output, cwd=tmp_path)
    shown_input = "in/r001.txt" if checked == "in/r001.txt" else os.path.join("in", "r001.txt")
    assert (done.returncode, done.stderr.decode()) == (2, _refused(output, shown_input))
    assert [p.read_bytes() for p in drafts] == [DRAFT] * 3


def test_output_file_beside_the_inputs_is_written(tmp_path: Path) -> None:
    """Not an input: written as before."""
    reports(tmp_path / "in", 2)
    done = inproc("check", "in", "--format", "json", "-o", "in/report.json", cwd=tmp_path)
    assert done.returncode == 1
    assert len(json.loads((tmp_path / "in" / "report.json").read_text(encoding="utf-8"))) > 10


# -- issues 13 and 20: control characters and workflow commands in the output -------------
def test_shown_escapes_what_a_terminal_acts_on() -> None:
    assert shown("a\x1b[31mb\x1b]8;;http://x\x1b\\c") == "a\\x1b[31mb\\x1b]8;;http://x\\x1b\\c"
    assert shown("t\x07\x00\x7f\x9b\u202e\u2028e\n\r\t") == (
        "t\\x07\\x00\\x7f\\x9b\\u202e\\u2028e\\n\\r\\t"
    )
    assert shown(os.fsdecode(GBK_NAME)) == SHOWN_GBK
    assert shown("报告 <b> & “引号”") == "报告 <b> & “引号”"
    assert shown_lines("a\nb\x1b\r\tc") == "a\nb\\x1b\r\tc"


def test_json_safe_keeps_the_document_valid_and_the_values() -> None:
    value = {"m": "a\x1b[31m\x9b\u202e\u2028b\n", "p": os.fsdecode(GBK_NAME)}
    encoded = json_safe(json.dumps(value, ensure_ascii=False))
    assert not any(c in encoded for c in "\x1b\x9b\u202e\u2028")
    encoded.encode("utf-8")  # strict: no lone surrogate left
    assert json.loads(encoded) == {"m": value["m"], "p": SHOWN_GBK}


TITLE = "云溪县\x1b[31m石桥镇\x9b2J2024年法治政府建设工作总结"
LINK = "\x1b]8;;http://x\x1b\\链接\x1b]8;;\x1b\\"  # an OSC 8 hyperlink, ended by ST


def _control_draft(tmp_path: Path) -> Path:
    """A draft whose title holds an SGR colour and a C1 CSI, and whose third line ends
    with an OSC 8 hyperlink, in a file whose name holds an OSC title sequence and a
    newline."""
    folder = tmp_path / "t"
    folder.mkdir()
    lines = FLAWED.read_text(encoding="utf-8").split("\n")
    lines[0] = TITLE
    lines[2] += LINK
    path = folder / "x\x1b]0;t\n.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return folder


NAME = "t/x\\x1b]0;t\\n.txt"


@pytest.mark.skipif(sys.platform == "win32", reason="a newline in a file name")
def test_text_output_escapes_control_characters(tmp_path: Path) -> None:
    """No raw ESC or C1 byte reaches the terminal; the newline in the name does not start
    a line; the quoted line shows the escapes and the carets stay under the span."""
    _control_draft(tmp_path)
    done = inproc("check", "t", "--no-cache", "-q", cwd=tmp_path)
    out = done.stdout.decode()
    assert done.returncode == 1 and done.stderr == b""
    assert "\x1b" not in out and "\x9b" not in out
    lines = out.split("\n")
    assert lines[0] == f"{NAME}:{FIRST}"
    assert all(line.startswith((NAME, " ")) for line in lines if line)
    quoted = "云溪县\\x1b[31m石桥镇\\x9b2J2024年法治政府建设工作总结"
    column = TITLE.index("总结") + 1
    head = f"{NAME}:1:{column}  错误  title-format  标题不规范：年度报告不应称为“总结”，应为“报告”"
    title = lines.index(head)
    assert lines[title + 1] == f"     1 | {quoted}"
    pad = display_width(quoted[: quoted.index("总结")])
    assert lines[title + 2] == "       | " + " " * pad + "^^^^"
    # the escapes are shown, and counted as the cells they take: the quote is cut at
    # 80 cells (the width of a report that does not go to a terminal)
    third = next(line for line in lines if line.startswith("     3 | "))
    assert third.endswith("如下:\\x1b]8;;http://x\\x1b\\链接\\x1b]8;;…")
    assert display_width(third) <= 80


@pytest.mark.skipif(sys.platform == "win32", reason="a newline in a file name")
@pytest.mark.parametrize("fmt", ["github", "json", "sarif", "html"])
def test_other_formats_escape_control_characters(tmp_path: Path, fmt: str) -> None:
    _control_draft(tmp_path)
    done = inproc("check", "t", "--no-cache", "--format", fmt, cwd=tmp_path)
    out = done.stdout.decode()
    assert done.returncode == 1 and done.stderr == b""
    assert "\x1b" not in out and "\x9b" not in out
    if fmt == "github":  # one command a line; the newline is %0A, part of the file name
        assert all(line.startswith("::") for line in out.splitlines())
        assert out.startswith("::error file=t/x\\x1b]0;t%0A.txt,line=1,col=1,")
    elif fmt == "json":  # JSON's own escapes: the values are the real ones
        items = json.loads(out)
        assert {i["path"] for i in items} == {"t/x\x1b]0;t\n.txt"}
    elif fmt == "sarif":
        log = json.loads(out)
        uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert uri["artifactLocation"]["uri"] == "t/x%1B%5D0%3Bt%0A.txt"
    else:
        assert '<p class="path">t/x\\x1b]0;t\n.txt</p>' in out
        assert "云溪县\\x1b[31m石桥镇\\x9b2J2024年" in out


def finding(path: str, message: str) -> Finding:
    return Finding(
        rule="cjk-space",
        severity="warning",
        message=message,
        path=path,
        line=3,
        column=5,
        end_line=3,
        end_column=6,
        start=0,
        end=1,
    )


def test_github_commands_cannot_be_forged() -> None:
    """A file named ``a::error::x.txt`` and a message holding ``\\n::error::`` and an ANSI
    colour stay inside one command: ``:`` and ``,`` escaped in properties, line ends as
    ``%0A``, ESC shown as ``\\x1b``."""
    f = finding("a::error::x,y.txt", "完成\n::error::伪造\x1b[31m")
    assert command(f) == (
        "::warning file=a%3A%3Aerror%3A%3Ax%2Cy.txt,line=3,col=5,endLine=3,endColumn=6,"
        "title=cjk-space::完成%0A::error::伪造\\x1b[31m"
    )


@pytest.mark.skipif(sys.platform == "win32", reason='< > " in a file name')
def test_html_page_escapes_markup_in_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    name = "<script>x<!--\"'\x1b.txt"
    (folder / name).write_bytes(DRAFT)
    done = inproc("check", "d", "--no-cache", "--format", "html", cwd=tmp_path)
    page = done.stdout.decode()
    assert done.returncode == 1
    assert "<script>x" not in page and "\x1b" not in page
    assert '<p class="path">d/&lt;script&gt;x&lt;!--&quot;&#x27;\\x1b.txt</p>' in page


# -- issue 20: crashes, Ctrl-C and killed workers ------------------------------------------
INTERNAL = (
    "lawlint: 内部错误（RuntimeError: 故意的 / on purpose），请报告此问题 / internal error "
    "(RuntimeError: 故意的 / on purpose); please report it (run again with LAWLINT_DEBUG=1 "
    "for the traceback)\n"
)


def _break_linting(monkeypatch: pytest.MonkeyPatch) -> None:
    from lawlint.lint.engine import Linter

    def broken(self, source, overrides=None):
        raise RuntimeError("故意的 / on purpose")

    monkeypatch.setattr(Linter, "lint", broken)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crash_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """A bug in a check (here: linting raises) is exit 2 with one line naming the
    exception and asking for a report — never exit 1, the code of findings, and never a
    traceback. With ``-j 2`` it happens in the forked workers and reaches this process
    pickled."""
    reports(tmp_path, 9)
    _break_linting(monkeypatch)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "-j", jobs])
    assert (result.exit_code, result.stderr, result.stdout) == (2, INTERNAL, "")


def test_lawlint_debug_adds_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reports(tmp_path, 1)
    _break_linting(monkeypatch)
    result = CliRunner(env={"LAWLINT_DEBUG": "1"}).invoke(
        main, ["check", str(tmp_path), "--no-cache"]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert result.stderr.endswith("RuntimeError: 故意的 / on purpose\n" + INTERNAL)


def test_a_crash_through_the_console_script_is_exit_2(tmp_path: Path) -> None:
    """The same through ``cli.run`` (``os._exit`` and its code), in a real process."""
    reports(tmp_path, 1)
    code = (
        "import lawlint.cli.main as cli, lawlint.lint.engine as engine\n"
        "def broken(self, source, overrides=None):\n"
        "    raise RuntimeError('故意的 / on purpose')\n"
        "engine.Linter.lint = broken\n"
        "cli.run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "check", str(tmp_path), "--no-cache"],
        capture_output=True,
        timeout=TIMEOUT,
    )
    assert (done.returncode, done.stdout, done.stderr.decode()) == (2, b"", INTERNAL)


def test_jobs_values() -> None:
    """``--jobs``: 0 (or none) is the number of cores; more is clamped to it."""
    cores = default_jobs()
    assert (jobs_to_use(None), jobs_to_use(0), jobs_to_use(1)) == (cores, cores, 1)
    assert jobs_to_use(1000) == cores


def test_jobs_1000_and_negative(tmp_path: Path) -> None:
    reports(tmp_path, 9)
    one = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json"])
    many = CliRunner().invoke(
        main, ["check", str(tmp_path), "--no-cache", "--format", "json", "-j", "1000"]
    )
    assert (many.exit_code, many.stdout) == (1, one.stdout)
    negative = CliRunner().invoke(main, ["check", str(tmp_path), "--jobs", "-1"])
    assert negative.exit_code == 2
    assert "Invalid value for '--jobs' / '-j': -1 is not in the range x>=0." in negative.stderr


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
            kids += [int(k) for k in f.read().split()]
    return kids


def _has_read(pid: int) -> bool:
    """The worker has read its first chunk number: it is past its start-up (prctl)."""
    try:
        with open(f"/proc/{pid}/io", encoding="ascii") as f:
            return any(line.startswith("rchar:") and line.split()[1] != "0" for line in f)
    except OSError:
        return False


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@linux_only
@pytest.mark.skipif(default_jobs() < 2, reason="--jobs is clamped to the cores: one here")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_parent(tmp_path: Path, sig: signal.Signals) -> None:
    """``kill -9`` (or ``kill``) of a ``--jobs 2`` run: its forked worker dies with it.
    The worker is stopped (SIGSTOP) first, standing for one busy on a long file: nothing
    but the kernel's parent-death signal can end it then — before, it stayed forever."""
    reports(tmp_path / "in", 60)
    proc = subprocess.Popen(
        [*LAWLINT, "check", "--no-cache", "-j", "2", "--format", "json", str(tmp_path / "in")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    kids: list[int] = []
    try:
        deadline = time.monotonic() + TIMEOUT
        while not (kids and all(_has_read(k) for k in kids)):
            assert proc.poll() is None, "lawlint ended before its worker was seen"
            assert time.monotonic() < deadline
            kids = _children(proc.pid)
            time.sleep(0.002)
        for kid in kids:
            os.kill(kid, signal.SIGSTOP)
        os.kill(proc.pid, sig)
        assert proc.wait(timeout=TIMEOUT) == -sig
        deadline = time.monotonic() + 10
        while any(_running(k) for k in kids):
            assert time.monotonic() < deadline, "a worker outlived its parent"
            time.sleep(0.05)
    finally:
        for kid in kids:  # the test never leaves one behind, whatever happened
            with contextlib.suppress(ProcessLookupError):
                os.kill(kid, signal.SIGKILL)
        proc.kill()
        proc.wait()


# -- a rule pack's text is shown escaped too ------------------------------------------------
ESC_PACK = """pack: esc
title: "标题\\e]0;pwned\\a"
rules:
  - id: avoid-jiben
    kind: phrase
    severity: warning
    message: "避免“{match}”\\e[31m红\\e[0m"
    description: "笼统\\e[2J"
    source: 测试
    words: [基本]
"""


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (
            ("check", "draft.txt"),
            "draft.txt:2:1  警告  avoid-jiben  避免“基本”\\x1b[31m红\\x1b[0m",
        ),
        (("explain", "avoid-jiben"), "  避免“{match}”\\x1b[31m红\\x1b[0m"),
        (("rules",), "笼统\\x1b[2J"),
    ],
)
def test_a_packs_escape_sequences_are_shown_escaped(
    tmp_path: Path, command: tuple[str, ...], expected: str
) -> None:
    """A user pack (perhaps planted in a shared folder) whose message, description or
    title holds escape sequences: every command shows them as ``\\x1b``."""
    (tmp_path / "esc.yaml").write_text(ESC_PACK, encoding="utf-8")
    (tmp_path / "draft.txt").write_text("云溪县2024年法治政府建设年度报告\n基本完成。\n", "utf-8")
    done = inproc(*command, "--pack", "esc.yaml", cwd=tmp_path)
    out = done.stdout.decode()
    assert done.stderr == b""
    assert "\x1b" not in out and "\x07" not in out
    assert expected in out.splitlines() or expected in out


@linux_only
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_to_lawlint_alone_is_130_and_stops_its_workers(tmp_path: Path, jobs: str) -> None:
    """``kill -INT`` of lawlint alone (a supervisor, not a terminal's Ctrl-C to the whole
    group): the workers do not get the signal, so lawlint stops and reaps them itself;
    one line, exit 130, no process left."""
    reports(tmp_path / "in", 200)
    proc = subprocess.Popen(
        [*LAWLINT, "check", "--no-cache", "-j", jobs, "--format", "github", str(tmp_path / "in")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "GITHUB_ACTIONS": "false"},
        start_new_session=True,
        # a test run started in the background may inherit SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith(b"::")  # under way
    os.kill(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=TIMEOUT)
    assert (proc.returncode, err.decode()) == (130, "lawlint: 已中断 / interrupted\n")
    assert out.count(b"\n") < 200 * 40  # stopped before the end
    assert_group_gone(proc.pid)

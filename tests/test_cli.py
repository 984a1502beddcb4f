"""The command line: exit codes, output formats, errors for people."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from lawlint import __version__
from lawlint.cli.main import main

CLEAN = str(EXAMPLES / "clean-report.txt")
FLAWED = str(EXAMPLES / "flawed-draft.txt")
JSON_KEYS = [
    "path",
    "rule",
    "severity",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "fix",
    "data",
]


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_clean_example_exits_0() -> None:
    result = run("check", CLEAN, "examples/clean-report.md")
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output and "no findings" in result.output


def test_flawed_example_exits_1_with_errors() -> None:
    result = run("check", FLAWED)
    assert result.exit_code == 1
    assert f"{FLAWED}:1:20  错误  title-format  标题不规范：年度报告不应称为“总结”，应为“报告”" in (
        result.output
    )


def test_text_output_underlines_by_display_width(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("云溪县2024年法治政府建设年度报告\n坚持依法 行政。\n", encoding="utf-8")
    result = run("check", str(path), "--select", "cjk-space", "--no-color")
    lines = result.output.splitlines()
    assert lines[0] == f"{path}:2:5  警告  cjk-space  多余的空格：中文之间不应有空格"
    assert lines[1] == "     2 | 坚持依法 行政。"
    assert lines[2] == "       |         ^"
    assert lines[-1] == "1 file checked, 1 finding (0 errors, 1 warning, 0 infos)."
    assert result.exit_code == 0  # warnings only


def test_json_contract() -> None:
    result = run("check", FLAWED, "--format", "json")
    assert result.exit_code == 1
    items = json.loads(result.output)
    assert items and all(list(item) == JSON_KEYS for item in items)
    by_rule = {(i["rule"], i["line"], i["column"]): i for i in items}
    title = by_rule[("title-format", 1, 20)]
    assert title["end_line"] == 1 and title["end_column"] == 22
    assert title["severity"] == "error" and title["fix"] is None
    assert by_rule[("section-missing", 1, 1)]["data"] == {"section": "shortcomings"}
    assert by_rule[("halfwidth-punct", 3, 63)]["fix"] == {"replacement": "："}
    assert "\\u" not in result.output  # UTF-8, not ASCII escapes


def test_select_and_ignore_take_ids_and_packs() -> None:
    only = json.loads(
        run("check", FLAWED, "--format", "json", "--select", "heading-marker,title-format").output
    )
    assert {i["rule"] for i in only} == {"heading-marker", "title-format"}
    rest = json.loads(
        run("check", FLAWED, "--format", "json", "--ignore", "gb-typography,fazhi-content").output
    )
    assert {i["rule"] for i in rest} == {"section-missing", "title-format"}


def test_select_takes_full_width_commas_too() -> None:
    items = json.loads(
        run("check", FLAWED, "--format", "json", "--select", "heading-marker，title-format").output
    )
    assert {i["rule"] for i in items} == {"heading-marker", "title-format"}


def test_unknown_rule_in_select_is_exit_2() -> None:
    result = CliRunner().invoke(main, ["check", FLAWED, "--select", "no-such-rule"])
    assert result.exit_code == 2
    assert "no-such-rule" in result.output


def test_missing_path_is_exit_2_but_others_are_linted(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    result = CliRunner().invoke(main, ["check", missing, CLEAN, "--format", "json"])
    assert result.exit_code == 2
    assert f"lawlint: {missing}: 文件不存在 / no such file" in result.output


def test_binary_and_gbk_files(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04")
    result = CliRunner().invoke(main, ["check", str(binary)])
    assert result.exit_code == 2 and "binary" in result.output and "Traceback" not in result.output

    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("青禾镇2024年法治政府建设年度报告\n坚持依法行政,推进建设。\n".encode("gbk"))
    items = json.loads(
        run("check", str(gbk), "--format", "json", "--select", "halfwidth-punct").output
    )
    assert [(i["line"], i["column"]) for i in items] == [(2, 7)]


def test_broken_pack_is_exit_2_naming_file_rule_key(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\nrules:\n  - id: r1\n    kind: nosuch\n    severity: error\n    message: x\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", CLEAN, "--pack", str(pack)])
    assert result.exit_code == 2
    assert f"{pack}:4 [rule r1, key rules.0.kind]" in result.output


def test_user_pack_adds_rules() -> None:
    pack = str(Path(__file__).parent / "data" / "extra-pack.yaml")
    result = run(
        "check",
        "-",
        "--pack",
        pack,
        "--format",
        "json",
        "--select",
        "avoid-jiben",
        input="任务基本完成，基本满意。\n".encode(),
    )
    items = json.loads(result.output)
    assert [(i["rule"], i["line"], i["column"], i["severity"]) for i in items] == [
        ("avoid-jiben", 1, 3, "info"),
        ("avoid-jiben", 1, 8, "info"),
    ]


def test_stdin(tmp_path: Path) -> None:
    result = run(
        "check",
        "-",
        "--format",
        "json",
        "--select",
        "cjk-space",
        input="坚持依法 行政。\n".encode(),
    )
    items = json.loads(result.output)
    assert [(i["path"], i["line"], i["column"]) for i in items] == [("<stdin>", 1, 5)]
    named = run(
        "check",
        "-",
        "--stdin-filename",
        "draft.md",
        "--format",
        "json",
        "--select",
        "cjk-space",
        input="坚持依法 行政。\n".encode(),
    )
    assert json.loads(named.output)[0]["path"] == "draft.md"


def test_directory_recursion(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.txt").write_text("坚持依法 行政。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("坚持依法 行政。\n", encoding="utf-8")
    items = json.loads(
        run("check", str(tmp_path), "--format", "json", "--select", "cjk-space").output
    )
    assert [Path(i["path"]).relative_to(tmp_path).as_posix() for i in items] == ["a/r.txt", "b.md"]


def test_rules_lists_every_rule() -> None:
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    for rid in (
        "section-missing",
        "title-format",
        "halfwidth-punct",
        "cjk-space",
        "trailing-space",
        "unpaired-mark",
        "nested-title-mark",
        "heading-numbering",
        "heading-marker",
        "unknown-directive",
        "unused-directive",
    ):
        assert rid in result.output


def test_version() -> None:
    assert run("--version").output.strip() == f"lawlint, version {__version__}"


SCRIPT = Path(sys.executable).with_name("lawlint")  # the console script, where pip put it
# as most users run it: stdout block-buffered (some CI images set PYTHONUNBUFFERED)
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


@pytest.mark.parametrize(
    "cmd",
    [
        [sys.executable, "-m", "lawlint"],
        pytest.param(
            [str(SCRIPT)],
            marks=pytest.mark.skipif(not SCRIPT.is_file(), reason="no console script here"),
        ),
    ],
    ids=["module", "script"],
)
def test_module_entry_point_exit_codes(cmd: list[str]) -> None:
    """Both entry points end with os._exit after flushing: the whole report arrives
    (the JSON parses) and the exit code is main's."""
    ok = subprocess.run([*cmd, "check", CLEAN], capture_output=True, text=True, env=BUFFERED)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        [*cmd, "check", FLAWED, "--format", "json"], capture_output=True, text=True, env=BUFFERED
    )
    assert bad.returncode == 1 and json.loads(bad.stdout)
    usage = subprocess.run([*cmd, "check"], capture_output=True, text=True, env=BUFFERED)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


class Exited(Exception):
    pass


@pytest.mark.parametrize(
    ("exit_arg", "code", "stderr"),
    [(None, 0, ""), (0, 0, ""), (1, 1, ""), (2, 2, ""), ("坏了 / broken", 1, "坏了 / broken\n")],
)
def test_run_exits_with_mains_code(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    exit_arg: int | str | None,
    code: int,
    stderr: str,
) -> None:
    """``run`` turns main's SystemExit into os._exit's code, as Python would."""
    import lawlint.cli.main

    def fake_main(standalone_mode: bool = True) -> None:  # run() parses in its own mode
        print("报告", end="")
        sys.exit(exit_arg)

    def fake_exit(status: int) -> None:
        raise Exited(status)

    monkeypatch.setattr(lawlint.cli.main, "main", fake_main)
    monkeypatch.setattr(lawlint.cli.main.os, "_exit", fake_exit)
    with pytest.raises(Exited) as exited:
        lawlint.cli.main.run()
    assert exited.value.args == (code,)
    assert capsys.readouterr() == ("报告", stderr)


def test_run_flushes_what_is_still_buffered() -> None:
    """os._exit loses what sits in a stream's buffer: run flushes both first."""
    code = (
        "import sys, lawlint.cli.main as cli\n"
        "def main(standalone_mode=True):\n"
        "    sys.stdout.write('未刷新的报告')\n"
        "    sys.stderr.write('提示')\n"
        "    sys.exit(1)\n"
        "cli.main = main\n"
        "cli.run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=BUFFERED)
    assert (done.returncode, done.stdout.decode(), done.stderr.decode()) == (
        1,
        "未刷新的报告",
        "提示",
    )

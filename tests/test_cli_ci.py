"""CI options of ``lawlint check``: --fail-on, --output-file, --quiet, --statistics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from lawlint.cli.main import main

CLEAN = "examples/clean-report.txt"
FLAWED = "examples/flawed-draft.txt"
TITLE = "云溪县2024年法治政府建设年度报告\n"
# The engine's rules (issue 2): exact counts below do not move when packs grow.
ENGINE_RULES = (
    "section-missing,title-format,halfwidth-punct,cjk-space,trailing-space,"
    "unpaired-mark,nested-title-mark,heading-numbering,heading-marker"
)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


@pytest.fixture
def warning_and_info(tmp_path: Path) -> str:
    """A cjk-space warning (2:5) and a trailing-space info (2:9), no error."""
    path = tmp_path / "w.txt"
    path.write_text(TITLE + "坚持依法 行政。 \n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("fail_on", "codes"),
    [
        # flawed (errors), warning+info, info only, clean
        ("error", (1, 0, 0, 0)),
        ("warning", (1, 1, 0, 0)),
        ("info", (1, 1, 1, 0)),
    ],
)
def test_fail_on(fail_on: str, codes: tuple[int, ...], warning_and_info: str) -> None:
    typography = ["--select", "cjk-space,trailing-space,halfwidth-punct"]
    got = (
        run(FLAWED, "--fail-on", fail_on).exit_code,
        run(warning_and_info, *typography, "--fail-on", fail_on).exit_code,
        run(warning_and_info, "--select", "trailing-space", "--fail-on", fail_on).exit_code,
        run(CLEAN, "--fail-on", fail_on).exit_code,
    )
    assert got == codes


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_input_error_is_2_whatever_fail_on(fail_on: str, tmp_path: Path) -> None:
    assert run(str(tmp_path / "nope.txt"), CLEAN, "--fail-on", fail_on).exit_code == 2


def test_default_fail_on_is_error(warning_and_info: str) -> None:
    assert run(warning_and_info, "--select", "gb-typography").exit_code == 0
    assert run("--fail-on", "fatal", CLEAN).exit_code == 2  # not a severity: usage error


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_output_file_same_report_same_exit_code(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / "reports" / "sub" / f"lawlint.{fmt}"
    to_file = run(FLAWED, "--format", fmt, "--output-file", str(target))
    to_stdout = run(FLAWED, "--format", fmt)
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == ""
    assert target.read_text(encoding="utf-8") == to_stdout.stdout


def test_output_file_clean_is_exit_0(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert run(CLEAN, "--format", "json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == []


def test_output_file_that_cannot_be_written_is_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = run(CLEAN, "--output-file", str(blocker / "out.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"lawlint: {blocker / 'out.txt'}: 无法写入报告")
    assert run(CLEAN, "--output-file", str(tmp_path)).exit_code == 2  # a directory


def test_quiet_prints_only_findings(warning_and_info: str) -> None:
    result = run(warning_and_info, "--select", "gb-typography", "--quiet", "--no-color")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{warning_and_info}:2:5  警告  cjk-space  多余的空格：中文之间不应有空格",
        "     2 | 坚持依法 行政。 ",
        "       |         ^",
        f"{warning_and_info}:2:9  提示  trailing-space  行尾有多余的空白字符",
        "     2 | 坚持依法 行政。 ",
        "       |                ^",
    ]
    assert run(CLEAN, FLAWED, "-q").stdout.count("checked") == 0  # no summary, no table
    assert run(CLEAN, "-q").stdout == ""


def test_statistics_text() -> None:
    result = run(FLAWED, "--statistics", "--select", ENGINE_RULES)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "10  halfwidth-punct    警告  10 可自动修复 / fixable",
        " 3  cjk-space          警告  3 可自动修复 / fixable",
        " 3  heading-marker     警告  3 可自动修复 / fixable",
        " 2  heading-numbering  错误",
        " 2  nested-title-mark  警告  2 可自动修复 / fixable",
        " 2  trailing-space     提示  2 可自动修复 / fixable",
        " 1  section-missing    错误",
        " 1  title-format       错误",
        " 1  unpaired-mark      错误",
        "检查了 1 个文件，共 25 个问题。",
        "1 file checked, 25 findings.",
    ]
    assert run(FLAWED, "--statistics", "--quiet", "--select", ENGINE_RULES).stdout.splitlines()[
        -1
    ] == (" 1  unpaired-mark      错误")


def test_statistics_json_and_exit_codes() -> None:
    result = run(FLAWED, "--statistics", "--format", "json", "--select", ENGINE_RULES)
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert rows[0] == {"rule": "halfwidth-punct", "severity": "warning", "count": 10, "fixable": 10}
    assert rows[3] == {"rule": "heading-numbering", "severity": "error", "count": 2, "fixable": 0}
    assert sum(r["count"] for r in rows) == 25
    assert json.loads(run(CLEAN, "--statistics", "--format", "json").stdout) == []


def test_statistics_with_sarif_or_github_is_a_usage_error() -> None:
    for fmt in ("sarif", "github"):
        result = run(FLAWED, "--statistics", "--format", fmt)
        assert result.exit_code == 2
        assert "--statistics" in result.stderr and result.stdout == ""


def test_statistics_on_github_actions_are_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run(FLAWED, "--statistics", "--quiet", "--select", ENGINE_RULES)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "10  halfwidth-punct    警告  10 可自动修复 / fixable"


@pytest.fixture
def fixable_and_not(tmp_path: Path) -> Path:
    """A cjk-space warning --fix removes, and a relative-time warning it cannot fix."""
    path = tmp_path / "fx.txt"
    path.write_text(TITLE + "目前坚持依法 行政。\n", encoding="utf-8")
    return path


def test_fix_honours_fail_on(fixable_and_not: Path) -> None:
    rules = ["--select", "cjk-space,relative-time"]
    assert run(str(fixable_and_not), "--fix", *rules).exit_code == 0
    assert run(str(fixable_and_not), "--fix", *rules, "--fail-on", "warning").exit_code == 1
    assert fixable_and_not.read_text(encoding="utf-8") == TITLE + "目前坚持依法行政。\n"


def test_fix_writes_what_is_left_to_the_output_file(fixable_and_not: Path, tmp_path: Path) -> None:
    report = tmp_path / "out" / "left.json"
    result = run(
        str(fixable_and_not),
        "--fix",
        "--select",
        "cjk-space,relative-time",
        "--format",
        "json",
        "-o",
        str(report),
    )
    assert result.exit_code == 0 and result.stdout == ""
    left = json.loads(report.read_text(encoding="utf-8"))
    assert [(i["rule"], i["line"], i["column"]) for i in left] == [("relative-time", 2, 1)]


def test_statistics_with_fix_or_diff_is_a_usage_error(fixable_and_not: Path) -> None:
    for flag in ("--fix", "--diff"):
        result = run(str(fixable_and_not), flag, "--statistics")
        assert result.exit_code == 2 and "--statistics" in result.stderr
    assert fixable_and_not.read_text(encoding="utf-8") == TITLE + "目前坚持依法 行政。\n"

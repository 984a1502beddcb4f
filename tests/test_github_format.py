"""``--format github``: workflow commands that become pull-request annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from lawlint.cli.main import main
from lawlint.findings import Finding, Fix
from lawlint.output.github_format import command, escape_data, escape_property

FLAWED = "examples/flawed-draft.txt"
TITLE_LINE = (
    "::error file=examples/flawed-draft.txt,line=1,col=20,endLine=1,endColumn=22,"
    "title=title-format::标题不规范：年度报告不应称为“总结”，应为“报告”"
)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def finding(**changes: object) -> Finding:
    base: dict[str, object] = {
        "path": "报告.txt",
        "rule": "cjk-space",
        "severity": "warning",
        "line": 3,
        "column": 5,
        "end_line": 3,
        "end_column": 6,
        "message": "多余的空格：中文之间不应有空格",
        "start": 0,
        "end": 1,
        "fix": Fix(""),
    }
    base.update(changes)
    return Finding(**base)  # type: ignore[arg-type]


def test_exact_line_for_a_known_finding() -> None:
    result = CliRunner().invoke(main, ["check", FLAWED, "--format", "github"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[1] == TITLE_LINE
    findings = CliRunner().invoke(main, ["check", FLAWED, "--format", "json"]).stdout
    assert len(lines) == len(json.loads(findings))  # one command per finding, nothing else
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_severity_commands() -> None:
    assert command(finding(severity="error")).startswith("::error ")
    assert command(finding(severity="warning")).startswith("::warning ")
    assert command(finding(severity="info")) == (
        "::notice file=报告.txt,line=3,col=5,endLine=3,endColumn=6,"
        "title=cjk-space::多余的空格：中文之间不应有空格"
    )


def test_span_over_several_lines_has_no_columns() -> None:
    f = finding(rule="unpaired-mark", severity="error", end_line=5, end_column=2)
    assert command(f) == (
        "::error file=报告.txt,line=3,endLine=5,title=unpaired-mark::多余的空格：中文之间不应有空格"
    )


def test_escaping() -> None:
    assert escape_data("100%\r\n完成: a,b") == "100%25%0D%0A完成: a,b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    f = finding(path="drafts/a,b:c.txt", message="完成率100%\n第二行")
    assert command(f) == (
        "::warning file=drafts/a%2Cb%3Ac.txt,line=3,col=5,endLine=3,endColumn=6,"
        "title=cjk-space::完成率100%25%0A第二行"
    )


def test_chosen_automatically_on_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    auto = CliRunner().invoke(main, ["check", FLAWED])
    assert auto.exit_code == 1
    assert auto.stdout.splitlines()[1] == TITLE_LINE
    explicit = CliRunner().invoke(main, ["check", FLAWED, "--format", "text", "--no-color"])
    assert explicit.stdout.startswith("examples/flawed-draft.txt:1:1  错误  section-missing")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    other = CliRunner().invoke(main, ["check", FLAWED, "--no-color"])
    assert other.stdout.startswith("examples/flawed-draft.txt:1:1  错误  section-missing")


def test_unreadable_file_is_an_error_annotation(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = CliRunner().invoke(main, ["check", str(missing), "--format", "github"])
    assert result.exit_code == 2
    assert result.stdout == (
        f"::error file={escape_property(missing.as_posix())},title=lawlint::"
        f"{missing}: 文件不存在 / no such file\n"
    )

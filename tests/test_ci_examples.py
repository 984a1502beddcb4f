"""The CI examples in docs/ci run: every ``lawlint …`` command line in them is run, as
the CI would, on a copy of examples/ as the ``reports/`` folder, with the installed
``lawlint`` first on PATH."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT

CI = ROOT / "docs" / "ci"
REPORTS = ("clean-report.txt", "clean-report.md", "flawed-draft.txt")
TOLERATE_FINDINGS = "|| [ $? -eq 1 ]"  # the idiom: findings do not stop the step


def github_commands() -> list[str]:
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["lawlint"]["steps"]
    return lawlint_lines(step.get("run", "") for step in steps)


def gitlab_commands() -> list[str]:
    job = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))["lawlint"]
    return lawlint_lines(job["before_script"] + job["script"])


def lawlint_lines(scripts: object) -> list[str]:
    return [
        line.strip()
        for script in scripts  # type: ignore[attr-defined]
        for line in str(script).splitlines()
        if line.strip().startswith("lawlint ")
    ]


def shell(command: str, cwd: Path, *, github: bool) -> subprocess.CompletedProcess[str]:
    if shutil.which("bash") is None:
        pytest.skip("bash is needed to run the CI command lines")
    bin_dir = str(Path(sys.executable).parent)
    assert (Path(bin_dir) / "lawlint").exists(), "lawlint is not installed beside python"
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    env.pop("GITHUB_ACTIONS", None)
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8"
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    for name in REPORTS:
        shutil.copy(EXAMPLES / name, tmp_path / "reports" / name)
    return tmp_path


def test_the_examples_contain_lawlint_commands() -> None:
    assert github_commands() == [
        "lawlint check reports/ --format sarif --output-file lawlint.sarif || [ $? -eq 1 ]",
        "lawlint check reports/",
    ]
    assert gitlab_commands() == [
        "lawlint check reports/ --format sarif --output-file lawlint.sarif || [ $? -eq 1 ]",
        "lawlint check reports/ --format json --output-file lawlint.json || [ $? -eq 1 ]",
        "lawlint check reports/",
    ]


def test_github_workflow_uploads_the_sarif_it_writes() -> None:
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["lawlint"]["steps"]
    (upload,) = [
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    ]
    assert upload["with"]["sarif_file"] == "lawlint.sarif"
    assert "always()" in upload["if"]
    assert workflow["permissions"]["security-events"] == "write"


@pytest.mark.parametrize(("ci", "github"), [("github", True), ("gitlab", False)])
def test_commands_run_on_the_examples(ci: str, github: bool, workspace: Path) -> None:
    commands = github_commands() if github else gitlab_commands()
    for command in commands:
        done = shell(command, workspace, github=github)
        expected = 0 if command.endswith(TOLERATE_FINDINGS) else 1  # the draft has errors
        assert done.returncode == expected, (command, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
    log = json.loads((workspace / "lawlint.sarif").read_text(encoding="utf-8"))
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"section-missing", "title-format"}
    verdict = shell(commands[-1], workspace, github=github).stdout
    if github:  # annotations: workflow commands only
        assert verdict.startswith("::error file=reports/flawed-draft.txt,line=1,col=1,")
    else:  # the job log: findings, then the batch table
        assert verdict.startswith("reports/flawed-draft.txt:1:1  错误  section-missing")
        assert verdict.rstrip().endswith("存在的不足    22/26 (85%)      10/11")


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_commands_pass_clean_reports_and_fail_unreadable_ones(ci: str, workspace: Path) -> None:
    commands = github_commands() if ci == "github" else gitlab_commands()
    (workspace / "reports" / "flawed-draft.txt").unlink()
    for command in commands:
        assert shell(command, workspace, github=ci == "github").returncode == 0, command
    (workspace / "reports" / "scan.txt").write_bytes(b"\x00\x01PK\x03\x04")
    for command in commands:  # exit 2 is never tolerated
        assert shell(command, workspace, github=ci == "github").returncode != 0, command


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_ci_docs_show_the_examples_as_they_are(name: str) -> None:
    """docs/ci.md (the CI reference the README links to) quotes each example whole."""
    guide = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert f"```yaml\n{(CI / name).read_text(encoding='utf-8')}```" in guide

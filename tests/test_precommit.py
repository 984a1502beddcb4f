"""lawlint as a pre-commit hook, driven through the real ``pre-commit`` framework.

pre-commit installs this repository into a fresh virtualenv (``pip install .``,
which needs lawlint's dependencies from the package index) and runs the hook from
``.pre-commit-hooks.yaml`` in a temporary git repository of reports, two ways:

- ``pre-commit try-repo <this repo> lawlint --files …``, as a hook author tries it;
- ``pre-commit run --files …`` with docs/ci.md's ``.pre-commit-config.yaml`` snippet
  (repo and rev pointed at this checkout), as users run it.

These tests are marked ``slow`` (deselect with ``-m "not slow"``): each builds a
virtualenv. ``try-repo`` always installs into a throwaway store of its own, so it
runs once; the ``run`` tests share one ``PRE_COMMIT_HOME`` and one snapshot of the
repository (one repo and rev), so their environment is built once per session.
When pre-commit cannot build an environment (no package index), the test is
skipped and says why.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT

GIT_ENV = {
    "GIT_AUTHOR_NAME": "lawlint tests",
    "GIT_AUTHOR_EMAIL": "tests@lawlint.invalid",
    "GIT_COMMITTER_NAME": "lawlint tests",
    "GIT_COMMITTER_EMAIL": "tests@lawlint.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}
DRAFT = "草稿.txt"  # a Chinese file name, as report repositories have
HOOK = "lawlint (法治政府建设年度报告)"
TITLE_FINDING = (
    f"{DRAFT}:1:20  错误  title-format  标题不规范：年度报告不应称为“总结”，应为“报告”\n"
)


def test_hook_manifest() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "lawlint"
    assert (
        hook["entry"] == "lawlint check --allow-empty --"
    )  # file names are never options (issue 20)
    assert hook["language"] == "python"
    assert hook["files"] == r"\.(docx|txt|md|markdown)$"


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed snapshot of this working tree (tracked and new files, not ignored
    ones). try-repo on the checkout itself would not see an untracked hook file, and
    a fixed repository and revision let pre-commit build the environment once."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout")
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    snapshot = tmp_path_factory.mktemp("lawlint-hook-repo")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # tracked files deleted in the working tree are left out
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(snapshot, "init", "--quiet")
    git(snapshot, "add", "--all")
    git(snapshot, "commit", "--quiet", "--message", "snapshot for the pre-commit test")
    return snapshot


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A report repository: a flawed draft, a clean report, a script."""
    repo = tmp_path / "reports"
    repo.mkdir()
    shutil.copy(EXAMPLES / "flawed-draft.txt", repo / DRAFT)
    shutil.copy(EXAMPLES / "clean-report.txt", repo / "clean.txt")
    (repo / "tool.py").write_text("print('not a report')\n", encoding="utf-8")
    git(repo, "init", "--quiet")
    git(repo, "add", "--all")
    return repo


def pre_commit(home: Path, cwd: Path, *args: str) -> str:
    """Run pre-commit; return ``exit N`` and its output, or skip when pre-commit
    could not build the hook's environment."""
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (test extra)")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home)}
    env.pop("GITHUB_ACTIONS", None)  # the hook's own output format: text
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    output = done.stdout + done.stderr
    failure = re.search(r"An (unexpected )?error has occurred", output)
    if failure:  # pre-commit's own failure, not the hook's
        if "Installing environment" in output[: failure.start()]:
            error = output[failure.start() : failure.start() + 1200]
            pytest.skip(f"pre-commit could not build the hook environment: {error}")
        pytest.fail(f"pre-commit failed before running the hook:\n{output}")
    return f"exit {done.returncode}\n{output}"


@pytest.fixture(scope="session")
def user_config(hook_repo: Path) -> str:
    """docs/ci.md's .pre-commit-config.yaml snippet, pointed at the snapshot."""
    guide = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", guide, flags=re.S)
    (snippet,) = [b for b in blocks if "repos:" in b and "https://github.com/OWNER/lawlint" in b]
    config = yaml.safe_load(snippet)
    (repo,) = config["repos"]
    assert [h["id"] for h in repo["hooks"]] == ["lawlint"]
    repo["repo"] = str(hook_repo)
    repo["rev"] = git(hook_repo, "rev-parse", "HEAD").strip()
    return yaml.safe_dump(config, allow_unicode=True)


@pytest.mark.slow
def test_try_repo_fails_on_a_flawed_draft(hook_repo: Path, tmp_path: Path, reports: Path) -> None:
    out = pre_commit(
        tmp_path / "home", reports, "try-repo", str(hook_repo), "lawlint", "--files", DRAFT
    )
    assert out.startswith("exit 1\n"), out
    assert f"{HOOK}....." in out and "Failed\n- hook id: lawlint\n- exit code: 1\n" in out
    assert TITLE_FINDING in out
    assert "1 file checked, " in out  # lawlint's summary


@pytest.mark.slow
def test_config_from_the_readme_passes_clean_and_fails_flawed(
    user_config: str, pre_commit_home: Path, reports: Path
) -> None:
    (reports / ".pre-commit-config.yaml").write_text(user_config, encoding="utf-8")
    git(reports, "add", ".pre-commit-config.yaml")

    clean = pre_commit(pre_commit_home, reports, "run", "--files", "clean.txt")
    assert clean.startswith("exit 0\n"), clean
    assert f"{HOOK}....." in clean and "Passed\n" in clean

    only_script = pre_commit(pre_commit_home, reports, "run", "--files", "tool.py")
    assert only_script.startswith("exit 0\n"), only_script
    assert "(no files to check)Skipped" in only_script
    assert "Installing environment" not in only_script  # built once, reused

    both = pre_commit(pre_commit_home, reports, "run", "--files", "clean.txt", DRAFT, "tool.py")
    assert both.startswith("exit 1\n"), both
    assert TITLE_FINDING in both
    assert "2 files checked, " in both  # one process for all files
    assert "Installing environment" not in both


@pytest.mark.slow
def test_the_hook_reads_a_word_draft(
    user_config: str, pre_commit_home: Path, reports: Path
) -> None:
    """The hook's environment is a plain ``pip install`` of lawlint (no extras): it
    must read .docx, so python-docx is a dependency."""
    from docx_build import Num, build

    (reports / ".pre-commit-config.yaml").write_text(user_config, encoding="utf-8")
    build(
        reports / "草稿.docx",
        [
            "云溪县2024年法治政府建设年度工作总结",
            Num("主要举措和成效", 0),
            "坚持依法行政,推进建设。",
        ],
    )
    git(reports, "add", ".pre-commit-config.yaml", "草稿.docx")
    out = pre_commit(pre_commit_home, reports, "run", "--files", "草稿.docx")
    assert out.startswith("exit 1\n"), out
    assert "草稿.docx:3:7  警告  halfwidth-punct" in out
    assert "草稿.docx:1:19  错误  title-format" in out


@pytest.mark.slow
def test_the_hook_skips_repository_documents_and_passes_when_all_are_excluded(
    user_config: str, pre_commit_home: Path, reports: Path
) -> None:
    """Issue 17: README.md, requirements.txt and docs/ are not reports (the hook's
    ``exclude``); staged reports all excluded by .lawlint.yaml leave lawlint nothing to
    check, and the commit passes (the entry's ``--allow-empty``)."""
    (reports / ".pre-commit-config.yaml").write_text(user_config, encoding="utf-8")
    (reports / "README.md").write_text("# 报告仓库\n说明,见下.\n", encoding="utf-8")
    (reports / "requirements.txt").write_text("lawlint\n", encoding="utf-8")
    (reports / "docs").mkdir()
    (reports / "docs" / "guide.md").write_text("使用说明:略\n", encoding="utf-8")
    (reports / "archive").mkdir()
    shutil.copy(EXAMPLES / "flawed-draft.txt", reports / "archive" / "old.txt")
    (reports / ".lawlint.yaml").write_text("exclude: [archive/]\n", encoding="utf-8")
    git(reports, "add", "--all")

    docs = pre_commit(
        pre_commit_home,
        reports,
        "run",
        "--files",
        "README.md",
        "requirements.txt",
        "docs/guide.md",
    )
    assert docs.startswith("exit 0\n"), docs
    assert "(no files to check)Skipped" in docs

    excluded = pre_commit(pre_commit_home, reports, "run", "--files", "archive/old.txt")
    assert excluded.startswith("exit 0\n"), excluded
    assert f"{HOOK}....." in excluded and "Passed\n" in excluded

"""The documented user pack and configuration in examples/ do what examples/README.md
says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES

from lawlint.cli.main import main
from lawlint.lint.engine import Linter
from lawlint.lint.workspace import CommandLine, Workspace
from lawlint.packs.loader import load_packs

PACK = EXAMPLES / "province-pack.yaml"
CONFIG = EXAMPLES / "county-config.yaml"
IDS = ("province-followup-missing", "province-followup-count", "province-ducha-name")
REPORT = """\
云溪县2024年法治政府建设年度报告
一、2024年推进法治政府建设的主要举措和成效
全年审核行政规范性文件12件，配合省法治督查组开展实地督察。
二、党政主要负责人履行推进法治建设第一责任人职责情况
县长主持召开常务会议专题研究法治政府建设4次。
三、存在的不足和原因
基层执法力量不足，主要原因是编制有限。
四、法治督察反馈问题整改情况
{followup}
五、2025年推进法治政府建设的主要安排
2025年将完成行政执法人员全员培训。
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def lint(text: str) -> list[tuple[str, int, int]]:
    packs = load_packs([PACK])
    linter = Linter(packs, [r for p in packs for r in p.rules if r.id in IDS])
    return [(f.rule, f.line, f.column) for f in linter.lint_text(text)]


def test_the_example_pack_passes_its_own_examples() -> None:
    result = run("test-pack", str(PACK))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"{PACK}: 3 rules, 7 examples, 0 failed."


def test_the_new_part_is_recognised_and_checked() -> None:
    ok = REPORT.format(followup="省法治督察反馈问题5项，已完成整改5项。")
    assert lint(ok) == [("province-ducha-name", 3, 19)]
    vague = REPORT.format(followup="已逐项制定整改措施，整改工作基本完成。")
    assert lint(vague) == [("province-ducha-name", 3, 19), ("province-followup-count", 8, 3)]
    missing = REPORT.replace("四、法治督察反馈问题整改情况\n{followup}\n", "").replace(
        "五、", "四、"
    )
    assert lint(missing) == [("province-followup-missing", 1, 1), ("province-ducha-name", 3, 19)]


def test_the_new_part_does_not_disturb_the_built_in_ones() -> None:
    cli = CommandLine(packs=(str(PACK),), select=("fazhi-annual-report", "gb-typography"))
    linter = Workspace(cli).profile(None).linter
    text = REPORT.format(followup="省法治督察反馈问题5项，已完成整改5项。")
    assert [f.rule for f in linter.lint_text(text)] == []


def test_the_example_configuration_on_the_examples_folder() -> None:
    result = run("check", "--config", str(CONFIG), str(EXAMPLES), "--format", "json")
    assert result.exit_code == 1  # fail-on: warning, and one error
    items = json.loads(result.output)
    assert [(Path(i["path"]).name, i["rule"], i["line"], i["column"]) for i in items] == [
        ("clean-report.txt", "province-followup-missing", 1, 1)
    ]


def test_the_example_configuration_per_file_severities(tmp_path: Path) -> None:
    shutil.copy(PACK, tmp_path)
    shutil.copy(CONFIG, tmp_path / ".lawlint.yaml")
    (tmp_path / ".git").mkdir()
    # no 督察 part; 法治督查 on line 3; a space inside Chinese and a trailing space on line 10
    text = REPORT.replace("四、法治督察反馈问题整改情况\n{followup}\n", "").replace("五、", "四、")
    text += "坚持依法 行政。 \n"
    for folder in ("towns/qinghe", "drafts", "archive/2019"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = run("check", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    shown = {*IDS, "cjk-space", "trailing-space"}  # the rules this configuration tunes
    found = [
        (Path(i["path"]).relative_to(tmp_path).as_posix(), i["rule"], i["line"], i["severity"])
        for i in json.loads(result.output)
        if i["rule"] in shown
    ]
    assert found == [
        ("drafts/r.txt", "province-followup-missing", 1, "info"),
        ("drafts/r.txt", "province-ducha-name", 3, "info"),
        ("drafts/r.txt", "cjk-space", 10, "info"),
        ("r.txt", "province-followup-missing", 1, "error"),
        ("r.txt", "province-ducha-name", 3, "warning"),
        ("r.txt", "cjk-space", 10, "info"),
        ("towns/qinghe/r.txt", "province-followup-missing", 1, "warning"),
        ("towns/qinghe/r.txt", "province-ducha-name", 3, "warning"),
        ("towns/qinghe/r.txt", "cjk-space", 10, "info"),
    ]

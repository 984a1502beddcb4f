"""Batch review: the summary table, figures in ``measures``, the progress bar."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from lawlint.cli.main import main
from lawlint.input.reader import source_from_bytes
from lawlint.lint.engine import Linter
from lawlint.lint.runner import run
from lawlint.lint.stats import FigureShare, figure_settings, figure_share, required_parts
from lawlint.lint.workspace import CommandLine, Workspace
from lawlint.model.document import Document
from lawlint.model.rules import Rule
from lawlint.output.reporting import batch_progress, show_progress
from lawlint.output.text_format import batch_row
from lawlint.packs.loader import load_packs

CLEAN = "examples/clean-report.txt"
FLAWED = "examples/flawed-draft.txt"
# The engine's rules (issue 2): exact counts below do not move when packs grow.
ENGINE_RULES = (
    "section-missing,title-format,halfwidth-punct,cjk-space,trailing-space,"
    "unpaired-mark,nested-title-mark,heading-numbering,heading-marker"
)
REPORT = """云溪县2024年法治政府建设年度报告
一、2024年推进法治政府建设的主要举措和成效
全年审核行政规范性文件12件。开展普法宣传，效果良好。
（一）加强行政执法
开展执法检查３次。
二、存在的不足和原因
执法培训12次，仍显不足。
"""


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def document(text: str) -> Document:
    return Document(source_from_bytes(text.encode("utf-8"), "r.txt"))


def test_figure_share_counts_body_sentences_of_measures(linter: Linter) -> None:
    # 3 body sentences under 一、 and its （一）, headings not counted, the
    # shortcomings part not counted; full-width ３ is an Arabic figure too.
    share = figure_share(document(REPORT), linter.section_specs)
    assert share == FigureShare(sentences=3, with_figures=2)
    assert share.share == pytest.approx(2 / 3)


def test_figure_share_counts_as_unquantified_section_does(linter: Linter) -> None:
    # Dates are no figures; a Chinese numeral with a measure word is one.
    text = (
        "云溪县2024年法治政府建设年度报告\n一、主要举措和成效\n"
        "2024年，镇党委重视法治建设。开展普法三次。定期研究部署。扎实推进依法行政。"
        "深入开展宣传。不断加强监督。\n"
    )
    share = figure_share(document(text), linter.section_specs)
    assert share == FigureShare(sentences=6, with_figures=1)
    (finding,) = [f for f in linter.lint_text(text, "r.txt") if f.rule == "unquantified-section"]
    assert finding.data == {"section": "measures", "sentences": 6, "with_figures": 1}


def test_figure_settings_follow_the_rule() -> None:
    key, figure = figure_settings(r for p in load_packs() for r in p.rules)
    assert key == "measures" and figure.search("三次") and not figure.search("2024年")
    assert figure_settings()[0] == "measures"  # no such rule: the kind's defaults
    rule = Rule("q", "unquantified-section", "warning", "m", "p", {}, {})
    rule.options = {"section": "plans", "figure": re.compile("X")}
    assert figure_settings([rule]) == ("plans", re.compile("X"))


def test_batch_table_counts_as_the_configuration_says(tmp_path: Path) -> None:
    config = tmp_path / "lawlint.yaml"
    config.write_text("rules:\n  unquantified-section:\n    figure: 普法\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", CLEAN, FLAWED, "--config", str(config), "--no-color"]
    )
    rows = result.stdout.splitlines()[-2:]
    assert [row.split()[-3:-1] for row in rows] == [["1/42", "(2%)"], ["2/26", "(8%)"]]


def test_figure_share_without_measures_is_none(linter: Linter) -> None:
    share = figure_share(
        document("云溪县2024年法治政府建设年度报告\n开展工作。\n"), linter.section_specs
    )
    assert share == FigureShare(0, 0) and share.share is None


def test_figure_share_of_the_examples(linter: Linter) -> None:
    got = {
        name: figure_share(linter.lint_path(f"examples/{name}").document, linter.section_specs)
        for name in ("clean-report.txt", "clean-report.md", "flawed-draft.txt")
    }
    assert got == {
        "clean-report.txt": FigureShare(42, 40),
        "clean-report.md": FigureShare(16, 16),
        "flawed-draft.txt": FigureShare(26, 22),
    }


def test_parts_take_the_configured_report_year(linter: Linter) -> None:
    """A title without a year: "2024年重点工作" is the plans only when the configuration
    says the report is 2023's, in the batch figures as in section-missing."""
    text = (
        "云溪县法治政府建设年度报告\n一、坚持依法行政\n审核12件。\n二、2024年重点工作\n培训3次。\n"
    )
    specs = linter.section_specs
    assert required_parts(document(text), specs, ["plans"]).missing == {"plans"}
    assert required_parts(document(text), specs, ["plans"], 2023).missing == frozenset()
    # a report organised by theme: without the year, "二、2024年重点工作" counts as measures
    assert figure_share(document(text), specs) == FigureShare(2, 2)
    assert figure_share(document(text), specs, report_year=2023) == FigureShare(1, 1)


def test_batch_table_one_row_per_report() -> None:
    result = CliRunner().invoke(
        main, ["check", CLEAN, FLAWED, "--select", ENGINE_RULES, "--no-color"]
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-7:] == [
        "2 files checked, 25 findings (5 errors, 18 warnings, 2 infos).",
        "",
        "报告                          错误       警告    提示   缺少部分       举措含数字"
        "   涉及要点",
        "report                      errors   warnings   infos   missing      with figures"
        "     topics",
        "─" * 92,
        "examples/clean-report.txt        0          0       0   —             40/42 (95%)"
        "      11/11",
        "examples/flawed-draft.txt        5         18       2   存在的不足    22/26 (85%)"
        "      10/11",
    ]


def test_no_table_for_one_file_or_quiet() -> None:
    one = CliRunner().invoke(main, ["check", FLAWED, "--no-color"]).stdout
    assert "with figures" not in one
    quiet = CliRunner().invoke(main, ["check", CLEAN, FLAWED, "-q", "--no-color"]).stdout
    assert "with figures" not in quiet


def test_batch_row_cells(tmp_path: Path) -> None:
    linter = Workspace(CommandLine(select=("section-missing",))).profile(None).linter
    text = "云溪县2024年法治政府建设年度报告\n一、主要举措和成效\n开展培训。\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    r = linter.lint_path(str(path))
    assert batch_row(r, FigureShare(1, 0)) == (
        str(path),
        "3",
        "0",
        "0",
        "第一责任人职责、存在的不足、下一年度安排",
        "0/1 (0%)",
        "—",
    )
    assert batch_row(r, FigureShare(1, 0, 3, 11))[6] == "3/11"
    assert batch_row(r, None, checked_sections=False)[4:] == ("未检查 / not checked", "—", "—")
    missing = linter.lint_path(str(tmp_path / "nope.txt"))
    assert batch_row(missing, None) == (missing.path, "", "", "", "无法读取 / unreadable", "", "")


def test_missing_column_says_when_section_missing_did_not_run() -> None:
    result = CliRunner().invoke(
        main, ["check", CLEAN, FLAWED, "--ignore", "section-missing", "--no-color"]
    )
    rows = result.stdout.splitlines()[-2:]
    assert all("未检查 / not checked" in row for row in rows)


def test_progress_only_for_a_batch_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert show_progress(2, quiet=False)
    assert not show_progress(1, quiet=False)
    assert not show_progress(2, quiet=True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert not show_progress(2, quiet=False)


def test_progress_bar_draws_on_stderr_and_counts_every_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich treats the StringIO as a terminal
    workspace = Workspace()
    jobs = workspace.jobs([CLEAN, FLAWED])
    ticks: list[int] = []
    with batch_progress(len(jobs), enabled=True) as tick:
        assert tick is not None

        def count(n: int) -> None:
            ticks.append(n)
            tick(n)

        results = run(workspace, jobs, progress=count)
    assert [r.path for r in results] == [CLEAN, FLAWED]
    assert ticks == [1, 1]
    assert "检查 / checking" in err.getvalue()
    with batch_progress(2, enabled=False) as tick:
        assert tick is None


def test_no_progress_output_when_not_a_terminal() -> None:
    result = CliRunner().invoke(main, ["check", CLEAN, FLAWED])
    assert result.stderr == ""


def test_plain_table_aligns_by_display_width_without_trailing_spaces() -> None:
    from lawlint.output.text_format import plain_table

    table = plain_table(
        [
            ("某镇报告.txt", "1", "12", "0", "—", "3/4 (75%)", "9/11"),
            ("b.txt", "", "", "", "无法读取 / unreadable", "", ""),
        ]
    )
    # columns 12, 6, 8, 5, 21, 12 and 8 cells wide (报告 and 某 take two), 3 spaces apart
    assert table.splitlines() == [
        "报告             错误       警告    提示   缺少部分                  举措含数字"
        "   涉及要点",
        "report         errors   warnings   infos   missing                 with figures"
        "     topics",
        "─" * 90,
        "某镇报告.txt        1         12       0   —                          3/4 (75%)"
        "       9/11",
        "b.txt                                      无法读取 / unreadable",
    ]

"""Inline suppression: every directive form, in plain text and Markdown, with the exact
findings that remain; unknown and unused directives."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, spots

from lawlint.cli.main import main
from lawlint.lint.engine import Linter
from lawlint.lint.workspace import CommandLine, Workspace
from lawlint.packs.loader import load_packs

PACKS = load_packs()
# One line, two findings: cjk-space at column 5, halfwidth-punct at column 8.
BAD = "坚持依法 行政,推进建设。"


def typography(*, unused: bool = False) -> Linter:
    cli = CommandLine(select=("gb-typography",), report_unused_directives=unused)
    return Workspace(cli).profile(None).linter


def lint(text: str, *, markdown: bool = False, unused: bool = False):
    path = "draft.md" if markdown else "draft.txt"
    return spots(typography(unused=unused).lint_text(text, path, markdown=markdown))


def test_without_directives_both_findings_on_every_line() -> None:
    assert lint(f"{BAD}\n{BAD}\n") == [
        ("cjk-space", 1, 5),
        ("halfwidth-punct", 1, 8),
        ("cjk-space", 2, 5),
        ("halfwidth-punct", 2, 8),
    ]


@pytest.mark.parametrize("markdown", [False, True], ids=["txt", "md"])
def test_disable_next_line_one_rule(markdown: bool) -> None:
    text = f"<!-- lawlint-disable-next-line halfwidth-punct -->\n{BAD}\n{BAD}\n"
    assert lint(text, markdown=markdown) == [
        ("cjk-space", 2, 5),
        ("cjk-space", 3, 5),
        ("halfwidth-punct", 3, 8),
    ]


@pytest.mark.parametrize(
    "ids", ["halfwidth-punct,cjk-space", "halfwidth-punct， cjk-space", "cjk-space halfwidth-punct"]
)
def test_disable_next_line_several_rules(ids: str) -> None:
    text = f"<!-- lawlint-disable-next-line {ids} -->\n{BAD}\n{BAD}\n"
    assert lint(text) == [("cjk-space", 3, 5), ("halfwidth-punct", 3, 8)]


def test_disable_next_line_without_id_is_every_rule() -> None:
    text = f"{BAD}\n<!-- lawlint-disable-next-line -->\n{BAD}\n"
    assert lint(text) == [("cjk-space", 1, 5), ("halfwidth-punct", 1, 8)]


@pytest.mark.parametrize("markdown", [False, True], ids=["txt", "md"])
def test_disable_enable_range(markdown: bool) -> None:
    text = (
        f"{BAD}\n"
        "<!-- lawlint-disable cjk-space -->\n"
        f"{BAD}\n\n{BAD}\n"
        "<!-- lawlint-enable cjk-space -->\n"
        f"{BAD}\n"
    )
    assert lint(text, markdown=markdown) == [
        ("cjk-space", 1, 5),
        ("halfwidth-punct", 1, 8),
        ("halfwidth-punct", 3, 8),
        ("halfwidth-punct", 5, 8),
        ("cjk-space", 7, 5),
        ("halfwidth-punct", 7, 8),
    ]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = f"{BAD}\n<!-- lawlint-disable halfwidth-punct -->\n{BAD}\n{BAD}\n"
    assert lint(text) == [
        ("cjk-space", 1, 5),
        ("halfwidth-punct", 1, 8),
        ("cjk-space", 3, 5),
        ("cjk-space", 4, 5),
    ]


def test_disable_all_then_enable_one() -> None:
    text = (
        "<!-- lawlint-disable -->\n"
        f"{BAD}\n"
        "<!-- lawlint-enable cjk-space -->\n"
        f"{BAD}\n"
        "<!-- lawlint-enable -->\n"
        f"{BAD}\n"
    )
    assert lint(text) == [("cjk-space", 4, 5), ("cjk-space", 6, 5), ("halfwidth-punct", 6, 8)]


@pytest.mark.parametrize("markdown", [False, True], ids=["txt", "md"])
def test_disable_file(markdown: bool) -> None:
    assert lint(f"{BAD}\n{BAD}\n<!-- lawlint-disable-file -->\n", markdown=markdown) == []
    text = f"{BAD}\n<!-- lawlint-disable-file cjk-space -->\n{BAD}\n"
    assert lint(text, markdown=markdown) == [("halfwidth-punct", 1, 8), ("halfwidth-punct", 3, 8)]


def test_markdown_directive_may_end_a_line_but_not_sit_in_code() -> None:
    text = (
        f"{BAD}<!-- lawlint-disable-next-line -->\n"
        f"{BAD}\n"
        "`<!-- lawlint-disable-file -->`\n"
        "```\n<!-- lawlint-disable-file -->\n```\n"
        f"{BAD}\n"
    )
    assert lint(text, markdown=True) == [
        ("cjk-space", 1, 5),
        ("halfwidth-punct", 1, 8),
        ("cjk-space", 7, 5),
        ("halfwidth-punct", 7, 8),
    ]


def test_plain_text_directive_must_be_a_line_of_its_own() -> None:
    text = f"{BAD}<!-- lawlint-disable-file -->\n  <!-- lawlint-disable-next-line -->\n{BAD}\n"
    assert lint(text) == [("cjk-space", 1, 5), ("halfwidth-punct", 1, 8)]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_directive_lines_give_no_findings(linter: Linter, suffix: str) -> None:
    """Directives anywhere — even above the title — leave a clean report clean."""
    lines = (EXAMPLES / "clean-report.txt").read_text(encoding="utf-8").split("\n")
    lines[0:0] = ["<!-- lawlint-disable-file trailing-space -->", ""]
    lines[6:6] = ["<!-- lawlint-disable halfwidth-punct,cjk-space -->"]
    lines[9:9] = ["<!-- lawlint-enable halfwidth-punct -->", "<!-- lawlint-enable -->"]
    lines[14:14] = ["<!-- lawlint-disable-next-line -->"]
    text = "\n".join(lines)
    assert linter.lint_text(text, "r" + suffix, markdown=suffix == ".md") == []
    found = Linter(PACKS, report_unused_directives=True).lint_text(text, "r" + suffix)
    assert {f.rule for f in found} == {"unused-directive"}


def test_unknown_ids_and_directives_are_warnings() -> None:
    text = (
        "<!-- lawlint-disable-next-line halfwidht-punct,cjk-space -->\n"
        f"{BAD}\n"
        "<!-- lawlint-disabel -->\n"
        f"{BAD}\n"
    )
    found = typography().lint_text(text, "draft.txt")
    assert [(f.rule, f.line, f.column, f.severity) for f in found] == [
        ("unknown-directive", 1, 1, "warning"),
        ("halfwidth-punct", 2, 8, "warning"),  # the misspelt id suppressed nothing
        ("unknown-directive", 3, 1, "warning"),
        ("cjk-space", 4, 5, "warning"),
        ("halfwidth-punct", 4, 8, "warning"),
    ]
    assert found[0].message == "lawlint 指令中的规则 id“halfwidht-punct”不存在"
    assert found[0].end_column == 61
    assert found[2].message.startswith("未知的 lawlint 指令“lawlint-disabel”")


def test_unknown_directive_cannot_be_silenced() -> None:
    text = (
        "<!-- lawlint-disable-file -->\n"
        "<!-- lawlint-disable unknown-directive -->\n"
        "<!-- lawlint-disable-next-line nosuch -->\n"
        f"{BAD}\n"
    )
    found = typography().lint_text(text, "draft.txt")
    assert [(f.rule, f.line, f.message) for f in found] == [
        ("unknown-directive", 2, "lawlint 指令中的规则 id“unknown-directive”不能用指令关闭"),
        ("unknown-directive", 3, "lawlint 指令中的规则 id“nosuch”不存在"),
    ]


def test_a_loaded_rule_that_is_not_selected_is_not_unknown() -> None:
    text = f"<!-- lawlint-disable-next-line section-missing -->\n{BAD}\n"
    assert lint(text) == [("cjk-space", 2, 5), ("halfwidth-punct", 2, 8)]


def test_unused_directives_only_when_asked() -> None:
    text = (
        "<!-- lawlint-disable-next-line halfwidth-punct,trailing-space -->\n"
        f"{BAD}\n"
        "<!-- lawlint-disable-next-line -->\n"
        "坚持依法行政。\n"
        "<!-- lawlint-enable -->\n"
    )
    assert lint(text) == [("cjk-space", 2, 5)]
    found = typography(unused=True).lint_text(text, "draft.txt")
    assert [(f.rule, f.line, f.column, f.data) for f in found] == [
        (
            "unused-directive",
            1,
            1,
            {"directive": "lawlint-disable-next-line", "rule": "trailing-space"},
        ),
        ("cjk-space", 2, 5, {}),
        ("unused-directive", 3, 1, {"directive": "lawlint-disable-next-line", "rule": None}),
    ]
    assert found[2].message == "lawlint 指令没有屏蔽任何问题（全部规则），可以删除"


def test_suppressed_findings_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(f"<!-- lawlint-disable-next-line -->\n{BAD}\n{BAD}\n", encoding="utf-8")
    result = typography().lint_path(str(path))
    assert result.suppressed == 2 and len(result.findings) == 2
    out = CliRunner().invoke(main, ["check", str(path), "--select", "gb-typography"]).output
    assert out.splitlines()[-2:] == [
        "检查了 1 个文件，发现 2 个问题（错误 0，警告 2，提示 0）。"
        "另有 2 个问题被 lawlint 指令屏蔽。",
        "1 file checked, 2 findings (0 errors, 2 warnings, 0 infos). 2 suppressed by lawlint "
        "directives.",
    ]


def test_report_unused_directives_flag(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(f"<!-- lawlint-disable cjk-space -->\n{BAD.replace(' ', '')}\n", "utf-8")
    args = ["check", str(path), "--select", "gb-typography", "--format", "json"]
    assert '"unused-directive"' not in CliRunner().invoke(main, args).output
    out = CliRunner().invoke(main, [*args, "--report-unused-directives"]).output
    assert out.count('"rule": "unused-directive"') == 1

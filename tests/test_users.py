"""Output for the people who draft and review (issue 17): ``--show``, Chinese words in
the human formats (``--lang``), the batch table's 未检查, bilingual usage errors,
``rules`` at 80 columns, the pre-commit hook's defaults and zero files checked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT
from htmltree import parse

from lawlint.cli.main import main

FLAWED = str(ROOT / "examples" / "flawed-draft.txt")
CLEAN = str(ROOT / "examples" / "clean-report.txt")
# flawed-draft.txt: 8 errors, 47 warnings, 6 infos (the default packs)
HEAD = re.compile(r"^\S+:\d+:\d+  (\S+)  (\S+)  ", re.M)


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--no-color", *args])
    return result.exit_code, result.stdout, result.stderr


# -- --show -------------------------------------------------------------------------------


def test_show_error_hides_warnings_and_infos_but_the_summary_counts_them() -> None:
    code, out, _ = check(FLAWED, "--show", "error")
    assert code == 1
    assert {sev for sev, _ in HEAD.findall(out)} == {"错误"}
    assert len(HEAD.findall(out)) == 8
    assert (
        "发现 61 个问题（错误 8，警告 47，提示 6）。53 条警告、提示未显示（--show error）。" in out
    )
    assert "61 findings (8 errors, 47 warnings, 6 infos). 53 below error not shown" in out


def test_show_warning_hides_only_infos() -> None:
    code, out, _ = check(FLAWED, "--show", "warning")
    assert code == 1
    assert {sev for sev, _ in HEAD.findall(out)} == {"错误", "警告"}
    assert len(HEAD.findall(out)) == 55
    assert "6 条提示未显示（--show warning）。" in out


def test_show_info_and_no_show_hide_nothing() -> None:
    for args in ((), ("--show", "info")):
        _, out, _ = check(FLAWED, *args)
        assert len(HEAD.findall(out)) == 61
        assert "未显示" not in out


def test_exit_code_follows_fail_on_not_show(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"  # one warning (cjk-space), nothing else
    draft.write_text("云溪县2024年法治政府建设年度报告\n开展 培训。\n", encoding="utf-8")
    args = (str(draft), "--select", "cjk-space", "--show", "error")
    code, out, _ = check(*args)
    assert code == 0 and HEAD.findall(out) == []
    assert "发现 1 个问题（错误 0，警告 1，提示 0）。1 条警告未显示（--show error）。" in out
    code, out, _ = check(*args, "--fail-on", "warning")
    assert code == 1 and HEAD.findall(out) == []  # hidden, yet it fails the run


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_show_applies_to_the_machine_formats(fmt: str) -> None:
    code, out, _ = check(FLAWED, "--show", "error", "--format", fmt)
    assert code == 1
    if fmt == "json":
        severities = [f["severity"] for f in json.loads(out)]
    elif fmt == "sarif":
        severities = [r["level"] for r in json.loads(out)["runs"][0]["results"]]
    else:
        severities = re.findall(r"^::(\w+) ", out, re.M)
    assert severities == ["error"] * 8  # English in the machine formats, whatever --lang


def test_show_applies_to_the_html_page_whose_counts_stay_whole(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    code, _, _ = check(FLAWED, "--show", "error", "--format", "html", "-o", str(page))
    assert code == 1
    tree = parse(page.read_text(encoding="utf-8"))
    article = tree.find("article")
    notes = [
        li
        for ul in article.find_all("ul")
        if "notes" in ul.attrs.get("class", "")
        for li in ul.find_all("li")
    ]
    assert len(notes) == 8 and all(li.attrs["class"] == "sev-error" for li in notes)
    counts = article.find("p", **{"class": "counts"}).text
    assert "错误 8" in counts and "警告 47" in counts and "未显示 53" in counts


def test_statistics_count_what_show_hides() -> None:
    code, out, _ = check(FLAWED, "--show", "error", "--statistics", "--format", "json")
    assert code == 1
    rows = json.loads(out)
    assert sum(r["count"] for r in rows) == 61
    assert {r["severity"] for r in rows} == {"error", "warning", "info"}


def test_show_takes_only_a_severity() -> None:
    code, _, err = check(FLAWED, "--show", "all")
    assert code == 2 and "--show" in err


# -- Chinese words, --lang ----------------------------------------------------------------


def test_text_findings_say_the_severity_in_chinese_by_default_and_english_with_lang_en() -> None:
    _, zh, _ = check(FLAWED)
    assert f"{FLAWED}:1:1  错误  section-missing  缺少年度报告必备内容：存在的不足和原因" in zh
    assert {sev for sev, _ in HEAD.findall(zh)} == {"错误", "警告", "提示"}
    _, en, _ = check(FLAWED, "--lang", "en")
    assert f"{FLAWED}:1:1  error  section-missing  缺少年度报告必备内容：存在的不足和原因" in en
    assert {sev for sev, _ in HEAD.findall(en)} == {"error", "warning", "info"}


def test_batch_table_names_missing_parts_in_chinese(tmp_path: Path) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_text("云溪县2024年法治政府建设年度报告\n一、主要举措和成效\n开展培训。\n")
    _, zh, _ = check(CLEAN, str(bare), "--select", "section-missing")
    row = zh.splitlines()[-1]
    assert row.split()[0] == str(bare)
    assert row.split()[4] == "第一责任人职责、存在的不足、下一年度安排"
    _, en, _ = check(CLEAN, str(bare), "--select", "section-missing", "--lang", "en")
    assert "   first-responsible, shortcomings, plans   " in en.splitlines()[-1]


def test_html_rule_chips_carry_the_rules_chinese_summary(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    check(FLAWED, "--format", "html", "-o", str(page))
    tree = parse(page.read_text(encoding="utf-8"))
    chips = tree.find("article").find("ul", **{"class": "rules"}).find_all("li")
    chip = next(li for li in chips if li.attrs["data-rule"] == "section-missing")
    assert chip.find("small").text.startswith("缺少年度报告必备内容")


# -- 未检查 per file ---------------------------------------------------------------------


def test_per_file_ignore_of_section_missing_is_not_checked_in_table_and_page(
    tmp_path: Path,
) -> None:
    towns = tmp_path / "towns"
    towns.mkdir()
    text = "云溪县2024年法治政府建设年度报告\n一、主要举措和成效\n开展培训。\n"
    (towns / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".lawlint.yaml").write_text(
        'per-file:\n  "towns/**": {ignore: [section-missing]}\n', encoding="utf-8"
    )
    a, b = str(towns / "a.txt"), str(tmp_path / "b.txt")
    _, out, _ = check(a, b)
    rows = {line.split()[0]: line for line in out.splitlines()[-2:]}
    assert "未检查 / not checked" in rows[a]
    assert "第一责任人职责、存在的不足、下一年度安排" in rows[b]
    page = tmp_path / "r.html"
    check(a, b, "--format", "html", "-o", str(page))
    body = parse(page.read_text(encoding="utf-8")).by_id("overview-table").find("tbody")
    cells = {tr.attrs["data-path"]: tr.find_all("td")[6].text for tr in body.find_all("tr")}
    assert cells[a] == "未检查 not checked"
    assert cells[b].startswith("1/4缺：")


# -- bilingual usage errors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["check", "--fail-on", "x", "a.txt"],
            "lawlint: 用法错误：'--fail-on' 的值无效：“x”不是可选值，可选：error、warning、info"
            " / usage error: Invalid value for '--fail-on': 'x' is not one of 'error', "
            "'warning', 'info'.",
        ),
        (
            ["check"],
            "lawlint: 用法错误：缺少参数 'PATHS...' / usage error: Missing argument 'PATHS...'.",
        ),
        (
            ["check", "--bogus", "a.txt"],
            "lawlint: 用法错误：没有选项 --bogus（是不是 --jobs？） / usage error: No such option "
            "'--bogus'. Did you mean '--jobs'?",
        ),
        (
            ["bogus"],
            "lawlint: 用法错误：没有命令“bogus”（lawlint --help 列出全部命令） / usage error: "
            "No such command 'bogus'.",
        ),
        (
            ["--bogus"],
            "lawlint: 用法错误：没有选项 --bogus / usage error: No such option '--bogus'.",
        ),
    ],
)
def test_usage_errors_are_one_chinese_and_english_line_exit_2(args: list[str], line: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(line)
    assert "\nError: " not in "\n" + result.stderr  # not click's English-only line
    assert "查看帮助 / Try '" in result.stderr


def test_usage_error_from_the_installed_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "lawlint", "check", "--show", "all", "x.txt"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines()[-1] == (
        "lawlint: 用法错误：'--show' 的值无效：“all”不是可选值，可选：error、warning、info"
        " / usage error: Invalid value for '--show': 'all' is not one of 'error', 'warning', "
        "'info'."
    )


# -- lawlint rules at 80 columns ------------------------------------------------------------


def _rules_output(env_columns: str | None) -> str:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if env_columns is not None:
        env["COLUMNS"] = env_columns
    done = subprocess.run(
        [sys.executable, "-m", "lawlint", "rules"],
        capture_output=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0 and done.stderr == b""
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize("columns", ["80", None])  # a terminal's COLUMNS=80; piped: 80
def test_rules_stack_each_summary_whole_under_its_id(columns: str | None) -> None:
    from lawlint.chars import display_width

    out = _rules_output(columns)
    lines = out.splitlines()
    assert max(display_width(line) for line in lines) <= 80
    i = lines.index("  section-missing  错误 error  sections")
    summary = lines[i + 1 : i + 3]  # wrapped at 80 cells, not squeezed to a column
    assert all(line.startswith("      ") for line in summary)
    assert "".join(line.strip() for line in summary) == (
        "缺少年度报告必备内容（主要举措和成效、第一责任人履职情况、不足和原因、下一年度安排）"
    )
    assert "  halfwidth-punct  警告 warning  ✓ 可自动修复 / fixable" in lines


def test_rules_use_a_wider_terminal() -> None:
    lines = _rules_output("200").splitlines()
    i = lines.index("  section-missing  错误 error  sections")
    assert lines[i + 1] == (
        "      缺少年度报告必备内容（主要举措和成效、第一责任人履职情况、不足和原因、下一年度安排）"
    )


# -- zero files checked; the pre-commit hook -----------------------------------------------

HOOK = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
NOTHING = (
    "没有要检查的文件（没有 .docx、.txt、.md 文件，或都被配置的 exclude 排除）；"
    "确实如此时请加 --allow-empty / no files to check (no .docx, .txt or .md file, or all "
    "excluded by the configuration's exclude); pass --allow-empty if that is expected"
)


def test_an_empty_folder_is_an_error_unless_allowed(tmp_path: Path) -> None:
    (tmp_path / "notes.docx.bak").write_text("x", encoding="utf-8")
    code, out, err = check(str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"lawlint: {tmp_path}: {NOTHING}\n"
    code, out, err = check(str(tmp_path), "--allow-empty")
    assert (code, err) == (0, "")
    assert out.startswith("检查了 0 个文件，未发现问题。")
    code, out, _ = check(str(tmp_path), "--allow-empty", "--format", "json")
    assert (code, out) == (0, "[]\n")


def test_everything_excluded_by_the_configuration_is_an_error(tmp_path: Path) -> None:
    (tmp_path / ".lawlint.yaml").write_text('exclude: ["*.txt"]\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text("云溪县2024年法治政府建设年度报告\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", str(tmp_path / "r.txt")])
    assert result.exit_code == 2 and NOTHING in result.stderr


def test_the_hook_passes_a_commit_whose_reports_are_all_excluded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pre-commit runs ``entry`` then the staged names: with every staged report excluded
    by .lawlint.yaml, lawlint has nothing to check, and the commit goes through."""
    import shlex

    (tmp_path / ".lawlint.yaml").write_text("exclude: [archive/]\n", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text("云溪县2019年工作总结\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    entry = shlex.split(HOOK["entry"])
    assert entry[0] == "lawlint" and entry[-1] == "--"
    result = CliRunner().invoke(main, [*entry[1:], "archive/old.txt"])
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("检查了 0 个文件")
    # the same file without the configuration is a draft with errors: the hook fails
    (tmp_path / ".lawlint.yaml").unlink()
    assert CliRunner().invoke(main, [*entry[1:], "archive/old.txt"]).exit_code == 1


@pytest.mark.parametrize(
    ("path", "linted"),
    [
        ("README.md", False),
        ("readme.txt", False),
        ("reports/README.md", False),
        ("CHANGELOG.md", False),
        ("LICENSE.txt", False),
        ("LICENSE", False),
        ("requirements.txt", False),
        ("requirements-dev.txt", False),
        ("docs/guide.md", False),
        ("docs/2024/notes.txt", False),
        ("2024年法治政府建设年度报告.docx", True),
        ("reports/草稿.md", True),
        ("towns/docs.txt", True),
        ("towns/docs/r.txt", True),
        ("requirements-report.md", True),
    ],
)
def test_hook_files_skip_a_repositorys_own_documents(path: str, linted: bool) -> None:
    """pre-commit's matching: ``files`` and ``exclude`` are Python regexes searched in the
    path relative to the repository root."""
    selected = re.search(HOOK["files"], path) and not re.search(HOOK["exclude"], path)
    assert bool(selected) == linted


# -- issue 17 item 8: readable messages, one finding per fault ------------------------------


def test_an_unpaired_quote_mark_is_quoted_readably(tmp_path: Path) -> None:
    draft = tmp_path / "r.txt"
    draft.write_text("云溪县2024年法治政府建设年度报告\n他说“好。\n", encoding="utf-8")
    code, out, _ = check(str(draft), "--select", "unpaired-mark")
    assert code == 1
    assert f"{draft}:2:3  错误  unpaired-mark  成对符号「“」缺少与之配对的「”」\n" in out


def test_a_bracketed_marker_with_a_comma_is_one_finding(tmp_path: Path) -> None:
    draft = tmp_path / "r.txt"
    draft.write_bytes("云溪县2024年法治政府建设年度报告\n一、主要举措和成效\n(二)、普法\n".encode())
    code, out, _ = check(str(draft), "--select", "heading-marker,halfwidth-punct", "-q")
    assert code == 0  # warnings only
    assert [(m.group(0)) for m in re.finditer(r"^\S+:\d+:\d+  \S+  \S+", out, re.M)] == [
        f"{draft}:3:1  警告  heading-marker"
    ]
    assert "“(二)、”应写作“（二）”" in out
    result = CliRunner().invoke(
        main,
        ["check", "--no-cache", "--fix", "--select", "heading-marker,halfwidth-punct", str(draft)],
    )
    assert result.exit_code == 0
    assert (
        draft.read_bytes()
        == "云溪县2024年法治政府建设年度报告\n一、主要举措和成效\n（二）普法\n".encode()
    )


def test_diff_in_colour_highlights_the_changed_characters(tmp_path: Path) -> None:
    draft = tmp_path / "r.txt"
    original = "云溪县2024年法治政府建设年度报告\n开展培训,普法。\n".encode()
    draft.write_bytes(original)
    args = ["check", "--no-cache", "--diff", "--select", "halfwidth-punct", str(draft)]
    plain = CliRunner().invoke(main, args)
    assert plain.exit_code == 1
    assert "-开展培训,普法。\n+开展培训，普法。\n" in plain.stdout and "\x1b" not in plain.stdout
    coloured = CliRunner().invoke(main, [*args, "--color"])
    assert coloured.exit_code == 1
    assert coloured.stdout.splitlines()[:5] == [
        f"\x1b[1m--- {draft}\x1b[0m",
        f"\x1b[1m+++ {draft}\x1b[0m",
        "\x1b[36m@@ -1,2 +1,2 @@\x1b[0m",
        " 云溪县2024年法治政府建设年度报告",
        "\x1b[31m-开展培训\x1b[7m,\x1b[0m\x1b[31m普法。\x1b[0m",
    ]
    assert (
        coloured.stdout.splitlines()[5] == "\x1b[32m+开展培训\x1b[7m，\x1b[0m\x1b[32m普法。\x1b[0m"
    )
    assert draft.read_bytes() == original  # --diff changes nothing


def test_a_year_on_its_own_line_under_the_title_is_the_report_year(tmp_path: Path) -> None:
    from lawlint.input.reader import source_from_bytes
    from lawlint.model.document import Document

    text = "云溪县法治政府建设年度报告\n\n（2024年度）\n\n一、主要举措和成效\n开展培训3次。\n"
    doc = Document(source_from_bytes(text.encode(), "r.txt"))
    assert doc.title is not None and doc.title.text == "云溪县法治政府建设年度报告"
    assert doc.title.year == 2024 and doc.report_year == 2024
    draft = tmp_path / "r.txt"
    draft.write_text(text, encoding="utf-8")
    code, out, _ = check(str(draft), "--select", "title-format", "-q")
    assert (code, out) == (0, "")
    # a bracketed note that is not a year gives none: the title still lacks it
    other = "云溪县法治政府建设年度报告\n（征求意见稿）\n一、主要举措和成效\n"
    assert Document(source_from_bytes(other.encode(), "r.txt")).report_year is None


def test_a_page_copys_metadata_rows_are_neither_linted_nor_fixed(tmp_path: Path) -> None:
    page = (
        "首页 > 政务公开 > 法治政府建设\n"
        "索引号: 11330100/2024-00123\n"
        "发布机构: 云溪县司法局\n"
        "发布日期: 2024-03-15\n"
        "云溪县2024年法治政府建设年度报告\n"
        "一、主要举措和成效\n"
        "开展培训,普法。\n"
    )
    draft = tmp_path / "r.txt"
    draft.write_text(page, encoding="utf-8")
    code, out, _ = check(str(draft), "--select", "halfwidth-punct", "-q")
    assert code == 0  # a warning
    assert [m.group(0) for m in re.finditer(r"^\S+:\d+:\d+", out, re.M)] == [f"{draft}:7:5"]
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--fix", "--select", "halfwidth-punct", str(draft)]
    )
    assert result.exit_code == 0
    assert draft.read_text(encoding="utf-8") == page.replace("培训,普法", "培训，普法")

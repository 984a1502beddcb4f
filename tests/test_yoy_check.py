"""Year over year wired into ``lawlint check`` (issue 16): exact findings on the written
pairs, their accuracy against the answer key, and the ways last year's report is given
(--previous, previous: in the configuration, --previous-dir), with their errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx_build import build

from lawlint.cli.main import main
from lawlint.input.reader import read_source
from lawlint.lint.engine import FileOverrides, Linter

DATA = Path(__file__).parent / "data" / "yoy"
KEY = yaml.safe_load((DATA / "key.yaml").read_text("utf-8"))
YOY = ("plan-not-reported", "reused-text")
PAIRS = ("town", "county", "dept", "street", "city")


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def compared(linter: Linter, current: Path, previous: Path | str):
    result = linter.lint(read_source(str(current)), FileOverrides(previous=str(previous)))
    return result, [f for f in result.findings if f.rule in YOY]


def pair(name: str) -> tuple[Path, Path]:
    return DATA / KEY[name]["current"], DATA / KEY[name]["previous"]


# -- exact findings ---------------------------------------------------------------------

EXPECTED = {
    "town": [("plan-not-reported", 2, 3, 10), ("reused-text", 4, 1, 35)],
    "county": [("plan-not-reported", 2, 3, 10), ("reused-text", 3, 1, 37)],
    "dept": [
        ("plan-not-reported", 3, 3, 24),
        ("plan-not-reported", 3, 3, 24),
        ("reused-text", 7, 31, 133),
        ("reused-text", 9, 1, 66),
        ("reused-text", 9, 147, 193),
        ("reused-text", 11, 101, 123),
        ("reused-text", 13, 1, 73),
        ("reused-text", 15, 1, 55),
        ("reused-text", 17, 186, 224),
        ("reused-text", 19, 1, 70),
        ("reused-text", 23, 1, 53),
        ("reused-text", 24, 1, 58),
    ],
    "street": [
        ("plan-not-reported", 3, 3, 21),
        ("plan-not-reported", 3, 3, 21),
        ("reused-text", 5, 39, 86),
        ("reused-text", 5, 129, 163),
        ("reused-text", 9, 45, 88),
        ("reused-text", 11, 41, 79),
        ("reused-text", 11, 161, 190),
        ("reused-text", 13, 1, 52),
        ("reused-text", 15, 100, 153),
        ("reused-text", 17, 1, 39),
        ("reused-text", 17, 113, 131),
        ("reused-text", 19, 67, 106),
        ("reused-text", 21, 1, 27),
        ("reused-text", 25, 1, 37),
        ("reused-text", 27, 1, 40),
    ],
    "city": [  # held out: written and judged after the checks were tuned, run once
        ("plan-not-reported", 3, 3, 24),
        ("plan-not-reported", 3, 3, 24),
        ("reused-text", 5, 57, 106),
        ("reused-text", 7, 134, 189),
        ("reused-text", 9, 1, 28),
        ("reused-text", 9, 65, 98),
        ("reused-text", 11, 42, 100),
        ("reused-text", 13, 1, 69),
        ("reused-text", 15, 74, 107),
        ("reused-text", 17, 1, 92),
        ("reused-text", 19, 97, 143),
        ("reused-text", 21, 1, 40),
        ("reused-text", 26, 1, 36),
    ],
}


@pytest.mark.parametrize("name", PAIRS)
def test_pair_findings_exact(linter: Linter, name: str) -> None:
    _, found = compared(linter, *pair(name))
    assert [(f.rule, f.line, f.column, f.end_column) for f in found] == EXPECTED[name]
    assert {f.severity for f in found if f.rule == "reused-text"} == {"warning"}
    assert {f.severity for f in found if f.rule == "plan-not-reported"} == {"info"}


def test_plan_finding_quotes_last_years_item_and_lists_every_item(linter: Linter) -> None:
    _, found = compared(linter, *pair("dept"))
    plans = [f for f in found if f.rule == "plan-not-reported"]
    assert plans[0].message == (
        "上年报告的工作安排“（五）完善特种设备安全风险防控机制。建立电梯、锅炉、压力容器等"
        "特种设备安全隐患…”（上年第25行）在本年度主要举措和成效中未见落实情况"
    )
    data = plans[1].data
    assert (data["previous_line"], data["previous_column"]) == (27, 1)
    assert data["item"].startswith("（七）加强知识产权保护。")
    items = data["items"]
    assert [(i["line"], i["traced"]) for i in items] == [
        (21, True), (22, True), (23, True), (24, True), (25, False), (26, True), (27, False),
    ]  # fmt: skip
    assert items[3]["best"]["line"] == 11 and items[3]["best"]["column"] == 43
    assert items[3]["best"]["text"].startswith("举办执法业务培训班4期")
    assert all(0 <= i["score"] <= 1 for i in items)


def test_reused_finding_quotes_last_years_line(linter: Linter) -> None:
    _, found = compared(linter, *pair("street"))
    copied = next(f for f in found if f.rule == "reused-text" and f.line == 11)
    assert copied.message == (
        "与上年报告第11行重复：“全年共受理群众法律咨询326人次，化解矛盾纠纷89件，调解成功率98%。”"
    )
    assert copied.data["previous_line"] == 11 and copied.data["part"] == "measures"
    assert copied.data["previous_column"] == 88
    # a repeated plan item: its short heading and its body make one finding
    item = next(f for f in found if f.rule == "reused-text" and f.line == 25)
    assert [s["column"] for s in item.data["sentences"]] == [1, 14]
    assert item.data["previous_line"] == 27 and item.data["part"] == "plans"


def test_figures_for_the_batch_table(linter: Linter) -> None:
    result, _ = compared(linter, *pair("dept"))
    assert result.yoy is not None
    assert result.yoy["plans"] == (5, 7)
    assert set(result.yoy["reused"]) == {"measures", "first-responsible", "shortcomings", "plans"}
    reused, total = result.yoy["reused"]["shortcomings"]
    assert 0 < reused < total


def test_without_last_years_report_nothing(linter: Linter) -> None:
    result = linter.lint(read_source(str(DATA / "dept-2024.txt")))
    assert [f for f in result.findings if f.rule in YOY] == []
    assert result.yoy is None


# -- accuracy against the answer key ----------------------------------------------------


def accuracy(linter: Linter) -> dict[str, dict[str, int]]:
    """Per pair: plan tracing and reuse counts (true positives, found, expected).

    An item counts as traced correctly when it is traced and its best sentence is one the
    key lists for it; a sentence counts as reused correctly when the key lists it."""
    out = {}
    for name in PAIRS:
        key = KEY[name]
        result, found = compared(linter, *pair(name))
        reused = {
            (s["line"], s["column"])
            for f in found
            if f.rule == "reused-text"
            for s in f.data["sentences"]
        }
        want = {(e["line"], e.get("column", 1)) for e in key["reused"]}
        items = result.yoy["items"]
        traced = [i for i in items if i["traced"]]
        right = [
            i
            for i, k in zip(items, key["plans"], strict=True)
            if i["traced"]
            and k["traced"]
            and f"{i['best']['line']}:{i['best']['column']}" in k["matches"]
        ]
        out[name] = {
            "plans_tp": len(right),
            "plans_found": len(traced),
            "plans_expected": sum(1 for k in key["plans"] if k["traced"]),
            "reuse_tp": len(reused & want),
            "reuse_found": len(reused),
            "reuse_expected": len(want),
        }
    return out


def test_accuracy_on_the_written_pairs(linter: Linter) -> None:
    """docs/year-over-year.md gives these figures: every pair at 1.00 (target ≥ 0.9)."""
    figures = accuracy(linter)
    total = {k: sum(f[k] for f in figures.values()) for k in figures["town"]}
    assert total == {
        "plans_tp": 19,
        "plans_found": 19,
        "plans_expected": 19,
        "reuse_tp": 47,
        "reuse_found": 47,
        "reuse_expected": 47,
    }
    for name, f in figures.items():
        assert f["plans_tp"] / f["plans_found"] >= 0.9, name
        assert f["plans_tp"] / f["plans_expected"] >= 0.9, name
        assert f["reuse_tp"] / f["reuse_found"] >= 0.9, name
        assert f["reuse_tp"] / f["reuse_expected"] >= 0.9, name


def test_paraphrase_and_boilerplate_are_never_flagged(linter: Linter) -> None:
    for name in ("dept", "street", "city"):
        _, found = compared(linter, *pair(name))
        spans = [(f.line, f.column, f.end_column) for f in found if f.rule == "reused-text"]
        for entry in KEY[name]["not_reused"] + KEY[name]["boilerplate"]:
            line, column = entry["line"], entry["column"]
            assert not any(ln == line and a <= column < b for ln, a, b in spans), (name, entry)


# -- the command line -------------------------------------------------------------------


def test_check_previous_json_exit_code_and_data() -> None:
    current, previous = pair("town")
    result = run(
        "check", str(current), "--previous", str(previous), "--select", "fazhi-yoy",
        "--format", "json", "--no-cache",
    )  # fmt: skip
    assert result.exit_code == 0, result.output  # an info and a warning: not failing
    found = json.loads(result.stdout)
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [
        ("plan-not-reported", 2, 3),
        ("reused-text", 4, 1),
    ]
    assert [i["traced"] for i in found[0]["data"]["items"]] == [True, True, False, True]
    assert found[1]["data"]["previous_line"] == 4
    assert found[1]["data"]["previous_text"].startswith("2023年，我镇共开展法治宣传活动12场")


def test_missing_previous_is_exit_2_naming_it(tmp_path: Path) -> None:
    current, _ = pair("town")
    result = run("check", str(current), "--previous", str(tmp_path / "2023.txt"))
    assert result.exit_code == 2
    assert f"lawlint: {tmp_path / '2023.txt'}: 上年报告（--previous）无法读取：文件不存在" in (
        result.stderr
    )
    assert "last year's report (--previous) cannot be read: no such file" in result.stderr
    assert "Traceback" not in result.output


def test_binary_previous_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "2023.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = run("check", str(pair("town")[0]), "--previous", str(bad))
    assert result.exit_code == 2
    assert f"{bad}: 上年报告（--previous）无法读取" in result.stderr


@pytest.mark.parametrize(
    "extra, message",
    [
        (["examples/clean-report.txt"], "--previous 只能用于检查单个文件（本次 2 个）"),
        (["--fix"], "--previous、--previous-dir 不能与 --fix、--diff 同用"),
        (["--previous-dir", "."], "--previous 与 --previous-dir 只能选用一个"),
    ],
)
def test_previous_usage_errors(extra: list[str], message: str) -> None:
    current, previous = pair("town")
    result = run("check", str(current), "--previous", str(previous), *extra)
    assert result.exit_code == 2
    assert f"lawlint: 用法错误：{message}" in result.stderr


def test_previous_dir_pairs_by_filer_and_names_the_unpaired(tmp_path: Path) -> None:
    this, last = tmp_path / "2024", tmp_path / "2023"
    this.mkdir(), last.mkdir()
    for name in ("dept", "street", "town"):
        shutil.copy(DATA / f"{name}-2024.txt", this / f"{name}.txt")
    # last year's under other names; the town's report is missing
    shutil.copy(DATA / "dept-2023.txt", last / "市场监管局上年报告.txt")
    shutil.copy(DATA / "street-2023.txt", last / "b.txt")
    shutil.copy(DATA / "county-2023.txt", last / "c.txt")  # another filer
    result = run(
        "check", str(this), "--previous-dir", str(last), "--select", "fazhi-yoy",
        "--format", "json", "--no-cache",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    paths = {f["path"] for f in found}
    assert paths == {str(this / "dept.txt"), str(this / "street.txt")}
    assert sum(f["rule"] == "plan-not-reported" for f in found) == 4
    assert result.stderr == (
        f"lawlint: {this / 'town.txt'}: 在 {last} 中未找到同一填报单位（青山镇）更早年度的报告，"
        f"本报告未做年度对照 / no report of the same filer (青山镇) from an earlier year in "
        f"{last}: checked without last year's\n"
    )


def test_previous_dir_batch_table_columns(tmp_path: Path) -> None:
    this, last = tmp_path / "2024", tmp_path / "2023"
    this.mkdir(), last.mkdir()
    for name in ("dept", "street"):
        shutil.copy(DATA / f"{name}-2024.txt", this / f"{name}.txt")
        shutil.copy(DATA / f"{name}-2023.txt", last / f"{name}.txt")
    result = run("check", str(this), "--previous-dir", str(last), "--select", "fazhi-yoy")
    lines = result.stdout.splitlines()
    assert "上年计划落实   与上年重复" in lines[-5]
    assert lines[-2].endswith("5/7   举措35% 职责15% 不足42% 安排43%")
    assert lines[-1].endswith("5/7   举措30% 职责42% 不足21% 安排29%")


def test_previous_dir_that_does_not_exist(tmp_path: Path) -> None:
    result = run("check", str(pair("town")[0]), "--previous-dir", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'none'}: --previous-dir 应为上年报告所在的文件夹" in result.stderr


def test_previous_in_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(DATA / "town-2024.txt", tmp_path / "本年.txt")
    (tmp_path / "archive").mkdir()
    shutil.copy(DATA / "town-2023.txt", tmp_path / "archive" / "上年.txt")
    (tmp_path / ".lawlint.yaml").write_text(
        "select: [fazhi-yoy]\nprevious: archive/上年.txt\n", "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = run("check", "本年.txt", "--format", "json")
    found = json.loads(result.stdout)
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [
        ("plan-not-reported", 2, 3),
        ("reused-text", 4, 1),
    ]
    # last year's report in the folder is checked too, without comparing it to itself
    result = run("check", "archive/上年.txt", "--format", "json")
    assert json.loads(result.stdout) == []


def test_previous_in_configuration_must_stay_in_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(DATA / "town-2024.txt", tmp_path / "本年.txt")
    (tmp_path / ".lawlint.yaml").write_text("previous: ../上年.txt\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "本年.txt")
    assert result.exit_code == 2
    assert (
        ".lawlint.yaml:1 [key previous]: previous 只能指定本配置所在文件夹及其子文件夹中的文件"
        in (result.stderr)
    )


def test_docx_and_markdown_on_either_side(linter: Linter, tmp_path: Path) -> None:
    """The town pair as a Word document (each line a paragraph) and as Markdown: the same
    findings at the same positions."""
    current = (DATA / "town-2024.txt").read_text("utf-8").splitlines()
    previous = (DATA / "town-2023.txt").read_text("utf-8").splitlines()
    docx_now = build(tmp_path / "2024.docx", current)
    docx_before = build(tmp_path / "2023.docx", previous)
    md_before = tmp_path / "2023.md"
    md_before.write_text("\n".join(previous) + "\n", "utf-8")
    expected = EXPECTED["town"]
    for now, before in ((docx_now, DATA / "town-2023.txt"), (DATA / "town-2024.txt", docx_before),
                        (docx_now, md_before)):  # fmt: skip
        _, found = compared(linter, now, before)
        assert [(f.rule, f.line, f.column, f.end_column) for f in found] == expected, (now, before)


def test_compared_file_is_not_served_from_the_cache(tmp_path: Path) -> None:
    """The findings depend on last year's report, which the cache key does not cover."""
    shutil.copy(DATA / "town-2024.txt", tmp_path / "2024.txt")
    before = tmp_path / "2023.txt"
    shutil.copy(DATA / "town-2023.txt", before)
    args = ("check", str(tmp_path / "2024.txt"), "--previous", str(before),
            "--select", "fazhi-yoy", "--format", "json")  # fmt: skip
    assert len(json.loads(run(*args).stdout)) == 2
    before.write_text((DATA / "town-2024.txt").read_text("utf-8"), "utf-8")  # now a copy
    found = json.loads(run(*args).stdout)
    assert [f["rule"] for f in found].count("reused-text") == 5


def test_plans_part_of_many_items_is_capped(linter: Linter) -> None:
    """A pasted table of numbered rows in last year's plans is not compared row by row
    with every sentence: the first 100 items are traced."""
    rows = "\n".join(f"{i}.推进第{i}号专项任务落实" for i in range(1, 151))
    previous = (
        "云溪县2023年法治政府建设年度报告\n一、主要举措和成效\n全年审核文件12件。\n"
        f"二、2024年工作安排\n{rows}\n"
    )
    current = "云溪县2024年法治政府建设年度报告\n一、主要举措和成效\n全年审核文件15件。\n"
    text = f"【上年报告】\n{previous}【本年报告】\n{current}"
    found = [f for f in linter.lint_text(text) if f.rule == "plan-not-reported"]
    assert len(found) == 100
    assert len(found[0].data["items"]) == 100
    assert found[-1].data["previous_line"] == 104


def test_standard_input_with_previous() -> None:
    current, previous = pair("county")
    result = run(
        "check", "-", "--stdin-filename", "2024.txt", "--previous", str(previous),
        "--select", "fazhi-yoy", "--format", "json",
        input=current.read_text("utf-8"),
    )  # fmt: skip
    found = json.loads(result.stdout)
    assert [(f["path"], f["rule"], f["line"], f["column"]) for f in found] == [
        ("2024.txt", "plan-not-reported", 2, 3),
        ("2024.txt", "reused-text", 3, 1),
    ]


def test_review_page_shows_the_comparison(tmp_path: Path) -> None:
    current, previous = pair("dept")
    page = tmp_path / "review.html"
    result = run(
        "check", str(current), "--previous", str(previous), "--select", "fazhi-yoy",
        "--format", "html", "-o", str(page),
    )  # fmt: skip
    assert result.exit_code == 0
    html = page.read_text("utf-8")
    assert 'data-key="plans"' in html and 'data-key="reused"' in html
    assert '<td class="n" data-sort="0.7142857142857143">5/7</td>' in html
    assert "举措35% 职责15% 不足42% 安排43%" in html
    assert html.count('<tr class="traced">') == 5 and html.count('<tr class="untraced">') == 2
    assert "上年第25行：（五）完善特种设备安全风险防控机制。" in html

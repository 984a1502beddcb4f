"""Chinese-first output for the people who draft and review (issue 17): severities and
part names in --statistics, the batch table and the HTML page (``--lang``), ``--show``
in the batch table, bilingual usage errors, quoted lines that fit the terminal, readable
quotes in messages, a page copy's metadata rows, and a title's year on its own line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from htmltree import parse

from lawlint.chars import display_width, quoted
from lawlint.cli.main import main
from lawlint.output.text_format import excerpt

FLAWED = str(ROOT / "examples" / "flawed-draft.txt")
CLEAN = str(ROOT / "examples" / "clean-report.txt")
TITLE = "云溪县2024年法治政府建设年度报告"
ESC = re.compile(r"\x1b\[[0-9;]*m")


def check(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--no-color", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def draft(tmp_path: Path, text: str, name: str = "r.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


# -- --statistics in the reader's words ---------------------------------------------------


def test_statistics_say_the_severity_in_chinese_and_english_with_lang_en() -> None:
    code, out, _ = check(FLAWED, "--statistics")
    assert code == 1
    lines = out.splitlines()
    assert lines[:5] == [
        "8  halfwidth-punct           警告  8 可自动修复 / fixable",
        "4  vague-quantity            警告",
        "3  cjk-space                 警告  3 可自动修复 / fixable",
        "3  heading-marker            警告  3 可自动修复 / fixable",
        "2  heading-numbering         错误",
    ]
    assert "2  trailing-space            提示  2 可自动修复 / fixable" in lines
    assert lines[-2:] == ["检查了 1 个文件，共 61 个问题。", "1 file checked, 61 findings."]
    _, en, _ = check(FLAWED, "--statistics", "--lang", "en")
    assert en.splitlines()[:2] == [
        "8  halfwidth-punct           warning  8 可自动修复 / fixable",
        "4  vague-quantity            warning",
    ]
    assert "2  trailing-space            info     2 可自动修复 / fixable" in en.splitlines()


def test_statistics_json_keeps_the_english_severities() -> None:
    _, out, _ = check(FLAWED, "--statistics", "--format", "json", "--show", "error")
    rows = json.loads(out)
    assert rows[0] == {"rule": "halfwidth-punct", "severity": "warning", "count": 8, "fixable": 8}
    assert sum(r["count"] for r in rows) == 61  # --show hides nothing from the counts


# -- the batch table under --show -----------------------------------------------------------


def test_batch_table_leaves_out_the_columns_show_hides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the paths as a user types them: the table's width follows
    flawed, clean = "examples/flawed-draft.txt", "examples/clean-report.txt"
    code, out, _ = check(flawed, clean, "--show", "warning")
    assert code == 1
    assert out.splitlines()[-6:] == [
        "",
        "报告                          错误       警告   缺少部分       举措含数字   涉及要点",
        "report                      errors   warnings   missing      with figures     topics",
        "─" * 84,
        "examples/flawed-draft.txt        8         47   存在的不足    22/26 (85%)      10/11",
        "examples/clean-report.txt        0          0   —             40/42 (95%)      11/11",
    ]
    code, out, _ = check(flawed, clean, "--show", "error")
    assert out.splitlines()[-5:] == [
        "报告                          错误   缺少部分       举措含数字   涉及要点",
        "report                      errors   missing      with figures     topics",
        "─" * 73,
        "examples/flawed-draft.txt        8   存在的不足    22/26 (85%)      10/11",
        "examples/clean-report.txt        0   —             40/42 (95%)      11/11",
    ]
    # the summary above it still counts every finding
    assert (
        "发现 61 个问题（错误 8，警告 47，提示 6）。53 条警告、提示未显示（--show error）。" in out
    )
    _, out, _ = check(flawed, clean)  # without --show: every column
    assert out.splitlines()[-5].split() == [
        "报告",
        "错误",
        "警告",
        "提示",
        "缺少部分",
        "举措含数字",
        "涉及要点",
    ]


def test_batch_table_in_colour_leaves_out_the_hidden_columns_too() -> None:
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--color", FLAWED, CLEAN, "--show", "warning"]
    )
    assert result.exit_code == 1
    plain = ESC.sub("", result.stdout).splitlines()
    heading = next(line for line in plain if line.lstrip().startswith("报告"))
    assert heading.split() == ["报告", "错误", "警告", "缺少部分", "举措含数字", "涉及要点"]
    below = plain[plain.index(heading) + 1]
    assert below.split() == ["report", "errors", "warnings", "missing", "with", "figures", "topics"]


def test_show_with_fix_applies_every_fix_and_reports_what_is_shown(tmp_path: Path) -> None:
    # a trailing space (an info, fixable), a half-width comma (a warning, fixable) and
    # a vague quantity (a warning, not fixable)
    path = draft(tmp_path, f"{TITLE}\n开展培训,普法多次。 \n")
    args = ["check", "--no-cache", "--fix", "--select", "gb-typography,vague-quantity"]
    result = CliRunner().invoke(main, [*args, "--show", "warning", str(path)])
    assert result.exit_code == 0  # warnings only: --fail-on error
    assert path.read_text(encoding="utf-8") == f"{TITLE}\n开展培训，普法多次。\n"
    heads = [h for h in result.stdout.splitlines() if h.startswith(str(path))]
    assert heads == [
        f"{path}:2:8  警告  vague-quantity  “多次”是模糊数量，请写明具体数字（如“召开会议6次”）"
    ]


def test_show_leaves_the_exit_code_to_fail_on(tmp_path: Path) -> None:
    path = draft(tmp_path, f"{TITLE}\n开展 培训。\n")  # one warning (cjk-space)
    assert check(str(path), "--select", "cjk-space", "--show", "error")[0] == 0
    code, out, _ = check(
        str(path), "--select", "cjk-space", "--show", "error", "--fail-on", "warning"
    )
    assert code == 1 and "  警告  " not in out


# -- 未检查: section-missing did not run for the file ------------------------------------


@pytest.mark.parametrize(
    ("config", "args"),
    [
        ("rules:\n  section-missing: off\n", ()),
        ("", ("--ignore", "section-missing")),
        ('per-file:\n  "a.txt": {ignore: [section-missing]}\n', ()),
    ],
)
def test_a_file_without_section_missing_is_not_checked_in_table_and_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str, args: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".lawlint.yaml").write_text(config or "{}\n", encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        draft(tmp_path, f"{TITLE}\n一、主要举措和成效\n开展培训3次。\n", name)
    _, out, _ = check("a.txt", "b.txt", "--select", "fazhi-annual-report", *args)
    rows = {line.split()[0]: line.split()[4:] for line in out.splitlines()[-2:]}
    assert rows["a.txt"][:3] == ["未检查", "/", "not"]
    per_file = config.startswith("per-file")
    assert rows["b.txt"][0] == (
        "第一责任人职责、存在的不足、下一年度安排" if per_file else "未检查"
    )
    check("a.txt", "b.txt", "--format", "html", "-o", "r.html", *args)
    body = parse((tmp_path / "r.html").read_text(encoding="utf-8")).by_id("overview-table")
    cells = {
        tr.attrs["data-path"]: tr.find_all("td")[6].text
        for tr in body.iter("tr")
        if tr.attrs.get("data-path")
    }
    assert cells["a.txt"] == "未检查 not checked"
    assert (
        cells["b.txt"].startswith("1/4缺：") if per_file else cells["b.txt"] == "未检查 not checked"
    )


# -- the HTML page in the reader's words ----------------------------------------------------


def test_html_page_follows_lang_and_explains_the_directive_rules(tmp_path: Path) -> None:
    path = draft(
        tmp_path,
        f"{TITLE}\n<!-- lawlint-disabel-next-line cjk-space -->\n"
        "一、主要举措和成效\n开展培训3次。\n",
    )
    page = tmp_path / "r.html"
    assert check(str(path), "--format", "html", "-o", str(page))[0] == 1
    tree = parse(page.read_text(encoding="utf-8"))
    article = tree.find("article")
    assert article.find("p", **{"class": "counts"}).text.startswith("错误 3警告 1提示 1")
    chips = {
        li.attrs["data-rule"]: li for li in article.find("ul", **{"class": "rules"}).iter("li")
    }
    assert chips["unknown-directive"].find("small").text.startswith("lawlint 指令拼写错误")
    assert chips["section-missing"].find("small").text.startswith("缺少年度报告必备内容")
    parts = [li.text for li in article.find("ul", **{"class": "parts"}).find_all("li")]
    assert parts == [
        "✓ 推进法治政府建设的主要举措和成效",
        "✗ 党政主要负责人履行推进法治建设第一责任人职责情况",
        "✗ 存在的不足和原因",
        "✗ 下一年度推进法治政府建设的主要安排",
    ]
    marks = [m.attrs["title"] for m in article.iter("mark")]
    assert any(t.startswith("unknown-directive（警告）：") for t in marks)

    assert check(str(path), "--format", "html", "-o", str(page), "--lang", "en")[0] == 1
    tree = parse(page.read_text(encoding="utf-8"))
    article = tree.find("article")
    assert article.find("p", **{"class": "counts"}).text.startswith("error 3warning 1info 1")
    parts = [li.text for li in article.find("ul", **{"class": "parts"}).find_all("li")]
    assert parts == ["✓ measures", "✗ first-responsible", "✗ shortcomings", "✗ plans"]
    marks = [m.attrs["title"] for m in article.iter("mark")]
    assert any(t.startswith("unknown-directive（warning）：") for t in marks)
    missing = tree.by_id("overview-table").find("tbody").find("ul", **{"class": "missing"})
    assert [li.text for li in missing.find_all("li")] == [
        "missing: first-responsible",
        "missing: shortcomings",
        "missing: plans",
    ]


# -- bilingual usage errors ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["check", "-j", "-1", "a.txt"],
            "用法错误：'--jobs' / '-j' 的值无效：“-1”超出范围，应为不小于 0 的整数 / usage error: "
            "Invalid value for '--jobs' / '-j': -1 is not in the range x>=0.",
        ),
        (
            ["check", "-j", "abc", "a.txt"],
            "用法错误：'--jobs' / '-j' 的值无效：“abc”不是整数 / usage error: Invalid value for "
            "'--jobs' / '-j': 'abc' is not a valid integer range.",
        ),
        (
            ["check", "a.txt", "--lang", "fr"],
            "用法错误：'--lang' 的值无效：“fr”不是可选值，可选：zh、en / usage error: Invalid "
            "value for '--lang': 'fr' is not one of 'zh', 'en'.",
        ),
        (
            ["check", "a.txt", "--format"],
            "用法错误：选项 --format 后面缺少值 / usage error: Option '--format' requires an "
            "argument.",
        ),
        (
            ["check", "--fromat", "json", "a.txt"],
            "用法错误：没有选项 --fromat（是不是 --format？） / usage error: No such option "
            "'--fromat'. Did you mean '--format'?",
        ),
        (
            ["rules", "extra"],
            "用法错误：多余的参数：extra / usage error: Got unexpected extra argument (extra)",
        ),
        (
            ["schema"],
            "用法错误：缺少参数 '{pack|config}'，可选：pack、config / usage error: Missing "
            "argument '{pack|config}'. Choose from: pack, config",
        ),
        (
            ["schema", "xml"],
            "用法错误：'{pack|config}' 的值无效：“xml”不是可选值，可选：pack、config / usage "
            "error: Invalid value for '{pack|config}': 'xml' is not one of 'pack', 'config'.",
        ),
        (
            ["explain"],
            "用法错误：缺少参数 'RULE_ID' / usage error: Missing argument 'RULE_ID'.",
        ),
        (
            ["chek", "a.txt"],
            "用法错误：没有命令“chek”（是不是 check、schema？） / usage error: No such "
            "command 'chek'. (Did you mean one of: 'check', 'schema'?)",
        ),
        (
            ["bogus"],
            "用法错误：没有命令“bogus”（lawlint --help 列出全部命令） / usage error: No such "
            "command 'bogus'.",
        ),
    ],
)
def test_usage_errors_say_what_is_wrong_in_chinese_first(args: list[str], line: str) -> None:
    result = CliRunner().invoke(main, args, prog_name="lawlint")
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[-1] == "lawlint: " + line
    assert lines[0].startswith("用法 / Usage: lawlint")
    assert lines[1].startswith("运行 'lawlint") and "查看帮助 / Try 'lawlint" in lines[1]
    assert not any(li.startswith("Error:") for li in lines)  # click's English-only line


def test_a_directory_given_where_a_folder_is_wanted_is_said_in_chinese(tmp_path: Path) -> None:
    target = draft(tmp_path, "x")
    result = CliRunner().invoke(main, ["init", str(target)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"lawlint: 用法错误：'[DIRECTORY]' 的值无效：“{target}”这是文件，应为文件夹 / usage "
        f"error: Invalid value for '[DIRECTORY]': Directory '{target}' is a file."
    )


def test_a_folder_given_as_the_output_file_is_said_in_chinese(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", CLEAN, "-o", str(tmp_path)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"lawlint: 用法错误：'--output-file' / '-o' 的值无效：“{tmp_path}”这是文件夹，应为文件"
        f" / usage error: Invalid value for '--output-file' / '-o': File '{tmp_path}' is a "
        "directory."
    )


def test_a_missing_file_is_an_input_error_in_both_languages() -> None:
    code, out, err = check("no-such-report.txt")
    assert code == 2
    assert err == "lawlint: no-such-report.txt: 文件不存在 / no such file\n"
    assert out == (
        "检查了 1 个文件，1 个文件无法读取，未发现问题。\n"
        "1 file checked, 1 unreadable, no findings.\n"
    )


# -- the quoted line fits the width ---------------------------------------------------------

LONG = (
    "2024年，"
    + "开展法治宣传活动，" * 8
    + "培训干部132人次,效果良好。"
    + "组织专题讲座，" * 6
    + "覆盖群众。"
)


def test_excerpt_keeps_a_short_line_whole() -> None:
    assert excerpt("开展培训,普法。", 5, 6) == ("开展培训,普法。", "        ^")


@pytest.mark.parametrize("width", [40, 50, 80, 120])
def test_excerpt_cuts_a_long_line_around_the_span_within_the_width(width: int) -> None:
    col = LONG.index(",") + 1
    quote, carets = excerpt(LONG, col, col + 1, width)
    assert display_width(quote) <= width - 9  # the gutter takes nine cells
    assert quote.startswith("…") and quote.endswith("…")
    assert display_width(quote[: quote.index(",")]) == len(carets) - 1 and carets.endswith(" ^")
    assert "人次,效果" in quote
    # the room left is shared: the two sides differ by a character at most
    before, after = quote.split(",")
    assert abs(display_width(before) - display_width(after)) <= 2


def test_excerpt_at_80_columns_exactly() -> None:
    """80 columns: 71 cells after the gutter, two for the … marks, one for the span; 34
    either side (33 used before it: a Chinese character does not fit the last cell)."""
    col = LONG.index(",") + 1
    assert excerpt(LONG, col, col + 1, 80) == (
        "…开展法治宣传活动，培训干部132人次,效果良好。组织专题讲座，组织专题讲…",
        " " * 34 + "^",
    )


def test_excerpt_near_the_end_gives_the_room_to_the_left() -> None:
    line = "开展法治宣传活动，" * 10 + "如下:"
    quote, carets = excerpt(line, len(line), len(line) + 1, 50)
    assert quote == "…展法治宣传活动，开展法治宣传活动，如下:"  # nothing after: no …
    assert display_width(quote) == 40 and carets == " " * 39 + "^"


def test_excerpt_of_a_span_wider_than_the_room_shows_its_start() -> None:
    line = "前文" + "甲" * 100 + "后文"
    quote, carets = excerpt(line, 3, 103, 40)
    assert quote == "…" + "甲" * 14 + "…"
    assert carets == " " + "^" * 28


def test_excerpt_of_a_huge_line_measures_only_the_window() -> None:
    line = "开展" * 500_000 + "," + "普法" * 500_000  # 2 MB of text on one line
    col = line.index(",") + 1
    quote, carets = excerpt(line, col, col + 1, 60)
    assert quote == "…开展开展开展开展开展开展,普法普法普法普法普法普法…"
    assert carets == " " * 25 + "^"


def test_text_report_quotes_at_the_columns_given(tmp_path: Path) -> None:
    path = draft(tmp_path, f"{TITLE}\n{LONG}\n")
    for columns in ("50", "100"):
        code, out, _ = check(
            str(path), "--select", "halfwidth-punct", "-q", env={"COLUMNS": columns}
        )
        assert code == 0
        head, quote, carets = out.splitlines()
        message = "中文文本中使用了半角“,”，应改为全角“，”"
        assert head == f"{path}:2:{LONG.index(',') + 1}  警告  halfwidth-punct  {message}"
        assert display_width(quote) <= int(columns) and quote.startswith("     2 | …")
        assert display_width(quote[: quote.index(",")]) == len(carets) - 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal")
def test_on_a_terminal_the_report_fits_its_width_in_colour(tmp_path: Path) -> None:
    """The real thing: lawlint's standard output is a 60-column terminal (a pty)."""
    path = draft(tmp_path, f"{TITLE}\n{LONG}\n")
    out, err = _on_a_terminal(
        ["check", "--no-cache", "--select", "halfwidth-punct", "-q", str(path)], 60
    )
    assert err == ""
    assert "\x1b[" in out  # colour on a terminal, without --color
    lines = ESC.sub("", out).replace("\r\n", "\n").splitlines()
    assert lines[1].startswith("     2 | …") and display_width(lines[1]) <= 60
    assert display_width(lines[1][: lines[1].index(",")]) == len(lines[2]) - 1
    diff, _ = _on_a_terminal(
        ["check", "--no-cache", "--diff", "--select", "halfwidth-punct", str(path)], 60
    )
    assert "\x1b[7m,\x1b[0m" in diff and "\x1b[7m，\x1b[0m" in diff  # the changed characters
    piped = CliRunner().invoke(
        main, ["check", "--no-cache", "--diff", "--select", "halfwidth-punct", str(path)]
    )
    assert "\x1b" not in piped.stdout and "\n-" + LONG + "\n" in piped.stdout


def _on_a_terminal(args: list[str], columns: int) -> tuple[str, str]:
    """``lawlint ARGS`` with its standard output on a pseudo-terminal of ``columns``
    columns: what it wrote there, and its standard error."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "LINES")}
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lawlint", *args],
            stdout=slave,
            stderr=subprocess.PIPE,
            env=env,
        )
    finally:
        os.close(slave)
    chunks = []
    try:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    proc.wait(timeout=60)
    assert proc.stderr is not None
    return b"".join(chunks).decode("utf-8"), proc.stderr.read().decode("utf-8")


# -- readable quotes in messages -----------------------------------------------------------


def test_quoted_picks_corner_brackets_for_text_holding_a_quote_mark() -> None:
    assert quoted("依法行政") == "“依法行政”"
    assert quoted("“") == "「“」"
    assert quoted('"') == '「"」'
    assert quoted("“放管服”改革") == "「“放管服”改革」"


def test_a_halfwidth_quote_mark_is_named_readably(tmp_path: Path) -> None:
    path = draft(tmp_path, f'{TITLE}\n他说"依法行政"很重要。\n开展培训,普法。\n')
    _, out, _ = check(str(path), "--select", "halfwidth-punct", "-q")
    heads = [line for line in out.splitlines() if line.startswith(str(path))]
    assert heads == [
        f'{path}:2:3  警告  halfwidth-punct  中文文本中使用了半角「"」，应改为全角「“」',
        f'{path}:2:8  警告  halfwidth-punct  中文文本中使用了半角「"」，应改为全角「”」',
        f"{path}:3:5  警告  halfwidth-punct  中文文本中使用了半角“,”，应改为全角“，”",
    ]
    items = json.loads(check(str(path), "--select", "halfwidth-punct", "--format", "json")[1])
    assert items[0]["message"] == '中文文本中使用了半角「"」，应改为全角「“」'
    assert items[0]["fix"] == {"replacement": "“"}  # the contract is the same


def test_a_topic_name_holding_quote_marks_is_quoted_in_corner_brackets(tmp_path: Path) -> None:
    path = draft(tmp_path, f"{TITLE}\n一、主要举措和成效\n开展培训3次。\n")
    _, out, _ = check(str(path), "--select", "topic-missing", "-q")
    head = out.splitlines()[0]
    assert "、「“放管服”改革与法治化营商环境」、" in head and "““" not in head
    assert "、「普法（谁执法谁普法、“八五”普法）」、" in head


# -- (二)、 is one finding --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("（二）、完善制度", "（二）、"),
        ("(二)、完善制度", "(二)、"),
        ("(二)，完善制度", "(二)，"),
        ("(二).完善制度", "(二)."),
    ],
)
def test_a_bracketed_marker_with_punctuation_is_one_finding(
    tmp_path: Path, line: str, marker: str
) -> None:
    path = draft(tmp_path, f"{TITLE}\n一、主要举措和成效\n（一）加强领导\n{line}\n")
    _, out, _ = check(str(path), "--select", "gb-typography", "-q")
    heads = [h for h in out.splitlines() if h.startswith(str(path))]
    assert heads == [
        f"{path}:4:1  警告  heading-marker  标题序号写法错误：括号序号后不加标点："
        f"“{marker}”应写作“（二）”"
    ]


# -- a page copy's metadata rows ---------------------------------------------------------------

PAGE = (
    "首页 > 政务公开 > 法治政府建设\n"
    "索引号：11330100/2024-00123 \n"
    "发布机构：云溪县司法局\n"
    "文号：云司发[2024]3号\n"
    "发布日期：2025.03.15  浏览次数：１２３\n"
    "来源: 云溪县司法局   时间：去年\n"
    f"{TITLE}\n"
    "一、主要举措和成效\n"
    "开展培训,普法3次。\n"
    "时间：2024.03.15，文号：云司发[2024]5号。\n"
)


def test_metadata_rows_of_a_page_copy_are_not_linted(tmp_path: Path) -> None:
    path = draft(tmp_path, PAGE)
    _, out, _ = check(str(path), "--format", "json")
    lines = sorted({(f["line"], f["rule"]) for f in json.loads(out) if f["line"] != 7})
    # rows 2-6 would give trailing-space, doc-number-bracket, dotted-date,
    # fullwidth-alnum, halfwidth-punct and relative-time findings; below the first
    # heading the same words are the report's and are linted
    assert lines == [
        (8, "topic-missing"),
        (9, "halfwidth-punct"),
        (10, "doc-number-bracket"),
        (10, "dotted-date"),
    ]


def test_a_widget_row_with_a_bracket_is_a_metadata_row(tmp_path: Path) -> None:
    # set E: a page's font-size widget under the title, "• 字体【      】", gave a
    # cjk-space finding
    path = draft(tmp_path, f"{TITLE}\n  • 字体【      】\n一、主要举措和成效\n开展培训 3次。\n")
    _, out, _ = check(str(path), "--format", "json", "--select", "gb-typography")
    assert [(f["line"], f["column"], f["rule"]) for f in json.loads(out)] == [(4, 5, "cjk-space")]


def test_fix_never_rewrites_a_metadata_row(tmp_path: Path) -> None:
    path = draft(tmp_path, PAGE)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "-q", str(path)])
    assert result.exit_code == 1  # section-missing is left
    fixed = path.read_text(encoding="utf-8").split("\n")
    assert fixed[:7] == PAGE.split("\n")[:7]  # byte for byte
    assert fixed[8:10] == ["开展培训，普法3次。", "时间：2024.03.15，文号：云司发〔2024〕5号。"]


def test_metadata_rows_in_markdown_are_not_linted_either(tmp_path: Path) -> None:
    path = draft(
        tmp_path, "发布日期：2025.03.15\n\n# " + TITLE + "\n\n## 一、主要举措和成效\n", "r.md"
    )
    _, out, _ = check(str(path), "--format", "json", "--select", "dotted-date")
    assert json.loads(out) == []


# -- a title's year on its own line -------------------------------------------------------------


@pytest.mark.parametrize(
    ("year_line", "linted"),
    [
        ("（2024年度）", False),
        ("(2024年)", False),
        ("2024年度", False),
        ("（２０２４年度）", False),
        ("（二〇二四年度）", False),
        ("（2024年度", True),  # a bracket left open: not a year line
        ("（征求意见稿）", True),
    ],
)
def test_a_year_on_the_line_under_the_title_is_the_report_year(
    tmp_path: Path, year_line: str, linted: bool
) -> None:
    text = f"云溪县法治政府建设年度报告\n{year_line}\n一、主要举措和成效\n开展培训3次。\n"
    path = draft(tmp_path, text)
    code, out, _ = check(str(path), "--select", "title-format", "-q")
    assert code == (1 if linted else 0)
    expected = f"{path}:1:1  错误  title-format  标题不规范：标题中没有报告年度（如“2024年”）"
    assert (out.splitlines()[:1] == [expected]) is linted

"""A text that stops short — a draft saved half-written, a page cut off when it was
copied (the page store keeps about 2,000 characters): ``text-truncated`` says where,
``section-missing`` is a warning there, and an opening mark in the unfinished sentence
is not an unpaired mark."""

from __future__ import annotations

import pytest
from conftest import spots

TITLE = "青禾县2024年法治政府建设年度报告\n"
MEASURES = (
    "一、2024年推进法治政府建设的主要举措和成效\n"
    "全年审核行政规范性文件12件，办理行政复议案件3件。\n"
)
SIGNATURE = "\n青禾县人民政府\n2025年2月18日\n"


def test_a_text_cut_in_a_sentence(lint) -> None:
    text = TITLE + MEASURES + "县长主持召开常务会议专题研究法治工作4次，群众满意度\n"
    found = lint(text)
    assert spots(found, "text-truncated") == [("text-truncated", 4, 1)]
    cut = next(f for f in found if f.rule == "text-truncated")
    assert cut.message == (
        "正文不完整：正文在句子中间结束（“……法治工作4次，群众满意度”），"
        "可能没写完或复制时被截断，请补全"
    )
    assert cut.data == {"problem": "sentence", "line": 4}
    missing = [f for f in found if f.rule == "section-missing"]
    assert [f.data["section"] for f in missing] == ["shortcomings", "plans"]
    assert {f.severity for f in missing} == {"warning"}
    assert {f.data["truncated_at"] for f in missing} == {4}
    assert missing[0].message == (
        "缺少年度报告必备内容：存在的不足和原因（正文在第4行中断，此部分可能在中断处之后）"
    )


def test_the_unfinished_sentence_starts_after_the_last_sentence_end(lint) -> None:
    text = TITLE + MEASURES + "全年调解纠纷40起。县长带头学法，全年"
    assert spots(lint(text, "text-truncated")) == [("text-truncated", 4, 11)]


def test_a_text_ending_on_an_empty_heading(lint) -> None:
    text = TITLE + MEASURES + "二、规范\n"
    found = lint(text, "text-truncated")
    assert spots(found) == [("text-truncated", 4, 1)]
    assert found[0].data == {"problem": "heading", "line": 4}
    assert "正文以标题“二、规范”结束，其下没有内容" in found[0].message


@pytest.mark.parametrize(
    ("ending", "line"),
    [
        ("（一）加强统筹。全年调解纠纷40起。\n（二）强化纠纷排查\n", 5),  # after text
        ("3.\n", 4),  # a bare number
        ("全年调解纠纷40起。\n二\n", 5),  # a part's numeral cut before its 、 (set Z32)
        ("（二）加强执法监督。全年评查案卷40卷。\n（三）\n", 5),  # a bare bracketed number (set N)
        ("全年调解纠纷40起。\n\n(\n", 6),  # the first character of "(三)" (set Z40)
        ("（一）加强执法队伍建设\n（二）推进政务公开，\n", 5),  # stops at a pause
        # set K: a part heading, then the first heading under it, and nothing more
        ("二、依法全面履行政府职能，完善依法行政制度体系\n（一）加大镇级简政\n", 5),
    ],
)
def test_a_heading_after_text_or_stopping_midway_is_cut(lint, ending: str, line: int) -> None:
    found = lint(TITLE + MEASURES + ending, "text-truncated")
    assert spots(found) == [("text-truncated", line, 1)]
    assert found[0].data["problem"] == "heading"


def test_a_list_of_bare_headings_or_items_ends_finished(lint) -> None:
    plans = "二、2025年工作安排\n（一）加强执法队伍建设\n（二）完善合法性审查机制\n"
    assert spots(lint(TITLE + MEASURES + plans, "text-truncated")) == []
    markdown = (
        "# 青禾县2024年法治政府建设年度报告\n\n## 一、主要举措和成效\n\n"
        "全年审核规范性文件12件。\n\n## 二、2025年工作安排\n\n"
        "- 加强执法队伍建设\n- 完善合法性审查机制\n"
    )
    assert spots(lint(markdown, "text-truncated", markdown=True)) == []


@pytest.mark.parametrize(
    "ending",
    [
        "全年调解纠纷40起。\n",
        SIGNATURE,
        "全年调解纠纷40起。\n\n抄送：县委办公室\n青禾县人民政府办公室 2025年2月18日印发\n",
        # page furniture under a finished web copy is stepped over
        "全年调解纠纷40起。\n【打印】【关闭】\n扫一扫在手机打开当前页\n",
        # a quotation ends the sentence after its own sentence mark
        "正如群众所说：“办事更方便了。”\n",
        "（此件公开发布）\n",
    ],
)
def test_a_finished_text_is_not_truncated(lint, ending: str) -> None:
    found = lint(TITLE + MEASURES + ending)
    assert spots(found, "text-truncated") == []
    assert {f.severity for f in found if f.rule == "section-missing"} == {"error"}


@pytest.mark.parametrize(
    ("last", "column"),
    [
        # a closing mark with no sentence mark before it closes a name, not a sentence
        ("压实责任，形成“书记抓、抓书记”", 1),
        ("推进《安全生产法》《危险化学品安全法》", 1),
        # prose that mentions 备案 or 印发 is not page furniture or a 版记 row
        ("严格落实规范性文件备案审查，会后印发问题交办单和", 1),
    ],
)
def test_a_sentence_cut_after_a_closing_mark_or_a_furniture_word(
    lint, last: str, column: int
) -> None:
    found = lint(TITLE + MEASURES + last + "\n【打印】\n", "text-truncated")
    assert spots(found) == [("text-truncated", 4, column)]


def test_an_opening_mark_cut_off_with_the_sentence_is_not_unpaired(lint) -> None:
    text = TITLE + MEASURES + "制定防控措施，“不敢腐、不\n"
    found = lint(text)
    assert spots(found, "unpaired-mark") == []
    assert spots(found, "text-truncated") == [("text-truncated", 4, 1)]
    # an unpaired mark before the unfinished sentence is still the draft's fault
    text = TITLE + MEASURES + "学习《民法典。制定防控措施，“不敢腐、不\n"
    assert spots(lint(text, "unpaired-mark")) == [("unpaired-mark", 4, 3)]


def test_a_configuration_that_made_section_missing_info_keeps_it_info(tmp_path) -> None:
    import json
    import subprocess
    import sys

    (tmp_path / ".lawlint.yaml").write_text("rules:\n  section-missing: info\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text(TITLE + MEASURES + "县长带头学法，全年\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lawlint", "check", "--no-cache", "--format", "json", "draft.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    found = json.loads(result.stdout)
    assert {f["severity"] for f in found if f["rule"] == "section-missing"} == {"info"}
    assert [f["line"] for f in found if f["rule"] == "text-truncated"] == [4]


def test_topic_missing_on_a_cut_text_says_the_work_may_come_after_the_cut(lint) -> None:
    cut = TITLE + MEASURES + "县长主持召开常务会议专题研究法治工作4次，群众满意度\n"
    (found,) = lint(cut, "topic-missing")
    assert spots([found]) == [("topic-missing", 2, 3)]
    assert found.data["truncated_at"] == 4
    assert found.message.endswith("请确认是否遗漏（正文在第4行中断，这些工作可能写在中断处之后）")
    # a finished text: no note
    (whole,) = lint(TITLE + MEASURES + "全年调解纠纷40起。\n", "topic-missing")
    assert "truncated_at" not in whole.data
    assert whole.message.endswith("请确认是否遗漏")

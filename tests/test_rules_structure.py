"""Structure rules (pack fazhi-annual-report): exact findings on Chinese text."""

from __future__ import annotations

import pytest
from conftest import spots

from lawlint.lint.engine import Linter
from lawlint.packs.loader import load_packs

FULL = """云溪县青禾镇2024年法治政府建设年度报告
一、2024年推进法治政府建设的主要举措和成效
全年审核行政规范性文件12件。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记讲法治课2次。
三、存在的不足和原因
执法力量不足，主要原因是编制有限。
四、2025年推进法治政府建设的主要安排
2025年完成执法人员轮训。
"""


def test_complete_report_has_no_structure_finding(lint) -> None:
    assert lint(FULL, "section-missing") == []
    assert lint(FULL, "title-format") == []


def test_each_missing_part_is_one_finding_on_the_title(lint) -> None:
    text = FULL.replace("三、存在的不足和原因\n执法力量不足，主要原因是编制有限。\n", "")
    text = text.replace("四、", "三、")
    found = lint(text, "section-missing")
    assert spots(found) == [("section-missing", 1, 1)]
    assert found[0].data == {"section": "shortcomings"}
    assert found[0].severity == "error"
    assert "存在的不足和原因" in found[0].message


def test_parts_recognised_by_content_renamed_and_reordered(lint) -> None:
    text = """青禾镇2024年度法治政府建设情况报告
一、主要工作和成效
（一）党政主要负责人履行推进法治建设第一责任人职责
审核合同35份。
二、下一步工作打算
2025年开展普法验收。
三、存在的问题
执法力量较弱。
"""
    assert lint(text, "section-missing") == []


def test_first_responsible_as_a_paragraph_of_its_own(lint) -> None:
    text = FULL.replace(
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记讲法治课2次。\n",
        "镇党委书记切实履行推进法治建设第一责任人职责，讲法治课2次。\n",
    )
    assert lint(text, "section-missing") == []


def test_the_leaders_duty_reported_within_the_measures(lint) -> None:
    text = FULL.replace(
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记讲法治课2次。\n",
        "镇党委召开会议4次。书记带头履行第一责任人职责。\n",
    )
    assert lint(text, "section-missing") == []
    # the preamble announcing the report is not the report
    preamble = FULL.replace(
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记讲法治课2次。\n", ""
    ).replace(
        "一、2024年", "我镇认真履行推进法治建设第一责任人职责，现将情况报告如下：\n一、2024年"
    )
    found = lint(preamble, "section-missing")
    assert [f.data["section"] for f in found] == ["first-responsible"]


def test_measures_heading_with_a_year_is_not_plans(lint) -> None:
    text = (
        "青禾镇2024年法治政府建设年度报告\n一、2024年推进法治政府建设的主要举措和成效\n审核12件。\n"
    )
    missing = [f.data["section"] for f in lint(text, "section-missing")]
    assert missing == ["first-responsible", "shortcomings", "plans"]


def test_title_missing_year_and_zongjie(lint) -> None:
    assert spots(lint("青禾镇2024年法治政府建设工作总结\n一、主要举措\n", "title-format")) == [
        ("title-format", 1, 17)
    ]
    no_year = lint("青禾镇法治政府建设年度报告\n一、主要举措\n", "title-format")
    assert spots(no_year) == [("title-format", 1, 1)]
    assert no_year[0].data == {"problem": "no-year"}
    missing = lint("2024年，我镇坚持依法行政。\n一、主要举措\n", "title-format")
    assert spots(missing) == [("title-format", 1, 1)]
    assert missing[0].data == {"problem": "missing"}


def test_breadcrumb_is_not_the_title(lint) -> None:
    text = "首页 > 法治政府建设年度报告\n青禾镇2024年法治政府建设年度报告\n一、主要举措\n"
    assert lint(text, "title-format") == []


def test_report_organised_by_theme_has_its_measures(lint) -> None:
    text = """云溪县2024年法治政府建设年度报告
一、坚持党的领导，压实法治建设责任
县委常委会听取法治建设汇报4次。
二、深化依法行政，规范行政执法行为
审核规范性文件12件。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县长带头讲法治课2次。
四、存在的不足和原因
执法力量不足，主要原因是编制有限。
五、2025年工作安排
完成执法人员轮训。
"""
    assert lint(text, "section-missing") == []
    sections = lint(text.replace("二、深化依法行政，规范行政执法行为\n审核规范性文件12件。\n", ""))
    assert not [f for f in sections if f.rule == "section-missing"]


def test_first_responsible_after_a_run_in_heading_or_as_an_item(lint) -> None:
    base = FULL.replace(
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记讲法治课2次。\n", "{}"
    )
    run_in = "3.压实法治责任。严格落实党政主要负责人履行推进法治建设第一责任人职责，讲法治课2次。\n"
    item = "镇党委召开会议4次。一是镇党委书记认真履行推进法治建设第一责任人职责；二是学法2次。\n"
    title = "镇党委召开会议4次，学习《党政主要负责人履行推进法治建设第一责任人职责规定》。\n"
    assert lint(base.format(run_in), "section-missing") == []
    assert lint(base.format(item), "section-missing") == []
    missing = lint(base.format(title), "section-missing")
    assert [f.data["section"] for f in missing] == ["first-responsible"]


def test_unnumbered_theme_lines_are_the_measures(lint) -> None:
    text = """司法部2024年法治政府建设年度报告
2024年，司法部扎实推进法治政府建设。
统筹推进法治政府建设高质量发展
召开部党组会6次，举办培训班7期。
持续深化行政执法体制改革
审核规章草案12件。
"""
    missing = [f.data["section"] for f in lint(text, "section-missing")]
    assert missing == ["first-responsible", "shortcomings", "plans"]


def test_first_responsible_after_a_short_item_heading(lint) -> None:
    text = FULL.replace(
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记讲法治课2次。\n",
        "三是提升领导干部法治素养。落实党政主要负责人履行推进法治建设第一责任人职责，学法4次。\n",
    )
    assert lint(text, "section-missing") == []


def test_a_measure_that_solves_problems_is_not_the_shortcomings(lint) -> None:
    text = FULL.replace("三、存在的不足和原因\n执法力量不足，主要原因是编制有限。\n", "").replace(
        "全年审核行政规范性文件12件。\n",
        "（一）及时解决群众反映存在的问题，共化解纠纷12起。\n",
    )
    assert [f.data["section"] for f in lint(text, "section-missing")] == ["shortcomings"]


# A 2023 report: its plans look to 2024, its measures are 2023's.
REPORT_2023 = """南岭县2023年法治政府建设年度报告
一、2023年主要工作
全年审核行政规范性文件12件。
二、党政主要负责人履行推进法治建设第一责任人职责情况
县长主持召开常务会议专题研究法治政府建设4次。
三、存在的不足和原因
基层执法力量不足，主要原因是编制有限。
四、{plans}
完成行政执法人员全员培训。
"""


@pytest.mark.parametrize(
    "heading",
    [
        "2024年重点工作",
        "2024年工作要点",
        "2024年主要任务",
        "2024年法治政府建设重点任务",
        "扎实做好2024年法治政府建设工作",
        "锚定目标任务，扎实推进2024年法治政府建设",
    ],
)
def test_plans_heading_naming_the_next_year(lint, heading: str) -> None:
    assert lint(REPORT_2023.format(plans=heading), "section-missing") == []
    # the same words for the report year are the measures, not the plans
    same_year = REPORT_2023.format(plans=heading.replace("2024", "2023"))
    found = lint(same_year, "section-missing")
    assert spots(found) == [("section-missing", 1, 1)]
    assert found[0].data == {"section": "plans"}


def test_measures_headings_of_the_report_year_are_not_plans(lint) -> None:
    text = REPORT_2023.replace("四、{plans}\n完成行政执法人员全员培训。\n", "").replace(
        "全年审核", "（一）扎实推进2023年重点任务\n全年审核"
    )
    found = lint(text, "section-missing")
    assert spots(found) == [("section-missing", 1, 1)]
    assert found[0].data == {"section": "plans"}


def test_the_configured_report_year_decides_the_next_year() -> None:
    text = REPORT_2023.format(plans="2024年重点工作").replace("南岭县2023年", "南岭县")
    untitled = Linter(load_packs())
    missing = [f.data["section"] for f in untitled.lint_text(text) if f.rule == "section-missing"]
    assert missing == ["plans"]  # no year in the title: 2024 could be anything
    configured = Linter(load_packs(), report_year=2023)
    assert [f for f in configured.lint_text(text) if f.rule == "section-missing"] == []


@pytest.mark.parametrize(
    "opening",
    [
        "2024年，县政府将完成行政执法人员全员培训。",
        "下一步，我县将完成行政执法人员全员培训。",
        "下一年度，县政府将重点推进执法规范化建设。",
        "2024年工作安排如下：完成行政执法人员全员培训。",
    ],
)
def test_plans_opening_without_a_heading(lint, opening: str) -> None:
    text = REPORT_2023.replace("四、{plans}\n完成行政执法人员全员培训。\n", opening + "\n")
    assert lint(text, "section-missing") == []


@pytest.mark.parametrize(
    "measure",
    [
        # a measure's paragraph that ends by looking ahead is not the plans
        "全年审核行政规范性文件12件。下一步将继续加强审核。",
        "全年审核行政规范性文件12件。下一步，我县将继续加强审核。",
        # a paragraph of the report year opens the measures
        "2023年，县政府将规范性文件全部纳入审核。",
    ],
)
def test_plans_words_inside_the_measures_are_not_the_plans(lint, measure: str) -> None:
    text = REPORT_2023.replace("四、{plans}\n完成行政执法人员全员培训。\n", "").replace(
        "全年审核行政规范性文件12件。", measure
    )
    found = lint(text, "section-missing")
    assert spots(found) == [("section-missing", 1, 1)]
    assert found[0].data == {"section": "plans"}


def test_measures_paragraph_looking_ahead_is_not_the_plans(lint) -> None:
    # corpus 007: "下一步,我镇将……" closes a paragraph of the 成效 section
    measure = (
        "（一）深入学习贯彻党的二十大精神\n我镇召开干部职工会议3次，传达学习党的二十大精神。"
        "下一步，我镇将迅速在全镇范围内掀起学习贯彻党的二十大精神热潮。\n"
    )
    text = REPORT_2023.replace("四、{plans}\n完成行政执法人员全员培训。\n", "").replace(
        "全年审核行政规范性文件12件。\n", measure
    )
    assert [f.data["section"] for f in lint(text, "section-missing")] == ["plans"]


@pytest.mark.parametrize(
    "heading", ["困难和问题", "需要改进的方面", "面临的困难和挑战", "存在的问题及整改措施"]
)
def test_shortcomings_headings(lint, heading: str) -> None:
    text = FULL.replace("三、存在的不足和原因", "三、" + heading)
    assert lint(text, "section-missing") == []


@pytest.mark.parametrize(
    "opening",
    [
        "同时，我县法治政府建设还存在一些不足，主要原因是编制有限。",
        "我们也清醒地看到，全县法治政府建设还存在一些不足和问题。",
        "在肯定成绩的同时，我们也清醒地认识到存在的问题和不足。",
        "在肯定成绩的同时，我们也清醒地看到，全县法治政府建设还存在一些不足。",
    ],
)
def test_shortcomings_opening_after_the_turn_from_the_achievements(lint, opening: str) -> None:
    text = REPORT_2023.format(plans="2024年重点工作").replace(
        "三、存在的不足和原因\n基层执法力量不足，主要原因是编制有限。\n", opening + "\n"
    )
    assert lint(text, "section-missing") == []


@pytest.mark.parametrize(
    "measure",
    [
        "（三）帮助企业解决面临的困难和问题\n走访企业36家。",
        "（三）聚焦企业面临的困难，优化营商环境\n走访企业36家。",
        "同时，及时解决群众反映存在的问题，化解纠纷12起。",
        "在严格执法的同时，也注重解决群众反映的问题。",
        "我们认识到，解决群众反映存在的问题是法治政府建设的重要任务。",
        "（三）中央督察反馈存在问题整改情况\n整改完成23项。",
        "针对执法中仍存在的问题，开展专项检查12次。",
        "存在问题整改完成率：100%",
    ],
)
def test_measures_dealing_with_problems_are_not_the_shortcomings(lint, measure: str) -> None:
    text = REPORT_2023.format(plans="2024年重点工作").replace(
        "三、存在的不足和原因\n基层执法力量不足，主要原因是编制有限。\n", ""
    )
    text = text.replace(
        "全年审核行政规范性文件12件。\n", f"全年审核行政规范性文件12件。\n{measure}\n"
    )
    found = lint(text, "section-missing")
    assert spots(found) == [("section-missing", 1, 1)]
    assert found[0].data == {"section": "shortcomings"}


@pytest.mark.parametrize("heading", ["存在的不足和2024年工作安排", "存在问题及下一步工作打算"])
def test_heading_joining_the_shortcomings_and_the_plans(lint, heading: str) -> None:
    text = REPORT_2023.replace(
        "三、存在的不足和原因\n基层执法力量不足，主要原因是编制有限。\n四、{plans}\n",
        f"三、{heading}\n部分执法人员业务能力有待提升，主要原因是培训不足。\n",
    )
    found = lint(text)
    assert spots(found, "section-missing") == []
    assert spots(found, "vague-quantity") == []  # 部分 states a shortcoming
    # each part alone is not both
    alone = REPORT_2023.replace("四、{plans}\n完成行政执法人员全员培训。\n", "")
    assert [f.data["section"] for f in lint(alone, "section-missing")] == ["plans"]


def test_heading_joining_the_measures_and_the_plans(lint) -> None:
    text = REPORT_2023.replace("一、2023年主要工作", "一、2023年主要工作和2024年工作打算")
    text = text.replace("四、{plans}\n完成行政执法人员全员培训。\n", "")
    assert lint(text, "section-missing") == []


@pytest.mark.parametrize(
    "heading",
    [
        "（二）依法做好行政复议和行政应诉工作",
        "（二）完善制度和工作计划",
    ],
)
def test_measures_heading_joining_topics_names_no_other_part(lint, heading: str) -> None:
    text = REPORT_2023.replace("四、{plans}\n完成行政执法人员全员培训。\n", "").replace(
        "全年审核行政规范性文件12件。\n",
        f"全年审核行政规范性文件12件。\n{heading}\n办理案件3件。\n",
    )
    found = lint(text, "section-missing")
    assert spots(found) == [("section-missing", 1, 1)]
    assert found[0].data == {"section": "plans"}


_T = "青禾镇2024年法治政府建设年度报告\n"
_MEASURES = "一、主要举措和成效\n全年审核规范性文件12件。\n"
_FIRST = "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记召开会议4次。\n"
_SHORT = "三、存在的不足和原因\n执法人员不足，主要原因是编制有限。\n"
_PLANS = "四、2025年工作安排\n2025年，我镇将加强培训。\n"


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        # the leader's duty said with other verbs (red-team round 2)
        (
            _T
            + "一、主要举措和成效\n镇党委书记当好法治建设第一责任人，召开会议4次。\n"
            + _SHORT
            + _PLANS,
            [],
        ),
        (_T + _MEASURES + _FIRST + _SHORT + "四、下步工作打算\n继续加强执法培训。\n", []),
        (_T + _MEASURES + _FIRST + _SHORT + "四、下一阶段工作安排\n继续加强执法培训。\n", []),
        (_T + _MEASURES + _FIRST + _SHORT + "四、新一年工作打算\n继续加强执法培训。\n", []),
        (_T + _MEASURES + _FIRST + _SHORT + "四、下步工作举措\n继续加强执法培训。\n", []),
        (
            _T
            + _MEASURES
            + _FIRST
            + "三、短板弱项及原因\n执法人员不足，主要原因是编制有限。\n"
            + _PLANS,
            [],
        ),
        (
            _T
            + _MEASURES
            + "我镇法治政府建设取得了一定成效，但也存在一些不足。执法人员不足。\n"
            + _FIRST
            + _PLANS,
            [],
        ),
        (
            _T + _MEASURES + "对照上级要求，我镇仍存在一些不足。执法人员不足。\n" + _FIRST + _PLANS,
            [],
        ),
        # measures that meet problems or shortcomings are not the shortcomings part
        (
            _T
            + _MEASURES
            + "对照问题清单，逐项整改存在的问题，整改完成率100%。\n"
            + _FIRST
            + _PLANS,
            ["shortcomings"],
        ),
        (
            _T
            + "一、主要举措和成效\n（一）补齐执法短板\n全年培训执法人员120人次。\n"
            + _FIRST
            + _PLANS,
            ["shortcomings"],
        ),
    ],
    ids=[
        "当好第一责任人",
        "下步工作打算",
        "下一阶段工作安排",
        "新一年工作打算",
        "下步工作举措",
        "短板弱项及原因",
        "但也存在一些不足",
        "对照…仍存在",
        "整改存在的问题",
        "补齐执法短板",
    ],
)
def test_more_ways_to_name_the_parts(lint, text: str, missing: list[str]) -> None:
    found = lint(text, "section-missing")
    assert [(f.data["section"], f.line, f.column) for f in found] == [(m, 1, 1) for m in missing]


def test_plans_opening_by_introducing_the_next_year(lint) -> None:
    text = (
        _T
        + _MEASURES
        + _FIRST
        + _SHORT
        + "2025年是“十四五”规划收官之年。我镇将继续加强执法培训。\n"
    )
    assert lint(text, "section-missing") == []
    # the report year introduced is not the plans
    intro = _T + "2024年是“十四五”规划关键之年。\n" + _MEASURES + _FIRST + _SHORT
    assert [f.data["section"] for f in lint(intro, "section-missing")] == ["plans"]

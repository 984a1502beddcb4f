"""Content rules (pack fazhi-content): exact findings on Chinese text, traps included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import spots

from lawlint.cli.main import main

TITLE = "青禾镇2024年法治政府建设年度报告\n"


def test_vague_quantity_on_words_not_substrings(lint) -> None:
    text = (
        "镇党委多次召开党委会议，坚持多措并举。\n"  # 多次 yes; 多措并举 no
        "构建多元化解、多方参与的格局，破解多头管理问题。\n"  # none
        "开展了大量普法宣传，制定若干条措施。\n"  # 大量, 若干条
        "组织培训20余次，培训500余人次，约300人参加多场活动。\n"  # figures in the clauses
    )
    found = lint(text, "vague-quantity")
    assert spots(found) == [
        ("vague-quantity", 1, 4),
        ("vague-quantity", 3, 4),
        ("vague-quantity", 3, 13),
    ]
    assert found[0].message == "“多次”是模糊数量，请写明具体数字（如“召开会议6次”）"
    assert found[2].end_column == 16  # 若干条 as jieba gives it


def test_vague_quantity_clause_traps(lint) -> None:
    text = (
        "认真学习《国务院关于加强法治政府建设的若干意见》。\n"  # inside a title
        "第一批试点单位已完成验收，本部分不再赘述。\n"  # ordinal / this part
        "多次召开研判会议，共计60余次。\n"  # a total follows
        "学习《宪法》《行政处罚法》等一系列法律法规。\n"  # sums up named items
        "2024年多次召开会议。\n"  # a year is not a figure: flagged
    )
    assert spots(lint(text, "vague-quantity")) == [("vague-quantity", 5, 6)]


def test_unsupported_claim(lint) -> None:
    text = (
        TITLE + "一、主要举措和成效\n"
        "通过专项整治，群众满意度显著提升。\n"
        "满意度由85%提升至93%，显著提升。\n"
        "2024年，败诉率明显下降。\n"
        "依据《青禾镇执法规范》，执法水平明显提高。\n"
        "三、存在的不足和原因\n"
        "执法水平有待显著提升。\n"
    )
    # a date before the claim's clause does not measure it (issue 14)
    assert spots(lint(text, "unsupported-claim")) == [
        ("unsupported-claim", 3, 13),
        ("unsupported-claim", 5, 10),
    ]


def test_unquantified_section_gives_the_share(lint) -> None:
    body = "镇党委高度重视法治政府建设。定期研究部署法治工作。扎实推进依法行政。深入开展普法宣传。"
    text = TITLE + "一、2024年推进法治政府建设的主要举措和成效\n" + body + "审核文件12件。\n"
    found = lint(text, "unquantified-section")
    assert spots(found) == [("unquantified-section", 2, 3)]
    assert found[0].message == (
        "“推进法治政府建设的主要举措和成效”部分 5 句中仅 1 句含具体数据（20%），请补充可量化的成效"
    )
    assert found[0].data == {"section": "measures", "sentences": 5, "with_figures": 1}


def test_unquantified_section_short_part_only_when_no_figure(lint) -> None:
    text = TITLE + "一、主要举措和成效\n镇党委高度重视。审核文件12件。\n"
    assert lint(text, "unquantified-section") == []
    none = TITLE + "一、主要举措和成效\n镇党委高度重视。2024年1月召开会议。\n"
    assert spots(lint(none, "unquantified-section")) == [("unquantified-section", 2, 3)]


def test_relative_time_suggests_the_year(lint) -> None:
    text = (
        TITLE + "今年以来，受理案件5件；去年受理3件。目前已全部办结。\n《关于今年普法工作的通知》\n"
    )
    found = lint(text, "relative-time")
    assert spots(found) == [
        ("relative-time", 2, 1),
        ("relative-time", 2, 13),
        ("relative-time", 2, 20),
    ]
    assert [f.message.split("请改为")[1] for f in found] == [
        "“2024年”",
        "“2023年”",
        "具体日期（如“截至××××年×月×日”）",
    ]


def test_partial_period(lint) -> None:
    text = (
        TITLE + "2024年1月至11月，共受理案件5件。\n"
        "截至11月底，累计调解纠纷36起。\n"
        "1—10月办理事项1200件。\n"
        "2024年1月至12月受理案件5件。\n"  # the whole year
        "1月至11月开展了专项整治。\n"  # no figure
        "2023年1—11月受理案件4件。\n"  # another year
    )
    assert spots(lint(text, "partial-period")) == [
        ("partial-period", 2, 6),
        ("partial-period", 3, 1),
        ("partial-period", 4, 1),
    ]


def test_year_mismatch(lint) -> None:
    text = (
        TITLE + "一、主要举措和成效\n"
        "2025年共办理案件5件。\n"
        "较2023年减少2件，计划于2025年建成系统，学习《纲要（2021—2025年）》。\n"
        "围绕起草2025年镇政府工作报告，召开会议3次。\n"  # set Z47: next year's report drafted
        "二、2025年推进法治政府建设的主要安排\n"
        "2024年，我镇将继续加强培训，到2027年实现全覆盖。\n"
    )
    found = lint(text, "year-mismatch")
    assert spots(found) == [("year-mismatch", 3, 1), ("year-mismatch", 7, 1)]
    assert [f.data["part"] for f in found] == ["done", "plans"]


def test_year_mismatch_plans_may_look_back_at_the_report_year(lint) -> None:
    """Plans cite the year just done; only a plan dated in the report year is wrong."""
    text = (
        TITLE + "四、2025年推进法治政府建设的主要安排\n"
        "（一）巩固创建成果。在2024年创建省级民主法治村1个的基础上，2025年再创建2个。\n"
        "（二）抓好述法评议。2025年第一季度完成村（社区）党组织书记2024年度述法评议工作。\n"
        "（三）抓好问题整改。针对2024年案卷评查发现的问题，2025年6月底前完成整改。\n"
        "（四）深化复议改革。巩固2024年行政复议法施行成果，2025年组织专题培训2期。\n"
        "2024年，我镇法治政府建设虽取得一定成效。2021年以来，我镇持续推进“枫桥经验”。\n"
        "2024年度述法评议工作于2025年第一季度完成。2024年创建的民主法治村要巩固提升。\n"
    )
    assert lint(text, "year-mismatch") == []


def test_year_mismatch_plans_dated_in_the_report_year(lint) -> None:
    text = (
        TITLE + "四、2025年推进法治政府建设的主要安排\n"
        "2024年重点抓好以下工作。\n"  # the year opens the sentence
        "（一）2024年重点任务\n"  # after a heading marker
        "加强执法培训。2023年，我镇将着力解决存在的问题。\n"  # the 将 is in the next clause
    )
    found = lint(text, "year-mismatch")
    assert spots(found) == [
        ("year-mismatch", 3, 1),
        ("year-mismatch", 4, 4),
        ("year-mismatch", 5, 8),
    ]
    assert (
        found[2].message == "年份与报告年度不符：“下一年度主要安排”应写2025年的安排，此处为2023年"
    )


def test_year_mismatch_measures_dates_of_entry_into_force_and_targets(lint) -> None:
    text = (
        TITLE + "一、主要举措和成效\n"
        "2024年12月，镇政府印发《青山镇行政执法公示办法》，2025年1月1日起施行。\n"
        "2024年11月，镇政府修订《青山镇村规民约指导意见》，新版本于2025年1月1日起施行。\n"
        "镇政府于2024年12月组织专题培训，为2025年1月1日施行的新制度做好准备。\n"
        "2024年，全镇对照2025年“八五”普法总结验收标准开展自查。\n"
        "2024年评查结果已于2025年1月通报。2025年，全镇共受理行政复议案件3件。\n"
    )
    found = lint(text, "year-mismatch")
    assert spots(found) == [("year-mismatch", 7, 12), ("year-mismatch", 7, 22)]
    assert [f.data["part"] for f in found] == ["done", "done"]


def test_year_mismatch_in_the_headings_of_the_parts(lint) -> None:
    text = (
        "明湖区人民政府关于2021年度法治政府建设情况的报告\n"
        "一、2022年推进法治政府建设的主要举措和成效\n"
        "全年办理行政复议案件5件。\n"
        "二、2021年推进法治政府建设的主要安排\n"
        "加强执法培训。\n"
    )
    found = lint(text, "year-mismatch")
    assert spots(found) == [("year-mismatch", 2, 3), ("year-mismatch", 4, 3)]
    assert [f.message for f in found] == [
        "年份与报告年度不符：“主要举措和成效”标题中的2022年与报告年度（2021年）不符",
        "年份与报告年度不符：“下一年度主要安排”标题应为2022年，此处为2021年",
    ]
    assert [f.data for f in found] == [
        {"year": 2022, "report_year": 2021, "part": "done"},
        {"year": 2021, "report_year": 2021, "part": "plans"},
    ]
    good = (
        TITLE + "一、2021年以来法治政府建设主要成效\n全年办理案件5件。\n"
        "二、坚持依法决策\n审核文件3件。\n"  # a theme heading: no year to compare
        "三、巩固2024年成果，谋划2025年工作安排\n加强执法培训。\n"
    )
    assert lint(good, "year-mismatch") == []


def test_year_mismatch_sub_headings_that_sound_like_the_other_part(lint) -> None:
    """A measure headed "……计划" is not the plans part, a plan headed "……成效" not the
    measures; a heading with no end mark does not join the clause of the next line."""
    text = (
        TITLE + "一、2024年推进法治政府建设的主要举措和成效\n"
        "（一）制定2024年度普法工作计划\n"
        "2024年，我镇组织普法活动12场。\n"  # a measure, not a dated plan
        "二、2025年推进法治政府建设的主要安排\n"
        "（一）巩固执法成效\n"
        "2025年组织专题培训2期。\n"  # a plan, not work done in 2025
        "（二）加强执法培训\n"
        "2024年，我镇将组织执法培训。\n"  # a dated plan under a heading
    )
    assert spots(lint(text, "year-mismatch")) == [("year-mismatch", 9, 1)]


def test_sum_mismatch(lint) -> None:
    text = (
        "共开展活动20场次，其中讲座12场次、送法下乡10场次。\n"
        "共开展各项活动36场次，其中教育活动16场、公益活动12场、宣传活动8场。\n"
        "共开展活动20余场次，其中讲座12场次、送法下乡10场次。\n"
        "共受理案件30件，其中行政复议12件、行政诉讼10件。\n"
    )
    found = lint(text, "sum-mismatch")
    assert spots(found) == [("sum-mismatch", 1, 6)]
    assert found[0].data == {"total": 20, "parts": 22, "unit": "场"}
    assert found[0].message == "分项之和（22场次）大于总数（20场次），请核对数字"


def _no_constants(name: str) -> None:
    raise ValueError(f"not JSON: bare {name}")


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_sum_mismatch_absurd_figures_keep_the_report_valid_json(tmp_path: Path, fmt: str) -> None:
    """A 400-digit "figure" once summed to float Infinity, written as a bare
    ``Infinity`` (not JSON). A figure of more than 15 digits is not compared; one of 15
    still is, and its sum is a finite number."""
    draft = tmp_path / "r.txt"
    draft.write_text(
        f"共办理案件10件，其中刑事案件{'9' * 400}件、民事案件5件。\n"
        "共办理案件10件，其中刑事案件999999999999999件、民事案件5件。\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--select", "sum-mismatch", "--format", fmt, str(draft)]
    )
    assert result.exit_code == 0, result.output  # a warning does not fail the run
    report = json.loads(result.output, parse_constant=_no_constants)
    if fmt == "json":
        assert [(i["rule"], i["line"], i["column"], i["data"]) for i in report] == [
            ("sum-mismatch", 2, 6, {"total": 10, "parts": 1000000000000004, "unit": "件"})
        ]
    else:
        results = report["runs"][0]["results"]
        assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results] == [
            2
        ]


def test_sum_list_ends_at_the_next_qizhong(lint) -> None:
    """A second 其中 begins a breakdown of its own: its items are not parts of the first
    (which also keeps a sentence of many 其中 linear)."""
    text = "共办理案件70件，其中刑事案件60件，其中未成年人案件12件。\n"
    assert lint(text, "sum-mismatch") == []
    text = "共办理案件70件，其中刑事案件60件、民事案件20件，其中调解结案5件。\n"
    found = lint(text, "sum-mismatch")
    assert spots(found) == [("sum-mismatch", 1, 6)]
    assert found[0].data == {"total": 70, "parts": 80, "unit": "件"}


def test_sum_parts_are_the_items_listed_after_qizhong(lint) -> None:
    """Not every later number is a part: a new statement, a comparison, a figure in
    brackets end the list or stay out of it."""
    text = (
        "共受理纠纷312件，其中婚姻家庭纠纷98件、邻里纠纷76件、土地纠纷65件、其他纠纷73件，"
        "调解成功305件。\n"
        "共受理纠纷312件，其中婚姻家庭纠纷98件，调解成功305件。\n"
        "共办理处罚案件47件，其中简易程序20件、普通程序27件，作出不予处罚决定6件。\n"
        "共收到复议申请20件，其中受理18件，审结17件。\n"  # a funnel, not a breakdown
        "共办理法律援助案件100件，其中刑事案件60件（含未成年人案件12件）、民事案件40件。\n"
        "共查处违法建设案件45起，其中拆除违建38起，较2023年减少12起。\n"
        "共审结复议案件56件，其中，维持32件，撤销5件，确认违法3件，驳回申请8件，终止8件。\n"
        "共受理案件100件以上，其中刑事案件60件、民事案件50件。\n"  # not an exact total
        "共组织执法培训5期，其中3月、6月、9月各1期，11月2期。\n"
    )
    assert lint(text, "sum-mismatch") == []


def test_sum_mismatch_lists_and_totals(lint) -> None:
    text = (
        "共受理复议案件5件，其中涉及征地拆迁12件。\n"  # one part larger than the total
        "共受理案件30件，其中行政复议12件，行政诉讼20件。\n"  # parallel items after ，
        "共审查合同35份。其中：采购合同20份；工程合同18份。\n"  # after 。 and ；
        "全年共提交镇党委会、镇政府常务会议研究的重大事项18项，其中征地拆迁9项、产业项目6项、"
        "民生实事5项。\n"  # 共 far before the total
        "共办理处罚案件286件，罚没款合计413.5万元，其中食品安全案件132件、其他案件158件。\n"
        "共投入经费1.2亿元，其中省级补助3000万元、市级补助9500万元。\n"
    )
    found = lint(text, "sum-mismatch")
    assert spots(found) == [
        ("sum-mismatch", 1, 8),
        ("sum-mismatch", 2, 6),
        ("sum-mismatch", 3, 6),
        ("sum-mismatch", 4, 25),
        ("sum-mismatch", 5, 8),
        ("sum-mismatch", 6, 6),
    ]
    assert [(f.data["total"], f.data["parts"], f.data["unit"]) for f in found] == [
        (5, 12, "件"),
        (30, 32, "件"),
        (35, 38, "份"),
        (18, 20, "项"),
        (286, 290, "件"),
        (1.2, 1.25, "亿元"),
    ]
    assert found[5].message == "分项之和（1.25亿元）大于总数（1.2亿元），请核对数字"


def test_official_title(lint) -> None:
    text = (
        "根据《法治政府建设与责任落实督查工作规定》，学习《法治政府建设实施纲要(2021-2025年)》"
        "《法治政府建设实施纲要（20212025年）》《法治政府建设实施纲要（2021—2025）》。\n"
        "《法治政府建设实施纲要(2021—2025年)》《法治政府建设与责任落实督察工作规定》\n"
    )
    found = lint(text, "official-title")
    starts = [i + 1 for i, ch in enumerate(text.split("\n")[0]) if ch == "《"]
    assert starts == [3, 25, 49, 72]
    assert spots(found) == [("official-title", 1, col) for col in starts]
    assert {f.fix.replacement for f in found} == {  # type: ignore[union-attr]
        "《法治政府建设与责任落实督察工作规定》",
        "《法治政府建设实施纲要（2021—2025年）》",
    }


def test_topic_missing_by_level(lint, linter) -> None:
    text = TITLE + "一、主要举措和成效\n审核规范性文件12件，办理行政复议2件。\n"
    found = lint(text, "topic-missing")
    # one finding per report (issue 14), listing every uncovered topic in data.topics
    assert len(found) == 1
    topics = found[0].data["topics"]
    assert "normative-documents" not in topics and "administrative-reconsideration" not in topics
    assert "enforcement-three-systems" in topics
    assert found[0].data["topic"] == topics[0]
    assert len(found[0].data["names"]) == len(topics)
    assert {(f.line, f.column) for f in found} == {(2, 3)}
    from lawlint.checks import Context
    from lawlint.input.reader import source_from_bytes
    from lawlint.model.document import Document

    doc = Document(source_from_bytes(text.encode(), "r.txt"))
    check = next(c for c in linter.checks if c.rule.id == "topic-missing")

    def at(level: str) -> set[str]:
        found = check.check(Context(doc, linter.section_specs, level=level))
        return {t for f in found for t in f.data["topics"]}

    # the pack's level is auto: a 镇 title makes it a town report
    assert {f.data["level"] for f in found} == {"town"}
    assert set(topics) == at("town")
    assert "digital-government" not in topics and "business-environment" not in topics
    assert {"digital-government", "business-environment"} <= at("all")
    assert "digital-government" in at("county")


def test_shortcomings_without_causes(lint) -> None:
    text = TITLE + "三、存在的不足和原因\n（一）执法力量不足\n执法人员只有6名。\n"
    assert spots(lint(text, "shortcomings-without-causes")) == [
        ("shortcomings-without-causes", 2, 3)
    ]
    assert (
        lint(text.replace("只有6名", "只有6名，主要是编制有限"), "shortcomings-without-causes")
        == []
    )


def test_sum_parts_inside_a_bracket_stop_at_its_end(lint) -> None:
    text = "共立案查处390件（其中简易程序110件、普通程序270件），实施行政强制措施8件。\n"
    assert lint(text, "sum-mismatch") == []
    over = "共立案查处390件（其中简易程序120件、普通程序280件），实施行政强制措施8件。\n"
    found = lint(over, "sum-mismatch")
    assert spots(found) == [("sum-mismatch", 1, 6)]
    assert found[0].data == {"total": 390, "parts": 400, "unit": "件"}


def test_topic_level_from_the_opening_when_there_is_no_title(lint) -> None:
    text = "2024年，白沙路街道坚持依法行政。\n一、主要举措和成效\n审核规范性文件12件。\n"
    found = lint(text, "topic-missing")
    assert {f.data["level"] for f in found} == {"town"}
    assert "administrative-reconsideration" not in {t for f in found for t in f.data["topics"]}


def test_cited_titles_count_as_mentions_of_a_topic(lint) -> None:
    """Issue 14 changed this deliberately: a report that issues 《……全过程记录实施细则》
    or 《……普法工作规划》 did that work (it used to be ignored, a false alarm)."""
    text = TITLE + "一、主要举措和成效\n印发《青禾镇普法工作规划》。\n"
    (found,) = lint(text, "topic-missing")
    assert "legal-education" not in found.data["topics"]
    text = TITLE + "一、主要举措和成效\n制定《青禾镇行政执法全过程记录实施细则》。\n"
    (found,) = lint(text, "topic-missing")
    assert "enforcement-three-systems" not in found.data["topics"]


def test_vague_quantity_words_jieba_used_to_split(lint) -> None:
    """数十次, 上百场, 数百人次, 多宗, 多批次, 多轮次: approximate counts are not figures
    (上百/上千/多批次/多轮次 are kept whole by the domain dictionary)."""
    text = (
        "开展活动数十次，组织培训上百场，覆盖数百人次。\n"
        "处理多宗案件，开展多批次检查，进行多轮次督导。\n"
        "批次合格率100%，抽检12批次。\n"  # 批次 alone is a measure word, counted
    )
    found = lint(text, "vague-quantity")
    assert [(f.line, f.column, f.end_column) for f in found] == [
        (1, 5, 8),
        (1, 13, 15),
        (1, 19, 21),
        (2, 3, 5),
        (2, 10, 13),
        (2, 18, 21),
    ]


def test_vague_quantity_idioms_and_quotations(lint) -> None:
    """Not counts: a minimum (不少于), the burden a reform removes (多次跑, 往返多个部门),
    a slogan in quotation marks; a quoted sentence is the report's own claim."""
    text = (
        "推行“进一次门、查多项事”联合检查，每季度检查不少于一次。\n"
        "群众不再需要多次往返多个部门，解决了多次跑、来回跑问题。\n"
        "开展“法律进乡村”活动多次。\n"  # outside the quotation: flagged
        "他说：“我们多次召开会议。”\n"  # a quoted sentence is not a slogan: flagged
    )
    assert spots(lint(text, "vague-quantity")) == [
        ("vague-quantity", 3, 12),
        ("vague-quantity", 4, 7),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how a text was drafted (set Z38, a city's 城管局) and how a leader pressed a point
        # (set Z44) are not work to count; 多次深入基层调研 and the meetings held still are
        (
            "通过多次深入调研、广泛征求意见，起草《城市管理综合执法办法（草案）》。\n"
            "经多轮论证修改，出台《重大行政决策程序规定》。\n"
            "局领导多次深入基层调研执法工作。\n"
            "反复强调，多次提醒，明确由分管副局长负责。多次组织党组会议。\n",
            [("vague-quantity", 3, 4), ("vague-quantity", 4, 22)],
        ),
        # what the 二十大 report sets out (set Z41, a 审计局), not the body's work; 一系列 of
        # the body's own work is still asked
        (
            "认真领会党的二十大报告提出的一系列新论断、新举措、新要求。\n"
            "深刻把握全会作出的一系列部署。\n"
            "我局出台了一系列措施。\n",
            [("vague-quantity", 3, 6)],
        ),
        # the 四中全会 decision named without 《》 is a name; 若干问题 of the body's own is asked
        (
            "贯彻落实中共中央关于全面推进依法治国若干重大问题的决定精神。\n"
            "梳理执法中的若干问题。\n",
            [("vague-quantity", 2, 7)],
        ),
    ],
)
def test_vague_quantity_words_that_count_nothing(lint, text: str, expected) -> None:
    assert spots(lint(text, "vague-quantity")) == expected


def test_unsupported_claim_names_and_records(lint) -> None:
    """三项制度 / 八项规定 are names, not counts that support a claim; 连续3年零败诉 is a
    record that does."""
    text = (
        TITLE + "一、主要举措和成效\n"
        "落实行政执法“三项制度”，执法规范化水平明显提高。\n"
        "严格落实中央八项规定精神，机关作风明显改善。\n"
        "连续3年实现行政诉讼零败诉，依法行政水平明显提高。\n"
        "出台制度3项，执法规范化水平明显提高。\n"  # a figure in the sentence backs it
        "执法规范化水平明显提高，案卷合格率由90%升至98%。\n"  # measured: supported
        "行政执法质效大幅度提升。\n"
    )
    assert spots(lint(text, "unsupported-claim")) == [
        ("unsupported-claim", 3, 21),
        ("unsupported-claim", 4, 18),
        ("unsupported-claim", 8, 7),
    ]


def test_unsupported_claim_closing_a_counted_paragraph(lint) -> None:
    """A claim closing a paragraph whose earlier sentences count the work sums it up (set
    Z46, a 街道); one in a paragraph without figures, one in the middle of the paragraph
    and one about how people feel still ask for a figure."""
    text = (
        TITLE + "一、主要举措和成效\n"
        "组织机关干部职工参加法制培训、考试等5次，200余人次参加了学习考试。"
        "举行宪法宣誓仪式，重温誓词。干部的依法工作水平得到了有效提升。\n"
        "开展法律法规宣传，提高了工作人员依法办事能力。执法水平得到了有效提升。\n"
        "开展普法活动12场。执法水平明显提高。举行宪法宣誓仪式。\n"
        "开展“好差评”评价1200次。群众满意度逐年提高。\n"
    )
    assert spots(lint(text, "unsupported-claim")) == [
        ("unsupported-claim", 4, 31),
        ("unsupported-claim", 5, 15),
        ("unsupported-claim", 6, 18),
    ]


def test_relative_time_the_report_year_since(lint) -> None:
    """Sets Z37 and Z39: "2024年以来" in the 2024 report is 今年以来 with the year written
    in; an earlier year's 以来 is a look back over several years, and a title quoted in
    《》 is left alone."""
    text = (
        "青禾镇2024年法治政府建设年度报告\n"
        "2024年以来，我镇共办理行政复议案件5件。\n"
        "2021年以来，连续4年实现行政诉讼零败诉。\n"
        "学习《关于2024年以来普法工作的通报》，自2024 年以来审查合同47份。\n"
    )
    found = lint(text, "relative-time")
    assert spots(found) == [("relative-time", 2, 1), ("relative-time", 4, 23)]
    assert found[0].message == "年度报告在次年发布，“2024年以来”指代不明，请改为“2024年”"
    # a report whose year is unknown: nothing to compare with
    assert lint(text.split("\n", 1)[1], "relative-time") == []


def test_name_slip_finds_the_fixed_names_written_wrong(lint) -> None:
    """Misses of sets Z42, Z46 and Z47: a plenum named by the 大 instead of the 届, the 2020
    conference without 全面 or 工作, the study group's words swapped; the right forms and
    the 委员会's meetings are left alone."""
    text = (
        "深入学习贯彻党的二十大四中全会精神，贯彻党的二十大和二十届三中全会精神。\n"
        "认真学习中央依法治国工作会议精神和中央全面依法治国委员会第三次会议精神。\n"
        "通过党委理论中心学习组、班子会议等形式学法，区委理论中心组学法5次。\n"
    )
    found = lint(text, "name-slip")
    assert spots(found) == [("name-slip", 1, 9), ("name-slip", 2, 5), ("name-slip", 3, 5)]
    assert [f.fix.replacement for f in found if f.fix] == [
        "二十届四中全会",
        "中央全面依法治国工作会议",
        "理论学习中心组",
    ]


def test_relative_time_names_no_year_before_the_first_quarter(lint) -> None:
    """Set Z48: "排污费已于今年1月1日起停收" in the 2017 report meant 2018, the year it was
    written; before 1月–3月 the message asks for a year without naming one."""
    text = (
        "河北省环境保护厅关于2017年度法治政府建设情况的报告\n"
        "排污费已于今年1月1日起停收。今年10月开展专项检查。\n"
    )
    found = lint(text, "relative-time")
    assert spots(found) == [("relative-time", 2, 6), ("relative-time", 2, 16)]
    assert [f.message for f in found] == [
        "年度报告在次年发布，“今年”指代不明，请改为具体年份",
        "年度报告在次年发布，“今年”指代不明，请改为“2017年”",
    ]


def test_relative_time_schedules_are_not_dates(lint) -> None:
    text = (
        TITLE + "坚持当月交办、当月答复，每月5日前通报上月办理情况。\n"
        "明确近期、中期和远期目标，当月办结率100%。\n"
        "上月召开会议。截至当前已完成清理。\n"  # flagged: 上月, 截至当前
    )
    assert spots(lint(text, "relative-time")) == [
        ("relative-time", 4, 1),
        ("relative-time", 4, 8),
    ]


def test_official_title_variants(lint) -> None:
    text = (
        "根据《法治政府建设与责任落实督查规定》《法治政府建设和责任落实督察工作规定》要求，"
        "执行《党政主要负责人履行法治建设第一责任人职责规定》，学习《法治政府建设纲要（2021—2025年）》。\n"
        "根据《法治政府建设与责任落实督察工作规定》《党政主要负责人履行推进法治建设第一责任人职责规定》。\n"
    )
    found = lint(text, "official-title")
    assert spots(found) == [
        ("official-title", 1, 3),
        ("official-title", 1, 20),
        ("official-title", 1, 44),
        ("official-title", 1, 71),
    ]
    assert [f.fix.replacement for f in found] == [
        "《法治政府建设与责任落实督察工作规定》",
        "《法治政府建设与责任落实督察工作规定》",
        "《党政主要负责人履行推进法治建设第一责任人职责规定》",
        "《法治政府建设实施纲要（2021—2025年）》",
    ]


def test_causes_in_other_words(lint) -> None:
    text = (
        TITLE + "三、存在的不足和原因\n"
        "执法人员只有6名，从成因看，受编制所限。\n"
        "四、2025年工作安排\n"
        "继续加强培训。\n"
    )
    assert lint(text, "shortcomings-without-causes") == []


def test_partial_period_not_a_recurring_window(lint) -> None:
    text = (
        TITLE + "每年1月至3月开展“法律进乡村”集中宣传，全年开展宣传12场。\n"
        "2024年1月至11月，共受理行政复议案件5件。\n"
    )
    assert spots(lint(text, "partial-period")) == [("partial-period", 3, 6)]


# A 2023 report organised by theme whose shortcomings and plans have no heading of their
# own: they open as paragraphs at the end of its last top-level section.
THEMES_2023 = """南岭县2023年法治政府建设年度报告
一、坚持依法决策
全年审核行政规范性文件12件。
二、党政主要负责人履行推进法治建设第一责任人职责情况
县长主持召开常务会议专题研究法治政府建设4次。
三、深化执法改革
全年开展执法检查多次。
同时，我县法治政府建设还存在一些不足。部分执法人员业务能力有待提升，主要原因是培训不足。
2024年，县政府将重点做好以下工作。
（一）加强执法培训。2024年组织培训4期。
（二）深化普法宣传。开展宣传活动多场。
"""


def test_parts_opening_without_a_heading_have_their_text(lint) -> None:
    found = lint(THEMES_2023)
    assert spots(found, "section-missing") == []
    # 部分 states a shortcoming and 多场 a plan: only the measure's 多次 is vague
    assert spots(found, "vague-quantity") == [("vague-quantity", 7, 9)]
    # 2024 in the plans is not work reported as done
    assert spots(found, "year-mismatch") == []
    assert spots(found, "shortcomings-without-causes") == []


def test_part_opening_without_a_heading_ends_at_the_next_heading_of_its_level(lint) -> None:
    text = THEMES_2023.replace(
        "2024年，县政府将重点做好以下工作。\n",
        "四、推进全民普法\n全年开展普法活动多次。\n2024年，县政府将重点做好以下工作。\n",
    )
    assert spots(lint(text, "vague-quantity")) == [
        ("vague-quantity", 7, 9),
        ("vague-quantity", 10, 9),  # 四 is a measure again
    ]


def test_part_opening_without_a_heading_ends_where_the_next_part_opens(lint) -> None:
    # the shortcomings stop at the plans: their cause must be in their own text
    text = THEMES_2023.replace("，主要原因是培训不足", "").replace(
        "（一）加强执法培训。", "（一）加强执法培训。培训不足的原因是经费有限。"
    )
    assert spots(lint(text, "shortcomings-without-causes")) == [
        ("shortcomings-without-causes", 8, 1)
    ]


def test_heading_joining_two_parts_shares_its_text_by_openings(lint) -> None:
    text = THEMES_2023.replace(
        "全年开展执法检查多次。\n", "全年开展执法检查36次。\n四、存在的不足和2024年工作安排\n"
    ).replace("部分执法人员", "2023年评查发现部分执法人员")
    found = lint(text)
    assert spots(found, "section-missing") == []
    # the 2023 of the shortcomings is not read as a plan, the 2024 of the plans is
    assert spots(found, "year-mismatch") == []
    assert spots(found, "vague-quantity") == []


def test_a_measure_meeting_problems_opens_no_part(lint) -> None:
    measure = "针对执法中仍存在的问题，开展专项检查多次。"
    text = THEMES_2023.replace("全年开展执法检查多次。", measure)
    assert spots(lint(text, "vague-quantity")) == [("vague-quantity", 7, measure.index("多次") + 1)]


def test_year_in_a_heading_joining_two_parts_is_nobodys(lint) -> None:
    # no opening tells the shortcomings from the plans: 2023 may be the shortcomings'
    text = THEMES_2023.replace(
        "全年开展执法检查多次。\n", "全年开展执法检查36次。\n四、存在的不足和2024年工作安排\n"
    )
    text = text.split("同时，")[0] + "2023年，执法案卷评查发现问题12个，主要原因是培训不足。\n"
    assert spots(lint(text, "year-mismatch")) == []
    # the plans' own section is still read: a clause dated in the report year is a
    # plan copied from last year
    plans = text.replace("四、存在的不足和2024年工作安排", "四、2024年工作安排")
    assert spots(lint(plans, "year-mismatch")) == [("year-mismatch", 9, 1)]


def test_partial_period_deadlines_whole_years_and_stated_reasons(lint) -> None:
    """Not part-year data: a deadline in the plans, the rest of the year given beside
    it, the cut-off explained, a period of another year (even inside 截至……)."""
    text = (
        TITLE + "一、主要举措和成效\n"
        "全年办件4.6万件，其中1—11月4.2万件、12月0.4万件。\n"
        "受理案件120件（统计时段为2024年1月至11月，12月数据尚未核定）。\n"
        "2024年上半年完成系统升级，下半年在14个分局推广。\n"
        "截至2023年11月底，全镇仅有3个村接入平台。\n"
        "截至11月底，累计调解纠纷36起。\n"  # still reported
        "二、2025年工作安排\n"
        "上半年完成8个调解工作室建设。\n"
    )
    assert spots(lint(text, "partial-period")) == [("partial-period", 7, 1)]


def test_causes_given_from_both_sides(lint) -> None:
    text = (
        TITLE + "三、存在的不足和原因\n"
        "执法人员只有6名。从主观上看，学习不够；从客观上看，编制有限。\n"
    )
    assert lint(text, "shortcomings-without-causes") == []


def test_bu_fen_as_a_noun_is_not_a_quantity(lint) -> None:
    text = "涉及个人隐私的部分作区分处理后公开，部分群众反映办事难。\n"
    assert spots(lint(text, "vague-quantity")) == [("vague-quantity", 1, 19)]


def test_topic_level_read_from_joint_street_office_title() -> None:
    from lawlint.checks.topics import guess_level

    assert (
        guess_level("中共青山街道工作委员会 青山街道办事处关于2024年法治政府建设情况的报告")
        == "town"
    )
    assert guess_level("青山市司法局关于2024年法治政府建设情况的报告") == "department"
    assert guess_level("中共青山县委 青山县人民政府关于2024年法治政府建设情况的报告") == "county"


def test_vague_quantity_counted_in_the_next_sentence(lint) -> None:
    """Set O: the next sentence counts the very thing 多次 measures, though it opens with
    its year, not 通过/其中; a next sentence that counts something else does not."""
    counted = (
        "全年组织多次学习研讨，确保法治理论成为指导实践的关键力量。"
        "2024年，组织召开党组理论学习中心组学习研讨9次、召开干部职工学习会6次。\n"
    )
    assert lint(TITLE + counted, "vague-quantity") == []
    other = (
        "全年组织多次学习研讨，确保法治理论成为指导实践的关键力量。2024年，办理行政复议案件9件。\n"
    )
    assert spots(lint(TITLE + other, "vague-quantity")) == [("vague-quantity", 2, 5)]

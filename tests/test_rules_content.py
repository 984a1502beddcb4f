"""Content rules (pack fazhi-content): exact findings on Chinese text, traps included."""

from __future__ import annotations

from conftest import spots

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
    assert spots(lint(text, "unsupported-claim")) == [("unsupported-claim", 3, 13)]


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
        "二、2025年推进法治政府建设的主要安排\n"
        "2024年，我镇将继续加强培训，到2027年实现全覆盖。\n"
    )
    found = lint(text, "year-mismatch")
    assert spots(found) == [("year-mismatch", 3, 1), ("year-mismatch", 6, 1)]
    assert [f.data["part"] for f in found] == ["done", "plans"]


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
    topics = [f.data["topic"] for f in found]
    assert "normative-documents" not in topics and "administrative-reconsideration" not in topics
    assert "enforcement-three-systems" in topics
    assert {(f.line, f.column) for f in found} == {(2, 3)}
    from lawlint.checks import Context
    from lawlint.document import Document
    from lawlint.reader import source_from_bytes

    doc = Document(source_from_bytes(text.encode(), "r.txt"))
    check = next(c for c in linter.checks if c.rule.id == "topic-missing")

    def at(level: str) -> set[str]:
        return {
            f.data["topic"] for f in check.check(Context(doc, linter.section_specs, level=level))
        }

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
    assert "administrative-reconsideration" not in {f.data["topic"] for f in found}


def test_cited_titles_are_not_mentions_of_a_topic(lint) -> None:
    text = TITLE + "一、主要举措和成效\n印发《青禾镇普法工作规划》。\n"
    assert "legal-education" in {f.data["topic"] for f in lint(text, "topic-missing")}


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
    text = text.split("同时，")[0] + "执法案卷评查发现2023年问题12个，主要原因是培训不足。\n"
    assert spots(lint(text, "year-mismatch")) == []
    # the plans' own section is still read
    plans = text.replace("四、存在的不足和2024年工作安排", "四、2024年工作安排")
    assert spots(lint(plans, "year-mismatch")) == [("year-mismatch", 9, 9)]

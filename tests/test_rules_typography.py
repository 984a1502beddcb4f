"""Typography rules (pack gb-typography): exact findings on Chinese text, traps included."""

from __future__ import annotations

from conftest import spots


def test_halfwidth_punct_positions_and_fixes(lint) -> None:
    found = lint("我镇坚持依法行政,全面推进建设;来源:青禾镇?好!\n", "halfwidth-punct")
    assert spots(found) == [
        ("halfwidth-punct", 1, 9),
        ("halfwidth-punct", 1, 16),
        ("halfwidth-punct", 1, 19),
        ("halfwidth-punct", 1, 23),
        ("halfwidth-punct", 1, 25),
    ]
    assert [f.fix.replacement for f in found] == ["，", "；", "：", "？", "！"]  # type: ignore[union-attr]


def test_halfwidth_brackets_as_pairs_and_heading_markers(lint) -> None:
    found = lint("(一)深学笃行\n认真学习《纲要(2021—2025年)》。\n", "halfwidth-punct")
    assert spots(found) == [
        ("halfwidth-punct", 1, 1),
        ("halfwidth-punct", 1, 3),
        ("halfwidth-punct", 2, 8),
        ("halfwidth-punct", 2, 19),
    ]


def test_halfwidth_pair_partner_converted_even_away_from_chinese(lint) -> None:
    found = lint("使用系统(see manual)办理\n", "halfwidth-punct")
    assert [(f.column, f.fix.replacement) for f in found] == [(5, "（"), (16, "）")]  # type: ignore[union-attr]


def test_halfwidth_ascii_quotes_become_curly_pairs(lint) -> None:
    found = lint('开展"八五"普法。\n', "halfwidth-punct")
    assert [(f.column, f.fix.replacement) for f in found] == [(3, "“"), (6, "”")]  # type: ignore[union-attr]


def test_halfwidth_point_ending_a_chinese_sentence(lint) -> None:
    found = lint("满意率达100%.群众认可.\n", "halfwidth-punct")
    assert spots(found) == [("halfwidth-punct", 1, 9), ("halfwidth-punct", 1, 14)]


def test_halfwidth_traps_are_not_findings(lint) -> None:
    text = (
        "1.加强组织领导。\n"
        "罚没款336849.6元，会议于2024-01-15 09:48召开。\n"
        "详见https://www.gov.cn/a,b;c:d?e=1网页。\n"
        "英文 (English, too) 不算。\n"
    )
    assert lint(text, "halfwidth-punct") == []


def test_cjk_space_positions(lint) -> None:
    text = "坚持依法 行政。\n推进建设 。\n2025 年完成，30 人参加。\n研判我\u00a0 镇形势。\n"
    found = lint(text, "cjk-space")
    assert spots(found) == [
        ("cjk-space", 1, 5),
        ("cjk-space", 2, 5),
        ("cjk-space", 3, 5),
        ("cjk-space", 3, 12),
        ("cjk-space", 4, 4),
    ]
    assert found[-1].end_column == 6
    assert all(f.fix and f.fix.replacement == "" for f in found)


def test_cjk_space_before_yu_and_duo(lint) -> None:
    """余 and 多 belong to the number they follow: "3 余次", "500 多人"."""
    text = "开展培训3 余次，覆盖500 多人，使用 APP 办理。\n"
    assert spots(lint(text, "cjk-space")) == [("cjk-space", 1, 6), ("cjk-space", 1, 15)]


def test_cjk_space_between_joint_issuers_in_the_body(lint) -> None:
    text = (
        "认真贯彻中共中央办公厅 国务院办公厅印发的《规定》。\n"
        "学习《中共浙江省委\u3000浙江省人民政府关于加强法治建设的意见》，"
        "中共青山镇委员会 青山镇人民政府联合发文。\n"
        "镇党委 召开会议。\n"  # not two issuers: flagged
    )
    assert spots(lint(text, "cjk-space")) == [("cjk-space", 3, 4)]


def test_cjk_space_traps(lint) -> None:
    text = (
        "\u3000\u3000坚持依法行政。\n"  # indentation
        "    一、主要举措\n"
        "“港航扬帆 法治护航”品牌。\n"  # a quoted slogan
        "使用 APP 办理。\n"  # Chinese next to Latin
    )
    assert lint(text, "cjk-space") == []


def test_trailing_space_including_nbsp_and_ideographic(lint) -> None:
    text = "一、主要举措 \n（一）学法\u00a0\n正文\u3000\u3000\n干净\n"
    found = lint(text, "trailing-space")
    assert spots(found) == [
        ("trailing-space", 1, 7),
        ("trailing-space", 2, 6),
        ("trailing-space", 3, 3),
    ]
    assert found[2].end_column == 5


def test_trailing_space_markdown_hard_break_allowed(lint) -> None:
    assert lint("第一行  \n第二行\n", "trailing-space", markdown=True) == []
    assert spots(lint("第一行 \n", "trailing-space", markdown=True)) == [("trailing-space", 1, 4)]


def test_unpaired_marks(lint) -> None:
    text = (
        "学习《纲要（2021—2025年）。\n开展“八五普法。\n见法治日报》文章。\n"
        "成对《纲要》“好”（是）【否】。\n"
    )
    found = lint(text, "unpaired-mark")
    assert spots(found) == [
        ("unpaired-mark", 1, 3),
        ("unpaired-mark", 2, 3),
        ("unpaired-mark", 3, 6),
    ]
    assert found[0].message == "成对符号「《」缺少与之配对的「》」"


def test_nested_title_marks(lint) -> None:
    text = "制定《贯彻落实<广东省纲要>分工方案》。\n制定《贯彻《纲要》方案》。\n比较x<y>z。\n"
    found = lint(text, "nested-title-mark")
    assert [(f.line, f.column, f.fix.replacement) for f in found] == [  # type: ignore[union-attr]
        (1, 8, "〈"),
        (1, 14, "〉"),
        (2, 6, "〈"),
        (2, 9, "〉"),
    ]


NUMBERED = """一、主要举措和成效
（一）加强组织领导
1.健全机制。正文。
2.压实责任
（二）推进依法决策
3.严格审核
二、存在的不足和原因
（一）力量不足
（三）制度不全
三、下一年度主要安排
三、其他情况
（1）细项
"""


def test_heading_numbering_repeat_gap_and_level_skip(lint) -> None:
    found = lint(NUMBERED, "heading-numbering")
    assert spots(found) == [
        ("heading-numbering", 9, 1),
        ("heading-numbering", 11, 1),
        ("heading-numbering", 12, 1),
    ]
    assert [f.data["problem"] for f in found] == ["gap", "repeat", "level-skip"]
    # issue 14: a level skip is a warning, a repeat or gap stays an error
    assert [f.severity for f in found] == ["error", "error", "warning"]
    assert found[0].message == "标题序号不连续：此处应为“（二）”，实为“（三）”"
    assert found[1].message == "标题序号重复：此处应为“四、”，实为“三、”"


def test_heading_numbering_level_skip_reported_once_per_parent(lint) -> None:
    found = lint("一、甲\n1.子\n2.子\n二、乙\n1.子\n", "heading-numbering")
    assert spots(found) == [("heading-numbering", 2, 1), ("heading-numbering", 5, 1)]


def test_heading_markers(lint) -> None:
    text = (
        "（一）、加强领导\n1、健全机制\n一.主要举措\n二)存在不足\n（1）.严格审核\n"
        "（二）正确\n2.正确\n"
    )
    found = lint(text, "heading-marker")
    assert [(f.line, f.column, f.end_column, f.fix.replacement) for f in found] == [  # type: ignore[union-attr]
        (1, 1, 5, "（一）"),
        (2, 1, 3, "1."),
        (3, 1, 3, "一、"),
        (4, 1, 3, "（二）"),  # "二)" lost its opening bracket
        (5, 1, 5, "（1）"),
    ]


def test_marker_traps(lint) -> None:
    text = "1.5亿元资金到位。\n十分重视法治建设。\n一是加强领导。\n2023年，我镇召开会议。\n"
    assert lint(text, "heading-marker") == []
    assert lint(text, "heading-numbering") == []


ENUMERATIONS = """一、主要举措和成效
（一）加强组织领导
一、二季度，全镇共受理行政执法投诉15件，全部按期办结。
三、四季度，全镇开展安全生产执法检查126家次。
一、二审行政诉讼案件均由镇长出庭应诉，出庭率100%。
一、二、三级调解组织全面建立。
1、2月份，镇政府召开常务会议学法2次。
三、四十名群众代表参加听证会。
7、8两个月为汛期，全镇共排查隐患36处。
三、四两个季度，全镇共受理案件20件。
（二）推进依法决策
"""


def test_an_enumeration_of_numbers_is_not_a_heading(lint) -> None:
    """ "一、二季度" counts quarters: no heading 一、, nothing to number or punctuate."""
    text = ENUMERATIONS + "二、存在的不足和原因\n"
    for rule in ("heading-numbering", "heading-marker", "heading-punct"):
        assert lint(text, rule) == [], rule


def test_the_heading_after_an_enumeration_is_judged_on_its_own(lint) -> None:
    found = lint(ENUMERATIONS + "三、存在的不足和原因\n", "heading-numbering")
    assert spots(found) == [("heading-numbering", 12, 1)]
    assert found[0].message == "标题序号不连续：此处应为“二、”，实为“三、”"


def test_a_heading_whose_text_opens_with_a_number_is_still_a_heading(lint) -> None:
    text = "一、2024年主要举措\n二、三项制度落实情况\n三、二〇二五年工作安排\n1、2024年工作回顾\n"
    assert spots(lint(text, "heading-numbering")) == [("heading-numbering", 4, 1)]  # level skip
    assert spots(lint(text, "heading-marker")) == [("heading-marker", 4, 1)]  # 1、


ATTACHMENT_NOTE = """一、主要举措和成效
（一）加强组织领导
二、存在的不足和原因

附件：1.青山镇2024年法治政府建设主要数据统计表

　　　2.青山镇2024年行政执法情况统计表
"""


def test_the_names_of_an_attachment_note_are_not_headings(lint) -> None:
    """ "2." under "附件：1." is the second attachment, not a level-3 heading that skips
    （一） and starts at 2."""
    for rule in ("heading-numbering", "heading-marker", "heading-punct"):
        assert lint(ATTACHMENT_NOTE, rule) == [], rule


def test_a_chinese_numeral_and_point_run_into_a_year_is_a_heading(lint) -> None:
    """ "一.2024年……" is a heading with the wrong marker; the "二、" after it is right."""
    text = (
        "一.2024年推进法治政府建设的主要举措和成效\n"
        "（一）加强组织领导\n"
        "二．2025年推进法治政府建设的主要安排\n"
        "三、其他需要报告的情况\n"
    )
    found = lint(text, "heading-marker")
    assert fixes(found) == [(1, 1, "一、"), (3, 1, "二、")]
    assert found[0].message == "标题序号写法错误：“一.”应写作“一、”"
    assert lint(text, "heading-numbering") == []


def test_a_chinese_numeral_and_point_before_a_number_that_is_no_heading(lint) -> None:
    text = (
        "一、主要举措和成效\n"
        "一.1.加强组织领导\n"  # a list number, not a marker
        "一.5%\n"
        "一.2024年全镇共受理行政复议案件2件。均维持原决定\n"  # a sentence, not a heading
        "一.2024年" + "全镇深入推进法治政府建设" * 4 + "\n"  # too long for a heading
        "二、存在的不足和原因\n"
    )
    assert lint(text, "heading-marker") == []
    assert lint(text, "heading-numbering") == []


def fixes(found) -> list[tuple[int, int, str]]:
    """(line, column, replacement) of each finding."""
    return [(f.line, f.column, f.fix.replacement) for f in found]


def test_range_dash_years_months_values_and_lost_dash(lint) -> None:
    text = (
        "认真学习《云溪县法治建设规划(2021-2025年)》。\n"
        "对照《纲要（20212025年）》，落实《规划(2016-2020)》，2021年-2025年持续推进。\n"
        "1-11月办结187件，3月1-15日集中整治。\n"
        "每场5-10人，满意率15%-30%，投入1.5-2万元，用时3-5个月。\n"
    )
    found = lint(text, "range-dash")
    assert spots(found) == [
        ("range-dash", 1, 20),
        ("range-dash", 2, 7),
        ("range-dash", 2, 29),
        ("range-dash", 2, 42),
        ("range-dash", 3, 2),
        ("range-dash", 3, 16),
        ("range-dash", 4, 4),
        ("range-dash", 4, 15),
        ("range-dash", 4, 25),
        ("range-dash", 4, 33),
    ]
    assert [f.fix.replacement for f in found] == [  # type: ignore[union-attr]
        "—", "2021—2025", "—", "—", "—", "—", "～", "～", "～", "～",
    ]  # fmt: skip
    assert found[1].end_column == 15  # the whole "20212025" is the span
    assert found[0].message == (
        "范围应使用一字线“—”（时间）或浪纹线“～”（数值）：“2021-2025”应为“2021—2025”"
    )


def test_range_dash_traps(lint) -> None:
    text = (
        "会议于2024-01-15 09:48召开，咨询电话0755-12345678、010-6520。\n"
        "依据GB/T 15834-2011、GB/T 9704-2012，索引号0898141/2022-06521。\n"
        "地址为幸福路12-3号，编号A-12，第2-1批次，2025-2021年不是范围。\n"
        "详见https://www.gov.cn/2021-2025年/纲要网页，20212025年不在括号中也是范围。\n"
        "《纲要（2021—2025年）》，1—11月，5～10人，（2025—2021年）。\n"
        "2024-1-11月，2024-01-15日，13-14月，0-5人。\n"
    )
    # 20212025年 can only be two years that lost their dash; 0-5人 is a range
    assert spots(lint(text, "range-dash")) == [("range-dash", 4, 38), ("range-dash", 6, 32)]


def test_serial_comma(lint) -> None:
    text = (
        "学习《行政处罚法》、《行政许可法》、《行政复议法》。\n"
        "开展“法律进乡村”、“法律进社区”活动，制定《关于〈纲要〉、〈规定〉的方案》。\n"
        "引用‘甲’、‘乙’两项。\n"
    )
    found = lint(text, "serial-comma")
    assert fixes(found) == [(1, 10, ""), (1, 18, ""), (2, 10, ""), (2, 30, ""), (3, 6, "")]
    assert found[0].message == "并列的书名号或引号之间不用顿号，请删去此处的“、”"


def test_serial_comma_traps(lint) -> None:
    text = (
        "学习《纲要》（2021年版）、《规定》等文件。\n"  # something between the items
        "学习《纲要》、“八五”普法规划。\n"  # a mixed pair
        "学习《纲要》《规定》，开展“进乡村”“进社区”活动。\n"
        "学习宪法、民法典。\n"
    )
    assert lint(text, "serial-comma") == []


def test_doc_number_bracket(lint) -> None:
    text = (
        "根据《通知》（人社部发[2016]82号）执行。\n"
        "依据厅字(2019)28号、中发【2021】33号、国办发（2022）5号和粤府﹝2023﹞1号文件。\n"
        "依据川府发〔2020〕7号和苏政发［2018］12号。\n"
    )
    found = lint(text, "doc-number-bracket")
    assert fixes(found) == [
        (1, 12, "〔2016〕"),
        (2, 5, "〔2019〕"),
        (2, 17, "〔2021〕"),
        (2, 30, "〔2022〕"),
        (2, 41, "〔2023〕"),
        (3, 18, "〔2018〕"),
    ]
    assert found[0].end_column == 18
    assert found[0].severity == "error"
    assert found[0].message == "发文字号年份应使用六角括号：“[2016]”应为“〔2016〕”"


def test_doc_number_bracket_traps(lint) -> None:
    text = (
        "认真学习《法治政府建设实施纲要（2021—2025年）》。\n"
        "镇政府（2024）年度工作要点，见附件(2024)。\n"
        "《规划(2016-2020)》12号楼。\n"  # a year range, not a year
        "厅字〔2019〕28号。\n"
    )
    assert lint(text, "doc-number-bracket") == []


def test_repeated_punct(lint) -> None:
    text = "调研2次。。推进，，落实、、完善；；加强，。做好：，难道不是？。\n"
    found = lint(text, "repeated-punct")
    assert fixes(found) == [
        (1, 5, "。"),
        (1, 9, "，"),
        (1, 13, "、"),
        (1, 17, "；"),
        (1, 21, "。"),
        (1, 25, "："),
        (1, 31, "？"),
    ]
    assert found[0].message == "标点符号重复：“。。”应为“。”"


def test_repeated_punct_traps(lint) -> None:
    text = "难道不是吗？！真好！！对吗？？\n把“，，”改为“，”。省略号……和破折号——不算。\n"
    assert lint(text, "repeated-punct") == []


def test_fullwidth_alnum(lint) -> None:
    found = lint("２０２４年2月推行ＡＰＰ办理，ｗｅｂ端同步。\n", "fullwidth-alnum")
    assert fixes(found) == [(1, 1, "2024"), (1, 10, "APP"), (1, 16, "web")]
    assert found[0].end_column == 5
    assert found[0].message == "全角字符“２０２４”应改为半角“2024”"


def test_fullwidth_alnum_traps(lint) -> None:
    assert lint("2024年推行APP办理，（一）、“一”、％和＋不算。\n", "fullwidth-alnum") == []


HEADINGS = """一、主要举措和成效，

（一）加强组织领导。
2024年调整领导小组。
1.健全机制。
镇党委研究法治工作4次。
2.压实责任，
（1）细化分工
## 不是Markdown。
（二）推进依法决策，。
正文。
"""


def test_heading_punct_on_standalone_headings(lint) -> None:
    found = lint(HEADINGS, "heading-punct")
    assert fixes(found) == [(1, 10, ""), (3, 10, ""), (5, 7, ""), (7, 7, ""), (10, 10, "")]
    assert found[-1].end_column == 12  # the whole run "，。"
    assert found[0].message == "独立成行的标题末尾不应使用“，”"


def test_heading_punct_markdown_headings_always_count(lint) -> None:
    found = lint(
        "# 报告\n\n## 主要举措。\n\n### （一）组织领导，\n", "heading-punct", markdown=True
    )
    assert spots(found) == [("heading-punct", 3, 8), ("heading-punct", 5, 12)]


def test_heading_punct_traps(lint) -> None:
    text = (
        "1.加强组织领导。镇党委研究4次。\n"  # run-in heading
        "（一）全年举办培训12期，培训500人次。\n"  # a list of one-sentence items
        "（二）全年办理复议案件3件。\n"
        "（三）全年办结信访事项。\n"  # the last of that list, text follows
        "正文继续。\n"
        "一、工作目标：全面建成法治政府。\n"  # a sentence, not a heading
        "正文。\n"
        "二、加强学习，\n"  # a sentence wrapped onto the next line
        "提高认识。\n"
        "三、最后一行。\n"  # nothing follows: a list item, not a heading
    )
    assert lint(text, "heading-punct") == []


def test_a_misquoted_official_title_is_one_finding_not_four(lint) -> None:
    """official-title supersedes the dash and bracket findings inside the name."""
    found = lint("认真学习《法治政府建设实施纲要(2021-2025年)》。\n")
    found = [f for f in found if f.line == 1 and f.column > 1]  # the report-level ones aside
    assert spots(found) == [("official-title", 1, 5)]
    assert found[0].fix is not None
    assert found[0].fix.replacement == "《法治政府建设实施纲要（2021—2025年）》"


def test_a_marker_that_lost_its_opening_bracket_is_level_two(lint) -> None:
    text = "一、主要举措和成效\n一)纵深推进依法行政\n二)加强执法监督\n二、存在的不足和原因\n"
    assert lint(text, "heading-numbering") == []
    found = lint(text, "heading-marker")
    assert [(f.line, f.column, f.fix.replacement) for f in found] == [  # type: ignore[union-attr]
        (2, 1, "（一）"),
        (3, 1, "（二）"),
    ]


def test_doc_number_bracket_other_look_alikes(lint) -> None:
    text = "依据云政发[2023]第15号、云政发〈2023〉16号和云政发「2023」17号文件。\n"
    assert fixes(lint(text, "doc-number-bracket")) == [
        (1, 6, "〔2023〕"),
        (1, 20, "〔2023〕"),
        (1, 33, "〔2023〕"),
    ]


def test_range_dash_ascii_tilde(lint) -> None:
    text = "落实《规划（2021~2025年）》，每场5~10人，满意率15%~30%，地址幸福路12~3号。\n"
    assert fixes(lint(text, "range-dash")) == [(1, 11, "—"), (1, 23, "～"), (1, 34, "～")]


def test_abbreviated_year(lint) -> None:
    text = (
        "23年度共办理案件15件，24年3月完成验收，22年底前完成清理。\n"
        "全年办理案件46件。23年组织培训4期，自24年起实行法制审核。\n"
        "连续23年无事故，工作15年3个月，10年来持续推进，2024年3月完成。\n"
        "10年以上执法经历的占42%。50年一遇防洪标准。30年未修订的标准已废止。\n"
    )
    found = lint(text, "abbreviated-year")
    assert spots(found) == [
        ("abbreviated-year", 1, 1),
        ("abbreviated-year", 1, 14),
        ("abbreviated-year", 1, 24),
        ("abbreviated-year", 2, 11),
        ("abbreviated-year", 2, 22),
    ]
    assert found[0].message == "年份不应简写：“23年”应写出四位年份（如“23年”写作“2023年”）"


def test_mixed_number(lint) -> None:
    text = (
        "办理事项4千件，培训1万2千人次，投入5百万元，3百多人参加。\n"
        "新建绿道3千米，装机200千瓦，体重60千克，提高2个百分点，办理4000件，培训1.2万人次。\n"
    )
    assert [(f.line, f.column, f.end_column) for f in lint(text, "mixed-number")] == [
        (1, 5, 7),
        (1, 13, 15),
        (1, 20, 22),
        (1, 25, 27),
    ]

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
    assert found[0].message == "成对符号“《”缺少与之配对的“》”"


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
        (4, 1, 3, "二、"),
        (5, 1, 5, "（1）"),
    ]


def test_marker_traps(lint) -> None:
    text = "1.5亿元资金到位。\n十分重视法治建设。\n一是加强领导。\n2023年，我镇召开会议。\n"
    assert lint(text, "heading-marker") == []
    assert lint(text, "heading-numbering") == []

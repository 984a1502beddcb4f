"""The document model: title and year, headings, sections, paragraphs, sentences."""

from __future__ import annotations

from lawlint.input.reader import source_from_bytes
from lawlint.model.document import Document


def doc(text: str, name: str = "r.txt") -> Document:
    return Document(source_from_bytes(text.encode("utf-8"), name))


CHROME = """首页 > 政务公开 > 法治政府建设年度报告
分享到:
云溪县青禾镇2024年法治政府建设年度报告
  • 2025-01-20 09:00
  • 来源: 青禾镇
2024年，青禾镇坚持依法行政。
一、2024年推进法治政府建设的主要举措和成效
（一）加强组织领导
1.健全工作机制。镇党委召开会议4次，研究法治建设工作。
2.压实主体责任
（二）推进依法决策
二、存在的不足和原因
"""


def test_title_found_under_page_chrome_with_year() -> None:
    d = doc(CHROME)
    assert d.title is not None
    assert d.title.text == "云溪县青禾镇2024年法治政府建设年度报告"
    assert d.position(d.title.start) == (3, 1)
    assert d.report_year == 2024


def test_title_split_over_two_lines() -> None:
    d = doc("局机关\n\n2024年度交通运输法治政府建设\n工作总结\n一、工作完成情况\n")
    assert d.title is not None
    assert d.title.text == "2024年度交通运输法治政府建设工作总结"
    assert d.title.offset(d.title.text.index("总结")) == d.text.index("总结")


def test_no_title_when_the_text_starts_with_the_body() -> None:
    d = doc("2024年，我镇坚持依法行政，现将有关情况报告如下：\n一、主要举措和成效\n")
    assert d.title is None and d.report_year is None


def test_chinese_numeral_year_in_title() -> None:
    assert doc("青禾镇二〇二四年法治政府建设年度报告\n").report_year == 2024


def test_headings_levels_numbers_and_run_in_text() -> None:
    d = doc(CHROME)
    got = [(h.line, h.level, h.number, h.standalone, h.text) for h in d.headings]
    assert got == [
        (7, 1, 1, True, "2024年推进法治政府建设的主要举措和成效"),
        (8, 2, 1, True, "加强组织领导"),
        (9, 3, 1, False, "健全工作机制"),
        (10, 3, 2, True, "压实主体责任"),
        (11, 2, 2, True, "推进依法决策"),
        (12, 1, 2, True, "存在的不足和原因"),
    ]


def test_section_tree() -> None:
    d = doc(CHROME)
    secs = d.sections
    assert [s.heading.line if s.heading else None for s in secs] == [None, 7, 8, 9, 10, 11, 12]
    assert [s.parent for s in secs] == [None, None, 1, 2, 2, 1, None]
    assert secs[1].children == [2, 5]
    # The 一、 section ends where 二、 begins.
    assert secs[1].end == d.line_starts[11]
    assert d.section_of(d.text.index("召开会议")).heading.text == "健全工作机制"  # type: ignore[union-attr]


def test_sentences_have_spans_and_know_headings() -> None:
    d = doc("1.健全工作机制。镇党委召开会议4次！研究法治建设工作？好\n")
    texts = [(d.text[s.start : s.end], s.in_heading) for s in d.sentences]
    assert texts == [
        ("1.健全工作机制。", True),
        ("镇党委召开会议4次！", False),
        ("研究法治建设工作？", False),
        ("好", False),
    ]
    # the run-in heading's own text is marked as heading
    d2 = doc("（一）加强组织领导\n正文一句。\n")
    assert [(d2.text[s.start : s.end], s.in_heading) for s in d2.sentences] == [
        ("（一）加强组织领导", True),
        ("正文一句。", False),
    ]


def test_ascii_point_ends_a_chinese_sentence_but_not_a_decimal() -> None:
    d = doc("满意率达100%.罚款336849.6元。\n")
    assert [d.text[s.start : s.end] for s in d.sentences] == ["满意率达100%.", "罚款336849.6元。"]


def test_paragraphs_one_per_line_unless_hard_wrapped() -> None:
    wrapped = (
        "镇党委坚持把法治建设摆在全局工作的重要位置，定期研究部署法治政\n府建设工作。\n下一段。\n"
    )
    d = doc(wrapped)
    assert [(d.position(p.start), d.position(p.end)) for p in d.paragraphs] == [
        ((1, 1), (2, 7)),
        ((3, 1), (3, 5)),
    ]


def test_markdown_headings_code_and_links_are_masked() -> None:
    text = (
        "# 云溪县2024年法治政府建设年度报告\n\n"
        "## 一、主要举措和成效\n\n"
        "详见[公示](https://a.gov.cn/x?a=1,b=2)，代码`a,b`。\n\n"
        "```\nx,y;中文,z\n```\n"
        "### （一）加强领导\n"
    )
    d = doc(text, "r.md")
    assert d.title is not None and d.title.year == 2024
    assert [(h.line, h.level, h.text) for h in d.headings] == [
        (3, 1, "主要举措和成效"),
        (10, 2, "加强领导"),
    ]
    assert "a.gov.cn" not in d.text and "a,b" not in d.text and "x,y" not in d.text
    assert len(d.text) == len(text)


def test_markdown_headings_without_markers_take_level_from_hashes() -> None:
    d = doc("# 标题2024年法治报告\n## 主要举措和成效\n### 学法\n## 存在问题\n", "r.md")
    assert [(h.text, h.level) for h in d.headings] == [
        ("主要举措和成效", 1),
        ("学法", 2),
        ("存在问题", 1),
    ]


def test_positions_count_code_points() -> None:
    d = doc("甲乙\n丙𠀀丁\n")
    assert d.position(d.text.index("丁")) == (2, 3)


def test_page_chrome_lines() -> None:
    text = (
        "首页 > 政务公开 > 法治政府建设\n"
        "青禾镇2024年法治政府建设年度报告\n"
        "- 索 引 号: 001/2025-00062\n"
        "来源:青禾镇 发布日期:2025-01-20 浏览次数:\n"
        "【 打印 】 【 关闭 】\n"
        "2024年，青禾镇坚持依法 行政。\n"
        "一、主要举措和成效\n"
    )
    d = doc(text)
    assert d.chrome == frozenset({1, 3, 4, 5})
    assert "政务公开" not in d.prose and "依法" in d.prose


def test_hyphens_are_not_spaces() -> None:
    """SPACE once held a '\\u2000-\\u200a' range, whose '-' str.strip took for a hyphen."""
    d = doc("-编号A-\n")
    assert [d.text[s.start : s.end] for s in d.sentences] == ["-编号A-"]


def test_title_forms_seen_in_published_reports() -> None:
    for title in (
        "青禾镇2024年法治政府建设年度报告（全文）",
        "云溪县2024年度法治政府建设工作情况",
        "中共云溪县委 云溪县人民政府关于2024年度法治政府建设情况的报告",
    ):
        d = doc(title + "\n一、主要举措和成效\n")
        assert d.title is not None and d.title.text == title, title
        assert d.report_year == 2024
    assert doc("一、2024年推进法治政府建设情况\n").title is None  # a heading, not a title


def test_attachment_names_under_the_note_are_not_headings() -> None:
    """GB/T 9704-2012 7.3.5: "附件：1.XXXX" and the next names aligned below it."""
    d = doc(
        "一、主要举措和成效\n"
        "1.健全工作机制\n"
        "附件：1.青山镇2024年法治政府建设主要数据统计表\n"
        "\n"
        "　　　2.青山镇2024年行政复议和行政应诉\n"
        "　　　　案件统计表\n"  # a long name wrapped onto the next line
        "　　　3.青山镇2024年行政执法情况统计表\n"
        "青山镇人民政府\n"
        "附件：\n"  # the list may also start below the note
        "1.甲表\n"
        "2.乙表\n"
        "附件1\n"
        "1.基本情况\n"  # not the next name: the list has ended, a heading again
        "附件：青山镇2024年普法情况\n"  # one attachment, no list
        "2.工作成效\n"
    )
    assert [(h.line, h.level, h.number) for h in d.headings] == [
        (1, 1, 1),
        (2, 3, 1),
        (13, 3, 1),
        (15, 3, 2),
    ]


def test_body_text_above_a_detected_title_is_not_chrome() -> None:
    """Issue 14: only lines that look like page chrome are chrome; a sentence of the
    report above the detected title is still checked."""
    from lawlint.input.reader import source_from_bytes
    from lawlint.model.document import Document

    text = (
        "天津市青禾区人民政府 2019年12月3日星期二\n"
        "无障碍 简体| 繁体\n"
        "2024年，青禾区坚持以习近平法治思想为指导，扎实推进法治政府建设各项工作。\n"
        "青禾区2024年度法治政府建设情况报告\n"
        "一、主要举措和成效\n"
    )
    doc = Document(source_from_bytes(text.encode(), "r.txt"))
    assert doc.title is not None and doc.title.text == "青禾区2024年度法治政府建设情况报告"
    assert doc.chrome == frozenset({1, 2})


def test_a_widget_row_cut_off_by_the_copy_is_chrome() -> None:
    text = "吉水镇2024年法治政府建设年度报告\n【打印】 【字体：\n一、主要工作\n"
    d = Document(source_from_bytes(text.encode(), "r.txt"))
    assert d.chrome == frozenset({2})


def test_date_and_view_count_rows_are_chrome() -> None:
    text = (
        "中村乡人民政府关于2022年法治政府建设工作情况报告\n"
        "日期:2023年05月11日   作者:中村乡党政办公室   来源:中村乡\n"
        "浏览:5072次 时间:2022-12-07 来源:本站\n"
        "一、主要举措和成效\n"
    )
    d = Document(source_from_bytes(text.encode(), "r.txt"))
    assert d.chrome == frozenset({2, 3})

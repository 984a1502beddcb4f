"""Issue 14, the rest: official names checked against the pack's catalogue, stray
spaces in the title line and before numbers, 截止 for 截至, “12.4” for “12·4”. Each
test builds the real-looking Chinese text it judges and pins rule, line and column."""

from __future__ import annotations

import pytest
from conftest import spots

from lawlint.checks._catalogue import Catalogue, find_in, levenshtein

TITLE = "青禾县2024年法治政府建设年度报告\n"


@pytest.mark.parametrize(
    ("sentence", "column", "name"),
    [
        # a word dropped (the example)
        (
            "严格执行《党政主要负责人履行推进第一责任人职责规定》。",
            5,
            "《党政主要负责人履行推进法治建设第一责任人职责规定》",
        ),
        # wrong years
        (
            "对照《法治中国建设规划（2021—2025年）》查找差距。",
            3,
            "《法治中国建设规划（2020—2025年）》",
        ),
        (
            "落实《法治社会建设实施纲要（2021—2025年）》。",
            3,
            "《法治社会建设实施纲要（2020—2025年）》",
        ),
        # a word dropped, a word swapped
        ("严格落实《重大行政决策程序条例》。", 5, "《重大行政决策程序暂行条例》"),
        ("学习《中华人民共和国行政复议法实施细例》。", 3, "《中华人民共和国行政复议法实施条例》"),
        ("贯彻《中华人民共和国政府信息公开条列》。", 3, "《中华人民共和国政府信息公开条例》"),
        ("学习《中华人民共和国行政处罚》。", 3, "《中华人民共和国行政处罚法》"),
        # a word added
        (
            "严格执行《党政主要负责人切实履行推进法治建设第一责任人职责规定》。",
            5,
            "《党政主要负责人履行推进法治建设第一责任人职责规定》",
        ),
        ("对照《法治政府建设示范指标体系》开展创建。", 3, "《市县法治政府建设示范指标体系》"),
    ],
)
def test_a_misquoted_catalogue_name_is_reported_with_the_name_as_fix(
    lint, sentence: str, column: int, name: str
) -> None:
    found = lint(TITLE + sentence + "\n", "official-title")
    assert spots(found) == [("official-title", 2, column)]
    (f,) = found
    assert f.fix is not None and f.fix.replacement == name
    assert f.message.endswith(f"应为“{name}”")


@pytest.mark.parametrize(
    "sentence",
    [
        # exact names
        "严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》《信访工作条例》。",
        "学习《中华人民共和国行政复议法》《中华人民共和国行政复议法实施条例》。",
        "印发《中共中央、国务院转发〈中央宣传部、司法部关于开展法治宣传教育的第八个五年规划"
        "（2021—2025年）〉的通知》。",
        # short forms
        "组织学习《行政处罚法》《民法典》《宪法》《政府信息公开条例》。",
        # other real laws close in spelling
        "学习《中华人民共和国刑法》《中华人民共和国行政监察法》《信访条例》。",
        "学习《中华人民共和国行政处罚法释义》。",
        # another kind of document built on the name
        "制定《党政主要负责人履行推进法治建设第一责任人职责清单》。",
        "落实《党政主要负责人履行推进法治建设第一责任人职责工作清单》。",
        "落实《重大行政决策程序暂行规定》。",
        # local documents that reuse the words
        "制定《静海区法治政府建设实施纲要（2021—2025年）》和《法治嘉兴建设规划（2021—2025年）》。",
        "落实《重庆市重大行政决策程序规定》《温州市优化营商环境条例》。",
        "制定《2023年法治政府建设工作要点》《广东省法治政府建设实施纲要》。",
        # a local document whose place name was left out (set Z43: a city's 纲要, also in 〈〉)
        "贯彻《市法治政府建设实施纲要（2021—2025年）》，制定《〈市法治政府建设实施纲要"
        "（2021—2025年）〉重要举措分工方案》《县法治社会建设实施纲要（2021—2025年）》。",
        # the next period's plan, in a 2025 report's plans: another document
        "贯彻落实新一轮《法治政府建设实施纲要（2026—2030年）》。",
        "对标《法治中国建设规划（2026-2030年）》谋划“十五五”工作。",
        "启动《中央宣传部、司法部关于开展法治宣传教育的第九个五年规划（2026—2030年）》学习。",
    ],
)
def test_no_finding_for_exact_names_short_forms_and_other_documents(lint, sentence: str) -> None:
    assert lint(TITLE + sentence + "\n", "official-title") == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a period that is not a later one is the catalogued plan with its years wrong
        (
            "落实《法治政府建设实施纲要（2016—2025年）》。",
            "《法治政府建设实施纲要（2021—2025年）》",
        ),
        ("落实《法治中国建设规划（2026—2025年）》。", "《法治中国建设规划（2020—2025年）》"),
        (
            "落实《法治社会建设实施纲要（2019—2025年）》。",
            "《法治社会建设实施纲要（2020—2025年）》",
        ),
    ],
)
def test_wrong_years_that_are_no_later_period_are_misquotations(
    lint, sentence: str, name: str
) -> None:
    found = lint(TITLE + sentence + "\n", "official-title")
    assert spots(found) == [("official-title", 2, 3)]
    assert found[0].fix.replacement == name


def test_a_year_range_with_a_hyphen_stays_range_dash_work(lint) -> None:
    """Catalogue names differing only in their marks are not misquotations: the dash
    is range-dash's finding and the bracket halfwidth-punct's, as before."""
    found = lint(TITLE + "落实《提升行政执法质量三年行动计划(2023-2025年)》。\n")
    assert [f.rule for f in found if f.rule == "official-title"] == []
    assert [s for s in spots(found) if s[0] in ("range-dash", "halfwidth-punct")] == [
        ("halfwidth-punct", 2, 18),
        ("range-dash", 2, 23),
        ("halfwidth-punct", 2, 29),
    ]


def test_the_listed_variants_keep_their_findings(lint) -> None:
    found = lint(TITLE + "根据《法治政府建设与责任落实督查工作规定》要求。\n", "official-title")
    assert spots(found) == [("official-title", 2, 3)]
    assert found[0].fix.replacement == "《法治政府建设与责任落实督察工作规定》"


def test_fix_rewrites_a_misquoted_catalogue_name(tmp_path) -> None:
    from click.testing import CliRunner

    from lawlint.cli.main import main

    path = tmp_path / "青禾县2024年法治政府建设年度报告.txt"
    path.write_text(TITLE + "严格落实《重大行政决策程序条例》。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert result.exit_code == 1  # the report's other findings remain
    assert path.read_text(encoding="utf-8") == TITLE + "严格落实《重大行政决策程序暂行条例》。\n"


def test_banded_levenshtein_and_core_alignment() -> None:
    assert levenshtein("行政处罚法", "行政许可法", 2) == 2
    assert levenshtein("行政处罚法", "行政许可法", 1) is None
    assert levenshtein("ab", "abcdef", 3) is None  # lengths differ by more than the band
    assert levenshtein("", "", 0) == 0
    assert find_in("法治建设", "推进法治建设第一") == (0, 2, 6)


def test_candidates_come_from_the_character_index() -> None:
    cat = Catalogue(("《信访工作条例》", "《中华人民共和国宪法》"))
    assert cat.match("《信访工作条列》") == "《信访工作条例》"
    assert cat.match("《中华人民共和国刑法》") is None
    assert cat.match("《" + "法" * 200 + "》") is None  # over the length bound


BODY = "一、主要举措和成效\n审核规范性文件12件。\n"


def test_a_stray_space_in_the_title_line_is_reported(lint) -> None:
    text = "青禾县卫生健康委员会 关于2024年度法治政府建设情况的报告\n" + BODY
    found = lint(text, "cjk-space")
    assert spots(found) == [("cjk-space", 1, 11)]
    assert found[0].message == "多余的空格：中文之间不应有空格"
    assert found[0].fix is not None and found[0].fix.replacement == ""


def test_the_space_between_joint_issuers_in_the_title_is_kept(lint) -> None:
    text = "中共青禾县委 青禾县人民政府关于2024年度法治政府建设情况的报告\n" + BODY
    assert lint(text, "cjk-space") == []


def test_a_space_between_chinese_and_a_number_is_reported(lint) -> None:
    text = TITLE + "发放宣传资料 3000份，于 2024年3月开展宪法宣传周活动，办结率 98.5%以上。\n"
    found = lint(text, "cjk-space")
    assert spots(found) == [("cjk-space", 2, 7), ("cjk-space", 2, 15), ("cjk-space", 2, 36)]
    assert {f.message for f in found} == {"多余的空格：中文与数字之间不应有空格"}
    # after a closing quote or title mark as well (set H: “挂案” 5起)
    text = TITLE + "排查涉企“挂案” 5起，学习《民法典》 3次。\n"
    assert spots(lint(text, "cjk-space")) == [("cjk-space", 2, 9), ("cjk-space", 2, 20)]


@pytest.mark.parametrize(
    "line",
    [
        "青禾县人民政府 2025年3月1日",  # a signature joined onto one line
        "执行GB/T 15834-2011标准。",  # no Chinese before the number
        "案件类型\t45件",  # a tab aligns a column
    ],
)
def test_no_space_before_number_finding_for_signatures_and_aligned_columns(lint, line: str) -> None:
    assert lint(TITLE + line + "\n", "cjk-space") == []


@pytest.mark.parametrize(
    ("line", "column", "match"),
    [
        ("截止2024年12月底，共办理行政复议案件12件。", 1, "截止"),
        ("全镇截止11月30日累计调解纠纷36起。", 3, "截止"),
        ("截止年底，共审查合同247份。", 1, "截止"),
    ],
)
def test_jiezhi_before_a_date_should_be_jiezhi_until(
    lint, line: str, column: int, match: str
) -> None:
    found = lint(TITLE + line + "\n", "cutoff-wording")
    assert spots(found) == [("cutoff-wording", 2, column)]
    assert found[0].fix is not None and found[0].fix.replacement == "截至"
    assert found[0].message.startswith("“截止”后接时间时应为“截至”")


@pytest.mark.parametrize(
    "line",
    [
        "截至2024年12月底，共办理行政复议案件12件。",
        "明确申报截止日期和截止时间。",
        "报名于2024年3月1日截止。",
        "截止到目前已完成。",
    ],
)
def test_no_cutoff_wording_finding_where_jiezhi_is_right(lint, line: str) -> None:
    assert lint(TITLE + line + "\n", "cutoff-wording") == []


def test_fix_leaves_jiezhi_but_replaces_the_point_of_a_day_name(tmp_path) -> None:
    """截止 → 截至 changes a character: reported, never applied. “12.4” → “12·4” only
    changes a mark: applied."""
    from click.testing import CliRunner

    from lawlint.cli.main import main

    path = tmp_path / "青禾县2024年法治政府建设年度报告.txt"
    path.write_text(TITLE + "截止2024年12月底，利用“12.4”国家宪法日开展宣传。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--format", "json", str(path)])
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == (
        TITLE + "截止2024年12月底，利用“12·4”国家宪法日开展宣传。\n"
    )
    assert '"cutoff-wording"' in result.stdout
    assert '"interpunct-date"' not in result.stdout


@pytest.mark.parametrize(
    ("line", "column", "fixed"),
    [
        ("利用“12.4”国家宪法日开展宪法宣传。", 3, "“12·4”"),
        ("围绕“3.15”国际消费者权益日开展普法宣传。", 3, "“3·15”"),
        ("组织“6．26”禁毒宣传活动。", 3, "“6·26”"),
        # set Q: an item of a list of day names, the campaign named further on
        ("结合“3·15”、“6.26”、“反邪教宣传月”等特定时间节点。", 10, "“6·26”"),
    ],
)
def test_a_point_in_a_day_name_should_be_the_interpunct(
    lint, line: str, column: int, fixed: str
) -> None:
    found = lint(TITLE + line + "\n", "interpunct-date")
    assert spots(found) == [("interpunct-date", 2, column)]
    assert found[0].fix is not None and found[0].fix.replacement == fixed


@pytest.mark.parametrize(
    "line",
    [
        "利用“12·4”国家宪法日开展宪法宣传。",
        "办件量是上年的“2.5”倍，宣传活动同步开展。",
        "推广“13.5”计划。",  # not a month
        "评分“3.15”分。",  # nothing named after it
    ],
)
def test_no_interpunct_finding_for_decimals_and_right_forms(lint, line: str) -> None:
    assert lint(TITLE + line + "\n", "interpunct-date") == []


@pytest.mark.parametrize(
    ("line", "column", "total", "parts"),
    [
        ("办理行政处罚案件45件，其中简易程序20件、一般程序30件。", 9, 45, 50),
        ("受理行政复议申请12件。其中：不予受理3件、驳回10件。", 9, 12, 13),
        ("全年办理案件45件，审结40件，其中简易程序20件、一般程序30件。", 13, 40, 50),
    ],
)
def test_a_total_without_gong_is_checked_against_its_parts(
    lint, line: str, column: int, total: int, parts: int
) -> None:
    found = lint(TITLE + line + "\n", "sum-mismatch")
    assert spots(found) == [("sum-mismatch", 2, column)]
    assert (found[0].data["total"], found[0].data["parts"]) == (total, parts)


@pytest.mark.parametrize(
    "line",
    [
        "办理行政处罚案件45件，其中简易程序20件、一般程序25件。",
        "行政复议案件较2023年增加5件，其中维持3件、撤销4件。",  # a comparison, not a total
        "完成述法473名（其中现场述法21名、书面述法460名）。",  # 其中 inside brackets
        "局党组中心组多次开展法治学习，其中专题学习12次、集中学习20次。",  # no figure
    ],
)
def test_no_sum_mismatch_without_a_stated_total_it_exceeds(lint, line: str) -> None:
    assert lint(TITLE + line + "\n", "sum-mismatch") == []


def test_a_catalogue_name_without_title_marks_is_a_pack_error(tmp_path) -> None:
    from lawlint.errors import PackError
    from lawlint.packs.loader import load_packs

    path = tmp_path / "pack.yaml"
    path.write_text(
        "pack: my-province\nrules:\n  - id: my-titles\n    kind: official-title\n"
        "    severity: error\n    message: “{match}”应为“{replacement}”\n"
        "    catalogue: [信访工作条例]\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as exc:
        load_packs([path])
    message = str(exc.value)
    assert "catalogue 中的名称应以《》括起" in message
    assert "a name in 'catalogue' must be in 《》" in message
    assert "pack.yaml" in message


@pytest.mark.parametrize(
    ("line", "column", "fixed"),
    [
        # set S: a name quoted inside a local document's title, typed with <>
        (
            "落实《自治区贯彻落实<法治社会建设实施纲要（2020-2025)>实施方案》。",
            11,
            "〈法治社会建设实施纲要（2020—2025年）〉",
        ),
        ("印发《关于学习〈法治政府建设与责任落实督查工作规定〉的通知》。", 8, None),
    ],
)
def test_a_name_quoted_inside_another_title_is_checked(
    lint, line: str, column: int, fixed: str | None
) -> None:
    found = lint(TITLE + line + "\n", "official-title")
    assert spots(found) == [("official-title", 2, column)]
    replacement = found[0].fix.replacement if found[0].fix else None
    assert replacement == (fixed or "〈法治政府建设与责任落实督察工作规定〉")
    # the right name inside a title, and a local document's own name, are left alone
    assert (
        lint(
            TITLE + "印发《关于学习〈法治政府建设与责任落实督察工作规定〉的通知》。\n",
            "official-title",
        )
        == []
    )
    assert (
        lint(
            TITLE + "制定《州贯彻落实<自治区贯彻落实法治社会建设实施纲要实施方案>的分解方案》。\n",
            "official-title",
        )
        == []
    )


def test_a_quotation_inside_a_quotation_takes_single_quotes(lint) -> None:
    # 浮梁县 2022 (set T): the inner “两山” of a quoted theme
    line = "以“践行“两山”生态理念 法治守护浮梁绿水青山”为主题，拍摄宣传片。"
    found = lint(TITLE + line + "\n", "nested-quote")
    assert spots(found) == [("nested-quote", 2, 5), ("nested-quote", 2, 8)]
    assert [f.fix.replacement for f in found if f.fix] == ["‘", "’"]


@pytest.mark.parametrize(
    "line",
    [
        "推行“一网通办”“跨省通办”，开展“八五”普法。",  # side by side, not nested
        "以“践行‘两山’生态理念”为主题。",  # already single quotes inside
        "以“践行“两山”生态理念为主题。",  # a quote is missing: unpaired-mark's, not this
        "推行”一网通办“。",  # marks the wrong way round
    ],
)
def test_no_nested_quote_finding_without_certain_nesting(lint, line: str) -> None:
    assert lint(TITLE + line + "\n", "nested-quote") == []


@pytest.mark.parametrize(
    ("line", "column", "match"),
    [
        ("法律顾问全程参与，出具法律意见16余次。", 16, "16余"),  # 凤鸣镇 2021 (set Q)
        ("共组织干部集中学法4余次。", 10, "4余"),
        ("办理案件1.5余万件。", 5, "1.5余"),
    ],
)
def test_yu_after_an_exact_number(lint, line: str, column: int, match: str) -> None:
    found = lint(TITLE + line + "\n", "approx-number")
    assert spots(found) == [("approx-number", 2, column)]
    assert found[0].message.startswith(f"“{match}”中“余”前不是整数")


@pytest.mark.parametrize(
    "line",
    [
        "开展学习10余场次，覆盖150余人、1.2万余人次，办理2000余件。",
        "结余资金15万元，账户余额3万元，其余5件正在办理。",
    ],
)
def test_yu_after_a_round_number_is_right(lint, line: str) -> None:
    assert lint(TITLE + line + "\n", "approx-number") == []


@pytest.mark.parametrize(
    ("line", "column", "name"),
    [
        # 赵县 2025 (set F), 梅仙镇 2025 (set T), 揭西县 2024 (set X)
        (
            "严格执行党政主要负责人履行推进法治建设第一责任人职责规定，组织专题述法。",
            5,
            "党政主要负责人履行推进法治建设第一责任人职责规定",
        ),
        ("严格落实政府信息公开条例，依托镇政府门户网站公开信息。", 5, "政府信息公开条例"),
        ("坚持以中共中央、国务院法治政府建设实施纲要为指导。", 12, "法治政府建设实施纲要"),
    ],
)
def test_a_documents_name_without_title_marks(lint, line: str, column: int, name: str) -> None:
    found = lint(TITLE + line + "\n", "title-mark-missing")
    assert spots(found) == [("title-mark-missing", 2, column)]
    assert found[0].message == f"“{name}”是文件名称，应加书名号《》"


@pytest.mark.parametrize(
    "line",
    [
        "严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》。",
        "制定《自治区贯彻落实<法治中国建设规划（2020-2025年）>实施方案》。",
        "开展“学习法治政府建设实施纲要”主题活动。",
    ],
)
def test_no_title_mark_finding_inside_titles_or_quotes(lint, line: str) -> None:
    assert lint(TITLE + line + "\n", "title-mark-missing") == []


@pytest.mark.parametrize(
    ("line", "column", "match"),
    [
        # 奉节县生态环境局 2021 and 荣昌区教委 2024 (set X)
        ("一是简化审批流程，全面实现环评审批网上办一次办二是主动靠前服务。", 24, "二是"),
        ("一是召开专题会议4次、组织法治培训4次二是组织全区教育系统开展学法。", 20, "二是"),
        ("二是加强培训；三是严格执法检查12次四是推行电子证照。", 19, "四是"),
    ],
)
def test_a_run_in_item_glued_to_the_one_before(lint, line: str, column: int, match: str) -> None:
    found = lint(TITLE + line + "\n", "run-on-item")
    assert spots(found) == [("run-on-item", 2, column)]
    assert found[0].message.startswith(f"“{match}”前缺少句号")


@pytest.mark.parametrize(
    "line",
    [
        "一是简化审批流程。二是主动靠前服务。",
        "二是主动靠前服务，做到一是一、二是二。",  # no 一是 before it
        "一是坚持依法办事，第二是做好服务，唯一是要守住底线。",
        "完成全年任务二是关键。",  # no 一是 in the paragraph
    ],
)
def test_no_run_on_item_finding_for_phrases_and_ended_items(lint, line: str) -> None:
    assert lint(TITLE + line + "\n", "run-on-item") == []


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("根据县政府主要领导做出的批示，制定具体整改方案。", 10),  # 社旗县 2024 (set Z1)
        ("对街道拟做出的重大行政执法决定进行法制审核。", 5),  # 广内街道 2020 (set N)
    ],
)
def test_zuochu_before_an_abstract_object(lint, line: str, column: int) -> None:
    found = lint(TITLE + line + "\n", "zuochu-wording")
    assert spots(found) == [("zuochu-wording", 2, column)]
    assert found[0].fix is not None and found[0].fix.replacement == "作出"


def test_zuochu_before_a_thing_is_right(lint) -> None:
    assert lint(TITLE + "做出样品供群众体验，作出决定2项。\n", "zuochu-wording") == []

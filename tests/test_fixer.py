"""The fixer: which edits a pass applies, what it refuses, passes until stable."""

from __future__ import annotations

from conftest import EXAMPLES

from lawlint.findings import Finding, Fix
from lawlint.input.reader import read_source, source_from_bytes
from lawlint.input.source import Source
from lawlint.lint.fixer import Edit, apply, fix_source, fix_text, plan, skeleton, unified_diff


def read_source_text(text: str) -> Source:
    return source_from_bytes(text.encode("utf-8"), "draft.txt")


def finding(rule: str, start: int, end: int, replacement: str) -> Finding:
    return Finding(
        "t.txt", rule, "warning", 1, start + 1, 1, end + 1, "", start, end, Fix(replacement)
    )


def test_skeleton_is_letters_digits_and_chinese_in_nfkc() -> None:
    assert skeleton("２０２４年（一）,ＡＢ c—！") == "2024年一ABc"


def test_overlap_the_first_and_longest_edit_wins() -> None:
    text = "(二)、完善"
    found = [
        finding("halfwidth-punct", 0, 1, "（"),
        finding("halfwidth-punct", 2, 3, "）"),
        finding("heading-marker", 0, 4, "（二）"),
    ]
    edits, refused = plan(found, text, text, {"halfwidth-punct", "heading-marker"})
    assert edits == [Edit(0, 4, "（二）", "heading-marker")] and refused == []
    assert apply(text, edits) == "（二）完善"


def test_equal_spans_are_ordered_by_rule_id_and_later_overlaps_wait() -> None:
    text = "甲。。乙"
    found = [
        finding("repeated-punct", 1, 3, "。"),
        finding("heading-punct", 1, 3, ""),
        finding("cjk-space", 2, 4, "。乙"),  # overlaps the winner: left for the next pass
    ]
    edits, _ = plan(found, text, text, {"repeated-punct", "heading-punct", "cjk-space"})
    assert edits == [Edit(1, 3, "", "heading-punct")]


def test_edits_that_change_words_lines_or_masked_text_are_refused() -> None:
    text = "督查工作规定\n见https://a.cn/x"
    masked = "督查工作规定\n见" + "\ue000" * 14
    found = [
        finding("official-title", 0, 2, "督察"),  # changes a Chinese character
        finding("halfwidth-punct", 5, 7, "定"),  # removes a line break
        finding("halfwidth-punct", 14, 15, "："),  # inside a URL
        finding("fullwidth-alnum", 0, 0, "２"),  # adds a digit
    ]
    edits, refused = plan(found, text, masked, {f.rule for f in found})
    assert edits == [] and refused == found


def test_only_fixable_rules_and_real_changes_are_applied() -> None:
    text = "甲，乙"
    found = [finding("phrase", 0, 1, ""), finding("cjk-space", 1, 2, "，")]
    assert plan(found, text, text, {"cjk-space"}) == ([], [])


def test_fix_runs_passes_until_nothing_is_left(linter) -> None:
    # repeated-punct first makes the heading standalone, then heading-punct applies;
    # halfwidth-punct's ASCII comma becomes "，", which repeated-punct then merges.
    text = "（二）推进依法决策。。\n坚持依法行政，,推进建设。\n"
    source = read_source_text(text)
    result = fix_source(linter, source)
    assert result.text == "（二）推进依法决策\n坚持依法行政，推进建设。\n"
    assert result.passes == 2 and result.applied == 4 and result.converged


def test_pairs_dashes_and_brackets(linter) -> None:
    assert fix_text(linter, '(一)深学笃行\n开展"八五"普法,学习《纲要(2021-2025年)》。\n') == (
        "（一）深学笃行\n开展“八五”普法，学习《纲要（2021—2025年）》。\n"
    )
    assert fix_text(linter, "依据人社部发(2016)82号，共５-１０人。\n") == (
        "依据人社部发〔2016〕82号，共5～10人。\n"
    )


def test_flawed_draft_fixed_keeps_its_words_and_only_unfixable_faults_remain(linter) -> None:
    source = read_source(str(EXAMPLES / "flawed-draft.txt"))
    result = fix_source(linter, source)
    assert result.changed and result.converged
    # name-slip's 二十大 → 二十届, cutoff-wording's 截止 → 截至, zuochu-wording's 做出 → 作出
    # and doubled-word's 推动推动 → 推动 change the wording: refused, left to the drafter
    assert [f.rule for f in result.refused] == [
        "name-slip",
        "cutoff-wording",
        "zuochu-wording",
        "doubled-word",
    ]
    # the only word changed is official-title's correction of a misquoted name
    assert skeleton(result.text) == skeleton(source.text.replace("督查工作规定", "督察工作规定"))
    assert [f.rule for f in result.findings if f.fix is not None] == [
        "name-slip",
        "cutoff-wording",
        "zuochu-wording",
        "doubled-word",
    ]
    assert {f.rule for f in result.findings} == {
        "section-missing",
        "title-format",
        "heading-numbering",
        "unpaired-mark",
        # content rules have no fix: the drafter must supply the facts
        "vague-quantity",
        "unsupported-claim",
        "relative-time",
        "partial-period",
        "year-mismatch",
        "sum-mismatch",
        "topic-missing",
        "rate-over-100",
        # wording and number forms the drafter rewrites (no mark-only fix)
        "cutoff-wording",
        "doubled-word",
        "zuochu-wording",
        "outdated-goal",
        "outdated-term",
        "name-slip",
        "abbreviated-year",
        "mixed-number",
        "dotted-date",
        "approx-number",
        # marks whose place the drafter decides (where a name starts; 。 or ；)
        "title-mark-missing",
        "run-on-item",
    }
    assert fix_source(linter, read_source_text(result.text)).applied == 0


def test_clean_report_is_left_alone(linter) -> None:
    source = read_source(str(EXAMPLES / "clean-report.md"))
    result = fix_source(linter, source)
    assert not result.changed and result.applied == 0 and result.passes == 0


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("r.txt", "甲,乙\n丙", "甲，乙\n丙。")
    assert diff.splitlines() == [
        "--- r.txt",
        "+++ r.txt",
        "@@ -1,2 +1,2 @@",
        "-甲,乙",
        "-丙",
        "\\ No newline at end of file",
        "+甲，乙",
        "+丙。",
        "\\ No newline at end of file",
    ]

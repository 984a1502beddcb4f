"""Property tests of --fix over generated Chinese/ASCII/punctuation text: fixing never
changes the sequence of letters, digits and Chinese characters; fixing twice is fixing
once; after a fix no fixable finding is left. The text is built from tokens that make
the typography rules fire (and their traps), so most examples need fixes."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lawlint.input.reader import source_from_bytes
from lawlint.lint.fixer import FixResult, fix_source, fixable_rules, skeleton

TOKENS = [
    # Chinese words, units, numerals
    "法治", "政府", "建设", "年", "月", "日", "人", "号", "发", "一", "二", "是",
    # ASCII and full-width letters and digits, years
    "a", "B", "x1", "0", "1", "2", "12", "2021", "2025", "０", "９", "Ａ", "ｂ",
    # ASCII punctuation
    ",", ".", ";", ":", "?", "!", "(", ")", '"', "-", "[", "]", "<", ">", "%", "/", "**",
    # Chinese punctuation
    "，", "。", "、", "；", "：", "？", "！", "（", "）", "“", "”", "‘", "’", "《", "》",
    "〈", "〉", "【", "】", "〔", "〕", "—", "～", "…",
    # spaces and line breaks
    " ", "  ", "\u3000", "\u00a0", "\t", "\n", "\n\n",
    # heading markers, right and wrong, Markdown headings
    "一、", "（一）", "(一)", "1.", "1、", "（1）", "(二)、", "# ", "## ", "\n一、法治。\n",
    # what must not be touched, and ready-made faults
    "https://a.cn/x-1,2", "`a,b`", "x<y", "2024-01-15", "0755-1234",
    "。。", "》、《", "”、“", "[2016]82号", "(2021-2025年)", "(20212025年)", "1-11月", "5-10人",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fix(linter, text: str, markdown: bool) -> FixResult:
    path = "draft.md" if markdown else "draft.txt"
    return fix_source(linter, source_from_bytes(text.encode("utf-8"), path, markdown=markdown))


@SETTINGS
@given(TEXT, st.booleans())
def test_fix_keeps_every_letter_digit_and_chinese_character(linter, text, markdown) -> None:
    assert skeleton(fix(linter, text, markdown).text) == skeleton(text)


@SETTINGS
@given(TEXT, st.booleans())
def test_fix_is_idempotent(linter, text, markdown) -> None:
    once = fix(linter, text, markdown)
    assert once.converged
    twice = fix(linter, once.text, markdown)
    assert twice.text == once.text and twice.applied == 0


@SETTINGS
@given(TEXT, st.booleans())
@example("法治法治，建设(2021-2025年)", False)
def test_no_fixable_finding_is_left(linter, text, markdown) -> None:
    result = fix(linter, text, markdown)
    fixable = fixable_rules(linter)

    def rewords(f) -> bool:  # its fix would change a letter, digit or Chinese character
        return skeleton(result.text[f.start : f.end]) != skeleton(f.fix.replacement)

    # a fix that changes the wording ("法治法治" → "法治", doubled-word) is shown and
    # refused, left to the drafter; every other fixable finding is fixed
    left = [f for f in result.findings if f.fix is not None and f.rule in fixable]
    assert [f for f in left if not rewords(f)] == []
    assert all(rewords(f) for f in result.refused)

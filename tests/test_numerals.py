"""Chinese numerals (lawlint.numerals): the one module that reads and writes them, for
heading markers, Word's automatic numbers and years written digit by digit."""

from __future__ import annotations

import pytest

from lawlint.numerals import (
    LEGAL_DIGITS,
    digits_to_arabic,
    from_chinese,
    to_chinese,
    to_chinese_digits,
)


@pytest.mark.parametrize(
    "text, value",
    [
        ("一", 1),
        ("两", 2),
        ("九", 9),
        ("〇", 0),
        ("零", 0),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("九十九", 99),
    ],
)
def test_from_chinese_reads_counting_numerals(text: str, value: int) -> None:
    assert from_chinese(text) == value


@pytest.mark.parametrize("text", ["", "一二", "十十", "一百", "二十三四", "三十二十", "a", "1"])
def test_from_chinese_refuses_what_is_not_one_or_two_digits(text: str) -> None:
    assert from_chinese(text) is None


@pytest.mark.parametrize(
    "n, text", [(0, "〇"), (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九")]
)
def test_to_chinese_writes_counting_numerals(n: int, text: str) -> None:
    assert to_chinese(n) == text


def test_to_chinese_round_trips_every_heading_number() -> None:
    assert [from_chinese(to_chinese(n) or "") for n in range(100)] == list(range(100))


def test_to_chinese_other_forms_and_range() -> None:
    assert to_chinese(12, LEGAL_DIGITS, "拾") == "拾贰"
    assert to_chinese(0, "零一二三四五六七八九") == "零"
    assert to_chinese(100) is None
    assert to_chinese(-1) is None


def test_digit_by_digit_years() -> None:
    assert digits_to_arabic("二〇二四") == "2024"
    assert digits_to_arabic("二零二三年") == "2023年"
    assert to_chinese_digits(2024) == "二〇二四"
    assert to_chinese_digits(0) == "〇"


def test_the_three_users_share_it() -> None:
    """Heading markers, Word's numbering and title years read and write through it."""
    from lawlint.checks.heading_numbering import marker_text
    from lawlint.input.docx_reader import _format
    from lawlint.model.title import find_year
    from lawlint.numbering import parse_marker

    marker = parse_marker("十二、加强执法监督")
    assert marker is not None and (marker.level, marker.number) == (1, 12)
    assert marker_text(1, 12) == "十二、"
    assert marker_text(2, 0) == "（零）"
    assert _format(12, "chineseCounting") == "十二"
    assert _format(12, "chineseLegalSimplified") == "拾贰"
    assert _format(2024, "ideographDigital") == "二〇二四"
    assert _format(120, "chineseCounting") == "120"
    assert find_year("青禾镇二〇二四年法治政府建设年度报告") == 2024

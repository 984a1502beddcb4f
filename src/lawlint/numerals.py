"""Chinese numerals, one place for reading and writing them.

Reports number their headings in Chinese (一、 （十二）), Word shows automatic numbers in
Chinese counting or legal forms (十二, 拾贰) and titles may write the year digit by digit
(二〇二四年). Three kinds of numeral, each read or written here only:

- counting numerals of one or two digits, the form of heading numbers: 一 … 十 … 九十九
  (:func:`from_chinese`, :func:`to_chinese`);
- digit-by-digit numerals, the form of years and Word's "ideograph digital" numbers:
  二〇二四 (:func:`digits_to_arabic`, :func:`to_chinese_digits`).

A leaf: standard library only.
"""

from __future__ import annotations

DIGITS = "〇一二三四五六七八九"
"""The digits 0-9 as written digit by digit (二〇二四)."""
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
"""The financial ("legal") digits Word uses for ``chineseLegalSimplified``."""

_VALUES = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_TO_ARABIC = str.maketrans("〇零一二三四五六七八九", "00123456789")


def from_chinese(text: str) -> int | None:
    """A counting numeral of one or two digits: 一 → 1, 十 → 10, 十二 → 12, 二十 → 20,
    二十三 → 23 (两 is 2, 〇 and 零 alone are 0); None when ``text`` is not one."""
    if not text or any(ch not in _VALUES and ch != "十" for ch in text):
        return None
    if "十" not in text:
        if len(text) != 1:
            return None
        return _VALUES[text]
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    value = (_VALUES[tens] if tens else 1) * 10
    return value + (_VALUES[units] if units else 0)


def to_chinese(n: int, digits: str = DIGITS, ten: str = "十") -> str | None:
    """``n`` (0-99) as a counting numeral: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十; 0 is
    ``digits[0]``. ``digits`` and ``ten`` give other forms (legal: 壹 … 拾). None
    outside 0-99, where the caller decides (Arabic digits, as Word does)."""
    if not 0 <= n < 100:
        return None
    tens, units = divmod(n, 10)
    if not tens:
        return digits[units]
    return ("" if tens == 1 else digits[tens]) + ten + (digits[units] if units else "")


def digits_to_arabic(text: str) -> str:
    """Chinese digits written one by one as Arabic ones: 二〇二四 → 2024 (零 is 0 too);
    other characters are left as they are."""
    return text.translate(_TO_ARABIC)


def to_chinese_digits(n: int) -> str:
    """A non-negative ``n`` digit by digit: 2024 → 二〇二四."""
    return "".join(DIGITS[int(d)] for d in str(n))

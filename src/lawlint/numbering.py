"""Heading markers of GB/T 9704-2012 7.3.3: 一、 > （一） > 1. > （1）.

:func:`parse_marker` reads the marker at the start of a line, in its correct form or
in one of the malformed forms drafters write ("(一)、", "1、", "一.", "一)", "（1）." …;
"一)" is read as a （一） that lost its opening bracket),
so the document model knows the heading's level and number and the ``heading-marker``
check knows what is wrong with it.

A line that opens with an enumeration of numbers ("一、二季度，……" is the first and
second quarters; "一、二审", "1、2月份", or a round range: "三、四十名") has no marker:
its first number belongs, with the others, to the word after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawlint.chars import HAN
from lawlint.numerals import from_chinese

_CN = "一二三四五六七八九十〇零"

# Level 1: Chinese numeral + separator. Only 、 is right; ．. ) ） are wrong forms.
_L1 = re.compile(rf"(?P<num>[{_CN}]{{1,3}})(?P<sep>、|[.．](?![{_CN}])|[)）])")
# "一.2024年主要工作": a point run into a number is a marker only when the number runs
# into words ("一.1." and "一.5%" are not) and the line reads as a heading: short, no
# sentence end before its last character.
_NUMBER_WORDS = re.compile(rf"\d+[{HAN}]")
SENTENCE_END = re.compile(r"[。！？!?；;]")  # also read by model.ending
_MAX_HEADING = 50
# Level 2 and 4: a bracketed Chinese numeral / Arabic number, optionally followed by
# punctuation that must not be there ("(一)、").
_L2 = re.compile(
    rf"(?P<open>[(（])(?P<num>[{_CN}]{{1,3}})(?P<close>[)）])(?P<after>[、.．,，:：]?)"
)
_L4 = re.compile(r"(?P<open>[(（])(?P<num>\d{1,2})(?P<close>[)）])(?P<after>[、.．,，:：]?)")
# Level 3: Arabic number + separator; "1." (ASCII or full-width point) is right, "1、"
# and "1)" are wrong. A point followed by a digit is a decimal ("1.5亿元"), not a marker.
_L3 = re.compile(r"(?P<num>\d{1,2})(?P<sep>[.．](?![\d.．])|、|[)）])")
# After "一、" or "1、": more numbers of the same script in 、 and a word that counts or
# orders them ("一、二季度", "一、二、三级", "1、2月份"): an enumeration, not a marker.
_ORDINAL = "季度|季|审|级|类|档|批|期|等|产|线|号|年级|月|轮|次|届|代|层"
# a count may stand between ("7、8两个月", "三、四两个季度")
_COUNT = "(?:两个?|[三四五六七八九十]个|个)?"
_CN_RUN = re.compile(rf"((?:[{_CN}]{{1,3}}、)*[{_CN}]{{1,3}}){_COUNT}(?:{_ORDINAL})")
_AR_RUN = re.compile(rf"((?:\d{{1,2}}、)*\d{{1,2}}){_COUNT}(?:{_ORDINAL})")


@dataclass(frozen=True, slots=True)
class Marker:
    """A heading marker: its level (1–4), number, length, and what is wrong with it."""

    level: int
    number: int
    length: int
    problem: str | None = None
    correct: str = ""


def parse_marker(line: str, pos: int = 0) -> Marker | None:
    """Parse a heading marker starting at ``line[pos]``; None when there is none."""
    m = _L2.match(line, pos)
    if m:
        number = from_chinese(m["num"])
        if number is not None and number > 0:
            return _bracketed(m, 2, number, f"（{m['num']}）")
    m = _L4.match(line, pos)
    if m:
        return _bracketed(m, 4, int(m["num"]), f"（{m['num']}）")
    m = _L1.match(line, pos)
    if m and not _nothing_follows(line, m.end()):
        number = from_chinese(m["num"])
        if number is not None and number > 0 and _opens_heading(m, number):
            sep = m["sep"]
            if sep in ")）":
                # "一)" is "（一）" that lost its opening bracket far more often than a
                # level-1 heading written with a bracket: read it as level 2
                correct = f"（{m['num']}）"
                return Marker(
                    2,
                    number,
                    m.end() - pos,
                    f"“{m['num']}{sep}”缺少左括号，应写作“{correct}”",
                    correct,
                )
            problem = None if sep == "、" else f"“{m['num']}{sep}”应写作“{m['num']}、”"
            return Marker(1, number, m.end() - pos, problem, f"{m['num']}、")
    m = _L3.match(line, pos)
    if m and not _nothing_follows(line, m.end()) and not _enumerates(m, int(m["num"]), _AR_RUN):
        number = int(m["num"])
        sep = m["sep"]
        problem = None if sep in ".．" else f"“{m['num']}{sep}”应写作“{m['num']}.”"
        return Marker(3, number, m.end() - pos, problem, f"{m['num']}.")
    return None


def _bracketed(m: re.Match[str], level: int, number: int, correct: str) -> Marker:
    after = m["after"]
    problem = None
    if after:
        problem = f"括号序号后不加标点：“{m.group(0)}”应写作“{correct}”"
    return Marker(level, number, m.end() - m.start(), problem, correct)


def _opens_heading(m: re.Match[str], number: int) -> bool:
    """Does the level-1 marker ``m`` open a heading? Not when it starts an enumeration
    ("一、二季度"); "一." run into a number ("一.2024年主要工作") only on a line that
    reads as a heading."""
    rest = m.string[m.end() :]
    if m["sep"] in ".．" and rest[:1].isdecimal():
        text = rest.rstrip()
        return (
            _NUMBER_WORDS.match(text) is not None
            and len(text) <= _MAX_HEADING
            and SENTENCE_END.search(text, 0, len(text) - 1) is None
        )
    return not _enumerates(m, number, _CN_RUN)


def _enumerates(m: re.Match[str], first: int, run: re.Pattern[str]) -> bool:
    """Is the number of ``m`` ("一、") the first of an enumeration ("一、二季度")? The
    numbers must rise, as enumerations do. "三、四十名" (30 to 40) is one too."""
    if m["sep"] != "、":
        return False
    if run is _CN_RUN and first < 9 and m.string.startswith(_CN[first] + "十", m.end()):
        return True  # _CN[first] is the numeral after `first`
    r = run.match(m.string, m.end())
    if r is None:
        return False
    previous = first
    for part in r[1].split("、"):
        number = int(part) if part.isdigit() else from_chinese(part)
        if number is None or number <= previous:
            return False
        previous = number
    return True


def _nothing_follows(line: str, end: int) -> bool:
    """A marker alone on its line ("1." in a list of figures) is not a heading."""
    return not line[end:].strip()

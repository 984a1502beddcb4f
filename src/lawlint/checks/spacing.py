"""``cjk-space`` and ``trailing-space``: stray spaces (GB/T 15834, GB/T 9704 practice).

公文 text has no spaces inside Chinese text, around Chinese punctuation, or between a
number and 年/月/日 or a Chinese unit ("2025 年"). NBSP (U+00A0) and U+3000 count as
spaces — drafts pasted from web pages are full of them. A paragraph's leading
indentation is not a stray space; nor is the space after a Markdown '#' or list bullet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lawlint.chars import CJK, HAN, SPACE
from lawlint.checks.base import Check, Context
from lawlint.checks.options import Option
from lawlint.findings import Finding
from lawlint.input.markup import META_KEY
from lawlint.model.rules import Rule
from lawlint.spans import SpanIndex

if TYPE_CHECKING:
    from lawlint.model.document import Document

_S = f"[{SPACE}]+"
# Marks that close or end something: a space before them is always stray. (A space
# before an opening mark — 《 “ （ 【 — is only stray between Chinese characters.)
_CLOSING = "，。、；：？！）》〉”’】〕」』…"
_PAUSE = "，。、；：？！"
# Quoted slogans and titles keep their own spacing ("港航扬帆 法治护航").
_QUOTED = re.compile(r"“[^”\n]*(?:”|$)|《[^》\n]*(?:》|$)")
# Joint issuers are separated by a space, in the body as on the title line
# ("中共中央办公厅 国务院办公厅印发", "中共浙江省委 浙江省人民政府关于……").
_ORGAN = r"(?:办公厅|办公室|委员会|人民政府|省委|市委|县委|区委|州委|党委|党组|国务院|中央)"
# a department (海关总署, 省司法厅, 市教育局, 区卫健委): after the space only where the
# issuers end ("海关总署党委 海关总署关于……", "市教育局党委 市教育局法治政府建设工作2019年度
# 报告"), not a stray space before a sentence that names one ("我局 联合县公安局开展")
_DEPT = r"(?:总署|总局|厅|局|委)"
_ISSUER_BEFORE = re.compile(rf"(?:{_ORGAN}|{_DEPT})$")
_DATE = re.compile(r"(?:19|20)[0-9]{2}年[0-9]{1,2}月")
# one space character, not part of a run: a run or a tab aligns columns
_ONE = " \u00a0\u3000"
_ORGAN_REACH = 8  # more than the longest of _ORGAN
# A speaker's or signatory's line: a post and a name ("朝阳区人民政府副区长  王志勉").
_POST_AND_NAME = re.compile(
    rf"[{HAN}]{{2,24}}(?:长|主任|书记|主席|委员|负责人|代表)[{_ONE}]+[{HAN}]{{2,4}}"
)
# A short heading letter-spaced on purpose: "引 言", "目　录", "结 束 语".
_SPACED_HEADING = re.compile(rf"[{HAN}](?:[{_ONE}]+[{HAN}]){{1,3}}")
# A heading of two parallel phrases set apart by one space, as headlines are set
# ("党建引领法治建设 深化基层依法治理", set Z34): each side four or more characters.
_TWO_PHRASES = re.compile(rf"[{HAN}“”]{{4,}}[{_ONE}][{HAN}“”]{{4,}}")
_ISSUER_AFTER = re.compile(
    rf"(?:中共|国务院)|[^{SPACE}，。、；：《》“”]{{1,10}}?"
    rf"(?:{_ORGAN}|{_DEPT}(?=关于|印发|联合|党委|党组|法治|(?:19|20)[0-9]{{2}}|二〇|[{SPACE}]|$))"
    # a long second issuer on a title line, then the report's name ("中共…新区建设工作委员会
    # 重庆市荣昌区新区建设管理委员会关于……", set Z31)
    rf"|[^{SPACE}，。、；：《》“”]{{11,24}}?(?:委员会|人民政府|办公室|管理局)"
    rf"(?=关于|(?:19|20)[0-9]{{2}}|二〇|法治)"
)


class CjkSpace(Check):
    kind = "cjk-space"
    summary = "Spaces inside Chinese text, around Chinese punctuation, or before 年/月/units"
    fields = ("problem",)
    problems = {
        "before-mark": (),
        "after-mark": (),
        "before-unit": (),
        "between-chinese": (),
        "before-number": (),
    }
    fixable = True
    options = {
        "units": Option(
            "str",
            "年月日时分秒@{measure-words}个万亿台辆座届本余多",
            "Characters after a number that take no space before them.",
        ),
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        units = re.escape(self.opts["units"])
        self.inside = re.compile(rf"(?<=[{CJK}]){_S}(?=[{CJK}])")
        # after a Chinese character or a closing mark ("“挂案” 5起", set H)
        self.before_number = re.compile(
            rf"(?<=[{HAN}”’》〉）])[{_ONE}](?=[0-9]+(?:\.[0-9]+)?%?[{HAN}])"
        )
        self.patterns = (
            (re.compile(rf"(?<=[^{SPACE}\n]){_S}(?=[{_CLOSING}])"), "before-mark"),
            (re.compile(rf"(?<=[{_PAUSE}]){_S}(?=[^{SPACE}\n])"), "after-mark"),
            (re.compile(rf"(?<=\d){_S}(?=[{units}])"), "before-unit"),
            (self.inside, "between-chinese"),
            # a single space before a count or date that the text goes on with ("发放宣传
            # 资料 3000份", "于 2024年"); runs of spaces and tabs align table columns
            (self.before_number, "before-number"),
            # after an ASCII mark that belongs to Chinese text ("领导下, 我镇", "(一) 加强"):
            # once the mark becomes full-width, the space is a stray one
            (
                re.compile(rf"(?<=[{HAN}][,;:?!)]){_S}(?=[{CJK}])"),
                "after-mark",
            ),
        )

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        seen: set[int] = set()
        # Chrome rows align their labels with spaces ("索 引 号"). The title line is
        # checked like the body ("……卫生健康委员会 关于2025年……" has a stray space); the
        # space between joint issuers ("中共××市委 ××市人民政府关于……") is kept there as
        # in the body.
        skip = doc.chrome
        for i, line in enumerate(doc.lines):
            if i + 1 in skip:
                continue
            body = len(line) - len(line.lstrip(SPACE))
            base = doc.line_starts[i]
            if _spaced_on_purpose(doc, i, line, base):
                continue
            # a space strictly inside a quotation: a < pos < b
            quoted = SpanIndex((a + 1, b) for a, b in (m.span() for m in _QUOTED.finditer(line)))
            for pattern, code in self.patterns:
                for m in pattern.finditer(line, body):
                    if base + m.start() in seen or m.end() == len(line):
                        continue
                    if pattern is self.inside and (
                        m.start() in quoted
                        or _joint(line, m.start(), m.end())
                        # GB/T 9704's header line: "沪民防〔2021〕28号 签发人：钟杰"
                        or line.startswith("签发人", m.end())
                        # a metadata key, then its value ("名称 江苏省……的报告", set Z15)
                        or META_KEY.fullmatch(line, 0, m.start()) is not None
                    ):
                        continue
                    if pattern is self.before_number and _signature(line, m.start(), m.end()):
                        continue
                    seen.add(base + m.start())
                    yield self.finding(
                        ctx, base + m.start(), base + m.end(), fix="", problem=self.problem(code)
                    )


class TrailingSpace(Check):
    kind = "trailing-space"
    summary = "Whitespace (including NBSP and U+3000) at the end of a line"
    fields = ()
    fixable = True
    options = {
        "markdown_hard_break": Option(
            "bool", True, "In Markdown, allow two or more trailing ASCII spaces (a line break)."
        ),
    }

    _TRAILING = re.compile(_S)  # matched where rstrip ends: "{_S}$" is quadratic in a run

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        allow_break = doc.markdown and self.opts["markdown_hard_break"]
        for i, line in enumerate(doc.raw.split("\n")):
            if i + 1 in doc.chrome:
                continue
            m = self._TRAILING.match(line, len(line.rstrip(SPACE)))
            if not m or (
                allow_break
                and line.strip()
                and m.group(0).startswith("  ")
                and set(m.group(0)) == {" "}
            ):
                continue
            base = doc.line_starts[i]
            yield self.finding(ctx, base + m.start(), base + m.end(), fix="")


def _spaced_on_purpose(doc: Document, i: int, line: str, base: int) -> bool:
    """Is line ``i`` (starting at ``base``) one whose spaces are set on purpose: a
    letter-spaced heading, a post and a name, or a heading of two parallel phrases?"""
    text = line.strip(SPACE)
    if _SPACED_HEADING.fullmatch(text) or _POST_AND_NAME.fullmatch(text):
        return True
    heading = doc.heading_at_line(i + 1)
    return (
        heading is not None
        and heading.standalone
        and _TWO_PHRASES.fullmatch(line, heading.start - base, len(line.rstrip(SPACE))) is not None
    )


def _signature(line: str, start: int, end: int) -> bool:
    """Is the space at ``line[start:end]`` the one between an issuing organ and its date
    ("青禾县人民政府 2025年3月1日"): a signature block joined onto one line by a web copy,
    not a stray space in a sentence?"""
    before = max(0, start - _ORGAN_REACH)  # an organ name ends right at the space
    return bool(_ISSUER_BEFORE.search(line, before, start) and _DATE.match(line, end))


def _joint(line: str, start: int, end: int) -> bool:
    """Is the space at ``line[start:end]`` the one between two joint issuers?"""
    # an organ name ends right at the space: look back a few characters, not the line
    before = max(0, start - _ORGAN_REACH)
    return bool(_ISSUER_BEFORE.search(line, before, start) and _ISSUER_AFTER.match(line, end))


CHECKS = (CjkSpace, TrailingSpace)

"""Find the line that names the report, even under web-page chrome, and its year."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lawlint.chars import MASK, SPACE
from lawlint.input.markup import META_KEY, META_ROW
from lawlint.numerals import digits_to_arabic

# A title ends in 报告/总结 (or names the 法治政府建设…情况 it reports), possibly followed by
# a bracketed note such as "（全文）" or "（2024年）".
# 法治政府部门建设 is the transport sector's own term (交通运输法治政府部门建设).
_TITLE_END = re.compile(
    r"(?:报告|总结|法治政府(?:部门)?建设[^，。]{0,8}情况)(?:[（(][^（）()]{1,10}[）)])?$"
)
# A site's column tag printed before the title: "【工作总结】六安市公安局关于……的报告".
_TAG = re.compile(r"^[【\[][^】\]\n]{1,8}[】\]]")
# Breadcrumbs, metadata rows (masked: input.markup) and sentences are not titles.
_NOT_TITLE = re.compile(rf"[>»|｜:：,，。;；!！?？/{MASK}]|\s{{2,}}")
# stripped with str.strip, not a "[…]+$" regex: that retries a long run of spaces from
# every position in it (quadratic on a line of 20,000 spaces)
_STRIP_CHARS = SPACE + "#*_"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年|([〇零一二三四五六七八九]{4})年")
MAX_TITLE = 60
# the page's publication date in brackets at the end of the title line
_DATE_NOTE = re.compile(
    rf"[{SPACE}]*[（(][{SPACE}]*(?:19|20)\d{{2}}(?:年\d{{1,2}}月\d{{1,2}}日|[-./]\d{{1,2}}[-./]\d{{1,2}})"
    rf"[{SPACE}]*[）)]$"
)
_DATE_NOTE_MAX = 30  # looked for in the line's last characters only


@dataclass(frozen=True, slots=True)
class Title:
    """The title's text; ``start``/``end`` span it in the document. A title split over
    two lines has ``break_at``: the index in ``text`` where the second line starts,
    ``gap`` characters (line break and indentation) after the first line's end."""

    text: str
    start: int
    end: int
    year: int | None
    break_at: int | None = None
    gap: int = 0

    def offset(self, index: int) -> int:
        """Document offset of ``text[index]``."""
        if self.break_at is not None and index >= self.break_at:
            return self.start + index + self.gap
        return self.start + index


def find_year(text: str) -> int | None:
    m = _YEAR.search(text)
    if not m:
        return None
    return int(m.group(1) or digits_to_arabic(m.group(2)))


def _clean(line: str) -> tuple[str, int]:
    """The line without indentation, Markdown '#'/emphasis, a site's column tag
    ("【工作总结】") or the page's date after it; and where it starts."""
    rest = line.lstrip(_STRIP_CHARS)
    tag = _TAG.match(rest)
    if tag is not None and len(rest) > tag.end():
        rest = rest[tag.end() :].lstrip(_STRIP_CHARS)
    lead = len(line) - len(rest)
    # a site's byline after the title is masked (input.markup): not part of it
    rest = rest.rstrip(_STRIP_CHARS + MASK)
    # the page's date after the title (set Z6: "……情况报告 ( 2021年02月10日 )")
    date = _DATE_NOTE.search(rest, max(0, len(rest) - _DATE_NOTE_MAX))
    if date is not None and date.start() > 0:
        rest = rest[: date.start()].rstrip(_STRIP_CHARS)
    return rest, lead


# A line naming the issuer above "关于…的报告": the title's first line.
_ISSUER = re.compile(
    r"(?:人民政府|政府|委员会|党委|市委|县委|区委|局|厅|办公室|办事处|街道|镇|乡)$"
)


def _reads_as_title(text: str) -> bool:
    """Is ``text`` (cleaned) short and ending as a report title does, and not a
    breadcrumb, a metadata row or a sentence?"""
    return (
        bool(text)
        and len(text) <= MAX_TITLE
        and not _NOT_TITLE.search(text)
        and _TITLE_END.search(text) is not None
    )


def _score(text: str) -> int:
    return (2 if "法治" in text else 0) + (2 if find_year(text) else 0)


def find_title(lines: list[str], line_starts: list[int], stop: int) -> Title | None:
    """The best title candidate among ``lines[:stop]`` (the lines before the first
    numbered heading): a short line ending in 报告 or 总结 (or 法治政府建设…情况; a
    bracketed note may follow) that is not a breadcrumb or a sentence, possibly split
    over two lines; it must name 法治 or a year."""
    best: tuple[int, int, Title] | None = None
    for i in range(min(stop, len(lines))):
        text, lead = _clean(lines[i])
        if not _reads_as_title(text):
            continue
        start = line_starts[i] + lead
        candidates = [Title(text, start, start + len(text), find_year(text))]
        # the title's first line: the line above; above a blank line only for a tail that
        # cannot be a title alone (set Z9: "贵州省2023年度法治政府建设工作" / "" / "情况报告")
        above = i - 1
        if above > 0 and not lines[above].strip(_STRIP_CHARS) and not _score(text):
            above -= 1
        if i > 0:
            prev, prev_lead = _clean(lines[above])
            joined = prev + text
            if (
                prev
                and not _NOT_TITLE.search(prev)
                # a metadata row ("发布机构 南县退役军人事务局") may end in an issuer's name
                and not META_KEY.match(prev)
                and not _TITLE_END.search(prev)
                and len(joined) <= MAX_TITLE
            ):
                pstart = line_starts[above] + prev_lead
                gap = start - (pstart + len(prev))
                candidates.append(
                    Title(joined, pstart, start + len(text), find_year(joined), len(prev), gap)
                )
        for cand in candidates:
            score = _score(cand.text)
            if cand.break_at is not None and _ISSUER.search(cand.text[: cand.break_at]):
                score += 1
            # the same title again further down: the first was the page's (its metadata's
            # 名称 row, a banner), this one heads the report (set N)
            again = best is not None and score == best[0] and cand.text == best[2].text
            if score and (best is None or score > best[0] or again):
                best = (score, -i, cand)
    if best is None:
        return None
    title = best[2]
    if title.year is None:  # "……年度报告" then "（2024年度）" on a line of its own
        year = _year_below(lines, -best[1] + 1, stop)
        if year is not None:
            title = replace(title, year=year)
    return title


# The metadata keys (input.markup's rows) that carry the page's title: "| 标 题： | ……的报告 |",
# "名称：……".
_TITLE_KEY = re.compile(rf"(?:标[{SPACE}]*题|名[{SPACE}]*称)[{SPACE}]*[:：|]$")
_VALUE_LEAD = SPACE + ":：|｜"


def title_in_metadata(raw_lines: list[str], line_starts: list[int], stop: int) -> Title | None:
    """The title a page copy keeps only in its metadata table (set Z38: "| 标 题： |
    厦门市……2025年度法治政府建设工作报告 |"), when no line of the body is one: the row's
    value, if it reads as a report title (as :func:`find_title` asks) and names 法治 or a
    year. The row itself stays masked as page chrome."""
    for i in range(min(stop, len(raw_lines))):
        line = raw_lines[i]
        m = META_ROW.match(line)
        if m is None or not _TITLE_KEY.search(m.group(0)):
            continue
        at = len(line) - len(line[m.end() :].lstrip(_VALUE_LEAD))  # the value's start
        text, lead = _clean(line[at:].rstrip(_STRIP_CHARS + "|｜"))
        if not _reads_as_title(text) or not _score(text):
            continue
        start = line_starts[i] + at + lead
        return Title(text, start, start + len(text), find_year(text))
    return None


# A title's year on the line under it: "（2024年度）", "(2024年)", "2024年度", and as
# drafts type it: full-width digits "（２０２４年度）", Chinese numerals "（二〇二四年度）".
_YEAR_LINE = re.compile(r"[（(]?\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年度?\s*[）)]?")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _year_below(lines: list[str], first: int, stop: int) -> int | None:
    """The year of a year line right under the title (blank lines skipped): a line
    holding only the year, bracketed or not."""
    for i in range(first, min(stop, len(lines))):
        text, _ = _clean(lines[i])
        if text:
            m = _YEAR_LINE.fullmatch(text.translate(_FULLWIDTH_DIGITS))
            if m is None or (text[0] in "（(") != (text[-1] in "）)"):
                return None  # not a year line, or a bracket left open
            return int(digits_to_arabic(m.group(1)))
    return None


_NAME_SUFFIX = re.compile(r"\.(?:txt|md|markdown|docx)$", re.IGNORECASE)
_NAME_WORDS = re.compile(r"法治(?:政府)?(?:部门)?(?:建设|工作).*(?:报告|情况)")


def title_from_name(path: str) -> str | None:
    """The title a file name gives a text that has no title line (a web copy starting
    at the body): ``青禾镇2024年法治政府建设年度报告.txt`` → 青禾镇2024年法治政府建设年度报告.
    Only a name that reads as a report title counts: it names 法治政府建设 (or 法治建设,
    法治政府部门建设, 法治工作), 报告 or 情况, and a year; "draft3.txt" or "报告.txt" do not."""
    name = _NAME_SUFFIX.sub("", path.replace("\\", "/").rsplit("/", 1)[-1]).strip(SPACE)
    if len(name) > MAX_TITLE or not _NAME_WORDS.search(name):
        return None
    return name if find_year(name) is not None else None


_FILER_END = re.compile(rf"[{SPACE}（(]*(?:关于|的)?[{SPACE}（(]*$")
_FILER_AFTER_YEAR = re.compile(r"^度?(.+?)(?:关于|法治|推进|贯彻|全面)")


def find_filer(title: str) -> str | None:
    """Who files the report, from its title: the words before the year
    ("青禾镇人民政府关于2024年……" → 青禾镇人民政府), or after a leading year
    ("2024年度云溪县司法局法治政府建设……" → 云溪县司法局); None when the title does not
    say."""
    m = _YEAR.search(title)
    if m is None:
        return None
    before = _FILER_END.sub("", title[: m.start()]).strip(SPACE)
    if before:
        return before
    after = _FILER_AFTER_YEAR.match(title[m.end() :])
    return after.group(1).strip(SPACE) if after else None

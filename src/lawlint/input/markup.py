"""What is not prose: spans lawlint must not lint.

Markdown code (fenced blocks and inline spans), link destinations, autolinks, HTML
comments and tags, and — in every format — bare URLs and e-mail addresses. They are
replaced by a private-use character of the same length, so positions do not move and
no check ever sees ASCII punctuation in a URL as a fault in Chinese text.

A lawlint directive (``<!-- lawlint-disable … -->``, see :mod:`lawlint.lint.suppress`) is an
HTML comment, so Markdown masks it; in plain text a directive on a line of its own is
masked too, so the checks never see it.

The metadata rows of a draft copied from a government site ("索引号：…", "发布日期：…",
"来源：…", "浏览次数：…") are the site's text, not the report's: among the first lines,
before the first numbered heading, they are masked whole, so no rule reports them and
``--fix`` never rewrites them (``[2024]`` in "文号：" stays as the site wrote it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawlint.chars import CJK, MASK, SPACE
from lawlint.numbering import parse_marker

# A bare URL, or an e-mail address: local part, then @ and a dotted domain. The two are
# matched as the single regex ``URL|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`` would (see
# ``_addresses``), but without trying the local part at every position of a long run of
# letters or digits (or Chinese characters, which are \w too): that was quadratic.
_WEB = re.compile(rf"(?:https?://|ftp://|www\.)[^\s{CJK}<>\"']+")
_AT = re.compile("@")
_LOCAL_RUN = re.compile(r"[\w.+-]+")
_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_LINK_DEST = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
# A link label has at most 999 characters (CommonMark): the bound also keeps a file of
# lines opening with "[" and no "]" linear.
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]{1,999}\]:\s*\S.*$", re.M)
# No "<" inside (CommonMark), so an unclosed "<http:" is not rescanned from each one.
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]+>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# A lawlint directive: one HTML comment on one line, ``<!-- lawlint-VERB [ID,...] -->``.
DIRECTIVE = re.compile(r"<!--[ \t]*(lawlint-[A-Za-z-]*?)(?:[ \t]+([^\n]*?))?[ \t]*-->")


def directives(text: str) -> Iterator[re.Match[str]]:
    """``DIRECTIVE.finditer(text)``, in linear time: a "<!--" with no "-->" after it on
    its line cannot begin a directive, and neither can any later one on that line, so
    the line is skipped instead of the regex rescanning it from each "<!--"."""
    pos = 0
    close = line_end = -1  # the next "-->" and line end found so far (each found once)
    while (start := text.find("<!--", pos)) >= 0:
        if close < start + 4:
            close = text.find("-->", start + 4)
            if close < 0:
                return
        if line_end < start:
            line_end = text.find("\n", start)
            if line_end < 0:
                line_end = len(text)
        if close > line_end:
            pos = line_end + 1
            continue
        m = DIRECTIVE.match(text, start)
        if m is None:
            pos = start + 1
        else:
            yield m
            pos = m.end()


# In plain text a directive counts only on a line of its own.
PLAIN_DIRECTIVE = re.compile(
    rf"^[ \t\u3000]*({DIRECTIVE.pattern})[ \t\u3000]*$",
    re.M,
)


# A quoted title 《…》, with one level of nesting (《A〈B〉C》 written as 《A《B》C》).
QUOTED_TITLE = re.compile(r"《[^《》\n]*(?:《[^《》\n]*》[^《》\n]*)*》")


def blank_titles(text: str) -> str:
    """``text`` with every quoted title emptied: what a title names is not what the
    report itself says or does."""
    return QUOTED_TITLE.sub("《》", text)


def _blank(text: str, start: int, end: int) -> str:
    return "".join("\n" if ch == "\n" else MASK for ch in text[start:end])


def _mask_matches(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: _blank(text, m.start(), m.end()), text)


def _addresses(text: str) -> list[tuple[int, int]]:
    """Spans of bare URLs and e-mail addresses, leftmost first and not overlapping, as
    the regex ``_WEB|local@domain`` finds them (at one position a URL wins), in
    linear time. An address can only start within the run of local-part characters
    that ends right at an "@" followed by a domain: the runs are found once, and each
    "@" is looked at once."""
    spans: list[tuple[int, int]] = []
    ats = [m.start() for m in _AT.finditer(text)]
    # where the run of local-part characters ending at each "@" starts
    runs = {m.end(): m.start() for m in _LOCAL_RUN.finditer(text)} if ats else {}
    domains: dict[int, re.Match[str] | None] = {}
    k = 0  # the first "@" that may still begin an address
    pos = 0
    web = _WEB.search(text)
    while True:
        if web is not None and web.start() < pos:
            web = _WEB.search(text, pos)
        mail = None
        while k < len(ats):
            at = ats[k]
            if at > pos:
                if at not in domains:
                    domains[at] = _DOMAIN.match(text, at)
                domain = domains[at]
                start = max(runs.get(at, at), pos)
                if domain is not None and start < at:
                    mail = (start, domain.end())
                    break
            k += 1
        if web is not None and (mail is None or web.start() <= mail[0]):
            spans.append(web.span())
            pos = web.end()
        elif mail is not None:
            spans.append(mail)
            pos = mail[1]
        else:
            return spans


def _comments(text: str) -> list[tuple[int, int]]:
    """Spans of HTML comments, as the regex ``<!--.*?-->`` (dot matching newlines) finds
    them, in linear time: once a comment has no "-->" after it, no later one has."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        close = text.find("-->", start + 4)
        if close < 0:
            break
        spans.append((start, close + 3))
        pos = close + 3
    return spans


def _mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    out = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append(_blank(text, start, end))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def mask_urls(text: str) -> str:
    """Mask bare URLs and e-mail addresses."""
    return _mask_spans(text, _addresses(text))


# Web-page chrome kept by a draft copied from a site: the keys of its metadata rows
# ("索 引 号:", "来源:", "发布日期:", "【字体:大 中 小】"); model.document also uses them
# for the chrome it skips (breadcrumbs, widget rows).
META_KEYS = (
    r"索\s*引\s*号|信息来源|文章来源|来\s*源|所属单位|文\s*号|"
    r"备注/文号|名\s*称|公文生成日期|更新时间|浏览次数|点击[率数量]|阅\s*读|"
    # 字号 as well (set K: "【字号：", the font-size widget whose links the copy dropped)
    r"字[体号](?:大小)?|分享到|效力状态|公开(?:方式|时限|范围)|"
    r"文件编号|栏\s*目|作\s*者|责任编辑|时\s*间|打印本页|关闭窗口|分\s*类|标\s*题|"
    # "日期：2023年05月11日   作者：……", "浏览：5072次 时间：……" (issue 14's unseen set)
    r"日\s*期|浏\s*览(?:量|数)?|"
    # set M: "访问次数： 147        作者： ……", "文章来源 ·   市政府办公厅 clock 157天前"
    r"访问(?:次数|量)|"
    # 发布时间, 成文日期, 发文单位, 主题分类 …, also spaced out as a set N table has them
    # ("发 布 机 构 :", "成 文 日 期 :", "有   效  性 :"); set O: "有效性： 有效 发文日期： ……"
    r"发\s*布\s*(?:时\s*间|日\s*期|机\s*构|单\s*位)|成\s*文\s*日\s*期|"
    r"发\s*文\s*(?:单\s*位|字\s*号|日\s*期|机\s*关)|主\s*题(?:\s*分\s*类)?|有\s*效\s*性|"
    # set Z11: "信息类别 综合政务 公开范围 全部公开"; set Z12: "关键词： 环境治理 环境保护"
    r"信\s*息\s*(?:类\s*别|分\s*类)|[体题]\s*裁\s*分\s*类|关\s*键\s*[词字]|标\s*签"
)
# A metadata row: a key, then a colon (or a bar, a middle dot, or nothing: the value on the
# next line), or a widget's bracket ("• 字体【 大 中 小 】", set E).
META_ROW = re.compile(rf"[{SPACE}•·*\-【\[|]*(?:{META_KEYS})[{SPACE}]*(?:[:：|【\[·•]|$)")
# A metadata key opening a line, its value after a space, colon or bar ("名称 江苏省……的报告",
# "发布机构 南县……"): the row is the page's, not a title's first line nor a stray space.
META_KEY = re.compile(rf"[{SPACE}]*(?:{META_KEYS})(?=[{SPACE}:：|]|$)")
META_REGION = 40  # a page's metadata sits above the report: only the first lines are read
# A site's byline printed on the title's line (set O: "上海市统计局2019年度法治政府建设情况报告
# 上海市统计局 2020-06-08"): the publisher and the date after the title, set off by spaces.
_BYLINE = re.compile(
    rf"^[{SPACE}]*[^{SPACE}]{{4,60}}?(?:报告|总结|情况)"
    rf"([{SPACE}]+[^{SPACE}]{{2,24}}[{SPACE}]+(?:19|20)\d{{2}}(?:[-/.]\d{{1,2}}[-/.]\d{{1,2}}|年\d{{1,2}}月\d{{1,2}}日))"
    rf"[{SPACE}]*$"
)


def metadata_rows(text: str) -> list[tuple[int, int]]:
    """Spans of the metadata rows (whole lines, or a byline after the title) among the
    first :data:`META_REGION` lines, up to the first line that opens with a heading
    marker (一、 （一） 1.): below it, "时间：……" is the report's own text."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for _ in range(META_REGION):
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        line = text[pos:end]
        if parse_marker(line, len(line) - len(line.lstrip(SPACE))) is not None:
            break
        if META_ROW.match(line):
            spans.append((pos, end))
        elif (byline := _BYLINE.match(line)) is not None:
            spans.append((pos + byline.start(1), end))
        if end == len(text):
            break
        pos = end + 1
    return spans


def mask_metadata(text: str) -> str:
    """Mask a page copy's metadata rows (see :func:`metadata_rows`)."""
    spans = metadata_rows(text)
    return _mask_spans(text, spans) if spans else text


def mask_plain(text: str) -> str:
    return mask_metadata(mask_urls(_mask_matches(text, PLAIN_DIRECTIVE)))


def mask_code(text: str) -> str:
    """Mask Markdown code only (fenced blocks, inline spans): where a directive is not."""
    return _mask_matches(_mask_fences(text), _INLINE_CODE)


def _mask_fences(text: str) -> str:
    lines = text.split("\n")
    fence: str | None = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * 3
            lines[i] = MASK * len(line)
        elif fence is not None:
            if m and m.group(1).startswith(fence):
                fence = None
            lines[i] = MASK * len(line)
    return "\n".join(lines)


def mask_markdown(text: str) -> str:
    text = _mask_fences(text)
    text = _mask_spans(text, _comments(text))
    for pattern in (_INLINE_CODE, _AUTOLINK, _LINK_DEST, _REF_DEF, _TAG):
        text = _mask_matches(text, pattern)
    return mask_metadata(mask_urls(text))

"""What is not prose: spans lawlint must not lint.

Markdown code (fenced blocks and inline spans), link destinations, autolinks, HTML
comments and tags, and — in every format — bare URLs and e-mail addresses. They are
replaced by a private-use character of the same length, so positions do not move and
no check ever sees ASCII punctuation in a URL as a fault in Chinese text.
"""

from __future__ import annotations

import re

from .chars import CJK, MASK

_URL = re.compile(rf"(?:https?://|ftp://|www\.)[^\s{CJK}<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_LINK_DEST = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def _blank(text: str, start: int, end: int) -> str:
    return "".join("\n" if ch == "\n" else MASK for ch in text[start:end])


def _mask_matches(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: _blank(text, m.start(), m.end()), text)


def mask_plain(text: str) -> str:
    return _mask_matches(text, _URL)


def mask_markdown(text: str) -> str:
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
    text = "\n".join(lines)
    for pattern in (_COMMENT, _INLINE_CODE, _AUTOLINK, _LINK_DEST, _REF_DEF, _TAG, _URL):
        text = _mask_matches(text, pattern)
    return text

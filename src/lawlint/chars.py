"""Character classes used throughout: what counts as Chinese text and punctuation."""

from __future__ import annotations

import re
import unicodedata

# Han ideographs (BMP blocks and extension A; the SMP extensions via the surrogate-free
# ranges Python gives us).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Chinese (full-width) punctuation: CJK symbols and punctuation, full-width forms'
# punctuation, curly quotes, the dashes and ellipsis used in Chinese text.
CJK_PUNCT = (
    "\u3001-\u3003\u3008-\u3011\u3014-\u301f"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
)
# "Chinese context": Han characters, Chinese punctuation and full-width letters/digits.
CJK = HAN + CJK_PUNCT + "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"

CJK_CLASS = f"[{CJK}]"

# Whitespace that is not a line break: ASCII space and tab, NBSP, U+3000 and the
# other Unicode spaces drafts pasted from web pages carry.
# Spelt out character by character (no "a-b" range): it is used both inside regex
# classes and with str.strip / `in`, where a range's "-" would be a hyphen.
SPACE = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"

# Masked spans (code, URLs) are replaced by this private-use character, so they keep
# their length and positions but never look like Chinese text or punctuation.
MASK = "\ue000"

_CJK_RE = re.compile(CJK_CLASS)

# Quote marks: a message that quotes text holding one cannot quote it with “…” and
# stay readable (“““”, 全角“””): such text is quoted with corner brackets instead.
QUOTE_MARKS = frozenset("“”‘’\"'")


def quoted(text: str) -> str:
    """``text`` in Chinese quotation marks for a message: “text”, or 「text」 when it
    holds a quote mark itself (「“」, 「“放管服”改革」)."""
    return f"「{text}」" if QUOTE_MARKS.intersection(text) else f"“{text}”"


def is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_RE.match(ch) is not None


def display_width(text: str) -> int:
    """Terminal cells: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

"""Text from drafts and file names made safe to show: never a raw control sequence.

A draft may hold an escape character (``ESC [31m``, ``ESC ]0;title BEL``, ``ESC ]8;;url``
hyperlinks), C1 controls, bidirectional overrides or a line separator, and a file name may
hold any of them, a newline, or bytes that are not UTF-8 (a name unzipped from a Windows
archive, GBK: Python hands it over with lone surrogates, ``os.fsdecode``). Printed as
they are, the first take over a terminal or a CI log, a newline makes a fake line (or a
fake GitHub workflow command), and the last cannot be encoded at all.

- :func:`shown` — for text meant to be read (the text and GitHub formats, error lines on
  standard error): each such character becomes a visible Python-style escape — ``\\n``,
  ``\\r``, ``\\t``, ``\\x1b``, ``\\u202e`` —, and a byte that was not UTF-8 becomes
  ``\\xNN``, the byte itself. Text without them is returned as it is (the usual case).
- :func:`json_safe` — for JSON already encoded (JSON and SARIF): the characters JSON
  leaves raw but a terminal acts on (DEL, C1, bidirectional controls, line separators)
  become ``\\uXXXX`` escapes, the same string once decoded; a byte that was not UTF-8
  (which no JSON string can hold) becomes the text ``\\xNN``.
- :func:`shown_lines` — like :func:`shown`, keeping newlines, carriage returns and tabs:
  for the HTML page (its own layout) and GitHub workflow commands (which escape line
  ends as ``%0A``, as GitHub's toolkit does: a multi-line annotation, never a new command).

A backslash is left as it is (Windows paths), so an escape is not always reversible; it
is for reading, and the draft itself is never changed.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls; bidirectional marks, embeddings, overrides and isolates
# (they reorder what a reader sees: "Trojan source"); line and paragraph separators;
# lone surrogates (bytes that were not UTF-8, as os.fsdecode hands them over).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_BUT_LINES = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# In encoded JSON, control characters below 0x20 are escaped already.
_UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    """One unsafe character as a visible escape."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape_match(match: re.Match[str]) -> str:
    return _escape(match.group())


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if 0xD800 <= ord(char) <= 0xDFFF:  # not a character: shown as text, the backslash escaped
        return "\\" + _escape(char)
    return f"\\u{ord(char):04x}"


def shown(text: str) -> str:
    """``text`` with every control character, bidirectional control, line separator and
    undecodable byte as a visible escape (``\\x1b``, ``\\n``, ``\\u202e``, ``\\xb1``)."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape_match, text)


def has_unsafe(text: str) -> bool:
    """Would :func:`shown` change ``text``?"""
    return _UNSAFE.search(text) is not None


def json_safe(encoded: str) -> str:
    """Encoded JSON (``ensure_ascii=False``) with what JSON leaves raw but a terminal acts
    on escaped as ``\\uXXXX``; undecodable bytes as the text ``\\xNN``. Those characters
    occur only inside JSON strings, so the document stays valid."""
    if _UNSAFE_IN_JSON.search(encoded) is None:
        return encoded
    return _UNSAFE_IN_JSON.sub(_json_escape, encoded)


def shown_lines(text: str) -> str:
    """Like :func:`shown`, but newlines, carriage returns and tabs stay."""
    if _UNSAFE_BUT_LINES.search(text) is None:
        return text
    return _UNSAFE_BUT_LINES.sub(_escape_match, text)

"""``--format json``: one JSON array of findings (the contract in the README).

Each object: ``path, rule, severity, line, column, end_line, end_column, message,
fix, data`` — positions 1-based, columns in characters, end exclusive; ``fix`` is
null or ``{"replacement": "..."}`` for the span. UTF-8, not ASCII-escaped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult
    from . import FormatOptions


def write(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool | None = None,
    options: FormatOptions | None = None,
) -> None:
    # One finding per line: readable, diff-friendly, and written by json's C encoder
    # (an indented dump goes through the pure-Python one, ~10x slower).
    items = [json.dumps(f.to_dict(), ensure_ascii=False) for r in results for f in r.findings]
    out.write("[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n")

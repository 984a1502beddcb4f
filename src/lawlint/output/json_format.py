"""``--format json``: one JSON array of findings (the contract in docs/output-formats.md).

Each object: ``path, rule, severity, line, column, end_line, end_column, message,
fix, data`` — positions 1-based, columns in characters, end exclusive; ``fix`` is
null or ``{"replacement": "..."}`` for the span. UTF-8, not ASCII-escaped, but for
what a terminal would act on (DEL, C1 and bidirectional controls, line separators:
``\\u009b``) and the bytes of a file name that are not UTF-8 (the text ``\\xb1``),
``formatters.safe.json_safe``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from lawlint.output import visible, write_parts
from lawlint.output.safe import json_safe

if TYPE_CHECKING:
    from lawlint.lint.engine import FileResult
    from lawlint.output import FormatOptions


#: opening, separator, closing, and the report with no findings (see PartWriter)
PARTS = ("[\n", ",\n", "\n]\n", "[]\n")


def write(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool | None = None,
    options: FormatOptions | None = None,
) -> None:
    write_parts("json", results, out, options)


def render_file(result: FileResult, options: FormatOptions | None = None) -> str:
    """One file's objects, one per line, separated by ``,\n`` (no brackets)."""
    items = [f.to_dict() for f in visible(result.findings, options)]
    if not items:
        return ""
    # One finding per line — readable and diff-friendly — from one call to json's C
    # encoder (an indented dump runs the pure-Python encoder, ~10x slower; a dump per
    # finding pays the call overhead for each). Every object starts with its "path"
    # key, so each object boundary is '}, {"path": '.
    text = json_safe(json.dumps(items, ensure_ascii=False))
    return text[1:-1].replace('}, {"path": ', '},\n{"path": ')
